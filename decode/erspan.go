package decode

// ERSPAN is the header Cisco's Encapsulated Remote SPAN puts between GRE
// and the mirrored frame (draft-foschiano-erspan-03). GRE's protocol type
// 0x88be carries type I (no header: the GRE header has no sequence
// number) or type II; 0x22eb carries type III.
//
// Type II (version 1), 8 bytes:
//
//	| ver (4) | VLAN (12) | COS (3) | En (2) | T (1) | session ID (10) |
//	| reserved (12) | index (20) |
//
// Type III (version 2), 12 bytes, then 8 more when O is set:
//
//	| ver (4) | VLAN (12) | COS (3) | BSO (2) | T (1) | session ID (10) |
//	| timestamp (32) |
//	| SGT (16) | P (1) | FT (5) | HW ID (6) | D (1) | Gra (2) | O (1) |
//	[ platform ID (6) | platform specific (58) ]
type ERSPAN []byte

// GRE protocol types of ERSPAN.
const (
	greProtoERSPAN   = 0x88be // type I and II
	greProtoERSPAN3  = 0x22eb // type III
	erspanType2Len   = 8
	erspanType3Len   = 12
	erspanSubHdrLen  = 8
	erspanFTEthernet = 0
)

// ParseERSPAN returns the ERSPAN header (of type II or III, the optional
// sub-header included) at the start of b. A header of another version is
// its first two bytes, as Wireshark reads no further.
func ParseERSPAN(b []byte) (ERSPAN, error) {
	if len(b) < 2 {
		return nil, ReasonTruncated
	}
	n := 2
	switch b[0] >> 4 {
	case 1:
		n = erspanType2Len
	case 2:
		n = erspanType3Len
		if len(b) >= erspanType3Len && b[11]&1 != 0 {
			n += erspanSubHdrLen
		}
	}
	if len(b) < n {
		return nil, ReasonTruncated
	}
	return ERSPAN(b[:n:n]), nil
}

// Version returns the version: 1 for type II, 2 for type III.
func (e ERSPAN) Version() uint8 { return e[0] >> 4 }

// FrameType returns type III's frame type (0: Ethernet), 0 for type II.
func (e ERSPAN) FrameType() uint8 {
	if e.Version() != 2 {
		return erspanFTEthernet
	}
	return e[10] >> 2 & 0x1f
}

// SubHeader returns type III's platform specific sub-header, or nil.
func (e ERSPAN) SubHeader() []byte {
	if e.Version() != 2 || len(e) < erspanType3Len+erspanSubHdrLen {
		return nil
	}
	return e[erspanType3Len:]
}

// erspanTypeI reports whether the ERSPAN layer about to be decoded (after
// the GRE layer d.layers[d.n-1]) is of type I: protocol 0x88be without a
// sequence number, so no header.
func (d *Decoder) erspanTypeI() bool {
	if d.n == 0 || d.layers[d.n-1].Type != LayerGRE {
		return false
	}
	g := &d.layers[d.n-1]
	h := GRE(d.data[g.Start:g.Payload])
	return h.Protocol() == greProtoERSPAN && h.Flags()&GRESeq == 0
}

func (d *Decoder) decodeERSPAN(l *Layer) LayerType {
	if d.erspanTypeI() {
		l.Payload = l.Start
		return LayerEthernet
	}
	e, err := ParseERSPAN(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + len(e)
	if v := e.Version(); v != 1 && v != 2 {
		l.Payload = l.End // Wireshark stops at an unknown version
		return LayerNone
	}
	if l.Payload == l.End || e.FrameType() != erspanFTEthernet {
		return LayerNone
	}
	return LayerEthernet
}

// The fields, as Wireshark registers them.
const (
	erspanVersion = iota
	erspanVLAN
	erspanCOS
	erspanEncap
	erspanBSO
	erspanTruncated
	erspanSpanID
	erspanReserved
	erspanIndex
	erspanTimestamp
	erspanSGT
	erspanP
	erspanFT
	erspanHW
	erspanDirection
	erspanGra
	erspanO
	erspanPlatID
	erspanPid1Rsvd1
	erspanPid1VSMID
	erspanPid1PortIndex
	erspanPid3Rsvd1
	erspanPid3PortIndex
	erspanPid3Timestamp
	erspanPid4Rsvd1
	erspanPid4Rsvd2
	erspanPid4Rsvd3
	erspanPid5SwitchID
	erspanPid5PortIndex
	erspanPid5Timestamp
	erspanPid7Rsvd1
	erspanPid7SourceIndex
	erspanPid7Timestamp
	erspanPidRsvd
	erspanFieldCount
)

var erspanFields = [erspanFieldCount]Field{
	erspanVersion:         {Name: "erspan.version", Label: "Version", Kind: KindUint, Width: 16, Mask: 0xf000},
	erspanVLAN:            {Name: "erspan.vlan", Label: "Vlan", Kind: KindUint, Width: 16, Mask: 0x0fff},
	erspanCOS:             {Name: "erspan.cos", Label: "COS", Kind: KindUint, Width: 16, Mask: 0xe000},
	erspanEncap:           {Name: "erspan.encap", Label: "Encap", Kind: KindUint, Width: 16, Mask: 0x1800},
	erspanBSO:             {Name: "erspan.bso", Label: "Bad/Short/Oversized", Kind: KindUint, Width: 16, Mask: 0x1800},
	erspanTruncated:       {Name: "erspan.truncated", Label: "Truncated", Kind: KindUint, Width: 16, Mask: 0x0400},
	erspanSpanID:          {Name: "erspan.spanid", Label: "SpanID", Kind: KindUint, Width: 16, Mask: 0x03ff},
	erspanReserved:        {Name: "erspan.reserved", Label: "Reserved", Kind: KindUint, Width: 32, Mask: 0xfff00000},
	erspanIndex:           {Name: "erspan.index", Label: "Index", Kind: KindUint, Width: 32, Mask: 0x000fffff},
	erspanTimestamp:       {Name: "erspan.timestamp", Label: "Timestamp", Kind: KindUint, Width: 32, Mask: 0xffffffff},
	erspanSGT:             {Name: "erspan.sgt", Label: "Security Group Tag", Kind: KindUint, Width: 16, Mask: 0xffff},
	erspanP:               {Name: "erspan.p", Label: "Has Ethernet PDU", Kind: KindUint, Width: 16, Mask: 0x8000},
	erspanFT:              {Name: "erspan.ft", Label: "Frame Type", Kind: KindUint, Width: 16, Mask: 0x7c00},
	erspanHW:              {Name: "erspan.hw", Label: "Hardware ID", Kind: KindUint, Width: 16, Mask: 0x03f0},
	erspanDirection:       {Name: "erspan.direction", Label: "Direction", Kind: KindBool, Width: 16, Mask: 0x0008},
	erspanGra:             {Name: "erspan.gra", Label: "Timestamp granularity", Kind: KindUint, Width: 16, Mask: 0x0006},
	erspanO:               {Name: "erspan.o", Label: "Optional Sub headers", Kind: KindUint, Width: 16, Mask: 0x0001},
	erspanPlatID:          {Name: "erspan.platid", Label: "Platform ID", Kind: KindUint, Width: 32, Mask: 0xfc000000},
	erspanPid1Rsvd1:       {Name: "erspan.pid1.rsvd1", Label: "Reserved", Kind: KindUint, Width: 32, Mask: 0x03fff000},
	erspanPid1VSMID:       {Name: "erspan.pid1.vsmid", Label: "VSM Domain ID", Kind: KindUint, Width: 32, Mask: 0x00000fff},
	erspanPid1PortIndex:   {Name: "erspan.pid1.port_index", Label: "Port ID/Index", Kind: KindUint, Width: 32, Mask: 0xffffffff},
	erspanPid3Rsvd1:       {Name: "erspan.pid3.rsvd1", Label: "Reserved", Kind: KindUint, Width: 32, Mask: 0x03ffc000},
	erspanPid3PortIndex:   {Name: "erspan.pid3.port_index", Label: "Port ID/Index", Kind: KindUint, Width: 32, Mask: 0x00003fff},
	erspanPid3Timestamp:   {Name: "erspan.pid3.timestamp", Label: "Upper 32-bit Timestamp", Kind: KindUint, Width: 32, Mask: 0xffffffff},
	erspanPid4Rsvd1:       {Name: "erspan.pid4.rsvd1", Label: "Reserved", Kind: KindUint, Width: 32, Mask: 0x03ffc000},
	erspanPid4Rsvd2:       {Name: "erspan.pid4.rsvd2", Label: "Reserved", Kind: KindUint, Width: 32, Mask: 0x00003fff},
	erspanPid4Rsvd3:       {Name: "erspan.pid4.rsvd3", Label: "Reserved", Kind: KindUint, Width: 32, Mask: 0xffffffff},
	erspanPid5SwitchID:    {Name: "erspan.pid5.switchid", Label: "Switch ID", Kind: KindUint, Width: 32, Mask: 0x03ff0000},
	erspanPid5PortIndex:   {Name: "erspan.pid5.port_index", Label: "Port ID/Index", Kind: KindUint, Width: 32, Mask: 0x0000ffff},
	erspanPid5Timestamp:   {Name: "erspan.pid5.timestamp", Label: "Timestamp (seconds)", Kind: KindUint, Width: 32, Mask: 0xffffffff},
	erspanPid7Rsvd1:       {Name: "erspan.pid7.rsvd1", Label: "Reserved", Kind: KindUint, Width: 32, Mask: 0x03f00000},
	erspanPid7SourceIndex: {Name: "erspan.pid7.source_index", Label: "Source Index", Kind: KindUint, Width: 32, Mask: 0x000fffff},
	erspanPid7Timestamp:   {Name: "erspan.pid7.timestamp", Label: "Upper 32-bit Timestamp", Kind: KindUint, Width: 32, Mask: 0xffffffff},
	erspanPidRsvd:         {Name: "erspan.pid.rsvd", Label: "Reserved", Kind: KindUint, Width: 64, Mask: 0x3ffffff},
}

var protoERSPAN = protoField("erspan", "Encapsulated Remote Switch Packet ANalysis")

// erspanItem is one field of the header: the field and the bytes it is
// read from (size 2, 4 or 8 at off).
type erspanItem struct {
	k    int
	off  int
	size int
}

// erspanType2Items and erspanType3Items list the fields of each version's
// header after the version, in the order Wireshark shows them.
var (
	erspanType2Items = [...]erspanItem{
		{erspanVLAN, 0, 2}, {erspanCOS, 2, 2}, {erspanEncap, 2, 2}, {erspanTruncated, 2, 2}, {erspanSpanID, 2, 2},
		{erspanReserved, 4, 4}, {erspanIndex, 4, 4},
	}
	erspanType3Items = [...]erspanItem{
		{erspanVLAN, 0, 2}, {erspanCOS, 2, 2}, {erspanBSO, 2, 2}, {erspanTruncated, 2, 2}, {erspanSpanID, 2, 2},
		{erspanTimestamp, 4, 4}, {erspanSGT, 8, 2}, {erspanP, 10, 2}, {erspanFT, 10, 2}, {erspanHW, 10, 2},
		{erspanDirection, 10, 2}, {erspanGra, 10, 2}, {erspanO, 10, 2},
	}
)

// The fields of a type III sub-header by platform id, each read at off
// within the 8 bytes.
var (
	erspanPid1Items = [...]erspanItem{{erspanPid1Rsvd1, 0, 4}, {erspanPid1VSMID, 0, 4}, {erspanPid1PortIndex, 4, 4}}
	erspanPid3Items = [...]erspanItem{{erspanPid3Rsvd1, 0, 4}, {erspanPid3PortIndex, 0, 4}, {erspanPid3Timestamp, 4, 4}}
	erspanPid4Items = [...]erspanItem{{erspanPid4Rsvd1, 0, 4}, {erspanPid4Rsvd2, 0, 4}, {erspanPid4Rsvd3, 4, 4}}
	erspanPid5Items = [...]erspanItem{{erspanPid5SwitchID, 0, 4}, {erspanPid5PortIndex, 0, 4}, {erspanPid5Timestamp, 4, 4}}
	erspanPid7Items = [...]erspanItem{{erspanPid7Rsvd1, 0, 4}, {erspanPid7SourceIndex, 0, 4}, {erspanPid7Timestamp, 4, 4}}
	erspanPidItems  = [...]erspanItem{{erspanPidRsvd, 0, 8}}
)

// erspanSubItems returns the fields of a sub-header of platform id.
func erspanSubItems(id uint8) []erspanItem {
	switch id {
	case 1:
		return erspanPid1Items[:]
	case 3:
		return erspanPid3Items[:]
	case 4:
		return erspanPid4Items[:]
	case 5, 6:
		return erspanPid5Items[:]
	case 7, 0: // 0: an alias of 7 in some implementations
		return erspanPid7Items[:]
	}
	return erspanPidItems[:]
}

// raw returns the bytes an item is read from, as an integer.
func (it erspanItem) raw(b []byte) uint64 {
	switch it.size {
	case 2:
		return uint64(be16(b[it.off:]))
	case 4:
		return uint64(be32(b[it.off:]))
	}
	return uint64(be32(b[it.off:]))<<32 | uint64(be32(b[it.off+4:]))
}

// erspanItems returns the items of header e after the version.
func erspanItems(e ERSPAN) []erspanItem {
	switch e.Version() {
	case 1:
		return erspanType2Items[:]
	case 2:
		return erspanType3Items[:]
	}
	return nil
}

// emitERSPAN emits the header's fields in Wireshark's order, each taken
// from its bytes by its mask, as far as they were captured: tshark's tree
// is drawn from them (treefields.go), titled with the version's name.
func emitERSPAN(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoERSPAN)
	if l.Payload == l.Start && l.Malformed == "" {
		if e.Tree() {
			e.SetRepr(append(e.Text(), "Encapsulated Remote Switch Packet ANalysis Type I"...))
		}
		e.End()
		return
	}
	h := ERSPAN(d.data[l.Start:l.Payload])
	if l.Malformed != "" {
		h = ERSPAN(d.data[l.Start:l.End])
	}
	if len(h) < 2 {
		e.End()
		return
	}
	f := &erspanFields
	if e.Tree() {
		b := append(e.Text(), "Encapsulated Remote Switch Packet ANalysis "...)
		if name := f[erspanVersion].ValueNames().Name(uint64(h.Version())); name != "" {
			b = append(b, name...)
		} else {
			b = append(b, "Unknown"...)
		}
		e.SetRepr(b)
	}
	emitERSPANItem(e, erspanItem{erspanVersion, 0, 2}, h)
	for _, it := range erspanItems(h) {
		if it.off+it.size > len(h) {
			e.End()
			return
		}
		emitERSPANItem(e, it, h)
	}
	if h.Version() == 2 && h[11]&1 != 0 && len(h) >= erspanType3Len+4 {
		sub := h[erspanType3Len:]
		emitERSPANItem(e, erspanItem{erspanPlatID, 0, 4}, sub)
		for _, it := range erspanSubItems(sub[0] >> 2) {
			if it.off+it.size > len(sub) {
				break
			}
			emitERSPANItem(e, it, sub)
		}
	}
	e.End()
}

func emitERSPANItem(e *emitter, it erspanItem, b []byte) {
	f := &erspanFields[it.k]
	if f.Kind == KindBool {
		e.BoolBits(f, it.raw(b))
		return
	}
	e.UintBits(f, it.raw(b))
}

// lineERSPAN appends what tcpdump 4.99 prints for a GRE packet carrying
// ERSPAN, which it does not decode: "gre-proto-0x88be".
func (p *LinePrinter) lineERSPAN(b []byte, d *Decoder, i int) []byte {
	proto := uint64(greProtoERSPAN3)
	if i > 0 && d.layers[i-1].Type == LayerGRE {
		g := &d.layers[i-1]
		proto = uint64(GRE(d.data[g.Start:g.Payload]).Protocol())
	}
	b = append(b, "gre-proto-0x"...)
	return appendHexMin(b, proto)
}
