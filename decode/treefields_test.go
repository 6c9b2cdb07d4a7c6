package decode_test

import (
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// The protocols whose -V subtree is drawn from their fields (treefields.go)
// are held to tshark's subtree line for line on frames that reach each
// kind of line: bit fields of one and several bits, value names known and
// unknown, units, subtrees, texts that replace a line, and fields tshark
// keeps out of its tree.

// genericTreeGeneve are Geneve headers for geneveFrame.
var genericTreeGeneve = []string{
	"00 00 65 58 00 00 0b 00",                                     // no options
	"02 40 65 58 00 00 0a 00 00 00 80 01 00 00 00 0c",             // a critical option
	"00 80 65 58 00 00 0c 07",                                     // OAM, reserved byte set
	"00 05 65 58 00 00 0d 00",                                     // two of six reserved flag bits
	"03 00 65 58 00 00 0e 00 01 02 03 00 01 03 20 01 aa bb cc dd", // an empty option, then one with data
	"00 00 12 34 00 00 0f 00",                                     // an EtherType without a name
}

// genericTreeVXLAN are VXLAN headers before an Ethernet frame (appFrame,
// UDP port 4789).
var genericTreeVXLAN = []string{
	"08 00 00 00 00 00 64 00",
	"88 48 12 34 00 00 65 07", // G, I, D and A set, a group policy, a reserved byte
	"00 3f ff ff 00 00 66 00", // reserved flag bits set, no I
}

func genericTreeFrames(t *testing.T) (geneve, vxlan [][]byte) {
	t.Helper()
	for _, g := range genericTreeGeneve {
		geneve = append(geneve, geneveFrame(t, g))
	}
	inner := "02 00 00 00 00 12 02 00 00 00 00 11 08 00 45 00 00 24 00 01 40 00 40 01 b9 84 c0 a8 00 01 " +
		"c0 a8 00 02 08 00 66 68 00 01 00 01 61 62 63 64 65 66 67 68"
	for _, v := range genericTreeVXLAN {
		vxlan = append(vxlan, appFrame(mustHex(t, v+" "+inner), 40000, 4789, false))
	}
	return geneve, vxlan
}

func TestGenericTreeMatchesTshark(t *testing.T) {
	geneve, vxlan := genericTreeFrames(t)
	t.Run("geneve", func(t *testing.T) {
		compareSubtreeWithTshark(t, geneve, "Generic Network Virtualization Encapsulation", nil)
	})
	t.Run("vxlan", func(t *testing.T) {
		compareSubtreeWithTshark(t, vxlan, "Virtual eXtensible Local Area Network", nil)
	})
	t.Run("ntp", func(t *testing.T) {
		var frames [][]byte
		allow := map[int]string{}
		for i, v := range ntpVectors {
			frames = append(frames, appFrame(mustHex(t, v.hex), v.sport, v.dport, v.tcp))
			if v.name == "stratum1-ctrl-ref" || v.name == "server-v4" {
				allow[i] = "Wireshark's names of reference clocks are not carried"
			}
		}
		compareSubtreeWithTshark(t, frames, "Network Time Protocol", allow)
	})
}

// TestGenericTreeAllocatesNothing draws the generic subtrees with 0
// allocations per packet once the printer's buffers have grown.
func TestGenericTreeAllocatesNothing(t *testing.T) {
	geneve, vxlan := genericTreeFrames(t)
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	buf := make([]byte, 0, 1<<16)
	for _, frame := range append(geneve, vxlan...) {
		f := decode.Frame{Number: 1, Time: time.Unix(1700000000, 0), Length: len(frame)}
		d.Decode(frame, linktype.Ethernet)
		out := string(tp.Append(buf[:0], d, &f))
		if !strings.Contains(out, "\nGeneric Network Virtualization Encapsulation") && !strings.Contains(out, "\nVirtual eXtensible Local Area Network") {
			t.Fatalf("no generic subtree in:\n%s", out)
		}
		n := 2
		if got := testing.AllocsPerRun(20, func() {
			f.Number = n
			n++
			d.Decode(frame, linktype.Ethernet)
			buf = tp.Append(buf[:0], d, &f)
		}); got != 0 {
			t.Errorf("%.1f allocations per packet, want 0", got)
		}
	}
}

// checkTreeAllocsNothing draws each frame's tree, which must hold the
// subtree headed head, and fails unless redrawing it takes 0 allocations
// per packet once the printer's buffers have grown.
func checkTreeAllocsNothing(t *testing.T, frames [][]byte, head string) {
	t.Helper()
	checkTreeAllocsNothingOn(t, linktype.Ethernet, frames, head)
}

// checkTreeAllocsNothingOn is checkTreeAllocsNothing for frames of link
// type lt.
func checkTreeAllocsNothingOn(t *testing.T, lt linktype.Type, frames [][]byte, head string) {
	t.Helper()
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	buf := make([]byte, 0, 1<<16)
	for k, frame := range frames {
		f := decode.Frame{Number: 1, Time: time.Unix(1700000000, 0), Length: len(frame)}
		d.Decode(frame, lt)
		out := string(tp.Append(buf[:0], d, &f))
		if !strings.Contains(out, "\n"+head) {
			t.Fatalf("frame %d: no %q subtree in:\n%s", k, head, out)
		}
		n := 2
		if got := testing.AllocsPerRun(20, func() {
			f.Number = n
			n++
			d.Decode(frame, lt)
			buf = tp.Append(buf[:0], d, &f)
		}); got != 0 {
			t.Errorf("frame %d: %.1f allocations per packet, want 0", k, got)
		}
	}
}
