package decode

import (
	"sync"

	"github.com/rawcap/rawcap/linktype"
)

// This file is the one place that knows which protocol follows which: the
// link types, EtherTypes, IP protocols and default ports, and the switches
// that call each protocol's decoder and printers. Adding a protocol means
// adding a LayerType (layer.go), a case to each switch below and, for an
// application protocol, its ports to fillDefaults. See HACKING.md.

// firstLayer returns the outermost layer of a packet of link type lt.
func firstLayer(lt linktype.Type, data []byte) LayerType {
	switch lt {
	case linktype.Ethernet:
		return LayerEthernet
	case linktype.LinuxSLL:
		return LayerSLL
	case linktype.LinuxSLL2:
		return LayerSLL2
	case linktype.Null, linktype.Loop:
		return LayerLoopback
	case linktype.Raw, 12, 14: // 12 and 14 are DLT_RAW on some BSDs
		return LayerRaw
	case linktype.IPv4:
		return LayerIPv4
	case linktype.IPv6:
		return LayerIPv6
	case linktype.IEEE802_11RT:
		return LayerRadiotap
	case linktype.IEEE802_11:
		return LayerWLAN
	case linktype.PPP, linkPPPHDLC:
		return LayerPPP
	case linkFR:
		if _, err := ParseFR(data); err == nil {
			return LayerFR
		}
	case linkCHDLC:
		return LayerCHDLC
	case linkARCNET, linkARCNETLinux:
		return LayerARCNET
	case linkDSABrcm, linkDSABrcmPrepend, linkDSAEDSA:
		return LayerDSA
	case linkVSock:
		if len(data) >= vsockHeaderLen {
			return LayerVSock // tshark's vsock takes no shorter frame
		}
	}
	return LayerNone
}

// EtherTypes rawcap decodes.
const (
	EtherTypeIPv4    = 0x0800
	EtherTypeARP     = 0x0806
	EtherTypeRARP    = 0x8035
	EtherTypeVLAN    = 0x8100
	EtherTypeIPv6    = 0x86dd
	EtherTypeQinQ    = 0x88a8
	EtherTypeQinQOld = 0x9100
)

// etherTypeLayer returns the layer an EtherType announces.
func etherTypeLayer(et uint16) LayerType {
	switch et {
	case EtherTypeIPv4:
		return LayerIPv4
	case EtherTypeIPv6:
		return LayerIPv6
	case EtherTypeARP, EtherTypeRARP:
		return LayerARP
	case EtherTypeVLAN, EtherTypeQinQ, EtherTypeQinQOld:
		return LayerVLAN
	case EtherTypeLLDP:
		return LayerLLDP
	case EtherTypeMPLS, EtherTypeMPLSMulti:
		return LayerMPLS
	case EtherTypePPPoED:
		return LayerPPPoED
	case EtherTypePPPoES:
		return LayerPPPoES
	case EtherTypeSlow:
		return LayerSlow
	case EtherTypeEAPOL:
		return LayerEAPOL
	case EtherTypePTP:
		return LayerPTP
	case EtherTypeAoE:
		return LayerAoE
	case EtherTypeMACsec:
		return LayerMACsec
	case EtherTypeCTP:
		return LayerCTP
	}
	return LayerNone
}

// IP protocol numbers rawcap decodes.
const (
	IPProtoHopByHop = 0
	IPProtoICMP     = 1
	IPProtoIPIP     = 4
	IPProtoTCP      = 6
	IPProtoUDP      = 17
	IPProtoIPv6     = 41
	IPProtoRouting  = 43
	IPProtoFragment = 44
	IPProtoGRE      = 47
	IPProtoESP      = 50
	IPProtoICMPv6   = 58
	IPProtoNoNext   = 59
	IPProtoDestOpts = 60
	IPProtoOSPF     = 89
)

// ipProtocolLayer returns the layer an IP protocol (or IPv6 next header)
// number announces; v6 is set inside an IPv6 header chain, where the
// extension headers are recognised.
func ipProtocolLayer(p uint8, v6 bool) LayerType {
	switch p {
	case IPProtoTCP:
		return LayerTCP
	case IPProtoUDP:
		return LayerUDP
	case IPProtoICMP:
		return LayerICMPv4
	case IPProtoICMPv6:
		return LayerICMPv6
	case IPProtoIPIP:
		return LayerIPv4
	case IPProtoIPv6:
		return LayerIPv6
	case IPProtoGRE:
		return LayerGRE
	case IPProtoESP:
		return LayerESP
	case IPProtoAH:
		return LayerAH
	case IPProtoIPComp:
		return LayerIPComp
	case IPProtoMobility:
		if v6 {
			return LayerMIPv6
		}
	case IPProtoPIM:
		return LayerPIM
	case IPProtoVRRP:
		return LayerVRRP
	case IPProtoPGM:
		return LayerPGM
	case IPProtoRSVP:
		return LayerRSVP
	case IPProtoSCTP:
		return LayerSCTP
	case dccpIPProto:
		return LayerDCCP
	case IPProtoOSPF:
		return LayerOSPF
	case IPProtoNHRP:
		return LayerNHRP
	case IPProtoIGMP:
		return LayerIGMP
	}
	if v6 {
		switch p {
		case IPProtoHopByHop:
			return LayerIPv6HopByHop
		case IPProtoRouting:
			return LayerIPv6Routing
		case IPProtoFragment:
			return LayerIPv6Fragment
		case IPProtoDestOpts:
			return LayerIPv6DestOpts
		}
	}
	return LayerNone
}

// setDefaults points the port table at the application protocols decoded
// by default, a table made once and shared.
func (ps *Ports) setDefaults() {
	ps.tab, ps.shared = defaultPorts(), true
}

// defaultPorts returns the table of the ports decoded by default.
var defaultPorts = sync.OnceValue(func() *portTable {
	ps := Ports{tab: new(portTable)}
	ps.fillDefaults()
	return ps.tab
})

// fillDefaults sets the ports decoded by default.
func (ps *Ports) fillDefaults() {
	// Application ports: ps.Set(TransportUDP, 53, LayerDNS).
	ps.Set(TransportUDP, 53, LayerDNS)
	ps.Set(TransportTCP, 53, LayerDNS)
	ps.Set(TransportUDP, 67, LayerDHCPv4)
	ps.Set(TransportUDP, 68, LayerDHCPv4)
	ps.Set(TransportUDP, 123, LayerNTP)
	ps.Set(TransportTCP, 80, LayerHTTP)
	ps.Set(TransportTCP, 8080, LayerHTTP)
	ps.Set(TransportTCP, 443, LayerTLS)
	for _, port := range [...]uint16{3128, 8088} { // Wireshark's other HTTP ports
		ps.Set(TransportTCP, port, LayerHTTP)
	}
	for _, port := range [...]uint16{465, 563, 636, 853, 989, 990, 992, 993, 994, 995, 5061, 8443} { // TLS as Wireshark finds it
		ps.Set(TransportTCP, port, LayerTLS)
	}
	ps.Set(TransportUDP, 4789, LayerVXLAN)
	ps.Set(TransportUDP, genevePort, LayerGeneve)
	ps.Set(TransportUDP, sflowPort, LayerSFlow)
	ps.Set(TransportUDP, l2tpPort, LayerL2TP)
	ps.Set(TransportUDP, krbPort, LayerKRB4)
	ps.Set(TransportUDP, krb4Port, LayerKRB4)
	ps.Set(TransportUDP, dblspDiscPort, LayerDBLSPDisc)
	ps.Set(TransportUDP, hsrpPort, LayerHSRP)
	ps.Set(TransportUDP, 2029, LayerHSRP)
	for _, port := range [...]uint16{1645, 1646, 1700, 1812, 1813, 3799} {
		ps.Set(TransportUDP, port, LayerRADIUS)
	}
	for _, port := range [...]uint16{bfdControlPort, bfdMultihopPort, bfdSBFDPort} {
		ps.Set(TransportUDP, port, LayerBFD)
	}
	ps.Set(TransportTCP, telnetPort, LayerTelnet)
	ps.Set(TransportTCP, sshPort, LayerSSH)
	ps.Set(TransportUDP, syslogPort, LayerSyslog)
	ps.Set(TransportTCP, bgpPort, LayerBGP)
	ps.Set(TransportUDP, ripPort, LayerRIP)
	ps.Set(TransportUDP, ripngPort, LayerRIPng)
	ps.Set(TransportUDP, quicPort, LayerQUIC)
	ps.Set(TransportUDP, dhcpv6ClientPort, LayerDHCPv6)
	ps.Set(TransportUDP, dhcpv6ServerPort, LayerDHCPv6)
	ps.Set(TransportUDP, babelPort, LayerBabel)
	ps.Set(TransportUDP, mdnsPort, LayerMDNS)
	ps.Set(TransportUDP, llmnrPort, LayerLLMNR)
	ps.Set(TransportUDP, sipPort, LayerSIP)
	ps.Set(TransportTCP, sipPort, LayerSIP)
	for _, port := range [...]uint16{snmpPort, snmpTrapPort, snmpPatrolPort} {
		ps.Set(TransportUDP, port, LayerSNMP)
	}
	ps.Set(TransportUDP, nbnsPort, LayerNBNS)
	ps.Set(TransportUDP, rpcPortmapPort, LayerRPC)
	ps.Set(TransportUDP, rpcNFSPort, LayerRPC)
	ps.Set(TransportTCP, rpcPortmapPort, LayerRPC)
	ps.Set(TransportTCP, rpcNFSPort, LayerRPC)
	ps.Set(TransportUDP, tftpPort, LayerTFTP)
	ps.Set(TransportTCP, respPort, LayerRESP)
	ps.Set(TransportUDP, lispControlPort, LayerLISP)
	ps.Set(TransportTCP, pptpPort, LayerPPTP)
	ps.Set(TransportTCP, enipPort, LayerENIP)
	ps.Set(TransportUDP, enipPort, LayerENIP)
	ps.Set(TransportTCP, openflowIANAPort, LayerOpenFlow)
	ps.Set(TransportUDP, ptpEventPort, LayerPTP)
	ps.Set(TransportUDP, ptpGeneralPort, LayerPTP)
	ps.Set(TransportUDP, isakmpPort, LayerISAKMP)
	ps.Set(TransportUDP, udpEncapPort, LayerUDPEncap)
	ps.Set(TransportUDP, mplsEchoPort, LayerMPLSEcho)
	ps.Set(TransportUDP, ldpPort, LayerLDP)
}

// decodeLayer decodes layer l (whose Type, Start and End are set), sets its
// Payload (and End, Malformed when needed) and returns the next layer.
func (d *Decoder) decodeLayer(l *Layer) LayerType {
	switch l.Type {
	case LayerEthernet:
		return d.decodeEthernet(l)
	case LayerLLC:
		return d.decodeLLC(l)
	case LayerVLAN:
		return d.decodeVLAN(l)
	case LayerSLL:
		return d.decodeSLL(l)
	case LayerSLL2:
		return d.decodeSLL2(l)
	case LayerLoopback:
		return d.decodeLoopback(l)
	case LayerRaw:
		return d.decodeRaw(l)
	case LayerARP:
		return d.decodeARP(l)
	case LayerIPv4:
		return d.decodeIPv4(l)
	case LayerIPv6:
		return d.decodeIPv6(l)
	case LayerIPv6HopByHop, LayerIPv6Routing, LayerIPv6Fragment, LayerIPv6DestOpts:
		return d.decodeIPv6Ext(l)
	case LayerICMPv4:
		return d.decodeICMPv4(l)
	case LayerICMPv6:
		return d.decodeICMPv6(l)
	case LayerTCP:
		return d.decodeTCP(l)
	case LayerUDP:
		return d.decodeUDP(l)
	case LayerDNS:
		return d.decodeDNS(l)
	case LayerMDNS, LayerLLMNR:
		return d.decodeDNS(l)
	case LayerNBNS:
		return d.decodeDNS(l)
	case LayerDHCPv4:
		return d.decodeDHCPv4(l)
	case LayerNTP:
		return d.decodeNTP(l)
	case LayerHTTP:
		return d.decodeHTTP(l)
	case LayerTLS:
		return d.decodeTLS(l)
	case LayerVXLAN:
		return d.decodeVXLAN(l)
	case LayerGeneve:
		return d.decodeGeneve(l)
	case LayerSFlow:
		return d.decodeSFlow(l)
	case LayerDBLSPDisc:
		return d.decodeDBLSPDisc(l)
	case LayerISIS:
		return d.decodeISIS(l)
	case LayerENIP:
		return d.decodeENIP(l)
	case LayerNHRP:
		return d.decodeNHRP(l)
	case LayerESP:
		return d.decodeESP(l)
	case LayerPIM:
		return d.decodePIM(l)
	case LayerVRRP:
		return d.decodeVRRP(l)
	case LayerPGM:
		return d.decodePGM(l)
	case LayerL2TP:
		return d.decodeL2TP(l)
	case LayerCHDLC:
		return d.decodeCHDLC(l)
	case LayerKRB4:
		return d.decodeKRB4(l)
	case LayerVSock:
		return d.decodeVSock(l)
	case LayerSCTP:
		return d.decodeSCTP(l)
	case LayerHSRP:
		return d.decodeHSRP(l)
	case LayerRADIUS:
		return d.decodeRADIUS(l)
	case LayerOSPF:
		return d.decodeOSPF(l)
	case LayerBFD:
		return d.decodeBFD(l)
	case LayerSTP:
		return d.decodeSTP(l)
	case LayerLLDP:
		return d.decodeLLDP(l)
	case LayerMPLS:
		return d.decodeMPLS(l)
	case LayerUDLD:
		return d.decodeUDLD(l)
	case LayerCDP:
		return d.decodeCDP(l)
	case LayerDTP:
		return d.decodeDTP(l)
	case LayerQ933:
		return d.decodeQ933(l)
	case LayerESIS:
		return d.decodeESIS(l)
	case LayerTelnet:
		return d.decodeTelnet(l)
	case LayerSSH:
		return d.decodeSSH(l)
	case LayerHTTP2:
		return d.decodeHTTP2(l)
	case LayerTFTP:
		return d.decodeTFTP(l)
	case LayerSyslog:
		return d.decodeSyslog(l)
	case LayerBGP:
		return d.decodeBGP(l)
	case LayerRESP:
		return d.decodeRESP(l)
	case LayerDCCP:
		return d.decodeDCCP(l)
	case LayerLISP:
		return d.decodeLISP(l)
	case LayerPPTP:
		return d.decodePPTP(l)
	case LayerOpenFlow:
		return d.decodeOpenFlow(l)
	case LayerPTP:
		return d.decodePTP(l)
	case LayerAoE:
		return d.decodeAoE(l)
	case LayerMACsec:
		return d.decodeMACsec(l)
	case LayerCTP:
		return d.decodeCTP(l)
	case LayerDSA:
		return d.decodeDSA(l)
	case LayerMPLSEcho:
		return d.decodeMPLSEcho(l)
	case LayerLDP:
		return d.decodeLDP(l)
	case LayerRSVP:
		return d.decodeRSVP(l)
	case LayerISAKMP:
		return d.decodeISAKMP(l)
	case LayerUDPEncap:
		return d.decodeUDPEncap(l)
	case LayerRIP:
		return d.decodeRIP(l)
	case LayerRIPng:
		return d.decodeRIPng(l)
	case LayerPPPoED, LayerPPPoES:
		return d.decodePPPoE(l)
	case LayerSlow:
		return d.decodeSlow(l)
	case LayerEAPOL:
		return d.decodeEAPOL(l)
	case LayerEAP:
		return d.decodeEAP(l)
	case LayerLACP:
		return d.decodeLACP(l)
	case LayerQUIC:
		return d.decodeQUIC(l)
	case LayerIGMP:
		return d.decodeIGMP(l)
	case LayerDHCPv6:
		return d.decodeDHCPv6(l)
	case LayerRadiotap:
		return d.decodeRadiotap(l)
	case LayerWLAN:
		return d.decodeWLAN(l)
	case LayerERSPAN:
		return d.decodeERSPAN(l)
	case LayerBabel:
		return d.decodeBabel(l)
	case LayerSIP:
		return d.decodeSIP(l)
	case LayerSDP:
		return d.decodeSDP(l)
	case LayerRTP:
		return d.decodeRTP(l)
	case LayerRTCP:
		return d.decodeRTCP(l)
	case LayerSNMP:
		return d.decodeSNMP(l)
	case LayerAH:
		return d.decodeAH(l)
	case LayerIPComp:
		return d.decodeIPComp(l)
	case LayerMIPv6:
		return d.decodeMIPv6(l)
	case LayerRPC:
		return d.decodeRPC(l)
	case LayerGRE:
		next := d.decodeGRE(l)
		if next == LayerNone && l.Malformed == "" && l.Payload < l.End {
			// PPTP's PPP, in enhanced GRE (version 1) only: tcpdump
			// prints PPP there, and tshark does not decode it after an
			// Ethernet EtherType 0x880b.
			if g := GRE(d.data[l.Start:l.Payload]); g.Version() == 1 && g.Protocol() == EtherTypePPP && g.Flags()&GRESeq != 0 {
				return LayerPPP
			}
		}
		return next
	case LayerPPP:
		return d.decodePPP(l)
	case LayerFR:
		return d.decodeFR(l)
	case LayerARCNET:
		return d.decodeARCNET(l)
	case LayerLCP, LayerIPCP, LayerIPv6CP, LayerCHAP, LayerPAP:
		return d.decodePPPCP(l)
	}
	// LayerPayload and protocols without a decoder yet: opaque bytes.
	return l.asData()
}

// lineLayer appends the one-line text of layer i, which prints the layers
// after it as it sees fit (usually by calling lineLayer for i+1).
func (p *LinePrinter) lineLayer(b []byte, d *Decoder, i int) []byte {
	if i >= d.n {
		return b
	}
	switch d.layers[i].Type {
	case LayerEthernet:
		return p.lineEthernet(b, d, i)
	case LayerLLC:
		return p.lineLLC(b, d, i)
	case LayerVLAN:
		return p.lineVLAN(b, d, i)
	case LayerSLL:
		return p.lineSLL(b, d, i)
	case LayerSLL2:
		return p.lineSLL2(b, d, i)
	case LayerLoopback:
		return p.lineLoopback(b, d, i)
	case LayerRaw:
		if p.Options.Link {
			b = append(b, "ip: "...)
		}
		return p.lineLayer(b, d, i+1)
	case LayerARP:
		return p.lineARP(b, d, i)
	case LayerIPv4:
		return p.lineIPv4(b, d, i)
	case LayerIPv6:
		return p.lineIPv6(b, d, i)
	case LayerIPv6HopByHop, LayerIPv6Routing, LayerIPv6Fragment, LayerIPv6DestOpts:
		return p.lineIPv6Ext(b, d, i)
	case LayerICMPv4:
		return p.lineICMPv4(b, d, i)
	case LayerICMPv6:
		return p.lineICMPv6(b, d, i)
	case LayerTCP:
		return p.lineTCP(b, d, i)
	case LayerUDP:
		return p.lineUDP(b, d, i)
	case LayerDNS:
		return p.lineDNS(b, d, i)
	case LayerMDNS:
		return p.lineDNS(b, d, i)
	case LayerLLMNR:
		return p.lineNothing(b, d, i) // tcpdump 4.99 prints UDP's "UDP, length N"
	case LayerNBNS:
		return p.lineNothing(b, d, i) // Debian's tcpdump 4.99 has no SMB printers: "UDP, length N"
	case LayerENIP:
		return p.lineNothing(b, d, i) // tcpdump 4.99 has no EtherNet/IP printer: TCP's or UDP's line
	case LayerUDPEncap, LayerISAKMP:
		return p.lineUDPEncap(b, d, i)
	case LayerDHCPv4:
		return p.lineDHCPv4(b, d, i)
	case LayerNTP:
		return p.lineNTP(b, d, i)
	case LayerHTTP:
		return p.lineHTTP(b, d, i)
	case LayerTLS:
		return p.lineTLS(b, d, i)
	case LayerVXLAN:
		return p.lineVXLAN(b, d, i)
	case LayerGeneve:
		return p.lineGeneve(b, d, i)
	case LayerSFlow:
		return p.lineSFlow(b, d, i)
	case LayerDBLSPDisc:
		return p.lineNothing(b, d, i) // tcpdump 4.99 prints UDP's "UDP, length N"
	case LayerISIS:
		return p.lineISIS(b, d, i)
	case LayerESP:
		return p.lineESP(b, d, i)
	case LayerPIM:
		return p.linePIM(b, d, i)
	case LayerVRRP:
		return p.lineVRRP(b, d, i)
	case LayerPGM:
		return p.linePGM(b, d, i)
	case LayerL2TP:
		return p.lineL2TP(b, d, i)
	case LayerCHDLC:
		return p.lineCHDLC(b, d, i)
	case LayerKRB4:
		return p.lineKRB4(b, d, i)
	case LayerVSock:
		return p.lineVSock(b, d, i)
	case LayerSCTP:
		return p.lineSCTP(b, d, i)
	case LayerHSRP:
		return p.lineHSRP(b, d, i)
	case LayerRADIUS:
		return p.lineRADIUS(b, d, i)
	case LayerOSPF:
		return p.lineOSPF(b, d, i)
	case LayerBFD:
		return p.lineBFD(b, d, i)
	case LayerSTP:
		return p.lineSTP(b, d, i)
	case LayerLLDP:
		return p.lineLLDP(b, d, i)
	case LayerMPLS:
		return p.lineMPLS(b, d, i)
	case LayerUDLD:
		return p.lineUDLD(b, d, i)
	case LayerCDP:
		return p.lineCDP(b, d, i)
	case LayerDTP:
		return p.lineDTP(b, d, i)
	case LayerQ933:
		return p.lineQ933(b, d, i)
	case LayerESIS:
		return p.lineESIS(b, d, i)
	case LayerTelnet:
		return p.lineTelnet(b, d, i)
	case LayerSSH:
		return p.lineSSH(b, d, i)
	case LayerHTTP2:
		return p.lineHTTP(b, d, i) // tcpdump prints HTTP/2 as HTTP's port
	case LayerTFTP:
		return p.lineTFTP(b, d, i)
	case LayerSyslog:
		return p.lineSyslog(b, d, i)
	case LayerBGP:
		return p.lineBGP(b, d, i)
	case LayerRESP:
		return p.lineRESP(b, d, i)
	case LayerDCCP:
		return p.lineDCCP(b, d, i)
	case LayerLISP:
		return p.lineLISP(b, d, i)
	case LayerPPTP:
		return p.linePPTP(b, d, i)
	case LayerOpenFlow:
		return p.lineOpenFlow(b, d, i)
	case LayerPTP:
		return p.linePTP(b, d, i)
	case LayerAoE:
		return p.lineAoE(b, d, i)
	case LayerMACsec:
		return p.lineMACsec(b, d, i)
	case LayerCTP:
		return p.lineCTP(b, d, i)
	case LayerDSA:
		return p.lineDSA(b, d, i)
	case LayerMPLSEcho:
		return p.lineMPLSEcho(b, d, i)
	case LayerLDP:
		return p.lineLDP(b, d, i)
	case LayerRSVP:
		return p.lineRSVP(b, d, i)
	case LayerRIP:
		return p.lineRIP(b, d, i)
	case LayerRIPng:
		return p.lineRIPng(b, d, i)
	case LayerPPPoED, LayerPPPoES:
		return p.linePPPoE(b, d, i)
	case LayerSlow:
		return p.lineSlow(b, d, i)
	case LayerEAPOL:
		return p.lineEAPOL(b, d, i)
	case LayerQUIC:
		return p.lineNothing(b, d, i) // tcpdump 4.99 prints UDP's "UDP, length N"
	case LayerIGMP:
		return p.lineIGMP(b, d, i)
	case LayerDHCPv6:
		return p.lineDHCPv6(b, d, i)
	case LayerRadiotap:
		return p.lineRadiotap(b, d, i)
	case LayerWLAN:
		return p.lineWLAN(b, d, i)
	case LayerERSPAN:
		return p.lineERSPAN(b, d, i)
	case LayerBabel:
		return p.lineBabel(b, d, i)
	case LayerSIP:
		return p.lineSIP(b, d, i)
	case LayerRTP, LayerRTCP:
		return p.lineNothing(b, d, i) // tcpdump prints RTP only with -T rtp
	case LayerSNMP:
		return p.lineSNMP(b, d, i)
	case LayerAH:
		return p.lineAH(b, d, i)
	case LayerIPComp:
		return p.lineIPComp(b, d, i)
	case LayerMIPv6:
		return p.lineMIPv6(b, d, i)
	case LayerRPC:
		return p.lineNothing(b, d, i) // UDP's line; tcpdump's NFS line is not written yet
	case LayerGRE:
		return p.lineGRE(b, d, i)
	case LayerNHRP:
		return p.lineNHRP(b, d, i)
	case LayerPPP:
		return p.linePPP(b, d, i)
	case LayerFR:
		return p.lineFR(b, d, i)
	case LayerARCNET:
		return p.lineARCNET(b, d, i)
	}
	return b
}

// treeLayer appends layer i's subtree (tshark -V) to t.
func treeLayer(t *treeWriter, d *Decoder, i int) {
	if treeFieldsOf(d.layers[i].Type) {
		treeFields(t, d, i)
	}
	// A layer whose tree is not drawn (PPP inside GRE): no line rather than
	// one tshark does not print.
}

// protocolsLayer appends layer i's part of frame.protocols ("eth:ethertype").
func protocolsLayer(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	switch l.Type {
	case LayerEthernet, LayerVLAN, LayerSLL, LayerSLL2:
		if l.Type == LayerVLAN {
			b = append(b, vlanProtoName(d, i)...)
		} else {
			b = append(b, l.Type.String()...)
		}
		// tshark's ethertype hands on even an empty payload (eth:ethertype:ip
		// for a frame that ends with its Ethernet header).
		if i+1 < d.n && d.layers[i+1].Type != LayerLLC {
			b = append(b, ":ethertype"...)
		}
		return b
	case LayerMACsec:
		// A frame in the clear hands its packet to ethertype.
		if i+1 < d.n && !MACsec(d.data[l.Start:l.Payload]).Encrypted() {
			return append(b, "macsec:ethertype"...)
		}
		return append(b, "macsec"...)
	case LayerISL:
		return append(b, "eth"...) // tshark's Ethernet hands the frame to ISL, which no protocol names
	case LayerIGMP:
		return appendIGMPProtocols(b, d, i)
	case LayerISIS:
		return appendISISProtocols(b, d, i)
	case LayerRadiotap:
		return append(b, "radiotap:wlan_radio"...)
	case LayerDBLSPDisc:
		if dblspKind(d.data[l.Start:l.End]) == dblspKindJSON {
			return append(b, "db-lsp-disc:json"...)
		}
	case LayerOpenFlow:
		return appendOpenFlowProtocols(b, d, i)
	case LayerKRB4:
		return appendKRB4Protocols(b, d, i)
	}
	return append(b, l.Type.String()...)
}
