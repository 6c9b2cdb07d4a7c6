package decode

// HTTP/1.x messages across TCP segments, as tshark reassembles them with
// its default preferences (headers and bodies desegmented): a segment that
// starts a message whose header section or body it does not hold whole,
// and the segments after it, show "TCP segment data (N bytes)" and no HTTP;
// the segment that ends the message lists the segments
// ("[6 Reassembled TCP Segments (54734 bytes): #3(4096), …]", tcp.segment*)
// and draws the whole message.
//
// The tracker (httpFrame) keeps the bytes of a message in progress per
// connection direction, in httpMaxReasm entries direct-mapped by the
// tracker's slot and the direction: a message started in another
// connection that maps to the same entry evicts the one in progress, whose
// later segments then show as the segments alone do. A message longer than
// httpReasmLen bytes or httpMaxSegs segments, a segment out of order, a
// retransmission or one cut short by the capture ends the reassembly in
// the same way. A body that runs to the connection's close (a response with
// neither Content-Length nor chunks) is not waited for. The buffers grow to
// the longest message seen and are then reused: no allocation per packet.

const (
	httpMaxReasm = 16      // messages in progress, over every connection
	httpReasmLen = 1 << 20 // longest message reassembled, in bytes
	httpMaxSegs  = 1024    // most segments a message is reassembled from
)

// httpReasm is a message in progress in one direction of a connection.
type httpReasm struct {
	slot   int32 // the tracker's slot; -1: free
	stream uint32
	dir    uint8
	next   uint32 // the relative sequence number the next segment starts at
	known  bool   // the message's length is known: tshark does not call HTTP for the next segment
	buf    []byte
	frames []uint32 // the segments' frames and lengths
	lens   []uint32
}

type httpState struct {
	reasm [httpMaxReasm]httpReasm
	convs []httpConv // by tracker slot (http_pair.go), allocated at the first message
}

// httpNote is what the tracker found for a packet's HTTP layer.
type httpNote struct {
	ok    bool
	layer int
	part  bool // the segment's bytes belong to a message reassembled across segments
	done  bool // the segment ends that message: pdu, frames and lens hold it
	pdu   []byte
	// frames and lens list the segments of pdu (the tracker's buffers
	// until the next packet; a Note copies them).
	frames, lens []uint32
	pair         httpPairNote // the message's place among its conversation's
	text         bool         // the message dissected has a text body (data-text-lines)
	fin          bool         // the segment that ends the message is a FIN
	// closed: a FIN without payload ended a body that runs to the
	// connection's close (httpClose); tshark dissects the message there.
	closed bool
	// For the packet list: middle, a segment tshark hands to no
	// dissector (the length was known before it); head, the start of the
	// message the segment belongs to (the tracker's buffer; a Note copies
	// it).
	middle bool
	head   []byte
	ctype  []byte // a closed message's media type (the tracker's buffer)
	// headBuf holds a Note's copy of head and ctype.
	headBuf []byte
	// cont: the layer starts with neither a request nor a status line
	// (http_cont.go); contMalformed: its lines run off its end.
	cont          httpContNote
	contMalformed bool
}

// httpPending reports whether the segment at HTTP layer i is part of a
// message that a later segment completes: tshark hands it to no dissector.
func httpPending(conv *convResults, i int) bool {
	return conv != nil && conv.http.ok && conv.http.layer == i && conv.http.part && !conv.http.done
}

// clear says the packet holds no HTTP message.
func (nt *httpNote) clear() {
	nt.ok, nt.part, nt.done, nt.pair.ok, nt.text, nt.fin, nt.closed = false, false, false, false, false, false, false
	nt.middle, nt.head, nt.ctype = false, nil, nil
	nt.cont, nt.contMalformed = httpContNote{}, false
	nt.layer = -1
}

// httpFrame follows the HTTP messages of the packet d last decoded (its
// first HTTP layer over TCP) and leaves what it found in r.http.
func (d *Decoder) httpFrame(f *Frame, r *convResults) {
	nt := &r.http
	nt.clear()
	h, hd, seg := d.httpMessage(f, r)
	if h != nil {
		d.httpPair(f, seg, h, &hd, &nt.pair)
		nt.text = hd.end >= 0 && hd.end < len(h) && hd.ct != nil && httpTextMedia(hd.ct)
		return
	}
	if nt.layer >= 0 && !nt.ok && hd.kind == HTTPContinuation && seg != nil {
		d.httpContinuation(nt, seg, nt.layer)
	}
	if nt.layer < 0 {
		d.httpClose(f, r)
	}
}

// httpClose ends, at a FIN without payload, the response in progress in
// the segment's direction whose body runs to the connection's close: tshark
// dissects it there (rawcap draws nothing of it in that frame, but pairs
// it, so the messages after it are numbered as tshark numbers them).
func (d *Decoder) httpClose(f *Frame, r *convResults) {
	s := d.httpSt
	if s == nil {
		return
	}
	for k := 0; k < d.n; k++ {
		l := &d.layers[k]
		if l.Type != LayerTCP || l.Quoted {
			continue
		}
		seg := r.tcp(k)
		if seg == nil || seg.slot < 0 || l.Payload-l.Start < 14 || d.data[l.Start+13]&TCPFin == 0 {
			return
		}
		e := &s.reasm[(int(seg.slot)*2+int(seg.dir))%httpMaxReasm]
		if e.slot != seg.slot || e.stream != seg.Stream || e.dir != seg.dir || seg.Seq != e.next {
			return
		}
		e.slot = -1
		hd := scanHTTPHead(HTTP(e.buf))
		hd.noBody = d.httpAnswersHead(seg)
		if _, complete := httpMsgEnd(HTTP(e.buf), &hd); !complete && hd.untilClose {
			var pair httpPairNote
			d.httpPair(f, seg, HTTP(e.buf), &hd, &pair)
			r.http.closed = true
			r.http.text = hd.end < len(e.buf) && hd.ct != nil && httpTextMedia(hd.ct)
			r.http.head, _ = HTTP(e.buf).FirstLine()
			if hd.ct != nil {
				r.http.ctype = httpMediaType(hd.ct)
			}
		}
		return
	}
}

// httpMessage follows the reassembly of the packet's first HTTP layer and
// returns the message tshark dissects there (nil: none), what its start
// says, and the TCP segment.
func (d *Decoder) httpMessage(f *Frame, r *convResults) (HTTP, httpHead, *tcpSegment) {
	nt := &r.http
	i := -1
	for k := 1; k < d.n; k++ {
		if d.layers[k].Type == LayerHTTP && d.layers[k-1].Type == LayerTCP && !d.layers[k].Quoted {
			i = k
			break
		}
	}
	if i < 0 {
		return nil, httpHead{}, nil
	}
	seg := r.tcp(i - 1)
	if seg == nil || seg.slot < 0 || !seg.HaveLen {
		return nil, httpHead{}, nil
	}
	l := &d.layers[i]
	b := HTTP(d.data[l.Start:l.End])
	if len(b) == 0 {
		return nil, httpHead{}, nil
	}
	if d.httpSt == nil {
		d.httpSt = new(httpState)
		d.httpForget()
	}
	s := d.httpSt
	e := &s.reasm[(int(seg.slot)*2+int(seg.dir))%httpMaxReasm]
	nt.layer = i
	whole := len(b) == d.tcpWirePayload(i-1) && l.Malformed == ""
	retx := seg.Analysed && seg.Flags&(tcpARetransmission|tcpAFastRetrans|tcpASpuriousRetrans) != 0
	// alone is what tshark dissects of a segment it does not reassemble:
	// the message it starts.
	alone := b
	hd := scanHTTPHead(b)
	hd.noBody = d.httpAnswersHead(seg)
	if retx || hd.kind == HTTPContinuation {
		alone = nil
	}
	tl := &d.layers[i-1]
	fin := tl.Payload-tl.Start >= 14 && d.data[tl.Start+13]&TCPFin != 0
	mine := e.slot == seg.slot && e.stream == seg.Stream && e.dir == seg.dir
	if mine {
		if retx || !whole || seg.Seq != e.next || len(e.buf)+len(b) > httpReasmLen || len(e.frames) == httpMaxSegs {
			e.slot = -1
			return alone, hd, seg
		}
		e.buf = append(e.buf, b...)
		e.frames = append(e.frames, uint32(f.Number))
		e.lens = append(e.lens, uint32(len(b)))
		e.next = seg.NextSeq
		ph := scanHTTPHead(HTTP(e.buf))
		ph.noBody = hd.noBody
		n, complete := httpMsgEnd(HTTP(e.buf), &ph)
		if !complete && ph.untilClose && fin {
			n, complete, nt.fin = len(e.buf), true, true
		}
		nt.ok, nt.part = true, true
		nt.middle = e.known
		nt.head, _ = HTTP(e.buf).FirstLine()
		e.known = httpLengthKnown(&ph)
		if !complete {
			return nil, hd, seg
		}
		e.slot = -1
		if n != len(e.buf) {
			// the segment holds the start of another message too:
			// drawn as the segments alone are
			nt.ok = false
			return alone, hd, seg
		}
		nt.done = true
		nt.pdu, nt.frames, nt.lens = e.buf, e.frames, e.lens
		return HTTP(nt.pdu), ph, seg
	}
	if alone == nil || !whole {
		return alone, hd, seg
	}
	if _, complete := httpMsgEnd(b, &hd); complete || hd.untilClose && fin {
		return alone, hd, seg
	}
	e.slot, e.stream, e.dir, e.next = seg.slot, seg.Stream, seg.dir, seg.NextSeq
	e.known = httpLengthKnown(&hd)
	e.buf = append(e.buf[:0], b...)
	e.frames = append(e.frames[:0], uint32(f.Number))
	e.lens = append(e.lens[:0], uint32(len(b)))
	nt.ok, nt.part = true, true
	nt.head, _ = HTTP(e.buf).FirstLine()
	return nil, hd, seg
}

// httpLengthKnown reports whether a message whose start hd holds (and
// whose end httpMsgEnd looked for) has a length known from its header
// section: Content-Length, or a body to the connection's close.
func httpLengthKnown(hd *httpHead) bool {
	if hd.end < 0 {
		return false
	}
	if hd.te != nil && httpChunkedTE(hd.te) {
		return false
	}
	return hd.cl != nil || hd.untilClose
}

// httpForget forgets every message in progress (a new capture starts).
func (d *Decoder) httpForget() {
	if d.httpSt != nil {
		for k := range d.httpSt.reasm {
			d.httpSt.reasm[k].slot = -1
		}
		for k := range d.httpSt.convs {
			d.httpSt.convs[k].slot = -1
		}
	}
}

// httpHead is what the tracker reads of a message's start: its kind,
// where its header section ends (-1: not captured) and the headers that
// say where its body ends and which host it names.
type httpHead struct {
	kind             HTTPKind
	code             int
	end              int
	te, cl, host, ct []byte
	// noBody: a response to a HEAD request (the pairing says so).
	noBody bool
	// untilClose: httpMsgEnd found a response whose body runs to the
	// connection's close.
	untilClose bool
}

// scanHTTPHead reads h's start line and header section in one pass.
func scanHTTPHead(h HTTP) (hd httpHead) {
	hd.kind, hd.end = h.Kind(), -1
	if hd.kind == HTTPContinuation {
		return hd
	}
	if hd.kind == HTTPResponse {
		line, _ := h.FirstLine()
		_, rest := splitSP(line)
		hd.code = int(rest[0]-'0')*100 + int(rest[1]-'0')*10 + int(rest[2]-'0')
	}
	_, off, _ := h.nextLine(0)
	for off < len(h) {
		line, next, ok := h.nextLine(off)
		if !ok {
			return hd
		}
		if len(line) == 0 {
			hd.end = next
			return hd
		}
		off = next
		f := splitHeader(line)
		switch {
		case hd.te == nil && equalFold(f.Name, "Transfer-Encoding"):
			hd.te = f.Value
		case hd.cl == nil && equalFold(f.Name, "Content-Length"):
			hd.cl = f.Value
		case hd.host == nil && equalFold(f.Name, "Host"):
			hd.host = f.Value
		case hd.ct == nil && equalFold(f.Name, "Content-Type"):
			hd.ct = f.Value
		}
	}
	return hd
}

// httpMsgEnd returns the length of the message at the start of h (whose
// start hd holds) and whether h holds all of it: the header section to its
// empty line, then the body: Content-Length bytes, or the chunks to the
// last one and the trailer's empty line. A message without either (or a
// 1xx, 204 or 304 response, or one to a HEAD request) ends with its header
// section; a response without either runs to the connection's close
// (hd.untilClose): tshark waits for the FIN.
func httpMsgEnd(h HTTP, hd *httpHead) (n int, whole bool) {
	end := hd.end
	if end < 0 {
		return len(h), false
	}
	if hd.kind == HTTPResponse && (hd.code < 200 || hd.code == 204 || hd.code == 304 || hd.noBody) {
		return end, true
	}
	if hd.te != nil && httpChunkedTE(hd.te) {
		return httpChunksEnd(h, end)
	}
	if hd.cl != nil {
		v, ok := httpParseLen(hd.cl)
		if !ok {
			return end, true
		}
		if uint64(len(h)-end) < v {
			return len(h), false
		}
		return end + int(v), true
	}
	if hd.kind == HTTPResponse {
		hd.untilClose = true
		return len(h), false
	}
	return end, true
}

// httpChunkedTE reports whether a Transfer-Encoding value ends with
// chunked.
func httpChunkedTE(te []byte) bool {
	for len(te) > 0 && (te[len(te)-1] == ' ' || te[len(te)-1] == '\t') {
		te = te[:len(te)-1]
	}
	return len(te) >= 7 && equalFold(te[len(te)-7:], "chunked")
}

// httpParseLen reads a Content-Length value.
func httpParseLen(v []byte) (uint64, bool) {
	var n uint64
	ok := false
	for _, c := range v {
		if c == ' ' || c == '\t' {
			continue
		}
		if c < '0' || c > '9' || n > 1<<40 {
			return 0, false
		}
		n, ok = n*10+uint64(c-'0'), true
	}
	return n, ok
}

// httpChunk is one chunk of a chunked body: its size line, its data and
// the line ending after it.
type httpChunk struct {
	size     uint64
	line     int // offset of the size line
	data     int // offset of the data
	boundary int // offset of the CR LF after the data
	next     int // offset after it
}

// nextHTTPChunk reads the chunk at off of h; ok is false when h does not
// hold it whole (or its size line is bad).
func nextHTTPChunk(h HTTP, off int) (c httpChunk, ok bool) {
	line, next, found := h.nextLine(off)
	if !found {
		return c, false
	}
	c.line, c.data = off, next
	digits := 0
	for _, x := range line {
		var v byte
		switch {
		case '0' <= x && x <= '9':
			v = x - '0'
		case 'a' <= x && x <= 'f':
			v = x - 'a' + 10
		case 'A' <= x && x <= 'F':
			v = x - 'A' + 10
		default:
			v = 0xff
		}
		if v == 0xff {
			break
		}
		if c.size > 1<<40 {
			return c, false
		}
		c.size = c.size<<4 | uint64(v)
		digits++
	}
	if digits == 0 {
		return c, false
	}
	if c.size == 0 {
		c.boundary, c.next = next, next
		return c, true
	}
	if uint64(len(h)-next) < c.size {
		return c, false
	}
	c.boundary = next + int(c.size)
	_, after, found := h.nextLine(c.boundary)
	if !found {
		return c, false
	}
	c.next = after
	return c, true
}

// httpChunksEnd returns where the chunked body that starts at off ends
// (after the last chunk's trailer and its empty line).
func httpChunksEnd(h HTTP, off int) (int, bool) {
	for {
		c, ok := nextHTTPChunk(h, off)
		if !ok {
			return len(h), false
		}
		off = c.next
		if c.size == 0 {
			break
		}
	}
	for {
		line, next, ok := h.nextLine(off)
		if !ok {
			return len(h), false
		}
		off = next
		if len(line) == 0 {
			return off, true
		}
	}
}

// emitTCPForHTTP emits, at the end of TCP layer i (treeLen bytes of
// payload in the tree's count), what tshark's TCP adds for the HTTP layer
// after it: the segment's bytes as tcp.segment_data where they belong to a
// message reassembled across segments, and the segments of the message the
// segment completes.
func emitTCPForHTTP(e *emitter, i, treeLen int) {
	nt := &e.conv.http
	if !nt.ok || nt.layer != i+1 || !nt.part || treeLen <= 0 {
		return
	}
	l := &e.d.layers[i]
	if !nt.fin {
		// (tshark draws no segment data in a FIN that ends a body)
		emitTCPSegmentData(e, e.d.data[l.Payload:l.End], treeLen, false)
	}
	if nt.done {
		emitTCPReassembled(e, nt.frames, nt.lens, nt.pdu)
	}
}
