package decode

import "strconv"

func (p *LinePrinter) lineICMPv4(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return append(b, "[|icmp]"...)
	}
	m := ICMPv4(d.data[l.Start:l.End])
	b = append(b, "ICMP "...)
	switch m.Type() {
	case ICMPEcho, ICMPEchoReply:
		if m.Type() == ICMPEcho {
			b = append(b, "echo request"...)
		} else {
			b = append(b, "echo reply"...)
		}
		b = append(b, ", id "...)
		b = appendUint(b, uint64(m.ID()))
		b = append(b, ", seq "...)
		b = appendUint(b, uint64(m.Seq()))
	case ICMPUnreachable:
		b = p.appendUnreach(b, d, i, m)
	case ICMPTimeExceeded:
		switch m.Code() {
		case 0:
			b = append(b, "time exceeded in-transit"...)
		case 1:
			b = append(b, "ip reassembly time exceeded"...)
		default:
			b = append(b, "time exceeded-#"...)
			b = appendUint(b, uint64(m.Code()))
		}
	case ICMPRedirect:
		b = append(b, "redirect "...)
		if q, ok := quotedIPv4(d, i); ok {
			b = q.Dst().AppendTo(b)
		}
		b = append(b, " to "...)
		switch m.Code() {
		case 0:
			b = append(b, "net "...)
		case 1:
			b = append(b, "host "...)
		case 2:
			b = append(b, "tos-net "...)
		case 3:
			b = append(b, "tos-host "...)
		}
		b = addr4(m.Gateway()).AppendTo(b)
	default:
		b = append(b, "type-#"...)
		b = appendUint(b, uint64(m.Type()))
	}
	b = append(b, ", length "...)
	b = strconv.AppendInt(b, int64(p.ipPayloadLen(d, i)), 10)
	if p.Options.Verbose > 0 && m.IsError() && i+1 < d.n {
		b = append(b, "\n\t"...)
		return p.lineLayer(b, d, i+1)
	}
	return b
}

func quotedIPv4(d *Decoder, i int) (IPv4, bool) {
	if i+1 < d.n && d.layers[i+1].Type == LayerIPv4 && d.layers[i+1].Malformed == "" {
		l := &d.layers[i+1]
		return IPv4(d.data[l.Start:l.Payload]), true
	}
	return nil, false
}

func (p *LinePrinter) appendUnreach(b []byte, d *Decoder, i int, m ICMPv4) []byte {
	q, ok := quotedIPv4(d, i)
	if !ok {
		b = append(b, "unreachable"...)
		return b
	}
	switch m.Code() {
	case 0:
		b = append(b, "net "...)
		b = q.Dst().AppendTo(b)
		b = append(b, " unreachable"...)
	case 1:
		b = append(b, "host "...)
		b = q.Dst().AppendTo(b)
		b = append(b, " unreachable"...)
	case 2:
		b = q.Dst().AppendTo(b)
		b = append(b, " protocol "...)
		b = appendUint(b, uint64(q.Protocol()))
		b = append(b, " unreachable"...)
	case 3:
		b = q.Dst().AppendTo(b)
		l := &d.layers[i+1]
		port := -1
		if l.Payload+4 <= l.End {
			port = int(be16(d.data[l.Payload+2:]))
		}
		switch q.Protocol() {
		case IPProtoTCP:
			b = append(b, " tcp port "...)
		case IPProtoUDP:
			b = append(b, " udp port "...)
		default:
			b = append(b, " protocol "...)
			b = appendUint(b, uint64(q.Protocol()))
			port = -1
		}
		if port >= 0 {
			b = strconv.AppendInt(b, int64(port), 10)
		}
		b = append(b, " unreachable"...)
	case 4:
		b = q.Dst().AppendTo(b)
		b = append(b, " unreachable - need to frag"...)
		if mtu := m.MTU(); mtu != 0 {
			b = append(b, " (mtu "...)
			b = appendUint(b, uint64(mtu))
			b = append(b, ')')
		}
	default:
		b = q.Dst().AppendTo(b)
		b = append(b, " unreachable - "...)
		b = append(b, unreachText(m.Code())...)
	}
	return b
}

func unreachText(code uint8) string {
	switch code {
	case 5:
		return "source route failed"
	case 6:
		return "dst net unknown"
	case 7:
		return "dst host unknown"
	case 8:
		return "src host isolated"
	case 9:
		return "dst net prohibited"
	case 10:
		return "dst host prohibited"
	case 11:
		return "tos prohibited"
	case 12:
		return "tos host prohibited"
	case 13:
		return "admin prohibited filter"
	case 14:
		return "host precedence violation"
	case 15:
		return "precedence cutoff"
	}
	return "#?"
}

func (p *LinePrinter) lineICMPv6(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	b = append(b, "ICMP6, "...)
	if l.Malformed != "" {
		return append(b, "[|icmp6]"...)
	}
	m := ICMPv6(d.data[l.Start:l.End])
	switch m.Type() {
	case ICMPv6EchoRequest, ICMPv6EchoReply:
		if m.Type() == ICMPv6EchoRequest {
			b = append(b, "echo request"...)
		} else {
			b = append(b, "echo reply"...)
		}
		b = append(b, ", id "...)
		b = appendUint(b, uint64(m.Word()>>16))
		b = append(b, ", seq "...)
		b = appendUint(b, uint64(m.Word()&0xffff))
	case ICMPv6Unreachable:
		b = append(b, "destination unreachable"...)
	case ICMPv6PacketTooBig:
		b = append(b, "packet too big, mtu "...)
		b = appendUint(b, uint64(m.Word()))
	case ICMPv6TimeExceeded:
		b = append(b, "time exceeded in-transit"...)
	case ICMPv6ParamProblem:
		b = append(b, "parameter problem"...)
	case ICMPv6NeighborSolicit:
		b = append(b, "neighbor solicitation, who has "...)
		b = addr16(m[8:24]).AppendTo(b)
	case ICMPv6NeighborAdvert:
		b = append(b, "neighbor advertisement, tgt is "...)
		b = addr16(m[8:24]).AppendTo(b)
	case ICMPv6RouterSolicit:
		b = append(b, "router solicitation"...)
	case ICMPv6RouterAdvert:
		b = append(b, "router advertisement"...)
	case ICMPv6Redirect:
		b = append(b, "redirect, "...)
		b = addr16(m[24:40]).AppendTo(b)
		b = append(b, " to "...)
		b = addr16(m[8:24]).AppendTo(b)
	case ICMPv6MLDQuery:
		if len(m) >= 28 {
			b = append(b, "multicast listener query v2"...)
		} else {
			b = append(b, "multicast listener query"...)
		}
	case ICMPv6MLDReport:
		b = append(b, "multicast listener report"...)
	case ICMPv6MLDDone:
		b = append(b, "multicast listener done"...)
	case ICMPv6MLDv2Report:
		b = append(b, "multicast listener report v2, "...)
		if len(m) >= 8 {
			b = appendUint(b, uint64(be16(m[6:])))
		}
		b = append(b, " group record(s)"...)
	default:
		b = append(b, "type-#"...)
		b = appendUint(b, uint64(m.Type()))
	}
	b = append(b, ", length "...)
	return strconv.AppendInt(b, int64(p.ipPayloadLen(d, i)), 10)
}
