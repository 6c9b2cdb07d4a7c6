package decode

import "net/netip"

// DHCPv4 is a BOOTP/DHCP message (RFC 951, RFC 2131): a 236-byte fixed part,
// then (for DHCP) the magic cookie 99.130.83.99 and the options (RFC 2132).
//
//	 0               1               2               3
//	+---------------+---------------+---------------+---------------+
//	|     op (1)    |   htype (1)   |   hlen (1)    |   hops (1)    |
//	|                            xid (4)                            |
//	|           secs (2)            |           flags (2)           |
//	|                          ciaddr (4)                           |
//	|                          yiaddr (4)                           |
//	|                          siaddr (4)                           |
//	|                          giaddr (4)                           |
//	|                          chaddr (16)                          |
//	|                          sname (64)                           |
//	|                          file (128)                           |
//	|                          options (variable)                   |
//	+---------------------------------------------------------------+
type DHCPv4 []byte

const (
	dhcpFixedLen   = 236
	dhcpMagic      = 0x63825363
	DHCPOpRequest  = 1
	DHCPOpReply    = 2
	dhcpOptPad     = 0
	dhcpOptEnd     = 255
	dhcpOptMsgType = 53
)

// ParseDHCPv4 returns the BOOTP message at the start of b. It requires the
// fixed part; the options are walked by Options and stop at the end of b.
func ParseDHCPv4(b []byte) (DHCPv4, error) {
	if len(b) < dhcpFixedLen {
		return nil, ReasonTruncated
	}
	return DHCPv4(b[:len(b):len(b)]), nil
}

// Op returns the message op code (1 request, 2 reply).
func (m DHCPv4) Op() uint8 { return m[0] }

// HType returns the hardware address type (1 for Ethernet).
func (m DHCPv4) HType() uint8 { return m[1] }

// HLen returns the hardware address length.
func (m DHCPv4) HLen() uint8 { return m[2] }

// Hops returns the relay hop count.
func (m DHCPv4) Hops() uint8 { return m[3] }

// XID returns the transaction ID.
func (m DHCPv4) XID() uint32 { return be32(m[4:]) }

// Secs returns the seconds since the client began.
func (m DHCPv4) Secs() uint16 { return be16(m[8:]) }

// Flags returns the flags word (0x8000 broadcast).
func (m DHCPv4) Flags() uint16 { return be16(m[10:]) }

// CIAddr returns the client's address.
func (m DHCPv4) CIAddr() netip.Addr { return netip.AddrFrom4([4]byte(m[12:16])) }

// YIAddr returns "your" (the client's offered) address.
func (m DHCPv4) YIAddr() netip.Addr { return netip.AddrFrom4([4]byte(m[16:20])) }

// SIAddr returns the next server's address.
func (m DHCPv4) SIAddr() netip.Addr { return netip.AddrFrom4([4]byte(m[20:24])) }

// GIAddr returns the relay agent's address.
func (m DHCPv4) GIAddr() netip.Addr { return netip.AddrFrom4([4]byte(m[24:28])) }

// CHAddr returns the 16-byte client hardware address field.
func (m DHCPv4) CHAddr() []byte { return m[28:44] }

// ClientMAC returns the first 6 bytes of chaddr.
func (m DHCPv4) ClientMAC() MAC { return MAC(m[28:34]) }

// SName returns the 64-byte server name field.
func (m DHCPv4) SName() []byte { return m[44:108] }

// File returns the 128-byte boot file field.
func (m DHCPv4) File() []byte { return m[108:236] }

// HasMagic reports whether the vendor area starts with the DHCP magic cookie.
func (m DHCPv4) HasMagic() bool {
	return len(m) >= dhcpFixedLen+4 && be32(m[dhcpFixedLen:]) == dhcpMagic
}

// DHCPOption is one option: its tag and data.
type DHCPOption struct {
	Tag  uint8
	Data []byte
}

// NextOption returns the option at off (start with 240, after the cookie)
// and the offset of the next one; ok is false at the end option, at the end
// of m, or for an option whose length runs past m (bad then set).
func (m DHCPv4) NextOption(off int) (o DHCPOption, next int, ok, bad bool) {
	for off < len(m) && m[off] == dhcpOptPad {
		off++
	}
	if off >= len(m) || m[off] == dhcpOptEnd {
		return DHCPOption{}, off, false, false
	}
	if off+2 > len(m) || off+2+int(m[off+1]) > len(m) {
		return DHCPOption{Tag: m[off]}, off, false, true
	}
	n := int(m[off+1])
	return DHCPOption{Tag: m[off], Data: m[off+2 : off+2+n : off+2+n]}, off + 2 + n, true, false
}

// MessageType returns the DHCP message type (option 53), or 0 if absent.
func (m DHCPv4) MessageType() uint8 {
	if !m.HasMagic() {
		return 0
	}
	for off := dhcpFixedLen + 4; ; {
		o, next, ok, _ := m.NextOption(off)
		if !ok {
			return 0
		}
		if o.Tag == dhcpOptMsgType && len(o.Data) == 1 {
			return o.Data[0]
		}
		off = next
	}
}

func (d *Decoder) decodeDHCPv4(l *Layer) LayerType {
	m, err := ParseDHCPv4(d.bytes(l))
	l.Payload = l.End
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	if m.HasMagic() {
		off := dhcpFixedLen + 4
		for {
			_, next, ok, bad := m.NextOption(off)
			if bad {
				l.Malformed = ReasonBadOption
			}
			if !ok {
				break
			}
			off = next
		}
	}
	return LayerNone
}
