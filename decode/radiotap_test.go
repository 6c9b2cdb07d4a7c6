package decode_test

import (
	"strings"
	"testing"

	"github.com/rawcap/rawcap/linktype"
)

// radiotapTreeHeaders are radiotap headers that reach each kind of line of
// the radiotap subtree and of tshark's 802.11 radio information, put before
// a deauthentication frame by radiotapTreeFrames.
var radiotapTreeHeaders = []string{
	rtA, rtB, rtFCS,
	// Flags, Channel (2.4 GHz, dynamic CCK-OFDM), dBm signal, MCS: 40 MHz,
	// short GI, one STBC stream, index 7.
	"00 00 12 00 2a 00 08 00 00 00 85 09 80 04 d8 27 25 07",
	// Flags, Channel (5 GHz OFDM), VHT: STBC, short GI, 80 MHz, one user
	// with MCS 9 over two streams, LDPC.
	"00 00 1a 00 0a 00 20 00 00 00 3c 14 40 01 45 00 05 04 92 00 00 00 01 00 00 00",
	// VHT with every known bit: 20 MHz, MCS 9 over one stream (a rate the
	// standard leaves out), a second user, LDPC extra symbol, beamformed,
	// a group and partial AID.
	"00 00 1a 00 0a 00 20 00 00 00 3c 14 40 01 ff 01 3c 00 91 12 00 00 02 05 23 01",
	// HE single user, as tcpdump's tests_ieee802.11_htc.pcap has it.
	"00 00 1a 00 0a 00 80 00 00 00 3c 14 40 01 fc c3 fe 00 e5 69 0f 00 80 21 02 7f",
	// HE extended-range single user with nothing known: every subfield
	// drawn as unknown.
	"00 00 1a 00 0a 00 80 00 00 00 3c 14 40 01 01 00 00 00 34 12 cd ab 45 03 10 80",
}

func radiotapTreeFrames(t *testing.T) [][]byte {
	t.Helper()
	var frames [][]byte
	for _, h := range radiotapTreeHeaders {
		body := "c0 00 3a 01 00 0c 41 82 b2 55 00 0d 93 82 36 3a 00 0c 41 82 b2 55 50 0b 04 00"
		if h == rtFCS {
			body += " 00 00 00 00"
		}
		frames = append(frames, mustHex(t, h+" "+body))
	}
	return frames
}

// TestRadiotapTreeMatchesTshark holds the radiotap subtree of the frames to
// tshark's line for line, and the radio information to the lines tshark
// prints (it works out durations rawcap does not for some PHYs).
func TestRadiotapTreeMatchesTshark(t *testing.T) {
	frames := radiotapTreeFrames(t)
	compareSubtreeWithTsharkOn(t, linktype.IEEE802_11RT, frames, "Radiotap Header v0", nil)
	allow := map[int]string{}
	for i := range frames {
		allow[i] = "tshark works out the durations of more PHYs"
	}
	compareSubtreeWithTsharkOn(t, linktype.IEEE802_11RT, frames, "802.11 radio information", allow)
}

// TestRadiotapTreeAllocatesNothing: the generic tree draws radiotap and
// the radio information without allocating.
func TestRadiotapTreeAllocatesNothing(t *testing.T) {
	frames := radiotapTreeFrames(t)
	if !strings.HasPrefix(radiotapTreeHeaders[0], "00 00") {
		t.Fatal("not a radiotap header")
	}
	checkTreeAllocsNothingOn(t, linktype.IEEE802_11RT, frames, "Radiotap Header v0")
}
