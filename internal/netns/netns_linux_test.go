package netns

import (
	"net"
	"strings"
	"testing"
	"time"
)

// TestPairPings checks that the pair's namespaces see each other and nothing
// else: A has only lo and vethA, and B receives a datagram from A.
func TestPairPings(t *testing.T) {
	p := NewPair(t)
	var names []string
	err := p.A.Do(func() error {
		ifs, err := net.Interfaces()
		for _, i := range ifs {
			names = append(names, i.Name)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(names, ","); got != "lo,vethA" {
		t.Errorf("interfaces in A = %s, want lo,vethA", got)
	}
	var conn net.PacketConn
	if err := p.B.Do(func() (err error) {
		conn, err = net.ListenPacket("udp4", p.AddrB.Addr().String()+":9999")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := p.A.Do(func() error {
		c, err := net.Dial("udp4", p.AddrB.Addr().String()+":9999")
		if err != nil {
			return err
		}
		defer c.Close()
		_, err = c.Write([]byte("hello B"))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	buf := make([]byte, 64)
	n, from, err := conn.ReadFrom(buf)
	if err != nil || string(buf[:n]) != "hello B" {
		t.Fatalf("B read %q from %v, %v; want \"hello B\"", buf[:n], from, err)
	}
	if out := p.A.Command("true").Run(); out != nil {
		t.Errorf("ip netns exec: %v", out)
	}
}
