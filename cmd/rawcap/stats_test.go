package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rawcap/rawcap/internal/testshared"
)

const demoPcap = "../../testdata/demo.pcap"

// TestStatsOutputs runs every table in its three outputs on the demo
// capture: the text is tshark's layout, JSON and CSV hold the same rows.
func TestStatsOutputs(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		head  string // the text's start
		list  string // the JSON array of rows
		total string // a JSON field whose sum over the rows is every frame's count
	}{
		{[]string{"conv", "tcp"}, strings.Repeat("=", 80) + "\nTCP Conversations\nFilter:<No Filter>\n", "conversations", "frames"},
		{[]string{"conv", "eth"}, strings.Repeat("=", 80) + "\nEthernet Conversations\n", "conversations", "frames"},
		{[]string{"endpoints", "ip"}, strings.Repeat("=", 80) + "\nIPv4 Endpoints\n", "endpoints", "tx_frames"},
		{[]string{"endpoints", "udp"}, strings.Repeat("=", 80) + "\nUDP Endpoints\n", "endpoints", "tx_frames"},
		{[]string{"phs"}, "\n" + strings.Repeat("=", 67) + "\nProtocol Hierarchy Statistics\nFilter: \n\n", "protocols", "frames"},
		{[]string{"io", "--interval", "0.001"}, "\n=", "rows", ""},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			args := append(append([]string{"stats"}, tc.args...), demoPcap)
			code, text, errs := rawcapRun(t, "", args...)
			if code != 0 || !strings.HasPrefix(text, tc.head) {
				t.Fatalf("rawcap %q: exit %d, stderr %q, output:\n%s", args, code, errs, text)
			}
			code, js, errs := rawcapRun(t, "", append(args[:len(args):len(args)], "--json")...)
			if code != 0 {
				t.Fatalf("--json: exit %d: %s", code, errs)
			}
			var obj map[string]any
			if err := json.Unmarshal([]byte(js), &obj); err != nil {
				t.Fatalf("--json: %v\n%s", err, js)
			}
			rows, _ := obj[tc.list].([]any)
			if len(rows) == 0 {
				t.Fatalf("--json: no %s in %s", tc.list, js)
			}
			code, cs, errs := rawcapRun(t, "", append(args[:len(args):len(args)], "--csv")...)
			if code != 0 {
				t.Fatalf("--csv: exit %d: %s", code, errs)
			}
			recs, err := csv.NewReader(strings.NewReader(cs)).ReadAll()
			if err != nil {
				t.Fatalf("--csv: %v", err)
			}
			if tc.list != "protocols" && len(recs) != len(rows)+1 {
				t.Errorf("--csv has %d lines, --json %d %s: want a header and a line each", len(recs), len(rows), tc.list)
			}
			if tc.total != "" && tc.list != "protocols" {
				sum := 0.0
				for _, r := range rows {
					sum += r.(map[string]any)[tc.total].(float64)
				}
				if sum == 0 {
					t.Errorf("--json: the %s add up to nothing", tc.total)
				}
			}
		})
	}
}

// TestStatsPlots draws each chart as SVG and PNG and reads them back.
func TestStatsPlots(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"io", "--interval", "0.0005"},
		{"conv", "tcp", "--top", "5"},
		{"conv", "ip"},
	} {
		for _, ext := range []string{".svg", ".png"} {
			out := filepath.Join(dir, args[0]+ext)
			full := append(append([]string{"stats"}, args...), "--plot", out, demoPcap)
			if code, _, errs := rawcapRun(t, "", full...); code != 0 {
				t.Fatalf("rawcap %q: exit %d: %s", full, code, errs)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if ext == ".png" {
				img, err := png.Decode(bytes.NewReader(b))
				if err != nil {
					t.Fatalf("%s: %v", out, err)
				}
				if img.Bounds().Dx() != 960 {
					t.Errorf("%s is %d pixels wide, want 960", out, img.Bounds().Dx())
				}
				continue
			}
			d := xml.NewDecoder(bytes.NewReader(b))
			series := 0
			for {
				tok, err := d.Token()
				if err != nil {
					if err.Error() != "EOF" {
						t.Fatalf("%s: %v", out, err)
					}
					break
				}
				if se, ok := tok.(xml.StartElement); ok {
					for _, a := range se.Attr {
						if a.Name.Local == "class" && (a.Value == "series" || a.Value == "bar") {
							series++
						}
					}
				}
			}
			if series == 0 {
				t.Errorf("%s: no series or bar drawn", out)
			}
		}
	}
}

func TestStatsUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"stats"}, "which table?"},
		{[]string{"stats", "flows", demoPcap}, `"flows" is not a table`},
		{[]string{"stats", "conv", demoPcap}, "is not a type"},
		{[]string{"stats", "conv"}, "which type?"},
		{[]string{"stats", "conv", "sctp", demoPcap}, `"sctp" is not a type`},
		{[]string{"stats", "phs"}, "no capture file"},
		{[]string{"stats", "phs", "--json", "--csv", demoPcap}, "--json and --csv"},
		{[]string{"stats", "phs", "--plot", "x.svg", demoPcap}, "--plot draws io's graph"},
		{[]string{"stats", "io", "--plot", "x.jpg", demoPcap}, ".svg or .png"},
		{[]string{"stats", "io", "--interval", "-1", demoPcap}, "--interval -1"},
		{[]string{"stats", "io", "--interval", "soon", demoPcap}, "--interval soon"},
		{[]string{"stats", "phs", "--interval", "1", demoPcap}, "--interval is io's"},
		{[]string{"stats", "conv", "tcp", "--top", "3", demoPcap}, "--top"},
		{[]string{"stats", "conv", "tcp", "--max-entries", "0", demoPcap}, "--max-entries 0"},
		{[]string{"stats", "phs", demoPcap, "tcp", "port"}, "filter"},
	} {
		code, _, errs := rawcapRun(t, "", tc.args...)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("rawcap %q: exit %d, %q; want exit 2 and %q", tc.args, code, errs, tc.want)
		}
	}
}

// TestStatsDamaged cuts the demo capture in the middle of a packet: the
// tables of the packets before the damage are printed, then the error with
// the file and offset, and the exit status is 1.
func TestStatsDamaged(t *testing.T) {
	b, err := os.ReadFile(demoPcap)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(t.TempDir(), "cut.pcap")
	if err := os.WriteFile(cut, b[:len(b)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := rawcapRun(t, "", "stats", "conv", "ip", cut)
	if code != 1 || !strings.Contains(out, "IPv4 Conversations") || !strings.Contains(errs, "cut.pcap") || !strings.Contains(errs, "offset") {
		t.Errorf("exit %d, stderr %q, output:\n%s\nwant exit 1, the table, and the file and offset", code, errs, out)
	}
	if code, _, _ := rawcapRun(t, "", "stats", "phs", t.TempDir()); code != 1 {
		t.Errorf("a directory: exit %d, want 1", code)
	}
}

// TestStatsOverflow bounds the table to one conversation: the packets of
// the others are counted and reported, not dropped silently.
func TestStatsOverflow(t *testing.T) {
	code, out, errs := rawcapRun(t, "", "stats", "conv", "tcp", "--max-entries", "1", "--json", demoPcap)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var obj struct {
		Conversations []any
		Overflow      struct{ Frames, Bytes uint64 }
	}
	if err := json.Unmarshal([]byte(out), &obj); err != nil {
		t.Fatal(err)
	}
	if len(obj.Conversations) != 1 || obj.Overflow.Frames == 0 || obj.Overflow.Bytes == 0 {
		t.Errorf("%d conversations, overflow %+v: want 1 and the rest counted", len(obj.Conversations), obj.Overflow)
	}
	if !strings.Contains(errs, "beyond the bound of 1 conversations") {
		t.Errorf("stderr %q does not report the overflow", errs)
	}
}

// TestStatsCaptureFilter counts only what a trailing filter selects.
func TestStatsCaptureFilter(t *testing.T) {
	code, out, errs := rawcapRun(t, "", "stats", "phs", "--csv", demoPcap, "udp")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if strings.Contains(out, ":tcp,") || !strings.Contains(out, ":udp,") {
		t.Errorf("phs of 'udp' packets:\n%s", out)
	}
}

// TestStatsMatchesTshark compares the whole command's text with tshark's
// -q -z tables on the demo capture.
func TestStatsMatchesTshark(t *testing.T) {
	for _, tc := range []struct {
		args []string
		z    string
	}{
		{[]string{"conv", "tcp"}, "conv,tcp"},
		{[]string{"conv", "udp"}, "conv,udp"},
		{[]string{"conv", "eth"}, "conv,eth"},
		{[]string{"conv", "ip"}, "conv,ip"},
		{[]string{"conv", "ipv6"}, "conv,ipv6"},
		{[]string{"endpoints", "tcp"}, "endpoints,tcp"},
		{[]string{"endpoints", "ip"}, "endpoints,ip"},
		{[]string{"endpoints", "eth"}, "endpoints,eth"},
		{[]string{"phs"}, "io,phs"},
		{[]string{"io", "--interval", "0.001"}, "io,stat,0.001"},
		{[]string{"io", "--interval", "0.0005"}, "io,stat,0.0005"},
		{[]string{"io", "--interval", "0"}, "io,stat,0"},
	} {
		want := string(testshared.Tshark(t, "stats-cli", demoPcap, "-q", "-z", tc.z))
		_, got, _ := rawcapRun(t, "", append(append([]string{"stats"}, tc.args...), demoPcap)...)
		if got != want {
			t.Errorf("rawcap stats %s differs from tshark -z %s:\n--- tshark\n%s--- rawcap\n%s", strings.Join(tc.args, " "), tc.z, want, got)
		}
	}
}

// TestStatsPictures checks that the README's pictures are what rawcap
// draws from testdata/demo.pcap today; -update (make golden) redraws them.
func TestStatsPictures(t *testing.T) {
	for _, tc := range []struct {
		file string
		args []string
	}{
		{"../../docs/stats-io.svg", []string{"stats", "io", "--interval", "0.0002"}},
		{"../../docs/stats-conv.svg", []string{"stats", "conv", "tcp"}},
	} {
		out := filepath.Join(t.TempDir(), "x.svg")
		args := append(append(tc.args[:len(tc.args):len(tc.args)], "--plot", out), demoPcap)
		if code, _, errs := rawcapRun(t, "", args...); code != 0 {
			t.Fatalf("rawcap %q: exit %d: %s", args, code, errs)
		}
		got, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if *updateReadGolden {
			if err := os.WriteFile(tc.file, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatalf("%v (make golden draws it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not what `rawcap %s` draws: run make golden", tc.file, strings.Join(args, " "))
		}
	}
}
