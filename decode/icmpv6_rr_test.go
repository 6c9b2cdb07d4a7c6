package decode_test

import (
	"testing"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
)

// rrVectors are router renumbering messages (RFC 2894): a command with
// every flag set, two use-prefix parts and infinite lifetimes, a result, a
// sequence number reset, and a command whose operation length leaves no
// whole use-prefix part.
func rrVectors(t testing.TB) [][]byte {
	return [][]byte{
		icmp6Frame("2001:db8::1", "ff05::2", mustHex(t, `8a 00 0000 00000007 03 f8 0010 00000000
			02 0b 05 30 00 80 0000 fec0 0000 0000 0000 0000 0000 0000 0000
			30 10 c0 80 ffffffff ffffffff c0000000 3ffe 0501 fffe 0000 0000 0000 0000 0000
			40 20 40 40 00278d00 00093a80 80000000 2001 0db8 0001 0000 0000 0000 0000 0000`)),
		icmp6Frame("2001:db8::1", "ff05::2", mustHex(t, `8a 01 0000 00000008 00 00 0000 00000000
			0003 05 30 00000001 fec0 0000 0000 0000 0000 0000 0000 0000`)),
		icmp6Frame("2001:db8::1", "ff05::2", mustHex(t, `8a ff 0000 00000009 00 00 0000 00000000`)),
		icmp6Frame("2001:db8::1", "ff05::2", mustHex(t, `8a 00 0000 0000000a 00 00 0000 00000001
			01 08 00 30 00 80 0000 fec0 0000 0000 0000 0000 0000 0000 0000`)),
	}
}

// TestRRMatchesTshark holds router renumbering's tree lines and fields to
// tshark's, and its line to tcpdump's.
func TestRRMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	frames := rrVectors(t)
	path := writeTestPcap(t, frames)
	mine, total := compareTreeWithTshark(t, path)
	t.Logf("%d of tshark's %d tree lines printed identically by rawcap", mine, total)
	compareFieldsWithTshark(t, path, frames, []string{"icmpv6.rr.sequence_number", "icmpv6.rr.flag",
		"icmpv6.rr.flag.s", "icmpv6.rr.flag.rsv", "icmpv6.reserved", "icmpv6.rr.pco.mp", "icmpv6.rr.pco.mp.opcode",
		"icmpv6.rr.pco.mp.matchprefix", "icmpv6.rr.pco.up", "icmpv6.rr.pco.up.flagmask.l",
		"icmpv6.rr.pco.up.validlifetime", "icmpv6.rr.pco.up.flag.v", "icmpv6.rr.pco.up.useprefix"})
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}})
	checkIPVectorsAlloc(t, frames)
}

// FuzzRR feeds ICMPv6 messages, router renumbering ones first, to the
// decoder and every printer.
func FuzzRR(f *testing.F) {
	for _, fr := range rrVectors(f) {
		f.Add(fr[54:], true)
	}
	for _, p := range appPayloads(f, decode.LayerICMPv6) {
		f.Add(p, true)
	}
	fuzzIPProto(f, func(t testing.TB, m []byte, _ bool) []byte {
		fr := icmp6Frame("2001:db8::1", "ff05::2", make([]byte, 4))[:54:54]
		fr[18], fr[19] = byte(len(m)>>8), byte(len(m))
		return fr
	})
}
