package decode

import "strconv"

// tcpdump's text for OpenFlow 1.0: "OpenFlow" after TCP's length, then a
// line per message ("\n\tversion 1.0, type HELLO, length 8, xid 0x…"), and
// with -v the message's body on lines of its own, the deeper parts (a
// port's flags) with -vv.

// ofpTcpdumpTypes are tcpdump's names of the message types.
var ofpTcpdumpTypes = [...]string{
	"HELLO", "ERROR", "ECHO_REQUEST", "ECHO_REPLY", "VENDOR", "FEATURES_REQUEST",
	"FEATURES_REPLY", "GET_CONFIG_REQUEST", "GET_CONFIG_REPLY", "SET_CONFIG",
	"PACKET_IN", "FLOW_REMOVED", "PORT_STATUS", "PACKET_OUT", "FLOW_MOD", "PORT_MOD",
	"STATS_REQUEST", "STATS_REPLY", "BARRIER_REQUEST", "BARRIER_REPLY",
	"QUEUE_GET_CONFIG_REQUEST", "QUEUE_GET_CONFIG_REPLY",
}

// ofpBit names one bit of a flags word as tcpdump prints it.
type ofpBit struct {
	bit  uint32
	name string
}

// The flags words' bits rawcap names (the OpenFlow 1.0 specification's
// names); a word with another bit set is left as data (openflowTaken).
var (
	ofpCapabilityBits = [...]ofpBit{{0x1, "FLOW_STATS"}, {0x2, "TABLE_STATS"}, {0x4, "PORT_STATS"},
		{0x20, "IP_REASM"}, {0x40, "QUEUE_STATS"}, {0x80, "ARP_MATCH_IP"}}
	ofpActionBits = [...]ofpBit{{0x1, "OUTPUT"}, {0x2, "SET_VLAN_VID"}, {0x4, "SET_VLAN_PCP"},
		{0x8, "STRIP_VLAN"}, {0x10, "SET_DL_SRC"}, {0x20, "SET_DL_DST"}, {0x40, "SET_NW_SRC"},
		{0x80, "SET_NW_DST"}, {0x100, "SET_NW_TOS"}, {0x200, "SET_TP_SRC"}, {0x400, "SET_TP_DST"},
		{0x800, "ENQUEUE"}}
	ofpPortConfigBits = [...]ofpBit{{0x1, "PORT_DOWN"}, {0x2, "NO_STP"}, {0x4, "NO_RECV"},
		{0x8, "NO_RECV_STP"}, {0x10, "NO_FLOOD"}, {0x20, "NO_FWD"}, {0x40, "NO_PACKET_IN"}}
	ofpPortFeatureBits = [...]ofpBit{{0x1, "10MB_HD"}, {0x2, "10MB_FD"}, {0x4, "100MB_HD"},
		{0x8, "100MB_FD"}, {0x10, "1GB_HD"}, {0x20, "1GB_FD"}, {0x40, "10GB_FD"},
		{0x80, "COPPER"}, {0x100, "FIBER"}, {0x200, "AUTONEG"}, {0x400, "PAUSE"},
		{0x800, "PAUSE_ASYM"}}
)

// ofpBitsKnown reports whether every bit set in v is named in bits.
func ofpBitsKnown(v uint32, bits []ofpBit) bool {
	for _, b := range bits {
		v &^= b.bit
	}
	return v == 0
}

// appendOfpBits appends a flags word as tcpdump prints it: "0x%08x" and,
// when a bit is set, their names in parentheses.
func appendOfpBits(b []byte, v uint32, bits []ofpBit) []byte {
	b = appendHex32(b, v)
	sep := " ("
	for _, f := range bits {
		if v&f.bit != 0 {
			b = append(append(b, sep...), f.name...)
			sep = ", "
		}
	}
	if sep == ", " {
		b = append(b, ')')
	}
	return b
}

// appendHex32 appends v as "0x" and 8 hex digits.
func appendHex32(b []byte, v uint32) []byte { return appendHexN(append(b, "0x"...), uint64(v), 8) }

// ofpFeaturesTaken reports whether rawcap prints a FEATURES_REPLY's body
// (24 bytes and 48 per port) as tcpdump does: flags of known bits, ports
// numbered below the reserved ones, printable names.
func ofpFeaturesTaken(body []byte) bool {
	if !ofpBitsKnown(be32(body[16:]), ofpCapabilityBits[:]) || !ofpBitsKnown(be32(body[20:]), ofpActionBits[:]) {
		return false
	}
	for off := 24; off+48 <= len(body); off += 48 {
		if !ofpPhyPortTaken(body[off : off+48]) {
			return false
		}
	}
	return true
}

// ofpPhyPortTaken reports whether rawcap prints the port description p
// (48 bytes) as tcpdump does: a physical port, flags of known bits, a
// printable name.
func ofpPhyPortTaken(p []byte) bool {
	if be16(p) >= 0xff00 || !ofpBitsKnown(be32(p[24:]), ofpPortConfigBits[:]) || be32(p[28:])&^0x1 != 0 {
		return false
	}
	for _, w := range [...]uint32{be32(p[32:]), be32(p[36:]), be32(p[40:]), be32(p[44:])} {
		if !ofpBitsKnown(w, ofpPortFeatureBits[:]) {
			return false
		}
	}
	end := false
	for _, c := range p[8:24] {
		switch {
		case c == 0:
			end = true
		case end || c < 0x20 || c > 0x7e:
			return false
		}
	}
	return true
}

// lineOpenFlow appends tcpdump's text for layer i.
func (p *LinePrinter) lineOpenFlow(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	b = append(b, "OpenFlow"...)
	v := p.Options.Verbose
	at := l.Start
	openflowWalk(d.data[l.Start:l.End], func(m []byte) {
		start := at
		at += len(m)
		b = append(b, "\n\tversion 1.0, type "...)
		b = append(b, ofpTcpdumpTypes[m[1]]...)
		b = strconv.AppendUint(append(b, ", length "...), uint64(be16(m[2:])), 10)
		b = appendHex32(append(b, ", xid "...), be32(m[4:]))
		if v == 0 {
			return
		}
		body := m[openflowHdrLen:]
		switch m[1] {
		case ofpVendor:
			b = appendOfpBSN(b, body)
		case ofpFlowMod:
			b = appendOfpFlowMod(b, body)
		case ofpFlowRemoved:
			b = appendOfpFlowRemoved(b, body)
		case ofpError:
			b = appendOfpError(b, body[:4])
			body = body[4:]
			fallthrough
		case ofpHello, ofpEchoRequest, ofpEchoReply:
			if len(body) > 0 {
				b = strconv.AppendUint(append(b, "\n\t data ("...), uint64(len(body)), 10)
				b = append(b, " octets)"...)
				if v > 1 {
					b = appendHexASCIILines(b, body, "\n\t  ")
				}
			}
		case ofpSetConfig, ofpGetConfigReply:
			b = append(b, "\n\t flags "...)
			switch fl := be16(body); fl {
			case 0, 1, 2:
				b = append(b, ofpConfigFlags[fl]...)
			default:
				b = appendHexN(append(b, "invalid (0x"...), uint64(fl), 4)
				b = append(b, ')')
			}
			b = strconv.AppendUint(append(b, ", miss_send_len "...), uint64(be16(body[2:])), 10)
		case ofpStatsRequest:
			b = appendOfpStatsRequest(b, body)
		case ofpStatsReply:
			b = appendOfpStatsReply(b, body, v)
		case ofpFeaturesReply:
			b = p.lineOpenFlowFeatures(b, body)
		case ofpPortMod:
			b = appendOfpPort(append(b, "\n\t port_no "...), be16(body))
			b = MAC(body[2:8]).AppendTo(append(b, ", hw_addr "...))
			b = appendOfpBits(append(b, "\n\t config "...), be32(body[8:]), ofpPortConfigBits[:])
			b = appendOfpBits(append(b, "\n\t mask "...), be32(body[12:]), ofpPortConfigBits[:])
			b = appendOfpBits(append(b, "\n\t advertise "...), be32(body[16:]), ofpPortFeatureBits[:])
		case ofpQueueGetConfig:
			b = appendOfpPort(append(b, "\n\t port "...), be16(body))
		case ofpPortStatus:
			b = append(append(b, "\n\t reason "...), ofpPortReasons[body[0]]...)
			b = p.appendOfpPhyPort(b, body[8:56])
		case ofpPacketOut:
			b = appendHex32(append(b, "\n\t buffer_id "...), be32(body))
			b = appendOfpPort(append(b, ", in_port "...), be16(body[4:]))
			c := ofpCut{b: b, body: body}
			fo, carries := openflowFrame(m)
			if !carries {
				fo = len(m)
			}
			c.actions(8, fo-openflowHdrLen, "\n\t ")
			b = c.b
			if carries {
				b = p.lineOpenFlowFrame(b, d, start+fo, start+len(m))
			}
		case ofpPacketIn:
			b = append(b, "\n\t buffer_id "...)
			if id := be32(body); id == 0xffffffff {
				b = append(b, "NONE"...)
			} else {
				b = appendHex32(b, id)
			}
			b = strconv.AppendUint(append(b, ", total_len "...), uint64(be16(body[4:])), 10)
			b = appendOfpPort(append(b, ", in_port "...), be16(body[6:]))
			b = append(append(b, ", reason "...), ofpPacketInReasons[body[8]]...)
			b = p.lineOpenFlowFrame(b, d, start+openflowHdrLen+ofpPacketInLen, start+len(m))
		}
	})
	if t := openflowTail(d, i); t != nil {
		b = append(b, "\n\tversion 1.0, type "...)
		b = append(b, ofpTcpdumpTypes[t[1]]...)
		b = strconv.AppendUint(append(b, ", length "...), uint64(be16(t[2:])), 10)
		b = appendHex32(append(b, ", xid "...), be32(t[4:]))
		if v > 0 {
			c := ofpCut{b: b, body: t[openflowHdrLen:]}
			if t[1] == ofpFlowMod {
				c.flowMod(int(be16(t[2:])))
			} else {
				c.statsReply(int(be16(t[2:])) - openflowHdrLen)
			}
			b = c.b
		}
		b = append(b, " [|openflow]"...)
		p.abandoned = true // tcpdump's printer longjmps out at the cut
	}
	return b
}

// ofpPacketInReasons are tcpdump's names of a PACKET_IN's reasons (the
// ones rawcap takes).
var ofpPacketInReasons = [...]string{"NO_MATCH", "ACTION"}

// lineOpenFlowFrame appends tcpdump's text for the frame a PACKET_IN or
// PACKET_OUT carries at d.data[start:end]: its length, and at -vvv its
// own line, as tcpdump prints the frame at three levels less.
func (p *LinePrinter) lineOpenFlowFrame(b []byte, d *Decoder, start, end int) []byte {
	b = strconv.AppendUint(append(b, "\n\t data ("...), uint64(end-start), 10)
	b = append(b, " octets)"...)
	if p.Options.Verbose < 3 {
		return b
	}
	b = append(b, ", frame decoding below\n"...)
	first, past := carriedLayers(d, start, end)
	if first == 0 {
		return b
	}
	v, wire, n := p.Options.Verbose, p.wire, d.n
	p.Options.Verbose -= 3
	p.wire, d.n = end, past // the frame's own end, its own layers
	b = p.lineLayer(b, d, first)
	p.Options.Verbose, p.wire, d.n = v, wire, n
	return b
}

// openflowTailTaken reports whether rawcap prints the start t of a
// message cut at the segment's end as tcpdump does: a FLOW_MOD or a FLOW
// STATS_REPLY whose captured fields are of the forms rawcap takes.
func openflowTailTaken(t []byte) bool {
	if len(t) < openflowHdrLen || t[0] != 1 {
		return false
	}
	body := t[openflowHdrLen:]
	switch t[1] {
	case ofpFlowMod:
		if be16(t[2:]) < ofpFlowModLen {
			return false
		}
		var fixed [ofpFlowModLen - openflowHdrLen]byte
		n := copy(fixed[:], body)
		if !ofpMatchTaken(fixed[:40]) || !ofpFlowModTaken(fixed[:]) {
			return false
		}
		return ofpActionsPrefixTaken(body[n:])
	case ofpStatsReply:
		if be16(t[2:]) < 12 || len(body) >= 2 && be16(body) != ofpstFlow || len(body) >= 4 && be16(body[2:])&^1 != 0 {
			return false
		}
		r := body[min(4, len(body)):]
		for off := 0; off < len(r); {
			e := r[off:]
			if len(e) >= 2 && be16(e) < 88 || len(e) >= 3 && e[2] == 0xff {
				return false
			}
			var m [40]byte
			if len(e) > 4 {
				copy(m[:], e[4:])
			}
			if !ofpMatchTaken(m[:]) {
				return false
			}
			if len(e) < 88 {
				return true // cut in its fixed part
			}
			n := int(be16(e))
			if len(e) < n {
				return ofpActionsPrefixTaken(e[88:])
			}
			if !ofpActionsPrefixTaken(e[88:n]) {
				return false
			}
			off += n
		}
		return true
	}
	return false
}

// ofpActionsPrefixTaken reports whether a, the start of an action list,
// holds actions rawcap lays out, the last one perhaps cut short.
func ofpActionsPrefixTaken(a []byte) bool {
	for off := 0; off < len(a); {
		_, _, next, ok := ofpActionNext(a, off)
		if ok {
			off = next
			continue
		}
		// A cut action: its visible type and length must be known.
		var act [16]byte
		n := copy(act[:], a[off:])
		if n == len(a)-off && n < 16 {
			typ := be16(act[:])
			want := 8
			if typ == ofpatSetDLSrc || typ == ofpatSetDLDst || typ == ofpatEnqueue {
				want = 16
			}
			if n >= 4 && int(be16(act[2:])) != want {
				return false
			}
			if n < 4 {
				act[2], act[3] = 0, byte(want)
			}
			if n < 6 && (typ == ofpatOutput || typ == ofpatEnqueue) {
				act[4], act[5] = 0, 1
			}
			_, _, _, ok = ofpActionNext(act[:want], 0)
			return ok && n < want
		}
		return false
	}
	return true
}

// lineOpenFlowFeatures appends a FEATURES_REPLY's body: the datapath, its
// capabilities and actions, a line per port and, with -vv, its flags.
func (p *LinePrinter) lineOpenFlowFeatures(b []byte, body []byte) []byte {
	b = appendHexN(append(b, "\n\t dpid 0x"...), be64(body), 16)
	b = strconv.AppendUint(append(b, ", n_buffers "...), uint64(be32(body[8:])), 10)
	b = strconv.AppendUint(append(b, ", n_tables "...), uint64(body[12]), 10)
	b = appendOfpBits(append(b, "\n\t capabilities "...), be32(body[16:]), ofpCapabilityBits[:])
	b = appendOfpBits(append(b, "\n\t actions "...), be32(body[20:]), ofpActionBits[:])
	for off := 24; off+48 <= len(body); off += 48 {
		b = p.appendOfpPhyPort(b, body[off:off+48])
	}
	return b
}

// appendOfpPhyPort appends a port description: its number, address and
// name, and with -vv its flags.
func (p *LinePrinter) appendOfpPhyPort(b []byte, pt []byte) []byte {
	b = strconv.AppendUint(append(b, "\n\t  port_no "...), uint64(be16(pt)), 10)
	b = MAC(pt[2:8]).AppendTo(append(b, ", hw_addr "...))
	b = append(b, ", name '"...)
	for _, c := range pt[8:24] {
		if c == 0 {
			break
		}
		b = append(b, c)
	}
	b = append(b, '\'')
	if p.Options.Verbose < 2 {
		return b
	}
	b = appendOfpBits(append(b, "\n\t   config "...), be32(pt[24:]), ofpPortConfigBits[:])
	st := be32(pt[28:])
	b = append(appendHex32(append(b, "\n\t   state "...), st), " (STP_LISTEN"...)
	if st&1 != 0 {
		b = append(b, ", LINK_DOWN"...)
	}
	b = append(b, ')')
	b = appendOfpBits(append(b, "\n\t   curr "...), be32(pt[32:]), ofpPortFeatureBits[:])
	b = appendOfpBits(append(b, "\n\t   advertised "...), be32(pt[36:]), ofpPortFeatureBits[:])
	b = appendOfpBits(append(b, "\n\t   supported "...), be32(pt[40:]), ofpPortFeatureBits[:])
	b = appendOfpBits(append(b, "\n\t   peer "...), be32(pt[44:]), ofpPortFeatureBits[:])
	return b
}

// The flow match's wildcard bits (ofp_flow_wildcards).
const (
	ofpfwInPort    = 1 << 0
	ofpfwDLVLAN    = 1 << 1
	ofpfwDLSrc     = 1 << 2
	ofpfwDLDst     = 1 << 3
	ofpfwDLType    = 1 << 4
	ofpfwNWProto   = 1 << 5
	ofpfwTPSrc     = 1 << 6
	ofpfwTPDst     = 1 << 7
	ofpfwDLVLANPCP = 1 << 20
	ofpfwNWTos     = 1 << 21
)

// ofpPortName is tcpdump's name of a reserved port number ("CONTROLLER"),
// or "" for a physical port.
func ofpPortName(p uint16) string {
	switch p {
	case 0xfff8:
		return "IN_PORT"
	case 0xfff9:
		return "TABLE"
	case 0xfffa:
		return "NORMAL"
	case 0xfffb:
		return "FLOOD"
	case 0xfffc:
		return "ALL"
	case 0xfffd:
		return "CONTROLLER"
	case 0xfffe:
		return "LOCAL"
	case 0xffff:
		return "NONE"
	}
	return ""
}

// appendOfpPort appends a port number as tcpdump prints it: a reserved
// port's name, else its number.
func appendOfpPort(b []byte, p uint16) []byte {
	if n := ofpPortName(p); n != "" {
		return append(b, n...)
	}
	return strconv.AppendUint(b, uint64(p), 10)
}

// ofpPortKnown reports whether rawcap prints port p as tcpdump does: a
// physical port or a named reserved one.
func ofpPortKnown(p uint16) bool { return p < 0xff00 || ofpPortName(p) != "" }

// ofpMatchTaken reports whether rawcap prints the flow match m (40 bytes)
// as tcpdump does: the fields it matches on of the forms seen (a VLAN id
// below 4096, an input port named or physical, no ARP opcode).
func ofpMatchTaken(m []byte) bool {
	w := be32(m)
	if w>>22 != 0 {
		return false
	}
	if w&ofpfwInPort == 0 && !ofpPortKnown(be16(m[4:])) {
		return false
	}
	if w&ofpfwDLVLAN == 0 && be16(m[16:]) > 4095 {
		return false
	}
	if w&ofpfwDLType == 0 && be16(m[20:]) == 0x0806 && w&ofpfwNWProto == 0 {
		return false
	}
	return true
}

// appendOfpMatch appends the flow match m's lines ("\n\t match in_port 1"),
// one per field the match does not wildcard.
func appendOfpMatch(b []byte, m []byte) []byte { return appendOfpMatchPfx(b, m, "\n\t match ") }

// appendOfpMatchPfx is appendOfpMatch with each line's start pfx.
func appendOfpMatchPfx(b []byte, m []byte, pfx string) []byte {
	c := ofpCut{b: b, body: m}
	c.match(0, pfx)
	return c.b
}

// ofpCut prints a message's body as tcpdump does: field after field, each
// once its bytes are read, until one lies past the captured bytes (a
// message the segment holds only the start of).
type ofpCut struct {
	b    []byte
	body []byte // the captured part of the body
	stop bool
}

// have reports whether the body's bytes up to end were captured; the
// first time they were not, printing stops.
func (c *ofpCut) have(end int) bool {
	if !c.stop && end > len(c.body) {
		c.stop = true
	}
	return !c.stop
}

// match prints the flow match at off, a line (starting pfx) per field it
// does not wildcard, reading a field's bytes where tcpdump reads them: a
// field it prints, and the Ethernet type and IP protocol always.
func (c *ofpCut) match(off int, pfx string) {
	if !c.have(off + 4) {
		return
	}
	m := c.body[off:]
	w := be32(m)
	line := func(name string) { c.b = append(append(append(c.b, pfx...), name...), ' ') }
	if w&ofpfwInPort == 0 {
		if !c.have(off + 6) {
			return
		}
		line("in_port")
		c.b = appendOfpPort(c.b, be16(m[4:]))
	}
	if w&ofpfwDLSrc == 0 {
		if !c.have(off + 12) {
			return
		}
		line("dl_src")
		c.b = MAC(m[6:12]).AppendTo(c.b)
	}
	if w&ofpfwDLDst == 0 {
		if !c.have(off + 18) {
			return
		}
		line("dl_dst")
		c.b = MAC(m[12:18]).AppendTo(c.b)
	}
	if w&ofpfwDLVLAN == 0 {
		if !c.have(off + 20) {
			return
		}
		line("dl_vlan")
		c.b = strconv.AppendUint(c.b, uint64(be16(m[18:])), 10)
	}
	if w&ofpfwDLVLANPCP == 0 {
		if !c.have(off + 21) {
			return
		}
		line("dl_vlan_pcp")
		c.b = strconv.AppendUint(c.b, uint64(m[20]), 10)
	}
	if !c.have(off + 24) {
		return
	}
	dlType := be16(m[22:])
	if w&ofpfwDLType == 0 {
		line("dl_type")
		c.b = appendHexN(append(c.b, "0x"...), uint64(dlType), 4)
	}
	if w&ofpfwNWTos == 0 {
		if !c.have(off + 25) {
			return
		}
		line("nw_tos")
		c.b = appendHexN(append(c.b, "0x"...), uint64(m[24]), 2)
	}
	if !c.have(off + 26) {
		return
	}
	if w&ofpfwNWProto == 0 {
		line("nw_proto")
		c.b = strconv.AppendUint(c.b, uint64(m[25]), 10)
	}
	if bits := w >> 8 & 0x3f; bits < 32 {
		if !c.have(off + 32) {
			return
		}
		line("nw_src")
		c.b = appendIPv4(c.b, m, 28)
		c.b = strconv.AppendUint(append(c.b, '/'), uint64(32-bits), 10)
	}
	if bits := w >> 14 & 0x3f; bits < 32 {
		if !c.have(off + 36) {
			return
		}
		line("nw_dst")
		c.b = appendIPv4(c.b, m, 32)
		c.b = strconv.AppendUint(append(c.b, '/'), uint64(32-bits), 10)
	}
	icmp := w&ofpfwDLType == 0 && dlType == 0x0800 && w&ofpfwNWProto == 0 && m[25] == 1
	if w&ofpfwTPSrc == 0 {
		if !c.have(off + 38) {
			return
		}
		if icmp {
			line("icmp_type")
		} else {
			line("tp_src")
		}
		c.b = strconv.AppendUint(c.b, uint64(be16(m[36:])), 10)
	}
	if w&ofpfwTPDst == 0 {
		if !c.have(off + 40) {
			return
		}
		if icmp {
			line("icmp_code")
		} else {
			line("tp_dst")
		}
		c.b = strconv.AppendUint(c.b, uint64(be16(m[38:])), 10)
	}
}

// u16 appends ", name N" (N the 16-bit value at off) once captured.
func (c *ofpCut) u16(off int, name string) {
	if c.have(off + 2) {
		c.b = strconv.AppendUint(append(append(c.b, name...), ' '), uint64(be16(c.body[off:])), 10)
	}
}

// u32 appends name and the 32-bit value at off once captured.
func (c *ofpCut) u32(off int, name string) {
	if c.have(off + 4) {
		c.b = strconv.AppendUint(append(append(c.b, name...), ' '), uint64(be32(c.body[off:])), 10)
	}
}

// u64 appends name and the 64-bit value at off once captured.
func (c *ofpCut) u64(off int, name string) {
	if c.have(off + 8) {
		c.b = strconv.AppendUint(append(append(c.b, name...), ' '), be64(c.body[off:]), 10)
	}
}

// cookie appends name and the cookie at off in hex once captured.
func (c *ofpCut) cookie(off int, name string) {
	if c.have(off + 8) {
		c.b = appendHexN(append(append(c.b, name...), " 0x"...), be64(c.body[off:]), 16)
	}
}

// actions prints the actions from off to end, each line starting pfx.
func (c *ofpCut) actions(off, end int, pfx string) {
	for off < end {
		if !c.have(off + 4) {
			return
		}
		typ, n := be16(c.body[off:]), int(be16(c.body[off+2:]))
		a := c.body[off:]
		c.b = append(append(c.b, pfx...), "action type "...)
		switch typ {
		case ofpatOutput:
			c.b = append(c.b, "OUTPUT, len 8"...)
			if !c.have(off + 6) {
				return
			}
			c.b = appendOfpPort(append(c.b, ", port "...), be16(a[4:]))
			if be16(a[4:]) == 0xfffd {
				c.u16(off+6, ", max_len")
			}
		case ofpatSetVLANVID:
			c.b = append(c.b, "SET_VLAN_VID, len 8"...)
			c.u16(off+4, ", vlan_vid")
		case ofpatSetVLANPCP:
			c.b = append(c.b, "SET_VLAN_PCP, len 8"...)
			if c.have(off + 5) {
				c.b = strconv.AppendUint(append(c.b, ", vlan_pcp "...), uint64(a[4]), 10)
			}
		case ofpatSetDLSrc, ofpatSetDLDst:
			if typ == ofpatSetDLSrc {
				c.b = append(c.b, "SET_DL_SRC, len 16"...)
			} else {
				c.b = append(c.b, "SET_DL_DST, len 16"...)
			}
			if c.have(off + 10) {
				c.b = MAC(a[4:10]).AppendTo(append(c.b, ", dl_addr "...))
			}
		case ofpatSetNWTos:
			c.b = append(c.b, "SET_NW_TOS, len 8"...)
			if c.have(off + 5) {
				c.b = appendHexN(append(c.b, ", nw_tos 0x"...), uint64(a[4]), 2)
			}
		case ofpatStripVLAN:
			c.b = append(c.b, "STRIP_VLAN, len 8"...)
		case ofpatSetNWSrc, ofpatSetNWDst:
			if typ == ofpatSetNWSrc {
				c.b = append(c.b, "SET_NW_SRC, len 8"...)
			} else {
				c.b = append(c.b, "SET_NW_DST, len 8"...)
			}
			if c.have(off + 8) {
				c.b = appendIPv4(append(c.b, ", nw_addr "...), a, 4)
			}
		case ofpatSetTPSrc, ofpatSetTPDst:
			if typ == ofpatSetTPSrc {
				c.b = append(c.b, "SET_TP_SRC, len 8"...)
			} else {
				c.b = append(c.b, "SET_TP_DST, len 8"...)
			}
			c.u16(off+4, ", tp_port")
		case ofpatEnqueue:
			c.b = append(c.b, "ENQUEUE, len 16"...)
			if !c.have(off + 6) {
				return
			}
			c.b = appendOfpPort(append(c.b, ", port "...), be16(a[4:]))
			c.u32(off+12, ", queue_id")
		}
		if c.stop {
			return
		}
		off += n
	}
}

// ofpActionNext returns the action at off in a (its type, its bytes) and
// the offset after it; ok is false when a holds no whole action there of
// the types and lengths rawcap lays out.
func ofpActionNext(a []byte, off int) (typ uint16, act []byte, next int, ok bool) {
	if off+4 > len(a) {
		return 0, nil, off, false
	}
	typ, n := be16(a[off:]), int(be16(a[off+2:]))
	want := 8
	switch typ {
	case ofpatOutput, ofpatSetVLANVID, ofpatSetVLANPCP, ofpatStripVLAN, ofpatSetNWSrc, ofpatSetNWDst,
		ofpatSetNWTos, ofpatSetTPSrc, ofpatSetTPDst:
	case ofpatSetDLSrc, ofpatSetDLDst, ofpatEnqueue:
		want = 16
	default:
		return 0, nil, off, false
	}
	if n != want || off+n > len(a) {
		return 0, nil, off, false
	}
	act = a[off : off+n]
	if (typ == ofpatOutput || typ == ofpatEnqueue) && !ofpPortKnown(be16(act[4:])) {
		return 0, nil, off, false
	}
	return typ, act, off + n, true
}

// ofpActionsTaken reports whether a is wholly made of actions rawcap lays
// out, of a form whose tshark tree is known: tshark draws only the first
// action, and rawcap takes an OUTPUT action only as the last.
func ofpActionsTaken(a []byte) bool {
	for off := 0; off < len(a); {
		typ, _, next, ok := ofpActionNext(a, off)
		if !ok || typ == ofpatOutput && off == 0 && next < len(a) {
			return false
		}
		off = next
	}
	return true
}

// ofpFlowModTaken reports whether rawcap prints a FLOW_MOD's body as
// tcpdump does: a known command and flags, actions it lays out.
func ofpFlowModTaken(body []byte) bool {
	cmd := be16(body[48:])
	if cmd > 4 || be16(body[62:])&^0x7 != 0 {
		return false
	}
	if (cmd == 3 || cmd == 4) && !ofpPortKnown(be16(body[60:])) {
		return false
	}
	return ofpActionsTaken(body[ofpFlowModLen-openflowHdrLen:])
}

// ofpErrorTypes and ofpErrorCodes are tcpdump's names of an ERROR's type
// and of the codes of each type.
var (
	ofpErrorTypes = [...]string{"HELLO_FAILED", "BAD_REQUEST", "BAD_ACTION", "FLOW_MOD_FAILED", "PORT_MOD_FAILED", "QUEUE_OP_FAILED"}
	ofpErrorCodes = [...][]string{
		{"INCOMPATIBLE", "EPERM"},
		{"BAD_VERSION", "BAD_TYPE", "BAD_STAT", "BAD_VENDOR", "BAD_SUBTYPE", "EPERM", "BAD_LEN", "BUFFER_EMPTY", "BUFFER_UNKNOWN"},
		{"BAD_TYPE", "BAD_LEN", "BAD_VENDOR", "BAD_VENDOR_TYPE", "BAD_OUT_PORT", "BAD_ARGUMENT", "EPERM", "TOO_MANY", "BAD_QUEUE"},
		{"ALL_TABLES_FULL", "OVERLAP", "EPERM", "BAD_EMERG_TIMEOUT", "BAD_COMMAND", "UNSUPPORTED"},
		{"BAD_PORT", "BAD_HW_ADDR"},
		{"BAD_PORT", "BAD_QUEUE", "EPERM"},
	}
)

// appendOfpInvalid appends tcpdump's "invalid (0x%04x)".
func appendOfpInvalid(b []byte, v uint16) []byte {
	return append(appendHexN(append(b, "invalid (0x"...), uint64(v), 4), ')')
}

// appendOfpError appends an ERROR's type and code (its first 4 bytes).
func appendOfpError(b []byte, body []byte) []byte {
	typ, code := be16(body), be16(body[2:])
	b = append(b, "\n\t type "...)
	if int(typ) >= len(ofpErrorTypes) {
		return appendOfpInvalid(append(appendOfpInvalid(b, typ), ", code "...), code)
	}
	b = append(append(b, ofpErrorTypes[typ]...), ", code "...)
	if int(code) >= len(ofpErrorCodes[typ]) {
		return appendOfpInvalid(b, code)
	}
	return append(b, ofpErrorCodes[typ][code]...)
}

// ofpConfigFlags name a switch configuration's fragment handling.
var ofpConfigFlags = [...]string{"FRAG_NORMAL", "FRAG_DROP", "FRAG_REASM"}

var ofpFlowModCommands = [...]string{"ADD", "MODIFY", "MODIFY_STRICT", "DELETE", "DELETE_STRICT"}

// ofpFlowModFlagBits are the FLOW_MOD flags (ofp_flow_mod_flags).
var ofpFlowModFlagBits = [...]ofpBit{{0x1, "SEND_FLOW_REM"}, {0x2, "CHECK_OVERLAP"}, {0x4, "EMERG"}}

// appendOfpFlowMod appends a FLOW_MOD's body: its match, its command's
// line, its actions.
func appendOfpFlowMod(b []byte, body []byte) []byte {
	c := ofpCut{b: b, body: body}
	c.flowMod(openflowHdrLen + len(body))
	return c.b
}

// flowMod prints a FLOW_MOD's body, n bytes long in all.
func (c *ofpCut) flowMod(n int) {
	c.match(0, "\n\t match ")
	c.cookie(40, "\n\t cookie")
	if !c.have(50) {
		return
	}
	cmd := be16(c.body[48:])
	c.b = append(append(c.b, ", command "...), ofpFlowModCommands[cmd]...)
	for k, name := range [...]string{", idle_timeout ", ", hard_timeout "} {
		if !c.have(52 + 2*k) {
			return
		}
		if t := be16(c.body[50+2*k:]); t != 0 {
			c.b = strconv.AppendUint(append(c.b, name...), uint64(t), 10)
		}
	}
	if !c.have(56) {
		return
	}
	if pr := be16(c.body[54:]); pr != 0 {
		c.b = strconv.AppendUint(append(c.b, ", priority "...), uint64(pr), 10)
	}
	if cmd <= 2 {
		if !c.have(60) {
			return
		}
		c.b = append(c.b, ", buffer_id "...)
		if id := be32(c.body[56:]); id == 0xffffffff {
			c.b = append(c.b, "NONE"...)
		} else {
			c.b = appendHex32(c.b, id)
		}
	} else {
		if !c.have(62) {
			return
		}
		c.b = appendOfpPort(append(c.b, ", out_port "...), be16(c.body[60:]))
	}
	if !c.have(64) {
		return
	}
	c.b = appendOfpBits16(append(c.b, ", flags "...), be16(c.body[62:]), ofpFlowModFlagBits[:])
	c.actions(64, n-openflowHdrLen, "\n\t ")
}

// appendOfpBits16 appends a 16-bit flags word: "0x%04x" and the names of
// the bits set.
func appendOfpBits16(b []byte, v uint16, bits []ofpBit) []byte {
	n := len(b)
	b = appendOfpBits(b, uint32(v), bits)
	return append(b[:n+2], b[n+6:]...) // 8 hex digits to 4
}

var ofpPortReasons = [...]string{"ADD", "DELETE", "MODIFY"}

var ofpFlowRemovedReasons = [...]string{"IDLE_TIMEOUT", "HARD_TIMEOUT", "DELETE"}

// appendOfpFlowRemoved appends a FLOW_REMOVED's body.
func appendOfpFlowRemoved(b []byte, body []byte) []byte {
	b = appendOfpMatch(b, body[:40])
	b = appendHexN(append(b, "\n\t cookie 0x"...), be64(body[40:]), 16)
	if pr := be16(body[48:]); pr != 0 {
		b = strconv.AppendUint(append(b, ", priority "...), uint64(pr), 10)
	}
	if r := body[50]; int(r) < len(ofpFlowRemovedReasons) {
		b = append(append(b, ", reason "...), ofpFlowRemovedReasons[r]...)
	} else {
		b = append(appendHex2(append(b, ", reason unknown (0x"...), r), ')')
	}
	b = strconv.AppendUint(append(b, ", duration_sec "...), uint64(be32(body[52:])), 10)
	b = strconv.AppendUint(append(b, ", duration_nsec "...), uint64(be32(body[56:])), 10)
	if t := be16(body[60:]); t != 0 {
		b = strconv.AppendUint(append(b, ", idle_timeout "...), uint64(t), 10)
	}
	b = strconv.AppendUint(append(b, ", packet_count "...), be64(body[64:]), 10)
	return strconv.AppendUint(append(b, ", byte_count "...), be64(body[72:]), 10)
}

// The BSN vendor subtypes rawcap lays out, with their body lengths after
// the subtype.
var ofpBSNSubtypes = [...]struct {
	name string
	n    int
}{
	0: {"SET_IP_MASK", 8},
	1: {"GET_IP_MASK_REQUEST", 8},
	2: {"GET_IP_MASK_REPLY", 8},
	4: {"GET_MIRRORING_REQUEST", 4},
	5: {"GET_MIRRORING_REPLY", 4},
}

// ofpBSNTaken reports whether a VENDOR message's body is one of Big
// Switch's of the subtypes and forms rawcap prints as tcpdump does.
func ofpBSNTaken(body []byte) bool {
	if len(body) < 8 || be32(body) != ofpVendorBSN {
		return false
	}
	st := be32(body[4:])
	if st >= uint32(len(ofpBSNSubtypes)) || ofpBSNSubtypes[st].name == "" || len(body)-8 != ofpBSNSubtypes[st].n {
		return false
	}
	if st == 4 || st == 5 {
		return body[8] == 0 // report_mirror_ports OFF
	}
	return true
}

// appendOfpBSN appends a Big Switch VENDOR message's vendor and body.
func appendOfpBSN(b []byte, body []byte) []byte {
	b = append(appendHex32(append(b, ", vendor "...), ofpVendorBSN), " (Big Switch Networks)"...)
	st := be32(body[4:])
	b = append(append(b, "\n\t subtype "...), ofpBSNSubtypes[st].name...)
	switch st {
	case 0, 2:
		b = strconv.AppendUint(append(b, ", index "...), uint64(body[8]), 10)
		b = appendIPv4(append(b, ", mask "...), body, 12)
	case 1:
		b = strconv.AppendUint(append(b, ", index "...), uint64(body[8]), 10)
	case 4, 5:
		b = append(b, ", report_mirror_ports OFF"...)
	}
	return b
}

var ofpStatsTypes = [...]string{"DESC", "FLOW", "AGGREGATE", "TABLE", "PORT"}

// appendOfpStatsRequest appends a STATS_REQUEST's body.
func appendOfpStatsRequest(b []byte, body []byte) []byte {
	typ := be16(body)
	b = append(append(b, "\n\t type "...), ofpStatsTypes[typ]...)
	b = appendHexN(append(b, ", flags 0x"...), uint64(be16(body[2:])), 4)
	switch typ {
	case ofpstFlow, ofpstAggregate:
		b = appendOfpMatch(b, body[4:44])
		b = append(b, "\n\t table_id "...)
		if body[44] == 0xff {
			b = append(b, "ALL"...)
		} else {
			b = strconv.AppendUint(b, uint64(body[44]), 10)
		}
		b = appendOfpPort(append(b, ", out_port "...), be16(body[46:]))
	case ofpstPort:
		b = appendOfpPort(append(b, "\n\t port_no "...), be16(body[4:]))
	}
	return b
}

// ofpStatsReplyFlagBits are a STATS_REPLY's flags.
var ofpStatsReplyFlagBits = [...]ofpBit{{0x1, "MORE"}}

// ofpTableWildcardBits name a table's wildcard bits (the address masks'
// bits have none).
var ofpTableWildcardBits = [...]ofpBit{{ofpfwInPort, "IN_PORT"}, {ofpfwDLVLAN, "DL_VLAN"}, {ofpfwDLSrc, "DL_SRC"},
	{ofpfwDLDst, "DL_DST"}, {ofpfwDLType, "DL_TYPE"}, {ofpfwNWProto, "NW_PROTO"}, {ofpfwTPSrc, "TP_SRC"},
	{ofpfwTPDst, "TP_DST"}, {ofpfwDLVLANPCP, "DL_VLAN_PCP"}, {ofpfwNWTos, "NW_TOS"}}

// ofpStringTaken reports whether s is a NUL-terminated string of
// printable ASCII, which tcpdump prints as it is.
func ofpStringTaken(s []byte) bool {
	for _, c := range s {
		if c == 0 {
			return true
		}
		if c < 0x20 || c > 0x7e {
			return false
		}
	}
	return false
}

// appendOfpString appends s up to its NUL, quoted.
func appendOfpString(b []byte, s []byte) []byte {
	b = append(b, '\'')
	for _, c := range s {
		if c == 0 {
			break
		}
		b = append(b, c)
	}
	return append(b, '\'')
}

// ofpStatsReplyTaken reports whether rawcap prints a STATS_REPLY's body
// as tcpdump does: DESC, FLOW, AGGREGATE, TABLE and PORT replies whose
// records are whole and of the forms seen.
func ofpStatsReplyTaken(body []byte) bool {
	if len(body) < 4 || be16(body[2:])&^1 != 0 {
		return false
	}
	r := body[4:]
	if len(r) == 0 && be16(body) != ofpstFlow {
		return false // tshark's tree is known for an empty FLOW reply only
	}
	switch be16(body) {
	case ofpstDesc:
		if len(r) != 1056 {
			return false
		}
		for _, s := range [...][]byte{r[:256], r[256:512], r[512:768], r[768:800], r[800:1056]} {
			if !ofpStringTaken(s) {
				return false
			}
		}
		return true
	case ofpstFlow:
		for off := 0; off < len(r); {
			if off+88 > len(r) {
				return false
			}
			n := int(be16(r[off:]))
			if n < 88 || off+n > len(r) || r[off+2] == 0xff || !ofpMatchTaken(r[off+4:off+44]) {
				return false
			}
			a := r[off+88 : off+n]
			for k := 0; k < len(a); {
				_, _, next, ok := ofpActionNext(a, k)
				if !ok {
					return false
				}
				k = next
			}
			off += n
		}
		return true
	case ofpstAggregate:
		return len(r) == 24
	case ofpstTable:
		if len(r)%64 != 0 {
			return false
		}
		for off := 0; off < len(r); off += 64 {
			if !ofpStringTaken(r[off+4:off+36]) || be32(r[off+36:])>>22 != 0 {
				return false
			}
		}
		return true
	case ofpstPort:
		if len(r)%104 != 0 {
			return false
		}
		for off := 0; off < len(r); off += 104 {
			if be16(r[off:]) >= 0xff00 {
				return false
			}
		}
		return true
	}
	return false
}

// appendOfpStatsReply appends a STATS_REPLY's body at verbosity v.
func appendOfpStatsReply(b []byte, body []byte, v int) []byte {
	c := ofpCut{b: b, body: body}
	c.statsReply(len(body))
	if c.stop {
		return c.b
	}
	b = c.b
	r := body[4:]
	switch be16(body) {
	case ofpstDesc:
		b = appendOfpString(append(b, "\n\t  mfr_desc "...), r[:256])
		b = appendOfpString(append(b, "\n\t  hw_desc "...), r[256:512])
		b = appendOfpString(append(b, "\n\t  sw_desc "...), r[512:768])
		b = appendOfpString(append(b, "\n\t  serial_num "...), r[768:800])
		b = appendOfpString(append(b, "\n\t  dp_desc "...), r[800:1056])
	case ofpstAggregate:
		b = strconv.AppendUint(append(b, "\n\t packet_count "...), be64(r), 10)
		b = strconv.AppendUint(append(b, ", byte_count "...), be64(r[8:]), 10)
		b = strconv.AppendUint(append(b, ", flow_count "...), uint64(be32(r[16:])), 10)
	case ofpstTable:
		for off := 0; off < len(r); off += 64 {
			t := r[off : off+64]
			b = strconv.AppendUint(append(b, "\n\t table_id "...), uint64(t[0]), 10)
			b = appendOfpString(append(b, ", name "...), t[4:36])
			b = appendOfpBits(append(b, "\n\t  wildcards "...), be32(t[36:]), ofpTableWildcardBits[:])
			b = strconv.AppendUint(append(b, "\n\t  max_entries "...), uint64(be32(t[40:])), 10)
			b = strconv.AppendUint(append(b, ", active_count "...), uint64(be32(t[44:])), 10)
			b = strconv.AppendUint(append(b, ", lookup_count "...), be64(t[48:]), 10)
			b = strconv.AppendUint(append(b, ", matched_count "...), be64(t[56:]), 10)
		}
	case ofpstPort:
		for off := 0; off < len(r); off += 104 {
			p := r[off : off+104]
			b = strconv.AppendUint(append(b, "\n\t  port_no "...), uint64(be16(p)), 10)
			if v < 2 {
				continue
			}
			for k, name := range ofpPortCounters {
				b = strconv.AppendUint(append(append(append(b, ", "...), name...), ' '), be64(p[8+8*k:]), 10)
			}
		}
	}
	return b
}

// statsReply prints a STATS_REPLY's type and flags, and a FLOW reply's
// entries, of a body n bytes long in all.
func (c *ofpCut) statsReply(n int) {
	if !c.have(2) {
		return
	}
	typ := be16(c.body)
	c.b = append(append(c.b, "\n\t type "...), ofpStatsTypes[typ]...)
	if !c.have(4) {
		return
	}
	c.b = appendOfpBits16(append(c.b, ", flags "...), be16(c.body[2:]), ofpStatsReplyFlagBits[:])
	if typ != ofpstFlow {
		c.have(n) // the other replies are printed whole or not at all
		return
	}
	for off := 4; off < n; {
		if !c.have(off + 2) {
			return
		}
		l := int(be16(c.body[off:]))
		c.b = strconv.AppendUint(append(c.b, "\n\t length "...), uint64(l), 10)
		if !c.have(off + 3) {
			return
		}
		c.b = strconv.AppendUint(append(c.b, ", table_id "...), uint64(c.body[off+2]), 10)
		c.match(off+4, "\n\t  match ")
		c.u32(off+44, "\n\t  duration_sec")
		c.u32(off+48, ", duration_nsec")
		c.u16(off+52, ", priority")
		c.u16(off+54, ", idle_timeout")
		c.u16(off+56, ", hard_timeout")
		c.cookie(off+64, ", cookie")
		c.u64(off+72, ", packet_count")
		c.u64(off+80, ", byte_count")
		c.actions(off+88, off+l, "\n\t  ")
		if c.stop {
			return
		}
		off += l
	}
}

// ofpPortCounters are a port's statistics, as tcpdump names them.
var ofpPortCounters = [...]string{"rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_dropped", "tx_dropped",
	"rx_errors", "tx_errors", "rx_frame_err", "rx_over_err", "rx_crc_err", "collisions"}
