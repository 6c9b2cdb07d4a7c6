package decode

import "time"

// Frame is what the printers know about a packet besides its bytes: its
// number in the capture, timestamp, lengths and interface.
type Frame struct {
	Number        int       // 1-based position in the capture
	Time          time.Time // capture time (zero when unknown)
	Length        int       // original length on the wire
	Interface     int       // interface index in the file
	InterfaceName string    // interface name, when the file records it
	Comment       string    // packet comment, when the file records one

	// What a pcapng file records beside the packet; the -V tree draws it
	// as tshark does. Section is 0 for pcap files and live capture, and
	// then the tree draws none of it.
	Section              int      // 1-based pcapng section of the packet
	InterfaceDescription string   // if_description
	Flags                uint32   // epb_flags, with HasFlags
	HasFlags             bool     // the packet has epb_flags
	Comments             []string // every packet comment (Comment is the first)
}
