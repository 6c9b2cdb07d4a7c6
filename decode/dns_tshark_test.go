package decode_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// appFields are the Wireshark fields of DNS, DHCP and NTP that rawcap's
// JSON must show as tshark does: "proto.rest" is .proto["rest"], searched
// also in the DNS record arrays (tshark lists every occurrence, joined by
// commas).
var appFields = []string{
	"dns.id", "dns.flags.response", "dns.flags.opcode", "dns.flags.rcode",
	"dns.flags.truncated", "dns.flags.recdesired", "dns.count.queries", "dns.count.answers",
	"dns.count.auth_rr", "dns.count.add_rr", "dns.qry.name", "dns.qry.type", "dns.qry.class",
	"dns.resp.type", "dns.resp.ttl", "dns.a", "dns.aaaa", "dns.cname", "dns.ns", "dns.mx.preference",
	"dhcp.type", "dhcp.id", "dhcp.hw.mac_addr", "dhcp.ip.client", "dhcp.ip.your", "dhcp.ip.server",
	"dhcp.ip.relay", "dhcp.option.dhcp", "dhcp.flags.bc",
	"ntp.flags.li", "ntp.flags.vn", "ntp.flags.mode", "ntp.stratum", "ntp.ppoll", "ntp.precision",
	"ntp.rootdelay", "ntp.rootdispersion", "ntp.refid", "ntp.reftime", "ntp.org", "ntp.rec", "ntp.xmt",
	"ntp.keyid", "ntp.mac",
	// Further fields rawcap's JSON carries.
	"dns.flags", "dns.flags.authoritative", "dns.flags.recavail", "dns.flags.z",
	"dns.flags.authenticated", "dns.flags.checkdisable", "dns.resp.name", "dns.resp.class",
	"dns.resp.len", "dns.ptr.domain_name", "dns.mx.mail_exchange", "dns.srv.priority",
	"dns.srv.weight", "dns.srv.port", "dns.srv.target", "dns.txt", "dns.txt.length", "dns.soa.mname", "dns.soa.rname",
	"dns.soa.serial_number", "dns.soa.refresh_interval", "dns.soa.retry_interval",
	"dns.soa.expire_limit", "dns.soa.minimum_ttl", "dns.rr.udp_payload_size",
	"dns.count.zones", "dns.count.prerequisites", "dns.count.updates",
	"dhcp.hw.type", "dhcp.hw.len", "dhcp.hops", "dhcp.secs", "dhcp.flags", "dhcp.cookie",
	"dhcp.option.requested_ip_address", "dhcp.option.dhcp_server_id",
	"dhcp.option.ip_address_lease_time", "dhcp.option.subnet_mask", "dhcp.option.router",
	"dhcp.option.domain_name_server", "dhcp.option.hostname", "dhcp.option.domain_name",
	"dhcp.option.vendor_class_id",
	"dhcp.flags.reserved", "dhcp.hw.addr_padding", "dhcp.server", "dhcp.file",
	"dhcp.option.type", "dhcp.option.length", "dhcp.option.value", "dhcp.option.end", "dhcp.option.padding",
	"dhcp.option.time_offset", "dhcp.option.time_server", "dhcp.option.name_server", "dhcp.option.log_server",
	"dhcp.option.broadcast_address", "dhcp.option.ntp_server", "dhcp.option.netbios_over_tcpip_name_server",
	"dhcp.option.request_list_item", "dhcp.option.message", "dhcp.option.dhcp_max_message_size",
	"dhcp.option.renewal_time_value", "dhcp.option.rebinding_time_value", "dhcp.option.tftp_server_name",
	"dhcp.option.bootfile_name",
	"ntp.flags", "ntp.ctrl.flags2.r", "ntp.ctrl.flags2.error", "ntp.ctrl.flags2.more",
	"ntp.ctrl.flags2.opcode", "ntp.ctrl.sequence", "ntp.ctrl.associd", "ntp.ctrl.offset", "ntp.ctrl.count",
}

// appFirstOnly are fields tshark lists more than once where rawcap's JSON,
// whose keys are unique, keeps the first: dhcp.hw.mac_addr is also the
// client identifier's address and hardware type; a message has several
// options (and runs of padding).
var appFirstOnly = map[string]bool{"dhcp.hw.mac_addr": true, "dhcp.hw.type": true,
	// JSON shows the first option's heading, length and bytes.
	"dhcp.option.type": true, "dhcp.option.length": true, "dhcp.option.value": true, "dhcp.option.padding": true}

// appTsharkAllow lists fields known to differ, "file#packet field" →
// reason.
var appTsharkAllow = map[string]string{
	"dhcpVectors#4 dhcp.option.padding":                 "option overload: tshark reads the options in the server and file name fields, rawcap does not",
	"dhcpVectors#7 dhcp.option.end":                     "tshark stops at an exception in option 82 before the End option",
	"dhcpVectors#23 dhcp.option.end":                    "tshark stops at an exception in an FQDN option before the End option",
	"dhcpVectors#28 dhcp.option.end":                    "tshark stops at an exception in a classless route before the End option",
	"dhcpVectors#27 dhcp.option.value":                  "an empty option's bytes: tshark's -T fields shows \"<MISSING>\", JSON \"\" (rawcap leaves them out)",
	"tcpdump/tests_ntp-mode7.pcap#8 ntp.stratum":        "mode 7 (private) payloads are not decoded",
	"tcpdump/tests_ntp-mode7.pcap#8 ntp.ppoll":          "mode 7 (private) payloads are not decoded",
	"tcpdump/tests_ntp-control.pcap#4 ntp.ctrl.associd": "control message data (a peer list) is not decoded",
	"tcpdump/tests_ntp-control.pcap#6 ntp.ctrl.associd": "control message data (a peer list) is not decoded",
	"dnsVectors#15 dns.qry.name":                        "tshark shows the byte 0xff raw (invalid UTF-8), rawcap escapes it as \\255",
	"dhcpVectors#20 dhcp.option.dhcp":                   "a second, malformed option 53: JSON keys are unique, rawcap keeps the first",
	"tcpdump/tests_dns-badlabel.pcap#1 dns.*":           "after a first name longer than 255 characters tshark hits an exception and stops; rawcap lists the other 64258 questions",
	"tcpdump/tests_rx_serviceid_oobr.pcap#1 dhcp.*":     "tshark calls this 8085-byte BOOTP message malformed and shows no fixed field",
}

// rawcapField returns what rawcap's JSON object js shows for field f, in
// tshark's -T fields form.
func rawcapField(js map[string]any, f string) string {
	proto, rest, _ := strings.Cut(f, ".")
	obj, _ := js[proto].(map[string]any)
	if obj == nil {
		return ""
	}
	var vals []string
	var add func(v any)
	add = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				add(e)
			}
		case nil:
		case bool:
			if x {
				vals = append(vals, "1")
			} else {
				vals = append(vals, "0")
			}
		case float64:
			vals = append(vals, strconv.FormatFloat(x, 'f', -1, 64))
		case string:
			vals = append(vals, x)
		}
	}
	inArrays := false
	for _, arr := range []string{"queries", "answers", "authorities", "additionals"} {
		items, _ := obj[arr].([]any)
		for _, it := range items {
			if m, ok := it.(map[string]any); ok {
				if v, ok := m[rest]; ok {
					add(v)
					inArrays = true
				}
			}
		}
	}
	if !inArrays {
		add(obj[rest])
	}
	return strings.Join(vals, ",")
}

// appTsharkRows runs tshark -T fields over path and returns one row per
// packet.
func appTsharkRows(t *testing.T, path string, fields []string) [][]string {
	args := []string{"-n", "-r", path, "-T", "fields", "-E", "occurrence=a", "-E", "separator=\t"}
	for _, f := range fields {
		args = append(args, "-e", f)
	}
	cmd := exec.Command("tshark", args...)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Logf("tshark %s: %v", path, err)
	}
	var rows [][]string
	for _, line := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		rows = append(rows, strings.Split(line, "\t"))
	}
	return rows
}

func clip(s string) string {
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}

// compareWithTshark compares the fields for the packets marked mine.
func compareWithTshark(t *testing.T, name, path string, pkts []pcapio.Packet, mine []bool, stats map[string][2]int) {
	rows := appTsharkRows(t, path, appFields)
	if len(rows) != len(pkts) {
		t.Logf("%s: tshark printed %d rows for %d packets (skipped)", name, len(rows), len(pkts))
		return
	}
	d := decode.NewDecoder()
	jp := &decode.JSONPrinter{Location: time.UTC}
	for i := range pkts {
		if !mine[i] {
			continue
		}
		d.Decode(pkts[i].Data, pkts[i].LinkType)
		f := decode.Frame{Number: i + 1, Time: pkts[i].Time, Length: pkts[i].Length}
		var js map[string]any
		if err := json.Unmarshal(jp.Append(nil, d, &f), &js); err != nil {
			t.Fatalf("%s#%d: %v", name, i+1, err)
		}
		for k, field := range appFields {
			want := ""
			if k < len(rows[i]) {
				want = rows[i][k]
			}
			if appFirstOnly[field] {
				want, _, _ = strings.Cut(want, ",")
			}
			got := rawcapField(js, field)
			s := stats[field]
			key := fmt.Sprintf("%s#%d %s", name, i+1, field)
			wild := fmt.Sprintf("%s#%d %s.*", name, i+1, strings.SplitN(field, ".", 2)[0])
			if got == want || appTsharkAllow[key] != "" || appTsharkAllow[wild] != "" {
				s[0]++
			} else {
				s[1]++
				t.Errorf("%s: tshark %q, rawcap %q", key, clip(want), clip(got))
			}
			stats[field] = s
		}
	}
}

// TestAppMatchesTshark compares rawcap's JSON fields for DNS, DHCP and NTP
// with tshark's, over the corpus packets carrying them and the crafted
// vectors.
func TestAppMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	stats := map[string][2]int{}
	for _, c := range appCorpus(t, decode.LayerDNS, decode.LayerDHCPv4, decode.LayerNTP) {
		compareWithTshark(t, c.name, c.path, c.packets, c.mine, stats)
	}
	for _, set := range []struct {
		name string
		vs   []appVector
	}{{"dnsVectors", dnsVectors}, {"dhcpVectors", dhcpVectors}, {"ntpVectors", ntpVectors}} {
		var frames [][]byte
		var pkts []pcapio.Packet
		var mine []bool
		for i, v := range set.vs {
			fr := appFrame(mustHex(t, v.hex), v.sport, v.dport, v.tcp)
			frames = append(frames, fr)
			pkts = append(pkts, pcapio.Packet{Data: fr, Length: len(fr), Time: time.Unix(int64(1700000000+i), 0), LinkType: linktype.Ethernet})
			mine = append(mine, true)
		}
		compareWithTshark(t, set.name, writeTestPcap(t, frames), pkts, mine, stats)
	}
	var names []string
	for f := range stats {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		t.Logf("%-22s %4d agree %4d differ", f, stats[f][0], stats[f][1])
	}
}
