package decode

// HTTP is the payload of one TCP segment on an HTTP port (RFC 9112): it
// starts with a request line ("GET /x HTTP/1.1"), a status line
// ("HTTP/1.1 200 OK") or, for a segment that continues a message, anything
// at all. Accessors look at the captured bytes only and never panic.
type HTTP []byte

// HTTPKind says what an HTTP segment starts with.
type HTTPKind uint8

// The kinds of HTTP segment.
const (
	HTTPContinuation HTTPKind = iota // body or the rest of a message
	HTTPRequest                      // a request line
	HTTPResponse                     // a status line
)

// ParseHTTP returns b as an HTTP segment. Every byte string is one (a
// continuation at worst), so it only fails on an empty b.
func ParseHTTP(b []byte) (HTTP, error) {
	if len(b) == 0 {
		return nil, ReasonTruncated
	}
	return HTTP(b[:len(b):len(b)]), nil
}

// FirstLine returns the first line without its line ending, and whether
// the line ending was captured.
func (h HTTP) FirstLine() (line []byte, complete bool) {
	line, _, complete = h.nextLine(0)
	return line, complete
}

// nextLine returns the line starting at off (without CR LF or LF), the
// offset after its ending, and whether an ending was found.
func (h HTTP) nextLine(off int) (line []byte, next int, ok bool) {
	if off >= len(h) {
		return nil, len(h), false
	}
	for i := off; i < len(h); i++ {
		if h[i] == '\n' {
			end := i
			if end > off && h[end-1] == '\r' {
				end--
			}
			return h[off:end], i + 1, true
		}
	}
	return h[off:], len(h), false
}

// splitSP splits s at its first space.
func splitSP(s []byte) (head, rest []byte) {
	for i, c := range s {
		if c == ' ' {
			return s[:i], s[i+1:]
		}
	}
	return s, nil
}

// isHTTPVersion reports whether s is "HTTP/d.d" (or "HTTP/d").
func isHTTPVersion(s []byte) bool {
	if len(s) < 6 || string(s[:5]) != "HTTP/" {
		return false
	}
	for _, c := range s[5:] {
		if (c < '0' || c > '9') && c != '.' {
			return false
		}
	}
	return true
}

// httpMethods are the request methods Wireshark recognises (compared with
// case): the IANA registry's common ones, WebDAV's, SSDP's and a few
// vendors'.
var httpMethods = [...]string{
	"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "CONNECT", "PATCH",
	"PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "SEARCH", "REPORT",
	"CHECKIN", "CHECKOUT", "UNCHECKOUT", "MERGE", "LABEL", "UPDATE", "MKACTIVITY",
	"MKWORKSPACE", "VERSION-CONTROL", "BASELINE-CONTROL", "POLL", "BCOPY", "BMOVE",
	"BDELETE", "BPROPFIND", "BPROPPATCH", "NOTIFY", "SUBSCRIBE", "UNSUBSCRIBE",
	"M-SEARCH", "CCM_POST", "RPC_CONNECT", "RPC_IN_DATA", "RPC_OUT_DATA",
}

// httpMaxWord is the length of the longest method ("BASELINE-CONTROL").
const httpMaxWord = 16

func isMethod(s []byte) bool {
	for k := range httpMethods {
		if string(s) == httpMethods[k] {
			return true
		}
	}
	return false
}

// Kind returns what the segment starts with: a request line
// "METHOD URI HTTP/x.y" with a method Wireshark knows, a status line
// "HTTP/x.y NNN phrase", or neither.
func (h HTTP) Kind() HTTPKind {
	// Unless it may be a status line, the first word decides before the
	// line is looked for: most segments that start with neither (a
	// body's) fail here, within the longest method's 16 bytes.
	if len(h) < 5 || string(h[:5]) != "HTTP/" {
		i, n := 0, min(len(h), httpMaxWord+1)
		for i < n && h[i] != ' ' && h[i] != '\r' && h[i] != '\n' {
			i++
		}
		if i == n || h[i] != ' ' || !isMethod(h[:i]) {
			return HTTPContinuation
		}
	}
	line, ok := h.FirstLine()
	if !ok {
		return HTTPContinuation
	}
	first, rest := splitSP(line)
	if isHTTPVersion(first) {
		code, _ := splitSP(rest)
		if len(code) == 3 && isDigit(code[0]) && isDigit(code[1]) && isDigit(code[2]) {
			return HTTPResponse
		}
		return HTTPContinuation
	}
	if !isMethod(first) {
		return HTTPContinuation
	}
	uri, ver := splitSP(rest)
	if len(uri) == 0 || !isHTTPVersion(ver) {
		return HTTPContinuation
	}
	return HTTPRequest
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// Method returns the request method (nil unless Kind is HTTPRequest).
func (h HTTP) Method() []byte {
	if h.Kind() != HTTPRequest {
		return nil
	}
	line, _ := h.FirstLine()
	m, _ := splitSP(line)
	return m
}

// URI returns the request target (nil unless Kind is HTTPRequest).
func (h HTTP) URI() []byte {
	if h.Kind() != HTTPRequest {
		return nil
	}
	line, _ := h.FirstLine()
	_, rest := splitSP(line)
	uri, _ := splitSP(rest)
	return uri
}

// Version returns the HTTP version of a request or status line
// ("HTTP/1.1"), or nil.
func (h HTTP) Version() []byte {
	line, _ := h.FirstLine()
	switch h.Kind() {
	case HTTPRequest:
		_, rest := splitSP(line)
		_, ver := splitSP(rest)
		return ver
	case HTTPResponse:
		v, _ := splitSP(line)
		return v
	}
	return nil
}

// StatusCode returns the status code of a response (0 otherwise).
func (h HTTP) StatusCode() int {
	if h.Kind() != HTTPResponse {
		return 0
	}
	line, _ := h.FirstLine()
	_, rest := splitSP(line)
	return int(rest[0]-'0')*100 + int(rest[1]-'0')*10 + int(rest[2]-'0')
}

// Phrase returns the reason phrase of a response ("OK"), or nil.
func (h HTTP) Phrase() []byte {
	if h.Kind() != HTTPResponse {
		return nil
	}
	line, _ := h.FirstLine()
	_, rest := splitSP(line)
	_, phrase := splitSP(rest)
	return phrase
}

// HTTPHeader is one header field line.
type HTTPHeader struct {
	Name, Value []byte
	Line        []byte // the whole line, without its ending
}

// NextHeader returns the header field at offset off of the segment (0
// means the first one, after the start line) and the offset of the next;
// ok is false at the empty line that ends the header section, at the end
// of the captured bytes and for a segment that is not a request or a
// response.
func (h HTTP) NextHeader(off int) (f HTTPHeader, next int, ok bool) {
	if off == 0 {
		if h.Kind() == HTTPContinuation {
			return f, len(h), false
		}
		_, off, _ = h.nextLine(0)
	}
	line, next, ok := h.nextLine(off)
	if !ok || len(line) == 0 {
		return f, next, false
	}
	return splitHeader(line), next, true
}

// splitHeader splits a header field line into its name and its value (the
// blanks around it left out).
func splitHeader(line []byte) (f HTTPHeader) {
	f.Line = line
	for i, c := range line {
		if c == ':' {
			f.Name = line[:i]
			v := line[i+1:]
			for len(v) > 0 && (v[0] == ' ' || v[0] == '\t') {
				v = v[1:]
			}
			for len(v) > 0 && (v[len(v)-1] == ' ' || v[len(v)-1] == '\t') {
				v = v[:len(v)-1]
			}
			f.Value = v
			return f
		}
	}
	f.Name = line
	return f
}

// HeaderEnd returns the offset just after the empty line that ends the
// header section, or -1 when it was not captured.
func (h HTTP) HeaderEnd() int {
	if h.Kind() == HTTPContinuation {
		return -1
	}
	_, off, _ := h.nextLine(0)
	for off < len(h) {
		line, next, ok := h.nextLine(off)
		if !ok {
			return -1
		}
		if len(line) == 0 {
			return next
		}
		off = next
	}
	return -1
}

// Header returns the value of the first header field named name (compared
// without regard to case), or nil.
func (h HTTP) Header(name string) []byte {
	for off := 0; ; {
		f, next, ok := h.NextHeader(off)
		if !ok {
			return nil
		}
		if equalFold(f.Name, name) {
			return f.Value
		}
		off = next
	}
}

// Host returns the Host header's value, or nil.
func (h HTTP) Host() []byte { return h.Header("Host") }

// equalFold compares ASCII b and s without regard to case.
func equalFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range len(b) {
		x, y := b[i], s[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// decodeHTTP claims the whole TCP payload. The layer is marked truncated
// when the capture holds less of the segment than the IP header announces.
func (d *Decoder) decodeHTTP(l *Layer) LayerType {
	l.Payload = l.End
	if _, err := ParseHTTP(d.bytes(l)); err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	if d.n > 0 && (d.layers[d.n-1].Type == LayerTCP || d.layers[d.n-1].Type == LayerUDP) &&
		l.Start+d.tcpWirePayload(d.n-1) > l.End {
		l.Malformed = ReasonTruncated
	}
	return LayerNone
}

// tcpWirePayload returns how many payload bytes the IP header before TCP
// (or UDP) layer k announces after that layer's header; without an IP
// header, the bytes captured.
func (d *Decoder) tcpWirePayload(k int) int {
	t := &d.layers[k]
	hdr := t.Payload - t.Start
	ext := 0
	for j := k - 1; j >= 0; j-- {
		l := &d.layers[j]
		switch l.Type {
		case LayerIPv4:
			ip := IPv4(d.data[l.Start:l.Payload])
			return int(ip.TotalLength()) - ip.HeaderLen() - ext - hdr
		case LayerIPv6:
			ip := IPv6(d.data[l.Start:l.Payload])
			return int(ip.PayloadLength()) - ext - hdr
		case LayerIPv6HopByHop, LayerIPv6Routing, LayerIPv6Fragment, LayerIPv6DestOpts:
			ext += l.Payload - l.Start
		}
	}
	return t.End - t.Payload
}
