package decode

// SLL is a Linux cooked capture (v1) header:
//
//	0        2        4        6                 14       16
//	+--------+--------+--------+-----------------+--------+
//	|pkttype | hatype | halen  | address (8)     |protocol|
//	+--------+--------+--------+-----------------+--------+
type SLL []byte

const sllLen = 16

// ParseSLL returns the SLL header at the start of b.
func ParseSLL(b []byte) (SLL, error) {
	if len(b) < sllLen {
		return nil, ReasonTruncated
	}
	return SLL(b[:sllLen:sllLen]), nil
}

// PacketType returns the packet type (0 to us, 1 broadcast, 2 multicast,
// 3 to another host, 4 sent by us).
func (s SLL) PacketType() uint16 { return be16(s[0:]) }

// HAType returns the ARPHRD_ hardware type.
func (s SLL) HAType() uint16 { return be16(s[2:]) }

// HALen returns the link-layer address length.
func (s SLL) HALen() uint16 { return be16(s[4:]) }

// Addr returns the link-layer address (at most 8 bytes).
func (s SLL) Addr() []byte { return s[6 : 6+min(int(s.HALen()), 8)] }

// Protocol returns the protocol field: an EtherType, or a Linux
// pseudo-protocol (1 Novell 802.3, 4 802.2 LLC) below 0x0600.
func (s SLL) Protocol() uint16 { return be16(s[14:]) }

func (d *Decoder) decodeSLL(l *Layer) LayerType {
	s, err := ParseSLL(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + sllLen
	return sllProtocolLayer(s.Protocol())
}

func sllProtocolLayer(p uint16) LayerType {
	switch p {
	case 4:
		return LayerLLC
	}
	if p < 0x600 {
		return LayerNone
	}
	return etherTypeLayer(p)
}

// SLL2 is a Linux cooked capture v2 header:
//
//	0        2        4            8        10   11   12            20
//	+--------+--------+------------+--------+----+----+-------------+
//	|protocol|reserved| ifindex    | hatype |pkt |hal | address (8) |
//	+--------+--------+------------+--------+----+----+-------------+
type SLL2 []byte

const sll2Len = 20

// ParseSLL2 returns the SLL2 header at the start of b.
func ParseSLL2(b []byte) (SLL2, error) {
	if len(b) < sll2Len {
		return nil, ReasonTruncated
	}
	return SLL2(b[:sll2Len:sll2Len]), nil
}

// Protocol returns the protocol field (as SLL.Protocol).
func (s SLL2) Protocol() uint16 { return be16(s[0:]) }

// IfIndex returns the interface index.
func (s SLL2) IfIndex() uint32 { return be32(s[4:]) }

// HAType returns the ARPHRD_ hardware type.
func (s SLL2) HAType() uint16 { return be16(s[8:]) }

// PacketType returns the packet type (as SLL.PacketType).
func (s SLL2) PacketType() uint8 { return s[10] }

// HALen returns the link-layer address length.
func (s SLL2) HALen() uint8 { return s[11] }

// Addr returns the link-layer address (at most 8 bytes).
func (s SLL2) Addr() []byte { return s[12 : 12+min(int(s.HALen()), 8)] }

func (d *Decoder) decodeSLL2(l *Layer) LayerType {
	s, err := ParseSLL2(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + sll2Len
	return sllProtocolLayer(s.Protocol())
}

// Loopback is the 4-byte address-family header of BSD loopback captures
// (LINKTYPE_NULL in the capturing host's byte order, LINKTYPE_LOOP in
// network order).
type Loopback []byte

// ParseLoopback returns the loopback header at the start of b.
func ParseLoopback(b []byte) (Loopback, error) {
	if len(b) < 4 {
		return nil, ReasonTruncated
	}
	return Loopback(b[:4:4]), nil
}

// Family returns the address family. Its byte order is guessed as
// libpcap does: a value whose low 16 bits (read big-endian) are zero was
// written little-endian.
func (lb Loopback) Family() uint32 {
	v := be32(lb)
	if v&0xffff == 0 {
		v = uint32(lb[0]) | uint32(lb[1])<<8 | uint32(lb[2])<<16 | uint32(lb[3])<<24
	}
	return v
}

func (d *Decoder) decodeLoopback(l *Layer) LayerType {
	lb, err := ParseLoopback(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + 4
	switch lb.Family() {
	case 2:
		return LayerIPv4
	case 10, 24, 28, 30:
		return LayerIPv6
	}
	return LayerNone
}

// protoRaw is the line tshark's tree draws for the raw IP link type, which
// has no header of its own.
var protoRaw = protoField("raw", "Raw packet data")

// emitRaw draws the raw IP link type's tree line: only in a tree list, as
// the layer has no field, and JSON, -T fields and ek show no protocol for
// it (the protocol table lists none).
func emitRaw(e *emitter, i int) {
	if e.Tree() {
		e.Proto(&protoRaw)
		e.End()
	}
}

func (d *Decoder) decodeRaw(l *Layer) LayerType {
	l.Payload = l.Start
	if l.End == l.Start {
		l.Malformed = ReasonTruncated
		return LayerNone
	}
	switch d.data[l.Start] >> 4 {
	case 4:
		return LayerIPv4
	case 6:
		return LayerIPv6
	}
	return LayerNone
}

const (
	sllPkttype = iota
	sllHatype
	sllHalen
	sllSrcEth
	sllSrcOther
	sllEtype
	sllLtype
	sllIfindex
	sllUnused
	sllTrailer
	sllFieldCount
)

var sllFields = [sllFieldCount]Field{
	sllPkttype:  {Name: "sll.pkttype", Label: "Packet type", Kind: KindUint, Width: 16},
	sllHatype:   {Name: "sll.hatype", Label: "Link-layer address type", Kind: KindUint, Width: 16},
	sllHalen:    {Name: "sll.halen", Label: "Link-layer address length", Kind: KindUint, Width: 16},
	sllSrcEth:   {Name: "sll.src.eth", Label: "Source", Kind: KindMAC},
	sllSrcOther: {Name: "sll.src.other", Label: "Source", Kind: KindBytes},
	sllEtype:    {Name: "sll.etype", Label: "Protocol", Kind: KindUint, Width: 16, Base: BaseHex},
	sllLtype:    {Name: "sll.ltype", Label: "Protocol", Kind: KindUint, Width: 16, Base: BaseHex},
	sllIfindex:  {Name: "sll.ifindex", Label: "Interface index", Kind: KindUint, Width: 32},
	sllUnused:   {Name: "sll.unused", Label: "Unused", Kind: KindBytes},
	sllTrailer:  {Name: "sll.trailer", Label: "Trailer", Kind: KindBytes},
}

var protoSLL = protoField("sll", "Linux cooked-mode capture")

const (
	nullFamily = iota
	nullFieldCount
)

var nullFields = [nullFieldCount]Field{
	nullFamily: {Name: "null.family", Label: "Family", Kind: KindUint, Width: 32},
}

var protoNull = protoField("null", "Null/Loopback")

// emitSLLAddr emits a cooked header's link-layer address, the first halen
// of its 8 bytes addr: sll.src.eth when it is six bytes, sll.src.other
// otherwise. A tree list shows the lines tshark was seen to draw: an
// Ethernet or loopback address and the unused rest, or, with no address,
// the 8 unused bytes.
func emitSLLAddr(e *emitter, hatype uint16, halen int, addr []byte) {
	f := &sllFields
	if halen == 6 {
		e.MAC(&f[sllSrcEth], MAC(addr[:6]))
	} else if halen > 0 {
		e.Bytes(&f[sllSrcOther], addr[:min(halen, 8)])
	}
	switch {
	case halen == 6 && (hatype == 1 || hatype == 772):
		e.Bytes(&f[sllUnused], addr[6:8])
	case halen == 0:
		e.Bytes(&f[sllUnused], addr[:8]) // no address: tshark has no sll.src.other
	default:
		e.NoTree()
	}
}

// emitSLLProtocol emits the protocol field: an EtherType (sll.etype) from
// 0x600 up, else a Linux link-layer protocol (sll.ltype).
func emitSLLProtocol(e *emitter, p uint16) {
	if p >= 0x600 {
		e.Uint(&sllFields[sllEtype], uint64(p))
	} else {
		e.Uint(&sllFields[sllLtype], uint64(p))
	}
}

// emitSLLKnown emits the integer field f, kept out of the tree when the
// value has no name there (tshark was seen to draw only named ones).
func emitSLLKnown(e *emitter, f *Field, v uint64, name string) {
	e.Uint(f, v)
	if name == "" {
		e.NoTree()
	}
}

// emitSLL emits a Linux cooked (v1) header's fields, then what follows the
// payload.
func emitSLL(e *emitter, i int) {
	l := &e.d.layers[i]
	e.Proto(&protoSLL)
	if e.Tree() {
		e.SetRepr(append(e.Text(), "Linux cooked capture v1"...))
	}
	if l.Payload > l.Start {
		s := SLL(e.d.data[l.Start:l.Payload])
		f := &sllFields
		emitSLLKnown(e, &f[sllPkttype], uint64(s.PacketType()), sllPacketTypeName(s.PacketType()))
		emitSLLKnown(e, &f[sllHatype], uint64(s.HAType()), sllHATypeName(s.HAType()))
		e.Uint(&f[sllHalen], uint64(s.HALen()))
		emitSLLAddr(e, s.HAType(), int(s.HALen()), s[6:14])
		emitSLLProtocol(e, s.Protocol())
		emitLinkTrailer(e, i, &ethFields[ethPadding], &f[sllTrailer])
	}
	e.End()
}

// emitSLL2 emits a Linux cooked v2 header's fields, in its order, then
// what follows the payload.
func emitSLL2(e *emitter, i int) {
	l := &e.d.layers[i]
	e.Proto(&protoSLL)
	if e.Tree() {
		e.SetRepr(append(e.Text(), "Linux cooked capture v2"...))
	}
	if l.Payload > l.Start {
		s := SLL2(e.d.data[l.Start:l.Payload])
		f := &sllFields
		emitSLLProtocol(e, s.Protocol())
		e.Uint(&f[sllIfindex], uint64(s.IfIndex()))
		emitSLLKnown(e, &f[sllHatype], uint64(s.HAType()), sllHATypeName(s.HAType()))
		emitSLLKnown(e, &f[sllPkttype], uint64(s.PacketType()), sllPacketTypeName(uint16(s.PacketType())))
		e.Uint(&f[sllHalen], uint64(s.HALen()))
		emitSLLAddr(e, s.HAType(), int(s.HALen()), s[12:20])
		emitLinkTrailer(e, i, &ethFields[ethPadding], &f[sllTrailer])
	}
	e.End()
}

// emitLoopback emits the BSD loopback header's address family.
func emitLoopback(e *emitter, i int) {
	l := &e.d.layers[i]
	e.Proto(&protoNull)
	if l.Payload-l.Start >= 4 {
		e.Uint(&nullFields[nullFamily], uint64(Loopback(e.d.data[l.Start:l.Payload]).Family()))
	}
	e.End()
}
