package filter

import (
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

func geneveHdr(vni uint32, proto uint16, optWords int, inner []byte) []byte {
	h := make([]byte, 8+4*optWords)
	h[0] = byte(optWords)
	binary.BigEndian.PutUint16(h[2:], proto)
	binary.BigEndian.PutUint32(h[4:], vni<<8)
	return append(h, inner...)
}

func vxlanHdr(vni uint32, inner []byte) []byte {
	h := make([]byte, 8)
	h[0] = 0x08
	binary.BigEndian.PutUint32(h[4:], vni<<8)
	return append(h, inner...)
}

// tunnelPackets are Geneve (Ethernet and IPv4 payloads, with and without
// options) and VXLAN packets over IPv4 and IPv6, and plain packets.
func tunnelPackets() [][]byte {
	innerTCP := eth(macB, macA, 0x0800, ipv4("10.1.1.1", "10.2.2.2", 6, 0, tcp(1234, 80, 0x02)))
	innerUDP6 := eth(macB, macA, 0x86dd, ipv6("2001:db8::1", "2001:db8::2", 17, udp(53, 53, nil)))
	var pkts [][]byte
	for _, vni := range []uint32{42, 43} {
		for _, opt := range []int{0, 2} {
			pkts = append(pkts,
				eth(macA, macB, 0x0800, ipv4("192.168.0.1", "192.168.0.2", 17, 0, udp(1, 6081, geneveHdr(vni, 0x6558, opt, innerTCP)))),
				eth(macA, macB, 0x0800, ipv4("192.168.0.1", "192.168.0.2", 17, 0, udp(1, 6081, geneveHdr(vni, 0x0800, opt, ipv4("10.1.1.1", "10.2.2.2", 17, 0, udp(5, 53, []byte("xx"))))))))
		}
		pkts = append(pkts,
			eth(macA, macB, 0x0800, ipv4("192.168.0.1", "192.168.0.2", 17, 0, udp(1, 4789, vxlanHdr(vni, innerTCP)))),
			eth(macA, macB, 0x0800, ipv4("192.168.0.1", "192.168.0.2", 17, 0, udp(1, 4789, vxlanHdr(vni, innerUDP6)))),
			eth(macA, macB, 0x86dd, ipv6("2001:db8::1", "2001:db8::2", 17, udp(1, 6081, geneveHdr(vni, 0x6558, 1, innerUDP6)))),
			eth(macA, macB, 0x86dd, ipv6("2001:db8::1", "2001:db8::2", 17, udp(1, 4789, vxlanHdr(vni, innerTCP)))))
	}
	return append(pkts,
		eth(macA, macB, 0x0800, ipv4("10.1.1.1", "10.2.2.2", 6, 0, tcp(1, 80, 0))),
		eth(macA, macB, 0x0800, ipv4("192.168.0.1", "192.168.0.2", 17, 0, udp(1, 6081, []byte{0, 0}))))
}

// TestTunnelsAgainstTcpdump compares Geneve primitives, and the primitives
// after them that look into the encapsulated frame, with tcpdump on
// generated packets.
func TestTunnelsAgainstTcpdump(t *testing.T) {
	testshared.Oracle(t, "tcpdump")
	pkts := tunnelPackets()
	file := filepath.Join(t.TempDir(), "tunnels.pcap")
	hdr := []byte{0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 1, 0, 0, 0}
	buf := append([]byte{}, hdr...)
	for i, p := range pkts {
		rec := make([]byte, 16)
		binary.LittleEndian.PutUint32(rec, uint32(i+1))
		binary.LittleEndian.PutUint32(rec[8:], uint32(len(p)))
		binary.LittleEndian.PutUint32(rec[12:], uint32(len(p)))
		buf = append(append(buf, rec...), p...)
	}
	if err := os.WriteFile(file, buf, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, expr := range []string{
		"geneve", "geneve 42", "geneve and ip", "geneve and host 10.1.1.1", "geneve 42 and tcp port 80",
		"geneve and udp port 53", "geneve and ip6", "geneve and ether src 02:00:00:00:00:0a",
		"geneve and ether proto 0x0800", "geneve and not ip", "geneve and udp[8:2] = 0x7878",
		"geneve and ip[9] = 6", "geneve and geneve", "geneve and vlan",
	} {
		out, err := exec.Command("tcpdump", "-r", file, "-nn", "-tt", "-q", "--", expr).Output()
		if err != nil {
			t.Fatalf("tcpdump %q: %v", expr, err)
		}
		var want []int
		for _, l := range strings.Split(string(out), "\n") {
			if i := strings.IndexByte(l, '.'); i > 0 {
				if n, err := strconv.Atoi(l[:i]); err == nil {
					want = append(want, n)
				}
			}
		}
		p, err := Compile(expr, linktype.Ethernet, Options{})
		if err != nil {
			t.Errorf("Compile(%q): %v", expr, err)
			continue
		}
		var got []int
		for i, pk := range pkts {
			if p.Match(pk, len(pk)) {
				got = append(got, i+1)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%q: matching packets (-tcpdump +rawcap):\n%s", expr, diff)
		}
	}
}

// TestVXLAN checks vxlan, which tcpdump 4.99.3's libpcap lacks, against
// what the packets contain.
func TestVXLAN(t *testing.T) {
	pkts := tunnelPackets()
	tests := []struct {
		expr string
		want []int
	}{
		{"vxlan", []int{5, 6, 8, 13, 14, 16}},
		{"vxlan 42", []int{5, 6, 8}},
		{"vxlan and tcp port 80", []int{5, 8, 13, 16}},
		{"vxlan 43 and ip6 and udp port 53", []int{14}},
		{"vxlan and ether dst 02:00:00:00:00:0b", []int{5, 6, 8, 13, 14, 16}},
	}
	for _, tt := range tests {
		p, err := Compile(tt.expr, linktype.Ethernet, Options{})
		if err != nil {
			t.Fatalf("Compile(%q): %v", tt.expr, err)
		}
		var got []int
		for i, pk := range pkts {
			if p.Match(pk, len(pk)) {
				got = append(got, i+1)
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.expr, diff)
		}
	}
}
