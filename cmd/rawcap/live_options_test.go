package main

import (
	"strings"
	"testing"
)

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"500M": 500e6, "20G": 20e9, "1T": 1e12, "1.5G": 1.5e9, "64k": 64e3, "100": 100e6,
		"2GiB": 2 << 30, "512Mi": 512 << 20, "10GB": 10e9,
	} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "G", "10X", "-1G", "1..2M"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) accepted", in)
		}
	}
}

// TestLiveUsageErrors: the rotation options that make no sense together
// are refused with exit 2 and the reason, before any capture starts.
func TestLiveUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-i", "lo", "-w", "x.pcap", "--align"}, "give -G SECONDS"},
		{[]string{"-i", "lo", "-w", "x.pcap", "--max-files", "3"}, "limit the files of -C or -G"},
		{[]string{"-i", "lo", "-w", "x.pcap", "-G", "60", "-W", "3", "--max-files", "3"}, "use it or --max-files"},
		{[]string{"-i", "lo", "-w", "x.pcap", "-G", "60", "--max-size", "lots"}, "--max-size"},
		{[]string{"-i", "lo", "--merge-window", "-1s"}, "--merge-window"},
		{[]string{"-i", "lo", "-w", "x.pcap", "--format", "erf"}, "want pcap or pcapng"},
		{[]string{"--ip-socket", "sctp"}, "unknown protocol \"sctp\""},
		{[]string{"--ip-socket", "udp", "-i", "lo", "-i", "eth0"}, "one interface"},
		{[]string{"--ip-socket", "udp", "--fanout", "2"}, "--fanout"},
		{[]string{"--ip-socket", "udp", "-Q", "out"}, "-Q"},
	} {
		code, _, stderr := rawcapRun(t, "", tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("rawcap %s: exit %d, %q; want exit 2 and %q", strings.Join(tc.args, " "), code, stderr, tc.want)
		}
	}
}
