package decode

// This file is the TCP half of the connection tracker (tracker.go):
// tshark 4.0's sequence analysis of each segment, from the segments before
// it in its conversation.

// Analysis flags of a TCP segment, as tshark's tcp.analysis.* fields.
const (
	tcpARetransmission  uint16 = 0x0001
	tcpALostPacket      uint16 = 0x0002 // previous segment not captured
	tcpAAckLostPacket   uint16 = 0x0004 // ACKed unseen segment
	tcpAKeepAlive       uint16 = 0x0008
	tcpADuplicateAck    uint16 = 0x0010
	tcpAZeroWindow      uint16 = 0x0020
	tcpAZeroWindowProbe uint16 = 0x0040
	tcpAZeroWindowAck   uint16 = 0x0080 // zero window probe ACK
	tcpAKeepAliveAck    uint16 = 0x0100
	tcpAOutOfOrder      uint16 = 0x0200
	tcpAFastRetrans     uint16 = 0x0400
	tcpAWindowUpdate    uint16 = 0x0800
	tcpAWindowFull      uint16 = 0x1000
	tcpAReusedPorts     uint16 = 0x2000
	tcpASpuriousRetrans uint16 = 0x4000
)

// Conversation completeness bits (tcp.completeness).
const (
	tcpCompSynSent = 0x01
	tcpCompSynAck  = 0x02
	tcpCompAck     = 0x04
	tcpCompData    = 0x08
	tcpCompFin     = 0x10
	tcpCompRst     = 0x20
)

// tcpSegment is what the tracker found for one TCP layer.
type tcpSegment struct {
	Stream       uint32 // tcp.stream
	Completeness uint8  // tcp.completeness as tshark prints it (before this segment)
	HaveLen      bool   // the segment length is known (not inside an ICMP error)
	Len          int    // tcp.len
	Seq, Ack     uint32 // relative sequence and acknowledgment numbers
	NextSeq      uint32 // tcp.nxtseq, relative (valid with HaveLen)
	Window       uint32 // tcp.window_size: the window scaled when the scale is known
	WinScale     int16  // the sender's shift: -1 unknown, -2 no scaling, else the shift
	SinceFirst   nstime // tcp.time_relative
	SincePrev    nstime // tcp.time_delta
	Closing      int8   // FIN: 1 this frame initiates the closing, 2 undergoes it
	Short        bool   // the IP payload is shorter than the header length announced

	// Sequence analysis (tshark's [SEQ/ACK analysis] tree), valid with Analysed.
	Analysed      bool
	Flags         uint16 // tcpA* flags
	AckedFrame    uint32 // tcp.analysis.acks_frame (0: none)
	RTT           nstime // tcp.analysis.ack_rtt
	IRTT          nstime // tcp.analysis.initial_rtt (zero: unknown yet)
	BytesInFlight uint32 // tcp.analysis.bytes_in_flight (0: not shown)
	PushBytes     uint32 // tcp.analysis.push_bytes_sent
	DupAckNum     uint32 // tcp.analysis.duplicate_ack_num (0: none)
	DupAckFrame   uint32 // tcp.analysis.duplicate_ack_frame
	RTO           nstime // tcp.analysis.rto
	RTOFrame      uint32 // tcp.analysis.rto_frame

	// Where the conversation is: its slot in the tracker's table and the
	// direction of the segment (0: from the key's a side). An output that
	// keeps state of its own per stream (--columns' reassembly) keeps it
	// by slot, checking Stream, so it is forgotten with the conversation.
	slot int32
	dir  uint8

	MP mptcpSeg // the MPTCP connection of a subflow's segment (mptcp.go)
}

type tcpUnacked struct {
	frame, seq, nextseq uint32
	ts                  nstime
}

// tcpFlow is one direction of a TCP conversation (tshark's tcp_flow_t).
type tcpFlow struct {
	base             uint32
	baseSet          bool
	winScale         int16
	window           uint32
	nextseq          uint32
	nextseqFrame     uint32
	nextseqTime      nstime
	lastack          uint32
	lastackTime      nstime
	maxseqtobeacked  uint32
	dupacknum        int32
	lastnondupack    uint32
	lastFlags        uint16
	validBIF         bool
	pushBytes        uint32
	pushSetLast      bool
	closingInitiator bool
	isFirstAck       bool
	nsack            int
	sackL, sackR     [4]uint32
	segs             []tcpUnacked // oldest first
	lowSeq           uint32       // the lowest seq of segs (wrapping order), with segs
	scanned          bool         // segs were scanned for scanAck since the last was added
	scanAck          uint32
}

type tcpConv struct {
	stream       uint32
	completeness uint8
	used         bool // clock bit for eviction
	first, prev  nstime
	mruSyn       nstime
	firstRTT     nstime
	flow         [2]tcpFlow // [0]: from the key's a side
	mp           int32      // the MPTCP connection (index plus one; 0: none)
	mpFlip       uint8      // the MPTCP side of flow[0] (mptcp.go)
}

// tcpView returns the TCP header of layer i: the header itself, or, when the
// capture ends inside it but has the 16 bytes up to the window, a copy
// padded with zeros into pad (cut is then true).
func tcpView(d *Decoder, i int, pad *[tcpMinLen]byte) (tc TCP, cut, ok bool) {
	l := &d.layers[i]
	switch {
	case l.Payload > l.Start:
		return TCP(d.data[l.Start:l.Payload]), false, true
	case l.End-l.Start >= 16:
		copy(pad[:], d.data[l.Start:l.End])
		return TCP(pad[:]), true, true
	}
	return nil, false, false
}

// ipFragmented reports whether the IP packet carrying layer i is a fragment
// (tshark then does not know the segment's length).
func ipFragmented(d *Decoder, i int) bool {
	for j := i - 1; j >= 0; j-- {
		l := &d.layers[j]
		switch l.Type {
		case LayerIPv4:
			ip := IPv4(d.data[l.Start:l.Payload])
			return ip.Flags()&1 != 0 || ip.FragOffset() != 0
		case LayerIPv6:
			return false
		case LayerIPv6Fragment:
			return true
		}
	}
	return false
}

// lookupTCP returns the conversation for k and its slot, creating it
// (with the next stream index) when absent or when fresh is set.
func (t *tracker) lookupTCP(k *convKey, now nstime, fresh bool) (c *tcpConv, slot int, isNew bool) {
	j, cell := t.tcpIdx.find(k)
	if j >= 0 && !fresh {
		c = &t.tcpConvs[j]
		c.used = true
		return c, j, false
	}
	switch {
	case j >= 0:
		// A new conversation on the same ports replaces the old one.
	case len(t.tcpConvs) < maxConvs:
		j = len(t.tcpConvs)
		if j < cap(t.tcpConvs) {
			t.tcpConvs = t.tcpConvs[:j+1] // after a reset: keep the slot's segment lists
		} else {
			t.tcpConvs = append(t.tcpConvs, tcpConv{})
		}
		t.tcpIdx.insert(k, j, cell)
	default:
		for t.tcpConvs[t.tcpHand].used {
			t.tcpConvs[t.tcpHand].used = false
			t.tcpHand = (t.tcpHand + 1) % len(t.tcpConvs)
		}
		j = t.tcpHand
		t.tcpIdx.remove(j)
		_, cell = t.tcpIdx.find(k) // the removal may have moved cells
		t.tcpIdx.insert(k, j, cell)
	}
	c = &t.tcpConvs[j]
	segs0, segs1 := c.flow[0].segs[:0], c.flow[1].segs[:0]
	*c = tcpConv{stream: t.tcpNext, used: true, first: now, prev: now}
	t.tcpNext++
	for f := range c.flow {
		c.flow[f].winScale = -1
		c.flow[f].window = ^uint32(0)
		c.flow[f].validBIF = true
	}
	c.flow[0].segs, c.flow[1].segs = segs0, segs1
	return c, j, true
}

func seqGT(a, b uint32) bool { return int32(a-b) > 0 }
func seqLT(a, b uint32) bool { return int32(a-b) < 0 }
func seqLE(a, b uint32) bool { return int32(a-b) <= 0 }

// segment analyses TCP layer i into s; false when the header is too short
// to be analysed.
func (t *tracker) segment(d *Decoder, i int, f *Frame, s *tcpSegment) bool {
	var pad [tcpMinLen]byte
	tc, cut, ok := tcpView(d, i, &pad)
	if !ok {
		return false
	}
	l := &d.layers[i]
	now := nstimeOf(f.Time)
	flags := tc.Flags()
	seq, ack := tc.Seq(), tc.Ack()
	k, rev := keyOf(d, i, tc.SrcPort(), tc.DstPort())
	c, slot, isNew := t.lookupTCP(&k, now, false)
	dir := 0
	if rev {
		dir = 1
	}
	*s = tcpSegment{}
	fwd := &c.flow[dir]
	reused := false
	if flags&(TCPSyn|TCPAck) == TCPSyn && fwd.baseSet {
		if seq != fwd.base {
			c, slot, _ = t.lookupTCP(&k, now, true)
			c.completeness = 1
			fwd = &c.flow[dir]
		} else {
			fwd.nextseq = fwd.maxseqtobeacked
		}
		reused = true
	}
	if flags&(TCPSyn|TCPAck) == TCPSyn|TCPAck && fwd.baseSet && seq != fwd.base {
		fwd.base = seq
		reused = true
	}
	bwd := &c.flow[1-dir]
	if rev && k.a == k.b && k.pa == k.pb {
		bwd = fwd // a conversation with itself: one direction
	}
	s.Stream, s.slot, s.dir = c.stream, int32(slot), uint8(dir)
	s.Completeness = c.completeness
	s.SinceFirst = now.sub(c.first)
	s.SincePrev = now.sub(c.prev)
	c.prev = now

	var ta tcpAnalysis
	ta.s = s
	if reused {
		ta.add(tcpAReusedPorts)
	}
	win := uint32(tc.Window())
	// The header length the header announces: with fewer bytes than that
	// (tshark's "short segment") the segment length is unknown.
	length := min(ipPayloadLen(d, i), f.Length-l.Start) - int(tc[12]>>4)*4
	known := !l.Quoted && !ipFragmented(d, i)
	if known && length < 0 {
		s.Short = true
	}
	if known && length >= 0 {
		s.HaveLen, s.Len = true, length
		if d.streamsOnly {
			setBases(fwd, bwd, seq, ack, flags)
		} else {
			t.analyse(c, fwd, bwd, &ta, f, now, seq, ack, uint32(length), flags, win)
		}
		seq -= fwd.base
		if flags&TCPAck != 0 {
			ack -= bwd.base
		}
		if flags&TCPSyn == 0 && fwd.winScale >= 0 {
			win <<= uint(fwd.winScale)
		}
		s.NextSeq = seq + uint32(length)
		if flags&(TCPSyn|TCPFin) != 0 {
			s.NextSeq++
		}
	}
	s.Seq, s.Ack, s.Window, s.WinScale = seq, ack, win, fwd.winScale
	if tc[12]>>4 < 5 {
		return true // tshark gives up at a bogus header length
	}

	// Conversation completeness, after it was shown.
	seglen := s.Len
	switch {
	case isNew:
		if flags&(TCPSyn|TCPAck) == TCPSyn {
			c.completeness |= tcpCompSynSent
			if seglen > 0 {
				c.completeness |= tcpCompData
			}
		}
	default:
		if flags&(TCPSyn|TCPAck) == TCPSyn|TCPAck {
			c.completeness |= tcpCompSynAck
		}
		if flags&(TCPSyn|TCPAck) == TCPAck {
			if seglen > 0 {
				c.completeness |= tcpCompData
			} else {
				c.completeness |= tcpCompAck
			}
		}
		if flags&(TCPFin|TCPAck) == TCPFin|TCPAck {
			c.completeness |= tcpCompFin
		}
		if flags&TCPRst != 0 {
			c.completeness |= tcpCompRst
		}
	}
	if flags&TCPSyn != 0 {
		if flags&TCPAck == 0 {
			c.mruSyn = now
		}
		fwd.isFirstAck = true
	}
	if flags&TCPFin != 0 {
		if !bwd.closingInitiator {
			fwd.closingInitiator = true
			s.Closing = 1
		} else {
			s.Closing = 2
		}
	}
	if flags&(TCPSyn|TCPAck) == TCPAck {
		if !c.mruSyn.isZero() && c.firstRTT.isZero() {
			c.firstRTT = now.sub(c.mruSyn)
		}
		fwd.isFirstAck = false
	}
	if ta.made {
		s.Analysed = true
		s.IRTT = c.firstRTT
	}
	if cut {
		return true
	}
	// Options: the window scale and SACK blocks, for the segments to come.
	fwd.nsack = 0
	for off := 0; ; {
		o, next, ok, bad := tc.NextOption(off)
		if !ok || bad {
			break
		}
		off = next
		switch {
		case o.Kind == TCPOptWScale && len(o.Data) == 1:
			fwd.winScale = int16(min(o.Data[0], 14))
		case o.Kind == TCPOptSACK && len(o.Data)%8 == 0:
			for j := 0; j < len(o.Data) && fwd.nsack < len(fwd.sackL); j += 8 {
				fwd.sackL[fwd.nsack], fwd.sackR[fwd.nsack] = be32(o.Data[j:]), be32(o.Data[j+4:])
				fwd.nsack++
			}
		case o.Kind == TCPOptMPTCP:
			t.mptcpOption(c, dir, flags, o, s)
		}
	}
	t.mptcpNote(c, s)
	if flags&TCPSyn != 0 {
		// verify_tcp_window_scaling
		switch {
		case fwd.winScale == -1:
			fwd.winScale, bwd.winScale = -2, -2
		case flags&TCPAck != 0 && bwd.winScale == -2:
			fwd.winScale = -2
		}
	}
	return true
}

// tcpAnalysis is the per-segment record tshark creates on demand ("ta"):
// the [SEQ/ACK analysis] tree is shown only when it exists.
type tcpAnalysis struct {
	s    *tcpSegment
	made bool
}

func (ta *tcpAnalysis) add(flag uint16) {
	ta.made = true
	ta.s.Flags |= flag
}

// setBases records each direction's first sequence number, from which
// the numbers are relative and by which a SYN with another tells a new
// connection on a reused port pair.
func setBases(fwd, bwd *tcpFlow, seq, ack uint32, flags uint16) {
	if !fwd.baseSet {
		fwd.base = seq
		if flags&TCPSyn == 0 {
			fwd.base = seq - 1
		}
		fwd.baseSet = true
	}
	if !bwd.baseSet && flags&TCPAck != 0 {
		bwd.base = ack - 1
		bwd.baseSet = true
	}
}

// analyse is tshark's tcp_analyze_sequence_number for a segment of seglen
// bytes going in direction fwd.
func (t *tracker) analyse(c *tcpConv, fwd, bwd *tcpFlow, ta *tcpAnalysis, f *Frame, now nstime,
	seq, ack, seglen uint32, flags uint16, window uint32) {
	s := ta.s
	frame := uint32(f.Number)
	setBases(fwd, bwd, seq, ack, flags)
	if flags&TCPAck != 0 {
		bwd.validBIF = true
	}
	noSFR := flags&(TCPSyn|TCPFin|TCPRst) == 0
	switch {
	case seglen == 1 && seq == fwd.nextseq && bwd.window == 0:
		ta.add(tcpAZeroWindowProbe)
		goto finishedFwd
	}
	if window == 0 && noSFR {
		ta.add(tcpAZeroWindow)
	}
	if fwd.nextseq != 0 && seqGT(seq, fwd.nextseq) && flags&TCPRst == 0 {
		ta.add(tcpALostPacket)
		fwd.validBIF = false
	}
	if (seglen == 0 || seglen == 1) && seq == fwd.nextseq-1 && noSFR {
		ta.add(tcpAKeepAlive)
	}
	if seglen == 0 && window != 0 && window != fwd.window && seq == fwd.nextseq && ack == fwd.lastack && noSFR {
		ta.add(tcpAWindowUpdate)
	}
	if seglen > 0 && bwd.winScale != -1 && noSFR {
		sh := uint(0)
		if !bwd.isFirstAck && bwd.winScale != -2 {
			sh = uint(bwd.winScale)
		}
		if seq+seglen == bwd.lastack+bwd.window<<sh {
			ta.add(tcpAWindowFull)
		}
	}
	if seglen == 0 && window != 0 && window == fwd.window && seq == fwd.nextseq && ack == fwd.lastack &&
		bwd.lastFlags&tcpAKeepAlive != 0 && noSFR {
		ta.add(tcpAKeepAliveAck)
		goto finishedFwd
	}
	if seglen == 0 && window == 0 && window == fwd.window && seq == fwd.nextseq && ack == fwd.lastack &&
		bwd.lastFlags&tcpAZeroWindowProbe != 0 && noSFR {
		ta.add(tcpAZeroWindowAck)
		goto finishedFwd
	}
	if seglen == 0 && window != 0 && window == fwd.window && seq == fwd.nextseq && ack == fwd.lastack && noSFR {
		if fwd.dupacknum == -1 {
			fwd.dupacknum = 1
		} else {
			fwd.dupacknum++
		}
		ta.add(tcpADuplicateAck)
		s.DupAckNum = uint32(fwd.dupacknum)
		s.DupAckFrame = fwd.lastnondupack
	}

finishedFwd:
	if ack != fwd.lastack {
		fwd.lastnondupack = frame
		fwd.dupacknum = 0
	}
	if bwd.maxseqtobeacked != 0 && seqGT(ack, bwd.maxseqtobeacked) && flags&TCPAck != 0 {
		// tshark 4.0 (unlike later versions) moves the bound up to the
		// highest segment seen when that is beyond it, and otherwise flags
		// only the first of several ACKs beyond it until the other side's
		// acknowledgment changes.
		ta.made = true
		if bwd.maxseqtobeacked < bwd.nextseq {
			bwd.maxseqtobeacked = bwd.nextseq
			ta.add(tcpAAckLostPacket)
		} else {
			if bwd.dupacknum == 0 {
				ta.add(tcpAAckLostPacket)
			}
			bwd.dupacknum = -1
		}
	}
	if seglen > 0 || flags&(TCPSyn|TCPFin) != 0 {
		t.retransmission(c, fwd, bwd, ta, now, seq, seglen, flags)
	}
	nextseq := seq + seglen
	if seglen > 0 || flags&(TCPSyn|TCPFin) != 0 {
		if flags&(TCPSyn|TCPFin) != 0 {
			nextseq++
		}
		t.addUnacked(fwd, tcpUnacked{frame: frame, seq: seq, nextseq: nextseq, ts: now})
	}
	zwp := s.Flags&tcpAZeroWindowProbe != 0
	if (seqGT(nextseq, fwd.nextseq) || fwd.nextseq == 0) && !zwp {
		fwd.nextseq, fwd.nextseqFrame, fwd.nextseqTime = nextseq, frame, now
	}
	if (seq == fwd.maxseqtobeacked || fwd.maxseqtobeacked == 0) && !zwp {
		fwd.maxseqtobeacked = fwd.nextseq
	}
	fwd.window = window
	fwd.lastack, fwd.lastackTime = ack, now
	fwd.lastFlags = s.Flags

	// Remove the segments this acknowledges in the other direction. A scan
	// would change nothing when the acknowledgment number is at or below
	// every segment's start, or when it is the last scan's and no segment
	// was added since: it is skipped then.
	if len(bwd.segs) > 0 && seqGT(ack, bwd.lowSeq) && (!bwd.scanned || bwd.scanAck != ack) {
		bwd.scanned, bwd.scanAck = true, ack
		kept := 0
		for j := range bwd.segs {
			u := &bwd.segs[j]
			switch {
			case ack == u.nextseq:
				if s.AckedFrame == 0 {
					ta.made = true
					s.AckedFrame = u.frame
					s.RTT = now.sub(u.ts)
				}
				continue
			case seqGT(ack, u.seq) && seqLE(ack, u.nextseq):
				u.seq = ack
			case seqGT(u.nextseq, ack):
			default:
				continue
			}
			if kept == 0 || seqLT(u.seq, bwd.lowSeq) {
				bwd.lowSeq = u.seq
			}
			if kept != j {
				bwd.segs[kept] = *u
			}
			kept++
		}
		bwd.segs = bwd.segs[:kept]
	}

	// Bytes in flight, from the unacknowledged segments of this direction.
	if seglen != 0 && len(fwd.segs) > 0 && fwd.validBIF {
		first, last := fwd.segs[0].seq-fwd.base, fwd.segs[0].nextseq-fwd.base
		for _, u := range fwd.segs {
			if u.nextseq-fwd.base > last {
				last = u.nextseq - fwd.base
			}
			if u.seq-fwd.base < first {
				first = u.seq - fwd.base
			}
		}
		inFlight := last - first
		for j := range bwd.nsack {
			inFlight -= bwd.sackR[j] - bwd.sackL[j]
		}
		if inFlight > 0 && inFlight < 2000000000 {
			ta.made = true
			s.BytesInFlight = inFlight
			if flags&(TCPSyn|TCPFin) != 0 {
				s.BytesInFlight--
			}
		}
		switch {
		case flags&TCPPsh != 0 && !fwd.pushSetLast:
			fwd.pushBytes += seglen
			fwd.pushSetLast = true
		case flags&TCPPsh != 0:
			fwd.pushBytes = seglen
		case fwd.pushSetLast:
			fwd.pushBytes = seglen
			fwd.pushSetLast = false
		default:
			fwd.pushBytes += seglen
		}
		ta.made = true
		s.PushBytes = fwd.pushBytes
	}
}

// retransmission decides between retransmission, fast retransmission,
// spurious retransmission and out-of-order for a segment that carries data
// or a SYN or FIN.
func (t *tracker) retransmission(c *tcpConv, fwd, bwd *tcpFlow, ta *tcpAnalysis, now nstime, seq, seglen uint32, flags uint16) {
	s := ta.s
	if s.Flags&tcpAKeepAlive != 0 {
		return
	}
	notAdvanced := fwd.nextseq != 0 && seqLT(seq, fwd.nextseq)
	if seglen > 1 && fwd.nextseq-1 == seq {
		notAdvanced = false
	}
	if seglen > 0 && bwd.lastack != 0 && seqLE(seq+seglen, bwd.lastack) {
		ta.add(tcpASpuriousRetrans)
		return
	}
	if t := now.nanosSince(bwd.lastackTime); notAdvanced && bwd.dupacknum >= 2 && bwd.lastack == seq && t >= 0 && t < 20000000 {
		ta.add(tcpAFastRetrans)
		return
	}
	thres := int64(3000000)
	if !c.firstRTT.isZero() {
		thres = c.firstRTT.s*1e9 + int64(c.firstRTT.ns)
	}
	extra := uint32(0)
	if flags&(TCPSyn|TCPFin) != 0 {
		extra = 1
	}
	if t := now.nanosSince(fwd.nextseqTime); notAdvanced && t >= 0 && t < thres && fwd.nextseq != seq+seglen+extra {
		ta.add(tcpAOutOfOrder)
		return
	}
	if notAdvanced {
		ta.add(tcpARetransmission)
		s.RTO = now.sub(fwd.nextseqTime)
		s.RTOFrame = fwd.nextseqFrame
		if len(fwd.segs) > 0 {
			u := fwd.segs[0] // the eldest unacknowledged segment
			s.RTO = now.sub(u.ts)
			s.RTOFrame = u.frame
		}
	}
}

// addUnacked remembers a segment until it is acknowledged, within the
// bounds: maxUnacked per direction, and no growth once all flows together
// hold maxConvs*4 entries.
func (t *tracker) addUnacked(fl *tcpFlow, u tcpUnacked) {
	if len(fl.segs) >= maxUnacked {
		return
	}
	fl.scanned = false
	if len(fl.segs) == 0 || seqLT(u.seq, fl.lowSeq) {
		fl.lowSeq = u.seq
	}
	if len(fl.segs) == cap(fl.segs) {
		if t.unacked >= maxConvs*4 {
			return
		}
		before := cap(fl.segs)
		fl.segs = append(fl.segs, u)
		t.unacked += cap(fl.segs) - before
		return
	}
	fl.segs = append(fl.segs, u)
}
