package ripemd160

import (
	"encoding/hex"
	"strings"
	"testing"
)

// TestVectors checks the test vectors published with the algorithm.
func TestVectors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "9c1185a5c5e9fc54612808977ee8f548b2258d31"},
		{"a", "0bdc9d2d256b3ee9daae347be6f4dc835a467ffe"},
		{"abc", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"},
		{"message digest", "5d0689ef49d2fae572b881b123a85ffa21595f36"},
		{"abcdefghijklmnopqrstuvwxyz", "f71c27109c692c1b56bbdceb5b9d2865b3708dbc"},
		{"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "12a053384a9c0c88e405a06c27dcf49ada62eb2b"},
		{strings.Repeat("1234567890", 8), "9b752e45573d4b39f4dbd3323cab82bf63326bfb"},
		{strings.Repeat("a", 1000000), "52783243c1697bdbe16d37f97f68f08325dc1528"},
	} {
		h := New()
		// Written in uneven pieces, to cross block boundaries.
		for in := tc.in; in != ""; {
			n := min(len(in), 37)
			h.Write([]byte(in[:n]))
			in = in[n:]
		}
		if got := hex.EncodeToString(h.Sum(nil)); got != tc.want {
			t.Errorf("RIPEMD-160(%.20q…) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// BenchmarkWrite hashes 64 KiB writes, as rawcap info hashes a file.
func BenchmarkWrite(b *testing.B) {
	buf := make([]byte, 64<<10)
	for i := range buf {
		buf[i] = byte(i * 7)
	}
	h := New()
	b.SetBytes(int64(len(buf)))
	b.ReportAllocs()
	for b.Loop() {
		h.Write(buf)
	}
}

// BenchmarkDescription hashes the same writes with the loop over the
// tables that block.go is generated from, for comparison.
func BenchmarkDescription(b *testing.B) {
	buf := make([]byte, 64<<10)
	for i := range buf {
		buf[i] = byte(i * 7)
	}
	var d digest
	d.Reset()
	b.SetBytes(int64(len(buf)))
	b.ReportAllocs()
	for b.Loop() {
		for i := 0; i < len(buf); i += BlockSize {
			d.blockGeneric(buf[i : i+BlockSize])
		}
	}
}
