package decode

import (
	"encoding/binary"
	"math"
	"math/bits"
	"net/netip"
)

// FieldList holds the fields of one packet in the order its protocols emit
// them, as Wireshark's protocol tree does: the one place every generic
// output reads a packet's decoded values from. A FieldList is reused from
// packet to packet (Reset keeps its storage), so filling it does not
// allocate once it has grown to the size of the largest packet seen. It is
// not safe for concurrent use.
type FieldList struct {
	recs []FieldRec
	aux  []byte // the bytes of byte, string and text values
	pkt  []byte // the packet's bytes, which protocol records' spans index

	jsonOnly bool
	hidden   bool
	expert   bool
	nested   uint8

	// tree says the list is drawn as tshark's -V tree (treefields.go):
	// records keep their depth in the protocol's subtree and the text
	// that replaces a field's standard line (SetRepr), and tree-only lines
	// (Line) are kept. The other outputs leave it off and never see those.
	tree  bool
	depth uint8
	// top: the lines added (Line) are drawn at the tree's top level, beside
	// the protocols (TopLines).
	top      bool
	topDepth uint8 // the depth the other mode had
	// reprs holds, in a tree list, where each record's tree text lies in
	// aux (the text that replaces the record's standard line, or an
	// OpText line's), by record index; kept beside recs so that the
	// records the other outputs fill stay 24 bytes. It may be shorter
	// than recs: the records after it have none.
	reprs []reprSpan
	// memo, in a tree list, remembers blocks of drawn lines by the header
	// bytes they depend on (Memo); nil: every line is drawn. memoOpen is
	// the open block's OpMemo record (-1: none); treeBase is the depth of
	// the layer's protocol line in the whole tree and inside how many
	// protocols InsidePrevious put the open one: with depth, where a
	// block's lines are drawn.
	memo     *treeMemos
	memoOpen int
	treeBase uint8
	inside   uint8
	// sel, when not nil, is the set of field ids (a bit each) whose values
	// are kept: an output that reads a few fields (-T fields -e, a display
	// filter) has the others dropped as they are emitted. Protocols,
	// groups and items are always kept.
	sel []uint64
	// dropped is len(recs)+1 when the last value added was dropped by
	// sel (0: it was kept): a SetRepr after it is that value's text, not
	// the record before it (a protocol's title, in a list that keeps
	// them: -T fields -e ip).
	dropped int
}

// lastDropped reports whether the value added last was dropped by the
// selection (and nothing added since).
func (l *FieldList) lastDropped() bool { return l.dropped == len(l.recs)+1 }

// selectFields keeps only the values of fs from now on (every field's
// when fs is empty), and of the other definitions of their names (an LLC
// control field's frame type, masked as the frame's kind says).
func (l *FieldList) selectFields(fs []*Field) {
	l.sel = nil
	if len(fs) == 0 {
		return
	}
	numberNames()
	l.sel = make([]uint64, (fieldCount+63)/64)
	for _, f := range fs {
		if f.nameID == 0 {
			l.sel = nil // not in the table: keep everything
			return
		}
		l.sel[f.nameID>>6] |= 1 << (f.nameID & 63)
	}
}

// reprSpan is where a tree text lies in a FieldList's aux (n 0: none).
type reprSpan struct{ off, n uint32 }

// setRepr records aux[off:end] as the tree text of record k.
func (l *FieldList) setRepr(k, off, end int) {
	for len(l.reprs) <= k {
		l.reprs = append(l.reprs, reprSpan{})
	}
	l.reprs[k] = reprSpan{uint32(off), uint32(end - off)}
}

// reprOf returns record k's tree text (nil: none).
func (l *FieldList) reprOf(k int) []byte {
	if k >= len(l.reprs) || l.reprs[k].n == 0 {
		return nil
	}
	sp := l.reprs[k]
	return l.aux[sp.off : sp.off+sp.n]
}

// FieldRec is one record of a FieldList: a field's value, or the opening or
// end of a protocol, a group or an item of a group.
type FieldRec struct {
	Field *Field
	Op    FieldOp
	// JSONOnly marks a copy of a field kept only for the JSON object's
	// convenience (dns.qry.name of the first question at the top of "dns"):
	// the generic field outputs skip it.
	JSONOnly bool
	// Hidden marks a field Wireshark adds without showing it (ip.version
	// in an IPv6 header): -T fields, -T ek and filters see it, JSON not.
	Hidden bool
	// Expert marks a field Wireshark adds as expert information (the TCP
	// analysis flags): -T fields and filters see it as any other; tshark
	// -T ek writes it inside "_ws_expert" objects, which rawcap's -T ek
	// does not write, so ek leaves it out (but for its -e fields).
	Expert bool
	// Nested is how deep Wireshark's tree holds a protocol inside the ones
	// before it: 1 for an ICMP error's quoted packet or an echo's data,
	// which Wireshark shows inside ICMP.
	Nested uint8
	// noTree marks, in a tree list, a record tshark's tree does not show
	// though its other outputs do (proto_item_set_hidden).
	noTree bool
	// Depth is how deep the record sits in its protocol's subtree (0: a
	// protocol's own fields); kept only in a tree list.
	Depth uint8
	// text marks, in a tree list, an OpText record whose text goes into
	// the tree as it is, newlines included and not indented (textRaw,
	// RawLines), or that is drawn at the tree's top level, Depth counted
	// from the layer's protocol line's level (textTop, TopLines). One
	// byte for both, so that a record stays 24 bytes.
	text uint8
	// u is the value of an integer, boolean, float (its bits), MAC or
	// IPv4 address; for the values kept in aux (bytes, texts, IPv6
	// addresses) it is their offset<<32 | length. A record stays 24 bytes.
	u uint64
}

// The marks of an OpText record (FieldRec.text).
const (
	textRaw = 1 << iota
	textTop
	// textNested marks an OpProto record NestedProto opened: the tree
	// returns to the enclosing protocol's depth at its End.
	textNested
	// textShift: a record that draws nothing and moves the protocols
	// after it int8(Depth) levels (ShiftProtos).
	textShift
)

// FieldOp says what a FieldRec is.
type FieldOp uint8

// The kinds of record.
const (
	OpValue FieldOp = iota // a field's value
	OpProto                // a protocol starts; its fields follow until OpEnd
	OpGroup                // a group starts (Field.Shape says which); OpEnd ends it
	OpItem                 // an item of a ShapeObjects group starts; OpEnd ends it
	OpEnd                  // the innermost open protocol, group or item ends
	// OpText is a line of the -V tree that is no field (tshark's text
	// items): only a tree list (FieldList.tree) holds it.
	OpText
	// OpMemo opens, in a tree list, a block of lines the tree memo keeps
	// (FieldList.Memo); OpMemoEnd closes it. A block found in the memo is
	// an OpMemo alone: its lines are copied, its fields never emitted.
	OpMemo
	OpMemoEnd
)

// Reset empties l for the next packet.
func (l *FieldList) Reset() {
	l.recs = l.recs[:0]
	l.aux = l.aux[:0]
	l.jsonOnly, l.hidden, l.expert, l.nested = false, false, false, 0
	l.depth, l.top, l.topDepth = 0, false, 0
	l.reprs = l.reprs[:0]
	l.memoOpen, l.inside = -1, 0
	l.dropped = 0
}

// Records returns l's records. The slice aliases l and is valid until the
// next Reset.
func (l *FieldList) Records() []FieldRec { return l.recs }

// Proto opens protocol p (a KindProtocol field); End closes it.
func (l *FieldList) Proto(p *Field) {
	l.depth = 0
	l.recs = append(l.recs, FieldRec{Field: p, Op: OpProto, Nested: l.nested})
}

// NestedProto opens protocol p inside the protocol still open, as a
// subtree of the line before it (tshark draws the TLS handshake of a QUIC
// CRYPTO frame so): in a tree list its line is drawn at the current depth
// and its records beneath it. EndNested, given what NestedProto returned,
// closes it; the enclosing protocol's records then go on at the depth
// they had. Elsewhere it is Proto.
func (l *FieldList) NestedProto(p *Field) (depth uint8) {
	depth = l.depth
	l.Proto(p)
	if l.tree {
		r := &l.recs[len(l.recs)-1]
		r.Depth, r.text = depth+1, textNested
	}
	return depth
}

// EndNested closes the protocol NestedProto opened; depth is what it
// returned.
func (l *FieldList) EndNested(depth uint8) {
	l.End()
	l.depth = depth
}

// Group opens group g; End closes it.
func (l *FieldList) Group(g *Field) {
	l.recs = append(l.recs, FieldRec{Field: g, Op: OpGroup, Depth: l.depth})
}

// Item opens an item of the enclosing ShapeObjects group; End closes it.
func (l *FieldList) Item() { l.recs = append(l.recs, FieldRec{Op: OpItem, Depth: l.depth}) }

// Sub makes the records added from now on a level deeper in the tree: the
// subtree of the record before (tshark's proto_item_add_subtree). Up
// returns to the level before.
func (l *FieldList) Sub() { l.depth++ }

// Up ends the subtree Sub opened.
func (l *FieldList) Up() { l.depth-- }

// Tree reports whether the list is drawn as the -V tree: an emitter
// builds the texts of SetRepr and Line only then.
func (l *FieldList) Tree() bool { return l.tree }

// SetRepr makes b[len(before):] — b being what Text returned with the text
// appended — the tree line of the record added last, in place of the one
// drawn from its field's definition (tshark's proto_tree_add_*_format).
// Outside a tree list it does nothing.
func (l *FieldList) SetRepr(b []byte) {
	if !l.tree || len(l.recs) == 0 || l.lastDropped() {
		return
	}
	off := len(l.aux)
	l.aux = b
	l.setRepr(len(l.recs)-1, off, len(b))
}

// Line adds a tree line that is no field, b[len(before):] — b being what
// Text returned with the text appended — at the current depth. Outside a
// tree list it does nothing.
func (l *FieldList) Line(b []byte) {
	if !l.tree {
		return
	}
	off := len(l.aux)
	l.aux = b
	var text uint8
	if l.top {
		text = textTop
	}
	l.recs = append(l.recs, FieldRec{Op: OpText, Depth: l.depth, text: text})
	l.setRepr(len(l.recs)-1, off, len(b))
}

// TopLines draws the lines added (Line, LineString, ExpertLine) until
// TopLines(false) at the tree's top level, beside the protocols, as
// tshark draws its reassembly lines ("[3 Reassembled TCP Segments …]")
// and exception marks ("[Malformed Packet: SSH]"): depth 0 (the protocol
// line's level) until Sub. Turning it off returns to the depth before.
func (l *FieldList) TopLines(on bool) {
	if on == l.top {
		return
	}
	l.top = on
	l.depth, l.topDepth = l.topDepth, l.depth
}

// NoTree keeps the record added last out of the tree (tshark's
// proto_item_set_hidden: the field is there for filters and JSON, not
// drawn).
func (l *FieldList) NoTree() {
	if l.tree && len(l.recs) > 0 {
		l.recs[len(l.recs)-1].noTree = true
	}
}

// UintBits adds f's value taken from word, the Width-bit integer that holds
// it under f.Mask.
func (l *FieldList) UintBits(f *Field, word uint64) {
	l.add(f, (word&f.Mask)>>uint(bits.TrailingZeros64(f.Mask)))
}

// BoolBits adds the boolean f, set when any bit of f.Mask is set in word,
// the Width-bit integer that holds it. The tree draws the bits as they are.
func (l *FieldList) BoolBits(f *Field, word uint64) {
	v := word & f.Mask
	l.Bool(f, v != 0)
	if l.tree && v != 0 && v != f.Mask {
		// Several bits, some set: the tree line shows which.
		b := appendBitDrawing(l.aux, v, int(f.Width), f.Mask)
		b = append(b, " = "...)
		b = append(b, f.Label...)
		b = append(b, ": "...)
		b = appendBoolName(b, f, true)
		l.SetRepr(b)
	}
}

// RawLines adds to the tree b[len(before):] — b being what Text returned
// with the text appended — as it is: lines each ending in a newline, not
// indented (the hex dump tshark prints for a data source of its own).
// Outside a tree list it does nothing.
func (l *FieldList) RawLines(b []byte) {
	if !l.tree {
		return
	}
	l.Line(b)
	l.recs[len(l.recs)-1].text |= textRaw
}

// LineString adds the tree line s (see Line).
func (l *FieldList) LineString(s string) {
	if l.tree {
		l.Line(append(l.aux, s...))
	}
}

// End closes the innermost open protocol, group or item.
func (l *FieldList) End() { l.recs = append(l.recs, FieldRec{Op: OpEnd}) }

// JSONOnly marks the fields emitted until JSONOnly(false) as copies that
// only the JSON object shows.
func (l *FieldList) JSONOnly(on bool) { l.jsonOnly = on }

// Hidden marks the fields emitted until Hidden(false) as hidden ones.
func (l *FieldList) Hidden(on bool) { l.hidden = on }

// Expert marks the fields emitted until Expert(false) as expert
// information.
func (l *FieldList) Expert(on bool) { l.expert = on }

// Nest sets how deep the protocols opened from now on are nested.
func (l *FieldList) Nest(depth uint8) { l.nested = depth }

// wants reports whether f's values are kept (the selection, if any, holds
// it): an emitter can skip making a costly value nobody reads.
func (l *FieldList) wants(f *Field) bool {
	return l.sel == nil || f.nameID == 0 || l.sel[f.nameID>>6]&(1<<(f.nameID&63)) != 0
}

// wantsAny reports whether any field of fs, a run of one protocol's field
// table (numbered one after another), is kept: an emitter can skip a
// block of fields nobody reads (TCP's options when -T fields asks for its
// ports). Protocols, lines and groups inside the block are skipped with it,
// so it is for blocks only fields of fs stand in.
func (l *FieldList) wantsAny(fs []Field) bool {
	if l.sel == nil || len(fs) == 0 {
		return true
	}
	lo, hi := fs[0].id, fs[len(fs)-1].id
	if lo == 0 || hi-lo != uint32(len(fs)-1) {
		return true // not numbered as one run: keep everything
	}
	wl, wh := lo>>6, hi>>6
	first, last := ^uint64(0)<<(lo&63), ^uint64(0)>>(63-hi&63)
	if wl == wh {
		return l.sel[wl]&first&last != 0
	}
	if l.sel[wl]&first != 0 || l.sel[wh]&last != 0 {
		return true
	}
	for _, m := range l.sel[wl+1 : wh] {
		if m != 0 {
			return true
		}
	}
	return false
}

func (l *FieldList) add(f *Field, u uint64) {
	if !l.wants(f) {
		l.dropped = len(l.recs) + 1
		return
	}
	n := len(l.recs)
	if n == cap(l.recs) {
		l.recs = append(l.recs, FieldRec{})
	}
	l.recs = l.recs[:n+1]
	r := &l.recs[n]
	r.Field, r.Op, r.u = f, OpValue, u
	r.JSONOnly, r.Hidden, r.Expert, r.Nested = l.jsonOnly, l.hidden, l.expert, 0
	r.Depth, r.noTree, r.text = l.depth, false, 0
}

// addAux adds f with the value aux[off:].
func (l *FieldList) addAux(f *Field, off int) {
	l.add(f, uint64(off)<<32|uint64(len(l.aux)-off))
}

// Uint adds an unsigned integer (or a KindUint field's value).
func (l *FieldList) Uint(f *Field, v uint64) { l.add(f, v) }

// Int adds a signed integer.
func (l *FieldList) Int(f *Field, v int64) { l.add(f, uint64(v)) }

// Bool adds a boolean.
func (l *FieldList) Bool(f *Field, v bool) {
	var u uint64
	if v {
		u = 1
	}
	l.add(f, u)
}

// Float adds a floating-point value.
func (l *FieldList) Float(f *Field, v float64) { l.add(f, math.Float64bits(v)) }

// MAC adds a hardware address.
func (l *FieldList) MAC(f *Field, m MAC) {
	var b [8]byte
	copy(b[2:], m[:])
	l.add(f, binary.BigEndian.Uint64(b[:]))
}

// IPv4 adds the IPv4 address held in b[:4].
func (l *FieldList) IPv4(f *Field, b []byte) {
	l.add(f, uint64(binary.BigEndian.Uint32(b)))
}

// IPv6 adds the IPv6 address held in b[:16].
func (l *FieldList) IPv6(f *Field, b []byte) {
	if !l.wants(f) {
		l.add(f, 0) // dropped: nothing to copy
		return
	}
	off := len(l.aux)
	l.aux = append(l.aux, b[:16]...)
	l.addAux(f, off)
}

// Addr adds an IPv4 or IPv6 address, by f's kind.
func (l *FieldList) Addr(f *Field, a netip.Addr) {
	if f.Kind == KindIPv4 {
		b := a.As4()
		l.IPv4(f, b[:])
		return
	}
	b := a.As16()
	l.IPv6(f, b[:])
}

// Bytes adds a byte string (a KindBytes or KindString value), copied.
func (l *FieldList) Bytes(f *Field, b []byte) {
	if !l.wants(f) {
		l.add(f, 0) // dropped: a payload is not copied for nothing
		return
	}
	off := len(l.aux)
	l.aux = append(l.aux, b...)
	l.addAux(f, off)
}

// String adds a string value.
func (l *FieldList) String(f *Field, s string) {
	if !l.wants(f) {
		l.add(f, 0) // dropped: nothing to copy
		return
	}
	off := len(l.aux)
	l.aux = append(l.aux, s...)
	l.addAux(f, off)
}

// Text starts a value whose text the caller appends to the returned slice
// (a DNS name as Wireshark shows it); TextDone adds it as f's value.
func (l *FieldList) Text() []byte { return l.aux }

// TextDone adds b[len(before):] — b being what Text returned with the
// value's text appended — as f's value.
func (l *FieldList) TextDone(f *Field, b []byte) {
	off := len(l.aux)
	l.aux = b
	l.addAux(f, off)
}

// Span returns where the bytes of a protocol record (OpProto) lie in the
// packet: their offset and length.
func (r *FieldRec) Span() (off, n int) { return int(r.u >> 32), int(uint32(r.u)) }

// setSpan records the packet bytes [off, off+n) as the last opened
// protocol's.
func (l *FieldList) setSpan(at, off, n int) {
	if at < len(l.recs) && l.recs[at].Op == OpProto {
		l.recs[at].u = uint64(off)<<32 | uint64(uint32(n))
	}
}

// Uint returns r's value as an unsigned integer (integers, booleans).
func (r *FieldRec) Uint() uint64 { return r.u }

// Int returns r's value as a signed integer.
func (r *FieldRec) Int() int64 { return int64(r.u) }

// Bool returns r's value as a boolean.
func (r *FieldRec) Bool() bool { return r.u != 0 }

// Float returns r's value as a float.
func (r *FieldRec) Float() float64 { return math.Float64frombits(r.u) }

// MAC returns r's value as a hardware address.
func (r *FieldRec) MAC() MAC {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], r.u)
	return MAC(b[2:8])
}

// AddrOf returns r's value as an IP address (KindIPv4, KindIPv6).
func (l *FieldList) AddrOf(r *FieldRec) netip.Addr {
	if r.Field.Kind == KindIPv4 {
		return netip.AddrFrom4([4]byte{byte(r.u >> 24), byte(r.u >> 16), byte(r.u >> 8), byte(r.u)})
	}
	return netip.AddrFrom16([16]byte(l.BytesOf(r)))
}

// None adds a field without a value (a KindNone field present in the
// packet: an analysis flag).
func (l *FieldList) None(f *Field) { l.add(f, 0) }

// ProtoBytes returns the packet bytes of protocol record r (its Span);
// nil outside the packet.
func (l *FieldList) ProtoBytes(r *FieldRec) []byte {
	off, n := r.Span()
	if off+n > len(l.pkt) {
		return nil
	}
	return l.pkt[off : off+n : off+n]
}

// BytesOf returns r's bytes (KindBytes, KindString, and a time's text) from
// l. The slice aliases l and is valid until the next Reset.
func (l *FieldList) BytesOf(r *FieldRec) []byte {
	off, n := uint32(r.u>>32), uint32(r.u)
	return l.aux[off : off+n : off+n]
}
