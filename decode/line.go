package decode

import (
	"strconv"
	"time"
)

// TimeFormat selects how LinePrinter prints timestamps, as tcpdump's -t
// options do.
type TimeFormat uint8

// Time formats: the default, -t, -tt, -ttt, -tttt and -ttttt.
const (
	TimeDefault    TimeFormat = iota // 15:04:05.000000, local time
	TimeNone                         // -t
	TimeEpoch                        // -tt: seconds.micros since 1970
	TimeDelta                        // -ttt: since the previous packet
	TimeDate                         // -tttt: 2006-01-02 15:04:05.000000
	TimeSinceFirst                   // -ttttt: since the first packet
)

// HexMode selects the hex/ASCII dump after each line (-x -xx -X -XX -A).
type HexMode uint8

// Hex dump modes.
const (
	HexNone      HexMode = iota
	HexNet               // -x: hex from the network header on
	HexLink              // -xx: hex from the link header on
	HexASCIINet          // -X
	HexASCIILink         // -XX
	ASCIIOnly            // -A: the packet as ASCII from the network header
)

// LineOptions are tcpdump's display options.
type LineOptions struct {
	Link    bool // -e: print the link-level header
	Verbose int  // -v, -vv, -vvv
	Quiet   bool // -q: less protocol detail
	AbsSeq  bool // -S: absolute TCP sequence numbers
	Time    TimeFormat
	Nano    bool // --nano: nanosecond timestamps
	Number  bool // -#: packet number first
	Hex     HexMode
	// Location is the zone for TimeDefault and TimeDate (time.Local if nil).
	Location *time.Location
}

// LinePrinter prints packets one line each, as tcpdump -n does. It keeps
// the state tcpdump keeps between packets (previous timestamp, TCP initial
// sequence numbers), so use one LinePrinter per capture. It is not safe for
// concurrent use.
type LinePrinter struct {
	Options LineOptions

	tcpSeq    map[tcpConvKey]tcpConvSeq
	prev      time.Time
	first     time.Time
	havePrev  bool
	haveFirst bool
	wire      int // wire length of the packet being printed
}

// Append appends the text for the packet d last decoded, described by f,
// ending with a newline (and the hex dump, if asked).
func (p *LinePrinter) Append(b []byte, d *Decoder, f *Frame) []byte {
	if len(d.data) == 0 {
		// tcpdump reports an empty record instead of printing it.
		if f.Length == 0 {
			return append(b, "[Invalid header: caplen==0, len==0]\n"...)
		}
		return append(b, "[Invalid header: caplen==0]\n"...)
	}
	if p.Options.Number {
		n := len(b)
		b = strconv.AppendInt(b, int64(f.Number), 10)
		b = padLeft(b, n, 5)
		b = append(b, "  "...)
	}
	b = p.appendTime(b, f.Time)
	b = p.appendPacket(b, d, f)
	b = append(b, '\n')
	if p.Options.Hex != HexNone {
		b = p.appendHex(b, d)
	}
	return b
}

func (p *LinePrinter) appendPacket(b []byte, d *Decoder, f *Frame) []byte {
	if d.n == 0 {
		return p.appendUnknownLink(b, d, f)
	}
	p.wire = f.Length
	return p.lineLayer(b, d, 0)
}

// appendUnknownLink prints a packet of a link type rawcap does not decode:
// its link type and length, then (without -x) a hex dump.
func (p *LinePrinter) appendUnknownLink(b []byte, d *Decoder, f *Frame) []byte {
	b = append(b, "link-type "...)
	b = append(b, d.linkType.Name()...)
	b = append(b, ", length "...)
	b = strconv.AppendInt(b, int64(f.Length), 10)
	if p.Options.Hex == HexNone {
		b = appendIndentedHex(b, d.data, "\n\t")
	}
	return b
}

// appendTime appends the timestamp prefix (with its trailing space).
func (p *LinePrinter) appendTime(b []byte, t time.Time) []byte {
	o := &p.Options
	digits := 6
	if o.Nano {
		digits = 9
	}
	switch o.Time {
	case TimeNone:
		return b
	case TimeEpoch:
		b = strconv.AppendInt(b, t.Unix(), 10)
		b = append(b, '.')
		b = appendFrac(b, t.Nanosecond(), digits)
	case TimeDelta, TimeSinceFirst:
		ref := p.prev
		have := p.havePrev
		if o.Time == TimeSinceFirst {
			if !p.haveFirst {
				p.first, p.haveFirst = t, true
			}
			ref, have = p.first, true
		}
		var dd time.Duration
		if have {
			dd = t.Sub(ref)
		}
		p.prev, p.havePrev = t, true
		b = appendDuration(b, dd, digits)
	default:
		loc := o.Location
		if loc == nil {
			loc = time.Local
		}
		lt := t.In(loc)
		if o.Time == TimeDate {
			y, mo, dy := lt.Date()
			b = append4(b, y)
			b = append(b, '-')
			b = append2(b, int(mo))
			b = append(b, '-')
			b = append2(b, dy)
			b = append(b, ' ')
		}
		h, m, s := lt.Clock()
		b = append2(b, h)
		b = append(b, ':')
		b = append2(b, m)
		b = append(b, ':')
		b = append2(b, s)
		b = append(b, '.')
		b = appendFrac(b, t.Nanosecond(), digits)
	}
	return append(b, ' ')
}

// appendDuration appends d as tcpdump's -ttt does: " HH:MM:SS.ffffff"
// (the sign, a space or '-', first).
func appendDuration(b []byte, d time.Duration, digits int) []byte {
	if d < 0 {
		b = append(b, '-')
		d = -d
	} else {
		b = append(b, ' ')
	}
	sec := int64(d / time.Second)
	if sec < 36000 {
		b = append(b, '0')
	}
	b = strconv.AppendInt(b, sec/3600, 10)
	b = append(b, ':')
	b = append2(b, int(sec/60%60))
	b = append(b, ':')
	b = append2(b, int(sec%60))
	b = append(b, '.')
	return appendFrac(b, int(d%time.Second), digits)
}

func append2(b []byte, v int) []byte { return append(b, byte('0'+v/10%10), byte('0'+v%10)) }

func append4(b []byte, v int) []byte {
	return append(b, byte('0'+v/1000%10), byte('0'+v/100%10), byte('0'+v/10%10), byte('0'+v%10))
}

// appendFrac appends the first digits digits of ns (nanoseconds, 9 digits).
func appendFrac(b []byte, ns, digits int) []byte {
	var tmp [9]byte
	for i := 8; i >= 0; i-- {
		tmp[i] = byte('0' + ns%10)
		ns /= 10
	}
	return append(b, tmp[:digits]...)
}

func appendUint(b []byte, v uint64) []byte { return strconv.AppendUint(b, v, 10) }

// appendHex4 appends v as 4 lower-case hex digits.
func appendHex4(b []byte, v uint16) []byte {
	return append(b, hexDigits[v>>12], hexDigits[v>>8&15], hexDigits[v>>4&15], hexDigits[v&15])
}

// appendHex2 appends v as 2 lower-case hex digits.
func appendHex2(b []byte, v uint8) []byte { return append(b, hexDigits[v>>4], hexDigits[v&15]) }

// appendHexMin appends v in hex without leading zeros ("0" for 0).
func appendHexMin(b []byte, v uint64) []byte { return strconv.AppendUint(b, v, 16) }
