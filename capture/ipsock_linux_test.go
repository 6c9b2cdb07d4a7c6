package capture

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/rawcap/rawcap/internal/netns"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// readSource reads src until it is closed (after until holds for the
// packets so far, or 5 s), keeping copies.
func readSource(t *testing.T, src Source, until func([]pcapio.Packet) bool) []pcapio.Packet {
	t.Helper()
	pktc := make(chan pcapio.Packet, 1<<16)
	done := make(chan error, 1)
	go func() {
		var p pcapio.Packet
		for {
			if err := src.ReadPacket(&p); err != nil {
				if err == io.EOF {
					err = nil
				}
				done <- err
				return
			}
			pktc <- p.Clone()
		}
	}()
	var got []pcapio.Packet
	deadline := time.After(5 * time.Second)
wait:
	for !until(got) {
		select {
		case p := <-pktc:
			got = append(got, p)
		case <-deadline:
			break wait
		}
	}
	time.Sleep(100 * time.Millisecond)
	src.Close()
	for {
		select {
		case p := <-pktc:
			got = append(got, p)
		case err := <-done:
			for len(pktc) > 0 {
				got = append(got, <-pktc)
			}
			if err != nil {
				t.Fatalf("ReadPacket: %v", err)
			}
			return got
		case <-time.After(3 * time.Second):
			t.Fatal("ReadPacket did not return after Close")
		}
	}
}

// hasAll reports whether each string is in one of the packets.
func hasAll(pkts []pcapio.Packet, msgs []string) bool {
	for _, m := range msgs {
		found := false
		for _, p := range pkts {
			if bytes.Contains(p.Data, []byte(m)) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// ipOfEthernet returns the IP packet of an Ethernet frame, or nil.
func ipOfEthernet(f []byte) []byte {
	if len(f) < 14 || !(f[12] == 0x08 && f[13] == 0x00 || f[12] == 0x86 && f[13] == 0xdd) {
		return nil
	}
	return f[14:]
}

// TestIPSocketSeesWhatPacketSocketReceives: for the same traffic (UDP,
// ICMP echo requests and a TCP connection from B), the raw IP sockets'
// packets equal, byte for byte and in order, the packets an
// AF_PACKET socket receives on the interface, without their Ethernet
// headers; what the raw sockets cannot see (the replies A sends, ARP) is
// only in the AF_PACKET capture. Their timestamps agree within a
// millisecond.
func TestIPSocketSeesWhatPacketSocketReceives(t *testing.T) {
	p := netns.NewPair(t)
	pkt := openIn(t, p.A, Config{Interface: p.IfA})
	var ip *IPHandle
	if err := p.A.Do(func() (err error) {
		ip, err = OpenIPSockets(IPSocketConfig{Protocols: AllIP})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if ip.LinkType() != linktype.Raw {
		t.Errorf("link type %v, want RAW", ip.LinkType())
	}
	pc := make(chan []pcapio.Packet, 1)
	var tr traffic
	go func() {
		pc <- readSource(t, pkt, func(ps []pcapio.Packet) bool { return tr.tcp != "" && hasAll(ps, append(tr.udp, tr.tcp)) })
	}()
	time.Sleep(50 * time.Millisecond)
	ic := make(chan []pcapio.Packet, 1)
	go func() {
		ic <- readSource(t, ip, func(ps []pcapio.Packet) bool { return tr.tcp != "" && hasAll(ps, append(tr.udp, tr.tcp)) })
	}()
	tr = sendTraffic(t, p, "ipsock", 5, netip.Addr{})
	fromPacket, fromIP := <-pc, <-ic

	var want []string
	var wantTimes []time.Time
	for _, f := range fromPacket {
		b := ipOfEthernet(f.Data)
		if b == nil || b[0]>>4 != 4 {
			continue // ARP: a raw IP socket sees no link layer
		}
		if netip.AddrFrom4([4]byte(b[16:20])) != p.AddrA.Addr() {
			continue // sent by A: a raw socket sees only what A receives
		}
		want = append(want, hex.EncodeToString(b))
		wantTimes = append(wantTimes, f.Time)
	}
	var got []string
	for _, q := range fromIP {
		got = append(got, hex.EncodeToString(q.Data))
	}
	if len(want) < 5+5+3 {
		t.Fatalf("AF_PACKET received only %d IPv4 packets", len(want))
	}
	if len(got) != len(want) {
		t.Fatalf("raw IP sockets: %d packets, AF_PACKET received %d", len(got), len(want))
	}
	// Each protocol has its own socket, so packets of different protocols
	// may come out of the sockets in another order than the wire's: match
	// each packet with its twin, whatever its place.
	wantAt := map[string][]int{}
	for i, w := range want {
		wantAt[w] = append(wantAt[w], i)
	}
	for i, g := range got {
		at := wantAt[g]
		if len(at) == 0 {
			t.Errorf("packet %d: the raw IP socket's %s is not among AF_PACKET's", i+1, g)
			continue
		}
		j := at[0]
		wantAt[g] = at[1:]
		// UDP and ICMP share the skb's timestamp to the nanosecond; TCP's
		// is a few microseconds later at the raw socket.
		if d := fromIP[i].Time.Sub(wantTimes[j]).Abs(); d > time.Millisecond {
			t.Errorf("packet %d: raw IP socket time %v, AF_PACKET %v", i+1, fromIP[i].Time, wantTimes[j])
		}
	}
	st, _ := ip.Stats()
	if st.Received != uint64(len(got)) || st.Dropped != 0 {
		t.Errorf("Stats %+v, want %d received, 0 dropped", st, len(got))
	}
}

// enableIPv6 turns IPv6 on in p's namespaces and addresses the veth pair
// fd00:200::1 (A) and fd00:200::2 (B), without duplicate address detection.
func enableIPv6(t *testing.T, p *netns.Pair) (a, b netip.Addr) {
	t.Helper()
	for _, x := range []struct {
		ns   *netns.NS
		ifc  string
		addr string
	}{{p.A, p.IfA, "fd00:200::1"}, {p.B, p.IfB, "fd00:200::2"}} {
		err := x.ns.Do(func() error {
			for _, f := range []string{"all", "default", x.ifc} {
				if err := os.WriteFile("/proc/sys/net/ipv6/conf/"+f+"/disable_ipv6", []byte("0"), 0); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Skipf("skipping: cannot turn IPv6 on: %v", err)
		}
		x.ns.IP(t, "addr", "add", x.addr+"/64", "dev", x.ifc, "nodad")
	}
	return netip.MustParseAddr("fd00:200::1"), netip.MustParseAddr("fd00:200::2")
}

// TestIPSocketRebuildsIPv6Header: an IPv6 raw socket returns the packet
// without its header; the header rawcap rebuilds from the ancillary data
// equals the one on the wire but for the flow label, which the socket does
// not give.
func TestIPSocketRebuildsIPv6Header(t *testing.T) {
	p := netns.NewPair(t)
	a, _ := enableIPv6(t, p)
	pkt := openIn(t, p.A, Config{Interface: p.IfA, Direction: In})
	var ip *IPHandle
	if err := p.A.Do(func() (err error) {
		ip, err = OpenIPSockets(IPSocketConfig{Protocols: UDP, Interface: p.IfA})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for i := range 5 {
		msgs = append(msgs, fmt.Sprintf("rawcap-v6-%d", i))
	}
	pc, ic := make(chan []pcapio.Packet, 1), make(chan []pcapio.Packet, 1)
	go func() { pc <- readSource(t, pkt, func(ps []pcapio.Packet) bool { return hasAll(ps, msgs) }) }()
	go func() { ic <- readSource(t, ip, func(ps []pcapio.Packet) bool { return hasAll(ps, msgs) }) }()
	time.Sleep(50 * time.Millisecond)
	err := p.B.Do(func() error {
		c, err := net.ListenPacket("udp6", "[::]:0")
		if err != nil {
			return err
		}
		defer c.Close()
		for _, m := range msgs {
			if _, err := c.WriteTo([]byte(m), &net.UDPAddr{IP: a.AsSlice(), Port: 9999}); err != nil {
				return err
			}
			time.Sleep(time.Millisecond)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	fromPacket, fromIP := <-pc, <-ic
	var want, got []string
	for _, f := range fromPacket {
		if b := ipOfEthernet(f.Data); b != nil && b[0]>>4 == 6 && len(b) > 40 && b[6] == 17 {
			c := bytes.Clone(b)
			c[1] &^= 0x0f // the flow label: not given to a raw socket
			c[2], c[3] = 0, 0
			want = append(want, fmt.Sprintf("%d %s", f.Time.UnixNano(), hex.EncodeToString(c)))
		}
	}
	for _, q := range fromIP {
		got = append(got, fmt.Sprintf("%d %s", q.Time.UnixNano(), hex.EncodeToString(q.Data)))
	}
	if len(want) != len(msgs) || len(got) != len(want) {
		t.Fatalf("AF_PACKET received %d IPv6 UDP packets, the raw socket %d; want %d each", len(want), len(got), len(msgs))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("packet %d:\n raw IPv6 socket %s\n AF_PACKET       %s", i+1, got[i], want[i])
		}
	}
}

// TestIPSocketBoundToInterface: with an interface named, packets of other
// interfaces are not seen.
func TestIPSocketBoundToInterface(t *testing.T) {
	p := netns.NewPair(t)
	var ip *IPHandle
	if err := p.A.Do(func() (err error) {
		ip, err = OpenIPSockets(IPSocketConfig{Protocols: UDP, Interface: "lo"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	err := p.A.Do(func() error {
		c, err := net.ListenPacket("udp4", "127.0.0.1:0")
		if err != nil {
			return err
		}
		defer c.Close()
		_, err = c.WriteTo([]byte("rawcap-on-lo"), &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 9999})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	err = p.B.Do(func() error {
		c, err := net.ListenPacket("udp4", ":0")
		if err != nil {
			return err
		}
		defer c.Close()
		_, err = c.WriteTo([]byte("rawcap-on-veth"), &net.UDPAddr{IP: p.AddrA.Addr().AsSlice(), Port: 9999})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	got := readSource(t, ip, func(ps []pcapio.Packet) bool { return hasAll(ps, []string{"rawcap-on-lo"}) })
	if !hasAll(got, []string{"rawcap-on-lo"}) || hasAll(got, []string{"rawcap-on-veth"}) {
		t.Errorf("bound to lo, the socket saw %d packets: want the one on lo and not the one on %s", len(got), p.IfA)
	}
}

func TestParseControl(t *testing.T) {
	// Ancillary data as Linux lays it out: cmsghdr (len, level, type),
	// data, padding to the word; built with x/sys/unix's sizes.
	var b []byte
	add := func(level, typ int, data []byte) {
		h := make([]byte, unix.CmsgSpace(len(data)))
		if unix.SizeofCmsghdr == 16 {
			ne.PutUint64(h, uint64(unix.CmsgLen(len(data))))
			ne.PutUint32(h[8:], uint32(level))
			ne.PutUint32(h[12:], uint32(typ))
		} else {
			ne.PutUint32(h, uint32(unix.CmsgLen(len(data))))
			ne.PutUint32(h[4:], uint32(level))
			ne.PutUint32(h[8:], uint32(typ))
		}
		copy(h[unix.CmsgLen(0):], data)
		b = append(b, h...)
	}
	ts := make([]byte, 16)
	ne.PutUint64(ts, 1700000000)
	ne.PutUint64(ts[8:], 123456789)
	if unix.SizeofCmsghdr != 16 {
		ts = ts[:8]
		ne.PutUint32(ts, 1700000000)
		ne.PutUint32(ts[4:], 123456789)
	}
	add(unix.SOL_SOCKET, unix.SCM_TIMESTAMPNS, ts)
	add(unix.SOL_SOCKET, unix.SO_RXQ_OVFL, []byte{7, 0, 0, 0}[:4])
	dst := netip.MustParseAddr("fd00::1").As16()
	add(unix.IPPROTO_IPV6, unix.IPV6_PKTINFO, append(dst[:], 3, 0, 0, 0))
	add(unix.IPPROTO_IPV6, unix.IPV6_HOPLIMIT, []byte{64, 0, 0, 0})
	add(unix.IPPROTO_IPV6, unix.IPV6_TCLASS, []byte{0xb8, 0, 0, 0})
	ne.PutUint32(b[unix.CmsgSpace(len(ts))+unix.CmsgLen(0):], 7) // the drop count in host order
	var c ipControl
	parseControl(b, &c)
	want := ipControl{sec: 1700000000, nsec: 123456789, hasTime: true, drops: 7, hasDrops: true, dst: dst, hasDst: true, hopLimit: 64, tclass: 0xb8}
	if c != want {
		t.Errorf("parseControl:\n got %+v\nwant %+v", c, want)
	}
	// Cut anywhere, it stops without reading past the end.
	for i := range b {
		var c ipControl
		parseControl(b[:i], &c)
	}
}
