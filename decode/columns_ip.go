package decode

import "strconv"

// colIPProtoNames are Wireshark's names of IP protocols, for the Info of
// fragments and of payloads no dissector takes.
var colIPProtoNames = map[uint8]string{1: "ICMP", 2: "IGMP", 4: "IPIP", 6: "TCP", 17: "UDP", 40: "IL",
	41: "IPv6", 47: "GRE", 50: "ESP", 51: "AH", 58: "ICMPv6", 89: "OSPF", 103: "PIM", 106: "QNX",
	112: "VRRP", 113: "PGM", 132: "SCTP"}

// infoIPv4 appends the Info of an IPv4 packet whose payload is not
// dissected: a fragment's summary, or the protocol's name and number.
func infoIPv4(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	switch h := d.data[l.Start:l.End]; {
	case l.Malformed == ReasonBadHdrLen:
		b = append(b, "Bogus IP header length ("...)
		b = strconv.AppendUint(b, uint64(h[0]&15)*4, 10)
		return append(b, ", must be at least 20)"...)
	case l.Malformed == ReasonBadLength && len(h) >= 20:
		b = append(b, "Bogus IP length ("...)
		b = strconv.AppendUint(b, uint64(be16(h[2:])), 10)
		b = append(b, ", less than header length "...)
		b = strconv.AppendUint(b, uint64(h[0]&15)*4, 10)
		return append(b, ')')
	}
	if l.Payload-l.Start < 20 || l.Malformed != "" {
		return b
	}
	ip := IPv4(d.data[l.Start:l.Payload])
	name, ok := colIPProtoNames[ip.Protocol()]
	if ip.MF() || ip.FragOffset() != 0 {
		b = append(b, "Fragmented IP protocol (proto="...)
		if ok {
			b = append(b, name...)
		} else {
			b = append(b, "Unknown"...)
		}
		b = append(b, ' ')
		b = strconv.AppendUint(b, uint64(ip.Protocol()), 10)
		b = append(b, ", off="...)
		b = strconv.AppendUint(b, uint64(ip.FragOffset())*8, 10)
		b = append(b, ", ID="...)
		b = appendHex4(b, ip.ID())
		return append(b, ')')
	}
	if !ok {
		name = "Unknown"
	}
	b = append(b, name...)
	b = append(b, " ("...)
	b = strconv.AppendUint(b, uint64(ip.Protocol()), 10)
	return append(b, ')')
}

// infoIPv6 appends the Info of an IPv6 packet that ends in its headers.
func infoIPv6(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		switch l.Type {
		case LayerIPv6HopByHop:
			return append(b, "IPv6 hop-by-hop options"...)
		case LayerIPv6Routing:
			return append(b, "IPv6 routing"...)
		}
		return b
	}
	if l.Type == LayerIPv6Fragment {
		return appendIPv6FragInfo(b, d, i)
	}
	var next uint8
	switch {
	case l.Type == LayerIPv6 && l.Payload-l.Start >= ipv6Len:
		next = IPv6(d.data[l.Start:l.Payload]).NextHeader()
	case l.Type != LayerIPv6 && l.Payload-l.Start >= 2:
		next = d.data[l.Start]
	default:
		return b
	}
	if next == 59 {
		return append(b, "IPv6 no next header"...)
	}
	return b
}

// ipv6FinalDst returns the final destination a routing header (layer j)
// names when segments are left, or ok false.
func ipv6FinalDst(d *Decoder, j int) (a []byte, ok bool) {
	l := &d.layers[j]
	x := d.data[l.Start:l.Payload]
	if len(x) < 8 || x[3] == 0 {
		return nil, false
	}
	switch x[2] {
	case 0: // the last address of the list
		if n := (len(x) - 8) / 16; n > 0 {
			return x[8+16*(n-1) : 8+16*n], true
		}
	case 2: // the home address
		if len(x) >= 24 {
			return x[8:24], true
		}
	case 4: // segment routing: the first entry of the list is the last hop
		if len(x) >= 24 {
			return x[8:24], true
		}
	}
	return nil, false
}
