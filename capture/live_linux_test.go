package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"

	"github.com/rawcap/rawcap/internal/netns"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// udpFilter is tcpdump -dd "udp" for Ethernet (IPv4 and IPv6 UDP), written
// out by hand so that capture's tests need no filter compiler.
var udpFilter = []bpf.RawInstruction{
	{Op: 0x28, K: 12},               // ldh [12]
	{Op: 0x15, Jf: 2, K: 0x0800},    // jeq #0x800
	{Op: 0x30, K: 23},               // ldb [23]
	{Op: 0x15, Jt: 6, Jf: 7, K: 17}, // jeq #17
	{Op: 0x15, Jf: 6, K: 0x86dd},    // jeq #0x86dd
	{Op: 0x30, K: 20},               // ldb [20]
	{Op: 0x15, Jt: 3, K: 17},        // jeq #17
	{Op: 0x15, Jf: 3, K: 0x2c},      // jeq #44 (fragment header)
	{Op: 0x30, K: 54},               // ldb [54]
	{Op: 0x15, Jf: 1, K: 17},        // jeq #17
	{Op: 0x06, K: 262144},           // ret #262144
	{Op: 0x06, K: 0},                // ret #0
}

// recorder reads a Handle until it is closed, keeping copies of the packets.
type recorder struct {
	h    *Handle
	mu   sync.Mutex
	pkts []pcapio.Packet
	err  error
	done chan struct{}
}

func record(h *Handle) *recorder {
	r := &recorder{h: h, done: make(chan struct{})}
	go func() {
		defer close(r.done)
		var p pcapio.Packet
		for {
			err := h.ReadPacket(&p)
			if err != nil {
				if err != io.EOF {
					r.mu.Lock()
					r.err = err
					r.mu.Unlock()
				}
				return
			}
			r.mu.Lock()
			r.pkts = append(r.pkts, p.Clone())
			r.mu.Unlock()
		}
	}()
	return r
}

// stop waits until until() holds for the packets so far (or 5 s pass), lets
// late packets in for a moment, closes the Handle and returns the packets.
func (r *recorder) stop(t *testing.T, until func([]pcapio.Packet) bool) []pcapio.Packet {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		r.mu.Lock()
		ok := until(r.pkts)
		r.mu.Unlock()
		if ok {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(150 * time.Millisecond)
	r.h.Close()
	select {
	case <-r.done:
	case <-time.After(2 * time.Second):
		t.Fatal("ReadPacket did not return after Close")
	}
	if r.err != nil {
		t.Fatalf("ReadPacket: %v", r.err)
	}
	return r.pkts
}

// openIn opens a capture inside ns.
func openIn(t *testing.T, ns *netns.NS, cfg Config) *Handle {
	t.Helper()
	var h *Handle
	err := ns.Do(func() (err error) {
		h, err = Open(cfg)
		return err
	})
	if err != nil {
		t.Fatalf("Open(%+v): %v", cfg, err)
	}
	t.Cleanup(func() { h.Close() })
	return h
}

// traffic is what sendTraffic sent from B to A.
type traffic struct {
	udp  []string // payloads
	icmp []string
	tcp  string
}

const udpPort, tcpPort = 9000, 9001

// sendTraffic sends from B to A, with unique payloads: n UDP datagrams (each
// from its own socket, so that they are distinct flows), n ICMP echo
// requests, and one TCP connection (connect, accept, one write, close).
func sendTraffic(t *testing.T, p *netns.Pair, tag string, n int, dst netip.Addr) traffic {
	t.Helper()
	var tr traffic
	if !dst.IsValid() {
		dst = p.AddrA.Addr()
	}
	var ln net.Listener
	var sink net.PacketConn
	err := p.A.Do(func() (err error) {
		if ln, err = net.Listen("tcp4", netip.AddrPortFrom(dst, tcpPort).String()); err != nil {
			return err
		}
		sink, err = net.ListenPacket("udp4", netip.AddrPortFrom(dst, udpPort).String())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	defer sink.Close()
	accepted := make(chan []byte, 1)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			accepted <- nil
			return
		}
		defer c.Close()
		b, _ := io.ReadAll(c)
		accepted <- b
	}()
	tr.tcp = "rawcap-tcp-" + tag
	err = p.B.Do(func() error {
		for i := range n {
			msg := fmt.Sprintf("rawcap-udp-%s-%03d", tag, i)
			c, err := net.Dial("udp4", netip.AddrPortFrom(dst, udpPort).String())
			if err != nil {
				return err
			}
			_, err = c.Write([]byte(msg))
			c.Close()
			if err != nil {
				return err
			}
			tr.udp = append(tr.udp, msg)
		}
		ic, err := net.ListenPacket("ip4:icmp", "0.0.0.0")
		if err != nil {
			return err
		}
		defer ic.Close()
		for i := range n {
			msg := fmt.Sprintf("rawcap-icmp-%s-%03d", tag, i)
			echo := append([]byte{8, 0, 0, 0, 0x12, 0x34, 0, byte(i)}, msg...)
			binary.BigEndian.PutUint16(echo[2:], checksum(echo))
			if _, err := ic.WriteTo(echo, &net.IPAddr{IP: dst.AsSlice()}); err != nil {
				return err
			}
			tr.icmp = append(tr.icmp, msg)
		}
		c, err := net.Dial("tcp4", netip.AddrPortFrom(dst, tcpPort).String())
		if err != nil {
			return err
		}
		_, err = c.Write([]byte(tr.tcp))
		c.Close()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case b := <-accepted:
		if string(b) != tr.tcp {
			t.Fatalf("A received %q over TCP, want %q", b, tr.tcp)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("TCP connection not accepted")
	}
	return tr
}

func checksum(b []byte) uint16 {
	var s uint32
	for i := 0; i+1 < len(b); i += 2 {
		s += uint32(b[i])<<8 | uint32(b[i+1])
	}
	if len(b)%2 == 1 {
		s += uint32(b[len(b)-1]) << 8
	}
	for s>>16 != 0 {
		s = s&0xffff + s>>16
	}
	return ^uint16(s)
}

// ipv4 returns the IPv4 packet inside an Ethernet frame (after any 802.1Q
// tags), or nil.
func ipv4(frame []byte) []byte {
	if len(frame) < 14 {
		return nil
	}
	et, off := binary.BigEndian.Uint16(frame[12:]), 14
	for et == 0x8100 || et == 0x88a8 {
		if len(frame) < off+4 {
			return nil
		}
		et, off = binary.BigEndian.Uint16(frame[off+2:]), off+4
	}
	if et != 0x0800 || len(frame) < off+20 {
		return nil
	}
	return frame[off:]
}

// payload returns the IP protocol and transport payload of an IPv4 packet
// (for ICMP: the type, and the payload after the 8-byte echo header).
func payload(ip []byte) (proto byte, icmpType byte, data []byte) {
	ihl := int(ip[0]&0xf) * 4
	total := int(binary.BigEndian.Uint16(ip[2:]))
	if ihl < 20 || total > len(ip) || total < ihl {
		return 0, 0, nil
	}
	l4 := ip[ihl:total]
	switch ip[9] {
	case 17:
		if len(l4) >= 8 {
			return 17, 0, l4[8:]
		}
	case 6:
		if len(l4) >= 20 {
			return 6, 0, l4[int(l4[12]>>4)*4:]
		}
	case 1:
		if len(l4) >= 8 {
			return 1, l4[0], l4[8:]
		}
	}
	return ip[9], 0, nil
}

// census counts the payloads seen per protocol ("udp", "tcp", "icmp8",
// "icmp0") in Ethernet frames.
func census(pkts []pcapio.Packet) map[string]int {
	m := map[string]int{}
	for _, p := range pkts {
		ip := ipv4(p.Data)
		if ip == nil {
			continue
		}
		proto, typ, data := payload(ip)
		if len(data) == 0 {
			continue
		}
		switch proto {
		case 17:
			m["udp "+string(data)]++
		case 6:
			m["tcp "+string(data)]++
		case 1:
			m[fmt.Sprintf("icmp%d %s", typ, data)]++
		}
	}
	return m
}

func hasUDP(msg string) func([]pcapio.Packet) bool {
	return func(pkts []pcapio.Packet) bool {
		for i := len(pkts) - 1; i >= 0; i-- {
			if bytes.Contains(pkts[i].Data, []byte(msg)) {
				return true
			}
		}
		return false
	}
}

// TestCaptureVeth captures B→A traffic on A's veth and checks that every
// packet sent was captured exactly once with its bytes, that A's replies
// (ICMP echo replies) were captured as outgoing packets, and that the
// statistics add up.
func TestCaptureVeth(t *testing.T) {
	p := netns.NewPair(t)
	start := time.Now()
	h := openIn(t, p.A, Config{Interface: p.IfA})
	if h.LinkType() != linktype.Ethernet {
		t.Errorf("link type %v, want EN10MB", h.LinkType())
	}
	rec := record(h)
	tr := sendTraffic(t, p, "veth", 20, netip.Addr{})
	stats0, err := h.Stats()
	if err != nil {
		t.Fatal(err)
	}
	pkts := rec.stop(t, hasUDP(tr.udp[len(tr.udp)-1]))
	stats, err := h.Stats()
	if err != nil {
		t.Fatal(err)
	}
	got := census(pkts)
	for _, m := range tr.udp {
		if got["udp "+m] != 1 {
			t.Errorf("UDP %q captured %d times, want 1", m, got["udp "+m])
		}
	}
	for _, m := range tr.icmp {
		if got["icmp8 "+m] != 1 || got["icmp0 "+m] != 1 {
			t.Errorf("ICMP %q: %d requests and %d replies captured, want 1 and 1", m, got["icmp8 "+m], got["icmp0 "+m])
		}
	}
	if got["tcp "+tr.tcp] != 1 {
		t.Errorf("TCP payload captured %d times, want 1", got["tcp "+tr.tcp])
	}
	syn := 0
	for _, pk := range pkts {
		if ip := ipv4(pk.Data); ip != nil && ip[9] == 6 && len(ip) >= 34 && ip[33]&0x02 != 0 {
			syn++
		}
		if !pk.HasTime || pk.Time.Before(start.Add(-time.Second)) || pk.Time.After(time.Now()) {
			t.Errorf("packet time %v outside the test's run (from %v)", pk.Time, start)
		}
		if pk.Length != len(pk.Data) || pk.LinkType != linktype.Ethernet {
			t.Errorf("packet of %d bytes has length %d, link type %v", len(pk.Data), pk.Length, pk.LinkType)
		}
	}
	if syn != 2 {
		t.Errorf("%d SYN and SYN-ACK segments captured, want 2", syn)
	}
	// The captured bytes are the sent ones: check one UDP datagram whole.
	for _, pk := range pkts {
		if !bytes.Contains(pk.Data, []byte(tr.udp[0])) {
			continue
		}
		ip := ipv4(pk.Data)
		src, _ := netip.AddrFromSlice(ip[12:16])
		dst, _ := netip.AddrFromSlice(ip[16:20])
		if src != p.AddrB.Addr() || dst != p.AddrA.Addr() || binary.BigEndian.Uint16(ip[22:]) != udpPort ||
			int(binary.BigEndian.Uint16(ip[2:])) != 20+8+len(tr.udp[0]) || len(pk.Data) != 14+20+8+len(tr.udp[0]) {
			t.Errorf("first UDP datagram captured as % x", pk.Data)
		}
	}
	if stats.Received < uint64(len(pkts)) || stats.Dropped != 0 || stats.Received < stats0.Received {
		t.Errorf("stats %+v (midway %+v) for %d packets captured: want received ≥ captured, none dropped", stats, stats0, len(pkts))
	}
	t.Logf("%d packets captured, stats %+v", len(pkts), stats)
}

// TestCaptureFilter checks that a kernel filter for "udp" keeps exactly the
// UDP packets.
func TestCaptureFilter(t *testing.T) {
	p := netns.NewPair(t)
	h := openIn(t, p.A, Config{Interface: p.IfA, Filter: udpFilter})
	rec := record(h)
	tr := sendTraffic(t, p, "filter", 10, netip.Addr{})
	pkts := rec.stop(t, hasUDP(tr.udp[len(tr.udp)-1]))
	got := census(pkts)
	for _, m := range tr.udp {
		if got["udp "+m] != 1 {
			t.Errorf("UDP %q captured %d times, want 1", m, got["udp "+m])
		}
	}
	for _, pk := range pkts {
		if ip := ipv4(pk.Data); ip == nil || ip[9] != 17 {
			t.Errorf("filter \"udp\" let through % x", pk.Data[:min(len(pk.Data), 40)])
		}
	}
	if len(pkts) != len(tr.udp) {
		t.Errorf("%d packets captured, want the %d UDP datagrams", len(pkts), len(tr.udp))
	}
	st, _ := h.Stats()
	if st.Received != uint64(len(tr.udp)) {
		t.Errorf("stats %+v: the kernel counted packets the filter rejected", st)
	}
}

// TestCaptureDirection checks -Q in and -Q out with ICMP echo: requests come
// in to A, replies go out.
func TestCaptureDirection(t *testing.T) {
	for _, d := range []Direction{In, Out} {
		t.Run(d.String(), func(t *testing.T) {
			p := netns.NewPair(t)
			h := openIn(t, p.A, Config{Interface: p.IfA, Direction: d})
			rec := record(h)
			tr := sendTraffic(t, p, "dir", 3, netip.Addr{})
			wantReq, wantRep := 1, 0
			if d == Out {
				wantReq, wantRep = 0, 1
			}
			last := "icmp8 " + tr.icmp[len(tr.icmp)-1]
			if d == Out {
				last = "icmp0 " + tr.icmp[len(tr.icmp)-1]
			}
			pkts := rec.stop(t, func(pkts []pcapio.Packet) bool { return census(pkts)[last] > 0 })
			got := census(pkts)
			for _, m := range tr.icmp {
				if got["icmp8 "+m] != wantReq || got["icmp0 "+m] != wantRep {
					t.Errorf("ICMP %q: %d requests, %d replies; want %d, %d", m, got["icmp8 "+m], got["icmp0 "+m], wantReq, wantRep)
				}
			}
		})
	}
}

// TestCaptureAny checks that "any" yields LINUX_SLL2 frames that name the
// veth's interface index, with no duplicate.
func TestCaptureAny(t *testing.T) {
	p := netns.NewPair(t)
	var vethA, vethB *net.Interface
	if err := p.A.Do(func() (err error) { vethA, err = net.InterfaceByName(p.IfA); return err }); err != nil {
		t.Fatal(err)
	}
	if err := p.B.Do(func() (err error) { vethB, err = net.InterfaceByName(p.IfB); return err }); err != nil {
		t.Fatal(err)
	}
	h := openIn(t, p.A, Config{Interface: "any"})
	if h.LinkType() != linktype.LinuxSLL2 {
		t.Fatalf("link type %v, want LINUX_SLL2", h.LinkType())
	}
	rec := record(h)
	tr := sendTraffic(t, p, "any", 5, netip.Addr{})
	pkts := rec.stop(t, hasUDP(tr.udp[len(tr.udp)-1]))
	seen := map[string]int{}
	for _, pk := range pkts {
		if pk.LinkType != linktype.LinuxSLL2 || len(pk.Data) < 20 {
			t.Fatalf("packet % x, link type %v", pk.Data, pk.LinkType)
		}
		for _, m := range tr.udp {
			if !bytes.Contains(pk.Data, []byte(m)) {
				continue
			}
			seen[m]++
			want := append([]byte{0x08, 0x00, 0, 0, 0, 0, 0, 0, 0, 1, 0, 6}, vethB.HardwareAddr...)
			binary.BigEndian.PutUint32(want[4:], uint32(vethA.Index))
			want = append(want, 0, 0, 0x45)
			if !bytes.Equal(pk.Data[:len(want)], want) || pk.Length != len(pk.Data) {
				t.Errorf("SLL2 frame starts % x, want % x", pk.Data[:len(want)], want)
			}
		}
	}
	for _, m := range tr.udp {
		if seen[m] != 1 {
			t.Errorf("UDP %q captured %d times on any, want 1", m, seen[m])
		}
	}
}

// TestCaptureVLAN captures on the parent of a VLAN interface: frames both ways
// carry their 802.1Q tag (100), whether the veth offloaded it or not.
func TestCaptureVLAN(t *testing.T) {
	p := netns.NewPair(t)
	if out, err := exec.Command("ip", "-n", p.A.Name, "link", "add", "link", p.IfA, "name", p.IfA+".100", "type", "vlan", "id", "100").CombinedOutput(); err != nil {
		t.Skipf("skipping: this kernel cannot make VLAN interfaces (no 8021q): %s (TestCaptureVLANInjected covers tag reinsertion)", out)
	}
	p.B.IP(t, "link", "add", "link", p.IfB, "name", p.IfB+".100", "type", "vlan", "id", "100")
	a, b := netip.MustParseAddr("10.201.0.1"), netip.MustParseAddr("10.201.0.2")
	p.A.IP(t, "addr", "add", a.String()+"/24", "dev", p.IfA+".100")
	p.B.IP(t, "addr", "add", b.String()+"/24", "dev", p.IfB+".100")
	p.A.IP(t, "link", "set", p.IfA+".100", "up")
	p.B.IP(t, "link", "set", p.IfB+".100", "up")
	h := openIn(t, p.A, Config{Interface: p.IfA})
	rec := record(h)
	tr := sendTraffic(t, p, "vlan", 5, a)
	pkts := rec.stop(t, hasUDP(tr.udp[len(tr.udp)-1]))
	tagged := 0
	for _, pk := range pkts {
		ip := ipv4(pk.Data)
		if ip == nil || !bytes.Equal(ip[12:14], []byte{10, 201}) {
			continue
		}
		if binary.BigEndian.Uint16(pk.Data[12:]) != 0x8100 || binary.BigEndian.Uint16(pk.Data[14:])&0xfff != 100 {
			t.Errorf("frame on VLAN 100 without its tag: % x", pk.Data[:min(len(pk.Data), 24)])
			continue
		}
		if pk.Length != len(pk.Data) {
			t.Errorf("tagged frame of %d bytes has length %d", len(pk.Data), pk.Length)
		}
		tagged++
	}
	got := census(pkts)
	for _, m := range tr.udp {
		if got["udp "+m] != 1 {
			t.Errorf("UDP %q over VLAN 100 captured %d times, want 1", m, got["udp "+m])
		}
	}
	for _, m := range tr.icmp {
		if got["icmp0 "+m] != 1 {
			t.Errorf("ICMP reply %q (outgoing, tagged) captured %d times, want 1", m, got["icmp0 "+m])
		}
	}
	t.Logf("%d tagged frames", tagged)
}

// TestCaptureFanout spreads flows over two sockets and checks that the merged
// stream has every datagram exactly once.
func TestCaptureFanout(t *testing.T) {
	p := netns.NewPair(t)
	h := openIn(t, p.A, Config{Interface: p.IfA, Fanout: 2, Filter: udpFilter})
	if len(h.rings) != 2 {
		t.Fatalf("%d rings, want 2", len(h.rings))
	}
	rec := record(h)
	tr := sendTraffic(t, p, "fanout", 200, netip.Addr{})
	pkts := rec.stop(t, func(pkts []pcapio.Packet) bool { return len(pkts) >= 200 })
	got := census(pkts)
	for _, m := range tr.udp {
		if got["udp "+m] != 1 {
			t.Errorf("UDP %q captured %d times through fanout, want 1", m, got["udp "+m])
		}
	}
	if len(pkts) != len(tr.udp) {
		t.Errorf("%d packets captured, want %d", len(pkts), len(tr.udp))
	}
	st, _ := h.Stats()
	if st.Received != uint64(len(tr.udp)) || st.Dropped != 0 {
		t.Errorf("stats %+v, want %d received, 0 dropped", st, len(tr.udp))
	}
	for i, r := range h.rings {
		if r.total.Received == 0 {
			t.Errorf("fanout socket %d received nothing: the group did not spread the flows", i)
		}
		t.Logf("fanout socket %d: %+v", i, r.total)
	}
}

// TestCloseUnblocks checks that Close wakes a ReadPacket that waits on an
// idle interface, promptly, and that later reads return io.EOF.
func TestCloseUnblocks(t *testing.T) {
	p := netns.NewPair(t)
	h := openIn(t, p.A, Config{Interface: p.IfA, BlockTimeout: time.Hour})
	errc := make(chan error, 1)
	go func() {
		var pk pcapio.Packet
		errc <- h.ReadPacket(&pk)
	}()
	time.Sleep(100 * time.Millisecond)
	start := time.Now()
	h.Close()
	select {
	case err := <-errc:
		if err != io.EOF {
			t.Errorf("blocked ReadPacket returned %v after Close, want io.EOF", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("ReadPacket still blocked 2s after Close")
	}
	t.Logf("ReadPacket returned %v after Close", time.Since(start))
	var pk pcapio.Packet
	if err := h.ReadPacket(&pk); err != io.EOF {
		t.Errorf("ReadPacket after Close = %v, want io.EOF", err)
	}
	if err := h.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
}

// TestReadPacketAllocs checks that reading packets from the ring allocates
// nothing, for plain Ethernet and for rebuilt SLL2 frames.
func TestReadPacketAllocs(t *testing.T) {
	for _, name := range []string{"vethA", "any"} {
		t.Run(name, func(t *testing.T) {
			p := netns.NewPair(t)
			h := openIn(t, p.A, Config{Interface: name, Filter: nil, BlockTimeout: 5 * time.Millisecond})
			sendTraffic(t, p, "allocs", 150, netip.Addr{})
			time.Sleep(50 * time.Millisecond)
			var pk pcapio.Packet
			allocs := testing.AllocsPerRun(200, func() {
				if err := h.ReadPacket(&pk); err != nil {
					t.Fatal(err)
				}
			})
			if allocs != 0 {
				t.Errorf("ReadPacket: %v allocations per packet, want 0", allocs)
			}
		})
	}
}

func TestOpenErrors(t *testing.T) {
	p := netns.NewPair(t)
	p.A.IP(t, "link", "add", "down0", "type", "veth", "peer", "name", "down1")
	tests := []struct {
		name string
		cfg  Config
		is   error
		text string
	}{
		{"no such interface", Config{Interface: "eth9"}, ErrNoInterface, `"eth9" (interfaces here: lo, vethA, down1, down0, any)`},
		{"interface down", Config{Interface: "down0"}, ErrInterfaceDown, "ip link set down0 up"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := p.A.Do(func() error {
				h, err := Open(tt.cfg)
				if err == nil {
					h.Close()
				}
				return err
			})
			if !errors.Is(err, tt.is) || !strings.Contains(err.Error(), tt.text) {
				t.Errorf("Open(%q) = %v, want %v mentioning %q", tt.cfg.Interface, err, tt.is, tt.text)
			}
		})
	}
}

// TestCaptureVLANInjected sends hand-made tagged frames from B through an
// AF_PACKET socket (no 8021q module needed): the kernel takes the outer tag
// off on receive, and the capture must give back exactly the frames sent.
func TestCaptureVLANInjected(t *testing.T) {
	p := netns.NewPair(t)
	h := openIn(t, p.A, Config{Interface: p.IfA})
	rec := record(h)
	frames := sendTagged(t, p)
	pkts := rec.stop(t, hasUDP("rawcap-vlan-untagged"))
	for name, want := range frames {
		n := 0
		for _, pk := range pkts {
			if bytes.HasSuffix(pk.Data, []byte("rawcap-vlan-"+name)) {
				n++
				if !bytes.Equal(pk.Data, want) || pk.Length != len(want) {
					t.Errorf("%s: captured % x (length %d), sent % x", name, pk.Data, pk.Length, want)
				}
			}
		}
		if n != 1 {
			t.Errorf("%s: captured %d times, want 1", name, n)
		}
	}
}

// sendTagged sends from B to A, through an AF_PACKET socket, frames with an
// 802.1Q tag (VLAN 100, priority 3), a priority tag (VLAN 0), 802.1ad and
// 802.1Q tags (200 outside 100), and none, each ending with a unique text.
func sendTagged(t *testing.T, p *netns.Pair) map[string][]byte {
	t.Helper()
	var macA net.HardwareAddr
	if err := p.A.Do(func() error { i, err := net.InterfaceByName(p.IfA); macA = i.HardwareAddr; return err }); err != nil {
		t.Fatal(err)
	}
	frames := map[string][]byte{}
	err := p.B.Do(func() error {
		i, err := net.InterfaceByName(p.IfB)
		if err != nil {
			return err
		}
		mk := func(name string, tags ...uint16) []byte {
			f := append(append([]byte(nil), macA...), i.HardwareAddr...)
			for _, v := range tags {
				f = binary.BigEndian.AppendUint16(f, v)
			}
			f = binary.BigEndian.AppendUint16(f, 0x88b5) // IEEE local experimental
			f = append(f, "rawcap-vlan-"+name...)
			frames[name] = f
			return f
		}
		fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, 0)
		if err != nil {
			return err
		}
		defer unix.Close(fd)
		to := &unix.SockaddrLinklayer{Ifindex: i.Index, Halen: 6}
		for _, f := range [][]byte{
			mk("q100", 0x8100, 0x6064),
			mk("q0", 0x8100, 0x0000),
			mk("ad", 0x88a8, 0x00c8, 0x8100, 0x0064),
			mk("untagged"),
		} {
			if err := unix.Sendto(fd, f, 0, to); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return frames
}
