package decode

// treeMalformed draws what tshark prints when a dissector runs off the end
// of layer i's bytes: "[Packet size limited during capture: TCP truncated]"
// when the capture kept less than the wire length, otherwise
// "[Malformed Packet: TCP]" and its expert block. Other damage (a bad
// version, a header length that is too short) tshark reports in its own
// words inside the protocol's tree, which rawcap does not draw.
func treeMalformed(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	name := treeProtoShort(l.Type)
	if l.Type == LayerVLAN && vlanProtoName(d, i) == "ieee8021ad" {
		name = "IEEE 802.1AD"
	}
	if l.Malformed != ReasonTruncated || name == "" {
		return
	}
	t.depth = 0
	t.line()
	if len(d.data) < t.wire {
		t.b = append(t.b, "[Packet size limited during capture: "...)
		t.b = append(t.b, name...)
		t.b = append(t.b, " truncated]\n"...)
		return
	}
	t.b = append(t.b, "[Malformed Packet: "...)
	t.b = append(t.b, name...)
	t.b = append(t.b, "]\n"...)
	t.b = append(t.b, malformedExpert...)
}

// ExceptionProtocol returns the item tshark puts at the top level of its
// tree, after the protocols, when a dissector ran off the end of the bytes
// of the packet d last decoded, whose length on the wire is wire: the
// "_ws.short" protocol where the capture kept less than the wire length,
// "_ws.malformed" otherwise; "" when there is none. These are the lines
// treeMalformed draws, for the protocols it draws them for and a few more
// whose truncation tshark's protocol hierarchy was checked against; that
// hierarchy counts them as protocols.
func (d *Decoder) ExceptionProtocol(wire int) string {
	for i := range d.layers[:d.n] {
		l := &d.layers[i]
		if l.Type == LayerLISP && l.Malformed == ReasonBadLength && !l.Quoted {
			return "_ws.malformed" // a length past the datagram's, however much was captured
		}
		cut := l.Type == LayerLDP && !l.Quoted && ldpCut(d, i) // a PDU cut where a message would start (ldp.go)
		if !cut && (l.Quoted || l.Malformed != ReasonTruncated) {
			continue
		}
		switch l.Type {
		case LayerIPv6HopByHop, LayerIPv6Routing, LayerIPv6Fragment, LayerIPv6DestOpts, LayerGRE, LayerICMPv4, LayerICMPv6, LayerSFlow, LayerESIS, LayerLDP, LayerDCCP, LayerLISP:
		default:
			if treeProtoShort(l.Type) == "" {
				continue
			}
		}
		if len(d.data) < wire {
			return "_ws.short"
		}
		return "_ws.malformed"
	}
	return ""
}

const malformedExpert = "    [Expert Info (Error/Malformed): Malformed Packet (Exception occurred)]\n" +
	"        [Malformed Packet (Exception occurred)]\n" +
	"        [Severity level: Error]\n" +
	"        [Group: Malformed]\n"

// treeProtoShort returns Wireshark's short name of a protocol, as its
// truncation lines name it, or "" for a layer not checked against tshark.
func treeProtoShort(t LayerType) string {
	switch t {
	case LayerSIP:
		return "SIP"
	case LayerHTTP:
		return "HTTP"
	case LayerEthernet:
		return "Ethernet"
	case LayerARP:
		return "ARP/RARP"
	case LayerIPv4:
		return "IPv4"
	case LayerIPv6:
		return "IPv6"
	case LayerTCP:
		return "TCP"
	case LayerF5Trailer:
		return "F5 Ethernet trailer"
	case LayerUDP:
		return "UDP"
	case LayerOSPF:
		return "OSPF"
	case LayerBFD:
		return "BFD Control"
	case LayerRIPng:
		return "RIPng"
	case LayerDNS:
		return "DNS"
	case LayerDHCPv4:
		return "DHCP/BOOTP"
	case LayerESP:
		return "ESP"
	case LayerPIM:
		return "PIM"
	case LayerVRRP:
		return "VRRP"
	case LayerPGM:
		return "PGM"
	case LayerVSock:
		return "vsock"
	case LayerSCTP:
		return "SCTP"
	case LayerHSRP:
		return "HSRP"
	case LayerRADIUS:
		return "RADIUS"
	case LayerTFTP:
		return "TFTP"
	case LayerTelnet:
		return "TELNET"
	case LayerSyslog:
		return "Syslog"
	case LayerDHCPv6:
		return "DHCPv6"
	case LayerERSPAN:
		return "ERSPAN"
	case LayerVLAN:
		return "VLAN"
	case LayerSNMP:
		return "SNMP"
	case LayerAH:
		return "AH"
	case LayerIPComp:
		return "IPComp"
	case LayerMIPv6:
		return "MIPv6"
	case LayerNTP:
		return "NTP"
	case LayerAoE:
		return "AOE"
	case LayerCTP:
		return "LOOP"
	}
	return ""
}
