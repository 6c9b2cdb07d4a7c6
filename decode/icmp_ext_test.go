package decode_test

import (
	"encoding/binary"
	"testing"
)

// ICMP errors carrying RFC 4884 extension structures, as routers send
// them to traceroute: the corpus has one damaged example only, so these
// are generated and held to tcpdump -v and -vv.

// inetSum returns the Internet checksum of b.
func inetSum(b []byte) uint16 {
	var s uint32
	for i := 0; i < len(b); i += 2 {
		v := uint32(b[i]) << 8
		if i+1 < len(b) {
			v |= uint32(b[i+1])
		}
		s += v
	}
	for s > 0xffff {
		s = s&0xffff + s>>16
	}
	return ^uint16(s)
}

// icmpExtFrame builds an Ethernet/IPv4 ICMP error of type typ and code
// quoting a traceroute UDP probe padded to 128 bytes, with the RFC 4884
// length field set unless legacy, followed by the extension header and
// the objects (the header's checksum is right unless badSum).
func icmpExtFrame(typ, code byte, legacy, badSum bool, objs ...[]byte) []byte {
	probe := make([]byte, 8+32)
	binary.BigEndian.PutUint16(probe[0:], 44444)
	binary.BigEndian.PutUint16(probe[2:], 33435)
	binary.BigEndian.PutUint16(probe[4:], 40)
	orig := ipv4Hdr(17, 1, []byte{10, 0, 0, 1}, []byte{10, 9, 9, 9}, len(probe))
	quote := make([]byte, 128)
	copy(quote, append(orig, probe...))
	ext := []byte{0x20, 0, 0, 0}
	for _, o := range objs {
		ext = append(ext, o...)
	}
	binary.BigEndian.PutUint16(ext[2:], inetSum(ext))
	if badSum {
		ext[3] ^= 0x55
	}
	icmp := append([]byte{typ, code, 0, 0, 0, 128 / 4, 0, 0}, quote...)
	if legacy {
		icmp[5] = 0
	}
	icmp = append(icmp, ext...)
	binary.BigEndian.PutUint16(icmp[2:], inetSum(icmp))
	ip := ipv4Hdr(1, 255, []byte{10, 0, 0, 254}, []byte{10, 0, 0, 1}, len(icmp))
	eth := []byte{0, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0x11, 0x22, 0x33, 0x44, 0x66, 8, 0}
	return append(append(eth, ip...), icmp...)
}

// ipv4Hdr returns a 20-byte IPv4 header with a correct checksum.
func ipv4Hdr(proto, ttl byte, src, dst []byte, n int) []byte {
	h := []byte{0x45, 0, 0, 0, 0x12, 0x34, 0, 0, ttl, proto, 0, 0}
	binary.BigEndian.PutUint16(h[2:], uint16(20+n))
	h = append(append(h, src...), dst...)
	binary.BigEndian.PutUint16(h[10:], inetSum(h))
	return h
}

// mplsObject is an MPLS label stack object (RFC 4950) of the given
// entries (label, traffic class, TTL; the last one has S set).
func mplsObject(entries ...[3]uint32) []byte {
	o := binary.BigEndian.AppendUint16(nil, uint16(4+4*len(entries)))
	o = append(o, 1, 1)
	for k, e := range entries {
		v := e[0]<<12 | e[1]<<9 | e[2]
		if k == len(entries)-1 {
			v |= 0x100
		}
		o = binary.BigEndian.AppendUint32(o, v)
	}
	return o
}

// ifInfoObject is an interface information object (RFC 5837): the
// incoming IP interface, with its ifIndex, IPv4 address and name.
func ifInfoObject() []byte {
	data := binary.BigEndian.AppendUint32(nil, 7)
	data = append(data, 0, 1, 0, 0, 10, 0, 0, 254)
	data = append(data, 8, 'e', 't', 'h', '0', '/', '1', 0)
	o := binary.BigEndian.AppendUint16(nil, uint16(4+len(data)))
	return append(append(o, 2, 0x0e), data...)
}

func icmpExtFrames() [][]byte {
	return [][]byte{
		icmpExtFrame(11, 0, false, false, mplsObject([3]uint32{16005, 0, 1})),
		icmpExtFrame(11, 0, false, false, mplsObject([3]uint32{24001, 5, 1}, [3]uint32{16005, 0, 1})),
		icmpExtFrame(3, 3, false, false, mplsObject([3]uint32{16005, 0, 1}), ifInfoObject()),
		icmpExtFrame(11, 0, true, false, mplsObject([3]uint32{299776, 7, 254})),
		icmpExtFrame(11, 0, true, true, mplsObject([3]uint32{299776, 7, 254})),
		icmpExtFrame(11, 0, false, true, mplsObject([3]uint32{16, 0, 255})),
		icmpExtFrame(3, 1, false, false, []byte{0, 8, 9, 1, 1, 2, 3, 4}), // an unknown class, shown in hex
	}
}

// TestICMPExtensionsMatchTcpdump compares the one-liners of the generated
// ICMP errors with extensions with tcpdump's, at -v and -vv (which print
// the extensions) and by default.
func TestICMPExtensionsMatchTcpdump(t *testing.T) {
	compareFramesWithTcpdump(t, icmpExtFrames(), [][]string{{}, {"-v"}, {"-vv"}})
}

// FuzzICMPExtensions feeds ICMPv4 and ICMPv6 messages (errors with
// extension structures, RFC 4884 lengths and the generated damaged ones
// of icmpErrCases as seeds) to the decoder and every printer.
func FuzzICMPExtensions(f *testing.F) {
	for _, fr := range icmpExtFrames() {
		f.Add(fr[34:], false)
	}
	for _, c := range icmpErrCases() {
		fr, _ := c.frame()
		if c.v6 {
			f.Add(fr[54:], true)
		} else {
			f.Add(fr[34:], false)
		}
	}
	fuzzIPProto(f, func(t testing.TB, m []byte, v6 bool) []byte {
		if v6 {
			return ipFrame(make([]byte, len(m)), 58, true)[:54:54]
		}
		return ipFrame(make([]byte, len(m)), 1, false)[:34:34] // the IP length covers m
	})
}
