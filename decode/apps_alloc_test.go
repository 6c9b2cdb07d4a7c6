package decode_test

import (
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// appsFrames returns the Telnet, Syslog and DHCPv6 vectors as frames.
func appsFrames(t testing.TB) [][]byte {
	var frames [][]byte
	for k, v := range telnetVectors {
		frames = append(frames, appTCPFrame(t, 23, uint16(40000+k), mustHex(t, v.hex)))
	}
	for _, v := range syslogVectors {
		frames = append(frames, appUDPFrame(t, 40000, 514, []byte(v.msg)))
	}
	for _, v := range dhcpv6Vectors {
		frames = append(frames, appUDPFrame(t, 546, 547, mustHex(t, v.hex)))
	}
	return frames
}

// TestAppsNoAllocations checks that decoding Telnet, Syslog and DHCPv6 and
// printing them with every printer (one-liners in several option sets,
// JSON, -T fields with every field, ek, the -V tree, the packet list)
// allocate nothing once the buffers have grown.
func TestAppsNoAllocations(t *testing.T) {
	frames := appsFrames(t)
	d := decode.NewDecoder()
	buf := make([]byte, 0, 64<<10)
	var names []string
	for _, p := range decode.Protocols() {
		for i := range p.Fields {
			names = append(names, p.Fields[i].Name)
		}
	}
	fp, err := decode.NewFieldsPrinter(names)
	if err != nil {
		t.Fatal(err)
	}
	printers := map[string]benchPrinter{
		"json":    &decode.JSONPrinter{Location: time.UTC},
		"fields":  fp,
		"ek":      &decode.EKPrinter{Location: time.UTC},
		"tree":    &decode.TreePrinter{Location: time.UTC},
		"columns": &decode.ColumnsPrinter{},
	}
	for k, o := range []decode.LineOptions{{}, {Verbose: 1}, {Verbose: 2}, {Quiet: true}, {Hex: decode.HexNet}} {
		printers["line"+string(rune('0'+k))] = &decode.LinePrinter{Options: o}
	}
	for name, p := range printers {
		for k, frame := range frames {
			f := decode.Frame{Number: k + 1, Time: time.Unix(1, 0), Length: len(frame)}
			if n := testing.AllocsPerRun(20, func() {
				d.Decode(frame, linktype.Ethernet)
				buf = p.Append(buf[:0], d, &f)
			}); n != 0 {
				t.Errorf("%s: frame %d allocates %v times", name, k+1, n)
			}
		}
	}
}

func BenchmarkTelnetSyslogTree(b *testing.B) {
	frames := appsFrames(b)
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	buf := make([]byte, 0, 64<<10)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		frame := frames[i%len(frames)]
		i++
		d.Decode(frame, linktype.Ethernet)
		f := decode.Frame{Number: i, Time: time.Unix(1, 0), Length: len(frame)}
		buf = tp.Append(buf[:0], d, &f)
	}
}

func BenchmarkTelnetSyslogLine(b *testing.B) {
	frames := appsFrames(b)
	d := decode.NewDecoder()
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 1}}
	buf := make([]byte, 0, 64<<10)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		frame := frames[i%len(frames)]
		i++
		d.Decode(frame, linktype.Ethernet)
		f := decode.Frame{Number: i, Time: time.Unix(1, 0), Length: len(frame)}
		buf = lp.Append(buf[:0], d, &f)
	}
}
