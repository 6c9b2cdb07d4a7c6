package main

import (
	"bufio"
	"bytes"
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/internal/netns"
)

// TestLiveClosedPipeStops is `rawcap -i IF udp | head -1` while traffic
// keeps coming: once the reader has its line and goes away, rawcap stops at
// the next write, as tcpdump does, prints its statistics and exits 0,
// instead of capturing until the traffic ends.
func TestLiveClosedPipeStops(t *testing.T) {
	p := netns.NewPair(t)
	cmd := p.A.Command(rawcapBinary(t), "-i", p.IfA, "-n", "udp")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()

	// A slow, steady flow from B: far less than 64 KiB of lines a second.
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	go p.B.Do(func() error {
		c, err := net.ListenPacket("udp4", ":0")
		if err != nil {
			return err
		}
		defer c.Close()
		dst := &net.UDPAddr{IP: p.AddrA.Addr().AsSlice(), Port: 9999}
		for ctx.Err() == nil {
			c.WriteTo([]byte("rawcap-pipe"), dst)
			time.Sleep(20 * time.Millisecond)
		}
		return nil
	})

	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the first line: %v (stderr %s)", err, stderr.String())
	}
	if !strings.Contains(line, "UDP, length 11") {
		t.Errorf("first line %q is not the test's datagram", line)
	}
	stdout.Close() // head -1 exits
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("rawcap exited with %v after its reader went away, want 0\n%s", err, stderr.String())
		}
	case <-time.After(5 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("rawcap still captures 5s after its reader went away\n%s", stderr.String())
	}
	if !strings.Contains(stderr.String(), "packets captured\n") {
		t.Errorf("no statistics on stderr:\n%s", stderr.String())
	}
}
