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

// treeEchoLink remembers an echo request, or draws the link lines of an
// echo reply (ICMP: "[Request frame: N]", ICMPv6: "[Response To: N]", then
// the response time in milliseconds), at the current depth.
func treeEchoLink(t *treeWriter, d *Decoder, i int, v6, reply bool, idSeq uint32) {
	if t.reqs == nil || t.f == nil || d.layers[i].Quoted {
		return
	}
	src, dst, _ := ipAddrs(d, i)
	kind := uint8(reqICMP)
	if v6 {
		kind = reqICMPv6
	}
	if !reply {
		t.reqs.request(kind, src, dst, uint64(idSeq), t.f)
		return
	}
	q, ok := t.reqs.response(kind, src, dst, uint64(idSeq))
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

// treeDNSLink remembers a DNS query, or draws the link lines of a response
// ("[Request In: N]", "[Time: … seconds]") at depth 1. Queries and
// responses are matched on addresses, transport, ports and ID.
func treeDNSLink(t *treeWriter, d *Decoder, i int, resp bool, id uint16) {
	if t.reqs == nil || t.f == nil || i == 0 || d.layers[i].Quoted {
		return
	}
	tl := &d.layers[i-1]
	if (tl.Type != LayerUDP && tl.Type != LayerTCP) || tl.Payload-tl.Start < 4 {
		return
	}
	sport, dport := uint64(be16(d.data[tl.Start:])), uint64(be16(d.data[tl.Start+2:]))
	key := uint64(id)
	if tl.Type == LayerTCP {
		key |= 1 << 48
	}
	src, dst, _ := ipAddrs(d, i)
	if !resp {
		t.reqs.request(reqDNS, src, dst, key|sport<<32|dport<<16, t.f)
		return
	}
	q, ok := t.reqs.response(reqDNS, src, dst, key|dport<<32|sport<<16)
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
