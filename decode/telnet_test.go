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

// appTCPFrame builds Ethernet / IPv4 / TCP (sport → dport, PSH ACK) / payload
// with correct IP and TCP checksums.
func appTCPFrame(t testing.TB, sport, dport uint16, payload []byte) []byte {
	t.Helper()
	h := mustHex(t, "02 00 00 00 00 0b 02 00 00 00 00 0a 08 00 "+
		"45 00 00 00 00 01 40 00 40 06 00 00 c0 00 02 01 c0 00 02 02 "+
		"00 00 00 00 00 00 03 e8 00 00 07 d0 50 18 20 00 00 00 00 00")
	ipLen := 40 + len(payload)
	h[16], h[17] = byte(ipLen>>8), byte(ipLen)
	h[34], h[35] = byte(sport>>8), byte(sport)
	h[36], h[37] = byte(dport>>8), byte(dport)
	putChecksum(h[14:34], 10)
	f := append(h, payload...)
	// The TCP checksum over the pseudo-header and the segment.
	seg := f[34:]
	ph := append(append([]byte{}, f[26:34]...), 0, 6, byte(len(seg)>>8), byte(len(seg)))
	sum := append(ph, seg...)
	sum[len(ph)+16], sum[len(ph)+17] = 0, 0
	putChecksum(sum, len(ph)+16)
	seg[16], seg[17] = sum[len(ph)+16], sum[len(ph)+17]
	return f
}

// telnetVectors are Telnet segments as sent, each a server's (port 23)
// payload, with what tcpdump prints after the TCP header.
var telnetVectors = []struct {
	name, hex string
	line      string
	malformed bool
}{
	{name: "negotiation", hex: "ff fd 01 ff fb 03 ff fd 18 ff fe 24", line: " [telnet DO ECHO, WILL SUPPRESS GO AHEAD, DO TERMINAL TYPE, DONT OLD-ENVIRON]"},
	{name: "terminal type is", hex: "ff fa 18 00 78 74 65 72 6d ff f0", line: " [telnet SB TERMINAL TYPE IS 0x78 0x74 0x65 0x72 0x6d SE]"},
	{name: "terminal type send", hex: "ff fa 18 01 ff f0", line: " [telnet SB TERMINAL TYPE SEND SE]"},
	{name: "window size", hex: "ff fa 1f 00 50 00 18 ff f0", line: " [telnet SB NAWS IS 0x50 0 0x18 SE]"},
	{name: "window size escaped", hex: "ff fa 1f 00 ff ff 00 18 ff f0 41", line: " [telnet SB NAWS IS 0xff 0xff 0 0x18 SE]"},
	{name: "flow control", hex: "ff fa 21 01 ff f0", line: " [telnet SB LFLOW SEND SE]"},
	{name: "authentication", hex: "ff fa 25 01 00 02 ff f0", line: " [telnet SB AUTHENTICATION SEND NULL 0x2 SE]"},
	{name: "unknown option", hex: "ff fb 7b ff fa 7b 01 02 03 ff f0", line: " [telnet WILL 0x7b, SB 0x7b SEND 0x2 0x3 SE]"},
	{name: "late options", hex: "ff fb 2f ff fb 30 ff fb 31 ff fb 32 ff fc 2d", line: " [telnet WILL 0x2f, WILL 0x30, WILL 0x31, WILL 0x32, WONT 0x2d]"},
	{name: "text", hex: "6c 6f 67 69 6e 3a 20 ff f9", line: ""},
	{name: "lines", hex: "48 65 6c 6c 6f 0d 0a 77 6f 72 6c 64 0a 6c 61 73 74", line: ""},
	{name: "CR NUL", hex: "61 0d 00 62 0d 0d 63 0a 64 0d", line: ""},
	{name: "escaped IAC in data", hex: "78 ff ff 79 0d 0a ff f1", line: ""},
	{name: "commands", hex: "ff f1 ff f9 ff f4 ff f2 ff ff 61", line: " [telnet NOP, GA, IP, DMARK, IAC IAC]"},
	{name: "text then commands", hex: "61 62 0d 0a ff fb 01", line: ""},
	{name: "unknown command", hex: "ff 41 61", line: ""},
	{name: "high bytes and controls", hex: "63 61 66 e9 07 09 5c 0d 0a", line: ""},
	{name: "sub-negotiation without SE", hex: "ff fa 18 01 41 42", line: ""},
	{name: "ends with IAC", hex: "61 62 63 ff", line: "", malformed: true},
	{name: "ends before the option", hex: "ff fd 01 ff fb", line: " [telnet DO ECHO]", malformed: true},
	{name: "sub-negotiation at the end", hex: "ff fa 7b", line: " [|telnet]"},
}

func TestTelnet(t *testing.T) {
	var frames [][]byte
	for k, v := range telnetVectors {
		// One connection each: tshark leaves a segment it takes for a
		// retransmission undissected.
		frames = append(frames, appTCPFrame(t, 23, uint16(40000+k), mustHex(t, v.hex)))
	}
	d := decode.NewDecoder()
	for k, v := range telnetVectors {
		t.Run(v.name, func(t *testing.T) {
			frame := frames[k]
			layers := d.Decode(frame, linktype.Ethernet)
			if len(layers) != 4 || layers[3].Type != decode.LayerTelnet {
				t.Fatalf("layers %v: want Telnet after TCP", layers)
			}
			if _, bad := d.Malformed(); bad != v.malformed {
				t.Errorf("malformed %v, want %v", bad, v.malformed)
			}
			f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
			lp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
			got := strings.TrimSuffix(string(lp.Append(nil, d, &f)), "\n")
			_, after, _ := strings.Cut(got, ", length ")
			after = strings.TrimLeft(after, "0123456789")
			if after != v.line {
				t.Errorf("line %q ends in %q, want %q", got, after, v.line)
			}
			tree := string((&decode.TreePrinter{Location: time.UTC}).Append(nil, d, &f))
			if !strings.Contains(tree, "\nTelnet\n") {
				t.Errorf("-V has no Telnet subtree:\n%s", tree)
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
	// The same frames through tcpdump, in each verbosity, and through
	// tshark's tree and fields.
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-q"}})
	path := writeTestPcap(t, frames)
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Log("tshark not installed: vectors not compared with it")
		return
	}
	mine, total := compareTreeWithTshark(t, path)
	t.Logf("-V: rawcap prints %d of tshark's %d lines", mine, total)
	compareSubtreeWithTshark(t, frames, "Telnet", map[int]string{6: "the Authentication Option's parameters are not decoded"})
	checkTreeAllocsNothing(t, frames, "Telnet")
	compareFieldsWithTshark(t, path, frames, []string{"telnet.cmd", "telnet.subcmd", "telnet.data",
		"telnet.option_data", "telnet.subcommand_data", "telnet.string_subopt.value",
		"telnet.naws_subopt.width", "telnet.naws_subopt.height", "telnet.rfc_subopt.cmd"})
}

// TestTelnetTruncated cuts a segment short of what its IP header announces.
func TestTelnetTruncated(t *testing.T) {
	var frames [][]byte
	var wire []int
	for _, hex := range []string{
		"ff fd 01 ff fb 03 ff fd 18",
		"61 62 0d 0a 63 64 65 66",
		"ff fa 18 00 78 74 65 72 6d ff f0",
		"ff fa 7b 01 02 03 04 05 ff f0",
	} {
		full := appTCPFrame(t, 23, uint16(41000+len(frames)), mustHex(t, hex))
		frames = append(frames, full[:len(full)-3])
		wire = append(wire, len(full))
	}
	d := decode.NewDecoder()
	for k, frame := range frames {
		d.Decode(frame, linktype.Ethernet)
		f := decode.Frame{Number: k + 1, Time: time.Unix(1, 0), Length: wire[k]}
		_ = (&decode.TreePrinter{Location: time.UTC}).Append(nil, d, &f)
		_ = (&decode.LinePrinter{}).Append(nil, d, &f)
	}
	if testing.Short() {
		return
	}
	path := writeTestPcapWire(t, frames, wire)
	if _, err := exec.LookPath("tshark"); err == nil {
		mine, total := compareTreeWithTshark(t, path)
		t.Logf("-V: rawcap prints %d of tshark's %d lines", mine, total)
	}
	if _, err := exec.LookPath("tcpdump"); err == nil {
		out, err := exec.Command("tcpdump", "-n", "-t", "-r", path).Output()
		if err != nil {
			t.Fatal(err)
		}
		want := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
		for k, frame := range frames {
			d.Decode(frame, linktype.Ethernet)
			f := decode.Frame{Number: k + 1, Length: wire[k]}
			lp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
			if got := strings.TrimSuffix(string(lp.Append(nil, d, &f)), "\n"); k < len(want) && got != want[k] {
				t.Errorf("frame %d:\n got %q\nwant %q", k+1, got, want[k])
			}
		}
	}
}

// compareFieldsWithTshark compares rawcap's -T fields of the given fields
// with tshark's, frame by frame, for frames writeTestPcap wrote to path.
func compareFieldsWithTshark(t *testing.T, path string, frames [][]byte, fields []string) {
	t.Helper()
	args := []string{"-r", path, "-T", "fields"}
	for _, f := range fields {
		args = append(args, "-e", f)
	}
	cmd := exec.Command("tshark", args...)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	want := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(want) != len(frames) {
		t.Fatalf("tshark printed %d rows for %d frames", len(want), len(frames))
	}
	fp, err := decode.NewFieldsPrinter(fields)
	if err != nil {
		t.Fatal(err)
	}
	d := decode.NewDecoder()
	for k, frame := range frames {
		d.Decode(frame, linktype.Ethernet)
		// The times writeTestPcap gives the frames (relative times agree).
		f := decode.Frame{Number: k + 1, Time: time.Unix(int64(1700000000+k), 0), Length: len(frame)}
		if got := strings.TrimSuffix(string(fp.Append(nil, d, &f)), "\n"); got != want[k] {
			t.Errorf("frame %d -T fields:\n got %q\nwant %q", k+1, got, want[k])
		}
	}
}

func FuzzTelnet(f *testing.F) {
	for _, v := range telnetVectors {
		f.Add(mustHex(f, v.hex), 0)
	}
	if data, err := os.ReadFile("../../shared/corpus/tcpdump/tests_telnet-iac-check-oobr.pcap"); err == nil && len(data) > 24+16+66 {
		f.Add(data[24+16+66:min(len(data), 24+16+66+4096)], 0)
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	f.Fuzz(func(t *testing.T, payload []byte, cut int) {
		frame := appTCPFrame(t, 40000, 23, payload)
		wire := len(frame)
		if cut > 0 && cut < len(payload) {
			frame = frame[:len(frame)-cut]
		}
		d.Decode(frame, linktype.Ethernet)
		fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: wire}
		_ = tp.Append(nil, d, &fr)
		_ = lp.Append(nil, d, &fr)
		_ = jp.Append(nil, d, &fr)
	})
}

// TestEverydayAppsMatchTcpdump compares rawcap's one-line output for every
// corpus packet carrying Telnet or Syslog with tcpdump's, in the option
// sets TestAppMatchesTcpdump uses.
func TestEverydayAppsMatchTcpdump(t *testing.T) {
	caps := appCorpus(t, decode.LayerTelnet, decode.LayerSyslog, decode.LayerDHCPv6)
	n := 0
	for _, c := range caps {
		for _, m := range c.mine {
			if m {
				n++
			}
		}
	}
	t.Logf("%d captures, %d packets with Telnet, Syslog or DHCPv6", len(caps), n)
	// The UDP header of this first IPv4 fragment announces more than the
	// fragment holds: tcpdump prints it whole, rawcap's UDP printer as a
	// bad length.
	for _, o := range []string{"", "-v", "-vv", "-vvv", "-q", "-e", "-tt", "-x", "-e -v -x"} {
		key := "tcpdump/tests_dhcp6_reconf_asan.pcap#1 " + o
		appDiffAllow[key] = "UDP length past a first fragment: tcpdump does not call it bad"
		defer delete(appDiffAllow, key)
	}
	compareWithTcpdump(t, caps, [][]string{{}, {"-v"}, {"-vv"}, {"-vvv"}, {"-q"}, {"-e"}, {"-tt"}, {"-x"}, {"-e", "-v", "-x"}})
}
