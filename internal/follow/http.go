package follow

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"io"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/rawcap/rawcap/decode"
)

// DefaultMaxMessage is the default bound on the bytes of one HTTP body
// held until its message is complete.
const DefaultMaxMessage = 32 << 20

// maxHeader bounds the bytes of one message's start line and headers
// held until they are complete.
const maxHeader = 1 << 20

// HTTPPart says which part of an HTTP message a chunk holds.
type HTTPPart uint8

// The parts.
const (
	HTTPHeaders HTTPPart = iota // the start line and the header fields, through the empty line
	HTTPBody                    // the body, de-chunked and decoded (or a piece of one past the bound)
)

// HTTPMessage describes the message an HTTP chunk belongs to: its
// headers (start line included, valid until the emit returns) and, for a
// body, whether this is a piece of a body too large to hold (Piece), the
// first piece (First) and the last (Last).
type HTTPMessage struct {
	Part         HTTPPart
	Continuation bool // data that is not a request or a response, shown as tshark shows it
	Request      bool
	Headers      decode.HTTP
	Asked        decode.HTTP // for a response: the headers of the last request seen complete
	Piece        bool        // a body passed MaxMessage: it comes in pieces, as it was sent (not decoded)
	First        bool
	Last         bool
}

// HTTPEmit receives HTTP chunks with what they belong to.
type HTTPEmit func(Chunk, *HTTPMessage) error

// Body states of a side.
const (
	hsHead    = iota // reading a start line and headers
	hsLength         // a body of known length
	hsChunked        // a chunked body
	hsFin            // a body that runs until the sender's FIN
)

// Chunked-coding states.
const (
	ckSize    = iota // reading a chunk-size line
	ckData           // reading chunk data
	ckDataEnd        // reading the CRLF after chunk data
	ckTrailer        // reading trailer lines, until the empty one
)

// httpSide is one direction's message in progress.
type httpSide struct {
	state   uint8
	ck      uint8
	request bool
	enc     []byte // Content-Encoding, lower case
	hdr     []byte // the headers; in hsHead, the bytes received so far
	body    []byte // the body received so far (de-chunked)
	line    []byte // a partial chunk-size or trailer line
	need    int64  // hsLength: body bytes still to come; ckData: chunk bytes still to come
	piece   bool   // the body passed the bound: pieces go out as they come
	cont    bool   // the message is a continuation (not a request or response)
	lead    int    // the leading CRLF's length in hdr
	pieces  int
}

// HTTP follows the HTTP/1 messages of one TCP stream as tshark 4.0's
// follow http shows them: TCP reassembles each direction (the TCP field,
// with its bound), and each complete message comes out as two chunks,
// its headers (the start line through the empty line) and its body, if
// any, with the chunked coding removed and a gzip, deflate or br content
// coding undone, as the HTTP dissector hands them to its follow tap. A
// message comes out once complete, in the frame that completed it: a
// body of Content-Length bytes, a chunked body at its last chunk and
// trailers, a response without either at the sender's FIN; a request
// without either, a response to HEAD and a 1xx, 204 or 304 response have
// none. Data at the start of a message that is not a request or status
// line is skipped, as tshark does not take it for HTTP. An incomplete
// message at the end of the capture is not shown, as in tshark.
//
// Node 0 is the sender of the first message shown, as tshark's follow tap
// takes it.
//
// Memory is bounded: a message holds at most 1 MiB of headers (past it
// they are dropped, and Dropped counts them) and MaxMessage bytes of body:
// a body past it comes out in pieces as its bytes arrive, without the
// content coding undone (Split counts such messages), where tshark holds
// the whole body.
type HTTP struct {
	TCP        TCP
	MaxMessage int // bound on one body; 0: DefaultMaxMessage
	Split      int // bodies that passed MaxMessage
	Dropped    int // header sections that passed 1 MiB

	on         bool // the stream's data goes to HTTP
	started    bool
	first      int // the TCP side of node 0
	side       [2]httpSide
	headReq    bool // the last request finished was a HEAD
	connectReq bool // or a CONNECT (or SSTP_DUPLEX_POST)
	lastReq    []byte
	frame      int
	at         time.Time
	emit       HTTPEmit
	dec        []byte
	rest       []byte
	msg        HTTPMessage // what emit is handed, valid until it returns
}

// URI returns the request URI Wireshark files a message's body under
// (its export-object name): a request's own, or for any other message
// the last request's in the stream; nil when there is none.
func (m *HTTPMessage) URI() []byte {
	if m.Request {
		return m.Headers.URI()
	}
	return m.Asked.URI()
}

// ContentType returns the media type of the message's Content-Type
// header, lower-cased, as Wireshark keeps it (nil when absent).
func (m *HTTPMessage) ContentType(dst []byte) []byte {
	v := m.Headers.Header("Content-Type")
	if v == nil {
		return nil
	}
	for _, c := range v {
		if c == ';' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f' {
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// Started reports whether a message came out.
func (h *HTTP) Started() bool { return h.started }

// Nodes returns the two ends: node 0 sent the first message shown.
func (h *HTTP) Nodes() [2]Node {
	n := h.TCP.Nodes()
	if h.first == 1 {
		n[0], n[1] = n[1], n[0]
	}
	return n
}

// Segment feeds the stream's next TCP segment in capture order (as
// TCP.Segment), with whether the packet's payload goes to HTTP (an HTTP
// port, or --decode-as); once one does, the stream's data is parsed as
// HTTP. It emits the chunks of the messages the segment completes.
func (h *HTTP) Segment(s *decode.Stream, isHTTP bool, frame int, at time.Time, emit HTTPEmit) error {
	h.on = h.on || isHTTP
	h.frame, h.at, h.emit = frame, at, emit
	if err := h.TCP.Segment(s, frame, at, h.data); err != nil {
		return err
	}
	if s.Flags&decode.TCPFin != 0 && h.TCP.Started() {
		dir := 1
		n := h.TCP.Nodes()
		if s.Src == n[0].Addr && s.SrcPort == n[0].Port {
			dir = 0
		}
		if h.side[dir].state == hsFin {
			return h.finish(dir)
		}
	}
	return nil
}

func (h *HTTP) max() int {
	if h.MaxMessage <= 0 {
		return DefaultMaxMessage
	}
	return h.MaxMessage
}

// data takes a reassembled chunk of one direction.
func (h *HTTP) data(c Chunk) error {
	if !h.on {
		return nil
	}
	dir := 0
	if c.Server {
		dir = 1
	}
	if c.Time.IsZero() && bytes.HasSuffix(c.Data, []byte(" bytes missing in capture file]\x00")) {
		// A gap: the message in progress never completes.
		sd := &h.side[dir]
		*sd = httpSide{hdr: sd.hdr[:0], body: sd.body[:0], line: sd.line[:0], enc: sd.enc[:0], state: hsHead}
		return nil
	}
	return h.feed(dir, c.Data)
}

// feed parses b, the next bytes of direction dir: the new data of one
// segment.
func (h *HTTP) feed(dir int, b []byte) error {
	sd := &h.side[dir]
	for len(b) > 0 {
		switch sd.state {
		case hsHead:
			start := len(sd.hdr)
			sd.hdr = append(sd.hdr, b...)
			b = nil
			more, err := h.head(dir, start)
			if err != nil {
				return err
			}
			b = more
		case hsLength:
			n := int(min(int64(len(b)), sd.need))
			if err := h.bodyBytes(dir, b[:n]); err != nil {
				return err
			}
			sd.need -= int64(n)
			b = b[n:]
			if sd.need == 0 {
				if err := h.finish(dir); err != nil {
					return err
				}
			}
		case hsFin:
			if err := h.bodyBytes(dir, b); err != nil {
				return err
			}
			b = nil
		case hsChunked:
			var done bool
			var err error
			b, done, err = h.chunked(dir, b)
			if err != nil {
				return err
			}
			if done {
				if err := h.finish(dir); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// head looks at the bytes buffered at the start of a message of
// direction dir (start of them were there before this segment), as
// Wireshark's HTTP dissector looks at a segment: one leading CRLF is
// skipped (and shown with the headers); data whose first byte is not
// printable ASCII is not HTTP and is dropped to the end of the segment;
// otherwise, once the first line is complete, a request or status line
// starts a message whose headers are then awaited, and any other line
// starts a continuation (see continuation). It returns the bytes after
// the headers, to parse as the body.
func (h *HTTP) head(dir, start int) ([]byte, error) {
	sd := &h.side[dir]
	lead := 0
	if len(sd.hdr) > 3 && sd.hdr[0] == '\r' && sd.hdr[1] == '\n' {
		lead = 2
	}
	sd.lead = lead
	if c := sd.hdr[lead]; c < ' ' || c > '~' {
		sd.hdr = sd.hdr[:0]
		return nil, nil
	}
	msg := decode.HTTP(sd.hdr[lead:])
	if _, complete := msg.FirstLine(); !complete {
		if len(sd.hdr) > maxHeader {
			h.Dropped++
			sd.hdr = sd.hdr[:0]
		}
		return nil, nil
	}
	kind := msg.Kind()
	if kind == decode.HTTPContinuation {
		return nil, h.continuation(dir, lead)
	}
	end := headerEnd(msg, max(start-lead, 0))
	if end < 0 {
		if len(sd.hdr) > maxHeader {
			h.Dropped++
			sd.hdr = sd.hdr[:0]
		}
		return nil, nil
	}
	end += lead
	// What follows the headers is parsed from a copy: hdr is reused for
	// the next message.
	h.rest = append(h.rest[:0], sd.hdr[end:]...)
	sd.hdr = sd.hdr[:end]
	if err := h.startBody(dir, decode.HTTP(sd.hdr[lead:]), kind == decode.HTTPRequest); err != nil {
		return nil, err
	}
	return h.rest, nil
}

// continuation shows data that is not a request or a response as
// tshark does: its leading lines that look like HTTP (a request or
// status line, a line with a colon, up to an empty line) as headers, the
// rest of the segment as the body. A line without a colon that ends the
// segment unterminated after such lines makes Wireshark give up on the
// segment: nothing is shown.
func (h *HTTP) continuation(dir, lead int) error {
	sd := &h.side[dir]
	b := sd.hdr[lead:]
	off := 0
	saw := false
	for off < len(b) {
		end, next := decode.HTTP(b).LineEnd(off)
		line := b[off:end]
		if end == off {
			off = next
			break
		}
		if decode.HTTP(b[off:next]).Kind() != decode.HTTPContinuation || bytes.IndexByte(line, ':') >= 0 {
			saw = true
			off = next
			continue
		}
		if saw && end == len(b) {
			sd.hdr = sd.hdr[:0]
			return nil
		}
		break
	}
	sd.request, sd.cont = false, true
	body := b[off:]
	err := h.out(dir, HTTPHeaders, sd.hdr[:lead+off], false, len(body) == 0)
	if err == nil && len(body) > 0 {
		err = h.out(dir, HTTPBody, body, false, true)
	}
	sd.cont = false
	sd.hdr = sd.hdr[:0]
	return err
}

// headerEnd returns the offset just past the empty line ending the
// headers in b (searching from near from), or -1.
func headerEnd(b []byte, from int) int {
	from = max(from-3, 0)
	for i := from; i < len(b); i++ {
		if b[i] != '\n' {
			continue
		}
		if i+1 < len(b) && b[i+1] == '\n' {
			return i + 2
		}
		if i+2 < len(b) && b[i+1] == '\r' && b[i+2] == '\n' {
			return i + 3
		}
	}
	return -1
}

// startBody decides how the message whose headers are complete ends.
func (h *HTTP) startBody(dir int, m decode.HTTP, request bool) error {
	sd := &h.side[dir]
	sd.request = request
	sd.body = sd.body[:0]
	sd.piece, sd.pieces = false, 0
	sd.enc = sd.enc[:0]
	for _, c := range bytes.TrimSpace(m.Header("Content-Encoding")) {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		sd.enc = append(sd.enc, c)
	}
	chunked := containsFold(m.Header("Transfer-Encoding"), "chunked")
	cl, haveCL := contentLength(m)
	if !request {
		code := m.StatusCode()
		if h.headReq || code/100 == 1 || code == 204 || code == 304 || code/100 == 2 && h.connectReq {
			return h.finish(dir)
		}
	}
	switch {
	case chunked:
		sd.state, sd.ck = hsChunked, ckSize
		sd.line = sd.line[:0]
	case haveCL && cl > 0:
		sd.state, sd.need = hsLength, cl
	case haveCL || request:
		return h.finish(dir)
	default:
		sd.state = hsFin
	}
	return nil
}

// containsFold reports whether b holds the lower-case ASCII word w,
// compared without regard to case.
func containsFold(b []byte, w string) bool {
	for i := 0; i+len(w) <= len(b); i++ {
		k := 0
		for ; k < len(w); k++ {
			c := b[i+k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != w[k] {
				break
			}
		}
		if k == len(w) {
			return true
		}
	}
	return false
}

// contentLength returns the Content-Length of m, if it has a valid one.
func contentLength(m decode.HTTP) (int64, bool) {
	v := bytes.TrimSpace(m.Header("Content-Length"))
	if len(v) == 0 {
		return 0, false
	}
	var n int64
	for _, c := range v {
		if c < '0' || c > '9' || n > 1<<50 {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// chunked parses chunked coding from b; it returns what follows the
// message when done.
func (h *HTTP) chunked(dir int, b []byte) ([]byte, bool, error) {
	sd := &h.side[dir]
	for len(b) > 0 {
		switch sd.ck {
		case ckSize, ckDataEnd, ckTrailer:
			i := bytes.IndexByte(b, '\n')
			if i < 0 {
				if len(sd.line) < 4096 {
					sd.line = append(sd.line, b...)
				}
				return nil, false, nil
			}
			sd.line = append(sd.line, b[:i]...)
			b = b[i+1:]
			line := bytes.TrimRight(sd.line, "\r")
			sd.line = sd.line[:0]
			switch sd.ck {
			case ckDataEnd:
				sd.ck = ckSize
				if len(line) > 0 {
					// Not the CRLF expected: take the line as the size line.
					h.sizeLine(sd, line)
				}
			case ckSize:
				h.sizeLine(sd, line)
			case ckTrailer:
				if len(line) == 0 {
					return b, true, nil
				}
			}
		case ckData:
			n := int(min(int64(len(b)), sd.need))
			if err := h.bodyBytes(dir, b[:n]); err != nil {
				return nil, false, err
			}
			sd.need -= int64(n)
			b = b[n:]
			if sd.need == 0 {
				sd.ck = ckDataEnd
			}
		}
	}
	return b, false, nil
}

// sizeLine reads a chunk-size line; it reports whether it set the state.
func (h *HTTP) sizeLine(sd *httpSide, line []byte) bool {
	var n int64
	digits := 0
	for _, c := range line {
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			goto done
		}
		if n < 1<<40 {
			n = n<<4 | int64(v)
		}
		digits++
	}
done:
	if digits == 0 {
		sd.ck = ckSize
		return false
	}
	if n == 0 {
		sd.ck = ckTrailer
	} else {
		sd.ck, sd.need = ckData, n
	}
	return true
}

// bodyBytes adds body bytes, going to pieces past the bound.
func (h *HTTP) bodyBytes(dir int, b []byte) error {
	sd := &h.side[dir]
	if !sd.piece && len(sd.body)+len(b) <= h.max() {
		sd.body = append(sd.body, b...)
		return nil
	}
	if !sd.piece {
		sd.piece = true
		h.Split++
		if err := h.out(dir, HTTPHeaders, sd.hdr, false, false); err != nil {
			return err
		}
		if len(sd.body) > 0 {
			if err := h.out(dir, HTTPBody, sd.body, true, false); err != nil {
				return err
			}
		}
		sd.body = sd.body[:0]
	}
	if len(b) == 0 {
		return nil
	}
	return h.out(dir, HTTPBody, b, true, false)
}

// out emits one chunk of direction dir's message.
func (h *HTTP) out(dir int, part HTTPPart, data []byte, piece, last bool) error {
	sd := &h.side[dir]
	if !h.started {
		h.started = true
		h.first = dir
	}
	m := &h.msg
	*m = HTTPMessage{Part: part, Continuation: sd.cont, Request: sd.request, Headers: decode.HTTP(sd.hdr[min(sd.lead, len(sd.hdr)):]), Piece: piece, Last: last}
	if part == HTTPBody {
		m.First = sd.pieces == 0
		sd.pieces++
	}
	if !sd.request {
		m.Asked = decode.HTTP(h.lastReq)
	}
	c := Chunk{Server: dir != h.first, Frame: h.frame, Time: h.at, Data: data}
	return h.emit(c, m)
}

// finish emits direction dir's complete message and readies the next.
func (h *HTTP) finish(dir int) error {
	sd := &h.side[dir]
	var err error
	if sd.piece {
		err = h.out(dir, HTTPBody, nil, true, true)
	} else {
		var body []byte
		if len(sd.body) > 0 {
			body = h.decodeBody(sd.enc, sd.body)
		}
		err = h.out(dir, HTTPHeaders, sd.hdr, false, len(body) == 0)
		if err == nil && len(body) > 0 {
			err = h.out(dir, HTTPBody, body, false, true)
		}
	}
	if sd.request {
		m := decode.HTTP(sd.hdr)
		method := m.Method()
		h.headReq = string(method) == "HEAD"
		h.connectReq = string(method) == "CONNECT" || string(method) == "SSTP_DUPLEX_POST"
		h.lastReq = append(h.lastReq[:0], sd.hdr[min(sd.lead, len(sd.hdr)):]...)
	}
	sd.state = hsHead
	sd.hdr, sd.body, sd.line = sd.hdr[:0], sd.body[:0], sd.line[:0]
	return err
}

// decodeBody undoes a gzip, deflate or br content coding as Wireshark
// does: what decodes before an error is kept; when nothing decodes,
// Wireshark shows no body (it returns nil).
func (h *HTTP) decodeBody(enc, body []byte) []byte {
	var r io.Reader
	var err error
	switch string(enc) {
	case "gzip", "x-gzip":
		var z *gzip.Reader
		z, err = gzip.NewReader(bytes.NewReader(body))
		if err == nil {
			z.Multistream(false)
			r = z
		}
	case "deflate", "x-deflate":
		r, err = zlib.NewReader(bytes.NewReader(body))
		if err != nil {
			r, err = flate.NewReader(bytes.NewReader(body)), nil
		}
	case "br":
		r = brotli.NewReader(bytes.NewReader(body))
	default:
		return body
	}
	if err != nil {
		return nil
	}
	out := h.dec[:0]
	var buf [32 << 10]byte
	for {
		n, rerr := r.Read(buf[:])
		out = append(out, buf[:n]...)
		if len(out) > h.max() {
			// Decoded, the body passes the bound: it goes as it came.
			h.Split++
			h.dec = out[:0]
			return body
		}
		if rerr != nil {
			break
		}
	}
	h.dec = out
	return out
}
