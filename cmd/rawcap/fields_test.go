package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
)

func TestTsharkFieldArgs(t *testing.T) {
	for _, tc := range []struct {
		name     string
		in, want []string
	}{
		{"tcpdump's -e stays", []string{"rawcap", "read", "-e", "f.pcap"}, []string{"rawcap", "read", "-e", "f.pcap"}},
		{"fields", []string{"rawcap", "read", "-T", "fields", "-e", "ip.src", "-e", "tcp.port", "-E", "header=y", "f.pcap"},
			[]string{"rawcap", "read", "-T", "fields", "--field", "ip.src", "--field", "tcp.port", "--field-opt", "header=y", "f.pcap"}},
		{"attached", []string{"rawcap", "read", "-Tfields", "-eip.src", "-Eseparator=,", "f.pcap"},
			[]string{"rawcap", "read", "-Tfields", "--field", "ip.src", "--field-opt", "separator=,", "f.pcap"}},
		{"ek", []string{"rawcap", "-r", "f.pcap", "-T", "ek", "-e", "ip.src"},
			[]string{"rawcap", "-r", "f.pcap", "-T", "ek", "--field", "ip.src"}},
		{"after --", []string{"rawcap", "read", "-T", "fields", "--", "-e"}, []string{"rawcap", "read", "-T", "fields", "--", "-e"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tsharkFieldArgs(tc.in)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadFieldsErrors(t *testing.T) {
	pcap := samplePcap(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"read", "-T", "fields", pcap}, "at least one -e NAME"},
		{[]string{"read", "-T", "fields", "-e", "mgcp.req.verb", pcap}, `field not decoded by rawcap: "mgcp.req.verb"`},
		{[]string{"read", "-T", "fields", "-e", "ip.src", "-E", "occurrence=x", pcap}, "occurrence=x"},
		{[]string{"read", "-T", "pdml", pcap}, "-T pdml"},
		{[]string{"read", "-T", "fields", "-e", "ip.src", "--json", pcap}, "--json and -T are different outputs"},
	} {
		code, _, errs := rawcapRun(t, "", tc.args...)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("rawcap %q: exit %d, %q; want exit 2 and %q", tc.args, code, errs, tc.want)
		}
	}
}

// TestReadFieldsMatchesTshark runs `rawcap read -T fields` with every field
// rawcap decodes, and with tshark's -E options, through the whole command
// on the sample, as pcap and as pcapng, and compares with tshark's output.
func TestReadFieldsMatchesTshark(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the comparison with tshark runs in CI")
	}
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Skip("tshark not installed")
	}
	time.Local = time.UTC
	us := samplePcap(t)
	ng := filepath.Join(t.TempDir(), "sample.pcapng")
	if code, _, errs := rawcapRun(t, "", "convert", us, ng); code != 0 {
		t.Fatalf("convert to pcapng: exit %d: %s", code, errs)
	}
	var all []string
	for _, p := range decode.Protocols() {
		for i := range p.Fields {
			all = append(all, "-e", p.Fields[i].Name)
		}
	}
	five := []string{"-e", "frame.number", "-e", "ip.src", "-e", "ip.dst", "-e", "tcp.dstport", "-e", "dns.qry.name"}
	for _, pcap := range []string{us, ng} {
		for _, opts := range [][]string{
			append([]string{"-T", "fields"}, all...),
			append([]string{"-T", "fields", "-E", "header=y", "-E", "separator=,", "-E", "quote=d", "-E", "occurrence=f"}, five...),
			append([]string{"-T", "fields", "-E", "separator=/s", "-E", "aggregator=/s", "-E", "occurrence=l"}, five...),
			append([]string{"-T", "ek"}, five...),
			// No packet shown: tshark still writes the header line.
			append([]string{"-T", "fields", "-E", "header=y", "-Y", "frame.number > 100000"}, five...),
		} {
			cmd := exec.Command("tshark", append([]string{"-n", "-r", pcap}, opts...)...)
			cmd.Env = append(os.Environ(), "TZ=UTC")
			want, err := cmd.Output()
			if err != nil {
				t.Fatalf("tshark: %v", err)
			}
			code, got, errs := rawcapRun(t, "", append(append([]string{"read"}, opts...), pcap)...)
			if code != 0 {
				t.Fatalf("rawcap read %q: exit %d: %s", opts[:min(len(opts), 8)], code, errs)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("%s: rawcap read %q (-tshark +rawcap):\n%s", filepath.Base(pcap), opts[:min(len(opts), 8)], diff)
			}
		}
	}
}

// TestReadEKMatchesTshark checks that every key `rawcap read -T ek` writes
// has tshark -T ek's value, on the sample (or the capture RAWCAP_EK_PCAP
// names).
func TestReadEKMatchesTshark(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the comparison with tshark runs in CI")
	}
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Skip("tshark not installed")
	}
	time.Local = time.UTC
	pcap := samplePcap(t)
	if p := os.Getenv("RAWCAP_EK_PCAP"); p != "" {
		pcap = p // another capture, to check a protocol the sample lacks
	}
	t.Run("sample", func(t *testing.T) { checkEKMatchesTshark(t, pcap) })
	// LLDP's system description holds newlines, which ek writes as the
	// text's own (JSON's \n), not as -T fields' escape.
	t.Run("lldp", func(t *testing.T) {
		checkEKMatchesTshark(t, testshared.Path(t, "corpus", "tcpdump", "tests_LLDP_and_CDP.pcap"))
	})
}

func checkEKMatchesTshark(t *testing.T, pcap string) {
	cmd := exec.Command("tshark", "-n", "-r", pcap, "-T", "ek")
	cmd.Env = append(os.Environ(), "TZ=UTC")
	want, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	code, got, errs := rawcapRun(t, "", "read", "-T", "ek", pcap)
	if code != 0 {
		t.Fatalf("rawcap read -T ek: exit %d: %s", code, errs)
	}
	res, ok := testshared.CompareEK([]byte(got), want)
	if !ok {
		t.Fatalf("tshark and rawcap wrote different numbers of lines")
	}
	for _, d := range res.Diffs {
		t.Error(d)
	}
	t.Logf("%d packets, %d keys written by rawcap, %d equal to tshark's", res.Packets, res.Keys, res.Agree)
}

// TestFieldsCommand checks `rawcap fields`: the listing and its tshark -G
// fields form.
func TestFieldsCommand(t *testing.T) {
	code, out, errs := rawcapRun(t, "", "fields", "ip")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "ip: Internet Protocol Version 4\n") || !strings.Contains(out, "ip.ttl") || strings.Contains(out, "tcp.") {
		t.Errorf("rawcap fields ip:\n%s", out)
	}
	code, out, _ = rawcapRun(t, "", "fields", "--tsv", "tcp")
	if code != 0 || !strings.Contains(out, "F\tSource Port\ttcp.srcport\tFT_UINT16\ttcp\tBASE_DEC\t0x0\t\n") {
		t.Errorf("rawcap fields --tsv tcp: exit %d:\n%s", code, out)
	}
	if code, _, errs := rawcapRun(t, "", "fields", "mgcp"); code != 2 || !strings.Contains(errs, `"mgcp" is not a protocol rawcap decodes`) {
		t.Errorf("rawcap fields mgcp: exit %d, %s", code, errs)
	}
}
