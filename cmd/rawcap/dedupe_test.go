package main

import (
	"fmt"
	"hash/maphash"
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

// dupFrame is a 60-byte frame filled with id, or the given bytes.
type dupFrame struct {
	id   byte
	at   float64 // seconds after tbT0
	data []byte
}

func writeFrames(t *testing.T, name string, frames []dupFrame) {
	t.Helper()
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w, _ := pcapio.NewPcapWriter(f, pcapio.PcapWriterOptions{LinkType: linktype.Ethernet, Nano: true})
	for _, fr := range frames {
		d := fr.data
		if d == nil {
			d = make([]byte, 60)
			for i := range d {
				d[i] = fr.id
			}
		}
		p := pcapio.Packet{Data: d, Length: len(d), Time: tbT0.Add(time.Duration(fr.at * 1e9)), HasTime: true}
		if err := w.WritePacket(&p); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
}

func seqFrames(ids ...byte) []dupFrame {
	var fs []dupFrame
	for i, id := range ids {
		fs = append(fs, dupFrame{id: id, at: float64(i) * 0.1})
	}
	return fs
}

// ethIPv4 builds an Ethernet/IPv4/UDP frame with the given VLAN (0: none)
// and TTL.
func ethIPv4(vlan uint16, ttl byte, payload string) []byte {
	b := []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}
	if vlan != 0 {
		b = append(b, 0x81, 0x00, byte(vlan>>8), byte(vlan))
	}
	b = append(b, 0x08, 0x00)
	ip := []byte{0x45, 0, 0, byte(28 + len(payload)), 0, 1, 0, 0, ttl, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2}
	s := uint32(0)
	for i := 0; i < 20; i += 2 {
		s += uint32(ip[i])<<8 | uint32(ip[i+1])
	}
	for s > 0xffff {
		s = s&0xffff + s>>16
	}
	ip[10], ip[11] = byte(^s>>8), byte(^s)
	b = append(b, ip...)
	b = append(b, 0x30, 0x39, 0x00, 0x35, 0, byte(8+len(payload)), 0, 0)
	return append(b, payload...)
}

// TestDedupeWindows checks the windows against what editcap 4.0 removes
// from the same sequences (recorded by running it).
func TestDedupeWindows(t *testing.T) {
	span := []dupFrame{
		{data: ethIPv4(0, 64, "query"), at: 0},
		{data: ethIPv4(100, 64, "query"), at: 0.001}, // the same, tagged
		{data: ethIPv4(0, 63, "query"), at: 0.002},   // the same, one hop later
		{data: ethIPv4(0, 64, "other"), at: 0.003},
	}
	shortI := []dupFrame{{data: []byte{0, 0, 9, 9, 9}}, {data: []byte{1, 1, 9, 9, 9}, at: 1}, {data: []byte{7}, at: 2}, {data: []byte{8}, at: 3}}
	tests := []struct {
		name    string
		frames  []dupFrame
		args    []string
		removed []int
	}{
		{"-d", seqFrames(1, 2, 1, 3, 4, 5, 6, 1, 1, 7, 8, 9, 10, 11, 12, 2), []string{"-d"}, []int{3, 9}},
		{"default is -d", seqFrames(1, 2, 1, 3, 4, 5, 6, 1, 1, 7, 8, 9, 10, 11, 12, 2), nil, []int{3, 9}},
		{"-D 2", seqFrames(1, 2, 1, 3, 4, 5, 6, 1, 1, 7, 8, 9, 10, 11, 12, 2), []string{"-D", "2"}, []int{9}},
		{"-D 1 removes nothing", seqFrames(1, 1, 1), []string{"-D", "1"}, nil},
		{"-D 0 removes nothing", seqFrames(1, 1, 1), []string{"-D", "0"}, nil},
		{"removed packets stay in the window", seqFrames(1, 1, 2, 1, 3, 1, 1, 1, 4, 5, 1), []string{"-D", "3"}, []int{2, 4, 6, 7, 8}},
		{"-D 1000000", seqFrames(1, 2, 3, 4, 5, 6, 7, 8, 1), []string{"-D", "1000000"}, []int{9}},
		{"-w 1.0", []dupFrame{{id: 1, at: 0}, {id: 1, at: 0.5}, {id: 1, at: 1.6}, {id: 1, at: 1.0}, {id: 2, at: 3}, {id: 2, at: 2}, {id: 1, at: 5}}, []string{"-w", "1.0"}, []int{2, 4}},
		{"-w 0.5 includes its end", []dupFrame{{id: 1, at: 0}, {id: 1, at: 0.5}, {id: 1, at: 1.6}, {id: 1, at: 1.0}, {id: 2, at: 3}, {id: 2, at: 2}, {id: 1, at: 5}}, []string{"-w", "0.5"}, []int{2, 4}},
		{"-I 2", append(shortI[:2:2], shortI[2:]...), []string{"-D", "10", "-I", "2"}, []int{2}},
		{"-I longer than a frame", shortI, []string{"-D", "10", "-I", "12"}, nil},
		{"SPAN copies differ", span, []string{"-D", "10"}, nil},
		{"--novlan", span, []string{"-D", "10", "--novlan"}, []int{2}},
		{"--ignore-ttl", span, []string{"-D", "10", "--ignore-ttl"}, []int{3}},
		{"--novlan --ignore-ttl", span, []string{"-D", "10", "--novlan", "--ignore-ttl"}, []int{2, 3}},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		in, out := filepath.Join(dir, "in.pcap"), filepath.Join(dir, "out.pcap")
		writeFrames(t, in, tt.frames)
		code, _, stderr := rawcapRun(t, "", append(append([]string{"dedupe", "-V"}, tt.args...), in, out)...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", tt.name, code, stderr)
		}
		all, kept := tbMustRead(t, in), tbMustRead(t, out)
		var removed []int
		for i, j := 0, 0; i < len(all); i++ {
			if j < len(kept) && kept[j] == all[i] {
				j++
				continue
			}
			removed = append(removed, i+1)
		}
		if diff := cmp.Diff(tt.removed, removed); diff != "" {
			t.Errorf("%s: packets removed (-want +got):\n%s", tt.name, diff)
		}
		if want := fmt.Sprintf("%d duplicates removed", len(tt.removed)); !strings.Contains(stderr, want) {
			t.Errorf("%s: -V report %q lacks %q", tt.name, stderr, want)
		}
		for _, n := range tt.removed {
			if !strings.Contains(stderr, fmt.Sprintf("removed packet %d ", n)) {
				t.Errorf("%s: -V report %q does not name packet %d", tt.name, stderr, n)
			}
		}
	}
}

func TestDedupeUsage(t *testing.T) {
	for _, args := range [][]string{
		{"dedupe", "in.pcap"},
		{"dedupe", "-d", "-D", "4", "in.pcap", "out.pcap"},
		{"dedupe", "-D", "1000001", "in.pcap", "out.pcap"},
		{"dedupe", "-w", "-1", "in.pcap", "out.pcap"},
		{"dedupe", "in.pcap", "out.txt"},
	} {
		if code, _, stderr := rawcapRun(t, "", args...); code != 2 {
			t.Errorf("%q: exit %d (%s), want 2", args, code, stderr)
		}
	}
}

func TestDedupeKeepsBlocks(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.pcapng"), filepath.Join(dir, "out.pcapng")
	ngSensor(t, in, true, "eth0", 8, tbT0, time.Second) // all packets differ
	if code, _, stderr := rawcapRun(t, "", "dedupe", in, out); code != 0 {
		t.Fatal(stderr)
	}
	if diff := cmp.Diff(blockTypes(t, in), blockTypes(t, out)); diff != "" {
		t.Errorf("blocks (-in +out):\n%s", diff)
	}
}

// TestDedupeAllocs: the hot path allocates nothing once the window is full.
func TestDedupeAllocs(t *testing.T) {
	for _, tt := range []struct {
		window int
		byTime bool
	}{{5, false}, {100, false}, {100, true}} { // a scanned window, an indexed one, a time window
		window, byTime := tt.window, tt.byTime
		d := &deduper{window: window, depth: window - 1, seed: maphash.MakeSeed(), index: map[uint64]int64{}, byTime: byTime, timeWin: int64(time.Second)}
		g := synth.New(1, tbT0)
		var ps []pcapio.Packet
		for range 5000 {
			sp := g.Next()
			ps = append(ps, pcapio.Packet{Data: slices.Clone(sp.Data), Length: len(sp.Data), Time: sp.Time, HasTime: true, LinkType: linktype.Ethernet})
		}
		for i := range ps[:1000] {
			d.keep(&ps[i])
		}
		i := 1000
		allocs := testing.AllocsPerRun(3000, func() {
			d.keep(&ps[i%len(ps)])
			i++
		})
		if allocs > 0.01 {
			t.Errorf("window %d, byTime %v: %.3f allocations per packet, want 0", window, byTime, allocs)
		}
	}
}

// dupCapture writes generated traffic in which about one packet in six is
// repeated 1 to 40 packets later (some tagged with a VLAN the original
// lacks).
func dupCapture(t *testing.T, name string, n int) {
	t.Helper()
	f, _ := os.Create(name)
	defer f.Close()
	w, _ := pcapio.NewPcapWriter(f, pcapio.PcapWriterOptions{LinkType: linktype.Ethernet})
	g := synth.New(7, tbT0)
	type later struct {
		at   int
		data []byte
	}
	var pending []later
	for i := 0; i < n; i++ {
		sp := g.Next()
		data := sp.Data
		for k := 0; k < len(pending); k++ {
			if pending[k].at == i {
				data = pending[k].data
				pending = slices.Delete(pending, k, k+1)
				break
			}
		}
		if i%6 == 0 {
			d := slices.Clone(data)
			if i%18 == 0 && len(d) > 14 && d[12] == 0x08 {
				d = slices.Concat(d[:12], []byte{0x81, 0, 0, 7}, d[12:])
			}
			pending = append(pending, later{i + 1 + i%40, d})
		}
		p := pcapio.Packet{Data: data, Length: len(data), Time: sp.Time, HasTime: true}
		w.WritePacket(&p)
	}
	w.Close()
}

// TestDedupeMatchesEditcap compares the packets kept with editcap's. Not
// --novlan: editcap 4.0's ignores only VLAN metadata kept beside a record,
// never a tag in an Ethernet frame (it keeps both copies of a frame seen
// tagged and untagged), which is what rawcap's strips.
func TestDedupeMatchesEditcap(t *testing.T) {
	needTool(t, "editcap")
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pcap")
	dupCapture(t, in, 20000)
	for _, args := range [][]string{{"-d"}, {"-D", "10"}, {"-D", "100"}, {"-D", "1000"}, {"-w", "0.0003"}, {"-D", "30", "-I", "14"}} {
		name := strings.Join(args, " ")
		ref, out := filepath.Join(dir, "ref.pcap"), filepath.Join(dir, "out.pcap")
		if err := runReference("editcap", append(append([]string{"-F", "pcap"}, args...), in, ref)...); err != nil {
			t.Fatal(err)
		}
		if code, _, stderr := rawcapRun(t, "", append(append([]string{"dedupe"}, args...), in, out)...); code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, stderr)
		}
		want, got := tbMustRead(t, ref), tbMustRead(t, out)
		if len(want) == 20000 {
			t.Errorf("%s: editcap removed nothing: the test capture has no duplicates", name)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: rawcap and editcap keep different packets (-editcap +rawcap):\n%s", name, diff)
		}
	}
	n := 0
	for _, f := range corpusCaptures(t) {
		if _, _, err := tbRead(f); err != nil || tbDiffer[filepath.Base(f)] != "" {
			continue
		}
		ref, out := filepath.Join(dir, "ref.pcapng"), filepath.Join(dir, "out.pcapng")
		if err := runReference("editcap", "-D", "20", f, ref); err != nil {
			continue
		}
		if code, _, stderr := rawcapRun(t, "", "dedupe", "-D", "20", f, out); code != 0 {
			t.Errorf("%s: exit %d: %s", f, code, stderr)
			continue
		}
		n++
		want, got := tbMustRead(t, ref), tbMustRead(t, out)
		for i := range got {
			got[i].Iface, got[i].Comment = 0, ""
			if i < len(want) {
				want[i].Iface, want[i].Comment = 0, ""
				tbNormalize(&want[i], &got[i])
			}
		}
		if len(want) != len(got) {
			t.Errorf("%s: editcap keeps %d packets, rawcap %d", f, len(want), len(got))
			continue
		}
		for i := range want {
			if want[i].Data != got[i].Data || want[i].Len != got[i].Len {
				t.Errorf("%s: packet %d differs: editcap %v, rawcap %v", f, i+1, want[i], got[i])
				break
			}
		}
	}
	t.Logf("deduplicated %d corpus captures", n)
}
