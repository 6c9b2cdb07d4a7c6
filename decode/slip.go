package decode

import (
	"strconv"

	"github.com/rawcap/rawcap/linktype"
)

// SLIP captures (link type 8) begin each packet with a 16-byte pseudo
// header: the direction (0 in, 1 out) and the 15 bytes of the compressed
// TCP/IP header (RFC 1144) the packet arrived with, its first byte's high
// bits telling the type (0x40 IP, 0x70 uncompressed TCP, 0x80 compressed
// TCP). The IP packet follows.
//
// tshark 4.0 cannot read this link type from a pcap file (it shows an
// unknown encapsulation), so only the one-liner decodes it, as tcpdump
// 4.99 does: the IP packet after the header, and with -e the direction
// and what the compressed header says. The line printer decodes the IP
// packet with a decoder of its own; SLIP is no layer.
const (
	linkSLIP     = linktype.Type(8)
	slipHdrLen   = 16
	slipTypeIP   = 0x40
	slipTypeUTCP = 0x70
	slipTypeCTCP = 0x80
)

// The change mask bits of a compressed TCP header (RFC 1144).
const (
	slipNewC = 0x40
	slipNewI = 0x20
	slipNewS = 0x08
	slipNewA = 0x04
	slipNewW = 0x02
	slipNewU = 0x01
	// Special cases of the S, A, W and U bits.
	slipSpecialI = slipNewS | slipNewW | slipNewU
	slipSpecialD = slipNewS | slipNewA | slipNewW | slipNewU
	slipSpecials = 0x0f
)

// slipState is what tcpdump remembers between SLIP packets: the last
// connection number and each direction's last data length per connection.
type slipState struct {
	lastConn byte
	lastLen  [2][256]uint32
}

// appendSLIP appends tcpdump's text for a SLIP packet: with -e the
// direction and the header, then the IP packet ("ip vN" for another
// version).
func (p *LinePrinter) appendSLIP(b []byte, d *Decoder, f *Frame) []byte {
	c := d.data
	length := f.Length - slipHdrLen
	if len(c) < slipHdrLen || f.Length < slipHdrLen {
		return p.cut(b, " [|slip]") // its -x dump is the whole packet
	}
	if p.slip == nil {
		p.slip = &slipState{lastConn: 255} // once per printer
	}
	ip := c[slipHdrLen:]
	if p.Options.Link {
		var ok bool
		if b, ok = p.slipLink(b, c, ip, length); !ok {
			return p.cut(b, " [|slip]")
		}
	}
	if len(ip) < 1 || length < 1 {
		return append(b, " [|slip]"...)
	}
	var lt linktype.Type
	switch ip[0] >> 4 {
	case 4:
		lt = linktype.IPv4
	case 6:
		lt = linktype.IPv6
	default:
		b = append(b, "ip v"...)
		return appendUint(b, uint64(ip[0]>>4))
	}
	in := p.decodeInner(d, ip, lt)
	if in == nil || in.n == 0 {
		return b
	}
	wire := p.wire
	p.wire = length
	b = p.lineLayer(b, in, 0)
	p.wire = wire
	return b
}

// slipLink appends what tcpdump's -e prints of the pseudo header; ok is
// false where tcpdump reads past the captured bytes and gives up on the
// packet.
func (p *LinePrinter) slipLink(b, c, ip []byte, length int) (_ []byte, ok bool) {
	dir := int(c[0])
	switch dir {
	case 0:
		b = append(b, "I "...)
	case 1:
		b = append(b, "O "...)
	default:
		b = append(b, "Invalid direction "...)
		b = appendUint(b, uint64(dir))
		b = append(b, ' ')
		dir = -1
	}
	chdr := c[1:slipHdrLen]
	st := p.slip
	switch chdr[0] & 0xf0 {
	case slipTypeIP:
		b = append(b, "ip "...)
		b = appendUint(b, uint64(length+slipHdrLen))
		b = append(b, ": "...)
		return b, true
	case slipTypeUTCP:
		// The connection number is in the IP protocol field.
		st.lastConn = chdr[9]
		b = append(b, "utcp "...)
		b = appendUint(b, uint64(st.lastConn))
		b = append(b, ": "...)
		if dir == -1 {
			return b, true
		}
		hlen, ok := slipHdrWords(ip)
		if !ok {
			return b, false
		}
		st.lastLen[dir][st.lastConn] = uint32(length - hlen*4)
		return b, true
	}
	if dir == -1 {
		return b, true
	}
	if chdr[0]&slipTypeCTCP == 0 {
		b = append(b, "slip-"...)
		b = appendUint(b, uint64(chdr[0]))
		b = append(b, "!: "...)
		return b, true
	}
	// A compressed TCP header: the changes it carries, then the data
	// length and the compressed header's length.
	flags := chdr[0]
	cp := 1
	if flags&slipNewC != 0 {
		st.lastConn = chdr[cp]
		cp++
		b = append(b, "ctcp "...)
		b = appendUint(b, uint64(st.lastConn))
	} else {
		b = append(b, "ctcp *"...)
	}
	cp += 2 // the TCP checksum
	// tcpdump 4.99 reads every change at the same place, the byte after
	// the checksum (or, when it is 0, the two bytes after that), and does
	// not count the changes in the compressed header's length.
	change := func(label string, signed bool) bool {
		if cp >= len(chdr) {
			return false
		}
		v := int(chdr[cp])
		if v == 0 {
			if cp+3 > len(chdr) {
				return false
			}
			v = int(be16(chdr[cp+1:]))
			if signed {
				v = int(int16(v))
			}
		}
		b = append(b, ' ')
		b = append(b, label...)
		if signed && v >= 0 {
			b = append(b, '+')
		}
		b = strconv.AppendInt(b, int64(v), 10)
		return true
	}
	switch flags & slipSpecials {
	case slipSpecialI:
		b = append(b, " *SA+"...)
		b = appendUint(b, uint64(st.lastLen[dir][st.lastConn]))
	case slipSpecialD:
		b = append(b, " *S+"...)
		b = appendUint(b, uint64(st.lastLen[dir][st.lastConn]))
	default:
		if flags&slipNewU != 0 && !change("U=", false) {
			return b, false
		}
		if flags&slipNewW != 0 && !change("W", true) {
			return b, false
		}
		if flags&slipNewA != 0 && !change("A+", false) {
			return b, false
		}
		if flags&slipNewS != 0 && !change("S+", false) {
			return b, false
		}
	}
	if flags&slipNewI != 0 && !change("I+", false) {
		return b, false
	}
	hlen, ok := slipHdrWords(ip)
	if !ok {
		return b, false
	}
	st.lastLen[dir][st.lastConn] = uint32(length - hlen*4)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(int32(st.lastLen[dir][st.lastConn])), 10)
	b = append(b, " ("...)
	b = appendUint(b, uint64(cp))
	b = append(b, "): "...)
	return b, true
}

// slipHdrWords returns the length in 32-bit words of the IP and TCP
// headers at the start of ip, as tcpdump reads them (the IP header length,
// then the TCP data offset after it); ok is false when those bytes were
// not captured.
func slipHdrWords(ip []byte) (int, bool) {
	if len(ip) < 1 {
		return 0, false
	}
	hl := int(ip[0] & 0x0f)
	if hl*4+12 >= len(ip) {
		return 0, false
	}
	return hl + int(ip[hl*4+12]>>4), true
}
