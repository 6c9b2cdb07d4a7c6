package decode

import "strconv"

// appendInfo appends the Info column: what the innermost layer says, then
// tshark's mark for a packet cut short.
func (p *ColumnsPrinter) appendInfo(b []byte, d *Decoder, top int) []byte {
	if top < 0 {
		return b
	}
	l := &d.layers[top]
	if p.seg != nil && (d.layers[top].Type != LayerTCP || l.Malformed == "") {
		b = appendAnalysisMarks(b, p.seg) // tshark analyses only whole headers
	}
	if p.fragRow {
		return p.appendFragInfo(b, d, p.fragIP)
	}
	if p.httpRow != colHTTPNone {
		return p.appendHTTPMsgInfo(b, d)
	}
	switch p.tlsRow {
	case colTLSMiddle:
		b = p.infoTCP(b, d, p.tcpLayer)
		return append(b, " [TCP segment of a reassembled PDU]"...)
	case colTLSStart:
		return append(b, "[TCP segment of a reassembled PDU]"...)
	case colTLSRecords:
		return p.appendTLSRecordsInfo(b, d, p.tcpLayer)
	}
	switch l.Type {
	case LayerEthernet, LayerVLAN, LayerSLL:
		if et, ok := unknownEtherType(d, top); ok {
			b = infoUnknownEtherType(b, d, top, et)
		}
	case LayerGRE:
		b = infoGRE(b, d, top)
	case LayerARCNET:
		if b = append(b, "ARCNET"...); arcnetEmptyIP(d, top) {
			b = p.appendException(b)
		}
	case LayerTCP:
		b = p.infoTCP(b, d, top)
	case LayerUDP:
		b = p.infoUDP(b, d, top)
	case LayerARP:
		b = p.infoARP(b, d, top)
	case LayerICMPv4:
		b = p.infoICMP(b, d, top)
	case LayerICMPv6:
		b = p.infoICMPv6(b, d, top)
	case LayerDNS:
		b = infoDNS(b, d, top)
	case LayerMDNS, LayerLLMNR:
		b = infoDNS(b, d, top)
	case LayerNBNS:
		b = infoNBNS(b, d, top)
	case LayerDHCPv4:
		b = infoDHCP(b, d, top)
	case LayerNTP:
		b = infoNTP(b, d, top)
	case LayerESP:
		b = infoESP(b, d, top)
	case LayerGeneve:
		b = infoGeneve(b, d, top)
	case LayerMACsec:
		b = append(b, "MACsec frame"...)
	case LayerNHRP:
		b = infoNHRP(b, d, top)
	case LayerVRRP:
		b = infoVRRP(b, d, top)
	case LayerPGM:
		b = infoPGM(b, d, top)
	case LayerL2TP:
		b = p.infoL2TP(b, d, top)
	case LayerCHDLC:
		b = p.infoCHDLC(b, d, top)
	case LayerKRB4:
		b = p.infoKRB4(b, d, top)
	case LayerVSock:
		b = infoVSock(b, d, top)
	case LayerSCTP:
		var cut bool
		if b, cut = infoSCTP(b, d, top); cut {
			b = p.appendException(b)
		}
	case LayerHSRP:
		b = infoHSRP(b, d, top)
	case LayerSFlow:
		b = infoSFlow(b, d, top)
	case LayerDBLSPDisc:
		b = append(b, "Dropbox LAN sync Discovery Protocol"...)
		if dblspKind(d.data[l.Start:l.End]) == dblspKindJSON {
			b = append(b, ", JavaScript Object Notation"...)
		}
	case LayerRADIUS:
		b = infoRADIUS(b, d, top, p.conv)
	case LayerIGMP:
		b = infoIGMP(b, d, top)
	case LayerPIM:
		b = infoPIM(b, d, top)
		if pimLocksColumns(d, top) {
			return b // Wireshark adds no exception mark to locked columns
		}
	case LayerOSPF:
		b = infoOSPF(b, d, top)
	case LayerBFD:
		b = infoBFD(b, d, top)
	case LayerBGP:
		b = p.infoBGP(b, d, top)
	case LayerRESP:
		b = infoRESP(b, d, top)
	case LayerDCCP:
		b = appendDCCPInfo(b, d, top, p.conv)
	case LayerLISP:
		b = infoLISP(b, d, top)
	case LayerPPTP:
		b = infoPPTP(b, d, top)
	case LayerPTP:
		b = infoPTP(b, d, top)
	case LayerMPLSEcho:
		b = infoMPLSEcho(b, d, top)
	case LayerLDP:
		b = p.infoLDP(b, d, top)
	case LayerRSVP:
		b = infoRSVP(b, d, top)
	case LayerAoE:
		b = infoAoE(b, d, top, p.conv.link(top))
	case LayerCTP:
		b = infoCTP(b, d, top)
	case LayerISAKMP, LayerUDPEncap:
		b = infoISAKMP(b, d, top)
	case LayerISIS:
		b = infoISIS(b, d, top)
	case LayerENIP:
		b = infoENIP(b, d, top, p.conv)
	case LayerOpenFlow:
		var cut bool
		if b, cut = infoOpenFlow(b, d, top); cut {
			b = p.appendException(b)
		}
	case LayerRIP:
		b = infoRIP(b, d, top)
	case LayerRIPng:
		b = infoRIPng(b, d, top)
	case LayerQUIC:
		b = infoQUIC(b, d, top, p.conv)
	case LayerHTTP:
		b = infoHTTP(b, d, top)
	case LayerTLS:
		b = infoTLS(b, d, top)
	case LayerHTTP2:
		b = appendHTTP2Info(b, d, top, p.conv)
	case LayerTFTP:
		if l.End-l.Start < 2 && top > 0 && d.layers[top-1].Type == LayerUDP {
			b = p.infoUDP(b, d, top-1) // tshark's TFTP stopped before its opcode
		} else {
			b = infoTFTP(b, d, top, p.conv)
		}
	case LayerSSH:
		b = p.infoSSH(b, d, top)
	case LayerTelnet:
		b = append(b, "Telnet Data ..."...)
	case LayerSyslog:
		b = infoSyslog(b, d, top)
	case LayerWLAN:
		b = appendWLANInfo(b, d, top)
		if l.Malformed != "" && p.capLen < p.wire {
			b = append(b, "[Packet size limited during capture]"...)
		}
		return b
	case LayerDHCPv6:
		b = infoDHCPv6(b, d, top)
	case LayerERSPAN:
		b = append(b, "ERSPAN:"...)
	case LayerRPC:
		b = p.infoRPC(b, d, top)
	case LayerBabel:
		var exc bool
		if b, exc = infoBabel(b, d, top); exc {
			b = p.appendException(b)
		}
	case LayerSIP:
		b = infoSIP(b, d, top)
	case LayerSDP:
		b = infoSIP(b, d, top-1)
	case LayerRTP:
		b = infoRTP(b, d, top)
	case LayerRTCP:
		b = infoRTCP(b, d, top)
	case LayerSNMP:
		if !snmpSetsInfo(d, top) && top > 0 && d.layers[top-1].Type == LayerUDP {
			b = p.infoUDP(b, d, top-1) // Wireshark's SNMP left the column alone
		} else {
			b = infoSNMP(b, d, top)
		}
	case LayerAH:
		b = infoAH(b, d, top)
	case LayerIPComp:
		b = infoIPComp(b, d, top)
	case LayerMIPv6:
		b = infoMIPv6(b, d, top)
	case LayerLLC:
		b = infoLLC(b, d, top)
	case LayerSTP:
		b = infoSTP(b, d, top)
	case LayerLLDP:
		b = infoLLDP(b, d, top)
	case LayerEAPOL:
		b = infoEAPOL(b, d, top)
	case LayerEAP:
		b = infoEAP(b, d, top)
	case LayerMPLS:
		b = append(b, "MPLS Label Switched Packet"...)
	case LayerUDLD:
		b = infoUDLD(b, d, top)
	case LayerCDP:
		b = infoCDP(b, d, top)
	case LayerDTP:
		b = append(b, protoDTP.Label...)
	case LayerQ933:
		b = appendQ933Message(b, Q933(d.data[d.layers[top].Start:d.layers[top].End]))
	case LayerESIS:
		b = infoESIS(b, d, top)
	case LayerPPPoED:
		b = infoPPPoE(b, d, top)
	case LayerLCP, LayerIPCP, LayerIPv6CP, LayerCHAP, LayerPAP:
		b = infoPPPCP(b, d, top)
	case LayerLACP:
		b = infoLACP(b, d, top)
	case LayerIPv4:
		b = infoIPv4(b, d, top)
	case LayerIPv6, LayerIPv6HopByHop, LayerIPv6Routing, LayerIPv6Fragment, LayerIPv6DestOpts:
		b = infoIPv6(b, d, top)
	}
	if l.Malformed != "" && l.Type != LayerLISP && !(l.Type == LayerIPv4 && (l.Malformed == ReasonBadHdrLen || l.Malformed == ReasonBadLength)) && tcpBogusHdrLen(d, top) < 0 {
		b = p.appendException(b) // tshark reports a bogus IPv4 length without an exception; LISP marks its own
	}
	return b
}

// appendException appends tshark's mark for a layer that ran out of bytes:
// "[Packet size limited during capture]" when the capture cut the frame,
// "[Malformed Packet]" when the packet itself is short.
func (p *ColumnsPrinter) appendException(b []byte) []byte {
	if p.wire > 0 && p.capLen < p.wire {
		return append(b, "[Packet size limited during capture]"...)
	}
	return append(b, "[Malformed Packet]"...)
}

// colPorts appends "src → dst".
func colPorts(b []byte, sp, dp uint16) []byte {
	b = strconv.AppendUint(b, uint64(sp), 10)
	b = append(b, " → "...)
	return strconv.AppendUint(b, uint64(dp), 10)
}

func (p *ColumnsPrinter) infoUDP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Payload-l.Start < udpLen {
		if h := d.data[l.Start:l.End]; len(h) >= 4 {
			b = colPorts(b, be16(h), be16(h[2:]))
		}
		return b
	}
	u := UDP(d.data[l.Start:l.Payload])
	b = colPorts(b, u.SrcPort(), u.DstPort())
	if n := p.reportedLen(d, i); int(u.Length()) > n && ipBefore(d, i) && !colFragment(d, i) {
		b = append(b, " [BAD UDP LENGTH "...)
		b = strconv.AppendUint(b, uint64(u.Length()), 10)
		b = append(b, " > IP PAYLOAD LENGTH]"...)
	}
	b = append(b, " Len="...)
	b = strconv.AppendInt(b, int64(u.Length())-udpLen, 10)
	if u.Checksum() == 0 && colOverIPv6(d, i) {
		b = append(b, " [ILLEGAL CHECKSUM (0)]"...) // UDP over IPv6 must have one
	}
	return b
}

// colOverIPv6 reports whether the IP header nearest before layer i is IPv6.
func colOverIPv6(d *Decoder, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch d.layers[j].Type {
		case LayerIPv6:
			return true
		case LayerIPv4:
			return false
		}
	}
	return false
}

// ipBefore reports whether an IP header precedes layer i.
func ipBefore(d *Decoder, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch d.layers[j].Type {
		case LayerIPv4, LayerIPv6:
			return true
		}
	}
	return false
}

// reportedLen returns how many bytes from layer i on tshark counts: what
// the IP header announces, but no more than the frame had on the wire.
func (p *ColumnsPrinter) reportedLen(d *Decoder, i int) int {
	n := ipPayloadLen(d, i)
	if p.wire > 0 {
		n = min(n, p.wire-d.layers[i].Start)
	}
	return n
}

// colFragment reports whether layer i is carried in an IP fragment.
func colFragment(d *Decoder, i int) bool {
	for j := i - 1; j >= 0; j-- {
		l := &d.layers[j]
		switch l.Type {
		case LayerIPv4:
			ip := IPv4(d.data[l.Start:l.Payload])
			return ip.MF() || ip.FragOffset() != 0
		case LayerIPv6Fragment:
			return true
		case LayerIPv6:
			return false
		}
	}
	return false
}
