package decode_test

import (
	"encoding/binary"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// httpFlow returns the frames of a TCP connection to port 80 (handshake,
// then each segment, from the client where fromCli says so).
func httpFlow(t testing.TB, segs [][]byte, fromCli []bool) [][]byte {
	fl := newSSHFlow(t, 40000)
	for k, s := range segs {
		fl.send(fromCli[k], s)
	}
	for _, fr := range fl.frames {
		for _, off := range []int{34, 36} {
			if binary.BigEndian.Uint16(fr[off:]) == 22 {
				binary.BigEndian.PutUint16(fr[off:], 80)
			}
		}
	}
	return fl.frames
}

// httpChunkedFlow is a GET and a chunked text response over three
// segments, the headers cut in the first.
func httpChunkedFlow(t testing.TB) [][]byte {
	return httpFlow(t, [][]byte{
		[]byte("GET /a?x=1 HTTP/1.1\r\nHost: h\r\n\r\n"),
		[]byte("HTTP/1.1 200 OK\r\nTransfer-Encoding: chu"),
		[]byte("nked\r\nContent-Type: text/plain\r\n\r\n6\r\nhello\n\r\n"),
		[]byte("3\r\nab\n\r\n0\r\n\r\n"),
	}, []bool{true, false, false, false})
}

// TestHTTPReassembledTree: the segments before the last show their bytes
// as TCP segment data and no HTTP; the last lists them and draws the whole
// message, its chunks and its text lines.
func TestHTTPReassembledTree(t *testing.T) {
	frames := httpChunkedFlow(t)
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	var outs []string
	for k, fr := range frames {
		d.Decode(fr, linktype.Ethernet)
		outs = append(outs, string(tp.Append(nil, d, &decode.Frame{Number: k + 1, Time: time.Unix(1, 0), Length: len(fr)})))
	}
	for _, k := range []int{4, 5} {
		if !strings.Contains(outs[k], "    TCP segment data (") || strings.Contains(outs[k], "Hypertext") {
			t.Errorf("frame %d: want TCP segment data and no HTTP:\n%s", k+1, outs[k])
		}
	}
	for _, want := range []string{
		"\n[3 Reassembled TCP Segments (97 bytes): #5(39), #6(45), #7(13)]\n",
		"\n    [Frame: 6, payload: 39-83 (45 bytes)]\n",
		"\n    HTTP chunked response\n        Data chunk (6 octets)\n            Chunk size: 6 octets\n",
		"\n        End of chunked encoding\n            Chunk size: 0 octets\n        \\r\\n\n    File Data: 9 bytes\n",
		"\nLine-based text data: text/plain (2 lines)\n    hello\\n\n    ab\\n\n",
		"[Protocols in frame: eth:ethertype:ip:tcp:http:data-text-lines]",
	} {
		if !strings.Contains(outs[6], want) {
			t.Errorf("frame 7: no %q in:\n%s", want, outs[6])
		}
	}
}

// TestHTTPReassemblyAllocs holds -V, JSON, -T fields and -T ek of a
// reassembled message to no allocation per packet once the buffers have
// grown.
func TestHTTPReassemblyAllocs(t *testing.T) {
	frames := httpChunkedFlow(t)
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	jp := &decode.JSONPrinter{Location: time.UTC}
	ep := &decode.EKPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	fp, err := decode.NewFieldsPrinter([]string{"http.file_data", "http.chunk_size", "tcp.segment", "frame.protocols"})
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 0, 1<<16)
	f := decode.Frame{Time: time.Unix(1, 0)}
	run := func() {
		for _, fr := range frames {
			f.Number++ // frame numbers go up: one capture
			f.Length = len(fr)
			d.Decode(fr, linktype.Ethernet)
			buf = tp.Append(buf[:0], d, &f)
			buf = jp.Append(buf[:0], d, &f)
			buf = ep.Append(buf[:0], d, &f)
			buf = fp.Append(buf[:0], d, &f)
			buf = cp.Append(buf[:0], d, &f)
		}
	}
	run()
	if got := testing.AllocsPerRun(10, run); got != 0 {
		t.Errorf("%.1f allocations per run of %d packets, want 0", got, len(frames))
	}
}

// FuzzHTTPReassembly feeds a connection's segments, in both directions,
// to the decoder and every printer: nothing may panic, JSON must be valid.
// Each segment is a flag byte (bit 0: from the client), a 16-bit length
// and the bytes.
func FuzzHTTPReassembly(f *testing.F) {
	f.Add(httpSegmentsInput(
		[]string{"GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n01234", "56789"},
		[]bool{true, false, false}))
	f.Add(httpSegmentsInput(
		[]string{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n5\r\nab", "cde\r\n0\r\n\r\n"},
		[]bool{false, false}))
	f.Add(httpSegmentsInput(
		[]string{"POST /p HTTP/1.1\r\nContent-Le", "ngth: 3\r\n\r\nabc", "GET / HTTP/1.1\r\n\r\n"},
		[]bool{true, true, true}))
	// Continuations (http_cont.go): after a request, and alone.
	f.Add(httpSegmentsInput(
		[]string{"GET / HTTP/1.1\r\n\r\n", "\x98binary", "key: v\r\nX-Y:\r\n\r\nbody", ",3:x\x01\nno colon", "\r\nContent-Type: text/plain\r\n\r\nhi\n", "a: b\r\nrest"},
		[]bool{true, false, false, false, false, false}))
	f.Add(httpSegmentsInput([]string{"key: v\r\n\r\n", "\r\n", "x"}, []bool{false, false, false}))
	d := decode.NewDecoder()
	prs := allPrinters()
	jp := &decode.JSONPrinter{Location: time.UTC}
	ep := &decode.EKPrinter{Location: time.UTC}
	f.Fuzz(func(t *testing.T, in []byte) {
		var segs [][]byte
		var cli []bool
		for len(in) >= 3 {
			flags, n := in[0], int(binary.BigEndian.Uint16(in[1:]))
			in = in[3:]
			n = min(n, len(in))
			segs, cli = append(segs, in[:n]), append(cli, flags&1 != 0)
			in = in[n:]
		}
		for k, fr := range httpFlow(t, segs, cli) {
			d.Decode(fr, linktype.Ethernet)
			f := decode.Frame{Number: k + 1, Time: time.Unix(1, 0), Length: len(fr)}
			for _, p := range prs {
				p(d, &f)
			}
			if js := jp.Append(nil, d, &f); !json.Valid(js) {
				t.Fatalf("invalid JSON: %s", js)
			}
			for _, line := range strings.Split(strings.TrimSpace(string(ep.Append(nil, d, &f))), "\n") {
				if !json.Valid([]byte(line)) {
					t.Fatalf("invalid ek line: %s", line)
				}
			}
		}
	})
}

func httpSegmentsInput(segs []string, cli []bool) []byte {
	var b []byte
	for k, s := range segs {
		flags := byte(0)
		if cli[k] {
			flags = 1
		}
		b = append(b, flags)
		b = binary.BigEndian.AppendUint16(b, uint16(len(s)))
		b = append(b, s...)
	}
	return b
}

// TestHTTPPairing numbers a conversation's exchanges as tshark does in one
// pass: two requests sent before their responses, the first response
// taken for the last request, the later ones for exchanges of their own.
func TestHTTPPairing(t *testing.T) {
	frames := httpFlow(t, [][]byte{
		[]byte("GET /1 HTTP/1.1\r\nHost: h\r\n\r\n"),
		[]byte("GET /2?x=1&y HTTP/1.1\r\nHost: h\r\n\r\n"),
		[]byte("HTTP/1.1 204 No Content\r\n\r\n"),
		[]byte("HTTP/1.1 204 No Content\r\n\r\n"),
	}, []bool{true, true, false, false})
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	var outs []string
	for k, fr := range frames {
		d.Decode(fr, linktype.Ethernet)
		f := decode.Frame{Number: k + 1, Time: time.Unix(1, int64(k)*1e6), Length: len(fr)}
		outs = append(outs, string(tp.Append(nil, d, &f)))
	}
	for _, tc := range []struct {
		frame int
		want  string
	}{
		{4, "\n    [Full request URI: http://h/1]\n    [HTTP request 1/1]\n"},
		{5, "\n        Request URI: /2?x=1&y\n            Request URI Path: /2\n            Request URI Query: x=1&y\n" +
			"                Request URI Query Parameter: x=1\n                Request URI Query Parameter: y\n"},
		{5, "\n    [HTTP request 2/2]\n    [Prev request in frame: 4]\n"},
		{6, "\n    [HTTP response 2/2]\n    [Time since request: 0.001000000 seconds]\n    [Prev request in frame: 4]\n" +
			"    [Request in frame: 5]\n    [Request URI: http://h/2?x=1&y]\n"},
		{7, "\n    [HTTP response 3/3]\n    [Prev request in frame: 5]\n    [Prev response in frame: 6]\n    [Request URI: http://h/2?x=1&y]\n"},
	} {
		if !strings.Contains(outs[tc.frame-1], tc.want) {
			t.Errorf("frame %d: no %q in:\n%s", tc.frame, tc.want, outs[tc.frame-1])
		}
	}
}

// TestHTTPBodyToClose: a response with neither Content-Length nor chunks
// runs to the FIN; its segments are TCP segment data until then, and the
// FIN (here without payload) counts it, as tshark does, so the next
// request is numbered after it. A response to HEAD has no body whatever
// its Content-Length says.
func TestHTTPBodyToClose(t *testing.T) {
	fl := newSSHFlow(t, 40000)
	fl.send(true, []byte("GET / HTTP/1.0\r\n\r\n"))
	fl.send(false, []byte("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nline1\n"))
	fl.send(false, []byte("line2\n"))
	fl.frames = append(fl.frames, fl.frame(false, 0x11, nil))
	fl.send(true, []byte("HEAD /2 HTTP/1.0\r\n\r\n"))
	fl.send(false, []byte("HTTP/1.0 200 OK\r\nContent-Length: 10\r\n\r\n"))
	var frames [][]byte
	for _, fr := range fl.frames {
		for _, off := range []int{34, 36} {
			if binary.BigEndian.Uint16(fr[off:]) == 22 {
				binary.BigEndian.PutUint16(fr[off:], 80)
			}
		}
		frames = append(frames, fr)
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	var outs []string
	for k, fr := range frames {
		d.Decode(fr, linktype.Ethernet)
		outs = append(outs, string(tp.Append(nil, d, &decode.Frame{Number: k + 1, Time: time.Unix(1, 0), Length: len(fr)})))
	}
	for _, tc := range []struct {
		frame   int
		want    string
		without string
	}{
		{5, "    TCP segment data (51 bytes)\n", "Hypertext"},
		{6, "    TCP segment data (6 bytes)\n", "Hypertext"},
		{7, "[Protocols in frame: eth:ethertype:ip:tcp:http:data-text-lines]", "Hypertext"},
		{8, "    [HTTP request 2/2]\n    [Prev request in frame: 4]\n", ""},
		{9, "    [HTTP response 2/2]\n", "TCP segment data"},
	} {
		out := outs[tc.frame-1]
		if !strings.Contains(out, tc.want) || tc.without != "" && strings.Contains(out, tc.without) {
			t.Errorf("frame %d: want %q and no %q in:\n%s", tc.frame, tc.want, tc.without, out)
		}
	}
}

// TestHTTPReassembledColumns: the packet list shows a reassembled
// message's segments as tshark does: TCP rows with the first line where
// tshark calls HTTP on them, TCP's Info where it knew the length, and the
// message's HTTP row at the segment (or FIN) that completes it.
func TestHTTPReassembledColumns(t *testing.T) {
	fl := newSSHFlow(t, 40000)
	fl.send(true, []byte("GET / HTTP/1.0\r\n\r\n"))
	fl.send(false, []byte("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nline1\n"))
	fl.send(false, []byte("line2\n"))
	fl.frames = append(fl.frames, fl.frame(false, 0x11, nil))
	var frames [][]byte
	for _, fr := range fl.frames {
		for _, off := range []int{34, 36} {
			if binary.BigEndian.Uint16(fr[off:]) == 22 {
				binary.BigEndian.PutUint16(fr[off:], 80)
			}
		}
		frames = append(frames, fr)
	}
	for _, tc := range []struct {
		name   string
		frames [][]byte
		want   map[int]string
	}{
		{"chunked", httpChunkedFlow(t), map[int]string{
			5: "TCP 93 HTTP/1.1 200 OK  [TCP segment of a reassembled PDU]",
			6: "TCP 99 HTTP/1.1 200 OK  [TCP segment of a reassembled PDU]",
			7: "HTTP 67 HTTP/1.1 200 OK  (text/plain)",
		}},
		{"to-close", frames, map[int]string{
			5: "TCP 105 HTTP/1.0 200 OK  [TCP segment of a reassembled PDU]",
			6: "TCP 60 80 → 40000 [PSH, ACK] Seq=52 Ack=19 Win=8192 Len=6 [TCP segment of a reassembled PDU]",
			7: "HTTP 54 HTTP/1.0 200 OK  (text/plain)",
		}},
	} {
		d := decode.NewDecoder()
		cp := &decode.ColumnsPrinter{}
		for k, fr := range tc.frames {
			d.Decode(fr, linktype.Ethernet)
			row := string(cp.Append(nil, d, &decode.Frame{Number: k + 1, Time: time.Unix(1, 0), Length: len(fr)}))
			if want, ok := tc.want[k+1]; ok && !strings.Contains(row, want) {
				t.Errorf("%s frame %d: row %q, want %q in it", tc.name, k+1, row, want)
			}
		}
	}
}
