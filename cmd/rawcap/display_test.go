package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// shellWords splits a README command line as sh would for the simple
// quoting the README uses: single and double quotes, no escapes.
func shellWords(line string) []string {
	var out []string
	var cur strings.Builder
	quote := byte(0)
	inWord := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0 && c == quote:
			quote = 0
		case quote != 0:
			cur.WriteByte(c)
		case c == '\'' || c == '"':
			quote, inWord = c, true
		case c == ' ' || c == '\t':
			if inWord {
				out = append(out, cur.String())
				cur.Reset()
				inWord = false
			}
		case c == '#':
			if !inWord {
				i = len(line)
				continue
			}
			cur.WriteByte(c)
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		out = append(out, cur.String())
	}
	return out
}

// TestReadmeDisplayFilterExamples runs every command of the README's
// display-filter examples on the demo capture: each must succeed and say
// something.
func TestReadmeDisplayFilterExamples(t *testing.T) {
	root, err := testshared.Root()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	t.Chdir(root)
	tmp := t.TempDir()
	sc := bufio.NewScanner(f)
	section, block, n := false, false, 0
	for sc.Scan() {
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "### "):
			section = strings.HasPrefix(l, "### Display filters")
		case section && strings.HasPrefix(l, "```"):
			block = !block
		case section && block && strings.HasPrefix(l, "rawcap "):
			args := shellWords(strings.TrimPrefix(l, "rawcap "))
			for i, a := range args {
				args[i] = strings.ReplaceAll(a, "/tmp/", tmp+"/")
			}
			n++
			code, stdout, stderr := rawcapRun(t, "", args...)
			if code != 0 {
				t.Errorf("%s: exit %d: %s", l, code, stderr)
				continue
			}
			out := stdout
			for _, a := range args {
				if strings.HasPrefix(a, tmp) {
					b, err := os.ReadFile(a)
					if err != nil {
						t.Errorf("%s: %v", l, err)
					}
					out += string(b)
				}
			}
			if strings.TrimSpace(out) == "" {
				t.Errorf("%s: printed and wrote nothing", l)
			}
		}
	}
	if n < 5 {
		t.Fatalf("found %d examples in the README's display-filter section", n)
	}
}

// TestDisplayFilterEveryOutput holds -Y to every output of rawcap read:
// each shows the six DNS packets of the demo capture, numbered as in the
// file.
func TestDisplayFilterEveryOutput(t *testing.T) {
	root, err := testshared.Root()
	if err != nil {
		t.Fatal(err)
	}
	demo := filepath.Join(root, "testdata", "demo.pcap")
	count := func(out, prefix string) int {
		n := 0
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, prefix) {
				n++
			}
		}
		return n
	}
	for _, c := range []struct {
		args   []string
		prefix string // what starts each packet's first line
	}{
		{[]string{"read", "-Y", "dns", demo}, "03:04:05"},
		{[]string{"read", "-Y", "dns", "-x", demo}, "03:04:05"},
		{[]string{"read", "-Y", "dns", "-V", demo}, "Frame "},
		{[]string{"read", "-Y", "dns", "--json", demo}, "{"},
		{[]string{"read", "-Y", "dns", "-T", "fields", "-e", "frame.number", demo}, ""},
		{[]string{"read", "-Y", "dns", "-T", "ek", demo}, `{"timestamp"`},
		{[]string{"read", "-Y", "dns", "--columns", demo}, " "},
	} {
		code, stdout, stderr := rawcapRun(t, "", c.args...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", c.args, code, stderr)
			continue
		}
		if c.prefix == "" {
			if got := strings.Fields(stdout); strings.Join(got, " ") != "91 92 184 185 310 311" {
				t.Errorf("%v: frames %v", c.args, got)
			}
			continue
		}
		if n := count(stdout, c.prefix); n != 6 {
			t.Errorf("%v: %d packets shown, want 6:\n%s", c.args, n, stdout)
		}
	}
	// convert and -r -w write the same six.
	out := filepath.Join(t.TempDir(), "dns.pcapng")
	for _, args := range [][]string{{"convert", demo, out, "-Y", "dns"}, {"-r", demo, "-w", out, "-Y", "dns", "udp"}} {
		if code, _, stderr := rawcapRun(t, "", args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		_, stdout, _ := rawcapRun(t, "", "read", "-T", "fields", "-e", "frame.number", out)
		if got := strings.Fields(stdout); len(got) != 6 {
			t.Errorf("%v: %d packets written, want 6", args, len(got))
		}
	}
	// A bad expression is a usage error with the caret.
	code, _, stderr := rawcapRun(t, "", "read", "-Y", "dns.qry.name = 1", demo)
	if code != 2 || !strings.Contains(stderr, "\"=\" was unexpected in this context.\n    dns.qry.name = 1\n                 ^") {
		t.Errorf("bad expression: exit %d, %q", code, stderr)
	}
}

// TestDisplayFilterKeepsTheFileContext holds what the printers show of the
// packets -Y keeps to tshark -Y's: frame numbers of the file, times
// relative to the file's first packet, deltas from the previous captured
// and the previous displayed packet, and the TCP numbers of the whole
// file's streams.
func TestDisplayFilterKeepsTheFileContext(t *testing.T) {
	tshark := testshared.Oracle(t, "tshark")
	root, err := testshared.Root()
	if err != nil {
		t.Fatal(err)
	}
	demo := filepath.Join(root, "testdata", "demo.pcap")
	fields := []string{"frame.number", "frame.time_relative", "frame.time_delta", "frame.time_delta_displayed", "tcp.seq", "tcp.ack", "tcp.stream"}
	for _, expr := range []string{"dns", "http.request", "tcp.flags.fin == 1", "frame.number > 100 && ip.ttl == 64"} {
		var fs []string
		for _, f := range fields {
			if decode.LookupField(f) != nil {
				fs = append(fs, "-e", f)
			}
		}
		args := append([]string{"-n", "-r", demo, "-Y", expr, "-T", "fields"}, fs...)
		cmd := exec.Command(tshark, args...)
		cmd.Env = append(os.Environ(), "TZ=UTC")
		want, err := cmd.Output()
		if err != nil {
			t.Fatalf("tshark %v: %v", args, err)
		}
		code, got, stderr := rawcapRun(t, "", append(append([]string{"read", "-Y", expr, "-T", "fields"}, fs...), demo)...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", expr, code, stderr)
		}
		if got != string(want) {
			t.Errorf("-Y %q -T fields %v:\nrawcap:\n%s\ntshark:\n%s", expr, fs, got, want)
		}
	}
}

// TestStatsDisplayFilter holds stats -Y to tshark's -z tables with a
// filter: conv's, and io's with a filter per column.
func TestStatsDisplayFilter(t *testing.T) {
	tshark := testshared.Oracle(t, "tshark")
	root, err := testshared.Root()
	if err != nil {
		t.Fatal(err)
	}
	demo := filepath.Join(root, "testdata", "demo.pcap")
	for _, c := range []struct {
		ours []string
		z    string
	}{
		{[]string{"stats", "conv", "tcp", "-Y", "tcp.port == 443", demo}, "conv,tcp,tcp.port == 443"},
		{[]string{"stats", "endpoints", "ip", "-Y", "dns || http", demo}, "endpoints,ip,dns || http"},
		{[]string{"stats", "io", "--interval", "0.001", "-Y", "tcp", "-Y", "dns", "-Y", "tcp.analysis.flags", demo}, "io,stat,0.001,tcp,dns,tcp.analysis.flags"},
	} {
		cmd := exec.Command(tshark, "-n", "-q", "-r", demo, "-z", c.z)
		cmd.Env = append(os.Environ(), "TZ=UTC")
		want, err := cmd.Output()
		if err != nil {
			t.Fatalf("tshark -z %s: %v", c.z, err)
		}
		code, got, stderr := rawcapRun(t, "", c.ours...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", c.ours, code, stderr)
		}
		if got != string(want) {
			t.Errorf("%v:\nrawcap:\n%s\ntshark -z %s:\n%s", c.ours, got, c.z, want)
		}
	}
}

// TestDisplayFilterKeepsTcpdumpLines: a display filter's tracker makes an
// HTTP segment that starts no message, in a connection without a request,
// TCP's payload, as tshark does; the one-liners, tcpdump's lines, show the
// packet as it is whatever filter picked it, so `read -Y` prints the lines
// `read` prints.
func TestDisplayFilterKeepsTcpdumpLines(t *testing.T) {
	var pkts []pcapio.Packet
	seq := uint32(1000)
	for k, body := range []string{"no status line, only text\r\n", "more of a body\r\n", "\x00\x01\x02 binary"} {
		seg := tcp(ip4B, ip4A, 80, 41001, seq, 1, 0x18, nil, []byte(body))
		seq += uint32(len(body))
		data := ether(macA, macB, 0x0800, ipv4(ip4B, ip4A, 6, uint16(k+1), seg))
		pkts = append(pkts, pcapio.Packet{Time: time.Unix(1700000000+int64(k), 0), Length: len(data), Data: data, LinkType: linktype.Ethernet})
	}
	path := filepath.Join(t.TempDir(), "cont.pcap")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w, _ := pcapio.NewPcapWriter(f, pcapio.PcapWriterOptions{LinkType: linktype.Ethernet})
	for i := range pkts {
		if err := w.WritePacket(&pkts[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, opts := range [][]string{{"-n"}, {"-n", "-v"}, {"-n", "-A"}} {
		_, want, _ := rawcapRun(t, "", append(append([]string{"read"}, opts...), path)...)
		if !strings.Contains(want, ": HTTP") {
			t.Fatalf("%v: no HTTP line to keep:\n%s", opts, want)
		}
		for _, expr := range []string{"frame", "tcp.len > 0", "http || tcp"} {
			code, got, stderr := rawcapRun(t, "", append(append([]string{"read", "-Y", expr}, opts...), path)...)
			if code != 0 || got != want {
				t.Errorf("%v -Y %q: exit %d (%s)\n%s\nwant, as without -Y:\n%s", opts, expr, code, stderr, got, want)
			}
		}
	}
}
