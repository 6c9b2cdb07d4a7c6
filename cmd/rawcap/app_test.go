package main

import (
	"bytes"
	"context"
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
