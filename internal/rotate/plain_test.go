package rotate

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/rawcap/rawcap/pcapio"
)

// TestNoRotation checks that without -C or -G a Writer keeps one file, reads
// no clock and asks for no record sizes, and allocates nothing per packet.
func TestNoRotation(t *testing.T) {
	dir := t.TempDir()
	calls := 0
	w, err := New(Config{
		Name: filepath.Join(dir, "out"), Create: pcapCreate,
		Now:        func() time.Time { calls++; return time.Unix(1e9, 0) },
		RecordSize: func(*pcapio.Packet) int64 { calls++; return 0 },
	})
	if err != nil {
		t.Fatal(err)
	}
	calls = 0 // New reads the clock once, for the first file's name
	p := pcapio.Packet{Data: make([]byte, 60), Length: 60, Time: time.Unix(1e9, 0), HasTime: true}
	if allocs := testing.AllocsPerRun(1000, func() {
		if err := w.WritePacket(&p); err != nil {
			t.Fatal(err)
		}
	}); allocs != 0 {
		t.Errorf("WritePacket: %v allocations per packet, want 0", allocs)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if calls != 0 {
		t.Errorf("%d clock or record size calls, want 0", calls)
	}
	if got := files(t, dir); len(got) != 1 || got[0] != "out" {
		t.Errorf("files %v, want [out]", got)
	}
	if n := countPackets(t, filepath.Join(dir, "out")); n != 1001 {
		t.Errorf("%d packets, want 1001", n)
	}
}
