package decode_test

import "testing"

// otvVectors are OTV packets (UDP payloads to port 8472) made for these
// tests: an ARP request and an IPv4 datagram behind the header, the I
// flag clear, a header with nothing after it, and one cut short.
var otvVectors = []appVector{
	{name: "arp", hex: "08 00 00 00 00 00 2a 01 02 00 00 00 00 02 02 00 00 00 00 01 08 06 " +
		"00 01 08 00 06 04 00 01 02 00 00 00 00 01 0a 00 00 01 00 00 00 00 00 00 0a 00 00 02"},
	{name: "ipv4 udp, overlay set", hex: "08 00 01 02 00 01 00 00 02 00 00 00 00 02 02 00 00 00 00 01 08 00 " +
		"45 00 00 20 00 01 00 00 40 11 66 c4 0a 00 00 01 0a 00 00 02 30 39 00 35 00 0c 00 00 de ad be ef"},
	{name: "I flag clear", hex: "00 00 00 00 00 00 01 00 02 00 00 00 00 02 02 00 00 00 00 01 08 06 " +
		"00 01 08 00 06 04 00 02 02 00 00 00 00 02 0a 00 00 02 02 00 00 00 00 01 0a 00 00 01"},
	{name: "header only", hex: "08 00 00 00 00 00 2a 00"},
	{name: "short", hex: "08 00 00 00 00 00"},
}

// TestOTVMatchesTcpdump holds the one-liners of generated OTV packets to
// tcpdump's, and the packet list to tshark's, which shows them as data.
func TestOTVMatchesTcpdump(t *testing.T) {
	frames := make([][]byte, len(otvVectors))
	for i, v := range otvVectors {
		frames[i] = appFrame(mustHex(t, v.hex), 40000, 8472, false)
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-e"}, {"-q"}, {"-x"}})
	checkIPVectorsAlloc(t, frames)
	compareSubtreeWithTshark(t, frames, "Data", nil)
}

// FuzzOTV feeds OTV packets to the decoder and every printer.
func FuzzOTV(f *testing.F) {
	for _, v := range otvVectors {
		f.Add(mustHex(f, v.hex), false)
	}
	fuzzIPProto(f, func(t testing.TB, m []byte, _ bool) []byte {
		fr := appFrame(nil, 40000, 8472, false)
		u := 8 + len(m)
		fr[16], fr[17] = byte((20+u)>>8), byte(20+u)
		fr[38], fr[39] = byte(u>>8), byte(u)
		return fr
	})
}
