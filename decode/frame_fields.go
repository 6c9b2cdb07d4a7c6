package decode

import (
	"time"
)

// This file declares the frame's own fields (Wireshark's frame protocol):
// what the capture file says of a packet rather than its bytes.

// The fields whose text takes time to make (times, protocols) come first:
// FieldsPrinter asks for them by a bit each (emitFrame's want).
const (
	frameNumber = iota
	frameTime
	frameTimeEpoch
	frameTimeDelta
	frameTimeDeltaDisplayed
	frameTimeRelative
	frameLen
	frameCapLen
	frameProtocols
	frameInterfaceID
	frameInterfaceName
	frameInterfaceDescription
	frameComment
	frameEncapType
	frameSectionNumber
	frameOffsetShift
	frameMarked
	frameIgnored
	frameP2PDir
	framePacketFlags
	framePacketFlagsDirection
	framePacketFlagsReceptionType
	framePacketFlagsFCSLength
	framePacketFlagsReserved
	framePacketFlagsCRCError
	framePacketFlagsTooLongError
	framePacketFlagsTooShortError
	framePacketFlagsInterFrameGapError
	framePacketFlagsUnalignedError
	framePacketFlagsStartDelimiterError
	framePacketFlagsPreambleError
	framePacketFlagsSymbolError
	frameCommentExpert
	frameFieldCount
)

var frameFields = [frameFieldCount]Field{
	frameNumber:                         {Name: "frame.number", Label: "Frame Number", Kind: KindUint, Width: 32},
	frameTime:                           {Name: "frame.time", Label: "Arrival Time", Kind: KindTime},
	frameTimeEpoch:                      {Name: "frame.time_epoch", Label: "Epoch Time", Kind: KindRelTime, Unit: " seconds"},
	frameTimeDelta:                      {Name: "frame.time_delta", Label: "Time delta from previous captured frame", Kind: KindRelTime, Unit: " seconds", Generated: true},
	frameTimeDeltaDisplayed:             {Name: "frame.time_delta_displayed", Label: "Time delta from previous displayed frame", Kind: KindRelTime, Unit: " seconds", Generated: true},
	frameTimeRelative:                   {Name: "frame.time_relative", Label: "Time since reference or first frame", Kind: KindRelTime, Unit: " seconds", Generated: true},
	frameLen:                            {Name: "frame.len", Label: "Frame length on the wire", Kind: KindUint, Width: 32},
	frameCapLen:                         {Name: "frame.cap_len", Label: "Frame length stored into the capture file", Kind: KindUint, Width: 32},
	frameProtocols:                      {Name: "frame.protocols", Label: "Protocols in frame", Kind: KindString, Generated: true},
	frameInterfaceID:                    {Name: "frame.interface_id", Label: "Interface id", Kind: KindUint, Width: 32},
	frameInterfaceName:                  {Name: "frame.interface_name", Label: "Interface name", Kind: KindString},
	frameInterfaceDescription:           {Name: "frame.interface_description", Label: "Interface description", Kind: KindString},
	frameComment:                        {Name: "frame.comment", Label: "Comment", Kind: KindString},
	frameEncapType:                      {Name: "frame.encap_type", Label: "Encapsulation type", Kind: KindInt, Width: 16},
	frameSectionNumber:                  {Name: "frame.section_number", Label: "Section number", Kind: KindUint, Width: 32},
	frameOffsetShift:                    {Name: "frame.offset_shift", Label: "Time shift for this packet", Kind: KindRelTime, Unit: " seconds", Generated: true},
	frameMarked:                         {Name: "frame.marked", Label: "Frame is marked", Kind: KindBool, Generated: true},
	frameIgnored:                        {Name: "frame.ignored", Label: "Frame is ignored", Kind: KindBool, Generated: true},
	frameP2PDir:                         {Name: "frame.p2p_dir", Label: "Point-to-Point Direction", Kind: KindInt, Width: 8},
	framePacketFlags:                    {Name: "frame.packet_flags", Label: "Packet flags", Kind: KindUint, Width: 32, Base: BaseHex},
	framePacketFlagsDirection:           {Name: "frame.packet_flags_direction", Label: "Direction", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x3},
	framePacketFlagsReceptionType:       {Name: "frame.packet_flags_reception_type", Label: "Reception type", Kind: KindUint, Width: 32, Mask: 0x1c},
	framePacketFlagsFCSLength:           {Name: "frame.packet_flags_fcs_length", Label: "FCS length", Kind: KindUint, Width: 32, Mask: 0x1e0},
	framePacketFlagsReserved:            {Name: "frame.packet_flags_reserved", Label: "Reserved", Kind: KindUint, Width: 32, Mask: 0xfe00},
	framePacketFlagsCRCError:            {Name: "frame.packet_flags_crc_error", Label: "CRC error", Kind: KindBool, Width: 32, Mask: 0x1000000},
	framePacketFlagsTooLongError:        {Name: "frame.packet_flags_packet_too_error", Label: "Packet too long error", Kind: KindBool, Width: 32, Mask: 0x2000000},
	framePacketFlagsTooShortError:       {Name: "frame.packet_flags_packet_too_short_error", Label: "Packet too short error", Kind: KindBool, Width: 32, Mask: 0x4000000},
	framePacketFlagsInterFrameGapError:  {Name: "frame.packet_flags_wrong_inter_frame_gap_error", Label: "Wrong interframe gap error", Kind: KindBool, Width: 32, Mask: 0x8000000},
	framePacketFlagsUnalignedError:      {Name: "frame.packet_flags_unaligned_frame_error", Label: "Unaligned frame error", Kind: KindBool, Width: 32, Mask: 0x10000000},
	framePacketFlagsStartDelimiterError: {Name: "frame.packet_flags_start_frame_delimiter_error", Label: "Start frame delimiter error", Kind: KindBool, Width: 32, Mask: 0x20000000},
	framePacketFlagsPreambleError:       {Name: "frame.packet_flags_preamble_error", Label: "Preamble error", Kind: KindBool, Width: 32, Mask: 0x40000000},
	framePacketFlagsSymbolError:         {Name: "frame.packet_flags_symbol_error", Label: "Symbol error", Kind: KindBool, Width: 32, Mask: 0x80000000},
	frameCommentExpert:                  {Name: "frame.comment.expert", Label: "Formatted comment", Kind: KindNone},
}

var protoFrame = protoField("frame", "Frame")

// frameClock is what the frame's time fields take from the packets before:
// the first packet's time and the previous one's.
type frameClock struct {
	first, prev time.Time
	started     bool
}

// tick records t as the next packet's time and returns the first packet's
// and the previous packet's times.
func (c *frameClock) tick(t time.Time) (first, prev time.Time) {
	if !c.started {
		c.first, c.prev, c.started = t, t, true
	}
	first, prev = c.first, c.prev
	c.prev = t
	return first, prev
}

// protoPktComment is the protocol tshark puts before the frame for a pcapng
// packet's comments ("Packet comments"): each frame.comment, with its
// expert item.
var protoPktComment = protoField("pkt_comment", "Packet comments")

// arrivalStamp formats frame.time as tshark shows it ("Dec 21, 2024
// 04:30:50.619187329 UTC"): the date and the zone change at most once a
// second, so they are formatted then and only the nanoseconds for every
// packet.
type arrivalStamp struct {
	date, zone []byte
	sec        int64
	loc        *time.Location
	ok         bool
}

// append appends t in loc.
func (s *arrivalStamp) append(b []byte, t time.Time, loc *time.Location) []byte {
	if sec := t.Unix(); !s.ok || sec != s.sec || loc != s.loc {
		lt := t.In(loc)
		s.date = lt.AppendFormat(s.date[:0], "Jan _2, 2006 15:04:05.")
		s.zone = lt.AppendFormat(s.zone[:0], " MST")
		s.ok, s.sec, s.loc = true, sec, loc
	}
	b = append(b, s.date...)
	b = appendNanos(b, uint32(t.Nanosecond()))
	return append(b, s.zone...)
}

// emitFrame emits the frame's fields for the packet e.d last decoded,
// described by f, in the order and nesting of tshark's tree (the pcapng
// comments first, as the protocol tshark draws before the frame), with the
// times of the capture's first frame, of the previous captured frame and
// of the previous displayed one; loc is the zone of frame.time, formatted
// by stamp. Of the fields whose text takes time to make (times,
// protocols), only those with their bit set in want (by frameFields index)
// are emitted. The -V tree draws the frame itself (TreePrinter.frame).
func emitFrame(e *emitter, f *Frame, first, prev, shown time.Time, loc *time.Location, want uint64, stamp *arrivalStamp) {
	fs := &frameFields
	if f.Section > 0 && len(f.Comments) > 0 {
		e.Proto(&protoPktComment)
		for _, c := range f.Comments {
			e.String(&fs[frameComment], c)
			e.Sub()
			e.Expert(true)
			e.None(&fs[frameCommentExpert])
			e.Expert(false)
			e.Up()
		}
		e.End()
	}
	e.Proto(&protoFrame)
	e.setSpan(len(e.recs)-1, 0, len(e.d.data))
	if e.tree {
		e.SetRepr(appendFrameTitle(e.Text(), f, len(e.d.data)))
	}
	caplen := len(e.d.data)
	ifName := frameIfaceName(f)
	if f.Section > 0 {
		e.Uint(&fs[frameSectionNumber], uint64(f.Section))
	}
	if ifName != "" {
		e.Uint(&fs[frameInterfaceID], uint64(f.Interface))
		e.Sub()
		e.String(&fs[frameInterfaceName], ifName)
		if f.InterfaceDescription != "" {
			e.String(&fs[frameInterfaceDescription], f.InterfaceDescription)
			if f.Section == 0 {
				e.NoTree()
			}
		}
		e.Up()
	}
	if f.Section > 0 && f.HasFlags {
		v := uint64(f.Flags)
		e.Uint(&fs[framePacketFlags], v)
		e.Sub()
		e.UintBits(&fs[framePacketFlagsDirection], v)
		e.UintBits(&fs[framePacketFlagsReceptionType], v)
		e.UintBits(&fs[framePacketFlagsFCSLength], v)
		e.UintBits(&fs[framePacketFlagsReserved], v)
		for k := framePacketFlagsCRCError; k <= framePacketFlagsSymbolError; k++ {
			e.BoolBits(&fs[k], v)
		}
		e.Up()
	}
	if _, wtap, ok := treeEncap(e.d.linkType); ok {
		e.Int(&fs[frameEncapType], int64(wtap))
	}
	if !f.Time.IsZero() { // a packet without a time (pcapng's simple packet block)
		if want&(1<<frameTime) != 0 {
			e.TextDone(&fs[frameTime], stamp.append(e.Text(), f.Time, loc))
		}
		if e.wants(&fs[frameOffsetShift]) {
			e.TextDone(&fs[frameOffsetShift], append(e.Text(), "0.000000000"...))
		}
		if want&(1<<frameTimeEpoch) != 0 {
			e.relTime(&fs[frameTimeEpoch], f.Time, time.Unix(0, 0))
		}
		if want&(1<<frameTimeDelta) != 0 {
			e.relTime(&fs[frameTimeDelta], f.Time, prev)
		}
		if want&(1<<frameTimeDeltaDisplayed) != 0 {
			e.relTime(&fs[frameTimeDeltaDisplayed], f.Time, shown)
		}
		if want&(1<<frameTimeRelative) != 0 {
			e.relTime(&fs[frameTimeRelative], f.Time, first)
		}
	}
	e.Uint(&fs[frameNumber], uint64(f.Number))
	e.Uint(&fs[frameLen], uint64(f.Length))
	e.Uint(&fs[frameCapLen], uint64(caplen))
	e.Bool(&fs[frameMarked], false)
	e.Bool(&fs[frameIgnored], false)
	if f.Section > 0 && f.HasFlags {
		switch f.Flags & 3 {
		case 1:
			e.Int(&fs[frameP2PDir], 1) // received
		case 2:
			e.Int(&fs[frameP2PDir], 0) // sent
		}
	}
	if want&(1<<frameProtocols) != 0 {
		e.TextDone(&fs[frameProtocols], appendProtocols(e.Text(), e.d, e.conv))
	}
	switch {
	case len(f.Comments) == 0 && f.Comment != "":
		e.String(&fs[frameComment], f.Comment)
		if f.Section > 0 {
			e.NoTree() // tshark's tree has a pcapng packet's comments in pkt_comment
		}
	case f.Section == 0:
		// A comment not from a pcapng file: the tree shows the first.
		for k, c := range f.Comments {
			e.String(&fs[frameComment], c)
			if k > 0 {
				e.NoTree()
			}
		}
	}
	e.End()
}

// relTime emits t-u as a relative time, with its text in seconds and nine
// decimals (exact beyond a time.Duration's range too).
func (e *emitter) relTime(f *Field, t, u time.Time) {
	b := appendSeconds(e.Text(), t, u)
	e.TextDone(f, b)
}
