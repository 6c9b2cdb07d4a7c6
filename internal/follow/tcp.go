package follow

import (
	"net/netip"
	"strconv"
	"time"

	"github.com/rawcap/rawcap/decode"
)

// Chunk is one piece of a stream as tshark's follow shows it: the data of
// one packet (or the part of it not seen before) from one side, or a gap
// marker. Data is valid until the call it is passed to returns.
type Chunk struct {
	Server bool      // from node 1 (the side that did not send the first packet)
	Frame  int       // the frame number the data came in (the marker's: the one that revealed the gap)
	Time   time.Time // the frame's time; zero for a gap marker
	Data   []byte
}

// Emit receives the chunks of a stream in the order tshark prints them.
type Emit func(Chunk) error

// Node is one end of a stream.
type Node struct {
	Addr netip.Addr // zero when no packet was seen
	Port uint16
}

// DefaultMaxHeld is the default bound on the bytes a TCP direction holds
// out of order.
const DefaultMaxHeld = 4 << 20

// maxHeldSegments bounds the segments a direction holds out of order.
const maxHeldSegments = 4096

// held is a segment that arrived before the data it follows (tshark's
// "fragment").
type held struct {
	seq   uint32
	frame int
	time  time.Time
	data  []byte
}

// TCP reassembles one TCP stream as Wireshark's follow does. The zero
// value is ready to use, with DefaultMaxHeld.
type TCP struct {
	// MaxHeld bounds the bytes held out of order per direction; 0 means
	// DefaultMaxHeld.
	MaxHeld int
	// GaveUp counts the gaps marked missing because the bound was reached
	// (not because the capture showed them acknowledged).
	GaveUp int

	started bool
	nodes   [2]Node
	seq     [2]uint32
	written [2]uint64
	frags   [2][]held
	heldB   [2]int
	// spare keeps the byte slices of segments applied or dropped, for reuse.
	spare [][]byte
}

// Started reports whether a segment was seen, and Nodes returns the two
// ends: node 0 sent the first segment.
func (r *TCP) Started() bool { return r.started }

// Nodes returns the stream's two ends (zero before the first segment).
func (r *TCP) Nodes() [2]Node { return r.nodes }

// Signed sequence-space comparisons, as TCP compares them.
func ltSeq(a, b uint32) bool { return int32(a-b) < 0 }
func gtSeq(a, b uint32) bool { return int32(b-a) < 0 }

// Segment feeds the next segment of the stream, in capture order: s must
// be a TCP header of the followed stream with s.HaveLen set (tshark's
// follow sees no other). It emits the chunks the segment completes and
// returns Emit's first error.
func (r *TCP) Segment(s *decode.Stream, frame int, at time.Time, emit Emit) error {
	seq := s.Seq
	length := uint32(s.Len)
	data := s.Payload
	if s.Flags&decode.TCPSyn != 0 {
		seq++
	}
	if !r.started {
		r.started = true
		r.nodes = [2]Node{{s.Src, s.SrcPort}, {s.Dst, s.DstPort}}
	}
	dir := 1
	if s.Src == r.nodes[0].Addr && s.SrcPort == r.nodes[0].Port {
		dir = 0
	}
	// A segment that acknowledges data the capture lacks in the other
	// direction releases what the other direction holds after the gap.
	if len(r.frags[1-dir]) > 0 {
		for {
			ok, err := r.check(1-dir, s.Ack, frame, true, emit)
			if err != nil || !ok {
				if err != nil {
					return err
				}
				break
			}
		}
	}
	if r.written[dir] == 0 && r.seq[dir] == 0 {
		r.seq[dir] = seq
	}
	if ltSeq(seq, r.seq[dir]) {
		// Seen before, at least in part: keep what is new.
		next := seq + length
		if gtSeq(next, r.seq[dir]) {
			off := int(r.seq[dir] - seq)
			if len(data) <= off {
				data = data[:0]
			} else {
				data = data[off:]
			}
			seq = r.seq[dir]
			length = next - r.seq[dir]
		}
	}
	if len(data) == 0 || ltSeq(seq, r.seq[dir]) {
		return nil
	}
	if seq == r.seq[dir] {
		r.seq[dir] += length
		r.written[dir] += uint64(len(data))
		if err := emit(Chunk{Server: dir == 1, Frame: frame, Time: at, Data: data}); err != nil {
			return err
		}
		for {
			ok, err := r.check(dir, 0, frame, false, emit)
			if err != nil {
				return err
			}
			if !ok {
				return nil
			}
		}
	}
	return r.hold(dir, seq, frame, at, data, emit)
}

// hold keeps an out-of-order segment, first making room under the bound
// by marking the oldest gaps missing.
func (r *TCP) hold(dir int, seq uint32, frame int, at time.Time, data []byte, emit Emit) error {
	max := r.MaxHeld
	if max <= 0 {
		max = DefaultMaxHeld
	}
	for len(r.frags[dir]) > 0 && (r.heldB[dir]+len(data) > max || len(r.frags[dir]) >= maxHeldSegments) {
		// Give up on the gap before the lowest held segment: mark it as
		// if the receiver had acknowledged past it.
		low := r.frags[dir][0].seq
		for _, f := range r.frags[dir][1:] {
			if gtSeq(low, f.seq) {
				low = f.seq
			}
		}
		r.GaveUp++
		for {
			ok, err := r.check(dir, low+1, frame, true, emit)
			if err != nil {
				return err
			}
			if !ok {
				break
			}
			if r.heldB[dir]+len(data) <= max && len(r.frags[dir]) < maxHeldSegments {
				break
			}
		}
	}
	var b []byte
	if n := len(r.spare); n > 0 {
		b = r.spare[n-1][:0]
		r.spare = r.spare[:n-1]
	}
	b = append(b, data...)
	r.frags[dir] = append(r.frags[dir], held{seq: seq, frame: frame, time: at, data: b})
	r.heldB[dir] += len(b)
	return nil
}

// remove takes held segment k of direction dir out of the list, keeping
// the others in arrival order.
func (r *TCP) remove(dir, k int) {
	f := r.frags[dir]
	r.heldB[dir] -= len(f[k].data)
	if len(r.spare) < 4 {
		r.spare = append(r.spare, f[k].data)
	}
	copy(f[k:], f[k+1:])
	f[len(f)-1] = held{}
	r.frags[dir] = f[:len(f)-1]
}

// check applies one held segment of direction dir that now fits, or, with
// useAck, marks the gap before the lowest held segment missing when ack
// (from the other side) passes it. It reports whether it did either. It
// follows tshark's check_follow_fragments step by step: the segments are
// looked at in arrival order and the first that fits is applied.
func (r *TCP) check(dir int, ack uint32, frame int, useAck bool, emit Emit) (bool, error) {
	frags := r.frags[dir]
	if len(frags) == 0 {
		return false, nil
	}
	low := frags[0].seq
	for k := range frags {
		f := &frags[k]
		if gtSeq(low, f.seq) {
			low = f.seq
		}
		if ltSeq(f.seq, r.seq[dir]) {
			// Partly or wholly seen already: keep what is new.
			next := f.seq + uint32(len(f.data))
			var err error
			if gtSeq(next, r.seq[dir]) {
				pos := r.seq[dir] - f.seq
				if uint32(len(f.data)) > pos {
					err = emit(Chunk{Server: dir == 1, Frame: f.frame, Time: f.time, Data: f.data[pos:]})
				}
				r.seq[dir] += uint32(len(f.data)) - pos
			}
			r.remove(dir, k)
			return true, err
		}
		if f.seq == r.seq[dir] {
			var err error
			if len(f.data) > 0 {
				err = emit(Chunk{Server: dir == 1, Frame: f.frame, Time: f.time, Data: f.data})
			}
			r.seq[dir] += uint32(len(f.data))
			r.remove(dir, k)
			return true, err
		}
	}
	if useAck && gtSeq(ack, low) {
		var buf [64]byte
		m := append(buf[:0], '[')
		m = strconv.AppendInt(m, int64(int32(low-r.seq[dir])), 10)
		m = append(m, " bytes missing in capture file]\x00"...)
		r.seq[dir] = low
		return true, emit(Chunk{Server: dir == 1, Frame: frame, Data: m})
	}
	return false, nil
}

// UDP follows one UDP stream: each datagram is a chunk.
type UDP struct {
	started bool
	nodes   [2]Node
}

// Started reports whether a datagram was seen.
func (u *UDP) Started() bool { return u.started }

// Nodes returns the stream's two ends: node 0 sent the first datagram.
func (u *UDP) Nodes() [2]Node { return u.nodes }

// Datagram feeds the next datagram of the stream and emits it. A
// datagram without payload is not shown, as in tshark.
func (u *UDP) Datagram(s *decode.Stream, frame int, at time.Time, emit Emit) error {
	if s.Len == 0 {
		return nil
	}
	if !u.started {
		u.started = true
		u.nodes = [2]Node{{s.Src, s.SrcPort}, {s.Dst, s.DstPort}}
	}
	server := !(s.Src == u.nodes[0].Addr && s.SrcPort == u.nodes[0].Port)
	return emit(Chunk{Server: server, Frame: frame, Time: at, Data: s.Payload})
}
