package synth

import "encoding/binary"

var names = []string{"example.com", "www.example.org", "api.example.net", "mail.example.com", "cdn.example.org"}

// dns emits a query and its answer over UDP.
func (g *Generator) dns() {
	cli, srv := g.host(true), g.host(false)
	v6 := g.intn(5) == 0
	id := uint16(g.rand())
	sport := uint16(32768 + g.intn(28000))
	name := names[g.intn(len(names))]
	qtype := uint16(1)
	if g.intn(3) == 0 {
		qtype = 28
	}
	q := encodeName(name)
	// query
	n := 12 + len(q) + 4
	b, off := g.ipPacket(v6, 0, cli, srv, 17, 8+n)
	d := b[off+8:]
	binary.BigEndian.PutUint16(d[0:], id)
	binary.BigEndian.PutUint16(d[2:], 0x0100) // RD
	binary.BigEndian.PutUint16(d[4:], 1)
	copy(d[12:], q)
	binary.BigEndian.PutUint16(d[12+len(q):], qtype)
	binary.BigEndian.PutUint16(d[14+len(q):], 1)
	udp(b, off, v6, sport, 53)
	// answer: the question, then one record pointing back at it
	rdlen := 4
	if qtype == 28 {
		rdlen = 16
	}
	n = 12 + len(q) + 4 + 12 + rdlen
	b, off = g.ipPacket(v6, 0, srv, cli, 17, 8+n)
	d = b[off+8:]
	binary.BigEndian.PutUint16(d[0:], id)
	binary.BigEndian.PutUint16(d[2:], 0x8180)
	binary.BigEndian.PutUint16(d[4:], 1)
	binary.BigEndian.PutUint16(d[6:], 1)
	copy(d[12:], q)
	a := d[12+len(q):]
	binary.BigEndian.PutUint16(a[0:], qtype)
	binary.BigEndian.PutUint16(a[2:], 1)
	a = a[4:]
	binary.BigEndian.PutUint16(a[0:], 0xc00c)
	binary.BigEndian.PutUint16(a[2:], qtype)
	binary.BigEndian.PutUint16(a[4:], 1)
	binary.BigEndian.PutUint32(a[6:], 300)
	binary.BigEndian.PutUint16(a[10:], uint16(rdlen))
	r := g.rand()
	if qtype == 28 {
		copy(a[12:], srv.ip6[:])
		binary.BigEndian.PutUint64(a[20:], r)
	} else {
		binary.BigEndian.PutUint32(a[12:], 0xc6336400|uint32(r&0xff))
	}
	udp(b, off, v6, 53, sport)
}

func encodeName(s string) []byte {
	var out []byte
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			out = append(out, byte(i-start))
			out = append(out, s[start:i]...)
			start = i + 1
		}
	}
	return append(out, 0)
}

func udp(b []byte, off int, v6 bool, sp, dp uint16) {
	u := b[off:]
	binary.BigEndian.PutUint16(u[0:], sp)
	binary.BigEndian.PutUint16(u[2:], dp)
	binary.BigEndian.PutUint16(u[4:], uint16(len(u)))
	finishL4(b, off, v6, 17, 6)
}

// icmpEcho emits an echo request and its reply (ICMP or ICMPv6).
func (g *Generator) icmpEcho() {
	a, z := g.host(true), g.host(false)
	v6 := g.intn(4) == 0
	id, seq := uint16(g.rand()), uint16(g.intn(100))
	for i, pair := range [2][2]addr{{a, z}, {z, a}} {
		proto := byte(1)
		typ := [2]byte{8, 0}[i]
		if v6 {
			proto, typ = 58, [2]byte{128, 129}[i]
		}
		b, off := g.ipPacket(v6, 0, pair[0], pair[1], proto, 8+56)
		m := b[off:]
		m[0] = typ
		binary.BigEndian.PutUint16(m[4:], id)
		binary.BigEndian.PutUint16(m[6:], seq)
		for j := 8; j < len(m); j++ {
			m[j] = byte(j)
		}
		if v6 {
			finishL4(b, off, true, 58, 2)
		} else {
			binary.BigEndian.PutUint16(m[2:], fold(csum(0, m)))
		}
	}
}

// arp emits a who-has broadcast and its reply.
func (g *Generator) arp() {
	a, z := g.host(true), g.host(true)
	bcast := [6]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
	for i := range 2 {
		b := g.frame(42)
		from, to, dst := a, z, bcast
		if i == 1 {
			from, to, dst = z, a, a.mac
		}
		l2(b, dst, from.mac, 0, etherARP)
		p := b[14:]
		binary.BigEndian.PutUint16(p[0:], 1)
		binary.BigEndian.PutUint16(p[2:], etherIPv4)
		p[4], p[5] = 6, 4
		binary.BigEndian.PutUint16(p[6:], uint16(1+i))
		copy(p[8:], from.mac[:])
		copy(p[14:], from.ip4[:])
		if i == 1 {
			copy(p[18:], to.mac[:])
		}
		copy(p[24:], to.ip4[:])
	}
}
