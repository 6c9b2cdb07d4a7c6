package decode

// jsonNTP writes the "ntp" member with Wireshark's field names (ntp.flags.li,
// ntp.flags.vn, ntp.flags.mode, ntp.stratum, ntp.ppoll, ntp.precision,
// ntp.rootdelay, ntp.rootdispersion, ntp.refid, ntp.reftime, ntp.org,
// ntp.rec, ntp.xmt, ntp.keyid, ntp.mac), with tshark's values: root delay
// and dispersion as raw 16.16 numbers, timestamps as UTC dates ("NULL" for
// zero).
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
	// Wireshark shows ppoll and precision as unsigned bytes (236 for 2^-20);
	// a message cut short shows the fields it has.
	if n.Mode() <= NTPModeBroadcast && !n.HasTime() {
		for k, key := range [...]string{"stratum", "ppoll", "precision"} {
			if len(n) > 1+k {
				w.int(key, int(n[1+k]))
			}
		}
		if len(n) >= 8 {
			w.uint("rootdelay", uint64(n.RootDelay()))
		}
		if len(n) >= 12 {
			w.uint("rootdispersion", uint64(n.RootDispersion()))
		}
		if len(n) >= 16 {
			w.key("refid")
			w.b = append(w.b, '"')
			w.b = appendHexBytes(w.b, n.RefID())
			w.b = append(w.b, '"')
		}
		for k, key := range [...]string{"reftime", "org", "rec"} {
			if len(n) >= 24+8*k {
				w.key(key)
				w.b = append(w.b, '"')
				w.b = appendWSNTPTime(w.b, n[16+8*k:])
				w.b = append(w.b, '"')
			}
		}
	}
	if n.HasTime() {
		w.int("stratum", int(n.Stratum()))
		w.int("ppoll", int(n[2]))
		w.int("precision", int(n[3]))
		// tshark shows the raw 16.16 fixed-point values.
		w.uint("rootdelay", uint64(n.RootDelay()))
		w.uint("rootdispersion", uint64(n.RootDispersion()))
		w.key("refid")
		w.b = append(w.b, '"')
		w.b = appendHexBytes(w.b, n.RefID())
		w.b = append(w.b, '"')
		for k, key := range [...]string{"reftime", "org", "rec", "xmt"} {
			w.key(key)
			w.b = append(w.b, '"')
			w.b = appendWSNTPTime(w.b, n[16+8*k:])
			w.b = append(w.b, '"')
		}
		if len(n) >= ntpTimeLen+4 {
			w.key("keyid")
			w.b = append(w.b, '"')
			w.b = appendHexBytes(w.b, n[ntpTimeLen:ntpTimeLen+4])
			w.b = append(w.b, '"')
			if len(n) > ntpTimeLen+4 {
				w.key("mac")
				w.b = append(w.b, '"')
				w.b = appendHexBytes(w.b, n[ntpTimeLen+4:])
				w.b = append(w.b, '"')
			}
		}
	}
	if n.Mode() == NTPModeControl { // the fields a message cut short still has
		if len(n) >= 2 {
			w.bool("ctrl.flags2.r", n[1]&0x80 != 0)
			w.bool("ctrl.flags2.error", n[1]&0x40 != 0)
			w.bool("ctrl.flags2.more", n[1]&0x20 != 0)
			w.int("ctrl.flags2.opcode", int(n[1]&0x1f))
		}
		for k, key := range [...]string{"ctrl.sequence", "", "ctrl.associd", "ctrl.offset", "ctrl.count"} {
			if key != "" && len(n) >= 4+2*k {
				w.int(key, int(be16(n[2+2*k:])))
			}
		}
	}
	w.close()
}
