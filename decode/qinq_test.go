package decode_test

import "testing"

// qinqFrames are Ethernet frames with stacked tags carrying an ICMP echo
// request: an 802.1ad S-tag over a C-tag, two 802.1Q tags, a lone S-tag,
// the old 0x9100 TPID, and each TPID's tag cut short. (Two stacked S-tags,
// which tshark draws as one "S-VID, C-VID" tree, are not drawn that way.)
func qinqFrames(t *testing.T) [][]byte {
	t.Helper()
	inner := "45 00 00 1c 00 01 00 00 40 01 00 00 0a 00 00 01 0a 00 00 02 08 00 00 00 00 07 00 01"
	var frames [][]byte
	for _, tags := range []string{
		"88 a8 a0 64 81 00 00 65 08 00",
		"81 00 00 64 81 00 20 65 08 00",
		"88 a8 00 64 08 00",
		"91 00 00 64 81 00 00 65 08 00",
	} {
		f := mustHex(t, "02 00 00 00 00 02 02 00 00 00 00 01 "+tags+" "+inner)
		ip := f[len(f)-28:]
		putChecksum(ip[:20], 10)
		putChecksum(ip[20:], 2)
		frames = append(frames, f)
	}
	for _, cut := range []string{"88 a8 a0", "81 00 a0", "91 00 a0"} {
		frames = append(frames, mustHex(t, "02 00 00 00 00 02 02 00 00 00 00 01 "+cut))
	}
	return frames
}

func TestQinQVectors(t *testing.T) {
	frames := qinqFrames(t)
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-e"}, {"-v"}, {"-q"}})
	checkIPVectorsAlloc(t, frames)
}

func TestQinQTreeMatchesTshark(t *testing.T) {
	frames := qinqFrames(t)
	compareSubtreeWithTshark(t, frames, "IEEE 802.1ad", nil)
	compareSubtreeWithTshark(t, frames, "802.1Q Virtual LAN", nil)
	compareSubtreeWithTshark(t, frames, "Ethernet II", nil)
}
