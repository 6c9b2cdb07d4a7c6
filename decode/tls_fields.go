package decode

import (
	"crypto/md5"
	"encoding/hex"
	"strconv"
	"time"
)

// emitTLS emits the tls member. The -V tree, -T fields and ek see every
// record of the segment (the tree all of them; -T fields and ek stop
// where tshark stops: at a record the segment cuts): its header, the
// alert, the application data or the handshake message and, for a hello,
// its fields and extensions. JSON, whose keys are unique, takes the first
// record's header and the first handshake message's type, length and
// hello fields (version, cipher suites length or cipher suite, extensions
// length, server name, ALPN protocols as an array, supported version).
func emitTLS(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	t := TLS(d.data[l.Start:l.End])
	f := &tlsFields
	tree := e.Tree()
	every := e.all || tree
	e.Proto(&protoTLS)
	if r, _, ok := t.NextRecord(0); ok && !every {
		e.Uint(&f[tlsRecordContentType], uint64(r.ContentType()))
		e.Uint(&f[tlsRecordVersion], uint64(r.Version()))
		e.Uint(&f[tlsRecordLength], uint64(r.Length()))
	}
	https := tree && tlsOverHTTPS(d, i)
	tls13 := false     // a ServerHello in this segment chose TLS 1.3
	encrypted := false // a ChangeCipherSpec came before in this segment
	for off := 0; ; {
		r, next, ok := t.NextRecord(off)
		if !ok {
			break
		}
		if e.all && !r.Complete() {
			break // tshark waits for the rest of a record the segment cuts
		}
		off = next
		m, isHS := r.Handshake()
		if encrypted && r.ContentType() == TLSHandshake {
			// What follows a ChangeCipherSpec is encrypted: tshark
			// shows the message without its type.
			if every {
				emitTLSRecord(e, r, nil, true, tls13, https)
				e.Sub()
				e.None(&f[tlsHandshake])
				if tree {
					e.SetRepr(append(e.Text(), "Handshake Protocol: Encrypted Handshake Message"...))
				}
				e.Up()
			}
			continue
		}
		if every {
			emitTLSRecord(e, r, m, isHS, tls13, https)
			e.Sub()
		}
		encrypted = encrypted || r.ContentType() == TLSChangeCipherSpec
		if !isHS {
			if every {
				e.Up()
			}
			continue
		}
		if every {
			e.None(&f[tlsHandshake])
			if tree {
				e.SetRepr(append(append(e.Text(), "Handshake Protocol: "...), tlsHandshakeName(m.Type())...))
			}
			e.Sub()
		}
		e.Uint(&f[tlsHandshakeType], uint64(m.Type()))
		e.Uint(&f[tlsHandshakeLength], uint64(m.Length()))
		if h, ok := m.Hello(); ok {
			emitTLSHello(e, m, &h, false)
			if m.Type() == TLSServerHello && tlsChoosesTLS13(&h) {
				tls13 = true
			}
		}
		if !every {
			break
		}
		e.Up()
		e.Up()
	}
	e.End()
}

// emitTLSRecord emits a record's line, its header and, for a record other
// than a handshake, what it holds: the alert, the ChangeCipherSpec message
// or the encrypted application data. A handshake record without its
// message m is one a ChangeCipherSpec encrypted. tls13 says a ServerHello before it
// in the segment chose TLS 1.3 (application data then has an opaque type);
// https that the segment is on TCP port 443, where tshark names the
// application data HTTP.
func emitTLSRecord(e *emitter, r TLSRecord, m TLSHandshakeMsg, isHS, tls13, https bool) {
	f := &tlsFields
	ct := r.ContentType()
	alert := ct == TLSAlert && r.Length() == 2 && len(r.Fragment()) == 2
	e.None(&f[tlsRecord])
	if e.Tree() {
		b := e.Text()
		if tls13 {
			b = append(b, "TLSv1.3"...)
		} else {
			b = append(b, tlsRecordPrefix(r.Version())...)
		}
		b = append(b, " Record Layer: "...)
		b = append(b, tlsContentName(ct)...)
		switch {
		case alert:
			// "TLSv1.2 Record Layer: Alert (Level: Fatal, Description: …)"
			b = append(b, " (Level: "...)
			b = append(b, tlsNameOf(&f[tlsAlertMessageLevel], uint64(r.Fragment()[0]))...)
			b = append(b, ", Description: "...)
			b = append(b, tlsNameOf(&f[tlsAlertMessageDesc], uint64(r.Fragment()[1]))...)
			b = append(b, ')')
		case ct == TLSAlert:
			b = append(b, " Protocol: Encrypted Alert"...)
		case isHS && m == nil:
			b = append(b, " Protocol: Encrypted Handshake Message"...)
		case isHS:
			b = append(b, " Protocol: "...)
			b = append(b, tlsHandshakeName(m.Type())...)
		case ct == TLSApplicationData && https:
			b = append(b, " Protocol: Hypertext Transfer Protocol"...)
		default:
			b = append(b, " Protocol: "...)
			b = append(b, tlsContentName(ct)...)
		}
		e.SetRepr(b)
	}
	e.Sub()
	if tls13 && ct == TLSApplicationData {
		e.Uint(&f[tlsRecordOpaqueType], uint64(ct))
	} else {
		e.Uint(&f[tlsRecordContentType], uint64(ct))
	}
	e.Uint(&f[tlsRecordVersion], uint64(r.Version()))
	e.Uint(&f[tlsRecordLength], uint64(r.Length()))
	switch {
	case isHS:
	case alert:
		e.None(&f[tlsAlertMessage])
		e.Sub()
		e.Uint(&f[tlsAlertMessageLevel], uint64(r.Fragment()[0]))
		e.Uint(&f[tlsAlertMessageDesc], uint64(r.Fragment()[1]))
		e.Up()
	case ct == TLSAlert:
		e.None(&f[tlsAlertMessage])
		if e.Tree() {
			e.SetRepr(append(e.Text(), "Alert Message: Encrypted Alert"...))
		}
	case ct == TLSChangeCipherSpec:
		e.None(&f[tlsChangeCipherSpec])
	case ct == TLSApplicationData:
		e.Bytes(&f[tlsAppData], r.Fragment())
		if https {
			e.String(&f[tlsAppDataProto], "Hypertext Transfer Protocol")
		}
	}
	e.Up()
}

// emitTLSHello emits a ClientHello's or ServerHello's fields. JSON gets
// its version, session ID and cipher suites lengths or cipher suite,
// extensions length, server name, ALPN protocols and first supported
// version; the tree, -T fields and ek every field, extension by
// extension. tls13 is set where the session is known to be TLS 1.3
// (QUIC): tshark then leaves out the random's GMT time, as it does for a
// ServerHello that chooses TLS 1.3.
func emitTLSHello(e *emitter, m TLSHandshakeMsg, h *TLSHello, tls13 bool) {
	f := &tlsFields
	every := e.all || e.Tree()
	client := m.Type() == TLSClientHello
	e.Uint(&f[tlsHandshakeVersion], uint64(h.Version))
	if every {
		e.Bytes(&f[tlsHandshakeRandom], h.Random)
		if !tls13 && (client || !tlsChoosesTLS13(h)) {
			e.Sub()
			b := time.Unix(int64(be32(h.Random)), 0).UTC().AppendFormat(e.Text(), "Jan _2, 2006 15:04:05.000000000 UTC")
			e.TextDone(&f[tlsHandshakeRandomTime], b)
			e.Bytes(&f[tlsHandshakeRandomBytes], h.Random[4:])
			e.Up()
		}
	}
	e.Uint(&f[tlsHandshakeSessionIDLength], uint64(len(h.SessionID)))
	if every && len(h.SessionID) > 0 {
		e.Bytes(&f[tlsHandshakeSessionID], h.SessionID)
	}
	if client {
		e.Uint(&f[tlsHandshakeCipherSuitesLength], uint64(len(h.CipherSuites)))
		if every {
			e.None(&f[tlsHandshakeCiphersuites])
			if e.Tree() {
				b := strconv.AppendInt(append(e.Text(), "Cipher Suites ("...), int64(len(h.CipherSuites)/2), 10)
				e.SetRepr(append(b, " suites)"...))
			}
			e.Sub()
			for k := 0; k+1 < len(h.CipherSuites); k += 2 {
				e.Uint(&f[tlsHandshakeCiphersuite], uint64(be16(h.CipherSuites[k:])))
			}
			e.Up()
			e.Uint(&f[tlsHandshakeCompMethodsLength], uint64(len(h.Compression)))
			e.None(&f[tlsHandshakeCompMethods])
			if e.Tree() {
				b := strconv.AppendInt(append(e.Text(), "Compression Methods ("...), int64(len(h.Compression)), 10)
				b = append(b, " method"...)
				if len(h.Compression) != 1 {
					b = append(b, 's')
				}
				e.SetRepr(append(b, ')'))
			}
			e.Sub()
			for _, c := range h.Compression {
				e.Uint(&f[tlsHandshakeCompMethod], uint64(c))
			}
			e.Up()
		}
	} else {
		e.Uint(&f[tlsHandshakeCiphersuite], uint64(h.CipherSuite))
		if every {
			e.Uint(&f[tlsHandshakeCompMethod], uint64(h.Compression[0]))
		}
	}
	if h.Extensions != nil {
		e.Uint(&f[tlsHandshakeExtensionsLength], uint64(len(h.Extensions)))
	}
	if every {
		for off := 0; ; {
			typ, data, next, ok := h.NextExtension(off)
			if !ok {
				break
			}
			off = next
			emitTLSExtension(e, m, h, typ, data)
		}
		emitTLSJA3(e, h, client)
		return
	}
	if sni := h.ServerName(); sni != nil {
		e.Bytes(&f[tlsHandshakeExtensionsServerName], sni)
	}
	if h.ALPN(0) != nil {
		e.Group(&tlsALPNs)
		for k := 0; ; k++ {
			a := h.ALPN(k)
			if a == nil {
				break
			}
			e.Bytes(&f[tlsHandshakeExtensionsAlpnStr], a)
		}
		e.End()
	}
	if ext, ok := h.Extension(TLSExtSupportedVersions); ok {
		switch {
		case !client && len(ext) == 2:
			e.Uint(&f[tlsHandshakeExtensionsSupportedVersion], uint64(be16(ext)))
		case client && len(ext) >= 3 && ext[0] >= 1:
			e.Uint(&f[tlsHandshakeExtensionsSupportedVersion], uint64(be16(ext[1:])))
		}
	}
}

// emitTLSExtension emits a hello extension: its line ("Extension:
// server_name (len=18)"), type and length and, for the server name, ALPN
// and supported versions extensions, what they hold.
func emitTLSExtension(e *emitter, m TLSHandshakeMsg, h *TLSHello, typ uint16, data []byte) {
	f := &tlsFields
	name := tlsNameOf(&f[tlsHandshakeExtensionType], uint64(typ))
	if name == "Unknown" {
		name = ""
	}
	if e.Tree() {
		b := appendExtName(append(e.Text(), "Extension: "...), name, typ)
		b = strconv.AppendInt(append(b, " (len="...), int64(len(data)), 10)
		e.Line(append(b, ')'))
	}
	e.Sub()
	e.Uint(&f[tlsHandshakeExtensionType], uint64(typ))
	if name == "" && e.Tree() {
		b := appendExtName(append(e.Text(), "Type: "...), name, typ)
		b = strconv.AppendUint(append(b, " ("...), uint64(typ), 10)
		e.SetRepr(append(b, ')'))
	}
	e.Uint(&f[tlsHandshakeExtensionLen], uint64(len(data)))
	switch typ {
	case TLSExtServerName:
		if sni := h.ServerName(); sni != nil && len(data) >= 5 {
			e.LineString("Server Name Indication extension")
			e.Sub()
			e.Uint(&f[tlsHandshakeExtensionsServerNameListLen], uint64(be16(data)))
			e.Uint(&f[tlsHandshakeExtensionsServerNameType], 0)
			e.Uint(&f[tlsHandshakeExtensionsServerNameLen], uint64(len(sni)))
			e.Bytes(&f[tlsHandshakeExtensionsServerName], sni)
			e.Up()
		}
	case TLSExtALPN:
		if len(data) >= 2 {
			e.Uint(&f[tlsHandshakeExtensionsAlpnLen], uint64(be16(data)))
			e.None(&f[tlsHandshakeExtensionsAlpnList])
			e.Sub()
			for k := 0; ; k++ {
				a := h.ALPN(k)
				if a == nil {
					break
				}
				e.Uint(&f[tlsHandshakeExtensionsAlpnStrLen], uint64(len(a)))
				e.Bytes(&f[tlsHandshakeExtensionsAlpnStr], a)
			}
			e.Up()
		}
	case tlsExtSupportedGroups:
		if len(data) >= 2 {
			n := min(int(be16(data)), len(data)-2)
			e.Uint(&f[tlsHandshakeExtensionsSupportedGroupsLength], uint64(be16(data)))
			e.None(&f[tlsHandshakeExtensionsSupportedGroups])
			if e.Tree() {
				b := strconv.AppendInt(append(e.Text(), "Supported Groups ("...), int64(n/2), 10)
				e.SetRepr(append(b, " groups)"...))
			}
			e.Sub()
			for k := 2; k+1 < 2+n; k += 2 {
				e.Uint(&f[tlsHandshakeExtensionsSupportedGroup], uint64(be16(data[k:])))
			}
			e.Up()
		}
	case tlsExtECPointFormats:
		if len(data) >= 1 {
			n := min(int(data[0]), len(data)-1)
			e.Uint(&f[tlsHandshakeExtensionsECPointFormatsLength], uint64(data[0]))
			e.None(&f[tlsHandshakeExtensionsECPointFormats])
			if e.Tree() {
				b := strconv.AppendInt(append(e.Text(), "Elliptic curves point formats ("...), int64(n), 10)
				e.SetRepr(append(b, ')'))
			}
			e.Sub()
			for _, c := range data[1 : 1+n] {
				e.Uint(&f[tlsHandshakeExtensionsECPointFormat], uint64(c))
			}
			e.Up()
		}
	case tlsExtSignatureAlgorithms:
		if len(data) >= 2 {
			n := min(int(be16(data)), len(data)-2)
			e.Uint(&f[tlsHandshakeSigHashAlgLen], uint64(be16(data)))
			e.None(&f[tlsHandshakeSigHashAlgs])
			if e.Tree() {
				b := strconv.AppendInt(append(e.Text(), "Signature Hash Algorithms ("...), int64(n/2), 10)
				e.SetRepr(append(b, " algorithms)"...))
			}
			e.Sub()
			for k := 2; k+1 < 2+n; k += 2 {
				alg := uint64(be16(data[k:]))
				e.Uint(&f[tlsHandshakeSigHashAlg], alg)
				if e.Tree() && tlsNameOf(&f[tlsHandshakeSigHashAlg], alg) == "Unknown" {
					// A TLS 1.2 pair tshark's table does not name: its hash's
					// and signature's names ("SHA224 ECDSA").
					b := append(e.Text(), "Signature Algorithm: "...)
					b = append(b, tlsNameOf(&f[tlsHandshakeSigHashHash], alg>>8)...)
					b = append(b, ' ')
					b = append(b, tlsNameOf(&f[tlsHandshakeSigHashSig], alg&0xff)...)
					b = append(b, " (0x"...)
					e.SetRepr(append(appendHex4(b, uint16(alg)), ')'))
				}
				e.Sub()
				e.Uint(&f[tlsHandshakeSigHashHash], uint64(data[k]))
				e.Uint(&f[tlsHandshakeSigHashSig], uint64(data[k+1]))
				e.Up()
			}
			e.Up()
		}
	case tlsExtPSKKeyExchangeModes:
		if len(data) >= 1 {
			e.Uint(&f[tlsExtensionPSKKEModesLength], uint64(data[0]))
			for _, c := range data[1 : 1+min(int(data[0]), len(data)-1)] {
				e.Uint(&f[tlsExtensionPSKKEMode], uint64(c))
			}
		}
	case tlsExtKeyShare:
		emitTLSKeyShare(e, data, m.Type() == TLSClientHello)
	case tlsExtStatusRequest:
		// An OCSP request from a ClientHello; the lists' contents are
		// left undecoded, as tshark leaves them.
		if m.Type() == TLSClientHello && len(data) >= 5 && data[0] == 1 {
			e.Uint(&f[tlsHandshakeExtensionsStatusRequestType], uint64(data[0]))
			e.Uint(&f[tlsHandshakeExtensionsStatusRequestResponderIDsLen], uint64(be16(data[1:])))
			e.Uint(&f[tlsHandshakeExtensionsStatusRequestExtsLen], uint64(be16(data[3:])))
		}
	case tlsExtRenegotiationInfo:
		if len(data) >= 1 {
			e.LineString("Renegotiation Info extension")
			e.Sub()
			e.Uint(&f[tlsHandshakeExtensionsRenegInfoLen], uint64(data[0]))
			if n := min(int(data[0]), len(data)-1); n > 0 {
				e.Bytes(&f[tlsHandshakeExtensionsRenegInfo], data[1:1+n])
			}
			e.Up()
		}
	case tlsExtPadding:
		if len(data) > 0 {
			e.Bytes(&f[tlsHandshakeExtensionsPaddingData], data)
		}
	case TLSExtSupportedVersions:
		if m.Type() == TLSServerHello && len(data) == 2 {
			e.Uint(&f[tlsHandshakeExtensionsSupportedVersion], uint64(be16(data)))
		} else if len(data) >= 1 {
			e.Uint(&f[tlsHandshakeExtensionsSupportedVersionsLen], uint64(data[0]))
			for k := 1; k+1 < len(data) && k < 1+int(data[0]); k += 2 {
				e.Uint(&f[tlsHandshakeExtensionsSupportedVersion], uint64(be16(data[k:])))
			}
		}
	}
	e.Up()
}

// The hello extensions whose contents emitTLSExtension draws besides
// the server name, ALPN and supported versions.
const (
	tlsExtStatusRequest       = 5
	tlsExtSupportedGroups     = 10
	tlsExtECPointFormats      = 11
	tlsExtSignatureAlgorithms = 13
	tlsExtPadding             = 21
	tlsExtPSKKeyExchangeModes = 45
	tlsExtKeyShare            = 51
	tlsExtRenegotiationInfo   = 0xff01
)

// emitTLSKeyShare emits a key_share extension: a ClientHello's list of
// entries after its length, a ServerHello's one entry (a
// HelloRetryRequest's selected group alone is left as the extension's
// bytes).
func emitTLSKeyShare(e *emitter, data []byte, client bool) {
	f := &tlsFields
	if !client && len(data) < 4 {
		return
	}
	if client && len(data) < 2 {
		return
	}
	e.LineString("Key Share extension")
	e.Sub()
	entries := data
	if client {
		e.Uint(&f[tlsHandshakeExtensionsKeyShareClientLength], uint64(be16(data)))
		entries = data[2 : 2+min(int(be16(data)), len(data)-2)]
	}
	for len(entries) >= 4 {
		group, n := be16(entries), int(be16(entries[2:]))
		if 4+n > len(entries) {
			break
		}
		if e.Tree() {
			b := append(e.Text(), "Key Share Entry: Group: "...)
			b = append(b, tlsNameOf(&f[tlsHandshakeExtensionsKeyShareGroup], uint64(group))...)
			b = strconv.AppendInt(append(b, ", Key Exchange length: "...), int64(n), 10)
			e.Line(b)
		}
		e.Sub()
		e.Uint(&f[tlsHandshakeExtensionsKeyShareGroup], uint64(group))
		e.Uint(&f[tlsHandshakeExtensionsKeyShareKeyExchangeLength], uint64(n))
		e.Bytes(&f[tlsHandshakeExtensionsKeyShareKeyExchange], entries[4:4+n])
		e.Up()
		entries = entries[4+n:]
		if !client {
			break
		}
	}
	e.Up()
}

// tlsGREASE reports whether v is one of RFC 8701's GREASE values, which
// JA3 leaves out.
func tlsGREASE(v uint16) bool { return v&0x0f0f == 0x0a0a && v>>8 == v&0xff }

// emitTLSJA3 emits a ClientHello's JA3 fingerprint (its version, cipher
// suites, extensions, supported groups and point formats in decimal, then
// their MD5) or a ServerHello's JA3S (version, cipher suite, extensions),
// as tshark adds them after the extensions.
func emitTLSJA3(e *emitter, h *TLSHello, client bool) {
	f := &tlsFields
	full, hash := &f[tlsHandshakeJA3SFull], &f[tlsHandshakeJA3S]
	if client {
		full, hash = &f[tlsHandshakeJA3Full], &f[tlsHandshakeJA3]
	}
	if !e.wants(full) && !e.wants(hash) {
		return
	}
	b := e.Text()
	start := len(b)
	b = strconv.AppendUint(b, uint64(h.Version), 10)
	b = append(b, ',')
	if client {
		b = appendJA3List(b, h.CipherSuites, 2)
	} else {
		b = strconv.AppendUint(b, uint64(h.CipherSuite), 10)
	}
	b = append(b, ',')
	first := true
	for off := 0; ; {
		typ, _, next, ok := h.NextExtension(off)
		if !ok {
			break
		}
		off = next
		if tlsGREASE(typ) {
			continue
		}
		if !first {
			b = append(b, '-')
		}
		first = false
		b = strconv.AppendUint(b, uint64(typ), 10)
	}
	if client {
		b = append(b, ',')
		if g, ok := h.Extension(tlsExtSupportedGroups); ok && len(g) >= 2 {
			b = appendJA3List(b, g[2:2+min(int(be16(g)), len(g)-2)], 2)
		}
		b = append(b, ',')
		if p, ok := h.Extension(tlsExtECPointFormats); ok && len(p) >= 1 {
			b = appendJA3List(b, p[1:1+min(int(p[0]), len(p)-1)], 1)
		}
	}
	sum := md5.Sum(b[start:])
	e.TextDone(full, b)
	b = e.Text()
	b = hex.AppendEncode(b, sum[:])
	e.TextDone(hash, b)
}

// appendJA3List appends the values of list (each size bytes, big-endian)
// in decimal, joined by '-', GREASE values left out.
func appendJA3List(b, list []byte, size int) []byte {
	first := true
	for k := 0; k+size <= len(list); k += size {
		v := uint16(list[k])
		if size == 2 {
			v = be16(list[k:])
			if tlsGREASE(v) {
				continue
			}
		}
		if !first {
			b = append(b, '-')
		}
		first = false
		b = strconv.AppendUint(b, uint64(v), 10)
	}
	return b
}

// tlsChoosesTLS13 reports whether ServerHello h chooses TLS 1.3 (its
// supported_versions extension says 0x0304).
func tlsChoosesTLS13(h *TLSHello) bool {
	ext, ok := h.Extension(TLSExtSupportedVersions)
	return ok && len(ext) == 2 && be16(ext) == 0x0304
}

// tlsNameOf returns the name f's value names give v, "Unknown" when they
// give none.
func tlsNameOf(f *Field, v uint64) string {
	if n := f.ValueNames().Name(v); n != "" {
		return n
	}
	return "Unknown"
}

// tlsHandshakeName returns the name of handshake message type t.
func tlsHandshakeName(t uint8) string {
	return tlsNameOf(&tlsFields[tlsHandshakeType], uint64(t))
}

// tlsContentName returns the name of record content type t.
func tlsContentName(t uint8) string {
	return tlsNameOf(&tlsFields[tlsRecordContentType], uint64(t))
}

func appendExtName(b []byte, name string, typ uint16) []byte {
	if name != "" {
		return append(b, name...)
	}
	b = append(b, "Unknown type "...)
	return strconv.AppendUint(b, uint64(typ), 10)
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
	tlsRecord
	tlsRecordOpaqueType
	tlsAlertMessage
	tlsAlertMessageLevel
	tlsAlertMessageDesc
	tlsChangeCipherSpec
	tlsAppData
	tlsAppDataProto
	tlsHandshake
	tlsHandshakeRandom
	tlsHandshakeRandomTime
	tlsHandshakeRandomBytes
	tlsHandshakeSessionID
	tlsHandshakeCiphersuites
	tlsHandshakeCompMethodsLength
	tlsHandshakeCompMethods
	tlsHandshakeCompMethod
	tlsHandshakeExtensionType
	tlsHandshakeExtensionLen
	tlsHandshakeExtensionsServerNameListLen
	tlsHandshakeExtensionsServerNameType
	tlsHandshakeExtensionsServerNameLen
	tlsHandshakeExtensionsAlpnLen
	tlsHandshakeExtensionsAlpnList
	tlsHandshakeExtensionsAlpnStrLen
	tlsHandshakeExtensionsSupportedVersionsLen
	tlsHandshakeExtensionsSupportedGroupsLength
	tlsHandshakeExtensionsSupportedGroups
	tlsHandshakeExtensionsSupportedGroup
	tlsHandshakeExtensionsECPointFormatsLength
	tlsHandshakeExtensionsECPointFormats
	tlsHandshakeExtensionsECPointFormat
	tlsHandshakeSigHashAlgLen
	tlsHandshakeSigHashAlgs
	tlsHandshakeSigHashAlg
	tlsHandshakeSigHashHash
	tlsHandshakeSigHashSig
	tlsExtensionPSKKEModesLength
	tlsExtensionPSKKEMode
	tlsHandshakeExtensionsKeyShareClientLength
	tlsHandshakeExtensionsKeyShareGroup
	tlsHandshakeExtensionsKeyShareKeyExchangeLength
	tlsHandshakeExtensionsKeyShareKeyExchange
	tlsHandshakeExtensionsPaddingData
	tlsHandshakeExtensionsStatusRequestType
	tlsHandshakeExtensionsStatusRequestResponderIDsLen
	tlsHandshakeExtensionsStatusRequestExtsLen
	tlsHandshakeExtensionsRenegInfoLen
	tlsHandshakeExtensionsRenegInfo
	tlsHandshakeJA3Full
	tlsHandshakeJA3
	tlsHandshakeJA3SFull
	tlsHandshakeJA3S
	tlsFieldCount
)

var tlsFields = [tlsFieldCount]Field{
	tlsRecordContentType:                       {Name: "tls.record.content_type", Label: "Content Type", Kind: KindUint, Width: 8},
	tlsRecordVersion:                           {Name: "tls.record.version", Label: "Version", Kind: KindUint, Width: 16, Base: BaseHex},
	tlsRecordLength:                            {Name: "tls.record.length", Label: "Length", Kind: KindUint, Width: 16},
	tlsHandshakeType:                           {Name: "tls.handshake.type", Label: "Handshake Type", Kind: KindUint, Width: 8, Values: &tlsHandshakeTypeNames},
	tlsHandshakeLength:                         {Name: "tls.handshake.length", Label: "Length", Kind: KindUint, Width: 24},
	tlsHandshakeVersion:                        {Name: "tls.handshake.version", Label: "Version", Kind: KindUint, Width: 16, Base: BaseHex},
	tlsHandshakeSessionIDLength:                {Name: "tls.handshake.session_id_length", Label: "Session ID Length", Kind: KindUint, Width: 16},
	tlsHandshakeCipherSuitesLength:             {Name: "tls.handshake.cipher_suites_length", Label: "Cipher Suites Length", Kind: KindUint, Width: 16},
	tlsHandshakeCiphersuite:                    {Name: "tls.handshake.ciphersuite", Label: "Cipher Suite", Kind: KindUint, Width: 16, Base: BaseHex},
	tlsHandshakeExtensionsLength:               {Name: "tls.handshake.extensions_length", Label: "Extensions Length", Kind: KindUint, Width: 16},
	tlsHandshakeExtensionsServerName:           {Name: "tls.handshake.extensions_server_name", Label: "Server Name", Kind: KindString},
	tlsHandshakeExtensionsAlpnStr:              {Name: "tls.handshake.extensions_alpn_str", Label: "ALPN Next Protocol", Kind: KindString},
	tlsHandshakeExtensionsSupportedVersion:     {Name: "tls.handshake.extensions.supported_version", Label: "Supported Version", Kind: KindUint, Width: 16, Base: BaseHex},
	tlsRecord:                                  {Name: "tls.record", Label: "Record Layer", Kind: KindNone},
	tlsRecordOpaqueType:                        {Name: "tls.record.opaque_type", Label: "Opaque Type", Kind: KindUint, Width: 8},
	tlsAlertMessage:                            {Name: "tls.alert_message", Label: "Alert Message", Kind: KindNone},
	tlsAlertMessageLevel:                       {Name: "tls.alert_message.level", Label: "Level", Kind: KindUint, Width: 8},
	tlsAlertMessageDesc:                        {Name: "tls.alert_message.desc", Label: "Description", Kind: KindUint, Width: 8},
	tlsChangeCipherSpec:                        {Name: "tls.change_cipher_spec", Label: "Change Cipher Spec Message", Kind: KindNone},
	tlsAppData:                                 {Name: "tls.app_data", Label: "Encrypted Application Data", Kind: KindBytes},
	tlsAppDataProto:                            {Name: "tls.app_data_proto", Label: "Application Data Protocol", Kind: KindString, Generated: true},
	tlsHandshake:                               {Name: "tls.handshake", Label: "Handshake Protocol", Kind: KindNone},
	tlsHandshakeRandom:                         {Name: "tls.handshake.random", Label: "Random", Kind: KindBytes},
	tlsHandshakeRandomTime:                     {Name: "tls.handshake.random_time", Label: "GMT Unix Time", Kind: KindTime},
	tlsHandshakeRandomBytes:                    {Name: "tls.handshake.random_bytes", Label: "Random Bytes", Kind: KindBytes},
	tlsHandshakeSessionID:                      {Name: "tls.handshake.session_id", Label: "Session ID", Kind: KindBytes},
	tlsHandshakeCiphersuites:                   {Name: "tls.handshake.ciphersuites", Label: "Cipher Suites", Kind: KindNone},
	tlsHandshakeCompMethodsLength:              {Name: "tls.handshake.comp_methods_length", Label: "Compression Methods Length", Kind: KindUint, Width: 8},
	tlsHandshakeCompMethods:                    {Name: "tls.handshake.comp_methods", Label: "Compression Methods", Kind: KindNone},
	tlsHandshakeCompMethod:                     {Name: "tls.handshake.comp_method", Label: "Compression Method", Kind: KindUint, Width: 8},
	tlsHandshakeExtensionType:                  {Name: "tls.handshake.extension.type", Label: "Type", Kind: KindUint, Width: 16},
	tlsHandshakeExtensionLen:                   {Name: "tls.handshake.extension.len", Label: "Length", Kind: KindUint, Width: 16},
	tlsHandshakeExtensionsServerNameListLen:    {Name: "tls.handshake.extensions_server_name_list_len", Label: "Server Name list length", Kind: KindUint, Width: 16},
	tlsHandshakeExtensionsServerNameType:       {Name: "tls.handshake.extensions_server_name_type", Label: "Server Name Type", Kind: KindUint, Width: 8},
	tlsHandshakeExtensionsServerNameLen:        {Name: "tls.handshake.extensions_server_name_len", Label: "Server Name length", Kind: KindUint, Width: 16},
	tlsHandshakeExtensionsAlpnLen:              {Name: "tls.handshake.extensions_alpn_len", Label: "ALPN Extension Length", Kind: KindUint, Width: 16},
	tlsHandshakeExtensionsAlpnList:             {Name: "tls.handshake.extensions_alpn_list", Label: "ALPN Protocol", Kind: KindNone},
	tlsHandshakeExtensionsAlpnStrLen:           {Name: "tls.handshake.extensions_alpn_str_len", Label: "ALPN string length", Kind: KindUint, Width: 8},
	tlsHandshakeExtensionsSupportedVersionsLen: {Name: "tls.handshake.extensions.supported_versions_len", Label: "Supported Versions length", Kind: KindUint, Width: 8},

	tlsHandshakeExtensionsSupportedGroupsLength:        {Name: "tls.handshake.extensions_supported_groups_length", Label: "Supported Groups List Length", Kind: KindUint, Width: 16},
	tlsHandshakeExtensionsSupportedGroups:              {Name: "tls.handshake.extensions_supported_groups", Label: "Supported Groups List", Kind: KindNone},
	tlsHandshakeExtensionsSupportedGroup:               {Name: "tls.handshake.extensions_supported_group", Label: "Supported Group", Kind: KindUint, Width: 16, Base: BaseHex},
	tlsHandshakeExtensionsECPointFormatsLength:         {Name: "tls.handshake.extensions_ec_point_formats_length", Label: "EC point formats Length", Kind: KindUint, Width: 8},
	tlsHandshakeExtensionsECPointFormats:               {Name: "tls.handshake.extensions_ec_point_formats", Label: "EC point formats", Kind: KindNone},
	tlsHandshakeExtensionsECPointFormat:                {Name: "tls.handshake.extensions_ec_point_format", Label: "EC point format", Kind: KindUint, Width: 8},
	tlsHandshakeSigHashAlgLen:                          {Name: "tls.handshake.sig_hash_alg_len", Label: "Signature Hash Algorithms Length", Kind: KindUint, Width: 16},
	tlsHandshakeSigHashAlgs:                            {Name: "tls.handshake.sig_hash_algs", Label: "Signature Algorithms", Kind: KindNone},
	tlsHandshakeSigHashAlg:                             {Name: "tls.handshake.sig_hash_alg", Label: "Signature Algorithm", Kind: KindUint, Width: 16, Base: BaseHex},
	tlsHandshakeSigHashHash:                            {Name: "tls.handshake.sig_hash_hash", Label: "Signature Hash Algorithm Hash", Kind: KindUint, Width: 8},
	tlsHandshakeSigHashSig:                             {Name: "tls.handshake.sig_hash_sig", Label: "Signature Hash Algorithm Signature", Kind: KindUint, Width: 8},
	tlsExtensionPSKKEModesLength:                       {Name: "tls.extension.psk_ke_modes_length", Label: "PSK Key Exchange Modes Length", Kind: KindUint, Width: 8},
	tlsExtensionPSKKEMode:                              {Name: "tls.extension.psk_ke_mode", Label: "PSK Key Exchange Mode", Kind: KindUint, Width: 8},
	tlsHandshakeExtensionsKeyShareClientLength:         {Name: "tls.handshake.extensions_key_share_client_length", Label: "Client Key Share Length", Kind: KindUint, Width: 16},
	tlsHandshakeExtensionsKeyShareGroup:                {Name: "tls.handshake.extensions_key_share_group", Label: "Group", Kind: KindUint, Width: 16},
	tlsHandshakeExtensionsKeyShareKeyExchangeLength:    {Name: "tls.handshake.extensions_key_share_key_exchange_length", Label: "Key Exchange Length", Kind: KindUint, Width: 16},
	tlsHandshakeExtensionsKeyShareKeyExchange:          {Name: "tls.handshake.extensions_key_share_key_exchange", Label: "Key Exchange", Kind: KindBytes},
	tlsHandshakeExtensionsPaddingData:                  {Name: "tls.handshake.extensions_padding_data", Label: "Padding Data", Kind: KindBytes},
	tlsHandshakeExtensionsStatusRequestType:            {Name: "tls.handshake.extensions_status_request_type", Label: "Certificate Status Type", Kind: KindUint, Width: 8},
	tlsHandshakeExtensionsStatusRequestResponderIDsLen: {Name: "tls.handshake.extensions_status_request_responder_ids_len", Label: "Responder ID list Length", Kind: KindUint, Width: 16},
	tlsHandshakeExtensionsStatusRequestExtsLen:         {Name: "tls.handshake.extensions_status_request_exts_len", Label: "Request Extensions Length", Kind: KindUint, Width: 16},
	tlsHandshakeExtensionsRenegInfoLen:                 {Name: "tls.handshake.extensions_reneg_info_len", Label: "Renegotiation info extension length", Kind: KindUint, Width: 8},
	tlsHandshakeExtensionsRenegInfo:                    {Name: "tls.handshake.extensions_reneg_info", Label: "Renegotiation info", Kind: KindBytes},
	tlsHandshakeJA3Full:                                {Name: "tls.handshake.ja3_full", Label: "JA3 Fullstring", Kind: KindString, Generated: true},
	tlsHandshakeJA3:                                    {Name: "tls.handshake.ja3", Label: "JA3", Kind: KindString, Generated: true},
	tlsHandshakeJA3SFull:                               {Name: "tls.handshake.ja3s_full", Label: "JA3S Fullstring", Kind: KindString, Generated: true},
	tlsHandshakeJA3S:                                   {Name: "tls.handshake.ja3s", Label: "JA3S", Kind: KindString, Generated: true},
}

// tlsHandshakeTypeNames are the names of TLS's handshake messages. tshark
// registers SSLv2's under the same field name, whose names -G values
// merges with these; the tree names TLS's.
var tlsHandshakeTypeNames = ValueNames{Values: []ValueName{
	{0, "Hello Request"}, {1, "Client Hello"}, {2, "Server Hello"}, {4, "New Session Ticket"},
	{8, "Encrypted Extensions"}, {11, "Certificate"}, {12, "Server Key Exchange"},
	{13, "Certificate Request"}, {14, "Server Hello Done"}, {15, "Certificate Verify"},
	{16, "Client Key Exchange"}, {20, "Finished"},
}}

var protoTLS = protoField("tls", "Transport Layer Security")

// tlsALPNs is the group JSON shows as the array of ALPN protocol names.
var tlsALPNs = Field{Name: "tls.handshake.extensions_alpn_str", Shape: ShapeValues}
