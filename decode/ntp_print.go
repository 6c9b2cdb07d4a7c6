package decode

import (
	"strconv"
	"time"
)

// This file prints NTP as tcpdump 4.99 does (print-ntp.c).

var ntpModeNames = [8]string{
	"unspecified", "symmetric active", "symmetric passive", "Client", "Server", "Broadcast",
	"Control Message", "Reserved",
}

var ntpLeapNames = [4]string{"", "+1s", "-1s", "clock unsynchronized"}

func (p *LinePrinter) lineNTP(b []byte, d *Decoder, i int) []byte {
	if p.Options.Quiet {
		return appendQuietUDP(b, d, i)
	}
	l := &d.layers[i]
	m := d.data[l.Start:l.End:l.End]
	b, ok := p.appendNTP(b, m, udpPayloadLen(d, i))
	if !ok {
		b = append(b, " [|ntp]"...)
	}
	return b
}

func (p *LinePrinter) appendNTP(b, m []byte, length int) ([]byte, bool) {
	if len(m) < 1 {
		return b, false
	}
	n := NTP(m)
	b = append(b, "NTPv"...)
	b = appendUint(b, uint64(n.Version()))
	b = append(b, ", "...)
	b = append(b, ntpModeNames[n.Mode()]...)
	b = append(b, ", length "...)
	b = strconv.AppendInt(b, int64(length), 10)
	if p.Options.Verbose == 0 {
		return b, true
	}
	b = append(b, "\n\tLeap indicator: "...)
	b = append(b, ntpLeapNames[n.Leap()]...)
	b = append(b, " ("...)
	b = appendUint(b, uint64(m[0]&0xc0))
	b = append(b, ')')
	switch mode := n.Mode(); {
	case mode <= NTPModeBroadcast:
		return appendNTPTime(b, n, length)
	case mode == NTPModeControl:
		return appendNTPControl(b, n, length)
	}
	return b, true
}

// appendNTPInvalid appends tcpdump's mark for a message shorter than its
// mode needs, and its truncation mark if the capture is shorter still.
func appendNTPInvalid(b []byte, n NTP, length int) ([]byte, bool) {
	b = append(b, " (invalid)"...)
	return b, len(n) >= length
}

func appendNTPTime(b []byte, n NTP, length int) ([]byte, bool) {
	if length < ntpTimeLen {
		return appendNTPInvalid(b, n, length)
	}
	if len(n) < 2 {
		return b, false
	}
	st := n[1]
	b = append(b, ", Stratum "...)
	b = appendUint(b, uint64(st))
	switch {
	case st == 0:
		b = append(b, " (unspecified)"...)
	case st == 1:
		b = append(b, " (primary reference)"...)
	case st <= 15:
		b = append(b, " (secondary reference)"...)
	default:
		b = append(b, " (reserved)"...)
	}
	if len(n) < 3 {
		return b, false
	}
	poll := int(int8(n[2]))
	b = append(b, ", poll "...)
	b = strconv.AppendInt(b, int64(poll), 10)
	if poll > -32 && poll < 32 {
		if poll >= 0 {
			b = append(b, " ("...)
			b = appendUint(b, uint64(1)<<poll)
			b = append(b, "s)"...)
		} else {
			b = append(b, " (1/"...)
			b = appendUint(b, uint64(1)<<-poll)
			b = append(b, "s)"...)
		}
	}
	if len(n) < 4 {
		return b, false
	}
	b = append(b, ", precision "...)
	b = strconv.AppendInt(b, int64(int8(n[3])), 10)
	// tcpdump prints each label with its value, so a message cut short
	// ends after the last whole field.
	if len(n) < 8 {
		return b, false
	}
	b = append(b, "\n\tRoot Delay: "...)
	b = appendNTPShort(b, n[4:])
	if len(n) < 12 {
		return b, false
	}
	b = append(b, ", Root dispersion: "...)
	b = appendNTPShort(b, n[8:])
	if len(n) < 16 {
		return b, false
	}
	b = append(b, ", Reference-ID: "...)
	switch st {
	case 0:
		b = append(b, "(unspec)"...)
	case 1:
		var short bool
		if b, short = appendPrintJN(b, n, 12, 4); short {
			return b, false
		}
	case 62, 63:
		if len(n) < 16 {
			return b, false
		}
		b = appendIPv4(b, n, 12)
		if st == 62 {
			return append(b, " INFO_QUERY"...), true
		}
		return append(b, " INFO_REPLY"...), true
	default:
		if len(n) < 16 {
			return b, false
		}
		b = append(b, "0x"...)
		b = appendHex4(b, be16(n[12:]))
		b = appendHex4(b, be16(n[14:]))
	}
	for k, label := range [...]string{
		"\n\t  Reference Timestamp:  ", "\n\t  Originator Timestamp: ",
		"\n\t  Receive Timestamp:    ", "\n\t  Transmit Timestamp:   ",
	} {
		if len(n) < 24+8*k {
			return b, false
		}
		b = append(b, label...)
		b = appendNTPTimestamp(b, n[16+8*k:])
	}
	b = append(b, "\n\t    Originator - Receive Timestamp:  "...)
	b = appendNTPDelta(b, n[24:], n[32:])
	b = append(b, "\n\t    Originator - Transmit Timestamp: "...)
	b = appendNTPDelta(b, n[24:], n[40:])
	switch {
	case length == ntpTimeLen+4, length == ntpTimeLen+4+16, length == ntpTimeLen+4+20:
		if len(n) < ntpTimeLen+4 {
			return b, false
		}
		b = append(b, "\n\tKey id: "...)
		b = appendUint(b, uint64(be32(n[ntpTimeLen:])))
		if length == ntpTimeLen+4 {
			break
		}
		if len(n) < length {
			return b, false
		}
		b = append(b, "\n\tAuthentication: "...)
		b = appendHexBytes(b, n[ntpTimeLen+4:length])
	case length > ntpTimeLen:
		b = append(b, "\n\t("...)
		b = appendUint(b, uint64(length-ntpTimeLen))
		b = append(b, " more bytes after the header)"...)
	}
	return b, true
}

// appendNTPShort appends a 16.16 fixed-point value as tcpdump's p_sfix.
func appendNTPShort(b, v []byte) []byte {
	b = appendUint(b, uint64(be16(v)))
	b = append(b, '.')
	f := int(float64(be16(v[2:])) / 65536.0 * 1000000.0)
	return appendFrac(b, f*1000, 6)
}

// appendNTPTimestamp appends a 32.32 timestamp as tcpdump's p_ntp_time:
// seconds.nanoseconds, then the UTC date for a non-zero time.
func appendNTPTimestamp(b, v []byte) []byte {
	s, f := be32(v), be32(v[4:])
	b = appendUint(b, uint64(s))
	b = append(b, '.')
	b = appendFrac(b, int(uint32(float64(f)/4294967296.0*1000000000.0)), 9)
	if s != 0 {
		const jan1970 = 2208988800
		t := time.Unix(int64(s)-jan1970, 0).UTC()
		b = append(b, " ("...)
		b = t.AppendFormat(b, "2006-01-02T15:04:05Z")
		b = append(b, ')')
	}
	return b
}

// appendNTPDelta appends the signed difference new - old as tcpdump's
// p_ntp_delta (new itself when old is zero).
func appendNTPDelta(b, old, new []byte) []byte {
	u, uf := be32(new), be32(new[4:])
	ou, ouf := be32(old), be32(old[4:])
	if ou == 0 && ouf == 0 {
		return appendNTPTimestamp(b, new)
	}
	var i, f uint32
	neg := false
	switch {
	case u > ou:
		i, f = u-ou, uf-ouf
		if ouf > uf {
			i--
		}
	case u < ou:
		neg = true
		i, f = ou-u, ouf-uf
		if uf > ouf {
			i--
		}
	default:
		if uf > ouf {
			f = uf - ouf
		} else {
			neg = true
			f = ouf - uf
		}
	}
	if neg {
		b = append(b, '-')
	} else {
		b = append(b, '+')
	}
	b = appendUint(b, uint64(i))
	b = append(b, '.')
	return appendFrac(b, int(uint32(float64(f)/4294967296.0*1000000000.0)), 9)
}

func appendNTPControl(b []byte, n NTP, length int) ([]byte, bool) {
	if length < ntpControlLen {
		return appendNTPInvalid(b, n, length)
	}
	if len(n) < 2 {
		return b, false
	}
	c := n[1]
	b = append(b, ", "...)
	if c&0x80 != 0 {
		b = append(b, "Response"...)
	} else {
		b = append(b, "Request"...)
	}
	if c&0x40 != 0 {
		b = append(b, ", Error"...)
	} else {
		b = append(b, ", OK"...)
	}
	if c&0x20 != 0 {
		b = append(b, ", More"...)
	} else {
		b = append(b, ", Last"...)
	}
	b = append(b, ", OpCode="...)
	b = appendUint(b, uint64(c&0x1f))
	b = append(b, '\n')
	for k, label := range [...]string{"\tSequence=", ", Status=", ", Assoc.=", ", Offset=", ", Count="} {
		off := 2 + 2*k
		if len(n) < off+2 {
			return b, false
		}
		v := be16(n[off:])
		b = append(b, label...)
		if k == 1 && v != 0 {
			b = append(b, "0x"...)
			b = appendHexMin(b, uint64(v))
		} else {
			b = appendUint(b, uint64(v))
		}
	}
	count := int(be16(n[10:]))
	if length < ntpControlLen+count {
		return appendNTPInvalid(b, n, length)
	}
	if count != 0 {
		if len(n) < ntpControlLen+count {
			return b, false
		}
		b = append(b, "\n\tTO-BE-DONE: data not interpreted"...)
	}
	return b, true
}
