package decode_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// asciiFrame is a UDP datagram 1234 > 5678 carrying payload, in Ethernet
// with trailer after the IP packet (bytes IPv4's total length leaves out).
func asciiFrame(payload, trailer string) []byte {
	return append(appFrame([]byte(payload), 1234, 5678, false), trailer...)
}

// printASCII returns rawcap's -A text (-t) for each frame.
func printASCII(frames [][]byte) []string {
	d := decode.NewDecoder()
	p := &decode.LinePrinter{Options: decode.LineOptions{Hex: decode.ASCIIOnly, Time: decode.TimeNone}}
	out := make([]string, len(frames))
	for i, f := range frames {
		d.Decode(f, linktype.Ethernet)
		out[i] = string(p.Append(nil, d, &decode.Frame{Number: i + 1, Length: len(f)}))
	}
	return out
}

// TestASCIICarriageReturns checks tcpdump's rule for CRs under -A: a CR
// before a newline, or with fewer than two bytes after it, is dropped;
// any other prints as '.'. So "a\rb" ending a datagram prints "ab", and
// the same payload followed by an Ethernet trailer prints "a.b".
func TestASCIICarriageReturns(t *testing.T) {
	for _, c := range []struct {
		name, payload, trailer, tail string
	}{
		{"CR one byte before the end", "a\rb", "", "ab\n"},
		{"CR at the end", "ab\r", "", "ab\n"},
		{"CR two bytes before the end", "a\rbc", "", "a.bc\n"},
		{"CR before LF", "a\r\nb", "", "a\nb\n"},
		{"CR before CR LF", "a\r\r\nb", "", "a.\nb\n"},
		{"CR then Ethernet trailer", "x\ry", "\x00\x00", "x.y..\n"},
		{"CR among the trailer's last two bytes", "xy", "\x00\r\x00", "xy..\n"},
	} {
		got := printASCII([][]byte{asciiFrame(c.payload, c.trailer)})[0]
		if !strings.HasSuffix(got, c.tail) {
			t.Errorf("%s: %q ends %q, want %q", c.name, c.payload+c.trailer, got[max(0, len(got)-len(c.tail)):], c.tail)
		}
	}
}

// TestASCIIMatchesTcpdump writes, with pcapio's writer, every payload of
// up to four bytes over 'a', CR and LF (120 of them), each also followed
// by a 2-byte Ethernet trailer and by a trailer of CRs, and requires
// rawcap's -A text to be tcpdump -A's, packet for packet.
func TestASCIIMatchesTcpdump(t *testing.T) {
	tcpdump := testshared.Oracle(t, "tcpdump")
	var payloads []string
	var grow func(s string)
	grow = func(s string) {
		if s != "" {
			payloads = append(payloads, s)
		}
		if len(s) == 4 {
			return
		}
		for _, c := range []string{"a", "\r", "\n"} {
			grow(s + c)
		}
	}
	grow("")
	var frames [][]byte
	for _, trailer := range []string{"", "zz", "\r\r", "\r\n"} {
		for _, p := range payloads {
			frames = append(frames, asciiFrame(p, trailer))
		}
	}
	path := filepath.Join(t.TempDir(), "ascii.pcap")
	var buf bytes.Buffer
	w, err := pcapio.NewPcapWriter(&buf, pcapio.PcapWriterOptions{LinkType: linktype.Ethernet})
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range frames {
		if err := w.WritePacket(&pcapio.Packet{Data: f, Length: len(f), Time: time.Unix(int64(1700000000+i), 0), LinkType: linktype.Ethernet}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// -tt so that each packet's line starts with a known, unique time.
	out, err := exec.Command(tcpdump, "-n", "-tt", "-A", "-r", path).Output()
	if err != nil {
		t.Fatalf("tcpdump: %v", err)
	}
	got := printASCII(frames)
	want := make([]string, len(frames))
	s := string(out)
	for i := range frames {
		next := len(s)
		if i+1 < len(frames) {
			next = strings.Index(s, "\n"+strconv.Itoa(1700000000+i+1)+".000000 ") + 1
			if next == 0 {
				t.Fatalf("packet %d not found in tcpdump's output", i+2)
			}
		}
		want[i] = s[:next]
		s = s[next:]
		// rawcap printed without times (-t); tcpdump's chunk starts with one.
		want[i] = want[i][strings.IndexByte(want[i], ' ')+1:]
	}
	n := 0
	for i := range frames {
		if diff := cmp.Diff(want[i], got[i]); diff != "" {
			if n++; n <= 10 {
				t.Errorf("packet %d (%q) (-tcpdump +rawcap):\n%s", i+1, frames[i][42:], diff)
			}
		}
	}
	t.Logf("%d packets compared with tcpdump -A, %d differ", len(frames), n)
}
