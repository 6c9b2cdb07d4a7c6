package decode

import "strconv"

// UDLD is a Cisco UniDirectional Link Detection PDU (RFC 5171), carried
// under SNAP with Cisco's OUI and PID 0x0111:
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	| Ver | Opcode  |     Flags     |           Checksum            |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|               List of TLVs (type, length, value)              |
//
// A TLV's length counts its 4-byte header.
type UDLD []byte

const (
	udldPID    = 0x0111
	udldHdrLen = 4
)

// ParseUDLD returns the UDLD PDU at the start of b; ReasonTruncated when
// its header or a TLV runs past b, ReasonBadLength for a TLV shorter than
// its header.
func ParseUDLD(b []byte) (UDLD, error) {
	if len(b) < udldHdrLen {
		return nil, ReasonTruncated
	}
	return UDLD(b[:len(b):len(b)]), checkTLVs16(b, udldHdrLen)
}

// Version returns the protocol version (1).
func (u UDLD) Version() uint8 { return u[0] >> 5 }

// Opcode returns the message type: 1 probe, 2 echo, 3 flush.
func (u UDLD) Opcode() uint8 { return u[0] & 0x1f }

// Flags returns the flags: 0x01 recommended timeout, 0x02 resynch.
func (u UDLD) Flags() uint8 { return u[1] }

// Checksum returns the checksum.
func (u UDLD) Checksum() uint16 { return be16(u[2:]) }

func (d *Decoder) decodeUDLD(l *Layer) LayerType {
	_, err := ParseUDLD(d.bytes(l))
	l.Payload = l.End
	if err != nil {
		l.Malformed = err.(Reason)
	}
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	udldVersion = iota
	udldOpcode
	udldFlags
	udldFlagsRT
	udldFlagsRSY
	udldChecksum
	udldTLVType
	udldTLVLen
	udldDeviceID
	udldSentThrough
	udldData
	udldFieldCount
)

var udldFields = [udldFieldCount]Field{
	udldVersion:     {Name: "udld.version", Label: "Version", Kind: KindUint, Width: 8, Mask: 0xe0},
	udldOpcode:      {Name: "udld.opcode", Label: "Opcode", Kind: KindUint, Width: 8, Mask: 0x1f},
	udldFlags:       {Name: "udld.flags", Label: "Flags", Kind: KindUint, Width: 8},
	udldFlagsRT:     {Name: "udld.flags.rt", Label: "Recommended timeout", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x1},
	udldFlagsRSY:    {Name: "udld.flags.rsy", Label: "ReSynch", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x2},
	udldChecksum:    {Name: "udld.checksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	udldTLVType:     {Name: "udld.tlv.type", Label: "Type", Kind: KindUint, Width: 16, Base: BaseHex},
	udldTLVLen:      {Name: "udld.tlv.len", Label: "Length", Kind: KindUint, Width: 16},
	udldDeviceID:    {Name: "udld.device_id", Label: "Device ID", Kind: KindString},
	udldSentThrough: {Name: "udld.sent_through_interface", Label: "Sent through Interface", Kind: KindString},
	udldData:        {Name: "udld.data", Label: "Data", Kind: KindBytes},
}

var protoUDLD = protoField("udld", "Unidirectional Link Detection")

// emitUDLD emits the header's fields and each TLV's, in the order and
// nesting of tshark's tree, which is drawn from them (treefields.go).
// tshark's tree stops at the first TLV of a type it does not name.
func emitUDLD(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoUDLD)
	u := UDLD(d.data[l.Start:l.End])
	if len(u) < udldHdrLen {
		e.NoTree()
		e.End()
		return
	}
	f := &udldFields
	e.Uint(&f[udldVersion], uint64(u.Version()))
	e.Uint(&f[udldOpcode], uint64(u.Opcode()))
	e.Uint(&f[udldFlags], uint64(u.Flags()))
	e.Sub()
	e.Uint(&f[udldFlagsRT], uint64(u.Flags()&1))
	e.Uint(&f[udldFlagsRSY], uint64(u.Flags()>>1&1))
	e.Up()
	e.Uint(&f[udldChecksum], uint64(u.Checksum()))
	drawn := true
	eachTLV16(u, udldHdrLen, func(typ uint16, n int, v []byte) {
		name := f[udldTLVType].ValueNames().Name(uint64(typ))
		drawn = drawn && name != ""
		if drawn && e.Tree() {
			b := e.Text()
			switch typ {
			case 1:
				b = appendTreeText(append(b, "Device ID: "...), lldpString(v))
			case 2:
				b = appendTreeText(append(b, "Port ID: "...), lldpString(v))
			default:
				b = append(append(append(b, "Type: "...), name...), ", length: "...)
				b = strconv.AppendInt(b, int64(n), 10)
			}
			e.Line(b)
		}
		e.Sub()
		e.Uint(&f[udldTLVType], uint64(typ))
		if !drawn {
			e.NoTree()
		}
		e.Uint(&f[udldTLVLen], uint64(n))
		if !drawn {
			e.NoTree()
		}
		switch typ {
		case 1:
			e.Bytes(&f[udldDeviceID], lldpString(v))
		case 2:
			e.Bytes(&f[udldSentThrough], v)
			if e.Tree() {
				e.SetRepr(appendTreeText(append(e.Text(), "Sent through Interface: "...), lldpString(v)))
			}
		default:
			e.Bytes(&f[udldData], v)
		}
		if !drawn || len(v) == 0 && typ > 2 {
			e.NoTree()
		}
		e.Up()
	})
	e.End()
}

// infoUDLD appends tshark's Info: "Device ID: FOC1031Z7JG  Port ID: Gi0/1  ".
func infoUDLD(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	u := UDLD(d.data[l.Start:l.End])
	if len(u) < udldHdrLen {
		return b
	}
	eachTLV16(u, udldHdrLen, func(typ uint16, n int, v []byte) {
		switch typ {
		case 1:
			b = append(b, "Device ID: "...)
		case 2:
			b = append(b, "Port ID: "...)
		default:
			return
		}
		b = appendTreeText(b, lldpString(v))
		b = append(b, "  "...)
	})
	return b
}

// lineUDLD appends tcpdump's "UDLDv1, Code Probe message (1), Flags [RT,
// RSY] (0x03), length 60", with -v the checksum and each TLV.
func (p *LinePrinter) lineUDLD(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	u := d.data[l.Start:l.End]
	length := p.llcPayloadLen(d, i)
	if length < udldHdrLen {
		return append(b, " (invalid)"...)
	}
	if len(u) < 2 {
		return append(b, " [|udld]"...)
	}
	b = append(b, "UDLDv"...)
	b = strconv.AppendUint(b, uint64(u[0]>>5), 10)
	b = append(b, ", Code "...)
	switch op := u[0] & 0x1f; op {
	case 1:
		b = append(b, "Probe message"...)
	case 2:
		b = append(b, "Echo message"...)
	case 3:
		b = append(b, "Flush message"...)
	default:
		b = append(b, "Reserved"...)
	}
	b = append(b, " ("...)
	b = strconv.AppendUint(b, uint64(u[0]&0x1f), 16)
	b = append(b, "), Flags ["...)
	n := len(b)
	for k, name := range [...]string{"RT", "RSY", "MBZ-2", "MBZ-3", "MBZ-4", "MBZ-5", "MBZ-6", "MBZ-7"} {
		if u[1]&(1<<k) != 0 {
			if len(b) > n {
				b = append(b, ", "...)
			}
			b = append(b, name...)
		}
	}
	if len(b) == n {
		b = append(b, "none"...)
	}
	b = append(b, "] (0x"...)
	b = appendHex2(b, u[1])
	b = append(b, "), length "...)
	b = strconv.AppendInt(b, int64(length), 10)
	if p.Options.Verbose == 0 {
		if len(u) < length {
			return append(b, " [|udld]"...)
		}
		return b
	}
	if len(u) < 4 {
		return append(b, " [|udld]"...)
	}
	b = append(b, "\n\tChecksum 0x"...)
	b = appendHex4(b, be16(u[2:]))
	b = append(b, " (unverified)"...)
	left := length - 4
	for off := 4; left > 0; {
		if left < 4 {
			return append(b, " (invalid)"...)
		}
		if off+4 > len(u) {
			return append(b, " [|udld]"...)
		}
		typ, n := be16(u[off:]), int(be16(u[off+2:]))
		off += 4
		left -= 4
		b = append(b, "\n\t"...)
		if name := [...]string{1: "Device-ID TLV", 2: "Port-ID TLV", 3: "Echo TLV", 4: "Message Interval TLV",
			5: "Timeout Interval TLV", 6: "Device Name TLV", 7: "Sequence Number TLV"}; typ >= 1 && typ <= 7 {
			b = append(b, name[typ]...)
		} else {
			b = append(b, "Unknown"...)
		}
		b = append(b, " (0x"...)
		b = appendHex4(b, typ)
		b = append(b, ") TLV, length "...)
		b = strconv.AppendInt(b, int64(n), 10)
		if n <= 4 {
			return append(b, " (invalid)"...)
		}
		n -= 4
		if left < n {
			return append(b, " (invalid)"...)
		}
		if off+n > len(u) {
			return append(b, " [|udld]"...)
		}
		v := u[off : off+n]
		switch typ {
		case 1, 2, 6:
			b = append(b, ", "...)
			b = appendPrintable(b, lldpString(v))
		case 3:
			b = append(b, ", "...)
			b = appendPrintable(b, v)
		case 4, 5:
			if n != 1 {
				return append(b, " (invalid)"...)
			}
			b = append(b, ", "...)
			b = strconv.AppendUint(b, uint64(v[0]), 10)
			b = append(b, 's')
		case 7:
			if n != 4 {
				return append(b, " (invalid)"...)
			}
			b = append(b, ", "...)
			b = strconv.AppendUint(b, uint64(be32(v)), 10)
		}
		off += n
		left -= n
	}
	return b
}
