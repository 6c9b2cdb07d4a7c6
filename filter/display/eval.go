package display

import (
	"bytes"
	"math"
	"net/netip"
	"slices"
	"strconv"
	"time"

	"github.com/rawcap/rawcap/decode"
)

// evalCtx is what evaluation reads for one packet.
type evalCtx struct {
	list    *decode.FieldList
	recs    []decode.FieldRec
	data    []byte
	scratch []byte // bytes made during evaluation (MACs, slices, strings)

	// The frame's times, in nanoseconds, when it has one.
	time, delta, deltaShown, relative int64
	hasTime                           bool
}

// test evaluates the test n.
func (c *evalCtx) test(n *node) bool {
	switch n.kind {
	case nOr:
		return c.test(n.a) || c.test(n.b)
	case nAnd:
		return c.test(n.a) && c.test(n.b)
	case nNot:
		return !c.test(n.a)
	case nTest:
		vs := c.values(n.a)
		switch n.a.kind {
		case nWord, nLayer, nSlice:
			return len(vs) > 0
		}
		for _, v := range vs {
			if !zero(n.a.typ, v) {
				return true
			}
		}
		return false
	case nCmp:
		return c.compare(n)
	case nContains:
		as, bs := c.values(n.a), c.values(n.b)
		for _, a := range as {
			for _, b := range bs {
				if bytes.Contains(a.b, b.b) {
					return true
				}
			}
		}
		return false
	case nMatches:
		re := n.b.re
		for _, a := range c.values(n.a) {
			if re.Match(a.b) {
				return true
			}
		}
		return false
	case nIn:
		in := c.member(n)
		if n.neg {
			return !in
		}
		return in
	}
	return false
}

// member reports whether any value of n.a is in n's set.
func (c *evalCtx) member(n *node) bool {
	as := c.values(n.a)
	ta := n.a.typ
	for _, el := range n.args {
		los := c.values(el.a)
		if el.b == nil {
			for _, a := range as {
				for _, lo := range los {
					if equal(ta, el.a.typ, a, lo) {
						return true
					}
				}
			}
			continue
		}
		his := c.values(el.b)
		for _, a := range as {
			for _, lo := range los {
				for _, hi := range his {
					if order(ta, el.a.typ, a, lo) >= 0 && order(ta, el.b.typ, a, hi) <= 0 {
						return true
					}
				}
			}
		}
	}
	return false
}

// compare evaluates a comparison with tshark 4.0's meaning for fields
// that occur several times: == is any pair equal, != no pair equal (and
// both sides present), === every pair equal, !== some pair unequal.
func (c *evalCtx) compare(n *node) bool {
	as, bs := c.values(n.a), c.values(n.b)
	if len(as) == 0 || len(bs) == 0 {
		return false
	}
	ta, tb := n.a.typ, n.b.typ
	switch n.op {
	case opEq:
		for _, a := range as {
			for _, b := range bs {
				if equal(ta, tb, a, b) {
					return true
				}
			}
		}
		return false
	case opNe:
		for _, a := range as {
			for _, b := range bs {
				if equal(ta, tb, a, b) {
					return false
				}
			}
		}
		return true
	case opAllEq:
		for _, a := range as {
			for _, b := range bs {
				if !equal(ta, tb, a, b) {
					return false
				}
			}
		}
		return true
	case opAnyNe:
		for _, a := range as {
			for _, b := range bs {
				if !equal(ta, tb, a, b) {
					return true
				}
			}
		}
		return false
	}
	for _, a := range as {
		for _, b := range bs {
			o := order(ta, tb, a, b)
			var ok bool
			switch n.op {
			case opGt:
				ok = o > 0
			case opGe:
				ok = o >= 0
			case opLt:
				ok = o < 0
			case opLe:
				ok = o <= 0
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// equal compares a (of type ta) with b (of type tb); an address with a
// prefix matches the addresses in it.
func equal(ta, tb vtype, a, b val) bool {
	switch {
	case ta == vIPv4 && tb == vIPv4:
		bits := 32
		if a.bits != 0 {
			bits = int(a.bits) - 1
		}
		if b.bits != 0 {
			bits = min(bits, int(b.bits)-1)
		}
		mask := uint64(0xffffffff) << (32 - bits) & 0xffffffff
		return a.n&mask == b.n&mask
	case ta == vIPv6 && tb == vIPv6:
		bits := 128
		if a.bits != 0 {
			bits = int(a.bits) - 1
		}
		if b.bits != 0 {
			bits = min(bits, int(b.bits)-1)
		}
		return prefixEqual(a.b, b.b, bits)
	case ta.bytesLike() || tb.bytesLike():
		return bytes.Equal(a.b, b.b)
	}
	return order(ta, tb, a, b) == 0
}

func prefixEqual(a, b []byte, bits int) bool {
	if len(a) < 16 || len(b) < 16 {
		return false
	}
	full := bits / 8
	if !bytes.Equal(a[:full], b[:full]) {
		return false
	}
	if r := bits % 8; r != 0 {
		m := byte(0xff << (8 - r))
		return a[full]&m == b[full]&m
	}
	return true
}

// order compares a and b: -1, 0 or 1.
func order(ta, tb vtype, a, b val) int {
	switch {
	case ta.bytesLike() || tb.bytesLike() || ta == vIPv6:
		return bytes.Compare(a.b, b.b)
	case ta == vFloat || tb == vFloat:
		x, y := asFloat(ta, a), asFloat(tb, b)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	case ta == vInt || tb == vInt || ta == vRelTime || ta == vAbsTime:
		x, y := int64(a.n), int64(b.n)
		if ta == vUint && a.n > math.MaxInt64 {
			return 1
		}
		if tb == vUint && b.n > math.MaxInt64 {
			return -1
		}
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	switch {
	case a.n < b.n:
		return -1
	case a.n > b.n:
		return 1
	}
	return 0
}

func asFloat(t vtype, v val) float64 {
	switch t {
	case vFloat:
		return math.Float64frombits(v.n)
	case vInt:
		return float64(int64(v.n))
	case vRelTime, vAbsTime:
		return float64(int64(v.n)) / 1e9
	}
	return float64(v.n)
}

// zero reports whether v is zero (all its bytes, for byte values).
func zero(t vtype, v val) bool {
	if t.bytesLike() || t == vIPv6 {
		for _, c := range v.b {
			if c != 0 {
				return false
			}
		}
		return true
	}
	if t == vFloat {
		return math.Float64frombits(v.n) == 0
	}
	return v.n == 0
}

// values returns the values of the value node n in this packet. The slice
// is n's buffer, valid until n is evaluated again.
func (c *evalCtx) values(n *node) []val {
	if n.lit {
		return n.consts
	}
	buf := n.buf[:0]
	switch n.kind {
	case nWord:
		buf = c.fieldValues(n, buf)
	case nLayer:
		buf = append(buf, c.values(n.a)...)
	case nSlice:
		for _, v := range c.values(n.a) {
			b := c.asBytes(n.a.typ, v)
			start := len(c.scratch)
			ok := true
			for _, r := range n.ranges {
				s, e, in := r.bounds(len(b))
				if !in {
					ok = false
					break
				}
				c.scratch = append(c.scratch, b[s:e]...)
			}
			if ok {
				buf = append(buf, val{b: c.scratch[start:len(c.scratch):len(c.scratch)]})
			} else {
				c.scratch = c.scratch[:start]
			}
		}
	case nNeg:
		for _, v := range c.values(n.a) {
			switch n.a.typ {
			case vFloat:
				v.n = math.Float64bits(-math.Float64frombits(v.n))
			default:
				v.n = uint64(-int64(v.n))
			}
			buf = append(buf, v)
		}
	case nArith:
		as, bs := c.values(n.a), c.values(n.b)
		for _, a := range as {
			for _, b := range bs {
				if v, ok := c.arith(n, a, b); ok {
					buf = append(buf, v)
				}
			}
		}
	case nFunc:
		buf = c.call(n, buf)
	}
	n.buf = buf
	return buf
}

// bounds returns where r falls in a value of n bytes, and whether it fits.
func (r srange) bounds(n int) (start, end int, ok bool) {
	s := r.start
	if s < 0 {
		s += n
	}
	if s < 0 || s > n {
		return 0, 0, false
	}
	e := n
	if r.n >= 0 {
		e = s + r.n
	}
	if e > n || (r.n >= 0 && e == s && r.n != 0) {
		return 0, 0, false
	}
	return s, e, true
}

// asBytes returns the bytes of v for slicing and len().
func (c *evalCtx) asBytes(t vtype, v val) []byte {
	switch t {
	case vIPv4:
		start := len(c.scratch)
		c.scratch = append(c.scratch, byte(v.n>>24), byte(v.n>>16), byte(v.n>>8), byte(v.n))
		return c.scratch[start:]
	}
	return v.b
}

// fieldValues appends the values of the field n names.
func (c *evalCtx) fieldValues(n *node, buf []val) []val {
	f := n.field
	if n.frame != ftNone && !c.hasTime {
		return buf // a packet without a time has no time fields
	}
	switch n.frame {
	case ftTime:
		return append(buf, val{n: uint64(c.time)})
	case ftEpoch:
		return append(buf, val{n: uint64(c.time)})
	case ftDelta:
		return append(buf, val{n: uint64(c.delta)})
	case ftDeltaDisplayed:
		return append(buf, val{n: uint64(c.deltaShown)})
	case ftRelative:
		return append(buf, val{n: uint64(c.relative)})
	}
	if n.prefix != nil {
		for i := range c.recs {
			r := &c.recs[i]
			if r.Op == decode.OpValue && !r.JSONOnly && slices.Contains(n.prefix, r.Field) {
				return append(buf, val{})
			}
		}
		return buf
	}
	layer := 0
	for i := range c.recs {
		r := &c.recs[i]
		if r.Op == decode.OpProto && r.Field == n.proto {
			layer++
		}
		if r.Field != f || r.JSONOnly || r.Op == decode.OpEnd || r.Op == decode.OpItem {
			continue
		}
		if f.Kind == decode.KindProtocol && r.Op != decode.OpProto {
			continue
		}
		if len(n.layer) > 0 && !inLayers(layer, n.layer) {
			continue
		}
		buf = append(buf, c.valueOf(f, r))
	}
	return buf
}

func inLayers(layer int, rs []srange) bool {
	for _, r := range rs {
		if layer >= r.start && (r.n < 0 || layer < r.start+r.n) {
			return true
		}
	}
	return false
}

// valueOf returns the value of record r of field f.
func (c *evalCtx) valueOf(f *decode.Field, r *decode.FieldRec) val {
	switch f.Kind {
	case decode.KindProtocol:
		s, n := r.Span()
		if s+n <= len(c.data) {
			return val{b: c.data[s : s+n : s+n]}
		}
		return val{}
	case decode.KindMAC:
		u := r.Uint()
		start := len(c.scratch)
		c.scratch = append(c.scratch, byte(u>>40), byte(u>>32), byte(u>>24), byte(u>>16), byte(u>>8), byte(u))
		return val{b: c.scratch[start:len(c.scratch):len(c.scratch)]}
	case decode.KindIPv6, decode.KindBytes, decode.KindString, decode.KindOID, decode.KindSystemID:
		return val{b: c.list.BytesOf(r)}
	case decode.KindNone:
		if r.Op == decode.OpValue {
			return val{b: c.list.BytesOf(r)}
		}
		return val{}
	case decode.KindTime:
		ns, _ := parseFieldTime(c.list.BytesOf(r))
		return val{n: uint64(ns)}
	case decode.KindRelTime:
		ns, _ := parseSeconds(string(c.list.BytesOf(r)))
		return val{n: uint64(ns)}
	}
	return val{n: r.Uint()}
}

// parseFieldTime parses the text of an absolute time field as decode
// writes it ("Jan  2, 2006 15:04:05.000000000 UTC").
func parseFieldTime(b []byte) (int64, bool) {
	t, err := time.Parse("Jan _2, 2006 15:04:05.999999999 MST", string(b))
	if err != nil {
		return 0, false
	}
	return t.UnixNano(), true
}

// arith computes a op b for the arithmetic node n.
func (c *evalCtx) arith(n *node, a, b val) (val, bool) {
	t := n.typ
	if t == vBytes {
		// Bitwise and of byte strings, over the shorter's length.
		k := min(len(a.b), len(b.b))
		start := len(c.scratch)
		for i := 0; i < k; i++ {
			c.scratch = append(c.scratch, a.b[i]&b.b[i])
		}
		return val{b: c.scratch[start:len(c.scratch):len(c.scratch)]}, true
	}
	if t == vFloat {
		x, y := math.Float64frombits(a.n), math.Float64frombits(b.n)
		var r float64
		switch n.arith {
		case '+':
			r = x + y
		case '-':
			r = x - y
		case '*':
			r = x * y
		case '/':
			if y == 0 {
				return val{}, false
			}
			r = x / y
		case '%':
			if y == 0 {
				return val{}, false
			}
			r = math.Mod(x, y)
		default:
			return val{}, false
		}
		return val{n: math.Float64bits(r)}, true
	}
	signed := t == vInt || t == vRelTime
	x, y := a.n, b.n
	var r uint64
	switch n.arith {
	case '+':
		r = x + y
		if !signed && r < x {
			return val{}, false // an unsigned result out of range has no value, as in tshark
		}
	case '-':
		r = x - y
		if !signed && y > x {
			return val{}, false
		}
	case '*':
		r = x * y
		if !signed && x != 0 && r/x != y {
			return val{}, false
		}
	case '&':
		r = x & y
	case '/', '%':
		if y == 0 {
			return val{}, false
		}
		if signed {
			if n.arith == '/' {
				r = uint64(int64(x) / int64(y))
			} else {
				r = uint64(int64(x) % int64(y))
			}
		} else if n.arith == '/' {
			r = x / y
		} else {
			r = x % y
		}
	}
	return val{n: r}, true
}

// call evaluates a function.
func (c *evalCtx) call(n *node, buf []val) []val {
	switch n.name {
	case "count":
		return append(buf, val{n: uint64(len(c.values(n.args[0])))})
	case "len":
		a := n.args[0]
		for _, v := range c.values(a) {
			buf = append(buf, val{n: uint64(valueLen(a, v))})
		}
		return buf
	case "string":
		a := n.args[0]
		for _, v := range c.values(a) {
			start := len(c.scratch)
			c.scratch = appendText(c.scratch, a, v)
			buf = append(buf, val{b: c.scratch[start:len(c.scratch):len(c.scratch)]})
		}
		return buf
	case "upper", "lower":
		for _, v := range c.values(n.args[0]) {
			start := len(c.scratch)
			for _, ch := range v.b {
				switch {
				case n.name == "upper" && ch >= 'a' && ch <= 'z':
					ch -= 'a' - 'A'
				case n.name == "lower" && ch >= 'A' && ch <= 'Z':
					ch += 'a' - 'A'
				}
				c.scratch = append(c.scratch, ch)
			}
			buf = append(buf, val{b: c.scratch[start:len(c.scratch):len(c.scratch)]})
		}
		return buf
	case "min", "max":
		if n.empty {
			return buf
		}
		var best val
		found := false
		for _, a := range n.args {
			for _, v := range c.values(a) {
				if !found {
					best, found = v, true
					continue
				}
				o := order(n.typ, a.typ, best, v)
				if n.name == "min" && o > 0 || n.name == "max" && o < 0 {
					best = v
				}
			}
		}
		if found {
			buf = append(buf, best)
		}
		return buf
	case "abs":
		a := n.args[0]
		for _, v := range c.values(a) {
			switch a.typ {
			case vFloat:
				v.n = math.Float64bits(math.Abs(math.Float64frombits(v.n)))
			case vInt, vRelTime:
				if int64(v.n) < 0 {
					v.n = uint64(-int64(v.n))
				}
			}
			buf = append(buf, v)
		}
		return buf
	}
	return buf
}

// valueLen is len() of a value: its bytes, or an integer field's width.
func valueLen(n *node, v val) int {
	switch n.typ {
	case vIPv4:
		return 4
	case vUint, vInt, vBool:
		if n.field != nil && n.field.Width != 0 {
			return int(n.field.Width+7) / 8
		}
		return 0
	}
	return len(v.b)
}

// appendText appends v as string() shows it.
func appendText(b []byte, n *node, v val) []byte {
	switch n.typ {
	case vUint, vBool:
		if f := n.field; f != nil && (f.Base == decode.BaseHex || f.Base == decode.BaseHexDec) {
			return append(append(b, "0x"...), strconv.FormatUint(v.n, 16)...)
		}
		return strconv.AppendUint(b, v.n, 10)
	case vInt:
		return strconv.AppendInt(b, int64(v.n), 10)
	case vFloat:
		return strconv.AppendFloat(b, math.Float64frombits(v.n), 'g', -1, 64)
	case vIPv4:
		return netip.AddrFrom4([4]byte{byte(v.n >> 24), byte(v.n >> 16), byte(v.n >> 8), byte(v.n)}).AppendTo(b)
	case vIPv6:
		if len(v.b) == 16 {
			return netip.AddrFrom16([16]byte(v.b)).AppendTo(b)
		}
	case vString:
		return append(b, v.b...)
	case vRelTime:
		return strconv.AppendFloat(b, float64(int64(v.n))/1e9, 'f', 9, 64)
	case vAbsTime:
		return time.Unix(0, int64(v.n)).UTC().AppendFormat(b, "2006-01-02 15:04:05.000000000")
	case vMAC, vBytes, vProto:
		for i, c := range v.b {
			if i > 0 {
				b = append(b, ':')
			}
			b = append(b, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
		}
	}
	return b
}
