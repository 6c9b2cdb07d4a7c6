package decode

import "strconv"

// AH is an IPsec Authentication Header (RFC 4302). Unlike ESP it leaves
// the packet it protects in the clear, so decoding goes on after it:
//
//	| next header (8) | payload len (8) | reserved (16) |
//	| security parameters index (32)                   |
//	| sequence number (32)                             |
//	| integrity check value (variable) …               |
//
// The payload length counts 4-byte words, minus 2.
type AH []byte

const (
	IPProtoAH  = 51
	ahFixedLen = 12
)

// ParseAH returns the AH header, ICV included, at the start of b.
func ParseAH(b []byte) (AH, error) {
	if len(b) < ahFixedLen {
		return nil, ReasonTruncated
	}
	n := (int(b[1]) + 2) * 4
	if n < ahFixedLen {
		return nil, ReasonBadHdrLen
	}
	if n > len(b) {
		return nil, ReasonTruncated
	}
	return AH(b[:n:n]), nil
}

// NextHeader returns the IP protocol of what follows.
func (a AH) NextHeader() uint8 { return a[0] }

// SPI returns the Security Parameters Index.
func (a AH) SPI() uint32 { return be32(a[4:]) }

// Seq returns the sequence number.
func (a AH) Seq() uint32 { return be32(a[8:]) }

// ICV returns the integrity check value.
func (a AH) ICV() []byte { return a[ahFixedLen:] }

func (d *Decoder) decodeAH(l *Layer) LayerType {
	a, err := ParseAH(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + len(a)
	if l.Payload == l.End {
		return LayerNone
	}
	return ipProtocolLayer(a.NextHeader(), d.ahInIPv6())
}

// ahInIPv6 reports whether the layer being decoded follows an IPv6 header
// chain.
func (d *Decoder) ahInIPv6() bool {
	for j := d.n - 1; j >= 0; j-- {
		switch d.layers[j].Type {
		case LayerIPv6:
			return true
		case LayerIPv4:
			return false
		}
	}
	return false
}

const (
	ahNextHeader = iota
	ahLength
	ahReserved
	ahSPI
	ahSequence
	ahICV
	ahFieldCount
)

var ahFields = [ahFieldCount]Field{
	ahNextHeader: {Name: "ah.next_header", Label: "Next header", Kind: KindUint, Width: 8},
	ahLength:     {Name: "ah.length", Label: "Length", Kind: KindUint, Width: 8},
	ahReserved:   {Name: "ah.reserved", Label: "Reserved", Kind: KindBytes},
	ahSPI:        {Name: "ah.spi", Label: "AH SPI", Kind: KindUint, Width: 32, Base: BaseHex},
	ahSequence:   {Name: "ah.sequence", Label: "AH Sequence", Kind: KindUint, Width: 32},
	ahICV:        {Name: "ah.icv", Label: "AH ICV", Kind: KindBytes},
}

var protoAH = protoField("ah", "Authentication Header")

// emitAH emits the header's fields that were captured, in the order of
// tshark's tree, which is drawn from them (treefields.go). Inside an IPv6
// header chain that tree is a subtree of IPv6's, as its extension headers
// are; after IPv4, a tree of its own. The ICV comes only with a whole
// header.
func emitAH(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoAH)
	if i > 0 && d.layers[i-1].Type != LayerIPv4 {
		e.InsidePrevious()
	}
	a := d.data[l.Start:l.End]
	if l.Malformed == "" {
		a = d.data[l.Start:l.Payload]
	}
	f := &ahFields
	if len(a) >= 1 {
		e.Uint(&f[ahNextHeader], uint64(a[0]))
	}
	if len(a) >= 2 {
		e.Uint(&f[ahLength], uint64(a[1]))
		if e.Tree() {
			b := append(e.Text(), "Length: "...)
			b = appendUint(b, uint64(a[1]))
			b = append(b, " ("...)
			b = appendUint(b, (uint64(a[1])+2)*4)
			e.SetRepr(append(b, " bytes)"...))
		}
	}
	if len(a) >= 4 {
		e.Bytes(&f[ahReserved], a[2:4])
	}
	if len(a) >= 8 {
		e.Uint(&f[ahSPI], uint64(be32(a[4:])))
	}
	if len(a) >= ahFixedLen {
		e.Uint(&f[ahSequence], uint64(be32(a[8:])))
	}
	if l.Malformed == "" {
		e.Bytes(&f[ahICV], a[ahFixedLen:])
	}
	e.End()
}

// infoAH appends tshark's Info column for AH: "AH (SPI=0x…)".
func infoAH(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	a := d.data[l.Start:l.End]
	if len(a) < 8 {
		return b
	}
	b = append(b, "AH (SPI=0x"...)
	b = appendHexN(b, uint64(be32(a[4:])), 8)
	return append(b, ')')
}

// lineAH appends tcpdump's "AH(spi=0x…,seq=0x…,icv=0x…): ", with the
// length word first at -v, then what AH protects (" ip-proto-N len" when
// rawcap does not decode it). Of a header cut short it prints what was
// captured, then " [|ah]", as tcpdump does while it reads.
func (p *LinePrinter) lineAH(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	raw := d.data[l.Start:l.End]
	b = append(b, "AH("...)
	if p.Options.Verbose > 0 {
		if len(raw) < 2 {
			return append(b, " [|ah]"...)
		}
		b = append(b, "length="...)
		b = appendUint(b, uint64(raw[1]))
		b = append(b, '(')
		b = appendUint(b, uint64(raw[1])*4+8)
		b = append(b, "-bytes),"...)
	}
	if len(raw) < 8 {
		return append(b, " [|ah]"...)
	}
	b = append(b, "spi=0x"...)
	b = appendHexN(b, uint64(be32(raw[4:])), 8)
	b = append(b, ',')
	if len(raw) < ahFixedLen {
		return append(b, " [|ah]"...)
	}
	b = append(b, "seq=0x"...)
	b = strconv.AppendUint(b, uint64(be32(raw[8:])), 16)
	b = append(b, ",icv=0x"...)
	n := (int(raw[1]) + 2) * 4
	for k := ahFixedLen; k < n && k < len(raw); k++ {
		b = appendHex2(b, raw[k])
	}
	if l.Malformed != "" {
		return append(b, " [|ah]"...)
	}
	b = append(b, "): "...)
	if i+1 >= d.n || d.layers[i+1].Type == LayerPayload {
		b = append(b, " ip-proto-"...)
		b = appendUint(b, uint64(raw[0]))
		b = append(b, ' ')
		return strconv.AppendInt(b, int64(l.End-l.Payload), 10)
	}
	return p.lineLayer(b, d, i+1)
}
