package main

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// updateReadGolden is -update: rewrite testdata/read from the current
// output. It reuses a flag of that name if another test file defined it.
var updateReadGolden = func() *bool {
	if f := flag.Lookup("update"); f != nil {
		if g, ok := f.Value.(flag.Getter); ok {
			if b, ok := g.Get().(bool); ok {
				v := b
				return &v
			}
		}
	}
	return flag.Bool("update", false, "rewrite golden files")
}()

const readTestdata = "../../testdata/read"

// samplePcap returns the path of testdata/read/sample.pcap, writing it
// first under -update.
func samplePcap(t *testing.T) string {
	t.Helper()
	path := filepath.Join(readTestdata, "sample.pcap")
	if *updateReadGolden {
		var buf bytes.Buffer
		w, err := pcapio.NewPcapWriter(&buf, pcapio.PcapWriterOptions{LinkType: linktype.Ethernet})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range samplePackets() {
			if err := w.WritePacket(&p); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// readGoldenCases are the output formats kept as goldens in testdata/read.
var readGoldenCases = []struct {
	name string
	args []string
}{
	{"default", nil},
	{"e", []string{"-e"}},
	{"v", []string{"-v"}},
	{"vv", []string{"-vv"}},
	{"q", []string{"-q"}},
	{"tt", []string{"-tt"}},
	{"ttt", []string{"-ttt"}},
	{"S", []string{"-S"}},
	{"number", []string{"-#"}},
	{"x", []string{"-x"}},
	{"xx", []string{"-xx"}},
	{"X", []string{"-X"}},
	{"XX", []string{"-XX"}},
	{"A", []string{"-A"}},
	{"V", []string{"-V"}},
	{"columns", []string{"--columns"}},
	{"json", []string{"--json"}},
	{"json-raw", []string{"--json", "--raw"}},
}

func TestReadGolden(t *testing.T) {
	time.Local = time.UTC // tcpdump prints local time; goldens are in UTC
	pcap := samplePcap(t)
	for _, tc := range readGoldenCases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := rawcapRun(t, "", append(append([]string{"read"}, tc.args...), pcap)...)
			if code != 0 {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			golden := filepath.Join(readTestdata, "sample."+tc.name+".txt")
			if *updateReadGolden {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), out); diff != "" {
				t.Errorf("rawcap read %v (-want +got):\n%s", tc.args, diff)
			}
		})
	}
}

// TestReadSampleMatchesTcpdump checks the goldens' source of truth: for the
// one-line formats, rawcap prints exactly what tcpdump prints.
func TestReadSampleMatchesTcpdump(t *testing.T) {
	if _, err := exec.LookPath("tcpdump"); err != nil {
		t.Skip("tcpdump not installed")
	}
	time.Local = time.UTC
	pcap := samplePcap(t)
	for _, tc := range readGoldenCases {
		if strings.HasPrefix(tc.name, "json") || tc.name == "V" || tc.name == "columns" {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command("tcpdump", append(append([]string{"-n"}, tc.args...), "-r", pcap)...)
			cmd.Env = append(os.Environ(), "TZ=UTC")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			want, err := cmd.Output()
			if err != nil {
				t.Fatalf("tcpdump: %v: %s", err, stderr.String())
			}
			_, out, errs := rawcapRun(t, "", append(append([]string{"read"}, tc.args...), pcap)...)
			if diff := cmp.Diff(string(want), out); diff != "" {
				t.Errorf("rawcap read %v vs tcpdump -n (-tcpdump +rawcap):\n%s", tc.args, diff)
			}
			if diff := cmp.Diff(stderr.String(), errs); diff != "" {
				t.Errorf("stderr (-tcpdump +rawcap):\n%s", diff)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	time.Local = time.UTC
	pcap := samplePcap(t)
	data, err := os.ReadFile(pcap)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(t.TempDir(), "cut.pcap")
	if err := os.WriteFile(cut, data[:len(data)-20], 0o644); err != nil {
		t.Fatal(err)
	}
	_, full, _ := rawcapRun(t, "", "read", pcap)
	lines := strings.SplitAfter(full, "\n")
	tests := []struct {
		name     string
		stdin    string
		args     []string
		code     int
		stdout   string
		stderrRe string // substring of stderr
	}{
		{"damaged file prints good packets then fails", "", []string{"read", cut}, 1, strings.Join(lines[:len(lines)-2], ""), "rawcap: " + cut + ": offset "},
		{"stdin", string(data), []string{"read", "-"}, 0, full, "reading from file -, link-type EN10MB (Ethernet), snapshot length 262144"},
		{"count", "", []string{"read", "-c", "2", pcap}, 0, lines[0] + lines[1], ""},
		{"missing file", "", []string{"read", "/nonexistent/x.pcap"}, 1, "", "no such file"},
		{"no file", "", []string{"read"}, 2, "", "no capture file"},
		{"bad decode-as", "", []string{"read", "--decode-as", "udp.port=x:dns", pcap}, 2, "", "bad port"},
		{"two formats", "", []string{"read", "--json", "-V", pcap}, 2, "", "different outputs"},
		{"raw without json", "", []string{"read", "--raw", pcap}, 2, "", "--raw needs --json"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := rawcapRun(t, tc.stdin, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, errs)
			}
			if diff := cmp.Diff(tc.stdout, out); diff != "" {
				t.Errorf("stdout (-want +got):\n%s", diff)
			}
			if !strings.Contains(errs, tc.stderrRe) {
				t.Errorf("stderr %q does not contain %q", errs, tc.stderrRe)
			}
		})
	}
}

// TestReadClosedPipe checks that `rawcap read big.pcap | head` ends quietly:
// a write error of EPIPE ends the command with status 0 and no message.
func TestReadClosedPipe(t *testing.T) {
	pcap := samplePcap(t)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	var errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: w, stderr: &errb}
	err = readFiles(t.Context(), e, []string{pcap}, readOptions{})
	w.Close()
	if code := exitCode(err, &errb); code != 0 || strings.Contains(errb.String(), "rawcap:") {
		t.Fatalf("exit %d, stderr %q; want 0 and no error", code, errb.String())
	}
}

// TestReadDecodeAs checks --decode-as: DNS on UDP port 8053 is shown as
// DNS only when asked (capture from tcpdump's tests, in ../shared).
func TestReadDecodeAs(t *testing.T) {
	time.Local = time.UTC
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	pcap := filepath.Join(dir, "..", "..", "..", "shared", "corpus", "tcpdump", "tests_dns_udp_8053.pcap")
	if _, err := os.Stat(pcap); err != nil {
		t.Skipf("shared corpus absent: %v", err)
	}
	tests := []struct {
		name string
		args []string
		want string // first line
	}{
		{"default", nil, "15:42:50.464436 IP 192.168.1.11.43757 > 209.87.249.18.8053: UDP, length 56\n"},
		{"udp port", []string{"--decode-as", "udp.port=8053:dns"}, "15:42:50.464436 IP 192.168.1.11.43757 > 209.87.249.18.8053: 323+ [1au] A? www.tcpdump.org. (56)\n"},
		{"tcp port only", []string{"--decode-as", "tcp.port=8053:dns"}, "15:42:50.464436 IP 192.168.1.11.43757 > 209.87.249.18.8053: UDP, length 56\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := rawcapRun(t, "", append(append([]string{"read", "-c", "1"}, tc.args...), pcap)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if diff := cmp.Diff(tc.want, out); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	_, out, _ := rawcapRun(t, "", "read", "--json", "-c", "1", "--decode-as", "udp.port=8053:dns", pcap)
	if !strings.Contains(out, `"protocols":"eth:ethertype:ip:udp:dns"`) || !strings.Contains(out, `"dns":{`) {
		t.Errorf("--json --decode-as: no dns layer in %s", out)
	}
}
