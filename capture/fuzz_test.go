package capture

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/rawcap/rawcap/pcapio"
)

// FuzzWalkBlock feeds arbitrary bytes to the ring walker as a block: it must
// never panic, never hand out bytes outside the block, and never return more
// packets than the block claims. The seeds are the hand-written block and
// blocks built from packets of the shared corpus.
func FuzzWalkBlock(f *testing.F) {
	f.Add(unhex(f, twoPackets))
	f.Add(buildBlock(512, []testFrame{{data: []byte("x")}, {data: nil}}))
	for _, b := range corpusBlocks(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, block []byte) {
		it := newBlockIter(block)
		claimed := it.left
		var fr frame
		var buf []byte
		n := uint32(0)
		for it.next(&fr) {
			n++
			if len(fr.data) > len(block) {
				t.Fatalf("frame of %d bytes in a block of %d", len(fr.data), len(block))
			}
			buf = appendSLL2(buf[:0], &fr, fr.data)
			if tpid, tci, ok := vlanTag(&fr); ok && len(fr.data) >= macAddressesSize {
				buf = appendWithVLAN(buf[:0], fr.data, tpid, tci)
			}
		}
		if n > claimed {
			t.Fatalf("%d frames from a block that claims %d", n, claimed)
		}
	})
}

// corpusBlocks packs the first packets of a few shared captures into blocks.
func corpusBlocks(f *testing.F) [][]byte {
	dir := sharedDir()
	if dir == "" {
		f.Log("the shared corpus is absent: seeding from the hand-written blocks only")
		return nil
	}
	var out [][]byte
	for _, name := range []string{"tcpdump/tests_802.1D_spanning_tree.pcap", "tcpdump/tests_02-sunrise-sunset-esp.pcap"} {
		r, err := pcapio.Open(filepath.Join(dir, "corpus", name))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			f.Fatal(err)
		}
		var frames []testFrame
		for len(frames) < 8 {
			p, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				f.Fatal(err)
			}
			frames = append(frames, testFrame{data: append([]byte(nil), p.Data...), length: uint32(p.Length), sec: uint32(p.Time.Unix())})
		}
		r.Close()
		out = append(out, buildBlock(8192, frames))
	}
	return out
}
