package decode_test

import (
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
)

// TestSnapshotRestore checks that a tree drawn from restored layers is the
// tree drawn after decoding, for every packet of the sample.
func TestSnapshotRestore(t *testing.T) {
	pkts := samplePackets(t)
	d, r := decode.NewDecoder(), decode.NewDecoder()
	var s decode.Snapshot
	p := &decode.TreePrinter{Location: time.UTC}
	for i := range pkts {
		pk := &pkts[i]
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length}
		d.Decode(pk.Data, pk.LinkType)
		d.Snapshot(&s)
		var n decode.Note
		p.Note(d, &f, &n)
		want := string(p.Render(nil, d, &f, &n))
		cp := append([]byte(nil), pk.Data...)
		d.Decode([]byte{0, 1, 2}, pk.LinkType) // d moves on
		r.Restore(&s, cp)
		if got := string(p.Render(nil, r, &f, &n)); got != want {
			t.Errorf("packet %d: restored layers draw\n%s\nwant\n%s", i+1, got, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { d.Snapshot(&s); r.Restore(&s, pkts[0].Data) }); n != 0 {
		t.Errorf("Snapshot and Restore allocate %v times, want 0", n)
	}
}
