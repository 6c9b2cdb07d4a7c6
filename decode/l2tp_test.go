package decode_test

import (
	"testing"

	"github.com/rawcap/rawcap/decode"
)

// l2tpVectors are L2TPv2 control messages (UDP payloads to port 1701),
// written for these tests: the AVPs rawcap lays out (ACCM, the message
// type, values tshark shows as vendor-specific data) and the ones where
// its tree stops (a hidden AVP).
var l2tpVectors = []appVector{
	{name: "ACCM", hex: "c8 02 00 1c 00 01 00 00 00 00 00 00 80 10 00 00 00 23 00 00 00 00 00 0f ff ff ff ff"},
	{name: "short ACCM, message type", hex: "c8 02 00 1c 00 01 00 00 00 00 00 00 80 08 00 00 00 23 00 00 80 08 00 00 00 00 00 01"},
	{name: "message type SCCRQ, hidden AVP", hex: "c8 02 00 1c 00 01 00 00 00 01 00 02 80 08 00 00 00 00 00 01 c0 08 00 00 00 09 00 05"},
	{name: "unknown type, vendor AVPs", hex: "c8 02 00 25 00 01 00 00 00 01 00 02 80 08 00 00 00 63 ab cd 80 08 00 01 00 23 00 00 80 09 00 02 00 01 01 02 03"},
	{name: "ZLB", hex: "c8 02 00 0c 00 01 00 00 00 01 00 02"},
	{name: "message type Hello", hex: "c8 02 00 14 00 07 00 09 00 00 00 00 80 08 00 00 00 00 00 06"},
	{name: "message type 30", hex: "c8 02 00 14 00 01 00 00 00 00 00 00 80 08 00 00 00 00 00 1e"},
}

// TestL2TPMatchesOracles holds the vectors' L2TP subtree and packet list
// row to tshark's and their lines to tcpdump's; cut short after every
// third byte, rawcap draws what was captured and marks the rest as both
// do.
func TestL2TPMatchesOracles(t *testing.T) {
	var frames [][]byte
	allow := map[int]string{2: "a hidden AVP: tshark draws its flags and length, rawcap stops"}
	for _, v := range l2tpVectors {
		frames = append(frames, udpFrame("192.0.2.1", "192.0.2.2", 1701, 1701, mustHex(t, v.hex)))
	}
	for _, v := range l2tpVectors {
		b := mustHex(t, v.hex)
		for cut := 1; cut < len(b); cut += 3 {
			frames = append(frames, udpFrame("192.0.2.1", "192.0.2.2", 1701, 1701, b[:cut]))
		}
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-q"}, {"-e"}})
	compareSubtreeWithTshark(t, frames[:len(l2tpVectors)], "Layer 2 Tunneling Protocol", allow)
}

// FuzzL2TP feeds L2TP messages to the decoder and printers.
func FuzzL2TP(f *testing.F) {
	fuzzApp(f, decode.LayerL2TP, 1701, false, l2tpVectors)
}
