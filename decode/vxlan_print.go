package decode

import (
	"strconv"

	"github.com/rawcap/rawcap/linktype"
)

// lineVXLAN appends "VXLAN, flags [I] (0x08), vni N", a newline, and the
// inner frame, as tcpdump does (which prints only "UDP, length N" with -q).
func (p *LinePrinter) lineVXLAN(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	wire := udpTunnelLen(d, i)
	if p.Options.Quiet {
		return appendUDPLength(b, wire)
	}
	if wire < vxlanLen {
		return append(b, "VXLAN (invalid)"...)
	}
	// The fields as far as they were captured, as tcpdump reads them.
	v := d.data[l.Start:l.End]
	if len(v) < 1 {
		return append(b, "VXLAN [|vxlan]"...)
	}
	b = append(b, "VXLAN, flags ["...)
	if v[0]&0x08 != 0 {
		b = append(b, 'I')
	} else {
		b = append(b, "invalid"...)
	}
	b = append(b, "] (0x"...)
	b = appendHex2(b, v[0])
	b = append(b, "), "...)
	if len(v) < 7 {
		return append(b, " [|vxlan]"...)
	}
	b = append(b, "vni "...)
	b = appendUint(b, uint64(v[4])<<16|uint64(v[5])<<8|uint64(v[6]))
	b = append(b, '\n')
	if len(v) < vxlanLen {
		return append(b, " [|vxlan]"...)
	}
	if i+1 >= d.n {
		return append(b, " [|ether]"...)
	}
	return p.lineInner(b, d, i+1)
}

// udpTunnelLen returns the length of the tunnel header at layer i and what
// it carries as the UDP header before it announces it (as tcpdump counts).
func udpTunnelLen(d *Decoder, i int) int {
	if i > 0 && d.layers[i-1].Type == LayerUDP {
		return d.tcpWirePayload(i - 1)
	}
	return d.layers[i].End - d.layers[i].Start
}

// appendUDPLength appends what tcpdump -q prints for a UDP tunnel.
func appendUDPLength(b []byte, wire int) []byte {
	b = append(b, "UDP, length "...)
	return strconv.AppendInt(b, int64(wire), 10)
}

// decodeInner decodes data, a frame of link type lt carried inside the
// packet d holds (OTV's, BCM-LI's, SLIP's IP packet), with d's ports, on
// the printer's one inner decoder, made once per printer. It returns nil
// when d is that decoder: a tunnel inside a tunnel, whose outer frame is
// still being printed.
func (p *LinePrinter) decodeInner(d *Decoder, data []byte, lt linktype.Type) *Decoder {
	if d == p.inner {
		return nil
	}
	if p.inner == nil {
		p.inner = NewDecoder()
	}
	p.inner.Ports = d.Ports
	p.inner.Decode(data, lt)
	return p.inner
}

// lineInner appends the packet a tunnel carries from layer i on. With -e
// tcpdump names the network protocol only in the link header it prints
// ("ethertype IPv4"), not again before the addresses, so the "IP " or
// "IP6 " the IP printers add for an inner packet is taken out.
func (p *LinePrinter) lineInner(b []byte, d *Decoder, i int) []byte {
	if i >= d.n {
		return b
	}
	if !p.Options.Link {
		return p.lineLayer(b, d, i)
	}
	n := len(b)
	if l := &d.layers[i]; l.Type == LayerEthernet && l.Malformed == "" && (i+1 >= d.n || d.layers[i+1].Type != LayerVLAN) {
		// The inner frame's length, not the packet's, as tcpdump prints.
		e := Ethernet(d.data[l.Start:l.Payload])
		if !e.IsLength() {
			b = e.Src().AppendTo(b)
			b = append(b, " > "...)
			b = e.Dst().AppendTo(b)
			b = append(b, ", "...)
			b = p.appendEtherType(b, e.TypeOrLength())
			b = append(b, ", length "...)
			b = strconv.AppendInt(b, int64(p.wire-l.Start), 10)
			b = append(b, ": "...)
			n = len(b)
			i++
		}
	}
	b = p.lineLayer(b, d, i)
	if i >= d.n || (d.layers[i].Type != LayerIPv4 && d.layers[i].Type != LayerIPv6) {
		return b
	}
	for _, pre := range [...]string{"IP6 ", "IP "} {
		if len(b)-n >= len(pre) && string(b[n:n+len(pre)]) == pre {
			copy(b[n:], b[n+len(pre):])
			return b[:len(b)-len(pre)]
		}
	}
	return b
}
