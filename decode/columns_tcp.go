package decode

import "strconv"

var colTCPFlags = [...]struct {
	bit  uint16
	name string
}{{TCPFin, "FIN"}, {TCPSyn, "SYN"}, {TCPRst, "RST"}, {TCPPsh, "PSH"}, {TCPAck, "ACK"}, {TCPUrg, "URG"}, {TCPEce, "ECE"}, {TCPCwr, "CWR"}, {TCPAE, "AE"}}

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
	for _, fl := range colTCPFlags {
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
	src, dst, _ := ipAddrs(d, i)
	_, fwd, rev := p.flows.lookup(src, dst, t.SrcPort(), t.DstPort())
	flags := t.Flags()
	if flags&TCPSyn != 0 {
		fwd.base, fwd.baseSet = t.Seq(), true
		fwd.scale = -1
	} else if !fwd.baseSet {
		fwd.base, fwd.baseSet = t.Seq()-1, true
	}
	b = append(b, " Seq="...)
	b = strconv.AppendUint(b, uint64(t.Seq()-fwd.base), 10)
	if flags&TCPAck != 0 {
		if !rev.baseSet {
			rev.base, rev.baseSet = t.Ack()-1, true
		}
		b = append(b, " Ack="...)
		b = strconv.AppendUint(b, uint64(t.Ack()-rev.base), 10)
	}
	// Window scaling: the SYN's option sets it, a SYN/ACK without one on
	// either side cancels it.
	if flags&TCPSyn != 0 && len(h) > 20 {
		for off := 0; ; {
			o, next, ok, bad := t.NextOption(off)
			if !ok || bad {
				break
			}
			if o.Kind == TCPOptWScale && len(o.Data) == 1 {
				fwd.scale = int8(min(o.Data[0], 14))
			}
			off = next
		}
		if flags&TCPAck != 0 && (fwd.scale < 0 || rev.scale < 0) {
			fwd.scale, rev.scale = -1, -1
		}
	}
	win := uint64(t.Window())
	if flags&TCPSyn == 0 && fwd.scale >= 0 {
		win <<= uint(fwd.scale)
	}
	b = append(b, " Win="...)
	b = strconv.AppendUint(b, win, 10)
	if flags&TCPUrg != 0 && len(h) >= 20 {
		b = append(b, " Urg="...)
		b = strconv.AppendUint(b, uint64(t.Urgent()), 10)
	}
	if l.Malformed != "" {
		return b
	}
	b = append(b, " Len="...)
	b = strconv.AppendInt(b, int64((&LinePrinter{}).ipPayloadLen(d, i)-t.HeaderLen()), 10)
	return appendTCPOptionsInfo(b, t, rev)
}

// appendTCPOptionsInfo appends the options as tshark's Info shows them.
func appendTCPOptionsInfo(b []byte, t TCP, rev *colDir) []byte {
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
				b = strconv.AppendUint(b, uint64(be32(s)-rev.base), 10)
				b = append(b, " SRE="...)
				b = strconv.AppendUint(b, uint64(be32(s[4:])-rev.base), 10)
			}
		}
		off = next
	}
}
