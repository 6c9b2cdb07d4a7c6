package stats_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/stats"
	"github.com/rawcap/rawcap/internal/synth"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

func TestAppendSize(t *testing.T) {
	for n, want := range map[uint64]string{
		0: "0 bytes", 9999: "9999 bytes", 10000: "10 kB", 12049: "12 kB", 9999999: "9999 kB",
		10_000_000: "10 MB", 310_500_000: "310 MB", 12_000_000_000: "12 GB", 99_000_000_000_000: "99 TB",
	} {
		if got := string(stats.AppendSize(nil, n)); got != want {
			t.Errorf("AppendSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestParseInterval(t *testing.T) {
	for _, tc := range []struct {
		in     string
		micros uint64
		prec   int
	}{
		{"1", 1e6, 0}, {"0.5", 5e5, 1}, {"0.25", 25e4, 2}, {"10", 1e7, 0}, {"1.0", 1e6, 1},
		{"2.000", 2e6, 3}, {"0.001", 1000, 3}, {"0.000001", 1, 6}, {"100ms", 1e5, 1}, {"1m", 6e7, 0},
		{"1.5s", 15e5, 1}, {"0", 0, 0},
	} {
		iv, err := stats.ParseInterval(tc.in)
		if err != nil || iv.Micros != tc.micros || iv.Prec != tc.prec {
			t.Errorf("ParseInterval(%q) = %+v, %v; want %d µs, %d decimals", tc.in, iv, err, tc.micros, tc.prec)
		}
	}
	for _, bad := range []string{"", "-1", "soon", "0.0000001", "1e300"} {
		if _, err := stats.ParseInterval(bad); err == nil {
			t.Errorf("ParseInterval(%q): no error", bad)
		}
	}
}

// frames makes n synthetic frames, stamped at times (seconds since t0) if
// given, else as the generator stamps them.
func frames(n int, times ...float64) []synth.Packet {
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	g := synth.New(7, t0)
	var out []synth.Packet
	for i := 0; i < n; i++ {
		p := g.Next()
		p.Data = append([]byte(nil), p.Data...)
		if i < len(times) {
			p.Time = t0.Add(time.Duration(times[i] * 1e9))
		}
		out = append(out, p)
	}
	return out
}

// writePcap writes frames to a nanosecond pcap file in dir.
func writePcap(t *testing.T, dir, name string, ps []synth.Packet) string {
	var b bytes.Buffer
	w, err := pcapio.NewPcapWriter(&b, pcapio.PcapWriterOptions{LinkType: linktype.Ethernet, Nano: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if err := w.WritePacket(&pcapio.Packet{Data: p.Data, Length: len(p.Data), Time: p.Time, HasTime: true}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func hasLayer(lt decode.LayerType) func(d *decode.Decoder, f *decode.Frame) bool {
	return func(d *decode.Decoder, f *decode.Frame) bool {
		_, ok := d.Layer(lt)
		return ok
	}
}

// TestIOMatchesTshark draws the I/O table of captures whose durations and
// intervals walk through tshark's layout cases (the magnitudes of the
// duration, decimals, rounding past a magnitude, an interval longer than
// the capture, packets out of order and before the first, one packet, a
// last packet exactly at a multiple of the interval) and columns with
// filters, and compares each with tshark's.
func TestIOMatchesTshark(t *testing.T) {
	testshared.TsharkVersion(t)
	dir := t.TempDir()
	captures := map[string][]float64{
		"9.6":          {0, 0.3, 9.6},
		"9.065041":     {0, 0.5, 3.2, 9.065041},
		"9.0650415ns":  {0, 1.25, 9.0650415},
		"123.456789":   {0, 5, 123.456789},
		"out-of-order": {0, 5, 2, 7.5},
		"before-first": {3, 5, 1, 7},
		"one":          {3},
		"exact-10":     {0, 10},
		"0.0003":       {0, 0.0001, 0.0003},
		"0.95":         {0, 0.9, 0.95},
		"99.5":         {0, 1, 2, 99.5},
		"999.7":        {0, 400, 999.7},
		"9.96":         {0, 4, 9.96},
		"12345.6":      {0, 6000, 12345.6},
	}
	intervals := []string{"1", "0.5", "2", "10", "0.1", "0.001", "100", "0", "0.25", "1.5"}
	long := strings.Repeat("frame.len >= 0 && ", 6) + "frame.len >= 0"
	type job struct {
		name, path, iv string
		cols           []stats.Filter
	}
	var jobs []job
	for name, times := range captures {
		path := writePcap(t, dir, name+".pcap", frames(len(times), times...))
		var last float64
		for _, x := range times {
			last = max(last, x-times[0])
		}
		for _, iv := range intervals {
			x, err := stats.ParseInterval(iv)
			if err != nil {
				t.Fatal(err)
			}
			if x.Micros > 0 && last*1e6/float64(x.Micros) > 20000 {
				continue // tshark would print too many rows to be worth it
			}
			jobs = append(jobs, job{name, path, iv, nil})
			if iv == "1" || iv == "0.1" || iv == "0" {
				jobs = append(jobs,
					job{name, path, iv, []stats.Filter{{Text: "tcp", Match: hasLayer(decode.LayerTCP)}, {}, {Text: "udp", Match: hasLayer(decode.LayerUDP)}}},
					job{name, path, iv, []stats.Filter{{Text: long}}})
			}
		}
	}
	z := func(j job) string {
		s := "io,stat," + j.iv
		for _, c := range j.cols {
			s += "," + c.Text
		}
		return s
	}
	// Fill tshark's cache on two cores first.
	work := make(chan job)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				testshared.Tshark(t, "stats-io", j.path, "-q", "-z", z(j))
			}
		}()
	}
	for _, j := range jobs {
		work <- j
	}
	close(work)
	wg.Wait()
	compared := 0
	for _, j := range jobs {
		want := string(testshared.Tshark(t, "stats-io", j.path, "-q", "-z", z(j)))
		x, _ := stats.ParseInterval(j.iv)
		io := stats.NewIO(x, j.cols...)
		if err := runFile(t, j.path, io); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := io.WriteText(&got); err != nil {
			t.Fatal(err)
		}
		compared++
		if got.String() != want {
			t.Errorf("capture %s, -z %s:\n%s", j.name, z(j), cmp.Diff(want, got.String()))
		}
	}
	t.Logf("%d I/O tables compared with tshark's", compared)
}

// TestConversationDirections feeds packets both ways between two hosts:
// A is the first packet's source, "->" counts A to B, and the table sorts
// by frames, then by first appearance.
func TestConversationDirections(t *testing.T) {
	ps := frames(3000)
	c := stats.NewConversations(stats.TCP)
	e := stats.NewEndpoints(stats.TCP)
	d := decode.NewDecoder()
	var f decode.Frame
	total := uint64(0)
	for i, p := range ps {
		f = decode.Frame{Number: i + 1, Time: p.Time, Length: len(p.Data)}
		d.Decode(p.Data, linktype.Ethernet)
		if _, ok := d.Layer(decode.LayerTCP); ok {
			total++
		}
		c.Add(d, &f)
		e.Add(d, &f)
	}
	list := c.List()
	sum := uint64(0)
	for i, cv := range list {
		sum += cv.Frames()
		if i > 0 && list[i-1].Frames() < cv.Frames() {
			t.Errorf("row %d has more frames than the row before", i)
		}
		if cv.Start > cv.Stop {
			t.Errorf("row %d starts after it stops", i)
		}
	}
	if sum != total {
		t.Errorf("conversations hold %d frames, the capture %d TCP frames", sum, total)
	}
	esum := uint64(0)
	for _, p := range e.List() {
		esum += p.TxFrames
	}
	if esum != total {
		t.Errorf("endpoints sent %d frames, the capture has %d TCP frames", esum, total)
	}
}

// TestConversationBound holds at most Max conversations and counts the
// packets of the others.
func TestConversationBound(t *testing.T) {
	ps := frames(3000)
	c := stats.NewConversations(stats.IPv4)
	c.Max = 3
	d := decode.NewDecoder()
	in := uint64(0)
	for i, p := range ps {
		f := decode.Frame{Number: i + 1, Time: p.Time, Length: len(p.Data)}
		d.Decode(p.Data, linktype.Ethernet)
		if l, ok := d.Layer(decode.LayerIPv4); ok && !l.Quoted {
			in++
		}
		c.Add(d, &f)
	}
	held := uint64(0)
	for _, cv := range c.List() {
		held += cv.Frames()
	}
	if c.Len() != 3 || c.Overflow.Frames == 0 || held+c.Overflow.Frames < in {
		t.Errorf("%d conversations holding %d frames, overflow %+v, of %d IPv4 frames", c.Len(), held, c.Overflow, in)
	}
}

// TestAddAllocatesNothing checks that counting a packet of a conversation,
// endpoint, protocol path and interval already seen allocates nothing.
func TestAddAllocatesNothing(t *testing.T) {
	ps := frames(2000)
	d := decode.NewDecoder()
	iv, _ := stats.ParseInterval("1")
	tables := []stats.Table{stats.NewConversations(stats.TCP), stats.NewEndpoints(stats.IPv4), stats.NewHierarchy(), stats.NewIO(iv)}
	var f decode.Frame
	feed := func(i int) {
		p := ps[i%len(ps)]
		f = decode.Frame{Number: i + 1, Time: ps[len(ps)-1].Time, Length: len(p.Data)}
		d.Decode(p.Data, linktype.Ethernet)
		for _, tb := range tables {
			tb.Add(d, &f)
		}
	}
	for i := range ps {
		feed(i)
	}
	i := 0
	if n := testing.AllocsPerRun(2000, func() { feed(i); i++ }); n != 0 {
		t.Errorf("%v allocations per packet, want 0", n)
	}
}

func BenchmarkTables(b *testing.B) {
	ps := frames(4096)
	iv, _ := stats.ParseInterval("1")
	for _, tc := range []struct {
		name string
		make func() stats.Table
	}{
		{"conv-tcp", func() stats.Table { return stats.NewConversations(stats.TCP) }},
		{"endpoints-ip", func() stats.Table { return stats.NewEndpoints(stats.IPv4) }},
		{"phs", func() stats.Table { return stats.NewHierarchy() }},
		{"io", func() stats.Table { return stats.NewIO(iv) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			d := decode.NewDecoder()
			tb := tc.make()
			var f decode.Frame
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				p := ps[i%len(ps)]
				f = decode.Frame{Number: i + 1, Time: p.Time, Length: len(p.Data)}
				d.Decode(p.Data, linktype.Ethernet)
				tb.Add(d, &f)
				i++
			}
		})
	}
}

// TestRunStopsAtDamage counts every packet before the damage and returns
// the reader's error.
func TestRunStopsAtDamage(t *testing.T) {
	path := writePcap(t, t.TempDir(), "x.pcap", frames(50))
	b, _ := os.ReadFile(path)
	r, err := pcapio.NewReaderBytes(b[:len(b)-10])
	if err != nil {
		t.Fatal(err)
	}
	io := stats.NewIO(stats.Interval{})
	n, err := stats.Run(context.Background(), r, decode.NewDecoder(), nil, io)
	if err == nil || n != 49 {
		t.Errorf("Run read %d packets, error %v; want 49 and the damage", n, err)
	}
	if rows := io.Rows(); len(rows) != 1 || rows[0].Cells[0].Frames != 49 {
		t.Errorf("rows %+v, want one of 49 frames", rows)
	}
}

// FuzzTables feeds arbitrary frames of each link type to every table and
// writes every output: nothing panics, whatever the bytes.
func FuzzTables(f *testing.F) {
	for _, p := range frames(40) {
		f.Add(p.Data, uint8(0), uint16(len(p.Data)))
	}
	for _, tc := range tapCases {
		f.Add(tc.data, uint8(1), uint16(len(tc.data)+tc.cut))
		f.Add(tc.data, uint8(2), uint16(len(tc.data)+tc.cut))
	}
	lts := []linktype.Type{linktype.Ethernet, linktype.IPv4, linktype.IPv6, linktype.LinuxSLL, linktype.Null}
	f.Fuzz(func(t *testing.T, data []byte, lt uint8, wire uint16) {
		iv, _ := stats.ParseInterval("0.001")
		a := newAllTables(iv)
		d := decode.NewDecoder()
		fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: max(int(wire), len(data))}
		d.Decode(data, lts[int(lt)%len(lts)])
		for _, tb := range a.list() {
			tb.Add(d, &fr)
			fr.Time = fr.Time.Add(time.Millisecond)
			fr.Number++
		}
		var b bytes.Buffer
		for _, tb := range a.list() {
			w := tb.(interface {
				WriteText(io.Writer) error
				WriteJSON(io.Writer) error
				WriteCSV(io.Writer) error
			})
			if err := w.WriteText(&b); err != nil {
				t.Fatal(err)
			}
			if err := w.WriteJSON(&b); err != nil {
				t.Fatal(err)
			}
			if err := w.WriteCSV(&b); err != nil {
				t.Fatal(err)
			}
		}
	})
}
