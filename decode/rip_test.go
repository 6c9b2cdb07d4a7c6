package decode_test

import (
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

func ripVectors(t testing.TB) [][]byte {
	port := uint16(520)
	f := func(hex string) []byte { return appFrame(mustHex(t, hex), port, 520, false) }
	return [][]byte{
		f("01 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 10"),
		f("02 01 00 00 00 02 00 00 0a 46 b2 00 00 00 00 00 00 00 00 00 00 00 00 01 00 02 00 00 0a 01 00 00 00 00 00 00 00 00 00 00 00 00 00 02"),
		f("02 02 00 00 ff ff 00 02 73 65 63 72 65 74 00 00 00 00 00 00 00 00 00 00 " +
			"00 02 00 07 0a 46 b2 00 ff ff ff 00 0a 00 00 01 00 00 00 01 " +
			"00 02 00 00 c0 a8 00 00 ff ff 00 00 00 00 00 00 00 00 00 10"),
		f("02 02 00 00 ff ff 00 03 00 2c 01 10 00 00 00 05 00 00 00 00 00 00 00 00 " +
			"00 02 00 00 0a 46 b2 00 ff ff ff 00 00 00 00 00 00 00 00 01"),
		f("01 02 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 10"),
		f("09 02 00 00"),
		f("02 01 00"),
	}
}

func TestRIP(t *testing.T) {
	frames := ripVectors(t)
	d := decode.NewDecoder()
	for i, frame := range frames {
		layers := d.Decode(frame, linktype.Ethernet)
		if len(layers) != 4 || layers[3].Type != decode.LayerRIP {
			t.Fatalf("frame %d: layers %v, want Ethernet, IPv4, UDP, RIP", i, layers)
		}
	}
	d.Decode(frames[1], linktype.Ethernet)
	f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frames[1])}
	if cols := string((&decode.ColumnsPrinter{}).Append(nil, d, &f)); !strings.Contains(cols, " RIPv1 ") || !strings.HasSuffix(cols, " Response\n") {
		t.Errorf("columns %q", cols)
	}
	fp, err := decode.NewFieldsPrinter([]string{"rip.command", "rip.ip", "rip.metric"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(fp.Append(nil, d, &f)), "2\t10.70.178.0,10.1.0.0\t1,2\n"; got != want {
		t.Errorf("-T fields %q, want %q", got, want)
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-q"}})
	compareFramesTreeWithTsharkFrom(t, frames[:len(frames)-1], "\nRouting Information Protocol\n")
	buf := make([]byte, 0, 4096)
	vp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	tp := &decode.TreePrinter{Location: time.UTC}
	for _, frame := range frames {
		run := func() {
			d.Decode(frame, linktype.Ethernet)
			buf = vp.Append(buf[:0], d, &f)
			buf = tp.Append(buf[:0], d, &f)
			buf = fp.Append(buf[:0], d, &f)
		}
		run()
		if n := testing.AllocsPerRun(20, run); n != 0 {
			t.Errorf("%v allocations per packet", n)
		}
	}
}

// FuzzRIP feeds RIP messages (UDP 520) to the decoder and printers.
func FuzzRIP(f *testing.F) {
	for _, frame := range ripVectors(f) {
		f.Add(frame[42:])
	}
	fuzzApp(f, decode.LayerRIP, 520, false, nil)
}

func ripngVectors(t testing.TB) [][]byte {
	f := func(hex string) []byte { return appFrame(mustHex(t, hex), 521, 521, false) }
	return [][]byte{
		f("02 01 00 00 20 01 0d b8 00 00 00 01 00 00 00 00 00 00 00 00 00 07 40 01 " +
			"20 01 0d b8 00 00 00 02 00 00 00 00 00 00 00 00 00 00 30 10"),
		f("01 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 10"),
		f("01 01 00 00 20 01 0d b8 00 00 00 01 00 00 00 00 00 00 00 00 00 00 40 00 00"),
		f("05 01 00 00"),
		f("02 02 00 00"),
	}
}

func TestRIPng(t *testing.T) {
	frames := ripngVectors(t)
	d := decode.NewDecoder()
	for i, frame := range frames {
		layers := d.Decode(frame, linktype.Ethernet)
		if len(layers) != 4 || layers[3].Type != decode.LayerRIPng {
			t.Fatalf("frame %d: layers %v, want Ethernet, IPv4, UDP, RIPng", i, layers)
		}
	}
	d.Decode(frames[0], linktype.Ethernet)
	f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frames[0])}
	if cols := string((&decode.ColumnsPrinter{}).Append(nil, d, &f)); !strings.HasSuffix(cols, " RIPng 86  Command Response, Version 1\n") {
		t.Errorf("columns %q", cols)
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-q"}})
	compareFramesTreeWithTsharkFrom(t, frames[:3], "\nRIPng\n")
	buf := make([]byte, 0, 4096)
	vp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	tp := &decode.TreePrinter{Location: time.UTC}
	for _, frame := range frames {
		run := func() {
			d.Decode(frame, linktype.Ethernet)
			buf = vp.Append(buf[:0], d, &f)
			buf = tp.Append(buf[:0], d, &f)
		}
		run()
		if n := testing.AllocsPerRun(20, run); n != 0 {
			t.Errorf("%v allocations per packet", n)
		}
	}
}

// FuzzRIPng feeds RIPng messages (UDP 521) to the decoder and printers.
func FuzzRIPng(f *testing.F) {
	for _, frame := range ripngVectors(f) {
		f.Add(frame[42:])
	}
	fuzzApp(f, decode.LayerRIPng, 521, false, nil)
}
