package decode

// UDP is a UDP header (RFC 768): source port, destination port, length and
// checksum, 2 bytes each.
type UDP []byte

const udpLen = 8

// ParseUDP returns the UDP header at the start of b.
func ParseUDP(b []byte) (UDP, error) {
	if len(b) < udpLen {
		return nil, ReasonTruncated
	}
	return UDP(b[:udpLen:udpLen]), nil
}

// SrcPort returns the source port.
func (u UDP) SrcPort() uint16 { return be16(u[0:]) }

// DstPort returns the destination port.
func (u UDP) DstPort() uint16 { return be16(u[2:]) }

// Length returns the length field (header and data).
func (u UDP) Length() uint16 { return be16(u[4:]) }

// Checksum returns the checksum field.
func (u UDP) Checksum() uint16 { return be16(u[6:]) }

func (d *Decoder) decodeUDP(l *Layer) LayerType {
	u, err := ParseUDP(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + udpLen
	n := int(u.Length())
	if n < udpLen && !l.Quoted {
		l.Malformed = ReasonBadLength
		return LayerNone
	}
	if l.Start+n < l.End {
		l.End = l.Start + n
	}
	if l.Quoted || l.Payload == l.End {
		return LayerNone
	}
	return d.Ports.Lookup(TransportUDP, u.SrcPort(), u.DstPort())
}
