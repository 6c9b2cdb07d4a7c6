package decode

import (
	"math"
	"math/bits"
	"strconv"
	"sync/atomic"
	"unicode/utf8"
)

// This file draws a protocol's -V subtree from the fields it emits: the
// generic tree. A protocol whose subtree is drawn here has no tree code of
// its own; its emit function says everything tshark's tree shows, and
// treeFields draws each record as Wireshark draws a proto_item:
//
//   - a protocol's line is its label ("Generic Network Virtualization
//     Encapsulation"), or the text SetRepr gave it;
//   - a field's line is "Label: value", the value drawn by the field's
//     kind and base, named by its value names, followed by its unit;
//     a bit field (a Mask) is drawn as "0100 .... = Version: 4"; a
//     generated field in brackets; SetRepr replaces the whole label;
//   - an OpText record is a line of its own text (or, RawLines, lines
//     taken as they are; at the tree's top level when added under
//     TopLines);
//   - each record is indented by its depth (FieldList.Sub);
//   - a line longer than tshark's label buffer is cut as tshark cuts it
//     (" [truncated]" after the field's name).
//
// Hidden and JSON-only records are not drawn. Groups and items draw a line
// only when given a text.

// treeFieldsOf reports whether layer type lt's -V subtree is drawn from its
// fields. Moving a protocol onto the generic tree adds it here and removes
// its tree function.
func treeFieldsOf(lt LayerType) bool {
	switch lt {
	case LayerVXLAN, LayerGeneve, LayerNTP, LayerRTP, LayerRTCP, LayerIGMP, LayerCDP, LayerDTP, LayerISL,
		LayerHSRP, LayerVRRP, LayerPGM, LayerVSock, LayerL2TP, LayerCHDLC, LayerKRB4, LayerBFD, LayerUDLD, LayerSlow, LayerLACP,
		LayerRIP, LayerRIPng, LayerSyslog:
		return true
	case LayerF5Trailer:
		return true
	case LayerESP:
		return true
	case LayerAH, LayerIPComp, LayerMIPv6:
		return true
	case LayerMPLS:
		return true
	case LayerPPPoED, LayerPPPoES:
		return true
	case LayerERSPAN:
		return true
	case LayerEthernet:
		return true
	case LayerVLAN:
		return true
	case LayerSLL, LayerSLL2, LayerLoopback:
		return true
	case LayerARP:
		return true
	case LayerLLC:
		return true
	case LayerTFTP:
		return true
	case LayerTelnet:
		return true
	case LayerEAP:
		return true
	case LayerRADIUS:
		return true
	case LayerSDP:
		return true
	case LayerSIP:
		return true
	case LayerHTTP:
		return true
	case LayerRadiotap:
		return true
	case LayerSTP:
		return true
	case LayerLLDP:
		return true
	case LayerPIM:
		return true
	case LayerBabel:
		return true
	case LayerBGP, LayerRESP, LayerDCCP, LayerLISP, LayerPPTP, LayerISIS, LayerOpenFlow, LayerPTP, LayerUDPEncap, LayerISAKMP:
		return true
	case LayerDHCPv6:
		return true
	case LayerDNS, LayerMDNS, LayerLLMNR:
		return true
	case LayerNBNS:
		return true
	case LayerDHCPv4:
		return true
	case LayerGRE:
		return true
	case LayerPPP, LayerNHRP, LayerFR, LayerARCNET, LayerLCP, LayerIPCP, LayerIPv6CP, LayerCHAP, LayerPAP, LayerSFlow, LayerDBLSPDisc, LayerENIP:
		return true
	case LayerQ933, LayerESIS:
		return true
	case LayerAoE, LayerMACsec, LayerMPLSEcho, LayerLDP, LayerRSVP:
		return true
	case LayerCTP:
		return true
	case LayerPayload:
		return true
	case LayerICMPv4, LayerICMPv6:
		return true
	case LayerIPv4:
		return true
	case LayerIPv6:
		return true
	case LayerRaw:
		return true
	case LayerIPv6Fragment:
		return true
	case LayerIPv6Routing:
		return true
	case LayerIPv6HopByHop, LayerIPv6DestOpts:
		return true
	case LayerUDP:
		return true
	case LayerSSH:
		return true
	case LayerSCTP:
		return true
	case LayerHTTP2:
		return true
	case LayerSNMP:
		return true
	case LayerTLS:
		return true
	case LayerOSPF:
		return true
	case LayerRPC:
		return true
	case LayerTCP:
		return true
	case LayerWLAN:
		return true
	case LayerEAPOL:
		return true
	case LayerQUIC:
		return true
	}
	return false
}

// treeFields appends layer i's subtree, drawn from the fields it emits.
func treeFields(t *treeWriter, d *Decoder, i int) {
	fl := t.fl
	fl.Reset()
	fl.tree = true
	fl.memo, fl.treeBase = t.memo, uint8(t.depth)
	e := t.em
	*e = emitter{FieldList: fl, d: d, wire: t.wire, conv: t.conv, frame: t.f, loc: t.loc}
	emitLayer(e, i)
	drawFields(t, fl)
}

// drawFields appends the tree lines of the records in fl, a tree list.
// It is on every line of every packet's tree: the records, the texts and
// the output are held in locals (the compiler reloads what it reads
// through a pointer after each append).
func drawFields(t *treeWriter, fl *FieldList) {
	base := t.depth
	top := t.depth             // where TopLines lines are drawn from
	var memoSlot *treeMemoSlot // the block being drawn, to be remembered
	memoStart := 0
	// open counts the protocols, groups and items open; nest holds, for
	// each protocol NestedProto opened, that count and the base to return
	// to at its End.
	open := 0
	var nest [4]struct{ open, base int }
	nn := 0
	recs, reprs, aux := fl.recs, fl.reprs, fl.aux
	indent := t.indent
	b := t.b
	// repr returns the tree text of record k (nil: none).
	repr := func(k int) []byte {
		if k >= len(reprs) || reprs[k].n == 0 {
			return nil
		}
		sp := reprs[k]
		return aux[sp.off : sp.off+sp.n]
	}
	for k := range recs {
		r := &recs[k]
		switch r.Op {
		case OpValue:
			if r.Hidden || r.JSONOnly || r.noTree {
				continue
			}
			b = appendIndent(b, base+1+int(r.Depth)+indent)
			f := r.Field
			if f.Generated {
				b = append(b, '[')
			}
			start := len(b)
			if txt := repr(k); txt != nil {
				b = append(b, txt...)
				b = truncLabelAt(b, start, 0)
			} else {
				var name int
				b, name = appendFieldLineName(b, fl, r)
				b = truncLabelAt(b, start, name-start)
			}
			if f.Generated {
				b = append(b, ']')
			}
			b = append(b, '\n')
		case OpEnd:
			open--
			if nn > 0 && open == nest[nn-1].open {
				nn--
				base = nest[nn].base
			}
		case OpMemo:
			s, hit := fl.memoSlot(r)
			if hit {
				b = append(b, s.out...)
			} else {
				memoSlot, memoStart = s, len(b)
			}
		case OpMemoEnd:
			if memoSlot != nil {
				memoSlot.out = append(memoSlot.out[:0], b[memoStart:]...)
				memoSlot.klen = memoSlot.pending
				memoSlot = nil
			}
		case OpProto:
			if r.text&textNested != 0 && nn < len(nest) {
				nest[nn].open, nest[nn].base = open, base
				nn++
			}
			open++
			base += int(r.Depth) // InsidePrevious
			if r.noTree {
				continue // tshark draws only what follows (a malformed mark)
			}
			b = appendIndent(b, base+indent)
			if txt := repr(k); txt != nil {
				b = append(b, txt...)
			} else {
				b = append(b, r.Field.Label...)
			}
			b = append(b, '\n')
		case OpText:
			if r.text&textShift != 0 {
				base += int(int8(r.Depth)) // ShiftProtos
				continue
			}
			if r.text&textRaw != 0 {
				b = append(b, repr(k)...)
				continue
			}
			depth := base + 1 + int(r.Depth)
			if r.text&textTop != 0 {
				depth = top + int(r.Depth)
			}
			b = appendIndent(b, depth+indent)
			start := len(b)
			b = append(b, repr(k)...)
			b = truncLabelAt(b, start, 0)
			b = append(b, '\n')
		case OpGroup, OpItem:
			open++
			if txt := repr(k); txt != nil {
				b = appendIndent(b, base+1+int(r.Depth)+indent)
				b = append(b, txt...)
				b = append(b, '\n')
			}
		}
	}
	t.b = b
	t.depth = base + 1
}

// appendIndent appends the indentation of a line at depth: four spaces a
// level.
func appendIndent(b []byte, depth int) []byte {
	n := 4 * depth
	for n > len(treeIndent) {
		b = append(b, treeIndent...)
		n -= len(treeIndent)
	}
	return append(b, treeIndent[:n]...)
}

// InsidePrevious makes the protocol opened last, in a tree list, a subtree
// of the protocol drawn before it, one level deeper (tshark draws AH inside
// an IPv6 header chain so, as it draws IPv6's extension headers). Outside
// a tree list it does nothing.
func (l *FieldList) InsidePrevious() {
	if l.tree && len(l.recs) > 0 && l.recs[len(l.recs)-1].Op == OpProto {
		l.recs[len(l.recs)-1].Depth = 1
		l.inside++
	}
}

// ShiftProtos draws the protocols opened from now on, in a tree list, n
// levels deeper than the one before them (n < 0: shallower), and the lines
// of the protocol they are in: tshark draws the headers an ICMP error
// quotes inside ICMP's tree (ShiftProtos(1) before them), then ICMP's
// extension structure and the quoted data (ShiftProtos(-1) after them).
// Unlike InsidePrevious it holds whether or not a protocol's opening line
// comes from the tree memo. Outside a tree list it does nothing.
func (l *FieldList) ShiftProtos(n int) {
	if !l.tree {
		return
	}
	l.recs = append(l.recs, FieldRec{Op: OpText, Depth: uint8(int8(n)), text: textShift})
	l.inside += uint8(int8(n)) // the memo's blocks are keyed by their depth
}

// ProtoDepth draws the protocol opened last, in a tree list, n levels
// deeper than a protocol of its own: inside a line of the protocol before
// it (tshark draws SDP inside SIP's "Message Body"). Outside a tree list
// it does nothing.
func (l *FieldList) ProtoDepth(n uint8) {
	if l.tree && len(l.recs) > 0 && l.recs[len(l.recs)-1].Op == OpProto {
		l.recs[len(l.recs)-1].Depth = n
	}
}

// appendFieldLine appends r's standard tree label: "Label: value", or the
// bit drawing of a masked field before it.
func appendFieldLine(b []byte, fl *FieldList, r *FieldRec) []byte {
	b, _ = appendFieldLineName(b, fl, r)
	return b
}

// appendFieldLineName is appendFieldLine, also returning where in b the
// field's name ends (where tshark marks a label it cuts "[truncated]").
func appendFieldLineName(b []byte, fl *FieldList, r *FieldRec) ([]byte, int) {
	f := r.Field
	if f.Kind == KindBool && f.Mask != 0 && f.id != 0 {
		// A flag's line depends on its value alone: drawn once.
		if ls := boolLine(f); ls[0] != "" {
			v := 0
			if r.u != 0 {
				v = 1
			}
			b = append(b, ls[v]...)
			return b, len(b) // short: never cut
		}
	}
	return appendFieldLineNameSlow(b, fl, r)
}

// boolLine returns the standard tree lines of masked boolean field f
// ("...1 .... = Label: Set"), false and true, drawn the first time a run
// meets f and kept by field id; empty for lines long enough to be cut.
// Made on demand, not for every field at start-up: a run meets a few dozen
// flags of the thousands declared.
func boolLine(f *Field) *[2]string {
	ls := boolLines
	if int(f.id) >= len(ls) {
		return &noBoolLine
	}
	if p := ls[f.id].Load(); p != nil {
		return p
	}
	var bl [2]string
	for v := range bl {
		r := FieldRec{Field: f, Op: OpValue, u: uint64(v)}
		b, _ := appendFieldLineNameSlow(nil, nil, &r)
		bl[v] = string(b)
	}
	if len(bl[0]) >= treeLabelMax/2 || len(bl[1]) >= treeLabelMax/2 {
		bl = [2]string{}
	}
	ls[f.id].Store(&bl) // another worker may store the same lines: either will do
	return &bl
}

// boolLines holds boolLine's lines by field id; made where the fields are
// numbered.
var boolLines []atomic.Pointer[[2]string]

var noBoolLine [2]string

// appendFieldLineNameSlow is appendFieldLineName drawn from the field's
// definition every time.
func appendFieldLineNameSlow(b []byte, fl *FieldList, r *FieldRec) ([]byte, int) {
	f := r.Field
	if f.Mask != 0 && (f.Kind == KindUint || f.Kind == KindBool || f.Kind == KindInt) {
		v := r.u
		if f.Kind == KindBool {
			if v != 0 {
				v = f.Mask
			}
		} else {
			v <<= uint(bits.TrailingZeros64(f.Mask))
		}
		b = appendBitDrawing(b, v, int(f.Width), f.Mask)
		b = append(b, " = "...)
	}
	b = append(b, f.Label...)
	name := len(b)
	if f.Kind == KindNone {
		return b, name
	}
	b = append(b, ": "...)
	return appendFieldValue(b, fl, r), name
}

// appendTreeString appends a string field's bytes as tshark 4.0's tree
// shows them (format_text): control bytes and DEL escaped as C does
// (\r, \n, \t, \a, \b, \f, \v, else three octal digits), a backslash as
// it is, UTF-8 kept, a byte that is no UTF-8 as U+FFFD; the text ends at a
// NUL byte.
func appendTreeString(b, s []byte) []byte {
	for len(s) > 0 {
		// A run of printable ASCII is copied at once.
		k := 0
		for k < len(s) && s[k] >= 0x20 && s[k] < 0x7f {
			k++
		}
		b = append(b, s[:k]...)
		if k == len(s) {
			return b
		}
		c := s[k]
		switch {
		case c == 0:
			return b
		case c >= 0x80:
			if r, n := utf8.DecodeRune(s[k:]); r != utf8.RuneError || n > 1 {
				b = append(b, s[k:k+n]...)
				s = s[k+n:]
			} else {
				b = append(b, "\uFFFD"...)
				s = s[k+1:]
			}
		default:
			b = appendCEscape(b, c)
			s = s[k+1:]
		}
	}
	return b
}

// appendCEscape appends the control byte c as tshark's labels escape it,
// as C does: \r, \n, \t and the like, else three octal digits.
func appendCEscape(b []byte, c byte) []byte {
	switch c {
	case '\a':
		return append(b, '\\', 'a')
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	case '\v':
		return append(b, '\\', 'v')
	}
	return append(b, '\\', '0'+c>>6, '0'+c>>3&7, '0'+c&7)
}

// appendBitDrawing appends the width bits of v with those outside mask as
// dots, in groups of four from the left ("0100 ....", "..1. .."), as
// Wireshark draws them.
func appendBitDrawing(b []byte, v uint64, width int, mask uint64) []byte {
	if width == 0 || width > 64 {
		width = 64
	}
	for j := 0; j < width; j++ {
		bit := uint64(1) << uint(width-1-j)
		switch {
		case mask&bit == 0:
			b = append(b, '.')
		case v&bit != 0:
			b = append(b, '1')
		default:
			b = append(b, '0')
		}
		if j+1 < width && (j+1)%4 == 0 {
			b = append(b, ' ')
		}
	}
	return b
}

// appendFieldValue appends r's value as Wireshark's tree shows it.
func appendFieldValue(b []byte, fl *FieldList, r *FieldRec) []byte {
	f := r.Field
	switch f.Kind {
	case KindUint, KindInt:
		if f.Base == BaseOUI {
			b = append(appendHex2(b, byte(r.u>>16)), ':')
			b = append(appendHex2(b, byte(r.u>>8)), ':')
			b = appendHex2(b, byte(r.u))
			if name := f.ValueNames().Name(r.u); name != "" {
				b = append(append(append(b, " ("...), name...), ')')
			}
			return b
		}
		// An empty Values names nothing, though tshark's -G values names
		// values of a field of that name (Wireshark registers two
		// fields under mpls.label, one with names).
		if vn := f.ValueNames(); vn != nil && len(vn.Values) > 0 {
			if name := vn.Name(r.u); name != "" {
				b = append(b, name...)
			} else {
				b = append(b, "Unknown"...)
			}
			if f.Base == BaseNone {
				return append(b, f.Unit...)
			}
			b = append(b, " ("...)
			switch f.Base {
			case BaseHexDec: // a name and one base, as Wireshark's hfinfo_number_vals_format
				b = appendHexN(append(b, "0x"...), r.u, f.hexDigits())
			case BaseDecHex:
				b = appendUint(b, r.u)
			default:
				b = appendFieldNumber(b, f, r)
			}
			b = append(b, ')')
		} else {
			b = appendFieldNumber(b, f, r)
		}
		return append(b, f.Unit...)
	case KindBool:
		return appendBoolName(b, f, r.u != 0)
	case KindIPv4, KindIPv6:
		return fl.AddrOf(r).AppendTo(b)
	case KindMAC:
		return r.MAC().AppendTo(b)
	case KindBytes:
		// "<MISSING>" (or "<none>") for none, at most 36 bytes then
		// "…", as Wireshark's label shows them.
		if f.AllowZero && len(fl.BytesOf(r)) == 0 {
			return append(b, "<none>"...)
		}
		if f.ColonSep && len(fl.BytesOf(r)) > 0 {
			return appendColonHex(b, fl.BytesOf(r))
		}
		return appendWSBytes(b, fl.BytesOf(r))
	case KindString:
		// Control bytes escaped, as tshark's tree shows packet text.
		return appendTreeString(b, fl.BytesOf(r))
	case KindOID, KindSystemID:
		return append(b, fl.BytesOf(r)...)
	case KindFrameNum:
		return appendUint(b, r.u)
	case KindFloat:
		return strconv.AppendFloat(b, math.Float64frombits(r.u), 'g', -1, 64)
	case KindRelTime:
		return append(append(b, fl.BytesOf(r)...), f.Unit...) // " seconds" where the field says so
	}
	// Absolute times and the rest are drawn by their protocol (SetRepr).
	return append(b, fl.BytesOf(r)...)
}

// appendFieldNumber appends r's integer in f's base.
func appendFieldNumber(b []byte, f *Field, r *FieldRec) []byte {
	dec := func(b []byte) []byte {
		if f.Kind == KindInt {
			return appendInt(b, r.Int())
		}
		return appendUint(b, r.u)
	}
	hex := func(b []byte) []byte {
		b = append(b, "0x"...)
		digits := f.hexDigits()
		if f.Mask != 0 && f.Digits == 0 {
			// A bit field shows as many digits as its mask spans
			// (Wireshark's hfinfo_hex_digits): "Up (0x3)".
			digits = (64 - bits.LeadingZeros64(f.Mask) - bits.TrailingZeros64(f.Mask) + 3) / 4
		}
		return appendHexN(b, r.u, digits)
	}
	switch f.Base {
	case BaseHex:
		return hex(b)
	case BaseDecHex:
		b = dec(b)
		b = append(b, " ("...)
		return append(hex(b), ')')
	case BaseHexDec:
		b = hex(b)
		b = append(b, " ("...)
		return append(dec(b), ')')
	case BaseOct:
		b = append(b, '0')
		return strconv.AppendUint(b, r.u, 8)
	}
	return dec(b)
}

// appendBoolName appends the name of a boolean's value: Wireshark's "True"
// and "False", or the field's own names ("Set", "Not set").
func appendBoolName(b []byte, f *Field, v bool) []byte {
	yes, no, ok := f.BoolNames()
	if !ok {
		yes, no = "True", "False"
	}
	if v {
		return append(b, yes...)
	}
	return append(b, no...)
}

// appendSetFlags appends ", Label" for each boolean field among fs set in
// word, as Wireshark appends the set flags to a bit mask's line.
func appendSetFlags(b []byte, word uint64, fs ...*Field) []byte {
	for _, f := range fs {
		if f.Kind == KindBool && word&f.Mask != 0 {
			b = append(b, ", "...)
			b = append(b, f.Label...)
		}
	}
	return b
}

// ExpertLine adds, in a tree list, tshark's block for an expert item at
// the current depth: "[Expert Info (severity/group): msg arg]" and, a level
// deeper, the message, its severity and its group. arg must not alias the
// list's texts (a small array of the caller's).
func (l *FieldList) ExpertLine(severity, group, msg string, arg []byte) {
	if !l.tree {
		return
	}
	b := append(l.Text(), "[Expert Info ("...)
	b = append(b, severity...)
	b = append(b, '/')
	b = append(b, group...)
	b = append(b, "): "...)
	b = append(b, msg...)
	b = append(b, arg...)
	l.Line(append(b, ']'))
	l.Sub()
	b = append(append(append(l.Text(), '['), msg...), arg...)
	l.Line(append(b, ']'))
	l.Line(append(append(append(l.Text(), "[Severity level: "...), severity...), ']'))
	l.Line(append(append(append(l.Text(), "[Group: "...), group...), ']'))
	l.Up()
}

// ChecksumRepr gives the checksum field added last, whose value is v, the
// line tshark draws for its status st (0 bad, 1 good, 2 unverified):
// "Checksum: 0x1234 [correct]", "… [unverified]", or "… incorrect, should
// be 0x…" (sum being what the check added up to) with the expert block at
// severity beneath it. Outside a tree list it does nothing.
func (l *FieldList) ChecksumRepr(v uint16, st int, sum uint16, severity string) {
	if !l.tree {
		return
	}
	b := appendHex4(append(l.Text(), "Checksum: 0x"...), v)
	switch st {
	case 0:
		good := shouldBe(v, sum)
		l.SetRepr(appendHex4(append(b, " incorrect, should be 0x"...), good))
		var arg [5]byte
		l.Sub()
		l.ExpertLine(severity, "Checksum", "Bad checksum [should be 0x", append(appendHex4(arg[:0], good), ']'))
		l.Up()
	case 1:
		l.SetRepr(append(b, " [correct]"...))
	default:
		l.SetRepr(append(b, " [unverified]"...))
	}
}

// protoException is the item tshark adds at the top of its tree when a
// dissector ran off the end of a packet's bytes (TreeException).
var protoException = protoField("_ws.malformed", "Malformed Packet")

// TreeException adds, in a tree list, the top-level item tshark draws when
// the dissector of the protocol it calls name ran off the end of the
// packet's bytes: "[Packet size limited during capture: NAME truncated]"
// where the capture kept less than the wire length, else "[Malformed
// Packet: NAME]" and its expert block. A protocol that finds the exception
// while it emits calls it after its End. Outside a tree list it does
// nothing.
func (e *emitter) TreeException(name string) {
	if !e.tree {
		return
	}
	e.Proto(&protoException)
	if len(e.d.data) < e.wire {
		e.SetRepr(append(append(append(e.Text(), "[Packet size limited during capture: "...), name...), " truncated]"...))
	} else {
		e.SetRepr(append(append(append(e.Text(), "[Malformed Packet: "...), name...), ']'))
		e.ExpertLine("Error", "Malformed", "Malformed Packet (Exception occurred)", nil)
	}
	e.End()
}
