package decode

// PPP is a PPP header as PPTP's enhanced GRE carries it (RFC 1661, RFC
// 2637): the optional HDLC address and control bytes (0xff 0x03), then the
// protocol field, one byte when compressed (odd first byte) or two.
type PPP []byte

// PPP protocol numbers rawcap names.
const (
	PPPIP      = 0x0021
	PPPIPv6    = 0x0057
	PPPIPCP    = 0x8021
	PPPOSINLCP = 0x8023
	PPPIPv6CP  = 0x8057
	PPPMPLSCP  = 0x8281
	PPPCCP     = 0x80fd
	PPPLCP     = 0xc021
	PPPBACP    = 0xc02b
	PPPPAP     = 0xc023
	PPPCHAP    = 0xc223
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

func (d *Decoder) decodePPP(l *Layer) LayerType {
	p, err := ParsePPP(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + len(p)
	if l.Payload == l.End {
		return LayerNone
	}
	switch p.Protocol() {
	case PPPIP, EtherTypeIPv4:
		return LayerIPv4
	case PPPIPv6, EtherTypeIPv6:
		return LayerIPv6
	}
	return LayerNone
}
