package decode

// Ethernet is an Ethernet II or IEEE 802.3 header:
//
//	0                   6                  12      14
//	+-------------------+-------------------+-------+
//	| destination MAC   | source MAC        | type  |
//	+-------------------+-------------------+-------+
//
// The type field is an EtherType when ≥ 0x0600, else an 802.3 length.
type Ethernet []byte

const ethernetLen = 14

// ParseEthernet returns the Ethernet header at the start of b.
func ParseEthernet(b []byte) (Ethernet, error) {
	if len(b) < ethernetLen {
		return nil, ReasonTruncated
	}
	return Ethernet(b[:ethernetLen:ethernetLen]), nil
}

// Dst returns the destination address.
func (e Ethernet) Dst() MAC { return MAC(e[0:6]) }

// Src returns the source address.
func (e Ethernet) Src() MAC { return MAC(e[6:12]) }

// TypeOrLength returns the EtherType or 802.3 length field.
func (e Ethernet) TypeOrLength() uint16 { return be16(e[12:]) }

// IsLength reports whether the type field is an 802.3 length, as tcpdump
// reads it.
func (e Ethernet) IsLength() bool { return e.TypeOrLength() <= 1500 }

// isDot3 reports whether the type field is an 802.3 length as Wireshark
// reads it: 0 is Ethernet II's unknown type to it.
func (e Ethernet) isDot3() bool { return e.IsLength() && e.TypeOrLength() != 0 }

func (d *Decoder) decodeEthernet(l *Layer) LayerType {
	e, err := ParseEthernet(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + ethernetLen
	if e.isDot3() {
		end := l.Payload + int(e.TypeOrLength())
		if isISL(e) && e[5]>>4 == 0 && end <= l.End && end-l.Start >= islHdrLen {
			l.End = end
			return d.decodeISL(l)
		}
		if end < l.End {
			l.End = end
		}
		return LayerLLC
	}
	return etherTypeLayer(e.TypeOrLength())
}

// VLAN is an 802.1Q or 802.1ad tag as it follows the outer EtherType:
// the tag control information and the inner EtherType.
type VLAN []byte

const vlanLen = 4

// ParseVLAN returns the VLAN tag at the start of b.
func ParseVLAN(b []byte) (VLAN, error) {
	if len(b) < vlanLen {
		return nil, ReasonTruncated
	}
	return VLAN(b[:vlanLen:vlanLen]), nil
}

// Priority returns the 3-bit priority code point.
func (v VLAN) Priority() uint8 { return v[0] >> 5 }

// DEI returns the drop-eligible indicator bit.
func (v VLAN) DEI() bool { return v[0]&0x10 != 0 }

// ID returns the 12-bit VLAN identifier.
func (v VLAN) ID() uint16 { return be16(v[0:]) & 0x0fff }

// TCI returns the whole tag control information.
func (v VLAN) TCI() uint16 { return be16(v[0:]) }

// EtherType returns the encapsulated EtherType (or 802.3 length).
func (v VLAN) EtherType() uint16 { return be16(v[2:]) }

func (d *Decoder) decodeVLAN(l *Layer) LayerType {
	v, err := ParseVLAN(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + vlanLen
	if v.EtherType() <= 1500 {
		if end := l.Payload + int(v.EtherType()); end < l.End {
			l.End = end
		}
		return LayerLLC
	}
	return etherTypeLayer(v.EtherType())
}

// LLC is an IEEE 802.2 LLC header, with its SNAP extension when DSAP and
// SSAP are 0xaa.
type LLC []byte

// ParseLLC returns the LLC (and SNAP) header at the start of b.
func ParseLLC(b []byte) (LLC, error) {
	if len(b) < 3 {
		return nil, ReasonTruncated
	}
	n := 3
	if b[2]&3 != 3 {
		n = 4 // I and S frames have a 2-byte control field
	}
	if b[0] == 0xaa && b[1] == 0xaa && n == 3 {
		n = 8
	}
	if len(b) < n {
		return nil, ReasonTruncated
	}
	return LLC(b[:n:n]), nil
}

// DSAP returns the destination service access point.
func (c LLC) DSAP() uint8 { return c[0] }

// SSAP returns the source service access point.
func (c LLC) SSAP() uint8 { return c[1] }

// Control returns the control field: one byte for U frames; two
// otherwise, the first the low one (N(S) or the supervisory function), as
// Wireshark reads them.
func (c LLC) Control() uint16 {
	if len(c) == 4 {
		return uint16(c[2]) | uint16(c[3])<<8
	}
	return uint16(c[2])
}

// IsSNAP reports whether a SNAP header follows.
func (c LLC) IsSNAP() bool { return len(c) == 8 }

// OUI returns the SNAP organisation code.
func (c LLC) OUI() uint32 {
	if !c.IsSNAP() {
		return 0
	}
	return uint32(c[3])<<16 | uint32(c[4])<<8 | uint32(c[5])
}

// PID returns the SNAP protocol identifier (an EtherType when OUI is 0).
func (c LLC) PID() uint16 {
	if !c.IsSNAP() {
		return 0
	}
	return be16(c[6:])
}

func (d *Decoder) decodeLLC(l *Layer) LayerType {
	c, err := ParseLLC(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + len(c)
	if next := llcLayer(c); next != LayerNone && l.Payload < l.End {
		return next
	}
	if c.IsSNAP() && c.OUI() == 0 {
		return etherTypeLayer(c.PID())
	}
	return LayerNone
}

const (
	ethDst = iota
	ethSrc
	ethLen
	ethType
	ethAddr
	ethDstLG
	ethLG
	ethDstIG
	ethIG
	ethSrcLG
	ethSrcIG
	ethPadding
	ethTrailer
	ethFCS
	ethFCSStatus
	ethDstResolved
	ethDstOUI
	ethSrcResolved
	ethSrcOUI
	ethAddrResolved
	ethAddrOUI
	ethFieldCount
)

var ethFields = [ethFieldCount]Field{
	ethDst:  {Name: "eth.dst", Label: "Destination", Kind: KindMAC},
	ethSrc:  {Name: "eth.src", Label: "Source", Kind: KindMAC},
	ethLen:  {Name: "eth.len", Label: "Length", Kind: KindUint, Width: 16},
	ethType: {Name: "eth.type", Label: "Type", Kind: KindUint, Width: 16, Base: BaseHex},
	// Wireshark's hidden copies and bits of both addresses.
	ethAddr:  {Name: "eth.addr", Label: "Address", Kind: KindMAC},
	ethDstLG: {Name: "eth.dst.lg", Label: "LG bit", Kind: KindBool, Width: 24, Mask: 0x20000},
	ethLG:    {Name: "eth.lg", Label: "LG bit", Kind: KindBool, Width: 24, Mask: 0x20000},
	ethDstIG: {Name: "eth.dst.ig", Label: "IG bit", Kind: KindBool, Width: 24, Mask: 0x10000},
	ethIG:    {Name: "eth.ig", Label: "IG bit", Kind: KindBool, Width: 24, Mask: 0x10000},
	ethSrcLG: {Name: "eth.src.lg", Label: "LG bit", Kind: KindBool, Width: 24, Mask: 0x20000},
	ethSrcIG: {Name: "eth.src.ig", Label: "IG bit", Kind: KindBool, Width: 24, Mask: 0x10000},
	// What follows the payload (linkTrailerOf).
	ethPadding:   {Name: "eth.padding", Label: "Padding", Kind: KindBytes},
	ethTrailer:   {Name: "eth.trailer", Label: "Trailer", Kind: KindBytes},
	ethFCS:       {Name: "eth.fcs", Label: "Frame check sequence", Kind: KindUint, Width: 32, Base: BaseHex},
	ethFCSStatus: {Name: "eth.fcs.status", Label: "FCS Status", Kind: KindUint, Width: 8, Base: BaseNone, Generated: true},
	// Each address as name resolution gives it (tshark -n: the address)
	// and its first three bytes (hidden). The OUI's maker's name
	// (eth.src.oui_resolved) needs Wireshark's manufacturer table, which
	// rawcap does not carry.
	ethDstResolved:  {Name: "eth.dst_resolved", Label: "Destination (resolved)", Kind: KindString},
	ethDstOUI:       {Name: "eth.dst.oui", Label: "Destination OUI", Kind: KindUint, Width: 24},
	ethSrcResolved:  {Name: "eth.src_resolved", Label: "Source (resolved)", Kind: KindString},
	ethSrcOUI:       {Name: "eth.src.oui", Label: "Source OUI", Kind: KindUint, Width: 24},
	ethAddrResolved: {Name: "eth.addr_resolved", Label: "Address (resolved)", Kind: KindString},
	ethAddrOUI:      {Name: "eth.addr.oui", Label: "Address OUI", Kind: KindUint, Width: 24},
}

var protoEth = protoField("eth", "Ethernet")

const (
	vlanPriority = iota
	vlanDei
	vlanID
	vlanLenField
	vlanEtype
	vlanTrailer
	vlanFieldCount
)

var vlanFields = [vlanFieldCount]Field{
	// tshark -G values lists the 802.1D names (Spare, Controlled Load);
	// its tree uses 802.1Q's, as these.
	vlanPriority: {Name: "vlan.priority", Label: "Priority", Kind: KindUint, Width: 16, Mask: 0xe000, Values: &ValueNames{Values: []ValueName{
		{0, "Best Effort (default)"}, {1, "Background"}, {2, "Excellent Effort"}, {3, "Critical Applications"},
		{4, "Video, < 100ms latency and jitter"}, {5, "Voice, < 10ms latency and jitter"}, {6, "Internetwork Control"}, {7, "Network Control"}}}},
	vlanDei:      {Name: "vlan.dei", Label: "DEI", Kind: KindBool, Width: 16, Mask: 0x1000},
	vlanID:       {Name: "vlan.id", Label: "ID", Kind: KindUint, Width: 16, Mask: 0xfff},
	vlanLenField: {Name: "vlan.len", Label: "Length", Kind: KindUint, Width: 16},
	vlanEtype:    {Name: "vlan.etype", Label: "Type", Kind: KindUint, Width: 16, Base: BaseHex},
	vlanTrailer:  {Name: "vlan.trailer", Label: "Trailer", Kind: KindBytes},
}

var protoVLAN = protoField("vlan", "802.1Q Virtual LAN")

const (
	qinqPriority = iota
	qinqDei
	qinqID
	qinqFieldCount
)

var qinqFields = [qinqFieldCount]Field{
	qinqPriority: {Name: "ieee8021ad.priority", Label: "Priority", Kind: KindUint, Width: 16, Mask: 0xe000},
	qinqDei:      {Name: "ieee8021ad.dei", Label: "DEI", Kind: KindUint, Width: 16, Mask: 0x1000},
	qinqID:       {Name: "ieee8021ad.id", Label: "ID", Kind: KindUint, Width: 16, Mask: 0xfff},
}

var protoQinQ = protoField("ieee8021ad", "IEEE 802.1ad")

const (
	llcDsap = iota
	llcDsapSap
	llcDsapIG
	llcSsap
	llcSsapSap
	llcSsapCR
	llcControl
	llcControlNR
	llcControlNS
	llcControlP
	llcControlF
	llcControlSFtype
	llcControlUCmd
	llcControlUResp
	llcControlFtypeI
	llcControlFtypeS
	llcControlPU
	llcControlFU
	llcControlFtypeU
	llcOui
	llcPid
	llcType
	llcCiscoPid
	llcNortelPid
	llcFieldCount
)

var llcFields = [llcFieldCount]Field{
	llcDsap:    {Name: "llc.dsap", Label: "DSAP", Kind: KindUint, Width: 8, Base: BaseHex},
	llcSsap:    {Name: "llc.ssap", Label: "SSAP", Kind: KindUint, Width: 8, Base: BaseHex},
	llcControl: {Name: "llc.control", Label: "Control", Kind: KindUint, Width: 16, Base: BaseHex},
	// A service access point's address (drawn with its name, as tshark's
	// custom base does) and low bit.
	llcDsapSap: {Name: "llc.dsap.sap", Label: "SAP", Kind: KindUint, Width: 8, Mask: 0xfe},
	llcDsapIG:  {Name: "llc.dsap.ig", Label: "IG Bit", Kind: KindBool, Width: 8, Mask: 0x01},
	llcSsapSap: {Name: "llc.ssap.sap", Label: "SAP", Kind: KindUint, Width: 8, Mask: 0xfe},
	llcSsapCR:  {Name: "llc.ssap.cr", Label: "CR Bit", Kind: KindBool, Width: 8, Mask: 0x01},
	// The control field's parts: an I or S frame's two bytes (the first
	// the low one), a U frame's one.
	llcControlNR:     {Name: "llc.control.n_r", Label: "N(R)", Kind: KindUint, Width: 16, Mask: 0xfe00},
	llcControlNS:     {Name: "llc.control.n_s", Label: "N(S)", Kind: KindUint, Width: 16, Mask: 0x00fe},
	llcControlP:      {Name: "llc.control.p", Label: "Poll", Kind: KindBool, Width: 16, Mask: 0x0100},
	llcControlF:      {Name: "llc.control.f", Label: "Final", Kind: KindBool, Width: 16, Mask: 0x0100},
	llcControlSFtype: {Name: "llc.control.s_ftype", Label: "Supervisory frame type", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x000c},
	llcControlUCmd:   {Name: "llc.control.u_modifier_cmd", Label: "Command", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xec},
	llcControlUResp:  {Name: "llc.control.u_modifier_resp", Label: "Response", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xec},
	llcControlFtypeI: {Name: "llc.control.ftype", Label: "Frame type", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x0001},
	llcControlFtypeS: {Name: "llc.control.ftype", Label: "Frame type", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x0003},
	llcControlPU:     {Name: "llc.control.p", Label: "Poll", Kind: KindBool, Width: 8, Mask: 0x10},
	llcControlFU:     {Name: "llc.control.f", Label: "Final", Kind: KindBool, Width: 8, Mask: 0x10},
	// A U frame's frame type: FT_UINT16 as tshark registers it, shown in
	// two digits and drawn over the one byte.
	llcControlFtypeU: {Name: "llc.control.ftype", Label: "Frame type", Kind: KindUint, Width: 16, Base: BaseHex, Digits: 2, Mask: 0x0003},
	llcOui:           {Name: "llc.oui", Label: "Organization Code", Kind: KindUint, Width: 24},
	llcPid:           {Name: "llc.pid", Label: "Protocol ID", Kind: KindUint, Width: 16, Base: BaseHex},
	llcType:          {Name: "llc.type", Label: "Type", Kind: KindUint, Width: 16, Base: BaseHex},
	llcCiscoPid:      {Name: "llc.cisco_pid", Label: "PID", Kind: KindUint, Width: 16, Base: BaseHex},
	llcNortelPid:     {Name: "llc.nortel_pid", Label: "PID", Kind: KindUint, Width: 16, Base: BaseHex},
}

var protoLLC = protoField("llc", "Logical-Link Control")

// emitEthernet emits an Ethernet II or 802.3 header's fields, then those
// of what follows its payload (padding, trailer, frame check sequence). In
// a tree list the header's lines are remembered per header (memoEth): but
// for 802.3, whose title depends on the payload, they depend on nothing
// else.
func emitEthernet(e *emitter, i int) {
	l := &e.d.layers[i]
	if l.Payload == l.Start {
		e.Proto(&protoEth)
		e.NoTree() // cut short: tshark draws only the malformed line
		e.End()
		return
	}
	h := Ethernet(e.d.data[l.Start:l.Payload])
	if h.isDot3() || e.Memo(memoEth, h) {
		emitEthernetHead(e, i, h)
		e.MemoEnd()
	}
	emitLinkTrailer(e, i, &ethFields[ethPadding], &ethFields[ethTrailer])
	e.End()
}

// emitEthernetHead emits the fields of Ethernet header h, layer i.
func emitEthernetHead(e *emitter, i int, h Ethernet) {
	e.Proto(&protoEth)
	if e.Tree() {
		l := &e.d.layers[i]
		p := e.d.data[l.Payload:l.End]
		switch {
		case h.isDot3() && len(p) >= 2 && p[0] == 0xff && p[1] == 0xff:
			e.SetRepr(append(e.Text(), "IEEE 802.3 Ethernet Raw "...)) // sic: tshark's titles end in a space
		case h.isDot3():
			e.SetRepr(append(e.Text(), "IEEE 802.3 Ethernet "...))
		default:
			b := h.Src().AppendTo(append(e.Text(), "Ethernet II, Src: "...))
			e.SetRepr(h.Dst().AppendTo(append(b, ", Dst: "...)))
		}
	}
	f := &ethFields
	e.MAC(&f[ethDst], h.Dst())
	emitMACBits(e, h.Dst(), &f[ethDstLG], &f[ethDstIG])
	e.MAC(&f[ethSrc], h.Src())
	emitMACBits(e, h.Src(), &f[ethSrcLG], &f[ethSrcIG])
	if h.isDot3() {
		e.Uint(&ethFields[ethLen], uint64(h.TypeOrLength()))
	} else {
		e.Uint(&ethFields[ethType], uint64(h.TypeOrLength()))
	}
}

// emitMACBits emits the fields Wireshark adds under an Ethernet address:
// eth.addr, and its LG and IG bits both as the address's own (lg, ig) and
// as eth.lg and eth.ig (hidden). A tree list shows the address, its own
// bits, and the warning a group source address earns.
func emitMACBits(e *emitter, m MAC, lg, ig *Field) {
	f := &ethFields
	if e.Tree() {
		e.Sub()
		if lg == &f[ethSrcLG] && m[0]&1 != 0 {
			e.ExpertLine("Warning", "Protocol", "Source MAC must not be a group address: IEEE 802.3-2002, Section 3.2.3(b)", nil)
		}
		e.MAC(&f[ethAddr], m)
		word := uint64(m[0])<<16 | uint64(m[1])<<8 | uint64(m[2])
		e.BoolBits(lg, word)
		e.BoolBits(ig, word)
		e.Up()
		return
	}
	if !e.all {
		return // hidden: JSON does not show them, so it need not make them
	}
	e.Hidden(true)
	resolved, oui := &f[ethDstResolved], &f[ethDstOUI]
	if lg == &f[ethSrcLG] {
		resolved, oui = &f[ethSrcResolved], &f[ethSrcOUI]
	}
	emitMACNames(e, m, resolved, oui)
	e.MAC(&f[ethAddr], m)
	emitMACNames(e, m, &f[ethAddrResolved], &f[ethAddrOUI])
	e.Bool(lg, m[0]&2 != 0)
	e.Bool(&f[ethLG], m[0]&2 != 0)
	e.Bool(ig, m[0]&1 != 0)
	e.Bool(&f[ethIG], m[0]&1 != 0)
	e.Hidden(false)
}

// emitMACNames emits address m as tshark -n resolves it (the address
// itself) and its OUI.
func emitMACNames(e *emitter, m MAC, resolved, oui *Field) {
	if e.wants(resolved) {
		e.TextDone(resolved, m.AppendTo(e.Text()))
	}
	e.Uint(oui, uint64(m[0])<<16|uint64(m[1])<<8|uint64(m[2]))
}

// emitLinkTrailer emits what follows the payload of link layer i
// (linkTrailerOf) as the fields pad and trailer, and Ethernet's frame check
// sequence.
func emitLinkTrailer(e *emitter, i int, pad, trailer *Field) {
	tr, ok := linkTrailerOf(e.d, i, e.wire)
	if !ok || e.d.layers[e.d.n-1].Type == LayerF5Trailer {
		return // (tshark's F5 heuristic took it: neither padding nor trailer)
	}
	if len(tr.pad) > 0 {
		e.Bytes(pad, tr.pad)
	}
	if len(tr.trailer) > 0 {
		e.Bytes(trailer, tr.trailer)
		if tr.nonZero && e.Tree() {
			e.Sub()
			e.ExpertLine("Note", "Protocol", "Didn't find padding of zeros, and an undecoded trailer exists. There may be padding of non-zeros.", nil)
			e.Up()
		}
	}
	if tr.fcs != nil {
		f := &ethFields
		v := be32(tr.fcs)
		e.Uint(&f[ethFCS], uint64(v))
		if e.Tree() {
			e.SetRepr(append(appendHexN(append(e.Text(), "Frame check sequence: 0x"...), uint64(v), 8), " [unverified]"...))
		}
		e.Uint(&f[ethFCSStatus], 2) // unverified
	}
}

// emitVLAN emits an 802.1Q tag's fields, or an 802.1ad service tag's
// (Wireshark's ieee8021ad) after the EtherType 0x88a8.
func emitVLAN(e *emitter, i int) {
	l := &e.d.layers[i]
	qinq := vlanProtoName(e.d, i) == "ieee8021ad"
	if qinq {
		e.Proto(&protoQinQ)
	} else {
		e.Proto(&protoVLAN)
	}
	if l.Malformed != "" {
		// A tag cut short: tshark draws only its "[Malformed Packet: VLAN]"
		// when the TCI is cut; with the TCI whole, 802.1Q's title and the
		// TCI's three fields before the mark, 802.1ad its bare title.
		h := e.d.data[l.Start:l.End]
		if len(h) < 2 {
			if e.Tree() {
				e.NoTree()
			}
		} else if !qinq {
			emitVLANTCI(e, VLAN(h), false)
		}
		e.End()
		return
	}
	if l.Payload > l.Start {
		v := VLAN(e.d.data[l.Start:l.Payload])
		emitVLANTCI(e, v, qinq)
		if v.EtherType() <= 1500 {
			e.Uint(&vlanFields[vlanLenField], uint64(v.EtherType()))
		} else {
			e.Uint(&vlanFields[vlanEtype], uint64(v.EtherType()))
		}
		if l.Malformed == "" && !qinq {
			emitLinkTrailer(e, i, &ethFields[ethPadding], &vlanFields[vlanTrailer])
		}
	}
	e.End()
}

// emitVLANTCI sets a tag's title and emits its TCI's priority, DEI and ID
// (v holds at least the TCI's two bytes).
func emitVLANTCI(e *emitter, v VLAN, qinq bool) {
	if e.Tree() {
		var b []byte
		if qinq {
			b = append(e.Text(), "IEEE 802.1ad, ID: "...)
		} else {
			b = appendUint(append(e.Text(), "802.1Q Virtual LAN, PRI: "...), uint64(v.Priority()))
			b = append(b, ", DEI: "...)
			if v.DEI() {
				b = append(b, '1')
			} else {
				b = append(b, '0')
			}
			b = append(b, ", ID: "...)
		}
		e.SetRepr(appendUint(b, uint64(v.ID())))
	}
	if qinq {
		e.Uint(&qinqFields[qinqPriority], uint64(v.Priority()))
		e.Bool(&qinqFields[qinqDei], v.DEI())
		e.Uint(&qinqFields[qinqID], uint64(v.ID()))
	} else {
		e.Uint(&vlanFields[vlanPriority], uint64(v.Priority()))
		e.Bool(&vlanFields[vlanDei], v.DEI())
		e.Uint(&vlanFields[vlanID], uint64(v.ID()))
	}
}

// emitLLC emits an 802.2 LLC header's fields, with SNAP's.
func emitLLC(e *emitter, i int) {
	l := &e.d.layers[i]
	e.Proto(&protoLLC)
	if b := e.d.data[l.Start:l.End]; e.Tree() && len(b) >= 2 && b[0] == 0xff && b[1] == 0xff {
		e.NoTree() // raw IPX, which tshark does not take for LLC
		e.End()
		return
	}
	if l.Payload > l.Start {
		c := LLC(e.d.data[l.Start:l.Payload])
		f := &llcFields
		emitLLCSAP(e, &f[llcDsap], &f[llcDsapSap], &f[llcDsapIG], c.DSAP())
		emitLLCSAP(e, &f[llcSsap], &f[llcSsapSap], &f[llcSsapCR], c.SSAP())
		emitLLCControl(e, c)
		if c.IsSNAP() {
			emitSNAP(e, c)
		}
	}
	e.End()
}

// emitLLCSAP emits a service access point, sap, its address and its low
// bit (field bit).
func emitLLCSAP(e *emitter, f, addr, bit *Field, sap uint8) {
	e.Uint(f, uint64(sap))
	e.Sub()
	e.UintBits(addr, uint64(sap))
	if e.Tree() {
		b := append(appendBitDrawing(e.Text(), uint64(sap), 8, 0xfe), " = SAP: "...)
		if name := f.ValueNames().Name(uint64(sap &^ 1)); name != "" {
			e.SetRepr(append(b, name...))
		} else {
			e.SetRepr(append(b, "Unknown"...))
		}
	}
	e.BoolBits(bit, uint64(sap))
	e.Up()
}

// emitLLCControl emits the control field of c and its parts: an I
// frame's sequence numbers, an S frame's function and receive sequence
// number, a U frame's modifier (a command or a response, as the SSAP's
// C/R bit says), the poll or final bit when set, and the frame type. A
// tree list draws its heading as tshark does ("Control field: U P,
// func=SABME (0x7F)").
func emitLLCControl(e *emitter, c LLC) {
	f := &llcFields
	ctl := c.Control()
	resp := c.SSAP()&1 != 0
	pf, pfu := &f[llcControlP], &f[llcControlPU]
	if resp {
		pf, pfu = &f[llcControlF], &f[llcControlFU]
	}
	e.Uint(&f[llcControl], uint64(ctl))
	if e.Tree() {
		b := append(e.Text(), "Control field: "...)
		switch {
		case len(c) == 4 && ctl&1 == 0:
			b = append(b, 'I')
		case len(c) == 4:
			b = append(b, 'S')
		default:
			b = append(b, 'U')
		}
		if len(c) == 4 && ctl&0x0100 != 0 || len(c) != 4 && ctl&0x10 != 0 {
			if resp {
				b = append(b, " F"...)
			} else {
				b = append(b, " P"...)
			}
		}
		switch {
		case len(c) == 4 && ctl&1 == 0:
			b = appendUint(append(b, ", N(R)="...), uint64(ctl>>9))
			b = appendUint(append(b, ", N(S)="...), uint64(ctl>>1&0x7f))
			b = appendHexNUpper(append(b, " (0x"...), uint64(ctl), 4)
		case len(c) == 4:
			b = append(append(b, ", func="...), llcSFuncs[ctl>>2&3]...)
			b = appendUint(append(b, ", N(R)="...), uint64(ctl>>9))
			b = appendHexNUpper(append(b, " (0x"...), uint64(ctl), 4)
		default:
			name := llcUFuncs[ctl&0xef].cmd
			if resp {
				name = llcUFuncs[ctl&0xef].resp
			}
			if name == "" {
				name = "Unknown"
			}
			b = append(append(b, ", func="...), name...)
			b = appendHexNUpper(append(b, " (0x"...), uint64(ctl), 2)
		}
		e.SetRepr(append(b, ')'))
	}
	e.Sub()
	switch {
	case len(c) == 4:
		e.UintBits(&f[llcControlNR], uint64(ctl))
		if ctl&1 == 0 {
			e.UintBits(&f[llcControlNS], uint64(ctl))
		}
		if ctl&0x0100 != 0 {
			e.BoolBits(pf, uint64(ctl))
		}
		if ctl&1 == 0 {
			e.UintBits(&f[llcControlFtypeI], uint64(ctl))
		} else {
			e.UintBits(&f[llcControlSFtype], uint64(ctl))
			e.UintBits(&f[llcControlFtypeS], uint64(ctl))
		}
	default:
		if ctl&0x10 != 0 {
			e.BoolBits(pfu, uint64(ctl))
		}
		if resp {
			e.UintBits(&f[llcControlUResp], uint64(ctl))
		} else {
			e.UintBits(&f[llcControlUCmd], uint64(ctl))
		}
		e.UintBits(&f[llcControlFtypeU], uint64(ctl))
		if e.Tree() {
			b := append(appendBitDrawing(e.Text(), uint64(ctl), 8, 0x03), " = Frame type: Unnumbered frame (0x3)"...)
			e.SetRepr(b)
		}
	}
	e.Up()
}

// llcSFuncs are the abbreviations of an S frame's functions in tshark's
// heading of the control field.
var llcSFuncs = [4]string{"RR", "RNR", "REJ", "SREJ"}

// llcUFuncs are the abbreviations of a U frame's modifiers (the control
// byte less the poll/final bit) in tshark's heading of the control field,
// as a command and as a response; "" where tshark writes "Unknown".
var llcUFuncs = func() (t [256]struct{ cmd, resp string }) {
	for _, m := range []struct {
		c         uint8
		cmd, resp string
	}{
		{0x03, "UI", "UI"}, {0x07, "SIM", "RIM"}, {0x0f, "SARM", "DM"}, {0x23, "UP", "UP"},
		{0x2f, "SABM", "SABM"}, {0x43, "DISC", "RD"}, {0x4f, "SARME", "SARME"}, {0x63, "UA", "UA"},
		{0x6f, "SABME", "SABME"}, {0x83, "SNRM", "SNRM"}, {0x87, "FRMR", "FRMR"}, {0x8f, "RESET", "RESET"},
		{0xaf, "XID", "XID"}, {0xc7, "CFGR", "CFGR"}, {0xcf, "SNRME", "SNRME"}, {0xe3, "TEST", "TEST"},
		{0xef, "BCN", "BCN"},
	} {
		t[m.c].cmd, t[m.c].resp = m.cmd, m.resp
	}
	return t
}()

// emitSNAP emits SNAP's organization code and protocol ID. Wireshark names
// the PID by the OUI: an EtherType for RFC 1042's zero OUI, Cisco's own,
// Nortel's, or a generic protocol ID; the tree shows the ones whose names
// tshark was seen to print.
func emitSNAP(e *emitter, c LLC) {
	f := &llcFields
	e.Uint(&f[llcOui], uint64(c.OUI()))
	if e.Tree() {
		switch c.OUI() {
		case 0:
			e.SetRepr(append(e.Text(), "Organization Code: 00:00:00 (Officially Xerox, but"...))
		case 0x00000c:
			e.SetRepr(append(e.Text(), "Organization Code: 00:00:0c (Cisco Systems, Inc)"...))
		case ouiNortel:
			e.SetRepr(append(e.Text(), "Organization Code: 00:00:81 (Bay Networks)"...))
		default:
			e.NoTree()
		}
	}
	pid := c.PID()
	shown := false
	switch c.OUI() {
	case 0:
		e.Uint(&f[llcType], uint64(pid))
		shown = pid == EtherTypeIPv4 || pid == EtherTypeIPv6 || pid == EtherTypeARP || pid == EtherTypeEAPOL
	case 0x00000c:
		e.Uint(&f[llcCiscoPid], uint64(pid))
		shown = ciscoPIDName(pid) != ""
		if shown && e.Tree() {
			b := append(append(e.Text(), "PID: "...), ciscoPIDName(pid)...)
			e.SetRepr(append(appendHex4(append(b, " (0x"...), pid), ')'))
		}
	case ouiNortel:
		e.Uint(&f[llcNortelPid], uint64(pid))
		shown = pid >= 0x01a1 && pid <= 0x01a3
	default:
		e.Uint(&f[llcPid], uint64(pid))
	}
	if !shown {
		e.NoTree()
	}
}

// vlanProtoName returns Wireshark's protocol name for the VLAN tag at layer i:
// "ieee8021ad" after the EtherType 0x88a8, "vlan" otherwise.
func vlanProtoName(d *Decoder, i int) string {
	if i > 0 && d.layers[i].Start >= 2 && be16(d.data[d.layers[i].Start-2:]) == EtherTypeQinQ {
		return "ieee8021ad"
	}
	return "vlan"
}
