package pcapio

import (
	"net/netip"
	"time"

	"github.com/rawcap/rawcap/linktype"
)

// pcapng block types (pcapng draft, section 11.1).
const (
	BlockPcapRecord   uint32 = 0 // not pcapng: a record of a pcap file (Block.Raw = record header + data)
	BlockIDB          uint32 = 0x00000001
	BlockPB           uint32 = 0x00000002 // obsolete Packet Block
	BlockSPB          uint32 = 0x00000003
	BlockNRB          uint32 = 0x00000004
	BlockISB          uint32 = 0x00000005
	BlockEPB          uint32 = 0x00000006
	BlockDSB          uint32 = 0x0000000A
	BlockCustom       uint32 = 0x00000BAD // custom block, may be copied
	BlockCustomNoCopy uint32 = 0x40000BAD // custom block, not to be copied
	BlockSHB          uint32 = 0x0A0D0D0A
)

// Block is one record of a capture file as stored, for lossless copies.
// Raw aliases the reader's buffer and, like Packet, is valid only until the
// next call to Next or NextBlock.
type Block struct {
	// Type is the pcapng block type (BlockSHB, BlockEPB, ...), or
	// BlockPcapRecord for a record of a pcap file.
	Type uint32
	// Raw is the whole block as stored, header to trailer, in the byte order
	// of its section (for pcap, the record header and data).
	Raw []byte
	// BigEndian is the byte order of the block's section.
	BigEndian bool
	// Section indexes Reader.Sections.
	Section int
	// Offset is the block's byte offset in the uncompressed stream.
	Offset int64
	// Packet is set for EPB, SPB, PB and every pcap record; nil otherwise.
	Packet *Packet
}

// Interface describes a capture interface: a pcapng IDB, or the header of a
// pcap file.
type Interface struct {
	Section  int // index into Reader.Sections
	LinkType linktype.Type
	SnapLen  uint32
	// FCSLen is the number of FCS bytes at the end of each frame (pcap
	// header FCS bits, or if_fcslen), -1 when unknown.
	FCSLen                                  int
	Name, Description, Filter, OS, Hardware string
	// TSResol is if_tsresol as stored: bit 7 clear, units are 10^-n s; set,
	// 2^-n s. It is 6 (microseconds) when absent, 9 for nanosecond pcap.
	TSResol uint8
	// TSOffset is if_tsoffset, seconds added to every timestamp.
	TSOffset int64
	// Speed is if_speed in bits per second, 0 when absent.
	Speed uint64
	// Stats holds the last Interface Statistics Block seen for the
	// interface, nil if none.
	Stats *InterfaceStats
	// Options is the IDB's option list (a copy, not aliasing the reader).
	Options Options

	units uint64 // timestamp units per second
}

// UnitsPerSecond returns how many timestamp units make one second (from
// TSResol for an Interface not made by a Reader; 0 if TSResol is invalid).
func (i *Interface) UnitsPerSecond() uint64 {
	if i.units != 0 {
		return i.units
	}
	u, _ := unitsFor(i.TSResol)
	return u
}

// Which counters an InterfaceStats holds (bits of InterfaceStats.Has).
const (
	HasReceived uint8 = 1 << iota
	HasDropped
	HasFilterAccepted
	HasOSDropped
	HasDelivered
	HasStartTime
	HasEndTime
)

// InterfaceStats is an Interface Statistics Block.
type InterfaceStats struct {
	Time                                                    time.Time
	Received, Dropped, FilterAccepted, OSDropped, Delivered uint64
	// Has says which of the counters and times were present (HasReceived...).
	Has                uint8
	StartTime, EndTime time.Time
	Comment            string
}

// Section is a pcapng Section Header Block (for pcap files, a section built
// from the file header, with Length -1).
type Section struct {
	BigEndian    bool
	Major, Minor uint16
	// Length is the section length the SHB declares, -1 when unspecified.
	Length                 int64
	Hardware, OS, UserAppl string
	Comments               []string
	Options                Options // a copy
}

// PcapHeader is the header of a pcap file.
type PcapHeader struct {
	Major, Minor uint16
	ThisZone     int32
	SigFigs      uint32
	SnapLen      uint32
	LinkType     linktype.Type
	// FCSLen is the FCS length in bytes when the header's F bit is set,
	// -1 otherwise.
	FCSLen    int
	Nano      bool // nanosecond timestamps (magic 0xa1b23c4d)
	BigEndian bool
	Modified  bool // Kuznetsov's modified format (magic 0xa1b2cd34)
}

// NameRecord is one entry of a Name Resolution Block.
type NameRecord struct {
	Addr  netip.Addr
	Names []string
}

// Secrets is a Decryption Secrets Block.
type Secrets struct {
	Type uint32 // secrets type, e.g. 0x544c534b TLS key log
	Data []byte // a copy
}
