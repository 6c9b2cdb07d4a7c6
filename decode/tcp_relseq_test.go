package decode_test

import (
	"encoding/binary"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// TestJSONRelSeqBounded runs SYN, SYN-ACK, ACK handshakes of ever new
// connections through the JSON printer, far past the number of
// conversations the connection tracker remembers: once its tables have
// filled (10,000 handshakes, past its 8192 conversations), printing must
// not allocate (the tables are fixed and evict), and the relative numbers
// of each new handshake must be tshark's (seq 0, ack 1 on the SYN-ACK; 1
// and 1 on the ACK).
func TestJSONRelSeqBounded(t *testing.T) {
	syn := appFrame(nil, 40000, 80, true)
	synack := appFrame(nil, 80, 40000, true)
	ack := appFrame(nil, 40000, 80, true)
	copy(synack[26:], []byte{192, 0, 2, 2, 192, 0, 2, 1})
	// The IPv4 checksum is left as it is: the decoder does not need it.
	set := func(f []byte, flags byte, seq, ackn uint32) {
		binary.BigEndian.PutUint32(f[38:], seq)
		binary.BigEndian.PutUint32(f[42:], ackn)
		f[47] = flags
	}
	set(syn, 0x02, 1000, 0)
	set(synack, 0x12, 5000, 1001)
	set(ack, 0x10, 1001, 5001)
	d := decode.NewDecoder()
	jp := &decode.JSONPrinter{Location: time.UTC}
	buf := make([]byte, 0, 4096)
	var f decode.Frame
	conn := 0
	print := func(fr []byte) {
		d.Decode(fr, linktype.Ethernet)
		f.Number++
		f.Time, f.Length = time.Unix(1700000000, 0), len(fr)
		buf = jp.Append(buf[:0], d, &f)
	}
	handshake := func() {
		conn++
		// A new client address and port for every connection.
		for _, fr := range [][]byte{syn, ack} {
			binary.BigEndian.PutUint16(fr[28:], uint16(conn>>16))
			binary.BigEndian.PutUint16(fr[34:], uint16(conn))
		}
		binary.BigEndian.PutUint16(synack[32:], uint16(conn>>16))
		binary.BigEndian.PutUint16(synack[36:], uint16(conn))
		print(syn)
		print(synack)
		print(ack)
	}
	// testing.AllocsPerRun averages with an integer division, which hides
	// a map's occasional growth: count every allocation instead.
	for range 10000 { // the tracker's tables fill, then evict
		handshake()
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range 40000 { // 80000 flow directions
		handshake()
	}
	runtime.ReadMemStats(&after)
	if n := after.Mallocs - before.Mallocs; n != 0 {
		t.Errorf("40000 SYN, SYN-ACK, ACK handshakes allocate %d times in the JSON printer", n)
	}
	// The last handshake's ACK.
	for _, want := range []string{`"seq":1,`, `"ack":1,`} {
		if !strings.Contains(string(buf), want) {
			t.Errorf("last ACK's JSON lacks %s: %s", want, buf)
		}
	}
	print(synack)
	for _, want := range []string{`"seq":0,`, `"ack":1,`} {
		if !strings.Contains(string(buf), want) {
			t.Errorf("SYN-ACK's JSON lacks %s: %s", want, buf)
		}
	}
}

// TestNewLayersNoAllocations checks that decoding and printing (line, -e,
// JSON) PPTP's PPP, the IPv6 extension headers and the frame.protocols
// names do not allocate.
func TestNewLayersNoAllocations(t *testing.T) {
	var frames [][]byte
	for _, h := range append(append([]string{}, pptpFrames...), ipv6ExtFrames...) {
		frames = append(frames, mustHex(t, h))
	}
	d := decode.NewDecoder()
	lp := &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC}}
	ep := &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Link: true}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	buf := make([]byte, 0, 8192)
	for i, f := range frames {
		fr := decode.Frame{Number: i + 1, Time: time.Unix(1700000000, 0), Length: len(f)}
		if n := testing.AllocsPerRun(50, func() {
			d.Decode(f, linktype.Ethernet)
			buf = lp.Append(buf[:0], d, &fr)
			buf = ep.Append(buf[:0], d, &fr)
			buf = jp.Append(buf[:0], d, &fr)
		}); n != 0 {
			t.Errorf("frame %d: decoding and printing allocate %v times", i+1, n)
		}
	}
}
