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
	if l.Quoted || l.Payload == l.End {
		return LayerNone
	}
	next := d.Ports.Lookup(TransportTCP, t.SrcPort(), t.DstPort())
	if next == LayerHTTP && d.http2Dispatch(t, d.data[l.Payload:l.End]) {
		return LayerHTTP2
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
	tcpHdrLen
	tcpFlags
	tcpFlagsAe
	tcpFlagsCwr
	tcpFlagsEce
	tcpFlagsUrg
	tcpFlagsAck
	tcpFlagsPush
	tcpFlagsReset
	tcpFlagsSyn
	tcpFlagsFin
	tcpWindowSizeValue
	tcpWindowSize
	tcpWindowSizeScalefactor
	tcpChecksum
	tcpUrgentPointer
	tcpOptionsMSSVal
	tcpOptionsWscaleShift
	tcpOptionsSackPerm
	tcpOptionsSackLe
	tcpOptionsSackRe
	tcpOptionsSackCount
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
	tcpLen:                            {Name: "tcp.len", Label: "TCP Segment Len", Kind: KindUint, Width: 32},
	tcpSeq:                            {Name: "tcp.seq", Label: "Sequence Number", Kind: KindUint, Width: 32},
	tcpSeqRaw:                         {Name: "tcp.seq_raw", Label: "Sequence Number (raw)", Kind: KindUint, Width: 32},
	tcpNxtseq:                         {Name: "tcp.nxtseq", Label: "Next Sequence Number", Kind: KindUint, Width: 32, Generated: true},
	tcpAck:                            {Name: "tcp.ack", Label: "Acknowledgment Number", Kind: KindUint, Width: 32},
	tcpAnalysisTFOAck:                 {Name: "tcp.analysis.tfo_ack", Label: "TCP SYN-ACK accepting TFO data", Kind: KindNone, Generated: true},
	tcpAckRaw:                         {Name: "tcp.ack_raw", Label: "Acknowledgment number (raw)", Kind: KindUint, Width: 32},
	tcpHdrLen:                         {Name: "tcp.hdr_len", Label: "Header Length", Kind: KindUint, Width: 8},
	tcpFlags:                          {Name: "tcp.flags", Label: "Flags", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xfff},
	tcpFlagsAe:                        {Name: "tcp.flags.ae", Label: "Accurate ECN", Kind: KindBool, Width: 12, Mask: 0x100},
	tcpFlagsCwr:                       {Name: "tcp.flags.cwr", Label: "Congestion Window Reduced", Kind: KindBool, Width: 12, Mask: 0x80},
	tcpFlagsEce:                       {Name: "tcp.flags.ece", Label: "ECN-Echo", Kind: KindBool, Width: 12, Mask: 0x40},
	tcpFlagsUrg:                       {Name: "tcp.flags.urg", Label: "Urgent", Kind: KindBool, Width: 12, Mask: 0x20},
	tcpFlagsAck:                       {Name: "tcp.flags.ack", Label: "Acknowledgment", Kind: KindBool, Width: 12, Mask: 0x10},
	tcpFlagsPush:                      {Name: "tcp.flags.push", Label: "Push", Kind: KindBool, Width: 12, Mask: 0x8},
	tcpFlagsReset:                     {Name: "tcp.flags.reset", Label: "Reset", Kind: KindBool, Width: 12, Mask: 0x4},
	tcpFlagsSyn:                       {Name: "tcp.flags.syn", Label: "Syn", Kind: KindBool, Width: 12, Mask: 0x2},
	tcpFlagsFin:                       {Name: "tcp.flags.fin", Label: "Fin", Kind: KindBool, Width: 12, Mask: 0x1},
	tcpWindowSizeValue:                {Name: "tcp.window_size_value", Label: "Window", Kind: KindUint, Width: 16},
	tcpWindowSize:                     {Name: "tcp.window_size", Label: "Calculated window size", Kind: KindUint, Width: 32, Generated: true},
	tcpWindowSizeScalefactor:          {Name: "tcp.window_size_scalefactor", Label: "Window size scaling factor", Kind: KindInt, Width: 32, Generated: true},
	tcpChecksum:                       {Name: "tcp.checksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	tcpUrgentPointer:                  {Name: "tcp.urgent_pointer", Label: "Urgent Pointer", Kind: KindUint, Width: 16},
	tcpOptionsMSSVal:                  {Name: "tcp.options.mss_val", Label: "MSS Value", Kind: KindUint, Width: 16},
	tcpOptionsWscaleShift:             {Name: "tcp.options.wscale.shift", Label: "Shift count", Kind: KindUint, Width: 8},
	tcpOptionsSackPerm:                {Name: "tcp.options.sack_perm", Label: "TCP Option - SACK permitted", Kind: KindProtocol},
	tcpOptionsSackLe:                  {Name: "tcp.options.sack_le", Label: "TCP SACK Left Edge", Kind: KindUint, Width: 32},
	tcpOptionsSackRe:                  {Name: "tcp.options.sack_re", Label: "TCP SACK Right Edge", Kind: KindUint, Width: 32},
	tcpOptionsSackCount:               {Name: "tcp.options.sack.count", Label: "TCP SACK Count", Kind: KindUint, Width: 8, Generated: true},
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
}

var protoTCP = protoField("tcp", "Transmission Control Protocol")

// emitTCP emits a TCP header's fields in tshark's order, with what the
// connection tracker found for the segment (tcp.stream, relative sequence
// and acknowledgment numbers, the calculated window, the times in the
// stream, the sequence analysis) when e has it; the numbers are raw
// otherwise. The generated fields appear where -V draws their lines.
func emitTCP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoTCP)
	raw := d.data[l.Start:l.Payload]
	// A header cut by the snap length shows the fields it holds, as
	// tshark's does: they are read from a zero-padded copy.
	var pad [tcpMinLen]byte
	have := len(raw)
	if l.Payload == l.Start && l.Malformed != "" && l.End-l.Start >= 4 && l.End-l.Start < tcpMinLen {
		have = copy(pad[:], d.data[l.Start:l.End])
		raw = pad[:]
	}
	if len(raw) == 0 {
		e.End()
		return
	}
	partial := have < len(raw)
	t := TCP(raw)
	f := &tcpFields
	sg := e.conv.tcp(i)
	if have < 16 {
		sg = nil // the tracker does not take a header without its window
	}
	e.Uint(&f[tcpSrcport], uint64(t.SrcPort()))
	e.Uint(&f[tcpDstport], uint64(t.DstPort()))
	if e.all { // hidden: JSON does not show it
		e.Hidden(true)
		e.Uint(&f[tcpPort], uint64(t.SrcPort()))
		e.Uint(&f[tcpPort], uint64(t.DstPort()))
		e.Hidden(false)
	}
	if sg != nil {
		e.Uint(&f[tcpStream], uint64(sg.Stream))
		e.Uint(&f[tcpCompleteness], uint64(sg.Completeness))
	}
	if have >= 13 {
		// Like tshark, count only the bytes the frame had on the wire.
		length := min((&LinePrinter{}).ipPayloadLen(d, i), e.wire-l.Start) - t.HeaderLen()
		e.Int(&f[tcpLen], int64(length))
	}
	if have >= 14 {
		seq, ack := t.Seq(), t.Ack()
		if sg != nil {
			seq, ack = sg.Seq, sg.Ack
		}
		fl := t.Flags()
		e.Uint(&f[tcpSeq], uint64(seq))
		e.Uint(&f[tcpSeqRaw], uint64(t.Seq()))
		if sg != nil && sg.HaveLen {
			e.Uint(&f[tcpNxtseq], uint64(sg.NextSeq))
		}
		e.Uint(&f[tcpAck], uint64(ack))
		if fl&(TCPSyn|TCPAck) == TCPSyn|TCPAck && sg != nil && ack > 1 {
			e.Expert(true) // the SYN's data (TCP Fast Open) is acknowledged
			e.None(&f[tcpAnalysisTFOAck])
			e.Expert(false)
		}
		e.Uint(&f[tcpAckRaw], uint64(t.Ack()))
		e.Uint(&f[tcpHdrLen], uint64(t.HeaderLen()))
		e.Uint(&f[tcpFlags], uint64(fl))
		e.Bool(&f[tcpFlagsAe], fl&TCPAE != 0)
		e.Bool(&f[tcpFlagsCwr], fl&TCPCwr != 0)
		e.Bool(&f[tcpFlagsEce], fl&TCPEce != 0)
		e.Bool(&f[tcpFlagsUrg], fl&TCPUrg != 0)
		e.Bool(&f[tcpFlagsAck], fl&TCPAck != 0)
		e.Bool(&f[tcpFlagsPush], fl&TCPPsh != 0)
		e.Bool(&f[tcpFlagsReset], fl&TCPRst != 0)
		e.Bool(&f[tcpFlagsSyn], fl&TCPSyn != 0)
		e.Bool(&f[tcpFlagsFin], fl&TCPFin != 0)
	}
	if have >= 16 {
		e.Uint(&f[tcpWindowSizeValue], uint64(t.Window()))
		if sg != nil {
			e.Uint(&f[tcpWindowSize], uint64(sg.Window))
			if t.Flags()&TCPSyn == 0 {
				scale := int64(sg.WinScale) // -1 unknown, -2 no scaling
				if scale >= 0 {
					scale = 1 << scale
				}
				e.Int(&f[tcpWindowSizeScalefactor], scale)
			}
		}
	}
	if have >= 18 {
		e.Uint(&f[tcpChecksum], uint64(t.Checksum()))
	}
	if have >= 20 {
		e.Uint(&f[tcpUrgentPointer], uint64(t.Urgent()))
	}
	if partial {
		e.End()
		return
	}
	sackBase := uint32(0) // SACK edges are relative to the acknowledgment space
	if sg != nil {
		sackBase = t.Ack() - sg.Ack
	}
	for off := 0; ; {
		o, next, ok, bad := t.NextOption(off)
		if !ok || bad {
			break
		}
		off = next
		switch {
		case o.Kind == TCPOptMSS && len(o.Data) == 2:
			e.Uint(&f[tcpOptionsMSSVal], uint64(be16(o.Data)))
		case o.Kind == TCPOptWScale && len(o.Data) == 1:
			e.Uint(&f[tcpOptionsWscaleShift], uint64(o.Data[0]))
		case o.Kind == TCPOptSACKOK:
			e.Bytes(&f[tcpOptionsSackPerm], tcpSACKPermOption[:])
		case o.Kind == TCPOptSACK && len(o.Data)%8 == 0:
			for j := 0; j < len(o.Data); j += 8 {
				e.Uint(&f[tcpOptionsSackLe], uint64(be32(o.Data[j:])-sackBase))
				e.Uint(&f[tcpOptionsSackRe], uint64(be32(o.Data[j+4:])-sackBase))
				if !e.all {
					break // JSON shows the first block
				}
			}
			e.Uint(&f[tcpOptionsSackCount], uint64(len(o.Data)/8))
		case o.Kind == TCPOptTimestamp && len(o.Data) == 8:
			e.Uint(&f[tcpOptionsTimestampTSval], uint64(be32(o.Data)))
			e.Uint(&f[tcpOptionsTimestampTSecr], uint64(be32(o.Data[4:])))
		}
	}
	if sg == nil {
		e.End()
		return
	}
	e.relNstime(&f[tcpTimeRelative], sg.SinceFirst)
	e.relNstime(&f[tcpTimeDelta], sg.SincePrev)
	if sg.Analysed {
		emitTCPAnalysis(e, sg)
	}
	// The payload's bytes, but for JSON, whose object leaves packet bytes
	// to --raw; a RST's data is its reset cause.
	if e.all && sg.HaveLen && sg.Len > 0 && t.Flags()&TCPRst == 0 {
		if pl := d.data[l.Payload:l.End]; len(pl) > 0 {
			e.Bytes(&f[tcpPayload], pl)
		}
	}
	e.End()
}

// emitTCPAnalysis emits tshark's [SEQ/ACK analysis] of segment sg: what it
// acknowledges, the bytes in flight, and the analysis flags, which tshark
// adds as expert information.
func emitTCPAnalysis(e *emitter, sg *tcpSegment) {
	f := &tcpFields
	e.None(&f[tcpAnalysisTree])
	if sg.AckedFrame != 0 {
		e.Uint(&f[tcpAnalysisAcksFrame], uint64(sg.AckedFrame))
		if !sg.RTT.isZero() {
			e.relNstime(&f[tcpAnalysisAckRTT], sg.RTT)
		}
	}
	if !sg.IRTT.isZero() {
		e.relNstime(&f[tcpAnalysisInitialRTT], sg.IRTT)
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
	flag := func(k int) {
		e.Expert(true)
		e.None(&f[k])
		e.Expert(false)
	}
	if fl&tcpAReusedPorts != 0 {
		flag(tcpAnalysisReusedPorts)
	}
	if fl&tcpARetransmission != 0 {
		flag(tcpAnalysisRetransmission)
		if !sg.RTO.isZero() {
			e.relNstime(&f[tcpAnalysisRTO], sg.RTO)
			e.Uint(&f[tcpAnalysisRTOFrame], uint64(sg.RTOFrame))
		}
	}
	if fl&tcpAFastRetrans != 0 {
		flag(tcpAnalysisFastRetransmission)
		flag(tcpAnalysisRetransmission)
	}
	if fl&tcpASpuriousRetrans != 0 {
		flag(tcpAnalysisSpuriousRetransmission)
		flag(tcpAnalysisRetransmission)
	}
	if fl&tcpAOutOfOrder != 0 {
		flag(tcpAnalysisOutOfOrder)
	}
	if fl&tcpALostPacket != 0 {
		flag(tcpAnalysisLostSegment)
	}
	if fl&tcpAAckLostPacket != 0 {
		flag(tcpAnalysisAckLostSegment)
	}
	if fl&tcpAWindowUpdate != 0 {
		flag(tcpAnalysisWindowUpdate)
	}
	if fl&tcpAWindowFull != 0 {
		flag(tcpAnalysisWindowFull)
	}
	if fl&tcpAKeepAlive != 0 {
		flag(tcpAnalysisKeepAlive)
	}
	if fl&tcpAKeepAliveAck != 0 {
		flag(tcpAnalysisKeepAliveAck)
	}
	if sg.DupAckNum != 0 {
		dup := fl&tcpADuplicateAck != 0
		if dup {
			e.None(&f[tcpAnalysisDuplicateAck]) // "This is a TCP duplicate ack"
		}
		e.Uint(&f[tcpAnalysisDuplicateAckNum], uint64(sg.DupAckNum))
		e.Uint(&f[tcpAnalysisDuplicateAckFrame], uint64(sg.DupAckFrame))
		if e.all || !dup {
			flag(tcpAnalysisDuplicateAck) // the expert info, a second time
		}
	}
	if fl&tcpAZeroWindowProbe != 0 {
		flag(tcpAnalysisZeroWindowProbe)
	}
	if fl&tcpAZeroWindow != 0 {
		flag(tcpAnalysisZeroWindow)
	}
	if fl&tcpAZeroWindowAck != 0 {
		flag(tcpAnalysisZeroWindowProbeAck)
	}
}

// relNstime emits a relative time, its text in seconds with nine
// decimals.
func (e *emitter) relNstime(f *Field, d nstime) {
	e.TextDone(f, appendNstime(e.Text(), d))
}

// tcpSACKPermOption is the SACK-permitted option's bytes (kind 4, length
// 2): tshark shows the option's field as its bytes.
var tcpSACKPermOption = [2]byte{TCPOptSACKOK, 2}
