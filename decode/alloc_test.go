package decode_test

import (
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/rawcap/rawcap/internal/testshared"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
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
	var names []string
	for _, p := range decode.Protocols() {
		for i := range p.Fields {
			names = append(names, p.Fields[i].Name)
		}
	}
	// Every field, and every protocol's title (-e ip: the list filled
	// as the tree's).
	for _, p := range decode.Protocols() {
		names = append(names, p.Protocol.Name)
	}
	fp, err := decode.NewFieldsPrinter(names)
	if err != nil {
		t.Fatal(err)
	}
	fp.Location, fp.Titles = time.UTC, true
	ek := &decode.EKPrinter{Location: time.UTC}
	for i := range pkts {
		pk := &pkts[i]
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length}
		d.Decode(pk.Data, pk.LinkType)
		if n := testing.AllocsPerRun(100, func() { buf = fp.Append(buf[:0], d, &f) }); n != 0 {
			t.Errorf("FieldsPrinter.Append(packet %d) with every field allocates %v times", i+1, n)
		}
		if n := testing.AllocsPerRun(100, func() { buf = ek.Append(buf[:0], d, &f) }); n != 0 {
			t.Errorf("EKPrinter.Append(packet %d) allocates %v times", i+1, n)
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
func BenchmarkFields(b *testing.B) {
	p, err := decode.NewFieldsPrinter([]string{"ip.src", "ip.dst", "tcp.srcport", "tcp.dstport", "frame.len"})
	if err != nil {
		b.Fatal(err)
	}
	p.Location = time.UTC
	benchPrint(b, p)
}

// BenchmarkFieldsIndependent is -T fields as rawcap read runs it for
// fields that need no tracker (SkipTracker), on the drawing workers.
func BenchmarkFieldsIndependent(b *testing.B) {
	p, err := decode.NewFieldsPrinter([]string{"frame.number", "ip.src", "ip.dst", "tcp.srcport", "tcp.dstport"})
	if err != nil {
		b.Fatal(err)
	}
	p.Location, p.SkipTracker = time.UTC, true
	benchPrint(b, p)
}
func BenchmarkJSON(b *testing.B)    { benchPrint(b, &decode.JSONPrinter{Location: time.UTC}) }
func BenchmarkTree(b *testing.B)    { benchPrint(b, &decode.TreePrinter{Location: time.UTC}) }
func BenchmarkColumns(b *testing.B) { benchPrint(b, &decode.ColumnsPrinter{}) }

// TestLineTCPConvsBounded checks that the one-line printer's table of
// connections (for relative sequence numbers) stops growing: 300,000
// connections leave the heap about where 70,000 left it.
func TestLineTCPConvsBounded(t *testing.T) {
	pkt := []byte{
		2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 8, 0,
		0x45, 0, 0, 40, 0, 1, 0x40, 0, 64, 6, 0, 0, 10, 0, 0, 1, 10, 1, 0, 0,
		0, 0, 0, 80, 0, 0, 0, 1, 0, 0, 0, 1, 0x50, 0x10, 0xfa, 0xf0, 0, 0, 0, 0,
	}
	d := decode.NewDecoder()
	p := &decode.LinePrinter{}
	var b []byte
	heap := func(n, from int) uint64 {
		for i := from; i < n; i++ {
			pkt[32], pkt[33] = byte(i>>8), byte(i) // destination address
			pkt[34], pkt[35] = byte(i>>16)|0x80, byte(i>>24)
			d.Decode(pkt, linktype.Ethernet)
			b = p.Append(b[:0], d, &decode.Frame{Number: i + 1, Length: len(pkt)})
		}
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		runtime.KeepAlive(p) // its table is what is measured
		return ms.HeapAlloc
	}
	at70k := heap(70_000, 0)
	at300k := heap(300_000, 70_000)
	if at300k > at70k+1<<20 {
		t.Errorf("heap %d bytes after 300,000 connections, %d after 70,000: the table grows", at300k, at70k)
	}
}
