package decode

// LayerType names a protocol layer the Decoder recognises.
type LayerType uint8

// The layers rawcap decodes. New layers are added before layerCount.
const (
	LayerNone         LayerType = iota
	LayerEthernet               // Ethernet II or 802.3 header
	LayerLLC                    // 802.2 LLC (and SNAP) after an 802.3 length
	LayerVLAN                   // 802.1Q / 802.1ad tag
	LayerSLL                    // Linux cooked capture v1
	LayerSLL2                   // Linux cooked capture v2
	LayerLoopback               // BSD NULL / OpenBSD LOOP family header
	LayerRaw                    // raw IP link type (no header)
	LayerARP                    // ARP / RARP
	LayerIPv4                   // IPv4
	LayerIPv6                   // IPv6 fixed header
	LayerIPv6HopByHop           // IPv6 hop-by-hop options
	LayerIPv6Routing            // IPv6 routing header
	LayerIPv6Fragment           // IPv6 fragment header
	LayerIPv6DestOpts           // IPv6 destination options
	LayerICMPv4                 // ICMP for IPv4
	LayerICMPv6                 // ICMPv6
	LayerTCP                    // TCP
	LayerUDP                    // UDP
	LayerPayload                // bytes no dissector claimed
	LayerDNS                    // DNS
	LayerHTTP                   // HTTP
	LayerTLS                    // TLS
	LayerDHCPv4                 // DHCPv4
	LayerNTP                    // NTP
	LayerVXLAN                  // VXLAN
	LayerGRE                    // GRE
	LayerPPP                    // PPP in GRE (PPTP) or after EtherType 0x880b
	LayerGeneve                 // Geneve
	LayerESP                    // IPsec ESP
	LayerPIM                    // PIM (IP protocol 103)
	LayerVRRP                   // VRRP (IP protocol 112)
	LayerHSRP                   // Cisco HSRP (UDP 1985)
	LayerRADIUS                 // RADIUS
	LayerOSPF                   // OSPF (version 2 and 3)
	LayerBFD                    // BFD control
	LayerSTP                    // spanning tree BPDU (STP, RSTP, MSTP, PVST+)
	LayerLLDP                   // LLDP
	LayerMPLS                   // MPLS label stack
	LayerUDLD                   // Cisco UDLD
	LayerCDP                    // Cisco Discovery Protocol
	LayerTelnet                 // Telnet
	LayerSyslog                 // Syslog
	LayerBGP                    // BGP
	LayerRIP                    // RIP version 1 and 2
	LayerRIPng                  // RIPng
	LayerPPPoED                 // PPPoE discovery
	LayerPPPoES                 // PPPoE session
	LayerSlow                   // Slow Protocols (its LACP subtype)
	LayerLACP                   // LACP
	LayerQUIC                   // QUIC IETF
	LayerIGMP                   // IGMP (IP protocol 2)
	LayerDHCPv6                 // DHCPv6
	LayerRadiotap               // radiotap header (monitor mode)
	LayerWLAN                   // IEEE 802.11 MAC header (and a management frame's body)
	LayerERSPAN                 // ERSPAN (in GRE)
	LayerBabel                  // Babel (UDP 6696)
	LayerMDNS                   // multicast DNS (UDP 5353)
	LayerLLMNR                  // LLMNR (UDP 5355)
	LayerSIP                    // SIP
	LayerSDP                    // SDP in a SIP body
	LayerRTP                    // RTP (SDP-announced ports, --decode-as)
	LayerRTCP                   // RTCP, one layer per packet of a compound datagram
	LayerSSH                    // SSH
	LayerSNMP                   // SNMP
	LayerNBNS                   // NetBIOS name service (UDP 137)
	LayerAH                     // IPsec AH (IP protocol 51)
	LayerRPC                    // ONC RPC (UDP 111, 2049)
	LayerHTTP2                  // HTTP/2 (clear text)
	LayerSCTP                   // SCTP (IP protocol 132)
	LayerEAPOL                  // IEEE 802.1X (EtherType 0x888e)
	LayerTFTP                   // TFTP (UDP 69)
	LayerEAP                    // EAP, inside 802.1X (EAPOL type 0)
	LayerNHRP                   // NHRP, in GRE (protocol type 0x2001) or IP (protocol 54)
	LayerFR                     // Frame Relay (link type 107)
	LayerLCP                    // PPP's control and authentication protocols (ppp_cp.go)
	LayerIPCP
	LayerIPv6CP
	LayerCHAP
	LayerPAP
	LayerRESP      // RESP (Redis)
	LayerPPTP      // PPTP's control connection (TCP 1723)
	LayerPTP       // PTP (IEEE 1588) version 2, in UDP (ports 319 and 320) or Ethernet (0x88f7)
	LayerSFlow     // sFlow version 5 (UDP 6343)
	LayerDBLSPDisc // Dropbox LAN sync discovery (UDP 17500) and the JSON it carries
	LayerISIS      // IS-IS over OSI (LLC 0xfe, NLPID 0x83)
	LayerENIP      // EtherNet/IP (TCP and UDP 44818)
	LayerOpenFlow  // OpenFlow 1.0 (TCP 6633, 6653)
	LayerARCNET    // ARCNET (link types 7 and 129)
	LayerUDPEncap  // UDP encapsulation of IPsec (UDP 4500): NAT keepalive, non-ESP marker, ESP
	LayerISAKMP    // ISAKMP, IKEv1 and IKEv2 (UDP 500, or after UDP 4500's non-ESP marker)
	LayerDTP       // Cisco DTP (SNAP, PID 0x2004)
	LayerISL       // Cisco ISL, an Ethernet frame inside (isl.go)
	LayerQ933      // Q.933 (Frame Relay call control, fr.go)
	LayerPGM       // PGM (IP protocol 113)
	LayerVSock     // Linux vsockmon (link type 271)
	LayerESIS      // ES-IS (NLPID 0x82) after a Frame Relay I frame (esis.go)
	LayerF5Trailer // an F5 Ethernet trailer tshark's heuristic takes (f5ethtrailer.go)
	LayerAoE       // ATA over Ethernet (EtherType 0x88a2)
	LayerL2TP      // L2TP version 2 (UDP 1701)
	LayerCHDLC     // Cisco HDLC (link type 104)
	LayerKRB4      // Kerberos version 4 (UDP 88 and 750)
	LayerIPComp    // IP Payload Compression (IP protocol 108)
	LayerMIPv6     // Mobile IPv6 mobility header (IPv6 next header 135)
	LayerMACsec    // IEEE 802.1AE MACsec (EtherType 0x88e5)
	LayerCTP       // Ethernet configuration testing, "loopback" (EtherType 0x9000)
	LayerDSA       // a switch's tag (Broadcom, Marvell EDSA) in its link header (dsatag.go)
	LayerMPLSEcho  // MPLS LSP ping (UDP 3503)
	LayerLDP       // LDP (UDP 646)
	LayerRSVP      // RSVP (IP protocol 46)
	LayerLISP      // LISP control messages (UDP 4342)
	LayerDCCP      // DCCP (IP protocol 33)
	layerCount
)

var layerNames = [layerCount]string{
	LayerNone:         "none",
	LayerEthernet:     "eth",
	LayerLLC:          "llc",
	LayerVLAN:         "vlan",
	LayerSLL:          "sll",
	LayerSLL2:         "sll",
	LayerLoopback:     "null",
	LayerRaw:          "raw",
	LayerARP:          "arp",
	LayerIPv4:         "ip",
	LayerIPv6:         "ipv6",
	LayerIPv6HopByHop: "ipv6.hopopts",
	LayerIPv6Routing:  "ipv6.routing",
	LayerIPv6Fragment: "ipv6.fraghdr",
	LayerIPv6DestOpts: "ipv6.dstopts",
	LayerICMPv4:       "icmp",
	LayerICMPv6:       "icmpv6",
	LayerTCP:          "tcp",
	LayerUDP:          "udp",
	LayerPayload:      "data",
	LayerDNS:          "dns",
	LayerHTTP:         "http",
	LayerTLS:          "tls",
	LayerDHCPv4:       "dhcp",
	LayerNTP:          "ntp",
	LayerVXLAN:        "vxlan",
	LayerGRE:          "gre",
	LayerPPP:          "ppp",
	LayerGeneve:       "geneve",
	LayerSCTP:         "sctp",
	LayerEAPOL:        "eapol",
	LayerEAP:          "eap",
	LayerESP:          "esp",
	LayerPIM:          "pim",
	LayerVRRP:         "vrrp",
	LayerHSRP:         "hsrp",
	LayerRADIUS:       "radius",
	LayerOSPF:         "ospf",
	LayerBFD:          "bfd",
	LayerSTP:          "stp",
	LayerLLDP:         "lldp",
	LayerMPLS:         "mpls",
	LayerUDLD:         "udld",
	LayerCDP:          "cdp",
	LayerTelnet:       "telnet",
	LayerSyslog:       "syslog",
	LayerBGP:          "bgp",
	LayerRIP:          "rip",
	LayerRIPng:        "ripng",
	LayerPPPoED:       "pppoed",
	LayerPPPoES:       "pppoes",
	LayerSlow:         "slow",
	LayerLACP:         "lacp",
	LayerQUIC:         "quic",
	LayerIGMP:         "igmp",
	LayerDHCPv6:       "dhcpv6",
	LayerRadiotap:     "radiotap",
	LayerWLAN:         "wlan",
	LayerERSPAN:       "erspan",
	LayerBabel:        "babel",
	LayerMDNS:         "mdns",
	LayerLLMNR:        "llmnr",
	LayerSIP:          "sip",
	LayerSDP:          "sdp",
	LayerRTP:          "rtp",
	LayerRTCP:         "rtcp",
	LayerSSH:          "ssh",
	LayerSNMP:         "snmp",
	LayerNBNS:         "nbns",
	LayerAH:           "ah",
	LayerRPC:          "rpc",
	LayerHTTP2:        "http2",
	LayerTFTP:         "tftp",
	LayerNHRP:         "nhrp",
	LayerFR:           "fr",
	LayerLCP:          "lcp", LayerIPCP: "ipcp", LayerIPv6CP: "ipv6cp", LayerCHAP: "chap", LayerPAP: "pap",
	LayerRESP:      "resp",
	LayerPPTP:      "pptp",
	LayerPTP:       "ptp",
	LayerSFlow:     "sflow",
	LayerDBLSPDisc: "db-lsp-disc",
	LayerISIS:      "isis",
	LayerENIP:      "enip",
	LayerOpenFlow:  "openflow",
	LayerARCNET:    "arcnet",
	LayerUDPEncap:  "udpencap", LayerISAKMP: "isakmp",
	LayerDTP: "dtp",
	LayerISL: "isl",

	LayerQ933: "q933",
	LayerPGM:  "pgm", LayerVSock: "vsock",
	LayerESIS:      "esis",
	LayerF5Trailer: "f5ethtrailer",
	LayerAoE:       "aoe",
	LayerL2TP:      "l2tp",
	LayerCHDLC:     "chdlc",
	LayerKRB4:      "krb4",
	LayerIPComp:    "ipcomp",
	LayerMIPv6:     "mipv6",
	LayerMACsec:    "macsec",
	LayerCTP:       "loop",
	LayerDSA:       "dsa",
	LayerMPLSEcho:  "mpls-echo",
	LayerLDP:       "ldp",
	LayerRSVP:      "rsvp",
	LayerDCCP:      "dccp",
	LayerLISP:      "lisp",
}

// String returns the layer's Wireshark protocol name ("ip", "tcp").
func (t LayerType) String() string {
	if t < layerCount {
		return layerNames[t]
	}
	return "unknown"
}

// Layer is one decoded layer of a packet, as offsets into the packet's bytes:
// data[Start:Payload] is the layer's header and data[Payload:End] what it
// carries. End never exceeds the captured length.
type Layer struct {
	Type    LayerType
	Start   int
	Payload int
	End     int
	// Malformed is empty for a layer that decoded completely, otherwise a
	// short static reason ("truncated header", "bad header length"). A
	// malformed layer is the last one of the packet.
	Malformed Reason
	// Quoted is set for layers inside an ICMP error's quoted packet, which
	// are expected to be cut short.
	Quoted bool
}

// asData makes l, whose bytes its protocol's decode step refuses (not a
// message's start, a version tshark's dissector does not take), a layer
// of undissected data, as tshark shows them, and ends the packet's
// layers there.
func (l *Layer) asData() LayerType {
	l.Type = LayerPayload
	l.Payload = l.Start
	return LayerNone
}

// Reasons a layer is marked malformed. They are static strings, so marking a
// layer does not allocate.
const (
	ReasonTruncated    Reason = "truncated header"
	ReasonBadHdrLen    Reason = "bad header length"
	ReasonBadLength    Reason = "bad length"
	ReasonBadVersion   Reason = "bad version"
	ReasonBadOption    Reason = "bad option"
	ReasonTooManyLayer Reason = "too many layers"
	ReasonUnsupported  Reason = "encapsulation not decoded"
)
