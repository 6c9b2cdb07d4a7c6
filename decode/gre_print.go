package decode

import "strconv"

// lineGRE appends what tcpdump prints for GRE: "GREv0", the flags with -v,
// the optional fields, the protocol with -e, ", length N" and, after ": "
// (a newline and tab with -v), the packet it carries.
func (p *LinePrinter) lineGRE(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	data := d.data[l.Start:l.End]
	b = append(b, "GREv"...)
	if len(data) < 2 {
		return append(b, "0 [|gre]"...)
	}
	flags := be16(data)
	b = appendUint(b, uint64(flags&7))
	if flags&7 > 1 {
		return append(b, " [|gre]"...)
	}
	if p.Options.Verbose > 0 {
		b = appendGREFlags(b, flags)
	}
	if l.Malformed != "" {
		return p.greFieldsCut(b, data, flags)
	}
	g := GRE(d.data[l.Start:l.Payload])
	if sum, off, ok := g.Checksum(); ok {
		if p.Options.Verbose > 0 {
			b = append(b, ", sum 0x"...)
			b = appendHexMin(b, uint64(sum))
		}
		b = append(b, ", off 0x"...)
		b = appendHexMin(b, uint64(off))
	}
	key, hasKey := g.Key()
	seq, hasSeq := g.Seq()
	if g.Version() == 0 {
		if hasKey {
			b = append(b, ", key=0x"...)
			b = appendHexMin(b, uint64(key))
		}
		if hasSeq {
			b = append(b, ", seq "...)
			b = appendUint(b, uint64(seq))
		}
	} else {
		if hasKey {
			b = append(b, ", call "...)
			b = appendUint(b, uint64(key&0xffff))
		}
		if hasSeq {
			b = append(b, ", seq "...)
			b = appendUint(b, uint64(seq))
		}
		if ack, ok := g.Ack(); ok {
			b = append(b, ", ack "...)
			b = appendUint(b, uint64(ack))
		}
		if !hasSeq {
			b = append(b, ", no-payload"...)
		}
	}
	if p.Options.Link {
		b = append(b, ", proto "...)
		b = append(b, greProtoName(g.Protocol())...)
		b = append(b, " (0x"...)
		b = appendHex4(b, g.Protocol())
		b = append(b, ')')
	}
	b = append(b, ", length "...)
	b = strconv.AppendInt(b, int64(ipPayloadLen(d, i)), 10)
	if g.Version() == 1 && !hasSeq {
		return b
	}
	if p.Options.Verbose > 0 {
		b = append(b, "\n\t"...)
	} else {
		b = append(b, ": "...)
	}
	if i+1 < d.n && d.layers[i+1].Type != LayerPayload && d.layers[i+1].Type != LayerNHRP { // tcpdump 4.99 names NHRP's protocol only
		return p.lineInner(b, d, i+1)
	}
	switch g.Protocol() {
	case EtherTypeIPv4:
		if l.Payload == l.End {
			return append(b, " [|ip]"...)
		}
	case EtherTypeIPv6:
		if l.Payload == l.End {
			return append(b, " [|ip6]"...)
		}
	}
	b = append(b, "gre-proto-0x"...)
	return appendHexMin(b, uint64(g.Protocol()))
}

// greFieldsCut appends the optional fields of a GRE header whose bytes end
// early (or whose routing rawcap does not decode), as far as they were
// captured, then " [|gre]", as tcpdump prints them while it reads them.
func (p *LinePrinter) greFieldsCut(b, data []byte, flags uint16) []byte {
	off := 4
	field := func(n int) bool { return off+n <= len(data) }
	if flags&7 == 0 && flags&(GREChecksum|GRERouting) != 0 {
		if !field(4) {
			return append(b, " [|gre]"...)
		}
		if p.Options.Verbose > 0 {
			b = append(b, ", sum 0x"...)
			b = appendHexMin(b, uint64(be16(data[off:])))
		}
		b = append(b, ", off 0x"...)
		b = appendHexMin(b, uint64(be16(data[off+2:])))
		off += 4
	}
	if flags&GREKey != 0 {
		if !field(4) {
			return append(b, " [|gre]"...)
		}
		if flags&7 == 0 {
			b = append(b, ", key=0x"...)
			b = appendHexMin(b, uint64(be32(data[off:])))
		} else {
			b = append(b, ", call "...)
			b = appendUint(b, uint64(be16(data[off+2:])))
		}
		off += 4
	}
	if flags&GRESeq != 0 {
		if !field(4) {
			return append(b, " [|gre]"...)
		}
		b = append(b, ", seq "...)
		b = appendUint(b, uint64(be32(data[off:])))
		off += 4
	}
	if flags&7 == 0 && flags&GRERouting != 0 && field(2) {
		b = append(b, ", (rtaf=0x"...)
		b = appendHexMin(b, uint64(be16(data[off:])))
		b = append(b, ')')
	}
	return append(b, " [|gre]"...)
}

func appendGREFlags(b []byte, flags uint16) []byte {
	b = append(b, ", Flags ["...)
	n := len(b)
	for _, f := range [...]struct {
		bit  uint16
		name string
	}{{GREChecksum, "checksum present"}, {GRERouting, "routing present"}, {GREKey, "key present"},
		{GRESeq, "sequence# present"}, {GREStrict, "strict source route"}, {GREAck, "ack present"}} {
		if flags&f.bit == 0 || (f.bit == GREAck && flags&7 != 1) {
			continue
		}
		if len(b) > n {
			b = append(b, ", "...)
		}
		b = append(b, f.name...)
	}
	if len(b) == n {
		b = append(b, "none"...)
	}
	return append(b, ']')
}

func greProtoName(p uint16) string {
	switch p {
	case EtherTypeIPv4:
		return "IPv4"
	case EtherTypeIPv6:
		return "IPv6"
	case EtherTypeTEB:
		return "TEB"
	case EtherTypePPP:
		return "PPP"
	}
	return "unknown"
}
