package zpipe

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

var words = []string{"ether ", "ip ", "udp ", "9999 ", "10.200.0.1 ", "syn ", "ack ", "\x00\x01\x02 "}

func decompress(t *testing.T, kind string, b []byte) []byte {
	t.Helper()
	var r io.Reader
	switch kind {
	case Gzip:
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	case Zstd:
		zr, err := zstd.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		r = zr
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decompressing: %v", err)
	}
	return out
}

// TestRoundTrip writes chunks of every size (larger than the buffers too)
// through small buffers and reads back exactly the stream written.
func TestRoundTrip(t *testing.T) {
	for _, kind := range []string{Gzip, Zstd} {
		t.Run(kind, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, 2))
			var dst, want bytes.Buffer
			w, err := NewWriter(&dst, Options{Compression: kind, BufferSize: 4096, Buffers: 3})
			if err != nil {
				t.Fatal(err)
			}
			for range 500 {
				// Words drawn at random: compressible, not trivially.
				var chunk []byte
				for n := rng.IntN(10000); len(chunk) < n; {
					chunk = append(chunk, words[rng.IntN(len(words))]...)
				}
				if n, err := w.Write(chunk); n != len(chunk) || err != nil {
					t.Fatalf("Write: %d, %v", n, err)
				}
				want.Write(chunk)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if dst.Len() >= want.Len() {
				t.Errorf("compressed %d bytes into %d", want.Len(), dst.Len())
			}
			if !bytes.Equal(decompress(t, kind, dst.Bytes()), want.Bytes()) {
				t.Fatal("the stream read back differs from the one written")
			}
			if _, err := w.Write([]byte{1}); !errors.Is(err, ErrClosed) {
				t.Errorf("Write after Close: %v, want ErrClosed", err)
			}
			if err := w.Close(); err != nil {
				t.Errorf("second Close: %v", err)
			}
		})
	}
}

// TestFlushMakesDataReadable: after Flush, what was written decompresses
// from what reached dst, before Close.
func TestFlushMakesDataReadable(t *testing.T) {
	for _, kind := range []string{Gzip, Zstd} {
		t.Run(kind, func(t *testing.T) {
			var dst bytes.Buffer
			w, err := NewWriter(&dst, Options{Compression: kind})
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			msg := bytes.Repeat([]byte("packet "), 100)
			w.Write(msg)
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			var got []byte
			switch kind {
			case Gzip:
				zr, err := gzip.NewReader(bytes.NewReader(dst.Bytes()))
				if err != nil {
					t.Fatal(err)
				}
				got, _ = io.ReadAll(zr) // ends with io.ErrUnexpectedEOF: the stream is not closed
			case Zstd:
				zr, _ := zstd.NewReader(bytes.NewReader(dst.Bytes()))
				got, _ = io.ReadAll(zr)
				zr.Close()
			}
			if !bytes.Equal(got, msg) {
				t.Errorf("after Flush, %d bytes decompress, want the %d written", len(got), len(msg))
			}
		})
	}
}

type failingWriter struct{ after int }

var errDiskFull = errors.New("no space left on device")

func (f *failingWriter) Write(p []byte) (int, error) {
	if f.after <= 0 {
		return 0, errDiskFull
	}
	f.after--
	return len(p), nil
}

// TestErrorIsSticky: a failed write beneath comes back from a later Write
// or from Close, and Write never waits forever for buffers.
func TestErrorIsSticky(t *testing.T) {
	w, err := NewWriter(&failingWriter{after: 1}, Options{Compression: Zstd, BufferSize: 1024, Buffers: 2})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	chunk := make([]byte, 1<<16)
	for i := range chunk {
		chunk[i] = byte(rng.Uint32())
	}
	var werr error
	for range 200 {
		if _, werr = w.Write(chunk); werr != nil {
			break
		}
	}
	cerr := w.Close()
	if !errors.Is(werr, errDiskFull) && !errors.Is(cerr, errDiskFull) {
		t.Fatalf("Write: %v, Close: %v; want the disk's error", werr, cerr)
	}
}

func TestUnknownCompression(t *testing.T) {
	if _, err := NewWriter(io.Discard, Options{Compression: "bz2"}); err == nil {
		t.Fatal("bz2 accepted")
	}
}

func BenchmarkZstd(b *testing.B) { benchmark(b, Zstd) }
func BenchmarkGzip(b *testing.B) { benchmark(b, Gzip) }

// benchmark compresses 256 KiB writes of capture-like bytes (headers that
// repeat, payloads that do not).
func benchmark(b *testing.B, kind string) {
	rng := rand.New(rand.NewPCG(5, 6))
	chunk := make([]byte, 256<<10)
	for i := range chunk {
		if i%1500 < 60 {
			chunk[i] = byte(i % 60)
		} else {
			chunk[i] = byte(rng.IntN(64))
		}
	}
	w, err := NewWriter(io.Discard, Options{Compression: kind})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(chunk)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := w.Write(chunk); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
}
