package decode

import (
	"net/netip"
	"strconv"
)

// tcpConvKey identifies a TCP connection in one direction-independent
// order, as tcpdump's relative sequence numbers need.
type tcpConvKey struct {
	src, dst [16]byte
	ports    uint32
}

type tcpConvSeq struct{ seq, ack uint32 }

// maxLineTCPConvs bounds the connections the line printer remembers for
// relative sequence numbers (tcpdump remembers every one): about 4 MB.
const maxLineTCPConvs = 1 << 16

// appendAddrPort appends "addr.port" as tcpdump prints it.
func appendAddrPort(b []byte, a netip.Addr, port uint16) []byte {
	b = a.AppendTo(b)
	b = append(b, '.')
	return strconv.AppendUint(b, uint64(port), 10)
}

func appendPorts(b []byte, src, dst netip.Addr, sp, dp uint16) []byte {
	if !src.IsValid() {
		// After IPv6 extension headers the addresses are already printed.
		b = strconv.AppendUint(b, uint64(sp), 10)
		b = append(b, " > "...)
		b = strconv.AppendUint(b, uint64(dp), 10)
		return append(b, ": "...)
	}
	b = appendAddrPort(b, src, sp)
	b = append(b, " > "...)
	b = appendAddrPort(b, dst, dp)
	return append(b, ": "...)
}

// transportChecksum returns the Internet checksum over the pseudo-header
// and seg (which must be the whole segment); 0 means correct.
func transportChecksum(src, dst netip.Addr, proto uint8, seg []byte) uint16 {
	return pseudoChecksum(src, dst, proto, len(seg), seg)
}

// pseudoChecksum returns the Internet checksum over the pseudo-header of a
// segment of total bytes and the bytes it covers (all of them, or DCCP's
// checksum coverage); 0 means correct.
func pseudoChecksum(src, dst netip.Addr, proto uint8, total int, covered []byte) uint16 {
	var s uint32
	if src.Is4() {
		a, c := src.As4(), dst.As4()
		s = checksumAdd(s, a[:])
		s = checksumAdd(s, c[:])
	} else {
		a, c := src.As16(), dst.As16()
		s = checksumAdd(s, a[:])
		s = checksumAdd(s, c[:])
	}
	s += uint32(proto) + uint32(total)&0xffff + uint32(total)>>16
	s = checksumAdd(s, covered)
	return ^checksumFold(s)
}

// shouldBe returns the checksum field value that would make the sum
// correct, given the field's value and the computed sum.
func shouldBe(field, sum uint16) uint16 {
	// Remove the field from the one's-complement sum, then complement.
	s := uint32(^sum) + uint32(^field)
	return ^checksumFold(s)
}

func (p *LinePrinter) lineTCP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	src, dst, _ := ipAddrs(d, i)
	psrc, pdst := portAddrs(d, i, src, dst)
	if l.Malformed == ReasonTruncated && l.End-l.Start >= tcpMinLen {
		// The fixed header is there, the options are cut: tcpdump
		// prints up to where the capture ends.
		return p.lineTCPHeader(b, d, i, TCP(d.data[l.Start:l.End]), true)
	}
	if l.Malformed == ReasonBadHdrLen {
		data := d.data[l.Start:l.End]
		b = appendPorts(b, psrc, pdst, be16(data), be16(data[2:]))
		b = append(b, " tcp "...)
		b = strconv.AppendInt(b, int64(ipPayloadLen(d, i)), 10)
		b = append(b, " [bad hdr length "...)
		b = appendUint(b, uint64(data[12]>>4)*4)
		return append(b, " - too short, < 20]"...)
	}
	if l.Malformed != "" {
		if l.End-l.Start >= 4 {
			data := d.data[l.Start:l.End]
			b = appendPorts(b, psrc, pdst, be16(data), be16(data[2:]))
		} else {
			b = src.AppendTo(b)
			b = append(b, " > "...)
			b = dst.AppendTo(b)
			b = append(b, ':')
		}
		return append(b, " [|tcp]"...)
	}
	return p.lineTCPHeader(b, d, i, TCP(d.data[l.Start:l.Payload]), false)
}

// lineTCPHeader prints a TCP header; cut says the capture ends inside its
// options, so t holds only what was captured.
func (p *LinePrinter) lineTCPHeader(b []byte, d *Decoder, i int, t TCP, cut bool) []byte {
	l := &d.layers[i]
	src, dst, _ := ipAddrs(d, i)
	psrc, pdst := portAddrs(d, i, src, dst)
	hlen := int(t[12]>>4) * 4
	length := ipPayloadLen(d, i) - hlen
	if length < 0 {
		b = src.AppendTo(b)
		b = append(b, " > "...)
		b = dst.AppendTo(b)
		return append(b, ": [|tcp]"...)
	}
	b = appendPorts(b, psrc, pdst, t.SrcPort(), t.DstPort())
	if p.Options.Quiet {
		b = append(b, "tcp "...)
		return strconv.AppendInt(b, int64(length), 10)
	}
	flags := t.Flags()
	b = append(b, "Flags ["...)
	n := len(b)
	for _, f := range [...]struct {
		bit uint16
		c   byte
	}{{TCPFin, 'F'}, {TCPSyn, 'S'}, {TCPRst, 'R'}, {TCPPsh, 'P'}, {TCPAck, '.'}, {TCPUrg, 'U'}, {TCPEce, 'E'}, {TCPCwr, 'W'}} {
		if flags&f.bit != 0 {
			b = append(b, f.c)
		}
	}
	if len(b) == n {
		b = append(b, "none"...)
	}
	b = append(b, ']')
	if p.Options.Verbose > 0 && !cut && l.End-l.Start >= hlen+length && length >= 0 && !ipv6Fragmented(d, i) {
		sum := transportChecksum(src, pseudoDst(d, i, dst), IPProtoTCP, d.data[l.Start:l.Start+hlen+length])
		b = append(b, ", cksum 0x"...)
		b = appendHex4(b, t.Checksum())
		if sum != 0 {
			b = append(b, " (incorrect -> 0x"...)
			b = appendHex4(b, shouldBe(t.Checksum(), sum))
			b = append(b, ')')
		} else {
			b = append(b, " (correct)"...)
		}
	}
	seq, ack := t.Seq(), t.Ack()
	var thseq, thack uint32
	rev := false
	if !p.Options.AbsSeq && flags&TCPAck != 0 {
		var k tcpConvKey
		sp, dp := t.SrcPort(), t.DstPort()
		if sp > dp {
			rev = true
		} else if sp == dp {
			rev = !src.Less(dst) && src != dst
		}
		sa, da := src.As16(), dst.As16()
		if rev {
			k.src, k.dst, k.ports = da, sa, uint32(dp)<<16|uint32(sp)
		} else {
			k.src, k.dst, k.ports = sa, da, uint32(sp)<<16|uint32(dp)
		}
		if p.tcpSeq == nil {
			p.tcpSeq = make(map[tcpConvKey]tcpConvSeq)
		}
		c, ok := p.tcpSeq[k]
		if !ok && len(p.tcpSeq) >= maxLineTCPConvs {
			// Keep memory flat: forget every connection. Each then
			// starts again as tcpdump starts one it first sees,
			// with absolute numbers on its next packet.
			clear(p.tcpSeq)
		}
		if !ok || flags&TCPSyn != 0 {
			if rev {
				c = tcpConvSeq{seq: ack - 1, ack: seq}
			} else {
				c = tcpConvSeq{seq: seq, ack: ack - 1}
			}
			p.tcpSeq[k] = c
		} else if rev {
			seq -= c.ack
			ack -= c.seq
		} else {
			seq -= c.seq
			ack -= c.ack
		}
		thseq, thack = c.seq, c.ack
	}
	if p.Options.Verbose > 1 || length > 0 || flags&(TCPSyn|TCPFin|TCPRst) != 0 {
		b = append(b, ", seq "...)
		b = appendUint(b, uint64(seq))
		if length > 0 {
			b = append(b, ':')
			b = appendUint(b, uint64(seq+uint32(length)))
		}
	}
	if flags&TCPAck != 0 {
		b = append(b, ", ack "...)
		b = appendUint(b, uint64(ack))
	}
	b = append(b, ", win "...)
	b = appendUint(b, uint64(t.Window()))
	if flags&TCPUrg != 0 {
		b = append(b, ", urg "...)
		b = appendUint(b, uint64(t.Urgent()))
	}
	if hlen > tcpMinLen {
		b = append(b, ", options ["...)
		var bad bool
		b, bad = appendTCPOptions(b, t, rev, thseq, thack, cut)
		if bad {
			// tcpdump stops printing the packet at a bad option.
			return b
		}
		b = append(b, ']')
	}
	b = append(b, ", length "...)
	b = strconv.AppendInt(b, int64(length), 10)
	if flags&TCPRst != 0 && p.Options.Verbose > 0 && length > 0 {
		// tcpdump -v shows the text some stacks put in a reset.
		data := d.data[l.Payload:l.End]
		if len(data) >= length {
			b = append(b, " [RST"...)
		} else {
			b = append(b, " [!RST"...)
		}
		n := length
		if n > 30 {
			n = 30
			b = append(b, '+')
		}
		b = append(b, ' ')
		b = appendPrintable(b, data[:min(n, len(data))])
		return append(b, ']')
	}
	if i+1 < d.n && d.layers[i+1].Type == LayerSSH {
		return p.lineSSH(b, d, i+1) // tcpdump prints ": SSH: " only for the version
	}
	if length > 0 && l.Payload >= l.End && !l.Quoted && (t.SrcPort() == sshPort || t.DstPort() == sshPort) {
		p.abandoned = true // tcpdump's SSH printer finds none of the segment's bytes and longjmps out
		return append(b, " [|ssh]"...)
	}
	if i+1 < d.n && d.layers[i+1].Type == LayerTelnet {
		return p.lineTelnet(b, d, i+1) // tcpdump prints it without the ": "
	}
	if length >= 4 && !l.Quoted && (t.SrcPort() == nfsPort || t.DstPort() == nfsPort) && l.Payload+4 <= l.End {
		// tcpdump reads the first RPC record of a segment on port 2049 as
		// NFS: a call to the port or a reply from it.
		n := be32(d.data[l.Payload:]) & 0x7fffffff
		n = min(n, uint32(length-4))
		if b2, ok := p.lineNFS(b, d, i, l.Payload+4, n, t.SrcPort(), t.DstPort(), true); ok {
			return b2
		}
		return b
	}
	if i+1 < d.n && d.layers[i+1].Type != LayerPayload {
		b = append(b, ": "...)
		return p.lineLayer(b, d, i+1)
	}
	return b
}

// ipPayloadLen returns the length the IP header before layer i announces for
// its payload (which may exceed what was captured), minus the extension
// headers between them.
func ipPayloadLen(d *Decoder, i int) int {
	ext := 0
	for j := i - 1; j >= 0; j-- {
		l := &d.layers[j]
		switch l.Type {
		case LayerIPv4:
			ip := IPv4(d.data[l.Start:l.Payload])
			return int(ip.TotalLength()) - ip.HeaderLen() - ext
		case LayerIPv6:
			ip := IPv6(d.data[l.Start:l.Payload])
			if ip.PayloadLength() == 0 {
				if n := jumboLen(d, j); n > 0 {
					return n - ext
				}
			}
			return int(ip.PayloadLength()) - ext
		case LayerIPv6HopByHop, LayerIPv6Routing, LayerIPv6Fragment, LayerIPv6DestOpts, LayerAH:
			ext += l.Payload - l.Start
		case LayerUDPEncap:
			ext += udpLen + l.Payload - l.Start // the UDP header before it, and its marker
		}
	}
	return d.layers[i].End - d.layers[i].Start
}

// appendTCPOptions appends the options as tcpdump does; bad reports an
// option with an impossible length, after which tcpdump prints no more.
// With cut, the capture ends inside the options: an option running past it
// ends the text with " [|tcp]" instead of "[bad opt]".
func appendTCPOptions(b []byte, t TCP, rev bool, thseq, thack uint32, cut bool) (_ []byte, bad bool) {
	for off, first := 0, true; ; first = false {
		o, next, ok, bad := t.NextOption(off)
		if cut && (!ok || bad && o.Len == 0 && o.Kind != TCPOptEOL && o.Kind != TCPOptNOP) {
			// The capture ends before the next option's kind or length.
			if !first {
				b = append(b, ',')
			}
			return append(b, " [|tcp]"...), true
		}
		if !ok {
			break
		}
		if bad && cut && o.Len >= 2 && int(o.Len) <= int(t[12]>>4)*4-tcpMinLen-off {
			if !first {
				b = append(b, ',')
			}
			b = appendOptName(b, o.Kind)
			if appendOptName(nil, o.Kind) == nil {
				b = append(b, "unknown-"...)
				b = appendUint(b, uint64(o.Kind))
				b = append(b, " 0x"...)
				b = appendHexBytes(b, o.Data)
			}
			return append(b, " [|tcp]"...), true
		}
		if bad && o.Kind != TCPOptEOL && o.Kind != TCPOptNOP {
			if first {
				return append(b, "[bad opt]"...), true
			}
			return append(b, ",[bad opt]]"...), true
		}
		if !first {
			b = append(b, ',')
		}
		off = next
		switch o.Kind {
		case TCPOptEOL:
			b = append(b, "eol"...)
			return b, false
		case TCPOptNOP:
			b = append(b, "nop"...)
			continue
		}
		switch {
		case o.Kind == TCPOptMSS && len(o.Data) == 2:
			b = append(b, "mss "...)
			b = appendUint(b, uint64(be16(o.Data)))
		case o.Kind == TCPOptWScale && len(o.Data) == 1:
			b = append(b, "wscale "...)
			b = appendUint(b, uint64(o.Data[0]))
		case o.Kind == TCPOptSACKOK && len(o.Data) == 0:
			b = append(b, "sackOK"...)
		case o.Kind == TCPOptSACK:
			b = append(b, "sack"...)
			if len(o.Data)%8 != 0 {
				b = append(b, " invalid sack"...)
				break
			}
			b = append(b, ' ')
			b = appendUint(b, uint64(len(o.Data)/8))
			b = append(b, ' ')
			for j := 0; j < len(o.Data); j += 8 {
				s, e := be32(o.Data[j:]), be32(o.Data[j+4:])
				if rev {
					s, e = s-thseq, e-thseq
				} else {
					s, e = s-thack, e-thack
				}
				b = append(b, '{')
				b = appendUint(b, uint64(s))
				b = append(b, ':')
				b = appendUint(b, uint64(e))
				b = append(b, '}')
			}
		case o.Kind == TCPOptTimestamp && len(o.Data) == 8:
			b = append(b, "TS val "...)
			b = appendUint(b, uint64(be32(o.Data)))
			b = append(b, " ecr "...)
			b = appendUint(b, uint64(be32(o.Data[4:])))
		case o.Kind == TCPOptMPTCP:
			var ok bool
			if b, ok = appendMPTCPOption(b, o, t.Flags()); !ok {
				b = append(b, "[bad opt]"...)
				if !first {
					b = append(b, ']')
				}
				return b, true
			}
		case o.Kind == TCPOptTFO:
			b = append(b, "tfo"...)
			if len(o.Data) == 0 {
				b = append(b, " cookiereq"...)
			} else {
				b = append(b, " cookie "...)
				b = appendHexBytes(b, o.Data)
			}
		case o.Kind == TCPOptExp1 || o.Kind == TCPOptExp2:
			if len(o.Data) >= 2 && be16(o.Data) == 0xf989 {
				b = append(b, "tfo"...)
				if len(o.Data) == 2 {
					b = append(b, " cookiereq"...)
				} else {
					b = append(b, " cookie "...)
					b = appendHexBytes(b, o.Data[2:])
				}
				break
			}
			b = append(b, "exp-"...)
			if len(o.Data) >= 2 {
				b = appendHex4(b, be16(o.Data))
			}
		case o.Kind == TCPOptMSS, o.Kind == TCPOptWScale, o.Kind == TCPOptSACKOK, o.Kind == TCPOptTimestamp:
			b = appendOptName(b, o.Kind)
			b = append(b, " [bad length "...)
			b = appendUint(b, uint64(o.Len))
			b = append(b, ']')
		default:
			b = append(b, "unknown-"...)
			b = appendUint(b, uint64(o.Kind))
			if len(o.Data) > 0 {
				b = append(b, " 0x"...)
				b = appendHexBytes(b, o.Data)
			}
		}
	}
	return b, false
}

func appendOptName(b []byte, k uint8) []byte {
	switch k {
	case TCPOptMSS:
		return append(b, "mss"...)
	case TCPOptWScale:
		return append(b, "wscale"...)
	case TCPOptSACKOK:
		return append(b, "sackOK"...)
	case TCPOptTimestamp:
		return append(b, "TS"...)
	}
	return b
}

func (p *LinePrinter) lineUDP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	src, dst, v6 := ipAddrs(d, i)
	psrc, pdst := portAddrs(d, i, src, dst)
	if l.Malformed == ReasonTruncated || l.Payload-l.Start < 4 { // no ports in the header: cut short
		if l.End-l.Start >= 4 {
			data := d.data[l.Start:l.End]
			b = appendPorts(b, psrc, pdst, be16(data), be16(data[2:]))
		}
		return append(b, " [|udp]"...)
	}
	u := UDP(d.data[l.Start:l.Payload])
	b = appendPorts(b, psrc, pdst, u.SrcPort(), u.DstPort())
	if l.Malformed != "" {
		b = append(b, "[bad udp length "...)
		b = appendUint(b, uint64(u.Length()))
		b = append(b, "]"...)
		return b
	}
	length := int(u.Length()) - udpLen
	if ipLen := ipPayloadLen(d, i) - udpLen; !p.Options.Quiet && !l.Quoted && length >= 0 {
		// tcpdump reads a call to port 2049 or a reply from it as NFS
		// before anything else (and before the checksum).
		if b2, ok := p.lineNFS(b, d, i, l.Payload, uint32(min(length, max(ipLen, 0))), u.SrcPort(), u.DstPort(), false); ok {
			return b2
		}
	}
	snmp := !p.Options.Quiet && snmpTcpdumpPorts(u.SrcPort(), u.DstPort())
	radius := !p.Options.Quiet && !l.Quoted && (radiusTcpdumpPort(u.SrcPort()) || radiusTcpdumpPort(u.DstPort()))
	krb := !p.Options.Quiet && !l.Quoted && (u.SrcPort() == krbPort || u.DstPort() == krbPort) // tcpdump's printer takes it whatever the length
	ike := !p.Options.Quiet && !l.Quoted && (ikeTcpdumpPort(u.SrcPort()) || ikeTcpdumpPort(u.DstPort()) ||
		u.SrcPort() == udpEncapPort || u.DstPort() == udpEncapPort) // so do ISAKMP's
	lspping := !p.Options.Quiet && !l.Quoted && lsppingTcpdumpPorts(u.SrcPort(), u.DstPort())
	ldp := !p.Options.Quiet && !l.Quoted && (u.SrcPort() == ldpPort || u.DstPort() == ldpPort)
	if ipLen := ipPayloadLen(d, i); int(u.Length()) > ipLen && !l.Quoted && !snmp && !radius && !krb && !ike && !lspping && !ldp && !udpInFragment(d, i) {
		b = append(b, "UDP, bad length "...)
		b = appendUint(b, uint64(u.Length())-udpLen)
		b = append(b, " > "...)
		return strconv.AppendInt(b, int64(ipLen-udpLen), 10)
	}
	if p.Options.Verbose > 0 && !p.Options.Quiet && (v6 || p.Options.Verbose > 1) && !ipv6Fragmented(d, i) {
		whole := l.Start+int(u.Length()) <= l.End
		switch {
		case !v6 && u.Checksum() == 0:
			b = append(b, "[no cksum] "...)
		case whole:
			proto := uint8(IPProtoUDP)
			sum := transportChecksum(src, pseudoDst(d, i, dst), proto, d.data[l.Start:l.Start+int(u.Length())])
			if sum != 0 {
				b = append(b, "[bad udp cksum 0x"...)
				b = appendHex4(b, u.Checksum())
				b = append(b, " -> 0x"...)
				b = appendHex4(b, shouldBe(u.Checksum(), sum))
				b = append(b, "!] "...)
			} else {
				b = append(b, "[udp sum ok] "...)
			}
		}
	}
	if i+1 < d.n && d.layers[i+1].Type != LayerPayload {
		return p.lineLayer(b, d, i+1)
	}
	if krb {
		return p.appendKerberos(b, d.data[l.Payload:l.End])
	}
	if !p.Options.Quiet && (ikeTcpdumpPort(u.SrcPort()) || ikeTcpdumpPort(u.DstPort())) {
		// A message rawcap's decoder leaves as data, or one quoted in an
		// ICMP error: tcpdump prints it.
		return p.appendISAKMPLine(b, d, i+1, d.data[l.Payload:l.End], min(length, ipPayloadLen(d, i)-udpLen))
	}
	if ike && l.Payload == l.End && length > 0 {
		// Port 4500's contents, not captured: tcpdump's printer gives up.
		p.abandoned = true
		return append(b, " [|isakmp_rfc3948]"...)
	}
	if lspping {
		// tcpdump hands the datagram to its LSP ping printer even where
		// Wireshark leaves it as data.
		return p.appendLSPPing(b, d.data[l.Payload:l.End], radiusTcpdumpLen(d, i))
	}
	if ldp {
		return p.appendLDP(b, d.data[l.Payload:l.End], radiusTcpdumpLen(d, i)) // the same, for LDP
	}
	if radius {
		// tcpdump hands the datagram to its RADIUS printer even where
		// Wireshark does not take it for RADIUS.
		return p.appendRADIUSLine(b, d.data[l.Payload:l.End], radiusTcpdumpLen(d, i))
	}
	if snmp {
		// tcpdump hands the datagram to its SNMP printer even where
		// Wireshark does not take it for SNMP.
		return p.lineSNMPData(b, d.data[l.Payload:l.End], d.udpReported(i+1, l.End-l.Payload))
	}
	if i+1 < d.n && !l.Quoted && d.Ports.Lookup(TransportUDP, u.SrcPort(), u.DstPort()) == LayerSIP {
		return p.lineSIPText(b, d, i) // tcpdump's SIP printer takes any payload on its port
	}
	if length == 0 && !p.Options.Quiet && !l.Quoted && d.Ports.Lookup(TransportUDP, u.SrcPort(), u.DstPort()) == LayerDNS {
		// No DNS layer for an empty datagram, but tcpdump still hands it
		// to its DNS printer, which finds no header.
		return append(b, "domain [length 0 < 12] (invalid)"...)
	}
	if !p.Options.Quiet && !l.Quoted && (u.SrcPort() == otvPort || u.DstPort() == otvPort) {
		return p.lineOTV(b, d, i, length)
	}
	if !p.Options.Quiet && !l.Quoted && (u.SrcPort() == someipPort || u.DstPort() == someipPort) {
		return p.lineSOMEIP(b, d, i, length)
	}
	if !p.Options.Quiet && !l.Quoted && (u.SrcPort() == ahcpPort || u.DstPort() == ahcpPort) {
		return p.lineAHCP(b, d, i, length)
	}
	if !p.Options.Quiet && !l.Quoted && u.SrcPort() == bcmliPort {
		return p.lineBCMLI(b, d, i, length) // tcpdump takes the source port only
	}
	if !p.Options.Quiet && !l.Quoted && (u.SrcPort() == sflowPort || u.DstPort() == sflowPort) && lineSFlowOther(d.data[l.Payload:l.End], length) {
		return appendSFlowOther(b, d.data[l.Payload:l.End])
	}
	b = append(b, "UDP, length "...)
	return strconv.AppendInt(b, int64(length), 10)
}

// udpInFragment reports UDP at layer i in the first fragment of an IPv4
// datagram: tcpdump does not call its length bad there.
func udpInFragment(d *Decoder, i int) bool {
	if i == 0 || d.layers[i-1].Type != LayerIPv4 {
		return false
	}
	ip := &d.layers[i-1]
	return ip.Payload-ip.Start >= 20 && IPv4(d.data[ip.Start:ip.Payload]).MF()
}

// appendPrintable appends data as tcpdump's nd_printn does: printable ASCII
// as is, other bytes as "M-" (high bit) and "^X" (control) escapes.
func appendPrintable(b, data []byte) []byte {
	for _, c := range data {
		if c >= 0x80 {
			b = append(b, 'M', '-')
			c &= 0x7f
		}
		if c < 0x20 || c == 0x7f {
			b = append(b, '^', c^0x40)
			continue
		}
		b = append(b, c)
	}
	return b
}

// portAddrs returns the addresses to print before the ports of the
// transport at layer i: none after IPv6 extension headers, where tcpdump
// has printed them already.
func portAddrs(d *Decoder, i int, src, dst netip.Addr) (netip.Addr, netip.Addr) {
	if i > 0 && (isIPv6Ext(d.layers[i-1].Type) || d.layers[i-1].Type == LayerAH) {
		return netip.Addr{}, netip.Addr{}
	}
	return src, dst
}
