package decode

// TCP is a TCP header with its options (RFC 9293):
//
//	0      2      4             8             12   13    14     16     18     20
//	+------+------+-------------+-------------+----+-----+------+------+------+
//	|sport |dport | sequence    | ack number  |off |flags|window|cksum |urgent|
//	+------+------+-------------+-------------+----+-----+------+------+------+
type TCP []byte

const tcpMinLen = 20

// The TCP flag bits as TCP.Flags returns them.
const (
	TCPFin = 0x001
	TCPSyn = 0x002
	TCPRst = 0x004
	TCPPsh = 0x008
	TCPAck = 0x010
	TCPUrg = 0x020
	TCPEce = 0x040
	TCPCwr = 0x080
	TCPAE  = 0x100 // accurate ECN (formerly NS)
)

// ParseTCP returns the TCP header at the start of b, options included.
func ParseTCP(b []byte) (TCP, error) {
	if len(b) < tcpMinLen {
		return nil, ReasonTruncated
	}
	n := int(b[12]>>4) * 4
	if n < tcpMinLen {
		return nil, ReasonBadHdrLen
	}
	if len(b) < n {
		return nil, ReasonTruncated
	}
	return TCP(b[:n:n]), nil
}

// SrcPort returns the source port.
func (t TCP) SrcPort() uint16 { return be16(t[0:]) }

// DstPort returns the destination port.
func (t TCP) DstPort() uint16 { return be16(t[2:]) }

// Seq returns the sequence number.
func (t TCP) Seq() uint32 { return be32(t[4:]) }

// Ack returns the acknowledgment number.
func (t TCP) Ack() uint32 { return be32(t[8:]) }

// HeaderLen returns the header length in bytes.
func (t TCP) HeaderLen() int { return len(t) }

// Flags returns the 12 flag bits (TCPFin … TCPAE, 3 reserved bits above).
func (t TCP) Flags() uint16 { return be16(t[12:]) & 0x0fff }

// Window returns the window field (unscaled).
func (t TCP) Window() uint16 { return be16(t[14:]) }

// Checksum returns the checksum field.
func (t TCP) Checksum() uint16 { return be16(t[16:]) }

// Urgent returns the urgent pointer.
func (t TCP) Urgent() uint16 { return be16(t[18:]) }

// OptionBytes returns the raw option bytes.
func (t TCP) OptionBytes() []byte { return t[20:] }

// TCP option kinds.
const (
	TCPOptEOL       = 0
	TCPOptNOP       = 1
	TCPOptMSS       = 2
	TCPOptWScale    = 3
	TCPOptSACKOK    = 4
	TCPOptSACK      = 5
	TCPOptTimestamp = 8
	TCPOptMD5       = 19
	TCPOptUTO       = 28
	TCPOptAuth      = 29
	TCPOptMPTCP     = 30
	TCPOptTFO       = 34
	TCPOptExp1      = 253
	TCPOptExp2      = 254
)

// TCPOption is one option: its kind and the bytes after kind and length.
type TCPOption struct {
	Kind uint8
	Len  uint8 // the length byte (0 for EOL and NOP)
	Data []byte
}

// NextOption returns the option at offset off of the option bytes and the
// offset of the next one; ok is false at the end, and bad is set for an
// option whose length is impossible or runs past the header.
func (t TCP) NextOption(off int) (o TCPOption, next int, ok, bad bool) {
	b := t.OptionBytes()
	if off >= len(b) {
		return o, off, false, false
	}
	o.Kind = b[off]
	if o.Kind == TCPOptEOL || o.Kind == TCPOptNOP {
		return o, off + 1, true, false
	}
	if off+1 >= len(b) {
		return o, len(b), true, true
	}
	o.Len = b[off+1]
	if o.Len < 2 || off+int(o.Len) > len(b) {
		o.Data = b[off+2:]
		return o, len(b), true, true
	}
	o.Data = b[off+2 : off+int(o.Len)]
	return o, off + int(o.Len), true, false
}

func (d *Decoder) decodeTCP(l *Layer) LayerType {
	t, err := ParseTCP(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + t.HeaderLen()
	if l.Quoted && !d.carrying || l.Payload == l.End {
		return LayerNone
	}
	next := d.Ports.Lookup(TransportTCP, t.SrcPort(), t.DstPort())
	if next == LayerHTTP && d.http2Dispatch(t, d.data[l.Payload:l.End]) {
		return LayerHTTP2
	}
	if next == LayerNone && d.openflowConversation(t) {
		return LayerOpenFlow // tshark's OpenFlow heuristic, on port 6633
	}
	if next == LayerNone && sipHeuristic(d.data[l.Payload:l.End]) {
		return LayerSIP // tshark's SIP heuristic
	}
	return next
}

const (
	tcpSrcport = iota
	tcpDstport
	tcpPort
	tcpStream
	tcpCompleteness
	tcpLen
	tcpSeq
	tcpSeqRaw
	tcpNxtseq
	tcpAck
	tcpAnalysisTFOAck
	tcpAckRaw
	tcpAckNonzero
	tcpHdrLen
	tcpFlags
	tcpFlagsRes
	tcpFlagsAe
	tcpFlagsCwr
	tcpFlagsEce
	tcpFlagsUrg
	tcpFlagsAck
	tcpFlagsPush
	tcpFlagsReset
	tcpFlagsSyn
	tcpFlagsFin
	tcpFlagsStr
	tcpWindowSizeValue
	tcpWindowSize
	tcpWindowSizeScalefactor
	tcpChecksum
	tcpChecksumStatus
	tcpUrgentPointer
	tcpOptions
	tcpOptionsEOL
	tcpOptionsNOP
	tcpOptionsMSS
	tcpOptionsWscale
	tcpOptionsSackPerm
	tcpOptionsSack
	tcpOptionsTimestamp
	tcpOptionsTFO
	tcpOptionsUnknown
	tcpOptionKind
	tcpOptionLen
	tcpOptionsMSSVal
	tcpOptionsWscaleShift
	tcpOptionsWscaleMultiplier
	tcpOptionsSackLe
	tcpOptionsSackRe
	tcpOptionsSackCount
	tcpOptionsSackDsackLe
	tcpOptionsSackDsackRe
	tcpOptionsSackDsack
	tcpOptionsTimestampTSval
	tcpOptionsTimestampTSecr
	tcpTimeRelative
	tcpTimeDelta
	tcpAnalysisTree
	tcpAnalysisAcksFrame
	tcpAnalysisAckRTT
	tcpAnalysisInitialRTT
	tcpAnalysisBytesInFlight
	tcpAnalysisPushBytesSent
	tcpAnalysisFlags
	tcpAnalysisReusedPorts
	tcpAnalysisRetransmission
	tcpAnalysisRTO
	tcpAnalysisRTOFrame
	tcpAnalysisFastRetransmission
	tcpAnalysisSpuriousRetransmission
	tcpAnalysisOutOfOrder
	tcpAnalysisLostSegment
	tcpAnalysisAckLostSegment
	tcpAnalysisWindowUpdate
	tcpAnalysisWindowFull
	tcpAnalysisKeepAlive
	tcpAnalysisKeepAliveAck
	tcpAnalysisDuplicateAck
	tcpAnalysisDuplicateAckNum
	tcpAnalysisDuplicateAckFrame
	tcpAnalysisZeroWindowProbe
	tcpAnalysisZeroWindow
	tcpAnalysisZeroWindowProbeAck
	tcpPayload
	// What TCP adds for a protocol it reassembles (tcp_reasm.go).
	tcpSegmentData
	tcpSegments
	tcpSegmentFrame
	tcpSegmentCount
	tcpReassembledLength
	tcpReassembledData
	tcpPDUSize
	tcpFieldCount
)

// tcpFields are TCP's fields as tshark 4.0 registers them. The generated
// ones (stream, relative numbers, analysis) come from the connection
// tracker (tracker.go).
var tcpFields = [tcpFieldCount]Field{
	tcpSrcport:                        {Name: "tcp.srcport", Label: "Source Port", Kind: KindUint, Width: 16},
	tcpDstport:                        {Name: "tcp.dstport", Label: "Destination Port", Kind: KindUint, Width: 16},
	tcpPort:                           {Name: "tcp.port", Label: "Source or Destination Port", Kind: KindUint, Width: 16},
	tcpStream:                         {Name: "tcp.stream", Label: "Stream index", Kind: KindUint, Width: 32, Generated: true},
	tcpCompleteness:                   {Name: "tcp.completeness", Label: "Conversation completeness", Kind: KindUint, Width: 8, Generated: true},
	tcpLen:                            {Name: "tcp.len", Label: "TCP Segment Len", Kind: KindUint, Width: 32, Generated: true},
	tcpSeq:                            {Name: "tcp.seq", Label: "Sequence Number", Kind: KindUint, Width: 32},
	tcpSeqRaw:                         {Name: "tcp.seq_raw", Label: "Sequence Number (raw)", Kind: KindUint, Width: 32},
	tcpNxtseq:                         {Name: "tcp.nxtseq", Label: "Next Sequence Number", Kind: KindUint, Width: 32, Generated: true},
	tcpAck:                            {Name: "tcp.ack", Label: "Acknowledgment Number", Kind: KindUint, Width: 32},
	tcpAnalysisTFOAck:                 {Name: "tcp.analysis.tfo_ack", Label: "TCP SYN-ACK accepting TFO data", Kind: KindNone, Generated: true},
	tcpAckRaw:                         {Name: "tcp.ack_raw", Label: "Acknowledgment number (raw)", Kind: KindUint, Width: 32},
	tcpAckNonzero:                     {Name: "tcp.ack.nonzero", Label: "The acknowledgment number field is nonzero while the ACK flag is not set", Kind: KindNone},
	tcpHdrLen:                         {Name: "tcp.hdr_len", Label: "Header Length", Kind: KindUint, Width: 8},
	tcpFlags:                          {Name: "tcp.flags", Label: "Flags", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xfff},
	tcpFlagsRes:                       {Name: "tcp.flags.res", Label: "Reserved", Kind: KindBool, Width: 12, Mask: 0xe00},
	tcpFlagsAe:                        {Name: "tcp.flags.ae", Label: "Accurate ECN", Kind: KindBool, Width: 12, Mask: 0x100},
	tcpFlagsCwr:                       {Name: "tcp.flags.cwr", Label: "Congestion Window Reduced", Kind: KindBool, Width: 12, Mask: 0x80},
	tcpFlagsEce:                       {Name: "tcp.flags.ece", Label: "ECN-Echo", Kind: KindBool, Width: 12, Mask: 0x40},
	tcpFlagsUrg:                       {Name: "tcp.flags.urg", Label: "Urgent", Kind: KindBool, Width: 12, Mask: 0x20},
	tcpFlagsAck:                       {Name: "tcp.flags.ack", Label: "Acknowledgment", Kind: KindBool, Width: 12, Mask: 0x10},
	tcpFlagsPush:                      {Name: "tcp.flags.push", Label: "Push", Kind: KindBool, Width: 12, Mask: 0x8},
	tcpFlagsReset:                     {Name: "tcp.flags.reset", Label: "Reset", Kind: KindBool, Width: 12, Mask: 0x4},
	tcpFlagsSyn:                       {Name: "tcp.flags.syn", Label: "Syn", Kind: KindBool, Width: 12, Mask: 0x2},
	tcpFlagsFin:                       {Name: "tcp.flags.fin", Label: "Fin", Kind: KindBool, Width: 12, Mask: 0x1},
	tcpFlagsStr:                       {Name: "tcp.flags.str", Label: "TCP Flags", Kind: KindString, Generated: true},
	tcpWindowSizeValue:                {Name: "tcp.window_size_value", Label: "Window", Kind: KindUint, Width: 16},
	tcpWindowSize:                     {Name: "tcp.window_size", Label: "Calculated window size", Kind: KindUint, Width: 32, Generated: true},
	tcpWindowSizeScalefactor:          {Name: "tcp.window_size_scalefactor", Label: "Window size scaling factor", Kind: KindInt, Width: 32, Generated: true},
	tcpChecksum:                       {Name: "tcp.checksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	tcpChecksumStatus:                 {Name: "tcp.checksum.status", Label: "Checksum Status", Kind: KindUint, Width: 8, Base: BaseNone, Generated: true},
	tcpUrgentPointer:                  {Name: "tcp.urgent_pointer", Label: "Urgent Pointer", Kind: KindUint, Width: 16},
	tcpOptions:                        {Name: "tcp.options", Label: "TCP Options", Kind: KindBytes},
	tcpOptionsEOL:                     {Name: "tcp.options.eol", Label: "TCP Option - End of Option List (EOL)", Kind: KindProtocol},
	tcpOptionsNOP:                     {Name: "tcp.options.nop", Label: "TCP Option - No-Operation (NOP)", Kind: KindProtocol},
	tcpOptionsMSS:                     {Name: "tcp.options.mss", Label: "TCP Option - Maximum segment size", Kind: KindProtocol},
	tcpOptionsWscale:                  {Name: "tcp.options.wscale", Label: "TCP Option - Window scale", Kind: KindProtocol},
	tcpOptionsSack:                    {Name: "tcp.options.sack", Label: "TCP Option - SACK", Kind: KindProtocol},
	tcpOptionsTimestamp:               {Name: "tcp.options.timestamp", Label: "TCP Option - Timestamps", Kind: KindProtocol},
	tcpOptionsTFO:                     {Name: "tcp.options.tfo", Label: "TCP Option - TCP Fast Open", Kind: KindProtocol},
	tcpOptionsUnknown:                 {Name: "tcp.options.unknown", Label: "TCP Option - Unknown", Kind: KindProtocol},
	tcpOptionKind:                     {Name: "tcp.option_kind", Label: "Kind", Kind: KindUint, Width: 8, EKByParent: true},
	tcpOptionLen:                      {Name: "tcp.option_len", Label: "Length", Kind: KindUint, Width: 8, EKByParent: true},
	tcpOptionsMSSVal:                  {Name: "tcp.options.mss_val", Label: "MSS Value", Kind: KindUint, Width: 16},
	tcpOptionsWscaleShift:             {Name: "tcp.options.wscale.shift", Label: "Shift count", Kind: KindUint, Width: 8},
	tcpOptionsWscaleMultiplier:        {Name: "tcp.options.wscale.multiplier", Label: "Multiplier", Kind: KindUint, Width: 16, Generated: true},
	tcpOptionsSackPerm:                {Name: "tcp.options.sack_perm", Label: "TCP Option - SACK permitted", Kind: KindProtocol},
	tcpOptionsSackLe:                  {Name: "tcp.options.sack_le", Label: "TCP SACK Left Edge", Kind: KindUint, Width: 32},
	tcpOptionsSackRe:                  {Name: "tcp.options.sack_re", Label: "TCP SACK Right Edge", Kind: KindUint, Width: 32},
	tcpOptionsSackCount:               {Name: "tcp.options.sack.count", Label: "TCP SACK Count", Kind: KindUint, Width: 8, Generated: true},
	tcpOptionsSackDsackLe:             {Name: "tcp.options.sack.dsack_le", Label: "TCP D-SACK Left Edge", Kind: KindUint, Width: 32, Generated: true},
	tcpOptionsSackDsackRe:             {Name: "tcp.options.sack.dsack_re", Label: "TCP D-SACK Right Edge", Kind: KindUint, Width: 32, Generated: true},
	tcpOptionsSackDsack:               {Name: "tcp.options.sack.dsack", Label: "D-SACK Sequence", Kind: KindNone},
	tcpOptionsTimestampTSval:          {Name: "tcp.options.timestamp.tsval", Label: "Timestamp value", Kind: KindUint, Width: 32},
	tcpOptionsTimestampTSecr:          {Name: "tcp.options.timestamp.tsecr", Label: "Timestamp echo reply", Kind: KindUint, Width: 32},
	tcpTimeRelative:                   {Name: "tcp.time_relative", Label: "Time since first frame in this TCP stream", Kind: KindRelTime, Generated: true},
	tcpTimeDelta:                      {Name: "tcp.time_delta", Label: "Time since previous frame in this TCP stream", Kind: KindRelTime, Generated: true},
	tcpAnalysisTree:                   {Name: "tcp.analysis", Label: "SEQ/ACK analysis", Kind: KindNone, Generated: true},
	tcpAnalysisAcksFrame:              {Name: "tcp.analysis.acks_frame", Label: "This is an ACK to the segment in frame", Kind: KindFrameNum, Generated: true},
	tcpAnalysisAckRTT:                 {Name: "tcp.analysis.ack_rtt", Label: "The RTT to ACK the segment was", Kind: KindRelTime, Generated: true},
	tcpAnalysisInitialRTT:             {Name: "tcp.analysis.initial_rtt", Label: "iRTT", Kind: KindRelTime, Generated: true},
	tcpAnalysisBytesInFlight:          {Name: "tcp.analysis.bytes_in_flight", Label: "Bytes in flight", Kind: KindUint, Width: 32, Generated: true},
	tcpAnalysisPushBytesSent:          {Name: "tcp.analysis.push_bytes_sent", Label: "Bytes sent since last PSH flag", Kind: KindUint, Width: 32, Generated: true},
	tcpAnalysisFlags:                  {Name: "tcp.analysis.flags", Label: "TCP Analysis Flags", Kind: KindNone, Generated: true},
	tcpAnalysisReusedPorts:            {Name: "tcp.analysis.reused_ports", Label: "A new tcp session is started with the same ports as an earlier session in this trace", Kind: KindNone, Generated: true},
	tcpAnalysisRetransmission:         {Name: "tcp.analysis.retransmission", Label: "This frame is a (suspected) retransmission", Kind: KindNone, Generated: true},
	tcpAnalysisRTO:                    {Name: "tcp.analysis.rto", Label: "The RTO for this segment was", Kind: KindRelTime, Generated: true},
	tcpAnalysisRTOFrame:               {Name: "tcp.analysis.rto_frame", Label: "RTO based on delta from frame", Kind: KindFrameNum, Generated: true},
	tcpAnalysisFastRetransmission:     {Name: "tcp.analysis.fast_retransmission", Label: "This frame is a (suspected) fast retransmission", Kind: KindNone, Generated: true},
	tcpAnalysisSpuriousRetransmission: {Name: "tcp.analysis.spurious_retransmission", Label: "This frame is a (suspected) spurious retransmission", Kind: KindNone, Generated: true},
	tcpAnalysisOutOfOrder:             {Name: "tcp.analysis.out_of_order", Label: "This frame is a (suspected) out-of-order segment", Kind: KindNone, Generated: true},
	tcpAnalysisLostSegment:            {Name: "tcp.analysis.lost_segment", Label: "Previous segment(s) not captured (common at capture start)", Kind: KindNone, Generated: true},
	tcpAnalysisAckLostSegment:         {Name: "tcp.analysis.ack_lost_segment", Label: "ACKed segment that wasn't captured (common at capture start)", Kind: KindNone, Generated: true},
	tcpAnalysisWindowUpdate:           {Name: "tcp.analysis.window_update", Label: "TCP window update", Kind: KindNone, Generated: true},
	tcpAnalysisWindowFull:             {Name: "tcp.analysis.window_full", Label: "TCP window specified by the receiver is now completely full", Kind: KindNone, Generated: true},
	tcpAnalysisKeepAlive:              {Name: "tcp.analysis.keep_alive", Label: "TCP keep-alive segment", Kind: KindNone, Generated: true},
	tcpAnalysisKeepAliveAck:           {Name: "tcp.analysis.keep_alive_ack", Label: "ACK to a TCP keep-alive segment", Kind: KindNone, Generated: true},
	tcpAnalysisDuplicateAck:           {Name: "tcp.analysis.duplicate_ack", Label: "Duplicate ACK", Kind: KindNone, Generated: true},
	tcpAnalysisDuplicateAckNum:        {Name: "tcp.analysis.duplicate_ack_num", Label: "Duplicate ACK #", Kind: KindUint, Width: 32, Generated: true},
	tcpAnalysisDuplicateAckFrame:      {Name: "tcp.analysis.duplicate_ack_frame", Label: "Duplicate to the ACK in frame", Kind: KindFrameNum, Generated: true},
	tcpAnalysisZeroWindowProbe:        {Name: "tcp.analysis.zero_window_probe", Label: "TCP Zero Window Probe", Kind: KindNone, Generated: true},
	tcpAnalysisZeroWindow:             {Name: "tcp.analysis.zero_window", Label: "TCP Zero Window segment", Kind: KindNone, Generated: true},
	tcpAnalysisZeroWindowProbeAck:     {Name: "tcp.analysis.zero_window_probe_ack", Label: "ACK to a TCP Zero Window Probe", Kind: KindNone, Generated: true},
	tcpPayload:                        {Name: "tcp.payload", Label: "TCP payload", Kind: KindBytes},
	tcpSegmentData:                    {Name: "tcp.segment_data", Label: "TCP segment data", Kind: KindBytes},
	tcpSegments:                       {Name: "tcp.segments", Label: "Reassembled TCP Segments", Kind: KindNone},
	tcpSegmentFrame:                   {Name: "tcp.segment", Label: "TCP Segment", Kind: KindFrameNum, Generated: true},
	tcpSegmentCount:                   {Name: "tcp.segment.count", Label: "Segment count", Kind: KindUint, Width: 32, Generated: true},
	tcpReassembledLength:              {Name: "tcp.reassembled.length", Label: "Reassembled TCP length", Kind: KindUint, Width: 32, Generated: true},
	tcpReassembledData:                {Name: "tcp.reassembled.data", Label: "Reassembled TCP Data", Kind: KindBytes, Generated: true},
	tcpPDUSize:                        {Name: "tcp.pdu.size", Label: "PDU Size", Kind: KindUint, Width: 32, Generated: true},
}

var protoTCP = protoField("tcp", "Transmission Control Protocol")

// tcpRestUnwanted ends TCP's protocol when the selection wants none of its
// fields from the from'th on, nor MPTCP's (emitted inside TCP's options):
// -T fields or a display filter that names the ports or the stream only
// skips the rest of the header.
func tcpRestUnwanted(e *emitter, from int) bool {
	if e.wantsAny(tcpFields[from:]) || e.wantsAny(mptcpFields[:]) || e.wants(&protoMPTCP) {
		return false
	}
	e.End()
	return true
}

// emitTCP emits a TCP header's fields in tshark's order, with what the
// connection tracker found for the segment (tcp.stream, relative sequence
// and acknowledgment numbers, the calculated window, the times in the
// stream, the sequence analysis) when e has it; the numbers are raw
// otherwise. The generated fields appear where -V draws their lines, and
// in a tree list the lines of tshark's tree that are no field of rawcap's
// (the options' kinds and lengths, the expert blocks) come with them.
func emitTCP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoTCP)
	tree := e.Tree()
	raw := d.data[l.Start:l.Payload]
	// A header cut by the snap length shows the fields it holds, as
	// tshark's does: they are read from a zero-padded copy. The tree also
	// shows so a header whose options were cut or whose length is bogus,
	// once it holds the window.
	var pad [tcpMinLen]byte
	have := len(raw)
	cut := l.Payload == l.Start
	if n := l.End - l.Start; cut && (l.Malformed != "" && n >= 4 && n < tcpMinLen || tree && n >= 16) {
		have = copy(pad[:], d.data[l.Start:l.End])
		raw = pad[:]
	}
	if len(raw) == 0 || tree && have < 16 {
		e.End()
		return
	}
	t := TCP(raw)
	f := &tcpFields
	sg := e.conv.tcp(i)
	if have < 16 {
		sg = nil // the tracker does not take a header without its window
	}
	fl := t.Flags()
	seq, ack := t.Seq(), t.Ack() // not analysed: raw numbers
	if sg != nil {
		seq, ack = sg.Seq, sg.Ack
	}
	bogus := tree && t[12]>>4 < 5 // tshark's tree stops at its header length
	length := 0
	if have >= 13 {
		// Like tshark, count only the bytes the frame had on the wire.
		length = min(ipPayloadLen(d, i), e.wire-l.Start) - t.HeaderLen()
	}
	treeLen := length // the tree's: the tracker's where it has one
	if sg != nil && sg.HaveLen {
		treeLen = sg.Len
	}
	if tree {
		b := append(e.Text(), "Transmission Control Protocol, Src Port: "...)
		b = appendUint(b, uint64(t.SrcPort()))
		b = append(b, ", Dst Port: "...)
		b = appendUint(b, uint64(t.DstPort()))
		b = append(b, ", Seq: "...)
		b = appendUint(b, uint64(seq))
		if fl&TCPAck != 0 && !bogus {
			b = append(b, ", Ack: "...)
			b = appendUint(b, uint64(ack))
		}
		if (sg == nil || sg.HaveLen) && !bogus {
			b = append(b, ", Len: "...)
			b = appendInt(b, int64(treeLen))
		}
		e.SetRepr(b)
	}
	if e.Memo(memoTCPPorts, t[:4]) {
		e.Uint(&f[tcpSrcport], uint64(t.SrcPort()))
		e.Uint(&f[tcpDstport], uint64(t.DstPort()))
		e.MemoEnd()
	}
	if tcpRestUnwanted(e, tcpPort) {
		return // -T fields asks for the ports alone
	}
	if e.all { // hidden: JSON does not show it
		e.Hidden(true)
		e.Uint(&f[tcpPort], uint64(t.SrcPort()))
		e.Uint(&f[tcpPort], uint64(t.DstPort()))
		e.Hidden(false)
	}
	if tcpRestUnwanted(e, tcpStream) {
		return // a display filter on tcp.port
	}
	// Inside an ICMP error, which may quote no more than the sequence
	// number, tshark draws it before the stream (in a frame sFlow or
	// OpenFlow carries, where it goes).
	quoted := tree && sg != nil && d.inICMPError(i)
	if quoted {
		e.Uint(&f[tcpSeq], uint64(t.Seq()))
	}
	if sg != nil {
		e.Uint(&f[tcpStream], uint64(sg.Stream))
		e.Uint(&f[tcpCompleteness], uint64(sg.Completeness))
		if tree {
			e.SetRepr(appendCompleteness(append(e.Text(), "Conversation completeness: "...), sg.Completeness))
			if sg.Short {
				e.LineString(shortSegment)
				e.Sub()
				e.ExpertLine("Warning", "Malformed", shortSegment, nil)
				e.Up()
			}
		}
	}
	if tcpRestUnwanted(e, tcpLen) {
		return // tcp.stream alone
	}
	switch {
	case tree && (sg == nil || sg.HaveLen):
		e.Int(&f[tcpLen], int64(treeLen))
		if treeLen < 0 {
			e.SetRepr(appendInt(append(e.Text(), "TCP Segment Len: "...), int64(treeLen)))
		}
	case !tree && have >= 13 && (!l.Quoted || d.inICMPError(i)):
		e.Int(&f[tcpLen], int64(length))
	}
	if have < 14 {
		e.End()
		return
	}
	if !quoted {
		e.Uint(&f[tcpSeq], uint64(seq))
		if tree {
			b := appendUint(append(e.Text(), "Sequence Number: "...), uint64(seq))
			e.SetRepr(append(b, "    (relative sequence number)"...))
		}
		e.Uint(&f[tcpSeqRaw], uint64(t.Seq()))
	}
	if bogus {
		emitTCPHdrLen(e, t)
		var buf [48]byte
		m := appendInt(buf[:0], int64(t[12]>>4)*4)
		m = append(m, ", must be at least 20)"...)
		e.Sub()
		e.ExpertLine("Error", "Protocol", "Bogus TCP header length (", m)
		e.Up()
		e.End()
		return
	}
	if sg != nil && sg.HaveLen {
		e.Uint(&f[tcpNxtseq], uint64(sg.NextSeq))
		if tree {
			b := appendUint(append(e.Text(), "Next Sequence Number: "...), uint64(sg.NextSeq))
			e.SetRepr(append(b, "    (relative sequence number)"...))
		}
	}
	e.Uint(&f[tcpAck], uint64(ack))
	if tree && fl&TCPAck != 0 {
		b := appendUint(append(e.Text(), "Acknowledgment Number: "...), uint64(ack))
		e.SetRepr(append(b, "    (relative ack number)"...))
	}
	if fl&(TCPSyn|TCPAck) == TCPSyn|TCPAck && sg != nil && ack > 1 {
		e.Expert(true) // the SYN's data (TCP Fast Open) is acknowledged
		e.None(&f[tcpAnalysisTFOAck])
		e.Expert(false)
		e.NoTree()
		e.Sub()
		e.ExpertLine("Note", "Sequence", "TCP SYN-ACK accepting TFO data", nil)
		e.Up()
	}
	if fl&TCPAck == 0 && t.Ack() != 0 {
		e.Expert(true)
		e.None(&f[tcpAckNonzero])
		e.Expert(false)
		e.NoTree()
		e.Sub()
		e.ExpertLine("Note", "Protocol", "The acknowledgment number field is nonzero while the ACK flag is not set", nil)
		e.Up()
	}
	e.Uint(&f[tcpAckRaw], uint64(t.Ack()))
	// The header length and flags: their lines depend on bytes 12 and 13,
	// and the expert lines of SYN, FIN and RST on the server's port (SYN)
	// and whether the segment closes the connection.
	key := [5]byte{t[12], t[13]}
	n := 2
	if fl&(TCPSyn|TCPFin|TCPRst) != 0 {
		if sg != nil {
			key[2] = byte(sg.Closing)
		}
		n = 3
		if fl&TCPSyn != 0 {
			port := t.DstPort()
			if fl&TCPAck != 0 {
				port = t.SrcPort()
			}
			key[3], key[4], n = byte(port>>8), byte(port), 5
		}
	}
	if e.wantsAny(f[tcpHdrLen:tcpFlagsStr+1]) && e.Memo(memoTCPFlags, key[:n]) {
		emitTCPFlags(e, t, sg)
		e.MemoEnd()
	}
	if have >= 16 {
		e.Uint(&f[tcpWindowSizeValue], uint64(t.Window()))
		if sg != nil {
			e.Uint(&f[tcpWindowSize], uint64(sg.Window))
			if fl&TCPSyn == 0 {
				scale := int64(sg.WinScale) // -1 unknown, -2 no scaling
				if scale >= 0 {
					scale = 1 << scale
				}
				e.Int(&f[tcpWindowSizeScalefactor], scale)
				if tree && scale < 0 {
					b := append(e.Text(), "Window size scaling factor: "...)
					if scale == -1 {
						e.SetRepr(append(b, "-1 (unknown)"...))
					} else {
						e.SetRepr(append(b, "-2 (no window scaling used)"...))
					}
				}
			}
		}
	}
	if have >= 18 {
		e.Uint(&f[tcpChecksum], uint64(t.Checksum()))
		e.ChecksumRepr(t.Checksum(), 2, 0, "")
		e.Uint(&f[tcpChecksumStatus], 2) // unverified, as tshark's default
	}
	if have >= 20 {
		e.Uint(&f[tcpUrgentPointer], uint64(t.Urgent()))
	}
	if cut {
		// tshark reads on until the capture ends: the options' length
		// and the stream's times.
		if tree && have >= 20 {
			if hl := int(t[12]>>4) * 4; hl > tcpMinLen {
				b := appendBytesBits(append(e.Text(), "Options: ("...), hl-tcpMinLen)
				e.Line(append(b, ')'))
			}
			if sg != nil {
				emitTCPTimes(e, sg)
			}
		}
		e.End()
		return
	}
	mp := false // an MPTCP option was seen
	if len(t) > tcpMinLen && (e.wantsAny(f[tcpOptions:tcpOptionsTimestampTSecr+1]) || e.wantsAny(mptcpFields[:mptcpPort+1]) || e.wants(&protoMPTCP)) {
		// SACK edges are relative to the acknowledgment space.
		mp = emitTCPOptions(e, t, t.Ack()-ack, sg)
	}
	if sg != nil {
		if e.wantsAny(f[tcpTimeRelative : tcpTimeDelta+1]) {
			emitTCPTimes(e, sg)
		}
		if sg.Analysed && e.wantsAny(f[tcpAnalysisTree:tcpAnalysisZeroWindowProbeAck+1]) {
			emitTCPAnalysis(e, sg)
		}
		if sg.MP.Has && (e.all || tree) && e.wantsAny(mptcpFields[mptcpAnalysis:mptcpSubflows+1]) {
			emitMPTCPAnalysis(e, &sg.MP)
		}
		// The payload's bytes, but for JSON, whose object leaves packet
		// bytes to --raw; a RST's data is its reset cause.
		if e.all && sg.HaveLen && sg.Len > 0 && fl&TCPRst == 0 {
			if pl := d.data[l.Payload:l.End]; len(pl) > 0 {
				e.Bytes(&f[tcpPayload], pl)
			}
		}
	}
	if tree && treeLen > 0 {
		b := appendBytesBits(append(e.Text(), "TCP payload ("...), treeLen)
		e.Line(append(b, ')'))
	}
	if treeLen > 0 && i+1 < d.n && d.layers[i+1].Type == LayerHTTP2 {
		emitHTTP2PDUSizes(e, i+1)
	}
	if treeLen > 0 && i+1 < d.n && d.layers[i+1].Type == LayerOpenFlow {
		emitOpenFlowPDUSizes(e, i+1)
	}
	if treeLen > 0 && i+1 < d.n && d.layers[i+1].Type == LayerENIP {
		emitENIPPDUSizes(e, i+1)
	}
	if treeLen > 0 && i+1 < d.n && d.layers[i+1].Type == LayerPPTP && pptpRetransmitted(sg) {
		emitTCPSegmentData(e, d.data[d.layers[i].Payload:d.layers[i].End], treeLen, true)
	}
	if i+1 < d.n && d.layers[i+1].Type == LayerSSH && e.conv != nil {
		emitTCPForSSH(e, i, treeLen)
	}
	if i+1 < d.n && d.layers[i+1].Type == LayerHTTP && e.conv != nil {
		emitTCPForHTTP(e, i, treeLen)
	}
	e.End()
	if !e.all && !tree && (mp || sg != nil && sg.MP.Has) {
		emitMPTCPJSON(e, t, sg) // JSON's mptcp object, after TCP's
	}
}

// emitTCPHdrLen emits the header length as its header announces it,
// "0101 .... = Header Length: 20 bytes (5)" in the tree.
func emitTCPHdrLen(e *emitter, t TCP) {
	hl := int(t[12]>>4) * 4
	e.Uint(&tcpFields[tcpHdrLen], uint64(hl))
	if e.Tree() {
		b := append(appendBitDrawing(e.Text(), uint64(t[12]), 8, 0xf0), " = Header Length: "...)
		b = append(appendInt(b, int64(hl)), " bytes ("...)
		e.SetRepr(append(appendInt(b, int64(hl/4)), ')'))
	}
}

// emitTCPFlags emits TCP's bytes 12 and 13: the header length and the
// flags. With sg, the tree has the expert lines of SYN, FIN and RST under
// their flags, and of a connection's closing.
func emitTCPFlags(e *emitter, t TCP, sg *tcpSegment) {
	f := &tcpFields
	tree := e.Tree()
	if tree {
		emitTCPHdrLen(e, t)
	} else {
		e.Uint(&f[tcpHdrLen], uint64(t.HeaderLen()))
	}
	fl := t.Flags()
	e.Uint(&f[tcpFlags], uint64(fl))
	if tree {
		b := append(e.Text(), "Flags: 0x"...)
		b = append(b, hexDigits[fl>>8&15], hexDigits[fl>>4&15], hexDigits[fl&15], ' ', '(')
		n := len(b)
		for _, fn := range tcpFlagNames {
			if fl&fn.bit != 0 {
				if len(b) > n {
					b = append(b, ", "...)
				}
				b = append(b, fn.name...)
			}
		}
		if len(b) == n {
			b = append(b, "<None>"...)
		}
		e.SetRepr(append(b, ')'))
	}
	e.Sub()
	e.BoolBits(&f[tcpFlagsRes], uint64(fl))
	for k := tcpFlagsAe; k <= tcpFlagsFin; k++ {
		bit := uint16(f[k].Mask)
		e.Bool(&f[k], fl&bit != 0)
		if !tree || fl&bit == 0 || bit&(TCPSyn|TCPFin|TCPRst) == 0 {
			continue
		}
		e.Sub()
		switch bit {
		case TCPSyn:
			var buf [8]byte
			if fl&TCPAck != 0 {
				e.ExpertLine("Chat", "Sequence", "Connection establish acknowledge (SYN+ACK): server port ", appendUint(buf[:0], uint64(t.SrcPort())))
			} else {
				e.ExpertLine("Chat", "Sequence", "Connection establish request (SYN): server port ", appendUint(buf[:0], uint64(t.DstPort())))
			}
		case TCPFin:
			e.ExpertLine("Chat", "Sequence", "Connection finish (FIN)", nil)
		case TCPRst:
			e.ExpertLine("Warning", "Sequence", "Connection reset (RST)", nil)
		}
		e.Up()
	}
	if e.wants(&f[tcpFlagsStr]) {
		e.TextDone(&f[tcpFlagsStr], appendTCPFlagsStr(e.Text(), fl))
	}
	if tree {
		if sg != nil && sg.Closing != 0 && fl&(TCPSyn|TCPFin|TCPRst) != 0 {
			e.Sub()
			if sg.Closing == 1 {
				e.ExpertLine("Note", "Sequence", "This frame initiates the connection closing", nil)
			} else {
				e.ExpertLine("Note", "Sequence", "This frame undergoes the connection closing", nil)
			}
			e.Up()
		}
	}
	e.Up()
}

// appendTCPFlagsStr appends tcp.flags.str, the 12 flag bits as tshark
// spells them: a letter for each set ("RRRACEUAPRSF"), a middle dot for
// each clear.
func appendTCPFlagsStr(b []byte, fl uint16) []byte {
	for k, c := range "RRRACEUAPRSF" {
		if fl&(uint16(1)<<uint(11-k)) == 0 {
			b = append(b, "\u00b7"...)
		} else {
			b = append(b, byte(c))
		}
	}
	return b
}

// tcpFlagNames are the names of the flags set, in the order tshark lists
// them in the Flags line and the Info column ("Reserved" for any of the
// three reserved bits).
var tcpFlagNames = [...]struct {
	bit  uint16
	name string
}{{TCPFin, "FIN"}, {TCPSyn, "SYN"}, {TCPRst, "RST"}, {TCPPsh, "PSH"}, {TCPAck, "ACK"}, {TCPUrg, "URG"}, {TCPEce, "ECE"}, {TCPCwr, "CWR"}, {TCPAE, "AE"}, {0x0e00, "Reserved"}}

const shortSegment = "Short segment. Segment/fragment does not contain a full TCP header (might be NMAP or someone else deliberately sending unusual packets)"

// tcpOptEmitter emits the options' fields: every occurrence for -T
// fields, ek and the tree, the first of each for JSON (whose keys are
// unique).
type tcpOptEmitter struct {
	e    *emitter
	seen [(tcpFieldCount + 63) / 64]uint64
	mp   uint64 // the MPTCP option fields emitted (mpEmitter)
}

func (x *tcpOptEmitter) want(k int) bool {
	if x.e.all || x.e.Tree() {
		return x.e.wants(&tcpFields[k])
	}
	w, bit := k/64, uint64(1)<<(k%64)
	if x.seen[w]&bit != 0 {
		return false
	}
	x.seen[w] |= bit
	return true
}

func (x *tcpOptEmitter) uint(k int, v uint64) {
	if x.want(k) {
		x.e.Uint(&tcpFields[k], v)
	}
}

func (x *tcpOptEmitter) bytes(k int, b []byte) {
	if x.want(k) {
		x.e.Bytes(&tcpFields[k], b)
	}
}

// emitTCPOptions emits TCP's options as tshark does: tcp.options, and
// for each option its field (the option's bytes, drawn as its title),
// kind, length and values; in a tree list with the options' expert
// lines. SACK edges are shown less sackBase; sg, when not nil, is what the
// tracker found for the segment (an MPTCP option's relative numbers). It
// reports whether an MPTCP option was among the options.
func emitTCPOptions(e *emitter, t TCP, sackBase uint32, sg *tcpSegment) (mptcp bool) {
	tree := e.Tree()
	x := tcpOptEmitter{e: e}
	ob := t.OptionBytes()
	x.bytes(tcpOptions, ob)
	if tree {
		b := e.Text()
		start := len(b)
		b = append(b, "Options: ("...)
		b = appendBytesBits(b, len(ob))
		b = append(b, ')')
		for off, eol := 0, false; ; {
			o, next, ok, bad := t.NextOption(off)
			if !ok || eol && o.Kind != TCPOptEOL {
				break // after an EOL, padding
			}
			off, eol = next, o.Kind == TCPOptEOL
			b = tcpOptionTitle(append(b, ", "...), o, bad)
			if bad {
				break
			}
		}
		if len(b)-start > treeLabelMax {
			b = b[:start+treeLabelMax] // tshark's label buffer ends there
		}
		e.SetRepr(b)
	}
	e.Sub()
	nops, mss, broken := 0, false, false // leading NOPs, an MSS option seen, options malformed
	seen := 0                            // the option kinds remembered (memo blocks opened)
	for off, eol := 0, false; ; {
		o, next, ok, bad := t.NextOption(off)
		if !ok {
			break
		}
		if eol && o.Kind != TCPOptEOL {
			// tshark takes the bytes after an EOL for padding, and stops
			// at the first that is not zero.
			e.LineString("Non-zero header padding")
			e.Sub()
			e.ExpertLine("Error", "Protocol", "Non-zero header padding", nil)
			e.Up()
			broken = true // tshark then has no word on a missing MSS
			break
		}
		prev := off
		off, eol = next, o.Kind == TCPOptEOL
		mptcp = mptcp || o.Kind == TCPOptMPTCP
		if !tree {
			if bad {
				break
			}
			emitTCPOption(&x, t, o, ob[prev:off], false, sackBase, sg)
			continue
		}
		broken = broken || bad
		if bad || o.Kind != TCPOptNOP {
			nops = -1 << 30 // counted only while the options start with NOPs
		} else {
			nops++
		}
		if nops == 4 {
			// tshark warns before the fourth NOP when the options start
			// with four; its rule for NOPs after other options is not
			// followed here (it warns for some, not for others).
			e.ExpertLine("Warning", "Protocol", "4 NOP in a row - a router may have removed some options", nil)
		}
		mss = mss || !bad && o.Kind == TCPOptMSS
		// The lines of the options a host sends alike in every segment
		// (or every SYN) depend on their bytes alone: remembered, each
		// kind once a header (NOP's bytes never differ).
		blk := -1
		if !bad {
			switch o.Kind {
			case TCPOptNOP:
				blk = memoTCPOptNOP
			case TCPOptMSS:
				blk = memoTCPOptMSS
			case TCPOptWScale:
				blk = memoTCPOptWS
			case TCPOptSACKOK:
				blk = memoTCPOptSACKOK
			}
		}
		if blk > memoTCPOptNOP {
			if seen&(1<<(blk-memoTCPOptNOP)) != 0 {
				blk = -1
			} else {
				seen |= 1 << (blk - memoTCPOptNOP)
			}
		}
		if blk < 0 {
			emitTCPOption(&x, t, o, ob[prev:off], bad, sackBase, sg)
		} else if e.Memo(blk, ob[prev:off]) {
			emitTCPOption(&x, t, o, ob[prev:off], bad, sackBase, sg)
			e.MemoEnd()
		}
		if bad {
			break
		}
	}
	if tree && t.Flags()&TCPSyn != 0 && !mss && !broken {
		e.ExpertLine("Note", "Protocol", "The SYN packet does not contain a MSS option", nil)
	}
	e.Up()
	return mptcp
}

// tcpOptionField returns the field of option o (not malformed), tshark's
// "TCP Option - …" item, or -1 for the options whose title rawcap draws
// as a line.
func tcpOptionField(o TCPOption) int {
	switch {
	case o.Kind == TCPOptEOL:
		return tcpOptionsEOL
	case o.Kind == TCPOptNOP:
		return tcpOptionsNOP
	case o.Kind == TCPOptMSS && len(o.Data) == 2:
		return tcpOptionsMSS
	case o.Kind == TCPOptWScale && len(o.Data) == 1:
		return tcpOptionsWscale
	case o.Kind == TCPOptSACKOK:
		return tcpOptionsSackPerm
	case o.Kind == TCPOptSACK:
		return tcpOptionsSack
	case o.Kind == TCPOptTimestamp && len(o.Data) == 8:
		return tcpOptionsTimestamp
	case o.Kind == TCPOptTFO:
		return tcpOptionsTFO
	case tcpOptionUnnamed(o.Kind):
		return tcpOptionsUnknown
	}
	return -1
}

// tcpOptionUnnamed reports whether tshark has no name for option kind k
// (it shows such an option as "Unknown").
func tcpOptionUnnamed(k uint8) bool {
	return tcpFields[tcpOptionKind].ValueNames().Name(uint64(k)) == ""
}

// emitTCPOption emits option o, whose bytes are ob: its field, and
// beneath it its kind, length and values. A malformed option (bad) is a
// tree line alone.
func emitTCPOption(x *tcpOptEmitter, t TCP, o TCPOption, ob []byte, bad bool, sackBase uint32, sg *tcpSegment) {
	e := x.e
	if o.Kind == TCPOptMPTCP && !bad {
		emitMPTCPOption(x, o, sg)
		return
	}
	tree := e.Tree()
	k := -1
	if !bad {
		k = tcpOptionField(o)
	}
	if k >= 0 {
		x.bytes(k, ob) // before the title: a value's bytes go where the text is built
	}
	if tree {
		b := tcpOptionTitle(append(e.Text(), "TCP Option - "...), o, bad)
		switch {
		case bad:
		case k == tcpOptionsUnknown:
			b = append(e.Text(), tcpFields[k].Label...)
		case o.Kind == TCPOptMSS && len(o.Data) == 2:
			b = append(appendUint(append(b, ": "...), uint64(be16(o.Data))), " bytes"...)
		case o.Kind == TCPOptWScale && len(o.Data) == 1:
			b = append(appendUint(append(b, ": "...), uint64(o.Data[0])), " (multiply by "...)
			b = append(appendUint(b, 1<<min(o.Data[0], 14)), ')')
		case o.Kind == TCPOptTimestamp && len(o.Data) == 8:
			b = append(appendUint(append(b, ": TSval "...), uint64(be32(o.Data))), ", TSecr "...)
			b = appendUint(b, uint64(be32(o.Data[4:])))
		case o.Kind == TCPOptSACK && len(o.Data)%8 == 0:
			for j := 0; j < len(o.Data); j += 8 {
				b = appendUint(append(b, ' '), uint64(be32(o.Data[j:])-sackBase))
				b = appendUint(append(b, '-'), uint64(be32(o.Data[j+4:])-sackBase))
			}
		}
		if k >= 0 {
			e.SetRepr(b)
		} else {
			e.Line(b)
		}
	}
	if bad {
		return
	}
	e.Sub()
	x.uint(tcpOptionKind, uint64(o.Kind))
	if o.Kind != TCPOptEOL && o.Kind != TCPOptNOP {
		x.uint(tcpOptionLen, uint64(o.Len))
	}
	emitTCPOptionValues(x, t, o, sackBase)
	e.Up()
}

// emitTCPOptionValues emits the values of option o (not malformed), and in
// a tree list the lines tshark draws with them.
func emitTCPOptionValues(x *tcpOptEmitter, t TCP, o TCPOption, sackBase uint32) {
	e := x.e
	tree := e.Tree()
	switch {
	case o.Kind == TCPOptMSS && len(o.Data) == 2:
		x.uint(tcpOptionsMSSVal, uint64(be16(o.Data)))
	case o.Kind == TCPOptWScale && len(o.Data) == 1:
		x.uint(tcpOptionsWscaleShift, uint64(o.Data[0]))
		x.uint(tcpOptionsWscaleMultiplier, 1<<min(o.Data[0], 14))
	case o.Kind == TCPOptSACK && len(o.Data)%8 == 0:
		for j := 0; j < len(o.Data); j += 8 {
			le, re := be32(o.Data[j:])-sackBase, be32(o.Data[j+4:])-sackBase
			x.uint(tcpOptionsSackLe, uint64(le))
			if tree {
				e.SetRepr(append(appendUint(append(e.Text(), "left edge = "...), uint64(le)), " (relative)"...))
			}
			x.uint(tcpOptionsSackRe, uint64(re))
			if tree {
				e.SetRepr(append(appendUint(append(e.Text(), "right edge = "...), uint64(re)), " (relative)"...))
			}
		}
		x.uint(tcpOptionsSackCount, uint64(len(o.Data)/8))
		if le, re, ok := dsack(t, o.Data); ok {
			x.uint(tcpOptionsSackDsackLe, uint64(le-sackBase))
			if tree {
				e.SetRepr(append(appendUint(append(e.Text(), "D-SACK Left Edge = "...), uint64(le-sackBase)), " (relative)"...))
			}
			x.uint(tcpOptionsSackDsackRe, uint64(re-sackBase))
			if tree {
				e.SetRepr(append(appendUint(append(e.Text(), "D-SACK Right Edge = "...), uint64(re-sackBase)), " (relative)"...))
			}
			// tshark's text line, its expert item's field beneath it
			// (which -T ek leaves out, as it writes no _ws_expert).
			e.LineString("D-SACK Sequence")
			e.Sub()
			if x.want(tcpOptionsSackDsack) {
				e.Expert(true)
				e.None(&tcpFields[tcpOptionsSackDsack])
				e.Expert(false)
				e.NoTree()
			}
			e.ExpertLine("Warning", "Sequence", "D-SACK Sequence", nil)
			e.Up()
		}
	case o.Kind == TCPOptTimestamp && len(o.Data) == 8:
		x.uint(tcpOptionsTimestampTSval, uint64(be32(o.Data)))
		x.uint(tcpOptionsTimestampTSecr, uint64(be32(o.Data[4:])))
	}
}

func tcpOptionTitle(b []byte, o TCPOption, bad bool) []byte {
	switch {
	case bad:
		return append(b, "Malformed option"...)
	case o.Kind == TCPOptEOL:
		return append(b, "End of Option List (EOL)"...)
	case o.Kind == TCPOptNOP:
		return append(b, "No-Operation (NOP)"...)
	case o.Kind == TCPOptMSS && len(o.Data) == 2:
		return append(b, "Maximum segment size"...)
	case o.Kind == TCPOptWScale && len(o.Data) == 1:
		return append(b, "Window scale"...)
	case o.Kind == TCPOptSACKOK:
		return append(b, "SACK permitted"...)
	case o.Kind == TCPOptSACK:
		return append(b, "SACK"...)
	case o.Kind == TCPOptTimestamp && len(o.Data) == 8:
		return append(b, "Timestamps"...)
	case o.Kind == TCPOptTFO:
		return append(b, "TCP Fast Open"...)
	case o.Kind == TCPOptMPTCP:
		return append(b, "MPTCP"...)
	case tcpOptionUnnamed(o.Kind):
		return append(appendHex2(append(b, "Unknown (0x"...), o.Kind), ')')
	}
	b = append(b, "Unknown ("...)
	b = appendUint(b, uint64(o.Kind))
	return append(b, ')')
}

// dsack returns the first SACK block when it reports a duplicate segment
// (RFC 2883): below the acknowledgment number, or inside the second block.
func dsack(tc TCP, blocks []byte) (le, re uint32, ok bool) {
	if tc.Flags()&TCPAck == 0 || len(blocks) < 8 {
		return 0, 0, false
	}
	le, re = be32(blocks), be32(blocks[4:])
	if seqLT(le, tc.Ack()) {
		return le, re, true
	}
	if len(blocks) >= 16 {
		le2, re2 := be32(blocks[8:]), be32(blocks[12:])
		if !seqLT(le, le2) && !seqGT(re, re2) {
			return le, re, true
		}
	}
	return 0, 0, false
}

// appendCompleteness appends tcp.completeness as tshark words it.
func appendCompleteness(b []byte, v uint8) []byte {
	const est = tcpCompSynSent | tcpCompSynAck | tcpCompAck
	switch v {
	case tcpCompSynSent:
		b = append(b, "Incomplete, SYN_SENT ("...)
	case tcpCompSynSent | tcpCompSynAck:
		b = append(b, "Incomplete, CLIENT_ESTABLISHED ("...)
	case est:
		b = append(b, "Incomplete, ESTABLISHED ("...)
	case est | tcpCompData:
		b = append(b, "Incomplete, DATA ("...)
	case est | tcpCompData | tcpCompFin, est | tcpCompData | tcpCompRst, est | tcpCompData | tcpCompFin | tcpCompRst:
		b = append(b, "Complete, WITH_DATA ("...)
	case est | tcpCompFin, est | tcpCompRst, est | tcpCompFin | tcpCompRst:
		b = append(b, "Complete, NO_DATA ("...)
	default:
		b = append(b, "Incomplete ("...)
	}
	b = appendUint(b, uint64(v))
	return append(b, ')')
}

// emitTCPTimes emits the times in segment sg's stream, under tshark's
// "[Timestamps]" line.
func emitTCPTimes(e *emitter, sg *tcpSegment) {
	f := &tcpFields
	e.LineString("[Timestamps]")
	e.Sub()
	e.relSeconds(&f[tcpTimeRelative], sg.SinceFirst)
	e.relSeconds(&f[tcpTimeDelta], sg.SincePrev)
	e.Up()
}

// emitTCPAnalysis emits tshark's [SEQ/ACK analysis] of segment sg: what it
// acknowledges, the bytes in flight, and the analysis flags, which tshark
// adds as expert information (drawn as expert blocks in the tree).
func emitTCPAnalysis(e *emitter, sg *tcpSegment) {
	f := &tcpFields
	e.None(&f[tcpAnalysisTree])
	e.Sub()
	defer e.Up()
	if sg.AckedFrame != 0 {
		e.Uint(&f[tcpAnalysisAcksFrame], uint64(sg.AckedFrame))
		if !sg.RTT.isZero() {
			e.relSeconds(&f[tcpAnalysisAckRTT], sg.RTT)
		}
	}
	if !sg.IRTT.isZero() {
		e.relSeconds(&f[tcpAnalysisInitialRTT], sg.IRTT)
	}
	if sg.BytesInFlight != 0 {
		e.Uint(&f[tcpAnalysisBytesInFlight], uint64(sg.BytesInFlight))
		e.Uint(&f[tcpAnalysisPushBytesSent], uint64(sg.PushBytes))
	}
	fl := sg.Flags
	if fl == 0 {
		return
	}
	e.None(&f[tcpAnalysisFlags])
	e.Sub()
	defer e.Up()
	flag := func(k int, severity string) {
		e.Expert(true)
		e.None(&f[k])
		e.Expert(false)
		e.NoTree()
		e.ExpertLine(severity, "Sequence", f[k].Label, nil)
	}
	if fl&tcpAReusedPorts != 0 {
		flag(tcpAnalysisReusedPorts, "Note")
	}
	if fl&tcpARetransmission != 0 {
		flag(tcpAnalysisRetransmission, "Note")
		if !sg.RTO.isZero() {
			e.relSeconds(&f[tcpAnalysisRTO], sg.RTO)
			e.Uint(&f[tcpAnalysisRTOFrame], uint64(sg.RTOFrame))
		}
	}
	if fl&tcpAFastRetrans != 0 {
		flag(tcpAnalysisFastRetransmission, "Note")
		flag(tcpAnalysisRetransmission, "Note")
	}
	if fl&tcpASpuriousRetrans != 0 {
		flag(tcpAnalysisSpuriousRetransmission, "Note")
		flag(tcpAnalysisRetransmission, "Note")
	}
	if fl&tcpAOutOfOrder != 0 {
		flag(tcpAnalysisOutOfOrder, "Warning")
	}
	if fl&tcpALostPacket != 0 {
		flag(tcpAnalysisLostSegment, "Warning")
	}
	if fl&tcpAAckLostPacket != 0 {
		flag(tcpAnalysisAckLostSegment, "Warning")
	}
	if fl&tcpAWindowUpdate != 0 {
		flag(tcpAnalysisWindowUpdate, "Chat")
	}
	if fl&tcpAWindowFull != 0 {
		flag(tcpAnalysisWindowFull, "Warning")
	}
	if fl&tcpAKeepAlive != 0 {
		flag(tcpAnalysisKeepAlive, "Note")
	}
	if fl&tcpAKeepAliveAck != 0 {
		flag(tcpAnalysisKeepAliveAck, "Note")
	}
	if sg.DupAckNum != 0 {
		dup := fl&tcpADuplicateAck != 0
		if dup {
			e.None(&f[tcpAnalysisDuplicateAck])
			e.SetRepr(append(e.Text(), "This is a TCP duplicate ack"...))
		}
		e.Up() // the numbers are drawn beside the flags' line
		e.Uint(&f[tcpAnalysisDuplicateAckNum], uint64(sg.DupAckNum))
		e.Uint(&f[tcpAnalysisDuplicateAckFrame], uint64(sg.DupAckFrame))
		e.Sub()
		if e.all || !dup {
			e.Expert(true) // the expert info, a second time
			e.None(&f[tcpAnalysisDuplicateAck])
			e.Expert(false)
			e.NoTree()
		}
		var buf [16]byte
		n := append(buf[:0], "(#"...)
		e.ExpertLine("Note", "Sequence", "Duplicate ACK ", append(appendUint(n, uint64(sg.DupAckNum)), ')'))
	}
	if fl&tcpAZeroWindowProbe != 0 {
		flag(tcpAnalysisZeroWindowProbe, "Note")
	}
	if fl&tcpAZeroWindow != 0 {
		flag(tcpAnalysisZeroWindow, "Warning")
	}
	if fl&tcpAZeroWindowAck != 0 {
		flag(tcpAnalysisZeroWindowProbeAck, "Note")
	}
}

// relSeconds emits a relative time (relNstime); in a tree list, whose
// values only the tree reads, its text is the line's, "Label: N.NNNNNNNNN
// seconds", formatted once.
func (e *emitter) relSeconds(f *Field, d nstime) {
	if !e.tree {
		e.relNstime(f, d)
		return
	}
	off := len(e.aux)
	b := append(append(e.Text(), f.Label...), ": "...)
	e.TextDone(f, append(appendNstime(b, d), " seconds"...))
	if !e.lastDropped() {
		e.setRepr(len(e.recs)-1, off, len(e.aux))
	}
}

// relNstime emits a relative time, its text in seconds with nine
// decimals.
func (e *emitter) relNstime(f *Field, d nstime) {
	e.TextDone(f, appendNstime(e.Text(), d))
}
