package decode_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
)

// httpVectors are TCP payloads to port 80 crafted to reach each branch of
// tcpdump's HTTP printer (request and status lines, bare CR, binary bytes,
// a line without its end, methods in and out of tcpdump's list); want is
// tcpdump 4.99's output for them, after the TCP part.
var httpVectors = []appVector{
	{name: "get", tcp: true, sport: 40000, dport: 80, hex: "47 45 54 20 2f 78 20 48 54 54 50 2f 31 2e 31 0d 0a 48 6f 73 74 3a 20 65  " +
		"78 61 6d 70 6c 65 2e 63 6f 6d 0d 0a 55 73 65 72 2d 41 67 65 6e 74 3a 20  " +
		"74 0d 0a 0d 0a",
		want: "HTTP: GET /x HTTP/1.1"},
	{name: "response-body", tcp: true, sport: 40000, dport: 80, hex: "48 54 54 50 2f 31 2e 31 20 32 30 30 20 4f 4b 0d 0a 43 6f 6e 74 65 6e 74  " +
		"2d 4c 65 6e 67 74 68 3a 20 35 0d 0a 0d 0a 68 65 6c 6c 6f",
		want: "HTTP: HTTP/1.1 200 OK"},
	{name: "continuation", tcp: true, sport: 40000, dport: 80, hex: "68 65 6c 6c 6f 20 77 6f 72 6c 64 20 63 6f 6e 74 69 6e 75 61 74 69 6f 6e  " +
		"20 64 61 74 61 0d 0a",
		want: "HTTP"},
	{name: "binary", tcp: true, sport: 40000, dport: 80, hex: "00 01 62 69 6e 61 72 79",
		want: "HTTP"},
	{name: "lower-case-method", tcp: true, sport: 40000, dport: 80, hex: "67 65 74 20 2f 6c 6f 77 65 72 20 48 54 54 50 2f 31 2e 30 0d 0a 0d 0a",
		want: "HTTP: get /lower HTTP/1.0"},
	{name: "no-line-end", tcp: true, sport: 40000, dport: 80, hex: "47 45 54 20 2f 6e 6f 63 72 6c 66 20 48 54 54 50 2f 31 2e 31",
		want: "HTTP: GET /nocrlf HTTP/1.1 [|http]"},
	{name: "bare-cr", tcp: true, sport: 40000, dport: 80, hex: "47 45 54 20 2f 63 72 78 20 48 54 54 50 2f 31 2e 31 0d 58",
		want: "HTTP"},
	{name: "lf-only", tcp: true, sport: 40000, dport: 80, hex: "47 45 54 20 2f 6c 66 20 48 54 54 50 2f 31 2e 31 0a 48 6f 73 74 3a 20 61  " +
		"0a 0a",
		want: "HTTP: GET /lf HTTP/1.1"},
	{name: "two-digit-status", tcp: true, sport: 40000, dport: 80, hex: "48 54 54 50 2f 31 2e 31 20 32 30 20 4f 4b 0d 0a 0d 0a",
		want: "HTTP"},
	{name: "unknown-method", tcp: true, sport: 40000, dport: 80, hex: "46 4f 4f 20 2f 78 20 48 54 54 50 2f 31 2e 31 0d 0a 0d 0a",
		want: "HTTP"},
	{name: "method-alone", tcp: true, sport: 40000, dport: 80, hex: "47 45 54 0d 0a",
		want: "HTTP: GET"},
	{name: "tab-in-line", tcp: true, sport: 40000, dport: 80, hex: "47 45 54 20 2f 74 61 62 09 68 65 72 65 20 48 54 54 50 2f 31 2e 31 0d 0a  " +
		"0d 0a",
		want: "HTTP: GET /tab\there HTTP/1.1"},
	{name: "post-body", tcp: true, sport: 40000, dport: 80, hex: "50 4f 53 54 20 2f 70 20 48 54 54 50 2f 31 2e 31 0d 0a 48 6f 73 74 3a 20  " +
		"68 0d 0a 43 6f 6e 74 65 6e 74 2d 4c 65 6e 67 74 68 3a 20 33 0d 0a 0d 0a  " +
		"61 62 63",
		want: "HTTP: POST /p HTTP/1.1"},
	{name: "binary-header", tcp: true, sport: 40000, dport: 80, hex: "48 54 54 50 2f 31 2e 30 20 34 30 34 20 4e 6f 74 20 46 6f 75 6e 64 0d 0a  " +
		"ff 0d 0a",
		want: "HTTP: HTTP/1.0 404 Not Found"},
	{name: "control-in-header", tcp: true, sport: 40000, dport: 80, hex: "47 45 54 20 2f 78 20 48 54 54 50 2f 31 2e 31 0d 0a 48 6f 73 74 3a 20 61  " +
		"0d 0a 01 0d 0a",
		want: "HTTP: GET /x HTTP/1.1"},
	{name: "webdav", tcp: true, sport: 40000, dport: 80, hex: "50 52 4f 50 46 49 4e 44 20 2f 64 20 48 54 54 50 2f 31 2e 31 0d 0a 44 65  " +
		"70 74 68 3a 20 31 0d 0a 0d 0a",
		want: "HTTP: PROPFIND /d HTTP/1.1"},
	{name: "not-in-tcpdump-list", tcp: true, sport: 40000, dport: 80, hex: "50 41 54 43 48 20 2f 78 20 48 54 54 50 2f 31 2e 31 0d 0a 0d 0a",
		want: "HTTP"},
	{name: "non-ascii-token", tcp: true, sport: 40000, dport: 80, hex: "47 c3 a9 54 20 2f 20 48 54 54 50 2f 31 2e 31 0d 0a 0d 0a",
		want: "HTTP"},
	{name: "rtsp-like", tcp: true, sport: 40000, dport: 80, hex: "52 54 53 50 2f 31 2e 30 20 32 30 30 20 4f 4b 0d 0a 43 53 65 71 3a 20 31  " +
		"0d 0a 0d 0a",
		want: "HTTP: RTSP/1.0 200 OK"},
}

func TestHTTPVectors(t *testing.T) { checkVectors(t, httpVectors) }

func TestHTTPView(t *testing.T) {
	type view struct {
		Kind                    decode.HTTPKind
		Method, URI, Version    string
		Code                    int
		Phrase, Host, UserAgent string
		HeaderEnd               int
	}
	for _, tc := range []struct {
		name string
		in   string
		want view
	}{
		{"request", "GET /x HTTP/1.1\r\nHost: example.com\r\nUser-Agent:  t \r\n\r\n",
			view{Kind: decode.HTTPRequest, Method: "GET", URI: "/x", Version: "HTTP/1.1", Host: "example.com", UserAgent: "t", HeaderEnd: 55}},
		{"response", "HTTP/1.0 404 Not Found\r\nServer: x\r\n\r\nbody",
			view{Kind: decode.HTTPResponse, Version: "HTTP/1.0", Code: 404, Phrase: "Not Found", HeaderEnd: 37}},
		{"response-no-phrase", "HTTP/1.1 204\r\n\r\n",
			view{Kind: decode.HTTPResponse, Version: "HTTP/1.1", Code: 204, HeaderEnd: 16}},
		{"lf-only", "GET /lf HTTP/1.1\nhost: a\n\n",
			view{Kind: decode.HTTPRequest, Method: "GET", URI: "/lf", Version: "HTTP/1.1", Host: "a", HeaderEnd: 26}},
		{"headers-cut", "POST /p HTTP/1.1\r\nHost: h\r\nContent-Le",
			view{Kind: decode.HTTPRequest, Method: "POST", URI: "/p", Version: "HTTP/1.1", Host: "h", HeaderEnd: -1}},
		{"first-line-cut", "GET /x HTTP/1.1", view{HeaderEnd: -1}},
		{"no-version", "GET /x\r\n\r\n", view{HeaderEnd: -1}},
		{"body", "hello world\r\n", view{HeaderEnd: -1}},
		{"bad-code", "HTTP/1.1 2x0 OK\r\n\r\n", view{HeaderEnd: -1}},
		{"patch", "PATCH /p HTTP/1.1\r\n\r\n", view{Kind: decode.HTTPRequest, Method: "PATCH", URI: "/p", Version: "HTTP/1.1", HeaderEnd: 21}},
		// Wireshark compares methods with case and knows no FOO.
		{"lower-case-method", "get /x HTTP/1.1\r\n\r\n", view{HeaderEnd: -1}},
		{"unknown-method", "FOO /x HTTP/1.1\r\n\r\n", view{HeaderEnd: -1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, err := decode.ParseHTTP([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			got := view{Kind: h.Kind(), Method: string(h.Method()), URI: string(h.URI()), Version: string(h.Version()),
				Code: h.StatusCode(), Phrase: string(h.Phrase()), Host: string(h.Host()),
				UserAgent: string(h.Header("user-agent")), HeaderEnd: h.HeaderEnd()}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if _, err := decode.ParseHTTP(nil); err == nil {
		t.Error("ParseHTTP(nil) succeeded")
	}
}

// FuzzHTTP feeds TCP payloads on port 80 to the decoder and printers.
func FuzzHTTP(f *testing.F) { fuzzApp(f, decode.LayerHTTP, 80, true, httpVectors) }
