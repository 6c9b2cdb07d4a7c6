package decode

import "strconv"

// Router renumbering (RFC 2894), ICMPv6 type 138. After the type, code and
// checksum:
//
//	| sequence number (32)                                          |
//	| segment number (8) | flags (8) | max delay (16)               |
//	| reserved (32)                                                 |
//	| message body …                                                |
//
// A command's body (code 0) is a run of prefix control operations: a
// match-prefix part (opcode, length in 8-byte units, ordinal, match, min
// and max lengths, reserved, the prefix; 24 bytes) and (length−3)/2
// use-prefix parts of 32 bytes (use and keep lengths, flag mask, RA flags,
// valid and preferred lifetimes, flags, the prefix). rawcap lays out
// commands; a result's or a reset's body is left alone.
const (
	icmpv6RRHeaderLen = 16
	icmpv6RRMatchSize = 24
	icmpv6RRUseSize   = 32
)

// emitICMPv6RR emits router renumbering message m's fields after the
// checksum.
func emitICMPv6RR(e *emitter, m ICMPv6) {
	f := &icmpv6Fields
	if len(m) < icmpv6RRHeaderLen {
		return
	}
	e.Uint(&f[icmpv6RRSeq], uint64(be32(m[4:])))
	e.Uint(&f[icmpv6RRSeg], uint64(m[8]))
	flags := m[9]
	e.rrFlags(icmpv6RRFlag, uint64(flags), icmpv6RRFlagT, icmpv6RRFlagP)
	e.Sub()
	for k := icmpv6RRFlagT; k <= icmpv6RRFlagP; k++ {
		e.BoolBits(&f[k], uint64(flags))
	}
	e.UintBits(&f[icmpv6RRFlagRsv], uint64(flags))
	e.Up()
	e.Uint(&f[icmpv6RRMaxDelay], uint64(be16(m[10:])))
	e.Bytes(&f[icmpv6Reserved], m[12:16])
	if m.Code() != 0 {
		return
	}
	for off := icmpv6RRHeaderLen; off+icmpv6RRMatchSize <= len(m); {
		mp := m[off : off+icmpv6RRMatchSize]
		uses := 0
		if mp[1] >= 3 {
			uses = (int(mp[1]) - 3) / 2
		}
		emitICMPv6RRMatch(e, mp)
		off += icmpv6RRMatchSize
		for ; uses > 0 && off+icmpv6RRUseSize <= len(m); uses-- {
			emitICMPv6RRUse(e, m[off:off+icmpv6RRUseSize])
			off += icmpv6RRUseSize
		}
		if uses > 0 {
			return
		}
	}
}

// emitICMPv6RRMatch emits a match-prefix part: "Match-Prefix Part: Add
// fec0::/48 (0-128)" over its fields.
func emitICMPv6RRMatch(e *emitter, mp []byte) {
	f := &icmpv6Fields
	e.None(&f[icmpv6RRMatch])
	if e.Tree() {
		b := append(e.Text(), "Match-Prefix Part: "...)
		b = append(b, f[icmpv6RRMatchOpCode].ValueNames().Name(uint64(mp[0]))...)
		b = append(b, ' ')
		b = addr16(mp[8:24]).AppendTo(b)
		b = append(b, '/')
		b = strconv.AppendUint(b, uint64(mp[3]), 10)
		b = append(b, " ("...)
		b = strconv.AppendUint(b, uint64(mp[4]), 10)
		b = append(b, '-')
		b = strconv.AppendUint(b, uint64(mp[5]), 10)
		e.SetRepr(append(b, ')'))
	}
	e.Sub()
	e.Uint(&f[icmpv6RRMatchOpCode], uint64(mp[0]))
	e.Uint(&f[icmpv6RRMatchOpLength], uint64(mp[1]))
	e.Uint(&f[icmpv6RRMatchOrdinal], uint64(mp[2]))
	e.Uint(&f[icmpv6RRMatchLen], uint64(mp[3]))
	e.Uint(&f[icmpv6RRMatchMinLen], uint64(mp[4]))
	e.Uint(&f[icmpv6RRMatchMaxLen], uint64(mp[5]))
	e.Bytes(&f[icmpv6Reserved], mp[6:8])
	e.IPv6(&f[icmpv6RRMatchPrefix], mp[8:24])
	e.Up()
}

// emitICMPv6RRUse emits a use-prefix part: "Use-Prefix Part:
// 3ffe:501:fffe::/48 (keep 16)" over its fields.
func emitICMPv6RRUse(e *emitter, up []byte) {
	f := &icmpv6Fields
	e.None(&f[icmpv6RRUse])
	if e.Tree() {
		b := append(e.Text(), "Use-Prefix Part: "...)
		b = addr16(up[16:32]).AppendTo(b)
		b = append(b, '/')
		b = strconv.AppendUint(b, uint64(up[0]), 10)
		b = append(b, " (keep "...)
		b = strconv.AppendUint(b, uint64(up[1]), 10)
		e.SetRepr(append(b, ')'))
	}
	e.Sub()
	e.Uint(&f[icmpv6RRUseLen], uint64(up[0]))
	e.Uint(&f[icmpv6RRUseKeepLen], uint64(up[1]))
	// The RA flags are drawn with the flag mask's fields, as tshark does.
	for _, k := range [...]int{icmpv6RRUseFlagMask, icmpv6RRUseRAFlags} {
		v := uint64(up[2])
		if k == icmpv6RRUseRAFlags {
			v = uint64(up[3])
		}
		e.rrFlags(k, v, icmpv6RRUseMaskL, icmpv6RRUseMaskA)
		e.Sub()
		e.BoolBits(&f[icmpv6RRUseMaskL], v)
		e.BoolBits(&f[icmpv6RRUseMaskA], v)
		e.UintBits(&f[icmpv6RRUseMaskRsv], v)
		e.Up()
	}
	e.rrLifetime(icmpv6RRUseValid, be32(up[4:]))
	e.rrLifetime(icmpv6RRUsePreferred, be32(up[8:]))
	flags := uint64(be32(up[12:]))
	e.rrFlags(icmpv6RRUseFlag, flags, icmpv6RRUseFlagV, icmpv6RRUseFlagP)
	e.Sub()
	e.BoolBits(&f[icmpv6RRUseFlagV], flags)
	e.BoolBits(&f[icmpv6RRUseFlagP], flags)
	e.UintBits(&f[icmpv6RRUseFlagRsv], flags)
	e.Up()
	e.IPv6(&f[icmpv6RRUsePrefix], up[16:32])
	e.Up()
}

// rrFlags emits flags word v as field k, its line naming the flags set
// among fields first…last: "Flags: 0x10, Site-specific".
func (e *emitter) rrFlags(k int, v uint64, first, last int) {
	f := &icmpv6Fields
	e.Uint(&f[k], v)
	if !e.Tree() {
		return
	}
	b := append(append(e.Text(), f[k].Label...), ": 0x"...)
	b = appendHexN(b, v, int(f[k].Width)/4)
	for j := first; j <= last; j++ {
		if v&f[j].Mask != 0 {
			b = append(append(b, ", "...), f[j].Label...)
		}
	}
	e.SetRepr(b)
}

// rrLifetime emits lifetime t as field k: the number, or "Infinity
// (4294967295)" for all ones.
func (e *emitter) rrLifetime(k int, t uint32) {
	f := &icmpv6Fields
	e.Uint(&f[k], uint64(t))
	if e.Tree() && t == 0xffffffff {
		e.SetRepr(append(append(e.Text(), f[k].Label...), ": Infinity (4294967295)"...))
	}
}

// appendICMPv6RRLine appends tcpdump's words for router renumbering message
// m after "ICMP6, router renumbering": the code, the sequence number, at
// -v the flags, segment and delay, and a command's match and use parts
// (each on a line of its own at -vv).
func appendICMPv6RRLine(b []byte, m ICMPv6, v int) []byte {
	if len(m) < icmpv6RRHeaderLen {
		return append(b, " [|icmp6]"...)
	}
	switch m.Code() {
	case 0:
		b = append(b, ", command"...)
	case 1:
		b = append(b, ", result"...)
	case 255:
		b = append(b, ", sequence number reset"...)
	default:
		b = append(b, ", code-#"...)
		b = strconv.AppendUint(b, uint64(m.Code()), 10)
	}
	b = append(b, ", seq="...)
	b = strconv.AppendUint(b, uint64(be32(m[4:])), 10)
	if v > 0 {
		b = append(b, '[')
		if fl := m[9]; fl != 0 {
			for k, c := range "TRASP" {
				if fl&(0x80>>k) != 0 {
					b = append(b, byte(c))
				}
			}
			b = append(b, ',')
		}
		b = append(b, "seg="...)
		b = strconv.AppendUint(b, uint64(m[8]), 10)
		b = append(b, ",maxdelay="...)
		b = strconv.AppendUint(b, uint64(be16(m[10:])), 10)
		if r := be32(m[12:]); r != 0 {
			b = append(b, "rsvd=0x"...)
			b = strconv.AppendUint(b, uint64(r), 16)
		}
		b = append(b, ']')
	}
	if m.Code() != 0 {
		return b
	}
	sep := " "
	if v > 1 {
		sep = "\n\t"
	}
	off := icmpv6RRHeaderLen
	if off+icmpv6RRMatchSize > len(m) {
		return append(b, " [|icmp6]"...)
	}
	mp := m[off : off+icmpv6RRMatchSize]
	off += icmpv6RRMatchSize
	b = append(append(b, sep...), "match("...)
	switch mp[0] {
	case 1:
		b = append(b, "add"...)
	case 2:
		b = append(b, "change"...)
	case 3:
		b = append(b, "setglobal"...)
	default:
		b = append(b, '#')
		b = strconv.AppendUint(b, uint64(mp[0]), 10)
	}
	if v > 0 {
		b = append(b, ",ord="...)
		b = strconv.AppendUint(b, uint64(mp[2]), 10)
		b = append(b, ",min="...)
		b = strconv.AppendUint(b, uint64(mp[4]), 10)
		b = append(b, ",max="...)
		b = strconv.AppendUint(b, uint64(mp[5]), 10)
	}
	b = append(b, ',')
	b = addr16(mp[8:24]).AppendTo(b)
	b = append(b, '/')
	b = strconv.AppendUint(b, uint64(mp[3]), 10)
	b = append(b, ')')
	n := int(mp[1]) - 3
	if n < 0 || n%4 != 0 {
		return append(b, " [|icmp6]"...)
	}
	for n /= 4; n > 0; n-- {
		if off+icmpv6RRUseSize > len(m) {
			return append(b, " [|icmp6]"...)
		}
		up := m[off : off+icmpv6RRUseSize]
		off += icmpv6RRUseSize
		b = append(append(b, sep...), "use("...)
		if fl := up[12]; fl != 0 {
			if fl&0x80 != 0 {
				b = append(b, 'V')
			}
			if fl&0x40 != 0 {
				b = append(b, 'P')
			}
			b = append(b, ',')
		}
		if v > 0 {
			b = append(b, "mask=0x"...)
			b = strconv.AppendUint(b, uint64(up[2]), 16)
			b = append(b, ",raflags=0x"...)
			b = strconv.AppendUint(b, uint64(up[3]), 16)
			b = appendRRLifetime(append(b, ",vltime="...), be32(up[4:]))
			b = appendRRLifetime(append(b, ",pltime="...), be32(up[8:]))
			b = append(b, ',')
		}
		b = addr16(up[16:32]).AppendTo(b)
		b = append(b, '/')
		b = strconv.AppendUint(b, uint64(up[0]), 10)
		b = append(b, '/')
		b = strconv.AppendUint(b, uint64(up[1]), 10)
		b = append(b, ')')
	}
	return b
}

// appendRRLifetime appends a use-prefix lifetime as tcpdump does: "infty"
// for all ones.
func appendRRLifetime(b []byte, t uint32) []byte {
	if t == 0xffffffff {
		return append(b, "infty"...)
	}
	return strconv.AppendUint(b, uint64(t), 10)
}
