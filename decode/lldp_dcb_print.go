package decode

import "strconv"

// tcpdump 4.99's -v lines for the IEEE 802.1 organization TLVs of Data
// Center Bridging (congestion notification, ETS, PFC, application
// priority), EVB and CDCP, and for IANA's MUD URL (RFC 8520). A TLV
// shorter than its fixed part gets its subtype line alone, as tcpdump
// prints it; so does a list whose length is no multiple of its entries'.

// lldpDCBName returns tcpdump's name of IEEE 802.1 subtype sub, or "" for
// one lldpLineOrg names itself or does not know.
func lldpDCBName(sub uint8) string {
	switch sub {
	case 8:
		return "Congestion Notification"
	case 9:
		return "ETS Configuration"
	case 10:
		return "ETS Recommendation"
	case 11:
		return "Priority Flow Control Configuration"
	case 12:
		return "Application Priority"
	case 13:
		return "EVB"
	case 14:
		return "CDCP"
	}
	return ""
}

// lldpDCBMin is the shortest value (OUI and subtype included) of each
// subtype for which tcpdump prints more than its name.
var lldpDCBMin = [15]int{8: 6, 9: 25, 10: 25, 11: 6, 12: 5, 13: 9, 14: 8}

var lldpEVBModes = [4]string{"Not Supported", "EVB Bridge", "EVB Station", "Reserved for future Standardization"}

// appendLLDPDCB appends what tcpdump prints under the subtype line of
// IEEE 802.1 TLV val (OUI first) of subtype 8 to 14.
func appendLLDPDCB(b, val []byte) []byte {
	sub := val[3]
	if len(val) < lldpDCBMin[sub] {
		return b
	}
	v := val[4:]
	switch sub {
	case 8:
		b = append(b, "\n\t    Pre-Priority CNPV Indicator"...)
		b = appendLLDPPriorityBits(b, v[0])
		b = append(b, "\n\t    Pre-Priority Ready Indicator"...)
		b = appendLLDPPriorityBits(b, v[1])
	case 9, 10:
		if sub == 9 {
			b = strconv.AppendUint(append(b, "\n\t    Willing:"...), uint64(v[0]>>7), 10)
			b = append(b, ", CBS:"...)
			b = strconv.AppendUint(b, uint64(v[0]&0x80>>6), 10) // tcpdump's mask: the willing bit, shifted by 6
			b = strconv.AppendUint(append(b, ", RES:"...), uint64(v[0]>>3&7), 10)
			b = strconv.AppendUint(append(b, ", Max TCs:"...), uint64(v[0]&7), 10)
		} else {
			b = strconv.AppendUint(append(b, "\n\t    RES: "...), uint64(v[0]), 10)
		}
		b = append(b, "\n\t    Priority Assignment Table\n\t     Priority : 0   1   2   3   4   5   6   7\n\t     Value    :"...)
		for _, x := range v[1:5] {
			b = appendLeft3(appendLeft3(b, x>>4), x&15)
		}
		b = append(b, "\n\t    TC Bandwidth Table\n\t     TC%   : 0   1   2   3   4   5   6   7\n\t     Value :"...)
		for _, x := range v[5:13] {
			b = appendLeft3(b, x)
		}
		b = append(b, "\n\t    TSA Assignment Table\n\t     Traffic Class: 0   1   2   3   4   5   6   7\n\t     Value        :"...)
		for _, x := range v[13:21] {
			b = appendLeft3(b, x)
		}
	case 11:
		b = strconv.AppendUint(append(b, "\n\t    Willing: "...), uint64(v[0]>>7), 10)
		b = strconv.AppendUint(append(b, ", MBC: "...), uint64(v[0]>>6&1), 10)
		b = strconv.AppendUint(append(b, ", RES: "...), uint64(v[0]>>4&3), 10)
		b = strconv.AppendUint(append(b, ", PFC cap:"...), uint64(v[0]&15), 10)
		b = append(b, " \n\t    PFC Enable"...)
		b = appendLLDPPriorityBits(b, v[1])
	case 12:
		b = strconv.AppendUint(append(b, "\n\t    RES: "...), uint64(v[0]), 10)
		if e := v[1:]; len(e) > 0 && len(e)%3 == 0 {
			b = append(b, "\n\t    Application Priority Table"...)
			for ; len(e) >= 3; e = e[3:] {
				b = strconv.AppendUint(append(b, "\n\t      Priority: "...), uint64(e[0]>>5), 10)
				b = strconv.AppendUint(append(b, ", RES: "...), uint64(e[0]>>3&3), 10)
				b = strconv.AppendUint(append(b, ", Sel: "...), uint64(e[0]&7), 10)
				b = strconv.AppendUint(append(b, ", Protocol ID: "...), uint64(be16(e[1:])), 10)
			}
		}
	case 13:
		b = strconv.AppendUint(append(b, "\n\t    EVB Bridge Status\n\t      RES: "...), uint64(v[0]>>3), 10)
		b = strconv.AppendUint(append(b, ", BGID: "...), uint64(v[0]>>2&1), 10)
		b = strconv.AppendUint(append(b, ", RRCAP: "...), uint64(v[0]>>1&1), 10)
		b = strconv.AppendUint(append(b, ", RRCTR: "...), uint64(v[0]&1), 10)
		b = strconv.AppendUint(append(b, "\n\t    EVB Station Status\n\t      RES: "...), uint64(v[1]>>4), 10)
		b = strconv.AppendUint(append(b, ", SGID: "...), uint64(v[1]>>3&1), 10)
		b = strconv.AppendUint(append(b, ", RRREQ: "...), uint64(v[1]>>2&1), 10)
		b = strconv.AppendUint(append(b, ",RRSTAT: "...), uint64(v[1]&3), 10)
		b = strconv.AppendUint(append(b, "\n\t    R: "...), uint64(v[2]>>5), 10)
		b = strconv.AppendUint(append(b, ", RTE: "...), uint64(v[2]&31), 10)
		b = append(b, ", EVB Mode: "...)
		b = append(b, lldpEVBModes[v[3]>>6]...)
		b = strconv.AppendUint(append(b, " ["...), uint64(v[3]>>6), 10)
		b = strconv.AppendUint(append(b, "]\n\t    ROL: "...), uint64(v[3]>>5&1), 10)
		b = strconv.AppendUint(append(b, ", RWD: "...), uint64(v[3]&31), 10)
		b = strconv.AppendUint(append(b, ", RES: "...), uint64(v[4]>>6), 10)
		b = strconv.AppendUint(append(b, ", ROL: "...), uint64(v[4]>>5&1), 10)
		b = strconv.AppendUint(append(b, ", RKA: "...), uint64(v[4]&31), 10)
	case 14:
		b = strconv.AppendUint(append(b, "\n\t    Role: "...), uint64(v[0]>>7), 10)
		b = strconv.AppendUint(append(b, ", RES: "...), uint64(v[0]>>4&7), 10)
		b = strconv.AppendUint(append(b, ", Scomp: "...), uint64(v[0]>>3&1), 10)
		b = strconv.AppendUint(append(b, " ChnCap: "...), uint64(be16(v[2:])&0xfff), 10)
		if e := v[4:]; len(e)%3 == 0 {
			for ; len(e) >= 3; e = e[3:] {
				b = strconv.AppendUint(append(b, "\n\t    SCID: "...), uint64(be16(e)>>4), 10)
				b = strconv.AppendUint(append(b, ", SVID: "...), uint64(be16(e[1:])&0xfff), 10)
			}
		}
	}
	return b
}

// appendLLDPPriorityBits appends tcpdump's table of the eight priorities'
// bits in x, priority 0 the lowest bit.
func appendLLDPPriorityBits(b []byte, x byte) []byte {
	b = append(b, "\n\t     Priority : 0  1  2  3  4  5  6  7\n\t     Value    : "...)
	for k := range 8 {
		b = append(b, '0'+x>>k&1, ' ', ' ')
	}
	return b
}

// appendLeft3 appends x as C's " %-3d" does.
func appendLeft3(b []byte, x byte) []byte {
	b = append(b, ' ')
	n := len(b)
	b = strconv.AppendUint(b, uint64(x), 10)
	for len(b)-n < 3 {
		b = append(b, ' ')
	}
	return b
}
