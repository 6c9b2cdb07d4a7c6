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

// emitVXLAN emits the header's fields, in the order and nesting of
// tshark's tree, which is drawn from them (treefields.go): the first 16
// bits as vxlan.flags with each flag beneath, then the group policy, the
// VNI and the reserved byte.
func emitVXLAN(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoVXLAN)
	if l.Malformed == "" {
		v := VXLAN(d.data[l.Start:l.Payload])
		f := &vxlanFields
		flags := be16(v)
		e.Uint(&f[vxlanFlags], uint64(flags))
		if e.Tree() {
			b := append(e.Text(), "Flags: 0x"...)
			b = appendHex4(b, flags)
			e.SetRepr(appendSetFlags(b, uint64(flags), &f[vxlanFlagG], &f[vxlanFlagI], &f[vxlanFlagD], &f[vxlanFlagA]))
		}
		e.Sub()
		for _, k := range [...]int{vxlanFlagG, vxlanFlagI, vxlanFlagD, vxlanFlagA} {
			e.Bool(&f[k], flags&uint16(f[k].Mask) != 0)
		}
		e.Uint(&f[vxlanFlagsReserved], uint64(flags&0x77b7))
		e.Up()
		e.Uint(&f[vxlanGbp], uint64(v.GroupPolicyID()))
		e.Uint(&f[vxlanVNI], uint64(v.VNI()))
		e.Uint(&f[vxlanReserved], uint64(v[7]))
	}
	e.End()
}

const (
	vxlanFlags = iota
	vxlanFlagG
	vxlanFlagI
	vxlanFlagD
	vxlanFlagA
	vxlanFlagsReserved
	vxlanGbp
	vxlanVNI
	vxlanReserved
	vxlanFieldCount
)

var vxlanFields = [vxlanFieldCount]Field{
	vxlanFlags:         {Name: "vxlan.flags", Label: "Flags", Kind: KindUint, Width: 16, Base: BaseHex},
	vxlanFlagG:         {Name: "vxlan.flag_g", Label: "GBP Extension", Kind: KindBool, Width: 16, Mask: 0x8000},
	vxlanFlagI:         {Name: "vxlan.flag_i", Label: "VXLAN Network ID (VNI)", Kind: KindBool, Width: 16, Mask: 0x800},
	vxlanFlagD:         {Name: "vxlan.flag_d", Label: "Don't Learn", Kind: KindBool, Width: 16, Mask: 0x40},
	vxlanFlagA:         {Name: "vxlan.flag_a", Label: "Policy Applied", Kind: KindBool, Width: 16, Mask: 0x8},
	vxlanFlagsReserved: {Name: "vxlan.flags_reserved", Label: "Reserved(R)", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x77b7},
	vxlanGbp:           {Name: "vxlan.gbp", Label: "Group Policy ID", Kind: KindUint, Width: 16},
	vxlanVNI:           {Name: "vxlan.vni", Label: "VXLAN Network Identifier (VNI)", Kind: KindUint, Width: 24},
	vxlanReserved:      {Name: "vxlan.reserved8", Label: "Reserved", Kind: KindUint, Width: 8},
}

var protoVXLAN = protoField("vxlan", "Virtual eXtensible Local Area Network")
