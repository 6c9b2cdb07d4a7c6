package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/internal/synth"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// benchInfoFile writes a 64 MB capture of generated traffic for the
// info benchmarks.
func benchInfoFile(b *testing.B) string {
	b.Helper()
	name := filepath.Join(b.TempDir(), "info.pcap")
	f, err := os.Create(name)
	if err != nil {
		b.Fatal(err)
	}
	w, err := pcapio.NewPcapWriter(f, pcapio.PcapWriterOptions{LinkType: linktype.Ethernet})
	if err != nil {
		b.Fatal(err)
	}
	g := synth.New(1, time.Unix(1700000000, 0))
	for n := 0; n < 64<<20; {
		p := g.Next()
		if err := w.WritePacket(&pcapio.Packet{Data: p.Data, Length: len(p.Data), Time: p.Time, LinkType: linktype.Ethernet}); err != nil {
			b.Fatal(err)
		}
		n += 16 + len(p.Data)
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return name
}

// BenchmarkInfo measures rawcap info on one file: the packet scan alone
// (what capinfos' field flags other than -H need), and with the three
// hashes of the default report, computed beside the scan.
func BenchmarkInfo(b *testing.B) {
	name := benchInfoFile(b)
	fi, err := os.Stat(name)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		hash bool
	}{{"scan", false}, {"scan+hashes", true}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(fi.Size())
			for b.Loop() {
				if _, err := captureInfo(name, nil, c.hash); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestInfoHashesOnlyWhenShown checks that rawcap info reads the file for
// its hashes only when the report shows them: rawcap's own report, --json,
// and capinfos' layouts with -H or every field (-A, or no field flag), as
// capinfos computes them; not for capinfos' other field flags.
func TestInfoHashesOnlyWhenShown(t *testing.T) {
	name := filepath.Join(t.TempDir(), "h.pcapng")
	writeInfoCapture(t, name)
	hashed := 0
	orig := startHashes
	startHashes = func(n string) *fileHashes { hashed++; return orig(n) }
	t.Cleanup(func() { startHashes = orig })
	for _, c := range []struct {
		args []string
		hash bool
	}{
		{nil, true},
		{[]string{"--json"}, true},
		{[]string{"-H"}, true},
		{[]string{"-A"}, true},
		{[]string{"-T"}, true},
		{[]string{"-T", "-M"}, true},
		{[]string{"-c"}, false},
		{[]string{"-c", "-u", "-a"}, false},
		{[]string{"-T", "-r", "-c", "-d"}, false},
		{[]string{"-c", "-H"}, true},
	} {
		hashed = 0
		code, out, errs := rawcapRun(t, "", append(append([]string{"info"}, c.args...), name)...)
		if code != 0 {
			t.Fatalf("info %v: exit %d: %s", c.args, code, errs)
		}
		if got := hashed > 0; got != c.hash {
			t.Errorf("info %v hashed the file: %v, want %v", c.args, got, c.hash)
		}
		if shown := strings.Contains(out, "RIPEMD160") || strings.Contains(out, "ripemd160"); shown != c.hash {
			t.Errorf("info %v shows the hashes: %v, want %v:\n%s", c.args, shown, c.hash, out)
		}
	}
}
