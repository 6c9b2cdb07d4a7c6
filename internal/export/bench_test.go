package export

import (
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/synth"
	"github.com/rawcap/rawcap/linktype"
)

// BenchmarkExportPackets measures the packets table with the default
// profile over generated traffic: decoding, the field list, the rows and
// the Parquet encoding on the writer goroutine.
func BenchmarkExportPackets(b *testing.B) {
	g := synth.New(1, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	type pkt struct {
		t    time.Time
		data []byte
	}
	pkts := make([]pkt, 20000)
	var size int64
	for i := range pkts {
		p := g.Next()
		pkts[i] = pkt{p.Time, append([]byte(nil), p.Data...)}
		size += int64(len(p.Data))
	}
	x, err := New(Options{Dir: b.TempDir(), Packets: true})
	if err != nil {
		b.Fatal(err)
	}
	x.StartFile("bench.pcap")
	var f decode.Frame
	b.ReportAllocs()
	b.SetBytes(size / int64(len(pkts)))
	n := 0
	for b.Loop() {
		p := &pkts[n%len(pkts)]
		n++
		f.Number, f.Time, f.Length = n, p.t, len(p.data)
		if err := x.Add(&f, linktype.Ethernet, p.data); err != nil {
			b.Fatal(err)
		}
	}
	if err := x.Close(); err != nil {
		b.Fatal(err)
	}
}
