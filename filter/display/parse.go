package display

import "fmt"

// nodeKind says what a node of the syntax tree is.
type nodeKind uint8

const (
	// Tests (they are true or false).
	nOr       nodeKind = iota + 1 // a || b
	nAnd                          // a && b
	nNot                          // !a
	nCmp                          // a op b
	nContains                     // a contains b
	nMatches                      // a matches b
	nIn                           // a in {set}; neg: not in
	nTest                         // a value used as a test: present, or not zero

	// Values (they have a list of values per packet).
	nWord    // an unquoted word: a field, a protocol or a literal
	nString  // a quoted string
	nChar    // a character constant
	nSlice   // a[ranges]
	nFunc    // name(args)
	nArith   // a op b, op one of + - * / % &
	nNeg     // -a
	nLayer   // a#layers
	nSetElem // one element of a set: a, or a..b
)

// node is a node of the syntax tree; checking fills in what evaluation
// needs (see check.go).
type node struct {
	kind  nodeKind
	op    cmpOp // nCmp
	arith byte  // nArith: '+', '-', '*', '/', '%', '&'
	neg   bool  // nIn: not in
	a, b  *node
	args  []*node // nFunc arguments, nIn set elements
	tok   token   // where the node starts, for errors
	name  string  // nFunc: the function; nWord: the word
	text  string  // nString, nChar: the value; nSlice, nLayer: the ranges

	compiled
}

// parser is a recursive-descent parser over the tokens, with Wireshark's
// precedence: || below && below ! below the relations, and in the
// arithmetic & below + - below * / % below unary minus.
type parser struct {
	src  string
	toks []token
	i    int
}

func parse(src string) (*node, error) {
	toks, err := scan(src)
	if err != nil {
		return nil, err
	}
	p := &parser{src: src, toks: toks}
	if p.peek().kind == tEOF {
		return nil, &SyntaxError{Expr: src, Pos: -1, Msg: "Unexpected end of filter expression."}
	}
	n, err := p.or()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, p.unexpected(t)
	}
	return n, nil
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) take() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

// unexpected is tshark's error for a token the grammar does not allow
// where it stands.
func (p *parser) unexpected(t token) error {
	if t.kind == tEOF {
		return &SyntaxError{Expr: p.src, Pos: -1, Msg: "Unexpected end of filter expression."}
	}
	return &SyntaxError{Expr: p.src, Pos: t.pos, Len: len(t.text), Msg: fmt.Sprintf("%q was unexpected in this context.", t.text)}
}

func (p *parser) or() (*node, error) {
	a, err := p.and()
	if err != nil {
		return nil, err
	}
	for p.peek().kind == tOr {
		t := p.take()
		b, err := p.and()
		if err != nil {
			return nil, err
		}
		a = &node{kind: nOr, a: a, b: b, tok: t}
	}
	if t := p.peek(); t.kind == tXor {
		return nil, p.unexpected(t) // tshark 4.0 has no xor
	}
	return a, nil
}

func (p *parser) and() (*node, error) {
	a, err := p.not()
	if err != nil {
		return nil, err
	}
	for p.peek().kind == tAnd {
		t := p.take()
		b, err := p.not()
		if err != nil {
			return nil, err
		}
		a = &node{kind: nAnd, a: a, b: b, tok: t}
	}
	return a, nil
}

func (p *parser) not() (*node, error) {
	if p.peek().kind == tNot {
		t := p.take()
		a, err := p.not()
		if err != nil {
			return nil, err
		}
		return &node{kind: nNot, a: a, tok: t}, nil
	}
	return p.relation()
}

// relation parses a comparison, a membership, contains/matches, a
// parenthesised test, or a value used as a test.
func (p *parser) relation() (*node, error) {
	if p.peek().kind == tLParen {
		// "(" opens a test; arithmetic groups with "{}".
		t := p.take()
		n, err := p.or()
		if err != nil {
			return nil, err
		}
		if c := p.peek(); c.kind != tRParen {
			if c.kind == tEOF {
				return nil, p.unexpected(c)
			}
			return nil, p.unexpected(c)
		}
		p.take()
		_ = t
		return n, nil
	}
	a, err := p.arith()
	if err != nil {
		return nil, err
	}
	t := p.peek()
	switch t.kind {
	case tCmp:
		p.take()
		b, err := p.arith()
		if err != nil {
			return nil, err
		}
		n := &node{kind: nCmp, op: t.op, a: a, b: b, tok: t}
		if c := p.peek(); c.kind == tCmp {
			// A chain: a < b < c is a < b && b < c.
			p.take()
			c2, err := p.arith()
			if err != nil {
				return nil, err
			}
			return &node{kind: nAnd, a: n, b: &node{kind: nCmp, op: c.op, a: b, b: c2, tok: c}, tok: c}, nil
		}
		return n, nil
	case tContains, tMatches:
		p.take()
		b, err := p.arith()
		if err != nil {
			return nil, err
		}
		k := nContains
		if t.kind == tMatches {
			k = nMatches
		}
		return &node{kind: k, a: a, b: b, tok: t}, nil
	case tIn:
		p.take()
		return p.set(a, t, false)
	case tNot:
		if p.toks[p.i+1].kind == tIn {
			p.take()
			p.take()
			return p.set(a, t, true)
		}
	}
	return &node{kind: nTest, a: a, tok: a.tok}, nil
}

// set parses "{a, b..c, …}" after in.
func (p *parser) set(a *node, t token, neg bool) (*node, error) {
	if c := p.peek(); c.kind != tLBrace {
		return nil, p.unexpected(c)
	}
	p.take()
	n := &node{kind: nIn, a: a, neg: neg, tok: t}
	for {
		e, err := p.arith()
		if err != nil {
			return nil, err
		}
		el := &node{kind: nSetElem, a: e, tok: e.tok}
		if p.peek().kind == tDotDot {
			p.take()
			hi, err := p.arith()
			if err != nil {
				return nil, err
			}
			el.b = hi
		}
		n.args = append(n.args, el)
		switch c := p.take(); c.kind {
		case tComma:
			continue
		case tRBrace:
			return n, nil
		default:
			return nil, p.unexpected(c)
		}
	}
}

// arith parses the bitwise and, the lowest arithmetic operator.
func (p *parser) arith() (*node, error) {
	a, err := p.sum()
	if err != nil {
		return nil, err
	}
	for p.peek().kind == tBitAnd {
		t := p.take()
		b, err := p.sum()
		if err != nil {
			return nil, err
		}
		a = &node{kind: nArith, arith: '&', a: a, b: b, tok: t}
	}
	return a, nil
}

func (p *parser) sum() (*node, error) {
	a, err := p.product()
	if err != nil {
		return nil, err
	}
	for k := p.peek().kind; k == tPlus || k == tMinus; k = p.peek().kind {
		t := p.take()
		b, err := p.product()
		if err != nil {
			return nil, err
		}
		a = &node{kind: nArith, arith: t.text[0], a: a, b: b, tok: t}
	}
	return a, nil
}

func (p *parser) product() (*node, error) {
	a, err := p.unary()
	if err != nil {
		return nil, err
	}
	for k := p.peek().kind; k == tStar || k == tSlash || k == tPercent; k = p.peek().kind {
		t := p.take()
		b, err := p.unary()
		if err != nil {
			return nil, err
		}
		a = &node{kind: nArith, arith: t.text[0], a: a, b: b, tok: t}
	}
	return a, nil
}

func (p *parser) unary() (*node, error) {
	switch p.peek().kind {
	case tMinus:
		t := p.take()
		a, err := p.unary()
		if err != nil {
			return nil, err
		}
		return &node{kind: nNeg, a: a, tok: t}, nil
	case tPlus:
		p.take()
		return p.unary()
	}
	return p.postfix()
}

// postfix parses a primary value followed by slices and layer operators.
func (p *parser) postfix() (*node, error) {
	a, err := p.primary()
	if err != nil {
		return nil, err
	}
	for {
		switch t := p.peek(); t.kind {
		case tSlice:
			p.take()
			a = &node{kind: nSlice, a: a, text: t.val, tok: t}
		case tHash:
			p.take()
			a = &node{kind: nLayer, a: a, text: t.val, tok: t}
		default:
			return a, nil
		}
	}
}

func (p *parser) primary() (*node, error) {
	t := p.take()
	switch t.kind {
	case tWord:
		if p.peek().kind == tLParen {
			return p.call(t)
		}
		return &node{kind: nWord, name: t.text, tok: t}, nil
	case tString:
		return &node{kind: nString, text: t.val, tok: t}, nil
	case tChar:
		return &node{kind: nChar, text: t.val, tok: t}, nil
	case tLBrace:
		a, err := p.arith()
		if err != nil {
			return nil, err
		}
		if c := p.take(); c.kind != tRBrace {
			return nil, p.unexpected(c)
		}
		return a, nil
	}
	return nil, p.unexpected(t)
}

// call parses the arguments of function name(…).
func (p *parser) call(name token) (*node, error) {
	p.take() // (
	n := &node{kind: nFunc, name: name.text, tok: name}
	if p.peek().kind == tRParen {
		p.take()
		return n, nil
	}
	for {
		a, err := p.arith()
		if err != nil {
			return nil, err
		}
		n.args = append(n.args, a)
		switch c := p.take(); c.kind {
		case tComma:
			continue
		case tRParen:
			return n, nil
		default:
			return nil, p.unexpected(c)
		}
	}
}
