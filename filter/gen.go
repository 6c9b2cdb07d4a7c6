package filter

import (
	"fmt"

	"github.com/rawcap/rawcap/linktype"
	"golang.org/x/net/bpf"
)

// Kernel ancillary-data offsets (linux/filter.h), used by Options.Live.
const (
	skfADOff            = 0xfffff000
	skfADProtocol       = 0
	skfADPktType        = 4
	skfADIfIndex        = 8
	skfADVLANTag        = 44
	skfADVLANTagPresent = 48
	packetOutgoing      = 4
)

// gen holds the code generator's state while the parser walks the
// expression. Like libpcap's compiler state, the offsets change as the
// parser meets vlan, mpls and pppoes, and every later primitive uses the
// changed offsets.
type gen struct {
	lt  linktype.Type
	opt Options

	linkhdr  uint32        // start of the current link-layer header (link[], MACs)
	ltOff    uint32        // offset of the link-layer type field
	linkpl   uint32        // start of the link-layer payload
	nl       uint32        // network header offset past linkpl (MPLS labels)
	nlNoSnap uint32        // network header offset past linkpl for 802.2 LLC frames
	curLT    linktype.Type // link type protocol tests use (PPP inside PPPoE)
	ancLT    bool          // link type field read from SKF_AD_PROTOCOL (live cooked)
	// cookedLive: compiling for a live cooked socket, whose filter sees
	// the packet without the cooked header
	cookedLive bool

	vlanDepth  int
	labelDepth int
	tunnel     bool // a geneve or vxlan primitive was compiled
	varInit    bool // scratch words hold offsets: zero them first

	// After geneve or vxlan the inner headers start at offsets known only
	// at run time: these scratch words hold the start of the inner link
	// header, of its type field and of its payload, and linkhdr, ltOff and
	// linkpl are then relative to them. -1: offsets are static.
	varHdr, varLT, varPL int

	scratch int // scratch words handed out from the top for protochain
	nchain  int

	pos int   // column of the primitive being generated, for errors
	err error // first error
}

func newGen(lt linktype.Type, opt Options) (*gen, error) {
	g := &gen{lt: lt, opt: opt, curLT: lt, scratch: 15, varHdr: -1, varLT: -1, varPL: -1}
	switch lt {
	case linktype.Ethernet:
		g.ltOff, g.linkpl, g.nlNoSnap = 12, 14, 3
	case linktype.LinuxSLL:
		g.ltOff, g.linkpl = 14, 16
	case linktype.LinuxSLL2:
		g.ltOff, g.linkpl = 0, 20
	case linktype.Raw, linktype.IPv4, linktype.IPv6:
	case linktype.Null, linktype.Loop:
		g.linkpl = 4
	case linktype.PPP, ltPPPSerial, ltCHDLC:
		g.ltOff, g.linkpl = 2, 4
		if lt == ltCHDLC {
			g.nlNoSnap = 1 // OSI over Cisco HDLC has a fudge byte
		}
		if lt == ltPPPSerial {
			g.curLT = linktype.PPP
		}
	default:
		return nil, &Error{Msg: fmt.Sprintf("filters are not supported for link type %s", lt), Err: ErrUnsupportedLinkType}
	}
	if opt.Live && (lt == linktype.LinuxSLL || lt == linktype.LinuxSLL2) {
		// A cooked socket hands the kernel filter the network header:
		// the cooked header's fields are ancillary data.
		g.ancLT, g.cookedLive, g.linkpl = true, true, 0
	}
	return g, nil
}

// Link types without a name in package linktype.
const (
	ltPPPSerial linktype.Type = 50  // PPP in HDLC-like framing
	ltCHDLC     linktype.Type = 104 // Cisco HDLC
)

// fail records the first error, at the current primitive's column.
func (g *gen) fail(sentinel error, format string, args ...any) *node {
	if g.err == nil {
		g.err = &Error{Pos: g.pos, Msg: fmt.Sprintf(format, args...), Err: sentinel}
	}
	return falseNode
}

func (g *gen) failf(format string, args ...any) *node { return g.fail(ErrSemantic, format, args...) }

// ltName is the link type's description as libpcap's errors print it.
func (g *gen) ltName() string {
	switch g.lt {
	case linktype.Ethernet:
		return "Ethernet"
	case linktype.LinuxSLL:
		return "Linux cooked v1"
	case linktype.LinuxSLL2:
		return "Linux cooked v2"
	case linktype.Raw:
		return "Raw IP"
	case linktype.IPv4:
		return "Raw IPv4"
	case linktype.IPv6:
		return "Raw IPv6"
	case linktype.Null:
		return "BSD loopback"
	case linktype.Loop:
		return "OpenBSD loopback"
	case linktype.PPP:
		return "PPP"
	case ltPPPSerial:
		return "PPP over serial"
	case ltCHDLC:
		return "Cisco HDLC"
	}
	return g.lt.String()
}

// nlOff is the absolute offset of the network-layer header.
func (g *gen) nlOff() uint32 { return g.linkpl + g.nl }

// ancillary is a comparison on kernel metadata.
func ancillary(field uint32, op uint16, k uint32) *node {
	return atomNode(&atom{stmts: []bpf.RawInstruction{ins(cbLD|cbW|cbABS, skfADOff+field)}, jop: op, k: k})
}

// ltCmp compares the link-layer type field with v.
func (g *gen) ltCmp(op uint16, v uint32) *node {
	if g.ancLT && g.curLT == g.lt {
		return ancillary(skfADProtocol, op, v)
	}
	return g.at(2, rLT, g.ltOff, 0xffffffff, op, v)
}

// snap tests for an 802.2 SNAP header with the given OUI and type at the
// link payload.
func (g *gen) snap(org, ptype uint32) *node {
	w4 := (org>>8&0xff)<<24 | (org&0xff)<<16 | ptype&0xffff
	w0 := uint32(0xaaaa0300) | org>>16&0xff
	return and(g.at(4, rPL, g.linkpl+4, 0xffffffff, cbJEQ, w4), g.at(4, rPL, g.linkpl, 0xffffffff, cbJEQ, w0))
}

// linkType tests that the link layer carries protocol p (an Ethernet type,
// or an LLC SAP when p <= 1500), as libpcap's gen_linktype.
func (g *gen) linkType(p uint32) *node {
	if g.labelDepth > 0 {
		switch p {
		case etIP:
			return g.mplsLinkType(0x40)
		case etIPv6:
			return g.mplsLinkType(0x60)
		}
		return g.failf("unsupported protocol over mpls")
	}
	switch g.curLT {
	case linktype.Ethernet:
		return g.etherLinkType(p)
	case linktype.PPP:
		return g.ltCmp(cbJEQ, pppType(p))
	case ltCHDLC:
		if p == sapISONS {
			p = p<<8 | sapISONS
		}
		return g.ltCmp(cbJEQ, p)
	case linktype.LinuxSLL:
		return g.sllLinkType(p)
	case linktype.LinuxSLL2:
		// libpcap compares the protocol field for every value here,
		// LLC SAPs included.
		return g.ltCmp(cbJEQ, p)
	case linktype.Raw:
		switch p {
		case etIP:
			return g.at(1, rPL, g.linkpl, 0xf0, cbJEQ, 0x40)
		case etIPv6:
			return g.at(1, rPL, g.linkpl, 0xf0, cbJEQ, 0x60)
		}
		return falseNode
	case linktype.IPv4:
		if p == etIP {
			return trueNode
		}
		return falseNode
	case linktype.IPv6:
		if p == etIPv6 {
			return trueNode
		}
		return falseNode
	case linktype.Null, linktype.Loop:
		fam := func(v uint32) *node {
			if g.curLT == linktype.Null {
				// The family is in the byte order of the host that
				// wrote the capture, which the program cannot know:
				// accept either (libpcap picks one from the file).
				sw := v>>24 | v>>8&0xff00 | v<<8&0xff0000 | v<<24
				return or(cmpAbs(4, 0, 0xffffffff, cbJEQ, sw), cmpAbs(4, 0, 0xffffffff, cbJEQ, v))
			}
			return cmpAbs(4, 0, 0xffffffff, cbJEQ, v)
		}
		switch p {
		case etIP:
			return fam(2)
		case etIPv6:
			return or(fam(30), or(fam(24), fam(28)))
		}
		return falseNode
	}
	return g.fail(ErrUnsupportedLinkType, "link type %s not supported", g.ltName())
}

func (g *gen) mplsLinkType(version uint32) *node {
	off := g.nlOff()
	return and(g.at(1, rPL, off-2, 0x01, cbJEQ, 0x01), g.at(1, rPL, off, 0xf0, cbJEQ, version))
}

// pppType maps an Ethernet type to the PPP protocol number.
func pppType(p uint32) uint32 {
	switch p {
	case etIP:
		return 0x0021
	case etIPv6:
		return 0x0057
	case etDECnet:
		return 0x0027
	case etATalk:
		return 0x0029
	case 0x0600: // XNS
		return 0x0025
	case sapIPX:
		return 0x002b
	case sapISONS:
		return 0x0023
	case sap8021D:
		return 0x0031
	case etMPLS:
		return 0x0281
	}
	return p
}

func (g *gen) etherLinkType(p uint32) *node {
	notLen := not(g.ltCmp(cbJGT, etMTU))
	llc := g.linkpl
	switch p {
	case sapISONS, sapIP, sapNetBEUI:
		return and(notLen, g.at(2, rPL, llc, 0xffffffff, cbJEQ, p<<8|p))
	case sapIPX:
		b := or(g.at(1, rPL, llc, 0xffffffff, cbJEQ, sapIPX), g.at(2, rPL, llc, 0xffffffff, cbJEQ, 0xffff))
		b = or(g.snap(0, etIPX), b)
		return or(g.ltCmp(cbJEQ, etIPX), and(notLen, b))
	case etATalk, etAARP:
		org := uint32(0)
		if p == etATalk {
			org = 0x080007
		}
		return or(g.ltCmp(cbJEQ, p), and(notLen, g.snap(org, p)))
	}
	if p <= etMTU {
		return and(notLen, g.at(1, rLT, g.ltOff+2, 0xffffffff, cbJEQ, p))
	}
	return g.ltCmp(cbJEQ, p)
}

func (g *gen) sllLinkType(p uint32) *node {
	llc := g.linkpl
	is8022 := g.ltCmp(cbJEQ, sllP8022)
	switch p {
	case sapISONS, sapIP, sapNetBEUI:
		return and(is8022, g.at(2, rPL, llc, 0xffffffff, cbJEQ, p<<8|p))
	case sapIPX:
		b := and(is8022, or(g.at(1, rPL, llc, 0xffffffff, cbJEQ, sapIPX), g.snap(0, etIPX)))
		return or(g.ltCmp(cbJEQ, etIPX), or(g.ltCmp(cbJEQ, sllP8023), b))
	case etATalk, etAARP:
		org := uint32(0)
		if p == etATalk {
			org = 0x080007
		}
		return or(g.ltCmp(cbJEQ, p), and(is8022, g.snap(org, p)))
	}
	if p <= etMTU {
		return and(is8022, g.at(1, rPL, llc, 0xffffffff, cbJEQ, p))
	}
	return g.ltCmp(cbJEQ, p)
}

// ipFragOK is true for the first (or only) fragment of an IPv4 datagram.
func (g *gen) ipFragOK() *node {
	return not(g.at(2, rPL, g.nlOff()+6, 0xffffffff, cbJSET, 0x1fff))
}

// region names the base an offset is relative to.
type region uint8

const (
	rAbs region = iota // the start of the packet
	rHdr               // the current link-layer header (linkhdr)
	rLT                // the link-layer type field's base (ltOff)
	rPL                // the link-layer payload's base (linkpl, nlOff)
)

// slot is the scratch word holding r's run-time base, or -1.
func (g *gen) slot(r region) int {
	switch r {
	case rHdr:
		return g.varHdr
	case rLT:
		return g.varLT
	case rPL:
		return g.varPL
	}
	return -1
}

// ld loads size bytes at off in region r.
func (g *gen) ld(size int, r region, off uint32) []bpf.RawInstruction {
	if r == rHdr && g.ancLT && g.varHdr < 0 {
		// A live cooked socket's filter sees no cooked header.
		g.fail(ErrUnsupportedLinkType, "the link-layer header cannot be read on a live cooked (any) socket; filter the saved frames instead")
	}
	s := g.slot(r)
	if s < 0 {
		return []bpf.RawInstruction{ldAbs(size, off)}
	}
	return []bpf.RawInstruction{ins(cbLDX|cbMEM, uint32(s)), ins(cbLD|cbIND|sizeCode(size), off)}
}

// at tests the size-byte field at off in region r: (field & mask) op k.
func (g *gen) at(size int, r region, off, mask uint32, op uint16, k uint32) *node {
	return cmpStmts(g.ld(size, r, off), size, mask, op, k)
}

// msh loads X so that X + nlOff() + n addresses byte n of the transport
// header after an IPv4 header: the IPv4 header length, plus the run-time
// base of the payload after a tunnel.
func (g *gen) msh() []bpf.RawInstruction {
	if g.varPL < 0 {
		return []bpf.RawInstruction{ins(cbLDX|cbB|cbMSH, g.nlOff())}
	}
	return []bpf.RawInstruction{
		ins(cbLDX|cbMEM, uint32(g.varPL)), ins(cbLD|cbB|cbIND, g.nlOff()), ins(cbALU|cbAND|cbK, 0x0f),
		ins(cbALU|cbLSH|cbK, 2), ins(cbALU|cbADD|cbX, 0), ins(cbMISC|cbTAX, 0),
	}
}
