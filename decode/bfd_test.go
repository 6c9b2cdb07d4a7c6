package decode_test

import (
	"encoding/binary"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// bfdFrame builds Ethernet / IPv4 / UDP (source port 50000 to dport)
// around a BFD packet, with correct IP and UDP checksums.
func bfdFrame(t testing.TB, dport uint16, bfd []byte) []byte {
	f := mustHex(t, "02 00 00 00 00 02 02 00 00 00 00 01 08 00 "+
		"45 00 00 00 00 01 00 00 ff 11 00 00 c0 00 02 01 c0 00 02 02 "+
		"c3 50 00 00 00 00 00 00")
	binary.BigEndian.PutUint16(f[16:], uint16(28+len(bfd)))
	binary.BigEndian.PutUint16(f[36:], dport)
	binary.BigEndian.PutUint16(f[38:], uint16(8+len(bfd)))
	putChecksum(f[14:34], 10)
	f = append(f, bfd...)
	// The UDP checksum over the pseudo-header.
	ph := append(append([]byte{}, f[26:34]...), 0, 17, f[38], f[39])
	sum := append(ph, f[34:]...)
	putChecksum(sum, len(ph)+6)
	copy(f[40:42], sum[len(ph)+6:len(ph)+8])
	return f
}

func bfdVectors(t testing.TB) [][]byte {
	base := "20 c0 03 18 27 ac fe 90 a2 96 1c 74 00 04 93 e0 00 0f 42 40 00 00 00 00"
	return [][]byte{
		bfdFrame(t, 3784, mustHex(t, base)),
		bfdFrame(t, 4784, mustHex(t, "21 78 05 18 00 00 00 01 00 00 00 02 00 0f 42 40 00 0f 42 40 00 00 c3 50")),
		bfdFrame(t, 3784, mustHex(t, "20 44 05 34 00 00 00 01 00 00 00 00 00 0f 42 40 00 0f 42 40 00 00 00 00 "+
			"05 1c 02 00 00 00 00 05 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 1a")),
		bfdFrame(t, 3784, mustHex(t, "20 84 03 24 00 00 00 01 00 00 00 00 00 0f 42 40 00 0f 42 40 00 00 00 00 "+
			"02 18 01 00 00 00 00 09 00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff")),
		bfdFrame(t, 3784, mustHex(t, "20 44 03 1f 00 00 00 01 00 00 00 00 00 0f 42 40 00 0f 42 40 00 00 00 00 "+
			"01 07 03 61 62 63 64")),
		bfdFrame(t, 7784, mustHex(t, base)),
		bfdFrame(t, 3784, mustHex(t, "20 c0 03 18 27 ac fe 90 a2 96")),
	}
}

func TestBFD(t *testing.T) {
	frames := bfdVectors(t)
	d := decode.NewDecoder()
	for i, frame := range frames {
		layers := d.Decode(frame, linktype.Ethernet)
		if len(layers) != 4 || layers[3].Type != decode.LayerBFD {
			t.Fatalf("frame %d: layers %v, want Ethernet, IPv4, UDP, BFD", i, layers)
		}
		_, bad := d.Malformed()
		if want := i == len(frames)-1; bad != want {
			t.Errorf("frame %d: malformed %v, want %v", i, bad, want)
		}
	}
	d.Decode(frames[0], linktype.Ethernet)
	f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frames[0])}
	cols := string((&decode.ColumnsPrinter{}).Append(nil, d, &f))
	if !strings.Contains(cols, "BFD Control 66 Diag: No Diagnostic, State: Up, Flags: 0x00") {
		t.Errorf("columns %q", cols)
	}
	fp, err := decode.NewFieldsPrinter([]string{"bfd.sta", "bfd.my_discriminator", "bfd.desired_min_tx_interval"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(fp.Append(nil, d, &f)), "0x03\t0x27acfe90\t300000\n"; got != want {
		t.Errorf("-T fields %q, want %q", got, want)
	}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
	if got, want := string(lp.Append(nil, d, &f)), "IP 192.0.2.1.50000 > 192.0.2.2.3784: BFDv1, Control, State Up, Flags: [none], length: 24\n"; got != want {
		t.Errorf("line %q, want %q", got, want)
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-q"}})
	compareFramesTreeWithTsharkFrom(t, frames[:len(frames)-1], "\nBFD Control message\n")
	buf := make([]byte, 0, 4096)
	vp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	tp := &decode.TreePrinter{Location: time.UTC}
	jp := &decode.JSONPrinter{Location: time.UTC}
	for _, frame := range frames {
		run := func() {
			d.Decode(frame, linktype.Ethernet)
			buf = vp.Append(buf[:0], d, &f)
			buf = tp.Append(buf[:0], d, &f)
			buf = jp.Append(buf[:0], d, &f)
			buf = fp.Append(buf[:0], d, &f)
		}
		run()
		if n := testing.AllocsPerRun(20, run); n != 0 {
			t.Errorf("%v allocations per packet", n)
		}
	}
	for _, frame := range frames {
		for n := 42; n <= len(frame); n++ {
			d.Decode(frame[:n], linktype.Ethernet)
			for _, out := range allPrinters() {
				out(d, &f)
			}
		}
	}
}

// TestBFDTreeAllocatesNothing: the generic tree draws BFD without
// allocating.
func TestBFDTreeAllocatesNothing(t *testing.T) {
	frames := bfdVectors(t)
	checkTreeAllocsNothing(t, frames[:len(frames)-1], "BFD Control message")
}
