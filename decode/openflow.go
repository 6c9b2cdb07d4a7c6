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
	ofpFeaturesRequest = 5
	ofpFeaturesReply   = 6
	ofpSetConfig       = 9
	ofpStatsRequest    = 16
	ofpBarrierRequest  = 18
	ofpBarrierReply    = 19
)

// The statistics types (ofp_stats_types).
const (
	ofpstDesc  = 0
	ofpstTable = 3
)

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
	case ofpHello, ofpFeaturesRequest, ofpBarrierRequest, ofpBarrierReply:
		return len(body) == 0
	case ofpSetConfig:
		return len(body) == 4 && be16(body) == 0
	case ofpStatsRequest:
		return len(body) == 4 && (be16(body) == ofpstDesc || be16(body) == ofpstTable)
	case ofpFeaturesReply:
		return len(body) >= 24 && (len(body)-24)%48 == 0 && ofpFeaturesTaken(body)
	}
	return false
}

// openflowWalk calls fn for each message of b and reports whether b is
// wholly made of messages rawcap lays out.
func openflowWalk(b []byte, fn func(m []byte)) bool {
	off := 0
	for off < len(b) {
		m, next, ok := openflowNext(b, off)
		if !ok || !openflowTaken(m) {
			return false
		}
		if fn != nil {
			fn(m)
		}
		off = next
	}
	return off > 0
}

func (d *Decoder) decodeOpenFlow(l *Layer) LayerType {
	cut := d.n > 0 && d.layers[d.n-1].Type == LayerTCP && l.Start+d.tcpWirePayload(d.n-1) > l.End
	if cut || !openflowWalk(d.bytes(l), nil) {
		l.Type = LayerPayload
		l.Payload = l.Start
		return LayerNone
	}
	l.Payload = l.End
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
	openflowFieldCount
)

var protoOpenFlowV1 = protoField("openflow_v1", "OpenFlow 1.0")

var openflowFields = [openflowFieldCount]Field{
	ofVersion:        {Name: "openflow.version", Label: "Version", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x7f, Digits: 2},
	ofType:           {Name: "openflow_1_0.type", Label: "Type", Kind: KindUint, Width: 8},
	ofLength:         {Name: "openflow.length", Label: "Length", Kind: KindUint, Width: 16},
	ofXid:            {Name: "openflow.xid", Label: "Transaction ID", Kind: KindUint, Width: 32},
	ofDatapathID:     {Name: "openflow.datapath_id", Label: "Datapath unique ID", Kind: KindUint, Width: 64, Base: BaseHex},
	ofDatapathImp:    {Name: "openflow.datapath_imp", Label: "Implementers part", Kind: KindUint, Width: 16, Base: BaseHex},
	ofDatapathMAC:    {Name: "openflow.datapath_mac", Label: "MAC addr", Kind: KindMAC},
	ofNBuffers:       {Name: "openflow.n_buffers", Label: "n_buffers", Kind: KindUint, Width: 32},
	ofNTables:        {Name: "openflow.n_tables", Label: "n_tables", Kind: KindUint, Width: 8},
	ofFeaturesPad:    {Name: "openflow.features_reply.pad", Label: "Pad", Kind: KindBytes},
	ofCapabilities:   {Name: "openflow.capabilities", Label: "capabilities", Kind: KindUint, Width: 32, Base: BaseHex},
	ofCapFlowStats:   {Name: "openflow.flow_stats", Label: "Flow statistics", Kind: KindBool, Width: 32, Mask: 0x1},
	ofCapTableStats:  {Name: "openflow.table_stats", Label: "Table statistics", Kind: KindBool, Width: 32, Mask: 0x2},
	ofCapPortStats:   {Name: "openflow.port_stats", Label: "Port statistics", Kind: KindBool, Width: 32, Mask: 0x4},
	ofCapGroupStats:  {Name: "openflow.group_stats", Label: "Group statistics", Kind: KindBool, Width: 32, Mask: 0x8},
	ofCapIPReasm:     {Name: "openflow.ip_reasm", Label: "Can reassemble IP fragments", Kind: KindBool, Width: 32, Mask: 0x20},
	ofCapQueueStats:  {Name: "openflow.queue_stats", Label: "Queue statistics", Kind: KindBool, Width: 32, Mask: 0x40},
	ofCapPortBlocked: {Name: "openflow.port_blocked", Label: "Switch will block looping ports", Kind: KindBool, Width: 32, Mask: 0x100},
	ofActions:        {Name: "openflow.actions", Label: "actions", Kind: KindUint, Width: 32, Base: BaseHex},
	ofActOutput:      {Name: "openflow.output", Label: "Output to switch port", Kind: KindBool, Width: 32, Mask: 0x1},
	ofActSetVLANVID:  {Name: "openflow.set_vlan_vid", Label: "Set the 802.1q VLAN id", Kind: KindBool, Width: 32, Mask: 0x2},
	ofActSetVLANPCP:  {Name: "openflow.set_vlan_pcp", Label: "Set the 802.1q priority", Kind: KindBool, Width: 32, Mask: 0x4},
	ofActStripVLAN:   {Name: "openflow.strip_vlan", Label: "Strip the 802.1q header", Kind: KindBool, Width: 32, Mask: 0x8},
	ofActSetDLSrc:    {Name: "openflow.set_dl_src", Label: "Ethernet source address", Kind: KindBool, Width: 32, Mask: 0x10},
	ofActSetDLDst:    {Name: "openflow.set_dl_ds", Label: "Ethernet destination address", Kind: KindBool, Width: 32, Mask: 0x20},
	ofActSetNWSrc:    {Name: "openflow.set_nw_src", Label: "IP source address", Kind: KindBool, Width: 32, Mask: 0x40},
	ofActSetNWDst:    {Name: "openflow.set_nw_ds", Label: "IP destination address", Kind: KindBool, Width: 32, Mask: 0x80},
	ofActSetNWTos:    {Name: "openflow.set_nw_tos", Label: "IP ToS (DSCP field, 6 bits)", Kind: KindBool, Width: 32, Mask: 0x100},
	ofActSetTPSrc:    {Name: "openflow.set_tp_src", Label: "TCP/UDP source port", Kind: KindBool, Width: 32, Mask: 0x200},
	ofActSetTPDst:    {Name: "openflow.set_tp_dst", Label: "TCP/UDP destination port", Kind: KindBool, Width: 32, Mask: 0x400},
	ofActEnqueue:     {Name: "openflow.enqueue", Label: "Output to queue", Kind: KindBool, Width: 32, Mask: 0x800},
	ofPortNo:         {Name: "openflow.port_no", Label: "Port number", Kind: KindUint, Width: 16},
	ofHWAddr:         {Name: "openflow.hw_add", Label: "HW Address", Kind: KindMAC},
	ofPortName:       {Name: "openflow.port_name", Label: "Port Name", Kind: KindString},
	ofPortConfig:     {Name: "openflow.port_config", Label: "Config flags", Kind: KindUint, Width: 32, Base: BaseHex},
	ofPortDown:       {Name: "openflow.port_down", Label: "Port is administratively down", Kind: KindBool, Width: 32, Mask: 0x1},
	ofNoSTP:          {Name: "openflow.no_stp", Label: "Disable 802.1D spanning tree on port", Kind: KindBool, Width: 32, Mask: 0x2},
	ofNoRecv:         {Name: "openflow.no_recv", Label: "Drop all packets except 802.1D spanning tree packets", Kind: KindBool, Width: 32, Mask: 0x4},
	ofNoRecvSTP:      {Name: "openflow.no_recv_stp", Label: "Drop received 802.1D STP packets", Kind: KindBool, Width: 32, Mask: 0x8},
	ofNoFlood:        {Name: "openflow.no_flood", Label: "Do not include this port when flooding", Kind: KindBool, Width: 32, Mask: 0x10},
	ofNoFwd:          {Name: "openflow.no_fwd", Label: "Drop packets forwarded to port", Kind: KindBool, Width: 32, Mask: 0x20},
	ofNoPacketIn:     {Name: "openflow.no_packet_in", Label: "Do not send packet-in msgs for port", Kind: KindBool, Width: 32, Mask: 0x40},
	ofPortState:      {Name: "openflow.port_state", Label: "State flags", Kind: KindUint, Width: 32, Base: BaseHex},
	ofLinkDown:       {Name: "openflow.link_down", Label: "No physical link present", Kind: KindBool, Width: 32, Mask: 0x1},
	ofPortCurr:       {Name: "openflow.port_curr", Label: "Current features", Kind: KindUint, Width: 32, Base: BaseHex},
	ofPortAdvertised: {Name: "openflow.port_advertised", Label: "Advertised features", Kind: KindUint, Width: 32, Base: BaseHex},
	ofPortSupported:  {Name: "openflow.port_supported", Label: "Features supported", Kind: KindUint, Width: 32, Base: BaseHex},
	ofPortPeer:       {Name: "openflow.port_peer", Label: "Features advertised by peer", Kind: KindUint, Width: 32, Base: BaseHex},
	of10MbHD:         {Name: "openflow.10mb_hd", Label: "10 Mb half-duplex rate support", Kind: KindBool, Width: 32, Mask: 0x1},
	of10MbFD:         {Name: "openflow.10mb_fd", Label: "10 Mb full-duplex rate support", Kind: KindBool, Width: 32, Mask: 0x2},
	of100MbHD:        {Name: "openflow.100mb_hd", Label: "100 Mb half-duplex rate support", Kind: KindBool, Width: 32, Mask: 0x4},
	of100MbFD:        {Name: "openflow.100mb_0fd", Label: "100 Mb full-duplex rate support", Kind: KindBool, Width: 32, Mask: 0x8},
	of1GbHD:          {Name: "openflow.1gb_hd", Label: "1 Gb half-duplex rate support", Kind: KindBool, Width: 32, Mask: 0x10},
	of1GbFD:          {Name: "openflow.1gb_fd", Label: "1 Gb full-duplex rate support", Kind: KindBool, Width: 32, Mask: 0x20},
	of10GbFD:         {Name: "openflow.10gb_fd", Label: "10 Gb full-duplex rate support", Kind: KindBool, Width: 32, Mask: 0x40},
	ofCopper:         {Name: "openflow.copper", Label: "Copper medium", Kind: KindBool, Width: 32, Mask: 0x80},
	ofFiber:          {Name: "openflow.fiber", Label: "Fiber medium", Kind: KindBool, Width: 32, Mask: 0x100},
	ofAutoneg:        {Name: "openflow.autoneg", Label: "Auto-negotiation", Kind: KindBool, Width: 32, Mask: 0x200},
	ofPause:          {Name: "openflow.pause", Label: "Pause", Kind: KindBool, Width: 32, Mask: 0x400},
	ofPauseAsym:      {Name: "openflow.pause_asym", Label: "Asymmetric pause", Kind: KindBool, Width: 32, Mask: 0x800},
	ofConfigFlags:    {Name: "openflow.config_flags", Label: "Config flags", Kind: KindUint, Width: 16, Base: BaseHex},
	ofMissSendLen:    {Name: "openflow.miss_send_len", Label: "Max bytes of packet", Kind: KindUint, Width: 16, Base: BaseHex},
	ofStatsType:      {Name: "openflow.stats.type", Label: "Type", Kind: KindUint, Width: 16},
	ofFlags:          {Name: "openflow.flags", Label: "Flags", Kind: KindUint, Width: 16},
	ofTypeUndecoded:  {Name: "openflow_1_0.type.undecoded", Label: "Message data not dissected yet", Kind: KindNone},
}

// emitOpenFlow emits each message as a protocol item of its own, as
// tshark's "OpenFlow 1.0" subtrees (JSON: the first message's, as BGP's).
func emitOpenFlow(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	f := &openflowFields
	n := 0
	openflowWalk(d.data[l.Start:l.End], func(m []byte) {
		if n > 0 && !e.all && !e.Tree() {
			return
		}
		n++
		e.Proto(&protoOpenFlowV1)
		e.Uint(&f[ofVersion], uint64(m[0]))
		e.Uint(&f[ofType], uint64(m[1]))
		e.Uint(&f[ofLength], uint64(be16(m[2:])))
		e.Uint(&f[ofXid], uint64(be32(m[4:])))
		body := m[openflowHdrLen:]
		switch m[1] {
		case ofpSetConfig:
			e.Uint(&f[ofConfigFlags], uint64(be16(body)))
			e.Uint(&f[ofMissSendLen], uint64(be16(body[2:])))
		case ofpStatsRequest:
			typ := be16(body)
			e.Uint(&f[ofStatsType], uint64(typ))
			if typ == ofpstTable {
				openflowUndecoded(e)
			}
			e.Uint(&f[ofFlags], uint64(be16(body[2:])))
		case ofpFeaturesReply:
			emitOpenFlowFeatures(e, body)
		}
		e.End()
	})
}

// openflowUndecoded adds, beneath the field before, tshark's expert item
// for a message whose body it does not lay out.
func openflowUndecoded(e *emitter) {
	e.Sub()
	e.Expert(true)
	e.None(&openflowFields[ofTypeUndecoded])
	e.Expert(false)
	e.NoTree()
	e.ExpertLine("Warning", "Undecoded", "Message data not dissected yet", nil)
	e.Up()
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
}

// appendOpenFlowProtocols appends frame.protocols' part for layer i:
// "openflow", then "openflow_v1" per message.
func appendOpenFlowProtocols(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	b = append(b, "openflow"...)
	openflowWalk(d.data[l.Start:l.End], func([]byte) {
		b = append(b, ":openflow_v1"...)
	})
	return b
}

// ofpTypeName is tshark's name of a message type ("OFPT_HELLO").
func ofpTypeName(t byte) string {
	return openflowFields[ofType].ValueNames().Name(uint64(t))
}

// infoOpenFlow appends tshark's Info: "Type: " and the last message's
// type (each message sets the column anew).
func infoOpenFlow(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	var last byte
	openflowWalk(d.data[l.Start:l.End], func(m []byte) { last = m[1] })
	return append(append(b, "Type: "...), ofpTypeName(last)...)
}
