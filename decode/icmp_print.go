package decode

import "strconv"

func (p *LinePrinter) lineICMPv4(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return append(b, " [|icmp]"...)
	}
	m := ICMPv4(d.data[l.Start:l.End])
	b = append(b, "ICMP "...)
	switch m.Type() {
	case ICMPEcho, ICMPEchoReply:
		if m.Type() == ICMPEcho {
			b = append(b, "echo request"...)
		} else {
			b = append(b, "echo reply"...)
		}
		b = append(b, ", id "...)
		b = appendUint(b, uint64(m.ID()))
		b = append(b, ", seq "...)
		b = appendUint(b, uint64(m.Seq()))
	case ICMPUnreachable:
		b = p.appendUnreach(b, d, i, m)
	case ICMPTimeExceeded:
		switch m.Code() {
		case 0:
			b = append(b, "time exceeded in-transit"...)
		case 1:
			b = append(b, "ip reassembly time exceeded"...)
		default:
			b = append(b, "time exceeded-#"...)
			b = appendUint(b, uint64(m.Code()))
		}
	case ICMPRedirect:
		b = append(b, "redirect "...)
		if q, ok := quotedIPv4(d, i); ok {
			b = q.Dst().AppendTo(b)
		}
		b = append(b, " to "...)
		switch m.Code() {
		case 0:
			b = append(b, "net "...)
		case 1:
			b = append(b, "host "...)
		case 2:
			b = append(b, "tos-net "...)
		case 3:
			b = append(b, "tos-host "...)
		}
		b = addr4(m.Gateway()).AppendTo(b)
	case ICMPSourceQuench:
		b = append(b, "source quench"...)
	case ICMPParamProblem:
		if m.Code() != 0 {
			b = append(b, "parameter problem - code "...)
			b = appendUint(b, uint64(m.Code()))
		} else {
			b = append(b, "parameter problem - octet "...)
			b = appendUint(b, uint64(m[4]))
		}
	default:
		b = append(b, "type-#"...)
		b = appendUint(b, uint64(m.Type()))
	}
	b = append(b, ", length "...)
	b = strconv.AppendInt(b, int64(ipPayloadLen(d, i)), 10)
	if p.Options.Verbose > 0 {
		b = appendICMPv4Cksum(b, d, i, m)
	}
	if p.Options.Verbose > 0 && m.IsError() && i+1 < d.n {
		b = append(b, "\n\t"...)
		b = p.lineLayer(b, d, i+1)
	}
	if p.Options.Verbose > 0 {
		b = appendICMPExtensions(b, m, ipPayloadLen(d, i))
	}
	return b
}

// appendICMPv4Cksum appends tcpdump's -v complaint about a wrong ICMP
// checksum, " (wrong icmp cksum a0b (->2506)!)": checked when the whole
// message was captured and the IP packet is no fragment.
func appendICMPv4Cksum(b []byte, d *Decoder, i int, m ICMPv4) []byte {
	l := &d.layers[i]
	if l.Quoted || i == 0 || d.layers[i-1].Type != LayerIPv4 {
		return b
	}
	ip := IPv4(d.data[d.layers[i-1].Start:d.layers[i-1].Payload])
	n := ipPayloadLen(d, i)
	if ip.MF() || ip.FragOffset() != 0 || n < 4 || l.Start+n > l.End {
		return b
	}
	sum := ^checksumFold(checksumAdd(0, d.data[l.Start:l.Start+n]))
	if sum == 0 {
		return b
	}
	b = append(b, " (wrong icmp cksum "...)
	b = strconv.AppendUint(b, uint64(m.Checksum()), 16)
	b = append(b, " (->"...)
	b = strconv.AppendUint(b, uint64(shouldBe(m.Checksum(), sum)), 16)
	return append(b, ")!)"...)
}

func quotedIPv4(d *Decoder, i int) (IPv4, bool) {
	if i+1 < d.n && d.layers[i+1].Type == LayerIPv4 && d.layers[i+1].Malformed == "" {
		l := &d.layers[i+1]
		return IPv4(d.data[l.Start:l.Payload]), true
	}
	return nil, false
}

func (p *LinePrinter) appendUnreach(b []byte, d *Decoder, i int, m ICMPv4) []byte {
	q, ok := quotedIPv4(d, i)
	if !ok {
		b = append(b, "unreachable"...)
		return b
	}
	switch m.Code() {
	case 0:
		b = append(b, "net "...)
		b = q.Dst().AppendTo(b)
		b = append(b, " unreachable"...)
	case 1:
		b = append(b, "host "...)
		b = q.Dst().AppendTo(b)
		b = append(b, " unreachable"...)
	case 2:
		b = q.Dst().AppendTo(b)
		b = append(b, " protocol "...)
		b = appendUint(b, uint64(q.Protocol()))
		b = append(b, " unreachable"...)
	case 3:
		b = q.Dst().AppendTo(b)
		l := &d.layers[i+1]
		port := -1
		if l.Payload+4 <= l.End {
			port = int(be16(d.data[l.Payload+2:]))
		}
		switch q.Protocol() {
		case IPProtoTCP:
			b = append(b, " tcp port "...)
		case IPProtoUDP:
			b = append(b, " udp port "...)
		default:
			b = append(b, " protocol "...)
			b = appendUint(b, uint64(q.Protocol()))
			port = -1
		}
		if port >= 0 {
			b = strconv.AppendInt(b, int64(port), 10)
		}
		b = append(b, " unreachable"...)
	case 4:
		b = q.Dst().AppendTo(b)
		b = append(b, " unreachable - need to frag"...)
		if mtu := m.MTU(); mtu != 0 {
			b = append(b, " (mtu "...)
			b = appendUint(b, uint64(mtu))
			b = append(b, ')')
		}
	default:
		b = q.Dst().AppendTo(b)
		b = append(b, " unreachable - "...)
		b = append(b, unreachText(m.Code())...)
	}
	return b
}

func unreachText(code uint8) string {
	switch code {
	case 5:
		return "source route failed"
	case 6:
		return "dst net unknown"
	case 7:
		return "dst host unknown"
	case 8:
		return "src host isolated"
	case 9:
		return "dst net prohibited"
	case 10:
		return "dst host prohibited"
	case 11:
		return "tos prohibited"
	case 12:
		return "tos host prohibited"
	case 13:
		return "admin prohibited filter"
	case 14:
		return "host precedence violation"
	case 15:
		return "precedence cutoff"
	}
	return "#?"
}

func (p *LinePrinter) lineICMPv6(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	length := ipPayloadLen(d, i)
	if l.Malformed != "" {
		return append(b, "ICMP6, [|icmp6]"...)
	}
	m := ICMPv6(d.data[l.Start:l.End])
	v := p.Options.Verbose
	if length == 0 {
		return append(b, "ICMP6, length 0 (invalid)"...)
	}
	if len(m) < m.HeaderLen() {
		return append(b, "ICMP6, [|icmp6]"...)
	}
	if v > 0 && !l.Quoted && length >= 4 && l.Start+length <= len(d.data) && !ipv6Fragmented(d, i) {
		src, dst, _ := ipAddrs(d, i)
		if sum := transportChecksum(src, pseudoDst(d, i, dst), IPProtoICMPv6, d.data[l.Start:l.Start+length]); sum != 0 {
			b = append(b, "[bad icmp6 cksum 0x"...)
			b = appendHex4(b, m.Checksum())
			b = append(b, " -> 0x"...)
			b = appendHex4(b, shouldBe(m.Checksum(), sum))
			b = append(b, "!] "...)
		} else {
			b = append(b, "[icmp6 sum ok] "...)
		}
	}
	b = append(b, "ICMP6, "...)
	b = append(b, icmp6TypeName(m.Type())...)
	if n := icmp6TypeName(m.Type()); n == "" {
		b = append(b, "unknown icmp6 type ("...)
		b = appendUint(b, uint64(m.Type()))
		b = append(b, ')')
	}
	switch m.Type() {
	case ICMPv6RouterSolicit, ICMPv6RouterAdvert, ICMPv6NeighborAdvert, ICMPv6NeighborSolicit, ICMPv6Redirect:
		if v > 0 {
			b = append(b, ", length "...)
			b = strconv.AppendInt(b, int64(length), 10)
		}
	}
	q, hasQ := quotedIPv6(d, i)
	switch m.Type() {
	case ICMPv6Unreachable:
		b = append(b, ", "...)
		b = append(b, icmp6UnreachText(m.Code())...)
		if hasQ {
			switch m.Code() {
			case 0, 1, 2, 3:
				b = append(b, ' ')
				b = q.Dst().AppendTo(b)
			case 4:
				b = p.appendQuotedPort6(b, d, i, q)
			}
		}
	case ICMPv6PacketTooBig:
		b = append(b, ", mtu "...)
		b = appendUint(b, uint64(m.Word()))
	case ICMPv6TimeExceeded:
		switch m.Code() {
		case 0:
			if hasQ {
				b = append(b, " for "...)
				b = q.Dst().AppendTo(b)
			}
		case 1:
			b = append(b, " (reassembly)"...)
		default:
			b = append(b, ", unknown code ("...)
			b = appendUint(b, uint64(m.Code()))
			b = append(b, ')')
		}
	case ICMPv6ParamProblem:
		switch m.Code() {
		case 0:
			b = append(b, ", erroneous - octet "...)
		case 1:
			b = append(b, ", next header - octet "...)
		case 2:
			b = append(b, ", option - octet "...)
		default:
			b = append(b, ", code-#"...)
			b = appendUint(b, uint64(m.Code()))
		}
		if m.Code() <= 2 {
			b = appendUint(b, uint64(m.Word()))
		}
	case ICMPv6EchoRequest, ICMPv6EchoReply:
		b = append(b, ", id "...)
		b = appendUint(b, uint64(m.Word()>>16))
		b = append(b, ", seq "...)
		b = appendUint(b, uint64(m.Word()&0xffff))
	case ICMPv6MLDQuery:
		switch {
		case length == 24:
			b = appendMLD(b, m)
		case length >= 28:
			b = append(b, " v2"...)
		default:
			b = append(b, " unknown-version (len "...)
			b = strconv.AppendInt(b, int64(length), 10)
			b = append(b, ") "...)
		}
	case ICMPv6MLDReport, ICMPv6MLDDone:
		b = appendMLD(b, m)
	case ICMPv6RouterRenum:
		b = appendICMPv6RRLine(b, m, v)
	case ICMPv6NodeInfoQuery:
		b = appendICMPv6NIQueryLine(b, m, v)
	case ICMPv6RouterSolicit:
		if v > 0 {
			b = p.appendNDOptions(b, m, 8)
		}
	case ICMPv6RouterAdvert:
		if v > 0 {
			b = append(b, "\n\thop limit "...)
			b = appendUint(b, uint64(m[4]))
			b = append(b, ", Flags ["...)
			b = appendBitNames(b, uint64(m[5]), raFlagNames[:])
			b = append(b, "], pref "...)
			switch m[5] >> 3 & 3 {
			case 0:
				b = append(b, "medium"...)
			case 1:
				b = append(b, "high"...)
			case 2:
				b = append(b, "reserved"...)
			case 3:
				b = append(b, "low"...)
			}
			b = append(b, ", router lifetime "...)
			b = appendUint(b, uint64(be16(m[6:])))
			b = append(b, "s, reachable time "...)
			b = appendUint(b, uint64(be32(m[8:])))
			b = append(b, "ms, retrans timer "...)
			b = appendUint(b, uint64(be32(m[12:])))
			b = append(b, "ms"...)
			b = p.appendNDOptions(b, m, 16)
		}
	case ICMPv6NeighborSolicit:
		b = append(b, ", who has "...)
		b = addr16(m[8:24]).AppendTo(b)
		if v > 0 {
			b = p.appendNDOptions(b, m, 24)
		}
	case ICMPv6NeighborAdvert:
		b = append(b, ", tgt is "...)
		b = addr16(m[8:24]).AppendTo(b)
		if v > 0 {
			b = append(b, ", Flags ["...)
			b = appendBitNames(b, uint64(m[4]), naFlagNames[:])
			b = append(b, ']')
			b = p.appendNDOptions(b, m, 24)
		}
	case ICMPv6Redirect:
		b = append(b, ", "...)
		b = addr16(m[24:40]).AppendTo(b)
		b = append(b, " to "...)
		b = addr16(m[8:24]).AppendTo(b)
		if v > 0 {
			b = p.appendNDOptions(b, m, 40)
		}
	case ICMPv6MLDv2Report:
		if len(m) >= 8 {
			b = append(b, ", "...)
			b = appendUint(b, uint64(be16(m[6:])))
			b = append(b, " group record(s)"...)
			if v > 0 {
				b = appendMLDv2Records(b, m, int(be16(m[6:])), v)
			}
		}
	}
	if v == 0 {
		b = append(b, ", length "...)
		b = strconv.AppendInt(b, int64(length), 10)
	}
	return b
}

func appendMLD(b []byte, m ICMPv6) []byte {
	if len(m) < 24 {
		return append(b, " [|icmp6]"...)
	}
	b = append(b, "max resp delay: "...)
	b = appendUint(b, uint64(be16(m[4:])))
	b = append(b, " addr: "...)
	return addr16(m[8:24]).AppendTo(b)
}

func quotedIPv6(d *Decoder, i int) (IPv6, bool) {
	if i+1 < d.n && d.layers[i+1].Type == LayerIPv6 && d.layers[i+1].Malformed == "" {
		l := &d.layers[i+1]
		return IPv6(d.data[l.Start : l.Start+ipv6Len]), true
	}
	return nil, false
}

// appendQuotedPort6 appends the quoted transport of an ICMPv6 port
// unreachable: ", addr udp port N".
func (p *LinePrinter) appendQuotedPort6(b []byte, d *Decoder, i int, q IPv6) []byte {
	for j := i + 2; j < d.n; j++ {
		l := &d.layers[j]
		if l.Type != LayerTCP && l.Type != LayerUDP {
			continue
		}
		if l.End-l.Start < 4 {
			break
		}
		b = append(b, ", "...)
		b = q.Dst().AppendTo(b)
		if l.Type == LayerTCP {
			b = append(b, " tcp port "...)
		} else {
			b = append(b, " udp port "...)
		}
		return appendUint(b, uint64(be16(d.data[l.Start+2:])))
	}
	return b
}

func icmp6TypeName(t uint8) string {
	switch t {
	case 1:
		return "destination unreachable"
	case 2:
		return "packet too big"
	case 3:
		return "time exceeded in-transit"
	case 4:
		return "parameter problem"
	case 128:
		return "echo request"
	case 129:
		return "echo reply"
	case 130:
		return "multicast listener query"
	case 131:
		return "multicast listener report"
	case 132:
		return "multicast listener done"
	case 133:
		return "router solicitation"
	case 134:
		return "router advertisement"
	case 135:
		return "neighbor solicitation"
	case 136:
		return "neighbor advertisement"
	case 137:
		return "redirect"
	case 138:
		return "router renumbering"
	case 139:
		return "who-are-you request"
	case 143:
		return "multicast listener report v2"
	}
	return ""
}

func icmp6UnreachText(c uint8) string {
	switch c {
	case 0:
		return "unreachable route"
	case 1:
		return "unreachable prohibited"
	case 2:
		return "beyond scope"
	case 3:
		return "unreachable address"
	case 4:
		return "unreachable port"
	}
	return "unknown unreach code"
}

type bitName struct {
	bit  uint64
	name string
}

var raFlagNames = [...]bitName{{0x80, "managed"}, {0x40, "other stateful"}, {0x20, "home agent"}, {0x08, "proxy"}}
var naFlagNames = [...]bitName{{0x80, "router"}, {0x40, "solicited"}, {0x20, "override"}}
var prefixFlagNames = [...]bitName{{0x80, "onlink"}, {0x40, "auto"}, {0x20, "router"}}

// appendBitNames appends the names of v's set bits joined by ", ", or
// "none", as tcpdump's bittok2str does.
func appendBitNames(b []byte, v uint64, names []bitName) []byte {
	n := len(b)
	for _, bn := range names {
		if v&bn.bit != 0 {
			if len(b) > n {
				b = append(b, ", "...)
			}
			b = append(b, bn.name...)
		}
	}
	if len(b) == n {
		b = append(b, "none"...)
	}
	return b
}

func ndOptionName(t uint8) string {
	switch t {
	case 1:
		return "source link-address"
	case 2:
		return "destination link-address"
	case 3:
		return "prefix info"
	case 4:
		return "redirected header"
	case 5:
		return "mtu"
	case 7:
		return "advertisement interval"
	case 8:
		return "homeagent information"
	case 24:
		return "route info"
	case 25:
		return "rdnss"
	case 31:
		return "dnssl"
	}
	return "unknown"
}

func appendLifetime(b []byte, v uint32) []byte {
	if v == 0xffffffff {
		return append(b, "infinity"...)
	}
	b = appendUint(b, uint64(v))
	return append(b, 's')
}

// appendNDOptions appends the neighbour-discovery options from offset off
// as tcpdump -v prints them.
func (p *LinePrinter) appendNDOptions(b []byte, m ICMPv6, off int) []byte {
	for {
		o, next, ok, bad := m.NextNDOption(off)
		if !ok {
			return b
		}
		if bad {
			return append(b, "[|icmp6]"...)
		}
		off = next
		n := len(o.Data) + 2
		b = append(b, "\n\t  "...)
		b = append(b, ndOptionName(o.Type)...)
		b = append(b, " option ("...)
		b = appendUint(b, uint64(o.Type))
		b = append(b, "), length "...)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, " ("...)
		b = strconv.AppendInt(b, int64(n/8), 10)
		b = append(b, "): "...)
		switch {
		case o.Type == 1 || o.Type == 2:
			b = appendLinkAddr(b, o.Data)
		case o.Type == 5 && len(o.Data) >= 6:
			b = append(b, ' ')
			b = appendUint(b, uint64(be32(o.Data[2:])))
		case o.Type == 3 && len(o.Data) >= 30:
			b = addr16(o.Data[14:30]).AppendTo(b)
			b = append(b, '/')
			b = appendUint(b, uint64(o.Data[0]))
			b = append(b, ", Flags ["...)
			b = appendBitNames(b, uint64(o.Data[1]), prefixFlagNames[:])
			b = append(b, "], valid time "...)
			b = appendLifetime(b, be32(o.Data[2:]))
			b = append(b, ", pref. time "...)
			b = appendLifetime(b, be32(o.Data[6:]))
		case o.Type == 25 && len(o.Data) >= 6:
			b = append(b, " lifetime "...)
			b = appendLifetime(b, be32(o.Data[2:]))
			b = append(b, ',')
			for a := o.Data[6:]; len(a) >= 16; a = a[16:] {
				b = append(b, " addr: "...)
				b = addr16(a[:16]).AppendTo(b)
			}
		case o.Type == 24 && len(o.Data) >= 6 && int(o.Data[0]) <= 128:
			var pfx [16]byte
			copy(pfx[:], o.Data[6:])
			b = append(b, ' ')
			b = addr16(pfx[:]).AppendTo(b)
			b = append(b, '/')
			b = appendUint(b, uint64(o.Data[0]))
			b = append(b, ", pref="...)
			switch o.Data[1] >> 3 & 3 {
			case 0:
				b = append(b, "medium"...)
			case 1:
				b = append(b, "high"...)
			case 2:
				b = append(b, "reserved"...)
			case 3:
				b = append(b, "low"...)
			}
			b = append(b, ", lifetime="...)
			b = appendLifetime(b, be32(o.Data[2:]))
		case o.Type == 31 && len(o.Data) >= 6:
			b = append(b, " lifetime "...)
			b = appendLifetime(b, be32(o.Data[2:]))
			b = append(b, ", domain(s):"...)
			b = appendDomainList(b, o.Data[6:])
		default:
			if p.Options.Verbose <= 1 {
				b = appendIndentedHex(b, o.Data, "\n\t  ")
			}
		}
		if p.Options.Verbose > 1 {
			b = appendIndentedHex(b, o.Data, "\n\t    ")
		}
	}
}

// appendIndentedHex appends data as tcpdump's hex_print with the given line
// prefix: "<prefix>0x0000:  6069 604c 0aaa".
func appendIndentedHex(b, data []byte, prefix string) []byte {
	for off := 0; off < len(data); off += 16 {
		line := data[off:min(off+16, len(data))]
		b = append(b, prefix...)
		b = append(b, "0x"...)
		b = appendOffset(b, off)
		b = append(b, ": "...)
		for j := 0; j < len(line); j += 2 {
			b = append(b, ' ')
			b = appendHex2(b, line[j])
			if j+1 < len(line) {
				b = appendHex2(b, line[j+1])
			}
		}
	}
	return b
}

// appendDomainList appends the uncompressed DNS names of a DNSSL option,
// " lan., example.com.", stopping at the zero padding.
func appendDomainList(b, data []byte) []byte {
	first := true
	for len(data) > 0 && data[0] != 0 {
		if first {
			b = append(b, ' ')
		} else {
			b = append(b, ", "...)
		}
		first = false
		for len(data) > 0 && data[0] != 0 {
			n := int(data[0])
			if n >= 64 || 1+n > len(data) {
				return append(b, "[|icmp6]"...)
			}
			b = append(b, data[1:1+n]...)
			b = append(b, '.')
			data = data[1+n:]
		}
		if len(data) > 0 {
			data = data[1:]
		}
	}
	return b
}

var mldv2RecordTypes = [...]string{1: "is_in", 2: "is_ex", 3: "to_in", 4: "to_ex", 5: "allow", 6: "block"}

// appendMLDv2Records appends an MLDv2 report's group records as tcpdump
// -v does: " [gaddr ff02::2 to_ex, 0 source(s)]".
func appendMLDv2Records(b []byte, m ICMPv6, n, v int) []byte {
	off := 8
	for range n {
		if off+20 > len(m) {
			return append(b, " [|icmp6]"...)
		}
		typ, aux, nsrc := m[off], int(m[off+1]), int(be16(m[off+2:]))
		b = append(b, " [gaddr "...)
		b = addr16(m[off+4 : off+20]).AppendTo(b)
		b = append(b, ' ')
		if int(typ) < len(mldv2RecordTypes) && mldv2RecordTypes[typ] != "" {
			b = append(b, mldv2RecordTypes[typ]...)
		} else {
			b = append(b, " [v2-report-#"...)
			b = appendUint(b, uint64(typ))
			b = append(b, ']')
		}
		end := off + 20 + nsrc*16
		if end > len(m) {
			return append(b, " [|icmp6]"...)
		}
		if v == 1 {
			b = append(b, ", "...)
			b = appendUint(b, uint64(nsrc))
			b = append(b, " source(s)"...)
		} else {
			b = append(b, " {"...)
			for k := off + 20; k < end; k += 16 {
				b = append(b, ' ')
				b = addr16(m[k : k+16]).AppendTo(b)
			}
			b = append(b, " }"...)
		}
		b = append(b, ']')
		off = end + aux*4
	}
	return b
}
