package decode_test

import (
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// The encapsulations and link-level protocols whose -V subtree is drawn
// from their fields (treefields.go): each protocol's generated frames are
// held to tshark's subtree line for line (compareSubtreeWithTshark), and
// one frame of each is drawn with 0 allocations per packet.

// encapTreeFrame is a frame of one of these protocols, with the linktype
// it is read as and the head of its subtree.
type encapTreeFrame struct {
	name  string
	link  linktype.Type
	head  string
	frame []byte
}

// espTreeFrames are TestESP's frames: a whole header, one cut after the
// SPI, one cut inside it.
func espTreeFrames() [][]byte {
	return [][]byte{
		espFrame(append([]byte{0xde, 0xad, 0xbe, 0xef, 0, 0, 0, 0x10}, make([]byte, 40)...), 0),
		espFrame([]byte{1, 2, 3, 4, 0, 5}, 0),
		espFrame([]byte{1, 2}, 0),
	}
}

func TestESPTreeMatchesTshark(t *testing.T) {
	compareSubtreeWithTshark(t, espTreeFrames(), "Encapsulating Security Payload", nil)
}

// mplsTreeFrames are the MPLS vectors and a stack of reserved labels
// Wireshark names (0, 2) and does not (5, 15).
func mplsTreeFrames(t *testing.T) [][]byte {
	var frames [][]byte
	for _, v := range mplsVectors {
		frames = append(frames, mustHex(t, v.hex))
	}
	return append(frames, mustHex(t, "02 00 00 00 00 02 02 00 00 00 00 01 88 47 00 00 00 40 00 00 20 40 00 00 50 40 00 00 f1 40 de ad be ef"))
}

func TestMPLSTreeMatchesTshark(t *testing.T) {
	compareSubtreeWithTshark(t, mplsTreeFrames(t), "MultiProtocol Label Switching Header",
		map[int]string{3: "a stack without a bottom: tshark's malformed-packet lines, which rawcap does not draw for it"})
}

// pppoeTreeFrames are the PPPoE vectors, and discovery packets with a code
// Wireshark does not name, a tag rawcap does not name before one it does,
// an AC-Name with control bytes, and a header cut short.
func pppoeTreeFrames(t *testing.T) [][]byte {
	var frames [][]byte
	for _, v := range pppoeVectors {
		frames = append(frames, mustHex(t, v.hex))
	}
	const eth = "ff ff ff ff ff ff 00 0c 29 90 3a 8b 88 63 "
	return append(frames,
		mustHex(t, eth+"11 42 00 00 00 08 01 01 00 00 01 02 00 00"),
		mustHex(t, eth+"11 09 00 00 00 0e 01 05 00 02 00 01 01 03 00 04 16 37 2c 16"),
		mustHex(t, eth+"11 07 00 00 00 09 01 02 00 05 61 0d 0a 09 5c"),
		mustHex(t, eth+"11 09 00"),
	)
}

func TestPPPoETreeMatchesTshark(t *testing.T) {
	frames := pppoeTreeFrames(t)
	compareSubtreeWithTshark(t, frames, "PPP-over-Ethernet Discovery", map[int]string{
		3: "a tag past the end: tshark's malformed-packet lines, which rawcap does not draw for it",
		5: "a tag rawcap does not name (Vendor-Specific): the tree stops there",
	})
	compareSubtreeWithTshark(t, frames, "PPP-over-Ethernet Session", nil)
}

// encapTreeFrames is one frame of each protocol, for the allocation test.
func encapTreeFrames(t *testing.T) []encapTreeFrame {
	t.Helper()
	return []encapTreeFrame{
		{"esp", linktype.Ethernet, "Encapsulating Security Payload", espTreeFrames()[0]},
		{"ah", linktype.Ethernet, "Authentication Header", ahFrames(t)[0]},
		{"mpls", linktype.Ethernet, "MultiProtocol Label Switching Header", mplsTreeFrames(t)[4]},
		{"pppoed", linktype.Ethernet, "PPP-over-Ethernet Discovery", pppoeTreeFrames(t)[0]},
		{"pppoes", linktype.Ethernet, "PPP-over-Ethernet Session", pppoeTreeFrames(t)[2]},
		{"erspan", linktype.Ethernet, "Encapsulated Remote Switch Packet ANalysis", erspanFrames(t)[0]},
		{"ah in ipv6", linktype.Ethernet, "Internet Protocol Version 6", ahFrames(t)[2]},
	}
}

// TestEncapTreeAllocatesNothing draws each protocol's generic subtree with
// 0 allocations per packet once the printer's buffers have grown.
func TestEncapTreeAllocatesNothing(t *testing.T) {
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	buf := make([]byte, 0, 1<<16)
	for _, c := range encapTreeFrames(t) {
		f := decode.Frame{Number: 1, Time: time.Unix(1700000000, 0), Length: len(c.frame)}
		d.Decode(c.frame, c.link)
		if out := string(tp.Append(buf[:0], d, &f)); !strings.Contains(out, "\n"+c.head) {
			t.Fatalf("%s: no %q subtree in:\n%s", c.name, c.head, out)
		}
		n := 2
		if got := testing.AllocsPerRun(20, func() {
			f.Number = n
			n++
			d.Decode(c.frame, c.link)
			buf = tp.Append(buf[:0], d, &f)
		}); got != 0 {
			t.Errorf("%s: %.1f allocations per packet, want 0", c.name, got)
		}
	}
}
