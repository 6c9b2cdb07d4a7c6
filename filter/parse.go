package filter

// parser is a recursive-descent parser for libpcap's grammar (grammar.y)
// that generates code as it goes, in the order libpcap does, because vlan,
// mpls and pppoes change the offsets of every later primitive.
type parser struct {
	toks  []token
	i     int
	expr  string
	g     *gen
	close map[int]int // index of each "(" token -> index of its ")"
	depth int
}

// maxDepth bounds the nesting of parentheses and operators, as bison's
// stack bounds libpcap's parser.
const maxDepth = 1000

// enter counts a level of nesting; it reports false (and records an error)
// past maxDepth.
func (p *parser) enter() bool {
	p.depth++
	if p.depth > maxDepth {
		if p.g.err == nil {
			p.g.err = &SyntaxError{Expr: p.expr, Pos: p.peek().pos, Msg: "expression nested too deeply"}
		}
		return false
	}
	return true
}

// parse parses the whole expression.
func parse(expr string, g *gen) (*node, error) {
	toks, err := lex(expr)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, expr: expr, g: g, close: map[int]int{}}
	var open []int
	for i, t := range toks {
		switch {
		case isOp(t, "("):
			open = append(open, i)
		case isOp(t, ")") && len(open) > 0:
			p.close[open[len(open)-1]] = i
			open = open[:len(open)-1]
		}
	}
	if p.peek().kind == tEOF {
		return trueNode, nil // an empty filter accepts everything
	}
	n, _ := p.parseExpr(qerr)
	if g.err == nil && p.peek().kind != tEOF {
		p.syntax(p.peek())
	}
	if g.err != nil {
		return nil, g.err
	}
	return n, nil
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) peekAt(k int) token {
	if p.i+k < len(p.toks) {
		return p.toks[p.i+k]
	}
	return p.toks[len(p.toks)-1]
}
func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func isKW(t token, kws ...string) bool {
	if t.kind != tKW {
		return false
	}
	for _, k := range kws {
		if t.text == k {
			return true
		}
	}
	return false
}

func isOp(t token, ops ...string) bool {
	if t.kind != tOp {
		return false
	}
	for _, o := range ops {
		if t.text == o {
			return true
		}
	}
	return false
}

// syntax records a syntax error at t.
func (p *parser) syntax(t token) *node {
	if p.g.err == nil {
		p.g.err = &SyntaxError{Expr: p.expr, Pos: t.pos, Msg: "syntax error"}
	}
	return falseNode
}

func (p *parser) ok() bool { return p.g.err == nil }

// pnames are the protocol keywords that may qualify a primitive.
var pnames = map[string]bool{
	"link": true, "ip": true, "arp": true, "rarp": true, "sctp": true, "tcp": true, "udp": true,
	"icmp": true, "igmp": true, "igrp": true, "pim": true, "vrrp": true, "carp": true, "atalk": true,
	"aarp": true, "decnet": true, "lat": true, "sca": true, "moprc": true, "mopdl": true, "ip6": true,
	"icmp6": true, "ah": true, "esp": true, "iso": true, "esis": true, "isis": true, "l1": true,
	"l2": true, "iih": true, "lsp": true, "snp": true, "psnp": true, "csnp": true, "clnp": true,
	"stp": true, "ipx": true, "netbeui": true, "radio": true,
}

func isPname(t token) bool { return t.kind == tKW && pnames[t.text] }

var relops = map[string]bool{">": true, ">=": true, "=": true, "<=": true, "<": true, "!=": true}

// parseExpr: expr (and|or) (term|id) ..., left to right, equal precedence.
func (p *parser) parseExpr(inh qual) (*node, qual) {
	n, q := p.parseTerm(inh)
	for p.ok() {
		t := p.peek()
		if !isKW(t, "and", "or") {
			break
		}
		p.next()
		var m *node
		if p.startsID() {
			if q.addr == "undef" {
				return p.syntax(p.peek()), q
			}
			m = p.parseID(q)
		} else {
			m, q = p.parseTerm(q)
		}
		if t.text == "and" {
			n = and(n, m)
		} else {
			n = or(n, m)
		}
	}
	return n, q
}

// startsID reports whether the tokens ahead are a bare id (which inherits
// the previous qualifiers) rather than a term.
func (p *parser) startsID() bool {
	k := 0
	for isOp(p.peekAt(k), "(") || isKW(p.peekAt(k), "not") {
		k++
	}
	t := p.peekAt(k)
	switch t.kind {
	case tID, tHID, tHID6, tEID:
		return true
	case tNum:
		n := p.peekAt(k + 1)
		if n.kind == tOp && !isOp(n, "(", ")") {
			return false
		}
		return true
	}
	return false
}

// parseTerm: not term | rterm.
func (p *parser) parseTerm(inh qual) (*node, qual) {
	defer func() { p.depth-- }()
	if !p.enter() {
		return falseNode, inh
	}
	t := p.peek()
	p.g.pos = t.pos
	switch {
	case isKW(t, "not"):
		p.next()
		n, q := p.parseTerm(inh)
		return not(n), q
	case isOp(t, "("):
		// An arithmetic expression in parentheses is followed by an
		// operator; only then is it worth parsing as one.
		save := p.i
		if c, ok := p.close[p.i]; ok && c+1 < len(p.toks) && p.toks[c+1].kind == tOp && !isOp(p.toks[c+1], "(", ")") {
			if a, ok := p.parseArith(); ok && p.peek().kind == tOp && relops[p.peek().text] {
				return p.finishRelation(a), qerr
			}
		}
		p.i = save
		p.next()
		n, _ := p.parseExpr(inh)
		if !p.ok() {
			return n, inh
		}
		if !isOp(p.peek(), ")") {
			return p.syntax(p.peek()), inh
		}
		p.next()
		return n, inh
	case t.kind == tNum || isOp(t, "-") || isKW(t, "len") || isPname(t) && isOp(p.peekAt(1), "["):
		a, ok := p.parseArith()
		if !ok {
			return p.syntax(p.peek()), qerr
		}
		if !(p.peek().kind == tOp && relops[p.peek().text]) {
			return p.syntax(p.peek()), qerr
		}
		return p.finishRelation(a), qerr
	case isPname(t) || isKW(t, "src", "dst", "host", "net", "port", "portrange", "gateway", "proto",
		"protochain", "addr1", "addr2", "addr3", "addr4", "ra", "ta", "broadcast", "multicast"):
		return p.parseHead()
	}
	return p.parseOther(), qerr
}

func (p *parser) finishRelation(a *arith) *node {
	op := p.next()
	b, ok := p.parseArith()
	if !ok {
		return p.syntax(p.peek())
	}
	return p.g.relation(op.text, a, b)
}

// parseHead: [pname] [dqual] [aqual] id, or pname alone, or
// [pname] broadcast|multicast.
func (p *parser) parseHead() (*node, qual) {
	var q qual
	pos := p.peek().pos
	if isPname(p.peek()) {
		q.proto = p.next().text
	}
	t := p.peek()
	switch {
	case isKW(t, "src", "dst"):
		p.next()
		q.dir = t.text
		other := map[string]string{"src": "dst", "dst": "src"}[t.text]
		if isKW(p.peek(), "or", "and") && isKW(p.peekAt(1), other) {
			q.dir = p.next().text
			p.next()
		}
	case isKW(t, "addr1", "addr2", "addr3", "addr4", "ra", "ta"):
		p.next()
		q.dir = t.text
	}
	t = p.peek()
	switch {
	case isKW(t, "host", "net", "port", "portrange", "gateway"):
		p.next()
		q.addr = t.text
	case q.dir == "" && isKW(t, "proto", "protochain"):
		p.next()
		q.addr = t.text
	case q.dir == "" && isKW(t, "broadcast", "multicast"):
		p.next()
		p.g.pos = pos
		if t.text == "broadcast" {
			return p.g.broadcast(q.proto), qerr
		}
		return p.g.multicast(q.proto), qerr
	case q.dir == "":
		if q.proto == "" {
			return p.syntax(t), qerr
		}
		p.g.pos = pos
		return p.g.protoAbbrev(q.proto), qerr
	}
	p.g.pos = pos
	return p.parseID(q), q
}

// parseID: an address, number or name under q, "not id", or "( id and|or id ... )".
func (p *parser) parseID(q qual) *node {
	defer func() { p.depth-- }()
	if !p.enter() {
		return falseNode
	}
	t := p.peek()
	if q.addr == "undef" {
		return p.syntax(t)
	}
	switch t.kind {
	case tKW:
		if t.text == "not" {
			p.next()
			return not(p.parseID(q))
		}
	case tOp:
		if t.text == "(" {
			p.next()
			n := p.parseID(q)
			for p.ok() && isKW(p.peek(), "and", "or") {
				op := p.next()
				m := p.parseID(q)
				if op.text == "and" {
					n = and(n, m)
				} else {
					n = or(n, m)
				}
			}
			if !p.ok() {
				return n
			}
			if !isOp(p.peek(), ")") {
				return p.syntax(p.peek())
			}
			p.next()
			return n
		}
	case tID:
		p.next()
		return p.g.scode(t.text, q)
	case tHID:
		p.next()
		if isOp(p.peek(), "/") {
			p.next()
			n := p.peek()
			if n.kind != tNum {
				return p.syntax(n)
			}
			p.next()
			return p.g.mcode(t.text, "", n.num, q)
		}
		if isKW(p.peek(), "mask") {
			p.next()
			m := p.peek()
			if m.kind != tHID {
				return p.syntax(m)
			}
			p.next()
			return p.g.mcode(t.text, m.text, 0, q)
		}
		return p.g.ncode(t.text, 0, q)
	case tHID6:
		p.next()
		if isOp(p.peek(), "/") {
			p.next()
			n := p.peek()
			if n.kind != tNum {
				return p.syntax(n)
			}
			p.next()
			return p.g.mcode6(t.text, n.num, q)
		}
		return p.g.mcode6(t.text, 128, q)
	case tEID:
		p.next()
		return p.g.ecode(t.text, q)
	case tNum:
		p.next()
		return p.g.ncode("", t.num, q)
	}
	return p.syntax(t)
}

// optNum parses an optional number after vlan, mpls, pppoes, geneve.
func (p *parser) optNum() (uint32, bool) {
	if p.peek().kind == tNum {
		return p.next().num, true
	}
	if isOp(p.peek(), "(") && p.peekAt(1).kind == tNum && isOp(p.peekAt(2), ")") {
		p.next()
		v := p.next().num
		p.next()
		return v, true
	}
	return 0, false
}

// parseOther: the primitives that take no qualifiers.
func (p *parser) parseOther() *node {
	t := p.peek()
	g := p.g
	if t.kind != tKW {
		return p.syntax(t)
	}
	p.next()
	needNum := func() (uint32, bool) {
		n := p.peek()
		if n.kind != tNum {
			p.syntax(n)
			return 0, false
		}
		p.next()
		return n.num, true
	}
	switch t.text {
	case "less", "greater":
		v, ok := needNum()
		if !ok {
			return falseNode
		}
		if t.text == "less" {
			return not(g.lenAtom(cbJGT, v))
		}
		return g.lenAtom(cbJGE, v)
	case "byte":
		idx, ok := needNum()
		if !ok {
			return falseNode
		}
		op := p.peek()
		if !isOp(op, "&", "|", "<", ">", "=") {
			return p.syntax(op)
		}
		p.next()
		val, ok := needNum()
		if !ok {
			return falseNode
		}
		return g.byteOp(op.text, idx, val)
	case "inbound", "outbound":
		return g.inbound(t.text == "outbound")
	case "ifindex":
		v, ok := needNum()
		if !ok {
			return falseNode
		}
		return g.ifindex(v)
	case "vlan":
		v, has := p.optNum()
		return g.vlan(v, has)
	case "mpls":
		v, has := p.optNum()
		return g.mpls(v, has)
	case "pppoed":
		return g.linkType(etPPPoED)
	case "pppoes":
		v, has := p.optNum()
		return g.pppoes(v, has)
	case "geneve", "vxlan":
		v, has := p.optNum()
		return g.tunnelUDP(t.text, v, has)
	case "llc":
		if n := p.peek(); n.kind == tID {
			p.next()
			return g.llcType(n.text)
		}
		return g.llc()
	}
	return p.syntax(t)
}

// Arithmetic, by precedence from loosest: | ^, &, << >>, + -, * / %, unary -.
var arithLevels = [][]string{{"|", "^"}, {"&"}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "%"}}

// parseArith parses an arithmetic expression without side effects; ok is
// false when the tokens are not one.
func (p *parser) parseArith() (*arith, bool) { return p.parseArithLevel(0) }

func (p *parser) parseArithLevel(level int) (*arith, bool) {
	if level == len(arithLevels) {
		return p.parseArithUnary()
	}
	a, ok := p.parseArithLevel(level + 1)
	for ok {
		t := p.peek()
		if !isOp(t, arithLevels[level]...) {
			break
		}
		p.next()
		var b *arith
		b, ok = p.parseArithLevel(level + 1)
		a = &arith{op: t.text, l: a, r: b}
	}
	return a, ok
}

func (p *parser) parseArithUnary() (*arith, bool) {
	defer func() { p.depth-- }()
	if !p.enter() {
		return nil, false
	}
	t := p.peek()
	switch {
	case isOp(t, "-"):
		p.next()
		a, ok := p.parseArithUnary()
		return &arith{op: "neg", l: a}, ok
	case t.kind == tNum:
		p.next()
		return &arith{op: "num", k: t.num}, true
	case isKW(t, "len"):
		p.next()
		return &arith{op: "len"}, true
	case isOp(t, "("):
		p.next()
		a, ok := p.parseArith()
		if !ok || !isOp(p.peek(), ")") {
			return nil, false
		}
		p.next()
		return a, true
	case isPname(t) && isOp(p.peekAt(1), "["):
		p.next()
		p.next()
		idx, ok := p.parseArith()
		if !ok {
			return nil, false
		}
		size := uint32(1)
		if isOp(p.peek(), ":") {
			p.next()
			n := p.peek()
			if n.kind != tNum {
				return nil, false
			}
			p.next()
			size = n.num
		}
		if !isOp(p.peek(), "]") {
			return nil, false
		}
		p.next()
		if size != 1 && size != 2 && size != 4 {
			p.g.pos = t.pos
			p.g.failf("data size must be 1, 2, or 4")
		} else if loadKind(t.text) == "" {
			p.g.pos = t.pos
			p.g.failf("unsupported index operation")
		}
		return &arith{op: "load", proto: t.text, l: idx, size: int(size)}, true
	}
	return nil, false
}
