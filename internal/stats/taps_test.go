package stats_test

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/rawcap/rawcap/internal/stats"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// Crafted packets for the cases where Wireshark's taps do not simply
// count every header: raw IPv4 and IPv6 (no link header).

func checksum(b []byte) uint16 {
	var s uint32
	for i := 0; i+1 < len(b); i += 2 {
		s += uint32(b[i])<<8 | uint32(b[i+1])
	}
	if len(b)%2 == 1 {
		s += uint32(b[len(b)-1]) << 8
	}
	for s>>16 != 0 {
		s = s&0xffff + s>>16
	}
	return ^uint16(s)
}

// ip4 builds an IPv4 header from 10.0.0.src to 10.0.0.dst before payload;
// total < 0 sets the total length to the real one.
func ip4(proto byte, payload []byte, flagsOff uint16, total int, src, dst byte) []byte {
	if total < 0 {
		total = 20 + len(payload)
	}
	h := []byte{0x45, 0, byte(total >> 8), byte(total), 0, 7, byte(flagsOff >> 8), byte(flagsOff), 64, proto, 0, 0,
		10, 0, 0, src, 10, 0, 0, dst}
	binary.BigEndian.PutUint16(h[10:], checksum(h))
	return append(h, payload...)
}

// ip6 builds an IPv6 header from ::src to ::dst before payload.
func ip6(next byte, payload []byte, src, dst byte) []byte {
	h := make([]byte, 40)
	h[0] = 0x60
	binary.BigEndian.PutUint16(h[4:], uint16(len(payload)))
	h[6], h[7] = next, 64
	h[23], h[39] = src, dst
	return append(h, payload...)
}

var udpDNS = []byte{0x03, 0xe8, 0x00, 0x35, 0x00, 0x0c, 0x00, 0x00, 'a', 'b', 'c', 'd'} // 1000 → 53

func cat(bs ...[]byte) []byte { return bytes.Join(bs, nil) }

var tapCases = []struct {
	name string
	lt   linktype.Type
	data []byte
	cut  int // bytes on the wire beyond those captured
}{
	{"v4 udp", linktype.IPv4, ip4(17, udpDNS, 0, -1, 1, 2), 0},
	{"v4 first fragment", linktype.IPv4, ip4(17, udpDNS, 0x2000, -1, 1, 2), 0},
	{"v4 later fragment", linktype.IPv4, ip4(17, udpDNS, 0x0002, -1, 1, 2), 0},
	{"v4 total length below the header", linktype.IPv4, ip4(17, udpDNS, 0, 19, 1, 2), 0},
	{"v4 total length 10", linktype.IPv4, ip4(17, udpDNS, 0, 10, 1, 2), 0},
	{"v4 total length past the frame", linktype.IPv4, ip4(17, udpDNS, 0, 200, 1, 2), 0},
	{"v4 icmp error quoting udp", linktype.IPv4, ip4(1, cat([]byte{3, 3, 0, 0, 0, 0, 0, 0}, ip4(17, udpDNS, 0, -1, 2, 1)[:28]), 0, -1, 1, 2), 0},
	{"v4 in v4", linktype.IPv4, ip4(4, ip4(17, udpDNS, 0, -1, 5, 6), 0, -1, 1, 2), 0},
	{"v4 udp cut short", linktype.IPv4, ip4(17, udpDNS, 0, -1, 1, 2)[:24], 100},
	{"v6 udp", linktype.IPv6, ip6(17, udpDNS, 1, 2), 0},
	{"v6 no next header", linktype.IPv6, ip6(59, nil, 1, 2), 0},
	{"v6 no next header, data", linktype.IPv6, ip6(59, []byte("xxxx"), 1, 2), 0},
	{"v6 hop-by-hop udp", linktype.IPv6, ip6(0, cat([]byte{17, 0, 1, 4, 0, 0, 0, 0}, udpDNS), 1, 2), 0},
	{"v6 hop-by-hop, no next", linktype.IPv6, ip6(0, []byte{59, 0, 1, 4, 0, 0, 0, 0}, 1, 2), 0},
	{"v6 destination options udp", linktype.IPv6, ip6(60, cat([]byte{17, 0, 1, 4, 0, 0, 0, 0}, udpDNS), 1, 2), 0},
	{"v6 first fragment", linktype.IPv6, ip6(44, cat([]byte{17, 0, 0, 1, 0, 0, 0, 9}, udpDNS), 1, 2), 0},
	{"v6 later fragment", linktype.IPv6, ip6(44, cat([]byte{17, 0, 0, 8, 0, 0, 0, 9}, udpDNS), 1, 2), 0},
	{"v6 atomic fragment", linktype.IPv6, ip6(44, cat([]byte{17, 0, 0, 0, 0, 0, 0, 9}, udpDNS), 1, 2), 0},
	{"v6 mobility", linktype.IPv6, ip6(135, []byte{59, 0, 0, 0, 0, 0, 0, 0}, 1, 2), 0},
	{"v6 routing type 0, a segment left", linktype.IPv6, ip6(43, cat([]byte{17, 2, 0, 1, 0, 0, 0, 0}, make([]byte, 15), []byte{9}, udpDNS), 1, 2), 0},
	{"v6 routing type 0, none left", linktype.IPv6, ip6(43, cat([]byte{17, 2, 0, 0, 0, 0, 0, 0}, make([]byte, 15), []byte{9}, udpDNS), 1, 2), 0},
	{"v6 segment routing", linktype.IPv6, ip6(43, cat([]byte{17, 4, 4, 1, 1, 0, 0, 0}, make([]byte, 15), []byte{7}, make([]byte, 15), []byte{8}, udpDNS), 1, 2), 0},
	{"v6 unknown protocol", linktype.IPv6, ip6(253, []byte("zzzz"), 1, 2), 0},
	{"v6 icmpv6 echo", linktype.IPv6, ip6(58, []byte{128, 0, 0, 0, 0, 1, 0, 1}, 1, 2), 0},
}

// TestTapsMatchTshark checks the endpoints and conversations tshark
// counts for the crafted packets, one capture each.
func TestTapsMatchTshark(t *testing.T) {
	testshared.TsharkVersion(t)
	dir := t.TempDir()
	for i, tc := range tapCases {
		var b bytes.Buffer
		w, err := pcapio.NewPcapWriter(&b, pcapio.PcapWriterOptions{LinkType: tc.lt})
		if err != nil {
			t.Fatal(err)
		}
		p := pcapio.Packet{Data: tc.data, Length: len(tc.data) + tc.cut, Time: time.Unix(1, 0), HasTime: true}
		if err := w.WritePacket(&p); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "case"+string(rune('a'+i))+".pcap")
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		var args []string
		for _, kind := range []string{"ip", "ipv6", "udp"} {
			args = append(args, "-z", "conv,"+kind, "-z", "endpoints,"+kind)
		}
		tables := splitTshark(string(testshared.Tshark(t, "stats-taps", path, append([]string{"-q"}, args...)...)))
		for _, kind := range []string{"ip", "ipv6", "udp"} {
			ty, _ := stats.ParseType(kind)
			for _, z := range []string{"endpoints", "conv"} {
				want := tables[z+","+kind]
				var got bytes.Buffer
				if z == "conv" {
					c := stats.NewConversations(ty)
					runFile(t, path, c)
					c.WriteText(&got)
				} else {
					e := stats.NewEndpoints(ty)
					runFile(t, path, e)
					e.WriteText(&got)
				}
				if got.String() != want {
					t.Errorf("%s: -z %s,%s (-tshark +rawcap):\n%s", tc.name, z, kind, cmp.Diff(want, got.String()))
				}
			}
		}
	}
}
