package decode_test

import (
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// espFrame returns an Ethernet frame holding an IPv4 packet of protocol 50
// (ESP) with payload b; total, when not 0, is the IPv4 total length.
func espFrame(b []byte, total int) []byte {
	if total == 0 {
		total = 20 + len(b)
	}
	f := []byte{2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x08, 0x00,
		0x45, 0, byte(total >> 8), byte(total), 0, 1, 0, 0, 64, 50, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2}
	return append(f, b...)
}

// TestESP holds ESP's one-liner, tree, columns and fields to what tcpdump
// 4.99 and tshark 4.0 print for the same frames (their outputs taken as
// facts): a whole header, one cut after the SPI, one cut inside it.
func TestESP(t *testing.T) {
	whole := espFrame(append([]byte{0xde, 0xad, 0xbe, 0xef, 0, 0, 0, 0x10}, make([]byte, 40)...), 0)
	cut := espFrame([]byte{1, 2, 3, 4, 0, 5}, 0)
	tiny := espFrame([]byte{1, 2}, 0)
	for _, c := range []struct {
		frame              []byte
		line, info, fields string
		tree               []string
	}{
		{whole, "IP 10.0.0.1 > 10.0.0.2: ESP(spi=0xdeadbeef,seq=0x10), length 48", "ESP (SPI=0xdeadbeef)", "0xdeadbeef\t16",
			[]string{"Encapsulating Security Payload", "    ESP SPI: 0xdeadbeef (3735928559)", "    ESP Sequence: 16"}},
		{cut, "IP 10.0.0.1 > 10.0.0.2:  [|esp]", "[Malformed Packet]", "0x01020304\t",
			[]string{"Encapsulating Security Payload", "    ESP SPI: 0x01020304 (16909060)", "[Malformed Packet: ESP]"}},
		{tiny, "IP 10.0.0.1 > 10.0.0.2:  [|esp]", "[Malformed Packet]", "\t",
			[]string{"Encapsulating Security Payload", "[Malformed Packet: ESP]"}},
	} {
		d := decode.NewDecoder()
		d.Decode(c.frame, linktype.Ethernet)
		f := decode.Frame{Number: 1, Time: time.Unix(0, 0).UTC(), Length: len(c.frame)}
		lp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
		if got := string(lp.Append(nil, d, &f)); got != c.line+"\n" {
			t.Errorf("one-liner %q, want %q", got, c.line)
		}
		fp, err := decode.NewFieldsPrinter([]string{"esp.spi", "esp.sequence"})
		if err != nil {
			t.Fatal(err)
		}
		if got := string(fp.Append(nil, d, &f)); got != c.fields+"\n" {
			t.Errorf("-T fields %q, want %q", got, c.fields)
		}
		cp := &decode.ColumnsPrinter{}
		if got := string(cp.Append(nil, d, &f)); !containsLine(got, c.info) {
			t.Errorf("columns %q, want Info %q", got, c.info)
		}
		tp := &decode.TreePrinter{Location: time.UTC}
		got := string(tp.Append(nil, d, &f))
		for _, l := range c.tree {
			if !containsLine(got, l) {
				t.Errorf("tree lacks %q:\n%s", l, got)
			}
		}
	}
}

// containsLine reports whether text holds line as one of its lines, or,
// for a columns row, ends with it.
func containsLine(text, line string) bool {
	for _, l := range strings.Split(text, "\n") {
		if l == line || strings.HasSuffix(l, " "+line) || strings.HasSuffix(l, line) && strings.Contains(l, "ESP") {
			return true
		}
	}
	return false
}

// TestESPAllocs: decoding an ESP packet and printing it in every output
// allocates nothing once the printers have grown.
func TestESPAllocs(t *testing.T) {
	frame := espFrame(append([]byte{0xde, 0xad, 0xbe, 0xef, 0, 0, 0, 0x10}, make([]byte, 40)...), 0)
	d := decode.NewDecoder()
	f := decode.Frame{Number: 1, Time: time.Unix(0, 0).UTC(), Length: len(frame)}
	fp, _ := decode.NewFieldsPrinter([]string{"esp.spi", "esp.sequence"})
	printers := []interface {
		Append([]byte, *decode.Decoder, *decode.Frame) []byte
	}{&decode.LinePrinter{}, &decode.JSONPrinter{}, fp, &decode.ColumnsPrinter{}, &decode.TreePrinter{Location: time.UTC}}
	var buf []byte
	for _, p := range printers {
		if n := testing.AllocsPerRun(100, func() {
			d.Decode(frame, linktype.Ethernet)
			buf = p.Append(buf[:0], d, &f)
		}); n != 0 {
			t.Errorf("%T: %.1f allocations a packet", p, n)
		}
	}
}
