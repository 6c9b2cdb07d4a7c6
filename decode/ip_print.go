package decode

import (
	"net/netip"
	"strconv"
)

// ipAddrs returns the addresses of the IP header nearest before layer i.
func ipAddrs(d *Decoder, i int) (src, dst netip.Addr, v6 bool) {
	for j := i - 1; j >= 0; j-- {
		l := &d.layers[j]
		switch l.Type {
		case LayerIPv4:
			ip := IPv4(d.data[l.Start:l.Payload])
			return ip.Src(), ip.Dst(), false
		case LayerIPv6:
			ip := IPv6(d.data[l.Start : l.Start+ipv6Len])
			return ip.Src(), ip.Dst(), true
		}
	}
	return netip.Addr{}, netip.Addr{}, false
}

// hasPorts reports whether layer i prints the addresses itself (with ports).
func hasPorts(d *Decoder, i int) bool {
	if i >= d.n {
		return false
	}
	switch d.layers[i].Type {
	case LayerTCP, LayerUDP:
		return true
	}
	return false
}

func (p *LinePrinter) lineIPv4(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" && l.Payload == l.Start {
		return append(b, "IP [|ip]"...)
	}
	ip := IPv4(d.data[l.Start:l.Payload])
	if !p.Options.Link || l.Quoted || i > 2 {
		b = append(b, "IP "...)
	}
	if p.Options.Verbose > 0 {
		b = append(b, "(tos 0x"...)
		b = appendHexMin(b, uint64(ip.TOS()))
		switch ip.TOS() & 3 {
		case 1:
			b = append(b, ",ECT(1)"...)
		case 2:
			b = append(b, ",ECT(0)"...)
		case 3:
			b = append(b, ",CE"...)
		}
		b = append(b, ", ttl "...)
		b = appendUint(b, uint64(ip.TTL()))
		b = append(b, ", id "...)
		b = appendUint(b, uint64(ip.ID()))
		b = append(b, ", offset "...)
		b = appendUint(b, uint64(ip.FragOffset())*8)
		b = append(b, ", flags ["...)
		switch f := ip.Flags(); {
		case f&7 == 0:
			b = append(b, "none"...)
		default:
			if f&4 != 0 {
				b = append(b, "rsvd"...)
			}
			if f&2 != 0 {
				b = append(b, "DF"...)
			}
			if f&1 != 0 {
				b = append(b, '+')
			}
		}
		b = append(b, "], proto "...)
		if n := ipProtoName(ip.Protocol()); n != "" {
			b = append(b, n...)
		} else {
			b = append(b, "unknown"...)
		}
		b = append(b, " ("...)
		b = appendUint(b, uint64(ip.Protocol()))
		b = append(b, "), length "...)
		b = appendUint(b, uint64(ip.TotalLength()))
		if !ip.ChecksumOK() && !l.Quoted {
			b = append(b, ", bad cksum "...)
			b = appendHexMin(b, uint64(ip.Checksum()))
			b = append(b, " (->"...)
			b = appendHexMin(b, uint64(ip.ComputeChecksum()))
			b = append(b, ")!"...)
		}
		b = append(b, ")\n    "...)
	}
	if hasPorts(d, i+1) {
		return p.lineLayer(b, d, i+1)
	}
	b = ip.Src().AppendTo(b)
	b = append(b, " > "...)
	b = ip.Dst().AppendTo(b)
	b = append(b, ": "...)
	if i+1 >= d.n || d.layers[i+1].Type == LayerPayload {
		b = append(b, "ip-proto-"...)
		b = appendUint(b, uint64(ip.Protocol()))
		b = append(b, ' ')
		return strconv.AppendInt(b, int64(l.End-l.Payload), 10)
	}
	return p.lineLayer(b, d, i+1)
}

func (p *LinePrinter) lineIPv6(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return append(b, "IP6 [|ip6]"...)
	}
	ip := IPv6(d.data[l.Start:l.Payload])
	if !p.Options.Link || l.Quoted || i > 2 {
		b = append(b, "IP6 "...)
	}
	if p.Options.Verbose > 0 {
		b = append(b, '(')
		if c := ip.TrafficClass(); c != 0 {
			b = append(b, "class 0x"...)
			b = appendHexMin(b, uint64(c))
			b = append(b, ", "...)
		}
		if f := ip.FlowLabel(); f != 0 {
			b = append(b, "flowlabel 0x"...)
			b = append(b, hexDigits[f>>16&15])
			b = appendHex4(b, uint16(f))
			b = append(b, ", "...)
		}
		b = append(b, "hlim "...)
		b = appendUint(b, uint64(ip.HopLimit()))
		b = append(b, ", next-header "...)
		if n := ipProtoName(ip.NextHeader()); n != "" {
			b = append(b, n...)
		} else {
			b = append(b, "unknown"...)
		}
		b = append(b, " ("...)
		b = appendUint(b, uint64(ip.NextHeader()))
		b = append(b, ") payload length: "...)
		b = appendUint(b, uint64(ip.PayloadLength()))
		b = append(b, ") "...)
	}
	j := i + 1
	for j < d.n && isIPv6Ext(d.layers[j].Type) {
		j++
	}
	if hasPorts(d, j) && j == i+1 {
		return p.lineLayer(b, d, i+1)
	}
	b = ip.Src().AppendTo(b)
	b = append(b, " > "...)
	b = ip.Dst().AppendTo(b)
	b = append(b, ": "...)
	if i+1 >= d.n || d.layers[i+1].Type == LayerPayload {
		b = append(b, "ip-proto-"...)
		b = appendUint(b, uint64(ip.NextHeader()))
		b = append(b, ' ')
		return strconv.AppendInt(b, int64(l.End-l.Payload), 10)
	}
	return p.lineLayer(b, d, i+1)
}

func isIPv6Ext(t LayerType) bool {
	switch t {
	case LayerIPv6HopByHop, LayerIPv6Routing, LayerIPv6Fragment, LayerIPv6DestOpts:
		return true
	}
	return false
}

func (p *LinePrinter) lineIPv6Ext(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	switch l.Type {
	case LayerIPv6HopByHop:
		b = append(b, "HBH "...)
	case LayerIPv6DestOpts:
		b = append(b, "DSTOPT "...)
	case LayerIPv6Routing:
		b = append(b, "srcrt "...)
	case LayerIPv6Fragment:
		if l.Malformed == "" {
			x := IPv6Ext(d.data[l.Start:l.Payload])
			b = append(b, "frag (0x"...)
			b = strconv.AppendUint(b, uint64(x.FragID()), 16)
			b = append(b, ':')
			b = appendUint(b, uint64(x.FragOffset())*8)
			b = append(b, '|')
			b = strconv.AppendInt(b, int64(l.End-l.Payload), 10)
			b = append(b, ") "...)
		}
	}
	if l.Malformed != "" {
		return append(b, "[|ip6]"...)
	}
	return p.lineLayer(b, d, i+1)
}

func (p *LinePrinter) lineARP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	b = append(b, "ARP, "...)
	if l.Malformed != "" {
		return append(b, "[|arp]"...)
	}
	a := ARP(d.data[l.Start:l.Payload])
	if !a.IsEthernetIPv4() {
		return append(b, "[|arp]"...)
	}
	sha, spa := MAC(a.SenderHW()), addr4(a.SenderProto())
	tha, tpa := MAC(a.TargetHW()), addr4(a.TargetProto())
	switch a.Op() {
	case 1:
		b = append(b, "Request who-has "...)
		b = tpa.AppendTo(b)
		if tha != (MAC{}) {
			b = append(b, " ("...)
			b = tha.AppendTo(b)
			b = append(b, ')')
		}
		b = append(b, " tell "...)
		b = spa.AppendTo(b)
	case 2:
		b = append(b, "Reply "...)
		b = spa.AppendTo(b)
		b = append(b, " is-at "...)
		b = sha.AppendTo(b)
	case 3:
		b = append(b, "Reverse Request who-is "...)
		b = tha.AppendTo(b)
		b = append(b, " tell "...)
		b = sha.AppendTo(b)
	case 4:
		b = append(b, "Reverse Reply "...)
		b = tha.AppendTo(b)
		b = append(b, " at "...)
		b = tpa.AppendTo(b)
	default:
		b = append(b, "ar_op "...)
		b = appendUint(b, uint64(a.Op()))
	}
	b = append(b, ", length "...)
	return strconv.AppendInt(b, int64(p.wire-l.Start), 10)
}
