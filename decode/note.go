package decode

import "time"

// Note is what one packet's output takes from the packets before it: the
// connection tracker's results for the packet and the times of the frames
// before it. A printer's Note method fills it, packet by packet in capture
// order; its Render method then draws the packet from the note alone, in
// any order and on any goroutine, with a printer (Clone) and a Decoder of
// its own holding the packet's layers (Restore). rawcap draws -V, JSON and
// -T ek output on every core this way.
type Note struct {
	prev, first time.Time // the previous captured frame's and the first's
	shown       time.Time // the previous displayed (noted) frame's
	tracked     bool      // conv holds the tracker's results (else: none asked)
	conv        convResults
}

// useNote makes d answer the tracker's questions about the packet it holds
// (restored from a Snapshot) with what n recorded, instead of tracking it.
func (d *Decoder) useNote(n *Note) {
	d.noted, d.notedGen = &n.conv, d.gen
	d.applyHTTPCont(&n.conv.http)
}

// keep copies src, the tracker's results for a packet, into r: the
// entries in use of its per-layer arrays, and the SSH items only for an
// SSH packet (a note is copied for every packet: the whole struct is 2 KB).
// What src holds in the tracker's buffers, which the next packet reuses, r
// copies into buffers of its own (reused from r's last use).
func (r *convResults) keep(src *convResults) {
	r.first, r.prev = src.first, src.prev
	r.sctp.keep(&src.sctp)
	r.n, r.nlinks = src.n, src.nlinks
	copy(r.layer[:src.n], src.layer[:src.n])
	copy(r.tcpRes[:src.n], src.tcpRes[:src.n])
	copy(r.udpRes[:src.n], src.udpRes[:src.n])
	copy(r.isTCP[:src.n], src.isTCP[:src.n])
	copy(r.links[:src.nlinks], src.links[:src.nlinks])
	r.quic, r.voip = src.quic, src.voip
	if src.ssh.ok {
		pdu := r.ssh.pdu // the tracker's buffer is reused: copy
		r.ssh = src.ssh
		r.ssh.pdu = append(pdu[:0], src.ssh.pdu...)
	} else {
		r.ssh.ok = false
	}
	hb := r.http.headBuf
	if src.http.layer >= 0 { // the tracker's buffers are reused: copy
		pdu, frames, lens, pair := r.http.pdu, r.http.frames, r.http.lens, r.http.pair
		r.http = src.http
		r.http.pdu = append(pdu[:0], src.http.pdu...)
		r.http.frames = append(frames[:0], src.http.frames...)
		r.http.lens = append(lens[:0], src.http.lens...)
		r.http.pair = pair
		r.http.pair.keep(&src.http.pair)
	} else {
		r.http.ok, r.http.layer, r.http.pair.ok = false, -1, false
		r.http.closed, r.http.text = src.http.closed, src.http.text
	}
	// The packet list's first line and media type, in one buffer of the
	// note's own.
	r.http.headBuf = append(append(hb[:0], src.http.head...), src.http.ctype...)
	r.http.head = r.http.headBuf[:len(src.http.head)]
	r.http.ctype = r.http.headBuf[len(src.http.head):]
	r.h2.fs = append(r.h2.fs[:0], src.h2.fs...)
	r.h2.buf = append(r.h2.buf[:0], src.h2.buf...)
	r.h2.blocks = append(r.h2.blocks[:0], src.h2.blocks...)
	r.enip.keep(&src.enip)
	r.dccp = src.dccp
	r.arp = src.arp
	if r.tftp.layer = -1; src.tftp.layer > 0 { // copied for TFTP packets only
		r.tftp = src.tftp
	}
}

// Note records in n what the JSON object of the packet d last decoded,
// described by f, takes from the packets before it (see Note).
func (p *JSONPrinter) Note(d *Decoder, f *Frame, n *Note) {
	n.tracked = true
	n.conv.keep(d.track(f))
}

// Render appends the JSON object of the packet d holds, described by f and
// noted in n, as Append would have.
func (p *JSONPrinter) Render(b []byte, d *Decoder, f *Frame, n *Note) []byte {
	d.useNote(n)
	return p.Append(b, d, f)
}

// Clone returns a printer configured as p, with state of its own.
func (p *JSONPrinter) Clone() *JSONPrinter {
	return &JSONPrinter{Raw: p.Raw, Location: p.Location}
}

// Note records in n what the fields of the packet d last decoded,
// described by f, take from the packets before it (see Note).
func (p *FieldsPrinter) Note(d *Decoder, f *Frame, n *Note) {
	n.tracked = p.needsTracker() || !p.SkipTracker
	if n.tracked {
		n.conv.keep(p.track(d, f))
	}
	_, n.shown = p.clock.tick(fieldsTime(f))
}

// Render appends the line of the packet d holds, described by f and noted
// in n, as Append would have (the header line is AppendHeader's).
func (p *FieldsPrinter) Render(b []byte, d *Decoder, f *Frame, n *Note) []byte {
	conv := &p.noConv
	if n.tracked {
		d.useNote(n)
		conv = &n.conv
	}
	return p.appendLine(b, p.emit(d, f, conv, n.shown))
}

// Clone returns a printer configured as p, with state of its own.
func (p *FieldsPrinter) Clone() *FieldsPrinter {
	c := &FieldsPrinter{
		Header: p.Header, Separator: p.Separator, Occurrence: p.Occurrence,
		Aggregator: p.Aggregator, Quote: p.Quote, Location: p.Location,
		SkipTracker: p.SkipTracker, Titles: p.Titles, protoNamed: p.protoNamed, protoTracked: p.protoTracked, transport: p.transport, streams: p.streams,
		names: p.names, fields: p.fields, layers: p.layers, some: p.some,
		frame: p.frame, tracked: p.tracked, started: true, pin: p.pin,
	}
	if c.some {
		c.list.selectFields(c.fields)
		c.tl.selectFields(c.fields)
	}
	return c
}

// Note records in n what the document of the packet d last decoded,
// described by f, takes from the packets before it (see Note).
func (p *EKPrinter) Note(d *Decoder, f *Frame, n *Note) {
	p.titles()
	p.fp.Note(d, f, n)
}

// Render appends the index line and document of the packet d holds,
// described by f and noted in n, as Append would have.
func (p *EKPrinter) Render(b []byte, d *Decoder, f *Frame, n *Note) []byte {
	conv := &p.fp.noConv
	if n.tracked {
		d.useNote(n)
		conv = &n.conv
	}
	p.titles()
	p.fp.Location = p.location()
	return p.appendDoc(b, p.fp.emit(d, f, conv, n.shown), f)
}

// Clone returns a printer configured as p, with state of its own.
func (p *EKPrinter) Clone() *EKPrinter {
	return &EKPrinter{Fields: p.Fields, Location: p.Location}
}
