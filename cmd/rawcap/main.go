// Command rawcap captures, reads, filters and converts packet captures.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
)

func main() {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go watchSignals(sigs, cancel, stopGrace, done, os.Stderr, func(code int) {
		pprof.StopCPUProfile()
		os.Exit(code)
	})
	// RAWCAP_CPUPROFILE=FILE writes a CPU profile of the whole run, for
	// `go tool pprof` (see HACKING.md).
	if p := os.Getenv("RAWCAP_CPUPROFILE"); p != "" {
		f, err := os.Create(p)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "rawcap: RAWCAP_CPUPROFILE: %v\n", err)
			os.Exit(2)
		}
		defer func() {
			pprof.StopCPUProfile()
			f.Close()
		}()
	}
	code := run(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr)
	close(done)
	signal.Stop(sigs)
	cancel()
	if code != 0 {
		pprof.StopCPUProfile() // os.Exit skips the deferred stop; a no-op when not profiling
		os.Exit(code)
	}
}
