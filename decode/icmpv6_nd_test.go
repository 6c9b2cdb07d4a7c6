package decode_test

import (
	"strings"
	"testing"

	"github.com/rawcap/rawcap/internal/testshared"
)

// raOptionVectors are router advertisements with route information (RFC
// 4191: a /48 in 8 bytes of prefix, a /0 with none), a DNS search list
// (RFC 8106) and a PREF64 option (RFC 8781) with an unknown length code.
func raOptionVectors(t *testing.T) [][]byte {
	return [][]byte{
		icmp6Frame("fe80::1", "ff02::1", mustHex(t, `86 00 0000 40 00 0708 00000000 00000000
			18 02 30 08 00001c20 fd8d4fb35b2e0000
			18 01 00 18 ffffffff
			1f 03 0000 ffffffff 076578616d706c6503636f6d 00 000000`)),
		icmp6Frame("fe80::1", "ff02::1", mustHex(t, `86 00 0000 40 00 0708 00000000 00000000
			26 02 070e 20010db800000064ff9b0000`)),
	}
}

// TestRAOptionsMatchTshark holds the options' tree lines and -T fields to
// tshark's.
func TestRAOptionsMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	frames := raOptionVectors(t)
	path := writeTestPcap(t, frames)
	mine, total := compareTreeWithTshark(t, path)
	t.Logf("%d of tshark's %d tree lines printed identically by rawcap", mine, total)
	out := treeText(t, frames)
	for _, want := range []string{
		"    ICMPv6 Option (Route Information : High fd8d:4fb3:5b2e::/48)\n",
		"        Flag: 0x08, Route Preference: High\n",
		"        Route Lifetime: Infinity (4294967295)\n",
		"    ICMPv6 Option (DNS Search List Option example.com)\n",
		"        Domain Names: example.com\n        Padding\n",
		"            [Expert Info (Error/Malformed): Invalid Option Length]\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("tree lacks %q", want)
		}
	}
	compareFieldsWithTshark(t, path, frames, []string{"icmpv6.opt.type", "icmpv6.opt.prefix.length",
		"icmpv6.opt.route_info.flag", "icmpv6.opt.route_info.flag.route_preference", "icmpv6.opt.route_lifetime",
		"icmpv6.opt.prefix", "icmpv6.opt.reserved", "icmpv6.opt.dnssl.lifetime", "icmpv6.opt.dnssl",
		"icmpv6.opt.padding", "icmpv6.opt.pref64.plc", "icmpv6.opt.pref64.prefix"})
}
