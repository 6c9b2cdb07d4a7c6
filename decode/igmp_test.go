package decode_test

import (
	"testing"

	"github.com/rawcap/rawcap/decode"
)

// igmpVectors cover each version's queries and reports, version 3's
// sources, group records of every type with auxiliary data, the
// traceroute messages and a bad checksum.
var igmpVectors = []ipVector{
	{name: "v1 query", hex: "11 00 00 00 00 00 00 00"},
	{name: "v1 report", hex: "12 00 00 00 e1 01 02 03"},
	{name: "v2 general query", hex: "11 64 00 00 00 00 00 00"},
	{name: "v2 specific query", hex: "11 05 00 00 e1 01 02 03"},
	{name: "v2 report", hex: "16 00 00 00 ef ff ff fa"},
	{name: "v2 leave", hex: "17 00 00 00 e1 01 02 03"},
	{name: "v2 bad checksum", hex: "16 00 12 34 ef ff ff fa", keepSum: true},
	{name: "v3 general query", hex: "11 64 00 00 00 00 00 00 02 7d 00 00"},
	{name: "v3 query with sources", hex: "11 fe 00 00 e1 01 02 03 0a 3c 00 02 0a 00 00 01 0a 00 00 02"},
	{name: "v3 query one source", hex: "11 0a 00 00 e1 01 02 03 02 7d 00 01 0a 00 00 01"},
	{name: "v3 report", hex: "22 00 00 00 00 00 00 04 " +
		"01 00 00 01 e1 01 02 03 0a 00 00 01 " +
		"02 00 00 00 e1 01 02 04 " +
		"05 01 00 02 e1 01 02 05 0a 00 00 01 0a 00 00 02 de ad be ef " +
		"06 00 00 01 e1 01 02 06 0a 00 00 03"},
	{name: "v3 report, no records", hex: "22 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"},
	{name: "v3 report, leave", hex: "22 00 00 00 00 00 00 01 03 00 00 00 e1 01 02 03"},
	{name: "mtrace query", hex: "1f 20 00 00 00 00 00 00 ac 10 28 01 ac 10 14 01 ac 10 28 01 40 00 00 07"},
	{name: "mtrace response", hex: "1e 20 00 00 00 00 00 00 ac 10 28 01 ac 10 14 01 e0 00 01 20 40 00 00 07 " +
		"47 2c 45 9c 0a 00 00 0e 0a 00 00 0e 0a 00 00 0d 00 00 00 f2 00 00 00 00 00 00 00 00 01 00 18 05"},
}

// igmpFrame wraps an IGMP vector in Ethernet and IPv4 (TTL 1) to
// 224.0.0.1, with its checksum.
func igmpFrame(t testing.TB, v ipVector) []byte {
	t.Helper()
	m := mustHex(t, v.hex)
	if !v.keepSum && len(m) >= 4 {
		putChecksum(m, 2)
	}
	ip := mustHex(t, "01 00 5e 00 00 01 02 00 00 00 00 01 08 00 45 00 00 00 00 01 00 00 01 02 00 00 c0 a8 01 02 e0 00 00 01")
	n := 20 + len(m)
	ip[16], ip[17] = byte(n>>8), byte(n)
	putChecksum(ip[14:34], 10)
	return append(ip, m...)
}

func TestIGMPVectors(t *testing.T) {
	frames := make([][]byte, len(igmpVectors))
	for i, v := range igmpVectors {
		frames[i] = igmpFrame(t, v)
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-e"}, {"-q"}, {"-x"}})
	checkIPVectorsAlloc(t, frames)
}

func TestIGMPTreeMatchesTshark(t *testing.T) {
	frames := make([][]byte, len(igmpVectors))
	for i, v := range igmpVectors {
		frames[i] = igmpFrame(t, v)
	}
	compareSubtreeWithTshark(t, frames, "Internet Group Management Protocol", nil)
}

// FuzzIGMP feeds IGMP messages to the decoder and every printer.
func FuzzIGMP(f *testing.F) {
	for _, v := range igmpVectors {
		f.Add(mustHex(f, v.hex), false)
	}
	for _, p := range appPayloads(f, decode.LayerIGMP) {
		f.Add(p, false)
	}
	fuzzIPProto(f, func(t testing.TB, m []byte, _ bool) []byte {
		fr := igmpFrame(t, ipVector{keepSum: true})
		n := 20 + len(m)
		fr[16], fr[17] = byte(n>>8), byte(n)
		return fr
	})
}
