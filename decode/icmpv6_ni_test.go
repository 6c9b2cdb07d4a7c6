package decode_test

import (
	"testing"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
)

// niVectors are node information queries (RFC 4620): node addresses with
// every flag and an IPv6 or IPv4 subject, a no-op, supported qtypes, a DNS
// name query, a query with no subject (the 03 draft's) and KAME's
// who-are-you.
func niVectors(t testing.TB) [][]byte {
	return [][]byte{
		icmp6Frame("fe80::1", "fe80::2", mustHex(t, `8b 00 0000 0003 007f 0102030405060708 fe80 0000 0000 0000 5054 00ff fe2c 3629`)),
		icmp6Frame("fe80::1", "fe80::2", mustHex(t, `8b 02 0000 0003 0000 0102030405060708 c0000201`)),
		icmp6Frame("fe80::1", "fe80::2", mustHex(t, `8b 00 0000 0000 0000 0102030405060708`)),
		icmp6Frame("fe80::1", "fe80::2", mustHex(t, `8b 00 0000 0001 0001 0102030405060708`)),
		icmp6Frame("fe80::1", "fe80::2", mustHex(t, `8b 00 0000 0002 0000 0102030405060708 2001 0db8 0000 0000 0000 0000 0000 0001`)),
		icmp6Frame("fe80::1", "fe80::2", mustHex(t, `8b 00 0000 0003 0002 0102030405060708`)),
		icmp6Frame("fe80::1", "fe80::2", mustHex(t, `8b 00 0000 0003 0002 01020304`)),
	}
}

// TestNIQueryMatchesTshark holds node information queries' tree lines and
// fields to tshark's, and their line to tcpdump's.
func TestNIQueryMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	frames := niVectors(t)
	path := writeTestPcap(t, frames)
	mine, total := compareTreeWithTshark(t, path)
	t.Logf("%d of tshark's %d tree lines printed identically by rawcap", mine, total)
	compareFieldsWithTshark(t, path, frames, []string{"icmpv6.ni.qtype", "icmpv6.ni.flag", "icmpv6.ni.flag.g",
		"icmpv6.ni.flag.a", "icmpv6.ni.flag.rsv", "icmpv6.ni.nonce", "icmpv6.ni.query.subject_ipv6", "icmpv6.ni.query.subject_ipv4"})
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}})
	checkIPVectorsAlloc(t, frames)
}

// FuzzNIQuery feeds ICMPv6 messages, node information queries first, to
// the decoder and every printer.
func FuzzNIQuery(f *testing.F) {
	for _, fr := range niVectors(f) {
		f.Add(fr[54:], true)
	}
	for _, p := range appPayloads(f, decode.LayerICMPv6) {
		f.Add(p, true)
	}
	fuzzIPProto(f, func(t testing.TB, m []byte, _ bool) []byte {
		fr := icmp6Frame("fe80::1", "fe80::2", make([]byte, 4))[:54:54]
		fr[18], fr[19] = byte(len(m)>>8), byte(len(m))
		return fr
	})
}
