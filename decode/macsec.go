package decode

import "strconv"

// MACsec is IEEE 802.1AE's security tag (EtherType 0x88e5), after the
// Ethernet addresses:
//
//	TCI/AN (1 byte: version, ES, SC, SCB, E, C, then the association number)
//	SL     (1 byte: the short length, 0 for a frame of 48 bytes or more)
//	PN     (4 bytes: the packet number)
//	SCI    (8 bytes, when SC is set: system identifier and port)
//
// A frame neither encrypted (E) nor changed (C) carries its EtherType and
// packet in the clear; the integrity check value (ICV, 16 bytes) ends the
// frame. tshark gives the packet the rest of the frame and shows as the
// ICV what it leaves; an encrypted frame's data is all but the last 16
// bytes.
type MACsec []byte

// EtherTypeMACsec is IEEE 802.1AE's EtherType.
const EtherTypeMACsec = 0x88e5

const (
	macsecTagLen = 6
	macsecSCILen = 8
	macsecICVLen = 16
)

// TCI returns the tag control information byte, the association number
// in its low two bits.
func (m MACsec) TCI() uint8 { return m[0] }

// SC reports whether the tag carries a secure channel identifier.
func (m MACsec) SC() bool { return m[0]&0x20 != 0 }

// Encrypted reports whether E or C is set: the user data is not in the
// clear.
func (m MACsec) Encrypted() bool { return m[0]&0x0c != 0 }

// ShortLength returns the SL byte.
func (m MACsec) ShortLength() uint8 { return m[1] }

// PN returns the packet number.
func (m MACsec) PN() uint32 { return be32(m[2:]) }

// SCI returns the secure channel identifier (SC set).
func (m MACsec) SCI() []byte { return m[macsecTagLen : macsecTagLen+macsecSCILen] }

// macsecHeaderLen returns the length of the tag whose TCI is tci.
func macsecHeaderLen(tci uint8) int {
	if tci&0x20 != 0 {
		return macsecTagLen + macsecSCILen
	}
	return macsecTagLen
}

// decodeMACsec decodes the tag. tshark takes a frame for MACsec only when
// its version bit is clear and it holds the tag and an ICV; else the bytes
// are data, as for an EtherType it does not know (tcpdump: "[|macsec]",
// "(invalid)").
func (d *Decoder) decodeMACsec(l *Layer) LayerType {
	b := d.bytes(l)
	if len(b) < macsecTagLen || b[0]&0x80 != 0 || len(b) < macsecHeaderLen(b[0])+macsecICVLen {
		l.Type = LayerPayload
		return LayerNone
	}
	m := MACsec(b)
	hl := macsecHeaderLen(m.TCI())
	if m.Encrypted() {
		l.Payload = l.Start + hl
		l.End -= macsecICVLen // the data; the ICV follows (emitMACsec)
		return LayerNone
	}
	l.Payload = l.Start + hl + 2
	return etherTypeLayer(be16(b[hl:]))
}

// The fields, as Wireshark registers them.
const (
	macsecTCI = iota
	macsecTCIV
	macsecTCIES
	macsecTCISC
	macsecTCISCB
	macsecTCIE
	macsecTCIC
	macsecAN
	macsecSL
	macsecPN
	macsecSCISystem
	macsecSCIPort
	macsecEtype
	macsecICV
	macsecFieldCount
)

var macsecFields = [macsecFieldCount]Field{
	macsecTCI:       {Name: "macsec.TCI", Label: "TCI", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xfc},
	macsecTCIV:      {Name: "macsec.TCI.V", Label: "VER", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x80},
	macsecTCIES:     {Name: "macsec.TCI.ES", Label: "ES", Kind: KindBool, Width: 8, Mask: 0x40},
	macsecTCISC:     {Name: "macsec.TCI.SC", Label: "SC", Kind: KindBool, Width: 8, Mask: 0x20},
	macsecTCISCB:    {Name: "macsec.TCI.SCB", Label: "SCB", Kind: KindBool, Width: 8, Mask: 0x10},
	macsecTCIE:      {Name: "macsec.TCI.E", Label: "E", Kind: KindBool, Width: 8, Mask: 0x08},
	macsecTCIC:      {Name: "macsec.TCI.C", Label: "C", Kind: KindBool, Width: 8, Mask: 0x04},
	macsecAN:        {Name: "macsec.AN", Label: "AN", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x03},
	macsecSL:        {Name: "macsec.SL", Label: "Short length", Kind: KindUint, Width: 8},
	macsecPN:        {Name: "macsec.PN", Label: "Packet number", Kind: KindUint, Width: 32},
	macsecSCISystem: {Name: "macsec.SCI.system_identifier", Label: "System Identifier", Kind: KindMAC},
	macsecSCIPort:   {Name: "macsec.SCI.port_identifier", Label: "Port Identifier", Kind: KindUint, Width: 16},
	macsecEtype:     {Name: "macsec.etype", Label: "Ethertype", Kind: KindUint, Width: 16, Base: BaseHex},
	macsecICV:       {Name: "macsec.ICV", Label: "ICV", Kind: KindBytes},
}

var protoMACsec = protoField("macsec", "802.1AE Security tag")

// emitMACsec emits the tag's fields in the order of tshark's tree: the
// TCI with its flags, the association number, short length, packet number,
// the SCI's two parts, the EtherType of a frame in the clear, then the ICV:
// what the packet inside left of the frame, or an encrypted frame's last
// 16 bytes.
func emitMACsec(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoMACsec)
	m := MACsec(d.data[l.Start:l.Payload])
	f := &macsecFields
	tci := uint64(m.TCI())
	e.UintBits(&f[macsecTCI], tci)
	if e.Tree() {
		b := append(appendBitDrawing(e.Text(), tci, 8, 0xfc), " = TCI: 0x"...)
		b = appendHex2(b, uint8(tci&0xfc>>2))
		b = append(b, ", VER: 0x"...)
		b = strconv.AppendUint(b, tci>>7, 16)
		for _, k := range [...]int{macsecTCIES, macsecTCISC, macsecTCISCB, macsecTCIE, macsecTCIC} {
			if tci&f[k].Mask != 0 {
				b = append(b, ", "...)
				b = append(b, f[k].Label...)
			}
		}
		e.SetRepr(b)
	}
	e.Sub()
	e.UintBits(&f[macsecTCIV], tci)
	for _, k := range [...]int{macsecTCIES, macsecTCISC, macsecTCISCB, macsecTCIE, macsecTCIC} {
		e.BoolBits(&f[k], tci)
	}
	e.Up()
	e.UintBits(&f[macsecAN], tci)
	e.Uint(&f[macsecSL], uint64(m.ShortLength()))
	e.Uint(&f[macsecPN], uint64(m.PN()))
	hl := macsecTagLen
	if m.SC() {
		e.MAC(&f[macsecSCISystem], MAC(m.SCI()[:6]))
		e.Uint(&f[macsecSCIPort], uint64(be16(m.SCI()[6:])))
		hl += macsecSCILen
	}
	var icv []byte
	if m.Encrypted() {
		end := len(d.data)
		if i > 0 {
			end = d.layers[i-1].End
		}
		icv = d.data[l.End:end]
	} else {
		e.Uint(&f[macsecEtype], uint64(be16(m[hl:])))
		if i+1 < d.n && d.layers[i+1].Type != LayerPayload && d.layers[i+1].Malformed == "" && d.layers[i+1].End < l.End {
			icv = d.data[d.layers[i+1].End:l.End]
		}
	}
	if len(icv) > 0 {
		e.Bytes(&f[macsecICV], icv)
	}
	e.End()
}

// macsecFlagLetters are tcpdump's letters for the TCI's flags, in its
// order: E, C, ES, SCB, SC.
var macsecFlagLetters = [...]struct {
	mask   uint8
	letter byte
}{{0x08, 'E'}, {0x04, 'C'}, {0x40, 'S'}, {0x10, 'B'}, {0x20, 'I'}}

// lineMACsec appends tcpdump's text for the tag: with -e (or for a frame
// whose packet is not in the clear) "an 0, pn 72, flags ECI, sl 30, sci
// 2eb73f3995c30001, ", then the clear packet's EtherType and line, or the
// frame's bytes after the tag. Without -e a frame in the clear shows only
// its packet.
func (p *LinePrinter) lineMACsec(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	m := MACsec(d.data[l.Start:l.Payload])
	hl := macsecHeaderLen(m.TCI())
	clear := !m.Encrypted()
	inner := i + 1
	known := clear && inner < d.n && d.layers[inner].Type != LayerPayload
	if !p.Options.Link {
		if known {
			return p.lineLayer(b, d, inner)
		}
		e := Ethernet(d.data[d.layers[0].Start:d.layers[0].Payload])
		if clear {
			// An EtherType tcpdump does not decode: its link-level
			// fallback, with the inner EtherType.
			return p.defaultPrint(p.appendEtherHeader(b, e, be16(m[hl:])), macsecUserData(d, l))
		}
		b = e.Src().AppendTo(b)
		b = append(b, " > "...)
		b = e.Dst().AppendTo(b)
		b = append(b, " 802.1AE MACsec, "...)
	}
	b = p.lineMACsecTag(b, m)
	if !clear {
		end := len(d.data)
		if i > 0 {
			end = d.layers[i-1].End
		}
		return p.defaultPrint(b, d.data[l.Payload:end])
	}
	b = p.appendEtherType(b, be16(m[hl:]))
	b = append(b, ", "...)
	if !known {
		return p.defaultPrint(b, macsecUserData(d, l))
	}
	return p.lineLayer(b, d, inner)
}

// macsecUserData returns what tcpdump takes for the user data of clear
// MACsec layer l: the frame after the EtherType, but its last 16 bytes (the
// ICV).
func macsecUserData(d *Decoder, l *Layer) []byte {
	return d.data[l.Payload:max(l.Payload, l.End-macsecICVLen)]
}

// lineMACsecTag appends "an 0, pn 72, flags ECI, sl 30, sci
// 2eb73f3995c30001, " for tag m (whole, its SCI included).
func (p *LinePrinter) lineMACsecTag(b []byte, m MACsec) []byte {
	b = append(b, "an "...)
	b = strconv.AppendUint(b, uint64(m.TCI()&3), 10)
	b = append(b, ", pn "...)
	b = strconv.AppendUint(b, uint64(m.PN()), 10)
	b = append(b, ", flags "...)
	n := len(b)
	for _, f := range macsecFlagLetters {
		if m.TCI()&f.mask != 0 {
			b = append(b, f.letter)
		}
	}
	if len(b) == n {
		b = append(b, "none"...)
	}
	if sl := m.ShortLength(); sl != 0 {
		b = append(b, ", sl "...)
		b = strconv.AppendUint(b, uint64(sl), 10)
	}
	if m.SC() {
		b = append(b, ", sci "...)
		for _, c := range m.SCI() {
			b = appendHex2(b, c)
		}
	}
	return append(b, ", "...)
}

// macsecRejected reports whether the packet d holds is an Ethernet frame
// of MACsec's EtherType that decodeMACsec left as data.
func macsecRejected(d *Decoder) bool {
	return d.n >= 2 && d.layers[0].Type == LayerEthernet && d.layers[1].Type == LayerPayload &&
		d.layers[0].Payload-d.layers[0].Start >= 14 && be16(d.data[d.layers[0].Payload-2:]) == EtherTypeMACsec
}

// lineMACsecRejected appends, after the link header lineEthernet wrote
// with -e, tcpdump's text for an Ethernet frame (layer i) of MACsec's
// EtherType that tshark does not take for MACsec (decodeMACsec):
// " (invalid)" for a version other than 0, else the tag with -e and
// " [|macsec]", the frame being too short for its ICV.
func (p *LinePrinter) lineMACsecRejected(b []byte, d *Decoder, i int) []byte {
	m := d.data[d.layers[i].Payload:d.layers[i].End]
	if len(m) > 0 && m[0]&0x80 != 0 {
		return append(b, " (invalid)"...)
	}
	if p.Options.Link && len(m) >= macsecTagLen && len(m) >= macsecHeaderLen(m[0]) {
		b = p.lineMACsecTag(b, MACsec(m))
	}
	return append(b, " [|macsec]"...)
}
