package decode

import "github.com/rawcap/rawcap/linktype"

// PPP is a PPP header as PPTP's enhanced GRE carries it (RFC 1661, RFC
// 2637): the optional HDLC address and control bytes (0xff 0x03), then the
// protocol field, one byte when compressed (odd first byte) or two.
type PPP []byte

// linkPPPHDLC is LINKTYPE_PPP_HDLC (PPP in HDLC-like framing), which
// Wireshark reads as LINKTYPE_PPP.
const linkPPPHDLC = linktype.Type(50)

// PPP protocol numbers rawcap names.
const (
	PPPIP      = 0x0021
	PPPIPv6    = 0x0057
	PPPIPCP    = 0x8021
	PPPOSINLCP = 0x8023
	PPPIPv6CP  = 0x8057
	PPPMPLSCP  = 0x8281
	// MPLS in PPP (RFC 3032).
	PPPMPLSUnicast   = 0x0281
	PPPMPLSMulticast = 0x0283
	PPPCCP           = 0x80fd
	PPPLCP           = 0xc021
	PPPBACP          = 0xc02b
	PPPPAP           = 0xc023
	PPPCHAP          = 0xc223
)

// ParsePPP returns the PPP header at the start of b.
func ParsePPP(b []byte) (PPP, error) {
	n := 0
	if len(b) >= 2 && b[0] == 0xff && b[1] == 0x03 {
		n = 2
	}
	switch {
	case len(b) < n+2:
		// tcpdump wants two bytes for the protocol even when it is
		// compressed to one.
		return nil, ReasonTruncated
	case b[n]&1 != 0:
		n++
	default:
		n += 2
	}
	return PPP(b[:n:n]), nil
}

// protoOff returns the offset of the protocol field.
func (p PPP) protoOff() int {
	if len(p) >= 3 && p[0] == 0xff && p[1] == 0x03 {
		return 2
	}
	return 0
}

// HasAddress reports whether the header starts with the HDLC address and
// control bytes.
func (p PPP) HasAddress() bool { return p.protoOff() == 2 }

// Protocol returns the protocol field.
func (p PPP) Protocol() uint16 {
	off := p.protoOff()
	if len(p)-off == 1 {
		return uint16(p[off])
	}
	return be16(p[off:])
}

// pppHeaderLen returns the length of the PPP header at the start of b as
// Wireshark reads it: after a link or GRE (HDLC-like framing, hdlc set) an
// address and a control byte when the first byte is 0xff, whatever the
// control byte; after PPPoE none. Then the protocol field, one byte when
// odd. ok is false when b ends first.
func pppHeaderLen(b []byte, hdlc bool) (n int, ok bool) {
	if hdlc && len(b) > 0 && b[0] == 0xff {
		n = 2
	}
	switch {
	case len(b) < n+1:
		return len(b), false
	case b[n]&1 != 0:
		return n + 1, true
	case len(b) < n+2:
		return len(b), false
	}
	return n + 2, true
}

// pppHDLC reports whether the PPP layer i comes in HDLC-like framing (a
// link type or GRE), where an address and control field may lead.
func (d *Decoder) pppHDLC(i int) bool {
	return i == 0 || d.layers[i-1].Type != LayerPPPoES
}

func (d *Decoder) decodePPP(l *Layer) LayerType {
	b := d.bytes(l)
	hdlc := d.n == 0 || d.layers[d.n-1].Type != LayerPPPoES
	n, ok := pppHeaderLen(b, hdlc)
	if !ok {
		l.Malformed = ReasonTruncated
		return LayerNone
	}
	l.Payload = l.Start + n
	if l.Payload == l.End {
		return LayerNone
	}
	switch pppProtocolAt(b[:n], hdlc) {
	case PPPIP, EtherTypeIPv4:
		return LayerIPv4
	case PPPIPv6, EtherTypeIPv6:
		return LayerIPv6
	case PPPMPLSUnicast, PPPMPLSMulticast:
		return LayerMPLS
	}
	return pppCPLayer(pppProtocolAt(b[:n], hdlc))
}

// pppProtocolAt returns the protocol field of h, a whole PPP header as
// pppHeaderLen measures it.
func pppProtocolAt(h []byte, hdlc bool) uint16 {
	off := 0
	if hdlc && len(h) > 0 && h[0] == 0xff {
		off = 2
	}
	if len(h)-off == 1 {
		return uint16(h[off])
	}
	return be16(h[off:])
}
