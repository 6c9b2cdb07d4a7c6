package decode

import "time"

// AHCP is the Ad-Hoc Configuration Protocol (draft-chroboczek-ahcp-00),
// carried in UDP port 5359. Version 1's header is the magic 43, the
// version, hop counts, a nonce and two 8-byte ids (24 bytes), then a body:
// a type, a byte that must be zero, a length and options (a type, a
// length and the value; Pad and Mandatory are one byte).
//
// Wireshark has no AHCP dissector: its outputs show the payload as data,
// and so do rawcap's. Only tcpdump decodes it, so AHCP is no layer of its
// own: the line printer reads the payload as tcpdump does.
const (
	ahcpPort    = 5359
	ahcpMagic   = 43
	ahcpHdrLen  = 24
	ahcpBodyMin = 4
)

var ahcpMsgNames = [...]string{"Discover", "Offer", "Request", "Ack", "Nack", "Release"}

var ahcpOptNames = [...]string{
	"Pad", "Mandatory", "Origin Time", "Expires", "My-IPv6-Address", "My-IPv4-Address",
	"IPv6 Prefix", "IPv4 Prefix", "IPv6 Address", "IPv4 Address", "IPv6 Prefix Delegation",
	"IPv4 Prefix Delegation", "Name Server", "NTP Server",
}

// lineAHCP appends tcpdump's "AHCP Version 1", with -v the header and the
// body's type and length, with -vv its options, for the UDP payload after
// layer u (length is the payload's length as the UDP header announces
// it).
func (p *LinePrinter) lineAHCP(b []byte, d *Decoder, u int, length int) []byte {
	l := &d.layers[u]
	c := d.data[l.Payload:l.End:l.End]
	// ep is where the payload ends by the UDP length; what is past len(c)
	// was not captured.
	ep := length
	b = append(b, "AHCP"...)
	if length < 2 {
		return ahcpInvalid(b, c, 0, ep)
	}
	if len(c) < 1 {
		return append(b, " [|ahcp]"...)
	}
	if c[0] != ahcpMagic {
		return ahcpInvalid(b, c, 0, ep)
	}
	if len(c) < 2 {
		return append(b, " [|ahcp]"...)
	}
	if c[1] != 1 {
		b = append(b, " Version "...)
		b = appendUint(b, uint64(c[1]))
		return append(b, " (unknown)"...)
	}
	b = append(b, " Version 1"...)
	if length < ahcpHdrLen {
		return ahcpInvalid(b, c, 2, ep)
	}
	if p.Options.Verbose == 0 {
		if len(c) < ahcpHdrLen {
			return append(b, " [|ahcp]"...)
		}
	} else {
		if len(c) < 3 {
			return append(b, " [|ahcp]"...)
		}
		b = append(b, "\n\tHopcount "...)
		b = appendUint(b, uint64(c[2]))
		if len(c) < 4 {
			return append(b, " [|ahcp]"...)
		}
		b = append(b, ", Original Hopcount "...)
		b = appendUint(b, uint64(c[3]))
		if len(c) < 8 {
			return append(b, " [|ahcp]"...)
		}
		b = append(b, ", Nonce 0x"...)
		b = appendHexN(b, uint64(be32(c[4:])), 8)
		if len(c) < 16 {
			return append(b, " [|ahcp]"...)
		}
		b = append(b, ", Source Id "...)
		b = appendBabelID(b, c[8:16])
		if len(c) < 24 {
			return append(b, " [|ahcp]"...)
		}
		b = append(b, ", Destination Id "...)
		b = appendBabelID(b, c[16:24])
	}
	return p.ahcpBody(b, c, ahcpHdrLen, ep)
}

// ahcpInvalid appends tcpdump's " (invalid)" for the bytes from cp to ep,
// and its truncation mark when they were not all captured.
func ahcpInvalid(b, c []byte, cp, ep int) []byte {
	b = append(b, " (invalid)"...)
	if ep > len(c) {
		b = append(b, " [|ahcp]"...)
	}
	return b
}

func (p *LinePrinter) ahcpBody(b, c []byte, cp, ep int) []byte {
	if cp+ahcpBodyMin > ep {
		return ahcpInvalid(b, c, cp, ep)
	}
	if cp+ahcpBodyMin > len(c) {
		return append(b, " [|ahcp]"...)
	}
	typ, mbz, n := c[cp], c[cp+1], int(be16(c[cp+2:]))
	cp += ahcpBodyMin
	if p.Options.Verbose > 0 {
		b = append(b, "\n\t"...)
		if int(typ) < len(ahcpMsgNames) {
			b = append(b, ahcpMsgNames[typ]...)
		} else {
			b = append(b, "Unknown-"...)
			b = appendUint(b, uint64(typ))
		}
		if mbz != 0 {
			b = append(b, ", MBZ "...)
			b = appendUint(b, uint64(mbz))
		}
		b = append(b, ", Length "...)
		b = appendUint(b, uint64(n))
	}
	if cp+n > ep {
		return ahcpInvalid(b, c, cp, ep)
	}
	if p.Options.Verbose >= 2 {
		return ahcpOptions(b, c, cp, cp+n)
	}
	if cp+n > len(c) {
		return append(b, " [|ahcp]"...)
	}
	return b
}

// ahcpOptions appends the options from cp to ep with -vv.
func ahcpOptions(b, c []byte, cp, ep int) []byte {
	for cp < ep {
		if cp >= len(c) {
			return append(b, " [|ahcp]"...)
		}
		opt := c[cp]
		cp++
		b = append(b, "\n\t "...)
		if int(opt) < len(ahcpOptNames) {
			b = append(b, ahcpOptNames[opt]...)
		} else {
			b = append(b, "Unknown-"...)
			b = appendUint(b, uint64(opt))
		}
		if opt == 0 || opt == 1 {
			continue
		}
		if cp+1 > ep {
			return ahcpInvalid(b, c, cp, ep)
		}
		if cp >= len(c) {
			return append(b, " [|ahcp]"...)
		}
		n := int(c[cp])
		cp++
		if cp+n > ep {
			return ahcpInvalid(b, c, cp, ep)
		}
		var ok bool
		if b, ok = ahcpValue(b, c, opt, cp, cp+n); !ok {
			return b
		}
		cp += n
	}
	return b
}

// ahcpValue appends option opt's value from cp to ep; ok is false when it
// ran out of captured bytes (the mark is appended).
func ahcpValue(b, c []byte, opt byte, cp, ep int) (_ []byte, ok bool) {
	invalid := func(b []byte) ([]byte, bool) {
		b = append(b, " (invalid)"...)
		if ep > len(c) {
			return append(b, " [|ahcp]"...), false
		}
		return b, true
	}
	list := func(b []byte, size int, prefix bool) ([]byte, bool) {
		sep := ": "
		for cp < ep {
			if cp+size > ep {
				return invalid(b)
			}
			if cp+size > len(c) {
				return append(b, " [|ahcp]"...), false
			}
			b = append(b, sep...)
			if size >= 16 {
				b = addr16(c[cp : cp+16]).AppendTo(b)
			} else {
				b = addr4(c[cp : cp+4]).AppendTo(b)
			}
			if prefix {
				b = append(b, '/')
				b = appendUint(b, uint64(c[cp+size-1]))
			}
			cp += size
			sep = ", "
		}
		return b, true
	}
	switch opt {
	case 2, 3: // Origin Time, Expires
		if cp+4 != ep {
			return invalid(b)
		}
		if ep > len(c) {
			return append(b, " [|ahcp]"...), false
		}
		v := be32(c[cp:])
		b = append(b, ": "...)
		if opt == 3 {
			b = appendUint(b, uint64(v))
			return append(b, 's'), true
		}
		b = time.Unix(int64(v), 0).UTC().AppendFormat(b, "2006-01-02 15:04:05")
		return append(b, " UTC"...), true
	case 4, 8, 12, 13:
		return list(b, 16, false)
	case 5, 9:
		return list(b, 4, false)
	case 6, 10:
		return list(b, 17, true)
	case 11:
		return list(b, 5, true)
	}
	b = append(b, " (Length "...)
	b = appendUint(b, uint64(ep-cp))
	b = append(b, ')')
	if ep > len(c) {
		return append(b, " [|ahcp]"...), false
	}
	return b, true
}
