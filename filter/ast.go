package filter

import (
	"fmt"
	"strings"

	"golang.org/x/net/bpf"
)

// nodeOp is the kind of a node of the boolean tree that the generator
// builds and the code generator lowers to BPF blocks.
type nodeOp uint8

const (
	nTrue nodeOp = iota
	nFalse
	nAtom
	nAnd
	nOr
	nNot
	nIf // if l then r.l else r.r: both branches share the targets
)

// node is a boolean expression over packet tests. And and Or evaluate
// their left operand first, as libpcap's generated code does.
type node struct {
	op   nodeOp
	l, r *node
	a    *atom
}

// atom is one test: stmts compute a value into A (and maybe X), then a
// conditional jump compares it. Stmts never jump. A pure atom's stmts depend
// only on the packet and on scratch words that effectful atoms wrote, so the
// optimiser may skip a pure atom whose outcome it already knows; an
// effectful atom (effect) writes scratch memory that later atoms read and is
// never skipped.
type atom struct {
	stmts  []bpf.RawInstruction
	key    string // identity of the value compared; derived from stmts when empty
	effect bool
	jop    uint16 // cbJEQ, cbJGT, cbJGE or cbJSET
	jx     bool   // compare with X instead of k
	k      uint32
}

var (
	trueNode  = &node{op: nTrue}
	falseNode = &node{op: nFalse}
)

func atomNode(a *atom) *node {
	if a.key == "" {
		a.key = stmtsKey(a.stmts)
	}
	return &node{op: nAtom, a: a}
}

// stmtsKey renders stmts as a string that identifies the value they compute.
func stmtsKey(stmts []bpf.RawInstruction) string {
	var b strings.Builder
	for _, s := range stmts {
		fmt.Fprintf(&b, "%x,%x;", s.Op, s.K)
	}
	return b.String()
}

func and(a, b *node) *node {
	switch {
	case a.op == nFalse || b.op == nTrue:
		return a
	case a.op == nTrue:
		return b
	}
	return &node{op: nAnd, l: a, r: b}
}

func or(a, b *node) *node {
	switch {
	case a.op == nTrue || b.op == nFalse:
		return a
	case a.op == nFalse:
		return b
	}
	return &node{op: nOr, l: a, r: b}
}

// ifThen is "if c then a else b"; unlike or(and(c, a), and(not(c), b)) it
// builds a and b with the same jump targets, so a subtree they share is
// built once.
func ifThen(c, a, b *node) *node {
	return &node{op: nIf, l: c, r: &node{l: a, r: b}}
}

func not(a *node) *node {
	switch a.op {
	case nTrue:
		return falseNode
	case nFalse:
		return trueNode
	case nNot:
		return a.l
	}
	return &node{op: nNot, l: a}
}

// ins builds one statement.
func ins(op uint16, k uint32) bpf.RawInstruction { return bpf.RawInstruction{Op: op, K: k} }

// sizeCode maps a load size in bytes to its BPF size field.
func sizeCode(size int) uint16 {
	switch size {
	case 1:
		return cbB
	case 2:
		return cbH
	}
	return cbW
}

// ldAbs is "ld{b,h,} [off]". Offsets that wrapped into the kernel's
// special negative range (SKF_LL_OFF and above, e.g. ether[-10]) become an
// offset just below it, which fails as an out-of-range load does in
// libpcap's interpreter, instead of reading kernel metadata.
func ldAbs(size int, off uint32) bpf.RawInstruction {
	if off >= vmSKFLLOff {
		off = vmSKFLLOff - 1
	}
	return ins(cbLD|cbABS|sizeCode(size), off)
}

// cmpAbs tests the size-byte field at off: (field & mask) op k.
func cmpAbs(size int, off uint32, mask uint32, op uint16, k uint32) *node {
	stmts := []bpf.RawInstruction{ldAbs(size, off)}
	return cmpStmts(stmts, size, mask, op, k)
}

// cmpStmts appends the mask to stmts and builds the comparison.
func cmpStmts(stmts []bpf.RawInstruction, size int, mask uint32, op uint16, k uint32) *node {
	full := uint32(0xffffffff)
	switch size {
	case 1:
		full = 0xff
	case 2:
		full = 0xffff
	}
	if mask&full == 0 {
		// libpcap's optimiser folds these, load included
		if k == 0 && op == cbJEQ {
			return trueNode
		}
		return falseNode
	}
	if mask&full != full && op == cbJEQ && k == 0 {
		// (field & mask) == 0 is "not jset mask", as libpcap's
		// optimiser makes it
		return not(atomNode(&atom{stmts: stmts, jop: cbJSET, k: mask}))
	}
	if mask&full != full {
		stmts = append(stmts, ins(cbALU|cbAND|cbK, mask))
	}
	return atomNode(&atom{stmts: stmts, jop: op, k: k})
}
