package pcapio

import (
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rawcap/rawcap/internal/testshared"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/linktype"
)

// wCorpusDir returns ../shared/corpus beside the module root, or skips.
func wCorpusDir(tb testing.TB) string {
	tb.Helper()
	return testshared.Path(tb, "corpus")
}

// wCopyBlocks copies every block of the pcapng file in src through
// WriteRawBlock.
func wCopyBlocks(t testing.TB, src []byte, opts PcapNGWriterOptions) []byte {
	t.Helper()
	r, err := NewReader(bytes.NewReader(src))
	if err != nil {
		t.Fatalf("NewReader: %v", err)
	}
	var out bytes.Buffer
	w, _ := NewPcapNGWriter(&out, opts)
	for {
		b, err := r.NextBlock()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("NextBlock: %v", err)
		}
		if err := w.WriteRawBlock(b); err != nil {
			t.Fatalf("WriteRawBlock(type %#x at %d): %v", b.Type, b.Offset, err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

type wRawBlock struct {
	Type uint32
	Big  bool
	Raw  []byte
}

// wBlocksOf lists a pcapng file's blocks, with SHB section lengths cleared to
// -1 (the writer always writes -1).
func wBlocksOf(t testing.TB, src []byte) []wRawBlock {
	t.Helper()
	r, err := NewReader(bytes.NewReader(src))
	if err != nil {
		t.Fatalf("NewReader: %v", err)
	}
	var bs []wRawBlock
	for {
		b, err := r.NextBlock()
		if err == io.EOF {
			return bs
		}
		if err != nil {
			t.Fatalf("NextBlock after %d blocks: %v", len(bs), err)
		}
		raw := append([]byte(nil), b.Raw...)
		if b.Type == BlockSHB {
			binary.LittleEndian.PutUint64(raw[16:], ^uint64(0))
		}
		bs = append(bs, wRawBlock{b.Type, b.BigEndian, raw})
	}
}

// TestCopyCorpusLossless copies every pcapng test-generator file (both byte
// orders, several sections, custom blocks, NRB, DSB, ISB) block by block and
// checks that the output holds the same blocks, byte for byte.
func TestCopyCorpusLossless(t *testing.T) {
	dir := filepath.Join(wCorpusDir(t), "pcapng-tg")
	names, _ := filepath.Glob(filepath.Join(dir, "*.pcapng"))
	if len(names) == 0 {
		t.Skip("no pcapng-tg captures")
	}
	agreed := 0
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := NewReader(bytes.NewReader(src)); err != nil {
			continue // a file the reader refuses has nothing to copy
		}
		t.Run(filepath.Base(name), func(t *testing.T) {
			want := wBlocksOf(t, src)
			got := wBlocksOf(t, wCopyBlocks(t, src, PcapNGWriterOptions{}))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("copied blocks differ (-want +got):\n%s", diff)
			} else {
				agreed++
			}
		})
	}
	t.Logf("lossless copy: %d/%d pcapng-tg files identical block for block", agreed, len(names))
}

// TestCopyTruncate copies a big-endian file with Truncate set: packets are
// cut, interfaces' snapshot lengths capped, and everything else (times,
// original lengths, options, byte order) survives.
func TestCopyTruncate(t *testing.T) {
	var src bytes.Buffer
	w, _ := NewPcapNGWriter(&src, PcapNGWriterOptions{BigEndian: true})
	w.AddInterface(Interface{LinkType: linktype.Ethernet, SnapLen: 65535})
	data := bytes.Repeat([]byte{1, 2, 3, 4, 5, 6, 7}, 20)
	ps := []Packet{
		{Data: data, Length: 200, Time: wGoldenTime, HasTime: true, Options: MakeOptions(wEncodeOpts(true), true)},
		{Data: data[:10], Length: 10, Time: wGoldenTime, HasTime: true},
	}
	for i := range ps {
		ps[i].LinkType = linktype.Ethernet
		if err := w.WritePacket(&ps[i]); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	out := wCopyBlocks(t, src.Bytes(), PcapNGWriterOptions{Truncate: 33})
	got, r := wReadAll(t, out)
	var want []wPacket
	for i := range ps {
		p := ps[i]
		p.Data = p.Data[:min(len(p.Data), 33)]
		want = append(want, toWPacket(&p))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("truncated copy (-want +got):\n%s", diff)
	}
	if s := r.Interfaces()[0].SnapLen; s != 33 {
		t.Errorf("snaplen = %d, want 33", s)
	}
	if !r.Sections()[0].BigEndian {
		t.Error("copy is not big-endian")
	}
}

// TestCopyOrderMismatch: a block may not be copied into a section of the
// other byte order (it would be unreadable).
func TestCopyOrderMismatch(t *testing.T) {
	var out bytes.Buffer
	w, _ := NewPcapNGWriter(&out, PcapNGWriterOptions{})
	w.AddInterface(Interface{LinkType: linktype.Ethernet})
	blk := &Block{Type: BlockNRB, BigEndian: true, Raw: []byte{0, 0, 0, 4, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0, 16}}
	if err := w.WriteRawBlock(blk); err == nil || !strings.Contains(err.Error(), "big-endian section into a little-endian") {
		t.Errorf("WriteRawBlock = %v, want a byte-order error", err)
	}
}
