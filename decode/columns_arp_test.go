package decode_test

import (
	"encoding/binary"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"

	"github.com/rawcap/rawcap/internal/testshared"
)

// arpFrame returns an Ethernet ARP packet (op 1 request, 2 reply) from the
// sender's MAC and address to the target's.
func arpFrame(op uint16, sha [6]byte, spa [4]byte, tha [6]byte, tpa [4]byte) []byte {
	dst := tha
	if op == 1 {
		dst = [6]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
	}
	b := append(append(append([]byte{}, dst[:]...), sha[:]...), 0x08, 0x06)
	b = append(b, 0, 1, 8, 0, 6, 4, 0, 0)
	binary.BigEndian.PutUint16(b[20:], op)
	b = append(append(append(append(b, sha[:]...), spa[:]...), tha[:]...), tpa[:]...)
	return b
}

// TestARPDuplicatesMatchTshark holds the packet list's "(duplicate use of
// … detected!)" to tshark's: every address remembered with its first MAC
// however many come after (3000 here, past the 1024 a direct-mapped table
// once kept), a reply checking its target after its sender, and the later
// check deciding the Info: a reply whose sender conflicts but whose target
// does not shows no mark, as in tshark, though its tree has the item; and
// that item after ARP's subtree, with the earlier frame and the seconds
// since, in -V and -T fields.
func TestARPDuplicatesMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	mac := func(k int) [6]byte { return [6]byte{2, 0, 0, byte(k >> 16), byte(k >> 8), byte(k)} }
	ip := func(k int) [4]byte { return [4]byte{10, byte(k >> 16), byte(k >> 8), byte(k)} }
	var zero [6]byte
	var frames [][]byte
	for k := 1; k <= 3000; k++ {
		frames = append(frames, arpFrame(1, mac(k), ip(k), zero, ip(k+1)))
	}
	for _, k := range []int{1, 2, 500, 2999} {
		// Another MAC claims k's address; a request asks for it.
		frames = append(frames, arpFrame(2, mac(k+5000), ip(k), mac(k+1), ip(k+1)))
		frames = append(frames, arpFrame(1, mac(k+6000), ip(k+6000), zero, ip(k)))
	}
	// A reply whose target conflicts, and one whose sender does while its
	// target does not.
	frames = append(frames, arpFrame(2, mac(7), ip(7), mac(9000), ip(8)))
	frames = append(frames, arpFrame(2, mac(9001), ip(10), mac(11), ip(11)))
	path := writeTestPcap(t, frames)
	if n := compareColumnsWithTshark(t, path); n != len(frames) {
		t.Errorf("%d of %d rows are tshark's", n, len(frames))
	}
	// The tree's item after ARP's subtree, and its fields.
	compareSubtreeWithTshark(t, frames, "Address Resolution Protocol", nil)
	compareFieldsWithTshark(t, path, frames, []string{"arp.duplicate-address-frame", "arp.duplicate-address-detected",
		"arp.seconds-since-duplicate-address-frame", "arp.src.proto_ipv4"})
}

// TestARPDuplicatesAllocs: tracking the bindings and drawing the
// duplicates allocate nothing once the table is made.
func TestARPDuplicatesAllocs(t *testing.T) {
	mac := func(k int) [6]byte { return [6]byte{2, 0, 0, 0, 0, byte(k)} }
	ip := func(k int) [4]byte { return [4]byte{10, 0, 0, byte(k)} }
	var zero [6]byte
	frames := [][]byte{
		arpFrame(1, mac(1), ip(1), zero, ip(2)),
		arpFrame(2, mac(2), ip(1), mac(3), ip(3)), // a duplicate of ip(1)
		arpFrame(2, mac(4), ip(3), mac(1), ip(1)), // ip(3)'s, then ip(1)'s again
	}
	tree := flowAllocsNothing(t, frames, &decode.ColumnsPrinter{}, &decode.TreePrinter{Location: time.UTC})
	if !strings.Contains(tree, "[Duplicate IP address detected for 10.0.0.3") {
		t.Errorf("no duplicate drawn in:\n%s", tree)
	}
}
