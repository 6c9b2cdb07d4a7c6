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
	case greProtoNHRP:
		return LayerNHRP
	}
	return etherTypeLayer(g.Protocol())
}

// emitGRE emits gre.flags_and_version with its bits, gre.proto and the
// optional gre.checksum (and its status), gre.offset, gre.key
// (key.payload_length and key.call_id in version 1), gre.sequence_number
// and gre.ack_number, nested and worded as tshark's tree shows them.
func emitGRE(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoGRE)
	raw := d.data[l.Start:l.End]
	if len(raw) < 4 {
		e.End()
		return
	}
	f := &greFields
	flags, proto := be16(raw), be16(raw[2:])
	if e.Tree() {
		b := append(e.Text(), "Generic Routing Encapsulation ("...)
		if name := f[greProto].ValueNames().Name(uint64(proto)); name != "" {
			b = append(b, name...)
		} else {
			b = append(b, "0x"...)
			b = appendHex4(b, proto)
			b = append(b, " - unknown"...)
		}
		e.SetRepr(append(b, ')'))
	}
	w := uint64(flags)
	e.Uint(&f[greFlagsAndVersion], w)
	e.Sub()
	e.BoolBits(&f[greFlagsChecksum], w)
	e.BoolBits(&f[greFlagsRouting], w)
	e.BoolBits(&f[greFlagsKey], w)
	e.BoolBits(&f[greFlagsSeq], w)
	e.BoolBits(&f[greFlagsStrict], w)
	e.UintBits(&f[greFlagsRecursion], w)
	if proto == EtherTypePPP { // tshark's test for enhanced GRE's fields
		e.BoolBits(&f[greFlagsAck], w)
		// Enhanced GRE's reserved bits leave room for the A bit.
		e.Uint(&f[greFlagsReserved], w>>3&15)
		if e.Tree() {
			b := appendBitDrawing(e.Text(), w, 16, 0x0078)
			b = append(b, " = Flags (Reserved): "...)
			e.SetRepr(appendUint(b, w>>3&15))
		}
	} else {
		e.UintBits(&f[greFlagsReserved], w)
	}
	e.UintBits(&f[greFlagsVersion], w)
	e.Up()
	e.Uint(&f[greProto], uint64(proto))
	if l.Malformed == "" {
		g := GRE(d.data[l.Start:l.Payload])
		if sum, off, ok := g.Checksum(); ok {
			e.Uint(&f[greChecksum], uint64(sum))
			st, c := greCheck(d, i)
			if e.Tree() {
				b := appendHex4(append(e.Text(), "Checksum: 0x"...), sum)
				switch st {
				case 0:
					should := shouldBe(sum, c)
					e.SetRepr(appendHex4(append(b, " incorrect, should be 0x"...), should))
					var arg [5]byte
					e.Sub()
					e.ExpertLine("Warning", "Protocol", "Incorrect GRE Checksum [should be 0x", append(appendHex4(arg[:0], should), ']'))
					e.Up()
				case 1:
					e.SetRepr(append(b, " [correct]"...))
				default:
					e.SetRepr(append(b, " [unverified]"...))
				}
			}
			e.Uint(&f[greChecksumStatus], uint64(st))
			if e.Tree() {
				// Drawn as a name alone (BASE_NONE).
				e.SetRepr(append(append(e.Text(), "Checksum Status: "...), f[greChecksumStatus].ValueNames().Name(uint64(st))...))
			}
			e.Uint(&f[greOffset], uint64(off))
		}
		if key, ok := g.Key(); ok {
			if g.Version() == 1 {
				e.Uint(&f[greKeyPayloadLength], uint64(key>>16))
				e.Uint(&f[greKeyCallID], uint64(key&0xffff))
			} else {
				e.Uint(&f[greKey], uint64(key))
			}
		}
		if seq, ok := g.Seq(); ok {
			e.Uint(&f[greSequenceNumber], uint64(seq))
		}
		if ack, ok := g.Ack(); ok {
			e.Uint(&f[greAckNumber], uint64(ack))
		}
	}
	e.End()
}

// greCheck verifies the checksum of GRE layer i over its header and
// payload: status 0 bad (sum what the check added up to), 1 good, 2
// unverified (the IPv4 packet was not captured whole).
func greCheck(d *Decoder, i int) (status int, sum uint16) {
	l := &d.layers[i]
	if i > 0 && d.layers[i-1].Type == LayerIPv4 {
		ip := &d.layers[i-1]
		if int(IPv4(d.data[ip.Start:ip.Payload]).TotalLength()) != l.End-ip.Start {
			return 2, 0
		}
	}
	if c := ^checksumFold(checksumAdd(0, d.data[l.Start:l.End])); c != 0 {
		return 0, c
	}
	return 1, 0
}

const (
	greFlagsAndVersion = iota
	greFlagsChecksum
	greFlagsRouting
	greFlagsKey
	greFlagsSeq
	greFlagsStrict
	greFlagsRecursion
	greFlagsAck
	greFlagsReserved
	greFlagsVersion
	greProto
	greChecksum
	greChecksumStatus
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
	greFlagsChecksum:    {Name: "gre.flags.checksum", Label: "Checksum Bit", Kind: KindBool, Width: 16, Mask: GREChecksum},
	greFlagsRouting:     {Name: "gre.flags.routing", Label: "Routing Bit", Kind: KindBool, Width: 16, Mask: GRERouting},
	greFlagsKey:         {Name: "gre.flags.key", Label: "Key Bit", Kind: KindBool, Width: 16, Mask: GREKey},
	greFlagsSeq:         {Name: "gre.flags.sequence_number", Label: "Sequence Number Bit", Kind: KindBool, Width: 16, Mask: GRESeq},
	greFlagsStrict:      {Name: "gre.flags.strict_source_route", Label: "Strict Source Route Bit", Kind: KindBool, Width: 16, Mask: GREStrict},
	greFlagsRecursion:   {Name: "gre.flags.recursion_control", Label: "Recursion control", Kind: KindUint, Width: 16, Mask: 0x0700},
	greFlagsAck:         {Name: "gre.flags.ack", Label: "Acknowledgment", Kind: KindBool, Width: 16, Mask: GREAck},
	greFlagsReserved:    {Name: "gre.flags.reserved", Label: "Flags (Reserved)", Kind: KindUint, Width: 16, Mask: 0x00f8},
	greFlagsVersion:     {Name: "gre.flags.version", Label: "Version", Kind: KindUint, Width: 16, Mask: 0x7},
	greProto:            {Name: "gre.proto", Label: "Protocol Type", Kind: KindUint, Width: 16, Base: BaseHex},
	greChecksum:         {Name: "gre.checksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	greChecksumStatus:   {Name: "gre.checksum.status", Label: "Checksum Status", Kind: KindUint, Width: 8, Generated: true},
	greOffset:           {Name: "gre.offset", Label: "Offset", Kind: KindUint, Width: 16},
	greKey:              {Name: "gre.key", Label: "Key", Kind: KindUint, Width: 32, Base: BaseHex},
	greKeyPayloadLength: {Name: "gre.key.payload_length", Label: "Payload Length", Kind: KindUint, Width: 16},
	greKeyCallID:        {Name: "gre.key.call_id", Label: "Call ID", Kind: KindUint, Width: 16},
	greSequenceNumber:   {Name: "gre.sequence_number", Label: "Sequence Number", Kind: KindUint, Width: 32},
	greAckNumber:        {Name: "gre.ack_number", Label: "Acknowledgment Number", Kind: KindUint, Width: 32},
}

var protoGRE = protoField("gre", "Generic Routing Encapsulation")

// infoGRE appends the Info column of a GRE header that is the packet's
// innermost layer (its payload empty or a protocol rawcap does not decode):
// tshark's "Encapsulated IP", or "Encapsulated 0x88B5 (unknown)" for a
// protocol type without a name.
func infoGRE(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" || l.End-l.Start < 4 {
		return b
	}
	proto := be16(d.data[l.Start+2:])
	b = append(b, "Encapsulated "...)
	if name := greFields[greProto].ValueNames().Name(uint64(proto)); name != "" {
		return append(b, name...)
	}
	b = append(b, "0x"...)
	b = append(b, upperHex[proto>>12], upperHex[proto>>8&15], upperHex[proto>>4&15], upperHex[proto&15])
	return append(b, " (unknown)"...)
}
