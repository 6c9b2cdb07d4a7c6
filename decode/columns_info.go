package decode

import "strconv"

// appendInfo appends the Info column: what the innermost layer says, then
// tshark's mark for a packet cut short.
func (p *ColumnsPrinter) appendInfo(b []byte, d *Decoder, top int) []byte {
	if top < 0 {
		return b
	}
	l := &d.layers[top]
	switch l.Type {
	case LayerTCP:
		b = p.infoTCP(b, d, top)
	case LayerUDP:
		b = p.infoUDP(b, d, top)
	case LayerARP:
		b = p.infoARP(b, d, top)
	case LayerICMPv4:
		b = p.infoICMP(b, d, top)
	case LayerICMPv6:
		b = p.infoICMPv6(b, d, top)
	}
	if l.Malformed != "" {
		b = p.appendException(b)
	}
	return b
}

// appendException appends tshark's mark for a layer that ran out of bytes:
// "[Packet size limited during capture]" when the capture cut the frame,
// "[Malformed Packet]" when the packet itself is short.
func (p *ColumnsPrinter) appendException(b []byte) []byte {
	if p.frame != nil && p.frame.Length > 0 && p.capLen < p.frame.Length {
		return append(b, "[Packet size limited during capture]"...)
	}
	return append(b, "[Malformed Packet]"...)
}

// colPorts appends "src → dst".
func colPorts(b []byte, sp, dp uint16) []byte {
	b = strconv.AppendUint(b, uint64(sp), 10)
	b = append(b, " → "...)
	return strconv.AppendUint(b, uint64(dp), 10)
}

func (p *ColumnsPrinter) infoUDP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Payload-l.Start < udpLen {
		return b
	}
	u := UDP(d.data[l.Start:l.Payload])
	b = colPorts(b, u.SrcPort(), u.DstPort())
	b = append(b, " Len="...)
	return strconv.AppendInt(b, int64(u.Length())-udpLen, 10)
}
