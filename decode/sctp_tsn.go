package decode

import "time"

// tshark 4.0's TSN analysis, as far as it shows in one pass: Wireshark
// keeps each direction of an association (a half: source port,
// destination port and verification tag, not 0) with the TSNs its DATA
// and I-DATA chunks sent (the first one's frame and time), pairs the two
// halves by ports and addresses, and an NR-SACK chunk acknowledges the
// peer's TSNs: its cumulative TSN ACK those from where the last one
// stopped, each gap block (not the nr-gap blocks) the TSNs it names,
// unless the cumulative ACK of the same frame already acknowledged some
// (then it lists those of them it covers). Each TSN acknowledged for the
// first time is drawn under its line ("[Acknowledges TSN: N]", its frame
// and the time since). tshark does this for NR-SACK whatever its
// preferences; its SACK shows no such lines.
//
// Bound: sctpMaxHalves halves (a new association past it is not analysed)
// and, per half, the last sctpTSNSlots TSNs (direct-mapped by relative
// TSN; an older TSN is no longer acknowledged). A half allocates its
// table once, at its first DATA chunk.

const (
	sctpMaxHalves = 256
	sctpTSNSlots  = 4096
	sctpMaxAcks   = 64 // acknowledgement lines kept per packet
)

type sctpHalfKey struct {
	sp, dp uint16
	vtag   uint32
}

type sctpAddrKey struct {
	sp, dp uint16
	addr   [16]byte
}

type sctpTSNRec struct {
	used     bool
	tsn      uint32
	frame    int
	time     time.Time
	ackFrame int
	ackTime  time.Time
}

type sctpHalf struct {
	peer     *sctpHalf
	started  bool
	firstTSN uint32
	cummAck  uint32
	tsns     []sctpTSNRec
}

// sctpAck is one acknowledgement line: the NR-SACK chunk (its offset),
// the block (-1: the cumulative TSN ACK) and the TSN with its frame and
// the time since it was sent.
type sctpAck struct {
	chunk int32
	block int16
	tsn   uint32
	frame int32
	rtt   time.Duration
}

type sctpTSNState struct {
	halves  map[sctpHalfKey]*sctpHalf
	waiting map[sctpAddrKey]*sctpHalf // Wireshark's dirs_by_ptaddr; nil: paired
	acked   []*sctpTSNRec             // the TSNs this packet acknowledged, in order
}

// sctpHalfOf returns the half of SCTP packet s carried by IP layer ip (nil
// when Wireshark keeps none).
func (d *Decoder) sctpHalfOf(st *sctpTSNState, ip *Layer, s SCTP) *sctpHalf {
	vtag := be32(s[4:])
	if vtag == 0 {
		return nil
	}
	var src, dst [16]byte
	switch ip.Type {
	case LayerIPv4:
		copy(src[:], d.data[ip.Start+12:ip.Start+16])
		copy(dst[:], d.data[ip.Start+16:ip.Start+20])
	case LayerIPv6:
		copy(src[:], d.data[ip.Start+8:ip.Start+24])
		copy(dst[:], d.data[ip.Start+24:ip.Start+40])
	default:
		return nil
	}
	sp, dp := s.SrcPort(), s.DstPort()
	k := sctpHalfKey{sp, dp, vtag}
	h := st.halves[k]
	if h != nil && h.peer != nil {
		return h
	}
	if h == nil {
		if len(st.halves) >= sctpMaxHalves {
			return nil
		}
		h = &sctpHalf{}
		st.halves[k] = h
	}
	if w, ok := st.waiting[sctpAddrKey{dp, sp, dst}]; ok {
		if w == nil {
			st.waiting[sctpAddrKey{dp, sp, dst}] = h
		} else if w != h {
			h.peer, w.peer = w, h
			st.waiting[sctpAddrKey{dp, sp, dst}] = nil
		}
	} else if len(st.waiting) < 2*sctpMaxHalves {
		st.waiting[sctpAddrKey{sp, dp, src}] = h
	}
	return h
}

// rec returns the record of relative TSN rel (nil if not kept).
func (h *sctpHalf) rec(rel uint32) *sctpTSNRec {
	if h.tsns == nil {
		return nil
	}
	r := &h.tsns[rel%sctpTSNSlots]
	if !r.used || r.tsn-h.firstTSN != rel {
		return nil
	}
	return r
}

// sent records a DATA or I-DATA chunk's TSN (sctp_tsn) and returns its
// record.
func (h *sctpHalf) sent(tsn uint32, f *Frame) *sctpTSNRec {
	if !h.started {
		h.firstTSN, h.started = tsn, true
	}
	if h.tsns == nil {
		h.tsns = make([]sctpTSNRec, sctpTSNSlots)
	}
	rel := tsn - h.firstTSN
	if r := h.rec(rel); r != nil {
		return r
	}
	r := &h.tsns[rel%sctpTSNSlots]
	*r = sctpTSNRec{used: true, tsn: tsn, frame: f.Number, time: f.Time}
	return r
}

// sctpRetx is a DATA or I-DATA chunk (its offset) that sends a TSN again:
// the frame that sent it first, the time since, and the frame that
// acknowledged it before (0: none) with the time that took.
type sctpRetx struct {
	chunk    int32
	frame    int32
	after    time.Duration
	ackFrame int32
	ackRTT   time.Duration
}

// sctpMaxRetx bounds the retransmitted chunks kept per packet.
const sctpMaxRetx = 16

// retxOf returns the retransmission the chunk at off is (nil: none).
func (r *sctpBases) retxOf(off int) *sctpRetx {
	for k := range r.nretx {
		if int(r.retx[k].chunk) == off {
			return &r.retx[k]
		}
	}
	return nil
}

// emitSCTPRetx emits what tshark shows under a retransmitted chunk's
// TSN: the frame that sent it first and the time since, an acknowledgement
// that came before, and the frame that acknowledged it.
func emitSCTPRetx(e *emitter, x *sctpRetx) {
	f := &sctpFields
	e.Sub()
	e.Uint(&f[sctpRetransmission], uint64(x.frame))
	e.Sub()
	e.ExpertLine("Note", "Sequence", "Retransmitted TSN", nil)
	e.relSeconds(&f[sctpRetransmissionTime], durationNstime(x.after))
	if x.ackFrame != 0 {
		e.Uint(&f[sctpRetxAfterAck], uint64(x.ackFrame))
		if e.Tree() {
			b := appendUint(append(e.Text(), "This TSN was acked (in frame "...), uint64(x.ackFrame))
			e.SetRepr(append(b, ") prior to this retransmission (reneged ack?)"...))
		}
		e.Sub()
		e.ExpertLine("Warning", "Sequence", "This TSN was acked prior to this retransmission (reneged ack?).", nil)
		e.Up()
		e.Up()
		e.Uint(&f[sctpAcked], uint64(x.ackFrame))
		e.Sub()
		e.relSeconds(&f[sctpDataRTT], durationNstime(x.ackRTT))
	}
	e.Up()
	e.Up()
}

// durationNstime returns d as an nstime.
func durationNstime(d time.Duration) nstime {
	return nstime{int64(d / time.Second), int32(d % time.Second)}
}

// ackBlock is sctp_ack_block: the TSNs from start (nil: the cumulative
// ACK's start) to end the peer of h sent, acknowledged by block of the
// chunk at off.
func (d *Decoder) sctpAckBlock(st *sctpTSNState, r *sctpBases, h *sctpHalf, f *Frame, off int, block int, start *uint32, end uint32) {
	if h == nil || h.peer == nil || !h.peer.started {
		return
	}
	p := h.peer
	relEnd := end - p.firstTSN
	relStart := p.cummAck
	if start != nil {
		relStart = *start - p.firstTSN
	}
	if len(st.acked) > 0 {
		for _, t := range st.acked {
			rel := t.tsn - p.firstTSN
			if t.ackFrame == f.Number && (start == nil || relStart <= rel) && rel <= relEnd {
				r.addAck(off, block, t)
			}
		}
		return
	}
	if relEnd < relStart || relEnd-relStart > 0xffff0000 {
		return
	}
	if start == nil {
		p.cummAck = relEnd + 1
	}
	if relEnd-relStart >= 5000 {
		return
	}
	for rel := relStart; ; rel++ {
		if t := p.rec(rel); t != nil {
			if t.ackFrame == 0 {
				t.ackFrame, t.ackTime = f.Number, f.Time
				if len(st.acked) < sctpMaxAcks {
					st.acked = append(st.acked, t)
				}
			}
			if t.ackFrame == f.Number {
				r.addAck(off, block, t)
			}
		}
		if rel == relEnd {
			break
		}
	}
}

func (r *sctpBases) addAck(off, block int, t *sctpTSNRec) {
	if r.nacks < sctpMaxAcks {
		r.acks[r.nacks] = sctpAck{chunk: int32(off), block: int16(block), tsn: t.tsn, frame: int32(t.frame), rtt: t.ackTime.Sub(t.time)}
		r.nacks++
	}
}

// sctpTSNFrame runs the analysis over SCTP layer i of the packet and
// returns the packet's half (nil when Wireshark keeps none).
func (d *Decoder) sctpTSNFrame(i int, f *Frame, r *sctpBases) *sctpHalf {
	if i == 0 || d.layers[i].Quoted {
		return nil
	}
	if d.sctp.tsn == nil {
		d.sctp.tsn = &sctpTSNState{halves: make(map[sctpHalfKey]*sctpHalf), waiting: make(map[sctpAddrKey]*sctpHalf)}
	}
	st := d.sctp.tsn
	l := &d.layers[i]
	s := SCTP(d.data[l.Start:l.End])
	h := d.sctpHalfOf(st, &d.layers[i-1], s)
	if h == nil {
		return nil
	}
	st.acked = st.acked[:0]
	for off := 0; ; {
		c, next, ok := NextSCTPChunk(s.ChunkData(), off)
		if !ok {
			break
		}
		v := c.Value
		switch {
		case (c.Type == 0 || c.Type == 64) && len(v) >= 4:
			if t := h.sent(be32(v), f); t.frame != f.Number && r.nretx < sctpMaxRetx {
				x := sctpRetx{chunk: int32(c.Off), frame: int32(t.frame), after: f.Time.Sub(t.time)}
				if t.ackFrame != 0 && t.ackFrame < f.Number {
					x.ackFrame, x.ackRTT = int32(t.ackFrame), t.ackTime.Sub(t.time)
				}
				r.retx[r.nretx] = x
				r.nretx++
			}
		case c.Type == 16 && len(v) >= 16:
			cum := be32(v)
			d.sctpAckBlock(st, r, h, f, c.Off, -1, nil, cum)
			p := 16
			for k := 0; k < int(be16(v[8:])) && p+4 <= len(v); k++ {
				start := cum + uint32(be16(v[p:]))
				d.sctpAckBlock(st, r, h, f, c.Off, k, &start, cum+uint32(be16(v[p+2:])))
				p += 4
			}
		}
		off = next
	}
	return h
}

// emitSCTPAcks emits the acknowledgements of block (-1:
// the cumulative TSN ACK) of the NR-SACK chunk at off.
func emitSCTPAcks(e *emitter, bases *sctpBases, off, block int) {
	if bases == nil {
		return
	}
	for _, a := range bases.acks[:bases.nacks] {
		if int(a.chunk) != off || int(a.block) != block {
			continue
		}
		e.Uint(&sctpFields[sctpAckField], uint64(a.tsn))
		e.Sub()
		e.Uint(&sctpFields[sctpAckFrame], uint64(a.frame))
		e.relSeconds(&sctpFields[sctpSackRTT], durationNstime(a.rtt))
		e.Up()
	}
}
