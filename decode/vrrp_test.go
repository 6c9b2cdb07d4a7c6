package decode_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// ipVector is a message (hex, spaced) carried straight in IP (VRRP) or in
// UDP (HSRP); its checksum, when it has one, is filled in unless keepSum.
type ipVector struct {
	name    string
	hex     string
	v6      bool
	ttl     byte // 0: 255
	keepSum bool
}

// vrrpVectors cover both versions, each authentication type, the
// priorities tshark names, IPv6, a bad checksum, a wrong TTL and an
// address list cut short.
var vrrpVectors = []ipVector{
	{name: "v2 simple auth", hex: "21 2a bf 02 01 0a 00 00 0a 04 2a 01 0a 04 2a 02 61 62 63 64 65 66 67 68"},
	{name: "v2 default priority", hex: "21 2b 64 01 00 01 00 00 0a 04 2b 96"},
	{name: "v2 owner, ah", hex: "21 2b ff 01 02 01 00 00 0a 04 2b 96"},
	{name: "v2 master stopping, ttl 64", hex: "21 2b 00 01 00 01 00 00 0a 04 2b 96", ttl: 64},
	{name: "v2 bad checksum", hex: "21 2b 64 01 00 01 12 34 0a 04 2b 96", keepSum: true},
	{name: "v2 addresses cut", hex: "21 2b 64 03 00 01 00 00 0a 04 2b 96"},
	{name: "v3", hex: "31 2c c8 02 00 64 00 00 0a 04 2c 64 0a 04 2c c8"},
	{name: "v3 over IPv6", hex: "31 2d c8 01 00 64 00 00 fe 80 00 00 00 00 00 00 02 00 5e ff fe 00 02 2d", v6: true},
	{name: "unknown type", hex: "22 01 64 00 00 01 00 00"},
}

// vrrpFrame wraps a VRRP vector in Ethernet and IP to 224.0.0.18 (ff02::12).
func vrrpFrame(t testing.TB, v ipVector) []byte {
	t.Helper()
	m := mustHex(t, v.hex)
	ttl := v.ttl
	if ttl == 0 {
		ttl = 255
	}
	if v.v6 {
		ip := mustHex(t, "33 33 00 00 00 12 00 00 5e 00 02 2d 86 dd 60 00 00 00 00 00 70 ff "+
			"fe 80 00 00 00 00 00 00 00 00 00 00 00 00 00 01 ff 02 00 00 00 00 00 00 00 00 00 00 00 00 00 12")
		ip[18], ip[19], ip[21] = byte(len(m)>>8), byte(len(m)), ttl
		if !v.keepSum && len(m) >= 8 {
			pseudo := append(append([]byte(nil), ip[22:54]...), 0, 0, byte(len(m)>>8), byte(len(m)), 0, 0, 0, 112)
			sum := append(pseudo, m...)
			putChecksum(sum, len(pseudo)+6)
			copy(m[6:8], sum[len(pseudo)+6:])
		}
		return append(ip, m...)
	}
	ip := mustHex(t, "01 00 5e 00 00 12 00 00 5e 00 01 2a 08 00 45 00 00 00 12 34 00 00 ff 70 00 00 0a 00 00 5b e0 00 00 12")
	n := 20 + len(m)
	ip[16], ip[17], ip[22] = byte(n>>8), byte(n), ttl
	putChecksum(ip[14:34], 10)
	if !v.keepSum && len(m) >= 8 {
		if m[0]>>4 == 3 {
			pseudo := append(append([]byte(nil), ip[26:34]...), 0, 112, byte(len(m)>>8), byte(len(m)))
			sum := append(pseudo, m...)
			putChecksum(sum, len(pseudo)+6)
			copy(m[6:8], sum[len(pseudo)+6:])
		} else {
			putChecksum(m, 6)
		}
	}
	return append(ip, m...)
}

func TestVRRPVectors(t *testing.T) {
	frames := make([][]byte, len(vrrpVectors))
	for i, v := range vrrpVectors {
		frames[i] = vrrpFrame(t, v)
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-e"}, {"-q"}, {"-x"}})
	checkIPVectorsAlloc(t, frames)
}

func TestVRRPTreeMatchesTshark(t *testing.T) {
	frames := make([][]byte, len(vrrpVectors))
	for i, v := range vrrpVectors {
		frames[i] = vrrpFrame(t, v)
	}
	compareSubtreeWithTshark(t, frames, "Virtual Router Redundancy Protocol", nil)
}

// checkIPVectorsAlloc checks that decoding and printing each frame (lines,
// tree, JSON, -T fields) allocates nothing and writes valid JSON.
func checkIPVectorsAlloc(t *testing.T, frames [][]byte) {
	t.Helper()
	d := decode.NewDecoder()
	lps := []*decode.LinePrinter{
		{Options: decode.LineOptions{Location: time.UTC}},
		{Options: decode.LineOptions{Location: time.UTC, Verbose: 2}},
	}
	tp := &decode.TreePrinter{Location: time.UTC}
	jp := &decode.JSONPrinter{Location: time.UTC}
	var buf []byte
	for i, frame := range frames {
		f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		run := func() {
			d.Decode(frame, linktype.Ethernet)
			for _, lp := range lps {
				buf = lp.Append(buf[:0], d, &f)
			}
			buf = tp.Append(buf[:0], d, &f)
			buf = jp.Append(buf[:0], d, &f)
		}
		run()
		if !json.Valid(buf) {
			t.Errorf("frame %d: invalid JSON %s", i, buf)
		}
		if n := testing.AllocsPerRun(20, run); n != 0 {
			t.Errorf("frame %d: decoding and printing allocate %v times", i, n)
		}
	}
}

// subtreeOf returns the subtree of a -V tree that starts with head, with
// the truncation marks after it.
func subtreeOf(tree, head string) []string {
	var out []string
	in := false
	for _, line := range strings.Split(strings.TrimRight(tree, "\n"), "\n") {
		if line != "" && line[0] != ' ' && !strings.HasPrefix(line, "[") {
			in = strings.HasPrefix(line, head)
		}
		if in {
			out = append(out, line)
		}
	}
	return out
}

// TestVRRPTreeAllocatesNothing: the generic tree draws VRRP without
// allocating.
func TestVRRPTreeAllocatesNothing(t *testing.T) {
	frames := make([][]byte, len(vrrpVectors))
	for i, v := range vrrpVectors {
		frames[i] = vrrpFrame(t, v)
	}
	checkTreeAllocsNothing(t, frames, "Virtual Router Redundancy Protocol")
}

// compareSubtreeWithTshark holds the subtree starting with head of each
// frame's -V tree to tshark's, line for line, and the Protocol and Info
// columns to its packet list; allow names frames (by index) whose subtree
// may only miss lines, with the reason (their columns are not compared).
func compareSubtreeWithTshark(t *testing.T, frames [][]byte, head string, allow map[int]string) {
	t.Helper()
	compareSubtreeWithTsharkOn(t, linktype.Ethernet, frames, head, allow)
}

// compareSubtreeWithTsharkOn is compareSubtreeWithTshark for frames of link
// type lt.
func compareSubtreeWithTsharkOn(t *testing.T, lt linktype.Type, frames [][]byte, head string, allow map[int]string) {
	t.Helper()
	testshared.Oracle(t, "tshark")
	path := writeTestPcap(t, frames)
	switch lt {
	case linktype.IEEE802_11RT:
		path = writeRadiotapPcap(t, frames)
	case linktype.Ethernet:
	default:
		path = writeTestPcapLink(t, lt, frames, nil)
	}
	theirs, rows := tsharkTreesAndRows(t, path, len(frames))
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lines := 0
	for i, frame := range frames {
		d.Decode(frame, lt)
		f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(frame)}
		mine := subtreeOf(string(tp.Append(nil, d, &f)), head)
		want := subtreeOf("Frame "+theirs[i], head)
		lines += len(want)
		if why, ok := allow[i]; ok {
			j := 0
			for _, l := range mine {
				for j < len(want) && want[j] != l {
					j++
				}
				if j == len(want) {
					t.Errorf("frame %d (%s): line %q is not in tshark's subtree", i, why, l)
					break
				}
			}
		} else if diff := cmp.Diff(want, mine); diff != "" {
			t.Errorf("frame %d: -V subtree, tshark (-want) vs rawcap (+got):\n%s", i, diff)
		}
		row := string((&decode.ColumnsPrinter{}).Append(nil, d, &f))
		if _, ok := allow[i]; i < len(rows) && !ok {
			proto, info, _ := strings.Cut(rows[i], "\t")
			if !strings.Contains(row, " "+proto+" ") || !strings.HasSuffix(strings.TrimSuffix(row, "\n"), " "+info) {
				t.Errorf("frame %d: columns %q, tshark says %q / %q", i, row, proto, info)
			}
		}
	}
	t.Logf("%d frames, %d %s tree lines compared", len(frames), lines, head)
}

// FuzzVRRP feeds VRRP messages inside IPv4 and IPv6 to the decoder and
// every printer.
func FuzzVRRP(f *testing.F) {
	for _, v := range vrrpVectors {
		f.Add(mustHex(f, v.hex), v.v6)
	}
	for _, p := range appPayloads(f, decode.LayerVRRP) {
		f.Add(p, false)
	}
	fuzzIPProto(f, func(t testing.TB, m []byte, v6 bool) []byte {
		fr := vrrpFrame(t, ipVector{hex: "", v6: v6, keepSum: true})
		if v6 {
			fr[18], fr[19] = byte(len(m)>>8), byte(len(m))
		} else {
			n := 20 + len(m)
			fr[16], fr[17] = byte(n>>8), byte(n)
		}
		return fr
	})
}

// fuzzIPProto is the body of the fuzz targets of protocols carried
// in IP: the fuzzed bytes follow the headers frame makes for them.
func fuzzIPProto(f *testing.F, frame func(t testing.TB, m []byte, v6 bool) []byte) {
	d := decode.NewDecoder()
	lps := []*decode.LinePrinter{
		{Options: decode.LineOptions{Location: time.UTC}},
		{Options: decode.LineOptions{Location: time.UTC, Verbose: 2}},
	}
	tp := &decode.TreePrinter{Location: time.UTC}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	f.Fuzz(func(t *testing.T, m []byte, v6 bool) {
		fr := append(frame(t, m, v6), m...)
		for _, l := range d.Decode(fr, linktype.Ethernet) {
			if l.Start < 0 || l.Start > l.Payload || l.Payload > l.End || l.End > len(fr) {
				t.Fatalf("bad layer %+v for %d bytes", l, len(fr))
			}
		}
		x := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(fr)}
		for _, lp := range lps {
			lp.Append(nil, d, &x)
		}
		tp.Append(nil, d, &x)
		cp.Append(nil, d, &x)
		if js := jp.Append(nil, d, &x); !json.Valid(js) {
			t.Fatalf("invalid JSON: %s", js)
		}
	})
}
