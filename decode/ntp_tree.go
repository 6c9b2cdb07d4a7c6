package decode

import (
	"math"
	"strconv"
	"time"
)

// This file writes the NTP subtree of -V as tshark -V shows it.

var ntpModeTreeNames = [8]string{
	"reserved", "symmetric active", "symmetric passive", "client", "server", "broadcast",
	"reserved for NTP control message", "reserved for private use",
}

var ntpLeapTreeNames = [4]string{
	"no warning", "last minute of the day has 61 seconds",
	"last minute of the day has 59 seconds", "unknown (clock unsynchronized)",
}

// appendWSNTPTime appends a 32.32 timestamp as Wireshark shows it: "NULL"
// for zero, else the UTC date with nanoseconds, in NTP era 1 (2036 on)
// when the top bit is clear.
func appendWSNTPTime(b, v []byte) []byte {
	s, f := be32(v), be32(v[4:])
	if s == 0 && f == 0 {
		return append(b, "NULL"...)
	}
	sec := int64(s) - 2208988800
	if s&0x80000000 == 0 {
		sec += 1 << 32
	}
	ns := int64(uint32(float64(f) / 4294967296.0 * 1000000000.0))
	if sec == 0 && ns == 0 {
		return append(b, "NULL"...) // Wireshark's zero time
	}
	return time.Unix(sec, ns).UTC().AppendFormat(b, "Jan _2, 2006 15:04:05.000000000 UTC")
}

// treeNTP writes the subtree as tshark -V shows its main fields.
func treeNTP(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	n := NTP(d.data[l.Start:l.End])
	t.head("Network Time Protocol")
	if len(n) < 1 {
		t.end()
		return
	}
	mode := ntpModeTreeNames[n.Mode()]
	t.b = append(t.b, " (NTP Version "...)
	t.b = strconv.AppendUint(t.b, uint64(n.Version()), 10)
	t.b = append(t.b, ", "...)
	switch n.Mode() {
	case NTPModeControl:
		t.b = append(t.b, "control"...)
	case NTPModePrivate:
		t.b = append(t.b, "private)"...)
		t.end() // mode 7's fields are implementation-specific: not shown
		return
	default:
		t.b = append(t.b, mode...)
	}
	t.b = append(t.b, ')')
	t.end()
	t.depth = 1
	t.line()
	t.b = append(t.b, "Flags: 0x"...)
	t.b = appendHex2(t.b, n[0])
	t.b = append(t.b, ", Leap Indicator: "...)
	t.b = append(t.b, ntpLeapTreeNames[n.Leap()]...)
	t.b = append(t.b, ", Version number: NTP Version "...)
	t.b = strconv.AppendUint(t.b, uint64(n.Version()), 10)
	t.b = append(t.b, ", Mode: "...)
	t.b = append(t.b, mode...)
	t.end()
	t.depth = 2
	t.bits(uint64(n[0]), 8, 0xc0, "Leap Indicator")
	t.b = append(t.b, ntpLeapTreeNames[n.Leap()]...)
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendUint(t.b, uint64(n.Leap()), 10)
	t.b = append(t.b, ')')
	t.end()
	t.bits(uint64(n[0]), 8, 0x38, "Version number")
	t.b = append(t.b, "NTP Version "...)
	t.b = strconv.AppendUint(t.b, uint64(n.Version()), 10)
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendUint(t.b, uint64(n.Version()), 10)
	t.b = append(t.b, ')')
	t.end()
	t.bits(uint64(n[0]), 8, 0x07, "Mode")
	t.b = append(t.b, mode...)
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendUint(t.b, uint64(n.Mode()), 10)
	t.b = append(t.b, ')')
	t.end()
	t.depth = 1
	if !n.HasTime() {
		return
	}
	st := n.Stratum()
	t.line()
	t.b = append(t.b, "Peer Clock Stratum: "...)
	switch {
	case st == 0:
		t.b = append(t.b, "unspecified or invalid"...)
	case st == 1:
		t.b = append(t.b, "primary reference"...)
	case st <= 15:
		t.b = append(t.b, "secondary reference"...)
	case st == 16:
		t.b = append(t.b, "unsynchronized"...)
	default:
		t.b = append(t.b, "reserved"...)
	}
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendUint(t.b, uint64(st), 10)
	t.b = append(t.b, ')')
	t.end()
	t.line()
	t.b = append(t.b, "Peer Polling Interval: "...)
	if p := n[2]; p >= 4 && p <= 17 {
		t.b = strconv.AppendUint(t.b, uint64(p), 10)
		t.b = append(t.b, " ("...)
		t.b = strconv.AppendUint(t.b, 1<<p, 10)
		t.b = append(t.b, " seconds)"...)
	} else {
		t.b = append(t.b, "invalid ("...)
		t.b = strconv.AppendUint(t.b, uint64(p), 10)
		t.b = append(t.b, ')')
	}
	t.end()
	t.line()
	t.b = append(t.b, "Peer Clock Precision: "...)
	t.b = strconv.AppendFloat(t.b, math.Ldexp(1, int(n.Precision())), 'f', 6, 64)
	t.b = append(t.b, " seconds"...)
	t.end()
	for _, f := range [...]struct {
		label string
		v     uint32
	}{{"Root Delay: ", n.RootDelay()}, {"Root Dispersion: ", n.RootDispersion()}} {
		t.line()
		t.b = append(t.b, f.label...)
		t.b = strconv.AppendFloat(t.b, float64(f.v)/65536, 'f', 6, 64)
		t.b = append(t.b, " seconds"...)
		t.end()
	}
	// Wireshark names reference clocks from a table rawcap does not carry
	// ("Global Position System" for GPS): for stratum 1 the line is left out.
	if ref := n.RefID(); st != 1 || be32(ref) == 0 {
		treeNTPRefID(t, st, ref)
	}
	for k, label := range [...]string{"Reference Timestamp: ", "Origin Timestamp: ", "Receive Timestamp: ", "Transmit Timestamp: "} {
		t.line()
		t.b = append(t.b, label...)
		t.b = appendWSNTPTime(t.b, n[16+8*k:])
		t.end()
	}
	if len(n) >= ntpTimeLen+4 {
		t.line()
		t.b = append(t.b, "Key ID: "...)
		t.b = appendHexBytes(t.b, n[ntpTimeLen:ntpTimeLen+4])
		t.end()
		if len(n) > ntpTimeLen+4 {
			t.line()
			t.b = append(t.b, "Message Authentication Code: "...)
			t.b = appendHexBytes(t.b, n[ntpTimeLen+4:])
			t.end()
		}
	}
}

// treeNTPRefID writes the reference ID line as Wireshark words it.
func treeNTPRefID(t *treeWriter, st uint8, ref []byte) {
	t.line()
	t.b = append(t.b, "Reference ID: "...)
	switch {
	case be32(ref) == 0:
		t.b = append(t.b, "NULL"...)
	case st == 0 && string(ref) == "INIT":
		t.b = append(t.b, "(Initialization)"...)
	case st <= 1:
		t.b = append(t.b, "Unidentified reference source '"...)
		for _, c := range ref {
			if c == 0 {
				break
			}
			t.b = appendPrintChar(t.b, c)
		}
		t.b = append(t.b, '\'')
	default:
		t.b = appendIPv4(t.b, ref, 0)
	}
	t.end()
}
