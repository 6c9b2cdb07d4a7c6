package synth

import (
	"encoding/binary"
	"time"
)

// Packet is one generated frame: Ethernet bytes and a capture time.
type Packet struct {
	Data []byte
	Time time.Time
}

// Generator yields an endless deterministic stream of Ethernet frames.
type Generator struct {
	rng     uint64
	now     time.Time
	buf     []byte
	queue   [][]byte // frames built but not yet returned (a flow emits several)
	qbuf    [][]byte // backing storage reused between flows
	flows   []flow
	ipid    uint16
	scratch []byte
}

type flow struct {
	v6         bool
	vlan       uint16
	cli, srv   addr
	cport      uint16
	sport      uint16
	cseq, sseq uint32
	state      int // 0 closed, 1 established
	left       int // data segments left
	tsval      uint32
	req        []byte // request still to send (aliases Generator.scratch)
	firstResp  bool   // the next server segment starts the response
}

type addr struct {
	mac [6]byte
	ip4 [4]byte
	ip6 [16]byte
}

// New returns a Generator seeded with seed, whose first packet is stamped at start.
func New(seed uint64, start time.Time) *Generator {
	g := &Generator{rng: seed*2862933555777941757 + 3037000493, now: start, buf: make([]byte, 0, 2048)}
	for i := range 64 {
		g.flows = append(g.flows, flow{})
		g.resetFlow(&g.flows[i])
	}
	return g
}

func (g *Generator) rand() uint64 {
	// xorshift64*: small, fast, deterministic.
	g.rng ^= g.rng >> 12
	g.rng ^= g.rng << 25
	g.rng ^= g.rng >> 27
	return g.rng * 2685821657736338717
}

func (g *Generator) intn(n int) int { return int(g.rand() % uint64(n)) }

func (g *Generator) host(lan bool) addr {
	var a addr
	r := g.rand()
	binary.BigEndian.PutUint32(a.mac[2:], uint32(r))
	a.mac[0], a.mac[1] = 0x02, byte(r>>32)
	if lan {
		a.ip4 = [4]byte{10, 1, byte(r >> 40), byte(r>>48) | 1}
	} else {
		a.ip4 = [4]byte{198, 51, 100, byte(r>>48) | 1}
	}
	a.ip6 = [16]byte{0x20, 0x01, 0x0d, 0xb8, 0, 1}
	binary.BigEndian.PutUint64(a.ip6[8:], r|1)
	return a
}

func (g *Generator) resetFlow(f *flow) {
	f.v6 = g.intn(10) == 0
	f.vlan = 0
	if g.intn(12) == 0 {
		f.vlan = uint16(100 + g.intn(4))
	}
	f.cli, f.srv = g.host(true), g.host(false)
	f.cport = uint16(32768 + g.intn(28000))
	f.sport = [...]uint16{443, 443, 443, 80, 22, 8080}[g.intn(6)]
	f.cseq, f.sseq = uint32(g.rand()), uint32(g.rand())
	f.state = 0
	f.left = 4 + g.intn(200)
	f.tsval = uint32(g.rand())
	f.req = nil
	f.firstResp = true
}

// Next returns the next frame. Its Data is valid until the following call.
func (g *Generator) Next() Packet {
	for len(g.queue) == 0 {
		g.fill()
	}
	d := g.queue[0]
	g.queue = g.queue[1:]
	g.now = g.now.Add(time.Duration(1+g.intn(40)) * time.Microsecond)
	return Packet{Data: d, Time: g.now}
}

// fill builds the next few frames of a randomly chosen activity.
func (g *Generator) fill() {
	g.queue = g.qbuf[:0]
	g.buf = g.buf[:0]
	switch r := g.intn(1000); {
	case r < 30:
		g.dns()
	case r < 40:
		g.icmpEcho()
	case r < 45:
		g.arp()
	default:
		g.tcpStep(&g.flows[g.intn(len(g.flows))])
	}
	g.qbuf = g.queue
}

// frame reserves n bytes in a fresh slot of the queue and returns it.
func (g *Generator) frame(n int) []byte {
	i := len(g.queue)
	if i < cap(g.queue) {
		g.queue = g.queue[:i+1]
		if cap(g.queue[i]) >= n {
			g.queue[i] = g.queue[i][:n]
			clear(g.queue[i])
			return g.queue[i]
		}
		g.queue[i] = make([]byte, n, max(n, 1600))
		return g.queue[i]
	}
	b := make([]byte, n, max(n, 1600))
	g.queue = append(g.queue, b)
	return b
}
