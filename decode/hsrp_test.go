package decode_test

import (
	"testing"

	"github.com/rawcap/rawcap/decode"
)

// hsrpVectors cover each op code, default and other times and passwords,
// a reserved byte, an unknown state, version 1 and a message cut short.
var hsrpVectors = []ipVector{
	{name: "hello", hex: "00 00 10 03 0a c8 01 00 63 69 73 63 6f 00 00 00 c0 a8 00 01"},
	{name: "coup, other times and password", hex: "00 01 08 05 14 64 02 00 73 65 63 72 65 74 31 32 c0 a8 00 01"},
	{name: "resign, reserved set, unknown state", hex: "00 02 03 03 0a 64 02 05 63 69 73 63 6f 00 00 00 c0 a8 00 01"},
	{name: "advertise", hex: "00 03 00 01 00 0e 02 00 00 00 00 02 6f 00 00 00"},
	{name: "version 1", hex: "01 00 10 03 0a c8 01 00 63 69 73 63 6f 00 00 00 c0 a8 00 01"},
	{name: "cut", hex: "00 00 10 03 0a c8 01 00 63 69"},
}

// hsrpFrame wraps an HSRP vector in Ethernet, IPv4 to 224.0.0.2 (TTL 1)
// and UDP 1985 (no checksum).
func hsrpFrame(t testing.TB, v ipVector) []byte {
	t.Helper()
	f := appFrame(mustHex(t, v.hex), 1985, 1985, false)
	copy(f[30:34], []byte{224, 0, 0, 2})
	f[22] = 1
	putChecksum(f[14:34], 10)
	return f
}

func TestHSRPVectors(t *testing.T) {
	frames := make([][]byte, len(hsrpVectors))
	for i, v := range hsrpVectors {
		frames[i] = hsrpFrame(t, v)
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-e"}, {"-q"}, {"-x"}})
	checkIPVectorsAlloc(t, frames)
}

func TestHSRPTreeMatchesTshark(t *testing.T) {
	frames := make([][]byte, len(hsrpVectors))
	for i, v := range hsrpVectors {
		frames[i] = hsrpFrame(t, v)
	}
	compareSubtreeWithTshark(t, frames, "Cisco Hot Standby Router Protocol", nil)
}

// TestHSRPTreeAllocatesNothing: the generic tree draws HSRP without
// allocating.
func TestHSRPTreeAllocatesNothing(t *testing.T) {
	frames := make([][]byte, len(hsrpVectors))
	for i, v := range hsrpVectors {
		frames[i] = hsrpFrame(t, v)
	}
	checkTreeAllocsNothing(t, frames, "Cisco Hot Standby Router Protocol")
}

// FuzzHSRP feeds HSRP messages to the decoder and every printer.
func FuzzHSRP(f *testing.F) {
	for _, v := range hsrpVectors {
		f.Add(mustHex(f, v.hex), false)
	}
	for _, p := range appPayloads(f, decode.LayerHSRP) {
		f.Add(p, false)
	}
	fuzzIPProto(f, func(t testing.TB, m []byte, _ bool) []byte {
		fr := hsrpFrame(t, ipVector{})
		u := 8 + len(m)
		fr[16], fr[17] = byte((20+u)>>8), byte(20+u)
		fr[38], fr[39] = byte(u>>8), byte(u)
		return fr
	})
}
