package decode_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/rawcap/rawcap/internal/testshared"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/pcapio"
)

// readSharedDir returns ../shared relative to the repository root (the
// directory holding go.mod), or skips the test when it is absent.
func readSharedDir(t testing.TB) string {
	t.Helper()
	testshared.Path(t, "corpus")
	return testshared.Dir(t)
}

func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := testshared.Root()
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// samplePackets returns the packets of the project's own sample capture
// (testdata/read/sample.pcap, built by cmd/rawcap's tests).
func samplePackets(t testing.TB) []pcapio.Packet {
	t.Helper()
	r, err := pcapio.Open(filepath.Join(repoRoot(t), "testdata", "read", "sample.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var out []pcapio.Packet
	for {
		p, err := r.Next()
		if err != nil {
			break
		}
		out = append(out, p.Clone())
	}
	return out
}

// TestNoAllocations checks that decoding and one-line printing into a
// reused buffer allocate nothing, for every packet of the sample capture
// (ARP, IPv4 and IPv6 with TCP, UDP, ICMP, ICMPv6, a VLAN tag, a cut packet)
// and every line option set, and that the JSON and -V tree printers do
// not allocate either.
func TestNoAllocations(t *testing.T) {
	pkts := samplePackets(t)
	d := decode.NewDecoder()
	buf := make([]byte, 0, 64<<10)
	for _, o := range []decode.LineOptions{{}, {Link: true}, {Verbose: 2}, {Quiet: true}, {Time: decode.TimeEpoch, Hex: decode.HexASCIILink}, {Time: decode.TimeDate, Number: true}} {
		o.Location = time.UTC
		p := &decode.LinePrinter{Options: o}
		for i := range pkts {
			pk := &pkts[i]
			f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length}
			if n := testing.AllocsPerRun(100, func() { d.Decode(pk.Data, pk.LinkType) }); n != 0 {
				t.Errorf("Decode(packet %d) allocates %v times", i+1, n)
			}
			if n := testing.AllocsPerRun(100, func() { buf = p.Append(buf[:0], d, &f) }); n != 0 {
				t.Errorf("LinePrinter%+v.Append(packet %d) allocates %v times", o, i+1, n)
			}
		}
	}
	jp := &decode.JSONPrinter{Location: time.UTC}
	for i := range pkts {
		pk := &pkts[i]
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length}
		d.Decode(pk.Data, pk.LinkType)
		if n := testing.AllocsPerRun(100, func() { buf = jp.Append(buf[:0], d, &f) }); n != 0 {
			t.Errorf("JSONPrinter.Append(packet %d) allocates %v times", i+1, n)
		}
	}
	tp := &decode.TreePrinter{Location: time.UTC}
	for i := range pkts {
		pk := &pkts[i]
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length}
		d.Decode(pk.Data, pk.LinkType)
		if n := testing.AllocsPerRun(100, func() { buf = tp.Append(buf[:0], d, &f) }); n != 0 {
			t.Errorf("TreePrinter.Append(packet %d) allocates %v times", i+1, n)
		}
	}
}

type benchPrinter interface {
	Append([]byte, *decode.Decoder, *decode.Frame) []byte
}

func benchPrint(b *testing.B, p benchPrinter) {
	pkts := samplePackets(b)
	d := decode.NewDecoder()
	buf := make([]byte, 0, 64<<10)
	var bytes int64
	for i := range pkts {
		bytes += int64(len(pkts[i].Data))
	}
	b.ReportAllocs()
	b.SetBytes(bytes / int64(len(pkts)))
	i := 0
	var f decode.Frame
	for b.Loop() {
		pk := &pkts[i%len(pkts)]
		i++
		d.Decode(pk.Data, pk.LinkType)
		if p != nil {
			f.Number, f.Time, f.Length = i, pk.Time, pk.Length
			buf = p.Append(buf[:0], d, &f)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "packets/s")
}

func BenchmarkDecode(b *testing.B) { benchPrint(b, nil) }
func BenchmarkLine(b *testing.B) {
	benchPrint(b, &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC}})
}
func BenchmarkLineVerbose(b *testing.B) {
	benchPrint(b, &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Verbose: 1, Link: true}})
}
func BenchmarkJSON(b *testing.B)    { benchPrint(b, &decode.JSONPrinter{Location: time.UTC}) }
func BenchmarkTree(b *testing.B)    { benchPrint(b, &decode.TreePrinter{Location: time.UTC}) }
func BenchmarkColumns(b *testing.B) { benchPrint(b, &decode.ColumnsPrinter{}) }
