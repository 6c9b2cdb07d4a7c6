package decode

import "net/netip"

// The chunks and parameters of SCTP's extensions, beside sctp.go: AUTH
// and its INIT parameters (RFC 4895), ASCONF and ASCONF-ACK with theirs
// (RFC 5061), RE-CONFIG (RFC 6525), I-DATA and I-FORWARD-TSN (RFC 8260),
// PAD (RFC 4820), NR-SACK, PKTDROP, ECNE and CWR.

// emitSCTPExtChunk emits the fields of an extension chunk's value.
func emitSCTPExtChunk(e *emitter, c SCTPChunk, bases *sctpBases) {
	f := &sctpFields
	v := c.Value
	tree := e.Tree()
	switch c.Type {
	case 12, 13:
		if len(v) >= 4 {
			k := sctpECNELowestTSN
			if c.Type == 13 {
				k = sctpCWRLowestTSN
			}
			e.Uint(&f[k], uint64(be32(v)))
		}
	case 15:
		if len(v) >= 4 {
			e.Uint(&f[sctpSharedKeyID], uint64(be16(v)))
			e.Uint(&f[sctpHMACID], uint64(be16(v[2:])))
			e.Bytes(&f[sctpHMAC], v[4:])
		}
	case 16:
		if len(v) < 16 {
			return
		}
		cum := be32(v)
		e.Uint(&f[sctpNRSackCumTSN], uint64(cum))
		e.Sub()
		emitSCTPAcks(e, bases, c.Off, -1)
		e.Up()
		e.Uint(&f[sctpNRSackARwnd], uint64(be32(v[4:])))
		ng, nr, nd := int(be16(v[8:])), int(be16(v[10:])), int(be16(v[12:]))
		e.Uint(&f[sctpNRSackGaps], uint64(ng))
		e.Uint(&f[sctpNRSackNRGaps], uint64(nr))
		e.Uint(&f[sctpNRSackDups], uint64(nd))
		e.Uint(&f[sctpNRSackReserved], uint64(be16(v[14:])))
		p := 16
		for _, k := range [2]int{sctpNRSackGapStart, sctpNRSackNRGapStart} {
			n, title := ng, "Gap Acknowledgement for TSN "
			if k == sctpNRSackNRGapStart {
				n, title = nr, "NR-Gap Acknowledgement for TSN "
			}
			var acked uint64
			for j := 0; j < n && p+4 <= len(v); j++ {
				st, en := be16(v[p:]), be16(v[p+2:])
				if tree {
					e.Line(appendSCTPGapTitle(e.Text(), title, cum, st, en))
				}
				e.Sub()
				e.Uint(&f[k], uint64(st))
				e.Sub()
				e.Uint(&f[k+1], uint64(cum+uint32(st)))
				e.Up()
				e.Uint(&f[k+2], uint64(en))
				e.Sub()
				e.Uint(&f[k+3], uint64(cum+uint32(en)))
				e.Up()
				if k == sctpNRSackGapStart {
					emitSCTPAcks(e, bases, c.Off, j)
				}
				e.Up()
				if en >= st {
					acked += uint64(en-st) + 1
				}
				p += 4
			}
			if n > 0 {
				e.Uint(&f[k+4], acked)
			}
		}
		for j := 0; j < nd && p+4 <= len(v); j++ {
			e.Uint(&f[sctpNRSackDupTSN], uint64(be32(v[p:])))
			p += 4
		}
	case 64:
		if len(v) < 16 {
			return
		}
		tsn := be32(v)
		if bases != nil {
			e.Uint(&f[sctpDataTSN], uint64(tsn-bases.out))
			if x := bases.retxOf(c.Off); x != nil {
				emitSCTPRetx(e, x)
			}
		}
		e.Uint(&f[sctpDataTSNRaw], uint64(tsn))
		e.Uint(&f[sctpDataSID], uint64(be16(v[4:])))
		e.Uint(&f[sctpDataReserved], uint64(be16(v[6:])))
		e.Uint(&f[sctpDataMID], uint64(be32(v[8:])))
		if c.Flags&2 != 0 {
			e.Uint(&f[sctpDataPPID], uint64(be32(v[12:])))
		} else {
			e.Uint(&f[sctpDataFSN], uint64(be32(v[12:])))
		}
		if bases != nil && bases.msg.done && bases.msg.off == c.Off {
			emitSCTPReassembled(e, &bases.msg)
		}
	case 128, 193:
		if len(v) >= 4 {
			k := sctpASCONFSeq
			if c.Type == 128 {
				k = sctpASCONFAckSeq
			}
			e.Uint(&f[k], uint64(be32(v)))
			emitSCTPParams(e, v[4:], true)
		}
	case 129:
		if len(v) >= 12 {
			e.Uint(&f[sctpPktdropBandwidth], uint64(be32(v)))
			e.Uint(&f[sctpPktdropQueuesize], uint64(be32(v[4:])))
			e.Uint(&f[sctpPktdropTruncLen], uint64(be16(v[8:])))
			e.Uint(&f[sctpPktdropReserved], uint64(be16(v[10:])))
			e.Bytes(&f[sctpPktdropData], v[12:])
			if tree && c.Flags&4 == 0 {
				// tshark dissects a packet it is not told is truncated
				// as SCTP of its own, in place of the data field.
				e.NoTree()
				emitSCTPDropped(e, SCTP(v[12:]))
			}
		}
	case 130:
		emitSCTPParams(e, v, true)
	case 132:
		e.Bytes(&f[sctpPaddingData], v)
	case 194:
		if len(v) >= 4 {
			e.Uint(&f[sctpIForwardTSN], uint64(be32(v)))
			for p := 4; p+8 <= len(v); p += 8 {
				fl := uint64(be16(v[p+2:]))
				e.Uint(&f[sctpIForwardSID], uint64(be16(v[p:])))
				e.Uint(&f[sctpIForwardFlags], fl)
				e.Sub()
				e.Uint(&f[sctpIForwardRes], fl&0xfffe>>1)
				e.Bool(&f[sctpIForwardUBit], fl&1 != 0)
				e.Up()
				e.Uint(&f[sctpForwardMID], uint64(be32(v[p+4:])))
			}
		}
	default:
		if sctpChunkName(c.Type) == "" && len(v) > 0 {
			e.Bytes(&f[sctpChunkValue], v)
		}
	}
}

// emitSCTPExtParam emits the fields of an extension parameter's value.
func emitSCTPExtParam(e *emitter, typ uint16, v []byte) {
	f := &sctpFields
	switch typ {
	case 13, 14, 15, 17, 18:
		if len(v) < 4 {
			return
		}
		e.Uint(&f[sctpReconfReqSeq], uint64(be32(v)))
		switch {
		case typ == 13 && len(v) >= 12:
			e.Uint(&f[sctpReconfRespSeq], uint64(be32(v[4:])))
			e.Uint(&f[sctpReconfLastTSN], uint64(be32(v[8:])))
			for p := 12; p+2 <= len(v); p += 2 {
				e.Uint(&f[sctpReconfSID], uint64(be16(v[p:])))
			}
		case typ == 14:
			for p := 4; p+2 <= len(v); p += 2 {
				e.Uint(&f[sctpReconfSID], uint64(be16(v[p:])))
			}
		case (typ == 17 || typ == 18) && len(v) >= 8:
			k := sctpAddOutStreams
			if typ == 18 {
				k = sctpAddInStreams
			}
			e.Uint(&f[k], uint64(be16(v[4:])))
			e.Uint(&f[k+1], uint64(be16(v[6:])))
		}
	case 16:
		if len(v) >= 8 {
			e.Uint(&f[sctpReconfRespSeq], uint64(be32(v)))
			e.Uint(&f[sctpReconfResult], uint64(be32(v[4:])))
			if len(v) >= 16 {
				e.Uint(&f[sctpReconfSenderNextTSN], uint64(be32(v[8:])))
				e.Uint(&f[sctpReconfReceiverNextTSN], uint64(be32(v[12:])))
			}
		}
	case 0x8002:
		e.Bytes(&f[sctpRandom], v)
	case 0x8003:
		for _, t := range v {
			e.Uint(&f[sctpChunkTypeToAuth], uint64(t))
		}
	case 0x8004:
		for p := 0; p+2 <= len(v); p += 2 {
			e.Uint(&f[sctpHMACID], uint64(be16(v[p:])))
		}
	case 0x8008:
		for _, t := range v {
			e.Uint(&f[sctpSupportedChunkType], uint64(t))
		}
	case 0xc001, 0xc002, 0xc003, 0xc004, 0xc005:
		if len(v) >= 4 {
			e.Uint(&f[sctpCorrelationID], uint64(be32(v)))
			if typ == 0xc003 {
				emitSCTPCauses(e, v[4:])
			} else {
				emitSCTPParams(e, v[4:], false)
			}
		}
	case 0xc006:
		if len(v) == 4 {
			e.Uint(&f[sctpAdaptationIndication], uint64(be32(v)))
		}
	case 8:
		emitSCTPParams(e, v, false)
	case 11:
		b := e.Text()
		for _, c := range v {
			if c == 0 {
				break
			}
			b = append(b, c)
		}
		e.TextDone(&f[sctpParamHostname], b)
	default:
		if sctpFields[sctpParamType].ValueNames().Name(uint64(typ)) == "" && len(v) > 0 {
			e.Bytes(&f[sctpParamValue], v)
		}
	}
}

// sctpKnownChunk reports whether Wireshark names chunk type t.
func sctpKnownChunk(t uint8) bool { return sctpChunkName(t) != "" }

// sctpExtTreeable reports whether rawcap draws the extension chunk c as
// tshark does.
func sctpExtTreeable(c SCTPChunk) bool {
	v := c.Value
	switch c.Type {
	case 12, 13:
		return len(v) == 4
	case 15:
		return len(v) >= 4 && be16(v[2:]) <= 3
	case 16:
		return len(v) >= 16 && 16+4*(int(be16(v[8:]))+int(be16(v[10:]))+int(be16(v[12:]))) == len(v)
	case 64:
		if len(v) < 16 || c.Flags&0xf0 != 0 {
			return false
		}
		return c.Flags&2 == 0 || sctpPPIDName(be32(v[12:])) != ""
	case 128, 193:
		return len(v) >= 4 && sctpParamsTreeable(v[4:], c.Type)
	case 129:
		// A dropped packet tshark does not say is truncated it dissects
		// as SCTP of its own.
		return len(v) >= 12 && c.Flags&0xf8 == 0 && (c.Flags&4 != 0 || sctpDroppedTreeable(v[12:]))
	case 130:
		return len(v) > 0 && sctpParamsTreeable(v, c.Type)
	case 132:
		return true
	case 194:
		return len(v) >= 4 && (len(v)-4)%8 == 0
	}
	return len(v) > 0 && c.Type != 255 && sctpChunkName(c.Type) == ""
}

// sctpExtParamTreeable reports whether rawcap draws the extension
// parameter typ (value v, padding pad) of a chunk of type chunk as tshark
// does.
func sctpExtParamTreeable(typ uint16, v, pad []byte, chunk uint8) bool {
	switch typ {
	case 13:
		return chunk == 130 && len(v) >= 12 && len(v)%2 == 0
	case 14:
		return chunk == 130 && len(v) >= 4 && len(v)%2 == 0
	case 15:
		return chunk == 130 && len(v) == 4
	case 16:
		return chunk == 130 && (len(v) == 8 || len(v) == 16) && be32(v[4:]) <= 6
	case 17, 18:
		return chunk == 130 && len(v) == 8
	case 0x8002:
		return chunk == 1 || chunk == 2
	case 0x8003, 0x8008:
		if chunk != 1 && chunk != 2 || len(v) == 0 {
			return false
		}
		for _, t := range v {
			if !sctpKnownChunk(t) {
				return false
			}
		}
		return true
	case 0x8004:
		if chunk != 1 && chunk != 2 || len(v) == 0 || len(v)%2 != 0 {
			return false
		}
		for p := 0; p < len(v); p += 2 {
			if be16(v[p:]) > 3 {
				return false
			}
		}
		return true
	case 0xc006:
		return (chunk == 1 || chunk == 2) && len(v) == 4
	case 0xc001, 0xc002, 0xc004:
		return chunk == 193 && len(v) >= 4 && sctpAddrParam(v[4:])
	case 8:
		return chunk == 2 && sctpUnknownParams(v)
	case 11:
		return (chunk == 1 || chunk == 2) && sctpHostname(v) != nil
	case 0xc005:
		return chunk == 128 && len(v) == 4
	case 0xc003:
		if chunk != 128 || len(v) < 4 {
			return false
		}
		for p := 4; p < len(v); {
			code, _, cv, cpad, next, ok := nextSCTPTLV(v, p)
			if !ok || len(cpad) != 0 || code < 0xa0 || code > 0xa4 || !sctpASCONFParams(cv) {
				return false
			}
			p = next
		}
		return true
	case 5, 6:
		return chunk == 193
	}
	return len(v) > 0 && sctpFields[sctpParamType].ValueNames().Name(uint64(typ)) == ""
}

// sctpAddrParam reports whether b is one IPv4 or IPv6 address parameter.
func sctpAddrParam(b []byte) bool {
	typ, _, v, pad, next, ok := nextSCTPTLV(b, 0)
	return ok && next == len(b) && len(pad) == 0 && (typ == 5 && len(v) == 4 || typ == 6 && len(v) == 16)
}

// sctpASCONFParams reports whether b holds ASCONF parameters rawcap draws
// inside an error cause.
func sctpASCONFParams(b []byte) bool {
	for p := 0; p < len(b); {
		typ, _, v, pad, next, ok := nextSCTPTLV(b, p)
		if !ok || len(pad) != 0 {
			return false
		}
		switch typ {
		case 5, 6:
			if !sctpAddrParam(b[p:next]) {
				return false
			}
		case 0xc001, 0xc002, 0xc004:
			if len(v) < 4 || !sctpAddrParam(v[4:]) {
				return false
			}
		default:
			return false
		}
		p = next
	}
	return true
}

// appendSCTPExtChunkTitle appends what tshark's title of an extension
// chunk shows after "NAME chunk".
func appendSCTPExtChunkTitle(b []byte, c SCTPChunk, bases *sctpBases) []byte {
	v := c.Value
	switch c.Type {
	case 12, 13:
		b = append(b, " (Lowest TSN: "...)
		b = appendUint(b, uint64(be32(v)))
		b = append(b, ')')
	case 16:
		b = append(b, " (Cumulative TSN: "...)
		b = appendUint(b, uint64(be32(v)))
		b = append(b, ", a_rwnd: "...)
		b = appendUint(b, uint64(be32(v[4:])))
		b = append(b, ", gaps: "...)
		b = appendUint(b, uint64(be16(v[8:])))
		b = append(b, ", nr-gaps: "...)
		b = appendUint(b, uint64(be16(v[10:])))
		b = append(b, ", duplicate TSNs: "...)
		b = appendUint(b, uint64(be16(v[12:])))
		b = append(b, ')')
	case 64:
		b = appendSCTPSegment(b, c.Flags, be32(v)-bases.out, be16(v[4:]))
		b = append(b, ", MID: "...)
		b = appendUint(b, uint64(be32(v[8:])))
		if c.Flags&2 == 0 {
			b = append(b, ", FSN: "...)
			b = appendUint(b, uint64(be32(v[12:])))
		}
		b = append(b, ", payload length: "...)
		b = appendUint(b, uint64(len(v)-16))
		b = append(b, " bytes)"...)
	case 132:
		b = append(b, " (Padding data length: "...)
		b = appendUint(b, uint64(len(v)))
		b = append(b, " bytes)"...)
	}
	return b
}

// appendSCTPExtParamTitle appends an extension parameter's title: its
// name, " parameter" and what tshark shows of its value.
func appendSCTPExtParamTitle(b []byte, typ uint16, v []byte) []byte {
	tname := sctpFields[sctpParamType].ValueNames().Name(uint64(typ))
	if tname == "" {
		b = append(b, "Unknown parameter (Type "...)
		b = appendUint(b, uint64(typ))
		b = append(b, ", value length: "...)
		b = appendUint(b, uint64(len(v)))
		b = append(b, " bytes)"...)
		return b
	}
	b = append(b, tname...)
	b = append(b, " parameter"...)
	switch typ {
	case 11:
		b = append(b, " (Hostname: "...)
		b = append(b, sctpHostname(v)...)
		b = append(b, ')')
	case 0x8003, 0x8008:
		if typ == 0x8003 {
			b = append(b, " (Chunk types to be authenticated: "...)
		} else {
			b = append(b, " (Supported types: "...)
		}
		for k, c := range v {
			if k > 0 {
				b = append(b, ", "...)
			}
			b = append(b, sctpChunkName(c)...)
		}
		b = append(b, ')')
	case 0x8004:
		b = append(b, " (Supported HMACs: "...)
		for p := 0; p+2 <= len(v); p += 2 {
			if p > 0 {
				b = append(b, ", "...)
			}
			b = append(b, sctpFields[sctpHMACID].ValueNames().Name(uint64(be16(v[p:])))...)
		}
		b = append(b, ')')
	case 0xc006:
		b = append(b, " (Indication: "...)
		b = appendUint(b, uint64(be32(v)))
		b = append(b, ')')
	case 0xc001, 0xc002, 0xc004:
		_, _, a, _, _, _ := nextSCTPTLV(v, 4)
		b = append(b, " (Address: "...)
		if len(a) == 4 {
			b = netip.AddrFrom4([4]byte(a)).AppendTo(b)
		} else {
			b = netip.AddrFrom16([16]byte(a)).AppendTo(b)
		}
		b = append(b, ", correlation ID: "...)
		b = appendUint(b, uint64(be32(v)))
		b = append(b, ')')
	case 0xc005:
		b = append(b, " (Correlation ID: "...)
		b = appendUint(b, uint64(be32(v)))
		b = append(b, ')')
	}
	return b
}

// sctpHostname returns a hostname address parameter's name: printable
// characters up to the NUL that ends it (nil if it is not that).
func sctpHostname(v []byte) []byte {
	for k, c := range v {
		if c == 0 {
			if k == 0 {
				return nil
			}
			for _, z := range v[k:] {
				if z != 0 {
					return nil
				}
			}
			return v[:k]
		}
		if c < 0x20 || c > 0x7e {
			return nil
		}
	}
	return nil
}

// sctpUnknownParams reports whether b holds parameters rawcap draws inside
// an unrecognized-parameter parameter or cause: addresses and types
// Wireshark does not know.
func sctpUnknownParams(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for p := 0; p < len(b); {
		typ, _, v, _, next, ok := nextSCTPTLV(b, p)
		if !ok {
			return false
		}
		switch {
		case typ == 5 && len(v) == 4, typ == 6 && len(v) == 16:
		case len(v) > 0 && sctpFields[sctpParamType].ValueNames().Name(uint64(typ)) == "":
		default:
			return false
		}
		p = next
	}
	return true
}

// sctpUnknownChunk reports whether b is exactly one chunk of a type
// Wireshark does not name, with a value and no padding.
func sctpUnknownChunk(b []byte) bool {
	c, next, ok := NextSCTPChunk(b, 0)
	return ok && !c.Cut && next == len(b) && len(c.Pad) == 0 && len(c.Value) > 0 && sctpChunkName(c.Type) == "" && c.Type != 255
}

// sctpCauseTreeable reports whether rawcap draws error cause code with
// value v as tshark does.
func sctpCauseTreeable(code uint16, v []byte) bool {
	switch code {
	case 1, 3, 9:
		return len(v) == 4
	case 2:
		if len(v) < 4 || len(v) != 4+2*int(be32(v)) {
			return false
		}
		for p := 4; p < len(v); p += 2 {
			if sctpFields[sctpParamType].ValueNames().Name(uint64(be16(v[p:]))) == "" {
				return false
			}
		}
		return true
	case 4, 7, 10:
		return len(v) == 0
	case 5, 11:
		return sctpAddrParam(v)
	case 6:
		return sctpUnknownChunk(v)
	case 8:
		return sctpUnknownParams(v)
	case 12, 13:
		return true
	case 261:
		return len(v) == 2
	}
	return false
}

// emitSCTPExtCause emits the fields of error causes sctp.go leaves.
func emitSCTPExtCause(e *emitter, code uint16, v []byte) {
	f := &sctpFields
	switch {
	case code == 2 && len(v) >= 4:
		e.Uint(&f[sctpCauseMissingN], uint64(be32(v)))
		for p := 4; p+2 <= len(v); p += 2 {
			e.Uint(&f[sctpCauseMissingType], uint64(be16(v[p:])))
		}
	case code == 6:
		if c, _, ok := NextSCTPChunk(v, 0); ok {
			if e.Tree() {
				var none sctpBases
				e.Line(appendSCTPChunkTitle(e.Text(), c, &none))
			}
			e.Sub()
			e.Uint(&f[sctpChunkType], uint64(c.Type))
			e.Sub()
			e.Bool(&f[sctpChunkBit1], c.Type&0x80 != 0)
			e.Bool(&f[sctpChunkBit2], c.Type&0x40 != 0)
			e.Up()
			e.Uint(&f[sctpChunkFlags], uint64(c.Flags))
			e.Uint(&f[sctpChunkLength], uint64(c.Length))
			if len(c.Value) > 0 {
				e.Bytes(&f[sctpChunkValue], c.Value)
			}
			e.Up()
		}
	case code == 9 && len(v) == 4:
		e.Uint(&f[sctpCauseTSN], uint64(be32(v)))
	case (code == 12 || code == 13) && len(v) > 0:
		e.Bytes(&f[sctpCauseInfo], v)
	case code == 261 && len(v) >= 2:
		e.Uint(&f[sctpHMACID], uint64(be16(v)))
	}
}

// appendSCTPCauseTitleRest appends what tshark's title of an error cause
// shows after "NAME cause".
func appendSCTPCauseTitleRest(b []byte, code uint16, v []byte) []byte {
	switch code {
	case 5, 11:
		_, _, a, _, _, _ := nextSCTPTLV(v, 0)
		if code == 11 {
			b = append(b, " (New addresses: "...)
		}
		if len(a) == 4 {
			b = netip.AddrFrom4([4]byte(a)).AppendTo(b)
		} else {
			b = netip.AddrFrom16([16]byte(a)).AppendTo(b)
		}
		if code == 11 {
			b = append(b, ')')
		}
	case 6:
		b = append(b, " (Type: "...)
		b = appendUint(b, uint64(v[0]))
		b = append(b, " (unknown))"...)
	case 9:
		b = append(b, " (TSN: "...)
		b = appendUint(b, uint64(be32(v)))
		b = append(b, ')')
	}
	return b
}

// sctpDroppedTreeable reports whether rawcap draws the SCTP packet b a
// PKTDROP chunk holds (not truncated) as tshark does: chunks it draws, and
// no DATA chunk but one whole message that ends the packet.
func sctpDroppedTreeable(b []byte) bool {
	if len(b) < sctpHeaderLen || !sctpTreeable(SCTP(b)) {
		return false
	}
	s := SCTP(b)
	ndata := 0
	for off := 0; ; {
		c, next, ok := NextSCTPChunk(s.ChunkData(), off)
		if !ok {
			break
		}
		off = next
		switch c.Type {
		case 0, 64, 129:
			ndata++
			if c.Type != 0 || c.Flags&3 != 3 || len(c.Value) <= 12 || len(c.Pad) != 0 || next != len(s.ChunkData()) ||
				be32(c.Value[8:]) != 0 || sctpDataPort(s.SrcPort()) || sctpDataPort(s.DstPort()) {
				return false
			}
		}
	}
	return ndata <= 1
}

// emitSCTPDropped emits, for the tree, the SCTP packet a PKTDROP chunk
// holds, as tshark dissects it inside the chunk: its header, its chunks
// with absolute TSNs, and the user data of its DATA chunk as Data.
func emitSCTPDropped(e *emitter, s SCTP) {
	e.Line(appendSCTPTitle(e.Text(), s.SrcPort(), s.DstPort()))
	e.Sub()
	emitSCTPHeader(e, s)
	bases := sctpBases{inner: true}
	var data []byte
	for off := 0; ; {
		c, next, ok := NextSCTPChunk(s.ChunkData(), off)
		if !ok {
			break
		}
		off = next
		emitSCTPChunk(e, c, &bases)
		if c.Type == 0 {
			data = c.Value[12:]
		}
	}
	e.Up()
	if data != nil {
		emitSCTPMsgData(e, data, false)
	}
}
