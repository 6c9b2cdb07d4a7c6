package decode

import "strconv"

// This file prints BPDUs as tcpdump 4.99's stp_print does, and the 802.2
// LLC header tcpdump shows before them with -e.

// llcPayloadLen returns the length tcpdump hands the protocol after the
// LLC header at layer i-1: the 802.3 length less the LLC (and SNAP)
// header, or the frame's bytes from layer i on where no 802.3 length says
// otherwise.
func (p *LinePrinter) llcPayloadLen(d *Decoder, i int) int {
	l := &d.layers[i]
	if i >= 2 && d.layers[i-1].Type == LayerLLC {
		h := &d.layers[i-2]
		if (h.Type == LayerEthernet || h.Type == LayerVLAN || h.Type == LayerDSA) && h.Payload-h.Start >= 2 {
			if n := int(be16(d.data[h.Payload-2:])); n <= 1500 {
				if p.wire > 0 {
					n = min(n, p.wire-h.Payload) // tcpdump trusts the frame's length
				}
				return n - (l.Start - d.layers[i-1].Start)
			}
		}
	}
	if p.wire > l.Start {
		return p.wire - l.Start
	}
	return l.End - l.Start
}

// llcLinkSAP reports whether sap is one of the SAPs of the protocols
// lineLLCLink writes the -e header before (STP, SNAP, OSI).
func llcLinkSAP(sap uint8) bool { return sap == stpSAP || sap == 0xaa || sap == osiSAP }

// lineLLCLink appends the LLC header as tcpdump -e shows it before a
// protocol rawcap decodes ("LLC, dsap STP (0x42) Individual, ssap STP
// (0x42) Command, ctrl 0x03: "), and with SNAP under Cisco's OUI its
// protocol ID and length; ok is false for the other LLC frames.
func (p *LinePrinter) lineLLCLink(b []byte, d *Decoder, i int, c LLC) (_ []byte, ok bool) {
	if i+1 >= d.n || len(c) != 3 && !c.IsSNAP() {
		return b, false
	}
	switch d.layers[i+1].Type {
	case LayerSTP, LayerUDLD, LayerCDP, LayerISIS, LayerDTP:
	default:
		return b, false
	}
	if !llcLinkSAP(c.DSAP()&^1) || !llcLinkSAP(c.SSAP()&^1) {
		return b, false
	}
	b = appendLLCHeader(b, d, i, c, uint16(c[2]), true)
	if c.IsSNAP() {
		b = append(b, "oui Cisco (0x00000c), pid "...)
		switch c.PID() {
		case stpPIDPVST:
			b = append(b, "PVST"...)
		case udldPID:
			b = append(b, "UDLD"...)
		case cdpPID:
			b = append(b, "CDP"...)
		case dtpPID:
			b = append(b, "DTP"...)
		}
		b = append(b, " (0x"...)
		b = appendHex4(b, c.PID())
		b = append(b, "), length "...)
		b = strconv.AppendInt(b, int64(p.llcPayloadLen(d, i+1)), 10)
		b = append(b, ": "...)
	}
	return b, true
}

// stpFlagsTcpdump appends tcpdump's names of the set flags, or "none".
func stpFlagsTcpdump(b []byte, v uint8) []byte {
	n := len(b)
	for _, f := range [...]struct {
		bit  uint8
		name string
	}{{0x01, "Topology change"}, {0x02, "Proposal"}, {0x10, "Learn"}, {0x20, "Forward"}, {0x40, "Agreement"}, {0x80, "Topology change ACK"}} {
		if v&f.bit != 0 {
			if len(b) > n {
				b = append(b, ", "...)
			}
			b = append(b, f.name...)
		}
	}
	if len(b) == n {
		b = append(b, "none"...)
	}
	return b
}

// stpRoleTcpdump returns tcpdump's name of a port role.
func stpRoleTcpdump(r uint8) string {
	switch r {
	case 1:
		return "Alternate"
	case 2:
		return "Root"
	case 3:
		return "Designated"
	}
	return "Unknown"
}

// appendSTPIDTcpdump appends a bridge identifier as tcpdump does
// ("8001.00:19:06:ea:b8:80").
func appendSTPIDTcpdump(b []byte, id []byte) []byte {
	b = appendHex2(b, id[0])
	b = appendHex2(b, id[1])
	b = append(b, '.')
	return MAC(id[2:8]).AppendTo(b)
}

func appendSTPSeconds(b []byte, v uint16) []byte {
	b = strconv.AppendFloat(b, float64(v)/256, 'f', 2, 64)
	return append(b, 's')
}

// lineSTP appends tcpdump's "STP 802.1d, Config, Flags [none], bridge-id
// 8001.00:19:06:ea:b8:80.8005, length 35", with the timers and the root
// from -v, and for MSTP the CIST and each MSTI.
func (p *LinePrinter) lineSTP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	s := STP(d.data[l.Start:l.End])
	length := p.llcPayloadLen(d, i)
	if len(s) < 2 {
		return append(b, " [|stp]"...)
	}
	if length < 4 {
		return append(b, " (invalid)"...)
	}
	if s.ProtocolID() != 0 {
		b = append(b, "unknown STP version, length "...)
		return strconv.AppendInt(b, int64(length), 10)
	}
	if len(s) < 3 {
		return append(b, " [|stp]"...)
	}
	b = append(b, "STP "...)
	switch s.Version() {
	case 0:
		b = append(b, "802.1d"...)
	case 2:
		b = append(b, "802.1w"...)
	case 3:
		b = append(b, "802.1s"...)
	case 4:
		b = append(b, "802.1aq"...)
	default:
		b = append(b, "Unknown STP protocol (0x"...)
		b = appendHex2(b, s.Version())
		return append(b, ')')
	}
	if len(s) < 4 {
		return append(b, " [|stp]"...)
	}
	switch s.Type() {
	case STPTypeConfig:
		b = append(b, ", Config"...)
		if length < stpConfLen {
			return append(b, " (invalid)"...)
		}
		return p.lineSTPConfig(b, s, length)
	case STPTypeRST:
		b = append(b, ", Rapid STP"...)
		switch s.Version() {
		case 2:
			if length < stpRSTLen {
				return append(b, " (invalid)"...)
			}
			return p.lineSTPConfig(b, s, length)
		case 3, 4:
			if length < stpMSTMinLen {
				return append(b, " (invalid)"...)
			}
			if len(s) < stpMSTMinLen {
				return append(b, " [|stp]"...)
			}
			if s[35] != 0 || length < stpRSTLen+int(be16(s[36:]))+2 {
				return append(b, " (invalid)"...)
			}
			b = p.lineMST(b, s, length)
			if s.Version() == 4 && p.Options.Verbose > 0 {
				return append(b, " [|stp]"...) // SPB's own part is not printed yet
			}
			return b
		}
		return b
	case STPTypeTCN:
		return append(b, ", Topology Change"...)
	}
	b = append(b, ", Unknown BPDU Type (0x"...)
	b = appendHex2(b, s.Type())
	return append(b, ')')
}

// lineSTPConfig prints a configuration or RSTP BPDU.
func (p *LinePrinter) lineSTPConfig(b []byte, s STP, length int) []byte {
	if len(s) < 5 {
		return append(b, " [|stp]"...)
	}
	b = append(b, ", Flags ["...)
	b = stpFlagsTcpdump(b, s[4])
	b = append(b, ']')
	if len(s) < 27 {
		return append(b, " [|stp]"...)
	}
	b = append(b, ", bridge-id "...)
	b = appendSTPIDTcpdump(b, s[17:25])
	b = append(b, '.')
	b = appendHex4(b, be16(s[25:]))
	b = append(b, ", length "...)
	b = strconv.AppendInt(b, int64(length), 10)
	if p.Options.Verbose == 0 {
		return b
	}
	if len(s) < stpConfLen {
		return append(b, " [|stp]"...)
	}
	b = p.appendSTPTimers(b, s)
	b = append(b, "\n\troot-id "...)
	b = appendSTPIDTcpdump(b, s[5:13])
	b = append(b, ", root-pathcost "...)
	b = strconv.AppendUint(b, uint64(be32(s[13:])), 10)
	if s.Version() == 2 {
		b = append(b, ", port-role "...)
		b = append(b, stpRoleTcpdump(s[4]>>2&3)...)
	}
	return b
}

func (p *LinePrinter) appendSTPTimers(b []byte, s STP) []byte {
	b = append(b, "\n\tmessage-age "...)
	b = appendSTPSeconds(b, be16(s[27:]))
	b = append(b, ", max-age "...)
	b = appendSTPSeconds(b, be16(s[29:]))
	b = append(b, ", hello-time "...)
	b = appendSTPSeconds(b, be16(s[31:]))
	b = append(b, ", forwarding-delay "...)
	return appendSTPSeconds(b, be16(s[33:]))
}

// lineMST prints an MST BPDU: the CIST flags, and from -v the CIST and
// every MSTI the Version 3 Length announces.
func (p *LinePrinter) lineMST(b []byte, s STP, length int) []byte {
	b = append(b, ", CIST Flags ["...)
	b = stpFlagsTcpdump(b, s[4])
	b = append(b, "], length "...)
	b = strconv.AppendInt(b, int64(length), 10)
	if p.Options.Verbose == 0 {
		return b
	}
	b = append(b, "\n\tport-role "...)
	b = append(b, stpRoleTcpdump(s[4]>>2&3)...)
	b = append(b, ", CIST root-id "...)
	b = appendSTPIDTcpdump(b, s[5:13])
	b = append(b, ", CIST ext-pathcost "...)
	b = strconv.AppendUint(b, uint64(be32(s[13:])), 10)
	b = append(b, "\n\tCIST regional-root-id "...)
	b = appendSTPIDTcpdump(b, s[17:25])
	b = append(b, ", CIST port-id "...)
	b = appendHex4(b, be16(s[25:]))
	b = append(b, ',')
	b = p.appendSTPTimers(b, s)
	b = append(b, "\n\tv3len "...)
	b = strconv.AppendUint(b, uint64(be16(s[36:])), 10)
	b = append(b, ", MCID Name "...)
	b = appendPrintable(b, stpConfigName(s))
	b = append(b, ", rev "...)
	b = strconv.AppendUint(b, uint64(be16(s[71:])), 10)
	b = append(b, ",\n\t\tdigest "...)
	b = appendHexBytes(b, s[73:89])
	b = append(b, ", CIST int-root-pathcost "...)
	b = strconv.AppendUint(b, uint64(be32(s[89:])), 10)
	b = append(b, ",\n\tCIST bridge-id "...)
	b = appendSTPIDTcpdump(b, s[93:101])
	b = append(b, ", CIST remaining-hops "...)
	b = strconv.AppendUint(b, uint64(s[101]), 10)
	v3 := int(be16(s[36:]))
	if v3 <= 64 {
		return b
	}
	for off, left := stpMSTMinLen, v3-64; left >= stpMSTILen; off, left = off+stpMSTILen, left-stpMSTILen {
		if off+stpMSTILen > len(s) {
			return append(b, " [|stp]"...)
		}
		m := s[off : off+stpMSTILen]
		b = append(b, "\n\tMSTI "...)
		b = strconv.AppendUint(b, uint64(be16(m[1:])&0x0fff), 10)
		b = append(b, ", Flags ["...)
		b = stpFlagsTcpdump(b, m[0])
		b = append(b, "], port-role "...)
		b = append(b, stpRoleTcpdump(m[0]>>2&3)...)
		b = append(b, "\n\t\tMSTI regional-root-id "...)
		b = appendSTPIDTcpdump(b, m[1:9])
		b = append(b, ", pathcost "...)
		b = strconv.AppendUint(b, uint64(be32(m[9:])), 10)
		b = append(b, "\n\t\tMSTI bridge-prio "...)
		b = strconv.AppendUint(b, uint64(m[13]>>4), 10)
		b = append(b, ", port-prio "...)
		b = strconv.AppendUint(b, uint64(m[14]>>4), 10)
		b = append(b, ", hops "...)
		b = strconv.AppendUint(b, uint64(m[15]), 10)
	}
	return b
}
