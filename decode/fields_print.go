package decode

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// FieldsPrinter prints the values of chosen fields, one line per packet,
// as tshark -T fields -e NAME… does: the fields in the order given,
// separated by Separator; a field that occurs several times in a packet
// shows every value joined by Aggregator (or only the first or last, by
// Occurrence); a field the packet lacks is empty. A FieldsPrinter is made
// by NewFieldsPrinter and is not safe for concurrent use.
type FieldsPrinter struct {
	// Header prints the field names as a first line (-E header=y).
	Header bool
	// Separator is put between fields (-E separator=; default a tab).
	Separator string
	// Occurrence is 'a' for all values (the default), 'f' for the first,
	// 'l' for the last (-E occurrence=).
	Occurrence byte
	// Aggregator is put between the values of one field (-E aggregator=;
	// default a comma).
	Aggregator string
	// Quote is 'd' or 's' to put double or single quotes around each
	// field, 'n' (the default) for none (-E quote=).
	Quote byte
	// Location is the zone for frame.time (time.Local if nil).
	Location *time.Location
	// SkipTracker may be set by a caller whose Decoder serves no other
	// Wireshark-side output: when none of the named fields is one the
	// connection tracker computes (tracked), Fields then leaves the
	// tracker out, which costs a third of the time of a few fields. A
	// printer that shares its Decoder with another (a display filter and
	// the output it selects for) must leave it unset: the tracker has to
	// see every packet for the other's numbers.
	SkipTracker bool
	// Titles makes a protocol named (-e ip) print its tree title
	// ("Internet Protocol Version 4, Src: …"), as tshark -T fields does:
	// the list is then filled as the tree's, which costs what drawing
	// the tree costs. A caller that reads only whether a protocol is
	// there (a display filter, export's columns) leaves it unset.
	Titles bool

	names   []string
	fields  []*Field         // the named fields, by LookupField
	layers  [layerCount]bool // the layers whose fields are asked for
	some    bool             // layers is a subset (not -T ek's every layer)
	list    FieldList
	tl      FieldList // the protocols' titles, when Titles and a protocol is named
	em      emitter
	clock   frameClock
	started bool
	frame   uint64       // the frame fields asked for, a bit per frameFields index
	vals    []int32      // appendLine's: the value records of the line's list
	tvals   []int32      // and the title list's protocols
	stamp   arrivalStamp // formats frame.time
	tracked bool         // a named field comes from the connection tracker
	// protoNamed: a protocol is named (-e ip), whose value, with Titles,
	// is its tree title.
	protoNamed bool
	// protoTracked: a protocol is named whose title, with Titles, comes
	// in part from the connection tracker (TCP's relative numbers, an
	// application's reassembly): any but those of independentTitles.
	protoTracked bool
	// streams: no named field but tcp.stream and udp.stream comes from
	// the tracker: with transport, TCP's analysis may be left out
	// (Decoder.streamsOnly).
	streams bool
	// transport: every named field is one the tracker computes from the
	// TCP and UDP conversations alone, or needs no tracker (transportField):
	// a printer that owns its Decoder (SkipTracker) then has it track the
	// transports only.
	transport bool
	// pin: PinTCPStream's stream + 1; 0 none.
	pin    uint32
	titles bool // Titles && protoNamed, as the last emit saw them
	noConv convResults
}

// NewFieldsPrinter returns a printer of the named fields. A name rawcap
// does not decode is an error that says so.
func NewFieldsPrinter(names []string) (*FieldsPrinter, error) {
	for _, n := range names {
		if LookupField(n) == nil {
			return nil, fmt.Errorf("%w: %q (rawcap fields lists the fields rawcap decodes)", ErrUnknownField, n)
		}
	}
	var frame uint64
	for _, n := range names {
		for k := range frameFields {
			if n == frameFields[k].Name || n == "frame" {
				frame |= 1 << k
			}
		}
	}
	p := &FieldsPrinter{
		names:      names,
		Separator:  "\t",
		Occurrence: 'a',
		Aggregator: ",",
		Quote:      'n',
		frame:      frame,
	}
	p.some = len(names) > 0
	p.tracked = !p.some
	p.transport = p.some
	p.streams = p.some
	for _, n := range names {
		f := LookupField(n)
		p.fields = append(p.fields, f)
		p.tracked = p.tracked || tracked(f)
		p.transport = p.transport && transportField(n)
		p.streams = p.streams && (n == "tcp.stream" || n == "udp.stream" || !tracked(f))
		p.protoNamed = p.protoNamed || f.Kind == KindProtocol
		p.protoTracked = p.protoTracked || f.Kind == KindProtocol && !independentTitles[f.Name]
		for t := range protocols {
			pr := &protocols[t]
			if pr.proto == f || containsField(pr.fields, f) || containsField(pr.others, f) || othersProtocol(pr.others, f) {
				p.layers[t] = true
			}
		}
	}
	if p.some {
		// Only the named fields' values are kept (protocols too, for their
		// presence and bytes): a few fields of a long packet cost a few.
		p.list.selectFields(p.fields)
		p.tl.selectFields(p.fields)
	}
	return p, nil
}

// othersProtocol reports whether f is the protocol of the fields fs (a
// layer that emits another protocol's fields emits that protocol: QUIC's
// tls).
func othersProtocol(fs []Field, f *Field) bool {
	return f != nil && f.Kind == KindProtocol && len(fs) > 0 && strings.HasPrefix(fs[0].Name, f.Name+".")
}

// containsField reports whether f is one of fs.
func containsField(fs []Field, f *Field) bool {
	for i := range fs {
		if &fs[i] == f {
			return true
		}
	}
	return false
}

// Independent reports whether each packet's line depends on that packet
// alone: the printer skips the tracker (SkipTracker) and every named field
// is one whose value needs nothing from the packets before (Independent).
// Such a line may be drawn from a packet decoded by a Decoder that sees
// only some of the capture's packets, on any goroutine.
func (p *FieldsPrinter) Independent() bool {
	return p.some && p.SkipTracker && !p.needsTracker() && Independent(p.names)
}

// independentTitles are the protocols whose titles come from the packet
// alone.
var independentTitles = map[string]bool{
	"frame": true, "eth": true, "vlan": true, "sll": true, "ip": true, "ipv6": true, "udp": true, "arp": true,
}

// transportField reports whether the field or protocol named name comes
// from the link, network and transport layers and, if the tracker computes
// it, from the TCP and UDP conversations alone, not from an application
// protocol's step (TCP's reassembly of an application's messages, the
// protocols found in the frame).
func transportField(name string) bool {
	proto, _, _ := strings.Cut(name, ".")
	switch {
	case !independentProtocols[proto], name == "frame.protocols", name == "tcp.payload", name == "tcp.pdu.size",
		strings.HasPrefix(name, "tcp.segment"), strings.HasPrefix(name, "tcp.reassembled"):
		return false
	}
	return true
}

// track returns the tracker's results for the packet d holds: with
// SkipTracker, of the transports alone where that is all the named fields
// read.
func (p *FieldsPrinter) track(d *Decoder, f *Frame) *convResults {
	d.transportOnly = p.SkipTracker && p.transport && !(p.Titles && p.protoNamed) // a title may say what an application made of the segment
	d.streamsOnly = d.transportOnly && p.streams && !(p.Titles && p.protoTracked)
	d.pinTCP = 0
	if d.streamsOnly {
		d.pinTCP = p.pin
	}
	return d.track(f)
}

// needsTracker reports whether a named field, or with Titles a named
// protocol's title, comes from the connection tracker.
func (p *FieldsPrinter) needsTracker() bool {
	return p.tracked || p.Titles && p.protoTracked
}

// ErrUnknownField is returned for a field name rawcap does not decode.
var ErrUnknownField = fmt.Errorf("field not decoded by rawcap")

// Fields returns the fields of the packet d last decoded, described by f,
// as the printers see them; it updates the printer's state (frame times)
// and the Decoder's connection tracker as Append does. The list aliases p and is
// valid until the next call.
func (p *FieldsPrinter) Fields(d *Decoder, f *Frame) *FieldList {
	// The tracker sees every packet, whether or not its TCP or UDP fields
	// are asked for, unless the caller has said nobody else reads it and
	// no field asked for needs it.
	conv := &p.noConv
	if p.needsTracker() || !p.SkipTracker {
		conv = p.track(d, f)
	}
	// The printer's own clock sees the frames it prints (the displayed
	// ones); the tracker's sees every frame of the capture.
	_, shown := p.clock.tick(fieldsTime(f))
	if d.pinnedMiss() {
		p.list.Reset() // outside the pinned stream: nothing is read
		return &p.list
	}
	return p.emit(d, f, conv, shown)
}

// PinTCPStream tells p, a printer that owns its Decoder (SkipTracker) and
// whose only field from the tracker is tcp.stream, that only whether a
// packet is in TCP stream n matters: a display filter tcp.stream == n.
// Once that stream is opened the tracker follows its connection alone, and
// Fields returns an empty list for a packet outside it. Streams are
// numbered as before until then; the stream's own packets get every field
// asked for. Where p reads more from the tracker, the pin has no effect.
func (p *FieldsPrinter) PinTCPStream(n uint32) {
	for _, f := range p.fields {
		if f == &udpFields[udpStream] {
			return // the UDP streams are numbered too
		}
	}
	p.pin = n + 1
}

// fieldsTime is f's time as the frame fields count it: a packet without
// one is at the epoch, as in tshark.
func fieldsTime(f *Frame) time.Time {
	if f.Time.IsZero() {
		return time.Unix(0, 0)
	}
	return f.Time
}

// emit emits the fields of the packet d holds, described by f, with the
// tracker's results conv and the previous displayed frame's time shown.
func (p *FieldsPrinter) emit(d *Decoder, f *Frame, conv *convResults, shown time.Time) *FieldList {
	loc := p.Location
	if loc == nil {
		loc = time.Local
	}
	p.titles = p.Titles && p.protoNamed
	if p.titles {
		// The titles come from a second list filled as the tree's: a
		// tree list's values may carry their tree text (a relative
		// time's "Label: N seconds"), so the values come from the first.
		p.emitList(&p.tl, true, d, f, conv, shown, loc)
	}
	p.emitList(&p.list, false, d, f, conv, shown, loc)
	return &p.list
}

// emitList fills l with the packet's fields, as the tree's list if tree.
func (p *FieldsPrinter) emitList(fl *FieldList, tree bool, d *Decoder, f *Frame, conv *convResults, shown time.Time, loc *time.Location) {
	e := &p.em
	*e = emitter{FieldList: fl, d: d, wire: f.Length, conv: conv, all: true, frame: f, loc: loc}
	e.Reset()
	fl.tree, fl.pkt = tree, d.data
	want := p.frame
	if p.names == nil {
		want = ^uint64(0) // every field (-T ek)
	}
	if want != 0 {
		emitFrame(e, f, e.conv.first, e.conv.prev, shown, loc, want, &p.stamp)
	}
	for i := range d.layers[:d.n] {
		l := &d.layers[i]
		var depth uint8
		switch {
		case l.Type == LayerPayload && d.inICMPError(i):
			depth = 0 // tshark's tree shows a quoted packet's data at the top
		case l.Quoted || l.Type == LayerPayload && payloadInsidePrevious(d, i):
			depth = 1
		case l.Type == LayerMIPv6, l.Type == LayerAH && i > 0 && d.layers[i-1].Type != LayerIPv4:
			depth = 1 // -T ek nests them in ipv6's object, as tshark's tree does
		}
		if p.some && !p.layers[l.Type] && !(l.Type == LayerOpenFlow && i+1 < d.n && d.layers[i+1].Quoted) {
			continue // no field of this layer (or of the frames it carries) is asked for
		}
		if tree && l.Quoted || l.Quoted && d.quotedBy(i) == LayerOpenFlow {
			continue // a tree list's ICMP error emits the headers it quotes; OpenFlow its frames
		}
		e.Nest(depth)
		emitLayer(e, i)
	}
	e.Nest(0)
}

// Append appends the line of the packet d last decoded, described by f
// (after the header line, before the first packet).
func (p *FieldsPrinter) Append(b []byte, d *Decoder, f *Frame) []byte {
	b = p.AppendHeader(b)
	return p.appendLine(b, p.Fields(d, f))
}

// AppendHeader appends the header line (-E header=y) if p has one and has
// not printed it yet.
func (p *FieldsPrinter) AppendHeader(b []byte) []byte {
	if p.started {
		return b
	}
	p.started = true
	if p.Header {
		for k, n := range p.names {
			if k > 0 {
				b = append(b, p.Separator...)
			}
			b = append(b, n...)
		}
		b = append(b, '\n')
	}
	return b
}

// appendLine appends the named fields' values in l and a newline.
func (p *FieldsPrinter) appendLine(b []byte, l *FieldList) []byte {
	// The value records, found once: with a selection the list holds few
	// besides its protocols' records, and each named field is then looked
	// for among these only. A protocol named, with Titles, is looked for
	// among the title list's protocols (titleRecords).
	vals := p.vals[:0]
	for k := range l.recs {
		if r := &l.recs[k]; r.Op == OpValue && !r.JSONOnly {
			vals = append(vals, int32(k))
		}
	}
	p.vals = vals
	var tvals []int32
	if p.titles {
		p.tvals = p.tl.titleRecords(p.tvals[:0])
		tvals = p.tvals
	}
	for k, f := range p.fields {
		if k > 0 {
			b = append(b, p.Separator...)
		}
		if p.titles && f.Kind == KindProtocol {
			b = p.appendField(b, &p.tl, f, tvals)
		} else {
			b = p.appendField(b, l, f, vals)
		}
	}
	return append(b, '\n')
}

// titleRecords appends to ks the records of l, a tree list, that -T fields
// prints for a protocol named: its items (not one tshark draws only as a
// malformed mark) and a protocol's value (the bytes of one inside another).
func (l *FieldList) titleRecords(ks []int32) []int32 {
	for k := range l.recs {
		r := &l.recs[k]
		if r.Op == OpProto && !r.noTree || r.Op == OpValue && !r.JSONOnly && r.Field.Kind == KindProtocol {
			ks = append(ks, int32(k))
		}
	}
	return ks
}

// appendField appends the values of the named field in l, whose value
// records are l.recs[vals[…]].
func (p *FieldsPrinter) appendField(b []byte, l *FieldList, f *Field, vals []int32) []byte {
	q := p.Quote
	start := len(b)
	if q == 'd' {
		b = append(b, '"')
	} else if q == 's' {
		b = append(b, '\'')
	}
	last := int32(-1)
	n := 0
	for _, k := range vals {
		r := &l.recs[k]
		if r.Field != f && (f.nameID == 0 || r.Field.nameID != f.nameID) {
			continue // another field (the selection numbered the names)
		}
		switch p.Occurrence {
		case 'f':
			if n == 0 {
				b = appendRecText(b, l, k)
			}
		case 'l':
			last = k
		default:
			if n > 0 {
				b = append(b, p.Aggregator...)
			}
			b = appendRecText(b, l, k)
		}
		n++
	}
	if last >= 0 {
		b = appendRecText(b, l, last)
	}
	if n == 0 {
		return b[:start] // tshark quotes no empty field
	}
	if q == 'd' {
		b = append(b, '"')
	} else if q == 's' {
		b = append(b, '\'')
	}
	return b
}

// appendRecText appends record k of l as tshark -T fields prints it: a
// value's text (AppendFieldText), or for a protocol its tree title, its
// name where tshark's item has no title of its own (a protocol added
// without text appended to its name), and the hex bytes of "data".
func appendRecText(b []byte, l *FieldList, k int32) []byte {
	r := &l.recs[k]
	if r.Op != OpProto {
		return AppendFieldText(b, l, r)
	}
	if r.Field == &protoData {
		return appendHexBytes(b, l.ProtoBytes(r))
	}
	// A title that is only the protocol's name is one tshark's item has
	// when the dissector gives it one (Titled).
	if t := l.reprOf(int(k)); t != nil && string(t) != r.Field.Label {
		return append(b, t...)
	}
	if r.Field.Titled {
		return append(b, r.Field.Label...)
	}
	return append(b, r.Field.Name...)
}

// AppendFieldText appends r's value as tshark -T fields prints it: integers
// in their base (hex ones as 0x and the field's digits), booleans as 1 and
// 0, addresses, byte strings in hex (an empty one as "<MISSING>", or
// "<none>" for an AllowZero field), texts and times as Wireshark shows
// them, a field without a value (an analysis flag) as 1.
func AppendFieldText(b []byte, l *FieldList, r *FieldRec) []byte {
	f := r.Field
	switch f.Kind {
	case KindUint, KindFrameNum:
		if f.Base == BaseHex || f.Base == BaseHexDec {
			return appendHexDigits(b, r.u, f.hexDigits())
		}
		return appendUint(b, r.u)
	case KindInt:
		return appendInt(b, int64(r.u))
	case KindBool:
		if r.u != 0 {
			return append(b, '1')
		}
		return append(b, '0')
	case KindIPv4, KindIPv6:
		return l.AddrOf(r).AppendTo(b)
	case KindMAC:
		return r.MAC().AppendTo(b)
	case KindNone:
		return append(b, '1') // present, as tshark shows an FT_NONE field
	case KindBytes, KindProtocol:
		v := l.BytesOf(r)
		switch {
		case len(v) == 0 && f.Kind == KindBytes && f.AllowZero:
			return append(b, "<none>"...) // tshark's text for an empty value
		case len(v) == 0 && f.Kind == KindBytes:
			return append(b, "<MISSING>"...)
		case f.ColonSep:
			return appendColonHex(b, v)
		}
		return appendHexBytes(b, v)
	case KindString, KindOID, KindSystemID:
		return appendFieldsEscaped(b, l.BytesOf(r))
	case KindTime, KindRelTime:
		return append(b, l.BytesOf(r)...)
	case KindFloat:
		return strconv.AppendFloat(b, r.Float(), 'g', 15, 64) // tshark's %.15g
	}
	return b
}

// appendFieldsEscaped appends a string as tshark -T fields writes it with
// its default -E escape=y: tab, line feed, carriage return, form feed and
// backspace as \t, \n, \r, \f and \b (a vertical tab stays as it is).
func appendFieldsEscaped(b, s []byte) []byte {
	for _, c := range s {
		switch c {
		case '\t':
			b = append(b, '\\', 't')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\f':
			b = append(b, '\\', 'f')
		case '\b':
			b = append(b, '\\', 'b')
		default:
			b = append(b, c)
		}
	}
	return b
}
