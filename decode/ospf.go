package decode

import "strconv"

// OSPF is an OSPF packet, IP protocol 89: version 2 (RFC 2328) over IPv4,
// version 3 (RFC 5340) over IPv6. The slice holds every captured byte of
// the IP payload: the packet (its header says how long it is), then what
// may follow it, the cryptographic authentication data (version 2, auth
// type 2) and the link-local signalling block (RFC 5613).
//
// The version 2 header:
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|   Version #   |     Type      |         Packet length         |
//	|                          Router ID                            |
//	|                           Area ID                             |
//	|           Checksum            |             AuType            |
//	|                       Authentication (8 bytes)                |
//
// Version 3 replaces AuType and Authentication with an instance ID and a
// reserved byte (16 bytes in all).
type OSPF []byte

// The header lengths of the two versions.
const (
	ospfV2HeaderLen  = 24
	ospfV3HeaderLen  = 16
	ospfLSAHeaderLen = 20
)

// OSPF message types.
const (
	OSPFHello    = 1
	OSPFDBDesc   = 2
	OSPFLSReq    = 3
	OSPFLSUpdate = 4
	OSPFLSAck    = 5
)

// ParseOSPF returns the OSPF packet at the start of b: its version (2 or
// 3) and the whole of its header must be there.
func ParseOSPF(b []byte) (OSPF, error) {
	if len(b) < 1 {
		return nil, ReasonTruncated
	}
	n := ospfV2HeaderLen
	switch b[0] {
	case 2:
	case 3:
		n = ospfV3HeaderLen
	default:
		return nil, ReasonBadVersion
	}
	if len(b) < n {
		return nil, ReasonTruncated
	}
	return OSPF(b[:len(b):len(b)]), nil
}

// Version returns the version (2 or 3).
func (o OSPF) Version() uint8 { return o[0] }

// Type returns the message type (OSPFHello …).
func (o OSPF) Type() uint8 { return o[1] }

// Length returns the packet length the header announces.
func (o OSPF) Length() int { return int(be16(o[2:])) }

// Router returns the router ID's bytes.
func (o OSPF) Router() []byte { return o[4:8] }

// Area returns the area ID's bytes.
func (o OSPF) Area() []byte { return o[8:12] }

// Checksum returns the checksum field.
func (o OSPF) Checksum() uint16 { return be16(o[12:]) }

// HeaderLen returns the header's length: 24 for version 2, 16 for 3.
func (o OSPF) HeaderLen() int {
	if o.Version() == 3 {
		return ospfV3HeaderLen
	}
	return ospfV2HeaderLen
}

// AuthType returns a version 2 packet's authentication type.
func (o OSPF) AuthType() uint16 { return be16(o[14:]) }

// Body returns the captured bytes of the message after the header, up to
// the packet length.
func (o OSPF) Body() []byte {
	end := min(max(o.Length(), o.HeaderLen()), len(o))
	return o[o.HeaderLen():end]
}

// Trailer returns the captured bytes after the packet length: the
// authentication data, then the LLS block.
func (o OSPF) Trailer() []byte {
	if o.Length() < o.HeaderLen() || o.Length() > len(o) {
		return nil
	}
	return o[o.Length():]
}

// CryptLen returns the length of the cryptographic authentication data
// after a version 2 packet (0 unless the auth type is 2).
func (o OSPF) CryptLen() int {
	if o.Version() != 2 || o.AuthType() != 2 {
		return 0
	}
	return int(o[19])
}

// LLS returns the link-local signalling block after a version 2 Hello or
// DB Description whose options announce one (nil otherwise or when it was
// not captured): checksum, length in words, then TLVs.
func (o OSPF) LLS() []byte {
	if o.Version() != 2 {
		return nil
	}
	body := o.Body()
	var opts byte
	switch {
	case o.Type() == OSPFHello && len(body) >= 7:
		opts = body[6]
	case o.Type() == OSPFDBDesc && len(body) >= 3:
		opts = body[2]
	default:
		return nil
	}
	if opts&0x10 == 0 {
		return nil
	}
	t := o.Trailer()
	n := o.CryptLen()
	if len(t) < n+4 {
		return nil
	}
	return t[n:]
}

// V3AuthTrailer returns the authentication trailer (RFC 7166) after a
// version 3 Hello or DB Description whose options set the AT bit: its
// 16-byte header and the authentication data its length covers (nil when
// there is none or it was not captured whole).
func (o OSPF) V3AuthTrailer() []byte {
	if o.Version() != 3 {
		return nil
	}
	body := o.Body()
	var opts uint32
	switch {
	case o.Type() == OSPFHello && len(body) >= 8:
		opts = be32(body[4:])
	case o.Type() == OSPFDBDesc && len(body) >= 4:
		opts = be32(body)
	default:
		return nil
	}
	t := o.Trailer()
	if opts&0x400 == 0 || len(t) < 16 {
		return nil
	}
	n := int(be16(t[2:]))
	if n < 16 || n > len(t) {
		return nil
	}
	return t[:n]
}

func (d *Decoder) decodeOSPF(l *Layer) LayerType {
	o, err := ParseOSPF(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.End
	if o.Length() > len(o) || o.Type() == OSPFLSUpdate && ospfLSUCut(o) {
		l.Malformed = ReasonTruncated
	}
	return LayerNone
}

// ospfLSUCut reports whether tshark's reading of an LS Update's LSAs ends
// in an exception (its Info column then ends in "[Malformed Packet]"):
// the count or an LSA announced runs past the packet's bytes, a version 3
// LSA is shorter than its header or its body's fixed part (router and
// network LSAs: 4 bytes) runs past them, or a version 2 LSA shorter than
// its header is followed by more.
func ospfLSUCut(o OSPF) bool {
	body := o.Body()
	if len(body) < 4 {
		return true
	}
	n := be32(body)
	for k, c := 4, uint32(0); c < n; c++ {
		if k+ospfLSAHeaderLen > len(body) {
			return true
		}
		ln := int(be16(body[k+18:]))
		if ln < ospfLSAHeaderLen {
			return o.Version() == 3 || c+1 < n
		}
		if o.Version() == 2 && ln < ospfLSAMinLen(body[k+3]) && c+1 < n {
			return true // tshark reads the next LSA from the wrong place
		}
		if k+ln > len(body) {
			return true
		}
		if fc := be16(body[k+2:]) & 0x1fff; o.Version() == 3 && (fc == 1 || fc == 2) && k+ospfLSAHeaderLen+4 > len(body) {
			return true
		}
		k += ln
	}
	return false
}

// The fields, as Wireshark registers them.
const (
	ospfVersion = iota
	ospfMsg
	ospfMsgHello
	ospfMsgDBDesc
	ospfMsgLSReq
	ospfMsgLSUpdate
	ospfMsgLSAck
	ospfPacketLength
	ospfSrcRouter
	ospfAreaID
	ospfChecksum
	ospfAuthType
	ospfAuthNone
	ospfAuthSimple
	ospfAuthCryptKeyID
	ospfAuthCryptDataLength
	ospfAuthCryptSeqNbr
	ospfAuthCryptData
	ospfInstanceID
	ospfReserved
	ospfHelloNetworkMask
	ospfHelloInterval
	ospfHelloPriority
	ospfHelloDeadInterval
	ospfHelloDR
	ospfHelloBDR
	ospfHelloNeighbor
	ospfV2Options
	ospfV2OptionsDN
	ospfV2OptionsO
	ospfV2OptionsDC
	ospfV2OptionsL
	ospfV2OptionsN
	ospfV2OptionsP
	ospfV2OptionsMC
	ospfV2OptionsE
	ospfV2OptionsMT
	ospfDBInterfaceMTU
	ospfDBD
	ospfDBDR
	ospfDBDI
	ospfDBDM
	ospfDBDMS
	ospfDBDDSequence
	ospfLinkStateID
	ospfLSNumber
	ospfLSAAge
	ospfLSADoNotAge
	ospfLSAType
	ospfLSARouter
	ospfLSANetwork
	ospfLSASummary
	ospfLSAASBR
	ospfLSAASExt
	ospfLSAMember
	ospfLSANSSA
	ospfLSAAttr
	ospfLSAOpaque
	ospfLSAID
	ospfLSIDOpaqueType
	ospfLSIDOpaqueID
	ospfLSIDTEReserved
	ospfLSIDTEInstance
	ospfAdvRouter
	ospfLSASeqNum
	ospfLSAChecksum
	ospfLSALength
	ospfRouterFlags
	ospfRouterFlagsH
	ospfRouterFlagsN
	ospfRouterFlagsW
	ospfRouterFlagsV
	ospfRouterFlagsE
	ospfRouterFlagsB
	ospfNumberOfLinks
	ospfRouterLinkID
	ospfRouterLinkData
	ospfRouterLinkType
	ospfRouterNumMetrics
	ospfRouterMetric0
	ospfNetworkNetmask
	ospfNetworkAttachedRouter
	ospfASExtNetmask
	ospfASExtType
	ospfLSATOS
	ospfMetric
	ospfASExtFwdAddr
	ospfASExtRouteTag
	ospfLLSChecksum
	ospfLLSDataLength
	ospfTLVType
	ospfTLVLength
	ospfLLSExtOptions
	ospfLLSExtOptionsRS
	ospfLLSExtOptionsLR
	ospfLLSSeqNumber
	ospfLLSAuthData
	ospfHelloInterfaceID
	ospfV3Options
	ospfV3OptionsAT
	ospfV3OptionsL
	ospfV3OptionsAF
	ospfV3OptionsDC
	ospfV3OptionsR
	ospfV3OptionsN
	ospfV3OptionsMC
	ospfV3OptionsE
	ospfV3OptionsV6
	ospfHeader
	ospfHello
	ospfV3LSA
	ospfV3LSAU
	ospfV3LSAS12
	ospfV3LSAFC
	ospfV3LSADoNotAge
	ospfV3LSARouter
	ospfV3LSANetwork
	ospfV3LSAInterPrefix
	ospfV3LSAInterRouter
	ospfV3LSAASExt
	ospfV3LSAMember
	ospfV3LSANSSA
	ospfV3LSALink
	ospfV3LSAIntraPrefix
	ospfV3LSAOpaque
	ospfV3RouterFlags
	ospfV3RouterFlagsW
	ospfV3RouterFlagsV
	ospfV3RouterFlagsE
	ospfV3RouterFlagsB
	ospfV3LSAIfType
	ospfV3LSAInterfaceID
	ospfV3LSANeighborInterfaceID
	ospfV3LSANeighborRouterID
	ospfV3LSAAttachedRouter
	ospfPrefixLength
	ospfV3PrefixOptions
	ospfV3PrefixOptionsP
	ospfV3PrefixOptionsMC
	ospfV3PrefixOptionsLA
	ospfV3PrefixOptionsNU
	ospfV3AddressPrefix
	ospfV3LSARouterPriority
	ospfV3LSALinkLocal
	ospfV3LSANumPrefixes
	ospfV3LSARefLSType
	ospfV3LSARefLSID
	ospfV3LSARefAdvRouter
	ospfLSMetric
	ospfASBRNetmask
	ospfV2Grace
	ospfV2GracePeriod
	ospfV2GraceReason
	ospfV2GraceIP
	ospfPadBytes
	ospfTLVTypeOpaque
	ospfDynHostname
	ospfLSASA
	ospfTLVRangeSize
	ospfTLVSIDLabelRangeType
	ospfTLVSIDLabel
	ospfTLVPreference
	ospfExtPfxTLVType
	ospfExtPfxRouteType
	ospfExtPfxAF
	ospfExtPfxFlags
	ospfExtPfxFlagsA
	ospfExtPfxFlagsN
	ospfExtPfxRangeFlags
	ospfExtPfxRangeFlagsIA
	ospfV3AddressPrefixIPv4
	ospfExtPfxSubTLVType
	ospfPfxSIDFlags
	ospfPfxSIDFlagsNP
	ospfPfxSIDFlagsM
	ospfPfxSIDFlagsE
	ospfPfxSIDFlagsV
	ospfPfxSIDFlagsL
	ospfExtLinkMTID
	ospfAT
	ospfATAuthType
	ospfATAuthDataLen
	ospfATReserved
	ospfATSAID
	ospfATCryptoSeqNbr
	ospfATAuthData
	ospfFieldCount
)

var ospfFields = [ospfFieldCount]Field{
	ospfVersion:               {Name: "ospf.version", Label: "Version", Kind: KindUint, Width: 8},
	ospfMsg:                   {Name: "ospf.msg", Label: "Message Type", Kind: KindUint, Width: 8},
	ospfMsgHello:              {Name: "ospf.msg.hello", Label: "Hello", Kind: KindBool},
	ospfMsgDBDesc:             {Name: "ospf.msg.dbdesc", Label: "Database Description", Kind: KindBool},
	ospfMsgLSReq:              {Name: "ospf.msg.lsreq", Label: "Link State Adv Request", Kind: KindBool},
	ospfMsgLSUpdate:           {Name: "ospf.msg.lsupdate", Label: "Link State Adv Update", Kind: KindBool},
	ospfMsgLSAck:              {Name: "ospf.msg.lsack", Label: "Link State Adv Acknowledgement", Kind: KindBool},
	ospfPacketLength:          {Name: "ospf.packet_length", Label: "Packet Length", Kind: KindUint, Width: 16},
	ospfSrcRouter:             {Name: "ospf.srcrouter", Label: "Source OSPF Router", Kind: KindIPv4},
	ospfAreaID:                {Name: "ospf.area_id", Label: "Area ID", Kind: KindIPv4},
	ospfChecksum:              {Name: "ospf.checksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	ospfAuthType:              {Name: "ospf.auth.type", Label: "Auth Type", Kind: KindUint, Width: 16},
	ospfAuthNone:              {Name: "ospf.auth.none", Label: "Auth Data (none)", Kind: KindBytes},
	ospfAuthSimple:            {Name: "ospf.auth.simple", Label: "Auth Data (Simple)", Kind: KindString},
	ospfAuthCryptKeyID:        {Name: "ospf.auth.crypt.key_id", Label: "Auth Crypt Key id", Kind: KindUint, Width: 8},
	ospfAuthCryptDataLength:   {Name: "ospf.auth.crypt.data_length", Label: "Auth Crypt Data Length", Kind: KindUint, Width: 8},
	ospfAuthCryptSeqNbr:       {Name: "ospf.auth.crypt.seq_nbr", Label: "Auth Crypt Sequence Number", Kind: KindUint, Width: 32},
	ospfAuthCryptData:         {Name: "ospf.auth.crypt.data", Label: "Auth Crypt Data", Kind: KindBytes},
	ospfInstanceID:            {Name: "ospf.instance_id", Label: "Instance ID", Kind: KindUint, Width: 8},
	ospfReserved:              {Name: "ospf.reserved", Label: "Reserved", Kind: KindBytes},
	ospfHelloNetworkMask:      {Name: "ospf.hello.network_mask", Label: "Network Mask", Kind: KindIPv4},
	ospfHelloInterval:         {Name: "ospf.hello.hello_interval", Label: "Hello Interval [sec]", Kind: KindUint, Width: 32},
	ospfHelloPriority:         {Name: "ospf.hello.router_priority", Label: "Router Priority", Kind: KindUint, Width: 8},
	ospfHelloDeadInterval:     {Name: "ospf.hello.router_dead_interval", Label: "Router Dead Interval [sec]", Kind: KindUint, Width: 32},
	ospfHelloDR:               {Name: "ospf.hello.designated_router", Label: "Designated Router", Kind: KindIPv4},
	ospfHelloBDR:              {Name: "ospf.hello.backup_designated_router", Label: "Backup Designated Router", Kind: KindIPv4},
	ospfHelloNeighbor:         {Name: "ospf.hello.active_neighbor", Label: "Active Neighbor", Kind: KindIPv4},
	ospfV2Options:             {Name: "ospf.v2.options", Label: "Options", Kind: KindUint, Width: 8, Base: BaseHex},
	ospfV2OptionsDN:           {Name: "ospf.v2.options.dn", Label: "DN", Kind: KindBool, Width: 8, Mask: 0x80},
	ospfV2OptionsO:            {Name: "ospf.v2.options.o", Label: "O", Kind: KindBool, Width: 8, Mask: 0x40},
	ospfV2OptionsDC:           {Name: "ospf.v2.options.dc", Label: "(DC) Demand Circuits", Kind: KindBool, Width: 8, Mask: 0x20},
	ospfV2OptionsL:            {Name: "ospf.v2.options.l", Label: "(L) LLS Data block", Kind: KindBool, Width: 8, Mask: 0x10},
	ospfV2OptionsN:            {Name: "ospf.v2.options.n", Label: "(N) NSSA", Kind: KindBool, Width: 8, Mask: 0x08},
	ospfV2OptionsP:            {Name: "ospf.v2.options.p", Label: "(P) Propagate", Kind: KindBool, Width: 8, Mask: 0x08},
	ospfV2OptionsMC:           {Name: "ospf.v2.options.mc", Label: "(MC) Multicast", Kind: KindBool, Width: 8, Mask: 0x04},
	ospfV2OptionsE:            {Name: "ospf.v2.options.e", Label: "(E) External Routing", Kind: KindBool, Width: 8, Mask: 0x02},
	ospfV2OptionsMT:           {Name: "ospf.v2.options.mt", Label: "(MT) Multi-Topology Routing", Kind: KindBool, Width: 8, Mask: 0x01},
	ospfDBInterfaceMTU:        {Name: "ospf.db.interface_mtu", Label: "Interface MTU", Kind: KindUint, Width: 16},
	ospfDBD:                   {Name: "ospf.dbd", Label: "DB Description", Kind: KindUint, Width: 8, Base: BaseHex},
	ospfDBDR:                  {Name: "ospf.dbd.r", Label: "(R) OOBResync", Kind: KindBool, Width: 8, Mask: 0x08},
	ospfDBDI:                  {Name: "ospf.dbd.i", Label: "(I) Init", Kind: KindBool, Width: 8, Mask: 0x04},
	ospfDBDM:                  {Name: "ospf.dbd.m", Label: "(M) More", Kind: KindBool, Width: 8, Mask: 0x02},
	ospfDBDMS:                 {Name: "ospf.dbd.ms", Label: "(MS) Master", Kind: KindBool, Width: 8, Mask: 0x01},
	ospfDBDDSequence:          {Name: "ospf.db.dd_sequence", Label: "DD Sequence", Kind: KindUint, Width: 32},
	ospfLinkStateID:           {Name: "ospf.link_state_id", Label: "Link State ID", Kind: KindIPv4},
	ospfLSNumber:              {Name: "ospf.ls.number_of_lsas", Label: "Number of LSAs", Kind: KindUint, Width: 32},
	ospfLSAAge:                {Name: "ospf.lsa.age", Label: "LS Age (seconds)", Kind: KindUint, Width: 16, Mask: 0x7fff},
	ospfLSADoNotAge:           {Name: "ospf.lsa.donotage", Label: "Do Not Age Flag", Kind: KindUint, Width: 16, Mask: 0x8000},
	ospfLSAType:               {Name: "ospf.lsa", Label: "LS Type", Kind: KindUint, Width: 8},
	ospfLSARouter:             {Name: "ospf.lsa.router", Label: "Router LSA", Kind: KindBool},
	ospfLSANetwork:            {Name: "ospf.lsa.network", Label: "Network LSA", Kind: KindBool},
	ospfLSASummary:            {Name: "ospf.lsa.summary", Label: "Summary LSA (IP Network)", Kind: KindBool},
	ospfLSAASBR:               {Name: "ospf.lsa.asbr", Label: "Summary LSA (ASBR)", Kind: KindBool},
	ospfLSAASExt:              {Name: "ospf.lsa.asext", Label: "AS-External LSA (ASBR)", Kind: KindBool},
	ospfLSAMember:             {Name: "ospf.lsa.member", Label: "Group Membership LSA", Kind: KindBool},
	ospfLSANSSA:               {Name: "ospf.lsa.nssa", Label: "NSSA AS-External LSA", Kind: KindBool},
	ospfLSAAttr:               {Name: "ospf.lsa.attr", Label: "External Attributes LSA", Kind: KindBool},
	ospfLSAOpaque:             {Name: "ospf.lsa.opaque", Label: "Opaque LSA", Kind: KindBool},
	ospfLSAID:                 {Name: "ospf.lsa.id", Label: "Link State ID", Kind: KindIPv4},
	ospfLSIDOpaqueType:        {Name: "ospf.lsid_opaque_type", Label: "Link State ID Opaque Type", Kind: KindUint, Width: 8},
	ospfLSIDOpaqueID:          {Name: "ospf.lsid.opaque_id", Label: "Link State ID Opaque ID", Kind: KindUint, Width: 24},
	ospfLSIDTEReserved:        {Name: "ospf.lsid_te_lsa.reserved", Label: "Link State ID TE-LSA Reserved", Kind: KindUint, Width: 8},
	ospfLSIDTEInstance:        {Name: "ospf.lsid_te_lsa.instance", Label: "Link State ID TE-LSA Instance", Kind: KindUint, Width: 16},
	ospfAdvRouter:             {Name: "ospf.advrouter", Label: "Advertising Router", Kind: KindIPv4},
	ospfLSASeqNum:             {Name: "ospf.lsa.seqnum", Label: "Sequence Number", Kind: KindUint, Width: 32, Base: BaseHex},
	ospfLSAChecksum:           {Name: "ospf.lsa.chksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	ospfLSALength:             {Name: "ospf.lsa.length", Label: "Length", Kind: KindUint, Width: 16},
	ospfRouterFlags:           {Name: "ospf.v2.router.lsa.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	ospfRouterFlagsH:          {Name: "ospf.v2.router.lsa.flags.h", Label: "(H) flag", Kind: KindBool, Width: 8, Mask: 0x80},
	ospfRouterFlagsN:          {Name: "ospf.v2.router.lsa.flags.n", Label: "(N) flag", Kind: KindBool, Width: 8, Mask: 0x10},
	ospfRouterFlagsW:          {Name: "ospf.v2.router.lsa.flags.w", Label: "(W) Wild-card multicast receiver", Kind: KindBool, Width: 8, Mask: 0x08},
	ospfRouterFlagsV:          {Name: "ospf.v2.router.lsa.flags.v", Label: "(V) Virtual link endpoint", Kind: KindBool, Width: 8, Mask: 0x04},
	ospfRouterFlagsE:          {Name: "ospf.v2.router.lsa.flags.e", Label: "(E) AS boundary router", Kind: KindBool, Width: 8, Mask: 0x02},
	ospfRouterFlagsB:          {Name: "ospf.v2.router.lsa.flags.b", Label: "(B) Area border router", Kind: KindBool, Width: 8, Mask: 0x01},
	ospfNumberOfLinks:         {Name: "ospf.lsa.number_of_links", Label: "Number of Links", Kind: KindUint, Width: 16},
	ospfRouterLinkID:          {Name: "ospf.lsa.router.linkid", Label: "Link ID", Kind: KindIPv4},
	ospfRouterLinkData:        {Name: "ospf.lsa.router.linkdata", Label: "Link Data", Kind: KindIPv4},
	ospfRouterLinkType:        {Name: "ospf.lsa.router.linktype", Label: "Link Type", Kind: KindUint, Width: 8},
	ospfRouterNumMetrics:      {Name: "ospf.lsa.router.nummetrics", Label: "Number of Metrics", Kind: KindUint, Width: 8},
	ospfRouterMetric0:         {Name: "ospf.lsa.router.metric0", Label: "0 Metric", Kind: KindUint, Width: 16},
	ospfNetworkNetmask:        {Name: "ospf.lsa.network.netmask", Label: "Netmask", Kind: KindIPv4},
	ospfNetworkAttachedRouter: {Name: "ospf.lsa.network.attchrtr", Label: "Attached Router", Kind: KindIPv4},
	ospfASExtNetmask:          {Name: "ospf.lsa.asext.netmask", Label: "Netmask", Kind: KindIPv4},
	ospfASExtType:             {Name: "ospf.lsa.asext.type", Label: "External Type", Kind: KindBool, Width: 8, Mask: 0x80},
	ospfLSATOS:                {Name: "ospf.lsa.tos", Label: "TOS", Kind: KindUint, Width: 8},
	ospfMetric:                {Name: "ospf.metric", Label: "Metric", Kind: KindUint, Width: 32},
	ospfASExtFwdAddr:          {Name: "ospf.lsa.asext.fwdaddr", Label: "Forwarding Address", Kind: KindIPv4},
	ospfASExtRouteTag:         {Name: "ospf.lsa.asext.extrttag", Label: "External Route Tag", Kind: KindUint, Width: 32},
	ospfLLSChecksum:           {Name: "ospf.lls.checksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	ospfLLSDataLength:         {Name: "ospf.lls.data_length", Label: "LLS Data Length", Kind: KindUint, Width: 16, Unit: " bytes"},
	ospfTLVType:               {Name: "ospf.tlv_type", Label: "TLV Type", Kind: KindUint, Width: 16},
	ospfTLVLength:             {Name: "ospf.tlv_length", Label: "TLV Length", Kind: KindUint, Width: 16},
	ospfLLSExtOptions:         {Name: "ospf.lls.ext.options", Label: "Options", Kind: KindUint, Width: 32, Base: BaseHex},
	ospfLLSExtOptionsRS:       {Name: "ospf.lls.ext.options.rs", Label: "(RS) Restart Signal", Kind: KindBool, Width: 32, Mask: 0x2},
	ospfLLSExtOptionsLR:       {Name: "ospf.lls.ext.options.lr", Label: "(LR) LSDB Resynchronization", Kind: KindBool, Width: 32, Mask: 0x1},
	ospfLLSSeqNumber:          {Name: "ospf.v2.lls.sequence_number", Label: "Sequence number", Kind: KindUint, Width: 32, Base: BaseHex},
	ospfLLSAuthData:           {Name: "ospf.v2.lls.auth_data", Label: "Auth Data", Kind: KindBytes},
	ospfHelloInterfaceID:      {Name: "ospf.hello.interface_id", Label: "Interface ID", Kind: KindUint, Width: 32},
	ospfV3Options:             {Name: "ospf.v3.options", Label: "Options", Kind: KindUint, Width: 24, Base: BaseHex},
	ospfV3OptionsAT:           {Name: "ospf.v3.options.at", Label: "AT", Kind: KindBool, Width: 24, Mask: 0x400},
	ospfV3OptionsL:            {Name: "ospf.v3.options.l", Label: "L", Kind: KindBool, Width: 24, Mask: 0x200},
	ospfV3OptionsAF:           {Name: "ospf.v3.options.af", Label: "AF", Kind: KindBool, Width: 24, Mask: 0x100},
	ospfV3OptionsDC:           {Name: "ospf.v3.options.dc", Label: "DC", Kind: KindBool, Width: 24, Mask: 0x20},
	ospfV3OptionsR:            {Name: "ospf.v3.options.r", Label: "R", Kind: KindBool, Width: 24, Mask: 0x10},
	ospfV3OptionsN:            {Name: "ospf.v3.options.n", Label: "N", Kind: KindBool, Width: 24, Mask: 0x08},
	ospfV3OptionsMC:           {Name: "ospf.v3.options.mc", Label: "MC", Kind: KindBool, Width: 24, Mask: 0x04},
	ospfV3OptionsE:            {Name: "ospf.v3.options.e", Label: "E", Kind: KindBool, Width: 24, Mask: 0x02},
	ospfV3OptionsV6:           {Name: "ospf.v3.options.v6", Label: "V6", Kind: KindBool, Width: 24, Mask: 0x01},

	ospfHeader:                   {Name: "ospf.header", Label: "OSPF Header", Kind: KindNone},
	ospfHello:                    {Name: "ospf.hello", Label: "OSPF Hello Packet", Kind: KindNone},
	ospfV3LSA:                    {Name: "ospf.v3.lsa", Label: "LS Type", Kind: KindUint, Width: 16, Base: BaseHex},
	ospfV3LSAU:                   {Name: "ospf.v3.lsa.u", Label: "LSA Handling", Kind: KindBool, Width: 16, Mask: 0x8000},
	ospfV3LSAS12:                 {Name: "ospf.v3.lsa.s12", Label: "Flooding Scope", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x6000},
	ospfV3LSAFC:                  {Name: "ospf.v3.lsa.fc", Label: "Function Code", Kind: KindUint, Width: 16, Mask: 0x1fff},
	ospfV3LSADoNotAge:            {Name: "ospf.v3.lsa.do_not_age", Label: "Do Not Age", Kind: KindBool, Width: 16, Mask: 0x8000},
	ospfV3LSARouter:              {Name: "ospf.v3.lsa.router", Label: "Router-LSA", Kind: KindBool},
	ospfV3LSANetwork:             {Name: "ospf.v3.lsa.network", Label: "Network-LSA", Kind: KindBool},
	ospfV3LSAInterPrefix:         {Name: "ospf.v3.lsa.interprefix", Label: "Inter-Area-Prefix-LSA", Kind: KindBool},
	ospfV3LSAInterRouter:         {Name: "ospf.v3.lsa.interrouter", Label: "Inter-Area-Router-LSA", Kind: KindBool},
	ospfV3LSAASExt:               {Name: "ospf.v3.lsa.asext", Label: "AS-External-LSA", Kind: KindBool},
	ospfV3LSAMember:              {Name: "ospf.v3.lsa.member", Label: "Group-Membership-LSA", Kind: KindBool},
	ospfV3LSANSSA:                {Name: "ospf.v3.lsa.nssa", Label: "NSSA-LSA", Kind: KindBool},
	ospfV3LSALink:                {Name: "ospf.v3.lsa.link", Label: "Link-LSA", Kind: KindBool},
	ospfV3LSAIntraPrefix:         {Name: "ospf.v3.lsa.intraprefix", Label: "Intra-Area-Prefix-LSA", Kind: KindBool},
	ospfV3LSAOpaque:              {Name: "ospf.v3.lsa.opaque", Label: "Router Information Opaque-LSA", Kind: KindBool},
	ospfV3RouterFlags:            {Name: "ospf.v3.router.lsa.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	ospfV3RouterFlagsW:           {Name: "ospf.v3.router.lsa.flags.w", Label: "(W) Wild-card multicast receiver", Kind: KindBool, Width: 8, Mask: 0x08},
	ospfV3RouterFlagsV:           {Name: "ospf.v3.router.lsa.flags.v", Label: "(V) Virtual link endpoint", Kind: KindBool, Width: 8, Mask: 0x04},
	ospfV3RouterFlagsE:           {Name: "ospf.v3.router.lsa.flags.e", Label: "(E) AS boundary router", Kind: KindBool, Width: 8, Mask: 0x02},
	ospfV3RouterFlagsB:           {Name: "ospf.v3.router.lsa.flags.b", Label: "(B) Area border router", Kind: KindBool, Width: 8, Mask: 0x01},
	ospfV3LSAIfType:              {Name: "ospf.v3.lsa.type", Label: "Type", Kind: KindUint, Width: 8},
	ospfV3LSAInterfaceID:         {Name: "ospf.v3.lsa.interface_id", Label: "Interface ID", Kind: KindUint, Width: 32},
	ospfV3LSANeighborInterfaceID: {Name: "ospf.v3.lsa.neighbor_interface_id", Label: "Neighbor Interface ID", Kind: KindUint, Width: 32},
	ospfV3LSANeighborRouterID:    {Name: "ospf.v3.lsa.neighbor_router_id", Label: "Neighbor Router ID", Kind: KindIPv4},
	ospfV3LSAAttachedRouter:      {Name: "ospf.v3.lsa.attached_router", Label: "Attached Router", Kind: KindIPv4},
	ospfPrefixLength:             {Name: "ospf.prefix_length", Label: "PrefixLength", Kind: KindUint, Width: 8},
	ospfV3PrefixOptions:          {Name: "ospf.v3.prefix.options", Label: "PrefixOptions", Kind: KindUint, Width: 8, Base: BaseHex},
	ospfV3PrefixOptionsP:         {Name: "ospf.v3.prefix.options.p", Label: "(P) Propagate", Kind: KindBool, Width: 8, Mask: 0x08},
	ospfV3PrefixOptionsMC:        {Name: "ospf.v3.prefix.options.mc", Label: "(MC) Multicast", Kind: KindBool, Width: 8, Mask: 0x04},
	ospfV3PrefixOptionsLA:        {Name: "ospf.v3.prefix.options.la", Label: "(LA) Local Address", Kind: KindBool, Width: 8, Mask: 0x02},
	ospfV3PrefixOptionsNU:        {Name: "ospf.v3.prefix.options.nu", Label: "(NU) NoUnicast", Kind: KindBool, Width: 8, Mask: 0x01},
	ospfV3AddressPrefix:          {Name: "ospf.v3.address_prefix.ipv6", Label: "Address Prefix", Kind: KindIPv6},
	ospfV3LSARouterPriority:      {Name: "ospf.v3.lsa.router_priority", Label: "Router Priority", Kind: KindUint, Width: 8},
	ospfV3LSALinkLocal:           {Name: "ospf.v3.lsa.link_local_interface_address.ipv6", Label: "Link-local Interface Address", Kind: KindIPv6},
	ospfV3LSANumPrefixes:         {Name: "ospf.v3.lsa.num_prefixes", Label: "# prefixes", Kind: KindUint, Width: 32},
	ospfV3LSARefLSType:           {Name: "ospf.v3.lsa.referenced_ls_type", Label: "Referenced LS type", Kind: KindUint, Width: 16, Base: BaseHex},
	ospfV3LSARefLSID:             {Name: "ospf.v3.lsa.referenced_link_state_id", Label: "Referenced Link State ID", Kind: KindIPv4},
	ospfV3LSARefAdvRouter:        {Name: "ospf.v3.lsa.referenced_advertising_router", Label: "Referenced Advertising Router", Kind: KindIPv4},
	ospfLSMetric:                 {Name: "ospf.ls.metric", Label: "Metric", Kind: KindUint, Width: 32},
	ospfASBRNetmask:              {Name: "ospf.lsa.asbr.netmask", Label: "Netmask", Kind: KindIPv4},
	ospfV2Grace:                  {Name: "ospf.v2.grace", Label: "Grace TLV", Kind: KindNone},
	ospfV2GracePeriod:            {Name: "ospf.v2.grace.period", Label: "Grace Period", Kind: KindUint, Width: 32, Unit: " seconds"},
	ospfV2GraceReason:            {Name: "ospf.v2.grace.reason", Label: "Restart Reason", Kind: KindUint, Width: 8},
	ospfV2GraceIP:                {Name: "ospf.v2.grace.ip", Label: "Restart IP", Kind: KindIPv4},
	ospfPadBytes:                 {Name: "ospf.pad_bytes", Label: "Pad Bytes", Kind: KindBytes},

	// The router information (RFC 7770, 8665) and extended prefix
	// (RFC 7684) opaque LSAs' TLVs.
	ospfTLVTypeOpaque:        {Name: "ospf.tlv_type.opaque", Label: "TLV Type", Kind: KindUint, Width: 16},
	ospfDynHostname:          {Name: "ospf.dynhostname", Label: "Dynamic Hostname", Kind: KindString},
	ospfLSASA:                {Name: "ospf.lsa_sa", Label: "SR-Algorithm", Kind: KindUint, Width: 8},
	ospfTLVRangeSize:         {Name: "ospf.tlv.range_size", Label: "Range Size", Kind: KindUint, Width: 24},
	ospfTLVSIDLabelRangeType: {Name: "ospf.tlv.sidlabel_range.type", Label: "TLV Type", Kind: KindUint, Width: 16},
	ospfTLVSIDLabel:          {Name: "ospf.tlv.sid_label", Label: "SID/Label", Kind: KindUint, Width: 32},
	ospfTLVPreference:        {Name: "ospf.tlv.preference", Label: "Preference", Kind: KindUint, Width: 24},
	ospfExtPfxTLVType:        {Name: "ospf.tlv.extpfx.tlv_type", Label: "TLV Type", Kind: KindUint, Width: 16},
	ospfExtPfxRouteType:      {Name: "ospf.tlv.extpfx.rotuetype", Label: "Route Type", Kind: KindUint, Width: 16},
	ospfExtPfxAF:             {Name: "ospf.tlv.extpfx.af", Label: "Address Family", Kind: KindUint, Width: 8},
	ospfExtPfxFlags:          {Name: "ospf.tlv.extpfx.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	ospfExtPfxFlagsA:         {Name: "ospf.tlv.extpfx.flags.a", Label: "(A) Attach Flag", Kind: KindBool, Width: 8, Mask: 0x80},
	ospfExtPfxFlagsN:         {Name: "ospf.tlv.extpfx.flags.n", Label: "(N) Node Flag", Kind: KindBool, Width: 8, Mask: 0x40},
	ospfExtPfxRangeFlags:     {Name: "ospf.tlv.extpfx_range.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	ospfExtPfxRangeFlagsIA:   {Name: "ospf.tlv.extpfx_range.flags.ia", Label: "(IA) Inter-Area Flag", Kind: KindBool, Width: 8, Mask: 0x80},
	ospfV3AddressPrefixIPv4:  {Name: "ospf.v3.address_prefix.ipv4", Label: "Address Prefix", Kind: KindIPv4},
	ospfExtPfxSubTLVType:     {Name: "ospf.tlv.extpfx.subtlv_type", Label: "TLV Type", Kind: KindUint, Width: 16},
	ospfPfxSIDFlags:          {Name: "ospf.tlv.pfxsid.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	ospfPfxSIDFlagsNP:        {Name: "ospf.tlv.pfxsid.flags.np", Label: "(NP) No-PHP Flag", Kind: KindBool, Width: 8, Mask: 0x40},
	ospfPfxSIDFlagsM:         {Name: "ospf.tlv.pfxsid.flags.m", Label: "(M) Mapping Server Flag", Kind: KindBool, Width: 8, Mask: 0x20},
	ospfPfxSIDFlagsE:         {Name: "ospf.tlv.pfxsid.flags.e", Label: "(E) Explicit-Null Flag", Kind: KindBool, Width: 8, Mask: 0x10},
	ospfPfxSIDFlagsV:         {Name: "ospf.tlv.pfxsid.flags.v", Label: "(V) Value/Index Flag", Kind: KindBool, Width: 8, Mask: 0x08},
	ospfPfxSIDFlagsL:         {Name: "ospf.tlv.pfxsid.flags.l", Label: "(L) Local/Global Flag", Kind: KindBool, Width: 8, Mask: 0x04},
	ospfExtLinkMTID:          {Name: "ospf.tlv.extlink.mt_id", Label: "Multi-Topology ID", Kind: KindUint, Width: 8},

	// Version 3's authentication trailer (RFC 7166).
	ospfAT:             {Name: "ospf.at", Label: "OSPF Authentication Trailer", Kind: KindNone},
	ospfATAuthType:     {Name: "ospf.at.auth_type", Label: "Authentication Type", Kind: KindUint, Width: 16},
	ospfATAuthDataLen:  {Name: "ospf.at.auth_data_len", Label: "Authentication Data Length", Kind: KindUint, Width: 16},
	ospfATReserved:     {Name: "ospf.at.reserved", Label: "Reserved", Kind: KindUint, Width: 16, Base: BaseHex},
	ospfATSAID:         {Name: "ospf.at.sa_id", Label: "Security Association Identifier (SA ID)", Kind: KindUint, Width: 16, Base: BaseHex},
	ospfATCryptoSeqNbr: {Name: "ospf.at.crypto_seq_nbr", Label: "Cryptographic Sequence Number", Kind: KindUint, Width: 64},
	ospfATAuthData:     {Name: "ospf.at.auth_data", Label: "Authentication Data", Kind: KindBytes},
}

var protoOSPF = protoField("ospf", "Open Shortest Path First")

// ospfLSAFlagField returns the boolean Wireshark adds for an LSA of type
// typ (ospf.lsa.router …), or -1.
func ospfLSAFlagField(typ uint8) int {
	switch typ {
	case 1:
		return ospfLSARouter
	case 2:
		return ospfLSANetwork
	case 3:
		return ospfLSASummary
	case 4:
		return ospfLSAASBR
	case 5:
		return ospfLSAASExt
	case 6:
		return ospfLSAMember
	case 7:
		return ospfLSANSSA
	case 8:
		return ospfLSAAttr
	case 9, 10, 11:
		return ospfLSAOpaque
	}
	return -1
}

// emitOSPF emits a packet's fields in the order and nesting of tshark's
// tree: the header, the message's body and a version 2 LLS block. JSON,
// whose keys are unique, gets the first of each repeated record.
func emitOSPF(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoOSPF)
	if l.Malformed == ReasonBadVersion || l.Payload == l.Start {
		e.End()
		return
	}
	o := OSPF(d.data[l.Start:l.End])
	f := &ospfFields
	e.None(&f[ospfHeader])
	e.Sub()
	e.Uint(&f[ospfVersion], uint64(o.Version()))
	e.Uint(&f[ospfMsg], uint64(o.Type()))
	if t := o.Type(); t >= OSPFHello && t <= OSPFLSAck {
		e.Bool(&f[ospfMsgHello+int(t)-1], true)
		e.NoTree()
	}
	e.Uint(&f[ospfPacketLength], uint64(o.Length()))
	e.IPv4(&f[ospfSrcRouter], o.Router())
	e.IPv4(&f[ospfAreaID], o.Area())
	if e.Tree() && be32(o.Area()) == 0 {
		e.SetRepr(append(e.Text(), "Area ID: 0.0.0.0 (Backbone)"...))
	}
	e.Uint(&f[ospfChecksum], uint64(o.Checksum()))
	if e.Tree() {
		ospfChecksumRepr(e, i, o)
	}
	if o.Version() == 3 {
		e.Uint(&f[ospfInstanceID], uint64(o[14]))
		if n := ospfV3InstanceName(o[14]); n != "" && e.Tree() {
			b := append(append(e.Text(), "Instance ID: "...), n...)
			e.SetRepr(append(strconv.AppendUint(append(b, " ("...), uint64(o[14]), 10), ')'))
		}
		e.Bytes(&f[ospfReserved], o[15:16])
		if o[15] != 0 {
			e.Sub()
			e.ExpertLine("Warning", "Protocol", "incorrect, should be 0", nil)
			e.Up()
		}
		e.Up()
		emitOSPFv3Body(e, o.Body(), o.Type(), ospfV3AF6(o[14]))
		if at := o.V3AuthTrailer(); at != nil {
			emitOSPFv3AuthTrailer(e, at)
		}
		e.End()
		return
	}
	e.Uint(&f[ospfAuthType], uint64(o.AuthType()))
	switch o.AuthType() {
	case 0:
		e.Bytes(&f[ospfAuthNone], o[16:24])
	case 1:
		e.Bytes(&f[ospfAuthSimple], ospfSimplePassword(o[16:24]))
	case 2:
		e.Uint(&f[ospfAuthCryptKeyID], uint64(o[18]))
		e.Uint(&f[ospfAuthCryptDataLength], uint64(o[19]))
		e.Uint(&f[ospfAuthCryptSeqNbr], uint64(be32(o[20:])))
		if t := o.Trailer(); len(t) >= o.CryptLen() && o.CryptLen() > 0 {
			e.Bytes(&f[ospfAuthCryptData], t[:o.CryptLen()])
		}
	}
	e.Up()
	body := o.Body()
	switch o.Type() {
	case OSPFHello:
		if len(body) < 20 {
			break
		}
		e.None(&f[ospfHello])
		e.Sub()
		e.IPv4(&f[ospfHelloNetworkMask], body[0:4])
		e.Uint(&f[ospfHelloInterval], uint64(be16(body[4:])))
		emitOSPFOptions(e, body[6], false)
		e.Uint(&f[ospfHelloPriority], uint64(body[7]))
		e.Uint(&f[ospfHelloDeadInterval], uint64(be32(body[8:])))
		emitOSPFHelloRouters(e, body)
		e.Up()
	case OSPFDBDesc:
		if len(body) < 8 {
			break
		}
		e.LineString("OSPF DB Description")
		e.Sub()
		e.Uint(&f[ospfDBInterfaceMTU], uint64(be16(body)))
		emitOSPFOptions(e, body[2], false)
		fl := uint64(body[3])
		e.Uint(&f[ospfDBD], fl)
		ospfFlags(e, "DB Description", fl, 8, []int{ospfDBDR, ospfDBDI, ospfDBDM, ospfDBDMS})
		e.Uint(&f[ospfDBDDSequence], uint64(be32(body[4:])))
		e.Up()
		if e.all || e.Tree() {
			for k := 8; k+ospfLSAHeaderLen <= len(body); k += ospfLSAHeaderLen {
				emitOSPFLSAHeader(e, body[k:k+ospfLSAHeaderLen])
				e.Up()
			}
		}
	case OSPFLSReq:
		for k := 0; k+12 <= len(body); k += 12 {
			e.LineString("Link State Request")
			e.Sub()
			e.Uint(&f[ospfLSAType], uint64(be32(body[k:])))
			e.IPv4(&f[ospfLinkStateID], body[k+4:k+8])
			e.IPv4(&f[ospfAdvRouter], body[k+8:k+12])
			e.Up()
			if !e.all && !e.Tree() {
				break
			}
		}
	case OSPFLSUpdate:
		if len(body) < 4 {
			break
		}
		e.LineString("LS Update Packet")
		e.Sub()
		n := be32(body)
		e.Uint(&f[ospfLSNumber], uint64(n))
		for k, c := 4, uint32(0); c < n && k+ospfLSAHeaderLen <= len(body); c++ {
			ln := int(be16(body[k+18:]))
			if ln < ospfLSAMinLen(body[k+3]) {
				// tshark shows the header and an expert item, then
				// reads the next LSA from the wrong place.
				emitOSPFLSA(e, body[k:k+min(max(ln, ospfLSAHeaderLen), len(body)-k)])
				break
			}
			if k+ln > len(body) {
				break
			}
			if known := emitOSPFLSA(e, body[k:k+ln]); !e.Tree() && (!known || !e.all) {
				break
			}
			k += ln
		}
		e.Up()
	case OSPFLSAck:
		for k := 0; k+ospfLSAHeaderLen <= len(body); k += ospfLSAHeaderLen {
			emitOSPFLSAHeader(e, body[k:k+ospfLSAHeaderLen])
			e.Up()
			if !e.all && !e.Tree() {
				break
			}
		}
	}
	if lls := o.LLS(); lls != nil {
		emitOSPFLLS(e, lls)
	}
	e.End()
}

// ospfSimplePassword returns the simple password up to its first NUL (as
// tshark shows a string field: RIP's password, OSPF's dynamic hostname).
func ospfSimplePassword(b []byte) []byte {
	for k, c := range b {
		if c == 0 {
			return b[:k]
		}
	}
	return b
}

// ospfChecksumRepr gives the header's checksum line its tree text:
// "(None)" for 0, verified when the whole packet was captured and the
// checksum covers it (not with cryptographic authentication).
func ospfChecksumRepr(e *emitter, i int, o OSPF) {
	sum := o.Checksum()
	if sum == 0 {
		e.SetRepr(append(appendHex4(append(e.Text(), "Checksum: 0x"...), sum), " (None)"...))
		return
	}
	n := o.Length()
	if n > len(o) || n < o.HeaderLen() {
		return
	}
	var got uint16
	switch o.Version() {
	case 2:
		if o.AuthType() == 2 {
			return
		}
		got = ^checksumFold(checksumAdd(checksumAdd(0, o[:16]), o[24:n]))
	case 3:
		src, dst, v6 := ipAddrs(e.d, i)
		if !v6 {
			return
		}
		// tshark sums every byte of the IP payload (an authentication
		// trailer too) under a pseudo-header giving the packet length.
		a, c := src.As16(), dst.As16()
		sum := checksumAdd(checksumAdd(0, a[:]), c[:]) + uint32(IPProtoOSPF) + uint32(n)
		got = ^checksumFold(checksumAdd(sum, o))
	}
	b := appendHex4(append(e.Text(), "Checksum: 0x"...), sum)
	if got == 0 {
		e.SetRepr(append(b, " [correct]"...))
		return
	}
	b = appendHex4(append(b, " [incorrect, should be 0x"...), shouldBe(sum, got))
	e.SetRepr(append(b, ']'))
}

// ospfFlags gives the flags word v, the field emitted last, its tree text
// "Label: 0x07, (I) Init, …" (the labels of the set flags), and emits the
// flags ks (indexes into ospfFields) a level deeper.
func ospfFlags(e *emitter, label string, v uint64, width int, ks []int) {
	f := &ospfFields
	if e.Tree() {
		b := appendHexN(append(append(e.Text(), label...), ": 0x"...), v, width/4)
		for _, k := range ks {
			if v&f[k].Mask != 0 {
				b = append(append(b, ", "...), f[k].Label...)
			}
		}
		e.SetRepr(b)
	}
	e.Sub()
	for _, k := range ks {
		e.Bool(&f[k], v&f[k].Mask != 0)
	}
	e.Up()
}

// emitOSPFOptions emits a version 2 options byte and its bits (P in place
// of N for an NSSA LSA).
func emitOSPFOptions(e *emitter, v byte, nssa bool) {
	e.Uint(&ospfFields[ospfV2Options], uint64(v))
	n := ospfV2OptionsN
	if nssa {
		n = ospfV2OptionsP
	}
	ospfFlags(e, "Options", uint64(v), 8, []int{ospfV2OptionsDN, ospfV2OptionsO, ospfV2OptionsDC, ospfV2OptionsL, n, ospfV2OptionsMC, ospfV2OptionsE, ospfV2OptionsMT})
}

// emitOSPFLSAHeader emits the 20-byte header h of an LSA under its title
// line ("LSA-type 1 (Router-LSA), len 36"), a level deeper, where it
// leaves the depth: the caller emits the body there and ends with Up.
func emitOSPFLSAHeader(e *emitter, h []byte) {
	f := &ospfFields
	if e.Tree() {
		b := strconv.AppendUint(append(e.Text(), "LSA-type "...), uint64(h[3]), 10)
		b = append(b, " ("...)
		if n := f[ospfLSAType].ValueNames().Name(uint64(h[3])); n != "" {
			b = append(b, n...)
		} else {
			b = append(b, "Unknown"...)
		}
		e.Line(strconv.AppendUint(append(b, "), len "...), uint64(be16(h[18:])), 10))
	}
	e.Sub()
	age := be16(h)
	e.Uint(&f[ospfLSAAge], uint64(age&0x7fff))
	e.Uint(&f[ospfLSADoNotAge], uint64(age>>15))
	emitOSPFOptions(e, h[2], h[3] == 7)
	e.Uint(&f[ospfLSAType], uint64(h[3]))
	if k := ospfLSAFlagField(h[3]); k >= 0 {
		e.Bool(&f[k], true)
		e.NoTree()
	}
	if h[3] >= 9 && h[3] <= 11 {
		e.Uint(&f[ospfLSIDOpaqueType], uint64(h[4]))
		if h[4] == 1 {
			e.Uint(&f[ospfLSIDTEReserved], uint64(h[5]))
			e.Uint(&f[ospfLSIDTEInstance], uint64(be16(h[6:])))
		} else {
			e.Uint(&f[ospfLSIDOpaqueID], uint64(be32(h[4:])&0xffffff))
		}
	} else {
		e.IPv4(&f[ospfLSAID], h[4:8])
	}
	e.IPv4(&f[ospfAdvRouter], h[8:12])
	e.Uint(&f[ospfLSASeqNum], uint64(be32(h[12:])))
	e.Uint(&f[ospfLSAChecksum], uint64(be16(h[16:])))
	e.Uint(&f[ospfLSALength], uint64(be16(h[18:])))
}

// emitOSPFLSA emits one whole LSA (header and body) and reports whether
// its body was one whose fields are known, so that the records of the
// LSAs after it stay in tshark's order.
func emitOSPFLSA(e *emitter, a []byte) bool {
	emitOSPFLSAHeader(e, a[:ospfLSAHeaderLen])
	known := false
	if n := int(be16(a[18:])); n < ospfLSAMinLen(a[3]) {
		// tshark's expert item under the length; the body is not read.
		if e.Tree() {
			e.Sub()
			var arg [96]byte
			b := strconv.AppendUint(arg[:0], uint64(n), 10)
			if name := ospfFields[ospfLSAType].ValueNames().Name(uint64(a[3])); name != "" {
				b = append(append(append(b, ") for type "...), name...), ", expected >= ("...)
			} else {
				b = strconv.AppendUint(append(b, ") for unknown LSA type ("...), uint64(a[3]), 10)
				b = append(b, "), expected minimum of ("...)
			}
			b = strconv.AppendUint(b, uint64(ospfLSAMinLen(a[3])), 10)
			e.ExpertLine("Error", "Malformed", "Invalid LSA length (", append(b, ')'))
			e.Up()
		}
	} else {
		known = emitOSPFLSABody(e, a)
	}
	e.Up()
	return known
}

// ospfLSAMinLen returns the least length tshark accepts for a version 2
// LSA of type typ: the header and its body's fixed part.
func ospfLSAMinLen(typ uint8) int {
	switch typ {
	case 1:
		return ospfLSAHeaderLen + 4
	case 2, 3, 4:
		return ospfLSAHeaderLen + 8
	case 5, 7:
		return ospfLSAHeaderLen + 16
	}
	return ospfLSAHeaderLen
}

var ospfLinkTypeShort = [5]string{"", "PTP", "Transit", "Stub", "Virtual"}
var ospfLinkTypeLong = [5]string{"", "Point-to-point connection to another router", "Connection to a transit network",
	"Connection to a stub network", "Virtual link"}
var ospfLinkIDText = [5]string{"", "Neighboring router's Router ID", "IP address of Designated Router",
	"IP network/subnet number", "Neighboring router's Router ID"}

// emitOSPFLSABody emits the body of LSA a, and reports whether all of it
// was decoded: router, network, summary, AS-external and NSSA LSAs, and
// the grace, router information and extended prefix opaque LSAs.
func emitOSPFLSABody(e *emitter, a []byte) bool {
	f := &ospfFields
	b := a[ospfLSAHeaderLen:]
	switch a[3] {
	case 1:
		if len(b) < 4 {
			return false
		}
		fl := uint64(b[0])
		e.Uint(&f[ospfRouterFlags], fl)
		ospfFlags(e, "Flags", fl, 8, []int{ospfRouterFlagsH, ospfRouterFlagsN, ospfRouterFlagsW, ospfRouterFlagsV, ospfRouterFlagsE, ospfRouterFlagsB})
		n := int(be16(b[2:]))
		e.Uint(&f[ospfNumberOfLinks], uint64(n))
		k := 4
		for c := 0; c < n; c++ {
			if k+12 > len(b) {
				return false
			}
			lt := b[k+8]
			if e.Tree() {
				if lt < 1 || lt > 4 {
					return false // tshark's tree ends at an unknown link type
				}
				t := appendPadded(append(e.Text(), "Type: "...), ospfLinkTypeShort[lt], 8)
				t = append(t, " ID: "...)
				n0 := len(t)
				t = padRight(addr4(b[k:k+4]).AppendTo(t), n0, 15)
				t = append(t, " Data: "...)
				n0 = len(t)
				t = padRight(addr4(b[k+4:k+8]).AppendTo(t), n0, 15)
				t = append(t, " Metric: "...)
				e.Line(strconv.AppendUint(t, uint64(be16(b[k+10:])), 10))
			}
			e.Sub()
			e.IPv4(&f[ospfRouterLinkID], b[k:k+4])
			if e.Tree() {
				t := addr4(b[k : k+4]).AppendTo(append(e.Text(), "Link ID: "...))
				e.SetRepr(append(append(t, " - "...), ospfLinkIDText[lt]...))
			}
			e.IPv4(&f[ospfRouterLinkData], b[k+4:k+8])
			e.Uint(&f[ospfRouterLinkType], uint64(lt))
			if e.Tree() {
				t := strconv.AppendUint(append(e.Text(), "Link Type: "...), uint64(lt), 10)
				e.SetRepr(append(append(t, " - "...), ospfLinkTypeLong[lt]...))
			}
			e.Uint(&f[ospfRouterNumMetrics], uint64(b[k+9]))
			if e.Tree() {
				t := strconv.AppendUint(append(e.Text(), "Number of Metrics: "...), uint64(b[k+9]), 10)
				e.SetRepr(append(t, " - TOS"...))
			}
			e.Uint(&f[ospfRouterMetric0], uint64(be16(b[k+10:])))
			k += 12
			for nm := int(b[k-3]); nm > 0; nm-- {
				if k+4 > len(b) {
					e.Up()
					return false
				}
				// tshark's text for the field, the TOS before the metric.
				e.Uint(&f[ospfLSMetric], uint64(be16(b[k+2:])))
				if e.Tree() {
					t := strconv.AppendUint(append(e.Text(), "TOS: "...), uint64(b[k]), 10)
					e.SetRepr(strconv.AppendUint(append(t, ", Metric: "...), uint64(be16(b[k+2:])), 10))
				}
				k += 4
			}
			e.Up()
			if !e.all && !e.Tree() {
				break
			}
		}
		return true
	case 2:
		if len(b) < 4 {
			return false
		}
		e.IPv4(&f[ospfNetworkNetmask], b[:4])
		for k := 4; k+4 <= len(b); k += 4 {
			e.IPv4(&f[ospfNetworkAttachedRouter], b[k:k+4])
			if !e.all && !e.Tree() {
				break
			}
		}
		return true
	case 3, 4:
		if len(b) < 4 || len(b)%4 != 0 {
			return false
		}
		e.IPv4(&f[ospfASBRNetmask], b[:4])
		for k := 4; k+4 <= len(b); k += 4 {
			e.Uint(&f[ospfLSATOS], uint64(b[k]))
			e.Uint(&f[ospfMetric], uint64(be32(b[k:])&0xffffff))
		}
		return true
	case 9, 10, 11:
		switch a[4] {
		case 3:
			return emitOSPFGrace(e, b)
		case 4:
			return emitOSPFRouterInfo(e, b)
		case 7:
			return emitOSPFExtPrefix(e, b)
		}
		return false
	case 5, 7:
		// The NSSA LSA's fields are the AS-external ones.
		if len(b) != 16 {
			return false
		}
		e.IPv4(&f[ospfASExtNetmask], b[:4])
		e.Bool(&f[ospfASExtType], b[4]&0x80 != 0)
		e.Uint(&f[ospfLSATOS], uint64(b[4]&0x7f))
		if e.Tree() {
			t := appendBitDrawing(e.Text(), uint64(b[4]), 8, 0x7f)
			e.SetRepr(strconv.AppendUint(append(t, " = TOS: "...), uint64(b[4]&0x7f), 10))
		}
		e.Uint(&f[ospfMetric], uint64(be32(b[4:])&0xffffff))
		e.IPv4(&f[ospfASExtFwdAddr], b[8:12])
		e.Uint(&f[ospfASExtRouteTag], uint64(be32(b[12:])))
		return true
	}
	return false
}

// emitOSPFLLS emits the LLS block: its checksum and length, and the
// extended options and cryptographic authentication TLVs.
func emitOSPFLLS(e *emitter, b []byte) {
	f := &ospfFields
	e.LineString("OSPF LLS Data Block")
	e.Sub()
	e.Uint(&f[ospfLLSChecksum], uint64(be16(b)))
	n := int(be16(b[2:])) * 4
	e.Uint(&f[ospfLLSDataLength], uint64(n))
	end := min(n, len(b))
	for k := 4; k+4 <= end; {
		typ, ln := be16(b[k:]), int(be16(b[k+2:]))
		if k+4+ln > end || (typ == 1 && ln != 4) || (typ == 2 && ln < 4) || typ == 0 || typ > 2 {
			break
		}
		if typ == 1 {
			e.LineString("Extended options TLV")
		} else {
			e.LineString("Crypto Authentication TLV")
		}
		e.Sub()
		e.Uint(&f[ospfTLVType], uint64(typ))
		e.Uint(&f[ospfTLVLength], uint64(ln))
		v := b[k+4 : k+4+ln]
		if typ == 1 {
			o := uint64(be32(v))
			e.Uint(&f[ospfLLSExtOptions], o)
			ospfFlags(e, "Options", o, 32, []int{ospfLLSExtOptionsRS, ospfLLSExtOptionsLR})
		} else {
			e.Uint(&f[ospfLLSSeqNumber], uint64(be32(v)))
			e.Bytes(&f[ospfLLSAuthData], v[4:])
		}
		e.Up()
		k += 4 + ln
		if !e.all && !e.Tree() {
			break
		}
	}
	e.Up()
}

// The lines of the -V tree whose fields rawcap does not declare yet: a
// version 3 message's body, a summary LSA's and a grace-LSA's. They are
// tree lines only (no field of the other outputs), built when the tree is
// drawn.

var ospfMsgNames = [6]string{"", "Hello Packet", "DB Description", "LS Request", "LS Update", "LS Acknowledge"}

// ospfMsgName returns Wireshark's name of a message type, or "".
func ospfMsgName(t uint8) string {
	if int(t) < len(ospfMsgNames) {
		return ospfMsgNames[t]
	}
	return ""
}

// ospfV3InstanceName returns Wireshark's name of a version 3 instance ID.
func ospfV3InstanceName(id uint8) string {
	switch {
	case id <= 31:
		return "IPv6 unicast AF"
	case id <= 63:
		return "IPv6 multicast AF"
	case id <= 95:
		return "IPv4 unicast AF"
	case id <= 127:
		return "IPv4 multicast AF"
	}
	return ""
}

// ospfV3LSAFlagFields holds, by function code, the boolean Wireshark adds
// for a version 3 LSA (ospf.v3.lsa.router …), 0 for none.
var ospfV3LSAFlagFields = [13]int{1: ospfV3LSARouter, 2: ospfV3LSANetwork, 3: ospfV3LSAInterPrefix,
	4: ospfV3LSAInterRouter, 5: ospfV3LSAASExt, 6: ospfV3LSAMember, 7: ospfV3LSANSSA, 8: ospfV3LSALink,
	9: ospfV3LSAIntraPrefix, 12: ospfV3LSAOpaque}

// emitOSPFv3LSType emits a version 3 LS type (ospf.v3.lsa) and its three
// parts a level deeper.
func emitOSPFv3LSType(e *emitter, v uint16) {
	f := &ospfFields
	e.Uint(&f[ospfV3LSA], uint64(v))
	e.Sub()
	e.Bool(&f[ospfV3LSAU], v&0x8000 != 0)
	e.UintBits(&f[ospfV3LSAS12], uint64(v))
	e.UintBits(&f[ospfV3LSAFC], uint64(v))
	e.Up()
}

// emitOSPFv3LSAHeader emits a version 3 LSA's header under its title line
// ("LSA-type 1 (Router-LSA), len 24"), a level deeper, where it leaves
// the depth (the caller emits the body there and ends with Up).
func emitOSPFv3LSAHeader(e *emitter, h []byte) {
	f := &ospfFields
	typ := be16(h[2:])
	if e.Tree() {
		b := strconv.AppendUint(append(e.Text(), "LSA-type "...), uint64(typ&0x1fff), 10)
		b = append(b, " ("...)
		if n := f[ospfV3LSAFC].ValueNames().Name(uint64(typ & 0x1fff)); n != "" {
			b = append(b, n...)
		} else {
			b = append(b, "Unknown"...)
		}
		e.Line(strconv.AppendUint(append(b, "), len "...), uint64(be16(h[18:])), 10))
	}
	e.Sub()
	age := be16(h)
	e.Uint(&f[ospfLSAAge], uint64(age&0x7fff))
	e.Bool(&f[ospfV3LSADoNotAge], age&0x8000 != 0)
	emitOSPFv3LSType(e, typ)
	if fc := typ & 0x1fff; int(fc) < len(ospfV3LSAFlagFields) && ospfV3LSAFlagFields[fc] != 0 {
		e.Bool(&f[ospfV3LSAFlagFields[fc]], true)
		e.NoTree()
	}
	e.IPv4(&f[ospfLinkStateID], h[4:8])
	e.IPv4(&f[ospfAdvRouter], h[8:12])
	e.Uint(&f[ospfLSASeqNum], uint64(be32(h[12:])))
	e.Uint(&f[ospfLSAChecksum], uint64(be16(h[16:])))
	e.Uint(&f[ospfLSALength], uint64(be16(h[18:])))
}

// emitOSPFv3Options emits a version 3 options field (24 bits) and its
// bits.
func emitOSPFv3Options(e *emitter, v uint32) {
	e.Uint(&ospfFields[ospfV3Options], uint64(v))
	ospfFlags(e, "Options", uint64(v), 24, []int{ospfV3OptionsAT, ospfV3OptionsL, ospfV3OptionsAF, ospfV3OptionsDC,
		ospfV3OptionsR, ospfV3OptionsN, ospfV3OptionsMC, ospfV3OptionsE, ospfV3OptionsV6})
}

// ospfV3AF6 reports whether a version 3 packet's instance ID says its
// prefixes are IPv6 ones (the address family Wireshark decodes them in).
func ospfV3AF6(instance uint8) bool { return instance < 64 || instance >= 128 }

// emitOSPFv3Body emits a version 3 message's body. af6: the instance ID
// says the prefixes are IPv6 ones.
func emitOSPFv3Body(e *emitter, body []byte, typ uint8, af6 bool) {
	f := &ospfFields
	switch typ {
	case OSPFHello:
		if len(body) < 20 {
			return
		}
		e.None(&f[ospfHello])
		e.Sub()
		e.Uint(&f[ospfHelloInterfaceID], uint64(be32(body)))
		e.Uint(&f[ospfHelloPriority], uint64(body[4]))
		emitOSPFv3Options(e, be32(body[4:])&0xffffff)
		e.Uint(&f[ospfHelloInterval], uint64(be16(body[8:])))
		e.Uint(&f[ospfHelloDeadInterval], uint64(be16(body[10:])))
		emitOSPFHelloRouters(e, body)
		e.Up()
	case OSPFDBDesc:
		if len(body) < 12 {
			return
		}
		e.LineString("OSPF DB Description")
		e.Sub()
		e.Bytes(&f[ospfReserved], body[0:1])
		emitOSPFv3Options(e, be32(body)&0xffffff)
		e.Uint(&f[ospfDBInterfaceMTU], uint64(be16(body[4:])))
		e.Bytes(&f[ospfReserved], body[6:7])
		fl := uint64(body[7])
		e.Uint(&f[ospfDBD], fl)
		ospfFlags(e, "DB Description", fl, 8, []int{ospfDBDR, ospfDBDI, ospfDBDM, ospfDBDMS})
		e.Uint(&f[ospfDBDDSequence], uint64(be32(body[8:])))
		e.Up()
		if e.all || e.Tree() {
			for k := 12; k+ospfLSAHeaderLen <= len(body); k += ospfLSAHeaderLen {
				emitOSPFv3LSAHeader(e, body[k:k+ospfLSAHeaderLen])
				e.Up()
			}
		}
	case OSPFLSReq:
		for k := 0; k+12 <= len(body); k += 12 {
			e.LineString("Link State Request")
			e.Sub()
			e.Bytes(&f[ospfReserved], body[k:k+2])
			emitOSPFv3LSType(e, be16(body[k+2:]))
			e.IPv4(&f[ospfLinkStateID], body[k+4:k+8])
			e.IPv4(&f[ospfAdvRouter], body[k+8:k+12])
			e.Up()
			if !e.all && !e.Tree() {
				break
			}
		}
	case OSPFLSUpdate:
		if len(body) < 4 {
			return
		}
		e.LineString("LS Update Packet")
		e.Sub()
		n := be32(body)
		e.Uint(&f[ospfLSNumber], uint64(n))
		for k, c := 4, uint32(0); c < n && k+ospfLSAHeaderLen <= len(body); c++ {
			ln := int(be16(body[k+18:]))
			if ln < ospfLSAHeaderLen {
				// tshark shows the header, then its exception.
				emitOSPFv3LSAHeader(e, body[k:k+ospfLSAHeaderLen])
				ospfV3UnknownLSA(e, be16(body[k+2:]))
				e.Up()
				break
			}
			if k+ln > len(body) {
				break
			}
			emitOSPFv3LSAHeader(e, body[k:k+ospfLSAHeaderLen])
			ospfV3UnknownLSA(e, be16(body[k+2:]))
			known := emitOSPFv3LSABody(e, be16(body[k+2:])&0x1fff, body[k+ospfLSAHeaderLen:k+ln], af6)
			e.Up()
			if !e.Tree() && (!known || !e.all) {
				break // the records after an LSA not decoded would be out of tshark's order
			}
			k += ln
		}
		e.Up()
	case OSPFLSAck:
		for k := 0; k+ospfLSAHeaderLen <= len(body); k += ospfLSAHeaderLen {
			emitOSPFv3LSAHeader(e, body[k:k+ospfLSAHeaderLen])
			e.Up()
			if !e.all && !e.Tree() {
				break
			}
		}
	}
}

// emitOSPFv3Prefix emits an address prefix of pl bits from b, zero-padded
// to an IPv6 address, as Wireshark shows it; it returns the prefix's
// length in bytes, or -1 when pl is over 128 or the bytes run short.
func emitOSPFv3Prefix(e *emitter, pl uint8, b []byte) int {
	n := (int(pl) + 31) / 32 * 4
	if pl > 128 || n > len(b) {
		return -1
	}
	var a [16]byte
	copy(a[:], b[:n])
	if pl%8 != 0 {
		a[n-1] &= byte(uint16(0xff00) >> (pl % 8))
	}
	e.IPv6(&ospfFields[ospfV3AddressPrefix], a[:])
	return n
}

// emitOSPFv3PrefixOptions emits a prefix's options byte and its bits.
func emitOSPFv3PrefixOptions(e *emitter, v byte) {
	e.Uint(&ospfFields[ospfV3PrefixOptions], uint64(v))
	ospfFlags(e, "PrefixOptions", uint64(v), 8, []int{ospfV3PrefixOptionsP, ospfV3PrefixOptionsMC,
		ospfV3PrefixOptionsLA, ospfV3PrefixOptionsNU})
}

// emitOSPFv3LSABody emits the body b of a version 3 LSA of function code
// fc, and reports whether all of it was decoded (router, network,
// inter-area prefix, link and intra-area prefix LSAs, IPv6 prefixes).
func emitOSPFv3LSABody(e *emitter, fc uint16, b []byte, af6 bool) bool {
	f := &ospfFields
	switch fc {
	case 1:
		if len(b) < 4 {
			return false
		}
		fl := uint64(b[0])
		e.Uint(&f[ospfV3RouterFlags], fl)
		ospfFlags(e, "Flags", fl, 8, []int{ospfV3RouterFlagsW, ospfV3RouterFlagsV, ospfV3RouterFlagsE, ospfV3RouterFlagsB})
		emitOSPFv3Options(e, be32(b)&0xffffff)
		if len(b) == 4 {
			return true
		}
		if (len(b)-4)%16 != 0 {
			return false
		}
		e.LineString("Router Interfaces")
		e.Sub()
		for k, n := 4, 1; k+16 <= len(b); k, n = k+16, n+1 {
			if e.Tree() {
				e.Line(strconv.AppendUint(append(e.Text(), "Entry #"...), uint64(n), 10))
			}
			e.Sub()
			e.Uint(&f[ospfV3LSAIfType], uint64(b[k]))
			e.Bytes(&f[ospfReserved], b[k+1:k+2])
			e.Uint(&f[ospfMetric], uint64(be16(b[k+2:])))
			e.Uint(&f[ospfV3LSAInterfaceID], uint64(be32(b[k+4:])))
			e.Uint(&f[ospfV3LSANeighborInterfaceID], uint64(be32(b[k+8:])))
			e.IPv4(&f[ospfV3LSANeighborRouterID], b[k+12:k+16])
			e.Up()
		}
		e.Up()
		return true
	case 2:
		if len(b) < 4 || len(b)%4 != 0 {
			return false
		}
		e.Bytes(&f[ospfReserved], b[0:1])
		emitOSPFv3Options(e, be32(b)&0xffffff)
		for k := 4; k+4 <= len(b); k += 4 {
			e.IPv4(&f[ospfV3LSAAttachedRouter], b[k:k+4])
		}
		return true
	case 3:
		if len(b) < 8 || !af6 {
			return false
		}
		e.Bytes(&f[ospfReserved], b[0:1])
		e.Uint(&f[ospfMetric], uint64(be32(b)&0xffffff))
		e.Uint(&f[ospfPrefixLength], uint64(b[4]))
		emitOSPFv3PrefixOptions(e, b[5])
		e.Bytes(&f[ospfReserved], b[6:8])
		return emitOSPFv3Prefix(e, b[4], b[8:]) == len(b)-8
	case 8:
		if len(b) < 24 || !af6 {
			return false
		}
		e.Uint(&f[ospfV3LSARouterPriority], uint64(b[0]))
		emitOSPFv3Options(e, be32(b)&0xffffff)
		e.IPv6(&f[ospfV3LSALinkLocal], b[4:20])
		n := be32(b[20:])
		e.Uint(&f[ospfV3LSANumPrefixes], uint64(n))
		k := 24
		for ; n > 0; n-- {
			if k+4 > len(b) {
				return false
			}
			e.Uint(&f[ospfPrefixLength], uint64(b[k]))
			emitOSPFv3PrefixOptions(e, b[k+1])
			e.Bytes(&f[ospfReserved], b[k+2:k+4])
			m := emitOSPFv3Prefix(e, b[k], b[k+4:])
			if m < 0 {
				return false
			}
			k += 4 + m
		}
		return k == len(b)
	case 9:
		if len(b) < 12 || !af6 {
			return false
		}
		n := uint32(be16(b))
		e.Uint(&f[ospfV3LSANumPrefixes], uint64(n))
		e.Uint(&f[ospfV3LSARefLSType], uint64(be16(b[2:])))
		e.IPv4(&f[ospfV3LSARefLSID], b[4:8])
		e.IPv4(&f[ospfV3LSARefAdvRouter], b[8:12])
		k := 12
		for ; n > 0; n-- {
			if k+4 > len(b) {
				return false
			}
			e.Uint(&f[ospfPrefixLength], uint64(b[k]))
			emitOSPFv3PrefixOptions(e, b[k+1])
			e.Uint(&f[ospfMetric], uint64(be16(b[k+2:])))
			m := emitOSPFv3Prefix(e, b[k], b[k+4:])
			if m < 0 {
				return false
			}
			k += 4 + m
		}
		return k == len(b)
	}
	return len(b) == 0
}

// emitOSPFGrace emits a grace-LSA's TLVs (RFC 3623): each one under a
// heading that repeats its value, its type, length, value and padding a
// level deeper. It reports whether every TLV was one of the three known.
func emitOSPFGrace(e *emitter, b []byte) bool {
	f := &ospfFields
	for k := 0; k+4 <= len(b); {
		typ, n := be16(b[k:]), int(be16(b[k+2:]))
		pad := (4 - n%4) % 4
		if 4+n+pad > len(b)-k {
			return false
		}
		v := b[k+4 : k+4+n]
		var tlv string
		switch {
		case typ == 1 && n == 4:
			tlv = "grace-LSA Grace Period (1)"
		case typ == 2 && n == 1:
			tlv = "grace-LSA Restart Reason (2)"
		case typ == 3 && n == 4:
			tlv = "grace-LSA Restart IP (3)"
		default:
			return false
		}
		e.None(&f[ospfV2Grace])
		if e.Tree() {
			// The heading is the value's line.
			t := e.Text()
			switch typ {
			case 1:
				t = strconv.AppendUint(append(t, "Grace Period: "...), uint64(be32(v)), 10)
				t = append(t, " seconds"...)
			case 2:
				t = append(t, "Restart Reason: "...)
				if r := f[ospfV2GraceReason].ValueNames().Name(uint64(v[0])); r != "" {
					t = append(t, r...)
				} else {
					t = append(t, "Unknown"...)
				}
				t = append(strconv.AppendUint(append(t, " ("...), uint64(v[0]), 10), ')')
			case 3:
				t = addr4(v).AppendTo(append(t, "Restart IP: "...))
			}
			e.SetRepr(t)
		}
		e.Sub()
		e.Uint(&f[ospfTLVType], uint64(typ))
		if e.Tree() {
			e.SetRepr(append(append(e.Text(), "TLV Type: "...), tlv...))
		}
		e.Uint(&f[ospfTLVLength], uint64(n))
		switch typ {
		case 1:
			e.Uint(&f[ospfV2GracePeriod], uint64(be32(v)))
		case 2:
			e.Uint(&f[ospfV2GraceReason], uint64(v[0]))
		case 3:
			e.IPv4(&f[ospfV2GraceIP], v)
		}
		if pad > 0 {
			e.Bytes(&f[ospfPadBytes], b[k+4+n:k+4+n+pad])
		}
		e.Up()
		k += 4 + n + pad
	}
	return true
}

// infoOSPF appends the Info column: the message type's name.
func infoOSPF(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.End-l.Start < 2 || l.Malformed == ReasonBadVersion {
		return b
	}
	t := d.data[l.Start+1]
	if n := ospfMsgName(t); n != "" {
		return append(b, n...)
	}
	b = append(b, "Unknown ("...)
	b = appendUint(b, uint64(t))
	return append(b, ')')
}

// emitOSPFHelloRouters emits a Hello's designated and backup designated
// routers and its neighbours (bytes 12 on of the body, in both versions);
// outside -T fields, ek and the tree, the first neighbour only.
func emitOSPFHelloRouters(e *emitter, body []byte) {
	f := &ospfFields
	e.IPv4(&f[ospfHelloDR], body[12:16])
	e.IPv4(&f[ospfHelloBDR], body[16:20])
	for k := 20; k+4 <= len(body); k += 4 {
		e.IPv4(&f[ospfHelloNeighbor], body[k:k+4])
		if !e.all && !e.Tree() {
			break
		}
	}
}

// ospfTLV returns the TLV at b[k:] (type, value) and the offset of the
// next one, its value padded to 4 bytes; ok is false when its value runs
// past b.
func ospfTLV(b []byte, k int) (typ uint16, v []byte, next int, ok bool) {
	if k+4 > len(b) {
		return 0, nil, 0, false
	}
	typ, n := be16(b[k:]), int(be16(b[k+2:]))
	if k+4+n > len(b) {
		return 0, nil, 0, false
	}
	return typ, b[k+4 : k+4+n], k + 4 + (n+3)&^3, true
}

// emitOSPFRouterInfo emits a router information opaque LSA's body (RFC
// 7770): its TLVs, each under a heading, and reports whether every TLV
// was one whose fields are known (hostname, SR algorithms, SID/label
// ranges, SR local blocks, SRMS preference).
func emitOSPFRouterInfo(e *emitter, b []byte) bool {
	f := &ospfFields
	e.LineString("Opaque Router Information LSA")
	e.Sub()
	defer e.Up()
	for k := 0; k < len(b); {
		typ, v, next, ok := ospfTLV(b, k)
		if !ok {
			return false
		}
		switch {
		case typ == 7 || typ == 8:
		case (typ == 9 || typ == 14) && len(v) >= 4:
		case typ == 15 && len(v) == 4:
		default:
			return false
		}
		if e.Tree() {
			t := append(e.Text(), f[ospfTLVTypeOpaque].ValueNames().Name(uint64(typ))...)
			if typ == 9 || typ == 14 {
				t = strconv.AppendUint(append(t, "  (Range Size: "...), uint64(be32(v)>>8), 10)
				t = append(t, ')')
			}
			e.Line(t)
		}
		e.Sub()
		e.Uint(&f[ospfTLVTypeOpaque], uint64(typ))
		e.Uint(&f[ospfTLVLength], uint64(len(v)))
		known := true
		switch typ {
		case 7:
			e.Bytes(&f[ospfDynHostname], ospfSimplePassword(v))
		case 8:
			for _, a := range v {
				e.Uint(&f[ospfLSASA], uint64(a))
			}
		case 9, 14:
			e.Uint(&f[ospfTLVRangeSize], uint64(be32(v)>>8))
			e.Bytes(&f[ospfReserved], v[3:4])
			known = emitOSPFSIDLabels(e, v[4:])
		case 15:
			e.Uint(&f[ospfTLVPreference], uint64(v[0]))
			e.Bytes(&f[ospfReserved], v[1:4])
		}
		e.Up()
		if !known {
			return false
		}
		k = next
	}
	return true
}

// emitOSPFSIDLabels emits the SID/Label sub-TLVs of a SID/label range,
// each under a heading, and reports whether they all were.
func emitOSPFSIDLabels(e *emitter, b []byte) bool {
	f := &ospfFields
	for k := 0; k < len(b); {
		typ, v, next, ok := ospfTLV(b, k)
		if !ok || typ != 1 || (len(v) != 3 && len(v) != 4) {
			return false
		}
		sid := ospfSIDLabel(v)
		if e.Tree() {
			t := strconv.AppendUint(append(e.Text(), "SID/Label Sub-TLV  (SID/Label: "...), uint64(sid), 10)
			e.Line(append(t, ')'))
		}
		e.Sub()
		e.Uint(&f[ospfTLVSIDLabelRangeType], uint64(typ))
		e.Uint(&f[ospfTLVLength], uint64(len(v)))
		e.Uint(&f[ospfTLVSIDLabel], uint64(sid))
		e.Up()
		k = next
	}
	return true
}

// ospfSIDLabel returns a SID/label: a 3-byte label or a 4-byte index.
func ospfSIDLabel(v []byte) uint32 {
	if len(v) == 3 {
		return uint32(v[0])<<16 | uint32(be16(v[1:]))
	}
	return be32(v)
}

// emitOSPFExtPrefix emits an extended prefix opaque LSA's body (RFC
// 7684, 8665): its extended prefix and prefix range TLVs, each under a
// heading, with their prefix SID sub-TLVs; it reports whether all of
// it was one of those.
func emitOSPFExtPrefix(e *emitter, b []byte) bool {
	f := &ospfFields
	e.LineString("OSPFv2 Extended Prefix Opaque LSA")
	e.Sub()
	defer e.Up()
	for k := 0; k < len(b); {
		typ, v, next, ok := ospfTLV(b, k)
		if !ok || (typ != 1 && typ != 2) {
			return false
		}
		// The fixed part: 4 bytes for an extended prefix, 8 for a
		// range, then an IPv4 prefix of 1 to 32 bits in 4 bytes.
		fixed := 4
		if typ == 2 {
			fixed = 8
		}
		pl := v[1]
		if typ == 2 {
			pl = v[0]
		}
		if len(v) < fixed+4 || pl == 0 || pl > 32 {
			return false
		}
		pfx := v[fixed : fixed+4]
		if e.Tree() {
			t := e.Text()
			if typ == 1 {
				t = append(t, "OSPFv2 Extended Prefix TLV  (Type: "...)
				t = append(t, f[ospfExtPfxRouteType].ValueNames().Name(uint64(v[0]))...)
				t = append(t, "    Prefix: "...)
			} else {
				t = strconv.AppendUint(append(t, "OSPFv2 Extended Prefix Range TLV  (Range Size: "...), uint64(be16(v[2:])), 10)
				t = append(t, ", Prefix: "...)
			}
			t = addr4(pfx).AppendTo(t)
			t = strconv.AppendUint(append(t, '/'), uint64(pl), 10)
			e.Line(append(t, ')'))
		}
		e.Sub()
		e.Uint(&f[ospfExtPfxTLVType], uint64(typ))
		e.Uint(&f[ospfTLVLength], uint64(len(v)))
		if typ == 1 {
			e.Uint(&f[ospfExtPfxRouteType], uint64(v[0]))
			e.Uint(&f[ospfPrefixLength], uint64(pl))
			e.Uint(&f[ospfExtPfxAF], uint64(v[2]))
			e.Uint(&f[ospfExtPfxFlags], uint64(v[3]))
			ospfFlags(e, "Flags", uint64(v[3]), 8, []int{ospfExtPfxFlagsA, ospfExtPfxFlagsN})
		} else {
			e.Uint(&f[ospfPrefixLength], uint64(pl))
			e.Uint(&f[ospfExtPfxAF], uint64(v[1]))
			e.Uint(&f[ospfTLVRangeSize], uint64(be16(v[2:])))
			e.Uint(&f[ospfExtPfxRangeFlags], uint64(v[4]))
			ospfFlags(e, "Flags", uint64(v[4]), 8, []int{ospfExtPfxRangeFlagsIA})
			e.Bytes(&f[ospfReserved], v[5:8])
		}
		e.IPv4(&f[ospfV3AddressPrefixIPv4], pfx)
		known := emitOSPFPrefixSIDs(e, v[fixed+4:])
		e.Up()
		if !known {
			return false
		}
		k = next
	}
	return true
}

// emitOSPFPrefixSIDs emits the prefix SID sub-TLVs of an extended prefix
// TLV, each under a heading, and reports whether they all were.
func emitOSPFPrefixSIDs(e *emitter, b []byte) bool {
	f := &ospfFields
	for k := 0; k < len(b); {
		typ, v, next, ok := ospfTLV(b, k)
		if !ok || typ != 2 || (len(v) != 7 && len(v) != 8) {
			return false
		}
		sid := ospfSIDLabel(v[4:])
		if e.Tree() {
			t := strconv.AppendUint(append(e.Text(), "Prefix SID Sub-TLV  (SID/Label: "...), uint64(sid), 10)
			e.Line(append(t, ')'))
		}
		e.Sub()
		e.Uint(&f[ospfExtPfxSubTLVType], uint64(typ))
		e.Uint(&f[ospfTLVLength], uint64(len(v)))
		e.Uint(&f[ospfPfxSIDFlags], uint64(v[0]))
		ospfFlags(e, "Flags", uint64(v[0]), 8, []int{ospfPfxSIDFlagsNP, ospfPfxSIDFlagsM, ospfPfxSIDFlagsE,
			ospfPfxSIDFlagsV, ospfPfxSIDFlagsL})
		e.Bytes(&f[ospfReserved], v[1:2])
		e.Uint(&f[ospfExtLinkMTID], uint64(v[2]))
		e.Uint(&f[ospfLSASA], uint64(v[3]))
		e.Uint(&f[ospfTLVSIDLabel], uint64(sid))
		e.Up()
		k = next
	}
	return true
}

// emitOSPFv3AuthTrailer emits a version 3 authentication trailer: its
// type, length, SA ID, sequence number and data.
func emitOSPFv3AuthTrailer(e *emitter, at []byte) {
	f := &ospfFields
	e.None(&f[ospfAT])
	e.Sub()
	e.Uint(&f[ospfATAuthType], uint64(be16(at)))
	e.Uint(&f[ospfATAuthDataLen], uint64(be16(at[2:])))
	e.Uint(&f[ospfATReserved], uint64(be16(at[4:])))
	e.Uint(&f[ospfATSAID], uint64(be16(at[6:])))
	e.Uint(&f[ospfATCryptoSeqNbr], uint64(be32(at[8:]))<<32|uint64(be32(at[12:])))
	e.Bytes(&f[ospfATAuthData], at[16:])
	e.Up()
}

// ospfV3UnknownLSA adds tshark's expert item after the header of an LS
// Update's LSA whose function code it does not know.
func ospfV3UnknownLSA(e *emitter, typ uint16) {
	if fc := uint64(typ & 0x1fff); e.Tree() && ospfFields[ospfV3LSAFC].ValueNames().Name(fc) == "" {
		var arg [8]byte
		e.ExpertLine("Warning", "Protocol", "Unknown LSA Type ", strconv.AppendUint(arg[:0], fc, 10))
	}
}
