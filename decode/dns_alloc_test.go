package decode_test

import (
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// appFrames returns every DNS, DHCPv4 and NTP vector in its frame.
func appFrames(t testing.TB) [][]byte {
	var out [][]byte
	for _, vs := range [][]appVector{dnsVectors, dnsSectionVectors, dhcpVectors, ntpVectors} {
		for _, v := range vs {
			out = append(out, appFrame(mustHex(t, v.hex), v.sport, v.dport, v.tcp))
		}
	}
	return out
}

// TestAppNoAllocations checks that decoding the DNS, DHCPv4 and NTP vectors
// and printing them as lines (default, -v, -vvv, -q) and JSON into a reused
// buffer allocate nothing.
func TestAppNoAllocations(t *testing.T) {
	d := decode.NewDecoder()
	buf := make([]byte, 0, 64<<10)
	printers := []interface {
		Append([]byte, *decode.Decoder, *decode.Frame) []byte
	}{
		&decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC}},
		&decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Verbose: 1}},
		&decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Verbose: 3}},
		&decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Quiet: true}},
		&decode.JSONPrinter{Location: time.UTC},
	}
	for i, fr := range appFrames(t) {
		if n := testing.AllocsPerRun(50, func() { d.Decode(fr, linktype.Ethernet) }); n != 0 {
			t.Errorf("Decode(vector %d) allocates %v times", i, n)
		}
		f := decode.Frame{Number: 1, Time: time.Unix(1700000000, 0), Length: len(fr)}
		for k, p := range printers {
			if n := testing.AllocsPerRun(50, func() { buf = p.Append(buf[:0], d, &f) }); n != 0 {
				t.Errorf("printer %d (%T) on vector %d allocates %v times", k, p, i, n)
			}
		}
	}
}

func benchApp(b *testing.B, vs []appVector, p interface {
	Append([]byte, *decode.Decoder, *decode.Frame) []byte
}) {
	var frames [][]byte
	size := 0
	for _, v := range vs {
		fr := appFrame(mustHex(b, v.hex), v.sport, v.dport, v.tcp)
		frames = append(frames, fr)
		size += len(fr)
	}
	d := decode.NewDecoder()
	buf := make([]byte, 0, 64<<10)
	f := decode.Frame{Number: 1, Time: time.Unix(1700000000, 0)}
	b.ReportAllocs()
	b.SetBytes(int64(size / len(frames)))
	i := 0
	for b.Loop() {
		fr := frames[i%len(frames)]
		i++
		d.Decode(fr, linktype.Ethernet)
		if p != nil {
			f.Length = len(fr)
			buf = p.Append(buf[:0], d, &f)
		}
	}
}

func BenchmarkDNSDecode(b *testing.B) { benchApp(b, dnsVectors, nil) }
func BenchmarkDNSLine(b *testing.B) {
	benchApp(b, dnsVectors, &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC}})
}
func BenchmarkDNSLineVerbose(b *testing.B) {
	benchApp(b, dnsVectors, &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Verbose: 1}})
}
func BenchmarkDNSJSON(b *testing.B)      { benchApp(b, dnsVectors, &decode.JSONPrinter{Location: time.UTC}) }
func BenchmarkDHCPv4Decode(b *testing.B) { benchApp(b, dhcpVectors, nil) }
func BenchmarkDHCPv4LineVerbose(b *testing.B) {
	benchApp(b, dhcpVectors, &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Verbose: 1}})
}
func BenchmarkNTPLineVerbose(b *testing.B) {
	benchApp(b, ntpVectors, &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Verbose: 1}})
}
