package decode_test

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// appVector is an application message, carried in a crafted
// Ethernet/IPv4/UDP (or TCP) frame between 192.0.2.1 and 192.0.2.2.
type appVector struct {
	name  string
	hex   string // the UDP payload (for tcp, the TCP payload), spaced hex
	sport uint16
	dport uint16
	tcp   bool
	want  string // tcpdump -n's line after "IP a.p > b.q: "
}

func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.Join(strings.Fields(s), ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// appFrame wraps payload in Ethernet, IPv4 (with a correct header checksum)
// and UDP or TCP (checksum 0: tcpdump checks it only from -vv for UDP over
// IPv4; TCP vectors are compared without -v).
func appFrame(payload []byte, sport, dport uint16, tcp bool) []byte {
	th := 8
	proto := byte(17)
	if tcp {
		th, proto = 20, 6
	}
	f := make([]byte, 14+20+th+len(payload))
	copy(f[0:], []byte{0, 0, 0x5e, 0, 0x53, 2, 0, 0, 0x5e, 0, 0x53, 1, 8, 0})
	ip := f[14:34]
	ip[0], ip[8], ip[9] = 0x45, 64, proto
	binary.BigEndian.PutUint16(ip[2:], uint16(20+th+len(payload)))
	copy(ip[12:], []byte{192, 0, 2, 1, 192, 0, 2, 2})
	var s uint32
	for i := 0; i < 20; i += 2 {
		s += uint32(binary.BigEndian.Uint16(ip[i:]))
	}
	for s > 0xffff {
		s = s&0xffff + s>>16
	}
	binary.BigEndian.PutUint16(ip[10:], ^uint16(s))
	l4 := f[34:]
	binary.BigEndian.PutUint16(l4[0:], sport)
	binary.BigEndian.PutUint16(l4[2:], dport)
	if tcp {
		binary.BigEndian.PutUint32(l4[4:], 1000)
		l4[12], l4[13] = 0x50, 0x18 // PSH|ACK
		binary.BigEndian.PutUint32(l4[8:], 2000)
		binary.BigEndian.PutUint16(l4[14:], 512)
	} else {
		binary.BigEndian.PutUint16(l4[4:], uint16(8+len(payload)))
	}
	copy(l4[th:], payload)
	return f
}

// writeTestPcap writes frames to a classic pcap file, one second apart.
func writeTestPcap(t *testing.T, frames [][]byte) string {
	t.Helper()
	return writeTestPcapWire(t, frames, nil)
}

// writeTestPcapWire is writeTestPcap with each frame's original length
// (wire[i]; nil means the captured length), for frames cut short.
func writeTestPcapWire(t *testing.T, frames [][]byte, wire []int) string {
	t.Helper()
	return writeTestPcapLink(t, linktype.Ethernet, frames, wire)
}

// writeTestPcapLink writes frames of link type lt to a pcap file, a second
// apart from 1700000000, with each frame's original length wire[i] (nil:
// the captured length).
func writeTestPcapLink(t *testing.T, lt linktype.Type, frames [][]byte, wire []int) string {
	t.Helper()
	b := make([]byte, 24)
	binary.LittleEndian.PutUint32(b[0:], 0xa1b2c3d4)
	binary.LittleEndian.PutUint16(b[4:], 2)
	binary.LittleEndian.PutUint16(b[6:], 4)
	binary.LittleEndian.PutUint32(b[16:], 65535)
	binary.LittleEndian.PutUint32(b[20:], uint32(lt))
	for i, f := range frames {
		orig := len(f)
		if wire != nil {
			orig = wire[i]
		}
		var h [16]byte
		binary.LittleEndian.PutUint32(h[0:], uint32(1700000000+i))
		binary.LittleEndian.PutUint32(h[8:], uint32(len(f)))
		binary.LittleEndian.PutUint32(h[12:], uint32(orig))
		b = append(append(b, h[:]...), f...)
	}
	p := filepath.Join(t.TempDir(), "vectors.pcap")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// tcpdumpPackets runs tcpdump -n -tt OPTS -r path (TZ=UTC) and returns its
// output split per packet, failing t unless there are want packets.
func tcpdumpPackets(t *testing.T, path string, opts []string, want int) []string {
	t.Helper()
	cmd := exec.Command("tcpdump", append(append([]string{"-n", "-tt"}, opts...), "-r", path)...)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tcpdump: %v", err)
	}
	chunks := appSplit(out)
	if len(chunks) != want {
		t.Fatalf("tcpdump %v printed %d packets, want %d", opts, len(chunks), want)
	}
	return chunks
}

// tcpdumpStamped runs tcpdump -n -tt OPTS -r path (TZ=UTC) and returns its
// output split at each line that starts with a time stamp, failing t
// unless there are want packets.
func tcpdumpStamped(t *testing.T, path string, opts []string, want int) []string {
	t.Helper()
	args := append(append([]string{"-n", "-tt"}, opts...), "-r", path)
	cmd := exec.Command("tcpdump", args...)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tcpdump %v: %v", args, err)
	}
	chunks := splitStamped(out)
	if len(chunks) != want {
		t.Fatalf("tcpdump %v printed %d packets, want %d", opts, len(chunks), want)
	}
	return chunks
}

// lineFor prints frame f as rawcap's line printer with options lo.
func lineFor(d *decode.Decoder, p *decode.LinePrinter, f []byte, n int) string {
	d.Decode(f, linktype.Ethernet)
	fr := decode.Frame{Number: n, Time: time.Unix(int64(1700000000+n-1), 0), Length: len(f)}
	return string(p.Append(nil, d, &fr))
}

// checkVectors checks each vector's default line against its want, and, if
// tcpdump is installed, every vector's output by default and with -v
// against tcpdump's.
func checkVectors(t *testing.T, vs []appVector) {
	frames := make([][]byte, len(vs))
	for i, v := range vs {
		frames[i] = appFrame(mustHex(t, v.hex), v.sport, v.dport, v.tcp)
	}
	d := decode.NewDecoder()
	for i, v := range vs {
		p := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
		got := lineFor(d, p, frames[i], i+1)
		_, after, _ := strings.Cut(got, ": ")
		if v.tcp {
			_, after, _ = strings.Cut(after, ", length ")
			_, after, _ = strings.Cut(after, " ")
		}
		if diff := cmp.Diff(v.want+"\n", after); diff != "" {
			t.Errorf("%s: line (-want +got):\n%s", v.name, diff)
		}
	}
	if _, err := exec.LookPath("tcpdump"); err != nil || testing.Short() {
		t.Log("tcpdump not installed or -short: vectors not compared with it")
		return
	}
	path := writeTestPcap(t, frames)
	for _, opts := range [][]string{{}, {"-v"}, {"-vv"}, {"-vvv"}, {"-q"}} {
		chunks := tcpdumpPackets(t, path, opts, len(vs))
		lo := appLineOptions(opts)
		lo.Time = decode.TimeEpoch
		p := &decode.LinePrinter{Options: lo}
		agree := 0
		for i, v := range vs {
			got := lineFor(d, p, frames[i], i+1)
			if diff := cmp.Diff(chunks[i], got); diff != "" {
				t.Errorf("%s %v: tcpdump (-want) vs rawcap (+got):\n%s", v.name, opts, diff)
				continue
			}
			agree++
		}
		t.Logf("tcpdump %v: %d of %d vectors agree", opts, agree, len(vs))
	}
}

// dnsVectors are DNS messages crafted per RFC 1035/6891 to reach each
// branch of the printer (generated by a script from names, types and
// flags); want is tcpdump 4.99.3's output for them.
var dnsVectors = []appVector{
	{name: "query-a", hex: "12 34 01 00 00 01 00 00 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 01 00 01", want: "4660+ A? example.com. (29)"},
	{name: "resp-cname-a", hex: "12 34 85 80 00 01 00 02 00 00 00 00 03 77 77 77 07 65 78 61 6d 70 6c 65 " +
		"03 63 6f 6d 00 00 01 00 01 c0 0c 00 05 00 01 00 00 01 2c 00 06 03 63 64 " +
		"6e c0 10 c0 2d 00 01 00 01 00 00 01 2c 00 04 5d b8 d8 22", want: "4660* 2/0/0 CNAME cdn.example.com., A 93.184.216.34 (67)"},
	{name: "resp-aaaa", hex: "00 07 81 80 00 01 00 01 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 1c 00 01 c0 0c 00 1c 00 01 00 00 01 2c 00 10 20 01 0d b8 00 00 00 " +
		"00 00 00 00 00 00 00 00 01", want: "7 1/0/0 AAAA 2001:db8::1 (57)"},
	{name: "resp-mx-ns-ptr", hex: "00 08 81 80 00 01 00 03 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 0f 00 01 c0 0c 00 0f 00 01 00 00 01 2c 00 09 00 0a 04 6d 61 69 6c " +
		"c0 0c c0 0c 00 02 00 01 00 00 01 2c 00 05 02 6e 73 c0 0c c0 0c 00 0c 00 " +
		"01 00 00 01 2c 00 07 04 68 6f 73 74 c0 0c", want: "8 3/0/0 MX mail.example.com. 10, NS ns.example.com., PTR host.example.com. (86)"},
	{name: "resp-txt-srv", hex: "00 09 81 80 00 01 00 02 00 00 00 00 04 5f 73 69 70 04 5f 74 63 70 07 65 " +
		"78 61 6d 70 6c 65 03 63 6f 6d 00 00 21 00 01 c0 0c 00 10 00 01 00 00 01 " +
		"2c 00 0d 05 68 65 6c 6c 6f 06 77 6f 72 6c 64 21 c0 0c 00 21 00 01 00 00 " +
		"01 2c 00 0c 00 0a 00 3c 13 c4 03 73 69 70 c0 16", want: "9 2/0/0 TXT \"hello\" \"world!\", SRV sip.example.com.:5060 10 60 (88)"},
	{name: "resp-soa-nx", hex: "00 0a 81 83 00 01 00 00 00 01 00 00 04 6e 6f 70 65 07 65 78 61 6d 70 6c " +
		"65 03 63 6f 6d 00 00 01 00 01 c0 11 00 06 00 01 00 00 01 2c 00 22 03 6e " +
		"73 31 c0 11 05 61 64 6d 69 6e c0 11 78 a3 f1 75 00 00 1c 20 00 00 0e 10 " +
		"00 12 75 00 00 00 01 2c", want: "10 NXDomain 0/1/0 (80)"},
	{name: "query-opt-do", hex: "00 0b 01 20 00 01 00 00 00 00 00 01 07 65 78 61 6d 70 6c 65 03 6f 72 67 " +
		"00 00 30 00 01 00 00 29 10 00 00 00 80 00 00 00", want: "11+ [1au] DNSKEY? example.org. (40)"},
	{name: "resp-soa-answer", hex: "00 0c 85 80 00 01 00 01 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 06 00 01 c0 0c 00 06 00 01 00 00 01 2c 00 22 03 6e 73 31 c0 0c 05 " +
		"61 64 6d 69 6e c0 0c 00 00 00 01 00 00 00 02 00 00 00 03 00 00 00 04 00 " +
		"00 00 05", want: "12* 1/0/0 SOA (75)"},
	{name: "resp-fwd-ptr", hex: "00 0d 81 80 00 01 00 01 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 01 00 01 c0 c8 00 01 00 01 00 00 01 2c 00 04 01 02 03 04", want: "13 1/0/0 A 1.2.3.4 (45)"},
	{name: "resp-self-ptr", hex: "00 0e 81 80 00 01 00 01 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 05 00 01 c0 0c 00 05 00 01 00 00 01 2c 00 06 03 61 62 63 c0 29", want: "14 1/0/0 CNAME abc.<BAD PTR> [|domain]"},
	{name: "resp-truncated", hex: "00 0f 81 80 00 01 00 02 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 01 00 01 c0 0c 00 01 00 01 00 00 01 2c 00 04 01 02 03 04 c0 0c 00 " +
		"01 00 01 00 00 01 2c", want: "15 2/0/0 A 1.2.3.4, (55)"},
	{name: "query-chaos", hex: "00 10 00 00 00 01 00 00 00 00 00 00 07 76 65 72 73 69 6f 6e 04 62 69 6e " +
		"64 00 00 10 00 03", want: "16 TXT CHAOS? version.bind. (30)"},
	{name: "header-short", hex: "00 11 01 00 00 01 00", want: "domain [length 7 < 12] (invalid)"},
	{name: "resp-no-question", hex: "00 12 81 82 00 00 00 00 00 00 00 00", want: "18 ServFail [0q] 0/0/0 (12)"},
	{name: "query-ctrl-char", hex: "00 13 01 00 00 01 00 00 00 00 00 00 03 61 01 ff 03 63 6f 6d 00 00 01 00 " +
		"01", want: "19+ A? a^AM-^?.com. (25)"},
	{name: "query-types", hex: "00 14 01 00 00 03 00 00 00 00 00 00 01 61 07 65 78 61 6d 70 6c 65 00 00 " +
		"40 00 01 01 62 07 65 78 61 6d 70 6c 65 00 ff 00 00 01 01 63 07 65 78 61 " +
		"6d 70 6c 65 00 00 ff 00 01", want: "20+ [3q] Type64? a.example. Type65280? b.example. ANY? c.example. (57)"},
	{name: "resp-badvers", hex: "00 15 81 80 00 01 00 00 00 00 00 01 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 01 00 01 00 00 29 04 d0 01 00 00 00 00 00", want: "21 BadVers 0/0/1 (40)"},
	{name: "notify", hex: "00 16 24 00 00 01 00 00 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 06 00 01", want: "22 notify [b2&3=0x2400] SOA? example.com. (29)"},
	{name: "update", hex: "00 17 28 00 00 01 00 01 00 02 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 06 00 01", want: "23 update [1a] [2n] SOA? example.com. (29)"},
	{name: "query-flags-z", hex: "00 18 01 50 00 01 00 00 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 01 00 01", want: "24+% [b2&3=0x150] A? example.com. (29)"},
	{name: "resp-tc-ad-cd", hex: "00 19 83 30 00 02 00 00 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 01 00 01 07 65 78 61 6d 70 6c 65 03 6e 65 74 00 00 01 00 01", want: "25-|$ [2q], 0/0/0 (46)"},
	{name: "query-root", hex: "00 1a 01 00 00 01 00 00 00 00 00 01 00 00 02 00 01 00 00 29 02 00 00 00 " +
		"00 00 00 08 00 0a 00 04 01 02 03 04", want: "26+ [1au] NS? . (36)"},
	{name: "resp-opt-in-answer", hex: "00 1b 81 80 00 01 00 01 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 01 00 01 00 00 29 04 d0 00 00 80 00 00 0c 00 0a 00 08 00 01 02 03 " +
		"04 05 06 07", want: "27 1/0/0 OPT UDPsize=1232 DO [COOKIE 0001020304050607] (52)"},
	{name: "resp-class-any", hex: "00 1c 81 80 00 01 00 01 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 01 00 ff c0 0c 00 01 00 04 00 00 01 2c 00 04 09 09 09 09", want: "28 1/0/0 HS A 9.9.9.9 (45)"},
	{name: "resp-a-bad-len", hex: "00 1d 81 80 00 01 00 01 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 01 00 01 c0 0c 00 01 00 01 00 00 01 2c 00 02 09 09", want: "29 1/0/0 A [|domain]"},
	{name: "resp-iquery", hex: "00 1e 08 00 00 00 00 01 00 00 00 00 01 78 07 65 78 61 6d 70 6c 65 00 00 " +
		"01 00 01 00 00 01 2c 00 04 01 01 01 01", want: "30 inv_q (37)"},
	// DNS over TCP: the 2-byte length prefix, right and wrong.
	{name: "tcp-query-a", tcp: true, sport: 40000, dport: 53, hex: "00 1d " +
		"12 34 01 00 00 01 00 00 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d 00 00 01 00 01",
		want: "4660+ A? example.com. (29)"},
	{name: "tcp-bad-prefix", tcp: true, sport: 53, dport: 40000, hex: "00 05 " +
		"12 34 01 00 00 01 00 00 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d 00 00 01 00 01",
		want: "[prefix length(5) != length(29)] (invalid)"},
}

// dnsSectionVectors reach what -vv and -vvv add to the one-liner (the
// question in responses, the answers of a query, the authority and
// additional sections, TTLs) and the record types tcpdump prints
// specially (TSIG, URI, UNSPECA); want is tcpdump 4.99.3's default line.
// They are compared with tcpdump's one-liners only: the -V tree does not
// name TSIG and URI yet.
var dnsSectionVectors = []appVector{
	{name: "query-all-sections", hex: "00 1f 01 00 00 01 00 01 00 01 00 01 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 01 00 01 07 65 78 61 6d 70 6c 65 03 63 6f 6d 00 00 01 00 01 00 00 " +
		"01 2c 00 04 c0 00 02 09 07 65 78 61 6d 70 6c 65 03 63 6f 6d 00 00 02 00 " +
		"01 00 01 51 80 00 10 02 6e 73 07 65 78 61 6d 70 6c 65 03 63 6f 6d 00 00 " +
		"00 29 10 00 00 00 80 00 00 00",
		want: "31+ [1a] [1n] [1au] A? example.com. (106)"},
	{name: "resp-ns-ar", hex: "00 20 81 80 00 01 00 01 00 01 00 01 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 01 00 01 07 65 78 61 6d 70 6c 65 03 63 6f 6d 00 00 01 00 01 00 00 " +
		"01 2c 00 04 c0 00 02 09 07 65 78 61 6d 70 6c 65 03 63 6f 6d 00 00 02 00 " +
		"01 00 01 51 80 00 10 02 6e 73 07 65 78 61 6d 70 6c 65 03 63 6f 6d 00 00 " +
		"00 29 10 00 00 00 80 00 00 00",
		want: "32 1/1/1 A 192.0.2.9 (106)"},
	{name: "resp-ttls", hex: "00 21 81 80 00 01 00 07 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 01 00 01 07 65 78 61 6d 70 6c 65 03 63 6f 6d 00 00 01 00 01 00 00 " +
		"00 00 00 04 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d 00 00 01 00 " +
		"01 00 00 00 3b 00 04 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d 00 " +
		"00 01 00 01 00 00 00 3d 00 04 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 " +
		"6f 6d 00 00 01 00 01 00 00 0e 4d 00 04 00 00 00 00 07 65 78 61 6d 70 6c " +
		"65 03 63 6f 6d 00 00 01 00 01 00 01 5f cd 00 04 00 00 00 00 07 65 78 61 " +
		"6d 70 6c 65 03 63 6f 6d 00 00 01 00 01 01 e1 33 80 00 04 00 00 00 00 07 " +
		"65 78 61 6d 70 6c 65 03 63 6f 6d 00 00 01 00 01 ff ff ff ff 00 04 00 00 " +
		"00 00",
		want: "33 7/0/0 A 0.0.0.0, A 0.0.0.0, A 0.0.0.0, A 0.0.0.0, A 0.0.0.0, A 0.0.0.0, A 0.0.0.0 (218)"},
	{name: "resp-tsig", hex: "00 22 81 80 00 01 00 01 00 00 00 01 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 01 00 01 07 65 78 61 6d 70 6c 65 03 63 6f 6d 00 00 01 00 01 00 00 " +
		"01 2c 00 04 c0 00 02 09 03 6b 65 79 07 65 78 61 6d 70 6c 65 00 00 fa 00 " +
		"ff 00 00 00 00 00 21 0b 68 6d 61 63 2d 73 68 61 32 35 36 00 00 00 65 53 " +
		"f1 00 01 2c 00 04 61 62 63 64 00 07 00 00 00 00",
		want: "34 1/0/1 A 192.0.2.9 (112)"},
	{name: "query-tsig", hex: "00 23 01 00 00 01 00 00 00 00 00 01 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 01 00 01 03 6b 65 79 07 65 78 61 6d 70 6c 65 00 00 fa 00 ff 00 00 " +
		"00 00 00 21 0b 68 6d 61 63 2d 73 68 61 32 35 36 00 00 00 65 53 f1 00 01 " +
		"2c 00 04 61 62 63 64 00 07 00 00 00 00",
		want: "35+ [1au] A? example.com. (85)"},
	{name: "resp-uri-unspeca-chaos", hex: "00 24 81 80 00 01 00 03 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 01 00 01 07 65 78 61 6d 70 6c 65 03 63 6f 6d 00 01 00 00 01 00 00 " +
		"00 3c 00 0d 00 0a 00 01 68 74 74 70 73 3a 2f 2f 78 07 65 78 61 6d 70 6c " +
		"65 03 63 6f 6d 00 00 68 00 01 00 00 00 3c 00 05 68 65 6c 6c 6f 07 65 78 " +
		"61 6d 70 6c 65 03 63 6f 6d 00 00 10 00 03 00 00 00 3c 00 03 02 68 69",
		want: "36 3/0/0 URI 10 1 https://x, UNSPECAhello, CHAOS TXT \"hi\" (119)"},
	{name: "resp-two-questions", hex: "00 25 81 80 00 02 00 01 00 00 00 01 07 65 78 61 6d 70 6c 65 03 63 6f 6d " +
		"00 00 01 00 01 07 65 78 61 6d 70 6c 65 03 63 6f 6d 00 00 01 00 01 07 65 " +
		"78 61 6d 70 6c 65 03 63 6f 6d 00 00 01 00 01 00 00 01 2c 00 04 c0 00 02 " +
		"09 00 00 29 10 00 00 00 80 00 00 00",
		want: "37 [2q], 1/0/1 A 192.0.2.9 (84)"},
}

func init() {
	for i := range dnsSectionVectors {
		dnsSectionVectors[i].sport, dnsSectionVectors[i].dport = 40000, 53
	}
	for i := range dnsVectors {
		if dnsVectors[i].sport == 0 {
			dnsVectors[i].sport, dnsVectors[i].dport = 40000, 53
		}
	}
}

func TestDNSVectors(t *testing.T) { checkVectors(t, dnsVectors) }

func TestDNSSectionVectors(t *testing.T) { checkVectors(t, dnsSectionVectors) }

// TestAppJSONMalformed checks that a message cut short is kept, with the
// fields it has, and named in the frame's "malformed" member.
func TestAppJSONMalformed(t *testing.T) {
	tests := []struct {
		name, hex, layer string
		port             uint16
		want             map[string]any // fields of the layer's object
	}{
		{"dns answer cut", "12 34 81 80 00 01 00 01 00 00 00 00 07 65 78 61 6d 70 6c 65 03 63 6f 6d 00 00 01 00 01 c0 0c 00 01",
			"dns", 53, map[string]any{"id": "0x1234", "qry.name": "example.com", "count.answers": 1.0}},
		{"dns header cut", "12 34 01", "dns", 53, map[string]any{"id": "0x1234"}},
		{"ntp cut", "23 02 06 ec 00 00", "ntp", 123, map[string]any{"flags.vn": 4.0, "stratum": 2.0, "ppoll": 6.0}},
		{"dhcp cut", "01 01 06 00 12 34 ab cd", "dhcp", 67, map[string]any{"type": 1.0, "id": "0x1234abcd"}},
	}
	d := decode.NewDecoder()
	jp := &decode.JSONPrinter{Location: time.UTC}
	for _, tt := range tests {
		fr := appFrame(mustHex(t, tt.hex), 40000, tt.port, false)
		d.Decode(fr, linktype.Ethernet)
		f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(fr)}
		var js map[string]any
		if err := json.Unmarshal(jp.Append(nil, d, &f), &js); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if diff := cmp.Diff(map[string]any{"layer": tt.layer, "reason": "truncated header"}, js["malformed"]); diff != "" {
			t.Errorf("%s: malformed (-want +got):\n%s", tt.name, diff)
		}
		obj, _ := js[tt.layer].(map[string]any)
		for k, v := range tt.want {
			if diff := cmp.Diff(v, obj[k]); diff != "" {
				t.Errorf("%s: %s (-want +got):\n%s", tt.name, k, diff)
			}
		}
	}
}
