package decode

import "github.com/rawcap/rawcap/linktype"

// Snapshot is what a Decoder found in the packet it last decoded, without
// the packet's bytes: kept, and restored over a copy of the same bytes, it
// spares a second Decode (rawcap draws -V trees on other goroutines this
// way).
//
// Its layers grow to the deepest packet it has recorded (a chain of IPv6
// extension headers may hold a hundred): recording into a reused Snapshot
// allocates only when a packet is deeper than any before.
type Snapshot struct {
	linkType linktype.Type
	layers   []Layer
}

// Snapshot records the layers of the packet d last decoded in s.
func (d *Decoder) Snapshot(s *Snapshot) {
	s.linkType = d.linkType
	s.layers = append(s.layers[:0], d.layers[:d.n]...)
}

// Restore makes d hold the layers s recorded, over data: a copy of the
// bytes they were decoded from. The result is what Decode(data, …) would
// have left in d.
func (d *Decoder) Restore(s *Snapshot, data []byte) {
	d.data, d.linkType, d.n, d.quoted = data, s.linkType, len(s.layers), false
	d.gen++
	copy(d.layers[:], s.layers)
}
