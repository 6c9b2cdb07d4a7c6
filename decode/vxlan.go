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

// emitVXLAN emits vxlan.flags, vxlan.flag_i (the first 16 bits, as tshark shows them),
// vxlan.gbp and vxlan.vni.
func emitVXLAN(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoVXLAN)
	if l.Malformed == "" {
		v := VXLAN(d.data[l.Start:l.Payload])
		e.Uint(&vxlanFields[vxlanFlags], uint64(be16(v)))
		e.Bool(&vxlanFields[vxlanFlagI], v.Flags()&0x08 != 0)
		e.Uint(&vxlanFields[vxlanGbp], uint64(v.GroupPolicyID()))
		e.Uint(&vxlanFields[vxlanVNI], uint64(v.VNI()))
	}
	e.End()
}

const (
	vxlanFlags = iota
	vxlanFlagI
	vxlanGbp
	vxlanVNI
	vxlanFieldCount
)

var vxlanFields = [vxlanFieldCount]Field{
	vxlanFlags: {Name: "vxlan.flags", Label: "Flags", Kind: KindUint, Width: 16, Base: BaseHex},
	vxlanFlagI: {Name: "vxlan.flag_i", Label: "VXLAN Network ID (VNI)", Kind: KindBool, Width: 16, Mask: 0x800},
	vxlanGbp:   {Name: "vxlan.gbp", Label: "Group Policy ID", Kind: KindUint, Width: 16},
	vxlanVNI:   {Name: "vxlan.vni", Label: "VXLAN Network Identifier (VNI)", Kind: KindUint, Width: 24},
}

var protoVXLAN = protoField("vxlan", "Virtual eXtensible Local Area Network")
