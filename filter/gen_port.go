package filter

import (
	"github.com/rawcap/rawcap/linktype"
	"golang.org/x/net/bpf"
)

// portAtom tests the 16-bit port at off in the transport header after an
// IPv4 header (lo == hi) or that it lies in lo..hi.
func (g *gen) portAtom(off, lo, hi uint32, v6 bool) *node {
	load := func() []bpf.RawInstruction {
		if v6 {
			return g.ld(2, rPL, g.nlOff()+40+off)
		}
		return append(g.msh(), ins(cbLD|cbH|cbIND, g.nlOff()+off))
	}
	if lo == hi {
		return atomNode(&atom{stmts: load(), jop: cbJEQ, k: lo})
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	return and(atomNode(&atom{stmts: load(), jop: cbJGE, k: lo}), not(atomNode(&atom{stmts: load(), jop: cbJGT, k: hi})))
}

func (g *gen) portDir(lo, hi uint32, dir string, v6 bool) *node {
	switch dir {
	case "src":
		return g.portAtom(0, lo, hi, v6)
	case "dst":
		return g.portAtom(2, lo, hi, v6)
	case "and":
		return and(g.portAtom(0, lo, hi, v6), g.portAtom(2, lo, hi, v6))
	case "", "or":
		return or(g.portAtom(0, lo, hi, v6), g.portAtom(2, lo, hi, v6))
	}
	return g.dirError(dir)
}

// portop: IPv4 protocol proto, first fragment, port test.
func (g *gen) portop(lo, hi uint32, proto uint32, dir string) *node {
	b0 := and(g.at(1, rPL, g.nlOff()+9, 0xffffffff, cbJEQ, proto), g.ipFragOK())
	return and(b0, g.portDir(lo, hi, dir, false))
}

// port is libpcap's gen_port / gen_portrange for IPv4.
func (g *gen) port(lo, hi uint32, proto int, dir string) *node {
	b0 := g.linkType(etIP)
	var b1 *node
	if proto == protoUndef {
		b1 = or(g.portop(lo, hi, ipprotoSCTP, dir), or(g.portop(lo, hi, ipprotoTCP, dir), g.portop(lo, hi, ipprotoUDP, dir)))
	} else {
		b1 = g.portop(lo, hi, uint32(proto), dir)
	}
	return and(b0, b1)
}

func (g *gen) portop6(lo, hi uint32, proto uint32, dir string) *node {
	return and(g.at(1, rPL, g.nlOff()+6, 0xffffffff, cbJEQ, proto), g.portDir(lo, hi, dir, true))
}

// port6 is libpcap's gen_port6 / gen_portrange6: no extension header walk.
func (g *gen) port6(lo, hi uint32, proto int, dir string) *node {
	b0 := g.linkType(etIPv6)
	var b1 *node
	if proto == protoUndef {
		b1 = or(g.portop6(lo, hi, ipprotoSCTP, dir), or(g.portop6(lo, hi, ipprotoTCP, dir), g.portop6(lo, hi, ipprotoUDP, dir)))
	} else {
		b1 = g.portop6(lo, hi, uint32(proto), dir)
	}
	return and(b0, b1)
}

// proto is libpcap's gen_proto: "[ip|ip6|ether|iso|...] proto N".
func (g *gen) proto(v uint32, p, dir string) *node {
	if dir != "" {
		return g.failf("direction applied to 'proto'")
	}
	switch p {
	case "":
		return or(g.proto(v, "ip", dir), g.proto(v, "ip6", dir))
	case "link":
		switch {
		case g.curLT == linktype.PPP && v > 0xffff:
			return g.failf("PPP protocol %d greater than maximum %d", v, 0xffff)
		case g.curLT == ltCHDLC && v > 0xffff:
			return g.failf("HDLC protocol %d greater than maximum %d", v, 0xffff)
		}
		if g.curLT == linktype.Ethernet || g.curLT == linktype.LinuxSLL {
			switch {
			case v > 0xffff:
				return g.failf("EtherType %d greater than maximum %d", v, 0xffff)
			case v > 255 && v <= etMTU:
				return g.failf("LLC DSAP %d greater than maximum %d", v, 255)
			}
		}
		return g.linkType(v)
	case "ip":
		return and(g.linkType(etIP), g.at(1, rPL, g.nlOff()+9, 0xffffffff, cbJEQ, v))
	case "ip6":
		nh := g.nlOff() + 6
		b1 := or(g.at(1, rPL, nh, 0xffffffff, cbJEQ, v), and(g.at(1, rPL, nh, 0xffffffff, cbJEQ, ipprotoFrag), g.at(1, rPL, g.nlOff()+40, 0xffffffff, cbJEQ, v)))
		return and(g.linkType(etIPv6), b1)
	case "iso":
		if v > 255 {
			return g.failf("ISO protocol %d greater than maximum %d", v, 255)
		}
		return and(g.linkType(sapISONS), g.at(1, rPL, g.linkpl+g.nlNoSnap, 0xffffffff, cbJEQ, v))
	case "isis":
		if v > 31 {
			return g.failf("IS-IS PDU type %d greater than maximum %d", v, 31)
		}
		return and(g.proto(0x83, "iso", ""), g.at(1, rPL, g.linkpl+g.nlNoSnap+4, 0xffffffff, cbJEQ, v))
	case "arp", "rarp":
		return g.failf("%s does not encapsulate another protocol", p)
	case "icmp6":
		return g.failf("'icmp6 proto' is bogus")
	}
	return g.failf("'%s proto' is bogus", p)
}

// isisPDUs lists the IS-IS PDU types of the l1, l2, iih, lsp, snp, csnp
// and psnp keywords.
var isisPDUs = map[string][]uint32{
	"l1":   {15, 17, 18, 24, 26},
	"l2":   {16, 17, 20, 25, 27},
	"iih":  {15, 16, 17},
	"lsp":  {18, 20},
	"snp":  {24, 25, 26, 27},
	"csnp": {24, 25},
	"psnp": {26, 27},
}

// protoAbbrev is libpcap's gen_proto_abbrev: a protocol keyword alone.
func (g *gen) protoAbbrev(p string) *node {
	switch p {
	case "sctp":
		return g.proto(ipprotoSCTP, "", "")
	case "tcp":
		return g.proto(ipprotoTCP, "", "")
	case "udp":
		return g.proto(ipprotoUDP, "", "")
	case "icmp":
		return g.proto(ipprotoICMP, "ip", "")
	case "igmp":
		return g.proto(ipprotoIGMP, "ip", "")
	case "igrp":
		return g.proto(ipprotoIGRP, "ip", "")
	case "pim":
		return g.proto(ipprotoPIM, "", "")
	case "vrrp", "carp":
		return g.proto(ipprotoVRRP, "ip", "")
	case "ip":
		return g.linkType(etIP)
	case "arp":
		return g.linkType(etARP)
	case "rarp":
		return g.linkType(etRARP)
	case "link":
		return g.failf("link layer applied in wrong context")
	case "atalk":
		return g.linkType(etATalk)
	case "aarp":
		return g.linkType(etAARP)
	case "decnet":
		return g.linkType(etDECnet)
	case "lat":
		return g.linkType(etLAT)
	case "sca":
		return g.linkType(etSCA)
	case "moprc":
		return g.linkType(etMOPRC)
	case "mopdl":
		return g.linkType(etMOPDL)
	case "ip6":
		return g.linkType(etIPv6)
	case "icmp6":
		return g.proto(ipprotoICMPv6, "ip6", "")
	case "ah":
		return g.proto(ipprotoAH, "", "")
	case "esp":
		return g.proto(ipprotoESP, "", "")
	case "iso":
		return g.linkType(sapISONS)
	case "esis":
		return g.proto(0x82, "iso", "")
	case "isis":
		return g.proto(0x83, "iso", "")
	case "clnp":
		return g.proto(0x81, "iso", "")
	case "stp":
		return g.linkType(sap8021D)
	case "ipx":
		return g.linkType(sapIPX)
	case "netbeui":
		return g.linkType(sapNetBEUI)
	case "radio":
		return g.fail(ErrUnsupportedLinkType, "'radio' supported only on 802.11")
	}
	if pdus, ok := isisPDUs[p]; ok {
		b := falseNode
		for _, t := range pdus {
			b = or(b, g.proto(t, "isis", ""))
		}
		return b
	}
	return g.failf("unknown protocol keyword '%s'", p)
}
