package decode

import "time"

// protocol is what the decoder knows of one layer type: the field that
// stands for it, its fields, and the function that emits them.
type protocol struct {
	proto  *Field
	fields []Field
	emit   func(e *emitter, i int)
	// others are fields of other protocols that emit writes too (the
	// hidden ip.version of IPv6, an 802.1ad tag's ieee8021ad fields).
	others []Field
}

// protocols is the protocol table, indexed by layer type. Adding a
// protocol adds a line here.
var protocols = [layerCount]protocol{
	LayerEthernet: {&protoEth, ethFields[:], emitEthernet, nil},
	LayerLLC:      {&protoLLC, llcFields[:], emitLLC, nil},
	LayerVLAN:     {&protoVLAN, vlanFields[:], emitVLAN, qinqFields[:]},
	LayerSLL:      {&protoSLL, sllFields[:], emitSLL, nil},
	LayerSLL2:     {&protoSLL, nil, emitSLL2, nil},
	LayerLoopback: {&protoNull, nullFields[:], emitLoopback, nil},
	LayerARP:      {&protoARP, arpFields[:], emitARP, nil},
	LayerIPv4:     {&protoIPv4, ipFields[:], emitIPv4, nil},
	LayerIPv6:     {&protoIPv6, ipv6Fields[:], emitIPv6, ipFields[:]},
	LayerICMPv4:   {&protoICMP, icmpFields[:], emitICMPv4, nil},
	LayerICMPv6:   {&protoICMPv6, icmpv6Fields[:], emitICMPv6, nil},
	LayerTCP:      {&protoTCP, tcpFields[:], emitTCP, mptcpFields[:]},
	LayerUDP:      {&protoUDP, udpFields[:], emitUDP, nil},
	LayerPayload:  {&protoData, dataFields[:], emitPayload, nil},
	LayerDNS:      {&protoDNS, dnsFields[:], emitDNS, nil},
	LayerHTTP:     {&protoHTTP, httpFields[:], emitHTTP, dataFields[:]}, // a continuation's Data
	LayerTLS:      {&protoTLS, tlsFields[:], emitTLS, nil},
	LayerDHCPv4:   {&protoDHCP, dhcpFields[:], emitDHCPv4, nil},
	LayerNTP:      {&protoNTP, ntpFields[:], emitNTP, nil},
	LayerVXLAN:    {&protoVXLAN, vxlanFields[:], emitVXLAN, nil},
	LayerGRE:      {&protoGRE, greFields[:], emitGRE, nil},
	LayerPPP:      {&protoPPP, pppFields[:], emitPPP, nil},
	LayerFR:       {&protoFR, frFields[:], emitFR, nil},
	LayerARCNET:   {&protoARCNET, arcnetFields[:], emitARCNET, nil},
	LayerLCP:      {&protoLCP, lcpFields[:], emitLCP, nil}, LayerIPCP: {&protoIPCP, ipcpFields[:], emitIPCP, nil}, LayerIPv6CP: {&protoIPv6CP, ipv6cpFields[:], emitIPv6CP, nil}, LayerCHAP: {&protoCHAP, chapFields[:], emitCHAP, nil}, LayerPAP: {&protoPAP, papFields[:], emitPAP, nil},
	LayerSFlow:     {&protoSFlow, sflowFields[:], emitSFlow, nil},
	LayerDBLSPDisc: {&protoDBLSPDisc, dblspFields[:], emitDBLSPDisc, nil},
	LayerESP:       {&protoESP, espFields[:], emitESP, nil},
	LayerGeneve:    {&protoGeneve, geneveFields[:], emitGeneve, nil},
	LayerNHRP:      {&protoNHRP, nhrpFields[:], emitNHRP, nil},
	LayerSCTP:      {&protoSCTP, sctpFields[:], emitSCTP, dataFields[:]},
	LayerEAPOL:     {&protoEAPOL, eapolFields[:], emitEAPOL, nil},
	LayerEAP:       {&protoEAP, eapFields[:], emitEAP, nil},
	LayerPIM:       {&protoPIM, pimFields[:], emitPIM, nil},
	LayerVRRP:      {&protoVRRP, vrrpFields[:], emitVRRP, nil},
	LayerPGM:       {&protoPGM, pgmFields[:], emitPGM, nil},
	LayerL2TP:      {&protoL2TP, l2tpFields[:], emitL2TP, nil},
	LayerCHDLC:     {&protoCHDLC, chdlcFields[:], emitCHDLC, nil},
	LayerKRB4:      {&protoKRB4, krb4Fields[:], emitKRB4, nil},
	LayerVSock:     {&protoVSock, vsockFields[:], emitVSock, nil},
	LayerF5Trailer: {&protoF5EthTrailer, nil, emitF5EthTrailer, nil},
	LayerHSRP:      {&protoHSRP, hsrpFields[:], emitHSRP, nil},
	LayerRADIUS:    {&protoRADIUS, radiusFields[:], emitRADIUS, nil},
	LayerOSPF:      {&protoOSPF, ospfFields[:], emitOSPF, nil},
	LayerBFD:       {&protoBFD, bfdFields[:], emitBFD, nil},
	LayerSTP:       {&protoSTP, stpFields[:], emitSTP, nil},
	LayerLLDP:      {&protoLLDP, lldpFields[:], emitLLDP, nil},
	LayerMPLS:      {&protoMPLS, mplsFields[:], emitMPLS, nil},
	LayerUDLD:      {&protoUDLD, udldFields[:], emitUDLD, nil},
	LayerCDP:       {&protoCDP, cdpFields[:], emitCDP, nil},
	LayerDTP:       {&protoDTP, dtpFields[:], emitDTP, nil},
	LayerQ933:      {&protoQ933, q933Fields[:], emitQ933, nil},
	LayerESIS:      {&protoESIS, esisFields[:], emitESIS, nil},
	LayerISL:       {&protoISL, islFields[:], emitISL, nil},
	LayerTelnet:    {&protoTelnet, telnetFields[:], emitTelnet, nil},
	LayerSyslog:    {&protoSyslog, syslogFields[:], emitSyslog, nil},
	LayerBGP:       {&protoBGP, bgpFields[:], emitBGP, nil},
	LayerRIP:       {&protoRIP, ripFields[:], emitRIP, nil},
	LayerRIPng:     {&protoRIPng, ripngFields[:], emitRIPng, nil},
	LayerPPPoED:    {&protoPPPoED, pppoeFields[:], emitPPPoE, nil},
	LayerPPPoES:    {&protoPPPoES, nil, emitPPPoE, nil},
	LayerSlow:      {&protoSlow, lacpFields[:1], emitSlow, nil},
	LayerLACP:      {&protoLACP, lacpFields[1:], emitLACP, nil},
	LayerQUIC:      {&protoQUIC, quicFields[:], emitQUIC, tlsFields[:]},
	LayerIGMP:      {&protoIGMP, igmpFields[:], emitIGMP, nil},
	LayerDHCPv6:    {&protoDHCPv6, dhcpv6Fields[:], emitDHCPv6, nil},
	LayerRadiotap:  {&protoRadiotap, radiotapFields[:], emitRadiotap, nil},
	LayerWLAN:      {&protoWLAN, wlanFields[:], emitWLAN, nil},
	LayerERSPAN:    {&protoERSPAN, erspanFields[:], emitERSPAN, nil},
	LayerBabel:     {&protoBabel, babelFields[:], emitBabel, nil},
	LayerMDNS:      {&protoMDNS, nil, emitDNS, dnsFields[:]},
	LayerLLMNR:     {&protoLLMNR, nil, emitDNS, dnsFields[:]},
	LayerSIP:       {&protoSIP, sipFields[:], emitSIP, nil},
	LayerSDP:       {&protoSDP, sdpFields[:], emitSDP, sipFields[sipCallIDGenerated : sipCallIDGenerated+1]},
	LayerRTP:       {&protoRTP, rtpFields[:], emitRTP, sipFields[sipCallIDGenerated : sipCallIDGenerated+1]},
	LayerRTCP:      {&protoRTCP, rtcpFields[:], emitRTCP, nil},
	LayerSSH:       {&protoSSH, sshFields[:], emitSSH, nil},
	LayerSNMP:      {&protoSNMP, snmpFields[:], emitSNMP, nil},
	LayerNBNS:      {&protoNBNS, nbnsFields[:], emitNBNS, nil},
	LayerAH:        {&protoAH, ahFields[:], emitAH, nil},
	LayerIPComp:    {&protoIPComp, ipcompFields[:], emitIPComp, nil},
	LayerMIPv6:     {&protoMIPv6, mipv6Fields[:], emitMIPv6, nil},
	LayerDCCP:      {&protoDCCP, dccpFields[:], emitDCCP, nil},
	LayerLISP:      {&protoLISP, lispFields[:], emitLISP, nil},
	LayerRPC:       {&protoRPC, rpcFields[:], emitRPC, nil},
	LayerHTTP2:     {&protoHTTP2, http2Fields[:], emitHTTP2, nil},
	LayerTFTP:      {&protoTFTP, tftpFields[:], emitTFTP, nil},
	LayerRESP:      {&protoRESP, respFields[:], emitRESP, nil},
	LayerPPTP:      {&protoPPTP, pptpFields[:], emitPPTP, nil},
	LayerPTP:       {&protoPTP, ptpFields[:], emitPTP, nil},
	LayerUDPEncap:  {&protoUDPEncap, udpEncapFields[:], emitUDPEncap, nil}, LayerISAKMP: {&protoISAKMP, isakmpFields[:], emitISAKMP, nil},
	LayerRaw:      {nil, nil, emitRaw, nil},
	LayerISIS:     {&protoISIS, isisFields[:], emitISIS, nil},
	LayerENIP:     {&protoENIP, enipFields[:], emitENIP, cipFields[:]},
	LayerOpenFlow: {&protoOpenFlowV1, openflowFields[:], emitOpenFlow, nil},
	LayerAoE:      {&protoAoE, aoeFields[:], emitAoE, nil},
	LayerMACsec:   {&protoMACsec, macsecFields[:], emitMACsec, nil},
	LayerCTP:      {&protoCTP, ctpFields[:], emitCTP, nil},
	LayerMPLSEcho: {&protoMPLSEcho, mplsEchoFields[:], emitMPLSEcho, nil},
	LayerLDP:      {&protoLDP, ldpFields[:], emitLDP, nil},
	LayerRSVP:     {&protoRSVP, rsvpFields[:], emitRSVP, nil},

	// Drawn in the tree only: the other outputs have their fields inside
	// ipv6 (emitIPv6Ext).
	LayerIPv6Fragment: {nil, nil, emitIPv6ExtTree, nil},
	LayerIPv6Routing:  {nil, nil, emitIPv6ExtTree, nil},
	LayerIPv6HopByHop: {nil, nil, emitIPv6ExtTree, nil},
	LayerIPv6DestOpts: {nil, nil, emitIPv6ExtTree, nil},
}

// extraProtocols are protocols whose fields a layer of another type emits
// (an 802.1ad tag is a LayerVLAN).
var extraProtocols = [...]protocol{
	{&protoQinQ, qinqFields[:], nil, nil},
	{&protoWLANRadio, wlanRadioFields[:], nil, nil}, // emitted by emitRadiotap
	{&protoNFS, nfsFields[:], nil, nil},             // emitted by emitRPC
	{&protoPortmap, pmapFields[:], nil, nil},        // emitted by emitRPC
	{&protoJSON, jsonFields[:], nil, nil},           // emitted by emitDBLSPDisc
	// emitted by emitISIS:
	{&protoISISHello, isisHelloFields[:], nil, nil}, {&protoISISLSP, isisLSPFields[:], nil, nil}, {&protoISISCSNP, isisCSNPFields[:], nil, nil}, {&protoISISPSNP, isisPSNPFields[:], nil, nil},
	{&protoCIP, cipFields[:], nil, nil}, // emitted by emitENIP, with CIP Class Generic
	{&protoCIPCls, nil, nil, nil}, {&protoCIPCM, nil, nil, nil},
	{&protoMPTCP, mptcpFields[:], nil, nil}, // emitted by emitTCP
	{&protoTextLines, nil, nil, nil},        // emitted by emitHTTP
}

// emitter is what a protocol's emit function writes to: the packet's
// FieldList, with the decoder and what the fields need beyond the layer's
// bytes.
type emitter struct {
	*FieldList
	d    *Decoder
	wire int // the frame's length on the wire
	// conv is what the connection tracker found for the packet (stream
	// indexes, relative numbers, analysis); nil: raw numbers only.
	conv *convResults
	// all asks for every occurrence of a field (every TLS record, every
	// extension header), as tshark -T fields shows them; JSON, whose keys
	// are unique, takes the first. JSON, which is the one output without
	// all, also goes without the fields it would not show (hidden ones)
	// and the payload bytes it leaves to --raw (tcp.payload, udp.payload):
	// an emitter for -T fields, -T ek or display filters sets all.
	all bool
	// frame and loc are the frame being emitted and the zone its times
	// are shown in, for the values and texts tshark builds from the
	// frame's time (nil where no frame is known).
	frame *Frame
	loc   *time.Location
}

// emitLayer emits the fields of layer i.
func emitLayer(e *emitter, i int) {
	if p := &protocols[e.d.layers[i].Type]; p.emit != nil {
		at := len(e.recs)
		p.emit(e, i)
		l := &e.d.layers[i]
		if at < len(e.recs) && e.recs[at].u == 0 { // the layer's bytes, unless emit gave others
			e.setSpan(at, l.Start, l.End-l.Start)
		}
	}
}
