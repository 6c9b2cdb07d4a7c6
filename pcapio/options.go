package pcapio

import "encoding/binary"

// Packet option codes of EPB, SPB-less and PB blocks (pcapng draft, section 4.3).
const (
	OptEndOfOpt  = 0
	OptComment   = 1
	OptFlags     = 2 // epb_flags, u32; direction = flags & 3
	OptHash      = 3 // epb_hash: algorithm byte then the hash
	OptDropCount = 4 // epb_dropcount, u64
	OptPacketID  = 5 // epb_packetid, u64
	OptQueue     = 6 // epb_queue, u32
	OptVerdict   = 7 // epb_verdict: type byte then the verdict
)

// Direction values of epb_flags & 3.
const (
	DirectionUnknown  = 0
	DirectionInbound  = 1
	DirectionOutbound = 2
)

func (o Options) u16(b []byte) uint16 {
	if o.bigEndian {
		return binary.BigEndian.Uint16(b)
	}
	return binary.LittleEndian.Uint16(b)
}

func (o Options) u32(b []byte) uint32 {
	if o.bigEndian {
		return binary.BigEndian.Uint32(b)
	}
	return binary.LittleEndian.Uint32(b)
}

func (o Options) u64(b []byte) uint64 {
	if o.bigEndian {
		return binary.BigEndian.Uint64(b)
	}
	return binary.LittleEndian.Uint64(b)
}

// Each calls f with every option's code and value, in order, until f
// returns false, the end-of-options option, or bytes that do not hold a
// whole option. The value aliases the option list.
func (o Options) Each(f func(code uint16, val []byte) bool) {
	b := o.raw
	for len(b) >= 4 {
		code, n := o.u16(b), int(o.u16(b[2:]))
		if code == OptEndOfOpt || n > len(b)-4 {
			return
		}
		if !f(code, b[4:4+n:4+n]) {
			return
		}
		adv := 4 + (n+3)&^3
		if adv > len(b) {
			return
		}
		b = b[adv:]
	}
}

// Empty reports whether o holds no option.
func (o Options) Empty() bool {
	empty := true
	o.Each(func(uint16, []byte) bool { empty = false; return false })
	return empty
}

// find returns the first value of the option code.
func (o Options) find(code uint16) (v []byte, ok bool) {
	o.Each(func(c uint16, val []byte) bool {
		if c == code {
			v, ok = val, true
			return false
		}
		return true
	})
	return v, ok
}

// Comment returns the first opt_comment.
func (o Options) Comment() (string, bool) {
	v, ok := o.find(OptComment)
	return string(v), ok
}

// Comments returns every opt_comment, in order.
func (o Options) Comments() []string {
	var cs []string
	o.Each(func(c uint16, val []byte) bool {
		if c == OptComment {
			cs = append(cs, string(val))
		}
		return true
	})
	return cs
}

// Flags returns epb_flags (direction = flags & 3, reception type = flags>>2 & 7,
// FCS length = flags>>5 & 15, link-layer errors in the high 16 bits).
func (o Options) Flags() (uint32, bool) {
	v, ok := o.find(OptFlags)
	if !ok || len(v) < 4 {
		return 0, false
	}
	return o.u32(v), true
}

// DropCount returns epb_dropcount.
func (o Options) DropCount() (uint64, bool) {
	v, ok := o.find(OptDropCount)
	if !ok || len(v) < 8 {
		return 0, false
	}
	return o.u64(v), true
}

// PacketID returns epb_packetid.
func (o Options) PacketID() (uint64, bool) {
	v, ok := o.find(OptPacketID)
	if !ok || len(v) < 8 {
		return 0, false
	}
	return o.u64(v), true
}

// Queue returns epb_queue.
func (o Options) Queue() (uint32, bool) {
	v, ok := o.find(OptQueue)
	if !ok || len(v) < 4 {
		return 0, false
	}
	return o.u32(v), true
}

// Hash returns the first epb_hash value: the algorithm byte followed by the
// hash. It aliases the option list.
func (o Options) Hash() ([]byte, bool) {
	v, ok := o.find(OptHash)
	if !ok || len(v) < 1 {
		return nil, false
	}
	return v, true
}

// Verdicts returns every epb_verdict value (type byte, then the verdict),
// aliasing the option list.
func (o Options) Verdicts() [][]byte {
	var vs [][]byte
	o.Each(func(c uint16, val []byte) bool {
		if c == OptVerdict {
			vs = append(vs, val)
		}
		return true
	})
	return vs
}

// validOptions checks that an option list is well formed: every option
// header and padded value lies within b. Bytes after opt_endofopt are
// ignored. It returns the offset in b of the first bad option, or -1.
func validOptions(b []byte, be bool) int {
	off := 0
	for off < len(b) {
		if len(b)-off < 4 {
			return off
		}
		var code, n uint16
		if be {
			code, n = binary.BigEndian.Uint16(b[off:]), binary.BigEndian.Uint16(b[off+2:])
		} else {
			code, n = binary.LittleEndian.Uint16(b[off:]), binary.LittleEndian.Uint16(b[off+2:])
		}
		if code == OptEndOfOpt {
			return -1
		}
		if int(n) > len(b)-off-4 {
			return off
		}
		off += 4 + (int(n)+3)&^3
	}
	return -1
}
