package decode

import "strconv"

// STP is a bridge protocol data unit of the spanning tree protocols (IEEE
// 802.1D STP, 802.1w RSTP, 802.1s/802.1Q MSTP), carried in 802.2 LLC with
// both SAPs 0x42, or as Cisco's PVST+ under SNAP (OUI 00:00:0c, PID
// 0x010b) followed by its TLVs:
//
//	 0      2   3    4     5              13        17             25     27
//	+------+---+----+-----+--------------+---------+--------------+------+
//	|proto |ver|type|flags| root id (8)  |root cost| bridge id (8)| port |
//	+------+---+----+-----+--------------+---------+--------------+------+
//	27    29     31     33      35         36        38
//	+-----+------+------+-------+-----------+---------+------------------
//	| age |maxage|hello |fwd dly| v1 length | v3 len  | MST config, MSTIs
//
// Times are in 1/256 s. A Topology Change Notification is the first four
// bytes only; a configuration BPDU ends before the Version 1 Length; a
// rapid one (type 2) has it, and an MST BPDU (version 3 and more, at least
// 102 bytes) has the MST extension and one 16-byte record per MSTI.
type STP []byte

// The BPDU types.
const (
	STPTypeConfig = 0x00
	STPTypeRST    = 0x02
	STPTypeTCN    = 0x80
)

const (
	stpConfLen   = 35  // a configuration BPDU
	stpRSTLen    = 36  // with the Version 1 Length
	stpMSTMinLen = 102 // the MST extension without MSTIs
	stpMSTILen   = 16
	stpPIDPVST   = 0x010b // Cisco's SNAP protocol ID of PVST+
	stpSAP       = 0x42
)

// ParseSTP returns the BPDU at the start of b, as long as its type says it
// is; a BPDU cut short returns ReasonTruncated and the bytes there are.
func ParseSTP(b []byte) (STP, error) {
	if len(b) < 4 {
		return nil, ReasonTruncated
	}
	s := STP(b[:len(b):len(b)])
	if n := s.wantLen(); n > len(b) {
		return s, ReasonTruncated
	}
	return s, nil
}

// wantLen returns the length the BPDU's type and version announce (the
// MSTIs as the Version 3 Length counts them, as Wireshark reads it).
func (s STP) wantLen() int {
	switch s.Type() {
	case STPTypeConfig:
		return stpConfLen
	case STPTypeRST:
		if s.isMST() {
			return stpMSTMinLen + (s.mstiBytes()+stpMSTILen-1)/stpMSTILen*stpMSTILen
		}
		return stpRSTLen
	}
	return 4
}

// isMST reports whether the BPDU carries the MST extension: version 3 or
// more, a Version 1 Length of 0 and at least 102 bytes.
func (s STP) isMST() bool {
	return s.Type() == STPTypeRST && s.Version() >= 3 && len(s) >= stpMSTMinLen && s[35] == 0
}

// mstiBytes returns how many bytes of MSTI records the Version 3 Length
// announces: the length less the 64 bytes of the MST extension, or, for a
// length below that, a count of records (as some Cisco switches send it).
// A length of 0 announces none.
func (s STP) mstiBytes() int {
	v3 := int(be16(s[36:]))
	switch {
	case v3 >= 64:
		return v3 - 64
	case v3 > 0:
		return v3 * stpMSTILen
	}
	return 0
}

// ProtocolID returns the protocol identifier (0).
func (s STP) ProtocolID() uint16 { return be16(s) }

// Version returns the protocol version: 0 STP, 2 RSTP, 3 MSTP, 4 SPB.
func (s STP) Version() uint8 { return s[2] }

// Type returns the BPDU type.
func (s STP) Type() uint8 { return s[3] }

func (d *Decoder) decodeSTP(l *Layer) LayerType {
	_, err := ParseSTP(d.bytes(l))
	l.Payload = l.End
	if err != nil {
		l.Malformed = err.(Reason)
	}
	return LayerNone
}

// stpBridgeID splits an 8-byte bridge identifier as Wireshark does with
// system ID extensions: the priority (top 4 bits, in place), the extension
// (12 bits) and the MAC.
func stpBridgeID(b []byte) (prio, ext uint16, mac MAC) {
	v := be16(b)
	return v & 0xf000, v & 0x0fff, MAC(b[2:8])
}

// The fields, as Wireshark registers them.
const (
	stpProtocol = iota
	stpVersion
	stpType
	stpFlags
	stpFlagsTCAck
	stpFlagsAgreement
	stpFlagsForwarding
	stpFlagsLearning
	stpFlagsPortRole
	stpFlagsProposal
	stpFlagsTC
	stpRootPrio
	stpRootExt
	stpRootHW
	stpRootCost
	stpBridgePrio
	stpBridgeExt
	stpBridgeHW
	stpPort
	stpMsgAge
	stpMaxAge
	stpHello
	stpForward
	stpVersion1Length
	stpPVSTType
	stpPVSTLen
	stpPVSTOrigVLAN
	mstpVersion3Length
	mstpConfigFormat
	mstpConfigName
	mstpConfigRevision
	mstpConfigDigest
	mstpCISTCost
	mstpCISTBridgePrio
	mstpCISTBridgeExt
	mstpCISTBridgeHW
	mstpCISTHops
	mstpMSTIFlags
	mstpMSTIPriority
	mstpMSTIID
	mstpMSTIRootHW
	mstpMSTIRootCost
	mstpMSTIBridgePriority
	mstpMSTIPortPriority
	mstpMSTIHops
	stpFieldCount
)

var stpFields = [stpFieldCount]Field{
	stpProtocol:            {Name: "stp.protocol", Label: "Protocol Identifier", Kind: KindUint, Width: 16, Base: BaseHex},
	stpVersion:             {Name: "stp.version", Label: "Protocol Version Identifier", Kind: KindUint, Width: 8},
	stpType:                {Name: "stp.type", Label: "BPDU Type", Kind: KindUint, Width: 8, Base: BaseHex},
	stpFlags:               {Name: "stp.flags", Label: "BPDU flags", Kind: KindUint, Width: 8, Base: BaseHex},
	stpFlagsTCAck:          {Name: "stp.flags.tcack", Label: "Topology Change Acknowledgment", Kind: KindBool, Width: 8, Mask: 0x80},
	stpFlagsAgreement:      {Name: "stp.flags.agreement", Label: "Agreement", Kind: KindBool, Width: 8, Mask: 0x40},
	stpFlagsForwarding:     {Name: "stp.flags.forwarding", Label: "Forwarding", Kind: KindBool, Width: 8, Mask: 0x20},
	stpFlagsLearning:       {Name: "stp.flags.learning", Label: "Learning", Kind: KindBool, Width: 8, Mask: 0x10},
	stpFlagsPortRole:       {Name: "stp.flags.port_role", Label: "Port Role", Kind: KindUint, Width: 8, Mask: 0x0c},
	stpFlagsProposal:       {Name: "stp.flags.proposal", Label: "Proposal", Kind: KindBool, Width: 8, Mask: 0x02},
	stpFlagsTC:             {Name: "stp.flags.tc", Label: "Topology Change", Kind: KindBool, Width: 8, Mask: 0x01},
	stpRootPrio:            {Name: "stp.root.prio", Label: "Root Bridge Priority", Kind: KindUint, Width: 16},
	stpRootExt:             {Name: "stp.root.ext", Label: "Root Bridge System ID Extension", Kind: KindUint, Width: 16},
	stpRootHW:              {Name: "stp.root.hw", Label: "Root Bridge System ID", Kind: KindMAC},
	stpRootCost:            {Name: "stp.root.cost", Label: "Root Path Cost", Kind: KindUint, Width: 32},
	stpBridgePrio:          {Name: "stp.bridge.prio", Label: "Bridge Priority", Kind: KindUint, Width: 16},
	stpBridgeExt:           {Name: "stp.bridge.ext", Label: "Bridge System ID Extension", Kind: KindUint, Width: 16},
	stpBridgeHW:            {Name: "stp.bridge.hw", Label: "Bridge System ID", Kind: KindMAC},
	stpPort:                {Name: "stp.port", Label: "Port identifier", Kind: KindUint, Width: 16, Base: BaseHex},
	stpMsgAge:              {Name: "stp.msg_age", Label: "Message Age", Kind: KindFloat},
	stpMaxAge:              {Name: "stp.max_age", Label: "Max Age", Kind: KindFloat},
	stpHello:               {Name: "stp.hello", Label: "Hello Time", Kind: KindFloat},
	stpForward:             {Name: "stp.forward", Label: "Forward Delay", Kind: KindFloat},
	stpVersion1Length:      {Name: "stp.version_1_length", Label: "Version 1 Length", Kind: KindUint, Width: 8},
	stpPVSTType:            {Name: "stp.pvst.tlvtype", Label: "Type", Kind: KindUint, Width: 16, Base: BaseHex},
	stpPVSTLen:             {Name: "stp.pvst.tlvlen", Label: "Length", Kind: KindUint, Width: 16},
	stpPVSTOrigVLAN:        {Name: "stp.pvst.origvlan", Label: "Originating VLAN", Kind: KindUint, Width: 16},
	mstpVersion3Length:     {Name: "mstp.version_3_length", Label: "Version 3 Length", Kind: KindUint, Width: 16},
	mstpConfigFormat:       {Name: "mstp.config_format_selector", Label: "MST Config ID format selector", Kind: KindUint, Width: 8},
	mstpConfigName:         {Name: "mstp.config_name", Label: "MST Config name", Kind: KindString},
	mstpConfigRevision:     {Name: "mstp.config_revision_level", Label: "MST Config revision", Kind: KindUint, Width: 16},
	mstpConfigDigest:       {Name: "mstp.config_digest", Label: "MST Config digest", Kind: KindBytes},
	mstpCISTCost:           {Name: "mstp.cist_internal_root_path_cost", Label: "CIST Internal Root Path Cost", Kind: KindUint, Width: 32},
	mstpCISTBridgePrio:     {Name: "mstp.cist_bridge.prio", Label: "CIST Bridge Priority", Kind: KindUint, Width: 16},
	mstpCISTBridgeExt:      {Name: "mstp.cist_bridge.ext", Label: "CIST Bridge Identifier System ID Extension", Kind: KindUint, Width: 16},
	mstpCISTBridgeHW:       {Name: "mstp.cist_bridge.hw", Label: "CIST Bridge Identifier System ID", Kind: KindMAC},
	mstpCISTHops:           {Name: "mstp.cist_remaining_hops", Label: "CIST Remaining hops", Kind: KindUint, Width: 8},
	mstpMSTIFlags:          {Name: "mstp.msti.flags", Label: "MSTI flags", Kind: KindUint, Width: 8, Base: BaseHex},
	mstpMSTIPriority:       {Name: "mstp.msti.priority", Label: "Priority", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xf0},
	mstpMSTIID:             {Name: "mstp.msti.msti_id", Label: "MSTID", Kind: KindUint, Width: 16, Mask: 0x0fff},
	mstpMSTIRootHW:         {Name: "mstp.msti.root.hw", Label: "Regional Root", Kind: KindMAC},
	mstpMSTIRootCost:       {Name: "mstp.msti.root_cost", Label: "Internal root path cost", Kind: KindUint, Width: 32},
	mstpMSTIBridgePriority: {Name: "mstp.msti.bridge_priority", Label: "Bridge Identifier Priority", Kind: KindUint, Width: 8},
	mstpMSTIPortPriority:   {Name: "mstp.msti.port_priority", Label: "Port identifier priority", Kind: KindUint, Width: 8},
	mstpMSTIHops:           {Name: "mstp.msti.remaining_hops", Label: "Remaining hops", Kind: KindUint, Width: 8},
}

var protoSTP = titledProtoField("stp", "Spanning Tree Protocol")

// stpIsPVST reports whether the BPDU at layer i came under Cisco's SNAP
// PID for PVST+, whose TLVs follow the BPDU.
func stpIsPVST(d *Decoder, i int) bool {
	if i == 0 || d.layers[i-1].Type != LayerLLC {
		return false
	}
	p := &d.layers[i-1]
	c := LLC(d.data[p.Start:p.Payload])
	return c.IsSNAP() && c.OUI() == 0x00000c && c.PID() == stpPIDPVST
}

// stpPVSTOrigin returns the Originating VLAN TLV after a PVST+ BPDU of
// hdr bytes (type 0, length 2), and whether there is one first.
func stpPVSTOrigin(s STP, hdr int) (vlan uint16, ok bool) {
	if len(s) < hdr+6 || be16(s[hdr:]) != 0 || be16(s[hdr+2:]) != 2 {
		return 0, false
	}
	return be16(s[hdr+4:]), true
}

// stpFixedLen returns how many bytes of the BPDU's fixed part a layer
// holds: what its type announces, no more than was captured.
func stpFixedLen(s STP) int {
	n := stpConfLen
	if s.Type() == STPTypeRST {
		n = stpRSTLen
	}
	return min(n, len(s))
}

// emitSTP emits the BPDU's fields, as far as they were captured, in the
// order and nesting of tshark's tree.
func emitSTP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoSTP)
	s := STP(d.data[l.Start:l.End])
	if len(s) < 4 {
		e.NoTree()
		e.End()
		return
	}
	f := &stpFields
	rst := s.Type() == STPTypeRST
	// tshark reads the identifiers and the port of a configuration BPDU
	// before it draws its tree: one too short has none.
	cut := (s.Type() == STPTypeConfig || rst) && len(s) < 27
	if cut {
		e.NoTree()
	}
	e.Uint(&f[stpProtocol], uint64(s.ProtocolID()))
	if cut {
		e.NoTree()
	}
	e.Uint(&f[stpVersion], uint64(s.Version()))
	if cut {
		e.NoTree()
	}
	e.Uint(&f[stpType], uint64(s.Type()))
	if cut {
		e.NoTree()
	}
	if (s.Type() != STPTypeConfig && !rst) || cut {
		e.End() // a TCN, an unknown type, or too short for tshark to start
		return
	}
	emitSTPFlags(e, &f[stpFlags], s[4], rst)
	emitSTPBridgeID(e, "Root Identifier: ", s[5:13], &f[stpRootPrio], &f[stpRootExt], &f[stpRootHW])
	e.Uint(&f[stpRootCost], uint64(be32(s[13:])))
	emitSTPBridgeID(e, "Bridge Identifier: ", s[17:25], &f[stpBridgePrio], &f[stpBridgeExt], &f[stpBridgeHW])
	e.Uint(&f[stpPort], uint64(be16(s[25:])))
	for k, fi := range [...]int{stpMsgAge, stpMaxAge, stpHello, stpForward} {
		off := 27 + 2*k
		if off+2 > len(s) {
			e.End()
			return
		}
		e.Float(&f[fi], float64(be16(s[off:]))/256)
	}
	if rst {
		if len(s) < stpRSTLen {
			e.End()
			return
		}
		e.Uint(&f[stpVersion1Length], uint64(s[35]))
	}
	if s.isMST() {
		emitMST(e, s)
	} else if hdr := stpFixedLen(s); len(s) >= hdr && stpIsPVST(d, i) {
		if v, ok := stpPVSTOrigin(s, hdr); ok {
			if e.Tree() {
				e.Line(appendUint(append(e.Text(), "Originating VLAN (PVID): "...), uint64(v)))
			}
			e.Sub()
			e.Uint(&f[stpPVSTType], 0)
			e.Uint(&f[stpPVSTLen], 2)
			e.Uint(&f[stpPVSTOrigVLAN], uint64(v))
			e.Up()
		}
	}
	e.End()
}

// emitSTPBridgeID emits a bridge identifier's priority, system ID
// extension and MAC under tshark's line "Root Identifier: 32768 / 1 /
// 00:19:06:ea:b8:80" (title).
func emitSTPBridgeID(e *emitter, title string, id []byte, prioF, extF, hwF *Field) {
	prio, ext, mac := stpBridgeID(id)
	if e.Tree() {
		e.Line(appendSTPBridgeID(append(e.Text(), title...), id, " / "))
	}
	e.Sub()
	e.Uint(prioF, uint64(prio))
	e.Uint(extF, uint64(ext))
	e.MAC(hwF, mac)
	e.Up()
}

// emitSTPFlags emits a flags byte and its bits: the two of 802.1D, or all
// seven of RSTP. Its tree line names the set bits and, for RSTP, the port
// role, as tshark's bitmask does.
func emitSTPFlags(e *emitter, flags *Field, v uint8, rst bool) {
	f := &stpFields
	e.Uint(flags, uint64(v))
	if e.Tree() {
		b := appendHex2(append(append(e.Text(), flags.Label...), ": 0x"...), v)
		if rst {
			b = appendSetFlags(b, uint64(v), &f[stpFlagsTCAck], &f[stpFlagsAgreement], &f[stpFlagsForwarding], &f[stpFlagsLearning])
			b = append(b, ", Port Role: "...)
			b = append(b, stpRoleName(v>>2&3)...)
			b = appendSetFlags(b, uint64(v), &f[stpFlagsProposal], &f[stpFlagsTC])
		} else {
			b = appendSetFlags(b, uint64(v), &f[stpFlagsTCAck], &f[stpFlagsTC])
		}
		e.SetRepr(b)
	}
	e.Sub()
	e.Bool(&f[stpFlagsTCAck], v&0x80 != 0)
	if rst {
		e.Bool(&f[stpFlagsAgreement], v&0x40 != 0)
		e.Bool(&f[stpFlagsForwarding], v&0x20 != 0)
		e.Bool(&f[stpFlagsLearning], v&0x10 != 0)
		e.Uint(&f[stpFlagsPortRole], uint64(v>>2&3))
		e.Bool(&f[stpFlagsProposal], v&0x02 != 0)
	}
	e.Bool(&f[stpFlagsTC], v&0x01 != 0)
	e.Up()
}

// emitMST emits the MST extension and each MSTI record that was captured.
func emitMST(e *emitter, s STP) {
	f := &stpFields
	e.Uint(&f[mstpVersion3Length], uint64(be16(s[36:])))
	e.LineString("MST Extension")
	e.Sub()
	defer e.Up()
	e.Uint(&f[mstpConfigFormat], uint64(s[38]))
	e.Bytes(&f[mstpConfigName], stpConfigName(s))
	e.Uint(&f[mstpConfigRevision], uint64(be16(s[71:])))
	e.Bytes(&f[mstpConfigDigest], s[73:89])
	if be16(s[36:]) == 0 {
		return // the alternative (pre-standard) layout, not decoded
	}
	e.Uint(&f[mstpCISTCost], uint64(be32(s[89:])))
	emitSTPBridgeID(e, "CIST Bridge Identifier: ", s[93:101], &f[mstpCISTBridgePrio], &f[mstpCISTBridgeExt], &f[mstpCISTBridgeHW])
	e.Uint(&f[mstpCISTHops], uint64(s[101]))
	for off, left := stpMSTMinLen, s.mstiBytes(); left > 0 && off+stpMSTILen <= len(s); off, left = off+stpMSTILen, left-stpMSTILen {
		m := s[off : off+stpMSTILen]
		if e.Tree() {
			b := appendUint(append(e.Text(), "MSTID "...), uint64(be16(m[1:])&0x0fff))
			b = appendUint(append(b, ", Regional Root Identifier "...), uint64(m[1]&0xf0)<<8)
			e.Line(MAC(m[3:9]).AppendTo(append(b, " / "...)))
		}
		e.Sub()
		emitSTPFlags(e, &f[mstpMSTIFlags], m[0], true)
		e.Uint(&f[mstpMSTIPriority], uint64(m[1]>>4))
		e.Uint(&f[mstpMSTIID], uint64(be16(m[1:])&0x0fff))
		e.MAC(&f[mstpMSTIRootHW], MAC(m[3:9]))
		e.Uint(&f[mstpMSTIRootCost], uint64(be32(m[9:])))
		e.Uint(&f[mstpMSTIBridgePriority], uint64(m[13]>>4))
		e.Uint(&f[mstpMSTIPortPriority], uint64(m[14]>>4))
		e.Uint(&f[mstpMSTIHops], uint64(m[15]))
		e.Up()
	}
}

// stpConfigName returns the MST configuration name: 32 bytes padded with
// NULs, up to the first NUL.
func stpConfigName(s STP) []byte {
	b := s[39:71]
	n := 0
	for n < len(b) && b[n] != 0 {
		n++
	}
	return b[:n]
}

// stpRoleName returns Wireshark's name of a port role.
func stpRoleName(r uint8) string {
	switch r {
	case 1:
		return "Alternate or Backup"
	case 2:
		return "Root"
	case 3:
		return "Designated"
	}
	return "Unknown"
}

// appendSTPBridgeID appends "32768 / 1 / 00:19:06:ea:b8:80".
func appendSTPBridgeID(b []byte, id []byte, sep string) []byte {
	prio, ext, mac := stpBridgeID(id)
	b = strconv.AppendUint(b, uint64(prio), 10)
	b = append(b, sep...)
	b = strconv.AppendUint(b, uint64(ext), 10)
	b = append(b, sep...)
	return mac.AppendTo(b)
}

// infoSTP appends tshark's Info: "Conf. Root = 32768/1/00:19:06:ea:b8:80
// Cost = 0  Port = 0x8005", "RST. …", "MST. …", "Topology Change
// Notification".
func infoSTP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	s := STP(d.data[l.Start:l.End])
	if len(s) < 4 {
		return b
	}
	switch s.Type() {
	case STPTypeTCN:
		return append(b, "Topology Change Notification"...)
	case STPTypeConfig:
		b = append(b, "Conf. "...)
	case STPTypeRST:
		switch s.Version() {
		case 3:
			b = append(b, "MST. "...)
		case 4:
			b = append(b, "SPT. "...)
		default:
			b = append(b, "RST. "...)
		}
	default:
		b = append(b, "Unknown BPDU type ("...)
		b = strconv.AppendUint(b, uint64(s.Type()), 10)
		return append(b, ')')
	}
	if len(s) < 27 {
		return b
	}
	if s[4]&1 != 0 {
		b = append(b, "TC + "...)
	}
	b = append(b, "Root = "...)
	b = appendSTPBridgeID(b, s[5:13], "/")
	b = append(b, "  Cost = "...)
	b = strconv.AppendUint(b, uint64(be32(s[13:])), 10)
	b = append(b, "  Port = 0x"...)
	return appendHex4(b, be16(s[25:]))
}

// llcLayer returns the layer that follows an LLC header by its SAPs or,
// under SNAP, by its OUI and protocol ID: a BPDU after SAP 0x42 (an
// unnumbered information frame) or Cisco's PVST+ PID.
func llcLayer(c LLC) LayerType {
	switch {
	case !c.IsSNAP() && len(c) == 3 && c.DSAP() == stpSAP && c.SSAP() == stpSAP && c[2] == 0x03:
		return LayerSTP
	case c.IsSNAP() && c.OUI() == 0x00000c && c.PID() == stpPIDPVST:
		return LayerSTP
	case c.IsSNAP() && c.OUI() == 0x00000c && c.PID() == udldPID:
		return LayerUDLD
	case c.IsSNAP() && c.OUI() == 0x00000c && c.PID() == cdpPID:
		return LayerCDP
	case c.IsSNAP() && c.OUI() == 0x00000c && c.PID() == dtpPID:
		return LayerDTP
	case len(c) == 3 && c.DSAP() == osiSAP && c.SSAP() == osiSAP && c[2] == 0x03:
		return LayerISIS
	}
	return LayerNone
}
