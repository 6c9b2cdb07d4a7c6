package decode

// This file follows HTTP messages whose body spans several TCP segments,
// as tshark's reassembly shows them: the segments before the last are TCP
// rows "FIRST LINE  [TCP segment of a reassembled PDU]", and the last one
// is the HTTP row of the whole message.

const (
	colHTTPLineMax = 192 // longest first line remembered
	colHTTPTypeMax = 48  // longest media type remembered
)

// colHTTPMsg is what a row of an HTTP message reassembled across segments
// shows of it, in one direction of a flow.
type colHTTPMsg struct {
	line   [colHTTPLineMax]byte
	nline  uint8
	ctype  [colHTTPTypeMax]byte
	nctype uint8
}

// Row kinds for a segment of a reassembled HTTP message.
const (
	colHTTPNone    = iota
	colHTTPSegment // a segment before the last: a TCP row
	colHTTPDone    // the last segment: the HTTP row of the message
	colHTTPMiddle  // a segment inside a body of known length: TCP info and the mark
)

// trackHTTP decides how the row's TCP payload (layers after TCP layer i)
// shows, from what the tracker's HTTP reassembly found (http_reasm.go):
// a segment of a message a later one completes is a TCP row, with the
// message's first line where tshark calls HTTP on it and TCP's Info where
// it knew the length already; the segment that completes it (a FIN
// without payload included) is the message's HTTP row.
func (p *ColumnsPrinter) trackHTTP(d *Decoder, i int) {
	p.httpRow = colHTTPNone
	dir := p.dir
	nt := &p.conv.http
	if dir == nil || d.layers[i].Malformed != "" {
		return
	}
	m := &dir.http
	switch {
	case nt.closed && i+1 == d.n:
		p.httpRow = colHTTPDone
		m.nline = uint8(copy(m.line[:], nt.head))
		m.nctype = uint8(copy(m.ctype[:], nt.ctype))
	case !nt.ok || nt.layer != i+1 || !nt.part:
		return
	case nt.done:
		p.httpRow = colHTTPDone
		h := HTTP(nt.pdu)
		line, _ := h.FirstLine()
		m.nline = uint8(copy(m.line[:], line))
		m.nctype = 0
		if ct := h.Header("Content-Type"); ct != nil {
			m.nctype = uint8(copy(m.ctype[:], httpMediaType(ct)))
		}
	case nt.middle:
		p.httpRow = colHTTPMiddle
	default:
		p.httpRow = colHTTPSegment
		m.nline = uint8(copy(m.line[:], nt.head))
	}
	p.httpMsg = m
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
