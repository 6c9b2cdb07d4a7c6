package decode_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// checkVectorPrinters checks that Ethernet frame, decoded by d, draws a
// -V tree holding the line title, and that decoding it and drawing its
// one-liner (-vv) and packet-list row allocate nothing.
func checkVectorPrinters(t *testing.T, d *decode.Decoder, frame []byte, title string) {
	t.Helper()
	f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone, Verbose: 2}}
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	tree := string((&decode.TreePrinter{Location: time.UTC}).Append(nil, d, &f))
	if !strings.Contains(tree, "\n"+title+"\n") {
		t.Errorf("-V:\n%s", tree)
	}
	buf := make([]byte, 0, 1<<16)
	if n := testing.AllocsPerRun(20, func() {
		d.Decode(frame, linktype.Ethernet)
		buf = lp.Append(buf[:0], d, &f)
		buf = cp.Append(buf[:0], d, &f)
	}); n != 0 {
		t.Errorf("decode, one-liner and columns allocate %v times", n)
	}
}

// compareVectorsWithOracles holds generated Ethernet frames to both
// tools: written's one-liners to tcpdump's (default, -v, -vv, -q), and
// taken's subtree from title, packet-list rows and the named fields to
// tshark's (the tree drawn without allocating). Skipped with -short.
func compareVectorsWithOracles(t *testing.T, written, taken [][]byte, title string, fields []string) {
	t.Helper()
	if testing.Short() {
		return
	}
	compareFramesWithTcpdump(t, written, [][]string{{}, {"-v"}, {"-vv"}, {"-q"}})
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Log("tshark not installed: vectors not compared with it")
		return
	}
	path := writeTestPcap(t, taken)
	compareSubtreeWithTshark(t, taken, title, nil)
	checkTreeAllocsNothing(t, taken, title)
	if n := compareColumnsWithTshark(t, path); n != len(taken) {
		t.Errorf("%d of %d rows are tshark's", n, len(taken))
	}
	compareFieldsWithTshark(t, path, taken, fields)
}

// wiredFramesMatchTcpdump holds rawcap's lines for Ethernet frames (wire:
// each one's length on the wire) to tcpdump's at each option set of the
// corpus test, -v with -x too (tcpdump dumps the whole frame where its
// printer stopped at the capture's end), and checks the lines allocate
// nothing.
func wiredFramesMatchTcpdump(t *testing.T, frames [][]byte, wire []int) {
	t.Helper()
	d := decode.NewDecoder()
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	buf := make([]byte, 0, 4096)
	for i, frame := range frames {
		f := decode.Frame{Number: i + 1, Length: wire[i]}
		run := func() {
			d.Decode(frame, linktype.Ethernet)
			buf = lp.Append(buf[:0], d, &f)
		}
		if n := testing.AllocsPerRun(20, run); n != 0 {
			t.Errorf("frame %d: %v allocations per packet", i+1, n)
		}
	}
	testshared.Oracle(t, "tcpdump")
	path := writeTestPcapWire(t, frames, wire)
	for _, opts := range [][]string{{}, {"-e"}, {"-v"}, {"-vv"}, {"-vvv"}, {"-e", "-vv"}, {"-q"}, {"-q", "-e"}, {"-x"}, {"-v", "-x"}} {
		want := tcpdumpPackets(t, path, opts, len(frames))
		p := &decode.LinePrinter{Options: lineOptionsFor(append([]string{"-tt"}, opts...))}
		for i, frame := range frames {
			d.Decode(frame, linktype.Ethernet)
			f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: wire[i]}
			if got := string(p.Append(nil, d, &f)); got != want[i] {
				t.Errorf("%v frame %d:\n got  %q\n want %q", opts, i+1, got, want[i])
			}
		}
	}
}

// wiredFramesMatchTshark holds the same frames to tshark: the -V subtree
// from title of those captured whole, the packet list, -T fields of every
// field of protocol proto, and -T ek.
func wiredFramesMatchTshark(t *testing.T, frames [][]byte, wire []int, title, proto string) {
	t.Helper()
	var whole [][]byte // the frames captured whole
	for i, fr := range frames {
		if wire[i] == len(fr) {
			whole = append(whole, fr)
		}
	}
	checkTreeAllocsNothing(t, frames, title)
	testshared.Oracle(t, "tshark")
	compareSubtreeWithTshark(t, whole, title, nil)
	path := writeTestPcapWire(t, frames, wire)
	if n := compareColumnsWithTshark(t, path); n != len(frames) {
		t.Errorf("%d of %d rows are tshark's", n, len(frames))
	}
	var names []string
	for _, pf := range decode.Protocols() {
		if pf.Protocol != nil && pf.Protocol.Name == proto {
			for k := range pf.Fields {
				if n := pf.Fields[k].Name; len(names) == 0 || names[len(names)-1] != n {
					names = append(names, n) // a field declared twice (aoe.ata.cmd, as read and as generated) once
				}
			}
		}
	}
	if len(names) == 0 {
		t.Fatalf("no %s fields", proto)
	}
	compareFieldsWithTshark(t, writeTestPcap(t, whole), whole, names)

	cmd := exec.Command("tshark", "-r", path, "-T", "ek")
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	theirs := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(theirs) != 2*len(frames) {
		t.Fatalf("tshark -T ek wrote %d lines for %d frames", len(theirs), len(frames))
	}
	d := decode.NewDecoder()
	p := &decode.EKPrinter{Location: time.UTC}
	keys := 0
	for i, fr := range frames {
		d.Decode(fr, linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: wire[i]}
		mine := p.Append(nil, d, &f)
		res, ok := testshared.CompareEK(mine, []byte(theirs[2*i]+"\n"+theirs[2*i+1]))
		if !ok {
			t.Errorf("frame %d: rawcap wrote %q", i+1, mine)
			continue
		}
		keys += res.Keys
		for _, df := range res.Diffs {
			t.Errorf("frame %d -T ek: %s", i+1, df)
		}
	}
	t.Logf("%d frames, %d ek keys compared", len(frames), keys)
}

// fuzzPrinters runs fuzzed frames through the decoder, checking that
// every layer lies inside the frame, and through every printer: the
// one-liners with each set of options given, the tree, the packet list,
// -T ek and JSON, which must be valid.
type fuzzPrinters struct {
	d   *decode.Decoder
	lps []*decode.LinePrinter
	tp  *decode.TreePrinter
	jp  *decode.JSONPrinter
	ep  *decode.EKPrinter
	cp  *decode.ColumnsPrinter
	n   int
}

func newFuzzPrinters(lines ...decode.LineOptions) *fuzzPrinters {
	p := &fuzzPrinters{
		d:  decode.NewDecoder(),
		tp: &decode.TreePrinter{Location: time.UTC},
		jp: &decode.JSONPrinter{Location: time.UTC},
		ep: &decode.EKPrinter{Location: time.UTC},
		cp: &decode.ColumnsPrinter{},
	}
	for _, o := range lines {
		o.Location = time.UTC
		p.lps = append(p.lps, &decode.LinePrinter{Options: o})
	}
	return p
}

// run decodes fr, a frame of link type lt that was extra bytes longer on
// the wire, and prints it every way.
func (p *fuzzPrinters) run(t *testing.T, fr []byte, lt linktype.Type, extra int) {
	for _, l := range p.d.Decode(fr, lt) {
		if l.Start < 0 || l.Start > l.Payload || l.Payload > l.End || l.End > len(fr) {
			t.Fatalf("bad layer %+v for %d bytes", l, len(fr))
		}
	}
	p.n++
	x := decode.Frame{Number: p.n, Time: time.Unix(int64(p.n), 0), Length: len(fr) + extra}
	for _, lp := range p.lps {
		lp.Append(nil, p.d, &x)
	}
	p.tp.Append(nil, p.d, &x)
	p.cp.Append(nil, p.d, &x)
	p.ep.Append(nil, p.d, &x)
	if js := p.jp.Append(nil, p.d, &x); !json.Valid(js) {
		t.Fatalf("invalid JSON: %s", js)
	}
}
