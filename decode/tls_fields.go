package decode

// emitTLS emits the tls member: the first record's header
// (record.content_type, record.version, record.length) and, from the first
// handshake record, handshake.type, handshake.length and for a hello its
// version, cipher suites, handshake.extensions_server_name and
// handshake.extensions_alpn_str (an array).
func emitTLS(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	t := TLS(d.data[l.Start:l.End])
	e.Proto(&protoTLS)
	r, _, ok := t.NextRecord(0)
	if ok && !e.all {
		e.Uint(&tlsFields[tlsRecordContentType], uint64(r.ContentType()))
		e.Uint(&tlsFields[tlsRecordVersion], uint64(r.Version()))
		e.Uint(&tlsFields[tlsRecordLength], uint64(r.Length()))
	}
	for off := 0; ; {
		r, next, ok := t.NextRecord(off)
		if !ok {
			break
		}
		if e.all && (!r.Complete() || r.ContentType() == TLSChangeCipherSpec) {
			// tshark waits for the rest of a record the segment cuts,
			// and what follows a ChangeCipherSpec is encrypted.
			break
		}
		off = next
		if e.all {
			e.Uint(&tlsFields[tlsRecordContentType], uint64(r.ContentType()))
			e.Uint(&tlsFields[tlsRecordVersion], uint64(r.Version()))
			e.Uint(&tlsFields[tlsRecordLength], uint64(r.Length()))
		}
		m, ok := r.Handshake()
		if !ok {
			continue
		}
		e.Uint(&tlsFields[tlsHandshakeType], uint64(m.Type()))
		e.Uint(&tlsFields[tlsHandshakeLength], uint64(m.Length()))
		h, ok := m.Hello()
		if !ok {
			if e.all {
				continue
			}
			break
		}
		emitTLSHello(e, m, &h)
		if !e.all {
			break
		}
	}
	e.End()
}

// emitTLSHello emits a ClientHello's or ServerHello's fields: its
// version, session ID and cipher suites lengths or cipher suite,
// extensions length, server name, ALPN protocols and supported versions.
func emitTLSHello(e *emitter, m TLSHandshakeMsg, h *TLSHello) {
	e.Uint(&tlsFields[tlsHandshakeVersion], uint64(h.Version))
	e.Uint(&tlsFields[tlsHandshakeSessionIDLength], uint64(len(h.SessionID)))
	if m.Type() == TLSClientHello {
		e.Uint(&tlsFields[tlsHandshakeCipherSuitesLength], uint64(len(h.CipherSuites)))
	} else {
		e.Uint(&tlsFields[tlsHandshakeCiphersuite], uint64(h.CipherSuite))
	}
	if h.Extensions != nil {
		e.Uint(&tlsFields[tlsHandshakeExtensionsLength], uint64(len(h.Extensions)))
	}
	if sni := h.ServerName(); sni != nil {
		e.Bytes(&tlsFields[tlsHandshakeExtensionsServerName], sni)
	}
	if h.ALPN(0) != nil {
		e.Group(&tlsALPNs)
		for k := 0; ; k++ {
			a := h.ALPN(k)
			if a == nil {
				break
			}
			e.Bytes(&tlsFields[tlsHandshakeExtensionsAlpnStr], a)
		}
		e.End()
	}
	if ext, ok := h.Extension(TLSExtSupportedVersions); ok {
		switch {
		case m.Type() == TLSServerHello && len(ext) == 2:
			e.Uint(&tlsFields[tlsHandshakeExtensionsSupportedVersion], uint64(be16(ext)))
		case m.Type() == TLSClientHello && len(ext) >= 3:
			for k := 1; k+2 <= len(ext) && k <= int(ext[0]); k += 2 {
				e.Uint(&tlsFields[tlsHandshakeExtensionsSupportedVersion], uint64(be16(ext[k:])))
				if !e.all {
					break
				}
			}
		}
	}
}

const (
	tlsRecordContentType = iota
	tlsRecordVersion
	tlsRecordLength
	tlsHandshakeType
	tlsHandshakeLength
	tlsHandshakeVersion
	tlsHandshakeSessionIDLength
	tlsHandshakeCipherSuitesLength
	tlsHandshakeCiphersuite
	tlsHandshakeExtensionsLength
	tlsHandshakeExtensionsServerName
	tlsHandshakeExtensionsAlpnStr
	tlsHandshakeExtensionsSupportedVersion
	tlsFieldCount
)

var tlsFields = [tlsFieldCount]Field{
	tlsRecordContentType:                   {Name: "tls.record.content_type", Label: "Content Type", Kind: KindUint, Width: 8},
	tlsRecordVersion:                       {Name: "tls.record.version", Label: "Version", Kind: KindUint, Width: 16, Base: BaseHex},
	tlsRecordLength:                        {Name: "tls.record.length", Label: "Length", Kind: KindUint, Width: 16},
	tlsHandshakeType:                       {Name: "tls.handshake.type", Label: "Handshake Message Type", Kind: KindUint, Width: 8},
	tlsHandshakeLength:                     {Name: "tls.handshake.length", Label: "Length", Kind: KindUint, Width: 24},
	tlsHandshakeVersion:                    {Name: "tls.handshake.version", Label: "Version", Kind: KindUint, Width: 16, Base: BaseHex},
	tlsHandshakeSessionIDLength:            {Name: "tls.handshake.session_id_length", Label: "Session ID Length", Kind: KindUint, Width: 16},
	tlsHandshakeCipherSuitesLength:         {Name: "tls.handshake.cipher_suites_length", Label: "Cipher Suites Length", Kind: KindUint, Width: 16},
	tlsHandshakeCiphersuite:                {Name: "tls.handshake.ciphersuite", Label: "Cipher Suite", Kind: KindUint, Width: 16, Base: BaseHex},
	tlsHandshakeExtensionsLength:           {Name: "tls.handshake.extensions_length", Label: "Extensions Length", Kind: KindUint, Width: 16},
	tlsHandshakeExtensionsServerName:       {Name: "tls.handshake.extensions_server_name", Label: "Server Name", Kind: KindString},
	tlsHandshakeExtensionsAlpnStr:          {Name: "tls.handshake.extensions_alpn_str", Label: "ALPN Next Protocol", Kind: KindString},
	tlsHandshakeExtensionsSupportedVersion: {Name: "tls.handshake.extensions.supported_version", Label: "Supported Version", Kind: KindUint, Width: 16, Base: BaseHex},
}

var protoTLS = protoField("tls", "Transport Layer Security")

// tlsALPNs is the group JSON shows as the array of ALPN protocol names.
var tlsALPNs = Field{Name: "tls.handshake.extensions_alpn_str", Shape: ShapeValues}
