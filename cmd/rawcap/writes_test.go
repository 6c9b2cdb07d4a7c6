package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFullOutputFails runs commands whose standard output is /dev/full:
// each must exit 1 and say that the output could not be written, not
// succeed silently.
func TestFullOutputFails(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("skipping: no /dev/full here: ", err)
	}
	defer full.Close()
	capture := filepath.Join(t.TempDir(), "x.pcapng")
	writeInfoCapture(t, capture)
	for _, args := range [][]string{
		{"info", capture},
		{"info", "-T", capture},
		{"info", "--json", capture},
		{"interfaces"},
		{"interfaces", "--json"},
		{"-D"},
		{"--help"},
		{"version"},
		{"completion", "bash"},
		{"read", capture},
	} {
		var errb bytes.Buffer
		code := run(context.Background(), append([]string{"rawcap"}, args...), strings.NewReader(""), full, &errb)
		if code != 1 || !strings.Contains(errb.String(), "no space left on device") {
			t.Errorf("rawcap %q >/dev/full = %d, stderr %q; want 1 and the write error", args, code, errb.String())
		}
	}
}
