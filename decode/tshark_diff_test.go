package decode_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
)

// tsharkFields are the JSON fields checked against tshark -T fields, by
// their Wireshark names.
var tsharkFields = []string{
	"eth.src", "eth.dst", "eth.type",
	"vlan.id", "vlan.priority", "vlan.etype",
	"sll.pkttype", "sll.etype",
	"arp.opcode", "arp.src.hw_mac", "arp.src.proto_ipv4", "arp.dst.hw_mac", "arp.dst.proto_ipv4",
	"ip.version", "ip.hdr_len", "ip.dsfield", "ip.len", "ip.id", "ip.flags.df", "ip.flags.mf", "ip.frag_offset",
	"ip.ttl", "ip.proto", "ip.checksum", "ip.src", "ip.dst",
	"ipv6.tclass", "ipv6.flow", "ipv6.plen", "ipv6.nxt", "ipv6.hlim", "ipv6.src", "ipv6.dst",
	"ipv6.hopopts.nxt", "ipv6.hopopts.len", "ipv6.hopopts.len_oct",
	"ipv6.routing.nxt", "ipv6.routing.len", "ipv6.routing.len_oct", "ipv6.routing.type", "ipv6.routing.segleft",
	"ipv6.routing.src.reserved", "ipv6.routing.src.addr", "ipv6.routing.mipv6.home_address",
	"ipv6.routing.srh.last_entry", "ipv6.routing.srh.flags", "ipv6.routing.srh.tag", "ipv6.routing.srh.addr",
	"ipv6.fraghdr.nxt", "ipv6.fraghdr.reserved_octet", "ipv6.fraghdr.offset", "ipv6.fraghdr.reserved_bits",
	"ipv6.fraghdr.more", "ipv6.fraghdr.ident",
	"ipv6.dstopts.nxt", "ipv6.dstopts.len", "ipv6.dstopts.len_oct",
	"icmp.type", "icmp.code", "icmp.ident", "icmp.seq",
	"icmpv6.type", "icmpv6.code",
	"tcp.srcport", "tcp.dstport", "tcp.seq_raw", "tcp.ack_raw", "tcp.seq", "tcp.ack", "tcp.hdr_len", "tcp.len",
	"tcp.flags", "tcp.flags.syn", "tcp.flags.ack", "tcp.flags.fin", "tcp.flags.reset", "tcp.flags.push",
	"tcp.window_size_value", "tcp.options.mss_val", "tcp.options.wscale.shift", "tcp.options.timestamp.tsval",
	"udp.srcport", "udp.dstport", "udp.length",
	"ppp.address", "ppp.control", "ppp.protocol",
}

// tsharkDiffAllow lists known disagreements, "file" or "file field" →
// reason. Keep it empty.
var tsharkDiffAllow = map[string]string{
	"tcpdump/tests_DTP.pcap":                               "Cisco ISL frames (dst 01:00:0c:00:00:00): tshark decodes the encapsulated frame, rawcap the outer 802.3 header",
	"tcpdump/tests_bigtcp-ipv6.pcap":                       "IPv6 payload length 0 without a jumbo option: tshark stops at IPv6, rawcap decodes the captured bytes",
	"tcpdump/tests_icmpv6-length-zero.pcapng":              "IPv6 payload length 0 without a jumbo option: tshark stops at IPv6, rawcap decodes the captured bytes",
	"tcpdump/tests_bgp-bgp_capabilities_print-oobr-1.pcap": "a crafted segment (SYN+PSH+URG, reserved bits, an EOL-only option list) that tshark stops dissecting before its sequence analysis",
	"tcpdump/tests_bgp-bgp_capabilities_print-oobr-2.pcap": "a crafted segment (SYN+PSH+URG, reserved bits, an EOL-only option list) that tshark stops dissecting before its sequence analysis",
	"tcpdump/tests_rpki-rtr-oobr.pcap":                     "a crafted segment that tshark stops dissecting before its sequence analysis",
	"tcpdump/tests_icmp_ext_oob_poc.pcap":                  "an ICMP type for which tshark shows an identifier field that rawcap does not",
}

// jsonFieldString formats a decoded JSON value as tshark -T fields prints it.
func jsonFieldString(v any) string {
	switch x := v.(type) {
	case bool:
		if x {
			return "1"
		}
		return "0"
	case json.Number:
		return x.String()
	case string:
		return x
	case []any: // a repeated field: tshark -E occurrence=f shows the first
		if len(x) > 0 {
			return jsonFieldString(x[0])
		}
		return ""
	}
	return fmt.Sprint(v)
}

// flatJSON decodes one rawcap JSON line into "proto.field" → tshark text,
// and the set of protocols present.
func flatJSON(t *testing.T, line []byte) (map[string]string, map[string]bool) {
	var obj map[string]map[string]any
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	if err := dec.Decode(&obj); err != nil {
		t.Fatalf("bad JSON %s: %v", line, err)
	}
	fields, protos := map[string]string{}, map[string]bool{}
	for proto, m := range obj {
		protos[proto] = true
		for k, v := range m {
			fields[proto+"."+k] = jsonFieldString(v)
		}
	}
	return fields, protos
}

func TestJSONMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	if testing.Short() {
		t.Skip("-short: the tshark differential test runs tshark once per corpus file")
	}
	files := loadCorpus(t)
	var mu sync.Mutex
	agree, disagree, skipped := 0, 0, 0
	perField := map[string]int{}
	valued := map[string]int{} // packets where a field had a value to compare
	var msgs []string
	pc := protocolsCheck{allowed: map[string]int{}, perFile: map[string]int{}}
	work := make(chan *corpusFile)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for cf := range work {
				if cf.golden.RC != 0 || len(cf.golden.Packets) != len(cf.packets) {
					continue
				}
				d := decode.NewDecoder()
				known := make([]bool, len(cf.packets))
				n := 0
				for i := range cf.packets {
					d.Decode(cf.packets[i].Data, cf.packets[i].LinkType)
					_, bad := d.Malformed()
					known[i] = !bad && len(d.Layers()) > 1
					if known[i] {
						n++
					}
				}
				if n == 0 {
					continue
				}
				args := []string{"-r", cf.path, "-T", "fields", "-E", "occurrence=f", "-E", "separator=\t"}
				for _, f := range tsharkFields {
					args = append(args, "-e", f)
				}
				args = append(args, "-e", "frame.protocols") // the last column, checked apart
				cmd := exec.Command("tshark", args...)
				cmd.Env = append(os.Environ(), "TZ=UTC")
				out, err := cmd.Output()
				rows := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
				if err != nil || len(rows) != len(cf.packets) {
					mu.Lock()
					skipped += n
					msgs = append(msgs, fmt.Sprintf("%s: tshark gave %d rows for %d packets (%v): skipped", cf.name, len(rows), len(cf.packets), err))
					mu.Unlock()
					continue
				}
				jp := &decode.JSONPrinter{Location: time.UTC}
				var buf []byte
				a, dis, shown := 0, 0, 0
				var fileMsgs []string
				for i := range cf.packets {
					pk := &cf.packets[i]
					d.Decode(pk.Data, pk.LinkType)
					f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length}
					buf = jp.Append(buf[:0], d, &f)
					if !known[i] {
						continue
					}
					mine, protos := flatJSON(t, buf)
					theirs := strings.Split(rows[i], "\t")
					if len(theirs) == len(tsharkFields)+1 {
						mu.Lock()
						pc.check(cf.name, i+1, theirs[len(tsharkFields)], mine["frame.protocols"])
						mu.Unlock()
					}
					ok := true
					for k, name := range tsharkFields {
						proto := name[:strings.IndexByte(name, '.')]
						got, have := mine[name]
						want := theirs[k]
						if !protos[proto] || (!have && want == "") {
							continue
						}
						if want != "" {
							mu.Lock()
							valued[name]++
							mu.Unlock()
						}
						if got == want {
							continue
						}
						if _, allowed := tsharkDiffAllow[cf.name+" "+name]; allowed {
							continue
						}
						ok = false
						if _, allowed := tsharkDiffAllow[cf.name]; !allowed {
							mu.Lock()
							perField[name]++
							mu.Unlock()
						}
						if shown < 3 {
							shown++
							fileMsgs = append(fileMsgs, fmt.Sprintf("%s#%d %s: tshark %q, rawcap %q", cf.name, i+1, name, want, got))
						}
					}
					if ok {
						a++
					} else {
						dis++
					}
				}
				mu.Lock()
				if _, allowed := tsharkDiffAllow[cf.name]; allowed {
					a, dis, fileMsgs = a+dis, 0, nil
				}
				agree += a
				disagree += dis
				msgs = append(msgs, fileMsgs...)
				mu.Unlock()
			}
		}()
	}
	for _, cf := range files {
		work <- cf
	}
	close(work)
	wg.Wait()
	t.Logf("tshark -T fields: %d packets agree on all %d fields, %d disagree, %d skipped", agree, len(tsharkFields), disagree, skipped)
	var counts []string
	for _, k := range tsharkFields {
		counts = append(counts, fmt.Sprintf("%s=%d", k, valued[k]))
	}
	t.Logf("packets compared with a value, per field: %s", strings.Join(counts, " "))
	var names []string
	for k := range perField {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		t.Logf("  %s: %d packets differ", k, perField[k])
	}
	sort.Strings(msgs)
	pc.report(t)
	for i, m := range msgs {
		if i == 300 {
			break
		}
		if strings.HasSuffix(m, "skipped") {
			t.Log(m)
		} else {
			t.Error(m)
		}
	}
}

var _ = strconv.Itoa
