package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"syscall"
	"time"
)

// stopGrace is how long rawcap may take to finish after SIGINT, SIGTERM or
// SIGHUP: to flush what it has written, close its files and print its counts.
// A run that is still going then (a decoder caught in a loop on some packet,
// a write blocked on a dead disk) is ended there, as is any run that gets a
// second signal, so `kill` and `timeout` always stop rawcap.
const stopGrace = 5 * time.Second

// watchSignals cancels the run at the first signal on sigs, then calls exit
// with the shell's code for the signal (128+n) at a second signal or when
// grace has passed. It returns when done is closed (the run finished on its
// own) or after calling exit.
func watchSignals(sigs <-chan os.Signal, cancel context.CancelFunc, grace time.Duration, done <-chan struct{}, stderr io.Writer, exit func(int)) {
	var s os.Signal
	select {
	case s = <-sigs:
	case <-done:
		return
	}
	cancel()
	t := time.NewTimer(grace)
	defer t.Stop()
	why := fmt.Sprintf("did not stop within %v of %v", grace, s)
	select {
	case <-done:
		return
	case s2 := <-sigs:
		why = fmt.Sprintf("a second %v while stopping", s2)
	case <-t.C:
	}
	fmt.Fprintf(stderr, "rawcap: %s: exiting now; an output file being written may be cut short\n", why)
	code := 128 + 15
	if n, ok := s.(syscall.Signal); ok {
		code = 128 + int(n)
	}
	exit(code)
}
