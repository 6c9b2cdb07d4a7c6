package main

import "io"

// asyncBuffers is how many buffers an asyncWriter has in flight at most:
// the one being filled, the one being written, and room for the writer
// goroutine to fall a little behind.
const asyncBuffers = 4

// asyncWriter writes the buffers handed to it (pcapio.HandoffWriter) in a
// goroutine of its own, in order, so that a copy-through command's write
// system calls (on Linux, the larger part of its cost: page-cache pages
// to allocate and fill) run beside the reading and merging instead of
// after them. It copies nothing: the capture writer hands over its full
// buffer and gets an empty one back, from at most asyncBuffers of them.
//
// After a failed write it writes nothing more, so the output ends with the
// last write that went through whole; the error comes back from a later
// Handoff, Write or Close. Write (a record larger than a buffer) waits
// for what was handed off, then writes synchronously. Not safe for
// concurrent use; Close must be called to end the goroutine.
type asyncWriter struct {
	w       io.Writer
	todo    chan asyncJob
	back    chan asyncDone
	free    [][]byte
	pending int // handed off and not back yet
	err     error
	closed  bool
}

type asyncJob struct {
	w io.Writer
	p []byte
}

type asyncDone struct {
	buf []byte
	err error
}

func newAsyncWriter(w io.Writer) *asyncWriter {
	a := &asyncWriter{
		w:    w,
		todo: make(chan asyncJob, asyncBuffers+1),
		back: make(chan asyncDone, asyncBuffers+1),
		free: make([][]byte, 0, asyncBuffers+1),
	}
	go a.loop()
	return a
}

func (a *asyncWriter) loop() {
	var err error
	for j := range a.todo {
		if err == nil {
			var n int
			n, err = j.w.Write(j.p)
			if err == nil && n < len(j.p) {
				err = io.ErrShortWrite
			}
		}
		a.back <- asyncDone{j.p[:0], err}
	}
}

// recv takes back one written buffer.
func (a *asyncWriter) recv() { a.took(<-a.back) }

func (a *asyncWriter) took(d asyncDone) {
	a.pending--
	if a.err == nil {
		a.err = d.err
	}
	if len(a.free) < cap(a.free) {
		a.free = append(a.free, d.buf)
	}
}

// Handoff queues p for writing and returns an empty buffer of at least
// cap(p) bytes: one written already when there is one, else a new one (at
// most asyncBuffers are in flight, so after the first few calls there is).
func (a *asyncWriter) Handoff(p []byte) ([]byte, error) {
	if a.err != nil || a.closed || len(p) == 0 {
		return p[:0], a.errOrClosed()
	}
	a.todo <- asyncJob{a.w, p}
	a.pending++
	for a.pending >= asyncBuffers {
		a.recv()
	}
	for {
		for i, b := range a.free {
			if cap(b) >= cap(p) {
				a.free[i] = a.free[len(a.free)-1]
				a.free = a.free[:len(a.free)-1]
				return b, a.err
			}
		}
		select {
		case d := <-a.back:
			a.took(d)
			continue
		default:
		}
		return make([]byte, 0, cap(p)), a.err
	}
}

// wait takes back every buffer handed off, so that their writes are done.
func (a *asyncWriter) wait() error {
	for a.pending > 0 {
		a.recv()
	}
	return a.err
}

func (a *asyncWriter) errOrClosed() error {
	if a.err == nil && a.closed {
		return io.ErrClosedPipe
	}
	return a.err
}

// retarget waits for the writes handed off, then sends what comes next to
// w. It returns the first write error.
func (a *asyncWriter) retarget(w io.Writer) error {
	err := a.wait()
	a.w = w
	return err
}

// Write writes p after everything handed off.
func (a *asyncWriter) Write(p []byte) (int, error) {
	if err := a.wait(); err != nil || a.closed {
		return 0, a.errOrClosed()
	}
	n, err := a.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	a.err = err
	return n, err
}

// Close waits for the writes and ends the goroutine. It returns the first
// write error. It does not close the underlying writer.
func (a *asyncWriter) Close() error {
	if a.closed {
		return a.err
	}
	err := a.wait()
	a.closed = true
	close(a.todo)
	return err
}
