package decode

import "net/netip"

// Stream is what the connection tracker found for one TCP or UDP header of
// the packet a Decoder last decoded: the stream index every Wireshark-style
// output shows (tcp.stream, udp.stream), the endpoints, and for TCP the
// relative numbers tshark's follow works from. Payload aliases the packet
// and is valid until the next Decode.
type Stream struct {
	Layer int    // the header's index in Layers()
	TCP   bool   // a TCP header (else UDP)
	Index uint32 // tcp.stream or udp.stream

	// Src and Dst are the addresses of the IP header the TCP or UDP header
	// follows (Wireshark's pinfo->src and dst); the ports are the header's.
	Src, Dst         netip.Addr
	SrcPort, DstPort uint16

	// Payload is the captured payload after the header, up to the length
	// the IP header (and for UDP, the UDP header) announces.
	Payload []byte

	// Quoted is set for a header inside an ICMP error's quoted packet.
	Quoted bool

	// Len is, for UDP, the payload's length as the UDP header announces it.
	// For TCP, HaveLen reports that the segment length is known (not
	// inside an ICMP error nor an IP fragment, header complete): Len is
	// then tcp.len.
	Len int

	// TCP only. Seq is tcp.seq, relative; Ack is tcp.ack, relative
	// when the ACK flag is set and the raw number otherwise, as tshark's
	// follow sees them. Flags are the header's flags (TCPSyn, TCPFin…).
	HaveLen  bool
	Seq, Ack uint32
	Flags    uint16
}

// AppendStreams appends to dst what the tracker found for every TCP and
// UDP header of the packet d last decoded, described by f, outermost
// first, tracking the packet first if no output has asked for it yet (the
// same numbers --json, -T fields and -Y see). Like the printers, it must
// be given every packet in capture order. It allocates only to grow dst.
func (d *Decoder) AppendStreams(dst []Stream, f *Frame) []Stream {
	r := d.track(f)
	for k := range r.n {
		i := r.layer[k]
		l := &d.layers[i]
		s := Stream{Layer: i, TCP: r.isTCP[k], Quoted: l.Quoted}
		s.Src, s.Dst = d.ipAddrsBefore(i)
		if l.Payload > l.Start && l.Payload <= l.End {
			s.Payload = d.data[l.Payload:l.End:l.End]
		}
		if s.TCP {
			sg := &r.tcpRes[k]
			s.Index = sg.Stream
			s.HaveLen = sg.HaveLen && l.Malformed == "" && l.Payload > l.Start
			s.Len, s.Seq, s.Ack = sg.Len, sg.Seq, sg.Ack
			var pad [tcpMinLen]byte
			if tc, _, ok := tcpView(d, i, &pad); ok {
				s.SrcPort, s.DstPort, s.Flags = tc.SrcPort(), tc.DstPort(), tc.Flags()
			}
		} else {
			s.Index = r.udpRes[k].Stream
			u := UDP(d.data[l.Start : l.Start+udpLen])
			s.SrcPort, s.DstPort = u.SrcPort(), u.DstPort()
			s.Len = max(int(u.Length())-udpLen, 0)
		}
		dst = append(dst, s)
	}
	return dst
}

// StreamsOpened returns how many TCP and UDP stream indexes the tracker
// has handed out so far in this capture (the next indexes it would give).
func (d *Decoder) StreamsOpened() (tcp, udp uint32) {
	if d.trk == nil {
		return 0, 0
	}
	return d.trk.tcpNext, d.trk.udpNext
}

// ipAddrsBefore returns the addresses of the nearest IPv4 or IPv6 header
// before layer i (the zero Addr when there is none).
func (d *Decoder) ipAddrsBefore(i int) (src, dst netip.Addr) {
	for j := i - 1; j >= 0; j-- {
		l := &d.layers[j]
		switch l.Type {
		case LayerIPv4:
			ip := IPv4(d.data[l.Start:l.Payload])
			return ip.Src(), ip.Dst()
		case LayerIPv6:
			ip := IPv6(d.data[l.Start:l.Payload])
			return ip.Src(), ip.Dst()
		}
	}
	return netip.Addr{}, netip.Addr{}
}
