package decode

import "strconv"

// icmpTypeNames are Wireshark's names for ICMP types.
var icmpTypeNames = [...]string{
	0: "Echo (ping) reply", 3: "Destination unreachable", 4: "Source quench (flow control)",
	5: "Redirect", 8: "Echo (ping) request", 9: "Router advertisement", 10: "Router solicitation",
	11: "Time-to-live exceeded", 12: "Parameter problem", 13: "Timestamp request",
	14: "Timestamp reply", 15: "Information request", 16: "Information reply",
	17: "Address mask request", 18: "Address mask reply", 40: "Photuris",
	41: "Experimental mobility protocols", 42: "Extended Echo request", 43: "Extended Echo reply",
}

var icmpExtEchoNames = [...]string{"No error", "Malformed Query", "No such interface",
	"No such table entry", "Multiple interfaces satisfy query"}

var icmpUnreachNames = [...]string{
	"Network unreachable", "Host unreachable", "Protocol unreachable", "Port unreachable",
	"Fragmentation needed", "Source route failed", "Destination network unknown",
	"Destination host unknown", "Source host isolated", "Network administratively prohibited",
	"Host administratively prohibited", "Network unreachable for TOS", "Host unreachable for TOS",
	"Communication administratively filtered", "Host precedence violation", "Precedence cutoff in effect",
}

var icmpRedirectNames = [...]string{
	"Redirect for network", "Redirect for host", "Redirect for TOS and network", "Redirect for TOS and host",
}

var icmpTimeExceededNames = [...]string{"Time to live exceeded in transit", "Fragment reassembly time exceeded"}

var icmpParamProblemNames = [...]string{"Pointer indicates the error", "Required option missing", "Bad length"}

// icmpCodeName returns Wireshark's name for an ICMP type's code, or "".
func icmpCodeName(typ, code uint8) string {
	var names []string
	switch typ {
	case ICMPUnreachable:
		names = icmpUnreachNames[:]
	case ICMPRedirect:
		names = icmpRedirectNames[:]
	case ICMPTimeExceeded:
		names = icmpTimeExceededNames[:]
	case ICMPParamProblem:
		names = icmpParamProblemNames[:]
	case 42, 43:
		names = icmpExtEchoNames[:]
	}
	if int(code) < len(names) {
		return names[code]
	}
	return ""
}

// icmpHasCodes reports whether Wireshark names the codes of ICMP type
// typ (icmpCodeName), and so says so of one it has no name for.
func icmpHasCodes(typ uint8) bool {
	switch typ {
	case ICMPUnreachable, ICMPRedirect, ICMPTimeExceeded, ICMPParamProblem, 42, 43:
		return true
	}
	return false
}

// appendPadded appends s left-aligned to width, as C's "%-20s".
func appendPadded(b []byte, s string, width int) []byte {
	n := len(b)
	b = append(b, s...)
	return padRight(b, n, width)
}

func (p *ColumnsPrinter) infoICMP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	m := ICMPv4(d.data[l.Start:l.End])
	if len(m) < 4 {
		return b
	}
	name := "Unknown ICMP (obsolete or malformed?)"
	if int(m.Type()) < len(icmpTypeNames) && icmpTypeNames[m.Type()] != "" {
		name = icmpTypeNames[m.Type()]
	}
	b = appendPadded(b, name, 20)
	if c := icmpCodeName(m.Type(), m.Code()); c != "" {
		b = append(b, " ("...)
		b = append(b, c...)
		b = append(b, ')')
	} else if icmpHasCodes(m.Type()) {
		b = append(b, " (Unknown code: "...)
		b = appendUint(b, uint64(m.Code()))
		b = append(b, ')')
	}
	switch m.Type() {
	case ICMPEcho, ICMPEchoReply:
		if len(m) < 8 {
			return b
		}
		b = append(b, " id=0x"...)
		b = appendHex4(b, m.ID())
		b = append(b, ", seq="...)
		b = strconv.AppendUint(b, uint64(m.Seq()), 10)
		b = append(b, '/')
		b = strconv.AppendUint(b, uint64(m.Seq()>>8|m.Seq()<<8), 10)
		if ttl, ok := ipHopLimit(d, i); ok {
			b = append(b, ", ttl="...)
			b = strconv.AppendUint(b, uint64(ttl), 10)
		}
		b = p.appendRequestIn(b, i)
	case ICMPUnreachable, ICMPSourceQuench, ICMPRedirect, ICMPTimeExceeded, ICMPParamProblem:
		if icmpExtException(d, i) {
			b = p.appendException(b)
		}
	}
	return b
}

// ipHopLimit returns the TTL or hop limit of the IP header before layer i.
func ipHopLimit(d *Decoder, i int) (uint8, bool) {
	for j := i - 1; j >= 0; j-- {
		l := &d.layers[j]
		switch l.Type {
		case LayerIPv4:
			return IPv4(d.data[l.Start:l.Payload]).TTL(), true
		case LayerIPv6:
			return IPv6(d.data[l.Start:l.Payload]).HopLimit(), true
		case LayerAH:
			return 0, false // tshark shows the TTL only of ICMP right in IP
		}
	}
	return 0, false
}

func (p *ColumnsPrinter) infoICMPv6(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	m := ICMPv6(d.data[l.Start:l.End])
	if len(m) < 4 {
		return b
	}
	if name := icmpv6TypeName(m.Type()); name != "" {
		b = append(b, name...)
	} else {
		b = append(b, "Unknown ("...)
		b = strconv.AppendUint(b, uint64(m.Type()), 10)
		b = append(b, ')')
	}
	n := len(b)
	b = append(b, " ("...)
	if c, ok := appendICMPv6Code(b, m.Type(), m.Code()); ok {
		b = append(c, ')')
	} else {
		b = b[:n]
	}
	switch m.Type() {
	case ICMPv6Unreachable, ICMPv6TimeExceeded:
		if icmpExtException(d, i) {
			b = p.appendException(b)
		}
	case ICMPv6EchoRequest, ICMPv6EchoReply:
		if len(m) < 8 {
			return b
		}
		id, seq := be16(m[4:]), be16(m[6:])
		b = append(b, " id=0x"...)
		b = appendHex4(b, id)
		b = append(b, ", seq="...)
		b = strconv.AppendUint(b, uint64(seq), 10)
		if hl, ok := ipHopLimit(d, i); ok {
			b = append(b, ", hop limit="...)
			b = strconv.AppendUint(b, uint64(hl), 10)
		}
		b = p.appendRequestIn(b, i)
	case ICMPv6NeighborSolicit:
		if len(m) < 24 {
			return b
		}
		b = append(b, " for "...)
		b = addr16(m[8:24]).AppendTo(b)
		if a := ndLinkAddr(m, 24, 1); a != nil {
			b = append(b, " from "...)
			b = colLinkAddr(b, a)
		}
	case ICMPv6NeighborAdvert:
		if len(m) < 24 {
			return b
		}
		b = append(b, ' ')
		b = addr16(m[8:24]).AppendTo(b)
		b = appendNAFlags(b, m[4])
		if a := ndLinkAddr(m, 24, 2); a != nil {
			b = append(b, " is at "...)
			b = colLinkAddr(b, a)
		}
	case ICMPv6RouterSolicit, ICMPv6RouterAdvert:
		if a := ndLinkAddr(m, m.HeaderLen(), 1); a != nil {
			b = append(b, " from "...)
			b = colLinkAddr(b, a)
		}
	}
	return b
}

// appendNAFlags appends a Neighbor Advertisement's flags as " (rtr, sol, ovr)".
func appendNAFlags(b []byte, f uint8) []byte {
	if f&0xe0 == 0 {
		return b
	}
	b = append(b, " ("...)
	sep := false
	for _, x := range [...]struct {
		bit  uint8
		name string
	}{{0x80, "rtr"}, {0x40, "sol"}, {0x20, "ovr"}} {
		if f&x.bit != 0 {
			if sep {
				b = append(b, ", "...)
			}
			b = append(b, x.name...)
			sep = true
		}
	}
	return append(b, ')')
}

// ndLinkAddr returns the link-layer address of the first ND option of type
// typ (1 source, 2 target) from offset off, or nil.
func ndLinkAddr(m ICMPv6, off, typ int) []byte {
	for off < len(m) {
		o, next, ok, bad := m.NextNDOption(off)
		if !ok || bad {
			return nil
		}
		if int(o.Type) == typ {
			return o.Data
		}
		off = next
	}
	return nil
}

// appendRequestIn appends " (request in N)" to an echo reply at layer i
// that the connection tracker paired with its request.
func (p *ColumnsPrinter) appendRequestIn(b []byte, i int) []byte {
	if q := p.conv.link(i); q != nil && q.request != 0 {
		b = append(b, " (request in "...)
		b = strconv.AppendInt(b, int64(q.request), 10)
		b = append(b, ')')
	}
	return b
}
