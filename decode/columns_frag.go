package decode

import "strconv"

// This file follows IPv4 fragments as tshark's reassembly shows them in one
// pass: every fragment but the one that completes the datagram is an IPv4
// row "Fragmented IP protocol (…)", and the completing one shows the
// reassembled UDP datagram or ICMP echo. Other reassembled protocols keep
// the fragment row (rawcap does not rebuild their bytes).

// colFragSlots bounds the datagrams being reassembled. The table is
// direct-mapped: a datagram whose slot another takes is forgotten, and its
// last fragment then shows as a fragment row.
const colFragSlots = 256

type colFrag struct {
	used     bool
	v6       bool
	src, dst [16]byte
	id       uint32
	proto    uint8
	first    bool    // the fragment at offset 0 was seen
	head     [8]byte // the first 8 bytes of the datagram's payload
	have     int     // payload bytes seen
	total    int     // payload length, known from the last fragment (0 until then)
}

// trackFrag handles layer j, an IPv4 header or an IPv6 fragment header,
// when it is a fragment; it reports whether the row is the reassembled
// datagram (whose header p.fragHead holds), and whether the fragment is one
// tshark reassembles at all (not one cut by the snapshot length, whose
// payload tshark dissects as it is).
func (p *ColumnsPrinter) trackFrag(d *Decoder, j int) (reassembled, whole bool) {
	l := &d.layers[j]
	var (
		v6       bool
		src, dst [16]byte
		id       uint32
		proto    uint8
		off, n   int
		more     bool
	)
	if l.Type == LayerIPv4 {
		ip := IPv4(d.data[l.Start:l.Payload])
		if !ip.MF() && ip.FragOffset() == 0 {
			return false, false
		}
		src, dst = ip.Src().As16(), ip.Dst().As16()
		id, proto = uint32(ip.ID()), ip.Protocol()
		off, n, more = int(ip.FragOffset())*8, int(ip.TotalLength())-ip.HeaderLen(), ip.MF()
	} else {
		k := colIPv6Before(d, j)
		if k < 0 {
			return false, false
		}
		ip := IPv6(d.data[d.layers[k].Start : d.layers[k].Start+ipv6Len])
		x := IPv6Ext(d.data[l.Start:l.Payload])
		v6, src, dst = true, ip.Src().As16(), ip.Dst().As16()
		id, proto = x.FragID(), x.NextHeader()
		off, more = int(x.FragOffset())*8, x.MoreFragments()
		if off == 0 && !more {
			return false, false // an atomic fragment (RFC 6946): nothing to reassemble
		}
		n = d.layers[k].Start + ipv6Len + int(ip.PayloadLength()) - l.Payload
	}
	if p.frags == nil {
		p.frags = make([]colFrag, colFragSlots)
	}
	h := id*2654435761 ^ uint32(src[15])<<8 ^ uint32(dst[15]) ^ uint32(proto)<<16
	e := &p.frags[h>>8%colFragSlots]
	if !e.used || e.v6 != v6 || e.src != src || e.dst != dst || e.id != id || e.proto != proto {
		*e = colFrag{used: true, v6: v6, src: src, dst: dst, id: id, proto: proto}
	}
	if n < 0 || l.End-l.Payload < n {
		return false, false // cut by the snapshot length
	}
	if off == 0 {
		e.first = true
		copy(e.head[:], d.data[l.Payload:l.End])
	}
	e.have += n
	if !more {
		e.total = off + n
	}
	if !e.first || e.total == 0 || e.have != e.total {
		return false, true
	}
	e.used = false
	switch e.proto {
	case 17: // UDP, unless a port names a protocol rawcap would dissect
		sp, dp := be16(e.head[0:]), be16(e.head[2:])
		if d.Ports.Lookup(TransportUDP, sp, dp) != LayerNone {
			return false, true
		}
	case 1: // ICMP echo
		if v6 || e.head[0] != ICMPEcho && e.head[0] != ICMPEchoReply {
			return false, true
		}
	case 58: // ICMPv6 echo
		if !v6 || e.head[0] != ICMPv6EchoRequest && e.head[0] != ICMPv6EchoReply {
			return false, true
		}
	default:
		return false, true
	}
	p.fragHead, p.fragProto, p.fragLen = e.head, e.proto, e.total
	return true, true
}

// colIPv6Before returns the index of the IPv6 header before layer j, or -1.
func colIPv6Before(d *Decoder, j int) int {
	for k := j - 1; k >= 0; k-- {
		switch d.layers[k].Type {
		case LayerIPv6:
			return k
		case LayerIPv6HopByHop, LayerIPv6Routing, LayerIPv6DestOpts, LayerIPv6Fragment:
		default:
			return -1
		}
	}
	return -1
}

// appendIPv6FragInfo appends "IPv6 fragment (off=… more=… ident=… nxt=…)".
func appendIPv6FragInfo(b []byte, d *Decoder, j int) []byte {
	l := &d.layers[j]
	x := IPv6Ext(d.data[l.Start:l.Payload])
	b = append(b, "IPv6 fragment (off="...)
	b = strconv.AppendUint(b, uint64(x.FragOffset())*8, 10)
	b = append(b, " more="...)
	if x.MoreFragments() {
		b = append(b, 'y')
	} else {
		b = append(b, 'n')
	}
	b = append(b, " ident=0x"...)
	b = appendHex4(b, uint16(x.FragID()>>16))
	b = appendHex4(b, uint16(x.FragID()))
	b = append(b, " nxt="...)
	b = strconv.AppendUint(b, uint64(x.NextHeader()), 10)
	return append(b, ')')
}

// appendFragInfo appends the Info of a reassembled UDP datagram or ICMP
// echo from its first 8 bytes.
func (p *ColumnsPrinter) appendFragInfo(b []byte, d *Decoder, j int) []byte {
	h := p.fragHead[:]
	if p.fragProto == 17 {
		b = colPorts(b, be16(h), be16(h[2:]))
		b = append(b, " Len="...)
		b = strconv.AppendInt(b, int64(be16(h[4:]))-udpLen, 10)
		if d.layers[j].Type != LayerIPv4 && be16(h[6:]) == 0 {
			b = append(b, " [ILLEGAL CHECKSUM (0)]"...)
		}
		return b
	}
	id, seq := be16(h[4:]), be16(h[6:])
	if p.fragProto == 58 {
		b = append(b, icmpv6TypeName(h[0])...)
		b = append(b, " id=0x"...)
		b = appendHex4(b, id)
		b = append(b, ", seq="...)
		b = strconv.AppendUint(b, uint64(seq), 10)
		k := colIPv6Before(d, j)
		ip := IPv6(d.data[d.layers[k].Start : d.layers[k].Start+ipv6Len])
		b = append(b, ", hop limit="...)
		b = strconv.AppendUint(b, uint64(ip.HopLimit()), 10)
		if h[0] == ICMPv6EchoRequest {
			p.pings.request(true, ip.Src(), ip.Dst(), id, seq, p.number, icmpv6ReplySum(be16(h[2:])))
		} else if n := p.pings.reply(true, ip.Src(), ip.Dst(), id, seq, be16(h[2:])); n > 0 {
			b = append(b, " (request in "...)
			b = strconv.AppendInt(b, int64(n), 10)
			b = append(b, ')')
		}
		return b
	}
	b = appendPadded(b, icmpTypeNames[h[0]], 20)
	b = append(b, " id=0x"...)
	b = appendHex4(b, id)
	b = append(b, ", seq="...)
	b = strconv.AppendUint(b, uint64(seq), 10)
	b = append(b, '/')
	b = strconv.AppendUint(b, uint64(seq>>8|seq<<8), 10)
	l := &d.layers[j]
	ip := IPv4(d.data[l.Start:l.Payload])
	b = append(b, ", ttl="...)
	b = strconv.AppendUint(b, uint64(ip.TTL()), 10)
	src, dst := ip.Src(), ip.Dst()
	if h[0] == ICMPEcho {
		p.pings.request(false, src, dst, id, seq, p.number, icmpReplySum(be16(h[2:])))
	} else if n := p.pings.reply(false, src, dst, id, seq, be16(h[2:])); n > 0 {
		b = append(b, " (request in "...)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, ')')
	}
	return b
}
