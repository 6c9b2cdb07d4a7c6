package decode

import "strconv"

// DTP is a Cisco Dynamic Trunking Protocol PDU, carried under SNAP with
// Cisco's OUI and PID 0x2004: a version byte, then TLVs whose 16-bit
// length counts their 4-byte header.
//
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|    Version    |   Type (16)                   |  Length (16)  …
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	…               |   Value (Length - 4 bytes) …
//
// Types: 1 domain (a NUL-terminated string), 2 trunk status (one byte),
// 3 trunk type (one byte), 4 sender ID (a MAC address).
type DTP []byte

const (
	dtpPID = 0x2004

	dtpDomain   = 1
	dtpStatus   = 2
	dtpType     = 3
	dtpSenderID = 4
)

// dtpStop is why tshark's walk of a PDU's TLVs stops before its end.
type dtpStop uint8

const (
	dtpStopNone     dtpStop = iota
	dtpStopTrunc            // fewer than 4 bytes left: the truncated item
	dtpStopPastEnd          // a TLV past the end: an exception
	dtpStopShort            // a length below 5: the too-short item
	dtpStopInvalid          // a length wrong for the type: the invalid item
	dtpStopDataSize         // an unknown TLV whose value is no MAC address: an exception
)

// ParseDTP returns the DTP PDU at the start of b; ReasonTruncated when it
// is empty or a TLV runs past b (tshark's exception). The other damage
// tshark reports inside its tree (a length too short or wrong for the
// type, a TLV header cut short) is no error: the walk stops there.
func ParseDTP(b []byte) (DTP, error) {
	if len(b) < 1 {
		return nil, ReasonTruncated
	}
	p := DTP(b[:len(b):len(b)])
	if _, stop := p.walk(nil); stop == dtpStopPastEnd {
		return p, ReasonTruncated
	}
	return p, nil
}

// Version returns the version byte.
func (p DTP) Version() uint8 { return p[0] }

// walk calls fn (when not nil) for each TLV tshark decodes whole, in
// order, and returns the offset where it stopped and why: tshark's walk,
// which stops at the first TLV it cannot decode.
func (p DTP) walk(fn func(typ uint16, v []byte)) (off int, stop dtpStop) {
	for off = 1; off < len(p); {
		if len(p)-off < 4 {
			return off, dtpStopTrunc
		}
		typ, n := be16(p[off:]), int(be16(p[off+2:]))
		if stop := dtpCheck(typ, n, len(p)-off); stop != dtpStopNone {
			return off, stop
		}
		if fn != nil {
			fn(typ, p[off+4:off+n])
		}
		off += n
	}
	return off, dtpStopNone
}

// dtpCheck returns why a TLV of type typ and length n, with left bytes
// from its start, stops tshark's walk (dtpStopNone when it does not).
func dtpCheck(typ uint16, n, left int) dtpStop {
	switch {
	case n > left:
		return dtpStopPastEnd
	case n < 5:
		return dtpStopShort
	}
	switch typ {
	case dtpDomain:
	case dtpStatus, dtpType:
		if n != 5 {
			return dtpStopInvalid
		}
	case dtpSenderID:
		if n != 10 {
			return dtpStopInvalid
		}
	default:
		if n != 10 {
			return dtpStopDataSize
		}
	}
	return dtpStopNone
}

func (d *Decoder) decodeDTP(l *Layer) LayerType {
	_, err := ParseDTP(d.bytes(l))
	l.Payload = l.End
	if err != nil {
		l.Malformed = err.(Reason)
	}
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	dtpFVersion = iota
	dtpFDomain
	dtpFTLVType
	dtpFTLVLen
	dtpFTOS
	dtpFTAS
	dtpFTOT
	dtpFTAT
	dtpFSenderID
	dtpFData
	dtpFLenTooShort
	dtpFLenInvalid
	dtpFTruncated
	dtpFieldCount
)

var dtpFields = [dtpFieldCount]Field{
	dtpFVersion:     {Name: "dtp.version", Label: "Version", Kind: KindUint, Width: 8},
	dtpFDomain:      {Name: "dtp.domain", Label: "Domain", Kind: KindString},
	dtpFTLVType:     {Name: "dtp.tlv_type", Label: "Type", Kind: KindUint, Width: 16, Base: BaseHex},
	dtpFTLVLen:      {Name: "dtp.tlv_len", Label: "Length", Kind: KindUint, Width: 16},
	dtpFTOS:         {Name: "dtp.tos", Label: "Trunk Operating Status", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x80},
	dtpFTAS:         {Name: "dtp.tas", Label: "Trunk Administrative Status", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x07},
	dtpFTOT:         {Name: "dtp.tot", Label: "Trunk Operating Type", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xe0},
	dtpFTAT:         {Name: "dtp.tat", Label: "Trunk Administrative Type", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x07},
	dtpFSenderID:    {Name: "dtp.senderid", Label: "Sender ID", Kind: KindMAC},
	dtpFData:        {Name: "dtp.data", Label: "Data", Kind: KindMAC},
	dtpFLenTooShort: {Name: "dtp.tlv_len.too_short", Label: "Indicated length is less than the minimum length", Kind: KindNone},
	dtpFLenInvalid:  {Name: "dtp.tlv_len.invalid", Label: "Indicated length does not correspond to this record type", Kind: KindNone},
	dtpFTruncated:   {Name: "dtp.truncated", Label: "DTP message is truncated prematurely", Kind: KindNone},
}

var protoDTP = protoField("dtp", "Dynamic Trunk Protocol")

// dtpTLVTitle appends the title line tshark draws over a TLV: its type's
// name, or "Unknown TLV type: 0x5".
func dtpTLVTitle(b []byte, typ uint16) []byte {
	switch typ {
	case dtpDomain:
		return append(b, "Domain"...)
	case dtpStatus:
		return append(b, "Trunk Status"...)
	case dtpType:
		return append(b, "Trunk Type"...)
	case dtpSenderID:
		return append(b, "Sender ID"...)
	}
	b = append(b, "Unknown TLV type: 0x"...)
	if typ < 0x10 {
		b = append(b, '0')
	}
	return strconv.AppendUint(b, uint64(typ), 16)
}

// dtpAppendValue appends the line tshark draws over a trunk status or
// type byte, "Access/Auto (0x04)": the operating and the administrative
// half's names.
func dtpAppendValue(b []byte, typ uint16, v uint8) []byte {
	if typ == dtpStatus {
		if v&0x80 != 0 {
			b = append(b, "Trunk/"...)
		} else {
			b = append(b, "Access/"...)
		}
		switch v & 7 {
		case 1:
			b = append(b, "On"...)
		case 2:
			b = append(b, "Off"...)
		case 3:
			b = append(b, "Desirable"...)
		case 4:
			b = append(b, "Auto"...)
		default:
			b = append(b, "Unknown administrative status"...)
		}
	} else {
		switch v >> 5 {
		case 1:
			b = append(b, "Native/"...)
		case 2:
			b = append(b, "ISL/"...)
		case 5:
			b = append(b, "802.1Q/"...)
		default:
			b = append(b, "Unknown operating type/"...)
		}
		switch v & 7 {
		case 0:
			b = append(b, "Negotiated"...)
		case 1:
			b = append(b, "Native"...)
		case 2:
			b = append(b, "ISL"...)
		case 5:
			b = append(b, "802.1Q"...)
		default:
			b = append(b, "Unknown administrative type"...)
		}
	}
	b = append(b, " (0x"...)
	b = appendHex2(b, v)
	return append(b, ')')
}

// dtpAppendText appends s as tshark shows a string: control bytes as
// octal escapes ("\001") and each byte past ASCII
// as U+FFFD (tshark's replacement for what is not UTF-8).
func dtpAppendText(b, s []byte) []byte {
	for _, c := range s {
		switch {
		case c < 0x20 || c == 0x7f:
			b = append(b, '\\', '0'+c>>6, '0'+c>>3&7, '0'+c&7)
		case c >= 0x80:
			b = append(b, "\uFFFD"...)
		default:
			b = append(b, c)
		}
	}
	return b
}

// dtpDomainClean reports whether a domain's value is printable ASCII up
// to its NUL and only NULs after it, the domains rawcap draws as tshark
// does (it draws others in words of its own, and warns of stray bytes).
func dtpDomainClean(v []byte) bool {
	z := false
	for _, c := range v {
		switch {
		case c == 0:
			z = true
		case z || c < 0x20 || c >= 0x7f:
			return false
		}
	}
	return true
}

// dtpSummary appends what tshark appends to the protocol's line for each
// TLV it decodes: ": Lab", " (Operating/Administrative): Access/Auto
// (0x04)", ": 00:19:06:ea:b8:85". The domain's is all of its value but
// the last byte, as tshark shows it.
func dtpSummary(b []byte, p DTP) []byte {
	p.walk(func(typ uint16, v []byte) {
		switch typ {
		case dtpDomain:
			b = append(b, ": "...)
			b = dtpAppendText(b, v[:len(v)-1])
		case dtpStatus, dtpType:
			b = dtpAppendValue(append(b, " (Operating/Administrative): "...), typ, v[0])
		case dtpSenderID:
			b = MAC(v).AppendTo(append(b, ": "...))
		}
	})
	return b
}

// emitDTP emits the version and each TLV's fields, in the order and
// nesting of tshark's tree, which is drawn from them (treefields.go), up
// to the TLV where tshark's walk stops, with its expert item there.
func emitDTP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoDTP)
	p := DTP(d.data[l.Start:l.End])
	if len(p) < 1 {
		e.End()
		e.TreeException("DTP")
		return
	}
	if e.Tree() {
		e.SetRepr(dtpSummary(append(e.Text(), protoDTP.Label...), p))
	}
	f := &dtpFields
	e.Uint(&f[dtpFVersion], uint64(p.Version()))
	off, stop := p.walk(func(typ uint16, v []byte) {
		if e.Tree() {
			e.Line(dtpTLVTitle(e.Text(), typ))
		}
		e.Sub()
		e.Uint(&f[dtpFTLVType], uint64(typ))
		e.Uint(&f[dtpFTLVLen], uint64(len(v)+4))
		switch typ {
		case dtpDomain:
			e.Bytes(&f[dtpFDomain], lldpString(v))
			if !dtpDomainClean(v) && e.Tree() {
				e.SetRepr(dtpAppendText(append(e.Text(), "Domain: "...), lldpString(v)))
			}
			if z := len(lldpString(v)); z < len(v) && !allZero(v[z:]) {
				e.Sub()
				e.ExpertLine("Warning", "Undecoded", "Trailing stray characters", nil)
				e.Up()
			}
		case dtpStatus, dtpType:
			if e.Tree() {
				e.Line(dtpAppendValue(append(e.Text(), "Value: "...), typ, v[0]))
			}
			e.Sub()
			if typ == dtpStatus {
				e.UintBits(&f[dtpFTOS], uint64(v[0]))
				e.UintBits(&f[dtpFTAS], uint64(v[0]))
			} else {
				e.UintBits(&f[dtpFTOT], uint64(v[0]))
				e.UintBits(&f[dtpFTAT], uint64(v[0]))
			}
			e.Up()
		case dtpSenderID:
			e.MAC(&f[dtpFSenderID], MAC(v))
		default:
			e.MAC(&f[dtpFData], MAC(v))
		}
		e.Up()
	})
	switch stop {
	case dtpStopTrunc:
		dtpExpert(e, &f[dtpFTruncated])
	case dtpStopShort, dtpStopInvalid, dtpStopDataSize:
		typ, n := be16(p[off:]), int(be16(p[off+2:]))
		if e.Tree() {
			e.Line(dtpTLVTitle(e.Text(), typ))
		}
		e.Sub()
		e.Uint(&f[dtpFTLVType], uint64(typ))
		e.Uint(&f[dtpFTLVLen], uint64(n))
		if stop == dtpStopDataSize {
			var arg [8]byte
			e.ExpertLine("Error", "Malformed", "Trying to fetch a MAC address with length ", strconv.AppendInt(arg[:0], int64(n-4), 10))
		} else {
			e.Sub()
			if stop == dtpStopShort {
				dtpExpert(e, &f[dtpFLenTooShort])
			} else {
				dtpExpert(e, &f[dtpFLenInvalid])
			}
			e.Up()
		}
		e.Up()
	}
	e.End()
	if stop == dtpStopPastEnd || stop == dtpStopDataSize {
		e.TreeException("DTP")
	}
}

// dtpExpert adds tshark's expert item f (an error in the malformed group)
// and its block in the tree.
func dtpExpert(e *emitter, f *Field) {
	e.Expert(true)
	e.None(f)
	e.Expert(false)
	e.NoTree()
	e.ExpertLine("Error", "Malformed", f.Label, nil)
}

// lineDTP appends tcpdump's "DTPv1, length 29" and, with -v, each TLV
// ("Domain (0x0001) TLV, length 8, Lab"), up to the first of type 0.
func (p *LinePrinter) lineDTP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	u := d.data[l.Start:l.End]
	length := p.llcPayloadLen(d, i)
	if length < 1 {
		return append(b, " (invalid)"...)
	}
	if len(u) < 1 {
		return append(b, " [|dtp]"...)
	}
	b = append(b, "DTPv"...)
	b = strconv.AppendUint(b, uint64(u[0]), 10)
	b = append(b, ", length "...)
	b = strconv.AppendInt(b, int64(length), 10)
	if p.Options.Verbose == 0 {
		return b
	}
	for off := 1; off < length; {
		if length-off < 4 {
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(length-off), 10)
			return append(b, " bytes remaining] (invalid)"...)
		}
		if off+4 > len(u) {
			return append(b, " [|dtp]"...)
		}
		typ, n := be16(u[off:]), int(be16(u[off+2:]))
		if typ == 0 {
			return b
		}
		b = append(b, "\n\t"...)
		switch typ {
		case dtpDomain:
			b = append(b, "Domain"...)
		case dtpStatus:
			b = append(b, "Status"...)
		case dtpType:
			b = append(b, "DTP type"...)
		case dtpSenderID:
			b = append(b, "Neighbor"...)
		default:
			b = append(b, "Unknown"...)
		}
		b = append(b, " (0x"...)
		b = appendHex4(b, typ)
		b = append(b, ") TLV, length "...)
		b = strconv.AppendInt(b, int64(n), 10)
		if n < 4 || n > length-off {
			b = append(b, "[invalid TLV length "...)
			b = strconv.AppendInt(b, int64(n), 10)
			return append(b, "] (invalid)"...)
		}
		v := u[min(off+4, len(u)):min(off+n, len(u))]
		switch typ {
		case dtpDomain:
			b = appendPrintableZ(append(b, ", "...), v)
			if len(v) < n-4 && len(lldpString(v)) == len(v) {
				return append(b, " [|dtp]"...) // cut before its NUL
			}
		case dtpStatus, dtpType:
			if n != 5 {
				return append(b, " (invalid)"...)
			}
			if len(v) < 1 {
				return append(b, " [|dtp]"...)
			}
			b = append(b, ", 0x"...)
			b = strconv.AppendUint(b, uint64(v[0]), 16)
		case dtpSenderID:
			if n != 10 {
				return append(b, " (invalid)"...)
			}
			if len(v) < 6 {
				return append(b, " [|dtp]"...)
			}
			b = MAC(v).AppendTo(append(b, ", "...))
		}
		off += n
	}
	return b
}
