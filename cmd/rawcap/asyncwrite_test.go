package main

import (
	"bytes"
	"errors"
	"testing"
)

// limitWriter takes up to limit bytes, whole writes only, then fails.
type limitWriter struct {
	out   bytes.Buffer
	limit int
}

var errFull = errors.New("no space left on device")

func (w *limitWriter) Write(p []byte) (int, error) {
	if w.limit > 0 && w.out.Len()+len(p) > w.limit {
		return 0, errFull
	}
	return w.out.Write(p)
}

// fillBuf fills b with n bytes counting on from *next.
func fillBuf(b []byte, n int, next *byte) []byte {
	for range n {
		b = append(b, *next)
		*next++
	}
	return b
}

// TestAsyncWriter: buffers handed off and direct writes reach the file in
// order; after a failed write nothing more is written and the error comes
// back; once its buffers exist, a handoff allocates nothing.
func TestAsyncWriter(t *testing.T) {
	w := &limitWriter{}
	a := newAsyncWriter(w)
	var want []byte
	var next byte
	buf := make([]byte, 0, 4096)
	for i := range 200 {
		buf = fillBuf(buf, 1+i*37%4096, &next)
		want = append(want, buf...)
		var err error
		if buf, err = a.Handoff(buf); err != nil || len(buf) != 0 || cap(buf) < 4096 {
			t.Fatalf("handoff %d: len %d cap %d, %v", i, len(buf), cap(buf), err)
		}
		if i%50 == 0 { // a record too large for a buffer
			big := fillBuf(nil, 5000, &next)
			want = append(want, big...)
			if _, err := a.Write(big); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(w.out.Bytes(), want) {
		t.Errorf("wrote %d bytes, not the %d handed off in order", w.out.Len(), len(want))
	}

	a = newAsyncWriter(&limitWriter{})
	buf = make([]byte, 0, 4096)
	for range 20 {
		buf, _ = a.Handoff(fillBuf(buf, 4000, &next))
	}
	if n := testing.AllocsPerRun(200, func() { buf, _ = a.Handoff(fillBuf(buf, 4000, &next)) }); n != 0 {
		t.Errorf("%.2f allocations per handoff, want 0", n)
	}
	a.Close()

	w = &limitWriter{limit: 10000}
	a = newAsyncWriter(w)
	buf = make([]byte, 0, 4096)
	var err error
	for i := 0; i < 100 && err == nil; i++ {
		buf, err = a.Handoff(fillBuf(buf, 3000, &next))
	}
	if cerr := a.Close(); !errors.Is(err, errFull) && !errors.Is(cerr, errFull) {
		t.Errorf("handoff %v, close %v; want %v", err, cerr, errFull)
	}
	if err := a.Close(); !errors.Is(err, errFull) {
		t.Errorf("second close: %v, want %v", err, errFull)
	}
	if w.out.Len() != 9000 {
		t.Errorf("%d bytes written, want the 9000 of the three writes that fit", w.out.Len())
	}
	if _, err := a.Write([]byte{1}); err == nil {
		t.Error("a write after close succeeded")
	}
}
