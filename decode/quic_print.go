package decode

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
