package decode

// Q.933 (ITU-T Q.933, Frame Relay call control): the protocol
// discriminator 0x08, the call reference, the message type and the
// information elements, carried after a Frame Relay address and control
// field (fr.go).
//
// rawcap decodes the messages it draws as tshark 4.0 does: a one-byte call
// reference, and information elements that are non-locking shifts to
// codeset 0, Call state, or of an identifier tshark does not name. A
// message holding any other element stays undecoded rather than drawn
// differently from tshark.

// q933Disc is the protocol discriminator of Q.933 (the NLPID that
// announces it).
const q933Disc = 0x08

// Q933 is a Q.933 message, from its protocol discriminator to the end of
// the frame.
type Q933 []byte

// q933Header is the length of the discriminator, the call reference
// (length byte and one byte of value) and the message type.
const q933Header = 4

// ParseQ933 returns the message at the start of b, or an error when b is
// not a message rawcap decodes (see above).
func ParseQ933(b []byte) (Q933, error) {
	if len(b) < q933Header {
		return nil, ReasonTruncated
	}
	if b[0] != q933Disc || b[1]&0x0f != 1 {
		return nil, ReasonUnsupported
	}
	q := Q933(b[:len(b):len(b)])
	ok, printed := true, true
	q.walk(func(id uint8, v []byte) {
		if !q933IEKnown(id) || printed && id&0x80 == 0 && q933TcpdumpNamed(id) {
			ok = false
		}
		if id&0x80 == 0 && len(v) == 0 {
			printed = false // tcpdump -v prints no element after an empty one
		}
	})
	if !ok {
		return nil, ReasonUnsupported
	}
	return q, nil
}

// q933IEKnown reports whether rawcap draws the element id as tshark does:
// a non-locking shift to codeset 0, Call state, or an element tshark has
// no name for.
func q933IEKnown(id uint8) bool {
	switch {
	case id == 0x98:
		return true
	case id&0x80 != 0:
		return false
	case id == q933IECallState:
		return true
	}
	return q933IEName(id) == ""
}

// q933IECallState is the identifier of the Call state element.
const q933IECallState = 0x14

// q933IEName returns tshark's name of the codeset 0 element id, or "".
func q933IEName(id uint8) string {
	return q933Fields[q933FInfoElement].ValueNames().Name(uint64(id))
}

// CallRef returns the call reference value's byte, its flag bit cleared.
func (q Q933) CallRef() uint8 { return q[2] & 0x7f }

// CallRefFlag reports the call reference flag (the message is sent to the
// side that originated the call).
func (q Q933) CallRefFlag() bool { return q[2]&0x80 != 0 }

// MessageType returns the message type.
func (q Q933) MessageType() uint8 { return q[3] }

// walk calls fn with each element after the message type, in order: a
// single-octet element (a shift) with no value, else its identifier and
// value. It returns where it stopped and whether an element ran past the
// end (tshark's exception).
func (q Q933) walk(fn func(id uint8, v []byte)) (off int, past bool) {
	off = q933Header
	for off < len(q) {
		id := q[off]
		if id&0x80 != 0 {
			fn(id, nil)
			off++
			continue
		}
		if off+2 > len(q) || off+2+int(q[off+1]) > len(q) {
			return off, true
		}
		n := int(q[off+1])
		fn(id, q[off+2:off+2+n])
		off += 2 + n
	}
	return off, false
}

// decodeQ933 decodes a Q.933 message, the last layer of its frame.
func (d *Decoder) decodeQ933(l *Layer) LayerType {
	if _, err := ParseQ933(d.data[l.Start:l.End]); err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.End
	return LayerNone
}

const (
	q933FDisc = iota
	q933FCallRefLen
	q933FCallRefFlag
	q933FCallRef
	q933FMessageType
	q933FNonLockingShift
	q933FInfoElement
	q933FLength
	q933FCodingStandard
	q933FCallState
	q933FData
	q933FieldCount
)

var q933Fields = [q933FieldCount]Field{
	q933FDisc:            {Name: "q933.disc", Label: "Protocol discriminator", Kind: KindUint, Width: 8, Base: BaseHex},
	q933FCallRefLen:      {Name: "q933.call_ref_len", Label: "Call reference value length", Kind: KindUint, Width: 8},
	q933FCallRefFlag:     {Name: "q933.call_ref_flag", Label: "Call reference flag", Kind: KindBool},
	q933FCallRef:         {Name: "q933.call_ref", Label: "Call reference value", Kind: KindBytes},
	q933FMessageType:     {Name: "q933.message_type", Label: "Message type", Kind: KindUint, Width: 8, Base: BaseHex},
	q933FNonLockingShift: {Name: "q933.non_locking_shift_to_codeset", Label: "Non-locking shift to codeset", Kind: KindUint, Width: 8, Mask: 0x7},
	q933FInfoElement:     {Name: "q933.information_element", Label: "Information element", Kind: KindUint, Width: 8, Base: BaseHex},
	q933FLength:          {Name: "q933.length", Label: "Length", Kind: KindUint, Width: 8},
	q933FCodingStandard:  {Name: "q933.coding_standard", Label: "Coding standard", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x60},
	q933FCallState:       {Name: "q933.call_state", Label: "Call state", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x3f},
	q933FData:            {Name: "q933.data", Label: "Data", Kind: KindBytes},
}

var protoQ933 = protoField("q933", "Q.933")

// emitQ933 emits the header and each element, in the order and nesting of
// tshark's tree, and tshark's exception where an element runs past the
// end.
func emitQ933(e *emitter, i int) {
	l := &e.d.layers[i]
	q := Q933(e.d.data[l.Start:l.End])
	f := &q933Fields
	e.Proto(&protoQ933)
	e.Uint(&f[q933FDisc], uint64(q[0]))
	if e.Tree() {
		e.SetRepr(append(e.Text(), "Protocol discriminator: Q.933"...))
	}
	e.Uint(&f[q933FCallRefLen], uint64(q[1]&0x0f))
	e.Bool(&f[q933FCallRefFlag], q.CallRefFlag())
	var ref [1]byte
	ref[0] = q.CallRef()
	e.Bytes(&f[q933FCallRef], ref[:])
	e.Uint(&f[q933FMessageType], uint64(q.MessageType()))
	_, past := q.walk(func(id uint8, v []byte) {
		if id&0x80 != 0 {
			e.UintBits(&f[q933FNonLockingShift], uint64(id))
			return
		}
		name := q933IEName(id)
		if e.Tree() {
			b := e.Text()
			if name == "" {
				b = appendHex2(append(b, "Unknown information element (0x"...), id)
				b = append(b, ')')
			} else {
				b = append(b, name...)
			}
			e.Line(b)
		}
		e.Sub()
		e.Uint(&f[q933FInfoElement], uint64(id))
		if name != "" && e.Tree() {
			e.SetRepr(append(append(e.Text(), "Information element: "...), name...))
		}
		e.Uint(&f[q933FLength], uint64(len(v)))
		switch {
		case id == q933IECallState && len(v) > 0:
			e.UintBits(&f[q933FCodingStandard], uint64(v[0]))
			if v[0]&0x60 != 0 {
				e.Bytes(&f[q933FData], v)
			} else {
				e.UintBits(&f[q933FCallState], uint64(v[0]))
			}
		default:
			e.Bytes(&f[q933FData], v)
		}
		e.Up()
	})
	e.End()
	if past {
		e.TreeException("Q.933")
	}
}

// appendQ933Message appends tshark's Info for the message: its type's
// name, or "Unknown message type (0x6B)".
func appendQ933Message(b []byte, q Q933) []byte {
	if s := q933Fields[q933FMessageType].ValueNames().Name(uint64(q.MessageType())); s != "" {
		return append(b, s...)
	}
	b = append(b, "Unknown message type (0x"...)
	return append(appendHexNUpper(b, uint64(q.MessageType()), 2), ')')
}

// lineQ933 appends tcpdump's Q.933 line after its Frame Relay prefix
// (lineFR): "CCITT, codeset 0, Call Ref: 0x88, unknown message 0x6b", and
// with -v the message's length and each element up to an empty one;
// " [|q.933]" where the message ends at its type or within an element's
// identifier and length, as tcpdump marks it.
func (p *LinePrinter) lineQ933(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	q := Q933(d.data[l.Start:l.End])
	b = append(b, "CCITT, codeset 0"...)
	if len(q) <= q933Header { // tcpdump looks for a shift after the type
		p.abandoned = true // and dumps the whole frame with -x
		return append(b, " [|q.933]"...)
	}
	b = appendHex2(append(b, ", Call Ref: 0x"...), q[2])
	if p.Options.Verbose == 0 {
		b = appendHex2(append(b, ", unknown message 0x"...), q.MessageType())
		if off, past := q.walk(func(uint8, []byte) {}); past && off+2 > len(q) {
			// tcpdump marks an element cut before its length, not one
			// whose value runs past the end
			b = appendUint(append(b, ", length "...), uint64(len(q)-1))
			b = append(b, " [|q.933]"...)
		}
		return b
	}
	b = appendHex2(append(b, ", unknown message (0x"...), q.MessageType())
	b = appendUint(append(b, "), length "...), uint64(len(q)-1))
	stop := false
	off, past := q.walk(func(id uint8, v []byte) {
		if stop || id&0x80 != 0 {
			return
		}
		b = appendHex2(append(b, "\n\tunknown IE (0x"...), id)
		b = append(appendUint(append(b, "), length "...), uint64(len(v))), ": "...)
		b = appendHexDumpLines(b, v, "\n\t")
		stop = len(v) == 0 // tcpdump prints no element after an empty one
	})
	if past && !stop && off+2 > len(q) {
		b = append(b, " [|q.933]"...)
	}
	return b
}

// q933TcpdumpNamed reports whether tcpdump names the element id and
// prints its value in words of its own (the ANSI and Q.933 Annex A link
// management elements), which rawcap does not.
func q933TcpdumpNamed(id uint8) bool {
	switch id {
	case 0x01, 0x03, 0x07, 0x51, 0x53, 0x57:
		return true
	}
	return false
}
