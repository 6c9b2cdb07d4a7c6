package decode

import "net/netip"

// IPv6 is the fixed IPv6 header (RFC 8200):
//
//	0       4          12                 32
//	+-------+----------+------------------+
//	|version| class    | flow label       |
//	+-------+----------+------------------+
//	| payload length   | next hdr | hops  |
//	+------------------+----------+-------+
//	| source address (16)                 |
//	| destination address (16)            |
type IPv6 []byte

const ipv6Len = 40

// ParseIPv6 returns the IPv6 fixed header at the start of b.
func ParseIPv6(b []byte) (IPv6, error) {
	if len(b) < ipv6Len {
		return nil, ReasonTruncated
	}
	if b[0]>>4 != 6 {
		return nil, ReasonBadVersion
	}
	return IPv6(b[:ipv6Len:ipv6Len]), nil
}

// TrafficClass returns the traffic class byte.
func (ip IPv6) TrafficClass() uint8 { return uint8(be16(ip[0:]) >> 4) }

// FlowLabel returns the 20-bit flow label.
func (ip IPv6) FlowLabel() uint32 { return be32(ip[0:]) & 0xfffff }

// PayloadLength returns the payload length field.
func (ip IPv6) PayloadLength() uint16 { return be16(ip[4:]) }

// NextHeader returns the next header field.
func (ip IPv6) NextHeader() uint8 { return ip[6] }

// HopLimit returns the hop limit.
func (ip IPv6) HopLimit() uint8 { return ip[7] }

// Src returns the source address.
func (ip IPv6) Src() netip.Addr { return netip.AddrFrom16([16]byte(ip[8:24])) }

// Dst returns the destination address.
func (ip IPv6) Dst() netip.Addr { return netip.AddrFrom16([16]byte(ip[24:40])) }

func (d *Decoder) decodeIPv6(l *Layer) LayerType {
	ip, err := ParseIPv6(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + ipv6Len
	if pl := int(ip.PayloadLength()); pl != 0 && l.Payload+pl < l.End {
		l.End = l.Payload + pl
	}
	return ipProtocolLayer(ip.NextHeader(), true)
}

// IPv6Ext is an IPv6 extension header in the common TLV-length format
// (hop-by-hop, routing, destination options) or the fixed 8-byte fragment
// header.
type IPv6Ext []byte

// ParseIPv6Ext returns the extension header at the start of b; fragment says
// whether it is a fragment header (whose length field is reserved).
func ParseIPv6Ext(b []byte, fragment bool) (IPv6Ext, error) {
	if len(b) < 8 {
		return nil, ReasonTruncated
	}
	n := 8
	if !fragment {
		n = (int(b[1]) + 1) * 8
	}
	if len(b) < n {
		return nil, ReasonTruncated
	}
	return IPv6Ext(b[:n:n]), nil
}

// NextHeader returns the next header field.
func (x IPv6Ext) NextHeader() uint8 { return x[0] }

// Len returns the header length in bytes.
func (x IPv6Ext) Len() int { return len(x) }

// Data returns the bytes after the next-header and length fields (options,
// routing data).
func (x IPv6Ext) Data() []byte { return x[2:] }

// RoutingType returns a routing header's type.
func (x IPv6Ext) RoutingType() uint8 { return x[2] }

// SegmentsLeft returns a routing header's segments-left field.
func (x IPv6Ext) SegmentsLeft() uint8 { return x[3] }

// FragOffset returns a fragment header's offset in 8-byte units.
func (x IPv6Ext) FragOffset() uint16 { return be16(x[2:]) >> 3 }

// MoreFragments returns a fragment header's M flag.
func (x IPv6Ext) MoreFragments() bool { return x[3]&1 != 0 }

// FragID returns a fragment header's identification.
func (x IPv6Ext) FragID() uint32 { return be32(x[4:]) }

func (d *Decoder) decodeIPv6Ext(l *Layer) LayerType {
	x, err := ParseIPv6Ext(d.bytes(l), l.Type == LayerIPv6Fragment)
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + x.Len()
	if l.Type == LayerIPv6Fragment && x.FragOffset() != 0 {
		return LayerNone
	}
	return ipProtocolLayer(x.NextHeader(), true)
}

func addr16(b []byte) netip.Addr { return netip.AddrFrom16([16]byte(b)) }

const (
	ipv6Version = iota
	ipv6Tclass
	ipv6TclassDSCP
	ipv6TclassECN
	ipv6Flow
	ipv6Plen
	ipv6Nxt
	ipv6Hlim
	ipv6Src
	ipv6Dst
	ipv6HopoptsNxt
	ipv6HopoptsLen
	ipv6HopoptsLenOct
	ipv6DstoptsNxt
	ipv6DstoptsLen
	ipv6DstoptsLenOct
	ipv6FraghdrNxt
	ipv6FraghdrReservedOctet
	ipv6FraghdrOffset
	ipv6FraghdrReservedBits
	ipv6FraghdrMore
	ipv6FraghdrIdent
	ipv6RoutingNxt
	ipv6RoutingLen
	ipv6RoutingLenOct
	ipv6RoutingType
	ipv6RoutingSegleft
	ipv6RoutingSrcReserved
	ipv6RoutingSrcAddr
	ipv6RoutingMipv6HomeAddress
	ipv6RoutingSrhLastEntry
	ipv6RoutingSrhFlags
	ipv6RoutingSrhTag
	ipv6RoutingSrhAddr
	ipv6Addr
	ipv6SrcHost
	ipv6DstHost
	ipv6Host
	ipv6Src6to4GW
	ipv6Src6to4SLA
	ipv6SrcSLAACMAC
	ipv6Dst6to4GW
	ipv6Dst6to4SLA
	ipv6DstSLAACMAC
	ipv66to4GW
	ipv66to4SLA
	ipv6SLAACMAC
	ipv6FieldCount
)

var ipv6Fields = [ipv6FieldCount]Field{
	ipv6Version:    {Name: "ipv6.version", Label: "Version", Kind: KindUint, Width: 8},
	ipv6Tclass:     {Name: "ipv6.tclass", Label: "Traffic Class", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0xff00000},
	ipv6TclassDSCP: {Name: "ipv6.tclass.dscp", Label: "Differentiated Services Codepoint", Kind: KindUint, Width: 32, Mask: 0xfc00000},
	ipv6TclassECN:  {Name: "ipv6.tclass.ecn", Label: "Explicit Congestion Notification", Kind: KindUint, Width: 32, Mask: 0x300000},
	ipv6Flow:       {Name: "ipv6.flow", Label: "Flow Label", Kind: KindUint, Width: 24, Base: BaseHex, Mask: 0xfffff},
	ipv6Plen:       {Name: "ipv6.plen", Label: "Payload Length", Kind: KindUint, Width: 16},
	ipv6Nxt:        {Name: "ipv6.nxt", Label: "Next Header", Kind: KindUint, Width: 8},
	ipv6Hlim:       {Name: "ipv6.hlim", Label: "Hop Limit", Kind: KindUint, Width: 8},
	ipv6Src:        {Name: "ipv6.src", Label: "Source Address", Kind: KindIPv6},
	ipv6Dst:        {Name: "ipv6.dst", Label: "Destination Address", Kind: KindIPv6},
	ipv6Addr:       {Name: "ipv6.addr", Label: "Source or Destination Address", Kind: KindIPv6},
	ipv6SrcHost:    {Name: "ipv6.src_host", Label: "Source Host", Kind: KindString},
	ipv6DstHost:    {Name: "ipv6.dst_host", Label: "Destination Host", Kind: KindString},
	ipv6Host:       {Name: "ipv6.host", Label: "Source or Destination Host", Kind: KindString},
	// What tshark reads from an address (generated), each beside a hidden
	// copy that names no direction.
	ipv6Src6to4GW:               {Name: "ipv6.src_6to4_gw_ipv4", Label: "Source 6to4 Gateway IPv4", Kind: KindIPv4, Generated: true},
	ipv6Src6to4SLA:              {Name: "ipv6.src_6to4_sla_id", Label: "Source 6to4 SLA ID", Kind: KindUint, Width: 16, Generated: true},
	ipv6SrcSLAACMAC:             {Name: "ipv6.src_slaac_mac", Label: "Source SLAAC MAC", Kind: KindMAC, Generated: true},
	ipv6Dst6to4GW:               {Name: "ipv6.dst_6to4_gw_ipv4", Label: "Destination 6to4 Gateway IPv4", Kind: KindIPv4, Generated: true},
	ipv6Dst6to4SLA:              {Name: "ipv6.dst_6to4_sla_id", Label: "Destination 6to4 SLA ID", Kind: KindUint, Width: 16, Generated: true},
	ipv6DstSLAACMAC:             {Name: "ipv6.dst_slaac_mac", Label: "Destination SLAAC MAC", Kind: KindMAC, Generated: true},
	ipv66to4GW:                  {Name: "ipv6.6to4_gw_ipv4", Label: "6to4 Gateway IPv4", Kind: KindIPv4, Generated: true},
	ipv66to4SLA:                 {Name: "ipv6.6to4_sla_id", Label: "6to4 SLA ID", Kind: KindUint, Width: 16, Generated: true},
	ipv6SLAACMAC:                {Name: "ipv6.slaac_mac", Label: "SLAAC MAC", Kind: KindMAC, Generated: true},
	ipv6HopoptsNxt:              {Name: "ipv6.hopopts.nxt", Label: "Next Header", Kind: KindUint, Width: 8},
	ipv6HopoptsLen:              {Name: "ipv6.hopopts.len", Label: "Length", Kind: KindUint, Width: 8},
	ipv6HopoptsLenOct:           {Name: "ipv6.hopopts.len_oct", Label: "Length", Kind: KindUint, Width: 16, Unit: " bytes", Generated: true},
	ipv6DstoptsNxt:              {Name: "ipv6.dstopts.nxt", Label: "Next Header", Kind: KindUint, Width: 8},
	ipv6DstoptsLen:              {Name: "ipv6.dstopts.len", Label: "Length", Kind: KindUint, Width: 8},
	ipv6DstoptsLenOct:           {Name: "ipv6.dstopts.len_oct", Label: "Length", Kind: KindUint, Width: 16, Unit: " bytes", Generated: true},
	ipv6FraghdrNxt:              {Name: "ipv6.fraghdr.nxt", Label: "Next header", Kind: KindUint, Width: 8},
	ipv6FraghdrReservedOctet:    {Name: "ipv6.fraghdr.reserved_octet", Label: "Reserved octet", Kind: KindUint, Width: 8, Base: BaseHex},
	ipv6FraghdrOffset:           {Name: "ipv6.fraghdr.offset", Label: "Offset", Kind: KindUint, Width: 16, Mask: 0xfff8},
	ipv6FraghdrReservedBits:     {Name: "ipv6.fraghdr.reserved_bits", Label: "Reserved bits", Kind: KindUint, Width: 16, Mask: 0x6},
	ipv6FraghdrMore:             {Name: "ipv6.fraghdr.more", Label: "More Fragments", Kind: KindBool, Width: 16, Mask: 0x1},
	ipv6FraghdrIdent:            {Name: "ipv6.fraghdr.ident", Label: "Identification", Kind: KindUint, Width: 32, Base: BaseHex},
	ipv6RoutingNxt:              {Name: "ipv6.routing.nxt", Label: "Next Header", Kind: KindUint, Width: 8},
	ipv6RoutingLen:              {Name: "ipv6.routing.len", Label: "Length", Kind: KindUint, Width: 8},
	ipv6RoutingLenOct:           {Name: "ipv6.routing.len_oct", Label: "Length", Kind: KindUint, Width: 16, Unit: " bytes", Generated: true},
	ipv6RoutingType:             {Name: "ipv6.routing.type", Label: "Type", Kind: KindUint, Width: 8},
	ipv6RoutingSegleft:          {Name: "ipv6.routing.segleft", Label: "Segments Left", Kind: KindUint, Width: 8},
	ipv6RoutingSrcReserved:      {Name: "ipv6.routing.src.reserved", Label: "Reserved", Kind: KindBytes},
	ipv6RoutingSrcAddr:          {Name: "ipv6.routing.src.addr", Label: "Address", Kind: KindIPv6},
	ipv6RoutingMipv6HomeAddress: {Name: "ipv6.routing.mipv6.home_address", Label: "Home Address", Kind: KindIPv6},
	ipv6RoutingSrhLastEntry:     {Name: "ipv6.routing.srh.last_entry", Label: "Last Entry", Kind: KindUint, Width: 8},
	ipv6RoutingSrhFlags:         {Name: "ipv6.routing.srh.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	ipv6RoutingSrhTag:           {Name: "ipv6.routing.srh.tag", Label: "Tag", Kind: KindBytes},
	ipv6RoutingSrhAddr:          {Name: "ipv6.routing.srh.addr", Label: "Address", Kind: KindIPv6},
}

var protoIPv6 = protoField("ipv6", "Internet Protocol Version 6")

// The groups JSON shows as arrays of addresses.
var (
	ipv6RoutingSrcAddrs = Field{Name: "ipv6.routing.src.addr", Shape: ShapeValues}
	ipv6RoutingSrhAddrs = Field{Name: "ipv6.routing.srh.addr", Shape: ShapeValues}
)

// emitIPv6 emits an IPv6 header's fields, then, but in a tree list, those
// of the extension headers that follow it (Wireshark shows them inside
// "ipv6"; the tree draws each from its own layer). In a tree list the
// first four bytes, bytes 6 and 7 and each address are blocks of lines
// remembered by those bytes (Memo), as most packets of a flow repeat them.
func emitIPv6(e *emitter, i int) {
	l := &e.d.layers[i]
	e.Proto(&protoIPv6)
	if l.Payload > l.Start {
		ip := IPv6(e.d.data[l.Start:l.Payload])
		f := &ipv6Fields
		if e.Tree() {
			b := ip.Src().AppendTo(append(e.Text(), "Internet Protocol Version 6, Src: "...))
			b = append(b, ", Dst: "...)
			e.SetRepr(ip.Dst().AppendTo(b))
		}
		if e.Memo(memoIPv6Head, ip[:4]) {
			emitIPv6Head(e, ip)
			e.MemoEnd()
		}
		e.Uint(&f[ipv6Plen], uint64(ip.PayloadLength()))
		if e.Memo(memoIPv6Next, ip[6:8]) {
			e.Uint(&f[ipv6Nxt], uint64(ip.NextHeader()))
			e.Uint(&f[ipv6Hlim], uint64(ip.HopLimit()))
			e.MemoEnd()
		}
		if e.Memo(memoIPv6Src, ip[8:24]) {
			e.IPv6(&f[ipv6Src], ip[8:24])
			emitHostCopies(e, netip.AddrFrom16([16]byte(ip[8:24])), &f[ipv6Addr], &f[ipv6SrcHost], &f[ipv6Host])
			e.MemoEnd()
		}
		if e.Memo(memoIPv6Dst, ip[24:40]) {
			e.IPv6(&f[ipv6Dst], ip[24:40])
			emitHostCopies(e, netip.AddrFrom16([16]byte(ip[24:40])), &f[ipv6Addr], &f[ipv6DstHost], &f[ipv6Host])
			e.MemoEnd()
		}
		emitIPv6AddrDetail(e, ip[8:24], &f[ipv6Src6to4GW], &f[ipv6Src6to4SLA], &f[ipv6SrcSLAACMAC])
		emitIPv6AddrDetail(e, ip[24:40], &f[ipv6Dst6to4GW], &f[ipv6Dst6to4SLA], &f[ipv6DstSLAACMAC])
		if !e.Tree() {
			emitIPv6Ext(e, i)
		}
	}
	e.End()
}

// emitIPv6Head emits the fields of IPv6's first four bytes (version,
// traffic class, flow label).
func emitIPv6Head(e *emitter, ip IPv6) {
	f := &ipv6Fields
	e.Uint(&f[ipv6Version], 6)
	if e.Tree() {
		e.SetRepr(append(appendBitDrawing(e.Text(), uint64(ip[0]), 8, 0xf0), " = Version: 6"...))
	}
	e.Hidden(true)
	e.Uint(&ipFields[ipVersion], 6) // Wireshark's hidden ip.version
	e.Hidden(false)
	tc := ip.TrafficClass()
	e.Uint(&f[ipv6Tclass], uint64(tc))
	if e.Tree() {
		b := append(appendBitDrawing(e.Text(), uint64(be32(ip)), 32, f[ipv6Tclass].Mask), " = Traffic Class: 0x"...)
		b = appendDSCPShort(append(appendHex2(b, tc), " (DSCP: "...), tc>>2)
		b = append(append(b, ", ECN: "...), ecnShort[tc&3]...)
		e.SetRepr(append(b, ')'))
	}
	e.Sub()
	e.Uint(&f[ipv6TclassDSCP], uint64(tc>>2))
	e.Uint(&f[ipv6TclassECN], uint64(tc&3))
	e.Up()
	e.Uint(&f[ipv6Flow], uint64(ip.FlowLabel()))
}

// emitIPv6AddrDetail emits what tshark reads from an address a: the
// gateway and SLA ID of a 6to4 address, the MAC address of a SLAAC
// interface ID (gw, sla and mac name the source's or the destination's
// fields; hidden copies that name neither follow each).
func emitIPv6AddrDetail(e *emitter, a []byte, gw, sla, mac *Field) {
	f := &ipv6Fields
	if a[0] == 0x20 && a[1] == 0x02 {
		e.IPv4(gw, a[2:6])
		if e.all {
			e.Hidden(true)
			e.IPv4(&f[ipv66to4GW], a[2:6])
			e.Hidden(false)
		}
		e.Uint(sla, uint64(be16(a[6:])))
		if e.all {
			e.Hidden(true)
			e.Uint(&f[ipv66to4SLA], uint64(be16(a[6:])))
			e.Hidden(false)
		}
	}
	if a[11] == 0xff && a[12] == 0xfe && a[8]&2 != 0 { // from a universal MAC
		m := MAC{a[8] ^ 2, a[9], a[10], a[13], a[14], a[15]}
		e.MAC(mac, m)
		if e.all {
			e.Hidden(true)
			e.MAC(&f[ipv6SLAACMAC], m)
			e.Hidden(false)
		}
	}
}

// emitIPv6Ext emits the fields of the extension headers after the IPv6
// header at layer i. A header type repeated in one packet is emitted
// once, the first, as tshark -E occurrence=f shows it.
func emitIPv6Ext(e *emitter, i int) {
	d := e.d
	var seen [4]bool
	for j := i + 1; j < d.n; j++ {
		l := &d.layers[j]
		if l.Quoted {
			break
		}
		var k int
		switch l.Type {
		case LayerIPv6HopByHop:
			k = 0
		case LayerIPv6Routing:
			k = 1
		case LayerIPv6Fragment:
			k = 2
		case LayerIPv6DestOpts:
			k = 3
		default:
			continue
		}
		if seen[k] && !e.all || l.Payload == l.Start {
			continue
		}
		seen[k] = true
		x := IPv6Ext(d.data[l.Start:l.Payload])
		if e.all {
			// -T ek writes each header as an object inside ipv6's, as
			// tshark nests its protocol; the JSON object keeps the fields
			// in ipv6's.
			dep := e.NestedProto(ipv6ExtProtos[k])
			emitIPv6ExtFields(e, l.Type, x)
			e.EndNested(dep)
			continue
		}
		emitIPv6ExtFields(e, l.Type, x)
	}
}

// ipv6ExtProtos are the extension headers' protocols, in emitIPv6Ext's
// order.
var ipv6ExtProtos = [4]*Field{&protoIPv6Hopopts, &protoIPv6Routing, &protoIPv6Fraghdr, &protoIPv6Dstopts}

// emitIPv6ExtFields emits the fields of extension header x of type t.
func emitIPv6ExtFields(e *emitter, t LayerType, x IPv6Ext) {
	f := &ipv6Fields
	switch t {
	case LayerIPv6HopByHop:
		e.Uint(&f[ipv6HopoptsNxt], uint64(x.NextHeader()))
		e.Uint(&f[ipv6HopoptsLen], uint64(x[1]))
		e.Uint(&f[ipv6HopoptsLenOct], uint64(x.Len()))
	case LayerIPv6DestOpts:
		e.Uint(&f[ipv6DstoptsNxt], uint64(x.NextHeader()))
		e.Uint(&f[ipv6DstoptsLen], uint64(x[1]))
		e.Uint(&f[ipv6DstoptsLenOct], uint64(x.Len()))
	case LayerIPv6Fragment:
		emitIPv6Fragment(e, x)
	case LayerIPv6Routing:
		emitIPv6Routing(e, x)
	}
}

// The extension headers' lines in IPv6's tree.
var (
	protoIPv6Fraghdr = protoField("ipv6.fraghdr", "Fragment Header for IPv6")
	protoIPv6Routing = protoField("ipv6.routing", "Routing Header for IPv6")
	protoIPv6Hopopts = protoField("ipv6.hopopts", "IPv6 Hop-by-Hop Option")
	protoIPv6Dstopts = protoField("ipv6.dstopts", "Destination Options for IPv6")
)

// emitIPv6ExtTree draws the extension header at layer i, in a tree list,
// as tshark does: a subtree of the IPv6 header's (InsidePrevious). The
// other outputs have its fields inside ipv6 (emitIPv6Ext), so outside a
// tree list it emits nothing, and the protocol table lists no protocol
// for the layer. A header cut short draws nothing (the malformed mark
// follows).
func emitIPv6ExtTree(e *emitter, i int) {
	l := &e.d.layers[i]
	if !e.Tree() || l.Payload == l.Start {
		return
	}
	x := IPv6Ext(e.d.data[l.Start:l.Payload])
	f := &ipv6Fields
	switch l.Type {
	case LayerIPv6HopByHop:
		e.Proto(&protoIPv6Hopopts)
		e.InsidePrevious()
		e.Uint(&f[ipv6HopoptsNxt], uint64(x.NextHeader()))
		e.Uint(&f[ipv6HopoptsLen], uint64(x[1]))
		e.Uint(&f[ipv6HopoptsLenOct], uint64(x.Len()))
		emitIPv6OptionLines(e, x[2:])
		e.End()
	case LayerIPv6DestOpts:
		e.Proto(&protoIPv6Dstopts)
		e.InsidePrevious()
		e.Uint(&f[ipv6DstoptsNxt], uint64(x.NextHeader()))
		e.Uint(&f[ipv6DstoptsLen], uint64(x[1]))
		e.Uint(&f[ipv6DstoptsLenOct], uint64(x.Len()))
		emitIPv6OptionLines(e, x[2:])
		e.End()
	case LayerIPv6Fragment:
		e.Proto(&protoIPv6Fraghdr)
		e.InsidePrevious()
		emitIPv6Fragment(e, x)
		e.End()
	case LayerIPv6Routing:
		name := routingTypeName(x.RoutingType())
		if name == "" {
			return // a type whose wording is not known here: no line
		}
		e.Proto(&protoIPv6Routing)
		e.SetRepr(append(append(append(e.Text(), "Routing Header for IPv6 ("...), name...), ')'))
		e.InsidePrevious()
		emitIPv6Routing(e, x)
		e.End()
	}
}

// emitIPv6OptionLines adds, in a tree list, the lines tshark draws for the
// hop-by-hop or destination options in o, as far as their wording is known
// here: PadN, Router Alert (MLD), Jumbo Payload, and the head of any other
// option; the list ends where that runs out (Pad1 included). They are
// lines, not fields: the other outputs have no ipv6.opt fields (tshark's
// repeat per option, in groups JSON shows as objects, which rawcap does
// not model yet).
func emitIPv6OptionLines(e *emitter, o []byte) {
	for ; len(o) >= 2 && o[0] != 0 && 2+int(o[1]) <= len(o); o = o[2+int(o[1]):] {
		typ, n := o[0], int(o[1])
		name := ipv6OptionName(typ)
		b := e.Text()
		if name != "" {
			b = append(b, name...)
		} else {
			b = append(appendUint(append(b, "Unknown IPv6 Option ("...), uint64(typ)), ')')
		}
		e.Line(b)
		e.Sub()
		b = append(e.Text(), "Type: "...)
		if name == "" {
			name = "Unknown"
		}
		e.Line(append(appendHex2(append(append(b, name...), " (0x"...), typ), ')'))
		e.Sub()
		b = append(appendBitDrawing(e.Text(), uint64(typ), 8, 0xc0), " = Action: "...)
		e.Line(append(b, ipv6OptionActions[typ>>6]...))
		b = append(appendBitDrawing(e.Text(), uint64(typ), 8, 0x20), " = May Change: "...)
		if typ&0x20 != 0 {
			e.Line(append(b, "Yes"...))
		} else {
			e.Line(append(b, "No"...))
		}
		b = append(appendBitDrawing(e.Text(), uint64(typ), 8, 0x1f), " = Low-Order Bits: 0x"...)
		e.Line(appendHex2(b, typ&0x1f))
		e.Up()
		e.Line(appendUint(append(e.Text(), "Length: "...), uint64(n)))
		known := true
		switch {
		case typ == 1 && n == 0:
			e.LineString("PadN: <none>")
		case typ == 1:
			e.Line(appendWSBytes(append(e.Text(), "PadN: "...), o[2:2+n]))
		case typ == 5 && n == 2 && be16(o[2:]) == 0:
			e.LineString("Router Alert: MLD (0)")
		case typ == 0xc2 && n == 4:
			e.Line(appendUint(append(e.Text(), "Payload Length: "...), uint64(be32(o[2:]))))
		default:
			known = false // a value whose wording is not known here
		}
		e.Up()
		if !known {
			return
		}
	}
}

// ipv6OptionName returns tshark's name of a hop-by-hop or destination
// option type, or "" for the ones drawn as unknown here.
func ipv6OptionName(typ uint8) string {
	switch typ {
	case 1:
		return "PadN"
	case 5:
		return "Router Alert"
	case 0xc2:
		return "Jumbo Payload"
	}
	return ""
}

// ipv6OptionActions names the two high bits of an option type (RFC 8200
// section 4.2) as tshark does.
var ipv6OptionActions = [4]string{"Skip and continue (0)", "Discard (1)",
	"Discard and send ICMP Parameter Problem (2)", "Discard and send ICMP if not multicast (3)"}

// emitIPv6Fragment emits a fragment header's fields.
func emitIPv6Fragment(e *emitter, x IPv6Ext) {
	f := &ipv6Fields
	e.Uint(&f[ipv6FraghdrNxt], uint64(x.NextHeader()))
	e.Uint(&f[ipv6FraghdrReservedOctet], uint64(x[1]))
	e.Uint(&f[ipv6FraghdrOffset], uint64(x.FragOffset()))
	if e.Tree() {
		// With the offset in bytes, as tshark's tree shows it.
		b := append(appendBitDrawing(e.Text(), uint64(be16(x[2:])), 16, 0xfff8), " = Offset: "...)
		b = append(appendUint(append(appendUint(b, uint64(x.FragOffset())), " ("...), uint64(x.FragOffset())*8), " bytes)"...)
		e.SetRepr(b)
	}
	e.Uint(&f[ipv6FraghdrReservedBits], uint64(x[3]>>1&3))
	e.Bool(&f[ipv6FraghdrMore], x.MoreFragments())
	e.Uint(&f[ipv6FraghdrIdent], uint64(x.FragID()))
}

// emitIPv6Routing emits a routing header's fields: the common ones, then
// those of a source route (type 0), a Mobile IPv6 home address (type 2) or
// a segment routing header (type 4, RFC 8754).
func emitIPv6Routing(e *emitter, x IPv6Ext) {
	f := &ipv6Fields
	e.Uint(&f[ipv6RoutingNxt], uint64(x.NextHeader()))
	e.Uint(&f[ipv6RoutingLen], uint64(x[1]))
	e.Uint(&f[ipv6RoutingLenOct], uint64(x.Len()))
	e.Uint(&f[ipv6RoutingType], uint64(x.RoutingType()))
	if x.RoutingType() == 0 {
		e.Sub()
		e.ExpertLine("Note", "Deprecated", "Routing header type is deprecated", nil)
		e.Up()
	}
	e.Uint(&f[ipv6RoutingSegleft], uint64(x.SegmentsLeft()))
	switch x.RoutingType() {
	case 0:
		e.Bytes(&f[ipv6RoutingSrcReserved], x[4:8])
		emitIPv6AddrList(e, &ipv6RoutingSrcAddrs, &f[ipv6RoutingSrcAddr], x[8:], true)
	case 2:
		if len(x) >= 24 {
			e.IPv6(&f[ipv6RoutingMipv6HomeAddress], x[8:24])
		}
	case 4:
		e.Uint(&f[ipv6RoutingSrhLastEntry], uint64(x[4]))
		e.Uint(&f[ipv6RoutingSrhFlags], uint64(x[5]))
		// The tree stops at the flags (the tag's and the segments'
		// wording is not known here).
		e.Bytes(&f[ipv6RoutingSrhTag], x[6:8])
		e.NoTree()
		// The segment list holds last_entry+1 addresses; the TLVs follow.
		n := min(int(x[4])+1, (len(x)-8)/16)
		emitIPv6AddrList(e, &ipv6RoutingSrhAddrs, &f[ipv6RoutingSrhAddr], x[8:8+16*n], false)
	}
}

// emitIPv6AddrList emits the IPv6 addresses packed in b as field f in group
// g (nothing when b holds none). In a tree list each is drawn as
// "Address[n]: a", n counting from 1, when numbered, else not at all.
func emitIPv6AddrList(e *emitter, g, f *Field, b []byte, numbered bool) {
	if len(b) < 16 {
		return
	}
	e.Group(g)
	for off := 0; off+16 <= len(b); off += 16 {
		e.IPv6(f, b[off:off+16])
		if e.Tree() {
			if !numbered {
				e.NoTree()
				continue
			}
			t := append(appendUint(append(e.Text(), "Address["...), uint64(off/16+1)), "]: "...)
			e.SetRepr(addr16(b[off : off+16]).AppendTo(t))
		}
	}
	e.End()
}

// treeFinalDst returns the destination an upper layer i checksums against:
// dst, or the last address of a type 0 routing header or the first segment
// of a segment routing header with segments left (RFC 8200 section 8.1).
func treeFinalDst(d *Decoder, i int, dst netip.Addr) netip.Addr {
	for j := i - 1; j >= 0 && d.layers[j].Type != LayerIPv6; j-- {
		l := &d.layers[j]
		if l.Type != LayerIPv6Routing || l.Payload-l.Start < 24 {
			continue
		}
		x := IPv6Ext(d.data[l.Start:l.Payload])
		if x.SegmentsLeft() == 0 {
			continue
		}
		switch x.RoutingType() {
		case 0:
			n := (len(x) - 8) / 16
			dst = addr16(x[8+16*(n-1) : 8+16*n])
		case 4:
			dst = addr16(x[8:24])
		}
	}
	return dst
}

// routingTypeName returns Wireshark's name of the IPv6 routing types this
// tree draws, or "".
func routingTypeName(typ uint8) string {
	switch typ {
	case 0:
		return "Source Route"
	case 4:
		return "Segment Routing"
	}
	return ""
}
