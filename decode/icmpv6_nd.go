package decode

// The bodies of ICMPv6's neighbour discovery messages (RFC 4861, types 133
// to 137) with their options, and of MLD's (RFC 2710, RFC 3810: 130 to 132
// and 143), emitted as tshark's tree shows them. Emitting stops where the
// tree would show a value rawcap does not decode (an option kind or length
// it is not sure of, an exponential code, auxiliary data).

// emitICMPv6Body emits the body of the ND or MLD message m at layer i and
// reports whether it did (false: m is another type, or too short for its
// fixed part).
func emitICMPv6Body(e *emitter, i int, m ICMPv6) bool {
	l := &e.d.layers[i]
	length := ipPayloadLen(e.d, i)
	whole := length >= 4 && l.Start+length <= l.End
	switch m.Type() {
	case ICMPv6RouterSolicit, ICMPv6RouterAdvert, ICMPv6NeighborSolicit, ICMPv6NeighborAdvert, ICMPv6Redirect:
		if whole || len(m) >= m.HeaderLen() {
			return emitND(e, m[:min(len(m), max(length, 0))])
		}
	case ICMPv6MLDQuery, ICMPv6MLDReport, ICMPv6MLDDone, ICMPv6MLDv2Report:
		if whole {
			return emitMLD(e, m[:length])
		}
	}
	return false
}

// emitND emits the fixed fields of router or neighbour discovery message
// m, then the options tshark names, and reports whether m held its fixed
// part.
func emitND(e *emitter, m ICMPv6) bool {
	f := &icmpv6Fields
	if len(m) < 8 {
		return false
	}
	off := m.HeaderLen()
	if len(m) < off {
		return false
	}
	switch m.Type() {
	case ICMPv6RouterSolicit:
		e.Bytes(&f[icmpv6Reserved], m[4:8])
	case ICMPv6RouterAdvert:
		e.Uint(&f[icmpv6NdRaCurHopLimit], uint64(m[4]))
		w := uint64(m[5])
		e.Uint(&f[icmpv6NdRaFlag], w)
		if e.Tree() {
			b := appendHex2(append(e.Text(), "Flags: 0x"...), m[5])
			b = appendSetFlags(b, w, &f[icmpv6NdRaFlagM], &f[icmpv6NdRaFlagO], &f[icmpv6NdRaFlagH])
			b = append(b, ", Prf (Default Router Preference): "...)
			b = append(b, raPrfNames[w>>3&3]...)
			if w&4 != 0 {
				b = append(b, ", Proxy"...)
			}
			e.SetRepr(b)
		}
		e.Sub()
		e.BoolBits(&f[icmpv6NdRaFlagM], w)
		e.BoolBits(&f[icmpv6NdRaFlagO], w)
		e.BoolBits(&f[icmpv6NdRaFlagH], w)
		e.UintBits(&f[icmpv6NdRaFlagPrf], w)
		e.BoolBits(&f[icmpv6NdRaFlagP], w)
		e.UintBits(&f[icmpv6NdRaFlagRsv], w)
		e.Up()
		e.Uint(&f[icmpv6NdRaRouterLifetime], uint64(be16(m[6:])))
		e.Uint(&f[icmpv6NdRaReachableTime], uint64(be32(m[8:])))
		e.Uint(&f[icmpv6NdRaRetransTimer], uint64(be32(m[12:])))
	case ICMPv6NeighborSolicit:
		e.Bytes(&f[icmpv6Reserved], m[4:8])
		e.IPv6(&f[icmpv6NdNsTargetAddress], m[8:24])
	case ICMPv6NeighborAdvert:
		w := uint64(be32(m[4:]))
		e.Uint(&f[icmpv6NdNaFlag], w)
		if e.Tree() {
			b := appendHexBytes(append(e.Text(), "Flags: 0x"...), m[4:8])
			e.SetRepr(appendSetFlags(b, w, &f[icmpv6NdNaFlagR], &f[icmpv6NdNaFlagS], &f[icmpv6NdNaFlagO]))
		}
		e.Sub()
		e.BoolBits(&f[icmpv6NdNaFlagR], w)
		e.BoolBits(&f[icmpv6NdNaFlagS], w)
		e.BoolBits(&f[icmpv6NdNaFlagO], w)
		e.UintBits(&f[icmpv6NdNaFlagRsv], w)
		e.Up()
		e.IPv6(&f[icmpv6NdNaTargetAddress], m[8:24])
	case ICMPv6Redirect:
		e.Bytes(&f[icmpv6Reserved], m[4:8])
		e.IPv6(&f[icmpv6NdRdTargetAddress], m[8:24])
		e.IPv6(&f[icmpv6RdNaDestinationAddress], m[24:40])
	default:
		return false
	}
	// The tree, -T fields and ek show every option; JSON the first.
	every := e.all || e.Tree()
	for k := 0; k == 0 || every; k++ {
		o, next, ok, bad := m.NextNDOption(off)
		if !ok || bad || !emitNDOption(e, o, next-off) {
			break
		}
		off = next
	}
	return true
}

var raPrfNames = [4]string{"Medium", "High", "Reserved", "Low"}

// routeInfoPrefix returns a route information option's prefix (RFC 4191:
// 0, 8 or 16 bytes of it after the lifetime), zero-filled to 16 bytes.
func routeInfoPrefix(d []byte) (a [16]byte) {
	copy(a[:], d[6:])
	return a
}

// dnsslName returns the length of the one domain name at the start of a
// DNS search list option's names b (labels ending in a zero byte), when
// only zero padding follows it; 0 when b holds no such name (none, a label
// running past the end, or a second name, whose line rawcap does not know).
func dnsslName(b []byte) int {
	k := 0
	for k < len(b) && b[k] != 0 {
		if b[k] > 63 {
			return 0
		}
		k += 1 + int(b[k])
	}
	if k == 0 || k >= len(b) {
		return 0
	}
	k++ // the root's zero byte
	for _, c := range b[k:] {
		if c != 0 {
			return 0
		}
	}
	return k
}

// appendDNSSLName appends the domain name at the start of b (dnsslName
// has checked it) with dots between its labels.
func appendDNSSLName(b, name []byte) []byte {
	for k := 0; name[k] != 0; k += 1 + int(name[k]) {
		if k > 0 {
			b = append(b, '.')
		}
		b = append(b, name[k+1:k+1+int(name[k])]...)
	}
	return b
}

// emitNDOption emits one ND option of n bytes and reports whether it knew
// it (it emits nothing of one it does not).
func emitNDOption(e *emitter, o NDOption, n int) bool {
	f := &icmpv6Fields
	switch {
	case (o.Type == 1 || o.Type == 2) && n == 8:
	case o.Type == 3 && n == 32:
	case o.Type == 5 && n == 8:
	case o.Type == 25 && n == 24:
	case o.Type == 14 && n == 8:
	case o.Type == 38 && n == 16 && (be16(o.Data)&7 == 0 || be16(o.Data)&7 > 5): // a 96-bit NAT64 prefix (RFC 8781), or an unknown length code
	case o.Type == 24 && n >= 8 && n <= 24 && int(o.Data[0]) <= (n-8)*8:
	case o.Type == 31 && n >= 16 && dnsslName(o.Data[6:]) > 0:
	default:
		return false
	}
	e.None(&f[icmpv6Opt])
	if e.Tree() {
		b := append(e.Text(), "ICMPv6 Option ("...)
		switch o.Type {
		case 1, 2:
			if o.Type == 1 {
				b = append(b, "Source link-layer address"...)
			} else {
				b = append(b, "Target link-layer address"...)
			}
			b = MAC(o.Data[:6]).AppendTo(append(b, " : "...))
			b = append(b, ')')
		case 3:
			b = addr16(o.Data[14:30]).AppendTo(append(b, "Prefix information : "...))
			b = append(appendUint(append(b, '/'), uint64(o.Data[0])), ')')
		case 5:
			b = append(appendUint(append(b, "MTU : "...), uint64(be32(o.Data[2:]))), ')')
		case 25:
			b = append(addr16(o.Data[6:22]).AppendTo(append(b, "Recursive DNS Server "...)), ')')
		case 14:
			b = append(b, "Nonce)"...)
		case 38:
			b = append(b, "PREF64 Option)"...)
		case 24:
			b = append(b, "Route Information : "...)
			b = append(b, raPrfNames[o.Data[1]>>3&3]...)
			a := routeInfoPrefix(o.Data)
			b = addr16(a[:]).AppendTo(append(b, ' '))
			b = append(appendUint(append(b, '/'), uint64(o.Data[0])), ')')
		case 31:
			b = appendDNSSLName(append(b, "DNS Search List Option "...), o.Data[6:])
			b = append(b, ')')
		}
		e.SetRepr(b)
	}
	e.Sub()
	e.Uint(&f[icmpv6OptType], uint64(o.Type))
	e.Uint(&f[icmpv6OptLength], uint64(n/8))
	if e.Tree() {
		b := appendUint(append(e.Text(), "Length: "...), uint64(n/8))
		b = appendUint(append(b, " ("...), uint64(n))
		e.SetRepr(append(b, " bytes)"...))
	}
	switch o.Type {
	case 1, 2:
		mac := o.Data[:6]
		e.Bytes(&f[icmpv6OptLinkaddr], mac)
		e.Hidden(true)
		if o.Type == 1 {
			e.Bytes(&f[icmpv6OptSrcLinkaddr], mac)
		} else {
			e.Bytes(&f[icmpv6OptTargetLinkaddr], mac)
		}
		e.Hidden(false)
	case 3:
		w := uint64(o.Data[1])
		e.Uint(&f[icmpv6OptPrefixLength], uint64(o.Data[0]))
		e.Uint(&f[icmpv6OptPrefixFlag], w)
		if e.Tree() {
			b := appendHex2(append(e.Text(), "Flag: 0x"...), o.Data[1])
			e.SetRepr(appendSetFlags(b, w, &f[icmpv6OptPrefixFlagL], &f[icmpv6OptPrefixFlagA], &f[icmpv6OptPrefixFlagR]))
		}
		e.Sub()
		e.BoolBits(&f[icmpv6OptPrefixFlagL], w)
		e.BoolBits(&f[icmpv6OptPrefixFlagA], w)
		e.BoolBits(&f[icmpv6OptPrefixFlagR], w)
		e.UintBits(&f[icmpv6OptPrefixFlagReserved], w)
		e.Up()
		e.Uint(&f[icmpv6OptPrefixValidLifetime], uint64(be32(o.Data[2:])))
		e.Uint(&f[icmpv6OptPrefixPreferredLifetime], uint64(be32(o.Data[6:])))
		e.None(&f[icmpv6OptReserved])
		e.IPv6(&f[icmpv6OptPrefix], o.Data[14:30])
	case 5:
		e.None(&f[icmpv6OptReserved])
		e.Uint(&f[icmpv6OptMtu], uint64(be32(o.Data[2:])))
	case 25:
		e.None(&f[icmpv6OptReserved])
		e.Uint(&f[icmpv6OptRdnssLifetime], uint64(be32(o.Data[2:])))
		e.IPv6(&f[icmpv6OptRdnss], o.Data[6:22])
	case 14:
		e.Bytes(&f[icmpv6OptNonce], o.Data)
	case 38:
		w := uint64(be16(o.Data))
		if w&7 != 0 {
			e.Sub()
			e.ExpertLine("Error", "Malformed", "Invalid Option Length", nil)
			e.Up()
		}
		e.UintBits(&f[icmpv6OptPref64ScaledLifetime], w)
		e.UintBits(&f[icmpv6OptPref64Plc], w)
		if w&7 == 0 {
			var a [16]byte
			copy(a[:12], o.Data[2:14])
			e.IPv6(&f[icmpv6OptPref64Prefix], a[:])
		}
	case 24:
		e.Uint(&f[icmpv6OptPrefixLength], uint64(o.Data[0]))
		w := uint64(o.Data[1])
		e.Uint(&f[icmpv6OptRouteInfoFlag], w)
		if e.Tree() {
			b := appendHex2(append(e.Text(), "Flag: 0x"...), o.Data[1])
			e.SetRepr(append(append(b, ", Route Preference: "...), raPrfNames[w>>3&3]...))
		}
		e.Sub()
		e.UintBits(&f[icmpv6OptRouteInfoPref], w)
		e.UintBits(&f[icmpv6OptRouteInfoReserved], w)
		e.Up()
		life := be32(o.Data[2:])
		e.Uint(&f[icmpv6OptRouteLifetime], uint64(life))
		if life == 0xffffffff && e.Tree() {
			e.SetRepr(append(e.Text(), "Route Lifetime: Infinity (4294967295)"...))
		}
		if n > 8 {
			a := routeInfoPrefix(o.Data)
			e.IPv6(&f[icmpv6OptPrefix], a[:])
		}
	case 31:
		e.None(&f[icmpv6OptReserved])
		life := be32(o.Data[2:])
		e.Uint(&f[icmpv6OptDnsslLifetime], uint64(life))
		if e.Tree() && (life == 0 || life == 0xffffffff) {
			// The two values tshark names (BASE_SPECIAL_VALS).
			b := append(e.Text(), "Lifetime: "...)
			if life == 0 {
				b = append(b, "DNSSL domain name MUST no longer be used (0)"...)
			} else {
				b = append(b, "Infinity (4294967295)"...)
			}
			e.SetRepr(b)
		}
		name := o.Data[6:]
		e.TextDone(&f[icmpv6OptDnssl], appendDNSSLName(e.Text(), name))
		if dnsslName(name) < len(name) {
			e.None(&f[icmpv6OptPadding])
		}
	}
	e.Up()
	return true
}

// emitMLD emits the body of a multicast listener query, report or done
// (MLDv1 and v2), m being the whole message, and reports whether it
// emitted anything.
func emitMLD(e *emitter, m ICMPv6) bool {
	f := &icmpv6Fields
	every := e.all || e.Tree()
	switch m.Type() {
	case ICMPv6MLDQuery, ICMPv6MLDReport, ICMPv6MLDDone:
		if len(m) < 24 {
			return false
		}
		v2 := m.Type() == ICMPv6MLDQuery && len(m) >= 28
		code := be16(m[4:])
		if v2 {
			if code >= 0x8000 {
				return false
			}
			e.Uint(&f[icmpv6MldMaximumResponseCode], uint64(code))
		} else {
			e.Uint(&f[icmpv6MldMaximumResponseDelay], uint64(code))
		}
		e.Bytes(&f[icmpv6Reserved], m[6:8])
		e.IPv6(&f[icmpv6MldMulticastAddress], m[8:24])
		if !v2 || m[25] >= 0x80 {
			return true
		}
		w := uint64(m[24])
		e.Uint(&f[icmpv6MldFlag], w)
		e.Sub()
		e.BoolBits(&f[icmpv6MldFlagS], w)
		e.UintBits(&f[icmpv6MldFlagQrv], w)
		e.UintBits(&f[icmpv6MldFlagReserved], w)
		e.Up()
		e.Uint(&f[icmpv6MldQqi], uint64(m[25]))
		n := int(be16(m[26:]))
		e.Uint(&f[icmpv6MldNbSources], uint64(n))
		for k := range n {
			off := 28 + 16*k
			if off+16 > len(m) || k > 0 && !every {
				break
			}
			e.IPv6(&f[icmpv6MldSourceAddress], m[off:off+16])
		}
	case ICMPv6MLDv2Report:
		if len(m) < 8 {
			return false
		}
		e.Bytes(&f[icmpv6Reserved], m[4:6])
		n := int(be16(m[6:]))
		e.Uint(&f[icmpv6MldrNbMcastRecords], uint64(n))
		off := 8
		for k := range n {
			if off+20 > len(m) || int(m[off]) >= len(mldRecordNames) || mldRecordNames[m[off]] == "" || k > 0 && !every {
				break
			}
			aux, srcs := int(m[off+1])*4, int(be16(m[off+2:]))
			end := off + 20 + 16*srcs + aux
			if end > len(m) {
				break
			}
			e.None(&f[icmpv6MldrMar])
			if e.Tree() {
				b := append(e.Text(), "Multicast Address Record "...)
				b = append(b, mldRecordNames[m[off]]...)
				e.SetRepr(addr16(m[off+4 : off+20]).AppendTo(append(b, ": "...)))
			}
			e.Sub()
			e.Uint(&f[icmpv6MldrMarRecordType], uint64(m[off]))
			e.Uint(&f[icmpv6MldrMarAuxDataLen], uint64(m[off+1]))
			e.Uint(&f[icmpv6MldrMarNbSources], uint64(srcs))
			e.IPv6(&f[icmpv6MldrMarMulticastAddress], m[off+4:off+20])
			for s := range srcs {
				if s > 0 && !every {
					break
				}
				p := off + 20 + 16*s
				e.IPv6(&f[icmpv6MldrMarSourceAddress], m[p:p+16])
			}
			e.Up()
			if aux > 0 {
				break // tshark draws the auxiliary data; rawcap stops
			}
			off = end
		}
	}
	return true
}

var mldRecordNames = [...]string{1: "Include", 2: "Exclude", 3: "Changed to include", 4: "Changed to exclude",
	5: "Allow new sources", 6: "Block old sources"}
