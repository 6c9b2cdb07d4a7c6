package rotate

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func pcapCreate(w io.Writer) (pcapio.Writer, error) {
	return pcapio.NewPcapWriter(w, pcapio.PcapWriterOptions{LinkType: linktype.Ethernet, SnapLen: 262144})
}

// files lists the names in dir, sorted.
func files(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names
}

// countPackets reads a pcap file back and counts its packets.
func countPackets(t *testing.T, name string) int {
	t.Helper()
	r, err := pcapio.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	n := 0
	for {
		if _, err := r.Next(); err == io.EOF {
			return n
		} else if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		n++
	}
}

func writeN(t *testing.T, w *Writer, n int, c *clock, step time.Duration) error {
	t.Helper()
	p := &pcapio.Packet{Data: make([]byte, 984), Length: 984, LinkType: linktype.Ethernet, HasTime: true}
	for i := range n {
		p.Time = time.Unix(int64(i), 0)
		if err := w.WritePacket(p); err != nil {
			return err
		}
		c.t = c.t.Add(step)
	}
	return nil
}

func TestRotation(t *testing.T) {
	start := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name      string
		cfg       Config
		packets   int
		step      time.Duration
		wantFiles []string
		wantErr   error
	}{
		{
			name: "size, no count: out, out1, out2",
			cfg:  Config{Name: "out", FileSize: 10_000},
			// 1000 bytes a record: a file takes 11 packets before it passes 10 kB.
			packets: 30, wantFiles: []string{"out", "out1", "out2"},
		},
		{
			name:    "size ring of 2: out0, out1, reused",
			cfg:     Config{Name: "out", FileSize: 10_000, MaxFiles: 2},
			packets: 50, wantFiles: []string{"out0", "out1"},
		},
		{
			name:    "size ring of 12 pads to two digits",
			cfg:     Config{Name: "out", FileSize: 10_000, MaxFiles: 12},
			packets: 20, wantFiles: []string{"out00", "out01"},
		},
		{
			name:    "interval with strftime names",
			cfg:     Config{Name: "t-%H%M%S.pcap", Interval: 10 * time.Second},
			packets: 25, step: time.Second,
			wantFiles: []string{"t-100000.pcap", "t-100010.pcap", "t-100020.pcap"},
		},
		{
			name:    "interval with a file limit stops after W files",
			cfg:     Config{Name: "t-%s", Interval: 10 * time.Second, MaxFiles: 2},
			packets: 25, step: time.Second,
			wantFiles: []string{"t-1795341600", "t-1795341610"},
			wantErr:   ErrFileLimit,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			c := &clock{start}
			cfg := tc.cfg
			cfg.Name = filepath.Join(dir, cfg.Name)
			cfg.Create, cfg.Now = pcapCreate, c.now
			w, err := New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			err = writeN(t, w, tc.packets, c, tc.step)
			if err != tc.wantErr {
				t.Fatalf("writing: %v, want %v", err, tc.wantErr)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			got := files(t, dir)
			if diff := cmp.Diff(tc.wantFiles, got); diff != "" {
				t.Fatalf("files (-want +got):\n%s", diff)
			}
			total := 0
			for _, f := range got {
				total += countPackets(t, filepath.Join(dir, f))
			}
			if tc.cfg.MaxFiles == 0 && tc.wantErr == nil && total != tc.packets {
				t.Fatalf("files hold %d packets, want all %d", total, tc.packets)
			}
		})
	}
}

func TestPostRotateRunsOnRotatedFiles(t *testing.T) {
	dir := t.TempDir()
	c := &clock{time.Unix(0, 0)}
	w, err := New(Config{Name: filepath.Join(dir, "out"), FileSize: 10_000, Create: pcapCreate, Now: c.now,
		PostRotate: "gzip -f"})
	if err != nil {
		t.Fatal(err)
	}
	if err := writeN(t, w, 30, c, 0); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		got := files(t, dir)
		want := []string{"out.gz", "out1.gz", "out2"} // the last file is not post-processed
		if cmp.Equal(want, got) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("files %v, want %v", got, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestStrftime(t *testing.T) {
	tm := time.Date(2026, 3, 7, 9, 5, 4, 0, time.UTC)
	for format, want := range map[string]string{
		"%Y%m%d-%H%M%S": "20260307-090504",
		"%y %j %e|%I%p": "26 066  7|09AM",
		"%F %T %%":      "2026-03-07 09:05:04 %",
		"%a %b %s %q":   "Sat Mar 1772874304 %q",
		"trailing %":    "trailing %",
	} {
		if got := Strftime(format, tm); got != want {
			t.Errorf("Strftime(%q) = %q, want %q", format, got, want)
		}
	}
}

// TestCompressedRotation: each file is compressed as it is written and
// complete when it closes; -C's count goes before the suffix.
func TestCompressedRotation(t *testing.T) {
	for _, kind := range []string{"gz", "zst"} {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			c := &clock{time.Unix(0, 0)}
			w, err := New(Config{Name: filepath.Join(dir, "out.pcap."+kind), FileSize: 10_000, Compress: kind, Create: pcapCreate, Now: c.now})
			if err != nil {
				t.Fatal(err)
			}
			if err := writeN(t, w, 30, c, 0); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			want := []string{"out.pcap." + kind, "out.pcap1." + kind, "out.pcap2." + kind}
			got := files(t, dir)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("files (-want +got):\n%s", diff)
			}
			total := 0
			for _, f := range got {
				b, err := os.ReadFile(filepath.Join(dir, f))
				if err != nil {
					t.Fatal(err)
				}
				if len(b) > 4000 {
					t.Errorf("%s: %d bytes for 11 zero-filled 1 kB packets: not compressed", f, len(b))
				}
				total += countPackets(t, filepath.Join(dir, f))
			}
			if total != 30 {
				t.Errorf("files hold %d packets, want 30", total)
			}
		})
	}
}

func TestBoundary(t *testing.T) {
	ist := time.FixedZone("IST", 5*3600+1800)
	for _, tc := range []struct {
		t    time.Time
		d    time.Duration
		want time.Time
	}{
		{time.Date(2026, 5, 1, 10, 47, 31, 5, time.UTC), time.Minute, time.Date(2026, 5, 1, 10, 47, 0, 0, time.UTC)},
		{time.Date(2026, 5, 1, 10, 47, 0, 0, time.UTC), time.Minute, time.Date(2026, 5, 1, 10, 47, 0, 0, time.UTC)},
		{time.Date(2026, 5, 1, 10, 47, 31, 0, time.UTC), 15 * time.Minute, time.Date(2026, 5, 1, 10, 45, 0, 0, time.UTC)},
		// An hour of the local clock, in a zone half an hour off UTC.
		{time.Date(2026, 5, 1, 10, 47, 31, 0, ist), time.Hour, time.Date(2026, 5, 1, 10, 0, 0, 0, ist)},
		{time.Date(2026, 5, 1, 0, 10, 0, 0, ist), 24 * time.Hour, time.Date(2026, 5, 1, 0, 0, 0, 0, ist)},
		// Before 1970 too.
		{time.Date(1969, 12, 31, 23, 59, 59, 0, time.UTC), time.Minute, time.Date(1969, 12, 31, 23, 59, 0, 0, time.UTC)},
	} {
		if got := Boundary(tc.t, tc.d); !got.Equal(tc.want) {
			t.Errorf("Boundary(%v, %v) = %v, want %v", tc.t, tc.d, got, tc.want)
		}
	}
}

// TestAlignedRotation: each file holds the packets of one interval of the
// clock, by their own timestamps; names come from each file's first packet;
// an interval without packets has no file; a late packet stays where it is
// written.
func TestAlignedRotation(t *testing.T) {
	dir := t.TempDir()
	wall := &clock{time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)} // must not matter
	w, err := New(Config{Name: filepath.Join(dir, "t-%H%M%S.pcap"), Interval: 10 * time.Second, Align: true, Create: pcapCreate, Now: wall.now})
	if err != nil {
		t.Fatal(err)
	}
	if got := files(t, dir); len(got) != 0 {
		t.Fatalf("files %v before the first packet, want none", got)
	}
	base := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	var secs []int
	for s := 7; s <= 31; s++ {
		secs = append(secs, s)
	}
	secs = append(secs, 55, 54, 61) // nothing in [40, 50); 54 comes late
	p := &pcapio.Packet{Data: make([]byte, 60), Length: 60, LinkType: linktype.Ethernet, HasTime: true}
	for _, s := range secs {
		p.Time = base.Add(time.Duration(s)*time.Second + 250*time.Millisecond)
		if err := w.WritePacket(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	want := map[string][]int{
		"t-100007.pcap": {7, 8, 9},
		"t-100010.pcap": {10, 11, 12, 13, 14, 15, 16, 17, 18, 19},
		"t-100020.pcap": {20, 21, 22, 23, 24, 25, 26, 27, 28, 29},
		"t-100030.pcap": {30, 31},
		"t-100055.pcap": {55, 54},
		"t-100101.pcap": {61},
	}
	got := map[string][]int{}
	for _, f := range files(t, dir) {
		r, err := pcapio.Open(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		for {
			pk, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			got[f] = append(got[f], int(pk.Time.Sub(base)/time.Second))
		}
		r.Close()
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("files and their packets' seconds (-want +got):\n%s", diff)
	}
}

// TestCloseIdle: with Align, a quiet link's file is finished at its
// interval's end, not when the next packet comes; the next packet opens a
// file of its own, and a late packet from a closed interval goes into the
// next file without touching the closed one. -W's count and -z's command
// hold for files closed idle as for the others.
func TestCloseIdle(t *testing.T) {
	dir := t.TempDir()
	w, err := New(Config{Name: filepath.Join(dir, "t-%H%M%S.pcap"), Interval: 10 * time.Second, Align: true, MaxFiles: 3, Create: pcapCreate})
	if err != nil {
		t.Fatal(err)
	}
	base := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	p := &pcapio.Packet{Data: make([]byte, 60), Length: 60, LinkType: linktype.Ethernet, HasTime: true}
	write := func(s int) error {
		p.Time = base.Add(time.Duration(s) * time.Second)
		return w.WritePacket(p)
	}
	if ok, err := w.CloseIdle(base.Add(time.Hour)); ok || err != nil || !w.Idle().IsZero() {
		t.Fatalf("CloseIdle before the first file = %v, %v; Idle %v", ok, err, w.Idle())
	}
	for _, s := range []int{3, 4} {
		if err := write(s); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := w.Idle(), base.Add(10*time.Second); !got.Equal(want) {
		t.Fatalf("Idle() = %v, want %v", got, want)
	}
	if ok, err := w.CloseIdle(base.Add(9 * time.Second)); ok || err != nil {
		t.Fatalf("CloseIdle within the interval = %v, %v", ok, err)
	}
	if ok, err := w.CloseIdle(base.Add(10 * time.Second)); !ok || err != nil {
		t.Fatalf("CloseIdle at the interval's end = %v, %v", ok, err)
	}
	// Closed: complete and readable while the Writer lives on.
	if got := packetSeconds(t, filepath.Join(dir, "t-100003.pcap"), base); !slices.Equal(got, []int{3, 4}) {
		t.Fatalf("closed file holds %v, want [3 4]", got)
	}
	if ok, _ := w.CloseIdle(base.Add(time.Hour)); ok {
		t.Fatal("CloseIdle closed a file twice")
	}
	// A late packet of the closed interval, then the next interval's.
	for _, s := range []int{8, 27} {
		if err := write(s); err != nil {
			t.Fatal(err)
		}
	}
	if ok, err := w.CloseIdle(base.Add(time.Minute)); !ok || err != nil {
		t.Fatalf("second CloseIdle = %v, %v", ok, err)
	}
	if err := write(41); !errors.Is(err, ErrFileLimit) {
		t.Fatalf("fourth file with -W 3: %v, want ErrFileLimit", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	want := map[string][]int{
		"t-100003.pcap": {3, 4},
		"t-100010.pcap": {8}, // named from the closed interval's end
		"t-100027.pcap": {27},
	}
	got := map[string][]int{}
	for _, f := range files(t, dir) {
		got[f] = packetSeconds(t, filepath.Join(dir, f), base)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("files and their packets' seconds (-want +got):\n%s", diff)
	}
}

// packetSeconds reads a capture and returns its packets' times in whole
// seconds after base.
func packetSeconds(t *testing.T, path string, base time.Time) []int {
	t.Helper()
	r, err := pcapio.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var out []int
	for {
		pk, err := r.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, int(pk.Time.Sub(base)/time.Second))
	}
}

// TestKeepFilesAndBytes: --max-files and --max-size delete the oldest
// files, never the newest.
func TestKeepFilesAndBytes(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
		want []string
	}{
		// 50 packets of 1000 bytes, 11 a file: out, out1 … out4.
		{"max-files 2", Config{KeepFiles: 2}, []string{"out3", "out4"}},
		{"max-files 1", Config{KeepFiles: 1}, []string{"out4"}},
		// Each full file is 11,024 bytes; out4 (6 packets) 6,024.
		{"max-size 30 kB", Config{KeepBytes: 30_000}, []string{"out2", "out3", "out4"}},
		{"max-size 25 kB", Config{KeepBytes: 25_000}, []string{"out3", "out4"}},
		{"max-size below one file", Config{KeepBytes: 1000}, []string{"out4"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			c := &clock{time.Unix(0, 0)}
			cfg := tc.cfg
			cfg.Name, cfg.FileSize, cfg.Create, cfg.Now = filepath.Join(dir, "out"), 10_000, pcapCreate, c.now
			w, err := New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			if err := writeN(t, w, 50, c, 0); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, files(t, dir)); diff != "" {
				t.Errorf("files left (-want +got):\n%s", diff)
			}
		})
	}
}

// TestStrftimeDirectories: a template whose directories change with the
// time makes them as needed.
func TestStrftimeDirectories(t *testing.T) {
	dir := t.TempDir()
	w, err := New(Config{Name: filepath.Join(dir, "%Y%m%d", "%H%M.pcap"), Interval: time.Hour, Align: true, Create: pcapCreate})
	if err != nil {
		t.Fatal(err)
	}
	p := &pcapio.Packet{Data: make([]byte, 60), Length: 60, LinkType: linktype.Ethernet, HasTime: true}
	for _, tm := range []time.Time{time.Date(2026, 11, 22, 23, 59, 0, 0, time.UTC), time.Date(2026, 11, 23, 0, 1, 0, 0, time.UTC)} {
		p.Time = tm
		if err := w.WritePacket(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"20261122/2359.pcap", "20261123/0001.pcap"} {
		if n := countPackets(t, filepath.Join(dir, name)); n != 1 {
			t.Errorf("%s: %d packets, want 1", name, n)
		}
	}
}
