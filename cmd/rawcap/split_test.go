package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/internal/flowkey"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// splitFiles returns the files of dir whose names start with prefix, sorted,
// with the packets of each.
func splitFiles(t *testing.T, dir, prefix string) (names []string, packets [][]tbPacket) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), prefix) {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	for _, n := range names {
		packets = append(packets, tbMustRead(t, filepath.Join(dir, n)))
	}
	return names, packets
}

func TestSplitMatchesEditcap(t *testing.T) {
	needTool(t, "editcap")
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pcap")
	genPcap(t, in, 5000, 1, tbT0)
	gaps := filepath.Join(dir, "gaps.pcap")
	writeFrames(t, gaps, []dupFrame{{id: 1, at: 0.3}, {id: 2, at: 1.2}, {id: 3, at: 1.35}, {id: 4, at: 6.0}, {id: 5, at: 6.2}, {id: 6, at: 9.9}})
	// pcapng without custom blocks: editcap -c counts those as packets.
	ng := filepath.Join(dir, "in.pcapng")
	if code, _, stderr := rawcapRun(t, "", "convert", in, ng); code != 0 {
		t.Fatal(stderr)
	}
	tests := []struct {
		in, ext string
		args    []string
	}{
		{in, ".pcap", []string{"-c", "700"}},
		{in, ".pcap", []string{"-c", "5000"}},
		{in, ".pcap", []string{"-i", "0.01"}},
		{gaps, ".pcap", []string{"-i", "1"}},
		{ng, ".pcapng", []string{"-c", "999"}},
		{ng, ".pcapng", []string{"-i", "0.02"}},
	}
	for i, tt := range tests {
		name := fmt.Sprintf("%s %s", filepath.Base(tt.in), strings.Join(tt.args, " "))
		sub := filepath.Join(dir, fmt.Sprint(i))
		os.Mkdir(sub, 0o755)
		fargs := []string{}
		if tt.ext == ".pcap" {
			fargs = []string{"-F", "pcap"}
		}
		if err := runReference("editcap", append(append(fargs, tt.args...), tt.in, filepath.Join(sub, "ref"+tt.ext))...); err != nil {
			t.Fatal(err)
		}
		if code, _, stderr := rawcapRun(t, "", append(append([]string{"split"}, tt.args...), tt.in, filepath.Join(sub, "out"+tt.ext))...); code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, stderr)
		}
		refNames, refPkts := splitFiles(t, sub, "ref_")
		outNames, outPkts := splitFiles(t, sub, "out_")
		for i := range refNames {
			refNames[i] = strings.TrimPrefix(refNames[i], "ref")
		}
		for i := range outNames {
			outNames[i] = strings.TrimPrefix(outNames[i], "out")
		}
		if diff := cmp.Diff(refNames, outNames); diff != "" {
			t.Errorf("%s: file names (-editcap +rawcap):\n%s", name, diff)
		}
		for _, ps := range append(refPkts, outPkts...) {
			for i := range ps {
				ps[i].Comment = ""
			}
		}
		if diff := cmp.Diff(refPkts, outPkts); diff != "" {
			t.Errorf("%s: packets of the files (-editcap +rawcap):\n%s", name, diff)
		}
	}
}

func TestSplitKeepsBlocks(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pcapng")
	ngSensor(t, in, false, "eth0", 6, tbT0, time.Second)
	if code, _, stderr := rawcapRun(t, "", "split", "-c", "3", in, filepath.Join(dir, "out")); code != 0 {
		t.Fatal(stderr)
	}
	names, pkts := splitFiles(t, dir, "out_")
	if len(names) != 2 || !strings.HasSuffix(names[0], ".pcapng") {
		t.Fatalf("files %q, want two .pcapng", names)
	}
	var blocks []string
	for _, n := range names {
		blocks = append(blocks, blockTypes(t, filepath.Join(dir, n))...)
	}
	want := []string{"shb", "idb", "epb@0", "epb@0", "epb@0", "nrb", "dsb", "custom", "shb", "idb", "epb@0", "epb@0", "epb@0", "isb@0"}
	if diff := cmp.Diff(want, blocks); diff != "" {
		t.Errorf("blocks of the pieces (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(tbMustRead(t, in), append(pkts[0], pkts[1]...)); diff != "" {
		t.Errorf("packets (-in +pieces):\n%s", diff)
	}
}

func TestSplitBySize(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pcap")
	genPcap(t, in, 5000, 2, tbT0)
	if code, _, stderr := rawcapRun(t, "", "split", "--size", "1", in, filepath.Join(dir, "out.pcap")); code != 0 {
		t.Fatal(stderr)
	}
	names, pkts := splitFiles(t, dir, "out_")
	if len(names) < 3 {
		t.Fatalf("%d files, want several", len(names))
	}
	var all []tbPacket
	for i, n := range names {
		fi, _ := os.Stat(filepath.Join(dir, n))
		if fi.Size() > 1_000_000 {
			t.Errorf("%s: %d bytes, above 1 MB", n, fi.Size())
		}
		if i < len(names)-1 && fi.Size() < 990_000 {
			t.Errorf("%s: %d bytes, want close to 1 MB", n, fi.Size())
		}
		all = append(all, pkts[i]...)
	}
	if diff := cmp.Diff(tbMustRead(t, in), all); diff != "" {
		t.Errorf("packets (-in +pieces):\n%s", diff)
	}
}

// TestSplitByFlow: every packet lands in the file of its conversation, and
// a small --max-open (files closed and reopened) changes nothing.
func TestSplitByFlow(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pcap")
	genPcap(t, in, 6000, 3, tbT0)
	all := tbMustRead(t, in)
	var results []map[string][]tbPacket
	for _, maxOpen := range []string{"1000", "3"} {
		sub := filepath.Join(dir, maxOpen)
		os.Mkdir(sub, 0o755)
		if code, _, stderr := rawcapRun(t, "", "split", "--by", "flow", "--max-open", maxOpen, in, filepath.Join(sub, "f")); code != 0 {
			t.Fatal(stderr)
		}
		names, pkts := splitFiles(t, sub, "f_")
		m := map[string][]tbPacket{}
		total := 0
		for i, n := range names {
			m[n] = pkts[i]
			total += len(pkts[i])
			keys := map[flowkey.Key]bool{}
			for _, p := range pkts[i] {
				k, ok := flowkey.Extract(p.LinkType, []byte(p.Data))
				if !ok {
					k = flowkey.Key{Proto: 255}
				}
				keys[k.Canonical()] = true
			}
			if len(keys) != 1 {
				t.Errorf("%s holds %d conversations", n, len(keys))
			}
		}
		if total != len(all) {
			t.Errorf("--max-open %s: %d packets in the files, want %d", maxOpen, total, len(all))
		}
		results = append(results, m)
	}
	if diff := cmp.Diff(results[0], results[1]); diff != "" {
		t.Errorf("--max-open 3 differs from 1000 (-1000 +3):\n%s", diff)
	}
}

// udpFrame is an Ethernet/IPv4/UDP frame from 10.0.x.y:sport to
// 192.0.2.1:53.
func udpFrame(client uint16, sport uint16, tag byte) []byte {
	b := []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x08, 0x00,
		0x45, 0, 0, 29, 0, 1, 0, 0, 64, 17, 0, 0, 10, 0, byte(client >> 8), byte(client), 192, 0, 2, 1,
		byte(sport >> 8), byte(sport), 0, 53, 0, 9, 0, 0, tag}
	return b
}

// TestSplitManyFlows: tens of thousands of conversations through 16 open
// files.
func TestSplitManyFlows(t *testing.T) {
	flows := 20000
	if testing.Short() {
		flows = 3000
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pcap")
	f, _ := os.Create(in)
	w, _ := pcapio.NewPcapWriter(f, pcapio.PcapWriterOptions{LinkType: linktype.Ethernet})
	for round := range 3 {
		for i := range flows {
			d := udpFrame(uint16(i/1000), uint16(1024+i%1000), byte(round))
			w.WritePacket(&pcapio.Packet{Data: d, Length: len(d), Time: tbT0.Add(time.Duration(round*flows+i) * time.Microsecond), HasTime: true})
		}
	}
	w.Close()
	f.Close()
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o755)
	if code, _, stderr := rawcapRun(t, "", "split", "--by", "stream", "--max-open", "16", in, filepath.Join(out, "s.pcap")); code != 0 {
		t.Fatal(stderr)
	}
	ents, _ := os.ReadDir(out)
	if len(ents) != flows {
		t.Fatalf("%d files, want %d", len(ents), flows)
	}
	for _, i := range []int{0, flows / 2, flows - 1} {
		name := filepath.Join(out, fmt.Sprintf("s_udp-%05d.pcap", i))
		ps := tbMustRead(t, name)
		if len(ps) != 3 || ps[0].Data[len(ps[0].Data)-1] != 0 || ps[2].Data[len(ps[2].Data)-1] != 2 {
			t.Errorf("%s: %d packets %v, want the three rounds in order", name, len(ps), ps)
		}
	}
}

func TestSplitByStreamAndHost(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pcap")
	tcp := func(src, dst byte, sport, dport uint16, flags byte) []byte {
		return []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x08, 0x00,
			0x45, 0, 0, 40, 0, 1, 0, 0, 64, 6, 0, 0, 10, 0, 0, src, 10, 0, 0, dst,
			byte(sport >> 8), byte(sport), byte(dport >> 8), byte(dport), 0, 0, 0, 1, 0, 0, 0, 0, 0x50, flags, 0xff, 0xff, 0, 0, 0, 0}
	}
	frames := [][]byte{
		tcp(1, 2, 5000, 80, 0x02), tcp(2, 1, 80, 5000, 0x12), tcp(1, 2, 5000, 80, 0x10),
		tcp(1, 2, 5000, 80, 0x11), tcp(2, 1, 80, 5000, 0x11), // FINs
		tcp(1, 2, 5000, 80, 0x02), tcp(2, 1, 80, 5000, 0x12), // the ports again: a new stream
		tcp(3, 2, 6000, 80, 0x02),
		{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x08, 0x06, 0, 1}, // ARP: no IP
	}
	var fs []dupFrame
	for i, d := range frames {
		fs = append(fs, dupFrame{data: d, at: float64(i)})
	}
	writeFrames(t, in, fs)
	count := func(prefix string) map[string]int {
		names, pkts := splitFiles(t, dir, prefix)
		m := map[string]int{}
		for i, n := range names {
			m[strings.TrimPrefix(n, prefix)] = len(pkts[i])
		}
		return m
	}
	for _, by := range []string{"stream", "flow", "host"} {
		if code, _, stderr := rawcapRun(t, "", "split", "--by", by, in, filepath.Join(dir, by+".pcap")); code != 0 {
			t.Fatal(stderr)
		}
	}
	want := map[string]map[string]int{
		"stream_": {"tcp-00000.pcap": 5, "tcp-00001.pcap": 2, "tcp-00002.pcap": 1, "other.pcap": 1},
		"flow_":   {"tcp_10.0.0.1_5000_10.0.0.2_80.pcap": 7, "tcp_10.0.0.2_80_10.0.0.3_6000.pcap": 1, "other.pcap": 1},
		"host_":   {"10.0.0.1.pcap": 7, "10.0.0.2.pcap": 8, "10.0.0.3.pcap": 1, "other.pcap": 1},
	}
	for prefix, w := range want {
		if diff := cmp.Diff(w, count(prefix)); diff != "" {
			t.Errorf("split --by %s (-want +got):\n%s", strings.TrimSuffix(prefix, "_"), diff)
		}
	}
}

func TestSplitDamagedInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pcap")
	genPcap(t, in, 100, 4, tbT0)
	raw, _ := os.ReadFile(in)
	os.WriteFile(in, raw[:len(raw)-5], 0o644)
	for _, mode := range [][]string{{"-c", "30"}, {"--by", "flow"}} {
		sub := filepath.Join(dir, mode[0])
		os.Mkdir(sub, 0o755)
		code, _, stderr := rawcapRun(t, "", append(append([]string{"split"}, mode...), in, filepath.Join(sub, "o.pcap"))...)
		if code != 1 || !strings.Contains(stderr, in+": offset ") {
			t.Errorf("%s: exit %d, %q; want 1 and the file and offset", mode, code, stderr)
		}
		_, pkts := splitFiles(t, sub, "o_")
		n := 0
		for _, ps := range pkts {
			n += len(ps)
		}
		if n != 99 {
			t.Errorf("%s: %d packets in the pieces, want the 99 before the damage", mode, n)
		}
	}
}

// TestSplitFullDisk splits into a 1 MiB tmpfs (root only): the split stops
// with exit 1 and every file reads to its end.
func TestSplitFullDisk(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs needs root")
	}
	dir := t.TempDir()
	mnt := filepath.Join(dir, "mnt")
	os.Mkdir(mnt, 0o755)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	defer exec.Command("umount", mnt).Run()
	in := filepath.Join(dir, "in.pcap")
	genPcap(t, in, 8000, 5, tbT0)
	for _, mode := range [][]string{{"-c", "1000"}, {"--by", "flow"}} {
		code, _, stderr := rawcapRun(t, "", append(append([]string{"split"}, mode...), in, filepath.Join(mnt, "o.pcap"))...)
		if code != 1 || !strings.Contains(stderr, "no space left") {
			t.Errorf("%s: exit %d, %q; want 1 and no space left", mode, code, stderr)
		}
		names, _ := splitFiles(t, mnt, "o_") // fails the test if one does not read back whole
		if len(names) == 0 {
			t.Errorf("%s: no files", mode)
		}
		for _, n := range names {
			os.Remove(filepath.Join(mnt, n))
		}
	}
	// And a merge onto the full disk.
	code, _, stderr := rawcapRun(t, "", "merge", "-w", filepath.Join(mnt, "m.pcapng"), in, in)
	if code != 1 {
		t.Errorf("merge onto a full disk: exit %d, %q; want 1", code, stderr)
	}
	if ps := tbMustRead(t, filepath.Join(mnt, "m.pcapng")); len(ps) == 0 {
		t.Errorf("merge onto a full disk kept no packet")
	}
}

func TestSplitUsage(t *testing.T) {
	for _, args := range [][]string{
		{"split", "in.pcap"},
		{"split", "in.pcap", "out"},
		{"split", "-c", "5", "-i", "3", "in.pcap", "out"},
		{"split", "--by", "port", "in.pcap", "out"},
		{"split", "-c", "0", "in.pcap", "out"},
		{"split", "-c", "5", "in.pcap", "out.pcap.gz"},
	} {
		if code, _, stderr := rawcapRun(t, "", args...); code != 2 {
			t.Errorf("%q: exit %d (%s), want 2", args, code, stderr)
		}
	}
}

// TestSplitByFlowAllocs: a packet of a conversation whose file is open
// costs no allocation.
func TestSplitByFlowAllocs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pcap")
	f, _ := os.Create(in)
	w, _ := pcapio.NewPcapWriter(f, pcapio.PcapWriterOptions{LinkType: linktype.Ethernet})
	for i := range 20000 {
		d := udpFrame(1, uint16(1024+i%50), byte(i))
		w.WritePacket(&pcapio.Packet{Data: d, Length: len(d), Time: tbT0.Add(time.Duration(i) * time.Microsecond), HasTime: true})
	}
	w.Close()
	f.Close()
	r, err := pcapio.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	o := splitOpts{in: in, prefix: filepath.Join(dir, "s"), ext: ".pcap", mode: splitFlow, maxOpen: 64}
	s := &splitter{o: o, r: r, head: -1, tail: -1, index: map[splitKey]int32{}, slots: make([]splitFile, 64), prelude: make([]byte, 24)}
	for i := range s.slots {
		s.free = append(s.free, int32(i))
	}
	next := func() {
		b, err := r.NextBlock()
		if err != nil {
			t.Fatal(err)
		}
		if err := s.byKey(b); err != nil {
			t.Fatal(err)
		}
	}
	for range 100 {
		next()
	}
	if allocs := testing.AllocsPerRun(5000, next); allocs != 0 {
		t.Errorf("%.2f allocations per packet, want 0", allocs)
	}
	if err := s.closeAll(); err != nil {
		t.Fatal(err)
	}
}
