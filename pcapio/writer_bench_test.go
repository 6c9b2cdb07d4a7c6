package pcapio

import (
	"io"
	"testing"
	"time"

	"github.com/rawcap/rawcap/linktype"
)

// wBenchPackets is a realistic mix: mostly 66-byte ACKs and 1514-byte
// segments, as a bulk TCP transfer produces.
func wBenchPackets() ([]Packet, int) {
	ps := make([]Packet, 64)
	total := 0
	t0 := time.Unix(1700000000, 0)
	for i := range ps {
		n := 66
		if i%3 != 0 {
			n = 1514
		}
		ps[i] = Packet{Data: make([]byte, n), Length: n, Time: t0.Add(time.Duration(i) * time.Microsecond),
			HasTime: true, LinkType: linktype.Ethernet}
		total += n
	}
	return ps, total
}

func wBenchWriter(b *testing.B, w Writer) {
	ps, total := wBenchPackets()
	b.ReportAllocs()
	b.SetBytes(int64(total / len(ps)))
	i := 0
	for b.Loop() {
		if err := w.WritePacket(&ps[i%len(ps)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "packets/s")
}

func BenchmarkWritePcap(b *testing.B) {
	w, _ := NewPcapWriter(io.Discard, PcapWriterOptions{LinkType: linktype.Ethernet, Nano: true})
	wBenchWriter(b, w)
}

func BenchmarkWritePcapNG(b *testing.B) {
	w, _ := NewPcapNGWriter(io.Discard, PcapNGWriterOptions{})
	w.AddInterface(Interface{LinkType: linktype.Ethernet})
	wBenchWriter(b, w)
}
