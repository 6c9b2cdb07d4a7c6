package main

import (
	"encoding/binary"
	"net/netip"
	"time"

	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// The sample capture of testdata/read is built here, byte by byte, so the
// project owns it: a small conversation over the protocols rawcap decodes,
// with correct checksums, plus one packet cut short by the snapshot length.

var (
	macA = []byte{0x02, 0x00, 0x00, 0x00, 0x00, 0x0a}
	macB = []byte{0x02, 0x00, 0x00, 0x00, 0x00, 0x0b}
	macF = []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
	ip4A = netip.MustParseAddr("10.200.0.1")
	ip4B = netip.MustParseAddr("10.200.0.2")
	ip6A = netip.MustParseAddr("fd00::1")
	ip6B = netip.MustParseAddr("fd00::2")
)

func be16(b []byte, v uint16) []byte { return binary.BigEndian.AppendUint16(b, v) }
func be32(b []byte, v uint32) []byte { return binary.BigEndian.AppendUint32(b, v) }

func cat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func csum(s uint32, b []byte) uint32 {
	for len(b) >= 2 {
		s += uint32(b[0])<<8 | uint32(b[1])
		b = b[2:]
	}
	if len(b) == 1 {
		s += uint32(b[0]) << 8
	}
	return s
}

func fold(s uint32) uint16 {
	for s > 0xffff {
		s = s>>16 + s&0xffff
	}
	return ^uint16(s)
}

func ether(dst, src []byte, et uint16, payload []byte) []byte {
	return cat(dst, src, be16(nil, et), payload)
}

func vlanTag(id uint16, et uint16, payload []byte) []byte {
	return cat(be16(nil, 3<<13|id), be16(nil, et), payload)
}

func ipv4(src, dst netip.Addr, proto uint8, id uint16, payload []byte) []byte {
	h := []byte{0x45, 0}
	h = be16(h, uint16(20+len(payload)))
	h = be16(h, id)
	h = be16(h, 0x4000)
	h = append(h, 64, proto, 0, 0)
	a, b := src.As4(), dst.As4()
	h = append(append(h, a[:]...), b[:]...)
	binary.BigEndian.PutUint16(h[10:], fold(csum(0, h)))
	return cat(h, payload)
}

func ipv6(src, dst netip.Addr, next uint8, payload []byte) []byte {
	h := be32(nil, 6<<28|0x12345)
	h = be16(h, uint16(len(payload)))
	h = append(h, next, 64)
	a, b := src.As16(), dst.As16()
	return cat(h, a[:], b[:], payload)
}

// l4 fills in a TCP, UDP or ICMPv6 checksum at offset off of seg.
func l4(src, dst netip.Addr, proto uint8, seg []byte, off int) []byte {
	var s uint32
	s = csum(s, src.AsSlice())
	s = csum(s, dst.AsSlice())
	s += uint32(proto) + uint32(len(seg))
	binary.BigEndian.PutUint16(seg[off:], fold(csum(s, seg)))
	return seg
}

func tcp(src, dst netip.Addr, sp, dp uint16, seq, ack uint32, flags uint8, opts, payload []byte) []byte {
	h := be16(nil, sp)
	h = be16(h, dp)
	h = be32(h, seq)
	h = be32(h, ack)
	h = append(h, byte((20+len(opts))/4)<<4, flags)
	h = be16(h, 64240)
	h = append(h, 0, 0, 0, 0)
	seg := cat(h, opts, payload)
	proto := uint8(6)
	return l4(src, dst, proto, seg, 16)
}

func udp(src, dst netip.Addr, sp, dp uint16, payload []byte) []byte {
	h := be16(nil, sp)
	h = be16(h, dp)
	h = be16(h, uint16(8+len(payload)))
	h = append(h, 0, 0)
	return l4(src, dst, 17, cat(h, payload), 6)
}

func icmp4(typ, code uint8, rest uint32, body []byte) []byte {
	m := []byte{typ, code, 0, 0}
	m = be32(m, rest)
	m = cat(m, body)
	binary.BigEndian.PutUint16(m[2:], fold(csum(0, m)))
	return m
}

func icmp6(src, dst netip.Addr, typ, code uint8, body []byte) []byte {
	return l4(src, dst, 58, cat([]byte{typ, code, 0, 0}, body), 2)
}

func arp(op uint16, sha []byte, spa netip.Addr, tha []byte, tpa netip.Addr) []byte {
	m := []byte{0, 1, 8, 0, 6, 4}
	m = be16(m, op)
	a, b := spa.As4(), tpa.As4()
	return cat(m, sha, a[:], tha, b[:])
}

func pad60(b []byte) []byte {
	for len(b) < 60 {
		b = append(b, 0)
	}
	return b
}

// samplePackets returns the packets of testdata/read/sample.pcap.
func samplePackets() []pcapio.Packet {
	synOpts := []byte{2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7}
	tsOpts := func(v, e uint32) []byte { return cat([]byte{1, 1, 8, 10}, be32(nil, v), be32(nil, e)) }
	sack := cat([]byte{1, 1, 5, 10}, be32(nil, 1001+100), be32(nil, 1001+200))
	hello := []byte("hello, rawcap\n")
	udpQ := udp(ip4A, ip4B, 40000, 5001, []byte("ping"))
	quoted := ipv4(ip4A, ip4B, 17, 7, udpQ)
	ns := cat(make([]byte, 4), ip6B.AsSlice(), []byte{1, 1}, macA)
	frames := [][]byte{
		pad60(ether(macF, macA, 0x0806, arp(1, macA, ip4A, make([]byte, 6), ip4B))),
		pad60(ether(macA, macB, 0x0806, arp(2, macB, ip4B, macA, ip4A))),
		ether(macB, macA, 0x0800, ipv4(ip4A, ip4B, 6, 1, tcp(ip4A, ip4B, 40000, 12345, 1000, 0, 0x02, synOpts, nil))),
		ether(macA, macB, 0x0800, ipv4(ip4B, ip4A, 6, 2, tcp(ip4B, ip4A, 12345, 40000, 5000, 1001, 0x12, synOpts, nil))),
		ether(macB, macA, 0x0800, ipv4(ip4A, ip4B, 6, 3, tcp(ip4A, ip4B, 40000, 12345, 1001, 5001, 0x10, tsOpts(2, 1), nil))),
		ether(macB, macA, 0x0800, ipv4(ip4A, ip4B, 6, 4, tcp(ip4A, ip4B, 40000, 12345, 1001, 5001, 0x18, tsOpts(3, 1), hello))),
		ether(macA, macB, 0x0800, ipv4(ip4B, ip4A, 6, 5, tcp(ip4B, ip4A, 12345, 40000, 5001, 1001+uint32(len(hello)), 0x10, sack, nil))),
		ether(macB, macA, 0x0800, ipv4(ip4A, ip4B, 17, 6, udpQ)),
		ether(macA, macB, 0x0800, ipv4(ip4B, ip4A, 1, 8, icmp4(3, 3, 0, quoted))),
		ether(macB, macA, 0x0800, ipv4(ip4A, ip4B, 1, 9, icmp4(8, 0, 0x00010001, []byte("abcdefgh")))),
		ether(macA, macB, 0x0800, ipv4(ip4B, ip4A, 1, 10, icmp4(0, 0, 0x00010001, []byte("abcdefgh")))),
		ether(macB, macA, 0x8100, vlanTag(100, 0x0800, ipv4(ip4A, ip4B, 17, 11, udp(ip4A, ip4B, 40001, 5002, []byte("vlan"))))),
		ether(macF, macA, 0x86dd, ipv6(ip6A, ip6B, 58, icmp6(ip6A, ip6B, 135, 0, ns))),
		ether(macB, macA, 0x86dd, ipv6(ip6A, ip6B, 58, icmp6(ip6A, ip6B, 128, 0, []byte{0, 7, 0, 1, 'x', 'y'}))),
		ether(macB, macA, 0x86dd, ipv6(ip6A, ip6B, 6, tcp(ip6A, ip6B, 40002, 8443, 77, 0, 0x02, synOpts, nil))),
		ether(macB, macA, 0x0800, ipv4(ip4A, ip4B, 6, 12, tcp(ip4A, ip4B, 40000, 12345, 1001+uint32(len(hello)), 5001, 0x11, nil, nil))),
	}
	// The last packet is cut by a 50-byte snapshot length inside its TCP header.
	cut := ether(macA, macB, 0x0800, ipv4(ip4B, ip4A, 6, 13, tcp(ip4B, ip4A, 12345, 40000, 5001, 1002+uint32(len(hello)), 0x11, nil, nil)))
	base := time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)
	var pkts []pcapio.Packet
	for i, f := range frames {
		pkts = append(pkts, pcapio.Packet{Data: f, Length: len(f), Time: base.Add(time.Duration(i) * 1500 * time.Microsecond), HasTime: true, LinkType: linktype.Ethernet})
	}
	pkts = append(pkts, pcapio.Packet{Data: cut[:50], Length: len(cut), Time: base.Add(time.Second), HasTime: true, LinkType: linktype.Ethernet})
	return pkts
}
