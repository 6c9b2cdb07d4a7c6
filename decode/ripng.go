package decode

import (
	"net/netip"
	"strconv"
)

// RIPng is a RIPng message (RFC 2080), carried in UDP port 521: a command,
// a version, two reserved bytes, then 20-byte route table entries (an IPv6
// prefix, a route tag, a prefix length, a metric).
type RIPng []byte

const (
	ripngPort   = 521
	ripngRTELen = 20
)

// ParseRIPng returns the RIPng message at the start of b (its 4-byte
// header must be there).
func ParseRIPng(b []byte) (RIPng, error) {
	if len(b) < 4 {
		return nil, ReasonTruncated
	}
	return RIPng(b[:len(b):len(b)]), nil
}

func (d *Decoder) decodeRIPng(l *Layer) LayerType {
	if _, err := ParseRIPng(d.bytes(l)); err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.End
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	ripngCmd = iota
	ripngVersion
	ripngReserved
	ripngRTE
	ripngPrefix
	ripngRouteTag
	ripngPrefixLen
	ripngMetric
	ripngFieldCount
)

var ripngFields = [ripngFieldCount]Field{
	ripngCmd:       {Name: "ripng.cmd", Label: "Command", Kind: KindUint, Width: 8},
	ripngVersion:   {Name: "ripng.version", Label: "Version", Kind: KindUint, Width: 8},
	ripngReserved:  {Name: "ripng.reserved", Label: "Reserved", Kind: KindBytes},
	ripngRTE:       {Name: "ripng.rte", Label: "Route Table Entry", Kind: KindNone},
	ripngPrefix:    {Name: "ripng.rte.ipv6_prefix", Label: "IPv6 Prefix", Kind: KindIPv6},
	ripngRouteTag:  {Name: "ripng.rte.route_tag", Label: "Route Tag", Kind: KindUint, Width: 16, Base: BaseHex},
	ripngPrefixLen: {Name: "ripng.rte.prefix_length", Label: "Prefix Length", Kind: KindUint, Width: 8},
	ripngMetric:    {Name: "ripng.rte.metric", Label: "Metric", Kind: KindUint, Width: 8},
}

var protoRIPng = protoField("ripng", "RIPng")

// emitRIPng emits the header and each route table entry (JSON: the
// first) in the order and nesting of tshark's tree, which is drawn from
// them (treefields.go). Like tshark, it shows the entry that the message's
// end cuts short as the entry's title alone.
func emitRIPng(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoRIPng)
	if l.Malformed == "" {
		r := RIPng(d.data[l.Start:l.End])
		f := &ripngFields
		e.Uint(&f[ripngCmd], uint64(r[0]))
		e.Uint(&f[ripngVersion], uint64(r[1]))
		e.Bytes(&f[ripngReserved], r[2:4])
		k := 4
		for ; k+ripngRTELen <= len(r); k += ripngRTELen {
			en := r[k : k+ripngRTELen]
			e.None(&f[ripngRTE])
			if e.Tree() {
				b := append(e.Text(), "Route Table Entry: IPv6 Prefix: "...)
				b = addr16(en[:16]).AppendTo(b)
				b = append(b, '/')
				b = strconv.AppendUint(b, uint64(en[18]), 10)
				b = append(b, " Metric: "...)
				e.SetRepr(strconv.AppendUint(b, uint64(en[19]), 10))
			}
			e.Sub()
			e.IPv6(&f[ripngPrefix], en[:16])
			e.Uint(&f[ripngRouteTag], uint64(be16(en[16:])))
			e.Uint(&f[ripngPrefixLen], uint64(en[18]))
			e.Uint(&f[ripngMetric], uint64(en[19]))
			e.Up()
			if !e.all && !e.Tree() {
				break
			}
		}
		if k < len(r) && (e.all || e.Tree()) {
			e.None(&f[ripngRTE])
		}
	}
	e.End()
}

var ripngCommandNames = [3]string{"", "Request", "Response"}

func appendRIPngCommand(b []byte, c uint8) []byte {
	if c == 1 || c == 2 {
		return append(b, ripngCommandNames[c]...)
	}
	return append(b, "Unknown"...)
}

// infoRIPng appends tshark's Info: " Command Response, Version 1".
func infoRIPng(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return b
	}
	r := d.data[l.Start:l.End]
	b = append(b, " Command "...)
	b = appendRIPngCommand(b, r[0])
	b = append(b, ", Version "...)
	return strconv.AppendUint(b, uint64(r[1]), 10)
}

// lineRIPng appends what tcpdump 4.99 prints for RIPng (print-ripng.c):
// " ripng-resp 2: prefix/len [tag] (metric) …", entries on lines of their
// own with -vv.
func (p *LinePrinter) lineRIPng(b []byte, d *Decoder, i int) []byte {
	if p.Options.Quiet {
		return appendQuietUDP(b, d, i)
	}
	l := &d.layers[i]
	r := d.data[l.Start:l.End:l.End]
	length := udpPayloadLen(d, i)
	if len(r) < 2 {
		return append(b, " [|ripng]"...)
	}
	if r[1] != 1 {
		b = append(b, " [vers "...)
		b = strconv.AppendUint(b, uint64(r[1]), 10)
		return append(b, "] (invalid)"...)
	}
	cmd := r[0]
	if cmd != 1 && cmd != 2 {
		b = append(b, " ripng-"...)
		b = strconv.AppendUint(b, uint64(cmd), 10)
		b = append(b, " ?? "...)
		b = strconv.AppendInt(b, int64(length), 10)
		return append(b, " (invalid)"...)
	}
	left := length - 4
	if left < 0 {
		return append(b, " (invalid)"...)
	}
	j := left / ripngRTELen
	if cmd == 1 && j == 1 && len(r) >= 4+ripngRTELen && r[4+19] == 16 && treeAllZero(r[4:20]) {
		return append(b, " ripng-req dump"...)
	}
	if cmd == 1 {
		b = append(b, " ripng-req "...)
	} else {
		b = append(b, " ripng-resp "...)
	}
	b = strconv.AppendInt(b, int64(j), 10)
	if j*ripngRTELen != left {
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(length), 10)
		b = append(b, ']')
	}
	b = append(b, ':')
	for k := 4; left >= ripngRTELen; k, left = k+ripngRTELen, left-ripngRTELen {
		if p.Options.Verbose > 1 {
			b = append(b, "\n\t"...)
		} else {
			b = append(b, ' ')
		}
		if k+ripngRTELen > len(r) {
			return append(b, " [|ripng]"...)
		}
		en := r[k : k+ripngRTELen]
		b = netip.AddrFrom16([16]byte(en[:16])).AppendTo(b)
		b = append(b, '/')
		b = strconv.AppendUint(b, uint64(en[18]), 10)
		if tag := be16(en[16:]); tag != 0 {
			b = append(b, " ["...)
			b = strconv.AppendUint(b, uint64(tag), 10)
			b = append(b, ']')
		}
		if cmd == 2 && en[19] != 0 {
			b = append(b, " ("...)
			b = strconv.AppendUint(b, uint64(en[19]), 10)
			b = append(b, ')')
		}
	}
	if left != 0 {
		b = append(b, " (invalid)"...)
	}
	return b
}
