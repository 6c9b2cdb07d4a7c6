package pcapio

import (
	"errors"
	"io"
)

// Writer is what the pcap and pcapng writers have in common: a capture or a
// conversion writes packets through it without caring which format it makes.
//
// A Writer buffers its output. Flush hands the buffer to the underlying
// io.Writer; Close flushes and marks the Writer closed (it does not close the
// underlying io.Writer). The first write error is sticky: every later call
// returns it, so a full disk or a closed pipe is never lost.
type Writer interface {
	// WritePacket appends one packet. The writer copies what it needs before
	// returning, so p and its Data may be reused at once.
	WritePacket(p *Packet) error
	Flush() error
	Close() error
}

// Sentinel errors returned by the writers.
var (
	// ErrWriterClosed is returned by a write after Close.
	ErrWriterClosed = errors.New("pcapio: writer closed")
	// ErrLinkTypeMismatch is returned when a pcap file, which has one link
	// type, is asked to take a packet of another.
	ErrLinkTypeMismatch = errors.New("pcap files hold one link type")
	// ErrNoInterface is returned when a packet names an interface that was
	// not added to a pcapng writer.
	ErrNoInterface = errors.New("no such interface")
	// ErrTimeRange is returned for a timestamp the file cannot hold: before
	// 1970, or after 2106-02-07T06:28:15Z in pcap (32-bit seconds) or 2554
	// in pcapng (64-bit nanoseconds).
	ErrTimeRange = errors.New("timestamp outside the file format's range")
	// ErrBlockTooLarge is returned for a packet or block beyond what
	// readers accept (pcapng blocks are capped at 16 MiB by Wireshark).
	ErrBlockTooLarge = errors.New("block too large")
)

// HandoffWriter is an io.Writer that can take over a writer's buffer
// instead of copying it, to write it later: a sink that writes in a
// goroutine of its own, so that the system calls overlap the work of
// filling the next buffer. When the io.Writer given to NewPcapWriter or
// NewPcapNGWriter implements it, each flush of a full buffer calls Handoff
// (records too large for the buffer still go through Write, which must
// write them after everything handed off).
//
// Handoff takes ownership of p, whose bytes it must write in order after
// those handed off before, and returns the empty buffer the writer fills
// next (of capacity cap(p) or more, never p itself unless p is written
// already) and the first error of the writes so far. An error can show up
// one or more calls after the write that failed; the sink's owner waits
// for the writes and learns the last error when it closes the sink.
type HandoffWriter interface {
	io.Writer
	Handoff(p []byte) (next []byte, err error)
}

// wBufSize is the size of a writer's buffer. Records larger than it are
// written straight through after the buffer is flushed.
const wBufSize = 256 << 10

// wMaxBlock is the largest block the writers produce: Wireshark refuses
// pcapng blocks above 16 MiB, and no packet record should exceed it either.
const wMaxBlock = 16 << 20

// wbuf is the buffered sink under both writers. It never allocates after
// construction: records are appended into buf, which is flushed when the
// next record would not fit.
type wbuf struct {
	w      io.Writer
	buf    []byte
	err    error // sticky: the first write error, or ErrWriterClosed
	closed bool
}

func newWbuf(w io.Writer) wbuf {
	return wbuf{w: w, buf: make([]byte, 0, wBufSize)}
}

// reserve makes room for n more bytes in buf, flushing if needed. It reports
// false when the record cannot go through the buffer (n > its capacity) or a
// write failed; check b.err to tell the two apart.
func (b *wbuf) reserve(n int) bool {
	if b.err != nil {
		return false
	}
	if len(b.buf)+n <= cap(b.buf) {
		return true
	}
	if b.flush() != nil {
		return false
	}
	return n <= cap(b.buf)
}

func (b *wbuf) flush() error {
	if b.err != nil {
		return b.err
	}
	if len(b.buf) == 0 {
		return nil
	}
	if h, ok := b.w.(HandoffWriter); ok {
		next, err := h.Handoff(b.buf)
		b.buf = next[:0]
		if err != nil {
			b.err = err
		}
		return err
	}
	n, err := b.w.Write(b.buf)
	if err == nil && n < len(b.buf) {
		err = io.ErrShortWrite
	}
	if err != nil {
		b.err = err
		return err
	}
	b.buf = b.buf[:0]
	return nil
}

// writeDirect writes p (a record too large for the buffer) after flushing.
func (b *wbuf) writeDirect(p []byte) error {
	if err := b.flush(); err != nil {
		return err
	}
	n, err := b.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		b.err = err
	}
	return err
}

// need reserves n bytes like reserve, and says why it could not: the sticky
// error, or ErrBlockTooLarge for a record larger than the buffer.
func (b *wbuf) need(n int) error {
	if b.reserve(n) {
		return nil
	}
	if b.err != nil {
		return b.err
	}
	return ErrBlockTooLarge
}

// close flushes and makes every later call fail with ErrWriterClosed. A
// second close returns nil.
func (b *wbuf) close() error {
	if b.closed {
		return nil
	}
	err := b.flush()
	b.closed = true
	if b.err == nil {
		b.err = ErrWriterClosed
	}
	return err
}
