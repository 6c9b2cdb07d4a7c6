package decode

import (
	"net/netip"
	"strconv"
)

// The multiprotocol attributes MP_REACH_NLRI and MP_UNREACH_NLRI (RFC
// 4760) and the NLRI forms rawcap reads in them: IPv4 and IPv6 unicast
// and multicast (with ADD-PATH's path identifiers, RFC 7911, detected as
// tshark detects them), labeled IPv4 unicast (RFC 8277), labeled VPN IPv4
// (RFC 4364) and route target membership (RFC 4684). An attribute of
// another family, or whose NLRI does not read to its end, keeps only its
// address family lines out of the tree's reach: bgpMPState says which.

// The NLRI forms.
const (
	bgpNLRINone    = iota
	bgpNLRIPlain4  // IPv4 unicast or multicast
	bgpNLRIPlain6  // IPv6 unicast or multicast
	bgpNLRILabel4  // labeled IPv4 unicast
	bgpNLRIVPN4    // labeled VPN IPv4 unicast
	bgpNLRIRTC     // route target membership
	bgpNLRIUpdate4 // the UPDATE message's own withdrawn routes and NLRI
)

// bgpNLRIForm returns the NLRI form of an address family.
func bgpNLRIForm(afi uint16, safi uint8) int {
	switch {
	case afi == 1 && (safi == 1 || safi == 2):
		return bgpNLRIPlain4
	case afi == 2 && (safi == 1 || safi == 2):
		return bgpNLRIPlain6
	case afi == 1 && safi == 4:
		return bgpNLRILabel4
	case afi == 1 && safi == 128:
		return bgpNLRIVPN4
	case afi == 1 && safi == 132:
		return bgpNLRIRTC
	}
	return bgpNLRINone
}

// bgpRoute is one NLRI entry as bgpNextRoute reads it.
type bgpRoute struct {
	pathID  uint32
	hasPath bool
	bits    int    // the entry's length byte
	labels  []byte // the label stack, three bytes a label
	rd      []byte // the route distinguisher (8 bytes)
	addr    [16]byte
	plen    int    // the prefix's length in bits
	as      uint32 // route target membership: the originating AS
	rt      []byte // and the route target (8 bytes)
}

// bgpAddPath reports whether tshark reads v with ADD-PATH's path
// identifiers, as it guesses on each NLRI list without knowing the
// session's capabilities: when v does not read as plain prefixes (each at
// most maxBits long, no bit set past its length) to exactly its end but
// does as entries with a 4-byte path identifier before each prefix.
func bgpAddPath(v []byte, maxBits int) bool {
	if len(v) < 5 || bgpPlainFits(v, maxBits) {
		return false
	}
	k := 0
	for k < len(v) {
		if k+5 > len(v) {
			return false
		}
		bits := int(v[k+4])
		n := (bits + 7) / 8
		if bits > maxBits || k+5+n > len(v) {
			return false
		}
		if bits%8 != 0 && v[k+4+n]&(0xff>>(bits%8)) != 0 {
			return false
		}
		k += 5 + n
	}
	return true
}

// bgpLabels returns the length of the label stack at v[k:]: labels up to
// the one with the bottom-of-stack bit, or the withdrawal value 0x800000;
// 0 when none ends within v.
func bgpLabels(v []byte, k int) int {
	for n := 3; k+n <= len(v); n += 3 {
		l := v[k+n-3 : k+n]
		if l[2]&1 != 0 || l[0] == 0x80 && l[1] == 0 && l[2] == 0 {
			return n
		}
	}
	return 0
}

// bgpNextRoute reads the entry of form form at v[k:]; ok is false where
// the entry does not read as one rawcap writes.
func bgpNextRoute(v []byte, k, form int, addPath bool) (r bgpRoute, next int, ok bool) {
	if addPath {
		if k+4 > len(v) {
			return r, 0, false
		}
		r.pathID, r.hasPath = be32(v[k:]), true
		k += 4
	}
	if k >= len(v) {
		return r, 0, false
	}
	r.bits = int(v[k])
	k++
	rest := r.bits
	switch form {
	case bgpNLRILabel4, bgpNLRIVPN4:
		n := bgpLabels(v, k)
		if n == 0 || rest < n*8 {
			return r, 0, false
		}
		r.labels = v[k : k+n]
		k += n
		rest -= n * 8
		if form == bgpNLRIVPN4 {
			if rest < 64 || k+8 > len(v) || be16(v[k:]) != 0 {
				return r, 0, false // a route distinguisher of type 0 only
			}
			r.rd = v[k : k+8]
			k += 8
			rest -= 64
		}
	case bgpNLRIRTC:
		if rest != 96 || k+12 > len(v) || v[k+4] > 1 {
			return r, 0, false // whole route targets of type 0 or 1 only
		}
		r.as, r.rt = be32(v[k:]), v[k+4:k+12]
		return r, k + 12, true
	}
	max := 32
	if form == bgpNLRIPlain6 {
		max = 128
	}
	n := (rest + 7) / 8
	if rest > max || k+n > len(v) {
		return r, 0, false
	}
	r.plen = rest
	copy(r.addr[:], v[k:k+n])
	return r, k + n, true
}

// bgpRoutesKnown reports whether v reads to its end as entries of form,
// or, for VPN routes, up to one whose length tshark finds invalid.
func bgpRoutesKnown(v []byte, form int, addPath bool) bool {
	for k := 0; k < len(v); {
		_, next, ok := bgpNextRoute(v, k, form, addPath)
		if !ok {
			return bgpVPNBadLength(v, k, form)
		}
		k = next
	}
	return true
}

// bgpVPNBadLength reports whether the VPN route at v[k:] has a length too
// short for a label, a route distinguisher and no prefix, or too long for
// an IPv4 prefix: tshark stops the routes there with an expert.
func bgpVPNBadLength(v []byte, k, form int) bool {
	return form == bgpNLRIVPN4 && k < len(v) && (v[k] < 88 || v[k] > 120)
}

// bgpMPAddPath reports whether tshark reads the NLRI v of form with path
// identifiers.
func bgpMPAddPath(v []byte, form int) bool {
	switch form {
	case bgpNLRIPlain4, bgpNLRIUpdate4:
		return bgpAddPath(v, 32)
	case bgpNLRIPlain6:
		return bgpAddPath(v, 128)
	}
	return false
}

// bgpMPParts splits an MP_REACH_NLRI (reach) or MP_UNREACH_NLRI value into
// its family, next hop and NLRI; ok is false where they do not fit or
// rawcap does not write them (SNPAs, a next hop of another length).
func bgpMPParts(v []byte, reach bool) (afi uint16, safi uint8, nh, nlri []byte, ok bool) {
	if len(v) < 3 {
		return 0, 0, nil, nil, false
	}
	afi, safi = be16(v), v[2]
	if !reach {
		return afi, safi, nil, v[3:], true
	}
	if len(v) < 4 {
		return 0, 0, nil, nil, false
	}
	n := int(v[3])
	if 4+n+1 > len(v) || v[4+n] != 0 {
		return 0, 0, nil, nil, false
	}
	return afi, safi, v[4 : 4+n], v[5+n:], true
}

// bgpNextHopKnown reports whether rawcap writes the next hop nh of a
// family as tshark does.
func bgpNextHopKnown(form int, nh []byte) bool {
	switch form {
	case bgpNLRIPlain4, bgpNLRILabel4, bgpNLRIRTC:
		return len(nh) == 4
	case bgpNLRIPlain6:
		return len(nh) == 16 || len(nh) == 32
	case bgpNLRIVPN4:
		return len(nh) == 12 && be16(nh) == 0
	}
	return false
}

// bgpMPState says how rawcap writes the MP attribute's value v: whole
// (bgpGoOn), up to its NLRI's heading where tshark's dissector throws an
// exception on a route target membership of a partial length (bgpCut), or
// not (bgpStop: a family or a form whose words or fields rawcap does not
// know).
func bgpMPState(v []byte, reach bool) int {
	afi, safi, nh, nlri, ok := bgpMPParts(v, reach)
	if !ok {
		return bgpStop
	}
	form := bgpNLRIForm(afi, safi)
	if form == bgpNLRINone || reach && (!bgpNextHopKnown(form, nh) || len(nlri) == 0) {
		return bgpStop
	}
	if form == bgpNLRIRTC && len(nlri) > 0 && nlri[0] > 0 && nlri[0] < 96 && 1+(int(nlri[0])+7)/8 == len(nlri) {
		return bgpCut
	}
	addPath := bgpMPAddPath(nlri, form)
	if form == bgpNLRIPlain4 && !addPath {
		return bgpStop // tshark's words for these are not known
	}
	if !bgpRoutesKnown(nlri, form, addPath) {
		return bgpStop
	}
	return bgpGoOn
}

// appendBGPRD appends a route distinguisher of type 0: "18826:630".
func appendBGPRD(b, rd []byte) []byte {
	b = strconv.AppendUint(b, uint64(be16(rd[2:])), 10)
	return strconv.AppendUint(append(b, ':'), uint64(be32(rd[4:])), 10)
}

// appendBGPLabels appends a label stack: "100,101,102 (bottom)".
func appendBGPLabels(b, l []byte) []byte {
	for k := 0; k+3 <= len(l); k += 3 {
		if k > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendUint(b, uint64(l[k])<<12|uint64(l[k+1])<<4|uint64(l[k+2])>>4, 10)
	}
	return append(b, " (bottom)"...)
}

// appendBGPRT appends a route target membership's route target:
// "1:65537" (type 0), "1.2.3.4:65535" (type 1).
func appendBGPRT(b, rt []byte) []byte {
	if rt[0] == 1 {
		b = addr4(rt[2:6]).AppendTo(b)
		return strconv.AppendUint(append(b, ':'), uint64(be16(rt[6:])), 10)
	}
	b = strconv.AppendUint(b, uint64(be16(rt[2:])), 10)
	return strconv.AppendUint(append(b, ':'), uint64(be32(rt[4:])), 10)
}

// appendBGPRoutePrefix appends "10.0.0.0/24" or "2002::/120".
func appendBGPRoutePrefix(b []byte, r *bgpRoute, v6 bool) []byte {
	if v6 {
		b = bgpAddr6(r.addr[:]).AppendTo(b)
	} else {
		b = addr4(r.addr[:4]).AppendTo(b)
	}
	return strconv.AppendInt(append(b, '/'), int64(r.plen), 10)
}

// emitBGPMP emits an MP_REACH_NLRI or MP_UNREACH_NLRI value whose
// bgpMPState is state (bgpGoOn or bgpCut).
func emitBGPMP(e *emitter, v []byte, reach bool, state int) {
	f := &bgpFields
	afi, safi, nh, nlri, _ := bgpMPParts(v, reach)
	form := bgpNLRIForm(afi, safi)
	if !reach {
		e.Uint(&f[bgpMPUnreachAFI], uint64(afi))
		e.Uint(&f[bgpMPUnreachSAFI], uint64(safi))
		e.None(&f[bgpMPUnreachNLRI])
	} else {
		e.Uint(&f[bgpMPReachAFI], uint64(afi))
		e.Uint(&f[bgpMPReachSAFI], uint64(safi))
		emitBGPNextHop(e, form, v[3:4+len(nh)])
		e.Uint(&f[bgpMPReachSNPA], 0)
		e.None(&f[bgpMPReachNLRI])
	}
	if state == bgpGoOn {
		emitBGPRoutes(e, nlri, form, reach)
	}
}

// bgpUpdateCut reports whether tshark's dissector throws an exception in
// the UPDATE message body, as emitBGPAttrs finds it: an MP attribute of
// bgpMPState bgpCut, an attribute of an unknown type running past the
// attributes' end.
func bgpUpdateCut(body []byte) bool {
	_, attrs, _, ok := bgpUpdateParts(body)
	if !ok {
		return false
	}
	for off := 0; ; {
		_, typ, v, _, next, ok := nextBGPAttr(attrs, off)
		if !ok {
			return bgpAttrOverruns(attrs, off)
		}
		if (typ == 14 || typ == 15) && bgpMPState(v, typ == 14) == bgpCut {
			return true
		}
		off = next
	}
}

// emitBGPNextHop emits an MP_REACH_NLRI's next hop (field holds its
// length byte and its bytes, as tshark's) and, beneath it, its addresses.
func emitBGPNextHop(e *emitter, form int, field []byte) {
	f := &bgpFields
	e.Bytes(&f[bgpMPReachNextHop], field)
	nh := field[1:]
	if e.Tree() {
		b := append(e.Text(), "Next hop: "...)
		switch {
		case form == bgpNLRIVPN4:
			b = appendBGPRD(append(b, " RD="...), nh[:8])
			b = addr4(nh[8:]).AppendTo(append(b, " IPv4="...))
		case len(nh) == 4:
			b = addr4(nh).AppendTo(b)
		case len(nh) == 16:
			b = bgpAddr6(nh).AppendTo(b)
		default:
			b = bgpAddr6(nh[:16]).AppendTo(append(b, "IPv6="...))
			b = bgpAddr6(nh[16:]).AppendTo(append(b, " Link-local="...))
		}
		e.SetRepr(b)
	}
	e.Sub()
	switch {
	case form == bgpNLRIVPN4:
		e.TextDone(&f[bgpMPReachNextHopRD], appendBGPRD(e.Text(), nh[:8]))
		e.IPv4(&f[bgpMPReachNextHopIPv4], nh[8:])
	case len(nh) == 4:
		e.IPv4(&f[bgpMPReachNextHopIPv4], nh)
	default:
		e.IPv6(&f[bgpMPReachNextHopIPv6], nh[:16])
		if len(nh) == 32 {
			e.IPv6(&f[bgpMPReachNextHopLL], nh[16:])
		}
	}
	e.Up()
}

// emitBGPRoutes emits the entries of an NLRI list of form beneath the
// field just emitted (the list's), each under a line of its own.
func emitBGPRoutes(e *emitter, v []byte, form int, reach bool) {
	f := &bgpFields
	addPath := bgpMPAddPath(v, form)
	v6 := form == bgpNLRIPlain6
	var prefixF *Field
	switch {
	case v6 && reach:
		prefixF = &f[bgpMPReachIPv6Prefix]
	case v6:
		prefixF = &f[bgpMPUnreachIPv6Prefix]
	case reach:
		prefixF = &f[bgpMPReachIPv4Prefix]
	default:
		prefixF = &f[bgpMPUnreachIPv4Prefix]
	}
	mp := "MP Unreach NLRI"
	if reach {
		mp = "MP Reach NLRI"
	}
	e.Sub()
	defer e.Up()
	for k := 0; k < len(v); {
		r, next, ok := bgpNextRoute(v, k, form, addPath)
		if !ok {
			if bgpVPNBadLength(v, k, form) && e.Tree() {
				var buf [24]byte
				arg := append(strconv.AppendUint(buf[:0], uint64(v[k]), 10), " invalid"...)
				msg := "MP Unreach NLRI Labeled VPN IPv4 prefix length "
				if reach {
					msg = "MP Reach NLRI Labeled VPN IPv4 prefix length "
				}
				e.Line(append(append(e.Text(), msg...), arg...))
				e.Sub()
				e.ExpertLine("Error", "Malformed", msg, arg)
				e.Up()
			}
			return
		}
		k = next
		if e.Tree() {
			b := e.Text()
			switch form {
			case bgpNLRILabel4:
				b = appendBGPLabels(append(b, "Label Stack="...), r.labels)
				b = appendBGPRoutePrefix(append(b, " IPv4="...), &r, false)
			case bgpNLRIVPN4:
				b = append(b, "BGP Prefix"...)
			case bgpNLRIRTC:
				b = strconv.AppendUint(append(append(b, mp...), ' '), uint64(r.as), 10)
				b = appendBGPRT(append(b, ':'), r.rt)
				b = append(b, "/96"...)
			default:
				b = appendBGPRoutePrefix(b, &r, v6)
				if r.hasPath {
					b = strconv.AppendUint(append(b, " PathId "...), uint64(r.pathID), 10)
					b = append(b, ' ')
				}
			}
			e.Line(b)
		}
		e.Sub()
		if r.hasPath {
			e.Uint(&f[bgpNLRIPathID], uint64(r.pathID))
		}
		e.Uint(&f[bgpPrefixLength], uint64(r.bits))
		if e.Tree() {
			switch {
			case form == bgpNLRILabel4:
				e.SetRepr(strconv.AppendInt(append(append(e.Text(), mp...), " Prefix length: "...), int64(r.bits), 10))
			case v6:
				e.SetRepr(strconv.AppendInt(append(append(e.Text(), mp...), " prefix length: "...), int64(r.bits), 10))
			}
		}
		switch form {
		case bgpNLRIRTC:
			e.Uint(&f[bgpOriginatingAS], uint64(r.as))
			e.TextDone(&f[bgpCommunityPrefix], appendBGPRT(e.Text(), r.rt))
		case bgpNLRILabel4, bgpNLRIVPN4:
			e.TextDone(&f[bgpLabelStack], appendBGPLabels(e.Text(), r.labels))
			if e.Tree() && form == bgpNLRILabel4 {
				e.SetRepr(appendBGPLabels(append(append(e.Text(), mp...), " Label Stack: "...), r.labels))
			}
			if form == bgpNLRIVPN4 {
				e.TextDone(&f[bgpRD], appendBGPRD(e.Text(), r.rd))
			}
			e.IPv4(prefixF, r.addr[:4])
		case bgpNLRIPlain6:
			e.IPv6(prefixF, r.addr[:])
		default:
			e.IPv4(prefixF, r.addr[:4])
		}
		e.Up()
		if !bgpEvery(e) {
			return
		}
	}
}

// bgpAddr6 returns the IPv6 address of 16 bytes.
func bgpAddr6(b []byte) netip.Addr { return netip.AddrFrom16([16]byte(b)) }

// emitBGPPathRoutes emits the UPDATE message's withdrawn routes or NLRI
// read with path identifiers (bgpAddPath has checked v), each prefix's
// address as prefixF, beneath the list's field just emitted.
func emitBGPPathRoutes(e *emitter, v []byte, prefixF *Field) {
	f := &bgpFields
	e.Sub()
	defer e.Up()
	for k := 0; k < len(v); {
		r, next, ok := bgpNextRoute(v, k, bgpNLRIUpdate4, true)
		if !ok {
			return
		}
		k = next
		if e.Tree() {
			b := appendBGPRoutePrefix(e.Text(), &r, false)
			b = strconv.AppendUint(append(b, " PathId "...), uint64(r.pathID), 10)
			e.Line(append(b, ' '))
		}
		e.Sub()
		e.Uint(&f[bgpNLRIPathID], uint64(r.pathID))
		e.Uint(&f[bgpPrefixLength], uint64(r.bits))
		e.IPv4(prefixF, r.addr[:4])
		e.Up()
		if !bgpEvery(e) {
			return
		}
	}
}

// bgpPlainFits reports whether v reads as prefixes (a length of at most
// maxBits and its bytes, no bit set past the length) to exactly its end.
func bgpPlainFits(v []byte, maxBits int) bool {
	for k := 0; k < len(v); {
		bits := int(v[k])
		n := (bits + 7) / 8
		if bits > maxBits || k+1+n > len(v) {
			return false
		}
		if bits%8 != 0 && v[k+n]&(0xff>>(bits%8)) != 0 {
			return false
		}
		k += 1 + n
	}
	return true
}
