package decode

// frame.protocols names, beyond the layers rawcap decodes, the protocols
// Wireshark would name from a number the decoder has already read: the
// EtherType, LLC SAP or SNAP protocol, IP protocol or well-known port in
// front of bytes rawcap leaves undissected. Only numbers Wireshark binds
// without a heuristic are here, and only protocols whose name in
// frame.protocols does not depend on their contents (tshark writes
// "eth:llc:stp", "ip:vrrp", "udp:babel" where rawcap's JSON has "data").

// appendPayloadProtocol appends Wireshark's frame.protocols name for the
// undissected bytes of layer i (a LayerPayload), or "data".
func appendPayloadProtocol(b []byte, d *Decoder, i int) []byte {
	if i == 0 || d.layers[i].Quoted {
		return append(b, "data"...)
	}
	p := &d.layers[i-1]
	h := d.data[p.Start:p.Payload]
	body := d.data[d.layers[i].Start:d.layers[i].End]
	var name string
	switch p.Type {
	case LayerEthernet:
		if len(h) >= 14 && !Ethernet(h).isDot3() {
			name = etherTypeProtocol(Ethernet(h).TypeOrLength())
		}
	case LayerVLAN:
		if len(h) >= 4 {
			name = etherTypeProtocol(VLAN(h).EtherType())
		}
	case LayerSLL:
		if len(h) >= 16 {
			name = etherTypeProtocol(be16(h[14:]))
		}
	case LayerSLL2:
		if len(h) >= 2 {
			name = etherTypeProtocol(be16(h))
		}
	case LayerLLC:
		name = llcProtocol(LLC(h), body)
	case LayerIPv4:
		if len(h) >= 20 {
			if IPv4(h).MF() || IPv4(h).FragOffset() != 0 {
				break // a fragment's bytes are data until reassembled
			}
			if IPv4(h).Protocol() == 2 {
				name = igmpProtocol(body)
				break
			}
			return appendIPProtocol(b, IPv4(h).Protocol(), false, body)
		}
	case LayerIPv6:
		if len(h) >= ipv6Len {
			return appendIPProtocol(b, IPv6(h).NextHeader(), true, body)
		}
	case LayerIPv6HopByHop, LayerIPv6Routing, LayerIPv6DestOpts:
		if len(h) >= 8 {
			return appendIPProtocol(b, h[0], true, body)
		}
	case LayerPPP:
		if len(h) >= 1 {
			name = pppProtocol(pppProtocolAt(h, d.pppHDLC(i-1)))
		}
	case LayerUDP:
		if len(h) >= 8 {
			name = portProtocol(udpPortProtocol, UDP(h).SrcPort(), UDP(h).DstPort())
			if UDP(h).SrcPort() == 4500 || UDP(h).DstPort() == 4500 {
				name = udpEncapProtocol(body)
			}
		}
	case LayerTCP:
		if len(h) >= 20 {
			name = portProtocol(tcpPortProtocol, TCP(h).SrcPort(), TCP(h).DstPort())
		}
	case LayerUDPEncap:
		if len(body) >= isakmpHeaderLen {
			name = "isakmp" // a message ISAKMP's layer leaves as data
		}
	}
	if name == "" {
		name = "data"
	}
	return append(b, name...)
}

// appendIPProtocol appends the name of IP protocol p for its payload body,
// or "data"; v6 is set after an IPv6 header.
func appendIPProtocol(b []byte, p uint8, v6 bool, body []byte) []byte {
	switch p {
	case 132:
		// SCTP: tshark adds data for each DATA chunk.
		b = append(b, "sctp"...)
		for off := 12; off+4 <= len(body); {
			if body[off] == 0 {
				b = append(b, ":data"...)
			}
			n := int(be16(body[off+2:]))
			if n < 4 {
				break
			}
			off += (n + 3) &^ 3
		}
		return b
	case IPProtoPGM:
		// PGM's layer takes every packet tshark's dissector takes: what
		// it refuses (a type it does not know) is data.
		return append(b, "data"...)
	}
	if name := ipProtocolName(p, v6); name != "" {
		return append(b, name...)
	}
	return append(b, "data"...)
}

// udpEncapProtocol names UDP port 4500's contents (RFC 3948): a NAT
// keepalive, IKE behind a zero non-ESP marker, or ESP.
func udpEncapProtocol(b []byte) string {
	switch {
	case len(b) == 1 && b[0] == 0xff:
		return "udpencap"
	case len(b) >= 4 && be32(b) == 0:
		return "udpencap:isakmp"
	}
	return "udpencap:esp"
}

// etherTypeProtocol returns Wireshark's name of an EtherType rawcap does
// not decode, or "".
func etherTypeProtocol(t uint16) string {
	switch t {
	case 0x88a2:
		return "aoe"
	case 0x88cc:
		return "lldp"
	case 0x88f7:
		return "ptp"
	case 0x6003:
		return "dec_dna"
	case 0x8863:
		return "pppoed"
	case 0x80f3:
		return "aarp"
	}
	return ""
}

// llcProtocol returns Wireshark's name of the protocol an LLC header c
// announces for the bytes b, or "".
func llcProtocol(c LLC, b []byte) string {
	if len(c) < 3 {
		return ""
	}
	if c.IsSNAP() {
		if c.OUI() != 0x00000c { // Cisco
			return ""
		}
		switch c.PID() {
		case 0x2000:
			return "cdp"
		case 0x0111:
			return "udld"
		case 0x2004:
			return "dtp"
		case 0x2003:
			return "vtp"
		case 0x010b: // PVST+
			return "stp"
		}
		return ""
	}
	switch c.DSAP() {
	case 0x42:
		return "stp"
	case 0xe0:
		return "ipx"
	case 0xf0:
		return "netbios"
	case 0xfe:
		// OSI: IS-IS (NLPID 0x83), named by its PDU type.
		if len(b) < 5 || b[0] != 0x83 {
			return ""
		}
		switch b[4] & 0x1f {
		case 15, 16, 17:
			return "osi:isis:isis.hello"
		case 18, 20:
			return "osi:isis:isis.lsp"
		case 24, 25:
			return "osi:isis:isis.csnp"
		case 26, 27:
			return "osi:isis:isis.psnp"
		}
	}
	return ""
}

// ipProtocolName returns Wireshark's name of an IP protocol rawcap does not
// decode, or ""; v6 is set after an IPv6 header.
func ipProtocolName(p uint8, v6 bool) string {
	switch p {
	case 112:
		return "vrrp"
	case 89:
		return "ospf"
	case 50:
		return "esp"
	case 103:
		return "pim"
	case 46:
		return "rsvp"
	case 113:
		return "pgm"
	case 33:
		return "dccp"
	case 135, 62: // 62: the draft's number, which Wireshark also decodes
		if v6 {
			return "mipv6"
		}
	}
	return ""
}

// igmpProtocol names an IGMP message as Wireshark does: its IGMP
// dissector hands DVMRP (type 0x13) to a protocol of its own.
func igmpProtocol(b []byte) string {
	if len(b) < 1 {
		return ""
	}
	switch b[0] {
	case 0x11, 0x12, 0x16, 0x17, 0x22, 0x1e, 0x1f:
		return "igmp:igmp"
	case 0x13:
		return "igmp:dvmrp"
	}
	return ""
}

// Well-known ports Wireshark binds to a protocol rawcap does not decode
// (UDP and TCP): port → name.
// PTP's (319, 320) names the messages rawcap leaves as data: other
// types than the ones ptp.go decodes, and messages cut short.
var udpPortProtocol = map[uint16]string{
	6696: "babel", 1985: "hsrp", 3784: "bfd", 4784: "bfd", 7784: "bfd", 1701: "l2tp",
	500: "isakmp", 546: "dhcpv6", 547: "dhcpv6", 514: "syslog", 520: "rip", 521: "ripng",
	4342: "lisp", 319: "ptp", 320: "ptp",
	646: "ldp", 161: "snmp", 162: "snmp", 69: "tftp", 654: "aodv",
}

var tcpPortProtocol = map[uint16]string{
	179: "bgp", 22: "ssh", 6379: "resp", 43: "whois", 23: "telnet", 1723: "pptp", 323: "rpkirtr",
}

// portProtocol looks the lower port up first, as Wireshark does.
func portProtocol(m map[uint16]string, a, b uint16) string {
	if a > b {
		a, b = b, a
	}
	if n, ok := m[a]; ok {
		return n
	}
	return m[b]
}

// tcpProtocols appends "tcp" and, for each Multipath TCP option, ":mptcp"
// (Wireshark dissects MPTCP options as a protocol of their own).
func tcpProtocols(b []byte, d *Decoder, i int) []byte {
	b = append(b, "tcp"...)
	l := &d.layers[i]
	if l.Payload-l.Start < 20 {
		return b
	}
	t := TCP(d.data[l.Start:l.Payload])
	for off := 0; ; {
		o, next, ok, bad := t.NextOption(off)
		if !ok || bad {
			break
		}
		off = next
		if o.Kind == 30 {
			b = append(b, ":mptcp"...)
		}
	}
	return b
}
