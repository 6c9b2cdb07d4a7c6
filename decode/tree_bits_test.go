package decode

import "testing"

// TestTreeBitsTable checks that the nibble table draws every bit field as
// the bit-by-bit loop does, for the widths the trees use.
func TestTreeBitsTable(t *testing.T) {
	for _, width := range []int{4, 8, 12, 16, 24, 32} {
		for _, c := range []struct{ v, mask uint64 }{
			{0x45, 0xf0}, {0x45, 0x0f}, {0xffffffff, 0x00300000}, {0x12345678, 0x0fc00000},
			{0x0a5a, 0x0e00}, {0x0012, 0x0001}, {0, 0xffffffff}, {0xffffffff, 0},
		} {
			v, mask := c.v&(1<<width-1), c.mask&(1<<width-1)
			var fast, slow treeWriter
			fast.bits(v, width, mask, "L")
			slow.bitsSlow(v, width, mask)
			if want := string(slow.b) + " = L: "; string(fast.b) != want {
				t.Errorf("bits(%#x, %d, %#x) = %q, want %q", v, width, mask, fast.b, want)
			}
		}
	}
}

// TestTreeIndent checks the indentation at every depth, also past the
// precomputed one.
func TestTreeIndent(t *testing.T) {
	for depth := range 20 {
		w := treeWriter{depth: depth}
		w.line()
		if len(w.b) != 4*depth {
			t.Errorf("depth %d: indentation %d bytes, want %d", depth, len(w.b), 4*depth)
		}
		for _, c := range w.b {
			if c != ' ' {
				t.Fatalf("depth %d: indentation %q", depth, w.b)
			}
		}
	}
}
