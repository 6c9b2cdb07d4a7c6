package decode

import "strconv"

// quicVersionName returns tshark's name of a QUIC version.
func quicVersionName(v uint32) string {
	switch {
	case v == 0:
		return "Version Negotiation"
	case v == 1:
		return "1"
	case v == 0x6b3343cf:
		return "2"
	case v == 0x709a50c4:
		return "v2-draft-01"
	case v == 0xff020000:
		return "v2-draft-00"
	case v >= 0xff000004 && v <= 0xff000022:
		return "draft-" + quicDraftNumbers[v-0xff000004]
	case v >= 0x45474700 && v <= 0x454747ff:
		return "Quant"
	case v == 0x50435130 || v == 0x50435131:
		return "Picoquic internal"
	case v == 0x50524f58:
		return "Proxied QUIC (PROX)"
	case v == 0x51303433:
		return "Google Q043"
	case v == 0x51303434:
		return "Google Q044"
	case v == 0x51303436:
		return "Google Q046"
	case v == 0x51303530:
		return "Google Q050"
	case v >= 0x51474f00 && v <= 0x51474fff:
		return "QGO (QUIC GO)"
	case v == 0x54303530:
		return "Google T050"
	case v == 0x54303531:
		return "Google T051"
	case v >= 0x91c17000 && v <= 0x91c170ff:
		return "Quicly"
	case v >= 0xabcd0000 && v <= 0xabcd000f:
		return "MsQuic"
	case v >= 0xf0f0f0f0 && v <= 0xf0f0f0ff:
		return "ETH Zürich (Measurability experiments)"
	case v >= 0xf0f0f1f0 && v <= 0xf0f0f1ff:
		return "Telecom Italia (Measurability experiments)"
	case v >= 0xf123f0c0 && v <= 0xf123f0cf:
		return "MozQuic"
	case v == 0xfaceb001:
		return "Facebook mvfst (draft-22)"
	case v == 0xfaceb002:
		return "Facebook mvfst (draft-27)"
	case v >= 0xfaceb003 && v <= 0xfaceb00d || v == 0xfaceb00f:
		return "Facebook mvfst"
	case v == 0xfaceb00e:
		return "Facebook mvfst (Experimental)"
	}
	return "Unknown"
}

var quicDraftNumbers = [...]string{"04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34"}

// quicGrease reports whether v is a reserved version (RFC 9000 section
// 15: 0x?a?a?a?a).
func quicGrease(v uint32) bool { return v&0x0f0f0f0f == 0x0a0a0a0a }

func appendQUICVersion(b []byte, v uint32, grease string) []byte {
	b = append(b, quicVersionName(v)...)
	b = append(b, " (0x"...)
	b = appendHexN(b, uint64(v), 8)
	b = append(b, ')')
	if quicGrease(v) {
		b = append(b, grease...)
	}
	return b
}

// treeQUIC appends the QUIC IETF subtree as tshark -V shows it.
func treeQUIC(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	b := d.data[l.Start:l.End]
	n := &quicNote{dcil: -1}
	if t.conv != nil {
		n = &t.conv.quic
	}
	t.head("QUIC IETF")
	t.end()
	t.depth = 1
	if n.conn > 0 {
		t.line()
		t.b = append(t.b, "QUIC Connection information"...)
		t.end()
		t.depth = 2
		t.line()
		t.b = append(t.b, "[Connection Number: "...)
		t.b = strconv.AppendUint(t.b, uint64(n.conn-1), 10)
		t.b = append(t.b, ']')
		t.end()
		t.depth = 1
	}
	if b[0]&0x80 == 0 {
		treeQUICShort(t, b, n)
		return
	}
	h, ok := ParseQUICLong(b)
	if !ok {
		return
	}
	t.line()
	t.b = append(t.b, "[Packet Length: "...)
	t.b = strconv.AppendInt(t.b, int64(h.End), 10)
	t.b = append(t.b, ']')
	t.end()
	fb := uint64(b[0])
	t.bits(fb, 8, 0x80, "Header Form")
	t.b = append(t.b, "Long Header (1)"...)
	t.end()
	if h.Version == 0 {
		t.bits(fb, 8, 0x7f, "Unused")
		t.b = append(t.b, "0x"...)
		t.b = appendHex2(t.b, b[0]&0x7f)
		t.end()
	} else {
		if h.Type != QUICRetry {
			t.bits(fb, 8, 0x40, "Fixed Bit")
			t.b = appendBool(t.b, b[0]&0x40 != 0)
			t.end()
		}
		t.bits(fb, 8, 0x30, "Packet Type")
		t.b = append(t.b, quicTypeName(h.Type)...)
		t.b = append(t.b, " ("...)
		t.b = strconv.AppendUint(t.b, uint64(b[0]>>4&3), 10)
		t.b = append(t.b, ')')
		t.end()
		if h.Type == QUICInitial && n.pnLen > 0 {
			ub := uint64(n.first)
			t.bits(ub, 8, 0x0c, "Reserved")
			t.b = strconv.AppendUint(t.b, ub>>2&3, 10)
			t.end()
			t.bits(ub, 8, 0x03, "Packet Number Length")
			t.b = strconv.AppendUint(t.b, ub&3+1, 10)
			t.b = append(t.b, " bytes ("...)
			t.b = strconv.AppendUint(t.b, ub&3, 10)
			t.b = append(t.b, ')')
			t.end()
		}
	}
	t.line()
	t.b = append(t.b, "Version: "...)
	t.b = appendQUICVersion(t.b, h.Version, " (Forcing Version Negotiation)")
	t.end()
	t.int("Destination Connection ID Length", len(h.DCID))
	if len(h.DCID) > 0 {
		quicHexLine(t, "Destination Connection ID", h.DCID, 0)
	}
	t.int("Source Connection ID Length", len(h.SCID))
	if len(h.SCID) > 0 {
		quicHexLine(t, "Source Connection ID", h.SCID, 0)
	}
	if h.Version == 0 {
		for k := 0; k+4 <= len(h.Supported); k += 4 {
			t.line()
			t.b = append(t.b, "Supported Version: "...)
			t.b = appendQUICVersion(t.b, be32(h.Supported[k:]), " (GREASE)")
			t.end()
		}
		return
	}
	if h.Type == QUICRetry {
		quicHexLine(t, "Retry Token", h.Token, 36)
		return
	}
	if h.Type == QUICInitial {
		t.line()
		t.b = append(t.b, "Token Length: "...)
		t.b = strconv.AppendUint(t.b, h.TokenLen, 10)
		t.end()
		if len(h.Token) > 0 {
			quicHexLine(t, "Token", h.Token, 36)
		}
	}
	t.line()
	t.b = append(t.b, "Length: "...)
	t.b = strconv.AppendUint(t.b, h.Length, 10)
	t.end()
	if h.Type == QUICInitial && n.pnLen == 0 {
		return // keys unknown (tshark guesses some: rawcap does not)
	}
	if h.Type != QUICInitial {
		t.expert("Warning", "Decryption", "Failed to create decryption context: Secrets are not available", nil)
		t.depth = 1
		quicHexLine(t, "Remaining Payload", b[h.PNOff:h.End], 36)
		return
	}
	t.line()
	t.b = append(t.b, "Packet Number: "...)
	t.b = strconv.AppendUint(t.b, n.pn, 10)
	t.end()
	quicHexLine(t, "Payload", b[h.PNOff+int(n.pnLen):h.End], 36)
	plain, ok := d.quicPlaintext(i, n)
	if !ok {
		t.depth = 2
		t.expert("Warning", "Decryption", "Decryption failed: Decryption (checktag) failed: Checksum error", nil)
		t.depth = 1
		return
	}
	treeQUICFrames(t, plain, n)
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, "True"...)
	}
	return append(b, "False"...)
}

// quicHexLine appends "label: hex", cut after max bytes with "…" as
// tshark cuts long byte strings (max 0: never).
func quicHexLine(t *treeWriter, label string, v []byte, max int) {
	t.line()
	t.b = append(t.b, label...)
	t.b = append(t.b, ": "...)
	if len(v) == 0 {
		t.b = append(t.b, "<MISSING>"...)
	} else if max > 0 && len(v) > max {
		t.b = appendHexBytes(t.b, v[:max])
		t.b = append(t.b, "…"...)
	} else {
		t.b = appendHexBytes(t.b, v)
	}
	t.end()
}

func treeQUICShort(t *treeWriter, b []byte, n *quicNote) {
	t.line()
	t.b = append(t.b, "[Packet Length: "...)
	t.b = strconv.AppendInt(t.b, int64(len(b)), 10)
	t.b = append(t.b, ']')
	t.end()
	if n.dcil < 0 || 1+int(n.dcil) > len(b) {
		return
	}
	dcid := b[1 : 1+int(n.dcil)]
	t.line()
	t.b = append(t.b, "QUIC Short Header"...)
	if len(dcid) > 0 {
		t.b = append(t.b, " DCID="...)
		t.b = appendHexBytes(t.b, dcid)
	}
	t.end()
	t.depth = 2
	fb := uint64(b[0])
	t.bits(fb, 8, 0x80, "Header Form")
	t.b = append(t.b, "Short Header (0)"...)
	t.end()
	t.bits(fb, 8, 0x40, "Fixed Bit")
	t.b = appendBool(t.b, b[0]&0x40 != 0)
	t.end()
	t.bits(fb, 8, 0x20, "Spin Bit")
	t.b = appendBool(t.b, b[0]&0x20 != 0)
	t.end()
	if len(dcid) > 0 {
		quicHexLine(t, "Destination Connection ID", dcid, 0)
	}
	t.depth = 1
	if rest := b[1+len(dcid):]; len(rest) > 0 {
		quicHexLine(t, "Remaining Payload", rest, 36)
	}
}

func treeFrameType(t *treeWriter, typ uint64) {
	t.line()
	t.b = append(t.b, "Frame Type: "...)
	t.b = append(t.b, quicFrameName(typ)...)
	t.b = append(t.b, " (0x"...)
	t.b = appendHexN(t.b, typ, 16)
	t.b = append(t.b, ')')
	t.end()
}

func treeUintLine(t *treeWriter, label string, v uint64) {
	t.line()
	t.b = append(t.b, label...)
	t.b = append(t.b, ": "...)
	t.b = strconv.AppendUint(t.b, v, 10)
	t.end()
}

// treeQUICFrames appends the frames of a decrypted payload.
func treeQUICFrames(t *treeWriter, p []byte, n *quicNote) {
	for off := 0; ; {
		f, next, ok := nextQUICFrame(p, off)
		if !ok {
			break
		}
		off = next
		t.depth = 1
		switch f.Type {
		case quicFramePadding:
			t.line()
			t.b = append(t.b, "PADDING Length: "...)
			t.b = strconv.AppendInt(t.b, int64(f.PadLen), 10)
			t.end()
			t.depth = 2
			treeFrameType(t, f.Type)
			t.line()
			t.b = append(t.b, "[Padding Length: "...)
			t.b = strconv.AppendInt(t.b, int64(f.PadLen), 10)
			t.b = append(t.b, ']')
			t.end()
		case quicFramePing:
			t.line()
			t.b = append(t.b, "PING"...)
			t.end()
			t.depth = 2
			treeFrameType(t, f.Type)
		case quicFrameAck, quicFrameAckECN:
			t.line()
			t.b = append(t.b, "ACK"...)
			t.end()
			t.depth = 2
			treeFrameType(t, f.Type)
			treeUintLine(t, "Largest Acknowledged", f.Largest)
			treeUintLine(t, "ACK Delay", f.Delay)
			treeUintLine(t, "ACK Range Count", f.RangeCount)
			treeUintLine(t, "First ACK Range", f.FirstRange)
			for r := f.Ranges; len(r) > 0; {
				g, k1 := quicVarint(r)
				a, k2 := quicVarint(r[k1:])
				treeUintLine(t, "Gap", g)
				treeUintLine(t, "ACK Range", a)
				r = r[k1+k2:]
			}
			if f.Type == quicFrameAckECN {
				treeUintLine(t, "ECT(0) Count", f.ECT0)
				treeUintLine(t, "ECT(1) Count", f.ECT1)
				treeUintLine(t, "ECN-CE Count", f.CE)
			}
		case quicFrameCrypto:
			t.line()
			t.b = append(t.b, "CRYPTO"...)
			t.end()
			t.depth = 2
			treeFrameType(t, f.Type)
			treeUintLine(t, "Offset", f.Offset)
			treeUintLine(t, "Length", uint64(len(f.Data)))
			t.line()
			t.b = append(t.b, "Crypto Data"...)
			t.end()
			if n.retrans {
				t.line()
				t.b = append(t.b, "This QUIC frame has a reused stream offset (retransmission?)"...)
				t.end()
				t.depth = 3
				t.expert("Note", "Sequence", "This QUIC frame has a reused stream offset (retransmission?)", nil)
				continue
			}
			treeQUICHandshake(t, f)
		default:
			return // CONNECTION_CLOSE: not drawn yet
		}
	}
}

// quicHello returns the TLS hello a CRYPTO frame holds whole at stream
// offset 0, the message tshark dissects.
func quicHello(f *quicFrame) (TLSHandshakeMsg, TLSHello, bool) {
	if f.Type != quicFrameCrypto || f.Offset != 0 || len(f.Data) < 4 {
		return nil, TLSHello{}, false
	}
	m := TLSHandshakeMsg(f.Data)
	if 4+m.Length() > len(f.Data) {
		return nil, TLSHello{}, false
	}
	m = m[:4+m.Length()]
	h, ok := m.Hello()
	return m, h, ok
}

// treeQUICHandshake draws the TLS handshake message a CRYPTO frame holds
// whole at stream offset 0, as tshark draws it (a TLS 1.3 record it
// never received).
func treeQUICHandshake(t *treeWriter, f quicFrame) {
	m, h, ok := quicHello(&f)
	if !ok {
		return
	}
	t.line()
	t.b = append(t.b, "TLSv1.3 Record Layer: Handshake Protocol: "...)
	t.b = append(t.b, tlsHandshakeName(m.Type())...)
	t.end()
	t.depth = 3
	t.line()
	t.b = append(t.b, "Handshake Protocol: "...)
	t.b = append(t.b, tlsHandshakeName(m.Type())...)
	t.end()
	t.depth = 4
	treeNamed(t, "Handshake Type", tlsHandshakeName(m.Type()), uint64(m.Type()))
	t.int("Length", m.Length())
	t.indent = 1
	t.depth = 3
	treeHelloTLS13(t, m, &h, true)
	t.indent = 0
}
