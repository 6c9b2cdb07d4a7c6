package decode

import "github.com/rawcap/rawcap/linktype"

// Broadcom's lawful-intercept shim (BCM-LI): a switch copies intercepted
// frames to a collector over UDP, each behind a 4-byte header. tshark
// leaves the datagram as data; tcpdump 4.99 prints the header of one sent
// from port 49152 and, with -v, the frame inside. rawcap prints its line.

const (
	bcmliPort   = 49152
	bcmliHdrLen = 4
)

var (
	bcmliDirections = [8]string{1: "unused", 2: "egress", 3: "ingress"}
	bcmliTypes      = [16]string{4: "undecided", 5: "ipv4", 6: "ipv6", 7: "ethernet"}
	bcmliSubtypes   = [8]string{1: "single VLAN tag", 2: "double VLAN tag", 3: "untagged"}
)

// bcmliName returns names[v], or "unknown".
func bcmliName(names []string, v uint32) string {
	if int(v) < len(names) && names[v] != "" {
		return names[v]
	}
	return "unknown"
}

// lineBCMLI appends tcpdump's "BCM-LI-SHIM: direction ingress, pkt-type
// ethernet, pkt-subtype double VLAN tag, li-id 66666" for the UDP layer u
// of UDP length length: the header's direction (3 bits), packet type (4),
// subtype (3) and intercept ID (22), and with -v the frame it carries.
func (p *LinePrinter) lineBCMLI(b []byte, d *Decoder, u int, length int) []byte {
	l := &d.layers[u]
	c := d.data[l.Payload:l.End:l.End]
	if length < bcmliHdrLen {
		b = append(b, " (length "...)
		b = appendUint(b, uint64(max(length, 0)))
		return append(b, " < 4) (invalid)"...)
	}
	if len(c) < bcmliHdrLen {
		return append(b, " [|bcm_li]"...)
	}
	v := p.Options.Verbose > 0
	if v {
		b = append(b, "\n    "...)
	}
	h := be32(c)
	typ := h >> 25 & 15
	b = append(b, "BCM-LI-SHIM: direction "...)
	b = append(b, bcmliName(bcmliDirections[:], h>>29)...)
	b = append(b, ", pkt-type "...)
	b = append(b, bcmliName(bcmliTypes[:], typ)...)
	b = append(b, ", pkt-subtype "...)
	b = append(b, bcmliName(bcmliSubtypes[:], h>>22&7)...)
	b = append(b, ", li-id "...)
	b = appendUint(b, uint64(h&0x3fffff))
	if !v {
		return b
	}
	b = append(b, "\n    "...)
	in := c[bcmliHdrLen:]
	lt := linktype.Ethernet
	switch typ {
	case 4: // undecided: tcpdump goes by the IP version
		if len(in) == 0 {
			return append(b, " [|bcm_li]"...)
		}
		switch in[0] >> 4 {
		case 4:
			lt = linktype.IPv4
		case 6:
			lt = linktype.IPv6
		default:
			return append(b, "unknown payload"...)
		}
	case 5:
		lt = linktype.IPv4
	case 6:
		lt = linktype.IPv6
	case 7:
	default:
		return append(b, " (invalid)"...)
	}
	inner := p.decodeInner(d, in, lt)
	if inner == nil {
		return b // a shim inside a shim
	}
	wire := p.wire
	p.wire = length - bcmliHdrLen
	b = p.lineInner(b, inner, 0)
	p.wire = wire
	return b
}
