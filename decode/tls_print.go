package decode

import (
	"strconv"
	"time"
)

// lineTLS appends nothing: tcpdump 4.99 prints no TLS details, so the
// line ends with the TCP segment's "length N". The TCP printer has already
// written the ": " that precedes an application layer; it is taken back.
func (p *LinePrinter) lineTLS(b []byte, d *Decoder, i int) []byte { return p.lineNothing(b, d, i) }

// lineNothing ends the line of an application layer tcpdump does not
// print: after TCP it takes back the ": " the TCP printer wrote, after UDP
// it writes UDP's "UDP, length N".
func (p *LinePrinter) lineNothing(b []byte, d *Decoder, i int) []byte {
	if i > 0 && d.layers[i-1].Type == LayerTCP && len(b) >= 2 && b[len(b)-2] == ':' && b[len(b)-1] == ' ' {
		return b[:len(b)-2]
	}
	if i > 0 && d.layers[i-1].Type == LayerUDP {
		b = append(b, "UDP, length "...)
		return strconv.AppendInt(b, int64(d.tcpWirePayload(i-1)), 10)
	}
	return b
}

func tlsVersionName(v uint16) string {
	switch v {
	case 0x0300:
		return "SSL 3.0"
	case 0x0301:
		return "TLS 1.0"
	case 0x0302:
		return "TLS 1.1"
	case 0x0303:
		return "TLS 1.2"
	case 0x0304:
		return "TLS 1.3"
	}
	if tlsGrease(v) {
		return "Reserved (GREASE)"
	}
	return "Unknown"
}

// tlsGrease reports whether v is a GREASE value (RFC 8701: 0x?a?a with
// both bytes equal), which tshark names "Reserved (GREASE)".
func tlsGrease(v uint16) bool { return v&0x0f0f == 0x0a0a && v>>8 == v&0xff }

// tlsRecordPrefix is tshark's name for a record layer of version v.
func tlsRecordPrefix(v uint16) string {
	switch v {
	case 0x0300:
		return "SSLv3"
	case 0x0301:
		return "TLSv1"
	case 0x0302:
		return "TLSv1.1"
	case 0x0303:
		return "TLSv1.2"
	case 0x0304:
		return "TLSv1.3"
	}
	return "TLS"
}

func tlsContentName(t uint8) string {
	switch t {
	case TLSChangeCipherSpec:
		return "Change Cipher Spec"
	case TLSAlert:
		return "Alert"
	case TLSHandshake:
		return "Handshake"
	case TLSApplicationData:
		return "Application Data"
	case TLSHeartbeat:
		return "Heartbeat"
	}
	return "Unknown"
}

func tlsHandshakeName(t uint8) string {
	switch t {
	case 0:
		return "Hello Request"
	case TLSClientHello:
		return "Client Hello"
	case TLSServerHello:
		return "Server Hello"
	case 4:
		return "New Session Ticket"
	case 8:
		return "Encrypted Extensions"
	case 11:
		return "Certificate"
	case 12:
		return "Server Key Exchange"
	case 13:
		return "Certificate Request"
	case 14:
		return "Server Hello Done"
	case 15:
		return "Certificate Verify"
	case 16:
		return "Client Key Exchange"
	case 20:
		return "Finished"
	}
	return "Unknown"
}

func tlsExtensionName(t uint16) string {
	switch t {
	case 0:
		return "server_name"
	case 5:
		return "status_request"
	case 10:
		return "supported_groups"
	case 11:
		return "ec_point_formats"
	case 13:
		return "signature_algorithms"
	case 16:
		return "application_layer_protocol_negotiation"
	case 18:
		return "signed_certificate_timestamp"
	case 21:
		return "padding"
	case 23:
		return "extended_master_secret"
	case 27:
		return "compress_certificate"
	case 28:
		return "record_size_limit"
	case 35:
		return "session_ticket"
	case 41:
		return "pre_shared_key"
	case 43:
		return "supported_versions"
	case 45:
		return "psk_key_exchange_modes"
	case 51:
		return "key_share"
	case 57:
		return "quic_transport_parameters"
	case 65281:
		return "renegotiation_info"
	}
	if tlsGrease(t) {
		return "Reserved (GREASE)"
	}
	return ""
}

func tlsCipherName(c uint16) string {
	switch c {
	case 0x1301:
		return "TLS_AES_128_GCM_SHA256"
	case 0x1302:
		return "TLS_AES_256_GCM_SHA384"
	case 0x1303:
		return "TLS_CHACHA20_POLY1305_SHA256"
	case 0xc02b:
		return "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"
	case 0xc02c:
		return "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"
	case 0xc02f:
		return "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"
	case 0xc030:
		return "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"
	case 0xcca8:
		return "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"
	case 0xcca9:
		return "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"
	case 0xc013:
		return "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"
	case 0xc014:
		return "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"
	case 0x002f:
		return "TLS_RSA_WITH_AES_128_CBC_SHA"
	case 0x0035:
		return "TLS_RSA_WITH_AES_256_CBC_SHA"
	case 0x009c:
		return "TLS_RSA_WITH_AES_128_GCM_SHA256"
	case 0x009d:
		return "TLS_RSA_WITH_AES_256_GCM_SHA384"
	case 0x000a:
		return "TLS_RSA_WITH_3DES_EDE_CBC_SHA"
	case 0x00ff:
		return "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"
	}
	if tlsGrease(c) {
		return "Reserved (GREASE)"
	}
	return "Unknown"
}

// treeTLS appends the TLS subtree as tshark -V shows it: one subtree per
// record, the handshake message and, for a hello, its fields and
// extensions.
func treeTLS(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	tl := TLS(d.data[l.Start:l.End])
	https := tlsOverHTTPS(d, i)
	t.head("Transport Layer Security")
	t.end()
	tls13 := false // a ServerHello in this segment chose TLS 1.3
	for off := 0; ; {
		r, next, ok := tl.NextRecord(off)
		if !ok {
			break
		}
		off = next
		t.depth = 1
		t.line()
		if tls13 {
			t.b = append(t.b, "TLSv1.3"...)
		} else {
			t.b = append(t.b, tlsRecordPrefix(r.Version())...)
		}
		t.b = append(t.b, " Record Layer: "...)
		t.b = append(t.b, tlsContentName(r.ContentType())...)
		t.b = append(t.b, " Protocol: "...)
		m, isHS := r.Handshake()
		alert := r.ContentType() == TLSAlert && r.Length() == 2 && len(r.Fragment()) == 2
		if alert {
			// "TLSv1.2 Record Layer: Alert (Level: Fatal, Description: …)"
			t.b = t.b[:len(t.b)-len(" Protocol: ")]
			t.b = append(t.b, " (Level: "...)
			t.b = append(t.b, tlsAlertLevel(r.Fragment()[0])...)
			t.b = append(t.b, ", Description: "...)
			t.b = append(t.b, tlsAlertDesc(r.Fragment()[1])...)
			t.b = append(t.b, ')')
		}
		switch {
		case alert:
		case r.ContentType() == TLSAlert:
			t.b = append(t.b, "Encrypted Alert"...)
		case isHS:
			t.b = append(t.b, tlsHandshakeName(m.Type())...)
		case r.ContentType() == TLSApplicationData && https:
			t.b = append(t.b, "Hypertext Transfer Protocol"...)
		default:
			t.b = append(t.b, tlsContentName(r.ContentType())...)
		}
		t.end()
		t.depth = 2
		if tls13 && r.ContentType() == TLSApplicationData {
			treeNamed(t, "Opaque Type", tlsContentName(r.ContentType()), uint64(r.ContentType()))
		} else {
			treeNamed(t, "Content Type", tlsContentName(r.ContentType()), uint64(r.ContentType()))
		}
		treeVersion(t, "Version", r.Version())
		t.int("Length", r.Length())
		if !isHS {
			switch r.ContentType() {
			case TLSAlert:
				t.line()
				if alert {
					t.b = append(t.b, "Alert Message"...)
					t.end()
					t.depth = 3
					treeNamed(t, "Level", tlsAlertLevel(r.Fragment()[0]), uint64(r.Fragment()[0]))
					treeNamed(t, "Description", tlsAlertDesc(r.Fragment()[1]), uint64(r.Fragment()[1]))
				} else {
					t.b = append(t.b, "Alert Message: Encrypted Alert"...)
					t.end()
				}
			case TLSChangeCipherSpec:
				t.line()
				t.b = append(t.b, "Change Cipher Spec Message"...)
				t.end()
			case TLSApplicationData:
				t.line()
				t.b = append(t.b, "Encrypted Application Data: "...)
				if f := r.Fragment(); len(f) > 36 {
					t.b = appendHexBytes(t.b, f[:36])
					t.b = append(t.b, "…"...)
				} else {
					t.b = appendHexBytes(t.b, f)
				}
				t.end()
				if https {
					t.line()
					t.b = append(t.b, "[Application Data Protocol: Hypertext Transfer Protocol]"...)
					t.end()
				}
			}
			continue
		}
		t.line()
		t.b = append(t.b, "Handshake Protocol: "...)
		t.b = append(t.b, tlsHandshakeName(m.Type())...)
		t.end()
		t.depth = 3
		treeNamed(t, "Handshake Type", tlsHandshakeName(m.Type()), uint64(m.Type()))
		t.int("Length", m.Length())
		h, ok := m.Hello()
		if !ok {
			continue
		}
		treeHello(t, m, &h)
		if e, ok := h.Extension(TLSExtSupportedVersions); ok && m.Type() == TLSServerHello && len(e) == 2 && be16(e) == 0x0304 {
			tls13 = true
		}
	}
}

// tlsOverHTTPS reports whether the TLS layer i is carried on TCP port
// 443, where tshark names the application data HTTP.
func tlsOverHTTPS(d *Decoder, i int) bool {
	if i == 0 || d.layers[i-1].Type != LayerTCP {
		return false
	}
	tl := &d.layers[i-1]
	tcp := TCP(d.data[tl.Start:tl.Payload])
	return tcp.SrcPort() == 443 || tcp.DstPort() == 443
}

func treeHello(t *treeWriter, m TLSHandshakeMsg, h *TLSHello) { treeHelloTLS13(t, m, h, false) }

// treeHelloTLS13 draws a hello; tls13 is set where the session is known to
// be TLS 1.3 (QUIC), where tshark leaves out the ClientHello's GMT time.
func treeHelloTLS13(t *treeWriter, m TLSHandshakeMsg, h *TLSHello, tls13 bool) {
	treeVersion(t, "Version", h.Version)
	t.line()
	t.b = append(t.b, "Random: "...)
	t.b = appendHexBytes(t.b, h.Random)
	t.end()
	if m.Type() == TLSClientHello && !tls13 {
		t.depth = 4
		t.line()
		t.b = append(t.b, "GMT Unix Time: "...)
		t.b = time.Unix(int64(be32(h.Random)), 0).UTC().AppendFormat(t.b, "Jan _2, 2006 15:04:05.000000000 UTC")
		t.end()
		t.line()
		t.b = append(t.b, "Random Bytes: "...)
		t.b = appendHexBytes(t.b, h.Random[4:])
		t.end()
		t.depth = 3
	}
	t.int("Session ID Length", len(h.SessionID))
	if len(h.SessionID) > 0 {
		t.line()
		t.b = append(t.b, "Session ID: "...)
		t.b = appendHexBytes(t.b, h.SessionID)
		t.end()
	}
	if m.Type() == TLSClientHello {
		t.int("Cipher Suites Length", len(h.CipherSuites))
		t.line()
		t.b = append(t.b, "Cipher Suites ("...)
		t.b = strconv.AppendInt(t.b, int64(len(h.CipherSuites)/2), 10)
		t.b = append(t.b, " suites)"...)
		t.end()
		t.depth = 4
		for k := 0; k+1 < len(h.CipherSuites); k += 2 {
			treeCipher(t, be16(h.CipherSuites[k:]))
		}
		t.depth = 3
		t.int("Compression Methods Length", len(h.Compression))
		t.line()
		t.b = append(t.b, "Compression Methods ("...)
		t.b = strconv.AppendInt(t.b, int64(len(h.Compression)), 10)
		t.b = append(t.b, " method"...)
		if len(h.Compression) != 1 {
			t.b = append(t.b, 's')
		}
		t.b = append(t.b, ')')
		t.end()
		t.depth = 4
		for _, c := range h.Compression {
			treeCompression(t, c)
		}
		t.depth = 3
	} else {
		treeCipher(t, h.CipherSuite)
		treeCompression(t, h.Compression[0])
	}
	if h.Extensions == nil {
		return
	}
	t.int("Extensions Length", len(h.Extensions))
	for off := 0; ; {
		typ, data, next, ok := h.NextExtension(off)
		if !ok {
			break
		}
		off = next
		t.depth = 3
		name := tlsExtensionName(typ)
		t.line()
		t.b = append(t.b, "Extension: "...)
		t.b = appendExtName(t.b, name, typ)
		t.b = append(t.b, " (len="...)
		t.b = strconv.AppendInt(t.b, int64(len(data)), 10)
		t.b = append(t.b, ')')
		t.end()
		t.depth = 4
		t.line()
		t.b = append(t.b, "Type: "...)
		t.b = appendExtName(t.b, name, typ)
		t.b = append(t.b, " ("...)
		t.b = strconv.AppendUint(t.b, uint64(typ), 10)
		t.b = append(t.b, ')')
		t.end()
		t.int("Length", len(data))
		switch typ {
		case TLSExtServerName:
			if sni := h.ServerName(); sni != nil && len(data) >= 5 {
				t.line()
				t.b = append(t.b, "Server Name Indication extension"...)
				t.end()
				t.depth = 5
				t.int("Server Name list length", int(be16(data)))
				t.str("Server Name Type", "host_name (0)")
				t.int("Server Name length", len(sni))
				treeBytes(t, "Server Name", sni)
			}
		case TLSExtALPN:
			if len(data) >= 2 {
				t.int("ALPN Extension Length", int(be16(data)))
				t.line()
				t.b = append(t.b, "ALPN Protocol"...)
				t.end()
				t.depth = 5
				for k := 0; ; k++ {
					a := h.ALPN(k)
					if a == nil {
						break
					}
					t.int("ALPN string length", len(a))
					treeBytes(t, "ALPN Next Protocol", a)
				}
			}
		case TLSExtSupportedVersions:
			if m.Type() == TLSServerHello && len(data) == 2 {
				treeVersion(t, "Supported Version", be16(data))
			} else if len(data) >= 1 {
				t.int("Supported Versions length", int(data[0]))
				for k := 1; k+1 < len(data) && k < 1+int(data[0]); k += 2 {
					treeVersion(t, "Supported Version", be16(data[k:]))
				}
			}
		}
	}
	t.depth = 3
}

func appendExtName(b []byte, name string, typ uint16) []byte {
	if name != "" {
		return append(b, name...)
	}
	b = append(b, "Unknown type "...)
	return strconv.AppendUint(b, uint64(typ), 10)
}

// treeNamed appends "label: Name (n)".
func treeNamed(t *treeWriter, label, name string, n uint64) {
	t.line()
	t.b = append(t.b, label...)
	t.b = append(t.b, ": "...)
	t.b = append(t.b, name...)
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendUint(t.b, n, 10)
	t.b = append(t.b, ')')
	t.end()
}

// treeVersion appends "label: TLS 1.2 (0x0303)".
func treeVersion(t *treeWriter, label string, v uint16) {
	t.line()
	t.b = append(t.b, label...)
	t.b = append(t.b, ": "...)
	t.b = append(t.b, tlsVersionName(v)...)
	t.b = append(t.b, " (0x"...)
	t.b = appendHex4(t.b, v)
	t.b = append(t.b, ')')
	t.end()
}

func treeCipher(t *treeWriter, c uint16) {
	t.line()
	t.b = append(t.b, "Cipher Suite: "...)
	t.b = append(t.b, tlsCipherName(c)...)
	t.b = append(t.b, " (0x"...)
	t.b = appendHex4(t.b, c)
	t.b = append(t.b, ')')
	t.end()
}

func treeCompression(t *treeWriter, c byte) {
	t.line()
	t.b = append(t.b, "Compression Method: "...)
	if c == 0 {
		t.b = append(t.b, "null"...)
	} else {
		t.b = append(t.b, "Unknown"...)
	}
	t.b = append(t.b, " ("...)
	t.b = strconv.AppendUint(t.b, uint64(c), 10)
	t.b = append(t.b, ')')
	t.end()
}

func tlsAlertLevel(v byte) string {
	switch v {
	case 1:
		return "Warning"
	case 2:
		return "Fatal"
	}
	return "Unknown"
}

// tlsAlertDesc returns the name of an alert description (RFC 8446
// section 6), as Wireshark spells it.
func tlsAlertDesc(v byte) string {
	switch v {
	case 0:
		return "Close Notify"
	case 10:
		return "Unexpected Message"
	case 20:
		return "Bad Record MAC"
	case 22:
		return "Record Overflow"
	case 40:
		return "Handshake Failure"
	case 42:
		return "Bad Certificate"
	case 43:
		return "Unsupported Certificate"
	case 44:
		return "Certificate Revoked"
	case 45:
		return "Certificate Expired"
	case 46:
		return "Certificate Unknown"
	case 47:
		return "Illegal Parameter"
	case 48:
		return "Unknown CA"
	case 49:
		return "Access Denied"
	case 50:
		return "Decode Error"
	case 51:
		return "Decrypt Error"
	case 70:
		return "Protocol Version"
	case 71:
		return "Insufficient Security"
	case 80:
		return "Internal Error"
	case 86:
		return "Inappropriate Fallback"
	case 90:
		return "User Canceled"
	case 109:
		return "Missing Extension"
	case 110:
		return "Unsupported Extension"
	case 112:
		return "Unrecognized Name"
	case 116:
		return "Certificate Required"
	case 120:
		return "No Application Protocol"
	}
	return "Unknown"
}
