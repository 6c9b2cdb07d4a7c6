package filter

import (
	"fmt"
	"sort"

	"golang.org/x/net/bpf"
)

// block is one node of the control-flow graph: an atom's statements and
// conditional jump, or a return.
type block struct {
	a      *atom
	ret    uint32 // return value, when a == nil
	jt, jf *block
	id     int

	// set by the layout
	pos    int
	skipA  bool                 // A already holds the value on entry: emit no statements
	forced bool                 // tail-merged: compares whatever A holds, never loads
	out    []bpf.RawInstruction // the statements emitted
}

// cfg builds the graph for one program.
type cfg struct {
	accept, reject *block
	blocks         []*block
	memo           map[memoKey]*block
	cons           map[consKey]*block
}

type memoKey struct {
	n      *node
	jt, jf *block
}

type consKey struct {
	key    string
	effect bool
	stmts  string
	jop    uint16
	jx     bool
	k      uint32
	jt, jf *block
}

func newCFG(snaplen uint32) *cfg {
	c := &cfg{memo: map[memoKey]*block{}, cons: map[consKey]*block{}}
	c.accept = c.newBlock(&block{ret: snaplen})
	c.reject = c.newBlock(&block{ret: 0})
	return c
}

func (c *cfg) newBlock(b *block) *block {
	b.id = len(c.blocks)
	c.blocks = append(c.blocks, b)
	return b
}

// atomBlock returns the block for a with successors jt and jf, sharing
// identical blocks.
func (c *cfg) atomBlock(a *atom, jt, jf *block) *block {
	if jt == jf && !a.effect {
		return jt
	}
	k := consKey{a.key, a.effect, stmtsKey(a.stmts), a.jop, a.jx, a.k, jt, jf}
	if b, ok := c.cons[k]; ok {
		return b
	}
	b := c.newBlock(&block{a: a, jt: jt, jf: jf})
	c.cons[k] = b
	return b
}

// build lowers n to blocks that go to t when n holds and to f otherwise.
// Shared subtrees built with the same targets are built once.
func (c *cfg) build(n *node, t, f *block) *block {
	mk := memoKey{n, t, f}
	if b, ok := c.memo[mk]; ok {
		return b
	}
	var b *block
	switch n.op {
	case nTrue:
		b = t
	case nFalse:
		b = f
	case nAtom:
		b = c.atomBlock(n.a, t, f)
	case nNot:
		b = c.build(n.l, f, t)
	case nAnd:
		b = c.build(n.l, c.build(n.r, t, f), f)
	case nOr:
		b = c.build(n.l, t, c.build(n.r, t, f))
	case nIf:
		b = c.build(n.l, c.build(n.r.l, t, f), c.build(n.r.r, t, f))
	}
	c.memo[mk] = b
	return b
}

// topo returns the blocks reachable from root in an order where every
// jump goes forward (reverse post-order).
func topo(root *block) []*block {
	var post []*block
	seen := map[*block]bool{}
	var visit func(b *block)
	visit = func(b *block) {
		if seen[b] {
			return
		}
		seen[b] = true
		if b.a != nil {
			// jf first, so the jt successor is laid out right after b
			// where it can, as in libpcap's programs
			visit(b.jf)
			visit(b.jt)
		}
		post = append(post, b)
	}
	visit(root)
	for i, j := 0, len(post)-1; i < j; i, j = i+1, j-1 {
		post[i], post[j] = post[j], post[i]
	}
	return post
}

// emit lays the blocks out and returns the program, inserting "ja"
// trampolines for conditional jumps longer than 255 instructions.
func emit(root *block, skip bool) ([]bpf.RawInstruction, error) {
	order := layout(root, skip)
	if skip && tailMerge(order) {
		order = layout(root, skip)
	}
	// insns per block; tramp[b] lists trampolines placed after b.
	type tramp struct{ target *block }
	tramps := map[*block][]*tramp{}
	jtVia := map[*block]*tramp{}
	jfVia := map[*block]*tramp{}
	for iter := 0; ; iter++ {
		if iter > 64 {
			return nil, fmt.Errorf("filter: jump layout did not converge")
		}
		pos := 0
		tpos := map[*tramp]int{}
		for _, b := range order {
			b.pos = pos
			pos += blockLen(b)
			for _, t := range tramps[b] {
				tpos[t] = pos
				pos++
			}
		}
		if pos > vmMaxInsns {
			return nil, &Error{Msg: fmt.Sprintf("program has %d instructions, more than the kernel's %d", pos, vmMaxInsns), Err: ErrSemantic}
		}
		changed := false
		for _, b := range order {
			if b.a == nil {
				continue
			}
			jpos := b.pos + blockLen(b) - 1
			fix := func(target *block, via map[*block]*tramp) {
				dest := target.pos
				if t := via[b]; t != nil {
					dest = tpos[t]
				}
				if dest-jpos-1 > 255 {
					t := &tramp{target: target}
					tramps[b] = append(tramps[b], t)
					via[b] = t
					changed = true
				}
			}
			fix(b.jt, jtVia)
			fix(b.jf, jfVia)
		}
		if !changed {
			out := make([]bpf.RawInstruction, 0, pos)
			for _, b := range order {
				if b.a == nil {
					out = append(out, ins(cbRET|cbK, b.ret))
					continue
				}
				if !b.skipA {
					out = append(out, b.emitStmts()...)
				}
				jpos := len(out)
				jt, jf := b.jt.pos, b.jf.pos
				if t := jtVia[b]; t != nil {
					jt = tpos[t]
				}
				if t := jfVia[b]; t != nil {
					jf = tpos[t]
				}
				op := cbJMP | b.a.jop
				k := b.a.k
				if b.a.jx {
					op |= cbX
					k = 0
				}
				out = append(out, bpf.RawInstruction{Op: op, Jt: uint8(jt - jpos - 1), Jf: uint8(jf - jpos - 1), K: k})
				for _, t := range tramps[b] {
					out = append(out, ins(cbJMP|cbJA, uint32(t.target.pos-len(out)-1)))
				}
			}
			return out, nil
		}
	}
}

// layout orders the blocks reachable from root (returns last, the
// accepting one first, as libpcap lays them out) and, when skip is set,
// decides which statements each block can leave out.
func layout(root *block, skip bool) []*block {
	order := topo(root)
	var rets []*block
	body := order[:0:0]
	for _, b := range order {
		if b.a == nil {
			rets = append(rets, b)
		} else {
			body = append(body, b)
		}
	}
	sort.SliceStable(rets, func(i, j int) bool { return rets[i].ret > rets[j].ret })
	order = append(body, rets...)
	for _, b := range order {
		if b.a != nil {
			b.skipA, b.out = false, b.a.stmts
		}
	}
	if skip {
		markSkips(order)
	}
	return order
}

// blockLen is the number of instructions b emits (without trampolines).
func blockLen(b *block) int {
	if b.a == nil {
		return 1
	}
	if b.skipA {
		return 1
	}
	return len(b.emitStmts()) + 1
}

// emitStmts is b's statements minus loads of X that X already holds.
func (b *block) emitStmts() []bpf.RawInstruction { return b.out }
