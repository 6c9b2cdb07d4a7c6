package decode

// VXLAN is a VXLAN header (RFC 7348), carried in UDP (port 4789) before an
// Ethernet frame:
//
//	0       1               4               7       8
//	+-------+---------------+---------------+-------+
//	| flags | reserved      | VNI (24 bits) | rsvd  |
//	+-------+---------------+---------------+-------+
//
// Flag 0x08 (I) says the VNI is valid.
type VXLAN []byte

const vxlanLen = 8

// ParseVXLAN returns the VXLAN header at the start of b.
func ParseVXLAN(b []byte) (VXLAN, error) {
	if len(b) < vxlanLen {
		return nil, ReasonTruncated
	}
	return VXLAN(b[:vxlanLen:vxlanLen]), nil
}

// Flags returns the first byte (0x08 when the VNI is valid).
func (v VXLAN) Flags() uint8 { return v[0] }

// GroupPolicyID returns bytes 2-3 (the group policy of the VXLAN-GBP
// extension, zero in plain VXLAN).
func (v VXLAN) GroupPolicyID() uint16 { return be16(v[2:]) }

// VNI returns the 24-bit VXLAN network identifier.
func (v VXLAN) VNI() uint32 { return be32(v[4:]) >> 8 }

func (d *Decoder) decodeVXLAN(l *Layer) LayerType {
	if _, err := ParseVXLAN(d.bytes(l)); err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + vxlanLen
	if l.Payload == l.End {
		return LayerNone
	}
	return LayerEthernet
}
