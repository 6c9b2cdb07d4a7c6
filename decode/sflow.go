package decode

import "strconv"

// SFlow is an sFlow version 5 datagram (sflow.org's sFlow v5), carried in
// UDP (port 6343): a header naming the agent, then samples.
//
//	version (5) | agent address type (1 IPv4, 2 IPv6) | agent address
//	sub-agent ID | sequence number | uptime (ms) | number of samples
//	samples: type (enterprise 20 bits, format 12 bits) | length | data
//
// Counter samples (format 2, and the expanded format 4) hold records, each
// a format word, a length and the counters: generic interface counters
// (1), Ethernet (2), 100BaseVG (4).
type SFlow []byte

const sflowPort = 6343

// sflowHeaderLen returns the length of the datagram header for agent
// address type t, or 0 for a type Wireshark does not take.
func sflowHeaderLen(t uint32) int {
	switch t {
	case 1:
		return 28
	case 2:
		return 40
	}
	return 0
}

// decodeSFlow takes a version 5 datagram whose agent address type is IPv4
// or IPv6, as tshark does; anything else is left as data.
func (d *Decoder) decodeSFlow(l *Layer) LayerType {
	b := d.bytes(l)
	if len(b) < 8 || be32(b) != 5 || sflowHeaderLen(be32(b[4:])) == 0 {
		return l.asData()
	}
	l.Payload = l.End
	if sflowHeaderLen(be32(b[4:])) > len(b) || !sflowWalk(b, nil, &sflowCarrier{d, l.Start}) {
		l.Malformed = ReasonTruncated
	}
	return LayerNone
}

// sflowCarrier hands the decoder the sampled packet headers a datagram
// at d.data[base:] carries (Decoder.carry): tshark dissects each, inside
// the header's line, with the rules of an ICMP error's quoted packet
// (they open conversations, and no sequence analysis is done).
type sflowCarrier struct {
	d    *Decoder
	base int
}

// header queues the sampled header of the raw packet header record at
// s[off:], whole, if rawcap decodes its protocol.
func (c *sflowCarrier) header(s SFlow, off int) {
	if c == nil {
		return
	}
	var first LayerType
	switch be32(s[off+8:]) {
	case 1: // Ethernet
		first = LayerEthernet
	default:
		return
	}
	// tshark hands on the header with its padding.
	start := c.base + off + 24
	c.d.carry(start, start+int(sflowPad4(be32(s[off+20:]))), first)
}

// The fields, as Wireshark registers them.
const (
	sflowVersion = iota
	sflowAgentType
	sflowAgent
	sflowAgentV6
	sflowSubAgentID
	sflowSeq
	sflowUptime
	sflowNumSamples
	sflowEnterprise
	sflowSampleType
	sflowSampleLength
	sflowCSSeq
	sflowCSSourceIDType
	sflowCSSourceIDIndex
	sflowCSRecords
	sflowRecordFormat
	sflowDataLength
	sflowEnterpriseLength
	sflowEnterpriseData
	sflowIfIndex
	sflowIfType
	sflowIfSpeed
	sflowIfDirection
	sflowIfAdmin
	sflowIfOper
	sflowIfInOct
	sflowIfInPkt
	sflowIfInMcast
	sflowIfInBcast
	sflowIfInDisc
	sflowIfInErr
	sflowIfInUnk
	sflowIfOutOct
	sflowIfOutPkt
	sflowIfOutMcast
	sflowIfOutBcast
	sflowIfOutDisc
	sflowIfOutErr
	sflowIfPromisc
	sflowDot3                   // 13 fields from here
	sflowDot12 = sflowDot3 + 13 // 14 fields from here
)

// The flow samples' fields and their records'.
const (
	sflowFSSeq = sflowDot12 + 14 + iota
	sflowFSSourceIDClass
	sflowFSIndex
	sflowFSSourceIDType
	sflowFSSourceIDIndex
	sflowFSRate
	sflowFSPool
	sflowFSDrops
	sflowFSInput
	sflowFSInputFormat
	sflowFSInputValue
	sflowFSOutputWord // the word: a format and a value
	sflowFSOutputFmt  // its format bits
	sflowFSOutputVal  // its value bits
	sflowFSOutputXFmt // the expanded sample's format word
	sflowFSOutputXVal // and value word
	sflowFSRecords
	sflowFlowFormat
	sflowHdrProto
	sflowHdrFrameLen
	sflowHdrStripped
	sflowHdrLen
	sflowHdr
	sflowIPLen
	sflowIPProto
	sflowIPv4Src
	sflowIPv4Dst
	sflowIPv6Src
	sflowIPv6Dst
	sflowIPSrcPort
	sflowIPDstPort
	sflowTCPCWR // the 8 TCP flags, in this order
	sflowTCPECE
	sflowTCPURG
	sflowTCPACK
	sflowTCPPSH
	sflowTCPRST
	sflowTCPSYN
	sflowTCPFIN
	sflowPrecedence // IPv4's type of service: 5 fields
	sflowDelay
	sflowThroughput
	sflowReliability
	sflowCost
	sflowIPv6Priority
	sflowEthLen
	sflowEthSrc
	sflowEthDst
	sflowEthType
	sflowVlanIn
	sflowPriIn
	sflowVlanOut
	sflowPriOut
	sflowNextHop
	sflowNextHopV6
	sflowNHSrcMask
	sflowNHDstMask
	sflowAS
	sflowSrcAS
	sflowPeerAS
	sflowDstASEntries
	sflowASType
	sflowDstAS
	sflowCommunities
	sflowLocalPref
	sflowUserSrcCharset
	sflowUserSrcLen
	sflowUserSrc
	sflowUserDstCharset
	sflowUserDstLen
	sflowUserDst
	sflowURLDir
	sflowURLLen
	sflowURL
	sflowURLHostLen
	sflowURLHost
	sflowFieldCount
)

var sflowFields = [sflowFieldCount]Field{
	sflowVersion:          {Name: "sflow_245.version", Label: "Datagram version", Kind: KindUint, Width: 32},
	sflowAgentType:        {Name: "sflow_245.agenttype", Label: "Agent address type", Kind: KindUint, Width: 32},
	sflowAgent:            {Name: "sflow_245.agent", Label: "Agent address", Kind: KindIPv4},
	sflowAgentV6:          {Name: "sflow_245.agent.v6", Label: "Agent address", Kind: KindIPv6},
	sflowSubAgentID:       {Name: "sflow_245.sub_agent_id", Label: "Sub-agent ID", Kind: KindUint, Width: 32},
	sflowSeq:              {Name: "sflow_245.sequence_number", Label: "Sequence number", Kind: KindUint, Width: 32},
	sflowUptime:           {Name: "sflow_245.sysuptime", Label: "SysUptime", Kind: KindUint, Width: 32},
	sflowNumSamples:       {Name: "sflow_245.numsamples", Label: "NumSamples", Kind: KindUint, Width: 32},
	sflowEnterprise:       {Name: "sflow.enterprise", Label: "Enterprise", Kind: KindUint, Width: 32, Mask: 0xfffff000},
	sflowSampleType:       {Name: "sflow_245.sampletype", Label: "sFlow sample type", Kind: KindUint, Width: 32},
	sflowSampleLength:     {Name: "sflow_5.sample_length", Label: "Sample length (byte)", Kind: KindUint, Width: 32},
	sflowCSSeq:            {Name: "sflow.counters_sample.sequence_number", Label: "Sequence number", Kind: KindUint, Width: 32},
	sflowCSSourceIDType:   {Name: "sflow.counters_sample.source_id_type", Label: "Source ID type", Kind: KindUint, Width: 32, Mask: 0xff000000},
	sflowCSSourceIDIndex:  {Name: "sflow.counters_sample.source_id_index", Label: "Source ID index", Kind: KindUint, Width: 32, Mask: 0xffffff},
	sflowCSRecords:        {Name: "sflow.counters_sample.counters_records", Label: "Counters records", Kind: KindUint, Width: 32},
	sflowRecordFormat:     {Name: "sflow_245.counters_record_format", Label: "Format", Kind: KindUint, Width: 32, Mask: 0xfff},
	sflowDataLength:       {Name: "sflow_5.flow_data_length", Label: "Flow data length (byte)", Kind: KindUint, Width: 32},
	sflowEnterpriseLength: {Name: "sflow.enterprise.length", Label: "Length", Kind: KindUint, Width: 32},
	sflowEnterpriseData:   {Name: "sflow.enterprise.data", Label: "Data", Kind: KindBytes},
	sflowIfIndex:          {Name: "sflow_245.ifindex", Label: "Interface index", Kind: KindUint, Width: 32},
	sflowIfType:           {Name: "sflow_245.iftype", Label: "Interface Type", Kind: KindUint, Width: 32},
	sflowIfSpeed:          {Name: "sflow_245.ifspeed", Label: "Interface Speed", Kind: KindUint, Width: 64},
	sflowIfDirection:      {Name: "sflow_245.ifdirection", Label: "Interface Direction", Kind: KindUint, Width: 32},
	sflowIfAdmin:          {Name: "sflow_245.ifadmin_status", Label: "IfAdminStatus", Kind: KindBool, Width: 32, Mask: 0x1},
	sflowIfOper:           {Name: "sflow_245.ifoper_status", Label: "IfOperStatus", Kind: KindBool, Width: 32, Mask: 0x2},
	sflowIfInOct:          {Name: "sflow_245.ifinoct", Label: "Input Octets", Kind: KindUint, Width: 64},
	sflowIfInPkt:          {Name: "sflow_245.ifinpkt", Label: "Input Packets", Kind: KindUint, Width: 32},
	sflowIfInMcast:        {Name: "sflow_245.ifinmcast", Label: "Input Multicast Packets", Kind: KindUint, Width: 32},
	sflowIfInBcast:        {Name: "sflow_245.ifinbcast", Label: "Input Broadcast Packets", Kind: KindUint, Width: 32},
	sflowIfInDisc:         {Name: "sflow_245.ifindisc", Label: "Input Discarded Packets", Kind: KindUint, Width: 32},
	sflowIfInErr:          {Name: "sflow_245.ifinerr", Label: "Input Errors", Kind: KindUint, Width: 32},
	sflowIfInUnk:          {Name: "sflow_245.ifinunk", Label: "Input Unknown Protocol Packets", Kind: KindUint, Width: 32},
	sflowIfOutOct:         {Name: "sflow_245.ifoutoct", Label: "Output Octets", Kind: KindUint, Width: 64},
	sflowIfOutPkt:         {Name: "sflow_245.ifoutpkt", Label: "Output Packets", Kind: KindUint, Width: 32},
	sflowIfOutMcast:       {Name: "sflow_245.ifoutmcast", Label: "Output Multicast Packets", Kind: KindUint, Width: 32},
	sflowIfOutBcast:       {Name: "sflow_245.ifoutbcast", Label: "Output Broadcast Packets", Kind: KindUint, Width: 32},
	sflowIfOutDisc:        {Name: "sflow_245.ifoutdisc", Label: "Output Discarded Packets", Kind: KindUint, Width: 32},
	sflowIfOutErr:         {Name: "sflow_245.ifouterr", Label: "Output Errors", Kind: KindUint, Width: 32},
	sflowIfPromisc:        {Name: "sflow_245.ifpromisc", Label: "Promiscuous Mode", Kind: KindUint, Width: 32},

	sflowDot3 + 0:  {Name: "sflow_245.dot3StatsAlignmentErrors", Label: "Alignment Errors", Kind: KindUint, Width: 32},
	sflowDot3 + 1:  {Name: "sflow_245.dot3StatsFCSErrors", Label: "FCS Errors", Kind: KindUint, Width: 32},
	sflowDot3 + 2:  {Name: "sflow_245.dot3StatsSingleCollisionFrames", Label: "Single Collision Frames", Kind: KindUint, Width: 32},
	sflowDot3 + 3:  {Name: "sflow_245.dot3StatsMultipleCollisionFrames", Label: "Multiple Collision Frames", Kind: KindUint, Width: 32},
	sflowDot3 + 4:  {Name: "sflow_245.dot3StatsSQETestErrors", Label: "SQE Test Errors", Kind: KindUint, Width: 32},
	sflowDot3 + 5:  {Name: "sflow_245.dot3StatsDeferredTransmissions", Label: "Deferred Transmissions", Kind: KindUint, Width: 32},
	sflowDot3 + 6:  {Name: "sflow_245.dot3StatsLateCollisions", Label: "Late Collisions", Kind: KindUint, Width: 32},
	sflowDot3 + 7:  {Name: "sflow_245.dot3StatsExcessiveCollisions", Label: "Excessive Collisions", Kind: KindUint, Width: 32},
	sflowDot3 + 8:  {Name: "sflow_245.dot3StatsInternalMacTransmitErrors", Label: "Internal Mac Transmit Errors", Kind: KindUint, Width: 32},
	sflowDot3 + 9:  {Name: "sflow_245.dot3StatsCarrierSenseErrors", Label: "Carrier Sense Errors", Kind: KindUint, Width: 32},
	sflowDot3 + 10: {Name: "sflow_245.dot3StatsFrameTooLongs", Label: "Frame Too Longs", Kind: KindUint, Width: 32},
	sflowDot3 + 11: {Name: "sflow_245.dot3StatsInternalMacReceiveErrors", Label: "Internal Mac Receive Errors", Kind: KindUint, Width: 32},
	sflowDot3 + 12: {Name: "sflow_245.dot3StatsSymbolErrors", Label: "Symbol Errors", Kind: KindUint, Width: 32},

	sflowDot12 + 0:  {Name: "sflow_245.dot12InHighPriorityFrames", Label: "In High Priority Frames", Kind: KindUint, Width: 32},
	sflowDot12 + 1:  {Name: "sflow_245.dot12InHighPriorityOctets", Label: "In High Priority Octets", Kind: KindUint, Width: 64},
	sflowDot12 + 2:  {Name: "sflow_245.dot12InNormPriorityFrames", Label: "In Normal Priority Frames", Kind: KindUint, Width: 32},
	sflowDot12 + 3:  {Name: "sflow_245.dot12InNormPriorityOctets", Label: "In Normal Priority Octets", Kind: KindUint, Width: 64},
	sflowDot12 + 4:  {Name: "sflow_245.dot12InIPMErrors", Label: "In IPM Errors", Kind: KindUint, Width: 32},
	sflowDot12 + 5:  {Name: "sflow_245.dot12InOversizeFrameErrors", Label: "In Oversize Frame Errors", Kind: KindUint, Width: 32},
	sflowDot12 + 6:  {Name: "sflow_245.dot12InDataErrors", Label: "In Data Errors", Kind: KindUint, Width: 32},
	sflowDot12 + 7:  {Name: "sflow_245.dot12InNullAddressedFrames", Label: "In Null Addressed Frames", Kind: KindUint, Width: 32},
	sflowDot12 + 8:  {Name: "sflow_245.dot12OutHighPriorityFrames", Label: "Out High Priority Frames", Kind: KindUint, Width: 32},
	sflowDot12 + 9:  {Name: "sflow_245.dot12OutHighPriorityOctets", Label: "Out High Priority Octets", Kind: KindUint, Width: 64},
	sflowDot12 + 10: {Name: "sflow_245.dot12TransitionIntoTrainings", Label: "Transition Into Trainings", Kind: KindUint, Width: 32},
	sflowDot12 + 11: {Name: "sflow_245.dot12HCInHighPriorityOctets", Label: "HC In High Priority Octets", Kind: KindUint, Width: 64},
	sflowDot12 + 12: {Name: "sflow_245.dot12HCInNormPriorityOctets", Label: "HC In Normal Priority Octets", Kind: KindUint, Width: 64},
	sflowDot12 + 13: {Name: "sflow_245.dot12HCOutHighPriorityOctets", Label: "HC Out High Priority Octets", Kind: KindUint, Width: 64},

	sflowFSSeq:           {Name: "sflow.flow_sample.sequence_number", Label: "Sequence number", Kind: KindUint, Width: 32},
	sflowFSSourceIDClass: {Name: "sflow.flow_sample.source_id_class", Label: "Source ID class", Kind: KindUint, Width: 32, Mask: 0xff000000},
	sflowFSIndex:         {Name: "sflow.flow_sample.index", Label: "Index", Kind: KindUint, Width: 32, Mask: 0xffffff},
	sflowFSSourceIDType:  {Name: "sflow.flow_sample.source_id_type", Label: "Source ID type", Kind: KindUint, Width: 32},
	sflowFSSourceIDIndex: {Name: "sflow.flow_sample.source_id_index", Label: "Source ID index", Kind: KindUint, Width: 32},
	sflowFSRate:          {Name: "sflow.flow_sample.sampling_rate", Label: "Sampling rate", Kind: KindUint, Width: 32},
	sflowFSPool:          {Name: "sflow.flow_sample.sample_pool", Label: "Sample pool", Kind: KindUint, Width: 32},
	sflowFSDrops:         {Name: "sflow.flow_sample.dropped_packets", Label: "Dropped packets", Kind: KindUint, Width: 32},
	sflowFSInput:         {Name: "sflow.flow_sample.input_interface", Label: "Input interface (ifIndex)", Kind: KindUint, Width: 32},
	sflowFSInputFormat:   {Name: "sflow.flow_sample.input_interface_format", Label: "Input interface format", Kind: KindUint, Width: 32},
	sflowFSInputValue:    {Name: "sflow.flow_sample.input_interface_value", Label: "Input interface value", Kind: KindUint, Width: 32},
	// tshark shows the output interface's word in hex, its format and
	// value below it.
	sflowFSOutputWord: {Name: "sflow.flow_sample.output_interface", Label: "Output interface", Kind: KindUint, Width: 32, Base: BaseHex},
	sflowFSOutputFmt:  {Name: "sflow.flow_sample.output_interface_format", Label: "Output interface format", Kind: KindUint, Width: 32, Mask: 0xc0000000},
	sflowFSOutputVal:  {Name: "sflow.flow_sample.output_interface_value", Label: "Output interface value", Kind: KindUint, Width: 32, Mask: 0x3fffffff},
	sflowFSOutputXFmt: {Name: "sflow.flow_sample.output_interface.format", Label: "Output interface format", Kind: KindUint, Width: 32, Mask: 0x7fffffff},
	sflowFSOutputXVal: {Name: "sflow.flow_sample.output_interface_value", Label: "Output interface value", Kind: KindUint, Width: 32},
	sflowFSRecords:    {Name: "sflow.flow_sample.flow_record", Label: "Flow record", Kind: KindUint, Width: 32},
	sflowFlowFormat:   {Name: "sflow_245.flow_record_format", Label: "Format", Kind: KindUint, Width: 32},
	sflowHdrProto:     {Name: "sflow_245.header_protocol", Label: "Header protocol", Kind: KindUint, Width: 32},
	sflowHdrFrameLen:  {Name: "sflow_245.header.frame_length", Label: "Frame Length", Kind: KindUint, Width: 32},
	sflowHdrStripped:  {Name: "sflow_245.header.payload_stripped", Label: "Payload stripped", Kind: KindUint, Width: 32},
	sflowHdrLen:       {Name: "sflow_245.header.sampled_header_length", Label: "Sampled header length", Kind: KindUint, Width: 32},
	sflowHdr:          {Name: "sflow_245.header", Label: "Header of sampled packet", Kind: KindBytes},
	sflowIPLen:        {Name: "sflow_245.ip.length", Label: "Length of IP Packet", Kind: KindUint, Width: 32},
	sflowIPProto:      {Name: "sflow.ip_protocol", Label: "IP Protocol", Kind: KindUint, Width: 32},
	sflowIPv4Src:      {Name: "sflow_245.ipv4_src", Label: "Source IP address", Kind: KindIPv4},
	sflowIPv4Dst:      {Name: "sflow_245.ipv4_dst", Label: "Destination IP address", Kind: KindIPv4},
	sflowIPv6Src:      {Name: "sflow_245.ipv6_src", Label: "Source IP address", Kind: KindIPv6},
	sflowIPv6Dst:      {Name: "sflow_245.ipv6_dst", Label: "Destination IP address", Kind: KindIPv6},
	sflowIPSrcPort:    {Name: "sflow_245.ip.source_port", Label: "Source Port", Kind: KindUint, Width: 32},
	sflowIPDstPort:    {Name: "sflow.ip.destination_port", Label: "Destination Port", Kind: KindUint, Width: 32},
	sflowTCPCWR:       {Name: "sflow_245.ip.tcp_flag.cwr", Label: "TCP Flag (CWR)", Kind: KindBool, Width: 8, Mask: 0x80},
	sflowTCPECE:       {Name: "sflow_245.ip.tcp_flag.ece", Label: "TCP Flag (ECE)", Kind: KindBool, Width: 8, Mask: 0x40},
	sflowTCPURG:       {Name: "sflow_245.ip.tcp_flag.urg", Label: "TCP Flag (URG)", Kind: KindBool, Width: 8, Mask: 0x20},
	sflowTCPACK:       {Name: "sflow_245.ip.tcp_flag.ack", Label: "TCP Flag (ACK)", Kind: KindBool, Width: 8, Mask: 0x10},
	sflowTCPPSH:       {Name: "sflow_245.ip.tcp_flag.psh", Label: "TCP Flag (PSH)", Kind: KindBool, Width: 8, Mask: 0x8},
	sflowTCPRST:       {Name: "sflow_245.ip.tcp_flag.rst", Label: "TCP Flag (RST)", Kind: KindBool, Width: 8, Mask: 0x4},
	sflowTCPSYN:       {Name: "sflow_245.ip.tcp_flag.syn", Label: "TCP Flag (SYN)", Kind: KindBool, Width: 8, Mask: 0x2},
	sflowTCPFIN:       {Name: "sflow_245.ip.tcp_flag.fin", Label: "TCP Flag (FIN)", Kind: KindBool, Width: 8, Mask: 0x1},
	sflowPrecedence:   {Name: "sflow_245.ipv4_precedence_type", Label: "Precedence", Kind: KindUint, Width: 8, Mask: 0xe0},
	sflowDelay:        {Name: "sflow_245.ipv4_delay", Label: "Delay", Kind: KindBool, Width: 8, Mask: 0x10},
	sflowThroughput:   {Name: "sflow_245.ipv4_throughput", Label: "Throughput", Kind: KindBool, Width: 8, Mask: 0x8},
	sflowReliability:  {Name: "sflow_245.ipv4_reliability", Label: "Reliability", Kind: KindBool, Width: 8, Mask: 0x4},
	sflowCost:         {Name: "sflow_245.ipv4_cost", Label: "Cost (RFC1349)", Kind: KindBool, Width: 8, Mask: 0x2},
	sflowIPv6Priority: {Name: "sflow_245.ipv6_priority", Label: "Priority", Kind: KindUint, Width: 32},
	sflowEthLen:       {Name: "sflow_245.ethernet.length", Label: "Length of MAC Packet", Kind: KindUint, Width: 32},
	sflowEthSrc:       {Name: "sflow_245.ethernet.source_mac_address", Label: "Source MAC Address", Kind: KindMAC},
	sflowEthDst:       {Name: "sflow_245.ethernet.destination_mac_address", Label: "Destination MAC Address", Kind: KindMAC},
	sflowEthType:      {Name: "sflow_245.ethernet.packet_type", Label: "Ethernet Packet Type", Kind: KindUint, Width: 32},
	sflowVlanIn:       {Name: "sflow_245.vlan.in", Label: "Incoming 802.1Q VLAN", Kind: KindUint, Width: 32},
	sflowPriIn:        {Name: "sflow_245.pri.in", Label: "Incoming 802.1p priority", Kind: KindUint, Width: 32},
	sflowVlanOut:      {Name: "sflow_245.vlan.out", Label: "Outgoing 802.1Q VLAN", Kind: KindUint, Width: 32},
	sflowPriOut:       {Name: "sflow_245.pri.out", Label: "Outgoing 802.1p priority", Kind: KindUint, Width: 32},
	sflowNextHop:      {Name: "sflow_245.nexthop", Label: "Next hop", Kind: KindIPv4},
	sflowNextHopV6:    {Name: "sflow_245.nexthop.v6", Label: "Next hop", Kind: KindIPv6},
	sflowNHSrcMask:    {Name: "sflow_245.nexthop.src_mask", Label: "Next hop source mask", Kind: KindUint, Width: 32},
	sflowNHDstMask:    {Name: "sflow_245.nexthop.dst_mask", Label: "Next hop destination mask", Kind: KindUint, Width: 32},
	sflowAS:           {Name: "sflow_245.as", Label: "AS Router", Kind: KindUint, Width: 32},
	sflowSrcAS:        {Name: "sflow_245.srcAS", Label: "AS Source", Kind: KindUint, Width: 32},
	sflowPeerAS:       {Name: "sflow_245.peerAS", Label: "AS Peer", Kind: KindUint, Width: 32},
	sflowDstASEntries: {Name: "sflow_245.dstASentries", Label: "AS Destinations", Kind: KindUint, Width: 32},
	sflowASType:       {Name: "sflow.as_type", Label: "AS Type", Kind: KindUint, Width: 32},
	sflowDstAS:        {Name: "sflow_245.dstAS", Label: "AS Destination", Kind: KindUint, Width: 32},
	sflowCommunities:  {Name: "sflow_245.communityEntries", Label: "Gateway Communities", Kind: KindUint, Width: 32},
	sflowLocalPref:    {Name: "sflow_245.localpref", Label: "localpref", Kind: KindUint, Width: 32},

	sflowUserSrcCharset: {Name: "sflow_5.extended_user.source_character_set", Label: "Source Character Set", Kind: KindUint, Width: 32},
	sflowUserSrcLen:     {Name: "sflow_5.extended_user.source_user_string_length", Label: "Source User String Length (bytes)", Kind: KindUint, Width: 32},
	sflowUserSrc:        {Name: "sflow_5.extended_user.source_user", Label: "Source User", Kind: KindString},
	sflowUserDstCharset: {Name: "sflow_5.extended_user.destination_character_set", Label: "Destination Character Set", Kind: KindUint, Width: 32},
	sflowUserDstLen:     {Name: "sflow_5.extended_user.destination_user_string_length", Label: "Destination User String Length (bytes)", Kind: KindUint, Width: 32},
	sflowUserDst:        {Name: "sflow_5.extended_user.destination_user", Label: "Destination User", Kind: KindString},
	sflowURLDir:         {Name: "sflow_5.extended_url.direction", Label: "Direction", Kind: KindUint, Width: 32},
	sflowURLLen:         {Name: "sflow_5.extended_url.url_length", Label: "URL Length (bytes)", Kind: KindUint, Width: 32},
	sflowURL:            {Name: "sflow_5.extended_url.url", Label: "URL", Kind: KindString},
	sflowURLHostLen:     {Name: "sflow_5.extended_url.host_length", Label: "Host Length (bytes)", Kind: KindUint, Width: 32},
	sflowURLHost:        {Name: "sflow_5.extended_url.host", Label: "Host", Kind: KindString},
}

var protoSFlow = protoField("sflow", "InMon sFlow")

// sflowDot12Wide marks the 100BaseVG counters that are 64 bits wide.
var sflowDot12Wide = [14]bool{1: true, 3: true, 9: true, 11: true, 12: true, 13: true}

// sflowWalk walks the datagram as tshark reads it: a counters record of
// a known format is as long as its counters whatever its length says, one
// of an unknown standard format is its 8-byte header alone, and an unknown
// enterprise's record is its header and length bytes. It reports false
// where a piece runs past the end (tshark's exception). w, when not nil,
// emits each piece's fields as the walk finds it.
func sflowWalk(s SFlow, w *sflowEmitter, c *sflowCarrier) bool {
	if len(s) < 8 {
		return false
	}
	hl := sflowHeaderLen(be32(s[4:]))
	if w != nil {
		w.version(s, hl-24)
		// What was captured of a header cut short is drawn too.
		w.header(&sflowRd{b: s[8:min(hl, len(s))]}, hl-24)
	}
	if hl > len(s) {
		return false
	}
	off := hl
	for n := be32(s[hl-4:]); n > 0; n-- {
		if off+8 > len(s) {
			if w != nil && off+4 <= len(s) {
				// The sample's type was captured, not its length.
				w.sample(s, off, be32(s[off:]), 0, false)
			}
			return false
		}
		word, length := be32(s[off:]), be32(s[off+4:])
		if w != nil {
			w.sample(s, off, word, length, true)
		}
		// tshark reads a sample's records whatever its length says,
		// then the next sample where the length says it starts.
		next := len(s) + 1
		if end := uint64(off) + 8 + uint64(length); end <= uint64(len(s)) {
			next = int(end)
		}
		if word == 1 || word == 3 {
			if st := sflowFlows(s, off+8, w, c, word == 3); st != sflowGoOn {
				return st == sflowUnknown
			}
			off = next
			if w != nil {
				w.endSample()
			}
			continue
		}
		if word>>12 != 0 || word&0xfff != 2 && word&0xfff != 4 {
			// Not a counters sample: skip it by its length.
			if uint64(off)+8+uint64(length) > uint64(len(s)) {
				return false
			}
			off += 8 + int(length)
			if w != nil {
				w.endSample()
			}
			continue
		}
		expanded := word&0xfff == 4
		hdr := 12
		if expanded {
			hdr = 16
		}
		off += 8
		if w != nil {
			// What was captured of a header cut short is drawn too.
			w.counters(&sflowRd{b: s[off:min(off+hdr, len(s))]}, expanded)
		}
		if off+hdr > len(s) {
			return false
		}
		nrec := be32(s[off+hdr-4:])
		off += hdr
		for ; nrec > 0; nrec-- {
			if off+8 > len(s) {
				if w != nil && off+4 <= len(s) && sflowRecordLen(be32(s[off:]), 0) != 0 {
					// The record's format was captured, not its length.
					w.record(s, off, be32(s[off:]), 0, false)
				}
				return false
			}
			rw, rl := be32(s[off:]), be32(s[off+4:])
			n := sflowRecordLen(rw, rl)
			if n == 0 {
				return true // a format rawcap does not read: the walk stops
			}
			if w != nil {
				w.record(s, off, rw, rl, true)
			}
			if uint64(off)+uint64(n) > uint64(len(s)) {
				return false
			}
			off += int(n)
			if w != nil {
				w.endRecord()
			}
		}
		off = next
		if w != nil {
			w.endSample()
		}
	}
	return true
}

// sflowRecordLen returns how many bytes tshark reads for a counters
// record with format word rw and length rl, its header included: 0 for a
// format tshark reads and rawcap does not.
func sflowRecordLen(rw, rl uint32) uint64 {
	if rw>>12 != 0 {
		return 8 + uint64(rl)
	}
	switch rw & 0xfff {
	case 1:
		return 8 + 88
	case 2:
		return 8 + 52
	case 4:
		return 8 + 80
	}
	if sflowFields[sflowRecordFormat].ValueNames().Name(uint64(rw&0xfff)) != "" {
		return 0
	}
	return 8
}

// sflowEmitter emits a datagram's fields as sflowWalk finds them.
type sflowEmitter struct {
	e     *emitter
	depth int // subtrees open
	base  int // where the datagram starts in the packet
}

func (w *sflowEmitter) version(s SFlow, agentLen int) {
	e := w.e
	f := &sflowFields
	e.Uint(&f[sflowVersion], 5)
	e.Uint(&f[sflowAgentType], uint64(be32(s[4:])))
	if e.Tree() {
		b := append(e.Text(), "Agent address type: "...)
		if agentLen == 4 {
			b = append(b, "IPv4 (1)"...)
		} else {
			b = append(b, "IPv6 (2)"...)
		}
		e.SetRepr(b)
	}
}

func (w *sflowEmitter) header(r *sflowRd, agentLen int) {
	e := w.e
	f := &sflowFields
	if a, ok := r.bytes(uint64(agentLen)); ok && agentLen == 4 {
		e.IPv4(&f[sflowAgent], a)
	} else if ok {
		e.IPv6(&f[sflowAgentV6], a)
	}
	w.u32(r, sflowSubAgentID)
	w.u32(r, sflowSeq)
	if up, ok := w.u32(r, sflowUptime); ok && e.Tree() {
		b := append(e.Text(), "SysUptime: "...)
		b = appendSFlowUptime(b, uint32(up/1000))
		b = append(b, " ("...)
		b = appendUint(b, up)
		e.SetRepr(append(b, "ms)"...))
	}
	w.u32(r, sflowNumSamples)
}

// appendSFlowUptime appends secs as Wireshark words a duration: "30 days,
// 5 hours, 49 minutes, 32 seconds", leaving out the parts that are zero.
func appendSFlowUptime(b []byte, secs uint32) []byte {
	parts := [4]uint32{secs / 86400, secs / 3600 % 24, secs / 60 % 60, secs % 60}
	names := [4]string{" day", " hour", " minute", " second"}
	first := true
	for k, v := range parts {
		if v == 0 && !(k == 3 && first) {
			continue
		}
		if !first {
			b = append(b, ", "...)
		}
		first = false
		b = appendUint(b, uint64(v))
		b = append(b, names[k]...)
		if v != 1 {
			b = append(b, 's')
		}
	}
	return b
}

func (w *sflowEmitter) enterprise(word uint32) {
	e := w.e
	ent := word >> 12
	e.Uint(&sflowFields[sflowEnterprise], uint64((ent&0xfffff000)>>12))
	if e.Tree() {
		b := appendBitDrawing(e.Text(), uint64(ent), 32, 0xfffff000)
		b = append(b, " = Enterprise: "...)
		if ent == 0 {
			b = append(b, "standard sFlow (0)"...)
		} else {
			b = append(b, "Non-standard sFlow ("...)
			b = appendUint(b, uint64(ent))
			b = append(b, ')')
		}
		e.SetRepr(b)
	}
}

func (w *sflowEmitter) sample(s SFlow, off int, word, length uint32, hasLen bool) {
	e := w.e
	f := &sflowFields
	if e.Tree() {
		b := e.Text()
		switch {
		case word == 2:
			b = append(b, "Counters sample"...)
		case word == 4:
			b = append(b, "Expanded counters sample"...)
		case word == 1:
			b = append(b, "Flow sample"...)
		case word == 3:
			b = append(b, "Expanded flow sample"...)
		}
		switch {
		case word < 1 || word > 4:
			b = append(b, "Unknown sample format"...)
		case off+12 <= len(s):
			// The sequence number, when it was captured.
			b = appendUint(append(b, ", seq "...), uint64(be32(s[off+8:])))
		}
		e.Line(b)
	}
	e.Sub()
	w.depth++
	w.enterprise(word)
	e.Uint(&f[sflowSampleType], uint64(word&0xfff))
	if e.Tree() {
		b := appendBitDrawing(e.Text(), uint64(word&0xfff), 32, 0xfff)
		b = append(b, " = sFlow sample type: "...)
		switch word & 0xfff {
		case 2:
			b = append(b, "Counters sample"...)
		case 4:
			b = append(b, "Expanded counters sample"...)
		case 1:
			b = append(b, "Flow sample"...)
		case 3:
			b = append(b, "Expanded flow sample"...)
		default:
			b = append(b, "Unknown"...)
		}
		b = append(b, " ("...)
		b = appendUint(b, uint64(word&0xfff))
		e.SetRepr(append(b, ')'))
	}
	if hasLen {
		e.Uint(&f[sflowSampleLength], uint64(length))
	}
}

func (w *sflowEmitter) counters(r *sflowRd, expanded bool) {
	e := w.e
	f := &sflowFields
	w.u32(r, sflowCSSeq)
	if expanded {
		// tshark shows the expanded sample's type and index, words of
		// their own, through the same fields as the packed ones.
		if v, ok := w.u32(r, sflowCSSourceIDType); ok && e.Tree() {
			e.SetRepr(appendUint(append(e.Text(), "Source ID type: "...), v))
		}
		if v, ok := w.u32(r, sflowCSSourceIDIndex); ok && e.Tree() {
			e.SetRepr(appendUint(append(e.Text(), "Source ID index: "...), v))
		}
		w.u32(r, sflowCSRecords)
		return
	}
	if id, ok := r.u32(); ok {
		e.UintBits(&f[sflowCSSourceIDType], uint64(id))
		e.UintBits(&f[sflowCSSourceIDIndex], uint64(id))
	}
	w.u32(r, sflowCSRecords)
}

func (w *sflowEmitter) record(s SFlow, off int, rw, rl uint32, hasLen bool) {
	e := w.e
	f := &sflowFields
	n := sflowRecordLen(rw, rl)
	if e.Tree() {
		b := e.Text()
		switch {
		case rw>>12 != 0:
			b = append(b, "Unknown enterprise format"...)
		case rw == 1:
			b = append(b, "Generic interface counters"...)
		case rw == 2:
			b = append(b, "Ethernet interface counters"...)
		case rw == 4:
			b = append(b, "100 Base VG interface counters"...)
		default:
			b = append(b, "Unknown sample format"...)
		}
		e.Line(b)
	}
	e.Sub()
	w.depth++
	w.enterprise(rw)
	if rw>>12 != 0 {
		if !hasLen {
			return
		}
		e.Uint(&f[sflowEnterpriseLength], uint64(rl))
		if uint64(off)+n <= uint64(len(s)) {
			e.Bytes(&f[sflowEnterpriseData], s[off+8:off+int(n)])
		}
		return
	}
	e.Uint(&f[sflowRecordFormat], uint64(rw))
	if e.Tree() {
		b := appendBitDrawing(e.Text(), uint64(rw), 32, 0xfff)
		b = append(b, " = Format: "...)
		switch rw {
		case 1:
			b = append(b, "Generic interface counters"...)
		case 2:
			b = append(b, "Ethernet interface counters"...)
		case 4:
			b = append(b, "100 Base VG interface counters"...)
		default:
			b = append(b, "Unknown"...)
		}
		b = append(b, " ("...)
		b = appendUint(b, uint64(rw))
		e.SetRepr(append(b, ')'))
	}
	if !hasLen {
		return
	}
	e.Uint(&f[sflowDataLength], uint64(rl))
	// The counters captured, of a record cut short too.
	r := &sflowRd{b: s[off+8 : uint64(off)+min(n, uint64(len(s)-off))]}
	switch rw {
	case 1:
		w.u32(r, sflowIfIndex)
		w.u32(r, sflowIfType)
		w.u64(r, sflowIfSpeed)
		if dir, ok := w.u32(r, sflowIfDirection); ok && e.Tree() {
			b := append(e.Text(), "Interface Direction: "...)
			b = append(b, sflowDirection(uint32(dir))...)
			b = append(b, " ("...)
			b = appendUint(b, dir)
			e.SetRepr(append(b, ')'))
		}
		if st, ok := r.u32(); ok {
			e.BoolBits(&f[sflowIfAdmin], uint64(st))
			e.BoolBits(&f[sflowIfOper], uint64(st))
		}
		w.u64(r, sflowIfInOct)
		for k := sflowIfInPkt; k <= sflowIfInUnk; k++ {
			w.u32(r, k)
		}
		w.u64(r, sflowIfOutOct)
		for k := sflowIfOutPkt; k <= sflowIfPromisc; k++ {
			w.u32(r, k)
		}
	case 2:
		for k := range 13 {
			w.u32(r, sflowDot3+k)
		}
	case 4:
		for k := range 14 {
			if sflowDot12Wide[k] {
				w.u64(r, sflowDot12+k)
			} else {
				w.u32(r, sflowDot12+k)
			}
		}
	}
}

func (w *sflowEmitter) endRecord() { w.e.Up(); w.depth-- }
func (w *sflowEmitter) endSample() { w.e.Up(); w.depth-- }

func sflowDirection(v uint32) string {
	switch v {
	case 1:
		return "Full-Duplex"
	case 2:
		return "Half-Duplex"
	case 3:
		return "In"
	case 4:
		return "Out"
	}
	return "Unknown"
}

// emitSFlow emits the datagram's fields in the order and nesting of
// tshark's tree, which is drawn from them (treefields.go), up to where
// tshark's dissector stops.
func emitSFlow(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoSFlow)
	s := SFlow(d.data[l.Start:l.End])
	w := sflowEmitter{e: e, base: l.Start}
	ok := sflowWalk(s, &w, nil)
	for ; w.depth > 0; w.depth-- {
		e.Up()
	}
	if !ok {
		e.End()
		e.TreeException("sFlow")
		return
	}
	e.End()
}

// infoSFlow appends the Info column: "V5, agent 15.184.8.4, sub-agent ID
// 2, seq 204720, 7 samples".
func infoSFlow(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	s := SFlow(d.data[l.Start:l.End])
	hl := sflowHeaderLen(be32(s[4:]))
	if hl > len(s) {
		return append(b, "V5"...)
	}
	b = append(b, "V5, agent "...)
	if hl == 28 {
		b = addr4(s[8:12]).AppendTo(b)
	} else {
		b = addr16(s[8:24]).AppendTo(b)
	}
	b = append(b, ", sub-agent ID "...)
	b = appendUint(b, uint64(be32(s[hl-16:])))
	b = append(b, ", seq "...)
	b = appendUint(b, uint64(be32(s[hl-12:])))
	b = append(b, ", "...)
	b = appendUint(b, uint64(be32(s[hl-4:])))
	return append(b, " samples"...)
}

// lineSFlow appends tcpdump's "sFlowv5, IPv4 agent 15.184.8.4, agent-id
// 2, length 1288", and with -v the sequence number, uptime and samples,
// each counters sample and record on lines of their own.
func (p *LinePrinter) lineSFlow(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	n := udpPayloadLen(d, i)
	if p.Options.Quiet {
		return appendUDPLength(b, n)
	}
	s := SFlow(d.data[l.Start:l.End])
	hl := sflowHeaderLen(be32(s[4:]))
	if n < 28 {
		b = append(b, "sFlowv5 [length "...)
		b = strconv.AppendInt(b, int64(n), 10)
		return append(b, " < 28] (invalid)"...)
	}
	if hl > len(s) {
		return append(b, " [|sflow]"...)
	}
	b = append(b, "sFlowv5, "...)
	if hl == 28 {
		b = append(b, "IPv4 agent "...)
		b = addr4(s[8:12]).AppendTo(b)
	} else {
		b = append(b, "IPv6 agent "...)
		b = addr16(s[8:24]).AppendTo(b)
	}
	b = append(b, ", agent-id "...)
	b = appendUint(b, uint64(be32(s[hl-16:])))
	if p.Options.Verbose == 0 {
		b = append(b, ", length "...)
		return strconv.AppendInt(b, int64(n), 10)
	}
	b = append(b, ", seqnum "...)
	b = appendUint(b, uint64(be32(s[hl-12:])))
	b = append(b, ", uptime "...)
	b = appendUint(b, uint64(be32(s[hl-8:])))
	b = append(b, ", samples "...)
	b = appendUint(b, uint64(be32(s[hl-4:])))
	b = append(b, ", length "...)
	b = strconv.AppendInt(b, int64(n), 10)
	return p.appendSFlowSamples(b, s[hl:], n-hl, be32(s[hl-4:]))
}

// appendSFlowSamples appends, for tcpdump -v, each sample of the datagram
// (s holds the samples captured, tlen is how long the datagram says they
// are) on a line of its own, with its records below. A sample longer than
// the datagram is "(invalid)"; one longer than what was captured, cut.
func (p *LinePrinter) appendSFlowSamples(b []byte, s []byte, tlen int, n uint32) []byte {
	for ; n > 0 && tlen > 0; n-- {
		if len(s) < 8 {
			return append(b, " [|sflow]"...)
		}
		word, length := be32(s), be32(s[4:])
		if tlen < 8 {
			return append(b, " (invalid)"...)
		}
		s, tlen = s[8:], tlen-8
		if word&0xfff == 0 || length == 0 || uint64(length) > uint64(tlen) || uint64(length) > uint64(len(s)) {
			// tcpdump has printed the sample's line, type and
			// length, before it looks further.
			b = append(b, "\n\t"...)
			b = append(b, sflowSampleName(word)...)
			b = append(b, " ("...)
			b = appendUint(b, uint64(word&0xfff))
			b = append(b, "), length "...)
			b = appendUint(b, uint64(length))
			b = append(b, ',')
			switch {
			case length == 0 || word&0xfff == 0:
				return b
			case uint64(length) > uint64(tlen):
				return append(b, " (invalid)"...)
			}
			return append(b, " [|sflow]"...) // cut short by the capture
		}
		tlen -= int(length)
		body := s[:length]
		s = s[length:]
		b = append(b, "\n\t"...)
		typ := word & 0xfff
		switch {
		case word>>12 == 0 && (typ == 2 || typ == 4):
			if typ == 2 {
				b = append(b, "counter sample (2), length "...)
			} else {
				b = append(b, "expanded counter sample (4), length "...)
			}
			b = appendUint(b, uint64(length))
			b = p.appendSFlowCounters(b, body, typ == 4)
		case word == 1 || word == 3:
			if word == 1 {
				b = append(b, "flow sample (1), length "...)
			} else {
				b = append(b, "expanded flow sample (3), length "...)
			}
			b = appendUint(b, uint64(length))
			b = p.appendSFlowFlows(b, body, word == 3)
		default:
			b = append(b, sflowSampleName(word)...)
			b = append(b, " ("...)
			b = appendUint(b, uint64(typ))
			b = append(b, "), length "...)
			b = appendUint(b, uint64(length))
			if p.Options.Verbose == 1 {
				b = appendHexDumpLines(b, body, "\n\t    ")
			}
		}
	}
	return b
}

func sflowSampleName(word uint32) string {
	if word>>12 != 0 {
		return "Unknown"
	}
	switch word & 0xfff {
	case 1:
		return "flow sample"
	case 2:
		return "counter sample"
	case 3:
		return "expanded flow sample"
	case 4:
		return "expanded counter sample"
	}
	return "Unknown"
}

// appendSFlowCounters appends a counters sample's header and records.
func (p *LinePrinter) appendSFlowCounters(b []byte, c []byte, expanded bool) []byte {
	hdr := 12
	if expanded {
		hdr = 16
	}
	if len(c) < hdr {
		return append(b, " [|sflow]"...)
	}
	b = appendSFlowSampleID(b, c, expanded)
	b = append(b, ", records "...)
	nrec := be32(c[hdr-4:])
	b = appendUint(b, uint64(nrec))
	c = c[hdr:]
	for ; nrec > 0 && len(c) > 0; nrec-- {
		var r []byte
		var ent, typ uint32
		var ok bool
		if r, c, ent, typ, ok = sflowNextRecord(c); !ok {
			return append(b, " [|sflow]"...)
		}
		b = append(b, "\n\t    enterprise "...)
		b = appendUint(b, uint64(ent))
		b = append(b, ", "...)
		switch typ {
		case 1:
			b = append(b, "Generic counter"...)
		case 2:
			b = append(b, "Ethernet counter"...)
		case 3:
			b = append(b, "Token ring counter"...)
		case 4:
			b = append(b, "100 BaseVG counter"...)
		case 5:
			b = append(b, "Vlan Counter"...)
		case 1001:
			b = append(b, "Processor counter"...)
		default:
			b = append(b, "Unknown"...)
		}
		b = append(b, " ("...)
		b = appendUint(b, uint64(typ))
		b = append(b, ") length "...)
		b = appendUint(b, uint64(len(r)))
		switch {
		case ent == 0 && typ == 1 && len(r) >= 88:
			b = appendSFlowGeneric(b, r)
		case ent == 0 && typ == 2 && len(r) >= 52:
			b = appendSFlowEthernet(b, r)
		case ent == 0 && typ == 1001 && len(r) >= 28:
			// tcpdump labels the free memory "total_mem" too.
			b = appendSFlowWords(b, r, "\n\t      5sec ", ", 1min ", ", 5min ")
			b = appendUint(append(b, ", total_mem "...), sflowBE64(r[12:]))
			b = appendUint(append(b, ", total_mem "...), sflowBE64(r[20:]))
		case p.Options.Verbose == 1:
			// tcpdump dumps a record it cannot print at -v only.
			b = appendHexDumpLines(b, r, "\n\t\t")
		}
	}
	return b
}

func appendSFlowGeneric(b, r []byte) []byte {
	b = append(b, "\n\t      ifindex "...)
	b = appendUint(b, uint64(be32(r)))
	b = append(b, ", iftype "...)
	b = appendUint(b, uint64(be32(r[4:])))
	b = append(b, ", ifspeed "...)
	b = appendUint(b, sflowBE64(r[8:]))
	b = append(b, ", ifdirection "...)
	dir := be32(r[16:])
	b = appendUint(b, uint64(dir))
	b = append(b, " ("...)
	switch dir {
	case 1:
		b = append(b, "full-duplex"...)
	case 2:
		b = append(b, "half-duplex"...)
	default:
		b = append(b, "unknown"...)
	}
	b = append(b, ')')
	st := be32(r[20:])
	b = append(b, "\n\t      ifstatus "...)
	b = appendUint(b, uint64(st))
	b = append(b, ", adminstatus: "...)
	if st&1 != 0 {
		b = append(b, "up"...)
	} else {
		b = append(b, "down"...)
	}
	b = append(b, ", operstatus: "...)
	if st&2 != 0 {
		b = append(b, "up"...)
	} else {
		b = append(b, "down"...)
	}
	b = append(b, "\n\t      In octets "...)
	b = appendUint(b, sflowBE64(r[24:]))
	b = appendSFlowWords(b, r[32:], ", unicast pkts ", ", multicast pkts ", ", broadcast pkts ", ", discards ", "\n\t      In errors ", ", unknown protos ")
	b = append(b, "\n\t      Out octets "...)
	b = appendUint(b, sflowBE64(r[56:]))
	return appendSFlowWords(b, r[64:], ", unicast pkts ", ", multicast pkts ", ", broadcast pkts ", ", discards ", "\n\t      Out errors ", ", promisc mode ")
}

func appendSFlowEthernet(b, r []byte) []byte {
	return appendSFlowWords(b, r, "\n\t      align errors ", ", fcs errors ", ", single collision ", ", multiple collision ", ", test error ",
		"\n\t      deferred ", ", late collision ", ", excessive collision ", ", mac trans error ",
		"\n\t      carrier error ", ", frames too long ", ", mac receive errors ", ", symbol errors ")
}

// appendSFlowSampleID appends a sample's sequence number and source id
// (type and index, in one word unless expanded) as tcpdump -v prints them.
func appendSFlowSampleID(b, c []byte, expanded bool) []byte {
	b = append(b, ", seqnum "...)
	b = appendUint(b, uint64(be32(c)))
	typ, idx := be32(c[4:])>>24, be32(c[4:])&0xffffff
	if expanded {
		typ, idx = be32(c[4:]), be32(c[8:])
	}
	b = append(b, ", type "...)
	b = appendUint(b, uint64(typ))
	b = append(b, ", idx "...)
	return appendUint(b, uint64(idx))
}

// sflowNextRecord splits the record at the start of c (its enterprise and
// format word, its length, its data) from the rest; ok is false when the
// record runs past c.
func sflowNextRecord(c []byte) (r, rest []byte, ent, typ uint32, ok bool) {
	if len(c) < 8 {
		return nil, nil, 0, 0, false
	}
	rw, rl := be32(c), be32(c[4:])
	c = c[8:]
	if uint64(rl) > uint64(len(c)) {
		return nil, nil, 0, 0, false
	}
	return c[:rl], c[rl:], rw >> 12, rw & 0xfff, true
}

// appendSFlowWords appends each label followed by the next 32-bit word of r.
func appendSFlowWords(b, r []byte, labels ...string) []byte {
	for k, s := range labels {
		b = append(b, s...)
		b = appendUint(b, uint64(be32(r[4*k:])))
	}
	return b
}

func sflowBE64(b []byte) uint64 { return uint64(be32(b))<<32 | uint64(be32(b[4:])) }

// lineSFlowOther reports whether tcpdump's sFlow printer has something to
// say about a datagram on the sFlow port that is not one rawcap takes for
// sFlow: another version, or one cut short by the capture (b holds what
// was captured of the length bytes the UDP header announces).
func lineSFlowOther(b []byte, length int) bool {
	return len(b) >= 4 && be32(b) != 5 || len(b) < 8 && len(b) < length
}

// appendSFlowOther appends tcpdump's line for a datagram of another
// version than 5: too short for a datagram header, or not supported; or
// its mark for one cut short before its header was captured.
func appendSFlowOther(b, data []byte) []byte {
	if len(data) < 4 || be32(data) == 5 {
		return append(b, " [|sflow]"...)
	}
	if len(data) < 28 {
		b = append(b, "sFlowv"...)
		b = appendUint(b, uint64(be32(data)))
		b = append(b, " [length "...)
		b = strconv.AppendInt(b, int64(len(data)), 10)
		return append(b, " < 28] (invalid)"...)
	}
	b = append(b, "sFlow version "...)
	b = appendUint(b, uint64(be32(data)))
	return append(b, " packet not supported"...)
}

// appendSFlowFlows appends a flow sample's header and records as tcpdump
// -v does.
func (p *LinePrinter) appendSFlowFlows(b []byte, c []byte, expanded bool) []byte {
	hdr := 32
	if expanded {
		hdr = 44
	}
	if len(c) < hdr {
		return append(b, " [|sflow]"...)
	}
	b = appendSFlowSampleID(b, c, expanded)
	o := 8
	if expanded {
		o = 12
	}
	b = appendSFlowWords(b, c[o:], ", rate ", ", pool ", ", drops ")
	if !expanded {
		b = appendSFlowWords(b, c[o+12:], ", input ", " output ")
		b = append(b, ' ')
	} else {
		b = append(b, ", "...)
	}
	nrec := be32(c[hdr-4:])
	b = append(b, "records "...)
	b = appendUint(b, uint64(nrec))
	c = c[hdr:]
	for ; nrec > 0 && len(c) > 0; nrec-- {
		var r []byte
		var ent, typ uint32
		var ok bool
		if r, c, ent, typ, ok = sflowNextRecord(c); !ok {
			return append(b, " [|sflow]"...)
		}
		b = append(b, "\n\t    enterprise "...)
		b = appendUint(b, uint64(ent))
		b = append(b, ' ')
		if ent == 0 {
			b = append(b, sflowFlowRecordName(typ)...)
		} else {
			b = append(b, "Unknown"...)
		}
		b = append(b, " ("...)
		b = appendUint(b, uint64(typ))
		b = append(b, ") length "...)
		b = appendUint(b, uint64(len(r)))
		switch {
		case ent == 0 && typ == 1 && len(r) >= 16:
			b = append(b, "\n\t      protocol "...)
			b = append(b, sflowHeaderProtoName(be32(r))...)
			b = append(b, " ("...)
			b = appendUint(b, uint64(be32(r)))
			b = append(b, ')')
			b = appendSFlowWords(b, r[4:], ", length ", ", stripped bytes ", ", header_size ")
		case ent == 0 && typ == 2 && len(r) >= 24:
			b = appendSFlowWords(b, r, "\n\t      frame len ")
			b = appendSFlowWords(b, r[20:], ", type ")
		case ent == 0 && typ == 1001 && len(r) >= 16:
			b = appendSFlowWords(b, r, "\n\t      src vlan ", ", src pri ", ", dst vlan ", ", dst pri ")
		case ent != 0, typ >= 3 && typ <= 4, typ >= 1002 && typ <= 1012:
			// Named (another enterprise's: "Unknown"), not printed.
		case p.Options.Verbose == 1:
			b = appendHexDumpLines(b, r, "\n\t\t")
		}
	}
	return b
}

// sflowFlowRecordName is tcpdump's name of a flow record format.
func sflowFlowRecordName(t uint32) string {
	switch t {
	case 1:
		return "Raw packet"
	case 2:
		return "Ethernet frame"
	case 3:
		return "IPv4 Data"
	case 4:
		return "IPv6 Data"
	case 1001:
		return "Extended Switch data"
	case 1002:
		return "Extended Router data"
	case 1003:
		return "Extended Gateway data"
	case 1004:
		return "Extended User data"
	case 1005:
		return "Extended URL data"
	case 1006:
		return "Extended MPLS data"
	case 1007:
		return "Extended NAT data"
	case 1008:
		return "Extended MPLS tunnel"
	case 1009:
		return "Extended MPLS VC"
	case 1010:
		return "Extended MPLS FEC"
	case 1011:
		return "Extended MPLS LVP FEC"
	case 1012:
		return "Extended VLAN Tunnel"
	}
	return "Unknown"
}

// sflowHeaderProtoName is tcpdump's name of a sampled header's protocol.
func sflowHeaderProtoName(t uint32) string {
	switch t {
	case 1:
		return "Ethernet"
	case 2:
		return "Token Bus"
	case 3:
		return "Token Ring"
	case 4:
		return "FDDI"
	case 5:
		return "Frame Relay"
	case 6:
		return "X.25"
	case 7:
		return "PPP"
	case 8:
		return "SMDS"
	case 9:
		return "AAL5"
	case 10:
		return "AAL5 IP"
	case 11:
		return "IPv4"
	case 12:
		return "IPv6"
	case 13:
		return "MPLS"
	}
	return "Unknown"
}

// sflowStop says how a walk through a flow sample ended.
type sflowStop uint8

const (
	sflowGoOn    sflowStop = iota // the sample was walked whole
	sflowPastEnd                  // a piece runs past the datagram (tshark's exception)
	sflowUnknown                  // a record rawcap does not know: the walk stops there
)

// sflowFlows walks the flow sample (expanded or not) whose data starts at
// off, its header and its records, and says how the walk ended.
func sflowFlows(s SFlow, off int, w *sflowEmitter, c *sflowCarrier, expanded bool) sflowStop {
	hdr := 32
	if expanded {
		hdr = 44
	}
	if w != nil {
		// What was captured of a header cut short is drawn too.
		w.flowHeader(&sflowRd{b: s[off:min(off+hdr, len(s))]}, expanded)
	}
	if off+hdr > len(s) {
		return sflowPastEnd
	}
	nrec := be32(s[off+hdr-4:])
	off += hdr
	for ; nrec > 0; nrec-- {
		if off+8 > len(s) {
			if w != nil && off+4 <= len(s) {
				// The record's format was captured, not its length.
				if _, known := sflowFlowRecordLen(s, off, be32(s[off:])); known {
					w.flowRecord(&sflowRd{b: s[off:]})
					w.endRecord()
				}
			}
			return sflowPastEnd
		}
		rw := be32(s[off:])
		n, known := sflowFlowRecordLen(s, off, rw)
		if !known {
			return sflowUnknown
		}
		if w != nil {
			w.flowRecord(&sflowRd{b: s[off : uint64(off)+min(n, uint64(len(s)-off))], off: off})
			w.endRecord()
		}
		if uint64(off)+n > uint64(len(s)) {
			return sflowPastEnd
		}
		if rw == 1 {
			c.header(s, off)
		}
		off += int(n)
	}
	return sflowGoOn
}

// sflowRd reads the words of a piece of a datagram that may be cut short:
// once a read runs past its end, it and every read after it fail, so an
// emitter draws the fields that were captured and stops there, as tshark
// does before its exception.
type sflowRd struct {
	b     []byte
	k     int
	short bool
	off   int // where b starts in the datagram (flow records only)
}

// bytes returns the next n bytes, false when they run past the end.
func (r *sflowRd) bytes(n uint64) ([]byte, bool) {
	if r.short || uint64(r.k)+n > uint64(len(r.b)) {
		r.short = true
		return nil, false
	}
	b := r.b[r.k : r.k+int(n)]
	r.k += int(n)
	return b, true
}

// u32 returns the next 32-bit word, false when it runs past the end.
func (r *sflowRd) u32() (uint32, bool) {
	b, ok := r.bytes(4)
	if !ok {
		return 0, false
	}
	return be32(b), true
}

// u64 reads a 64-bit counter from r and emits it as field k, if it was
// captured.
func (w *sflowEmitter) u64(r *sflowRd, k int) {
	if b, ok := r.bytes(8); ok {
		w.e.Uint(&sflowFields[k], sflowBE64(b))
	}
}

// u32 reads a word from r and emits it as field k, if it was captured.
func (w *sflowEmitter) u32(r *sflowRd, k int) (uint64, bool) {
	v, ok := r.u32()
	if ok {
		w.e.Uint(&sflowFields[k], uint64(v))
	}
	return uint64(v), ok
}

// sflowPad4 returns n rounded up to a multiple of 4, as XDR pads opaque
// data and strings.
func sflowPad4(n uint32) uint64 { return (uint64(n) + 3) &^ 3 }

// sflowFlowRecordLen returns how many bytes the flow record at off, of
// format word rw, spans, its header included; known is false for a format
// rawcap does not read. A length that runs past s is returned as it is.
func sflowFlowRecordLen(s SFlow, off int, rw uint32) (n uint64, known bool) {
	const past = 1 << 40
	at := func(k int) (uint32, bool) {
		if off+k+4 > len(s) {
			return 0, false
		}
		return be32(s[off+k:]), true
	}
	switch rw {
	case 1: // raw packet header
		hl, ok := at(20)
		if !ok {
			return past, true
		}
		return 24 + sflowPad4(hl), true
	case 2: // Ethernet frame data
		return 32, true
	case 3: // IPv4 data
		return 40, true
	case 4: // IPv6 data
		return 64, true
	case 1001: // extended switch
		return 24, true
	case 1002: // extended router
		switch t, ok := at(8); {
		case !ok:
			return past, true
		case t == 1:
			return 24, true
		case t == 2:
			return 36, true
		}
	case 1003: // extended gateway
		t, ok := at(8)
		if !ok {
			return past, true
		}
		k := 16
		if t == 2 {
			k = 28
		} else if t != 1 {
			return 0, false
		}
		k += 12 // AS router, source, peer
		segs, ok := at(k)
		if !ok {
			return past, true
		}
		k += 4
		for ; segs > 0; segs-- {
			cnt, ok := at(k + 4)
			if !ok || uint64(off+k)+8+4*uint64(cnt) > uint64(len(s)) {
				return past, true
			}
			k += 8 + 4*int(cnt)
		}
		comm, ok := at(k)
		if !ok || uint64(off+k)+8+4*uint64(comm) > uint64(len(s)) {
			return past, true
		}
		return uint64(k) + 8 + 4*uint64(comm), true
	case 1004: // extended user
		l1, ok := at(12)
		if !ok || uint64(off)+16+sflowPad4(l1) > uint64(len(s)) {
			return past, true
		}
		k := 16 + int(sflowPad4(l1)) + 4
		l2, ok := at(k)
		if !ok {
			return past, true
		}
		return uint64(k) + 4 + sflowPad4(l2), true
	case 1005: // extended URL
		l1, ok := at(12)
		if !ok || uint64(off)+16+sflowPad4(l1) > uint64(len(s)) {
			return past, true
		}
		k := 16 + int(sflowPad4(l1))
		l2, ok := at(k)
		if !ok {
			return past, true
		}
		return uint64(k) + 4 + sflowPad4(l2), true
	}
	if rw>>12 != 0 {
		// Another enterprise's record: its header and length bytes.
		l, ok := at(4)
		if !ok {
			return past, true
		}
		return 8 + uint64(l), true
	}
	if sflowFlowRecordTitle(rw) == "" {
		// A format tshark does not know: its header alone.
		return 8, true
	}
	return 0, false
}

// flowHeader emits a flow sample's header: its sequence number, source,
// sampling rate, pool, drops, interfaces and number of records.
func (w *sflowEmitter) flowHeader(r *sflowRd, expanded bool) {
	e := w.e
	f := &sflowFields
	w.u32(r, sflowFSSeq)
	if expanded {
		w.u32(r, sflowFSSourceIDType)
		w.u32(r, sflowFSSourceIDIndex)
	} else if id, ok := r.u32(); ok {
		e.UintBits(&f[sflowFSSourceIDClass], uint64(id))
		e.UintBits(&f[sflowFSIndex], uint64(id))
	}
	if rate, ok := w.u32(r, sflowFSRate); ok && e.Tree() {
		b := appendUint(append(e.Text(), "Sampling rate: 1 out of "...), rate)
		e.SetRepr(append(b, " packets"...))
	}
	if pool, ok := w.u32(r, sflowFSPool); ok && e.Tree() {
		b := appendUint(append(e.Text(), "Sample pool: "...), pool)
		e.SetRepr(append(b, " total packets"...))
	}
	w.u32(r, sflowFSDrops)
	if expanded {
		w.u32(r, sflowFSInputFormat)
		w.u32(r, sflowFSInputValue)
		if v, ok := r.u32(); ok {
			e.UintBits(&f[sflowFSOutputXFmt], uint64(v))
		}
		if v, ok := w.u32(r, sflowFSOutputXVal); ok && e.Tree() {
			// The value is a number here, not one of the names the
			// field's value table gives.
			e.SetRepr(appendUint(append(e.Text(), "Output interface value: "...), v))
		}
		w.u32(r, sflowFSRecords)
		return
	}
	w.u32(r, sflowFSInput)
	if out, ok := w.u32(r, sflowFSOutputWord); ok {
		e.Sub()
		e.UintBits(&f[sflowFSOutputFmt], out)
		e.UintBits(&f[sflowFSOutputVal], out)
		if v := out & 0x3fffffff; e.Tree() && out>>30 != 1 {
			// The value names a discarded packet's reason only: else
			// it is an interface index or a number of interfaces.
			b := appendBitDrawing(e.Text(), out, 32, 0x3fffffff)
			b = appendUint(append(b, " = Output interface value: "...), v)
			if out>>30 == 2 && v == 0 {
				b = append(b, " unknown number of interfaces greater than 1"...)
			}
			e.SetRepr(b)
		}
		e.Up()
	}
	w.u32(r, sflowFSRecords)
}

// flowRecord emits the flow record r holds (its header included, and as
// much of its data as was captured, up to the length sflowFlowRecordLen
// gave).
func (w *sflowEmitter) flowRecord(r *sflowRd) {
	e := w.e
	f := &sflowFields
	rw := be32(r.b)
	if e.Tree() {
		b := e.Text()
		switch t := sflowFlowRecordTitle(rw); {
		case rw>>12 != 0:
			b = append(b, "Unknown enterprise format"...)
		case t == "":
			b = append(b, "Unknown sample format"...)
		default:
			b = append(b, t...)
		}
		e.Line(b)
	}
	e.Sub()
	w.depth++
	w.enterprise(rw)
	r.k = 4
	if rw>>12 != 0 {
		if n, ok := w.u32(r, sflowEnterpriseLength); ok {
			if c, ok := r.bytes(uint64(n)); ok {
				e.Bytes(&f[sflowEnterpriseData], c)
			}
		}
		return
	}
	e.Uint(&f[sflowFlowFormat], uint64(rw))
	w.u32(r, sflowDataLength)
	switch rw {
	case 1:
		w.u32(r, sflowHdrProto)
		w.u32(r, sflowHdrFrameLen)
		w.u32(r, sflowHdrStripped)
		if n, ok := w.u32(r, sflowHdrLen); ok {
			if c, ok := r.bytes(sflowPad4(uint32(n))); ok {
				e.Bytes(&f[sflowHdr], c)
				if e.Tree() {
					start := w.base + r.off + 24
					if first, past := carriedLayers(e.d, start, start+len(c)); first != 0 {
						// Inside the header's line.
						emitCarriedTree(e, first, past, int(e.depth)+2)
					}
				}
			}
		}
	case 2:
		w.u32(r, sflowEthLen)
		// Each address is padded to 8 bytes; tshark reads the padding
		// after drawing it, and so the flags and type of service below.
		for _, k := range [2]int{sflowEthSrc, sflowEthDst} {
			if c, ok := r.bytes(6); ok {
				e.MAC(&f[k], MAC(c))
				r.bytes(2)
			}
		}
		w.u32(r, sflowEthType)
	case 3, 4:
		w.u32(r, sflowIPLen)
		w.u32(r, sflowIPProto)
		src, dst, n := sflowIPv4Src, sflowIPv4Dst, uint64(4)
		if rw == 4 {
			src, dst, n = sflowIPv6Src, sflowIPv6Dst, 16
		}
		for _, k := range [2]int{src, dst} {
			if c, ok := r.bytes(n); ok && n == 4 {
				e.IPv4(&f[k], c)
			} else if ok {
				e.IPv6(&f[k], c)
			}
		}
		w.u32(r, sflowIPSrcPort)
		w.u32(r, sflowIPDstPort)
		// tshark reads the flags, and IPv4's type of service, from the
		// first byte of their words.
		if c, ok := r.bytes(1); ok {
			for fl := sflowTCPCWR; fl <= sflowTCPFIN; fl++ {
				e.BoolBits(&f[fl], uint64(c[0]))
			}
			r.bytes(3)
		}
		if rw == 4 {
			w.u32(r, sflowIPv6Priority)
			break
		}
		if c, ok := r.bytes(1); ok {
			e.UintBits(&f[sflowPrecedence], uint64(c[0]))
			for fl := sflowDelay; fl <= sflowCost; fl++ {
				e.BoolBits(&f[fl], uint64(c[0]))
			}
		}
	case 1001:
		w.u32(r, sflowVlanIn)
		w.u32(r, sflowPriIn)
		w.u32(r, sflowVlanOut)
		w.u32(r, sflowPriOut)
	case 1002:
		w.nextHop(r)
		w.u32(r, sflowNHSrcMask)
		w.u32(r, sflowNHDstMask)
	case 1003:
		w.gateway(r)
	case 1004:
		w.u32(r, sflowUserSrcCharset)
		w.xdrString(r, sflowUserSrcLen, sflowUserSrc)
		w.u32(r, sflowUserDstCharset)
		w.xdrString(r, sflowUserDstLen, sflowUserDst)
	case 1005:
		if dir, ok := w.u32(r, sflowURLDir); ok && e.Tree() {
			b := e.Text()
			switch dir {
			case 1:
				b = append(b, "Source Address is Server("...)
			case 2:
				b = append(b, "Destination Address is Server ("...)
			default:
				b = append(b, "Server Unspecified ("...)
			}
			b = appendUint(b, dir)
			e.SetRepr(append(b, ')'))
		}
		w.xdrString(r, sflowURLLen, sflowURL)
		w.xdrString(r, sflowURLHostLen, sflowURLHost)
	}
}

// gateway emits an extended gateway record's data: next hop, AS numbers,
// the AS path's segments, communities and local preference.
func (w *sflowEmitter) gateway(r *sflowRd) {
	e := w.e
	f := &sflowFields
	w.nextHop(r)
	w.u32(r, sflowAS)
	w.u32(r, sflowSrcAS)
	w.u32(r, sflowPeerAS)
	segs, _ := w.u32(r, sflowDstASEntries)
	for ; segs > 0 && !r.short; segs-- {
		t, ok1 := r.u32()
		n, ok2 := r.u32()
		if !ok1 || !ok2 {
			return
		}
		e.Uint(&f[sflowASType], uint64(t))
		if e.Tree() {
			b := e.Text()
			if t == 1 {
				b = append(b, "AS Set, ("...)
			} else {
				b = append(b, "AS Sequence, ("...)
			}
			b = appendUint(b, uint64(n))
			e.SetRepr(append(b, " entries)"...))
		}
		e.Sub()
		for ; n > 0 && !r.short; n-- {
			w.u32(r, sflowDstAS)
		}
		e.Up()
	}
	if n, ok := w.u32(r, sflowCommunities); ok {
		e.Sub()
		for ; n > 0 && !r.short; n-- {
			w.u32(r, sflowDstAS)
		}
		e.Up()
	}
	w.u32(r, sflowLocalPref)
}

// nextHop emits the address (its type word, then 4 or 16 bytes) r reads
// next.
func (w *sflowEmitter) nextHop(r *sflowRd) {
	if t, ok := r.u32(); t == 2 {
		if c, ok := r.bytes(16); ok {
			w.e.IPv6(&sflowFields[sflowNextHopV6], c)
		}
	} else if ok {
		if c, ok := r.bytes(4); ok {
			w.e.IPv4(&sflowFields[sflowNextHop], c)
		}
	}
}

// xdrString emits the string r reads next (its length, then its bytes
// padded to 4) as fields ln and str.
func (w *sflowEmitter) xdrString(r *sflowRd, ln, str int) {
	n, ok := w.u32(r, ln)
	if !ok {
		return
	}
	if c, ok := r.bytes(n); ok {
		w.e.Bytes(&sflowFields[str], c)
		r.bytes(sflowPad4(uint32(n)) - n) // the padding, which tshark reads after drawing the string
	}
}

// sflowFlowRecordTitle is the line tshark draws for a standard flow
// record of format rw: its format's name, "" for a format tshark does not
// know.
func sflowFlowRecordTitle(rw uint32) string {
	return sflowFields[sflowFlowFormat].ValueNames().Name(uint64(rw))
}
