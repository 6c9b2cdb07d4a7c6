package filter

import (
	"github.com/rawcap/rawcap/linktype"
	"golang.org/x/net/bpf"
)

// scode is libpcap's gen_scode: a name under qualifier q.
func (g *gen) scode(name string, q qual) *node {
	switch q.addr {
	case "net":
		return g.failf("unknown network '%s'", name)
	case "", "host":
		if q.proto == "link" {
			return g.failf("unknown ether host '%s'", name)
		}
		if g.opt.Resolve == nil {
			return g.failf("unknown host '%s' (rawcap compiles without a resolver here)", name)
		}
		addrs, err := g.opt.Resolve(name)
		if err != nil || len(addrs) == 0 {
			return g.failf("unknown host '%s'", name)
		}
		b := falseNode
		matched := false
		for _, a := range addrs {
			a = a.Unmap()
			switch {
			case a.Is4() && q.proto != "ip6":
				v := be32(a.AsSlice())
				b = or(b, g.host(v, 0xffffffff, q))
				matched = true
			case a.Is6() && (q.proto == "" || q.proto == "ip6"):
				var m [16]byte
				for i := range m {
					m[i] = 0xff
				}
				b = or(b, g.host6(a.As16(), m, q))
				matched = true
			}
		}
		if !matched {
			return g.failf("unknown host '%s'", name)
		}
		return b
	case "port":
		proto, ok := portProto(q.proto)
		if !ok {
			return g.failf("illegal qualifier of 'port'")
		}
		port, real, found := lookupPort(name)
		if !found {
			return g.failf("unknown port '%s'", name)
		}
		if real, ok = g.portNameProto(name, proto, real); !ok {
			return falseNode
		}
		return or(g.port6(port, port, real, q.dir), g.port(port, port, real, q.dir))
	case "portrange":
		proto, ok := portProto(q.proto)
		if !ok {
			return g.failf("illegal qualifier of 'portrange'")
		}
		lo, hi, real, found := parsePortRange(name)
		if !found {
			return g.failf("unknown port in range '%s'", name)
		}
		if lo > 65535 {
			return g.failf("illegal port number %d > 65535", lo)
		}
		if hi > 65535 {
			return g.failf("illegal port number %d > 65535", hi)
		}
		if real, ok = g.portNameProto(name, proto, real); !ok {
			return falseNode
		}
		return or(g.port6(lo, hi, real, q.dir), g.port(lo, hi, real, q.dir))
	case "gateway":
		return g.failf("'gateway' is not supported by rawcap")
	case "proto":
		v, ok := g.lookupProto(name, q.proto)
		if !ok {
			return falseNode
		}
		return g.proto(v, q.proto, q.dir)
	case "protochain":
		v, ok := g.lookupProto(name, q.proto)
		if !ok {
			return falseNode
		}
		return g.protochain(v, q.proto)
	}
	return g.failf("syntax error")
}

// portNameProto reconciles the qualifier's protocol with the service's.
func (g *gen) portNameProto(name string, want, real int) (int, bool) {
	if want == protoUndef {
		return real, true
	}
	if real != protoUndef && real != want {
		kind := map[int]string{ipprotoTCP: "tcp", ipprotoUDP: "udp", ipprotoSCTP: "sctp"}[real]
		g.failf("port '%s' is %s", name, kind)
		return 0, false
	}
	return want, true
}

// lookupProto is libpcap's lookup_proto.
func (g *gen) lookupProto(name, p string) (uint32, bool) {
	switch p {
	case "", "ip", "ip6":
		if v, ok := ipProtocols[name]; ok {
			return v, true
		}
		g.failf("unknown ip proto '%s'", name)
	case "link":
		if v, ok := etherProtos[name]; ok {
			return v, true
		}
		if v, ok := llcProtos[name]; ok {
			return v, true
		}
		g.failf("unknown ether proto '%s'", name)
	case "iso":
		switch name {
		case "esis":
			return 0x82, true
		case "isis":
			return 0x83, true
		case "clnp":
			return 0x81, true
		}
		g.failf("unknown osi proto '%s'", name)
	default:
		g.failf("unknown protocol: %s", name)
	}
	return 0, false
}

// broadcast is libpcap's gen_broadcast.
func (g *gen) broadcast(p string) *node {
	switch p {
	case "", "link":
		if g.lt != linktype.Ethernet {
			return g.fail(ErrUnsupportedLinkType, "not a broadcast link")
		}
		return g.ehostop([6]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, "dst")
	case "ip":
		if !g.opt.Netmask.IsValid() || !g.opt.Netmask.Is4() {
			return g.failf("netmask not known, so 'ip broadcast' not supported")
		}
		host := ^be32(g.opt.Netmask.AsSlice())
		b1 := g.at(4, rPL, g.nlOff()+16, host, cbJEQ, 0)
		b2 := g.at(4, rPL, g.nlOff()+16, host, cbJEQ, host)
		return and(g.linkType(etIP), or(b1, b2))
	}
	return g.failf("only link-layer/IP broadcast filters supported")
}

// multicast is libpcap's gen_multicast; "ip multicast" is 224.0.0.0/4 as
// libpcap 1.10.6 and later compile it.
func (g *gen) multicast(p string) *node {
	switch p {
	case "", "link":
		if g.lt != linktype.Ethernet {
			return g.fail(ErrUnsupportedLinkType, "link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel")
		}
		return g.at(1, rHdr, g.linkhdr, 0xffffffff, cbJSET, 1)
	case "ip":
		return and(g.linkType(etIP), g.at(1, rPL, g.nlOff()+16, 0xf0, cbJEQ, 0xe0))
	case "ip6":
		return and(g.linkType(etIPv6), g.at(1, rPL, g.nlOff()+24, 0xffffffff, cbJEQ, 255))
	}
	return g.failf("link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel")
}

// lenStmts loads the packet length as libpcap sees it: on a live cooked
// socket the kernel's length lacks the cooked header libpcap counts.
func (g *gen) lenStmts() []bpf.RawInstruction {
	s := []bpf.RawInstruction{ins(cbLD|cbW|cbLEN, 0)}
	if g.cookedLive {
		hdr := uint32(16)
		if g.lt == linktype.LinuxSLL2 {
			hdr = 20
		}
		s = append(s, ins(cbALU|cbADD|cbK, hdr))
	}
	return s
}

func (g *gen) lenAtom(op uint16, k uint32) *node {
	return atomNode(&atom{stmts: g.lenStmts(), jop: op, k: k})
}

// byteOp is libpcap's "byte IDX OP VAL", IDX counted from the start of the
// link-layer header (with the & and | cases loading the byte, as libpcap
// after 1.10.3 does).
func (g *gen) byteOp(op string, idx, val uint32) *node {
	if val > 255 {
		return g.failf("byte argument %d greater than maximum %d", val, 255)
	}
	off := g.linkhdr + idx
	switch op {
	case "=":
		return g.at(1, rHdr, off, 0xffffffff, cbJEQ, val)
	case "<":
		return not(g.at(1, rHdr, off, 0xffffffff, cbJGE, val))
	case ">":
		return g.at(1, rHdr, off, 0xffffffff, cbJGT, val)
	case "|":
		return not(atomNode(&atom{stmts: append(g.ld(1, rHdr, off), ins(cbALU|cbOR|cbK, val)), jop: cbJEQ}))
	}
	return not(atomNode(&atom{stmts: append(g.ld(1, rHdr, off), ins(cbALU|cbAND|cbK, val)), jop: cbJEQ}))
}

// inbound is libpcap's gen_inbound (outbound when out).
func (g *gen) inbound(out bool) *node {
	var b *node
	switch {
	case g.opt.Live && (g.lt == linktype.LinuxSLL || g.lt == linktype.LinuxSLL2 || g.lt == linktype.Ethernet):
		b = ancillary(skfADPktType, cbJEQ, packetOutgoing)
	case g.lt == linktype.LinuxSLL:
		b = cmpAbs(2, 0, 0xffffffff, cbJEQ, packetOutgoing)
	case g.lt == linktype.LinuxSLL2:
		b = cmpAbs(1, 10, 0xffffffff, cbJEQ, packetOutgoing)
	default:
		return g.fail(ErrUnsupportedLinkType, "inbound/outbound not supported on %s when reading savefiles", g.ltName())
	}
	if !out {
		b = not(b)
	}
	return b
}

// ifindex is libpcap's gen_ifindex.
func (g *gen) ifindex(n uint32) *node {
	switch {
	case g.opt.Live:
		return ancillary(skfADIfIndex, cbJEQ, n)
	case g.lt == linktype.LinuxSLL2:
		return cmpAbs(4, 4, 0xffffffff, cbJEQ, n)
	}
	return g.fail(ErrUnsupportedLinkType, "ifindex not supported on %s when reading savefiles", g.ltName())
}

// vlan is libpcap's gen_vlan. Files read the tag from the frame and shift
// every later offset by 4; a live Ethernet socket reads the first tag from
// the kernel's metadata (the kernel strips it) and shifts nothing.
func (g *gen) vlan(id uint32, hasID bool) *node {
	if g.labelDepth > 0 {
		return g.failf("no VLAN match after MPLS")
	}
	if g.lt != linktype.Ethernet || g.curLT != linktype.Ethernet {
		return g.fail(ErrUnsupportedLinkType, "no VLAN support for %s", g.ltName())
	}
	if hasID && id > 4095 {
		return g.failf("VLAN tag %d greater than maximum %d", id, 4095)
	}
	if g.opt.Live && g.vlanDepth == 0 && g.varPL < 0 && g.scratch >= 4 {
		return g.liveVLAN(id, hasID)
	}
	b := or(g.ltCmp(cbJEQ, etVLAN), or(g.ltCmp(cbJEQ, et8021AD), g.ltCmp(cbJEQ, etQinQ)))
	if hasID {
		b = and(b, g.at(2, rPL, g.linkpl, 0x0fff, cbJEQ, id))
	}
	g.linkpl += 4
	g.ltOff += 4
	g.vlanDepth++
	return b
}

// liveVLAN is the first "vlan" on a live Ethernet socket, as libpcap's
// gen_vlan_bpf_extensions: the kernel usually moves the tag into metadata
// (SKF_AD_VLAN_TAG_PRESENT, SKF_AD_VLAN_TAG), but outgoing frames on
// devices without VLAN offload keep it in the frame. Later primitives find
// the payload 0 or 4 bytes further, through a scratch word.
func (g *gen) liveVLAN(id uint32, hasID bool) *node {
	slot := uint32(g.scratch)
	g.scratch--
	g.varInit = true
	present := func() *node {
		return atomNode(&atom{stmts: []bpf.RawInstruction{ins(cbLD|cbB|cbABS, skfADOff+skfADVLANTagPresent)}, jop: cbJEQ, k: 1})
	}
	shift4 := alwaysTrue([]bpf.RawInstruction{ins(cbLD|cbIMM, 4), ins(cbST, slot)})
	tpid := or(g.ltCmp(cbJEQ, etVLAN), or(g.ltCmp(cbJEQ, et8021AD), g.ltCmp(cbJEQ, etQinQ)))
	b := or(present(), and(shift4, tpid))
	if hasID {
		meta := atomNode(&atom{stmts: []bpf.RawInstruction{ins(cbLD|cbW|cbABS, skfADOff+skfADVLANTag), ins(cbALU|cbAND|cbK, 0x0fff)}, jop: cbJEQ, k: id})
		b = and(b, ifThen(present(), meta, g.at(2, rPL, g.linkpl, 0x0fff, cbJEQ, id)))
	}
	g.varLT, g.varPL = int(slot), int(slot)
	g.vlanDepth++
	return b
}

// alwaysTrue is a test that always holds, after stmts, which write
// scratch memory.
func alwaysTrue(stmts []bpf.RawInstruction) *node {
	return atomNode(&atom{stmts: stmts, effect: true, jop: cbJGE, k: 0})
}

// mpls is libpcap's gen_mpls.
func (g *gen) mpls(label uint32, hasLabel bool) *node {
	var b *node
	if g.labelDepth > 0 {
		b = g.at(1, rPL, g.nlOff()-2, 0x01, cbJEQ, 0)
	} else {
		switch g.curLT {
		case linktype.Ethernet, ltCHDLC:
			b = g.ltCmp(cbJEQ, etMPLS)
		case linktype.PPP:
			b = g.ltCmp(cbJEQ, 0x0281)
		default:
			return g.fail(ErrUnsupportedLinkType, "no MPLS support for %s", g.ltName())
		}
	}
	if hasLabel {
		if label > 0xfffff {
			return g.failf("MPLS label %d greater than maximum %d", label, 0xfffff)
		}
		b = and(b, g.at(4, rPL, g.nlOff(), 0xfffff000, cbJEQ, label<<12))
	}
	g.nl += 4
	g.nlNoSnap += 4
	g.labelDepth++
	return b
}

// pppoes is libpcap's gen_pppoes: later primitives look into the PPP
// payload of the session.
func (g *gen) pppoes(sess uint32, hasSess bool) *node {
	b := g.linkType(etPPPoES)
	if hasSess {
		if sess > 0xffff {
			return g.failf("PPPoE session number %d greater than maximum %d", sess, 0xffff)
		}
		b = and(b, g.at(4, rPL, g.linkpl, 0xffff, cbJEQ, sess))
	}
	g.varHdr, g.varLT = g.varPL, g.varPL
	g.linkhdr = g.linkpl + 6
	g.ltOff = g.linkhdr
	g.linkpl = g.linkhdr + 2
	g.nl, g.nlNoSnap = 0, 0
	g.curLT = linktype.PPP
	g.ancLT = false
	return b
}

// llcTypes are the "llc TYPE" frame kinds: mask and value of the control
// byte (libpcap's llc.h).
var llcTypes = map[string][2]uint32{
	"s": {0x03, 0x01}, "u": {0x03, 0x03},
	"rr": {0x0f, 0x01}, "rnr": {0x0f, 0x05}, "rej": {0x0f, 0x09},
	"ui": {0xef, 0x03}, "ua": {0xef, 0x63}, "disc": {0xef, 0x43}, "dm": {0xef, 0x0f},
	"sabme": {0xef, 0x6f}, "test": {0xef, 0xe3}, "xid": {0xef, 0xaf}, "frmr": {0xef, 0x87},
}

// llcType is "llc i", "llc s", "llc u" and the S and U frame subtypes.
func (g *gen) llcType(name string) *node {
	b := g.llc()
	ctrl := g.linkpl + 2
	if name == "i" {
		return and(b, not(g.at(1, rPL, ctrl, 0xffffffff, cbJSET, 0x01)))
	}
	t, ok := llcTypes[name]
	if !ok {
		return g.failf("unknown 802.2 LLC type '%s'", name)
	}
	return and(b, g.at(1, rPL, ctrl, t[0], cbJEQ, t[1]))
}

// llc is libpcap's gen_llc without a frame-type argument.
func (g *gen) llc() *node {
	switch g.curLT {
	case linktype.Ethernet:
		b0 := not(g.ltCmp(cbJGT, etMTU))
		b1 := not(g.at(2, rPL, g.linkpl, 0xffffffff, cbJEQ, 0xffff))
		return and(b0, b1)
	case linktype.LinuxSLL, linktype.LinuxSLL2:
		return g.ltCmp(cbJEQ, sllP8022)
	}
	return g.fail(ErrUnsupportedLinkType, "'llc' not supported for %s", g.ltName())
}
