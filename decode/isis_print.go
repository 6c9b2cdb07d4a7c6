package decode

import (
	"math"
	"net/netip"
	"strconv"
)

// isisTypeName returns tshark's name of PDU type t ("L1 HELLO").
func isisTypeName(t uint8) string {
	switch t {
	case isisL1Hello:
		return "L1 HELLO"
	case isisL2Hello:
		return "L2 HELLO"
	case isisL1LSP:
		return "L1 LSP"
	case isisL2LSP:
		return "L2 LSP"
	case isisL1CSNP:
		return "L1 CSNP"
	case isisP2PHello:
		return "P2P HELLO"
	case isisL1PSNP:
		return "L1 PSNP"
	case isisL2PSNP:
		return "L2 PSNP"
	}
	return "L2 CSNP"
}

// isisTypeTcpdump returns tcpdump's name of PDU type t ("L1 Lan IIH").
func isisTypeTcpdump(t uint8) string {
	switch t {
	case isisL1Hello:
		return "L1 Lan IIH"
	case isisL2Hello:
		return "L2 Lan IIH"
	case isisP2PHello:
		return "p2p IIH"
	}
	return isisTypeName(t)
}

// appendISISProto appends the packet list's Protocol: "ISIS HELLO",
// "ISIS LSP", "ISIS CSNP".
func appendISISProto(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	switch ISIS(d.data[l.Start:l.End]).Type() {
	case isisL1Hello, isisL2Hello, isisP2PHello:
		return append(b, "ISIS HELLO"...)
	case isisL1LSP, isisL2LSP:
		return append(b, "ISIS LSP"...)
	case isisL1PSNP, isisL2PSNP:
		return append(b, "ISIS PSNP"...)
	}
	return append(b, "ISIS CSNP"...)
}

// appendISISLifetime appends a lifetime as tcpdump's and tshark's "%5us".
func appendISISLifetime(b []byte, v uint16) []byte {
	var t [5]byte
	s := strconv.AppendUint(t[:0], uint64(v), 10)
	for range 5 - len(s) {
		b = append(b, ' ')
	}
	return append(append(b, s...), 's')
}

// infoISIS appends the packet list's Info: the PDU type and who sent it,
// an LSP's ID, sequence number and lifetime, a CSNP's range.
func infoISIS(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	s := ISIS(d.data[l.Start:l.End])
	t := s.Type()
	b = append(b, isisTypeName(t)...)
	switch t {
	case isisL1Hello, isisL2Hello, isisP2PHello:
		b = append(b, ", System-ID: "...)
		return appendSystemID(b, s[9:15])
	case isisL1PSNP, isisL2PSNP:
		b = append(b, ", Source-ID: "...)
		return appendSystemID(b, s[10:17])
	case isisL1LSP, isisL2LSP:
		b = append(b, ", LSP-ID: "...)
		b = appendSystemID(b, s[12:20])
		b = append(b, ", Sequence: 0x"...)
		b = appendHexN(b, uint64(be32(s[20:])), 8)
		b = append(b, ", Lifetime: "...)
		b = appendISISLifetime(b, be16(s[10:]))
		if !isisLSPChecksumOK(s) {
			b = append(b, " [ISIS CHECKSUM INCORRECT]"...)
		}
		return b
	}
	b = append(b, ", Source-ID: "...)
	b = appendSystemID(b, s[10:17])
	b = append(b, ", Start LSP-ID: "...)
	b = appendSystemID(b, s[17:25])
	b = append(b, ", End LSP-ID: "...)
	return appendSystemID(b, s[25:33])
}

// lineISIS appends tcpdump's IS-IS line: "IS-IS, " (with -e, after the
// LLC header, "OSI NLPID IS-IS (0x83): "), the PDU type and its IDs; with
// -v the header's fields and each TLV on lines of their own, with -vv
// their bytes in hex beneath them.
func (p *LinePrinter) lineISIS(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	s := ISIS(d.data[l.Start:l.End])
	if p.Options.Link {
		b = append(b, "OSI NLPID IS-IS (0x83): "...)
	} else {
		b = append(b, "IS-IS, "...)
	}
	t := s.Type()
	pduLen := uint64(s.PDULen())
	if p.Options.Verbose == 0 {
		b = append(b, isisTypeTcpdump(t)...)
		switch t {
		case isisP2PHello:
			b = appendSystemID(append(b, ", src-id "...), s[9:15])
		case isisL1Hello, isisL2Hello:
			b = appendSystemID(append(b, ", src-id "...), s[9:15])
			b = appendSystemID(append(b, ", lan-id "...), s[20:27])
			b = strconv.AppendUint(append(b, ", prio "...), uint64(s[19]&0x7f), 10)
		case isisL1LSP, isisL2LSP:
			b = appendSystemID(append(b, ", lsp-id "...), s[12:20])
			b = appendHexN(append(b, ", seq 0x"...), uint64(be32(s[20:])), 8)
			b = appendISISLifetime(append(b, ", lifetime "...), be16(s[10:]))
		default:
			b = appendSystemID(append(b, ", src-id "...), s[10:17])
		}
		return strconv.AppendUint(append(b, ", length "...), pduLen, 10)
	}
	b = strconv.AppendUint(append(b, "length "...), pduLen, 10)
	b = append(b, "\n\t"...)
	b = append(b, isisTypeTcpdump(t)...)
	b = strconv.AppendUint(append(b, ", hlen: "...), uint64(s[1]), 10)
	b = strconv.AppendUint(append(b, ", v: "...), uint64(s[2]), 10)
	b = strconv.AppendUint(append(b, ", pdu-v: "...), uint64(s[5]), 10)
	b = append(b, ", sys-id-len: 6 (0), max-area: "...)
	if s[7] == 0 {
		b = append(b, "3 (0)"...)
	} else {
		b = strconv.AppendUint(b, uint64(s[7]), 10)
		b = strconv.AppendUint(append(b, " ("...), uint64(s[7]), 10)
		b = append(b, ')')
	}
	hex := p.Options.Verbose > 1
	if hex {
		b = appendHexDumpLines(b, s[:isisCommonLen], "\n\t")
	}
	n := isisFixedLen(t)
	switch t {
	case isisL1Hello, isisL2Hello, isisP2PHello:
		b = appendSystemID(append(b, "\n\t  source-id: "...), s[9:15])
		if t == isisP2PHello {
			b = append(b, ',')
		} else {
			b = append(b, ", "...)
		}
		b = strconv.AppendUint(append(b, " holding time: "...), uint64(be16(s[15:])), 10)
		b = append(b, "s, Flags: ["...)
		switch s[8] & 3 {
		case 1:
			b = append(b, "Level 1 only]"...)
		case 2:
			b = append(b, "Level 2 only]"...)
		default:
			b = append(b, "Level 1, Level 2]"...)
		}
		if t == isisP2PHello {
			b = appendHex2(append(b, "\n\t  circuit-id: 0x"...), s[19])
		} else {
			b = appendSystemID(append(b, "\n\t  lan-id:    "...), s[20:27])
			b = strconv.AppendUint(append(b, ", Priority: "...), uint64(s[19]&0x7f), 10)
		}
	case isisL1LSP, isisL2LSP:
		b = appendSystemID(append(b, "\n\t  lsp-id: "...), s[12:20])
		b = appendHexN(append(b, ", seq: 0x"...), uint64(be32(s[20:])), 8)
		b = appendISISLifetime(append(b, ", lifetime: "...), be16(s[10:]))
		b = appendHex4(append(b, "\n\t  chksum: 0x"...), be16(s[24:]))
		if isisLSPChecksumOK(s) {
			b = append(b, " (correct)"...)
		} else {
			b = appendHex4(append(b, " (incorrect should be 0x"...), isisChecksum(s[12:], 12))
			b = append(b, ')')
		}
	default:
		b = appendSystemID(append(b, "\n\t  source-id:    "...), s[10:17])
	}
	b = strconv.AppendUint(append(b, ", PDU length: "...), pduLen, 10)
	switch t {
	case isisL1LSP, isisL2LSP:
		b = append(b, ", Flags: [ "...)
		if s[26]&0x08 != 0 {
			b = append(b, "default ATT bit set, "...)
		}
		if s[26]&3 == 1 {
			b = append(b, "L1 IS ]"...)
		} else {
			b = append(b, "L2 IS ]"...)
		}
	case isisL1CSNP, isisL2CSNP:
		b = appendSystemID(append(b, "\n\t  start lsp-id: "...), s[17:25])
		b = appendSystemID(append(b, "\n\t  end lsp-id:   "...), s[25:33])
	}
	if hex {
		b = appendHexDumpLines(b, s[isisCommonLen:n], "\n\t  ")
	}
	for off := n; off < len(s); {
		typ, ln := s[off], int(s[off+1])
		v := s[off+2 : off+2+ln]
		off += 2 + ln
		b = append(b, "\n\t    "...)
		b = append(b, isisTLVTcpdump(typ)...)
		b = strconv.AppendUint(append(b, " TLV #"...), uint64(typ), 10)
		b = strconv.AppendUint(append(b, ", length: "...), uint64(ln), 10)
		switch {
		case typ == 236 && isisHello(t):
			b = appendISISIPv6ReachTcpdump(b, s[off-ln:], ln)
		case isisHello(t) && isisTLVUnknown(typ):
			if !hex {
				b = appendHexDumpLines(b, v, "\n\t\t")
			}
		default:
			b = appendISISTLVTcpdump(b, typ, v)
		}
		if hex {
			b = appendHexDumpLines(b, v, "\n\t      ")
		}
	}
	return b
}

// isisTLVTcpdump returns tcpdump's name of a TLV.
func isisTLVTcpdump(typ uint8) string {
	switch typ {
	case 1:
		return "Area address(es)"
	case 2:
		return "IS Reachability"
	case 6:
		return "IS Neighbor(s)"
	case 8:
		return "Padding"
	case 9:
		return "LSP entries"
	case 128:
		return "IPv4 Internal Reachability"
	case 129:
		return "Protocols supported"
	case 132:
		return "IPv4 Interface address(es)"
	case 232:
		return "IPv6 Interface address(es)"
	case 137:
		return "Hostname"
	case 14:
		return "LSP Buffersize"
	case 134:
		return "Traffic Engineering Router ID"
	case 22:
		return "Extended IS Reachability"
	case 135:
		return "Extended IPv4 Reachability"
	case 242:
		return "IS-IS Router Capability"
	case 211:
		return "Restart Signaling"
	case 240:
		return "Point-to-point Adjacency State"
	case 143:
		return "Multi-Topology-Aware Port Capability"
	case 236:
		return "IPv6 reachability"
	}
	return "unknown"
}

// appendISISTLVTcpdump appends what tcpdump -v prints of a TLV's value.
func appendISISTLVTcpdump(b []byte, typ uint8, v []byte) []byte {
	const in = "\n\t      "
	switch typ {
	case 1:
		for off := 0; off < len(v); {
			n := int(v[off])
			b = strconv.AppendInt(append(b, in+"Area address (length: "...), int64(n), 10)
			b = appendAreaAddress(append(b, "): "...), v[off+1:off+1+n])
			off += 1 + n
		}
	case 2:
		b = append(b, in+"IsNotVirtual"...)
		for k := 1; k+11 <= len(v); k += 11 {
			b = appendSystemID(append(b, in+"IS Neighbor: "...), v[k+4:k+11])
			b = strconv.AppendUint(append(b, ", Default Metric: "...), uint64(v[k]&0x3f), 10)
			b = append(b, isisInternal(v[k])...)
		}
	case 6:
		for k := 0; k+6 <= len(v); k += 6 {
			b = appendSystemID(append(b, in+"SNPA: "...), v[k:k+6])
		}
	case 9:
		for k := 0; k+16 <= len(v); k += 16 {
			en := v[k:]
			b = appendSystemID(append(b, in+"lsp-id: "...), en[2:10])
			b = appendHexN(append(b, ", seq: 0x"...), uint64(be32(en[10:])), 8)
			b = appendISISLifetime(append(b, ", lifetime: "...), be16(en))
			b = appendHex4(append(b, ", chksum: 0x"...), be16(en[14:]))
		}
	case 128:
		for k := 0; k+12 <= len(v); k += 12 {
			en := v[k:]
			b = append(b, in+"IPv4 prefix: "...)
			var a [15]byte
			s := appendIPv4(a[:0], en, 4)
			for range 15 - len(s) {
				b = append(b, ' ')
			}
			b = append(b, s...)
			b = strconv.AppendInt(append(b, '/'), int64(maskLen(be32(en[8:]))), 10)
			if en[0]&0x80 != 0 {
				b = append(b, ", Distribution: down"...)
			} else {
				b = append(b, ", Distribution: up"...)
			}
			b = strconv.AppendUint(append(b, ", Metric: "...), uint64(en[0]&0x3f), 10)
			b = append(b, isisInternal(en[0])...)
		}
	case 129:
		b = append(b, in+"NLPID(s): "...)
		for k, c := range v {
			if k > 0 {
				b = append(b, ", "...)
			}
			b = append(b, isisNLPIDTcpdump(c)...)
			b = appendHex2(append(b, " (0x"...), c)
			b = append(b, ')')
		}
	case 132:
		for k := 0; k+4 <= len(v); k += 4 {
			b = appendIPv4(append(b, in+"IPv4 interface address: "...), v, k)
		}
	case 232:
		for k := 0; k+16 <= len(v); k += 16 {
			b = netip.AddrFrom16([16]byte(v[k : k+16])).AppendTo(append(b, in+"IPv6 interface address: "...))
		}
	case 137:
		b = append(append(b, in+"Hostname: "...), v...)
	case 14:
		b = strconv.AppendUint(append(b, in+"LSP Buffersize: "...), uint64(be16(v)), 10)
	case 134:
		b = appendIPv4(append(b, in+"Traffic Engineering Router ID: "...), v, 0)
	case 22:
		b = appendISISExtISTcpdump(b, v)
	case 135:
		for off := 0; off < len(v); {
			plen := int(v[off+4] & 0x3f)
			n := (plen + 7) / 8
			var a [4]byte
			copy(a[:], v[off+5:off+5+n])
			b = append(b, in+"IPv4 prefix: "...)
			var t [15]byte
			ts := appendIPv4(t[:0], a[:], 0)
			for range 15 - len(ts) {
				b = append(b, ' ')
			}
			b = strconv.AppendInt(append(append(b, ts...), '/'), int64(plen), 10)
			b = strconv.AppendUint(append(b, ", Distribution: up, Metric: "...), uint64(be32(v[off:])), 10)
			off += 5 + n
		}
	case 242:
		b = appendIPv4(append(b, in+"Router-ID "...), v, 0)
		b = append(b, ", Flags [S bit, D bit]"...)
		for k := 5; k < len(v); k += 2 + int(v[k+1]) {
			b = strconv.AppendUint(append(b, "\n\t\tunknown subTLV #"...), uint64(v[k]), 10)
			b = strconv.AppendUint(append(b, ", length: "...), uint64(v[k+1]), 10)
			b = appendHexDumpLines(b, v[k+2:k+2+int(v[k+1])], "\n\t\t")
		}
	case 240:
		b = append(b, in+"Adjacency State: "...)
		switch v[0] {
		case 0:
			b = append(b, "Up"...)
		case 1:
			b = append(b, "Initializing"...)
		default:
			b = append(b, "Down"...)
		}
		b = strconv.AppendUint(append(b, " ("...), uint64(v[0]), 10)
		b = appendHexN(append(b, ")"+in+"Extended Local circuit-ID: 0x"...), uint64(be32(v[1:])), 8)
		b = appendSystemID(append(b, in+"Neighbor System-ID: "...), v[5:11])
		b = appendHexN(append(b, in+"Neighbor Extended Local circuit-ID: 0x"...), uint64(be32(v[11:])), 8)
	case 143:
		b = appendISISPortCapTcpdump(b, v)
	case 211:
		b = append(b, in+"Flags [none], Remaining holding time "...)
		b = strconv.AppendUint(b, uint64(be16(v[1:])), 10)
		b = append(b, 's')
	}
	return b
}

// isisInternal returns tcpdump's word for a metric's I/E bit.
func isisInternal(m uint8) string {
	if m&0x40 != 0 {
		return ", External"
	}
	return ", Internal"
}

// appendISISExtISTcpdump appends tcpdump's lines for an extended IS
// reachability TLV: each neighbor, its metric and its sub-TLVs.
func appendISISExtISTcpdump(b, v []byte) []byte {
	const in, sub, deep = "\n\t      ", "\n\t        ", "\n\t          "
	for off := 0; off < len(v); {
		n := int(v[off+10])
		b = appendSystemID(append(b, in+"IS Neighbor: "...), v[off:off+7])
		b = strconv.AppendUint(append(b, ", Metric: "...), uint64(v[off+7])<<16|uint64(be16(v[off+8:])), 10)
		b = strconv.AppendInt(append(b, ", sub-TLVs present ("...), int64(n), 10)
		b = append(b, ')')
		end := off + 11 + n
		for k := off + 11; k < end; {
			c, ln := v[k], int(v[k+1])
			sv := v[k+2 : k+2+ln]
			k += 2 + ln
			b = append(b, sub...)
			switch c {
			case 3:
				b = append(b, "Administrative groups"...)
			case 4:
				b = append(b, "Link Local/Remote Identifier"...)
			case 6:
				b = append(b, "IPv4 interface address"...)
			case 9:
				b = append(b, "Maximum link bandwidth"...)
			case 10:
				b = append(b, "Reservable link bandwidth"...)
			case 11:
				b = append(b, "Unreserved bandwidth"...)
			case 32:
				b = append(b, "LAN Adjacency Segment Identifier"...)
			}
			b = strconv.AppendUint(append(b, " subTLV #"...), uint64(c), 10)
			b = strconv.AppendInt(append(b, ", length: "...), int64(ln), 10)
			switch c {
			case 3:
				b = appendHexN(append(b, ", 0x"...), uint64(be32(sv)), 8)
			case 4:
				b = appendHexN(append(b, ", 0x"...), uint64(be32(sv)), 8)
				b = appendHexN(append(b, ", 0x"...), uint64(be32(sv[4:])), 8)
			case 6:
				b = appendIPv4(append(b, ", "...), sv, 0)
			case 9, 10:
				b = appendISISMbps(append(b, ", "...), sv)
			case 11:
				for p := 0; p < 8; p++ {
					b = strconv.AppendInt(append(b, deep+"TE-Class "...), int64(p), 10)
					b = appendISISMbps(append(b, ": "...), sv[4*p:])
				}
			case 32:
				b = append(b, deep+"Flags: [Value, Local significance]"...)
				b = strconv.AppendUint(append(b, deep+"Weight: "...), uint64(sv[1]), 10)
				b = appendSystemID(append(b, deep+"Neighbor System-ID: "...), sv[2:8])
				b = strconv.AppendUint(append(b, deep+"Label: "...), uint64(sv[8]&0x0f)<<16|uint64(be16(sv[9:])), 10)
			}
		}
		off = end
	}
	return b
}

// appendISISMbps appends a bandwidth (bytes per second as an IEEE float)
// as tcpdump does: "1000.000 Mbps".
func appendISISMbps(b, v []byte) []byte {
	mbps := float64(math.Float32frombits(be32(v))) * 8 / 1e6
	return append(strconv.AppendFloat(b, mbps, 'f', 3, 64), " Mbps"...)
}

// appendISISPortCapTcpdump appends tcpdump's lines for an MT port
// capability TLV (isisPortCapTaken): the topology word, then each
// sub-TLV, an SPB MCID's two MCIDs, and the note on one longer than what
// is left, where tcpdump stops.
func appendISISPortCapTcpdump(b, v []byte) []byte {
	w := be16(v)
	b = strconv.AppendUint(append(b, "\n\t       RES: "...), uint64(w>>12), 10)
	b = strconv.AppendUint(append(b, ", MTID(s): "...), uint64(w&0x0fff), 10)
	for off := 2; len(v)-off > 2; {
		c, n := v[off], int(v[off+1])
		b = append(b, "\n\t       "...)
		if c == 4 {
			b = append(b, "SPB MCID"...)
		} else {
			b = append(b, "unknown"...)
		}
		b = strconv.AppendUint(append(b, " subTLV #"...), uint64(c), 10)
		b = strconv.AppendInt(append(b, ", length: "...), int64(n), 10)
		off += 2
		if n > len(v)-off {
			return append(b, " (> containing TLV length)"...)
		}
		b = appendISISMCIDTcpdump(append(b, "\n\t         MCID: "...), v[off:off+51])
		b = appendISISMCIDTcpdump(append(b, "\n\t         AUX-MCID: "...), v[off+51:off+102])
		off += n
	}
	return b
}

// appendISISMCIDTcpdump appends an SPB MCID as tcpdump does: its format
// ID, its name up to a NUL, its revision level and its digest.
func appendISISMCIDTcpdump(b, m []byte) []byte {
	b = strconv.AppendUint(append(b, "ID: "...), uint64(m[0]), 10)
	b = append(b, ", Name: "...)
	for _, c := range m[1:33] {
		if c == 0 {
			break
		}
		b = appendTcpdumpChar(b, c)
	}
	b = strconv.AppendUint(append(b, "\n\t              Lvl: "...), uint64(be16(m[33:])), 10)
	b = append(b, ", Digest: "...)
	for _, c := range m[35:51] {
		b = append(appendHex2(b, c), ' ')
	}
	return b
}

// appendISISIPv6ReachTcpdump appends tcpdump's lines for an IPv6
// reachability TLV of n bytes in a hello (isisIPv6ReachTaken): each
// prefix, and where the last ran past the TLV the note that ends it. rest
// runs from the TLV's value to the end of the PDU.
func appendISISIPv6ReachTcpdump(b, rest []byte, n int) []byte {
	for off := 0; off < n; {
		st, plen := rest[off+4], int(rest[off+5])
		var a [16]byte
		ln := 6 + (plen+7)/8
		copy(a[:], rest[off+6:off+ln])
		b = netip.AddrFrom16(a).AppendTo(append(b, "\n\t      IPv6 prefix: "...))
		b = strconv.AppendInt(append(b, '/'), int64(plen), 10)
		if st&0x80 != 0 {
			b = append(b, ", Distribution: down"...)
		} else {
			b = append(b, ", Distribution: up"...)
		}
		b = strconv.AppendUint(append(b, ", Metric: "...), uint64(be32(rest[off:])), 10)
		if st&0x40 != 0 {
			b = append(b, ", External"...)
		} else {
			b = append(b, ", Internal"...)
		}
		if n-off < ln {
			b = strconv.AppendInt(append(b, " [remaining tlv length "...), int64(n-off), 10)
			b = strconv.AppendInt(append(b, " < "...), int64(ln), 10)
			return append(b, "] (invalid)"...)
		}
		off += ln
	}
	return b
}
