package decode

import "github.com/rawcap/rawcap/linktype"

// Frame Relay (link type 107, LINKTYPE_FRELAY): a Q.922 address, then
// either Cisco's encapsulation (an EtherType, as routers of that make send
// it) or RFC 2427's (the UI control byte 0x03 and an NLPID).
//
// rawcap decodes the frames both tshark 4.0 and tcpdump 4.99 read the same
// way: a two-byte address followed by the EtherType of IPv4 or IPv6, or by
// UI and the NLPID of IPv4 or IPv6 (no padding byte), or by a two-byte I
// frame control field (N(R) and P zero) and the discriminator of a Q.933
// message (q933.go) tshark draws as rawcap does; or a three-byte address
// whose last octet holds the DLCI's lowest bits (DC clear) followed by an
// I frame control field and an ES-IS PDU (esis.go). Three-byte addresses
// before IP are drawn as tshark does too, but the corpus's only ones
// (icmp-icmp_print-oobr-2) carry IP that tshark reads past what rawcap
// draws, so they are left out until that IP is. Four-byte addresses, other
// EtherTypes (tshark reads some as a LAPF control field), other control
// fields and SNAP stay undecoded rather than drawn differently from either
// tool.
const linkFR = linktype.Type(107)

// FR is a Frame Relay header: the address (two or three bytes) and the
// Cisco EtherType, the address, UI and the NLPID, or a two-byte address
// and an I frame's control field before Q.933.
type FR []byte

// frNLPIDIPv4 and frNLPIDIPv6 are the NLPIDs of IP (RFC 2427).
const (
	frNLPIDIPv4 = 0xcc
	frNLPIDIPv6 = 0x8e
	frUI        = 0x03
)

// ParseFR returns the header at the start of b, or an error when b is not a
// frame rawcap decodes (see above).
func ParseFR(b []byte) (FR, error) {
	if len(b) < 4 {
		return nil, ReasonTruncated
	}
	n := 2
	switch {
	case b[0]&1 != 0:
		return nil, ReasonUnsupported // a one-byte address
	case b[1]&1 != 0:
	case b[2]&3 == 1 && len(b) >= 5:
		n = 3
	default:
		return nil, ReasonUnsupported // four bytes, or a DL-CORE control octet
	}
	c := b[n:]
	switch {
	case n == 2 && c[0] == frUI && (c[1] == frNLPIDIPv4 || c[1] == frNLPIDIPv6):
	case n == 2 && (c[0] == 0x08 && c[1] == 0x00 || c[0] == 0x86 && c[1] == 0xdd):
	case n == 2 && FR(b[:4]).IFrame() && len(b) > 4:
		if _, err := ParseQ933(b[4:]); err != nil {
			return nil, err
		}
	case n == 3 && FR(b[:5]).IFrame() && len(b) > 5 && b[5] == esisNLPID:
		if _, err := ParseESIS(b[5:]); err != nil {
			return nil, err
		}
	default:
		return nil, ReasonUnsupported
	}
	return FR(b[: n+2 : n+2]), nil
}

// AddrLen returns the length of the address: 2 or 3.
func (h FR) AddrLen() int { return len(h) - 2 }

// DLCI returns the data-link connection identifier.
func (h FR) DLCI() uint32 {
	d := uint32(h[0]>>2)<<4 | uint32(h[1]>>4)
	if h.AddrLen() == 3 {
		d = d<<6 | uint32(h[2]>>2)
	}
	return d
}

// Cisco reports whether the header is Cisco's encapsulation.
func (h FR) Cisco() bool { return h[h.AddrLen()] != frUI && !h.IFrame() }

// IFrame reports whether the header ends with an I frame's control field,
// before a Q.933 message.
func (h FR) IFrame() bool {
	n := h.AddrLen()
	return h[n]&1 == 0 && h[n+1] == 0 && !(h[n] == 0x08 || h[n] == 0x86)
}

// Protocol returns the EtherType of the payload (from the NLPID for RFC
// 2427's encapsulation).
func (h FR) Protocol() uint16 {
	n := h.AddrLen()
	switch {
	case h.Cisco():
		return be16(h[n:])
	case h[n+1] == frNLPIDIPv6:
		return EtherTypeIPv6
	}
	return EtherTypeIPv4
}

// decodeFR decodes a Frame Relay header. A frame ParseFR does not take is
// no layer at all (firstLayer), as before rawcap read Frame Relay.
func (d *Decoder) decodeFR(l *Layer) LayerType {
	h, err := ParseFR(d.data[l.Start:l.End])
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + len(h)
	if h.IFrame() {
		if h.AddrLen() == 3 {
			return LayerESIS
		}
		return LayerQ933
	}
	return etherTypeLayer(h.Protocol())
}

const (
	frFirstAddrOctet = iota
	frUpperDLCI
	frCR
	frEA
	frSecondAddrOctet
	frSecondDLCI
	frFECN
	frBECN
	frDE
	frDLCI
	frControl
	frControlUModifierCmd
	frControlFtype
	frNLPID
	frCHDLCType
	frControlNR
	frControlNS
	frControlIFtype
	frLowerDLCI
	frDC
	frFieldCount
)

var frFields = [frFieldCount]Field{
	frFirstAddrOctet:      {Name: "fr.first_addr_octet", Label: "First address octet", Kind: KindUint, Width: 8, Base: BaseHex},
	frUpperDLCI:           {Name: "fr.upper_dlci", Label: "Upper DLCI", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xfc},
	frCR:                  {Name: "fr.cr", Label: "CR", Kind: KindBool, Width: 8, Mask: 0x2},
	frEA:                  {Name: "fr.ea", Label: "EA", Kind: KindBool, Width: 8, Mask: 0x1},
	frSecondAddrOctet:     {Name: "fr.second_addr_octet", Label: "Second address octet", Kind: KindUint, Width: 8, Base: BaseHex},
	frSecondDLCI:          {Name: "fr.second_dlci", Label: "Second DLCI", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xf0},
	frFECN:                {Name: "fr.fecn", Label: "FECN", Kind: KindBool, Width: 8, Mask: 0x8},
	frBECN:                {Name: "fr.becn", Label: "BECN", Kind: KindBool, Width: 8, Mask: 0x4},
	frDE:                  {Name: "fr.de", Label: "DE", Kind: KindBool, Width: 8, Mask: 0x2},
	frDLCI:                {Name: "fr.dlci", Label: "DLCI", Kind: KindUint, Width: 32},
	frControl:             {Name: "fr.control", Label: "Control Field", Kind: KindUint, Width: 8, Base: BaseHex},
	frControlUModifierCmd: {Name: "fr.control.u_modifier_cmd", Label: "Command", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xec},
	// Registered as 16 bits with mask 0x1 for I frames; a U frame's is the
	// 8-bit 0x03 ("0x03" in -T fields), drawn with SetRepr.
	frControlFtype: {Name: "fr.control.ftype", Label: "Frame type", Kind: KindUint, Width: 16, Base: BaseHex, Digits: 2},
	frNLPID:        {Name: "fr.nlpid", Label: "NLPID", Kind: KindUint, Width: 8, Base: BaseHex},
	frCHDLCType:    {Name: "fr.chdlctype", Label: "Type", Kind: KindUint, Width: 16, Base: BaseHex},
	frControlNR:    {Name: "fr.control.n_r", Label: "N(R)", Kind: KindUint, Width: 16, Mask: 0xfe00},
	frControlNS:    {Name: "fr.control.n_s", Label: "N(S)", Kind: KindUint, Width: 16, Mask: 0xfe},
	// An I frame's, as registered.
	frControlIFtype: {Name: "fr.control.ftype", Label: "Frame type", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x1},
	frLowerDLCI:     {Name: "fr.lower_dlci", Label: "Lower DLCI", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xfc},
	// Registered as a 16-bit boolean although it is read from one byte:
	// tshark draws its bit among sixteen.
	frDC: {Name: "fr.dc", Label: "DC", Kind: KindBool, Width: 16, Mask: 0x2},
}

var protoFR = titledProtoField("fr", "Frame Relay")

// emitFR emits the address, its DLCI and the encapsulation, in the order
// and nesting of tshark's tree.
func emitFR(e *emitter, i int) {
	l := &e.d.layers[i]
	e.Proto(&protoFR)
	if l.Payload == l.Start {
		e.End()
		return
	}
	h := FR(e.d.data[l.Start:l.Payload])
	f := &frFields
	e.Uint(&f[frFirstAddrOctet], uint64(h[0]))
	if e.Tree() && h[0]&0x02 != 0 {
		e.SetRepr(append(appendHex2(append(e.Text(), "First address octet: 0x"...), h[0]), ", CR"...))
	}
	e.Sub()
	e.UintBits(&f[frUpperDLCI], uint64(h[0]))
	e.BoolBits(&f[frCR], uint64(h[0]))
	e.BoolBits(&f[frEA], uint64(h[0]))
	e.Up()
	e.Uint(&f[frSecondAddrOctet], uint64(h[1]))
	if e.Tree() {
		b := appendHex2(append(e.Text(), "Second address octet: 0x"...), h[1])
		for _, k := range [...]int{frFECN, frBECN, frDE, frEA} {
			if uint64(h[1])&f[k].Mask != 0 {
				b = append(append(b, ", "...), f[k].Label...)
			}
		}
		e.SetRepr(b)
	}
	e.Sub()
	e.UintBits(&f[frSecondDLCI], uint64(h[1]))
	e.BoolBits(&f[frFECN], uint64(h[1]))
	e.BoolBits(&f[frBECN], uint64(h[1]))
	e.BoolBits(&f[frDE], uint64(h[1]))
	e.BoolBits(&f[frEA], uint64(h[1]))
	e.Up()
	n := h.AddrLen()
	if n == 3 {
		if e.Tree() {
			e.Line(appendHex2(append(e.Text(), "Final address octet: 0x"...), h[2]))
		}
		e.Sub()
		e.UintBits(&f[frLowerDLCI], uint64(h[2]))
		e.BoolBits(&f[frDC], uint64(h[2]))
		e.BoolBits(&f[frEA], uint64(h[2]))
		e.Up()
	}
	e.Uint(&f[frDLCI], uint64(h.DLCI()))
	if h.Cisco() {
		e.Uint(&f[frCHDLCType], uint64(h.Protocol()))
		e.End()
		return
	}
	if h.IFrame() {
		emitFRIFrame(e, h)
		e.End()
		return
	}
	e.Uint(&f[frControl], uint64(h[n]))
	if e.Tree() {
		e.SetRepr(append(e.Text(), "Control field: U, func=UI (0x03)"...))
	}
	e.Sub()
	e.UintBits(&f[frControlUModifierCmd], uint64(h[n]))
	e.Uint(&f[frControlFtype], uint64(h[n]&3))
	if e.Tree() {
		e.SetRepr(append(e.Text(), ".... ..11 = Frame type: Unnumbered frame (0x3)"...))
	}
	e.Up()
	e.Uint(&f[frNLPID], uint64(h[n+1]))
	e.End()
}

// emitFRIFrame emits an I frame's control field (modulo 128, its two
// bytes read little-endian): "Control field: I, N(R)=0, N(S)=22 (0x002C)".
func emitFRIFrame(e *emitter, h FR) {
	f := &frFields
	n := h.AddrLen()
	c := uint64(h[n]) | uint64(h[n+1])<<8
	e.Uint(&f[frControl], uint64(h[n]))
	if e.Tree() {
		b := append(e.Text(), "Control field: I, N(R)="...)
		b = appendUint(b, c>>9)
		b = appendUint(append(b, ", N(S)="...), c>>1&0x7f)
		b = appendHexNUpper(append(b, " (0x"...), c, 4)
		e.SetRepr(append(b, ')'))
	}
	e.Sub()
	e.UintBits(&f[frControlNR], c)
	e.UintBits(&f[frControlNS], c)
	e.UintBits(&f[frControlIFtype], c)
	e.Up()
}

// lineFR appends, with -e, tcpdump's Q.922 line before the payload's:
// "Q.922, hdr-len 2, DLCI 302, Flags [none], cisco-ethertype IPv6
// (0x86dd), length 80: ".
func (p *LinePrinter) lineFR(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	h := FR(d.data[l.Start:l.Payload])
	if h.IFrame() {
		return p.lineFRIFrame(b, d, i, h)
	}
	if !p.Options.Link {
		return p.lineLayer(b, d, i+1)
	}
	if p.Options.Quiet { // -q -e: "Q.922, DLCI 302, length 80: "
		b = appendUint(append(b, "Q.922, DLCI "...), uint64(h.DLCI()))
		b = append(appendUint(append(b, ", length "...), uint64(p.wire)), ": "...)
		return p.lineLayer(b, d, i+1)
	}
	b = p.appendQ922(b, h)
	switch {
	case !h.Cisco() && h[h.AddrLen()+1] == frNLPIDIPv4:
		b = append(b, "NLPID IPv4 (0xcc)"...)
	case !h.Cisco():
		b = append(b, "NLPID IPv6 (0x8e)"...)
	case h.Protocol() == EtherTypeIPv4:
		b = append(b, "cisco-ethertype IPv4 (0x0800)"...)
	default:
		b = append(b, "cisco-ethertype IPv6 (0x86dd)"...)
	}
	b = append(b, ", length "...)
	b = appendUint(b, uint64(p.wire))
	return p.lineLayer(append(b, ": "...), d, i+1)
}

// appendQ922 appends tcpdump's address part: "Q.922, hdr-len 2, DLCI 302,
// Flags [none], ".
func (p *LinePrinter) appendQ922(b []byte, h FR) []byte {
	b = append(b, "Q.922, hdr-len "...)
	b = appendUint(b, uint64(h.AddrLen()))
	b = append(b, ", DLCI "...)
	b = appendUint(b, uint64(h.DLCI()))
	b = append(b, ", Flags ["...)
	n := len(b)
	for _, fl := range [...]struct {
		set  bool
		name string
	}{{h[0]&0x02 != 0, "C!"}, {h[1]&0x02 != 0, "DE"}, {h[1]&0x04 != 0, "BECN"}, {h[1]&0x08 != 0, "FECN"}} {
		if fl.set {
			if len(b) > n {
				b = append(b, ", "...)
			}
			b = append(b, fl.name...)
		}
	}
	if len(b) == n {
		b = append(b, "none"...)
	}
	return append(b, "], "...)
}

// lineFRIFrame appends tcpdump's line of a Q.933 message or an ES-IS PDU
// after an I frame's control field, which tcpdump reads as a control byte
// that is not UI and a padding byte (expected after a three-byte address,
// "Pad!" after a two-byte one): "UI 2c! Pad! Q.933, CCITT, …", "UI 22!
// ES-IS, ESH, …"; with -e it first reads the control field as an unknown
// Cisco EtherType.
func (p *LinePrinter) lineFRIFrame(b []byte, d *Decoder, i int, h FR) []byte {
	n := h.AddrLen()
	if p.Options.Link && p.Options.Quiet {
		b = appendUint(append(b, "Q.922, DLCI "...), uint64(h.DLCI()))
		b = append(appendUint(append(b, ", length "...), uint64(p.wire)), ": "...)
		b = appendFRUI(b, h)
		b = appendUint(append(b, "Q.922, DLCI "...), uint64(h.DLCI()))
		b = append(appendUint(append(b, ", length "...), uint64(p.wire)), ": "...)
		return p.lineLayer(b, d, i+1)
	}
	if p.Options.Link {
		b = append(p.appendQ922(b, h), "cisco-ethertype unknown (0x"...)
		b = append(appendHex2(appendHex2(b, h[n]), h[n+1]), "), length "...)
		b = append(appendUint(b, uint64(p.wire)), ": "...)
	}
	b = appendFRUI(b, h)
	switch {
	case p.Options.Link && n == 3:
		b = append(p.appendQ922(b, h), "NLPID ES-IS (0x82), length "...)
		b = append(appendUint(b, uint64(p.wire)), ": "...)
	case p.Options.Link:
		b = append(p.appendQ922(b, h), "NLPID Q.933 (0x08), length "...)
		b = append(appendUint(b, uint64(p.wire)), ": "...)
	case n == 2:
		b = append(b, "Q.933, "...)
	}
	return p.lineLayer(b, d, i+1)
}

// appendFRUI appends tcpdump's complaint about an I frame's control field:
// "UI 2c! " and, after a two-byte address, "Pad! ".
func appendFRUI(b []byte, h FR) []byte {
	n := h.AddrLen()
	b = append(appendHex2(append(b, "UI "...), h[n]), "! "...)
	if n == 2 {
		b = append(b, "Pad! "...)
	}
	return b
}
