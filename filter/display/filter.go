package display

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// Filter is a compiled display filter. Match must see every packet of a
// capture in order, the ones it rejects too, because fields such as
// tcp.stream and frame.time_delta depend on the packets before. A Filter
// is not safe for concurrent use.
type Filter struct {
	expr   string
	root   *node
	names  []string // the fields the decoder must emit (not the frame's times)
	fp     *decode.FieldsPrinter
	ctx    evalCtx
	clock  struct{ first, prev, shown int64 }
	ticked bool
	shown  bool
	// independent: the expression's verdict on a packet depends on that
	// packet alone (Independent).
	independent bool
	// pre tests the conjuncts of an independent expression that read the
	// frame's record alone (Skip); nil: there are none, or the others do
	// not matter (the expression is all of them).
	pre *Filter
	// owned: the Decoder Match is given serves no other output
	// (OwnDecoder), so Skip may leave a packet undecoded.
	owned bool
	// pin: the stream + 1 of a conjunct tcp.stream == N, 0 none
	// (streamPin).
	pin uint32
	// clocked: the expression reads a frame time that depends on the
	// packets before (frame.time_delta, _delta_displayed, _relative).
	clocked bool
}

// Compile parses and checks expr. A syntax error or a name rawcap does not
// decode is a *SyntaxError (its Caret shows where); a name Wireshark knows
// but rawcap does not decode also matches ErrNotDecoded with errors.Is.
func Compile(expr string) (*Filter, error) {
	root, err := parse(expr)
	if err != nil {
		return nil, err
	}
	c := checker{src: expr}
	if err := c.test(root); err != nil {
		return nil, err
	}
	f := &Filter{expr: expr, root: root}
	for _, fd := range c.fields {
		if ft, ok := frameTimes[fd.Name]; ok {
			// frame.time and frame.time_epoch are the packet's own.
			f.clocked = f.clocked || ft != ftTime && ft != ftEpoch
			continue
		}
		f.names = append(f.names, fd.Name)
	}
	f.independent = !f.clocked && decode.Independent(f.names)
	if len(f.names) > 0 {
		fp, err := decode.NewFieldsPrinter(f.names)
		if err != nil {
			return nil, err
		}
		f.fp = fp
	}
	f.pin = streamPin(root)
	if f.independent {
		pre, err := framePart(expr, root)
		if err != nil {
			return nil, err
		}
		f.pre = pre
	}
	return f, nil
}

// framePart returns a Filter of the conjuncts of root (an expression
// a && b && …) that read no field but the frame's own
// (decode.FrameAlone), or nil when none does or all do.
func framePart(expr string, root *node) (*Filter, error) {
	var all, frame []*node
	all = conjuncts(root, all)
	for _, n := range all {
		if frameAlone(n) {
			frame = append(frame, n)
		}
	}
	if len(frame) == 0 || len(frame) == len(all) {
		return nil, nil
	}
	pre := &Filter{expr: expr, root: frame[0], independent: true}
	for _, n := range frame[1:] {
		pre.root = &node{kind: nAnd, a: pre.root, b: n}
	}
	var names []string
	walk(pre.root, func(n *node) {
		if n.field != nil && frameTimes[n.field.Name] == ftNone && !slices.Contains(names, n.field.Name) {
			names = append(names, n.field.Name)
		}
	})
	if len(names) > 0 {
		fp, err := decode.NewFieldsPrinter(names)
		if err != nil {
			return nil, err
		}
		fp.SkipTracker = true // the packet is not decoded: there is nothing to track
		pre.fp, pre.names = fp, names
	}
	return pre, nil
}

// conjuncts appends the operands of n's chain of &&s to out.
func conjuncts(n *node, out []*node) []*node {
	if n.kind == nAnd {
		return conjuncts(n.b, conjuncts(n.a, out))
	}
	return append(out, n)
}

// frameAlone reports whether the test n reads fields of the frame's record
// only, and at least one.
func frameAlone(n *node) bool {
	some, other := false, false
	walk(n, func(m *node) {
		switch {
		case len(m.prefix) > 0:
			other = true
		case m.field != nil:
			if decode.FrameAlone(m.field) {
				some = true
			} else {
				other = true
			}
		}
	})
	return some && !other
}

// walk calls fn for n and every node below it.
func walk(n *node, fn func(*node)) {
	if n == nil {
		return
	}
	fn(n)
	walk(n.a, fn)
	walk(n.b, fn)
	for _, a := range n.args {
		walk(a, fn)
	}
}

// OwnDecoder tells f that the Decoder it is given serves no other output
// (a conversion or capture that writes the packets f keeps, without
// printing them): when the expression reads nothing the connection tracker
// computes (decode.Field.Tracked), Match then leaves the tracker out, a
// third of the cost of a simple filter.
func (f *Filter) OwnDecoder() {
	if f.fp != nil {
		f.fp.SkipTracker = true
		if f.pin != 0 {
			f.fp.PinTCPStream(f.pin - 1)
		}
	}
	f.owned = true
}

// PinnedPorts returns, for a filter pinned to TCP stream N (a conjunct
// tcp.stream == N, OwnDecoder) once d, the Decoder Match is given, has
// seen N's connection open, that connection's two ports. From then on a
// packet whose bytes do not carry them (decode.CarriesPorts) fails the
// filter and leaves its state as it was, so the caller may drop it
// without Match. ok is false for any other filter, or before.
func (f *Filter) PinnedPorts(d *decode.Decoder) (a, b uint16, ok bool) {
	if !f.owned || f.pin == 0 || f.clocked || f.fp == nil {
		return 0, 0, false
	}
	return f.fp.PinnedPorts(d)
}

// streamPin returns N + 1 when one of the conjuncts of root (a && b && …)
// is tcp.stream == N and tcp.stream is named nowhere else, 0 otherwise:
// only stream N's packets can pass, so a tracker of its own need follow
// no other connection once N's is open (decode.FieldsPrinter.PinTCPStream).
func streamPin(root *node) uint32 {
	named := 0
	walk(root, func(n *node) {
		if n.field != nil && n.field.Name == "tcp.stream" {
			named++
		}
	})
	if named != 1 {
		return 0
	}
	for _, n := range conjuncts(root, nil) {
		if n.kind != nCmp || n.op != opEq && n.op != opAllEq {
			continue
		}
		a, b := n.a, n.b
		if b.kind == nWord && b.field != nil {
			a, b = b, a
		}
		if a.kind == nWord && a.field != nil && a.field.Name == "tcp.stream" && len(a.layer) == 0 &&
			b.lit && b.typ == vUint && len(b.consts) == 1 && b.consts[0].n < 1<<32-1 {
			return uint32(b.consts[0].n) + 1
		}
	}
	return 0
}

// Skip reports whether the packet data, of link type lt and described by
// fr, fails a part of the filter that reads the frame's record alone
// (frame.len > 1000 && tcp.port == 443 fails on a short frame, whatever
// its ports): then it does not pass, and the caller need not decode it.
// Skip answers for an Independent filter whose Decoder d is its own
// (OwnDecoder), and false otherwise; d is left holding data undecoded. A
// caller that gets false decodes the packet and calls Match.
func (f *Filter) Skip(d *decode.Decoder, fr *decode.Frame, data []byte, lt linktype.Type) bool {
	if f.pre == nil || !f.owned {
		return false
	}
	d.FrameOnly(data, lt)
	return !f.pre.Match(d, fr)
}

// Independent reports whether f's verdict on a packet depends on that
// packet alone: it reads no field computed from the packets before (the
// connection tracker's, the frame times relative to other frames) and only
// fields of the link, network and transport layers (decode.Independent).
// Such a filter may then be run on packets out of order, by several
// Filters compiled from the same expression, each with a Decoder of its
// own.
func (f *Filter) Independent() bool { return f.independent }

// String returns the expression f was compiled from.
func (f *Filter) String() string { return f.expr }

// Fields returns the names of the fields and protocols f reads.
func (f *Filter) Fields() []string { return f.names }

// Match reports whether the packet d last decoded, described by fr,
// passes the filter.
func (f *Filter) Match(d *decode.Decoder, fr *decode.Frame) bool {
	c := &f.ctx
	c.scratch = c.scratch[:0]
	c.data = d.Data()
	c.recs = nil
	if f.fp != nil {
		c.list = f.fp.Fields(d, fr)
		c.recs = c.list.Records()
	}
	// A packet without a time (pcapng's simple packet block) has no time
	// fields, but counts as the epoch for the ones after it, as in tshark.
	c.hasTime = !fr.Time.IsZero()
	var t int64
	if c.hasTime {
		t = fr.Time.UnixNano()
	}
	if !f.ticked {
		f.clock.first, f.clock.prev, f.ticked = t, t, true
	}
	c.time, c.relative, c.delta = t, t-f.clock.first, t-f.clock.prev
	c.deltaShown = 0
	if f.shown {
		c.deltaShown = t - f.clock.shown
	}
	f.clock.prev = t
	ok := c.test(f.root)
	if ok {
		f.clock.shown, f.shown = t, true
	}
	return ok
}

// Program returns the checked syntax tree, one node a line, as Wireshark's
// dftest prints a filter's syntax tree: for people debugging a filter.
func (f *Filter) Program() string {
	var b strings.Builder
	var walk func(n *node, depth int)
	walk = func(n *node, depth int) {
		ind := strings.Repeat("  ", depth)
		switch n.kind {
		case nOr, nAnd:
			name := "TEST_OR"
			if n.kind == nAnd {
				name = "TEST_AND"
			}
			fmt.Fprintf(&b, "%s%s:\n", ind, name)
			walk(n.a, depth+1)
			walk(n.b, depth+1)
		case nNot:
			fmt.Fprintf(&b, "%sTEST_NOT:\n", ind)
			walk(n.a, depth+1)
		case nTest:
			what := "TEST_EXISTS"
			switch n.a.kind {
			case nWord, nLayer, nSlice:
			default:
				what = "TEST_NOT_ZERO"
			}
			fmt.Fprintf(&b, "%s%s:\n", ind, what)
			walk(n.a, depth+1)
		case nCmp:
			names := [...]string{opEq: "TEST_ANY_EQ", opNe: "TEST_ALL_NE", opAllEq: "TEST_ALL_EQ", opAnyNe: "TEST_ANY_NE", opGt: "TEST_GT", opGe: "TEST_GE", opLt: "TEST_LT", opLe: "TEST_LE"}
			fmt.Fprintf(&b, "%s%s:\n", ind, names[n.op])
			walk(n.a, depth+1)
			walk(n.b, depth+1)
		case nContains, nMatches:
			name := "TEST_CONTAINS"
			if n.kind == nMatches {
				name = "TEST_MATCHES"
			}
			fmt.Fprintf(&b, "%s%s:\n", ind, name)
			walk(n.a, depth+1)
			walk(n.b, depth+1)
		case nIn:
			name := "TEST_IN"
			if n.neg {
				name = "TEST_NOT_IN"
			}
			fmt.Fprintf(&b, "%s%s:\n", ind, name)
			walk(n.a, depth+1)
			fmt.Fprintf(&b, "%s  SET(%d):\n", ind, len(n.args))
			for _, el := range n.args {
				if el.b != nil {
					fmt.Fprintf(&b, "%s    RANGE:\n", ind)
					walk(el.a, depth+3)
					walk(el.b, depth+3)
					continue
				}
				walk(el.a, depth+2)
			}
		default:
			b.WriteString(ind)
			b.WriteString(n.describe())
			b.WriteByte('\n')
			for _, k := range []*node{n.a, n.b} {
				if k != nil {
					walk(k, depth+1)
				}
			}
			for _, k := range n.args {
				walk(k, depth+1)
			}
		}
	}
	walk(f.root, 0)
	return b.String()
}

// describe is one value node as Program shows it.
func (n *node) describe() string {
	if n.lit {
		var b []byte
		for i, v := range n.consts {
			if i > 0 {
				b = append(b, ' ')
			}
			b = appendText(b, n, v)
			if v.bits != 0 && (n.typ == vIPv4 && v.bits != 33 || n.typ == vIPv6 && v.bits != 129) {
				b = fmt.Appendf(b, "/%d", v.bits-1)
			}
		}
		if n.re != nil {
			return fmt.Sprintf("PCRE(%s)", n.re.String())
		}
		return fmt.Sprintf("FVALUE(%s <%s>)", b, n.typ)
	}
	switch n.kind {
	case nWord:
		if n.field != nil {
			return fmt.Sprintf("FIELD(%s <%s>)", n.field.Name, n.field.Type())
		}
	case nLayer:
		return fmt.Sprintf("LAYER(#%s)", n.text)
	case nSlice:
		return fmt.Sprintf("SLICE([%s])", n.text)
	case nFunc:
		return fmt.Sprintf("FUNCTION(%s) <%s>", n.name, n.typ)
	case nArith:
		return fmt.Sprintf("OP_%c <%s>", n.arith, n.typ)
	case nNeg:
		return fmt.Sprintf("OP_UNARY_MINUS <%s>", n.typ)
	}
	return n.tok.text
}

// protoOf returns the protocol field f belongs to.
func protoOf(f *decode.Field) *decode.Field {
	return fieldProtos()[f]
}

var fieldProtos = sync.OnceValue(func() map[*decode.Field]*decode.Field {
	m := map[*decode.Field]*decode.Field{}
	for _, p := range decode.Protocols() {
		m[p.Protocol] = p.Protocol
		for i := range p.Fields {
			m[&p.Fields[i]] = p.Protocol
		}
	}
	return m
})

var wiresharkProtocolSet = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(wiresharkProtocolNames) {
		m[n] = true
	}
	return m
})

// wiresharkProtocol reports whether tshark knows a protocol by this name.
func wiresharkProtocol(name string) bool { return wiresharkProtocolSet()[name] }
