package decode

import "strconv"

// emitHTTP emits the http member: request.method, request.uri,
// request.version or response.version, response.code, response.phrase,
// then the known headers (host, user_agent …) under Wireshark's names,
// in the order and nesting of tshark's tree: the start line and its
// expert note, its parts beneath, each header's line as it is, the empty
// line, the full URI and the body's length.
func emitHTTP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	h := HTTP(d.data[l.Start:l.End])
	if nt := &e.conv.http; e.conv != nil && nt.ok && nt.layer == i && nt.part {
		if !nt.done {
			return // tshark hands a segment of a message a later one completes to no dissector
		}
		h = HTTP(nt.pdu)
	}
	f := &httpFields
	e.Proto(&protoHTTP)
	kind := h.Kind()
	if kind == HTTPContinuation {
		emitHTTPCont(e, h, l.Start)
		return
	}
	if kind != HTTPRequest && kind != HTTPResponse {
		e.End()
		return
	}
	_, next, _ := h.nextLine(0)
	// The start line, a text item with tshark's expert note (http.chat)
	// beneath it.
	if e.Tree() {
		e.Line(appendTreeString(e.Text(), h[:next]))
	}
	e.Sub()
	e.Expert(true)
	e.None(&f[httpChat])
	e.Expert(false)
	e.NoTree()
	if e.Tree() {
		httpExpertLines(e, h[:next])
	}
	e.Up()
	e.Sub()
	if kind == HTTPRequest {
		e.Bool(&f[httpRequest], true)
		e.NoTree()
		e.Bytes(&f[httpRequestMethod], h.Method())
		e.Bytes(&f[httpRequestURI], h.URI())
		emitHTTPURIParts(e, h.URI())
		e.Bytes(&f[httpRequestVersion], h.Version())
	} else {
		e.Bool(&f[httpResponse], true)
		e.NoTree()
		e.Bytes(&f[httpResponseVersion], h.Version())
		e.Uint(&f[httpResponseCode], uint64(h.StatusCode()))
		if desc := httpStatusText(h.StatusCode()); desc != "" {
			e.String(&f[httpResponseCodeDesc], desc)
		}
		e.Bytes(&f[httpResponsePhrase], h.Phrase())
	}
	e.Up()
	var seen [len(httpHeaderFields)]bool
	// Each header's line is also http.request.line (http.response.line):
	// the tree draws it for the headers without a field of their own.
	// JSON shows the first.
	lineField := &f[httpRequestLine]
	if kind == HTTPResponse {
		lineField = &f[httpResponseLine]
	}
	lines := e.all || e.Tree()
	lined := false
	off := next
	for {
		hd, n, ok := h.NextHeader(off)
		if !ok {
			break
		}
		line := h[off:n]
		off = n
		shown := false
		for k := range httpHeaderFields {
			if hf := &httpHeaderFields[k]; equalFold(hd.Name, hf.name) {
				if !seen[k] || e.all {
					seen[k] = true
					shown = true
					e.Bytes(&f[hf.field], hd.Value)
				}
				break
			}
		}
		// The tree shows the header's line as it is.
		if shown && e.Tree() {
			e.SetRepr(appendTreeString(e.Text(), line))
		}
		if !shown && (lines || !lined) {
			lined = true
			e.Bytes(lineField, line)
			if e.Tree() {
				e.SetRepr(appendTreeString(e.Text(), line))
			}
		}
		if equalFold(hd.Name, "Content-Length") && (shown || e.Tree()) {
			if v, err := strconv.ParseUint(string(hd.Value), 10, 64); err == nil {
				e.Sub()
				e.Uint(&f[httpContentLenValue], v)
				e.Up()
			}
		}
		if shown && (lines || !lined) {
			lined = true
			e.Bytes(lineField, line)
			e.NoTree()
		}
	}
	if end := h.HeaderEnd(); end > 0 {
		if e.Tree() {
			e.Line(appendTreeString(e.Text(), h[off:end]))
		}
		if kind == HTTPRequest {
			if host := h.Host(); host != nil {
				e.TextDone(&f[httpFullURI], append(append(append(e.Text(), "http://"...), host...), h.URI()...))
			}
		}
		if nt := &e.conv.http; e.conv != nil && nt.layer == i && nt.pair.ok {
			emitHTTPPairing(e, &nt.pair)
		}
		if end < len(h) {
			body := emitHTTPBody(e, h, end, kind)
			e.End()
			emitTextLines(e, h, body)
			return
		}
	}
	e.End()
}

// emitHTTPBody emits the body after the header section (which ends at
// end): a chunked body's chunks, then the entity as http.file_data, "File
// Data: N bytes" in the tree. It returns the entity (de-chunked), which
// may alias the emitter's text buffer until the next value is added.
func emitHTTPBody(e *emitter, h HTTP, end int, kind HTTPKind) []byte {
	f := &httpFields
	body := []byte(h[end:])
	if te := h.Header("Transfer-Encoding"); te != nil && httpChunkedTE(te) {
		if stop, ok := httpChunksEnd(h, end); ok && stop == len(h) {
			emitHTTPChunks(e, h, end, kind)
			// The entity is the chunks' data, gathered in the text
			// buffer (kept there for the lines after).
			b := e.Text()
			off := len(b)
			for at := end; ; {
				c, _ := nextHTTPChunk(h, at)
				if c.size == 0 {
					break
				}
				b = append(b, h[c.data:c.boundary]...)
				at = c.next
			}
			e.aux = b
			body = b[off:]
		}
	}
	// tshark reads the entity as an ASCII string.
	e.TextDone(&f[httpFileData], appendASCIIString(e.Text(), body))
	if e.Tree() {
		e.SetRepr(appendBytesBits(append(e.Text(), "File Data: "...), len(body)))
	}
	return body
}

// emitHTTPChunks emits a chunked body whose chunks h holds whole, from
// end: tshark's "HTTP chunked response" subtree, a "Data chunk (N octets)"
// subtree per chunk with its size, data and boundary, the last chunk's
// "End of chunked encoding" and the trailer's end. JSON takes the first
// chunk's fields.
func emitHTTPChunks(e *emitter, h HTTP, end int, kind HTTPKind) {
	f := &httpFields
	tree := e.Tree()
	if tree {
		if kind == HTTPRequest {
			e.LineString("HTTP chunked request")
		} else {
			e.LineString("HTTP chunked response")
		}
	}
	e.Sub()
	at := end
	for k := 0; ; k++ {
		c, _ := nextHTTPChunk(h, at)
		at = c.next
		if tree {
			if c.size == 0 {
				e.LineString("End of chunked encoding")
			} else {
				b := appendUint(append(e.Text(), "Data chunk ("...), c.size)
				e.Line(append(b, " octets)"...))
			}
		}
		e.Sub()
		if k == 0 || e.all || tree {
			e.Uint(&f[httpChunkSize], c.size)
			if tree {
				b := appendUint(append(e.Text(), "Chunk size: "...), c.size)
				if c.size == 1 {
					e.SetRepr(append(b, " octet"...))
				} else {
					e.SetRepr(append(b, " octets"...))
				}
			}
			if c.size > 0 {
				e.Bytes(&f[httpChunkData], h[c.data:c.boundary])
				e.Bytes(&f[httpChunkBoundary], h[c.boundary:c.next])
			}
		}
		e.Up()
		if c.size == 0 {
			break
		}
	}
	// The trailer's lines and the empty line that ends it.
	for {
		line, next, _ := h.nextLine(at)
		if tree {
			e.Line(appendTreeString(e.Text(), h[at:next]))
		}
		at = next
		if len(line) == 0 {
			break
		}
	}
	e.Up()
}

// httpExpertLines adds the expert block tshark draws under an HTTP
// message's start line: ExpertLine's lines, the line's control bytes
// escaped as the tree shows them.
func httpExpertLines(e *emitter, line []byte) {
	e.Line(append(appendTreeString(append(e.Text(), "[Expert Info (Chat/Sequence): "...), line), ']'))
	e.Sub()
	e.Line(append(appendTreeString(append(e.Text(), '['), line), ']'))
	e.LineString("[Severity level: Chat]")
	e.LineString("[Group: Sequence]")
	e.Up()
}

// httpHeaderFields maps header names to the Wireshark fields (http.host,
// http.user_agent …) that hold their values.
var httpHeaderFields = [...]struct {
	name  string
	field int
}{
	{"Host", httpHost},
	{"User-Agent", httpUserAgent},
	{"Accept", httpAccept},
	{"Accept-Encoding", httpAcceptEncoding},
	{"Accept-Language", httpAcceptLanguage},
	{"Authorization", httpAuthorization},
	{"Cache-Control", httpCacheControl},
	{"Connection", httpConnection},
	{"Content-Encoding", httpContentEncoding},
	{"Content-Length", httpContentLengthHeader},
	{"Content-Type", httpContentType},
	{"Cookie", httpCookie},
	{"Date", httpDate},
	{"Last-Modified", httpLastModified},
	{"Location", httpLocation},
	{"Referer", httpReferer},
	{"Server", httpServer},
	{"Set-Cookie", httpSetCookie},
	{"Transfer-Encoding", httpTransferEncoding},
	{"X-Forwarded-For", httpXForwardedFor},
}

const (
	httpRequest = iota
	httpRequestMethod
	httpRequestURI
	httpRequestVersion
	httpResponse
	httpResponseVersion
	httpResponseCode
	httpResponseCodeDesc
	httpResponsePhrase
	httpHost
	httpUserAgent
	httpAccept
	httpAcceptEncoding
	httpAcceptLanguage
	httpAuthorization
	httpCacheControl
	httpConnection
	httpContentEncoding
	httpContentLengthHeader
	httpContentType
	httpCookie
	httpDate
	httpLastModified
	httpLocation
	httpReferer
	httpServer
	httpSetCookie
	httpTransferEncoding
	httpXForwardedFor
	httpContentLenValue
	httpFullURI
	httpRequestLine
	httpResponseLine
	httpChat
	httpFileData
	httpChunkSize
	httpChunkData
	httpChunkBoundary
	httpRequestNumber
	httpResponseNumber
	httpTime
	httpPrevRequestIn
	httpPrevResponseIn
	httpRequestIn
	httpResponseForURI
	httpRequestURIPath
	httpRequestURIQuery
	httpRequestURIQueryParam
	httpUnknownHeader
	httpBadHeaderName
	httpLeadingCRLF
	httpFieldCount
)

var httpFields = [httpFieldCount]Field{
	httpRequest:             {Name: "http.request", Label: "Request", Kind: KindBool},
	httpRequestMethod:       {Name: "http.request.method", Label: "Request Method", Kind: KindString},
	httpRequestURI:          {Name: "http.request.uri", Label: "Request URI", Kind: KindString},
	httpRequestVersion:      {Name: "http.request.version", Label: "Request Version", Kind: KindString},
	httpResponse:            {Name: "http.response", Label: "Response", Kind: KindBool},
	httpResponseVersion:     {Name: "http.response.version", Label: "Response Version", Kind: KindString},
	httpResponseCode:        {Name: "http.response.code", Label: "Status Code", Kind: KindUint, Width: 16},
	httpResponseCodeDesc:    {Name: "http.response.code.desc", Label: "Status Code Description", Kind: KindString, Generated: true},
	httpResponsePhrase:      {Name: "http.response.phrase", Label: "Response Phrase", Kind: KindString},
	httpHost:                {Name: "http.host", Label: "Host", Kind: KindString},
	httpUserAgent:           {Name: "http.user_agent", Label: "User-Agent", Kind: KindString},
	httpAccept:              {Name: "http.accept", Label: "Accept", Kind: KindString},
	httpAcceptEncoding:      {Name: "http.accept_encoding", Label: "Accept Encoding", Kind: KindString},
	httpAcceptLanguage:      {Name: "http.accept_language", Label: "Accept-Language", Kind: KindString},
	httpAuthorization:       {Name: "http.authorization", Label: "Authorization", Kind: KindString},
	httpCacheControl:        {Name: "http.cache_control", Label: "Cache-Control", Kind: KindString},
	httpConnection:          {Name: "http.connection", Label: "Connection", Kind: KindString},
	httpContentEncoding:     {Name: "http.content_encoding", Label: "Content-Encoding", Kind: KindString},
	httpContentLengthHeader: {Name: "http.content_length_header", Label: "Content-Length", Kind: KindString},
	httpContentType:         {Name: "http.content_type", Label: "Content-Type", Kind: KindString},
	httpCookie:              {Name: "http.cookie", Label: "Cookie", Kind: KindString},
	httpDate:                {Name: "http.date", Label: "Date", Kind: KindString},
	httpLastModified:        {Name: "http.last_modified", Label: "Last-Modified", Kind: KindString},
	httpLocation:            {Name: "http.location", Label: "Location", Kind: KindString},
	httpReferer:             {Name: "http.referer", Label: "Referer", Kind: KindString},
	httpServer:              {Name: "http.server", Label: "Server", Kind: KindString},
	httpSetCookie:           {Name: "http.set_cookie", Label: "Set-Cookie", Kind: KindString},
	httpTransferEncoding:    {Name: "http.transfer_encoding", Label: "Transfer-Encoding", Kind: KindString},
	httpXForwardedFor:       {Name: "http.x_forwarded_for", Label: "X-Forwarded-For", Kind: KindString},
	httpContentLenValue:     {Name: "http.content_length", Label: "Content length", Kind: KindUint, Width: 64, Generated: true},
	httpFullURI:             {Name: "http.request.full_uri", Label: "Full request URI", Kind: KindString, Generated: true},
	// Each header's line, CR LF included.
	httpRequestLine:  {Name: "http.request.line", Label: "Request line", Kind: KindString},
	httpResponseLine: {Name: "http.response.line", Label: "Response line", Kind: KindString},
	// The expert item of the start line.
	httpChat: {Name: "http.chat", Label: "Formatted text", Kind: KindNone},
	// The message's body, as it follows the headers.
	httpFileData: {Name: "http.file_data", Label: "File Data", Kind: KindString},
	// A chunked body's chunks.
	httpChunkSize:     {Name: "http.chunk_size", Label: "Chunk size", Kind: KindUint, Width: 32},
	httpChunkData:     {Name: "http.chunk_data", Label: "Chunk data", Kind: KindBytes},
	httpChunkBoundary: {Name: "http.chunk_boundary", Label: "Chunk boundary", Kind: KindBytes},
	// The pairing of requests and responses (http_pair.go).
	httpRequestNumber:  {Name: "http.request_number", Label: "Request number", Kind: KindUint, Width: 32, Generated: true},
	httpResponseNumber: {Name: "http.response_number", Label: "Response number", Kind: KindUint, Width: 32, Generated: true},
	httpTime:           {Name: "http.time", Label: "Time since request", Kind: KindRelTime, Generated: true},
	httpPrevRequestIn:  {Name: "http.prev_request_in", Label: "Prev request in frame", Kind: KindFrameNum, Generated: true},
	httpPrevResponseIn: {Name: "http.prev_response_in", Label: "Prev response in frame", Kind: KindFrameNum, Generated: true},
	httpRequestIn:      {Name: "http.request_in", Label: "Request in frame", Kind: KindFrameNum, Generated: true},
	httpResponseForURI: {Name: "http.response_for.uri", Label: "Request URI", Kind: KindString, Generated: true},
	// The request URI's parts, beneath it when it has a query.
	httpRequestURIPath:       {Name: "http.request.uri.path", Label: "Request URI Path", Kind: KindString},
	httpRequestURIQuery:      {Name: "http.request.uri.query", Label: "Request URI Query", Kind: KindString},
	httpRequestURIQueryParam: {Name: "http.request.uri.query.parameter", Label: "Request URI Query Parameter", Kind: KindString},
	// A continuation's header-like lines (http_cont.go).
	httpUnknownHeader: {Name: "http.unknown_header", Label: "Unknown header", Kind: KindString},
	httpBadHeaderName: {Name: "http.bad_header_name", Label: "Illegal characters found in header name", Kind: KindNone},
	httpLeadingCRLF:   {Name: "http.leading_crlf", Label: "Leading CRLF previous message in the stream may have extra CRLF", Kind: KindNone},
}

var protoHTTP = protoField("http", "Hypertext Transfer Protocol")
