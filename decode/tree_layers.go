package decode

func treeAllZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

func icmpTypeName(typ uint8) string {
	switch typ {
	case 0:
		return "Echo (ping) reply"
	case 3:
		return "Destination unreachable"
	case 4:
		return "Source quench (flow control)"
	case 5:
		return "Redirect"
	case 8:
		return "Echo (ping) request"
	case 11:
		return "Time-to-live exceeded"
	case 12:
		return "Parameter problem"
	case 13:
		return "Timestamp request"
	case 14:
		return "Timestamp reply"
	case 42:
		return "Extended Echo request"
	case 43:
		return "Extended Echo reply"
	}
	return ""
}

var unreachCodeNames = [...]string{"Network unreachable", "Host unreachable", "Protocol unreachable", "Port unreachable",
	"Fragmentation needed", "Source route failed", "Destination network unknown", "Destination host unknown",
	"Source host isolated", "Network administratively prohibited", "Host administratively prohibited",
	"Network unreachable for TOS", "Host unreachable for TOS", "Communication administratively filtered",
	"Host precedence violation", "Precedence cutoff in effect"}

// icmpDataTime returns the timestamp tshark finds in the first 8 bytes of
// the data of the ICMP echo at layer i: seconds and microseconds, big- or
// little-endian, within a day of the frame's time.
func icmpDataTime(f *Frame, d *Decoder, i int) (sec, nsec int64, ok bool) {
	l := &d.layers[i]
	if f == nil || l.End-l.Start < 16 || l.Start+8 > l.Payload || i+1 >= d.n {
		return 0, 0, false
	}
	m := ICMPv4(d.data[l.Start:l.End])
	if m.Type() != ICMPEcho && m.Type() != ICMPEchoReply {
		return 0, 0, false
	}
	now := uint32(f.Time.Unix())
	near := func(s, us uint32) bool {
		diff := int32(s - now)
		return diff > -86400 && diff < 86400 && us < 1000000
	}
	s, us := be32(m[8:]), be32(m[12:])
	if !near(s, us) {
		s, us = le32(m[8:]), le32(m[12:])
		if !near(s, us) {
			return 0, 0, false
		}
	}
	return int64(s), int64(us) * 1000, true
}

// appendDSCPShort appends Wireshark's short DSCP name ("CS0", "AF11", "EF").
func appendDSCPShort(b []byte, v uint8) []byte {
	switch {
	case v&7 == 0:
		return append(b, 'C', 'S', '0'+v>>3)
	case v >= 10 && v <= 38 && v&1 == 0 && (v>>1)&3 != 0:
		return append(b, 'A', 'F', '0'+v>>3, '0'+(v>>1)&3)
	case v == 46:
		return append(b, "EF PHB"...)
	case v == 44:
		return append(b, "VOICE-ADMIT"...)
	case v == 1:
		return append(b, "LE"...)
	}
	return append(b, "Unknown"...)
}

var ecnShort = [4]string{"Not-ECT", "ECT(1)", "ECT(0)", "CE"}
