package filter

import (
	"net/netip"
	"strconv"
	"strings"
)

// tokKind is the class of a token, as libpcap's scanner returns them.
type tokKind uint8

const (
	tEOF  tokKind = iota
	tNum          // a number or a named constant (tcp-syn, icmptype...)
	tHID          // a dotted IPv4 address or prefix: 10, 10.0, 10.0.0, 10.0.0.1 (not a bare number)
	tHID6         // an IPv6 address
	tEID          // a MAC address
	tID           // a name
	tKW           // a keyword; text is its canonical spelling
	tOp           // punctuation; text is the operator
)

// token is one lexeme; pos is its byte column in the expression.
type token struct {
	kind tokKind
	text string
	num  uint32
	pos  int
}

// keywords maps libpcap's reserved words to their canonical spelling.
var keywords = map[string]string{
	"dst": "dst", "src": "src", "host": "host", "net": "net", "mask": "mask",
	"port": "port", "portrange": "portrange", "proto": "proto", "protochain": "protochain",
	"gateway": "gateway", "less": "less", "greater": "greater", "byte": "byte",
	"broadcast": "broadcast", "multicast": "multicast", "and": "and", "or": "or", "not": "not",
	"len": "len", "length": "len", "inbound": "inbound", "outbound": "outbound", "ifindex": "ifindex",
	"vlan": "vlan", "mpls": "mpls", "pppoed": "pppoed", "pppoes": "pppoes", "geneve": "geneve",
	"vxlan": "vxlan", "llc": "llc",
	"link": "link", "ether": "link", "ppp": "link", "slip": "link", "fddi": "link", "tr": "link", "wlan": "link",
	"ip": "ip", "arp": "arp", "rarp": "rarp", "sctp": "sctp", "tcp": "tcp", "udp": "udp",
	"icmp": "icmp", "igmp": "igmp", "igrp": "igrp", "pim": "pim", "vrrp": "vrrp", "carp": "carp",
	"radio": "radio", "ip6": "ip6", "icmp6": "icmp6", "ah": "ah", "esp": "esp",
	"atalk": "atalk", "aarp": "aarp", "decnet": "decnet", "lat": "lat", "sca": "sca",
	"moprc": "moprc", "mopdl": "mopdl", "iso": "iso", "esis": "esis", "es-is": "esis",
	"isis": "isis", "is-is": "isis", "l1": "l1", "l2": "l2", "iih": "iih", "lsp": "lsp",
	"snp": "snp", "csnp": "csnp", "psnp": "psnp", "clnp": "clnp", "stp": "stp", "ipx": "ipx",
	"netbeui": "netbeui",
	"addr1":   "addr1", "address1": "addr1", "addr2": "addr2", "address2": "addr2",
	"addr3": "addr3", "address3": "addr3", "addr4": "addr4", "address4": "addr4",
	"ra": "ra", "ta": "ta", "type": "type", "subtype": "subtype", "dir": "dir", "direction": "dir",
}

// namedNums are the constants libpcap's scanner turns into numbers.
var namedNums = map[string]uint32{
	"icmptype": 0, "icmpcode": 1,
	"icmp-echoreply": 0, "icmp-unreach": 3, "icmp-sourcequench": 4, "icmp-redirect": 5,
	"icmp-echo": 8, "icmp-routeradvert": 9, "icmp-routersolicit": 10, "icmp-timxceed": 11,
	"icmp-paramprob": 12, "icmp-tstamp": 13, "icmp-tstampreply": 14, "icmp-ireq": 15,
	"icmp-ireqreply": 16, "icmp-maskreq": 17, "icmp-maskreply": 18,
	"icmp6type": 0, "icmp6code": 1,
	"icmp6-destinationunreach": 1, "icmp6-packettoobig": 2, "icmp6-timeexceeded": 3,
	"icmp6-parameterproblem": 4, "icmp6-echo": 128, "icmp6-echoreply": 129,
	"icmp6-multicastlistenerquery": 130, "icmp6-multicastlistenerreportv1": 131,
	"icmp6-multicastlistenerdone": 132, "icmp6-routersolicit": 133, "icmp6-routeradvert": 134,
	"icmp6-neighborsolicit": 135, "icmp6-neighboradvert": 136, "icmp6-redirect": 137,
	"icmp6-routerrenum": 138, "icmp6-nodeinformationquery": 139,
	"icmp6-nodeinformationresponse": 140, "icmp6-ineighbordiscoverysolicit": 141,
	"icmp6-ineighbordiscoveryadvert": 142, "icmp6-multicastlistenerreportv2": 143,
	"icmp6-homeagentdiscoveryrequest": 144, "icmp6-homeagentdiscoveryreply": 145,
	"icmp6-mobileprefixsolicit": 146, "icmp6-mobileprefixadvert": 147,
	"icmp6-certpathsolicit": 148, "icmp6-certpathadvert": 149,
	"icmp6-multicastrouteradvert": 151, "icmp6-multicastroutersolicit": 152,
	"icmp6-multicastrouterterm": 153,
	"tcpflags":                  13, "tcp-fin": 0x01, "tcp-syn": 0x02, "tcp-rst": 0x04, "tcp-push": 0x08,
	"tcp-ack": 0x10, "tcp-urg": 0x20, "tcp-ece": 0x40, "tcp-cwr": 0x80,
}

// lex splits expr into tokens, ending with a tEOF token.
func lex(expr string) ([]token, error) {
	var toks []token
	i := 0
	for {
		for i < len(expr) && isSpace(expr[i]) {
			i++
		}
		if i >= len(expr) {
			toks = append(toks, token{kind: tEOF, pos: i})
			return toks, nil
		}
		t, n, err := lexOne(expr, i)
		if err != nil {
			return nil, err
		}
		t.pos = i
		toks = append(toks, t)
		i += n
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

var twoCharOps = []string{">=", "<=", "!=", "==", "<<", ">>", "&&", "||"}

// lexOne returns the token at expr[i:] and its length, choosing the longest
// match among libpcap's patterns (ties: number, IPv4, MAC, IPv6, name).
func lexOne(expr string, i int) (token, int, error) {
	s := expr[i:]
	c := s[0]
	if c == '\\' {
		n := 1
		for n < len(s) && !strings.ContainsRune(" !()\n\t", rune(s[n])) {
			n++
		}
		if n == 1 {
			return token{}, 0, &SyntaxError{Expr: expr, Pos: i, Msg: "syntax error"}
		}
		return token{kind: tID, text: s[1:n]}, n, nil
	}
	if isAlnum(c) || c == ':' {
		best, bestKind := 0, tEOF
		try := func(n int, k tokKind) {
			if n > best {
				best, bestKind = n, k
			}
		}
		try(numLen(s), tNum)
		try(hidLen(s), tHID)
		try(eidLen(s), tEID)
		try(hid6Len(s), tHID6)
		try(idLen(s), tID)
		if n := bogusMACLen(s); n > best {
			return token{}, 0, &Error{Pos: i, Msg: "bogus ethernet address " + s[:n], Err: ErrSemantic}
		}
		if best > 0 {
			text := s[:best]
			switch bestKind {
			case tNum:
				v, err := parseNum(text)
				if err != nil {
					return token{}, 0, &Error{Pos: i, Msg: err.Error(), Err: ErrSemantic}
				}
				return token{kind: tNum, text: text, num: v}, best, nil
			case tID:
				if kw, ok := keywords[text]; ok {
					return token{kind: tKW, text: kw}, best, nil
				}
				if v, ok := namedNums[text]; ok {
					return token{kind: tNum, text: text, num: v}, best, nil
				}
			case tHID:
				if !strings.Contains(text, ".") {
					bestKind = tNum
				}
			}
			return token{kind: bestKind, text: text}, best, nil
		}
	}
	for _, op := range twoCharOps {
		if strings.HasPrefix(s, op) {
			switch op {
			case "&&":
				return token{kind: tKW, text: "and"}, 2, nil
			case "||":
				return token{kind: tKW, text: "or"}, 2, nil
			case "==":
				return token{kind: tOp, text: "="}, 2, nil
			}
			return token{kind: tOp, text: op}, 2, nil
		}
	}
	if strings.IndexByte("+-*/%:[]!<>()&|^=", c) >= 0 {
		if c == '!' {
			return token{kind: tKW, text: "not"}, 1, nil
		}
		return token{kind: tOp, text: s[:1]}, 1, nil
	}
	return token{}, 0, &SyntaxError{Expr: expr, Pos: i, Msg: "syntax error"}
}

// numLen matches 0x[0-9a-f]+ or [0-9]+.
func numLen(s string) int {
	if len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && isHex(s[2]) {
		n := 3
		for n < len(s) && isHex(s[n]) {
			n++
		}
		return n
	}
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return n
}

// hidLen matches a dotted number of one to four parts.
func hidLen(s string) int {
	n, parts := 0, 0
	for parts < 4 {
		m := 0
		for n+m < len(s) && isDigit(s[n+m]) {
			m++
		}
		if m == 0 {
			if parts > 0 {
				n-- // drop the trailing dot
			}
			break
		}
		n += m
		parts++
		if parts == 4 || n >= len(s) || s[n] != '.' {
			break
		}
		n++
	}
	return n
}

// hid6Len matches the longest run of IPv6 address characters that parses
// as an IPv6 address.
func hid6Len(s string) int {
	n := 0
	for n < len(s) && (isHex(s[n]) || s[n] == ':' || s[n] == '.') {
		n++
	}
	for ; n > 1; n-- {
		t := s[:n]
		if !strings.Contains(t, ":") {
			return 0
		}
		if a, err := netip.ParseAddr(t); err == nil && a.Is6() && a.Zone() == "" {
			return n
		}
	}
	return 0
}

// eidLen matches the MAC address notations libpcap's scanner accepts:
// xx:xx:xx:xx:xx:xx, xx-xx-xx-xx-xx-xx, xx.xx.xx.xx.xx.xx (one or two hex
// digits each), xxxx.xxxx.xxxx and xxxxxxxxxxxx.
func eidLen(s string) int {
	best := 0
	for _, sep := range []byte{':', '-', '.'} {
		n, ok := 0, true
		for p := 0; p < 6 && ok; p++ {
			m := 0
			for m < 2 && n+m < len(s) && isHex(s[n+m]) {
				m++
			}
			if m == 0 {
				ok = false
				break
			}
			n += m
			if p < 5 {
				if n >= len(s) || s[n] != sep {
					ok = false
					break
				}
				n++
			}
		}
		if ok && n > best {
			best = n
		}
	}
	if len(s) >= 14 && s[4] == '.' && s[9] == '.' {
		ok := true
		for _, j := range []int{0, 1, 2, 3, 5, 6, 7, 8, 10, 11, 12, 13} {
			ok = ok && isHex(s[j])
		}
		if ok && best < 14 {
			best = 14
		}
	}
	if len(s) >= 12 {
		ok := true
		for j := 0; j < 12; j++ {
			ok = ok && isHex(s[j])
		}
		if ok && best < 12 {
			best = 12
		}
	}
	return best
}

// idLen matches [A-Za-z0-9]([-_.A-Za-z0-9]*[.A-Za-z0-9])?.
func idLen(s string) int {
	if !isAlnum(s[0]) {
		return 0
	}
	n := 1
	for n < len(s) && (isAlnum(s[n]) || s[n] == '-' || s[n] == '_' || s[n] == '.') {
		n++
	}
	for n > 1 && (s[n-1] == '-' || s[n-1] == '_') {
		n--
	}
	return n
}

// numError is a number libpcap's scanner refuses.
type numError string

func (e numError) Error() string { return string(e) }

// parseNum converts a number as libpcap's stoulen does: 0x hex, leading-zero
// octal, otherwise decimal, at most 32 bits.
func parseNum(s string) (uint32, error) {
	base, digits := 10, s
	switch {
	case len(s) > 2 && (s[:2] == "0x" || s[:2] == "0X"):
		base, digits = 16, s[2:]
	case len(s) > 1 && s[0] == '0':
		base, digits = 8, s[1:]
		for i := 0; i < len(digits); i++ {
			if digits[i] > '7' {
				return 0, numError("number " + s + " contains non-octal digit")
			}
		}
	}
	v, err := strconv.ParseUint(digits, base, 32)
	if err != nil {
		return 0, numError("number " + s + " overflows 32 bits")
	}
	return uint32(v), nil
}

// bogusMACLen matches what libpcap's scanner reports as a bogus Ethernet
// address: hex groups of one or two digits each followed by colons, at
// least two of them ({B}:+({B}:+)+), when no address pattern is longer.
func bogusMACLen(s string) int {
	n, groups := 0, 0
	for {
		m := 0
		for m < 2 && n+m < len(s) && isHex(s[n+m]) {
			m++
		}
		if m == 0 || n+m >= len(s) || s[n+m] != ':' {
			break
		}
		n += m
		for n < len(s) && s[n] == ':' {
			n++
		}
		groups++
	}
	if groups < 2 {
		return 0
	}
	return n
}
