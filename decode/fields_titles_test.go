package decode_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/pcapio"
)

// titlesAllow lists the captures (and protocols) whose titles may differ
// from tshark's, with the reason: each is a -V line that differs too.
var titlesAllow = map[string]string{
	"tcpdump/tests_bgp_mvpn_6_and_7_oobr.pcap bgp":      "a message of unknown type after an UPDATE: tshark titles it, rawcap stops at it",
	"tcpdump/tests_dhcpv6-mud.pcap dhcpv6":              "a relay message's inner message: tshark adds a second dhcpv6 item, rawcap's tree draws it inside the first",
	"tcpdump/tests_icmp-icmp_print-oobr-1.pcap icmp":    "a crafted ICMP message tshark draws only as malformed",
	"tcpdump/tests_ip_ts_opts_asan.pcap icmp":           "a crafted ICMP message tshark draws only as malformed",
	"tcpdump/tests_ipv4_invalid_total_length_2.pcap ip": "a total length below the header's: tshark stops before the title's addresses",
	"tcpdump/tests_tcp_header_heapoverflow.pcap tcp":    "a header cut short: tshark titles the ports it read, rawcap's tree draws the name",
	"tcpdump/tests_udp-length-heapoverflow.pcap udp":    "a header cut short: tshark titles the ports it read, rawcap's tree draws the name",
}

// protocolNames lists every protocol rawcap decodes, each name once.
func protocolNames() []string {
	var names []string
	seen := map[string]bool{}
	for _, p := range decode.Protocols() {
		if n := p.Protocol.Name; !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	return names
}

// titleLines prints the named fields of every packet of the capture at
// path as rawcap read -T fields does (the frames described as it describes
// them), a line each.
func titleLines(t *testing.T, path string, names []string, titles bool) []string {
	p, err := decode.NewFieldsPrinter(names)
	if err != nil {
		t.Fatal(err)
	}
	p.Location, p.Titles = time.UTC, titles
	r, err := pcapio.Open(path)
	if err != nil {
		return nil
	}
	defer r.Close()
	d := decode.NewDecoder()
	var lines []string
	var buf []byte
	for i := 0; ; i++ {
		pk, err := r.Next()
		if err != nil {
			break
		}
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length, Interface: pk.Interface}
		if ifs := r.Interfaces(); pk.Interface < len(ifs) {
			f.InterfaceName = ifs[pk.Interface].Name
			if r.Format() == pcapio.FormatPcapNG {
				f.Section = ifs[pk.Interface].Section + 1
				f.InterfaceDescription = ifs[pk.Interface].Description
				f.Flags, f.HasFlags = pk.Options.Flags()
			}
		}
		d.Decode(pk.Data, pk.LinkType)
		buf = p.Append(buf[:0], d, &f)
		lines = append(lines, strings.TrimSuffix(string(buf), "\n"))
	}
	return lines
}

// TestProtocolTitlesMatchTshark asks -T fields for each protocol rawcap
// finds in each corpus capture (-e ip) and compares what it prints with
// tshark -n -T fields: the protocol's tree title ("Internet Protocol
// Version 4, Src: …, Dst: …"), or its name where tshark's item has no
// title of its own, or the bytes of "data".
func TestProtocolTitlesMatchTshark(t *testing.T) {
	version := tsharkVersion(t)
	all := protocolNames()
	files := loadCorpus(t)
	type job struct {
		cf    *corpusFile
		names []string
		mine  []string
		out   []byte
	}
	jobs := make([]*job, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for k, cf := range files {
		j := &job{cf: cf}
		jobs[k] = j
		present := map[int]bool{}
		for _, line := range titleLines(t, cf.path, all, true) {
			for c, v := range strings.Split(line, "\t") {
				if v != "" {
					present[c] = true
				}
			}
		}
		for c, n := range all {
			if present[c] {
				j.names = append(j.names, n)
			}
		}
		if len(j.names) == 0 {
			continue
		}
		// frame.protocols last: packets whose protocols differ (counted
		// by TestProtocolsMatchTshark) are not compared.
		j.names = append(j.names, "frame.protocols")
		j.mine = titleLines(t, cf.path, j.names, true)
		args := []string{"-n", "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a"}
		for _, n := range j.names {
			args = append(args, "-e", n)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			j.out = tsharkCached("titles", cf.path, version, args...)
		}()
	}
	wg.Wait()
	type count struct{ agree, fewer, onlyTshark, differ, allowed int }
	skipped := 0
	per := map[string]*count{}
	first := map[string]string{}
	var sum count
	for _, j := range jobs {
		if len(j.names) == 0 {
			continue
		}
		theirs := strings.Split(strings.TrimSuffix(string(j.out), "\n"), "\n")
		if len(theirs) != len(j.mine) {
			continue // custom blocks counted as frames, or a file tshark stops early
		}
		for i := range theirs {
			their, mine := strings.Split(theirs[i], "\t"), strings.Split(j.mine[i], "\t")
			if len(their) != len(j.names) || len(mine) != len(j.names) {
				continue
			}
			if last := len(j.names) - 1; mine[last] != their[last] {
				skipped++
				continue
			}
			for c, n := range j.names[:len(j.names)-1] {
				if per[n] == nil {
					per[n] = &count{}
				}
				a, b := mine[c], their[c]
				switch {
				case a == b && a == "":
				case a == b:
					per[n].agree++
					sum.agree++
				case a == "":
					per[n].onlyTshark++
					sum.onlyTshark++
				case strings.HasPrefix(b, a+","):
					// tshark has more items of the protocol: a BGP message
					// of unknown type, a DHCPv6 relay's inner message.
					per[n].fewer++
					sum.fewer++
				case n == "data" && b == "":
					// Bytes rawcap leaves as Data where tshark dissects
					// further (DECnet, RSVP's other objects, Mobile IPv6's
					// cut options): the protocol gaps the -V test counts.
					per[n].allowed++
					sum.allowed++
				case titlesAllow[j.cf.name+" "+n] != "":
					per[n].allowed++
					sum.allowed++
				default:
					per[n].differ++
					sum.differ++
					if _, ok := first[n]; !ok {
						first[n] = fmt.Sprintf("%s frame %d: rawcap %.120q, tshark %.120q", j.cf.name, i+1, a, b)
					}
				}
			}
		}
	}
	var lines []string
	for n, c := range per {
		lines = append(lines, fmt.Sprintf("%-16s %6d agree %3d fewer %5d only tshark %3d allowed", n, c.agree, c.fewer, c.onlyTshark, c.allowed))
		if c.differ > 0 {
			t.Errorf("%s: %d titles differ from tshark's; first: %s", n, c.differ, first[n])
		}
	}
	sort.Strings(lines)
	for _, l := range lines {
		t.Log(l)
	}
	t.Logf("protocol titles: %d agree, %d where tshark has more, %d only tshark has, %d allow-listed, %d differ (%d packets whose frame.protocols differ not compared)", sum.agree, sum.fewer, sum.onlyTshark, sum.allowed, sum.differ, skipped)
}

// TestProtocolTitlesKeepValues checks that asking for a protocol's title
// (Titles: a second list is filled as the tree's) leaves every field's
// values as they are without it: on every corpus capture, every field
// rawcap decodes (some of them protocols inside others), printed without
// Titles and with Titles and -e frame beside them.
func TestProtocolTitlesKeepValues(t *testing.T) {
	names := rawcapFieldNames()
	files := loadCorpus(t)
	differ := 0
	for k, cf := range files {
		if testing.Short() && k%6 != 0 {
			continue // the quick loop checks a sixth of the captures, CI every one
		}
		plain := titleLines(t, cf.path, names, false)
		titled := titleLines(t, cf.path, append(names[:len(names):len(names)], "frame"), true)
		for i := range plain {
			if i >= len(titled) {
				t.Fatalf("%s: %d lines with titles, %d without", cf.name, len(titled), len(plain))
			}
			want := plain[i]
			got, _, _ := strings.Cut(titled[i], "\tFrame ")
			if got == want {
				continue
			}
			if differ++; differ <= 5 {
				a, b := strings.Split(want, "\t"), strings.Split(got, "\t")
				for c := range a {
					if c < len(b) && a[c] != b[c] {
						t.Errorf("%s frame %d: %s is %.100q with titles, %.100q without", cf.name, i+1, names[c], b[c], a[c])
						break
					}
				}
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d packets' values change when a protocol's title is asked for", differ)
	}
}

// TestEKTitlesMatchTshark holds -T ek -e PROTO (a protocol's title beside
// a field's values) to tshark's on the demo capture.
func TestEKTitlesMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	path := filepath.Join(repoRoot(t), "testdata", "demo.pcap")
	names := []string{"frame", "eth", "ip", "tcp", "udp", "dns", "tls", "http", "tcp.srcport", "ip.dst"}
	args := []string{"-n", "-r", path, "-T", "ek"}
	for _, n := range names {
		args = append(args, "-e", n)
	}
	cmd := exec.Command("tshark", args...)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	want, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark %v: %v", args, err)
	}
	r, err := pcapio.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	p := &decode.EKPrinter{Fields: names, Location: time.UTC}
	d := decode.NewDecoder()
	var got []byte
	for i := 0; ; i++ {
		pk, err := r.Next()
		if err != nil {
			break
		}
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length, Interface: pk.Interface}
		d.Decode(pk.Data, pk.LinkType)
		got = p.Append(got, d, &f)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("-T ek -e PROTO: tshark (-want) vs rawcap (+got):\n%s", diff)
	}
}
