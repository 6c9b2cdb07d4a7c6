package decode

import (
	"net/netip"
	"strconv"
)

var ipFlagNames = [...]bitName{{1, "+"}, {2, "DF"}, {4, "rsvd"}}

// ipAddrs returns the addresses of the IP header nearest before layer i.
func ipAddrs(d *Decoder, i int) (src, dst netip.Addr, v6 bool) {
	for j := i - 1; j >= 0; j-- {
		l := &d.layers[j]
		switch l.Type {
		case LayerIPv4:
			ip := IPv4(d.data[l.Start:l.Payload])
			return ip.Src(), ip.Dst(), false
		case LayerIPv6:
			ip := IPv6(d.data[l.Start : l.Start+ipv6Len])
			return ip.Src(), ip.Dst(), true
		}
	}
	return netip.Addr{}, netip.Addr{}, false
}

// hasPorts reports whether layer i prints the addresses itself (with ports).
func hasPorts(d *Decoder, i int) bool {
	if i >= d.n {
		return false
	}
	switch d.layers[i].Type {
	case LayerTCP, LayerUDP, LayerSCTP, LayerDCCP:
		return true
	}
	return false
}

func (p *LinePrinter) lineIPv4(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	// With -e tcpdump prints no "IP ", also before the packet an ICMP
	// error quotes (-v).
	prefix := !p.Options.Link
	switch l.Malformed {
	case ReasonBadVersion:
		if v := d.data[l.Start] >> 4; v == 6 {
			return append(b, "IP6, wrong link-layer encapsulation (invalid)"...)
		}
		if prefix {
			b = append(b, "IP "...)
		}
		return append(b, " [|ip]"...)
	case ReasonTruncated:
		if l.End == l.Start && !l.Quoted {
			// tcpdump's first read, the version, fails: it unwinds out
			// of the packet before printing "IP ", and its -x dump then
			// starts at the link header.
			p.abandoned = true
			return append(b, " [|ip]"...)
		}
		if prefix {
			b = append(b, "IP "...)
		}
		return append(b, " [|ip]"...)
	case ReasonBadHdrLen:
		if prefix {
			b = append(b, "IP "...)
		}
		b = append(b, "bad-hlen "...)
		return strconv.AppendInt(b, int64(d.data[l.Start]&15)*4, 10)
	case ReasonBadLength:
		if prefix {
			b = append(b, "IP "...)
		}
		b = append(b, "bad-len "...)
		return strconv.AppendInt(b, int64(be16(d.data[l.Start+2:])), 10)
	}
	ip := IPv4(d.data[l.Start:l.Payload])
	if prefix {
		b = append(b, "IP "...)
	}
	if tl := int(ip.TotalLength()); tl > p.wire-l.Start && !l.Quoted {
		b = append(b, "truncated-ip - "...)
		b = strconv.AppendInt(b, int64(tl-(p.wire-l.Start)), 10)
		b = append(b, " bytes missing! "...)
	}
	if p.Options.Verbose > 0 {
		b = append(b, "(tos 0x"...)
		b = appendHexMin(b, uint64(ip.TOS()))
		switch ip.TOS() & 3 {
		case 1:
			b = append(b, ",ECT(1)"...)
		case 2:
			b = append(b, ",ECT(0)"...)
		case 3:
			b = append(b, ",CE"...)
		}
		if ip.TTL() != 0 {
			b = append(b, ", ttl "...)
			b = appendUint(b, uint64(ip.TTL()))
		}
		b = append(b, ", id "...)
		b = appendUint(b, uint64(ip.ID()))
		b = append(b, ", offset "...)
		b = appendUint(b, uint64(ip.FragOffset())*8)
		b = append(b, ", flags ["...)
		b = appendBitNames(b, uint64(ip.Flags()), ipFlagNames[:])
		b = append(b, "], proto "...)
		if n := ipProtoName(ip.Protocol()); n != "" {
			b = append(b, n...)
		} else {
			b = append(b, "unknown"...)
		}
		b = append(b, " ("...)
		b = appendUint(b, uint64(ip.Protocol()))
		b = append(b, "), length "...)
		b = appendUint(b, uint64(ip.TotalLength()))
		if len(ip) > ipv4MinLen {
			b = append(b, ", options ("...)
			b = appendIPOptions(b, ip.Options(), d.data[l.Payload:l.End])
			b = append(b, ')')
		}
		if !ip.ChecksumOK() {
			b = append(b, ", bad cksum "...)
			b = appendHexMin(b, uint64(ip.Checksum()))
			b = append(b, " (->"...)
			b = appendHexMin(b, uint64(ip.ComputeChecksum()))
			b = append(b, ")!"...)
		}
		b = append(b, ")\n    "...)
	}
	if hasPorts(d, i+1) {
		return p.lineLayer(b, d, i+1)
	}
	b = ip.Src().AppendTo(b)
	b = append(b, " > "...)
	b = ip.Dst().AppendTo(b)
	b = append(b, ": "...)
	if i+1 >= d.n || d.layers[i+1].Type == LayerPayload {
		b = append(b, "ip-proto-"...)
		b = appendUint(b, uint64(ip.Protocol()))
		b = append(b, ' ')
		return strconv.AppendInt(b, int64(l.End-l.Payload), 10)
	}
	return p.lineLayer(b, d, i+1)
}

func (p *LinePrinter) lineIPv6(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed == ReasonBadVersion {
		if !p.Options.Link || l.Quoted {
			b = append(b, "IP6 "...)
		}
		b = append(b, "version error: "...)
		b = appendUint(b, uint64(d.data[l.Start]>>4))
		return append(b, " != 6"...)
	}
	if l.Malformed != "" {
		// tcpdump checks that the header was captured before it prints
		// "IP6 ".
		return append(b, " [|ip6]"...)
	}
	ip := IPv6(d.data[l.Start:l.Payload])
	if !p.Options.Link || l.Quoted {
		b = append(b, "IP6 "...)
	}
	if pl := int(ip.PayloadLength()); pl != 0 && ipv6Len+pl > p.wire-l.Start && !l.Quoted {
		// The frame on the wire is shorter than the header says; tcpdump
		// puts no space after this mark.
		b = append(b, "truncated-ip6 - "...)
		b = strconv.AppendInt(b, int64(ipv6Len+pl-(p.wire-l.Start)), 10)
		b = append(b, " bytes missing!"...)
	}
	if p.Options.Verbose > 0 {
		b = append(b, '(')
		if c := ip.TrafficClass(); c != 0 {
			b = append(b, "class 0x"...)
			b = appendHex2(b, uint8(c))
			b = append(b, ", "...)
		}
		if f := ip.FlowLabel(); f != 0 {
			b = append(b, "flowlabel 0x"...)
			b = append(b, hexDigits[f>>16&15])
			b = appendHex4(b, uint16(f))
			b = append(b, ", "...)
		}
		b = append(b, "hlim "...)
		b = appendUint(b, uint64(ip.HopLimit()))
		b = append(b, ", next-header "...)
		if n := ipProtoName(ip.NextHeader()); n != "" {
			b = append(b, n...)
		} else {
			b = append(b, "unknown"...)
		}
		b = append(b, " ("...)
		b = appendUint(b, uint64(ip.NextHeader()))
		b = append(b, ") payload length: "...)
		b = appendUint(b, uint64(ip.PayloadLength()))
		b = append(b, ") "...)
	}
	j := i + 1
	for j < d.n && isIPv6Ext(d.layers[j].Type) {
		j++
	}
	if hasPorts(d, j) && j == i+1 {
		return p.lineLayer(b, d, i+1)
	}
	b = ip.Src().AppendTo(b)
	b = append(b, " > "...)
	b = ip.Dst().AppendTo(b)
	b = append(b, ": "...)
	if i+1 >= d.n || d.layers[i+1].Type == LayerPayload {
		b = append(b, "ip-proto-"...)
		b = appendUint(b, uint64(ip.NextHeader()))
		b = append(b, ' ')
		return strconv.AppendInt(b, int64(l.End-l.Payload), 10)
	}
	return p.lineLayer(b, d, i+1)
}

func isIPv6Ext(t LayerType) bool {
	switch t {
	case LayerIPv6HopByHop, LayerIPv6Routing, LayerIPv6Fragment, LayerIPv6DestOpts:
		return true
	}
	return false
}

func (p *LinePrinter) lineIPv6Ext(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	switch l.Type {
	case LayerIPv6HopByHop:
		b = append(b, "HBH "...)
	case LayerIPv6DestOpts:
		b = append(b, "DSTOPT "...)
	case LayerIPv6Routing:
		b = append(b, "RT6 "...)
	case LayerIPv6Fragment:
		b = append(b, "frag "...)
	}
	if l.Malformed != "" {
		return append(b, " [|ip6]"...)
	}
	x := IPv6Ext(d.data[l.Start:l.Payload])
	switch l.Type {
	case LayerIPv6HopByHop, LayerIPv6DestOpts:
		if p.Options.Verbose > 0 {
			b = appendIP6Options(b, x.Data())
			b = append(b, ' ')
		}
	case LayerIPv6Routing:
		b = append(b, "(len="...)
		b = appendUint(b, uint64(x[1]))
		b = append(b, ", type="...)
		b = appendUint(b, uint64(x.RoutingType()))
		if x.RoutingType() == 0 {
			b = append(b, " [Deprecated]"...)
		}
		b = append(b, ", segleft="...)
		b = appendUint(b, uint64(x.SegmentsLeft()))
		segs := x[8:]
		switch x.RoutingType() {
		case 0:
			if p.Options.Verbose > 0 {
				b = append(b, ", rsv=0x"...)
				b = appendHexMin(b, uint64(be32(x[4:])))
			}
		case 4:
			b = append(b, ", last-entry="...)
			b = appendUint(b, uint64(x[4]))
			if p.Options.Verbose > 0 {
				b = append(b, ", flags=0x"...)
				b = appendHexMin(b, uint64(x[5]))
			}
			b = append(b, ", tag="...)
			b = appendHexMin(b, uint64(be16(x[6:])))
		default:
			segs = nil
		}
		for k := 0; k+16 <= len(segs); k += 16 {
			b = append(b, ", ["...)
			b = appendUint(b, uint64(k/16))
			b = append(b, ']')
			b = addr16(segs[k : k+16]).AppendTo(b)
		}
		b = append(b, ") "...)
	case LayerIPv6Fragment:
		b = append(b, '(')
		if p.Options.Verbose > 0 {
			b = append(b, "0x"...)
			b = appendHex4(b, uint16(x.FragID()>>16))
			b = appendHex4(b, uint16(x.FragID()))
			b = append(b, ':')
		}
		b = appendUint(b, uint64(x.FragOffset())*8)
		b = append(b, '|')
		b = strconv.AppendInt(b, int64(ipPayloadLen(d, i+1)), 10)
		b = append(b, ") "...)
		if x.FragOffset() != 0 {
			return b
		}
	}
	return p.lineLayer(b, d, i+1)
}

// appendIP6Options appends hop-by-hop or destination options as tcpdump
// -v does: "(rtalert: 0x0000) (padn)".
func appendIP6Options(b, opts []byte) []byte {
	for len(opts) > 0 {
		t := opts[0]
		if t == 0 {
			b = append(b, "(pad1)"...)
			opts = opts[1:]
			continue
		}
		if len(opts) < 2 || 2+int(opts[1]) > len(opts) {
			return append(b, "[|hbhopt]"...)
		}
		n := int(opts[1])
		v := opts[2 : 2+n]
		switch {
		case t == 1:
			b = append(b, "(padn)"...)
		case t == 5 && n == 2:
			b = append(b, "(rtalert: 0x"...)
			b = appendHex4(b, be16(v))
			b = append(b, ") "...)
		case t == 0xc2 && n == 4:
			b = append(b, "(jumbo: "...)
			b = appendUint(b, uint64(be32(v)))
			b = append(b, ") "...)
		default:
			b = append(b, "(opt_type 0x"...)
			b = appendHex2(b, t)
			b = append(b, ": len="...)
			b = appendUint(b, uint64(n))
			b = append(b, ')')
		}
		opts = opts[2+n:]
	}
	return b
}

// arpHardwareName returns tcpdump's name for an ARP hardware type.
func arpHardwareName(h uint16) string {
	switch h {
	case 1:
		return "Ethernet"
	case 6:
		return "TokenRing"
	case 7:
		return "ArcNet"
	case 15:
		return "FrameRelay"
	case 19:
		return "ATM"
	case 23:
		return "Strip"
	case 24:
		return "IEEE 1394"
	}
	return ""
}

func appendLinkAddr(b, a []byte) []byte {
	for j, c := range a {
		if j > 0 {
			b = append(b, ':')
		}
		b = appendHex2(b, c)
	}
	return b
}

func isZero(a []byte) bool {
	for _, c := range a {
		if c != 0 {
			return false
		}
	}
	return true
}

func (p *LinePrinter) lineARP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return append(b, " [|arp]"...)
	}
	if !p.Options.Link || l.Quoted {
		b = append(b, "ARP, "...)
	}
	a := ARP(d.data[l.Start:l.Payload])
	odd := (a.PType() != EtherTypeIPv4 && a.PType() != 0x1000) || a.PLen() != 4 || a.HLen() == 0
	if odd || p.Options.Verbose > 0 {
		if n := arpHardwareName(a.HType()); n != "" {
			b = append(b, n...)
		} else {
			b = append(b, "Unknown Hardware ("...)
			b = appendUint(b, uint64(a.HType()))
			b = append(b, ')')
		}
		b = append(b, " (len "...)
		b = appendUint(b, uint64(a.HLen()))
		b = append(b, "), "...)
		if n := etherTypeName(a.PType()); n != "Unknown" {
			b = append(b, n...)
		} else {
			b = append(b, "Unknown Protocol (0x"...)
			b = appendHex4(b, a.PType())
			b = append(b, ')')
		}
		b = append(b, " (len "...)
		b = appendUint(b, uint64(a.PLen()))
		b = append(b, ')')
		if p.Options.Verbose == 0 {
			b = append(b, ", length "...)
			return strconv.AppendInt(b, int64(p.wire-l.Start), 10)
		}
		b = append(b, ", "...)
	}
	sha, spa := a.SenderHW(), a.SenderProto()
	tha, tpa := a.TargetHW(), a.TargetProto()
	ip := func(b, addr []byte) []byte {
		switch {
		case a.PType() != EtherTypeIPv4 && a.PType() != 0x1000:
			return append(b, "<wrong proto type>"...)
		case len(addr) != 4:
			return append(b, "<wrong len>"...)
		}
		return addr4(addr).AppendTo(b)
	}
	hw := func(b, addr []byte) []byte {
		if len(addr) == 0 {
			return append(b, "<empty>"...)
		}
		return appendLinkAddr(b, addr)
	}
	switch a.Op() {
	case 1:
		b = append(b, "Request who-has "...)
		b = ip(b, tpa)
		if !isZero(tha) {
			b = append(b, " ("...)
			b = hw(b, tha)
			b = append(b, ')')
		}
		b = append(b, " tell "...)
		b = ip(b, spa)
	case 2:
		b = append(b, "Reply "...)
		b = ip(b, spa)
		b = append(b, " is-at "...)
		b = hw(b, sha)
	case 3:
		b = append(b, "Reverse Request who-is "...)
		b = hw(b, tha)
		b = append(b, " tell "...)
		b = hw(b, sha)
	case 4:
		b = append(b, "Reverse Reply "...)
		b = hw(b, tha)
		b = append(b, " at "...)
		b = ip(b, tpa)
	case 8:
		b = append(b, "Inverse Request who-is "...)
		b = ip(b, tpa)
		b = append(b, " tell "...)
		b = hw(b, sha)
	case 9:
		b = append(b, "Inverse Reply "...)
		b = hw(b, sha)
		b = append(b, " at "...)
		b = ip(b, spa)
	default:
		b = append(b, "Unknown ("...)
		b = appendUint(b, uint64(a.Op()))
		b = append(b, ") \n"...)
		b = appendHexDump(b, d.data[l.Start:], true)
		return b[:len(b)-1]
	}
	b = append(b, ", length "...)
	return strconv.AppendInt(b, int64(p.wire-l.Start), 10)
}

// appendIPOptions appends IPv4 options as tcpdump -v does: "RA", "NOP,RR
// 10.0.0.1, 10.0.0.2,", "unknown 89 [bad length 232]". after holds the
// captured bytes that follow the header: tcpdump reads a length byte or a
// time stamp past the options there.
func appendIPOptions(b, opts, after []byte) []byte {
	for len(opts) > 0 {
		code := opts[0]
		if len(b) > 0 && b[len(b)-1] != '(' {
			b = append(b, ',')
		}
		switch code {
		case 0:
			return append(b, "EOL"...)
		case 1:
			b = append(b, "NOP"...)
			opts = opts[1:]
			continue
		case 7:
			b = append(b, "RR"...)
		case 68:
			b = append(b, "timestamp"...)
		case 82:
			b = append(b, "traceroute"...)
		case 130:
			b = append(b, "security"...)
		case 131:
			b = append(b, "LSRR"...)
		case 137:
			b = append(b, "SSRR"...)
		case 148:
			b = append(b, "RA"...)
		default:
			b = append(b, "unknown "...)
			b = appendUint(b, uint64(code))
		}
		var n int
		switch {
		case len(opts) >= 2:
			n = int(opts[1])
		case len(after) > 0:
			n = int(after[0])
		default:
			return append(b, " [|ip]"...)
		}
		if n < 2 || n > len(opts) {
			b = append(b, " [bad length "...)
			b = appendUint(b, uint64(n))
			return append(b, ']')
		}
		switch code {
		case 148:
			if n < 4 {
				b = append(b, " [bad length "...)
				b = appendUint(b, uint64(n))
				b = append(b, ']')
			} else if v := be16(opts[2:]); v != 0 {
				b = append(b, " value "...)
				b = appendUint(b, uint64(v))
			}
		case 7, 131, 137:
			var ok bool
			if b, ok = appendIPRoute(b, opts, after, n); !ok {
				return append(b, " [|ip]"...)
			}
		case 68:
			var ok bool
			if b, ok = appendIPTimestamp(b, opts, after, n); !ok {
				return append(b, " [|ip]"...)
			}
		}
		opts = opts[n:]
	}
	return b
}

// appendIPTimestamp appends a time stamp option of length n at the start
// of opts as tcpdump does (" TS{TSONLY 1000@ ^ }"), reading past the
// option as tcpdump does when its length is odd. It reports false when a
// time stamp lies beyond the captured bytes.
func appendIPTimestamp(b, opts, after []byte, n int) ([]byte, bool) {
	if n < 4 {
		b = append(b, "[bad length "...)
		b = appendUint(b, uint64(n))
		return append(b, ']'), true
	}
	u32 := func(k int) (uint32, bool) {
		var v [4]byte
		for i := range v {
			switch j := k + i; {
			case j < len(opts):
				v[i] = opts[j]
			case j-len(opts) < len(after):
				v[i] = after[j-len(opts)]
			default:
				return 0, false
			}
		}
		return be32(v[:]), true
	}
	b = append(b, " TS{"...)
	flag := opts[3] & 15
	hop := 4
	if flag != 0 {
		hop = 8
	}
	if (n-4)&(hop-1) != 0 {
		b = append(b, "[bad length "...)
		b = appendUint(b, uint64(n))
		b = append(b, ']')
	}
	ptr := int(opts[2]) - 1
	if ptr < 4 || (ptr-4)&(hop-1) != 0 || ptr > n+1 {
		b = append(b, "[bad ptr "...)
		b = appendUint(b, uint64(opts[2]))
		b = append(b, ']')
	}
	k := 0
	switch flag {
	case 0:
		b = append(b, "TSONLY"...)
	case 1:
		b = append(b, "TS+ADDR"...)
	case 3:
		b = append(b, "PRESPEC"...)
	default:
		b = append(b, "[bad ts type "...)
		b = appendUint(b, uint64(flag))
		b = append(b, ']')
		goto done
	}
	for k = 4; k < n; k += hop {
		if ptr == k {
			b = append(b, " ^ "...)
		} else {
			b = append(b, ' ')
		}
		ts, ok := u32(k + hop - 4)
		if !ok {
			return b, false
		}
		b = appendUint(b, uint64(ts))
		b = append(b, '@')
		if hop == 8 {
			a, _ := u32(k)
			b = netip.AddrFrom4([4]byte{byte(a >> 24), byte(a >> 16), byte(a >> 8), byte(a)}).AppendTo(b)
		}
	}
done:
	if ptr == k {
		b = append(b, " ^ "...)
	}
	if over := opts[3] >> 4; over != 0 {
		b = append(b, " ["...)
		b = appendUint(b, uint64(over))
		b = append(b, " hops not recorded]} "...)
	} else {
		b = append(b, '}')
	}
	return b, true
}

// appendIPRoute appends a record-route or source-route option of length n
// at the start of opts: its addresses, read in fours up to n and past it
// as tcpdump reads them. It reports false when an address lies beyond the
// captured bytes.
func appendIPRoute(b, opts, after []byte, n int) ([]byte, bool) {
	if n < 3 {
		b = append(b, " [bad length "...)
		b = appendUint(b, uint64(n))
		return append(b, ']'), true
	}
	if (n+1)&3 != 0 {
		b = append(b, " [bad length "...)
		b = appendUint(b, uint64(n))
		b = append(b, ']')
	}
	ptr := int(opts[2]) - 1
	if ptr < 3 || (ptr+1)&3 != 0 || ptr > n+1 {
		b = append(b, " [bad ptr "...)
		b = appendUint(b, uint64(opts[2]))
		b = append(b, ']')
	}
	for k := 3; k < n; k += 4 {
		var a [4]byte
		for i := range a {
			switch j := k + i; {
			case j < len(opts):
				a[i] = opts[j]
			case j-len(opts) < len(after):
				a[i] = after[j-len(opts)]
			default:
				return b, false
			}
		}
		b = append(b, ' ')
		b = netip.AddrFrom4(a).AppendTo(b)
		if ptr > k {
			b = append(b, ',')
		}
	}
	return b, true
}

// ipv6Fragmented reports whether an IPv6 fragment header comes before
// layer i in its header chain: tcpdump then verifies no transport checksum
// (not even in a first fragment, offset 0).
func ipv6Fragmented(d *Decoder, i int) bool {
	for j := i - 1; j >= 0 && isIPv6Ext(d.layers[j].Type); j-- {
		if d.layers[j].Type == LayerIPv6Fragment {
			return true
		}
	}
	return false
}

// pseudoDst returns the destination the transport checksum at layer i
// covers: the final one of a routing header with segments left, else dst.
func pseudoDst(d *Decoder, i int, dst netip.Addr) netip.Addr {
	for j := i - 1; j >= 0 && isIPv6Ext(d.layers[j].Type); j-- {
		l := &d.layers[j]
		if l.Type != LayerIPv6Routing || l.Malformed != "" {
			continue
		}
		x := IPv6Ext(d.data[l.Start:l.Payload])
		if x.SegmentsLeft() == 0 || len(x) < 24 {
			continue
		}
		switch x.RoutingType() {
		case 0:
			return addr16(x[len(x)-16:])
		case 4:
			return addr16(x[8:24])
		}
	}
	return dst
}

// jumboLen returns the payload length of a hop-by-hop jumbo option right
// after the IPv6 header at layer i, or 0.
func jumboLen(d *Decoder, i int) int {
	if i+1 >= d.n || d.layers[i+1].Type != LayerIPv6HopByHop || d.layers[i+1].Malformed != "" {
		return 0
	}
	l := &d.layers[i+1]
	opts := IPv6Ext(d.data[l.Start:l.Payload]).Data()
	for len(opts) > 0 {
		if opts[0] == 0 {
			opts = opts[1:]
			continue
		}
		if len(opts) < 2 || 2+int(opts[1]) > len(opts) {
			return 0
		}
		if opts[0] == 0xc2 && opts[1] == 4 {
			return int(be32(opts[2:]))
		}
		opts = opts[2+int(opts[1]):]
	}
	return 0
}
