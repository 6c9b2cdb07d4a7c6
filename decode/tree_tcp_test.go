package decode_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// tcpAnalysisCaptures are corpus captures with TCP or UDP conversations,
// among them ones with retransmissions, duplicate ACKs, lost segments,
// window updates, keep-alives, FIN and RST, and MPTCP.
var tcpAnalysisCaptures = []string{
	"gopacket/layers_testdata_linux_sll_oversized_addr.pcapng",
	"gopacket/pcapgo_tests_le_test301.pcapng",
	"gopacket/pcap_test_loopback.pcap",
	"gopacket/layers_testdata_modbus-2.pcap",
	"gopacket/layers_testdata_ethernetIP.pcap",
	"tcpdump/tests_pptp.pcap",
	"tcpdump/tests_mptcp-v0.pcap",
	"tcpdump/tests_mptcp-aa-v1.pcap",
	"tcpdump/tests_kday4.pcap",
	"tcpdump/tests_ssh.pcap",
	"tcpdump/tests_of10_s4810.pcap",
	"tcpdump/tests_of10_inv_OFPST_FLOW.pcap",
	"tcpdump/tests_bgp-shutdown-communication.pcapng",
	"tcpdump/tests_bgp-lu-multiple-labels.pcap",
	"tcpdump/tests_accecn_handshake.pcap",
	"tcpdump/tests_resp_1_benchmark.pcap",
	"tcpdump/tests_resp_3_malicious.pcap",
	"tcpdump/tests_zmtp1.pcap",
	"tcpdump/tests_whois.pcap",
	"tcpdump/tests_dns_tcp.pcap",
	"tcpdump/tests_geneve.pcap",
	"tcpdump/tests_tcp_rst_data.pcap",
	"tcpdump/tests_dns_udp_8053.pcap",
	"tcpdump/tests_dns-zlip-1.pcap",
	"tcpdump/tests_ntp-control.pcap",
	"libpcap/tests_filter_arcnet-rfc1051-arp-icmp-http.pcap",
	"libpcap/tests_filter_AH-IPcomp-IPv6.pcap",
	"tcpdump/tests_of10_7050q.pcapng",
	"tcpdump/tests_bgp-enhanced-route-refresh-subtype.pcapng",
	"tcpdump/tests_bgp-rt-prefix.pcap",
	"tcpdump/tests_nfs-write-verf-cookie.pcapng",
	"tcpdump/tests_telnet-iac-check-oobr.pcap",
	"tcpdump/tests_tcp_rst_diag_payload.pcap",
	"tcpdump/tests_scps_invalid.pcap",
	"tcpdump/tests_resp_2_inline.pcap",
	"tcpdump/tests_lspping-fec-ldp.pcap",
}

// tcpAnalysisKnown lists the captures where rawcap is known to print
// analysis lines tshark does not, with the reason; their differences are
// logged instead of failing the test.
var tcpAnalysisKnown = map[string]string{
	"libpcap/tests_filter_AH-IPcomp-IPv6.pcap": "TCP over AH then IPComp: tshark inflates the compressed segments rawcap leaves as data, so its stream sees segments rawcap does not (and its completeness differs)",
}

// analysisLine returns the category of one of tshark's TCP/UDP analysis
// lines (its label, or the message of a Sequence expert info, digits
// replaced by N), or "" for any other line.
func analysisLine(line string) string {
	s := strings.TrimSpace(line)
	if strings.HasPrefix(s, "[Expert Info (") {
		if !strings.Contains(s, "/Sequence): ") {
			return ""
		}
		msg := digits.ReplaceAllString(s[strings.Index(s, "): ")+3:len(s)-1], "N")
		for _, p := range analysisExperts {
			if strings.HasPrefix(msg, p) {
				return "expert: " + msg
			}
		}
		return ""
	}
	for _, p := range analysisLabels {
		if strings.HasPrefix(s, p) {
			return p
		}
	}
	return ""
}

var digits = regexp.MustCompile(`[0-9]+`)

// analysisExperts are the beginnings of the TCP analysis expert messages.
var analysisExperts = []string{
	"Connection ", "This frame ", "A new tcp session", "Previous segment", "ACKed segment",
	"TCP window", "TCP keep-alive", "ACK to a TCP", "Duplicate ACK", "TCP Zero Window", "D-SACK",
	"TCP SYN-ACK accepting TFO",
}

var analysisLabels = []string{
	"[Stream index:", "[Conversation completeness:", "[Next Sequence Number:",
	"[Calculated window size:", "[Window size scaling factor:", "[Timestamps]",
	"[Time since first frame in this TCP stream:", "[Time since previous frame in this TCP stream:",
	"[Time since first frame:", "[Time since previous frame:",
	"[SEQ/ACK analysis]", "[This is an ACK to the segment in frame:", "[The RTT to ACK the segment was:",
	"[iRTT:", "[Bytes in flight:", "[Bytes sent since last PSH flag:", "[TCP Analysis Flags]",
	"[This is a TCP duplicate ack]", "[Duplicate ACK #:", "[Duplicate to the ACK in frame:",
	"[The RTO for this segment was:", "[RTO based on delta from frame:",
}

// analysisCounts counts, per category, tshark's analysis lines and those
// rawcap printed identically.
type analysisCounts map[string]*[2]int

// compareAnalysis prints the capture at path with the tree printer and
// compares it with tshark -n -V frame by frame, in order. It fails the test
// for an analysis line rawcap prints that tshark does not, and counts the
// other lines it does not find in tshark's tree (other printers' business).
func compareAnalysis(t *testing.T, path string, counts analysisCounts, known bool) (other int) {
	t.Helper()
	cmd := exec.Command("tshark", "-n", "-V", "-r", path)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil && len(out) == 0 {
		t.Fatalf("tshark: %v", err)
	}
	theirs := splitFrames(string(out))
	r, err := pcapio.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	d := decode.NewDecoder()
	p := &decode.TreePrinter{Location: time.UTC}
	var buf []byte
	for i := 0; i < len(theirs); i++ {
		pk, err := r.Next()
		if err != nil {
			break
		}
		d.Decode(pk.Data, pk.LinkType)
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length}
		buf = p.Append(buf[:0], d, &f)
		want := strings.Split(theirs[i], "\n")
		matched := make([]bool, len(want))
		j := 0
		for _, line := range strings.Split(strings.TrimRight(string(buf), "\n"), "\n") {
			if strings.HasPrefix(line, "[Malformed Packet") || strings.HasPrefix(line, "    [Protocols in frame: ") {
				continue
			}
			k := j
			for k < len(want) && want[k] != line {
				k++
			}
			if k == len(want) {
				if analysisLine(line) != "" && known {
					t.Logf("known difference: frame %d: analysis line %q is not in tshark's tree", i+1, line)
				} else if analysisLine(line) != "" {
					t.Errorf("frame %d: analysis line %q is not in tshark's tree (in order):\n%s\n--- rawcap:\n%s", i+1, line, theirs[i], buf)
				}
				other++
				continue
			}
			matched[k] = true
			j = k + 1
		}
		for k, line := range want {
			c := analysisLine(line)
			if c == "" {
				continue
			}
			n := counts[c]
			if n == nil {
				n = new([2]int)
				counts[c] = n
			}
			n[0]++
			if matched[k] {
				n[1]++
			}
		}
	}
	return other
}

// TestTreeTCPAnalysisMatchesTshark holds the TCP and UDP analysis lines to
// tshark's on corpus captures: every one rawcap prints is tshark's, in
// order. It logs, per kind of line, how many of tshark's rawcap printed.
func TestTreeTCPAnalysisMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	corpus := filepath.Join(readSharedDir(t), "corpus")
	counts := analysisCounts{}
	for _, name := range tcpAnalysisCaptures {
		path := filepath.Join(corpus, name)
		if _, err := os.Stat(path); err != nil {
			t.Logf("%s: absent, skipped", name)
			continue
		}
		t.Run(filepath.Base(name), func(t *testing.T) {
			_, known := tcpAnalysisKnown[name]
			if other := compareAnalysis(t, path, counts, known); other > 0 {
				t.Logf("%d other lines not in tshark's tree", other)
			}
		})
	}
	var cats []string
	total, same := 0, 0
	for c, n := range counts {
		cats = append(cats, c)
		total += n[0]
		same += n[1]
	}
	sort.Strings(cats)
	for _, c := range cats {
		t.Logf("%6d of %6d  %s", counts[c][1], counts[c][0], c)
	}
	t.Logf("analysis lines: rawcap printed %d of tshark's %d identically", same, total)
}

// TestTreeTCPNoAllocations checks that the tree printer with its TCP and
// UDP analysis allocates nothing per packet once its conversations exist:
// the sample's packets, printed over and over, are the same conversations
// seen again (as retransmissions).
func TestTreeTCPNoAllocations(t *testing.T) {
	pkts := samplePackets(t)
	d := decode.NewDecoder()
	p := &decode.TreePrinter{Location: time.UTC}
	buf := make([]byte, 0, 256<<10)
	n := 0
	f := new(decode.Frame) // one Frame, as the reader reuses it
	pass := func() {
		for i := range pkts {
			pk := &pkts[i]
			n++
			d.Decode(pk.Data, pk.LinkType)
			*f = decode.Frame{Number: n, Time: pk.Time.Add(time.Duration(n) * time.Millisecond), Length: pk.Length}
			buf = p.Append(buf[:0], d, f)
		}
	}
	for range 300 { // fill the unacknowledged-segment lists to their bound
		pass()
	}
	if a := testing.AllocsPerRun(50, pass); a != 0 {
		t.Errorf("%v allocations per pass over %d packets, want 0", a, len(pkts))
	}
}

// TestTreeTCPOptionsMatchTshark checks TCP option trees on crafted
// segments against tshark, whole frames byte for byte: an options summary
// longer than tshark's 239-byte label buffer (40 NOPs), the warning on
// options that start with four NOPs, and the note on a SYN or SYN+ACK
// without MSS.
func TestTreeTCPOptionsMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	nops := func(n int) []byte { return bytes.Repeat([]byte{1}, n) }
	cat := func(bs ...[]byte) []byte { return bytes.Join(bs, nil) }
	mss, ws, sackOK := []byte{2, 4, 5, 0xb4}, []byte{3, 3, 7}, []byte{4, 2}
	ts := []byte{8, 10, 0, 0, 0, 1, 0, 0, 0, 0}
	for _, tc := range []struct {
		name  string
		flags byte
		opts  []byte
	}{
		{"40 NOPs", 0x02, nops(40)},
		{"4 NOPs, window scale", 0x12, cat(nops(4), ws)},
		{"SACK permitted only", 0x02, sackOK},
		{"MSS, SACK permitted, 6 NOPs", 0x02, cat(mss, sackOK, nops(6))},
		{"2 NOPs, timestamps, 2 NOPs", 0x10, cat(nops(2), ts, nops(2))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := tc.opts
			for len(opts)%4 != 0 {
				opts = append(opts, 0) // end of option list
			}
			tcp := cat([]byte{0x9c, 0x40, 0, 0x50, 0, 0, 0, 1, 0, 0, 0, 0, byte(5+len(opts)/4) << 4, tc.flags, 0xfa, 0xf0, 0, 0, 0, 0}, opts)
			ipLen := 20 + len(tcp)
			pkt := cat(hexBytes(t, "02 00 00 00 00 02 02 00 00 00 00 01 08 00"),
				[]byte{0x45, 0, byte(ipLen >> 8), byte(ipLen), 0, 1, 0x40, 0, 64, 6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2}, tcp)
			rec := []byte{0, 0xf1, 0x53, 0x65, 5, 0, 0, 0, byte(len(pkt)), 0, 0, 0, byte(len(pkt)), 0, 0, 0}
			path := filepath.Join(t.TempDir(), "opts.pcap")
			if err := os.WriteFile(path, cat(hexBytes(t, "d4 c3 b2 a1 02 00 04 00 00 00 00 00 00 00 00 00 ff ff 00 00 01 00 00 00"), rec, pkt), 0o644); err != nil {
				t.Fatal(err)
			}
			out := tsharkV(t, path)
			d := decode.NewDecoder()
			d.Decode(pkt, linktype.Ethernet)
			f := decode.Frame{Number: 1, Time: time.Unix(0x6553f100, 5000), Length: len(pkt)}
			got := (&decode.TreePrinter{Location: time.UTC}).Append(nil, d, &f)
			if diff := cmp.Diff(out, string(got)); diff != "" {
				t.Errorf("(-tshark +rawcap):\n%s", diff)
			}
		})
	}
}
