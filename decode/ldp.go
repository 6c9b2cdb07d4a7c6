package decode

// LDP, the Label Distribution Protocol (RFC 5036), in UDP (port 646): a
// 10-byte PDU header and messages, each a 16-bit U bit and type, a 16-bit
// length (of what follows it) and a 32-bit ID, then TLVs: 2 bits (U, F)
// and a 14-bit type, a 16-bit length and the value.
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|  Version                      |         PDU Length            |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                         LDP Identifier                        |
//	+                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                               |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// rawcap lays out what the corpus holds: Hello messages whose TLVs are an
// IPv4 transport address or of types Wireshark does not know (shown as a
// type, a length and a value), and a message whose length is below 4
// (where Wireshark stops with its "Bad Message Length"). Any other PDU is
// left as data.

const (
	ldpPort       = 646
	ldpHeaderLen  = 10
	ldpMsgHello   = 0x0100
	ldpTLVIPv4Tra = 0x0401
)

// ldpLaidOut reports whether rawcap lays out PDU b (the captured bytes of
// a datagram whose payload its headers give as reported bytes) as
// Wireshark does, and whether Wireshark finds the capture ends inside it
// (cut: its messages end where the captured bytes do, before the end its
// PDU length and the datagram give).
func ldpLaidOut(b []byte, reported int) (ok, cut bool) {
	if len(b) < ldpHeaderLen || be16(b) != 1 {
		return false, false
	}
	end := 4 + int(be16(b[2:]))
	if end < ldpHeaderLen {
		return false, false
	}
	end = min(end, max(reported, len(b)))
	for off := ldpHeaderLen; off < end; {
		switch {
		case off == len(b):
			return true, true
		case end-off < 8:
			return end <= len(b), false // Wireshark stops at "Bad Message"
		case len(b)-off < 8:
			return false, false
		}
		n := int(be16(b[off+2:]))
		if n < 4 {
			return true, false // Wireshark stops at the bad length
		}
		if be16(b[off:])&0x7fff != ldpMsgHello || len(b)-off < 4+n || end-off < 4+n {
			return false, false
		}
		if !ldpTLVsLaidOut(b[off+8 : off+4+n]) {
			return false, false
		}
		off += 4 + n
	}
	return true, false
}

// ldpReported returns the length of LDP layer i as the headers before it
// give it (UDP's length, within IP's).
func ldpReported(d *Decoder, i int) int {
	l := &d.layers[i]
	return d.udpReported(i, l.End-l.Start)
}

// ldpTLVsLaidOut reports whether v, a message's TLVs, are all of the types
// rawcap lays out, each within v.
func ldpTLVsLaidOut(v []byte) bool {
	for off := 0; off < len(v); {
		if len(v)-off < 4 {
			return false
		}
		typ, n := be16(v[off:])&0x3fff, int(be16(v[off+2:]))
		if len(v)-off < 4+n {
			return false
		}
		switch {
		case typ == ldpTLVIPv4Tra && n == 4:
		case ldpFields[ldpTLVType].ValueNames().Name(uint64(typ)) == "":
		default:
			return false
		}
		off += 4 + n
	}
	return true
}

func (d *Decoder) decodeLDP(l *Layer) LayerType {
	b := d.bytes(l)
	if ok, _ := ldpLaidOut(b, d.udpReported(d.n, len(b))); !ok {
		return l.asData()
	}
	l.Payload = l.End
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	ldpVersion = iota
	ldpPDULen
	ldpLSR
	ldpLSID
	ldpMsgUBit
	ldpMsgType
	ldpMsgLen
	ldpMsgID
	ldpTLVUnknown
	ldpTLVType
	ldpTLVLen
	ldpTLVValue
	ldpTLVIPv4Taddr
	ldpFieldCount
)

var ldpFields = [ldpFieldCount]Field{
	ldpVersion:      {Name: "ldp.hdr.version", Label: "Version", Kind: KindUint, Width: 16},
	ldpPDULen:       {Name: "ldp.hdr.pdu_len", Label: "PDU Length", Kind: KindUint, Width: 16},
	ldpLSR:          {Name: "ldp.hdr.ldpid.lsr", Label: "LSR ID", Kind: KindIPv4},
	ldpLSID:         {Name: "ldp.hdr.ldpid.lsid", Label: "Label Space ID", Kind: KindUint, Width: 16},
	ldpMsgUBit:      {Name: "ldp.msg.ubit", Label: "U bit", Kind: KindBool, Width: 8, Mask: 0x80},
	ldpMsgType:      {Name: "ldp.msg.type", Label: "Message Type", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x7fff},
	ldpMsgLen:       {Name: "ldp.msg.len", Label: "Message Length", Kind: KindUint, Width: 16},
	ldpMsgID:        {Name: "ldp.msg.id", Label: "Message ID", Kind: KindUint, Width: 32, Base: BaseHex},
	ldpTLVUnknown:   {Name: "ldp.msg.tlv.unknown", Label: "TLV Unknown bits", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xc0},
	ldpTLVType:      {Name: "ldp.msg.tlv.type", Label: "TLV Type", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x3fff},
	ldpTLVLen:       {Name: "ldp.msg.tlv.len", Label: "TLV Length", Kind: KindUint, Width: 16},
	ldpTLVValue:     {Name: "ldp.msg.tlv.value", Label: "TLV Value", Kind: KindBytes},
	ldpTLVIPv4Taddr: {Name: "ldp.msg.tlv.ipv4.taddr", Label: "IPv4 Transport Address", Kind: KindIPv4},
}

var protoLDP = protoField("ldp", "Label Distribution Protocol")

func emitLDP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoLDP)
	b := d.data[l.Start:l.End]
	f := &ldpFields
	e.Uint(&f[ldpVersion], uint64(be16(b)))
	e.Uint(&f[ldpPDULen], uint64(be16(b[2:])))
	e.IPv4(&f[ldpLSR], b[4:8])
	e.Uint(&f[ldpLSID], uint64(be16(b[8:])))
	reported := ldpReported(d, i)
	end := min(4+int(be16(b[2:])), max(reported, len(b)))
	for off := ldpHeaderLen; off < end && off < len(b); {
		if end-off < 8 {
			ldpError(e, "Error processing Message: length is ", end-off, 8)
			break
		}
		n := int(be16(b[off+2:]))
		if n < 4 {
			ldpError(e, "Error processing Message Length: length is ", n, 4)
			break
		}
		emitLDPMessage(e, b[off:off+4+n])
		off += 4 + n
	}
	e.End()
	if ldpCut(d, i) {
		e.TreeException("LDP")
	}
}

// ldpCut reports whether the capture ends inside LDP layer i, where a
// message would start: tshark's exception.
func ldpCut(d *Decoder, i int) bool {
	l := &d.layers[i]
	_, cut := ldpLaidOut(d.data[l.Start:l.End], ldpReported(d, i))
	return cut
}

// ldpError adds Wireshark's item for a message it stops at: msg, the
// length n it found and the least it wants, and the expert block.
func ldpError(e *emitter, msg string, n, least int) {
	if !e.Tree() {
		return
	}
	var tmp [32]byte
	arg := appendUint(tmp[:0], uint64(n))
	arg = append(arg, ", should be >= "...)
	arg = appendUint(arg, uint64(least))
	e.Line(append(append(e.Text(), msg...), arg...))
	e.Sub()
	e.ExpertLine("Error", "Malformed", msg, arg)
	e.Up()
}

// emitLDPMessage emits message m (its header and TLVs), a subtree titled
// with its type's name.
func emitLDPMessage(e *emitter, m []byte) {
	f := &ldpFields
	word := uint64(be16(m))
	typ := word & 0x7fff
	if e.Tree() {
		e.Line(append(e.Text(), f[ldpMsgType].ValueNames().Name(typ)...))
	}
	e.Sub()
	e.BoolBits(&f[ldpMsgUBit], word>>8)
	if e.Tree() {
		b := appendBitDrawing(e.Text(), word>>8&0x80, 8, 0x80)
		if word&0x8000 != 0 {
			e.SetRepr(append(b, " = U bit: Unknown bit set"...))
		} else {
			e.SetRepr(append(b, " = U bit: Unknown bit not set"...))
		}
	}
	e.UintBits(&f[ldpMsgType], word)
	if e.Tree() {
		b := append(e.Text(), "Message Type: "...)
		b = append(b, f[ldpMsgType].ValueNames().Name(typ)...)
		b = append(b, " (0x"...)
		b = appendHexMin(b, typ)
		e.SetRepr(append(b, ')'))
	}
	e.Uint(&f[ldpMsgLen], uint64(be16(m[2:])))
	e.Uint(&f[ldpMsgID], uint64(be32(m[4:])))
	v := m[8:]
	for off := 0; off < len(v); {
		n := int(be16(v[off+2:]))
		emitLDPTLV(e, v[off:off+4+n])
		off += 4 + n
	}
	e.Up()
}

// emitLDPTLV emits TLV t, a subtree titled with its type's name.
func emitLDPTLV(e *emitter, t []byte) {
	f := &ldpFields
	word := uint64(be16(t))
	typ := word & 0x3fff
	name := f[ldpTLVType].ValueNames().Name(typ)
	if e.Tree() {
		b := e.Text()
		if name == "" {
			b = append(b, "Unknown TLV type (0x"...)
			b = appendHex4(b, uint16(typ))
			b = append(b, ')')
		} else {
			b = append(b, name...)
		}
		e.Line(b)
	}
	e.Sub()
	e.UintBits(&f[ldpTLVUnknown], word>>8)
	if e.Tree() {
		b := appendBitDrawing(e.Text(), word>>8&0xc0, 8, 0xc0)
		b = append(b, " = TLV Unknown bits: "...)
		b = append(b, [...]string{"Known TLV, do not Forward", "Known TLV, do Forward", "Unknown TLV, do not Forward", "Unknown TLV, do Forward"}[word>>14]...)
		b = append(b, " (0x"...)
		b = appendHexMin(b, word>>14)
		e.SetRepr(append(b, ')'))
	}
	e.UintBits(&f[ldpTLVType], word)
	if e.Tree() {
		b := append(e.Text(), "TLV Type: "...)
		if name == "" {
			b = append(b, "Unknown TLV type"...)
		} else {
			b = append(b, name...)
		}
		b = append(b, " (0x"...)
		b = appendHexMin(b, typ)
		e.SetRepr(append(b, ')'))
	}
	n := be16(t[2:])
	e.Uint(&f[ldpTLVLen], uint64(n))
	if typ == ldpTLVIPv4Tra {
		e.IPv4(&f[ldpTLVIPv4Taddr], t[4:8])
	} else {
		e.Bytes(&f[ldpTLVValue], t[4:])
	}
	e.Up()
}

// infoLDP appends the packet list's Info: each message's type name and a
// space, "Bad Message" or "Bad Message Length " where Wireshark stopped,
// and the mark of a PDU the capture cut.
func (p *ColumnsPrinter) infoLDP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	m := d.data[l.Start:l.End]
	reported := ldpReported(d, i)
	end := min(4+int(be16(m[2:])), max(reported, len(m)))
	for off := ldpHeaderLen; off < end && off < len(m); {
		if end-off < 8 {
			b = append(b, "Bad Message"...)
			break
		}
		n := int(be16(m[off+2:]))
		if n < 4 {
			b = append(b, "Bad Message Length "...)
			break
		}
		b = append(b, ldpFields[ldpMsgType].ValueNames().Name(uint64(be16(m[off:])&0x7fff))...)
		b = append(b, ' ')
		off += 4 + n
	}
	if ldpCut(d, i) {
		b = p.appendException(b)
	}
	return b
}

func (p *LinePrinter) lineLDP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if p.Options.Quiet {
		return appendUDPLength(b, radiusTcpdumpLen(d, i-1))
	}
	return p.appendLDP(b, d.data[l.Start:l.End], radiusTcpdumpLen(d, i-1))
}

// appendLDP appends tcpdump's LDP text for the PDUs of a datagram of
// length bytes, m its captured ones: a line per PDU, and at -v its
// messages and their TLVs (an IPv4 transport address, or the value's hex
// dump); " [|ldp]" where the capture ends.
func (p *LinePrinter) appendLDP(b, m []byte, length int) []byte {
	const trunc = " [|ldp]"
	for length > ldpHeaderLen+8 {
		if len(m) < ldpHeaderLen {
			p.abandoned = true
			return append(b, trunc...)
		}
		sep := ""
		if p.Options.Verbose > 0 {
			sep = "\n\t"
		}
		if v := be16(m); v != 1 {
			b = append(b, sep...)
			b = append(b, "LDP version "...)
			b = appendUint(b, uint64(v))
			return append(b, " packet not supported"...)
		}
		pdu := int(be16(m[2:]))
		if pdu < ldpHeaderLen-4 {
			b = append(b, sep...)
			b = append(b, "LDP, pdu-length: "...)
			b = appendUint(b, uint64(pdu))
			return append(b, " (too short, < 6)"...)
		}
		b = append(b, sep...)
		b = append(b, "LDP, Label-Space-ID: "...)
		b = appendIPv4(b, m, 4)
		b = append(b, ':')
		b = appendUint(b, uint64(be16(m[8:])))
		b = append(b, ", pdu-length: "...)
		b = appendUint(b, uint64(pdu))
		if p.Options.Verbose < 1 {
			return b
		}
		var ok bool
		if b, ok = p.appendLDPMessages(b, m, pdu-(ldpHeaderLen-4)); !ok {
			return append(b, trunc...)
		}
		if length < pdu+4 {
			b = append(b, " [remaining length "...)
			b = appendUint(b, uint64(length))
			b = append(b, " < "...)
			b = appendUint(b, uint64(pdu+4))
			return append(b, "] (invalid)"...)
		}
		length -= pdu + 4
		m = m[min(pdu+4, len(m)):]
	}
	return b
}

// appendLDPMessages appends the messages of PDU m, tlen bytes after its
// header; ok is false where the capture ends.
func (p *LinePrinter) appendLDPMessages(b, m []byte, tlen int) (_ []byte, ok bool) {
	off := ldpHeaderLen
	for tlen > 0 {
		if len(m)-off < 8 {
			p.abandoned = true // tcpdump reads the whole message header first
			return b, false
		}
		typ, n := be16(m[off:])&0x7fff, int(be16(m[off+2:]))
		b = append(b, "\n\t  "...)
		b = append(b, ldpTcpdumpMsgName(typ)...)
		b = append(b, " Message (0x"...)
		b = appendHex4(b, typ)
		b = append(b, "), length: "...)
		b = appendUint(b, uint64(n))
		if n < 4 {
			return append(b, " (too short, < 4)"...), true
		}
		b = append(b, ", Message ID: 0x"...)
		b = appendHex8(b, be32(m[off+4:]))
		if be16(m[off:])&0x8000 != 0 {
			b = append(b, ", Flags: [continue processing if unknown]"...)
		} else {
			b = append(b, ", Flags: [ignore if unknown]"...)
		}
		for at, rem := off+8, n-4; rem >= 4; {
			if len(m)-at < 4 {
				p.abandoned = true
				return b, false
			}
			word, tn := be16(m[at:]), int(be16(m[at+2:]))
			b = append(b, "\n\t    "...)
			if word&0x3fff == ldpTLVIPv4Tra {
				b = append(b, "IPv4 Transport Address"...)
			} else {
				b = append(b, "Unknown"...)
			}
			b = append(b, " TLV (0x"...)
			b = appendHex4(b, word&0x3fff)
			b = append(b, "), length: "...)
			b = appendUint(b, uint64(tn))
			b = append(b, ", Flags: ["...)
			if word&0x8000 != 0 {
				b = append(b, "continue processing"...)
			} else {
				b = append(b, "ignore"...)
			}
			if word&0x4000 != 0 {
				b = append(b, " and do forward if unknown]"...)
			} else {
				b = append(b, " and don't forward if unknown]"...)
			}
			if word&0x3fff == ldpTLVIPv4Tra {
				if len(m)-at-4 < 4 {
					p.abandoned = true
					return b, false
				}
				b = append(b, "\n\t      IPv4 Transport Address: "...)
				b = appendIPv4(b, m, at+4)
			} else if p.Options.Verbose <= 1 {
				if len(m)-at-4 < tn {
					p.abandoned = true
					return b, false
				}
				b = appendHexDumpLines(b, m[at+4:at+4+tn], "\n\t      ")
			}
			at += tn + 4
			rem -= tn + 4
		}
		if p.Options.Verbose > 1 {
			// tcpdump dumps n bytes after the message's header (its
			// TLVs and the 4 bytes after them), as many as were captured.
			b = appendHexDumpLines(b, m[off+8:min(off+8+n, len(m))], "\n\t  ")
		}
		off += n + 4
		tlen -= n + 4
	}
	return b, true
}

// ldpTcpdumpMsgName returns tcpdump's name of message type t.
func ldpTcpdumpMsgName(t uint16) string {
	if t == ldpMsgHello {
		return "Hello"
	}
	return "Unknown"
}

// ldpLineWritten reports whether rawcap's LDP text for datagram m is
// tcpdump's: a PDU whose messages are Hellos with the TLVs rawcap lays out,
// or one tcpdump prints no message of.
func ldpLineWritten(m []byte) bool {
	ok, _ := ldpLaidOut(m, len(m))
	return ok
}
