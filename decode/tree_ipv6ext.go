package decode

import (
	"cmp"
	"net/netip"
)

// treeIPProtoName returns Wireshark's name for an IP protocol number, as
// the IPv4 Protocol and IPv6 Next Header lines show it, or "" if unknown.
func treeIPProtoName(p uint8) string {
	switch p {
	case 0:
		return "IPv6 Hop-by-Hop Option"
	case 43:
		return "Routing Header for IPv6"
	case 44:
		return "Fragment Header for IPv6"
	case 59:
		return "No Next Header for IPv6"
	case 60:
		return "Destination Options for IPv6"
	case 33:
		return "Datagram Congestion Control Protocol"
	case 40:
		return "IL"
	case 46:
		return "Reservation Protocol"
	case 47:
		return "Generic Routing Encapsulation"
	case 48:
		return "Dynamic source routing"
	case 50:
		return "Encap Security Payload"
	case 51:
		return "Authentication Header"
	case 54:
		return "NBMA ARP"
	case 89:
		return "OSPF IGP"
	case 106:
		return "QNX"
	case 108:
		return "IPComp"
	case 113:
		return "PGM"
	case 135:
		return "Mobile IPv6"
	}
	return ipProtoName(p)
}

// treeNextHeader appends "label: name (n)" for an IP protocol number.
func treeNextHeader(t *treeWriter, label string, p uint8) {
	t.line()
	t.b = append(t.b, label...)
	t.b = append(t.b, ": "...)
	if p == 62 && label == "Next Header" {
		t.b = append(t.b, "Mobile IPv6 (old)"...) // the IPv6 header's own name for it
	} else if n := treeIPProtoName(p); n != "" {
		t.b = append(t.b, n...)
	} else {
		t.b = append(t.b, "Unknown"...)
	}
	t.b = append(t.b, " ("...)
	t.b = appendUint(t.b, uint64(p))
	t.b = append(t.b, ')')
	t.end()
}

// treeIPv6Ext draws an IPv6 extension header as tshark does, as a subtree
// of the IPv6 tree. Options and routing data it does not know end the
// subtree early rather than print a line tshark would not.
func treeIPv6Ext(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	if l.Payload == l.Start {
		return // cut short: only the malformed line follows
	}
	x := IPv6Ext(d.data[l.Start:l.Payload])
	t.depth = 1
	t.line()
	switch l.Type {
	case LayerIPv6HopByHop:
		t.b = append(t.b, "IPv6 Hop-by-Hop Option"...)
	case LayerIPv6DestOpts:
		t.b = append(t.b, "Destination Options for IPv6"...)
	}
	t.end()
	t.depth = 2
	treeNextHeader(t, "Next Header", x.NextHeader())
	t.int("Length", int(x[1]))
	t.line()
	t.b = append(t.b, "[Length: "...)
	t.b = appendUint(t.b, uint64(x.Len()))
	t.b = append(t.b, " bytes]"...)
	t.end()
	// Hop-by-hop and destination options, as far as tshark's wording is
	// known: PadN, Router Alert (MLD), Jumbo Payload, and the header of any
	// other option; the list ends where that runs out (Pad1 included).
	for o := x[2:]; len(o) >= 2 && o[0] != 0 && 2+int(o[1]) <= len(o); o = o[2+int(o[1]):] {
		typ, n := o[0], int(o[1])
		name := ipv6OptionName(typ)
		t.depth = 2
		t.line()
		if name != "" {
			t.b = append(t.b, name...)
		} else {
			t.b = append(t.b, "Unknown IPv6 Option ("...)
			t.b = appendUint(t.b, uint64(typ))
			t.b = append(t.b, ')')
		}
		t.end()
		t.depth = 3
		t.line()
		t.b = append(t.b, "Type: "...)
		t.b = append(t.b, cmp.Or(name, "Unknown")...)
		t.b = append(t.b, " (0x"...)
		t.b = appendHex2(t.b, typ)
		t.b = append(t.b, ')')
		t.end()
		t.depth = 4
		t.bits(uint64(typ), 8, 0xc0, "Action")
		t.b = append(t.b, ipv6OptionActions[typ>>6]...)
		t.end()
		t.bits(uint64(typ), 8, 0x20, "May Change")
		if typ&0x20 != 0 {
			t.b = append(t.b, "Yes"...)
		} else {
			t.b = append(t.b, "No"...)
		}
		t.end()
		t.bits(uint64(typ), 8, 0x1f, "Low-Order Bits")
		t.b = append(t.b, "0x"...)
		t.b = appendHex2(t.b, typ&0x1f)
		t.end()
		t.depth = 3
		t.int("Length", n)
		switch {
		case typ == 1 && n == 0:
			t.str("PadN", "<none>")
		case typ == 1:
			t.line()
			t.b = append(t.b, "PadN: "...)
			t.b = appendWSBytes(t.b, o[2:2+n])
			t.end()
		case typ == 5 && n == 2 && be16(o[2:]) == 0:
			t.str("Router Alert", "MLD (0)")
		case typ == 0xc2 && n == 4:
			t.int("Payload Length", int(be32(o[2:])))
		default:
			return // a value whose wording is not known here
		}
	}
}

// ipv6OptionName returns tshark's name of a hop-by-hop or destination
// option type, or "" for the ones drawn as unknown here.
func ipv6OptionName(typ uint8) string {
	switch typ {
	case 1:
		return "PadN"
	case 5:
		return "Router Alert"
	case 0xc2:
		return "Jumbo Payload"
	}
	return ""
}

// ipv6OptionActions names the two high bits of an option type (RFC 8200
// section 4.2) as tshark does.
var ipv6OptionActions = [4]string{"Skip and continue (0)", "Discard (1)",
	"Discard and send ICMP Parameter Problem (2)", "Discard and send ICMP if not multicast (3)"}

// treeFinalDst returns the destination an upper layer i checksums against:
// dst, or the last address of a type 0 routing header or the first segment
// of a segment routing header with segments left (RFC 8200 section 8.1).
func treeFinalDst(d *Decoder, i int, dst netip.Addr) netip.Addr {
	for j := i - 1; j >= 0 && d.layers[j].Type != LayerIPv6; j-- {
		l := &d.layers[j]
		if l.Type != LayerIPv6Routing || l.Payload-l.Start < 24 {
			continue
		}
		x := IPv6Ext(d.data[l.Start:l.Payload])
		if x.SegmentsLeft() == 0 {
			continue
		}
		switch x.RoutingType() {
		case 0:
			n := (len(x) - 8) / 16
			dst = addr16(x[8+16*(n-1) : 8+16*n])
		case 4:
			dst = addr16(x[8:24])
		}
	}
	return dst
}

// routingTypeName returns Wireshark's name of the IPv6 routing types this
// tree draws, or "".
func routingTypeName(typ uint8) string {
	switch typ {
	case 0:
		return "Source Route"
	case 4:
		return "Segment Routing"
	}
	return ""
}
