package stats

import (
	"net/netip"
	"strconv"
	"time"

	"github.com/rawcap/rawcap/decode"
)

// Filter selects the packets a table counts. Text is what the table's
// Filter line shows ("" for none); Match decides for each packet (nil:
// every packet). Match is called after the decoder has decoded the packet
// and must not keep d or f.
type Filter struct {
	Text  string
	Match func(d *decode.Decoder, f *decode.Frame) bool
}

func (fl *Filter) matches(d *decode.Decoder, f *decode.Frame) bool {
	return fl.Match == nil || fl.Match(d, f)
}

// Overflow counts what a bounded table could not hold: the packets (and
// their bytes) that would have made a new entry once the table was full.
type Overflow struct {
	Frames uint64 `json:"frames"`
	Bytes  uint64 `json:"bytes"`
}

// clock turns packet times into tshark's relative times: nanoseconds since
// the first packet of the capture.
type clock struct {
	first   int64
	last    int64 // the relative time of the latest packet
	started bool
}

// rel returns f's time relative to the first packet, noting f as the
// latest.
func (c *clock) rel(f *decode.Frame) int64 {
	t := unixNano(f.Time)
	if !c.started {
		c.first, c.started = t, true
	}
	c.last = t - c.first
	return c.last
}

// unixNano returns t in nanoseconds since the epoch; a packet without a
// time (pcapng's simple packet block) counts as the epoch, as tshark
// takes it.
func unixNano(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

// Address is a hardware or IP address held by value: 6 bytes for a MAC, 4
// for IPv4, 16 for IPv6. It is comparable.
type Address struct {
	b [16]byte
	n uint8
}

func macAddress(m decode.MAC) Address {
	var a Address
	copy(a.b[:], m[:])
	a.n = 6
	return a
}

func ipAddress(b []byte) Address {
	var a Address
	a.n = uint8(copy(a.b[:], b))
	return a
}

// IsMAC reports whether a is a hardware address.
func (a Address) IsMAC() bool { return a.n == 6 }

// AppendTo appends a as tshark prints it without name resolution.
func (a Address) AppendTo(b []byte) []byte {
	switch a.n {
	case 6:
		return decode.MAC(a.b[:6]).AppendTo(b)
	case 4:
		return netip.AddrFrom4([4]byte(a.b[:4])).AppendTo(b)
	case 16:
		return netip.AddrFrom16(a.b).AppendTo(b)
	}
	return b
}

// String returns a as tshark prints it without name resolution.
func (a Address) String() string { return string(a.AppendTo(nil)) }

// MarshalText makes an Address a JSON string.
func (a Address) MarshalText() ([]byte, error) { return a.AppendTo(nil), nil }

// appendSeconds appends ns nanoseconds as seconds with nine decimals.
func appendSeconds(b []byte, ns int64) []byte {
	if ns < 0 {
		b = append(b, '-')
		ns = -ns
	}
	b = strconv.AppendInt(b, ns/1e9, 10)
	b = append(b, '.')
	frac := ns % 1e9
	for d := int64(1e8); d > 0; d /= 10 {
		b = append(b, byte('0'+frac/d%10))
	}
	return b
}

// seconds returns ns nanoseconds as a float in seconds, as Wireshark's
// nstime_to_sec computes it.
func seconds(ns int64) float64 {
	return float64(ns/1e9) + float64(ns%1e9)/1e9
}
