package decode

import "bytes"

// This file follows HTTP messages whose body spans several TCP segments,
// as tshark's reassembly shows them: the segments before the last are TCP
// rows "FIRST LINE  [TCP segment of a reassembled PDU]", and the last one
// is the HTTP row of the whole message.

const (
	colHTTPLineMax = 192 // longest first line remembered
	colHTTPTypeMax = 48  // longest media type remembered
)

// colHTTPMsg is an HTTP message waiting for the rest of its body in one
// direction of a flow.
type colHTTPMsg struct {
	pending bool
	chunked bool   // the body ends with the zero-length chunk
	end     uint32 // relative sequence number just past the body (Content-Length)
	line    [colHTTPLineMax]byte
	nline   uint8
	ctype   [colHTTPTypeMax]byte
	nctype  uint8
}

// Row kinds for a segment of a reassembled HTTP message.
const (
	colHTTPNone    = iota
	colHTTPSegment // a segment before the last: a TCP row
	colHTTPDone    // the last segment: the HTTP row of the message
	colHTTPMiddle  // a segment inside a body of known length: TCP info and the mark
)

// trackHTTP decides how the row's TCP payload (layers after TCP layer i)
// shows, updating the direction's pending message.
func (p *ColumnsPrinter) trackHTTP(d *Decoder, i int) {
	p.httpRow = colHTTPNone
	dir := p.dir
	if dir == nil {
		return
	}
	l := &d.layers[i]
	if l.Malformed != "" || i+1 >= d.n {
		return
	}
	pl := d.data[l.Payload:l.End]
	if len(pl) == 0 {
		return
	}
	seq := p.tcp.seq
	m := &dir.http
	if m.pending {
		done := false
		if m.chunked {
			done = bytes.HasSuffix(pl, []byte("\r\n0\r\n\r\n")) || bytes.Equal(pl, []byte("0\r\n\r\n"))
		} else {
			done = int32(seq+uint32(len(pl))-m.end) >= 0
		}
		p.httpRow = colHTTPSegment
		if !m.chunked {
			// tshark knows how much is missing and does not call HTTP
			// for the segments in between.
			p.httpRow = colHTTPMiddle
		}
		if done {
			p.httpRow = colHTTPDone
			m.pending = false
		}
		p.httpMsg = m
		return
	}
	n := &d.layers[i+1]
	if n.Type != LayerHTTP {
		return
	}
	h := HTTP(d.data[n.Start:n.End])
	kind := h.Kind()
	if kind == HTTPContinuation {
		return
	}
	end := h.HeaderEnd()
	if end < 0 {
		return
	}
	body := h[end:]
	if te := h.Header("Transfer-Encoding"); te != nil && bytes.EqualFold(bytes.TrimSpace(te), []byte("chunked")) {
		if bytes.HasSuffix(body, []byte("0\r\n\r\n")) && (len(body) == 5 || bytes.HasSuffix(body, []byte("\r\n0\r\n\r\n"))) {
			return
		}
		m.chunked = true
	} else if httpNeedsMore(h) {
		m.chunked = false
		m.end = seq + uint32(end) + uint32(len(body)) + uint32(httpContentLength(h)-len(body))
	} else {
		return
	}
	m.pending = true
	line, _ := h.FirstLine()
	m.nline = uint8(copy(m.line[:], line))
	m.nctype = 0
	if ct := h.Header("Content-Type"); ct != nil {
		m.nctype = uint8(copy(m.ctype[:], httpMediaType(ct)))
	}
	p.httpRow = colHTTPSegment
	p.httpMsg = m
}

// httpContentLength returns the Content-Length of h (0 if absent or bad).
func httpContentLength(h HTTP) int {
	n := 0
	for _, c := range h.Header("Content-Length") {
		if c >= '0' && c <= '9' && n < 1<<40 {
			n = n*10 + int(c-'0')
		}
	}
	return n
}

// httpMediaType returns the media type of a Content-Type value (before
// any parameter).
func httpMediaType(ct []byte) []byte {
	for k, c := range ct {
		if c == ';' || c == ' ' {
			return ct[:k]
		}
	}
	return ct
}

// appendHTTPMsgInfo appends the Info of a row of a reassembled message.
func (p *ColumnsPrinter) appendHTTPMsgInfo(b []byte, d *Decoder) []byte {
	if p.httpRow == colHTTPMiddle {
		b = p.infoTCP(b, d, p.tcpLayer)
		return append(b, " [TCP segment of a reassembled PDU]"...)
	}
	m := p.httpMsg
	b = append(b, m.line[:m.nline]...)
	b = append(b, ' ')
	if p.httpRow == colHTTPSegment {
		return append(b, " [TCP segment of a reassembled PDU]"...)
	}
	if m.nctype > 0 {
		b = append(b, " ("...)
		for _, c := range m.ctype[:m.nctype] {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		b = append(b, ')')
	}
	return b
}
