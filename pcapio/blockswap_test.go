package pcapio

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/linktype"
)

// swapFile converts every block of a pcapng file to the other byte order.
func swapFile(tb testing.TB, b []byte) ([]byte, error) {
	tb.Helper()
	r, err := NewReaderBytes(b)
	if err != nil {
		return nil, err
	}
	var out []byte
	for {
		blk, err := r.NextBlock()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if out, err = SwapBlock(out, blk.Raw, blk.BigEndian); err != nil {
			return nil, err
		}
	}
}

// TestSwapBlockCorpus swaps every block of every pcapng corpus file: the
// swapped file reads back with the same packets, options and interfaces,
// and swapping it back gives the original bytes.
func TestSwapBlockCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "*", "*.pcapng"))
	if len(files) == 0 {
		t.Skip("no pcapng captures in ../shared/corpus")
	}
	n := 0
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		_, want, err := readPackets(t, b)
		if err != nil {
			continue // damaged on purpose
		}
		swapped, err := swapFile(t, b)
		if err != nil {
			t.Logf("%s: %v", filepath.Base(name), err) // a block of unknown layout
			continue
		}
		n++
		r, got, err := readPackets(t, swapped)
		if err != nil {
			t.Errorf("%s swapped: %v", filepath.Base(name), err)
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s swapped (-want +got):\n%s", filepath.Base(name), diff)
		}
		r0, _ := NewReaderBytes(b)
		for {
			if _, err := r0.Next(); err != nil {
				break
			}
		}
		for i, in := range r.Interfaces() {
			w := r0.Interfaces()[i]
			if in.Name != w.Name || in.TSResol != w.TSResol || in.TSOffset != w.TSOffset || in.Speed != w.Speed || in.FCSLen != w.FCSLen || in.Filter != w.Filter {
				t.Errorf("%s swapped: interface %d is %+v, want %+v", filepath.Base(name), i, in, w)
			}
		}
		back, err := swapFile(t, swapped)
		if err != nil || !bytes.Equal(back, b) {
			t.Errorf("%s: swapping twice does not give the original back (%v)", filepath.Base(name), err)
		}
	}
	if n == 0 {
		t.Fatal("no corpus file could be swapped")
	}
}

func TestAppendIDB(t *testing.T) {
	ifc := Interface{LinkType: linktype.Ethernet, SnapLen: 65535, TSResol: 9, FCSLen: 4}
	for _, big := range []bool{false, true} {
		idb, err := AppendIDB(nil, &ifc, big)
		if err != nil {
			t.Fatal(err)
		}
		shb := unhex(t, "0a0d0d0a 1c000000 4d3c2b1a 0100 0000 ffffffffffffffff 1c000000")
		if big {
			shb = unhex(t, "0a0d0d0a 0000001c 1a2b3c4d 0001 0000 ffffffffffffffff 0000001c")
		}
		r, err := NewReaderBytes(cat(shb, idb))
		if err != nil {
			t.Fatal(err)
		}
		got := r.Interfaces()[0]
		if got.LinkType != ifc.LinkType || got.SnapLen != ifc.SnapLen || got.TSResol != 9 || got.FCSLen != 4 {
			t.Errorf("big %v: read back %+v, want %+v", big, got, ifc)
		}
	}
}

func TestSwapBlockRejects(t *testing.T) {
	for _, v := range []string{
		"06000000 0c000000",                   // too short
		"06000000 10000000 00000000 0c000000", // lengths disagree
		"99000000 0c000000 0c000000",          // unknown type
		"06000000 20000000 00000000 00000000 00000000 ff000000 00000000 20000000", // caplen beyond the block
	} {
		if _, err := SwapBlock(nil, unhex(t, v), false); err == nil {
			t.Errorf("SwapBlock(%s) succeeded", v)
		}
	}
}

// FuzzSwapBlock: no panic, and a block that swaps swaps back to itself.
func FuzzSwapBlock(f *testing.F) {
	f.Add(unhex(f, "06000000 24000000 00000000 00000000 00000000 04000000 04000000 01020304 02000400 01000000 00000000 24000000"), false)
	f.Add(unhex(f, "00000005 00000020 00000000 00000000 00000000 00040008 00000000 00000001 00000000 00000020"), true)
	f.Fuzz(func(t *testing.T, b []byte, big bool) {
		s, err := SwapBlock(nil, b, big)
		if err != nil {
			return
		}
		back, err := SwapBlock(nil, s, !big)
		if err != nil || !bytes.Equal(back, b) {
			t.Fatalf("swapping back: %v\n in % x\nout % x", err, b, back)
		}
	})
}
