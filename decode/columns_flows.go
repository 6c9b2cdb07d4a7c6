package decode

import (
	"bytes"
	"net/netip"
)

// colFlowSlots bounds the TCP flows the columns printer remembers. The table
// is direct-mapped: a flow whose slot another flow takes is forgotten, and
// when it shows up again its relative sequence numbers restart from that
// packet (as if the capture had begun there) and its window scale is
// unknown. Memory stays fixed whatever the capture.
const colFlowSlots = 4096

// colDir is what the printer knows of one direction of a TCP flow.
type colDir struct {
	base    uint32 // sequence number that shows as 0
	baseSet bool
	scale   int8 // window shift from the SYN's option, -1 unknown
	http    colHTTPMsg
	tls     colTLSRec
}

type colFlow struct {
	used bool
	a, b [16]byte // addresses, a < b (or a == b with ports ordered)
	pa   uint16   // port of a
	pb   uint16   // port of b
	dir  [2]colDir
}

type colFlows struct {
	slots []colFlow // allocated on first use, colFlowSlots long
}

// lookup returns the flow of a packet from src:sp to dst:dp and which of
// its two directions the packet goes, creating (or replacing) the slot.
func (t *colFlows) lookup(src, dst netip.Addr, sp, dp uint16) (f *colFlow, fwd, rev *colDir) {
	if t.slots == nil {
		t.slots = make([]colFlow, colFlowSlots)
	}
	a, b := src.As16(), dst.As16()
	pa, pb := sp, dp
	swap := false
	if c := bytes.Compare(a[:], b[:]); c > 0 || c == 0 && pa > pb {
		a, b, pa, pb, swap = b, a, pb, pa, true
	}
	h := uint32(2166136261)
	for _, x := range a {
		h = (h ^ uint32(x)) * 16777619
	}
	for _, x := range b {
		h = (h ^ uint32(x)) * 16777619
	}
	h = (h ^ uint32(pa)) * 16777619
	h = (h ^ uint32(pb)) * 16777619
	f = &t.slots[h%colFlowSlots]
	if !f.used || f.a != a || f.b != b || f.pa != pa || f.pb != pb {
		*f = colFlow{used: true, a: a, b: b, pa: pa, pb: pb}
		f.dir[0].scale, f.dir[1].scale = -1, -1
	}
	if swap {
		return f, &f.dir[1], &f.dir[0]
	}
	return f, &f.dir[0], &f.dir[1]
}

// colPingSlots bounds the echo requests remembered for "(request in N)".
// A request whose slot a later one takes is forgotten: its reply then shows
// no "(request in N)".
const colPingSlots = 1024

type colPing struct {
	used   bool
	v6     bool
	src    [16]byte // the request's source
	dst    [16]byte
	id     uint16
	seq    uint16
	reply  uint16 // the checksum an ICMPv4 reply must have (0 for ICMPv6)
	number int    // frame number of the request
}

type colPings struct {
	slots []colPing
}

func pingSlot(v6 bool, src, dst [16]byte, id, seq uint16) uint32 {
	h := uint32(2166136261)
	if v6 {
		h = (h ^ 1) * 16777619
	}
	for i := range src {
		h = (h ^ uint32(src[i]^dst[i])) * 16777619
	}
	h = (h ^ uint32(id)) * 16777619
	h = (h ^ uint32(seq)) * 16777619
	return h % colPingSlots
}

// icmpReplySum returns the checksum of the echo reply to a request with
// checksum sum: the type drops from 8 to 0, so the one's-complement sum
// grows by 0x0800. tshark pairs a reply with its request only when the
// checksums agree so.
func icmpReplySum(sum uint16) uint16 {
	c := uint32(sum) + 0x0800
	return uint16(c&0xffff + c>>16)
}

// icmpv6ReplySum is icmpReplySum for ICMPv6, whose type grows from 128 to
// 129: the checksum drops by 0x0100.
func icmpv6ReplySum(sum uint16) uint16 {
	c := uint32(sum) + 0xfeff
	return uint16(c&0xffff + c>>16)
}

// request records an echo request.
func (t *colPings) request(v6 bool, src, dst netip.Addr, id, seq uint16, number int, reply uint16) {
	if t.slots == nil {
		t.slots = make([]colPing, colPingSlots)
	}
	s, d := src.As16(), dst.As16()
	t.slots[pingSlot(v6, s, d, id, seq)] = colPing{used: true, v6: v6, src: s, dst: d, id: id, seq: seq, number: number, reply: reply}
}

// reply returns the frame number of the request an echo reply from src to
// dst answers, or 0.
func (t *colPings) reply(v6 bool, src, dst netip.Addr, id, seq, sum uint16) int {
	if t.slots == nil {
		return 0
	}
	s, d := dst.As16(), src.As16() // the request went the other way
	p := &t.slots[pingSlot(v6, s, d, id, seq)]
	if p.used && p.v6 == v6 && p.src == s && p.dst == d && p.id == id && p.seq == seq && p.reply == sum {
		return p.number
	}
	return 0
}
