package decode

import "strconv"

// linkHeaderLen returns the length of the link-layer headers that -x skips
// (Ethernet, VLAN tags, cooked and loopback headers, and the 802.2 LLC
// header of an 802.3 frame).
func linkHeaderLen(d *Decoder) int {
	if d.n == 0 && d.linkType == linkSLIP {
		return slipHdrLen
	}
	n := 0
	for k, l := range d.layers[:d.n] {
		switch l.Type {
		case LayerEthernet, LayerVLAN, LayerSLL, LayerSLL2, LayerLoopback:
			n = l.Payload
			continue
		case LayerLLC:
			if k > 0 && (d.layers[k-1].Type == LayerEthernet || d.layers[k-1].Type == LayerVLAN) {
				n = l.Payload
				if l.Malformed != "" {
					_, c := llcFrameLenWire(d, k, 0)
					n = l.Start + len(c) // tcpdump dumped the bytes it tried as LLC with " [|llc]"
				}
			}
			// After 802.11, tcpdump counts an LLC/SNAP header whose
			// EtherType it printed as link layer too.
			if k > 0 && d.layers[k-1].Type == LayerWLAN && k+1 < d.n && d.layers[k+1].Type == LayerEAPOL {
				n = l.Payload
			}
		case LayerRadiotap:
			n = l.Payload
			continue
		case LayerMACsec:
			n = l.Payload // tcpdump counts the tag (and a clear frame's EtherType) as link layer
			continue
		case LayerVSock:
			n = l.Start + vsockHeaderLen
		case LayerFR, LayerARCNET, LayerCHDLC:
			n = l.Payload
			if l.Type == LayerFR && k+1 < d.n && (d.layers[k+1].Type == LayerQ933 || d.layers[k+1].Type == LayerESIS) {
				n++ // tcpdump counts Q.933's discriminator, or ES-IS's NLPID, as the NLPID
			}
		case LayerPPP:
			// A PPP link's header, as tcpdump's PPP printer measures it.
			if k == 0 {
				if h, err := ParsePPP(d.data[l.Start:l.End]); err == nil {
					n = l.Start + len(h)
				}
			}
		case LayerWLAN:
			if l.Malformed == "" {
				n = l.Start + wlanHeaderLenOf(d, k) // a management body is not the header
			}
			if k+1 < d.n && d.layers[k+1].Type == LayerLLC {
				continue
			}
		}
		break
	}
	return n
}

// appendHex appends the hex/ASCII dump tcpdump's -x, -xx, -X, -XX or -A
// prints after the line.
func (p *LinePrinter) appendHex(b []byte, d *Decoder) []byte {
	data := d.data
	mode := p.Options.Hex
	if mode == HexNet || mode == HexASCIINet || mode == ASCIIOnly {
		if macsecRejected(d) {
			return b // tcpdump gave up inside the tag: nothing after the link layer is left
		}
		data = data[min(linkHeaderLen(d), len(data)):]
	}
	if p.abandoned {
		data = d.data
	} else if l, bad := d.Malformed(); bad && l.Malformed == ReasonTruncated {
		// When tcpdump abandons a packet cut short inside an Ethernet or
		// loopback header it dumps nothing; inside a cooked header or ARP,
		// the whole packet.
		switch l.Type {
		case LayerEthernet, LayerLoopback:
			return b
		case LayerARP, LayerSLL, LayerSLL2:
			data = d.data
		case LayerTCP:
			if tcpOptionsAbandoned(d.data[l.Start:l.End]) {
				data = d.data
			}
		}
	}
	if mode == ASCIIOnly {
		if len(data) == 0 {
			return b // tcpdump prints nothing, not an empty line
		}
		return appendASCII(b, data)
	}
	return appendHexDump(b, data, mode == HexASCIINet || mode == HexASCIILink)
}

// appendHexDump appends data as tcpdump's hex dump lines, each ending in a
// newline, with the ASCII column when ascii is set.
func appendHexDump(b, data []byte, ascii bool) []byte {
	for off := 0; off < len(data); off += 16 {
		line := data[off:min(off+16, len(data))]
		b = append(b, "\t0x"...)
		b = appendOffset(b, off)
		b = append(b, ": "...)
		n := len(b)
		for j := 0; j < len(line); j += 2 {
			b = append(b, ' ')
			b = appendHex2(b, line[j])
			if j+1 < len(line) {
				b = appendHex2(b, line[j+1])
			}
		}
		if ascii {
			for len(b)-n < 40 {
				b = append(b, ' ')
			}
			b = append(b, "  "...)
			for _, c := range line {
				if c > 0x20 && c < 0x7f {
					b = append(b, c)
				} else {
					b = append(b, '.')
				}
			}
		}
		b = append(b, '\n')
	}
	return b
}

// appendASCII appends data as tcpdump's -A does (ascii_print):
// printable characters, spaces, tabs and newlines as they are, anything
// else as '.', except carriage returns. tcpdump drops a CR before a
// newline and a CR among the last two bytes of what it prints (it tests
// that more than one byte follows), and prints any other CR as '.': so
// "a\rb" ending a UDP payload prints "ab", but the same bytes followed by
// an Ethernet trailer print "a.b".
func appendASCII(b, data []byte) []byte {
	for i, c := range data {
		switch {
		case c == '\r':
			if len(data)-(i+1) > 1 && data[i+1] != '\n' {
				b = append(b, '.')
			}
		case c == '\n' || c == '\t' || c == ' ' || (c > 0x20 && c < 0x7f):
			b = append(b, c)
		default:
			b = append(b, '.')
		}
	}
	return append(b, '\n')
}

// appendOffset appends off in hex with at least 4 digits, as "%04x".
func appendOffset(b []byte, off int) []byte {
	if off > 0xffff {
		return strconv.AppendUint(b, uint64(off), 16)
	}
	return appendHex4(b, uint16(off))
}

// tcpOptionsAbandoned reports whether tcpdump abandons the cut TCP header
// b (at least the fixed 20 bytes, options cut short) while reading an
// option's kind or length byte: that read unwinds past the link printer
// before it reports the header length -x skips, so the dump then starts at
// the link header. An option whose data is cut instead ends the text
// normally (" [|tcp]") and the dump starts at the network header.
func tcpOptionsAbandoned(b []byte) bool {
	if len(b) < 20 {
		return false
	}
	opts := int(b[12]>>4)*4 - 20
	for off := 0; off < opts; {
		if 20+off >= len(b) {
			return true // kind byte not captured
		}
		kind := b[20+off]
		if kind == 0 {
			return false // end of option list: tcpdump stops reading
		}
		if kind == 1 {
			off++
			continue
		}
		if 20+off+1 >= len(b) {
			return true // length byte not captured
		}
		n := int(b[20+off+1])
		if n < 2 || n > opts-off || 20+off+n > len(b) {
			return false // a bad length, or data cut short
		}
		off += n
	}
	return false
}
