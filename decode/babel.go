package decode

import "strconv"

// Babel is a Babel routing protocol packet (RFC 8966), carried in UDP port
// 6696:
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|   Magic (42)  |    Version    |          Body length          |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|   Packet Body (TLVs) ...      |   Packet Trailer (TLVs) ...
//
// Each TLV is a type and a length byte (Pad1, type 0, is one byte) and its
// body; Hello, IHU and Update TLVs may end in sub-TLVs. The view holds the
// packet as captured: Wireshark and tcpdump both walk the TLVs as far as
// the bytes go, each with its own rules for damage, so the walks are
// written per output (tshark's in babelWalk, tcpdump's in lineBabel).
type Babel []byte

const (
	babelPort  = 6696
	babelMagic = 42
	babelHdr   = 4
)

// The TLV types.
const (
	babelPad1        = 0
	babelPadN        = 1
	babelAckReq      = 2
	babelAck         = 3
	babelHello       = 4
	babelIHU         = 5
	babelRouterID    = 6
	babelNH          = 7
	babelUpdate      = 8
	babelRequest     = 9
	babelMHRequest   = 10
	babelTSPC        = 11
	babelHMAC        = 12
	babelSSUpdate    = 13
	babelSSRequest   = 14
	babelSSMHRequest = 15
	babelMAC         = 16
	babelPC          = 17
	babelChallReq    = 18
	babelChallReply  = 19
)

// The sub-TLV types.
const (
	babelSubPad1      = 0
	babelSubPadN      = 1
	babelSubDiversity = 2
	babelSubTimestamp = 3
)

// decodeBabel takes a UDP payload on port 6696 as Babel when Wireshark
// does: four bytes or more, starting with the magic 42. Anything else is
// data.
func (d *Decoder) decodeBabel(l *Layer) LayerType {
	b := d.data[l.Start:l.End]
	if len(b) < babelHdr || b[0] != babelMagic {
		return l.asData()
	}
	l.Payload = l.End
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	babelFMagic = iota
	babelFVersion
	babelFBodyLen
	babelFMessage
	babelFMsgType
	babelFMsgLength
	babelFNonce
	babelFInterval
	babelFSeqno
	babelFAE
	babelFPrefix
	babelFRxcost
	babelFRouterID
	babelFFlags
	babelFPlen
	babelFOmitted
	babelFMetric
	babelFHopCount
	babelFIndex
	babelFSubTLV
	babelFSubType
	babelFSubLength
	babelFChannel
	babelFieldCount
)

var babelFields = [babelFieldCount]Field{
	babelFMagic:     {Name: "babel.magic", Label: "Magic", Kind: KindUint, Width: 8},
	babelFVersion:   {Name: "babel.version", Label: "Version", Kind: KindUint, Width: 8},
	babelFBodyLen:   {Name: "babel.bodylen", Label: "Body Length", Kind: KindUint, Width: 16},
	babelFMessage:   {Name: "babel.message", Label: "Message", Kind: KindUint, Width: 8},
	babelFMsgType:   {Name: "babel.message.type", Label: "Message Type", Kind: KindUint, Width: 8},
	babelFMsgLength: {Name: "babel.message.length", Label: "Message Length", Kind: KindUint, Width: 8},
	babelFNonce:     {Name: "babel.message.nonce", Label: "Nonce", Kind: KindUint, Width: 16, Base: BaseHex},
	babelFInterval:  {Name: "babel.message.interval", Label: "Interval", Kind: KindUint, Width: 16},
	babelFSeqno:     {Name: "babel.message.seqno", Label: "Seqno", Kind: KindUint, Width: 16, Base: BaseHex},
	babelFAE:        {Name: "babel.message.ae", Label: "Address Encoding", Kind: KindUint, Width: 8},
	babelFPrefix:    {Name: "babel.message.prefix", Label: "Raw Prefix", Kind: KindBytes},
	babelFRxcost:    {Name: "babel.message.rxcost", Label: "Rxcost", Kind: KindUint, Width: 16, Base: BaseHex},
	babelFRouterID:  {Name: "babel.message.routerid", Label: "Router ID", Kind: KindBytes},
	babelFFlags:     {Name: "babel.message.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	babelFPlen:      {Name: "babel.message.plen", Label: "Prefix Length", Kind: KindUint, Width: 8},
	babelFOmitted:   {Name: "babel.message.omitted", Label: "Omitted Bytes", Kind: KindUint, Width: 8},
	babelFMetric:    {Name: "babel.message.metric", Label: "Metric", Kind: KindUint, Width: 16},
	babelFHopCount:  {Name: "babel.message.hopcount", Label: "Hop Count", Kind: KindUint, Width: 8},
	babelFIndex:     {Name: "babel.message.index", Label: "Index", Kind: KindUint, Width: 32},
	babelFSubTLV:    {Name: "babel.subtlv", Label: "Sub-TLV", Kind: KindUint, Width: 8},
	babelFSubType:   {Name: "babel.subtlv.type", Label: "Sub-TLV Type", Kind: KindUint, Width: 8},
	babelFSubLength: {Name: "babel.subtlv.length", Label: "Sub-TLV Length", Kind: KindUint, Width: 8},
	babelFChannel:   {Name: "babel.subtlv.diversity.channel", Label: "Channel", Kind: KindUint, Width: 8},
}

var protoBabel = protoField("babel", "Babel Routing Protocol")

// babelName returns Wireshark's name of value v of field f, or "".
func babelName(f int, v uint64) string { return babelFields[f].ValueNames().Name(v) }

// babelV4Prefix is the prefix of IPv4-mapped IPv6 addresses, in which
// both tools keep IPv4 prefixes.
var babelV4Prefix = [16]byte{10: 0xff, 11: 0xff}

// babelPrefix expands a prefix (or, with plen < 0, an address) of address
// encoding ae whose pb-omitted last bytes are at b[off:] and whose
// omitted first bytes come from dp, as RFC 8966 section 4.1.3 does. avail
// is how many bytes the TLV has left for it (negative: taken as
// unlimited, as the tools' unsigned arithmetic does). It returns the
// prefix and the bytes it took, or -1 for an encoding neither tool
// accepts; ok is false when the bytes it would copy were not captured
// (an exception in Wireshark).
func babelPrefix(ae, plen, omitted int, b []byte, off int, dp *[16]byte, avail int, tcpdump bool) (p [16]byte, n int, ok bool) {
	var pb int
	switch {
	case plen >= 0:
		pb = (plen + 7) / 8
	case ae == 1 || tcpdump && ae == 4:
		pb = 4
	default:
		pb = 16
	}
	if pb > 16 {
		return p, -1, true
	}
	short := func(need int) bool { return avail >= 0 && avail < need }
	copyIn := func(at, n int) bool {
		if off < 0 || off+n > len(b) {
			return false
		}
		copy(p[at:], b[off:off+n])
		return true
	}
	switch {
	case ae == 0:
	case ae == 1 || tcpdump && ae == 4:
		if omitted > 4 || pb > 4 || pb > omitted && short(pb-omitted) {
			return p, -1, true
		}
		p = babelV4Prefix
		if omitted > 0 {
			if dp == nil {
				return p, -1, true
			}
			copy(p[:12+omitted], dp[:])
		}
		if pb > omitted {
			if !copyIn(12+omitted, pb-omitted) {
				return p, 0, false
			}
			n = pb - omitted
		}
	case ae == 2:
		if omitted > 16 || pb > omitted && short(pb-omitted) {
			return p, -1, true
		}
		if omitted > 0 {
			if dp == nil {
				return p, -1, true
			}
			copy(p[:omitted], dp[:])
		}
		if pb > omitted {
			if !copyIn(omitted, pb-omitted) {
				return p, 0, false
			}
			n = pb - omitted
		}
	case ae == 3:
		if pb > 8 && short(pb-8) {
			return p, -1, true
		}
		p[0], p[1] = 0xfe, 0x80
		if pb > 8 {
			if !copyIn(8, pb-8) {
				return p, 0, false
			}
			n = pb - 8
		}
	default:
		return p, -1, true
	}
	return p, n, true
}

// appendBabelAddr appends an address as Wireshark's Babel dissector
// formats it: IPv4 when it is IPv4-mapped, else IPv6.
func appendBabelAddr(b []byte, p *[16]byte) []byte {
	if [12]byte(p[:12]) == [12]byte(babelV4Prefix[:12]) {
		return addr4(p[12:]).AppendTo(b)
	}
	return addr16(p[:]).AppendTo(b)
}

// babelWalk walks a Babel packet's TLVs as Wireshark's dissector does,
// emitting the fields (e); in a tree list each at its depth in tshark's
// -V subtree, with the lines that are no field. Wireshark reads every
// field it shows, so a TLV running past the captured bytes ends the walk
// in an exception, after the items before it.
type babelWalk struct {
	e    *emitter
	b    []byte
	rep  int // the reported length (the UDP payload's)
	exc  bool
	v4   [16]byte // the last prefixes of Updates with the prefix flag
	v6   [16]byte
	base int // the depth of the messages
}

// item reports whether an item of n bytes at off exists (n == -1: to the
// end), as Wireshark checks before adding it; false marks the exception.
func (w *babelWalk) item(off, n int) bool {
	if n == -1 && off <= len(w.b) {
		n = len(w.b) - off
	}
	if w.exc || off < 0 || n < 0 || off+n > len(w.b) {
		w.exc = true
		return false
	}
	return true
}

// span returns item's length for n == -1 (the rest of the bytes).
func (w *babelWalk) span(off, n int) int {
	if n == -1 {
		return len(w.b) - off
	}
	return n
}

// tree reports whether the walk draws the -V tree.
func (w *babelWalk) tree() bool { return w.e != nil && w.e.Tree() }

// at puts the records added next at depth in tshark's tree (1: the
// protocol's own fields).
func (w *babelWalk) at(depth int) {
	if w.tree() {
		w.e.depth = uint8(depth - 1)
	}
}

// uint emits field f at depth, drawn from its definition.
func (w *babelWalk) uint(depth, f int, v uint64) {
	if w.e != nil {
		w.at(depth)
		w.e.Uint(&babelFields[f], v)
	}
}

// named emits field f, whose value names the tree shows ("Name (v)").
func (w *babelWalk) named(depth, f int, v uint64) { w.uint(depth, f, v) }

// bytes emits field f at depth.
func (w *babelWalk) bytes(depth, f int, v []byte) {
	if w.e != nil && (len(v) > 0 || w.tree()) {
		// tshark's -T fields and JSON show an empty one as "<MISSING>",
		// a text no field of rawcap's carries: it is left out but for
		// the tree, which shows that text.
		w.at(depth)
		w.e.Bytes(&babelFields[f], v)
	}
}

// typeItem emits a message's or sub-TLV's item, a number whose value is
// its type, drawn with prefix and its type's name ("Message hello (4)").
func (w *babelWalk) typeItem(depth int, prefix string, item, names, typ int) {
	w.uint(depth, item, uint64(typ))
	if w.tree() {
		name := babelName(names, uint64(typ))
		if name == "" {
			name = "unknown"
		}
		b := append(append(append(w.e.Text(), prefix...), name...), " ("...)
		w.e.SetRepr(append(strconv.AppendInt(b, int64(typ), 10), ')'))
	}
}

// text returns, in a tree list, the buffer a tree line at depth is built
// in, s first; nil otherwise. line adds it.
func (w *babelWalk) text(depth int, s string) []byte {
	if !w.tree() {
		return nil
	}
	w.at(depth)
	return append(w.e.Text(), s...)
}

func (w *babelWalk) line(b []byte) { w.e.Line(b) }

// u8, u16 and u32 read what Wireshark reads with tvb_get_*: past the
// captured bytes they mark the exception and return 0.
func (w *babelWalk) u8(off int) int {
	if !w.item(off, 1) {
		return 0
	}
	return int(w.b[off])
}

func (w *babelWalk) u16(off int) uint64 {
	if !w.item(off, 2) {
		return 0
	}
	return uint64(be16(w.b[off:]))
}

func (w *babelWalk) u32(off int) uint32 {
	if !w.item(off, 4) {
		return 0
	}
	return be32(w.b[off:])
}

// packet walks the header, the body and the trailer.
func (w *babelWalk) packet() {
	b := w.b
	w.uint(1, babelFMagic, uint64(b[0]))
	w.uint(1, babelFVersion, uint64(b[1]))
	bodylen := int(be16(b[2:]))
	w.uint(1, babelFBodyLen, uint64(bodylen))
	w.base = 1
	w.body(0, bodylen)
	if w.exc {
		return
	}
	trailer := int(uint8(w.rep - bodylen - babelHdr))
	if trailer == 0 {
		return
	}
	if !w.item(babelHdr+bodylen, trailer) {
		return
	}
	if t := w.text(1, "Packet Trailer ("); t != nil {
		w.line(append(strconv.AppendInt(t, int64(trailer), 10), ')'))
	}
	w.base = 2
	w.body(bodylen, trailer)
}

// body walks the TLVs from offset (after the header) for n bytes.
func (w *babelWalk) body(offset, n int) {
	d0 := w.base
	for i := offset; i-offset < n && !w.exc; {
		m := babelHdr + i
		typ := w.u8(m)
		ln := 0
		if typ != babelPad1 {
			ln = w.u8(m + 1)
		}
		if w.exc {
			return
		}
		// The message's item is a number (its type) spanning the TLV:
		// Wireshark does not check that span, only the bytes it reads.
		w.typeItem(d0, "Message ", babelFMessage, babelFMsgType, typ)
		w.named(d0+1, babelFMsgType, uint64(typ))
		if typ == babelPad1 {
			i++
			continue
		}
		w.uint(d0+1, babelFMsgLength, uint64(ln))
		w.message(m, typ, ln)
		i += ln + 2
	}
}

// message walks the body of one TLV at m of type typ and length ln.
func (w *babelWalk) message(m, typ, ln int) {
	d1 := w.base + 1
	switch typ {
	case babelAckReq:
		if w.item(m+4, 2) {
			w.uint(d1, babelFNonce, w.u16(m+4))
		}
		if w.item(m+6, 2) {
			w.uint(d1, babelFInterval, w.u16(m+6))
		}
	case babelAck:
		if w.item(m+2, 2) {
			w.uint(d1, babelFNonce, w.u16(m+2))
		}
	case babelHello:
		// Wireshark's "Unicast" reads the packet's third byte.
		if t := w.text(d1, "Unicast : "); w.item(m+2, 2) && t != nil {
			w.line(strconv.AppendInt(t, int64(w.b[2]), 10))
		}
		if w.item(m+4, 2) {
			w.uint(d1, babelFSeqno, w.u16(m+4))
		}
		if w.item(m+6, 2) {
			w.uint(d1, babelFInterval, w.u16(m+6))
		}
		if ln > 6 {
			w.subTLVs(typ, m+8, m+2+ln)
		}
	case babelIHU:
		ae := w.u8(m + 2)
		p, rc, ok := babelPrefix(ae, -1, 0, w.b, m+8, nil, ln-6, false)
		if !ok {
			w.exc = true
		}
		if w.exc {
			return
		}
		if w.item(m+4, 2) {
			w.uint(d1, babelFRxcost, w.u16(m+4))
		}
		if w.item(m+6, 2) {
			w.uint(d1, babelFInterval, w.u16(m+6))
		}
		w.addrTree(d1, "Address: ", m+4, ln-2, ae, &p, rc)
		if rc < ln-6 {
			w.subTLVs(typ, m+8+rc, m+2+ln)
		}
	case babelRouterID:
		if w.item(m+4, 8) {
			w.bytes(d1, babelFRouterID, w.b[m+4:m+12])
		}
	case babelNH:
		ae := w.u8(m + 2)
		p, rc, ok := babelPrefix(ae, -1, 0, w.b, m+4, nil, ln-2, false)
		if !ok {
			w.exc = true
		}
		if w.exc {
			return
		}
		w.addrTree(d1, "NH: ", m+4, ln-2, ae, &p, rc)
	case babelUpdate:
		ae := w.u8(m + 2)
		flags := w.u8(m + 3)
		plen := w.u8(m + 4)
		omitted := w.u8(m + 5)
		if w.exc {
			return
		}
		dp := &w.v6
		if ae == 1 {
			dp = &w.v4
		}
		p, rc, ok := babelPrefix(ae, plen, omitted, w.b, m+12, dp, ln-10, false)
		if !ok {
			w.exc = true
			return
		}
		if rc >= 0 && flags&0x80 != 0 {
			*dp = p
		}
		w.uint(d1, babelFFlags, uint64(flags))
		if w.item(m+6, 2) {
			w.uint(d1, babelFInterval, w.u16(m+6))
		}
		if w.item(m+8, 2) {
			w.uint(d1, babelFSeqno, w.u16(m+8))
		}
		if w.item(m+10, 2) {
			w.uint(d1, babelFMetric, w.u16(m+10))
		}
		w.prefixTree(d1, m+12, ln-10, ae, plen, omitted, &p, rc)
		if int(uint8(rc)) < ln-10 {
			w.subTLVs(typ, m+12+rc, m+2+ln)
		}
	case babelRequest:
		plen := w.u8(m + 3)
		ae := w.u8(m + 2)
		if w.exc {
			return
		}
		p, rc, ok := babelPrefix(ae, plen, 0, w.b, m+4, nil, ln-2, false)
		if !ok {
			w.exc = true
			return
		}
		w.prefixTree(d1, m+4, ln-2, ae, plen, -1, &p, rc)
	case babelMHRequest:
		plen := w.u8(m + 3)
		ae := w.u8(m + 2)
		if w.exc {
			return
		}
		p, rc, ok := babelPrefix(ae, plen, 0, w.b, m+16, nil, ln-14, false)
		if !ok {
			w.exc = true
			return
		}
		if w.item(m+4, 2) {
			w.uint(d1, babelFSeqno, w.u16(m+4))
		}
		if w.item(m+6, 1) {
			w.uint(d1, babelFHopCount, uint64(w.b[m+6]))
		}
		if w.item(m+8, 8) {
			w.bytes(d1, babelFRouterID, w.b[m+8:m+16])
		}
		w.prefixTree(d1, m+16, ln-14, ae, plen, -1, &p, rc)
	case babelPC:
		if w.item(m+2, 4) {
			w.uint(d1, babelFIndex, uint64(w.u32(m+2)))
		}
	}
}

// addrTree draws an IHU's or NH's address subtree: "Address: fe80::1",
// its encoding and its raw bytes (n at off).
func (w *babelWalk) addrTree(depth int, label string, off, n, ae int, p *[16]byte, rc int) {
	if !w.item(off, n) {
		return
	}
	if t := w.text(depth, label); t != nil {
		if rc < 0 {
			t = append(t, "corrupt"...)
		} else {
			t = appendBabelAddr(t, p)
		}
		w.line(t)
	}
	w.named(depth+1, babelFAE, uint64(ae))
	if w.item(off, n) {
		w.bytes(depth+1, babelFPrefix, w.b[off:off+w.span(off, n)])
	}
}

// prefixTree draws an Update's or a request's prefix subtree: "Prefix:
// 10.0.0.0/8", its encoding, length, omitted bytes (omitted >= 0) and
// raw bytes (n at off).
func (w *babelWalk) prefixTree(depth, off, n, ae, plen, omitted int, p *[16]byte, rc int) {
	if !w.item(off, n) {
		return
	}
	if t := w.text(depth, "Prefix: "); t != nil {
		if rc < 0 {
			t = append(t, "corrupt"...)
		} else {
			t = appendBabelAddr(t, p)
		}
		w.line(strconv.AppendInt(append(t, '/'), int64(plen), 10))
	}
	w.named(depth+1, babelFAE, uint64(ae))
	w.uint(depth+1, babelFPlen, uint64(plen))
	if omitted >= 0 {
		w.uint(depth+1, babelFOmitted, uint64(omitted))
	}
	if w.item(off, n) {
		w.bytes(depth+1, babelFPrefix, w.b[off:off+w.span(off, n)])
	}
}

// subTLVs walks the sub-TLVs from beg to end of a TLV of type typ.
func (w *babelWalk) subTLVs(typ, beg, end int) {
	d := w.base + 1
	for uint16(beg) < uint16(end) && !w.exc {
		beg = int(uint16(beg))
		st := w.u8(beg)
		sl := 0
		if st != babelSubPad1 {
			sl = w.u8(beg + 1)
		}
		if w.exc {
			return // the sub-TLV's item, a number, is not checked either
		}
		w.typeItem(d, "Sub TLV ", babelFSubTLV, babelFSubType, st)
		w.named(d+1, babelFSubType, uint64(st))
		if st == babelSubPad1 {
			beg++
			continue
		}
		w.named(d+1, babelFSubLength, uint64(sl))
		if st&0x80 != 0 {
			if !w.item(beg+2, sl) {
				return
			}
			if t := w.text(d+1, "Mandatory"); t != nil {
				w.line(t)
			}
		}
		switch st {
		case babelSubDiversity:
			if !w.item(beg+2, 0) {
				return
			}
			if t := w.text(d+1, "Channel"); t != nil {
				w.line(t)
			}
			for k := 0; k < sl && w.item(beg+2+k, 1); k++ {
				w.uint(d+2, babelFChannel, uint64(w.b[beg+2+k]))
			}
		case babelSubTimestamp:
			switch typ {
			case babelHello:
				t1 := w.u32(beg + 2)
				if t := w.text(d+1, "Timestamp : "); w.item(beg+2, sl) && t != nil {
					w.line(appendBabelTimestamp(t, t1))
				}
			case babelIHU:
				t1 := w.u32(beg + 2)
				t2 := w.u32(beg + 6)
				if t := w.text(d+1, "Timestamp origin : "); w.item(beg+2, sl) && t != nil {
					w.line(appendBabelTimestamp(t, t1))
				}
				if t := w.text(d+1, "Timestamp receive: "); w.item(beg+6, sl) && t != nil {
					w.line(appendBabelTimestamp(t, t2))
				}
			default:
				if t := w.text(d+1, "Bogus"); w.item(beg+2, sl) && t != nil {
					w.line(t)
				}
			}
		}
		beg += sl + 2
	}
}

// appendBabelTimestamp appends microseconds as "2222.954827s".
func appendBabelTimestamp(b []byte, us uint32) []byte {
	b = strconv.AppendUint(b, uint64(us/1000000), 10)
	b = append(b, '.')
	b = appendZeroPad(b, uint64(us%1000000), 6)
	return append(b, 's')
}

// appendZeroPad appends v in decimal with at least n digits.
func appendZeroPad(b []byte, v uint64, n int) []byte {
	var tmp [20]byte
	s := strconv.AppendUint(tmp[:0], v, 10)
	for k := len(s); k < n; k++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// emitBabel emits the packet's fields in tshark's order. A version other
// than 2 gets no subtree; where tshark's dissector ran out of bytes, its
// exception item follows the subtree.
func emitBabel(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoBabel)
	b := d.data[l.Start:l.End]
	if len(b) < babelHdr || b[1] != 2 {
		e.NoTree()
		e.End()
		return
	}
	w := babelWalk{e: e, b: b, rep: udpPayloadLen(d, i)}
	w.packet()
	e.End()
	if w.exc {
		e.TreeException("Babel")
	}
}

// infoBabel appends the Info column: "Babel" and the type of each TLV of
// the body and the trailer, as Wireshark walks them without a tree
// (reading only types and lengths); exc reports that the walk ran out of
// bytes.
func infoBabel(b []byte, d *Decoder, i int) (_ []byte, exc bool) {
	l := &d.layers[i]
	p := d.data[l.Start:l.End]
	if p[1] != 2 {
		b = append(b, "Version "...)
		return strconv.AppendInt(b, int64(p[1]), 10), false
	}
	b = append(b, "Babel"...)
	bodylen := int(be16(p[2:]))
	walk := func(offset, n int) bool {
		for i := offset; i-offset < n; {
			m := babelHdr + i
			if m >= len(p) {
				return false
			}
			typ := p[m]
			ln := -1
			if typ != babelPad1 {
				if m+1 >= len(p) {
					return false
				}
				ln = int(p[m+1])
			}
			name := babelName(babelFMsgType, uint64(typ))
			if name == "" {
				name = "unknown"
			}
			b = append(b, ' ')
			b = append(b, name...)
			i += ln + 2
		}
		return true
	}
	if !walk(0, bodylen) {
		return b, true
	}
	if trailer := int(uint8(udpPayloadLen(d, i) - bodylen - babelHdr)); trailer != 0 {
		if !walk(bodylen, trailer) {
			return b, true
		}
	}
	return b, false
}

// lineBabel appends tcpdump's "babel 2 (22) hello pc | mac", with -v one
// line per TLV.
func (p *LinePrinter) lineBabel(b []byte, d *Decoder, i int) []byte {
	if p.Options.Quiet {
		return appendQuietUDP(b, d, i)
	}
	l := &d.layers[i]
	c := d.data[l.Start:l.End:l.End]
	b = append(b, "babel"...)
	if len(c) < babelHdr {
		return append(b, " [|babel]"...)
	}
	if c[0] != babelMagic {
		return append(b, " invalid header"...)
	}
	b = append(b, ' ')
	b = appendUint(b, uint64(c[1]))
	if c[1] != 2 {
		return append(b, " unknown version"...)
	}
	length := udpPayloadLen(d, i)
	if length < babelHdr {
		return append(b, " (invalid)"...)
	}
	bodylen := int(be16(c[2:]))
	b = append(b, " ("...)
	b = appendUint(b, uint64(bodylen))
	b = append(b, ')')
	length -= babelHdr
	if length < bodylen {
		return append(b, " (invalid)"...)
	}
	st := babelLineState{v4: babelV4Prefix, v4v6: babelV4Prefix}
	body := c[babelHdr:]
	var ret int
	b, ret = p.babelTLVs(b, body, bodylen, length, &st)
	switch ret {
	case -3:
		return p.cut(b, " [|babel]")
	case -1:
		return append(b, " [|babel]"...)
	case -2:
		return append(b, " (invalid)"...)
	}
	length -= bodylen
	if length != 0 {
		if p.Options.Verbose > 0 {
			b = append(b, "\n\t----"...)
		} else {
			b = append(b, " |"...)
		}
		var tr []byte
		if bodylen <= len(body) {
			tr = body[bodylen:]
		}
		b, ret = p.babelTLVs(b, tr, length, length, &st)
		switch ret {
		case -3:
			return p.cut(b, " [|babel]")
		case -1:
			return append(b, " [|babel]"...)
		case -2:
			return append(b, " (invalid)"...)
		}
	}
	return b
}

// babelLineState is tcpdump's prefix memory within a packet.
type babelLineState struct {
	v4, v6, v4v6 [16]byte
}

// babelTLVs appends tcpdump's text for the TLVs in c (tlvsLen bytes of
// the remain the UDP length leaves); ret is 0, -1 (cut by the capture),
// -2 (invalid) or -3 (cut where tcpdump unwinds out of the packet).
func (p *LinePrinter) babelTLVs(b, c []byte, tlvsLen, remain int, st *babelLineState) (_ []byte, ret int) {
	v := p.Options.Verbose > 0
	icheck := func(i, n int) bool { return i+n <= tlvsLen && i+n <= remain }
	for i := 0; i < tlvsLen; {
		if !icheck(i, 1) {
			return b, -2
		}
		if i >= len(c) {
			return b, -3 // GET_U_1 past the capture: tcpdump unwinds
		}
		m := c[i:]
		typ := m[0]
		if typ == babelPad1 {
			if v {
				b = append(b, "\n\tPad 1"...)
			} else {
				b = append(b, " pad1"...)
			}
			i++
			continue
		}
		if !icheck(i, 2) {
			return b, -2
		}
		if len(m) < 2 {
			return b, -1
		}
		ln := int(m[1])
		if !icheck(i, 2+ln) {
			return b, -2
		}
		if len(m) < 2+ln {
			return b, -1
		}
		m = m[:2+ln]
		var ok bool
		b, ok = p.babelTLV(b, m, typ, ln, st)
		if !ok {
			return b, -2
		}
		i += ln + 2
	}
	return b, 0
}

// babelTLVNames are tcpdump's names of the TLV types without -v.
var babelTLVNames = [...]string{
	babelPadN: " padN", babelAckReq: " ack-req", babelAck: " ack", babelHello: " hello", babelIHU: " ihu",
	babelRouterID: " router-id", babelNH: " nh", babelUpdate: " update", babelRequest: " route-request",
	babelMHRequest: " seqno-request", babelTSPC: " tspc", babelHMAC: " hmac", babelSSUpdate: " ss-update",
	babelSSRequest: " ss-request", babelSSMHRequest: " ss-mh-request", babelMAC: " mac", babelPC: " pc",
	babelChallReq: " challenge_request", babelChallReply: " challenge_reply",
}

// babelTLV appends one TLV m (its whole bytes); ok is false where tcpdump
// finds it invalid.
func (p *LinePrinter) babelTLV(b, m []byte, typ uint8, ln int, st *babelLineState) (_ []byte, ok bool) {
	if p.Options.Verbose == 0 {
		if int(typ) >= len(babelTLVNames) || babelTLVNames[typ] == "" {
			return append(b, " unknown"...), true
		}
		b = append(b, babelTLVNames[typ]...)
		if typ == babelUpdate {
			if ln < 10 {
				return b, false
			}
			b = appendBabelUpdateFlags(b, m[3])
		}
		return b, true
	}
	switch typ {
	case babelPadN:
		b = append(b, "\n\tPad "...)
		b = appendUint(b, uint64(ln+2))
	case babelAckReq:
		b = append(b, "\n\tAcknowledgment Request "...)
		if ln < 6 {
			return b, false
		}
		b = appendHex4(b, be16(m[4:]))
		b = append(b, ' ')
		b = appendBabelInterval(b, be16(m[6:]))
	case babelAck:
		b = append(b, "\n\tAcknowledgment "...)
		if ln < 2 {
			return b, false
		}
		b = appendHex4(b, be16(m[2:]))
	case babelHello:
		b = append(b, "\n\tHello "...)
		if ln < 6 {
			return b, false
		}
		if be16(m[2:])&0x8000 != 0 {
			b = append(b, "(Unicast) "...)
		}
		b = append(b, "seqno "...)
		b = appendUint(b, uint64(be16(m[4:])))
		b = append(b, ' ')
		if iv := be16(m[6:]); iv != 0 {
			b = append(b, "interval "...)
			b = appendBabelInterval(b, iv)
		} else {
			b = append(b, "unscheduled"...)
		}
		if ln > 6 {
			b = babelSubTLVsLine(b, m[8:], typ)
		}
	case babelIHU:
		b = append(b, "\n\tIHU "...)
		if ln < 6 {
			return b, false
		}
		ae := int(m[2])
		a, rc, _ := babelPrefix(ae, -1, 0, m, 8, nil, ln-6, true)
		if rc < 0 {
			return append(b, " [|babel]"...), true
		}
		if ae == 0 {
			b = append(b, "any"...)
		} else {
			b = appendBabelAddr(b, &a)
		}
		b = append(b, " rxcost "...)
		b = appendUint(b, uint64(be16(m[4:])))
		b = append(b, " interval "...)
		b = appendBabelInterval(b, be16(m[6:]))
		if rc < ln-6 {
			b = babelSubTLVsLine(b, m[8+rc:], typ)
		}
	case babelRouterID:
		b = append(b, "\n\tRouter Id"...)
		if ln < 10 {
			return b, false
		}
		b = append(b, ' ')
		b = appendBabelID(b, m[4:12])
	case babelNH:
		b = append(b, "\n\tNext Hop"...)
		if ln < 2 {
			return b, false
		}
		ae := int(m[2])
		a, rc, _ := babelPrefix(ae, -1, 0, m, 4, nil, ln-2, true)
		if rc < 0 {
			return b, false
		}
		b = append(b, ' ')
		if ae == 0 {
			b = append(b, "invalid AE 0"...)
		} else {
			b = appendBabelAddr(b, &a)
		}
	case babelUpdate:
		b = append(b, "\n\tUpdate"...)
		if ln < 10 {
			return b, false
		}
		ae := int(m[2])
		var dp *[16]byte
		switch ae {
		case 0, 2, 3:
			dp = &st.v6
		case 1:
			dp = &st.v4
		case 4:
			dp = &st.v4v6
		default:
			return b, false
		}
		plen := uint8(m[4])
		if ae == 1 || ae == 4 {
			plen += 96
		}
		pfx, rc, _ := babelPrefix(ae, int(m[4]), int(m[5]), m, 12, dp, ln-10, true)
		if rc < 0 {
			return b, false
		}
		b = appendBabelUpdateFlags(b, m[3])
		b = append(b, ' ')
		if ae == 0 {
			b = append(b, "any"...)
		} else {
			b = appendBabelPrefix(b, &pfx, plen)
		}
		b = append(b, " metric "...)
		b = appendUint(b, uint64(be16(m[10:])))
		b = append(b, " seqno "...)
		b = appendUint(b, uint64(be16(m[8:])))
		b = append(b, " interval "...)
		if iv := be16(m[6:]); iv == 0xffff {
			b = append(b, "infinity"...)
		} else {
			b = appendBabelInterval(b, iv)
		}
		if ae == 4 {
			b = append(b, " (v4-via-v6)"...)
		}
		if m[3]&0x80 != 0 {
			*dp = pfx
		}
		if rc < ln-10 {
			b = babelSubTLVsLine(b, m[12+rc:], typ)
		}
	case babelRequest:
		b = append(b, "\n\tRoute Request "...)
		if ln < 2 {
			return b, false
		}
		ae := int(m[2])
		plen := m[3]
		if ae == 1 {
			plen += 96
		}
		pfx, rc, _ := babelPrefix(ae, int(m[3]), 0, m, 4, nil, ln-2, true)
		if rc < 0 {
			return b, false
		}
		b = append(b, "for "...)
		if ae == 0 {
			b = append(b, "any"...)
		} else {
			b = appendBabelPrefix(b, &pfx, plen)
		}
		if ae == 4 {
			b = append(b, " (v4-via-v6)"...)
		}
	case babelMHRequest:
		b = append(b, "\n\tSeqno Request "...)
		if ln < 14 {
			return b, false
		}
		ae := int(m[2])
		pfx, rc, _ := babelPrefix(ae, int(m[3]), 0, m, 16, nil, ln-14, true)
		if rc < 0 {
			return b, false
		}
		plen := m[3]
		if ae == 1 {
			plen += 96
		}
		b = append(b, '(')
		b = appendUint(b, uint64(m[6]))
		b = append(b, " hops) for "...)
		if ae == 0 {
			b = append(b, "invalid AE 0"...)
		} else {
			b = appendBabelPrefix(b, &pfx, plen)
		}
		b = append(b, " seqno "...)
		b = appendUint(b, uint64(be16(m[4:])))
		b = append(b, " id "...)
		b = appendBabelID(b, m[8:16])
		if ae == 4 {
			b = append(b, " (v4-via-v6)"...)
		}
	case babelTSPC:
		b = append(b, "\n\tTS/PC "...)
		if ln < 6 {
			return b, false
		}
		b = append(b, "timestamp "...)
		b = appendUint(b, uint64(be32(m[4:])))
		b = append(b, " packetcounter "...)
		b = appendUint(b, uint64(be16(m[2:])))
	case babelHMAC:
		b = append(b, "\n\tHMAC "...)
		if ln < 18 {
			return b, false
		}
		b = append(b, "key-id "...)
		b = appendUint(b, uint64(be16(m[2:])))
		b = append(b, " digest-"...)
		b = appendUint(b, uint64(ln-2))
		b = append(b, ' ')
		for _, x := range m[4 : 4+ln-2] {
			b = append(b, upperHex[x>>4], upperHex[x&15])
		}
	case babelSSUpdate:
		return p.babelSSUpdate(b, m, ln, st)
	case babelSSRequest:
		b = append(b, "\n\tSS-Request "...)
		if ln < 3 {
			return b, false
		}
		ae := int(m[2])
		pfx, rc, _ := babelPrefix(ae, int(m[3]), 0, m, 5, nil, ln-3, true)
		if rc < 0 {
			return b, false
		}
		src, rc2, _ := babelPrefix(ae, int(m[4]), 0, m, 5+rc, nil, ln-3-rc, true)
		if rc2 < 0 {
			return b, false
		}
		plen, splen := m[3], m[4]
		if ae == 1 {
			plen += 96
			splen += 96
		}
		if ae == 0 {
			b = append(b, "for any"...)
		} else {
			b = append(b, "for ("...)
			b = appendBabelPrefix(b, &pfx, plen)
			b = append(b, ", "...)
			b = appendBabelPrefix(b, &src, splen)
			b = append(b, ')')
		}
		if ae == 4 {
			b = append(b, " (v4-via-v6)"...)
		}
	case babelSSMHRequest:
		b = append(b, "\n\tSS-MH-Request "...)
		if ln < 14 {
			return b, false
		}
		ae := int(m[2])
		pfx, rc, _ := babelPrefix(ae, int(m[3]), 0, m, 16, nil, ln-14, true)
		if rc < 0 {
			return b, false
		}
		src, rc2, _ := babelPrefix(ae, int(m[7]), 0, m, 16+rc, nil, ln-14-rc, true)
		if rc2 < 0 {
			return b, false
		}
		plen, splen := m[3], m[7]
		if ae == 1 {
			plen += 96
			splen += 96
		}
		b = append(b, '(')
		b = appendUint(b, uint64(m[6]))
		b = append(b, " hops) for ("...)
		b = appendBabelPrefix(b, &pfx, plen)
		b = append(b, ", "...)
		b = appendBabelPrefix(b, &src, splen)
		b = append(b, ") seqno "...)
		b = appendUint(b, uint64(be16(m[4:])))
		b = append(b, " id "...)
		b = appendBabelID(b, m[8:16])
		if ae == 4 {
			b = append(b, " (v4-via-v6)"...)
		}
	case babelMAC:
		b = append(b, "\n\tMAC len "...)
		b = appendUint(b, uint64(ln))
	case babelPC:
		b = append(b, "\n\tPC"...)
		if ln < 4 {
			return b, false
		}
		b = append(b, " value "...)
		b = appendUint(b, uint64(be32(m[2:])))
		b = append(b, " index len "...)
		b = appendUint(b, uint64(ln-4))
	case babelChallReq, babelChallReply:
		if typ == babelChallReq {
			b = append(b, "\n\tChallenge Request"...)
		} else {
			b = append(b, "\n\tChallenge Reply"...)
		}
		if ln > 192 {
			return b, false
		}
		b = append(b, " len "...)
		b = appendUint(b, uint64(ln))
	default:
		b = append(b, "\n\tUnknown message type "...)
		b = appendUint(b, uint64(typ))
	}
	return b, true
}

// babelSSUpdate appends a source-specific Update with -v.
func (p *LinePrinter) babelSSUpdate(b, m []byte, ln int, st *babelLineState) (_ []byte, ok bool) {
	b = append(b, "\n\tSS-Update"...)
	if ln < 10 {
		return b, false
	}
	ae := int(m[2])
	plen, splen := m[4], m[3]
	dp := &st.v6
	if ae == 1 {
		dp = &st.v4
	}
	parsed := 10
	pfx, rc, _ := babelPrefix(ae, int(plen), int(m[5]), m, 2+parsed, dp, ln-parsed, true)
	if rc < 0 {
		return b, false
	}
	if ae == 1 {
		plen += 96
	}
	parsed += rc
	src, rc, _ := babelPrefix(ae, int(splen), 0, m, 2+parsed, nil, ln-parsed, true)
	if rc < 0 {
		return b, false
	}
	if ae == 1 {
		splen += 96
	}
	parsed += rc
	b = append(b, ' ')
	b = appendBabelPrefix(b, &pfx, plen)
	b = append(b, " from "...)
	b = appendBabelPrefix(b, &src, splen)
	b = append(b, " metric "...)
	b = appendUint(b, uint64(be16(m[10:])))
	b = append(b, " seqno "...)
	b = appendUint(b, uint64(be16(m[8:])))
	b = append(b, " interval "...)
	if iv := be16(m[6:]); iv == 0xffff {
		b = append(b, "infinity"...)
	} else {
		b = appendBabelInterval(b, iv)
	}
	if parsed < ln {
		b = babelSubTLVsLine(b, m[2+parsed:], babelSSUpdate)
	}
	return b, true
}

func appendBabelUpdateFlags(b []byte, f byte) []byte {
	if f&0x80 != 0 {
		b = append(b, "/prefix"...)
	}
	if f&0x40 != 0 {
		b = append(b, "/id"...)
	}
	if f&0x3f != 0 {
		b = append(b, "/unknown"...)
	}
	return b
}

// appendBabelInterval appends centiseconds as tcpdump does: "4.00s".
func appendBabelInterval(b []byte, cs uint16) []byte {
	if cs == 0 {
		return append(b, "0.0s (bogus)"...)
	}
	b = appendUint(b, uint64(cs/100))
	b = append(b, '.')
	b = appendZeroPad(b, uint64(cs%100), 2)
	return append(b, 's')
}

// appendBabelID appends a router id as tcpdump does: eight hex bytes
// separated by colons.
func appendBabelID(b, id []byte) []byte {
	for k, x := range id {
		if k > 0 {
			b = append(b, ':')
		}
		b = appendHex2(b, x)
	}
	return b
}

// appendBabelPrefix appends tcpdump's "10.0.0.0/8" or "2001:db8::/32":
// IPv4 when the prefix is IPv4-mapped and at least 96 bits long.
func appendBabelPrefix(b []byte, p *[16]byte, plen uint8) []byte {
	if plen >= 96 && [12]byte(p[:12]) == [12]byte(babelV4Prefix[:12]) {
		b = addr4(p[12:]).AppendTo(b)
		plen -= 96
	} else {
		b = addr16(p[:]).AppendTo(b)
	}
	b = append(b, '/')
	return appendUint(b, uint64(plen))
}

// babelSubTLVsLine appends tcpdump's text for the sub-TLVs in c, within a
// TLV of type typ.
func babelSubTLVsLine(b, c []byte, typ uint8) []byte {
	for k := 0; k < len(c); {
		st := c[k]
		k++
		if st == babelSubPad1 {
			b = append(b, " sub-pad1"...)
			continue
		}
		if st&0x80 != 0 {
			b = append(b, " (M)"...)
		}
		if k == len(c) {
			return append(b, " (invalid)"...)
		}
		sl := int(c[k])
		k++
		if k+sl > len(c) {
			return append(b, " (invalid)"...)
		}
		v := c[k : k+sl]
		switch st {
		case babelSubPadN:
			b = append(b, " sub-padn"...)
		case babelSubDiversity:
			b = append(b, " sub-diversity"...)
			if sl == 0 {
				b = append(b, " empty"...)
				break
			}
			sep := byte(' ')
			for _, ch := range v {
				b = append(b, sep)
				switch ch {
				case 0:
					b = append(b, "reserved"...)
				case 255:
					b = append(b, "all"...)
				default:
					b = appendUint(b, uint64(ch))
				}
				sep = '-'
			}
			if typ != babelUpdate && typ != babelSSUpdate {
				b = append(b, " (bogus)"...)
			}
		case babelSubTimestamp:
			b = append(b, " sub-timestamp"...)
			switch typ {
			case babelHello:
				if sl < 4 {
					return append(b, " (invalid)"...)
				}
				b = append(b, ' ')
				b = appendBabelTimestamp(b, be32(v))
			case babelIHU:
				if sl < 8 {
					return append(b, " (invalid)"...)
				}
				b = append(b, ' ')
				b = appendBabelTimestamp(b, be32(v))
				b = append(b, '|')
				b = appendBabelTimestamp(b, be32(v[4:]))
			default:
				b = append(b, " (bogus)"...)
			}
		default:
			b = append(b, " sub-unknown-0x"...)
			b = appendHex2(b, st)
		}
		k += sl
	}
	return b
}
