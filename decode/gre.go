package decode

// GRE is a GRE header with its optional fields: version 0 (RFC 2784 and
// RFC 2890) or version 1, the enhanced GRE of PPTP (RFC 2637):
//
//	0                   2                   4
//	+-+-+-+-+-+-----+---------+-----+---------------+
//	|C|R|K|S|s|recur|A| flags | ver | protocol type |
//	+-+-+-+-+-+-----+---------+-----+---------------+
//	| checksum, offset (C or R) | key (K) | sequence (S) | ack (v1, A) |
//
// Version 1 uses the key as payload length and call ID.
type GRE []byte

// GRE flag bits, as GRE.Flags returns them.
const (
	GREChecksum = 0x8000
	GRERouting  = 0x4000
	GREKey      = 0x2000
	GRESeq      = 0x1000
	GREStrict   = 0x0800
	GREAck      = 0x0080
)

// EtherTypes that GRE carries besides IP.
const (
	EtherTypeTEB = 0x6558 // transparent Ethernet bridging
	EtherTypePPP = 0x880b
)

// ParseGRE returns the GRE header at the start of b with its optional
// fields. Routing (the R bit, obsolete) is refused as ReasonBadOption, and
// versions other than 0 and 1 as ReasonBadVersion.
func ParseGRE(b []byte) (GRE, error) {
	if len(b) < 4 {
		return nil, ReasonTruncated
	}
	n := greHeaderLen(be16(b))
	if n < 0 {
		if be16(b)&7 > 1 {
			return nil, ReasonBadVersion
		}
		return nil, ReasonBadOption
	}
	if len(b) < n {
		return nil, ReasonTruncated
	}
	return GRE(b[:n:n]), nil
}

// greHeaderLen returns the header length that flags announce, or -1.
func greHeaderLen(flags uint16) int {
	n := 4
	switch flags & 7 {
	case 0:
		if flags&GRERouting != 0 {
			return -1
		}
		if flags&GREChecksum != 0 {
			n += 4
		}
	case 1:
		if flags&(GREChecksum|GRERouting) != 0 {
			return -1
		}
		if flags&GREAck != 0 {
			n += 4
		}
	default:
		return -1
	}
	if flags&GREKey != 0 {
		n += 4
	}
	if flags&GRESeq != 0 {
		n += 4
	}
	return n
}

// Flags returns the flags-and-version field.
func (g GRE) Flags() uint16 { return be16(g) }

// Version returns the version (0, or 1 for enhanced GRE).
func (g GRE) Version() uint8 { return uint8(g[1] & 7) }

// Protocol returns the EtherType of the payload.
func (g GRE) Protocol() uint16 { return be16(g[2:]) }

// Checksum returns the checksum and offset fields (present with C).
func (g GRE) Checksum() (sum, offset uint16, ok bool) {
	if g.Flags()&GREChecksum == 0 || g.Version() != 0 {
		return 0, 0, false
	}
	return be16(g[4:]), be16(g[6:]), true
}

func (g GRE) keyOff() int {
	if g.Version() == 0 && g.Flags()&GREChecksum != 0 {
		return 8
	}
	return 4
}

// Key returns the key (present with K); in version 1 it holds the payload
// length (high 16 bits) and the call ID (low 16 bits).
func (g GRE) Key() (uint32, bool) {
	if g.Flags()&GREKey == 0 {
		return 0, false
	}
	return be32(g[g.keyOff():]), true
}

// Seq returns the sequence number (present with S).
func (g GRE) Seq() (uint32, bool) {
	if g.Flags()&GRESeq == 0 {
		return 0, false
	}
	off := g.keyOff()
	if g.Flags()&GREKey != 0 {
		off += 4
	}
	return be32(g[off:]), true
}

// Ack returns the acknowledgment number of version 1 (present with A).
func (g GRE) Ack() (uint32, bool) {
	if g.Version() != 1 || g.Flags()&GREAck == 0 {
		return 0, false
	}
	return be32(g[len(g)-4:]), true
}

func (d *Decoder) decodeGRE(l *Layer) LayerType {
	g, err := ParseGRE(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + len(g)
	if l.Payload == l.End || (g.Version() == 1 && g.Flags()&GRESeq == 0) {
		return LayerNone
	}
	if g.Protocol() == EtherTypeTEB {
		return LayerEthernet
	}
	return etherTypeLayer(g.Protocol())
}
