package main

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/urfave/cli/v2"
)

func TestPermute(t *testing.T) {
	flags := []cli.Flag{
		&cli.BoolFlag{Name: "t", Count: new(int)}, &cli.BoolFlag{Name: "v", Count: new(int)},
		&cli.BoolFlag{Name: "json"}, &cli.IntFlag{Name: "c"}, &cli.StringFlag{Name: "F"},
		&cli.StringFlag{Name: "after"}, &cli.StringFlag{Name: "w"}, &cli.StringFlag{Name: "i"},
		&cli.BoolFlag{Name: "n"}, &cli.BoolFlag{Name: "X", Count: new(int)}, &cli.BoolFlag{Name: "#"},
	}
	for _, tc := range []struct {
		name string
		in   []string
		want []string
	}{
		{"already in order", []string{"-tt", "f.pcap", "icmp"}, []string{"-t", "-t", "f.pcap", "icmp"}},
		{"option with value after files", []string{"-tt", "f.pcap", "-F", "e.txt"}, []string{"-t", "-t", "-F", "e.txt", "f.pcap"}},
		{"option after filter words", []string{"f.pcap", "tcp", "port", "80", "-c", "5"}, []string{"-c", "5", "f.pcap", "tcp", "port", "80"}},
		{"bool cluster", []string{"f.pcap", "-vvt"}, []string{"-v", "-v", "-t", "f.pcap"}},
		{"value attached", []string{"-c1", "-w-", "-ieth0", "-Fe.txt"}, []string{"-c", "1", "-w", "-", "-i", "eth0", "-F", "e.txt"}},
		{"cluster ending in a value", []string{"-nnvvc5", "tcp"}, []string{"-n", "-n", "-v", "-v", "-c", "5", "tcp"}},
		{"cluster whose value is the next word", []string{"icmp", "-nc", "5"}, []string{"-n", "-c", "5", "icmp"}},
		{"value that looks like a cluster", []string{"-w", "-nX", "-tttt"}, []string{"-w", "-nX", "-t", "-t", "-t", "-t"}},
		{"attached value keeps its letters", []string{"-iveth-a", "-#"}, []string{"-i", "veth-a", "-#"}},
		{"hex and ASCII twice", []string{"-nnXX"}, []string{"-n", "-n", "-X", "-X"}},
		{"long name with one dash", []string{"f", "-json"}, []string{"-json", "f"}},
		{"unknown letter after a known one is reported", []string{"-nk", "f"}, []string{"-n", "-k", "f"}},
		{"name=value", []string{"f", "-c=3"}, []string{"-c=3", "f"}},
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

// TestRepeatedInterfaceFlag: -i repeats in every form getopt allows, and
// keeps its order.
func TestRepeatedInterfaceFlag(t *testing.T) {
	var got []string
	app := newApp(&env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard})
	app.Action = func(c *cli.Context) error { got = c.StringSlice("i"); return nil }
	args := []string{"rawcap", "-ieth0", "-n", "tcp", "-i", "2", "--interface", "any", "-nni", "lo"}
	if err := app.RunContext(context.Background(), permuteArgs(app, args)); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"eth0", "2", "any", "lo"}, got); diff != "" {
		t.Errorf("-i values (-want +got):\n%s", diff)
	}
}
