package pcapio

import "github.com/rawcap/rawcap/pcapio/packet"

// Packet is one captured packet: see package packet. A Packet returned by
// Reader.Next is a view: Data and Options alias the reader's buffer and stay
// valid only until the next call to Next. Use Clone to keep one.
type Packet = packet.Packet

// Options is the encoded option list of a pcapng block: see package packet.
type Options = packet.Options

// MakeOptions wraps encoded option bytes (as found in a block, in the given
// byte order) as Options.
func MakeOptions(raw []byte, bigEndian bool) Options { return packet.MakeOptions(raw, bigEndian) }

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
