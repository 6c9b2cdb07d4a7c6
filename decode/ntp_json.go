package decode

import (
	"strconv"
	"time"
)

// jsonNTP writes the "ntp" member with Wireshark's field names (ntp.flags.li,
// ntp.flags.vn, ntp.flags.mode, ntp.stratum, ntp.ppoll, ntp.precision,
// ntp.rootdelay, ntp.rootdispersion, ntp.refid, ntp.reftime, ntp.org,
// ntp.rec, ntp.xmt). Timestamps are strings "seconds.nanoseconds" since
// 1900, as tcpdump prints them.
func jsonNTP(w *jsonWriter, d *Decoder, i int) {
	l := &d.layers[i]
	w.open("ntp")
	n := NTP(d.data[l.Start:l.End])
	if len(n) < 1 {
		w.close()
		return
	}
	w.hex("flags", uint64(n[0]), 2)
	if n.Mode() != NTPModePrivate { // Wireshark's mode 7 has its own flags
		w.int("flags.li", int(n.Leap()))
	}
	w.int("flags.vn", int(n.Version()))
	w.int("flags.mode", int(n.Mode()))
	// Wireshark shows ppoll and precision as unsigned bytes (236 for 2^-20).
	if n.Mode() <= NTPModeBroadcast && !n.HasTime() {
		for k, key := range [...]string{"stratum", "ppoll", "precision"} {
			if len(n) > 1+k {
				w.int(key, int(n[1+k]))
			}
		}
	}
	if n.HasTime() {
		w.int("stratum", int(n.Stratum()))
		w.int("ppoll", int(n[2]))
		w.int("precision", int(n[3]))
		w.key("rootdelay")
		w.b = appendNTPShortSeconds(w.b, n.RootDelay())
		w.key("rootdispersion")
		w.b = appendNTPShortSeconds(w.b, n.RootDispersion())
		w.key("refid")
		w.b = append(w.b, '"')
		w.b = appendHexBytes(w.b, n.RefID())
		w.b = append(w.b, '"')
		for k, key := range [...]string{"reftime", "org", "rec", "xmt"} {
			w.key(key)
			w.b = append(w.b, '"')
			w.b = appendNTPTimestamp(w.b, n[16+8*k:])
			w.b = append(w.b, '"')
		}
	}
	if n.HasControl() {
		w.bool("ctrl.flags2.r", n[1]&0x80 != 0)
		w.bool("ctrl.flags2.error", n[1]&0x40 != 0)
		w.bool("ctrl.flags2.more", n[1]&0x20 != 0)
		w.int("ctrl.flags2.opcode", int(n[1]&0x1f))
		w.int("ctrl.sequence", int(be16(n[2:])))
		w.int("ctrl.assoc", int(be16(n[6:])))
		w.int("ctrl.offset", int(be16(n[8:])))
		w.int("ctrl.count", int(be16(n[10:])))
	}
	w.close()
}

// appendNTPShortSeconds appends a 16.16 value in seconds as a JSON number.
func appendNTPShortSeconds(b []byte, v uint32) []byte {
	return strconv.AppendFloat(b, float64(v)/65536, 'f', -1, 64)
}

var ntpModeTreeNames = [8]string{
	"Reserved", "Symmetric Active", "Symmetric Passive", "Client", "Server", "Broadcast",
	"reserved for NTP control message", "reserved for private use",
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
	t.b = append(t.b, " (NTP Version "...)
	t.b = strconv.AppendUint(t.b, uint64(n.Version()), 10)
	t.b = append(t.b, ", "...)
	t.b = append(t.b, ntpModeTreeNames[n.Mode()]...)
	t.b = append(t.b, ')')
	t.end()
	t.depth = 1
	t.line()
	t.b = append(t.b, "Flags: 0x"...)
	t.b = appendHex2(t.b, n[0])
	t.end()
	t.depth = 2
	t.bits(uint64(n[0]), 8, 0xc0, "Leap Indicator")
	switch n.Leap() {
	case 0:
		t.b = append(t.b, "no warning (0)"...)
	case 1:
		t.b = append(t.b, "last minute of the day has 61 seconds (1)"...)
	case 2:
		t.b = append(t.b, "last minute of the day has 59 seconds (2)"...)
	default:
		t.b = append(t.b, "unknown (clock unsynchronized) (3)"...)
	}
	t.end()
	t.bits(uint64(n[0]), 8, 0x38, "Version number")
	t.b = append(t.b, "NTP Version "...)
	t.b = strconv.AppendUint(t.b, uint64(n.Version()), 10)
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendUint(t.b, uint64(n.Version()), 10)
	t.b = append(t.b, ')')
	t.end()
	t.bits(uint64(n[0]), 8, 0x07, "Mode")
	t.b = append(t.b, ntpModeTreeNames[n.Mode()]...)
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendUint(t.b, uint64(n.Mode()), 10)
	t.b = append(t.b, ')')
	t.end()
	t.depth = 1
	if !n.HasTime() {
		return
	}
	t.int("Peer Clock Stratum", int(n.Stratum()))
	t.int("Peer Polling Interval", int(n.Poll()))
	t.int("Peer Clock Precision", int(n.Precision()))
	t.line()
	t.b = append(t.b, "Root Delay: "...)
	t.b = appendNTPShortSeconds(t.b, n.RootDelay())
	t.b = append(t.b, " seconds"...)
	t.end()
	t.line()
	t.b = append(t.b, "Root Dispersion: "...)
	t.b = appendNTPShortSeconds(t.b, n.RootDispersion())
	t.b = append(t.b, " seconds"...)
	t.end()
	t.line()
	t.b = append(t.b, "Reference ID: "...)
	t.b = appendHexBytes(t.b, n.RefID())
	t.end()
	for k, label := range [...]string{"Reference Timestamp: ", "Origin Timestamp: ", "Receive Timestamp: ", "Transmit Timestamp: "} {
		t.line()
		t.b = append(t.b, label...)
		ts := n.Timestamp(k)
		if ts == 0 {
			t.b = append(t.b, "(0)Jan  1, 1970 00:00:00.000000000 UTC"...)
		} else {
			sec := int64(ts>>32) - 2208988800
			ns := int64((ts & 0xffffffff) * 1000000000 >> 32)
			t.b = time.Unix(sec, ns).UTC().AppendFormat(t.b, "Jan _2, 2006 15:04:05.000000000 UTC")
		}
		t.end()
	}
}
