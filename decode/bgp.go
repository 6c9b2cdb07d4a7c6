package decode

import "strconv"

// BGP is the payload of a TCP segment to or from port 179 that starts with
// a BGP message (RFC 4271): one or more messages, each a 19-byte header
// (a marker of sixteen 0xff bytes, a length, a type) and its body. Only
// the messages wholly inside the segment are decoded: tshark reassembles a
// message split across segments, rawcap does not (yet), so a message cut
// by the segment's end is left undrawn.
type BGP []byte

const (
	bgpPort      = 179
	bgpHeaderLen = 19
	bgpMaxLen    = 4096 // without the extended message capability
)

// BGP message types.
const (
	BGPOpen         = 1
	BGPUpdate       = 2
	BGPNotification = 3
	BGPKeepalive    = 4
	BGPRouteRefresh = 5
)

// bgpMarker reports whether b starts with the all-ones marker.
func bgpMarker(b []byte) bool {
	if len(b) < 16 {
		return false
	}
	for _, c := range b[:16] {
		if c != 0xff {
			return false
		}
	}
	return true
}

// ParseBGP returns the BGP messages at the start of b: the first must have
// its marker and a length from 19 on.
func ParseBGP(b []byte) (BGP, error) {
	if len(b) < bgpHeaderLen {
		return nil, ReasonTruncated
	}
	if !bgpMarker(b) || be16(b[16:]) < bgpHeaderLen {
		return nil, ReasonBadHdrLen
	}
	return BGP(b[:len(b):len(b)]), nil
}

// NextMessage returns the whole message at off and the offset of the
// next; ok is false at the end, at a message cut short and at bytes that
// are not a message.
func (m BGP) NextMessage(off int) (msg []byte, next int, ok bool) {
	if off+bgpHeaderLen > len(m) || !bgpMarker(m[off:]) {
		return nil, len(m), false
	}
	n := int(be16(m[off+16:]))
	if n < bgpHeaderLen || off+n > len(m) {
		return nil, len(m), false
	}
	return m[off : off+n : off+n], off + n, true
}

func (d *Decoder) decodeBGP(l *Layer) LayerType {
	if _, err := ParseBGP(d.bytes(l)); err != nil {
		// Not a message's start (a segment of a longer message): data.
		l.Type = LayerPayload
		l.Payload = l.Start
		return LayerNone
	}
	l.Payload = l.End
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	bgpMarkerF = iota
	bgpLength
	bgpType
	bgpOpenVersion
	bgpOpenMyAS
	bgpOpenHoldTime
	bgpOpenIdentifier
	bgpOpenOptLen
	bgpOpenParamType
	bgpOpenParamLen
	bgpCapType
	bgpCapLength
	bgpCapMPAFI
	bgpCapReserved
	bgpCapMPSAFI
	bgpCap4AS
	bgpWithdrawnLen
	bgpWithdrawnPrefix
	bgpPathAttrsLen
	bgpAttrFlags
	bgpAttrFlagsOptional
	bgpAttrFlagsTransitive
	bgpAttrFlagsPartial
	bgpAttrFlagsExtLen
	bgpAttrFlagsUnused
	bgpAttrType
	bgpAttrLength
	bgpAttrOrigin
	bgpASPathSegType
	bgpASPathSegLen
	bgpASPathAS2
	bgpASPathAS4
	bgpAttrNextHop
	bgpAttrMED
	bgpAttrLocalPref
	bgpNLRIPrefix
	bgpNotifyMajor
	bgpNotifyMinor
	bgpNotifyMinorOpen
	bgpNotifyMinorUpdate
	bgpNotifyMinorExpired
	bgpNotifyMinorState
	bgpNotifyMinorCease
	bgpNotifyMinorCapability
	bgpNotifyMinorUnknown
	bgpRRAFI
	bgpRRSubtype
	bgpRRSAFI
	bgpFieldCount
)

var bgpFields = [bgpFieldCount]Field{
	bgpMarkerF:               {Name: "bgp.marker", Label: "Marker", Kind: KindBytes},
	bgpLength:                {Name: "bgp.length", Label: "Length", Kind: KindUint, Width: 16},
	bgpType:                  {Name: "bgp.type", Label: "Type", Kind: KindUint, Width: 8},
	bgpOpenVersion:           {Name: "bgp.open.version", Label: "Version", Kind: KindUint, Width: 8},
	bgpOpenMyAS:              {Name: "bgp.open.myas", Label: "My AS", Kind: KindUint, Width: 16},
	bgpOpenHoldTime:          {Name: "bgp.open.holdtime", Label: "Hold Time", Kind: KindUint, Width: 16},
	bgpOpenIdentifier:        {Name: "bgp.open.identifier", Label: "BGP Identifier", Kind: KindIPv4},
	bgpOpenOptLen:            {Name: "bgp.open.opt.len", Label: "Optional Parameters Length", Kind: KindUint, Width: 8},
	bgpOpenParamType:         {Name: "bgp.open.opt.param.type", Label: "Parameter Type", Kind: KindUint, Width: 8},
	bgpOpenParamLen:          {Name: "bgp.open.opt.param.len", Label: "Parameter Length", Kind: KindUint, Width: 8},
	bgpCapType:               {Name: "bgp.cap.type", Label: "Type", Kind: KindUint, Width: 8},
	bgpCapLength:             {Name: "bgp.cap.length", Label: "Length", Kind: KindUint, Width: 8},
	bgpCapMPAFI:              {Name: "bgp.cap.mp.afi", Label: "AFI", Kind: KindUint, Width: 16},
	bgpCapReserved:           {Name: "bgp.cap.reserved", Label: "Reserved", Kind: KindBytes},
	bgpCapMPSAFI:             {Name: "bgp.cap.mp.safi", Label: "SAFI", Kind: KindUint, Width: 8},
	bgpCap4AS:                {Name: "bgp.cap.4as", Label: "AS Number", Kind: KindUint, Width: 32},
	bgpWithdrawnLen:          {Name: "bgp.update.withdrawn_routes.length", Label: "Withdrawn Routes Length", Kind: KindUint, Width: 16},
	bgpWithdrawnPrefix:       {Name: "bgp.withdrawn_prefix", Label: "Withdrawn prefix", Kind: KindIPv4},
	bgpPathAttrsLen:          {Name: "bgp.update.path_attributes.length", Label: "Total Path Attribute Length", Kind: KindUint, Width: 16},
	bgpAttrFlags:             {Name: "bgp.update.path_attribute.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	bgpAttrFlagsOptional:     {Name: "bgp.update.path_attribute.flags.optional", Label: "Optional", Kind: KindBool, Width: 8, Mask: 0x80},
	bgpAttrFlagsTransitive:   {Name: "bgp.update.path_attribute.flags.transitive", Label: "Transitive", Kind: KindBool, Width: 8, Mask: 0x40},
	bgpAttrFlagsPartial:      {Name: "bgp.update.path_attribute.flags.partial", Label: "Partial", Kind: KindBool, Width: 8, Mask: 0x20},
	bgpAttrFlagsExtLen:       {Name: "bgp.update.path_attribute.flags.extended_length", Label: "Extended-Length", Kind: KindBool, Width: 8, Mask: 0x10},
	bgpAttrFlagsUnused:       {Name: "bgp.update.path_attribute.flags.unused", Label: "Unused", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x0f},
	bgpAttrType:              {Name: "bgp.update.path_attribute.type_code", Label: "Type Code", Kind: KindUint, Width: 8},
	bgpAttrLength:            {Name: "bgp.update.path_attribute.length", Label: "Length", Kind: KindUint, Width: 16},
	bgpAttrOrigin:            {Name: "bgp.update.path_attribute.origin", Label: "Origin", Kind: KindUint, Width: 8},
	bgpASPathSegType:         {Name: "bgp.update.path_attribute.as_path_segment.type", Label: "Segment type", Kind: KindUint, Width: 8},
	bgpASPathSegLen:          {Name: "bgp.update.path_attribute.as_path_segment.length", Label: "Segment length (number of ASN)", Kind: KindUint, Width: 8},
	bgpASPathAS2:             {Name: "bgp.update.path_attribute.as_path_segment.as2", Label: "AS2", Kind: KindUint, Width: 16},
	bgpASPathAS4:             {Name: "bgp.update.path_attribute.as_path_segment.as4", Label: "AS4", Kind: KindUint, Width: 32},
	bgpAttrNextHop:           {Name: "bgp.update.path_attribute.next_hop", Label: "Next hop", Kind: KindIPv4},
	bgpAttrMED:               {Name: "bgp.update.path_attribute.multi_exit_disc", Label: "Multiple exit discriminator", Kind: KindUint, Width: 32},
	bgpAttrLocalPref:         {Name: "bgp.update.path_attribute.local_pref", Label: "Local preference", Kind: KindUint, Width: 32},
	bgpNLRIPrefix:            {Name: "bgp.nlri_prefix", Label: "NLRI prefix", Kind: KindIPv4},
	bgpNotifyMajor:           {Name: "bgp.notify.major_error", Label: "Major error Code", Kind: KindUint, Width: 8},
	bgpNotifyMinor:           {Name: "bgp.notify.minor_error", Label: "Minor error Code (Message Header)", Kind: KindUint, Width: 8},
	bgpNotifyMinorOpen:       {Name: "bgp.notify.minor_error_open", Label: "Minor error Code (Open Message)", Kind: KindUint, Width: 8},
	bgpNotifyMinorUpdate:     {Name: "bgp.notify.minor_error_update", Label: "Minor error Code (Update Message)", Kind: KindUint, Width: 8},
	bgpNotifyMinorExpired:    {Name: "bgp.notify.minor_error_expired", Label: "Minor error Code (Hold Timer Expired)", Kind: KindUint, Width: 8},
	bgpNotifyMinorState:      {Name: "bgp.notify.minor_error_state", Label: "Minor error Code (State Machine)", Kind: KindUint, Width: 8},
	bgpNotifyMinorCease:      {Name: "bgp.notify.minor_error_cease", Label: "Minor error Code (Cease)", Kind: KindUint, Width: 8},
	bgpNotifyMinorCapability: {Name: "bgp.notify.minor_error_capability", Label: "Minor error Code (Capability Message)", Kind: KindUint, Width: 8},
	bgpNotifyMinorUnknown:    {Name: "bgp.notify.minor_error_unknown", Label: "Minor error Code (Unknown)", Kind: KindUint, Width: 8},
	bgpRRAFI:                 {Name: "bgp.route_refresh.afi", Label: "Address family identifier (AFI)", Kind: KindUint, Width: 16},
	bgpRRSubtype:             {Name: "bgp.route_refresh.subtype", Label: "Subtype", Kind: KindUint, Width: 8},
	bgpRRSAFI:                {Name: "bgp.route_refresh.safi", Label: "Subsequent address family identifier (SAFI)", Kind: KindUint, Width: 8},
}

var protoBGP = protoField("bgp", "Border Gateway Protocol")

// bgpMinorField returns the minor error code's field for a major code.
func bgpMinorField(major uint8) int {
	switch major {
	case 1:
		return bgpNotifyMinor
	case 2:
		return bgpNotifyMinorOpen
	case 3:
		return bgpNotifyMinorUpdate
	case 4:
		return bgpNotifyMinorExpired
	case 5:
		return bgpNotifyMinorState
	case 6:
		return bgpNotifyMinorCease
	case 7:
		return bgpNotifyMinorCapability
	}
	return bgpNotifyMinorUnknown
}

// bgpASLen returns 2 or 4: the AS number size that reads an AS_PATH's
// segments to exactly its end (2 when both or neither do), as Wireshark
// guesses it when it has not seen the session's OPEN messages.
func bgpASLen(v []byte) int {
	fits := func(n int) bool {
		k := 0
		for k+2 <= len(v) {
			if v[k] < 1 || v[k] > 4 {
				return false // not a segment type
			}
			k += 2 + int(v[k+1])*n
		}
		return k == len(v)
	}
	if !fits(2) && fits(4) {
		return 4
	}
	return 2
}

// bgpPrefixes reports whether v is a list of IPv4 prefixes (length byte
// and its bytes) that ends exactly at v's end.
func bgpPrefixes(v []byte) bool {
	for k := 0; k < len(v); {
		if v[k] > 32 {
			return false
		}
		k += 1 + (int(v[k])+7)/8
		if k > len(v) {
			return false
		}
	}
	return true
}

// bgpPrefix returns the prefix at v[k:] as a 4-byte address, its length
// and the offset after it (bgpPrefixes has checked it).
func bgpPrefix(v []byte, k int) (a [4]byte, bits int, next int) {
	bits = int(v[k])
	n := (bits + 7) / 8
	copy(a[:], v[k+1:k+1+n])
	return a, bits, k + 1 + n
}

// bgpUpdateParts splits an UPDATE's body into the withdrawn routes, the
// path attributes and the NLRI; ok is false when the lengths do not fit.
func bgpUpdateParts(body []byte) (withdrawn, attrs, nlri []byte, ok bool) {
	if len(body) < 2 {
		return nil, nil, nil, false
	}
	w := int(be16(body))
	if 2+w+2 > len(body) {
		return nil, nil, nil, false
	}
	a := int(be16(body[2+w:]))
	if 4+w+a > len(body) {
		return nil, nil, nil, false
	}
	return body[2 : 2+w], body[4+w : 4+w+a], body[4+w+a:], true
}

// nextBGPAttr returns the path attribute at off: flags, type, value and
// the offset of the next; ok is false at the end or at one cut short.
func nextBGPAttr(attrs []byte, off int) (flags, typ uint8, v []byte, hdr, next int, ok bool) {
	if off+3 > len(attrs) {
		return 0, 0, nil, 0, len(attrs), false
	}
	flags, typ = attrs[off], attrs[off+1]
	hdr = 3
	n := int(attrs[off+2])
	if flags&0x10 != 0 {
		if off+4 > len(attrs) {
			return 0, 0, nil, 0, len(attrs), false
		}
		hdr = 4
		n = int(be16(attrs[off+2:]))
	}
	if off+hdr+n > len(attrs) {
		return 0, 0, nil, 0, len(attrs), false
	}
	return flags, typ, attrs[off+hdr : off+hdr+n], hdr, off + hdr + n, true
}

// emitBGP emits every whole message's fields (JSON: the first message's).
func emitBGP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoBGP)
	m := BGP(d.data[l.Start:l.End])
	f := &bgpFields
	for off := 0; ; {
		msg, next, ok := m.NextMessage(off)
		if !ok {
			break
		}
		off = next
		e.Bytes(&f[bgpMarkerF], msg[:16])
		e.Uint(&f[bgpLength], uint64(len(msg)))
		e.Uint(&f[bgpType], uint64(msg[18]))
		body := msg[bgpHeaderLen:]
		switch msg[18] {
		case BGPOpen:
			emitBGPOpen(e, body)
		case BGPUpdate:
			emitBGPUpdate(e, body)
		case BGPNotification:
			if len(body) >= 2 {
				e.Uint(&f[bgpNotifyMajor], uint64(body[0]))
				e.Uint(&f[bgpMinorField(body[0])], uint64(body[1]))
			}
		case BGPRouteRefresh:
			if len(body) >= 4 {
				e.Uint(&f[bgpRRAFI], uint64(be16(body)))
				e.Uint(&f[bgpRRSubtype], uint64(body[2]))
				e.Uint(&f[bgpRRSAFI], uint64(body[3]))
			}
		}
		if !e.all {
			break
		}
	}
	e.End()
}

func emitBGPOpen(e *emitter, body []byte) {
	f := &bgpFields
	if len(body) < 10 {
		return
	}
	e.Uint(&f[bgpOpenVersion], uint64(body[0]))
	e.Uint(&f[bgpOpenMyAS], uint64(be16(body[1:])))
	e.Uint(&f[bgpOpenHoldTime], uint64(be16(body[3:])))
	e.IPv4(&f[bgpOpenIdentifier], body[5:9])
	e.Uint(&f[bgpOpenOptLen], uint64(body[9]))
	opts := body[10:min(len(body), 10+int(body[9]))]
	for k := 0; k+2 <= len(opts); {
		typ, n := opts[k], int(opts[k+1])
		if k+2+n > len(opts) || body[9] == 255 {
			return
		}
		e.Uint(&f[bgpOpenParamType], uint64(typ))
		e.Uint(&f[bgpOpenParamLen], uint64(n))
		if typ == 2 {
			caps := opts[k+2 : k+2+n]
			for c := 0; c+2 <= len(caps); {
				ct, cn := caps[c], int(caps[c+1])
				if c+2+cn > len(caps) {
					return
				}
				e.Uint(&f[bgpCapType], uint64(ct))
				e.Uint(&f[bgpCapLength], uint64(cn))
				v := caps[c+2 : c+2+cn]
				switch {
				case ct == 1 && cn == 4:
					e.Uint(&f[bgpCapMPAFI], uint64(be16(v)))
					e.Bytes(&f[bgpCapReserved], v[2:3])
					e.Uint(&f[bgpCapMPSAFI], uint64(v[3]))
				case ct == 65 && cn == 4:
					e.Uint(&f[bgpCap4AS], uint64(be32(v)))
				case ct == 2 || ct == 128 || ct == 70 || ct == 6:
				default:
					return // the other capabilities' fields are not declared
				}
				c += 2 + cn
				if !e.all {
					return
				}
			}
		}
		k += 2 + n
		if !e.all {
			return
		}
	}
}

func emitBGPUpdate(e *emitter, body []byte) {
	f := &bgpFields
	withdrawn, attrs, nlri, ok := bgpUpdateParts(body)
	if !ok {
		return
	}
	e.Uint(&f[bgpWithdrawnLen], uint64(len(withdrawn)))
	if len(withdrawn) > 0 {
		if !bgpPrefixes(withdrawn) {
			return
		}
		for k := 0; k < len(withdrawn); {
			a, _, next := bgpPrefix(withdrawn, k)
			e.IPv4(&f[bgpWithdrawnPrefix], a[:])
			k = next
			if !e.all {
				break
			}
		}
	}
	e.Uint(&f[bgpPathAttrsLen], uint64(len(attrs)))
	for off := 0; ; {
		flags, typ, v, _, next, ok := nextBGPAttr(attrs, off)
		if !ok {
			break
		}
		off = next
		fl := uint64(flags)
		e.Uint(&f[bgpAttrFlags], fl)
		e.Bool(&f[bgpAttrFlagsOptional], fl&0x80 != 0)
		e.Bool(&f[bgpAttrFlagsTransitive], fl&0x40 != 0)
		e.Bool(&f[bgpAttrFlagsPartial], fl&0x20 != 0)
		e.Bool(&f[bgpAttrFlagsExtLen], fl&0x10 != 0)
		e.Uint(&f[bgpAttrFlagsUnused], fl&0x0f)
		e.Uint(&f[bgpAttrType], uint64(typ))
		e.Uint(&f[bgpAttrLength], uint64(len(v)))
		switch {
		case typ == 1 && len(v) == 1:
			e.Uint(&f[bgpAttrOrigin], uint64(v[0]))
		case typ == 2:
			n := bgpASLen(v)
			for k := 0; k+2 <= len(v); {
				cnt := int(v[k+1])
				if k+2+cnt*n > len(v) {
					return
				}
				e.Uint(&f[bgpASPathSegType], uint64(v[k]))
				e.Uint(&f[bgpASPathSegLen], uint64(cnt))
				for a := 0; a < cnt; a++ {
					p := k + 2 + a*n
					if n == 2 {
						e.Uint(&f[bgpASPathAS2], uint64(be16(v[p:])))
					} else {
						e.Uint(&f[bgpASPathAS4], uint64(be32(v[p:])))
					}
				}
				k += 2 + cnt*n
			}
		case typ == 3 && len(v) == 4:
			e.IPv4(&f[bgpAttrNextHop], v)
		case typ == 4 && len(v) == 4:
			e.Uint(&f[bgpAttrMED], uint64(be32(v)))
		case typ == 5 && len(v) == 4:
			e.Uint(&f[bgpAttrLocalPref], uint64(be32(v)))
		default:
			return // the other attributes' fields are not declared
		}
		if !e.all {
			break
		}
	}
	if len(nlri) > 0 && bgpPrefixes(nlri) {
		for k := 0; k < len(nlri); {
			a, _, next := bgpPrefix(nlri, k)
			e.IPv4(&f[bgpNLRIPrefix], a[:])
			k = next
			if !e.all {
				break
			}
		}
	}
}

var bgpTypeNames = [6]string{"", "OPEN Message", "UPDATE Message", "NOTIFICATION Message", "KEEPALIVE Message", "ROUTE-REFRESH Message"}

// appendBGPTypeName appends Wireshark's name of a message type.
func appendBGPTypeName(b []byte, t uint8) []byte {
	switch {
	case int(t) < len(bgpTypeNames) && t != 0:
		return append(b, bgpTypeNames[t]...)
	case t == 6:
		return append(b, "CAPABILITY Message"...)
	case t == 128:
		return append(b, "Cisco ROUTE-REFRESH Message"...)
	}
	b = append(b, "Unknown ("...)
	b = strconv.AppendUint(b, uint64(t), 10)
	return append(b, ')')
}

// infoBGP appends tshark's Info: the whole messages' types, joined by ", ".
func infoBGP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	m := BGP(d.data[l.Start:l.End])
	for off, k := 0, 0; ; k++ {
		msg, next, ok := m.NextMessage(off)
		if !ok {
			return b
		}
		off = next
		if k > 0 {
			b = append(b, ", "...)
		}
		b = appendBGPTypeName(b, msg[18])
	}
}

var bgpCapNames = map[uint8]string{0: "Reserved capability", 1: "Multiprotocol extensions capability",
	2: "Route refresh capability", 3: "Cooperative route filtering capability",
	4: "Multiple routes to a destination capability", 5: "Extended Next Hop Encoding", 6: "BGP-Extended Message",
	7: "BGPsec capability", 8: "Multiple Labels capability", 9: "BGP Role", 64: "Graceful Restart capability",
	65: "Support for 4-octet AS number capability", 66: "Deprecated Dynamic Capability (Cisco)",
	67: "Support for Dynamic capability", 68: "Multisession BGP Capability", 69: "Support for Additional Paths",
	70: "Enhanced route refresh capability", 71: "Long-Lived Graceful Restart (LLGR) Capability",
	72: "CP-ORF Capability", 73: "FQDN Capability", 128: "Route refresh capability (Cisco)",
	130: "Cooperative route filtering capability (Cisco)", 131: "Multisession BGP Capability (Cisco)"}

var bgpAttrNames = [...]string{1: "ORIGIN", 2: "AS_PATH", 3: "NEXT_HOP", 4: "MULTI_EXIT_DISC", 5: "LOCAL_PREF",
	6: "ATOMIC_AGGREGATE", 7: "AGGREGATOR", 8: "COMMUNITIES", 9: "ORIGINATOR_ID", 10: "CLUSTER_LIST",
	14: "MP_REACH_NLRI", 15: "MP_UNREACH_NLRI", 16: "EXTENDED_COMMUNITIES", 17: "AS4_PATH", 18: "AS4_AGGREGATOR",
	26: "AIGP", 32: "LARGE_COMMUNITY", 128: "ATTR_SET"}

var bgpOriginNames = [3]string{"IGP", "EGP", "INCOMPLETE"}

var bgpAFINames = map[uint16]string{1: "IPv4", 2: "IPv6", 25: "Layer-2 VPN", 16388: "BGP-LS"}

var bgpSAFINames = map[uint8]string{1: "Unicast", 2: "Multicast", 4: "Labeled Unicast", 5: "MCAST-VPN",
	65: "VPLS", 70: "EVPN", 71: "BGP-LS", 72: "BGP-LS-VPN", 128: "Labeled VPN Unicast", 129: "Labeled VPN Multicast",
	132: "Route Target Filter", 133: "Flow Spec Filter", 134: "Flow Spec Filter VPN"}

// treeBGPName appends "name (n)", or "Unknown (n)" without a name.
func treeBGPName(t *treeWriter, label, name string, v uint64) {
	t.line()
	t.b = append(t.b, label...)
	t.b = append(t.b, ": "...)
	if name == "" {
		name = "Unknown"
	}
	t.b = append(t.b, name...)
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendUint(t.b, v, 10)
	t.b = append(t.b, ')')
	t.end()
}

// treeBGP writes a subtree per whole message of the segment.
func treeBGP(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	m := BGP(d.data[l.Start:l.End])
	for off := 0; ; {
		msg, next, ok := m.NextMessage(off)
		if !ok {
			break
		}
		off = next
		t.head("Border Gateway Protocol - ")
		t.b = appendBGPTypeName(t.b, msg[18])
		t.end()
		t.depth = 1
		t.line()
		t.b = append(t.b, "Marker: "...)
		t.b = appendHexBytes(t.b, msg[:16])
		t.end()
		t.int("Length", len(msg))
		t.line()
		t.b = append(t.b, "Type: "...)
		t.b = appendBGPTypeName(t.b, msg[18])
		t.b = append(t.b, " ("...)
		t.b = strconv.AppendUint(t.b, uint64(msg[18]), 10)
		t.b = append(t.b, ')')
		t.end()
		body := msg[bgpHeaderLen:]
		switch msg[18] {
		case BGPOpen:
			treeBGPOpen(t, body)
		case BGPUpdate:
			treeBGPUpdate(t, body)
		case BGPNotification:
			if len(body) < 2 {
				break
			}
			treeBGPName(t, "Major error Code", bgpFields[bgpNotifyMajor].ValueNames().Name(uint64(body[0])), uint64(body[0]))
			mf := &bgpFields[bgpMinorField(body[0])]
			treeBGPName(t, mf.Label, mf.ValueNames().Name(uint64(body[1])), uint64(body[1]))
		case BGPRouteRefresh:
			if len(body) < 4 {
				break
			}
			treeBGPName(t, "Address family identifier (AFI)", bgpAFINames[be16(body)], uint64(be16(body)))
			treeBGPName(t, "Subtype", bgpFields[bgpRRSubtype].ValueNames().Name(uint64(body[2])), uint64(body[2]))
			treeBGPName(t, "Subsequent address family identifier (SAFI)", bgpSAFINames[body[3]], uint64(body[3]))
		}
	}
	t.depth = 1
}

func treeBGPOpen(t *treeWriter, body []byte) {
	if len(body) < 10 {
		return
	}
	t.int("Version", int(body[0]))
	t.int("My AS", int(be16(body[1:])))
	t.int("Hold Time", int(be16(body[3:])))
	t.addr("BGP Identifier", addr4(body[5:9]))
	t.int("Optional Parameters Length", int(body[9]))
	if body[9] == 0 || body[9] == 255 {
		return
	}
	t.line()
	t.b = append(t.b, "Optional Parameters"...)
	t.end()
	opts := body[10:min(len(body), 10+int(body[9]))]
	for k := 0; k+2 <= len(opts); {
		typ, n := opts[k], int(opts[k+1])
		if k+2+n > len(opts) || typ != 2 {
			return
		}
		t.depth = 2
		t.line()
		t.b = append(t.b, "Optional Parameter: Capability"...)
		t.end()
		t.depth = 3
		t.line()
		t.b = append(t.b, "Parameter Type: Capability (2)"...)
		t.end()
		t.int("Parameter Length", n)
		caps := opts[k+2 : k+2+n]
		for c := 0; c+2 <= len(caps); {
			ct, cn := caps[c], int(caps[c+1])
			if c+2+cn > len(caps) {
				return
			}
			v := caps[c+2 : c+2+cn]
			name, known := bgpCapNames[ct]
			t.depth = 3
			if known {
				t.line()
				t.b = append(t.b, "Capability: "...)
				t.b = append(t.b, name...)
				t.end()
			}
			t.depth = 4
			treeBGPName(t, "Type", name, uint64(ct))
			t.int("Length", cn)
			switch {
			case ct == 1 && cn == 4:
				treeBGPName(t, "AFI", bgpAFINames[be16(v)], uint64(be16(v)))
				t.line()
				t.b = append(t.b, "Reserved: "...)
				t.b = appendHexBytes(t.b, v[2:3])
				t.end()
				treeBGPName(t, "SAFI", bgpSAFINames[v[3]], uint64(v[3]))
			case ct == 65 && cn == 4:
				t.int("AS Number", int(be32(v)))
			}
			c += 2 + cn
		}
		k += 2 + n
	}
}

// appendBGPAttrFlags appends Wireshark's words for an attribute's flags.
func appendBGPAttrFlags(b []byte, fl uint8) []byte {
	n := len(b)
	add := func(b []byte, s string) []byte {
		if len(b) > n {
			b = append(b, ", "...)
		}
		return append(b, s...)
	}
	if fl&0x80 != 0 {
		b = add(b, "Optional")
	}
	if fl&0x40 != 0 {
		b = add(b, "Transitive")
	}
	if fl&0x20 != 0 {
		b = add(b, "Partial")
	}
	if fl&0x10 != 0 {
		b = add(b, "Extended-Length")
	}
	if fl&0x80 == 0 {
		b = add(b, "Well-known")
	}
	if fl&0x40 == 0 {
		b = add(b, "Non-transitive")
	}
	if fl&0x20 == 0 {
		b = add(b, "Complete")
	}
	return b
}

var bgpAttrFlagBits = [4]struct {
	mask  uint64
	label string
}{{0x80, "Optional"}, {0x40, "Transitive"}, {0x20, "Partial"}, {0x10, "Extended-Length"}}

func treeBGPUpdate(t *treeWriter, body []byte) {
	withdrawn, attrs, nlri, ok := bgpUpdateParts(body)
	if !ok {
		return
	}
	t.int("Withdrawn Routes Length", len(withdrawn))
	if len(withdrawn) > 0 {
		if !bgpPrefixes(withdrawn) {
			return
		}
		t.line()
		t.b = append(t.b, "Withdrawn Routes"...)
		t.end()
		t.depth = 2
		for k := 0; k < len(withdrawn); {
			a, bits, next := bgpPrefix(withdrawn, k)
			k = next
			t.line()
			t.b = addr4(a[:]).AppendTo(t.b)
			t.b = append(t.b, '/')
			t.b = strconv.AppendInt(t.b, int64(bits), 10)
			t.end()
		}
		t.depth = 1
	}
	t.int("Total Path Attribute Length", len(attrs))
	if len(attrs) > 0 {
		t.line()
		t.b = append(t.b, "Path attributes"...)
		t.end()
	}
	for off := 0; ; {
		flags, typ, v, _, next, ok := nextBGPAttr(attrs, off)
		if !ok {
			break
		}
		off = next
		t.depth = 2
		treeBGPAttrTitle(t, typ, v)
		t.depth = 3
		t.line()
		t.b = append(t.b, "Flags: 0x"...)
		t.b = appendHex2(t.b, flags)
		t.b = append(t.b, ", "...)
		t.b = appendBGPAttrFlags(t.b, flags)
		t.end()
		t.depth = 4
		for _, bt := range bgpAttrFlagBits {
			t.bits(uint64(flags), 8, bt.mask, bt.label)
			if uint64(flags)&bt.mask != 0 {
				t.b = append(t.b, "Set"...)
			} else {
				t.b = append(t.b, "Not set"...)
			}
			t.end()
		}
		t.bits(uint64(flags), 8, 0x0f, "Unused")
		t.b = append(t.b, "0x"...)
		t.b = strconv.AppendUint(t.b, uint64(flags&0x0f), 16)
		t.end()
		t.depth = 3
		name := ""
		if int(typ) < len(bgpAttrNames) {
			name = bgpAttrNames[typ]
		}
		treeBGPName(t, "Type Code", name, uint64(typ))
		t.int("Length", len(v))
		switch {
		case typ == 1 && len(v) == 1:
			on := "Unknown"
			if v[0] < 3 {
				on = bgpOriginNames[v[0]]
			}
			treeBGPName(t, "Origin", on, uint64(v[0]))
		case typ == 2:
			n := bgpASLen(v)
			for k := 0; k+2 <= len(v); {
				cnt := int(v[k+1])
				if k+2+cnt*n > len(v) || v[k] != 2 {
					break
				}
				t.depth = 3
				t.line()
				t.b = append(t.b, "AS Path segment: "...)
				for a := 0; a < cnt; a++ {
					if a > 0 {
						t.b = append(t.b, ' ')
					}
					t.b = strconv.AppendUint(t.b, bgpAS(v, k+2+a*n, n), 10)
				}
				t.end()
				t.depth = 4
				t.line()
				t.b = append(t.b, "Segment type: AS_SEQUENCE (2)"...)
				t.end()
				t.int("Segment length (number of ASN)", cnt)
				for a := 0; a < cnt; a++ {
					t.line()
					if n == 2 {
						t.b = append(t.b, "AS2: "...)
					} else {
						t.b = append(t.b, "AS4: "...)
					}
					t.b = strconv.AppendUint(t.b, bgpAS(v, k+2+a*n, n), 10)
					t.end()
				}
				k += 2 + cnt*n
			}
		case typ == 3 && len(v) == 4:
			t.addr("Next hop", addr4(v))
		case typ == 4 && len(v) == 4:
			t.int("Multiple exit discriminator", int(be32(v)))
		case typ == 5 && len(v) == 4:
			t.int("Local preference", int(be32(v)))
		}
	}
	t.depth = 1
	if len(nlri) == 0 || !bgpPrefixes(nlri) {
		return
	}
	t.line()
	t.b = append(t.b, "Network Layer Reachability Information (NLRI)"...)
	t.end()
	for k := 0; k < len(nlri); {
		a, bits, next := bgpPrefix(nlri, k)
		k = next
		t.depth = 2
		t.line()
		t.b = addr4(a[:]).AppendTo(t.b)
		t.b = append(t.b, '/')
		t.b = strconv.AppendInt(t.b, int64(bits), 10)
		t.end()
		t.depth = 3
		t.int("NLRI prefix length", bits)
		t.addr("NLRI prefix", addr4(a[:]))
	}
	t.depth = 1
}

// bgpAS returns the n-byte AS number at v[k:].
func bgpAS(v []byte, k, n int) uint64 {
	if n == 2 {
		return uint64(be16(v[k:]))
	}
	return uint64(be32(v[k:]))
}

// treeBGPAttrTitle writes "Path Attribute - ORIGIN: IGP" for the
// attributes whose summary is known, and nothing for the others.
func treeBGPAttrTitle(t *treeWriter, typ uint8, v []byte) {
	t.line()
	at := len(t.b)
	t.b = append(t.b, "Path Attribute - "...)
	switch {
	case typ == 1 && len(v) == 1 && v[0] < 3:
		t.b = append(t.b, "ORIGIN: "...)
		t.b = append(t.b, bgpOriginNames[v[0]]...)
	case typ == 2:
		t.b = append(t.b, "AS_PATH: "...)
		if len(v) == 0 {
			t.b = append(t.b, "empty"...)
			break
		}
		n := bgpASLen(v)
		for k := 0; k+2 <= len(v); {
			cnt := int(v[k+1])
			if k+2+cnt*n > len(v) || v[k] != 2 {
				t.b = t.b[:at-4*t.depth]
				return
			}
			for a := 0; a < cnt; a++ {
				t.b = strconv.AppendUint(t.b, bgpAS(v, k+2+a*n, n), 10)
				t.b = append(t.b, ' ')
			}
			k += 2 + cnt*n
		}
	case typ == 3 && len(v) == 4:
		t.b = append(t.b, "NEXT_HOP: "...)
		t.b = addr4(v).AppendTo(t.b)
		t.b = append(t.b, ' ')
	case typ == 4 && len(v) == 4:
		t.b = append(t.b, "MULTI_EXIT_DISC: "...)
		t.b = strconv.AppendUint(t.b, uint64(be32(v)), 10)
	case typ == 5 && len(v) == 4:
		t.b = append(t.b, "LOCAL_PREF: "...)
		t.b = strconv.AppendUint(t.b, uint64(be32(v)), 10)
	case typ == 14 || typ == 15:
		t.b = append(t.b, bgpAttrNames[typ]...)
	default:
		t.b = t.b[:at-4*t.depth]
		return
	}
	t.end()
}

// lineBGP appends what tcpdump prints after a TCP segment's length for
// BGP: ": BGP" (the TCP printer wrote ": "), and with -v a line per whole
// message naming its type and length.
func (p *LinePrinter) lineBGP(b []byte, d *Decoder, i int) []byte {
	b = append(b, "BGP"...)
	if p.Options.Verbose == 0 {
		return b
	}
	l := &d.layers[i]
	m := BGP(d.data[l.Start:l.End])
	for off := 0; ; {
		msg, next, ok := m.NextMessage(off)
		if !ok {
			return b
		}
		off = next
		b = append(b, "\n\t"...)
		switch msg[18] {
		case BGPOpen:
			b = append(b, "Open"...)
		case BGPUpdate:
			b = append(b, "Update"...)
		case BGPNotification:
			b = append(b, "Notification"...)
		case BGPKeepalive:
			b = append(b, "Keepalive"...)
		case BGPRouteRefresh:
			b = append(b, "Route Refresh"...)
		default:
			b = append(b, "unknown type "...)
			b = strconv.AppendUint(b, uint64(msg[18]), 10)
		}
		b = append(b, " Message ("...)
		b = strconv.AppendUint(b, uint64(msg[18]), 10)
		b = append(b, "), length: "...)
		b = strconv.AppendInt(b, int64(len(msg)), 10)
	}
}
