package decode

import "net/netip"

// colStream is what the columns printer keeps of one TCP stream beyond
// what the connection tracker gives (tracker.go): the HTTP message or TLS
// record each direction is in the middle of. It is kept by the tracker's
// slot of the conversation and belongs to the stream whose index it
// records, so it lives exactly as long as the tracker remembers the
// conversation: the tracker's bound and eviction are the printer's too.
type colStream struct {
	used   bool
	stream uint32
	dir    [2]colDir // by the tracker's direction
}

// colDir is what the printer knows of one direction of a TCP stream.
type colDir struct {
	http colHTTPMsg
	tls  colTLSRec
}

// colStreams is indexed by the tracker's slots; it grows with the
// tracker's table, up to maxConvs entries.
type colStreams struct {
	slots []colStream
}

// dir returns the state of the direction segment s goes in, fresh if its
// slot held another stream.
func (t *colStreams) dir(s *tcpSegment) *colDir {
	if n := int(s.slot) + 1; n > len(t.slots) {
		t.slots = append(t.slots, make([]colStream, n-len(t.slots))...)
	}
	st := &t.slots[s.slot]
	if !st.used || st.stream != s.Stream {
		*st = colStream{used: true, stream: s.Stream}
	}
	return &st.dir[s.dir]
}

// colPingSlots bounds the echo requests the packet list pairs by itself:
// those it reassembles from IP fragments, which the connection tracker
// does not see whole (tracker_links.go pairs the others, by the same
// rules). A request whose slot a later one takes is forgotten: its reply
// then shows no "(request in N)".
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
		p.used = false // answered: a second reply names no request
		return p.number
	}
	return 0
}
