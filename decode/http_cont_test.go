package decode_test

import (
	"time"

	"bytes"
	"encoding/binary"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
	"testing"
)

// httpPort80 moves a flow built by newSSHFlow from port 22 to 80.
func httpPort80(frames [][]byte) [][]byte {
	for _, fr := range frames {
		for _, off := range []int{34, 36} {
			if binary.BigEndian.Uint16(fr[off:]) == 22 {
				binary.BigEndian.PutUint16(fr[off:], 80)
			}
		}
	}
	return frames
}

// patternBytes returns n bytes stepping by 7 from start, as bench/gencap's
// bodies do: every byte value once in each 256.
func patternBytes(start byte, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = start + byte(7*i)
	}
	return b
}

// httpContinuationFlows returns connections whose server segments do not
// start with a status line: after a request (tshark has seen HTTP in the
// conversation) and without one (a capture that starts mid-response).
func httpContinuationFlows(t testing.TB) [][]byte {
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	segs := [][]byte{
		patternBytes(0x98, 600), // binary from its first byte
		patternBytes(0x40, 600), // printable, a line without a colon first
		patternBytes(0x2c, 600), // ",3:…": a header with a bad name, then lines
		[]byte("Server: x\r\nContent-Type: text/plain\r\n\r\nhello\nworld\n"),
		cat([]byte("\r\n"), patternBytes(0x98, 100)), // leading CRLF, then binary
		[]byte("key: value\r\nno colon here"),        // a header, then a line to the end
		[]byte("key: value\r\nother: v2\r\n\r\n"),    // headers and the empty line only
		[]byte("just text\r\nmore text: with colon\r\n"),
		[]byte("\r\nkey: v\r\n\r\nbody"),        // leading CRLF, then a header
		[]byte("\r\n@abc no colon\nmore"),       // leading CRLF, then no header
		[]byte("Content-Length: 3\r\nX-Y:\r\n"), // known and empty headers, no empty line
	}
	var frames [][]byte
	for k, withReq := range []bool{true, false} {
		fl := newSSHFlow(t, uint16(41000+k))
		if withReq {
			fl.send(true, []byte("GET / HTTP/1.1\r\nHost: h\r\n\r\n"))
		}
		for _, s := range segs {
			fl.send(false, s)
		}
		frames = append(frames, httpPort80(fl.frames)...)
	}
	return frames
}

// TestHTTPContinuationMatchesTshark holds segments that start with no
// request or status line to tshark (the trees of TCP, HTTP and the text
// lines, the packet list, every HTTP and Data field and frame.protocols)
// and to tcpdump, in a connection that carried a request and in one that
// did not.
func TestHTTPContinuationMatchesTshark(t *testing.T) {
	frames := httpContinuationFlows(t)
	wire := make([]int, len(frames))
	for i, fr := range frames {
		wire[i] = len(fr)
	}
	wiredFramesMatchTcpdump(t, frames, wire)
	for _, head := range []string{"Transmission Control Protocol", "Hypertext Transfer Protocol", "Line-based text data"} {
		compareSubtreeWithTshark(t, frames, head, nil)
	}
	path := writeTestPcap(t, frames)
	if n := compareColumnsWithTshark(t, path); n != len(frames) {
		t.Errorf("%d of %d rows are tshark's", n, len(frames))
	}
	names := []string{"frame.protocols", "data.data", "data.len"}
	for _, pf := range decode.Protocols() {
		if pf.Protocol != nil && pf.Protocol.Name == "http" {
			for k := range pf.Fields {
				names = append(names, pf.Fields[k].Name)
			}
		}
	}
	compareFieldsWithTshark(t, path, frames, names)
}

// TestHTTPContinuationAllocs: drawing continuations allocates nothing
// once the buffers have grown.
func TestHTTPContinuationAllocs(t *testing.T) {
	fp, err := decode.NewFieldsPrinter([]string{"http.file_data", "http.unknown_header", "data.len", "frame.protocols"})
	if err != nil {
		t.Fatal(err)
	}
	flowAllocsNothing(t, httpContinuationFlows(t), &decode.TreePrinter{Location: time.UTC}, &decode.ColumnsPrinter{}, fp)
}

// flowAllocsNothing prints frames, a capture in order, with each printer,
// and checks that doing it again allocates nothing; it returns what the
// last printer made of the last frame.
func flowAllocsNothing(t *testing.T, frames [][]byte, printers ...interface {
	Append([]byte, *decode.Decoder, *decode.Frame) []byte
}) string {
	t.Helper()
	d := decode.NewDecoder()
	buf := make([]byte, 0, 1<<16)
	var f decode.Frame
	run := func() {
		for i, fr := range frames {
			f = decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(fr)}
			d.Decode(fr, linktype.Ethernet)
			for _, p := range printers {
				buf = p.Append(buf[:0], d, &f)
			}
		}
	}
	run()
	if got := testing.AllocsPerRun(10, run); got != 0 {
		t.Errorf("%.1f allocations per run of %d packets, want 0", got, len(frames))
	}
	return string(buf)
}
