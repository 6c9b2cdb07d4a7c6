package decode_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
)

// tlsVectors are TCP payloads to port 443: a ClientHello with SNI, ALPN and
// supported_versions made by internal/synth, a ServerHello followed by
// ChangeCipherSpec and application data in one segment (RFC 8446 layouts),
// an alert, a TLS 1.2 ServerHello and ServerHelloDone in two records, a
// ClientKeyExchange, ChangeCipherSpec and encrypted Finished in one
// segment, a record that continues in the next segment, bytes from the
// middle of a record and a 2-byte stub. tcpdump 4.99 prints nothing for
// TLS, so want is empty: the line ends at the TCP "length N".
var tlsVectors = []appVector{
	{name: "client-hello-sni-alpn", tcp: true, sport: 40000, dport: 443, hex: "16 03 01 00 67 01 00 00 63 03 03 aa 2e 18 f7 ae 32 1c fb b2 36 20 ff b6  " +
		"3a 24 03 ba 3e 28 07 be 42 2c 0b c2 46 30 0f c6 4a 34 13 00 00 06 13 01  " +
		"13 02 c0 2f 01 00 00 34 00 00 00 15 00 13 00 00 10 6d 61 69 6c 2e 65 78  " +
		"61 6d 70 6c 65 2e 63 6f 6d 00 10 00 0e 00 0c 02 68 32 08 68 74 74 70 2f  " +
		"31 2e 31 00 2b 00 05 04 03 04 03 03",
		want: ""},
	{name: "server-hello-ccs-appdata", tcp: true, sport: 40000, dport: 443, hex: "16 03 03 00 32 02 00 00 2e 03 03 00 01 02 03 04 05 06 07 08 09 0a 0b 0c  " +
		"0d 0e 0f 10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f 00 13 01 00 00  " +
		"06 00 2b 00 02 03 04 14 03 03 00 01 01 17 03 03 00 28 00 01 02 03 04 05  " +
		"06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d  " +
		"1e 1f 20 21 22 23 24 25 26 27",
		want: ""},
	{name: "application-data", tcp: true, sport: 40000, dport: 443, hex: "17 03 03 00 28 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12  " +
		"13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f 20 21 22 23 24 25 26 27",
		want: ""},
	{name: "alert", tcp: true, sport: 40000, dport: 443, hex: "15 03 03 00 02 02 28",
		want: ""},
	{name: "server-hello-done", tcp: true, sport: 40000, dport: 443, hex: "16 03 03 00 2c 02 00 00 28 03 03 00 01 02 03 04 05 06 07 08 09 0a 0b 0c  " +
		"0d 0e 0f 10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f 00 c0 2f 00 00  " +
		"00 16 03 03 00 04 0e 00 00 00",
		want: ""},
	{name: "key-exchange-ccs-finished", tcp: true, sport: 40000, dport: 443, hex: "16 03 03 00 46 10 00 00 42 41 00 00 00 00 00 00 00 00 00 00 00 00 00 00  " +
		"00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  " +
		"00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  " +
		"00 00 00 14 03 03 00 01 01 16 03 03 00 28 00 01 02 03 04 05 06 07 08 09  " +
		"0a 0b 0c 0d 0e 0f 10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f 20 21  " +
		"22 23 24 25 26 27",
		want: ""},
	{name: "record-continues", tcp: true, sport: 40000, dport: 443, hex: "16 03 01 00 67 01 00 00 63 03 03 aa 2e 18 f7 ae 32 1c fb b2 36 20 ff b6  " +
		"3a 24 03 ba 3e 28 07 be 42 2c 0b c2 46 30 0f c6 4a 34 13 00 00 06 13 01  " +
		"13 02 c0 2f 01 00 00 34 00 00 00 15",
		want: ""},
	{name: "mid-record", tcp: true, sport: 40000, dport: 443, hex: "64 65 66 67 68 69 6a 6b 6c 6d 6e 6f 70 71 72 73 74 75 76 77 78 79 7a 7b  " +
		"7c 7d 7e 7f 80 81 82 83 84 85 86 87 88 89 8a 8b",
		want: ""},
	{name: "short", tcp: true, sport: 40000, dport: 443, hex: "16 03",
		want: ""},
}

// TestTLSVectors checks that each line ends with the TCP segment's length,
// as tcpdump's does, and compares the vectors with tcpdump's output.
func TestTLSVectors(t *testing.T) {
	var frames [][]byte
	d := decode.NewDecoder()
	for i, v := range tlsVectors {
		payload := mustHex(t, v.hex)
		frames = append(frames, appFrame(payload, v.sport, v.dport, v.tcp))
		p := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
		got := lineFor(d, p, frames[i], i+1)
		if want := fmt.Sprintf(", length %d\n", len(payload)); !strings.HasSuffix(got, want) {
			t.Errorf("%s: line %q does not end with %q", v.name, got, want)
		}
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-q"}})
}

func TestTLSHello(t *testing.T) {
	type hello struct {
		Records      []uint8
		HSType       uint8
		Version      uint16
		SNI          string
		ALPN         []string
		CipherSuites int
		CipherSuite  uint16
		Truncated    bool
	}
	for _, tc := range []struct {
		vector string
		want   hello
	}{
		{"client-hello-sni-alpn", hello{Records: []uint8{22}, HSType: 1, Version: 0x0303, SNI: "mail.example.com",
			ALPN: []string{"h2", "http/1.1"}, CipherSuites: 6}},
		{"server-hello-ccs-appdata", hello{Records: []uint8{22, 20, 23}, HSType: 2, Version: 0x0303, CipherSuite: 0x1301}},
		{"application-data", hello{Records: []uint8{23}}},
		{"record-continues", hello{Records: []uint8{22}, HSType: 1, Version: 0x0303, CipherSuites: 6, Truncated: true}},
	} {
		t.Run(tc.vector, func(t *testing.T) {
			var v appVector
			for _, x := range tlsVectors {
				if x.name == tc.vector {
					v = x
				}
			}
			tl, err := decode.ParseTLS(mustHex(t, v.hex))
			if err != nil {
				t.Fatal(err)
			}
			var got hello
			for off := 0; ; {
				r, next, ok := tl.NextRecord(off)
				if !ok {
					break
				}
				off = next
				got.Records = append(got.Records, r.ContentType())
				m, ok := r.Handshake()
				if !ok || got.HSType != 0 {
					continue
				}
				got.HSType = m.Type()
				h, ok := m.Hello()
				if !ok {
					continue
				}
				got.Version, got.SNI, got.CipherSuites = h.Version, string(h.ServerName()), len(h.CipherSuites)
				got.CipherSuite, got.Truncated = h.CipherSuite, h.Truncated
				for k := 0; h.ALPN(k) != nil; k++ {
					got.ALPN = append(got.ALPN, string(h.ALPN(k)))
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	for _, bad := range []string{"16 03", "30 03 03 00 01 00", "16 02 00 00 01 00", "17 03 03 ff ff"} {
		if _, err := decode.ParseTLS(mustHex(t, bad)); err == nil {
			t.Errorf("ParseTLS(%s) succeeded", bad)
		}
	}
}

// FuzzTLS feeds TCP payloads on port 443 to the decoder and printers.
func FuzzTLS(f *testing.F) { fuzzApp(f, decode.LayerTLS, 443, true, tlsVectors) }

// tlsTreeFrames returns the vectors rawcap decodes as TLS, as frames, and
// their names.
func tlsTreeFrames(t *testing.T) ([][]byte, []string) {
	var frames [][]byte
	var names []string
	for _, v := range tlsVectors {
		if v.name == "mid-record" || v.name == "short" {
			continue // no record header: data
		}
		frames = append(frames, appFrame(mustHex(t, v.hex), v.sport, v.dport, v.tcp))
		names = append(names, v.name)
	}
	return frames, names
}

// TestTLSTreeMatchesTshark holds the TLS subtree of the vectors, drawn
// from the fields emitTLS emits, to tshark's line for line: the hellos
// with their extensions, the records after a ServerHello that chose TLS
// 1.3, the alert, the application data, the handshake message a
// ChangeCipherSpec encrypted. Each frame goes alone (they share their TCP
// ports and sequence numbers). The record that continues in the next
// segment is left out: tshark waits for the rest of it.
func TestTLSTreeMatchesTshark(t *testing.T) {
	frames, names := tlsTreeFrames(t)
	for k, frame := range frames {
		var allow map[int]string
		switch names[k] {
		case "record-continues":
			continue
		case "client-hello-sni-alpn", "server-hello-ccs-appdata", "server-hello-done":
			// A hello's last lines are tshark's JA3 or JA3S fingerprint
			// (an MD5 of its fields), which rawcap does not draw.
			allow = map[int]string{0: "JA3 fingerprint"}
		case "key-exchange-ccs-finished":
			allow = map[int]string{0: "the key exchange's parameters, which rawcap does not draw"}
		}
		compareSubtreeWithTshark(t, [][]byte{frame}, "Transport Layer Security", allow)
	}
}

// TestTLSTreeAllocatesNothing draws the TLS vectors' trees with 0
// allocations per packet.
func TestTLSTreeAllocatesNothing(t *testing.T) {
	frames, _ := tlsTreeFrames(t)
	checkTreeAllocsNothing(t, frames, "Transport Layer Security")
}
