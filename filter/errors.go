package filter

import "errors"

// Sentinel errors that Compile's errors wrap; test them with errors.Is.
var (
	// ErrSyntax is wrapped by every *SyntaxError.
	ErrSyntax = errors.New("syntax error")
	// ErrSemantic is wrapped by errors about a well-formed expression that
	// libpcap refuses too: out-of-range values, misplaced qualifiers,
	// unknown names.
	ErrSemantic = errors.New("invalid filter expression")
	// ErrUnsupportedLinkType is wrapped when the link type, or a primitive
	// on this link type, is not supported.
	ErrUnsupportedLinkType = errors.New("not supported for this link type")
	// ErrRejectsAll is wrapped when the optimised program can match no
	// packet at all (tcpdump: "expression rejects all packets").
	ErrRejectsAll = errors.New("expression rejects all packets")
)

// SyntaxError reports an expression that does not parse. Pos is the 0-based
// byte column of the offending token in the expression (len(expr) at the
// end of input). Error formats the message as tcpdump prints it.
type SyntaxError struct {
	Expr string
	Pos  int
	Msg  string
}

func (e *SyntaxError) Error() string {
	return "can't parse filter expression: " + e.Msg
}

// Unwrap returns ErrSyntax.
func (e *SyntaxError) Unwrap() error { return ErrSyntax }

// Error reports an expression that parses but cannot be compiled. Pos is the
// 0-based byte column of the primitive at fault; Msg is libpcap's message;
// Err is ErrSemantic, ErrUnsupportedLinkType or ErrRejectsAll.
type Error struct {
	Pos int
	Msg string
	Err error
}

func (e *Error) Error() string { return e.Msg }

// Unwrap returns the sentinel the error belongs to.
func (e *Error) Unwrap() error { return e.Err }
