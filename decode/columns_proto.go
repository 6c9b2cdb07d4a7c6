package decode

// appendProtoColumn appends the Protocol column: the name tshark gives the
// innermost layer of the row.
func (p *ColumnsPrinter) appendProtoColumn(b []byte, d *Decoder, top int) []byte {
	if top < 0 {
		return b
	}
	l := &d.layers[top]
	if p.fragRow {
		switch p.fragProto {
		case 17:
			return append(b, "UDP"...)
		case 58:
			return append(b, "ICMPv6"...)
		}
		return append(b, "ICMP"...)
	}
	switch p.httpRow {
	case colHTTPSegment, colHTTPMiddle:
		return append(b, "TCP"...)
	case colHTTPDone:
		return append(b, "HTTP"...)
	}
	switch p.tlsRow {
	case colTLSMiddle, colTLSStart:
		return append(b, "TCP"...)
	case colTLSRecords:
		if p.tlsHeadN == 0 && l.Type == LayerTLS {
			return appendTLSProto(b, d, top)
		}
		return appendTLSVersion(b, p.tlsVer)
	}
	if l.Type == LayerVLAN && l.Malformed != "" {
		// A tag cut short names the row by its dissector.
		if vlanProtoName(d, top) == "ieee8021ad" {
			return append(b, "802.1ad"...)
		}
		return append(b, "VLAN"...)
	}
	switch l.Type {
	case LayerEthernet, LayerSLL, LayerSLL2, LayerLoopback, LayerRaw, LayerVLAN:
		if et, ok := unknownEtherType(d, top); ok {
			return appendUnknownEtherTypeProto(b, et)
		}
		return append(b, "ETHER"...)
	case LayerLLC:
		return append(b, "LLC"...)
	case LayerARCNET:
		return appendARCNETProto(b, d, top)
	case LayerARP:
		if h := d.data[l.Start:l.Payload]; len(h) >= 8 {
			if op := ARP(h).Op(); op == 3 || op == 4 {
				return append(b, "RARP"...)
			}
		}
		return append(b, "ARP"...)
	case LayerIPv4:
		return append(b, "IPv4"...)
	case LayerIPv6, LayerIPv6HopByHop, LayerIPv6Routing, LayerIPv6Fragment, LayerIPv6DestOpts:
		return append(b, "IPv6"...)
	case LayerICMPv4:
		return append(b, "ICMP"...)
	case LayerICMPv6:
		return append(b, "ICMPv6"...)
	case LayerTCP:
		return append(b, "TCP"...)
	case LayerUDP:
		return append(b, "UDP"...)
	case LayerDNS:
		return append(b, "DNS"...)
	case LayerMDNS:
		return append(b, "MDNS"...)
	case LayerLLMNR:
		return append(b, "LLMNR"...)
	case LayerNBNS:
		return append(b, "NBNS"...)
	case LayerHTTP:
		return append(b, "HTTP"...)
	case LayerTLS:
		return appendTLSProto(b, d, top)
	case LayerDHCPv4:
		if dhcpIsBOOTP(d, top) {
			return append(b, "BOOTP"...)
		}
		return append(b, "DHCP"...)
	case LayerNTP:
		return append(b, "NTP"...)
	case LayerQUIC:
		return append(b, "QUIC"...)
	case LayerVXLAN:
		return append(b, "VXLAN"...)
	case LayerGeneve:
		return append(b, "Geneve"...)
	case LayerMACsec:
		// A frame in the clear whose EtherType tshark does not know is
		// named by it, as ethertype names any such payload.
		if m := MACsec(d.data[l.Start:l.Payload]); !m.Encrypted() {
			return appendUnknownEtherTypeProto(b, be16(m[macsecHeaderLen(m.TCI()):]))
		}
		return append(b, "MACSEC"...)
	case LayerSFlow:
		return append(b, "sFlow"...)
	case LayerDBLSPDisc:
		if dblspKind(d.data[d.layers[top].Start:d.layers[top].End]) == dblspKindJSON {
			return append(b, "DB-LSP-DISC/JSON"...)
		}
		return append(b, "DB-LSP-DISC"...)
	case LayerNHRP:
		return append(b, "NHRP"...)
	case LayerGRE:
		return append(b, "GRE"...)
	case LayerESP:
		return append(b, "ESP"...)
	case LayerPIM:
		return appendPIMProto(b, d, top)
	case LayerVRRP:
		return append(b, "VRRP"...)
	case LayerPGM:
		return append(b, "PGM"...)
	case LayerL2TP:
		return append(b, "L2TP"...)
	case LayerCHDLC:
		return appendCHDLCProto(b, d, top)
	case LayerKRB4:
		return append(b, "KRB4"...)
	case LayerVSock:
		return append(b, "vSocket"...)
	case LayerSCTP:
		return append(b, "SCTP"...)
	case LayerHSRP:
		return append(b, "HSRP"...)
	case LayerRADIUS:
		return append(b, "RADIUS"...)
	case LayerOSPF:
		return append(b, "OSPF"...)
	case LayerBFD:
		return append(b, "BFD Control"...)
	case LayerSTP:
		return append(b, "STP"...)
	case LayerLLDP:
		return append(b, "LLDP"...)
	case LayerEAPOL:
		return append(b, "EAPOL"...)
	case LayerEAP:
		return append(b, "EAP"...)
	case LayerMPLS:
		return append(b, "MPLS"...)
	case LayerUDLD:
		return append(b, "UDLD"...)
	case LayerCDP:
		return append(b, "CDP"...)
	case LayerDTP:
		return append(b, "DTP"...)
	case LayerQ933:
		return append(b, "Q.933"...)
	case LayerESIS:
		return append(b, "ESIS"...)
	case LayerHTTP2:
		return append(b, "HTTP2"...)
	case LayerTFTP:
		return append(b, "TFTP"...)
	case LayerSSH:
		return p.appendSSHProto(b)
	case LayerTelnet:
		return append(b, "TELNET"...)
	case LayerSyslog:
		return append(b, "Syslog"...)
	case LayerBGP:
		return append(b, "BGP"...)
	case LayerRESP:
		return append(b, "RESP"...)
	case LayerDCCP:
		return append(b, "DCCP"...)
	case LayerLISP:
		return append(b, "LISP"...)
	case LayerPPTP:
		return append(b, "PPTP"...)
	case LayerPTP:
		return append(b, "PTPv2"...)
	case LayerAoE:
		return append(b, "AoE"...)
	case LayerCTP:
		return append(b, "LOOP"...)
	case LayerMPLSEcho:
		return append(b, "MPLS ECHO"...)
	case LayerLDP:
		return append(b, "LDP"...)
	case LayerRSVP:
		return append(b, "RSVP"...)
	case LayerUDPEncap, LayerISAKMP:
		return append(b, isakmpProtoColumn(l)...)
	case LayerISIS:
		return appendISISProto(b, d, top)
	case LayerENIP:
		return appendENIPProto(b, d, top)
	case LayerOpenFlow:
		return append(b, "OpenFlow"...)
	case LayerRIP:
		return appendRIPProto(b, d, top)
	case LayerRIPng:
		return append(b, "RIPng"...)
	case LayerPPPoED:
		return append(b, "PPPoED"...)
	case LayerPPPoES:
		return append(b, "PPPoES"...)
	case LayerLCP, LayerIPCP, LayerIPv6CP, LayerCHAP, LayerPAP:
		return appendPPPCPProto(b, d.layers[top].Type)
	case LayerLACP:
		return append(b, "LACP"...)
	case LayerIGMP:
		return appendIGMPProto(b, d, top)
	case LayerDHCPv6:
		return append(b, "DHCPv6"...)
	case LayerRadiotap, LayerWLAN:
		return append(b, "802.11"...)
	case LayerERSPAN:
		return append(b, "ERSPAN"...)
	case LayerBabel:
		return append(b, "Babel"...)
	case LayerSIP:
		return append(b, "SIP"...)
	case LayerSDP:
		return append(b, "SIP/SDP"...)
	case LayerRTP:
		return append(b, "RTP"...)
	case LayerRTCP:
		return append(b, "RTCP"...)
	case LayerSNMP:
		return append(b, "SNMP"...)
	case LayerAH:
		return append(b, "AH"...)
	case LayerIPComp:
		return append(b, "IPComp"...)
	case LayerMIPv6:
		return append(b, "MIPv6"...)
	case LayerRPC:
		return p.protoRPC(b, d, top)
	}
	return append(b, l.Type.String()...)
}
