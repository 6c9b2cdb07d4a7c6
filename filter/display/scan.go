package display

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// tokKind is the kind of a token of a display filter.
type tokKind uint8

const (
	tEOF      tokKind = iota
	tWord             // a field name or an unquoted literal, decided later
	tString           // "quoted" (val holds the unescaped bytes)
	tChar             // 'c' (val holds the character's value)
	tCmp              // a comparison (op says which)
	tAnd              // && and
	tOr               // || or
	tNot              // ! not
	tIn               // in
	tContains         // contains
	tMatches          // matches
	tLParen           // (
	tRParen           // )
	tLBrace           // {
	tRBrace           // }
	tSlice            // [...] (val holds what is inside)
	tComma            // ,
	tDotDot           // ..
	tBitAnd           // & bitwise_and
	tPlus             // +
	tMinus            // -
	tStar             // *
	tSlash            // /
	tPercent          // %
	tHash             // # (the layer operator; val holds its argument)
	tXor              // xor ^^: tshark 4.0 rejects them, and so do we
)

// cmpOp is a comparison operator.
type cmpOp uint8

const (
	opEq    cmpOp = iota + 1 // == eq any_eq
	opNe                     // != ne all_ne
	opAllEq                  // === all_eq
	opAnyNe                  // !== ~= any_ne
	opGt                     // > gt
	opGe                     // >= ge
	opLt                     // < lt
	opLe                     // <= le
)

var cmpNames = [...]string{opEq: "==", opNe: "!=", opAllEq: "===", opAnyNe: "!==", opGt: ">", opGe: ">=", opLt: "<", opLe: "<="}

func (o cmpOp) String() string { return cmpNames[o] }

// token is one token with its place in the expression.
type token struct {
	kind tokKind
	op   cmpOp
	text string // the token as written
	val  string // tString, tChar, tSlice, tHash: the decoded contents
	pos  int    // byte offset in the expression
}

// SyntaxError is an error in an expression, with the place it starts and
// how long the part it names is, so it can be shown with a caret as tshark
// shows it.
type SyntaxError struct {
	Expr string
	Pos  int // byte offset of the part in error
	Len  int // its length in bytes (at least 1 when Pos is inside Expr)
	Msg  string
}

func (e *SyntaxError) Error() string { return e.Msg }

// Caret returns the expression and a line under it marking the part in
// error, as tshark prints them ("    tcp.port = 80\n             ^").
func (e *SyntaxError) Caret() string {
	if e.Pos < 0 || e.Pos > len(e.Expr) {
		return ""
	}
	n := max(e.Len, 1)
	return "    " + e.Expr + "\n    " + strings.Repeat(" ", len([]rune(e.Expr[:e.Pos]))) + "^" + strings.Repeat("~", n-1)
}

// scanner splits an expression into tokens.
type scanner struct {
	src string
	pos int
}

// isWordByte reports whether c may be part of an unquoted word: a field
// name, a number, an address, a byte string.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == '.' || c == ':' || c == '-' || c == '/'
}

// tokens returns every token of src, ending with tEOF.
func scan(src string) ([]token, error) {
	s := scanner{src: src}
	var out []token
	for {
		t, err := s.next()
		if err != nil {
			return nil, err
		}
		out = append(out, t)
		if t.kind == tEOF {
			return out, nil
		}
	}
}

func (s *scanner) errAt(pos, n int, format string, args ...any) error {
	return &SyntaxError{Expr: s.src, Pos: pos, Len: n, Msg: fmt.Sprintf(format, args...)}
}

func (s *scanner) next() (token, error) {
	src := s.src
	for s.pos < len(src) && (src[s.pos] == ' ' || src[s.pos] == '\t' || src[s.pos] == '\n' || src[s.pos] == '\r') {
		s.pos++
	}
	start := s.pos
	if start >= len(src) {
		return token{kind: tEOF, pos: start}, nil
	}
	tok := func(k tokKind, n int) (token, error) {
		s.pos += n
		return token{kind: k, text: src[start:s.pos], pos: start}, nil
	}
	cmp := func(o cmpOp, n int) (token, error) {
		s.pos += n
		return token{kind: tCmp, op: o, text: src[start:s.pos], pos: start}, nil
	}
	rest := src[start:]
	switch {
	case strings.HasPrefix(rest, "==="):
		return cmp(opAllEq, 3)
	case strings.HasPrefix(rest, "!=="):
		return cmp(opAnyNe, 3)
	case strings.HasPrefix(rest, "=="):
		return cmp(opEq, 2)
	case strings.HasPrefix(rest, "!="):
		return cmp(opNe, 2)
	case strings.HasPrefix(rest, "~="):
		return cmp(opAnyNe, 2)
	case strings.HasPrefix(rest, ">="):
		return cmp(opGe, 2)
	case strings.HasPrefix(rest, "<="):
		return cmp(opLe, 2)
	case strings.HasPrefix(rest, "&&"):
		return tok(tAnd, 2)
	case strings.HasPrefix(rest, "||"):
		return tok(tOr, 2)
	case strings.HasPrefix(rest, "^^"):
		return tok(tXor, 2)
	case strings.HasPrefix(rest, ".."):
		return tok(tDotDot, 2)
	}
	switch c := src[start]; c {
	case '>':
		return cmp(opGt, 1)
	case '<':
		return cmp(opLt, 1)
	case '!':
		return tok(tNot, 1)
	case '&':
		return tok(tBitAnd, 1)
	case '(':
		return tok(tLParen, 1)
	case ')':
		return tok(tRParen, 1)
	case '{':
		return tok(tLBrace, 1)
	case '}':
		return tok(tRBrace, 1)
	case ',':
		return tok(tComma, 1)
	case '+':
		return tok(tPlus, 1)
	case '-':
		return tok(tMinus, 1)
	case '*':
		return tok(tStar, 1)
	case '%':
		return tok(tPercent, 1)
	case '/':
		return tok(tSlash, 1)
	case '[':
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			return token{}, s.errAt(start, len(rest), "\"[\" was unexpected in this context.")
		}
		s.pos += end + 1
		return token{kind: tSlice, text: rest[:end+1], val: strings.TrimSpace(rest[1:end]), pos: start}, nil
	case '#':
		s.pos++
		if s.pos < len(src) && src[s.pos] == '[' {
			end := strings.IndexByte(src[s.pos:], ']')
			if end < 0 {
				return token{}, s.errAt(start, len(rest), "\"#\" was unexpected in this context.")
			}
			s.pos += end + 1
			return token{kind: tHash, text: src[start:s.pos], val: src[start+2 : s.pos-1], pos: start}, nil
		}
		b := s.pos
		if s.pos < len(src) && (src[s.pos] == '-' || src[s.pos] == '+') {
			s.pos++
		}
		for s.pos < len(src) && src[s.pos] >= '0' && src[s.pos] <= '9' {
			s.pos++
		}
		if s.pos == b {
			return token{}, s.errAt(start, 1, "\"#\" was unexpected in this context.")
		}
		return token{kind: tHash, text: src[start:s.pos], val: src[b:s.pos], pos: start}, nil
	case '"':
		return s.quoted(start, start+1, false)
	case '\'':
		return s.char(start)
	}
	if (src[start] == 'r' || src[start] == 'R') && start+1 < len(src) && src[start+1] == '"' {
		return s.quoted(start, start+2, true)
	}
	if !isWordByte(src[start]) {
		_, n := firstRune(rest)
		return token{}, s.errAt(start, n, "\"%s\" was unexpected in this context.", rest[:n])
	}
	end := start
	for end < len(src) && isWordByte(src[end]) {
		if src[end] == '.' && end+1 < len(src) && src[end+1] == '.' {
			break // a range: "8000..8100"
		}
		end++
	}
	s.pos = end
	w := src[start:end]
	t := token{kind: tWord, text: w, pos: start}
	switch w {
	case "and":
		t.kind = tAnd
	case "or":
		t.kind = tOr
	case "not":
		t.kind = tNot
	case "xor":
		t.kind = tXor
	case "in":
		t.kind = tIn
	case "contains":
		t.kind = tContains
	case "matches":
		t.kind = tMatches
	case "bitwise_and":
		t.kind = tBitAnd
	case "eq", "any_eq":
		t.kind, t.op = tCmp, opEq
	case "ne", "all_ne":
		t.kind, t.op = tCmp, opNe
	case "all_eq":
		t.kind, t.op = tCmp, opAllEq
	case "any_ne":
		t.kind, t.op = tCmp, opAnyNe
	case "gt":
		t.kind, t.op = tCmp, opGt
	case "ge":
		t.kind, t.op = tCmp, opGe
	case "lt":
		t.kind, t.op = tCmp, opLt
	case "le":
		t.kind, t.op = tCmp, opLe
	}
	return t, nil
}

func firstRune(s string) (rune, int) {
	r, n := utf8.DecodeRuneInString(s)
	return r, max(n, 1)
}

// quoted scans a string literal whose contents start at from; raw strings
// (r"…") keep their backslashes.
func (s *scanner) quoted(start, from int, raw bool) (token, error) {
	src := s.src
	var b strings.Builder
	for i := from; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '"':
			s.pos = i + 1
			return token{kind: tString, text: src[start:s.pos], val: b.String(), pos: start}, nil
		case c == '\\' && raw:
			if i+1 < len(src) && src[i+1] == '"' {
				b.WriteString(`\"`)
				i++
				continue
			}
			b.WriteByte(c)
		case c == '\\':
			i++
			if i >= len(src) {
				break
			}
			n, width, ok := unescape(src[i:])
			if !ok {
				return token{}, s.errAt(i-1, 2, "%s is not a valid escape sequence.", src[i-1:min(i+1, len(src))])
			}
			b.WriteString(n)
			i += width - 1
		default:
			b.WriteByte(c)
		}
	}
	return token{}, s.errAt(start, len(src)-start, "The final quote was missing from a quoted string.")
}

// unescape decodes the escape sequence at the start of s (after its
// backslash) and returns what it stands for and how many bytes it took.
func unescape(s string) (string, int, bool) {
	switch c := s[0]; c {
	case 'a':
		return "\a", 1, true
	case 'b':
		return "\b", 1, true
	case 'f':
		return "\f", 1, true
	case 'n':
		return "\n", 1, true
	case 'r':
		return "\r", 1, true
	case 't':
		return "\t", 1, true
	case 'v':
		return "\v", 1, true
	case '\\', '"', '\'':
		return string(c), 1, true
	case 'x':
		v, n := 0, 0
		for n < 2 && 1+n < len(s) && hexVal(s[1+n]) >= 0 {
			v = v<<4 | hexVal(s[1+n])
			n++
		}
		if n == 0 {
			return "", 0, false
		}
		return string([]byte{byte(v)}), 1 + n, true
	case 'u', 'U':
		want := 4
		if c == 'U' {
			want = 8
		}
		v := 0
		for k := 1; k <= want; k++ {
			if k >= len(s) || hexVal(s[k]) < 0 {
				return "", 0, false
			}
			v = v<<4 | hexVal(s[k])
		}
		return string(rune(v)), 1 + want, true
	}
	if s[0] >= '0' && s[0] <= '7' {
		v, n := 0, 0
		for n < 3 && n < len(s) && s[n] >= '0' && s[n] <= '7' {
			v = v<<3 | int(s[n]-'0')
			n++
		}
		if v > 255 {
			return "", 0, false
		}
		return string([]byte{byte(v)}), n, true
	}
	return "", 0, false
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// char scans a character constant: 'a', '\n', '\x41'.
func (s *scanner) char(start int) (token, error) {
	src := s.src
	i := start + 1
	var v string
	switch {
	case i < len(src) && src[i] == '\\' && i+1 < len(src):
		n, width, ok := unescape(src[i+1:])
		if !ok {
			return token{}, s.errAt(start, 2, "%s is not a valid character constant.", src[start:min(start+3, len(src))])
		}
		v, i = n, i+1+width
	case i < len(src):
		_, n := firstRune(src[i:])
		v, i = src[i:i+n], i+n
	}
	if i >= len(src) || src[i] != '\'' || v == "" {
		return token{}, s.errAt(start, len(src)-start, "The final quote was missing from a character constant.")
	}
	s.pos = i + 1
	r := []rune(v)
	if len(r) != 1 {
		return token{}, s.errAt(start, s.pos-start, "%s is not a valid character constant.", src[start:s.pos])
	}
	return token{kind: tChar, text: src[start:s.pos], val: v, pos: start}, nil
}
