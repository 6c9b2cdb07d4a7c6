package decode

import "strconv"

func treeMAC(t *treeWriter, label string, m MAC) {
	t.line()
	t.b = append(t.b, label...)
	t.b = append(t.b, ": "...)
	t.b = m.AppendTo(t.b)
	t.end()
}

func treeEthernet(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	if l.Payload == l.Start {
		t.head("Ethernet II")
		t.end()
		return
	}
	e := Ethernet(d.data[l.Start:l.Payload])
	if e.IsLength() {
		t.head("IEEE 802.3 Ethernet")
	} else {
		t.head("Ethernet II, Src: ")
		t.b = e.Src().AppendTo(t.b)
		t.b = append(t.b, ", Dst: "...)
		t.b = e.Dst().AppendTo(t.b)
	}
	t.end()
	t.depth = 1
	for _, a := range [...]struct {
		label string
		m     MAC
	}{{"Destination", e.Dst()}, {"Source", e.Src()}} {
		treeMAC(t, a.label, a.m)
		t.depth = 2
		treeMAC(t, "Address", a.m)
		v := uint64(a.m[0]) << 16
		t.bits(v, 24, 0x020000, "LG bit")
		if a.m[0]&2 != 0 {
			t.b = append(t.b, "Locally administered address (this is NOT the factory default)"...)
		} else {
			t.b = append(t.b, "Globally unique address (factory default)"...)
		}
		t.end()
		t.bits(v, 24, 0x010000, "IG bit")
		if a.m[0]&1 != 0 {
			t.b = append(t.b, "Group address (multicast/broadcast)"...)
		} else {
			t.b = append(t.b, "Individual address (unicast)"...)
		}
		t.end()
		t.depth = 1
	}
	if e.IsLength() {
		t.int("Length", int(e.TypeOrLength()))
	} else {
		treeEtherType(t, "Type", e.TypeOrLength())
	}
}

func treeEtherType(t *treeWriter, label string, et uint16) {
	t.line()
	t.b = append(t.b, label...)
	t.b = append(t.b, ": "...)
	t.b = append(t.b, etherTypeName(et)...)
	t.b = append(t.b, " (0x"...)
	t.b = appendHex4(t.b, et)
	t.b = append(t.b, ')')
	t.end()
}

func treeVLAN(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	t.head("802.1Q Virtual LAN")
	if l.Payload == l.Start {
		t.end()
		return
	}
	v := VLAN(d.data[l.Start:l.Payload])
	t.b = append(t.b, ", PRI: "...)
	t.b = appendUint(t.b, uint64(v.Priority()))
	t.b = append(t.b, ", DEI: "...)
	if v.DEI() {
		t.b = append(t.b, '1')
	} else {
		t.b = append(t.b, '0')
	}
	t.b = append(t.b, ", ID: "...)
	t.b = appendUint(t.b, uint64(v.ID()))
	t.end()
	t.depth = 1
	tci := uint64(v.TCI())
	t.bits(tci, 16, 0xe000, "Priority")
	t.b = appendUint(t.b, uint64(v.Priority()))
	t.end()
	t.bits(tci, 16, 0x1000, "DEI")
	if v.DEI() {
		t.b = append(t.b, "Eligible"...)
	} else {
		t.b = append(t.b, "Ineligible"...)
	}
	t.end()
	t.bits(tci, 16, 0x0fff, "ID")
	t.b = appendUint(t.b, uint64(v.ID()))
	t.end()
	treeEtherType(t, "Type", v.EtherType())
}

func treeSLL(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	t.head("Linux cooked capture v1")
	t.end()
	if l.Payload == l.Start {
		return
	}
	s := SLL(d.data[l.Start:l.Payload])
	t.depth = 1
	t.int("Packet type", int(s.PacketType()))
	t.int("Link-layer address type", int(s.HAType()))
	t.int("Link-layer address length", int(s.HALen()))
	treeEtherType(t, "Protocol", s.Protocol())
}

func treeARP(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	t.head("Address Resolution Protocol")
	if l.Payload == l.Start {
		t.end()
		return
	}
	a := ARP(d.data[l.Start:l.Payload])
	switch a.Op() {
	case 1:
		t.b = append(t.b, " (request)"...)
	case 2:
		t.b = append(t.b, " (reply)"...)
	}
	t.end()
	t.depth = 1
	t.int("Hardware type", int(a.HType()))
	treeEtherType(t, "Protocol type", a.PType())
	t.int("Hardware size", a.HLen())
	t.int("Protocol size", a.PLen())
	t.int("Opcode", int(a.Op()))
	if a.IsEthernetIPv4() {
		treeMAC(t, "Sender MAC address", MAC(a.SenderHW()))
		t.str("Sender IP address", addr4(a.SenderProto()).String())
		treeMAC(t, "Target MAC address", MAC(a.TargetHW()))
		t.str("Target IP address", addr4(a.TargetProto()).String())
	}
}

func treeIPv4(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	t.head("Internet Protocol Version 4")
	if l.Payload == l.Start {
		t.end()
		return
	}
	ip := IPv4(d.data[l.Start:l.Payload])
	t.b = append(t.b, ", Src: "...)
	t.b = ip.Src().AppendTo(t.b)
	t.b = append(t.b, ", Dst: "...)
	t.b = ip.Dst().AppendTo(t.b)
	t.end()
	t.depth = 1
	t.bits(uint64(ip[0]), 8, 0xf0, "Version")
	t.b = append(t.b, '4')
	t.end()
	t.bits(uint64(ip[0]), 8, 0x0f, "Header Length")
	t.b = strconv.AppendInt(t.b, int64(ip.HeaderLen()), 10)
	t.b = append(t.b, " bytes ("...)
	t.b = strconv.AppendInt(t.b, int64(ip.HeaderLen()/4), 10)
	t.b = append(t.b, ')')
	t.end()
	t.line()
	t.b = append(t.b, "Differentiated Services Field: 0x"...)
	t.b = appendHex2(t.b, ip.TOS())
	t.end()
	t.depth = 2
	t.bits(uint64(ip.TOS()), 8, 0xfc, "Differentiated Services Codepoint")
	t.b = appendUint(t.b, uint64(ip.TOS()>>2))
	t.end()
	t.bits(uint64(ip.TOS()), 8, 0x03, "Explicit Congestion Notification")
	t.b = appendUint(t.b, uint64(ip.TOS()&3))
	t.end()
	t.depth = 1
	t.int("Total Length", int(ip.TotalLength()))
	t.hexInt("Identification", uint64(ip.ID()), 4)
	fl := uint64(ip[6])
	t.bits(fl, 8, 0xe0, "Flags")
	t.b = append(t.b, "0x"...)
	t.b = appendHexMin(t.b, uint64(ip.Flags()))
	if ip.DF() {
		t.b = append(t.b, ", Don't fragment"...)
	}
	if ip.MF() {
		t.b = append(t.b, ", More fragments"...)
	}
	t.end()
	t.depth = 2
	t.flag(fl, 8, 0x80, "Reserved bit")
	t.flag(fl, 8, 0x40, "Don't fragment")
	t.flag(fl, 8, 0x20, "More fragments")
	t.depth = 1
	t.bits(uint64(be16(ip[6:])), 16, 0x1fff, "Fragment Offset")
	t.b = appendUint(t.b, uint64(ip.FragOffset())*8)
	t.end()
	t.int("Time to Live", int(ip.TTL()))
	t.line()
	t.b = append(t.b, "Protocol: "...)
	if n := ipProtoName(ip.Protocol()); n != "" {
		t.b = append(t.b, n...)
	} else {
		t.b = append(t.b, "Unknown"...)
	}
	t.b = append(t.b, " ("...)
	t.b = appendUint(t.b, uint64(ip.Protocol()))
	t.b = append(t.b, ')')
	t.end()
	t.hex("Header Checksum", uint64(ip.Checksum()), 4)
	t.str("Source Address", ip.Src().String())
	t.str("Destination Address", ip.Dst().String())
}

func treeIPv6(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	t.head("Internet Protocol Version 6")
	if l.Payload == l.Start {
		t.end()
		return
	}
	ip := IPv6(d.data[l.Start:l.Payload])
	t.b = append(t.b, ", Src: "...)
	t.b = ip.Src().AppendTo(t.b)
	t.b = append(t.b, ", Dst: "...)
	t.b = ip.Dst().AppendTo(t.b)
	t.end()
	t.depth = 1
	t.bits(uint64(ip[0]), 8, 0xf0, "Version")
	t.b = append(t.b, '6')
	t.end()
	w := uint64(be32(ip))
	t.bits(w, 32, 0x0ff00000, "Traffic Class")
	t.b = append(t.b, "0x"...)
	t.b = appendHex2(t.b, ip.TrafficClass())
	t.end()
	t.bits(w, 32, 0x000fffff, "Flow Label")
	t.b = append(t.b, "0x"...)
	t.b = append(t.b, hexDigits[ip.FlowLabel()>>16])
	t.b = appendHex4(t.b, uint16(ip.FlowLabel()))
	t.end()
	t.int("Payload Length", int(ip.PayloadLength()))
	t.line()
	t.b = append(t.b, "Next Header: "...)
	if n := ipProtoName(ip.NextHeader()); n != "" {
		t.b = append(t.b, n...)
	} else {
		t.b = append(t.b, "Unknown"...)
	}
	t.b = append(t.b, " ("...)
	t.b = appendUint(t.b, uint64(ip.NextHeader()))
	t.b = append(t.b, ')')
	t.end()
	t.int("Hop Limit", int(ip.HopLimit()))
	t.str("Source Address", ip.Src().String())
	t.str("Destination Address", ip.Dst().String())
}

func treeICMPv4(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	t.head("Internet Control Message Protocol")
	t.end()
	if l.End-l.Start < 8 {
		return
	}
	m := ICMPv4(d.data[l.Start:l.End])
	t.depth = 1
	t.int("Type", int(m.Type()))
	t.int("Code", int(m.Code()))
	t.hex("Checksum", uint64(m.Checksum()), 4)
	switch m.Type() {
	case ICMPEcho, ICMPEchoReply:
		t.hexInt("Identifier (BE)", uint64(m.ID()), 4)
		t.hexInt("Sequence Number (BE)", uint64(m.Seq()), 4)
	}
}

func treeICMPv6(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	t.head("Internet Control Message Protocol v6")
	t.end()
	if l.End-l.Start < 4 {
		return
	}
	m := ICMPv6(d.data[l.Start:l.End])
	t.depth = 1
	t.int("Type", int(m.Type()))
	t.int("Code", int(m.Code()))
	t.hex("Checksum", uint64(m.Checksum()), 4)
	switch m.Type() {
	case ICMPv6EchoRequest, ICMPv6EchoReply:
		t.hexInt("Identifier", uint64(m.Word()>>16), 4)
		t.hexInt("Sequence", uint64(m.Word()&0xffff), 4)
	}
}

func treeTCP(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	t.head("Transmission Control Protocol")
	if l.Payload == l.Start {
		t.end()
		return
	}
	tc := TCP(d.data[l.Start:l.Payload])
	length := (&LinePrinter{}).ipPayloadLen(d, i) - tc.HeaderLen()
	t.b = append(t.b, ", Src Port: "...)
	t.b = appendUint(t.b, uint64(tc.SrcPort()))
	t.b = append(t.b, ", Dst Port: "...)
	t.b = appendUint(t.b, uint64(tc.DstPort()))
	t.b = append(t.b, ", Len: "...)
	t.b = strconv.AppendInt(t.b, int64(length), 10)
	t.end()
	t.depth = 1
	t.int("Source Port", int(tc.SrcPort()))
	t.int("Destination Port", int(tc.DstPort()))
	t.int("[TCP Segment Len", length)
	t.b[len(t.b)-1] = ']'
	t.end()
	t.int("Sequence Number (raw)", int(tc.Seq()))
	t.int("Acknowledgment number (raw)", int(tc.Ack()))
	t.bits(uint64(tc[12]), 8, 0xf0, "Header Length")
	t.b = strconv.AppendInt(t.b, int64(tc.HeaderLen()), 10)
	t.b = append(t.b, " bytes ("...)
	t.b = strconv.AppendInt(t.b, int64(tc.HeaderLen()/4), 10)
	t.b = append(t.b, ')')
	t.end()
	f := uint64(tc.Flags())
	t.hex("Flags", f, 3)
	t.depth = 2
	t.bits(f, 12, 0xe00, "Reserved")
	if f&0xe00 != 0 {
		t.b = append(t.b, "Set"...)
	} else {
		t.b = append(t.b, "Not set"...)
	}
	t.end()
	t.flag(f, 12, TCPAE, "Accurate ECN")
	t.flag(f, 12, TCPCwr, "Congestion Window Reduced")
	t.flag(f, 12, TCPEce, "ECN-Echo")
	t.flag(f, 12, TCPUrg, "Urgent")
	t.flag(f, 12, TCPAck, "Acknowledgment")
	t.flag(f, 12, TCPPsh, "Push")
	t.flag(f, 12, TCPRst, "Reset")
	t.flag(f, 12, TCPSyn, "Syn")
	t.flag(f, 12, TCPFin, "Fin")
	t.depth = 1
	t.int("Window", int(tc.Window()))
	t.line()
	t.b = append(t.b, "Checksum: 0x"...)
	t.b = appendHex4(t.b, tc.Checksum())
	t.b = append(t.b, " [unverified]"...)
	t.end()
	t.int("Urgent Pointer", int(tc.Urgent()))
	if len(tc) > tcpMinLen {
		t.line()
		t.b = append(t.b, "Options: ("...)
		t.b = strconv.AppendInt(t.b, int64(len(tc)-tcpMinLen), 10)
		t.b = append(t.b, " bytes)"...)
		t.end()
		t.depth = 2
		for off := 0; ; {
			o, next, ok, bad := tc.NextOption(off)
			if !ok {
				break
			}
			off = next
			t.line()
			t.b = append(t.b, "TCP Option - "...)
			switch {
			case bad:
				t.b = append(t.b, "Malformed option"...)
			case o.Kind == TCPOptEOL:
				t.b = append(t.b, "End of Option List (EOL)"...)
			case o.Kind == TCPOptNOP:
				t.b = append(t.b, "No-Operation (NOP)"...)
			case o.Kind == TCPOptMSS && len(o.Data) == 2:
				t.b = append(t.b, "Maximum segment size: "...)
				t.b = appendUint(t.b, uint64(be16(o.Data)))
				t.b = append(t.b, " bytes"...)
			case o.Kind == TCPOptWScale && len(o.Data) == 1:
				t.b = append(t.b, "Window scale: "...)
				t.b = appendUint(t.b, uint64(o.Data[0]))
				t.b = append(t.b, " (multiply by "...)
				t.b = appendUint(t.b, 1<<min(o.Data[0], 14))
				t.b = append(t.b, ')')
			case o.Kind == TCPOptSACKOK:
				t.b = append(t.b, "SACK permitted"...)
			case o.Kind == TCPOptSACK:
				t.b = append(t.b, "SACK"...)
			case o.Kind == TCPOptTimestamp && len(o.Data) == 8:
				t.b = append(t.b, "Timestamps: TSval "...)
				t.b = appendUint(t.b, uint64(be32(o.Data)))
				t.b = append(t.b, ", TSecr "...)
				t.b = appendUint(t.b, uint64(be32(o.Data[4:])))
			case o.Kind == TCPOptTFO:
				t.b = append(t.b, "TCP Fast Open"...)
			default:
				t.b = append(t.b, "Unknown ("...)
				t.b = appendUint(t.b, uint64(o.Kind))
				t.b = append(t.b, ')')
			}
			t.end()
			if bad {
				break
			}
			t.depth = 3
			t.int("Kind", int(o.Kind))
			if o.Kind != TCPOptEOL && o.Kind != TCPOptNOP {
				t.int("Length", int(o.Len))
			}
			t.depth = 2
		}
		t.depth = 1
	}
}

func treeUDP(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	t.head("User Datagram Protocol")
	if l.Payload == l.Start {
		t.end()
		return
	}
	u := UDP(d.data[l.Start:l.Payload])
	t.b = append(t.b, ", Src Port: "...)
	t.b = appendUint(t.b, uint64(u.SrcPort()))
	t.b = append(t.b, ", Dst Port: "...)
	t.b = appendUint(t.b, uint64(u.DstPort()))
	t.end()
	t.depth = 1
	t.int("Source Port", int(u.SrcPort()))
	t.int("Destination Port", int(u.DstPort()))
	t.int("Length", int(u.Length()))
	t.line()
	t.b = append(t.b, "Checksum: 0x"...)
	t.b = appendHex4(t.b, u.Checksum())
	t.b = append(t.b, " [unverified]"...)
	t.end()
}

func treePayload(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	t.head("Data (")
	t.b = appendBytesBits(t.b, l.End-l.Start)
	t.b = append(t.b, ')')
	t.end()
	t.depth = 1
	t.line()
	t.b = append(t.b, "Data: "...)
	t.b = appendHexBytes(t.b, d.data[l.Start:l.End])
	t.end()
	t.int("[Length", l.End-l.Start)
	t.b[len(t.b)-1] = ']'
	t.end()
}

func treeGeneric(t *treeWriter, d *Decoder, i int) {
	t.head(d.layers[i].Type.String())
	t.end()
}
