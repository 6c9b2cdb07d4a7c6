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

// facts is what holds on an edge: test outcomes, and for some values the
// set of constants they can still equal (after "jeq" succeeded on every
// path that joins here).
type facts struct {
	out  map[fact]bool
	vals map[string][]uint32
}

func newFacts() facts { return facts{out: map[fact]bool{}, vals: map[string][]uint32{}} }

func (fs facts) clone() facts {
	c := facts{out: make(map[fact]bool, len(fs.out)+1), vals: make(map[string][]uint32, len(fs.vals)+1)}
	for f, r := range fs.out {
		c.out[f] = r
	}
	for k, v := range fs.vals {
		c.vals[k] = v
	}
	return c
}

// add records the outcome r of test f.
func (fs facts) add(f fact, r bool) {
	fs.out[f] = r
	if f.jop != cbJEQ {
		return
	}
	if r {
		fs.vals[f.key] = []uint32{f.k}
		return
	}
	if set, ok := fs.vals[f.key]; ok {
		var rest []uint32
		for _, v := range set {
			if v != f.k {
				rest = append(rest, v)
			}
		}
		fs.vals[f.key] = rest
	}
}

// join keeps what holds on both fs and o (fs is modified).
func (fs facts) join(o facts) {
	for k, v := range fs.out {
		if w, ok := o.out[k]; !ok || w != v {
			delete(fs.out, k)
		}
	}
	for k, set := range fs.vals {
		other, ok := o.vals[k]
		if !ok {
			delete(fs.vals, k)
			continue
		}
		union := append([]uint32{}, set...)
		for _, v := range other {
			found := false
			for _, u := range union {
				found = found || u == v
			}
			if !found {
				union = append(union, v)
			}
		}
		fs.vals[k] = union
	}
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
	if r, ok := fs.out[fact{a.key, a.jop, a.k}]; ok {
		return r, true
	}
	if set, ok := fs.vals[a.key]; ok && len(set) > 0 {
		r := evalJump(a.jop, set[0], a.k)
		same := true
		for _, v := range set[1:] {
			same = same && evalJump(a.jop, v, a.k) == r
		}
		if same {
			return r, true
		}
	}
	for f, r := range fs.out {
		if f.key != a.key {
			continue
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
	in := map[*block]facts{root: newFacts()}
	for _, b := range order {
		fs, reached := in[b]
		if b.a == nil || !reached {
			continue
		}
		for _, r := range []bool{true, false} {
			t := b.jf
			if r {
				t = b.jt
			}
			if t.a == nil {
				continue // a return: nothing to thread, no facts needed
			}
			f := fs
			if r {
				f = fs.clone() // the false edge takes fs itself
			}
			if !b.a.effect && !b.a.jx {
				f.add(fact{b.a.key, b.a.jop, b.a.k}, r)
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
				f.add(fact{t.a.key, t.a.jop, t.a.k}, res)
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
			if t.a == nil {
				continue
			}
			if old, ok := in[t]; ok {
				old.join(f)
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
		k := consKey{b.a.key, b.a.effect, stmtsKey(b.a.stmts), b.a.jop, b.a.jx, b.a.k, b.jt, b.jf}
		if o, ok := seen[k]; ok {
			canon[b] = o
			continue
		}
		seen[k] = b
		canon[b] = b
	}
	return canon[root]
}

// optimize threads, merges and pulls up tests until the graph stops
// changing.
func optimize(root *block) *block {
	size := len(topo(root))
	for range 16 {
		thread(root)
		root = merge(root)
		pulled := orPullup(root)
		if pulled {
			thread(root)
			root = merge(root)
		}
		n := len(topo(root))
		if n >= size && !pulled {
			break
		}
		size = n
	}
	return root
}

// orPullup reorders chains of alternatives, as libpcap's or_pullup does:
// when a "jeq" on a value fails into a chain of tests that all succeed to
// the same block, and a later test in that chain compares the same value,
// that test moves up to right after the first. The tests of one value then
// sit together, so the value is loaded once (port 22 or 179 or 6633 tests
// the source port three times, then the destination port). The chain is
// copied, so other paths into it are unchanged. It reports whether it
// moved anything.
func orPullup(root *block) bool {
	moved := false
	for _, b := range topo(root) {
		if b.a == nil || b.a.effect || b.a.jx || b.a.jop != cbJEQ {
			continue
		}
		var chain []*block
		d := (*block)(nil)
		for c := b.jf; c.a != nil && !c.a.effect && c.jt == b.jt && len(chain) < 64; c = c.jf {
			if c.a.key == b.a.key && c.a.jop == cbJEQ && !c.a.jx {
				d = c
				break
			}
			chain = append(chain, c)
		}
		if d == nil || len(chain) == 0 {
			continue
		}
		next := d.jf
		for i := len(chain) - 1; i >= 0; i-- {
			cp := *chain[i]
			cp.jf = next
			next = &cp
		}
		dc := *d
		dc.jf = next
		b.jf = &dc
		moved = true
	}
	return moved
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
		if b.forced {
			b.skipA = true
			out = st
		} else if !b.a.effect && !b.a.jx && st.a != "" && st.a == b.a.key {
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

// tailMerge merges blocks that emit only their jump (A already holds what
// they compare) when the jumps are the same: the one laid out last stays,
// compares whatever A holds on each incoming path, and the others' jumps
// go to it. It reports whether it merged any.
func tailMerge(order []*block) bool {
	type sig struct {
		jop    uint16
		k      uint32
		jt, jf *block
	}
	survivor := map[sig]*block{}
	repl := map[*block]*block{}
	for i := len(order) - 1; i >= 0; i-- {
		b := order[i]
		if b.a == nil || !b.skipA || b.a.effect || b.a.jx || i == 0 {
			continue
		}
		k := sig{b.a.jop, b.a.k, b.jt, b.jf}
		if s, ok := survivor[k]; ok {
			repl[b] = s
			s.forced = true
			continue
		}
		survivor[k] = b
	}
	if len(repl) == 0 {
		return false
	}
	for _, b := range order {
		if b.a == nil {
			continue
		}
		if r, ok := repl[b.jt]; ok {
			b.jt = r
		}
		if r, ok := repl[b.jf]; ok {
			b.jf = r
		}
	}
	return true
}
