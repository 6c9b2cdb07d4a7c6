package main

import (
	"strings"
	"testing"
)

// TestTcpdumpOnlyFlags: a tcpdump flag rawcap does not take is a usage
// error that says what to do instead; other unknown flags keep urfave/cli's
// message.
func TestTcpdumpOnlyFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-I", "-i", "wlan0"}, "-I is tcpdump's, not a rawcap flag: rawcap does not switch an interface into monitor mode: do it first (iw dev wlan0 set type monitor"},
		{[]string{"-d", "tcp port 80"}, "-d is tcpdump's, not a rawcap flag: print a filter's BPF program with rawcap filter EXPRESSION"},
		{[]string{"read", "-K", "x.pcap"}, "-K is tcpdump's, not a rawcap flag"},
		{[]string{"-g", "-r", "x.pcap"}, "flag provided but not defined: -g"},
	} {
		code, _, errs := rawcapRun(t, "", c.args...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("rawcap %s: exit %d, %q; want 2 and %q", strings.Join(c.args, " "), code, errs, c.want)
		}
	}
	for name, hint := range tcpdumpOnly {
		if hint == "" || strings.HasSuffix(hint, ".") {
			t.Errorf("tcpdumpOnly[%q] = %q: want a hint without a final period", name, hint)
		}
	}
}
