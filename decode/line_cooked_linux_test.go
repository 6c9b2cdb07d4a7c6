package decode_test

import (
	"testing"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// TestLineCookedMatchesTcpdump checks the Linux cooked headers of -i any
// captures (SLL2: the interface's name on this host and the direction
// before every line, "lo    In  "), SLL v1, and the Ethernet header with
// -q, on crafted frames made here. Interface 1 is the loopback, "lo", on
// every Linux host; 0x7ffffff0 is no interface ("?"). The payload is
// rawUDPPacket unless said. The want texts are tcpdump 4.99's output.
func TestLineCookedMatchesTcpdump(t *testing.T) {
	// directions 0-4 and 7 on interface 1, then interface 0x7ffffff0
	sll2Dirs := []string{
		"0800 0000 00000001 0001 00 06 0200000000010000 " + rawUDPPacket,
		"0800 0000 00000001 0001 01 06 0200000000010000 " + rawUDPPacket,
		"0800 0000 00000001 0001 02 06 0200000000010000 " + rawUDPPacket,
		"0800 0000 00000001 0001 03 06 0200000000010000 " + rawUDPPacket,
		"0800 0000 00000001 0001 04 06 0200000000010000 " + rawUDPPacket,
		"0800 0000 00000001 0001 07 06 0200000000010000 " + rawUDPPacket,
		"0800 0000 7ffffff0 0001 00 06 0200000000010000 " + rawUDPPacket,
	}
	// address lengths 0, 4, 6, 8 and 9
	sll2Addrs := []string{
		"0800 0000 00000001 0001 04 00 0200000000010000 " + rawUDPPacket,
		"0800 0000 00000001 0001 04 04 0200000000010000 " + rawUDPPacket,
		"0800 0000 00000001 0001 04 06 0200000000010000 " + rawUDPPacket,
		"0800 0000 00000001 0001 04 08 0200000000010000 " + rawUDPPacket,
		"0800 0000 00000001 0001 04 09 0200000000010000 " + rawUDPPacket,
	}
	// a VLAN tag (100) before IPv4
	sll2VLAN := []string{
		"8100 0000 00000001 0001 00 06 0200000000010000 00640800 " + rawUDPPacket,
	}
	// EtherType 0x1234 and Linux protocol 5, with "abcd"
	sll2Unknown := []string{
		"1234 0000 00000001 0001 00 06 0200000000010000 61626364",
		"0005 0000 00000001 0001 00 06 0200000000010000 61626364",
	}
	// 10 bytes of the header; the header alone for IPv4; 10 bytes of IPv4; the header alone for IPv6
	sll2Short := []string{
		"0800 0000 00000001 0001",
		"0800 0000 00000001 0001 00 06 0200000000010000",
		"0800 0000 00000001 0001 00 06 0200000000010000 4500001e000100004011",
		"86dd 0000 00000001 0001 00 06 0200000000010000",
	}
	// address lengths 0, 4, 6 and 8, then packet type 7
	sllAddrs := []string{
		"0000 0001 0000 0200000000010000 0800 " + rawUDPPacket,
		"0000 0001 0004 0200000000010000 0800 " + rawUDPPacket,
		"0000 0001 0006 0200000000010000 0800 " + rawUDPPacket,
		"0000 0001 0008 0200000000010000 0800 " + rawUDPPacket,
		"0007 0001 0006 0200000000010000 0800 " + rawUDPPacket,
	}
	// EtherType 0x1234 and Linux protocol 5 with "abcd", then a VLAN tag
	sllUnknown := []string{
		"0000 0001 0006 0200000000010000 1234 61626364",
		"0000 0001 0006 0200000000010000 0005 61626364",
		"0000 0001 0006 0200000000010000 8100 00640800 " + rawUDPPacket,
	}
	// 10 bytes of the header; the header alone for IPv4
	sllShort := []string{
		"0000 0001 0006 02000000",
		"0000 0001 0006 0200000000010000 0800",
	}
	// IPv4, an empty IPv6, EtherType 0x1234 with "abcd", a VLAN tag
	ethTypes := []string{
		"020000000002 020000000001 0800 " + rawUDPPacket,
		"020000000002 020000000001 86dd",
		"020000000002 020000000001 1234 61626364",
		"020000000002 020000000001 8100 00640800 " + rawUDPPacket,
	}
	// EtherType 0x1234 with "abcd", then an empty IPv4
	ethUnknown := []string{
		"020000000002 020000000001 1234 61626364",
		"020000000002 020000000001 0800",
	}
	checkLineCases(t, []lineCase{
		{name: "sll2Dirs", lt: linktype.LinuxSLL2, frames: sll2Dirs, flags: []string{}, opts: decode.LineOptions{},
			want: `22:13:20.000000 lo    In  IP 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:21.000000 lo    B   IP 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:22.000000 lo    M   IP 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:23.000000 lo    P   IP 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:24.000000 lo    Out IP 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:25.000000 lo    ?   IP 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:26.000000 ?     In  IP 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
`},
		{name: "sll2Dirs -e", lt: linktype.LinuxSLL2, frames: sll2Dirs, flags: []string{"-e"}, opts: decode.LineOptions{Link: true},
			want: `22:13:20.000000 lo    In  ifindex 1 02:00:00:00:00:01 ethertype IPv4 (0x0800), length 50: 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:21.000000 lo    B   ifindex 1 02:00:00:00:00:01 ethertype IPv4 (0x0800), length 50: 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:22.000000 lo    M   ifindex 1 02:00:00:00:00:01 ethertype IPv4 (0x0800), length 50: 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:23.000000 lo    P   ifindex 1 02:00:00:00:00:01 ethertype IPv4 (0x0800), length 50: 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:24.000000 lo    Out ifindex 1 02:00:00:00:00:01 ethertype IPv4 (0x0800), length 50: 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:25.000000 lo    ?   ifindex 1 02:00:00:00:00:01 ethertype IPv4 (0x0800), length 50: 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:26.000000 ?     In  ifindex 2147483632 02:00:00:00:00:01 ethertype IPv4 (0x0800), length 50: 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
`},
		{name: "sll2Addrs -e", lt: linktype.LinuxSLL2, frames: sll2Addrs, flags: []string{"-e"}, opts: decode.LineOptions{Link: true},
			want: `22:13:20.000000 lo    Out ifindex 1 ethertype IPv4 (0x0800), length 50: 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:21.000000 lo    Out ifindex 1 ethertype IPv4 (0x0800), length 50: 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:22.000000 lo    Out ifindex 1 02:00:00:00:00:01 ethertype IPv4 (0x0800), length 50: 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:23.000000 lo    Out ifindex 1 ethertype IPv4 (0x0800), length 50: 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:24.000000 lo    Out ifindex 1 ethertype IPv4 (0x0800), length 50: 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
`},
		{name: "sll2Addrs -q -e", lt: linktype.LinuxSLL2, frames: sll2Addrs, flags: []string{"-q", "-e"}, opts: decode.LineOptions{Quiet: true, Link: true},
			want: `22:13:20.000000 lo    Out ifindex 1 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:21.000000 lo    Out ifindex 1 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:22.000000 lo    Out ifindex 1 02:00:00:00:00:01 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:23.000000 lo    Out ifindex 1 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:24.000000 lo    Out ifindex 1 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
`},
		{name: "sll2VLAN", lt: linktype.LinuxSLL2, frames: sll2VLAN, flags: []string{}, opts: decode.LineOptions{},
			want: `22:13:20.000000 lo    In  ethertype IPv4, IP 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
`},
		{name: "sll2VLAN -e", lt: linktype.LinuxSLL2, frames: sll2VLAN, flags: []string{"-e"}, opts: decode.LineOptions{Link: true},
			want: `22:13:20.000000 lo    In  ifindex 1 02:00:00:00:00:01 ethertype 802.1Q (0x8100), length 54: vlan 100, p 0, ethertype IPv4, 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
`},
		{name: "sll2VLAN -q", lt: linktype.LinuxSLL2, frames: sll2VLAN, flags: []string{"-q"}, opts: decode.LineOptions{Quiet: true},
			want: `22:13:20.000000 lo    In  IP 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
`},
		{name: "sll2VLAN -q -e", lt: linktype.LinuxSLL2, frames: sll2VLAN, flags: []string{"-q", "-e"}, opts: decode.LineOptions{Quiet: true, Link: true},
			want: `22:13:20.000000 lo    In  ifindex 1 02:00:00:00:00:01 vlan 100, p 0, 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
`},
		{name: "sll2Unknown", lt: linktype.LinuxSLL2, frames: sll2Unknown, flags: []string{}, opts: decode.LineOptions{},
			want: `22:13:20.000000 lo    In  ifindex 1 02:00:00:00:00:01 ethertype Unknown (0x1234), length 24: 
	0x0000:  6162 6364                                abcd
22:13:21.000000 lo    In  
	0x0000:  6162 6364                                abcd
`},
		{name: "sll2Unknown -e", lt: linktype.LinuxSLL2, frames: sll2Unknown, flags: []string{"-e"}, opts: decode.LineOptions{Link: true},
			want: `22:13:20.000000 lo    In  ifindex 1 02:00:00:00:00:01 ethertype Unknown (0x1234), length 24: 
	0x0000:  6162 6364                                abcd
22:13:21.000000 lo    In  ifindex 1 02:00:00:00:00:01 ethertype Unknown (0x0005), length 24: 
	0x0000:  6162 6364                                abcd
`},
		{name: "sll2Unknown -q", lt: linktype.LinuxSLL2, frames: sll2Unknown, flags: []string{"-q"}, opts: decode.LineOptions{Quiet: true},
			want: `22:13:20.000000 lo    In  ifindex 1 02:00:00:00:00:01 
22:13:21.000000 lo    In  
`},
		{name: "sll2Unknown -x", lt: linktype.LinuxSLL2, frames: sll2Unknown, flags: []string{"-x"}, opts: decode.LineOptions{Hex: decode.HexNet},
			want: `22:13:20.000000 lo    In  ifindex 1 02:00:00:00:00:01 ethertype Unknown (0x1234), length 24: 
	0x0000:  6162 6364
22:13:21.000000 lo    In  
	0x0000:  6162 6364
`},
		{name: "sll2Unknown -A", lt: linktype.LinuxSLL2, frames: sll2Unknown, flags: []string{"-A"}, opts: decode.LineOptions{Hex: decode.ASCIIOnly},
			want: `22:13:20.000000 lo    In  ifindex 1 02:00:00:00:00:01 ethertype Unknown (0x1234), length 24: 
	0x0000:  6162 6364                                abcd
abcd
22:13:21.000000 lo    In  
	0x0000:  6162 6364                                abcd
abcd
`},
		{name: "sll2Short", lt: linktype.LinuxSLL2, frames: sll2Short, flags: []string{}, opts: decode.LineOptions{},
			want: `22:13:20.000000  [|sll2]
22:13:21.000000 lo    In   [|ip]
22:13:22.000000 lo    In  IP  [|ip]
22:13:23.000000 lo    In   [|ip6]
`},
		{name: "sll2Short -x", lt: linktype.LinuxSLL2, frames: sll2Short, flags: []string{"-x"}, opts: decode.LineOptions{Hex: decode.HexNet},
			want: `22:13:20.000000  [|sll2]
	0x0000:  0800 0000 0000 0001 0001
22:13:21.000000 lo    In   [|ip]
	0x0000:  0800 0000 0000 0001 0001 0006 0200 0000
	0x0010:  0001 0000
22:13:22.000000 lo    In  IP  [|ip]
	0x0000:  4500 001e 0001 0000 4011
22:13:23.000000 lo    In   [|ip6]
`},
		{name: "sll2Short -xx", lt: linktype.LinuxSLL2, frames: sll2Short, flags: []string{"-xx"}, opts: decode.LineOptions{Hex: decode.HexLink},
			want: `22:13:20.000000  [|sll2]
	0x0000:  0800 0000 0000 0001 0001
22:13:21.000000 lo    In   [|ip]
	0x0000:  0800 0000 0000 0001 0001 0006 0200 0000
	0x0010:  0001 0000
22:13:22.000000 lo    In  IP  [|ip]
	0x0000:  0800 0000 0000 0001 0001 0006 0200 0000
	0x0010:  0001 0000 4500 001e 0001 0000 4011
22:13:23.000000 lo    In   [|ip6]
	0x0000:  86dd 0000 0000 0001 0001 0006 0200 0000
	0x0010:  0001 0000
`},
		{name: "sll2Short -A", lt: linktype.LinuxSLL2, frames: sll2Short, flags: []string{"-A"}, opts: decode.LineOptions{Hex: decode.ASCIIOnly},
			want: `22:13:20.000000  [|sll2]
..........
22:13:21.000000 lo    In   [|ip]
....................
22:13:22.000000 lo    In  IP  [|ip]
E.......@.
22:13:23.000000 lo    In   [|ip6]
`},
		{name: "sllAddrs -e", lt: linktype.LinuxSLL, frames: sllAddrs, flags: []string{"-e"}, opts: decode.LineOptions{Link: true},
			want: `22:13:20.000000  In ethertype IPv4 (0x0800), length 46: 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:21.000000  In ethertype IPv4 (0x0800), length 46: 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:22.000000  In 02:00:00:00:00:01 ethertype IPv4 (0x0800), length 46: 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:23.000000  In ethertype IPv4 (0x0800), length 46: 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:24.000000   ? 02:00:00:00:00:01 ethertype IPv4 (0x0800), length 46: 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
`},
		{name: "sllAddrs -q -e", lt: linktype.LinuxSLL, frames: sllAddrs, flags: []string{"-q", "-e"}, opts: decode.LineOptions{Quiet: true, Link: true},
			want: `22:13:20.000000  In 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:21.000000  In 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:22.000000  In 02:00:00:00:00:01 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:23.000000  In 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:24.000000   ? 02:00:00:00:00:01 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
`},
		{name: "sllUnknown", lt: linktype.LinuxSLL, frames: sllUnknown, flags: []string{}, opts: decode.LineOptions{},
			want: `22:13:20.000000  In 02:00:00:00:00:01 ethertype Unknown (0x1234), length 20: 
	0x0000:  6162 6364                                abcd
22:13:21.000000 
	0x0000:  6162 6364                                abcd
22:13:22.000000 ethertype IPv4, IP 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
`},
		{name: "sllUnknown -e", lt: linktype.LinuxSLL, frames: sllUnknown, flags: []string{"-e"}, opts: decode.LineOptions{Link: true},
			want: `22:13:20.000000  In 02:00:00:00:00:01 ethertype Unknown (0x1234), length 20: 
	0x0000:  6162 6364                                abcd
22:13:21.000000  In 02:00:00:00:00:01 ethertype Unknown (0x0005), length 20: 
	0x0000:  6162 6364                                abcd
22:13:22.000000  In 02:00:00:00:00:01 ethertype 802.1Q (0x8100), length 50: vlan 100, p 0, ethertype IPv4, 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
`},
		{name: "sllUnknown -q", lt: linktype.LinuxSLL, frames: sllUnknown, flags: []string{"-q"}, opts: decode.LineOptions{Quiet: true},
			want: `22:13:20.000000  In 02:00:00:00:00:01 
22:13:21.000000 
22:13:22.000000 IP 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
`},
		{name: "sllShort", lt: linktype.LinuxSLL, frames: sllShort, flags: []string{}, opts: decode.LineOptions{},
			want: `22:13:20.000000  [|sll]
22:13:21.000000  [|ip]
`},
		{name: "sllShort -x", lt: linktype.LinuxSLL, frames: sllShort, flags: []string{"-x"}, opts: decode.LineOptions{Hex: decode.HexNet},
			want: `22:13:20.000000  [|sll]
	0x0000:  0000 0001 0006 0200 0000
22:13:21.000000  [|ip]
	0x0000:  0000 0001 0006 0200 0000 0001 0000 0800
`},
		{name: "ethTypes -q -e", lt: linktype.Ethernet, frames: ethTypes, flags: []string{"-q", "-e"}, opts: decode.LineOptions{Quiet: true, Link: true},
			want: `22:13:20.000000 02:00:00:00:00:01 > 02:00:00:00:00:02, IPv4, length 44: 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:21.000000 02:00:00:00:00:01 > 02:00:00:00:00:02, IPv6, length 14:  [|ip6]
22:13:22.000000 02:00:00:00:00:01 > 02:00:00:00:00:02, Unknown Ethertype (0x1234), length 18: 
22:13:23.000000 02:00:00:00:00:01 > 02:00:00:00:00:02, 802.1Q, length 48: vlan 100, p 0, IPv4, 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
`},
		{name: "ethTypes -q", lt: linktype.Ethernet, frames: ethTypes, flags: []string{"-q"}, opts: decode.LineOptions{Quiet: true},
			want: `22:13:20.000000 IP 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
22:13:21.000000  [|ip6]
22:13:22.000000 02:00:00:00:00:01 > 02:00:00:00:00:02, Unknown Ethertype (0x1234), length 18: 
22:13:23.000000 IP 192.0.2.1.1234 > 192.0.2.2.5678: UDP, length 2
`},
		{name: "ethUnknown", lt: linktype.Ethernet, frames: ethUnknown, flags: []string{}, opts: decode.LineOptions{},
			want: `22:13:20.000000 02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype Unknown (0x1234), length 18: 
	0x0000:  6162 6364                                abcd
22:13:21.000000  [|ip]
`},
		{name: "ethUnknown -e", lt: linktype.Ethernet, frames: ethUnknown, flags: []string{"-e"}, opts: decode.LineOptions{Link: true},
			want: `22:13:20.000000 02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype Unknown (0x1234), length 18: 
	0x0000:  6162 6364                                abcd
22:13:21.000000 02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype IPv4 (0x0800), length 14:  [|ip]
`},
		{name: "ethUnknown -x", lt: linktype.Ethernet, frames: ethUnknown, flags: []string{"-x"}, opts: decode.LineOptions{Hex: decode.HexNet},
			want: `22:13:20.000000 02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype Unknown (0x1234), length 18: 
	0x0000:  6162 6364
22:13:21.000000  [|ip]
	0x0000:  0200 0000 0002 0200 0000 0001 0800
`},
	})
}

// TestLineSLL2NoAllocations checks that the interface name of an SLL2
// line, looked up on the host once, costs no allocation per packet.
func TestLineSLL2NoAllocations(t *testing.T) {
	d := decode.NewDecoder()
	frame := mustHex(t, "0800 0000 00000001 0001 04 06 0200000000010000 "+rawUDPPacket)
	buf := make([]byte, 0, 4096)
	for _, o := range []decode.LineOptions{{}, {Link: true}, {Quiet: true, Link: true}, {Hex: decode.HexASCIILink}} {
		p := &decode.LinePrinter{Options: o}
		f := decode.Frame{Number: 1, Length: len(frame)}
		d.Decode(frame, linktype.LinuxSLL2)
		if n := testing.AllocsPerRun(100, func() { buf = p.Append(buf[:0], d, &f) }); n != 0 {
			t.Errorf("LinePrinter%+v.Append(SLL2) allocates %v times", o, n)
		}
	}
}
