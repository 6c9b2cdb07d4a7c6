package decode

import "strconv"

// pimWalker walks a PIM message item by item as Wireshark 4.0's dissector
// adds them, so that the fields (the -V tree among them) and the decoder's
// "where does tshark give up" agree: e emits the fields (nil: none). In a
// tree list every occurrence is emitted at its depth in tshark's tree, with
// the lines tshark draws its own way (SetRepr, Line). Wireshark reads fixed
// offsets whatever the lengths say (a Hello option of length 0 still shows
// the four bytes after it) and stops with an exception at the first read
// past the captured bytes: cut records that, and every output marks the
// packet there.
type pimWalker struct {
	d    *Decoder
	i    int
	b    []byte // the message as captured
	rep  int    // its length as the IP header reports it
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

// tree reports whether the walk draws the -V tree (a tree list, and not
// stopped at an encoding rawcap does not draw).
func (w *pimWalker) tree() bool { return w.e != nil && w.e.Tree() && !w.done }

// once reports whether field k is to be emitted: every occurrence for -T
// fields, ek and the tree, the first for JSON.
func (w *pimWalker) once(k int) bool {
	if w.e == nil {
		return false
	}
	if w.e.Tree() {
		return !w.done
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

// at puts the records added next at depth in tshark's tree (1: the
// protocol's own fields).
func (w *pimWalker) at(depth int) {
	if w.e != nil && w.e.Tree() {
		w.e.depth = uint8(depth - 1)
	}
}

// uint emits field k at depth; the tree draws it from its definition.
func (w *pimWalker) uint(depth, k int, v uint64) bool {
	if !w.once(k) {
		return false
	}
	w.at(depth)
	w.e.Uint(&pimFields[k], v)
	return true
}

// bool emits the boolean k of the width-bit word v at depth.
func (w *pimWalker) bool(depth, k int, v uint64) {
	if w.once(k) {
		w.at(depth)
		w.e.BoolBits(&pimFields[k], v)
	}
}

// ip emits the address a as field k4 (IPv4) or k6 (IPv6) at depth.
func (w *pimWalker) ip(depth, k4, k6 int, a []byte) bool {
	k := k6
	if len(a) == 4 {
		k = k4
	}
	if !w.once(k) {
		return false
	}
	w.at(depth)
	if len(a) == 4 {
		w.e.IPv4(&pimFields[k], a)
	} else {
		w.e.IPv6(&pimFields[k], a)
	}
	return true
}

// line adds a tree line that is no field at depth.
func (w *pimWalker) line(depth int, b []byte) {
	w.at(depth)
	w.e.Line(b)
}

// text returns the buffer a tree text is built in.
func (w *pimWalker) text() []byte { return w.e.Text() }

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

// walk walks a version-2 message (or what tshark shows of another version).
func (w *pimWalker) walk() {
	b := w.b
	if !w.has(0, 1) {
		return
	}
	ver, typ := b[0]>>4, b[0]&15
	w.uint(1, pimVersion, uint64(ver))
	w.uint(1, pimType, uint64(typ))
	if !w.has(1, 1) {
		return
	}
	if typ == PIMDFElection {
		w.uint(1, pimDFSubtype, uint64(b[1]>>4))
		w.uint(1, pimDFRsvd, uint64(b[1]&15))
	} else {
		w.resBytes(1, b[1:2])
	}
	if !w.has(2, 2) {
		return
	}
	if ver != 2 {
		w.checksum(be16(b[2:]), 0, false)
		if w.rep > 0 {
			w.options()
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
	w.options()
	if typ == PIMHello && w.opts >= 0 && w.tree() {
		// tshark appends the count of the options once it has walked
		// them all (emitPIM counts them first).
		w.e.SetRepr(strconv.AppendInt(append(w.text(), "PIM Options: "...), int64(w.opts), 10))
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
		// The whole word, under a label of its own.
		if w.uint(2, pimMetricPref, uint64(be32(b[off:]))) && w.tree() {
			w.e.SetRepr(appendUint(append(w.text(), "DF Metric Preference: "...), uint64(be32(b[off:]))))
		}
		if !w.has(off+4, 4) {
			return
		}
		w.uint(2, pimMetric, uint64(be32(b[off+4:])))
	}
}

// options emits pim.option, the "PIM Options" line.
func (w *pimWalker) options() {
	if w.once(pimOption) {
		w.at(1)
		w.e.None(&pimFields[pimOption])
	}
}

func (w *pimWalker) resBytes(depth int, v []byte) {
	if w.once(pimResBytes) {
		w.at(depth)
		w.e.Bytes(&pimFields[pimResBytes], v)
	}
}

// checksum emits the checksum and its status, verified or not; sum is the
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
	if w.uint(1, pimCksum, uint64(field)) && w.tree() {
		w.e.ChecksumRepr(field, int(status), sum, "Error")
	}
	if w.uint(1, pimCksumStatus, status) && w.tree() {
		b := append(w.text(), "[Checksum Status: "...)
		w.e.SetRepr(append(append(b, pimFields[pimCksumStatus].ValueNames().Name(status)...), ']'))
	}
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

// optionTitle adds, in a tree list, the line tshark draws over a Hello
// option: its number and name, and what it appends once the value was read.
func (w *pimWalker) optionTitle(ot uint16, v int) {
	if !w.tree() {
		return
	}
	b := w.b
	t := appendUint(append(w.text(), "Option "...), uint64(ot))
	t = append(t, ": "...)
	if n, ok := pimOptionNames[ot]; ok {
		t = append(t, n...)
	} else {
		t = appendUint(append(t, "Unknown: "...), uint64(ot))
	}
	switch ot {
	case 1:
		if w.avail(v, 2) {
			h := be16(b[v:])
			t = appendUint(append(t, ": "...), uint64(h))
			switch h {
			case 0:
				t = append(t, " (goodbye)"...)
			case 0xffff:
				t = append(t, " (Infinity)"...)
			}
		}
	case 2:
		if w.avail(v, 4) {
			t = appendUint(append(t, ": T = "...), uint64(b[v]>>7))
			t = appendUint(append(t, ", Propagation Delay = "...), uint64(be16(b[v:])&0x7fff))
			t = appendUint(append(t, "ms, Override Interval = "...), uint64(be16(b[v+2:])))
			t = append(t, "ms"...)
		}
	case 19, 20:
		if w.avail(v, 4) {
			t = appendUint(append(t, ": "...), uint64(be32(b[v:])))
		}
	case 21:
		if w.avail(v, 4) {
			t = appendUint(append(t, ": Version = "...), uint64(b[v]))
			t = appendUint(append(t, ", Interval = "...), uint64(b[v+1]))
			t = append(t, 's')
		}
	}
	w.line(2, t)
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
		w.optionTitle(ot, v)
		w.uint(3, pimOptionType, uint64(ot))
		w.uint(3, pimOptionLength, uint64(ol))
		switch ot {
		case 1:
			if !w.has(v, 2) {
				return
			}
			w.holdtime(3, be16(b[v:]), true)
		case 2:
			if !w.has(v, 1) {
				return
			}
			w.bool(3, pimT, uint64(b[v]))
			if !w.has(v, 2) {
				return
			}
			w.uint(3, pimPropDelay, uint64(be16(b[v:])&0x7fff))
			if !w.has(v+2, 2) {
				return
			}
			w.uint(3, pimOverride, uint64(be16(b[v+2:])))
		case 19:
			if !w.has(v, 4) {
				return
			}
			w.uint(3, pimDRPriority, uint64(be32(b[v:])))
		case 20:
			if !w.has(v, 4) {
				return
			}
			w.uint(3, pimGenID, uint64(be32(b[v:])))
		case 21:
			if !w.has(v, 1) {
				return
			}
			w.uint(3, pimSRVersion, uint64(b[v]))
			if !w.has(v+1, 1) {
				return
			}
			w.uint(3, pimSRInterval, uint64(b[v+1]))
			if !w.has(v+2, 2) {
				return
			}
			w.uint(3, pimSRReserved, uint64(be16(b[v+2:])))
		case 24, 65001:
			if w.tree() {
				t := w.text()
				if ot == 65001 {
					t = append(t, "old "...)
				}
				t = appendUint(append(t, "Address List ("...), uint64(ot))
				w.line(3, append(t, ')'))
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
				if w.once(pimOptionValue) {
					w.at(3)
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
	w.uint(2, pimRegisterFlag, fl)
	w.bool(3, pimRegisterBorder, fl)
	w.bool(3, pimRegisterNull, fl)
	if !w.has(8, 1) {
		return
	}
	v := b[8] >> 4
	w.uint(2, pimIPVersion, uint64(v))
	if v != 0 {
		return
	}
	_, _, v6 := ipAddrs(w.d, w.i)
	if w.once(pimDummyHeader) {
		w.at(2)
		w.e.None(&pimFields[pimDummyHeader])
		if w.tree() {
			t := append(w.text(), "Dummy Header"...)
			if v6 {
				t = append(t, "IPv6"...)
			} else {
				t = append(t, "IPv4"...)
			}
			w.e.SetRepr(t)
		}
	}
	src, grp, n := 8+12, 8+16, 4
	if v6 {
		src, grp, n = 8+8, 8+24, 16
	}
	for _, a := range [...]struct {
		off    int
		k4, k6 int
	}{{src, pimSource, pimSourceIP6}, {grp, pimGroup, pimGroupIP6}} {
		if !w.has(a.off, n) {
			return
		}
		w.ip(2, a.k4, a.k6, b[a.off:a.off+n])
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
	if w.ip(depth, k4, k6, a) && w.tree() && (len(label) > 0 || kind != pimAddrUnicast) {
		// The address's title: its label, the mask length, the source
		// flags set.
		t := w.text()
		if len(label) > 0 {
			t = append(t, label...)
		} else {
			t = append(t, pimFields[k4].Label...)
		}
		t = appendPIMAddr(append(t, ": "...), a)
		if kind != pimAddrUnicast {
			t = appendUint(append(t, '/'), uint64(b[off+3]))
		}
		if fl := b[off+2]; kind == pimAddrSource && fl != 0 {
			t = append(t, " ("...)
			for _, f := range [...]struct {
				bit byte
				c   byte
			}{{4, 'S'}, {2, 'W'}, {1, 'R'}} {
				if fl&f.bit != 0 {
					t = append(t, f.c)
				}
			}
			t = append(t, ')')
		}
		w.e.SetRepr(t)
	}
	w.uint(depth+1, pimAddrAF, uint64(af))
	w.uint(depth+1, pimAddrET, uint64(et))
	switch kind {
	case pimAddrUnicast:
		w.ip(depth+1, pimUnicast, pimUnicastIP6, a)
		adv = 2 + n
	case pimAddrGroup:
		w.flags(depth+1, b[off+2], pimGroupFlags, pimGroupFlagsB, pimGroupFlagsRes, pimGroupFlagsZ)
		w.uint(depth+1, pimMaskLen, uint64(b[off+3]))
		w.ip(depth+1, pimGroup, pimGroupIP6, a)
		adv = 4 + n
	case pimAddrSource:
		w.flags(depth+1, b[off+2], pimSourceFlags, pimSourceFlagsRes, pimSourceFlagsS, pimSourceFlagsW, pimSourceFlagsR)
		w.uint(depth+1, pimMaskLen, uint64(b[off+3]))
		w.ip(depth+1, pimSource, pimSourceIP6, a)
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

// flags emits a flags byte (field k) at depth, its line naming the set
// flags as proto_tree_add_bitmask does, and its parts ks one deeper.
func (w *pimWalker) flags(depth int, v byte, k int, ks ...int) {
	if w.uint(depth, k, uint64(v)) && w.tree() {
		t := appendHex2(append(w.text(), "Flags: 0x"...), v)
		for _, k := range ks {
			if f := &pimFields[k]; f.Kind == KindBool && uint64(v)&f.Mask != 0 {
				t = append(append(t, ", "...), f.Label...)
			}
		}
		w.e.SetRepr(t)
	}
	for _, k := range ks {
		if f := &pimFields[k]; f.Kind == KindBool {
			w.bool(depth+1, k, uint64(v))
		} else {
			w.uint(depth+1, k, (uint64(v)&f.Mask)>>maskShift(f.Mask))
		}
	}
}

// holdtime emits a Holdtime field, drawn as tshark draws it: all ones is
// Infinity, and in a Hello 0 is goodbye.
func (w *pimWalker) holdtime(depth int, h uint16, hello bool) {
	if w.uint(depth, pimHoldtime, uint64(h)) && w.tree() {
		t := append(w.text(), "Holdtime: "...)
		switch {
		case h == 0 && hello:
			t = append(t, "goodbye (0)"...)
		case h == 0xffff:
			t = append(t, "Infinity (65535)"...)
		default:
			t = appendUint(t, uint64(h))
		}
		w.e.SetRepr(t)
	}
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
	w.uint(2, pimNumGroups, uint64(ngroup))
	off++
	if !w.has(off, 2) {
		return
	}
	w.holdtime(2, be16(b[off:]), false)
	off += 2
	var label [16]byte
	for g := 0; g < ngroup; g++ {
		lb := strconv.AppendInt(append(label[:0], "Group "...), int64(g), 10)
		if w.once(pimGroupSet) {
			w.at(2)
			w.e.String(&pimFields[pimGroupSet], "")
			if w.tree() {
				w.e.SetRepr(append(w.text(), lb...))
			}
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
		w.uint(3, pimNumJoins, uint64(nj))
		src := off + 4
		for j := 0; j < nj; j++ {
			adv, ok := w.addr(src, pimAddrSource, nil, pimJoinIP, pimJoinIP6, 4)
			if !ok {
				return
			}
			src += adv
		}
		w.uint(3, pimNumPrunes, uint64(np))
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
	w.uint(2, pimFragTag, uint64(be16(b[4:])))
	if !w.has(6, 1) {
		return
	}
	w.uint(2, pimHashMaskLen, uint64(b[6]))
	if !w.has(7, 1) {
		return
	}
	w.uint(2, pimBSRPriority, uint64(b[7]))
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
		w.uint(3, pimRPCount, uint64(b[off]))
		off++
		if !w.has(off, 1) {
			return
		}
		frp := int(b[off])
		w.uint(3, pimFRPCount, uint64(frp))
		off += 3
		// tshark draws each RP's priority inside the group, before the
		// RPs themselves, and their reserved bytes after the message.
		for j, p := 0, off; j < frp; j++ {
			adv, ok := w.peekUnicast(p)
			if !ok || !w.avail(p+adv, 3) {
				break
			}
			p += adv
			w.uint(3, pimPriority, uint64(b[p+2]))
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
			w.holdtime(2, be16(b[off:]), false)
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
	w.bool(2, pimRPT, uint64(b[off]))
	if !w.has(off, 4) {
		return false
	}
	w.uint(2, pimMetricPref, uint64(be32(b[off:])&0x7fffffff))
	if !w.has(off+4, 4) {
		return false
	}
	w.uint(2, pimMetric, uint64(be32(b[off+4:])))
	return true
}

// candidateRP walks a Candidate-RP-Advertisement.
func (w *pimWalker) candidateRP() {
	b := w.b
	if !w.has(4, 1) {
		return
	}
	n := int(b[4])
	w.uint(2, pimPrefixCount, uint64(n))
	if !w.has(5, 1) {
		return
	}
	w.uint(2, pimPriority, uint64(b[5]))
	if !w.has(6, 2) {
		return
	}
	w.holdtime(2, be16(b[6:]), false)
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
	for _, k := range [...]int{pimMaskLen, pimTTL} {
		if !w.has(off, 1) {
			return
		}
		w.uint(2, k, uint64(b[off]))
		off++
	}
	if !w.has(off, 1) {
		return
	}
	for _, k := range [...]int{pimPruneIndicator, pimPruneNow, pimAssertOverride} {
		w.bool(2, k, uint64(b[off]))
	}
	off++
	if !w.has(off, 1) {
		return
	}
	w.uint(2, pimInterval, uint64(b[off]))
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
