// Package packet holds the packet record every rawcap path carries (from
// the capture ring or a file, to a writer, a filter or the decoder) and its
// pcapng options, apart from package pcapio's readers and writers, so that
// the capture package can hand out packets without depending on the file
// formats' compressors. pcapio re-exports both types.
package packet

import (
	"encoding/binary"
	"time"

	"github.com/rawcap/rawcap/linktype"
)

// Packet is one captured packet as every rawcap path carries it: from the
// capture ring or a file, to a writer, a filter or the decoder.
//
// A Packet returned by Reader.Next is a view: Data and Options alias the
// reader's buffer and stay valid only until the next call to Next. Use Clone
// to keep one.
type Packet struct {
	// Data holds the captured bytes (caplen = len(Data)).
	Data []byte
	// Length is the packet's original length on the wire, which may exceed
	// len(Data) when the capture was cut by a snapshot length.
	Length int
	// Time is the capture timestamp, to the nanosecond (finer pcapng
	// resolutions are truncated). A Simple Packet Block has no timestamp:
	// Time is then the zero time and HasTime is false.
	Time    time.Time
	HasTime bool
	// Interface is the index of the packet's interface in Reader.Interfaces
	// (always 0 for pcap files). For pcapng it indexes the file-wide list,
	// so packets of later sections do not collide with earlier ones.
	Interface int
	// LinkType is the interface's link type, copied here so that consumers
	// need not look it up per packet.
	LinkType linktype.Type
	// Options are the packet's pcapng options (comment, flags, drop count,
	// hash, packet id, queue, verdict, custom), or empty.
	Options Options
}

// Clone returns a deep copy of p that does not alias any reader buffer.
func (p *Packet) Clone() Packet {
	c := *p
	c.Data = append([]byte(nil), p.Data...)
	c.Options = p.Options.Clone()
	return c
}

// Options is the encoded option list of a pcapng block (the bytes after the
// block's fixed fields, up to its trailer), kept in the byte order of the
// section it came from. Accessors decode it on demand; the zero Options is
// empty.
type Options struct {
	raw       []byte
	bigEndian bool
}

// Clone returns a copy of o that does not alias the block it came from.
func (o Options) Clone() Options {
	if o.raw != nil {
		o.raw = append([]byte(nil), o.raw...)
	}
	return o
}

// Raw returns the encoded options and whether they are big-endian.
func (o Options) Raw() ([]byte, bool) { return o.raw, o.bigEndian }

// MakeOptions wraps encoded option bytes (as found in a block, in the given
// byte order) as Options.
func MakeOptions(raw []byte, bigEndian bool) Options { return Options{raw: raw, bigEndian: bigEndian} }

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
