package decode_test

import "testing"

// llcFrames are 802.3 frames with an LLC header between two unnamed SAPs
// (a command, then a response) for each kind of control field: U frames
// with and without the poll/final bit, I frames, S frames.
var llcFrames = []string{
	"010203040506 0a0b0c0d0e0f 0013 1212 03 00000000000000000000000000000000", // UI command
	"010203040506 0a0b0c0d0e0f 0013 1213 73 00000000000000000000000000000000", // UA, final
	"010203040506 0a0b0c0d0e0f 0013 1212 7f 00000000000000000000000000000000", // SABME, poll
	"010203040506 0a0b0c0d0e0f 0013 1213 0f 00000000000000000000000000000000", // DM
	"010203040506 0a0b0c0d0e0f 0013 1212 bf 00000000000000000000000000000000", // XID, poll
	"010203040506 0a0b0c0d0e0f 0013 1212 2b 00000000000000000000000000000000", // no name
	"010203040506 0a0b0c0d0e0f 0014 1212 0406 000000000000000000000000000000", // I, N(S)=2, N(R)=3
	"010203040506 0a0b0c0d0e0f 0014 1212 0001 000000000000000000000000000000", // I, poll
	"010203040506 0a0b0c0d0e0f 0014 1213 0901 000000000000000000000000000000", // REJ, final
	"010203040506 0a0b0c0d0e0f 0014 1212 0502 000000000000000000000000000000", // RNR, N(R)=1
}

// TestLLCTreeMatchesTshark holds LLC's -V subtree (its SAPs and control
// field) to tshark's, line for line.
func TestLLCTreeMatchesTshark(t *testing.T) {
	frames := make([][]byte, len(llcFrames))
	for i, h := range llcFrames {
		frames[i] = mustHex(t, h)
	}
	compareSubtreeWithTshark(t, frames, "Logical-Link Control", nil)
}
