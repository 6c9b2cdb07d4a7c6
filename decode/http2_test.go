package decode_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/http2/hpack"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// h2Flow builds the frames of one TCP connection from a client port to a
// server port, with sequence numbers that follow the bytes sent.
type h2Flow struct {
	t            testing.TB
	cport, sport uint16
	cseq, sseq   uint32
	frames       *[][]byte
}

func newH2Flow(t testing.TB, frames *[][]byte, cport, sport uint16) *h2Flow {
	f := &h2Flow{t: t, cport: cport, sport: sport, cseq: 1000, sseq: 5000, frames: frames}
	*f.frames = append(*f.frames, f.frame(true, 0x02, nil))
	f.cseq++
	*f.frames = append(*f.frames, f.frame(false, 0x12, nil))
	f.sseq++
	*f.frames = append(*f.frames, f.frame(true, 0x10, nil))
	return f
}

func (f *h2Flow) frame(fromCli bool, flags byte, payload []byte) []byte {
	h := mustHex(f.t, "02 00 00 00 00 0b 02 00 00 00 00 0a 08 00 "+
		"45 00 00 00 00 01 40 00 40 06 00 00 c0 00 02 01 c0 00 02 02 "+
		"00 00 00 00 00 00 00 00 00 00 00 00 50 00 20 00 00 00 00 00")
	sport, dport, seq, ack := f.cport, f.sport, f.cseq, f.sseq
	if !fromCli {
		sport, dport, seq, ack = f.sport, f.cport, f.sseq, f.cseq
		copy(h[26:30], []byte{192, 0, 2, 2})
		copy(h[30:34], []byte{192, 0, 2, 1})
		copy(h[0:6], []byte{2, 0, 0, 0, 0, 0x0a})
		copy(h[6:12], []byte{2, 0, 0, 0, 0, 0x0b})
	}
	if flags == 0x02 {
		ack = 0
	}
	binary.BigEndian.PutUint16(h[16:], uint16(40+len(payload)))
	binary.BigEndian.PutUint16(h[34:], sport)
	binary.BigEndian.PutUint16(h[36:], dport)
	binary.BigEndian.PutUint32(h[38:], seq)
	binary.BigEndian.PutUint32(h[42:], ack)
	h[47] = flags
	putChecksum(h[14:34], 10)
	fr := append(h, payload...)
	seg := fr[34:]
	ph := append(append([]byte{}, fr[26:34]...), 0, 6, byte(len(seg)>>8), byte(len(seg)))
	sum := append(ph, seg...)
	putChecksum(sum, len(ph)+16)
	seg[16], seg[17] = sum[len(ph)+16], sum[len(ph)+17]
	return fr
}

func (f *h2Flow) send(fromCli bool, payload ...[]byte) {
	p := bytes.Join(payload, nil)
	*f.frames = append(*f.frames, f.frame(fromCli, 0x18, p))
	if fromCli {
		f.cseq += uint32(len(p))
	} else {
		f.sseq += uint32(len(p))
	}
}

// h2Frame is one HTTP/2 frame.
func h2Frame(typ, flags byte, stream uint32, body ...[]byte) []byte {
	p := bytes.Join(body, nil)
	b := []byte{byte(len(p) >> 16), byte(len(p) >> 8), byte(len(p)), typ, flags}
	b = binary.BigEndian.AppendUint32(b, stream)
	return append(b, p...)
}

func be32b(v ...uint32) []byte {
	var b []byte
	for _, x := range v {
		b = binary.BigEndian.AppendUint32(b, x)
	}
	return b
}

func h2Setting(id uint16, v uint32) []byte {
	return binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint16(nil, id), v)
}

// h2Block encodes header fields with HPACK (x/net's encoder: indexed,
// literal and Huffman-coded representations as it chooses them).
func h2Block(enc *hpack.Encoder, buf *bytes.Buffer, kv ...string) []byte {
	buf.Reset()
	for k := 0; k+1 < len(kv); k += 2 {
		if err := enc.WriteField(hpack.HeaderField{Name: kv[k], Value: kv[k+1]}); err != nil {
			panic(err)
		}
	}
	return append([]byte(nil), buf.Bytes()...)
}

const h2Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"

// h2Sessions returns clear-text HTTP/2 connections: three with prior
// knowledge, on port 80 and on 8080 (HTTP's ports, where tshark 4.0 finds
// the preface) and on 9999 (where it does not look), and one upgraded
// from HTTP/1.1 on port 80.
func h2Sessions(t testing.TB) [][]byte {
	var frames [][]byte
	for _, port := range []uint16{80, 8080, 9999} {
		var cb, sb bytes.Buffer
		cenc, senc := hpack.NewEncoder(&cb), hpack.NewEncoder(&sb)
		f := newH2Flow(t, &frames, 40000+port%1000, port)
		f.send(true, []byte(h2Preface),
			h2Frame(4, 0, 0, h2Setting(3, 100), h2Setting(4, 65535), h2Setting(2, 0), h2Setting(1, 4096), h2Setting(6, 16384)),
			h2Frame(8, 0, 0, be32b(15663105)),
			h2Frame(1, 0x25, 1, be32b(0x80000003), []byte{15},
				h2Block(cenc, &cb, ":method", "GET", ":scheme", "http", ":path", "/index.html", ":authority", "example.com", "user-agent", "rawcap-test/1.0")))
		f.send(false, h2Frame(4, 0, 0, h2Setting(3, 128), h2Setting(5, 16384)), h2Frame(4, 1, 0))
		f.send(true, h2Frame(4, 1, 0))
		f.send(false, h2Frame(1, 0x0c, 1, []byte{2}, h2Block(senc, &sb, ":status", "200", "server", "rawcap"), []byte{0, 0}),
			h2Frame(0, 0x09, 1, []byte{3}, []byte("hello"), []byte{0, 0, 0}))
		f.send(true, h2Frame(6, 0, 0, []byte("12345678")), h2Frame(3, 0, 1, be32b(8)), h2Frame(2, 0, 3, be32b(5), []byte{10}))
		f.send(false, h2Frame(6, 1, 0, []byte("12345678")),
			h2Frame(5, 0x04, 1, be32b(2), h2Block(senc, &sb, ":method", "GET", ":path", "/style.css")),
			h2Frame(0, 0x01, 2, []byte("body{}")))
		f.send(true, h2Frame(1, 0x01, 5, h2Block(cenc, &cb, ":method", "POST", ":path", "/x")),
			h2Frame(9, 0x04, 5, h2Block(cenc, &cb, "x-a", "b")),
			h2Frame(0xf0, 0, 1, []byte("xy")), h2Frame(8, 0, 5, be32b(1024)))
		f.send(false, h2Frame(3, 0, 5, be32b(1)), h2Frame(7, 0, 0, be32b(5, 0), []byte("bye")))
	}
	// An HTTP/1.1 request upgraded to h2c: the server's frames after its
	// 101 come before the client's preface.
	var sb bytes.Buffer
	senc := hpack.NewEncoder(&sb)
	f := newH2Flow(t, &frames, 40100, 80)
	f.send(true, []byte("GET / HTTP/1.1\r\nHost: example.com\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n"))
	f.send(false, []byte("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n"))
	f.send(false, h2Frame(4, 0, 0, h2Setting(3, 128)))
	f.send(true, []byte(h2Preface), h2Frame(4, 0, 0))
	f.send(false, h2Frame(4, 1, 0), h2Frame(1, 4, 1, h2Block(senc, &sb, ":status", "200")), h2Frame(0, 1, 1, []byte("hi")))
	f.send(true, h2Frame(4, 1, 0))

	// Header blocks split across HEADERS and CONTINUATION frames (and
	// PUSH_PROMISE and CONTINUATION), in the middle of a representation,
	// the last fragment in a later segment.
	var cb2, sb2 bytes.Buffer
	cenc2, senc2 := hpack.NewEncoder(&cb2), hpack.NewEncoder(&sb2)
	f = newH2Flow(t, &frames, 40200, 80)
	req := h2Block(cenc2, &cb2, ":method", "GET", ":scheme", "http", ":path", "/split/path.html",
		":authority", "example.org", "host", "example.org", "accept", "text/html", "x-long-header", "a value long enough to cut")
	f.send(true, []byte(h2Preface), h2Frame(4, 0, 0),
		h2Frame(1, 0x00, 1, req[:9]), h2Frame(9, 0x00, 1, req[9:30]))
	f.send(false, h2Frame(4, 0, 0), h2Frame(4, 1, 0))
	f.send(true, h2Frame(9, 0x04, 1, req[30:]), h2Frame(4, 1, 0))
	resp := h2Block(senc2, &sb2, ":status", "200", "content-length", "12", "content-type", "text/plain", "age", "x7")
	push := h2Block(senc2, &sb2, ":method", "GET", ":path", "/pushed.css", ":authority", "example.org")
	f.send(false, h2Frame(1, 0x00, 1, resp[:3]), h2Frame(9, 0x04, 1, resp[3:]),
		h2Frame(5, 0x00, 1, be32b(2), push[:4]), h2Frame(9, 0x04, 1, push[4:]))

	// Unused flag bits set (tshark shows them shifted), settings rawcap
	// has no name of its own for, error codes without a name, data longer
	// than a tree label shows, padded HEADERS and CONTINUATION.
	var cb3 bytes.Buffer
	cenc3 := hpack.NewEncoder(&cb3)
	f = newH2Flow(t, &frames, 40300, 80)
	f.send(true, []byte(h2Preface), h2Frame(4, 0x02, 0, h2Setting(3, 100), h2Setting(8, 1), h2Setting(7, 5), h2Setting(4, 9)))
	f.send(false, h2Frame(6, 0x06, 0, []byte("abcdefgh")), h2Frame(3, 0, 1, be32b(99)), h2Frame(7, 0x80, 0, be32b(5, 77)))
	f.send(true, h2Frame(0, 0x01, 1, bytes.Repeat([]byte("0123456789"), 5)))
	hdr := h2Block(cenc3, &cb3, ":method", "GET", ":path", "/")
	f.send(true, h2Frame(1, 0x08, 3, []byte{1}, hdr[:1], []byte{0}), h2Frame(9, 0x0c, 3, []byte{1}, hdr[1:], []byte{0}))
	return frames
}

// h2Block returns the lines of a tree from its first HTTP/2 subtree on.
func h2Lines(tree string) []string {
	lines := strings.Split(strings.TrimRight(tree, "\n"), "\n")
	for k, l := range lines {
		if l == "HyperText Transfer Protocol 2" {
			return lines[k:]
		}
	}
	return nil
}

// subsequence reports how many of mine appear in theirs in order, and
// the first line that does not.
func subsequence(mine, theirs []string) (int, string) {
	j := 0
	for k, l := range mine {
		for j < len(theirs) && theirs[j] != l {
			j++
		}
		if j == len(theirs) {
			return k, l
		}
		j++
	}
	return len(mine), ""
}

// TestHTTP2SessionsMatchTshark writes generated h2c connections to a
// capture and holds rawcap's -V lines (each one tshark's, in order),
// packet list, -T fields and one-liners to tshark's and tcpdump's.
func TestHTTP2SessionsMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	tcpdump := testshared.Oracle(t, "tcpdump")
	frames := h2Sessions(t)
	path := writePcap(t, t.TempDir(), frames)

	theirs := splitFrames(string(testshared.Tshark(t, "http2-tree", path, "-V")))
	rows := strings.Split(strings.TrimRight(string(testshared.Tshark(t, "http2-columns", path)), "\n"), "\n")
	if len(theirs) != len(frames) || len(rows) != len(frames) {
		t.Fatalf("tshark shows %d trees and %d rows for %d frames", len(theirs), len(rows), len(frames))
	}
	cmd := exec.Command(tcpdump, "-n", "-r", path)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tcpdump: %v", err)
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")

	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC}}
	var buf []byte
	h2Want, h2Same, rowsSame, oneSame := 0, 0, 0, 0
	for k, fr := range frames {
		f := decode.Frame{Number: k + 1, Time: time.Unix(1700000000, int64(k)*1e6), Length: len(fr)}
		d.Decode(fr, linktype.Ethernet)
		buf = tp.Append(buf[:0], d, &f)
		all := strings.Split(strings.TrimRight(string(buf), "\n"), "\n")
		if n, bad := subsequence(all, strings.Split(strings.TrimRight(theirs[k], "\n"), "\n")); n != len(all) {
			t.Errorf("frame %d: rawcap's -V line %q is not tshark's (in order):\nrawcap:\n%s\ntshark:\n%s", k+1, bad, buf, theirs[k])
		}
		mine, want := h2Lines(string(buf)), h2Lines(theirs[k])
		h2Want += len(want)
		n, _ := subsequence(mine, want)
		h2Same += n
		buf = cp.Append(buf[:0], d, &f)
		got := strings.TrimSuffix(string(buf), "\n")
		switch {
		case got == rows[k]:
			rowsSame++
		default:
			t.Errorf("frame %d: row\n got %q\nwant %q", k+1, got, rows[k])
		}
		buf = lp.Append(buf[:0], d, &f)
		if got := strings.TrimSuffix(string(buf), "\n"); got == lines[k] {
			oneSame++
		} else {
			t.Errorf("frame %d: one-liner\n got %q\nwant %q", k+1, got, lines[k])
		}
	}
	t.Logf("%d frames: HTTP/2 tree lines %d/%d as tshark's (%.1f%%), rows %d/%d identical, one-liners %d/%d as tcpdump's",
		len(frames), h2Same, h2Want, 100*float64(h2Same)/float64(h2Want), rowsSame, len(frames), oneSame, len(frames))
	if h2Want != h2Same {
		t.Errorf("%d of tshark's HTTP/2 lines missing", h2Want-h2Same)
	}

	// -T fields: every http2.* field rawcap declares, all at once, and
	// the PDU sizes TCP adds.
	names := []string{"frame.protocols", "tcp.pdu.size"}
	for _, pf := range decode.Protocols() {
		if pf.Protocol.Name != "http2" {
			continue
		}
		for _, f := range pf.Fields {
			names = append(names, f.Name) // FT_NONE ones too: "1" per occurrence
		}
	}
	args := []string{"-T", "fields", "-E", "separator=|"}
	for _, n := range names {
		args = append(args, "-e", n)
	}
	want := strings.Split(strings.TrimRight(string(testshared.Tshark(t, "http2-fields", path, args...)), "\n"), "\n")
	fp, err := decode.NewFieldsPrinter(names)
	if err != nil {
		t.Fatal(err)
	}
	fp.Separator = "|"
	d = decode.NewDecoder()
	same, settingsHeader := 0, 0
	for k, fr := range frames {
		f := decode.Frame{Number: k + 1, Time: time.Unix(1700000000, int64(k)*1e6), Length: len(fr)}
		d.Decode(fr, linktype.Ethernet)
		got := strings.TrimSuffix(string(fp.Append(buf[:0], d, &f)), "\n")
		if got == want[k] {
			same++
			continue
		}
		g, w := strings.Split(got, "|"), strings.Split(want[k], "|")
		for j := range names {
			if j < len(g) && j < len(w) && g[j] != w[j] {
				if strings.HasPrefix(names[j], "http2.settings") && !strings.Contains(w[0], "http2") {
					// tshark decodes the HTTP/1.1 upgrade request's
					// HTTP2-Settings header; rawcap's HTTP does not.
					settingsHeader++
					continue
				}
				t.Errorf("frame %d: %s = %q, tshark %q", k+1, names[j], g[j], w[j])
			}
		}
	}
	t.Logf("-T fields: %d fields, %d/%d rows identical (%d values of the HTTP2-Settings header not decoded)", len(names), same, len(frames), settingsHeader)
}

// h2Segments encodes the payloads of the sessions' segments on port 80
// as the fuzz input FuzzHTTP2 reads: per segment a flags byte (bit 0:
// from the client; bit 1: the capture keeps only half of it), a 16-bit
// length and the bytes.
func h2Segments(frames [][]byte) []byte {
	var b []byte
	for _, fr := range frames {
		if len(fr) <= 54 {
			continue
		}
		if binary.BigEndian.Uint16(fr[36:]) != 80 && binary.BigEndian.Uint16(fr[34:]) != 80 {
			continue
		}
		fl := byte(0)
		if binary.BigEndian.Uint16(fr[36:]) == 80 {
			fl = 1
		}
		p := fr[54:]
		b = append(b, fl, byte(len(p)>>8), byte(len(p)))
		b = append(b, p...)
	}
	return b
}

// FuzzHTTP2 feeds segments of an h2c connection on port 80 (the first
// client segment starts with the preface) through every printer: no
// panic, valid JSON.
func FuzzHTTP2(f *testing.F) {
	f.Add(h2Segments(h2Sessions(f)))
	f.Add([]byte{1, 0, 30, 0, 0, 0xff, 1, 0x2f, 0, 0, 0, 1, 0xff})
	// HEADERS frames with HPACK faults: a size update, an index past
	// the tables, a cut Huffman string, EOS.
	f.Add([]byte{1, 0, 13, 0, 0, 4, 1, 4, 0, 0, 0, 1, 0x3f, 0xe1, 0x1f, 0xbf,
		0, 0, 13, 0, 0, 4, 1, 4, 0, 0, 0, 1, 0x41, 0x85, 0xf1, 0x82,
		1, 0, 15, 0, 0, 6, 1, 4, 0, 0, 0, 3, 0x41, 0x84, 0xff, 0xff, 0xff, 0xff})
	d := decode.NewDecoder()
	prs := allPrinters()
	jp := &decode.JSONPrinter{Location: time.UTC}
	f.Fuzz(func(t *testing.T, in []byte) {
		var frames [][]byte
		fl := newH2Flow(t, &frames, 40080, 80)
		first := true
		var cut []int
		for len(in) >= 3 {
			flags, n := in[0], int(binary.BigEndian.Uint16(in[1:]))
			in = in[3:]
			n = min(n, len(in))
			p := in[:n]
			if first && flags&1 != 0 {
				p = append([]byte(h2Preface), p...)
				first = false
			}
			fl.send(flags&1 != 0, p)
			if flags&2 != 0 {
				cut = append(cut, len(frames)-1)
			}
			in = in[n:]
		}
		for k, fr := range frames {
			wire := len(fr)
			if len(cut) > 0 && cut[0] == k {
				cut = cut[1:]
				fr = fr[:54+(len(fr)-54)/2]
			}
			d.Decode(fr, linktype.Ethernet)
			f := decode.Frame{Number: k + 1, Time: time.Unix(1, 0), Length: wire}
			for _, p := range prs {
				p(d, &f)
			}
			if js := jp.Append(nil, d, &f); !json.Valid(js) {
				t.Fatalf("invalid JSON: %s", js)
			}
		}
	})
}

// TestHTTP2Allocs holds decode, the one-liners, -V, the packet list, JSON
// and -T fields of h2c connections to no allocation per packet.
func TestHTTP2Allocs(t *testing.T) {
	frames := h2Sessions(t)
	d := decode.NewDecoder()
	var lps []*decode.LinePrinter
	for v := 0; v <= 2; v++ {
		lps = append(lps, &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Verbose: v}})
	}
	tp := &decode.TreePrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	jp := &decode.JSONPrinter{Location: time.UTC}
	fp, err := decode.NewFieldsPrinter([]string{"http2.type", "http2.streamid", "http2.flags", "http2.magic", "http2.settings.id", "http2.data.data", "http2.headers"})
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 0, 1<<16)
	f := decode.Frame{Time: time.Unix(1, 0)}
	run := func() {
		for k, fr := range frames {
			d.Decode(fr, linktype.Ethernet)
			f.Number, f.Length = k+1, len(fr)
			for _, lp := range lps {
				buf = lp.Append(buf[:0], d, &f)
			}
			buf = tp.Append(buf[:0], d, &f)
			buf = cp.Append(buf[:0], d, &f)
			buf = jp.Append(buf[:0], d, &f)
			buf = fp.Append(buf[:0], d, &f)
		}
	}
	run() // the preface table is allocated once, at the first preface
	if n := testing.AllocsPerRun(20, run); n != 0 {
		t.Errorf("%d HTTP/2 frames allocate %v times", len(frames), n)
	}
}

// TestHTTP2Vectors checks the packet list of the generated connections
// without the oracles: rows as tshark 4.0 shows them (less HPACK's
// request and status, which rawcap does not decode yet).
func TestHTTP2Vectors(t *testing.T) {
	frames := h2Sessions(t)
	want := map[int]string{
		4:  "HTTP2 170 Magic, SETTINGS[0], WINDOW_UPDATE[0], HEADERS[1]",
		5:  "HTTP2 84 SETTINGS[0], SETTINGS[0]",
		7:  "HTTP2 ",
		8:  "HTTP2 98 PING[0], RST_STREAM[1], PRIORITY[3]",
		10: "HTTP2 ",
		11: "HTTP2 87 RST_STREAM[5], GOAWAY[0]",
		26: "TCP ",
	}
	d := decode.NewDecoder()
	cp := &decode.ColumnsPrinter{}
	var buf []byte
	for k, fr := range frames {
		d.Decode(fr, linktype.Ethernet)
		f := decode.Frame{Number: k + 1, Time: time.Unix(1, 0), Length: len(fr)}
		buf = cp.Append(buf[:0], d, &f)
		if w, ok := want[k+1]; ok && !strings.Contains(string(buf), w) {
			t.Errorf("frame %d: row %q, want it to hold %q", k+1, buf, w)
		}
	}
	// A truncated frame header and a frame longer than the segment
	// decode nothing and do not panic.
	for _, p := range [][]byte{[]byte(h2Preface + "\x00\x00"), []byte(h2Preface + "\x00\x10\x00\x00\x00\x00\x00\x00\x01ab")} {
		var fs [][]byte
		fl := newH2Flow(t, &fs, 40080, 80)
		fl.send(true, p)
		d.Decode(fs[len(fs)-1], linktype.Ethernet)
		buf = cp.Append(buf[:0], d, &decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(fs[len(fs)-1])})
		if !strings.Contains(string(buf), "HTTP2") || !strings.HasSuffix(strings.TrimSpace(string(buf)), "Magic") {
			t.Errorf("cut frame: row %q", buf)
		}
	}
}
