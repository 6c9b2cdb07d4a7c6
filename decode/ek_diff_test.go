package decode_test

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
)

// TestEKMatchesTshark holds `-T ek` to `tshark -T ek` on the corpus: the
// index lines, each document's timestamp, and every key rawcap writes, with
// all of a field's values in order (tshark writes more keys: the protocols
// and fields rawcap does not decode). The packets compared are the JSON
// test's: of captures tshark reads without error, those rawcap decodes past
// the link layer and finds not malformed; the JSON and -T fields tests'
// allowances (tsharkDiffAllow, fieldsDiffAllow) hold here too.
func TestEKMatchesTshark(t *testing.T) {
	version := tsharkVersion(t)
	files := loadCorpus(t)
	outs := make([][]byte, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for k, cf := range files {
		if cf.golden.RC != 0 || len(cf.golden.Packets) != len(cf.packets) {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			outs[k] = tsharkCached("ek", cf.path, version, "-T", "ek")
		}()
	}
	wg.Wait()

	var total testshared.EKResult
	compared, skipped := 0, 0
	first := map[string]string{} // a key's first disagreement
	count := map[string]int{}
	allowed := map[string]int{} // by reason
	for k, cf := range files {
		if outs[k] == nil {
			continue
		}
		theirs := strings.Split(strings.TrimSuffix(string(outs[k]), "\n"), "\n")
		if len(theirs) != 2*len(cf.packets) {
			skipped++
			continue // custom blocks counted as frames, or a file tshark stops early
		}
		if _, allowed := tsharkDiffAllow[cf.name]; allowed || fieldsDiffAllow[cf.name] != "" {
			continue
		}
		compared++
		p := &decode.EKPrinter{Location: time.UTC}
		d := decode.NewDecoder()
		var mine []byte
		for i, pk := range cf.packets {
			d.Decode(pk.Data, pk.LinkType)
			f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length, Interface: pk.Interface}
			mine = p.Append(mine[:0], d, &f)
			if damaged(d) || len(d.Layers()) < 2 {
				continue
			}
			res, ok := testshared.CompareEK(mine, []byte(theirs[2*i]+"\n"+theirs[2*i+1]))
			if !ok {
				t.Errorf("%s#%d: rawcap wrote %q", cf.name, i+1, mine)
				continue
			}
			total.Packets += res.Packets
			total.Keys += res.Keys
			total.Agree += res.Agree
			for _, df := range res.Diffs {
				key := df.Key
				field := ekFieldName(key)
				if _, allowed := tsharkDiffAllow[cf.name+" "+field]; allowed || fieldsAllowed(cf.name, field) {
					total.Agree++
					continue
				}
				if reason := ekAllowed(cf.name, key, df); reason != "" {
					allowed[reason]++
					continue
				}
				if key == "" {
					key = "(whole line)"
				}
				if count[key]++; count[key] == 1 {
					df.Line = i + 1
					first[key] = fmt.Sprintf("%s %s", cf.name, strings.Replace(df.String(), "line", "packet", 1))
				}
			}
		}
	}
	keys := make([]string, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Errorf("%s: %d disagreements, first: %s", k, count[k], first[k])
	}
	reasons := make([]string, 0, len(allowed))
	for r := range allowed {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	n := 0
	for _, r := range reasons {
		t.Logf("allowed: %d keys: %s", allowed[r], r)
		n += allowed[r]
	}
	t.Logf("-T ek: %d captures (%d skipped: tshark's lines are not two per packet), %d packets, %d keys written by rawcap, %d equal to tshark's, %d allowed, %d differ",
		compared, skipped, total.Packets, total.Keys, total.Agree, n, total.Keys-total.Agree-n)
}

// ekDiffAllow holds, by ek protocol object (or "FILE object"), why rawcap's
// -T ek still differs from tshark's there. The test logs how many keys
// each reason covers.
var ekDiffAllow = map[string]string{
	// Where rawcap's order of a field's values is not tshark's.
	// tshark keys a field by the protocol that registers it.
	"lcp":    "tshark keys the control protocols' code, identifier and length by ppp, which registers them (ppp_ppp_code), and writes each LCP option as a protocol of its own whose type and length it keeps once; rawcap keys them by lcp",
	"ipcp":   "tshark keys the control protocols' code, identifier and length by ppp, which registers them (ppp_ppp_code); rawcap by ipcp",
	"ipv6cp": "tshark keys the control protocols' code, identifier and length by ppp, which registers them (ppp_ppp_code); rawcap by ipv6cp",
	// Crafted captures.
	"tcpdump/tests_telnet-iac-check-oobr.pcap telnet": "a crafted suboption run that tshark stops reading earlier",
	"tcpdump/tests_bgp_mvpn_6_and_7_oobr.pcap bgp":    "a crafted second message whose marker is not all ones, cut short: tshark writes a second bgp object for it, rawcap decodes whole messages only",
	"tcpdump/tests_bgp_vpn_rt-oobr.pcap bgp":          "a crafted second message whose marker is not all ones, cut short: tshark writes a second bgp object for it, rawcap decodes whole messages only",
	"tcpdump/tests_bgp-ub.pcap bgp":                   "a crafted last message whose marker is not all ones: tshark writes a bgp object for it, rawcap decodes whole messages only",
	"tcpdump/tests_bgp_mp_reach_nlri-oobr.pcap bgp":   "a crafted second message whose marker is not all ones: tshark writes a second bgp object for it, rawcap decodes whole messages only",
	"tcpdump/tests_zephyr-oobr.pcap syslog":           "a crafted message with control bytes tshark's ek escapes otherwise",
	"tcpdump/tests_wccp_redirect_gre.pcap ip":         "tshark decodes the IPv4 packet WCCP redirects inside GRE; rawcap shows it as data",
}

// ekAllowed returns why key's disagreement df in file is allowed ("": it
// is not): ekDiffAllow by the key's protocol object, or a protocol rawcap
// decodes where tshark writes none (heuristics, retransmissions, MPTCP:
// TestProtocolsMatchTshark holds frame.protocols to tshark with its list).
func ekAllowed(file, key string, df testshared.EKDiff) string {
	proto, _, _ := strings.Cut(key, ".")
	proto = strings.TrimSuffix(proto, " (occurrences)")
	if r := ekDiffAllow[file+" "+proto]; r != "" {
		return r
	}
	if r := ekDiffAllow[proto]; r != "" {
		return r
	}
	if strings.HasSuffix(key, " (occurrences)") && df.Tshark == "0" {
		return "a protocol rawcap decodes where tshark writes none (as frame.protocols differs)"
	}
	return ""
}

// ekFieldName returns the field name of an ek key ("tcp.tcp_tcp_srcport":
// tcp.srcport; a nested protocol's "icmp.ip.ip_ip_src": ip.src), or the
// protocol's name for a count of its occurrences ("data (occurrences)"),
// for the allowances; "" for other keys.
func ekFieldName(key string) string {
	if p, ok := strings.CutSuffix(key, " (occurrences)"); ok {
		return p
	}
	last := key[strings.LastIndexByte(key, '.')+1:]
	_, k, ok := strings.Cut(last, "_")
	if !ok {
		return ""
	}
	return ekNames()[k]
}

// ekNames maps the ek form of every field name rawcap declares
// ("tcp_analysis_bytes_in_flight") to the name.
var ekNames = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, p := range decode.Protocols() {
		m[strings.ReplaceAll(p.Protocol.Name, ".", "_")] = p.Protocol.Name
		for _, f := range p.Fields {
			m[strings.ReplaceAll(f.Name, ".", "_")] = f.Name
		}
	}
	return m
})
