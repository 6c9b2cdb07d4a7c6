package decode

// This file draws and emits what tshark 4.0 shows of an ICMP or ICMPv6
// error's RFC 4884 length and of the extension structure after the quoted
// datagram (icmp_ext.go has tcpdump's one-liner of it): the header
// (version, reserved, checksum) and the objects, MPLS label stacks (RFC
// 4950, class 1), interface information (RFC 5837, class 2), interface
// identification (RFC 8335, class 3) and others as data.
//
// Where tshark finds the structure (facts taken from its output):
//   - ICMPv4 destination unreachable, time exceeded and parameter problem
//     carry the original datagram's length in 32-bit words in byte 5
//     (RFC 4884); source quench and redirect, and a zero length, mean 128
//     bytes. The structure follows that many bytes of the datagram when the
//     message is longer and the quoted IPv4 header's total length is at
//     most that: a longer quoted packet fills the message, structure or not.
//   - ICMPv6 destination unreachable and time exceeded carry the length in
//     64-bit words in byte 4; the structure follows when it is non-zero and
//     the message is at least that long (an empty structure shows as its
//     bare title). Without a length there is none.
//   - The checksum covers every byte of the structure: when the capture
//     holds fewer, tshark stops after the reserved bits. Reading past the
//     captured bytes elsewhere stops it too (an exception), and so does an
//     object shorter than its 4-byte header, after its length and class.

// icmpExtRange returns where the extension structure of the ICMP or ICMPv6
// error at layer i starts in the packet, how many bytes the IP header says
// it holds (reported) and how many of them were captured (end). ok is false
// where tshark shows none.
func icmpExtRange(d *Decoder, i int) (start, reported, end int, ok bool) {
	l := &d.layers[i]
	if l.Quoted || l.End-l.Start < 8 {
		return 0, 0, 0, false
	}
	m := d.data[l.Start:l.End]
	n := ipPayloadLen(d, i)
	if icmpFragment(d, i) {
		return 0, 0, 0, false
	}
	var off int
	switch l.Type {
	case LayerICMPv4:
		switch m[0] {
		case ICMPUnreachable, ICMPTimeExceeded, ICMPParamProblem:
			off = 8 + 4*int(m[5])
			if m[5] == 0 {
				off = 8 + 128
			}
		case ICMPSourceQuench, ICMPRedirect:
			off = 8 + 128
		case ICMPExtEchoRequest:
			off = 8 // RFC 8335: the structure names the interface probed
			if n <= off {
				return 0, 0, 0, false
			}
			start, end = l.Start+off, min(l.Start+n, l.End)
			return start, n - off, max(end, start), true
		default:
			return 0, 0, 0, false
		}
		if n <= off || len(m) < 12 || int(be16(m[10:])) > off-8 {
			return 0, 0, 0, false
		}
	case LayerICMPv6:
		if (m[0] != ICMPv6Unreachable && m[0] != ICMPv6TimeExceeded) || m[4] == 0 {
			return 0, 0, 0, false
		}
		off = 8 + 8*int(m[4])
		if n < off {
			return 0, 0, 0, false
		}
	default:
		return 0, 0, 0, false
	}
	start = l.Start + off
	end = min(l.Start+n, l.End)
	if end < start {
		end = start
	}
	return start, n - off, end, true
}

// icmpFragment reports whether the IP packet holding layer i is a fragment
// (tshark dissects the message once reassembled).
func icmpFragment(d *Decoder, i int) bool {
	if i == 0 || d.layers[i-1].Type != LayerIPv4 {
		return false
	}
	ip := IPv4(d.data[d.layers[i-1].Start:d.layers[i-1].Payload])
	return len(ip) >= 8 && be16(ip[6:])&0x3fff != 0
}

var icmpIntRoleNames = [4]string{
	"IP interface upon which datagram arrived",
	"sub-IP component of an IP interface upon which datagram arrived",
	"IP interface through which datagram would be forwarded",
	"IP next-hop to which datagram would be forwarded",
}

// emitICMPv4Word emits the fields treeICMPv4Word draws.
func emitICMPv4Word(e *emitter, m ICMPv4) {
	switch m.Type() {
	case ICMPUnreachable, ICMPTimeExceeded, ICMPParamProblem:
	default:
		return
	}
	f := &icmpFields
	frag := m.Type() == ICMPUnreachable && m.Code() == 4
	if m[5] == 0 {
		switch {
		case frag:
			e.Bytes(&f[icmpUnused], m[4:6])
			e.Uint(&f[icmpMTU], uint64(m.MTU()))
		case m.Type() == ICMPParamProblem:
			e.Uint(&f[icmpPointer], uint64(m[4]))
			e.Bytes(&f[icmpUnused], m[5:8])
		default:
			e.Bytes(&f[icmpUnused], m[4:8])
		}
		return
	}
	if m.Type() == ICMPParamProblem {
		e.Uint(&f[icmpPointer], uint64(m[4]))
	} else {
		e.Bytes(&f[icmpUnused], m[4:5])
	}
	e.Uint(&f[icmpLength], uint64(m[5]))
	e.Uint(&f[icmpLengthOrig], 4*uint64(m[5]))
	if frag {
		e.Uint(&f[icmpMTU], uint64(m.MTU()))
	} else if e.all || e.Tree() || m.Type() == ICMPParamProblem {
		e.Bytes(&f[icmpUnused], m[6:8]) // JSON has the first "Unused" only
	}
}

// icmpExtVersionOK reports whether tshark decodes the objects of an
// extension structure of version v.
func icmpExtVersionOK(v uint8) bool { return v == 2 }

// icmpExtEmitter emits the extension fields; JSON, whose keys are unique,
// gets each field's first occurrence, the other outputs every one.
type icmpExtEmitter struct {
	e    *emitter
	seen uint64 // bit k-icmpUnused: field k emitted (JSON)
}

func (x *icmpExtEmitter) once(k int) bool {
	if x.e.all || x.e.Tree() {
		return true
	}
	bit := uint64(1) << uint(k-icmpUnused)
	if x.seen&bit != 0 {
		return false
	}
	x.seen |= bit
	return true
}

func (x *icmpExtEmitter) uint(k int, v uint64) {
	if x.once(k) {
		x.e.Uint(&icmpFields[k], v)
	}
}

func (x *icmpExtEmitter) bool(k int, v bool) {
	if x.once(k) {
		x.e.Bool(&icmpFields[k], v)
	}
}

func (x *icmpExtEmitter) bytes(k int, v []byte) {
	if x.once(k) {
		x.e.Bytes(&icmpFields[k], v)
	}
}

func (x *icmpExtEmitter) str(k int, v []byte) {
	if x.once(k) {
		for n, c := range v {
			if c == 0 {
				v = v[:n]
				break
			}
		}
		x.e.Bytes(&icmpFields[k], v)
	}
}

// emitICMPExt emits the fields of the extension structure of the error at
// layer i, as far as tshark's tree shows it, and for the tree its headings
// ("ICMP Multi-Part Extensions", each object's) and the lines tshark words
// itself. An early return may leave the tree's depth inside an object: what
// follows is a protocol of its own (the quoted data) or nothing.
func emitICMPExt(e *emitter, i int) {
	d := e.d
	start, reported, end, ok := icmpExtRange(d, i)
	if !ok {
		return
	}
	ext := d.data[start:end]
	if len(ext) == 0 && reported > 0 {
		return
	}
	x := icmpExtEmitter{e: e}
	e.None(&icmpFields[icmpExt])
	if e.Tree() {
		b := append(e.Text(), "ICMP Multi-Part Extensions"...)
		if len(ext) >= 4 && !icmpExtVersionOK(ext[0]>>4) && len(ext) == reported {
			b = append(b, " (unsupported version)"...)
		}
		e.SetRepr(b)
		e.Sub()
	}
	if len(ext) < 1 {
		return
	}
	x.uint(icmpExtVersion, uint64(ext[0]>>4))
	if len(ext) < 2 {
		return
	}
	x.uint(icmpExtRes, uint64(be16(ext)&0xfff))
	if len(ext) < 4 || len(ext) < reported {
		return
	}
	x.uint(icmpExtChecksum, uint64(be16(ext[2:])))
	sum := ^checksumFold(checksumAdd(0, ext))
	st := 0
	if sum == 0 {
		st = 1
	}
	e.ChecksumRepr(be16(ext[2:]), st, sum, "Warning")
	x.uint(icmpExtChecksumStatus, uint64(st))
	if !icmpExtVersionOK(ext[0] >> 4) {
		return
	}
	interfaces := 0
	for off := 4; reported-off >= 4; {
		if off+4 > len(ext) {
			return
		}
		olen, class, ctype := int(be16(ext[off:])), ext[off+2], ext[off+3]
		trunc := min(olen, reported-off)
		objEnd := off + trunc
		if class == 2 {
			interfaces++
		}
		if e.Tree() {
			e.Line(appendICMPExtObjectTitle(e.Text(), olen, class, ctype, interfaces, trunc < olen))
			e.Sub()
		}
		x.uint(icmpExtLength, uint64(olen))
		x.uint(icmpExtClass, uint64(class))
		if olen < 4 {
			return
		}
		obj := ext[:min(objEnd, len(ext))]
		switch {
		case class == 1 && ctype == 1:
			x.uint(icmpExtCtype, uint64(ctype))
			if !emitICMPMPLS(&x, obj, off+4, objEnd) {
				return
			}
		case class == 2:
			x.uint(icmpExtCtype, uint64(ctype))
			if e.Tree() {
				e.SetRepr(appendICMPIntInfoCtype(append(e.Text(), "C-Type: "...), ctype))
			}
			if !emitICMPIntInfo(&x, ext, off+4, objEnd, ctype) {
				return
			}
		case class == 3:
			if ctype != 1 {
				return
			}
			x.uint(icmpExtCtype, uint64(ctype))
			if e.Tree() {
				e.SetRepr(append(e.Text(), "C-Type: 1 (Identifies Interface By Name)"...))
			}
			if objEnd > len(ext) {
				return
			}
			x.str(icmpIntIdentName, ext[off+4:objEnd])
		default:
			x.uint(icmpExtCtype, uint64(ctype))
			if class == 0 || class == 1 {
				x.uint(icmpExtCtype, uint64(ctype))
			}
			if trunc > 4 {
				if objEnd > len(ext) {
					return
				}
				x.bytes(icmpExtData, ext[off+4:objEnd])
			}
		}
		if e.Tree() {
			e.Up()
		}
		off = objEnd
	}
}

// appendICMPExtObjectTitle appends the heading tshark draws for an
// extension object: its kind by class and C-Type (the interfaces'th
// interface information object), marked when the structure cuts it.
func appendICMPExtObjectTitle(b []byte, olen int, class, ctype uint8, interfaces int, cut bool) []byte {
	switch {
	case olen < 4:
		b = append(b, "Object with bad length"...)
	case class == 1 && ctype == 1:
		b = append(b, "MPLS Stack Entry"...)
	case class == 2 && interfaces > 4:
		b = append(b, "More than 4 Interface Information Objects"...)
	case class == 2:
		b = append(b, "Interface Information Object"...)
	case class == 3:
		b = append(b, "Interface Identification Object"...)
	default:
		b = append(b, "Unknown object ("...)
		b = appendUint(b, uint64(class))
		b = append(b, '/')
		b = appendUint(b, uint64(ctype))
		b = append(b, ')')
	}
	if cut {
		b = append(b, " (truncated)"...)
	}
	return b
}

// appendICMPIntInfoCtype appends the C-Type of an interface information
// object as tshark words it: the number, the interface's role and the
// parts its flags announce.
func appendICMPIntInfoCtype(b []byte, ctype uint8) []byte {
	b = appendUint(b, uint64(ctype))
	b = append(b, ", Interface Role: "...)
	b = append(b, icmpIntRoleNames[ctype>>6]...)
	for _, p := range [...]struct {
		bit  uint8
		name string
	}{{8, ", ifIndex"}, {4, ", IP Address"}, {2, ", Interface Name"}, {1, ", MTU"}} {
		if ctype&p.bit != 0 {
			b = append(b, p.name...)
		}
	}
	return b
}

// emitICMPMPLS emits the fields treeICMPMPLS draws.
func emitICMPMPLS(x *icmpExtEmitter, ext []byte, off, objEnd int) bool {
	for ; off+4 <= objEnd; off += 4 {
		if off+4 > len(ext) {
			return false
		}
		e := be32(ext[off:])
		if x.e.Tree() {
			b := appendUint(append(x.e.Text(), "Label: "...), uint64(e>>12))
			b = appendUint(append(b, ", Exp: "...), uint64(e>>9&7))
			b = appendUint(append(b, ", S: "...), uint64(e>>8&1))
			x.e.Line(appendUint(append(b, ", TTL: "...), uint64(e&0xff)))
			x.e.Sub()
		}
		x.uint(icmpMPLSLabel, uint64(e>>12))
		x.uint(icmpMPLSExp, uint64(e>>9&7))
		x.bool(icmpMPLSS, e&0x100 != 0)
		x.uint(icmpMPLSTTL, uint64(e&0xff))
		if x.e.Tree() {
			x.e.Up()
		}
	}
	if off < objEnd {
		if objEnd > len(ext) {
			return false
		}
		x.bytes(icmpMPLSData, ext[off:objEnd])
	}
	return true
}

// emitICMPIntInfo emits the fields treeICMPIntInfo draws.
func emitICMPIntInfo(x *icmpExtEmitter, ext []byte, off, objEnd int, ctype uint8) bool {
	tree := x.e.Tree()
	if tree {
		x.e.Sub() // the C-Type's bits
	}
	x.uint(icmpIntRole, uint64(ctype>>6))
	x.uint(icmpIntReserved, uint64(ctype>>4&3))
	x.bool(icmpIntIfindex, ctype&8 != 0)
	x.bool(icmpIntIPAddr, ctype&4 != 0)
	x.bool(icmpIntNamePresent, ctype&2 != 0)
	x.bool(icmpIntMTUPresent, ctype&1 != 0)
	if tree {
		x.e.Up()
	}
	if ctype&8 != 0 && off < objEnd {
		if off+4 > len(ext) {
			return false
		}
		x.uint(icmpIntIndex, uint64(be32(ext[off:])))
		off += 4
	}
	if ctype&4 != 0 && off < objEnd {
		if off+4 > len(ext) {
			return false
		}
		afi := be16(ext[off:])
		if tree {
			x.e.LineString("IP Address Sub-Object")
			x.e.Sub()
		}
		x.uint(icmpIntAFI, uint64(afi))
		x.bytes(icmpReserved, ext[off+2:off+4])
		n := 0
		switch afi {
		case 1:
			n = 4
		case 2:
			n = 16
		}
		if n == 0 || off+4+n > len(ext) {
			return false
		}
		if n == 4 {
			if x.once(icmpIntIPv4) {
				x.e.IPv4(&icmpFields[icmpIntIPv4], ext[off+4:off+8])
			}
		} else if x.once(icmpIntIPv6) {
			x.e.IPv6(&icmpFields[icmpIntIPv6], ext[off+4:off+20])
		}
		if tree {
			x.e.Up()
		}
		off += 4 + n
	}
	if ctype&2 != 0 && off < objEnd {
		if off+1 > len(ext) {
			return false
		}
		n := int(ext[off])
		if tree {
			x.e.LineString("Interface Name Sub-Object")
			x.e.Sub()
		}
		x.uint(icmpIntNameLength, uint64(n))
		if n == 0 {
			return false
		}
		if ctype&1 != 0 {
			if off+n > len(ext) {
				return false
			}
			x.str(icmpIntName, ext[off+1:off+n])
		}
		if tree {
			x.e.Up()
		}
		off += n
	}
	if ctype&1 != 0 && off < objEnd {
		if off+4 > len(ext) {
			return false
		}
		x.uint(icmpIntMTU, uint64(be32(ext[off:])))
	}
	return true
}

// icmpExtException reports whether tshark's dissection of the error at
// layer i ends in an exception (its packet list then adds "[Malformed
// Packet]" or "[Packet size limited during capture]"): an RFC 4884 length
// beyond the message, an extension structure the capture cut, an
// interface information object whose parts run past it.
func icmpExtException(d *Decoder, i int) bool {
	l := &d.layers[i]
	if l.Quoted || l.End-l.Start < 8 {
		return false
	}
	m := d.data[l.Start:l.End]
	if l.Type == LayerICMPv4 && (m[0] == ICMPUnreachable || m[0] == ICMPTimeExceeded || m[0] == ICMPParamProblem) &&
		m[5] != 0 && 8+4*int(m[5]) > ipPayloadLen(d, i) {
		return true
	}
	start, reported, end, ok := icmpExtRange(d, i)
	if !ok {
		return false
	}
	ext := d.data[start:end]
	if len(ext) < reported {
		return true
	}
	if len(ext) < 4 || !icmpExtVersionOK(ext[0]>>4) {
		return false
	}
	for off := 4; reported-off >= 4; {
		olen, class, ctype := int(be16(ext[off:])), ext[off+2], ext[off+3]
		if olen < 4 {
			return false
		}
		objEnd := off + min(olen, reported-off)
		if class == 2 && !icmpIntInfoFits(ext, off+4, objEnd, ctype) {
			return true
		}
		off = objEnd
	}
	return false
}

// icmpIntInfoFits reports whether the parts an interface information
// object's C-Type announces are read from ext (the structure) without
// running past it, as treeICMPIntInfo reads them from off, while the object
// (ending at objEnd) has bytes left.
func icmpIntInfoFits(ext []byte, off, objEnd int, ctype uint8) bool {
	if ctype&8 != 0 && off < objEnd {
		if off+4 > len(ext) {
			return false
		}
		off += 4
	}
	if ctype&4 != 0 && off < objEnd {
		if off+4 > len(ext) {
			return false
		}
		switch be16(ext[off:]) {
		case 1:
			off += 8
		case 2:
			off += 20
		default:
			return false
		}
		if off > len(ext) {
			return false
		}
	}
	if ctype&2 != 0 && off < objEnd {
		if off+1 > len(ext) || ext[off] == 0 {
			return false
		}
		off += int(ext[off])
		if ctype&1 != 0 && off > len(ext) {
			return false
		}
	}
	if ctype&1 != 0 && off < objEnd {
		if off+4 > len(ext) {
			return false
		}
	}
	return true
}
