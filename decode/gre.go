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
	switch g.Protocol() {
	case EtherTypeTEB:
		return LayerEthernet
	case greProtoERSPAN, greProtoERSPAN3:
		return LayerERSPAN
	}
	return etherTypeLayer(g.Protocol())
}

// emitGRE emits gre.flags_and_version, gre.proto and the optional
// gre.checksum, gre.offset, gre.key (key.payload_length and key.call_id in
// version 1), gre.sequence_number and gre.ack_number.
func emitGRE(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoGRE)
	if raw := d.data[l.Start:l.End]; l.Malformed != "" && len(raw) >= 4 {
		// The fixed part is there even when the rest is not.
		e.Uint(&greFields[greFlagsAndVersion], uint64(be16(raw)))
		e.Uint(&greFields[greFlagsVersion], uint64(raw[1]&7))
		e.Uint(&greFields[greProto], uint64(be16(raw[2:])))
	}
	if l.Malformed == "" {
		g := GRE(d.data[l.Start:l.Payload])
		e.Uint(&greFields[greFlagsAndVersion], uint64(g.Flags()))
		e.Uint(&greFields[greFlagsVersion], uint64(g.Version()))
		e.Uint(&greFields[greProto], uint64(g.Protocol()))
		if sum, off, ok := g.Checksum(); ok {
			e.Uint(&greFields[greChecksum], uint64(sum))
			e.Uint(&greFields[greOffset], uint64(off))
		}
		if key, ok := g.Key(); ok {
			if g.Version() == 1 {
				e.Uint(&greFields[greKeyPayloadLength], uint64(key>>16))
				e.Uint(&greFields[greKeyCallID], uint64(key&0xffff))
			} else {
				e.Uint(&greFields[greKey], uint64(key))
			}
		}
		if seq, ok := g.Seq(); ok {
			e.Uint(&greFields[greSequenceNumber], uint64(seq))
		}
		if ack, ok := g.Ack(); ok {
			e.Uint(&greFields[greAckNumber], uint64(ack))
		}
	}
	e.End()
}

const (
	greFlagsAndVersion = iota
	greFlagsVersion
	greProto
	greChecksum
	greOffset
	greKey
	greKeyPayloadLength
	greKeyCallID
	greSequenceNumber
	greAckNumber
	greFieldCount
)

var greFields = [greFieldCount]Field{
	greFlagsAndVersion:  {Name: "gre.flags_and_version", Label: "Flags and Version", Kind: KindUint, Width: 16, Base: BaseHex},
	greFlagsVersion:     {Name: "gre.flags.version", Label: "Version", Kind: KindUint, Width: 16, Mask: 0x7},
	greProto:            {Name: "gre.proto", Label: "Protocol Type", Kind: KindUint, Width: 16, Base: BaseHex},
	greChecksum:         {Name: "gre.checksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	greOffset:           {Name: "gre.offset", Label: "Offset", Kind: KindUint, Width: 16},
	greKey:              {Name: "gre.key", Label: "Key", Kind: KindUint, Width: 32, Base: BaseHex},
	greKeyPayloadLength: {Name: "gre.key.payload_length", Label: "Payload Length", Kind: KindUint, Width: 16},
	greKeyCallID:        {Name: "gre.key.call_id", Label: "Call ID", Kind: KindUint, Width: 16},
	greSequenceNumber:   {Name: "gre.sequence_number", Label: "Sequence Number", Kind: KindUint, Width: 32},
	greAckNumber:        {Name: "gre.ack_number", Label: "Acknowledgment Number", Kind: KindUint, Width: 32},
}

var protoGRE = protoField("gre", "Generic Routing Encapsulation")
