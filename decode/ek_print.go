package decode

import (
	"strconv"
	"time"
)

// EKPrinter prints packets as tshark -T ek does, for Elasticsearch's bulk
// API: an index line ({"index":{"_index":"packets-YYYY-MM-DD",…}}) and a
// document per packet. The document's "layers" hold one object per
// protocol whose keys are the protocol's name and the field's, dots made
// underscores ("ip_ip_src"); values are strings as tshark -T fields prints
// them, booleans true and false, byte strings colon-separated hex, and a
// field that occurs several times an array. With Fields set, only those
// fields are written, each as an array under its own name ("ip_src"), as
// tshark -T ek -e does.
type EKPrinter struct {
	// Fields, when not empty, are the only fields written (tshark's -e).
	Fields []string
	// Location is the zone for frame.time and the index's date (time.Local
	// if nil).
	Location *time.Location

	fp FieldsPrinter
	// protos says which of Fields are protocols (set once by titles).
	protos []bool
	// stamp and count, indexed by a field's nameID, say which names
	// appendProto has seen in the protocol it is writing (stamp == gen) and
	// how often they occur there, until written (then 0): one pass instead
	// of a scan per field.
	stamp []uint32
	count []uint32
	gen   uint32
	tops  []int    // appendAll's top-level protocols, reused
	kids  []int    // appendTree's nested protocols, a stack reused
	vals  []int    // ekOrder's values of one name, reused
	under []*Field // ekOrder's field each value is under, reused
	order []int    // ekOrder's result, reused
}

// Append appends the index line and the document of the packet d last
// decoded, described by f.
func (p *EKPrinter) Append(b []byte, d *Decoder, f *Frame) []byte {
	p.titles()
	p.fp.Location = p.location()
	return p.appendDoc(b, p.fp.Fields(d, f), f)
}

// titles makes a protocol among the chosen fields (-e ip) print its tree
// title, as tshark -T ek does (FieldsPrinter.Titles).
func (p *EKPrinter) titles() {
	if p.protos != nil || len(p.Fields) == 0 {
		return
	}
	p.protos = make([]bool, len(p.Fields))
	for i, n := range p.Fields {
		if f := LookupField(n); f != nil && f.Kind == KindProtocol {
			p.protos[i] = true
			p.fp.Titles, p.fp.protoNamed = true, true
		}
	}
}

// location is the zone of frame.time and the index's date.
func (p *EKPrinter) location() *time.Location {
	if p.Location == nil {
		return time.Local
	}
	return p.Location
}

// appendDoc appends the index line and the document of the packet whose
// fields l holds, described by f.
func (p *EKPrinter) appendDoc(b []byte, l *FieldList, f *Frame) []byte {
	ft := fieldsTime(f) // a packet without a time is at the epoch, as in tshark
	t := ft.In(p.location())
	b = append(b, `{"index":{"_index":"packets-`...)
	b = t.AppendFormat(b, "2006-01-02")
	b = append(b, `","_type":"doc"}}`+"\n"...)
	b = append(b, `{"timestamp":"`...)
	// The seconds, then the milliseconds in three digits: "0000" for a
	// packet in the epoch's first millisecond, as tshark writes it.
	b = strconv.AppendInt(b, ft.Unix(), 10)
	ms := ft.Nanosecond() / 1e6
	b = append(b, byte('0'+ms/100), byte('0'+ms/10%10), byte('0'+ms%10))
	b = append(b, `","layers":{`...)
	if len(p.Fields) > 0 {
		b = p.appendChosen(b, l)
	} else {
		b = p.appendAll(b, l, t)
	}
	return append(b, "}}\n"...)
}

// appendChosen appends the chosen fields, each an array of its values.
func (p *EKPrinter) appendChosen(b []byte, l *FieldList) []byte {
	first := true
	for i, name := range p.Fields {
		n := 0
		l := l
		if p.fp.titles && p.protos[i] {
			l = &p.fp.tl // a protocol's title (FieldsPrinter.Titles)
		}
		for k := range l.recs {
			r := &l.recs[k]
			title := r.Op == OpProto && l.tree && !r.noTree
			if r.Op != OpValue && !title || r.JSONOnly || r.Field.Name != name {
				continue
			}
			if n == 0 {
				if !first {
					b = append(b, ',')
				}
				first = false
				b = append(b, '"')
				b = appendEKName(b, name)
				b = append(b, `":[`...)
			} else {
				b = append(b, ',')
			}
			b = append(b, '"')
			b = appendJSONTail(b, appendRecText(b, l, int32(k)), len(b))
			b = append(b, '"')
			n++
		}
		if n > 0 {
			b = append(b, ']')
		}
	}
	return b
}

// appendAll appends an object per protocol (the first of each name) with
// all its fields, and inside it the protocols Wireshark's tree nests there.
func (p *EKPrinter) appendAll(b []byte, l *FieldList, t time.Time) []byte {
	recs := l.recs
	// The top-level protocols' opening records, found once.
	p.tops = p.tops[:0]
	for k := 0; k < len(recs); {
		if recs[k].Op != OpProto {
			k++
			continue
		}
		p.tops = append(p.tops, k)
		_, k = p.appendTree(nil, l, k, t)
	}
	first := true
	for i, k := range p.tops {
		proto := recs[k].Field
		again, before := false, false
		for _, j := range p.tops[:i] {
			before = before || recs[j].Field == proto
		}
		if before {
			continue // written with its first occurrence
		}
		for _, j := range p.tops[i+1:] {
			again = again || recs[j].Field == proto
		}
		if proto == &protoOutside {
			// Its fields without the object around them.
			at := len(b)
			if !first {
				b = append(b, ',')
			}
			start := len(b)
			b, _ = p.appendTree(b, l, k, t)
			inner := len(b) - 1 - (start + len(`"":{`))
			if inner <= 0 {
				b = b[:at]
				continue
			}
			copy(b[start:], b[start+len(`"":{`):len(b)-1])
			b = b[:start+inner]
			first = false
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		if !again {
			b, _ = p.appendTree(b, l, k, t)
			continue
		}
		b = p.appendArray(b, l, p.tops[i:], t)
	}
	return b
}

// appendArray appends, under the name of the protocol opened at
// recs[ks[0]], an array of the objects of it and of the protocols in
// ks[1:] of the same name: tshark writes a protocol that occurs again
// (IP in IP, two VLAN tags, the frames an sFlow datagram samples) so.
func (p *EKPrinter) appendArray(b []byte, l *FieldList, ks []int, t time.Time) []byte {
	recs := l.recs
	proto := recs[ks[0]].Field
	b = append(b, '"')
	key := len(b)
	b = appendEKProto(b, proto)
	key = len(b) - key
	b = append(b, `":[`...)
	for n, j := range ks {
		if recs[j].Field != proto {
			continue
		}
		if n > 0 {
			b = append(b, ',')
		}
		start := len(b)
		b, _ = p.appendTree(b, l, j, t)
		b = append(b[:start], b[start+key+3:]...) // `"name":` off
	}
	return append(b, ']')
}

// appendTree appends the protocol opened at recs[k] with the protocols
// nested in it (a nil b appends nothing), and returns the index after them.
func (p *EKPrinter) appendTree(b []byte, l *FieldList, k int, t time.Time) ([]byte, int) {
	recs := l.recs
	end := protoEnd(recs, k)
	if b != nil {
		b = p.appendProto(b, l, k, end, t)
	}
	next := end + 1
	base := len(p.kids)
	for next < len(recs) && recs[next].Op == OpProto && recs[next].Nested > recs[k].Nested {
		if recs[next].Nested != recs[k].Nested+1 {
			next = protoEnd(recs, next) + 1
			continue
		}
		p.kids = append(p.kids, next)
		_, next = p.appendTree(nil, l, next, t)
	}
	if kids := p.kids[base:]; b != nil && len(kids) > 0 {
		b = b[:len(b)-1] // reopen the object
		for i, j := range kids {
			proto := recs[j].Field
			before, again := false, false
			for _, m := range kids[:i] {
				before = before || recs[m].Field == proto
			}
			if before {
				continue // written with its first occurrence
			}
			for _, m := range kids[i+1:] {
				again = again || recs[m].Field == proto
			}
			if b[len(b)-1] != '{' {
				b = append(b, ',')
			}
			if again {
				b = p.appendArray(b, l, kids[i:], t)
			} else {
				b, _ = p.appendTree(b, l, j, t)
			}
		}
		b = append(b, '}')
	}
	p.kids = p.kids[:base]
	return b, next
}

// appendProto appends "name":{fields} for the protocol opened at recs[k]
// and closed at recs[end]: each field name once, at its first value, with
// all its values (an array when there are several), each keyed by the
// protocol that registers it; a protocol opened inside it (the TLS
// handshake of a QUIC CRYPTO frame, 802.11's management body) is an object
// of its own there, as tshark nests a protocol item.
func (p *EKPrinter) appendProto(b []byte, l *FieldList, k, end int, t time.Time) []byte {
	recs := l.recs
	proto := recs[k].Field
	b = append(b, '"')
	b = appendEKProto(b, proto)
	b = append(b, `":{`...)
	if len(p.stamp) < int(fieldCount) {
		numberNames()
		p.stamp = make([]uint32, fieldCount)
		p.count = make([]uint32, fieldCount)
	}
	p.countNames(recs, k+1, end)
	firstField := true
	for j := k + 1; j < end; j++ {
		r := &recs[j]
		if r.Op == OpProto {
			// A protocol inside this one: its object, then this one's
			// fields go on (counted again: the nested object's count used
			// the same tables).
			in := protoEnd(recs, j)
			if !firstField {
				b = append(b, ',')
			}
			firstField = false
			b = p.appendProto(b, l, j, in, t)
			p.countNames(recs, k+1, end)
			for m := k + 1; m < in; m = ekNext(recs, m) {
				if q := &recs[m]; ekWritten(q) && q.Field.nameID != 0 {
					p.count[q.Field.nameID] = 0 // written already
				}
			}
			j = in
			continue
		}
		if !ekWritten(r) {
			continue
		}
		var n int
		if id := r.Field.nameID; id != 0 {
			if n = int(p.count[id]); n == 0 {
				continue // written at its first value
			}
			p.count[id] = 0
		} else {
			if earlierValue(recs, k+1, j) {
				continue
			}
			for m := j; m < end; m = ekNext(recs, m) {
				if ekWritten(&recs[m]) && recs[m].Field.Name == r.Field.Name {
					n++
				}
			}
		}
		if !firstField {
			b = append(b, ',')
		}
		firstField = false
		b = append(b, '"')
		if r.Field.Kind != KindProtocol {
			// The prefix is the protocol that registers the field:
			// pkt_comment shows the frame's frame.comment.
			if proto == &protoPktComment {
				b = append(b, "frame"...)
			} else {
				b = appendEKName(b, ekReg(r.Field, proto).Name)
			}
			b = append(b, '_')
		}
		b = appendEKName(b, r.Field.Name)
		b = append(b, `":`...)
		if n <= 1 {
			b = appendEKValue(b, l, r, t, p.location())
			continue
		}
		if r.Field.EKByParent {
			b = p.appendEKByParent(b, l, k, j, end, r.Field, t)
			continue
		}
		b = append(b, '[')
		if proto.EKByTreeParent {
			for c, m := range p.ekOrder(recs, k, j, end, n) {
				if c > 0 {
					b = append(b, ',')
				}
				b = appendEKValue(b, l, &recs[m], t, p.location())
			}
			b = append(b, ']')
			continue
		}
		for m, c := j, 0; c < n && m < end; m = ekNext(recs, m) {
			q := &recs[m]
			if !ekWritten(q) || !sameName(q.Field, r.Field) {
				continue
			}
			if c > 0 {
				b = append(b, ',')
			}
			c++
			b = appendEKValue(b, l, q, t, p.location())
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// countNames counts, for appendProto, how often each name occurs among
// the fields of recs[from:end], those of protocols inside left out.
func (p *EKPrinter) countNames(recs []FieldRec, from, end int) {
	p.gen++
	if p.gen == 0 { // wrapped: forget every stamp
		clear(p.stamp)
		p.gen = 1
	}
	for j := from; j < end; j = ekNext(recs, j) {
		if r := &recs[j]; ekWritten(r) && r.Field.nameID != 0 {
			if p.stamp[r.Field.nameID] != p.gen {
				p.stamp[r.Field.nameID] = p.gen
				p.count[r.Field.nameID] = 0
			}
			p.count[r.Field.nameID]++
		}
	}
}

// ekNext returns the index of the record after recs[j] in its protocol:
// past the end of a protocol opened there.
func ekNext(recs []FieldRec, j int) int {
	if recs[j].Op == OpProto {
		return protoEnd(recs, j) + 1
	}
	return j + 1
}

// ekReg returns the protocol that registers f, written in proto's object:
// the one f declares, else proto when f's name is inside proto's
// ("ipv6.routing.nxt" in ipv6.routing's), else the one whose table
// declares f, else proto.
func ekReg(f, proto *Field) *Field {
	switch {
	case f.Proto != nil:
		return f.Proto
	case len(f.Name) > len(proto.Name) && f.Name[len(proto.Name)] == '.' && f.Name[:len(proto.Name)] == proto.Name:
		return proto
	case f.reg != nil:
		return f.reg
	}
	return proto
}

// appendEKProto appends the key of protocol p's object: its name, dots
// made underscores ("ipv6_routing"), after the name of the protocol that
// registers it as a field of its own ("wlan_wlan_mgt").
func appendEKProto(b []byte, p *Field) []byte {
	if p.Proto != nil {
		b = appendEKName(b, p.Proto.Name)
		b = append(b, '_')
	}
	return appendEKName(b, p.Name)
}

// appendEKByParent appends the values of f (an EKByParent field) from
// recs[j] on, before end, as one array grouped by the protocol item each
// follows (within the protocol opened at recs[k]), in the order of the
// items' first values: tshark's JSON merges the subtrees of items of one
// name and writes the field once per item, under the same key; one flat
// array of those values in that order is what an Elasticsearch document
// can hold (it refuses a key written twice).
func (p *EKPrinter) appendEKByParent(b []byte, l *FieldList, k, j, end int, f *Field, t time.Time) []byte {
	recs := l.recs
	of := func(m int) bool { return ekWritten(&recs[m]) && sameName(recs[m].Field, f) }
	// parent returns the item value m follows: the field of the protocol
	// item before it, or, when another value of f comes first, m itself
	// (an item rawcap does not model: a group of its own).
	type item struct {
		f *Field
		m int
	}
	parent := func(m int) item {
		for q := m - 1; q > k; q-- {
			if recs[q].Op == OpValue && recs[q].Field.Kind == KindProtocol {
				return item{f: recs[q].Field}
			}
			if of(q) {
				break
			}
		}
		return item{m: m}
	}
	b = append(b, '[')
	first := true
	for m := j; m < end; m = ekNext(recs, m) {
		if !of(m) {
			continue
		}
		pm := parent(m)
		dup := false
		for q := j; q < m && !dup; q = ekNext(recs, q) {
			dup = of(q) && parent(q) == pm
		}
		if dup {
			continue // written with the item's first value
		}
		for q := m; q < end; q = ekNext(recs, q) {
			if of(q) && parent(q) == pm {
				if !first {
					b = append(b, ',')
				}
				first = false
				b = appendEKValue(b, l, &recs[q], t, p.location())
			}
		}
	}
	return append(b, ']')
}

// ekWritten reports whether -T ek writes r among its protocol's fields.
func ekWritten(r *FieldRec) bool { return r.Op == OpValue && !r.JSONOnly && !r.Expert }

// protoEnd returns the index of the OpEnd that closes the protocol opened
// at recs[k] (len(recs) if none does).
func protoEnd(recs []FieldRec, k int) int {
	depth := 0
	for j := k; j < len(recs); j++ {
		switch recs[j].Op {
		case OpProto, OpGroup, OpItem:
			depth++
		case OpEnd:
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return len(recs)
}

// earlierValue reports whether a value of recs[j]'s field comes before j
// from index from on.
func earlierValue(recs []FieldRec, from, j int) bool {
	for m := from; m < j; m = ekNext(recs, m) {
		if ekWritten(&recs[m]) && recs[m].Field.Name == recs[j].Field.Name {
			return true
		}
	}
	return false
}

// parseWSTime reads Wireshark's text of an absolute time, as the time
// fields hold it ("Jul 25, 1987 21:08:33.007738396 UTC"), in loc (the
// zone the text was written in), without allocating.
func parseWSTime(s []byte, loc *time.Location) (time.Time, bool) {
	num := func(s []byte) (int, bool) {
		n := 0
		for _, c := range s {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, len(s) > 0
	}
	if len(s) < len("Jan 2, 2006 15:04:05") || s[3] != ' ' {
		return time.Time{}, false
	}
	month := 0
	for m := time.January; m <= time.December; m++ {
		if string(s[:3]) == m.String()[:3] {
			month = int(m)
		}
	}
	s = s[4:]
	if s[0] == ' ' {
		s = s[1:]
	}
	comma := 0
	for comma < len(s) && s[comma] != ',' {
		comma++
	}
	day, ok1 := num(s[:comma])
	if month == 0 || !ok1 || len(s) < comma+2+4+1+8 || s[comma+1] != ' ' {
		return time.Time{}, false
	}
	s = s[comma+2:]
	year, ok2 := num(s[:4])
	hh, ok3 := num(s[5:7])
	mm, ok4 := num(s[8:10])
	ss, ok5 := num(s[11:13])
	if !ok2 || !ok3 || !ok4 || !ok5 || s[4] != ' ' || s[7] != ':' || s[10] != ':' {
		return time.Time{}, false
	}
	s = s[13:]
	ns := 0
	if len(s) > 0 && s[0] == '.' {
		k := 1
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		digits := s[1:k]
		if len(digits) == 0 || len(digits) > 9 {
			return time.Time{}, false
		}
		ns, _ = num(digits)
		for n := len(digits); n < 9; n++ {
			ns *= 10
		}
		s = s[k:]
	}
	if len(s) > 0 && s[0] != ' ' {
		return time.Time{}, false
	}
	return time.Date(year, time.Month(month), day, hh, mm, ss, ns, loc), true
}

// appendEKValue appends one value as tshark -T ek writes it.
func appendEKValue(b []byte, l *FieldList, r *FieldRec, t time.Time, loc *time.Location) []byte {
	switch r.Field.Kind {
	case KindBool:
		return strconv.AppendBool(b, r.u != 0)
	case KindNone:
		return append(b, "null"...) // tshark's value of a field without one
	case KindBytes, KindProtocol:
		b = appendColonHex(append(b, '"'), l.BytesOf(r))
		return append(b, '"')
	case KindString, KindOID, KindSystemID:
		// The text itself, JSON-escaped (a newline as JSON's \n), where
		// -T fields writes its escaped form.
		return appendJSONBytes(b, l.BytesOf(r))
	}
	if r.Field == &frameFields[frameTime] {
		b = append(b, '"')
		b = t.UTC().AppendFormat(b, "2006-01-02T15:04:05.000000000Z")
		return append(b, '"')
	}
	if r.Field.Kind == KindTime {
		// An absolute time: ek writes it as an ISO 8601 UTC instant where
		// -T fields shows Wireshark's text ("Jul 25, 1987 21:08:33.007738396
		// UTC"; "NULL" for a zero NTP time, which ek writes as the epoch).
		b = append(b, '"')
		text := l.BytesOf(r)
		if string(text) == "NULL" {
			return append(b, "1970-01-01T00:00:00.000000000Z\""...)
		}
		if at, ok := parseWSTime(text, loc); ok {
			b = at.UTC().AppendFormat(b, "2006-01-02T15:04:05.000000000Z")
			return append(b, '"')
		}
		b = appendJSONTail(b, append(b, text...), len(b))
		return append(b, '"')
	}
	b = append(b, '"')
	b = appendJSONTail(b, AppendFieldText(b, l, r), len(b))
	return append(b, '"')
}

// appendEKName appends a field name with its dots made underscores.
func appendEKName(b []byte, name string) []byte {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c == '.' {
			c = '_'
		}
		b = append(b, c)
	}
	return b
}

// appendJSONTail escapes for a JSON string the bytes text[start:] that an
// append just added (text is b grown), returning the escaped result.
func appendJSONTail(b, text []byte, start int) []byte {
	for k := start; k < len(text); k++ {
		c := text[k]
		if c == '"' || c == '\\' || c < 0x20 || c == 0x7f {
			return escapeTail(text, start)
		}
	}
	return text
}

// escapeTail re-escapes text[start:] for JSON.
func escapeTail(text []byte, start int) []byte {
	var tmp [256]byte
	raw := append(tmp[:0], text[start:]...)
	out := text[:start]
	for _, c := range raw {
		out = appendJSONByte(out, c)
	}
	return out
}

// ekOrder returns the indexes of the n values of recs[j]'s name in the
// protocol opened at recs[k] (ending at end), in the order tshark's ek
// writes them for a protocol whose fields nest as tshark's items do
// (EKByTreeParent): tshark lists a name's values per field they are under
// (the item whose subtree holds them, or the protocol), those lists in the
// order each began, each in the order of the packet. (It writes each list
// under the name again; one array holds them all here, as an Elasticsearch
// document must.) The values of a JSON object's members come before those
// of an array in it; a nested DHCPv6 option's after the outer options'.
func (p *EKPrinter) ekOrder(recs []FieldRec, k, j, end, n int) []int {
	f := recs[j].Field
	p.vals, p.under = p.vals[:0], p.under[:0]
	for m := j; len(p.vals) < n && m < end; m = ekNext(recs, m) {
		if q := &recs[m]; ekWritten(q) && sameName(q.Field, f) {
			p.vals = append(p.vals, m)
			p.under = append(p.under, ekParent(recs, k, m))
		}
	}
	// One list after another, in the order each began (a pass per list:
	// most names have one).
	p.order = p.order[:0]
	for a, u := range p.under {
		if u == nil {
			continue // taken with its list
		}
		for c := a; c < len(p.vals); c++ {
			if p.under[c] != nil && sameName(p.under[c], u) {
				p.order = append(p.order, p.vals[c])
				p.under[c] = nil
			}
		}
	}
	return p.order
}

// ekParent returns the field whose subtree holds recs[m] in the protocol
// opened at recs[k]: the nearest value before it at a lesser depth, or the
// protocol.
func ekParent(recs []FieldRec, k, m int) *Field {
	d := recs[m].Depth
	for q := m - 1; q > k; q-- {
		if r := &recs[q]; r.Op == OpValue && r.Depth < d {
			return r.Field
		}
	}
	return recs[k].Field
}
