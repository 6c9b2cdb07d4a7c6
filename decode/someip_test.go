package decode_test

import (
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// someipVectors are UDP payloads from port 30490 and what tcpdump 4.99
// prints for them after the ports (checked with tcpdump on the same
// frames); a whole header's line ends with tcpdump's own newline.
var someipVectors = []struct {
	name, payload, line string
}{
	{"request", "1234 0421 00000008 0001 0002 01 03 00 00",
		"SOMEIP, service 4660, method 1057, len 8, client 1, session 2, pver 1, iver 3, msgtype REQUEST, retcode E_OK\n"},
	{"notification event", "ffff 8100 00000040 0000 0000 01 01 02 00",
		"SOMEIP, service 65535, event 256, len 64, client 0, session 0, pver 1, iver 1, msgtype NOTIFICATION, retcode E_OK\n"},
	{"tp error", "1234 8001 0000000c 0001 0002 01 03 a1 0f 61626364",
		"SOMEIP, service 4660, event 1, len 12, client 1, session 2, pver 1, iver 3, msgtype TP_ERROR, retcode E_E2E_NO_NEW_DATA\n"},
	{"unknown type and code", "1234 0421 00000008 0001 0002 01 03 40 10",
		"SOMEIP, service 4660, method 1057, len 8, client 1, session 2, pver 1, iver 3, msgtype Unknown, retcode Unknown\n"},
	{"short", "ffff ffff ffff ffff ffff ffff ff", "SOMEIP (invalid)"},
	{"empty", "", "SOMEIP (invalid)"},
}

func TestSOMEIPLine(t *testing.T) {
	d := decode.NewDecoder()
	p := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
	for _, v := range someipVectors {
		frame := appUDPFrame(t, 30490, 40000, mustHex(t, v.payload))
		d.Decode(frame, linktype.Ethernet)
		f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		got := string(p.Append(nil, d, &f))
		want := "IP 192.0.2.1.30490 > 192.0.2.2.40000: " + v.line + "\n"
		if got != want {
			t.Errorf("%s:\n got %q\nwant %q", v.name, got, want)
		}
	}
}

// TestSOMEIPLineCut cuts a whole header's frame at every byte: tcpdump
// prints the fields it could read, then " [|someip]".
func TestSOMEIPLineCut(t *testing.T) {
	want := []string{
		"SOMEIP [|someip]", "SOMEIP [|someip]", "SOMEIP [|someip]", "SOMEIP [|someip]",
		"SOMEIP, service 65535, event 32767 [|someip]",
		"SOMEIP, service 65535, event 32767 [|someip]",
		"SOMEIP, service 65535, event 32767 [|someip]",
		"SOMEIP, service 65535, event 32767 [|someip]",
		"SOMEIP, service 65535, event 32767, len 4294967295 [|someip]",
		"SOMEIP, service 65535, event 32767, len 4294967295 [|someip]",
		"SOMEIP, service 65535, event 32767, len 4294967295 [|someip]",
		"SOMEIP, service 65535, event 32767, len 4294967295 [|someip]",
		"SOMEIP, service 65535, event 32767, len 4294967295, client 65535, session 65535 [|someip]",
		"SOMEIP, service 65535, event 32767, len 4294967295, client 65535, session 65535, pver 255 [|someip]",
		"SOMEIP, service 65535, event 32767, len 4294967295, client 65535, session 65535, pver 255, iver 255 [|someip]",
		"SOMEIP, service 65535, event 32767, len 4294967295, client 65535, session 65535, pver 255, iver 255, msgtype NOTIFICATION [|someip]",
	}
	frame := appUDPFrame(t, 30490, 40000, mustHex(t, "ffff ffff ffffffff ffff ffff ff ff 02 00 3132333435363738"))
	d := decode.NewDecoder()
	p := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
	for n, w := range want {
		c := frame[:42+n]
		d.Decode(c, linktype.Ethernet)
		f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		got := string(p.Append(nil, d, &f))
		if !strings.HasSuffix(got, ": "+w+"\n") {
			t.Errorf("cut at %d: got %q, want %q", n, got, w)
		}
	}
}

func FuzzSOMEIP(f *testing.F) {
	for _, v := range someipVectors {
		f.Add(mustHex(f, v.payload))
	}
	d := decode.NewDecoder()
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	f.Fuzz(func(t *testing.T, payload []byte) {
		for _, fr := range [][]byte{appUDPFrame(t, 30490, 40000, payload), appUDPFrame(t, 40000, 30490, payload)} {
			for n := 42; n <= len(fr); n++ {
				d.Decode(fr[:n], linktype.Ethernet)
				f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(fr)}
				_ = lp.Append(nil, d, &f)
			}
		}
	})
}
