package decode

// Reassembly of SCTP user messages sent in fragments, as tshark does by
// default (sctp.reassembly): DATA fragments of one stream sequence number
// and I-DATA fragments of one message identifier, in consecutive TSNs from
// the one with the B bit to the one with the E bit. The chunk that
// completes a message lists its fragments ("Reassembled SCTP Fragments")
// and the message goes to the upper protocol, Data here.

// sctpFrag is one fragment of a reassembled message: its frame and length.
type sctpFrag struct {
	frame, n int
}

// sctpMsg is the message a chunk of the packet completed: the chunk's
// offset in the chunk data, the first fragment's payload protocol
// identifier, the fragments and the message's bytes.
type sctpMsg struct {
	done  bool
	off   int
	ppid  uint32
	frags []sctpFrag
	data  []byte
}

func (m *sctpMsg) reset() {
	m.done, m.off, m.ppid = false, 0, 0
	m.frags, m.data = m.frags[:0], m.data[:0]
}

// keep copies src into r, into buffers of r's own.
func (r *sctpBases) keep(src *sctpBases) {
	r.out, r.in = src.out, src.in
	// The entries in use only: a note is copied for every packet.
	r.nacks, r.nretx = src.nacks, src.nretx
	copy(r.acks[:src.nacks], src.acks[:src.nacks])
	copy(r.retx[:src.nretx], src.retx[:src.nretx])
	r.msg.done, r.msg.off, r.msg.ppid = src.msg.done, src.msg.off, src.msg.ppid
	r.msg.frags = append(r.msg.frags[:0], src.msg.frags...)
	r.msg.data = append(r.msg.data[:0], src.msg.data...)
}

// sctpAsmSlots bounds the messages being reassembled at once; a new
// message past it takes the oldest one's place.
const sctpAsmSlots = 64

type sctpAsmKey struct {
	dir   uint32 // source and destination port
	sid   uint16
	idata bool
	seq   uint32 // the stream sequence number (DATA) or message identifier (I-DATA)
}

type sctpAsm struct {
	key   sctpAsmKey
	live  bool
	next  uint32 // the TSN the next fragment must have
	ppid  uint32
	age   uint64
	frags []sctpFrag
	data  []byte
}

type sctpAsms struct {
	slots []sctpAsm
	clock uint64
}

func (a *sctpAsms) forget() {
	for k := range a.slots {
		a.slots[k].live = false
	}
}

// add takes a DATA or I-DATA fragment c of direction dir in frame into the
// reassembly; when it completes a message it fills out.
func (a *sctpAsms) add(dir uint32, c SCTPChunk, frame int, out *sctpMsg) {
	v := c.Value
	key := sctpAsmKey{dir: dir, sid: be16(v[4:])}
	hdr, ppid := 12, be32(v[8:])
	if c.Type == 64 {
		key.idata, key.seq = true, be32(v[8:])
		hdr, ppid = 16, be32(v[12:])
	} else {
		key.seq = uint32(be16(v[6:]))
	}
	tsn, payload := be32(v), v[hdr:]
	s := a.find(key)
	if c.Flags&2 != 0 { // the first fragment
		if s == nil {
			s = a.free()
		}
		a.clock++
		*s = sctpAsm{key: key, live: true, next: tsn + 1, ppid: ppid, age: a.clock,
			frags: append(s.frags[:0], sctpFrag{frame, len(payload)}), data: append(s.data[:0], payload...)}
		return
	}
	if s == nil || tsn != s.next {
		return
	}
	s.next++
	s.frags = append(s.frags, sctpFrag{frame, len(payload)})
	s.data = append(s.data, payload...)
	if c.Flags&1 == 0 {
		return
	}
	s.live = false
	if out.done {
		return // rawcap shows one message a packet completes
	}
	out.done, out.off, out.ppid = true, c.Off, s.ppid
	out.frags = append(out.frags[:0], s.frags...)
	out.data = append(out.data[:0], s.data...)
}

func (a *sctpAsms) find(key sctpAsmKey) *sctpAsm {
	for k := range a.slots {
		if s := &a.slots[k]; s.live && s.key == key {
			return s
		}
	}
	return nil
}

// free returns a slot for a new message: an unused one, a new one, or the
// oldest.
func (a *sctpAsms) free() *sctpAsm {
	old := -1
	for k := range a.slots {
		s := &a.slots[k]
		if !s.live {
			return s
		}
		if old < 0 || s.age < a.slots[old].age {
			old = k
		}
	}
	if len(a.slots) < sctpAsmSlots {
		a.slots = append(a.slots, sctpAsm{})
		return &a.slots[len(a.slots)-1]
	}
	return &a.slots[old]
}

// sctpMsgIsData reports whether tshark hands the reassembled message m of
// a packet between ports sp and dp to its Data dissector.
func sctpMsgIsData(m *sctpMsg, sp, dp uint16) bool {
	return m.done && m.ppid == 0 && !sctpDataPort(sp) && !sctpDataPort(dp)
}

// emitSCTPReassembled emits the fragments of the message a chunk
// completed.
func emitSCTPReassembled(e *emitter, m *sctpMsg) {
	e.None(&sctpFields[sctpFragments])
	if e.Tree() {
		b := appendUint(append(e.Text(), "Reassembled SCTP Fragments ("...), uint64(len(m.data)))
		b = appendUint(append(b, " bytes, "...), uint64(len(m.frags)))
		e.SetRepr(append(b, " fragments): "...))
	}
	e.Sub()
	// tshark 4.0 numbers the payload from the message's length on.
	off := len(m.data)
	for _, f := range m.frags {
		e.Uint(&sctpFields[sctpFragment], uint64(f.frame))
		if e.Tree() {
			b := appendUint(append(e.Text(), "Frame: "...), uint64(f.frame))
			b = appendUint(append(b, ", payload: "...), uint64(off))
			b = appendUint(append(b, '-'), uint64(off+f.n-1))
			b = appendUint(append(b, " ("...), uint64(f.n))
			e.SetRepr(append(b, " bytes)"...))
		}
		off += f.n
	}
	e.Up()
}

// emitSCTPMsgData adds, for the tree, a message as tshark's Data protocol:
// at the tree's top level (top), or at the current depth (inside a PKTDROP
// chunk).
func emitSCTPMsgData(e *emitter, data []byte, top bool) {
	e.TopLines(top)
	b := appendBytesBits(append(e.Text(), "Data ("...), len(data))
	e.Line(append(b, ')'))
	e.RawLines(appendTreeHexDump(e.Text(), data))
	e.Sub()
	e.Line(appendWSBytes(append(e.Text(), "Data: "...), data))
	b = appendUint(append(e.Text(), "[Length: "...), uint64(len(data)))
	e.Line(append(b, ']'))
	e.Up()
	e.TopLines(false)
}

// sctpOwnData returns the user data that SCTP layer i of the packet d
// holds hands to tshark's Data dissector where rawcap has no layer for it
// (nil if none): a message the packet completed, or the one complete DATA
// or I-DATA chunk that ends the packet but for its padding.
func sctpOwnData(d *Decoder, i int, r *sctpBases) []byte {
	l := &d.layers[i]
	if l.Malformed != "" || i != d.n-1 {
		return nil
	}
	s := SCTP(d.data[l.Start:l.End])
	sp, dp := s.SrcPort(), s.DstPort()
	if r != nil && r.nretx > 0 {
		return nil // tshark hands no retransmitted data on
	}
	if r != nil && r.msg.done {
		if sctpMsgIsData(&r.msg, sp, dp) {
			return r.msg.data
		}
		return nil
	}
	var data SCTPChunk
	ndata, last := 0, false
	for off := 0; ; {
		c, next, ok := NextSCTPChunk(s.ChunkData(), off)
		if !ok {
			break
		}
		off, last = next, false
		if c.Type == 0 || c.Type == 64 {
			ndata++
			data, last = c, true
		}
	}
	hdr := 12
	if data.Type == 64 {
		hdr = 16
	}
	if ndata != 1 || !last || data.Cut || len(data.Pad) == 0 || len(data.Value) <= hdr || data.Flags&3 != 3 ||
		be32(data.Value[hdr-4:]) != 0 || sctpDataPort(sp) || sctpDataPort(dp) {
		return nil
	}
	return data.Value[hdr:]
}
