package decode

import "strconv"

// tcpdumpHTTPMethods are the request methods after which tcpdump 4.99 prints
// an HTTP segment's first line (checked against tcpdump one by one).
var tcpdumpHTTPMethods = [...]string{
	"BASELINE-CONTROL", "BCOPY", "BDELETE", "BMOVE", "BPROPFIND", "BPROPPATCH",
	"CCM_POST", "CHECKIN", "CHECKOUT", "CONNECT", "COPY", "DELETE", "GET", "HEAD",
	"LABEL", "LOCK", "MERGE", "MKACTIVITY", "MKCOL", "MKWORKSPACE", "MOVE",
	"NOTIFY", "OPTIONS", "POLL", "POST", "PROPFIND", "PROPPATCH", "PUT", "REPORT",
	"RPC_CONNECT", "SEARCH", "SUBSCRIBE", "TRACE", "UNCHECKOUT", "UNLOCK",
	"UNSUBSCRIBE", "UPDATE", "VERSION-CONTROL",
}

// textSeg is a text protocol's segment as tcpdump walks it: cap holds the
// captured bytes of a payload whose length on the wire is wire.
type textSeg struct {
	cap  []byte
	wire int
}

// token returns the token at idx (ended by white space) and the offset of
// the next one, as tcpdump splits a command line; next is 0 when there is
// no token, the bytes are not printable ASCII or the capture ends first.
func (s textSeg) token(idx int) (tok []byte, next int) {
	start := idx
	for ; idx < s.wire; idx++ {
		if idx >= len(s.cap) {
			return nil, 0
		}
		c := s.cap[idx]
		if c >= 0x80 {
			return nil, 0
		}
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			break
		}
		if c < 0x20 || c > 0x7e || idx-start+2 > 129 {
			return nil, 0
		}
	}
	if idx == start {
		return nil, 0
	}
	tok = s.cap[start:idx]
	for ; idx < s.wire && idx < len(s.cap); idx++ {
		if c := s.cap[idx]; c != ' ' {
			break
		}
	}
	return tok, idx
}

// printable reports whether tcpdump prints an HTTP segment's text: it
// starts with a known method or its second token is a 3-digit status code.
func (s textSeg) printable() bool {
	tok, idx := s.token(0)
	if idx == 0 {
		return false
	}
	for k := range tcpdumpHTTPMethods {
		if equalFold(tok, tcpdumpHTTPMethods[k]) {
			return true
		}
	}
	tok, idx = s.token(idx)
	return idx != 0 && len(tok) == 3 && isDigit(tok[0]) && isDigit(tok[1]) && isDigit(tok[2])
}

// line appends the text line at idx after prefix, as tcpdump does, and
// returns the offset of the next line; next is 0 when printing stops
// (binary data, a bare CR, the end of the payload or of the capture, the
// last two marked "[|proto]" after what was printed).
func (s textSeg) line(b []byte, prefix string, idx int, trunc string) (_ []byte, next int) {
	start := idx
	for idx < s.wire {
		if idx >= len(s.cap) {
			return append(b, trunc...), 0
		}
		switch c := s.cap[idx]; {
		case c == '\n':
			b = append(b, prefix...)
			return append(b, s.cap[start:idx]...), idx + 1
		case c == '\r':
			if idx+1 >= s.wire {
				return b, 0
			}
			if idx+1 >= len(s.cap) {
				return append(b, trunc...), 0
			}
			if s.cap[idx+1] != '\n' {
				return b, 0
			}
			b = append(b, prefix...)
			return append(b, s.cap[start:idx]...), idx + 2
		case (c < 0x20 || c > 0x7e) && c != '\t':
			return b, 0
		}
		idx++
	}
	b = append(b, prefix...)
	b = append(b, s.cap[start:idx]...)
	return append(b, trunc...), 0
}

// lineHTTP appends what tcpdump prints for a segment on port 80 or 8080:
// "HTTP: <first line>" for a request or response, all the lines with -v,
// and "HTTP" alone for anything else. On rawcap's other HTTP ports it
// prints nothing, as tcpdump.
func (p *LinePrinter) lineHTTP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	s := textSeg{cap: d.data[l.Start:l.End], wire: l.End - l.Start}
	if i > 0 && d.layers[i-1].Type == LayerTCP {
		s.wire = d.tcpWirePayload(i - 1)
		tl := &d.layers[i-1]
		t := TCP(d.data[tl.Start:tl.Payload])
		if sp, dp := t.SrcPort(), t.DstPort(); sp != 80 && dp != 80 && sp != 8080 && dp != 8080 {
			// tcpdump prints HTTP on ports 80 and 8080 only.
			return p.lineNothing(b, d, i)
		}
	}
	b = append(b, "HTTP"...)
	show := s.printable()
	if p.Options.Verbose == 0 {
		if show {
			b, _ = s.line(b, ": ", 0, " [|http]")
		}
		return b
	}
	if !show {
		return b
	}
	b = append(b, ", length: "...)
	b = strconv.AppendInt(b, int64(s.wire), 10)
	for idx := 0; idx < s.wire; {
		b, idx = s.line(b, "\n\t", idx, " [|http]")
		if idx == 0 {
			break
		}
	}
	return b
}

// appendTreeText appends packet text with CR, LF, tab and other control
// bytes escaped as tshark escapes them.
func appendTreeText(b, s []byte) []byte {
	for _, c := range s {
		switch {
		case c == '\r':
			b = append(b, '\\', 'r')
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\t':
			b = append(b, '\\', 't')
		case c == '\\':
			b = append(b, '\\', '\\')
		case c < 0x20 || c >= 0x7f:
			b = append(b, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
		default:
			b = append(b, c)
		}
	}
	return b
}

// httpStatusText returns Wireshark's description of a status code (RFC
// 9110 section 15), or "".
func httpStatusText(code int) string {
	switch code {
	case 100:
		return "Continue"
	case 101:
		return "Switching Protocols"
	case 200:
		return "OK"
	case 201:
		return "Created"
	case 202:
		return "Accepted"
	case 204:
		return "No Content"
	case 206:
		return "Partial Content"
	case 301:
		return "Moved Permanently"
	case 302:
		return "Found"
	case 303:
		return "See Other"
	case 304:
		return "Not Modified"
	case 307:
		return "Temporary Redirect"
	case 308:
		return "Permanent Redirect"
	case 400:
		return "Bad Request"
	case 401:
		return "Unauthorized"
	case 403:
		return "Forbidden"
	case 404:
		return "Not Found"
	case 405:
		return "Method Not Allowed"
	case 500:
		return "Internal Server Error"
	case 501:
		return "Not Implemented"
	case 502:
		return "Bad Gateway"
	case 503:
		return "Service Unavailable"
	case 504:
		return "Gateway Timeout"
	}
	return ""
}
