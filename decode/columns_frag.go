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
	src, dst [4]byte
	id       uint16
	proto    uint8
	first    bool    // the fragment at offset 0 was seen
	head     [8]byte // the first 8 bytes of the datagram's payload
	have     int     // payload bytes seen
	total    int     // payload length, known from the last fragment (0 until then)
}

// trackFrag handles IPv4 layer j when it is a fragment; it reports whether
// the row is the reassembled datagram (whose header p.fragHead holds), and
// whether the fragment is one tshark reassembles at all (not one cut by
// the snapshot length, whose payload tshark dissects as it is).
func (p *ColumnsPrinter) trackFrag(d *Decoder, j int) (reassembled, whole bool) {
	l := &d.layers[j]
	ip := IPv4(d.data[l.Start:l.Payload])
	if !ip.MF() && ip.FragOffset() == 0 {
		return false, false
	}
	if p.frags == nil {
		p.frags = make([]colFrag, colFragSlots)
	}
	src, dst := [4]byte(ip[12:16]), [4]byte(ip[16:20])
	h := uint32(ip.ID())*2654435761 ^ uint32(src[3])<<8 ^ uint32(dst[3]) ^ uint32(ip.Protocol())<<16
	e := &p.frags[h>>8%colFragSlots]
	if !e.used || e.src != src || e.dst != dst || e.id != ip.ID() || e.proto != ip.Protocol() {
		*e = colFrag{used: true, src: src, dst: dst, id: ip.ID(), proto: ip.Protocol()}
	}
	n := int(ip.TotalLength()) - ip.HeaderLen()
	if n < 0 || l.End-l.Payload < n {
		return false, false // cut by the snapshot length
	}
	off := int(ip.FragOffset()) * 8
	if off == 0 {
		e.first = true
		copy(e.head[:], d.data[l.Payload:l.End])
	}
	e.have += n
	if !ip.MF() {
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
		if e.head[0] != ICMPEcho && e.head[0] != ICMPEchoReply {
			return false, true
		}
	default:
		return false, true
	}
	p.fragHead, p.fragProto, p.fragLen = e.head, e.proto, e.total
	return true, true
}

// appendFragInfo appends the Info of a reassembled UDP datagram or ICMP
// echo from its first 8 bytes.
func (p *ColumnsPrinter) appendFragInfo(b []byte, d *Decoder, j int) []byte {
	h := p.fragHead[:]
	if p.fragProto == 17 {
		b = colPorts(b, be16(h), be16(h[2:]))
		b = append(b, " Len="...)
		return strconv.AppendInt(b, int64(be16(h[4:]))-udpLen, 10)
	}
	name := icmpTypeNames[h[0]]
	b = appendPadded(b, name, 20)
	id, seq := be16(h[4:]), be16(h[6:])
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
