package decode

// NTP is an NTP message (RFC 5905 section 7.3; control messages, mode 6,
// RFC 1305 appendix B). The first byte holds the leap indicator (2 bits),
// version (3) and mode (3) in every mode.
//
//	 0                   1                   2                   3
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|LI | VN  |Mode |    Stratum    |     Poll      |   Precision   |
//	|                         Root Delay                            |
//	|                         Root Dispersion                       |
//	|                          Reference ID                         |
//	|                  Reference Timestamp (64)                     |
//	|                  Origin Timestamp (64)                        |
//	|                  Receive Timestamp (64)                       |
//	|                  Transmit Timestamp (64)                      |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
type NTP []byte

const (
	ntpTimeLen    = 48
	ntpControlLen = 12
)

// NTP modes.
const (
	NTPModeUnspec    = 0
	NTPModeSymActive = 1
	NTPModeSymPasive = 2
	NTPModeClient    = 3
	NTPModeServer    = 4
	NTPModeBroadcast = 5
	NTPModeControl   = 6
	NTPModePrivate   = 7
)

// ParseNTP returns the NTP message b. It requires the first byte; the time
// fields need 48 bytes (HasTime) and control fields 12 (HasControl).
func ParseNTP(b []byte) (NTP, error) {
	if len(b) < 1 {
		return nil, ReasonTruncated
	}
	return NTP(b[:len(b):len(b)]), nil
}

// Leap returns the leap indicator (0-3).
func (n NTP) Leap() uint8 { return n[0] >> 6 }

// Version returns the version number.
func (n NTP) Version() uint8 { return n[0] >> 3 & 7 }

// Mode returns the association mode.
func (n NTP) Mode() uint8 { return n[0] & 7 }

// HasTime reports whether the message is a time message (modes 0-5) with its
// 48-byte header present, so the time accessors may be used.
func (n NTP) HasTime() bool { return n.Mode() <= NTPModeBroadcast && len(n) >= ntpTimeLen }

// Stratum returns the stratum (time messages).
func (n NTP) Stratum() uint8 { return n[1] }

// Poll returns the log2 poll interval (time messages).
func (n NTP) Poll() int8 { return int8(n[2]) }

// Precision returns the log2 precision (time messages).
func (n NTP) Precision() int8 { return int8(n[3]) }

// RootDelay returns the root delay, 16.16 fixed point (time messages).
func (n NTP) RootDelay() uint32 { return be32(n[4:]) }

// RootDispersion returns the root dispersion, 16.16 fixed point.
func (n NTP) RootDispersion() uint32 { return be32(n[8:]) }

// RefID returns the reference ID bytes.
func (n NTP) RefID() []byte { return n[12:16] }

// Timestamp returns timestamp k (0 reference, 1 origin, 2 receive, 3
// transmit) as 32.32 fixed-point seconds since 1900.
func (n NTP) Timestamp(k int) uint64 {
	off := 16 + 8*k
	return uint64(be32(n[off:]))<<32 | uint64(be32(n[off+4:]))
}

// HasControl reports whether the message is a control message (mode 6) with
// its 12-byte header present.
func (n NTP) HasControl() bool { return n.Mode() == NTPModeControl && len(n) >= ntpControlLen }

func (d *Decoder) decodeNTP(l *Layer) LayerType {
	n, err := ParseNTP(d.bytes(l))
	l.Payload = l.End
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	switch {
	case n.Mode() <= NTPModeBroadcast && len(n) < ntpTimeLen,
		n.Mode() == NTPModeControl && len(n) < ntpControlLen:
		l.Malformed = ReasonTruncated
	}
	return LayerNone
}
