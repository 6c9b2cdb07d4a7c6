package decode

import (
	"net/netip"
	"strconv"
	"time"
)

// DHCPv6 is a DHCPv6 message (RFC 8415) in a UDP datagram between ports 546
// and 547: a message type and a 24-bit transaction ID, or for a relay
// message (Relay-forw 12, Relay-repl 13) a hop count and two IPv6
// addresses, then options, each a 16-bit code, a 16-bit length and data.
type DHCPv6 []byte

const (
	dhcpv6ClientPort = 546
	dhcpv6ServerPort = 547
)

// ParseDHCPv6 returns the message at the start of b.
func ParseDHCPv6(b []byte) (DHCPv6, error) {
	if len(b) < 4 {
		return nil, ReasonTruncated
	}
	if (b[0] == 12 || b[0] == 13) && len(b) < 34 {
		return nil, ReasonTruncated
	}
	return DHCPv6(b[:len(b):len(b)]), nil
}

// Type returns the message type.
func (m DHCPv6) Type() uint8 { return m[0] }

// Relay reports whether m is a relay message.
func (m DHCPv6) Relay() bool { return m[0] == 12 || m[0] == 13 }

// XID returns the transaction ID (not for a relay message).
func (m DHCPv6) XID() uint32 { return uint32(m[1])<<16 | uint32(m[2])<<8 | uint32(m[3]) }

// Options returns the options' bytes.
func (m DHCPv6) Options() []byte {
	if m.Relay() {
		return m[34:]
	}
	return m[4:]
}

// nextDHCPv6Option returns the option at off in opts: its code, its data,
// the offset of the next and whether one was there whole.
func nextDHCPv6Option(opts []byte, off int) (code uint16, data []byte, next int, ok bool) {
	if off+4 > len(opts) {
		return 0, nil, len(opts), false
	}
	n := int(be16(opts[off+2:]))
	if off+4+n > len(opts) {
		return 0, nil, len(opts), false
	}
	return be16(opts[off:]), opts[off+4 : off+4+n], off + 4 + n, true
}

// dhcpv6OptionsWhole reports whether opts is a sequence of whole options,
// nested ones (in IA_NA, IA_TA, IA_PD, IA address and IA prefix) included.
func dhcpv6OptionsWhole(opts []byte, depth int) bool {
	for off := 0; off < len(opts); {
		code, data, next, ok := nextDHCPv6Option(opts, off)
		if !ok || depth > 8 {
			return false
		}
		if sub, ok := dhcpv6Nested(code, data); ok && !dhcpv6OptionsWhole(sub, depth+1) {
			return false
		}
		off = next
	}
	return true
}

// dhcpv6Nested returns the options an option holds after its fixed part.
func dhcpv6Nested(code uint16, data []byte) ([]byte, bool) {
	switch code {
	case 3, 25: // IA_NA, IA_PD: IAID, T1, T2
		if len(data) >= 12 {
			return data[12:], true
		}
	case 4: // IA_TA: IAID
		if len(data) >= 4 {
			return data[4:], true
		}
	case 5: // IA address
		if len(data) >= 24 {
			return data[24:], true
		}
	case 26: // IA prefix
		if len(data) >= 25 {
			return data[25:], true
		}
	}
	return nil, false
}

func (d *Decoder) decodeDHCPv6(l *Layer) LayerType {
	m, err := ParseDHCPv6(d.bytes(l))
	if err != nil {
		// tshark shows the message type, then runs off the end.
		l.Malformed = err.(Reason)
		l.Payload = l.End
		return LayerNone
	}
	l.Payload = l.End
	// tshark stops quietly at an option cut short by the message's end,
	// and runs off the end of a message cut short by the capture.
	if i := d.n; i > 0 && d.layers[i-1].Type == LayerUDP && d.tcpWirePayload(i-1) > len(m) {
		// The capture ends between two options: tshark reads on.
		l.Malformed = ReasonTruncated
	}
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	dhcpv6Msgtype = iota
	dhcpv6Hopcount
	dhcpv6Linkaddr
	dhcpv6Peeraddr
	dhcpv6Xid
	dhcpv6OptionType
	dhcpv6OptionLength
	dhcpv6DUIDBytes
	dhcpv6DUIDType
	dhcpv6DUIDLLTHwtype
	dhcpv6DUIDLLHwtype
	dhcpv6IAID
	dhcpv6IAIDT1
	dhcpv6IAIDT2
	dhcpv6IAAddrIP
	dhcpv6IAAddrPref
	dhcpv6IAAddrValid
	dhcpv6IAPrefixPref
	dhcpv6IAPrefixValid
	dhcpv6IAPrefixLen
	dhcpv6IAPrefixAddr
	dhcpv6RequestedOption
	dhcpv6ElapsedTime
	dhcpv6DNSServer
	dhcpv6SearchListEntry
	dhcpv6StatusCode
	dhcpv6StatusMsg
	dhcpv6NTPType
	dhcpv6NTPLength
	dhcpv6NTPAddr
	dhcpv6NTPMcAddr
	dhcpv6NTPFQDN
	dhcpv6DUIDLLTLinkAddr
	dhcpv6DUIDLLLinkAddr
	dhcpv6OptionTypeStr
	dhcpv6DUIDLLTTime
	dhcpv6FieldCount
)

var dhcpv6Fields = [dhcpv6FieldCount]Field{
	dhcpv6Msgtype:         {Name: "dhcpv6.msgtype", Label: "Message type", Kind: KindUint, Width: 8},
	dhcpv6Hopcount:        {Name: "dhcpv6.hopcount", Label: "Hopcount", Kind: KindUint, Width: 8},
	dhcpv6Linkaddr:        {Name: "dhcpv6.linkaddr", Label: "Link address", Kind: KindIPv6},
	dhcpv6Peeraddr:        {Name: "dhcpv6.peeraddr", Label: "Peer address", Kind: KindIPv6},
	dhcpv6Xid:             {Name: "dhcpv6.xid", Label: "Transaction ID", Kind: KindUint, Width: 24, Base: BaseHex},
	dhcpv6OptionType:      {Name: "dhcpv6.option.type", Label: "Option", Kind: KindUint, Width: 16},
	dhcpv6OptionLength:    {Name: "dhcpv6.option.length", Label: "Length", Kind: KindUint, Width: 16},
	dhcpv6DUIDBytes:       {Name: "dhcpv6.duid.bytes", Label: "DUID", Kind: KindBytes},
	dhcpv6DUIDType:        {Name: "dhcpv6.duid.type", Label: "DUID Type", Kind: KindUint, Width: 16},
	dhcpv6DUIDLLTHwtype:   {Name: "dhcpv6.duidllt.hwtype", Label: "Hardware type", Kind: KindUint, Width: 16},
	dhcpv6DUIDLLHwtype:    {Name: "dhcpv6.duidll.hwtype", Label: "Hardware type", Kind: KindUint, Width: 16},
	dhcpv6IAID:            {Name: "dhcpv6.iaid", Label: "IAID", Kind: KindString},
	dhcpv6IAIDT1:          {Name: "dhcpv6.iaid.t1", Label: "T1", Kind: KindUint, Width: 32},
	dhcpv6IAIDT2:          {Name: "dhcpv6.iaid.t2", Label: "T2", Kind: KindUint, Width: 32},
	dhcpv6IAAddrIP:        {Name: "dhcpv6.iaaddr.ip", Label: "IPv6 address", Kind: KindIPv6},
	dhcpv6IAAddrPref:      {Name: "dhcpv6.iaaddr.pref_lifetime", Label: "Preferred lifetime", Kind: KindUint, Width: 32},
	dhcpv6IAAddrValid:     {Name: "dhcpv6.iaaddr.valid_lifetime", Label: "Valid lifetime", Kind: KindUint, Width: 32},
	dhcpv6IAPrefixPref:    {Name: "dhcpv6.iaprefix.pref_lifetime", Label: "Preferred lifetime", Kind: KindUint, Width: 32},
	dhcpv6IAPrefixValid:   {Name: "dhcpv6.iaprefix.valid_lifetime", Label: "Valid lifetime", Kind: KindUint, Width: 32},
	dhcpv6IAPrefixLen:     {Name: "dhcpv6.iaprefix.pref_len", Label: "Prefix length", Kind: KindUint, Width: 8},
	dhcpv6IAPrefixAddr:    {Name: "dhcpv6.iaprefix.pref_addr", Label: "Prefix address", Kind: KindIPv6},
	dhcpv6RequestedOption: {Name: "dhcpv6.requested_option_code", Label: "Requested Option code", Kind: KindUint, Width: 16},
	dhcpv6ElapsedTime:     {Name: "dhcpv6.elapsed_time", Label: "Elapsed time", Kind: KindUint, Width: 16, Unit: "ms"},
	dhcpv6DNSServer:       {Name: "dhcpv6.dns_server", Label: "DNS server address", Kind: KindIPv6},
	dhcpv6SearchListEntry: {Name: "dhcpv6.search_list_entry", Label: "List entry", Kind: KindString},
	dhcpv6StatusCode:      {Name: "dhcpv6.status_code", Label: "Status Code", Kind: KindUint, Width: 16},
	dhcpv6StatusMsg:       {Name: "dhcpv6.status_msg", Label: "Status Message", Kind: KindString},
	dhcpv6NTPType:         {Name: "dhcpv6.ntpserver.option.type", Label: "Suboption", Kind: KindUint, Width: 16},
	dhcpv6NTPLength:       {Name: "dhcpv6.ntpserver.option.length", Label: "Length", Kind: KindUint, Width: 16},
	dhcpv6NTPAddr:         {Name: "dhcpv6.ntpserver.addr", Label: "NTP Server Address", Kind: KindIPv6},
	dhcpv6NTPMcAddr:       {Name: "dhcpv6.ntpserver.mc_addr", Label: "NTP Multicast Address", Kind: KindIPv6},
	dhcpv6NTPFQDN:         {Name: "dhcpv6.ntpserver.fqdn", Label: "NTP Server FQDN", Kind: KindString},
	dhcpv6DUIDLLTLinkAddr: {Name: "dhcpv6.duidllt.link_layer_addr", Label: "Link-layer address", Kind: KindString},
	dhcpv6DUIDLLLinkAddr:  {Name: "dhcpv6.duidll.link_layer_addr", Label: "Link-layer address", Kind: KindString},
	// An option's heading: its name (tshark's tree line is the name).
	dhcpv6OptionTypeStr: {Name: "dhcpv6.option.type_str", Label: "Option", Kind: KindString},
	dhcpv6DUIDLLTTime:   {Name: "dhcpv6.duidllt.time", Label: "DUID Time", Kind: KindTime},
}

var protoDHCPv6 = Field{Name: "dhcpv6", Label: "DHCPv6", Kind: KindProtocol, EKByTreeParent: true} // -T ek lists a nested option's values after the outer options'

// appendDHCPv6Name appends a DNS-encoded name as Wireshark shows it in
// DHCPv6 ("example.com."); ok is false for a name it would not read so.
func appendDHCPv6Name(b, data []byte) (_ []byte, next int, ok bool) {
	off := 0
	for off < len(data) {
		n := int(data[off])
		off++
		if n == 0 {
			return b, off, true
		}
		if n > 63 || off+n > len(data) {
			return b, off, false
		}
		for _, c := range data[off : off+n] {
			if c < 0x20 || c >= 0x7f {
				return b, off, false
			}
		}
		b = append(b, data[off:off+n]...)
		b = append(b, '.')
		off += n
	}
	return b, off, false
}

func emitDHCPv6(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoDHCPv6)
	if m, err := ParseDHCPv6(d.data[l.Start:l.End]); err == nil {
		emitDHCPv6Message(e, m, 0, 1)
	} else if l.End > l.Start {
		e.Uint(&dhcpv6Fields[dhcpv6Msgtype], uint64(d.data[l.Start]))
	}
	e.End()
}

// emitDHCPv6Options emits opts, options at nesting depth (relay messages
// and options inside options) and tree depth td (the tree draws a relay
// message's options two levels below the option holding it). Options
// rawcap does not know are drawn as their heading, code and length only.
func emitDHCPv6Options(e *emitter, opts []byte, depth, td int) {
	f := &dhcpv6Fields
	tree := e.Tree()
	for off := 0; ; {
		code, data, next, ok := nextDHCPv6Option(opts, off)
		if !ok || depth > 8 || tree && td > 9 {
			return
		}
		off = next
		// The option's heading: its name, as a string field.
		b := e.Text()
		n := len(b)
		if name := f[dhcpv6OptionType].ValueNames().Name(uint64(code)); name != "" {
			b = append(b, name...)
		} else {
			b = strconv.AppendUint(append(b, "DHCP option "...), uint64(code), 10)
		}
		e.TextDone(&f[dhcpv6OptionTypeStr], b)
		if tree {
			e.SetRepr(append(b, b[n:]...))
		}
		e.Sub()
		e.Uint(&f[dhcpv6OptionType], uint64(code))
		e.Uint(&f[dhcpv6OptionLength], uint64(len(data)))
		switch code {
		case 1, 2:
			if len(data) >= 2 {
				e.Bytes(&f[dhcpv6DUIDBytes], data)
				typ := be16(data)
				e.Uint(&f[dhcpv6DUIDType], uint64(typ))
				switch {
				case typ == 1 && len(data) >= 8:
					hw := be16(data[2:])
					e.Uint(&f[dhcpv6DUIDLLTHwtype], uint64(hw))
					loc := e.loc // the zone the tree shows times in; the others, the local one
					if loc == nil {
						loc = time.Local
					}
					tm := time.Unix(dhcpv6Epoch+int64(be32(data[4:])), 0).In(loc)
					e.TextDone(&f[dhcpv6DUIDLLTTime], tm.AppendFormat(e.Text(), "Jan _2, 2006 15:04:05.000000000 MST"))
					if hw == 1 && len(data) == 14 {
						e.TextDone(&f[dhcpv6DUIDLLTLinkAddr], MAC([6]byte(data[8:14])).AppendTo(e.Text()))
					}
				case typ == 3 && len(data) >= 4:
					hw := be16(data[2:])
					e.Uint(&f[dhcpv6DUIDLLHwtype], uint64(hw))
					if hw == 1 && len(data) == 10 {
						e.TextDone(&f[dhcpv6DUIDLLLinkAddr], MAC([6]byte(data[4:10])).AppendTo(e.Text()))
					}
				}
			}
		case 3, 4, 25:
			if len(data) >= 4 {
				e.TextDone(&f[dhcpv6IAID], appendHexN(e.Text(), uint64(be32(data)), 8))
			}
			if code != 4 && len(data) >= 12 {
				e.Uint(&f[dhcpv6IAIDT1], uint64(be32(data[4:])))
				e.Uint(&f[dhcpv6IAIDT2], uint64(be32(data[8:])))
			}
		case 5:
			if len(data) >= 24 {
				e.IPv6(&f[dhcpv6IAAddrIP], data[:16])
				e.Uint(&f[dhcpv6IAAddrPref], uint64(be32(data[16:])))
				e.Uint(&f[dhcpv6IAAddrValid], uint64(be32(data[20:])))
			}
		case 26:
			if len(data) >= 25 {
				e.Uint(&f[dhcpv6IAPrefixPref], uint64(be32(data)))
				e.Uint(&f[dhcpv6IAPrefixValid], uint64(be32(data[4:])))
				e.Uint(&f[dhcpv6IAPrefixLen], uint64(data[8]))
				e.IPv6(&f[dhcpv6IAPrefixAddr], data[9:25])
			}
		case 6:
			for k := 0; k+2 <= len(data); k += 2 {
				e.Uint(&f[dhcpv6RequestedOption], uint64(be16(data[k:])))
			}
		case 8:
			if len(data) == 2 {
				e.Uint(&f[dhcpv6ElapsedTime], uint64(be16(data))*10) // in ms, as tshark has it
			}
		case 23:
			for k := 0; k+16 <= len(data); k += 16 {
				e.IPv6(&f[dhcpv6DNSServer], data[k:k+16])
				if tree {
					b := strconv.AppendInt(append(e.Text(), ' '), int64(k/16+1), 10)
					b = append(b, " DNS server address: "...)
					e.SetRepr(netip.AddrFrom16([16]byte(data[k : k+16])).AppendTo(b))
				}
			}
		case 24:
			if len(data) > 0 {
				e.LineString("Domain name suffix search list")
			}
			e.Sub()
			for k := 0; k < len(data); {
				txt := e.Text()
				n := len(txt)
				txt, used, ok := appendDHCPv6Name(txt, data[k:])
				if !ok || len(txt) == n {
					break
				}
				e.TextDone(&f[dhcpv6SearchListEntry], txt)
				k += used
			}
			e.Up()
		case 13:
			if len(data) >= 2 {
				e.Uint(&f[dhcpv6StatusCode], uint64(be16(data)))
				e.TextDone(&f[dhcpv6StatusMsg], appendWSUTF8(e.Text(), data[2:]))
			}
		case 56:
			for k := 0; k+4 <= len(data); {
				st, sl := be16(data[k:]), int(be16(data[k+2:]))
				if k+4+sl > len(data) {
					break
				}
				sd := data[k+4 : k+4+sl]
				k += 4 + sl
				label := f[dhcpv6NTPType].ValueNames().Name(uint64(st))
				if tree {
					if label == "" {
						continue
					}
					e.LineString(label)
					e.Sub()
				}
				e.Uint(&f[dhcpv6NTPType], uint64(st))
				e.Uint(&f[dhcpv6NTPLength], uint64(sl))
				switch {
				case st == 1 && sl == 16:
					e.IPv6(&f[dhcpv6NTPAddr], sd)
				case st == 2 && sl == 16:
					e.IPv6(&f[dhcpv6NTPMcAddr], sd)
				case st == 3:
					if txt, _, ok := appendDHCPv6Name(e.Text(), sd); ok {
						e.TextDone(&f[dhcpv6NTPFQDN], txt)
					}
				}
				if tree {
					e.Up()
				}
			}
		}
		if code == 9 {
			if in, err := ParseDHCPv6(data); err == nil && depth < 8 {
				// The tree draws a relay message whose options are
				// whole, under a "DHCPv6" line.
				switch {
				case !tree && e.all:
					// -T ek writes the relayed message as a dhcpv6
					// object inside the relay's, as tshark nests it; the
					// JSON object keeps its fields in the relay's.
					dep := e.NestedProto(&protoDHCPv6)
					emitDHCPv6Message(e, in, depth+1, 0)
					e.EndNested(dep)
				case !tree:
					emitDHCPv6Message(e, in, depth+1, 0)
				case td < 8 && dhcpv6OptionsWhole(in.Options(), 0):
					e.LineString("DHCPv6")
					e.Sub()
					emitDHCPv6Message(e, in, depth+1, td+2)
					e.Up()
				}
			}
		}
		if sub, ok := dhcpv6Nested(code, data); ok {
			emitDHCPv6Options(e, sub, depth+1, td+1)
		}
		e.Up()
	}
}

// emitDHCPv6Message emits a message's header fields and its options (see
// emitDHCPv6Options for depth and td).
func emitDHCPv6Message(e *emitter, m DHCPv6, depth, td int) {
	f := &dhcpv6Fields
	e.Uint(&f[dhcpv6Msgtype], uint64(m.Type()))
	if m.Relay() {
		e.Uint(&f[dhcpv6Hopcount], uint64(m[1]))
		e.IPv6(&f[dhcpv6Linkaddr], m[2:18])
		e.IPv6(&f[dhcpv6Peeraddr], m[18:34])
	} else {
		e.Uint(&f[dhcpv6Xid], uint64(m.XID()))
	}
	emitDHCPv6Options(e, m.Options(), depth, td)
}

// dhcpv6Epoch is the start of DUID-LLT time.
var dhcpv6Epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Unix()

// infoDHCPv6 appends tshark's Info column: "Solicit XID: 0xe1e093 CID:
// 0003… ".
func infoDHCPv6(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	m, err := ParseDHCPv6(d.data[l.Start:l.End])
	if err != nil {
		if l.End > l.Start {
			if n := dhcpv6Fields[dhcpv6Msgtype].ValueNames().Name(uint64(d.data[l.Start])); n != "" {
				b = append(b, n...)
				b = append(b, ' ')
			}
		}
		return b
	}
	return appendDHCPv6Info(b, m, 0)
}

// appendDHCPv6Info appends a message's Info text: its type, "L: link " for
// a relay (then the relayed message's), "XID: 0x… " otherwise, then
// "CID: … " and "IAA: … " for the client ID and IA addresses in option
// order.
func appendDHCPv6Info(b []byte, m DHCPv6, depth int) []byte {
	f := &dhcpv6Fields
	if n := f[dhcpv6Msgtype].ValueNames().Name(uint64(m.Type())); n != "" {
		b = append(b, n...)
	} else {
		b = append(b, "Unknown"...)
	}
	if m.Relay() {
		b = append(b, " L: "...)
		b = netip.AddrFrom16([16]byte(m[2:18])).AppendTo(b)
		b = append(b, ' ')
	} else {
		b = append(b, " XID: 0x"...)
		b = appendHexN(b, uint64(m.XID()), 6)
		b = append(b, ' ')
	}
	return appendDHCPv6InfoOptions(b, m.Options(), depth)
}

func appendDHCPv6InfoOptions(b, opts []byte, depth int) []byte {
	for off := 0; depth < 8; {
		code, data, next, ok := nextDHCPv6Option(opts, off)
		if !ok {
			break
		}
		off = next
		switch code {
		case 1:
			b = append(b, "CID: "...)
			b = appendHexBytes(b, data)
			b = append(b, ' ')
		case 5:
			if len(data) >= 16 {
				b = append(b, "IAA: "...)
				b = netip.AddrFrom16([16]byte(data[:16])).AppendTo(b)
				b = append(b, ' ')
			}
		case 9:
			if in, err := ParseDHCPv6(data); err == nil {
				b = appendDHCPv6Info(b, in, depth+1)
			}
		}
		if sub, ok := dhcpv6Nested(code, data); ok {
			b = appendDHCPv6InfoOptions(b, sub, depth+1)
		}
	}
	return b
}

var tcpdumpDHCPv6Types = [...]string{
	1: "solicit", 2: "advertise", 3: "request", 4: "confirm", 5: "renew", 6: "rebind",
	7: "reply", 8: "release", 9: "decline", 10: "reconfigure", 11: "inf-req",
	12: "relay-fwd", 13: "relay-reply", 14: "leasequery", 15: "leasequery-reply",
	16: "leasequery-done", 17: "leasequery-data", 18: "reconfigure-request", 19: "reconfigure-reply",
}

// lineDHCPv6 appends tcpdump's "dhcp6 solicit", with -v the transaction
// ID and the options, " [|dhcp6]" where they run off the capture.
func (p *LinePrinter) lineDHCPv6(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if p.Options.Quiet {
		return appendUDPLength(b, udpTunnelLen(d, i))
	}
	data := d.data[l.Start:l.End]
	if w := udpTunnelLen(d, i); w < len(data) {
		data = data[:max(w, 0)]
	}
	b, _ = p.appendDHCPv6Message(b, data, 0)
	return b
}

// tcpdump 4.99's names of the DHCPv6 options.
var tcpdumpDHCPv6Options = map[uint16]string{
	1: "client-ID", 2: "server-ID", 3: "IA_NA", 4: "IA_TA", 5: "IA_ADDR", 6: "option-request",
	7: "preference", 8: "elapsed-time", 9: "relay-message", 11: "authentication",
	12: "server-unicast", 13: "status-code", 14: "rapid-commit", 15: "user-class",
	16: "vendor-class", 17: "vendor-specific-info", 18: "interface-ID", 19: "reconfigure-message",
	20: "reconfigure-accept", 21: "SIP-servers-domain", 22: "SIP-servers-address", 23: "DNS-server",
	24: "DNS-search-list", 25: "IA_PD", 26: "IA_PD-prefix", 31: "SNTP-servers", 32: "lifetime",
	27: "NIS-server", 28: "NIS+-server", 29: "NIS-domain-name", 30: "NIS+-domain-name",
	33: "BCMCS-domain-name", 34: "BCMCS-server", 36: "Geoconf-Civic", 37: "Remote-ID",
	38: "Subscriber-ID", 39: "Client-FQDN", 40: "PANA-agent", 41: "POSIX-timezone",
	42: "POSIX-tz-database", 43: "Echo-request-option", 44: "Lease-query", 45: "LQ-client-data",
	46: "Clt-time", 47: "LQ-relay-data", 48: "LQ-client-link", 56: "NTP-server",
	64: "AFTR-Name", 112: "MUD-URL",
}

var tcpdumpDHCPv6Status = [...]string{
	"Success", "UnspecFail", "NoAddrsAvail", "NoBinding", "NotOnLink", "UseMulticast",
	"NoPrefixAvail", "UnknownQueryType", "MalformedQuery", "NotConfigured", "NotAllowed",
}

func appendDHCPv6OptName(b []byte, code uint16) []byte {
	if n, ok := tcpdumpDHCPv6Options[code]; ok {
		return append(b, n...)
	}
	b = append(b, "opt_"...)
	return strconv.AppendUint(b, uint64(code), 10)
}

func appendHexRun(b, data []byte) []byte {
	for _, c := range data {
		b = appendHex2(b, c)
	}
	return b
}

// appendFQDN appends a DNS-encoded name as tcpdump's fqdn_print does
// ("example.com."); it returns the bytes used, or -1 where it gives up.
func appendFQDN(b, data []byte) ([]byte, int) {
	off := 0
	if len(data) > 0 && data[0] == 0 {
		return append(b, '.'), 1
	}
	for {
		if off >= len(data) {
			return b, -1
		}
		n := int(data[off])
		off++
		if n == 0 {
			return b, off
		}
		if n > 63 || off+n > len(data) {
			return b, -1
		}
		b = appendPrintable(b, data[off:off+n])
		b = append(b, '.')
		off += n
	}
}

// appendDHCPv6Opts appends the options as tcpdump -v's dhcp6opt_print does:
// " (name data)" each, and " [|dhcp6]" where one runs past the message (or
// is one rawcap does not print yet), after which the options around it go
// on as tcpdump's do.
func (p *LinePrinter) appendDHCPv6Opts(b, opts []byte, depth int) (_ []byte, trunc bool) {
	for off := 0; off < len(opts); {
		if off+4 > len(opts) {
			return append(b, " [|dhcp6]"...), false
		}
		n := int(be16(opts[off+2:]))
		if off+4+n > len(opts) {
			return append(b, " [|dhcp6]"...), false
		}
		code, data := be16(opts[off:]), opts[off+4:off+4+n]
		off += 4 + n
		b = append(b, " ("...)
		b = appendDHCPv6OptName(b, code)
		bad := func() { b = append(b, " ?)"...) }
		switch code {
		case 1, 2:
			if n < 2 {
				bad()
				break
			}
			switch be16(data) {
			case 1:
				if n < 8 {
					bad()
					break
				}
				b = append(b, " hwaddr/time type "...)
				b = strconv.AppendUint(b, uint64(be16(data[2:])), 10)
				b = append(b, " time "...)
				b = strconv.AppendUint(b, uint64(be32(data[4:])), 10)
				b = append(b, ' ')
				b = appendHexRun(b, data[8:])
				b = append(b, ')')
			case 2:
				if n < 10 {
					bad()
					break
				}
				b = append(b, " vid "...)
				b = appendHexRun(b, data[2:10])
				b = append(b, ')')
			case 3:
				if n < 4 {
					bad()
					break
				}
				b = append(b, " hwaddr type "...)
				b = strconv.AppendUint(b, uint64(be16(data[2:])), 10)
				b = append(b, ' ')
				b = appendHexRun(b, data[4:])
				b = append(b, ')')
			default:
				b = append(b, " type "...)
				b = strconv.AppendUint(b, uint64(be16(data)), 10)
				b = append(b, ')')
			}
		case 5:
			if n < 24 {
				bad()
				break
			}
			b = append(b, ' ')
			b = netip.AddrFrom16([16]byte(data[:16])).AppendTo(b)
			b = append(b, " pltime:"...)
			b = strconv.AppendUint(b, uint64(be32(data[16:])), 10)
			b = append(b, " vltime:"...)
			b = strconv.AppendUint(b, uint64(be32(data[20:])), 10)
			if n > 24 {
				b, _ = p.appendDHCPv6Opts(b, data[24:], depth+1)
			}
			b = append(b, ')')
		case 6, 43:
			if n%2 != 0 {
				bad()
				break
			}
			for k := 0; k < n; k += 2 {
				b = append(b, ' ')
				b = appendDHCPv6OptName(b, be16(data[k:]))
			}
			b = append(b, ')')
		case 7:
			if n != 1 {
				bad()
				break
			}
			b = append(b, ' ')
			b = strconv.AppendUint(b, uint64(data[0]), 10)
			b = append(b, ')')
		case 8:
			if n != 2 {
				bad()
				break
			}
			b = append(b, ' ')
			b = strconv.AppendUint(b, uint64(be16(data)), 10)
			b = append(b, ')')
		case 9:
			b = append(b, " ("...)
			b, _ = p.appendDHCPv6Message(b, data, depth+1)
			b = append(b, ')')
		case 14, 20:
			b = append(b, ')')
		case 18, 38:
			b = append(b, ' ')
			b = appendHexRun(b, data[:min(n, 10)])
			b = append(b, "...)"...)
		case 19:
			if n != 1 {
				bad()
				break
			}
			switch data[0] {
			case 5:
				b = append(b, " for renew)"...)
			case 11:
				b = append(b, " for inf-req)"...)
			default:
				b = append(b, " for ???("...)
				b = appendHex2(b, data[0])
				b = append(b, "))"...)
			}
		case 22, 23, 31, 27, 28, 34, 40, 48:
			if n%16 != 0 {
				bad()
				break
			}
			for k := 0; k < n; k += 16 {
				b = append(b, ' ')
				b = netip.AddrFrom16([16]byte(data[k : k+16])).AppendTo(b)
			}
			b = append(b, ')')
		case 21, 24:
			for k := 0; k < n; {
				b = append(b, ' ')
				var used int
				if b, used = appendFQDN(b, data[k:]); used < 0 {
					return append(b, " [|dhcp6]"...), false
				}
				k += used
			}
			b = append(b, ')')
		case 13:
			if n < 2 {
				bad()
				break
			}
			b = append(b, ' ')
			switch c := be16(data); {
			case c > 255:
				b = append(b, "INVALID code"...)
			case int(c) < len(tcpdumpDHCPv6Status):
				b = append(b, tcpdumpDHCPv6Status[c]...)
			default:
				b = append(b, "code"...)
				b = strconv.AppendUint(b, uint64(c), 10)
			}
			b = append(b, ')')
		case 3, 25:
			if n < 12 {
				bad()
				break
			}
			b = append(b, " IAID:"...)
			b = strconv.AppendUint(b, uint64(be32(data)), 10)
			b = append(b, " T1:"...)
			b = strconv.AppendUint(b, uint64(be32(data[4:])), 10)
			b = append(b, " T2:"...)
			b = strconv.AppendUint(b, uint64(be32(data[8:])), 10)
			if n > 12 {
				b, _ = p.appendDHCPv6Opts(b, data[12:], depth+1)
			}
			b = append(b, ')')
		case 4:
			if n < 4 {
				bad()
				break
			}
			b = append(b, " IAID:"...)
			b = strconv.AppendUint(b, uint64(be32(data)), 10)
			if n > 4 {
				b, _ = p.appendDHCPv6Opts(b, data[4:], depth+1)
			}
			b = append(b, ')')
		case 26:
			if n < 25 {
				bad()
				break
			}
			b = append(b, ' ')
			b = netip.AddrFrom16([16]byte(data[9:25])).AppendTo(b)
			b = append(b, '/')
			b = strconv.AppendUint(b, uint64(data[8]), 10)
			b = append(b, " pltime:"...)
			b = strconv.AppendUint(b, uint64(be32(data)), 10)
			b = append(b, " vltime:"...)
			b = strconv.AppendUint(b, uint64(be32(data[4:])), 10)
			if n > 25 {
				b, _ = p.appendDHCPv6Opts(b, data[25:], depth+1)
			}
			b = append(b, ')')
		case 32, 46:
			if n != 4 {
				bad()
				break
			}
			b = append(b, ' ')
			b = strconv.AppendUint(b, uint64(be32(data)), 10)
			b = append(b, ')')
		case 37:
			if n < 4 {
				bad()
				break
			}
			b = append(b, ' ')
			b = strconv.AppendUint(b, uint64(be32(data)), 10)
			b = append(b, ' ')
			b = appendHexRun(b, data[4:min(n, 14)])
			b = append(b, "...)"...)
		case 56:
			if n < 4 {
				bad()
				break
			}
			for k := 0; k < n-4; {
				sc, sl := be16(data[k:]), int(be16(data[k+2:]))
				k += 4
				if k+sl > n {
					return append(b, " [|dhcp6]"...), false
				}
				b = append(b, " subopt:"...)
				b = strconv.AppendUint(b, uint64(sc), 10)
				switch sc {
				case 1, 2:
					if sl != 16 {
						b = append(b, " ?"...)
						break
					}
					b = append(b, ' ')
					b = netip.AddrFrom16([16]byte(data[k : k+16])).AppendTo(b)
				case 3:
					b = append(b, ' ')
					var used int
					if b, used = appendFQDN(b, data[k:k+sl]); used < 0 {
						return append(b, " [|dhcp6]"...), false
					}
				default:
					b = append(b, " ?"...)
				}
				k += sl
			}
			b = append(b, ')')
		case 41, 42, 112:
			if n < 5 {
				bad()
				break
			}
			b = append(b, ' ')
			s := data
			for k, c := range s {
				if c == 0 {
					s = s[:k]
					break
				}
			}
			b = appendPrintable(b, s)
			b = append(b, ')')
		case 11, 44, 45, 47, 64:
			// Printed in ways rawcap does not follow yet: give up as on
			// a cut option.
			return append(b, " [|dhcp6]"...), false
		default:
			b = append(b, ')')
		}
	}
	return b, false
}

// appendDHCPv6Message appends a message as tcpdump -v's dhcp6_print does,
// "dhcp6 solicit (xid=… options)".
func (p *LinePrinter) appendDHCPv6Message(b, data []byte, depth int) (_ []byte, trunc bool) {
	b = append(b, "dhcp6"...)
	if len(data) < 4 || depth > 8 {
		return append(b, " [|dhcp6]"...), true
	}
	b = append(b, ' ')
	if t := int(data[0]); t < 16 && tcpdumpDHCPv6Types[t] != "" {
		b = append(b, tcpdumpDHCPv6Types[t]...)
	} else {
		b = append(b, "msgtype-"...)
		b = strconv.AppendInt(b, int64(t), 10)
	}
	if p.Options.Verbose == 0 {
		return b, false
	}
	b = append(b, " ("...)
	m := DHCPv6(data)
	if !m.Relay() {
		b = append(b, "xid="...)
		b = strconv.AppendUint(b, uint64(m.XID()), 16)
		b, _ = p.appendDHCPv6Opts(b, data[4:], depth)
	} else {
		if len(data) < 34 {
			return append(b, " [|dhcp6]"...), true
		}
		b = append(b, "linkaddr="...)
		b = netip.AddrFrom16([16]byte(data[2:18])).AppendTo(b)
		b = append(b, " peeraddr="...)
		b = netip.AddrFrom16([16]byte(data[18:34])).AppendTo(b)
		b, _ = p.appendDHCPv6Opts(b, data[34:], depth)
	}
	return append(b, ')'), false
}
