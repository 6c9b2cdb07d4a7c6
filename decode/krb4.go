package decode

import (
	"bytes"
	"encoding/binary"
	"strconv"
	"time"
)

// KRB4 is a Kerberos version 4 message, carried in UDP to or from port 88
// (where its first byte, the version, tells it from version 5) or 750:
//
//	version (4) | message type << 1 | byte order (1: little endian) | …
//
// A KDC request goes on with the client's name, instance and realm
// (NUL-terminated strings), the time (32 bits, in the message's byte
// order), the lifetime in 5-minute units, and the service's name and
// instance.
type KRB4 []byte

// The ports Kerberos version 4 is found on.
const (
	krbPort  = 88
	krb4Port = 750
)

// krb4KDCRequest is the message type of a KDC request.
const krb4KDCRequest = 1

func (d *Decoder) decodeKRB4(l *Layer) LayerType {
	b := d.bytes(l)
	if len(b) < 2 || b[0] != 4 {
		return l.asData() // Kerberos 5, or too short to tell
	}
	l.Payload = l.End
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	krb4Version = iota
	krb4AuthMsgType
	krb4MType
	krb4ByteOrder
	krb4Name
	krb4Instance
	krb4Realm
	krb4TimeSec
	krb4Lifetime
	krb4SName
	krb4SInstance
	krb4FieldCount
)

var krb4Fields = [krb4FieldCount]Field{
	krb4Version:     {Name: "krb4.version", Label: "Version", Kind: KindUint, Width: 8},
	krb4AuthMsgType: {Name: "krb4.auth_msg_type", Label: "Msg Type", Kind: KindUint, Width: 8, Base: BaseHex},
	krb4MType:       {Name: "krb4.m_type", Label: "M Type", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xfe},
	krb4ByteOrder:   {Name: "krb4.byte_order", Label: "Byte Order", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x01},
	krb4Name:        {Name: "krb4.name", Label: "Name", Kind: KindString},
	krb4Instance:    {Name: "krb4.instance", Label: "Instance", Kind: KindString},
	krb4Realm:       {Name: "krb4.realm", Label: "Realm", Kind: KindString},
	krb4TimeSec:     {Name: "krb4.time_sec", Label: "Time Sec", Kind: KindTime},
	krb4Lifetime:    {Name: "krb4.lifetime", Label: "Lifetime", Kind: KindUint, Width: 8},
	krb4SName:       {Name: "krb4.s_name", Label: "Service Name", Kind: KindString},
	krb4SInstance:   {Name: "krb4.s_instance", Label: "Service Instance", Kind: KindString},
}

var protoKRB4 = protoField("krb4", "Kerberos v4")

// appendKRB4Protocols appends the message's frame.protocols entry: tshark's
// Kerberos dissector, on port 88, hands a version 4 message on to krb4.
func appendKRB4Protocols(b []byte, d *Decoder, i int) []byte {
	if u := &d.layers[i-1]; u.Type == LayerUDP && u.Payload-u.Start >= udpLen {
		if h := UDP(d.data[u.Start:u.Payload]); h.SrcPort() == krbPort || h.DstPort() == krbPort {
			b = append(b, "kerberos:"...)
		}
	}
	return append(b, "krb4"...)
}

// krb4String returns the NUL-terminated string at off in m and the offset
// after its NUL; ok is false when m ends first.
func krb4String(m []byte, off int) (s []byte, next int, ok bool) {
	if off > len(m) {
		return nil, off, false
	}
	n := bytes.IndexByte(m[off:], 0)
	if n < 0 {
		return nil, off, false
	}
	return m[off : off+n], off + n + 1, true
}

// krb4Order returns the byte order of a message whose type byte is t.
func krb4Order(t uint8) binary.ByteOrder {
	if t&1 != 0 {
		return binary.LittleEndian
	}
	return binary.BigEndian
}

// emitKRB4 emits the message's fields in the order of tshark's tree, which
// is drawn from them (treefields.go): the version and message type, and a
// KDC request's names, time and lifetime as far as they were captured. A
// string or number that runs past the captured bytes ends the message with
// tshark's exception line.
func emitKRB4(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	f := &krb4Fields
	m := d.data[l.Start:l.End]
	e.Proto(&protoKRB4)
	e.Uint(&f[krb4Version], uint64(m[0]))
	t := m[1]
	e.Uint(&f[krb4AuthMsgType], uint64(t))
	mtype := f[krb4MType].ValueNames().Name(uint64(t >> 1))
	if e.Tree() {
		b := appendHex2(append(e.Text(), "Msg Type: 0x"...), t)
		b = append(append(b, ' '), mtype...)
		if mtype == "" {
			b = append(b, "Unknown"...)
		}
		if t&1 != 0 {
			b = append(b, " (Little Endian)"...)
		} else {
			b = append(b, " (Big Endian)"...)
		}
		e.SetRepr(b)
	}
	e.Sub()
	e.UintBits(&f[krb4MType], uint64(t))
	e.UintBits(&f[krb4ByteOrder], uint64(t))
	e.Up()
	cut := false
	if t>>1 == krb4KDCRequest {
		cut = !emitKRB4KDCRequest(e, m, krb4Order(t))
	}
	e.End()
	if cut {
		e.TreeException("KRB4")
	}
}

// emitKRB4KDCRequest emits a KDC request's fields after the type; it
// reports false where the captured bytes ran out.
func emitKRB4KDCRequest(e *emitter, m []byte, order binary.ByteOrder) bool {
	f := &krb4Fields
	off := 2
	for _, k := range [...]int{krb4Name, krb4Instance, krb4Realm} {
		s, next, ok := krb4String(m, off)
		if !ok {
			return false
		}
		e.TextDone(&f[k], appendASCIIString(e.Text(), s))
		off = next
	}
	if off+5 > len(m) {
		return false
	}
	loc := e.loc // the zone the tree shows times in; the other outputs, the local one
	if loc == nil {
		loc = time.Local
	}
	tm := time.Unix(int64(order.Uint32(m[off:])), 0).In(loc)
	e.TextDone(&f[krb4TimeSec], tm.AppendFormat(e.Text(), "Jan _2, 2006 15:04:05.000000000 MST"))
	lifetime := m[off+4]
	e.Uint(&f[krb4Lifetime], uint64(lifetime))
	if e.Tree() {
		b := strconv.AppendUint(append(e.Text(), "Lifetime: "...), uint64(lifetime), 10)
		b = strconv.AppendUint(append(b, " ("...), uint64(lifetime)*5, 10)
		e.SetRepr(append(b, " minutes)"...))
	}
	off += 5
	for _, k := range [...]int{krb4SName, krb4SInstance} {
		s, next, ok := krb4String(m, off)
		if !ok {
			return false
		}
		e.TextDone(&f[k], appendASCIIString(e.Text(), s))
		off = next
	}
	return true
}

// appendASCIIString appends s as Wireshark reads an ASCII string from a
// packet: up to its first NUL, a byte above 0x7f as U+FFFD.
func appendASCIIString(b, s []byte) []byte {
	for _, c := range s {
		switch {
		case c == 0:
			return b
		case c >= 0x80:
			b = append(b, "\uFFFD"...)
		default:
			b = append(b, c)
		}
	}
	return b
}

// infoKRB4 appends the Info column: the message type's name, and tshark's
// mark where a KDC request runs past the captured bytes.
func (p *ColumnsPrinter) infoKRB4(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	m := d.data[l.Start:l.End]
	t := m[1]
	name := krb4Fields[krb4MType].ValueNames().Name(uint64(t >> 1))
	if name == "" {
		name = "Unknown"
	}
	b = append(b, name...)
	if t>>1 == krb4KDCRequest && !krb4KDCRequestWhole(m) {
		b = p.appendException(b)
	}
	return b
}

// krb4KDCRequestWhole reports whether the KDC request m was captured up to
// its last string's NUL.
func krb4KDCRequestWhole(m []byte) bool {
	off := 2
	for k := 0; k < 5; k++ {
		if k == 3 {
			if off+5 > len(m) {
				return false
			}
			off += 5
		}
		_, next, ok := krb4String(m, off)
		if !ok {
			return false
		}
		off = next
	}
	return true
}

// appendKerberos appends what tcpdump's Kerberos printer prints for a
// datagram to or from port 88 that is no version 4 message: the version
// of versions 1 to 3 (" v2"), " v5" for a version 5 message's first byte,
// nothing for others.
func (p *LinePrinter) appendKerberos(b, m []byte) []byte {
	if len(m) == 0 {
		return p.cut(b, " [|krb]")
	}
	switch v := m[0]; v {
	case 1, 2, 3:
		return strconv.AppendUint(append(b, " v"...), uint64(v), 10)
	case 4: // a version 4 message cut before its type
		return p.cut(append(b, " v4"...), " [|krb]")
	case 106, 107:
		return append(b, " v5"...)
	}
	return b
}

// krb4TcpdumpTypes are tcpdump's names of the message types.
var krb4TcpdumpTypes = map[uint8]string{1: "KDC_REQUEST", 2: "KDC_REPLY", 3: "APPL_REQUEST",
	4: "APPL_REQUEST_MUTUAL", 5: "ERR_REPLY", 6: "PRIVATE", 7: "SAFE", 8: "APPL_ERR", 63: "DIE"}

// krb4TcpdumpErrors are tcpdump's names of the error codes it knows.
var krb4TcpdumpErrors = [...]string{"OK", "NAME_EXP", "SERVICE_EXP", "AUTH_EXP", "PKT_VER", "NAME_MAST_KEY_VER",
	"SERV_MAST_KEY_VER", "BYTE_ORDER", "PRINCIPAL_UNKNOWN", "PRINCIPAL_NOT_UNIQUE", "NULL_KEY"}

// krb4Line is tcpdump's Kerberos 4 printer over the message m.
type krb4Line struct {
	p     *LinePrinter
	b, m  []byte
	off   int
	order binary.ByteOrder
}

// str appends the NUL-terminated string at off as tcpdump escapes it;
// false where the captured bytes end first (after what was there).
func (k *krb4Line) str() bool {
	s, next, ok := krb4String(k.m, k.off)
	if !ok {
		if k.off < len(k.m) {
			k.b = appendPrintable(k.b, k.m[k.off:])
		}
		k.b = append(k.b, " [|krb]"...)
		return false
	}
	k.b = appendPrintable(k.b, s)
	k.off = next
	return true
}

// hdr appends "name.instance@realm".
func (k *krb4Line) hdr() bool {
	k.off = 2
	if !k.str() {
		return false
	}
	k.b = append(k.b, '.')
	if !k.str() {
		return false
	}
	k.b = append(k.b, '@')
	return k.str()
}

// has reports whether n bytes from off were captured, else ends the line
// as tcpdump's read past them does (it unwinds out of the packet).
func (k *krb4Line) has(n int) bool {
	if k.off+n > len(k.m) {
		k.b = k.p.cut(k.b, " [|krb]")
		return false
	}
	return true
}

// lineKRB4 appends tcpdump's " v4 be KDC_REQUEST: name.instance@realm
// 680min sname.sinstance" (the strings as tcpdump escapes them), or a
// reply's, an application request's or an error's line; " [|krb]" where
// the captured bytes end first.
func (p *LinePrinter) lineKRB4(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	m := d.data[l.Start:l.End]
	if p.Options.Quiet {
		return appendQuietUDP(b, d, i)
	}
	t := m[1]
	b = append(b, " v4 "...)
	if t&1 != 0 {
		b = append(b, "le "...)
	} else {
		b = append(b, "be "...)
	}
	b = append(b, krb4TcpdumpTypes[t>>1]...)
	b = append(b, ": "...)
	k := krb4Line{p: p, b: b, m: m, order: krb4Order(t)}
	switch t >> 1 {
	case krb4KDCRequest:
		if !k.hdr() || !k.has(5) {
			return k.b
		}
		k.b = strconv.AppendUint(append(k.b, ' '), uint64(m[k.off+4])*5, 10)
		k.b = append(k.b, "min "...)
		k.off += 5
		if k.str() {
			k.b = append(k.b, '.')
			k.str()
		}
	case 2: // KDC reply
		if !k.hdr() {
			return k.b
		}
		k.off += 10 // time, count, expiry, key version
		if k.has(2) {
			k.b = strconv.AppendInt(append(k.b, " ("...), int64(k.order.Uint16(m[k.off:])), 10)
			k.b = append(k.b, ')')
		}
	case 3: // application request
		k.off = 2
		if !k.has(1) {
			return k.b
		}
		k.b = strconv.AppendUint(append(k.b, 'v'), uint64(m[k.off]), 10)
		k.b = append(k.b, ' ')
		k.off++
		if !k.str() {
			return k.b
		}
		for range 2 {
			if !k.has(1) {
				return k.b
			}
			k.b = strconv.AppendUint(append(k.b, " ("...), uint64(m[k.off]), 10)
			k.b = append(k.b, ')')
			k.off++
		}
	case 5: // error reply
		if !k.hdr() {
			return k.b
		}
		k.off += 4 // time
		if !k.has(2) {
			return k.b
		}
		k.b = append(k.b, ' ')
		if c := k.order.Uint16(m[k.off:]); int(c) < len(krb4TcpdumpErrors) {
			k.b = append(k.b, krb4TcpdumpErrors[c]...)
		} else {
			k.b = strconv.AppendUint(append(k.b, '#'), uint64(c), 10)
		}
		k.b = append(k.b, ' ')
		k.off += 4
		k.str()
	default:
		k.b = append(k.b, "(unknown)"...)
	}
	return k.b
}
