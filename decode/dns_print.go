package decode

import (
	"net/netip"
	"strconv"
)

// This file prints DNS as tcpdump 4.99 does (print-domain.c): the same
// fields in the same order, the same walk over names (compression pointers
// must point backwards), and " [|domain]" where the captured bytes end.

var dnsOpcodes = [16]string{
	"", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
	" op8", " updateA", " updateD", " updateDA", " updateM", " updateMA", " zoneInit", " zoneRef",
}

// dnsRcodes are tcpdump's response code names; two lack their leading
// space in tcpdump, and so here.
var dnsRcodes = [24]string{
	"", " FormErr", " ServFail", " NXDomain", " NotImp", " Refused", " YXDomain", " YXRRSet",
	" NXRRSet", " NotAuth", " NotZone", " Resp11", " Resp12", " Resp13", " Resp14", " NoChange",
	" BadVers", "Resp17", " Resp18", " Resp19", " Resp20", "Resp21", " Resp22", " BadCookie",
}

// DNSTypeName returns tcpdump 4.99's mnemonic of a record type ("AAAA"),
// or "" if it has none (tcpdump then prints "Type65").
func DNSTypeName(t uint16) string {
	switch {
	case t >= 1 && t <= 48:
		return dnsTypeNames[t]
	case t >= 99 && t <= 104:
		return dnsTypeNames99[t-99]
	case t >= 249 && t <= 256:
		return dnsTypeNames249[t-249]
	}
	return ""
}

var dnsTypeNames = [49]string{
	1: "A", 2: "NS", 3: "MD", 4: "MF", 5: "CNAME", 6: "SOA", 7: "MB", 8: "MG", 9: "MR", 10: "NULL",
	11: "WKS", 12: "PTR", 13: "HINFO", 14: "MINFO", 15: "MX", 16: "TXT", 17: "RP", 18: "AFSDB",
	19: "X25", 20: "ISDN", 21: "RT", 22: "NSAP", 23: "NSAP_PTR", 24: "SIG", 25: "KEY", 26: "PX",
	27: "GPOS", 28: "AAAA", 29: "LOC", 30: "NXT", 31: "EID", 32: "NIMLOC", 33: "SRV", 34: "ATMA",
	35: "NAPTR", 36: "KX", 37: "CERT", 38: "A6", 39: "DNAME", 40: "SINK", 41: "OPT", 42: "APL",
	43: "DS", 44: "SSHFP", 45: "IPSECKEY", 46: "RRSIG", 47: "NSEC", 48: "DNSKEY",
}

var dnsTypeNames99 = [6]string{"SPF", "UINFO", "UID", "GID", "UNSPEC", "UNSPECA"}

var dnsTypeNames249 = [8]string{"TKEY", "TSIG", "IXFR", "AXFR", "MAILB", "MAILA", "ANY", "URI"}

// appendDNSType appends tcpdump's name of a type ("A", "Type65280").
func appendDNSType(b []byte, t uint16) []byte {
	if s := DNSTypeName(t); s != "" {
		return append(b, s...)
	}
	b = append(b, "Type"...)
	return strconv.AppendUint(b, uint64(t), 10)
}

// appendDNSClass appends tcpdump's name of a class ("CHAOS", "(Class 7)").
func appendDNSClass(b []byte, c uint16) []byte {
	switch c {
	case 1:
		return append(b, "IN"...)
	case 3:
		return append(b, "CHAOS"...)
	case 4:
		return append(b, "HS"...)
	case 255:
		return append(b, "ANY"...)
	}
	b = append(b, "(Class "...)
	b = strconv.AppendUint(b, uint64(c), 10)
	return append(b, ')')
}

// appendPrintChar appends c as tcpdump's fn_print_char does: M- for the
// high bit, ^X for control characters.
func appendPrintChar(b []byte, c byte) []byte {
	if c >= 0x80 {
		c &= 0x7f
		b = append(b, 'M', '-')
	}
	if c < 0x20 || c == 0x7f {
		c ^= 0x40
		b = append(b, '^')
	}
	return append(b, c)
}

// appendPrintN appends up to n bytes of m from off (stopping at the end of
// m) as tcpdump's nd_printn does; short reports that m ended first.
func appendPrintN(b []byte, m []byte, off, n int) (_ []byte, short bool) {
	for ; n > 0 && off < len(m); n-- {
		b = appendPrintChar(b, m[off])
		off++
	}
	return b, n > 0
}

// tdLabelLen returns tcpdump's labellen for the byte at off: the label
// length (or the whole byte for a pointer), or -1 after printing what
// tcpdump prints for a bad label.
func tdLabelLen(b []byte, m []byte, off int) ([]byte, int) {
	if off >= len(m) {
		return b, -1
	}
	c := int(m[off])
	switch c & 0xc0 {
	case 0x40:
		if elt := c & 0x3f; elt != 1 {
			b = append(b, "<ELT "...)
			b = strconv.AppendInt(b, int64(elt), 10)
			return append(b, '>'), -1
		}
		if off+1 >= len(m) {
			return b, -1
		}
		bits := int(m[off+1])
		if bits == 0 {
			bits = 256
		}
		return b, (bits+7)/8 + 1
	case 0x80:
		return append(b, "<BAD LABEL TYPE>"...), -1
	}
	return b, c
}

// tdSkipName is tcpdump's ns_nskip: the offset after the name at off, not
// following pointers (a pointer's second byte is not checked).
func tdSkipName(m []byte, off int) (int, bool) {
	if off < 0 || off >= len(m) {
		return 0, false
	}
	c := int(m[off])
	off++
	for c != 0 {
		switch c & 0xc0 {
		case 0xc0:
			return off + 1, true
		case 0x40:
			if c&0x3f != 1 || off >= len(m) {
				return 0, false
			}
			bits := int(m[off])
			if bits == 0 {
				bits = 256
			}
			off += 1 + (bits+7)/8
		case 0x80:
			return 0, false
		default:
			off += c
		}
		if off >= len(m) {
			return 0, false
		}
		c = int(m[off])
		off++
	}
	return off, true
}

// tdBitLabel prints an EDNS0 bit-string label as tcpdump's blabel_print.
func tdBitLabel(b []byte, m []byte, off int) ([]byte, bool) {
	if off >= len(m) {
		return b, false
	}
	bitlen := int(m[off])
	if bitlen == 0 {
		bitlen = 256
	}
	lim := off + 1 + (bitlen+3)/4
	b = append(b, `\[x`...)
	p, n := off+1, bitlen
	for ; p < lim && n > 7; n, p = n-8, p+1 {
		if p >= len(m) {
			return b, false
		}
		b = appendHex2(b, m[p])
	}
	if n > 4 {
		if p >= len(m) {
			return b, false
		}
		b = appendHex2(b, m[p]&byte(0xff<<(8-n)))
	} else if n > 0 {
		if p >= len(m) {
			return b, false
		}
		b = append(b, hexDigits[(m[p]>>4)&(0x0f<<(4-n))&15])
	}
	b = append(b, '/')
	b = strconv.AppendInt(b, int64(bitlen), 10)
	return append(b, ']'), true
}

// tdName prints the name at off as tcpdump's fqdn_print and returns the
// offset after the name in place (ok false where tcpdump returns NULL).
func tdName(b []byte, m []byte, off int) (_ []byte, rp int, ok bool) {
	const maxName = 255
	b, l := tdLabelLen(b, m, off)
	if l < 0 {
		return b, 0, false
	}
	maxOff := off
	c := int(m[off])
	off++
	// rpSet mirrors tcpdump's rp != NULL: a name starting with a pointer
	// whose second byte is not captured has no end.
	compress, rpSet := false, false
	if c&0xc0 != 0xc0 {
		rp, rpSet = off+l, true
	}
	if c == 0 {
		return append(b, '.'), rp, true
	}
	chars := 0
	for c != 0 && off < len(m) {
		switch c & 0xc0 {
		case 0xc0:
			if !compress {
				rp, rpSet = off+1, true
				compress = true
			}
			p := (c<<8 | int(m[off])) & 0x3fff
			if p >= maxOff {
				return append(b, "<BAD PTR>"...), 0, false
			}
			maxOff, off = p, p
			c = int(m[off])
			if b, l = tdLabelLen(b, m, off); l < 0 {
				return b, 0, false
			}
			off++
			continue
		case 0x40:
			var good bool
			if b, good = tdBitLabel(b, m, off); !good {
				return b, 0, false
			}
		case 0x80:
			return append(b, "<BAD LABEL TYPE>"...), 0, false
		default:
			var short bool
			if chars+l <= maxName {
				b, short = appendPrintN(b, m, off, l)
			} else if chars < maxName {
				b, short = appendPrintN(b, m, off, maxName-chars)
			}
			if short {
				return b, 0, false
			}
			chars += l
		}
		off += l
		if chars <= maxName {
			b = append(b, '.')
		}
		chars++
		if off >= len(m) {
			return b, 0, false
		}
		c = int(m[off])
		if b, l = tdLabelLen(b, m, off); l < 0 {
			return b, 0, false
		}
		off++
		if !compress {
			rp += l + 1
		}
	}
	if chars > maxName {
		b = append(b, "<DOMAIN NAME TOO LONG>"...)
	}
	return b, rp, rpSet
}

// tdQuestion prints a question as tcpdump's ns_qprint.
func tdQuestion(b []byte, m []byte, off int, mdns bool) ([]byte, int, bool) {
	n, ok := tdSkipName(m, off)
	if !ok || n+4 > len(m) {
		return b, 0, false
	}
	b = append(b, ' ')
	b = appendDNSType(b, be16(m[n:]))
	c := be16(m[n+2:])
	if mdns {
		c &^= mdnsClassTop
	}
	if c != 1 {
		b = append(b, ' ')
		b = appendDNSClass(b, c)
	}
	if mdns && be16(m[n+2:])&mdnsClassTop != 0 {
		b = append(b, " (QU)"...)
	} else if mdns {
		b = append(b, " (QM)"...)
	}
	b = append(b, "? "...)
	b, rp, ok := tdName(b, m, off)
	if !ok {
		return b, 0, false
	}
	return b, rp + 4, true
}

// tdRecord prints a resource record as tcpdump's ns_rprint at verbosity
// level v (-v: names and SOA fields; -vvv: TTLs). A record whose fixed
// part is missing ends the section silently (next = len(m)), as tcpdump
// does.
func tdRecord(b []byte, m []byte, off int, v int, mdns bool) (_ []byte, next int, ok bool) {
	verbose := v > 0
	cp := off
	if verbose {
		b = append(b, ' ')
		if b, cp, ok = tdName(b, m, off); !ok {
			return b, 0, false
		}
	} else {
		cp, ok = tdSkipName(m, off)
	}
	if !ok || cp+10 > len(m) {
		return b, len(m), true
	}
	typ, class := be16(m[cp:]), be16(m[cp+2:])
	if mdns {
		class &^= mdnsClassTop
	}
	if class != 1 && typ != DNSTypeOPT {
		b = append(b, ' ')
		b = appendDNSClass(b, class)
	}
	if mdns && be16(m[cp+2:])&mdnsClassTop != 0 {
		b = append(b, " (Cache flush)"...)
	}
	optFlags := be16(m[cp+6:])
	if v > 2 && typ != DNSTypeOPT {
		b = append(b, " ["...)
		b = appendRelTime(b, be32(m[cp+4:]))
		b = append(b, ']')
	}
	n := int(be16(m[cp+8:]))
	cp += 10
	b = append(b, ' ')
	b = appendDNSType(b, typ)
	if cp+n > len(m) {
		return b, 0, false
	}
	rp := cp + n
	switch typ {
	case DNSTypeA:
		if cp+4 > len(m) {
			return b, 0, false
		}
		b = append(b, ' ')
		b = netip.AddrFrom4([4]byte(m[cp : cp+4])).AppendTo(b)
	case DNSTypeNS, DNSTypeCNAME, DNSTypePTR, DNSTypeDNAME:
		b = append(b, ' ')
		if b, _, ok = tdName(b, m, cp); !ok {
			return b, 0, false
		}
	case DNSTypeSOA:
		if !verbose {
			break
		}
		b = append(b, ' ')
		if b, cp, ok = tdName(b, m, cp); !ok {
			return b, 0, false
		}
		b = append(b, ' ')
		if b, cp, ok = tdName(b, m, cp); !ok {
			return b, 0, false
		}
		if cp+20 > len(m) {
			return b, 0, false
		}
		for k := range 5 {
			b = append(b, ' ')
			b = strconv.AppendUint(b, uint64(be32(m[cp+4*k:])), 10)
		}
	case DNSTypeMX:
		b = append(b, ' ')
		if cp+2 > len(m) {
			return b, 0, false
		}
		if b, _, ok = tdName(b, m, cp+2); !ok {
			return b, 0, false
		}
		b = append(b, ' ')
		b = strconv.AppendUint(b, uint64(be16(m[cp:])), 10)
	case DNSTypeTXT:
		for cp < rp {
			b = append(b, ' ', '"')
			if cp >= len(m) {
				return b, 0, false
			}
			l := int(m[cp])
			var short bool
			if b, short = appendPrintN(b, m, cp+1, l); short {
				return b, 0, false
			}
			cp += 1 + l
			b = append(b, '"')
		}
	case DNSTypeSRV:
		b = append(b, ' ')
		if cp+6 > len(m) {
			return b, 0, false
		}
		if b, _, ok = tdName(b, m, cp+6); !ok {
			return b, 0, false
		}
		b = append(b, ':')
		b = strconv.AppendUint(b, uint64(be16(m[cp+4:])), 10)
		b = append(b, ' ')
		b = strconv.AppendUint(b, uint64(be16(m[cp:])), 10)
		b = append(b, ' ')
		b = strconv.AppendUint(b, uint64(be16(m[cp+2:])), 10)
	case DNSTypeAAAA:
		if cp+16 > len(m) {
			return b, 0, false
		}
		b = append(b, ' ')
		b = netip.AddrFrom16([16]byte(m[cp : cp+16])).AppendTo(b)
	case 38: // A6 (RFC 2874): prefix length, address suffix, prefix name
		if cp >= len(m) {
			return b, 0, false
		}
		pbit := int(m[cp])
		pbyte := (pbit &^ 7) / 8
		if pbit > 128 {
			b = append(b, ' ')
			b = strconv.AppendInt(b, int64(pbit), 10)
			b = append(b, "(bad plen)"...)
			break
		}
		if pbit < 128 {
			if cp+1+16-pbyte > len(m) {
				return b, 0, false
			}
			var a [16]byte
			copy(a[pbyte:], m[cp+1:cp+1+16-pbyte])
			b = append(b, ' ')
			b = strconv.AppendInt(b, int64(pbit), 10)
			b = append(b, ' ')
			b = netip.AddrFrom16(a).AppendTo(b)
		}
		if pbit > 0 {
			b = append(b, ' ')
			if b, _, ok = tdName(b, m, cp+1+16-pbyte); !ok {
				return b, 0, false
			}
		}
	case 256: // URI: priority, weight, target
		if cp+4 > len(m) {
			return b, 0, false
		}
		b = append(b, ' ')
		b = strconv.AppendUint(b, uint64(be16(m[cp:])), 10)
		b = append(b, ' ')
		b = strconv.AppendUint(b, uint64(be16(m[cp+2:])), 10)
		b = append(b, ' ')
		// A length under 4 wraps in tcpdump: it prints to the end.
		k := n - 4
		if k < 0 {
			k = len(m) - (cp + 4) + 1
		}
		var short bool
		if b, short = appendPrintN(b, m, cp+4, k); short {
			return b, 0, false
		}
	case 104: // UNSPECA: one string, right after the type
		var short bool
		if b, short = appendPrintN(b, m, cp, n); short {
			return b, 0, false
		}
	case 250: // TSIG
		if !verbose {
			break
		}
		b = append(b, ' ')
		if b, cp, ok = tdName(b, m, cp); !ok {
			return b, 0, false
		}
		cp += 6 // time signed
		for _, label := range [...]string{" fudge=", " maclen=", " origid=", " error=", " otherlen="} {
			if cp+2 > len(m) {
				return b, 0, false
			}
			v := be16(m[cp:])
			b = append(b, label...)
			b = strconv.AppendUint(b, uint64(v), 10)
			cp += 2
			if label == " maclen=" {
				cp += int(v)
			}
		}
	case DNSTypeOPT:
		b = append(b, " UDPsize="...)
		b = strconv.AppendUint(b, uint64(class), 10)
		if optFlags&0x8000 != 0 {
			b = append(b, " DO"...)
		}
		if cp < rp {
			b = append(b, " ["...)
			for cp < rp {
				if b, cp, ok = tdEDNSOption(b, m, cp); !ok {
					return b, 0, false
				}
				if cp < rp {
					b = append(b, ',')
				}
			}
			b = append(b, ']')
		}
	}
	return b, rp, true
}

var ednsOptionNames = [18]string{
	1: "LLQ", 2: "UL", 3: "NSID", 5: "DAU", 6: "DHU", 7: "N3U", 8: "ECS", 9: "EXPIRE",
	10: "COOKIE", 11: "KEEPALIVE", 12: "PADDING", 13: "CHAIN", 14: "KEY-TAG", 16: "CLIENT-TAG", 17: "SERVER-TAG",
}

var dnsSecAlgNames = map[byte]string{
	0: "DELETE", 1: "RSAMD5", 2: "DH", 3: "DS", 5: "RSASHA1", 6: "DSA-NSEC3-SHA1",
	7: "RSASHA1-NSEC3-SHA1", 8: "RSASHA256", 10: "RSASHA512", 12: "ECC-GOST",
	13: "ECDSAP256SHA256", 14: "ECDSAP384SHA384", 15: "ED25519", 16: "ED448",
	252: "INDIRECT", 253: "PRIVATEDNS", 254: "PRIVATEOID",
}

var dnsDSHashNames = map[byte]string{1: "SHA-1", 2: "SHA-256", 3: "GOST_R_34.11-94", 4: "SHA-384"}

var dnsNSEC3HashNames = map[byte]string{1: "SHA-1"}

// appendAlgList appends data as names from table ("Alg_9" when unknown).
func appendAlgList(b, data []byte, table map[byte]string) []byte {
	for i, c := range data {
		if i > 0 {
			b = append(b, ' ')
		}
		if s, ok := table[c]; ok {
			b = append(b, s...)
		} else {
			b = append(b, "Alg_"...)
			b = strconv.AppendUint(b, uint64(c), 10)
		}
	}
	return b
}

// tdEDNSOption prints one EDNS option as tcpdump's eopt_print.
func tdEDNSOption(b []byte, m []byte, off int) ([]byte, int, bool) {
	if off+2 > len(m) {
		return b, 0, false
	}
	opt := be16(m[off:])
	if int(opt) < len(ednsOptionNames) && ednsOptionNames[opt] != "" {
		b = append(b, ednsOptionNames[opt]...)
	} else {
		b = append(b, "Opt"...)
		b = strconv.AppendUint(b, uint64(opt), 10)
	}
	if off+4 > len(m) {
		return b, 0, false // tcpdump names the option before reading its length
	}
	n := int(be16(m[off+2:]))
	off += 4
	if off+n > len(m) {
		return b, 0, false
	}
	if n > 0 {
		b = append(b, ' ')
		b = appendEDNSData(b, m, off, opt, m[off:off+n])
	}
	return b, off + n, true
}

// appendEDNSData prints an option's data in tcpdump's per-option format.
func appendEDNSData(b, m []byte, off int, opt uint16, data []byte) []byte {
	n := len(data)
	switch opt {
	case 8: // ECS: family, source and scope prefix lengths, address
		if n < 4 {
			return append(b, " (invalid)"...)
		}
		family, src, scope := be16(data), int(data[2]), int(data[3])
		bits := 0
		switch family {
		case 1:
			bits = 32
		case 2:
			bits = 128
		default:
			return append(b, " (invalid)"...)
		}
		if n-4 > bits/8 || src > bits || scope > bits || (src+7)/8 != n-4 {
			return append(b, " (invalid)"...)
		}
		var a [16]byte
		copy(a[:], data[4:])
		if family == 1 {
			b = netip.AddrFrom4([4]byte(a[:4])).AppendTo(b)
		} else {
			b = netip.AddrFrom16(a).AppendTo(b)
		}
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(src), 10)
		b = append(b, '/')
		return strconv.AppendInt(b, int64(scope), 10)
	case 10: // COOKIE: client cookie, then the server's
		if n < 8 || (n > 8 && n < 16) || n > 40 {
			return append(b, " (invalid)"...)
		}
		for i, c := range data {
			if i == 8 {
				b = append(b, ' ')
			}
			b = appendHex2(b, c)
		}
		return b
	case 11: // KEEPALIVE, in units of 100 ms
		if n != 2 {
			return append(b, " (invalid)"...)
		}
		v := be16(data)
		b = strconv.AppendUint(b, uint64(v/10), 10)
		b = append(b, '.')
		b = strconv.AppendUint(b, uint64(v%10), 10)
		return append(b, " sec"...)
	case 9: // EXPIRE
		if n != 4 {
			return append(b, " (invalid)"...)
		}
		b = strconv.AppendUint(b, uint64(be32(data)), 10)
		return append(b, " sec"...)
	case 12: // PADDING
		b = append(b, '(')
		b = strconv.AppendInt(b, int64(n), 10)
		return append(b, ')')
	case 14: // KEY-TAG
		if n%2 != 0 {
			return append(b, " (invalid)"...)
		}
		for i := 0; i < n; i += 2 {
			if i > 0 {
				b = append(b, ' ')
			}
			b = strconv.AppendUint(b, uint64(be16(data[i:])), 10)
		}
		return b
	case 5:
		return appendAlgList(b, data, dnsSecAlgNames)
	case 6:
		return appendAlgList(b, data, dnsDSHashNames)
	case 7:
		return appendAlgList(b, data, dnsNSEC3HashNames)
	case 13: // CHAIN: a name, whose end tcpdump does not check
		b, _, _ = tdName(b, m, off)
		return b
	}
	return appendHexBytes(b, data)
}

// tdExtRcode returns the response code with the EDNS extension of the first
// OPT record of the additional section, as tcpdump computes it.
func tdExtRcode(m []byte) int {
	rcode := int(be16(m[2:]) & 15)
	cp := dnsHeaderLen
	var ok bool
	for range be16(m[4:]) {
		if cp, ok = tdSkipName(m, cp); !ok {
			return rcode
		}
		if cp += 4; cp >= len(m) {
			return rcode
		}
	}
	for range int(be16(m[6:])) + int(be16(m[8:])) {
		if cp, ok = tdSkipName(m, cp); !ok {
			return rcode
		}
		if cp += 8; cp+2 > len(m) {
			return rcode
		}
		if cp += 2 + int(be16(m[cp:])); cp >= len(m) {
			return rcode
		}
	}
	for range be16(m[10:]) {
		if cp, ok = tdSkipName(m, cp); !ok || cp+2 > len(m) {
			return rcode
		}
		typ := be16(m[cp:])
		if cp += 4; cp+1 > len(m) {
			return rcode
		}
		if typ == DNSTypeOPT {
			return rcode | int(m[cp])<<4
		}
		if cp += 4; cp+2 > len(m) {
			return rcode
		}
		if cp += 2 + int(be16(m[cp:])); cp >= len(m) {
			return rcode
		}
	}
	return rcode
}

// lineDNS prints a DNS message after "a.p > b.q: " as tcpdump does.
func (p *LinePrinter) lineDNS(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	msg := d.data[l.Start:l.End:l.End]
	var length int
	overTCP := i > 0 && d.layers[i-1].Type == LayerTCP
	if overTCP {
		// TCP wrote ": "; tcpdump's DNS over TCP goes on after a space.
		if n := len(b); n >= 2 && b[n-2] == ':' && b[n-1] == ' ' {
			b = b[:n-2]
		}
		tl := &d.layers[i-1]
		length = ipPayloadLen(d, i-1) - (tl.Payload - tl.Start)
		if length < 2 {
			b = append(b, " [DNS over TCP: length "...)
			b = strconv.AppendInt(b, int64(length), 10)
			return append(b, " < 2] (invalid)"...)
		}
		if len(msg) < 2 {
			return append(b, " [|domain]"...)
		}
		length -= 2
		if pre := int(be16(msg)); pre != length {
			b = append(b, " [prefix length("...)
			b = strconv.AppendInt(b, int64(pre), 10)
			b = append(b, ") != length("...)
			b = strconv.AppendInt(b, int64(length), 10)
			return append(b, ")] (invalid)"...)
		}
		msg = msg[2:]
		b = append(b, ' ')
	} else {
		if p.Options.Quiet {
			return appendQuietUDP(b, d, i)
		}
		length = udpPayloadLen(d, i)
	}
	if length < dnsHeaderLen {
		b = append(b, "domain [length "...)
		b = strconv.AppendInt(b, int64(length), 10)
		return append(b, " < 12] (invalid)"...)
	}
	if len(msg) < dnsHeaderLen {
		return append(b, " [|domain]"...)
	}
	b, ok := p.appendDNS(b, msg, l.Type == LayerMDNS)
	if !ok {
		return append(b, " [|domain]"...)
	}
	b = append(b, " ("...)
	b = strconv.AppendInt(b, int64(length), 10)
	return append(b, ')')
}

// appendDNS prints the header and sections; ok false means tcpdump's
// truncation mark follows.
func (p *LinePrinter) appendDNS(b []byte, m []byte, mdns bool) (_ []byte, ok bool) {
	flags := be16(m[2:])
	qd, an, ns, ar := int(be16(m[4:])), int(be16(m[6:])), int(be16(m[8:])), int(be16(m[10:]))
	v := p.Options.Verbose
	cp := dnsHeaderLen
	b = strconv.AppendUint(b, uint64(be16(m)), 10)
	b = append(b, dnsOpcodes[flags>>11&15]...)
	if flags&DNSFlagQR != 0 {
		rc := tdExtRcode(m)
		if rc < len(dnsRcodes) {
			b = append(b, dnsRcodes[rc]...)
		} else {
			b = append(b, " Resp"...)
			b = strconv.AppendInt(b, int64(rc&0xfff), 10)
		}
		if flags&DNSFlagAA != 0 {
			b = append(b, '*')
		}
		if flags&DNSFlagRA == 0 {
			b = append(b, '-')
		}
		if flags&DNSFlagTC != 0 {
			b = append(b, '|')
		}
		if flags&DNSFlagAD != 0 {
			b = append(b, '$')
		}
		if qd != 1 {
			b = appendCount(b, qd, "q]")
		}
		for k := range qd {
			if k != 0 {
				b = append(b, ',')
			}
			if p.Options.Verbose > 1 {
				// -vv repeats the question in the response.
				b = append(b, " q:"...)
				if b, cp, ok = tdQuestion(b, m, cp, mdns); !ok {
					return b, false
				}
				continue
			}
			if cp, ok = tdSkipName(m, cp); !ok {
				return b, false
			}
			cp += 4
		}
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(an), 10)
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(ns), 10)
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(ar), 10)
		if an > 0 {
			if b, cp, ok = tdRecord(b, m, cp, v, mdns); !ok {
				return b, false
			}
			an--
			for cp < len(m) && an > 0 {
				b = append(b, ',')
				if b, cp, ok = tdRecord(b, m, cp, v, mdns); !ok {
					return b, false
				}
				an--
			}
		}
		if an != 0 || v < 2 {
			return b, an == 0
		}
		if b, cp, ok = tdSection(b, m, cp, ns, " ns:", v, mdns); !ok {
			return b, false
		}
		b, _, ok = tdSection(b, m, cp, ar, " ar:", v, mdns)
		return b, ok
	}
	if flags&DNSFlagRD != 0 {
		b = append(b, '+')
	}
	if flags&DNSFlagCD != 0 {
		b = append(b, '%')
	}
	if flags&0x6cf != 0 {
		b = append(b, " [b2&3=0x"...)
		b = appendHexMin(b, uint64(flags))
		b = append(b, ']')
	}
	if flags>>11&15 == 1 { // IQUERY
		if qd != 0 {
			b = appendCount(b, qd, "q]")
		}
		if an != 1 {
			b = appendCount(b, an, "a]")
		}
	} else {
		if an != 0 {
			b = appendCount(b, an, "a]")
		}
		if qd != 1 {
			b = appendCount(b, qd, "q]")
		}
	}
	if ns != 0 {
		b = appendCount(b, ns, "n]")
	}
	if ar != 0 {
		b = appendCount(b, ar, "au]")
	}
	if qd > 0 {
		if b, cp, ok = tdQuestion(b, m, cp, mdns); !ok {
			return b, false
		}
		qd--
		for cp < len(m) && qd > 0 {
			if b, cp, ok = tdQuestion(b, m, cp, mdns); !ok {
				return b, false
			}
			qd--
		}
	}
	if qd != 0 || v < 2 {
		return b, qd == 0
	}
	// -vv: the other sections of a query; tcpdump gives the answers no
	// label and starts them even where the captured bytes ended.
	if an > 0 {
		if b, cp, ok = tdRecord(b, m, cp, v, mdns); !ok {
			return b, false
		}
		an--
		for cp < len(m) && an > 0 {
			b = append(b, ',')
			if b, cp, ok = tdRecord(b, m, cp, v, mdns); !ok {
				return b, false
			}
			an--
		}
		if an != 0 {
			return b, false
		}
	}
	if b, cp, ok = tdSection(b, m, cp, ns, " ns:", v, mdns); !ok {
		return b, false
	}
	b, _, ok = tdSection(b, m, cp, ar, " ar:", v, mdns)
	return b, ok
}

// tdSection prints the n records of a section at cp after its label
// (" ns:", " ar:"), as tcpdump does at -vv: nothing if the captured bytes
// ended before it; ok false if records remain unprinted.
func tdSection(b []byte, m []byte, cp, n int, label string, v int, mdns bool) (_ []byte, next int, ok bool) {
	if cp < len(m) && n > 0 {
		b = append(b, label...)
		if b, cp, ok = tdRecord(b, m, cp, v, mdns); !ok {
			return b, 0, false
		}
		n--
		for cp < len(m) && n > 0 {
			b = append(b, ',')
			if b, cp, ok = tdRecord(b, m, cp, v, mdns); !ok {
				return b, 0, false
			}
			n--
		}
	}
	return b, cp, n == 0
}

// appendRelTime appends a duration in seconds as tcpdump's
// unsigned_relts_print: "0s", "5m", "1d2h3s".
func appendRelTime(b []byte, secs uint32) []byte {
	if secs == 0 {
		return append(b, "0s"...)
	}
	units := [...]struct {
		secs uint32
		name byte
	}{{31536000, 'y'}, {604800, 'w'}, {86400, 'd'}, {3600, 'h'}, {60, 'm'}, {1, 's'}}
	for _, u := range units {
		if secs >= u.secs {
			b = strconv.AppendUint(b, uint64(secs/u.secs), 10)
			b = append(b, u.name)
			secs %= u.secs
		}
	}
	return b
}

func appendCount(b []byte, n int, suffix string) []byte {
	b = append(b, " ["...)
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, suffix...)
}

// udpPayloadLen returns the payload length the UDP header before layer i
// announces (what tcpdump passes to the application printers).
func udpPayloadLen(d *Decoder, i int) int {
	u := &d.layers[i-1]
	if u.Type != LayerUDP || u.Payload-u.Start < udpLen {
		return d.layers[i].End - d.layers[i].Start
	}
	// tcpdump takes the smaller of UDP's length and what the IP header
	// leaves for the datagram.
	return min(int(UDP(d.data[u.Start:u.Payload]).Length()), ipPayloadLen(d, i-1)) - udpLen
}

// appendQuietUDP appends what tcpdump -q prints for any UDP payload: the
// length UDP's header announces, whatever the IP header says.
func appendQuietUDP(b []byte, d *Decoder, i int) []byte {
	b = append(b, "UDP, length "...)
	n := d.layers[i].End - d.layers[i].Start
	if u := &d.layers[i-1]; u.Type == LayerUDP && u.Payload-u.Start >= udpLen {
		n = int(UDP(d.data[u.Start:u.Payload]).Length()) - udpLen
	}
	return strconv.AppendInt(b, int64(n), 10)
}
