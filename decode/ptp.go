package decode

import "strconv"

// PTP is a Precision Time Protocol (IEEE 1588) version 2 message, carried
// in UDP (ports 319 and 320): a 34-byte common header and a body that
// depends on the message type.
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|MajSdo | MsgTyp|MinVer | Ver   |         messageLength         |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	| domainNumber  |  minorSdoId   |            flags              |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|              correctionField (ns * 2^16, 64 bits)             |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                     messageTypeSpecific                       |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                  clockIdentity (64 bits)                      |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|         sourcePortID          |          sequenceId           |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	| controlField  | logMsgPeriod  |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
type PTP []byte

// EtherTypePTP is PTP's EtherType (IEEE 1588 annex F).
const EtherTypePTP = 0x88f7

const (
	ptpEventPort   = 319
	ptpGeneralPort = 320
	ptpHeaderLen   = 34
)

// The message types rawcap decodes the body of.
const (
	ptpSync       = 0x0
	ptpDelayReq   = 0x1
	ptpFollowUp   = 0x8
	ptpDelayResp  = 0x9
	ptpAnnounce   = 0xb
	ptpManagement = 0xd
)

// A management message's fields after the common header: the target port
// identity (10 bytes), the starting and remaining boundary hops, the
// action and a reserved byte; then its management TLV: type, length, the
// management ID and the ID's data.
const (
	ptpMgmtTLV       = ptpHeaderLen + 14
	ptpMgmtData      = ptpMgmtTLV + 6
	ptpTLVManagement = 1
)

// ptpBodyLen returns the length of the body of a message of type t that
// rawcap decodes, and false for the others.
func ptpBodyLen(t uint8) (int, bool) {
	switch t {
	case ptpSync, ptpDelayReq, ptpFollowUp:
		return 10, true
	case ptpDelayResp:
		return 20, true
	case ptpAnnounce:
		return 30, true
	}
	return 0, false
}

// ParsePTP returns the PTPv2 message at the start of b: its header and
// the body of a Sync, Delay_Req, Follow_Up, Delay_Resp or Announce
// message, or a management message up to the end of its management TLV.
// Other versions and message types are ReasonUnsupported.
func ParsePTP(b []byte) (PTP, error) {
	if len(b) < ptpHeaderLen {
		return nil, ReasonTruncated
	}
	if b[1]&0x0f != 2 {
		return nil, ReasonUnsupported
	}
	if b[0]&0x0f == ptpManagement {
		return parsePTPManagement(b)
	}
	n, ok := ptpBodyLen(b[0] & 0x0f)
	if !ok {
		return nil, ReasonUnsupported
	}
	n += ptpHeaderLen
	if n > len(b) {
		return nil, ReasonTruncated
	}
	return PTP(b[:n:n]), nil
}

// parsePTPManagement returns the management message at the start of b,
// up to the end of its management TLV. A message without one, or with a
// TLV of another type, is ReasonUnsupported.
func parsePTPManagement(b []byte) (PTP, error) {
	if len(b) < ptpMgmtData {
		return nil, ReasonTruncated
	}
	if be16(b[ptpMgmtTLV:]) != ptpTLVManagement {
		return nil, ReasonUnsupported
	}
	n := int(be16(b[ptpMgmtTLV+2:]))
	end := ptpMgmtTLV + 4 + n
	if n < 2 || end > len(b) {
		return nil, ReasonTruncated
	}
	return PTP(b[:end:end]), nil
}

// MessageType returns the message type (the low nibble of the first byte).
func (p PTP) MessageType() uint8 { return p[0] & 0x0f }

// MajorSdoID returns the major SdoId (the high nibble of the first byte).
func (p PTP) MajorSdoID() uint8 { return p[0] >> 4 }

// MinorVersion returns the minor version of PTP.
func (p PTP) MinorVersion() uint8 { return p[1] >> 4 }

// Version returns the version of PTP (2).
func (p PTP) Version() uint8 { return p[1] & 0x0f }

// Length returns the message length the header announces.
func (p PTP) Length() uint16 { return be16(p[2:]) }

// Domain returns the domain number.
func (p PTP) Domain() uint8 { return p[4] }

// MinorSdoID returns the minor SdoId.
func (p PTP) MinorSdoID() uint8 { return p[5] }

// Flags returns the flags word.
func (p PTP) Flags() uint16 { return be16(p[6:]) }

// Correction returns the correction field: nanoseconds times 2^16.
func (p PTP) Correction() uint64 { return be64(p[8:]) }

// TypeSpecific returns the message type specific word.
func (p PTP) TypeSpecific() uint32 { return be32(p[16:]) }

// ClockIdentity returns the source's clock identity.
func (p PTP) ClockIdentity() uint64 { return be64(p[20:]) }

// SourcePort returns the source's port number.
func (p PTP) SourcePort() uint16 { return be16(p[28:]) }

// Sequence returns the sequence id.
func (p PTP) Sequence() uint16 { return be16(p[30:]) }

// Control returns the control field.
func (p PTP) Control() uint8 { return p[32] }

// LogPeriod returns the log message interval.
func (p PTP) LogPeriod() int8 { return int8(p[33]) }

// ptpTimestamp returns the 48-bit seconds and 32-bit nanoseconds of the
// timestamp at off.
func (p PTP) timestamp(off int) (sec uint64, ns uint32) {
	return uint64(be16(p[off:]))<<32 | uint64(be32(p[off+2:])), be32(p[off+6:])
}

func (d *Decoder) decodePTP(l *Layer) LayerType {
	p, err := ParsePTP(d.bytes(l))
	if err != nil {
		// Other versions and message types, and messages cut short,
		// stay data: rawcap does not decode them yet.
		return l.asData()
	}
	l.Payload = l.Start + len(p)
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	ptpMajorSdoID = iota
	ptpMessageType
	ptpMinorVersion
	ptpVersion
	ptpMessageLength
	ptpDomain
	ptpMinorSdoID
	ptpFlags
	ptpFlagSecurity
	ptpFlagSpecific2
	ptpFlagSpecific1
	ptpFlagUnicast
	ptpFlagTwoStep
	ptpFlagAlternateMaster
	ptpFlagSyncUncertain
	ptpFlagFrequencyTraceable
	ptpFlagTimeTraceable
	ptpFlagTimescale
	ptpFlagUTCReasonable
	ptpFlagLI59
	ptpFlagLI61
	ptpCorrectionNs
	ptpCorrectionSubNs
	ptpTypeSpecific
	ptpClockIdentity
	ptpClockIdentityManuf
	ptpSourcePortID
	ptpSequenceID
	ptpControl
	ptpLogPeriod
	ptpSDROriginSeconds
	ptpSDROriginNanoseconds
	ptpFUPreciseSeconds
	ptpFUPreciseNanoseconds
	ptpDRReceiveSeconds
	ptpDRReceiveNanoseconds
	ptpDRRequestingPortIdentity
	ptpDRRequestingPortID
	ptpANOriginSeconds
	ptpANOriginNanoseconds
	ptpANUTCOffset
	ptpANPriority1
	ptpANGMClockClass
	ptpANGMClockAccuracy
	ptpANGMClockVariance
	ptpANPriority2
	ptpANGMClockIdentity
	ptpANStepsRemoved
	ptpTimeSource
	ptpMMTargetPortIdentity
	ptpMMTargetPortID
	ptpMMStartingBoundaryHops
	ptpMMBoundaryHops
	ptpMMAction
	ptpMMTLVType
	ptpMMLengthField
	ptpMMManagementID
	ptpMMData
	ptpMMClockType
	ptpMMClockTypeOC
	ptpMMClockTypeBC
	ptpMMClockTypeP2P
	ptpMMClockTypeE2E
	ptpMMClockTypeMM
	ptpMMClockTypeReserved
	ptpMMPhysicalLayerProtocol
	ptpMMPhysicalLayerProtocolLength
	ptpMMPhysicalAddressLength
	ptpMMPhysicalAddress
	ptpMMProtocolAddress
	ptpMMNetworkProtocol
	ptpMMProtocolAddressLength
	ptpMMManufacturerIdentity
	ptpMMReserved
	ptpMMProductDescription
	ptpMMProductDescriptionLength
	ptpMMRevisionData
	ptpMMRevisionDataLength
	ptpMMUserDescription
	ptpMMUserDescriptionLength
	ptpMMProfileIdentity
	ptpMMTwoStep
	ptpMMSlaveOnly
	ptpMMNumberPorts
	ptpMMPriority1
	ptpMMClockClass
	ptpMMClockAccuracy
	ptpMMClockVariance
	ptpMMPriority2
	ptpMMClockIdentity
	ptpMMDomainNumber
	ptpMMStepsRemoved
	ptpMMOffsetNs
	ptpMMOffsetSubNs
	ptpMMPathDelayNs
	ptpMMPathDelaySubNs
	ptpMMParentClockIdentity
	ptpMMParentSourcePortID
	ptpMMParentStats
	ptpMMObservedParentOffsetScaledLogVariance
	ptpMMObservedParentClockPhaseChangeRate
	ptpMMGMPriority1
	ptpMMGMClockClass
	ptpMMGMClockAccuracy
	ptpMMGMClockVariance
	ptpMMGMPriority2
	ptpMMGMClockIdentity
	ptpMMPortNumber
	ptpMMPortState
	ptpMMLogMinDelayReqInterval
	ptpMMPeerMeanPathDelayNs
	ptpMMPeerMeanPathDelaySubNs
	ptpMMLogAnnounceInterval
	ptpMMAnnounceReceiptTimeout
	ptpMMLogSyncInterval
	ptpMMDelayMechanism
	ptpMMLogMinPdelayReqInterval
	ptpMMVersionNumber
	ptpFieldCount
)

var ptpFields = [ptpFieldCount]Field{
	ptpMajorSdoID:                              {Name: "ptp.v2.majorsdoid", Label: "majorSdoId", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xf0},
	ptpMessageType:                             {Name: "ptp.v2.messagetype", Label: "messageType", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x0f},
	ptpMinorVersion:                            {Name: "ptp.v2.minorversionptp", Label: "minorVersionPTP", Kind: KindUint, Width: 8, Mask: 0xf0},
	ptpVersion:                                 {Name: "ptp.v2.versionptp", Label: "versionPTP", Kind: KindUint, Width: 8, Mask: 0x0f},
	ptpMessageLength:                           {Name: "ptp.v2.messagelength", Label: "messageLength", Kind: KindUint, Width: 16},
	ptpDomain:                                  {Name: "ptp.v2.domainnumber", Label: "domainNumber", Kind: KindUint, Width: 8},
	ptpMinorSdoID:                              {Name: "ptp.v2.minorsdoid", Label: "minorSdoId", Kind: KindUint, Width: 8},
	ptpFlags:                                   {Name: "ptp.v2.flags", Label: "flags", Kind: KindUint, Width: 16, Base: BaseHex},
	ptpFlagSecurity:                            {Name: "ptp.v2.flags.security", Label: "PTP_SECURITY", Kind: KindBool, Width: 16, Mask: 0x8000},
	ptpFlagSpecific2:                           {Name: "ptp.v2.flags.specific2", Label: "PTP profile Specific 2", Kind: KindBool, Width: 16, Mask: 0x4000},
	ptpFlagSpecific1:                           {Name: "ptp.v2.flags.specific1", Label: "PTP profile Specific 1", Kind: KindBool, Width: 16, Mask: 0x2000},
	ptpFlagUnicast:                             {Name: "ptp.v2.flags.unicast", Label: "PTP_UNICAST", Kind: KindBool, Width: 16, Mask: 0x0400},
	ptpFlagTwoStep:                             {Name: "ptp.v2.flags.twostep", Label: "PTP_TWO_STEP", Kind: KindBool, Width: 16, Mask: 0x0200},
	ptpFlagAlternateMaster:                     {Name: "ptp.v2.flags.alternatemaster", Label: "PTP_ALTERNATE_MASTER", Kind: KindBool, Width: 16, Mask: 0x0100},
	ptpFlagSyncUncertain:                       {Name: "ptp.v2.flags.synchronizationUncertain", Label: "SYNCHRONIZATION_UNCERTAIN", Kind: KindBool, Width: 16, Mask: 0x0040},
	ptpFlagFrequencyTraceable:                  {Name: "ptp.v2.flags.frequencytraceable", Label: "FREQUENCY_TRACEABLE", Kind: KindBool, Width: 16, Mask: 0x0020},
	ptpFlagTimeTraceable:                       {Name: "ptp.v2.flags.timetraceable", Label: "TIME_TRACEABLE", Kind: KindBool, Width: 16, Mask: 0x0010},
	ptpFlagTimescale:                           {Name: "ptp.v2.flags.timescale", Label: "PTP_TIMESCALE", Kind: KindBool, Width: 16, Mask: 0x0008},
	ptpFlagUTCReasonable:                       {Name: "ptp.v2.flags.utcreasonable", Label: "PTP_UTC_REASONABLE", Kind: KindBool, Width: 16, Mask: 0x0004},
	ptpFlagLI59:                                {Name: "ptp.v2.flags.li59", Label: "PTP_LI_59", Kind: KindBool, Width: 16, Mask: 0x0002},
	ptpFlagLI61:                                {Name: "ptp.v2.flags.li61", Label: "PTP_LI_61", Kind: KindBool, Width: 16, Mask: 0x0001},
	ptpCorrectionNs:                            {Name: "ptp.v2.correction.ns", Label: "correction", Kind: KindUint, Width: 64},
	ptpCorrectionSubNs:                         {Name: "ptp.v2.correction.subns", Label: "correctionSubNs", Kind: KindFloat},
	ptpTypeSpecific:                            {Name: "ptp.v2.messagetypespecific", Label: "messageTypeSpecific", Kind: KindUint, Width: 32},
	ptpClockIdentity:                           {Name: "ptp.v2.clockidentity", Label: "ClockIdentity", Kind: KindUint, Width: 64, Base: BaseHex},
	ptpClockIdentityManuf:                      {Name: "ptp.v2.clockidentity_manuf", Label: "MAC Vendor", Kind: KindBytes},
	ptpSourcePortID:                            {Name: "ptp.v2.sourceportid", Label: "SourcePortID", Kind: KindUint, Width: 16},
	ptpSequenceID:                              {Name: "ptp.v2.sequenceid", Label: "sequenceId", Kind: KindUint, Width: 16},
	ptpControl:                                 {Name: "ptp.v2.controlfield", Label: "controlField", Kind: KindUint, Width: 8},
	ptpLogPeriod:                               {Name: "ptp.v2.logmessageperiod", Label: "logMessagePeriod", Kind: KindInt, Width: 8},
	ptpSDROriginSeconds:                        {Name: "ptp.v2.sdr.origintimestamp.seconds", Label: "originTimestamp (seconds)", Kind: KindUint, Width: 64},
	ptpSDROriginNanoseconds:                    {Name: "ptp.v2.sdr.origintimestamp.nanoseconds", Label: "originTimestamp (nanoseconds)", Kind: KindInt, Width: 32},
	ptpFUPreciseSeconds:                        {Name: "ptp.v2.fu.preciseorigintimestamp.seconds", Label: "preciseOriginTimestamp (seconds)", Kind: KindUint, Width: 64},
	ptpFUPreciseNanoseconds:                    {Name: "ptp.v2.fu.preciseorigintimestamp.nanoseconds", Label: "preciseOriginTimestamp (nanoseconds)", Kind: KindUint, Width: 32},
	ptpDRReceiveSeconds:                        {Name: "ptp.v2.dr.receivetimestamp.seconds", Label: "receiveTimestamp (seconds)", Kind: KindUint, Width: 64},
	ptpDRReceiveNanoseconds:                    {Name: "ptp.v2.dr.receivetimestamp.nanoseconds", Label: "receiveTimestamp (nanoseconds)", Kind: KindInt, Width: 32},
	ptpDRRequestingPortIdentity:                {Name: "ptp.v2.dr.requestingsourceportidentity", Label: "requestingSourcePortIdentity", Kind: KindUint, Width: 64, Base: BaseHex},
	ptpDRRequestingPortID:                      {Name: "ptp.v2.dr.requestingsourceportid", Label: "requestingSourcePortId", Kind: KindUint, Width: 16},
	ptpANOriginSeconds:                         {Name: "ptp.v2.an.origintimestamp.seconds", Label: "originTimestamp (seconds)", Kind: KindUint, Width: 64},
	ptpANOriginNanoseconds:                     {Name: "ptp.v2.an.origintimestamp.nanoseconds", Label: "originTimestamp (nanoseconds)", Kind: KindInt, Width: 32},
	ptpANUTCOffset:                             {Name: "ptp.v2.an.origincurrentutcoffset", Label: "originCurrentUTCOffset", Kind: KindInt, Width: 16},
	ptpANPriority1:                             {Name: "ptp.v2.an.priority1", Label: "priority1", Kind: KindUint, Width: 8},
	ptpANGMClockClass:                          {Name: "ptp.v2.an.grandmasterclockclass", Label: "grandmasterClockClass", Kind: KindUint, Width: 8},
	ptpANGMClockAccuracy:                       {Name: "ptp.v2.an.grandmasterclockaccuracy", Label: "grandmasterClockAccuracy", Kind: KindUint, Width: 8, Base: BaseHex},
	ptpANGMClockVariance:                       {Name: "ptp.v2.an.grandmasterclockvariance", Label: "grandmasterClockVariance", Kind: KindUint, Width: 16},
	ptpANPriority2:                             {Name: "ptp.v2.an.priority2", Label: "priority2", Kind: KindUint, Width: 8},
	ptpANGMClockIdentity:                       {Name: "ptp.v2.an.grandmasterclockidentity", Label: "grandmasterClockIdentity", Kind: KindUint, Width: 64, Base: BaseHex},
	ptpANStepsRemoved:                          {Name: "ptp.v2.an.localstepsremoved", Label: "localStepsRemoved", Kind: KindUint, Width: 16},
	ptpTimeSource:                              {Name: "ptp.v2.timesource", Label: "TimeSource", Kind: KindUint, Width: 8, Base: BaseHex},
	ptpMMTargetPortIdentity:                    {Name: "ptp.v2.mm.targetportidentity", Label: "targetPortIdentity", Kind: KindUint, Width: 64, Base: BaseHex},
	ptpMMTargetPortID:                          {Name: "ptp.v2.mm.targetportid", Label: "targetPortId", Kind: KindUint, Width: 16},
	ptpMMStartingBoundaryHops:                  {Name: "ptp.v2.mm.startingboundaryhops", Label: "startingBoundaryHops", Kind: KindUint, Width: 8},
	ptpMMBoundaryHops:                          {Name: "ptp.v2.mm.boundaryhops", Label: "boundaryHops", Kind: KindUint, Width: 8},
	ptpMMAction:                                {Name: "ptp.v2.mm.action", Label: "action", Kind: KindUint, Width: 8, Mask: 0x0f},
	ptpMMTLVType:                               {Name: "ptp.v2.mm.tlvType", Label: "tlvType", Kind: KindUint, Width: 16},
	ptpMMLengthField:                           {Name: "ptp.v2.mm.lengthField", Label: "lengthField", Kind: KindUint, Width: 16},
	ptpMMManagementID:                          {Name: "ptp.v2.mm.managementId", Label: "managementId", Kind: KindUint, Width: 16},
	ptpMMData:                                  {Name: "ptp.v2.mm.data", Label: "data", Kind: KindBytes},
	ptpMMClockType:                             {Name: "ptp.v2.mm.clockType", Label: "clockType", Kind: KindUint, Width: 16, Base: BaseHex},
	ptpMMClockTypeOC:                           {Name: "ptp.v2.mm.clockType.OC", Label: "The node implements an ordinary clock", Kind: KindBool, Width: 16, Mask: 0x8000},
	ptpMMClockTypeBC:                           {Name: "ptp.v2.mm.clockType.BC", Label: "The node implements a boundary clock", Kind: KindBool, Width: 16, Mask: 0x4000},
	ptpMMClockTypeP2P:                          {Name: "ptp.v2.mm.clockType.p2p_TC", Label: "The node implements a peer-to-peer transparent clock", Kind: KindBool, Width: 16, Mask: 0x2000},
	ptpMMClockTypeE2E:                          {Name: "ptp.v2.mm.clockType.e2e_TC", Label: "The node implements an end-to-end transparent clock", Kind: KindBool, Width: 16, Mask: 0x1000},
	ptpMMClockTypeMM:                           {Name: "ptp.v2.mm.clockType.MM", Label: "The node implements a management node", Kind: KindBool, Width: 16, Mask: 0x0800},
	ptpMMClockTypeReserved:                     {Name: "ptp.v2.mm.clockType.reserved", Label: "Reserved", Kind: KindBool, Width: 16, Mask: 0x07ff},
	ptpMMPhysicalLayerProtocol:                 {Name: "ptp.v2.mm.physicalLayerProtocol", Label: "physicalLayerProtocol", Kind: KindString},
	ptpMMPhysicalLayerProtocolLength:           {Name: "ptp.v2.mm.physicalLayerProtocol.length", Label: "length", Kind: KindUint, Width: 8},
	ptpMMPhysicalAddressLength:                 {Name: "ptp.v2.mm.physicalAddressLength", Label: "physical address length", Kind: KindUint, Width: 16},
	ptpMMPhysicalAddress:                       {Name: "ptp.v2.mm.physicalAddress", Label: "physical address", Kind: KindBytes},
	ptpMMProtocolAddress:                       {Name: "ptp.v2.mm.protocolAddress", Label: "protocol address", Kind: KindBytes},
	ptpMMNetworkProtocol:                       {Name: "ptp.v2.mm.networkProtocol", Label: "network protocol", Kind: KindUint, Width: 16},
	ptpMMProtocolAddressLength:                 {Name: "ptp.v2.mm.protocolAddress.length", Label: "length", Kind: KindUint, Width: 16},
	ptpMMManufacturerIdentity:                  {Name: "ptp.v2.mm.manufacturerIdentity", Label: "manufacturer identity", Kind: KindBytes},
	ptpMMReserved:                              {Name: "ptp.v2.mm.reserved", Label: "reserved", Kind: KindBytes},
	ptpMMProductDescription:                    {Name: "ptp.v2.mm.productDescription", Label: "product description", Kind: KindString},
	ptpMMProductDescriptionLength:              {Name: "ptp.v2.mm.productDescription.length", Label: "length", Kind: KindUint, Width: 8},
	ptpMMRevisionData:                          {Name: "ptp.v2.mm.revisionData", Label: "revision data", Kind: KindString},
	ptpMMRevisionDataLength:                    {Name: "ptp.v2.mm.revisionData.length", Label: "length", Kind: KindUint, Width: 8},
	ptpMMUserDescription:                       {Name: "ptp.v2.mm.userDescription", Label: "user description", Kind: KindString},
	ptpMMUserDescriptionLength:                 {Name: "ptp.v2.mm.userDescription.length", Label: "length", Kind: KindUint, Width: 8},
	ptpMMProfileIdentity:                       {Name: "ptp.v2.mm.profileIdentity", Label: "profileIdentity", Kind: KindBytes},
	ptpMMTwoStep:                               {Name: "ptp.v2.mm.twoStep", Label: "Two step", Kind: KindBool, Width: 8, Mask: 0x01},
	ptpMMSlaveOnly:                             {Name: "ptp.v2.mm.SlavOnly", Label: "Slave only", Kind: KindBool, Width: 8, Mask: 0x02},
	ptpMMNumberPorts:                           {Name: "ptp.v2.mm.numberPorts", Label: "number of ports", Kind: KindUint, Width: 16},
	ptpMMPriority1:                             {Name: "ptp.v2.mm.priority1", Label: "priority1", Kind: KindUint, Width: 8},
	ptpMMClockClass:                            {Name: "ptp.v2.mm.clockclass", Label: "Clock class", Kind: KindUint, Width: 8},
	ptpMMClockAccuracy:                         {Name: "ptp.v2.mm.clockaccuracy", Label: "Clock accuracy", Kind: KindUint, Width: 8, Base: BaseHex},
	ptpMMClockVariance:                         {Name: "ptp.v2.mm.clockvariance", Label: "Clock variance", Kind: KindUint, Width: 16},
	ptpMMPriority2:                             {Name: "ptp.v2.mm.priority2", Label: "priority2", Kind: KindUint, Width: 8},
	ptpMMClockIdentity:                         {Name: "ptp.v2.mm.clockidentity", Label: "Clock identity", Kind: KindUint, Width: 64, Base: BaseHex},
	ptpMMDomainNumber:                          {Name: "ptp.v2.mm.domainNumber", Label: "domain number", Kind: KindUint, Width: 8},
	ptpMMStepsRemoved:                          {Name: "ptp.v2.mm.stepsRemoved", Label: "steps removed", Kind: KindInt, Width: 16},
	ptpMMOffsetNs:                              {Name: "ptp.v2.mm.offset.ns", Label: "correction", Kind: KindUint, Width: 64},
	ptpMMOffsetSubNs:                           {Name: "ptp.v2.mm.offset.subns", Label: "SubNs", Kind: KindFloat},
	ptpMMPathDelayNs:                           {Name: "ptp.v2.mm.pathDelay.ns", Label: "ns", Kind: KindUint, Width: 64},
	ptpMMPathDelaySubNs:                        {Name: "ptp.v2.mm.pathDelay.subns", Label: "SubNs", Kind: KindFloat},
	ptpMMParentClockIdentity:                   {Name: "ptp.v2.mm.parentclockidentity", Label: "parent ClockIdentity", Kind: KindUint, Width: 64, Base: BaseHex},
	ptpMMParentSourcePortID:                    {Name: "ptp.v2.mm.parentsourceportid", Label: "parent SourcePortID", Kind: KindUint, Width: 16},
	ptpMMParentStats:                           {Name: "ptp.v2.mm.parentstats", Label: "parent stats", Kind: KindBool, Width: 8, Mask: 0x01},
	ptpMMObservedParentOffsetScaledLogVariance: {Name: "ptp.v2.mm.observedParentOffsetScaledLogVariance", Label: "observedParentOffsetScaledLogVariance", Kind: KindUint, Width: 16},
	ptpMMObservedParentClockPhaseChangeRate:    {Name: "ptp.v2.mm.observedParentClockPhaseChangeRate", Label: "observedParentClockPhaseChangeRate", Kind: KindInt, Width: 32},
	ptpMMGMPriority1:                           {Name: "ptp.v2.mm.grandmasterPriority1", Label: "Grandmaster priority1", Kind: KindUint, Width: 8},
	ptpMMGMClockClass:                          {Name: "ptp.v2.mm.grandmasterclockclass", Label: "Grandmaster clock class", Kind: KindUint, Width: 8},
	ptpMMGMClockAccuracy:                       {Name: "ptp.v2.mm.grandmasterclockaccuracy", Label: "Grandmaster clock accuracy", Kind: KindUint, Width: 8, Base: BaseHex},
	ptpMMGMClockVariance:                       {Name: "ptp.v2.mm.grandmasterclockvariance", Label: "Grandmaster clock variance", Kind: KindUint, Width: 16},
	ptpMMGMPriority2:                           {Name: "ptp.v2.mm.grandmasterPriority2", Label: "Grandmaster priority2", Kind: KindUint, Width: 8},
	ptpMMGMClockIdentity:                       {Name: "ptp.v2.mm.grandmasterclockidentity", Label: "Grandmaster clock identity", Kind: KindUint, Width: 64, Base: BaseHex},
	ptpMMPortNumber:                            {Name: "ptp.v2.mm.PortNumber", Label: "PortNumber", Kind: KindUint, Width: 16},
	ptpMMPortState:                             {Name: "ptp.v2.mm.portState", Label: "Port state", Kind: KindUint, Width: 8},
	ptpMMLogMinDelayReqInterval:                {Name: "ptp.v2.mm.logMinDelayReqInterval", Label: "logMinDelayReqInterval", Kind: KindInt, Width: 8},
	ptpMMPeerMeanPathDelayNs:                   {Name: "ptp.v2.mm.peerMeanPathDelay.ns", Label: "ns", Kind: KindUint, Width: 64},
	ptpMMPeerMeanPathDelaySubNs:                {Name: "ptp.v2.mm.peerMeanPathDelay.subns", Label: "SubNs", Kind: KindFloat},
	ptpMMLogAnnounceInterval:                   {Name: "ptp.v2.mm.logAnnounceInterval", Label: "logAnnounceInterval", Kind: KindInt, Width: 8},
	ptpMMAnnounceReceiptTimeout:                {Name: "ptp.v2.mm.announceReceiptTimeout", Label: "announceReceiptTimeout", Kind: KindUint, Width: 8},
	ptpMMLogSyncInterval:                       {Name: "ptp.v2.mm.logSyncInterval", Label: "logSyncInterval", Kind: KindInt, Width: 8},
	ptpMMDelayMechanism:                        {Name: "ptp.v2.mm.delayMechanism", Label: "Delay mechanism", Kind: KindUint, Width: 8},
	ptpMMLogMinPdelayReqInterval:               {Name: "ptp.v2.mm.logMinPdelayReqInterval", Label: "logMinPdelayReqInterval", Kind: KindInt, Width: 8},
	ptpMMVersionNumber:                         {Name: "ptp.v2.mm.versionNumber", Label: "versionNumber", Kind: KindUint, Width: 8, Mask: 0x0f},
}

var protoPTP = protoField("ptp", "Precision Time Protocol (IEEE1588)")

// emitPTP emits the header's fields and the body's, in the order and
// nesting of tshark's tree, which is drawn from them (treefields.go).
// tshark draws the correction as a text line ("correctionField: 1.000000
// nanoseconds") over its nanoseconds and the fraction of one.
func emitPTP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoPTP)
	p := PTP(d.data[l.Start:l.Payload])
	f := &ptpFields
	e.UintBits(&f[ptpMajorSdoID], uint64(p[0]))
	e.UintBits(&f[ptpMessageType], uint64(p[0]))
	e.UintBits(&f[ptpMinorVersion], uint64(p[1]))
	e.UintBits(&f[ptpVersion], uint64(p[1]))
	e.Uint(&f[ptpMessageLength], uint64(p.Length()))
	e.Uint(&f[ptpDomain], uint64(p.Domain()))
	e.Uint(&f[ptpMinorSdoID], uint64(p.MinorSdoID()))
	flags := uint64(p.Flags())
	e.Uint(&f[ptpFlags], flags)
	e.Sub()
	for k := ptpFlagSecurity; k <= ptpFlagLI61; k++ {
		e.BoolBits(&f[k], flags)
	}
	e.Up()
	c := p.Correction()
	if e.Tree() {
		b := append(e.Text(), "correctionField: "...)
		b = strconv.AppendFloat(b, float64(int64(c))/65536, 'f', 6, 64)
		e.Line(append(b, " nanoseconds"...))
	}
	e.Sub()
	// tshark takes the nanoseconds as signed, and shows them so in its
	// tree only.
	ns := int64(c) >> 16
	e.Uint(&f[ptpCorrectionNs], uint64(ns))
	if e.Tree() {
		b := append(e.Text(), "correction: Ns: "...)
		b = strconv.AppendInt(b, ns, 10)
		e.SetRepr(append(b, " nanoseconds"...))
	}
	e.Float(&f[ptpCorrectionSubNs], float64(c&0xffff)/65536)
	e.Up()
	e.Uint(&f[ptpTypeSpecific], uint64(p.TypeSpecific()))
	e.Uint(&f[ptpClockIdentity], p.ClockIdentity())
	if p[23] == 0xff && p[24] == 0xfe {
		// An identity made from a MAC address (EUI-48 with ff:fe in
		// its middle): tshark names the address's vendor.
		e.Sub()
		e.Bytes(&f[ptpClockIdentityManuf], p[20:23])
		if e.Tree() {
			b := append(e.Text(), "MAC Vendor: "...)
			e.SetRepr(appendColonHex(b, p[20:23]))
		}
		e.Up()
	}
	e.Uint(&f[ptpSourcePortID], uint64(p.SourcePort()))
	e.Uint(&f[ptpSequenceID], uint64(p.Sequence()))
	e.Uint(&f[ptpControl], uint64(p.Control()))
	e.Int(&f[ptpLogPeriod], int64(p.LogPeriod()))
	switch p.MessageType() {
	case ptpSync, ptpDelayReq:
		sec, ns := p.timestamp(34)
		e.Uint(&f[ptpSDROriginSeconds], sec)
		e.Int(&f[ptpSDROriginNanoseconds], int64(int32(ns)))
	case ptpFollowUp:
		sec, ns := p.timestamp(34)
		e.Uint(&f[ptpFUPreciseSeconds], sec)
		e.Uint(&f[ptpFUPreciseNanoseconds], uint64(ns))
	case ptpDelayResp:
		sec, ns := p.timestamp(34)
		e.Uint(&f[ptpDRReceiveSeconds], sec)
		e.Int(&f[ptpDRReceiveNanoseconds], int64(int32(ns)))
		e.Uint(&f[ptpDRRequestingPortIdentity], be64(p[44:]))
		e.Uint(&f[ptpDRRequestingPortID], uint64(be16(p[52:])))
	case ptpAnnounce:
		sec, ns := p.timestamp(34)
		e.Uint(&f[ptpANOriginSeconds], sec)
		e.Int(&f[ptpANOriginNanoseconds], int64(int32(ns)))
		e.Int(&f[ptpANUTCOffset], int64(int16(be16(p[44:]))))
		e.Uint(&f[ptpANPriority1], uint64(p[47]))
		e.Uint(&f[ptpANGMClockClass], uint64(p[48]))
		e.Uint(&f[ptpANGMClockAccuracy], uint64(p[49]))
		e.Uint(&f[ptpANGMClockVariance], uint64(be16(p[50:])))
		e.Uint(&f[ptpANPriority2], uint64(p[52]))
		e.Uint(&f[ptpANGMClockIdentity], be64(p[53:]))
		e.Uint(&f[ptpANStepsRemoved], uint64(be16(p[61:])))
		e.Uint(&f[ptpTimeSource], uint64(p[63]))
	case ptpManagement:
		emitPTPManagement(e, p)
	}
	e.End()
}

// infoPTP appends the Info column: the message type's name ("Sync
// Message").
func infoPTP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	t := uint64(d.data[l.Start] & 0x0f)
	if t == ptpManagement {
		return infoPTPManagement(b, PTP(d.data[l.Start:l.Payload]))
	}
	return append(b, ptpFields[ptpMessageType].ValueNames().Name(t)...)
}

// ptpLineFlags are tcpdump's names of the flags, lowest bit first; a
// name is printed when all of its bits are set.
var ptpLineFlags = [...]struct {
	bit  uint16
	name string
}{
	{0x0001, "l1 61"}, {0x0002, "l1 59"}, {0x0004, "utc reasonable"}, {0x0008, "timescale"},
	{0x0010, "time tracable"}, {0x0020, "frequency tracable"}, {0x0100, "alternate master"},
	{0x0200, "two step"}, {0x0400, "unicast"}, {0x1000, "profile specific 1"},
	{0x2000, "profile specific 2"}, {0x4000, "security mask"},
	{0x18c0, "unknown"},
}

// ptpLineTypes are tcpdump's names of the message types.
var ptpLineTypes = [16]string{
	0x0: "sync msg", 0x1: "delay req msg", 0x2: "peer delay req msg", 0x3: "peer delay resp msg",
	0x8: "follow up msg", 0x9: "delay resp msg", 0xa: "pdelay resp fup msg", 0xb: "announce msg",
	0xc: "signalling msg", 0xd: "management msg",
}

// ptpLineControls are tcpdump's names of the control field's values.
var ptpLineControls = [...]string{"Sync", "Delay_Req", "Follow_Up", "Delay_Resp", "Management", "Other"}

// linePTP appends tcpdump's "PTPv2, v1 compat : no, msg type : sync msg,
// …" line, the same at every verbosity; with -q tcpdump prints only "UDP,
// length N" for a message in UDP, and the whole line for one in Ethernet.
func (p *LinePrinter) linePTP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if p.Options.Quiet && i > 0 && d.layers[i-1].Type == LayerUDP {
		return appendUDPLength(b, udpTunnelLen(d, i))
	}
	m := PTP(d.data[l.Start:l.Payload])
	if m[1] != 2 {
		// tcpdump reads the whole byte as the version, the minor
		// version with it, and prints no more of another.
		b = append(b, "PTPv"...)
		return strconv.AppendUint(b, uint64(m[1]), 10)
	}
	b = append(b, "PTPv2, v1 compat : "...)
	if m[0]&0x10 != 0 {
		b = append(b, "yes"...)
	} else {
		b = append(b, "no"...)
	}
	b = append(b, ", msg type : "...)
	if s := ptpLineTypes[m.MessageType()]; s != "" {
		b = append(b, s...)
	} else {
		b = append(b, "Reserved"...)
	}
	b = append(b, ", length : "...)
	b = strconv.AppendUint(b, uint64(m.Length()), 10)
	b = append(b, ", domain : "...)
	b = strconv.AppendUint(b, uint64(m.Domain()), 10)
	b = append(b, ", reserved1 : "...)
	b = strconv.AppendUint(b, uint64(m.MinorSdoID()), 10)
	b = append(b, ", Flags ["...)
	n := len(b)
	for _, fl := range ptpLineFlags {
		if m.Flags()&fl.bit == fl.bit {
			if len(b) > n {
				b = append(b, ", "...)
			}
			b = append(b, fl.name...)
		}
	}
	if len(b) == n {
		b = append(b, "none"...)
	}
	c := m.Correction()
	b = append(b, "], NS correction : "...)
	b = strconv.AppendUint(b, c>>16, 10)
	b = append(b, ", sub NS correction : "...)
	b = strconv.AppendUint(b, c&0xffff, 10)
	b = append(b, ", reserved2 : "...)
	b = strconv.AppendUint(b, uint64(m.TypeSpecific()), 10)
	b = append(b, ", clock identity : 0x"...)
	b = strconv.AppendUint(b, m.ClockIdentity(), 16)
	b = append(b, ", port id : "...)
	b = strconv.AppendUint(b, uint64(m.SourcePort()), 10)
	b = append(b, ", seq id : "...)
	b = strconv.AppendUint(b, uint64(m.Sequence()), 10)
	b = append(b, ", control : "...)
	b = strconv.AppendUint(b, uint64(m.Control()), 10)
	b = append(b, " ("...)
	if int(m.Control()) < len(ptpLineControls) {
		b = append(b, ptpLineControls[m.Control()]...)
	} else {
		b = append(b, "Reserved"...)
	}
	b = append(b, "), log message interval : "...)
	b = strconv.AppendUint(b, uint64(m[33]), 10)
	if m.MessageType() == ptpManagement {
		return linePTPManagement(b, m)
	}
	sec, ns := m.timestamp(34)
	switch m.MessageType() {
	case ptpSync, ptpDelayReq:
		b = append(b, ", originTimeStamp : "...)
	case ptpFollowUp:
		b = append(b, ", preciseOriginTimeStamp : "...)
	case ptpDelayResp:
		b = append(b, ", receiveTimeStamp : "...)
	case ptpAnnounce:
		b = append(b, ", originTimeStamp : "...)
		b = strconv.AppendUint(b, sec, 10)
		b = append(b, " seconds "...)
		b = strconv.AppendUint(b, uint64(ns), 10)
		b = append(b, " nanoseconds, origin cur utc :"...)
		b = strconv.AppendUint(b, uint64(be16(m[44:])), 10)
		b = append(b, ", rsvd : "...)
		b = strconv.AppendUint(b, uint64(m[46]), 10)
		b = append(b, ", gm priority_1 : "...)
		b = strconv.AppendUint(b, uint64(m[47]), 10)
		b = append(b, ", gm clock class : "...)
		b = strconv.AppendUint(b, uint64(m[48]), 10)
		b = append(b, ", gm clock accuracy : "...)
		b = strconv.AppendUint(b, uint64(m[49]), 10)
		b = append(b, ", gm clock variance : "...)
		b = strconv.AppendUint(b, uint64(be16(m[50:])), 10)
		b = append(b, ", gm priority_2 : "...)
		b = strconv.AppendUint(b, uint64(m[52]), 10)
		b = append(b, ", gm clock id : 0x"...)
		b = strconv.AppendUint(b, be64(m[53:]), 16)
		b = append(b, ", steps removed : "...)
		b = strconv.AppendUint(b, uint64(be16(m[61:])), 10)
		b = append(b, ", time source : 0x"...)
		return strconv.AppendUint(b, uint64(m[63]), 16)
	}
	b = strconv.AppendUint(b, sec, 10)
	b = append(b, " seconds, "...)
	b = strconv.AppendUint(b, uint64(ns), 10)
	b = append(b, " nanoseconds"...)
	if m.MessageType() == ptpDelayResp {
		b = append(b, ", port identity : 0x"...)
		b = strconv.AppendUint(b, be64(m[44:]), 16)
		b = append(b, ", port id : "...)
		b = strconv.AppendUint(b, uint64(be16(m[52:])), 10)
	}
	return b
}
