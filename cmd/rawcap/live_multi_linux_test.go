package main

import (
	"fmt"
	"io"
	"net"
	"net/netip"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/rawcap/rawcap/internal/netns"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// sendAlternating sends n datagrams from B, the i-th to dsts[i%len(dsts)]
// port 9999, one after the other from one socket, so that their order in
// time is their number; each payload is "rawcap-multi-<tag>-<i>-…".
func sendAlternating(t *testing.T, ns *netns.NS, dsts []netip.Addr, tag string, n, size int) [][]byte {
	t.Helper()
	var payloads [][]byte
	err := ns.Do(func() error {
		c, err := net.ListenPacket("udp4", ":0")
		if err != nil {
			return err
		}
		defer c.Close()
		for i := range n {
			b := fmt.Appendf(nil, "rawcap-multi-%s-%06d-", tag, i)
			for len(b) < size {
				b = append(b, byte('a'+len(b)%26))
			}
			if _, err := c.WriteTo(b, &net.UDPAddr{IP: dsts[i%len(dsts)].AsSlice(), Port: 9999}); err != nil {
				return err
			}
			payloads = append(payloads, b)
			if i%20 == 19 {
				time.Sleep(time.Millisecond)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("sending from %s: %v", ns.Name, err)
	}
	return payloads
}

var multiPayload = regexp.MustCompile(`rawcap-multi-[a-z]+-(\d{6})-`)

// readAll returns a file's packets and, read to its end, its interfaces.
func readAll(t *testing.T, name string) ([]pcapio.Packet, []pcapio.Interface) {
	t.Helper()
	rd, err := pcapio.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	var pkts []pcapio.Packet
	for {
		b, err := rd.NextBlock()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if b.Packet != nil {
			pkts = append(pkts, b.Packet.Clone())
		}
	}
	return pkts, rd.Interfaces()
}

// TestLiveThreeInterfacesIntoOnePcapNG: two veth pairs and lo into one
// pcapng, dumpcap's -i -i -i: an interface block for each (name, link type,
// snapshot length, filter), the packets in the order they were sent across
// the interfaces, each under its own interface, a statistics block for each
// at the end, statistics per interface on stderr, and a file tshark and
// capinfos read cleanly.
func TestLiveThreeInterfacesIntoOnePcapNG(t *testing.T) {
	p := netns.NewPair(t)
	l := p.AddLink(t, "vethA2", "vethB2")
	out := filepath.Join(t.TempDir(), "all.pcapng")
	filter := "udp port 9999"
	// The second interface by its number in -D's list, attached as getopt allows.
	list, err := p.A.Command(rawcapBinary(t), "-D").Output()
	if err != nil {
		t.Fatal(err)
	}
	num := regexp.MustCompile(`(?m)^(\d+)\.` + l.IfA + `\b`).FindSubmatch(list)
	if num == nil {
		t.Fatalf("rawcap -D does not list %s:\n%s", l.IfA, list)
	}
	r := startRawcap(t, p.A, "-i", p.IfA, "-i"+string(num[1]), "-i", "lo", "-s", "2000", "-w", out, filter)
	payloads := sendAlternating(t, p.B, []netip.Addr{p.AddrA.Addr(), l.AddrA.Addr()}, "three", 400, 300)
	payloads = append(payloads, sendUDPTo(t, p.A, netip.MustParseAddr("127.0.0.1"), "lo", 2, 60)...)
	time.Sleep(300 * time.Millisecond)
	r.cmd.Process.Signal(syscall.SIGINT)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, r.stderr.String())
	}
	pkts, ifs := readAll(t, out)

	var got []string
	for _, it := range ifs {
		got = append(got, fmt.Sprintf("%s %s %d %q", it.Name, it.LinkType.Name(), it.SnapLen, it.Filter))
	}
	want := []string{
		fmt.Sprintf("%s EN10MB %d %q", p.IfA, 2000, filter),
		fmt.Sprintf("%s EN10MB %d %q", l.IfA, 2000, filter),
		fmt.Sprintf("lo EN10MB %d %q", 2000, filter),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("interface blocks (-want +got):\n%s", diff)
	}

	checkPayloads(t, pkts, payloads)
	next, perIface, onLo := 0, [3]int{}, 0
	for i, pk := range pkts {
		perIface[pk.Interface]++
		if i > 0 && pk.Time.Before(pkts[i-1].Time) {
			t.Errorf("packet %d (%v) is older than the one before it (%v): not merged in time order", i+1, pk.Time, pkts[i-1].Time)
		}
		m := multiPayload.FindSubmatch(pk.Data)
		if m == nil {
			if pk.Interface != 2 {
				t.Errorf("packet %d: a datagram to 127.0.0.1 under interface %d, want lo's (2)", i+1, pk.Interface)
			}
			onLo++
			continue
		}
		n, _ := strconv.Atoi(string(m[1]))
		if n != next {
			t.Errorf("packet %d carries datagram %d, want %d: the merge is out of the sending order", i+1, n, next)
		}
		next = n + 1
		if pk.Interface != n%2 {
			t.Errorf("datagram %d under interface %d, want %d", n, pk.Interface, n%2)
		}
	}
	if onLo != 2 {
		t.Errorf("%d datagrams on lo, want 2", onLo)
	}
	for i, it := range ifs {
		if it.Stats == nil {
			t.Errorf("interface %s has no statistics block", it.Name)
			continue
		}
		if it.Stats.Delivered != uint64(perIface[i]) || it.Stats.OSDropped != 0 {
			t.Errorf("%s statistics: delivered %d dropped %d, want %d, 0", it.Name, it.Stats.Delivered, it.Stats.OSDropped, perIface[i])
		}
	}
	tsharkClean(t, out, len(pkts))
	liveStats(t, r.stderr.String(), len(pkts))
	for i, name := range []string{p.IfA, l.IfA, "lo"} {
		line := fmt.Sprintf("%s: %d packets captured, ", name, perIface[i])
		if !strings.Contains(r.stderr.String(), line) {
			t.Errorf("stderr lacks %q:\n%s", line, r.stderr.String())
		}
		if !strings.Contains(r.stderr.String(), "listening on "+name+", link-type EN10MB") {
			t.Errorf("stderr lacks the listening line of %s", name)
		}
	}
}

// TestLiveTwoLinkTypes: an Ethernet interface and "any" (LINUX_SLL2) go
// into one pcapng with an interface block each; a pcap file, which holds
// one link type, is refused before anything is captured.
func TestLiveTwoLinkTypes(t *testing.T) {
	p := netns.NewPair(t)
	dir := t.TempDir()
	cmd := p.A.Command(rawcapBinary(t), "-i", p.IfA, "-i", "any", "-w", filepath.Join(dir, "x.pcap"), "udp")
	outb, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 || !strings.Contains(string(outb), "a pcap file holds one link type") ||
		!strings.Contains(string(outb), "LINUX_SLL2") || !strings.Contains(string(outb), "pcapng") {
		t.Errorf("pcap output of two link types: %v %s; want exit 2 naming the link types and pcapng", err, outb)
	}
	out := filepath.Join(dir, "x.pcapng")
	r := startRawcap(t, p.A, "-i", p.IfA, "-i", "any", "-w", out, "-c", "10", "udp port 9999")
	sendUDP(t, p, "twolt", 5, 100)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, r.stderr.String())
	}
	pkts, ifs := readAll(t, out)
	if len(ifs) != 2 || ifs[0].LinkType != linktype.Ethernet || ifs[1].LinkType != linktype.LinuxSLL2 {
		t.Fatalf("interfaces %+v, want EN10MB and LINUX_SLL2", ifs)
	}
	n := [2]int{}
	for _, pk := range pkts {
		n[pk.Interface]++
		if pk.LinkType != ifs[pk.Interface].LinkType {
			t.Errorf("a packet of interface %d has link type %v", pk.Interface, pk.LinkType)
		}
	}
	if n != [2]int{5, 5} {
		t.Errorf("packets per interface %v, want each datagram once on each", n)
	}
	tsharkClean(t, out, 10)
}

// TestLivePrintsSeveralInterfaces: printing, each line starts with its
// interface's name.
func TestLivePrintsSeveralInterfaces(t *testing.T) {
	p := netns.NewPair(t)
	l := p.AddLink(t, "vethA2", "vethB2")
	r := startRawcap(t, p.A, "-i", p.IfA, "-i", l.IfA, "-c", "4", "-t", "udp")
	sendAlternating(t, p.B, []netip.Addr{p.AddrA.Addr(), l.AddrA.Addr()}, "print", 4, 50)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, r.stderr.String())
	}
	var want []string
	for i := range 4 {
		name, src, dst := p.IfA+" ", p.AddrB.Addr(), p.AddrA.Addr()
		if i%2 == 1 {
			name, src, dst = l.IfA, l.AddrB.Addr(), l.AddrA.Addr()
		}
		want = append(want, fmt.Sprintf("%s IP %s.PORT > %s.9999: UDP, length 50", name, src, dst))
	}
	lines := strings.Split(strings.TrimSpace(r.stdout.String()), "\n")
	port := regexp.MustCompile(`\.\d+ >`)
	for i := range lines {
		lines[i] = port.ReplaceAllString(lines[i], ".PORT >")
	}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("printed lines (-want +got):\n%s", diff)
	}
}

// TestLiveIPSocketMode: --ip-socket writes raw IP packets (LINKTYPE_RAW)
// that tshark reads, with the filter run in user space (and said so).
func TestLiveIPSocketMode(t *testing.T) {
	p := netns.NewPair(t)
	out := filepath.Join(t.TempDir(), "ip.pcapng")
	r := startRawcap(t, p.A, "--ip-socket", "udp", "-w", out, "-c", "20", "udp dst port 9999")
	// Datagrams to another port come first; the filter leaves them out.
	err := p.B.Do(func() error {
		c, err := net.ListenPacket("udp4", ":0")
		if err != nil {
			return err
		}
		defer c.Close()
		for range 5 {
			if _, err := c.WriteTo([]byte("rawcap-other-port"), &net.UDPAddr{IP: p.AddrA.Addr().AsSlice(), Port: 9998}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	payloads := sendUDP(t, p, "ipsock", 20, 200)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, r.stderr.String())
	}
	pkts, ifs := readAll(t, out)
	if len(ifs) != 1 || ifs[0].LinkType != linktype.Raw || ifs[0].Name != "any" || !strings.Contains(ifs[0].Description, "raw IP sockets: udp") {
		t.Fatalf("interfaces %+v: want one, RAW, named any, described as raw IP sockets", ifs)
	}
	if len(pkts) != 20 {
		t.Fatalf("%d packets, want the 20 to port 9999", len(pkts))
	}
	checkPayloads(t, pkts, payloads)
	for _, pk := range pkts {
		if pk.Data[0]>>4 != 4 {
			t.Fatalf("a packet does not start with its IPv4 header: % x", pk.Data[:8])
		}
	}
	tsharkClean(t, out, 20)
	if !strings.Contains(r.stderr.String(), "link-type RAW") || !strings.Contains(r.stderr.String(), "the filter runs in user space") {
		t.Errorf("stderr does not say RAW and that the filter runs in user space:\n%s", r.stderr.String())
	}

	// Printing: tcpdump's lines for raw IP.
	pr := startRawcap(t, p.A, "--ip-socket", "udp", "-i", p.IfA, "-c", "2", "-t", "udp")
	sendUDP(t, p, "ipprint", 2, 50)
	if code := pr.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, pr.stderr.String())
	}
	for _, line := range strings.Split(strings.TrimSpace(pr.stdout.String()), "\n") {
		if !strings.HasPrefix(line, "IP "+p.AddrB.Addr().String()+".") || !strings.HasSuffix(line, ".9999: UDP, length 50") {
			t.Errorf("line %q is not tcpdump's for raw IP", line)
		}
	}
}
