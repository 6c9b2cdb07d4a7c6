package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/urfave/cli/v2"
)

func TestPermute(t *testing.T) {
	flags := []cli.Flag{
		&cli.BoolFlag{Name: "t", Count: new(int)}, &cli.BoolFlag{Name: "v", Count: new(int)},
		&cli.BoolFlag{Name: "json"}, &cli.IntFlag{Name: "c"}, &cli.StringFlag{Name: "F"},
		&cli.StringFlag{Name: "after"},
	}
	for _, tc := range []struct {
		name string
		in   []string
		want []string
	}{
		{"already in order", []string{"-tt", "f.pcap", "icmp"}, []string{"-tt", "f.pcap", "icmp"}},
		{"option with value after files", []string{"-tt", "f.pcap", "-F", "e.txt"}, []string{"-tt", "-F", "e.txt", "f.pcap"}},
		{"option after filter words", []string{"f.pcap", "tcp", "port", "80", "-c", "5"}, []string{"-c", "5", "f.pcap", "tcp", "port", "80"}},
		{"bool cluster", []string{"f.pcap", "-vvt"}, []string{"-vvt", "f.pcap"}},
		{"long with =", []string{"a", "b", "--after=2026-01-01T00:00:00Z"}, []string{"--after=2026-01-01T00:00:00Z", "a", "b"}},
		{"dash alone is an argument", []string{"-", "out.pcap", "--json"}, []string{"--json", "-", "out.pcap"}},
		{"unknown dash words stay in the filter", []string{"f", "len", "-1"}, []string{"f", "len", "-1"}},
		{"double dash ends options", []string{"f", "--", "-c"}, []string{"f", "--", "-c"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, permute(tc.in, flags)); diff != "" {
				t.Errorf("permute(%q) (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}
