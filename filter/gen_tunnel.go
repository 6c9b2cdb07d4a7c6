package filter

import (
	"github.com/rawcap/rawcap/linktype"
	"golang.org/x/net/bpf"
)

// tunnelUDP is "geneve [vni]" (UDP port 6081, version 0) and, as libpcap
// after 1.10 compiles it, "vxlan [vni]" (UDP port 4789, flags 0x08). Like
// libpcap, later primitives then look into the encapsulated frame, whose
// offsets depend on the outer IP header and, for Geneve, on the options
// length: they are kept in scratch words (see gen.varHdr).
func (g *gen) tunnelUDP(kind string, vni uint32, hasVNI bool) *node {
	if hasVNI && vni > 0xffffff {
		name := map[string]string{"geneve": "Geneve", "vxlan": "VXLAN"}[kind]
		return g.failf("%s VNI %d greater than maximum %d", name, vni, 0xffffff)
	}
	if g.scratch < 5 {
		return g.failf("too many geneve or vxlan primitives")
	}
	port := uint32(6081)
	if kind == "vxlan" {
		port = 4789
	}
	// udpX returns statements that leave in X a value such that the UDP
	// header starts at X + k.
	udpX := func(v6 bool) ([]bpf.RawInstruction, uint32) {
		if !v6 {
			return g.msh(), g.nlOff()
		}
		if g.varPL >= 0 {
			return []bpf.RawInstruction{ins(cbLDX|cbMEM, uint32(g.varPL))}, g.nlOff() + 40
		}
		return []bpf.RawInstruction{ins(cbLDX|cbIMM, g.nlOff()+40)}, 0
	}
	hdr := func(v6 bool, size int, off uint32) []bpf.RawInstruction {
		s, k := udpX(v6)
		return append(s, ins(cbLD|cbIND|sizeCode(size), k+8+off))
	}
	hdrSlot, ltSlot, plSlot := uint32(g.scratch), uint32(g.scratch-1), uint32(g.scratch-2)
	g.scratch -= 3
	always := func(s []bpf.RawInstruction) *node {
		return atomNode(&atom{stmts: append(s, ins(cbLD|cbIMM, 0)), effect: true, jop: cbJEQ, k: 0})
	}
	// store writes A (the inner frame's start) as the link header base,
	// its type field base and its payload base (+12, +14 for Ethernet).
	store := func(s []bpf.RawInstruction) []bpf.RawInstruction {
		return append(s, ins(cbST, hdrSlot), ins(cbST, ltSlot), ins(cbST, plSlot))
	}
	check := func(v6 bool) *node {
		var b *node
		if kind == "geneve" {
			b = cmpStmts(hdr(v6, 1, 0), 1, 0xc0, cbJEQ, 0)
		} else {
			b = atomNode(&atom{stmts: hdr(v6, 1, 0), jop: cbJEQ, k: 0x08})
		}
		if hasVNI {
			b = and(b, cmpStmts(hdr(v6, 4, 4), 4, 0xffffff00, cbJEQ, vni<<8))
		}
		s, k := udpX(v6)
		if kind == "vxlan" {
			// inner Ethernet right after the 8-byte VXLAN header
			return and(b, always(store(append(s, ins(cbMISC|cbTXA, 0), ins(cbALU|cbADD|cbK, k+16)))))
		}
		// Geneve: the payload follows 8 bytes of header and optlen*4 of
		// options; protocol 0x6558 is an Ethernet frame, any other value
		// is the Ethernet type of the payload, read from the Geneve
		// header itself.
		payload := append(append([]bpf.RawInstruction{}, s...), ins(cbLD|cbB|cbIND, k+8), ins(cbALU|cbAND|cbK, 0x3f),
			ins(cbALU|cbLSH|cbK, 2), ins(cbALU|cbADD|cbX, 0), ins(cbALU|cbADD|cbK, k+16))
		teb := atomNode(&atom{stmts: hdr(v6, 2, 2), jop: cbJEQ, k: 0x6558})
		eth := always(store(append([]bpf.RawInstruction{}, payload...)))
		other := append(append([]bpf.RawInstruction{}, payload...), ins(cbALU|cbSUB|cbK, 14), ins(cbST, hdrSlot), ins(cbST, plSlot))
		other = append(append(other, s...), ins(cbMISC|cbTXA, 0), ins(cbALU|cbADD|cbK, k+8+2-12), ins(cbST, ltSlot))
		return and(b, ifThen(teb, eth, always(other)))
	}
	b4 := and(g.port(port, port, ipprotoUDP, "dst"), check(false))
	b6 := and(g.port6(port, port, ipprotoUDP, "dst"), check(true))
	b := or(b4, b6)
	g.tunnel, g.varInit = true, true
	g.varHdr, g.varLT, g.varPL = int(hdrSlot), int(ltSlot), int(plSlot)
	g.linkhdr, g.ltOff, g.linkpl, g.nl, g.nlNoSnap = 0, 12, 14, 0, 3
	g.curLT, g.ancLT = linktype.Ethernet, false
	g.vlanDepth, g.labelDepth = 0, 0
	return b
}

// varInitNode zeroes the scratch words that hold run-time offsets (for
// tunnels and live VLAN tags), at the start of the program, so no path
// reads them before a store (the kernel refuses that). Primitives after a
// tunnel that did not match then read the packet from its start.
func (g *gen) varInitNode() *node {
	s := []bpf.RawInstruction{ins(cbLD|cbIMM, 0)}
	for w := g.scratch + 1; w <= 15; w++ {
		s = append(s, ins(cbST, uint32(w)))
	}
	return atomNode(&atom{stmts: s, effect: true, jop: cbJEQ, k: 0})
}
