package decode

import (
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
)

// TestAppendHexBytes holds appendHexBytes, which writes four bytes' digits
// a store, to encoding/hex for every length up to 40 and every byte value,
// after a prefix it must keep.
func TestAppendHexBytes(t *testing.T) {
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	for n := 0; n <= 40; n++ {
		data := all[256-n:]
		if got, want := string(appendHexBytes([]byte("x:"), data)), "x:"+hex.EncodeToString(data); got != want {
			t.Errorf("%d bytes: %q, want %q", n, got, want)
		}
	}
	if got := string(appendHexBytes(nil, all)); got != hex.EncodeToString(all) {
		t.Errorf("every byte: %q", got)
	}
}

// TestAppendTreeHexDump holds the -V hex dump, whose full lines take one
// store a byte, to its layout written out plainly, for lengths around the
// line's 16 bytes and every byte value.
func TestAppendTreeHexDump(t *testing.T) {
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(255 - i)
	}
	for _, n := range []int{0, 1, 15, 16, 17, 31, 32, 33, 256} {
		data := all[:n]
		var want strings.Builder
		want.WriteString("\n")
		for off := 0; off < n; off += 16 {
			line := data[off:min(off+16, n)]
			fmt.Fprintf(&want, "%04x  ", off)
			for k := range 16 {
				if k < len(line) {
					fmt.Fprintf(&want, "%02x ", line[k])
				} else {
					want.WriteString("   ")
				}
			}
			want.WriteString("  ")
			for _, c := range line {
				if c < 0x20 || c > 0x7e {
					c = '.'
				}
				want.WriteByte(c)
			}
			want.WriteString("\n")
		}
		if got := string(appendTreeHexDump([]byte("x"), data)); got != "x"+want.String() {
			t.Errorf("%d bytes:\n%q\nwant\n%q", n, got, "x"+want.String())
		}
	}
}
