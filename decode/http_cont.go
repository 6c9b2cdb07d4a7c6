package decode

// A segment on an HTTP port that starts with neither a request line nor a
// status line, as tshark 4.0 reads it (a capture that begins in the middle
// of a transfer, a body longer than the reassembly keeps, a server that
// sends no status line):
//
//   - past a leading CR LF (in a segment longer than three bytes), a byte
//     that is not printable ASCII makes the whole segment Data, under an
//     HTTP item whose Info is "Continuation" — in a connection where tshark
//     has seen a request; in any other, the bytes are TCP's payload alone;
//   - otherwise tshark reads lines: a line holding a colon is a header (an
//     unknown name is http.unknown_header; a name with characters a token
//     may not hold adds "Illegal characters found in header name"), the
//     empty line ends them, and any other line stops them — the bytes from
//     there on are the body: "File Data", then Data (or the lines of a text
//     media type). Such a line that runs to the segment's end after a header
//     is an exception: "[Malformed Packet: HTTP]" and no body;
//   - in a connection without a request, HTTP is drawn only when a header
//     or the empty line was found, and the packet list keeps TCP's row.
//
// The tracker decides (httpContinuation): it knows whether the connection
// carried a request before, and it hands the verdict to every printer
// through the packet's note (applyHTTPCont).

// httpCont is how a continuation segment splits (scanHTTPCont).
type httpCont struct {
	start     int  // where the lines start: past a leading CR LF
	binary    bool // the byte at start is not printable: the segment is Data
	headers   bool // a header line or the empty line: HTTP is drawn even without a request
	saw       bool // a header line
	body      int  // where the body starts (len: none)
	malformed bool // a line without a colon ran to the end after a header
	ctype     []byte
}

// scanHTTPCont splits continuation segment h.
func scanHTTPCont(h []byte) (s httpCont) {
	if len(h) > 3 && h[0] == '\r' && h[1] == '\n' {
		s.start = 2
	}
	s.body = len(h)
	if len(h) == 0 {
		s.binary = true
		return s
	}
	if c := h[s.start]; c < 0x20 || c > 0x7e {
		s.binary = true
		return s
	}
	off := s.start
	for off < len(h) {
		eol, next := HTTP(h).LineEnd(off)
		line := h[off:eol]
		if len(line) == 0 {
			s.headers = true
			off = next
			break
		}
		colon := indexByte(line, ':')
		if colon < 0 {
			s.malformed = s.saw && eol == len(h)
			break
		}
		s.headers, s.saw = true, true
		if equalFold(line[:colon], "Content-Type") {
			s.ctype = trimHeaderValue(line[colon+1:])
		}
		off = next
	}
	if !s.malformed {
		s.body = off
	}
	return s
}

// LineEnd finds the end of the line of h that starts at off as tshark
// does when it does not reassemble: at the first CR or LF (CR LF counts as
// one end), or the end of h. It returns where the line's text ends and
// where the next line starts.
func (h HTTP) LineEnd(off int) (eol, next int) {
	for i := off; i < len(h); i++ {
		switch h[i] {
		case '\n':
			return i, i + 1
		case '\r':
			if i+1 < len(h) && h[i+1] == '\n' {
				return i, i + 2
			}
			return i, i + 1
		}
	}
	return len(h), len(h)
}

// trimHeaderValue drops the blanks before a header's value.
func trimHeaderValue(v []byte) []byte {
	for len(v) > 0 && (v[0] == ' ' || v[0] == '\t') {
		v = v[1:]
	}
	return v
}

// httpTokenChar reports whether c may appear in a header's name (RFC 7230's
// tchar, and the colon and backslash tshark's check also lets through).
func httpTokenChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	for i := 0; i < len(httpTokenPunct); i++ {
		if httpTokenPunct[i] == c {
			return true
		}
	}
	return false
}

const httpTokenPunct = "!#$%&\\:*+-.^_`|~"

// httpContNote is the tracker's verdict on a continuation segment.
type httpContNote struct {
	ok   bool // the HTTP layer is a continuation tshark reads line by line or as Data
	seen bool // the connection carried a request before: the row is HTTP's, "Continuation"
	drop bool // tshark hands the bytes to no protocol: the layer is TCP's payload
}

// httpContinuation decides how continuation segment i, of TCP segment seg,
// shows (see the top of the file), and marks the layers so.
func (d *Decoder) httpContinuation(nt *httpNote, seg *tcpSegment, i int) {
	l := &d.layers[i]
	if i > 0 && tcpRST(d, i-1) {
		// A reset's data is its reset cause: tshark hands it to no
		// protocol.
		nt.cont = httpContNote{ok: true, drop: true}
		d.applyHTTPCont(nt)
		return
	}
	if l.Malformed != "" {
		return // cut by the capture: tshark's reading of a cut line differs; drawn as it is
	}
	s := scanHTTPCont(d.data[l.Start:l.End])
	nt.cont = httpContNote{ok: true, seen: d.httpSawRequest(seg)}
	nt.cont.drop = !nt.cont.seen && (s.binary || !s.headers)
	nt.contMalformed = s.malformed && !nt.cont.drop
	d.applyHTTPCont(nt)
}

// applyHTTPCont marks the layers as the tracker's verdict on a
// continuation says, in the Decoder that tracked the packet and in one
// that draws it from its note: a layer tshark does not dissect is
// removed, one whose lines run off the end is malformed.
func (d *Decoder) applyHTTPCont(nt *httpNote) {
	if !nt.cont.ok || nt.layer < 0 || nt.layer >= d.n || d.layers[nt.layer].Type != LayerHTTP {
		return
	}
	if nt.cont.drop {
		d.n = nt.layer
		return
	}
	if nt.contMalformed {
		d.layers[nt.layer].Malformed = ReasonTruncated
	}
}

// emitHTTPCont emits continuation segment h, at offset off of the packet
// (HTTP's protocol open): the Data, or the header-like lines and the body
// after them.
func emitHTTPCont(e *emitter, h []byte, off int) {
	f := &httpFields
	s := scanHTTPCont(h)
	if s.binary {
		emitNestedData(e, h, off)
		e.End()
		return
	}
	if s.start > 0 {
		const msg = "Leading CRLF previous message in the stream may have extra CRLF"
		e.Expert(true)
		e.None(&f[httpLeadingCRLF])
		e.Expert(false)
		e.NoTree()
		e.LineString(msg)
		e.Sub()
		e.ExpertLine("Error", "Malformed", msg, nil)
		e.Up()
	}
	at := s.start
	for at < s.body || at < len(h) && s.malformed {
		eol, next := HTTP(h).LineEnd(at)
		line := h[at:eol]
		if len(line) == 0 {
			if e.Tree() {
				e.Line(appendTreeString(e.Text(), h[at:next]))
			}
			break
		}
		colon := indexByte(line, ':')
		if colon < 0 {
			break
		}
		emitHTTPContHeader(e, h[at:next], line, colon)
		at = next
	}
	if s.malformed || s.body == len(h) {
		e.End()
		return
	}
	body := h[s.body:]
	e.TextDone(&f[httpFileData], appendASCIIString(e.Text(), body))
	if e.Tree() {
		e.SetRepr(appendBytesBits(append(e.Text(), "File Data: "...), len(body)))
	}
	if s.ctype != nil && httpTextMedia(s.ctype) {
		e.End()
		emitTextLinesOf(e, httpMediaType(s.ctype), body)
		return
	}
	emitNestedData(e, body, off+s.body)
	e.End()
}

// emitNestedData emits data, at offset off of the packet, as a Data
// protocol inside the protocol open (tshark's data dissector called on a
// protocol's payload).
func emitNestedData(e *emitter, data []byte, off int) {
	at := len(e.recs)
	dep := e.NestedProto(&protoData)
	emitDataFields(e, data)
	e.setSpan(at, off, len(data)) // after the title the tree gives it
	e.EndNested(dep)
}

// emitHTTPContHeader emits a continuation's header line (raw: the line
// with its end; line: without; colon: where its name ends), as tshark's
// message of no known kind shows it.
func emitHTTPContHeader(e *emitter, raw, line []byte, colon int) {
	f := &httpFields
	name := line[:colon]
	valid := colon > 0
	for _, c := range name {
		if !httpTokenChar(c) {
			valid = false
			break
		}
	}
	if !valid {
		// The line as it is, each byte past 0x7f a U+FFFD, and the
		// expert note.
		e.TextDone(&f[httpUnknownHeader], appendASCIIString(e.Text(), raw))
		if e.Tree() {
			e.SetRepr(appendTreeString(e.Text(), raw))
		}
		e.Sub()
		e.Expert(true)
		e.None(&f[httpBadHeaderName])
		e.Expert(false)
		e.NoTree()
		e.ExpertLine("Warning", "Protocol", "Illegal characters found in header name", nil)
		e.Up()
		return
	}
	for k := range httpHeaderFields {
		if hf := &httpHeaderFields[k]; equalFold(name, hf.name) {
			e.Bytes(&f[hf.field], splitHeader(line).Value)
			if e.Tree() {
				e.SetRepr(appendTreeString(e.Text(), raw))
			}
			if hf.field == httpContentLengthHeader {
				if v, ok := parseDecimal(splitHeader(line).Value, 19); ok {
					e.Sub()
					e.Uint(&f[httpContentLenValue], v)
					e.Up()
				}
			}
			return
		}
	}
	// An unknown name: its value is the line as the tree shows it.
	e.TextDone(&f[httpUnknownHeader], appendTreeString(e.Text(), raw))
	if e.Tree() {
		e.SetRepr(appendTreeString(e.Text(), raw))
	}
}

// httpContTCPRow reports whether continuation layer i keeps TCP's row in
// the packet list: HTTP drawn in a connection without a request.
func httpContTCPRow(conv *convResults, i int) bool {
	return conv != nil && conv.http.layer == i && conv.http.cont.ok && !conv.http.cont.seen
}

// appendHTTPContMedia appends to the Info of continuation layer i the
// media type its text body is drawn as (" (text/plain)").
func appendHTTPContMedia(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	s := scanHTTPCont(d.data[l.Start:l.End])
	if s.binary || s.malformed || s.body == l.End-l.Start || s.ctype == nil || !httpTextMedia(s.ctype) {
		return b
	}
	b = append(b, " ("...)
	for _, c := range httpMediaType(s.ctype) {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return append(b, ')')
}
