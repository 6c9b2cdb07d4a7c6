package decode_test

import (
	"encoding/binary"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// Generated mDNS (RFC 6762) and LLMNR (RFC 4795) traffic: the corpus has
// none, so the messages are built here, the way responders and resolvers
// send them, and held to tshark's -V, packet list and -T fields and to
// tcpdump's one-liners.

// dnsMsg builds a DNS-format message: the header, then each question and
// record, already encoded.
func dnsMsg(id, flags uint16, qd, an, ns, ar int, body ...[]byte) []byte {
	b := binary.BigEndian.AppendUint16(nil, id)
	for _, v := range []int{int(flags), qd, an, ns, ar} {
		b = binary.BigEndian.AppendUint16(b, uint16(v))
	}
	for _, p := range body {
		b = append(b, p...)
	}
	return b
}

// dnsName encodes a dotted name ("" is the root); a name ending in
// "@NN" ends with a compression pointer to offset NN instead.
func dnsName(s string) []byte {
	var b []byte
	ptr := -1
	if i := strings.IndexByte(s, '@'); i >= 0 {
		for _, c := range s[i+1:] {
			ptr = max(ptr, 0)*10 + int(c-'0')
		}
		s = strings.TrimSuffix(s[:i], ".")
	}
	if s != "" {
		for _, l := range strings.Split(s, ".") {
			b = append(append(b, byte(len(l))), l...)
		}
	}
	if ptr >= 0 {
		return append(b, 0xc0|byte(ptr>>8), byte(ptr))
	}
	return append(b, 0)
}

func dnsQ(name string, typ, class uint16) []byte {
	b := dnsName(name)
	b = binary.BigEndian.AppendUint16(b, typ)
	return binary.BigEndian.AppendUint16(b, class)
}

func dnsRR(name string, typ, class uint16, ttl uint32, data []byte) []byte {
	b := dnsName(name)
	b = binary.BigEndian.AppendUint16(b, typ)
	b = binary.BigEndian.AppendUint16(b, class)
	b = binary.BigEndian.AppendUint32(b, ttl)
	b = binary.BigEndian.AppendUint16(b, uint16(len(data)))
	return append(b, data...)
}

// udpFrame wraps payload in Ethernet, IPv4 or IPv6 and UDP with correct
// checksums (tcpdump -vv checks them); the Ethernet destination is the
// group address of a multicast destination.
func udpFrame(src, dst string, sport, dport uint16, payload []byte) []byte {
	s, d := netip.MustParseAddr(src), netip.MustParseAddr(dst)
	eth := []byte{0, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0x11, 0x22, 0x33, 0x44, 0x66, 8, 0}
	if d.Is4() && d.IsMulticast() {
		a := d.As4()
		copy(eth, []byte{1, 0, 0x5e, a[1] & 0x7f, a[2], a[3]})
	}
	if d.Is6() {
		eth[12], eth[13] = 0x86, 0xdd
		if d.IsMulticast() {
			a := d.As16()
			copy(eth, []byte{0x33, 0x33, a[12], a[13], a[14], a[15]})
		}
	}
	udp := binary.BigEndian.AppendUint16(nil, sport)
	udp = binary.BigEndian.AppendUint16(udp, dport)
	udp = binary.BigEndian.AppendUint16(udp, uint16(8+len(payload)))
	udp = append(append(udp, 0, 0), payload...)
	sum := uint32(17 + len(udp))
	add := func(b []byte) {
		for i := 0; i < len(b); i += 2 {
			v := uint32(b[i]) << 8
			if i+1 < len(b) {
				v |= uint32(b[i+1])
			}
			sum += v
		}
	}
	add(s.AsSlice())
	add(d.AsSlice())
	add(udp)
	for sum > 0xffff {
		sum = sum&0xffff + sum>>16
	}
	binary.BigEndian.PutUint16(udp[6:], ^uint16(sum))
	var ip []byte
	if s.Is4() {
		ip = []byte{0x45, 0, 0, 0, 0, 1, 0, 0, 255, 17, 0, 0}
		binary.BigEndian.PutUint16(ip[2:], uint16(20+len(udp)))
		ip = append(append(ip, s.AsSlice()...), d.AsSlice()...)
		var hs uint32
		for i := 0; i < 20; i += 2 {
			hs += uint32(binary.BigEndian.Uint16(ip[i:]))
		}
		for hs > 0xffff {
			hs = hs&0xffff + hs>>16
		}
		binary.BigEndian.PutUint16(ip[10:], ^uint16(hs))
	} else {
		ip = []byte{0x60, 0, 0, 0, 0, 0, 17, 255}
		binary.BigEndian.PutUint16(ip[4:], uint16(len(udp)))
		ip = append(append(ip, s.AsSlice()...), d.AsSlice()...)
	}
	return cat(eth, ip, udp)
}

// mdnsCase is one generated packet and tcpdump -n's line for it after the
// addresses and ports.
type mdnsCase struct {
	name  string
	frame []byte
	want  string
}

func mdnsCases() []mdnsCase {
	const (
		in    = 1
		qu    = 0x8001 // IN with the unicast-response bit
		flush = 0x8001 // IN with the cache-flush bit
		host  = "192.168.1.10"
		peer  = "192.168.1.20"
		group = "224.0.0.251"
	)
	srv := cat([]byte{0, 0, 0, 0, 0, 80}, dnsName("host.local"))
	nsec := cat(dnsName("host.local"), []byte{0, 6, 0x40, 0, 0, 8, 0, 1}) // A, AAAA, NSEC
	txt := []byte("\x09path=/abc\x05a=b=c")
	fe80 := netip.MustParseAddr("fe80::211:2233:4455:6677").AsSlice()
	answers := cat(
		dnsRR("_http._tcp.local", 12, in, 4500, dnsName("My Web._http._tcp.local")),
		dnsRR("My Web._http._tcp.local", 33, flush, 120, srv),
		dnsRR("My Web._http._tcp.local", 16, flush, 4500, txt),
		dnsRR("host.local", 1, flush, 120, []byte{192, 168, 1, 10}),
		dnsRR("host.local", 28, flush, 120, fe80),
		dnsRR("host.local", 47, flush, 120, nsec),
	)
	return []mdnsCase{
		{"mDNS browse: a QU and a QM question", udpFrame(host, group, 5353, 5353,
			dnsMsg(0, 0, 2, 0, 0, 0, dnsQ("_http._tcp.local", 12, qu), dnsQ("host.local", 1, in))),
			"0 [2q] PTR (QU)? _http._tcp.local. A (QM)? host.local. (50)"},
		{"mDNS announcement with cache-flush records", udpFrame(peer, group, 5353, 5353,
			dnsMsg(0, 0x8400, 0, 6, 0, 0, answers)),
			"0*- [0q] 6/0/0 PTR My Web._http._tcp.local., (Cache flush) SRV host.local.:80 0 0, (Cache flush) TXT \"path=/abc\" \"a=b=c\", (Cache flush) A 192.168.1.10, (Cache flush) AAAA fe80::211:2233:4455:6677, (Cache flush) NSEC (275)"},
		{"mDNS probe: ANY question, proposed record in authority", udpFrame(host, group, 5353, 5353,
			dnsMsg(0, 0, 1, 0, 1, 0, dnsQ("host.local", 255, qu), dnsRR("@12", 1, in, 120, []byte{192, 168, 1, 10}))),
			"0 [1n] ANY (QU)? host.local. (44)"},
		{"mDNS unicast response to a QU question", udpFrame(peer, host, 5353, 5353,
			dnsMsg(0, 0x8400, 0, 1, 0, 1, dnsRR("_ipp._tcp.local", 12, in, 4500, dnsName("Printer._ipp._tcp.local")),
				dnsRR("Printer._ipp._tcp.local", 33, flush, 120, srv))),
			"0*- [0q] 1/0/1 PTR Printer._ipp._tcp.local. (117)"},
		{"mDNS legacy unicast query from a high port", udpFrame(host, group, 40000, 5353,
			dnsMsg(0x1234, 0, 1, 0, 0, 0, dnsQ("printer.local", 28, in))),
			"4660 AAAA (QM)? printer.local. (31)"},
		{"mDNS over IPv6, a class other than IN", udpFrame("fe80::1", "ff02::fb", 5353, 5353,
			dnsMsg(0, 0x8400, 0, 1, 0, 0, dnsRR("x.local", 16, 0x8003, 10, []byte("\x03abc")))),
			"0*- [0q] 1/0/0 CHAOS (Cache flush) TXT \"abc\" (35)"},
		{"LLMNR query to the group", udpFrame(host, "224.0.0.252", 54321, 5355,
			dnsMsg(0x1234, 0, 1, 0, 0, 0, dnsQ("wpad", 1, in))),
			"UDP, length 22"},
		{"LLMNR unicast query, conflict bit", udpFrame(host, peer, 54322, 5355,
			dnsMsg(0x2345, 0x0400, 1, 0, 0, 0, dnsQ("fileserver", 1, in))),
			"UDP, length 28"},
		{"LLMNR response: conflict and tentative", udpFrame(peer, host, 5355, 54322,
			dnsMsg(0x2345, 0x8500, 1, 1, 0, 0, dnsQ("fileserver", 1, in), dnsRR("@12", 1, in, 30, []byte{192, 168, 1, 20}))),
			"UDP, length 44"},
		{"LLMNR truncated response over IPv6", udpFrame("fe80::2", "fe80::1", 5355, 54323,
			dnsMsg(0x3456, 0x8200, 1, 0, 0, 0, dnsQ("wpad", 28, in))),
			"UDP, length 22"},
	}
}

func mdnsFrames() [][]byte {
	var frames [][]byte
	for _, c := range mdnsCases() {
		frames = append(frames, c.frame)
	}
	return frames
}

// TestMDNSLines checks the one-liners of the generated messages.
func TestMDNSLines(t *testing.T) {
	d := decode.NewDecoder()
	p := &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC}}
	for i, c := range mdnsCases() {
		got := lineFor(d, p, c.frame, i+1)
		if _, rest, _ := strings.Cut(got, ": "); strings.TrimSuffix(rest, "\n") != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, rest, c.want)
		}
	}
}

// TestMDNSLayers checks which layer each port gives and what frame.protocols
// and the Protocol column call it.
func TestMDNSLayers(t *testing.T) {
	d := decode.NewDecoder()
	for _, c := range mdnsCases() {
		layers := d.Decode(c.frame, linktype.Ethernet)
		last := layers[len(layers)-1]
		want := decode.LayerMDNS
		if strings.HasPrefix(c.name, "LLMNR") {
			want = decode.LayerLLMNR
		}
		if last.Type != want || last.Malformed != "" {
			t.Errorf("%s: last layer %v %q, want %v", c.name, last.Type, last.Malformed, want)
		}
	}
}

// TestMDNSMatchesTshark holds the generated messages' -V subtrees, Protocol
// and Info columns and -T fields to tshark's, and their one-liners to
// tcpdump's by default, -v, -vv and -q.
func TestMDNSMatchesTshark(t *testing.T) {
	frames := mdnsFrames()
	var mdns, llmnr [][]byte
	for i, c := range mdnsCases() {
		if strings.HasPrefix(c.name, "LLMNR") {
			llmnr = append(llmnr, frames[i])
		} else {
			mdns = append(mdns, frames[i])
		}
	}
	compareSubtreeWithTshark(t, mdns, "Multicast Domain Name System", nil)
	compareSubtreeWithTshark(t, llmnr, "Link-local Multicast Name Resolution", nil)
	compareFieldsWithTshark(t, writeTestPcap(t, frames), frames, []string{
		"frame.protocols", "dns.id", "dns.flags", "dns.flags.response", "dns.flags.opcode",
		"dns.flags.authoritative", "dns.flags.conflict", "dns.flags.truncated", "dns.flags.recdesired",
		"dns.flags.tentative", "dns.flags.recavail", "dns.flags.z", "dns.flags.checkdisable", "dns.flags.rcode",
		"dns.count.queries", "dns.count.answers", "dns.count.auth_rr", "dns.count.add_rr",
		"dns.qry.name", "dns.qry.type", "dns.qry.class", "dns.qry.qu",
		"dns.resp.name", "dns.resp.type", "dns.resp.class", "dns.resp.cache_flush", "dns.resp.ttl", "dns.resp.len",
		"dns.a", "dns.aaaa", "dns.ptr.domain_name", "dns.srv.service", "dns.srv.proto", "dns.srv.name",
		"dns.srv.port", "dns.srv.target", "dns.txt", "dns.response_to", "dns.unsolicited",
		"dns.retransmission", "dns.retransmit_request_in", "dns.retransmit_response_in",
	})
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-q"}})
}

// FuzzMDNS feeds mDNS messages to the decoder and every printer.
func FuzzMDNS(f *testing.F) {
	var vs []appVector
	for _, c := range mdnsCases() {
		if !strings.HasPrefix(c.name, "LLMNR") {
			vs = append(vs, appVector{hex: hexOf(udpPayload(c.frame))})
		}
	}
	fuzzApp(f, decode.LayerMDNS, 5353, false, vs)
}

// FuzzLLMNR feeds LLMNR messages to the decoder and every printer.
func FuzzLLMNR(f *testing.F) {
	var vs []appVector
	for _, c := range mdnsCases() {
		if strings.HasPrefix(c.name, "LLMNR") {
			vs = append(vs, appVector{hex: hexOf(udpPayload(c.frame))})
		}
	}
	fuzzApp(f, decode.LayerLLMNR, 5355, false, vs)
}

// udpPayload returns what follows the UDP header of a udpFrame.
func udpPayload(fr []byte) []byte {
	if fr[12] == 0x86 {
		return fr[14+40+8:]
	}
	return fr[14+20+8:]
}

func hexOf(b []byte) string {
	const digits = "0123456789abcdef"
	var s strings.Builder
	for _, c := range b {
		s.WriteByte(digits[c>>4])
		s.WriteByte(digits[c&15])
	}
	return s.String()
}

// TestMDNSNoAllocations checks that decoding the generated messages and
// printing them (one-liners, -V, JSON, columns) allocates nothing.
func TestMDNSNoAllocations(t *testing.T) {
	d := decode.NewDecoder()
	buf := make([]byte, 0, 64<<10)
	printers := []interface {
		Append([]byte, *decode.Decoder, *decode.Frame) []byte
	}{
		&decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC}},
		&decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Verbose: 3}},
		&decode.TreePrinter{Location: time.UTC},
		&decode.JSONPrinter{Location: time.UTC},
		&decode.ColumnsPrinter{},
	}
	for i, fr := range mdnsFrames() {
		f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(fr)}
		for k, p := range printers {
			run := func() {
				d.Decode(fr, linktype.Ethernet)
				buf = p.Append(buf[:0], d, &f)
			}
			run()
			if n := testing.AllocsPerRun(50, run); n != 0 {
				t.Errorf("frame %d printer %d: %v allocations", i, k, n)
			}
		}
	}
}
