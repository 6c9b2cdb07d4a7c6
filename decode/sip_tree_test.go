package decode_test

import (
	"testing"
	"time"

	"github.com/rawcap/rawcap/internal/synth"
)

// sipCallFrames are the generated call's frames (synth.SIPCall): SIP over
// UDP and TCP, three with an SDP body, RTP and RTCP.
func sipCallFrames() [][]byte {
	var frames [][]byte
	for _, p := range synth.SIPCall(time.Unix(1700000000, 0)) {
		frames = append(frames, p.Data)
	}
	return frames
}

// TestSIPTreeMatchesTshark holds the SIP subtrees of the generated call,
// the SDP bodies drawn inside them, to tshark's line for line.
func TestSIPTreeMatchesTshark(t *testing.T) {
	compareSubtreeWithTshark(t, sipCallFrames(), "Session Initiation Protocol", map[int]string{
		23: "the SDP of a 200 OK over TCP that re-announces a port of the first call: tshark adds the first call's Call-ID too",
	})
}

// TestSIPTreeAllocatesNothing: the generic tree draws SIP and its SDP
// body, and the several messages of a TCP segment, without allocating.
func TestSIPTreeAllocatesNothing(t *testing.T) {
	frames := sipCallFrames()[:1]
	tr := sipTransactions()
	for _, p := range tr[len(tr)-2:] {
		frames = append(frames, p.Data)
	}
	checkTreeAllocsNothing(t, frames, "Session Initiation Protocol")
}
