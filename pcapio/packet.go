package pcapio

import (
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
	c.Options = p.Options.clone()
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

func (o Options) clone() Options {
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

// Format is a capture file format.
type Format int

// The file formats pcapio reads and writes.
const (
	FormatPcap   Format = iota + 1 // libpcap's classic format (and its variants)
	FormatPcapNG                   // pcapng
)

func (f Format) String() string {
	switch f {
	case FormatPcap:
		return "pcap"
	case FormatPcapNG:
		return "pcapng"
	}
	return "unknown"
}
