package main

import (
	"bytes"
	"context"
	"os/exec"
	"strings"
	"testing"
)

// rawcapRun runs rawcap in-process with args (without the program name) and
// returns its exit code, stdout and stderr.
func rawcapRun(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"rawcap"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestVersion(t *testing.T) {
	code, out, _ := rawcapRun(t, "", "--version")
	if code != 0 || !strings.HasPrefix(out, "rawcap version ") {
		t.Fatalf("rawcap --version = %d %q, want 0 and \"rawcap version …\"", code, out)
	}
}

func TestUnknownFlagIsUsageError(t *testing.T) {
	code, _, errs := rawcapRun(t, "", "--no-such-flag")
	if code != 2 {
		t.Fatalf("exit code %d, want 2 (stderr %q)", code, errs)
	}
}

// TestManPage renders rawcap.1 from the help text and checks that it holds
// every command and flag (it is made from them, so it cannot drift) and
// that groff, where installed, reads it without a warning.
func TestManPage(t *testing.T) {
	code, page, stderr := rawcapRun(t, "", "man")
	if code != 0 {
		t.Fatalf("rawcap man = %d %s", code, stderr)
	}
	if !strings.HasPrefix(page, ".nh\n.TH rawcap 1") {
		t.Errorf("the page does not start as a section 1 manual page: %.40q", page)
	}
	app := newApp(&env{})
	for _, c := range app.VisibleCommands() {
		if !strings.Contains(page, "\n.SH "+strings.ToUpper("commands")) || !strings.Contains(page, c.Name) {
			t.Errorf("the page lacks the command %s", c.Name)
		}
		for _, f := range c.Flags {
			if n := f.Names()[0]; !strings.Contains(page, n) {
				t.Errorf("the page lacks %s's flag %s", c.Name, n)
			}
		}
	}
	for _, f := range app.Flags {
		if n := f.Names()[0]; !strings.Contains(page, n) {
			t.Errorf("the page lacks the flag %s", n)
		}
	}
	if _, err := exec.LookPath("groff"); err != nil {
		t.Skip("skipping the groff check: groff is not installed")
	}
	cmd := exec.Command("groff", "-man", "-Tutf8", "-ww", "-z")
	cmd.Stdin = strings.NewReader(page)
	out, err := cmd.CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("groff -ww: %v\n%s", err, out)
	}
}

func TestHelpVersionAndMistypedCommands(t *testing.T) {
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		out, err string
	}{
		{"help", []string{"help"}, 0, "COMMANDS:", ""},
		{"help for a command", []string{"help", "read"}, 0, "rawcap read", ""},
		{"version", []string{"version"}, 0, "rawcap version ", ""},
		{"mistyped read", []string{"reed", "f.pcap"}, 2, "", "did you mean rawcap read?"},
		{"singular interfaces", []string{"interface"}, 2, "", "did you mean rawcap interfaces?"},
		{"swapped letters", []string{"hlep"}, 2, "", "did you mean rawcap help?"},
		{"command after an option", []string{"-c", "5", "info", "f.pcap"}, 2, "", `"info" is a command: put it first`},
		{"a word far from every command is a filter", []string{"-r", "/dev/null", "bogus"}, 1, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := rawcapRun(t, "", tc.args...)
			if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errs, tc.err) {
				t.Errorf("rawcap %q = %d, stdout %.200q, stderr %q; want %d, %q in stdout, %q in stderr",
					tc.args, code, out, errs, tc.code, tc.out, tc.err)
			}
		})
	}
}
