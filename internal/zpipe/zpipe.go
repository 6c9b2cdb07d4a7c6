package zpipe

import (
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// The compressions, as file name suffixes without the dot.
const (
	Gzip = "gz"
	Zstd = "zst"
)

// Defaults for Options' zero values.
const (
	DefaultBufferSize = 1 << 20
	DefaultBuffers    = 16
)

// ErrClosed is returned by a call after Close.
var ErrClosed = errors.New("zpipe: writer closed")

// Options says how a Writer compresses.
type Options struct {
	// Compression is Gzip or Zstd.
	Compression string
	// BufferSize is the size of each buffer (0: DefaultBufferSize), and
	// Buffers their number (0: DefaultBuffers): the bound on the bytes
	// waiting to be compressed.
	BufferSize, Buffers int
}

// Writer compresses what is written to it into an io.Writer, in a goroutine.
type Writer struct {
	free  chan []byte
	work  chan job
	cur   []byte
	done  chan struct{} // closed when the goroutine ends
	enc   encoder
	mu    sync.Mutex
	err   error // sticky: the compressor's or the file's first error
	ended bool  // Close has run
}

// job is a buffer to compress, or (buf nil) a flush request answered on ack.
type job struct {
	buf []byte
	ack chan struct{}
}

type encoder interface {
	io.WriteCloser
	Flush() error
}

// Valid reports whether c names a compression NewWriter makes.
func Valid(c string) bool { return c == Gzip || c == Zstd }

// NewWriter starts a Writer that compresses into dst.
func NewWriter(dst io.Writer, o Options) (*Writer, error) {
	var enc encoder
	switch o.Compression {
	case Gzip:
		zw, err := gzip.NewWriterLevel(dst, gzip.BestSpeed)
		if err != nil {
			return nil, err
		}
		enc = zw
	case Zstd:
		zw, err := zstd.NewWriter(dst, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1))
		if err != nil {
			return nil, err
		}
		enc = zw
	default:
		return nil, fmt.Errorf("zpipe: unknown compression %q (want %s or %s)", o.Compression, Gzip, Zstd)
	}
	size, n := o.BufferSize, o.Buffers
	if size <= 0 {
		size = DefaultBufferSize
	}
	if n <= 0 {
		n = DefaultBuffers
	}
	w := &Writer{free: make(chan []byte, n), work: make(chan job, n+1), done: make(chan struct{}), enc: enc}
	for range n {
		w.free <- make([]byte, 0, size)
	}
	go w.run()
	return w, nil
}

// run compresses the buffers in order and gives them back.
func (w *Writer) run() {
	defer close(w.done)
	for j := range w.work {
		if j.buf == nil {
			if w.failed() == nil {
				w.fail(w.enc.Flush())
			}
			close(j.ack)
			continue
		}
		if w.failed() == nil {
			_, err := w.enc.Write(j.buf)
			w.fail(err)
		}
		w.free <- j.buf[:0]
	}
}

func (w *Writer) fail(err error) {
	if err == nil {
		return
	}
	w.mu.Lock()
	if w.err == nil {
		w.err = err
	}
	w.mu.Unlock()
}

func (w *Writer) failed() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// Write copies p into the buffers, handing each full one to the
// compressor; it waits only when every buffer is waiting to be compressed.
// It returns the compressor's or the file's first error, if there was one.
func (w *Writer) Write(p []byte) (int, error) {
	if w.ended {
		return 0, ErrClosed
	}
	if err := w.failed(); err != nil {
		return 0, err
	}
	n := len(p)
	for len(p) > 0 {
		if w.cur == nil {
			w.cur = <-w.free
		}
		k := copy(w.cur[len(w.cur):cap(w.cur)], p)
		w.cur, p = w.cur[:len(w.cur)+k], p[k:]
		if len(w.cur) == cap(w.cur) {
			w.work <- job{buf: w.cur}
			w.cur = nil
		}
	}
	return n, nil
}

// Flush hands over what is buffered and waits until the compressor has
// written it to dst, as a complete block a reader can decompress.
func (w *Writer) Flush() error {
	if w.ended {
		return ErrClosed
	}
	if len(w.cur) > 0 {
		w.work <- job{buf: w.cur}
		w.cur = nil
	}
	ack := make(chan struct{})
	w.work <- job{ack: ack}
	<-ack
	return w.failed()
}

// Close compresses what is left, ends the compressed stream and waits for
// the goroutine; it does not close dst. It returns the first error.
func (w *Writer) Close() error {
	if w.ended {
		return nil
	}
	w.ended = true
	if len(w.cur) > 0 {
		w.work <- job{buf: w.cur}
	}
	w.cur = nil
	close(w.work)
	<-w.done
	if err := w.failed(); err != nil {
		w.enc.Close()
		return err
	}
	return w.enc.Close()
}
