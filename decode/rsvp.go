package decode

// RSVP (RFC 2205, IP protocol 46): an 8-byte common header (version and
// flags, message type, checksum, send TTL, a reserved byte, length) and
// objects, each a 16-bit length, a class number and a class type.
//
// rawcap lays out what the corpus's tests_rsvp_cap holds: Hello messages
// (RFC 3209) of a HELLO request object, a RESTART_CAP object (RFC 3473)
// and objects of classes Wireshark does not know (shown as data). Any other
// message is left as data.

// IPProtoRSVP is RSVP's IP protocol number.
const IPProtoRSVP = 46

const (
	rsvpHeaderLen    = 8
	rsvpMsgHello     = 20
	rsvpClassHello   = 22
	rsvpClassRestart = 131
)

// rsvpLaidOut reports whether rawcap lays out message b as Wireshark does.
func rsvpLaidOut(b []byte) bool {
	if len(b) < rsvpHeaderLen || b[0]>>4 != 1 || b[1] != rsvpMsgHello || int(be16(b[6:])) != len(b) {
		return false
	}
	for off := rsvpHeaderLen; off < len(b); {
		if len(b)-off < 4 {
			return false
		}
		n, class, ctype := int(be16(b[off:])), b[off+2], b[off+3]
		if n < 4 || n%4 != 0 || n > len(b)-off {
			return false
		}
		switch {
		case class == rsvpClassHello && ctype == 1 && n == 12:
		case class == rsvpClassRestart && ctype == 1 && n == 12:
		case rsvpFields[rsvpObject].ValueNames().Name(uint64(class)) == "":
		default:
			return false
		}
		off += n
	}
	return true
}

func (d *Decoder) decodeRSVP(l *Layer) LayerType {
	if !rsvpLaidOut(d.bytes(l)) {
		return l.asData()
	}
	l.Payload = l.End
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	rsvpVersion = iota
	rsvpFlags
	rsvpMsg
	rsvpHello
	rsvpChecksum
	rsvpSendingTTL
	rsvpMessageLength
	rsvpHelloObj
	rsvpLength
	rsvpObject
	rsvpCtype
	rsvpCtypeHello
	rsvpHelloSrc
	rsvpHelloDst
	rsvpRestart
	rsvpCtypeRestart
	rsvpRestartTime
	rsvpRecoveryTime
	rsvpObjUnknown
	rsvpCtypeUnknown
	rsvpUnknownData
	rsvpFieldCount
)

var rsvpFields = [rsvpFieldCount]Field{
	rsvpVersion:       {Name: "rsvp.version", Label: "RSVP Version", Kind: KindUint, Width: 8, Mask: 0xf0},
	rsvpFlags:         {Name: "rsvp.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x0f},
	rsvpMsg:           {Name: "rsvp.msg", Label: "Message Type", Kind: KindUint, Width: 8},
	rsvpHello:         {Name: "rsvp.hello", Label: "HELLO Message", Kind: KindBool},
	rsvpChecksum:      {Name: "rsvp.message_checksum", Label: "Message Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	rsvpSendingTTL:    {Name: "rsvp.sending_ttl", Label: "Sending TTL", Kind: KindUint, Width: 8},
	rsvpMessageLength: {Name: "rsvp.message_length", Label: "Message length", Kind: KindUint, Width: 16},
	rsvpHelloObj:      {Name: "rsvp.hello_obj", Label: "HELLO Request/Ack", Kind: KindNone},
	rsvpLength:        {Name: "rsvp.length", Label: "Length", Kind: KindUint, Width: 16},
	rsvpObject:        {Name: "rsvp.object", Label: "Object class", Kind: KindUint, Width: 8},
	rsvpCtype:         {Name: "rsvp.ctype", Label: "C-type", Kind: KindUint, Width: 32},
	rsvpCtypeHello:    {Name: "rsvp.ctype.hello", Label: "C-Type", Kind: KindUint, Width: 32},
	rsvpHelloSrc:      {Name: "rsvp.hello.source_instance", Label: "Source Instance", Kind: KindUint, Width: 32, Base: BaseHex},
	rsvpHelloDst:      {Name: "rsvp.hello.destination_instance", Label: "Destination Instance", Kind: KindUint, Width: 32, Base: BaseHex},
	rsvpRestart:       {Name: "rsvp.restart", Label: "RESTART CAPABILITY", Kind: KindNone},
	rsvpCtypeRestart:  {Name: "rsvp.ctype.restart_cap", Label: "C-type", Kind: KindUint, Width: 32},
	rsvpRestartTime:   {Name: "rsvp.restart_cap.restart_time", Label: "Restart Time", Kind: KindUint, Width: 32, Unit: "ms"},
	rsvpRecoveryTime:  {Name: "rsvp.restart_cap.recovery_time", Label: "Recovery Time", Kind: KindUint, Width: 32, Unit: "ms"},
	rsvpObjUnknown:    {Name: "rsvp.obj_unknown", Label: "Unknown object", Kind: KindNone},
	rsvpCtypeUnknown:  {Name: "rsvp.ctype.unknown", Label: "C-type", Kind: KindUint, Width: 32},
	rsvpUnknownData:   {Name: "rsvp.unknown.data", Label: "Data", Kind: KindBytes},
}

var protoRSVP = titledProtoField("rsvp", "Resource ReserVation Protocol (RSVP)")

func emitRSVP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoRSVP)
	b := d.data[l.Start:l.End]
	f := &rsvpFields
	msgName := f[rsvpMsg].ValueNames().Name(uint64(b[1]))
	if e.Tree() {
		t := append(e.Text(), protoRSVP.Label...)
		t = append(t, ": "...)
		e.SetRepr(append(t, msgName...))
		t = append(e.Text(), "RSVP Header. "...)
		e.Line(append(t, msgName...))
	}
	e.Sub()
	e.UintBits(&f[rsvpVersion], uint64(b[0]))
	e.UintBits(&f[rsvpFlags], uint64(b[0]))
	e.Uint(&f[rsvpMsg], uint64(b[1]))
	if e.Tree() {
		t := append(e.Text(), "Message Type: "...)
		t = append(t, msgName...)
		t = append(t, " ("...)
		t = appendUint(t, uint64(b[1]))
		e.SetRepr(append(t, ')'))
	}
	e.Bool(&f[rsvpHello], true)
	e.NoTree()
	sum := be16(b[2:])
	e.Uint(&f[rsvpChecksum], uint64(sum))
	if e.Tree() {
		s := checksumAdd(0, b[:2])
		s = checksumAdd(s, b[4:])
		good := ^checksumFold(s)
		t := append(e.Text(), "Message Checksum: 0x"...)
		t = appendHex4(t, sum)
		if good == sum {
			e.SetRepr(append(t, " [correct]"...))
		} else {
			t = append(t, " [incorrect, should be 0x"...)
			t = appendHex4(t, good)
			e.SetRepr(append(t, ']'))
		}
	}
	e.Uint(&f[rsvpSendingTTL], uint64(b[4]))
	e.Uint(&f[rsvpMessageLength], uint64(be16(b[6:])))
	e.Up()
	for off := rsvpHeaderLen; off+4 <= len(b); {
		n := int(be16(b[off:]))
		emitRSVPObject(e, b[off:off+n])
		off += n
	}
	e.End()
}

// emitRSVPObject emits object o, a subtree under its item.
func emitRSVPObject(e *emitter, o []byte) {
	f := &rsvpFields
	class, ctype := o[2], uint64(o[3])
	switch class {
	case rsvpClassHello:
		e.None(&f[rsvpHelloObj])
		if e.Tree() {
			t := append(e.Text(), "HELLO Request/Ack: REQUEST. Src Instance: 0x"...)
			t = appendHexMin(t, uint64(be32(o[4:])))
			t = append(t, ". Dest Instance: 0x"...)
			t = appendHexMin(t, uint64(be32(o[8:])))
			e.SetRepr(append(t, ". "...))
		}
	case rsvpClassRestart:
		e.None(&f[rsvpRestart])
		if e.Tree() {
			t := append(e.Text(), "RESTART CAPABILITY: Restart Time: "...)
			t = appendUint(t, uint64(be32(o[4:])))
			t = append(t, " ms. Recovery Time: "...)
			t = appendUint(t, uint64(be32(o[8:])))
			e.SetRepr(append(t, " ms."...))
		}
	default:
		e.None(&f[rsvpObjUnknown])
	}
	e.Sub()
	e.Uint(&f[rsvpLength], uint64(be16(o)))
	e.Uint(&f[rsvpObject], uint64(class))
	if e.Tree() {
		t := append(e.Text(), "Object class: "...)
		if name := f[rsvpObject].ValueNames().Name(uint64(class)); name != "" {
			t = append(t, name...)
		} else {
			t = append(t, "Unknown"...)
		}
		t = append(t, " ("...)
		t = appendUint(t, uint64(class))
		e.SetRepr(append(t, ')'))
	}
	e.Uint(&f[rsvpCtype], ctype)
	e.NoTree()
	switch class {
	case rsvpClassHello:
		e.Uint(&f[rsvpCtypeHello], ctype)
		e.Uint(&f[rsvpHelloSrc], uint64(be32(o[4:])))
		e.Uint(&f[rsvpHelloDst], uint64(be32(o[8:])))
	case rsvpClassRestart:
		e.Uint(&f[rsvpCtypeRestart], ctype)
		e.Uint(&f[rsvpRestartTime], uint64(be32(o[4:])))
		e.Uint(&f[rsvpRecoveryTime], uint64(be32(o[8:])))
	default:
		e.Uint(&f[rsvpCtypeUnknown], ctype)
		e.Bytes(&f[rsvpUnknownData], o[4:])
	}
	e.Up()
}

// infoRSVP appends the packet list's Info: the message type's name.
func infoRSVP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	return append(b, rsvpFields[rsvpMsg].ValueNames().Name(uint64(d.data[l.Start+1]))...)
}

func (p *LinePrinter) lineRSVP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	m := d.data[l.Start:l.End]
	if p.Options.Verbose < 1 {
		b = append(b, "RSVPv1 Hello Message, length: "...)
		return appendUint(b, uint64(be16(m[6:])))
	}
	b = append(b, "\n\tRSVPv1 Hello Message (20), Flags: ["...)
	if m[0]&0x01 != 0 { // the one flag tcpdump names (rsvpLineWritten)
		b = append(b, "Refresh reduction capable"...)
	} else {
		b = append(b, "none"...)
	}
	b = append(b, "], length: "...)
	b = appendUint(b, uint64(be16(m[6:])))
	b = append(b, ", ttl: "...)
	b = appendUint(b, uint64(m[4]))
	b = append(b, ", checksum: 0x"...)
	b = appendHex4(b, be16(m[2:]))
	for off := rsvpHeaderLen; off+4 <= len(m); {
		n := int(be16(m[off:]))
		o := m[off : off+n]
		class, ctype := o[2], o[3]
		b = append(b, "\n\t  "...)
		switch class {
		case rsvpClassHello:
			b = append(b, "Hello"...)
		case rsvpClassRestart:
			b = append(b, "Restart Capability"...)
		case 134:
			b = append(b, "Capability"...)
		default:
			b = append(b, "Unknown"...)
		}
		b = append(b, " Object ("...)
		b = appendUint(b, uint64(class))
		b = append(b, ") Flags: ["...)
		switch class >> 6 {
		case 0, 1:
			b = append(b, "reject"...)
		case 2:
			b = append(b, "ignore silently"...)
		default:
			b = append(b, "ignore and forward"...)
		}
		b = append(b, " if unknown], Class-Type: "...)
		switch {
		case class == rsvpClassHello && ctype == 1:
			b = append(b, "Hello Request"...)
		case class == rsvpClassRestart && ctype == 1:
			b = append(b, "IPv4"...)
		default:
			b = appendUint(b, uint64(ctype))
		}
		b = append(b, " ("...)
		b = appendUint(b, uint64(ctype))
		b = append(b, "), length: "...)
		b = appendUint(b, uint64(n))
		switch class {
		case rsvpClassHello:
			b = append(b, "\n\t    Source Instance: 0x"...)
			b = appendHex8(b, be32(o[4:]))
			b = append(b, ", Destination Instance: 0x"...)
			b = appendHex8(b, be32(o[8:]))
		case rsvpClassRestart:
			b = append(b, "\n\t    Restart  Time: "...)
			b = appendUint(b, uint64(be32(o[4:])))
			b = append(b, "ms, Recovery Time: "...)
			b = appendUint(b, uint64(be32(o[8:])))
			b = append(b, "ms"...)
		case 134:
			b = append(b, "\n\t    Flags: ["...)
			b = appendRSVPCapFlags(b, be32(o[4:]))
			b = append(b, ']')
		}
		if p.Options.Verbose > 1 {
			b = appendHexDumpLines(b, o[4:], "\n\t    ")
		}
		off += n
	}
	return b
}

// appendRSVPCapFlags appends the names of the flags of a Capability
// object's word, as tcpdump's bittok2str ("none" for none).
func appendRSVPCapFlags(b []byte, v uint32) []byte {
	names := [...]struct {
		bit  uint32
		name string
	}{{4, "RecoveryPath Transmit Enabled"}, {2, "RecoveryPath Desired"}, {1, "RecoveryPath Srefresh Capable"}}
	n := 0
	for _, f := range names {
		if v&f.bit != 0 {
			if n > 0 {
				b = append(b, ", "...)
			}
			b = append(b, f.name...)
			n++
		}
	}
	if n == 0 {
		return append(b, "none"...)
	}
	return b
}

// rsvpLineWritten reports whether rawcap's RSVP text for message m is
// tcpdump's: a Hello message of the objects rawcap lays out, the ones of
// classes Wireshark does not know being tcpdump's Capability object (134)
// with flags it names.
func rsvpLineWritten(m []byte) bool {
	if !rsvpLaidOut(m) || m[0]&0x0f > 1 {
		return false
	}
	for off := rsvpHeaderLen; off < len(m); off += int(be16(m[off:])) {
		switch m[off+2] {
		case rsvpClassHello, rsvpClassRestart:
		case 134:
			if be16(m[off:]) != 8 || m[off+3] != 1 || be32(m[off+4:]) > 7 {
				return false
			}
		default:
			return false
		}
	}
	return true
}
