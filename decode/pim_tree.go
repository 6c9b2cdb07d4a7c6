package decode

import "strconv"

// pimWalker walks a PIM message item by item as Wireshark 4.0's dissector
// adds them, so that the -V tree, the fields and the decoder's "where does
// tshark give up" agree: t draws the tree (nil: none), e emits the fields
// (nil: none). Wireshark reads fixed offsets whatever the lengths say (a
// Hello option of length 0 still shows the four bytes after it) and stops
// with an exception at the first read past the captured bytes: cut records
// that, and every output marks the packet there.
type pimWalker struct {
	d    *Decoder
	i    int
	b    []byte // the message as captured
	rep  int    // its length as the IP header reports it
	t    *treeWriter
	e    *emitter
	seen [2]uint64 // fields emitted once (JSON takes the first)
	cut  bool      // a read ran past the captured bytes
	done bool      // stop drawing (an encoding rawcap does not draw)
	opts int       // Hello options walked
	// A Bootstrap's reserved bytes, which tshark draws after the message.
	resv  [16]int
	nresv int
}

// has reports whether n bytes at off were captured; if not, the walk is cut
// there, as tshark's dissector throws.
func (w *pimWalker) has(off, n int) bool {
	if off >= 0 && n >= 0 && off+n <= len(w.b) {
		return true
	}
	w.cut = true
	return false
}

func (w *pimWalker) avail(off, n int) bool { return off >= 0 && off+n <= len(w.b) }

// once reports whether field k is to be emitted: every occurrence for -T
// fields and ek, the first for JSON.
func (w *pimWalker) once(k int) bool {
	if w.e == nil {
		return false
	}
	if w.e.all {
		return true
	}
	m, bit := &w.seen[k/64], uint64(1)<<(k%64)
	if *m&bit != 0 {
		return false
	}
	*m |= bit
	return true
}

func (w *pimWalker) uint(k int, v uint64) {
	if w.once(k) {
		w.e.Uint(&pimFields[k], v)
	}
}

func (w *pimWalker) bool(k int, v bool) {
	if w.once(k) {
		w.e.Bool(&pimFields[k], v)
	}
}

func (w *pimWalker) ip(k4, k6 int, a []byte) {
	if len(a) == 4 {
		if w.once(k4) {
			w.e.IPv4(&pimFields[k4], a)
		}
	} else if w.once(k6) {
		w.e.IPv6(&pimFields[k6], a)
	}
}

// line starts a tree line at depth; false when no tree is drawn.
func (w *pimWalker) line(depth int) bool {
	if w.t == nil || w.done {
		return false
	}
	w.t.depth = depth
	w.t.line()
	return true
}

// at sets the depth of a bit-field line, which t.bits starts; false when no
// tree is drawn.
func (w *pimWalker) at(depth int) bool {
	if w.t == nil || w.done {
		return false
	}
	w.t.depth = depth
	return true
}

// text appends "label: value" at depth.
func (w *pimWalker) text(depth int, label string, v uint64) {
	if w.line(depth) {
		t := w.t
		t.b = append(t.b, label...)
		t.b = append(t.b, ": "...)
		t.b = appendUint(t.b, v)
		t.end()
	}
}

// bitsLine draws a masked field of a width-bit value with its number.
func (w *pimWalker) bitsLine(depth int, v uint64, width int, mask uint64, label string) {
	if w.at(depth) {
		t := w.t
		t.bits(v, width, mask, label)
		t.b = appendUint(t.b, (v&mask)>>maskShift(mask))
		t.end()
	}
}

// flagLine draws a one-bit field with Wireshark's words for it.
func (w *pimWalker) flagLine(depth int, v uint64, width int, k int, yes, no string) {
	if w.at(depth) {
		t := w.t
		f := &pimFields[k]
		t.bits(v, width, f.Mask, f.Label)
		if v&f.Mask != 0 {
			t.b = append(t.b, yes...)
		} else {
			t.b = append(t.b, no...)
		}
		t.end()
	}
	w.bool(k, v&pimFields[k].Mask != 0)
}

func maskShift(m uint64) uint {
	s := uint(0)
	for m != 0 && m&1 == 0 {
		m >>= 1
		s++
	}
	return s
}

func appendPIMAddr(b, a []byte) []byte {
	if len(a) == 4 {
		return addr4(a).AppendTo(b)
	}
	return addr16(a).AppendTo(b)
}

// treePIM appends the PIM subtree as tshark -V shows it.
func treePIM(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	t.head("Protocol Independent Multicast")
	t.end()
	w := pimWalker{d: d, i: i, b: d.data[l.Start:l.End], rep: pimReported(d, i, l)}
	// A first walk counts the Hello options: tshark appends the count to
	// the line above them once it has walked them all.
	w.walk()
	pre := w
	w = pimWalker{d: d, i: i, b: pre.b, rep: pre.rep, t: t, opts: -1}
	if !pre.cut {
		w.opts = pre.opts
	}
	w.walk()
	t.depth = 1
}

// walk walks a version-2 message (or what tshark shows of another version).
func (w *pimWalker) walk() {
	b := w.b
	if !w.has(0, 1) {
		return
	}
	ver, typ := b[0]>>4, b[0]&15
	w.bitsLine(1, uint64(b[0]), 8, 0xf0, "Version")
	w.uint(pimVersion, uint64(ver))
	if w.at(1) {
		t := w.t
		t.bits(uint64(b[0]), 8, 0x0f, "Type")
		t.b = appendValueName(t.b, pimTypeName(typ), uint64(typ))
		t.end()
	}
	w.uint(pimType, uint64(typ))
	if !w.has(1, 1) {
		return
	}
	if typ == PIMDFElection {
		if w.at(1) {
			t := w.t
			t.bits(uint64(b[1]), 8, 0xf0, "DF Subtype")
			t.b = appendValueName(t.b, pimFields[pimDFSubtype].ValueNames().Name(uint64(b[1]>>4)), uint64(b[1]>>4))
			t.end()
		}
		w.uint(pimDFSubtype, uint64(b[1]>>4))
		w.bitsLine(1, uint64(b[1]), 8, 0x0f, "DF reserved")
		w.uint(pimDFRsvd, uint64(b[1]&15))
	} else {
		w.resBytes(1, b[1:2])
	}
	if !w.has(2, 2) {
		return
	}
	if ver != 2 {
		w.checksum(be16(b[2:]), 0, false)
		if w.rep > 0 {
			w.options("PIM Options")
		}
		return
	}
	n := w.rep
	if typ == PIMRegister {
		n = 8
	}
	verify := !pimFragmented(w.d, w.i) && w.rep >= n && len(b) >= n
	var sum uint16
	if verify {
		sum = pimChecksum(w.d, w.i, b[:n])
	}
	w.checksum(be16(b[2:]), sum, verify)
	if w.rep-4 <= 0 {
		return
	}
	if typ == PIMHello && w.opts >= 0 && w.t != nil {
		if w.line(1) {
			t := w.t
			t.b = append(t.b, "PIM Options: "...)
			t.b = strconv.AppendInt(t.b, int64(w.opts), 10)
			t.end()
		}
		if w.once(pimOption) {
			w.e.None(&pimFields[pimOption])
		}
	} else {
		w.options("PIM Options")
	}
	switch typ {
	case PIMHello:
		w.hello()
	case PIMRegister:
		w.register()
	case PIMRegisterStop:
		if adv, ok := w.addr(4, pimAddrGroup, nil, pimGroup, pimGroupIP6, 2); ok {
			w.addr(4+adv, pimAddrUnicast, nil, pimSource, pimSourceIP6, 2)
		}
	case PIMJoinPrune, PIMGraft, PIMGraftAck:
		w.joinPrune()
	case PIMBootstrap:
		w.bootstrap()
		for _, r := range w.resv[:w.nresv] {
			w.resBytes(1, b[r:r+1])
		}
	case PIMAssert:
		off := 4
		adv, ok := w.addr(off, pimAddrGroup, nil, pimGroup, pimGroupIP6, 2)
		if !ok {
			return
		}
		off += adv
		if adv, ok = w.addr(off, pimAddrUnicast, nil, pimSource, pimSourceIP6, 2); !ok {
			return
		}
		w.metrics(off + adv)
	case PIMCandidateRP:
		w.candidateRP()
	case PIMStateRefresh:
		w.stateRefresh()
	case PIMDFElection:
		// Wireshark 4.0 reads the subtype from the first byte, so it
		// never draws the Backoff and Pass addresses.
		adv, ok := w.addr(4, pimAddrUnicast, nil, pimRP, pimRPIP6, 2)
		if !ok {
			return
		}
		off := 4 + adv
		if !w.has(off, 4) {
			return
		}
		w.text(2, "DF Metric Preference", uint64(be32(b[off:])))
		w.uint(pimMetricPref, uint64(be32(b[off:])))
		if !w.has(off+4, 4) {
			return
		}
		w.text(2, "Metric", uint64(be32(b[off+4:])))
		w.uint(pimMetric, uint64(be32(b[off+4:])))
	}
}

// options draws the "PIM Options" line and emits pim.option.
func (w *pimWalker) options(label string) {
	if w.line(1) {
		w.t.b = append(w.t.b, label...)
		w.t.end()
	}
	if w.once(pimOption) {
		w.e.None(&pimFields[pimOption])
	}
}

func (w *pimWalker) resBytes(depth int, v []byte) {
	if w.line(depth) {
		t := w.t
		t.b = append(t.b, "Reserved byte(s): "...)
		t.b = appendHexBytes(t.b, v)
		t.end()
	}
	if w.once(pimResBytes) {
		w.e.Bytes(&pimFields[pimResBytes], v)
	}
}

// checksum draws the checksum and its status, verified or not; sum is the
// one's complement sum, 0 when the checksum is right.
func (w *pimWalker) checksum(field, sum uint16, verified bool) {
	status := uint64(2)
	switch {
	case !verified:
	case sum == 0:
		status = 1
	default:
		status = 0
	}
	w.uint(pimCksum, uint64(field))
	w.uint(pimCksumStatus, status)
	if w.t == nil || w.done {
		return
	}
	t := w.t
	t.depth = 1
	t.line()
	t.b = append(t.b, "Checksum: 0x"...)
	t.b = appendHex4(t.b, field)
	switch status {
	case 2:
		t.b = append(t.b, " [unverified]"...)
	case 1:
		t.b = append(t.b, " [correct]"...)
	default:
		good := shouldBe(field, sum)
		t.b = append(t.b, " incorrect, should be 0x"...)
		t.b = appendHex4(t.b, good)
		t.end()
		treeBadChecksum(t, "Error", good)
		t.b = t.b[:len(t.b)-1] // the line's end comes after the switch
	}
	t.end()
	t.line()
	t.b = append(t.b, "[Checksum Status: "...)
	t.b = append(t.b, [...]string{"Bad", "Good", "Unverified"}[status]...)
	t.b = append(t.b, ']')
	t.end()
}

// pimOptionNames are Wireshark's names of the Hello options.
var pimOptionNames = map[uint16]string{
	1: "Hold Time", 2: "LAN Prune Delay", 17: "Label Parameters", 18: "Deprecated", 19: "DR Priority",
	20: "Generation ID", 21: "State-Refresh", 22: "Bidirectional Capable", 23: "VCI Capability",
	24: "Address List", 25: "Neighbor List TLV", 26: "Join Attribute", 27: "PIM-over-TCP-Capable",
	28: "PIM-over-SCTP-Capable", 29: "Pop-Count", 30: "PIM MT-ID", 31: "Interface ID",
	32: "PIM ECMP Redirect Hello Option", 33: "vPC Peer ID", 34: "DR Load Balancing Capability",
	35: "DR Load Balancing List", 36: "Hierarchical Join/Prune Attribute",
	65001: "Address list, old implementation", 65004: "RPF Proxy Vector (Cisco proprietary)",
}

// hello walks the Hello options: each is drawn whatever its length says,
// its value read at a fixed offset after its type and length.
func (w *pimWalker) hello() {
	b := w.b
	for off := 4; w.rep-off >= 2; {
		w.opts++
		if !w.has(off, 4) {
			return
		}
		ot, ol := be16(b[off:]), int(be16(b[off+2:]))
		v := off + 4
		if !w.has(off, 4+ol) {
			// tshark checks the option's bytes before it draws the
			// option.
			return
		}
		// The option's line, with what tshark appends to it once the
		// value was read.
		if w.line(2) {
			t := w.t
			t.b = append(t.b, "Option "...)
			t.b = appendUint(t.b, uint64(ot))
			t.b = append(t.b, ": "...)
			if n, ok := pimOptionNames[ot]; ok {
				t.b = append(t.b, n...)
			} else {
				t.b = append(t.b, "Unknown: "...)
				t.b = appendUint(t.b, uint64(ot))
			}
			switch ot {
			case 1:
				if w.avail(v, 2) {
					h := be16(b[v:])
					t.b = append(t.b, ": "...)
					t.b = appendUint(t.b, uint64(h))
					switch h {
					case 0:
						t.b = append(t.b, " (goodbye)"...)
					case 0xffff:
						t.b = append(t.b, " (Infinity)"...)
					}
				}
			case 2:
				if w.avail(v, 4) {
					t.b = append(t.b, ": T = "...)
					t.b = appendUint(t.b, uint64(b[v]>>7))
					t.b = append(t.b, ", Propagation Delay = "...)
					t.b = appendUint(t.b, uint64(be16(b[v:])&0x7fff))
					t.b = append(t.b, "ms, Override Interval = "...)
					t.b = appendUint(t.b, uint64(be16(b[v+2:])))
					t.b = append(t.b, "ms"...)
				}
			case 19, 20:
				if w.avail(v, 4) {
					t.b = append(t.b, ": "...)
					t.b = appendUint(t.b, uint64(be32(b[v:])))
				}
			case 21:
				if w.avail(v, 4) {
					t.b = append(t.b, ": Version = "...)
					t.b = appendUint(t.b, uint64(b[v]))
					t.b = append(t.b, ", Interval = "...)
					t.b = appendUint(t.b, uint64(b[v+1]))
					t.b = append(t.b, 's')
				}
			}
			t.end()
		}
		w.text(3, "Type", uint64(ot))
		w.uint(pimOptionType, uint64(ot))
		w.text(3, "Length", uint64(ol))
		w.uint(pimOptionLength, uint64(ol))
		switch ot {
		case 1:
			if !w.has(v, 2) {
				return
			}
			h := be16(b[v:])
			if w.line(3) {
				t := w.t
				t.b = append(t.b, "Holdtime: "...)
				switch h {
				case 0:
					t.b = append(t.b, "goodbye (0)"...)
				case 0xffff:
					t.b = append(t.b, "Infinity (65535)"...)
				default:
					t.b = appendUint(t.b, uint64(h))
				}
				t.end()
			}
			w.uint(pimHoldtime, uint64(h))
		case 2:
			if !w.has(v, 1) {
				return
			}
			w.flagLine(3, uint64(b[v]), 8, pimT, "True", "False")
			if !w.has(v, 2) {
				return
			}
			w.bitsLine(3, uint64(be16(b[v:])), 16, 0x7fff, "Propagation Delay")
			w.uint(pimPropDelay, uint64(be16(b[v:])&0x7fff))
			if !w.has(v+2, 2) {
				return
			}
			w.text(3, "Override Interval", uint64(be16(b[v+2:])))
			w.uint(pimOverride, uint64(be16(b[v+2:])))
		case 19:
			if !w.has(v, 4) {
				return
			}
			w.text(3, "DR Priority", uint64(be32(b[v:])))
			w.uint(pimDRPriority, uint64(be32(b[v:])))
		case 20:
			if !w.has(v, 4) {
				return
			}
			w.text(3, "Generation ID", uint64(be32(b[v:])))
			w.uint(pimGenID, uint64(be32(b[v:])))
		case 21:
			if !w.has(v, 1) {
				return
			}
			w.text(3, "Version", uint64(b[v]))
			w.uint(pimSRVersion, uint64(b[v]))
			if !w.has(v+1, 1) {
				return
			}
			w.text(3, "Interval", uint64(b[v+1]))
			w.uint(pimSRInterval, uint64(b[v+1]))
			if !w.has(v+2, 2) {
				return
			}
			w.text(3, "Reserved", uint64(be16(b[v+2:])))
			w.uint(pimSRReserved, uint64(be16(b[v+2:])))
		case 24, 65001:
			if w.line(3) {
				t := w.t
				if ot == 65001 {
					t.b = append(t.b, "old "...)
				}
				t.b = append(t.b, "Address List ("...)
				t.b = appendUint(t.b, uint64(ot))
				t.b = append(t.b, ')')
				t.end()
			}
			for a := v; a < v+ol; {
				adv, ok := w.addr(a, pimAddrUnicast, nil, pimAddrList, pimAddrListIP6, 4)
				if !ok {
					break
				}
				a += adv
			}
			if w.cut || w.done {
				return
			}
		default:
			if ol > 0 {
				if !w.has(v, ol) {
					return
				}
				if w.line(3) {
					w.t.b = append(w.t.b, "Unknown: "...)
					w.t.b = appendWSBytes(w.t.b, b[v:v+ol])
					w.t.end()
				}
				if w.once(pimOptionValue) {
					w.e.Bytes(&pimFields[pimOptionValue], b[v:v+ol])
				}
			}
		}
		off = v + ol
	}
}

// register walks a Register's flags and the start of the packet it
// carries (an IPv4 or IPv6 packet is the next layer).
func (w *pimWalker) register() {
	b := w.b
	if !w.has(4, 4) {
		return
	}
	fl := uint64(be32(b[4:]))
	if w.line(2) {
		t := w.t
		t.b = append(t.b, "Flags: 0x"...)
		t.b = appendHexN(t.b, fl, 8)
		t.end()
	}
	w.uint(pimRegisterFlag, fl)
	w.flagLine(3, fl, 32, pimRegisterBorder, "Yes", "No")
	w.flagLine(3, fl, 32, pimRegisterNull, "Yes", "No")
	if !w.has(8, 1) {
		return
	}
	v := b[8] >> 4
	if w.at(2) {
		t := w.t
		t.bits(uint64(b[8]), 8, 0xf0, "IP Version")
		t.b = appendValueName(t.b, pimFields[pimIPVersion].ValueNames().Name(uint64(v)), uint64(v))
		t.end()
	}
	w.uint(pimIPVersion, uint64(v))
	if v != 0 {
		return
	}
	_, _, v6 := ipAddrs(w.d, w.i)
	if w.line(2) {
		w.t.b = append(w.t.b, "Dummy Header"...)
		if v6 {
			w.t.b = append(w.t.b, "IPv6"...)
		} else {
			w.t.b = append(w.t.b, "IPv4"...)
		}
		w.t.end()
	}
	if w.once(pimDummyHeader) {
		w.e.None(&pimFields[pimDummyHeader])
	}
	src, grp, n := 8+12, 8+16, 4
	if v6 {
		src, grp, n = 8+8, 8+24, 16
	}
	for _, a := range [...]struct {
		off    int
		label  string
		k4, k6 int
	}{{src, "Source: ", pimSource, pimSourceIP6}, {grp, "Group: ", pimGroup, pimGroupIP6}} {
		if !w.has(a.off, n) {
			return
		}
		if w.line(2) {
			w.t.b = append(w.t.b, a.label...)
			w.t.b = appendPIMAddr(w.t.b, b[a.off:a.off+n])
			w.t.end()
		}
		w.ip(a.k4, a.k6, b[a.off:a.off+n])
	}
}

// The kinds of encoded address.
const (
	pimAddrUnicast = iota
	pimAddrGroup
	pimAddrSource
)

// addr walks an encoded address at off: its line at depth (label, or the
// field's own label when empty), then its family, encoding and parts one
// deeper. It returns the address's length; ok is false where tshark stops
// (a family or encoding it does not know, or bytes not captured).
func (w *pimWalker) addr(off, kind int, label []byte, k4, k6, depth int) (adv int, ok bool) {
	b := w.b
	if !w.has(off, 1) {
		return 0, false
	}
	af := b[off]
	if af != 1 && af != 2 {
		return 0, false
	}
	if !w.has(off+1, 1) {
		return 0, false
	}
	et := b[off+1]
	if et > 1 {
		return 0, false
	}
	n := 4
	if af == 2 {
		n = 16
	}
	at := off + 2
	if kind != pimAddrUnicast {
		if !w.has(off+2, 2) {
			return 0, false
		}
		at = off + 4
	}
	if !w.has(at, n) {
		return 0, false
	}
	a := b[at : at+n]
	if w.line(depth) {
		t := w.t
		if len(label) > 0 {
			t.b = append(t.b, label...)
		} else {
			t.b = append(t.b, pimFields[k4].Label...)
		}
		t.b = append(t.b, ": "...)
		t.b = appendPIMAddr(t.b, a)
		if kind != pimAddrUnicast {
			t.b = append(t.b, '/')
			t.b = appendUint(t.b, uint64(b[off+3]))
		}
		if fl := b[off+2]; kind == pimAddrSource && fl != 0 {
			t.b = append(t.b, " ("...)
			for _, f := range [...]struct {
				bit byte
				c   byte
			}{{4, 'S'}, {2, 'W'}, {1, 'R'}} {
				if fl&f.bit != 0 {
					t.b = append(t.b, f.c)
				}
			}
			t.b = append(t.b, ')')
		}
		t.end()
	}
	w.ip(k4, k6, a)
	if w.line(depth + 1) {
		t := w.t
		t.b = append(t.b, "Address Family: "...)
		t.b = appendValueName(t.b, pimFields[pimAddrAF].ValueNames().Name(uint64(af)), uint64(af))
		t.end()
	}
	w.uint(pimAddrAF, uint64(af))
	if w.line(depth + 1) {
		t := w.t
		t.b = append(t.b, "Encoding Type: "...)
		t.b = appendValueName(t.b, pimFields[pimAddrET].ValueNames().Name(uint64(et)), uint64(et))
		t.end()
	}
	w.uint(pimAddrET, uint64(et))
	switch kind {
	case pimAddrUnicast:
		if w.line(depth + 1) {
			w.t.b = append(w.t.b, "Unicast: "...)
			w.t.b = appendPIMAddr(w.t.b, a)
			w.t.end()
		}
		w.ip(pimUnicast, pimUnicastIP6, a)
		adv = 2 + n
	case pimAddrGroup:
		fl := uint64(b[off+2])
		w.flagsHead(depth+1, b[off+2], pimGroupFlagsB, pimGroupFlagsZ)
		w.uint(pimGroupFlags, fl)
		w.flagLine(depth+2, fl, 8, pimGroupFlagsB, "Set", "Not set")
		w.hexBits(depth+2, fl, pimGroupFlagsRes)
		w.flagLine(depth+2, fl, 8, pimGroupFlagsZ, "Set", "Not set")
		w.text(depth+1, "Masklen", uint64(b[off+3]))
		w.uint(pimMaskLen, uint64(b[off+3]))
		if w.line(depth + 1) {
			w.t.b = append(w.t.b, "Group: "...)
			w.t.b = appendPIMAddr(w.t.b, a)
			w.t.end()
		}
		w.ip(pimGroup, pimGroupIP6, a)
		adv = 4 + n
	case pimAddrSource:
		fl := uint64(b[off+2])
		w.flagsHead(depth+1, b[off+2], pimSourceFlagsS, pimSourceFlagsW, pimSourceFlagsR)
		w.uint(pimSourceFlags, fl)
		w.hexBits(depth+2, fl, pimSourceFlagsRes)
		w.flagLine(depth+2, fl, 8, pimSourceFlagsS, "Set", "Not set")
		w.flagLine(depth+2, fl, 8, pimSourceFlagsW, "Set", "Not set")
		w.flagLine(depth+2, fl, 8, pimSourceFlagsR, "Set", "Not set")
		w.text(depth+1, "Masklen", uint64(b[off+3]))
		w.uint(pimMaskLen, uint64(b[off+3]))
		if w.line(depth + 1) {
			w.t.b = append(w.t.b, "Source: "...)
			w.t.b = appendPIMAddr(w.t.b, a)
			w.t.end()
		}
		w.ip(pimSource, pimSourceIP6, a)
		adv = 4 + n
	}
	if et == 1 {
		// Join attributes follow: rawcap does not draw them, and stops
		// here rather than guess what tshark shows after them.
		w.done = true
		return adv, false
	}
	return adv, true
}

// flagsHead draws the line above a bitmask: "Flags: 0x07", then the name
// of each set flag among ks, as proto_tree_add_bitmask appends them.
func (w *pimWalker) flagsHead(depth int, v byte, ks ...int) {
	if w.line(depth) {
		t := w.t
		t.b = append(t.b, "Flags: 0x"...)
		t.b = appendHex2(t.b, v)
		for _, k := range ks {
			if uint64(v)&pimFields[k].Mask != 0 {
				t.b = append(t.b, ", "...)
				t.b = append(t.b, pimFields[k].Label...)
			}
		}
		t.end()
	}
}

// hexBits draws a masked hex field of a byte ("0x00").
func (w *pimWalker) hexBits(depth int, v uint64, k int) {
	f := &pimFields[k]
	x := (v & f.Mask) >> maskShift(f.Mask)
	if w.at(depth) {
		t := w.t
		t.bits(v, 8, f.Mask, f.Label)
		t.b = append(t.b, "0x"...)
		t.b = appendHex2(t.b, uint8(x))
		t.end()
	}
	w.uint(k, x)
}

// holdtime draws a Holdtime field whose all-ones value means for ever.
func (w *pimWalker) holdtime(depth int, h uint16) {
	if w.line(depth) {
		t := w.t
		t.b = append(t.b, "Holdtime: "...)
		if h == 0xffff {
			t.b = append(t.b, "Infinity (65535)"...)
		} else {
			t.b = appendUint(t.b, uint64(h))
		}
		t.end()
	}
	w.uint(pimHoldtime, uint64(h))
}

// joinPrune walks a Join/Prune, Graft or Graft-Ack: the upstream
// neighbour, then each group with its joined and pruned sources.
func (w *pimWalker) joinPrune() {
	b := w.b
	adv, ok := w.addr(4, pimAddrUnicast, nil, pimUpstream, pimUpstreamIP6, 2)
	if !ok {
		return
	}
	off := 4 + adv
	if !w.has(off, 1) {
		return
	}
	w.resBytes(2, b[off:off+1])
	off++
	if !w.has(off, 1) {
		return
	}
	ngroup := int(b[off])
	w.text(2, "Num Groups", uint64(ngroup))
	w.uint(pimNumGroups, uint64(ngroup))
	off++
	if !w.has(off, 2) {
		return
	}
	w.holdtime(2, be16(b[off:]))
	off += 2
	var label [16]byte
	for g := 0; g < ngroup; g++ {
		lb := strconv.AppendInt(append(label[:0], "Group "...), int64(g), 10)
		if w.line(2) {
			w.t.b = append(w.t.b, lb...)
			w.t.end()
		}
		if w.once(pimGroupSet) {
			w.e.String(&pimFields[pimGroupSet], "")
		}
		adv, ok := w.addr(off, pimAddrGroup, lb, pimGroup, pimGroupIP6, 3)
		if !ok {
			return
		}
		off += adv
		if !w.has(off, 4) {
			return
		}
		nj, np := int(be16(b[off:])), int(be16(b[off+2:]))
		w.text(3, "Num Joins", uint64(nj))
		w.uint(pimNumJoins, uint64(nj))
		src := off + 4
		for j := 0; j < nj; j++ {
			adv, ok := w.addr(src, pimAddrSource, nil, pimJoinIP, pimJoinIP6, 4)
			if !ok {
				return
			}
			src += adv
		}
		w.text(3, "Num Prunes", uint64(np))
		w.uint(pimNumPrunes, uint64(np))
		for j := 0; j < np; j++ {
			adv, ok := w.addr(src, pimAddrSource, nil, pimPruneIP, pimPruneIP6, 4)
			if !ok {
				return
			}
			src += adv
		}
		off = src
	}
}

// bootstrap walks a Bootstrap message: the BSR, then each group with its
// RPs (tshark draws the RPs beside the groups, their priorities inside).
func (w *pimWalker) bootstrap() {
	b := w.b
	if !w.has(4, 2) {
		return
	}
	if w.line(2) {
		w.t.b = append(w.t.b, "Fragment tag: 0x"...)
		w.t.b = appendHex4(w.t.b, be16(b[4:]))
		w.t.end()
	}
	w.uint(pimFragTag, uint64(be16(b[4:])))
	if !w.has(6, 1) {
		return
	}
	w.text(2, "Hash mask len", uint64(b[6]))
	w.uint(pimHashMaskLen, uint64(b[6]))
	if !w.has(7, 1) {
		return
	}
	w.text(2, "BSR priority", uint64(b[7]))
	w.uint(pimBSRPriority, uint64(b[7]))
	adv, ok := w.addr(8, pimAddrUnicast, nil, pimBSR, pimBSRIP6, 2)
	if !ok {
		return
	}
	off := 8 + adv
	var label [16]byte
	for g := 0; w.rep-off > 0; g++ {
		lb := strconv.AppendInt(append(label[:0], "Group "...), int64(g), 10)
		adv, ok := w.addr(off, pimAddrGroup, lb, pimGroup, pimGroupIP6, 2)
		if !ok {
			return
		}
		off += adv
		if !w.has(off, 1) {
			return
		}
		w.text(3, "RP count", uint64(b[off]))
		w.uint(pimRPCount, uint64(b[off]))
		off++
		if !w.has(off, 1) {
			return
		}
		frp := int(b[off])
		w.text(3, "FRP count", uint64(frp))
		w.uint(pimFRPCount, uint64(frp))
		off += 3
		// tshark draws each RP's priority inside the group, before the
		// RPs themselves, and their reserved bytes after the message.
		for j, p := 0, off; j < frp; j++ {
			adv, ok := w.peekUnicast(p)
			if !ok || !w.avail(p+adv, 3) {
				break
			}
			p += adv
			w.text(3, "Priority", uint64(b[p+2]))
			w.uint(pimPriority, uint64(b[p+2]))
			p += 4
		}
		for j := 0; j < frp; j++ {
			lr := strconv.AppendInt(append(label[:0], "RP "...), int64(j), 10)
			adv, ok := w.addr(off, pimAddrUnicast, lr, pimRP, pimRPIP6, 2)
			if !ok {
				return
			}
			off += adv
			if !w.has(off, 2) {
				return
			}
			w.holdtime(2, be16(b[off:]))
			off += 2
			if !w.has(off, 1) {
				return
			}
			off++
			if !w.has(off, 1) {
				return
			}
			if w.nresv == len(w.resv) {
				w.done = true // more than rawcap keeps: draw no further
				return
			}
			w.resv[w.nresv] = off
			w.nresv++
			off++
		}
	}
}

// peekUnicast returns the length of the encoded unicast address at off
// when tshark would draw it whole.
func (w *pimWalker) peekUnicast(off int) (int, bool) {
	if !w.avail(off, 2) || (w.b[off] != 1 && w.b[off] != 2) || w.b[off+1] != 0 {
		return 0, false
	}
	n := 4
	if w.b[off] == 2 {
		n = 16
	}
	return 2 + n, w.avail(off+2, n)
}

// metrics walks an Assert's (or State Refresh's) RP-tree bit, metric
// preference and metric at off.
func (w *pimWalker) metrics(off int) bool {
	b := w.b
	if !w.has(off, 1) {
		return false
	}
	w.flagLine(2, uint64(b[off]), 8, pimRPT, "True", "False")
	if !w.has(off, 4) {
		return false
	}
	w.bitsLine(2, uint64(be32(b[off:])), 32, 0x7fffffff, "Metric Preference")
	w.uint(pimMetricPref, uint64(be32(b[off:])&0x7fffffff))
	if !w.has(off+4, 4) {
		return false
	}
	w.text(2, "Metric", uint64(be32(b[off+4:])))
	w.uint(pimMetric, uint64(be32(b[off+4:])))
	return true
}

// candidateRP walks a Candidate-RP-Advertisement.
func (w *pimWalker) candidateRP() {
	b := w.b
	if !w.has(4, 1) {
		return
	}
	n := int(b[4])
	w.text(2, "Prefix-count", uint64(n))
	w.uint(pimPrefixCount, uint64(n))
	if !w.has(5, 1) {
		return
	}
	w.text(2, "Priority", uint64(b[5]))
	w.uint(pimPriority, uint64(b[5]))
	if !w.has(6, 2) {
		return
	}
	w.holdtime(2, be16(b[6:]))
	adv, ok := w.addr(8, pimAddrUnicast, nil, pimRP, pimRPIP6, 2)
	if !ok {
		return
	}
	off := 8 + adv
	var label [16]byte
	for g := 0; g < n; g++ {
		lb := strconv.AppendInt(append(label[:0], "Group "...), int64(g), 10)
		adv, ok := w.addr(off, pimAddrGroup, lb, pimGroup, pimGroupIP6, 2)
		if !ok {
			return
		}
		off += adv
	}
}

// stateRefresh walks a State-Refresh message.
func (w *pimWalker) stateRefresh() {
	b := w.b
	off := 4
	for _, a := range [...]struct{ kind, k4, k6 int }{
		{pimAddrGroup, pimGroup, pimGroupIP6}, {pimAddrUnicast, pimSource, pimSourceIP6}, {pimAddrUnicast, pimOriginator, pimOriginatorIP6},
	} {
		adv, ok := w.addr(off, a.kind, nil, a.k4, a.k6, 2)
		if !ok {
			return
		}
		off += adv
	}
	if !w.metrics(off) {
		return
	}
	off += 8
	for _, f := range [...]struct {
		k     int
		label string
	}{{pimMaskLen, "Masklen"}, {pimTTL, "TTL"}} {
		if !w.has(off, 1) {
			return
		}
		w.text(2, f.label, uint64(b[off]))
		w.uint(f.k, uint64(b[off]))
		off++
	}
	if !w.has(off, 1) {
		return
	}
	for _, k := range [...]int{pimPruneIndicator, pimPruneNow, pimAssertOverride} {
		w.flagLine(2, uint64(b[off]), 8, k, "Set", "Not set")
	}
	off++
	if !w.has(off, 1) {
		return
	}
	w.text(2, "Interval", uint64(b[off]))
	w.uint(pimInterval, uint64(b[off]))
}

// appendValueName appends "Name (v)", or "Unknown (v)" without a name.
func appendValueName(b []byte, name string, v uint64) []byte {
	if name == "" {
		name = "Unknown"
	}
	b = append(b, name...)
	b = append(b, " ("...)
	b = appendUint(b, v)
	return append(b, ')')
}
