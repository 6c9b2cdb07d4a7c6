package filter

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/linktype"
)

func mustAddr(s string) netip.Addr { return netip.MustParseAddr(s) }

// TestCompileErrors checks the messages (as tcpdump 4.99.3 prints them
// after "tcpdump: "), the sentinels and the columns of compile errors.
func TestCompileErrors(t *testing.T) {
	tests := []struct {
		expr string
		lt   linktype.Type
		msg  string
		is   error
		pos  int
	}{
		{"host 10.0.0.0/8", linktype.Ethernet, "Mask syntax for networks only", ErrSemantic, 0},
		{"port 70000", linktype.Ethernet, "illegal port number 70000 > 65535", ErrSemantic, 0},
		{"tcp host 10.0.0.1", linktype.Ethernet, "'tcp' modifier applied to host", ErrSemantic, 0},
		{"ip6 host 10.0.0.1", linktype.Ethernet, "'ip6' modifier applied to ip host", ErrSemantic, 0},
		{"ip host fe80::1", linktype.Ethernet, "'ip' modifier applied to ip6 host", ErrSemantic, 0},
		{"icmp6 host fe80::1", linktype.Ethernet, "'icmp6' modifier applied to ip6 host", ErrSemantic, 0},
		{"tcp[13] &", linktype.Ethernet, "can't parse filter expression: syntax error", ErrSyntax, 9},
		{"and", linktype.Ethernet, "can't parse filter expression: syntax error", ErrSyntax, 0},
		{"tcp)", linktype.Ethernet, "can't parse filter expression: syntax error", ErrSyntax, 3},
		{"port 22 and", linktype.Ethernet, "can't parse filter expression: syntax error", ErrSyntax, 11},
		{"src port 22 or", linktype.Ethernet, "can't parse filter expression: syntax error", ErrSyntax, 14},
		{"10.0.0.1", linktype.Ethernet, "can't parse filter expression: syntax error", ErrSyntax, 0},
		{"host", linktype.Ethernet, "can't parse filter expression: syntax error", ErrSyntax, 4},
		{"foo", linktype.Ethernet, "can't parse filter expression: syntax error", ErrSyntax, 0},
		{"src proto 6", linktype.Ethernet, "can't parse filter expression: syntax error", ErrSyntax, 4},
		{"ip or 10.0.0.1", linktype.Ethernet, "can't parse filter expression: syntax error", ErrSyntax, 6},
		{"net 10.0.0.1/8", linktype.Ethernet, `non-network bits set in "10.0.0.1/8"`, ErrSemantic, 0},
		{"net 10.0.0.0/33", linktype.Ethernet, "mask length must be <= 32", ErrSemantic, 0},
		{"tcp and net 192.168.1.0 mask 255.255.0.255", linktype.Ethernet, `non-network bits set in "192.168.1.0 mask 255.255.0.255"`, ErrSemantic, 8},
		{"ip6 net fe80::1/10", linktype.Ethernet, `non-network bits set in "fe80::1/10"`, ErrSemantic, 0},
		{"vlan 5000", linktype.Ethernet, "VLAN tag 5000 greater than maximum 4095", ErrSemantic, 0},
		{"mpls 1048576", linktype.Ethernet, "MPLS label 1048576 greater than maximum 1048575", ErrSemantic, 0},
		{"pppoes 70000", linktype.Ethernet, "PPPoE session number 70000 greater than maximum 65535", ErrSemantic, 0},
		{"udp port http", linktype.Ethernet, "port 'http' is tcp", ErrSemantic, 0},
		{"port foo", linktype.Ethernet, "unknown port 'foo'", ErrSemantic, 0},
		{"ip proto foo", linktype.Ethernet, "unknown ip proto 'foo'", ErrSemantic, 0},
		{"ether proto foo", linktype.Ethernet, "unknown ether proto 'foo'", ErrSemantic, 0},
		{"ether host 1:2:3:4:5", linktype.Ethernet, "bogus ethernet address 1:2:3:4:", ErrSemantic, 11},
		{"host 1:2:3:4:5:6", linktype.Ethernet, "ethernet address used in non-ether expression", ErrSemantic, 0},
		{"tcp[1:3] = 1", linktype.Ethernet, "data size must be 1, 2, or 4", ErrSemantic, 0},
		{"ip[0] / 0 = 1", linktype.Ethernet, "division by zero", ErrSemantic, 0},
		{"ip[0] << 32 = 1", linktype.Ethernet, "shift by more than 31 bits", ErrSemantic, 0},
		{"arp proto 6", linktype.Ethernet, "arp does not encapsulate another protocol", ErrSemantic, 0},
		{"ip multicast and link", linktype.Ethernet, "link layer applied in wrong context", ErrSemantic, 17},
		{"link host 1.2.3.4", linktype.Ethernet, "illegal link layer address", ErrSemantic, 0},
		{"ip broadcast", linktype.Ethernet, "netmask not known, so 'ip broadcast' not supported", ErrSemantic, 0},
		{"1 = 2", linktype.Ethernet, "expression rejects all packets", ErrRejectsAll, 0},
		{"arp", linktype.Raw, "expression rejects all packets", ErrRejectsAll, 0},
		{"vlan", linktype.Raw, "no VLAN support for Raw IP", ErrUnsupportedLinkType, 0},
		{"mpls", linktype.LinuxSLL, "no MPLS support for Linux cooked v1", ErrUnsupportedLinkType, 0},
		{"broadcast", linktype.LinuxSLL, "not a broadcast link", ErrUnsupportedLinkType, 0},
		{"ether host 1:2:3:4:5:6", linktype.LinuxSLL, "ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel", ErrUnsupportedLinkType, 0},
		{"inbound", linktype.Ethernet, "inbound/outbound not supported on Ethernet when reading savefiles", ErrUnsupportedLinkType, 0},
		{"ifindex 2", linktype.Ethernet, "ifindex not supported on Ethernet when reading savefiles", ErrUnsupportedLinkType, 0},
		{"ip", linktype.IEEE802_11, "filters are not supported for link type IEEE802_11 (802.11)", ErrUnsupportedLinkType, 0},
		{strings.Repeat("(", 2000) + "tcp" + strings.Repeat(")", 2000), linktype.Ethernet, "can't parse filter expression: expression nested too deeply", ErrSyntax, 1000},
		{"host example.com", linktype.Ethernet, "unknown host 'example.com' (rawcap compiles without a resolver here)", ErrSemantic, 0},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			_, err := Compile(tt.expr, tt.lt, Options{})
			if err == nil {
				t.Fatalf("Compile(%q) succeeded, want error %q", tt.expr, tt.msg)
			}
			if diff := cmp.Diff(tt.msg, err.Error()); diff != "" && !strings.HasPrefix(tt.msg, "filters are not") {
				t.Errorf("message (-want +got):\n%s", diff)
			}
			if !errors.Is(err, tt.is) {
				t.Errorf("error %v does not wrap %v", err, tt.is)
			}
			var se *SyntaxError
			var ce *Error
			pos := -1
			switch {
			case errors.As(err, &se):
				pos = se.Pos
			case errors.As(err, &ce):
				pos = ce.Pos
			}
			if pos != tt.pos {
				t.Errorf("column %d, want %d", pos, tt.pos)
			}
		})
	}
}

// Packet builders for the primitive tests.

func ipv4(src, dst string, proto byte, frag uint16, payload []byte) []byte {
	h := make([]byte, 20, 20+len(payload))
	h[0], h[8], h[9] = 0x45, 64, proto
	binary.BigEndian.PutUint16(h[2:], uint16(20+len(payload)))
	binary.BigEndian.PutUint16(h[6:], frag)
	s, d := mustAddr(src).As4(), mustAddr(dst).As4()
	copy(h[12:], s[:])
	copy(h[16:], d[:])
	return append(h, payload...)
}

func ipv6(src, dst string, nh byte, payload []byte) []byte {
	h := make([]byte, 40, 40+len(payload))
	h[0], h[6], h[7] = 0x60, nh, 64
	binary.BigEndian.PutUint16(h[4:], uint16(len(payload)))
	s, d := mustAddr(src).As16(), mustAddr(dst).As16()
	copy(h[8:], s[:])
	copy(h[24:], d[:])
	return append(h, payload...)
}

func tcp(sport, dport uint16, flags byte) []byte {
	h := make([]byte, 20)
	binary.BigEndian.PutUint16(h, sport)
	binary.BigEndian.PutUint16(h[2:], dport)
	h[12], h[13] = 0x50, flags
	return h
}

func udp(sport, dport uint16, payload []byte) []byte {
	h := make([]byte, 8, 8+len(payload))
	binary.BigEndian.PutUint16(h, sport)
	binary.BigEndian.PutUint16(h[2:], dport)
	binary.BigEndian.PutUint16(h[4:], uint16(8+len(payload)))
	return append(h, payload...)
}

var (
	macA = []byte{0x02, 0, 0, 0, 0, 0x0a}
	macB = []byte{0x02, 0, 0, 0, 0, 0x0b}
	bcst = []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
)

func eth(dst, src []byte, et uint16, payload []byte) []byte {
	b := append(append(append([]byte{}, dst...), src...), byte(et>>8), byte(et))
	return append(b, payload...)
}

func vlanTag(id uint16, et uint16, payload []byte) []byte {
	return append([]byte{byte(id >> 8), byte(id), byte(et >> 8), byte(et)}, payload...)
}

// extHdr is an IPv6 extension header of 8 bytes.
func extHdr(nh byte, payload []byte) []byte {
	return append([]byte{nh, 0, 0, 0, 0, 0, 0, 0}, payload...)
}

// TestPrimitives runs compiled programs over hand-built packets: each row
// says whether a primitive must match a packet, as tcpdump would decide.
func TestPrimitives(t *testing.T) {
	tcp4 := eth(macB, macA, 0x0800, ipv4("10.0.0.1", "10.0.0.2", 6, 0, tcp(1234, 22, 0x02)))
	udp4 := eth(bcst, macA, 0x0800, ipv4("10.0.0.1", "255.255.255.255", 17, 0, udp(68, 67, nil)))
	frag4 := eth(macB, macA, 0x0800, ipv4("10.0.0.1", "10.0.0.2", 6, 0x0010, tcp(1234, 22, 0x02)))
	tcp6 := eth(macB, macA, 0x86dd, ipv6("fe80::1", "fe80::2", 6, tcp(179, 40000, 0x10)))
	hbh6 := eth(macB, macA, 0x86dd, ipv6("fe80::1", "ff02::1", 0, extHdr(60, extHdr(58, []byte{135, 0, 0, 0}))))
	vtcp := eth(macB, macA, 0x8100, vlanTag(100, 0x0800, ipv4("10.0.0.1", "10.0.0.2", 6, 0, tcp(1234, 22, 0x12))))
	qinq := eth(macB, macA, 0x88a8, vlanTag(10, 0x8100, vlanTag(20, 0x0800, ipv4("10.0.0.1", "10.0.0.2", 17, 0, udp(53, 53, nil)))))
	mplsp := eth(macB, macA, 0x8847, append([]byte{0x00, 0x01, 0x41, 0x40}, ipv4("10.0.0.1", "10.0.0.2", 1, 0, []byte{8, 0, 0, 0})...))
	arpp := eth(bcst, macA, 0x0806, append([]byte{0, 1, 8, 0, 6, 4, 0, 1}, append(append(append(macA, 10, 0, 0, 1), make([]byte, 6)...), 10, 0, 0, 2)...))
	stpp := eth([]byte{0x01, 0x80, 0xc2, 0, 0, 0}, macA, 38, []byte{0x42, 0x42, 0x03, 0, 0, 0})
	pppoe := eth(macB, macA, 0x8864, append([]byte{0x11, 0, 0x00, 0x07, 0, 0, 0x00, 0x21}, ipv4("10.0.0.1", "10.0.0.2", 6, 0, tcp(1, 2, 0))...))
	gen := eth(macB, macA, 0x0800, ipv4("10.0.0.1", "10.0.0.2", 17, 0, udp(1000, 6081, []byte{0, 0, 0x65, 0x58, 0, 0, 42, 0})))
	sll := append([]byte{0, 4, 0, 1, 0, 6, 2, 0, 0, 0, 0, 0x0a, 0, 0, 0x08, 0x00}, ipv4("10.0.0.1", "10.0.0.2", 6, 0, tcp(1234, 80, 0x02))...)
	sll2 := append([]byte{0x86, 0xdd, 0, 0, 0, 0, 0, 3, 0, 1, 4, 6, 2, 0, 0, 0, 0, 0x0a, 0, 0}, ipv6("::1", "::1", 17, udp(5353, 5353, nil))...)
	null := append([]byte{2, 0, 0, 0}, ipv4("127.0.0.1", "127.0.0.1", 17, 0, udp(1, 53, nil))...)
	loop := append([]byte{0, 0, 0, 24}, ipv6("::1", "::1", 6, tcp(1, 2, 0))...)
	raw6 := ipv6("2001:db8::1", "2001:db8::2", 58, []byte{128, 0, 0, 0})

	tests := []struct {
		expr string
		lt   linktype.Type
		pkt  []byte
		want bool
	}{
		{"tcp", linktype.Ethernet, tcp4, true},
		{"udp", linktype.Ethernet, tcp4, false},
		{"host 10.0.0.1", linktype.Ethernet, tcp4, true},
		{"src host 10.0.0.2", linktype.Ethernet, tcp4, false},
		{"dst 10.0.0.2", linktype.Ethernet, tcp4, true},
		{"host 10.0.0.9 or 10.0.0.2", linktype.Ethernet, tcp4, true},
		{"src or dst host 10.0.0.1", linktype.Ethernet, tcp4, true},
		{"src and dst host 10.0.0.1", linktype.Ethernet, tcp4, false},
		{"net 10", linktype.Ethernet, tcp4, true},
		{"net 10.0.0.0/8", linktype.Ethernet, tcp4, true},
		{"net 192.168.0.0 mask 255.255.0.0", linktype.Ethernet, tcp4, false},
		{"port 22", linktype.Ethernet, tcp4, true},
		{"port ssh", linktype.Ethernet, tcp4, true},
		{"tcp port 22 or 179", linktype.Ethernet, tcp6, true},
		{"udp port 22", linktype.Ethernet, tcp4, false},
		{"port 22", linktype.Ethernet, frag4, false},
		{"tcp", linktype.Ethernet, frag4, true},
		{"portrange 20-25", linktype.Ethernet, tcp4, true},
		// libpcap's gen_arth keeps only the left operand's protocol tests
		{"ip[0] - tcp[12] = 0x45 - 0x50", linktype.Ethernet, frag4, true},
		{"tcp[12] - ip[0] = 0x50 - 0x45", linktype.Ethernet, frag4, false},
		{"tcp[12] - ip[0] = 0x50 - 0x45", linktype.Ethernet, tcp4, true},
		{"src portrange 20-25", linktype.Ethernet, tcp4, false},
		{"tcp[tcpflags] & tcp-syn != 0", linktype.Ethernet, tcp4, true},
		{"tcp[13] = 2", linktype.Ethernet, tcp6, false},
		{"ip[9] = 6 and ip[2:2] > 30", linktype.Ethernet, tcp4, true},
		{"ip[2:2] - ((ip[0]&0xf)<<2) = 20", linktype.Ethernet, tcp4, true},
		{"len = 54", linktype.Ethernet, tcp4, true},
		{"less 54", linktype.Ethernet, tcp4, true},
		{"greater 55", linktype.Ethernet, tcp4, false},
		{"ether broadcast", linktype.Ethernet, udp4, true},
		{"ether multicast", linktype.Ethernet, tcp4, false},
		{"ip broadcast", linktype.Ethernet, udp4, true},
		{"ether src 02:00:00:00:00:0a", linktype.Ethernet, tcp4, true},
		{"ether dst 0200.0000.000a", linktype.Ethernet, tcp4, false},
		{"ether proto \\ip", linktype.Ethernet, tcp4, true},
		{"arp", linktype.Ethernet, arpp, true},
		{"arp host 10.0.0.2", linktype.Ethernet, arpp, true},
		{"host 10.0.0.2", linktype.Ethernet, arpp, true},
		{"ip6", linktype.Ethernet, tcp6, true},
		{"host fe80::1", linktype.Ethernet, tcp6, true},
		{"ip6 net fe80::/10", linktype.Ethernet, tcp6, true},
		{"ip6 multicast", linktype.Ethernet, hbh6, true},
		{"ip6 proto 58", linktype.Ethernet, hbh6, false},
		{"ip6 protochain 58", linktype.Ethernet, hbh6, true},
		{"ip6 protochain 6", linktype.Ethernet, hbh6, false},
		{"protochain 6", linktype.Ethernet, tcp4, true},
		{"icmp6", linktype.Ethernet, hbh6, false},
		{"vlan", linktype.Ethernet, vtcp, true},
		{"vlan 100 and tcp port 22", linktype.Ethernet, vtcp, true},
		{"vlan 101", linktype.Ethernet, vtcp, false},
		{"tcp port 22", linktype.Ethernet, vtcp, false},
		{"vlan 10 and vlan 20 and udp port 53", linktype.Ethernet, qinq, true},
		{"vlan 20", linktype.Ethernet, qinq, false},
		{"mpls 20 and icmp", linktype.Ethernet, mplsp, true},
		{"mpls 21", linktype.Ethernet, mplsp, false},
		{"stp", linktype.Ethernet, stpp, true},
		{"llc", linktype.Ethernet, stpp, true},
		{"ip", linktype.Ethernet, stpp, false},
		{"pppoes 7 and tcp", linktype.Ethernet, pppoe, true},
		{"pppoes 8", linktype.Ethernet, pppoe, false},
		{"geneve", linktype.Ethernet, gen, true},
		{"geneve 42", linktype.Ethernet, gen, true},
		{"geneve 43", linktype.Ethernet, gen, false},
		{"byte 9 = 6", linktype.Raw, ipv4("1.1.1.1", "2.2.2.2", 6, 0, tcp(1, 2, 0)), true},
		{"tcp port 80", linktype.LinuxSLL, sll, true},
		{"outbound", linktype.LinuxSLL, sll, true},
		{"inbound", linktype.LinuxSLL, sll, false},
		{"ip6 and udp port 5353", linktype.LinuxSLL2, sll2, true},
		{"ifindex 3", linktype.LinuxSLL2, sll2, true},
		{"inbound", linktype.LinuxSLL2, sll2, false},
		{"udp port 53", linktype.Null, null, true},
		{"ip6", linktype.Null, null, false},
		{"ip and udp", linktype.Null, append([]byte{0, 0, 0, 2}, null[4:]...), true},
		{"ip6", linktype.Null, append([]byte{0, 0, 0, 30}, loop[4:]...), true},
		{"ip6 and tcp", linktype.Loop, loop, true},
		{"icmp6[icmp6type] = icmp6-echo", linktype.Raw, raw6, true},
		{"icmp6[0] = 129", linktype.IPv6, raw6, false},
		{"ip6 host 2001:db8::2", linktype.IPv6, raw6, true},
		{"ip", linktype.IPv4, ipv4("1.1.1.1", "2.2.2.2", 6, 0, nil), true},
		{"tcp port 22", linktype.PPP, append([]byte{0xff, 0x03, 0x00, 0x21}, ipv4("10.0.0.1", "10.0.0.2", 6, 0, tcp(1234, 22, 0))...), true},
		{"ip6", linktype.PPP, append([]byte{0xff, 0x03, 0x00, 0x21}, ipv4("10.0.0.1", "10.0.0.2", 6, 0, tcp(1234, 22, 0))...), false},
		{"host 10.0.0.2", ltCHDLC, append([]byte{0x0f, 0x00, 0x08, 0x00}, ipv4("10.0.0.1", "10.0.0.2", 6, 0, tcp(1234, 22, 0))...), true},
		// DECnet, short header without pad: flags 0x02, dst, src (little-endian area<<10|node)
		{"decnet src 50.764", linktype.Ethernet, eth(macB, macA, 0x6003, []byte{0, 0, 0x02, 0x01, 0x04, 0xfc, 0xca, 0}), true},
		{"decnet dst 1.1", linktype.Ethernet, eth(macB, macA, 0x6003, []byte{0, 0, 0x02, 0x01, 0x04, 0xfc, 0xca, 0}), true},
		{"decnet host 1.2", linktype.Ethernet, eth(macB, macA, 0x6003, []byte{0, 0, 0x02, 0x01, 0x04, 0xfc, 0xca, 0}), false},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("%s/%s", tt.lt.Name(), tt.expr)
		t.Run(name, func(t *testing.T) {
			for _, noopt := range []bool{false, true} {
				p, err := Compile(tt.expr, tt.lt, Options{NoOptimize: noopt, Netmask: mustAddr("255.255.255.0")})
				if err != nil {
					t.Fatalf("Compile(%q, NoOptimize %v): %v", tt.expr, noopt, err)
				}
				if got := p.Match(tt.pkt, len(tt.pkt)); got != tt.want {
					t.Errorf("Compile(%q, NoOptimize %v).Match = %v, want %v", tt.expr, noopt, got, tt.want)
				}
			}
		})
	}
}

// TestLive checks that the kernel variant reads metadata where libpcap's
// does.
func TestLive(t *testing.T) {
	tests := []struct {
		expr string
		lt   linktype.Type
		want []uint32 // K of ancillary loads that must appear
	}{
		{"vlan 100", linktype.Ethernet, []uint32{skfADOff + skfADVLANTagPresent, skfADOff + skfADVLANTag}},
		{"inbound", linktype.Ethernet, []uint32{skfADOff + skfADPktType}},
		{"ifindex 3", linktype.Ethernet, []uint32{skfADOff + skfADIfIndex}},
		{"ip", linktype.LinuxSLL, []uint32{skfADOff + skfADProtocol}},
		{"outbound and ip6", linktype.LinuxSLL2, []uint32{skfADOff + skfADPktType, skfADOff + skfADProtocol}},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			p, err := Compile(tt.expr, tt.lt, Options{Live: true})
			if err != nil {
				t.Fatal(err)
			}
			seen := map[uint32]bool{}
			for _, in := range p.Instructions() {
				if in.Op&0x07 == cbLD && in.Op&0xe0 == cbABS {
					seen[in.K] = true
				}
			}
			for _, k := range tt.want {
				if !seen[k] {
					t.Errorf("no load of ancillary offset %#x in %v", k, p.Instructions())
				}
			}
		})
	}
	// The kernel's length of a cooked packet lacks the header libpcap counts.
	p, err := Compile("greater 100", linktype.LinuxSLL2, Options{Live: true})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]uint32{0, 20, 100}, []uint32{p.Instructions()[0].K, p.Instructions()[1].K, p.Instructions()[2].K}); diff != "" || p.Instructions()[1].Op != cbALU|cbADD|cbK {
		t.Errorf("live SLL2 greater 100: %v", p.Instructions())
	}
	if _, err := Compile("link[0] = 4", linktype.LinuxSLL, Options{Live: true}); !errors.Is(err, ErrUnsupportedLinkType) {
		t.Errorf("link[0] on a live cooked socket: error %v, want ErrUnsupportedLinkType", err)
	}
	// The cooked socket has no cooked header: IP starts at offset 0.
	p, err = Compile("ip host 10.0.0.1", linktype.LinuxSLL, Options{Live: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range p.Instructions() {
		if in.Op == cbLD|cbW|cbABS && in.K == 12 {
			return
		}
	}
	t.Errorf("live SLL program does not load the IPv4 source at offset 12: %v", p.Instructions())
}

// TestTrampolines compiles a program with conditional jumps longer than
// 255 instructions and checks it against the unoptimised one.
func TestTrampolines(t *testing.T) {
	var parts []string
	for i := 1; i <= 60; i++ {
		parts = append(parts, fmt.Sprintf("port %d", i))
	}
	expr := strings.Join(parts, " or ")
	p, err := Compile(expr, linktype.Ethernet, Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := len(p.Instructions())
	hasJA := false
	for _, in := range p.Instructions() {
		hasJA = hasJA || in.Op == cbJMP|cbJA
	}
	if n <= 256 || !hasJA {
		t.Fatalf("program of %d instructions, ja present %v: want > 256 with trampolines", n, hasJA)
	}
	q, err := Compile(expr, linktype.Ethernet, Options{NoOptimize: true})
	if err != nil {
		t.Fatal(err)
	}
	for port := uint16(0); port <= 70; port++ {
		for _, pkt := range [][]byte{
			eth(macB, macA, 0x0800, ipv4("10.0.0.1", "10.0.0.2", 6, 0, tcp(5000, port, 0))),
			eth(macB, macA, 0x86dd, ipv6("::1", "::2", 17, udp(port, 5000, nil))),
		} {
			if a, b := p.Match(pkt, len(pkt)), q.Match(pkt, len(pkt)); a != b || a != (port >= 1 && port <= 60) {
				t.Errorf("port %d: optimised %v, unoptimised %v", port, a, b)
			}
		}
	}
}

// TestOptimizerAgrees runs every expression of exprs.txt optimised and
// unoptimised over the packets of ../shared/filters/pcaps and compares.
func TestOptimizerAgrees(t *testing.T) {
	shared := sharedDir(t)
	exprs := readExprs(t, filepath.Join(shared, "filters", "exprs.txt"))
	pcaps, _ := filepath.Glob(filepath.Join(shared, "filters", "pcaps", "*.pcap"))
	checked := 0
	for _, file := range pcaps {
		lt, pkts := readTestPcap(t, file)
		if testing.Short() && len(pkts) > 300 {
			pkts = pkts[:300]
		}
		for _, e := range exprs {
			opt := Options{Netmask: mustAddr("0.0.0.0")}
			p, err := Compile(e, lt, opt)
			if err != nil {
				continue
			}
			opt.NoOptimize = true
			q, err := Compile(e, lt, opt)
			if err != nil {
				t.Errorf("%s: %q compiles optimised but not unoptimised: %v", filepath.Base(file), e, err)
				continue
			}
			for i, pk := range pkts {
				if a, b := p.Match(pk, len(pk)), q.Match(pk, len(pk)); a != b {
					t.Errorf("%s: %q packet %d: optimised %v, unoptimised %v", filepath.Base(file), e, i+1, a, b)
					break
				}
			}
			checked++
		}
	}
	t.Logf("%d (expression, capture) pairs agree optimised and unoptimised", checked)
}

// readTestPcap reads a little- or big-endian classic pcap (the test does
// not depend on pcapio).
func readTestPcap(t testing.TB, name string) (linktype.Type, [][]byte) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var bo binary.ByteOrder = binary.LittleEndian
	if b[0] == 0xa1 {
		bo = binary.BigEndian
	}
	lt := linktype.Type(bo.Uint32(b[20:]))
	var pkts [][]byte
	for off := 24; off+16 <= len(b); {
		n := int(bo.Uint32(b[off+8:]))
		if off+16+n > len(b) {
			break
		}
		pkts = append(pkts, b[off+16:off+16+n])
		off += 16 + n
	}
	return lt, pkts
}

func TestMatchAllocs(t *testing.T) {
	p, err := Compile("tcp port 22 and (host 10.0.0.1 or host 10.0.0.2)", linktype.Ethernet, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pkt := eth(macB, macA, 0x0800, ipv4("10.0.0.1", "10.0.0.2", 6, 0, tcp(1234, 22, 0x02)))
	if n := testing.AllocsPerRun(100, func() { p.Match(pkt, len(pkt)) }); n != 0 {
		t.Errorf("Match allocates %v times per packet, want 0", n)
	}
}

var benchExprs = []string{
	"tcp port 22",
	"host 10.0.0.1 and not (port 22 or port 6633)",
	"tcp[tcpflags] & (tcp-syn|tcp-fin) != 0",
	"vlan 100 and ip6 and udp portrange 1000-2000",
	"ip6 protochain 6",
}

func BenchmarkCompile(b *testing.B) {
	for _, e := range benchExprs {
		b.Run(e, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(e)))
			for b.Loop() {
				if _, err := Compile(e, linktype.Ethernet, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkMatch(b *testing.B) {
	p, err := Compile("tcp port 22 and (host 10.0.0.1 or host 10.0.0.2)", linktype.Ethernet, Options{})
	if err != nil {
		b.Fatal(err)
	}
	pkt := eth(macB, macA, 0x0800, ipv4("10.0.0.1", "10.0.0.2", 6, 0, tcp(1234, 22, 0x02)))
	b.ReportAllocs()
	b.SetBytes(int64(len(pkt)))
	for b.Loop() {
		p.Match(pkt, len(pkt))
	}
}

// TestResolve checks that host names go through Options.Resolve, and that
// the protocol qualifier picks the address families, as libpcap does.
func TestResolve(t *testing.T) {
	resolve := func(name string) ([]netip.Addr, error) {
		if name == "db.example" {
			return []netip.Addr{mustAddr("10.0.0.2"), mustAddr("fe80::2")}, nil
		}
		if name == "v4only.example" {
			return []netip.Addr{mustAddr("10.0.0.9")}, nil
		}
		return nil, errors.New("no such host")
	}
	pkt4 := eth(macB, macA, 0x0800, ipv4("10.0.0.1", "10.0.0.2", 6, 0, tcp(1234, 22, 0x02)))
	pkt6 := eth(macB, macA, 0x86dd, ipv6("fe80::1", "fe80::2", 6, tcp(179, 40000, 0x10)))
	tests := []struct {
		expr       string
		want4      bool
		want6      bool
		wantErrMsg string
	}{
		{"host db.example", true, true, ""},
		{"ip host db.example", true, false, ""},
		{"ip6 dst host db.example", false, true, ""},
		{"src host db.example", false, false, ""},
		{"ip6 host v4only.example", false, false, "unknown host 'v4only.example'"},
		{"host nowhere.example", false, false, "unknown host 'nowhere.example'"},
	}
	for _, tt := range tests {
		p, err := Compile(tt.expr, linktype.Ethernet, Options{Resolve: resolve})
		if tt.wantErrMsg != "" {
			if err == nil || err.Error() != tt.wantErrMsg {
				t.Errorf("Compile(%q) error = %v, want %q", tt.expr, err, tt.wantErrMsg)
			}
			continue
		}
		if err != nil {
			t.Errorf("Compile(%q): %v", tt.expr, err)
			continue
		}
		if got := p.Match(pkt4, len(pkt4)); got != tt.want4 {
			t.Errorf("%q on IPv4 = %v, want %v", tt.expr, got, tt.want4)
		}
		if got := p.Match(pkt6, len(pkt6)); got != tt.want6 {
			t.Errorf("%q on IPv6 = %v, want %v", tt.expr, got, tt.want6)
		}
	}
}

func TestRunReturnsSnapLen(t *testing.T) {
	pkt := eth(macB, macA, 0x0800, ipv4("10.0.0.1", "10.0.0.2", 6, 0, tcp(1234, 22, 0x02)))
	for _, tt := range []struct{ snap, want uint32 }{{0, DefaultSnapLen}, {65535, 65535}} {
		p, err := Compile("tcp", linktype.Ethernet, Options{SnapLen: tt.snap})
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Run(pkt, len(pkt)); got != tt.want {
			t.Errorf("SnapLen %d: Run = %d, want %d", tt.snap, got, tt.want)
		}
		if got := p.Run(pkt[:20], len(pkt)); got != 0 {
			t.Errorf("SnapLen %d: Run on a truncated packet = %d, want 0", tt.snap, got)
		}
		if p.String() != "tcp" || p.LinkType() != linktype.Ethernet {
			t.Errorf("String, LinkType = %q, %v", p.String(), p.LinkType())
		}
	}
}

// BenchmarkCompileLarge compiles "port 1 or port 2 or ... or port 200",
// a program of about 1700 instructions with trampolines.
func BenchmarkCompileLarge(b *testing.B) {
	var parts []string
	for i := 1; i <= 200; i++ {
		parts = append(parts, fmt.Sprintf("port %d", i))
	}
	e := strings.Join(parts, " or ")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile(e, linktype.Ethernet, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestConcurrent compiles and runs programs from several goroutines; run
// with -race.
func TestConcurrent(t *testing.T) {
	pkt := eth(macB, macA, 0x0800, ipv4("10.0.0.1", "10.0.0.2", 6, 0, tcp(1234, 22, 0x02)))
	p, err := Compile("tcp port 22", linktype.Ethernet, Options{})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	for i := 0; i < 4; i++ {
		go func() {
			for _, e := range benchExprs {
				q, err := Compile(e, linktype.Ethernet, Options{})
				if err != nil {
					done <- err
					return
				}
				q.Match(pkt, len(pkt))
			}
			if !p.Match(pkt, len(pkt)) {
				done <- errors.New("shared program stopped matching")
				return
			}
			done <- nil
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
