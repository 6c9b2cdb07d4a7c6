package decode

import (
	"net/netip"
	"strconv"
)

// LLDP is an IEEE 802.1AB Link Layer Discovery Protocol data unit
// (EtherType 0x88cc): a sequence of TLVs, each a 16-bit header (7 bits of
// type, 9 bits of length) and its value, which must begin with the Chassis
// ID, Port ID and Time To Live TLVs and ends with the End of LLDPDU TLV:
//
//	 0             1               2
//	+-------------+-+--------------+------------------
//	| type (7)    | length (9)     | value (length bytes)
//	+-------------+-+--------------+------------------
//
// Organization specific TLVs (type 127) start their value with an OUI and
// a subtype: IEEE 802.1 (00:80:c2) and 802.3 (00:12:0f) are decoded.
type LLDP []byte

const EtherTypeLLDP = 0x88cc

// The TLV types.
const (
	LLDPEnd        = 0
	LLDPChassisID  = 1
	LLDPPortID     = 2
	LLDPTTL        = 3
	LLDPPortDesc   = 4
	LLDPSystemName = 5
	LLDPSystemDesc = 6
	LLDPSystemCap  = 7
	LLDPMgmtAddr   = 8
	LLDPOrg        = 127
)

// The organizations whose TLVs are decoded.
const (
	lldpOUI8021 = 0x0080c2
	lldpOUI8023 = 0x00120f
	lldpOUIIANA = 0x00005e
)

// LLDPTLV is one TLV: its type, and its value as far as it was captured.
type LLDPTLV struct {
	Type  uint8
	Len   int // the length the header announces
	Value []byte
}

// NextLLDPTLV returns the TLV at off within b and the offset of the next;
// ok is false when not even the header is there. A TLV whose value runs
// past b has a Value shorter than Len.
func NextLLDPTLV(b []byte, off int) (t LLDPTLV, next int, ok bool) {
	if off+2 > len(b) {
		return t, len(b), false
	}
	h := be16(b[off:])
	t.Type, t.Len = uint8(h>>9), int(h&0x1ff)
	end := off + 2 + t.Len
	t.Value = b[off+2 : min(end, len(b))]
	return t, end, true
}

// ParseLLDP returns the LLDPDU at the start of b, up to and including its
// End TLV (what follows is the frame's padding); ReasonTruncated when a
// TLV runs past b.
func ParseLLDP(b []byte) (LLDP, error) {
	off := 0
	for off < len(b) {
		t, next, ok := NextLLDPTLV(b, off)
		if !ok || next > len(b) {
			return LLDP(b[:len(b):len(b)]), ReasonTruncated
		}
		off = next
		if t.Type == LLDPEnd {
			break
		}
	}
	return LLDP(b[:off:off]), nil
}

func (d *Decoder) decodeLLDP(l *Layer) LayerType {
	// The layer keeps the bytes after the End TLV: Wireshark's trailer
	// there follows its own reckoning, which rawcap does not draw.
	_, err := ParseLLDP(d.bytes(l))
	l.Payload = l.End
	if err != nil {
		l.Malformed = err.(Reason)
	}
	return LayerNone
}

// lldpWalk visits the TLVs as Wireshark's dissector does: the Chassis ID,
// Port ID and Time To Live TLVs first (anything else there ends the
// LLDPDU as invalid), then the others up to the End TLV or a repeated
// mandatory one. fn gets each TLV with its offset and its place; it stops
// the walk by returning false. The walk returns why it stopped: "" at the
// End TLV or the end of the bytes.
func lldpWalk(p LLDP, fn func(t LLDPTLV, off, k int) bool) string {
	off := 0
	for k := 0; ; k++ {
		t, next, ok := NextLLDPTLV(p, off)
		if !ok {
			return ""
		}
		switch {
		case k == 0 && (t.Type != LLDPChassisID || !lldpIDValid(t, 4)):
			return "Invalid Chassis ID TLV"
		case k == 1 && (t.Type != LLDPPortID || !lldpIDValid(t, 3)):
			return "Invalid Port ID TLV"
		case k == 2 && (t.Type != LLDPTTL):
			return "Invalid Time-to-Live TLV"
		}
		if !fn(t, off, k) {
			return ""
		}
		if k > 2 {
			switch t.Type {
			case LLDPChassisID:
				return "Duplicate Chassis ID TLV"
			case LLDPPortID:
				return "Duplicate Port ID TLV"
			case LLDPTTL:
				return "Duplicate Time-To-Live TLV"
			case LLDPEnd:
				return ""
			}
		}
		off = next
	}
}

// lldpIDValid reports whether a Chassis or Port ID TLV has the length its
// subtype needs: a subtype and at least a byte, 6 bytes for a MAC (macSub),
// 4 or 16 for an IPv4 or IPv6 network address, at most 255 otherwise.
func lldpIDValid(t LLDPTLV, macSub uint8) bool {
	if t.Len < 2 || len(t.Value) < 1 {
		return false
	}
	switch sub := t.Value[0]; {
	case sub == macSub:
		return t.Len == 7
	case sub == macSub+1: // network address
		if len(t.Value) < 2 {
			return false
		}
		switch t.Value[1] {
		case 1:
			return t.Len == 6
		case 2:
			return t.Len == 18
		}
		return true
	}
	return t.Len <= 256
}

// lldpString returns a text value up to its first NUL, as Wireshark's
// zero-padded strings end. Its control characters stay: each output
// escapes them as tshark's does (the tree and -T fields as \n, JSON as
// JSON does).
func lldpString(b []byte) []byte {
	for i, c := range b {
		if c == 0 {
			return b[:i]
		}
	}
	return b
}

// The fields, as Wireshark registers them.
const (
	lldpTLVType = iota
	lldpTLVLen
	lldpChassisSubtype
	lldpChassisIDMAC
	lldpChassisIDIP4
	lldpChassisIDIP6
	lldpPortSubtype
	lldpPortID
	lldpPortIDMAC
	lldpPortIDIP4
	lldpPortIDIP6
	lldpNetAddrFamily
	lldpTimeToLive
	lldpPortDesc
	lldpSystemName
	lldpSystemDesc
	lldpSystemCap
	lldpSystemCapOther
	lldpSystemCapRepeater
	lldpSystemCapBridge
	lldpSystemCapWLAN
	lldpSystemCapRouter
	lldpSystemCapTelephone
	lldpSystemCapDOCSIS
	lldpSystemCapStation
	lldpEnabledCap
	lldpEnabledCapOther
	lldpEnabledCapRepeater
	lldpEnabledCapBridge
	lldpEnabledCapWLAN
	lldpEnabledCapRouter
	lldpEnabledCapTelephone
	lldpEnabledCapDOCSIS
	lldpEnabledCapStation
	lldpMgmtAddrLen
	lldpMgmtAddrSubtype
	lldpMgmtAddrIP4
	lldpMgmtAddrIP6
	lldpMgmtIfSubtype
	lldpMgmtIfNumber
	lldpMgmtOIDLen
	lldpOrgOUI
	lldp8021Subtype
	lldp8021PortVLAN
	lldp8023Subtype
	lldp8023AutoNeg
	lldp8023AutoNegSupported
	lldp8023AutoNegEnabled
	lldp8023PMDCaps
	lldp8023MAUType
	lldp8023MaxFrame
	lldp8021PPVIDFlags
	lldp8021PPVIDSupported
	lldp8021PPVIDEnabled
	lldp8021PPVID
	lldp8021VLANID
	lldp8021VLANNameLen
	lldp8021VLANName
	lldp8021ProtoIDLen
	lldp8021ProtoID
	lldp8023PMDCap0                              // 16 bits, from bit 0 up
	lldp8023PMDCapInv0 = lldp8023PMDCap0 + 16    // the same, in the inverse bit order
	lldpCNPV0          = lldp8023PMDCapInv0 + 16 // 8 bits, from priority 0 up
	lldpCNReady0       = lldpCNPV0 + 8           // 8 bits, from priority 0 up
	lldpPFCPrio0       = lldpCNReady0 + 8        // 8 bits, from priority 0 up
	lldpPFCWilling     = lldpPFCPrio0 + 8
	lldpPFCMBC         = lldpPFCWilling + 1
	lldpPFCNumTCs      = lldpPFCMBC + 1
	lldpAppReserved    = lldpPFCNumTCs + 1
	lldpAppPrio        = lldpAppReserved + 1
	lldpAppSelector    = lldpAppPrio + 1
	lldpAppProto       = lldpAppSelector + 1
	lldp8023AggStatus  = lldpAppProto + 1
	lldp8023AggCap     = lldp8023AggStatus + 1
	lldp8023AggEnabled = lldp8023AggCap + 1
	lldp8023AggPortID  = lldp8023AggEnabled + 1
	lldpIANASubtype    = lldp8023AggPortID + 1
	lldpIANAMUDURL     = lldpIANASubtype + 1
	lldpFieldCount     = lldpIANAMUDURL + 1
)

var lldpFields = [lldpFieldCount]Field{
	lldpTLVType:              {Name: "lldp.tlv.type", Label: "TLV Type", Kind: KindUint, Width: 16, Mask: 0xfe00},
	lldpTLVLen:               {Name: "lldp.tlv.len", Label: "TLV Length", Kind: KindUint, Width: 16, Mask: 0x1ff},
	lldpChassisSubtype:       {Name: "lldp.chassis.subtype", Label: "Chassis Id Subtype", Kind: KindUint, Width: 8},
	lldpChassisIDMAC:         {Name: "lldp.chassis.id.mac", Label: "Chassis Id", Kind: KindMAC},
	lldpChassisIDIP4:         {Name: "lldp.chassis.id.ip4", Label: "Chassis Id", Kind: KindIPv4},
	lldpChassisIDIP6:         {Name: "lldp.chassis.id.ip6", Label: "Chassis Id", Kind: KindIPv6},
	lldpPortSubtype:          {Name: "lldp.port.subtype", Label: "Port Id Subtype", Kind: KindUint, Width: 8},
	lldpPortID:               {Name: "lldp.port.id", Label: "Port Id", Kind: KindString},
	lldpPortIDMAC:            {Name: "lldp.port.id.mac", Label: "Port Id", Kind: KindMAC},
	lldpPortIDIP4:            {Name: "lldp.port.id.ip4", Label: "Port Id", Kind: KindIPv4},
	lldpPortIDIP6:            {Name: "lldp.port.id.ip6", Label: "Port Id", Kind: KindIPv6},
	lldpNetAddrFamily:        {Name: "lldp.network_address.subtype", Label: "Network Address family", Kind: KindUint, Width: 8},
	lldpTimeToLive:           {Name: "lldp.time_to_live", Label: "Seconds", Kind: KindUint, Width: 16},
	lldpPortDesc:             {Name: "lldp.port.desc", Label: "Port Description", Kind: KindString},
	lldpSystemName:           {Name: "lldp.tlv.system.name", Label: "System Name", Kind: KindString},
	lldpSystemDesc:           {Name: "lldp.tlv.system.desc", Label: "System Description", Kind: KindString},
	lldpSystemCap:            {Name: "lldp.tlv.system_cap", Label: "Capabilities", Kind: KindUint, Width: 16, Base: BaseHex},
	lldpSystemCapOther:       {Name: "lldp.tlv.system_cap.other", Label: "Other", Kind: KindBool, Width: 16, Mask: 0x1},
	lldpSystemCapRepeater:    {Name: "lldp.tlv.system_cap.repeater", Label: "Repeater", Kind: KindBool, Width: 16, Mask: 0x2},
	lldpSystemCapBridge:      {Name: "lldp.tlv.system_cap.bridge", Label: "Bridge", Kind: KindBool, Width: 16, Mask: 0x4},
	lldpSystemCapWLAN:        {Name: "lldp.tlv.system_cap.wlan_access_pt", Label: "WLAN access point", Kind: KindBool, Width: 16, Mask: 0x8},
	lldpSystemCapRouter:      {Name: "lldp.tlv.system_cap.router", Label: "Router", Kind: KindBool, Width: 16, Mask: 0x10},
	lldpSystemCapTelephone:   {Name: "lldp.tlv.system_cap.telephone", Label: "Telephone", Kind: KindBool, Width: 16, Mask: 0x20},
	lldpSystemCapDOCSIS:      {Name: "lldp.tlv.system_cap.docsis_cable_device", Label: "DOCSIS cable device", Kind: KindBool, Width: 16, Mask: 0x40},
	lldpSystemCapStation:     {Name: "lldp.tlv.system_cap.station_only", Label: "Station only", Kind: KindBool, Width: 16, Mask: 0x80},
	lldpEnabledCap:           {Name: "lldp.tlv.enable_system_cap", Label: "Enabled Capabilities", Kind: KindUint, Width: 16, Base: BaseHex},
	lldpEnabledCapOther:      {Name: "lldp.tlv.enable_system_cap.other", Label: "Other", Kind: KindBool, Width: 16, Mask: 0x1},
	lldpEnabledCapRepeater:   {Name: "lldp.tlv.enable_system_cap.repeater", Label: "Repeater", Kind: KindBool, Width: 16, Mask: 0x2},
	lldpEnabledCapBridge:     {Name: "lldp.tlv.enable_system_cap.bridge", Label: "Bridge", Kind: KindBool, Width: 16, Mask: 0x4},
	lldpEnabledCapWLAN:       {Name: "lldp.tlv.enable_system_cap.wlan_access_pt", Label: "WLAN access point", Kind: KindBool, Width: 16, Mask: 0x8},
	lldpEnabledCapRouter:     {Name: "lldp.tlv.enable_system_cap.router", Label: "Router", Kind: KindBool, Width: 16, Mask: 0x10},
	lldpEnabledCapTelephone:  {Name: "lldp.tlv.enable_system_cap.telephone", Label: "Telephone", Kind: KindBool, Width: 16, Mask: 0x20},
	lldpEnabledCapDOCSIS:     {Name: "lldp.tlv.enable_system_cap.docsis_cable_device", Label: "DOCSIS cable device", Kind: KindBool, Width: 16, Mask: 0x40},
	lldpEnabledCapStation:    {Name: "lldp.tlv.enable_system_cap.station_only", Label: "Station only", Kind: KindBool, Width: 16, Mask: 0x80},
	lldpMgmtAddrLen:          {Name: "lldp.mgn.address.len", Label: "Address String Length", Kind: KindUint, Width: 8},
	lldpMgmtAddrSubtype:      {Name: "lldp.mgn.address.subtype", Label: "Address Subtype", Kind: KindUint, Width: 8},
	lldpMgmtAddrIP4:          {Name: "lldp.mgn.addr.ip4", Label: "Management Address", Kind: KindIPv4},
	lldpMgmtAddrIP6:          {Name: "lldp.mgn.addr.ip6", Label: "Management Address", Kind: KindIPv6},
	lldpMgmtIfSubtype:        {Name: "lldp.mgn.interface.subtype", Label: "Interface Subtype", Kind: KindUint, Width: 8},
	lldpMgmtIfNumber:         {Name: "lldp.mgn.interface.number", Label: "Interface Number", Kind: KindUint, Width: 32},
	lldpMgmtOIDLen:           {Name: "lldp.mgn.obj.len", Label: "OID String Length", Kind: KindUint, Width: 8},
	lldpOrgOUI:               {Name: "lldp.orgtlv.oui", Label: "Organization Unique Code", Kind: KindUint, Width: 24},
	lldp8021Subtype:          {Name: "lldp.ieee.802_1.subtype", Label: "IEEE 802.1 Subtype", Kind: KindUint, Width: 8, Base: BaseHex},
	lldp8021PortVLAN:         {Name: "lldp.ieee.802_1.port_vlan.id", Label: "Port VLAN Identifier", Kind: KindUint, Width: 16, Base: BaseDecHex},
	lldp8023Subtype:          {Name: "lldp.ieee.802_3.subtype", Label: "IEEE 802.3 Subtype", Kind: KindUint, Width: 8, Base: BaseHex},
	lldp8023AutoNeg:          {Name: "lldp.ieee.802_3.mac_phy_auto_neg_status", Label: "Auto-Negotiation Support/Status", Kind: KindUint, Width: 8, Base: BaseHex},
	lldp8023AutoNegSupported: {Name: "lldp.ieee.802_3.mac_phy_auto_neg_status.supported", Label: "Auto-Negotiation", Kind: KindBool, Width: 8, Mask: 0x1},
	lldp8023AutoNegEnabled:   {Name: "lldp.ieee.802_3.mac_phy_auto_neg_status.enabled", Label: "Auto-Negotiation", Kind: KindBool, Width: 8, Mask: 0x2},
	lldp8023PMDCaps:          {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps", Label: "PMD Auto-Negotiation Advertised Capability", Kind: KindUint, Width: 16, Base: BaseHex},
	lldp8023MAUType:          {Name: "lldp.ieee.802_3.pmd_mau_type", Label: "Operational MAU Type", Kind: KindUint, Width: 16, Base: BaseHex},
	lldp8023MaxFrame:         {Name: "lldp.ieee.802_3.max_frame_size", Label: "Maximum Frame Size", Kind: KindUint, Width: 16},
	lldp8021PPVIDFlags:       {Name: "lldp.ieee.802_1.port_and_vlan_id_flag", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	lldp8021PPVIDSupported:   {Name: "lldp.ieee.802_1.port_and_vlan_id_flag.supported", Label: "Port and Protocol VLAN", Kind: KindBool, Width: 8, Mask: 0x2},
	lldp8021PPVIDEnabled:     {Name: "lldp.ieee.802_1.port_and_vlan_id_flag.enabled", Label: "Port and Protocol VLAN", Kind: KindBool, Width: 8, Mask: 0x4},
	lldp8021PPVID:            {Name: "lldp.ieee.802_1.port_proto_vlan.id", Label: "Port and Protocol VLAN Identifier", Kind: KindUint, Width: 16, Base: BaseDecHex},
	lldp8021VLANID:           {Name: "lldp.ieee.802_1.vlan.id", Label: "VLAN Identifier", Kind: KindUint, Width: 16, Base: BaseDecHex},
	lldp8021VLANNameLen:      {Name: "lldp.ieee.802_1.vlan.name_len", Label: "VLAN Name Length", Kind: KindUint, Width: 8},
	lldp8021VLANName:         {Name: "lldp.ieee.802_1.vlan.name", Label: "VLAN Name", Kind: KindString},
	lldp8021ProtoIDLen:       {Name: "lldp.ieee.802_1.proto.id_length", Label: "Protocol Identity Length", Kind: KindUint, Width: 8},
	lldp8021ProtoID:          {Name: "lldp.ieee.802_1.proto.id", Label: "Protocol Identity", Kind: KindBytes},
	lldp8023PMDCap0 + 0:      {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps.1000base_tfd", Label: "1000BASE-T (full duplex mode)", Kind: KindBool, Width: 16, Mask: 0x1},
	lldp8023PMDCap0 + 1:      {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps.1000base_t", Label: "1000BASE-T (half duplex mode)", Kind: KindBool, Width: 16, Mask: 0x2},
	lldp8023PMDCap0 + 2:      {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps.1000base_xfd", Label: "1000BASE-X (-LX, -SX, -CX full duplex mode)", Kind: KindBool, Width: 16, Mask: 0x4},
	lldp8023PMDCap0 + 3:      {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps.1000base_x", Label: "1000BASE-X (-LX, -SX, -CX half duplex mode)", Kind: KindBool, Width: 16, Mask: 0x8},
	lldp8023PMDCap0 + 4:      {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps.fdx_bpause", Label: "Asymmetric and Symmetric PAUSE (for full-duplex links)", Kind: KindBool, Width: 16, Mask: 0x10},
	lldp8023PMDCap0 + 5:      {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps.fdx_spause", Label: "Symmetric PAUSE (for full-duplex links)", Kind: KindBool, Width: 16, Mask: 0x20},
	lldp8023PMDCap0 + 6:      {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps.fdx_apause", Label: "Asymmetric PAUSE (for full-duplex links)", Kind: KindBool, Width: 16, Mask: 0x40},
	lldp8023PMDCap0 + 7:      {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps.fdx_pause", Label: "PAUSE (for full-duplex links)", Kind: KindBool, Width: 16, Mask: 0x80},
	lldp8023PMDCap0 + 8:      {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps.100base_t2fd", Label: "100BASE-T2 (full duplex mode)", Kind: KindBool, Width: 16, Mask: 0x100},
	lldp8023PMDCap0 + 9:      {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps.100base_t2", Label: "100BASE-T2 (half duplex mode)", Kind: KindBool, Width: 16, Mask: 0x200},
	lldp8023PMDCap0 + 10:     {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps.100base_txfd", Label: "100BASE-TX (full duplex mode)", Kind: KindBool, Width: 16, Mask: 0x400},
	lldp8023PMDCap0 + 11:     {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps.100base_tx", Label: "100BASE-TX (half duplex mode)", Kind: KindBool, Width: 16, Mask: 0x800},
	lldp8023PMDCap0 + 12:     {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps.100base_t4", Label: "100BASE-T4", Kind: KindBool, Width: 16, Mask: 0x1000},
	lldp8023PMDCap0 + 13:     {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps.10base_tfd", Label: "10BASE-T (full duplex mode)", Kind: KindBool, Width: 16, Mask: 0x2000},
	lldp8023PMDCap0 + 14:     {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps.10base_t", Label: "10BASE-T (half duplex mode)", Kind: KindBool, Width: 16, Mask: 0x4000},
	lldp8023PMDCap0 + 15:     {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps.other", Label: "Other or unknown", Kind: KindBool, Width: 16, Mask: 0x8000},
	lldp8023PMDCapInv0 + 0:   {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps_inv.1000base_tfd", Label: "1000BASE-T (full duplex mode)", Kind: KindBool, Width: 16, Mask: 0x8000},
	lldp8023PMDCapInv0 + 1:   {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps_inv.1000base_t", Label: "1000BASE-T (half duplex mode)", Kind: KindBool, Width: 16, Mask: 0x4000},
	lldp8023PMDCapInv0 + 2:   {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps_inv.1000base_xfd", Label: "1000BASE-X (-LX, -SX, -CX full duplex mode)", Kind: KindBool, Width: 16, Mask: 0x2000},
	lldp8023PMDCapInv0 + 3:   {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps_inv.1000base_x", Label: "1000BASE-X (-LX, -SX, -CX half duplex mode)", Kind: KindBool, Width: 16, Mask: 0x1000},
	lldp8023PMDCapInv0 + 4:   {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps_inv.fdx_bpause", Label: "Asymmetric and Symmetric PAUSE (for full-duplex links)", Kind: KindBool, Width: 16, Mask: 0x800},
	lldp8023PMDCapInv0 + 5:   {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps_inv.fdx_spause", Label: "Symmetric PAUSE (for full-duplex links)", Kind: KindBool, Width: 16, Mask: 0x400},
	lldp8023PMDCapInv0 + 6:   {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps_inv.fdx_apause", Label: "Asymmetric PAUSE (for full-duplex links)", Kind: KindBool, Width: 16, Mask: 0x200},
	lldp8023PMDCapInv0 + 7:   {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps_inv.fdx_pause", Label: "PAUSE (for full-duplex links)", Kind: KindBool, Width: 16, Mask: 0x100},
	lldp8023PMDCapInv0 + 8:   {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps_inv.100base_t2fd", Label: "100BASE-T2 (full duplex mode)", Kind: KindBool, Width: 16, Mask: 0x80},
	lldp8023PMDCapInv0 + 9:   {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps_inv.100base_t2", Label: "100BASE-T2 (half duplex mode)", Kind: KindBool, Width: 16, Mask: 0x40},
	lldp8023PMDCapInv0 + 10:  {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps_inv.100base_txfd", Label: "100BASE-TX (full duplex mode)", Kind: KindBool, Width: 16, Mask: 0x20},
	lldp8023PMDCapInv0 + 11:  {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps_inv.100base_tx", Label: "100BASE-TX (half duplex mode)", Kind: KindBool, Width: 16, Mask: 0x10},
	lldp8023PMDCapInv0 + 12:  {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps_inv.100base_t4", Label: "100BASE-T4", Kind: KindBool, Width: 16, Mask: 0x8},
	lldp8023PMDCapInv0 + 13:  {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps_inv.10base_tfd", Label: "10BASE-T (full duplex mode)", Kind: KindBool, Width: 16, Mask: 0x4},
	lldp8023PMDCapInv0 + 14:  {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps_inv.10base_t", Label: "10BASE-T (half duplex mode)", Kind: KindBool, Width: 16, Mask: 0x2},
	lldp8023PMDCapInv0 + 15:  {Name: "lldp.ieee.802_3.pmd_auto_neg_advertised_caps_inv.other", Label: "Other or unknown", Kind: KindBool, Width: 16, Mask: 0x1},
	lldpCNPV0 + 0:            {Name: "lldp.ieee.802_1qau.cnpv.prio0", Label: "Priority 0 CNPV Capability", Kind: KindBool, Width: 8, Mask: 0x1},
	lldpCNPV0 + 1:            {Name: "lldp.ieee.802_1qau.cnpv.prio1", Label: "Priority 1 CNPV Capability", Kind: KindBool, Width: 8, Mask: 0x2},
	lldpCNPV0 + 2:            {Name: "lldp.ieee.802_1qau.cnpv.prio2", Label: "Priority 2 CNPV Capability", Kind: KindBool, Width: 8, Mask: 0x4},
	lldpCNPV0 + 3:            {Name: "lldp.ieee.802_1qau.cnpv.prio3", Label: "Priority 3 CNPV Capability", Kind: KindBool, Width: 8, Mask: 0x8},
	lldpCNPV0 + 4:            {Name: "lldp.ieee.802_1qau.cnpv.prio4", Label: "Priority 4 CNPV Capability", Kind: KindBool, Width: 8, Mask: 0x10},
	lldpCNPV0 + 5:            {Name: "lldp.ieee.802_1qau.cnpv.prio5", Label: "Priority 5 CNPV Capability", Kind: KindBool, Width: 8, Mask: 0x20},
	lldpCNPV0 + 6:            {Name: "lldp.ieee.802_1qau.cnpv.prio6", Label: "Priority 6 CNPV Capability", Kind: KindBool, Width: 8, Mask: 0x40},
	lldpCNPV0 + 7:            {Name: "lldp.ieee.802_1qau.cnpv.prio7", Label: "Priority 7 CNPV Capability", Kind: KindBool, Width: 8, Mask: 0x80},
	lldpCNReady0 + 0:         {Name: "lldp.ieee.802_1qau.ready.prio0", Label: "Priority 0 Ready Indicator", Kind: KindBool, Width: 8, Mask: 0x1},
	lldpCNReady0 + 1:         {Name: "lldp.ieee.802_1qau.ready.prio1", Label: "Priority 1 Ready Indicator", Kind: KindBool, Width: 8, Mask: 0x2},
	lldpCNReady0 + 2:         {Name: "lldp.ieee.802_1qau.ready.prio2", Label: "Priority 2 Ready Indicator", Kind: KindBool, Width: 8, Mask: 0x4},
	lldpCNReady0 + 3:         {Name: "lldp.ieee.802_1qau.ready.prio3", Label: "Priority 3 Ready Indicator", Kind: KindBool, Width: 8, Mask: 0x8},
	lldpCNReady0 + 4:         {Name: "lldp.ieee.802_1qau.ready.prio4", Label: "Priority 4 Ready Indicator", Kind: KindBool, Width: 8, Mask: 0x10},
	lldpCNReady0 + 5:         {Name: "lldp.ieee.802_1qau.ready.prio5", Label: "Priority 5 Ready Indicator", Kind: KindBool, Width: 8, Mask: 0x20},
	lldpCNReady0 + 6:         {Name: "lldp.ieee.802_1qau.ready.prio6", Label: "Priority 6 Ready Indicator", Kind: KindBool, Width: 8, Mask: 0x40},
	lldpCNReady0 + 7:         {Name: "lldp.ieee.802_1qau.ready.prio7", Label: "Priority 7 Ready Indicator", Kind: KindBool, Width: 8, Mask: 0x80},
	lldpPFCPrio0 + 0:         {Name: "lldp.dcbx.feature.pfc.prio0", Label: "PFC for Priority 0", Kind: KindBool, Width: 8, Mask: 0x1},
	lldpPFCPrio0 + 1:         {Name: "lldp.dcbx.feature.pfc.prio1", Label: "PFC for Priority 1", Kind: KindBool, Width: 8, Mask: 0x2},
	lldpPFCPrio0 + 2:         {Name: "lldp.dcbx.feature.pfc.prio2", Label: "PFC for Priority 2", Kind: KindBool, Width: 8, Mask: 0x4},
	lldpPFCPrio0 + 3:         {Name: "lldp.dcbx.feature.pfc.prio3", Label: "PFC for Priority 3", Kind: KindBool, Width: 8, Mask: 0x8},
	lldpPFCPrio0 + 4:         {Name: "lldp.dcbx.feature.pfc.prio4", Label: "PFC for Priority 4", Kind: KindBool, Width: 8, Mask: 0x10},
	lldpPFCPrio0 + 5:         {Name: "lldp.dcbx.feature.pfc.prio5", Label: "PFC for Priority 5", Kind: KindBool, Width: 8, Mask: 0x20},
	lldpPFCPrio0 + 6:         {Name: "lldp.dcbx.feature.pfc.prio6", Label: "PFC for Priority 6", Kind: KindBool, Width: 8, Mask: 0x40},
	lldpPFCPrio0 + 7:         {Name: "lldp.dcbx.feature.pfc.prio7", Label: "PFC for Priority 7", Kind: KindBool, Width: 8, Mask: 0x80},
	lldpPFCWilling:           {Name: "lldp.dcbx.ieee.willing", Label: "Willing", Kind: KindBool, Width: 8, Mask: 0x80},
	lldpPFCMBC:               {Name: "lldp.dcbx.ieee.pfc.mbc", Label: "MACsec Bypass Capability", Kind: KindBool, Width: 8, Mask: 0x40},
	lldpPFCNumTCs:            {Name: "lldp.dcbx.ieee.pfc.numtcs", Label: "Max PFC Enabled Traffic Classes", Kind: KindUint, Width: 8, Mask: 0xf},
	lldpAppReserved:          {Name: "lldp.dcbx.ieee.app.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex},
	lldpAppPrio:              {Name: "lldp.dcbx.ieee.app.prio", Label: "Application Priority", Kind: KindUint, Width: 8, Mask: 0xe0},
	lldpAppSelector:          {Name: "lldp.dcbx.iee.app.sf", Label: "Application Selector", Kind: KindUint, Width: 8, Mask: 0x7},
	lldpAppProto:             {Name: "lldp.dcbx.feature.app.proto", Label: "Application Protocol Id", Kind: KindUint, Width: 16, Base: BaseHex},
	lldp8023AggStatus:        {Name: "lldp.ieee.802_3.aggregation_status", Label: "Aggregation Status", Kind: KindUint, Width: 8, Base: BaseHex},
	lldp8023AggCap:           {Name: "lldp.ieee.802_3.aggregation_status.cap", Label: "Aggregation Capability", Kind: KindBool, Width: 8, Mask: 0x1},
	lldp8023AggEnabled:       {Name: "lldp.ieee.802_3.aggregation_status.enabled", Label: "Aggregation Status", Kind: KindBool, Width: 8, Mask: 0x2},
	lldp8023AggPortID:        {Name: "lldp.ieee.802_3.aggregated_port_id", Label: "Aggregated Port Id", Kind: KindUint, Width: 32},
	lldpIANASubtype:          {Name: "lldp.iana.subtype", Label: "IANA Subtype", Kind: KindUint, Width: 8, Base: BaseHex},
	lldpIANAMUDURL:           {Name: "lldp.iana.mudurl", Label: "Manufacturer Usage Description URL", Kind: KindString},
}

var protoLLDP = protoField("lldp", "Link Layer Discovery Protocol")

// emitLLDP emits every TLV's type and length, and the values of the TLVs
// rawcap decodes. The tree draws each TLV it knows under a title line; a
// TLV it does not know is left out of it, and a TLV tshark stops at ends it.
func emitLLDP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoLLDP)
	f := &lldpFields
	cut := false
	p := LLDP(d.data[l.Start:l.End])
	at, n := 0, 0 // where the next TLV starts, and its place
	why := lldpWalk(p, func(t LLDPTLV, off, k int) bool {
		at, n = off+2+t.Len, k+1
		if e.Tree() {
			if len(t.Value) < t.Len {
				return false
			}
			switch lldpTreeTitle(e, t, k) {
			case lldpStop:
				return false
			case lldpSkip:
				return true
			}
			e.Sub()
			defer e.Up()
		}
		h := uint64(t.Type)<<9 | uint64(t.Len)
		e.Uint(&f[lldpTLVType], h>>9)
		e.Uint(&f[lldpTLVLen], h&0x1ff)
		if len(t.Value) < t.Len {
			return false // cut short: tshark stops at the exception
		}
		v := t.Value
		if len(v) == 0 {
			if f := lldpTextField(t.Type); f != nil && e.Tree() {
				e.Bytes(f, nil) // an empty text still has its line
			}
			return true
		}
		switch t.Type {
		case LLDPChassisID:
			e.Uint(&f[lldpChassisSubtype], uint64(v[0]))
			switch {
			case v[0] == 4 && t.Len == 7:
				e.MAC(&f[lldpChassisIDMAC], MAC(v[1:7]))
			case v[0] == 5 && len(v) >= 2:
				emitLLDPNetAddr(e, t, lldpChassisIDIP4, lldpChassisIDIP6)
			}
		case LLDPPortID:
			e.Uint(&f[lldpPortSubtype], uint64(v[0]))
			switch {
			case v[0] == 3 && t.Len == 7:
				e.MAC(&f[lldpPortIDMAC], MAC(v[1:7]))
			case v[0] == 4 && len(v) >= 2:
				emitLLDPNetAddr(e, t, lldpPortIDIP4, lldpPortIDIP6)
			case v[0] == 1 || v[0] == 5 || v[0] == 6 || v[0] == 7:
				e.Bytes(&f[lldpPortID], lldpString(v[1:]))
			}
		case LLDPTTL:
			if len(v) >= 2 {
				e.Uint(&f[lldpTimeToLive], uint64(be16(v)))
			}
		case LLDPPortDesc:
			e.Bytes(&f[lldpPortDesc], lldpString(v))
		case LLDPSystemName:
			e.Bytes(&f[lldpSystemName], lldpString(v))
		case LLDPSystemDesc:
			e.Bytes(&f[lldpSystemDesc], lldpString(v))
		case LLDPSystemCap:
			if len(v) >= 4 {
				emitLLDPCaps(e, lldpSystemCap, be16(v))
				emitLLDPCaps(e, lldpEnabledCap, be16(v[2:]))
			}
		case LLDPMgmtAddr:
			emitLLDPMgmt(e, v)
		case LLDPOrg:
			if !emitLLDPOrg(e, v) {
				cut = true
				return false
			}
		}
		return true
	})
	if why != "" && n < 2 && e.Tree() {
		lldpInvalidIDLine(e, p, at, n)
	}
	e.End()
	if cut {
		e.TreeException("LLDP")
	}
}

// lldpInvalidIDLine adds, in a tree list, the line and the warning tshark
// draws where the TLV at off, the LLDPDU's k-th (0: Chassis ID, 1: Port
// ID), is of another type: "Invalid Chassis ID (0x7F), expected (0x01)".
func lldpInvalidIDLine(e *emitter, p LLDP, off, k int) {
	t, _, ok := NextLLDPTLV(p, off)
	want := uint8(LLDPChassisID + k)
	if !ok || t.Type == want {
		return
	}
	msg := "Invalid Chassis ID (0x"
	if k == 1 {
		msg = "Invalid Port ID (0x"
	}
	var arg [24]byte
	a := append(arg[:0], upperHex[t.Type>>4], upperHex[t.Type&15])
	a = append(append(a, "), expected (0x"...), upperHex[want>>4], upperHex[want&15], ')')
	e.Line(append(append(e.Text(), msg...), a...))
	e.Sub()
	e.ExpertLine("Warning", "Malformed", msg, a)
	e.Up()
}

// What the tree does with a TLV (lldpTreeTitle).
const (
	lldpDraw = iota // drawn under its title
	lldpSkip        // left out
	lldpStop        // tshark stops there
)

// lldpTreeTitle adds, in a tree list, the title line tshark draws over the
// TLV k ("Chassis Subtype = MAC address, Id: …", "Time To Live = 120 sec",
// "IEEE - Port VLAN ID") and says whether the TLV is drawn.
func lldpTreeTitle(e *emitter, t LLDPTLV, k int) int {
	v := t.Value
	b := e.Text()
	switch t.Type {
	case LLDPChassisID, LLDPPortID:
		if len(v) == 0 || k > 2 || !lldpIDValid(t, 4-uint8(t.Type-1)) {
			return lldpStop
		}
		port := t.Type == LLDPPortID
		if port {
			b = append(append(b, "Port Subtype = "...), lldpPortSubtypeName(v[0])...)
		} else {
			b = append(append(b, "Chassis Subtype = "...), lldpChassisSubtypeName(v[0])...)
		}
		b = appendLLDPID(append(b, ", Id: "...), v, port)
	case LLDPTTL:
		if len(v) < 2 {
			return lldpStop
		}
		b = append(appendUint(append(b, "Time To Live = "...), uint64(be16(v))), " sec"...)
	case LLDPPortDesc, LLDPSystemName, LLDPSystemDesc:
		b = appendTreeText(append(append(b, lldpTextField(t.Type).Label...), " = "...), lldpString(v))
	case LLDPSystemCap:
		if len(v) < 4 {
			return lldpStop
		}
		b = append(b, "Capabilities"...)
	case LLDPMgmtAddr:
		if len(v) < 2 {
			return lldpStop
		}
		if !lldpMgmtDrawn(v) {
			return lldpSkip
		}
		b = append(b, "Management Address"...)
	case LLDPOrg:
		org, _, name := lldpOrgNames(v)
		if name == "" {
			return lldpSkip
		}
		b = append(append(append(b, org...), " - "...), name...)
	case LLDPEnd:
		b = append(b, "End of LLDPDU"...)
	default:
		if t.Type < 9 || t.Type > 126 {
			return lldpSkip
		}
		b = append(b, "Unknown TLV"...)
	}
	e.Line(b)
	return lldpDraw
}

// lldpMgmtDrawn reports whether tshark's tree shows a Management Address
// TLV the way rawcap draws it: an IPv4 or IPv6 address, an interface, no
// OID.
func lldpMgmtDrawn(v []byte) bool {
	n := int(v[0])
	switch {
	case v[1] == 1 && len(v) >= 6, v[1] == 2 && len(v) >= 18:
	default:
		return false
	}
	rest := v[min(1+n, len(v)):]
	return n >= 1 && len(rest) >= 6 && (len(rest) == 6 || rest[5] == 0)
}

// lldpOrgNames returns an IEEE 802.1 or 802.3 TLV's organization as
// tshark's title and OUI line write it, and its subtype's name; "" for
// the others.
func lldpOrgNames(v []byte) (org, oui, name string) {
	if len(v) < 4 {
		return "", "", ""
	}
	switch uint32(v[0])<<16 | uint32(v[1])<<8 | uint32(v[2]) {
	case lldpOUI8021:
		return "IEEE", "00:80:c2 (IEEE)", lldp8021SubtypeName(v[3])
	case lldpOUI8023:
		return "Ieee 802.3", "00:12:0f (Ieee 802.3)", lldp8023SubtypeName(v[3])
	case lldpOUIIANA:
		if v[3] != 1 || len(v) < 5 {
			return "", "", ""
		}
		// tshark's OUI line cuts the organization's name short.
		return "ICANN, IANA Department", "00:00:5e (ICANN, IANA Departmen", "Manufacturer Usage Description URL"
	}
	return "", "", ""
}

// emitLLDPNetAddr emits a network address ID's family and, with the length
// its family needs, its IPv4 or IPv6 address (fields k4, k6). The tree
// shows neither for a family other than those two.
func emitLLDPNetAddr(e *emitter, t LLDPTLV, k4, k6 int) {
	f := &lldpFields
	v := t.Value
	e.Uint(&f[lldpNetAddrFamily], uint64(v[1]))
	if v[1] == 1 && t.Len == 6 {
		e.IPv4(&f[k4], v[2:6])
	} else if v[1] == 2 && t.Len == 18 {
		e.IPv6(&f[k6], v[2:18])
	} else {
		e.NoTree()
	}
}

// emitLLDPCaps emits a capabilities word and its eight bits, whose fields
// follow the word's in the table.
func emitLLDPCaps(e *emitter, k int, v uint16) {
	f := &lldpFields
	e.Uint(&f[k], uint64(v))
	e.Sub()
	for b := range 8 {
		e.Bool(&f[k+1+b], v&(1<<b) != 0)
	}
	e.Up()
}

// emitLLDPMgmt emits a Management Address TLV with an IPv4 or IPv6
// address whose parts are all there.
func emitLLDPMgmt(e *emitter, v []byte) {
	f := &lldpFields
	if len(v) < 2 {
		return
	}
	n := int(v[0])
	e.Uint(&f[lldpMgmtAddrLen], uint64(n))
	e.Uint(&f[lldpMgmtAddrSubtype], uint64(v[1]))
	switch {
	case v[1] == 1 && len(v) >= 6:
		e.IPv4(&f[lldpMgmtAddrIP4], v[2:6])
	case v[1] == 2 && len(v) >= 18:
		e.IPv6(&f[lldpMgmtAddrIP6], v[2:18])
	default:
		return
	}
	rest := v[min(1+n, len(v)):]
	if n < 1 || len(rest) < 6 {
		return
	}
	if e.Tree() && rest[0] != 1 && rest[0] != 2 {
		return // tshark's tree stops at an interface subtype it does not know
	}
	e.Uint(&f[lldpMgmtIfSubtype], uint64(rest[0]))
	e.Uint(&f[lldpMgmtIfNumber], uint64(be32(rest[1:])))
	e.Uint(&f[lldpMgmtOIDLen], uint64(rest[5]))
}

// emitLLDPOrg emits an organization specific TLV's OUI and, for IEEE 802.1
// and 802.3, its subtype and the values of the subtypes rawcap decodes. It
// returns false where tshark's dissector meets the end of a TLV too short
// for what its subtype holds (an exception: the LLDPDU ends there).
func emitLLDPOrg(e *emitter, v []byte) bool {
	f := &lldpFields
	if len(v) < 4 {
		return true
	}
	oui := uint32(v[0])<<16 | uint32(v[1])<<8 | uint32(v[2])
	e.Uint(&f[lldpOrgOUI], uint64(oui))
	if e.Tree() {
		_, name, _ := lldpOrgNames(v)
		e.SetRepr(append(append(e.Text(), "Organization Unique Code: "...), name...))
	}
	sub, v := v[3], v[4:]
	switch oui {
	case lldpOUI8021:
		e.Uint(&f[lldp8021Subtype], uint64(sub))
		switch {
		case sub == 1 && len(v) >= 2:
			e.Uint(&f[lldp8021PortVLAN], uint64(be16(v)))
		case sub == 2 && len(v) >= 3:
			e.Uint(&f[lldp8021PPVIDFlags], uint64(v[0]))
			e.Sub()
			e.Bool(&f[lldp8021PPVIDSupported], v[0]&2 != 0)
			e.Bool(&f[lldp8021PPVIDEnabled], v[0]&4 != 0)
			e.Up()
			e.Uint(&f[lldp8021PPVID], uint64(be16(v[1:])))
		case sub == 3 && len(v) >= 3 && len(v) >= 3+int(v[2]):
			e.Uint(&f[lldp8021VLANID], uint64(be16(v)))
			e.Uint(&f[lldp8021VLANNameLen], uint64(v[2]))
			e.Bytes(&f[lldp8021VLANName], lldpString(v[3:3+int(v[2])]))
		case sub == 4 && len(v) >= 1 && len(v) >= 1+int(v[0]):
			e.Uint(&f[lldp8021ProtoIDLen], uint64(v[0]))
			e.Bytes(&f[lldp8021ProtoID], v[1:1+int(v[0])])
		case sub == 8:
			for k, b := range v[:min(len(v), 2)] {
				first := lldpCNPV0 + 8*k
				for j := range 8 {
					e.BoolBits(&f[first+j], uint64(b))
				}
			}
			return len(v) >= 2
		case sub == 11:
			if len(v) >= 1 {
				e.BoolBits(&f[lldpPFCWilling], uint64(v[0]))
				e.BoolBits(&f[lldpPFCMBC], uint64(v[0]))
				e.UintBits(&f[lldpPFCNumTCs], uint64(v[0]))
			}
			if len(v) >= 2 {
				for j := range 8 {
					e.BoolBits(&f[lldpPFCPrio0+j], uint64(v[1]))
				}
			}
			return len(v) >= 2
		case sub == 12:
			if len(v) < 1 {
				return false
			}
			e.Uint(&f[lldpAppReserved], uint64(v[0]))
			for a := v[1:]; len(a) >= 3; a = a[3:] {
				if e.Tree() {
					e.LineString(lldpAppName(be16(a[1:])))
					e.Sub()
				}
				e.UintBits(&f[lldpAppPrio], uint64(a[0]))
				e.UintBits(&f[lldpAppSelector], uint64(a[0]))
				e.Uint(&f[lldpAppProto], uint64(be16(a[1:])))
				if e.Tree() {
					e.Up()
				}
			}
		}
	case lldpOUI8023:
		e.Uint(&f[lldp8023Subtype], uint64(sub))
		switch {
		case sub == 1 && len(v) >= 5:
			e.Uint(&f[lldp8023AutoNeg], uint64(v[0]))
			e.Sub()
			e.Bool(&f[lldp8023AutoNegSupported], v[0]&1 != 0)
			e.Bool(&f[lldp8023AutoNegEnabled], v[0]&2 != 0)
			e.Up()
			caps := uint64(be16(v[1:]))
			e.Uint(&f[lldp8023PMDCaps], caps)
			e.Sub()
			for k := range 16 {
				e.BoolBits(&f[lldp8023PMDCap0+k], caps)
			}
			e.Up()
			e.LineString("Same in inverse (wrong) bitorder")
			e.Sub()
			for k := range 16 {
				e.BoolBits(&f[lldp8023PMDCapInv0+k], caps)
			}
			e.Up()
			e.Uint(&f[lldp8023MAUType], uint64(be16(v[3:])))
			if f[lldp8023MAUType].ValueNames().Name(uint64(be16(v[3:]))) == "" {
				e.NoTree() // tshark's tree stops before a type it has no name for
			}
		case sub == 3 && len(v) >= 5:
			if e.Tree() {
				e.Sub()
				e.ExpertLine("Warning", "Protocol", "TLV has been deprecated", nil)
				e.Up()
			}
			e.Uint(&f[lldp8023AggStatus], uint64(v[0]))
			e.Sub()
			e.BoolBits(&f[lldp8023AggCap], uint64(v[0]))
			e.BoolBits(&f[lldp8023AggEnabled], uint64(v[0]))
			e.Up()
			e.Uint(&f[lldp8023AggPortID], uint64(be32(v[1:])))
		case sub == 4 && len(v) >= 2:
			e.Uint(&f[lldp8023MaxFrame], uint64(be16(v)))
		}
	case lldpOUIIANA:
		e.Uint(&f[lldpIANASubtype], uint64(sub))
		if sub == 1 && len(v) > 0 {
			e.Bytes(&f[lldpIANAMUDURL], lldpString(v))
		}
	}
	return true
}

// lldpAppName returns the title tshark gives an Application Protocol
// TLV's entry: it names the protocol by its ID alone, whatever the
// selector says.
func lldpAppName(id uint16) string {
	switch id {
	case 0x8906:
		return "FCoE Application"
	case 0x8914:
		return "FiP Application"
	case 3260:
		return "iSCSI Application"
	}
	return "Unknown Application"
}

// lldpTextField returns the field of a text TLV's value (nil: not one).
func lldpTextField(typ uint8) *Field {
	switch typ {
	case LLDPPortDesc:
		return &lldpFields[lldpPortDesc]
	case LLDPSystemName:
		return &lldpFields[lldpSystemName]
	case LLDPSystemDesc:
		return &lldpFields[lldpSystemDesc]
	}
	return nil
}

// lldpSubtypeAbbrev returns Wireshark's Info abbreviation of a Chassis ID
// (port false) or Port ID subtype.
func lldpSubtypeAbbrev(sub uint8, port bool) string {
	if port {
		switch sub {
		case 1:
			return "IA"
		case 2:
			return "PC"
		case 3:
			return "MA"
		case 4:
			return "NA"
		case 5:
			return "IN"
		case 6:
			return "AC"
		case 7:
			return "LA"
		}
		return "Rs"
	}
	switch sub {
	case 1:
		return "CC"
	case 2:
		return "IA"
	case 3:
		return "PC"
	case 4:
		return "MA"
	case 5:
		return "NA"
	case 6:
		return "IN"
	case 7:
		return "LA"
	}
	return "Rs"
}

// appendLLDPID appends the identifier of a Chassis ID or Port ID TLV as
// Wireshark writes it in the subtree's title and the Info: a MAC, an IP
// address, hex for a component or another address family, or the text.
func appendLLDPID(b []byte, v []byte, port bool) []byte {
	mac, net, comp := uint8(4), uint8(5), uint8(3)
	if port {
		mac, net, comp = 3, 4, 2
	}
	switch sub := v[0]; {
	case sub == mac:
		return MAC(v[1:7]).AppendTo(b)
	case sub == net:
		switch {
		case v[1] == 1 && len(v) == 6:
			return netip.AddrFrom4([4]byte(v[2:6])).AppendTo(b)
		case v[1] == 2 && len(v) == 18:
			return netip.AddrFrom16([16]byte(v[2:18])).AppendTo(b)
		}
		return appendHexBytes(b, v[2:])
	case sub == comp:
		return appendHexBytes(b, v[1:])
	case sub >= 1 && sub <= 7:
		return appendTreeText(b, lldpString(v[1:]))
	}
	return append(b, "Reserved"...)
}

// infoLLDP appends tshark's Info: "MA/00:19:2f:a7:b2:8d IA/Uplink to S1
// 120 SysN=S2.cisco.com SysD=… ", or the reason the LLDPDU is invalid.
func infoLLDP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	start := len(b)
	why := lldpWalk(LLDP(d.data[l.Start:l.End]), func(t LLDPTLV, off, k int) bool {
		if len(t.Value) < t.Len {
			return false
		}
		switch {
		case k == 0:
			b = append(b, lldpSubtypeAbbrev(t.Value[0], false)...)
			b = append(b, '/')
			b = appendLLDPID(b, t.Value, false)
			b = append(b, ' ')
		case k == 1:
			b = append(b, lldpSubtypeAbbrev(t.Value[0], true)...)
			b = append(b, '/')
			b = appendLLDPID(b, t.Value, true)
			b = append(b, ' ')
		case k == 2:
			if len(t.Value) < 2 {
				return false
			}
			b = strconv.AppendUint(b, uint64(be16(t.Value)), 10)
			b = append(b, ' ')
		case t.Type == LLDPSystemName:
			b = append(b, "SysN="...)
			b = appendTreeText(b, lldpString(t.Value))
			b = append(b, ' ')
		case t.Type == LLDPSystemDesc:
			b = append(b, "SysD="...)
			b = appendTreeText(b, lldpString(t.Value))
			b = append(b, ' ')
		}
		return true
	})
	if why != "" {
		return append(b[:start], why...)
	}
	return b
}

// lldpChassisSubtypeName and lldpPortSubtypeName return Wireshark's names
// of the ID subtypes.
func lldpChassisSubtypeName(s uint8) string {
	switch s {
	case 1:
		return "Chassis component"
	case 2:
		return "Interface alias"
	case 3:
		return "Port component"
	case 4:
		return "MAC address"
	case 5:
		return "Network address"
	case 6:
		return "Interface name"
	case 7:
		return "Locally assigned"
	}
	return "Reserved"
}

func lldpPortSubtypeName(s uint8) string {
	switch s {
	case 1:
		return "Interface alias"
	case 2:
		return "Port component"
	case 3:
		return "MAC address"
	case 4:
		return "Network address"
	case 5:
		return "Interface name"
	case 6:
		return "Agent circuit Id"
	case 7:
		return "Locally assigned"
	}
	return "Reserved"
}

// lldp8021SubtypeName and lldp8023SubtypeName return Wireshark's names of
// the IEEE organization specific subtypes, or "".
func lldp8021SubtypeName(s uint8) string {
	names := [...]string{1: "Port VLAN ID", 2: "Port and Protocol VLAN ID", 3: "VLAN Name", 4: "Protocol Identity",
		5: "VID Usage Digest", 6: "Management VID", 7: "Link Aggregation", 8: "Congestion Notification",
		9: "ETS Configuration", 10: "ETS Recommendation", 11: "Priority Flow Control Configuration",
		12: "Application Protocol", 13: "EVB", 14: "CDCP", 15: "Port extension", 16: "Application VLAN",
		17: "LRP ECP Discovery", 18: "LRP TCP Discovery", 19: "Congestion Isolation", 20: "Topology Recognition"}
	if int(s) < len(names) {
		return names[s]
	}
	return ""
}

func lldp8023SubtypeName(s uint8) string {
	switch s {
	case 1:
		return "MAC/PHY Configuration/Status"
	case 2:
		return "Power Via MDI"
	case 3:
		return "Link Aggregation"
	case 4:
		return "Maximum Frame Size"
	case 5:
		return "EEE (Energy-Efficient Ethernet)"
	case 7:
		return "IEEE 802.3br Additional Ethernet capabilities"
	}
	return ""
}
