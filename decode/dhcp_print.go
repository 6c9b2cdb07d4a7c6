package decode

import (
	"net/netip"
	"strconv"
)

// This file prints BOOTP/DHCP as tcpdump 4.99 does (print-bootp.c): one
// line by default, and with -v the fixed fields and every option on lines
// of their own.

// dhcpTags holds tcpdump's option names, each prefixed by its print format:
// i addresses, p address pairs, l/L 32-bit numbers, s 16-bit numbers, b
// dotted bytes, x hex bytes, a text, B booleans, $ special, ? unknown.
var dhcpTags = [256]string{
	0: " PAD", 1: "iSubnet-Mask", 2: "LTime-Zone", 3: "iDefault-Gateway", 4: "iTime-Server",
	5: "iIEN-Name-Server", 6: "iDomain-Name-Server", 7: "iLOG", 8: "iCS", 9: "iLPR-Server",
	10: "iIM", 11: "iRL", 12: "aHostname", 13: "sBS", 255: " END",
	14: "aDP", 15: "aDomain-Name", 16: "iSS", 17: "aRP", 18: "aEP",
	19: "BIPF", 20: "BSRT", 21: "pPF", 22: "sRSZ", 23: "bTTL", 24: "lMTU-Timeout",
	25: "sMTU-Table", 26: "sMTU", 27: "BLSN", 28: "iBR", 29: "BMD", 30: "BMS",
	31: "BRouter-Discovery", 32: "iRSA", 33: "pStatic-Route", 34: "BUT", 35: "lAT",
	36: "BIE", 37: "bTT", 38: "lKI", 39: "BKG", 40: "aYD", 41: "iYS", 42: "iNTP",
	43: "bVendor-Option", 44: "iNetbios-Name-Server", 45: "iWDD", 46: "$Netbios-Node",
	47: "aNetbios-Scope", 48: "iXFS", 49: "iXDM", 64: "sN+D", 65: "iN+S", 68: "iMH",
	69: "iSMTP", 70: "iPOP3", 71: "iNNTP", 72: "iWWW", 73: "iFG", 74: "iIRC", 75: "iSTS",
	76: "iSTDA", 50: "iRequested-IP", 51: "lLease-Time", 52: "$OO", 66: "aTFTP", 67: "aBF",
	53: " DHCP-Message", 54: "iServer-ID", 55: "bParameter-Request", 56: "aMSG", 57: "sMSZ",
	58: "lRN", 59: "lRB", 60: "aVendor-Class", 61: "$Client-ID", 98: "aUAP",
	116: "BNOAUTO", 78: "bSLP-DA", 79: "bSLP-SCOPE", 117: "sNSSEARCH",
	77: "$User-Class", 118: "iSUBNET", 121: "$Classless-Static-Route",
	249: "$Classless-Static-Route-Microsoft", 150: "iTFTP-Server-Address",
	80: "aSLP-NA", 81: "$FQDN", 82: "$Agent-Information", 83: "bARMT", 88: "aTZSTR",
	89: "bFQDNS", 90: "bAUTH", 91: "lLast-Transaction-Time", 92: "iAssociated-IP",
	93: "sARCH", 94: "bNDI", 97: "bGUID", 95: "aLDAP", 100: "aPOSIX-TZ", 101: "aTZ-Name",
	112: "iNI", 113: "aNITAG", 114: "aURL", 161: "aMUD-URL",
}

func dhcpTag(t uint8) (format byte, name string) {
	s := dhcpTags[t]
	if s == "" {
		return '?', "Unknown"
	}
	return s[0], s[1:]
}

var dhcpMsgTypes = [14]string{
	1: "Discover", 2: "Offer", 3: "Request", 4: "Decline", 5: "ACK", 6: "NACK", 7: "Release",
	8: "Inform", 10: "LeaseQuery", 11: "LeaseUnassigned", 12: "LeaseUnknown", 13: "LeaseActive",
}

// DHCPMessageTypeName returns the name tcpdump gives a DHCP message type.
func DHCPMessageTypeName(t uint8) string {
	if int(t) < len(dhcpMsgTypes) {
		return dhcpMsgTypes[t]
	}
	return ""
}

// appendPrintJN appends m[off:off+n] as tcpdump's nd_printjn; short means
// the bytes ran out (tcpdump's truncation).
func appendPrintJN(b, m []byte, off, n int) ([]byte, bool) {
	if off+n > len(m) {
		b, _ = appendPrintN(b, m, off, n)
		return b, true
	}
	b, _ = appendPrintN(b, m, off, n)
	return b, false
}

// appendPrintZTN appends the NUL-terminated string in m[off:off+n] as
// tcpdump's nd_printztn; terminated is false if no NUL was found within n.
func appendPrintZTN(b, m []byte, off, n int) (_ []byte, terminated, short bool) {
	for k := 0; k < n; k++ {
		if off+k >= len(m) {
			return b, false, true
		}
		c := m[off+k]
		if c == 0 {
			return b, true, false
		}
		b = appendPrintChar(b, c)
	}
	return b, false, false
}

func appendIPv4(b, m []byte, off int) []byte {
	return netip.AddrFrom4([4]byte(m[off : off+4])).AppendTo(b)
}

func (p *LinePrinter) lineDHCPv4(b []byte, d *Decoder, i int) []byte {
	if p.Options.Quiet {
		return appendQuietUDP(b, d, i)
	}
	l := &d.layers[i]
	m := d.data[l.Start:l.End:l.End]
	b, ok := p.appendBOOTP(b, m, udpPayloadLen(d, i))
	if !ok {
		b = append(b, " [|bootp]"...)
		p.abandoned = true // tcpdump's BOOTP printer longjmps out
	}
	return b
}

func (p *LinePrinter) appendBOOTP(b, m []byte, length int) (_ []byte, ok bool) {
	if len(m) < 1 {
		return b, false
	}
	op := m[0]
	b = append(b, "BOOTP/DHCP, "...)
	switch op {
	case DHCPOpRequest:
		b = append(b, "Request"...)
	case DHCPOpReply:
		b = append(b, "Reply"...)
	default:
		b = append(b, "unknown (0x"...)
		b = appendHex2(b, op)
		b = append(b, ')')
	}
	if len(m) < 3 {
		return b, false
	}
	htype, hlen := m[1], m[2]
	if htype == 1 && hlen == 6 && op == DHCPOpRequest {
		if len(m) < 34 {
			return b, false
		}
		b = append(b, " from "...)
		b = MAC(m[28:34]).AppendTo(b)
	}
	b = append(b, ", length "...)
	b = strconv.AppendInt(b, int64(length), 10)
	if p.Options.Verbose == 0 {
		return b, true
	}
	if len(m) < 10 {
		return b, false
	}
	if htype != 1 {
		b = append(b, ", htype "...)
		b = appendUint(b, uint64(htype))
	}
	if htype != 1 || hlen != 6 {
		b = append(b, ", hlen "...)
		b = appendUint(b, uint64(hlen))
	}
	if m[3] != 0 {
		b = append(b, ", hops "...)
		b = appendUint(b, uint64(m[3]))
	}
	if x := be32(m[4:]); x != 0 {
		b = append(b, ", xid 0x"...)
		b = appendHexMin(b, uint64(x))
	}
	if s := be16(m[8:]); s != 0 {
		b = append(b, ", secs "...)
		b = appendUint(b, uint64(s))
	}
	if len(m) < 12 {
		return b, false
	}
	b = append(b, ", Flags ["...)
	if be16(m[10:])&0x8000 != 0 {
		b = append(b, "Broadcast"...)
	} else {
		b = append(b, "none"...)
	}
	b = append(b, ']')
	if p.Options.Verbose > 1 {
		b = append(b, " (0x"...)
		b = appendHex4(b, be16(m[10:]))
		b = append(b, ')')
	}
	for k, label := range [...]string{"\n\t  Client-IP ", "\n\t  Your-IP ", "\n\t  Server-IP ", "\n\t  Gateway-IP "} {
		off := 12 + 4*k
		if len(m) < off+4 {
			return b, false
		}
		if be32(m[off:]) != 0 {
			b = append(b, label...)
			b = appendIPv4(b, m, off)
		}
	}
	if htype == 1 && hlen == 6 {
		if len(m) < 34 {
			return b, false
		}
		b = append(b, "\n\t  Client-Ethernet-Address "...)
		b = MAC(m[28:34]).AppendTo(b)
	}
	for _, f := range [...]struct {
		label    string
		off, len int
	}{{"\n\t  sname \"", 44, 64}, {"\n\t  file \"", 108, 128}} {
		if len(m) <= f.off {
			return b, false
		}
		if m[f.off] == 0 {
			continue
		}
		b = append(b, f.label...)
		var term, short bool
		b, term, short = appendPrintZTN(b, m, f.off, f.len)
		b = append(b, '"')
		if short {
			return b, false
		}
		if !term {
			return b, false // tcpdump 4.99 marks it as truncation
		}
	}
	if len(m) < dhcpFixedLen+4 {
		return b, false
	}
	switch v := be32(m[dhcpFixedLen:]); {
	case v == dhcpMagic:
		return p.appendDHCPOptions(b, m, dhcpFixedLen)
	case v == 0x434d5500: // "CMU\0"
		return appendCMU(b, m, dhcpFixedLen)
	case v != 0:
		b = append(b, "\n\t  Vendor-#0x"...)
		b = appendHexMin(b, uint64(v))
	}
	return b, true
}

// appendCMU prints the CMU vendor area as tcpdump's cmu_print.
func appendCMU(b, m []byte, off int) ([]byte, bool) {
	b = append(b, " vend-cmu"...)
	if len(m) < off+8 {
		return b, false
	}
	flags := m[off+4]
	if flags&^1 != 0 {
		b = append(b, " F:0x"...)
		b = appendHexMin(b, uint64(flags))
	}
	sm := "SM*"
	if flags&1 != 0 {
		sm = "SM"
	}
	for _, f := range [...]struct {
		label string
		off   int
	}{{"DG", 12}, {sm, 8}, {"NS1", 16}, {"NS2", 20}, {"IEN1", 24}, {"IEN2", 28}, {"TS1", 32}, {"TS2", 36}} {
		if len(m) < off+f.off+4 {
			return b, false
		}
		if be32(m[off+f.off:]) != 0 {
			b = append(b, ' ')
			b = append(b, f.label...)
			b = append(b, ':')
			b = appendIPv4(b, m, off+f.off)
		}
	}
	return b, true
}

var dhcpARPTypes = [...]struct {
	t    uint8
	name string
}{{1, "ether"}, {6, "ieee802"}, {7, "arcnet"}, {0xf, "frelay"}, {0x17, "strip"}, {0x18, "ieee1394"}}

// appendDHCPOptions prints the vendor area from its magic cookie at off, as
// tcpdump's rfc1048_print at -v.
func (p *LinePrinter) appendDHCPOptions(b, m []byte, off int) ([]byte, bool) {
	b = append(b, "\n\t  Vendor-rfc1048 Extensions\n\t    Magic Cookie 0x"...)
	v := be32(m[off:])
	b = append(b, hexDigits[v>>28], hexDigits[v>>24&15], hexDigits[v>>20&15], hexDigits[v>>16&15],
		hexDigits[v>>12&15], hexDigits[v>>8&15], hexDigits[v>>4&15], hexDigits[v&15])
	bp := off + 4
	for bp < len(m) {
		tag := m[bp]
		bp++
		if tag == dhcpOptPad || tag == dhcpOptEnd {
			if p.Options.Verbose < 3 {
				if tag == dhcpOptEnd {
					return b, true
				}
				continue
			}
			// -vvv shows them, and goes on after END; a run of PADs is
			// one line.
			b = append(b, "\n\t    "...)
			if tag == dhcpOptPad {
				b = append(b, "PAD (0), length 0"...)
				n := 1
				for bp < len(m) && m[bp] == dhcpOptPad {
					bp++
					n++
				}
				if n > 1 {
					b = append(b, ", occurs "...)
					b = appendUint(b, uint64(n))
				}
			} else {
				b = append(b, "END (255), length 0"...)
			}
			continue
		}
		c, name := dhcpTag(tag)
		if bp >= len(m) {
			return b, false
		}
		n := int(m[bp])
		bp++
		b = append(b, "\n\t    "...)
		b = append(b, name...)
		b = append(b, " ("...)
		b = appendUint(b, uint64(tag))
		b = append(b, "), length "...)
		b = appendUint(b, uint64(n))
		if n > 0 {
			b = append(b, ": "...)
		}
		if bp+n > len(m) {
			return b, false
		}
		data := m[bp : bp+n]
		bp += n
		if tag == dhcpOptMsgType && n == 1 {
			if s := DHCPMessageTypeName(data[0]); s != "" {
				b = append(b, s...)
			} else {
				b = append(b, "Unknown ("...)
				b = appendUint(b, uint64(data[0]))
				b = append(b, ')')
			}
			continue
		}
		if tag == 55 { // Parameter-Request
			for k, t := range data {
				if k%4 == 0 {
					b = append(b, "\n\t      "...)
				} else {
					b = append(b, ", "...)
				}
				_, nm := dhcpTag(t)
				b = append(b, nm...)
				b = append(b, " ("...)
				b = appendUint(b, uint64(t))
				b = append(b, ')')
			}
			continue
		}
		if c == '?' {
			switch {
			case n&1 != 0:
				c = 'b'
			case n&2 != 0:
				c = 's'
			default:
				c = 'l'
			}
		}
		var rest int // bytes the format left unprinted
		switch c {
		case 'a':
			b, _ = appendPrintN(append(b, '"'), data, 0, n)
			b = append(b, '"')
			rest = 0
		case 'i', 'l', 'L':
			k := 0
			for ; k+4 <= n; k += 4 {
				if k > 0 {
					b = append(b, ',')
				}
				switch c {
				case 'i':
					b = appendIPv4(b, data, k)
				case 'L':
					b = strconv.AppendInt(b, int64(int32(be32(data[k:]))), 10)
				default:
					b = appendUint(b, uint64(be32(data[k:])))
				}
			}
			rest = n - k
		case 'p':
			k := 0
			for ; k+8 <= n; k += 8 {
				if k > 0 {
					b = append(b, ',')
				}
				b = append(b, '(')
				b = appendIPv4(b, data, k)
				b = append(b, ':')
				b = appendIPv4(b, data, k+4)
				b = append(b, ')')
			}
			rest = n - k
		case 's':
			k := 0
			for ; k+2 <= n; k += 2 {
				if k > 0 {
					b = append(b, ',')
				}
				b = appendUint(b, uint64(be16(data[k:])))
			}
			rest = n - k
		case 'B':
			for k, v := range data {
				if k > 0 {
					b = append(b, ',')
				}
				switch v {
				case 0:
					b = append(b, 'N')
				case 1:
					b = append(b, 'Y')
				default:
					b = appendUint(b, uint64(v))
					b = append(b, '?')
				}
			}
			rest = 0
		case '$':
			b, rest = appendDHCPSpecial(b, tag, data)
		default: // 'b', 'x'
			for k, v := range data {
				if k > 0 {
					if c == 'x' {
						b = append(b, ':')
					} else {
						b = append(b, '.')
					}
				}
				if c == 'x' {
					b = appendHex2(b, v)
				} else {
					b = appendUint(b, uint64(v))
				}
			}
			rest = 0
		}
		if rest > 0 {
			b = append(b, "\n\t  trailing data length "...)
			b = appendUint(b, uint64(rest))
		}
	}
	return b, true
}

// appendDHCPSpecial prints the options tcpdump formats by hand, returning
// how many bytes were left unprinted.
func appendDHCPSpecial(b []byte, tag uint8, data []byte) ([]byte, int) {
	n := len(data)
	switch tag {
	case 46, 52: // Netbios-Node, option overload
		if n < 1 {
			return append(b, "[ERROR: length < 1 bytes]"...), 0
		}
		v := data[0]
		var s string
		if tag == 46 {
			switch v {
			case 1:
				s = "b-node"
			case 2:
				s = "p-node"
			case 4:
				s = "m-node"
			case 8:
				s = "h-node"
			}
		} else {
			switch v {
			case 1:
				s = "file"
			case 2:
				s = "sname"
			case 3:
				s = "file+sname"
			}
		}
		if s == "" {
			b = append(b, '#')
			b = appendUint(b, uint64(v))
		} else {
			b = append(b, s...)
		}
		return b, n - 1
	case 81: // Client FQDN
		if n < 3 {
			return append(b, "[ERROR: length < 3 bytes]"...), 0
		}
		f := data[0]
		if f&0xf0 != 0 {
			b = append(b, "[ERROR: MBZ nibble 0x"...)
			b = appendHexMin(b, uint64(f>>4))
			b = append(b, " != 0] "...)
		}
		if f&0x0f != 0 {
			b = append(b, '[')
			for _, x := range [...]struct {
				bit uint8
				c   byte
			}{{1, 'S'}, {2, 'O'}, {4, 'E'}, {8, 'N'}} {
				if f&x.bit != 0 {
					b = append(b, x.c)
				}
			}
			b = append(b, "] "...)
		}
		if data[1] != 0 || data[2] != 0 {
			b = appendUint(b, uint64(data[1]))
			b = append(b, '/')
			b = appendUint(b, uint64(data[2]))
			b = append(b, ' ')
		}
		b, _ = appendPrintN(append(b, '"'), data, 3, n-3)
		return append(b, '"'), 0
	case 61: // Client-ID
		if n < 1 {
			return append(b, "[ERROR: length < 1 bytes]"...), 0
		}
		if data[0] == 0 {
			b, _ = appendPrintN(append(b, '"'), data, 1, n-1)
			return append(b, '"'), 0
		}
		name := ""
		for _, a := range dhcpARPTypes {
			if a.t == data[0] {
				name = a.name
			}
		}
		if name == "" {
			b = append(b, "hardware-type "...)
			b = appendUint(b, uint64(data[0]))
			b = append(b, ',')
		} else {
			b = append(b, name...)
		}
		b = append(b, ' ')
		for k, v := range data[1:] {
			if k > 0 {
				b = append(b, ':')
			}
			b = appendHex2(b, v)
		}
		return b, 0
	case 77: // User-Class
		if n < 2 {
			return append(b, "[ERROR: length < 2 bytes]"...), 0
		}
		for k, num := 0, 1; k < n; num++ {
			sl := int(data[k])
			k++
			b = append(b, "\n\t      instance#"...)
			b = appendUint(b, uint64(num))
			b = append(b, ": "...)
			if sl == 0 {
				return append(b, "[ERROR: suboption length must be non-zero]"...), 0
			}
			if n-k < sl {
				return append(b, "[ERROR: invalid option]"...), 0
			}
			b, _ = appendPrintN(append(b, '"'), data, k, sl)
			b = append(b, "\", length "...)
			b = appendUint(b, uint64(sl))
			k += sl
		}
		return b, 0
	case 121, 249: // classless static routes
		if n < 5 {
			return append(b, "[ERROR: length < 5 bytes]"...), 0
		}
		for k := 0; k < n; {
			if k > 0 {
				b = append(b, ',')
			}
			w := int(data[k])
			k++
			if w > 32 {
				b = append(b, "[ERROR: Mask width ("...)
				b = appendUint(b, uint64(w))
				return append(b, ") > 32]"...), 0
			}
			sig := (w + 7) / 8
			if n-k < sig+4 {
				b = append(b, "[ERROR: Remaining length ("...)
				b = appendUint(b, uint64(n-k))
				b = append(b, ") < "...)
				b = appendUint(b, uint64(sig+4))
				return append(b, " bytes]"...), 0
			}
			b = append(b, '(')
			if w == 0 {
				b = append(b, "default"...)
			} else {
				for j := 0; j < sig; j++ {
					if j > 0 {
						b = append(b, '.')
					}
					b = appendUint(b, uint64(data[k+j]))
				}
				for j := sig; j < 4; j++ {
					b = append(b, ".0"...)
				}
				b = append(b, '/')
				b = appendUint(b, uint64(w))
			}
			k += sig
			b = append(b, ':')
			b = appendIPv4(b, data, k)
			b = append(b, ')')
			k += 4
		}
		return b, 0
	case 82: // relay agent information
		k := 0
		for n-k >= 2 {
			sub, sl := data[k], int(data[k+1])
			k += 2
			b = append(b, "\n\t      "...)
			switch sub {
			case 1:
				b = append(b, "Circuit-ID"...)
			case 2:
				b = append(b, "Remote-ID"...)
			case 6:
				b = append(b, "Subscriber-ID"...)
			default:
				b = append(b, "Unknown"...)
			}
			b = append(b, " SubOption "...)
			b = appendUint(b, uint64(sub))
			b = append(b, ", length "...)
			b = appendUint(b, uint64(sl))
			if sl > n-k {
				return append(b, ": length goes past end of option"...), 0
			}
			b = append(b, ": "...)
			switch sub {
			case 1, 2, 6:
				b, _ = appendPrintN(b, data, k, sl)
			default:
				b = appendHexDumpLines(b, data[k:k+sl], "\n\t\t")
			}
			k += sl
		}
		return b, n - k
	}
	b = append(b, "[unknown special tag "...)
	b = appendUint(b, uint64(tag))
	b = append(b, ", size "...)
	b = appendUint(b, uint64(n))
	return append(b, ']'), 0
}

// appendHexDumpLines appends data as tcpdump's hex_print: lines of 16 bytes
// "0x0000:  0102 0304 ...", each after indent.
func appendHexDumpLines(b, data []byte, indent string) []byte {
	for off := 0; off < len(data); off += 16 {
		b = append(b, indent...)
		b = append(b, "0x"...)
		b = appendHex4(b, uint16(off))
		b = append(b, ": "...)
		end := min(off+16, len(data))
		for k := off; k < end; k += 2 {
			b = append(b, ' ')
			if k+1 < end {
				b = appendHex2(b, data[k])
				b = appendHex2(b, data[k+1])
			} else {
				b = appendHex2(b, data[k])
			}
		}
	}
	return b
}
