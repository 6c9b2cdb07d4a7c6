package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// tcpdumpCount counts the packets tcpdump -r FILE EXPR prints.
func tcpdumpCount(t *testing.T, file, expr string) int {
	t.Helper()
	out, err := exec.Command("tcpdump", "-nr", file, expr).Output()
	if err != nil {
		t.Fatalf("tcpdump -r %s %q: %v", file, expr, err)
	}
	return strings.Count(string(out), "\n")
}

func TestFilterToFileMatchesTcpdump(t *testing.T) {
	if _, err := exec.LookPath("tcpdump"); err != nil {
		t.Skip("skipping: tcpdump is not installed")
	}
	demo := filepath.Join("..", "..", "testdata", "demo.pcap")
	dir := t.TempDir()
	for _, expr := range []string{"udp port 53", "icmp or arp", "tcp[tcpflags] & tcp-syn != 0", "vlan and tcp", "ip6"} {
		want := tcpdumpCount(t, demo, expr)
		for _, args := range [][]string{
			{"convert", demo, filepath.Join(dir, "c.pcapng"), expr},
			{"-r", demo, "-w", filepath.Join(dir, "r.pcap"), expr},
		} {
			if code, _, errs := rawcapRun(t, "", args...); code != 0 {
				t.Fatalf("rawcap %q: exit %d: %s", args, code, errs)
			}
			out := args[len(args)-2]
			if got := tcpdumpCount(t, out, ""); got != want {
				t.Errorf("rawcap %q wrote %d packets; tcpdump selects %d", args, got, want)
			}
		}
	}
}

func TestFilterErrors(t *testing.T) {
	demo := filepath.Join("..", "..", "testdata", "demo.pcap")
	out := filepath.Join(t.TempDir(), "x.pcap")
	for _, tc := range []struct {
		args     []string
		code     int
		contains string
	}{
		{[]string{"convert", demo, out, "udp port"}, 2, "syntax error at column"},
		{[]string{"read", demo, "tcp and ("}, 2, "syntax error at column"},
		{[]string{"convert", demo, out, "ip6 and arp"}, 1, "expression rejects all packets"},
	} {
		code, _, errs := rawcapRun(t, "", tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.contains) {
			t.Errorf("rawcap %q: exit %d, stderr %q; want exit %d and %q", tc.args, code, errs, tc.code, tc.contains)
		}
	}
}
