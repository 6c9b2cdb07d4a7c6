package decode

import "time"

// ICMPv4 is an ICMP message (RFC 792): type, code, checksum and 4 bytes
// whose meaning depends on the type, then the body.
type ICMPv4 []byte

// ParseICMPv4 returns the ICMP message at the start of b.
func ParseICMPv4(b []byte) (ICMPv4, error) {
	if len(b) < 8 {
		return nil, ReasonTruncated
	}
	return ICMPv4(b[:len(b):len(b)]), nil
}

// ICMP types.
const (
	ICMPEchoReply      = 0
	ICMPUnreachable    = 3
	ICMPSourceQuench   = 4
	ICMPRedirect       = 5
	ICMPEcho           = 8
	ICMPRouterAdvert   = 9
	ICMPRouterSolicit  = 10
	ICMPTimeExceeded   = 11
	ICMPParamProblem   = 12
	ICMPTimestamp      = 13
	ICMPTimestampReply = 14
	ICMPInfoRequest    = 15
	ICMPInfoReply      = 16
	ICMPMaskRequest    = 17
	ICMPMaskReply      = 18
	ICMPExtEchoRequest = 42 // RFC 8335 (PROBE)
)

// Type returns the message type.
func (m ICMPv4) Type() uint8 { return m[0] }

// Code returns the code.
func (m ICMPv4) Code() uint8 { return m[1] }

// Checksum returns the checksum field.
func (m ICMPv4) Checksum() uint16 { return be16(m[2:]) }

// ID returns the identifier of echo, timestamp, info and mask messages.
func (m ICMPv4) ID() uint16 { return be16(m[4:]) }

// Seq returns their sequence number.
func (m ICMPv4) Seq() uint16 { return be16(m[6:]) }

// Gateway returns a redirect's gateway address bytes.
func (m ICMPv4) Gateway() []byte { return m[4:8] }

// MTU returns the next-hop MTU of a "fragmentation needed" message.
func (m ICMPv4) MTU() uint16 { return be16(m[6:]) }

// Body returns the bytes after the 8-byte header.
func (m ICMPv4) Body() []byte { return m[8:] }

// IsError reports whether the message quotes an offending IP packet.
func (m ICMPv4) IsError() bool {
	switch m.Type() {
	case ICMPUnreachable, ICMPSourceQuench, ICMPRedirect, ICMPTimeExceeded, ICMPParamProblem:
		return true
	}
	return false
}

func (d *Decoder) decodeICMPv4(l *Layer) LayerType {
	m, err := ParseICMPv4(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + 8
	if m.IsError() && !l.Quoted && l.Payload < l.End {
		d.quoted = true
		return LayerIPv4
	}
	switch m.Type() {
	case ICMPEcho, ICMPEchoReply:
		// The echo data follows (Wireshark's "data").
	default:
		l.Payload = l.End
	}
	return LayerNone
}

// ICMPv6 is an ICMPv6 message (RFC 4443): type, code, checksum, then a body
// whose meaning depends on the type.
type ICMPv6 []byte

// ParseICMPv6 returns the ICMPv6 message at the start of b.
func ParseICMPv6(b []byte) (ICMPv6, error) {
	if len(b) < 4 {
		return nil, ReasonTruncated
	}
	return ICMPv6(b[:len(b):len(b)]), nil
}

// ICMPv6 types.
const (
	ICMPv6Unreachable     = 1
	ICMPv6PacketTooBig    = 2
	ICMPv6TimeExceeded    = 3
	ICMPv6ParamProblem    = 4
	ICMPv6EchoRequest     = 128
	ICMPv6EchoReply       = 129
	ICMPv6MLDQuery        = 130
	ICMPv6MLDReport       = 131
	ICMPv6MLDDone         = 132
	ICMPv6RouterSolicit   = 133
	ICMPv6RouterAdvert    = 134
	ICMPv6NeighborSolicit = 135
	ICMPv6NeighborAdvert  = 136
	ICMPv6Redirect        = 137
	ICMPv6RouterRenum     = 138
	ICMPv6NodeInfoQuery   = 139
	ICMPv6MLDv2Report     = 143
)

// Type returns the message type.
func (m ICMPv6) Type() uint8 { return m[0] }

// Code returns the code.
func (m ICMPv6) Code() uint8 { return m[1] }

// Checksum returns the checksum field.
func (m ICMPv6) Checksum() uint16 { return be16(m[2:]) }

// Body returns the bytes after type, code and checksum.
func (m ICMPv6) Body() []byte { return m[4:] }

// Word returns the 4 bytes after the checksum as a number (echo id<<16|seq,
// MTU, pointer), or 0 when the message is shorter.
func (m ICMPv6) Word() uint32 {
	if len(m) < 8 {
		return 0
	}
	return be32(m[4:])
}

// IsError reports whether the message quotes an offending packet.
func (m ICMPv6) IsError() bool { return m.Type() < 128 }

// HeaderLen returns the fixed part before a type's options or quoted packet.
func (m ICMPv6) HeaderLen() int {
	switch m.Type() {
	case ICMPv6RouterSolicit:
		return 8
	case ICMPv6RouterAdvert:
		return 16
	case ICMPv6NeighborSolicit, ICMPv6NeighborAdvert:
		return 24
	case ICMPv6Redirect:
		return 40
	case ICMPv6MLDQuery, ICMPv6MLDReport, ICMPv6MLDDone:
		return 24
	}
	return 8
}

// NDOption is one neighbour-discovery option: its type and the bytes after
// type and length.
type NDOption struct {
	Type uint8
	Data []byte
}

// NextNDOption returns the ND option at offset off of the message and the
// offset of the next one; ok is false at the end, bad is set for a zero or
// overlong length.
func (m ICMPv6) NextNDOption(off int) (o NDOption, next int, ok, bad bool) {
	if off >= len(m) {
		return o, off, false, false
	}
	if off+2 > len(m) {
		return o, len(m), true, true
	}
	o.Type = m[off]
	n := int(m[off+1]) * 8
	if n == 0 || off+n > len(m) {
		o.Data = m[off+2:]
		return o, len(m), true, true
	}
	o.Data = m[off+2 : off+n]
	return o, off + n, true, false
}

func (d *Decoder) decodeICMPv6(l *Layer) LayerType {
	m, err := ParseICMPv6(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	if len(m) < m.HeaderLen() && !l.Quoted {
		l.Payload = l.Start + 4
		l.Malformed = ReasonTruncated
		return LayerNone
	}
	l.Payload = l.Start + min(m.HeaderLen(), len(m))
	if m.IsError() && !l.Quoted && l.Payload < l.End {
		d.quoted = true
		return LayerIPv6
	}
	if m.Type() != ICMPv6EchoRequest && m.Type() != ICMPv6EchoReply {
		l.Payload = l.End
	}
	return LayerNone
}

const (
	icmpType = iota
	icmpCode
	icmpChecksum
	icmpIdent
	icmpSeq
	icmpIdentLE
	icmpSeqLE
	icmpRespTo
	icmpResptime
	icmpRedirGw
	icmpUnused
	icmpLength
	icmpLengthOrig
	icmpMTU
	icmpPointer
	icmpExt
	icmpExtVersion
	icmpExtRes
	icmpExtChecksum
	icmpExtChecksumStatus
	icmpExtLength
	icmpExtClass
	icmpExtCtype
	icmpExtData
	icmpMPLSLabel
	icmpMPLSExp
	icmpMPLSS
	icmpMPLSTTL
	icmpMPLSData
	icmpIntRole
	icmpIntReserved
	icmpIntIfindex
	icmpIntIPAddr
	icmpIntNamePresent
	icmpIntMTUPresent
	icmpIntIndex
	icmpIntAFI
	icmpReserved
	icmpIntIPv4
	icmpIntIPv6
	icmpIntNameLength
	icmpIntName
	icmpIntMTU
	icmpIntIdentName
	icmpExtEchoSeq
	icmpExtEchoReqRes
	icmpExtEchoReqLocal
	icmpChecksumStatus
	icmpDataTimeAbs
	icmpDataTimeRel
	icmpFieldCount
)

var icmpFields = [icmpFieldCount]Field{
	icmpType:     {Name: "icmp.type", Label: "Type", Kind: KindUint, Width: 8},
	icmpCode:     {Name: "icmp.code", Label: "Code", Kind: KindUint, Width: 8},
	icmpChecksum: {Name: "icmp.checksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	icmpIdent:    {Name: "icmp.ident", Label: "Identifier (BE)", Kind: KindUint, Width: 16, Base: BaseDecHex},
	icmpSeq:      {Name: "icmp.seq", Label: "Sequence Number (BE)", Kind: KindUint, Width: 16, Base: BaseDecHex},
	// The little-endian readings, which only the tree shows yet.
	icmpIdentLE:  {Name: "icmp.ident_le", Label: "Identifier (LE)", Kind: KindUint, Width: 16, Base: BaseDecHex},
	icmpSeqLE:    {Name: "icmp.seq_le", Label: "Sequence Number (LE)", Kind: KindUint, Width: 16, Base: BaseDecHex},
	icmpRespTo:   {Name: "icmp.resp_to", Label: "Request frame", Kind: KindFrameNum, Generated: true},
	icmpResptime: {Name: "icmp.resptime", Label: "Response time", Kind: KindFloat, Generated: true},
	// The time an echo's data starts with, when it is one near the
	// frame's (as tshark guesses), and the frame's time since.
	icmpDataTimeAbs: {Name: "icmp.data_time", Label: "Timestamp from icmp data", Kind: KindTime},
	icmpDataTimeRel: {Name: "icmp.data_time_relative", Label: "Timestamp from icmp data (relative)", Kind: KindRelTime, Unit: " seconds", Generated: true},
	icmpRedirGw:     {Name: "icmp.redir_gw", Label: "Gateway Address", Kind: KindIPv4},

	// The header of an error (RFC 4884's length) and its extension
	// structure (icmp_ext_tree.go).
	icmpUnused:            {Name: "icmp.unused", Label: "Unused", Kind: KindBytes},
	icmpLength:            {Name: "icmp.length", Label: "Length", Kind: KindUint, Width: 8},
	icmpLengthOrig:        {Name: "icmp.length.original_datagram", Label: "Length of original datagram", Kind: KindUint, Width: 8, Generated: true},
	icmpMTU:               {Name: "icmp.mtu", Label: "MTU of next hop", Kind: KindUint, Width: 16},
	icmpPointer:           {Name: "icmp.pointer", Label: "Pointer", Kind: KindUint, Width: 32},
	icmpExt:               {Name: "icmp.ext", Label: "ICMP Extensions", Kind: KindNone},
	icmpExtVersion:        {Name: "icmp.ext.version", Label: "Version", Kind: KindUint, Width: 8},
	icmpExtRes:            {Name: "icmp.ext.res", Label: "Reserved", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xfff},
	icmpExtChecksum:       {Name: "icmp.ext.checksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	icmpExtChecksumStatus: {Name: "icmp.ext.checksum.status", Label: "Checksum Status", Kind: KindUint, Width: 8, Base: BaseNone, Generated: true},
	icmpExtLength:         {Name: "icmp.ext.length", Label: "Length", Kind: KindUint, Width: 16},
	icmpExtClass:          {Name: "icmp.ext.class", Label: "Class", Kind: KindUint, Width: 8},
	icmpExtCtype:          {Name: "icmp.ext.ctype", Label: "C-Type", Kind: KindUint, Width: 8},
	icmpExtData:           {Name: "icmp.ext.data", Label: "Data", Kind: KindBytes},
	icmpMPLSLabel:         {Name: "icmp.mpls.label", Label: "Label", Kind: KindUint, Width: 24, Mask: 0xfffff0},
	icmpMPLSExp:           {Name: "icmp.mpls.exp", Label: "Experimental", Kind: KindUint, Width: 24, Mask: 0xe},
	icmpMPLSS:             {Name: "icmp.mpls.s", Label: "Stack bit", Kind: KindBool, Width: 24, Mask: 0x1},
	icmpMPLSTTL:           {Name: "icmp.mpls.ttl", Label: "Time to live", Kind: KindUint, Width: 8},
	icmpMPLSData:          {Name: "icmp.mpls.data", Label: "Data", Kind: KindBytes},
	icmpIntRole:           {Name: "icmp.int_info.role", Label: "Interface Role", Kind: KindUint, Width: 8, Mask: 0xc0},
	icmpIntReserved:       {Name: "icmp.int_info.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Mask: 0x30},
	icmpIntIfindex:        {Name: "icmp.int_info.ifindex", Label: "ifIndex", Kind: KindBool, Width: 8, Mask: 0x8},
	icmpIntIPAddr:         {Name: "icmp.int_info.ipaddr", Label: "IP Address", Kind: KindBool, Width: 8, Mask: 0x4},
	icmpIntNamePresent:    {Name: "icmp.int_info.name_present", Label: "Interface Name", Kind: KindBool, Width: 8, Mask: 0x2},
	icmpIntMTUPresent:     {Name: "icmp.int_info.mtu_present", Label: "MTU", Kind: KindBool, Width: 8, Mask: 0x1},
	icmpIntIndex:          {Name: "icmp.int_info.index", Label: "Interface Index", Kind: KindUint, Width: 32},
	icmpIntAFI:            {Name: "icmp.int_info.afi", Label: "Address Family Identifier", Kind: KindUint, Width: 16},
	icmpReserved:          {Name: "icmp.reserved", Label: "Reserved", Kind: KindBytes},
	icmpIntIPv4:           {Name: "icmp.int_info.ipv4", Label: "Source", Kind: KindIPv4},
	icmpIntIPv6:           {Name: "icmp.int_info.ipv6", Label: "Source", Kind: KindIPv6},
	icmpIntNameLength:     {Name: "icmp.int_info.name_length", Label: "Name Length", Kind: KindUint, Width: 8},
	icmpIntName:           {Name: "icmp.int_info.name", Label: "Name", Kind: KindString},
	icmpIntMTU:            {Name: "icmp.int_info.mtu", Label: "Maximum Transmission Unit", Kind: KindUint, Width: 32},
	icmpIntIdentName:      {Name: "icmp.int_ident.name", Label: "Name", Kind: KindString},
	icmpExtEchoSeq:        {Name: "icmp.ext.echo.seq", Label: "Sequence Number", Kind: KindUint, Width: 8, Base: BaseDecHex},
	icmpExtEchoReqRes:     {Name: "icmp.ext.echo.req.res", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xfe},
	icmpExtEchoReqLocal:   {Name: "icmp.ext.echo.req.local", Label: "Local bit", Kind: KindBool, Width: 8, Mask: 0x01},
	icmpChecksumStatus:    {Name: "icmp.checksum.status", Label: "Checksum Status", Kind: KindUint, Width: 8, Base: BaseNone, Generated: true},
}

var protoICMP = protoField("icmp", "Internet Control Message Protocol")

const (
	icmpv6Type = iota
	icmpv6Code
	icmpv6Checksum
	icmpv6EchoIdentifier
	icmpv6EchoSequenceNumber
	icmpv6NdNsTargetAddress
	icmpv6NdNaTargetAddress
	icmpv6Mtu
	icmpv6Pointer
	icmpv6RespTo
	icmpv6Resptime
	icmpv6Length
	icmpv6Reserved
	// Neighbour discovery (RFC 4861) and its options, MLD (RFC 2710,
	// RFC 3810): icmpv6_nd.go.
	icmpv6NdRaCurHopLimit
	icmpv6NdRaFlag
	icmpv6NdRaFlagM
	icmpv6NdRaFlagO
	icmpv6NdRaFlagH
	icmpv6NdRaFlagPrf
	icmpv6NdRaFlagP
	icmpv6NdRaFlagRsv
	icmpv6NdRaRouterLifetime
	icmpv6NdRaReachableTime
	icmpv6NdRaRetransTimer
	icmpv6NdNaFlag
	icmpv6NdNaFlagR
	icmpv6NdNaFlagS
	icmpv6NdNaFlagO
	icmpv6NdNaFlagRsv
	icmpv6NdRdTargetAddress
	icmpv6RdNaDestinationAddress
	icmpv6Opt
	icmpv6OptType
	icmpv6OptLength
	icmpv6OptReserved
	icmpv6OptLinkaddr
	icmpv6OptSrcLinkaddr
	icmpv6OptTargetLinkaddr
	icmpv6OptPrefixLength
	icmpv6OptPrefixFlag
	icmpv6OptPrefixFlagL
	icmpv6OptPrefixFlagA
	icmpv6OptPrefixFlagR
	icmpv6OptPrefixFlagReserved
	icmpv6OptPrefixValidLifetime
	icmpv6OptPrefixPreferredLifetime
	icmpv6OptPrefix
	icmpv6OptMtu
	icmpv6OptRdnssLifetime
	icmpv6OptRdnss
	icmpv6OptNonce
	icmpv6OptPref64ScaledLifetime
	icmpv6OptPref64Plc
	icmpv6OptPref64Prefix
	icmpv6MldMaximumResponseDelay
	icmpv6MldMaximumResponseCode
	icmpv6MldMulticastAddress
	icmpv6MldFlag
	icmpv6MldFlagS
	icmpv6MldFlagQrv
	icmpv6MldFlagReserved
	icmpv6MldQqi
	icmpv6MldNbSources
	icmpv6MldSourceAddress
	icmpv6MldrNbMcastRecords
	icmpv6MldrMar
	icmpv6MldrMarRecordType
	icmpv6MldrMarAuxDataLen
	icmpv6MldrMarNbSources
	icmpv6MldrMarMulticastAddress
	icmpv6MldrMarSourceAddress
	icmpv6ChecksumStatus
	icmpv6OptRouteInfoFlag
	icmpv6OptRouteInfoPref
	icmpv6OptRouteInfoReserved
	icmpv6OptRouteLifetime
	icmpv6OptDnsslLifetime
	icmpv6OptDnssl
	icmpv6OptPadding
	// Router renumbering (RFC 2894): icmpv6_rr.go.
	icmpv6RRSeq
	icmpv6RRSeg
	icmpv6RRFlag
	icmpv6RRFlagT
	icmpv6RRFlagR
	icmpv6RRFlagA
	icmpv6RRFlagS
	icmpv6RRFlagP
	icmpv6RRFlagRsv
	icmpv6RRMaxDelay
	icmpv6RRMatch
	icmpv6RRMatchOpCode
	icmpv6RRMatchOpLength
	icmpv6RRMatchOrdinal
	icmpv6RRMatchLen
	icmpv6RRMatchMinLen
	icmpv6RRMatchMaxLen
	icmpv6RRMatchPrefix
	icmpv6RRUse
	icmpv6RRUseLen
	icmpv6RRUseKeepLen
	icmpv6RRUseFlagMask
	icmpv6RRUseMaskL
	icmpv6RRUseMaskA
	icmpv6RRUseMaskRsv
	icmpv6RRUseRAFlags
	icmpv6RRUseValid
	icmpv6RRUsePreferred
	icmpv6RRUseFlag
	icmpv6RRUseFlagV
	icmpv6RRUseFlagP
	icmpv6RRUseFlagRsv
	icmpv6RRUsePrefix
	// Node information queries (RFC 4620): icmpv6_ni.go.
	icmpv6NIQtype
	icmpv6NIFlag
	icmpv6NIFlagG
	icmpv6NIFlagS
	icmpv6NIFlagL
	icmpv6NIFlagC
	icmpv6NIFlagA
	icmpv6NIFlagT
	icmpv6NIFlagRsv
	icmpv6NINonce
	icmpv6NISubjectIPv6
	icmpv6NISubjectIPv4
	icmpv6FieldCount
)

var icmpv6Fields = [icmpv6FieldCount]Field{
	icmpv6Type:               {Name: "icmpv6.type", Label: "Type", Kind: KindUint, Width: 8, Values: &icmpv6TypeNames},
	icmpv6Code:               {Name: "icmpv6.code", Label: "Code", Kind: KindUint, Width: 8},
	icmpv6Checksum:           {Name: "icmpv6.checksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	icmpv6EchoIdentifier:     {Name: "icmpv6.echo.identifier", Label: "Identifier", Kind: KindUint, Width: 16, Base: BaseHex},
	icmpv6EchoSequenceNumber: {Name: "icmpv6.echo.sequence_number", Label: "Sequence", Kind: KindUint, Width: 16},
	icmpv6NdNsTargetAddress:  {Name: "icmpv6.nd.ns.target_address", Label: "Target Address", Kind: KindIPv6},
	icmpv6NdNaTargetAddress:  {Name: "icmpv6.nd.na.target_address", Label: "Target Address", Kind: KindIPv6},
	icmpv6Mtu:                {Name: "icmpv6.mtu", Label: "MTU", Kind: KindUint, Width: 32},
	icmpv6Pointer:            {Name: "icmpv6.pointer", Label: "Pointer", Kind: KindUint, Width: 32},
	icmpv6RespTo:             {Name: "icmpv6.resp_to", Label: "Response To", Kind: KindFrameNum, Generated: true},
	icmpv6Resptime:           {Name: "icmpv6.resptime", Label: "Response Time", Kind: KindFloat, Generated: true},
	icmpv6Length:             {Name: "icmpv6.length", Label: "Length of original datagram", Kind: KindUint, Width: 8},
	icmpv6Reserved:           {Name: "icmpv6.reserved", Label: "Reserved", Kind: KindBytes},

	icmpv6NdRaCurHopLimit:        {Name: "icmpv6.nd.ra.cur_hop_limit", Label: "Cur hop limit", Kind: KindUint, Width: 8},
	icmpv6NdRaFlag:               {Name: "icmpv6.nd.ra.flag", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	icmpv6NdRaFlagM:              {Name: "icmpv6.nd.ra.flag.m", Label: "Managed address configuration", Kind: KindBool, Width: 8, Mask: 0x80},
	icmpv6NdRaFlagO:              {Name: "icmpv6.nd.ra.flag.o", Label: "Other configuration", Kind: KindBool, Width: 8, Mask: 0x40},
	icmpv6NdRaFlagH:              {Name: "icmpv6.nd.ra.flag.h", Label: "Home Agent", Kind: KindBool, Width: 8, Mask: 0x20},
	icmpv6NdRaFlagPrf:            {Name: "icmpv6.nd.ra.flag.prf", Label: "Prf (Default Router Preference)", Kind: KindUint, Width: 8, Mask: 0x18},
	icmpv6NdRaFlagP:              {Name: "icmpv6.nd.ra.flag.p", Label: "Proxy", Kind: KindBool, Width: 8, Mask: 0x04},
	icmpv6NdRaFlagRsv:            {Name: "icmpv6.nd.ra.flag.rsv", Label: "Reserved", Kind: KindUint, Width: 8, Mask: 0x03},
	icmpv6NdRaRouterLifetime:     {Name: "icmpv6.nd.ra.router_lifetime", Label: "Router lifetime (s)", Kind: KindUint, Width: 16},
	icmpv6NdRaReachableTime:      {Name: "icmpv6.nd.ra.reachable_time", Label: "Reachable time (ms)", Kind: KindUint, Width: 32},
	icmpv6NdRaRetransTimer:       {Name: "icmpv6.nd.ra.retrans_timer", Label: "Retrans timer (ms)", Kind: KindUint, Width: 32},
	icmpv6NdNaFlag:               {Name: "icmpv6.nd.na.flag", Label: "Flags", Kind: KindUint, Width: 32, Base: BaseHex},
	icmpv6NdNaFlagR:              {Name: "icmpv6.nd.na.flag.r", Label: "Router", Kind: KindBool, Width: 32, Mask: 0x80000000},
	icmpv6NdNaFlagS:              {Name: "icmpv6.nd.na.flag.s", Label: "Solicited", Kind: KindBool, Width: 32, Mask: 0x40000000},
	icmpv6NdNaFlagO:              {Name: "icmpv6.nd.na.flag.o", Label: "Override", Kind: KindBool, Width: 32, Mask: 0x20000000},
	icmpv6NdNaFlagRsv:            {Name: "icmpv6.nd.na.flag.rsv", Label: "Reserved", Kind: KindUint, Width: 32, Mask: 0x1fffffff},
	icmpv6NdRdTargetAddress:      {Name: "icmpv6.nd.rd.target_address", Label: "Target Address", Kind: KindIPv6},
	icmpv6RdNaDestinationAddress: {Name: "icmpv6.rd.na.destination_address", Label: "Destination Address", Kind: KindIPv6},
	icmpv6Opt:                    {Name: "icmpv6.opt", Label: "ICMPv6 Option", Kind: KindNone},
	icmpv6OptType:                {Name: "icmpv6.opt.type", Label: "Type", Kind: KindUint, Width: 8},
	icmpv6OptLength:              {Name: "icmpv6.opt.length", Label: "Length", Kind: KindUint, Width: 8},
	icmpv6OptReserved:            {Name: "icmpv6.opt.reserved", Label: "Reserved", Kind: KindNone},
	// A link-layer address is bytes shown with colons (SEP_COLON); the
	// source or target copy is hidden.
	icmpv6OptLinkaddr:           {Name: "icmpv6.opt.linkaddr", Label: "Link-layer address", Kind: KindBytes, ColonSep: true},
	icmpv6OptSrcLinkaddr:        {Name: "icmpv6.opt.src_linkaddr", Label: "Source Link-layer address", Kind: KindBytes, ColonSep: true},
	icmpv6OptTargetLinkaddr:     {Name: "icmpv6.opt.target_linkaddr", Label: "Target Link-layer address", Kind: KindBytes, ColonSep: true},
	icmpv6OptPrefixLength:       {Name: "icmpv6.opt.prefix.length", Label: "Prefix Length", Kind: KindUint, Width: 8},
	icmpv6OptPrefixFlag:         {Name: "icmpv6.opt.prefix.flag", Label: "Flag", Kind: KindUint, Width: 8, Base: BaseHex},
	icmpv6OptPrefixFlagL:        {Name: "icmpv6.opt.prefix.flag.l", Label: "On-link flag(L)", Kind: KindBool, Width: 8, Mask: 0x80},
	icmpv6OptPrefixFlagA:        {Name: "icmpv6.opt.prefix.flag.a", Label: "Autonomous address-configuration flag(A)", Kind: KindBool, Width: 8, Mask: 0x40},
	icmpv6OptPrefixFlagR:        {Name: "icmpv6.opt.prefix.flag.r", Label: "Router address flag(R)", Kind: KindBool, Width: 8, Mask: 0x20},
	icmpv6OptPrefixFlagReserved: {Name: "icmpv6.opt.prefix.flag.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Mask: 0x1f},
	// The lifetimes name only "Infinity" (BASE_SPECIAL_VALS): the
	// others show as numbers, which is what rawcap draws for all.
	icmpv6OptPrefixValidLifetime:     {Name: "icmpv6.opt.prefix.valid_lifetime", Label: "Valid Lifetime", Kind: KindUint, Width: 32, Values: &ValueNames{}},
	icmpv6OptPrefixPreferredLifetime: {Name: "icmpv6.opt.prefix.preferred_lifetime", Label: "Preferred Lifetime", Kind: KindUint, Width: 32, Values: &ValueNames{}},
	icmpv6OptPrefix:                  {Name: "icmpv6.opt.prefix", Label: "Prefix", Kind: KindIPv6},
	icmpv6OptMtu:                     {Name: "icmpv6.opt.mtu", Label: "MTU", Kind: KindUint, Width: 32},
	icmpv6OptRdnssLifetime:           {Name: "icmpv6.opt.rdnss.lifetime", Label: "Lifetime", Kind: KindUint, Width: 32, Values: &ValueNames{}},
	icmpv6OptRdnss:                   {Name: "icmpv6.opt.rdnss", Label: "Recursive DNS Servers", Kind: KindIPv6},
	icmpv6OptNonce:                   {Name: "icmpv6.opt.nonce", Label: "Nonce", Kind: KindBytes},
	icmpv6OptPref64ScaledLifetime:    {Name: "icmpv6.opt.pref64.scaled_lifetime", Label: "Scaled Lifetime", Kind: KindUint, Width: 16, Mask: 0xfff8},
	icmpv6OptPref64Plc:               {Name: "icmpv6.opt.pref64.plc", Label: "PLC (Prefix Length Code)", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0x7},
	icmpv6OptPref64Prefix:            {Name: "icmpv6.opt.pref64.prefix", Label: "Prefix", Kind: KindIPv6},
	icmpv6OptRouteInfoFlag:           {Name: "icmpv6.opt.route_info.flag", Label: "Flag", Kind: KindUint, Width: 8, Base: BaseHex},
	icmpv6OptRouteInfoPref:           {Name: "icmpv6.opt.route_info.flag.route_preference", Label: "Route Preference", Kind: KindUint, Width: 8, Mask: 0x18},
	icmpv6OptRouteInfoReserved:       {Name: "icmpv6.opt.route_info.flag.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Mask: 0xe7},
	icmpv6OptRouteLifetime:           {Name: "icmpv6.opt.route_lifetime", Label: "Route Lifetime", Kind: KindUint, Width: 32, Values: &ValueNames{}},
	icmpv6OptDnsslLifetime:           {Name: "icmpv6.opt.dnssl.lifetime", Label: "Lifetime", Kind: KindUint, Width: 32, Values: &ValueNames{}},
	icmpv6OptDnssl:                   {Name: "icmpv6.opt.dnssl", Label: "Domain Names", Kind: KindString},
	icmpv6OptPadding:                 {Name: "icmpv6.opt.padding", Label: "Padding", Kind: KindNone},
	icmpv6RRSeq:                      {Name: "icmpv6.rr.sequence_number", Label: "Sequence Number", Kind: KindUint, Width: 32},
	icmpv6RRSeg:                      {Name: "icmpv6.rr.segment_number", Label: "Segment Number", Kind: KindUint, Width: 8},
	icmpv6RRFlag:                     {Name: "icmpv6.rr.flag", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	icmpv6RRFlagT:                    {Name: "icmpv6.rr.flag.t", Label: "Test Command", Kind: KindBool, Width: 8, Mask: 0x80},
	icmpv6RRFlagR:                    {Name: "icmpv6.rr.flag.r", Label: "Result requested", Kind: KindBool, Width: 8, Mask: 0x40},
	icmpv6RRFlagA:                    {Name: "icmpv6.rr.flag.a", Label: "All Interfaces", Kind: KindBool, Width: 8, Mask: 0x20},
	icmpv6RRFlagS:                    {Name: "icmpv6.rr.flag.s", Label: "Site-specific", Kind: KindBool, Width: 8, Mask: 0x10},
	icmpv6RRFlagP:                    {Name: "icmpv6.rr.flag.p", Label: "Processed previously", Kind: KindBool, Width: 8, Mask: 0x8},
	icmpv6RRFlagRsv:                  {Name: "icmpv6.rr.flag.rsv", Label: "Reserved", Kind: KindUint, Width: 8, Mask: 0x7},
	icmpv6RRMaxDelay:                 {Name: "icmpv6.rr.maxdelay", Label: "Max Delay", Kind: KindUint, Width: 16},
	icmpv6RRMatch:                    {Name: "icmpv6.rr.pco.mp", Label: "Match-Prefix Part", Kind: KindNone},
	icmpv6RRMatchOpCode:              {Name: "icmpv6.rr.pco.mp.opcode", Label: "OpCode", Kind: KindUint, Width: 8},
	icmpv6RRMatchOpLength:            {Name: "icmpv6.rr.pco.mp.oplength", Label: "OpLength", Kind: KindUint, Width: 8},
	icmpv6RRMatchOrdinal:             {Name: "icmpv6.rr.pco.mp.ordinal", Label: "Ordinal", Kind: KindUint, Width: 8, Base: BaseHex},
	icmpv6RRMatchLen:                 {Name: "icmpv6.rr.pco.mp.matchlen", Label: "MatchLen", Kind: KindUint, Width: 8},
	icmpv6RRMatchMinLen:              {Name: "icmpv6.rr.pco.mp.minlen", Label: "MinLen", Kind: KindUint, Width: 8},
	icmpv6RRMatchMaxLen:              {Name: "icmpv6.rr.pco.mp.maxlen", Label: "MaxLen", Kind: KindUint, Width: 8},
	icmpv6RRMatchPrefix:              {Name: "icmpv6.rr.pco.mp.matchprefix", Label: "MatchPrefix", Kind: KindIPv6},
	icmpv6RRUse:                      {Name: "icmpv6.rr.pco.up", Label: "Use-Prefix Part", Kind: KindNone},
	icmpv6RRUseLen:                   {Name: "icmpv6.rr.pco.up.uselen", Label: "UseLen", Kind: KindUint, Width: 8},
	icmpv6RRUseKeepLen:               {Name: "icmpv6.rr.pco.up.keeplen", Label: "KeepLen", Kind: KindUint, Width: 8},
	icmpv6RRUseFlagMask:              {Name: "icmpv6.rr.pco.up.flagmask", Label: "FlagMask", Kind: KindUint, Width: 8, Base: BaseHex},
	icmpv6RRUseMaskL:                 {Name: "icmpv6.rr.pco.up.flagmask.l", Label: "On-link flag(L)", Kind: KindBool, Width: 8, Mask: 0x80},
	icmpv6RRUseMaskA:                 {Name: "icmpv6.rr.pco.up.flagmask.a", Label: "Autonomous address-configuration flag(A)", Kind: KindBool, Width: 8, Mask: 0x40},
	icmpv6RRUseMaskRsv:               {Name: "icmpv6.rr.pco.up.flagmask.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Mask: 0x3f},
	icmpv6RRUseRAFlags:               {Name: "icmpv6.rr.pco.up.raflags", Label: "RAFlags", Kind: KindUint, Width: 8, Base: BaseHex},
	icmpv6RRUseValid:                 {Name: "icmpv6.rr.pco.up.validlifetime", Label: "Valid Lifetime", Kind: KindUint, Width: 32, Values: &ValueNames{}},
	icmpv6RRUsePreferred:             {Name: "icmpv6.rr.pco.up.preferredlifetime", Label: "Preferred Lifetime", Kind: KindUint, Width: 32, Values: &ValueNames{}},
	icmpv6RRUseFlag:                  {Name: "icmpv6.rr.pco.up.flag", Label: "Flags", Kind: KindUint, Width: 32, Base: BaseHex},
	icmpv6RRUseFlagV:                 {Name: "icmpv6.rr.pco.up.flag.v", Label: "Decrement valid lifetime", Kind: KindBool, Width: 32, Mask: 0x80000000},
	icmpv6RRUseFlagP:                 {Name: "icmpv6.rr.pco.up.flag.p", Label: "Decrement preferred lifetime", Kind: KindBool, Width: 32, Mask: 0x40000000},
	icmpv6RRUseFlagRsv:               {Name: "icmpv6.rr.pco.up.flag.reserved", Label: "Reserved", Kind: KindUint, Width: 32, Mask: 0x3fffffff},
	icmpv6RRUsePrefix:                {Name: "icmpv6.rr.pco.up.useprefix", Label: "UsePrefix", Kind: KindIPv6},
	icmpv6NIQtype:                    {Name: "icmpv6.ni.qtype", Label: "Qtype", Kind: KindUint, Width: 16},
	icmpv6NIFlag:                     {Name: "icmpv6.ni.flag", Label: "Flags", Kind: KindUint, Width: 16, Base: BaseHex},
	icmpv6NIFlagG:                    {Name: "icmpv6.ni.flag.g", Label: "Global-scope addresses", Kind: KindBool, Width: 16, Mask: 0x20},
	icmpv6NIFlagS:                    {Name: "icmpv6.ni.flag.s", Label: "Site-local addresses", Kind: KindBool, Width: 16, Mask: 0x10},
	icmpv6NIFlagL:                    {Name: "icmpv6.ni.flag.l", Label: "Link-local addresses", Kind: KindBool, Width: 16, Mask: 0x8},
	icmpv6NIFlagC:                    {Name: "icmpv6.ni.flag.c", Label: "Compression", Kind: KindBool, Width: 16, Mask: 0x4},
	icmpv6NIFlagA:                    {Name: "icmpv6.ni.flag.a", Label: "Unicast Addresses", Kind: KindBool, Width: 16, Mask: 0x2},
	icmpv6NIFlagT:                    {Name: "icmpv6.ni.flag.t", Label: "Truncated", Kind: KindBool, Width: 16, Mask: 0x1},
	icmpv6NIFlagRsv:                  {Name: "icmpv6.ni.flag.rsv", Label: "Reserved", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xffc0},
	icmpv6NINonce:                    {Name: "icmpv6.ni.nonce", Label: "Nonce", Kind: KindUint, Width: 64, Base: BaseHex},
	icmpv6NISubjectIPv6:              {Name: "icmpv6.ni.query.subject_ipv6", Label: "IPv6 subject address", Kind: KindIPv6},
	icmpv6NISubjectIPv4:              {Name: "icmpv6.ni.query.subject_ipv4", Label: "IPv4 subject address", Kind: KindIPv4},
	icmpv6MldMaximumResponseDelay:    {Name: "icmpv6.mld.maximum_response_delay", Label: "Maximum Response Delay [ms]", Kind: KindUint, Width: 16},
	icmpv6MldMaximumResponseCode:     {Name: "icmpv6.mld.maximum_response_code", Label: "Maximum Response Code", Kind: KindUint, Width: 16},
	icmpv6MldMulticastAddress:        {Name: "icmpv6.mld.multicast_address", Label: "Multicast Address", Kind: KindIPv6},
	icmpv6MldFlag:                    {Name: "icmpv6.mld.flag", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	icmpv6MldFlagS:                   {Name: "icmpv6.mld.flag.s", Label: "Suppress Router-Side Processing", Kind: KindBool, Width: 8, Mask: 0x08},
	icmpv6MldFlagQrv:                 {Name: "icmpv6.mld.flag.qrv", Label: "QRV (Querier's Robustness Variable)", Kind: KindUint, Width: 8, Mask: 0x07},
	icmpv6MldFlagReserved:            {Name: "icmpv6.mld.flag.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Mask: 0xf0},
	icmpv6MldQqi:                     {Name: "icmpv6.mld.qqi", Label: "QQIC (Querier's Query Interval Code)", Kind: KindUint, Width: 8},
	icmpv6MldNbSources:               {Name: "icmpv6.mld.nb_sources", Label: "Number of Sources", Kind: KindUint, Width: 16},
	icmpv6MldSourceAddress:           {Name: "icmpv6.mld.source_address", Label: "Source Address", Kind: KindIPv6},
	icmpv6MldrNbMcastRecords:         {Name: "icmpv6.mldr.nb_mcast_records", Label: "Number of Multicast Address Records", Kind: KindUint, Width: 16},
	icmpv6MldrMar:                    {Name: "icmpv6.mldr.mar", Label: "Multicast Address Record", Kind: KindNone},
	icmpv6MldrMarRecordType:          {Name: "icmpv6.mldr.mar.record_type", Label: "Record Type", Kind: KindUint, Width: 8},
	icmpv6MldrMarAuxDataLen:          {Name: "icmpv6.mldr.mar.aux_data_len", Label: "Aux Data Len", Kind: KindUint, Width: 8},
	icmpv6MldrMarNbSources:           {Name: "icmpv6.mldr.mar.nb_sources", Label: "Number of Sources", Kind: KindUint, Width: 16},
	icmpv6MldrMarMulticastAddress:    {Name: "icmpv6.mldr.mar.multicast_address", Label: "Multicast Address", Kind: KindIPv6},
	icmpv6MldrMarSourceAddress:       {Name: "icmpv6.mldr.mar.source_address", Label: "Source Address", Kind: KindIPv6},
	icmpv6ChecksumStatus:             {Name: "icmpv6.checksum.status", Label: "Checksum Status", Kind: KindUint, Width: 8, Base: BaseNone, Generated: true},
}

var protoICMPv6 = protoField("icmpv6", "Internet Control Message Protocol v6")

// emitICMPv4 emits an ICMP message's fields.
func emitICMPv4(e *emitter, i int) {
	l := &e.d.layers[i]
	e.Proto(&protoICMP)
	if l.End-l.Start >= 8 {
		m := ICMPv4(e.d.data[l.Start:l.End])
		f := &icmpFields
		e.Uint(&f[icmpType], uint64(m.Type()))
		if e.Tree() {
			if !emitICMPv4Head(e, i, m) {
				e.End()
				return
			}
		} else {
			e.Uint(&f[icmpCode], uint64(m.Code()))
			e.Uint(&f[icmpChecksum], uint64(m.Checksum()))
			st, _ := icmpv4ChecksumStatus(e, i, m)
			e.Uint(&f[icmpChecksumStatus], uint64(st))
		}
		switch m.Type() {
		case ICMPEcho, ICMPEchoReply, ICMPTimestamp, ICMPTimestampReply, ICMPInfoRequest, ICMPInfoReply, ICMPMaskRequest, ICMPMaskReply:
			echo := m.Type() == ICMPEcho || m.Type() == ICMPEchoReply
			e.Uint(&f[icmpIdent], uint64(m.ID()))
			emitICMPv4LE(e, &f[icmpIdentLE], m.ID())
			e.Uint(&f[icmpSeq], uint64(m.Seq()))
			emitICMPv4LE(e, &f[icmpSeqLE], m.Seq())
			if q := e.conv.link(i); q != nil && q.request != 0 {
				e.Uint(&f[icmpRespTo], uint64(q.request))
				if !echo {
					e.NoTree()
				}
				e.Float(&f[icmpResptime], q.millis())
				if !echo {
					e.NoTree()
				} else if e.Tree() {
					b := append(e.Text(), "Response time: "...)
					b = appendMillis(b, e.frame.Time.Sub(q.reqTime))
					e.SetRepr(append(b, " ms"...))
				}
			}
			if echo {
				emitICMPv4DataTime(e, i)
			}
		case ICMPRedirect:
			e.IPv4(&f[icmpRedirGw], m.Gateway())
		case ICMPUnreachable, ICMPTimeExceeded, ICMPParamProblem:
			emitICMPv4Word(e, m)
		case ICMPExtEchoRequest:
			e.Uint(&f[icmpIdent], uint64(m.ID()))
			emitICMPv4LE(e, &f[icmpIdentLE], m.ID())
			e.Uint(&f[icmpExtEchoSeq], uint64(m[6]))
			e.Uint(&f[icmpExtEchoReqRes], uint64(m[7]>>1))
			e.Bool(&f[icmpExtEchoReqLocal], m[7]&1 != 0)
		}
		if !e.Tree() {
			// The tree draws the extensions (and an error's quoted
			// packet) after the fields: treeICMPv4Rest.
			emitICMPExt(e, i)
		}
	}
	e.End()
	if e.Tree() && l.End-l.Start >= 8 {
		switch m := ICMPv4(e.d.data[l.Start:l.End]); {
		case m.Type() == ICMPExtEchoRequest:
			emitICMPTreeRest(e, i, false)
		case m.IsError():
			emitICMPTreeRest(e, i, true)
		}
	}
}

// icmpQuotedHeaders returns where the headers of the packet the ICMP or
// ICMPv6 error at layer i quotes end (the layer after the last; the data
// of a quoted ICMP message counts as its).
func icmpQuotedHeaders(d *Decoder, i int) (end int) {
	k := i + 1
	for k < d.n && d.layers[k].Quoted && d.layers[k].Type != LayerPayload {
		k++
	}
	if k > i+1 && k < d.n && d.layers[k].Quoted && (d.layers[k-1].Type == LayerICMPv4 || d.layers[k-1].Type == LayerICMPv6) {
		k++ // a quoted echo's data: tshark draws it inside the quoted ICMP
	}
	return k
}

// emitICMPTreeRest emits, for the tree, what tshark draws after the fields
// of the ICMP or ICMPv6 message at layer i, in its order: the headers of
// the packet an error (quotes) quotes, by their own emit functions, inside
// the message's tree (a level deeper than a protocol of their own); the
// extension structure, back at the message's level; the quoted data, a
// protocol of its own. A quoted header whose tree rawcap does not draw
// (PPP) draws no line.
func emitICMPTreeRest(e *emitter, i int, quotes bool) {
	d := e.d
	if d.layers[i].Quoted {
		return // a quoted message's own quote is not decoded
	}
	end := i + 1
	if quotes {
		end = icmpQuotedHeaders(d, i)
		if end > i+1 {
			e.ShiftProtos(1)
			for k := i + 1; k < end; k++ {
				emitQuotedLayerTree(e, k)
			}
			e.ShiftProtos(-1)
		}
	}
	emitICMPExt(e, i)
	for k := end; quotes && k < d.n && d.layers[k].Quoted; k++ {
		emitQuotedLayerTree(e, k)
	}
}

// emitQuotedLayerTree emits quoted layer k into a tree list that holds the
// layers around it: a layer drawn inside the one before it (an IPv6
// extension header: InsidePrevious) is so alone, as when each layer's
// subtree is drawn apart, and the layer after it is not.
func emitQuotedLayerTree(e *emitter, k int) {
	if !treeFieldsOf(e.d.layers[k].Type) {
		return
	}
	in := e.inside
	emitQuotedLayer(e, k)
	if n := int(int8(e.inside - in)); n != 0 {
		e.ShiftProtos(-n)
	}
}

// emitQuotedLayer is emitLayer, set in init: the protocol table refers to
// the ICMP emit functions, which emit the quoted headers by it.
var emitQuotedLayer func(e *emitter, i int)

func init() { emitQuotedLayer = emitLayer }

// emitICMPv4Head emits, for the tree, the code and checksum lines of ICMP
// message m at layer i as tshark words them, and reports whether the tree
// goes on (tshark names the codes of types rawcap does not know, and
// rawcap draws nothing after their type).
func emitICMPv4Head(e *emitter, i int, m ICMPv4) bool {
	f := &icmpFields
	name := icmpTypeName(m.Type())
	known := name != ""
	if !known {
		name = icmpOtherTypeNames[m.Type()]
	}
	b := appendUint(append(e.Text(), "Type: "...), uint64(m.Type()))
	e.SetRepr(append(append(append(b, " ("...), name...), ')'))
	if m.Type() == 43 || !known && name != icmpUnknownType {
		return false // a type whose lines rawcap does not draw yet
	}
	e.Uint(&f[icmpCode], uint64(m.Code()))
	b = appendUint(append(e.Text(), "Code: "...), uint64(m.Code()))
	if m.Type() == ICMPUnreachable && int(m.Code()) < len(unreachCodeNames) {
		b = append(append(append(b, " ("...), unreachCodeNames[m.Code()]...), ')')
	} else if n := icmpCodeName(m.Type(), m.Code()); n != "" {
		b = append(append(append(b, " ("...), n...), ')')
	} else if m.Type() == ICMPExtEchoRequest {
		b = appendUint(append(b, " (Unknown code: "...), uint64(m.Code()))
		b = append(b, ')')
	}
	e.SetRepr(b)
	e.Uint(&f[icmpChecksum], uint64(m.Checksum()))
	st, sum := icmpv4ChecksumStatus(e, i, m)
	if st != 2 {
		e.ChecksumRepr(m.Checksum(), st, sum, "Warning")
	} else {
		b = appendHex4(append(e.Text(), "Checksum: 0x"...), m.Checksum())
		if e.d.layers[i].Quoted {
			e.SetRepr(append(b, " [unverified] [in ICMP error packet]"...))
		} else {
			e.SetRepr(append(b, " [unverified] [fragmented datagram]"...))
		}
	}
	e.Uint(&f[icmpChecksumStatus], uint64(st))
	return known // an unknown type: tshark draws no more
}

// icmpUnknownType is tshark's name for an ICMP type it does not know; it
// draws the code and checksum of such a message, and no more.
const icmpUnknownType = "Unknown ICMP (obsolete or malformed?)"

// icmpOtherTypeNames are tshark's names of the ICMP types icmpTypeName
// leaves out (those whose bodies rawcap does not draw), and
// icmpUnknownType for the types tshark does not know.
var icmpOtherTypeNames = func() (t [256]string) {
	for k := range t {
		t[k] = icmpUnknownType
	}
	for k, n := range map[uint8]string{1: "Reserved", 2: "Reserved", 6: "Alternate host address",
		9: "Mobile IP Advertisement", 10: "Router solicitation", 15: "Information request",
		16: "Information reply", 17: "Address mask request", 18: "Address mask reply",
		19: "Reserved (for security)", 30: "Traceroute", 31: "Datagram Conversion Error",
		32: "Mobile Host Redirect", 33: "IPv6 Where-Are-You", 34: "IPv6 I-Am-Here",
		35: "Mobile Registration Request", 36: "Mobile Registration Reply", 37: "Domain Name Request",
		38: "Domain Name Reply", 39: "SKIP", 40: "Photuris", 41: "Experimental mobility protocols"} {
		t[k] = n
	}
	return t
}()

// icmpv4ChecksumStatus checks the checksum of ICMP message m at layer i as
// tshark does and returns its status (0 bad, 1 good, 2 unverified: the
// message is not all there, or is quoted by an error) and the sum it added
// up to.
func icmpv4ChecksumStatus(e *emitter, i int, m ICMPv4) (st int, sum uint16) {
	d, l := e.d, &e.d.layers[i]
	if l.Quoted {
		return 2, 0 // tshark: "[unverified] [in ICMP error packet]"
	}
	n := ipPayloadLen(d, i)
	if e.wire > 0 && l.Start+n > e.wire {
		n = e.wire - l.Start // tshark: "IPv4 total length exceeds packet length"
	}
	if l.Start+n > l.End {
		return 2, 0
	}
	sum = ^checksumFold(checksumAdd(0, m))
	if sum == 0 {
		return 1, 0
	}
	return 0, sum
}

// emitICMPv4LE emits the little-endian reading of an identifier or
// sequence number (icmp.ident_le, icmp.seq_le), as tshark draws it after
// the big-endian one: for the tree, -T fields, ek and filters (JSON goes
// without it, as it did).
func emitICMPv4LE(e *emitter, f *Field, v uint16) {
	if e.Tree() || e.all {
		e.Uint(f, uint64(v>>8|v<<8))
	}
}

// emitICMPv4DataTime emits the timestamp tshark finds in the first bytes
// of an echo's data (at layer i), if there is one, in the zone the output
// shows times in, and the frame's time since.
func emitICMPv4DataTime(e *emitter, i int) {
	sec, nsec, ok := icmpDataTime(e.frame, e.d, i)
	if !ok {
		return
	}
	ts, loc := time.Unix(sec, nsec), e.loc
	if loc == nil {
		loc = time.Local
	}
	f := &icmpFields
	if e.wants(&f[icmpDataTimeAbs]) {
		e.TextDone(&f[icmpDataTimeAbs], ts.In(loc).AppendFormat(e.Text(), "Jan _2, 2006 15:04:05.000000000 MST"))
	}
	if e.wants(&f[icmpDataTimeRel]) {
		e.relTime(&f[icmpDataTimeRel], e.frame.Time, ts)
	}
}

// emitICMPv6 emits an ICMPv6 message's fields.
func emitICMPv6(e *emitter, i int) {
	l := &e.d.layers[i]
	e.Proto(&protoICMPv6)
	if l.End-l.Start >= 4 {
		m := ICMPv6(e.d.data[l.Start:l.End])
		if e.Tree() {
			emitICMPv6Tree(e, i, m)
			e.End()
			if icmpv6Dissected(m.Type()) && m.IsError() {
				emitICMPTreeRest(e, i, true)
			}
			return
		}
		f := &icmpv6Fields
		e.Uint(&f[icmpv6Type], uint64(m.Type()))
		e.Uint(&f[icmpv6Code], uint64(m.Code()))
		e.Uint(&f[icmpv6Checksum], uint64(m.Checksum()))
		if icmpv6Dissected(m.Type()) {
			e.Uint(&f[icmpv6ChecksumStatus], uint64(icmpv6ChecksumState(icmpv6SumCheck(e.d, i))))
		}
		switch m.Type() {
		case ICMPv6EchoRequest, ICMPv6EchoReply:
			if len(m) >= 8 {
				e.Uint(&f[icmpv6EchoIdentifier], uint64(m.Word()>>16))
				e.Uint(&f[icmpv6EchoSequenceNumber], uint64(m.Word()&0xffff))
				if q := e.conv.link(i); q != nil && q.request != 0 {
					e.Uint(&f[icmpv6RespTo], uint64(q.request))
					e.Float(&f[icmpv6Resptime], q.millis())
				}
			}
		case ICMPv6RouterSolicit, ICMPv6RouterAdvert, ICMPv6NeighborSolicit, ICMPv6NeighborAdvert, ICMPv6Redirect,
			ICMPv6MLDQuery, ICMPv6MLDReport, ICMPv6MLDDone, ICMPv6MLDv2Report:
			if !emitICMPv6Body(e, i, m) {
				emitICMPv6Cut(e, m)
			}
		case ICMPv6PacketTooBig:
			e.Uint(&f[icmpv6Mtu], uint64(m.Word()))
		case ICMPv6ParamProblem:
			if len(m) >= 8 {
				e.Uint(&f[icmpv6Pointer], uint64(m.Word()))
			}
		case ICMPv6Unreachable, ICMPv6TimeExceeded:
			if len(m) >= 8 && m[4] != 0 {
				e.Uint(&f[icmpv6Length], uint64(m[4]))
			}
		case ICMPv6RouterRenum:
			emitICMPv6RR(e, m)
		case ICMPv6NodeInfoQuery:
			emitICMPv6NIQuery(e, m)
		}
		emitICMPExt(e, i)
	}
	e.End()
}

// emitICMPv6Tree emits ICMPv6 message m at layer i for the tree, worded as
// tshark's: the type and code with their names, the checksum verified over
// the pseudo-header, an echo's identifier, sequence and link lines, the
// header word of errors, the bodies of neighbour discovery and MLD. An
// error's quoted packet is drawn after the fields by treeICMPv6Rest.
func emitICMPv6Tree(e *emitter, i int, m ICMPv6) {
	f := &icmpv6Fields
	e.Uint(&f[icmpv6Type], uint64(m.Type()))
	name := icmpv6TypeName(m.Type())
	if name == "" {
		name = "Unknown"
	}
	b := append(append(e.Text(), "Type: "...), name...)
	e.SetRepr(append(appendUint(append(b, " ("...), uint64(m.Type())), ')'))
	e.Uint(&f[icmpv6Code], uint64(m.Code()))
	b = appendUint(append(e.Text(), "Code: "...), uint64(m.Code()))
	if c, ok := appendICMPv6Code(append(b, " ("...), m.Type(), m.Code()); ok {
		b = append(c, ')')
	}
	e.SetRepr(b)
	if !icmpv6Dissected(m.Type()) {
		return // tshark dissects their bodies, rawcap does not yet
	}
	whole, sum := icmpv6SumCheck(e.d, i)
	e.Uint(&f[icmpv6Checksum], uint64(m.Checksum()))
	st := icmpv6ChecksumState(whole, sum)
	e.ChecksumRepr(m.Checksum(), st, sum, "Warning")
	e.Uint(&f[icmpv6ChecksumStatus], uint64(st))
	if len(m) < 8 {
		return
	}
	switch m.Type() {
	case ICMPv6EchoRequest, ICMPv6EchoReply:
		e.Uint(&f[icmpv6EchoIdentifier], uint64(m.Word()>>16))
		e.Uint(&f[icmpv6EchoSequenceNumber], uint64(m.Word()&0xffff))
		if q := e.conv.link(i); q != nil && q.request != 0 {
			e.Uint(&f[icmpv6RespTo], uint64(q.request))
			e.Float(&f[icmpv6Resptime], q.millis())
			b := append(e.Text(), "Response Time: "...)
			b = appendMillis(b, e.frame.Time.Sub(q.reqTime))
			e.SetRepr(append(b, " ms"...))
		}
	case ICMPv6Unreachable, ICMPv6TimeExceeded:
		if m[4] != 0 {
			e.Uint(&f[icmpv6Length], uint64(m[4]))
			e.Bytes(&f[icmpv6Reserved], m[5:8])
		} else {
			e.Bytes(&f[icmpv6Reserved], m[4:8])
		}
	case ICMPv6PacketTooBig:
		e.Uint(&f[icmpv6Mtu], uint64(m.Word()))
	case ICMPv6ParamProblem:
		e.Uint(&f[icmpv6Pointer], uint64(m.Word()))
	case ICMPv6RouterRenum:
		emitICMPv6RR(e, m)
	case ICMPv6NodeInfoQuery:
		emitICMPv6NIQuery(e, m)
	default:
		emitICMPv6Body(e, i, m)
	}
}

// emitICMPv6Cut emits, for the outputs but the tree, what there is of a
// discovery message too short for its body (emitICMPv6Body): the reserved
// bytes and target address of a solicitation, an advertisement's target.
func emitICMPv6Cut(e *emitter, m ICMPv6) {
	f := &icmpv6Fields
	switch m.Type() {
	case ICMPv6NeighborSolicit:
		if len(m) >= 8 {
			e.Bytes(&f[icmpv6Reserved], m[4:8])
		}
		if len(m) >= 24 {
			e.IPv6(&f[icmpv6NdNsTargetAddress], m[8:24])
		}
	case ICMPv6RouterSolicit: // four reserved bytes, as tshark shows them
		if len(m) >= 8 {
			e.Bytes(&f[icmpv6Reserved], m[4:8])
		}
	case ICMPv6MLDv2Report: // two
		if len(m) >= 6 {
			e.Bytes(&f[icmpv6Reserved], m[4:6])
		}
	case ICMPv6NeighborAdvert:
		if len(m) >= 24 {
			e.IPv6(&f[icmpv6NdNaTargetAddress], m[8:24])
		}
	}
}

// icmpv6SumCheck adds up the checksum of the ICMPv6 message at layer i
// over its pseudo-header (sum 0: good) when the message is all there
// (whole).
func icmpv6SumCheck(d *Decoder, i int) (whole bool, sum uint16) {
	l := &d.layers[i]
	length := ipPayloadLen(d, i)
	if length < 4 || l.Start+length > l.End {
		return false, 0
	}
	src, dst, _ := ipAddrs(d, i)
	return true, transportChecksum(src, treeFinalDst(d, i, dst), IPProtoICMPv6, d.data[l.Start:l.Start+length])
}

// icmpv6ChecksumState is tshark's checksum status of an ICMPv6 message
// (0 bad, 1 good, 2 unverified) from what icmpv6SumCheck found.
func icmpv6ChecksumState(whole bool, sum uint16) int {
	switch {
	case !whole:
		return 2
	case sum == 0:
		return 1
	}
	return 0
}

// icmpv6Dissected reports whether rawcap draws the body of ICMPv6 type t.
func icmpv6Dissected(t uint8) bool {
	return t <= 4 || t >= 128 && t <= 139 || t == 143
}
