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
