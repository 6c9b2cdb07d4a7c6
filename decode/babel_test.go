package decode_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// babelVectors are Babel packets (UDP payloads) made for these tests: every
// TLV type both tools name, the sub-TLVs, prefix compression, a trailer,
// and the damage each tool reports in its own words.
var babelVectors = []appVector{
	{name: "hello unicast, ihu v4", hex: "2a 02 00 14 04 06 80 00 00 05 01 90 05 0a 01 00 00 60 04 b0 0a 00 00 01"},
	{name: "router-id, nh, updates with prefix compression", hex: "2a 02 00 4c " +
		"06 0a 00 00 01 02 03 04 05 06 07 08 " +
		"07 06 01 00 c0 a8 01 01 " +
		"08 0d 01 80 18 00 01 90 00 05 00 0a c0 a8 02 " +
		"08 0c 01 00 20 02 01 90 00 05 00 0a 03 04 " +
		"08 17 02 80 40 00 01 90 00 06 01 00 20 01 0d b8 00 00 00 01 02 03 01 ff 02 " +
		"08 0a 00 40 00 00 ff ff 00 01 ff ff"},
	{name: "requests, acks, padding", hex: "2a 02 00 34 " +
		"09 0a 02 40 20 01 0d b8 00 00 00 01 " +
		"09 02 00 00 " +
		"0a 12 01 20 00 07 05 00 01 02 03 04 05 06 07 08 0a 00 00 01 " +
		"02 06 00 00 12 34 01 f4 " +
		"03 02 12 34 " +
		"01 02 00 00 " +
		"00"},
	{name: "pc and mac trailer", hex: "2a 02 00 0c 04 06 00 00 00 09 01 90 11 06 00 00 00 07 01 02 " +
		"10 10 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f"},
	{name: "ts/pc, hmac, challenges, unknown", hex: "2a 02 00 3c " +
		"0b 06 00 02 50 d0 3a f0 " +
		"0c 16 00 1e 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 13 " +
		"12 08 01 02 03 04 05 06 07 08 " +
		"13 08 01 02 03 04 05 06 07 08 " +
		"1e 02 aa bb"},
	{name: "hello with mandatory unknown sub-TLV", hex: "2a 02 00 0b 04 09 00 00 00 09 01 90 85 01 00"},
	{name: "ihu link-local with a hello timestamp", hex: "2a 02 00 22 04 0c 00 00 e5 b5 01 90 03 04 84 80 70 4b " +
		"05 12 03 00 00 60 04 b0 50 54 00 ff fe 85 5d a9 01 00"},
	{name: "ihu wildcard, hello unscheduled", hex: "2a 02 00 10 05 06 00 00 00 60 04 b0 04 06 00 00 00 01 00 00"},
	{name: "version 3", hex: "2a 03 00 00"},
}

// babelDamaged are packets where Wireshark's dissector runs out of bytes
// (an exception: its packet list, drawn without a tree, shows less of it
// than its -T fields columns) and tcpdump finds them invalid.
var babelDamaged = []appVector{
	{name: "body longer than the packet", hex: "2a 02 00 ff 04 06 00 00 00 01 01 90"},
	{name: "TLV past the body", hex: "2a 02 00 08 04 0a 00 00 00 01 01 90 00 00"},
	{name: "TLV past the packet", hex: "2a 02 00 0a 04 06 00 00 00 01 01 90 06 0a 00 00"},
	{name: "ihu timestamps past the TLV", hex: "2a 02 00 28 04 0c 00 00 e5 b5 01 90 03 04 84 80 70 4b " +
		"05 18 03 00 00 60 04 b0 50 54 00 ff fe 85 5d a9 03 08 84 7f 99 4b 05 72 51 84"},
	{name: "sub-TLV length past the TLV", hex: "2a 02 00 0a 04 08 00 00 00 09 01 90 03 09"},
}

func babelFrames(t testing.TB, vs []appVector) [][]byte {
	frames := make([][]byte, len(vs))
	for i, v := range vs {
		frames[i] = appFrame(mustHex(t, v.hex), 6696, 6696, false)
	}
	return frames
}

func TestBabelVectors(t *testing.T) {
	frames := append(babelFrames(t, babelVectors), babelFrames(t, babelDamaged)...)
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-e"}, {"-q"}, {"-x"}})
	checkIPVectorsAlloc(t, frames)
}

// TestBabelMatchesTshark holds the generated packets' -V subtree, columns
// and -T fields to tshark's.
// The raw prefix of a wildcard (empty) is left out: tshark's -T fields
// shows it as "<MISSING>".
func TestBabelMatchesTshark(t *testing.T) {
	frames := babelFrames(t, babelVectors)
	compareSubtreeWithTshark(t, frames, "Babel Routing Protocol", nil)
	compareTreesWithTshark(t, babelFrames(t, babelDamaged), "Babel Routing Protocol")
	var fields []string
	for _, p := range decode.Protocols() {
		if p.Protocol.Name == "babel" {
			for _, f := range p.Fields {
				if f.Name != "babel.message.prefix" {
					fields = append(fields, f.Name)
				}
			}
		}
	}
	if len(fields) == 0 {
		t.Fatal("no babel fields")
	}
	compareFieldsWithTshark(t, writeTestPcap(t, frames), frames, fields)
}

// FuzzBabel feeds Babel packets to the decoder and every printer.
func FuzzBabel(f *testing.F) {
	for _, v := range babelVectors {
		f.Add(mustHex(f, v.hex), false)
	}
	for _, p := range appPayloads(f, decode.LayerBabel) {
		f.Add(p, false)
	}
	fuzzIPProto(f, func(t testing.TB, m []byte, _ bool) []byte {
		fr := appFrame(nil, 6696, 6696, false)
		u := 8 + len(m)
		fr[16], fr[17] = byte((20+u)>>8), byte(20+u)
		fr[38], fr[39] = byte(u>>8), byte(u)
		return fr
	})
}

// compareTreesWithTshark holds the subtree starting with head of each
// frame's -V tree, with the exception lines after it, to tshark's.
func compareTreesWithTshark(t *testing.T, frames [][]byte, head string) {
	t.Helper()
	testshared.Oracle(t, "tshark")
	path := writeTestPcap(t, frames)
	cmd := exec.Command("tshark", "-n", "-V", "-r", path)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	theirs := appTreeFrames(string(out))
	if len(theirs) != len(frames) {
		t.Fatalf("tshark printed %d frames, want %d", len(theirs), len(frames))
	}
	// The packet list, which tshark draws without a tree.
	list, err := exec.Command("tshark", "-n", "-r", path).Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	rows := strings.Split(strings.TrimSuffix(string(list), "\n"), "\n")
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	for i, frame := range frames {
		d.Decode(frame, linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(frame)}
		mine := subtreeOf(string(tp.Append(nil, d, &f)), head)
		want := subtreeOf("Frame "+theirs[i], head)
		if diff := cmp.Diff(want, mine); diff != "" {
			t.Errorf("frame %d: -V subtree, tshark (-want) vs rawcap (+got):\n%s", i, diff)
		}
		row := string((&decode.ColumnsPrinter{}).Append(nil, d, &f))
		_, info, _ := strings.Cut(strings.TrimSpace(rows[i]), " Babel ")
		if i < len(rows) && !strings.HasSuffix(strings.TrimSuffix(row, "\n"), info) {
			t.Errorf("frame %d: columns %q, tshark's packet list %q", i, row, rows[i])
		}
	}
}

// TestBabelPrintersAllocateNothing checks the packet list and -T fields
// (the other printers: TestBabelVectors).
func TestBabelPrintersAllocateNothing(t *testing.T) {
	frames := append(babelFrames(t, babelVectors), babelFrames(t, babelDamaged)...)
	d := decode.NewDecoder()
	cp := &decode.ColumnsPrinter{}
	fp, err := decode.NewFieldsPrinter([]string{"babel.message.type", "babel.message.prefix", "babel.subtlv.type"})
	if err != nil {
		t.Fatal(err)
	}
	var buf []byte
	for i, frame := range frames {
		f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		run := func() {
			d.Decode(frame, linktype.Ethernet)
			buf = cp.Append(buf[:0], d, &f)
			buf = fp.Append(buf[:0], d, &f)
		}
		run()
		if n := testing.AllocsPerRun(20, run); n != 0 {
			t.Errorf("frame %d: columns and -T fields allocate %v times", i, n)
		}
	}
}
