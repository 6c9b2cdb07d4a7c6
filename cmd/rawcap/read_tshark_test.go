package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestReadSampleMatchesTshark holds -V and --columns to tshark -n through
// the whole command, the -V workers included: on the sample as recorded
// (microseconds), converted to nanoseconds (the Time column shows nine
// decimals) and converted to pcapng (the Frame tree gains the section and
// interface lines).
func TestReadSampleMatchesTshark(t *testing.T) {
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Skip("tshark not installed")
	}
	time.Local = time.UTC
	us := samplePcap(t)
	ns := filepath.Join(t.TempDir(), "sample-ns.pcap")
	if code, _, errs := rawcapRun(t, "", "convert", "--nano", us, ns); code != 0 {
		t.Fatalf("convert --nano: exit %d: %s", code, errs)
	}
	ng := filepath.Join(t.TempDir(), "sample.pcapng")
	if code, _, errs := rawcapRun(t, "", "convert", us, ng); code != 0 {
		t.Fatalf("convert to pcapng: exit %d: %s", code, errs)
	}
	for _, pcap := range []string{us, ns, ng} {
		for _, form := range []string{"-V", "--columns"} {
			t.Run(filepath.Base(pcap)+form, func(t *testing.T) { readMatchesTshark(t, pcap, form) })
		}
	}
	// With a display filter, the packets shown keep the whole capture's
	// context: times from its first frame, deltas from the frame before,
	// TCP numbers of the streams from their start.
	for _, expr := range []string{"tcp.len > 0 || icmp", "frame.number > 3 && tcp", "!arp && !tcp.flags.syn"} {
		for _, form := range []string{"-V", "--columns"} {
			t.Run("Y "+expr+form, func(t *testing.T) { readMatchesTshark(t, us, form, "-Y", expr) })
		}
	}
}

// readMatchesTshark checks that rawcap read FORM prints what tshark -n
// prints of pcap (its tree for -V, its packet list for --columns), byte for
// byte, and returns rawcap's output.
func readMatchesTshark(t *testing.T, pcap, form string, extra ...string) string {
	t.Helper()
	args := append([]string{"-n", "-r", pcap}, extra...)
	if form == "-V" {
		args = append(args, "-V")
	}
	cmd := exec.Command("tshark", args...)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	want, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	code, out, errs := rawcapRun(t, "", append(append([]string{"read", form}, extra...), pcap)...)
	if code != 0 {
		t.Fatalf("read %s: exit %d: %s", form, code, errs)
	}
	if diff := cmp.Diff(string(want), out); diff != "" {
		t.Errorf("rawcap read %s %s vs tshark -n (-tshark +rawcap):\n%s", form, filepath.Base(pcap), diff)
	}
	return out
}
