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
)

// tsharkVersion returns tshark's version line (the oracle tests' cache key).
func tsharkVersion(t *testing.T) string {
	t.Helper()
	testshared.Oracle(t, "tshark")
	out, err := exec.Command("tshark", "--version").Output()
	if err != nil {
		t.Fatalf("tshark --version: %v", err)
	}
	return strings.SplitN(string(out), "\n", 2)[0]
}

// tsharkCached runs `TZ=UTC tshark -n -r path args…` and returns what it
// printed, cached under the user's cache directory by the file's hash,
// tshark's version and the arguments.
func tsharkCached(kind, path, version string, args ...string) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	h := sha256.New()
	h.Write(data)
	fmt.Fprintf(h, "%s\x00%q", version, args)
	var cache string
	if dir, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(dir, "rawcap-"+kind+"-difftest", hex.EncodeToString(h.Sum(nil)[:16])+".txt")
		if out, err := os.ReadFile(cache); err == nil {
			return out
		}
	}
	cmd := exec.Command("tshark", append([]string{"-n", "-r", path}, args...)...)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, _ := cmd.Output() // a file cut short exits 2 after its good packets
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

// rawcapFieldNames lists every field `rawcap fields` lists (protocols
// themselves left out), each name once: a name with several definitions
// (an LLC frame type masked as the frame's kind says) is one column, as
// tshark -e gives its values once.
func rawcapFieldNames() []string {
	var names []string
	seen := map[string]bool{}
	for _, p := range decode.Protocols() {
		for i := range p.Fields {
			if n := p.Fields[i].Name; !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	return names
}

// TestFieldNamesAreTsharks checks that every protocol and field rawcap
// lists is one tshark 4.0 lists too, with the same type.
func TestFieldNamesAreTsharks(t *testing.T) {
	testshared.Oracle(t, "tshark")
	out, err := exec.Command("tshark", "-G", "fields").Output()
	if err != nil {
		t.Fatalf("tshark -G fields: %v", err)
	}
	types := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Split(line, "\t")
		switch {
		case len(f) >= 4 && f[0] == "F":
			types[f[2]] = f[3]
		case len(f) >= 3 && f[0] == "P":
			types[f[2]] = "FT_PROTOCOL"
		}
	}
	n := 0
	for _, p := range decode.Protocols() {
		if _, ok := types[p.Protocol.Name]; !ok {
			t.Errorf("protocol %s: tshark has no protocol of that name", p.Protocol.Name)
		}
		for i := range p.Fields {
			f := &p.Fields[i]
			n++
			typ, ok := types[f.Name]
			switch {
			case !ok:
				t.Errorf("%s: tshark has no field of that name", f.Name)
			case typ != f.Type() && !(typ == "FT_STRINGZ" || typ == "FT_UINT_STRING" || typ == "FT_STRINGZPAD") && f.Kind == decode.KindString:
				t.Errorf("%s: tshark's type is %s, rawcap's %s", f.Name, typ, f.Type())
			case typ != f.Type() && f.Kind != decode.KindString:
				t.Errorf("%s: tshark's type is %s, rawcap's %s", f.Name, typ, f.Type())
			}
		}
	}
	t.Logf("%d protocols, %d fields: every name is tshark's", len(decode.Protocols()), n)
}

// fieldsDiffAllow lists values that differ from tshark's for a known
// reason: "field", "file" or "file field" → reason. They are counted apart.
var fieldsDiffAllow = map[string]string{
	"tcpdump/tests_bgp-shutdown-communication.pcapng": "a TCP retransmission (frame 2): tshark does not hand retransmitted bytes to BGP, rawcap decodes them",
	"frame.protocols": "tshark's heuristics and the protocols rawcap does not dissect yet; TestProtocolsMatchTshark holds frame.protocols to tshark with its own list",
	"data":            "tshark dissects payloads that rawcap leaves as data (protocols rawcap does not decode yet)",
	"data.len":        "tshark dissects payloads that rawcap leaves as data (protocols rawcap does not decode yet)",
	"data.data":       "tshark dissects payloads that rawcap leaves as data (protocols rawcap does not decode yet)",

	"tcpdump/tests_arp-oobr.pcap eth.padding": "a fuzzed capture: an ATM ARP request (hardware type 19) tshark's ATMARP dissector runs off the end of, before Ethernet shows its padding; rawcap reads it as ARP",

	"libpcap/tests_filter_llc.pcap":                        "Novell raw 802.3 frames (0xffff after the length): tshark decodes IPX, rawcap an LLC header",
	"tcpdump/tests_bigtcp-ipv6.pcap":                       "IPv6 payload length 0 without a jumbo option: tshark stops at IPv6, rawcap decodes the captured bytes",
	"tcpdump/tests_icmpv6-length-zero.pcapng":              "IPv6 payload length 0 without a jumbo option: tshark stops at IPv6, rawcap decodes the captured bytes",
	"tcpdump/tests_bigtcp-ipv4-geneve-ipv6.pcap":           "IPv4 total length 0 (BIG TCP): tshark shows the length it computes",
	"tcpdump/tests_ipv4_invalid_total_length_2.pcap":       "an IPv4 total length beyond the frame: tshark shows no field, rawcap decodes what is there",
	"tcpdump/tests_bgp-bgp_capabilities_print-oobr-1.pcap": "a crafted segment that tshark stops dissecting before its sequence analysis",
	"tcpdump/tests_bgp-bgp_capabilities_print-oobr-2.pcap": "a crafted segment that tshark stops dissecting before its sequence analysis",
	"tcpdump/tests_rpki-rtr-oobr.pcap":                     "a crafted segment that tshark stops dissecting before its sequence analysis",
	"tcpdump/tests_rx_serviceid_oobr.pcap":                 "crafted: a negative timestamp tshark reads as signed, and a packet tshark does not take for BOOTP",
	"tcpdump/tests_atm-oam-heapoverflow.pcap":              "a crafted record whose lengths tshark clamps",
	"tcpdump/tests_arp-too-long-tha.pcap":                  "a crafted ARP tshark does not dissect after the VLAN tag",
	"tcpdump/tests_accecn_handshake.pcap":                  "AccECN: tshark 4.0 shows tcp.flags.ace instead of ae/cwr/ece on these segments",
	"tcpdump/tests_bigtcp-ipv4-vxlan-ipv6.pcap":            "IPv4 total length 0 (BIG TCP): tshark shows the length it computes",
	"tcpdump/tests_timestamp_invalid_micro.pcap":           "microseconds past 999999: tshark prints them as they are, rawcap carries them into the seconds",
	"tcpdump/tests_dns-badlabel.pcap":                      "a crafted DNS message: tshark stops at the first bad name, rawcap decodes each question",
	"libpcap/tests_filter_AH-IPcomp-IPv6.pcap":             "AH then IPComp: tshark inflates the compressed segments rawcap leaves as data, so its TCP analysis sees segments rawcap does not",
}

// fieldsAllowed reports whether field's value in file may differ.
func fieldsAllowed(file, field string) bool {
	return fieldsDiffAllow[field] != "" || fieldsDiffAllow[file] != "" || fieldsDiffAllow[file+" "+field] != ""
}

// fieldsInCapture returns the indexes in names of the fields of every
// protocol of which rawcap prints a value in cf (the frame's fields
// always), in names' order.
func fieldsInCapture(t *testing.T, names []string, cf *corpusFile) []int {
	protoOfName := map[string]int{}
	for pi, pf := range decode.Protocols() {
		for i := range pf.Fields {
			if _, ok := protoOfName[pf.Fields[i].Name]; !ok {
				protoOfName[pf.Fields[i].Name] = pi
			}
		}
	}
	protoOf := make([]int, len(names))
	for j, n := range names {
		protoOf[j] = protoOfName[n]
	}
	p, err := decode.NewFieldsPrinter(names)
	if err != nil {
		t.Fatal(err)
	}
	p.Location = time.UTC
	d := decode.NewDecoder()
	present := map[int]bool{0: true} // frame
	var buf []byte
	for i, pk := range cf.packets {
		d.Decode(pk.Data, pk.LinkType)
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length, Interface: pk.Interface}
		buf = p.Append(buf[:0], d, &f)
		for j, v := range strings.Split(strings.TrimSuffix(string(buf), "\n"), "\t") {
			if v != "" && j < len(names) {
				present[protoOf[j]] = true
			}
		}
	}
	var sub []int
	for j := range names {
		if present[protoOf[j]] {
			sub = append(sub, j)
		}
	}
	return sub
}

// TestFieldsMatchTshark prints every field rawcap decodes with -T fields
// on every corpus capture and compares each value with tshark -T fields'.
// A field rawcap leaves empty where tshark has a value is counted as
// "only tshark" (a layer rawcap does not decode, a dissection tshark
// reassembles); every value rawcap prints must be tshark's.
func TestFieldsMatchTshark(t *testing.T) {
	version := tsharkVersion(t)
	names := rawcapFieldNames()
	files := loadCorpus(t)
	// Each capture is asked for the fields of the protocols rawcap finds
	// in it, so that a new protocol's fields re-run tshark (whose output
	// is cached by its arguments) only on the captures that hold it.
	subs := make([][]int, len(files))
	outs := make([][]byte, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for k, cf := range files {
		subs[k] = fieldsInCapture(t, names, cf)
		args := []string{"-T", "fields", "-E", "separator=/t", "-E", "occurrence=a"}
		for _, j := range subs[k] {
			args = append(args, "-e", names[j])
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			outs[k] = tsharkCached("fields", cf.path, version, args...)
		}()
	}
	wg.Wait()

	type count struct{ agree, fewer, disagree, allowed, onlyTshark, onlyRawcap int }
	per := make([]count, len(names))
	firstBad := map[string]string{}
	packets := 0
	for k, cf := range files {
		theirs := strings.Split(strings.TrimSuffix(string(outs[k]), "\n"), "\n")
		if len(theirs) != len(cf.packets) || bytes.Contains(outs[k], []byte("\r")) {
			continue // custom blocks counted as frames, or a file tshark stops early
		}
		sub := subs[k]
		subNames := make([]string, len(sub))
		for i, j := range sub {
			subNames[i] = names[j]
		}
		p, err := decode.NewFieldsPrinter(subNames)
		if err != nil {
			t.Fatal(err)
		}
		p.Location = time.UTC
		d := decode.NewDecoder()
		var buf []byte
		for i, pk := range cf.packets {
			d.Decode(pk.Data, pk.LinkType)
			f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length, Interface: pk.Interface}
			buf = p.Append(buf[:0], d, &f)
			mine := strings.Split(strings.TrimSuffix(string(buf), "\n"), "\t")
			their := strings.Split(theirs[i], "\t")
			if len(their) != len(sub) || len(mine) != len(sub) {
				continue
			}
			packets++
			for jj, name := range subNames {
				a, b := mine[jj], their[jj]
				c := &per[sub[jj]]
				switch {
				case a == b && a == "":
				case a == b:
					c.agree++
				case b == "" && !fieldsAllowed(cf.name, name):
					c.onlyRawcap++
					if _, ok := firstBad[name]; !ok {
						firstBad[name] = fmt.Sprintf("%s frame %d: rawcap %.80q, tshark none", cf.name, i+1, a)
					}
				case a == "":
					c.onlyTshark++
				case strings.HasPrefix(b, a+","):
					c.fewer++ // tshark decodes more occurrences (a tunnel's inner layers)
				case fieldsAllowed(cf.name, name):
					c.allowed++
				case b == "":
					c.onlyRawcap++
				default:
					c.disagree++
					if _, ok := firstBad[name]; !ok {
						firstBad[name] = fmt.Sprintf("%s frame %d: rawcap %.80q, tshark %.80q", cf.name, i+1, a, b)
					}
				}
			}
		}
	}
	var lines []string
	var sum count
	for j, name := range names {
		c := per[j]
		sum.agree += c.agree
		sum.fewer += c.fewer
		sum.disagree += c.disagree
		sum.allowed += c.allowed
		sum.onlyTshark += c.onlyTshark
		sum.onlyRawcap += c.onlyRawcap
		if c.disagree > 0 || c.onlyRawcap > 0 {
			t.Errorf("%s: %d values differ from tshark's, %d only rawcap has; first: %s", name, c.disagree, c.onlyRawcap, firstBad[name])
		}
		lines = append(lines, fmt.Sprintf("%-44s %6d agree %5d fewer %4d allowed %5d only tshark", name, c.agree, c.fewer, c.allowed, c.onlyTshark))
	}
	sort.Strings(lines)
	for _, l := range lines {
		t.Log(l)
	}
	t.Logf("%d packets of %d captures, %d fields: %d values agree, %d where tshark has more occurrences, %d allow-listed, %d only tshark has; %d differ, %d only rawcap has",
		packets, len(files), len(names), sum.agree, sum.fewer, sum.allowed, sum.onlyTshark, sum.disagree, sum.onlyRawcap)
}
