package filter

import (
	"net/netip"
	"strconv"
	"strings"

	"github.com/rawcap/rawcap/linktype"
)

// qual is the qualifier triple of libpcap's grammar: protocol, direction
// and address type. Empty strings are libpcap's Q_DEFAULT; addr "undef"
// marks a context where a bare id is not allowed (libpcap's qerr).
type qual struct {
	proto, dir, addr string
}

var qerr = qual{addr: "undef"}

// dirError is libpcap's complaint about 802.11 qualifiers elsewhere.
func (g *gen) dirError(dir string) *node {
	switch dir {
	case "addr1", "addr2", "addr3", "addr4":
		return g.failf("'%s' and 'address%s' are not valid qualifiers for addresses other than 802.11 MAC addresses", dir, dir[4:])
	case "ra":
		return g.failf("'ra' is not a valid qualifier for addresses other than 802.11 MAC addresses")
	case "ta":
		return g.failf("'ta' is not a valid qualifier for addresses other than 802.11 MAC addresses")
	}
	return nil
}

// hostop tests an IPv4-style address field at srcOff/dstOff past the
// network header, for a network protocol with Ethernet type et.
func (g *gen) hostop(addr, mask uint32, dir string, et uint32, srcOff, dstOff uint32) *node {
	one := func(off uint32) *node {
		return and(g.linkType(et), g.at(4, rPL, g.nlOff()+off, mask, cbJEQ, addr&mask))
	}
	switch dir {
	case "src":
		return one(srcOff)
	case "dst":
		return one(dstOff)
	case "and":
		return and(one(srcOff), one(dstOff))
	case "", "or":
		return or(one(srcOff), one(dstOff))
	}
	return g.dirError(dir)
}

// host is libpcap's gen_host for IPv4 addresses and networks.
func (g *gen) host(addr, mask uint32, q qual) *node {
	typ := "host"
	if q.addr == "net" {
		typ = "net"
	}
	switch q.proto {
	case "":
		b := g.host(addr, mask, qual{"ip", q.dir, q.addr})
		if g.labelDepth == 0 {
			b = or(b, g.host(addr, mask, qual{"arp", q.dir, q.addr}))
			b = or(b, g.host(addr, mask, qual{"rarp", q.dir, q.addr}))
		}
		return b
	case "link":
		return g.failf("link-layer modifier applied to %s", typ)
	case "ip":
		return g.hostop(addr, mask, q.dir, etIP, 12, 16)
	case "arp":
		return g.hostop(addr, mask, q.dir, etARP, 14, 24)
	case "rarp":
		return g.hostop(addr, mask, q.dir, etRARP, 14, 24)
	case "ip6":
		return g.failf("'ip6' modifier applied to ip %s", typ)
	}
	return g.failf("'%s' modifier applied to %s", q.proto, typ)
}

// host6 is libpcap's gen_host6.
func (g *gen) host6(addr, mask [16]byte, q qual) *node {
	typ := "host"
	if q.addr == "net" {
		typ = "net"
	}
	switch q.proto {
	case "", "ip6":
	case "link":
		return g.failf("link-layer modifier applied to ip6 %s", typ)
	default:
		return g.failf("'%s' modifier applied to ip6 %s", q.proto, typ)
	}
	one := func(off uint32) *node {
		b := trueNode
		for w := 3; w >= 0; w-- {
			a := be32(addr[4*w:])
			m := be32(mask[4*w:])
			if m == 0 {
				continue
			}
			b = and(g.at(4, rPL, g.nlOff()+off+uint32(4*w), m, cbJEQ, a&m), b)
		}
		return and(g.linkType(etIPv6), b)
	}
	switch q.dir {
	case "src":
		return one(8)
	case "dst":
		return one(24)
	case "and":
		return and(one(8), one(24))
	case "", "or":
		return or(one(8), one(24))
	}
	return g.dirError(q.dir)
}

func be32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

// atoin parses a dotted IPv4 address of 1 to 4 parts as __pcap_atoin: the
// value and its length in bits.
func atoin(s string) (uint32, int, bool) {
	var v uint32
	bits := 0
	part, digits := uint32(0), 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			if digits == 0 || part > 255 {
				return 0, 0, false
			}
			v = v<<8 | part
			bits += 8
			part, digits = 0, 0
			continue
		}
		if !isDigit(s[i]) {
			return 0, 0, false
		}
		part = part*10 + uint32(s[i]-'0')
		digits++
		if digits > 3 {
			return 0, 0, false
		}
	}
	return v, bits, bits <= 32
}

// ncode is libpcap's gen_ncode: a number or dotted IPv4 address (s non-empty)
// under qualifier q.
func (g *gen) ncode(s string, v uint32, q qual) *node {
	if q.proto == "decnet" && (q.addr == "" || q.addr == "host" || q.addr == "net") {
		text := s
		if text == "" {
			text = strconv.FormatUint(uint64(v), 10)
		}
		v, ok := atodn(text)
		if !ok {
			return g.failf("invalid DECnet address '%s'", text)
		}
		return g.dnhost(v, q.dir)
	}
	vlen := 32
	if s != "" {
		var ok bool
		v, vlen, ok = atoin(s)
		if !ok {
			return g.failf("invalid IPv4 address '%s'", s)
		}
	}
	switch q.addr {
	case "", "host", "net":
		if q.proto == "link" {
			return g.failf("illegal link layer address")
		}
		mask := uint32(0xffffffff)
		if s == "" && q.addr == "net" {
			for v != 0 && v&0xff000000 == 0 {
				v <<= 8
				mask <<= 8
			}
		} else if vlen < 32 {
			v <<= 32 - vlen
			mask <<= 32 - vlen
		}
		return g.host(v, mask, q)
	case "port":
		proto, ok := portProto(q.proto)
		if !ok {
			return g.failf("illegal qualifier of 'port'")
		}
		if v > 65535 {
			return g.failf("illegal port number %d > 65535", v)
		}
		return or(g.port6(v, v, proto, q.dir), g.port(v, v, proto, q.dir))
	case "portrange":
		proto, ok := portProto(q.proto)
		if !ok {
			return g.failf("illegal qualifier of 'portrange'")
		}
		if v > 65535 {
			return g.failf("illegal port number %d > 65535", v)
		}
		return or(g.port6(v, v, proto, q.dir), g.port(v, v, proto, q.dir))
	case "gateway":
		return g.failf("'gateway' requires a name")
	case "proto":
		return g.proto(v, q.proto, q.dir)
	case "protochain":
		return g.protochain(v, q.proto)
	}
	return g.failf("syntax error")
}

// portProto maps a port's protocol qualifier to an IP protocol.
func portProto(p string) (int, bool) {
	switch p {
	case "tcp":
		return ipprotoTCP, true
	case "udp":
		return ipprotoUDP, true
	case "sctp":
		return ipprotoSCTP, true
	case "":
		return protoUndef, true
	}
	return 0, false
}

// mcode is libpcap's gen_mcode: "A.B.C.D/len" and "A.B.C.D mask M".
func (g *gen) mcode(s1, s2 string, masklen uint32, q qual) *node {
	n, nlen, ok := atoin(s1)
	if !ok {
		return g.failf("invalid IPv4 address '%s'", s1)
	}
	n <<= 32 - nlen
	var m uint32
	if s2 != "" {
		mv, mlen, ok := atoin(s2)
		if !ok {
			return g.failf("invalid IPv4 address '%s'", s2)
		}
		m = mv << (32 - mlen)
		if n&^m != 0 {
			return g.failf("non-network bits set in \"%s mask %s\"", s1, s2)
		}
	} else {
		if masklen > 32 {
			return g.failf("mask length must be <= 32")
		}
		if masklen != 0 {
			m = 0xffffffff << (32 - masklen)
		}
		if n&^m != 0 {
			return g.failf("non-network bits set in \"%s/%d\"", s1, masklen)
		}
	}
	if q.addr != "net" {
		return g.failf("Mask syntax for networks only")
	}
	return g.host(n, m, q)
}

// mcode6 is libpcap's gen_mcode6.
func (g *gen) mcode6(s string, masklen uint32, q qual) *node {
	a, err := netip.ParseAddr(s)
	if err != nil || !a.Is6() {
		return g.failf("invalid ip6 address %s", s)
	}
	if masklen > 128 {
		return g.failf("mask length must be <= 128")
	}
	addr := a.As16()
	var mask [16]byte
	for i := uint32(0); i < masklen; i++ {
		mask[i/8] |= 0x80 >> (i % 8)
	}
	for i := range addr {
		if addr[i]&^mask[i] != 0 {
			return g.failf("non-network bits set in \"%s/%d\"", s, masklen)
		}
	}
	switch q.addr {
	case "", "host":
		if masklen != 128 {
			return g.failf("Mask syntax for networks only")
		}
	case "net":
	default:
		return g.failf("invalid qualifier against IPv6 address")
	}
	return g.host6(addr, mask, q)
}

// ecode is libpcap's gen_ecode: a MAC address.
func (g *gen) ecode(s string, q qual) *node {
	mac, ok := parseMAC(s)
	if !ok {
		return g.failf("invalid ethernet address '%s'", s)
	}
	if (q.addr == "host" || q.addr == "") && q.proto == "link" {
		if g.lt != linktype.Ethernet {
			return g.fail(ErrUnsupportedLinkType, "ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel")
		}
		return g.ehostop(mac, q.dir)
	}
	return g.failf("ethernet address used in non-ether expression")
}

// parseMAC parses the notations eidLen accepts.
func parseMAC(s string) ([6]byte, bool) {
	var mac [6]byte
	var groups []string
	switch {
	case strings.ContainsAny(s, ":-"), strings.Count(s, ".") == 5:
		groups = strings.FieldsFunc(s, func(r rune) bool { return r == ':' || r == '-' || r == '.' })
		if len(groups) != 6 {
			return mac, false
		}
		for i, g := range groups {
			if len(g) == 1 {
				groups[i] = "0" + g
			}
		}
	case strings.Count(s, ".") == 2:
		groups = strings.Split(s, ".")
	default:
		groups = []string{s}
	}
	hex := strings.Join(groups, "")
	if len(hex) != 12 {
		return mac, false
	}
	for i := range mac {
		if !isHex(hex[2*i]) || !isHex(hex[2*i+1]) {
			return mac, false
		}
		mac[i] = unhex(hex[2*i])<<4 | unhex(hex[2*i+1])
	}
	return mac, true
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

// bcmp6 compares 6 bytes at off: the word at off+2, then the half at off.
func (g *gen) bcmp6(off uint32, b [6]byte) *node {
	return and(g.at(4, rHdr, off+2, 0xffffffff, cbJEQ, be32(b[2:])), g.at(2, rHdr, off, 0xffffffff, cbJEQ, uint32(b[0])<<8|uint32(b[1])))
}

// ehostop tests Ethernet source/destination addresses.
func (g *gen) ehostop(mac [6]byte, dir string) *node {
	switch dir {
	case "src":
		return g.bcmp6(g.linkhdr+6, mac)
	case "dst":
		return g.bcmp6(g.linkhdr, mac)
	case "and":
		return and(g.bcmp6(g.linkhdr+6, mac), g.bcmp6(g.linkhdr, mac))
	case "", "or":
		return or(g.bcmp6(g.linkhdr+6, mac), g.bcmp6(g.linkhdr, mac))
	}
	return g.dirError(dir)
}
