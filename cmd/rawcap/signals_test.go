package main

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A run that does not return after SIGTERM is ended when the grace runs out,
// with 143 as a shell reports a process killed by SIGTERM.
func TestSignalEndsAStuckRunAfterGrace(t *testing.T) {
	sigs := make(chan os.Signal, 2)
	ctx, cancel := context.WithCancel(context.Background())
	var stderr strings.Builder
	exited := make(chan int, 1)
	go watchSignals(sigs, cancel, 50*time.Millisecond, make(chan struct{}), &stderr, func(c int) { exited <- c })
	sigs <- syscall.SIGTERM
	select {
	case <-ctx.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("the first signal did not cancel the run")
	}
	select {
	case c := <-exited:
		if c != 143 {
			t.Errorf("exit code %d, want 143", c)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a run stuck after SIGTERM was not ended")
	}
	if !strings.Contains(stderr.String(), "did not stop within 50ms of terminated") {
		t.Errorf("stderr %q does not say why rawcap exited", stderr.String())
	}
}

// A second signal ends the run at once, without waiting out the grace.
func TestSecondSignalEndsTheRunAtOnce(t *testing.T) {
	sigs := make(chan os.Signal, 2)
	_, cancel := context.WithCancel(context.Background())
	var stderr strings.Builder
	exited := make(chan int, 1)
	go watchSignals(sigs, cancel, time.Hour, make(chan struct{}), &stderr, func(c int) { exited <- c })
	sigs <- os.Interrupt
	sigs <- os.Interrupt
	select {
	case c := <-exited:
		if c != 130 {
			t.Errorf("exit code %d, want 130", c)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a second SIGINT did not end the run")
	}
	if !strings.Contains(stderr.String(), "a second interrupt") {
		t.Errorf("stderr %q does not say why rawcap exited", stderr.String())
	}
}

// A run that finishes within the grace is left to return its own code.
func TestRunFinishingInGraceIsNotEnded(t *testing.T) {
	sigs := make(chan os.Signal, 2)
	_, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	returned := make(chan struct{})
	go func() {
		watchSignals(sigs, cancel, time.Hour, done, &strings.Builder{}, func(c int) { t.Errorf("exit(%d) called for a run that finished", c) })
		close(returned)
	}()
	sigs <- syscall.SIGTERM
	close(done)
	select {
	case <-returned:
	case <-time.After(10 * time.Second):
		t.Fatal("watchSignals did not return when the run finished")
	}
}

// The real binary, reading a pipe whose writer has stalled after the file
// header: the read blocks, so SIGTERM's cancel alone cannot end it, and the
// grace does. Before, rawcap waited for the writer for ever.
func TestSIGTERMEndsAReadBlockedOnAStalledPipe(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped with -short")
	}
	bin := rawcapBinary(t)
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pw.Close()
	hdr := []byte{0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0}
	if _, err := pw.Write(hdr); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "read", "-")
	cmd.Stdin = pr
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pr.Close()
	time.Sleep(300 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case <-waited:
	case <-time.After(stopGrace + 20*time.Second):
		cmd.Process.Kill()
		t.Fatalf("rawcap read still running %v after SIGTERM", stopGrace+20*time.Second)
	}
	if c := cmd.ProcessState.ExitCode(); c != 143 {
		t.Errorf("exit code %d, want 143; stderr:\n%s", c, stderr.String())
	}
	if !strings.Contains(stderr.String(), "did not stop within") {
		t.Errorf("stderr does not say why rawcap exited:\n%s", stderr.String())
	}
}
