package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzMergeDamaged merges two inputs, each possibly damaged, and checks that
// merge never panics, that its output always reads back whole, and that
// unless writing failed it holds every packet read before each input's
// damage.
func FuzzMergeDamaged(f *testing.F) {
	dir := f.TempDir()
	a, b := filepath.Join(dir, "a.pcap"), filepath.Join(dir, "b.pcapng")
	genPcap(f, a, 20, 1, tbT0)
	ngSensor(f, b, true, "eth0", 10, tbT0, time.Millisecond)
	ra, _ := os.ReadFile(a)
	rb, _ := os.ReadFile(b)
	f.Add(ra, rb, byte(0))
	f.Add(ra[:len(ra)-7], rb, byte(1))
	f.Add(ra, rb[:len(rb)-9], byte(2))
	f.Add(rb[:200], ra[:100], byte(3))
	f.Fuzz(func(t *testing.T, x, y []byte, mode byte) {
		// The fuzzer has no per-input timeout: crash, and so save the
		// input, if one takes far too long.
		tm := time.AfterFunc(10*time.Second, func() { panic("merging took over 10s") })
		defer tm.Stop()
		dir := t.TempDir()
		in1, in2, out := filepath.Join(dir, "1"), filepath.Join(dir, "2"), filepath.Join(dir, "out.pcapng")
		os.WriteFile(in1, x, 0o644)
		os.WriteFile(in2, y, 0o644)
		good := 0
		for _, in := range []string{in1, in2} {
			ps, _, _ := tbRead(in)
			good += len(ps)
		}
		o := mergeOptions{out: out, format: 0, inputs: []string{in1, in2}, mode: idbMode(mode % 3), concat: mode&4 != 0, maxOpen: 64}
		o.format, _, _ = outputFormat("merge", out, "", 0)
		err := merge(o, io.Discard)
		ps, _, rerr := tbRead(out)
		if rerr != nil {
			if _, serr := os.Stat(out); serr == nil {
				t.Fatalf("the output does not read back: %v (merge: %v)", rerr, err)
			}
			return // never created: nothing could be written
		}
		var ie inputError
		if (err == nil || errors.As(err, &ie)) && len(ps) != good {
			t.Fatalf("%d packets merged, want the %d read before any damage (merge: %v)", len(ps), good, err)
		}
	})
}
