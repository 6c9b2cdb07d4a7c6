package decode_test

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// protocolsAllow lists the known frame.protocols differences, by the first
// protocol where tshark's list and rawcap's part ("tshark/rawcap", "-" when
// a list ends there), with the reason. rawcap names a protocol it does not
// dissect only from a number it has read (EtherType, LLC SAP or SNAP
// protocol, IP protocol, a well-known port), so tshark's own heuristics,
// TCP analysis and deeper dissection are the reasons here.
var protocolsAllow = map[string]string{
	// tshark's TCP analysis: it does not hand the payload of a
	// retransmission, an RST or a segment of a PDU it is reassembling to
	// any dissector (not even data), and names the PDU's protocol on the
	// segment that completes it; rawcap keeps no stream state here.
	"-/data":      "TCP analysis: tshark leaves a retransmitted, RST or reassembly-continuation payload undissected",
	"-/bgp":       "TCP analysis: a BGP segment tshark sees as a continuation",
	"-/http":      "TCP analysis: an HTTP segment tshark sees as a continuation",
	"-/whois":     "TCP analysis: a whois segment tshark sees as a continuation",
	"-/rpkirtr":   "TCP analysis: an RPKI-RTR segment tshark sees as a continuation",
	"tls/data":    "TLS records on ports rawcap does not map to TLS, or continuing a record across segments",
	"http/-":      "TLS-protected HTTP that tshark decrypts from the capture's embedded keys",
	"data/isakmp": "tshark's ISAKMP dissector rejects the datagram and falls back to data",
	// Protocols whose frame.protocols entry depends on their contents or
	// that tshark finds by heuristic or dissects further.
	"ndp/data":        "Nortel Discovery Protocol (SNAP OUI 00:00:81), which rawcap does not dissect",
	"openflow/data":   "OpenFlow (TCP 6653): the entry names the OpenFlow version found inside",
	"mbtcp/data":      "Modbus/TCP (TCP 502): the entry adds modbus when the function decodes",
	"vssmonitoring/-": "a VSS Monitoring trailer tshark's heuristic finds after a crafted NHRP packet",
	"ip/-":            "the packet an NHRP Traffic Indication quotes, which rawcap leaves undecoded",
	"osi/data":        "OSI network layer in PPP (0x0023), which rawcap does not dissect",
	"mp/data":         "PPP Multilink (0x003d), which rawcap does not dissect",
	"ipv6/-":          "the packet inside IPComp's compressed payload, which tshark inflates (DEFLATE) and rawcap leaves as data",
	"dns/data":        "DNS on a port other than 53 that tshark finds by heuristic",
	"auto_rp/data":    "Cisco Auto-RP (UDP 496) as tshark finds it",
	"ipx/llc":         "Novell raw 802.3 (no LLC, 0xffff): tshark names IPX directly",
	"tsp/data":        "a port tshark binds to a protocol rawcap does not name",
	"rtcp/data":       "RTCP found by tshark's heuristic",
	"snmp/data":       "SNMP on a port tshark's heuristics recognise",
	"lmp/data":        "a port tshark binds to a protocol rawcap does not name",
	"rx/data":         "a port tshark binds to a protocol rawcap does not name",
	"nbdgm/data":      "a port tshark binds to a protocol rawcap does not name",
	"arp/-":           "ARP with a trailer tshark decodes as another ARP",
	"atmarp/-":        "ATM ARP: tshark names atmarp where rawcap decodes arp",
	"ip/data":         "IP inside GRE with WCCP redirect (0x883e): tshark decodes it",
	"xml/-":           "an HTTP body tshark names by its Content-Type (XML)",
	"whois/-":         "a whois reply tshark reassembles until the FIN and names on the FIN segment",
}

// protocolsCheck tallies the frame.protocols comparison with tshark.
type protocolsCheck struct {
	compared, agree, disagree int
	allowed                   map[string]int
	perFile                   map[string]int
	msgs                      []string
}

// protocolsKey returns the first part where two frame.protocols lists
// differ, as "tshark/rawcap".
func protocolsKey(want, got string) string {
	w, g := strings.Split(want, ":"), strings.Split(got, ":")
	k := 0
	for k < len(w) && k < len(g) && w[k] == g[k] {
		k++
	}
	at := func(s []string) string {
		if k < len(s) {
			return s[k]
		}
		return "-"
	}
	return at(w) + "/" + at(g)
}

func (c *protocolsCheck) check(file string, n int, want, got string) {
	c.compared++
	if want == got {
		c.agree++
		return
	}
	key := protocolsKey(want, got)
	if os.Getenv("RAWCAP_PROTOCOLS_DUMP") != "" {
		fmt.Printf("PROTOCOLS\t%s#%d\t%s\t%s\t%s\n", file, n, key, want, got)
	}
	if _, ok := protocolsAllow[key]; ok {
		c.allowed[key]++
		return
	}
	c.disagree++
	if c.perFile[file]++; c.perFile[file] <= 3 {
		c.msgs = append(c.msgs, fmt.Sprintf("%s#%d frame.protocols: tshark %q, rawcap %q", file, n, want, got))
	}
}

func (c *protocolsCheck) report(t *testing.T) {
	allowed := 0
	var keys []string
	for k, n := range c.allowed {
		allowed += n
		keys = append(keys, fmt.Sprintf("%s=%d", k, n))
	}
	sort.Strings(keys)
	t.Logf("frame.protocols: %d packets compared, %d agree, %d allow-listed, %d disagree", c.compared, c.agree, allowed, c.disagree)
	t.Logf("  allow-listed by first difference: %s", strings.Join(keys, " "))
	var unused []string
	for k := range protocolsAllow {
		if c.allowed[k] == 0 {
			unused = append(unused, k)
		}
	}
	if len(unused) > 0 {
		sort.Strings(unused)
		t.Logf("  allow-list entries no packet needed (remove them): %s", strings.Join(unused, " "))
	}
	sort.Strings(c.msgs)
	for _, m := range c.msgs {
		t.Error(m)
	}
}
