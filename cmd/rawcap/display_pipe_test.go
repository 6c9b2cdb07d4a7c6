package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/filter/display"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/pcapio"
)

// TestDisplayFilterPipeline holds -r -w -Y and convert -Y, whose filter runs
// in a goroutine of its own a batch at a time, to the filter run packet by
// packet in the test: over a capture of many batches (the demo capture's
// packets ten times over, in time order), the same packets in the same
// order; with -c, the first N of them; on a capture cut in the middle of a
// record, every packet kept before the damage, then an error that names
// the file and the offset, and exit 1.
func TestDisplayFilterPipeline(t *testing.T) {
	root, err := testshared.Root()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	big := filepath.Join(dir, "big.pcap")
	pkts := repeatCapture(t, filepath.Join(root, "testdata", "demo.pcap"), big, 10)
	for _, expr := range []string{"tcp.stream eq 3 || dns", "tcp.port == 443 && frame.len > 100", "frame.number > 700 && !tcp",
		"tcp.stream eq 3", "frame.len > 60 && tcp.stream == 45", "frame.len > 100 && tcp.port == 443"} {
		want := filterPackets(t, expr, pkts)
		if len(want) == 0 {
			t.Fatalf("%s selects nothing: a useless case", expr)
		}
		// One core, and four: an independent filter (display.Filter.
		// Independent) then runs on four matchers.
		for _, procs := range []int{1, 4} {
			old := runtime.GOMAXPROCS(procs)
			for _, args := range [][]string{
				{"-r", big, "-w", filepath.Join(dir, "a.pcap"), "-Y", expr},
				{"convert", big, filepath.Join(dir, "a.pcap"), "-Y", expr},
			} {
				if code, _, stderr := rawcapRun(t, "", args...); code != 0 {
					t.Fatalf("%v: exit %d: %s", args, code, stderr)
				}
				if got := readData(t, filepath.Join(dir, "a.pcap")); !equalPackets(got, want) {
					t.Errorf("%d cores, %v: %d packets written, want the %d the filter keeps, in order", procs, args, len(got), len(want))
				}
			}
			runtime.GOMAXPROCS(old)
		}
		// read -Y prints tcpdump's lines of the packets -r -w -Y keeps
		// (its filter runs on a decoder of its own: readState.ownMatcher).
		_, lines, _ := rawcapRun(t, "", "read", "-n", "-Y", expr, big)
		if _, want, _ := rawcapRun(t, "", "read", "-n", filepath.Join(dir, "a.pcap")); lines != want {
			t.Errorf("read -Y %q: the lines differ from those of the packets it keeps", expr)
		}
		code, _, stderr := rawcapRun(t, "", "-r", big, "-w", filepath.Join(dir, "c.pcap"), "-c", "5", "-Y", expr)
		if got := readData(t, filepath.Join(dir, "c.pcap")); code != 0 || !equalPackets(got, want[:min(5, len(want))]) {
			t.Errorf("-c 5 -Y %q: exit %d (%s), %d packets, want the first %d kept", expr, code, stderr, len(got), min(5, len(want)))
		}
	}

	// Cut in the middle of a late record.
	b, err := os.ReadFile(big)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(dir, "cut.pcap")
	size := len(b) * 9 / 10
	if err := os.WriteFile(cut, b[:size], 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := pcapio.Open(cut)
	if err != nil {
		t.Fatal(err)
	}
	var good []pcapio.Packet
	var offset int64
	for {
		p, err := r.Next()
		if err != nil {
			var fe *pcapio.FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("reading the cut capture: %v, want a format error", err)
			}
			offset = fe.Offset
			break
		}
		good = append(good, p.Clone())
	}
	r.Close()
	expr := "tcp || dns"
	want := filterPackets(t, expr, good)
	code, _, stderr := rawcapRun(t, "", "-r", cut, "-w", filepath.Join(dir, "d.pcap"), "-Y", expr)
	if code != 1 || !strings.Contains(stderr, cut) || !strings.Contains(stderr, fmt.Sprint(offset)) {
		t.Errorf("cut capture: exit %d, %q: want 1 and an error naming %s and offset %d", code, stderr, cut, offset)
	}
	if got := readData(t, filepath.Join(dir, "d.pcap")); !equalPackets(got, want) {
		t.Errorf("cut capture: %d packets written, want the %d kept before the damage", len(got), len(want))
	}
}

// repeatCapture writes the packets of src n times over to dst, each round
// after the last in time, and returns them.
func repeatCapture(t *testing.T, src, dst string, n int) []pcapio.Packet {
	t.Helper()
	r, err := pcapio.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	var one []pcapio.Packet
	for {
		p, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		one = append(one, p.Clone())
	}
	r.Close()
	span := one[len(one)-1].Time.Sub(one[0].Time) + time.Second
	f, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	w, err := pcapio.NewPcapWriter(f, pcapio.PcapWriterOptions{LinkType: one[0].LinkType, SnapLen: 262144, Nano: true})
	if err != nil {
		t.Fatal(err)
	}
	var all []pcapio.Packet
	for k := range n {
		for _, p := range one {
			p.Time = p.Time.Add(time.Duration(k) * span)
			if err := w.WritePacket(&p); err != nil {
				t.Fatal(err)
			}
			all = append(all, p)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return all
}

// filterPackets runs expr over pkts packet by packet, as a capture is
// read, and returns the bytes of those it keeps.
func filterPackets(t *testing.T, expr string, pkts []pcapio.Packet) [][]byte {
	t.Helper()
	f, err := display.Compile(expr)
	if err != nil {
		t.Fatal(err)
	}
	d := decode.NewDecoder()
	var out [][]byte
	for n, p := range pkts {
		fr := decode.Frame{Number: n + 1, Time: p.Time, Length: p.Length}
		d.Decode(p.Data, p.LinkType)
		if f.Match(d, &fr) {
			out = append(out, p.Data)
		}
	}
	return out
}

// readData returns the bytes of the packets of a capture.
func readData(t *testing.T, path string) [][]byte {
	t.Helper()
	r, err := pcapio.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var out [][]byte
	for {
		p, err := r.Next()
		if err != nil {
			return out
		}
		out = append(out, append([]byte(nil), p.Data...))
	}
}

func equalPackets(a, b [][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			return false
		}
	}
	return true
}
