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
		return l.asData()
	}
	n := int(be16(b[2:]))
	if n < radiusHdrLen || n > radiusMaxLen {
		return l.asData()
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
	radiusReq
	radiusRsp
	radiusAVP
	radiusAVPType
	radiusAVPLength
	radiusUserPassword
	radiusReqFrame
	radiusRspFrame
	radiusTime
	radiusDup
	radiusReqDup
	radiusRspDup
	radiusVendorID
	radiusVendorType
	radiusVendorLen
	radiusEAPFragment
	radiusFieldCount
)

// radiusFields are the header's fields (indexed by the constants above)
// then the attributes' (radiusAttrFields, from radiusFieldCount on): one
// table, so that every field is registered under the protocol.
var radiusFields = append(radiusHdrFields[:], radiusAttrFields[:]...)

var radiusHdrFields = [radiusFieldCount]Field{
	radiusCode:          {Name: "radius.code", Label: "Code", Kind: KindUint, Width: 8},
	radiusID:            {Name: "radius.id", Label: "Identifier", Kind: KindUint, Width: 8},
	radiusLength:        {Name: "radius.length", Label: "Length", Kind: KindUint, Width: 16},
	radiusAuthenticator: {Name: "radius.authenticator", Label: "Authenticator", Kind: KindBytes},
	radiusReq:           {Name: "radius.req", Label: "Request", Kind: KindBool},
	radiusRsp:           {Name: "radius.rsp", Label: "Response", Kind: KindBool},
	radiusAVP:           {Name: "radius.avp", Label: "AVP", Kind: KindBytes},
	radiusAVPType:       {Name: "radius.avp.type", Label: "Type", Kind: KindUint, Width: 8},
	radiusAVPLength:     {Name: "radius.avp.length", Label: "Length", Kind: KindUint, Width: 8},
	radiusUserPassword:  {Name: "radius.User_Password_encrypted", Label: "User-Password (encrypted)", Kind: KindBytes},
	radiusVendorID:      {Name: "radius.avp.vendor_id", Label: "Vendor ID", Kind: KindUint, Width: 32},
	radiusVendorType:    {Name: "radius.avp.vendor_type", Label: "Type", Kind: KindUint, Width: 8},
	radiusVendorLen:     {Name: "radius.avp.vendor_len", Label: "Length", Kind: KindUint, Width: 8},
	radiusEAPFragment:   {Name: "radius.eap_fragment", Label: "EAP fragment", Kind: KindBytes},
	radiusReqFrame:      {Name: "radius.reqframe", Label: "Request Frame", Kind: KindFrameNum, Generated: true},
	radiusRspFrame:      {Name: "radius.rspframe", Label: "Response Frame", Kind: KindFrameNum, Generated: true},
	radiusTime:          {Name: "radius.time", Label: "Time from request", Kind: KindRelTime, Generated: true},
	radiusDup:           {Name: "radius.dup", Label: "Duplicate Message ID", Kind: KindUint, Width: 32},
	radiusReqDup:        {Name: "radius.req.dup", Label: "Duplicate Request Frame Number", Kind: KindFrameNum, Generated: true},
	radiusRspDup:        {Name: "radius.rsp.dup", Label: "Duplicate Response Frame Number", Kind: KindFrameNum, Generated: true},
}

var protoRADIUS = protoField("radius", "RADIUS Protocol")

func radiusName(f int, v uint64) string { return radiusFields[f].ValueNames().Name(v) }

// radiusRole tells a request (1) from a response (2) as tshark pairs them;
// 0 for any other code.
func radiusRole(code byte) int {
	switch code {
	case 1, 4, 7, 21, 23, 26, 33, 40, 43, 129:
		return 1
	case 2, 3, 5, 8, 9, 11, 22, 24, 27, 34, 41, 42, 44, 45, 130, 131, 132:
		return 2
	}
	return 0
}

// emitRADIUS emits the header's fields in tshark's order, then each
// attribute's bytes, type and length and, for the attributes rawcap
// draws, its value, in the order and nesting of tshark's tree.
func emitRADIUS(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoRADIUS)
	b := d.data[l.Start:l.End]
	f := radiusFields
	if len(b) >= radiusHdrLen {
		e.Uint(&f[radiusCode], uint64(b[0]))
		e.Uint(&f[radiusID], uint64(b[1]))
		if e.Tree() {
			t := appendHexMin(append(e.Text(), "Packet identifier: 0x"...), uint64(b[1]))
			t = appendUint(append(t, " ("...), uint64(b[1]))
			e.SetRepr(append(t, ')'))
		}
		n := int(be16(b[2:]))
		e.Uint(&f[radiusLength], uint64(n))
		e.Bytes(&f[radiusAuthenticator], b[4:20])
		q := e.conv.link(i)
		frame := func(fl *Field, label string, n int) {
			e.Uint(fl, uint64(n))
			if e.Tree() {
				e.SetRepr(appendUint(append(e.Text(), label...), uint64(n)))
			}
		}
		switch radiusRole(b[0]) {
		case 1:
			e.Hidden(true)
			e.Bool(&f[radiusReq], true)
			e.Hidden(false)
			if q != nil && q.retransRequest != 0 {
				e.Hidden(true)
				e.Uint(&f[radiusDup], uint64(b[1]))
				e.Hidden(false)
				e.Uint(&f[radiusReqDup], uint64(q.retransRequest))
				if q.responseIn != 0 {
					frame(&f[radiusRspFrame], "The response to this request is in frame ", q.responseIn)
				}
			}
		case 2:
			e.Hidden(true)
			e.Bool(&f[radiusRsp], true)
			e.Hidden(false)
			if q != nil && q.request != 0 {
				frame(&f[radiusReqFrame], "This is a response to a request in frame ", q.request)
				e.relNstime(&f[radiusTime], q.delta)
				if e.Tree() {
					t := appendNstime(append(e.Text(), "Time from request: "...), q.delta)
					e.SetRepr(append(t, " seconds"...))
				}
				if q.retransResponse != 0 {
					e.Hidden(true)
					e.Uint(&f[radiusDup], uint64(b[1]))
					e.Hidden(false)
					e.Uint(&f[radiusRspDup], uint64(q.retransResponse))
				}
			}
		}
		if n <= len(b) {
			if n > radiusHdrLen {
				e.LineString("Attribute Value Pairs")
			}
			e.Sub()
			seg := 0 // EAP-Message attributes in a row so far
			for off := radiusHdrLen; off+2 <= n; {
				alen := int(b[off+1])
				if alen < 2 || off+alen > n {
					break
				}
				a, next := b[off:off+alen], off+alen
				if a[0] == 79 {
					seg++
				} else {
					seg = 0
				}
				if a[0] != 79 || !emitRADIUSEAP(e, a, seg, !(next+2 <= n && b[next] == 79)) {
					emitRADIUSAttr(e, a)
				}
				off = next
			}
			e.Up()
		}
	}
	e.End()
}

// emitRADIUSAttr emits attribute a (type, length, value): its bytes as an
// "AVP: t=User-Name(1) l=5 val=bob" line, its type and length beneath, then
// its value's field; an attribute rawcap does not know how tshark shows
// stays out of the tree.
func emitRADIUSAttr(e *emitter, a []byte) {
	f := radiusFields
	typ, v := a[0], a[2:]
	if typ == 26 && emitRADIUSVendor(e, a) {
		return
	}
	name, kind := radiusDict[typ].name, radiusDict[typ].kind
	if typ == 2 {
		name = "User-Password"
	}
	// A 64-bit integer tshark shows as another field.
	drawn := name != "" && len(v) > 0 && (kind != radiusAttrString || radiusPrintable(v)) &&
		!(kind == radiusAttrInteger && len(v) == 8)
	e.Bytes(&f[radiusAVP], a)
	if !drawn {
		e.NoTree()
	} else if e.Tree() {
		t := append(e.Text(), "AVP: t="...)
		t = append(append(t, name...), '(')
		t = append(appendUint(t, uint64(typ)), ") l="...)
		t = append(appendUint(t, uint64(len(a))), " val="...)
		if typ == 2 {
			t = append(t, "Encrypted"...)
		} else {
			t = appendRADIUSVal(t, typ, kind, radiusAttrField(typ), v, radiusValueShown(kind, v))
		}
		e.SetRepr(t)
	}
	e.Sub()
	e.Uint(&f[radiusAVPType], uint64(typ))
	if !drawn {
		e.NoTree()
	}
	e.Uint(&f[radiusAVPLength], uint64(len(a)))
	if !drawn {
		e.NoTree()
	}
	at := len(e.recs)
	emitRADIUSValue(e, typ, v)
	if len(e.recs) > at && e.Tree() {
		switch {
		case !drawn:
			e.NoTree()
		case kind == radiusAttrIPv4:
			// Framed-IP-Address and Login-IP-Host name their special
			// values, as on the AVP line.
			if x := be32(v); typ == 8 && x >= 0xfffffffe || typ == 14 && (x == 0 || x == 0xffffffff) {
				fl := radiusAttrField(typ)
				t := append(append(e.Text(), fl.Label...), ": "...)
				e.SetRepr(appendRADIUSVal(t, typ, kind, fl, v, true))
			}
		}
	}
	e.Up()
}

// emitRADIUSEAP emits EAP-Message attribute a, the seg-th of a run of
// them (last: the run's last), as tshark draws it: the AVP line ("…
// Segment[1]", "… Last Segment[2]"), its type and length, the fragment's
// bytes and, when a alone holds a whole EAP packet, the packet inside
// (tshark reassembles one split over several; rawcap does not yet). It
// reports false, emitting nothing, for a lone attribute whose value is not
// one whole EAP packet.
func emitRADIUSEAP(e *emitter, a []byte, seg int, last bool) bool {
	f := radiusFields
	v := a[2:]
	p, err := ParseEAP(v)
	whole := seg == 1 && last && err == nil && int(p.Length()) == len(v)
	if seg == 1 && last && !whole {
		return false
	}
	e.Bytes(&f[radiusAVP], a)
	if e.Tree() {
		t := appendUint(append(e.Text(), "AVP: t=EAP-Message(79) l="...), uint64(len(a)))
		if last {
			t = append(t, " Last"...)
		}
		t = appendUint(append(t, " Segment["...), uint64(seg))
		e.SetRepr(append(t, ']'))
	}
	e.Sub()
	e.Uint(&f[radiusAVPType], 79)
	e.Uint(&f[radiusAVPLength], uint64(len(a)))
	e.Bytes(&f[radiusEAPFragment], v)
	if whole {
		depth := e.NestedProto(&protoEAP)
		emitEAPBytes(e, p)
		e.EndNested(depth)
	}
	e.Up()
	return true
}

// radiusAttrField is the field of attribute typ's value.
func radiusAttrField(typ byte) *Field {
	return &radiusFields[radiusFieldCount+int(radiusDict[typ].field)]
}

// emitRADIUSValue emits the value field of an attribute rawcap draws.
func emitRADIUSValue(e *emitter, typ byte, v []byte) {
	if typ == 2 {
		if len(v) > 0 {
			e.Bytes(&radiusFields[radiusUserPassword], v)
		}
		return
	}
	a := &radiusDict[typ]
	if !radiusValueShown(a.kind, v) {
		return
	}
	f := radiusAttrField(typ)
	switch a.kind {
	case radiusAttrString:
		e.TextDone(f, append(e.Text(), v...))
	case radiusAttrOctets, radiusAttrPrefix6:
		e.Bytes(f, v)
	case radiusAttrInteger:
		e.Uint(f, radiusInt(v))
	case radiusAttrIPv4:
		e.IPv4(f, v)
	case radiusAttrIPv6:
		e.IPv6(f, v)
	}
}

// The kinds of attribute value tshark's dictionary gives the attributes
// rawcap draws.
const (
	radiusAttrString = iota + 1
	radiusAttrOctets
	radiusAttrInteger
	radiusAttrIPv4
	radiusAttrIPv6
	radiusAttrPrefix6
)

// radiusValueShown reports whether tshark shows the value v of an
// attribute of kind k as a field of its own (and not only a note on the
// AVP line).
func radiusValueShown(k uint8, v []byte) bool {
	switch k {
	case radiusAttrString:
		return len(v) > 0 && radiusPrintable(v)
	case radiusAttrOctets:
		return len(v) > 0
	case radiusAttrInteger:
		return len(v) >= 1 && len(v) <= 4
	case radiusAttrIPv4:
		return len(v) == 4
	case radiusAttrIPv6:
		return len(v) == 16
	case radiusAttrPrefix6:
		return len(v) >= 2 && len(v) <= 18 && v[0] == 0 && v[1] <= 128
	}
	return false
}

// radiusInt reads a 1- to 4-byte integer.
func radiusInt(v []byte) uint64 {
	var x uint64
	for _, c := range v {
		x = x<<8 | uint64(c)
	}
	return x
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

// appendRADIUSVal appends what tshark shows after "val=" on an AVP line.
func appendRADIUSVal(b []byte, typ byte, kind uint8, f *Field, v []byte, shown bool) []byte {
	switch kind {
	case radiusAttrString:
		return append(b, v...)
	case radiusAttrOctets:
		// At most 36 bytes, then "…", as tshark's labels show bytes.
		return appendWSBytes(b, v)
	case radiusAttrInteger:
		if !shown {
			b = append(b, "[unhandled integer length("...)
			b = appendUint(b, uint64(len(v)))
			return append(b, ")]"...)
		}
		x := radiusInt(v)
		if vn := f.ValueNames(); vn != nil {
			s := vn.Name(x)
			if s == "" {
				s = "Unknown"
			}
			b = append(b, s...)
			b = append(b, '(')
			b = appendUint(b, x)
			return append(b, ')')
		}
		return appendUint(b, x)
	case radiusAttrIPv4:
		if !shown {
			return append(b, "[wrong length for IP address]"...)
		}
		// Framed-IP-Address and Login-IP-Host name their special values.
		switch x := be32(v); {
		case typ == 8 && x == 0xffffffff:
			return append(b, "Negotiated"...)
		case typ == 8 && x == 0xfffffffe:
			return append(b, "Assigned"...)
		case typ == 14 && x == 0:
			return append(b, "NAS-selected"...)
		case typ == 14 && x == 0xffffffff:
			return append(b, "User-selected"...)
		}
		return addr4(v).AppendTo(b)
	case radiusAttrIPv6:
		if !shown {
			return append(b, "[wrong length for IPv6 address]"...)
		}
		return addr16(v).AppendTo(b)
	case radiusAttrPrefix6:
		switch {
		case len(v) < 2 || len(v) > 18:
			return append(b, "[wrong length for IPv6 prefix]"...)
		case v[0] != 0:
			return append(b, "[invalid reserved byte for IPv6 prefix]"...)
		case v[1] > 128:
			return append(b, "[invalid IPv6 prefix length]"...)
		}
		var p [16]byte
		copy(p[:], v[2:])
		b = addr16(p[:]).AppendTo(b)
		b = append(b, '/')
		return appendUint(b, uint64(v[1]))
	}
	return b
}

// infoRADIUS appends the Info column: "Access-Request id=5".
func infoRADIUS(b []byte, d *Decoder, i int, r *convResults) []byte {
	l := &d.layers[i]
	raw := d.data[l.Start:l.End]
	if len(raw) < radiusHdrLen {
		return b
	}
	b = append(b, radiusName(radiusCode, uint64(raw[0]))...)
	b = append(b, " id="...)
	b = appendUint(b, uint64(raw[1]))
	if q := r.link(i); q != nil {
		switch {
		case q.retransRequest != 0:
			b = append(b, ", Duplicate Request"...)
		case q.retransResponse != 0:
			b = append(b, ", Duplicate Response"...)
		}
	}
	return b
}

// radiusVendorName returns the name Wireshark's enterprise-number table
// gives the vendors most RADIUS servers send attributes of, or "".
func radiusVendorName(id uint32) string {
	switch id {
	case 9:
		return "ciscoSystems"
	case 311:
		return "Microsoft"
	case 2636:
		return "Juniper Networks, Inc."
	case 14122:
		return "Wireless Broadband Alliance Ltd"
	case 14823:
		return "Aruba, a Hewlett Packard Enterprise company"
	}
	return ""
}

// emitRADIUSVendor emits a Vendor-Specific attribute (RFC 2865 5.26) whose
// sub-attributes fill it exactly: radius.avp.vendor_id, and each
// sub-attribute's radius.avp.vendor_type and radius.avp.vendor_len. The
// tree draws the AVP line, its type, length and vendor where rawcap knows
// the vendor's name; the "VSA:" lines, which take the vendor's
// dictionary, are left out of it. It reports false, having emitted
// nothing, for an attribute it does not lay out.
func emitRADIUSVendor(e *emitter, a []byte) bool {
	v := a[2:]
	if len(v) < 4 {
		return false
	}
	for s := v[4:]; len(s) > 0; {
		if len(s) < 2 || s[1] < 2 || int(s[1]) > len(s) {
			return false
		}
		s = s[s[1]:]
	}
	f := radiusFields
	id := be32(v)
	name := radiusVendorName(id)
	e.Bytes(&f[radiusAVP], a)
	if name == "" {
		e.NoTree()
	} else if e.Tree() {
		t := append(e.Text(), "AVP: t=Vendor-Specific(26) l="...)
		t = append(appendUint(t, uint64(len(a))), " vnd="...)
		t = append(append(t, name...), '(')
		e.SetRepr(append(appendUint(t, uint64(id)), ')'))
	}
	e.Sub()
	e.Uint(&f[radiusAVPType], 26)
	if name == "" {
		e.NoTree()
	}
	e.Uint(&f[radiusAVPLength], uint64(len(a)))
	if name == "" {
		e.NoTree()
	}
	e.Uint(&f[radiusVendorID], uint64(id))
	if name == "" {
		e.NoTree()
	} else if e.Tree() {
		t := append(append(e.Text(), "Vendor ID: "...), name...)
		t = appendUint(append(t, " ("...), uint64(id))
		e.SetRepr(append(t, ')'))
	}
	for s := v[4:]; len(s) > 0; s = s[s[1]:] {
		e.Uint(&f[radiusVendorType], uint64(s[0]))
		e.NoTree()
		e.Uint(&f[radiusVendorLen], uint64(s[1]))
		e.NoTree()
	}
	e.Up()
	return true
}

// appendRADIUSProtocols appends frame.protocols' entry for RADIUS layer i:
// "radius", and ":eap" when an EAP-Message attribute carries EAP.
func appendRADIUSProtocols(b []byte, d *Decoder, i int) []byte {
	b = append(b, "radius"...)
	l := &d.layers[i]
	m := d.data[l.Start:l.End]
	if len(m) < radiusHdrLen || int(be16(m[2:])) > len(m) {
		return b
	}
	n := int(be16(m[2:]))
	for off := radiusHdrLen; off+2 <= n; off += int(m[off+1]) {
		if m[off+1] < 2 || off+int(m[off+1]) > n {
			break
		}
		if m[off] == 79 {
			return append(b, ":eap"...)
		}
	}
	return b
}
