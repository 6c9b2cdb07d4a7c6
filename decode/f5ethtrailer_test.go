package decode_test

import (
	"bytes"
	"testing"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// f5ARP is an ARP request in Ethernet, 42 bytes (tcpdump's
// tests/arp-oobr.pcap, before its fuzzing).
const f5ARP = "ffffffffffff001f29da2d790806" + "0001080006040001001f29da2d79c0a80168000000000000c0a80101"

// f5Frames returns f5ARP padded to n bytes, once for each offset of the
// padding, with byte v there.
func f5Frames(t *testing.T, n int, v byte) [][]byte {
	arp := mustHex(t, f5ARP)
	var frames [][]byte
	for off := len(arp); off < n; off++ {
		f := append(bytes.Clone(arp), make([]byte, n-len(arp))...)
		f[off] = v
		frames = append(frames, f)
	}
	return frames
}

// TestF5Trailer holds the trailers tshark's F5 heuristic takes, in ARP
// requests padded to 60 to 63 bytes with one nonzero byte somewhere in
// the padding, to tshark's trees: rawcap takes those whose bytes past the
// zeros are 7 long, and draws tshark's malformed mark for them (and no
// padding or trailer).
func TestF5Trailer(t *testing.T) {
	var frames [][]byte
	for n := 60; n < 64; n++ {
		frames = append(frames, f5Frames(t, n, 0x40)...)
		frames = append(frames, f5Frames(t, n, 0xaa)...)
	}
	d := decode.NewDecoder()
	for i, f := range frames {
		ls := d.Decode(f, linktype.Ethernet)
		first := 42
		for f[first] == 0 {
			first++
		}
		want := len(f)-first == 7
		got := ls[len(ls)-1].Type == decode.LayerF5Trailer
		if got != want {
			t.Errorf("frame %d (%d bytes, byte at %d): F5 trailer %v, want %v", i+1, len(f), first, got, want)
		}
	}
	compareFramesTreeWithTsharkFrom(t, frames, "\nEthernet II")
}
