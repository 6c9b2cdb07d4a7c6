package decode

import "time"

// This file is the request half of the connection tracker (tracker.go): it
// pairs ICMP and ICMPv6 echo replies and DNS responses with their
// requests, as tshark does in one pass, for every output (icmp.resp_to,
// icmp.resptime, icmpv6.resp_to, dns.response_to, dns.time and the
// retransmission fields; -V's "[Request frame: N]" and "[Request In: N]";
// the packet list's "(request in N)").
//
// tshark's rules, held by TestTrackerLinksMatchTshark:
//   - An echo request is remembered under its addresses, identifier and
//     sequence number, with the checksum its reply must carry (the type's
//     change moves the one's-complement sum by 0x0800, ICMPv6's by
//     -0x0100); a request seen again replaces the first. A reply names the
//     request only if the checksums agree, and answers it: a second reply
//     names none.
//   - A DNS query is remembered under its addresses, transport, ports and
//     ID. Seen again before it is answered, it is a retransmission of the
//     first; after, a new query. A response names the query it answers; a
//     second response to the same query is a retransmitted response and
//     names the first response instead.
//
// Bound: maxReqs requests in a direct-mapped table; a new request replaces
// whatever its slot held, and a response to a forgotten request names
// none (tshark, which forgets nothing, would name it). Echo requests
// inside IP fragments are left out: tshark pairs them once reassembled,
// which the packet list does by itself (columns_frag.go).

const maxReqs = 4096 // requests remembered

// Kinds of requests remembered.
const (
	reqICMP = 1 + iota
	reqICMPv6
	reqDNS
	reqSNMP
	reqRPC
	reqRADIUS
	reqAoE
)

type trackReq struct {
	kind uint8
	src  [16]byte // the request's source and destination
	dst  [16]byte
	key  uint64 // echo: id<<16|seq; DNS: transport, ports and ID
	sum  uint16 // echo: the checksum its reply must carry
	// number and time are the request's frame; answered is the frame of
	// the response that named it (0: none yet).
	number   int
	time     time.Time
	answered int
	rpc      [3]uint32 // an RPC call's program, version and procedure
	auth     uint64    // a RADIUS request's authenticator, hashed
	aoeCmd   uint8     // an AoE request's ATA command
}

// reqLink is what the tracker found for one echo or DNS layer.
type reqLink struct {
	layer   int
	request int       // the request this response answers (0: none)
	reqTime time.Time // that request's time
	delta   nstime    // the response's time less the request's
	// DNS retransmissions: the query first sent, for a query sent again,
	// or the first response, for a response sent again (0: none).
	retransRequest  int
	retransResponse int
	// unsolicited: a DNS response whose query was not seen.
	unsolicited bool
	// SNMP: the response already seen to a request sent again (0: none).
	responseIn int
	rpc        [3]uint32 // RPC: the call's program, version and procedure
	aoeCmd     uint8     // AoE: the request's ATA command
}

func reqSlot(kind uint8, a, b *[16]byte, key uint64) int {
	h := uint64(kind) * 0x9e3779b97f4a7c15
	h ^= le64(a[:8]) ^ le64(a[8:])*31 ^ le64(b[:8])*7 ^ le64(b[8:])*131
	h = (h ^ key) * 0xff51afd7ed558ccd
	return int(h >> 52 % maxReqs)
}

// link returns what was found for layer i, or nil (also when r is nil).
func (r *convResults) link(i int) *reqLink {
	if r == nil {
		return nil
	}
	for k := range r.nlinks {
		if r.links[k].layer == i {
			return &r.links[k]
		}
	}
	return nil
}

// requests pairs the echo and DNS layers of the packet d last decoded.
func (t *tracker) requests(d *Decoder, f *Frame) {
	r := &t.res
	r.nlinks = 0
	for i := range d.layers[:d.n] {
		l := &d.layers[i]
		if l.Quoted || r.nlinks == maxPerPkt {
			continue
		}
		var kind uint8
		var reply bool
		var key, lookup uint64 // as a request, as a response
		var sum uint16         // echo: the checksum a reply must have, or has
		var pvp [3]uint32      // RPC: the call's program, version and procedure
		switch l.Type {
		case LayerICMPv4:
			if l.End-l.Start < 8 || ipFragmented(d, i) {
				continue
			}
			m := ICMPv4(d.data[l.Start:l.End])
			if m.Type() != ICMPEcho && m.Type() != ICMPEchoReply {
				continue
			}
			kind, reply, key = reqICMP, m.Type() == ICMPEchoReply, uint64(m.ID())<<16|uint64(m.Seq())
			lookup, sum = key, m.Checksum()
			if !reply {
				sum = icmpReplySum(sum)
			}
		case LayerICMPv6:
			if l.End-l.Start < 8 || ipFragmented(d, i) {
				continue
			}
			m := ICMPv6(d.data[l.Start:l.End])
			if m.Type() != ICMPv6EchoRequest && m.Type() != ICMPv6EchoReply {
				continue
			}
			kind, reply, key = reqICMPv6, m.Type() == ICMPv6EchoReply, uint64(m.Word())
			lookup, sum = key, m.Checksum()
			if !reply {
				sum = icmpv6ReplySum(sum)
			}
		case LayerRPC:
			var ok bool
			kind = reqRPC
			if reply, key, lookup, pvp, ok = rpcLinkKey(d, i); !ok {
				continue
			}
		case LayerDNS, LayerMDNS, LayerLLMNR:
			var ok bool
			kind = reqDNS
			if reply, key, ok = dnsLinkKey(d, i); !ok {
				continue
			}
		case LayerRADIUS:
			if t.radiusLink(d, i, f, &r.links[r.nlinks]); r.links[r.nlinks].request != 0 || r.links[r.nlinks].retransRequest != 0 {
				r.nlinks++
			}
			continue
		case LayerAoE:
			if t.aoeLink(d, i, f, &r.links[r.nlinks]); r.links[r.nlinks].request != 0 {
				r.nlinks++
			}
			continue
		case LayerSNMP:
			var ok bool
			kind = reqSNMP
			if reply, key, ok = snmpLinkKey(d, i); !ok {
				continue
			}
			lookup = key
		default:
			continue
		}
		src, dst := addrs16(d, i)
		if kind == reqDNS {
			// Wireshark pairs a query and its response within their
			// conversation, whichever way each goes: one order of the
			// two endpoints, the query's key for both.
			sport, dport := uint16(key>>32), uint16(key>>16)
			if c := cmp16(&src, &dst); c > 0 || c == 0 && sport > dport {
				src, dst = dst, src
				key = key&^(0xffffffff<<16) | uint64(dport)<<32 | uint64(sport)<<16
			}
			lookup = key
			if reply {
				src, dst = dst, src // response looks its query up the other way
			}
		}
		if kind == reqSNMP {
			// Wireshark pairs SNMP messages within their conversation,
			// whichever way they go: one order of the addresses.
			if string(src[:]) > string(dst[:]) {
				src, dst = dst, src
			}
			t.snmpLink(&src, &dst, key, reply, f, &r.links[r.nlinks], i)
			if q := &r.links[r.nlinks]; q.request != 0 || q.responseIn != 0 {
				r.nlinks++
			}
			continue
		}
		out := &r.links[r.nlinks]
		*out = reqLink{layer: i}
		if !reply {
			t.request(kind, &src, &dst, key, sum, f, out)
			if kind == reqRPC {
				t.reqs[reqSlot(kind, &src, &dst, key)].rpc = pvp
			}
		} else {
			t.response(kind, &src, &dst, lookup, sum, f, out)
		}
		if out.request != 0 || out.retransRequest != 0 || out.retransResponse != 0 || out.unsolicited {
			r.nlinks++
		}
	}
}

// request remembers a request from src to dst.
func (t *tracker) request(kind uint8, src, dst *[16]byte, key uint64, sum uint16, f *Frame, out *reqLink) {
	if t.reqs == nil {
		t.reqs = make([]trackReq, maxReqs)
	}
	slot := reqSlot(kind, src, dst, key)
	q := &t.reqs[slot]
	same := q.kind == kind && q.src == *src && q.dst == *dst && q.key == key
	if kind == reqDNS && same && q.answered == 0 {
		out.retransRequest = q.number // sent again before an answer: keep the first
		return
	}
	if !same {
		t.forgetReq(slot)
	}
	*q = trackReq{kind: kind, src: *src, dst: *dst, key: key, sum: sum, number: f.Number, time: f.Time}
}

// forgetReq notes that the request in slot is about to be replaced by
// another one.
func (t *tracker) forgetReq(slot int) {
	if t.reqs[slot].kind == reqDNS {
		t.dnsLost[slot/64] |= 1 << (slot % 64)
	}
}

// response finds the request a response from src to dst answers.
// A DNS response with no query is unsolicited, as tshark calls it, unless
// the table may have forgotten its query.
func (t *tracker) response(kind uint8, src, dst *[16]byte, key uint64, sum uint16, f *Frame, out *reqLink) {
	slot := reqSlot(kind, dst, src, key) // the request went the other way
	if t.reqs == nil {
		out.unsolicited = kind == reqDNS
		return
	}
	q := &t.reqs[slot]
	if q.kind != kind || q.src != *dst || q.dst != *src || q.key != key {
		out.unsolicited = kind == reqDNS && t.dnsLost[slot/64]&(1<<(slot%64)) == 0
		return
	}
	switch {
	case kind != reqDNS && (q.answered != 0 || q.sum != sum):
	case q.answered != 0:
		out.retransResponse = q.answered
	default:
		q.answered = f.Number
		out.request, out.reqTime, out.rpc, out.aoeCmd = q.number, q.time, q.rpc, q.aoeCmd
		// As -V's "[Time: …]": the times' own seconds, even without a time.
		out.delta = nstime{f.Time.Unix(), int32(f.Time.Nanosecond())}.sub(nstime{q.time.Unix(), int32(q.time.Nanosecond())})
	}
}

// snmpLink pairs an SNMP request or response, as Wireshark 4.0 does: the
// first request with an ID is remembered (one sent again keeps the first,
// and names the response already seen); every response names it, the
// first response is remembered.
func (t *tracker) snmpLink(a, b *[16]byte, key uint64, reply bool, f *Frame, out *reqLink, i int) {
	if t.reqs == nil {
		t.reqs = make([]trackReq, maxReqs)
	}
	*out = reqLink{layer: i}
	slot := reqSlot(reqSNMP, a, b, key)
	q := &t.reqs[slot]
	if q.kind != reqSNMP || q.src != *a || q.dst != *b || q.key != key {
		t.forgetReq(slot)
		*q = trackReq{kind: reqSNMP, src: *a, dst: *b, key: key}
	}
	if !reply {
		if q.number == 0 {
			q.number, q.time = f.Number, f.Time
		}
		out.responseIn = q.answered
		return
	}
	if q.answered == 0 {
		q.answered = f.Number
	}
	if q.number != 0 {
		out.request, out.reqTime = q.number, q.time
		out.delta = nstime{f.Time.Unix(), int32(f.Time.Nanosecond())}.sub(nstime{q.time.Unix(), int32(q.time.Nanosecond())})
	}
}

// rpcCallSeen reports whether a reply from src to dst with key (the
// ports reversed and the XID, as rpcLinkKey makes it) answers an RPC call
// remembered and not answered yet, without changing the table.
func (t *tracker) rpcCallSeen(src, dst *[16]byte, key uint64) bool {
	if t.reqs == nil {
		return false
	}
	q := &t.reqs[reqSlot(reqRPC, dst, src, key)]
	return q.kind == reqRPC && q.src == *dst && q.dst == *src && q.key == key && q.answered == 0
}

// millis returns the response time in milliseconds, as tshark's
// icmp.resptime computes it.
func (q *reqLink) millis() float64 {
	return float64(q.delta.s)*1000 + float64(q.delta.ns)/1e6
}

// dnsLinkKey returns what links a DNS message at layer i to its query:
// whether it is a response and its key (addresses aside: transport, its
// source and destination ports and the ID; requests orders the endpoints).
// ok is false where tshark links none: a quoted message, one without a
// transport below it, or one the decoder marked malformed (a header cut
// short, or a question or record cut short or with a damaged name: m.walk).
func dnsLinkKey(d *Decoder, i int) (resp bool, key uint64, ok bool) {
	if i == 0 || d.layers[i].Malformed != "" {
		return false, 0, false
	}
	tl := &d.layers[i-1]
	if (tl.Type != LayerUDP && tl.Type != LayerTCP) || tl.Payload-tl.Start < 4 {
		return false, 0, false
	}
	m, _ := dnsMessage(d, i)
	sport, dport := uint64(be16(d.data[tl.Start:])), uint64(be16(d.data[tl.Start+2:]))
	key = uint64(m.ID())
	if tl.Type == LayerTCP {
		key |= 1 << 48
	}
	return m.Flags()&DNSFlagQR != 0, key | sport<<32 | dport<<16, true
}
