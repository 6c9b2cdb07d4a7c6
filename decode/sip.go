package decode

import (
	"bytes"
	"strconv"
)

// SIP is a SIP message (RFC 3261) in a UDP datagram or a TCP segment to
// port 5060: a request line ("INVITE sip:bob@example.com SIP/2.0") or a
// status line ("SIP/2.0 200 OK"), header lines up to an empty line, and a
// body of Content-Length bytes (an SDP session description when the
// Content-Type is application/sdp).
type SIP []byte

const sipPort = 5060

// sipLineEnd returns the end of the line starting at off (before its CR
// LF or LF) and the offset of the next line; ok is false when no line end
// follows.
func sipLineEnd(b []byte, off int) (end, next int, ok bool) {
	for k := off; k < len(b); k++ {
		if b[k] == '\n' {
			if k > off && b[k-1] == '\r' {
				return k - 1, k + 1, true
			}
			return k, k + 1, true
		}
	}
	return len(b), len(b), false
}

// sipIsRequestLine reports whether line is "METHOD URI SIP/2.0".
func sipIsRequestLine(line []byte) bool {
	n := len(line)
	if n < 12 || string(line[n-8:]) != " SIP/2.0" {
		return false
	}
	sp := indexByte(line, ' ')
	if sp <= 0 || sp == n-8 {
		return false
	}
	for _, c := range line[:sp] {
		if !sipTokenChar(c) {
			return false
		}
	}
	return true
}

// sipTokenChar reports whether c may be in a method (RFC 3261's token).
func sipTokenChar(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-' || c == '_' || c == '.' || c == '!' || c == '%' || c == '*' || c == '+' || c == '`' || c == '\'' || c == '~' || c >= '0' && c <= '9'
}

// sipIsStatusLine reports whether line is "SIP/2.0 NNN reason".
func sipIsStatusLine(line []byte) bool {
	if len(line) < 11 || string(line[:8]) != "SIP/2.0 " {
		return false
	}
	for _, c := range line[8:11] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(line) > 11 && line[11] == ' ' // tshark turns "SIP/2.0 200" down
}

// sipHeuristic reports whether tshark 4.0's SIP heuristic (on by default
// for UDP and TCP, tried where no port names a protocol) takes a payload:
// its first line, up to a line end, is a request line or a status line as
// on port 5060. (tshark also takes a lone first line without a line end;
// rawcap, which decodes no SIP message without one, leaves that to data.)
func sipHeuristic(b []byte) bool {
	if len(b) < 12 {
		return false
	}
	if string(b[:8]) != "SIP/2.0 " {
		// a request: a method token, then a space (most payloads stop
		// here, before the search for a line end)
		k := 0
		for k < len(b) && sipTokenChar(b[k]) {
			k++
		}
		if k == 0 || k == len(b) || b[k] != ' ' {
			return false
		}
	}
	n := bytes.IndexByte(b, '\n')
	if n < 0 {
		return false
	}
	if n > 0 && b[n-1] == '\r' {
		n--
	}
	return sipIsRequestLine(b[:n]) || sipIsStatusLine(b[:n])
}

func indexByte(b []byte, c byte) int {
	for k, x := range b {
		if x == c {
			return k
		}
	}
	return -1
}

// sipMsg is where the parts of one SIP message lie in its bytes.
type sipMsg struct {
	firstEnd   int  // end of the first line (before CR LF)
	hdrStart   int  // first header line
	hdrEnd     int  // the empty line's start
	cut        bool // the headers run to the end without an empty line
	bodyStart  int
	end        int // end of the message (of the body)
	request    bool
	sdp        bool // the body is application/sdp
	contentLen int  // -1: no Content-Length
}

// parseSIP finds the parts of the message at the start of b; tcp asks for
// a whole message (all its headers and Content-Length bytes of body).
func parseSIP(b []byte, tcp bool) (m sipMsg, ok bool) {
	end, next, ok := sipLineEnd(b, 0)
	if !ok {
		return m, false
	}
	line := b[:end]
	switch {
	case sipIsRequestLine(line):
		m.request = true
	case sipIsStatusLine(line):
	default:
		return m, false
	}
	m.firstEnd, m.hdrStart, m.contentLen = end, next, -1
	off := next
	for {
		e, n, ok := sipLineEnd(b, off)
		if !ok {
			if tcp {
				return m, false
			}
			// Headers cut short: the complete lines are headers.
			m.hdrEnd, m.bodyStart, m.end, m.cut = off, len(b), len(b), true
			return m, true
		}
		if e == off {
			m.hdrEnd, m.bodyStart = off, n
			break
		}
		name, value := sipHeaderSplit(b[off:e])
		switch sipHeaderKind(name) {
		case sipHdrContentLength:
			if v, ok := parseDecimal(value, 10); ok {
				m.contentLen = int(v)
			}
		case sipHdrContentType:
			m.sdp = sipIsSDPType(value)
		}
		off = n
	}
	m.end = len(b)
	if m.contentLen >= 0 {
		if m.bodyStart+m.contentLen > len(b) {
			if tcp {
				return m, false
			}
		} else {
			m.end = m.bodyStart + m.contentLen
		}
	}
	return m, true
}

func sipIsSDPType(v []byte) bool {
	const t = "application/sdp"
	if len(v) < len(t) || !equalFold(v[:len(t)], t) {
		return false
	}
	return len(v) == len(t) || v[len(t)] == ';' || v[len(t)] == ' '
}

// parseDecimal reads v, at most digits decimal digits and nothing else,
// as an unsigned integer.
func parseDecimal(v []byte, digits int) (uint64, bool) {
	if len(v) == 0 || len(v) > digits {
		return 0, false
	}
	var n uint64
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	return n, true
}

// sipHeaderSplit returns a header line's name and value (spaces around
// the colon removed).
func sipHeaderSplit(line []byte) (name, value []byte) {
	c := indexByte(line, ':')
	if c < 0 {
		return line, nil
	}
	name = line[:c]
	for len(name) > 0 && (name[len(name)-1] == ' ' || name[len(name)-1] == '\t') {
		name = name[:len(name)-1]
	}
	value = line[c+1:]
	for len(value) > 0 && (value[0] == ' ' || value[0] == '\t') {
		value = value[1:]
	}
	for len(value) > 0 && (value[len(value)-1] == ' ' || value[len(value)-1] == '\t') {
		value = value[:len(value)-1]
	}
	return name, value
}

// The headers rawcap parses further, or declares a field for.
const (
	sipHdrUnknown = iota
	sipHdrVia
	sipHdrFrom
	sipHdrTo
	sipHdrCallID
	sipHdrCSeq
	sipHdrContact
	sipHdrMaxForwards
	sipHdrContentType
	sipHdrContentLength
	sipHdrUserAgent
	sipHdrAccept
	sipHdrAllow
	sipHdrServer
	sipHdrSupported
	sipHdrExpires
	sipHdrSubject
	sipHdrCount
)

// sipHeaderNames are the headers' names and compact forms.
var sipHeaderNames = [sipHdrCount]struct{ long, short string }{
	sipHdrVia:           {"Via", "v"},
	sipHdrFrom:          {"From", "f"},
	sipHdrTo:            {"To", "t"},
	sipHdrCallID:        {"Call-ID", "i"},
	sipHdrCSeq:          {"CSeq", ""},
	sipHdrContact:       {"Contact", "m"},
	sipHdrMaxForwards:   {"Max-Forwards", ""},
	sipHdrContentType:   {"Content-Type", "c"},
	sipHdrContentLength: {"Content-Length", "l"},
	sipHdrUserAgent:     {"User-Agent", ""},
	sipHdrAccept:        {"Accept", ""},
	sipHdrAllow:         {"Allow", ""},
	sipHdrServer:        {"Server", ""},
	sipHdrSupported:     {"Supported", "k"},
	sipHdrExpires:       {"Expires", ""},
	sipHdrSubject:       {"Subject", "s"},
}

func sipHeaderKind(name []byte) int {
	for k := 1; k < sipHdrCount; k++ {
		h := &sipHeaderNames[k]
		if equalFold(name, h.long) || h.short != "" && equalFold(name, h.short) {
			return k
		}
	}
	return sipHdrUnknown
}

func (d *Decoder) decodeSIP(l *Layer) LayerType {
	tcp := l.Start > 0 && d.n > 0 && d.layers[d.n-1].Type == LayerTCP
	b := d.data[l.Start:l.End]
	m, ok := parseSIP(b, tcp)
	if !ok {
		return l.asData()
	}
	l.End = l.Start + m.end
	if m.cut {
		l.Malformed = ReasonTruncated // tshark runs off the end looking for a header's colon
		l.Payload = l.End
		return LayerNone
	}
	if m.sdp && m.bodyStart < m.end {
		l.Payload = l.Start + m.bodyStart
		return LayerSDP
	}
	l.Payload = l.End
	return LayerNone
}

// sipMessage returns layer i's message and its parts.
func sipMessage(d *Decoder, i int) (SIP, sipMsg) {
	l := &d.layers[i]
	s := SIP(d.data[l.Start:l.End])
	m, _ := parseSIP(s, false)
	return s, m
}

// The fields, as Wireshark registers them.
const (
	sipMethod = iota
	sipRequestLine
	sipRURI
	sipRURIUser
	sipRURIHost
	sipRURIPort
	sipStatusLine
	sipStatusCode
	sipResend
	sipResendOriginal
	sipResponseRequest
	sipResponseTime
	sipReleaseTime
	sipMsgHdr
	sipVia
	sipViaTransport
	sipViaSentByAddress
	sipViaSentByPort
	sipViaBranch
	sipFrom
	sipFromDisplay
	sipFromAddr
	sipFromUser
	sipFromHost
	sipFromPort
	sipFromTag
	sipTo
	sipToDisplay
	sipToAddr
	sipToUser
	sipToHost
	sipToPort
	sipToTag
	sipDisplayInfo
	sipTag
	sipCallID
	sipCallIDGenerated
	sipCSeq
	sipCSeqSeq
	sipCSeqMethod
	sipContact
	sipContactURI
	sipContactUser
	sipContactHost
	sipContactPort
	sipContactParam
	sipMaxForwards
	sipContentType
	sipContentLength
	sipUserAgent
	sipAccept
	sipAllow
	sipServer
	sipSupported
	sipExpires
	sipSubject
	sipMsgBody
	sipFieldCount
)

var sipFields = [sipFieldCount]Field{
	sipMethod:           {Name: "sip.Method", Label: "Method", Kind: KindString},
	sipRequestLine:      {Name: "sip.Request-Line", Label: "Request-Line", Kind: KindString},
	sipRURI:             {Name: "sip.r-uri", Label: "Request-URI", Kind: KindString},
	sipRURIUser:         {Name: "sip.r-uri.user", Label: "Request-URI User Part", Kind: KindString},
	sipRURIHost:         {Name: "sip.r-uri.host", Label: "Request-URI Host Part", Kind: KindString},
	sipRURIPort:         {Name: "sip.r-uri.port", Label: "Request-URI Host Port", Kind: KindString},
	sipStatusLine:       {Name: "sip.Status-Line", Label: "Status-Line", Kind: KindString},
	sipStatusCode:       {Name: "sip.Status-Code", Label: "Status-Code", Kind: KindUint, Width: 32},
	sipResend:           {Name: "sip.resend", Label: "Resent Packet", Kind: KindBool, Generated: true},
	sipResendOriginal:   {Name: "sip.resend-original", Label: "Suspected resend of frame", Kind: KindFrameNum, Generated: true},
	sipResponseRequest:  {Name: "sip.response-request", Label: "Request Frame", Kind: KindFrameNum, Generated: true},
	sipResponseTime:     {Name: "sip.response-time", Label: "Response Time (ms)", Kind: KindUint, Width: 32, Generated: true},
	sipReleaseTime:      {Name: "sip.release-time", Label: "Release Time (ms)", Kind: KindUint, Width: 32, Generated: true},
	sipMsgHdr:           {Name: "sip.msg_hdr", Label: "Message Header", Kind: KindString},
	sipVia:              {Name: "sip.Via", Label: "Via", Kind: KindString},
	sipViaTransport:     {Name: "sip.Via.transport", Label: "Transport", Kind: KindString},
	sipViaSentByAddress: {Name: "sip.Via.sent-by.address", Label: "Sent-by Address", Kind: KindString},
	sipViaSentByPort:    {Name: "sip.Via.sent-by.port", Label: "Sent-by port", Kind: KindUint, Width: 16},
	sipViaBranch:        {Name: "sip.Via.branch", Label: "Branch", Kind: KindString},
	sipFrom:             {Name: "sip.From", Label: "From", Kind: KindString},
	sipFromDisplay:      {Name: "sip.from.display.info", Label: "SIP from display info", Kind: KindString},
	sipFromAddr:         {Name: "sip.from.addr", Label: "SIP from address", Kind: KindString},
	sipFromUser:         {Name: "sip.from.user", Label: "SIP from address User Part", Kind: KindString},
	sipFromHost:         {Name: "sip.from.host", Label: "SIP from address Host Part", Kind: KindString},
	sipFromPort:         {Name: "sip.from.port", Label: "SIP from address Host Port", Kind: KindString},
	sipFromTag:          {Name: "sip.from.tag", Label: "SIP from tag", Kind: KindString},
	sipTo:               {Name: "sip.To", Label: "To", Kind: KindString},
	sipToDisplay:        {Name: "sip.to.display.info", Label: "SIP to display info", Kind: KindString},
	sipToAddr:           {Name: "sip.to.addr", Label: "SIP to address", Kind: KindString},
	sipToUser:           {Name: "sip.to.user", Label: "SIP to address User Part", Kind: KindString},
	sipToHost:           {Name: "sip.to.host", Label: "SIP to address Host Part", Kind: KindString},
	sipToPort:           {Name: "sip.to.port", Label: "SIP to address Host Port", Kind: KindString},
	sipToTag:            {Name: "sip.to.tag", Label: "SIP to tag", Kind: KindString},
	sipDisplayInfo:      {Name: "sip.display.info", Label: "SIP Display info", Kind: KindString},
	sipTag:              {Name: "sip.tag", Label: "SIP tag", Kind: KindString},
	sipCallID:           {Name: "sip.Call-ID", Label: "Call-ID", Kind: KindString},
	sipCallIDGenerated:  {Name: "sip.call_id_generated", Label: "Generated Call-ID", Kind: KindString, Generated: true},
	sipCSeq:             {Name: "sip.CSeq", Label: "CSeq", Kind: KindString},
	sipCSeqSeq:          {Name: "sip.CSeq.seq", Label: "Sequence Number", Kind: KindUint, Width: 32},
	sipCSeqMethod:       {Name: "sip.CSeq.method", Label: "Method", Kind: KindString},
	sipContact:          {Name: "sip.Contact", Label: "Contact", Kind: KindString},
	sipContactURI:       {Name: "sip.contact.uri", Label: "Contact URI", Kind: KindString},
	sipContactUser:      {Name: "sip.contact.user", Label: "Contact URI User Part", Kind: KindString},
	sipContactHost:      {Name: "sip.contact.host", Label: "Contact URI Host Part", Kind: KindString},
	sipContactPort:      {Name: "sip.contact.port", Label: "Contact URI Host Port", Kind: KindString},
	sipContactParam:     {Name: "sip.contact.param", Label: "Contact URI parameter", Kind: KindString},
	sipMaxForwards:      {Name: "sip.Max-Forwards", Label: "Max-Forwards", Kind: KindUint, Width: 32},
	sipContentType:      {Name: "sip.Content-Type", Label: "Content-Type", Kind: KindString},
	sipContentLength:    {Name: "sip.Content-Length", Label: "Content-Length", Kind: KindUint, Width: 32},
	sipUserAgent:        {Name: "sip.User-Agent", Label: "User-Agent", Kind: KindString},
	sipAccept:           {Name: "sip.Accept", Label: "Accept", Kind: KindString},
	sipAllow:            {Name: "sip.Allow", Label: "Allow", Kind: KindString},
	sipServer:           {Name: "sip.Server", Label: "Server", Kind: KindString},
	sipSupported:        {Name: "sip.Supported", Label: "Supported", Kind: KindString},
	sipExpires:          {Name: "sip.Expires", Label: "Expires", Kind: KindUint, Width: 32},
	sipSubject:          {Name: "sip.Subject", Label: "Subject", Kind: KindString},
	sipMsgBody:          {Name: "sip.msg_body", Label: "Message Body", Kind: KindNone},
}

// sipHeaderField is the field of each header kind (-1: none).
var sipHeaderField = [sipHdrCount]int{
	sipHdrUnknown: -1, sipHdrVia: sipVia, sipHdrFrom: sipFrom, sipHdrTo: sipTo, sipHdrCallID: sipCallID,
	sipHdrCSeq: sipCSeq, sipHdrContact: sipContact, sipHdrMaxForwards: sipMaxForwards,
	sipHdrContentType: sipContentType, sipHdrContentLength: sipContentLength, sipHdrUserAgent: sipUserAgent,
	sipHdrAccept: sipAccept, sipHdrAllow: sipAllow, sipHdrServer: sipServer, sipHdrSupported: sipSupported,
	sipHdrExpires: sipExpires, sipHdrSubject: sipSubject,
}

var protoSIP = protoField("sip", "Session Initiation Protocol")

// sipURI is where the parts of a SIP URI lie ("sip:user@host:port;params").
type sipURI struct {
	uri, user, host, port, params []byte
}

// parseSIPURI splits a URI as Wireshark's SIP dissector does; ok is false
// for a URI it does not take apart.
func parseSIPURI(u []byte) (p sipURI, ok bool) {
	p.uri = u
	var rest []byte
	switch {
	case len(u) > 4 && equalFold(u[:4], "sip:"):
		rest = u[4:]
	case len(u) > 5 && equalFold(u[:5], "sips:"):
		rest = u[5:]
	case len(u) > 4 && equalFold(u[:4], "tel:"):
		rest = u[4:]
	default:
		return p, false
	}
	if k := indexByte(rest, ';'); k >= 0 {
		p.params = rest[k+1:]
		rest = rest[:k]
	}
	if k := indexByte(rest, '?'); k >= 0 {
		return p, false // headers in the URI: not taken apart here
	}
	if k := indexByte(rest, '@'); k >= 0 {
		p.user = rest[:k]
		rest = rest[k+1:]
	}
	if len(rest) > 0 && rest[0] == '[' {
		return p, false // IPv6 reference: not taken apart here
	}
	if k := indexByte(rest, ':'); k >= 0 {
		p.port = rest[k+1:]
		rest = rest[:k]
	}
	p.host = rest
	// Wireshark 4.0 shows no user part or port of a single character.
	if len(p.user) < 2 {
		p.user = nil
	}
	if len(p.port) < 2 {
		p.port = nil
	}
	return p, len(p.host) > 0
}

// sipNameAddr is a From, To or Contact value: an optional display name,
// the URI (in angle brackets or bare) and the parameters after it.
type sipNameAddr struct {
	display []byte
	uri     []byte
	tag     []byte
	params  []byte // the header's parameters after the URI (without the ';')
}

func parseSIPNameAddr(v []byte) (n sipNameAddr, ok bool) {
	lt := indexByte(v, '<')
	if lt >= 0 {
		gt := indexByte(v[lt:], '>')
		if gt < 0 {
			return n, false
		}
		n.display = v[:lt]
		for len(n.display) > 0 && n.display[len(n.display)-1] == ' ' {
			n.display = n.display[:len(n.display)-1]
		}
		n.uri = v[lt+1 : lt+gt]
		rest := v[lt+gt+1:]
		if len(rest) > 0 && rest[0] == ';' {
			n.params = rest[1:]
		} else if len(rest) > 0 {
			return n, false
		}
	} else {
		n.uri = v
		if k := indexByte(v, ';'); k >= 0 {
			n.uri = v[:k]
			n.params = v[k+1:]
		}
	}
	for p := n.params; len(p) > 0; {
		k := indexByte(p, ';')
		item := p
		if k >= 0 {
			item, p = p[:k], p[k+1:]
		} else {
			p = nil
		}
		if len(item) > 4 && equalFold(item[:4], "tag=") {
			n.tag = item[4:]
		}
	}
	return n, len(n.uri) > 0
}

// sipVia is a Via value's parts: "SIP/2.0/UDP host:port;branch=…".
type sipViaParts struct {
	transport, host, port, branch []byte
	ok                            bool
}

func parseSIPVia(v []byte) (p sipViaParts) {
	if len(v) < 9 || !equalFold(v[:8], "SIP/2.0/") {
		return p
	}
	rest := v[8:]
	sp := indexByte(rest, ' ')
	if sp <= 0 {
		return p
	}
	p.transport = rest[:sp]
	rest = rest[sp+1:]
	for len(rest) > 0 && rest[0] == ' ' {
		rest = rest[1:]
	}
	sent := rest
	var params []byte
	if k := indexByte(rest, ';'); k >= 0 {
		sent, params = rest[:k], rest[k+1:]
	}
	if len(sent) > 0 && sent[0] == '[' {
		return p
	}
	if k := indexByte(sent, ':'); k >= 0 {
		p.host, p.port = sent[:k], sent[k+1:]
		if _, ok := parseDecimal(p.port, 10); !ok {
			return p
		}
	} else {
		p.host = sent
	}
	for len(params) > 0 {
		k := indexByte(params, ';')
		item := params
		if k >= 0 {
			item, params = params[:k], params[k+1:]
		} else {
			params = nil
		}
		if len(item) > 7 && equalFold(item[:7], "branch=") {
			p.branch = item[7:]
		} else {
			return p // other parameters: not taken apart here
		}
	}
	p.ok = len(p.host) > 0
	return p
}

// sipHeaderParsed reports whether rawcap takes header kind k with value v
// apart as tshark does (it draws the header line alone otherwise).
func sipHeaderParsed(k int, v []byte) bool {
	switch k {
	case sipHdrVia:
		return parseSIPVia(v).ok
	case sipHdrFrom, sipHdrTo, sipHdrContact:
		n, ok := parseSIPNameAddr(v)
		if !ok {
			return false
		}
		if k == sipHdrContact && n.tag != nil {
			return false
		}
		if k != sipHdrContact {
			// Only a tag after the URI.
			if len(n.params) > 0 && len(n.params) != 4+len(n.tag) {
				return false
			}
		} else if len(n.params) > 0 {
			return false
		}
		u, ok := parseSIPURI(n.uri)
		return ok && sipURIParamsSimple(u.params)
	case sipHdrCSeq:
		sp := indexByte(v, ' ')
		if sp <= 0 {
			return false
		}
		_, ok := parseDecimal(v[:sp], 10)
		return ok
	}
	return false
}

// sipURIParamsSimple reports whether a URI's parameters are at most one
// (Wireshark draws each, but rawcap only the single-parameter case).
func sipURIParamsSimple(p []byte) bool { return indexByte(p, ';') < 0 }

// emitSIP emits the message's fields in tshark's order and nesting. Over
// TCP, tshark dissects every message of a segment, each in a subtree of
// its own (over TCP, none is a resend): the tree draws those up to the
// first one with an SDP body; the other outputs have the first message's
// fields only.
func emitSIP(e *emitter, i int) {
	d := e.d
	s, m := sipMessage(d, i)
	sdp := i+1 < d.n && d.layers[i+1].Type == LayerSDP
	emitSIPMsg(e, s, m, e.conv.sipNote(i), sdp)
	if !e.Tree() || m.cut || sdp || i == 0 || d.layers[i-1].Type != LayerTCP {
		return
	}
	rest := d.data[d.layers[i].End:d.layers[i-1].End]
	tcpNote := sipNote{resendKnown: true}
	for len(rest) > 0 {
		m, ok := parseSIP(rest, true)
		if !ok || m.cut || m.sdp && m.bodyStart < m.end {
			return
		}
		emitSIPMsg(e, rest[:m.end], m, &tcpNote, false)
		rest = rest[m.end:]
	}
}

// emitSIPMsg emits one SIP message s (its parts m), with what the tracker
// found for it (note, may be nil); sdp says an SDP layer emits its body.
// A message whose headers run to the end (m.cut) has its header lines
// kept out of the tree, as tshark's exception cuts them.
func emitSIPMsg(e *emitter, s []byte, m sipMsg, note *sipNote, sdp bool) {
	f := &sipFields
	first := s[:m.firstEnd]
	e.Proto(&protoSIP)
	if e.Tree() && !m.cut {
		b := append(e.Text(), "Session Initiation Protocol ("...)
		if m.request {
			b = append(b, first[:indexByte(first, ' ')]...)
		} else {
			b = append(b, first[8:11]...)
		}
		e.SetRepr(append(b, ')'))
	}
	if m.request {
		e.Bytes(&f[sipRequestLine], first)
		e.Sub()
		sp := indexByte(first, ' ')
		e.Bytes(&f[sipMethod], first[:sp])
		uri := first[sp+1 : len(first)-8]
		e.Bytes(&f[sipRURI], uri)
		if u, ok := parseSIPURI(uri); ok && u.params == nil {
			e.Sub()
			if u.user != nil {
				e.Bytes(&f[sipRURIUser], u.user)
			}
			e.Bytes(&f[sipRURIHost], u.host)
			if u.port != nil {
				e.Bytes(&f[sipRURIPort], u.port)
			}
			e.Up()
		}
	} else {
		e.Bytes(&f[sipStatusLine], first)
		e.Sub()
		code, _ := parseDecimal(first[8:11], 10)
		e.Uint(&f[sipStatusCode], code)
	}
	if note != nil && note.resendKnown {
		e.Bool(&f[sipResend], false)
		if m.cut {
			e.NoTree()
		}
	}
	if note != nil && note.resendOf > 0 {
		e.Bool(&f[sipResend], true)
		if m.cut {
			e.NoTree()
		}
		e.Uint(&f[sipResendOriginal], uint64(note.resendOf))
		if m.cut {
			e.NoTree()
		}
	}
	if note != nil && note.request > 0 {
		e.Uint(&f[sipResponseRequest], uint64(note.request))
		e.Uint(&f[sipResponseTime], uint64(note.respMs))
		if note.release {
			e.Uint(&f[sipReleaseTime], uint64(note.respMs))
		}
	}
	e.Up()
	e.Bytes(&f[sipMsgHdr], s[m.hdrStart:m.end])
	if e.Tree() {
		e.SetRepr(append(e.Text(), f[sipMsgHdr].Label...))
	}
	// tshark's expert lines and the exception follow the header of a
	// message cut short: the header lines before them are not drawn.
	tree := e.Tree() && !m.cut
	e.Sub()
	for off := m.hdrStart; off < m.hdrEnd; {
		end, next, _ := sipLineEnd(s, off)
		line := s[off:end]
		name, v := sipHeaderSplit(line)
		off = next
		k := sipHeaderKind(name)
		fk := sipHeaderField[k]
		var fl *Field
		if fk >= 0 {
			fl = &f[fk]
		}
		switch {
		case fl != nil && fl.Kind == KindUint:
			if n, ok := parseDecimal(v, 10); ok {
				e.Uint(fl, n)
			} else {
				fl = nil
			}
		case fl != nil:
			e.Bytes(fl, v)
		}
		// The tree shows the header's line as it is.
		if tree {
			b := appendWSLabelText(e.Text(), line)
			if fl != nil {
				e.SetRepr(b)
			} else {
				e.Line(b)
			}
		} else if fl != nil && m.cut {
			e.NoTree()
		}
		if fl == nil || fl.Kind == KindUint {
			continue
		}
		if !sipHeaderParsed(k, v) {
			if k == sipHdrCallID {
				e.Bytes(&f[sipCallIDGenerated], v)
				if m.cut {
					e.NoTree()
				}
			}
			continue
		}
		e.Sub()
		emitSIPHeaderParts(e, k, v, m.cut)
		e.Up()
	}
	e.Up()
	if m.bodyStart < m.end {
		e.None(&f[sipMsgBody])
		if m.cut {
			e.NoTree()
		}
		if tree && !sdp {
			// A body rawcap does not dissect: tshark shows its lines.
			e.Sub()
			body := s[m.bodyStart:m.end]
			for off := 0; off < len(body); {
				end, next, _ := sipLineEnd(body, off)
				e.Line(appendWSLabelText(e.Text(), body[off:end]))
				off = next
			}
			e.Up()
		}
	}
	e.End()
}

// emitSIPHeaderParts emits the parts of a header tshark takes apart (kind
// k, value v); cut keeps them out of the tree.
func emitSIPHeaderParts(e *emitter, k int, v []byte, cut bool) {
	f := &sipFields
	nt := func() {
		if cut {
			e.NoTree()
		}
	}
	switch k {
	case sipHdrVia:
		p := parseSIPVia(v)
		e.Bytes(&f[sipViaTransport], p.transport)
		nt()
		e.Bytes(&f[sipViaSentByAddress], p.host)
		nt()
		if p.port != nil {
			n, _ := parseDecimal(p.port, 10)
			e.Uint(&f[sipViaSentByPort], n)
			nt()
		}
		if p.branch != nil {
			e.Bytes(&f[sipViaBranch], p.branch)
			nt()
		}
	case sipHdrFrom, sipHdrTo, sipHdrContact:
		n, _ := parseSIPNameAddr(v)
		u, _ := parseSIPURI(n.uri)
		disp, addr, user, host, port, tag := sipFromDisplay, sipFromAddr, sipFromUser, sipFromHost, sipFromPort, sipFromTag
		switch k {
		case sipHdrTo:
			disp, addr, user, host, port, tag = sipToDisplay, sipToAddr, sipToUser, sipToHost, sipToPort, sipToTag
		case sipHdrContact:
			disp, addr, user, host, port, tag = -1, sipContactURI, sipContactUser, sipContactHost, sipContactPort, -1
		}
		if len(n.display) > 0 && disp >= 0 {
			e.Bytes(&f[disp], n.display)
			nt()
			e.Bytes(&f[sipDisplayInfo], n.display)
			e.NoTree() // the same text again, for filters
		}
		e.Bytes(&f[addr], n.uri)
		nt()
		e.Sub()
		if u.user != nil {
			e.Bytes(&f[user], u.user)
			nt()
		}
		e.Bytes(&f[host], u.host)
		nt()
		if u.port != nil {
			e.Bytes(&f[port], u.port)
			nt()
		}
		if u.params != nil && k == sipHdrContact {
			e.Bytes(&f[sipContactParam], u.params)
			nt()
		}
		e.Up()
		if n.tag != nil && tag >= 0 {
			e.Bytes(&f[tag], n.tag)
			nt()
			e.Bytes(&f[sipTag], n.tag)
			e.NoTree()
		}
	case sipHdrCSeq:
		sp := indexByte(v, ' ')
		n, _ := parseDecimal(v[:sp], 10)
		e.Uint(&f[sipCSeqSeq], n)
		nt()
		e.Bytes(&f[sipCSeqMethod], v[sp+1:])
		nt()
	}
}

// infoSIP appends tshark's Info column: "Request: INVITE sip:bob@example.com | "
// or "Status: 200 OK (INVITE) | " (the CSeq method when the tracker paired
// the response with its request… tshark names it from the CSeq header).
func infoSIP(b []byte, d *Decoder, i int) []byte {
	s, m := sipMessage(d, i)
	b = infoSIPMsg(b, s, m)
	if m.cut || i == 0 || d.layers[i-1].Type != LayerTCP {
		return b
	}
	// tshark dissects every message of a TCP segment, and the bytes after
	// the last one as a "Continuation" when they do not start one.
	rest := d.data[d.layers[i].End:d.layers[i-1].End]
	for len(rest) > 0 {
		m, ok := parseSIP(rest, true)
		if !ok {
			if end, _, _ := sipLineEnd(rest, 0); sipIsRequestLine(rest[:end]) || sipIsStatusLine(rest[:end]) {
				return b // a message the next segments complete
			}
			return append(b, "Continuation"...)
		}
		b = infoSIPMsg(b, rest[:m.end], m)
		rest = rest[m.end:]
	}
	return b
}

// infoSIPMsg appends the Info of the message s, whose parts are m.
func infoSIPMsg(b []byte, s []byte, m sipMsg) []byte {
	first := s[:m.firstEnd]
	if m.request {
		if sipKnownMethod(first[:indexByte(first, ' ')]) {
			b = append(b, "Request: "...)
		} else {
			b = append(b, "Unknown request: "...)
		}
		b = appendWSFormatText(b, first[:len(first)-8])
	} else {
		b = append(b, "Status: "...)
		b = appendWSFormatText(b, first[8:])
		if first[8] == '2' {
			// Success responses name the CSeq's method ("()" without).
			b = append(b, " ("...)
			for off := m.hdrStart; off < m.hdrEnd; {
				end, next, _ := sipLineEnd(s, off)
				name, v := sipHeaderSplit(s[off:end])
				off = next
				if sipHeaderKind(name) == sipHdrCSeq {
					if sp := indexByte(v, ' '); sp > 0 {
						b = appendWSFormatText(b, v[sp+1:])
					}
					break
				}
			}
			b = append(b, ')')
		}
	}
	if m.cut {
		return b
	}
	return append(b, " | "...)
}

// sipKnownMethod reports whether Wireshark knows the request method (it
// words the Info of others "Unknown request").
func sipKnownMethod(m []byte) bool {
	switch string(m) {
	case "INVITE", "ACK", "OPTIONS", "BYE", "CANCEL", "REGISTER", "INFO", "PRACK", "SUBSCRIBE",
		"NOTIFY", "UPDATE", "MESSAGE", "REFER", "PUBLISH":
		return true
	}
	return false
}

// sipTcpdumpCmds are the request methods tcpdump's SIP printer knows.
var sipTcpdumpCmds = [...]string{"ACK", "BYE", "CANCEL", "DO", "INFO", "INVITE", "MESSAGE", "NOTIFY",
	"OPTIONS", "PRACK", "QAUTH", "REFER", "REGISTER", "SPRACK", "SUBSCRIBE", "UPDATE", "PUBLISH"}

// lineSIP appends tcpdump's "SIP: INVITE sip:bob@example.com SIP/2.0";
// with -v "SIP, length: N" and every line of the message on a line of its
// own. Over TCP tcpdump prints nothing of SIP.
func (p *LinePrinter) lineSIP(b []byte, d *Decoder, i int) []byte {
	if i == 0 || d.layers[i-1].Type != LayerUDP {
		return p.lineNothing(b, d, i)
	}
	if u := UDP(d.data[d.layers[i-1].Start:d.layers[i-1].Payload]); d.Ports.Lookup(TransportUDP, u.SrcPort(), u.DstPort()) != LayerSIP {
		return p.lineNothing(b, d, i) // taken by the heuristic: tcpdump does not look
	}
	return p.lineSIPText(b, d, i-1)
}

// lineSIPText appends what tcpdump's SIP printer makes of the payload of
// UDP layer u (port 5060), SIP or not.
func (p *LinePrinter) lineSIPText(b []byte, d *Decoder, ui int) []byte {
	length := d.tcpWirePayload(ui)
	if p.Options.Quiet {
		return appendUDPLength(b, length)
	}
	u := &d.layers[ui]
	data := d.data[u.Payload:u.End]
	if len(data) > length {
		data = data[:length]
	}
	if !sipTcpdumpFirstLine(data) {
		return append(b, "SIP"...)
	}
	if p.Options.Verbose > 0 {
		b = append(b, "SIP, length: "...)
		b = strconv.AppendInt(b, int64(length), 10)
		for off := 0; off < len(data); {
			next, cut := sipTxtLine(data, off)
			if next == 0 && !cut {
				break
			}
			b = append(b, "\n\t"...)
			if cut {
				b = append(b, data[off:]...)
				if length > len(data) || true {
					return append(b, " [|sip]"...)
				}
			}
			b = append(b, data[off:sipTxtLineEnd(data, off, next)]...)
			off = next
		}
		return b
	}
	b = append(b, "SIP: "...)
	next, cut := sipTxtLine(data, 0)
	if cut {
		b = append(b, data...)
		return append(b, " [|sip]"...)
	}
	if next == 0 {
		return b
	}
	return append(b, data[:sipTxtLineEnd(data, 0, next)]...)
}

// sipTxtLine follows tcpdump's print_txt_line: the offset after the line
// starting at off (0 when the line holds a character that is not
// printable), or cut when the bytes end before a line end.
func sipTxtLine(data []byte, off int) (next int, cut bool) {
	for k := off; k < len(data); k++ {
		c := data[k]
		switch {
		case c == '\n':
			return k + 1, false
		case c == '\r':
			if k+1 < len(data) && data[k+1] == '\n' {
				return k + 2, false
			}
			if k+1 >= len(data) {
				return 0, true
			}
			return 0, false
		case c != '\t' && (c < 0x20 || c > 0x7e):
			return 0, false
		}
	}
	return 0, true
}

func sipTxtLineEnd(data []byte, off, next int) int {
	end := next - 1
	if end > off && data[end-1] == '\r' {
		end--
	}
	return end
}

// sipTcpdumpFirstLine reports whether tcpdump prints the first line: a
// request whose method it knows, or a response ("SIP/2.0 NNN").
func sipTcpdumpFirstLine(data []byte) bool {
	tok := func(off int) (int, int) {
		k := off
		for k < len(data) && data[k] != ' ' && data[k] != '\r' && data[k] != '\n' {
			k++
		}
		return off, k
	}
	s, e := tok(0)
	if e == s || e >= len(data) {
		return false
	}
	for _, c := range sipTcpdumpCmds {
		if equalFold(data[s:e], c) {
			return true
		}
	}
	k := e
	for k < len(data) && data[k] == ' ' {
		k++
	}
	s, e = tok(k)
	if e-s != 3 || e >= len(data) {
		return false
	}
	for _, c := range data[s:e] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
