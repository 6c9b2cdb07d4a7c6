package decode

// TLS is the payload of a TCP segment that starts with a TLS record
// (RFC 8446 section 5.1, RFC 5246 section 6.2), possibly followed by more
// records; the last one may continue in later segments:
//
//	0       1       3       5
//	+-------+-------+-------+---------------------+
//	| type  |version|length | fragment (length)   |
//	+-------+-------+-------+---------------------+
type TLS []byte

const (
	tlsHeaderLen    = 5
	tlsMaxRecordLen = 1<<14 + 2048 // TLSCiphertext.length limit
)

// TLS content types.
const (
	TLSChangeCipherSpec = 20
	TLSAlert            = 21
	TLSHandshake        = 22
	TLSApplicationData  = 23
	TLSHeartbeat        = 24
)

// TLS handshake types.
const (
	TLSClientHello = 1
	TLSServerHello = 2
)

// TLS extension types.
const (
	TLSExtServerName        = 0
	TLSExtALPN              = 16
	TLSExtSupportedVersions = 43
)

// ParseTLS returns b as TLS records when it starts with a plausible record
// header: a known content type, version 3.x and a length within the
// limit. A record may extend past b (it continues in the next segment).
func ParseTLS(b []byte) (TLS, error) {
	if len(b) < tlsHeaderLen {
		return nil, ReasonTruncated
	}
	if b[0] < TLSChangeCipherSpec || b[0] > TLSHeartbeat || b[1] != 3 || b[2] > 4 {
		return nil, ReasonBadVersion
	}
	if int(be16(b[3:])) > tlsMaxRecordLen {
		return nil, ReasonBadLength
	}
	return TLS(b[:len(b):len(b)]), nil
}

// TLSRecord is one record: its 5-byte header and as much of its fragment
// as was captured in this segment.
type TLSRecord []byte

// NextRecord returns the record at offset off and the offset just after
// it; ok is false when fewer than 5 bytes remain or the header is not a
// TLS record header.
func (t TLS) NextRecord(off int) (r TLSRecord, next int, ok bool) {
	if off < 0 || off+tlsHeaderLen > len(t) {
		return nil, len(t), false
	}
	h := t[off:]
	if h[0] < TLSChangeCipherSpec || h[0] > TLSHeartbeat || h[1] != 3 || int(be16(h[3:])) > tlsMaxRecordLen {
		return nil, len(t), false
	}
	next = off + tlsHeaderLen + int(be16(h[3:]))
	end := min(next, len(t))
	return TLSRecord(t[off:end:end]), next, true
}

// ContentType returns the record's content type (22 for a handshake).
func (r TLSRecord) ContentType() uint8 { return r[0] }

// Version returns the record-layer version (0x0301 for TLS 1.0).
func (r TLSRecord) Version() uint16 { return be16(r[1:]) }

// Length returns the length field: the fragment's full length.
func (r TLSRecord) Length() int { return int(be16(r[3:])) }

// Fragment returns the captured part of the fragment.
func (r TLSRecord) Fragment() []byte { return r[tlsHeaderLen:] }

// Complete reports whether the whole fragment is in this segment.
func (r TLSRecord) Complete() bool { return len(r)-tlsHeaderLen == r.Length() }

// TLSHandshakeMsg is a handshake message: type, 3-byte length and as much
// of the body as the record holds.
type TLSHandshakeMsg []byte

// Handshake returns the first handshake message of a handshake record,
// which must hold at least its 4-byte header.
func (r TLSRecord) Handshake() (TLSHandshakeMsg, bool) {
	f := r.Fragment()
	if r.ContentType() != TLSHandshake || len(f) < 4 {
		return nil, false
	}
	end := min(4+(int(f[1])<<16|int(f[2])<<8|int(f[3])), len(f))
	return TLSHandshakeMsg(f[:end:end]), true
}

// Type returns the handshake type (1 for ClientHello).
func (m TLSHandshakeMsg) Type() uint8 { return m[0] }

// Length returns the body length field.
func (m TLSHandshakeMsg) Length() int { return int(m[1])<<16 | int(m[2])<<8 | int(m[3]) }

// TLSHello holds the fields of a ClientHello or ServerHello, as slices of
// the packet.
type TLSHello struct {
	Version      uint16
	Random       []byte // 32 bytes
	SessionID    []byte
	CipherSuites []byte // ClientHello: 2 bytes per suite
	CipherSuite  uint16 // ServerHello
	Compression  []byte // ClientHello: the methods; ServerHello: one
	Extensions   []byte // nil when absent
	// Truncated is set when the message ends before its extensions do.
	Truncated bool
}

// Hello parses a ClientHello or ServerHello body; ok is false for other
// messages or when even the fixed fields are cut off.
func (m TLSHandshakeMsg) Hello() (h TLSHello, ok bool) {
	if m.Type() != TLSClientHello && m.Type() != TLSServerHello {
		return h, false
	}
	b := m[4:]
	if len(b) < 35 {
		return h, false
	}
	h.Version = be16(b)
	h.Random = b[2:34]
	n := int(b[34])
	b = b[35:]
	if len(b) < n {
		return h, false
	}
	h.SessionID, b = b[:n], b[n:]
	if m.Type() == TLSClientHello {
		if len(b) < 2 || len(b) < 2+int(be16(b)) {
			return h, false
		}
		n = int(be16(b))
		h.CipherSuites, b = b[2:2+n], b[2+n:]
		if len(b) < 1 || len(b) < 1+int(b[0]) {
			return h, false
		}
		n = int(b[0])
		h.Compression, b = b[1:1+n], b[1+n:]
	} else {
		if len(b) < 3 {
			return h, false
		}
		h.CipherSuite = be16(b)
		h.Compression, b = b[2:3], b[3:]
	}
	if len(b) >= 2 {
		n = int(be16(b))
		b = b[2:]
		if len(b) < n {
			h.Truncated = true
			n = len(b)
		}
		h.Extensions = b[:n:n]
	} else if len(b) == 1 {
		h.Truncated = true
	}
	if m.Length() > len(m)-4 {
		h.Truncated = true
	}
	return h, true
}

// NextExtension returns the extension at offset off of the extensions and
// the offset of the next; ok is false at the end or when one runs past it.
func (h *TLSHello) NextExtension(off int) (typ uint16, data []byte, next int, ok bool) {
	e := h.Extensions
	if off+4 > len(e) {
		return 0, nil, len(e), false
	}
	typ = be16(e[off:])
	n := int(be16(e[off+2:]))
	if off+4+n > len(e) {
		return typ, nil, len(e), false
	}
	return typ, e[off+4 : off+4+n], off + 4 + n, true
}

// Extension returns the data of the first extension of type typ.
func (h *TLSHello) Extension(typ uint16) ([]byte, bool) {
	for off := 0; ; {
		t, data, next, ok := h.NextExtension(off)
		if !ok {
			return nil, false
		}
		if t == typ {
			return data, true
		}
		off = next
	}
}

// ServerName returns the first host_name of the server_name extension
// (tls.handshake.extensions_server_name), or nil.
func (h *TLSHello) ServerName() []byte {
	e, ok := h.Extension(TLSExtServerName)
	if !ok || len(e) < 2 {
		return nil
	}
	list := e[2:min(2+int(be16(e)), len(e))]
	for len(list) >= 3 {
		n := int(be16(list[1:]))
		if 3+n > len(list) {
			return nil
		}
		if list[0] == 0 {
			return list[3 : 3+n]
		}
		list = list[3+n:]
	}
	return nil
}

// ALPN returns the k-th protocol of the ALPN extension
// (tls.handshake.extensions_alpn_str), or nil past the last.
func (h *TLSHello) ALPN(k int) []byte {
	e, ok := h.Extension(TLSExtALPN)
	if !ok || len(e) < 2 {
		return nil
	}
	list := e[2:min(2+int(be16(e)), len(e))]
	for len(list) >= 1 {
		n := int(list[0])
		if 1+n > len(list) {
			return nil
		}
		if k == 0 {
			return list[1 : 1+n]
		}
		k--
		list = list[1+n:]
	}
	return nil
}

// decodeTLS decodes a segment on a TLS port. A segment that does not start
// with a record header (the middle of a long record) is opaque payload.
// The layer is marked truncated when the capture holds less of the
// segment than the IP header announces.
func (d *Decoder) decodeTLS(l *Layer) LayerType {
	if _, err := ParseTLS(d.bytes(l)); err != nil {
		return l.asData()
	}
	l.Payload = l.End
	if d.n > 0 && (d.layers[d.n-1].Type == LayerTCP || d.layers[d.n-1].Type == LayerUDP) &&
		l.Start+d.tcpWirePayload(d.n-1) > l.End {
		l.Malformed = ReasonTruncated
	}
	return LayerNone
}
