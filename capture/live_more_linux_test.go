package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/bpf"

	"github.com/rawcap/rawcap/internal/netns"
	"github.com/rawcap/rawcap/pcapio"
)

// promiscuity returns the "promiscuity N" count of ip -d link for dev in ns.
func promiscuity(t *testing.T, ns *netns.NS, dev string) string {
	t.Helper()
	f := strings.Fields(ns.IP(t, "-d", "link", "show", dev))
	for i := range f[:len(f)-1] {
		if f[i] == "promiscuity" {
			return f[i+1]
		}
	}
	t.Fatalf("no promiscuity in ip -d link show %s", dev)
	return ""
}

// TestPromiscuous checks that Open puts the interface in promiscuous mode
// unless NoPromisc says not to, and that Close ends it.
func TestPromiscuous(t *testing.T) {
	p := netns.NewPair(t)
	for _, tt := range []struct {
		noPromisc bool
		want      string
	}{{false, "1"}, {true, "0"}} {
		h := openIn(t, p.A, Config{Interface: p.IfA, NoPromisc: tt.noPromisc})
		if got := promiscuity(t, p.A, p.IfA); got != tt.want {
			t.Errorf("NoPromisc %v: promiscuity %s while capturing, want %s", tt.noPromisc, got, tt.want)
		}
		h.Close()
		if got := promiscuity(t, p.A, p.IfA); got != "0" {
			t.Errorf("NoPromisc %v: promiscuity %s after Close, want 0", tt.noPromisc, got)
		}
	}
}

// TestSnapLen checks that a snapshot length cuts the captured bytes and
// keeps the length on the wire.
func TestSnapLen(t *testing.T) {
	p := netns.NewPair(t)
	h := openIn(t, p.A, Config{Interface: p.IfA, SnapLen: 42, Filter: udpFilter})
	rec := record(h)
	tr := sendTraffic(t, p, "snaplen-with-a-payload-long-enough", 3, netip.Addr{})
	pkts := rec.stop(t, func(pkts []pcapio.Packet) bool { return len(pkts) >= len(tr.udp) })
	if len(pkts) != len(tr.udp) {
		t.Fatalf("%d packets captured, want %d", len(pkts), len(tr.udp))
	}
	for _, pk := range pkts {
		if want := 14 + 20 + 8 + len(tr.udp[0]); len(pk.Data) != 42 || pk.Length != want {
			t.Errorf("packet of %d bytes, length %d; want 42 bytes of %d", len(pk.Data), pk.Length, want)
		}
	}
}

// TestPermission opens a capture in a child process that lacks CAP_NET_RAW
// (setpriv drops it from the bounding set) and checks the error tells the
// person what to do.
func TestPermission(t *testing.T) {
	if os.Getenv("RAWCAP_PERMISSION_CHILD") == "1" {
		_, err := Open(Config{Interface: "lo"})
		if !errors.Is(err, os.ErrPermission) {
			t.Fatalf("Open without CAP_NET_RAW = %v, want an error wrapping os.ErrPermission", err)
		}
		os.Stdout.WriteString(err.Error() + "\n")
		return
	}
	if os.Geteuid() != 0 {
		t.Skip("skipping: needs root to drop a capability")
	}
	if _, err := exec.LookPath("setpriv"); err != nil {
		t.Skip("skipping: setpriv (util-linux) is not installed")
	}
	cmd := exec.Command("setpriv", "--bounding-set=-net_raw,-net_admin", "--inh-caps=-net_raw,-net_admin",
		os.Args[0], "-test.run=^TestPermission$", "-test.count=1")
	cmd.Env = append(os.Environ(), "RAWCAP_PERMISSION_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "needs root or CAP_NET_RAW: sudo setcap cap_net_raw,cap_net_admin+ep $(which rawcap)") {
		t.Errorf("error without CAP_NET_RAW:\n%s\nwant the setcap hint", out)
	}
}

// TestCaptureLoopback checks that a datagram over lo, which the kernel shows
// once going out and once coming in, is captured once, on lo and on any.
func TestCaptureLoopback(t *testing.T) {
	for _, dev := range []string{"lo", "any"} {
		t.Run(dev, func(t *testing.T) {
			p := netns.NewPair(t)
			h := openIn(t, p.A, Config{Interface: dev})
			rec := record(h)
			msgs := []string{"rawcap-lo-1", "rawcap-lo-2", "rawcap-lo-3"}
			err := p.A.Do(func() error {
				sink, err := net.ListenPacket("udp4", "127.0.0.1:9100")
				if err != nil {
					return err
				}
				defer sink.Close()
				c, err := net.Dial("udp4", "127.0.0.1:9100")
				if err != nil {
					return err
				}
				defer c.Close()
				for _, m := range msgs {
					if _, err := c.Write([]byte(m)); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			pkts := rec.stop(t, hasUDP(msgs[len(msgs)-1]))
			for _, m := range msgs {
				n := 0
				for _, pk := range pkts {
					if bytes.Contains(pk.Data, []byte(m)) {
						n++
					}
				}
				if n != 1 {
					t.Errorf("%q captured %d times on %s, want 1", m, n, dev)
				}
			}
		})
	}
}

// TestCloseDrains closes a Handle, as a signal handler would, while its
// ring holds packets the reader has not read yet: ReadPacket still returns
// every one of them, then io.EOF. With a fanout group too.
func TestCloseDrains(t *testing.T) {
	for _, fanout := range []int{0, 2} {
		t.Run(fmt.Sprintf("fanout=%d", fanout), func(t *testing.T) {
			p := netns.NewPair(t)
			h := openIn(t, p.A, Config{Interface: p.IfA, Filter: udpFilter, Fanout: fanout, BlockTimeout: 10 * time.Millisecond})
			tr := sendTraffic(t, p, "drain", 40, netip.Addr{})
			time.Sleep(200 * time.Millisecond) // the kernel hands the blocks over
			var pk pcapio.Packet
			if err := h.ReadPacket(&pk); err != nil {
				t.Fatal(err)
			}
			got := []pcapio.Packet{pk.Clone()}
			h.Close()
			for {
				err := h.ReadPacket(&pk)
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, pk.Clone())
			}
			c := census(got)
			for _, m := range tr.udp {
				if c["udp "+m] != 1 {
					t.Errorf("UDP %q read %d times after Close, want 1", m, c["udp "+m])
				}
			}
			if !h.unmapped {
				t.Error("the ring is still mapped after ReadPacket returned io.EOF")
			}
		})
	}
}

// TestCloseWhileReading closes the Handle from another goroutine while the
// reader still uses the view ReadPacket gave it: the view stays readable,
// the socket closes at once (promiscuous mode ends), and the next ReadPacket
// ends the capture and frees the ring.
func TestCloseWhileReading(t *testing.T) {
	p := netns.NewPair(t)
	h := openIn(t, p.A, Config{Interface: p.IfA, Filter: udpFilter, BlockTimeout: 10 * time.Millisecond})
	tr := sendTraffic(t, p, "hold", 1, netip.Addr{})
	var pk pcapio.Packet
	if err := h.ReadPacket(&pk); err != nil {
		t.Fatal(err)
	}
	closed := make(chan struct{})
	go func() { h.Close(); close(closed) }()
	<-closed
	if !bytes.Contains(pk.Data, []byte(tr.udp[0])) {
		t.Errorf("the view after Close holds % x", pk.Data)
	}
	if got := promiscuity(t, p.A, p.IfA); got != "0" {
		t.Errorf("promiscuity %s after Close, want 0", got)
	}
	if h.unmapped {
		t.Error("Close unmapped the ring under a view still in use")
	}
	if err := h.ReadPacket(&pk); err != io.EOF {
		t.Errorf("ReadPacket after Close = %v, want io.EOF", err)
	}
	if !h.unmapped {
		t.Error("the ring is still mapped after ReadPacket returned io.EOF")
	}
}

// sll2UDP is tcpdump -i any -y LINUX_SLL2 -dd "udp"; sll2UDPGreater80 is
// the same for "udp and greater 80", whose packet-length test the kernel
// cannot run on a cooked socket.
var (
	sll2UDP = []bpf.RawInstruction{
		{Op: 0x28, K: 0}, {Op: 0x15, Jf: 2, K: 0x0800}, {Op: 0x30, K: 29}, {Op: 0x15, Jt: 6, Jf: 7, K: 17},
		{Op: 0x15, Jf: 6, K: 0x86dd}, {Op: 0x30, K: 26}, {Op: 0x15, Jt: 3, K: 17}, {Op: 0x15, Jf: 3, K: 0x2c},
		{Op: 0x30, K: 60}, {Op: 0x15, Jf: 1, K: 17}, {Op: 0x6, K: 262144}, {Op: 0x6, K: 0},
	}
	sll2UDPGreater80 = []bpf.RawInstruction{
		{Op: 0x28, K: 0}, {Op: 0x15, Jf: 2, K: 0x0800}, {Op: 0x30, K: 29}, {Op: 0x15, Jt: 6, Jf: 9, K: 17},
		{Op: 0x15, Jf: 8, K: 0x86dd}, {Op: 0x30, K: 26}, {Op: 0x15, Jt: 3, K: 17}, {Op: 0x15, Jf: 5, K: 0x2c},
		{Op: 0x30, K: 60}, {Op: 0x15, Jf: 3, K: 17}, {Op: 0x80, K: 0}, {Op: 0x35, Jf: 1, K: 80},
		{Op: 0x6, K: 262144}, {Op: 0x6, K: 0},
	}
)

// liveUDP is "udp" (IPv4 only) as the kernel shows packets to a cooked
// socket: the protocol through SKF_AD_PROTOCOL, the IP header at 0.
var liveUDP = []bpf.RawInstruction{
	{Op: 0x20, K: 0xfffff000}, {Op: 0x15, Jf: 3, K: 0x0800}, {Op: 0x30, K: 9}, {Op: 0x15, Jf: 1, K: 17},
	{Op: 0x6, K: 262144}, {Op: 0x6, K: 0},
}

// TestCaptureAnyFilter captures on any with a kernel-ready filter, and with
// filters written for LINUX_SLL2 frames: one the kernel runs once rewritten,
// one that must run in user space.
func TestCaptureAnyFilter(t *testing.T) {
	for _, tc := range []struct {
		name    string
		prog    []bpf.RawInstruction
		frames  bool
		minSize int
	}{
		{"kernel-ready udp", liveUDP, false, 0},
		{"udp for frames", sll2UDP, true, 0},
		{"udp and greater 80 for frames", sll2UDPGreater80, true, 80},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := netns.NewPair(t)
			h := openIn(t, p.A, Config{Interface: "any", Filter: tc.prog, FilterFrames: tc.frames})
			if (h.uvm != nil) != (tc.minSize > 0) {
				t.Errorf("user-space filter %v, want %v", h.uvm != nil, tc.minSize > 0)
			}
			var sink net.PacketConn
			if err := p.A.Do(func() (err error) {
				sink, err = net.ListenPacket("udp4", netip.AddrPortFrom(p.AddrA.Addr(), udpPort).String())
				return err
			}); err != nil {
				t.Fatal(err)
			}
			defer sink.Close()
			rec := record(h)
			var sent []string
			err := p.B.Do(func() error {
				c, err := net.Dial("udp4", netip.AddrPortFrom(p.AddrA.Addr(), udpPort).String())
				if err != nil {
					return err
				}
				defer c.Close()
				for i := range 20 {
					m := fmt.Sprintf("rawcap-any-%02d-%s", i, strings.Repeat("x", 3*i))
					if _, err := c.Write([]byte(m)); err != nil {
						return err
					}
					sent = append(sent, m)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			pkts := rec.stop(t, hasUDP(sent[len(sent)-1]))
			want := 0
			for _, m := range sent {
				if sll2HeaderLen+20+8+len(m) >= tc.minSize {
					want++
				}
			}
			udp := 0
			for _, pk := range pkts {
				if len(pk.Data) < 21 || binary.BigEndian.Uint16(pk.Data) != 0x0800 || pk.Data[20+9] != 17 || len(pk.Data) < tc.minSize {
					t.Errorf("filter %q let through % x", tc.name, pk.Data[:min(len(pk.Data), 40)])
				}
				udp++
			}
			if udp != want {
				t.Errorf("%d packets captured, want %d", udp, want)
			}
		})
	}
}

// TestInterfaceGoesDown checks that a capture whose interface goes down ends
// with an error that says so, instead of waiting forever.
func TestInterfaceGoesDown(t *testing.T) {
	p := netns.NewPair(t)
	h := openIn(t, p.A, Config{Interface: p.IfA})
	errc := make(chan error, 1)
	go func() {
		var pk pcapio.Packet
		for {
			if err := h.ReadPacket(&pk); err != nil {
				errc <- err
				return
			}
		}
	}()
	time.Sleep(50 * time.Millisecond)
	p.A.IP(t, "link", "set", p.IfA, "down")
	select {
	case err := <-errc:
		if !errors.Is(err, syscall.ENETDOWN) || !strings.Contains(err.Error(), p.IfA) {
			t.Errorf("ReadPacket after the interface went down = %v, want ENETDOWN naming %s", err, p.IfA)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("ReadPacket still waiting 3s after the interface went down")
	}
}

// TestIdleDoesNotSpin waits on an idle interface, with one socket and with a
// fanout group, and checks that the process burns (almost) no CPU meanwhile:
// waiting is a poll, never a loop.
func TestIdleDoesNotSpin(t *testing.T) {
	for _, fanout := range []int{0, 2} {
		t.Run(fmt.Sprintf("fanout=%d", fanout), func(t *testing.T) {
			p := netns.NewPair(t)
			h := openIn(t, p.A, Config{Interface: p.IfA, Fanout: fanout, BlockTimeout: time.Millisecond})
			rec := record(h)
			time.Sleep(100 * time.Millisecond)
			cpu := func() time.Duration {
				var ru syscall.Rusage
				if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
					t.Fatal(err)
				}
				return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
			}
			before := cpu()
			time.Sleep(500 * time.Millisecond)
			used := cpu() - before
			rec.stop(t, func([]pcapio.Packet) bool { return true })
			if used > 50*time.Millisecond {
				t.Errorf("%v of CPU in 500ms of waiting on an idle interface", used)
			}
			t.Logf("%v of CPU in 500ms idle", used)
		})
	}
}
