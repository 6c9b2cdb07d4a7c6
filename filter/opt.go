package filter

import "golang.org/x/net/bpf"

// The optimiser works on the block graph, which is acyclic:
//
//   - jump threading: along each edge it knows the outcomes of the tests
//     already made (and the value of a field after a successful "jeq"), so a
//     jump to a test whose outcome is known goes straight to that test's
//     successor, and tests that can no longer be reached disappear;
//   - identical blocks (same test, same successors) are merged, and a test
//     whose two successors are the same block is dropped;
//   - redundant loads go: a block whose value A already holds on every
//     incoming path emits only its jump, and "ldx" of a value X already
//     holds is not repeated.
//
// Constant folding happens earlier, on the expression tree (gen_arith.go
// and the and/or/not constructors).

// fact is the outcome of one test: (value key, jump op, constant).
type fact struct {
	key string
	jop uint16
	k   uint32
}

type facts map[fact]bool

func (fs facts) clone() facts {
	c := make(facts, len(fs)+1)
	for f, r := range fs {
		c[f] = r
	}
	return c
}

func evalJump(jop uint16, v, k uint32) bool {
	switch jop {
	case cbJEQ:
		return v == k
	case cbJGT:
		return v > k
	case cbJGE:
		return v >= k
	}
	return v&k != 0
}

// decide returns the outcome of a's test if fs implies it.
func decide(fs facts, a *atom) (result, known bool) {
	if a.effect || a.jx {
		return false, false
	}
	if r, ok := fs[fact{a.key, a.jop, a.k}]; ok {
		return r, true
	}
	for f, r := range fs {
		if f.key != a.key {
			continue
		}
		if f.jop == cbJEQ && r {
			return evalJump(a.jop, f.k, a.k), true
		}
		switch a.jop {
		case cbJEQ:
			switch {
			case f.jop == cbJGT && r && a.k <= f.k,
				f.jop == cbJGT && !r && a.k > f.k,
				f.jop == cbJGE && r && a.k < f.k,
				f.jop == cbJGE && !r && a.k >= f.k,
				f.jop == cbJSET && r && a.k&f.k == 0,
				f.jop == cbJSET && !r && a.k&f.k != 0:
				return false, true
			}
		case cbJGT:
			switch {
			case f.jop == cbJGT && r && f.k >= a.k:
				return true, true
			case f.jop == cbJGT && !r && f.k <= a.k:
				return false, true
			}
		case cbJGE:
			switch {
			case f.jop == cbJGE && r && f.k >= a.k:
				return true, true
			case f.jop == cbJGE && !r && f.k <= a.k:
				return false, true
			}
		}
	}
	return false, false
}

// thread does one pass of jump threading from root.
func thread(root *block) {
	order := topo(root)
	in := map[*block]facts{root: {}}
	for _, b := range order {
		fs, reached := in[b]
		if b.a == nil || !reached {
			continue
		}
		for _, r := range []bool{true, false} {
			f := fs.clone()
			if !b.a.effect && !b.a.jx {
				f[fact{b.a.key, b.a.jop, b.a.k}] = r
			}
			t := b.jf
			if r {
				t = b.jt
			}
			for t.a != nil && !t.a.effect {
				if t.jt == t.jf {
					t = t.jt
					continue
				}
				res, ok := decide(f, t.a)
				if !ok {
					break
				}
				if res {
					t = t.jt
				} else {
					t = t.jf
				}
			}
			if r {
				b.jt = t
			} else {
				b.jf = t
			}
			if old, ok := in[t]; ok {
				for k, v := range old {
					if w, ok := f[k]; !ok || w != v {
						delete(old, k)
					}
				}
			} else {
				in[t] = f
			}
		}
	}
}

// merge shares identical blocks and drops tests with one successor; it
// returns the new root.
func merge(root *block) *block {
	order := topo(root)
	canon := map[*block]*block{}
	seen := map[consKey]*block{}
	for i := len(order) - 1; i >= 0; i-- {
		b := order[i]
		if b.a == nil {
			canon[b] = b
			continue
		}
		b.jt, b.jf = canon[b.jt], canon[b.jf]
		if b.jt == b.jf && !b.a.effect {
			canon[b] = b.jt
			continue
		}
		k := consKey{b.a.key, b.a.effect, stmtsKey(b.a.stmts), b.a.jop, b.a.jx, b.a.k, b.jt.id, b.jf.id}
		if o, ok := seen[k]; ok {
			canon[b] = o
			continue
		}
		seen[k] = b
		canon[b] = b
	}
	return canon[root]
}

// optimize threads and merges until the graph stops shrinking.
func optimize(root *block) *block {
	size := len(topo(root))
	for range 16 {
		thread(root)
		root = merge(root)
		n := len(topo(root))
		if n >= size {
			break
		}
		size = n
	}
	return root
}

// regState is what the optimiser knows A and X hold ("" for unknown).
type regState struct{ a, x string }

// xKey is the value a statement loads into X, "" when it loads none we
// track, and whether it writes X at all.
func xKey(s bpf.RawInstruction) (string, bool) {
	switch s.Op {
	case cbLDX | cbB | cbMSH:
		return "msh" + itoa(s.K), true
	case cbLDX | cbIMM:
		return "imm" + itoa(s.K), true
	case cbLDX | cbMEM:
		return "mem" + itoa(s.K), true
	case cbLDX | cbW | cbLEN:
		return "len", true
	case cbMISC | cbTAX:
		return "", true
	}
	return "", false
}

func itoa(v uint32) string {
	if v == 0 {
		return "0"
	}
	var b [10]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	return string(b[i:])
}

// markSkips removes statements that reload what A or X already hold on
// every path into a block.
func markSkips(order []*block) {
	in := map[*block]regState{}
	reached := map[*block]bool{}
	if len(order) > 0 {
		reached[order[0]] = true
	}
	for _, b := range order {
		if b.a == nil {
			continue
		}
		st := in[b]
		var out regState
		if !b.a.effect && !b.a.jx && st.a != "" && st.a == b.a.key {
			b.skipA = true
			out = regState{a: b.a.key, x: st.x}
		} else {
			x := st.x
			var stmts []bpf.RawInstruction
			for _, s := range b.a.stmts {
				if k, writes := xKey(s); writes {
					if k != "" && k == x {
						continue
					}
					x = k
				}
				if s.Op == cbST && x == "mem"+itoa(s.K) {
					x = ""
				}
				stmts = append(stmts, s)
			}
			b.out = stmts
			if b.a.effect {
				x = ""
			}
			out = regState{a: b.a.key, x: x}
		}
		for _, t := range []*block{b.jt, b.jf} {
			if !reached[t] {
				reached[t] = true
				in[t] = out
				continue
			}
			old := in[t]
			if old.a != out.a {
				old.a = ""
			}
			if old.x != out.x {
				old.x = ""
			}
			in[t] = old
		}
	}
}
