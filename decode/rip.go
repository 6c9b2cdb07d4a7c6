package decode

import "strconv"

// RIP is a RIP version 1 or 2 message (RFC 1058, RFC 2453), carried in UDP
// port 520: a command, a version, two unused bytes, then 20-byte entries
// (an address family, a route tag in version 2, an address, a netmask and
// a next hop in version 2, a metric). A version 2 entry of family 0xffff
// holds authentication instead.
type RIP []byte

const (
	ripPort     = 520
	ripHeader   = 4
	ripEntryLen = 20
)

// ParseRIP returns the RIP message at the start of b (its 4-byte header
// must be there).
func ParseRIP(b []byte) (RIP, error) {
	if len(b) < ripHeader {
		return nil, ReasonTruncated
	}
	return RIP(b[:len(b):len(b)]), nil
}

// Command returns the command (1 request, 2 response).
func (r RIP) Command() uint8 { return r[0] }

// Version returns the version.
func (r RIP) Version() uint8 { return r[1] }

func (d *Decoder) decodeRIP(l *Layer) LayerType {
	if _, err := ParseRIP(d.bytes(l)); err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.End
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	ripCommand = iota
	ripVersion
	ripFamily
	ripRouteTag
	ripIP
	ripNetmask
	ripNextHop
	ripMetric
	ripAuthType
	ripAuthPasswd
	ripDigestOffset
	ripKeyID
	ripAuthDataLen
	ripSeqNum
	ripFieldCount
)

var ripFields = [ripFieldCount]Field{
	ripCommand:  {Name: "rip.command", Label: "Command", Kind: KindUint, Width: 8},
	ripVersion:  {Name: "rip.version", Label: "Version", Kind: KindUint, Width: 8},
	ripFamily:   {Name: "rip.family", Label: "Address Family", Kind: KindUint, Width: 16},
	ripRouteTag: {Name: "rip.route_tag", Label: "Route Tag", Kind: KindUint, Width: 16},
	ripIP:       {Name: "rip.ip", Label: "IP Address", Kind: KindIPv4},
	ripNetmask:  {Name: "rip.netmask", Label: "Netmask", Kind: KindIPv4},
	ripNextHop:  {Name: "rip.next_hop", Label: "Next Hop", Kind: KindIPv4},
	ripMetric:   {Name: "rip.metric", Label: "Metric", Kind: KindUint, Width: 16},
	// The authentication entry's (version 2, family 0xffff, first).
	ripAuthType:     {Name: "rip.auth.type", Label: "Authentication type", Kind: KindUint, Width: 16},
	ripAuthPasswd:   {Name: "rip.auth.passwd", Label: "Password", Kind: KindString},
	ripDigestOffset: {Name: "rip.digest_offset", Label: "Digest Offset", Kind: KindUint, Width: 16},
	ripKeyID:        {Name: "rip.key_id", Label: "Key ID", Kind: KindUint, Width: 8},
	ripAuthDataLen:  {Name: "rip.auth_data_len", Label: "Auth Data Len", Kind: KindUint, Width: 8},
	ripSeqNum:       {Name: "rip.seq_num", Label: "Seq num", Kind: KindUint, Width: 32},
}

var protoRIP = protoField("rip", "Routing Information Protocol")

// ripRouteEntry reports whether an entry is an address entry whose lines
// and fields are known (family 0 or IP).
func ripRouteEntry(e []byte) bool {
	f := be16(e)
	return f == 0 || f == 2
}

// emitRIP emits the header, a version 2 authentication entry and each
// address entry (JSON: the first), in the order and nesting of tshark's
// tree, which is drawn from them (treefields.go). The entries stop at the
// first of another family; a Keyed Message Digest entry ends the tree.
func emitRIP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoRIP)
	if l.Malformed == "" {
		r := RIP(d.data[l.Start:l.End])
		f := &ripFields
		e.Uint(&f[ripCommand], uint64(r.Command()))
		v := r.Version()
		e.Uint(&f[ripVersion], uint64(v))
		if v != 1 && v != 2 {
			e.NoTree()
		}
		if v == 1 || v == 2 {
			for k := ripHeader; k+ripEntryLen <= len(r); k += ripEntryLen {
				en := r[k : k+ripEntryLen]
				if v == 2 && be16(en) == 0xffff && k == ripHeader {
					if !ripAuthEntry(e, en) {
						break
					}
					continue
				}
				if !ripRouteEntry(en) {
					break
				}
				fam := be16(en)
				if e.Tree() {
					b := e.Text()
					if fam == 0 {
						b = append(b, "Address not specified"...)
					} else {
						b = addr4(en[4:8]).AppendTo(append(b, "IP Address: "...))
					}
					b = append(b, ", Metric: "...)
					e.Line(strconv.AppendUint(b, uint64(be32(en[16:])), 10))
				}
				e.Sub()
				e.Uint(&f[ripFamily], uint64(fam))
				if v == 2 {
					e.Uint(&f[ripRouteTag], uint64(be16(en[2:])))
				}
				if fam == 2 {
					e.IPv4(&f[ripIP], en[4:8])
				}
				if v == 2 {
					e.IPv4(&f[ripNetmask], en[8:12])
					e.IPv4(&f[ripNextHop], en[12:16])
				}
				e.Uint(&f[ripMetric], uint64(be32(en[16:])))
				e.Up()
				if !e.all && !e.Tree() {
					break
				}
			}
		}
	}
	e.End()
}

// ripAuthEntry emits a version 2 authentication entry under its title
// line, and reports whether address entries may follow it (a Simple
// Password entry; tshark's tree ends after any other).
func ripAuthEntry(e *emitter, en []byte) bool {
	f := &ripFields
	typ := be16(en[2:])
	name := f[ripAuthType].ValueNames().Name(uint64(typ))
	if typ != 2 && typ != 3 {
		return false
	}
	if e.Tree() {
		e.Line(append(append(e.Text(), "Authentication: "...), name...))
	}
	e.Sub()
	e.Uint(&f[ripAuthType], uint64(typ))
	if typ == 2 {
		e.TextDone(&f[ripAuthPasswd], append(e.Text(), ospfSimplePassword(en[4:20])...))
	} else {
		e.Uint(&f[ripDigestOffset], uint64(be16(en[4:])))
		e.Uint(&f[ripKeyID], uint64(en[6]))
		e.Uint(&f[ripAuthDataLen], uint64(en[7]))
		e.Uint(&f[ripSeqNum], uint64(be32(en[8:])))
	}
	e.Up()
	return typ == 2
}

var ripCommandNames = [6]string{"", "Request", "Response", "Traceon", "Traceoff", "Vendor specific (Sun)"}

// appendRIPProto appends the Protocol column: "RIPv1", "RIPv2".
func appendRIPProto(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" || (d.data[l.Start+1] != 1 && d.data[l.Start+1] != 2) {
		return append(b, "RIP"...)
	}
	b = append(b, "RIPv"...)
	return strconv.AppendUint(b, uint64(d.data[l.Start+1]), 10)
}

// infoRIP appends the Info column: the command's name.
func infoRIP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return b
	}
	if c := d.data[l.Start]; int(c) < len(ripCommandNames) && c != 0 {
		return append(b, ripCommandNames[c]...)
	}
	return b
}

var ripTcpdumpCommands = [5]string{"", "Request", "Response", "Trace on", "Trace off"}

// lineRIP appends tcpdump's "RIPv2, Response, length: 24" and, with -v,
// the entries (print-rip.c).
func (p *LinePrinter) lineRIP(b []byte, d *Decoder, i int) []byte {
	if p.Options.Quiet {
		return appendQuietUDP(b, d, i)
	}
	l := &d.layers[i]
	length := udpPayloadLen(d, i)
	r := d.data[l.Start:l.End:l.End]
	n := min(len(r), length)
	if n < ripHeader {
		return append(b, " [|rip]"...)
	}
	if p.Options.Verbose >= 1 {
		b = append(b, "\n\t"...)
	}
	b = append(b, "RIPv"...)
	b = strconv.AppendUint(b, uint64(r[1]), 10)
	b = append(b, ", "...)
	cmd := r[0]
	if int(cmd) < len(ripTcpdumpCommands) && ripTcpdumpCommands[cmd] != "" {
		b = append(b, ripTcpdumpCommands[cmd]...)
	} else {
		b = append(b, "unknown command ("...)
		b = strconv.AppendUint(b, uint64(cmd), 10)
		b = append(b, ')')
	}
	b = append(b, ", length: "...)
	b = strconv.AppendInt(b, int64(length), 10)
	if p.Options.Verbose < 1 {
		return b
	}
	switch {
	case cmd == 1 || cmd == 2:
		switch r[1] {
		case 1, 2:
			b = append(b, ", routes: "...)
			b = strconv.AppendInt(b, int64(length/ripEntryLen), 10)
			if r[1] == 2 {
				b = append(b, " or less"...)
			}
			for k := ripHeader; k < n; {
				var next int
				if r[1] == 1 {
					b, next = appendRIPv1Entry(b, r[k:n])
				} else {
					b, next = appendRIPv2Entry(b, r[k:n])
				}
				if next == 0 {
					b = append(b, " [|rip]"...)
					break
				}
				k += next
			}
		default:
			b = append(b, ", unknown version"...)
		}
	case cmd == 3 || cmd == 4:
	default:
		if p.Options.Verbose <= 1 {
			b = appendHexDumpLines(b, r[:n], "\n\t")
		}
	}
	if p.Options.Verbose > 1 {
		b = appendHexDumpLines(b, r[:n], "\n\t")
	}
	return b
}

// ripAFName returns tcpdump's name of a BSD address family, or "".
func ripAFName(f uint16) string {
	switch f {
	case 2:
		return "IPv4"
	case 7:
		return "ISO"
	case 16:
		return "Appletalk"
	case 23:
		return "IPX"
	case 24, 28, 30:
		return "IPv6"
	}
	return ""
}

func appendRIPUnknownAF(b []byte, f uint16) []byte {
	if n := ripAFName(f); n != "" {
		return append(b, n...)
	}
	b = append(b, "Unknown ("...)
	b = strconv.AppendUint(b, uint64(f), 10)
	return append(b, ')')
}

// appendRIPv1Entry appends a version 1 entry; n is 0 when it is cut.
func appendRIPv1Entry(b, e []byte) (_ []byte, n int) {
	if len(e) < ripEntryLen {
		return b, 0
	}
	fam := be16(e)
	if fam != 2 && fam != 0 {
		b = append(b, "\n\t AFI "...)
		b = appendRIPUnknownAF(b, fam)
		b = append(b, ", "...)
		return appendHexDumpLines(b, e[4:ripEntryLen], "\n\t  "), ripEntryLen
	}
	if be16(e[2:]) != 0 || be32(e[8:]) != 0 || be32(e[12:]) != 0 {
		return appendHexDumpLines(b, e[:ripEntryLen], "\n\t  "), ripEntryLen
	}
	b = append(b, "\n\t  "...)
	if fam == 0 {
		b = append(b, "AFI 0, "...)
	}
	b = addr4(e[4:8]).AppendTo(b)
	b = append(b, ", metric: "...)
	return strconv.AppendUint(b, uint64(be32(e[16:])), 10), ripEntryLen
}

// maskLen returns the prefix length of a contiguous netmask, or -1.
func maskLen(m uint32) int {
	n := 0
	for m&0x80000000 != 0 {
		m <<= 1
		n++
	}
	if m != 0 {
		return -1
	}
	return n
}

// appendRIPv2Entry appends a version 2 entry; n is 0 when it is cut.
func appendRIPv2Entry(b, e []byte) (_ []byte, n int) {
	if len(e) < 4 {
		return b, 0
	}
	fam := be16(e)
	switch {
	case fam == 0xffff:
		at := be16(e[2:])
		rest := e[4:]
		switch at {
		case 2:
			if len(rest) < 16 {
				return b, 0
			}
			b = append(b, "\n\t  Simple Text Authentication data: "...)
			for _, c := range rest[:16] {
				if c == 0 {
					break
				}
				b = appendTcpdumpChar(b, c)
			}
			return b, ripEntryLen
		case 3:
			if len(rest) < 16 {
				return b, 0
			}
			b = append(b, "\n\t  Auth header: Packet Len "...)
			b = strconv.AppendUint(b, uint64(be16(rest)), 10)
			b = append(b, ", Key-ID "...)
			b = strconv.AppendUint(b, uint64(rest[2]), 10)
			b = append(b, ", Auth Data Len "...)
			b = strconv.AppendUint(b, uint64(rest[3]), 10)
			b = append(b, ", SeqNo "...)
			b = strconv.AppendUint(b, uint64(be32(rest[4:])), 10)
			b = append(b, ", MBZ "...)
			b = strconv.AppendUint(b, uint64(be32(rest[8:])), 10)
			b = append(b, ", MBZ "...)
			b = strconv.AppendUint(b, uint64(be32(rest[12:])), 10)
			return b, ripEntryLen
		case 1:
			b = append(b, "\n\t  Auth trailer:"...)
		default:
			b = append(b, "\n\t  Unknown ("...)
			b = strconv.AppendUint(b, uint64(at), 10)
			b = append(b, ") Authentication data:"...)
		}
		return appendHexDumpLines(b, rest, "\n\t  "), len(e)
	case fam != 2 && fam != 0:
		if len(e) < ripEntryLen {
			return b, 0
		}
		b = append(b, "\n\t  AFI "...)
		b = appendRIPUnknownAF(b, fam)
		return appendHexDumpLines(b, e[4:ripEntryLen], "\n\t  "), ripEntryLen
	}
	if len(e) < ripEntryLen {
		return b, 0
	}
	b = append(b, "\n\t  AFI "...)
	if fam == 2 {
		b = append(b, "IPv4"...)
	} else {
		b = append(b, '0')
	}
	b = append(b, ", "...)
	var tmp [15]byte
	a := addr4(e[4:8]).AppendTo(tmp[:0])
	for k := len(a); k < 15; k++ {
		b = append(b, ' ')
	}
	b = append(b, a...)
	b = append(b, '/')
	ml := strconv.AppendInt(tmp[:0], int64(maskLen(be32(e[8:]))), 10)
	b = append(b, ml...)
	if len(ml) < 2 {
		b = append(b, ' ')
	}
	b = append(b, ", tag 0x"...)
	b = appendHex4(b, be16(e[2:]))
	b = append(b, ", metric: "...)
	b = strconv.AppendUint(b, uint64(be32(e[16:])), 10)
	b = append(b, ", next-hop: "...)
	if be32(e[12:]) != 0 {
		b = addr4(e[12:16]).AppendTo(b)
	} else {
		b = append(b, "self"...)
	}
	return b, ripEntryLen
}
