package decode

// OpenFlow 1.0 carried by TCP to or from port 6633 (or IANA's 6653): a
// run of messages, each an 8-byte header and a body,
//
//	 0               1               2               3
//	+---------------+---------------+-------------------------------+
//	|    version    |     type      |            length             |
//	+---------------+---------------+-------------------------------+
//	|                        xid (transaction id)                   |
//	+---------------------------------------------------------------+
//	|                  body (length-8 bytes) ...                    |
//
// rawcap takes a segment as OpenFlow when it holds only whole version 1.0
// messages of the types and forms it lays out as tshark and tcpdump do
// (openflowTaken); anything else (a message cut at the segment's end or
// spanning two segments, another version, a type not laid out yet) is
// left as data, as before.
type OpenFlow []byte

const (
	openflowPort     = 6633
	openflowIANAPort = 6653
	openflowHdrLen   = 8
)

// The message types of OpenFlow 1.0 rawcap lays out.
const (
	ofpHello           = 0
	ofpError           = 1
	ofpEchoRequest     = 2
	ofpEchoReply       = 3
	ofpVendor          = 4
	ofpFeaturesRequest = 5
	ofpFeaturesReply   = 6
	ofpGetConfigReq    = 7
	ofpGetConfigReply  = 8
	ofpSetConfig       = 9
	ofpPacketIn        = 10
	ofpFlowRemoved     = 11
	ofpPortStatus      = 12
	ofpPacketOut       = 13
	ofpFlowMod         = 14
	ofpPortMod         = 15
	ofpStatsRequest    = 16
	ofpStatsReply      = 17
	ofpBarrierRequest  = 18
	ofpBarrierReply    = 19
	ofpQueueGetConfig  = 20
)

// The statistics types (ofp_stats_types).
const (
	ofpstDesc      = 0
	ofpstFlow      = 1
	ofpstAggregate = 2
	ofpstTable     = 3
	ofpstPort      = 4
)

// The action types rawcap lays out (ofp_action_type).
const (
	ofpatOutput     = 0
	ofpatSetVLANVID = 1
	ofpatSetVLANPCP = 2
	ofpatStripVLAN  = 3
	ofpatSetDLSrc   = 4
	ofpatSetDLDst   = 5
	ofpatSetNWSrc   = 6
	ofpatSetNWDst   = 7
	ofpatSetNWTos   = 8
	ofpatSetTPSrc   = 9
	ofpatSetTPDst   = 10
	ofpatEnqueue    = 11
)

// ofpMatchLen is the size of a flow match (ofp_match); ofpFlowModLen the
// size of a FLOW_MOD before its actions, header included.
const (
	ofpMatchLen   = 40
	ofpFlowModLen = 72
)

// Big Switch Networks' vendor id, whose messages tcpdump lays out.
const ofpVendorBSN = 0x005c16c7

// openflowNext returns the message at off in b and the offset after it;
// ok is false when b holds no whole version 1.0 message there.
func openflowNext(b []byte, off int) (msg []byte, next int, ok bool) {
	if off+openflowHdrLen > len(b) || b[off] != 1 {
		return nil, off, false
	}
	n := int(be16(b[off+2:]))
	if n < openflowHdrLen || off+n > len(b) {
		return nil, off, false
	}
	return b[off : off+n : off+n], off + n, true
}

// openflowTaken reports whether rawcap lays out message m (a whole one)
// as tshark and tcpdump do.
func openflowTaken(m []byte) bool {
	body := m[openflowHdrLen:]
	switch m[1] {
	case ofpHello, ofpEchoRequest, ofpEchoReply:
		return true // their bytes, if any, are data
	case ofpError:
		// A HELLO_FAILED error's data is text tcpdump may print so:
		// rawcap takes it without.
		return len(body) >= 4 && (be16(body) != 0 || len(body) == 4)
	case ofpFeaturesRequest, ofpGetConfigReq, ofpBarrierRequest, ofpBarrierReply:
		return len(body) == 0
	case ofpSetConfig, ofpGetConfigReply:
		return len(body) == 4
	case ofpStatsRequest:
		if len(body) < 4 || be16(body[2:]) != 0 {
			return false
		}
		switch be16(body) {
		case ofpstDesc, ofpstTable:
			return len(body) == 4
		case ofpstFlow, ofpstAggregate:
			return len(body) == 48 && ofpMatchTaken(body[4:44]) && ofpPortKnown(be16(body[46:]))
		case ofpstPort:
			return len(body) == 12 && ofpPortKnown(be16(body[4:]))
		}
		return false
	case ofpStatsReply:
		return ofpStatsReplyTaken(body)
	case ofpFlowRemoved:
		return len(body) == 80 && ofpMatchTaken(body[:40])
	case ofpPortMod:
		return len(body) == 24 && ofpPortKnown(be16(body)) && ofpBitsKnown(be32(body[8:]), ofpPortConfigBits[:]) &&
			ofpBitsKnown(be32(body[12:]), ofpPortConfigBits[:]) && ofpBitsKnown(be32(body[16:]), ofpPortFeatureBits[:])
	case ofpQueueGetConfig:
		return len(body) == 4 && ofpPortKnown(be16(body))
	case ofpPortStatus:
		return len(body) == 56 && body[0] <= 2 && ofpPhyPortTaken(body[8:])
	case ofpFlowMod:
		return len(body) >= ofpFlowModLen-openflowHdrLen && ofpMatchTaken(body[:40]) && ofpFlowModTaken(body)
	case ofpVendor:
		return ofpBSNTaken(body)
	case ofpPacketOut:
		// Without the frame (a buffered packet), or with a frame tshark
		// dissects inside the message (an empty one too, unless a
		// buffer holds the packet: rawcap takes a whole Ethernet
		// header).
		if len(body) <= 8 || !ofpPortKnown(be16(body[4:])) {
			return false
		}
		al := int(be16(body[6:]))
		if be32(body) != 0xffffffff {
			return al == len(body)-8 && ofpActionsTaken(body[8:])
		}
		return al <= len(body)-8-ethernetLen && ofpActionsTaken(body[8:8+al])
	case ofpPacketIn:
		// A frame (or its start) the switch sends up, which tshark
		// dissects inside the message: rawcap takes a whole Ethernet
		// header.
		return len(body) >= ofpPacketInLen+ethernetLen && ofpPortKnown(be16(body[6:])) && int(body[8]) < len(ofpPacketInReasons)
	case ofpFeaturesReply:
		return len(body) >= 24 && (len(body)-24)%48 == 0 && ofpFeaturesTaken(body)
	}
	return false
}

// ofpPacketInLen is the size of a PACKET_IN's body before its frame.
const ofpPacketInLen = 10

// openflowFrame returns where in message m (a whole one rawcap takes) the
// frame a PACKET_IN or PACKET_OUT carries starts; ok is false for none.
func openflowFrame(m []byte) (off int, ok bool) {
	body := m[openflowHdrLen:]
	switch {
	case m[1] == ofpPacketIn:
		return openflowHdrLen + ofpPacketInLen, true
	case m[1] == ofpPacketOut && be32(body) == 0xffffffff:
		return openflowHdrLen + 8 + int(be16(body[6:])), true
	}
	return 0, false
}

// openflowSplit returns where the whole messages of b end: b is OpenFlow
// as rawcap takes it when it holds one whole message or more, each one
// rawcap lays out, and after them nothing or the start of one more (of a
// type whose cut tcpdump prints as rawcap does), which tshark gathers
// with the next segment's bytes.
func openflowSplit(b []byte) (tail int, ok bool) {
	off := 0
	for off < len(b) {
		m, next, whole := openflowNext(b, off)
		if !whole {
			return off, off > 0 && openflowTailTaken(b[off:])
		}
		if !openflowTaken(m) {
			return off, false
		}
		off = next
	}
	return off, off > 0
}

// openflowWalk calls fn for each whole message of b (a layer
// openflowSplit took).
func openflowWalk(b []byte, fn func(m []byte)) {
	for off := 0; off < len(b); {
		m, next, ok := openflowNext(b, off)
		if !ok {
			return
		}
		fn(m)
		off = next
	}
}

// openflowTail returns the start of a message that layer i's segment
// holds only part of (nil: none).
func openflowTail(d *Decoder, i int) []byte {
	l := &d.layers[i]
	b := d.data[l.Start:l.End]
	off := 0
	for off < len(b) {
		_, next, ok := openflowNext(b, off)
		if !ok {
			return b[off:]
		}
		off = next
	}
	return nil
}

// openflowConns remembers the TCP conversations tshark's OpenFlow
// heuristic took: a direct-mapped table, bounded, written by a segment
// sent to port 6633. Each entry keeps the first such segment's sequence
// and acknowledgment numbers, so that the segments before it stay data
// however often the packets are decoded (a second pass starts from the
// same table).
type openflowConns [64]struct {
	key      uint64
	seq, ack uint32
	acked    bool // the segment's ACK flag was set
}

// openflowConversation reports whether the segment of TCP header t (with
// a payload) is OpenFlow as tshark finds it on its legacy port 6633, which
// no port table names: a segment sent to the port, and every segment of
// its conversation after the first such one, both ways.
func (d *Decoder) openflowConversation(t TCP) bool {
	to := t.DstPort() == openflowPort
	if !to && (d.of == nil || t.SrcPort() != openflowPort) {
		return false
	}
	k := d.http2ConvKey(t)
	if k == 0 {
		return false
	}
	if to {
		if d.of == nil {
			d.of = new(openflowConns)
		}
		c := &d.of[k%uint64(len(d.of))]
		if c.key != k || int32(t.Seq()-c.seq) < 0 {
			c.key, c.seq, c.ack, c.acked = k, t.Seq(), t.Ack(), t.Flags()&TCPAck != 0
		}
		return true
	}
	c := &d.of[k%uint64(len(d.of))]
	return c.key == k && (!c.acked || int32(t.Seq()-c.ack) >= 0)
}

func (d *Decoder) decodeOpenFlow(l *Layer) LayerType {
	cut := d.n > 0 && d.layers[d.n-1].Type == LayerTCP && l.Start+d.tcpWirePayload(d.n-1) > l.End
	if _, ok := openflowSplit(d.bytes(l)); cut || !ok {
		return l.asData()
	}
	l.Payload = l.End
	// The frames PACKET_IN and PACKET_OUT messages carry, decoded after
	// the packet's layers (tshark dissects each inside its message).
	b := d.bytes(l)
	for off := 0; off < len(b); {
		m, next, ok := openflowNext(b, off)
		if !ok {
			break
		}
		if fo, ok := openflowFrame(m); ok {
			d.carry(l.Start+off+fo, l.Start+next, LayerEthernet)
		}
		off = next
	}
	return LayerNone
}

// The fields, as Wireshark registers them (OpenFlow's version, the rest
// OpenFlow 1.0's).
const (
	ofVersion = iota
	ofType
	ofLength
	ofXid
	ofDatapathID
	ofDatapathImp
	ofDatapathMAC
	ofNBuffers
	ofNTables
	ofFeaturesPad
	ofCapabilities
	ofCapFlowStats
	ofCapTableStats
	ofCapPortStats
	ofCapGroupStats
	ofCapIPReasm
	ofCapQueueStats
	ofCapPortBlocked
	ofActions
	ofActOutput
	ofActSetVLANVID
	ofActSetVLANPCP
	ofActStripVLAN
	ofActSetDLSrc
	ofActSetDLDst
	ofActSetNWSrc
	ofActSetNWDst
	ofActSetNWTos
	ofActSetTPSrc
	ofActSetTPDst
	ofActEnqueue
	ofPortNo
	ofHWAddr
	ofPortName
	ofPortConfig
	ofPortDown
	ofNoSTP
	ofNoRecv
	ofNoRecvSTP
	ofNoFlood
	ofNoFwd
	ofNoPacketIn
	ofPortState
	ofLinkDown
	ofPortCurr
	ofPortAdvertised
	ofPortSupported
	ofPortPeer
	of10MbHD
	of10MbFD
	of100MbHD
	of100MbFD
	of1GbHD
	of1GbFD
	of10GbFD
	ofCopper
	ofFiber
	ofAutoneg
	ofPause
	ofPauseAsym
	ofConfigFlags
	ofMissSendLen
	ofStatsType
	ofFlags
	ofTypeUndecoded
	ofWildcards
	ofInPort
	ofEthSrc
	ofEthDst
	ofDLVLAN
	ofDLVLANPCP
	ofMatchPad
	ofMatchDLType
	ofMatchTos
	ofMatchNWProto
	ofMatchSrcAddr
	ofMatchDstAddr
	ofMatchSrcPort
	ofMatchDstPort
	ofCookie
	ofCommand
	ofIdleTimeout
	ofHardTimeout
	ofPriority
	ofBufferID
	ofOutPort
	ofActionType
	ofActionTypeUndecoded
	ofActionLen
	ofOutputPort
	ofMaxLen
	ofTableID
	ofStatsRequestPad
	ofActionsLen
	ofTotalLen
	ofReason
	ofPktInPad
	openflowFieldCount
)

var protoOpenFlowV1 = protoField("openflow_v1", "OpenFlow 1.0")

var openflowFields = [openflowFieldCount]Field{
	ofVersion:             {Name: "openflow.version", Label: "Version", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x7f, Digits: 2},
	ofType:                {Name: "openflow_1_0.type", Label: "Type", Kind: KindUint, Width: 8},
	ofLength:              {Name: "openflow.length", Label: "Length", Kind: KindUint, Width: 16},
	ofXid:                 {Name: "openflow.xid", Label: "Transaction ID", Kind: KindUint, Width: 32},
	ofDatapathID:          {Name: "openflow.datapath_id", Label: "Datapath unique ID", Kind: KindUint, Width: 64, Base: BaseHex},
	ofDatapathImp:         {Name: "openflow.datapath_imp", Label: "Implementers part", Kind: KindUint, Width: 16, Base: BaseHex},
	ofDatapathMAC:         {Name: "openflow.datapath_mac", Label: "MAC addr", Kind: KindMAC},
	ofNBuffers:            {Name: "openflow.n_buffers", Label: "n_buffers", Kind: KindUint, Width: 32},
	ofNTables:             {Name: "openflow.n_tables", Label: "n_tables", Kind: KindUint, Width: 8},
	ofFeaturesPad:         {Name: "openflow.features_reply.pad", Label: "Pad", Kind: KindBytes},
	ofCapabilities:        {Name: "openflow.capabilities", Label: "capabilities", Kind: KindUint, Width: 32, Base: BaseHex},
	ofCapFlowStats:        {Name: "openflow.flow_stats", Label: "Flow statistics", Kind: KindBool, Width: 32, Mask: 0x1},
	ofCapTableStats:       {Name: "openflow.table_stats", Label: "Table statistics", Kind: KindBool, Width: 32, Mask: 0x2},
	ofCapPortStats:        {Name: "openflow.port_stats", Label: "Port statistics", Kind: KindBool, Width: 32, Mask: 0x4},
	ofCapGroupStats:       {Name: "openflow.group_stats", Label: "Group statistics", Kind: KindBool, Width: 32, Mask: 0x8},
	ofCapIPReasm:          {Name: "openflow.ip_reasm", Label: "Can reassemble IP fragments", Kind: KindBool, Width: 32, Mask: 0x20},
	ofCapQueueStats:       {Name: "openflow.queue_stats", Label: "Queue statistics", Kind: KindBool, Width: 32, Mask: 0x40},
	ofCapPortBlocked:      {Name: "openflow.port_blocked", Label: "Switch will block looping ports", Kind: KindBool, Width: 32, Mask: 0x100},
	ofActions:             {Name: "openflow.actions", Label: "actions", Kind: KindUint, Width: 32, Base: BaseHex},
	ofActOutput:           {Name: "openflow.output", Label: "Output to switch port", Kind: KindBool, Width: 32, Mask: 0x1},
	ofActSetVLANVID:       {Name: "openflow.set_vlan_vid", Label: "Set the 802.1q VLAN id", Kind: KindBool, Width: 32, Mask: 0x2},
	ofActSetVLANPCP:       {Name: "openflow.set_vlan_pcp", Label: "Set the 802.1q priority", Kind: KindBool, Width: 32, Mask: 0x4},
	ofActStripVLAN:        {Name: "openflow.strip_vlan", Label: "Strip the 802.1q header", Kind: KindBool, Width: 32, Mask: 0x8},
	ofActSetDLSrc:         {Name: "openflow.set_dl_src", Label: "Ethernet source address", Kind: KindBool, Width: 32, Mask: 0x10},
	ofActSetDLDst:         {Name: "openflow.set_dl_ds", Label: "Ethernet destination address", Kind: KindBool, Width: 32, Mask: 0x20},
	ofActSetNWSrc:         {Name: "openflow.set_nw_src", Label: "IP source address", Kind: KindBool, Width: 32, Mask: 0x40},
	ofActSetNWDst:         {Name: "openflow.set_nw_ds", Label: "IP destination address", Kind: KindBool, Width: 32, Mask: 0x80},
	ofActSetNWTos:         {Name: "openflow.set_nw_tos", Label: "IP ToS (DSCP field, 6 bits)", Kind: KindBool, Width: 32, Mask: 0x100},
	ofActSetTPSrc:         {Name: "openflow.set_tp_src", Label: "TCP/UDP source port", Kind: KindBool, Width: 32, Mask: 0x200},
	ofActSetTPDst:         {Name: "openflow.set_tp_dst", Label: "TCP/UDP destination port", Kind: KindBool, Width: 32, Mask: 0x400},
	ofActEnqueue:          {Name: "openflow.enqueue", Label: "Output to queue", Kind: KindBool, Width: 32, Mask: 0x800},
	ofPortNo:              {Name: "openflow.port_no", Label: "Port number", Kind: KindUint, Width: 16},
	ofHWAddr:              {Name: "openflow.hw_add", Label: "HW Address", Kind: KindMAC},
	ofPortName:            {Name: "openflow.port_name", Label: "Port Name", Kind: KindString},
	ofPortConfig:          {Name: "openflow.port_config", Label: "Config flags", Kind: KindUint, Width: 32, Base: BaseHex},
	ofPortDown:            {Name: "openflow.port_down", Label: "Port is administratively down", Kind: KindBool, Width: 32, Mask: 0x1},
	ofNoSTP:               {Name: "openflow.no_stp", Label: "Disable 802.1D spanning tree on port", Kind: KindBool, Width: 32, Mask: 0x2},
	ofNoRecv:              {Name: "openflow.no_recv", Label: "Drop all packets except 802.1D spanning tree packets", Kind: KindBool, Width: 32, Mask: 0x4},
	ofNoRecvSTP:           {Name: "openflow.no_recv_stp", Label: "Drop received 802.1D STP packets", Kind: KindBool, Width: 32, Mask: 0x8},
	ofNoFlood:             {Name: "openflow.no_flood", Label: "Do not include this port when flooding", Kind: KindBool, Width: 32, Mask: 0x10},
	ofNoFwd:               {Name: "openflow.no_fwd", Label: "Drop packets forwarded to port", Kind: KindBool, Width: 32, Mask: 0x20},
	ofNoPacketIn:          {Name: "openflow.no_packet_in", Label: "Do not send packet-in msgs for port", Kind: KindBool, Width: 32, Mask: 0x40},
	ofPortState:           {Name: "openflow.port_state", Label: "State flags", Kind: KindUint, Width: 32, Base: BaseHex},
	ofLinkDown:            {Name: "openflow.link_down", Label: "No physical link present", Kind: KindBool, Width: 32, Mask: 0x1},
	ofPortCurr:            {Name: "openflow.port_curr", Label: "Current features", Kind: KindUint, Width: 32, Base: BaseHex},
	ofPortAdvertised:      {Name: "openflow.port_advertised", Label: "Advertised features", Kind: KindUint, Width: 32, Base: BaseHex},
	ofPortSupported:       {Name: "openflow.port_supported", Label: "Features supported", Kind: KindUint, Width: 32, Base: BaseHex},
	ofPortPeer:            {Name: "openflow.port_peer", Label: "Features advertised by peer", Kind: KindUint, Width: 32, Base: BaseHex},
	of10MbHD:              {Name: "openflow.10mb_hd", Label: "10 Mb half-duplex rate support", Kind: KindBool, Width: 32, Mask: 0x1},
	of10MbFD:              {Name: "openflow.10mb_fd", Label: "10 Mb full-duplex rate support", Kind: KindBool, Width: 32, Mask: 0x2},
	of100MbHD:             {Name: "openflow.100mb_hd", Label: "100 Mb half-duplex rate support", Kind: KindBool, Width: 32, Mask: 0x4},
	of100MbFD:             {Name: "openflow.100mb_0fd", Label: "100 Mb full-duplex rate support", Kind: KindBool, Width: 32, Mask: 0x8},
	of1GbHD:               {Name: "openflow.1gb_hd", Label: "1 Gb half-duplex rate support", Kind: KindBool, Width: 32, Mask: 0x10},
	of1GbFD:               {Name: "openflow.1gb_fd", Label: "1 Gb full-duplex rate support", Kind: KindBool, Width: 32, Mask: 0x20},
	of10GbFD:              {Name: "openflow.10gb_fd", Label: "10 Gb full-duplex rate support", Kind: KindBool, Width: 32, Mask: 0x40},
	ofCopper:              {Name: "openflow.copper", Label: "Copper medium", Kind: KindBool, Width: 32, Mask: 0x80},
	ofFiber:               {Name: "openflow.fiber", Label: "Fiber medium", Kind: KindBool, Width: 32, Mask: 0x100},
	ofAutoneg:             {Name: "openflow.autoneg", Label: "Auto-negotiation", Kind: KindBool, Width: 32, Mask: 0x200},
	ofPause:               {Name: "openflow.pause", Label: "Pause", Kind: KindBool, Width: 32, Mask: 0x400},
	ofPauseAsym:           {Name: "openflow.pause_asym", Label: "Asymmetric pause", Kind: KindBool, Width: 32, Mask: 0x800},
	ofConfigFlags:         {Name: "openflow.config_flags", Label: "Config flags", Kind: KindUint, Width: 16, Base: BaseHex},
	ofMissSendLen:         {Name: "openflow.miss_send_len", Label: "Max bytes of packet", Kind: KindUint, Width: 16, Base: BaseHex},
	ofStatsType:           {Name: "openflow.stats.type", Label: "Type", Kind: KindUint, Width: 16},
	ofFlags:               {Name: "openflow.flags", Label: "Flags", Kind: KindUint, Width: 16},
	ofTypeUndecoded:       {Name: "openflow_1_0.type.undecoded", Label: "Message data not dissected yet", Kind: KindNone},
	ofWildcards:           {Name: "openflow.wildcards", Label: "Wildcards", Kind: KindUint, Width: 32},
	ofInPort:              {Name: "openflow.in_port", Label: "In port", Kind: KindUint, Width: 16},
	ofEthSrc:              {Name: "openflow.eth_src", Label: "Ethernet source address", Kind: KindMAC},
	ofEthDst:              {Name: "openflow.eth_dst", Label: "Ethernet destination address", Kind: KindMAC},
	ofDLVLAN:              {Name: "openflow.dl_vlan", Label: "Input VLAN id", Kind: KindUint, Width: 16},
	ofDLVLANPCP:           {Name: "openflow.dl_vlan_pcp", Label: "Input VLAN priority", Kind: KindUint, Width: 8},
	ofMatchPad:            {Name: "openflow.ofp_match.pad", Label: "Pad", Kind: KindBytes},
	ofMatchDLType:         {Name: "openflow.ofp_match.dl_type", Label: "Dl type", Kind: KindUint, Width: 16},
	ofMatchTos:            {Name: "openflow.ofp_match.tos", Label: "IP ToS", Kind: KindUint, Width: 8},
	ofMatchNWProto:        {Name: "openflow.ofp_match.nw_proto", Label: "IP protocol", Kind: KindUint, Width: 8},
	ofMatchSrcAddr:        {Name: "openflow.ofp_match.source_addr", Label: "Source Address", Kind: KindIPv4},
	ofMatchDstAddr:        {Name: "openflow.ofp_match.dest_addr", Label: "Destination Address", Kind: KindIPv4},
	ofMatchSrcPort:        {Name: "openflow.ofp_match.source_port", Label: "Source Port", Kind: KindUint, Width: 16},
	ofMatchDstPort:        {Name: "openflow.ofp_match.dest_port", Label: "Destination Port", Kind: KindUint, Width: 16},
	ofCookie:              {Name: "openflow.cookie", Label: "Cookie", Kind: KindUint, Width: 64, Base: BaseHex},
	ofCommand:             {Name: "openflow.command", Label: "Command", Kind: KindUint, Width: 16},
	ofIdleTimeout:         {Name: "openflow.idle_timeout", Label: "Idle time-out", Kind: KindUint, Width: 16},
	ofHardTimeout:         {Name: "openflow.hard_timeout", Label: "hard time-out", Kind: KindUint, Width: 16},
	ofPriority:            {Name: "openflow.priority", Label: "Priority", Kind: KindUint, Width: 16},
	ofBufferID:            {Name: "openflow.buffer_id", Label: "Buffer Id", Kind: KindUint, Width: 32, Base: BaseHex},
	ofOutPort:             {Name: "openflow.out_port", Label: "Out port", Kind: KindUint, Width: 32},
	ofActionType:          {Name: "openflow.action_typ", Label: "Actions type", Kind: KindUint, Width: 16},
	ofActionTypeUndecoded: {Name: "openflow.action_typ.undecoded", Label: "Action not dissected yet", Kind: KindNone},
	ofActionLen:           {Name: "openflow.action_len", Label: "Action length", Kind: KindUint, Width: 16},
	ofOutputPort:          {Name: "openflow.output_port", Label: "Output port", Kind: KindUint, Width: 16},
	ofMaxLen:              {Name: "openflow.max_len", Label: "Max length", Kind: KindUint, Width: 16},
	ofTableID:             {Name: "openflow.table_id", Label: "Table Id", Kind: KindUint, Width: 8},
	ofActionsLen:          {Name: "openflow.actions_len", Label: "Actions length", Kind: KindUint, Width: 16},
	ofStatsRequestPad:     {Name: "openflow.stats.request_pad", Label: "Pad", Kind: KindUint, Width: 8},
	ofTotalLen:            {Name: "openflow.total_len", Label: "Total length", Kind: KindUint, Width: 16},
	ofReason:              {Name: "openflow.reason", Label: "Reason", Kind: KindUint, Width: 8},
	ofPktInPad:            {Name: "openflow.pkt_in.pad", Label: "Pad", Kind: KindBytes},
}

// emitOpenFlow emits each message as a protocol item of its own, as
// tshark's "OpenFlow 1.0" subtrees (JSON: the first message's, as BGP's).
func emitOpenFlow(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	f := &openflowFields
	n, at := 0, l.Start
	openflowWalk(d.data[l.Start:l.End], func(m []byte) {
		start := at
		at += len(m)
		if n > 0 && !e.all && !e.Tree() {
			return
		}
		n++
		if fo, ok := openflowFrame(m); ok {
			// The frame after the message's fields (with JSON, which
			// leaves quoted layers out, it is not emitted).
			defer emitOpenFlowFrame(e, start+fo, start+len(m))
		}
		e.Proto(&protoOpenFlowV1)
		e.Uint(&f[ofVersion], uint64(m[0]))
		e.Uint(&f[ofType], uint64(m[1]))
		if m[1] == ofpVendor || m[1] == ofpFlowRemoved || m[1] == ofpError || m[1] == ofpPortStatus || m[1] == ofpPortMod || m[1] == ofpQueueGetConfig || (m[1] == ofpEchoRequest || m[1] == ofpEchoReply) && len(m) > openflowHdrLen {
			openflowUndecoded(e, ofTypeUndecoded, "Message data not dissected yet")
		}
		e.Uint(&f[ofLength], uint64(be16(m[2:])))
		e.Uint(&f[ofXid], uint64(be32(m[4:])))
		body := m[openflowHdrLen:]
		switch m[1] {
		case ofpFlowMod:
			if emitOpenFlowFlowMod(e, body) {
				e.End()
				e.TreeException("openflow_v1")
				return
			}
		case ofpSetConfig, ofpGetConfigReply:
			e.Uint(&f[ofConfigFlags], uint64(be16(body)))
			e.Uint(&f[ofMissSendLen], uint64(be16(body[2:])))
		case ofpStatsRequest, ofpStatsReply:
			typ := be16(body)
			e.Uint(&f[ofStatsType], uint64(typ))
			// tshark's expert item: on a request but for DESC and FLOW,
			// on a reply with records but for DESC.
			if typ != ofpstDesc && (m[1] == ofpStatsRequest && typ != ofpstFlow || m[1] == ofpStatsReply && len(body) > 4) {
				openflowUndecoded(e, ofTypeUndecoded, "Message data not dissected yet")
			}
			e.Uint(&f[ofFlags], uint64(be16(body[2:])))
			if typ == ofpstFlow && m[1] == ofpStatsRequest {
				emitOpenFlowMatch(e, body[4:44])
				e.Uint(&f[ofTableID], uint64(body[44]))
				e.Uint(&f[ofStatsRequestPad], uint64(body[45]))
				e.Uint(&f[ofOutPort], uint64(be16(body[46:])))
			}
		case ofpFeaturesReply:
			emitOpenFlowFeatures(e, body)
		case ofpPacketOut:
			e.Uint(&f[ofBufferID], uint64(be32(body)))
			e.Uint(&f[ofInPort], uint64(be16(body[4:])))
			e.Uint(&f[ofActionsLen], uint64(be16(body[6:])))
			emitOpenFlowAction(e, body[8:8+int(be16(body[6:]))])
		case ofpPacketIn:
			e.Uint(&f[ofBufferID], uint64(be32(body)))
			e.Uint(&f[ofTotalLen], uint64(be16(body[4:])))
			e.Uint(&f[ofInPort], uint64(be16(body[6:])))
			e.Uint(&f[ofReason], uint64(body[8]))
			e.Bytes(&f[ofPktInPad], body[9:10])
		}
		e.End()
	})
}

// emitOpenFlowFrame emits, after the message that carries it, the layers
// decoded from the frame at d.data[start:end]: in the tree at the level
// of the message's fields, elsewhere nested in the message (-T ek writes
// them inside its object), as tshark does.
func emitOpenFlowFrame(e *emitter, start, end int) {
	first, past := carriedLayers(e.d, start, end)
	switch {
	case first == 0:
	case e.Tree():
		emitCarriedTree(e, first, past, 1)
	case e.all:
		e.Nest(1)
		for k := first; k < past; k++ {
			emitQuotedLayer(e, k)
		}
		e.Nest(0)
	}
}

// openflowUndecoded adds, beneath the field before, tshark's expert item
// k (msg) for a message or action whose body it does not lay out.
func openflowUndecoded(e *emitter, k int, msg string) {
	e.Sub()
	e.Expert(true)
	e.None(&openflowFields[k])
	e.Expert(false)
	e.NoTree()
	e.ExpertLine("Warning", "Undecoded", msg, nil)
	e.Up()
}

// emitOpenFlowMatch emits a flow match (40 bytes), every field of it.
func emitOpenFlowMatch(e *emitter, m []byte) {
	f := &openflowFields
	e.Uint(&f[ofWildcards], uint64(be32(m)))
	e.Uint(&f[ofInPort], uint64(be16(m[4:])))
	e.MAC(&f[ofEthSrc], [6]byte(m[6:12]))
	e.MAC(&f[ofEthDst], [6]byte(m[12:18]))
	e.Uint(&f[ofDLVLAN], uint64(be16(m[18:])))
	e.Uint(&f[ofDLVLANPCP], uint64(m[20]))
	e.Bytes(&f[ofMatchPad], m[21:22])
	e.Uint(&f[ofMatchDLType], uint64(be16(m[22:])))
	e.Uint(&f[ofMatchTos], uint64(m[24]))
	e.Uint(&f[ofMatchNWProto], uint64(m[25]))
	e.Bytes(&f[ofMatchPad], m[26:28])
	e.IPv4(&f[ofMatchSrcAddr], m[28:32])
	e.IPv4(&f[ofMatchDstAddr], m[32:36])
	e.Uint(&f[ofMatchSrcPort], uint64(be16(m[36:])))
	e.Uint(&f[ofMatchDstPort], uint64(be16(m[38:])))
}

// emitOpenFlowFlowMod emits a FLOW_MOD's body: its match, command and
// first action, the one tshark draws. It reports whether the message has
// no action, where tshark's dissector runs out of bytes.
func emitOpenFlowFlowMod(e *emitter, body []byte) (cut bool) {
	f := &openflowFields
	emitOpenFlowMatch(e, body[:40])
	e.Uint(&f[ofCookie], be64(body[40:]))
	e.Uint(&f[ofCommand], uint64(be16(body[48:])))
	e.Uint(&f[ofIdleTimeout], uint64(be16(body[50:])))
	e.Uint(&f[ofHardTimeout], uint64(be16(body[52:])))
	e.Uint(&f[ofPriority], uint64(be16(body[54:])))
	e.Uint(&f[ofBufferID], uint64(be32(body[56:])))
	e.Uint(&f[ofOutPort], uint64(be16(body[60:])))
	e.Uint(&f[ofFlags], uint64(be16(body[62:])))
	a := body[ofpFlowModLen-openflowHdrLen:]
	if len(a) == 0 {
		return true
	}
	emitOpenFlowAction(e, a)
	return false
}

// emitOpenFlowAction emits the first action of a, the one tshark draws.
func emitOpenFlowAction(e *emitter, a []byte) {
	f := &openflowFields
	typ, act, _, _ := ofpActionNext(a, 0)
	e.Uint(&f[ofActionType], uint64(typ))
	if typ != ofpatOutput {
		openflowUndecoded(e, ofActionTypeUndecoded, "Action not dissected yet")
	}
	e.Uint(&f[ofActionLen], uint64(len(act)))
	if typ == ofpatOutput {
		e.Uint(&f[ofOutputPort], uint64(be16(act[4:])))
		e.Uint(&f[ofMaxLen], uint64(be16(act[6:])))
	}
}

// emitOpenFlowFeatures emits a FEATURES_REPLY's body: the datapath, its
// capabilities and actions, and each port.
func emitOpenFlowFeatures(e *emitter, body []byte) {
	f := &openflowFields
	e.Uint(&f[ofDatapathID], be64(body))
	e.Sub()
	e.Uint(&f[ofDatapathImp], uint64(be16(body)))
	e.MAC(&f[ofDatapathMAC], [6]byte(body[2:8]))
	e.Up()
	e.Uint(&f[ofNBuffers], uint64(be32(body[8:])))
	e.Uint(&f[ofNTables], uint64(body[12]))
	e.Bytes(&f[ofFeaturesPad], body[13:16])
	emitOpenFlowFlags(e, ofCapabilities, be32(body[16:]), ofCapFlowStats, ofCapPortBlocked)
	emitOpenFlowFlags(e, ofActions, be32(body[20:]), ofActOutput, ofActEnqueue)
	for k, off := 1, 24; off+48 <= len(body); k, off = k+1, off+48 {
		p := body[off : off+48]
		if e.Tree() {
			e.Line(appendUint(append(e.Text(), "Port data "...), uint64(k)))
		}
		e.Sub()
		e.Uint(&f[ofPortNo], uint64(be16(p)))
		e.MAC(&f[ofHWAddr], [6]byte(p[2:8]))
		name := p[8:24]
		for j, c := range name {
			if c == 0 {
				name = name[:j]
				break
			}
		}
		e.Bytes(&f[ofPortName], name)
		emitOpenFlowFlags(e, ofPortConfig, be32(p[24:]), ofPortDown, ofNoPacketIn)
		emitOpenFlowFlags(e, ofPortState, be32(p[28:]), ofLinkDown, ofLinkDown)
		emitOpenFlowFlags(e, ofPortCurr, be32(p[32:]), of10MbHD, ofPauseAsym)
		e.Uint(&f[ofPortAdvertised], uint64(be32(p[36:])))
		e.Uint(&f[ofPortSupported], uint64(be32(p[40:])))
		e.Uint(&f[ofPortPeer], uint64(be32(p[44:])))
		e.Up()
	}
}

// emitOpenFlowFlags emits a flags word (field w) and, beneath it, its
// flags first..last.
func emitOpenFlowFlags(e *emitter, w int, v uint32, first, last int) {
	f := &openflowFields
	e.Uint(&f[w], uint64(v))
	e.Sub()
	for k := first; k <= last; k++ {
		e.Bool(&f[k], uint64(v)&f[k].Mask != 0)
	}
	e.Up()
}

// emitOpenFlowPDUSizes emits the sizes tshark's TCP adds (tcp.pdu.size,
// "[PDU Size: N]"), one per message of layer i.
func emitOpenFlowPDUSizes(e *emitter, i int) {
	l := &e.d.layers[i]
	openflowWalk(e.d.data[l.Start:l.End], func(m []byte) {
		e.Uint(&tcpFields[tcpPDUSize], uint64(len(m)))
	})
	if t := openflowTail(e.d, i); t != nil {
		emitTCPSegmentData(e, t, len(t), false)
	}
}

// appendOpenFlowProtocols appends frame.protocols' part for layer i:
// "openflow", then "openflow_v1" per message.
func appendOpenFlowProtocols(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	b = append(b, "openflow"...)
	at := l.Start
	openflowWalk(d.data[l.Start:l.End], func(m []byte) {
		b = append(b, ":openflow_v1"...)
		if fo, ok := openflowFrame(m); ok {
			// The frame's protocols, where tshark dissects it.
			first, past := carriedLayers(d, at+fo, at+len(m))
			for k := first; first != 0 && k < past; k++ {
				b = protocolsLayer(append(b, ':'), d, k)
			}
		}
		at += len(m)
	})
	return b
}

// openflowAddrFrame returns the layers of the frame the last message of
// the packet's OpenFlow layer carries, whose addresses tshark's Source
// and Destination columns show (a frame an earlier message carries gives
// way to the segment's addresses again); first is 0 for none.
func openflowAddrFrame(d *Decoder) (first, past int) {
	i := 0
	for i < d.n && (d.layers[i].Type != LayerOpenFlow || d.layers[i].Quoted) {
		i++
	}
	if i == d.n || i+1 == d.n || !d.layers[i+1].Quoted {
		return 0, 0
	}
	l := &d.layers[i]
	var last []byte
	at, start := l.Start, 0
	openflowWalk(d.data[l.Start:l.End], func(m []byte) {
		last, start = m, at
		at += len(m)
	})
	if fo, ok := openflowFrame(last); ok {
		return carriedLayers(d, start+fo, start+len(last))
	}
	return 0, 0
}

// ofpTypeName is tshark's name of a message type ("OFPT_HELLO").
func ofpTypeName(t byte) string {
	return openflowFields[ofType].ValueNames().Name(uint64(t))
}

// infoOpenFlow appends tshark's Info: "Type: " and the last message's
// type (each message sets the column anew); cut reports whether tshark's
// dissector ran out of bytes in that message (a FLOW_MOD without
// actions), after which tshark adds its exception mark.
func infoOpenFlow(b []byte, d *Decoder, i int) (_ []byte, cut bool) {
	l := &d.layers[i]
	var last []byte
	openflowWalk(d.data[l.Start:l.End], func(m []byte) {
		if last != nil {
			if _, carried := openflowFrame(last); carried {
				return // tshark's column is not written after a carried frame
			}
		}
		last = m
	})
	b = append(append(b, "Type: "...), ofpTypeName(last[1])...)
	return b, last[1] == ofpFlowMod && len(last) == ofpFlowModLen
}
