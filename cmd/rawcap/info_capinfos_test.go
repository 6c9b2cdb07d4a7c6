package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rawcap/rawcap/internal/testshared"
)

// capinfosDiffers lists the corpus files where capinfos' numbers are not the
// file's, with the reason; rawcap is not compared with it on them.
var capinfosDiffers = map[string]string{
	"tests_atm-oam-heapoverflow.pcap":    "a packet longer than the snapshot length: capinfos caps the length it reports",
	"tests_bgp_vpn_rt-oobr.pcap":         "times before 1970 and after 2106: capinfos prints negative fractions",
	"tests_rx_serviceid_oobr.pcap":       "a negative microsecond field: capinfos prints it as it is",
	"tests_timestamp_invalid_micro.pcap": "a microsecond field of 1000000: capinfos prints seven digits",
	"pcapgo_tests_be_test017.pcapng":     "capinfos sees a record of unknown time in a file without packets",
	"pcapgo_tests_le_test017.pcapng":     "capinfos sees a record of unknown time in a file without packets",
	"output_be_basic_test017.pcapng":     "capinfos sees a record of unknown time in a file without packets",
	"output_le_basic_test017.pcapng":     "capinfos sees a record of unknown time in a file without packets",
}

// TestInfoCapinfosCorpus runs capinfos' script flags on every corpus file
// through rawcap info and capinfos and wants the same output, byte for byte,
// wherever capinfos reads the file (rawcap reads more: damaged files, link
// types Wireshark does not know).
func TestInfoCapinfosCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the capinfos comparison in -short mode")
	}
	if _, err := exec.LookPath("capinfos"); err != nil {
		t.Skip("skipping: capinfos is not installed (Debian package tshark)")
	}
	corpus := testshared.Path(t, "corpus")
	var files []string
	for _, pat := range []string{"*/*.pcap", "*/*.pcapng", "*/*.cap"} {
		m, _ := filepath.Glob(filepath.Join(corpus, pat))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("skipping: no capture files in ", corpus)
	}
	fields := []string{"-t", "-E", "-l", "-c", "-s", "-d", "-u", "-a", "-e", "-y", "-i", "-z", "-x", "-H", "-o", "-k"}
	flagSets := [][]string{
		{"-T", "-M"},
		{"-T", "-r", "-m", "-Q", "-c", "-a", "-u"},
		fields,
		append([]string{"-M"}, fields...),
		{"-S", "-a", "-e"},
	}
	t.Chdir(corpus) // file names print as capinfos prints them
	compared := 0
	for _, f := range files {
		if _, skip := capinfosDiffers[filepath.Base(f)]; skip {
			continue
		}
		rel, _ := filepath.Rel(corpus, f)
		for _, flags := range flagSets {
			args := append(append([]string{}, flags...), rel)
			cmd := exec.Command("capinfos", args...)
			cmd.Dir = corpus
			want, err := cmd.Output()
			if err != nil {
				break // capinfos cannot read it; rawcap's own tests cover it
			}
			code, got, stderr := rawcapRun(t, "", append([]string{"info"}, args...)...)
			if code != 0 {
				t.Errorf("rawcap info %q = %d: %s", args, code, stderr)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("rawcap info %s (-capinfos +rawcap):\n%s", strings.Join(args, " "), diff)
			}
			compared++
		}
	}
	t.Logf("%d files, %d comparisons with capinfos", len(files), compared)
}
