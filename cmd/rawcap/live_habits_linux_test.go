package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"path/filepath"
	"strings"
	"syscall"
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

// TestLiveStatsAddUpOnSIGINT interrupts a capture to a file during a UDP
// flood: the three statistics lines must account for every packet the
// kernel counted (captured + dropped = received by filter), and the file
// must hold every packet reported as captured.
func TestLiveStatsAddUpOnSIGINT(t *testing.T) {
	p := netns.NewPair(t)
	out := filepath.Join(t.TempDir(), "flood.pcap")
	r := startRawcap(t, p.A, "-i", p.IfA, "-w", out, "udp")
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	flooded := make(chan struct{})
	go func() {
		defer close(flooded)
		p.B.Do(func() error {
			c, err := net.ListenPacket("udp4", ":0")
			if err != nil {
				return err
			}
			defer c.Close()
			dst := &net.UDPAddr{IP: p.AddrA.Addr().AsSlice(), Port: 9999}
			msg := make([]byte, 64)
			for ctx.Err() == nil {
				c.WriteTo(msg, dst)
			}
			return nil
		})
	}()
	time.Sleep(500 * time.Millisecond)
	r.cmd.Process.Signal(syscall.SIGINT) // while the flood goes on
	code := r.wait(t)
	stop()
	<-flooded
	if code != 0 {
		t.Fatalf("rawcap exited %d after SIGINT:\n%s", code, r.stderr.String())
	}
	var captured, received, dropped int
	for _, l := range strings.Split(r.stderr.String(), "\n") {
		var n int
		var what string
		if _, err := fmt.Sscanf(l, "%d packets %s", &n, &what); err != nil {
			continue
		}
		switch what {
		case "captured":
			captured = n
		case "received":
			received = n
		case "dropped":
			dropped = n
		}
	}
	if captured == 0 {
		t.Fatalf("nothing captured:\n%s", r.stderr.String())
	}
	if captured+dropped != received {
		t.Errorf("%d captured + %d dropped = %d, but %d received by filter (%+d lost)",
			captured, dropped, captured+dropped, received, received-captured-dropped)
	}
	if got := len(liveFiles(t, out)); got != captured {
		t.Errorf("the file holds %d packets, the statistics say %d captured", got, captured)
	}
}
