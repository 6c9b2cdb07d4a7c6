package decode_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// appVectorFrames returns every HTTP, TLS, VXLAN and GRE vector in its frame.
func appVectorFrames(t testing.TB) [][]byte {
	out := vectorFrames(t, httpVectors, tlsVectors, vxlanVectors)
	for _, v := range greVectors {
		out = append(out, greInEthernet(mustHex(t, v.hex)))
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
	for i, fr := range appVectorFrames(t) {
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

// TestHTTPTLSTunnelMalformed cuts packets short: each decodes as far as it
// can, its last layer is marked with the reason, the JSON says so, and the
// line matches tcpdump's, "[|http]" and the like included.
func TestHTTPTLSTunnelMalformed(t *testing.T) {
	get := appFrame([]byte("GET /cut HTTP/1.1\r\nHost: example.com\r\n\r\n"), 40000, 80, true)
	hello := appFrame(mustHex(t, tlsVectors[0].hex), 40000, 443, true)
	vx := appFrame(mustHex(t, vxlanVectors[0].hex), 40000, 4789, false)
	gre := greInEthernet(mustHex(t, greVectors[2].hex))
	for _, tc := range []struct {
		name   string
		frame  []byte
		layer  decode.LayerType
		reason decode.Reason
	}{
		{"http-cut-in-headers", get[:54+30], decode.LayerHTTP, decode.ReasonTruncated},
		{"http-cut-in-request-line", get[:54+5], decode.LayerHTTP, decode.ReasonTruncated},
		{"tls-cut-in-hello", hello[:54+40], decode.LayerTLS, decode.ReasonTruncated},
		{"vxlan-cut-in-header", vx[:42+5], decode.LayerVXLAN, decode.ReasonTruncated},
		{"vxlan-cut-before-reserved", vx[:42+7], decode.LayerVXLAN, decode.ReasonTruncated},
		{"gre-cut-in-key", gre[:34+10], decode.LayerGRE, decode.ReasonTruncated},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := decode.NewDecoder()
			d.Decode(tc.frame, linktype.Ethernet)
			l, ok := d.Malformed()
			if !ok || l.Type != tc.layer || l.Malformed != tc.reason {
				t.Fatalf("malformed layer %v %q (%v), want %v %q", l.Type, l.Malformed, ok, tc.layer, tc.reason)
			}
			f := decode.Frame{Number: 1, Time: time.Unix(1700000000, 0), Length: len(tc.frame)}
			js := (&decode.JSONPrinter{Location: time.UTC}).Append(nil, d, &f)
			var obj map[string]any
			if err := json.Unmarshal(js, &obj); err != nil {
				t.Fatal(err)
			}
			m, _ := obj["malformed"].(map[string]any)
			if m["layer"] != tc.layer.String() || m["reason"] != string(tc.reason) {
				t.Errorf("JSON malformed = %v, want layer %s reason %s", obj["malformed"], tc.layer, tc.reason)
			}
			compareFramesWithTcpdump(t, [][]byte{tc.frame}, [][]string{{}, {"-v"}})
		})
	}
}

// TestHTTPTLSOtherPorts checks the ports where rawcap decodes HTTP or TLS
// for JSON and -V (as tshark does) but tcpdump prints nothing of them: the
// line matches tcpdump's, the JSON has the fields.
func TestHTTPTLSOtherPorts(t *testing.T) {
	get := []byte("GET /x HTTP/1.1\r\nHost: h\r\n\r\n")
	hello := mustHex(t, tlsVectors[0].hex)
	var frames [][]byte
	for _, tc := range []struct {
		port    uint16
		payload []byte
		field   string
		want    string
	}{
		{3128, get, "request.method", "GET"},
		{8088, get, "host", "h"},
		{993, hello, "handshake.extensions_server_name", "mail.example.com"},
		{8443, hello, "handshake.extensions_server_name", "mail.example.com"},
	} {
		f := appFrame(tc.payload, 40000, tc.port, true)
		frames = append(frames, f)
		d := decode.NewDecoder()
		d.Decode(f, linktype.Ethernet)
		js := (&decode.JSONPrinter{Location: time.UTC}).Append(nil, d, &decode.Frame{Number: 1, Length: len(f)})
		var obj map[string]any
		if err := json.Unmarshal(js, &obj); err != nil {
			t.Fatal(err)
		}
		proto := "http"
		if tc.port != 3128 && tc.port != 8088 {
			proto = "tls"
		}
		if got := tunnelJSONField(obj, proto+"."+tc.field); got != tc.want {
			t.Errorf("port %d: %s.%s = %q, want %q", tc.port, proto, tc.field, got, tc.want)
		}
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}})
}

// TestHTTPTreeAllocatesNothing: the generic tree draws the HTTP vectors
// without allocating. The vectors whose header section does not end are
// left out: tshark waits for the segments that would end it, and draws no
// HTTP; so are those that start with no request or status line, which a
// connection without a request shows as TCP's payload
// (TestHTTPContinuationAllocs has them).
func TestHTTPTreeAllocatesNothing(t *testing.T) {
	var frames [][]byte
	for i, v := range httpVectors {
		if v.name == "binary-header" || v.name == "control-in-header" || decode.HTTP(mustHex(t, v.hex)).Kind() == decode.HTTPContinuation {
			continue
		}
		frames = append(frames, appFrame(mustHex(t, v.hex), v.sport+uint16(i), v.dport, v.tcp))
	}
	checkTreeAllocsNothing(t, frames, "Hypertext Transfer Protocol")
}
