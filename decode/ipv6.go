package decode

import "net/netip"

// IPv6 is the fixed IPv6 header (RFC 8200):
//
//	0       4          12                 32
//	+-------+----------+------------------+
//	|version| class    | flow label       |
//	+-------+----------+------------------+
//	| payload length   | next hdr | hops  |
//	+------------------+----------+-------+
//	| source address (16)                 |
//	| destination address (16)            |
type IPv6 []byte

const ipv6Len = 40

// ParseIPv6 returns the IPv6 fixed header at the start of b.
func ParseIPv6(b []byte) (IPv6, error) {
	if len(b) < ipv6Len {
		return nil, ReasonTruncated
	}
	if b[0]>>4 != 6 {
		return nil, ReasonBadVersion
	}
	return IPv6(b[:ipv6Len:ipv6Len]), nil
}

// TrafficClass returns the traffic class byte.
func (ip IPv6) TrafficClass() uint8 { return uint8(be16(ip[0:]) >> 4) }

// FlowLabel returns the 20-bit flow label.
func (ip IPv6) FlowLabel() uint32 { return be32(ip[0:]) & 0xfffff }

// PayloadLength returns the payload length field.
func (ip IPv6) PayloadLength() uint16 { return be16(ip[4:]) }

// NextHeader returns the next header field.
func (ip IPv6) NextHeader() uint8 { return ip[6] }

// HopLimit returns the hop limit.
func (ip IPv6) HopLimit() uint8 { return ip[7] }

// Src returns the source address.
func (ip IPv6) Src() netip.Addr { return netip.AddrFrom16([16]byte(ip[8:24])) }

// Dst returns the destination address.
func (ip IPv6) Dst() netip.Addr { return netip.AddrFrom16([16]byte(ip[24:40])) }

func (d *Decoder) decodeIPv6(l *Layer) LayerType {
	ip, err := ParseIPv6(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + ipv6Len
	if pl := int(ip.PayloadLength()); pl != 0 && l.Payload+pl < l.End {
		l.End = l.Payload + pl
	}
	return ipProtocolLayer(ip.NextHeader(), true)
}

// IPv6Ext is an IPv6 extension header in the common TLV-length format
// (hop-by-hop, routing, destination options) or the fixed 8-byte fragment
// header.
type IPv6Ext []byte

// ParseIPv6Ext returns the extension header at the start of b; fragment says
// whether it is a fragment header (whose length field is reserved).
func ParseIPv6Ext(b []byte, fragment bool) (IPv6Ext, error) {
	if len(b) < 8 {
		return nil, ReasonTruncated
	}
	n := 8
	if !fragment {
		n = (int(b[1]) + 1) * 8
	}
	if len(b) < n {
		return nil, ReasonTruncated
	}
	return IPv6Ext(b[:n:n]), nil
}

// NextHeader returns the next header field.
func (x IPv6Ext) NextHeader() uint8 { return x[0] }

// Len returns the header length in bytes.
func (x IPv6Ext) Len() int { return len(x) }

// Data returns the bytes after the next-header and length fields (options,
// routing data).
func (x IPv6Ext) Data() []byte { return x[2:] }

// RoutingType returns a routing header's type.
func (x IPv6Ext) RoutingType() uint8 { return x[2] }

// SegmentsLeft returns a routing header's segments-left field.
func (x IPv6Ext) SegmentsLeft() uint8 { return x[3] }

// FragOffset returns a fragment header's offset in 8-byte units.
func (x IPv6Ext) FragOffset() uint16 { return be16(x[2:]) >> 3 }

// MoreFragments returns a fragment header's M flag.
func (x IPv6Ext) MoreFragments() bool { return x[3]&1 != 0 }

// FragID returns a fragment header's identification.
func (x IPv6Ext) FragID() uint32 { return be32(x[4:]) }

func (d *Decoder) decodeIPv6Ext(l *Layer) LayerType {
	x, err := ParseIPv6Ext(d.bytes(l), l.Type == LayerIPv6Fragment)
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + x.Len()
	if l.Type == LayerIPv6Fragment && x.FragOffset() != 0 {
		return LayerNone
	}
	return ipProtocolLayer(x.NextHeader(), true)
}

func addr16(b []byte) netip.Addr { return netip.AddrFrom16([16]byte(b)) }
