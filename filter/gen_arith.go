package filter

import (
	"fmt"

	"golang.org/x/net/bpf"
)

// arith is an arithmetic expression of the filter language: a number,
// len, a packet load proto[idx:size], a unary minus or a binary operator.
type arith struct {
	op    string // "num", "len", "load", "neg" or the operator
	k     uint32
	l, r  *arith
	proto string // load: protocol keyword
	size  int    // load: 1, 2 or 4
}

func (g *gen) isConst(a *arith) bool {
	_, ok := g.constVal(a)
	return ok
}

// constVal folds a constant expression.
func (g *gen) constVal(a *arith) (uint32, bool) {
	switch a.op {
	case "num":
		return a.k, true
	case "len", "load":
		return 0, false
	case "neg":
		v, ok := g.constVal(a.l)
		return -v, ok
	}
	x, okx := g.constVal(a.l)
	y, oky := g.constVal(a.r)
	if (a.op == "&" || a.op == "*") && (okx && x == 0 || oky && y == 0) {
		return 0, true // libpcap's optimiser folds these, loads included
	}
	if !okx || !oky {
		return 0, false
	}
	switch a.op {
	case "+":
		return x + y, true
	case "-":
		return x - y, true
	case "*":
		return x * y, true
	case "/":
		if y == 0 {
			return 0, false
		}
		return x / y, true
	case "%":
		if y == 0 {
			return 0, false
		}
		return x % y, true
	case "&":
		return x & y, true
	case "|":
		return x | y, true
	case "^":
		return x ^ y, true
	case "<<":
		if y > 31 {
			return 0, false
		}
		return x << y, true
	case ">>":
		if y > 31 {
			return 0, false
		}
		return x >> y, true
	}
	return 0, false
}

var aluOps = map[string]uint16{
	"+": cbADD, "-": cbSUB, "*": cbMUL, "/": cbDIV, "%": cbMOD, "&": cbAND,
	"|": cbOR, "^": cbXOR, "<<": cbLSH, ">>": cbRSH,
}

// loadKind classifies the protocol of proto[idx]: "link", "net", "trans",
// "icmp6" or "" (not indexable).
func loadKind(p string) string {
	switch p {
	case "link":
		return "link"
	case "ip", "arp", "rarp", "atalk", "decnet", "sca", "lat", "moprc", "mopdl", "ip6", "aarp":
		return "net"
	case "sctp", "tcp", "udp", "icmp", "igmp", "igrp", "pim", "vrrp", "carp":
		return "trans"
	case "icmp6":
		return "icmp6"
	}
	return ""
}

// transProtos maps the transport keywords that may be indexed to IP
// protocol numbers.
var transProtos = map[string]uint32{
	"sctp": ipprotoSCTP, "tcp": ipprotoTCP, "udp": ipprotoUDP, "icmp": ipprotoICMP,
	"igmp": ipprotoIGMP, "igrp": ipprotoIGRP, "pim": ipprotoPIM, "vrrp": ipprotoVRRP, "carp": ipprotoVRRP,
}

// arithChecks returns the protocol tests that the loads in a bring, in
// evaluation order, as libpcap ANDs them into the relation.
func (g *gen) arithChecks(a *arith) *node {
	switch a.op {
	case "num", "len":
		return trueNode
	case "neg":
		return g.arithChecks(a.l)
	case "load":
		b := g.arithChecks(a.l)
		switch loadKind(a.proto) {
		case "net":
			b = and(b, g.protoAbbrev(a.proto))
		case "trans":
			// libpcap tests IPv4 only here (transport loads assume an
			// IPv4 header), so tcp[...] never matches IPv6 packets.
			b = and(b, and(g.proto(transProtos[a.proto], "ip", ""), g.ipFragOK()))
		case "icmp6":
			b = and(b, and(g.linkType(etIPv6), g.at(1, rPL, g.nlOff()+6, 0xffffffff, cbJEQ, ipprotoICMPv6)))
		}
		return b
	}
	// libpcap's gen_arth keeps only the left operand's tests: in
	// "ip[2:2] - tcp[12]" the tcp[12] load is made without checking that
	// the packet is a first fragment of TCP. Mirror it.
	return g.arithChecks(a.l)
}

// arithCode returns statements leaving a's value in A, using scratch words
// from depth up.
func (g *gen) arithCode(a *arith, depth int) []bpf.RawInstruction {
	if depth >= g.scratch-1 {
		g.failf("expression too complex")
		return nil
	}
	if v, ok := g.constVal(a); ok {
		return []bpf.RawInstruction{ins(cbLD|cbIMM, v)}
	}
	switch a.op {
	case "len":
		return g.lenStmts()
	case "neg":
		return append(g.arithCode(a.l, depth), ins(cbALU|cbNEG, 0))
	case "load":
		return g.loadCode(a, depth)
	}
	op := aluOps[a.op]
	if k, ok := g.constVal(a.r); ok {
		switch {
		case a.op == "/" && k == 0:
			g.failf("division by zero")
		case a.op == "%" && k == 0:
			g.failf("modulus by zero")
		case (a.op == "<<" || a.op == ">>") && k > 31:
			g.failf("shift by more than 31 bits")
		}
		return append(g.arithCode(a.l, depth), ins(cbALU|op|cbK, k))
	}
	s := append(g.arithCode(a.l, depth), ins(cbST, uint32(depth)))
	s = append(s, g.arithCode(a.r, depth+1)...)
	return append(s, ins(cbMISC|cbTAX, 0), ins(cbLD|cbMEM, uint32(depth)), ins(cbALU|op|cbX, 0))
}

func (g *gen) loadCode(a *arith, depth int) []bpf.RawInstruction {
	sz := sizeCode(a.size)
	var base uint32
	r := rPL
	kind := loadKind(a.proto)
	switch kind {
	case "link":
		base, r = g.linkhdr, rHdr
	case "net", "trans":
		base = g.nlOff()
	case "icmp6":
		base = g.nlOff() + 40
	}
	idx, isConst := g.constVal(a.l)
	if kind == "trans" {
		if isConst {
			return append(g.msh(), ins(cbLD|cbIND|sz, base+idx))
		}
		s := append(g.arithCode(a.l, depth), ins(cbST, uint32(depth)))
		s = append(append(s, g.msh()...), ins(cbLD|cbMEM, uint32(depth)))
		return append(s, ins(cbALU|cbADD|cbX, 0), ins(cbMISC|cbTAX, 0), ins(cbLD|cbIND|sz, base))
	}
	if isConst {
		return g.ld(a.size, r, base+idx)
	}
	s := g.arithCode(a.l, depth)
	if slot := g.slot(r); slot >= 0 {
		s = append(s, ins(cbST, uint32(depth)), ins(cbLDX|cbMEM, uint32(slot)), ins(cbLD|cbMEM, uint32(depth)), ins(cbALU|cbADD|cbX, 0))
	}
	return append(s, ins(cbMISC|cbTAX, 0), ins(cbLD|cbIND|sz, base))
}

// relation is libpcap's gen_relation: "a op b" with the protocol tests of
// both sides.
func (g *gen) relation(op string, a, b *arith) *node {
	checks := and(g.arithChecks(a), g.arithChecks(b))
	var jop uint16
	neg := false
	switch op {
	case ">":
		jop = cbJGT
	case ">=":
		jop = cbJGE
	case "=":
		jop = cbJEQ
	case "<=":
		jop, neg = cbJGT, true
	case "<":
		jop, neg = cbJGE, true
	case "!=":
		jop, neg = cbJEQ, true
	default:
		return g.failf("unknown relation %s", op)
	}
	var cmp *node
	x, okA := g.constVal(a)
	y, okB := g.constVal(b)
	if okA && okB {
		var r bool
		switch jop {
		case cbJGT:
			r = x > y
		case cbJGE:
			r = x >= y
		default:
			r = x == y
		}
		cmp = falseNode
		if r {
			cmp = trueNode
		}
		// still reject constant division by zero
		g.arithCode(a, 0)
		g.arithCode(b, 0)
	} else if okB && y == 0 && jop == cbJEQ && a.op == "&" && g.isConst(a.r) {
		// (e & m) == 0 is "not jset m", as libpcap's optimiser makes it
		m, _ := g.constVal(a.r)
		cmp = not(atomNode(&atom{stmts: g.arithCode(a.l, 0), jop: cbJSET, k: m}))
	} else if okB {
		cmp = atomNode(&atom{stmts: g.arithCode(a, 0), jop: jop, k: y})
	} else {
		s := append(g.arithCode(a, 0), ins(cbST, 0))
		s = append(s, g.arithCode(b, 1)...)
		s = append(s, ins(cbMISC|cbTAX, 0), ins(cbLD|cbMEM, 0))
		cmp = atomNode(&atom{stmts: s, jop: jop, jx: true})
	}
	if neg {
		cmp = not(cmp)
	}
	return and(checks, cmp)
}

// protochain is "[ip|ip6] protochain N": follow the IPv6 extension headers
// (hop-by-hop, destination options, routing, fragment) and AH up to
// maxChain headers deep, with forward jumps only, so the kernel accepts it.
func (g *gen) protochain(v uint32, p string) *node {
	switch p {
	case "":
		return or(g.protochain(v, "ip"), g.protochain(v, "ip6"))
	case "ip":
		return chainOn(g.linkType(etIP), g.chain(v, false))
	case "ip6":
		return chainOn(g.linkType(etIPv6), g.chain(v, true))
	}
	return g.failf("bad protocol applied for 'protochain'")
}

// chainOn is and(lt, walk), except that a link type that can never carry
// the protocol gives a test the optimiser does not fold: libpcap's
// optimiser cannot see through its protochain loop, so tcpdump accepts
// "ip6 protochain 6" on raw IPv4 (matching nothing) rather than reporting
// that the expression rejects all packets.
func chainOn(lt, walk *node) *node {
	if lt.op == nFalse {
		return atomNode(&atom{stmts: []bpf.RawInstruction{ins(cbLD|cbIMM, 0)}, effect: true, jop: cbJEQ, k: 1})
	}
	return and(lt, walk)
}

// maxChain is how many extension headers protochain walks.
const maxChain = 8

func (g *gen) chain(v uint32, v6 bool) *node {
	if g.varPL >= 0 {
		return g.fail(ErrUnsupportedLinkType, "rawcap does not support protochain after geneve or vxlan")
	}
	if g.scratch < 4 {
		return g.failf("too many protochain primitives")
	}
	mn, mo := uint32(g.scratch), uint32(g.scratch-1)
	g.scratch -= 2
	id := g.nchain
	g.nchain++
	key := func(i int) string { return fmt.Sprintf("chain%d.%d", id, i) }
	nl := g.nlOff()
	var first []bpf.RawInstruction
	if v6 {
		first = []bpf.RawInstruction{ldAbs(1, nl+6), ins(cbST, mn), ins(cbLD|cbIMM, 40), ins(cbST, mo), ins(cbLD|cbMEM, mn)}
	} else {
		first = append([]bpf.RawInstruction{ldAbs(1, nl+9), ins(cbST, mn)}, g.msh()...)
		first = append(first, ins(cbMISC|cbTXA, 0), ins(cbST, mo), ins(cbLD|cbMEM, mn))
	}
	eq := func(i int, k uint32) *node {
		return atomNode(&atom{stmts: []bpf.RawInstruction{ins(cbLD|cbMEM, mn)}, key: key(i), jop: cbJEQ, k: k})
	}
	adv := func(i int, add, shift uint32) *node {
		s := []bpf.RawInstruction{
			ins(cbLDX|cbMEM, mo), ins(cbLD|cbB|cbIND, nl), ins(cbST, mn),
			ins(cbLD|cbB|cbIND, nl+1), ins(cbALU|cbADD|cbK, add), ins(cbALU|cbLSH|cbK, shift),
			ins(cbALU|cbADD|cbX, 0), ins(cbST, mo), ins(cbLD|cbMEM, mn),
		}
		return atomNode(&atom{stmts: s, key: key(i + 1), effect: true, jop: cbJEQ, k: v})
	}
	rest := falseNode
	for i := maxChain - 1; i >= 0; i-- {
		b := and(eq(i, ipprotoAH), or(adv(i, 2, 2), rest))
		if v6 {
			isExt := or(eq(i, 0), or(eq(i, 60), or(eq(i, 43), eq(i, ipprotoFrag))))
			b = ifThen(isExt, or(adv(i, 1, 3), rest), b)
		}
		rest = b
	}
	return or(atomNode(&atom{stmts: first, key: key(0), effect: true, jop: cbJEQ, k: v}), rest)
}
