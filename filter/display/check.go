package display

import (
	"errors"
	"fmt"
	"math"
	"net/netip"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/rawcap/rawcap/decode"
)

// vtype is the type of a value in a filter.
type vtype uint8

const (
	vUnknown vtype = iota // a literal not yet given a type
	vNone                 // FT_NONE: a label; it can only be present
	vProto                // a protocol: its bytes
	vUint
	vInt
	vBool
	vFloat
	vIPv4
	vIPv6
	vMAC
	vBytes
	vString
	vAbsTime // nanoseconds since the epoch
	vRelTime // nanoseconds
)

var vtypeNames = [...]string{
	vUnknown: "literal", vNone: "Label", vProto: "Protocol", vUint: "Unsigned integer",
	vInt: "Signed integer", vBool: "Boolean", vFloat: "Floating point", vIPv4: "IPv4 address",
	vIPv6: "IPv6 address", vMAC: "Ethernet or other MAC address", vBytes: "Byte sequence",
	vString: "Character string", vAbsTime: "Date and time", vRelTime: "Time offset",
}

func (t vtype) String() string { return vtypeNames[t] }

func (t vtype) numeric() bool {
	return t == vUint || t == vInt || t == vBool || t == vFloat || t == vRelTime
}

// bytesLike reports whether values of t are compared as bytes.
func (t vtype) bytesLike() bool {
	return t == vBytes || t == vProto || t == vMAC || t == vString
}

func kindType(k decode.Kind) vtype {
	switch k {
	case decode.KindNone:
		return vNone
	case decode.KindProtocol:
		return vProto
	case decode.KindUint, decode.KindFrameNum:
		return vUint
	case decode.KindInt:
		return vInt
	case decode.KindBool:
		return vBool
	case decode.KindIPv4:
		return vIPv4
	case decode.KindIPv6:
		return vIPv6
	case decode.KindMAC:
		return vMAC
	case decode.KindBytes:
		return vBytes
	case decode.KindString, decode.KindOID, decode.KindSystemID:
		return vString
	case decode.KindTime:
		return vAbsTime
	case decode.KindRelTime:
		return vRelTime
	case decode.KindFloat:
		return vFloat
	}
	return vUnknown
}

// val is one value: numbers, booleans, IPv4 addresses and times in n;
// bytes, strings, MACs and IPv6 addresses in b. bits is a literal
// address's prefix length (32 or 128: the whole address).
type val struct {
	n    uint64
	b    []byte
	bits uint8
}

// compiled is what checking adds to a node.
type compiled struct {
	typ    vtype
	field  *decode.Field // a field or protocol; nil for a literal
	lit    bool          // a constant: its value is consts
	consts []val
	ranges []srange // nSlice ranges, nLayer layers
	re     *regexp.Regexp
	frame  frameTime       // a frame time field the filter computes itself
	layer  []srange        // the layers of field a field node keeps (#)
	proto  *decode.Field   // the protocol a field belongs to (for #)
	prefix []*decode.Field // a sub-protocol's fields: present if one is
	empty  bool            // a function that never has a value
	buf    []val           // this node's values for the current packet
}

// frameTime names the frame's time fields, which the filter computes from
// the frame rather than reading their text.
type frameTime uint8

const (
	ftNone frameTime = iota
	ftTime
	ftEpoch
	ftDelta
	ftDeltaDisplayed
	ftRelative
)

var frameTimes = map[string]frameTime{
	"frame.time":                 ftTime,
	"frame.time_epoch":           ftEpoch,
	"frame.time_delta":           ftDelta,
	"frame.time_delta_displayed": ftDeltaDisplayed,
	"frame.time_relative":        ftRelative,
}

// srange is one range of a slice ([i:j], [i-j], [i], [i:], [:j]) or of a
// layer operator; end < 0 with open set means to the end.
type srange struct {
	start, n int // start (negative: from the end); n bytes (-1: to the end)
}

// prefixFields returns the fields rawcap decodes whose names start with
// name and a dot.
func prefixFields(name string) []*decode.Field {
	var out []*decode.Field
	for _, p := range decode.Protocols() {
		for i := range p.Fields {
			if strings.HasPrefix(p.Fields[i].Name, name+".") {
				out = append(out, &p.Fields[i])
			}
		}
	}
	return out
}

// ErrNotDecoded is wrapped by the error for a name Wireshark knows but
// rawcap does not decode yet (sip.Method, quic).
var ErrNotDecoded = errors.New("not decoded by rawcap yet")

// checker resolves names and types over the tree.
type checker struct {
	src    string
	fields []*decode.Field // every field and protocol named, once each
}

func (c *checker) errAt(t token, format string, args ...any) error {
	return &SyntaxError{Expr: c.src, Pos: t.pos, Len: len(t.text), Msg: fmt.Sprintf(format, args...)}
}

func (c *checker) errNode(n *node, format string, args ...any) error {
	pos, end := n.span()
	return &SyntaxError{Expr: c.src, Pos: pos, Len: end - pos, Msg: fmt.Sprintf(format, args...)}
}

// span returns where n's text starts and ends.
func (n *node) span() (int, int) {
	pos, end := n.tok.pos, n.tok.pos+len(n.tok.text)
	for _, k := range []*node{n.a, n.b} {
		if k != nil {
			p, e := k.span()
			pos, end = min(pos, p), max(end, e)
		}
	}
	for _, k := range n.args {
		p, e := k.span()
		pos, end = min(pos, p), max(end, e)
	}
	return pos, end
}

// notDecoded is the error for a name rawcap does not decode: Wireshark's
// when no protocol of Wireshark's has it either.
func (c *checker) notDecoded(t token, name string) error {
	proto := name
	if i := strings.IndexByte(name, '.'); i > 0 {
		proto = name[:i]
	}
	if decode.LookupField(proto) != nil {
		return &notDecodedError{c.errAt(t, "%q is not a field rawcap decodes: rawcap decodes %s, but not that field (if Wireshark knows it, rawcap does not decode it yet; `rawcap fields` lists the fields rawcap decodes)", name, proto).(*SyntaxError)}
	}
	if wiresharkProtocol(proto) {
		hint := ""
		if _, err := parseBytes(name); err == nil && name == proto {
			hint = fmt.Sprintf("; tshark reads %s as that protocol, not as a byte: write 0x%s for the byte", name, name)
		}
		return &notDecodedError{c.errAt(t, "%q is a Wireshark name, but rawcap does not decode %s yet (`rawcap fields` lists the protocols and fields rawcap decodes)%s", name, proto, hint).(*SyntaxError)}
	}
	return c.errAt(t, "%s is neither a field nor a protocol name.", name)
}

// notDecodedError is a SyntaxError for a name rawcap does not decode.
type notDecodedError struct{ *SyntaxError }

func (e *notDecodedError) Unwrap() []error { return []error{e.SyntaxError, ErrNotDecoded} }

// looksLikeField reports whether a word could be meant as a field name
// (it starts with a letter and is not a number, address or byte string).
func looksLikeField(w string) bool {
	if w == "" || !(w[0] >= 'a' && w[0] <= 'z' || w[0] >= 'A' && w[0] <= 'Z') {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c == ':' || c == '/' {
			return false
		}
	}
	if _, err := parseBytes(w); err == nil && strings.ContainsAny(w, "-.") {
		return false // aa-bb-cc, aabb.ccdd.eeff
	}
	return true
}

// check resolves the test n.
func (c *checker) test(n *node) error {
	switch n.kind {
	case nOr, nAnd:
		if err := c.test(n.a); err != nil {
			return err
		}
		return c.test(n.b)
	case nNot:
		return c.test(n.a)
	case nTest:
		if err := c.value(n.a); err != nil {
			return err
		}
		if n.a.lit || n.a.typ == vUnknown {
			w := n.a
			if w.kind == nWord {
				return c.notDecoded(w.tok, w.name)
			}
			return c.errNode(w, "%s is neither a field nor a protocol name.", w.tok.text)
		}
		return nil
	case nCmp, nContains, nMatches:
		return c.relation(n)
	case nIn:
		if err := c.value(n.a); err != nil {
			return err
		}
		if n.a.typ == vUnknown {
			return c.leftSide(n.a, "in")
		}
		for _, el := range n.args {
			for _, v := range []*node{el.a, el.b} {
				if v == nil {
					continue
				}
				if err := c.value(v); err != nil {
					return err
				}
				if err := c.unify(v, n.a); err != nil {
					return err
				}
			}
			if el.b != nil && !(n.a.typ.numeric() || n.a.typ == vIPv4 || n.a.typ == vIPv6 || n.a.typ == vAbsTime || n.a.typ == vString || n.a.typ == vBytes) {
				return c.errNode(el, "%s cannot be used in a range.", n.a.typ)
			}
		}
		return nil
	}
	return c.errNode(n, "%q was unexpected in this context.", n.tok.text)
}

// leftSide is tshark's error for a relation whose left side is a literal.
func (c *checker) leftSide(a *node, op string) error {
	if a.kind == nWord && looksLikeField(a.name) && strings.Contains(a.name, ".") {
		if err := c.notDecoded(a.tok, a.name); errors.Is(err, ErrNotDecoded) {
			return err
		}
	}
	return c.errNode(a, "Left side of %q expression must be a field or function, not %s.", op, a.tok.text)
}

func (c *checker) relation(n *node) error {
	if err := c.value(n.a); err != nil {
		return err
	}
	if err := c.value(n.b); err != nil {
		return err
	}
	opName := n.tok.text
	if n.kind == nCmp {
		opName = n.op.String()
	}
	if n.a.typ == vUnknown && n.b.typ == vUnknown {
		return c.leftSide(n.a, opName)
	}
	for _, k := range []*node{n.a, n.b} {
		if k.prefix != nil {
			return c.errNode(k, "rawcap decodes the fields of %s but not %s itself: test whether it is present (%s), or compare one of its fields.", k.name, k.name, k.name)
		}
	}
	if n.b.typ == vUnknown && n.b.kind == nWord && looksLikeField(n.b.name) && strings.Contains(n.b.name, ".") && n.a.typ != vString {
		// A name on the right that is not a literal of the left's type.
		if err := c.literal(n.b, n.a); err != nil {
			if e := c.notDecoded(n.b.tok, n.b.name); errors.Is(e, ErrNotDecoded) {
				return e
			}
			return err
		}
	}
	switch n.kind {
	case nMatches:
		if !(n.a.typ.bytesLike()) {
			return c.errNode(n.a, "%s (type=%s) cannot participate in matches comparison.", n.a.tok.text, n.a.typ)
		}
		if n.b.kind != nString && n.b.kind != nWord {
			return c.errNode(n.b, "Matches right side must be a string.")
		}
		if !n.b.lit && n.b.typ != vUnknown {
			return c.errNode(n.b, "Matches right side must be a string.")
		}
		pat := n.b.text
		if n.b.kind == nWord {
			pat = n.b.name
		}
		re, err := regexp.Compile("(?i)" + pat)
		if err != nil {
			return c.errNode(n.b, "%s", err.Error())
		}
		n.b.re, n.b.lit, n.b.typ = re, true, vString
		return nil
	case nContains:
		if !(n.a.typ.bytesLike()) {
			if n.a.typ == vUnknown {
				return c.leftSide(n.a, "contains")
			}
			return c.errNode(n.a, "%s (type=%s) cannot participate in contains comparison.", n.a.tok.text, n.a.typ)
		}
	}
	if n.a.typ == vUnknown {
		if err := c.unify(n.a, n.b); err != nil {
			return err
		}
		return nil
	}
	if n.b.typ == vUnknown {
		if n.kind == nContains && n.a.typ != vString {
			// contains takes bytes whatever the field's byte type.
			return c.literalAs(n.b, vBytes, nil)
		}
		return c.unify(n.b, n.a)
	}
	if !compatible(n.a.typ, n.b.typ) {
		return c.errNode(n, "%s and %s are not of compatible types.", n.a.tok.text, n.b.tok.text)
	}
	if n.kind == nCmp && (n.op != opEq && n.op != opNe && n.op != opAllEq && n.op != opAnyNe) && (n.a.typ == vNone || n.a.typ == vBool && false) {
		return c.errNode(n.a, "%s cannot be ordered.", n.a.tok.text)
	}
	return nil
}

// compatible reports whether values of a and b may be compared.
func compatible(a, b vtype) bool {
	if a == b {
		return true
	}
	num := func(t vtype) bool { return t == vUint || t == vInt || t == vBool }
	if num(a) && num(b) {
		return true
	}
	if (a == vFloat || a == vRelTime) && (b == vFloat || b == vRelTime) {
		return true
	}
	bytesy := func(t vtype) bool { return t == vBytes || t == vProto || t == vMAC || t == vString }
	return bytesy(a) && bytesy(b)
}

// unify gives the literal n the type of the typed value other.
func (c *checker) unify(n, other *node) error {
	if n.typ != vUnknown {
		if other.typ != vUnknown && !compatible(n.typ, other.typ) {
			return c.errNode(n, "%s and %s are not of compatible types.", other.tok.text, n.tok.text)
		}
		return nil
	}
	return c.literal(n, other)
}

// literal converts the untyped n to other's type.
func (c *checker) literal(n, other *node) error {
	return c.literalAs(n, other.typ, other.field)
}

// value resolves a value node: a word to a field or a literal left for the
// relation to type, a function, a slice, arithmetic.
func (c *checker) value(n *node) error {
	switch n.kind {
	case nWord:
		if f := decode.LookupField(n.name); f != nil {
			n.field, n.typ = f, kindType(f.Kind)
			n.frame = frameTimes[n.name]
			n.proto = protoOf(f)
			c.addField(f)
			return nil
		}
		if fs := prefixFields(n.name); len(fs) > 0 && wiresharkProtocol(n.name) {
			// A protocol Wireshark registers inside another (an IPv6
			// extension header, ipv6.fraghdr) whose fields rawcap has:
			// present when one of them is.
			n.prefix, n.typ = fs, vNone
			for _, f := range fs {
				c.addField(f)
			}
			return nil
		}
		if wiresharkProtocol(n.name) {
			// A protocol of Wireshark's is a name, not a literal, even
			// where it reads as one ("ff", "dc": tshark compares with
			// the protocol, which is absent).
			return c.notDecoded(n.tok, n.name)
		}
		n.typ = vUnknown
		return nil
	case nString, nChar:
		n.typ = vUnknown
		return nil
	case nLayer:
		if err := c.value(n.a); err != nil {
			return err
		}
		if n.a.kind != nWord || n.a.field == nil {
			return c.errNode(n, "Only fields can be used with the layer operator.")
		}
		rs, err := parseRanges(n.text, true)
		if err != nil {
			return c.errAt(n.tok, "%s", err)
		}
		n.a.layer = rs
		n.typ, n.field, n.frame, n.proto = n.a.typ, n.a.field, n.a.frame, n.a.proto
		return nil
	case nSlice:
		if err := c.value(n.a); err != nil {
			return err
		}
		switch n.a.typ {
		case vBytes, vProto, vMAC, vString, vIPv4, vIPv6:
		case vUnknown:
			if n.a.kind == nWord {
				return c.notDecoded(n.a.tok, n.a.name)
			}
			return c.errNode(n.a, "%s cannot be sliced.", n.a.tok.text)
		default:
			return c.errNode(n.a, "%q is a %s and cannot be sliced into a sequence of bytes.", n.a.tok.text, n.a.typ)
		}
		rs, err := parseRanges(n.text, false)
		if err != nil {
			return c.errAt(n.tok, "%s", err)
		}
		n.ranges, n.typ = rs, vBytes
		return nil
	case nNeg:
		if err := c.value(n.a); err != nil {
			return err
		}
		if n.a.typ == vUnknown {
			// -5: a negative literal, typed by the relation.
			if n.a.kind != nWord {
				return c.errNode(n, "Unary minus cannot be applied to %s.", n.a.tok.text)
			}
			n.typ = vUnknown
			return nil
		}
		if !(n.a.typ == vInt || n.a.typ == vUint || n.a.typ == vFloat || n.a.typ == vRelTime) {
			return c.errNode(n, "%s does not support unary minus.", n.a.tok.text)
		}
		n.typ = n.a.typ
		if n.typ == vUint {
			n.typ = vInt
		}
		return nil
	case nArith:
		if err := c.value(n.a); err != nil {
			return err
		}
		if err := c.value(n.b); err != nil {
			return err
		}
		switch {
		case n.a.typ == vUnknown && n.b.typ == vUnknown:
			return c.errNode(n, "Constant arithmetic expression on the LHS is invalid.")
		case n.a.typ == vUnknown:
			if err := c.literal(n.a, n.b); err != nil {
				return err
			}
		case n.b.typ == vUnknown:
			if err := c.literal(n.b, n.a); err != nil {
				return err
			}
		}
		t := n.a.typ
		if n.arith == '&' {
			if !(t == vUint || t == vInt || t == vBool || t.bytesLike()) {
				return c.errNode(n.a, "%s is not a valid operand for bitwise AND.", n.a.tok.text)
			}
			if t.bytesLike() {
				t = vBytes
			}
		} else if !(t == vUint || t == vInt || t == vFloat || t == vRelTime) {
			return c.errNode(n.a, "%s is not a valid arithmetic operand.", n.a.tok.text)
		}
		if !compatible(n.a.typ, n.b.typ) {
			return c.errNode(n, "%s and %s are not of compatible types.", n.a.tok.text, n.b.tok.text)
		}
		n.typ = t
		return nil
	case nFunc:
		return c.function(n)
	}
	return c.errNode(n, "%q was unexpected in this context.", n.tok.text)
}

func (c *checker) addField(f *decode.Field) {
	for _, g := range c.fields {
		if g == f {
			return
		}
	}
	c.fields = append(c.fields, f)
}

// function checks a call of one of tshark 4.0's functions.
func (c *checker) function(n *node) error {
	for _, a := range n.args {
		if err := c.value(a); err != nil {
			return err
		}
	}
	argc := func(lo, hi int) error {
		if len(n.args) < lo {
			return c.errAt(n.tok, "Function %s() requires at least %d arguments.", n.name, lo)
		}
		if hi >= 0 && len(n.args) > hi {
			return c.errAt(n.tok, "Function %s() requires at most %d arguments.", n.name, hi)
		}
		return nil
	}
	field := func(a *node) error {
		if a.typ == vUnknown {
			if a.kind == nWord && looksLikeField(a.name) {
				return c.notDecoded(a.tok, a.name)
			}
			return c.errNode(a, "Argument to %s() must be a field, not %s.", n.name, a.tok.text)
		}
		return nil
	}
	switch n.name {
	case "len":
		if err := argc(1, 1); err != nil {
			return err
		}
		if err := field(n.args[0]); err != nil {
			return err
		}
		n.typ = vUint
	case "count":
		if err := argc(1, 1); err != nil {
			return err
		}
		if a := n.args[0]; a.kind != nWord || a.field == nil {
			if err := field(a); err != nil {
				return err
			}
			return c.errNode(a, "Only fields can be used as the argument of count().")
		}
		n.typ = vUint
	case "string":
		if err := argc(1, 1); err != nil {
			return err
		}
		if err := field(n.args[0]); err != nil {
			return err
		}
		n.typ = vString
	case "upper", "lower":
		if err := argc(1, 1); err != nil {
			return err
		}
		a := n.args[0]
		if err := field(a); err != nil {
			return err
		}
		if a.typ != vString {
			return c.errNode(a, "Only string type fields can be used as parameter for %s()", n.name)
		}
		n.typ = vString
	case "min", "max":
		if err := argc(1, -1); err != nil {
			return err
		}
		var t vtype
		for _, a := range n.args {
			if a.typ == vUnknown {
				continue
			}
			if !(a.typ.numeric() || a.typ == vAbsTime || a.typ == vIPv4) {
				return c.errNode(a, "Argument %s (type=%s) is not valid for %s().", a.tok.text, a.typ, n.name)
			}
			if t != vUnknown && !compatible(t, a.typ) {
				return c.errNode(a, "Arguments to %s() must have the same type.", n.name)
			}
			t = a.typ
		}
		if t == vUnknown {
			return c.errAt(n.tok, "Constant expression is invalid as argument to %s().", n.name)
		}
		for _, a := range n.args {
			if a.typ == vUnknown {
				if err := c.literalAs(a, t, nil); err != nil {
					return err
				}
			}
		}
		// tshark 4.0 finds no value among fields of different widths
		// (min(ip.len, frame.len)).
		var first *decode.Field
		for _, a := range n.args {
			if a.field == nil {
				continue
			}
			if first != nil && a.field.Type() != first.Type() {
				n.empty = true
			}
			first = a.field
		}
		n.typ = t
	case "abs":
		if err := argc(1, 1); err != nil {
			return err
		}
		a := n.args[0]
		if err := field(a); err != nil {
			return err
		}
		if !(a.typ == vInt || a.typ == vUint || a.typ == vFloat || a.typ == vRelTime) {
			return c.errNode(a, "Argument %s (type=%s) is not valid for abs().", a.tok.text, a.typ)
		}
		n.typ = a.typ
	default:
		return c.errAt(n.tok, "The function '%s' does not exist.", n.name)
	}
	return nil
}

// literalAs gives the untyped literal n the type t (of field f, whose
// value names it may use).
func (c *checker) literalAs(n *node, t vtype, f *decode.Field) error {
	negative := false
	w := n
	if n.kind == nNeg {
		negative, w = true, n.a
	}
	var text string
	quoted := false
	switch w.kind {
	case nWord:
		text = w.name
	case nString:
		text, quoted = w.text, true
	case nChar:
		r := []rune(w.text)
		v := uint64(r[0])
		if len(w.text) == 1 {
			v = uint64(w.text[0])
		}
		switch t {
		case vUint, vInt, vBool:
			text = strconv.FormatUint(v, 10)
		case vBytes, vProto, vMAC:
			text = fmt.Sprintf("%02x", v&0xff)
		case vString:
			text = w.text
		default:
			return c.errNode(n, "%s cannot be converted to %s.", w.tok.text, t)
		}
	default:
		return c.errNode(n, "%s is not a valid literal.", w.tok.text)
	}
	v, err := convert(text, quoted, t, f)
	if err != nil {
		return c.errNode(n, "%s", err.Error())
	}
	if negative {
		switch t {
		case vInt, vUint:
			v.n = uint64(-int64(v.n))
			t = vInt
		case vFloat:
			v.n = math.Float64bits(-math.Float64frombits(v.n))
		case vRelTime:
			v.n = uint64(-int64(v.n))
		default:
			return c.errNode(n, "%s does not support unary minus.", t)
		}
	}
	n.typ, n.lit, n.consts = t, true, []val{v}
	if t == vNone {
		return c.errNode(n, "%s is a label and has no value to compare.", n.tok.text)
	}
	return nil
}

// convert parses the text of a literal as a value of type t.
func convert(text string, quoted bool, t vtype, f *decode.Field) (val, error) {
	switch t {
	case vUint, vInt:
		if !quoted {
			if v, ok := parseInt(text); ok {
				return val{n: v}, nil
			}
		}
		if vns := valueNames(f); vns != nil {
			for _, vn := range vns.Values {
				if strings.EqualFold(vn.Name, text) {
					return val{n: vn.Value}, nil
				}
			}
			return val{}, errf("%q cannot be found among the possible values for %s.", text, f.Name)
		}
		if quoted {
			return val{}, errf("%q cannot be converted to %s.", text, t)
		}
		return val{}, errf("%q is not a valid number.", text)
	case vBool:
		switch text {
		case "1", "True", "TRUE":
			return val{n: 1}, nil
		case "0", "False", "FALSE":
			return val{n: 0}, nil
		}
		if f != nil {
			if yes, no, ok := f.BoolNames(); ok {
				switch {
				case strings.EqualFold(text, yes):
					return val{n: 1}, nil
				case strings.EqualFold(text, no):
					return val{n: 0}, nil
				}
			}
		}
		if v, ok := parseInt(text); ok && !quoted {
			if v != 0 {
				v = 1
			}
			return val{n: v}, nil
		}
		name := "the field"
		if f != nil {
			name = f.Name
		}
		return val{}, errf("%q cannot be found among the possible values for %s.", text, name)
	case vFloat:
		x, err := strconv.ParseFloat(text, 64)
		if err != nil {
			return val{}, errf("%q is not a valid floating-point number.", text)
		}
		return val{n: math.Float64bits(x)}, nil
	case vRelTime:
		ns, ok := parseSeconds(text)
		if !ok {
			return val{}, errf("%q is not a valid time offset.", text)
		}
		return val{n: uint64(ns)}, nil
	case vAbsTime:
		ns, ok := parseAbsTime(text, quoted)
		if !ok {
			return val{}, errf("%q is not a valid absolute time. Example: \"Nov 12, 1999 08:55:44.123\" or \"2011-07-04 12:34:56\"", text)
		}
		return val{n: uint64(ns)}, nil
	case vIPv4:
		if quoted {
			return val{}, errf("IPv4 address cannot be converted from a string (%q).", text)
		}
		p, err := parsePrefix(text, false)
		if err != nil {
			return val{}, err
		}
		a := p.Addr().As4()
		return val{n: uint64(a[0])<<24 | uint64(a[1])<<16 | uint64(a[2])<<8 | uint64(a[3]), bits: uint8(p.Bits() + 1)}, nil
	case vIPv6:
		if quoted {
			return val{}, errf("IPv6 address cannot be converted from a string (%q).", text)
		}
		p, err := parsePrefix(text, true)
		if err != nil {
			return val{}, err
		}
		a := p.Addr().As16()
		return val{b: a[:], bits: uint8(p.Bits() + 1)}, nil
	case vMAC:
		if quoted {
			return val{b: []byte(text)}, nil
		}
		b, err := parseBytes(text)
		if err != nil || len(b) != 6 {
			return val{}, errf("%q is not a valid Ethernet address.", text)
		}
		return val{b: b}, nil
	case vBytes, vProto:
		if quoted {
			return val{b: []byte(text)}, nil
		}
		b, err := parseBytes(text)
		if v, ok := parseInt(text); err != nil && ok && v <= 0xff {
			b, err = []byte{byte(v)}, nil // 0x16: one byte
		}
		if err != nil {
			return val{}, errf("%q is not a valid byte string.", text)
		}
		return val{b: b}, nil
	case vString:
		return val{b: []byte(text)}, nil
	case vNone:
		return val{}, errf("%q cannot be compared with a label.", text)
	}
	return val{}, errf("%q cannot be converted to %s.", text, t)
}

// valueNames returns the names of f's values, or nil.
func valueNames(f *decode.Field) *decode.ValueNames {
	if f == nil {
		return nil
	}
	return f.ValueNames()
}

// parseInt parses an integer as Wireshark writes them: decimal, 0x hex,
// 0b binary, a leading 0 for octal.
func parseInt(s string) (uint64, bool) {
	if s == "" {
		return 0, false
	}
	base := 10
	digits := s
	switch {
	case len(s) > 2 && (s[:2] == "0x" || s[:2] == "0X"):
		base, digits = 16, s[2:]
	case len(s) > 2 && (s[:2] == "0b" || s[:2] == "0B"):
		base, digits = 2, s[2:]
	case len(s) > 1 && s[0] == '0':
		base, digits = 8, s[1:]
	}
	v, err := strconv.ParseUint(digits, base, 64)
	return v, err == nil
}

// parseSeconds parses a relative time in seconds ("1", "0.5", "1.5s") as
// nanoseconds.
func parseSeconds(s string) (int64, bool) {
	s = strings.TrimSuffix(s, "s")
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" && frac == "" {
		return 0, false
	}
	var sec uint64
	if whole != "" {
		v, err := strconv.ParseUint(whole, 10, 63)
		if err != nil || v > math.MaxInt64/1_000_000_000 {
			return 0, false
		}
		sec = v
	}
	var ns int64
	for k := 0; k < 9; k++ {
		ns *= 10
		if k < len(frac) {
			if frac[k] < '0' || frac[k] > '9' {
				return 0, false
			}
			ns += int64(frac[k] - '0')
		}
	}
	for k := 9; k < len(frac); k++ {
		if frac[k] < '0' || frac[k] > '9' {
			return 0, false
		}
	}
	v := int64(sec)*1e9 + ns
	if neg {
		v = -v
	}
	return v, true
}

// parseAbsTime parses an absolute time as Wireshark accepts them:
// "2026-01-02 03:04:05.123", "2026-01-02T03:04:05Z", "Jan  2, 2026
// 03:04:05", a date alone; local time unless a zone (UTC, Z, +hh:mm)
// is given. An unquoted number is seconds since the epoch.
func parseAbsTime(s string, quoted bool) (int64, bool) {
	s = strings.TrimSpace(s)
	if !quoted {
		if ns, ok := parseSeconds(s); ok {
			return ns, true
		}
	}
	loc := time.Local
	switch {
	case strings.HasSuffix(s, " UTC"):
		s, loc = strings.TrimSuffix(s, " UTC"), time.UTC
	case strings.HasSuffix(s, "Z"):
		s, loc = strings.TrimSuffix(s, "Z"), time.UTC
	}
	layouts := []string{
		"2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05.999999999",
		"2006-01-02 15:04:05.999999999-07:00", "2006-01-02T15:04:05.999999999-07:00",
		"2006-01-02 15:04", "2006-01-02",
		"Jan _2, 2006 15:04:05.999999999", "Jan 2, 2006 15:04:05.999999999", "Jan _2, 2006",
		"2006-002 15:04:05.999999999", // day of year
	}
	for _, l := range layouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t.UnixNano(), true
		}
	}
	return 0, false
}

// parsePrefix parses an address with an optional prefix length.
func parsePrefix(s string, v6 bool) (netip.Prefix, error) {
	kind := "IPv4"
	if v6 {
		kind = "IPv6"
	}
	addr, bits, hasBits := strings.Cut(s, "/")
	a, err := netip.ParseAddr(addr)
	if err != nil || a.Is6() != v6 || a.Zone() != "" {
		if !v6 && looksLikeField(addr) {
			return netip.Prefix{}, errf("%q is not a valid hostname or %s address (rawcap does not resolve host names).", s, kind)
		}
		return netip.Prefix{}, errf("%q is not a valid %s address.", s, kind)
	}
	n := a.BitLen()
	if hasBits {
		v, err := strconv.Atoi(bits)
		if err != nil || v < 0 || v > a.BitLen() {
			return netip.Prefix{}, errf("%q is not a valid %s prefix length.", s, kind)
		}
		n = v
	}
	return netip.PrefixFrom(a, n), nil
}

// parseBytes parses a byte string: hex bytes separated by ':', '-' or '.'
// ("00:11:22", "00-11-22", "0011.2233.4455"), one or two digits a byte, or
// a run of hex digits of even length.
func parseBytes(s string) ([]byte, error) {
	if s == "" {
		return nil, errors.New("empty")
	}
	sep := byte(0)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ':' || c == '-' || c == '.' {
			if sep != 0 && c != sep {
				return nil, errors.New("mixed separators")
			}
			sep = c
		} else if hexVal(c) < 0 {
			return nil, errors.New("not hex")
		}
	}
	var out []byte
	if sep == 0 {
		if len(s) <= 2 {
			return []byte{byte(hexNum(s))}, nil
		}
		if len(s)%2 != 0 {
			return nil, errors.New("odd")
		}
		for i := 0; i < len(s); i += 2 {
			out = append(out, byte(hexNum(s[i:i+2])))
		}
		return out, nil
	}
	parts := strings.Split(s, string(sep))
	if sep == '.' && len(parts) == 3 && len(parts[0]) == 4 {
		// Cisco's aabb.ccdd.eeff
		for _, p := range parts {
			if len(p) != 4 {
				return nil, errors.New("bad group")
			}
			out = append(out, byte(hexNum(p[:2])), byte(hexNum(p[2:])))
		}
		return out, nil
	}
	for _, p := range parts {
		if len(p) == 0 || len(p) > 2 {
			return nil, errors.New("bad byte")
		}
		out = append(out, byte(hexNum(p)))
	}
	return out, nil
}

func hexNum(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		v = v<<4 | hexVal(s[i])
	}
	return v
}

// parseRanges parses the inside of a slice ("0:3", "1-2", "-1", ":4",
// "2:", "0:2,4") or of a layer operator ("2", "1-2").
func parseRanges(s string, layer bool) ([]srange, error) {
	var out []srange
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		var r srange
		num := func(x string) (int, bool) {
			v, err := strconv.Atoi(strings.TrimSpace(x))
			return v, err == nil
		}
		switch {
		case part == "":
			return nil, errf("%q is not a valid range.", s)
		case strings.Contains(part, ":"):
			a, b, _ := strings.Cut(part, ":")
			start, n := 0, -1
			if a != "" {
				v, ok := num(a)
				if !ok {
					return nil, errf("%q is not a valid range.", s)
				}
				start = v
			}
			if b != "" {
				v, ok := num(b)
				if !ok || v < 0 {
					return nil, errf("%q is not a valid range.", s)
				}
				n = v
			}
			r = srange{start, n}
		case strings.IndexByte(part[1:], '-') >= 0:
			k := strings.IndexByte(part[1:], '-') + 1
			a, ok1 := num(part[:k])
			b, ok2 := num(part[k+1:])
			if !ok1 || !ok2 || b < a {
				return nil, errf("%q is not a valid range.", s)
			}
			r = srange{a, b - a + 1}
		default:
			v, ok := num(part)
			if !ok {
				return nil, errf("%q is not a valid range.", s)
			}
			r = srange{v, 1}
		}
		if layer && (r.start < 0 || r.n < 0) {
			return nil, errf("%q is not a valid layer.", s)
		}
		out = append(out, r)
	}
	return out, nil
}

// errf formats an error as tshark words it, a sentence with its full stop.
func errf(format string, args ...any) error { return sentence(fmt.Sprintf(format, args...)) }

// sentence is an error message that is a whole sentence.
type sentence string

func (s sentence) Error() string { return string(s) }
