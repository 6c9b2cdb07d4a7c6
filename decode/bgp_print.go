package decode

import (
	"math"
	"strconv"
)

// tcpdump's one-liner for BGP: ": BGP" after the TCP segment, and with -v
// a block per whole message: its type and length, then the OPEN's
// parameters and capabilities, the UPDATE's withdrawn routes, path
// attributes (the multiprotocol ones with their NLRI) and routes, the
// NOTIFICATION's codes, the ROUTE-REFRESH's family. -vv adds the hex dump
// of each capability and path attribute, and of a whole ROUTE-REFRESH.

// lineBGP appends what tcpdump prints after a TCP segment's length for
// BGP (the TCP printer wrote ": "). With -v, tcpdump looks for each
// message's marker in the captured bytes: bytes skipped before one are
// marked " [|bgp]", a message the capture cuts is named
// ("\n[|BGP Update]") and ends the segment. Inside a whole message it
// reads as far as the lengths say, within the captured bytes: where a
// length runs past them, " [|bgp]" ends the part being printed.
func (p *LinePrinter) lineBGP(b []byte, d *Decoder, i int) []byte {
	b = append(b, "BGP"...)
	if p.Options.Verbose == 0 {
		return b
	}
	l := &d.layers[i]
	seg := d.data[l.Start:l.End]
	vv := p.Options.Verbose > 1
	for k, start := 0, 0; k < len(seg); {
		if seg[k] != 0xff {
			k++
			continue
		}
		if k+16 > len(seg) {
			break
		}
		if !bgpMarker(seg[k:]) {
			k++
			continue
		}
		if k+bgpHeaderLen > len(seg) {
			return append(b, " [|bgp]"...)
		}
		if k != start {
			b = append(b, " [|bgp]"...)
		}
		n := int(be16(seg[k+16:]))
		if n < bgpHeaderLen {
			b = strconv.AppendInt(append(b, "\n[|BGP Bogus header length "...), int64(n), 10)
			return append(b, " < 19]"...)
		}
		if k+n > len(seg) {
			b = append(b, "\n[|BGP "...)
			if t := seg[k+18]; int(t) < len(bgpTcpdumpTypes) && t != 0 {
				b = append(b, bgpTcpdumpTypes[t]...)
			} else {
				b = append(b, "Unknown Message Type"...)
			}
			return append(b, ']')
		}
		b = appendBGPMessageLine(b, seg[k:k+n], seg[k:], vv)
		k += n
		start = k
	}
	return b
}

var bgpTcpdumpTypes = [6]string{"", "Open", "Update", "Notification", "Keepalive", "Route Refresh"}

// appendBGPMessageLine appends tcpdump's lines for one whole message msg;
// rest is the captured bytes from its start on.
func appendBGPMessageLine(b, msg, rest []byte, vv bool) []byte {
	b = append(b, "\n\t"...)
	t := msg[18]
	if int(t) < len(bgpTcpdumpTypes) && t != 0 {
		b = append(b, bgpTcpdumpTypes[t]...)
	} else {
		b = append(b, "unknown type "...)
		b = strconv.AppendUint(b, uint64(t), 10)
	}
	b = append(b, " Message ("...)
	b = strconv.AppendUint(b, uint64(t), 10)
	b = append(b, "), length: "...)
	b = strconv.AppendInt(b, int64(len(msg)), 10)
	body := msg[bgpHeaderLen:]
	switch t {
	case BGPOpen:
		b = appendBGPOpenLine(b, body, rest[bgpHeaderLen:], vv)
	case BGPUpdate:
		b = appendBGPUpdateLine(b, body, rest[bgpHeaderLen:], vv)
	case BGPNotification:
		b = appendBGPNotifyLine(b, body)
	case BGPRouteRefresh:
		if len(body) >= 4 {
			b = appendBGPAFISAFI(append(b, "\n\t  "...), be16(body), body[3], "AFI ", ", SAFI ")
		}
		if vv {
			b = appendHexDumpLines(b, msg, "\n\t  ")
		}
	}
	return b
}

// appendBGPAFISAFI appends "AFI IPv4 (1), SAFI Unicast (1)" with the words
// given before each name.
func appendBGPAFISAFI(b []byte, afi uint16, safi uint8, afiWord, safiWord string) []byte {
	b = append(b, afiWord...)
	switch afi {
	case 1:
		b = append(b, "IPv4"...)
	case 2:
		b = append(b, "IPv6"...)
	default:
		b = append(b, "Unknown"...)
	}
	b = append(b, " ("...)
	b = strconv.AppendUint(b, uint64(afi), 10)
	b = append(b, ')')
	b = append(b, safiWord...)
	b = append(b, bgpTcpdumpSAFIName(safi)...)
	b = append(b, " ("...)
	b = strconv.AppendUint(b, uint64(safi), 10)
	return append(b, ')')
}

// bgpTcpdumpSAFIName returns tcpdump's name of a subsequent address family.
func bgpTcpdumpSAFIName(safi uint8) string {
	switch safi {
	case 1:
		return "Unicast"
	case 2:
		return "Multicast"
	case 4:
		return "labeled Unicast"
	case 5:
		return "Multicast VPN"
	case 128:
		return "labeled VPN Unicast"
	case 132:
		return "Route Target Routing Information"
	}
	return "Unknown"
}

// appendBGPOpenLine appends an OPEN's version, AS, hold time, identifier
// and optional parameters; the parameters are read from rest, the
// captured bytes from the body on, as far as their length says.
func appendBGPOpenLine(b, body, rest []byte, vv bool) []byte {
	if len(body) < 10 {
		return b
	}
	b = append(b, "\n\t  Version "...)
	b = strconv.AppendUint(b, uint64(body[0]), 10)
	b = strconv.AppendUint(append(b, ", my AS "...), uint64(be16(body[1:])), 10)
	b = strconv.AppendUint(append(b, ", Holdtime "...), uint64(be16(body[3:])), 10)
	b = addr4(body[5:9]).AppendTo(append(b, "s, ID "...))
	n := int(body[9])
	b = strconv.AppendInt(append(b, "\n\t  Optional parameters, length: "...), int64(n), 10)
	opts := rest[10:]
	for k := 0; k < n; {
		if k+2 > len(opts) {
			return append(b, " [|bgp]"...)
		}
		typ, ln := opts[k], int(opts[k+1])
		b = append(b, "\n\t    Option "...)
		switch typ {
		case 1:
			b = append(b, "Authentication Information"...)
		case 2:
			b = append(b, "Capabilities Advertisement"...)
		default:
			b = append(b, "Unknown"...)
		}
		b = append(b, " ("...)
		b = strconv.AppendUint(b, uint64(typ), 10)
		b = strconv.AppendInt(append(b, "), length: "...), int64(ln), 10)
		if typ == 2 {
			b = appendBGPCapsLine(b, opts[k+2:], ln, vv)
		} else {
			b = strconv.AppendUint(append(b, "\n\t      no decoder for option "...), uint64(typ), 10)
		}
		k += 2 + ln
	}
	return b
}

var bgpTcpdumpCapNames = map[uint8]string{1: "Multiprotocol Extensions", 2: "Route Refresh",
	3: "Cooperative Route Filtering", 4: "Multiple Routes to a Destination", 5: "Extended Next Hop Encoding",
	8: "Multiple Labels", 64: "Graceful Restart", 65: "32-Bit AS Number", 67: "Dynamic Capability",
	69: "Multiple Paths", 70: "Enhanced Route Refresh", 71: "Long-lived Graceful Restart",
	128: "Route Refresh (Cisco)"}

// appendBGPCapsLine appends the capabilities of a Capabilities
// Advertisement parameter of n bytes, read from rest, the captured bytes
// from its value on.
func appendBGPCapsLine(b, rest []byte, n int, vv bool) []byte {
	for k := 0; k < n; {
		if k+2 > len(rest) {
			return append(b, " [|bgp]"...)
		}
		typ, ln := rest[k], int(rest[k+1])
		v := rest[k+2 : min(len(rest), k+2+ln)]
		k += 2 + ln
		b = append(b, "\n\t      "...)
		if s, ok := bgpTcpdumpCapNames[typ]; ok {
			b = append(b, s...)
		} else {
			b = append(b, "Unknown"...)
		}
		b = append(b, " ("...)
		b = strconv.AppendUint(b, uint64(typ), 10)
		b = strconv.AppendInt(append(b, "), length: "...), int64(ln), 10)
		switch typ {
		case 1:
			if ln < 4 {
				return append(b, " (too short, < 4)"...)
			}
			if len(v) >= 4 {
				b = appendBGPAFISAFI(append(b, "\n\t\t"...), be16(v), v[3], "AFI ", ", SAFI ")
			}
		case 8:
			for j := 0; j+4 <= len(v); j += 4 {
				b = appendBGPAFISAFI(append(b, "\n\t\t"...), be16(v[j:]), v[j+2], "AFI ", ", SAFI ")
				b = strconv.AppendUint(append(b, ", Count: "...), uint64(v[j+3]), 10)
			}
		case 64:
			if ln < 2 {
				return append(b, " (too short, < 2)"...)
			}
			if len(v) >= 2 {
				b = append(b, "\n\t\tRestart Flags: ["...)
				if v[0]&0x80 != 0 {
					b = append(b, 'R')
				} else {
					b = append(b, "none"...)
				}
				b = strconv.AppendUint(append(b, "], Restart Time "...), uint64(be16(v)&0xfff), 10)
				b = append(b, 's')
				for j := 2; j+4 <= len(v); j += 4 {
					b = appendBGPAFISAFI(append(b, "\n\t\t  "...), be16(v[j:]), v[j+2], "AFI ", ", SAFI ")
					b = append(b, ", Forwarding state preserved: "...)
					if v[j+3]&0x80 != 0 {
						b = append(b, "yes"...)
					} else {
						b = append(b, "no"...)
					}
				}
			}
		case 65:
			if len(v) >= 4 {
				b = strconv.AppendUint(append(b, "\n\t\t 4 Byte AS "...), uint64(be32(v)), 10)
			}
		case 69:
			for j := 0; j+4 <= len(v); j += 4 {
				b = appendBGPAFISAFI(append(b, "\n\t\t"...), be16(v[j:]), v[j+2], "AFI ", ", SAFI ")
				b = append(b, ", Send/Receive: "...)
				switch v[j+3] {
				case 1:
					b = append(b, "Receive"...)
				case 2:
					b = append(b, "Send"...)
				case 3:
					b = append(b, "Both"...)
				default:
					b = append(b, "Bogus (0x"...)
					b = append(appendHex2(b, v[j+3]), ')')
				}
			}
		case 2, 71, 128:
		default:
			b = strconv.AppendUint(append(b, "\n\t\tno decoder for Capability "...), uint64(typ), 10)
			if !vv {
				b = appendHexDumpLines(b, v, "\n\t\t")
			}
		}
		if vv {
			b = appendHexDumpLines(b, v, "\n\t\t")
		}
	}
	return b
}

var bgpNotifyMajors = [8]string{"", "Message Header Error", "OPEN Message Error", "UPDATE Message Error",
	"Hold Timer Expired", "Finite State Machine Error", "Cease", "Capability Message Error"}

// bgpNotifyMinors are tcpdump's names of each error code's subcodes.
var bgpNotifyMinors = [8][]string{
	1: {"", "Connection Not Synchronized", "Bad Message Length", "Bad Message Type"},
	2: {"", "Unsupported Version Number", "Bad Peer AS", "Bad BGP Identifier", "Unsupported Optional Parameter",
		"Authentication Failure", "Unacceptable Hold Time", "Capability Message Error"},
	3: {"", "Malformed Attribute List", "Unrecognized Well-known Attribute", "Missing Well-known Attribute",
		"Attribute Flags Error", "Attribute Length Error", "Invalid ORIGIN Attribute", "AS Routing Loop",
		"Invalid NEXT_HOP Attribute", "Optional Attribute Error", "Invalid Network Field", "Malformed AS_PATH"},
	5: {"Unspecified Error", "In OpenSent State", "In OpenConfirm State", "In Established State"},
	6: {"", "Maximum Number of Prefixes Reached", "Administrative Shutdown", "Peer Unconfigured",
		"Administrative Reset", "Connection Rejected", "Other Configuration Change", "Connection Collision Resolution"},
	7: {"", "Invalid Action Value", "Invalid Capability Length", "Malformed Capability Value", "Unsupported Capability Code"},
}

// appendBGPNotifyLine appends a NOTIFICATION's error code and subcode
// (tcpdump writes none for a hold timer expiry, and the FSM and
// capability errors' without a comma), and the data it reads: a cease
// for the prefix limit's family and limit, an administrative shutdown's
// or reset's communication.
func appendBGPNotifyLine(b, body []byte) []byte {
	if len(body) < 2 {
		return b
	}
	major, minor := body[0], body[1]
	b = append(b, ", "...)
	if int(major) < len(bgpNotifyMajors) && major != 0 {
		b = append(b, bgpNotifyMajors[major]...)
	} else {
		b = append(b, "Unknown Error"...)
	}
	b = append(b, " ("...)
	b = strconv.AppendUint(b, uint64(major), 10)
	b = append(b, ')')
	switch major {
	case 1, 2, 3, 6:
		b = append(b, ", subcode "...)
	case 5, 7:
		b = append(b, " subcode "...)
	default:
		return b
	}
	if names := bgpNotifyMinors[major]; int(minor) < len(names) && names[minor] != "" {
		b = append(b, names[minor]...)
	} else {
		b = append(b, "Unknown"...)
	}
	b = append(b, " ("...)
	b = strconv.AppendUint(b, uint64(minor), 10)
	b = append(b, ')')
	switch {
	case major == 6 && minor == 1 && len(body) >= 9:
		b = appendBGPAFISAFI(append(b, ", "...), be16(body[2:]), body[4], "AFI ", ", SAFI ")
		b = strconv.AppendUint(append(b, ", Max Prefixes: "...), uint64(be32(body[5:])), 10)
	case major == 6 && (minor == 2 || minor == 4) && len(body) > 2:
		n := int(body[2])
		if n == 0 {
			return append(b, ", empty Shutdown Communication"...)
		}
		s := body[3:min(len(body), 3+n)]
		b = strconv.AppendInt(append(b, ", Shutdown Communication (length: "...), int64(n), 10)
		b = append(b, "): \""...)
		b = append(b, s...)
		b = append(b, '"')
	}
	return b
}

// bgpTcpdumpAddPath reports whether tcpdump reads the route list v with
// ADD-PATH's path identifiers: when v, five bytes or more, reads to
// exactly its end as entries of a 4-byte identifier and a prefix of at
// most maxBits, and does not as plain prefixes (one of length 0 or over
// maxBits, or one running past the end).
func bgpTcpdumpAddPath(v []byte, maxBits int) bool {
	if len(v) < 5 {
		return false
	}
	k := 0
	for k < len(v) {
		k += 4
		if k >= len(v) || int(v[k]) > maxBits {
			return false
		}
		k += 1 + (int(v[k])+7)/8
	}
	if k != len(v) {
		return false
	}
	for k = 0; k < len(v); {
		if v[k] < 1 || int(v[k]) > maxBits {
			return true
		}
		k += 1 + (int(v[k])+7)/8
	}
	return k > len(v)
}

// appendBGPPrefixAt appends the plain prefix at v[k:] ("10.0.0.0/24",
// masked to its length) with its path identifier when addPath; ok is false
// at an illegal length or one running past v.
func appendBGPPrefixAt(b, v []byte, k int, v6, addPath bool) (_ []byte, next int, ok bool) {
	var id uint32
	if addPath {
		if k+4 > len(v) {
			return b, k, false
		}
		id = be32(v[k:])
		k += 4
	}
	if k >= len(v) {
		return b, k, false
	}
	maxBits := 32
	if v6 {
		maxBits = 128
	}
	bits := int(v[k])
	n := (bits + 7) / 8
	if bits > maxBits || k+1+n > len(v) {
		return b, k, false
	}
	b = appendBGPMaskedPrefix(b, v[k+1:k+1+n], bits, v6)
	if addPath {
		b = strconv.AppendUint(append(b, "   Path Id: "...), uint64(id), 10)
	}
	return b, k + 1 + n, true
}

// appendBGPMaskedPrefix appends the address of bits bits whose bytes are
// a, the bits after the length cleared, and "/bits".
func appendBGPMaskedPrefix(b, a []byte, bits int, v6 bool) []byte {
	var buf [16]byte
	copy(buf[:], a)
	if bits%8 != 0 {
		mask := 0xff00 >> (bits % 8)
		buf[bits/8] &= byte(mask)
	}
	if v6 {
		b = bgpAddr6(buf[:]).AppendTo(b)
	} else {
		b = addr4(buf[:4]).AppendTo(b)
	}
	return strconv.AppendInt(append(b, '/'), int64(bits), 10)
}

// appendBGPUpdateLine appends an UPDATE's withdrawn routes, path
// attributes and routes; the withdrawn routes and the attributes' length
// are read from rest, the captured bytes from the body on, and where their
// lengths run past them " [|bgp]" ends the message.
func appendBGPUpdateLine(b, body, rest []byte, vv bool) []byte {
	if len(rest) < 2 {
		return append(b, " [|bgp]"...)
	}
	w := int(be16(rest))
	if 2+w > len(rest) {
		return append(b, " [|bgp]"...)
	}
	if w > 0 {
		b = append(b, "\n\t  Withdrawn routes:"...)
		b = appendBGPPrefixList(b, rest[2:2+w], "\n\t    ", false)
	}
	if 4+w > len(rest) {
		return append(b, " [|bgp]"...)
	}
	a := int(be16(rest[2+w:]))
	if 4+w+a > len(rest) {
		return append(b, " [|bgp]"...)
	}
	attrs := rest[4+w : 4+w+a]
	var nlri []byte
	if 4+w+a < len(body) {
		nlri = body[4+w+a:]
	}
	if w == 0 && a == 0 && len(nlri) == 0 {
		return append(b, "\n\t  End-of-Rib Marker (empty NLRI)"...)
	}
	b = appendBGPAttrsLine(b, attrs, "\n\t  ", vv)
	if len(nlri) > 0 {
		b = append(b, "\n\t  Updated routes:"...)
		b = appendBGPPrefixList(b, nlri, "\n\t    ", false)
	}
	return b
}

// appendBGPPrefixList appends each plain prefix of v after indent, and
// "(illegal prefix length)" where one does not read.
func appendBGPPrefixList(b, v []byte, indent string, v6 bool) []byte {
	maxBits := 32
	if v6 {
		maxBits = 128
	}
	addPath := bgpTcpdumpAddPath(v, maxBits)
	for k := 0; k < len(v); {
		b = append(b, indent...)
		var ok bool
		if b, k, ok = appendBGPPrefixAt(b, v, k, v6, addPath); !ok {
			return append(b, "(illegal prefix length)"...)
		}
	}
	return b
}

var bgpTcpdumpAttrNames = map[uint8]string{1: "Origin", 2: "AS Path", 3: "Next Hop",
	4: "Multi Exit Discriminator", 5: "Local Preference", 6: "Atomic Aggregate", 7: "Aggregator",
	8: "Community", 9: "Originator ID", 10: "Cluster List", 14: "Multi-Protocol Reach NLRI",
	15: "Multi-Protocol Unreach NLRI", 16: "Extended Community", 17: "AS4 Path", 18: "Aggregator4",
	22: "PMSI Tunnel", 26: "Accumulated IGP Metric", 32: "Large Community", 128: "Attribute Set",
	255: "Reserved for development"}

// appendBGPAttrsLine appends each path attribute of attrs, its heading
// after indent.
func appendBGPAttrsLine(b, attrs []byte, indent string, vv bool) []byte {
	for off := 0; off < len(attrs); {
		flags, typ := attrs[off], uint8(0)
		hdr := 3
		if flags&0x10 != 0 {
			hdr = 4
		}
		if off+hdr > len(attrs) {
			return append(append(b, indent...), "[path attrs too short]"...)
		}
		typ = attrs[off+1]
		n := int(attrs[off+2])
		if hdr == 4 {
			n = int(be16(attrs[off+2:]))
		}
		b = append(b, indent...)
		if s, ok := bgpTcpdumpAttrNames[typ]; ok {
			b = append(b, s...)
		} else {
			b = append(b, "Unknown Attribute"...)
		}
		b = append(b, " ("...)
		b = strconv.AppendUint(b, uint64(typ), 10)
		b = strconv.AppendInt(append(b, "), length: "...), int64(n), 10)
		if flags != 0 {
			b = append(b, ", Flags ["...)
			for k, c := range "OTPE" {
				if flags&(0x80>>k) != 0 {
					b = append(b, byte(c))
				}
			}
			if flags&0xf != 0 {
				b = append(b, '+')
				b = strconv.AppendUint(b, uint64(flags&0xf), 16)
			}
			b = append(b, "]: "...)
		}
		if off+hdr+n > len(attrs) {
			return append(b, " [path attrs too short]"...)
		}
		v := attrs[off+hdr : off+hdr+n]
		off += hdr + n
		dump := vv
		switch typ {
		case 1:
			if len(v) != 1 {
				b = append(b, "invalid len"...)
			} else if v[0] < 3 {
				b = append(b, [3]string{"IGP", "EGP", "Incomplete"}[v[0]]...)
			} else {
				b = append(b, "Unknown Origin Typecode"...)
			}
		case 2:
			b = appendBGPASPathLine(b, v, bgpTcpdumpASSize(v))
		case 17:
			b = appendBGPASPathLine(b, v, 4)
		case 6:
			if len(v) != 0 {
				b = append(b, "invalid len"...)
			}
		case 7, 18:
			if len(v) != 6 && len(v) != 8 || typ == 18 && len(v) != 8 {
				b = append(b, "invalid len"...)
				break
			}
			n := len(v) - 4
			b = strconv.AppendUint(append(b, " AS #"...), bgpAS(v, 0, n), 10)
			b = addr4(v[n:]).AppendTo(append(b, ", origin "...))
		case 3, 9:
			if len(v) != 4 {
				b = append(b, "invalid len"...)
			} else {
				b = addr4(v).AppendTo(b)
			}
		case 4, 5:
			if len(v) != 4 {
				b = append(b, "invalid len"...)
			} else {
				b = strconv.AppendUint(b, uint64(be32(v)), 10)
			}
		case 8:
			if len(v)%4 != 0 {
				b = append(b, "invalid len"...)
			}
			for k := 0; k+4 <= len(v); k += 4 {
				switch c := be32(v[k:]); c {
				case 0xffffff01:
					b = append(b, " NO_EXPORT"...)
				case 0xffffff02:
					b = append(b, " NO_ADVERTISE"...)
				case 0xffffff03:
					b = append(b, " NO_EXPORT_SUBCONFED"...)
				default:
					b = strconv.AppendUint(b, uint64(c>>16), 10)
					b = strconv.AppendUint(append(b, ':'), uint64(c&0xffff), 10)
					if k+4 < len(v) {
						b = append(b, ", "...)
					}
				}
			}
		case 10:
			if len(v)%4 != 0 {
				b = append(b, "invalid len"...)
				break
			}
			for k := 0; k+4 <= len(v); k += 4 {
				if k > 0 {
					b = append(b, ", "...)
				}
				b = addr4(v[k : k+4]).AppendTo(b)
			}
		case 14, 15:
			b = appendBGPMPLine(b, v, typ == 14)
		case 16:
			b = appendBGPExtCommLine(b, v)
		case 26:
			for k := 0; k+3 <= len(v); {
				n := int(be16(v[k+1:]))
				b = append(b, "\n\t    AIGP TLV ("...)
				b = strconv.AppendUint(b, uint64(v[k]), 10)
				b = strconv.AppendInt(append(b, "), length "...), int64(n), 10)
				if v[k] == 1 && n == 11 && k+11 <= len(v) {
					b = strconv.AppendUint(append(b, ", metric "...), be64(v[k+3:]), 10)
				}
				if n < 3 {
					break
				}
				k += n
			}
		case 32:
			dump = false
			if len(v) == 0 || len(v)%12 != 0 {
				b = append(b, "invalid len"...)
				dump = vv
				break
			}
			b = append(b, "\n\t    "...)
			for k := 0; k+12 <= len(v); k += 12 {
				if k > 0 {
					b = append(b, ", "...)
				}
				b = appendBGPLarge(b, v, k)
			}
		case 128:
			dump = false
			if len(v) >= 4 {
				b = strconv.AppendUint(append(b, "\n\t    Origin AS: "...), uint64(be32(v)), 10)
				b = appendBGPAttrsLine(b, v[4:], "\n\t      ", vv)
			}
		case 22, 255:
		default:
			b = strconv.AppendUint(append(b, "\n\t    no Attribute "...), uint64(typ), 10)
			b = append(b, " decoder"...)
			if !vv {
				b = appendHexDumpLines(b, v, "\n\t    ")
			}
		}
		if dump {
			b = appendHexDumpLines(b, v, "\n\t    ")
		}
	}
	return b
}

// bgpTcpdumpASSize returns the size of the AS numbers tcpdump reads in the
// AS_PATH v: 2 when v reads to exactly its end as segments of known types
// (1 to 4) of 2-byte numbers, else 4.
func bgpTcpdumpASSize(v []byte) int {
	k := 0
	for k < len(v) {
		if k+2 > len(v) || v[k] < 1 || v[k] > 4 {
			return 4
		}
		k += 2 + int(v[k+1])*2
	}
	if k == len(v) {
		return 2
	}
	return 4
}

// appendBGPASPathLine appends an AS_PATH's segments of n-byte numbers,
// each number followed by a space, a set in "{ }", a confederation's
// sequence in "( )" and set in "({ })"; or "empty".
func appendBGPASPathLine(b, v []byte, n int) []byte {
	if len(v) == 0 {
		return append(b, "empty"...)
	}
	for k := 0; k+2 <= len(v); {
		typ, cnt := v[k], int(v[k+1])
		k += 2
		b = append(b, [5]string{"", "{ ", "", "( ", "({ "}[min(typ, 4)]...)
		for a := 0; a < cnt && k+n <= len(v); a++ {
			b = strconv.AppendUint(b, bgpAS(v, k, n), 10)
			b = append(b, ' ')
			k += n
		}
		b = append(b, [5]string{"", "}", "", ")", "})"}[min(typ, 4)]...)
	}
	return b
}

// appendBGPRDLine appends a route distinguisher of type 0 as tcpdump
// does: "18826:630 (= 0.0.2.118)".
func appendBGPRDLine(b, rd []byte) []byte {
	b = appendBGPRD(b, rd)
	return append(addr4(rd[4:8]).AppendTo(append(b, " (= "...)), ')')
}

// appendBGPExtCommLine appends each extended community on a line of its
// own: its type's name and code, its flags and its value.
func appendBGPExtCommLine(b, v []byte) []byte {
	if len(v)%8 != 0 {
		return append(b, "invalid len"...)
	}
	for k := 0; k+8 <= len(v); k += 8 {
		c := v[k : k+8]
		t := be16(c)
		b = append(b, "\n\t    "...)
		switch t {
		case 0x0002, 0x0102, 0x0202:
			b = append(b, "target"...)
		case 0x0003, 0x0103:
			b = append(b, "origin"...)
		case 0x0009:
			b = append(b, "source-AS"...)
		case 0x000a:
			b = append(b, "l2vpn-id"...)
		case 0x4004:
			b = append(b, "link-BW"...)
		default:
			b = append(b, "unknown extd community typecode"...)
		}
		b = append(b, " (0x"...)
		b = appendHex4(b, t)
		b = append(b, "), Flags ["...)
		switch {
		case c[0]&0x80 != 0:
			b = append(b, "vendor-specific"...)
		case c[0]&0x40 != 0:
			b = append(b, "non-transitive"...)
		default:
			b = append(b, "none"...)
		}
		b = append(b, "]: "...)
		switch t {
		case 0x0002, 0x0003, 0x000a:
			b = appendBGPRDLine(b, c)
		case 0x0102, 0x0103:
			b = addr4(c[2:6]).AppendTo(b)
			b = strconv.AppendUint(append(b, ':'), uint64(be16(c[6:])), 10)
		case 0x0202:
			b = strconv.AppendUint(b, uint64(be32(c[2:])), 10)
			b = strconv.AppendUint(append(b, ':'), uint64(be16(c[6:])), 10)
		case 0x0009:
			b = strconv.AppendUint(append(b, "AS "...), uint64(be16(c[2:])), 10)
		case 0x4004:
			bw := float64(math.Float32frombits(be32(c[4:]))) * 8 / 1000000
			b = strconv.AppendFloat(append(b, "bandwidth: "...), bw, 'f', 3, 64)
			b = append(b, " Mbps"...)
		default:
			for _, x := range c[2:] {
				b = appendHex2(b, x)
			}
		}
	}
	return b
}

// appendBGPMPLine appends an MP_REACH_NLRI (reach) or MP_UNREACH_NLRI
// value: the family, the next hop and the routes.
func appendBGPMPLine(b, v []byte, reach bool) []byte {
	if len(v) < 3 {
		return b
	}
	afi, safi := be16(v), v[2]
	safiWord := ", SAFI: "
	if safi > 128 {
		safiWord = ", vendor specific SAFI: "
	}
	b = appendBGPAFISAFI(append(b, "\n\t    "...), afi, safi, "AFI: ", safiWord)
	nlri := v[3:]
	if reach {
		if len(v) < 4 {
			return b
		}
		n := int(v[3])
		if 4+n+1 > len(v) {
			return b
		}
		nh := v[4 : 4+n]
		b = append(b, "\n\t    nexthop: "...)
		switch {
		case len(nh) == 4:
			b = addr4(nh).AppendTo(b)
		case len(nh) == 12:
			b = appendBGPRDLine(append(b, "RD: "...), nh)
			b = addr4(nh[8:]).AppendTo(append(b, ", "...))
		case len(nh) == 16:
			b = bgpAddr6(nh).AppendTo(b)
		case len(nh) == 32:
			b = bgpAddr6(nh).AppendTo(b)
			b = bgpAddr6(nh[16:]).AppendTo(append(b, ", "...))
		}
		b = strconv.AppendInt(append(b, ", nh-length: "...), int64(n), 10)
		if v[4+n] == 0 {
			b = append(b, ", no SNPA"...)
		}
		nlri = v[5+n:]
	} else if len(nlri) == 0 {
		return append(b, "\n\t      End-of-Rib Marker (empty NLRI)"...)
	}
	form := bgpNLRIForm(afi, safi)
	switch form {
	case bgpNLRIPlain4, bgpNLRIPlain6:
		return appendBGPPrefixList(b, nlri, "\n\t      ", form == bgpNLRIPlain6)
	}
	for k := 0; k < len(nlri); {
		var ok bool
		if b, k, ok = appendBGPRouteLine(b, nlri, k, form); !ok {
			return append(b, "\n\t    (illegal prefix length)"...)
		}
	}
	return b
}

// appendBGPRouteLine appends the labeled, VPN or route target entry at
// v[k:] on a line of its own; ok is false where its length is illegal.
func appendBGPRouteLine(b, v []byte, k, form int) (_ []byte, next int, ok bool) {
	bits := int(v[k])
	k++
	switch form {
	case bgpNLRILabel4, bgpNLRIVPN4:
		over := 24
		if form == bgpNLRIVPN4 {
			over += 64
		}
		if bits < over || bits-over > 32 {
			return b, k, false
		}
		bits -= over
		n := (bits + 7) / 8
		if k+over/8+n > len(v) {
			return b, k, false
		}
		label := v[k : k+3]
		k += 3
		b = append(b, "\n\t      "...)
		if form == bgpNLRIVPN4 {
			b = append(appendBGPRDLine(append(b, "RD: "...), v[k:k+8]), ", "...)
			k += 8
		}
		b = appendBGPMaskedPrefix(b, v[k:k+n], bits, false)
		b = strconv.AppendUint(append(b, ", label:"...), uint64(label[0])<<12|uint64(label[1])<<4|uint64(label[2])>>4, 10)
		if label[2]&1 != 0 {
			b = append(b, " (bottom)"...)
		} else {
			b = append(b, " (BOGUS: Bottom of Stack NOT set!)"...)
		}
		return b, k + n, true
	case bgpNLRIRTC:
		if bits < 32 || bits > 96 {
			return b, k, false
		}
		n := (bits - 32 + 7) / 8
		if k+4+n > len(v) {
			return b, k, false
		}
		var rt [8]byte
		copy(rt[:], v[k+4:k+4+n])
		b = strconv.AppendUint(append(b, "\n\t      origin AS: "...), uint64(be32(v[k:])), 10)
		b = append(b, ", route-target: "...)
		switch rt[0] {
		case 0:
			b = strconv.AppendUint(b, uint64(be16(rt[2:])), 10)
			b = strconv.AppendUint(append(b, ':'), uint64(be32(rt[4:])), 10)
		case 1:
			b = addr4(rt[2:6]).AppendTo(b)
			b = strconv.AppendUint(append(b, ':'), uint64(be16(rt[6:])), 10)
		case 2:
			b = strconv.AppendUint(b, uint64(be32(rt[2:])), 10)
			b = strconv.AppendUint(append(b, ':'), uint64(be16(rt[6:])), 10)
		}
		b = strconv.AppendInt(append(b, '/'), int64(bits-32), 10)
		if n > 0 {
			b = append(b, " ("...)
			for j, x := range v[k+4 : k+4+n] {
				if j > 0 && j%2 == 0 {
					b = append(b, ' ')
				}
				b = appendHex2(b, x)
			}
			b = append(b, ')')
		}
		return b, k + 4 + n, true
	}
	return b, len(v), true
}
