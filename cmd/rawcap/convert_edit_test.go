package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

func TestParseRanges(t *testing.T) {
	tests := []struct {
		in   string
		want packetRanges
		err  string
	}{
		{"1-100,250,400-", packetRanges{{1, 100}, {250, 250}, {400, 0}}, ""},
		{"7", packetRanges{{7, 7}}, ""},
		{"5-9,1-3,4", packetRanges{{1, 9}}, ""}, // sorted and joined
		{"10-,3-12", packetRanges{{3, 0}}, ""},
		{" 2 , 4-5", packetRanges{{2, 2}, {4, 5}}, ""},
		{"0", nil, `"0" at column 1`},
		{"1,x", nil, `"x" at column 3`},
		{"5-2", nil, "ends before it starts"},
		{"1--3", nil, "not a packet number"},
		{"", nil, "column 1"},
		{"-4", nil, "column 1"},
	}
	for _, tt := range tests {
		got, err := parseRanges(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("parseRanges(%q) error %v, want one saying %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseRanges(%q): %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(packetRange{})); diff != "" {
			t.Errorf("parseRanges(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
	rs, _ := parseRanges("2-4,9,20-")
	var in []int
	for n := 1; n <= 25; n++ {
		if rs.contains(n) {
			in = append(in, n)
		}
	}
	if diff := cmp.Diff([]int{2, 3, 4, 9, 20, 21, 22, 23, 24, 25}, in); diff != "" {
		t.Errorf("contains (-want +got):\n%s", diff)
	}
}

func TestParseSeconds(t *testing.T) {
	tests := []struct {
		in  string
		d   time.Duration
		neg bool
		ok  bool
	}{
		{"3600", time.Hour, false, true},
		{"-1.5", -1500 * time.Millisecond, true, true},
		{"+0.000000001", time.Nanosecond, false, true},
		{".25", 250 * time.Millisecond, false, true},
		{"-0", 0, true, true},
		{"0.0000000001", 0, false, false}, // ten decimals
		{"1e3", 0, false, false},
		{"", 0, false, false},
		{"-", 0, false, false},
		{"1.", 0, false, false},
		{"--1", 0, false, false},
	}
	for _, tt := range tests {
		d, neg, err := parseSeconds(tt.in)
		if (err == nil) != tt.ok || tt.ok && (d != tt.d || neg != tt.neg) {
			t.Errorf("parseSeconds(%q) = %v, %v, %v; want %v, %v, ok %v", tt.in, d, neg, err, tt.d, tt.neg, tt.ok)
		}
	}
}

// TestConvertEditsMatchEditcap compares --time-shift, --strict-order,
// --packets and --comment with editcap's -t, -S, ranges and -a.
func TestConvertEditsMatchEditcap(t *testing.T) {
	needTool(t, "editcap")
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pcap")
	shuffledPcap(t, in, 3000, false)
	ng := filepath.Join(dir, "in.pcapng")
	ngSensor(t, ng, true, "eth0", 30, tbT0, time.Second)
	tests := []struct {
		in      string
		ours    []string
		editcap []string
		ranges  []string // editcap's, after IN and OUT
	}{
		{in, []string{"--time-shift", "-1.5"}, []string{"-t", "-1.5"}, nil},
		{in, []string{"--time-shift", "86400.000001"}, []string{"-t", "86400.000001"}, nil},
		{in, []string{"--strict-order", "0"}, []string{"-S", "0"}, nil},
		{in, []string{"--strict-order", "0.000001"}, []string{"-S", "0.000001"}, nil},
		{in, []string{"--strict-order", "-0.25"}, []string{"-S", "-0.25"}, nil},
		{in, []string{"--strict-order", "-0"}, []string{"-S", "-0"}, nil},
		{in, []string{"--packets", "10-100,250,2990-3000"}, []string{"-r"}, []string{"10-100", "250", "2990-3000"}},
		{in, []string{"--packets", "10-100,250", "--exclude"}, nil, []string{"10-100", "250"}},
		{ng, []string{"--comment", "3:third, with a comma", "--comment", "7:seventh"}, []string{"-a", "3:third, with a comma", "-a", "7:seventh"}, nil},
		{ng, []string{"--time-shift", "2"}, []string{"-t", "2"}, nil},
	}
	for _, tt := range tests {
		name := strings.Join(tt.ours, " ")
		ext := filepath.Ext(tt.in)
		ref, out := filepath.Join(dir, "ref"+ext), filepath.Join(dir, "out"+ext)
		fargs := []string{}
		if ext == ".pcap" {
			fargs = []string{"-F", "pcap"}
		}
		eargs := append(append(append([]string{}, fargs...), tt.editcap...), tt.in, ref)
		if err := runReference("editcap", append(eargs, tt.ranges...)...); err != nil {
			t.Fatal(err)
		}
		if code, _, stderr := rawcapRun(t, "", append(append([]string{"convert"}, tt.ours...), tt.in, out)...); code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, stderr)
		}
		want, got := tbMustRead(t, ref), tbMustRead(t, out)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: rawcap and editcap differ (-editcap +rawcap):\n%s", name, diff)
		}
	}
}

func TestConvertEditsKeepBlocks(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.pcapng"), filepath.Join(dir, "out.pcapng")
	ngSensor(t, in, false, "eth0", 10, tbT0, time.Second)
	code, _, stderr := rawcapRun(t, "", "convert", "--time-shift", "-0.5", "--comment", "2:new", "--packets", "9", "--exclude", in, out)
	if code != 0 {
		t.Fatal(stderr)
	}
	want := blockTypes(t, in)
	want = append(want[:10], want[11:]...) // packet 9
	if diff := cmp.Diff(want, blockTypes(t, out)); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
	got := tbMustRead(t, out)
	r, _ := pcapio.Open(out)
	defer r.Close()
	r.Next()
	p, _ := r.Next()
	if c := p.Options.Comments(); !slices.Equal(c, []string{"eth0 packet 1", "new"}) {
		t.Errorf("comments of packet 2: %q, want its own and the new one", c)
	}
	if want := fmt.Sprintf("%d.%09d", tbT0.Unix()-1, 500000000); got[0].Time != want {
		t.Errorf("first time %s, want %s", got[0].Time, want)
	}
	// A comment cannot go into pcap.
	if code, _, _ := rawcapRun(t, "", "convert", "--comment", "1:x", in, filepath.Join(dir, "o.pcap")); code != 2 {
		t.Errorf("--comment to pcap: exit %d, want 2", code)
	}
}

func TestPacketEditorAllocs(t *testing.T) {
	e := &packetEditor{shift: time.Second, strict: true, adjust: time.Microsecond, comments: map[int]string{5: "five"}}
	p := pcapio.Packet{Data: make([]byte, 60), Length: 60, Time: tbT0, HasTime: true, LinkType: linktype.Ethernet}
	e.edit(5, &p) // grows the option buffer once
	n := 0
	allocs := testing.AllocsPerRun(1000, func() {
		q := p
		n++
		e.edit(5+n%2, &q)
	})
	if allocs != 0 {
		t.Errorf("%.1f allocations per packet, want 0", allocs)
	}
}
