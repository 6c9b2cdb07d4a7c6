package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/internal/synth"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// shuffledPcap writes generated traffic whose times jump back now and then
// (as from a sensor whose buffers drain out of order), with ties.
func shuffledPcap(t *testing.T, name string, n int, nano bool) {
	t.Helper()
	f, _ := os.Create(name)
	defer f.Close()
	w, _ := pcapio.NewPcapWriter(f, pcapio.PcapWriterOptions{LinkType: linktype.Ethernet, Nano: nano})
	g := synth.New(11, tbT0)
	for i := range n {
		sp := g.Next()
		tm := sp.Time
		switch i % 13 {
		case 3:
			tm = tm.Add(-time.Duration(i%7) * 50 * time.Microsecond)
		case 7:
			tm = tm.Truncate(100 * time.Microsecond)
		}
		w.WritePacket(&pcapio.Packet{Data: sp.Data, Length: len(sp.Data), Time: tm, HasTime: true})
	}
	w.Close()
}

func stableByTime(ps []tbPacket) []tbPacket {
	ps = slices.Clone(ps)
	slices.SortStableFunc(ps, func(a, b tbPacket) int {
		if len(a.Time) != len(b.Time) {
			return len(a.Time) - len(b.Time)
		}
		return strings.Compare(a.Time, b.Time)
	})
	return ps
}

func TestReorderSorts(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pcap")
	shuffledPcap(t, in, 3000, true)
	gz := filepath.Join(dir, "in.pcap.gz")
	if code, _, stderr := rawcapRun(t, "", "convert", in, gz); code != 0 {
		t.Fatal(stderr)
	}
	want := stableByTime(tbMustRead(t, in))
	for _, src := range []string{in, gz} {
		out := filepath.Join(dir, "out.pcap")
		if code, _, stderr := rawcapRun(t, "", "reorder", src, out); code != 0 {
			t.Fatalf("%s: exit %d: %s", src, code, stderr)
		}
		if diff := cmp.Diff(want, tbMustRead(t, out)); diff != "" {
			t.Errorf("%s: reordered (-want +got):\n%s", src, diff)
		}
	}
	// Standard input, and -n on a sorted file.
	raw, _ := os.ReadFile(in)
	out := filepath.Join(dir, "stdin.pcap")
	if code, _, stderr := rawcapRun(t, string(raw), "reorder", "-", out); code != 0 {
		t.Fatalf("stdin: %s", stderr)
	}
	if diff := cmp.Diff(want, tbMustRead(t, out)); diff != "" {
		t.Errorf("stdin (-want +got):\n%s", diff)
	}
	if code, _, stderr := rawcapRun(t, "", "reorder", "-n", out, filepath.Join(dir, "again.pcap")); code != 0 || !strings.Contains(stderr, "in time order already") {
		t.Errorf("-n on a sorted file: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "again.pcap")); err == nil {
		t.Errorf("-n wrote a sorted file")
	}
}

func TestReorderKeepsBlocks(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.pcapng"), filepath.Join(dir, "b.pcapng")
	ngSensor(t, a, false, "eth0", 4, tbT0.Add(time.Second), 2*time.Second)
	ngSensor(t, b, false, "eth1", 4, tbT0, 2*time.Second)
	cat := filepath.Join(dir, "cat.pcapng")
	if code, _, stderr := rawcapRun(t, "", "merge", "-a", "-w", cat, a, b); code != 0 {
		t.Fatal(stderr)
	}
	out := filepath.Join(dir, "out.pcapng")
	if code, _, stderr := rawcapRun(t, "", "reorder", cat, out); code != 0 {
		t.Fatal(stderr)
	}
	want := []string{"shb", "idb", "idb", "nrb", "dsb", "custom", "nrb", "dsb", "custom",
		"epb@1", "epb@0", "epb@1", "epb@0", "epb@1", "epb@0", "epb@1", "epb@0", "isb@0", "isb@1"}
	if diff := cmp.Diff(want, blockTypes(t, out)); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(stableByTime(tbMustRead(t, cat)), tbMustRead(t, out)); diff != "" {
		t.Errorf("packets (-want +got):\n%s", diff)
	}
}

func TestReorderDamagedInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pcap")
	shuffledPcap(t, in, 200, false)
	whole := tbMustRead(t, in)
	raw, _ := os.ReadFile(in)
	os.WriteFile(in, raw[:len(raw)-3], 0o644)
	out := filepath.Join(dir, "out.pcap")
	code, _, stderr := rawcapRun(t, "", "reorder", in, out)
	if code != 1 || !strings.Contains(stderr, in+": offset ") {
		t.Errorf("exit %d, %q; want 1 and the file and offset", code, stderr)
	}
	if diff := cmp.Diff(stableByTime(whole[:199]), tbMustRead(t, out)); diff != "" {
		t.Errorf("packets before the damage, sorted (-want +got):\n%s", diff)
	}
}

func TestReorderMatchesReordercap(t *testing.T) {
	needTool(t, "reordercap")
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pcap")
	shuffledPcap(t, in, 20000, false)
	ng := filepath.Join(dir, "in.pcapng")
	if code, _, stderr := rawcapRun(t, "", "convert", in, ng); code != 0 {
		t.Fatal(stderr)
	}
	inputs := []string{in, ng}
	n := 0
	for _, f := range corpusCaptures(t) {
		if readsWhole(f) && tbDiffer[filepath.Base(f)] == "" && !strings.HasSuffix(f, ".gz") {
			inputs = append(inputs, f)
		}
	}
	for _, f := range inputs {
		ext := ".pcap"
		if r, err := pcapio.Open(f); err == nil {
			if r.Format() == pcapio.FormatPcapNG {
				ext = ".pcapng"
			}
			r.Close()
		}
		ref, out := filepath.Join(dir, "ref"+ext), filepath.Join(dir, "out"+ext)
		if err := runReference("reordercap", f, ref); err != nil {
			continue
		}
		if code, _, stderr := rawcapRun(t, "", "reorder", f, out); code != 0 {
			t.Errorf("%s: exit %d: %s", f, code, stderr)
			continue
		}
		n++
		want, got := tbMustRead(t, ref), tbMustRead(t, out)
		for i := range got {
			got[i].Comment = ""
			if i < len(want) {
				want[i].Comment = ""
				tbNormalize(&want[i], &got[i])
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: rawcap and reordercap differ (-reordercap +rawcap):\n%s", f, diff)
		}
	}
	t.Logf("reordered %d captures", n)
}
