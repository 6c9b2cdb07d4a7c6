package pcapio

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/klauspost/compress/zstd"
)

// readBlocks describes every block of r (and, for packets, their metadata
// and bytes) and the error that ended the reading.
func readBlocks(r *Reader) []string {
	var out []string
	for {
		b, err := r.NextBlock()
		if err != nil {
			out = append(out, fmt.Sprintf("end: %v", err))
			break
		}
		s := fmt.Sprintf("%#x @%d sec %d %x", b.Type, b.Offset, b.Section, sha256.Sum256(b.Raw))
		if p := b.Packet; p != nil {
			s += fmt.Sprintf(" pkt %v %d %d %d %x", p.Time.UnixNano(), p.Length, p.Interface, p.LinkType, sha256.Sum256(p.Data))
		}
		out = append(out, s)
	}
	for _, in := range r.Interfaces() {
		st := in.Stats
		in.Stats = nil
		out = append(out, fmt.Sprintf("interface %+v", in))
		if st != nil {
			out = append(out, fmt.Sprintf("stats %+v", *st))
		}
	}
	return out
}

// TestReadAheadMatchesOpen holds OpenReadAhead to Open: the same blocks,
// packets, offsets and final error, for plain, gzip and zstd captures, cut
// ones, and with chunks shrunk so that records cross chunks (and outgrow a
// chunk's front room) all the time.
func TestReadAheadMatchesOpen(t *testing.T) {
	dir := t.TempDir()
	var files []string
	add := func(name string, b []byte) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	sample, err := os.ReadFile(filepath.Join("..", "testdata", "demo.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	ng := benchPcapNG(benchFrames(300))
	var gz, zs bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(sample)
	zw.Close()
	ze, _ := zstd.NewWriter(&zs)
	ze.Write(ng)
	ze.Close()
	add("demo.pcap", sample)
	add("cut.pcap", sample[:len(sample)*2/3+5])
	add("ng.pcapng", ng)
	add("cut.pcapng", ng[:len(ng)/2+3])
	add("demo.pcap.gz", gz.Bytes())
	add("ng.pcapng.zst", zs.Bytes())
	add("cut.pcap.gz", gz.Bytes()[:gz.Len()/2])
	add("short", sample[:3])
	if testing.Short() == false {
		if caps := corpusFilesIfPresent(); len(caps) > 0 {
			files = append(files, caps...)
		}
	}
	for _, sizes := range [][2]int{{raChunk, raHead}, {97, 40}, {4096, 2000}, {1 << 16, 0}} {
		oldChunk, oldHead := raChunk, raHead
		raChunk, raHead = sizes[0], sizes[1]
		for _, f := range files {
			var want, got []string
			if r, err := Open(f); err != nil {
				want = []string{fmt.Sprintf("open: %v", err)}
			} else {
				want = readBlocks(r)
				r.Close()
			}
			if r, err := OpenReadAhead(f); err != nil {
				got = []string{fmt.Sprintf("open: %v", err)}
			} else {
				got = readBlocks(r)
				if err := r.Close(); err != nil {
					t.Errorf("%s: Close: %v", f, err)
				}
			}
			if len(got) != len(want) {
				t.Errorf("chunks %v, %s: %d blocks read ahead, %d directly (last %q vs %q)", sizes, filepath.Base(f), len(got), len(want), got[len(got)-1], want[len(want)-1])
				continue
			}
			for k := range want {
				if got[k] != want[k] {
					t.Errorf("chunks %v, %s: block %d read ahead %q, directly %q", sizes, filepath.Base(f), k, got[k], want[k])
					break
				}
			}
		}
		raChunk, raHead = oldChunk, oldHead
	}
}

// corpusFilesIfPresent lists ../shared/corpus's captures, or none.
func corpusFilesIfPresent() []string {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "*", "*"))
	var caps []string
	for _, f := range files {
		if filepath.Ext(f) != ".json" {
			caps = append(caps, f)
		}
	}
	return caps
}

// TestReadAheadCloseEarly closes readers part way, compressed or not, and
// checks nothing hangs.
func TestReadAheadCloseEarly(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(benchPcapNG(benchFrames(20000)))
	zw.Close()
	p := filepath.Join(t.TempDir(), "big.pcapng.gz")
	if err := os.WriteFile(p, gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for range 20 {
		r, err := OpenReadAhead(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := r.Next(); err != nil {
			t.Fatal(err)
		}
		if err := r.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
