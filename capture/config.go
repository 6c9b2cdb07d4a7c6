package capture

import (
	"fmt"
	"time"

	"golang.org/x/net/bpf"
)

// Direction selects packets by the way they cross the interface, as tcpdump's
// -Q does.
type Direction int

// The directions. The zero Direction is InOut.
const (
	InOut Direction = iota // both (tcpdump -Q inout)
	In                     // received only (-Q in)
	Out                    // sent only (-Q out)
)

func (d Direction) String() string {
	switch d {
	case InOut:
		return "inout"
	case In:
		return "in"
	case Out:
		return "out"
	}
	return fmt.Sprintf("Direction(%d)", int(d))
}

// ParseDirection returns the Direction named s: "in", "out" or "inout".
func ParseDirection(s string) (Direction, error) {
	switch s {
	case "in":
		return In, nil
	case "out":
		return Out, nil
	case "inout", "":
		return InOut, nil
	}
	return 0, fmt.Errorf("capture: unknown direction %q (want in, out or inout)", s)
}

// Defaults used for the zero values of Config's fields.
const (
	DefaultSnapLen      = 262144
	DefaultRingSizeMiB  = 32      // per socket: about a quarter second of 1 Gb/s
	DefaultBlockSize    = 4 << 20 // smaller (down to 1 MiB) for a ring of fewer than 8 such blocks
	DefaultBlockTimeout = 50 * time.Millisecond
)

// Config says what to capture and how. The zero Config (with an Interface)
// captures whole packets in both directions in promiscuous mode.
type Config struct {
	// Interface is the interface's name, or "any" for all of them (cooked,
	// as LINUX_SLL2 frames).
	Interface string
	// SnapLen caps the bytes kept of each packet (0 means DefaultSnapLen).
	SnapLen int
	// NoPromisc leaves the interface out of promiscuous mode (tcpdump -p).
	// Promiscuous mode is set with PACKET_ADD_MEMBERSHIP, so the kernel
	// reverts it when the socket closes.
	NoPromisc bool
	// Direction keeps received, sent or all packets (tcpdump -Q).
	Direction Direction
	// Filter is a classic BPF program attached in the kernel, as it is,
	// before the socket is bound; nil keeps every packet. Its return value
	// also truncates the packet (capped at SnapLen). It must read packets as
	// the kernel shows them to the socket, which is what the filter package
	// compiles with Options.Live: VLAN tags through ancillary loads and, for
	// a cooked capture (any), the packet from its network header with the
	// protocol, packet type and interface index through ancillary loads.
	Filter []bpf.RawInstruction
	// FilterFrames says that Filter was written instead for the frames as
	// files hold them (LINUX_SLL2 for any, as tcpdump -y LINUX_SLL2 -dd
	// prints it). For a cooked capture, capture then rewrites it for the
	// kernel, as libpcap does, or runs it in user space when it reads what
	// the kernel cannot give (the packet length, the link-layer address).
	FilterFrames bool
	// PacketFlags fills each packet's Options with a pcapng epb_flags option
	// (its direction and how it was received), for pcapng output. Without
	// it Options stays empty, which spares a pcap writer, that has no place
	// for options, the work of encoding them for every packet.
	PacketFlags bool
	// BlockSize is the size of one ring block in bytes, a multiple of the
	// page size (0 means DefaultBlockSize, halved down to 1 MiB while the
	// ring would hold fewer than 8 blocks, or more if SnapLen needs it).
	// The reader wakes once per block: larger blocks cost less CPU per
	// packet at high rates.
	BlockSize int
	// NumBlocks is the number of blocks of each ring; 0 derives it from
	// RingSizeMiB.
	NumBlocks int
	// RingSizeMiB is the size of each socket's ring in MiB when NumBlocks is
	// 0 (0 means DefaultRingSizeMiB). tcpdump's -B counts KiB: divide by
	// 1024, rounding up.
	RingSizeMiB int
	// BlockTimeout is how long the kernel waits before handing over a
	// partly filled block (0 means DefaultBlockTimeout; it counts in ms).
	BlockTimeout time.Duration
	// Fanout, when 2 or more, opens that many sockets in one PACKET_FANOUT
	// group (hash of the flow, with IP defragmentation), each with its own
	// ring and goroutine; ReadPacket merges them. Packets of different
	// sockets are not ordered by time between them.
	Fanout int
}

// The default block size shrinks, down to minBlockSize, for a ring of fewer
// than minRingBlocks blocks of DefaultBlockSize, so that the kernel has blocks
// to fill while the reader walks one.
const (
	minBlockSize  = 1 << 20
	minRingBlocks = 8
)

// ringGeometry is the TPACKET_V3 ring request derived from a Config.
type ringGeometry struct {
	blockSize, numBlocks, frameSize int
	timeoutMS                       int
	snapLen                         int
}

// geometry validates c and works out the ring's shape for the page size.
func (c *Config) geometry(pageSize int) (ringGeometry, error) {
	g := ringGeometry{snapLen: c.SnapLen}
	if g.snapLen <= 0 {
		g.snapLen = DefaultSnapLen
	}
	// Room for the tpacket3_hdr, the sockaddr_ll, alignment and a VLAN tag.
	g.frameSize = align16(hdrPlusSockaddr + 32 + g.snapLen)
	mib := c.RingSizeMiB
	if mib <= 0 {
		mib = DefaultRingSizeMiB
	}
	g.blockSize = c.BlockSize
	if g.blockSize == 0 {
		g.blockSize = DefaultBlockSize
		for c.NumBlocks == 0 && g.blockSize > minBlockSize && mib<<20 < minRingBlocks*g.blockSize {
			g.blockSize /= 2
		}
		for g.blockSize < g.frameSize {
			g.blockSize *= 2
		}
	}
	if g.blockSize <= 0 || g.blockSize%pageSize != 0 {
		return g, fmt.Errorf("capture: block size %d is not a multiple of the page size %d", g.blockSize, pageSize)
	}
	if g.frameSize > g.blockSize {
		// TPACKET_V3 frames are variable: the kernel only checks that at least
		// one "frame" fits in a block; larger packets are cut at the block.
		g.frameSize = g.blockSize
	}
	g.numBlocks = c.NumBlocks
	if g.numBlocks == 0 {
		g.numBlocks = max(2, mib<<20/g.blockSize)
	}
	if g.numBlocks < 1 {
		return g, fmt.Errorf("capture: %d ring blocks is too few", g.numBlocks)
	}
	to := c.BlockTimeout
	if to <= 0 {
		to = DefaultBlockTimeout
	}
	g.timeoutMS = max(1, int(to/time.Millisecond))
	if c.Fanout < 0 || c.Fanout > 1024 {
		return g, fmt.Errorf("capture: fanout %d out of range 0..1024", c.Fanout)
	}
	if c.Direction < InOut || c.Direction > Out {
		return g, fmt.Errorf("capture: bad direction %d", int(c.Direction))
	}
	return g, nil
}

func align16(n int) int { return (n + 15) &^ 15 }
