package decode_test

import "testing"

// ahcpVectors are AHCP packets (UDP payloads to port 5359) made for these
// tests: a Discover, an Ack with every option type, unknown types and
// versions, and the lengths tcpdump finds invalid.
var ahcpVectors = []appVector{
	{name: "discover", hex: "2b 01 03 05 de ad be ef 00 01 02 03 04 05 06 07 ff ff ff ff ff ff ff ff 00 00 00 00"},
	{name: "ack with options", hex: "2b 01 01 01 00 00 00 01 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 03 00 00 79 " +
		"00 01 02 04 50 d0 3a f0 03 04 00 00 0e 10 " +
		"04 10 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01 " +
		"05 08 0a 00 00 01 0a 00 00 02 " +
		"06 11 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 00 40 " +
		"07 05 0a 00 00 00 08 " +
		"09 04 c0 a8 01 01 " +
		"0b 05 0a 01 00 00 10 " +
		"0c 10 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 35 " +
		"0d 10 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 7b " +
		"2a 02 aa bb"},
	{name: "release, mbz, unknown type", hex: "2b 01 00 00 00 00 00 02 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 09 07 00 00"},
	{name: "bad option lengths", hex: "2b 01 00 00 00 00 00 02 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 01 00 00 0c " +
		"02 03 00 00 01 05 05 0a 00 00 01 09"},
	{name: "body past the packet", hex: "2b 01 00 00 00 00 00 02 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 01 00 00 20"},
	{name: "short header", hex: "2b 01 00 00 00 00"},
	{name: "version 2", hex: "2b 02 00 00"},
	{name: "bad magic", hex: "2a 01 00 00"},
	{name: "one byte", hex: "2b"},
}

// TestAHCPMatchesTcpdump holds the one-liners of generated AHCP packets to
// tcpdump's, and the packet list to tshark's, which shows them as data.
func TestAHCPMatchesTcpdump(t *testing.T) {
	frames := make([][]byte, len(ahcpVectors))
	for i, v := range ahcpVectors {
		frames[i] = appFrame(mustHex(t, v.hex), 5359, 5359, false)
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-e"}, {"-q"}, {"-x"}})
	checkIPVectorsAlloc(t, frames)
	compareSubtreeWithTshark(t, frames, "Data", nil)
}

// FuzzAHCP feeds AHCP packets to the decoder and every printer.
func FuzzAHCP(f *testing.F) {
	for _, v := range ahcpVectors {
		f.Add(mustHex(f, v.hex), false)
	}
	fuzzIPProto(f, func(t testing.TB, m []byte, _ bool) []byte {
		fr := appFrame(nil, 5359, 5359, false)
		u := 8 + len(m)
		fr[16], fr[17] = byte((20+u)>>8), byte(20+u)
		fr[38], fr[39] = byte(u>>8), byte(u)
		return fr
	})
}
