package decode

// ISL is a Cisco Inter-Switch Link frame: an 802.3 header sent to
// 01:00:0c:00:00:00 (or 0c:00:0c:00:00:00) whose destination's last byte
// holds the encapsulated frame's type and user bits, an LLC-like header,
// the VLAN, and the encapsulated frame:
//
//	| DA (5) | Type/User | SA (6) | Length | aa aa 03 | HSA (3) |
//	| VLAN (15) + BPDU (1) | Index (16) | Reserved (16) | frame … |
//
// tshark's Ethernet dissector hands such a frame to ISL instead of drawing
// its own header, so the ISL layer is the frame's first (frame.protocols
// still names it "eth"). rawcap decodes the Ethernet type (0) in a frame
// captured whole; the others stay 802.3 frames.
type ISL []byte

const islHdrLen = 26

// isISL reports whether Ethernet header e (an 802.3 one) is ISL's:
// tshark's test of the destination's first five bytes.
func isISL(e Ethernet) bool {
	return e.IsLength() && (e[0] == 0x01 || e[0] == 0x0c) && e[1] == 0x00 && e[2] == 0x0c && e[3] == 0x00 && e[4] == 0x00
}

// Type returns the encapsulated frame's type (0 Ethernet).
func (s ISL) Type() uint8 { return s[5] >> 4 }

// decodeISL turns Ethernet layer l, whose header is ISL's and whose type
// is Ethernet, into an ISL layer and returns the encapsulated frame's.
// Its caller has checked that the header is all there.
func (d *Decoder) decodeISL(l *Layer) LayerType {
	l.Type = LayerISL
	l.Payload = l.Start + islHdrLen
	return LayerEthernet
}

// The fields, as Wireshark registers them (those of an Ethernet frame).
const (
	islDst = iota
	islType
	islUserEth
	islAddr
	islSrc
	islLen
	islDSAP
	islSSAP
	islControl
	islHSA
	islVLANID
	islBPDU
	islIndex
	islReserved
	islFieldCount
)

var islFields = [islFieldCount]Field{
	islDst:      {Name: "isl.dst", Label: "Destination", Kind: KindMAC},
	islType:     {Name: "isl.type", Label: "Type", Kind: KindUint, Width: 8, Mask: 0xf0},
	islUserEth:  {Name: "isl.user_eth", Label: "User", Kind: KindUint, Width: 8, Mask: 0x03},
	islAddr:     {Name: "isl.addr", Label: "Source or Destination Address", Kind: KindMAC},
	islSrc:      {Name: "isl.src", Label: "Source", Kind: KindMAC},
	islLen:      {Name: "isl.len", Label: "Length", Kind: KindUint, Width: 16},
	islDSAP:     {Name: "isl.dsap", Label: "DSAP", Kind: KindUint, Width: 8, Base: BaseHex},
	islSSAP:     {Name: "isl.ssap", Label: "SSAP", Kind: KindUint, Width: 8, Base: BaseHex},
	islControl:  {Name: "isl.control", Label: "Control", Kind: KindUint, Width: 8, Base: BaseHex},
	islHSA:      {Name: "isl.hsa", Label: "HSA", Kind: KindUint, Width: 24, Base: BaseHex},
	islVLANID:   {Name: "isl.vlan_id", Label: "VLAN ID", Kind: KindUint, Width: 16, Mask: 0xfffe},
	islBPDU:     {Name: "isl.bpdu", Label: "BPDU/CDP/VTP", Kind: KindBool, Width: 16, Mask: 0x0001},
	islIndex:    {Name: "isl.index", Label: "Index", Kind: KindUint, Width: 16},
	islReserved: {Name: "isl.reserved", Label: "Reserved", Kind: KindUint, Width: 16, Base: BaseHex},
}

var protoISL = titledProtoField("isl", "ISL")

// emitISL emits the header's fields in the order and nesting of tshark's
// tree, which is drawn from them (treefields.go).
func emitISL(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoISL)
	s := ISL(d.data[l.Start:l.Payload])
	if len(s) < islHdrLen {
		e.End()
		e.TreeException("ISL")
		return
	}
	f := &islFields
	dst, src := MAC(s[0:6]), MAC(s[6:12])
	e.MAC(&f[islDst], dst)
	e.Sub()
	e.UintBits(&f[islType], uint64(s[5]))
	e.UintBits(&f[islUserEth], uint64(s[5]))
	e.Up()
	e.Hidden(true)
	e.MAC(&f[islAddr], dst)
	e.Hidden(false)
	e.MAC(&f[islSrc], src)
	e.Hidden(true)
	e.MAC(&f[islAddr], src)
	e.Hidden(false)
	e.Uint(&f[islLen], uint64(be16(s[12:])))
	e.Uint(&f[islDSAP], uint64(s[14]))
	e.Uint(&f[islSSAP], uint64(s[15]))
	e.Uint(&f[islControl], uint64(s[16]))
	e.Uint(&f[islHSA], uint64(s[17])<<16|uint64(s[18])<<8|uint64(s[19]))
	e.UintBits(&f[islVLANID], uint64(be16(s[20:])))
	e.BoolBits(&f[islBPDU], uint64(be16(s[20:])))
	e.Uint(&f[islIndex], uint64(be16(s[22:])))
	e.Uint(&f[islReserved], uint64(be16(s[24:])))
	e.End()
}
