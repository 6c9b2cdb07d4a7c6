package follow

import (
	"bytes"
	"io"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
)

var (
	cli = netip.MustParseAddr("10.0.0.1")
	srv = netip.MustParseAddr("10.0.0.2")
)

// seg makes a segment of the stream cli:1000 <-> srv:80.
func seg(fromServer bool, seq, ack uint32, flags uint16, data string) decode.Stream {
	s := decode.Stream{TCP: true, HaveLen: true, Src: cli, Dst: srv, SrcPort: 1000, DstPort: 80,
		Seq: seq, Ack: ack, Flags: flags | decode.TCPAck, Len: len(data), Payload: []byte(data)}
	if fromServer {
		s.Src, s.Dst, s.SrcPort, s.DstPort = srv, cli, 80, 1000
	}
	return s
}

// collect runs segments through a reassembler and returns the chunks as
// "c:data" / "s:data" strings.
func collect(r *TCP, segs []decode.Stream) []string {
	var out []string
	for k := range segs {
		r.Segment(&segs[k], k+1, time.Unix(1, 0), func(c Chunk) error {
			side := "c:"
			if c.Server {
				side = "s:"
			}
			out = append(out, side+string(c.Data))
			return nil
		})
	}
	return out
}

func TestTCPReassembly(t *testing.T) {
	for _, tc := range []struct {
		name string
		segs []decode.Stream
		want string
	}{
		{"in order", []decode.Stream{
			seg(false, 0, 0, decode.TCPSyn, ""), seg(false, 1, 1, 0, "ab"), seg(true, 1, 3, 0, "xy"), seg(false, 3, 3, 0, "cd"),
		}, "c:ab|s:xy|c:cd"},
		{"reordered", []decode.Stream{
			seg(false, 0, 0, decode.TCPSyn, ""), seg(false, 3, 1, 0, "cd"), seg(false, 1, 1, 0, "ab"),
		}, "c:ab|c:cd"},
		{"retransmitted and overlapping", []decode.Stream{
			seg(false, 0, 0, decode.TCPSyn, ""), seg(false, 1, 1, 0, "abc"), seg(false, 1, 1, 0, "abc"), seg(false, 2, 1, 0, "bcdef"),
		}, "c:abc|c:def"},
		{"gap acknowledged", []decode.Stream{
			seg(false, 0, 0, decode.TCPSyn, ""), seg(false, 1, 1, 0, "ab"), seg(false, 6, 1, 0, "fg"), seg(true, 1, 8, 0, ""),
		}, "c:ab|c:[3 bytes missing in capture file]\x00|c:fg"},
		{"gap never acknowledged", []decode.Stream{
			seg(false, 0, 0, decode.TCPSyn, ""), seg(false, 1, 1, 0, "ab"), seg(false, 6, 1, 0, "fg"), seg(true, 1, 3, 0, "ok"),
		}, "c:ab|s:ok"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Join(collect(&TCP{}, tc.segs), "|")
			if got != tc.want {
				t.Errorf("chunks %q, want %q", got, tc.want)
			}
		})
	}
}

// TestTCPBound: past MaxHeld the oldest gap is marked missing and the held
// bytes stay under the bound.
func TestTCPBound(t *testing.T) {
	r := &TCP{MaxHeld: 100}
	segs := []decode.Stream{seg(false, 0, 0, decode.TCPSyn, ""), seg(false, 1, 1, 0, "a")}
	for k := range 50 {
		segs = append(segs, seg(false, uint32(100+10*k), 1, 0, strings.Repeat("x", 10)))
	}
	out := collect(r, segs)
	if r.GaveUp == 0 {
		t.Fatalf("GaveUp = 0 after 500 bytes out of order with MaxHeld 100; chunks %q", out)
	}
	if r.heldB[0] > 100 {
		t.Errorf("holds %d bytes, bound 100", r.heldB[0])
	}
	if !strings.HasPrefix(out[1], "c:[98 bytes missing") {
		t.Errorf("second chunk %q, want the gap of 98 bytes", out[1])
	}
}

// TestInOrderAllocatesNothing: following in-order data costs no allocation
// per packet.
func TestInOrderAllocatesNothing(t *testing.T) {
	var r TCP
	p := &Printer{W: io.Discard, Mode: Hex, Proto: "tcp", Filter: "tcp.stream eq 0"}
	s := seg(false, 1, 1, 0, strings.Repeat("0123456789", 30))
	at := time.Unix(1, 0)
	r.Segment(&s, 1, at, p.Chunk)
	for _, m := range []Mode{ASCII, Hex, Raw, YAML} {
		p.Mode = m
		r.Segment(&s, 1, at, p.Chunk) // grow the buffer
		n := testing.AllocsPerRun(100, func() {
			s.Seq += uint32(s.Len)
			r.Segment(&s, 2, at, p.Chunk)
		})
		if n != 0 {
			t.Errorf("%s: %v allocations per segment, want 0", m, n)
		}
	}
}

func TestHexDump(t *testing.T) {
	var b bytes.Buffer
	p := &Printer{W: &b, Mode: Hex}
	p.Chunk(Chunk{Data: []byte("HTTP/1.1 200 OK\r\nabcdefg ")})
	p.Chunk(Chunk{Server: true, Data: []byte("\x00\x01")})
	want := "00000000  48 54 54 50 2f 31 2e 31  20 32 30 30 20 4f 4b 0d  HTTP/1.1  200 OK.\n" +
		"00000010  0a 61 62 63 64 65 66 67  20" + strings.Repeat(" ", 23) + ".abcdefg \n" +
		"\t00000000  00 01" + strings.Repeat(" ", 45) + "..\n"
	if b.String() != want {
		t.Errorf("got\n%q\nwant\n%q", b.String(), want)
	}
}

// FuzzTCP feeds arbitrary segments (order, overlap, loss): the reassembler
// never panics and never holds more than its bound.
func FuzzTCP(f *testing.F) {
	f.Add([]byte{0, 0, 1, 5, 0, 0, 10, 5, 1, 0, 20, 0})
	f.Add([]byte{0, 2, 0, 0, 0, 0, 1, 3, 0, 0, 6, 2, 1, 0, 1, 0, 0, 255, 250, 40})
	f.Fuzz(func(t *testing.T, in []byte) {
		r := &TCP{MaxHeld: 64}
		payload := bytes.Repeat([]byte{'z'}, 256)
		for k := 0; k+4 <= len(in); k += 4 {
			b := in[k : k+4]
			s := seg(b[0]&1 != 0, uint32(b[1])<<8|uint32(b[2]), uint32(b[2])<<4, 0, "")
			if b[0]&2 != 0 {
				s.Flags |= decode.TCPSyn
			}
			s.Len = int(b[3])
			s.Payload = payload[:int(b[3])>>uint(b[0]>>6)] // sometimes cut short
			r.Segment(&s, k, time.Time{}, func(c Chunk) error { return nil })
			for d := range 2 {
				if r.heldB[d] > 64 && len(r.frags[d]) > 1 || len(r.frags[d]) > maxHeldSegments {
					t.Fatalf("side %d holds %d bytes in %d segments, bound 64", d, r.heldB[d], len(r.frags[d]))
				}
			}
		}
	})
}
