package decode

import (
	"strconv"
	"time"

	"github.com/rawcap/rawcap/linktype"
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
	// tagLen is the length of a switch tag before the Ethernet header,
	// which the length tcpdump's -e prints for the frame leaves out.
	tagLen int
	// abandoned is set when a printer stopped where tcpdump's longjmps
	// out of the packet: its hex dump then starts at the link header.
	abandoned bool
	// ifNames caches interface names by index (appendIfName).
	ifNames map[uint32]string
	// inner decodes the frames of tunnels only tcpdump decodes (OTV) and
	// the IP packets of SLIP captures.
	inner *Decoder
	// slip is tcpdump's memory of compressed SLIP connections.
	slip *slipState
	// nfsXIDs is tcpdump's memory of recent NFS calls (nfs_print.go).
	nfsXIDs *nfsXIDMap
	// ikeInitiators is tcpdump's memory of IKEv1 initiators (isakmp.go).
	ikeInitiators *ikeInitiators
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
	p.abandoned = false
	b = p.appendPacket(b, d, f)
	b = append(b, '\n')
	if p.Options.Hex != HexNone {
		b = p.appendHex(b, d)
	}
	return b
}

func (p *LinePrinter) appendPacket(b []byte, d *Decoder, f *Frame) []byte {
	if d.n == 0 && d.linkType == linkSLIP {
		return p.appendSLIP(b, d, f)
	}
	if d.n == 0 {
		return p.appendUnknownLink(b, d, f)
	}
	p.wire = f.Length
	if p.Options.Link && (d.linkType == linktype.IPv4 || d.linkType == linktype.IPv6) {
		b = append(b, "ip: "...) // tcpdump prints raw IP's link header so
	}
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

// appendTime appends the timestamp prefix (with its trailing space), as
// tcpdump 4.99 prints it: a packet without a timestamp (the zero time) is
// at the epoch, and a time whose seconds have bit 31 set once cut to 32
// bits prints as "[Error converting time]" (tcpdump checks that bit
// before formatting; -tt prints the seconds cut to 32 bits, the dates use
// all of them).
func (p *LinePrinter) appendTime(b []byte, t time.Time) []byte {
	o := &p.Options
	digits := 6
	if o.Nano {
		digits = 9
	}
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	switch o.Time {
	case TimeNone:
		return b
	case TimeEpoch:
		if timeOverflows(t.Unix()) {
			b = append(b, timeError...)
			break
		}
		b = strconv.AppendUint(b, uint64(uint32(t.Unix())), 10)
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
		if !have {
			ref = t
		}
		p.prev, p.havePrev = t, true
		b = appendDelta(b, t.Unix()-ref.Unix(), t.Nanosecond()-ref.Nanosecond(), digits)
	default:
		if timeOverflows(t.Unix()) {
			b = append(b, timeError...)
			break
		}
		loc := o.Location
		if loc == nil {
			loc = time.Local
		}
		lt := t.In(loc)
		if o.Time == TimeDate {
			y, mo, dy := lt.Date()
			if y > 9999 {
				b = strconv.AppendInt(b, int64(y), 10)
			} else {
				b = append4(b, y)
			}
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

// timeError is what tcpdump prints for a time it will not convert.
const timeError = "[Error converting time]"

// timeOverflows reports whether tcpdump refuses to print a time of sec
// seconds since the epoch: it tests bit 31 of the seconds as an unsigned
// 32-bit number.
func timeOverflows(sec int64) bool { return uint32(sec)&0x80000000 != 0 }

// appendDelta appends the difference sec seconds plus ns nanoseconds as
// tcpdump's -ttt and -ttttt do: the sign (a space or '-'), then the
// difference formatted as a time of day, "HH:MM:SS.ffffff" (so days
// wrap), or timeError when tcpdump refuses the difference's seconds.
func appendDelta(b []byte, sec int64, ns, digits int) []byte {
	if ns < 0 {
		sec--
		ns += int(time.Second)
	}
	if sec < 0 {
		b = append(b, '-')
		sec = -sec
		if ns > 0 {
			sec--
			ns = int(time.Second) - ns
		}
	} else {
		b = append(b, ' ')
	}
	if timeOverflows(sec) {
		return append(b, timeError...)
	}
	b = append2(b, int(sec/3600%24))
	b = append(b, ':')
	b = append2(b, int(sec/60%60))
	b = append(b, ':')
	b = append2(b, int(sec%60))
	b = append(b, '.')
	return appendFrac(b, ns, digits)
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

// appendHex4 appends v as 4 lower-case hex digits.
func appendHex4(b []byte, v uint16) []byte {
	return append(b, hexDigits[v>>12], hexDigits[v>>8&15], hexDigits[v>>4&15], hexDigits[v&15])
}

// appendHex2 appends v as 2 lower-case hex digits.
func appendHex2(b []byte, v uint8) []byte { return append(b, hexDigits[v>>4], hexDigits[v&15]) }

// appendHexN appends the low digits hex digits of v, without "0x".
func appendHexN(b []byte, v uint64, digits int) []byte {
	for i := digits - 1; i >= 0; i-- {
		b = append(b, hexDigits[v>>(4*uint(i))&15])
	}
	return b
}

// appendHexMin appends v in hex without leading zeros ("0" for 0).
func appendHexMin(b []byte, v uint64) []byte { return strconv.AppendUint(b, v, 16) }
