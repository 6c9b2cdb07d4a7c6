package decode

import "strconv"

// What tshark's TCP adds for a protocol it reassembles across segments
// (SSH's binary packets): "TCP segment data (N bytes)" in the subtree of
// a segment whose bytes belong to a PDU reassembled elsewhere, and, in the
// segment that completes the PDU, the block after TCP's subtree that lists
// its segments ("[3 Reassembled TCP Segments (296 bytes): #56(50), …]"),
// their count, the PDU's length and bytes (tshark's tcp fields, in TCP's
// table).

// protoOutside holds, in a field list for -T fields and -T ek, the fields
// tshark adds outside any protocol (the reassembly block after TCP's
// subtree): ek writes them at the layers' level ("tcp_tcp_segment_count").
var protoOutside = Field{Kind: KindProtocol}

// emitTCPSegmentData emits tcp.segment_data, the segment's payload pl
// (treeLen bytes in the tree's count), "TCP segment data (N bytes)" in the
// tree, or "Retransmitted TCP segment data (N bytes)" for a retransmission
// tshark does not hand to the protocol. Like tcp.payload, JSON leaves the
// bytes out (--raw has them).
func emitTCPSegmentData(e *emitter, pl []byte, treeLen int, retx bool) {
	if !e.all && !e.Tree() {
		return
	}
	e.Bytes(&tcpFields[tcpSegmentData], pl)
	if e.Tree() {
		b := e.Text()
		if retx {
			b = append(b, "Retransmitted "...)
		}
		b = strconv.AppendInt(append(b, "TCP segment data ("...), int64(treeLen), 10)
		if treeLen == 1 {
			e.SetRepr(append(b, " byte)"...))
		} else {
			e.SetRepr(append(b, " bytes)"...))
		}
	}
}

// emitTCPReassembled emits the segments a PDU was reassembled from (each
// one's frame and length), in the segment that completes it: tcp.segments
// and, beneath it, each segment's frame (tcp.segment), their count, the
// PDU's length and its bytes (left out of JSON, as packet bytes are).
// tshark draws the block at the tree's top level, after TCP's subtree and
// before the protocol's.
func emitTCPReassembled(e *emitter, frames, lens []uint32, pdu []byte) {
	f := &tcpFields
	if e.all && !e.Tree() {
		// -T ek writes the block's fields beside the protocols, as
		// tshark writes items outside any protocol; the caller's End
		// closes the block.
		e.End()
		e.Proto(&protoOutside)
	}
	e.None(&f[tcpSegments])
	e.NoTree()
	if e.Tree() {
		e.TopLines(true)
		b := appendUint(append(e.Text(), '['), uint64(len(frames)))
		b = strconv.AppendInt(append(b, " Reassembled TCP Segments ("...), int64(len(pdu)), 10)
		b = append(b, " bytes): "...)
		for k := range frames {
			if k > 0 {
				b = append(b, ", "...)
			}
			b = appendUint(append(b, '#'), uint64(frames[k]))
			b = append(appendUint(append(b, '('), uint64(lens[k])), ')')
		}
		e.Line(append(b, ']'))
		e.TopLines(false)
	}
	// The fields after it, at the depth of TCP's own, are drawn beneath
	// the block's line.
	off := uint64(0)
	for k := range frames {
		e.Uint(&f[tcpSegmentFrame], uint64(frames[k]))
		if e.Tree() {
			b := appendUint(append(e.Text(), "Frame: "...), uint64(frames[k]))
			b = appendUint(append(b, ", payload: "...), off)
			b = appendUint(append(b, '-'), off+uint64(lens[k])-1)
			b = appendUint(append(b, " ("...), uint64(lens[k]))
			if lens[k] == 1 {
				e.SetRepr(append(b, " byte)"...))
			} else {
				e.SetRepr(append(b, " bytes)"...))
			}
		}
		off += uint64(lens[k])
	}
	e.Uint(&f[tcpSegmentCount], uint64(len(frames)))
	e.Uint(&f[tcpReassembledLength], uint64(len(pdu)))
	if e.all || e.Tree() {
		e.Bytes(&f[tcpReassembledData], pdu)
	}
}
