package decode_test

import (
	"encoding/binary"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// icmp6Frame builds an Ethernet/IPv6/ICMPv6 frame from src to dst with body
// (type, code, two checksum bytes, then the rest), the checksum computed.
func icmp6Frame(src, dst string, body []byte) []byte {
	s, d := netip.MustParseAddr(src).As16(), netip.MustParseAddr(dst).As16()
	f := make([]byte, 14+40, 14+40+len(body))
	copy(f, []byte{0x33, 0x33, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0x0a, 0x86, 0xdd})
	ip := f[14:]
	ip[0] = 0x60
	binary.BigEndian.PutUint16(ip[4:], uint16(len(body)))
	ip[6], ip[7] = 58, 255
	copy(ip[8:], s[:])
	copy(ip[24:], d[:])
	f = append(f, body...)
	m := f[54:]
	m[2], m[3] = 0, 0
	var sum uint32
	add := func(b []byte) {
		for i := 0; i+1 < len(b); i += 2 {
			sum += uint32(b[i])<<8 | uint32(b[i+1])
		}
		if len(b)%2 == 1 {
			sum += uint32(b[len(b)-1]) << 8
		}
	}
	add(s[:])
	add(d[:])
	sum += uint32(len(body)) + 58
	add(m)
	for sum > 0xffff {
		sum = sum>>16 + sum&0xffff
	}
	binary.BigEndian.PutUint16(m[2:], ^uint16(sum))
	return f
}

// ndVectors are ICMPv6 messages whose trees tshark draws in full: router
// advertisement with its options, neighbour solicitation and advertisement,
// an echo request and its reply, two errors quoting a UDP datagram, and
// MLD: a v1 report, a v2 query and a v2 report.
func ndVectors(t *testing.T) [][]byte {
	quoted := mustHex(t, `60000000 000c 11 40 fd000000000000000000000000000002 fd000000000000000000000000000001
		9c40 1389 000c 1234 70696e67`)
	return [][]byte{
		icmp6Frame("fe80::20c:29ff:fe9b:a15d", "ff02::1", mustHex(t, `86 00 0000 40 40 0708 00000000 00000000
			01 01 000c299ba15d
			05 01 0000 000005dc
			03 04 40 c0 00278d00 00093a80 00000000 20010db8000100000000000000000000
			19 03 0000 00000708 fd000000000000000000000000000001
			26 02 0708 20010db800000064ff9b0000`)),
		icmp6Frame("fd00::1", "fd00::2", mustHex(t, `87 00 0000 00000000 fd000000000000000000000000000002
			01 01 02000000000a`)),
		icmp6Frame("fd00::2", "fd00::1", mustHex(t, `88 00 0000 60000000 fd000000000000000000000000000002
			02 01 02000000000b`)),
		icmp6Frame("fd00::1", "fd00::2", mustHex(t, `80 00 0000 0007 0001 6162636465666768`)),
		icmp6Frame("fd00::2", "fd00::1", mustHex(t, `81 00 0000 0007 0001 6162636465666768`)),
		icmp6Frame("fd00::2", "fd00::1", append(mustHex(t, `02 00 0000 00000500`), quoted...)),
		icmp6Frame("fd00::2", "fd00::1", append(mustHex(t, `01 04 0000 00000000`), quoted...)),
		icmp6Frame("fe80::1", "ff02::16", mustHex(t, `83 00 0000 0000 0000 ff020000000000000000000000000016`)),
		icmp6Frame("fe80::1", "ff02::1", mustHex(t, `82 00 0000 2710 0000 ff0200000000000000000001ff000001
			02 7d 0001 fe800000000000000000000000000009`)),
		icmp6Frame("fe80::1", "ff02::16", mustHex(t, `8f 00 0000 0000 0002
			01 00 0001 ff050000000000000000000000000001 fe800000000000000000000000000009
			04 00 0000 ff020000000000000000000000000002`)),
	}
}

// TestTreeNDMatchesTshark checks the ICMPv6 trees against tshark -V: every
// line rawcap prints is tshark's, and the lines that show each feature are
// there.
func TestTreeNDMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	path := writeTestPcap(t, ndVectors(t))
	mine, total := compareTreeWithTshark(t, path)
	t.Logf("%d of tshark's %d tree lines printed identically by rawcap", mine, total)
	out := treeText(t, ndVectors(t))
	for _, want := range []string{
		"    Flags: 0x40, Other configuration, Prf (Default Router Preference): Medium\n",
		"    ICMPv6 Option (Source link-layer address : 00:0c:29:9b:a1:5d)\n",
		"    ICMPv6 Option (MTU : 1500)\n",
		"    ICMPv6 Option (Prefix information : 2001:db8:1::/64)\n",
		"            .1.. .... = Autonomous address-configuration flag(A): Set\n",
		"    ICMPv6 Option (Recursive DNS Server fd00::1)\n",
		"        .... .... .... .000 = PLC (Prefix Length Code): 96 bits prefix length (0x0)\n",
		"    Flags: 0x60000000, Solicited, Override\n",
		"    ICMPv6 Option (Target link-layer address : 02:00:00:00:00:0b)\n",
		"    [Response To: 4]\n    [Response Time: 1000.000 ms]\n",
		"    MTU: 1280\n    Internet Protocol Version 6, Src: fd00::2, Dst: fd00::1\n",
		"    User Datagram Protocol, Src Port: 40000, Dst Port: 5001\n",
		"Data (4 bytes)\n\n0000  70 69 6e 67                                       ping\n",
		"    [Source SLAAC MAC: 00:0c:29:9b:a1:5d]\n",
		"    Maximum Response Delay [ms]: 0\n    Reserved: 0000\n    Multicast Address: ff02::16\n",
		"        .... .010 = QRV (Querier's Robustness Variable): 2\n",
		"    Number of Sources: 1\n    Source Address: fe80::9\n",
		"    Multicast Address Record Include: ff05::1\n        Record Type: Include (1)\n",
		"    Multicast Address Record Changed to exclude: ff02::2\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("tree lacks %q", want)
		}
	}
}

// treeText returns the tree of Ethernet frames, one second apart.
func treeText(t *testing.T, frames [][]byte) string {
	t.Helper()
	d := decode.NewDecoder()
	p := &decode.TreePrinter{Location: time.UTC}
	var b []byte
	for i, f := range frames {
		d.Decode(f, linktype.Ethernet)
		b = p.Append(b, d, &decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(f)})
	}
	return string(b)
}

// TestTreeRequestTableBounded fills the request table far past its size
// and checks that it neither grows nor links a reply to a request that was
// replaced.
func TestTreeRequestTableBounded(t *testing.T) {
	var frames [][]byte
	for seq := range 20000 {
		frames = append(frames, icmp6Frame("fd00::1", "fd00::2",
			[]byte{0x80, 0, 0, 0, 0, 7, byte(seq >> 8), byte(seq)}))
	}
	// The reply to the first request, whose slot later requests may have
	// taken, and to the last one, which is still there.
	frames = append(frames, icmp6Frame("fd00::2", "fd00::1", []byte{0x81, 0, 0, 0, 0, 7, 0, 0}),
		icmp6Frame("fd00::2", "fd00::1", []byte{0x81, 0, 0, 0, 0, 7, byte(19999 >> 8), byte(19999 & 0xff)}))
	d := decode.NewDecoder()
	p := &decode.TreePrinter{Location: time.UTC}
	var b []byte
	allocs := 0.0
	for i, f := range frames {
		d.Decode(f, linktype.Ethernet)
		fr := decode.Frame{Number: i + 1, Time: time.Unix(1700000000, int64(i)*1000), Length: len(f)}
		if i > 100 && i < 200 {
			allocs += testing.AllocsPerRun(1, func() { b = p.Append(b[:0], d, &fr) })
			continue
		}
		b = p.Append(b[:0], d, &fr)
		if i == len(frames)-1 && !strings.Contains(string(b), "[Response To: 20000]") {
			t.Errorf("the last request is not linked:\n%s", b)
		}
		if i == len(frames)-2 && strings.Contains(string(b), "[Response To:") && !strings.Contains(string(b), "[Response To: 1]") {
			t.Errorf("a reply is linked to another request:\n%s", b)
		}
	}
	if allocs != 0 {
		t.Errorf("Append allocates %v times over 99 echo requests", allocs)
	}
}

// TestNDFieldsMatchTshark holds the ICMPv6 fields of the discovery and MLD
// vectors, every occurrence, to tshark -T fields: the options, flags and
// address records the tree draws from them are fields of the same names
// and values in the other outputs.
func TestNDFieldsMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	frames := ndVectors(t)
	path := writeTestPcap(t, frames)
	var names []string
	for _, n := range rawcapFieldNames() {
		if strings.HasPrefix(n, "icmpv6.") {
			names = append(names, n)
		}
	}
	args := []string{"-T", "fields", "-E", "separator=/t", "-E", "occurrence=a"}
	for _, n := range names {
		args = append(args, "-e", n)
	}
	out := testshared.Tshark(t, "fields", path, args...)
	theirs := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(theirs) != len(frames) {
		t.Fatalf("tshark gave %d rows for %d frames", len(theirs), len(frames))
	}
	p, err := decode.NewFieldsPrinter(names)
	if err != nil {
		t.Fatal(err)
	}
	d := decode.NewDecoder()
	compared := 0
	for i, frame := range frames {
		d.Decode(frame, linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(frame)}
		mine := strings.Split(strings.TrimSuffix(string(p.Append(nil, d, &f)), "\n"), "\t")
		their := strings.Split(theirs[i], "\t")
		for k, n := range names {
			a, b := mine[k], their[k]
			switch {
			case a == "":
			case a == b, strings.HasPrefix(b, a+","):
				compared++
			default:
				t.Errorf("frame %d %s: rawcap %q, tshark %q", i+1, n, a, b)
			}
		}
	}
	t.Logf("%d values compared", compared)
}

// TestNDTreeAllocatesNothing draws the discovery and MLD vectors' trees,
// their options and records included, with no allocation per packet.
func TestNDTreeAllocatesNothing(t *testing.T) {
	checkTreeAllocsNothing(t, ndVectors(t), "Internet Control Message Protocol v6")
}
