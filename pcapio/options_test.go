package pcapio

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestOptionsGarbage checks that accessors decline malformed values and stop
// at damage instead of panicking.
func TestOptionsGarbage(t *testing.T) {
	tests := []struct {
		name string
		in   string // little-endian option bytes
		want packetOptions
	}{
		{"empty", ``, packetOptions{Empty: true}},
		{"only end of options", `00 00 00 00`, packetOptions{Empty: true}},
		{"header cut short", `01 00 02`, packetOptions{Empty: true}},
		{"value past the end", `01 00 08 00 68 69`, packetOptions{Empty: true}},
		// epb_flags of 2 bytes, epb_dropcount of 4: too short, ignored.
		{"short values", `02 00 02 00 01 00 00 00 04 00 04 00 01 00 00 00`, packetOptions{}},
		// Two comments, then damage: both comments survive.
		{"comments then damage", `01 00 01 00 61 00 00 00 01 00 01 00 62 00 00 00 05 00 ff 00`,
			packetOptions{Comment: "a", Comments: []string{"a", "b"}}},
		// Options after opt_endofopt are ignored.
		{"after end of options", `00 00 00 00 01 00 01 00 61 00 00 00`, packetOptions{Empty: true}},
		// An empty epb_hash has no algorithm byte: absent.
		{"empty hash", `03 00 00 00`, packetOptions{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := decodeOptions(MakeOptions(unhex(t, tt.in), false))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func FuzzOptions(f *testing.F) {
	f.Add(unhex(f, `01 00 02 00 68 69 00 00 02 00 04 00 01 00 00 00 00 00 00 00`), false)
	f.Add(unhex(f, `00 01 00 02 68 69 00 00 00 02 00 04 00 00 00 01 00 00 00 00`), true)
	f.Fuzz(func(t *testing.T, b []byte, be bool) {
		o := MakeOptions(b, be)
		decodeOptions(o)
		valid := validOptions(b, be) < 0
		n := 0
		o.Each(func(code uint16, v []byte) bool { n += len(v); return true })
		if valid && n > len(b) {
			t.Fatalf("values of %d bytes in %d bytes of options", n, len(b))
		}
	})
}
