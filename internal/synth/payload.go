package synth

import (
	"encoding/binary"
	"strconv"
)

// request returns the client's first data for the flow's service.
func (g *Generator) request(f *flow) []byte {
	host := names[int(f.cport)%len(names)]
	switch f.sport {
	case 80, 8080:
		b := append(g.scratch[:0], "GET /"...)
		b = strconv.AppendUint(b, uint64(f.cport), 10)
		b = append(b, "/index.html HTTP/1.1\r\nHost: "...)
		b = append(b, host...)
		b = append(b, "\r\nUser-Agent: rawcap-synth/1\r\nAccept: */*\r\n\r\n"...)
		g.scratch = b
		return b
	case 443:
		g.scratch = clientHello(g.scratch[:0], host, uint32(g.rand()))
		return g.scratch
	}
	return nil
}

// fillPayload writes a plausible payload: the flow's request, an HTTP status
// line or a TLS application-data record at the start of a server segment, or
// opaque bytes.
func (g *Generator) fillPayload(f *flow, fromCli bool, p []byte, seq uint32) {
	for i := range p {
		p[i] = byte(i*7 + int(seq))
	}
	switch {
	case fromCli && f.req != nil:
		copy(p, f.req)
		f.req = nil
	case f.sport == 443 && len(p) > 5:
		p[0], p[1], p[2] = 0x17, 0x03, 0x03
		binary.BigEndian.PutUint16(p[3:], uint16(len(p)-5))
	case !fromCli && (f.sport == 80 || f.sport == 8080) && f.firstResp:
		copy(p, "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000000\r\n\r\n")
		f.firstResp = false
	}
}

// clientHello appends a TLS 1.2-record ClientHello offering TLS 1.3 with the
// server name and ALPN h2/http/1.1.
func clientHello(b []byte, sni string, r uint32) []byte {
	b = append(b, 0x16, 0x03, 0x01, 0, 0) // record header, length patched
	rec := len(b)
	b = append(b, 0x01, 0, 0, 0) // handshake header, length patched
	hs := len(b)
	b = append(b, 0x03, 0x03)
	for i := range 32 {
		b = append(b, byte(r>>(i%4*8))+byte(i))
	}
	b = append(b, 0)                                        // session id
	b = append(b, 0, 6, 0x13, 0x01, 0x13, 0x02, 0xc0, 0x2f) // cipher suites
	b = append(b, 1, 0)                                     // null compression
	b = append(b, 0, 0)                                     // extensions length, patched
	ext := len(b)
	// server_name
	b = binary.BigEndian.AppendUint16(b, 0)
	b = binary.BigEndian.AppendUint16(b, uint16(len(sni)+5))
	b = binary.BigEndian.AppendUint16(b, uint16(len(sni)+3))
	b = append(b, 0)
	b = binary.BigEndian.AppendUint16(b, uint16(len(sni)))
	b = append(b, sni...)
	// ALPN
	b = append(b, 0, 16, 0, 14, 0, 12, 2, 'h', '2', 8, 'h', 't', 't', 'p', '/', '1', '.', '1')
	// supported_versions: TLS 1.3, 1.2
	b = append(b, 0, 43, 0, 5, 4, 0x03, 0x04, 0x03, 0x03)
	binary.BigEndian.PutUint16(b[ext-2:], uint16(len(b)-ext))
	n := len(b) - hs
	b[hs-3], b[hs-2], b[hs-1] = byte(n>>16), byte(n>>8), byte(n)
	binary.BigEndian.PutUint16(b[rec-2:], uint16(len(b)-rec))
	return b
}
