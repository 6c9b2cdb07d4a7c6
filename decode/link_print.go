package decode

import "strconv"

// appendEtherType appends an Ethernet header's type as tcpdump's
// ether_type_print does: "ethertype IPv4 (0x0800)", or with -q the name
// alone ("IPv4", "Unknown Ethertype (0x1234)").
func (p *LinePrinter) appendEtherType(b []byte, t uint16) []byte {
	if p.Options.Quiet {
		if n := etherTypeName(t); n != "Unknown" {
			return append(b, n...)
		}
		b = append(b, "Unknown Ethertype (0x"...)
		b = appendHex4(b, t)
		return append(b, ')')
	}
	b = append(b, "ethertype "...)
	b = append(b, etherTypeName(t)...)
	b = append(b, " (0x"...)
	b = appendHex4(b, t)
	return append(b, ')')
}

func (p *LinePrinter) appendWireLen(b []byte) []byte {
	b = append(b, ", length "...)
	return strconv.AppendInt(b, int64(p.wire-p.tagLen), 10)
}

func (p *LinePrinter) lineEthernet(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return append(b, " [|ether]"...)
	}
	e := Ethernet(d.data[l.Start:l.Payload])
	macsec := e.TypeOrLength() == EtherTypeMACsec && macsecRejected(d)
	if !e.IsLength() && (i+1 >= d.n || d.layers[i+1].Type == LayerPayload) && !macsec {
		// An EtherType rawcap does not decode: tcpdump's fallback is the
		// link header and a hex dump of the payload.
		b = p.appendEtherHeader(b, e, e.TypeOrLength())
		return p.defaultPrint(b, d.data[l.Payload:])
	}
	if p.Options.Link {
		b = e.Src().AppendTo(b)
		b = append(b, " > "...)
		b = e.Dst().AppendTo(b)
		b = append(b, ", "...)
		if i+1 < d.n && d.layers[i+1].Type == LayerVLAN && d.layers[i+1].Malformed != "" {
			return p.lineLayer(b, d, i+1) // tcpdump: ",  [|vlan]"
		}
		if e.IsLength() {
			// tcpdump prints an 802.3 frame's own length field (0 too:
			// Wireshark's unknown EtherType), or
			// what the frame holds when that is less.
			n := int(e.TypeOrLength())
			if p.wire > 0 {
				n = min(n, p.wire-l.Payload)
			}
			b = append(b, "802.3, length "...)
			b = strconv.AppendInt(b, int64(n), 10)
		} else {
			b = p.appendEtherType(b, e.TypeOrLength())
			b = p.appendWireLen(b)
		}
		b = append(b, ": "...)
	}
	if macsec {
		return p.lineMACsecRejected(b, d, i)
	}
	if e.TypeOrLength() == 0 {
		// An 802.3 length of 0 to tcpdump: no room for LLC's header.
		return append(b, " [|llc]"...)
	}
	return p.lineLayer(b, d, i+1)
}

// appendEtherHeader appends tcpdump's link header for Ethernet header e
// carrying EtherType et: "SRC > DST, ethertype IPv4 (0x0800), length N: ".
func (p *LinePrinter) appendEtherHeader(b []byte, e Ethernet, et uint16) []byte {
	b = e.Src().AppendTo(b)
	b = append(b, " > "...)
	b = e.Dst().AppendTo(b)
	b = append(b, ", "...)
	b = p.appendEtherType(b, et)
	b = p.appendWireLen(b)
	return append(b, ": "...)
}

func (p *LinePrinter) lineVLAN(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return append(b, " [|vlan]"...)
	}
	v := VLAN(d.data[l.Start:l.Payload])
	if i > 0 && (d.layers[i-1].Type == LayerSLL || d.layers[i-1].Type == LayerSLL2) {
		return p.lineSLLVLAN(b, d, i, v)
	}
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
		if i+1 < d.n && d.layers[i+1].Type == LayerLLC && d.layers[i+1].Malformed != "" {
			b = append(b, "802.3"...) // tcpdump: "802.3 [|llc]"
			return p.lineLayer(b, d, i+1)
		}
		b = append(b, "802.3LLC, "...)
	} else {
		b = p.appendEtherType(b, v.EtherType())
		b = append(b, ", "...)
	}
	return p.lineLayer(b, d, i+1)
}

// lineSLLVLAN prints a VLAN tag inside a Linux cooked header as tcpdump's
// sll printers do: the tag with -e, then (unless -q) the inner EtherType
// by name, before the inner packet.
func (p *LinePrinter) lineSLLVLAN(b []byte, d *Decoder, i int, v VLAN) []byte {
	if p.Options.Link {
		b = append(b, "vlan "...)
		b = strconv.AppendUint(b, uint64(v.ID()), 10)
		b = append(b, ", p "...)
		b = strconv.AppendUint(b, uint64(v.Priority()), 10)
		if v.DEI() {
			b = append(b, ", DEI"...)
		}
		b = append(b, ", "...)
	}
	if !p.Options.Quiet {
		et := v.EtherType()
		if et <= 1500 {
			et = 4 // Linux's 802.2 pseudo-protocol, which tcpdump does not name
		}
		b = append(b, "ethertype "...)
		b = append(b, etherTypeName(et)...)
		b = append(b, ", "...)
	}
	return p.lineLayer(b, d, i+1)
}

func (p *LinePrinter) lineLLC(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		b = append(b, " [|llc]"...)
		if i > 0 && (d.layers[i-1].Type == LayerEthernet || d.layers[i-1].Type == LayerVLAN) {
			_, c := p.llcFrameLen(d, i)
			b = appendHexASCIILines(b, c, "\n\t") // tcpdump dumps what it could not decode, even with -q
		}
		return b
	}
	if llcGeneric(d, i) {
		return p.lineLLCGeneric(b, d, i)
	}
	c := LLC(d.data[l.Start:l.Payload])
	if p.Options.Link {
		if b, ok := p.lineLLCLink(b, d, i, c); ok {
			return p.lineLayer(b, d, i+1)
		}
	}
	if c.IsSNAP() && c.OUI() == 0 {
		b = append(b, "LLC, dsap SNAP (0xaa) Individual, ssap SNAP (0xaa) Command, ctrl 0x03: oui Ethernet (0x000000), "...)
		b = p.appendEtherType(b, c.PID())
		b = append(b, ": "...)
	}
	return p.lineLayer(b, d, i+1)
}

// sllPacketType returns tcpdump's direction text for an SLL packet type,
// "?" for a type it does not name.
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
	return "?"
}

// appendSLLTail appends what tcpdump's sll_print and sll2_print print
// after the packet type (v1) or the interface index (v2): the address
// when it is 6 bytes long, then, unless -q, the protocol and the length.
func (p *LinePrinter) appendSLLTail(b, addr []byte, halen int, proto uint16) []byte {
	if halen == 6 {
		b = appendLinkAddr(b, addr)
		b = append(b, ' ')
	}
	if p.Options.Quiet {
		return b
	}
	switch {
	case proto == 1:
		b = append(b, "802.3"...)
	case proto == 4:
		b = append(b, "802.2"...)
	case proto <= 1500:
		b = append(b, "ethertype Unknown (0x"...)
		b = appendHex4(b, proto)
		b = append(b, ')')
	default:
		b = append(b, "ethertype "...)
		b = append(b, etherTypeName(proto)...)
		b = append(b, " (0x"...)
		b = appendHex4(b, proto)
		b = append(b, ')')
	}
	b = p.appendWireLen(b)
	return append(b, ": "...)
}

// sllHeader appends an SLL header as tcpdump's sll_print does (-e).
func (p *LinePrinter) sllHeader(b []byte, s SLL) []byte {
	pt := sllPacketType(s.PacketType())
	for range 3 - len(pt) {
		b = append(b, ' ')
	}
	b = append(b, pt...)
	b = append(b, ' ')
	return p.appendSLLTail(b, s.Addr(), int(s.HALen()), s.Protocol())
}

// sll2Header appends an SLL2 header as tcpdump's sll2_print does (-e).
func (p *LinePrinter) sll2Header(b []byte, s SLL2) []byte {
	b = append(b, "ifindex "...)
	b = strconv.AppendUint(b, uint64(s.IfIndex()), 10)
	b = append(b, ' ')
	return p.appendSLLTail(b, s.Addr(), int(s.HALen()), s.Protocol())
}

func (p *LinePrinter) lineSLL(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return append(b, " [|sll]"...)
	}
	s := SLL(d.data[l.Start:l.Payload])
	if p.Options.Link {
		b = p.sllHeader(b, s)
	}
	if p.sllUnknown(d, i, s.Protocol()) {
		if !p.Options.Link && s.Protocol() > 1500 {
			b = p.sllHeader(b, s)
		}
		return p.defaultPrint(b, d.data[l.Payload:])
	}
	return p.lineLayer(b, d, i+1)
}

// lineSLL2 prints the Linux cooked v2 header of -i any captures: the
// interface's name on this host padded to 5, the direction padded to 3
// (tcpdump's "eth0  In  ", "lo    Out "), and with -e the header.
func (p *LinePrinter) lineSLL2(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return append(b, " [|sll2]"...)
	}
	s := SLL2(d.data[l.Start:l.Payload])
	n := len(b)
	b = p.appendIfName(b, s.IfIndex())
	b = padRight(b, n, 5)
	b = append(b, ' ')
	n = len(b)
	b = append(b, sllPacketType(uint16(s.PacketType()))...)
	b = padRight(b, n, 3)
	b = append(b, ' ')
	if p.Options.Link {
		b = p.sll2Header(b, s)
	}
	if p.sllUnknown(d, i, s.Protocol()) {
		if !p.Options.Link && s.Protocol() > 1500 {
			b = p.sll2Header(b, s)
		}
		return p.defaultPrint(b, d.data[l.Payload:])
	}
	return p.lineLayer(b, d, i+1)
}

// sllUnknown reports whether tcpdump has no printer for the protocol of
// the cooked header i: an EtherType rawcap does not decode, or a Linux
// pseudo-protocol other than 802.3 (1) and 802.2 (4). tcpdump then shows
// the header (if -e did not already) and dumps the payload.
func (p *LinePrinter) sllUnknown(d *Decoder, i int, proto uint16) bool {
	if proto == 1 || proto == 4 {
		return false
	}
	return i+1 >= d.n || d.layers[i+1].Type == LayerPayload
}

// defaultPrint appends data as tcpdump's default printer does for a
// payload it cannot decode: hex and ASCII lines, each after "\n\t",
// unless -q asks for less or -x or -X dump the packet anyway.
func (p *LinePrinter) defaultPrint(b, data []byte) []byte {
	if p.Options.Quiet {
		return b
	}
	switch p.Options.Hex {
	case HexNone, ASCIIOnly:
	default:
		return b
	}
	if len(data) == 0 {
		return b
	}
	b = append(b, '\n')
	b = appendHexDump(b, data, true)
	return b[:len(b)-1]
}

func (p *LinePrinter) lineLoopback(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return append(b, " [|null]"...)
	}
	if p.Options.Link {
		// tcpdump's null_hdr_print: "AF IPv6 (30)", with -q "IPv6".
		f := Loopback(d.data[l.Start:l.Payload]).Family()
		name := ""
		switch f {
		case 2:
			name = "IPv4"
		case 10, 24, 28, 30:
			name = "IPv6"
		}
		switch {
		case p.Options.Quiet && name != "":
			b = append(b, name...)
		case p.Options.Quiet:
			b = append(b, "Unknown AF "...)
			b = strconv.AppendUint(b, uint64(f), 10)
		default:
			if name == "" {
				name = "Unknown"
			}
			b = append(b, "AF "...)
			b = append(b, name...)
			b = append(b, " ("...)
			b = strconv.AppendUint(b, uint64(f), 10)
			b = append(b, ')')
		}
		b = p.appendWireLen(b)
		b = append(b, ": "...)
	}
	return p.lineLayer(b, d, i+1)
}
