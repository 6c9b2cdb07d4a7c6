package pcapio

import (
	"io"
	"sync"
	"sync/atomic"
)

// Read-ahead: a file OpenReadAhead opens is read on a goroutine of its own, a few
// chunks ahead of the Reader, so the read system calls and the kernel's
// copying (a quarter of the time of `rawcap read -T fields`) run beside the
// work on the packets before. The Reader takes the chunks themselves as
// its buffer: each chunk keeps raHead bytes free in front of its data, into
// which the unread bytes of the chunk before (a record cut at the chunk's
// end) are copied, so a record is always contiguous and nothing else is
// copied.
//
// Chunks start at raChunk bytes and grow, to raMaxChunk, while the Reader
// keeps waiting for them: when the caller's work on a chunk takes less
// than reading it (a pinned display filter drops most packets unread),
// each hand-off wakes a parked goroutine, and on a VM those wake-ups cost
// more than the reads (`-r -w -Y 'tcp.stream eq 7'`, 1.6 GB: 6133 chunks,
// 0.39 s; in chunks of 2 MB, 0.30 s). A caller slower than the reads
// never waits, and keeps the small chunks and their memory.
var (
	raChunk = 256 << 10 // bytes read per chunk at first
	raHead  = 320 << 10 // room in front for the tail of the chunk before (tests shrink both)
)

const (
	raChunks   = 4       // chunks in flight or in use
	raMaxChunk = 2 << 20 // the most a chunk grows to
	raWaits    = 4       // waits in a row, by the Reader, that double the chunks
)

// readAhead reads src on its own goroutine into chunks.
type readAhead struct {
	full chan raBuf // filled chunks, in order
	free chan []byte
	done chan struct{}
	stop sync.Once
	wg   sync.WaitGroup
	size atomic.Int64 // the bytes the goroutine reads into a chunk

	cur   raBuf // the chunk Read takes bytes from
	err   error // the source's error, once reached
	waits int   // chunks in a row the Reader has waited for
}

// raBuf is a chunk: its data is buf[lo:hi]; err is the source's error
// after it.
type raBuf struct {
	buf    []byte
	lo, hi int
	err    error
}

func newReadAhead(src io.Reader) *readAhead {
	a := &readAhead{
		full: make(chan raBuf, raChunks),
		free: make(chan []byte, raChunks),
		done: make(chan struct{}),
	}
	a.size.Store(int64(raChunk))
	for range raChunks - 1 {
		a.free <- make([]byte, raHead+raChunk)
	}
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		for {
			var b []byte
			select {
			case b = <-a.free:
			case <-a.done:
				return
			}
			if size := raHead + int(a.size.Load()); len(b) < size {
				b = make([]byte, size) // grown: the smaller chunk is dropped
			}
			// One Read per chunk: a pipe hands over what it has, so a
			// reader of a live capture sees packets as they come.
			n, err := src.Read(b[raHead:])
			select {
			case a.full <- raBuf{b, raHead, raHead + n, err}:
			case <-a.done:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return a
}

// next returns the next chunk, with the rest of the one Read was taking
// bytes from first; after the source's error, an empty chunk with it.
func (a *readAhead) next() raBuf {
	if a.cur.buf != nil {
		c := a.cur
		a.cur = raBuf{}
		if c.lo < c.hi || c.err != nil {
			return c
		}
		a.release(c.buf)
	}
	if a.err != nil {
		return raBuf{err: a.err}
	}
	var c raBuf
	select {
	case c = <-a.full:
		a.waits = 0
	default:
		// Waiting: the reading goroutine is behind. A first chunk is
		// waited for anyway.
		if a.waits++; a.waits == raWaits {
			a.waits = 0
			if size := a.size.Load(); size < raMaxChunk {
				a.size.Store(min(2*size, raMaxChunk))
			}
		}
		select {
		case c = <-a.full:
		case <-a.done:
			return raBuf{err: io.ErrClosedPipe}
		}
	}
	if c.err != nil {
		a.err = c.err
	}
	return c
}

// release hands a chunk back for reading into.
func (a *readAhead) release(b []byte) {
	if cap(b) >= raHead+raChunk { // a chunk, not a buffer of the Reader's own
		select {
		case a.free <- b[:cap(b)]:
		default:
		}
	}
}

// Read copies bytes from the chunks: the Reader reads the first bytes of
// a file this way, and a decompressor reads the file this way.
func (a *readAhead) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	for a.cur.lo == a.cur.hi {
		if a.cur.err != nil {
			return 0, a.cur.err
		}
		c := a.next()
		if c.buf == nil && c.err != nil {
			return 0, c.err
		}
		a.cur = c
	}
	n := copy(p, a.cur.buf[a.cur.lo:a.cur.hi])
	a.cur.lo += n
	return n, nil
}

// close stops the goroutine and waits for it, unless it is blocked in the
// source's Read (a pipe without data): closing the source ends that.
func (a *readAhead) close() {
	a.stop.Do(func() { close(a.done) })
}

// fillAhead is fill for a Reader whose source is a readAhead: it takes the
// next chunk as the buffer, with the unread bytes copied in front of its
// data. A block longer than a chunk's front room is joined in a buffer of
// the Reader's own.
func (r *Reader) fillAhead(n int) error {
	for empty := 0; r.end-r.start < n; {
		if r.rerr != nil {
			return r.rerr
		}
		c := r.ra.next()
		left := r.end - r.start
		switch {
		case c.buf != nil && left <= c.lo:
			copy(c.buf[c.lo-left:c.lo], r.buf[r.start:r.end])
			if r.raOwned {
				r.ra.release(r.buf)
			}
			r.buf, r.start, r.end, r.raOwned = c.buf, c.lo-left, c.hi, true
		case c.buf != nil:
			nb := r.buf
			if r.raOwned || left+(c.hi-c.lo) > len(nb) {
				nb = make([]byte, max(2*len(nb), left+(c.hi-c.lo)))
			}
			copy(nb, r.buf[r.start:r.end])
			copy(nb[left:], c.buf[c.lo:c.hi])
			if r.raOwned {
				r.ra.release(r.buf)
			}
			r.ra.release(c.buf)
			r.buf, r.start, r.end, r.raOwned = nb, 0, left+(c.hi-c.lo), false
		}
		if c.err != nil {
			r.rerr = c.err
		} else if c.hi == c.lo {
			if empty++; empty > 100 {
				r.rerr = io.ErrNoProgress
			}
		}
	}
	return nil
}
