package decode

import "strconv"

func (p *LinePrinter) appendEtherType(b []byte, t uint16) []byte {
	b = append(b, "ethertype "...)
	b = append(b, etherTypeName(t)...)
	b = append(b, " (0x"...)
	b = appendHex4(b, t)
	return append(b, ')')
}

func (p *LinePrinter) appendWireLen(b []byte) []byte {
	b = append(b, ", length "...)
	return strconv.AppendInt(b, int64(p.wire), 10)
}

func (p *LinePrinter) lineEthernet(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return append(b, " [|ether]"...)
	}
	e := Ethernet(d.data[l.Start:l.Payload])
	if !e.IsLength() && (i+1 >= d.n || d.layers[i+1].Type == LayerPayload) {
		// An EtherType rawcap does not decode: tcpdump's fallback is the
		// link header and a hex dump of the payload.
		b = e.Src().AppendTo(b)
		b = append(b, " > "...)
		b = e.Dst().AppendTo(b)
		b = append(b, ", "...)
		b = p.appendEtherType(b, e.TypeOrLength())
		b = p.appendWireLen(b)
		b = append(b, ": "...)
		if p.Options.Hex == HexNone {
			b = appendIndentedHex(b, d.data[l.Payload:], "\n\t")
		}
		return b
	}
	if p.Options.Link {
		b = e.Src().AppendTo(b)
		b = append(b, " > "...)
		b = e.Dst().AppendTo(b)
		b = append(b, ", "...)
		if e.IsLength() {
			// tcpdump prints an 802.3 frame's own length field.
			b = append(b, "802.3, length "...)
			b = strconv.AppendUint(b, uint64(e.TypeOrLength()), 10)
		} else {
			b = p.appendEtherType(b, e.TypeOrLength())
			b = p.appendWireLen(b)
		}
		b = append(b, ": "...)
	}
	return p.lineLayer(b, d, i+1)
}

func (p *LinePrinter) lineVLAN(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return append(b, " [|vlan]"...)
	}
	v := VLAN(d.data[l.Start:l.Payload])
	if !p.Options.Link {
		return p.lineLayer(b, d, i+1)
	}
	b = append(b, "vlan "...)
	b = strconv.AppendUint(b, uint64(v.ID()), 10)
	b = append(b, ", p "...)
	b = strconv.AppendUint(b, uint64(v.Priority()), 10)
	if v.DEI() {
		b = append(b, ", DEI"...)
	}
	b = append(b, ", "...)
	if v.EtherType() <= 1500 {
		b = append(b, "802.3LLC, "...)
	} else {
		b = p.appendEtherType(b, v.EtherType())
		b = append(b, ", "...)
	}
	return p.lineLayer(b, d, i+1)
}

func (p *LinePrinter) lineLLC(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return append(b, " [|llc]"...)
	}
	c := LLC(d.data[l.Start:l.Payload])
	if c.IsSNAP() {
		b = append(b, "LLC, dsap SNAP (0xaa) Individual, ssap SNAP (0xaa) Command, ctrl 0x03: oui Ethernet (0x000000), "...)
		b = p.appendEtherType(b, c.PID())
		b = append(b, ": "...)
	}
	return p.lineLayer(b, d, i+1)
}

// sllPacketType returns tcpdump's direction text for an SLL packet type.
func sllPacketType(t uint16) string {
	switch t {
	case 0:
		return "In"
	case 1:
		return "B"
	case 2:
		return "M"
	case 3:
		return "P"
	case 4:
		return "Out"
	}
	return ""
}

func (p *LinePrinter) lineSLL(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return append(b, " [|sll]"...)
	}
	s := SLL(d.data[l.Start:l.Payload])
	if p.Options.Link {
		pt := sllPacketType(s.PacketType())
		for range 3 - len(pt) {
			b = append(b, ' ')
		}
		b = append(b, pt...)
		b = append(b, ' ')
		if n := s.HALen(); n > 0 && n <= 8 {
			b = appendLinkAddr(b, s.Addr())
			b = append(b, ' ')
		}
		b = p.appendEtherType(b, s.Protocol())
		b = p.appendWireLen(b)
		b = append(b, ": "...)
	}
	return p.lineLayer(b, d, i+1)
}

func (p *LinePrinter) lineSLL2(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return append(b, " [|sll2]"...)
	}
	s := SLL2(d.data[l.Start:l.Payload])
	if p.Options.Link {
		b = append(b, sllPacketType(uint16(s.PacketType()))...)
		b = append(b, " ifindex "...)
		b = strconv.AppendUint(b, uint64(s.IfIndex()), 10)
		b = append(b, ' ')
		for j, c := range s.Addr() {
			if j > 0 {
				b = append(b, ':')
			}
			b = appendHex2(b, c)
		}
		b = append(b, ' ')
		b = p.appendEtherType(b, s.Protocol())
		b = p.appendWireLen(b)
		b = append(b, ": "...)
	}
	return p.lineLayer(b, d, i+1)
}

func (p *LinePrinter) lineLoopback(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return append(b, " [|null]"...)
	}
	if p.Options.Link {
		f := Loopback(d.data[l.Start:l.Payload]).Family()
		b = append(b, "AF "...)
		switch f {
		case 2:
			b = append(b, "IPv4"...)
		case 10, 24, 28, 30:
			b = append(b, "IPv6"...)
		default:
			b = append(b, "Unknown"...)
		}
		b = append(b, " ("...)
		b = strconv.AppendUint(b, uint64(f), 10)
		b = append(b, ')')
		b = p.appendWireLen(b)
		b = append(b, ": "...)
	}
	return p.lineLayer(b, d, i+1)
}
