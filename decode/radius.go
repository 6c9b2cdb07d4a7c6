package decode

// RADIUS is a RADIUS message (RFC 2865, 2866, 5176), carried in UDP ports
// 1812/1813 (and the old 1645/1646), 1700 and 3799 for dynamic
// authorization:
//
//	|     Code      |  Identifier   |            Length             |
//	|                 Authenticator (16 bytes)                      |
//	|  Attributes (type, length, value) ...
//
// The view holds the message as captured.

const radiusHdrLen = 20

// radiusMaxLen is the largest Length tshark accepts (RFC 2865 section 3).
const radiusMaxLen = 4096

// decodeRADIUS takes a UDP payload as RADIUS when tshark does: a known code
// and a Length from 20 to 4096; else it stays data. A Length past the
// captured bytes marks the message truncated: tshark runs out of bytes
// before the attributes and shows it malformed.
func (d *Decoder) decodeRADIUS(l *Layer) LayerType {
	b := d.data[l.Start:l.End]
	if radiusBadUDPLength(d) || len(b) < radiusHdrLen || radiusName(radiusCode, uint64(b[0])) == "" {
		l.Type = LayerPayload
		l.Payload = l.Start
		return LayerNone
	}
	n := int(be16(b[2:]))
	if n < radiusHdrLen || n > radiusMaxLen {
		l.Type = LayerPayload
		l.Payload = l.Start
		return LayerNone
	}
	l.Payload = l.End
	if n > len(b) {
		l.Malformed = ReasonTruncated
	}
	return LayerNone
}

// radiusBadUDPLength reports a UDP length past the IP packet's: tshark
// marks the length bad and hands the payload to no protocol.
func radiusBadUDPLength(d *Decoder) bool {
	if d.n < 2 {
		return false
	}
	u, ip := &d.layers[d.n-1], &d.layers[d.n-2]
	if u.Type != LayerUDP || u.Start+udpLen > len(d.data) {
		return false
	}
	n := int(be16(d.data[u.Start+4:]))
	h := d.data[ip.Start:]
	switch {
	case ip.Type == LayerIPv4 && len(h) >= 20:
		return n > int(be16(h[2:]))-(u.Start-ip.Start)
	case ip.Type == LayerIPv6 && len(h) >= 40:
		return n > int(be16(h[4:]))+40-(u.Start-ip.Start)
	}
	return false
}

// The fields, as Wireshark registers them.
const (
	radiusCode = iota
	radiusID
	radiusLength
	radiusAuthenticator
	radiusFieldCount
)

var radiusFields = [radiusFieldCount]Field{
	radiusCode:          {Name: "radius.code", Label: "Code", Kind: KindUint, Width: 8},
	radiusID:            {Name: "radius.id", Label: "Identifier", Kind: KindUint, Width: 8},
	radiusLength:        {Name: "radius.length", Label: "Length", Kind: KindUint, Width: 16},
	radiusAuthenticator: {Name: "radius.authenticator", Label: "Authenticator", Kind: KindBytes},
}

var protoRADIUS = protoField("radius", "RADIUS Protocol")

func radiusName(f int, v uint64) string { return radiusFields[f].ValueNames().Name(v) }

// emitRADIUS emits the header's fields in tshark's order.
func emitRADIUS(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoRADIUS)
	b := d.data[l.Start:l.End]
	f := &radiusFields
	if len(b) >= radiusHdrLen {
		e.Uint(&f[radiusCode], uint64(b[0]))
		e.Uint(&f[radiusID], uint64(b[1]))
		e.Uint(&f[radiusLength], uint64(be16(b[2:])))
		e.Bytes(&f[radiusAuthenticator], b[4:20])
	}
	e.End()
}

// The kinds of attribute value tshark's dictionary gives the attributes
// rawcap shows.
const (
	radiusAttrString = iota + 1
	radiusAttrOctets
	radiusAttrInteger
	radiusAttrIPv4
	radiusAttrPassword
)

// radiusAttrs are the dictionary attributes rawcap draws (RFC 2865/2866):
// their names as tshark's dictionary spells them, and kind. An attribute
// not listed here is left out of the tree.
var radiusAttrs = [256]struct {
	name string
	kind uint8
}{
	1:  {"User-Name", radiusAttrString},
	2:  {"User-Password", radiusAttrPassword},
	4:  {"NAS-IP-Address", radiusAttrIPv4},
	5:  {"NAS-Port", radiusAttrInteger},
	8:  {"Framed-IP-Address", radiusAttrIPv4},
	9:  {"Framed-IP-Netmask", radiusAttrIPv4},
	11: {"Filter-Id", radiusAttrString},
	12: {"Framed-MTU", radiusAttrInteger},
	18: {"Reply-Message", radiusAttrString},
	24: {"State", radiusAttrOctets},
	25: {"Class", radiusAttrOctets},
	27: {"Session-Timeout", radiusAttrInteger},
	28: {"Idle-Timeout", radiusAttrInteger},
	30: {"Called-Station-Id", radiusAttrString},
	31: {"Calling-Station-Id", radiusAttrString},
	32: {"NAS-Identifier", radiusAttrString},
	44: {"Acct-Session-Id", radiusAttrString},
	46: {"Acct-Session-Time", radiusAttrInteger},
	80: {"Message-Authenticator", radiusAttrOctets},
}

// radiusPrintable reports whether tshark shows s as it is.
func radiusPrintable(s []byte) bool {
	for _, c := range s {
		if c < 0x20 || c > 0x7e || c == '\\' {
			return false
		}
	}
	return true
}

// treeRADIUS appends the RADIUS subtree as tshark -V shows it: the header
// and the attributes rawcap knows the dictionary entry of.
func treeRADIUS(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	t.head("RADIUS Protocol")
	t.end()
	b := d.data[l.Start:l.End]
	if len(b) < radiusHdrLen {
		return
	}
	t.depth = 1
	t.line()
	t.b = append(t.b, "Code: "...)
	t.b = appendValueName(t.b, radiusName(radiusCode, uint64(b[0])), uint64(b[0]))
	t.end()
	t.line()
	t.b = append(t.b, "Packet identifier: 0x"...)
	t.b = appendHexMin(t.b, uint64(b[1]))
	t.b = append(t.b, " ("...)
	t.b = appendUint(t.b, uint64(b[1]))
	t.b = append(t.b, ')')
	t.end()
	n := int(be16(b[2:]))
	t.int("Length", n)
	t.line()
	t.b = append(t.b, "Authenticator: "...)
	t.b = appendHexRun(t.b, b[4:20])
	t.end()
	if n > len(b) || n <= radiusHdrLen {
		return
	}
	t.line()
	t.b = append(t.b, "Attribute Value Pairs"...)
	t.end()
	for off := radiusHdrLen; off+2 <= n; {
		typ, alen := b[off], int(b[off+1])
		if alen < 2 || off+alen > n {
			return
		}
		v := b[off+2 : off+alen]
		off += alen
		a := &radiusAttrs[typ]
		ok := false
		switch a.kind {
		case radiusAttrString:
			ok = len(v) > 0 && radiusPrintable(v)
		case radiusAttrOctets, radiusAttrPassword:
			ok = len(v) > 0
		case radiusAttrInteger, radiusAttrIPv4:
			ok = len(v) == 4
		}
		if !ok {
			continue
		}
		t.depth = 2
		t.line()
		t.b = append(t.b, "AVP: t="...)
		t.b = append(t.b, a.name...)
		t.b = append(t.b, '(')
		t.b = appendUint(t.b, uint64(typ))
		t.b = append(t.b, ") l="...)
		t.b = appendUint(t.b, uint64(alen))
		t.b = append(t.b, " val="...)
		mark := len(t.b)
		switch a.kind {
		case radiusAttrString:
			t.b = append(t.b, v...)
		case radiusAttrOctets:
			t.b = appendHexRun(t.b, v)
		case radiusAttrPassword:
			t.b = append(t.b, "Encrypted"...)
		case radiusAttrInteger:
			t.b = appendUint(t.b, uint64(be32(v)))
		case radiusAttrIPv4:
			t.b = addr4(v).AppendTo(t.b)
		}
		val := len(t.b) - mark
		t.end()
		t.depth = 3
		t.int("Type", int(typ))
		t.int("Length", alen)
		t.line()
		t.b = append(t.b, a.name...)
		if a.kind == radiusAttrPassword {
			t.b = append(t.b, " (encrypted): "...)
			t.b = appendHexRun(t.b, v)
		} else {
			t.b = append(t.b, ": "...)
			t.b = append(t.b, t.b[mark:mark+val]...)
		}
		t.end()
	}
}

// infoRADIUS appends the Info column: "Access-Request id=5".
func infoRADIUS(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	raw := d.data[l.Start:l.End]
	if len(raw) < radiusHdrLen {
		return b
	}
	b = append(b, radiusName(radiusCode, uint64(raw[0]))...)
	b = append(b, " id="...)
	return appendUint(b, uint64(raw[1]))
}
