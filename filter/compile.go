package filter

import (
	"fmt"
	"net/netip"

	"github.com/rawcap/rawcap/linktype"
	"golang.org/x/net/bpf"
)

// Options control compilation.
type Options struct {
	// Live selects the kernel variant: VLAN tags read from
	// SKF_AD_VLAN_TAG_PRESENT / SKF_AD_VLAN_TAG metadata (the kernel strips
	// them from the frame), and for cooked `any` sockets SKF_AD_PROTOCOL /
	// SKF_AD_PKTTYPE / SKF_AD_IFINDEX. The zero value compiles for files
	// (tags read from the frame).
	Live bool
	// SnapLen is the value returned for accepted packets; 0 means 262144.
	SnapLen uint32
	// NoOptimize disables the optimizer (tcpdump -O).
	NoOptimize bool
	// Resolve looks up `host NAME`; nil means names are rejected with an
	// error saying so.
	Resolve func(name string) ([]netip.Addr, error)
	// Netmask for `ip broadcast`; the zero Addr means unknown, and then
	// `ip broadcast` is an error as in libpcap. tcpdump reading a file uses
	// 0.0.0.0.
	Netmask netip.Addr
}

// DefaultSnapLen is what an accepting program returns when
// Options.SnapLen is 0.
const DefaultSnapLen = 262144

// Program is a compiled filter. It is immutable and safe for concurrent
// use.
type Program struct {
	expr  string
	lt    linktype.Type
	insns []bpf.RawInstruction
	vm    *VM
}

// Compile compiles a pcap-filter(7) expression for link type lt.
//
// Errors: *SyntaxError (wrapping ErrSyntax) when expr does not parse, or
// *Error wrapping ErrSemantic, ErrUnsupportedLinkType or ErrRejectsAll,
// with libpcap's message and the column of the primitive at fault.
func Compile(expr string, lt linktype.Type, opt Options) (*Program, error) {
	g, err := newGen(lt, opt)
	if err != nil {
		return nil, err
	}
	n, err := parse(expr, g)
	if err != nil {
		return nil, err
	}
	if g.varInit {
		n = and(g.varInitNode(), n)
	}
	snap := opt.SnapLen
	if snap == 0 {
		snap = DefaultSnapLen
	}
	c := newCFG(snap)
	root := c.build(n, c.accept, c.reject)
	if !opt.NoOptimize {
		root = optimize(root)
		if root == c.reject {
			return nil, &Error{Msg: "expression rejects all packets", Err: ErrRejectsAll}
		}
	}
	insns, err := emit(root, !opt.NoOptimize)
	if err != nil {
		return nil, err
	}
	p := &Program{expr: expr, lt: lt, insns: insns}
	vm, err := NewVM(insns)
	switch {
	case err == nil:
		p.vm = vm
	case !opt.Live:
		return nil, fmt.Errorf("filter: compiling %q made a program the interpreter refuses (a rawcap bug): %w", expr, err)
	}
	return p, nil
}

// Instructions returns the program. The caller must not modify the slice.
func (p *Program) Instructions() []bpf.RawInstruction { return p.insns }

// Run runs the program over a packet of which data was captured and
// wirelen was on the wire, and returns the program's result: the snapshot
// length for an accepted packet, 0 for a rejected one. A Live program that
// reads kernel metadata only runs in the kernel; Run returns 0 for it.
func (p *Program) Run(data []byte, wirelen int) uint32 {
	if p.vm == nil {
		return 0
	}
	return p.vm.Run(data, uint32(wirelen))
}

// Match reports whether the program accepts the packet. It does not
// allocate.
func (p *Program) Match(data []byte, wirelen int) bool { return p.Run(data, wirelen) != 0 }

// String returns the expression the program was compiled from.
func (p *Program) String() string { return p.expr }

// LinkType returns the link type the program was compiled for.
func (p *Program) LinkType() linktype.Type { return p.lt }
