package main

import (
	"bytes"
	"cmp"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rawcap/rawcap/internal/testshared"
)

// cliCase is one command line as a user types it, run through the rawcap
// binary and, where one exists, through the tool whose habit it follows.
type cliCase struct {
	name   string
	rawcap []string
	ref    []string // the reference command (tool first), or nil
	// same: "stdout" wants the same standard output, "error" the same
	// error line (after the program's name), "files" the same packets in
	// the files the two commands write (their last arguments), "" the same
	// exit class only.
	same string
	// want is a piece of rawcap's stderr (for errors) that says what to do.
	want string
	// code is rawcap's exit status.
	code int
	// tz is the TZ both run with (UTC when empty).
	tz string
}

// TestCLIHabits runs the spellings of issue 14 through the real binary
// beside tcpdump, capinfos and editcap: the same exit class (success or
// failure) and the same output or the same error. tcpdump gets -nn, since
// rawcap never resolves names. Spellings with no counterpart check
// rawcap's exit status and message alone.
func TestCLIHabits(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the comparison with tcpdump and capinfos in -short mode")
	}
	corpus := testshared.Path(t, "corpus")
	bin := rawcapBinary(t)
	dir := t.TempDir()
	tcp := filepath.Join(corpus, "gopacket", "pcapgo_tests_le_test301.pcapng")
	stp := filepath.Join(corpus, "tcpdump", "tests_802.1D_spanning_tree.pcap")
	multi := filepath.Join(corpus, "pcapng-tg", "output_le_basic_test006.pcapng")
	filterFile := filepath.Join(dir, "filter.txt")
	os.WriteFile(filterFile, []byte("tcp[tcpflags] & tcp-syn != 0 # SYNs\n"), 0o644)

	for _, tc := range []cliCase{
		// tcpdump's getopt: values attached, letters combined, counts kept.
		{name: "-c1 attached", rawcap: []string{"-r", tcp, "-c1"}, ref: []string{"tcpdump", "-nn", "-r", tcp, "-c1"}, same: "stdout"},
		{name: "-rFILE attached", rawcap: []string{"-r" + tcp, "-c2", "-n"}, ref: []string{"tcpdump", "-nn", "-r" + tcp, "-c2", "-n"}, same: "stdout"},
		{name: "-nnvvc3 combined with a value", rawcap: []string{"-nnvvc3", "-r", tcp}, ref: []string{"tcpdump", "-nn", "-nnvvc3", "-r", tcp}, same: "stdout"},
		{name: "-nnvvXX", rawcap: []string{"-nnvvXX", "-c", "1", "-r", tcp}, ref: []string{"tcpdump", "-nn", "-nnvvXX", "-c", "1", "-r", tcp}, same: "stdout"},
		{name: "-tttt", rawcap: []string{"-tttt", "-r", tcp, "-c", "2"}, ref: []string{"tcpdump", "-nn", "-tttt", "-r", tcp, "-c", "2"}, same: "stdout"},
		{name: "-ttt -c 5 -nn after the file", rawcap: []string{"-r", tcp, "-ttt", "-c", "5", "-nn"}, ref: []string{"tcpdump", "-nn", "-r", tcp, "-ttt", "-c", "5", "-nn"}, same: "stdout"},
		{name: "-#ec3", rawcap: []string{"-#ec3", "-r", tcp}, ref: []string{"tcpdump", "-nn", "-#ec3", "-r", tcp}, same: "stdout"},
		{name: "-Ffile attached", rawcap: []string{"-r", tcp, "-F" + filterFile}, ref: []string{"tcpdump", "-nn", "-r", tcp, "-F" + filterFile}, same: "stdout"},
		{name: "read with combined flags", rawcap: []string{"read", tcp, "-nnvvc2"}, ref: []string{"tcpdump", "-nn", "-r", tcp, "-nnvvc2"}, same: "stdout"},
		{name: "-w- to a pipe", rawcap: []string{"-r", stp, "-w-", "-c3"}, ref: []string{"tcpdump", "-nn", "-r", stp, "-w-", "-c3"}, same: "stdout"},
		// tcpdump's errors.
		{name: "-c 0", rawcap: []string{"-r", tcp, "-c", "0"}, ref: []string{"tcpdump", "-nn", "-r", tcp, "-c", "0"}, same: "error", code: 2},
		{name: "-c -3", rawcap: []string{"-c", "-3", "-r", tcp}, ref: []string{"tcpdump", "-nn", "-c", "-3", "-r", tcp}, same: "error", code: 2},
		{name: "-c0 attached", rawcap: []string{"-c0", "-r", tcp}, ref: []string{"tcpdump", "-nn", "-c0", "-r", tcp}, same: "error", code: 2},
		{name: "-s -1", rawcap: []string{"-s", "-1", "-r", tcp}, ref: []string{"tcpdump", "-nn", "-s", "-1", "-r", tcp}, same: "error", code: 2},
		{name: "-s262145", rawcap: []string{"-s262145", "-r", tcp}, ref: []string{"tcpdump", "-nn", "-s262145", "-r", tcp}, same: "error", code: 2},
		{name: "unknown letter in a cluster", rawcap: []string{"-nk", "-r", tcp}, ref: []string{"tcpdump", "-nn", "-nk", "-r", tcp}, code: 2, want: "-k"},
		// capinfos' script flags.
		{name: "info -c -u", rawcap: []string{"info", "-c", "-u", stp}, ref: []string{"capinfos", "-c", "-u", stp}, same: "stdout"},
		{name: "info -cus combined", rawcap: []string{"info", "-cus", stp}, ref: []string{"capinfos", "-cus", stp}, same: "stdout"},
		{name: "info -TMr", rawcap: []string{"info", "-TMr", stp, tcp}, ref: []string{"capinfos", "-TMr", stp, tcp}, same: "stdout"},
		{name: "info -T", rawcap: []string{"info", "-T", stp}, ref: []string{"capinfos", "-T", stp}, same: "stdout"},
		{name: "info -H", rawcap: []string{"info", "-H", tcp}, ref: []string{"capinfos", "-H", tcp}, same: "stdout"},
		{name: "info -a -e -S", rawcap: []string{"info", "-a", "-e", "-S", stp}, ref: []string{"capinfos", "-a", "-e", "-S", stp}, same: "stdout"},
		{name: "info -M -d -y -i -z -x", rawcap: []string{"info", "-M", "-d", "-y", "-i", "-z", "-x", tcp}, ref: []string{"capinfos", "-M", "-d", "-y", "-i", "-z", "-x", tcp}, same: "stdout"},
		{name: "info of a directory", rawcap: []string{"info", dir}, ref: []string{"capinfos", dir}, code: 1, want: "is a directory"},
		// editcap: a pcap file holds one link type; times as -A takes them.
		{name: "convert several link types to pcap", rawcap: []string{"convert", multi, filepath.Join(dir, "multi.pcap")}, ref: []string{"editcap", "-F", "pcap", multi, filepath.Join(dir, "multi-editcap.pcap")}, code: 1, want: "nothing written"},
		{name: "convert --after in editcap's form", rawcap: []string{"convert", "--after", "2008-06-18 11:44:20", stp, filepath.Join(dir, "after.pcap")}, ref: []string{"editcap", "-A", "2008-06-18 11:44:20", stp, filepath.Join(dir, "after-editcap.pcap")}, same: "files"},
		{name: "convert --after in local time", tz: "Europe/Paris", rawcap: []string{"convert", "--after", "2008-06-18 13:44:20", stp, filepath.Join(dir, "after-paris.pcap")}, ref: []string{"editcap", "-A", "2008-06-18 13:44:20", stp, filepath.Join(dir, "after-paris-editcap.pcap")}, same: "files"},
		{name: "info times are local", tz: "America/New_York", rawcap: []string{"info", "-a", "-e", stp}, ref: []string{"capinfos", "-a", "-e", stp}, same: "stdout"},
		{name: "convert --before with a fraction", rawcap: []string{"convert", "--before", "2008-06-18 11:44:11.5", stp, filepath.Join(dir, "before.pcap")}, ref: []string{"editcap", "-B", "2008-06-18 11:44:11.5", stp, filepath.Join(dir, "before-editcap.pcap")}, same: "files"},
		// rawcap's own: no counterpart, a clear message.
		{name: "--json -x", rawcap: []string{"-r", tcp, "--json", "-x"}, code: 2, want: "-x shapes the one-line output"},
		{name: "-V --columns", rawcap: []string{"read", tcp, "-V", "--columns"}, code: 2, want: "different outputs"},
		{name: "mistyped command", rawcap: []string{"reed", tcp}, code: 2, want: "did you mean rawcap read?"},
		{name: "help", rawcap: []string{"help"}, code: 0},
		{name: "version", rawcap: []string{"version"}, code: 0},
		{name: "completion bash", rawcap: []string{"completion", "bash"}, code: 0},
		{name: "decode-as an unknown protocol", rawcap: []string{"read", "--decode-as", "udp.port=1:foo", tcp}, code: 2, want: "the protocols known are"},
		{name: "read a directory", rawcap: []string{"read", dir}, code: 1, want: "is a directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tz := cmp.Or(tc.tz, "UTC")
			code, out, errOut := runTool(t, tz, bin, tc.rawcap)
			if code != tc.code {
				t.Errorf("rawcap %q exit %d, want %d\nstderr: %s", tc.rawcap, code, tc.code, errOut)
			}
			if tc.want != "" && !strings.Contains(errOut, tc.want) {
				t.Errorf("rawcap %q stderr %q lacks %q", tc.rawcap, errOut, tc.want)
			}
			if tc.ref == nil {
				return
			}
			if _, err := exec.LookPath(tc.ref[0]); err != nil {
				t.Skipf("skipping the comparison: %s is not installed", tc.ref[0])
			}
			refCode, refOut, refErr := runTool(t, tz, tc.ref[0], tc.ref[1:])
			if (refCode == 0) != (code == 0) {
				t.Errorf("rawcap exit %d, %s exit %d: not the same class\nrawcap stderr: %s\n%s stderr: %s", code, tc.ref[0], refCode, errOut, tc.ref[0], refErr)
			}
			switch tc.same {
			case "stdout":
				if out != refOut {
					t.Errorf("stdout differs from %s %q:\nrawcap:\n%s\n%s:\n%s", tc.ref[0], tc.ref[1:], out, tc.ref[0], refOut)
				}
			case "files":
				_, got, _ := runTool(t, "UTC", "tcpdump", []string{"-nn", "-r", tc.rawcap[len(tc.rawcap)-1]})
				_, want, _ := runTool(t, "UTC", "tcpdump", []string{"-nn", "-r", tc.ref[len(tc.ref)-1]})
				if got != want || got == "" {
					t.Errorf("the files differ (or are empty):\nrawcap's:\n%s\n%s's:\n%s", got, tc.ref[0], want)
				}
			case "error":
				want := strings.TrimPrefix(firstLine(refErr), tc.ref[0]+": ")
				if got := strings.TrimPrefix(firstLine(errOut), "rawcap: "); got != want {
					t.Errorf("error %q, %s says %q", got, tc.ref[0], want)
				}
			}
		})
	}
}

// runTool runs a program in time zone tz (tcpdump, capinfos and editcap
// work in local time) and returns its exit status and output.
func runTool(t *testing.T, tz, prog string, args []string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(prog, args...)
	cmd.Env = append(os.Environ(), "TZ="+tz)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		return ee.ExitCode(), out.String(), errb.String()
	case err != nil:
		t.Fatalf("%s: %v", prog, err)
	}
	return 0, out.String(), errb.String()
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}
