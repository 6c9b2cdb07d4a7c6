package decode_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
)

// tsharkFields are the fields the JSON test checks against tshark -T
// fields: every field rawcap decodes but the frame's (JSON's "frame"
// object has formats of its own).
var tsharkFields = func() []string {
	var out []string
	for _, n := range rawcapFieldNames() {
		if !strings.HasPrefix(n, "frame.") {
			out = append(out, n)
		}
	}
	return out
}()

// tsharkDiffAllow lists known disagreements, "file" or "file field" →
// reason. Keep it empty.
var tsharkDiffAllow = map[string]string{
	"tcpdump/tests_bgp-shutdown-communication.pcapng":                 "a TCP retransmission (frame 2): tshark does not hand retransmitted bytes to BGP, rawcap decodes them",
	"tcpdump/tests_bigtcp-ipv6.pcap":                                  "IPv6 payload length 0 without a jumbo option: tshark stops at IPv6, rawcap decodes the captured bytes",
	"tcpdump/tests_icmpv6-length-zero.pcapng":                         "IPv6 payload length 0 without a jumbo option: tshark stops at IPv6, rawcap decodes the captured bytes",
	"tcpdump/tests_bgp-bgp_capabilities_print-oobr-1.pcap":            "a crafted segment (SYN+PSH+URG, reserved bits, an EOL-only option list) that tshark stops dissecting before its sequence analysis",
	"tcpdump/tests_bgp-bgp_capabilities_print-oobr-2.pcap":            "a crafted segment (SYN+PSH+URG, reserved bits, an EOL-only option list) that tshark stops dissecting before its sequence analysis",
	"tcpdump/tests_rpki-rtr-oobr.pcap":                                "a crafted segment that tshark stops dissecting before its sequence analysis",
	"tcpdump/tests_icmp_ext_oob_poc.pcap":                             "an ICMP type for which tshark shows an identifier field that rawcap does not",
	"tcpdump/tests_gso-ipv6-geneve-ipv4.pcap ip.version":              "IPv4 in Geneve in IPv6: tshark's first ip.version is the hidden one of the outer IPv6 header, JSON's ip object the inner IPv4's",
	"gopacket/pcapgo_tests_le_test301.pcapng tls.handshake.length":    "a record after a ChangeCipherSpec in an earlier segment (encrypted) or cut by the segment: JSON keeps no TLS session state yet",
	"gopacket/pcapgo_tests_le_test301.pcapng tls.handshake.type":      "a record after a ChangeCipherSpec in an earlier segment (encrypted) or cut by the segment: JSON keeps no TLS session state yet",
	"gopacket/pcapgo_tests_le_test301.pcapng tls.record.content_type": "a record after a ChangeCipherSpec in an earlier segment (encrypted) or cut by the segment: JSON keeps no TLS session state yet",
	"gopacket/pcapgo_tests_le_test301.pcapng tls.record.length":       "a record after a ChangeCipherSpec in an earlier segment (encrypted) or cut by the segment: JSON keeps no TLS session state yet",
	"gopacket/pcapgo_tests_le_test301.pcapng tls.record.version":      "a record after a ChangeCipherSpec in an earlier segment (encrypted) or cut by the segment: JSON keeps no TLS session state yet",
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

// flatJSON decodes one rawcap JSON line into "proto.field" → tshark text
// of the field's first occurrence in the packet (tshark -E occurrence=f:
// members in order, arrays of records descended in order), and the set of
// protocols present.
func flatJSON(t *testing.T, line []byte) (map[string]string, map[string]bool) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	fields, protos := map[string]string{}, map[string]bool{}
	var walk func(proto, key string) error
	walk = func(proto, key string) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'):
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return err
				}
				name := k.(string)
				p, kk := proto, name
				if proto == "" {
					p, kk = name, ""
					protos[name] = true
				}
				if err := walk(p, kk); err != nil {
					return err
				}
			}
			_, err = dec.Token()
			return err
		case json.Delim('['):
			for dec.More() {
				if err := walk(proto, key); err != nil {
					return err
				}
			}
			_, err = dec.Token()
			return err
		}
		if name := proto + "." + key; key != "" {
			if _, ok := fields[name]; !ok {
				fields[name] = jsonFieldString(tok)
			}
		}
		return nil
	}
	if err := walk("", ""); err != nil {
		t.Fatalf("bad JSON %s: %v", line, err)
	}
	return fields, protos
}

func TestJSONMatchesTshark(t *testing.T) {
	version := tsharkVersion(t)
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
					known[i] = !damaged(d) && len(d.Layers()) > 1
					if known[i] {
						n++
					}
				}
				if n == 0 {
					continue
				}
				args := []string{"-T", "fields", "-E", "occurrence=f", "-E", "separator=/t"}
				for _, f := range tsharkFields {
					args = append(args, "-e", f)
				}
				args = append(args, "-e", "frame.protocols") // the last column, checked apart
				out := tsharkCached("json", cf.path, version, args...)
				rows := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
				var err error
				if len(rows) != len(cf.packets) {
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
						if !protos[proto] || !have {
							continue // only the keys rawcap writes
						}
						if got == "1" && want != "" && (decode.LookupField(name).Kind == decode.KindProtocol || decode.LookupField(name).Kind == decode.KindNone) {
							got = want // JSON shows a present option as true, tshark its bytes
						}
						if got == "" && (want == "<MISSING>" || want == "<none>") && decode.LookupField(name).Kind == decode.KindBytes {
							got = want // an empty byte string: "" in JSON, tshark's text in -T fields
						}
						if k := decode.LookupField(name).Kind; k == decode.KindString || k == decode.KindOID {
							got = fieldsEscaper.Replace(got) // JSON holds the text, -T fields its escaped form
						}
						if want != "" {
							mu.Lock()
							valued[name]++
							mu.Unlock()
						}
						if got == want {
							continue
						}
						if _, allowed := tsharkDiffAllow[cf.name+" "+name]; allowed || fieldsAllowed(cf.name, name) {
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

// fieldsEscaper escapes a text as tshark -T fields does by default.
var fieldsEscaper = strings.NewReplacer("\t", `\t`, "\n", `\n`, "\r", `\r`, "\f", `\f`, "\b", `\b`)

// damaged reports whether the packet d last decoded has a malformed layer,
// other than the F5 trailer tshark's heuristic takes after the packet's
// own layers (those are whole, and compared).
func damaged(d *decode.Decoder) bool {
	m, bad := d.Malformed()
	return bad && m.Type != decode.LayerF5Trailer
}
