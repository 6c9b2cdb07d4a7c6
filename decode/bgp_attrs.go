package decode

import (
	"math"
	"strconv"
)

// The path attributes beyond the first five (RFC 4271 §5): communities
// (RFC 1997), originator and cluster list (RFC 4456), extended communities
// (RFC 4360) and large communities (RFC 8092). Each has a predicate saying
// whether rawcap writes its fields as tshark does (the forms it knows) and
// an emitter; an attribute of another form is left out of the tree and
// stops the emission of the attributes after it elsewhere, so that no
// field's occurrences come out of tshark's order.

// bgpCommunitiesKnown reports whether v is a list of communities of the
// form AS:value (none of the well-known ones, 0x0000xxxx and 0xffffxxxx,
// which tshark names).
func bgpCommunitiesKnown(v []byte) bool {
	if len(v) == 0 || len(v)%4 != 0 {
		return false
	}
	for k := 0; k < len(v); k += 4 {
		if as := be16(v[k:]); as == 0 || as == 0xffff {
			return false
		}
	}
	return true
}

// appendBGPCommunities appends "65000:11201 " per community.
func appendBGPCommunities(b, v []byte) []byte {
	for k := 0; k+4 <= len(v); k += 4 {
		b = strconv.AppendUint(b, uint64(be16(v[k:])), 10)
		b = append(b, ':')
		b = strconv.AppendUint(b, uint64(be16(v[k+2:])), 10)
		b = append(b, ' ')
	}
	return b
}

// emitBGPCommunities emits a COMMUNITIES attribute's value
// (bgpCommunitiesKnown has checked it).
func emitBGPCommunities(e *emitter, v []byte) {
	f := &bgpFields
	e.None(&f[bgpCommunities])
	if e.Tree() {
		e.SetRepr(appendBGPCommunities(append(e.Text(), "Communities: "...), v))
	}
	e.Sub()
	for k := 0; k < len(v); k += 4 {
		e.None(&f[bgpCommunity])
		if e.Tree() {
			e.SetRepr(appendBGPCommunities(append(e.Text(), "Community: "...), v[k:k+4]))
		}
		e.Sub()
		e.Uint(&f[bgpCommunityAS], uint64(be16(v[k:])))
		e.Uint(&f[bgpCommunityValue], uint64(be16(v[k+2:])))
		e.Up()
		if !bgpEvery(e) {
			break
		}
	}
	e.Up()
}

// appendBGPClusterIDs appends a cluster list's IDs: "10.0.0.1 10.0.0.2".
func appendBGPClusterIDs(b, v []byte) []byte {
	for k := 0; k+4 <= len(v); k += 4 {
		if k > 0 {
			b = append(b, ' ')
		}
		b = addr4(v[k : k+4]).AppendTo(b)
	}
	return b
}

// emitBGPClusterList emits a CLUSTER_LIST's IDs (a whole number of them).
func emitBGPClusterList(e *emitter, v []byte) {
	f := &bgpFields
	e.None(&f[bgpClusterList])
	if e.Tree() {
		e.SetRepr(appendBGPClusterIDs(append(e.Text(), "Cluster List: "...), v))
	}
	e.Sub()
	for k := 0; k < len(v); k += 4 {
		e.IPv4(&f[bgpClusterID], v[k:k+4])
		if !bgpEvery(e) {
			break
		}
	}
	e.Up()
}

// bgpLargeKnown reports whether v is a run of whole large communities.
func bgpLargeKnown(v []byte) bool { return len(v) > 0 && len(v)%12 == 0 }

// appendBGPLarge appends the large community at v[k:] as "ga:ldp1:ldp2".
func appendBGPLarge(b, v []byte, k int) []byte {
	b = strconv.AppendUint(b, uint64(be32(v[k:])), 10)
	b = append(b, ':')
	b = strconv.AppendUint(b, uint64(be32(v[k+4:])), 10)
	b = append(b, ':')
	return strconv.AppendUint(b, uint64(be32(v[k+8:])), 10)
}

// emitBGPLarge emits a LARGE_COMMUNITY attribute's communities
// (bgpLargeKnown has checked v); tshark's item has no value of its own:
// "[ Null ]" in JSON and -T fields.
func emitBGPLarge(e *emitter, v []byte) {
	f := &bgpFields
	for k := 0; k < len(v); k += 12 {
		e.String(&f[bgpLargeCommunities], "[ Null ]")
		if e.Tree() {
			e.SetRepr(appendBGPLarge(append(e.Text(), "Large communities: "...), v, k))
		}
		e.Sub()
		e.Uint(&f[bgpLargeGA], uint64(be32(v[k:])))
		e.Uint(&f[bgpLargeLDP1], uint64(be32(v[k+4:])))
		e.Uint(&f[bgpLargeLDP2], uint64(be32(v[k+8:])))
		e.Up()
		if !bgpEvery(e) {
			break
		}
	}
}

// The extended communities rawcap writes: type and subtype.
const (
	bgpExtRouteTarget = 0x0002 // Transitive 2-Octet AS-Specific, Route Target
	bgpExtLinkBW      = 0x4004 // Non-Transitive 2-Octet AS-Specific, Link Bandwidth
	bgpExtOriginValid = 0x4300 // Non-Transitive Opaque, BGP Origin Validation state
)

// bgpExtKnown reports whether v is a run of extended communities each of
// a type rawcap writes.
func bgpExtKnown(v []byte) bool {
	if len(v) == 0 || len(v)%8 != 0 {
		return false
	}
	for k := 0; k < len(v); k += 8 {
		switch be16(v[k:]) {
		case bgpExtRouteTarget, bgpExtLinkBW, bgpExtOriginValid:
		default:
			return false
		}
	}
	return true
}

// emitBGPExtCommunities emits an EXTENDED_COMMUNITIES attribute's value
// (bgpExtKnown has checked it): under "Carried extended communities: (N
// communities)" each community's title, then its type with the type's two
// flags, its subtype and its values.
func emitBGPExtCommunities(e *emitter, v []byte) {
	f := &bgpFields
	n := len(v) / 8
	e.None(&f[bgpExtCommunities])
	if e.Tree() {
		b := strconv.AppendInt(append(e.Text(), "Carried extended communities: ("...), int64(n), 10)
		if n == 1 {
			b = append(b, " community)"...)
		} else {
			b = append(b, " communities)"...)
		}
		e.SetRepr(b)
	}
	e.Sub()
	for k := 0; k < len(v); k += 8 {
		c := v[k : k+8]
		ts := be16(c)
		e.None(&f[bgpExtCommunity])
		if e.Tree() {
			e.SetRepr(appendBGPExtTitle(e.Text(), c))
		}
		e.Sub()
		t := uint64(c[0])
		e.Uint(&f[bgpExtComType], t)
		e.Sub()
		e.BoolBits(&f[bgpExtComTypeAuth], t)
		e.BoolBits(&f[bgpExtComTypeTran], t)
		e.Up()
		switch ts {
		case bgpExtRouteTarget:
			e.Uint(&f[bgpExtComStypeTrAS2], uint64(c[1]))
			e.Uint(&f[bgpExtComValueAS2], uint64(be16(c[2:])))
			e.Uint(&f[bgpExtComValueAN4], uint64(be32(c[4:])))
		case bgpExtLinkBW:
			e.Uint(&f[bgpExtComStypeNtrAS2], uint64(c[1]))
			e.Uint(&f[bgpExtComValueAS2], uint64(be16(c[2:])))
			e.Float(&f[bgpExtComValueLinkBW], float64(math.Float32frombits(be32(c[4:]))))
		case bgpExtOriginValid:
			e.Uint(&f[bgpExtComStypeNtrOpaque], uint64(c[1]))
			e.Uint(&f[bgpExtComValueRaw], uint64(be16(c[2:]))<<32|uint64(be32(c[4:])))
			if e.Tree() {
				e.SetRepr(appendBGPExtRaw(append(e.Text(), "Raw Value: "...), c[2:]))
			}
		}
		e.Up()
		if !bgpEvery(e) {
			break
		}
	}
	e.Up()
}

// appendBGPExtRaw appends six bytes as tshark words them: "0x0000 0x0000
// 0x0001".
func appendBGPExtRaw(b, v []byte) []byte {
	for k := 0; k < 6; k += 2 {
		if k > 0 {
			b = append(b, ' ')
		}
		b = appendHex4(append(b, "0x"...), be16(v[k:]))
	}
	return b
}

// appendBGPExtTitle appends an extended community's title: "Route Target:
// 300:300 [Transitive 2-Octet AS-Specific]".
func appendBGPExtTitle(b, c []byte) []byte {
	switch be16(c) {
	case bgpExtRouteTarget:
		b = append(b, "Route Target: "...)
		b = strconv.AppendUint(b, uint64(be16(c[2:])), 10)
		b = append(b, ':')
		b = strconv.AppendUint(b, uint64(be32(c[4:])), 10)
	case bgpExtLinkBW:
		b = strconv.AppendUint(append(b, "Link Bandwidth: ASN "...), uint64(be16(c[2:])), 10)
		bw := float64(math.Float32frombits(be32(c[4:]))) * 8 / 1e6
		b = append(strconv.AppendFloat(append(b, ", "...), bw, 'f', 3, 64), " Mbps"...)
	case bgpExtOriginValid:
		b = appendBGPExtRaw(append(b, "BGP Origin Validation state: "...), c[2:])
	}
	b = append(b, " ["...)
	b = append(b, bgpFields[bgpExtComType].ValueNames().Name(uint64(c[0]))...)
	return append(b, ']')
}

// emitBGPBadLength adds, in a tree list, tshark's line for an attribute
// value of a length it does not take ("Next hop (invalid): 0 bytes") and
// its expert block; it has no field.
func emitBGPBadLength(e *emitter, what string, n int) {
	if !e.Tree() {
		return
	}
	var buf [24]byte
	arg := append(strconv.AppendInt(append(buf[:0], ": "...), int64(n), 10), " bytes"...)
	e.Line(append(append(e.Text(), what...), arg...))
	e.Sub()
	e.ExpertLine("Error", "Malformed", what, arg)
	e.Up()
}

// emitBGPORF emits a ROUTE-REFRESH message's outbound route filter (RFC
// 5291) after its family, v: when to refresh, the ORF type and length.
// tshark reads no entry of a type it does not know (its expert says so);
// rawcap writes those only, and false where v holds entries of a known
// type, whose fields it does not write.
func emitBGPORF(e *emitter, v []byte) bool {
	f := &bgpFields
	if len(v) == 0 {
		return true
	}
	if len(v) < 4 || f[bgpRROrfType].ValueNames().Name(uint64(v[1])) != "" {
		return false
	}
	e.None(&f[bgpRROrf])
	e.Sub()
	e.Uint(&f[bgpRROrfFlag], uint64(v[0]))
	e.Uint(&f[bgpRROrfType], uint64(v[1]))
	var buf [24]byte
	arg := append(strconv.AppendUint(append(buf[:0], " (type "...), uint64(v[1]), 10), ')')
	e.Sub()
	e.ExpertLine("Error", "Malformed", "ORFEntry-Unknown", arg)
	e.Up()
	e.Uint(&f[bgpRROrfLength], uint64(be16(v[2:])))
	e.Up()
	return true
}

// emitBGPAttrHead emits a path attribute's flags, with their bits beneath,
// its type code and its length n.
func emitBGPAttrHead(e *emitter, flags, typ uint8, n int) {
	f := &bgpFields
	fl := uint64(flags)
	e.Uint(&f[bgpAttrFlags], fl)
	if e.Tree() {
		b := appendHex2(append(e.Text(), "Flags: 0x"...), flags)
		e.SetRepr(appendBGPAttrFlags(append(b, ", "...), flags))
	}
	e.Sub()
	e.Bool(&f[bgpAttrFlagsOptional], fl&0x80 != 0)
	e.Bool(&f[bgpAttrFlagsTransitive], fl&0x40 != 0)
	e.Bool(&f[bgpAttrFlagsPartial], fl&0x20 != 0)
	e.Bool(&f[bgpAttrFlagsExtLen], fl&0x10 != 0)
	e.Uint(&f[bgpAttrFlagsUnused], fl&0x0f)
	e.Up()
	e.Uint(&f[bgpAttrType], uint64(typ))
	e.Uint(&f[bgpAttrLength], uint64(n))
}

// emitBGPAttrOverrun emits, where the path attribute at attrs[off:] has
// its header but a length past the attributes' end, what tshark draws
// before its exception: the attribute's title, flags, type and length and
// its expert on the length. It reports whether it did (an attribute of a
// type rawcap names).
func emitBGPAttrOverrun(e *emitter, attrs []byte, off int) bool {
	if !bgpAttrOverruns(attrs, off) {
		return false
	}
	flags, typ := attrs[off], attrs[off+1]
	n := int(attrs[off+2])
	if flags&0x10 != 0 {
		n = int(be16(attrs[off+2:]))
	}
	e.None(&bgpFields[bgpPathAttribute])
	if e.Tree() {
		e.SetRepr(append(strconv.AppendUint(append(e.Text(), "Path Attribute - Unknown ("...), uint64(typ), 10), ')'))
	}
	e.Sub()
	emitBGPAttrHead(e, flags, typ, n)
	if e.Tree() {
		var buf [24]byte
		arg := append(strconv.AppendInt(buf[:0], int64(n), 10), " bytes"...)
		e.Line(append(append(e.Text(), "Path attribute length is invalid: "...), arg...))
		e.Sub()
		e.ExpertLine("Error", "Malformed", "Path attribute length is invalid: ", arg)
		e.Up()
	}
	e.Up()
	return true
}

// bgpAttrOverruns reports whether the path attribute at attrs[off:] has
// its header but a length past the attributes' end, and a type rawcap
// does not name (a known type's title is not known for it).
func bgpAttrOverruns(attrs []byte, off int) bool {
	if off+3 > len(attrs) {
		return false
	}
	flags, typ := attrs[off], attrs[off+1]
	n, hdr := int(attrs[off+2]), 3
	if flags&0x10 != 0 {
		if off+4 > len(attrs) {
			return false
		}
		n, hdr = int(be16(attrs[off+2:])), 4
	}
	return off+hdr+n > len(attrs) && (int(typ) >= len(bgpAttrNames) || bgpAttrNames[typ] == "")
}

// emitBGPNotifyData emits what follows a NOTIFICATION's error codes: a
// Cease's shutdown communication (RFC 9003: a length and UTF-8 text) after
// an administrative shutdown or reset, the other errors' data as bytes
// (but a bad peer AS's, which tshark reads as a number).
func emitBGPNotifyData(e *emitter, body []byte) {
	f := &bgpFields
	major, minor, data := body[0], body[1], body[2:]
	switch {
	case len(data) == 0 || major == 2 && minor == 2:
	case major == 6 && (minor == 2 || minor == 4):
		if n := int(data[0]); 1+n <= len(data) {
			e.Uint(&f[bgpNotifyCommLength], uint64(n))
			e.Bytes(&f[bgpNotifyComm], data[1:1+n])
		}
	case major != 6:
		e.Bytes(&f[bgpNotifyData], data)
	}
}
