package decode

import "strconv"

// The QUIC fields, as Wireshark registers them.
const (
	quicConnectionNumber = iota
	quicPacketLength
	quicHeaderForm
	quicFixedBit
	quicLongPacketType
	quicLongReserved
	quicPacketNumberLength
	quicVNUnused
	quicVersion
	quicDCIL
	quicDCID
	quicSCIL
	quicSCID
	quicSupportedVersion
	quicRetryToken
	quicTokenLength
	quicToken
	quicLength
	quicPacketNumber
	quicPayload
	quicRemainingPayload
	quicShort
	quicSpinBit
	quicFrameType
	quicPaddingLength
	quicAckLargest
	quicAckDelay
	quicAckRangeCount
	quicAckFirstRange
	quicCryptoOffset
	quicCryptoLength
	quicFrameItem
	quicCryptoData
	quicAckGap
	quicAckRange
	quicAckECT0
	quicAckECT1
	quicAckECNCE
	quicFieldCount
)

var quicFields = [quicFieldCount]Field{
	quicConnectionNumber:   {Name: "quic.connection.number", Label: "Connection Number", Kind: KindUint, Width: 32, Generated: true},
	quicPacketLength:       {Name: "quic.packet_length", Label: "Packet Length", Kind: KindUint, Width: 32, Generated: true},
	quicHeaderForm:         {Name: "quic.header_form", Label: "Header Form", Kind: KindUint, Width: 8, Mask: 0x80},
	quicFixedBit:           {Name: "quic.fixed_bit", Label: "Fixed Bit", Kind: KindBool, Width: 8, Mask: 0x40},
	quicLongPacketType:     {Name: "quic.long.packet_type", Label: "Packet Type", Kind: KindUint, Width: 8, Mask: 0x30},
	quicLongReserved:       {Name: "quic.long.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Mask: 0x0c},
	quicPacketNumberLength: {Name: "quic.packet_number_length", Label: "Packet Number Length", Kind: KindUint, Width: 8, Mask: 0x03},
	quicVNUnused:           {Name: "quic.vn.unused", Label: "Unused", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0x7f},
	quicVersion:            {Name: "quic.version", Label: "Version", Kind: KindUint, Width: 32, Base: BaseHex},
	quicDCIL:               {Name: "quic.dcil", Label: "Destination Connection ID Length", Kind: KindUint, Width: 8},
	quicDCID:               {Name: "quic.dcid", Label: "Destination Connection ID", Kind: KindBytes},
	quicSCIL:               {Name: "quic.scil", Label: "Source Connection ID Length", Kind: KindUint, Width: 8},
	quicSCID:               {Name: "quic.scid", Label: "Source Connection ID", Kind: KindBytes},
	quicSupportedVersion:   {Name: "quic.supported_version", Label: "Supported Version", Kind: KindUint, Width: 32, Base: BaseHex},
	quicRetryToken:         {Name: "quic.retry_token", Label: "Retry Token", Kind: KindBytes},
	quicTokenLength:        {Name: "quic.token_length", Label: "Token Length", Kind: KindUint, Width: 64},
	quicToken:              {Name: "quic.token", Label: "Token", Kind: KindBytes},
	quicLength:             {Name: "quic.length", Label: "Length", Kind: KindUint, Width: 64},
	quicPacketNumber:       {Name: "quic.packet_number", Label: "Packet Number", Kind: KindUint, Width: 64},
	quicPayload:            {Name: "quic.payload", Label: "Payload", Kind: KindBytes},
	quicRemainingPayload:   {Name: "quic.remaining_payload", Label: "Remaining Payload", Kind: KindBytes},
	quicShort:              {Name: "quic.short", Label: "QUIC Short Header", Kind: KindNone},
	quicSpinBit:            {Name: "quic.spin_bit", Label: "Spin Bit", Kind: KindBool, Width: 8, Mask: 0x20},
	quicFrameType:          {Name: "quic.frame_type", Label: "Frame Type", Kind: KindUint, Width: 64}, // tshark shows it in decimal
	quicPaddingLength:      {Name: "quic.padding_length", Label: "Padding Length", Kind: KindUint, Width: 32, Generated: true},
	quicAckLargest:         {Name: "quic.ack.largest_acknowledged", Label: "Largest Acknowledged", Kind: KindUint, Width: 64},
	quicAckDelay:           {Name: "quic.ack.ack_delay", Label: "ACK Delay", Kind: KindUint, Width: 64},
	quicAckRangeCount:      {Name: "quic.ack.ack_range_count", Label: "ACK Range Count", Kind: KindUint, Width: 64},
	quicAckFirstRange:      {Name: "quic.ack.first_ack_range", Label: "First ACK Range", Kind: KindUint, Width: 64},
	quicCryptoOffset:       {Name: "quic.crypto.offset", Label: "Offset", Kind: KindUint, Width: 64},
	quicCryptoLength:       {Name: "quic.crypto.length", Label: "Length", Kind: KindUint, Width: 64},
	quicFrameItem:          {Name: "quic.frame", Label: "Frame", Kind: KindNone},
	quicCryptoData:         {Name: "quic.crypto.crypto_data", Label: "Crypto Data", Kind: KindNone},
	quicAckGap:             {Name: "quic.ack.gap", Label: "Gap", Kind: KindUint, Width: 64},
	quicAckRange:           {Name: "quic.ack.ack_range", Label: "ACK Range", Kind: KindUint, Width: 64},
	quicAckECT0:            {Name: "quic.ack.ect0_count", Label: "ECT(0) Count", Kind: KindUint, Width: 64},
	quicAckECT1:            {Name: "quic.ack.ect1_count", Label: "ECT(1) Count", Kind: KindUint, Width: 64},
	quicAckECNCE:           {Name: "quic.ack.ecn_ce_count", Label: "ECN-CE Count", Kind: KindUint, Width: 64},
}

var protoQUIC = protoField("quic", "QUIC IETF")

// emitQUIC emits the packet's header fields and, for an Initial packet
// that decrypted, its frames' and the TLS hello a CRYPTO frame holds
// (in the tree inside that frame, as tshark draws it; elsewhere after the
// frames).
func emitQUIC(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	b := d.data[l.Start:l.End]
	n := &quicNote{dcil: -1}
	if e.conv != nil {
		n = &e.conv.quic
	}
	f := &quicFields
	tree := e.Tree()
	e.Proto(&protoQUIC)
	if n.conn > 0 {
		e.LineString("QUIC Connection information")
		e.Sub()
		e.Uint(&f[quicConnectionNumber], uint64(n.conn-1))
		e.Up()
	}
	if len(b) == 0 {
		e.End()
		return
	}
	if b[0]&0x80 == 0 {
		e.Uint(&f[quicPacketLength], uint64(len(b)))
		if n.dcil >= 0 && 1+int(n.dcil) <= len(b) {
			dcid := b[1 : 1+int(n.dcil)]
			e.None(&f[quicShort])
			if tree && len(dcid) > 0 {
				e.SetRepr(appendHexBytes(append(e.Text(), "QUIC Short Header DCID="...), dcid))
			}
			e.Sub()
			e.Uint(&f[quicHeaderForm], 0)
			e.Bool(&f[quicFixedBit], b[0]&0x40 != 0)
			e.Bool(&f[quicSpinBit], b[0]&0x20 != 0)
			if len(dcid) > 0 {
				e.Bytes(&f[quicDCID], dcid)
			}
			e.Up()
			if len(b) > 1+len(dcid) {
				e.Bytes(&f[quicRemainingPayload], b[1+len(dcid):])
			}
		}
		e.End()
		return
	}
	h, ok := ParseQUICLong(b)
	if !ok {
		e.End()
		return
	}
	e.Uint(&f[quicPacketLength], uint64(h.End))
	e.Uint(&f[quicHeaderForm], 1)
	if h.Version == 0 {
		e.Uint(&f[quicVNUnused], uint64(b[0]&0x7f))
	} else {
		if h.Type != QUICRetry {
			e.Bool(&f[quicFixedBit], b[0]&0x40 != 0)
		}
		e.Uint(&f[quicLongPacketType], uint64(b[0]>>4&3))
		if h.Type == QUICInitial && n.pnLen > 0 {
			e.Uint(&f[quicLongReserved], uint64(n.first>>2&3))
			e.Uint(&f[quicPacketNumberLength], uint64(n.first&3))
		}
	}
	e.Uint(&f[quicVersion], uint64(h.Version))
	if tree {
		e.SetRepr(appendQUICVersion(append(e.Text(), "Version: "...), h.Version, " (Forcing Version Negotiation)"))
	}
	e.Uint(&f[quicDCIL], uint64(len(h.DCID)))
	if len(h.DCID) > 0 {
		e.Bytes(&f[quicDCID], h.DCID)
	}
	e.Uint(&f[quicSCIL], uint64(len(h.SCID)))
	if len(h.SCID) > 0 {
		e.Bytes(&f[quicSCID], h.SCID)
	}
	switch {
	case h.Version == 0:
		for k := 0; k+4 <= len(h.Supported); k += 4 {
			v := be32(h.Supported[k:])
			e.Uint(&f[quicSupportedVersion], uint64(v))
			if tree {
				e.SetRepr(appendQUICVersion(append(e.Text(), "Supported Version: "...), v, " (GREASE)"))
			} else if !e.all {
				break
			}
		}
	case h.Type == QUICRetry:
		e.Bytes(&f[quicRetryToken], h.Token)
	default:
		if h.Type == QUICInitial {
			e.Uint(&f[quicTokenLength], h.TokenLen)
			if len(h.Token) > 0 {
				e.Bytes(&f[quicToken], h.Token)
			}
		}
		e.Uint(&f[quicLength], h.Length)
		if h.Type == QUICInitial && n.pnLen == 0 {
			break // keys unknown (tshark guesses some: rawcap does not)
		}
		if h.Type != QUICInitial {
			e.ExpertLine("Warning", "Decryption", "Failed to create decryption context: Secrets are not available", nil)
			e.Bytes(&f[quicRemainingPayload], b[h.PNOff:h.End])
			break
		}
		e.Uint(&f[quicPacketNumber], n.pn)
		e.Bytes(&f[quicPayload], b[h.PNOff+int(n.pnLen):h.End])
		plain, ok := d.quicPlaintext(i, n)
		if !ok {
			e.Sub()
			e.ExpertLine("Warning", "Decryption", "Decryption failed: Decryption (checktag) failed: Checksum error", nil)
			e.Up()
			break
		}
		emitQUICFrames(e, plain, n)
		if n.tls && !tree {
			emitQUICTLS(e, plain)
		}
	}
	e.End()
}

// emitQUICFrames emits the frames of a decrypted payload up to the first
// rawcap does not draw (JSON: the first frame's fields). The tree and
// -T fields see each frame as a quic.frame holding its fields; the tree
// draws a CRYPTO frame's TLS hello inside it.
func emitQUICFrames(e *emitter, p []byte, n *quicNote) {
	f := &quicFields
	tree := e.Tree()
	every := e.all || tree
	for off := 0; ; {
		fr, next, ok := nextQUICFrame(p, off)
		if !ok || fr.Type > quicFrameCrypto {
			return
		}
		off = next
		if every {
			e.None(&f[quicFrameItem])
			if tree {
				b := append(e.Text(), quicFrameName(fr.Type)...)
				if fr.Type == quicFramePadding {
					b = strconv.AppendInt(append(b, " Length: "...), int64(fr.PadLen), 10)
				}
				e.SetRepr(b)
			}
			e.Sub()
		}
		e.Uint(&f[quicFrameType], fr.Type)
		if tree {
			b := append(append(e.Text(), "Frame Type: "...), quicFrameName(fr.Type)...)
			e.SetRepr(append(appendHexN(append(b, " (0x"...), fr.Type, 16), ')'))
		}
		switch fr.Type {
		case quicFramePadding:
			e.Uint(&f[quicPaddingLength], uint64(fr.PadLen))
		case quicFrameAck, quicFrameAckECN:
			e.Uint(&f[quicAckLargest], fr.Largest)
			e.Uint(&f[quicAckDelay], fr.Delay)
			e.Uint(&f[quicAckRangeCount], fr.RangeCount)
			e.Uint(&f[quicAckFirstRange], fr.FirstRange)
			if !every {
				break
			}
			for r := fr.Ranges; len(r) > 0; {
				g, k1 := quicVarint(r)
				a, k2 := quicVarint(r[k1:])
				e.Uint(&f[quicAckGap], g)
				e.Uint(&f[quicAckRange], a)
				r = r[k1+k2:]
			}
			if fr.Type == quicFrameAckECN {
				e.Uint(&f[quicAckECT0], fr.ECT0)
				e.Uint(&f[quicAckECT1], fr.ECT1)
				e.Uint(&f[quicAckECNCE], fr.CE)
			}
		case quicFrameCrypto:
			e.Uint(&f[quicCryptoOffset], fr.Offset)
			e.Uint(&f[quicCryptoLength], uint64(len(fr.Data)))
			if !every {
				break
			}
			e.None(&f[quicCryptoData])
			if !tree {
				break
			}
			if n.retrans {
				const msg = "This QUIC frame has a reused stream offset (retransmission?)"
				e.LineString(msg)
				e.Sub()
				e.ExpertLine("Note", "Sequence", msg, nil)
				e.Up()
			} else if m, h, ok := quicHello(&fr); ok {
				emitQUICHello(e, m, &h)
			}
		}
		if !every {
			return
		}
		e.Up()
	}
}

// emitQUICHello emits, in the tree, the TLS hello a CRYPTO frame holds,
// inside the frame: tshark draws it as a TLS 1.3 record it never
// received.
func emitQUICHello(e *emitter, m TLSHandshakeMsg, h *TLSHello) {
	tf := &tlsFields
	dep := e.NestedProto(&protoTLS)
	e.SetRepr(append(append(e.Text(), "TLSv1.3 Record Layer: Handshake Protocol: "...), tlsHandshakeName(m.Type())...))
	e.None(&tf[tlsHandshake])
	e.SetRepr(append(append(e.Text(), "Handshake Protocol: "...), tlsHandshakeName(m.Type())...))
	e.Sub()
	e.Uint(&tf[tlsHandshakeType], uint64(m.Type()))
	e.Uint(&tf[tlsHandshakeLength], uint64(m.Length()))
	emitTLSHello(e, m, h, true)
	e.Up()
	e.EndNested(dep)
}

// emitQUICTLS emits, outside the tree, the tls protocol, inside quic as
// tshark nests it, with the fields of the TLS hello a CRYPTO frame
// carries.
func emitQUICTLS(e *emitter, p []byte) {
	for off := 0; ; {
		fr, next, ok := nextQUICFrame(p, off)
		if !ok {
			return
		}
		off = next
		m, h, ok := quicHello(&fr)
		if !ok {
			continue
		}
		e.Proto(&protoTLS)
		e.Uint(&tlsFields[tlsHandshakeType], uint64(m.Type()))
		e.Uint(&tlsFields[tlsHandshakeLength], uint64(m.Length()))
		emitTLSHello(e, m, &h, true)
		e.End()
		return
	}
}

// infoQUIC appends tshark's Info for a QUIC packet: "Initial,
// DCID=…, PKN: 0, CRYPTO, PADDING", "Handshake, SCID=…", "Protected
// Payload (KP0), DCID=…".
func infoQUIC(b []byte, d *Decoder, i int, conv *convResults) []byte {
	l := &d.layers[i]
	p := d.data[l.Start:l.End]
	n := &quicNote{dcil: -1}
	if conv != nil {
		n = &conv.quic
	}
	if len(p) == 0 {
		return b
	}
	if p[0]&0x80 == 0 {
		b = append(b, "Protected Payload (KP0)"...)
		if n.dcil > 0 && 1+int(n.dcil) <= len(p) {
			b = append(b, ", DCID="...)
			b = appendHexBytes(b, p[1:1+int(n.dcil)])
		}
		return b
	}
	h, ok := ParseQUICLong(p)
	if !ok {
		return b
	}
	if h.Version == 0 {
		b = append(b, "Version Negotiation"...)
	} else {
		b = append(b, quicTypeName(h.Type)...)
	}
	if len(h.DCID) > 0 {
		b = append(b, ", DCID="...)
		b = appendHexBytes(b, h.DCID)
	}
	if len(h.SCID) > 0 {
		b = append(b, ", SCID="...)
		b = appendHexBytes(b, h.SCID)
	}
	if h.Version == 0 || h.Type != QUICInitial || n.pnLen == 0 {
		return b
	}
	b = append(b, ", PKN: "...)
	b = strconv.AppendUint(b, n.pn, 10)
	plain, ok := d.quicPlaintext(i, n)
	if !ok {
		return b
	}
	for off := 0; ; {
		fr, next, ok := nextQUICFrame(plain, off)
		if !ok {
			break
		}
		off = next
		b = append(b, ", "...)
		b = append(b, quicFrameName(fr.Type)...)
	}
	return b
}
