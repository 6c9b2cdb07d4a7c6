package decode

import (
	"net/netip"
	"time"
)

// treeReqSlots bounds the request table: requests are remembered in a
// direct-mapped table of this many slots, a new request replacing whatever
// its slot held. A response whose request was replaced (or never seen) gets
// no link lines: tshark's one pass could not name it either.
const treeReqSlots = 4096

// Kinds of requests remembered.
const (
	reqICMP = 1 + iota
	reqICMPv6
	reqDNS
)

type treeReq struct {
	kind   uint8
	src    [16]byte // the request's source and destination
	dst    [16]byte
	key    uint64 // echo: id<<16|seq; DNS: ports<<16|id
	number int    // frame number of the request
	time   time.Time
	// answered is set once a response named the request: a request
	// seen again before that is a retransmission, and responses keep
	// naming the original.
	answered bool
}

// treeReqs links responses to their requests, as tshark does in one pass:
// ICMP and ICMPv6 echo replies, DNS responses.
type treeReqs struct {
	slots []treeReq
}

func reqSlot(kind uint8, a, b [16]byte, key uint64) int {
	h := uint64(kind) * 0x9e3779b97f4a7c15
	h ^= le64(a[:8]) ^ le64(a[8:])*31 ^ le64(b[:8])*7 ^ le64(b[8:])*131
	h = (h ^ key) * 0xff51afd7ed558ccd
	return int(h >> 52 % treeReqSlots)
}

// request remembers a request from src to dst.
func (r *treeReqs) request(kind uint8, src, dst netip.Addr, key uint64, f *Frame) {
	if r.slots == nil {
		r.slots = make([]treeReq, treeReqSlots)
	}
	s, d := src.As16(), dst.As16()
	q := &r.slots[reqSlot(kind, s, d, key)]
	if q.kind == kind && q.src == s && q.dst == d && q.key == key && !q.answered {
		return // a retransmission: keep the original
	}
	*q = treeReq{kind: kind, src: s, dst: d, key: key, number: f.Number, time: f.Time}
}

// response returns the request a response from src to dst answers.
func (r *treeReqs) response(kind uint8, src, dst netip.Addr, key uint64) (*treeReq, bool) {
	if r.slots == nil {
		return nil, false
	}
	s, d := dst.As16(), src.As16() // the request went the other way
	q := &r.slots[reqSlot(kind, s, d, key)]
	if q.kind != kind || q.src != s || q.dst != d || q.key != key {
		return nil, false
	}
	q.answered = true
	return q, true
}

// treeLinks is what the request table found for one frame: the request
// each response layer answers.
type treeLinks struct {
	n     int
	layer [maxPerPkt]int
	req   [maxPerPkt]treeReq
}

// link returns the request that response layer i answers.
func (l *treeLinks) link(i int) (*treeReq, bool) {
	if l == nil {
		return nil, false
	}
	for k := range l.n {
		if l.layer[k] == i {
			return &l.req[k], true
		}
	}
	return nil, false
}

// note remembers the requests of the packet d last decoded and records in
// out the requests its responses answer: ICMP and ICMPv6 echo, DNS. It
// takes the layers the tree draws links for, under the tree's conditions.
func (r *treeReqs) note(d *Decoder, f *Frame, out *treeLinks) {
	out.n = 0
	for i := range d.layers[:d.n] {
		l := &d.layers[i]
		if l.Quoted || out.n == maxPerPkt {
			continue
		}
		var kind uint8
		var reply bool
		var key, lookup uint64 // as a request, as a response
		var src, dst netip.Addr
		switch l.Type {
		case LayerICMPv4:
			if l.End-l.Start < 8 {
				continue
			}
			m := ICMPv4(d.data[l.Start:l.End])
			if m.Type() != ICMPEcho && m.Type() != ICMPEchoReply {
				continue
			}
			kind, reply, key = reqICMP, m.Type() == ICMPEchoReply, uint64(m.ID())<<16|uint64(m.Seq())
			lookup = key
			src, dst, _ = ipAddrs(d, i)
		case LayerICMPv6:
			if l.End-l.Start < 8 {
				continue
			}
			m := ICMPv6(d.data[l.Start:l.End])
			if m.Type() != ICMPv6EchoRequest && m.Type() != ICMPv6EchoReply {
				continue
			}
			kind, reply, key = reqICMPv6, m.Type() == ICMPv6EchoReply, uint64(m.Word())
			lookup = key
			src, dst, _ = ipAddrs(d, i)
		case LayerDNS:
			var ok bool
			kind = reqDNS
			if reply, key, lookup, ok = dnsLinkKey(d, i); !ok {
				continue
			}
			src, dst, _ = ipAddrs(d, i)
		default:
			continue
		}
		if !reply {
			r.request(kind, src, dst, key, f)
			continue
		}
		if q, ok := r.response(kind, src, dst, lookup); ok {
			out.layer[out.n], out.req[out.n] = i, *q
			out.n++
		}
	}
}

// treeEchoLink draws the link lines of an echo reply (ICMP: "[Request
// frame: N]", ICMPv6: "[Response To: N]", then the response time in
// milliseconds), at the current depth.
func treeEchoLink(t *treeWriter, i int, v6 bool) {
	q, ok := t.links.link(i)
	if !ok {
		return
	}
	t.line()
	if v6 {
		t.b = append(t.b, "[Response To: "...)
	} else {
		t.b = append(t.b, "[Request frame: "...)
	}
	t.b = appendUint(t.b, uint64(q.number))
	t.b = append(t.b, ']')
	t.end()
	t.line()
	if v6 {
		t.b = append(t.b, "[Response Time: "...)
	} else {
		t.b = append(t.b, "[Response time: "...)
	}
	t.b = appendMillis(t.b, t.f.Time.Sub(q.time))
	t.b = append(t.b, " ms]"...)
	t.end()
}

// appendMillis appends d in milliseconds with three decimals ("1.500"),
// rounded as printf's %.3f.
func appendMillis(b []byte, d time.Duration) []byte {
	if d < 0 {
		b = append(b, '-')
		d = -d
	}
	us := (int64(d) + 500) / 1000 // microseconds, rounded
	b = appendUint(b, uint64(us/1000))
	frac := us % 1000
	return append(b, '.', byte('0'+frac/100), byte('0'+frac/10%10), byte('0'+frac%10))
}

// dnsLinkKey returns what links a DNS message at layer i to its query:
// whether it is a response, the key a query is remembered under and the key
// a response looks its query up by (addresses aside: transport, ports and
// ID). ok is false where the tree draws no link: a quoted message, one
// without a transport below it, or one whose records do not all parse.
func dnsLinkKey(d *Decoder, i int) (resp bool, asQuery, asResponse uint64, ok bool) {
	if i == 0 {
		return false, 0, 0, false
	}
	tl := &d.layers[i-1]
	if (tl.Type != LayerUDP && tl.Type != LayerTCP) || tl.Payload-tl.Start < 4 {
		return false, 0, 0, false
	}
	m, _ := dnsMessage(d, i)
	if len(m) < dnsHeaderLen || !dnsRecordsParse(m) {
		return false, 0, 0, false
	}
	sport, dport := uint64(be16(d.data[tl.Start:])), uint64(be16(d.data[tl.Start+2:]))
	key := uint64(m.ID())
	if tl.Type == LayerTCP {
		key |= 1 << 48
	}
	return m.Flags()&DNSFlagQR != 0, key | sport<<32 | dport<<16, key | dport<<32 | sport<<16, true
}

// dnsRecordsParse reports whether every question and record of m parses,
// as the tree needs to draw them all.
func dnsRecordsParse(m DNS) bool {
	off, ok := dnsHeaderLen, true
	for range m.QDCount() {
		if _, off, ok = m.Question(off); !ok {
			return false
		}
	}
	for _, n := range [...]uint16{m.ANCount(), m.NSCount(), m.ARCount()} {
		for range n {
			if _, off, ok = m.Record(off); !ok {
				return false
			}
		}
	}
	return true
}

// treeDNSLink draws the link lines of a DNS response ("[Request In: N]",
// "[Time: … seconds]") at depth 1.
func treeDNSLink(t *treeWriter, i int) {
	q, ok := t.links.link(i)
	if !ok {
		return
	}
	t.depth = 1
	t.line()
	t.b = append(t.b, "[Request In: "...)
	t.b = appendUint(t.b, uint64(q.number))
	t.b = append(t.b, "]"...)
	t.end()
	t.line()
	t.b = append(t.b, "[Time: "...)
	t.b = appendSeconds(t.b, t.f.Time, q.time)
	t.b = append(t.b, " seconds]"...)
	t.end()
}
