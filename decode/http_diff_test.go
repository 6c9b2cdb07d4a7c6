package decode_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/synth"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// tunnelDiffAllow lists known disagreements with tcpdump on corpus packets
// carrying HTTP, TLS, VXLAN or GRE ("file#packet opts" → reason).
var tunnelDiffAllow = map[string]string{
	"tcpdump/tests_pptp.pcap#16 ":   "PPP inside enhanced GRE: rawcap does not decode PPP (LCP)",
	"tcpdump/tests_pptp.pcap#16 -v": "PPP inside enhanced GRE: rawcap does not decode PPP (LCP)",
	"tcpdump/tests_pptp.pcap#16 -q": "PPP inside enhanced GRE: rawcap does not decode PPP (LCP)",
	"tcpdump/tests_pptp.pcap#16 -e": "PPP inside enhanced GRE: rawcap does not decode PPP (LCP)",
}

// TestHTTPTLSTunnelsMatchTcpdump compares rawcap's one-line output for
// every corpus packet carrying HTTP, TLS, VXLAN or GRE with tcpdump's, by
// default and with -v, -q and -e, and fails on a disagreement that
// tunnelDiffAllow does not list. Packets are told apart by tcpdump -tt's
// timestamps, since a tunnel's inner packet starts a line of its own.
func TestHTTPTLSTunnelsMatchTcpdump(t *testing.T) {
	testshared.Oracle(t, "tcpdump")
	caps := appCorpus(t, decode.LayerHTTP, decode.LayerTLS, decode.LayerVXLAN, decode.LayerGRE)
	perLayer := map[decode.LayerType]int{}
	d := decode.NewDecoder()
	for _, c := range caps {
		for i := range c.packets {
			for _, l := range d.Decode(c.packets[i].Data, c.packets[i].LinkType) {
				switch l.Type {
				case decode.LayerHTTP, decode.LayerTLS, decode.LayerVXLAN, decode.LayerGRE:
					perLayer[l.Type]++
				}
			}
		}
	}
	t.Logf("%d captures; packets with HTTP %d, TLS %d, VXLAN %d, GRE %d", len(caps),
		perLayer[decode.LayerHTTP], perLayer[decode.LayerTLS], perLayer[decode.LayerVXLAN], perLayer[decode.LayerGRE])
	for _, opts := range [][]string{{}, {"-v"}, {"-q"}, {"-e"}} {
		agree, disagree, allowed, skipped := 0, 0, 0, 0
		for _, c := range caps {
			args := append(append([]string{"-n", "-tt"}, opts...), "-r", c.path)
			cmd := exec.Command("tcpdump", args...)
			cmd.Env = append(os.Environ(), "TZ=UTC")
			out, _ := cmd.Output()
			chunks := splitStamped(out)
			if len(chunks) != len(c.packets) {
				skipped += len(c.packets)
				t.Logf("%s %v: tcpdump printed %d packets of %d (skipped)", c.name, opts, len(chunks), len(c.packets))
				continue
			}
			lo := appLineOptions(opts)
			lo.Link = slices.Contains(opts, "-e")
			lo.Time = decode.TimeEpoch
			p := &decode.LinePrinter{Options: lo}
			var b []byte
			for i := range c.packets {
				pk := &c.packets[i]
				d.Decode(pk.Data, pk.LinkType)
				f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length}
				b = p.Append(b[:0], d, &f)
				if !c.mine[i] {
					continue
				}
				key := fmt.Sprintf("%s#%d %s", c.name, i+1, strings.Join(opts, " "))
				switch {
				case string(b) == chunks[i]:
					agree++
				case tunnelDiffAllow[key] != "":
					allowed++
				default:
					disagree++
					t.Errorf("%s:\n  tcpdump: %q\n  rawcap:  %q", key, chunks[i], string(b))
				}
			}
		}
		t.Logf("tcpdump -n %s: %d packets agree, %d disagree, %d allow-listed, %d in captures tcpdump does not read whole",
			strings.Join(opts, " "), agree, disagree, allowed, skipped)
	}
}

// tunnelTsharkFields are the Wireshark fields compared with tshark.
var tunnelTsharkFields = []string{
	"http.request.method", "http.request.uri", "http.request.version", "http.host", "http.user_agent",
	"http.response.code", "http.response.phrase", "http.response.version", "http.content_type",
	"tls.record.content_type", "tls.record.version", "tls.record.length", "tls.handshake.type",
	"tls.handshake.version", "tls.handshake.extensions_server_name",
	"vxlan.vni", "gre.proto", "gre.key", "gre.sequence_number",
}

// tunnelTsharkAllow lists fields where tshark and rawcap differ by design
// ("file#packet field" → reason, "*#packet field" for the synthetic
// capture).
var tunnelTsharkAllow = map[string]string{
	"gopacket/pcap_test_loopback.pcap#9 http.response.code":              "tshark reassembles the response from 6 TCP segments and shows its headers on the last one; rawcap decodes segments alone",
	"gopacket/pcap_test_loopback.pcap#9 http.response.phrase":            "tshark reassembles the response from 6 TCP segments and shows its headers on the last one; rawcap decodes segments alone",
	"gopacket/pcap_test_loopback.pcap#9 http.response.version":           "tshark reassembles the response from 6 TCP segments and shows its headers on the last one; rawcap decodes segments alone",
	"gopacket/pcap_test_loopback.pcap#9 http.content_type":               "tshark reassembles the response from 6 TCP segments and shows its headers on the last one; rawcap decodes segments alone",
	"gopacket/pcapgo_tests_le_test301.pcapng#16 http.request.method":     "the pcapng holds TLS decryption secrets: tshark decrypts the session and shows the HTTP inside",
	"gopacket/pcapgo_tests_le_test301.pcapng#16 http.request.uri":        "the pcapng holds TLS decryption secrets: tshark decrypts the session and shows the HTTP inside",
	"gopacket/pcapgo_tests_le_test301.pcapng#16 http.request.version":    "the pcapng holds TLS decryption secrets: tshark decrypts the session and shows the HTTP inside",
	"gopacket/pcapgo_tests_le_test301.pcapng#16 http.host":               "the pcapng holds TLS decryption secrets: tshark decrypts the session and shows the HTTP inside",
	"gopacket/pcapgo_tests_le_test301.pcapng#16 http.user_agent":         "the pcapng holds TLS decryption secrets: tshark decrypts the session and shows the HTTP inside",
	"gopacket/pcapgo_tests_le_test301.pcapng#31 tls.record.content_type": "tshark shows a record spanning several segments on the segment that completes it",
	"gopacket/pcapgo_tests_le_test301.pcapng#31 tls.record.version":      "tshark shows a record spanning several segments on the segment that completes it",
	"gopacket/pcapgo_tests_le_test301.pcapng#31 tls.record.length":       "tshark shows a record spanning several segments on the segment that completes it",
	"gopacket/pcapgo_tests_le_test301.pcapng#14 tls.handshake.type":      "the pcapng holds TLS decryption secrets: tshark decrypts the Finished message, rawcap sees encrypted bytes",
}

// TestHTTPTLSTunnelFieldsMatchTshark compares the JSON fields of HTTP,
// TLS, VXLAN and GRE with tshark's, field by field, over the corpus
// captures that carry them and over 3000 packets of internal/synth traffic.
// tshark shows HTTP only once a message's headers are complete (it
// reassembles TCP); rawcap decodes each segment alone, so a value only
// rawcap has is counted apart, not as a disagreement.
func TestHTTPTLSTunnelFieldsMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	caps := appCorpus(t, decode.LayerHTTP, decode.LayerTLS, decode.LayerVXLAN, decode.LayerGRE)
	g := synth.New(7, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	var frames [][]byte
	for range 3000 {
		frames = append(frames, append([]byte(nil), g.Next().Data...))
	}
	synthPath := writeTestPcap(t, frames)
	sc := &appCapture{path: synthPath, name: "synth"}
	for _, f := range frames {
		sc.packets = append(sc.packets, pcapio.Packet{Data: f, Length: len(f), LinkType: linktype.Ethernet})
		sc.mine = append(sc.mine, true)
	}
	caps = append(caps, sc)
	stats := map[string]*[4]int{} // field → agree, disagree, rawcap only, allow-listed
	for _, c := range caps {
		args := []string{"-r", c.path, "-T", "fields", "-E", "occurrence=f", "-E", "separator=\t"}
		for _, f := range tunnelTsharkFields {
			args = append(args, "-e", f)
		}
		out, err := exec.Command("tshark", args...).Output()
		if err != nil {
			t.Logf("%s: tshark: %v (skipped)", c.name, err)
			continue
		}
		rows := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
		if len(rows) != len(c.packets) {
			t.Logf("%s: tshark printed %d rows for %d packets (skipped)", c.name, len(rows), len(c.packets))
			continue
		}
		d := decode.NewDecoder()
		jp := &decode.JSONPrinter{}
		for i := range c.packets {
			if !c.mine[i] {
				continue
			}
			pk := &c.packets[i]
			d.Decode(pk.Data, pk.LinkType)
			js := jp.Append(nil, d, &decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length})
			var obj map[string]any
			if err := json.Unmarshal(js, &obj); err != nil {
				t.Fatalf("%s#%d: invalid JSON %s: %v", c.name, i+1, js, err)
			}
			cols := strings.Split(rows[i], "\t")
			for k, f := range tunnelTsharkFields {
				want := ""
				if k < len(cols) {
					want = cols[k]
				}
				got := tunnelJSONField(obj, f)
				st := stats[f]
				if st == nil {
					st = new([4]int)
					stats[f] = st
				}
				key := fmt.Sprintf("%s#%d %s", c.name, i+1, f)
				switch {
				case want == "" && got == "":
				case strings.EqualFold(want, got):
					st[0]++
				case want == "" && strings.HasPrefix(f, "http."):
					st[2]++
				case tunnelTsharkAllow[key] != "":
					st[3]++
				default:
					st[1]++
					t.Errorf("%s: tshark %q, rawcap %q", key, want, got)
				}
			}
		}
	}
	for _, f := range tunnelTsharkFields {
		if st := stats[f]; st != nil {
			t.Logf("%-38s %5d agree, %d disagree, %d allow-listed, %d only rawcap (tshark waits for the headers' end)", f, st[0], st[1], st[3], st[2])
		}
	}
}

// tunnelJSONField returns Wireshark field f ("http.request.method") from a
// rawcap JSON object as tshark prints it, or "".
func tunnelJSONField(obj map[string]any, f string) string {
	proto, rest, _ := strings.Cut(f, ".")
	m, ok := obj[proto].(map[string]any)
	if !ok {
		return ""
	}
	switch v := m[rest].(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		if v {
			return "1"
		}
		return "0"
	default:
		return fmt.Sprint(v)
	}
}

// tunnelTreeHeads are the first words of the -V subtrees of HTTP, TLS, VXLAN
// and GRE.
var tunnelTreeHeads = []string{"Hypertext Transfer Protocol", "Transport Layer Security",
	"Virtual eXtensible Local Area Network", "Generic Routing Encapsulation"}

// tunnelTreeSections returns the subtrees of text (one packet's -V output) that
// start with one of tunnelTreeHeads, each up to the next unindented line.
func tunnelTreeSections(text string) [][]string {
	var out [][]string
	in := false
	for _, line := range strings.Split(text, "\n") {
		if line != "" && line[0] != ' ' {
			in = false
			for _, h := range tunnelTreeHeads {
				if strings.HasPrefix(line, h) {
					in = true
					out = append(out, nil)
				}
			}
		}
		if in && line != "" {
			out[len(out)-1] = append(out[len(out)-1], line)
		}
	}
	return out
}

// tunnelSplitFrames splits -V output into one string per packet.
func tunnelSplitFrames(out string) []string {
	var frames []string
	for _, line := range strings.SplitAfter(out, "\n") {
		if strings.HasPrefix(line, "Frame ") {
			frames = append(frames, "")
		}
		if len(frames) > 0 {
			frames[len(frames)-1] += line
		}
	}
	return frames
}

// tunnelIsSubsequence reports whether every line of a appears in b, in order.
func tunnelIsSubsequence(a, b []string) bool {
	k := 0
	for _, l := range b {
		if k < len(a) && a[k] == l {
			k++
		}
	}
	return k == len(a)
}

// TestHTTPTLSTunnelTreeMatchesTshark checks the -V subtrees of HTTP, TLS,
// VXLAN and GRE against tshark -V's for the vectors and 3000 packets of
// internal/synth traffic: every line rawcap prints must be one tshark
// prints, in the same order (tshark adds lines rawcap leaves out, such as
// JA3 hashes and reassembly notes). The count of subtrees equal line for
// line is logged.
func TestHTTPTLSTunnelTreeMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	var frames [][]byte
	for _, vs := range [][]appVector{httpVectors, tlsVectors, vxlanVectors} {
		for _, v := range vs {
			frames = append(frames, appFrame(mustHex(t, v.hex), v.sport+uint16(len(frames)), v.dport, v.tcp))
		}
	}
	for _, v := range greVectors {
		frames = append(frames, greInEthernet(mustHex(t, v.hex)))
	}
	g := synth.New(11, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	for range 3000 {
		frames = append(frames, append([]byte(nil), g.Next().Data...))
	}
	path := writeTestPcap(t, frames)
	out, err := exec.Command("tshark", "-r", path, "-V").Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	theirs := tunnelSplitFrames(string(out))
	if len(theirs) != len(frames) {
		t.Fatalf("tshark printed %d frames, want %d", len(theirs), len(frames))
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	same, subset, missing, cont := 0, 0, 0, 0
	for i, f := range frames {
		d.Decode(f, linktype.Ethernet)
		fr := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(f)}
		mine := tunnelTreeSections(string(tp.Append(nil, d, &fr)))
		ts := tunnelTreeSections(theirs[i])
		for k, sec := range mine {
			if k >= len(ts) || len(ts[k]) == 1 {
				missing++ // tshark waits for more of the stream, or calls it something else
				continue
			}
			switch {
			case slices.Equal(sec, ts[k]):
				same++
			case len(sec) == 2 && strings.HasPrefix(sec[1], "    Data ("):
				// An HTTP segment that starts no message: tshark reads
				// it against the rest of the stream (as a body, or as
				// headers full of illegal characters).
				cont++
			case tunnelIsSubsequence(sec, ts[k]):
				subset++
			default:
				t.Errorf("frame %d subtree %q:\n  tshark:\n    %s\n  rawcap:\n    %s", i+1, sec[0],
					strings.Join(ts[k], "\n    "), strings.Join(sec, "\n    "))
			}
		}
	}
	t.Logf("-V subtrees: %d equal to tshark's, %d a subset of its lines, %d that tshark does not show, %d HTTP continuations tshark reads with the stream", same, subset, missing, cont)
}
