package decode_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// Bounds that keep the corpus-wide tree comparison to a few minutes cold
// (tshark -V is slow) and seconds warm.
const (
	treeCorpusMaxSize   = 2 << 20 // larger captures are skipped
	treeCorpusMaxFrames = 1000    // frames compared per capture
)

// treeCorpusAllow lists the captures whose trees may hold lines tshark does
// not print, each with the reason. Keep it short.
var treeCorpusAllow = map[string]string{
	"tcpdump/tests_bgp-shutdown-communication.pcapng":          "a TCP retransmission (frame 2): tshark does not hand retransmitted bytes to BGP, rawcap decodes them",
	"gopacket/layers_testdata_linux_sll_oversized_addr.pcapng": "TCP analysis flags (tcp_analysis.go, H1)",
	"gopacket/pcapgo_tests_le_test301.pcapng":                  "TLS records after a ChangeCipherSpec, which tshark decrypts with the keys the capture embeds",
	"libpcap/tests_filter_AH-IPcomp-IPv6.pcap":                 "TCP analysis over AH: tshark inflates the IPComp-compressed segments rawcap leaves as data, so its stream sees more segments",
	"tcpdump/tests_LINKTYPE_IPV4_invalid.pcap":                 "IPv4 with a bogus total length: tshark draws the fields and a 'Bogus IP length' expert, rawcap only the title",
	"tcpdump/tests_ipv4_invalid_length.pcap":                   "IPv4 with a bogus total length (as above)",
	"tcpdump/tests_ipv4_invalid_total_length_2.pcap":           "IPv4 with a bogus total length (as above)",
	"tcpdump/tests_accecn_handshake.pcap":                      "TCP AccECN flag names (tcp.go, H1)",
	"tcpdump/tests_bigtcp-ipv4-geneve-ipv6.pcap":               "IPv4 total length 0 (TSO): tshark words it differently",
	"tcpdump/tests_bigtcp-ipv4-vxlan-ipv6.pcap":                "IPv4 total length 0 (TSO), as above",
	"tcpdump/tests_bigtcp-ipv6.pcap":                           "TCP over an IPv6 jumbogram (tcp.go, H1)",
	"tcpdump/tests_dns-badlabel.pcap":                          "DNS name with a bad label: tshark stops differently",
	"tcpdump/tests_icmp-icmp_print-oobr-1.pcap":                "truncated ICMP: tshark dissects the quoted bytes as VRRP",
	"tcpdump/tests_ip_ts_opts_asan.pcap":                       "truncated ICMP inside IPv4 with options",
	"tcpdump/tests_icmpv6-length-zero.pcapng":                  "ICMPv6 in an IPv6 packet whose payload length is 0",
	"tcpdump/tests_ipv6_jumbogram_1.pcap":                      "IPv6 jumbogram: tshark words the zero payload length differently",
	"tcpdump/tests_quic_32_bit_pointer_overflow.pcap":          "IPv6 jumbogram, as above",
	"tcpdump/tests_rx_serviceid_oobr.pcap":                     "record time with microseconds over 1e6: tshark prints them unnormalised",
	"tcpdump/tests_timestamp_invalid_micro.pcap":               "record time with microseconds over 1e6, as above",
	"tcpdump/tests_tcp_rst_data-trunc.pcap":                    "data in a TCP reset: tshark shows a reset cause (tcp.go, H1)",
	"tcpdump/tests_tcp_rst_data.pcap":                          "data in a TCP reset, as above",
	"tcpdump/tests_tcp_rst_diag_payload-trunc.pcap":            "data in a TCP reset, as above",
	"tcpdump/tests_tcp_rst_diag_payload.pcap":                  "data in a TCP reset, as above",
}

// treeCorpusAllowLines lists kinds of lines, by their start once the
// indentation is removed, that may differ from tshark, with the reason and
// who owns them. A line of another kind that tshark does not print fails
// the test.
var treeCorpusAllowLines = []struct{ prefix, reason string }{
	{"Generic Routing Encapsulation", "a GRE header cut short (tcpdump/tests_gre-heapoverflow-2.pcap): rawcap draws the bare title"},
	{"Arrival Time: Jan  1, 0001", "pcapng simple packet blocks have no time; tshark prints its own placeholder"},
	{"Epoch Time: ", "the same frames without a time"},
	{"[Time ", "the same frames without a time"},
	{"[Time delta", "the same frames without a time"},
	{"Transmission Control Protocol", "TCP tree (tcp.go, H1)"},
	{"User Datagram Protocol", "UDP tree (udp.go, H1)"},
	{"UDP payload (", "UDP tree (udp.go, H1): tshark leaves it out when a UDP length lies"},
	{"TCP payload (", "TCP tree (tcp.go, H1)"},
	{"Options: (", "TCP options (tcp.go, H1)"},
	{"TCP Option - ", "TCP options (tcp.go, H1)"},
	{"Kind: ", "TCP options (tcp.go, H1)"},
	{"Length: ", "UDP length and TCP option lengths (tcp.go, H1)"},
	{"Checksum: ", "UDP and TCP checksums (tcp.go, H1)"},
	{"[Checksum Status: ", "UDP and TCP checksums (tcp.go, H1)"},
	{"Flags: 0x", "TCP flags (tcp.go, H1)"},
	{"Protocol Type: ", "GRE tree (gre_print.go)"},
}

func treeLineAllowed(line string) bool {
	line = strings.TrimLeft(line, " ")
	for _, a := range treeCorpusAllowLines {
		if strings.HasPrefix(line, a.prefix) {
			return true
		}
	}
	return false
}

// TestTreeCorpusMatchesTshark holds the -V tree to tshark -n -V on every
// corpus capture whose link type rawcap decodes: every line rawcap prints
// must be a line tshark prints for that frame, in order (the frame's
// protocol list is left out: it names protocols rawcap does not dissect as
// data). Lines tshark prints and rawcap does not are counted, not failed:
// analysis lines appear as they are implemented. tshark's output is cached
// under the user's cache directory, keyed by the file's hash and tshark's
// version.
func TestTreeCorpusMatchesTshark(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus-wide tshark comparison skipped in -short mode")
	}
	testshared.Oracle(t, "tshark")
	version, err := exec.Command("tshark", "--version").Output()
	if err != nil {
		t.Fatalf("tshark --version: %v", err)
	}
	version = []byte(strings.SplitN(string(version), "\n", 2)[0])
	corpus := filepath.Join(readSharedDir(t), "corpus")
	var files []string
	for _, pat := range []string{corpusGlob() + ".pcap", corpusGlob() + ".pcapng"} {
		m, _ := filepath.Glob(filepath.Join(corpus, pat))
		files = append(files, m...)
	}
	sort.Strings(files)
	var todo []string
	skippedBig := 0
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			continue
		}
		if st.Size() > treeCorpusMaxSize {
			skippedBig++
			continue
		}
		if treeDecodesFile(f) {
			todo = append(todo, f)
		}
	}
	// tshark, two at a time.
	outs := make([][]byte, len(todo))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for k, f := range todo {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			outs[k] = tsharkTree(f, string(version))
		}()
	}
	wg.Wait()

	var sum treeCorpusSum
	for k, f := range todo {
		rel, _ := filepath.Rel(corpus, f)
		if bytes.Contains(outs[k], []byte("\nPCAPNG Custom Block ")) || bytes.HasPrefix(outs[k], []byte("PCAPNG Custom Block ")) {
			// tshark counts custom blocks as frames: its numbers
			// are not the packets'.
			t.Logf("%s: skipped: tshark numbers its custom blocks as frames", rel)
			continue
		}
		sum.compare(t, rel, f, splitFrames(string(outs[k])))
	}
	t.Logf("%d captures compared (%d over %d bytes skipped, at most %d frames each): %d frames, "+
		"%d data blocks tshark dissects further left out, %d other rawcap lines of which %d match; tshark printed %d lines (%.1f%% printed identically by rawcap)",
		len(todo), skippedBig, treeCorpusMaxSize, treeCorpusMaxFrames, sum.frames, sum.undissected, sum.mine, sum.matched,
		sum.theirs, 100*float64(sum.matched)/float64(max(sum.theirs, 1)))
	t.Logf("%d unmatched lines of the kinds treeCorpusAllowLines lists", sum.allowed)
	type kv struct {
		k string
		n int
	}
	var bad []kv
	for k, n := range sum.bad {
		bad = append(bad, kv{k, n})
	}
	sort.Slice(bad, func(i, j int) bool { return bad[i].n > bad[j].n || bad[i].n == bad[j].n && bad[i].k < bad[j].k })
	for _, b := range bad[:min(len(bad), 40)] {
		t.Logf("%6d× %s", b.n, b.k)
	}
}

// treeDecodesFile reports whether the capture's first packet has a link
// type rawcap decodes.
func treeDecodesFile(path string) bool {
	r, err := pcapio.Open(path)
	if err != nil {
		return false
	}
	defer r.Close()
	p, err := r.Next()
	return err == nil && treeLinkDecoded(p.LinkType)
}

func treeLinkDecoded(lt linktype.Type) bool {
	switch lt {
	case linktype.Ethernet, linktype.LinuxSLL, linktype.LinuxSLL2, linktype.Null, linktype.Loop,
		linktype.Raw, linktype.IPv4, linktype.IPv6, 12, 14,
		linktype.IEEE802_11RT, linktype.IEEE802_11, linktype.PPP, 50, 104, 107, 7, 129, 271:
		return true
	}
	return false
}

// tsharkTree returns `TZ=UTC tshark -n -V -c N -r path`, cached.
func tsharkTree(path, version string) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	sum := sha256.Sum256(append(data, fmt.Sprint(version, treeCorpusMaxFrames)...))
	var cache string
	if dir, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(dir, "rawcap-tree-difftest", hex.EncodeToString(sum[:16])+".txt")
		if out, err := os.ReadFile(cache); err == nil {
			return out
		}
	}
	cmd := exec.Command("tshark", "-n", "-V", "-c", fmt.Sprint(treeCorpusMaxFrames), "-r", path)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, _ := cmd.Output() // a file cut short exits 2 after its good frames
	if cache != "" {
		if err := os.MkdirAll(filepath.Dir(cache), 0o755); err == nil {
			tmp := cache + ".tmp" + fmt.Sprint(os.Getpid())
			if os.WriteFile(tmp, out, 0o644) == nil {
				os.Rename(tmp, cache)
			}
		}
	}
	return out
}

type treeCorpusSum struct {
	frames, mine, matched, theirs int
	undissected                   int            // data blocks tshark dissects further
	allowed                       int            // unmatched lines of an allowed kind
	bad                           map[string]int // first unmatched line of a frame, digits masked → count
}

// compare prints the capture at path and compares each frame with
// tshark's.
func (s *treeCorpusSum) compare(t *testing.T, rel, path string, theirs []string) {
	if s.bad == nil {
		s.bad = map[string]int{}
	}
	r, err := pcapio.Open(path)
	if err != nil {
		return
	}
	defer r.Close()
	d := decode.NewDecoder()
	p := &decode.TreePrinter{Location: time.UTC}
	var buf []byte
	reported, unmatched := 0, 0
	for i := 0; i < len(theirs) && i < treeCorpusMaxFrames; i++ {
		pk, err := r.Next()
		if err != nil {
			break
		}
		if !treeLinkDecoded(pk.LinkType) {
			continue
		}
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length, Interface: pk.Interface}
		if ifs := r.Interfaces(); pk.Interface < len(ifs) {
			f.InterfaceName = ifs[pk.Interface].Name
		}
		f.Comment, _ = pk.Options.Comment()
		if ifs := r.Interfaces(); r.Format() == pcapio.FormatPcapNG && pk.Interface < len(ifs) {
			// As rawcap read fills them for -V.
			f.Section = ifs[pk.Interface].Section + 1
			f.InterfaceDescription = ifs[pk.Interface].Description
			f.Flags, f.HasFlags = pk.Options.Flags()
			f.Comments = pk.Options.Comments()
		}
		d.Decode(pk.Data, pk.LinkType)
		buf = p.Append(buf[:0], d, &f)
		want := strings.Split(theirs[i], "\n")
		s.frames++
		s.theirs += len(want)
		j := 0
		// Trimmed as splitFrames trims tshark's frame: a last line of
		// spaces alone (an empty item at the end of NTP's variables)
		// goes with the blank line after the frame.
		lines := strings.Split(strings.TrimSpace(string(buf)), "\n")
		for n := 0; n < len(lines); n++ {
			line := lines[n]
			if strings.HasPrefix(line, "    [Protocols in frame: ") {
				continue
			}
			if end := dataBlockEnd(lines, n); end > n && !contains(want[j:], line) {
				// Bytes rawcap leaves as data and tshark dissects as a
				// protocol rawcap does not know: not comparable.
				s.undissected++
				n = end - 1
				continue
			}
			s.mine++
			k := j
			for k < len(want) && want[k] != line && (k+1 < len(want) || want[k] != strings.TrimRight(line, " ")) {
				// splitFrames trims the frame's last line: tshark's
				// "String: " of an empty string ends in a space.
				k++
			}
			if k == len(want) {
				s.bad[maskDigits(line)]++
				unmatched++
				if treeLineAllowed(line) {
					s.allowed++
					continue
				}
				if _, ok := treeCorpusAllow[rel]; !ok && reported < 3 {
					reported++
					t.Errorf("%s frame %d: line %q is not in tshark's tree (in order)", rel, i+1, line)
				}
				continue // keep comparing the lines after it
			}
			s.matched++
			j = k + 1
		}
	}
	if why, ok := treeCorpusAllow[rel]; ok && unmatched > 0 {
		t.Logf("%s: %d lines allowed (%s)", rel, unmatched, why)
	}
}

// maskDigits replaces runs of hex-looking characters after a colon so that
// lines that differ only in values group together.
func maskDigits(s string) string {
	if len(s) > 6 && s[4] == ' ' && s[5] == ' ' && !strings.Contains(s[:4], " ") {
		return "hex dump line"
	}
	if i := strings.Index(s, ": "); i >= 0 && !strings.HasPrefix(strings.TrimSpace(s), "[Malformed") {
		return s[:i] + ": …"
	}
	return s
}

// dataBlockEnd returns the index after the "Data (N bytes)" block that
// starts at lines[n] (title, hex dump, bytes, length), or n if none does.
func dataBlockEnd(lines []string, n int) int {
	title := strings.TrimLeft(lines[n], " ")
	if !strings.HasPrefix(title, "Data (") || !strings.HasSuffix(title, "bytes)") && !strings.HasSuffix(title, "byte)") {
		return n
	}
	for k := n + 1; k < len(lines); k++ {
		if strings.HasPrefix(strings.TrimLeft(lines[k], " "), "[Length: ") {
			return k + 1
		}
	}
	return n
}

func contains(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}
