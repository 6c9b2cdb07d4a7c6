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
		p := body[off : off+48]
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
	}
	return true
}

// lineOpenFlow appends tcpdump's text for layer i.
func (p *LinePrinter) lineOpenFlow(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	b = append(b, "OpenFlow"...)
	v := p.Options.Verbose
	openflowWalk(d.data[l.Start:l.End], func(m []byte) {
		b = append(b, "\n\tversion 1.0, type "...)
		b = append(b, ofpTcpdumpTypes[m[1]]...)
		b = strconv.AppendUint(append(b, ", length "...), uint64(be16(m[2:])), 10)
		b = appendHex32(append(b, ", xid "...), be32(m[4:]))
		if v == 0 {
			return
		}
		body := m[openflowHdrLen:]
		switch m[1] {
		case ofpSetConfig:
			b = append(b, "\n\t flags FRAG_NORMAL, miss_send_len "...)
			b = strconv.AppendUint(b, uint64(be16(body[2:])), 10)
		case ofpStatsRequest:
			b = append(b, "\n\t type "...)
			if be16(body) == ofpstDesc {
				b = append(b, "DESC"...)
			} else {
				b = append(b, "TABLE"...)
			}
			b = appendHexN(append(b, ", flags 0x"...), uint64(be16(body[2:])), 4)
		case ofpFeaturesReply:
			b = p.lineOpenFlowFeatures(b, body)
		}
	})
	return b
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
		pt := body[off : off+48]
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
			continue
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
	}
	return b
}
