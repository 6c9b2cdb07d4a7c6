package stats

import (
	"github.com/rawcap/rawcap/decode"
)

// Endpoint is one row of an endpoint table: an address (and port), what
// it sent (Tx) and what it received (Rx).
type Endpoint struct {
	Addr     Address
	Port     uint16
	TxFrames uint64
	TxBytes  uint64
	RxFrames uint64
	RxBytes  uint64
}

// Frames returns the endpoint's packets, sent and received.
func (e *Endpoint) Frames() uint64 { return e.TxFrames + e.RxFrames }

// Bytes returns the endpoint's bytes, sent and received.
func (e *Endpoint) Bytes() uint64 { return e.TxBytes + e.RxBytes }

type endpointKey struct {
	a    Address
	port uint16
}

// Endpoints is the endpoint table of one protocol (tshark's -z
// endpoints,TYPE). Make it with NewEndpoints.
type Endpoints struct {
	Type   Type
	Filter Filter
	// Max bounds the number of endpoints held; what new endpoints beyond
	// it send or receive is counted in Overflow, once per endpoint.
	Max      int
	Overflow Overflow

	clock clock
	index map[endpointKey]int32
	ends  []Endpoint
	taps  []tap
}

// NewEndpoints returns an empty table of endpoints of type t, holding at
// most DefaultMaxEntries.
func NewEndpoints(t Type) *Endpoints {
	return &Endpoints{Type: t, Max: DefaultMaxEntries, index: map[endpointKey]int32{}, taps: make([]tap, 0, maxTaps)}
}

// Add counts the packet d last decoded, described by f.
func (e *Endpoints) Add(d *decode.Decoder, f *decode.Frame) {
	e.clock.rel(f)
	if !e.Filter.matches(d, f) {
		return
	}
	e.taps = taps(e.taps[:0], d, e.Type)
	n := uint64(f.Length)
	for i := range e.taps {
		t := &e.taps[i]
		if p := e.get(endpointKey{t.src, t.sport}, n); p != nil {
			p.TxFrames++
			p.TxBytes += n
		}
		if p := e.get(endpointKey{t.dst, t.dport}, n); p != nil {
			p.RxFrames++
			p.RxBytes += n
		}
	}
}

// get returns the endpoint of k, made if new, or nil (counting n bytes in
// Overflow) when the table is full.
func (e *Endpoints) get(k endpointKey, n uint64) *Endpoint {
	j, ok := e.index[k]
	if !ok {
		if len(e.ends) >= e.Max {
			e.Overflow.Frames++
			e.Overflow.Bytes += n
			return nil
		}
		j = int32(len(e.ends))
		e.index[k] = j
		e.ends = append(e.ends, Endpoint{Addr: k.a, Port: k.port})
	}
	return &e.ends[j]
}

// Len returns the number of endpoints held.
func (e *Endpoints) Len() int { return len(e.ends) }

// List returns a copy of the endpoints in tshark's order: most packets
// first, and in the order they were first seen among equals.
func (e *Endpoints) List() []Endpoint {
	out := make([]Endpoint, 0, len(e.ends))
	for _, i := range e.order() {
		out = append(out, e.ends[i])
	}
	return out
}

// order returns the indexes of the endpoints in tshark's order.
func (e *Endpoints) order() []int32 {
	return byFrames(len(e.ends), func(i int) uint64 { return e.ends[i].Frames() })
}
