package synth

import "encoding/binary"

const (
	etherIPv4 = 0x0800
	etherIPv6 = 0x86dd
	etherARP  = 0x0806
	etherVLAN = 0x8100
)

// l2 writes the Ethernet (and optional 802.1Q) header and returns its length.
func l2(b []byte, dst, src [6]byte, vlan uint16, etype uint16) int {
	copy(b[0:6], dst[:])
	copy(b[6:12], src[:])
	if vlan != 0 {
		binary.BigEndian.PutUint16(b[12:], etherVLAN)
		binary.BigEndian.PutUint16(b[14:], vlan)
		binary.BigEndian.PutUint16(b[16:], etype)
		return 18
	}
	binary.BigEndian.PutUint16(b[12:], etype)
	return 14
}

func l2len(vlan uint16) int {
	if vlan != 0 {
		return 18
	}
	return 14
}

// csum folds the one's-complement sum of b onto s.
func csum(s uint32, b []byte) uint32 {
	for len(b) >= 2 {
		s += uint32(binary.BigEndian.Uint16(b))
		b = b[2:]
	}
	if len(b) == 1 {
		s += uint32(b[0]) << 8
	}
	return s
}

func fold(s uint32) uint16 {
	for s>>16 != 0 {
		s = s&0xffff + s>>16
	}
	return ^uint16(s)
}

// ipv4 writes a 20-byte IPv4 header for a payload of n bytes.
func (g *Generator) ipv4(b []byte, src, dst [4]byte, proto byte, n int, ttl byte) {
	b[0] = 0x45
	binary.BigEndian.PutUint16(b[2:], uint16(20+n))
	g.ipid++
	binary.BigEndian.PutUint16(b[4:], g.ipid)
	b[6] = 0x40 // DF
	b[8] = ttl
	b[9] = proto
	copy(b[12:16], src[:])
	copy(b[16:20], dst[:])
	binary.BigEndian.PutUint16(b[10:], fold(csum(0, b[:20])))
}

func ipv6(b []byte, src, dst [16]byte, next byte, n int, hlim byte) {
	b[0] = 0x60
	binary.BigEndian.PutUint16(b[4:], uint16(n))
	b[6] = next
	b[7] = hlim
	copy(b[8:24], src[:])
	copy(b[24:40], dst[:])
}

// l4sum computes a TCP/UDP/ICMPv6 checksum over the pseudo-header and seg.
func l4sum(v6 bool, src, dst []byte, proto byte, seg []byte) uint16 {
	s := csum(0, src)
	s = csum(s, dst)
	s += uint32(proto) + uint32(len(seg))
	s = csum(s, seg)
	c := fold(s)
	if c == 0 && proto == 17 {
		c = 0xffff
	}
	return c
}

// ipPacket lays out link and IP headers for a flow-like endpoint pair and
// returns the frame and the offset of the transport header.
func (g *Generator) ipPacket(v6 bool, vlan uint16, from, to addr, proto byte, l4 int) ([]byte, int) {
	ll := l2len(vlan)
	ih := 20
	et := uint16(etherIPv4)
	if v6 {
		ih, et = 40, etherIPv6
	}
	b := g.frame(ll + ih + l4)
	l2(b, to.mac, from.mac, vlan, et)
	if v6 {
		ipv6(b[ll:], from.ip6, to.ip6, proto, l4, 64)
	} else {
		g.ipv4(b[ll:], from.ip4, to.ip4, proto, l4, 64)
	}
	return b, ll + ih
}

func finishL4(b []byte, off int, v6 bool, proto byte, sumAt int) {
	ll := off - 20
	src, dst := b[ll+12:ll+16], b[ll+16:ll+20]
	if v6 {
		ll = off - 40
		src, dst = b[ll+8:ll+24], b[ll+24:ll+40]
	}
	binary.BigEndian.PutUint16(b[off+sumAt:], 0)
	binary.BigEndian.PutUint16(b[off+sumAt:], l4sum(v6, src, dst, proto, b[off:]))
}

const (
	tcpFIN = 1 << iota
	tcpSYN
	tcpRST
	tcpPSH
	tcpACK
)

// tcp emits one segment of f; fromCli picks the direction.
func (g *Generator) tcp(f *flow, fromCli bool, flags byte, payload int) {
	opt := 12 // NOP NOP timestamps
	if flags&tcpSYN != 0 {
		opt = 20 // MSS, SACK-permitted, timestamps, NOP, window scale
	}
	from, to := f.cli, f.srv
	sp, dp := f.cport, f.sport
	seq, ack := &f.cseq, f.sseq
	if !fromCli {
		from, to, sp, dp = f.srv, f.cli, f.sport, f.cport
		seq, ack = &f.sseq, f.cseq
	}
	b, off := g.ipPacket(f.v6, f.vlan, from, to, 6, 20+opt+payload)
	t := b[off:]
	binary.BigEndian.PutUint16(t[0:], sp)
	binary.BigEndian.PutUint16(t[2:], dp)
	binary.BigEndian.PutUint32(t[4:], *seq)
	if flags&tcpACK != 0 {
		binary.BigEndian.PutUint32(t[8:], ack)
	}
	t[12] = byte((20+opt)/4) << 4
	t[13] = flags
	binary.BigEndian.PutUint16(t[14:], 502)
	o := t[20:]
	f.tsval += uint32(1 + g.intn(3))
	if flags&tcpSYN != 0 {
		binary.BigEndian.PutUint16(t[14:], 64240)
		copy(o, []byte{2, 4, 0x05, 0xb4, 4, 2, 8, 10})
		binary.BigEndian.PutUint32(o[8:], f.tsval)
		copy(o[16:], []byte{1, 3, 3, 7})
	} else {
		copy(o, []byte{1, 1, 8, 10})
		binary.BigEndian.PutUint32(o[4:], f.tsval)
		binary.BigEndian.PutUint32(o[8:], f.tsval-7)
	}
	g.fillPayload(f, fromCli, t[20+opt:], *seq)
	finishL4(b, off, f.v6, 6, 16)
	adv := uint32(payload)
	if flags&(tcpSYN|tcpFIN) != 0 {
		adv++
	}
	*seq += adv
}

// tcpStep advances a flow by one exchange: handshake, a data burst with an
// ACK, or the close.
func (g *Generator) tcpStep(f *flow) {
	switch {
	case f.state == 0:
		g.tcp(f, true, tcpSYN, 0)
		g.tcp(f, false, tcpSYN|tcpACK, 0)
		g.tcp(f, true, tcpACK, 0)
		f.state = 1
		if f.req = g.request(f); f.req != nil {
			g.tcp(f, true, tcpACK|tcpPSH, len(f.req))
			g.tcp(f, false, tcpACK, 0)
		}
	case f.left > 0:
		// Mostly one full segment per ACK, as a delayed-ACK receiver on a
		// short path does; sometimes a client push with the server's ACK.
		n := 1 + g.intn(2)
		for range n {
			g.tcp(f, false, tcpACK, 1448)
		}
		g.tcp(f, true, tcpACK, 0)
		if f.sport != 80 && f.sport != 8080 && g.intn(4) == 0 {
			g.tcp(f, true, tcpACK|tcpPSH, 20+g.intn(100))
			g.tcp(f, false, tcpACK, 0)
		}
		f.left -= n
	default:
		g.tcp(f, true, tcpFIN|tcpACK, 0)
		g.tcp(f, false, tcpFIN|tcpACK, 0)
		g.tcp(f, true, tcpACK, 0)
		g.resetFlow(f)
	}
}
