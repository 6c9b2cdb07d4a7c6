package decode

// ICMP extension structures (RFC 4884): an ICMPv4 error (destination
// unreachable, time exceeded, parameter problem) may carry, after the
// first 128 bytes of the original datagram, a version-2 header (version,
// reserved, checksum) and objects (length, class, C-type, data) such as
// the MPLS label stack a router saw (RFC 4950, class 1) or the interface
// the datagram arrived on (RFC 5837, class 2). Routers put them in the
// time-exceeded replies traceroute collects.
//
//	 0                   1                   2                   3
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|Version|      (Reserved)       |           Checksum            |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|             Length            |   Class-Num   |   C-Type      |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                   // (Object payload) //                      |

// icmpExtOffset is where tcpdump looks for the extension header: after the
// ICMP header and 128 bytes of the original datagram.
const icmpExtOffset = 8 + 128

// icmpExtObjectNames are tcpdump's names of the object classes.
var icmpExtObjectNames = [...]string{1: "MPLS Stack Entry", 2: "Interface Identification"}

// appendICMPExtensions appends what tcpdump -v prints of an ICMPv4 error's
// extension structure: m is the captured ICMP message, plen its length.
// A message whose length field is 0 (an extension without RFC 4884's
// length, as older routers send) is taken to carry one only where the
// checksum of the bytes after the first 136 is right.
func appendICMPExtensions(b []byte, m ICMPv4, plen int) []byte {
	if plen <= icmpExtOffset {
		return b
	}
	switch m.Type() {
	case ICMPUnreachable, ICMPTimeExceeded, 12:
	default:
		return b
	}
	if len(m) < icmpExtOffset+5 {
		return append(b, " [|icmp]"...) // tcpdump checks the header and a byte of data
	}
	ext := m[icmpExtOffset:]
	if m[5] == 0 && checksumFold(checksumAdd(0, ext)) != 0xffff {
		return b
	}
	b = append(b, "\n\tICMP Multi-Part extension v"...)
	b = appendUint(b, uint64(ext[0]>>4))
	if ext[0]>>4 != 2 {
		return append(b, " packet not supported"...)
	}
	hlen := plen - icmpExtOffset
	if hlen <= len(ext) {
		// Only a captured structure has its checksum checked and shown.
		b = append(b, ", checksum 0x"...)
		b = appendHex4(b, be16(ext[2:]))
		if checksumFold(checksumAdd(0, ext[:hlen])) == 0xffff {
			b = append(b, " (correct), length "...)
		} else {
			b = append(b, " (incorrect), length "...)
		}
		b = appendUint(b, uint64(hlen))
	}
	hlen -= 4
	obj := ext[4:]
	for hlen > 4 {
		if len(obj) < 4 {
			return append(b, " [|icmp]"...)
		}
		olen, class, ctype := int(be16(obj)), obj[2], obj[3]
		b = append(b, "\n\t  "...)
		if int(class) < len(icmpExtObjectNames) && icmpExtObjectNames[class] != "" {
			b = append(b, icmpExtObjectNames[class]...)
		} else {
			b = append(b, "unknown"...)
		}
		b = append(b, " Object ("...)
		b = appendUint(b, uint64(class))
		b = append(b, "), Class-Type: "...)
		b = appendUint(b, uint64(ctype))
		b = append(b, ", length "...)
		b = appendUint(b, uint64(olen))
		hlen -= 4
		if class == 0 || olen < 4 {
			return b
		}
		olen -= 4
		data := obj[4:]
		if class == 1 && ctype == 1 {
			if len(data) < 4 {
				return append(b, " [|icmp]"...)
			}
			e := be32(data)
			b = append(b, "\n\t    label "...)
			b = appendUint(b, uint64(e>>12))
			b = append(b, ", tc "...)
			b = appendUint(b, uint64(e>>9&7))
			if e&0x100 != 0 {
				b = append(b, ", [S]"...)
			}
			b = append(b, ", ttl "...)
			b = appendUint(b, uint64(e&0xff))
		} else {
			b = appendIndentedHex(b, data[:min(olen, len(data))], "\n\t    ")
		}
		if hlen < olen {
			break
		}
		hlen -= olen
		obj = data[min(olen, len(data)):]
	}
	return b
}
