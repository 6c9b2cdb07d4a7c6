package decode

import "strconv"

// IGMP is an IGMP message (RFC 1112, 2236, 3376; IP protocol 2): a type,
// a maximum response time (or reserved byte), a checksum and a group
// address, then for version 3 the sources of a query or the group records
// of a report. Multicast traceroute (types 0x1e, 0x1f) shares the header.
// The view holds the message as captured.
type IGMP []byte

// IPProtoIGMP is IGMP's IP protocol number.
const IPProtoIGMP = 2

// The IGMP message types rawcap draws.
const (
	IGMPQuery      = 0x11
	IGMPv1Report   = 0x12
	IGMPDVMRP      = 0x13
	IGMPPIMv1      = 0x14
	IGMPv2Report   = 0x16
	IGMPLeave      = 0x17
	IGMPMtraceResp = 0x1e
	IGMPMtrace     = 0x1f
	IGMPv3Report   = 0x22
)

const (
	igmpLen          = 8
	igmpMtraceHdrLen = 24
	igmpMtraceRspLen = 32
)

// igmpVersion returns the IGMP version tshark gives a message of type typ
// and length n, 0 for the types rawcap does not draw.
func igmpVersion(typ uint8, code uint8, n int) int {
	switch typ {
	case IGMPQuery:
		switch {
		case n >= 12:
			return 3
		case code != 0:
			return 2
		}
		return 1
	case IGMPv1Report:
		return 1
	case IGMPv2Report, IGMPLeave:
		return 2
	case IGMPv3Report:
		return 3
	}
	return 0
}

func (d *Decoder) decodeIGMP(l *Layer) LayerType {
	b := d.bytes(l)
	l.Payload = l.End
	if len(b) < igmpLen {
		l.Malformed = ReasonTruncated
	}
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	igmpVersionF = iota
	igmpType
	igmpReserved
	igmpMaxResp
	igmpMaxRespExp
	igmpMaxRespMant
	igmpChecksum
	igmpChecksumStatus
	igmpMaddr
	igmpS
	igmpQRV
	igmpQQIC
	igmpNumSrc
	igmpSaddr
	igmpNumGrpRecs
	igmpRecordType
	igmpAuxDataLen
	igmpAuxData
	igmpMtraceMaxHops
	igmpMtraceSaddr
	igmpMtraceRaddr
	igmpMtraceRspaddr
	igmpMtraceRespTTL
	igmpMtraceQID
	igmpMtraceQArrival
	igmpMtraceQInaddr
	igmpMtraceQOutaddr
	igmpMtraceQPrevrtr
	igmpMtraceQInpkt
	igmpMtraceQOutpkt
	igmpMtraceQTotal
	igmpMtraceQRtgProto
	igmpMtraceQFwdTTL
	igmpMtraceQMBZ
	igmpMtraceQS
	igmpMtraceQSrcMask
	igmpMtraceQFwdCode
	igmpFieldCount
)

var igmpFields = [igmpFieldCount]Field{
	igmpVersionF:        {Name: "igmp.version", Label: "IGMP Version", Kind: KindUint, Width: 8, Generated: true},
	igmpType:            {Name: "igmp.type", Label: "Type", Kind: KindUint, Width: 8, Base: BaseHex},
	igmpReserved:        {Name: "igmp.reserved", Label: "Reserved", Kind: KindBytes},
	igmpMaxResp:         {Name: "igmp.max_resp", Label: "Max Resp Time", Kind: KindUint, Width: 8},
	igmpMaxRespExp:      {Name: "igmp.max_resp.exp", Label: "Exponent", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x70},
	igmpMaxRespMant:     {Name: "igmp.max_resp.mant", Label: "Mantissa", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x0f},
	igmpChecksum:        {Name: "igmp.checksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	igmpChecksumStatus:  {Name: "igmp.checksum.status", Label: "Checksum Status", Kind: KindUint, Width: 8},
	igmpMaddr:           {Name: "igmp.maddr", Label: "Multicast Address", Kind: KindIPv4},
	igmpS:               {Name: "igmp.s", Label: "S", Kind: KindBool, Width: 8, Mask: 0x08},
	igmpQRV:             {Name: "igmp.qrv", Label: "QRV", Kind: KindUint, Width: 8, Mask: 0x07},
	igmpQQIC:            {Name: "igmp.qqic", Label: "QQIC", Kind: KindUint, Width: 8},
	igmpNumSrc:          {Name: "igmp.num_src", Label: "Num Src", Kind: KindUint, Width: 16},
	igmpSaddr:           {Name: "igmp.saddr", Label: "Source Address", Kind: KindIPv4},
	igmpNumGrpRecs:      {Name: "igmp.num_grp_recs", Label: "Num Group Records", Kind: KindUint, Width: 16},
	igmpRecordType:      {Name: "igmp.record_type", Label: "Record Type", Kind: KindUint, Width: 8},
	igmpAuxDataLen:      {Name: "igmp.aux_data_len", Label: "Aux Data Len", Kind: KindUint, Width: 8},
	igmpAuxData:         {Name: "igmp.aux_data", Label: "Aux Data", Kind: KindBytes},
	igmpMtraceMaxHops:   {Name: "igmp.mtrace.max_hops", Label: "# hops", Kind: KindUint, Width: 8},
	igmpMtraceSaddr:     {Name: "igmp.mtrace.saddr", Label: "Source Address", Kind: KindIPv4},
	igmpMtraceRaddr:     {Name: "igmp.mtrace.raddr", Label: "Receiver Address", Kind: KindIPv4},
	igmpMtraceRspaddr:   {Name: "igmp.mtrace.rspaddr", Label: "Response Address", Kind: KindIPv4},
	igmpMtraceRespTTL:   {Name: "igmp.mtrace.resp_ttl", Label: "Response TTL", Kind: KindUint, Width: 8},
	igmpMtraceQID:       {Name: "igmp.mtrace.q_id", Label: "Query ID", Kind: KindUint, Width: 24},
	igmpMtraceQArrival:  {Name: "igmp.mtrace.q_arrival", Label: "Query Arrival", Kind: KindUint, Width: 32},
	igmpMtraceQInaddr:   {Name: "igmp.mtrace.q_inaddr", Label: "In itf addr", Kind: KindIPv4},
	igmpMtraceQOutaddr:  {Name: "igmp.mtrace.q_outaddr", Label: "Out itf addr", Kind: KindIPv4},
	igmpMtraceQPrevrtr:  {Name: "igmp.mtrace.q_prevrtr", Label: "Previous rtr addr", Kind: KindIPv4},
	igmpMtraceQInpkt:    {Name: "igmp.mtrace.q_inpkt", Label: "In pkts", Kind: KindUint, Width: 32},
	igmpMtraceQOutpkt:   {Name: "igmp.mtrace.q_outpkt", Label: "Out pkts", Kind: KindUint, Width: 32},
	igmpMtraceQTotal:    {Name: "igmp.mtrace.q_total", Label: "S,G pkt count", Kind: KindUint, Width: 32},
	igmpMtraceQRtgProto: {Name: "igmp.mtrace.q_rtg_proto", Label: "Rtg Protocol", Kind: KindUint, Width: 8},
	igmpMtraceQFwdTTL:   {Name: "igmp.mtrace.q_fwd_ttl", Label: "FwdTTL", Kind: KindUint, Width: 8},
	igmpMtraceQMBZ:      {Name: "igmp.mtrace.q_mbz", Label: "MBZ", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x80},
	igmpMtraceQS:        {Name: "igmp.mtrace.q_s", Label: "S", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x40},
	igmpMtraceQSrcMask:  {Name: "igmp.mtrace.q_src_mask", Label: "Src Mask", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x3f},
	igmpMtraceQFwdCode:  {Name: "igmp.mtrace.q_fwd_code", Label: "Forwarding Code", Kind: KindUint, Width: 8, Base: BaseHex},
}

var protoIGMP = protoField("igmp", "Internet Group Management Protocol")

// igmpView returns the message of layer i, its reported length, and
// whether rawcap draws it: a type it knows, all of it captured.
func igmpView(d *Decoder, i int) (g IGMP, n, ver int, ok bool) {
	l := &d.layers[i]
	g = IGMP(d.data[l.Start:l.End])
	n = pimReported(d, i, l)
	if l.Malformed != "" || len(g) < igmpLen || n != len(g) {
		return g, n, 0, false
	}
	switch g[0] {
	case IGMPMtrace, IGMPMtraceResp:
		return g, n, 0, n >= igmpMtraceHdrLen
	}
	ver = igmpVersion(g[0], g[1], n)
	if ver == 3 && !igmpV3Complete(g) {
		return g, n, ver, false
	}
	return g, n, ver, ver != 0
}

// igmpV3Complete reports whether a version-3 message's counts fit in it.
func igmpV3Complete(g IGMP) bool {
	if g[0] == IGMPQuery {
		return len(g) >= 12 && 12+int(be16(g[10:]))*4 <= len(g)
	}
	off := 8
	for k := 0; k < int(be16(g[6:])); k++ {
		if off+8 > len(g) {
			return false
		}
		off += 8 + int(be16(g[off+2:]))*4 + int(g[off+1])*4
		if off > len(g) {
			return false
		}
	}
	return true
}

// igmpCheck returns tshark's checksum status (0 bad, 1 good, 2 unverified)
// and the sum, over the first 8 bytes for versions 1 and 2, else all.
func igmpCheck(d *Decoder, i int, g IGMP, n, ver int) (int, uint16) {
	if ver == 1 || ver == 2 {
		n = igmpLen
	}
	if pimFragmented(d, i) || len(g) < n {
		return 2, 0
	}
	sum := ^checksumFold(checksumAdd(0, g[:n]))
	if sum == 0 {
		return 1, 0
	}
	return 0, sum
}

// igmpMaxRespV3 returns a version-3 max response code in tenths of
// seconds.
func igmpMaxRespV3(c uint8) uint32 {
	if c&0x80 == 0 {
		return uint32(c)
	}
	return uint32(c&0x0f|0x10) << (uint32(c&0x70)>>4 + 3)
}

// emitIGMP emits the message's fields in tshark's order.
func emitIGMP(e *emitter, i int) {
	d := e.d
	e.Proto(&protoIGMP)
	g, n, ver, ok := igmpView(d, i)
	if !ok {
		e.NoTree() // tshark gives DVMRP and PIMv1 trees of their own
		e.End()
		return
	}
	f := &igmpFields
	// The tree draws every group record, source and response block; JSON
	// keeps the first of each.
	every := e.all || e.Tree()
	st, sum := igmpCheck(d, i, g, n, ver)
	if g[0] == IGMPMtrace || g[0] == IGMPMtraceResp {
		e.Uint(&f[igmpType], uint64(g[0]))
		if e.Tree() {
			b := append(e.Text(), "Type: "...)
			b = append(b, igmpMtraceType(g)...)
			b = append(b, " (0x"...)
			b = appendHex2(b, g[0])
			e.SetRepr(append(b, ')'))
		}
		e.Uint(&f[igmpMtraceMaxHops], uint64(g[1]))
		emitIGMPChecksum(e, be16(g[2:]), st, sum)
		e.IPv4(&f[igmpMaddr], g[4:8])
		e.IPv4(&f[igmpMtraceSaddr], g[8:12])
		e.IPv4(&f[igmpMtraceRaddr], g[12:16])
		e.IPv4(&f[igmpMtraceRspaddr], g[16:20])
		e.Uint(&f[igmpMtraceRespTTL], uint64(g[20]))
		e.Uint(&f[igmpMtraceQID], uint64(be32(g[20:])&0xffffff))
		for off, k := igmpMtraceHdrLen, 0; off+igmpMtraceRspLen <= len(g); off, k = off+igmpMtraceRspLen, k+1 {
			if k > 0 && !every {
				break
			}
			r := g[off:]
			fc := igmpName(igmpMtraceQFwdCode, uint64(r[31]))
			if fc == "" {
				fc = "Unknown"
			}
			if e.Tree() {
				b := append(e.Text(), "Response data block: "...)
				b = addr4(r[4:8]).AppendTo(b)
				b = append(b, " -> "...)
				b = addr4(r[8:12]).AppendTo(b)
				b = append(b, ",  Proto: "...)
				if n := igmpName(igmpMtraceQRtgProto, uint64(r[28])); n != "" {
					b = append(b, n...)
				} else {
					b = append(b, "Unknown"...)
				}
				b = append(b, ",  Forwarding Code: "...)
				e.Line(append(b, fc...))
			}
			e.Sub()
			e.Uint(&f[igmpMtraceQArrival], uint64(be32(r)))
			e.IPv4(&f[igmpMtraceQInaddr], r[4:8])
			e.IPv4(&f[igmpMtraceQOutaddr], r[8:12])
			e.IPv4(&f[igmpMtraceQPrevrtr], r[12:16])
			e.Uint(&f[igmpMtraceQInpkt], uint64(be32(r[16:])))
			e.Uint(&f[igmpMtraceQOutpkt], uint64(be32(r[20:])))
			e.Uint(&f[igmpMtraceQTotal], uint64(be32(r[24:])))
			e.Uint(&f[igmpMtraceQRtgProto], uint64(r[28]))
			if e.Tree() {
				b := append(e.Text(), "Rtg Protocol: "...)
				e.SetRepr(appendValueName(b, igmpName(igmpMtraceQRtgProto, uint64(r[28])), uint64(r[28])))
			}
			e.Uint(&f[igmpMtraceQFwdTTL], uint64(r[29]))
			e.UintBits(&f[igmpMtraceQMBZ], uint64(r[30]))
			e.UintBits(&f[igmpMtraceQS], uint64(r[30]))
			e.UintBits(&f[igmpMtraceQSrcMask], uint64(r[30]))
			e.Uint(&f[igmpMtraceQFwdCode], uint64(r[31]))
			if e.Tree() {
				b := append(e.Text(), "Forwarding Code: "...)
				b = append(b, fc...)
				b = append(b, " (0x"...)
				b = appendHex2(b, r[31])
				e.SetRepr(append(b, ')'))
			}
			e.Up()
		}
		e.End()
		return
	}
	e.Uint(&f[igmpVersionF], uint64(ver))
	e.Uint(&f[igmpType], uint64(g[0]))
	if e.Tree() {
		b := append(e.Text(), "Type: "...)
		b = append(b, igmpName(igmpType, uint64(g[0]))...)
		b = append(b, " (0x"...)
		b = appendHex2(b, g[0])
		e.SetRepr(append(b, ')'))
	}
	switch {
	case ver == 1 || g[0] == IGMPv3Report:
		e.Bytes(&f[igmpReserved], g[1:2])
	default:
		tenths := uint32(g[1])
		if ver == 3 {
			tenths = igmpMaxRespV3(g[1])
		}
		e.Uint(&f[igmpMaxResp], uint64(tenths))
		if e.Tree() {
			b := append(e.Text(), "Max Resp Time: "...)
			b = appendTenths(b, tenths)
			b = append(b, " sec (0x"...)
			b = appendHex2(b, g[1])
			e.SetRepr(append(b, ')'))
		}
		if ver == 3 && g[1]&0x80 != 0 {
			e.Sub()
			e.UintBits(&f[igmpMaxRespExp], uint64(g[1]))
			e.UintBits(&f[igmpMaxRespMant], uint64(g[1]))
			e.Up()
		}
	}
	emitIGMPChecksum(e, be16(g[2:]), st, sum)
	switch {
	case g[0] == IGMPv3Report:
		if every {
			e.Bytes(&f[igmpReserved], g[4:6])
		}
		nrec := int(be16(g[6:]))
		e.Uint(&f[igmpNumGrpRecs], uint64(nrec))
		off := 8
		for k := 0; k < nrec; k++ {
			ns, adl := int(be16(g[off+2:])), int(g[off+1])
			if k == 0 || every {
				if e.Tree() {
					b := append(e.Text(), "Group Record : "...)
					b = addr4(g[off+4 : off+8]).AppendTo(b)
					b = append(b, "  "...)
					e.Line(append(b, igmpName(igmpRecordType, uint64(g[off]))...))
				}
				e.Sub()
				e.Uint(&f[igmpRecordType], uint64(g[off]))
				if e.Tree() {
					b := append(e.Text(), "Record Type: "...)
					e.SetRepr(appendValueName(b, igmpName(igmpRecordType, uint64(g[off])), uint64(g[off])))
				}
				e.Uint(&f[igmpAuxDataLen], uint64(adl))
				e.Uint(&f[igmpNumSrc], uint64(ns))
				e.IPv4(&f[igmpMaddr], g[off+4:off+8])
				for s := 0; s < ns; s++ {
					if s == 0 || every {
						e.IPv4(&f[igmpSaddr], g[off+8+4*s:off+12+4*s])
					}
				}
				if adl > 0 {
					a := off + 8 + 4*ns
					e.Bytes(&f[igmpAuxData], g[a:a+4*adl])
				}
				e.Up()
			}
			off += 8 + 4*ns + 4*adl
		}
	default:
		e.IPv4(&f[igmpMaddr], g[4:8])
		if ver == 3 {
			e.BoolBits(&f[igmpS], uint64(g[8]))
			if e.Tree() {
				b := appendBitDrawing(e.Text(), uint64(g[8]), 8, 0x08)
				b = append(b, " = S: "...)
				if g[8]&0x08 != 0 {
					b = append(b, "SUPPRESS router side processing"...)
				} else {
					b = append(b, "Do not suppress router side processing"...)
				}
				e.SetRepr(b)
			}
			e.UintBits(&f[igmpQRV], uint64(g[8]))
			e.Uint(&f[igmpQQIC], uint64(g[9]))
			ns := int(be16(g[10:]))
			e.Uint(&f[igmpNumSrc], uint64(ns))
			for s := 0; s < ns; s++ {
				if s == 0 || every {
					e.IPv4(&f[igmpSaddr], g[12+4*s:16+4*s])
				}
			}
		}
	}
	e.End()
}

// emitIGMPChecksum emits the checksum and its status (st: 0 bad, 1 good,
// 2 unverified) with tshark's lines, and its expert block when bad.
func emitIGMPChecksum(e *emitter, field uint16, st int, sum uint16) {
	f := &igmpFields
	e.Uint(&f[igmpChecksum], uint64(field))
	e.ChecksumRepr(field, st, sum, "Error")
	e.Uint(&f[igmpChecksumStatus], uint64(st))
	if e.Tree() {
		e.SetRepr(append(e.Text(), [...]string{"[Checksum Status: Bad]", "[Checksum Status: Good]", "[Checksum Status: Unverified]"}[st]...))
	}
}

func igmpName(f int, v uint64) string { return igmpFields[f].ValueNames().Name(v) }

// appendTenths appends v tenths as "%.1f".
func appendTenths(b []byte, v uint32) []byte {
	b = strconv.AppendUint(b, uint64(v/10), 10)
	b = append(b, '.')
	return append(b, byte('0'+v%10))
}

// igmpMtraceType returns tshark's name of a traceroute message.
func igmpMtraceType(g IGMP) string {
	switch {
	case g[0] == IGMPMtraceResp:
		return "Traceroute Response"
	case len(g) == igmpMtraceHdrLen:
		return "Traceroute Query"
	}
	return "Traceroute Request"
}

// appendIGMPProto appends the Protocol column: "IGMPv2", or "IGMP".
func appendIGMPProto(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	g := d.data[l.Start:l.End]
	if len(g) < 2 {
		return append(b, "IGMP"...)
	}
	if v := igmpVersion(g[0], g[1], pimReported(d, i, l)); v != 0 {
		b = append(b, "IGMPv"...)
		return appendUint(b, uint64(v))
	}
	return append(b, "IGMP"...)
}

// infoIGMP appends the Info column: "Membership Report group 239.1.1.1".
func infoIGMP(b []byte, d *Decoder, i int) []byte {
	g, _, ver, ok := igmpView(d, i)
	if !ok {
		return b
	}
	if g[0] == IGMPMtrace || g[0] == IGMPMtraceResp {
		b = append(b, igmpMtraceType(g)...)
		if g[0] == IGMPMtraceResp {
			n := (len(g) - igmpMtraceHdrLen) / igmpMtraceRspLen
			b = append(b, ", "...)
			b = appendUint(b, uint64(n))
			if n == 1 {
				b = append(b, " block"...)
			} else {
				b = append(b, " blocks"...)
			}
		}
		return b
	}
	b = append(b, igmpName(igmpType, uint64(g[0]))...)
	if ver == 1 {
		return b
	}
	if g[0] == IGMPv3Report {
		nrec := int(be16(g[6:]))
		if nrec == 0 {
			return append(b, " - General query"...)
		}
		off := 8
		for k := 0; k < nrec; k++ {
			ns, adl := int(be16(g[off+2:])), int(g[off+1])
			b = append(b, " / "...)
			ma := addr4(g[off+4 : off+8])
			rt := g[off]
			if ns == 0 {
				switch rt {
				case 1, 3:
					b = append(b, "Leave group "...)
					b = ma.AppendTo(b)
				case 2, 4:
					b = append(b, "Join group "...)
					b = ma.AppendTo(b)
					b = append(b, " for any sources"...)
				case 5:
					b = append(b, "Group "...)
					b = ma.AppendTo(b)
					b = append(b, ", ALLOW_NEW_SOURCES but no source specified (?)"...)
				case 6:
					b = append(b, "Group "...)
					b = ma.AppendTo(b)
					b = append(b, ", BLOCK_OLD_SOURCES but no source specified (?)"...)
				default:
					b = append(b, "Group "...)
					b = ma.AppendTo(b)
					b = append(b, ", unknown record type (?)"...)
				}
			} else {
				switch rt {
				case 1, 3:
					b = append(b, "Join group "...)
					b = ma.AppendTo(b)
					b = append(b, " for source"...)
					if ns > 1 {
						b = append(b, "s in"...)
					}
				case 2, 4:
					b = append(b, "Join group "...)
					b = ma.AppendTo(b)
					b = append(b, ", for source"...)
					if ns > 1 {
						b = append(b, "s not in"...)
					} else {
						b = append(b, " not"...)
					}
				case 5:
					b = append(b, "Group "...)
					b = ma.AppendTo(b)
					b = append(b, ", new source"...)
					if ns > 1 {
						b = append(b, 's')
					}
				case 6:
					b = append(b, "Group "...)
					b = ma.AppendTo(b)
					b = append(b, ", block source"...)
					if ns > 1 {
						b = append(b, 's')
					}
				default:
					b = append(b, "Group "...)
					b = ma.AppendTo(b)
					b = append(b, ", unknown record type (?), sources"...)
				}
				b = append(b, " {"...)
				for s := 0; s < ns; s++ {
					b = addr4(g[off+8+4*s : off+12+4*s]).AppendTo(b)
					if s+1 < ns {
						b = append(b, ", "...)
					} else {
						b = append(b, '}')
					}
				}
			}
			off += 8 + 4*ns + 4*adl
		}
		return b
	}
	ma := addr4(g[4:8])
	switch {
	case ma.IsUnspecified():
		b = append(b, ", general"...)
	case g[0] == IGMPLeave:
		b = append(b, ' ')
		b = ma.AppendTo(b)
	case g[0] == IGMPQuery:
		b = append(b, ", specific for group "...)
		b = ma.AppendTo(b)
	default:
		b = append(b, " group "...)
		b = ma.AppendTo(b)
	}
	if ver == 3 {
		if ns := int(be16(g[10:])); ns > 0 {
			b = append(b, ", source"...)
			if ns > 1 {
				b = append(b, 's')
			}
			b = append(b, " {"...)
			for s := 0; s < ns; s++ {
				b = addr4(g[12+4*s : 16+4*s]).AppendTo(b)
				if s+1 < ns {
					b = append(b, ", "...)
				} else {
					b = append(b, '}')
				}
			}
		}
	}
	return b
}

// lineIGMP appends tcpdump's "igmp v2 report 239.1.1.1", "igmp query v3
// [max resp time 1.0s]", "mtrace 7: a to b reply-to c"; with -v a bad
// checksum.
func (p *LinePrinter) lineIGMP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	g := d.data[l.Start:l.End]
	n := ipPayloadLen(d, i)
	if p.Options.Quiet {
		return append(b, "igmp"...)
	}
	if len(g) < 1 {
		return p.cut(b, " [|igmp]")
	}
	switch g[0] {
	case IGMPQuery:
		b = append(b, "igmp query"...)
		if n >= 12 {
			b = append(b, " v3"...)
			if n&3 != 0 {
				b = append(b, " [invalid len "...)
				b = appendUint(b, uint64(n))
				b = append(b, ']')
				break
			}
			if len(g) < 2 {
				return p.cut(b, " [|igmp]")
			}
			if g[1] != 100 {
				mrt := igmpMaxRespV3(g[1])
				b = append(b, " [max resp time "...)
				if mrt < 600 {
					b = appendTenths(b, mrt)
					b = append(b, 's')
				} else {
					b = appendRelTime(b, mrt/10)
				}
				b = append(b, ']')
			}
			if len(g) < 8 {
				return p.cut(b, " [|igmp]")
			}
			if be32(g[4:]) == 0 {
				break
			}
			b = append(b, " [gaddr "...)
			b = addr4(g[4:8]).AppendTo(b)
			if len(g) < 12 {
				return p.cut(b, " [|igmp]")
			}
			if ns := int(be16(g[10:])); ns > 0 {
				switch {
				case n < 12+ns*4:
					b = append(b, " [invalid number of sources]"...)
				case p.Options.Verbose > 1:
					b = append(b, " {"...)
					for s := 0; s < ns; s++ {
						if 16+4*s > len(g) {
							return p.cut(b, " [|igmp]")
						}
						b = append(b, ' ')
						b = addr4(g[12+4*s : 16+4*s]).AppendTo(b)
					}
					b = append(b, " }"...)
				default:
					b = append(b, ", "...)
					b = appendUint(b, uint64(ns))
					b = append(b, " source(s)"...)
				}
			}
			b = append(b, ']')
			break
		}
		if len(g) < 2 {
			return p.cut(b, " [|igmp]")
		}
		if g[1] != 0 {
			b = append(b, " v2"...)
			if g[1] != 100 {
				b = append(b, " [max resp time "...)
				b = appendUint(b, uint64(g[1]))
				b = append(b, ']')
			}
		} else {
			b = append(b, " v1"...)
		}
		if len(g) < 8 {
			return p.cut(b, " [|igmp]")
		}
		if be32(g[4:]) != 0 {
			b = append(b, " [gaddr "...)
			b = addr4(g[4:8]).AppendTo(b)
			b = append(b, ']')
		}
		if n != 8 {
			b = append(b, " [len "...)
			b = appendUint(b, uint64(n))
			b = append(b, ']')
		}
	case IGMPv1Report, IGMPv2Report, IGMPLeave:
		switch g[0] {
		case IGMPv1Report:
			b = append(b, "igmp v1 report "...)
		case IGMPv2Report:
			b = append(b, "igmp v2 report "...)
		default:
			b = append(b, "igmp leave "...)
		}
		if len(g) < 8 {
			return p.cut(b, " [|igmp]")
		}
		b = addr4(g[4:8]).AppendTo(b)
		if g[0] == IGMPv1Report && n != 8 {
			b = append(b, " [len "...)
			b = appendUint(b, uint64(n))
			b = append(b, ']')
		}
	case IGMPv3Report:
		b = append(b, "igmp v3 report"...)
		if n < 16 || n&3 != 0 {
			b = append(b, " [invalid len "...)
			b = appendUint(b, uint64(n))
			b = append(b, ']')
			break
		}
		if len(g) < 8 {
			return p.cut(b, " [|igmp]")
		}
		ng := int(be16(g[6:]))
		b = append(b, ", "...)
		b = appendUint(b, uint64(ng))
		b = append(b, " group record(s)"...)
		if p.Options.Verbose == 0 {
			break
		}
		off := 8
		for k := 0; k < ng; k++ {
			if n < off+8 {
				b = append(b, " [invalid number of groups]"...)
				return p.igmpSum(b, d, g, n)
			}
			if len(g) < off+8 {
				return p.cut(b, " [|igmp]")
			}
			b = append(b, " [gaddr "...)
			b = addr4(g[off+4 : off+8]).AppendTo(b)
			b = append(b, ' ')
			switch g[off] {
			case 1:
				b = append(b, "is_in"...)
			case 2:
				b = append(b, "is_ex"...)
			case 3:
				b = append(b, "to_in"...)
			case 4:
				b = append(b, "to_ex"...)
			case 5:
				b = append(b, "allow"...)
			case 6:
				b = append(b, "block"...)
			default:
				b = append(b, " [v3-report-#"...)
				b = appendUint(b, uint64(g[off]))
				b = append(b, ']')
			}
			ns := int(be16(g[off+2:]))
			if n < off+8+ns*4 {
				b = append(b, " [invalid number of sources "...)
				b = appendUint(b, uint64(ns))
				b = append(b, ']')
				return p.igmpSum(b, d, g, n)
			}
			if p.Options.Verbose == 1 {
				b = append(b, ", "...)
				b = appendUint(b, uint64(ns))
				b = append(b, " source(s)"...)
			} else {
				b = append(b, " {"...)
				for s := 0; s < ns; s++ {
					if len(g) < off+12+4*s {
						return p.cut(b, " [|igmp]")
					}
					b = append(b, ' ')
					b = addr4(g[off+8+4*s : off+12+4*s]).AppendTo(b)
				}
				b = append(b, " }"...)
			}
			off += 8 + ns*4
			b = append(b, ']')
		}
	case IGMPMtrace, IGMPMtraceResp:
		if g[0] == IGMPMtrace {
			b = append(b, "mtrace"...)
		} else {
			b = append(b, "mresp"...)
		}
		if n < igmpMtraceHdrLen {
			b = append(b, " [invalid len "...)
			b = appendUint(b, uint64(n))
			b = append(b, ']')
			break
		}
		if len(g) < igmpMtraceHdrLen {
			return p.cut(b, " [|igmp]")
		}
		b = append(b, ' ')
		b = appendUint(b, uint64(be32(g[20:])&0xffffff))
		b = append(b, ": "...)
		b = addr4(g[8:12]).AppendTo(b)
		b = append(b, " to "...)
		b = addr4(g[12:16]).AppendTo(b)
		b = append(b, " reply-to "...)
		b = addr4(g[16:20]).AppendTo(b)
		if g[16]&0xf0 == 0xe0 {
			b = append(b, " with-ttl "...)
			b = appendUint(b, uint64(g[20]))
		}
	default:
		b = append(b, "igmp-"...)
		b = appendUint(b, uint64(g[0]))
	}
	return p.igmpSum(b, d, g, n)
}

// igmpSum appends tcpdump -v's complaint about a bad checksum.
func (p *LinePrinter) igmpSum(b []byte, d *Decoder, g []byte, n int) []byte {
	if p.Options.Verbose > 0 && n >= 4 && n <= len(g) {
		if ^checksumFold(checksumAdd(0, g[:n])) != 0 {
			b = append(b, " bad igmp cksum "...)
			b = strconv.AppendUint(b, uint64(be16(g[2:])), 16)
			b = append(b, '!')
		}
	}
	return b
}

// appendIGMPProtocols appends IGMP's part of frame.protocols: Wireshark's
// IGMP dissector hands each type it knows to a dissector registered for
// it, which adds itself again ("igmp:igmp", "igmp:dvmrp", "igmp:pim").
func appendIGMPProtocols(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	b = append(b, "igmp"...)
	if l.End == l.Start {
		return b
	}
	switch t := d.data[l.Start]; {
	case t == IGMPDVMRP:
		return append(b, ":dvmrp"...)
	case t == IGMPPIMv1:
		return append(b, ":pim"...)
	case t >= 1 && t <= 8, t == IGMPQuery, t == IGMPv1Report, t == IGMPv2Report, t == IGMPLeave,
		t == IGMPv3Report, t == IGMPMtrace, t == IGMPMtraceResp:
		return append(b, ":igmp"...)
	}
	return b
}
