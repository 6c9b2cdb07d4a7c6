package decode

import "net/netip"

// Node information queries (RFC 4620), ICMPv6 type 139. After the type,
// code (what the subject is) and checksum:
//
//	| qtype (16)          | flags (16)          |
//	| nonce (64) …                              |
//	| subject …                                 |
//
// The flags name the addresses a node address query (qtype 3) asks for;
// tshark draws them alike for every qtype. rawcap lays out an IPv6 or IPv4
// subject, not a name.
const (
	icmpv6NIHeaderLen = 16
	icmpv6NINodeAddrs = 3
)

// emitICMPv6NIQuery emits node information query m's fields after the
// checksum.
func emitICMPv6NIQuery(e *emitter, m ICMPv6) {
	f := &icmpv6Fields
	if len(m) < 8 {
		return
	}
	e.Uint(&f[icmpv6NIQtype], uint64(be16(m[4:])))
	flags := uint64(be16(m[6:]))
	e.Uint(&f[icmpv6NIFlag], flags)
	if e.Tree() {
		b := append(e.Text(), "Flags: 0x"...)
		b = appendHexN(b, flags, 4)
		for k := icmpv6NIFlagG; k <= icmpv6NIFlagT; k++ {
			if flags&f[k].Mask != 0 {
				b = append(append(b, ", "...), f[k].Label...)
			}
		}
		e.SetRepr(b)
	}
	e.Sub()
	for k := icmpv6NIFlagG; k <= icmpv6NIFlagT; k++ {
		e.BoolBits(&f[k], flags)
	}
	e.UintBits(&f[icmpv6NIFlagRsv], flags)
	e.Up()
	if len(m) < icmpv6NIHeaderLen {
		return
	}
	e.Uint(&f[icmpv6NINonce], be64(m[8:]))
	subj := m[icmpv6NIHeaderLen:]
	switch {
	case m.Code() == 0 && len(subj) == 16:
		e.IPv6(&f[icmpv6NISubjectIPv6], subj)
	case m.Code() == 2 && len(subj) == 4:
		e.IPv4(&f[icmpv6NISubjectIPv4], subj)
	}
}

// appendICMPv6NIQueryLine appends tcpdump's words for node information
// query m after "ICMP6, who-are-you request": " node information query
// (node addresses [A], subject=…)".
func appendICMPv6NIQueryLine(b []byte, m ICMPv6, v int) []byte {
	if len(m) == 12 {
		return append(b, " who-are-you request"...) // KAME's who-are-you
	}
	b = append(b, " node information query"...)
	if len(m) < icmpv6NIHeaderLen {
		return append(b, " [|icmp6]"...)
	}
	b = append(b, " ("...)
	qtype := be16(m[4:])
	switch qtype {
	case 0:
		b = append(b, "noop"...)
	case 1:
		b = append(b, "supported qtypes"...)
		if fl := be16(m[6:]); fl != 0 {
			b = append(b, " ["...)
			if fl&1 != 0 {
				b = append(b, 'C')
			}
			b = append(b, ']')
		}
	case 2:
		b = append(b, "DNS name"...)
	case icmpv6NINodeAddrs:
		b = append(b, "node addresses"...)
		if fl := be16(m[6:]); fl != 0 {
			b = append(b, " ["...)
			for _, x := range [...]struct {
				bit uint16
				c   byte
			}{{0x40, 'a'}, {0x20, 'G'}, {0x10, 'S'}, {0x08, 'L'}, {0x04, 'C'}, {0x02, 'A'}} {
				if fl&x.bit != 0 {
					b = append(b, x.c)
				}
			}
			b = append(b, ']')
		}
	default:
		b = append(b, "unknown"...)
	}
	if qtype == 0 || qtype == 1 {
		if len(m) != icmpv6NIHeaderLen && v > 0 {
			b = append(b, ", invalid len"...)
		}
		return append(b, ')')
	}
	if len(m) == icmpv6NIHeaderLen {
		return append(b, ", 03 draft)"...)
	}
	subj := m[icmpv6NIHeaderLen:]
	switch m.Code() {
	case 0:
		if len(subj) != 16 {
			if v > 0 {
				b = append(b, ", invalid subject len"...)
			}
			break
		}
		b = append(b, ", subject="...)
		b = addr16(subj).AppendTo(b)
	case 2:
		if len(subj) != 4 {
			if v > 0 {
				b = append(b, ", invalid subject len"...)
			}
			break
		}
		b = append(b, ", subject="...)
		b = netip.AddrFrom4([4]byte(subj)).AppendTo(b)
	case 1:
		// An FQDN subject: tcpdump's words for it are not written yet
		// (the tcpdump corpus test leaves it out).
		return b
	default:
		b = append(b, ", unknown subject"...)
	}
	return append(b, ')')
}
