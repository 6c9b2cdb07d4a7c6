package decode

// emitHTTP emits the http member: request.method, request.uri,
// request.version or response.version, response.code, response.phrase,
// then the known headers (host, user_agent …) under Wireshark's names.
func emitHTTP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	h := HTTP(d.data[l.Start:l.End])
	e.Proto(&protoHTTP)
	switch h.Kind() {
	case HTTPRequest:
		e.Bool(&httpFields[httpRequest], true)
		e.Bytes(&httpFields[httpRequestMethod], h.Method())
		e.Bytes(&httpFields[httpRequestURI], h.URI())
		e.Bytes(&httpFields[httpRequestVersion], h.Version())
	case HTTPResponse:
		e.Bool(&httpFields[httpResponse], true)
		e.Bytes(&httpFields[httpResponseVersion], h.Version())
		e.Uint(&httpFields[httpResponseCode], uint64(h.StatusCode()))
		e.Bytes(&httpFields[httpResponsePhrase], h.Phrase())
	default:
		e.End()
		return
	}
	var seen [len(httpHeaderFields)]bool
	for off := 0; ; {
		f, next, ok := h.NextHeader(off)
		if !ok {
			break
		}
		off = next
		for k := range httpHeaderFields {
			if hf := &httpHeaderFields[k]; (!seen[k] || e.all) && equalFold(f.Name, hf.name) {
				seen[k] = true
				e.Bytes(&httpFields[hf.field], f.Value)
				break
			}
		}
	}
	e.End()
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
}

var protoHTTP = protoField("http", "Hypertext Transfer Protocol")
