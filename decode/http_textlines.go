package decode

// Line-based text data (Wireshark's data-text-lines): the body of an HTTP
// message whose media type is text, drawn a line at a time
// ("Line-based text data: text/html (1820 lines)", then each line with its
// ending escaped). The protocol has no field of its own: JSON shows its
// lines as text, -T fields nothing.

var protoTextLines = protoField("data-text-lines", "Line-based text data")

// httpTextMedia reports whether tshark hands a body of media type mt (a
// Content-Type value) to data-text-lines.
func httpTextMedia(mt []byte) bool {
	mt = httpMediaType(mt)
	for _, s := range [...]string{"text/html", "text/plain", "text/css"} {
		if equalFold(mt, s) {
			return true
		}
	}
	return false
}

// httpBodyText reports whether the HTTP message h, whose header section
// ends at end, has a body tshark draws as data-text-lines.
func httpBodyText(h HTTP, end int) bool {
	if end < 0 || end >= len(h) {
		return false
	}
	ct := h.Header("Content-Type")
	return ct != nil && httpTextMedia(ct)
}

// emitTextLines emits body, the entity of HTTP message h, as
// data-text-lines when its media type is text.
func emitTextLines(e *emitter, h HTTP, body []byte) {
	if len(body) == 0 || !httpBodyText(h, h.HeaderEnd()) {
		return
	}
	emitTextLinesOf(e, httpMediaType(h.Header("Content-Type")), body)
}

// emitTextLinesOf emits body, of media type mt, as data-text-lines.
func emitTextLinesOf(e *emitter, mt, body []byte) {
	e.Proto(&protoTextLines)
	if e.Tree() {
		n := 0
		for k := 0; k < len(body); {
			n++
			k = textLineEnd(body, k)
		}
		b := append(e.Text(), "Line-based text data: "...)
		for _, c := range mt {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		b = appendUint(append(b, " ("...), uint64(n))
		e.SetRepr(append(b, " lines)"...))
		for k := 0; k < len(body); {
			next := textLineEnd(body, k)
			e.Line(appendTreeString(e.Text(), body[k:next]))
			k = next
		}
	}
	e.End()
}

// textLineEnd returns the offset after the line of body that starts at k
// (after its LF, or the end).
func textLineEnd(body []byte, k int) int {
	for j := k; j < len(body); j++ {
		if body[j] == '\n' {
			return j + 1
		}
	}
	return len(body)
}

// appendHTTPClosed appends to frame.protocols, after the TCP layer that
// ends the packet, the message a FIN ended (httpClose).
func appendHTTPClosed(b []byte, d *Decoder, i int, conv *convResults) []byte {
	if i+1 != d.n || conv == nil || !conv.http.closed {
		return b
	}
	b = append(b, ":http"...)
	if conv.http.text {
		b = append(b, ":data-text-lines"...)
	}
	return b
}

// appendHTTPProtocols appends HTTP layer i's part of frame.protocols:
// http, and data-text-lines after it for a text body.
func appendHTTPProtocols(b []byte, d *Decoder, i int, conv *convResults) []byte {
	b = append(b, "http"...)
	l := &d.layers[i]
	h := HTTP(d.data[l.Start:l.End])
	if conv != nil && conv.http.layer == i && (conv.http.ok && conv.http.part || !conv.http.cont.ok) {
		if conv.http.text {
			b = append(b, ":data-text-lines"...)
		}
		return b
	}
	if h.Kind() == HTTPContinuation {
		// emitHTTPCont's Data or text lines, after any header lines.
		s := scanHTTPCont(h)
		switch {
		case s.binary:
			return append(b, ":data"...)
		case s.malformed || s.body == len(h):
			return b
		case s.ctype != nil && httpTextMedia(s.ctype):
			return append(b, ":data-text-lines"...)
		}
		return append(b, ":data"...)
	}
	if httpBodyText(h, h.HeaderEnd()) {
		b = append(b, ":data-text-lines"...)
	}
	return b
}
