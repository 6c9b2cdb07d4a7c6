package decode

// etherTypeName returns tcpdump's name for an EtherType ("Unknown" if none).
func etherTypeName(t uint16) string {
	switch t {
	case 0x0800:
		return "IPv4"
	case 0x0806:
		return "ARP"
	case 0x8035:
		return "Reverse ARP"
	case 0x86dd:
		return "IPv6"
	case 0x8100:
		return "802.1Q"
	case 0x88a8:
		return "802.1Q-QinQ"
	case 0x9100:
		return "802.1Q-9100"
	case 0x9200:
		return "802.1Q-9200"
	case 0x8847:
		return "MPLS unicast"
	case 0x8848:
		return "MPLS multicast"
	case 0x8863:
		return "PPPoE D"
	case 0x8864:
		return "PPPoE S"
	case 0x888e:
		return "EAPOL"
	case 0x88cc:
		return "LLDP"
	case 0x88f7:
		return "PTP"
	case 0x88a2:
		return "AoE"
	case 0x88e5:
		return "802.1AE MACsec"
	case 0x8809:
		return "Slow Protocols"
	case 0x9000:
		return "Loopback"
	case 0x6558:
		return "Transparent Ethernet Bridging"
	}
	return "Unknown"
}

// ipProtoName returns tcpdump's name for an IP protocol ("" if none).
func ipProtoName(p uint8) string {
	switch p {
	case 0:
		return "Options"
	case 1:
		return "ICMP"
	case 2:
		return "IGMP"
	case 4:
		return "IPIP"
	case 6:
		return "TCP"
	case 17:
		return "UDP"
	case 41:
		return "IPv6"
	case 43:
		return "Routing"
	case 44:
		return "Fragment"
	case 46:
		return "RSVP"
	case 47:
		return "GRE"
	case 50:
		return "ESP"
	case 51:
		return "AH"
	case 58:
		return "ICMPv6"
	case 59:
		return "NONE"
	case 60:
		return "DSTOPTS"
	case 89:
		return "OSPF"
	case 103:
		return "PIM"
	case 108:
		return "Compressed IP"
	case 112:
		return "VRRP"
	case 113:
		return "PGM"
	case 132:
		return "SCTP"
	case 33:
		return "DCCP"
	case 135:
		return "Mobility"
	}
	return ""
}
