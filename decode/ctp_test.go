package decode_test

import (
	"encoding/binary"
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

// ctpHeader is the Ethernet header of the generated Configuration Testing
// frames: to 02:00:00:00:00:02 from 02:00:00:00:00:01, EtherType 0x9000.
var ctpHeader = []byte{2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x90, 0x00}

// ctpMsg returns little-endian 16-bit words followed by the bytes in rest.
func ctpMsg(words []uint16, rest ...[]byte) []byte {
	var b []byte
	for _, w := range words {
		b = binary.LittleEndian.AppendUint16(b, w)
	}
	for _, r := range rest {
		b = append(b, r...)
	}
	return b
}

// ctpFrames returns Ethernet frames of Configuration Testing messages and
// each one's length on the wire: Forward Data then Reply with skipCount
// pointing at either, further on or nowhere (odd, inside an address, past
// the messages); unknown functions first and after a Forward Data;
// messages and the skip count cut short in the frame and by the capture.
func ctpFrames() (frames [][]byte, wire []int) {
	fwd := []byte{0xaa, 0, 4, 0, 0x1d, 4}
	add := func(p []byte, wireLen int) {
		fr := cat(append([]byte(nil), ctpHeader...), p)
		frames, wire = append(frames, fr), append(wire, max(wireLen, len(fr)))
	}
	add(ctpMsg([]uint16{0, 2}, fwd, ctpMsg([]uint16{1, 7}), []byte("xxxxxxxxxxxxxxxxxxxx")), 0)
	add(ctpMsg([]uint16{8, 2}, fwd, ctpMsg([]uint16{1, 7}), []byte("xxxxxxxxxxxxxxxxxxxx")), 0)
	add(ctpMsg([]uint16{3, 2}, fwd, ctpMsg([]uint16{1, 7}), []byte("xxxxxxxxxxxxxxxxxxxx")), 0)
	add(ctpMsg([]uint16{0, 5}, []byte("abcdefgh")), 0)
	add(ctpMsg([]uint16{0, 2}, fwd, ctpMsg([]uint16{5}), []byte("zz")), 0)
	add(ctpMsg([]uint16{0, 2}, fwd, ctpMsg([]uint16{2}), fwd, ctpMsg([]uint16{1, 3})), 0)
	add(ctpMsg([]uint16{0, 1, 9, 2}, fwd), 0)
	add(ctpMsg([]uint16{0}), 0)
	add(ctpMsg([]uint16{0, 2}, []byte("abc")), 0)
	add(ctpMsg([]uint16{0, 1}, []byte("a")), 0)
	add([]byte{0, 0, 2}, 0)
	add([]byte{0}, 0)
	add(nil, 0)
	add(ctpMsg([]uint16{100, 2}, fwd), 0)
	add(ctpMsg([]uint16{16, 2}, fwd, ctpMsg([]uint16{2}), fwd, ctpMsg([]uint16{1, 3})), 0)
	add(ctpMsg([]uint16{2, 2}, fwd, ctpMsg([]uint16{1, 3})), 0)
	add(ctpMsg([]uint16{0, 0}, []byte("abc")), 0)
	add(ctpMsg([]uint16{8, 2}, fwd, ctpMsg([]uint16{1, 3}), make([]byte, 30)), 0)
	// Cut short by the capture.
	add(ctpMsg([]uint16{0, 2}, fwd[:3]), 60)
	add(ctpMsg([]uint16{0, 1}), 60)
	add(ctpMsg([]uint16{0, 2}, fwd, ctpMsg([]uint16{1, 4}), []byte("xxxxxxxxxx")), 100)
	add(ctpMsg([]uint16{0, 5}, []byte("ab")), 100)
	add(ctpMsg([]uint16{100, 2}), 100)
	add(ctpMsg([]uint16{200, 2}), 100)
	add(ctpMsg([]uint16{0}), 100)
	add([]byte{0}, 100)
	add(nil, 100)
	return frames, wire
}

// TestCTPMatchesTcpdump holds rawcap's lines for the Configuration Testing
// frames to tcpdump's at each option set of the corpus test, -v with -x
// too (tcpdump dumps the whole frame where its printer stopped at the
// capture's end).
func TestCTPMatchesTcpdump(t *testing.T) {
	frames, wire := ctpFrames()
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

// TestCTPMatchesTshark holds the Configuration Testing frames' -V subtree,
// packet list, -T fields and -T ek to tshark's.
func TestCTPMatchesTshark(t *testing.T) {
	frames, wire := ctpFrames()
	var whole [][]byte // the frames captured whole
	for i, fr := range frames {
		if wire[i] == len(fr) {
			whole = append(whole, fr)
		}
	}
	checkTreeAllocsNothing(t, frames, "Configuration Test Protocol (loopback)")
	testshared.Oracle(t, "tshark")
	compareSubtreeWithTshark(t, whole, "Configuration Test Protocol (loopback)", nil)
	path := writeTestPcapWire(t, frames, wire)
	if n := compareColumnsWithTshark(t, path); n != len(frames) {
		t.Errorf("%d of %d rows are tshark's", n, len(frames))
	}
	var names []string
	for _, pf := range decode.Protocols() {
		if pf.Protocol != nil && pf.Protocol.Name == "loop" {
			for k := range pf.Fields {
				names = append(names, pf.Fields[k].Name)
			}
		}
	}
	if len(names) == 0 {
		t.Fatal("no loop fields")
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

// FuzzCTP feeds Configuration Testing messages, as the bytes after an
// Ethernet header, to the decoder and every printer.
func FuzzCTP(f *testing.F) {
	frames, _ := ctpFrames()
	for _, fr := range frames {
		f.Add(fr[14:])
	}
	if data, err := os.ReadFile("../../shared/corpus/tcpdump/tests_loopback.pcap"); err == nil && len(data) > 24+16+68 {
		f.Add(data[24+16+14 : 24+16+68]) // the first frame's messages and data
	}
	d := decode.NewDecoder()
	lps := []*decode.LinePrinter{
		{Options: decode.LineOptions{Location: time.UTC}},
		{Options: decode.LineOptions{Location: time.UTC, Verbose: 2, Link: true, Hex: decode.HexNet}},
	}
	tp := &decode.TreePrinter{Location: time.UTC}
	jp := &decode.JSONPrinter{Location: time.UTC}
	ep := &decode.EKPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	n := 0
	f.Fuzz(func(t *testing.T, m []byte) {
		fr := cat(append([]byte(nil), ctpHeader...), m)
		for _, l := range d.Decode(fr, linktype.Ethernet) {
			if l.Start < 0 || l.Start > l.Payload || l.Payload > l.End || l.End > len(fr) {
				t.Fatalf("bad layer %+v for %d bytes", l, len(fr))
			}
		}
		n++
		x := decode.Frame{Number: n, Time: time.Unix(int64(n), 0), Length: len(fr) + len(m)%7}
		for _, lp := range lps {
			lp.Append(nil, d, &x)
		}
		tp.Append(nil, d, &x)
		cp.Append(nil, d, &x)
		ep.Append(nil, d, &x)
		if js := jp.Append(nil, d, &x); !json.Valid(js) {
			t.Fatalf("invalid JSON: %s", js)
		}
	})
}
