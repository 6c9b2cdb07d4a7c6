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
}
