package decode

import (
	"strconv"
	"time"
)

// ColumnsPrinter prints Wireshark's packet list, one row per packet: No.,
// Time (seconds since the first packet), Source, Destination, Protocol,
// Length and Info, laid out as tshark's default output. It is not safe for
// concurrent use.
type ColumnsPrinter struct {
	first   time.Time
	started bool
	json    JSONPrinter // for Wireshark's relative TCP sequence numbers
}

// Append appends the row for the packet d last decoded, described by f.
func (p *ColumnsPrinter) Append(b []byte, d *Decoder, f *Frame) []byte {
	if !p.started {
		p.first, p.started = f.Time, true
	}
	n := len(b)
	b = strconv.AppendInt(b, int64(f.Number), 10)
	b = padLeft(b, n, 5)
	b = append(b, ' ')
	n = len(b)
	dt := f.Time.Sub(p.first)
	b = strconv.AppendInt(b, int64(dt/time.Second), 10)
	b = append(b, '.')
	b = appendFrac(b, int(dt%time.Second), 9)
	b = padLeft(b, n, 11)
	b = append(b, ' ')
	top := -1 // the innermost layer that names the row
	for i := range d.layers[:d.n] {
		if d.layers[i].Type != LayerPayload && !d.layers[i].Quoted {
			top = i
		}
	}
	b = p.appendAddrs(b, d)
	b = append(b, ' ')
	b = appendProtoColumn(b, d, top)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(f.Length), 10)
	b = append(b, ' ')
	b = p.appendInfo(b, d, top)
	return append(b, '\n')
}

func padLeft(b []byte, start, width int) []byte {
	n := len(b) - start
	if n >= width {
		return b
	}
	pad := width - n
	for range pad {
		b = append(b, ' ')
	}
	copy(b[start+pad:], b[start:start+n])
	for i := range pad {
		b[start+i] = ' '
	}
	return b
}

func (p *ColumnsPrinter) appendAddrs(b []byte, d *Decoder) []byte {
	for i := d.n - 1; i >= 0; i-- {
		l := &d.layers[i]
		if l.Quoted || l.Payload == l.Start {
			continue
		}
		switch l.Type {
		case LayerIPv4:
			ip := IPv4(d.data[l.Start:l.Payload])
			return appendArrow(b, ip.Src().String(), ip.Dst().String())
		case LayerIPv6:
			ip := IPv6(d.data[l.Start:l.Payload])
			return appendArrow(b, ip.Src().String(), ip.Dst().String())
		case LayerEthernet:
			e := Ethernet(d.data[l.Start:l.Payload])
			dst := e.Dst().String()
			if e.Dst() == (MAC{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}) {
				dst = "Broadcast"
			}
			return appendArrow(b, e.Src().String(), dst)
		}
	}
	return append(b, "→"...)
}

func appendArrow(b []byte, src, dst string) []byte {
	b = append(b, src...)
	b = append(b, " → "...)
	return append(b, dst...)
}

func appendProtoColumn(b []byte, d *Decoder, top int) []byte {
	if top < 0 {
		return append(b, "unknown"...)
	}
	switch t := d.layers[top].Type; t {
	case LayerEthernet, LayerSLL, LayerSLL2, LayerLoopback, LayerRaw, LayerVLAN, LayerLLC:
		return append(b, "ETHER"...)
	case LayerIPv4:
		return append(b, "IPv4"...)
	case LayerIPv6, LayerIPv6HopByHop, LayerIPv6Routing, LayerIPv6Fragment, LayerIPv6DestOpts:
		return append(b, "IPv6"...)
	case LayerICMPv6:
		return append(b, "ICMPv6"...)
	default:
		for _, c := range []byte(t.String()) {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			b = append(b, c)
		}
		return b
	}
}

func (p *ColumnsPrinter) appendInfo(b []byte, d *Decoder, top int) []byte {
	if top < 0 {
		return b
	}
	l := &d.layers[top]
	if l.Malformed != "" {
		return append(b, "[Malformed Packet]"...)
	}
	switch l.Type {
	case LayerTCP:
		t := TCP(d.data[l.Start:l.Payload])
		b = strconv.AppendUint(b, uint64(t.SrcPort()), 10)
		b = append(b, " → "...)
		b = strconv.AppendUint(b, uint64(t.DstPort()), 10)
		b = append(b, " ["...)
		first := true
		for _, fl := range [...]struct {
			bit  uint16
			name string
		}{{TCPFin, "FIN"}, {TCPSyn, "SYN"}, {TCPRst, "RST"}, {TCPPsh, "PSH"}, {TCPAck, "ACK"}, {TCPUrg, "URG"}, {TCPEce, "ECE"}, {TCPCwr, "CWR"}, {TCPAE, "AE"}} {
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
		seq, ack := p.json.relSeq(d, top, t)
		b = append(b, "] Seq="...)
		b = strconv.AppendUint(b, uint64(seq), 10)
		if t.Flags()&TCPAck != 0 {
			b = append(b, " Ack="...)
			b = strconv.AppendUint(b, uint64(ack), 10)
		}
		b = append(b, " Win="...)
		b = strconv.AppendUint(b, uint64(t.Window()), 10)
		b = append(b, " Len="...)
		return strconv.AppendInt(b, int64((&LinePrinter{}).ipPayloadLen(d, top)-t.HeaderLen()), 10)
	case LayerUDP:
		u := UDP(d.data[l.Start:l.Payload])
		b = strconv.AppendUint(b, uint64(u.SrcPort()), 10)
		b = append(b, " → "...)
		b = strconv.AppendUint(b, uint64(u.DstPort()), 10)
		b = append(b, " Len="...)
		return strconv.AppendInt(b, int64(u.Length())-udpLen, 10)
	case LayerARP:
		a := ARP(d.data[l.Start:l.Payload])
		if !a.IsEthernetIPv4() {
			return b
		}
		switch a.Op() {
		case 1:
			b = append(b, "Who has "...)
			b = addr4(a.TargetProto()).AppendTo(b)
			b = append(b, "? Tell "...)
			return addr4(a.SenderProto()).AppendTo(b)
		case 2:
			b = addr4(a.SenderProto()).AppendTo(b)
			b = append(b, " is at "...)
			return MAC(a.SenderHW()).AppendTo(b)
		}
	case LayerICMPv4:
		m := ICMPv4(d.data[l.Start:l.End])
		switch m.Type() {
		case ICMPEcho, ICMPEchoReply:
			if m.Type() == ICMPEcho {
				b = append(b, "Echo (ping) request  id=0x"...)
			} else {
				b = append(b, "Echo (ping) reply    id=0x"...)
			}
			b = appendHex4(b, m.ID())
			b = append(b, ", seq="...)
			b = strconv.AppendUint(b, uint64(m.Seq()), 10)
			b = append(b, '/')
			return strconv.AppendUint(b, uint64(m.Seq()>>8|m.Seq()<<8), 10)
		case ICMPUnreachable:
			return append(b, "Destination unreachable"...)
		case ICMPTimeExceeded:
			return append(b, "Time-to-live exceeded"...)
		case ICMPRedirect:
			return append(b, "Redirect"...)
		}
	case LayerICMPv6:
		m := ICMPv6(d.data[l.Start:l.End])
		switch m.Type() {
		case ICMPv6EchoRequest:
			return append(b, "Echo (ping) request"...)
		case ICMPv6EchoReply:
			return append(b, "Echo (ping) reply"...)
		case ICMPv6NeighborSolicit:
			return append(b, "Neighbor Solicitation"...)
		case ICMPv6NeighborAdvert:
			return append(b, "Neighbor Advertisement"...)
		case ICMPv6RouterSolicit:
			return append(b, "Router Solicitation"...)
		case ICMPv6RouterAdvert:
			return append(b, "Router Advertisement"...)
		}
	}
	return b
}
