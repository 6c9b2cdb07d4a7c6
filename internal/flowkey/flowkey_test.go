package flowkey

import (
	"encoding/hex"
	"net/netip"
	"strings"
	"testing"

	"github.com/rawcap/rawcap/linktype"
)

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.Join(strings.Fields(s), ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Test vectors written by hand from the header layouts (RFC 791, 8200,
// 793, 768; IEEE 802.1Q; Linux cooked capture).
var vectors = []struct {
	name string
	lt   linktype.Type
	hex  string
	want Key
	ok   bool
}{
	{"Ethernet IPv4 TCP", linktype.Ethernet,
		"000102030405 060708090a0b 0800 45000028 0001 0000 4006 0000 0a000001 0a000002 c350 0050 00000000 00000000 5002ffff 00000000",
		Key{ProtoTCP, netip.MustParseAddr("10.0.0.1"), netip.MustParseAddr("10.0.0.2"), 50000, 80}, true},
	{"802.1Q and 802.1ad tags, IPv4 UDP", linktype.Ethernet,
		"000102030405 060708090a0b 88a8 0064 8100 00c8 0800 45000020 0001 0000 4011 0000 c0000201 c0000202 0035 d431 000c 0000 61626364",
		Key{ProtoUDP, netip.MustParseAddr("192.0.2.1"), netip.MustParseAddr("192.0.2.2"), 53, 54321}, true},
	{"IPv6 hop-by-hop then UDP", linktype.Ethernet,
		"000102030405 060708090a0b 86dd 60000000 0010 00 40 20010db8000000000000000000000001 20010db8000000000000000000000002 11 00 0000 00000000 0222 0223 0008 0000",
		Key{ProtoUDP, netip.MustParseAddr("2001:db8::1"), netip.MustParseAddr("2001:db8::2"), 546, 547}, true},
	{"IPv4 later fragment: no ports", linktype.Raw,
		"45000020 0001 0010 4006 0000 0a000001 0a000002 c350 0050 00000000",
		Key{ProtoTCP, netip.MustParseAddr("10.0.0.1"), netip.MustParseAddr("10.0.0.2"), 0, 0}, true},
	{"IPv6 later fragment: no ports", linktype.IPv6,
		"60000000 0010 2c 40 20010db8000000000000000000000001 20010db8000000000000000000000002 06 00 0008 00000001 c350 0050 00000000",
		Key{ProtoTCP, netip.MustParseAddr("2001:db8::1"), netip.MustParseAddr("2001:db8::2"), 0, 0}, true},
	{"Linux cooked v1, ICMP", linktype.LinuxSLL,
		"0000 0001 0006 000102030405 0000 0800 45000054 0001 0000 4001 0000 0a000001 08080808 0800 0000",
		Key{1, netip.MustParseAddr("10.0.0.1"), netip.MustParseAddr("8.8.8.8"), 0, 0}, true},
	{"Linux cooked v2, TCP", linktype.LinuxSLL2,
		"0800 0000 00000002 0001 00 06 000102030405 0000 45000028 0001 0000 4006 0000 0a000001 0a000002 1f90 c351 00000000",
		Key{ProtoTCP, netip.MustParseAddr("10.0.0.1"), netip.MustParseAddr("10.0.0.2"), 8080, 50001}, true},
	{"BSD loopback, IPv4 UDP", linktype.Null,
		"02000000 4500001c 0001 0000 4011 0000 7f000001 7f000001 1388 1389 0008 0000",
		Key{ProtoUDP, netip.MustParseAddr("127.0.0.1"), netip.MustParseAddr("127.0.0.1"), 5000, 5001}, true},
	{"ARP: not IP", linktype.Ethernet, "ffffffffffff 060708090a0b 0806 0001 0800 0604 0001", Key{}, false},
	{"IPv4 cut inside its header", linktype.Ethernet, "000102030405 060708090a0b 0800 4500 0028", Key{}, false},
	{"IPv4 header length below 20", linktype.Raw, "43000028 0001 0000 4006 0000 0a000001 0a000002", Key{}, false},
	{"TCP without its ports", linktype.Raw, "45000016 0001 0000 4006 0000 0a000001 0a000002 c3", Key{ProtoTCP, netip.MustParseAddr("10.0.0.1"), netip.MustParseAddr("10.0.0.2"), 0, 0}, true},
	{"unknown link type", linktype.IEEE802_11, "0800 0000", Key{}, false},
}

func TestExtract(t *testing.T) {
	for _, v := range vectors {
		got, ok := Extract(v.lt, unhex(t, v.hex))
		if ok != v.ok || got != v.want {
			t.Errorf("%s: Extract = %+v, %v; want %+v, %v", v.name, got, ok, v.want, v.ok)
		}
	}
}

func TestCanonical(t *testing.T) {
	a := Key{ProtoTCP, netip.MustParseAddr("10.0.0.2"), netip.MustParseAddr("10.0.0.1"), 80, 50000}
	b := Key{ProtoTCP, netip.MustParseAddr("10.0.0.1"), netip.MustParseAddr("10.0.0.2"), 50000, 80}
	if a.Canonical() != b.Canonical() || b.Canonical() != b {
		t.Errorf("Canonical: %+v and %+v, want both %+v", a.Canonical(), b.Canonical(), b)
	}
	same := Key{ProtoUDP, netip.MustParseAddr("127.0.0.1"), netip.MustParseAddr("127.0.0.1"), 9, 5}
	if c := same.Canonical(); c.SrcPort != 5 {
		t.Errorf("Canonical of one address: ports %d→%d, want the smaller first", c.SrcPort, c.DstPort)
	}
}

func TestExtractAllocs(t *testing.T) {
	var frames [][]byte
	for _, v := range vectors {
		frames = append(frames, unhex(t, v.hex))
	}
	allocs := testing.AllocsPerRun(100, func() {
		for i, v := range vectors {
			Extract(v.lt, frames[i])
		}
	})
	if allocs != 0 {
		t.Errorf("Extract allocates %.1f times per run, want 0", allocs)
	}
}

func FuzzExtract(f *testing.F) {
	for _, v := range vectors {
		f.Add(uint16(v.lt), unhex(f, v.hex))
	}
	f.Fuzz(func(t *testing.T, lt uint16, b []byte) {
		k, ok := Extract(linktype.Type(lt), b)
		if !ok && k != (Key{}) && !k.Src.IsValid() {
			t.Fatalf("Extract returned a partial key %+v without ok", k)
		}
		Network(linktype.Type(lt), b)
	})
}
