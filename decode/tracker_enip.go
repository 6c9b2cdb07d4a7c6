package decode

import "time"

// This file is the EtherNet/IP part of the connection tracker (tracker.go):
// it pairs each CIP response with the request it answers, as tshark's enip
// dissector does in one pass, so that a response draws "[Request In: N]"
// and "[Time: …]" (enip.response_to, enip.time) and its CIP the request's
// path ("[Request Path Size: …]", "[Request Path: …]") and, in a Multiple
// Service Packet, each service's title with the class of the service it
// answers.
//
// tshark's rules, as its outputs show them:
//   - A Send RR Data or Send Unit Data message carrying CIP and sent to
//     port 44818 is a request; one sent from it a response.
//   - A connected message (a connected address item, then a connected
//     data item) is keyed by its conversation (addresses and ports), its
//     session and its CIP sequence count: the connection ids of the two
//     directions differ and are not part of it. An unconnected one is
//     keyed by its conversation, its session and its sender context.
//   - A request seen again under the same key replaces the first; every
//     response found under a request's key names it.
//
// Bound: maxENIPReqs requests in a direct-mapped table (about 540 kB,
// allocated at the first EtherNet/IP request and kept), each keeping at most enipReqMax bytes of
// its CIP (a longer request is not remembered); a new request replaces
// whatever its slot held, and a response to a forgotten request names
// none (tshark, which forgets nothing, would name it). Responses are
// paired for the first enipNoteMsgs messages of a segment.

const (
	maxENIPReqs  = 512
	enipReqMax   = 1024 // bytes of a request's CIP message kept
	enipNoteMsgs = 16   // messages of a segment paired
)

// enipReqKey is what pairs a response with its request, as the request
// sees it (a response swaps the addresses and ports).
type enipReqKey struct {
	src, dst     [16]byte
	sport, dport uint16
	connected    bool
	session      uint32
	id           uint64 // connected: the sequence count; else the sender context
}

type enipReq struct {
	key    enipReqKey
	used   bool
	number int
	time   time.Time
	n      int              // the length of its CIP message
	cip    [enipReqMax]byte // the request's CIP message, a copy
}

type enipState struct {
	reqs [maxENIPReqs]enipReq
}

// enipLink is what the tracker found for one message of a segment.
type enipLink struct {
	request    int    // the request this response answers (0: none)
	delta      nstime // the response's time less the request's
	start, end int    // the request's CIP message in enipNote.buf
}

// enipNote is what the tracker found for one frame's EtherNet/IP layer.
type enipNote struct {
	layer int // -1: none
	msgs  [enipNoteMsgs]enipLink
	buf   []byte // the paired requests' CIP messages, one after another
}

// enipLinkOf returns the pairing of message k of ENIP layer i, or nil.
func (r *convResults) enipLinkOf(i, k int) *enipLink {
	if r == nil || r.enip.layer != i || k >= enipNoteMsgs || r.enip.msgs[k].request == 0 {
		return nil
	}
	return &r.enip.msgs[k]
}

// request returns the CIP message of the request l names (nil: none kept).
func (n *enipNote) request(l *enipLink) []byte {
	if l == nil || l.end == l.start {
		return nil
	}
	return n.buf[l.start:l.end:l.end]
}

// keep copies src into n, the tracker's buffer being reused; for packets
// with an EtherNet/IP layer only.
func (n *enipNote) keep(src *enipNote) {
	if src.layer <= 0 {
		n.layer = -1
		return
	}
	buf := n.buf
	*n = *src
	n.buf = append(buf[:0], src.buf...)
}

func enipReqSlot(k *enipReqKey) int {
	h := k.id*0x9e3779b97f4a7c15 ^ uint64(k.session)
	h ^= le64(k.src[:8]) ^ le64(k.src[8:])*31 ^ le64(k.dst[:8])*7 ^ le64(k.dst[8:])*131
	h ^= uint64(k.sport)<<16 | uint64(k.dport)
	if k.connected {
		h ^= 1 << 63
	}
	h *= 0xff51afd7ed558ccd
	return int(h >> 52 % maxENIPReqs)
}

// enipFrame pairs the messages of the packet's EtherNet/IP layer.
// clear says the packet holds no EtherNet/IP message.
func (n *enipNote) clear() { n.layer, n.buf = -1, n.buf[:0] }

func (t *tracker) enipFrame(d *Decoder, f *Frame) {
	n := &t.res.enip
	n.clear()
	i := -1
	for k := 1; k < d.n; k++ {
		if l := &d.layers[k]; l.Type == LayerENIP && !l.Quoted {
			if tl := &d.layers[k-1]; (tl.Type == LayerTCP || tl.Type == LayerUDP) && tl.End-tl.Start >= 4 {
				i = k
			}
			break
		}
	}
	if i < 0 {
		return
	}
	n.layer = i
	n.msgs = [enipNoteMsgs]enipLink{}
	request := enipRequest(d, i)
	var key enipReqKey
	key.src, key.dst = addrs16(d, i)
	tl := &d.layers[i-1]
	key.sport, key.dport = be16(d.data[tl.Start:]), be16(d.data[tl.Start+2:])
	if !request {
		key.src, key.dst, key.sport, key.dport = key.dst, key.src, key.dport, key.sport
	}
	l := &d.layers[i]
	b := d.data[l.Start:l.End]
	for off, k := 0, 0; k < enipNoteMsgs; k++ {
		m, next, ok := enipNext(b, off)
		if !ok {
			return
		}
		off = next
		cip, connected, seq := enipCIPItem(m)
		if cip == nil {
			continue
		}
		key.connected, key.session, key.id = connected, m.Session(), le64(m.Context())
		if connected {
			key.id = uint64(seq)
		}
		if request {
			t.enipRequest(&key, cip, f)
			continue
		}
		if t.enip == nil {
			continue
		}
		q := &t.enip.reqs[enipReqSlot(&key)]
		if !q.used || q.key != key {
			continue
		}
		lk := &n.msgs[k]
		lk.request = q.number
		lk.delta = nstime{f.Time.Unix(), int32(f.Time.Nanosecond())}.sub(nstime{q.time.Unix(), int32(q.time.Nanosecond())})
		lk.start = len(n.buf)
		n.buf = append(n.buf, q.cip[:q.n]...)
		lk.end = len(n.buf)
	}
}

// enipRequest remembers a request's CIP message under key.
func (t *tracker) enipRequest(key *enipReqKey, cip []byte, f *Frame) {
	if len(cip) > enipReqMax {
		return
	}
	if t.enip == nil {
		t.enip = new(enipState)
	}
	q := &t.enip.reqs[enipReqSlot(key)]
	q.key, q.used, q.number, q.time = *key, true, f.Number, f.Time
	q.n = copy(q.cip[:], cip)
}
