package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/klauspost/compress/zstd"

	"github.com/rawcap/rawcap/internal/netns"
	"github.com/rawcap/rawcap/pcapio"
)

// decompressTo writes the decompressed stream of name (.gz or .zst) to a
// temporary file and returns its name, for tshark and capinfos.
func decompressTo(t *testing.T, name string) string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader
	switch {
	case strings.HasSuffix(name, ".gz"):
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r = zr
	case strings.HasSuffix(name, ".zst"):
		zr, err := zstd.NewReader(f)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		defer zr.Close()
		r = zr
	default:
		t.Fatalf("%s is not .gz or .zst", name)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decompressing %s: %v (the stream must be complete)", name, err)
	}
	base := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(name), ".gz"), ".zst")
	out := filepath.Join(t.TempDir(), base)
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLiveCompressedOutput: -w NAME.gz and NAME.zst compress while
// capturing; rawcap reads the files back, and once decompressed (by the
// standard gzip and zstd readers) tshark and capinfos read them cleanly.
func TestLiveCompressedOutput(t *testing.T) {
	for _, name := range []string{"c.pcapng.zst", "c.pcap.gz", "c.pcap.zst"} {
		t.Run(name, func(t *testing.T) {
			p := netns.NewPair(t)
			out := filepath.Join(t.TempDir(), name)
			r := startRawcap(t, p.A, "-i", p.IfA, "-w", out, "-c", "300", "udp port 9999")
			payloads := sendUDP(t, p, "z", 300, 700)
			if code := r.wait(t); code != 0 {
				t.Fatalf("exit %d:\n%s", code, r.stderr.String())
			}
			raw, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.HasPrefix(raw, []byte{0x0a, 0x0d, 0x0d, 0x0a}) || bytes.HasPrefix(raw, []byte{0xd4, 0xc3, 0xb2, 0xa1}) {
				t.Fatalf("%s is not compressed", name)
			}
			pkts := liveFiles(t, out) // rawcap's reader, compressed
			if len(pkts) != 300 {
				t.Fatalf("%d packets read back, want 300", len(pkts))
			}
			checkPayloads(t, pkts, payloads)
			plain := decompressTo(t, out)
			if fi, _ := os.Stat(plain); fi.Size() < int64(2*len(raw)) {
				t.Errorf("%d bytes compressed into %d: not compressed", fi.Size(), len(raw))
			}
			tsharkClean(t, plain, 300)
		})
	}
}

// TestLiveCompressedRotation: with -C, each file is compressed as it is
// written and complete when it closes, without -z; the count goes before
// the suffix.
func TestLiveCompressedRotation(t *testing.T) {
	p := netns.NewPair(t)
	dir := t.TempDir()
	r := startRawcap(t, p.A, "-i", p.IfA, "-w", filepath.Join(dir, "ring.pcapng.zst"), "-C", "1", "-c", "2000", "udp")
	payloads := sendUDP(t, p, "zrot", 2000, 1200)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, r.stderr.String())
	}
	names := []string{filepath.Join(dir, "ring.pcapng.zst")}
	for i := 1; ; i++ {
		n := filepath.Join(dir, fmt.Sprintf("ring.pcapng%d.zst", i))
		if _, err := os.Stat(n); err != nil {
			break
		}
		names = append(names, n)
	}
	if all, _ := filepath.Glob(filepath.Join(dir, "*")); len(all) != len(names) || len(names) < 2 {
		t.Fatalf("files %v: want ring.pcapng.zst, ring.pcapng1.zst, … (2.5 MB in files of 1 MB)", all)
	}
	pkts := liveFiles(t, names...)
	checkPayloads(t, pkts, payloads)
	total := 0
	for _, n := range names {
		k := len(liveFiles(t, n))
		total += k
		tsharkClean(t, decompressTo(t, n), k)
	}
	if total != 2000 {
		t.Errorf("files hold %d packets, want 2000", total)
	}
}

// TestLiveAlignedRotation: -G 1 --align puts each packet in the file of
// its own second on the clock, whatever the capture's start; each file is
// named from its first packet; nothing is lost or doubled at a boundary.
func TestLiveAlignedRotation(t *testing.T) {
	p := netns.NewPair(t)
	dir := t.TempDir()
	r := startRawcap(t, p.A, "-i", p.IfA, "-w", filepath.Join(dir, "t-%s.pcap.zst"), "-G", "1", "--align", "udp")
	var payloads [][]byte
	deadline := time.Now().Add(3500 * time.Millisecond)
	for i := 0; time.Now().Before(deadline); i++ {
		payloads = append(payloads, sendUDP(t, p, fmt.Sprintf("align%03d", i), 10, 100)...)
		time.Sleep(20 * time.Millisecond)
	}
	r.cmd.Process.Signal(syscall.SIGTERM)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, r.stderr.String())
	}
	names, _ := filepath.Glob(filepath.Join(dir, "t-*.pcap.zst"))
	if len(names) < 3 {
		t.Fatalf("files %v: want one for each second of about 3.5 s", names)
	}
	var all []pcapio.Packet
	for _, name := range names {
		pkts := liveFiles(t, name)
		if len(pkts) == 0 {
			t.Errorf("%s holds no packet", name)
			continue
		}
		sec := pkts[0].Time.Unix()
		if want := fmt.Sprintf("t-%d.pcap.zst", sec); filepath.Base(name) != want {
			t.Errorf("%s: its first packet is from second %d, want the name %s", name, sec, want)
		}
		for _, pk := range pkts {
			if pk.Time.Unix() != sec {
				t.Errorf("%s holds a packet of %v, outside its second %d", filepath.Base(name), pk.Time, sec)
			}
		}
		all = append(all, pkts...)
	}
	checkPayloads(t, all, payloads)
}

// TestLiveAlignedIdleClose: with --align, a file whose second has passed is
// finished on the clock (closed, its zstd stream complete) while rawcap
// goes on capturing on a quiet link, instead of staying open until the next
// packet; the packets after the quiet spell go to a file of their own, and
// nothing is lost or doubled.
func TestLiveAlignedIdleClose(t *testing.T) {
	p := netns.NewPair(t)
	dir := t.TempDir()
	r := startRawcap(t, p.A, "-i", p.IfA, "-w", filepath.Join(dir, "t-%s.pcap.zst"), "-G", "1", "--align", "udp")
	payloads := sendUDP(t, p, "before", 20, 100)
	// The second ends, then the grace (1 s and the merge window); the
	// closer looks every 250 ms.
	time.Sleep(3 * time.Second)
	first, _ := filepath.Glob(filepath.Join(dir, "t-*.pcap.zst"))
	if len(first) == 0 {
		t.Fatalf("no file after the first burst:\n%s", r.stderr.String())
	}
	open := openFiles(t, r.cmd.Process.Pid)
	for _, name := range first {
		if open[name] {
			t.Errorf("%s is still open 3 s after the burst on a quiet link", filepath.Base(name))
		}
		decompressTo(t, name) // fails unless the zstd stream is complete
	}
	payloads = append(payloads, sendUDP(t, p, "after", 20, 100)...)
	r.cmd.Process.Signal(syscall.SIGTERM)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, r.stderr.String())
	}
	names, _ := filepath.Glob(filepath.Join(dir, "t-*.pcap.zst"))
	if len(names) <= len(first) {
		t.Fatalf("files %v: the second burst must start a file of its own after %v", names, first)
	}
	var all []pcapio.Packet
	for _, name := range names {
		all = append(all, liveFiles(t, name)...)
	}
	checkPayloads(t, all, payloads)
}

// openFiles returns the files process pid holds open.
func openFiles(t *testing.T, pid int) map[string]bool {
	t.Helper()
	fds, err := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, fd := range fds {
		if target, err := os.Readlink(fmt.Sprintf("/proc/%d/fd/%s", pid, fd.Name())); err == nil {
			out[target] = true
		}
	}
	return out
}

// TestLiveMaxFiles: --max-files deletes the oldest files as new ones come,
// keeping the newest.
func TestLiveMaxFiles(t *testing.T) {
	p := netns.NewPair(t)
	dir := t.TempDir()
	r := startRawcap(t, p.A, "-i", p.IfA, "-w", filepath.Join(dir, "ring.pcap"), "-C", "1", "--max-files", "2", "-c", "3000", "udp")
	sendUDP(t, p, "keep", 3000, 1200) // 3.6 MB: ring.pcap … ring.pcap3
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, r.stderr.String())
	}
	all, _ := filepath.Glob(filepath.Join(dir, "*"))
	for i := range all {
		all[i] = filepath.Base(all[i])
	}
	if strings.Join(all, " ") != "ring.pcap2 ring.pcap3" {
		t.Errorf("files %v, want the newest two, ring.pcap2 and ring.pcap3", all)
	}
}
