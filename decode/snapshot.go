package decode

import "github.com/rawcap/rawcap/linktype"

// Snapshot is what a Decoder found in the packet it last decoded, without
// the packet's bytes: kept, and restored over a copy of the same bytes, it
// spares a second Decode (rawcap draws -V trees on other goroutines this
// way).
type Snapshot struct {
	linkType linktype.Type
	layers   [maxLayers]Layer
	n        int
}

// Snapshot records the layers of the packet d last decoded in s.
func (d *Decoder) Snapshot(s *Snapshot) {
	s.linkType, s.n = d.linkType, d.n
	copy(s.layers[:d.n], d.layers[:d.n])
}

// Restore makes d hold the layers s recorded, over data: a copy of the
// bytes they were decoded from. The result is what Decode(data, …) would
// have left in d.
func (d *Decoder) Restore(s *Snapshot, data []byte) {
	d.data, d.linkType, d.n, d.quoted = data, s.linkType, s.n, false
	d.gen++
	copy(d.layers[:s.n], s.layers[:s.n])
}
