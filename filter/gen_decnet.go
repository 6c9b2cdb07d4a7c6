package filter

import (
	"strconv"
	"strings"
)

// atodn parses a DECnet address "area.node" (area up to 63, node up to
// 1023) as current libpcap does.
func atodn(s string) (uint32, bool) {
	parts := strings.Split(s, ".")
	if len(parts) != 2 {
		return 0, false
	}
	area, err1 := strconv.ParseUint(parts[0], 10, 32)
	node, err2 := strconv.ParseUint(parts[1], 10, 32)
	if err1 != nil || err2 != nil || area > 63 || node > 1023 {
		return 0, false
	}
	return uint32(area<<10 | node), true
}

// dnhost is libpcap's gen_dnhostop: a DECnet routing-layer address, for
// the four header layouts (long or short, with or without a pad byte).
// The address is little-endian in the packet.
func (g *gen) dnhost(addr uint32, dir string) *node {
	var sh, lh uint32
	switch dir {
	case "src":
		sh, lh = 3, 15
	case "dst":
		sh, lh = 1, 7
	case "and":
		return and(g.dnhost(addr, "src"), g.dnhost(addr, "dst"))
	case "", "or":
		return or(g.dnhost(addr, "src"), g.dnhost(addr, "dst"))
	default:
		return g.dirError(dir)
	}
	a := addr>>8&0xff | addr<<8&0xff00
	pl := g.nlOff() + 2
	b1 := and(g.at(2, rPL, pl, 0xff07, cbJEQ, 0x8106), g.at(2, rPL, pl+1+lh, 0xffffffff, cbJEQ, a))
	b2 := and(g.at(1, rPL, pl, 0x07, cbJEQ, 0x06), g.at(2, rPL, pl+lh, 0xffffffff, cbJEQ, a))
	b1 = or(b2, b1)
	b2 = and(g.at(2, rPL, pl, 0xff07, cbJEQ, 0x8102), g.at(2, rPL, pl+1+sh, 0xffffffff, cbJEQ, a))
	b1 = or(b2, b1)
	b2 = and(g.at(1, rPL, pl, 0x07, cbJEQ, 0x02), g.at(2, rPL, pl+sh, 0xffffffff, cbJEQ, a))
	b1 = or(b2, b1)
	return and(g.linkType(etDECnet), b1)
}
