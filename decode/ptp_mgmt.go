package decode

import "strconv"

// PTP management messages (IEEE 1588-2008 clause 15): after the common
// header, the target port identity, the boundary hops, the action and a
// management TLV whose management ID says what its data holds.
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|            targetPortIdentity (clock identity, 64 bits)       |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|        targetPortId           | startingHops  | boundaryHops  |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	| rsvd  | action|   reserved    |           tlvType             |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|          lengthField          |         managementId          |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                        dataField ...                          |

// The management IDs whose data rawcap lays out.
const (
	ptpMIDClockDescription = 0x0001
	ptpMIDDefaultDataSet   = 0x2000
	ptpMIDCurrentDataSet   = 0x2001
	ptpMIDParentDataSet    = 0x2002
	ptpMIDPortDataSet      = 0x2004
)

// emitPTPManagement emits a management message's fields after the common
// header: its target, hops and action, the management TLV, and the data
// of the management IDs rawcap lays out, in tshark's order and nesting.
func emitPTPManagement(e *emitter, p PTP) {
	f := &ptpFields
	e.Uint(&f[ptpMMTargetPortIdentity], be64(p[34:]))
	e.Uint(&f[ptpMMTargetPortID], uint64(be16(p[42:])))
	e.Uint(&f[ptpMMStartingBoundaryHops], uint64(p[44]))
	e.Uint(&f[ptpMMBoundaryHops], uint64(p[45]))
	e.UintBits(&f[ptpMMAction], uint64(p[46]))
	e.Uint(&f[ptpMMTLVType], uint64(be16(p[ptpMgmtTLV:])))
	e.Uint(&f[ptpMMLengthField], uint64(be16(p[ptpMgmtTLV+2:])))
	id := be16(p[ptpMgmtTLV+4:])
	e.Uint(&f[ptpMMManagementID], uint64(id))
	data := p[ptpMgmtData:]
	if len(data) == 0 {
		return
	}
	e.Bytes(&f[ptpMMData], data)
	e.Sub()
	switch id {
	case ptpMIDClockDescription:
		emitPTPClockDescription(e, data)
	case ptpMIDDefaultDataSet:
		if len(data) == 20 {
			e.BoolBits(&f[ptpMMTwoStep], uint64(data[0]))
			e.BoolBits(&f[ptpMMSlaveOnly], uint64(data[0]))
			e.Bytes(&f[ptpMMReserved], data[1:2])
			e.Uint(&f[ptpMMNumberPorts], uint64(be16(data[2:])))
			e.Uint(&f[ptpMMPriority1], uint64(data[4]))
			e.Uint(&f[ptpMMClockClass], uint64(data[5]))
			e.Uint(&f[ptpMMClockAccuracy], uint64(data[6]))
			e.Uint(&f[ptpMMClockVariance], uint64(be16(data[7:])))
			e.Uint(&f[ptpMMPriority2], uint64(data[9]))
			e.Uint(&f[ptpMMClockIdentity], be64(data[10:]))
			e.Uint(&f[ptpMMDomainNumber], uint64(data[18]))
			e.Bytes(&f[ptpMMReserved], data[19:20])
		}
	case ptpMIDCurrentDataSet:
		if len(data) == 18 {
			e.Int(&f[ptpMMStepsRemoved], int64(int16(be16(data))))
			emitPTPInterval(e, "Offset from Master: ", &f[ptpMMOffsetNs], &f[ptpMMOffsetSubNs], be64(data[2:]))
			emitPTPInterval(e, "Mean path delay: ", &f[ptpMMPathDelayNs], &f[ptpMMPathDelaySubNs], be64(data[10:]))
		}
	case ptpMIDParentDataSet:
		if len(data) == 32 {
			e.Uint(&f[ptpMMParentClockIdentity], be64(data))
			e.Uint(&f[ptpMMParentSourcePortID], uint64(be16(data[8:])))
			e.BoolBits(&f[ptpMMParentStats], uint64(data[10]))
			e.Bytes(&f[ptpMMReserved], data[11:12])
			e.Uint(&f[ptpMMObservedParentOffsetScaledLogVariance], uint64(be16(data[12:])))
			e.Int(&f[ptpMMObservedParentClockPhaseChangeRate], int64(int32(be32(data[14:]))))
			e.Uint(&f[ptpMMGMPriority1], uint64(data[18]))
			e.Uint(&f[ptpMMGMClockClass], uint64(data[19]))
			e.Uint(&f[ptpMMGMClockAccuracy], uint64(data[20]))
			e.Uint(&f[ptpMMGMClockVariance], uint64(be16(data[21:])))
			e.Uint(&f[ptpMMGMPriority2], uint64(data[23]))
			e.Uint(&f[ptpMMGMClockIdentity], be64(data[24:]))
		}
	case ptpMIDPortDataSet:
		if len(data) == 26 {
			e.Uint(&f[ptpMMClockIdentity], be64(data))
			e.Uint(&f[ptpMMPortNumber], uint64(be16(data[8:])))
			e.Uint(&f[ptpMMPortState], uint64(data[10]))
			e.Int(&f[ptpMMLogMinDelayReqInterval], int64(int8(data[11])))
			emitPTPInterval(e, "Peer mean path delay: ", &f[ptpMMPeerMeanPathDelayNs], &f[ptpMMPeerMeanPathDelaySubNs], be64(data[12:]))
			e.Int(&f[ptpMMLogAnnounceInterval], int64(int8(data[20])))
			e.Uint(&f[ptpMMAnnounceReceiptTimeout], uint64(data[21]))
			e.Int(&f[ptpMMLogSyncInterval], int64(int8(data[22])))
			e.Uint(&f[ptpMMDelayMechanism], uint64(data[23]))
			e.Int(&f[ptpMMLogMinPdelayReqInterval], int64(int8(data[24])))
			e.UintBits(&f[ptpMMVersionNumber], uint64(data[25]))
		}
	}
	e.Up()
}

// emitPTPInterval emits a TimeInterval (nanoseconds times 2^16) as tshark
// draws it: a text line with the value in nanoseconds ("Mean path delay:
// 0.000000 nanoseconds") over its whole nanoseconds ("ns: Ns: 0
// nanoseconds") and the fraction of one.
func emitPTPInterval(e *emitter, title string, ns, sub *Field, v uint64) {
	if e.Tree() {
		b := append(e.Text(), title...)
		b = strconv.AppendFloat(b, float64(int64(v))/65536, 'f', 6, 64)
		e.Line(append(b, " nanoseconds"...))
	}
	e.Sub()
	n := int64(v) >> 16
	e.Uint(ns, uint64(n))
	if e.Tree() {
		b := append(e.Text(), ns.Label...)
		b = append(b, ": Ns: "...)
		b = strconv.AppendInt(b, n, 10)
		e.SetRepr(append(b, " nanoseconds"...))
	}
	e.Float(sub, float64(v&0xffff)/65536)
	e.Up()
}

// ptpClockDescriptionValid reports whether d holds a CLOCK_DESCRIPTION's
// data and nothing after it: the clock type, the physical layer protocol
// (a PTPText: a length byte and the text), the physical address (a 16-bit
// length and the address), the protocol address (network protocol,
// length, address), the manufacturer identity and a reserved byte, three
// more PTPTexts and the profile identity.
func ptpClockDescriptionValid(d []byte) bool {
	off := 2
	text := func() bool {
		if off >= len(d) {
			return false
		}
		off += 1 + int(d[off])
		return off <= len(d)
	}
	if !text() || off+2 > len(d) {
		return false
	}
	off += 2 + int(be16(d[off:]))
	if off+4 > len(d) {
		return false
	}
	off += 4 + int(be16(d[off+2:]))
	off += 4
	if off > len(d) || !text() || !text() || !text() {
		return false
	}
	return off+6 == len(d)
}

// emitPTPClockDescription emits a CLOCK_DESCRIPTION's data, each text and
// address as tshark draws it: its value over its length and itself again.
func emitPTPClockDescription(e *emitter, d []byte) {
	if !ptpClockDescriptionValid(d) {
		return
	}
	f := &ptpFields
	ct := uint64(be16(d))
	e.Uint(&f[ptpMMClockType], ct)
	e.Sub()
	for k := ptpMMClockTypeOC; k <= ptpMMClockTypeReserved; k++ {
		e.BoolBits(&f[k], ct)
	}
	e.Up()
	off := 2
	text := func(v, n *Field) {
		l := int(d[off])
		s := d[off+1 : off+1+l]
		e.Bytes(v, s)
		e.Sub()
		e.Uint(n, uint64(l))
		e.Bytes(v, s)
		e.Up()
		off += 1 + l
	}
	text(&f[ptpMMPhysicalLayerProtocol], &f[ptpMMPhysicalLayerProtocolLength])
	l := int(be16(d[off:]))
	e.Uint(&f[ptpMMPhysicalAddressLength], uint64(l))
	e.Bytes(&f[ptpMMPhysicalAddress], d[off+2:off+2+l])
	off += 2 + l
	proto, l := be16(d[off:]), int(be16(d[off+2:]))
	addr := d[off+4 : off+4+l]
	e.Bytes(&f[ptpMMProtocolAddress], addr)
	e.Sub()
	e.Uint(&f[ptpMMNetworkProtocol], uint64(proto))
	e.Uint(&f[ptpMMProtocolAddressLength], uint64(l))
	e.Bytes(&f[ptpMMProtocolAddress], addr)
	e.Up()
	off += 4 + l
	e.Bytes(&f[ptpMMManufacturerIdentity], d[off:off+3])
	e.Bytes(&f[ptpMMReserved], d[off+3:off+4])
	off += 4
	text(&f[ptpMMProductDescription], &f[ptpMMProductDescriptionLength])
	text(&f[ptpMMRevisionData], &f[ptpMMRevisionDataLength])
	text(&f[ptpMMUserDescription], &f[ptpMMUserDescriptionLength])
	e.Bytes(&f[ptpMMProfileIdentity], d[off:off+6])
}

// ptpMgmtInfoNames are the management IDs' names in tshark's Info column
// ("Management (Current dataset) GET").
var ptpMgmtInfoNames = ValueNames{Values: []ValueName{
	{0x0000, "Null management"}, {0x0001, "Clock description"}, {0x0002, "User description"},
	{0x0003, "Save in non volatile storage"}, {0x0004, "Reset non volatile storage"},
	{0x0005, "Initialize"}, {0x0006, "Fault log"}, {0x0007, "Fault log reset"},
	{0x2000, "Default dataset"}, {0x2001, "Current dataset"}, {0x2002, "Parent dataset"},
	{0x2003, "Time properties dataset"}, {0x2004, "Port dataset"}, {0x2005, "Priority 1"},
	{0x2006, "Priority 2"}, {0x2007, "Domain"}, {0x2008, "Slave only"},
	{0x2009, "Log announce interval"}, {0x200a, "Announce receipt timeout"},
	{0x200b, "Log sync interval"}, {0x200c, "Version number"}, {0x200d, "Enable port"},
	{0x200e, "Disable port"}, {0x200f, "Time"}, {0x2010, "Clock accuracy"},
	{0x2011, "UTC properties"}, {0x2012, "Traceability properties"},
	{0x2013, "Timescale properties"}, {0x2014, "Unicast negotiation enable"},
	{0x2015, "Path trace list"}, {0x2016, "Path trace enable"},
	{0x2017, "Grandmaster cluster table"}, {0x2018, "Unicast master table"},
	{0x2019, "Unicast master max table size"}, {0x201a, "Acceptable master table"},
	{0x201b, "Acceptable master table enabled"}, {0x201c, "Acceptable master max table size"},
	{0x201d, "Alternate master"}, {0x201e, "Alternate time offset enable"},
	{0x201f, "Alternate time offset name"}, {0x2020, "Alternate time offset max key"},
	{0x2021, "Alternate time offset properties"}, {0x4000, "Transparent clock default dataset"},
	{0x4001, "Transparent clock port dataset"}, {0x4002, "Primary domain"},
	{0x6000, "Delay mechanism"}, {0x6001, "Log min pdelay req. interval"},
}}

// infoPTPManagement appends a management message's Info column:
// "Management (Current dataset) GET".
func infoPTPManagement(b []byte, p PTP) []byte {
	b = append(b, "Management ("...)
	id := be16(p[ptpMgmtTLV+4:])
	if s := ptpMgmtInfoNames.Name(uint64(id)); s != "" {
		b = append(b, s...)
	} else {
		b = append(b, "Unknown management Id "...)
		b = strconv.AppendUint(b, uint64(id), 10)
	}
	b = append(b, ") "...)
	return append(b, ptpFields[ptpMMAction].ValueNames().Name(uint64(p[46]&0x0f))...)
}

// linePTPManagement appends what tcpdump 4.99 prints after the common
// header of a management message: the target port identity and port,
// then four fields it reads all from the first byte of that identity.
func linePTPManagement(b []byte, m PTP) []byte {
	b = append(b, ", port identity : 0x"...)
	b = strconv.AppendUint(b, be64(m[34:]), 16)
	b = append(b, ", port id : "...)
	b = strconv.AppendUint(b, uint64(be16(m[42:])), 10)
	v := uint64(m[34])
	b = append(b, ", , start boundary hops  "...)
	b = strconv.AppendUint(b, v, 10)
	b = append(b, ", , boundary hops  "...)
	b = strconv.AppendUint(b, v, 10)
	b = append(b, ", , flags  0x"...)
	b = strconv.AppendUint(b, v, 16)
	b = append(b, ", , reserved  0x"...)
	return strconv.AppendUint(b, v, 16)
}
