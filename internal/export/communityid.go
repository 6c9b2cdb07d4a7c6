package export

import (
	"bytes"
	"crypto/sha1"
	"encoding/base64"
	"encoding/binary"
	"net/netip"
)

// This file computes the Community ID of a flow, version 1, as Corelight's
// community-id-spec publishes it, so that the flows table joins with Zeek's
// and Suricata's logs: "1:" and the base64 of the SHA-1 of the seed (two
// bytes, big-endian), the source and destination addresses, the IP
// protocol, a zero byte and, for TCP, UDP, SCTP, ICMP and ICMPv6, the
// source and destination ports, the endpoints ordered so that both
// directions give the same ID. ICMP types stand for ports: a request type
// and its reply type are each other's ports, so an echo and its reply share
// an ID; other ICMP messages are one-way (type and code, not reordered).

// IP protocol numbers.
const (
	protoICMP   = 1
	protoTCP    = 6
	protoUDP    = 17
	protoICMPv6 = 58
	protoSCTP   = 132
)

// icmpPairs and icmpv6Pairs map a request type to its reply type and back,
// as the spec lists them.
var icmpPairs = map[uint16]uint16{
	8: 0, 0: 8, // echo
	13: 14, 14: 13, // timestamp
	15: 16, 16: 15, // information
	10: 9, 9: 10, // router solicitation, advertisement
	17: 18, 18: 17, // address mask
}

var icmpv6Pairs = map[uint16]uint16{
	128: 129, 129: 128, // echo
	133: 134, 134: 133, // router solicitation, advertisement
	135: 136, 136: 135, // neighbor solicitation, advertisement
	130: 131, 131: 130, // multicast listener query, report
	144: 145, 145: 144, // home agent address discovery
}

// icmpPorts returns the ports the spec gives an ICMP message of type and
// code, and whether the message is one-way.
func icmpPorts(proto uint8, typ, code uint16) (sport, dport uint16, oneWay bool) {
	pairs := icmpPairs
	if proto == protoICMPv6 {
		pairs = icmpv6Pairs
	}
	if r, ok := pairs[typ]; ok {
		return typ, r, false
	}
	return typ, code, true
}

// hasPorts reports whether the spec hashes ports for proto.
func hasPorts(proto uint8) bool {
	switch proto {
	case protoTCP, protoUDP, protoSCTP, protoICMP, protoICMPv6:
		return true
	}
	return false
}

// CommunityID returns the version 1 Community ID of a packet's flow with
// the given seed: src and dst addresses (both IPv4 or both IPv6), the IP
// protocol and the ports (for ICMP and ICMPv6: the type and the code).
func CommunityID(seed uint16, src, dst netip.Addr, proto uint8, sport, dport uint16) string {
	oneWay := false
	if proto == protoICMP || proto == protoICMPv6 {
		sport, dport, oneWay = icmpPorts(proto, sport, dport)
	}
	s, d := src.AsSlice(), dst.AsSlice()
	if !oneWay {
		c := bytes.Compare(s, d)
		if c > 0 || c == 0 && hasPorts(proto) && sport > dport {
			s, d = d, s
			sport, dport = dport, sport
		}
	}
	var buf [2 + 16 + 16 + 2 + 4]byte
	b := binary.BigEndian.AppendUint16(buf[:0], seed)
	b = append(b, s...)
	b = append(b, d...)
	b = append(b, proto, 0)
	if hasPorts(proto) {
		b = binary.BigEndian.AppendUint16(b, sport)
		b = binary.BigEndian.AppendUint16(b, dport)
	}
	sum := sha1.Sum(b)
	return "1:" + base64.StdEncoding.EncodeToString(sum[:])
}
