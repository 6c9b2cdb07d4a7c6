package decode_test

import (
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// h4bFrames returns every HTTP, TLS, VXLAN and GRE vector in its frame.
func h4bFrames(t testing.TB) [][]byte {
	var out [][]byte
	for _, vs := range [][]appVector{httpVectors, tlsVectors, vxlanVectors} {
		for _, v := range vs {
			out = append(out, appFrame(mustHex(t, v.hex), v.sport, v.dport, v.tcp))
		}
	}
	for _, v := range greVectors {
		out = append(out, h4bGREFrame(mustHex(t, v.hex)))
	}
	return out
}

// TestHTTPTLSTunnelNoAllocations checks that decoding the HTTP, TLS, VXLAN
// and GRE vectors and printing them as lines (default, -v, -q, -e) and
// JSON into a reused buffer allocate nothing.
func TestHTTPTLSTunnelNoAllocations(t *testing.T) {
	d := decode.NewDecoder()
	buf := make([]byte, 0, 64<<10)
	printers := []interface {
		Append([]byte, *decode.Decoder, *decode.Frame) []byte
	}{
		&decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC}},
		&decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Verbose: 1}},
		&decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Quiet: true}},
		&decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Link: true}},
		&decode.JSONPrinter{Location: time.UTC},
	}
	for i, fr := range h4bFrames(t) {
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

func BenchmarkHTTPDecode(b *testing.B) { benchApp(b, httpVectors, nil) }
func BenchmarkHTTPLine(b *testing.B) {
	benchApp(b, httpVectors, &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC}})
}
func BenchmarkHTTPLineVerbose(b *testing.B) {
	benchApp(b, httpVectors, &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Verbose: 1}})
}
func BenchmarkHTTPJSON(b *testing.B) {
	benchApp(b, httpVectors, &decode.JSONPrinter{Location: time.UTC})
}
func BenchmarkTLSDecode(b *testing.B) { benchApp(b, tlsVectors, nil) }
func BenchmarkTLSJSON(b *testing.B)   { benchApp(b, tlsVectors, &decode.JSONPrinter{Location: time.UTC}) }
func BenchmarkVXLANLine(b *testing.B) {
	benchApp(b, vxlanVectors, &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC}})
}
