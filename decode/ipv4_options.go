package decode

import (
	"net/netip"
	"strconv"
)

// This file draws IPv4's options (RFC 791, 1108, 1393, 1063, 2113, 4782,
// and CIPSO) in the -V tree as tshark 4.0 draws them. An option list with
// any option whose drawing is not known line for line (a length that makes
// tshark stop with an exception, a CIPSO tag it reports as malformed) is
// not drawn at all, so the tree holds no line tshark does not print.

// ipOptFixedLen is the length of the options Wireshark registers with a
// fixed length, by type (0: not fixed).
func ipOptFixedLen(code byte) int {
	switch code {
	case 11, 12, 136, 148: // MTU probe, MTU reply, stream ID, router alert
		return 4
	case 25: // quick-start
		return 8
	case 82: // traceroute
		return 12
	}
	return 0
}

// ipOptLabel is tshark's name of an option type ("" for one it does not
// know).
func ipOptLabel(code byte) string {
	switch code {
	case 0:
		return "End of Options List (EOL)"
	case 1:
		return "No-Operation (NOP)"
	case 7:
		return "Record Route"
	case 11:
		return "MTU Probe"
	case 12:
		return "MTU Reply"
	case 25:
		return "Quick-Start"
	case 68:
		return "Time Stamp"
	case 82:
		return "Traceroute"
	case 130:
		return "Security"
	case 131:
		return "Loose Source Route"
	case 133:
		return "Extended Security"
	case 134:
		return "Commercial Security"
	case 136:
		return "Stream ID"
	case 137:
		return "Strict Source Route"
	case 148:
		return "Router Alert"
	case 149:
		return "Selective Directed Broadcast"
	}
	return ""
}

// ipv4PendingRoute returns the final destination of the first loose or
// strict source route option whose pointer still points at an address:
// Wireshark then shows that address as the packet's destination and the
// header's as the current route ("Dst: final, Via: dst").
func ipv4PendingRoute(opts []byte) (netip.Addr, bool) {
	for len(opts) > 0 && opts[0] != 0 {
		if opts[0] == 1 {
			opts = opts[1:]
			continue
		}
		if len(opts) < 2 || opts[1] < 2 || int(opts[1]) > len(opts) {
			break
		}
		n := int(opts[1])
		if (opts[0] == 131 || opts[0] == 137) && n >= 7 && int(opts[2]) <= n {
			k := 3 + (n-3)/4*4 - 4
			return netip.AddrFrom4([4]byte(opts[k : k+4])), true
		}
		opts = opts[n:]
	}
	return netip.Addr{}, false
}

// ipOptStep is one step of the walk through an option list that tshark's
// dissector takes.
type ipOptStep uint8

const (
	ipOptStepOne     ipOptStep = iota // EOL or NOP: one byte
	ipOptStepKnown                    // a known option of length n
	ipOptStepUnknown                  // an option tshark does not know, of length n
	ipOptStepNoLen                    // the length byte is past the options: stop
	ipOptStepShort                    // the length is below 2: stop
	ipOptStepLong                     // the option runs past the options: stop
)

// ipOptNext classifies the option at the start of o (not empty) and
// returns its length.
func ipOptNext(o []byte) (ipOptStep, int) {
	switch {
	case o[0] <= 1:
		return ipOptStepOne, 1
	case len(o) < 2:
		return ipOptStepNoLen, 0
	case o[1] < 2:
		return ipOptStepShort, int(o[1])
	case int(o[1]) > len(o):
		return ipOptStepLong, int(o[1])
	case ipOptLabel(o[0]) == "":
		return ipOptStepUnknown, int(o[1])
	}
	return ipOptStepKnown, int(o[1])
}

// ipv4OptionsDrawable reports whether every option tshark reaches in opts
// is one rawcap draws (and emits) as tshark does.
func ipv4OptionsDrawable(opts []byte) bool {
	for off := 0; off < len(opts); {
		step, n := ipOptNext(opts[off:])
		switch step {
		case ipOptStepOne:
			if opts[off] == 0 {
				return true
			}
			off++
			continue
		case ipOptStepKnown:
			if !ipOptDrawable(opts[off : off+n]) {
				return false
			}
		case ipOptStepUnknown:
		default:
			return true
		}
		off += n
	}
	return true
}

// ipQSRates are ip.opt.qs_rate's value names.
var ipQSRates = [16]string{"0 bit/s", "80 Kbit/s", "160 Kbit/s", "320 Kbit/s", "640 Kbit/s",
	"1.28 Mbit/s", "2.56 Mbit/s", "5.12 Mbit/s", "10.24 Mbit/s", "20.48 Mbit/s", "40.96 Mbit/s",
	"81.92 Mbit/s", "163.84 Mbit/s", "327.68 Mbit/s", "655.36 Mbit/s", "1.31072 Gbit/s"}

// appendIPOptRA appends a router alert value as tshark names it.
func appendIPOptRA(b []byte, v uint16) []byte {
	if v == 0 {
		b = append(b, "Router shall examine packet (0)"...)
		return b
	}
	b = append(b, "Reserved ("...)
	b = appendUint(b, uint64(v))
	return append(b, ')')
}

// ipSecRFC791 are ip.opt.sec_rfc791_sec's value names.
func ipSecRFC791(v uint16) string {
	switch v {
	case 0:
		return "Unclassified"
	case 0xf135:
		return "Confidential"
	case 0x789a:
		return "EFTO"
	case 0xbc4d:
		return "MMMM"
	case 0x5e26:
		return "PROG"
	case 0xaf13:
		return "Restricted"
	case 0xd788:
		return "Secret"
	case 0x6bc5:
		return "Top secret"
	case 0x35e2, 0x9af1, 0x4d78, 0x24bd, 0x135e, 0x89af, 0xc4d6, 0xe26b:
		return "Reserved"
	}
	return ""
}

func printableASCII(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

// ipOptDrawable reports whether rawcap draws the known option o (its
// whole length, at least 2 bytes) as tshark does: not when tshark reads
// past it and stops with an exception, reports a malformed CIPSO tag, or
// draws it in a way not checked against it.
func ipOptDrawable(o []byte) bool {
	code, n := o[0], len(o)
	if ipOptFixedLen(code) > n {
		return false
	}
	switch code {
	case 7, 131, 137:
		if n < 3 {
			return false
		}
		ptr := int(o[2])
		badPtr := ptr < 4 || (ptr-4)%4 != 0
		if (n-3)%4 != 0 && badPtr {
			return false // which of the two tshark reports is not known
		}
		return code == 7 || !badPtr
	case 68, 133:
		return n >= 4
	case 130:
		if n < 3 {
			return false
		}
		if n == 11 && ipSecRFC791(be16(o[2:])) != "" {
			return printableASCII(o[6:11])
		}
		return n < 4 || o[3]&6 == 0 && (o[3]&1 == 0 || n >= 5 && o[4]&1 == 0)
	case 149:
		return n >= 6 && (n-2)%4 == 0
	case 25:
		f := o[2] >> 4
		return f == 0 || f == 8
	case 134:
		if n < 6 {
			return false
		}
		for k := 6; k < n; {
			tag := o[k:]
			if len(tag) < 2 || tag[1] < 2 || int(tag[1]) > len(tag) {
				return false
			}
			tl := int(tag[1])
			switch tag[0] {
			case 1, 2, 5:
				if tl < 4 || (tag[0] == 1 && tl > 34) || (tag[0] == 2 && (tl-4)%2 != 0) ||
					(tag[0] == 5 && tl != 8) || (tag[0] != 1 && tl == 4) {
					return false
				}
			case 7:
				if tl < 3 {
					return false
				}
			case 0, 3, 4, 6:
				return false
			}
			k += tl
		}
	}
	return true
}

// ipOptionsField is each option type's ip.options field.
func ipOptionsField(code byte) int {
	switch code {
	case 0:
		return ipOptionsEOL
	case 1:
		return ipOptionsNOP
	case 7:
		return ipOptionsRecordRoute
	case 11:
		return ipOptionsMTUProbe
	case 12:
		return ipOptionsMTUReply
	case 25:
		return ipOptionsQS
	case 68:
		return ipOptionsTimestamp
	case 82:
		return ipOptionsTraceroute
	case 130:
		return ipOptionsSecurity
	case 131:
		return ipOptionsRoute
	case 133:
		return ipOptionsExtSecurity
	case 134:
		return ipOptionsCIPSO
	case 136:
		return ipOptionsSID
	case 137:
		return ipOptionsSourceRoute
	case 148:
		return ipOptionsRouterAlert
	}
	return ipOptionsSDB
}

// ipOptEmitter emits the options' fields: every occurrence for -T fields,
// ek and the tree, the first of each for JSON (whose keys are unique).
type ipOptEmitter struct {
	e    *emitter
	seen [(ipFieldCount + 63) / 64]uint64
}

func (x *ipOptEmitter) want(k int) bool {
	if x.e.all || x.e.Tree() {
		return true
	}
	w, bit := k/64, uint64(1)<<(k%64)
	if x.seen[w]&bit != 0 {
		return false
	}
	x.seen[w] |= bit
	return true
}

func (x *ipOptEmitter) uint(k int, v uint64) {
	if x.want(k) {
		x.e.Uint(&ipFields[k], v)
	}
}

func (x *ipOptEmitter) bool(k int, v bool) {
	if x.want(k) {
		x.e.Bool(&ipFields[k], v)
	}
}

func (x *ipOptEmitter) bytes(k int, b []byte) {
	if x.want(k) {
		x.e.Bytes(&ipFields[k], b)
	}
}

// addr emits an address and, for k with one, its host field, which
// tshark's tree does not show. A tree list marks the address next on a
// route " <- (next)".
func (x *ipOptEmitter) addr(k, host int, b []byte, next bool) {
	if x.want(k) {
		x.e.IPv4(&ipFields[k], b)
		if next && x.e.Tree() {
			t := append(append(x.e.Text(), ipFields[k].Label...), ": "...)
			t = netip.AddrFrom4([4]byte(b)).AppendTo(t)
			x.e.SetRepr(append(t, " <- (next)"...))
		}
	}
	if host >= 0 && x.want(host) {
		t := netip.AddrFrom4([4]byte(b)).AppendTo(x.e.Text())
		x.e.TextDone(&ipFields[host], t)
		x.e.NoTree()
	}
}

// invalid emits ip.opt.len.invalid, tshark's expert item for an option's
// bad length or extraneous data; the tree draws the expert block instead.
func (x *ipOptEmitter) invalid() {
	if x.want(ipOptLenInvalid) {
		x.e.Expert(true)
		x.e.None(&ipFields[ipOptLenInvalid])
		x.e.Expert(false)
		x.e.NoTree()
	}
}

// typ emits an option's type byte and, a level deeper, its three parts.
func (x *ipOptEmitter) typ(code byte) {
	x.uint(ipOptType, uint64(code))
	x.e.Sub()
	x.bool(ipOptTypeCopy, code&0x80 != 0)
	x.uint(ipOptTypeClass, uint64(code>>5&3))
	x.uint(ipOptTypeNumber, uint64(code&0x1f))
	x.e.Up()
}

// emitIPv4Options emits the fields of the options of ip (at least 21
// bytes long) that tshark dissects, when rawcap draws them too. A tree
// list has them under an "Options: (N bytes), names" line, an option's
// fields in its subtree.
func emitIPv4Options(e *emitter, ip IPv4) {
	opts := ip[20:]
	if !ipv4OptionsDrawable(opts) {
		return
	}
	if e.Tree() {
		b := appendBytesBits(append(e.Text(), "Options: ("...), len(opts))
		b = append(b, ')')
	names:
		for off := 0; off < len(opts); {
			step, n := ipOptNext(opts[off:])
			switch {
			case step == ipOptStepOne && opts[off] == 0:
				break names
			case step == ipOptStepOne:
				off++
				continue
			case step == ipOptStepKnown:
				b = append(append(b, ", "...), ipOptLabel(opts[off])...)
			case step != ipOptStepUnknown:
				break names
			}
			off += n
		}
		e.Line(b)
	}
	e.Sub()
	emitIPv4OptionList(e, opts, ip.TTL())
	e.Up()
}

// emitIPv4OptionList emits the options opts of a header whose time to
// live is ttl, up to the end of the list or the first tshark stops at.
func emitIPv4OptionList(e *emitter, opts []byte, ttl uint8) {
	x := ipOptEmitter{e: e}
	nop := 0
	for off := 0; off < len(opts); {
		code := opts[off]
		if code == 1 && (nop == 0 || off%4 != 0) {
			nop++
		} else {
			nop = 0
		}
		step, n := ipOptNext(opts[off:])
		switch step {
		case ipOptStepOne:
			if nop == 4 {
				e.ExpertLine("Warning", "Protocol", "4 NOP in a row - a router may have removed some options", nil)
			}
			x.bytes(ipOptionsField(code), opts[off:off+1])
			if e.Tree() {
				e.SetRepr(append(append(e.Text(), "IP Option - "...), ipOptLabel(code)...))
			}
			e.Sub()
			x.typ(code)
			e.Up()
			if code == 0 {
				return
			}
			off++
			continue
		case ipOptStepNoLen:
			x.optError(code, " (length byte past end of options)", 0)
			return
		case ipOptStepShort:
			x.optError(code, " (with too-short option length = ", n)
			return
		case ipOptStepLong:
			x.optError(code, " (option length = ", n)
			return
		case ipOptStepUnknown:
			if e.Tree() {
				b := appendHex2(append(e.Text(), "Unknown (0x"...), code)
				b = appendBytesBits(append(b, ") ("...), n)
				e.Line(append(b, ')'))
			}
		case ipOptStepKnown:
			emitIPOption(&x, opts[off:off+n], ttl)
		}
		off += n
	}
}

// optError emits where an option's length byte is missing or wrong, after
// which tshark dissects no further option: the tree's line and expert
// information. what is the text after the option's name; n is the length
// byte, or 0 when it is missing.
func (x *ipOptEmitter) optError(code byte, what string, n int) {
	x.invalid()
	if !x.e.Tree() {
		return
	}
	var msg [96]byte
	m := msg[:0]
	if l := ipOptLabel(code); l != "" {
		m = append(m, l...)
	} else {
		m = append(appendHex2(append(m, "Unknown (0x"...), code), ')')
	}
	m = append(m, what...)
	switch what[2] {
	case 'w': // with too-short option length = n bytes
		m = append(appendBytesBits(m, n), ')')
	case 'o': // option length = n bytes says option goes past end of options
		m = append(appendBytesBits(m, n), " says option goes past end of options)"...)
	}
	x.e.Line(append(x.e.Text(), m...))
	x.e.Sub()
	x.e.ExpertLine("Warning", "Protocol", "", m)
	x.e.Up()
}

// emitIPOption emits one known option's fields (o is its whole length),
// in a tree list its line and, a level deeper, its fields.
func emitIPOption(x *ipOptEmitter, o []byte, ttl uint8) {
	e := x.e
	code, n := o[0], len(o)
	fixed := ipOptFixedLen(code)
	x.bytes(ipOptionsField(code), o)
	if e.Tree() {
		b := append(append(e.Text(), "IP Option - "...), ipOptLabel(code)...)
		if fixed > 0 {
			b = appendBytesBits(append(b, " ("...), fixed)
		} else {
			b = appendBytesBits(append(b, " ("...), n)
		}
		b = append(b, ')')
		switch code {
		case 148:
			b = appendIPOptRA(append(b, ": "...), be16(o[2:]))
		case 25:
			b = append(b, ": "...)
			if o[2]>>4 == 0 {
				b = append(append(b, "Rate request (0), "...), ipQSRates[o[2]&15]...)
				b = appendUint(append(b, ", QS TTL "...), uint64(o[3]))
				b = appendUint(append(b, ", QS TTL diff "...), uint64(ttl-o[3]))
			} else {
				b = append(append(b, "Rate report (8), "...), ipQSRates[o[2]&15]...)
			}
		}
		e.SetRepr(b)
	}
	e.Sub()
	x.typ(code)
	x.uint(ipOptLen, uint64(n))
	if fixed > 0 && fixed != n {
		x.invalid()
		if e.Tree() {
			var msg [80]byte
			m := append(msg[:0], ipOptLabel(code)...)
			m = append(m, " (with option length = "...)
			m = appendBytesBits(m, n)
			m = append(m, "; should be "...)
			m = strconv.AppendInt(m, int64(fixed), 10)
			m = append(m, ')')
			e.Sub()
			e.ExpertLine("Warning", "Protocol", "", m)
			e.Up()
		}
	}
	emitIPOptionBody(x, o, ttl)
	e.Up()
}

// emitIPOptionBody emits the fields after a known option's length.
func emitIPOptionBody(x *ipOptEmitter, o []byte, ttl uint8) {
	e := x.e
	code, n := o[0], len(o)
	switch code {
	case 7, 131, 137:
		ptr := int(o[2])
		x.uint(ipOptPtr, uint64(ptr))
		if e.Tree() {
			e.Sub()
			switch {
			case (n-3)%4 != 0:
				e.ExpertLine("Warning", "Protocol", "Suboption would go past end of option", nil)
			case ptr < 4:
				e.ExpertLine("Warning", "Protocol", "Pointer points before first address", nil)
			case (ptr-4)%4 != 0:
				e.ExpertLine("Warning", "Protocol", "Pointer points to middle of address", nil)
			}
			e.Up()
		}
		if (n-3)%4 == 0 && (ptr < 4 || (ptr-4)%4 != 0) {
			return
		}
		source := code != 7
		last := 3 + (n-3)/4*4 - 4
		for k := 3; k+4 <= n; k += 4 {
			switch {
			case k < ptr-1:
				x.addr(ipRecRt, ipRecRtHost, o[k:k+4], false)
			case source && k == last:
				x.addr(ipDst, -1, o[k:k+4], false)
				emitHostCopies(x.e, netip.AddrFrom4([4]byte(o[k:k+4])), &ipFields[ipAddr], &ipFields[ipDstHost], &ipFields[ipHost])
			case source:
				x.addr(ipSrcRt, ipSrcRtHost, o[k:k+4], k == ptr-1)
			default:
				x.addr(ipEmptyRt, ipEmptyRtHost, o[k:k+4], k == ptr-1)
			}
		}
	case 68:
		ptr := int(o[2])
		hop := 4
		if f := o[3] & 15; f == 1 || f == 3 {
			hop = 8
		}
		x.uint(ipOptPtr, uint64(ptr))
		if e.Tree() && (ptr < 5 || (ptr-5)%hop != 0) {
			b := appendUint(append(e.Text(), "Pointer: "...), uint64(ptr))
			if ptr < 5 {
				e.SetRepr(append(b, " (points before first address)"...))
			} else {
				e.SetRepr(append(b, " (points to middle of field)"...))
			}
		}
		x.uint(ipOptOverflow, uint64(o[3]>>4))
		x.uint(ipOptFlag, uint64(o[3]&15))
		k := 4
		for ; k+hop <= n; k += hop {
			if hop == 8 {
				x.addr(ipOptTimeStampAddr, -1, o[k:k+4], false)
			}
			x.uint(ipOptTimeStamp, uint64(be32(o[k+hop-4:])))
		}
		if k < n {
			// tshark's text line, its expert item's field beneath it
			// (which -T ek leaves out, as it writes no _ws_expert).
			e.LineString("Suboption would go past end of option")
			e.Sub()
			if x.want(ipSuboptTooLong) {
				e.Expert(true)
				e.None(&ipFields[ipSuboptTooLong])
				e.Expert(false)
				e.NoTree()
			}
			e.ExpertLine("Warning", "Protocol", "Suboption would go past end of option", nil)
			e.Up()
		}
	case 130:
		if n == 11 && ipSecRFC791(be16(o[2:])) != "" {
			x.uint(ipOptSecRFC791Sec, uint64(be16(o[2:])))
			x.uint(ipOptSecRFC791Comp, uint64(be16(o[4:])))
			if x.want(ipOptSecRFC791HR) {
				x.e.TextDone(&ipFields[ipOptSecRFC791HR], append(x.e.Text(), o[6:8]...))
			}
			if x.want(ipOptSecRFC791TCC) {
				x.e.TextDone(&ipFields[ipOptSecRFC791TCC], append(x.e.Text(), o[8:11]...))
			}
			return
		}
		x.uint(ipOptSecCL, uint64(o[2]))
		if n < 4 {
			return
		}
		f := o[3]
		fs := &ipFields
		x.uint(ipOptSecProtAuthFlags, uint64(f))
		if e.Tree() {
			b := appendHex2(append(e.Text(), "Protection Authority Flags: 0x"...), f)
			e.SetRepr(appendSetFlags(b, uint64(f), &fs[ipOptSecProtAuthGenser], &fs[ipOptSecProtAuthSIOPESI],
				&fs[ipOptSecProtAuthSCI], &fs[ipOptSecProtAuthNSA], &fs[ipOptSecProtAuthDOE], &fs[ipOptSecProtAuthFTI]))
		}
		e.Sub()
		x.bool(ipOptSecProtAuthGenser, f&0x80 != 0)
		x.bool(ipOptSecProtAuthSIOPESI, f&0x40 != 0)
		x.bool(ipOptSecProtAuthSCI, f&0x20 != 0)
		x.bool(ipOptSecProtAuthNSA, f&0x10 != 0)
		x.bool(ipOptSecProtAuthDOE, f&0x08 != 0)
		x.uint(ipOptSecProtAuthUnassigned, uint64(f>>1&3))
		x.bool(ipOptSecProtAuthFTI, f&1 != 0)
		e.Up()
		if f&1 != 0 {
			g := o[4]
			x.uint(ipOptSecProtAuthFlags, uint64(g))
			e.Sub()
			x.uint(ipOptSecProtAuthUnassigned, uint64(g>>1))
			if e.Tree() {
				b := append(appendBitDrawing(e.Text(), uint64(g), 8, 0xfe), " = Unassigned: 0x"...)
				e.SetRepr(appendHex2(b, g>>1))
			}
			x.bool(ipOptSecProtAuthFTI, g&1 != 0)
			e.Up()
		}
		if used := 4 + int(f&1); used < n {
			x.invalid()
			e.ExpertLine("Warning", "Protocol", "Extraneous data in option", nil)
		}
	case 133:
		x.uint(ipOptExtSecFormat, uint64(o[2]))
		x.bytes(ipOptExtSecInfo, o[3:])
	case 134:
		x.uint(ipCIPSODOI, uint64(be32(o[2:])))
		for k := 6; k < n; {
			tag := o[k:]
			tl := int(tag[1])
			x.uint(ipCIPSOTagType, uint64(tag[0]))
			switch tag[0] {
			case 1, 2, 5:
				x.uint(ipCIPSOSensitivity, uint64(tag[3]))
				emitCIPSOCategories(x, tag[0], tag[4:tl])
			case 7:
				x.bytes(ipCIPSOTagData, tag[2:tl])
			default:
				if e.Tree() {
					b := appendUint(append(e.Text(), "Tag Type: Unknown ("...), uint64(tag[0]))
					b = appendBytesBits(append(b, ") ("...), tl)
					e.SetRepr(append(b, ')'))
				}
			}
			k += tl
		}
	case 136:
		x.uint(ipOptSID, uint64(be16(o[2:])))
	case 11, 12:
		x.uint(ipOptMTU, uint64(be16(o[2:])))
	case 82:
		x.uint(ipOptIDNumber, uint64(be16(o[2:])))
		x.uint(ipOptOHC, uint64(be16(o[4:])))
		x.uint(ipOptRHC, uint64(be16(o[6:])))
		x.addr(ipOptOriginator, -1, o[8:12], false)
	case 148:
		x.uint(ipOptRA, uint64(be16(o[2:])))
		if e.Tree() {
			e.SetRepr(appendIPOptRA(append(e.Text(), "Router Alert: "...), be16(o[2:])))
		}
	case 25:
		x.uint(ipOptQSFunc, uint64(o[2]>>4))
		x.uint(ipOptQSRate, uint64(o[2]&15))
		if o[2]>>4 == 0 {
			x.uint(ipOptQSTTL, uint64(o[3]))
			x.uint(ipOptQSTTLDiff, uint64(ttl-o[3]))
		} else {
			x.uint(ipOptQSUnused, uint64(o[3]))
		}
		v := uint64(be32(o[4:]))
		x.uint(ipOptQSNonce, v>>2)
		x.uint(ipOptQSReserved, v&3)
	case 149:
		for k := 2; k+4 <= n; k += 4 {
			x.addr(ipOptAddr, -1, o[k:k+4], false)
		}
	}
}

// emitCIPSOCategories emits a CIPSO tag's categories as tshark lists them,
// when it lists any.
func emitCIPSOCategories(x *ipOptEmitter, tag byte, body []byte) {
	b := x.e.Text()
	start := len(b)
	switch tag {
	case 1:
		for i, c := range body {
			for j := range 8 {
				if c&(0x80>>j) != 0 {
					if len(b) > start {
						b = append(b, ',')
					}
					b = appendUint(b, uint64(i*8+j))
				}
			}
		}
	case 2:
		for i := 0; i+2 <= len(body); i += 2 {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendUint(b, uint64(be16(body[i:])))
		}
	case 5:
		b = appendUint(b, uint64(be16(body)))
		b = append(b, '-')
		b = appendUint(b, uint64(be16(body[2:])))
	}
	if len(b) > start && x.want(ipCIPSOCategories) {
		x.e.TextDone(&ipFields[ipCIPSOCategories], b)
	}
}
