package decode_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// fuzzPayload fuzzes a payload sent, in the frame build makes, to port
// (or to alt: the fuzzer's second argument) through the tree, the one-line
// (-vv), JSON and columns printers: none may panic.
func fuzzPayload(f *testing.F, build func(t testing.TB, sport, dport uint16, payload []byte) []byte, port, alt uint16) {
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	f.Fuzz(func(t *testing.T, payload []byte, other bool) {
		p := port
		if other {
			p = alt
		}
		frame := build(t, 40000, p, payload)
		d.Decode(frame, linktype.Ethernet)
		fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		_ = tp.Append(nil, d, &fr)
		_ = lp.Append(nil, d, &fr)
		_ = jp.Append(nil, d, &fr)
		_ = cp.Append(nil, d, &fr)
	})
}

// appUDPFrame builds Ethernet / IPv4 / UDP (sport → dport) / payload with a
// correct IP checksum and no UDP checksum.
func appUDPFrame(t testing.TB, sport, dport uint16, payload []byte) []byte {
	t.Helper()
	h := mustHex(t, "02 00 00 00 00 0b 02 00 00 00 00 0a 08 00 "+
		"45 00 00 00 00 01 40 00 40 11 00 00 c0 00 02 01 c0 00 02 02 "+
		"00 00 00 00 00 00 00 00")
	ipLen, udpLen := 28+len(payload), 8+len(payload)
	h[16], h[17] = byte(ipLen>>8), byte(ipLen)
	h[34], h[35] = byte(sport>>8), byte(sport)
	h[36], h[37] = byte(dport>>8), byte(dport)
	h[38], h[39] = byte(udpLen>>8), byte(udpLen)
	putChecksum(h[14:34], 10)
	return append(h, payload...)
}

var syslogVectors = []struct {
	name, msg string
	line      string // tcpdump's, after the ports
	malformed bool
}{
	{name: "RFC 3164", msg: "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8", line: "SYSLOG auth.critical, length: 76"},
	{name: "RFC 5424", msg: "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 - An application event", line: "SYSLOG local4.notice, length: 92"},
	{name: "no priority", msg: "just text", line: " (invalid)"},
	{name: "big priority", msg: "<999>x", line: "SYSLOG unknown (124).debug, length: 6"},
	{name: "empty", msg: "<13>", line: "SYSLOG user.notice, length: 4", malformed: true},
	{name: "no hostname end", msg: "<13>Oct 11 22:14:15 hostname", line: "SYSLOG user.notice, length: 28"},
	{name: "process id to the end", msg: "<13>Oct 11 22:14:15 host abc", line: "SYSLOG user.notice, length: 28", malformed: true},
	{name: "long process id", msg: "<13>Oct 11 22:14:15 host abcdefghijabcdefghijabcdefghijabcdefghij: x", line: "SYSLOG user.notice, length: 68"},
	{name: "NUL", msg: "<5>text\x00more", line: "SYSLOG kernel.notice, length: 12"},
	{name: "cut priority", msg: "<1", line: " [|syslog]", malformed: true},
	{name: "no closing bracket", msg: "<12x", line: " (invalid)"},
	{name: "high bytes", msg: "<14>caf\xc3\xa9 \xff\x01\t end\r\n", line: "SYSLOG user.info, length: 19"},
}

func TestSyslog(t *testing.T) {
	var frames [][]byte
	for _, v := range syslogVectors {
		frames = append(frames, appUDPFrame(t, 40000, 514, []byte(v.msg)))
	}
	d := decode.NewDecoder()
	for k, v := range syslogVectors {
		t.Run(v.name, func(t *testing.T) {
			frame := frames[k]
			layers := d.Decode(frame, linktype.Ethernet)
			if len(layers) != 4 || layers[3].Type != decode.LayerSyslog {
				t.Fatalf("layers %v: want Syslog after UDP", layers)
			}
			if _, bad := d.Malformed(); bad != v.malformed {
				t.Errorf("malformed %v, want %v", bad, v.malformed)
			}
			f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
			lp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
			got := strings.TrimSuffix(string(lp.Append(nil, d, &f)), "\n")
			if want := "IP 192.0.2.1.40000 > 192.0.2.2.514: " + v.line; got != want {
				t.Errorf("line:\n got %q\nwant %q", got, want)
			}
			tree := string((&decode.TreePrinter{Location: time.UTC}).Append(nil, d, &f))
			if !strings.Contains(tree, "\nSyslog message: ") && !v.malformed {
				t.Errorf("-V has no Syslog subtree:\n%s", tree)
			}
			buf := make([]byte, 0, 1<<16)
			if n := testing.AllocsPerRun(20, func() {
				d.Decode(frame, linktype.Ethernet)
				buf = lp.Append(buf[:0], d, &f)
			}); n != 0 {
				t.Errorf("decode and one-liner allocate %v times", n)
			}
		})
	}
	if testing.Short() {
		return
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-q"}})
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Log("tshark not installed: vectors not compared with it")
		return
	}
	path := writeTestPcap(t, frames)
	mine, total := compareTreeWithTshark(t, path)
	t.Logf("-V: rawcap prints %d of tshark's %d lines", mine, total)
	compareFieldsWithTshark(t, path, frames, []string{"syslog.facility", "syslog.level", "syslog.msg",
		"syslog.version", "syslog.timestamp_rfc3164", "syslog.hostname", "syslog.appname", "syslog.procid", "syslog.msgid"})
}

func FuzzSyslog(f *testing.F) {
	for _, v := range syslogVectors {
		f.Add([]byte(v.msg))
	}
	if data, err := os.ReadFile("../../shared/corpus/tcpdump/tests_syslog_udp.pcap"); err == nil && len(data) > 24+16+42 {
		f.Add(data[24+16+42 : 24+16+42+51])
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	f.Fuzz(func(t *testing.T, msg []byte) {
		frame := appUDPFrame(t, 40000, 514, msg)
		d.Decode(frame, linktype.Ethernet)
		fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		_ = tp.Append(nil, d, &fr)
		_ = lp.Append(nil, d, &fr)
		_ = jp.Append(nil, d, &fr)
	})
}

// TestSyslogTreeAllocatesNothing: the generic tree draws Syslog without
// allocating.
func TestSyslogTreeAllocatesNothing(t *testing.T) {
	var frames [][]byte
	for _, v := range syslogVectors {
		if !v.malformed {
			frames = append(frames, appUDPFrame(t, 40000, 514, []byte(v.msg)))
		}
	}
	checkTreeAllocsNothing(t, frames, "Syslog message: ")
}
