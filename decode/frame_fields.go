package decode

import "time"

// This file declares the frame's own fields (Wireshark's frame protocol):
// what the capture file says of a packet rather than its bytes.

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
	frameFieldCount
)

var frameFields = [frameFieldCount]Field{
	frameNumber:               {Name: "frame.number", Label: "Frame Number", Kind: KindUint, Width: 32},
	frameTime:                 {Name: "frame.time", Label: "Arrival Time", Kind: KindTime},
	frameTimeEpoch:            {Name: "frame.time_epoch", Label: "Epoch Time", Kind: KindRelTime},
	frameTimeDelta:            {Name: "frame.time_delta", Label: "Time delta from previous captured frame", Kind: KindRelTime},
	frameTimeDeltaDisplayed:   {Name: "frame.time_delta_displayed", Label: "Time delta from previous displayed frame", Kind: KindRelTime},
	frameTimeRelative:         {Name: "frame.time_relative", Label: "Time since reference or first frame", Kind: KindRelTime},
	frameLen:                  {Name: "frame.len", Label: "Frame length on the wire", Kind: KindUint, Width: 32},
	frameCapLen:               {Name: "frame.cap_len", Label: "Frame length stored into the capture file", Kind: KindUint, Width: 32},
	frameProtocols:            {Name: "frame.protocols", Label: "Protocols in frame", Kind: KindString},
	frameInterfaceID:          {Name: "frame.interface_id", Label: "Interface id", Kind: KindUint, Width: 32},
	frameInterfaceName:        {Name: "frame.interface_name", Label: "Interface name", Kind: KindString},
	frameInterfaceDescription: {Name: "frame.interface_description", Label: "Interface description", Kind: KindString},
	frameComment:              {Name: "frame.comment", Label: "Comment", Kind: KindString},
	frameEncapType:            {Name: "frame.encap_type", Label: "Encapsulation type", Kind: KindInt, Width: 16},
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

// emitFrame emits the frame's fields for the packet e.d last decoded,
// described by f, with the times of the capture's first frame, of the
// previous captured frame and of the previous displayed one; loc is the
// zone of frame.time. Of the fields whose text takes time to make (times,
// protocols), only those with their bit set in want (by frameFields index)
// are emitted.
func emitFrame(e *emitter, f *Frame, first, prev, shown time.Time, loc *time.Location, want uint32) {
	fs := &frameFields
	e.Proto(&protoFrame)
	e.setSpan(len(e.recs)-1, 0, len(e.d.data))
	if f.Section > 0 || f.InterfaceName != "" {
		e.Uint(&fs[frameInterfaceID], uint64(f.Interface))
		switch {
		case f.InterfaceName != "":
			e.String(&fs[frameInterfaceName], f.InterfaceName)
		case f.Section > 0:
			e.String(&fs[frameInterfaceName], "unknown") // tshark's name of an unnamed interface
		}
		if f.InterfaceDescription != "" {
			e.String(&fs[frameInterfaceDescription], f.InterfaceDescription)
		}
	}
	if _, wtap, ok := treeEncap(e.d.linkType); ok {
		e.Int(&fs[frameEncapType], int64(wtap))
	}
	if !f.Time.IsZero() { // a packet without a time (pcapng's simple packet block)
		if want&(1<<frameTime) != 0 {
			b := f.Time.In(loc).AppendFormat(e.Text(), "Jan _2, 2006 15:04:05.000000000 MST")
			e.TextDone(&fs[frameTime], b)
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
	e.Uint(&fs[frameCapLen], uint64(len(e.d.data)))
	if want&(1<<frameProtocols) != 0 {
		b := appendProtocols(e.Text(), e.d, e.conv)
		e.TextDone(&fs[frameProtocols], b)
	}
	for _, c := range f.Comments {
		e.String(&fs[frameComment], c)
	}
	if len(f.Comments) == 0 && f.Comment != "" {
		e.String(&fs[frameComment], f.Comment)
	}
	e.End()
}

// relTime emits t-u as a relative time, with its text in seconds and nine
// decimals (exact beyond a time.Duration's range too).
func (e *emitter) relTime(f *Field, t, u time.Time) {
	b := appendSeconds(e.Text(), t, u)
	e.TextDone(f, b)
}
