package decode

import (
	"net/netip"
	"strconv"
)

// This file draws IPv4's options (RFC 791, 1108, 1393, 1063, 2113, 4782,
// and CIPSO) in the -V tree as tshark 4.0 draws them. An option list with
// any option whose drawing is not known line for line (a length that makes
// tshark stop with an exception, a CIPSO tag it reports as malformed) is
// not drawn at all, so the tree holds no line tshark does not print.

// ipOptFixedLen is the length of the options Wireshark registers with a
// fixed length, by type (0: not fixed).
func ipOptFixedLen(code byte) int {
	switch code {
	case 11, 12, 136, 148: // MTU probe, MTU reply, stream ID, router alert
		return 4
	case 25: // quick-start
		return 8
	case 82: // traceroute
		return 12
	}
	return 0
}

// ipOptLabel is tshark's name of an option type ("" for one it does not
// know).
func ipOptLabel(code byte) string {
	switch code {
	case 0:
		return "End of Options List (EOL)"
	case 1:
		return "No-Operation (NOP)"
	case 7:
		return "Record Route"
	case 11:
		return "MTU Probe"
	case 12:
		return "MTU Reply"
	case 25:
		return "Quick-Start"
	case 68:
		return "Time Stamp"
	case 82:
		return "Traceroute"
	case 130:
		return "Security"
	case 131:
		return "Loose Source Route"
	case 133:
		return "Extended Security"
	case 134:
		return "Commercial Security"
	case 136:
		return "Stream ID"
	case 137:
		return "Strict Source Route"
	case 148:
		return "Router Alert"
	case 149:
		return "Selective Directed Broadcast"
	}
	return ""
}

// ipOptClassNames and ipOptNumberNames are ip.opt.type.class's and
// ip.opt.type.number's value names.
var ipOptClassNames = [4]string{"Control", "Reserved for future use", "Debugging and measurement", "Reserved for future use"}

var ipOptNumberNames = [32]string{
	0: "End of Option List (EOL)", 1: "No-Operation (NOP)", 2: "Security", 3: "Loose source route",
	4: "Time stamp", 5: "Extended security", 6: "Commercial IP security option", 7: "Record route",
	8: "Stream identifier", 9: "Strict source route", 10: "Experimental Measurement", 11: "MTU probe",
	12: "MTU Reply", 13: "Experimental Flow Control", 14: "Experimental Access Control", 15: "Ask Estrin",
	16: "IMI Traffic Descriptor", 17: "Extended Internet Protocol", 18: "Traceroute", 19: "Address Extension",
	20: "Router Alert", 21: "Selective Directed Broadcast", 22: "Unassigned", 23: "Dynamic Packet State",
	24: "Upstream Multicast Packet", 25: "Quick-Start", 30: "RFC 3692-style experiment",
}

// ipv4PendingRoute returns the final destination of the first loose or
// strict source route option whose pointer still points at an address:
// Wireshark then shows that address as the packet's destination and the
// header's as the current route ("Dst: final, Via: dst").
func ipv4PendingRoute(opts []byte) (netip.Addr, bool) {
	for len(opts) > 0 && opts[0] != 0 {
		if opts[0] == 1 {
			opts = opts[1:]
			continue
		}
		if len(opts) < 2 || opts[1] < 2 || int(opts[1]) > len(opts) {
			break
		}
		n := int(opts[1])
		if (opts[0] == 131 || opts[0] == 137) && n >= 7 && int(opts[2]) <= n {
			k := 3 + (n-3)/4*4 - 4
			return netip.AddrFrom4([4]byte(opts[k : k+4])), true
		}
		opts = opts[n:]
	}
	return netip.Addr{}, false
}

// ipOptStep is one step of the walk through an option list that tshark's
// dissector takes.
type ipOptStep uint8

const (
	ipOptStepOne     ipOptStep = iota // EOL or NOP: one byte
	ipOptStepKnown                    // a known option of length n
	ipOptStepUnknown                  // an option tshark does not know, of length n
	ipOptStepNoLen                    // the length byte is past the options: stop
	ipOptStepShort                    // the length is below 2: stop
	ipOptStepLong                     // the option runs past the options: stop
)

// ipOptNext classifies the option at the start of o (not empty) and
// returns its length.
func ipOptNext(o []byte) (ipOptStep, int) {
	switch {
	case o[0] <= 1:
		return ipOptStepOne, 1
	case len(o) < 2:
		return ipOptStepNoLen, 0
	case o[1] < 2:
		return ipOptStepShort, int(o[1])
	case int(o[1]) > len(o):
		return ipOptStepLong, int(o[1])
	case ipOptLabel(o[0]) == "":
		return ipOptStepUnknown, int(o[1])
	}
	return ipOptStepKnown, int(o[1])
}

// ipv4OptionsDrawable reports whether every option tshark reaches in opts
// is one rawcap draws (and emits) as tshark does.
func ipv4OptionsDrawable(opts []byte) bool {
	for off := 0; off < len(opts); {
		step, n := ipOptNext(opts[off:])
		switch step {
		case ipOptStepOne:
			if opts[off] == 0 {
				return true
			}
			off++
			continue
		case ipOptStepKnown:
			if !ipOptDrawable(opts[off : off+n]) {
				return false
			}
		case ipOptStepUnknown:
		default:
			return true
		}
		off += n
	}
	return true
}

// treeIPv4Options draws the options of ip (at least 21 bytes long): the
// "Options: (N bytes), names" line and a subtree per option. It draws
// nothing when an option is one it cannot draw as tshark does.
func treeIPv4Options(t *treeWriter, ip IPv4) {
	opts := ip[20:]
	if !ipv4OptionsDrawable(opts) {
		return
	}
	t.depth = 1
	t.line()
	t.b = append(t.b, "Options: ("...)
	t.b = appendBytesBits(t.b, len(opts))
	t.b = append(t.b, ')')
	for off := 0; off < len(opts); {
		step, n := ipOptNext(opts[off:])
		if step == ipOptStepOne {
			if opts[off] == 0 {
				break
			}
			off++
			continue
		}
		if step == ipOptStepKnown {
			t.b = append(t.b, ", "...)
			t.b = append(t.b, ipOptLabel(opts[off])...)
		} else if step != ipOptStepUnknown {
			break
		}
		off += n
	}
	t.end()
	nop := 0
	for off := 0; off < len(opts); {
		t.depth = 2
		code := opts[off]
		if code == 1 && (nop == 0 || off%4 != 0) {
			nop++
		} else {
			nop = 0
		}
		step, n := ipOptNext(opts[off:])
		switch step {
		case ipOptStepOne:
			if nop == 4 {
				t.expert("Warning", "Protocol", "4 NOP in a row - a router may have removed some options", nil)
			}
			t.line()
			t.b = append(t.b, "IP Option - "...)
			t.b = append(t.b, ipOptLabel(code)...)
			t.end()
			t.depth++
			treeIPOptType(t, code)
			if code == 0 {
				return
			}
			off++
			continue
		case ipOptStepNoLen:
			treeIPOptError(t, code, " (length byte past end of options)", 0)
			return
		case ipOptStepShort:
			treeIPOptError(t, code, " (with too-short option length = ", n)
			return
		case ipOptStepLong:
			treeIPOptError(t, code, " (option length = ", n)
			return
		case ipOptStepUnknown:
			t.line()
			t.b = append(t.b, "Unknown (0x"...)
			t.b = appendHex2(t.b, code)
			t.b = append(t.b, ") ("...)
			t.b = appendBytesBits(t.b, n)
			t.b = append(t.b, ')')
			t.end()
		case ipOptStepKnown:
			treeIPOption(t, opts[off:off+n], ip.TTL())
		}
		off += n
	}
}

// treeIPOptError draws the line and expert information tshark adds where
// an option's length byte is missing or wrong, after which it draws no
// further option. what is the text after the option's name; n is the
// length byte, or 0 when it is missing.
func treeIPOptError(t *treeWriter, code byte, what string, n int) {
	start := len(t.b)
	if l := ipOptLabel(code); l != "" {
		t.b = append(t.b, l...)
	} else {
		t.b = append(t.b, "Unknown (0x"...)
		t.b = appendHex2(t.b, code)
		t.b = append(t.b, ')')
	}
	t.b = append(t.b, what...)
	switch what[2] {
	case 'w': // with too-short option length = n bytes
		t.b = appendBytesBits(t.b, n)
		t.b = append(t.b, ')')
	case 'o': // option length = n bytes says option goes past end of options
		t.b = appendBytesBits(t.b, n)
		t.b = append(t.b, " says option goes past end of options)"...)
	}
	var msg [96]byte
	m := append(msg[:0], t.b[start:]...)
	t.b = t.b[:start]
	t.line()
	t.b = append(t.b, m...)
	t.end()
	t.depth++
	t.expert("Warning", "Protocol", "", m)
	t.depth--
}

// treeIPOptType draws an option's type byte and its three parts, at the
// current depth.
func treeIPOptType(t *treeWriter, code byte) {
	t.int("Type", int(code))
	t.depth++
	t.bits(uint64(code), 8, 0x80, "Copy on fragmentation")
	if code&0x80 != 0 {
		t.b = append(t.b, "Yes"...)
	} else {
		t.b = append(t.b, "No"...)
	}
	t.end()
	t.bits(uint64(code), 8, 0x60, "Class")
	t.b = append(t.b, ipOptClassNames[code>>5&3]...)
	t.b = append(t.b, " ("...)
	t.b = appendUint(t.b, uint64(code>>5&3))
	t.b = append(t.b, ')')
	t.end()
	t.bits(uint64(code), 8, 0x1f, "Number")
	t.b = append(t.b, ipOptNumberNames[code&0x1f]...)
	t.b = append(t.b, " ("...)
	t.b = appendUint(t.b, uint64(code&0x1f))
	t.b = append(t.b, ')')
	t.end()
	t.depth--
}

// treeIPOption draws one known option o (its whole length, at least 2
// bytes) at depth 2. It reports false for an option it cannot draw as
// tshark does; the caller then throws the options' lines away.
func treeIPOption(t *treeWriter, o []byte, ttl uint8) {
	code, n := o[0], len(o)
	fixed := ipOptFixedLen(code)
	t.depth = 2
	t.line()
	t.b = append(t.b, "IP Option - "...)
	t.b = append(t.b, ipOptLabel(code)...)
	t.b = append(t.b, " ("...)
	if fixed > 0 {
		t.b = appendBytesBits(t.b, fixed)
	} else {
		t.b = appendBytesBits(t.b, n)
	}
	t.b = append(t.b, ')')
	switch code {
	case 148:
		t.b = append(t.b, ": "...)
		t.b = appendIPOptRA(t.b, be16(o[2:]))
	case 25:
		t.b = append(t.b, ": "...)
		if o[2]>>4 == 0 {
			t.b = append(t.b, "Rate request (0), "...)
			t.b = append(t.b, ipQSRates[o[2]&15]...)
			t.b = append(t.b, ", QS TTL "...)
			t.b = appendUint(t.b, uint64(o[3]))
			t.b = append(t.b, ", QS TTL diff "...)
			t.b = appendUint(t.b, uint64(ttl-o[3]))
		} else {
			t.b = append(t.b, "Rate report (8), "...)
			t.b = append(t.b, ipQSRates[o[2]&15]...)
		}
	}
	t.end()
	t.depth = 3
	treeIPOptType(t, code)
	t.int("Length", n)
	if fixed > 0 && n != fixed {
		var msg [80]byte
		m := append(msg[:0], ipOptLabel(code)...)
		m = append(m, " (with option length = "...)
		m = appendBytesBits(m, n)
		m = append(m, "; should be "...)
		m = strconv.AppendInt(m, int64(fixed), 10)
		m = append(m, ')')
		t.depth = 4
		t.expert("Warning", "Protocol", "", m)
		t.depth = 3
	}
	switch code {
	case 7, 131, 137:
		treeIPOptRoute(t, o)
	case 68:
		treeIPOptTimestamp(t, o)
	case 130:
		treeIPOptSecurity(t, o)
	case 133:
		t.hex("Additional Security Info Format Code", uint64(o[2]), 2)
		t.line()
		t.b = append(t.b, "Additional Security Info: "...)
		t.b = appendHexBytes(t.b, o[3:])
		t.end()
	case 134:
		treeIPOptCIPSO(t, o)
	case 136:
		t.int("Stream Identifier", int(be16(o[2:])))
	case 11, 12:
		t.int("MTU", int(be16(o[2:])))
	case 82:
		t.int("ID Number", int(be16(o[2:])))
		t.int("Outbound Hop Count", int(be16(o[4:])))
		t.int("Return Hop Count", int(be16(o[6:])))
		t.addr("Originator IP Address", netip.AddrFrom4([4]byte(o[8:12])))
	case 148:
		t.line()
		t.b = append(t.b, "Router Alert: "...)
		t.b = appendIPOptRA(t.b, be16(o[2:]))
		t.end()
	case 25:
		t.bits(uint64(o[2]), 8, 0xf0, "Function")
		if o[2]>>4 == 0 {
			t.b = append(t.b, "Rate request (0)"...)
		} else {
			t.b = append(t.b, "Rate report (8)"...)
		}
		t.end()
		t.bits(uint64(o[2]), 8, 0x0f, "Rate")
		t.b = append(t.b, ipQSRates[o[2]&15]...)
		t.b = append(t.b, " ("...)
		t.b = appendUint(t.b, uint64(o[2]&15))
		t.b = append(t.b, ')')
		t.end()
		if o[2]>>4 == 0 {
			t.int("QS TTL", int(o[3]))
			t.int("[TTL Diff", int(ttl-o[3]))
			t.b[len(t.b)-1] = ']'
			t.end()
		} else {
			t.int("Not Used", int(o[3]))
		}
		v := uint64(be32(o[4:]))
		t.bits(v, 32, 0xfffffffc, "QS Nonce")
		t.b = append(t.b, "0x"...)
		t.b = appendHexN(t.b, v>>2, 8)
		t.end()
		t.bits(v, 32, 3, "Reserved")
		t.b = append(t.b, "0x"...)
		t.b = strconv.AppendUint(t.b, v&3, 16)
		t.end()
	case 149:
		for k := 2; k < n; k += 4 {
			t.addr("IP Address", netip.AddrFrom4([4]byte(o[k:k+4])))
		}
	}
}

// ipQSRates are ip.opt.qs_rate's value names.
var ipQSRates = [16]string{"0 bit/s", "80 Kbit/s", "160 Kbit/s", "320 Kbit/s", "640 Kbit/s",
	"1.28 Mbit/s", "2.56 Mbit/s", "5.12 Mbit/s", "10.24 Mbit/s", "20.48 Mbit/s", "40.96 Mbit/s",
	"81.92 Mbit/s", "163.84 Mbit/s", "327.68 Mbit/s", "655.36 Mbit/s", "1.31072 Gbit/s"}

// appendIPOptRA appends a router alert value as tshark names it.
func appendIPOptRA(b []byte, v uint16) []byte {
	if v == 0 {
		b = append(b, "Router shall examine packet (0)"...)
		return b
	}
	b = append(b, "Reserved ("...)
	b = appendUint(b, uint64(v))
	return append(b, ')')
}

// treeIPOptRoute draws a record route or source route option's pointer and
// addresses.
func treeIPOptRoute(t *treeWriter, o []byte) {
	n, ptr := len(o), int(o[2])
	source := o[0] != 7
	t.int("Pointer", ptr)
	t.depth = 4
	switch {
	case (n-3)%4 != 0:
		t.expert("Warning", "Protocol", "Suboption would go past end of option", nil)
	case ptr < 4:
		t.expert("Warning", "Protocol", "Pointer points before first address", nil)
		t.depth = 3
		return
	case (ptr-4)%4 != 0:
		t.expert("Warning", "Protocol", "Pointer points to middle of address", nil)
		t.depth = 3
		return
	}
	t.depth = 3
	last := 3 + (n-3)/4*4 - 4
	for k := 3; k+4 <= n; k += 4 {
		a := netip.AddrFrom4([4]byte(o[k : k+4]))
		switch {
		case k < ptr-1:
			t.addr("Recorded Route", a)
		case source && k == last:
			t.addr("Destination Address", a)
		case k == ptr-1:
			t.line()
			if source {
				t.b = append(t.b, "Source Route: "...)
			} else {
				t.b = append(t.b, "Empty Route: "...)
			}
			t.b = a.AppendTo(t.b)
			t.b = append(t.b, " <- (next)"...)
			t.end()
		case source:
			t.addr("Source Route", a)
		default:
			t.addr("Empty Route", a)
		}
	}
}

// treeIPOptTimestamp draws a time stamp option's pointer, overflow, flag
// and records.
func treeIPOptTimestamp(t *treeWriter, o []byte) {
	n, ptr := len(o), int(o[2])
	flag := o[3] & 15
	hop := 4
	if flag == 1 || flag == 3 {
		hop = 8
	}
	t.line()
	t.b = append(t.b, "Pointer: "...)
	t.b = appendUint(t.b, uint64(ptr))
	switch {
	case ptr < 5:
		t.b = append(t.b, " (points before first address)"...)
	case (ptr-5)%hop != 0:
		t.b = append(t.b, " (points to middle of field)"...)
	}
	t.end()
	t.bits(uint64(o[3]), 8, 0xf0, "Overflow")
	t.b = appendUint(t.b, uint64(o[3]>>4))
	t.end()
	t.bits(uint64(o[3]), 8, 0x0f, "Flag")
	switch flag {
	case 0:
		t.b = append(t.b, "Time stamps only"...)
	case 1:
		t.b = append(t.b, "Time stamp and address"...)
	case 3:
		t.b = append(t.b, "Time stamps for prespecified addresses"...)
	default:
		t.b = append(t.b, "Unknown"...)
	}
	t.b = append(t.b, " (0x"...)
	t.b = strconv.AppendUint(t.b, uint64(flag), 16)
	t.b = append(t.b, ')')
	t.end()
	k := 4
	for ; k+hop <= n; k += hop {
		if hop == 8 {
			t.addr("Address", netip.AddrFrom4([4]byte(o[k:k+4])))
		}
		t.int("Time stamp", int(be32(o[k+hop-4:])))
	}
	if k < n {
		t.str("Suboption would go past end of option", "")
		t.b = t.b[:len(t.b)-3]
		t.end()
		t.depth = 4
		t.expert("Warning", "Protocol", "Suboption would go past end of option", nil)
		t.depth = 3
	}
}

// ipSecRFC791 are ip.opt.sec_rfc791_sec's value names.
func ipSecRFC791(v uint16) string {
	switch v {
	case 0:
		return "Unclassified"
	case 0xf135:
		return "Confidential"
	case 0x789a:
		return "EFTO"
	case 0xbc4d:
		return "MMMM"
	case 0x5e26:
		return "PROG"
	case 0xaf13:
		return "Restricted"
	case 0xd788:
		return "Secret"
	case 0x6bc5:
		return "Top secret"
	case 0x35e2, 0x9af1, 0x4d78, 0x24bd, 0x135e, 0x89af, 0xc4d6, 0xe26b:
		return "Reserved"
	}
	return ""
}

// ipSecLevel are ip.opt.sec_cl's value names.
func ipSecLevel(v uint8) string {
	switch v {
	case 0x01:
		return "Reserved 4"
	case 0x3d:
		return "Top secret"
	case 0x5a:
		return "Secret"
	case 0x96:
		return "Confidential"
	case 0x66:
		return "Reserved 3"
	case 0xcc:
		return "Reserved 2"
	case 0xab:
		return "Unclassified"
	case 0xf1:
		return "Reserved 1"
	}
	return "Unknown"
}

func printableASCII(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

// ipSecAuthFlags are the first protection authority byte's flags, with
// the names tshark appends for those set.
var ipSecAuthFlags = [5]string{"GENSER", "SIOP-ESI", "SCI", "NSA", "DOE"}

const ipSecRules = "Datagram protected in accordance with its rules"

// treeIPOptSecurity draws a security option: RFC 791's form when it is 11
// bytes long with a known level, RFC 1108's otherwise.
func treeIPOptSecurity(t *treeWriter, o []byte) {
	n := len(o)
	if n == 11 && ipSecRFC791(be16(o[2:])) != "" {
		t.line()
		t.b = append(t.b, "Security: "...)
		t.b = append(t.b, ipSecRFC791(be16(o[2:]))...)
		t.b = append(t.b, " (0x"...)
		t.b = appendHex4(t.b, be16(o[2:]))
		t.b = append(t.b, ')')
		t.end()
		t.int("Compartments", int(be16(o[4:])))
		t.line()
		t.b = append(t.b, "Handling Restrictions: "...)
		t.b = append(t.b, o[6:8]...)
		t.end()
		t.line()
		t.b = append(t.b, "Transmission Control Code: "...)
		t.b = append(t.b, o[8:11]...)
		t.end()
		return
	}
	t.line()
	t.b = append(t.b, "Classification Level: "...)
	t.b = append(t.b, ipSecLevel(o[2])...)
	t.b = append(t.b, " (0x"...)
	t.b = appendHex2(t.b, o[2])
	t.b = append(t.b, ')')
	t.end()
	if n < 4 {
		return
	}
	f := o[3]
	t.line()
	t.b = append(t.b, "Protection Authority Flags: 0x"...)
	t.b = appendHex2(t.b, f)
	for i, name := range ipSecAuthFlags {
		if f&(0x80>>i) != 0 {
			t.b = append(t.b, ", "...)
			t.b = append(t.b, name...)
		}
	}
	if f&1 != 0 {
		t.b = append(t.b, ", Field Termination Indicator"...)
	}
	t.end()
	t.depth = 4
	for i, name := range ipSecAuthFlags {
		t.bits(uint64(f), 8, 0x80>>i, name)
		if f&(0x80>>i) == 0 {
			t.b = append(t.b, "Datagram not protected in accordance with its rules"...)
		} else {
			t.b = append(t.b, ipSecRules...)
		}
		t.end()
	}
	t.bits(uint64(f), 8, 6, "Unassigned")
	t.b = append(t.b, "0x0"...)
	t.end()
	treeIPSecFTI(t, f)
	t.depth = 3
	used := 4
	if f&1 != 0 {
		g := o[4]
		t.hex("Protection Authority Flags", uint64(g), 2)
		t.depth = 4
		t.bits(uint64(g), 8, 0xfe, "Unassigned")
		t.b = append(t.b, "0x"...)
		t.b = appendHex2(t.b, g>>1)
		t.end()
		treeIPSecFTI(t, g)
		t.depth = 3
		used = 5
	}
	if used < n {
		t.expert("Warning", "Protocol", "Extraneous data in option", nil)
	}
}

func treeIPSecFTI(t *treeWriter, f byte) {
	t.bits(uint64(f), 8, 1, "Field Termination Indicator")
	if f&1 != 0 {
		t.b = append(t.b, "Additional octet present"...)
	} else {
		t.b = append(t.b, "Final octet"...)
	}
	t.end()
}

// treeIPOptCIPSO draws a commercial security option's DOI and tags.
func treeIPOptCIPSO(t *treeWriter, o []byte) {
	t.int("DOI", int(be32(o[2:])))
	for k := 6; k < len(o); {
		tag := o[k:]
		tl := int(tag[1])
		switch tag[0] {
		case 1, 2, 5:
			body := tag[4:tl]
			t.line()
			t.b = append(t.b, "Tag Type: "...)
			t.b = append(t.b, [...]string{1: "Restrictive Category Bitmap", 2: "Enumerated Categories", 5: "Ranged Categories"}[tag[0]]...)
			t.b = append(t.b, " ("...)
			t.b = appendUint(t.b, uint64(tag[0]))
			t.b = append(t.b, ')')
			t.end()
			t.int("Sensitivity Level", int(tag[3]))
			mark := len(t.b)
			t.line()
			t.b = append(t.b, "Categories: "...)
			cats := len(t.b)
			switch tag[0] {
			case 1:
				for i, c := range body {
					for j := range 8 {
						if c&(0x80>>j) != 0 {
							if len(t.b) > cats {
								t.b = append(t.b, ',')
							}
							t.b = appendUint(t.b, uint64(i*8+j))
						}
					}
				}
			case 2:
				for i := 0; i+2 <= len(body); i += 2 {
					if i > 0 {
						t.b = append(t.b, ',')
					}
					t.b = appendUint(t.b, uint64(be16(body[i:])))
				}
			case 5:
				t.b = appendUint(t.b, uint64(be16(body)))
				t.b = append(t.b, '-')
				t.b = appendUint(t.b, uint64(be16(body[2:])))
			}
			if len(t.b) == cats {
				t.b = t.b[:mark]
			} else {
				t.end()
			}
		case 7:
			t.str("Tag Type", "Free Form (7)")
			t.line()
			t.b = append(t.b, "Tag data: "...)
			t.b = appendHexBytes(t.b, tag[2:tl])
			t.end()
		default:
			t.line()
			t.b = append(t.b, "Tag Type: Unknown ("...)
			t.b = appendUint(t.b, uint64(tag[0]))
			t.b = append(t.b, ") ("...)
			t.b = appendBytesBits(t.b, tl)
			t.b = append(t.b, ')')
			t.end()
		}
		k += tl
	}
}

// ipOptDrawable reports whether rawcap draws the known option o (its
// whole length, at least 2 bytes) as tshark does: not when tshark reads
// past it and stops with an exception, reports a malformed CIPSO tag, or
// draws it in a way not checked against it.
func ipOptDrawable(o []byte) bool {
	code, n := o[0], len(o)
	if ipOptFixedLen(code) > n {
		return false
	}
	switch code {
	case 7, 131, 137:
		if n < 3 {
			return false
		}
		ptr := int(o[2])
		badPtr := ptr < 4 || (ptr-4)%4 != 0
		if (n-3)%4 != 0 && badPtr {
			return false // which of the two tshark reports is not known
		}
		return code == 7 || !badPtr
	case 68, 133:
		return n >= 4
	case 130:
		if n < 3 {
			return false
		}
		if n == 11 && ipSecRFC791(be16(o[2:])) != "" {
			return printableASCII(o[6:11])
		}
		return n < 4 || o[3]&6 == 0 && (o[3]&1 == 0 || n >= 5 && o[4]&1 == 0)
	case 149:
		return n >= 6 && (n-2)%4 == 0
	case 25:
		f := o[2] >> 4
		return f == 0 || f == 8
	case 134:
		if n < 6 {
			return false
		}
		for k := 6; k < n; {
			tag := o[k:]
			if len(tag) < 2 || tag[1] < 2 || int(tag[1]) > len(tag) {
				return false
			}
			tl := int(tag[1])
			switch tag[0] {
			case 1, 2, 5:
				if tl < 4 || (tag[0] == 1 && tl > 34) || (tag[0] == 2 && (tl-4)%2 != 0) ||
					(tag[0] == 5 && tl != 8) || (tag[0] != 1 && tl == 4) {
					return false
				}
			case 7:
				if tl < 3 {
					return false
				}
			case 0, 3, 4, 6:
				return false
			}
			k += tl
		}
	}
	return true
}

// ipOptionsField is each option type's ip.options field.
func ipOptionsField(code byte) int {
	switch code {
	case 0:
		return ipOptionsEOL
	case 1:
		return ipOptionsNOP
	case 7:
		return ipOptionsRecordRoute
	case 11:
		return ipOptionsMTUProbe
	case 12:
		return ipOptionsMTUReply
	case 25:
		return ipOptionsQS
	case 68:
		return ipOptionsTimestamp
	case 82:
		return ipOptionsTraceroute
	case 130:
		return ipOptionsSecurity
	case 131:
		return ipOptionsRoute
	case 133:
		return ipOptionsExtSecurity
	case 134:
		return ipOptionsCIPSO
	case 136:
		return ipOptionsSID
	case 137:
		return ipOptionsSourceRoute
	case 148:
		return ipOptionsRouterAlert
	}
	return ipOptionsSDB
}

// ipOptEmitter emits the options' fields: every occurrence for -T fields
// and ek, the first of each for JSON (whose keys are unique).
type ipOptEmitter struct {
	e    *emitter
	seen [(ipFieldCount + 63) / 64]uint64
}

func (x *ipOptEmitter) want(k int) bool {
	if x.e.all {
		return true
	}
	w, bit := k/64, uint64(1)<<(k%64)
	if x.seen[w]&bit != 0 {
		return false
	}
	x.seen[w] |= bit
	return true
}

func (x *ipOptEmitter) uint(k int, v uint64) {
	if x.want(k) {
		x.e.Uint(&ipFields[k], v)
	}
}

func (x *ipOptEmitter) bool(k int, v bool) {
	if x.want(k) {
		x.e.Bool(&ipFields[k], v)
	}
}

func (x *ipOptEmitter) bytes(k int, b []byte) {
	if x.want(k) {
		x.e.Bytes(&ipFields[k], b)
	}
}

// addr emits an address and, for k with one, its host field.
func (x *ipOptEmitter) addr(k, host int, b []byte) {
	if x.want(k) {
		x.e.IPv4(&ipFields[k], b)
	}
	if host >= 0 && x.want(host) {
		t := netip.AddrFrom4([4]byte(b)).AppendTo(x.e.Text())
		x.e.TextDone(&ipFields[host], t)
	}
}

func (x *ipOptEmitter) typ(code byte) {
	x.uint(ipOptType, uint64(code))
	x.bool(ipOptTypeCopy, code&0x80 != 0)
	x.uint(ipOptTypeClass, uint64(code>>5&3))
	x.uint(ipOptTypeNumber, uint64(code&0x1f))
}

// emitIPv4Options emits the fields of the options of ip (at least 21
// bytes long) that tshark dissects, when rawcap draws them too.
func emitIPv4Options(e *emitter, ip IPv4) {
	opts := ip[20:]
	if !ipv4OptionsDrawable(opts) {
		return
	}
	x := ipOptEmitter{e: e}
	for off := 0; off < len(opts); {
		code := opts[off]
		step, n := ipOptNext(opts[off:])
		switch step {
		case ipOptStepOne:
			x.bytes(ipOptionsField(code), opts[off:off+1])
			x.typ(code)
			if code == 0 {
				return
			}
			off++
			continue
		case ipOptStepNoLen, ipOptStepShort, ipOptStepLong:
			if x.want(ipOptLenInvalid) {
				e.Expert(true)
				e.None(&ipFields[ipOptLenInvalid])
				e.Expert(false)
			}
			return
		case ipOptStepKnown:
			emitIPOption(&x, opts[off:off+n], ip.TTL())
		}
		off += n
	}
}

// emitIPOption emits one known option's fields (o is its whole length).
func emitIPOption(x *ipOptEmitter, o []byte, ttl uint8) {
	code, n := o[0], len(o)
	x.bytes(ipOptionsField(code), o)
	x.typ(code)
	x.uint(ipOptLen, uint64(n))
	if f := ipOptFixedLen(code); f > 0 && f != n && x.want(ipOptLenInvalid) {
		x.e.Expert(true)
		x.e.None(&ipFields[ipOptLenInvalid])
		x.e.Expert(false)
	}
	switch code {
	case 7, 131, 137:
		ptr := int(o[2])
		x.uint(ipOptPtr, uint64(ptr))
		if (n-3)%4 == 0 && (ptr < 4 || (ptr-4)%4 != 0) {
			return
		}
		source := code != 7
		last := 3 + (n-3)/4*4 - 4
		for k := 3; k+4 <= n; k += 4 {
			switch {
			case k < ptr-1:
				x.addr(ipRecRt, ipRecRtHost, o[k:k+4])
			case source && k == last:
				x.addr(ipDst, -1, o[k:k+4])
				emitHostCopies(x.e, netip.AddrFrom4([4]byte(o[k:k+4])), &ipFields[ipAddr], &ipFields[ipDstHost], &ipFields[ipHost])
			case source:
				x.addr(ipSrcRt, ipSrcRtHost, o[k:k+4])
			default:
				x.addr(ipEmptyRt, ipEmptyRtHost, o[k:k+4])
			}
		}
	case 68:
		x.uint(ipOptPtr, uint64(o[2]))
		x.uint(ipOptOverflow, uint64(o[3]>>4))
		x.uint(ipOptFlag, uint64(o[3]&15))
		hop := 4
		if f := o[3] & 15; f == 1 || f == 3 {
			hop = 8
		}
		for k := 4; k+hop <= n; k += hop {
			if hop == 8 {
				x.addr(ipOptTimeStampAddr, -1, o[k:k+4])
			}
			x.uint(ipOptTimeStamp, uint64(be32(o[k+hop-4:])))
		}
	case 130:
		if n == 11 && ipSecRFC791(be16(o[2:])) != "" {
			x.uint(ipOptSecRFC791Sec, uint64(be16(o[2:])))
			x.uint(ipOptSecRFC791Comp, uint64(be16(o[4:])))
			if x.want(ipOptSecRFC791HR) {
				x.e.TextDone(&ipFields[ipOptSecRFC791HR], append(x.e.Text(), o[6:8]...))
			}
			if x.want(ipOptSecRFC791TCC) {
				x.e.TextDone(&ipFields[ipOptSecRFC791TCC], append(x.e.Text(), o[8:11]...))
			}
			return
		}
		x.uint(ipOptSecCL, uint64(o[2]))
		if n < 4 {
			return
		}
		f := o[3]
		x.uint(ipOptSecProtAuthFlags, uint64(f))
		x.bool(ipOptSecProtAuthGenser, f&0x80 != 0)
		x.bool(ipOptSecProtAuthSIOPESI, f&0x40 != 0)
		x.bool(ipOptSecProtAuthSCI, f&0x20 != 0)
		x.bool(ipOptSecProtAuthNSA, f&0x10 != 0)
		x.bool(ipOptSecProtAuthDOE, f&0x08 != 0)
		x.uint(ipOptSecProtAuthUnassigned, uint64(f>>1&3))
		x.bool(ipOptSecProtAuthFTI, f&1 != 0)
		if f&1 != 0 {
			g := o[4]
			x.uint(ipOptSecProtAuthFlags, uint64(g))
			x.uint(ipOptSecProtAuthUnassigned, uint64(g>>1))
			x.bool(ipOptSecProtAuthFTI, g&1 != 0)
		}
		if used := 4 + int(f&1); used < n && x.want(ipOptLenInvalid) {
			x.e.Expert(true) // tshark's "Extraneous data in option"
			x.e.None(&ipFields[ipOptLenInvalid])
			x.e.Expert(false)
		}
	case 133:
		x.uint(ipOptExtSecFormat, uint64(o[2]))
		x.bytes(ipOptExtSecInfo, o[3:])
	case 134:
		x.uint(ipCIPSODOI, uint64(be32(o[2:])))
		for k := 6; k < n; {
			tag := o[k:]
			tl := int(tag[1])
			x.uint(ipCIPSOTagType, uint64(tag[0]))
			switch tag[0] {
			case 1, 2, 5:
				x.uint(ipCIPSOSensitivity, uint64(tag[3]))
				emitCIPSOCategories(x, tag[0], tag[4:tl])
			case 7:
				x.bytes(ipCIPSOTagData, tag[2:tl])
			}
			k += tl
		}
	case 136:
		x.uint(ipOptSID, uint64(be16(o[2:])))
	case 11, 12:
		x.uint(ipOptMTU, uint64(be16(o[2:])))
	case 82:
		x.uint(ipOptIDNumber, uint64(be16(o[2:])))
		x.uint(ipOptOHC, uint64(be16(o[4:])))
		x.uint(ipOptRHC, uint64(be16(o[6:])))
		x.addr(ipOptOriginator, -1, o[8:12])
	case 148:
		x.uint(ipOptRA, uint64(be16(o[2:])))
	case 25:
		x.uint(ipOptQSFunc, uint64(o[2]>>4))
		x.uint(ipOptQSRate, uint64(o[2]&15))
		if o[2]>>4 == 0 {
			x.uint(ipOptQSTTL, uint64(o[3]))
			x.uint(ipOptQSTTLDiff, uint64(ttl-o[3]))
		} else {
			x.uint(ipOptQSUnused, uint64(o[3]))
		}
		v := uint64(be32(o[4:]))
		x.uint(ipOptQSNonce, v>>2)
		x.uint(ipOptQSReserved, v&3)
	case 149:
		for k := 2; k+4 <= n; k += 4 {
			x.addr(ipOptAddr, -1, o[k:k+4])
		}
	}
}

// emitCIPSOCategories emits a CIPSO tag's categories as tshark lists them,
// when it lists any.
func emitCIPSOCategories(x *ipOptEmitter, tag byte, body []byte) {
	b := x.e.Text()
	start := len(b)
	switch tag {
	case 1:
		for i, c := range body {
			for j := range 8 {
				if c&(0x80>>j) != 0 {
					if len(b) > start {
						b = append(b, ',')
					}
					b = appendUint(b, uint64(i*8+j))
				}
			}
		}
	case 2:
		for i := 0; i+2 <= len(body); i += 2 {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendUint(b, uint64(be16(body[i:])))
		}
	case 5:
		b = appendUint(b, uint64(be16(body)))
		b = append(b, '-')
		b = appendUint(b, uint64(be16(body[2:])))
	}
	if len(b) > start && x.want(ipCIPSOCategories) {
		x.e.TextDone(&ipFields[ipCIPSOCategories], b)
	}
}
