package decode_test

import (
	"encoding/binary"
	"testing"
)

// bcmliFrames returns BCM-LI datagrams: every direction, packet type and
// subtype value, 22-bit intercept IDs, the frames a shim carries (IPv4,
// IPv6, Ethernet, bytes that are none of them, nothing), headers cut
// short, and the ports tcpdump does and does not take.
func bcmliFrames(t testing.TB) [][]byte {
	ip4 := mustHex(t, "45000020b7064000401100000a0000010a000002 0035003500080000")
	ip6 := mustHex(t, "600000000008113f 20010db8000000000000000000000001 20010db8000000000000000000000002 0035003500080000")
	eth := cat(mustHex(t, "000c29dea648 b86a97a58f01 0800"), ip4)
	shim := func(dir, typ, sub, id uint32) []byte {
		return binary.BigEndian.AppendUint32(nil, dir<<29|typ<<25|sub<<22|id)
	}
	var out [][]byte
	for dir := range uint32(8) {
		out = append(out, appFrame(shim(dir, 4, 2, 66666), bcmliSrcPort, 49153, false))
	}
	for typ := range uint32(16) {
		out = append(out, appFrame(shim(2, typ, 1, 1), bcmliSrcPort, 49153, false))
	}
	for sub := range uint32(8) {
		out = append(out, appFrame(shim(3, 7, sub, 0x3fffff), bcmliSrcPort, 49153, false))
	}
	for _, typ := range []uint32{4, 5, 6, 7, 0} {
		for _, in := range [][]byte{ip4, ip6, eth, mustHex(t, "0a24000845526bba0000000000000000"), nil} {
			if typ == 5 && len(in) > 0 && in[0]>>4 != 4 || typ == 6 && len(in) > 0 && in[0]>>4 != 6 {
				continue // IPv4 or IPv6 said but not there: tcpdump's "IP0 (invalid)", which rawcap does not print yet
			}
			if typ == 7 && len(in) > 14 && in[12] != 8 {
				continue // an unknown EtherType inside: with -e tcpdump dumps its bytes, rawcap's inner frames do not yet
			}
			out = append(out, appFrame(cat(shim(3, typ, 2, 66666), in), bcmliSrcPort, 49153, false))
		}
	}
	for n := range 4 {
		out = append(out, appFrame(shim(2, 4, 2, 1)[:n], bcmliSrcPort, 49153, false))
	}
	return append(out,
		appFrame(shim(2, 4, 2, 1), 1234, bcmliSrcPort, false), // tcpdump takes the source port only
		appFrame(shim(2, 4, 2, 1), bcmliSrcPort, 1234, false),
	)
}

const bcmliSrcPort = 49152

// TestBCMLIMatchesTcpdump holds rawcap's lines for BCM-LI datagrams to
// tcpdump's at each option set the corpus test runs.
func TestBCMLIMatchesTcpdump(t *testing.T) {
	ethernetLinesMatchTcpdump(t, bcmliFrames(t), [][]string{{}, {"-e"}, {"-v"}, {"-vv"}, {"-e", "-vv"}, {"-q"}, {"-x"}})
}

// FuzzBCMLI feeds BCM-LI datagrams, the frames inside them included, to
// every printer.
func FuzzBCMLI(f *testing.F) {
	for _, fr := range bcmliFrames(f) {
		f.Add(fr[42:], false)
	}
	fuzzIPProto(f, func(t testing.TB, m []byte, _ bool) []byte {
		fr := appFrame(nil, bcmliSrcPort, 49153, false)
		u := 8 + len(m)
		fr[16], fr[17] = byte((20+u)>>8), byte(20+u)
		fr[38], fr[39] = byte(u>>8), byte(u)
		return fr
	})
}
