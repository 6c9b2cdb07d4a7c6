package decode

// appendAddrs appends the Source and Destination columns: the addresses of
// the innermost layer that has them (IP, else the link layer), Source
// right-aligned and Destination left-aligned to 12 bytes, joined by " → "
// as tshark does.
func (p *ColumnsPrinter) appendAddrs(b []byte, d *Decoder) []byte {
	src, dst := -1, -1 // layers that give each address
	lo, hi := openflowAddrFrame(d)
	for i := d.n - 1; i >= 0 && (src < 0 || dst < 0); i-- {
		l := &d.layers[i]
		if l.Type == LayerVSock && l.End-l.Start >= vsockHeaderLen {
			src, dst = i, i // the cids
			continue
		}
		if l.Type == LayerARCNET && l.End-l.Start >= 2 {
			src, dst = i, i // the stations, also of a header cut short
			continue
		}
		if l.Quoted && (i < lo || i >= hi) || l.Payload == l.Start || l.Type == LayerIPv4 && l.Malformed != "" {
			continue
		}
		switch l.Type {
		case LayerIPv4, LayerIPv6, LayerEthernet, LayerARCNET:
			if src < 0 {
				src = i
			}
			if dst < 0 {
				dst = i
			}
		case LayerSLL, LayerSLL2:
			if src < 0 {
				src = i
			}
		case LayerWLAN:
			if l.Malformed == "" {
				if src < 0 {
					src = i
				}
				if dst < 0 {
					dst = i
				}
			}
		}
	}
	n := len(b)
	if src < 0 && dst < 0 && d.n > 0 && (d.layers[0].Type == LayerPPP || d.layers[0].Type == LayerCHDLC) {
		// A PPP or Cisco HDLC link without IP: tshark's columns say N/A.
		b = append(padLeft(append(b, "N/A"...), n, 12), " → "...)
		m := len(b)
		return padRight(append(b, "N/A"...), m, 12)
	}
	if src >= 0 {
		b = appendLayerAddr(b, d, src, true)
	}
	b = padLeft(b, n, 12)
	b = append(b, " → "...)
	n = len(b)
	if dst >= 0 {
		b = appendLayerAddr(b, d, dst, false)
	}
	return padRight(b, n, 12)
}

// appendLayerAddr appends the source (or destination) address of layer i.
func appendLayerAddr(b []byte, d *Decoder, i int, src bool) []byte {
	l := &d.layers[i]
	h := d.data[l.Start:l.Payload]
	switch l.Type {
	case LayerIPv4:
		if src {
			return IPv4(h).Src().AppendTo(b)
		}
		if len(h) > 20 {
			if final, ok := ipv4PendingRoute(h[20:]); ok {
				return final.AppendTo(b) // tshark's destination: the route's end
			}
		}
		return IPv4(h).Dst().AppendTo(b)
	case LayerIPv6:
		if src {
			return addr16(h[8:24]).AppendTo(b)
		}
		for j := i + 1; j < d.n && !d.layers[j].Quoted; j++ {
			switch d.layers[j].Type {
			case LayerIPv6HopByHop, LayerIPv6DestOpts, LayerIPv6Fragment:
				continue
			case LayerIPv6Routing:
				if a, ok := ipv6FinalDst(d, j); ok {
					return addr16(a).AppendTo(b)
				}
			}
			break
		}
		return addr16(h[24:40]).AppendTo(b)
	case LayerEthernet:
		if src {
			return Ethernet(h).Src().AppendTo(b)
		}
		return Ethernet(h).Dst().AppendTo(b)
	case LayerWLAN:
		return appendWLANColAddr(b, d, i, src)
	case LayerARCNET:
		return appendARCNETColAddr(b, ARCNET(d.data[l.Start:l.End]), src)
	case LayerVSock:
		return appendVSockColAddr(b, VSock(d.data[l.Start:l.End]), src)
	case LayerSLL:
		return colLinkAddr(b, SLL(h).Addr())
	case LayerSLL2:
		return colLinkAddr(b, SLL2(h).Addr())
	}
	return b
}

// colLinkAddr appends a cooked-capture link address: a MAC when it has
// 6 bytes, else colon-separated hex bytes.
func colLinkAddr(b []byte, a []byte) []byte {
	if len(a) == 6 {
		return MAC(a).AppendTo(b)
	}
	for i, c := range a {
		if i > 0 {
			b = append(b, ':')
		}
		b = appendHex2(b, c)
	}
	return b
}
