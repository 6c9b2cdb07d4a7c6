package decode

func treeMAC(t *treeWriter, label string, m MAC) {
	t.line()
	t.b = append(t.b, label...)
	t.b = append(t.b, ": "...)
	t.b = m.AppendTo(t.b)
	t.end()
}

func treeAllZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
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
	if start := len(t.b); !t.replay(memoIPv6Head, ip[:4]) {
		treeIPv6Head(t, ip)
		t.remember(memoIPv6Head, ip[:4], start)
	}
	t.int("Payload Length", int(ip.PayloadLength()))
	if start := len(t.b); !t.replay(memoIPv6Next, ip[6:8]) {
		treeNextHeader(t, "Next Header", ip.NextHeader())
		t.int("Hop Limit", int(ip.HopLimit()))
		t.remember(memoIPv6Next, ip[6:8], start)
	}
	t.addr("Source Address", ip.Src())
	t.addr("Destination Address", ip.Dst())
	treeIPv6AddrDetail(t, "Source", ip[8:24])
	treeIPv6AddrDetail(t, "Destination", ip[24:40])
}

// treeIPv6AddrDetail draws what tshark reads from an address: the gateway
// and SLA ID of a 6to4 address, the MAC address of a SLAAC interface ID.
func treeIPv6AddrDetail(t *treeWriter, which string, a []byte) {
	if a[0] == 0x20 && a[1] == 0x02 {
		t.line()
		t.b = append(t.b, '[')
		t.b = append(t.b, which...)
		t.b = append(t.b, " 6to4 Gateway IPv4: "...)
		t.b = addr4(a[2:6]).AppendTo(t.b)
		t.b = append(t.b, ']')
		t.end()
		t.line()
		t.b = append(t.b, '[')
		t.b = append(t.b, which...)
		t.b = append(t.b, " 6to4 SLA ID: "...)
		t.b = appendUint(t.b, uint64(be16(a[6:])))
		t.b = append(t.b, ']')
		t.end()
	}
	if a[11] == 0xff && a[12] == 0xfe && a[8]&2 != 0 { // from a universal MAC
		mac := MAC{a[8] ^ 2, a[9], a[10], a[13], a[14], a[15]}
		t.line()
		t.b = append(t.b, '[')
		t.b = append(t.b, which...)
		t.b = append(t.b, " SLAAC MAC: "...)
		t.b = mac.AppendTo(t.b)
		t.b = append(t.b, ']')
		t.end()
	}
}

// treeIPv6Head draws the lines of IPv6's first four bytes (version,
// traffic class, flow label), at depth 1.
func treeIPv6Head(t *treeWriter, ip IPv6) {
	t.bits(uint64(ip[0]), 8, 0xf0, "Version")
	t.b = append(t.b, '6')
	t.end()
	w := uint64(be32(ip))
	tc := ip.TrafficClass()
	t.bits(w, 32, 0x0ff00000, "Traffic Class")
	t.b = append(t.b, "0x"...)
	t.b = appendHex2(t.b, tc)
	t.b = append(t.b, " (DSCP: "...)
	t.b = appendDSCPShort(t.b, tc>>2)
	t.b = append(t.b, ", ECN: "...)
	t.b = append(t.b, ecnShort[tc&3]...)
	t.b = append(t.b, ')')
	t.end()
	t.depth = 2
	t.bits(w, 32, 0x0fc00000, "Differentiated Services Codepoint")
	t.b = appendDSCPLong(t.b, tc>>2)
	t.b = append(t.b, " ("...)
	t.b = appendUint(t.b, uint64(tc>>2))
	t.b = append(t.b, ')')
	t.end()
	t.bits(w, 32, 0x00300000, "Explicit Congestion Notification")
	t.b = append(t.b, ecnLong[tc&3]...)
	t.b = append(t.b, " ("...)
	t.b = appendUint(t.b, uint64(tc&3))
	t.b = append(t.b, ')')
	t.end()
	t.depth = 1
	t.bits(w&0xffffff, 24, 0x0fffff, "Flow Label")
	fl := ip.FlowLabel() // five hex digits, as tshark
	t.b = append(t.b, '0', 'x', hexDigits[fl>>16&15], hexDigits[fl>>12&15], hexDigits[fl>>8&15], hexDigits[fl>>4&15], hexDigits[fl&15])
	t.end()
}

func icmpTypeName(typ uint8) string {
	switch typ {
	case 0:
		return "Echo (ping) reply"
	case 3:
		return "Destination unreachable"
	case 4:
		return "Source quench (flow control)"
	case 5:
		return "Redirect"
	case 8:
		return "Echo (ping) request"
	case 11:
		return "Time-to-live exceeded"
	case 12:
		return "Parameter problem"
	case 13:
		return "Timestamp request"
	case 14:
		return "Timestamp reply"
	case 42:
		return "Extended Echo request"
	case 43:
		return "Extended Echo reply"
	}
	return ""
}

var unreachCodeNames = [...]string{"Network unreachable", "Host unreachable", "Protocol unreachable", "Port unreachable",
	"Fragmentation needed", "Source route failed", "Destination network unknown", "Destination host unknown",
	"Source host isolated", "Network administratively prohibited", "Host administratively prohibited",
	"Network unreachable for TOS", "Host unreachable for TOS", "Communication administratively filtered",
	"Host precedence violation", "Precedence cutoff in effect"}

// treeICMPv4Rest draws what follows the fields of the ICMP message at
// layer i in its tree, still drawn by tree code: an error's quoted packet
// (other protocols' trees, inside ICMP's) and the extension structures of
// errors and extended echo requests.
func treeICMPv4Rest(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	if l.End-l.Start < 8 {
		return
	}
	m := ICMPv4(d.data[l.Start:l.End])
	if icmpTypeName(m.Type()) == "" || m.Type() == 43 {
		return
	}
	if m.Type() == ICMPExtEchoRequest {
		treeICMPExt(t, d, i)
		t.depth = 1
	}
	if m.IsError() {
		treeQuoted(t, d, i)
	}
}

// icmpDataTime returns the timestamp tshark finds in the first 8 bytes of
// the data of the ICMP echo at layer i: seconds and microseconds, big- or
// little-endian, within a day of the frame's time.
func icmpDataTime(f *Frame, d *Decoder, i int) (sec, nsec int64, ok bool) {
	l := &d.layers[i]
	if f == nil || l.End-l.Start < 16 || l.Start+8 > l.Payload || i+1 >= d.n {
		return 0, 0, false
	}
	m := ICMPv4(d.data[l.Start:l.End])
	if m.Type() != ICMPEcho && m.Type() != ICMPEchoReply {
		return 0, 0, false
	}
	now := uint32(f.Time.Unix())
	near := func(s, us uint32) bool {
		diff := int32(s - now)
		return diff > -86400 && diff < 86400 && us < 1000000
	}
	s, us := be32(m[8:]), be32(m[12:])
	if !near(s, us) {
		s, us = le32(m[8:]), le32(m[12:])
		if !near(s, us) {
			return 0, 0, false
		}
	}
	return int64(s), int64(us) * 1000, true
}

// treeICMPv6Rest draws what follows the fields of the ICMPv6 message at
// layer i in its tree, still drawn by tree code: an error's quoted packet.
func treeICMPv6Rest(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	if l.End-l.Start < 4 {
		return
	}
	m := ICMPv6(d.data[l.Start:l.End])
	if icmpv6Dissected(m.Type()) && m.IsError() {
		treeQuoted(t, d, i)
	}
}

// appendDSCPShort appends Wireshark's short DSCP name ("CS0", "AF11", "EF").
func appendDSCPShort(b []byte, v uint8) []byte {
	switch {
	case v&7 == 0:
		return append(b, 'C', 'S', '0'+v>>3)
	case v >= 10 && v <= 38 && v&1 == 0 && (v>>1)&3 != 0:
		return append(b, 'A', 'F', '0'+v>>3, '0'+(v>>1)&3)
	case v == 46:
		return append(b, "EF PHB"...)
	case v == 44:
		return append(b, "VOICE-ADMIT"...)
	case v == 1:
		return append(b, "LE"...)
	}
	return append(b, "Unknown"...)
}

// appendDSCPLong appends Wireshark's long DSCP name ("Default",
// "Class Selector 1", "Assured Forwarding 11", "Expedited Forwarding").
func appendDSCPLong(b []byte, v uint8) []byte {
	switch {
	case v == 0:
		return append(b, "Default"...)
	case v&7 == 0:
		b = append(b, "Class Selector "...)
		return append(b, '0'+v>>3)
	case v >= 10 && v <= 38 && v&1 == 0 && (v>>1)&3 != 0:
		b = append(b, "Assured Forwarding "...)
		return append(b, '0'+v>>3, '0'+(v>>1)&3)
	case v == 46:
		return append(b, "Expedited Forwarding"...)
	case v == 44:
		return append(b, "Voice Admit"...)
	case v == 1:
		return append(b, "Lower Effort"...)
	}
	return append(b, "Unknown"...)
}

var ecnShort = [4]string{"Not-ECT", "ECT(1)", "ECT(0)", "CE"}
var ecnLong = [4]string{"Not ECN-Capable Transport", "ECN-Capable Transport codepoint '01'", "ECN-Capable Transport codepoint '10'", "Congestion Experienced"}

func treeGeneric(t *treeWriter, d *Decoder, i int) {
	switch d.layers[i].Type {
	case LayerIPv6HopByHop, LayerIPv6Routing, LayerIPv6Fragment, LayerIPv6DestOpts:
		treeIPv6Ext(t, d, i)
		return
	case LayerRaw:
		t.head("Raw packet data")
		t.end()
		return
	}
	// A layer whose tree is not drawn (PPP inside GRE …): no line rather
	// than one tshark does not print.
}
