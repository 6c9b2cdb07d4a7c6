package stats

import (
	"bytes"
	"sort"

	"github.com/rawcap/rawcap/decode"
)

// DefaultMaxEntries is the default bound of a conversation or endpoint
// table: with the entries (about 90 bytes), their index and the garbage
// collector's headroom, a full table of conversations keeps rawcap stats
// under 60 MB resident.
const DefaultMaxEntries = 100_000

// Conversation is one row of a conversation table. A is the source of the
// first packet seen, B its destination, as Wireshark records them; the
// tshark table's "->" columns are A to B, "<-" B to A.
type Conversation struct {
	A, B         Address
	PortA, PortB uint16
	FramesAB     uint64
	BytesAB      uint64
	FramesBA     uint64
	BytesBA      uint64
	// Start and Stop are the first and last packet's times, in
	// nanoseconds since the first packet of the capture.
	Start, Stop int64
}

// Frames returns the conversation's packets both ways.
func (c *Conversation) Frames() uint64 { return c.FramesAB + c.FramesBA }

// Bytes returns the conversation's bytes both ways.
func (c *Conversation) Bytes() uint64 { return c.BytesAB + c.BytesBA }

// pairKey names a conversation whichever way its packets go: the lower
// endpoint first.
type pairKey struct {
	a, b   Address
	pa, pb uint16
}

func keyOf(t *tap) pairKey {
	c := bytes.Compare(t.src.b[:], t.dst.b[:])
	if c > 0 || c == 0 && t.sport > t.dport {
		return pairKey{t.dst, t.src, t.dport, t.sport}
	}
	return pairKey{t.src, t.dst, t.sport, t.dport}
}

// Conversations is the conversation table of one protocol (tshark's -z
// conv,TYPE). Make it with NewConversations.
type Conversations struct {
	Type   Type
	Filter Filter
	// Max bounds the number of conversations held; the packets of
	// conversations beyond it are counted in Overflow.
	Max      int
	Overflow Overflow

	clock clock
	index map[pairKey]int32
	convs []Conversation
	taps  []tap
}

// NewConversations returns an empty table of conversations of type t,
// holding at most DefaultMaxEntries.
func NewConversations(t Type) *Conversations {
	return &Conversations{Type: t, Max: DefaultMaxEntries, index: map[pairKey]int32{}, taps: make([]tap, 0, maxTaps)}
}

// Add counts the packet d last decoded, described by f.
func (c *Conversations) Add(d *decode.Decoder, f *decode.Frame) {
	rel := c.clock.rel(f)
	if !c.Filter.matches(d, f) {
		return
	}
	c.taps = taps(c.taps[:0], d, c.Type)
	n := uint64(f.Length)
	for i := range c.taps {
		t := &c.taps[i]
		k := keyOf(t)
		j, ok := c.index[k]
		if !ok {
			if len(c.convs) >= c.Max {
				c.Overflow.Frames++
				c.Overflow.Bytes += n
				continue
			}
			j = int32(len(c.convs))
			c.index[k] = j
			c.convs = append(c.convs, Conversation{A: t.src, B: t.dst, PortA: t.sport, PortB: t.dport, Start: rel, Stop: rel})
		}
		cv := &c.convs[j]
		if t.src == cv.A && t.dst == cv.B && t.sport == cv.PortA && t.dport == cv.PortB {
			cv.FramesAB++
			cv.BytesAB += n
		} else {
			cv.FramesBA++
			cv.BytesBA += n
		}
		if rel > cv.Stop {
			cv.Stop = rel
		} else if rel < cv.Start {
			cv.Start = rel
		}
	}
}

// Len returns the number of conversations held.
func (c *Conversations) Len() int { return len(c.convs) }

// List returns a copy of the conversations in tshark's order: most
// packets first, and in the order they were first seen among equals.
func (c *Conversations) List() []Conversation {
	out := make([]Conversation, 0, len(c.convs))
	for _, i := range c.order() {
		out = append(out, c.convs[i])
	}
	return out
}

// order returns the indexes of the conversations in tshark's order; the
// outputs walk it rather than copy the table.
func (c *Conversations) order() []int32 {
	return byFrames(len(c.convs), func(i int) uint64 { return c.convs[i].Frames() })
}

// byFrames returns 0…n-1 sorted by frames(i), most first, stably.
func byFrames(n int, frames func(int) uint64) []int32 {
	idx := make([]int32, n)
	for i := range idx {
		idx[i] = int32(i)
	}
	sort.SliceStable(idx, func(a, b int) bool { return frames(int(idx[a])) > frames(int(idx[b])) })
	return idx
}
