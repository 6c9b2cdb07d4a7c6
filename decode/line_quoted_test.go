package decode_test

import (
	"testing"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// TestLineQuotedIPWithLink checks that with -e -v the IPv4 packet an ICMP
// error quotes carries no "IP " either, as tcpdump prints it.
func TestLineQuotedIPWithLink(t *testing.T) {
	// Ethernet, IPv4 192.0.2.2 > 192.0.2.1, ICMP port unreachable quoting
	// IPv4 192.0.2.1.40000 > 192.0.2.2.5001 UDP with 4 bytes.
	frame := []string{"020000000001 020000000002 0800 4500003c000840004001b6b5c0000202c0000201 03038860 00000000 " +
		"45000020000740004011b6c2c0000201c0000202 9c401389000c0000 61626364"}
	checkLineCases(t, []lineCase{
		{name: "quoted IPv4 -e -v", lt: linktype.Ethernet, frames: frame, flags: []string{"-t", "-e", "-v"},
			opts: decode.LineOptions{Time: decode.TimeNone, Link: true, Verbose: 1},
			want: "02:00:00:00:00:02 > 02:00:00:00:00:01, ethertype IPv4 (0x0800), length 74: (tos 0x0, ttl 64, id 8, offset 0, flags [DF], proto ICMP (1), length 60)\n" +
				"    192.0.2.2 > 192.0.2.1: ICMP 192.0.2.2 udp port 5001 unreachable, length 40\n" +
				"\t(tos 0x0, ttl 64, id 7, offset 0, flags [DF], proto UDP (17), length 32)\n" +
				"    192.0.2.1.40000 > 192.0.2.2.5001: UDP, length 4\n"},
	})
}
