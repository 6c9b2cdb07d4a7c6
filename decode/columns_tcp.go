package decode

import "strconv"

// infoTCP appends "sp → dp [FLAGS] Seq=… Ack=… Win=… Len=…" and the
// options, with Wireshark's relative sequence numbers and calculated
// window.
func (p *ColumnsPrinter) infoTCP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	h := d.data[l.Start:l.Payload]
	if l.Malformed != "" {
		h = d.data[l.Start:l.End]
	}
	if len(h) < 4 {
		return b
	}
	b = colPorts(b, be16(h), be16(h[2:]))
	if len(h) < 16 {
		return b
	}
	t := TCP(h)
	b = append(b, " ["...)
	first := true
	for _, fl := range tcpFlagNames {
		if t.Flags()&fl.bit != 0 {
			if !first {
				b = append(b, ", "...)
			}
			b = append(b, fl.name...)
			first = false
		}
	}
	if first {
		b = append(b, "<None>"...)
	}
	b = append(b, ']')
	flags := t.Flags()
	b = append(b, " Seq="...)
	b = strconv.AppendUint(b, uint64(p.tcp.seq), 10)
	if flags&TCPAck != 0 {
		b = append(b, " Ack="...)
		b = strconv.AppendUint(b, uint64(p.tcp.ack), 10)
	}
	win := p.tcp.win
	b = append(b, " Win="...)
	b = strconv.AppendUint(b, win, 10)
	if flags&TCPUrg != 0 && len(h) >= 20 {
		b = append(b, " Urg="...)
		b = strconv.AppendUint(b, uint64(t.Urgent()), 10)
	}
	if n := tcpBogusHdrLen(d, i); n >= 0 {
		b = append(b, ", bogus TCP header length ("...)
		b = strconv.AppendInt(b, int64(n), 10)
		return append(b, ", must be at least 20)"...)
	}
	if l.Malformed != "" {
		// With the fixed header there and the options within the packet,
		// tshark counts the length, then fails on the missing options.
		if n := p.reportedLen(d, i) - int(h[12]>>4)*4; len(h) >= 20 && n >= 0 {
			b = append(b, " Len="...)
			b = strconv.AppendInt(b, int64(n), 10)
		}
		return b
	}
	b = append(b, " Len="...)
	b = strconv.AppendInt(b, int64(p.tcpLen(d, i, t)), 10)
	return appendTCPOptionsInfo(b, t, p.tcp.revBase)
}

// appendTCPOptionsInfo appends the options as tshark's Info shows them.
func appendTCPOptionsInfo(b []byte, t TCP, revBase uint32) []byte {
	for off := 0; ; {
		o, next, ok, bad := t.NextOption(off)
		if !ok || bad {
			return b
		}
		switch o.Kind {
		case TCPOptEOL:
			return b
		case TCPOptMSS:
			if len(o.Data) == 2 {
				b = append(b, " MSS="...)
				b = strconv.AppendUint(b, uint64(be16(o.Data)), 10)
			}
		case TCPOptWScale:
			if len(o.Data) == 1 {
				b = append(b, " WS="...)
				b = strconv.AppendUint(b, 1<<min(o.Data[0], 14), 10)
			}
		case TCPOptSACKOK:
			b = append(b, " SACK_PERM"...)
		case TCPOptTimestamp:
			if len(o.Data) == 8 {
				b = append(b, " TSval="...)
				b = strconv.AppendUint(b, uint64(be32(o.Data)), 10)
				b = append(b, " TSecr="...)
				b = strconv.AppendUint(b, uint64(be32(o.Data[4:])), 10)
			}
		case TCPOptSACK:
			for s := o.Data; len(s) >= 8; s = s[8:] {
				b = append(b, " SLE="...)
				b = strconv.AppendUint(b, uint64(be32(s)-revBase), 10)
				b = append(b, " SRE="...)
				b = strconv.AppendUint(b, uint64(be32(s[4:])-revBase), 10)
			}
		}
		off = next
	}
}

// colTCP is what the tracker gave for the row's TCP layer.
type colTCP struct {
	seq, ack uint32 // relative numbers
	win      uint64 // the calculated window
	revBase  uint32 // the other direction's base, for SACK edges
}

// tcpRST reports whether TCP layer i has the RST flag.
func tcpRST(d *Decoder, i int) bool {
	l := &d.layers[i]
	return l.Payload-l.Start >= 14 && TCP(d.data[l.Start:l.Payload]).Flags()&TCPRst != 0
}

// trackTCP keeps in p.tcp the relative numbers and the window the tracker
// found for TCP layer i (the raw ones if it has none), and in p.dir the
// state of the segment's direction.
func (p *ColumnsPrinter) trackTCP(d *Decoder, i int) {
	l := &d.layers[i]
	h := d.data[l.Start:l.Payload]
	if l.Malformed != "" {
		h = d.data[l.Start:l.End]
	}
	if len(h) < 16 {
		return
	}
	t := TCP(h)
	flags := t.Flags()
	p.tcp = colTCP{seq: t.Seq(), ack: t.Ack(), win: uint64(t.Window())}
	s := p.seg
	if s == nil {
		return
	}
	p.tcp.seq, p.tcp.win = s.Seq, uint64(s.Window)
	if flags&TCPAck != 0 {
		p.tcp.ack = s.Ack
		p.tcp.revBase = t.Ack() - s.Ack
	}
	dir := p.streams.dir(s)
	if flags&TCPSyn != 0 {
		dir.tls.pending = false // a new connection
	}
	p.dir = dir
}

// tcpLen returns the segment length as tshark counts it: what the IP
// header announces, but no more than the frame had on the wire.
func (p *ColumnsPrinter) tcpLen(d *Decoder, i int, t TCP) int {
	return p.reportedLen(d, i) - t.HeaderLen()
}

// tcpBogusHdrLen returns the header length of a malformed TCP layer whose
// data offset is below 5 words (tshark then stops without an exception),
// or -1.
func tcpBogusHdrLen(d *Decoder, i int) int {
	l := &d.layers[i]
	if l.Type != LayerTCP || l.Malformed == "" || l.End-l.Start < 13 {
		return -1
	}
	if n := int(d.data[l.Start+12]>>4) * 4; n < 20 {
		return n
	}
	return -1
}
