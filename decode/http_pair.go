package decode

// HTTP/1.x requests and responses paired in capture order, as tshark does
// in one pass: each TCP conversation numbers its exchanges. A request
// opens the next exchange; a response completes the last one if that has
// a request and no response yet, and otherwise opens an exchange of its
// own. Each message shows its exchange's number and the count so far
// ("[HTTP response 2/2]"), the previous exchange's request and response
// frames, and a response the request it answers, the time since it and
// the conversation's last request URI.
//
// The conversations are kept in httpMaxPairs entries direct-mapped by the
// tracker's slot: a conversation whose entry another took starts counting
// again at its next message. A URI longer than httpURIMax bytes is not
// kept (responses then show no Request URI).

const (
	httpMaxPairs = 256
	httpURIMax   = 2048
)

// httpExchange is one request and its response (frame 0: none).
type httpExchange struct {
	reqFrame, respFrame uint32
	reqTime             nstime
}

// httpConv is the pairing state of one TCP conversation.
type httpConv struct {
	slot     int32 // the tracker's slot; -1: free
	stream   uint32
	count    uint32       // exchanges so far
	last     httpExchange // exchange number count
	prev     httpExchange // exchange number count-1
	uri      []byte       // the last request's URI (full when it named a host)
	uriKnown bool
	lastHead bool // the last exchange's request is a HEAD
	sawReq   bool // a request was seen: tshark calls what follows HTTP
}

// httpPairNote is what the pairing found for a packet's HTTP message.
type httpPairNote struct {
	ok        bool
	request   bool
	num       uint32 // the exchange's number; the count so far is the same in one pass
	prevReq   uint32
	prevResp  uint32
	reqIn     uint32 // a response's request (0: none)
	delta     nstime // the time since that request
	uriKnown  bool   // uri holds the conversation's last request URI
	uri       []byte // the tracker's buffer until the next packet; a Note copies it
	uriBuffer []byte // the note's own buffer for uri
}

// httpPair numbers message h (a request or a response, whole, its start
// read in hd), the HTTP layer of the packet described by f, in its
// conversation.
func (d *Decoder) httpPair(f *Frame, seg *tcpSegment, h HTTP, hd *httpHead, nt *httpPairNote) {
	nt.ok = false
	kind := hd.kind
	if kind != HTTPRequest && kind != HTTPResponse {
		return
	}
	s := d.httpSt
	if s.convs == nil {
		s.convs = make([]httpConv, httpMaxPairs)
		for k := range s.convs {
			s.convs[k].slot = -1
		}
	}
	c := &s.convs[int(seg.slot)%httpMaxPairs]
	if c.slot != seg.slot || c.stream != seg.Stream {
		uri := c.uri[:0]
		*c = httpConv{slot: seg.slot, stream: seg.Stream, uri: uri}
	}
	frame := uint32(f.Number)
	at := nstimeOf(f.Time)
	*nt = httpPairNote{ok: true, request: kind == HTTPRequest, uriBuffer: nt.uriBuffer}
	switch {
	case kind == HTTPRequest:
		c.sawReq = true
		c.count++
		c.prev, c.last = c.last, httpExchange{reqFrame: frame, reqTime: at}
		c.uriKnown = false
		m, _ := splitSP(h)
		c.lastHead = string(m) == "HEAD"
		line, _ := h.FirstLine()
		_, rest := splitSP(line)
		uri, _ := splitSP(rest)
		host := hd.host
		if n := len(uri) + len(host) + len("http://"); n <= httpURIMax {
			c.uri = c.uri[:0]
			if host != nil {
				c.uri = append(append(c.uri, "http://"...), host...)
			}
			c.uri = append(c.uri, uri...)
			c.uriKnown = true
		}
		nt.prevReq = c.prev.reqFrame
	case c.count > 0 && c.last.reqFrame != 0 && c.last.respFrame == 0:
		c.last.respFrame = frame
		nt.prevReq, nt.prevResp = c.prev.reqFrame, c.prev.respFrame
		nt.reqIn, nt.delta = c.last.reqFrame, at.sub(c.last.reqTime)
	default:
		c.count++
		c.prev, c.last = c.last, httpExchange{respFrame: frame}
		nt.prevReq, nt.prevResp = c.prev.reqFrame, c.prev.respFrame
	}
	nt.num = c.count
	if !nt.request && c.uriKnown {
		nt.uriKnown, nt.uri = true, c.uri
	}
}

// httpSawRequest reports whether the segment's conversation carried a
// request before.
func (d *Decoder) httpSawRequest(seg *tcpSegment) bool {
	s := d.httpSt
	if s == nil || s.convs == nil {
		return false
	}
	c := &s.convs[int(seg.slot)%httpMaxPairs]
	return c.slot == seg.slot && c.stream == seg.Stream && c.sawReq
}

// httpAnswersHead reports whether a response in the segment's
// conversation would answer a HEAD request (and so has no body).
func (d *Decoder) httpAnswersHead(seg *tcpSegment) bool {
	s := d.httpSt
	if s == nil || s.convs == nil {
		return false
	}
	c := &s.convs[int(seg.slot)%httpMaxPairs]
	return c.slot == seg.slot && c.stream == seg.Stream && c.lastHead && c.last.reqFrame != 0 && c.last.respFrame == 0
}

// emitHTTPPairing emits what the pairing found for the message: a
// request's number ("[HTTP request 1/1]") and the previous request's
// frame; a response's number, the time since its request, the previous
// exchange's frames, its request's frame and the last request URI.
func emitHTTPPairing(e *emitter, nt *httpPairNote) {
	f := &httpFields
	if nt.request {
		e.Uint(&f[httpRequestNumber], uint64(nt.num))
		httpNumberRepr(e, "HTTP request ", nt.num)
		if nt.prevReq != 0 {
			e.Uint(&f[httpPrevRequestIn], uint64(nt.prevReq))
		}
		return
	}
	e.Uint(&f[httpResponseNumber], uint64(nt.num))
	httpNumberRepr(e, "HTTP response ", nt.num)
	if nt.reqIn != 0 {
		e.relSeconds(&f[httpTime], nt.delta)
	}
	if nt.prevReq != 0 {
		e.Uint(&f[httpPrevRequestIn], uint64(nt.prevReq))
	}
	if nt.prevResp != 0 {
		e.Uint(&f[httpPrevResponseIn], uint64(nt.prevResp))
	}
	if nt.reqIn != 0 {
		e.Uint(&f[httpRequestIn], uint64(nt.reqIn))
	}
	if nt.uriKnown {
		e.Bytes(&f[httpResponseForURI], nt.uri)
	}
}

// httpNumberRepr draws the number just added as "HTTP request N/N".
func httpNumberRepr(e *emitter, what string, n uint32) {
	if e.Tree() {
		b := appendUint(append(e.Text(), what...), uint64(n))
		e.SetRepr(appendUint(append(b, '/'), uint64(n)))
	}
}

// emitHTTPURIParts emits, beneath the request URI, its path and its query
// and the query's parameters, when it has a query.
func emitHTTPURIParts(e *emitter, uri []byte) {
	q := -1
	for k, c := range uri {
		if c == '?' {
			q = k
			break
		}
	}
	if q < 0 {
		return
	}
	f := &httpFields
	e.Sub()
	e.Bytes(&f[httpRequestURIPath], uri[:q])
	query := uri[q+1:]
	e.Bytes(&f[httpRequestURIQuery], query)
	e.Sub()
	for {
		p, rest, more := query, []byte(nil), false
		for k, c := range query {
			if c == '&' {
				p, rest, more = query[:k], query[k+1:], true
				break
			}
		}
		e.Bytes(&f[httpRequestURIQueryParam], p)
		if !more || !e.all && !e.Tree() { // JSON takes the first
			break
		}
		query = rest
	}
	e.Up()
	e.Up()
}

// keep copies what the note refers to in the tracker's buffers.
func (nt *httpPairNote) keep(src *httpPairNote) {
	buf := nt.uriBuffer
	*nt = *src
	nt.uriBuffer = append(buf[:0], src.uri...)
	nt.uri = nt.uriBuffer
}
