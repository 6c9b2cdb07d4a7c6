package decode

import (
	"bytes"
	"fmt"
	"math/rand"
	"testing"

	"golang.org/x/net/http2/hpack"
)

// TestHPACKMatchesXNet decodes blocks x/net's encoder writes (indexed,
// literal, Huffman, never-indexed, dynamic table evictions and size
// updates) and holds the fields to what was encoded.
func TestHPACKMatchesXNet(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	var eb bytes.Buffer
	enc := hpack.NewEncoder(&eb)
	var tab hpackTable
	tab.init(hpackMaxSize)
	var fs []hpackField
	var buf []byte
	names := []string{":method", ":path", "user-agent", "x-custom", "cookie", "content-type", "x-long"}
	for block := 0; block < 2000; block++ {
		if r.Intn(50) == 0 {
			enc.SetMaxDynamicTableSize(uint32(r.Intn(8192)))
		}
		eb.Reset()
		var want []hpack.HeaderField
		for n := r.Intn(6); n >= 0; n-- {
			v := fmt.Sprintf("v%d", r.Intn(40))
			if r.Intn(10) == 0 {
				v = string(bytes.Repeat([]byte{byte(r.Intn(256))}, r.Intn(3000)))
			}
			f := hpack.HeaderField{Name: names[r.Intn(len(names))], Value: v, Sensitive: r.Intn(8) == 0}
			if err := enc.WriteField(f); err != nil {
				t.Fatal(err)
			}
			want = append(want, f)
		}
		var ok bool
		fs, buf, ok = hpackDecode(&tab, eb.Bytes(), fs[:0], buf[:0])
		if !ok || len(fs) != len(want) {
			t.Fatalf("block %d: ok %v, %d fields, want %d", block, ok, len(fs), len(want))
		}
		for k, f := range fs {
			name := string(buf[f.nameOff : f.nameOff+f.nameLen])
			val := string(buf[f.valOff : f.valOff+f.valLen])
			if name != want[k].Name || val != want[k].Value || (f.rep == hpackNever) != want[k].Sensitive {
				t.Fatalf("block %d field %d: %q: %d bytes (rep %d), want %+v", block, k, name, len(val), f.rep, want[k])
			}
		}
	}
}

func TestHPACKVectors(t *testing.T) {
	// RFC 7541 C.4.1 (Huffman) and bad inputs.
	b := []byte{0x82, 0x86, 0x84, 0x41, 0x8c, 0xf1, 0xe3, 0xc2, 0xe5, 0xf2, 0x3a, 0x6b, 0xa0, 0xab, 0x90, 0xf4, 0xff}
	var tab hpackTable
	tab.init(hpackDefaultSize)
	fs, buf, ok := hpackDecode(&tab, b, nil, nil)
	if !ok || len(fs) != 4 || string(buf[fs[3].valOff:fs[3].valOff+fs[3].valLen]) != "www.example.com" || tab.size != 57 {
		t.Fatalf("C.4.1: ok %v, %d fields, %q, size %d", ok, len(fs), buf, tab.size)
	}
	for _, bad := range [][]byte{
		{0x80},                               // index 0
		{0xbf, 0x20},                         // beyond the tables
		{0x41, 0x85, 0xf1},                   // string cut
		{0x41, 0x81, 0x00},                   // Huffman padding not ones
		{0x41, 0x84, 0xff, 0xff, 0xff, 0xff}, // EOS
		{0x3f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, // overflow
		{0x3f, 0xe1, 0xff, 0x03}, // size update beyond the limit
	} {
		tab.init(hpackDefaultSize)
		if _, _, ok := hpackDecode(&tab, bad, nil, nil); ok {
			t.Errorf("% x decoded", bad)
		}
	}
}

func TestHPACKAllocs(t *testing.T) {
	var eb bytes.Buffer
	enc := hpack.NewEncoder(&eb)
	for k := 0; k < 3; k++ {
		enc.WriteField(hpack.HeaderField{Name: "x-k", Value: fmt.Sprint("value", k)})
		enc.WriteField(hpack.HeaderField{Name: ":path", Value: "/index.html"})
	}
	block := eb.Bytes()
	var tab hpackTable
	tab.init(hpackDefaultSize)
	fs, buf, _ := hpackDecode(&tab, block, nil, nil)
	if n := testing.AllocsPerRun(100, func() {
		tab.init(hpackDefaultSize)
		fs, buf, _ = hpackDecode(&tab, block, fs[:0], buf[:0])
	}); n != 0 {
		t.Errorf("%v allocations per block", n)
	}
}

// FuzzHPACK decodes arbitrary blocks against one table: no panic, and the
// table stays within its size.
func FuzzHPACK(f *testing.F) {
	f.Add([]byte{0x82, 0x86, 0x84, 0x41, 0x8c, 0xf1, 0xe3, 0xc2, 0xe5, 0xf2, 0x3a, 0x6b, 0xa0, 0xab, 0x90, 0xf4, 0xff})
	f.Add([]byte{0x3f, 0xe1, 0x1f, 0x40, 0x83, 0x61, 0x62, 0x63, 0x01, 0x78, 0xbe})
	var tab hpackTable
	tab.init(hpackDefaultSize)
	var fs []hpackField
	var buf []byte
	f.Fuzz(func(t *testing.T, b []byte) {
		fs, buf, _ = hpackDecode(&tab, b, fs[:0], buf[:0])
		if tab.size > tab.max || tab.max > tab.lim {
			t.Fatalf("table size %d, max %d, limit %d", tab.size, tab.max, tab.lim)
		}
	})
}
