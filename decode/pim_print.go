package decode

import "strconv"

// pimTcpdumpTypes are tcpdump's names of the PIM version 2 message types.
var pimTcpdumpTypes = [...]string{
	"Hello", "Register", "Register Stop", "Join / Prune", "Bootstrap", "Assert", "Graft",
	"Graft Acknowledgement", "Candidate RP Advertisement", "Prune Refresh", "DF Election", "ECMP Redirect",
}

// pimTcpdumpOption returns tcpdump's name of a Hello option.
func pimTcpdumpOption(t uint16) string {
	switch t {
	case 1:
		return "Hold Time"
	case 2:
		return "LAN Prune Delay"
	case 18:
		return "DR Priority (Old)"
	case 19:
		return "DR Priority"
	case 20:
		return "Generation ID"
	case 21:
		return "State Refresh Capability"
	case 22:
		return "Bi-Directional Capability"
	case 24:
		return "Address List"
	case 65001:
		return "Address List (Old)"
	}
	return "Unknown"
}

// pimLine holds what tcpdump's PIM printer reads: the captured message and
// the length the IP header announces.
type pimLine struct {
	p       *LinePrinter
	d       *Decoder
	i       int
	raw     []byte
	addrLen int // the RFC 2117 address length (0: encoded addresses)
}

// pimCut is tcpdump's truncation mark for PIM version 2.
const pimCut = " [|pimv2]"

// linePIM appends tcpdump's "PIMv2, Hello, length 34", or with -v the
// message's fields on lines of their own ("\n\tHello, cksum 0x… (correct)
// \n\t  Hold Time Option (1), length 2, Value: 1m45s"), and for a Register
// the packet it carries.
func (p *LinePrinter) linePIM(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	raw := d.data[l.Start:l.End]
	n := ipPayloadLen(d, i)
	if len(raw) < 1 {
		return append(b, " [|pim]"...)
	}
	ver, typ := raw[0]>>4, raw[0]&15
	b = append(b, "PIMv"...)
	b = appendUint(b, uint64(ver))
	if ver != 2 {
		b = append(b, ", length "...)
		return appendUint(b, uint64(n))
	}
	name := "Unknown Type"
	if int(typ) < len(pimTcpdumpTypes) {
		name = pimTcpdumpTypes[typ]
	}
	if p.Options.Verbose == 0 {
		b = append(b, ", "...)
		b = append(b, name...)
		b = append(b, ", length "...)
		return appendUint(b, uint64(n))
	}
	b = append(b, ", length "...)
	b = appendUint(b, uint64(n))
	b = append(b, "\n\t"...)
	b = append(b, name...)
	w := pimLine{p: p, d: d, i: i, raw: raw}
	return w.v2(b, n)
}

func (w *pimLine) avail(off, n int) bool { return off >= 0 && n >= 0 && off+n <= len(w.raw) }

// v2 appends pimv2_print's text for a message of length n.
func (w *pimLine) v2(b []byte, n int) []byte {
	raw := w.raw
	typ := raw[0] & 15
	if n < 2 {
		b = append(b, "[length "...)
		b = appendUint(b, uint64(n))
		return append(b, " < 2] (invalid)"...)
	}
	if !w.avail(1, 1) {
		return append(b, pimCut...)
	}
	w.addrLen = int(raw[1] & 15)
	if w.addrLen != 0 {
		b = append(b, ", RFC2117-encoding"...)
	}
	if n < 4 {
		b = append(b, "[length "...)
		b = appendUint(b, uint64(n))
		return append(b, " < 4] (invalid)"...)
	}
	if !w.avail(2, 2) {
		return append(b, pimCut...)
	}
	ck := be16(raw[2:])
	b = append(b, ", cksum 0x"...)
	b = appendHex4(b, ck)
	b = append(b, ' ')
	switch {
	case ck == 0:
		b = append(b, "(unverified)"...)
	default:
		st := 0
		if typ == PIMRegister {
			if st = w.checksum(8); st == 1 {
				st = w.checksum(n)
			}
		} else {
			st = w.checksum(n)
		}
		b = append(b, [...]string{"(correct)", "(incorrect)", "(unverified)"}[st]...)
	}
	off, left := 4, n-4
	switch typ {
	case PIMHello:
		for left > 0 {
			if left < 4 || !w.avail(off, 4) {
				return append(b, pimCut...)
			}
			ot, ol := be16(raw[off:]), int(be16(raw[off+2:]))
			b = append(b, "\n\t  "...)
			b = append(b, pimTcpdumpOption(ot)...)
			b = append(b, " Option ("...)
			b = appendUint(b, uint64(ot))
			b = append(b, "), length "...)
			b = appendUint(b, uint64(ol))
			b = append(b, ", Value: "...)
			off += 4
			left -= 4
			if left < ol || !w.avail(off, ol) {
				return append(b, pimCut...)
			}
			v := raw[off : off+ol]
			switch ot {
			case 1:
				if ol != 2 {
					return pimBadOptLen(b, ol, 2)
				}
				b = appendRelTime(b, uint32(be16(v)))
			case 2:
				if ol != 4 {
					return pimBadOptLen(b, ol, 4)
				}
				b = append(b, "\n\t    T-bit="...)
				b = appendUint(b, uint64(v[0]>>7))
				b = append(b, ", LAN delay "...)
				b = appendUint(b, uint64(be16(v)&0x7fff))
				b = append(b, "ms, Override interval "...)
				b = appendUint(b, uint64(be16(v[2:])))
				b = append(b, "ms"...)
			case 18, 19:
				switch ol {
				case 0:
					b = append(b, "Bi-Directional Capability (Old)"...)
				case 4:
					b = appendUint(b, uint64(be32(v)))
				default:
					return pimBadOptLen(b, ol, 4)
				}
			case 20:
				if ol != 4 {
					return pimBadOptLen(b, ol, 4)
				}
				b = append(b, "0x"...)
				b = appendHexN(b, uint64(be32(v)), 8)
			case 21:
				if ol != 4 {
					return pimBadOptLen(b, ol, 4)
				}
				b = append(b, 'v')
				b = appendUint(b, uint64(v[0]))
				if v[1] != 0 {
					b = append(b, ", interval "...)
					b = appendRelTime(b, uint32(v[1]))
				}
				if x := be16(v[2:]); x != 0 {
					b = append(b, " ?0x"...)
					b = appendHex4(b, x)
					b = append(b, '?')
				}
			case 22:
			case 24, 65001:
				if w.p.Options.Verbose > 1 {
					for a, al := off, left; a < off+ol; {
						b = append(b, "\n\t    "...)
						var adv int
						if b, adv = w.addr(b, a, al, pimAddrUnicast); adv < 0 {
							return append(b, pimCut...)
						}
						a += adv
						al -= adv
					}
				}
			default:
				if w.p.Options.Verbose <= 1 {
					b = appendIndentedHex(b, v, "\n\t    ")
				}
			}
			if w.p.Options.Verbose > 1 {
				b = appendIndentedHex(b, v, "\n\t    ")
			}
			off += ol
			left -= ol
		}
	case PIMRegister:
		if left < 4 || !w.avail(off, 4) {
			return append(b, pimCut...)
		}
		b = append(b, ", Flags [ "...)
		switch be32(raw[off:]) {
		case 0x80000000:
			b = append(b, "Border"...)
		case 0x40000000:
			b = append(b, "Null"...)
		default:
			b = append(b, "none"...)
		}
		b = append(b, " ]\n\t"...)
		off += 4
		left -= 4
		if left == 0 || !w.avail(off, 1) {
			return append(b, pimCut...)
		}
		switch v := raw[off] >> 4; v {
		case 0:
			if !w.avail(off+12, 8) {
				return append(b, pimCut...)
			}
			b = append(b, "IP-Null-header "...)
			b = addr4(raw[off+12 : off+16]).AppendTo(b)
			b = append(b, " > "...)
			b = addr4(raw[off+16 : off+20]).AppendTo(b)
		case 4, 6:
			if w.i+1 < w.d.n {
				return w.p.lineLayer(b, w.d, w.i+1)
			}
		default:
			b = append(b, "IP ver "...)
			b = appendUint(b, uint64(v))
		}
	case PIMRegisterStop:
		var adv int
		b = append(b, " group="...)
		if b, adv = w.addr(b, off, left, pimAddrGroup); adv < 0 {
			return append(b, pimCut...)
		}
		off, left = off+adv, left-adv
		b = append(b, " source="...)
		if b, adv = w.addr(b, off, left, pimAddrUnicast); adv < 0 {
			return append(b, pimCut...)
		}
	case PIMJoinPrune, PIMGraft, PIMGraftAck:
		return w.joinPrune(b, typ, off, left)
	case PIMBootstrap:
		return w.bootstrap(b, off, left)
	case PIMAssert:
		var adv int
		b = append(b, " group="...)
		if b, adv = w.addr(b, off, left, pimAddrGroup); adv < 0 {
			return append(b, pimCut...)
		}
		off, left = off+adv, left-adv
		b = append(b, " src="...)
		if b, adv = w.addr(b, off, left, pimAddrUnicast); adv < 0 {
			return append(b, pimCut...)
		}
		off, left = off+adv, left-adv
		if left < 8 || !w.avail(off, 8) {
			return append(b, pimCut...)
		}
		if raw[off]&0x80 != 0 {
			b = append(b, " RPT"...)
		}
		b = append(b, " pref="...)
		b = appendUint(b, uint64(be32(raw[off:])&0x7fffffff))
		b = append(b, " metric="...)
		b = appendUint(b, uint64(be32(raw[off+4:])))
	case PIMCandidateRP:
		if left < 1 || !w.avail(off, 1) {
			return append(b, pimCut...)
		}
		cnt := int(raw[off])
		b = append(b, " prefix-cnt="...)
		b = appendUint(b, uint64(cnt))
		if left < 2 || !w.avail(off+1, 1) {
			return append(b, pimCut...)
		}
		b = append(b, " prio="...)
		b = appendUint(b, uint64(raw[off+1]))
		if left < 4 || !w.avail(off+2, 2) {
			return append(b, pimCut...)
		}
		b = append(b, " holdtime="...)
		b = appendRelTime(b, uint32(be16(raw[off+2:])))
		off, left = off+4, left-4
		var adv int
		b = append(b, " RP="...)
		if b, adv = w.addr(b, off, left, pimAddrUnicast); adv < 0 {
			return append(b, pimCut...)
		}
		off, left = off+adv, left-adv
		for g := 0; g < cnt && left > 0; g++ {
			b = append(b, " Group"...)
			b = appendUint(b, uint64(g))
			b = append(b, '=')
			if b, adv = w.addr(b, off, left, pimAddrGroup); adv < 0 {
				return append(b, pimCut...)
			}
			off, left = off+adv, left-adv
		}
	case PIMStateRefresh:
		var adv int
		for _, s := range [...]struct {
			text string
			kind int
		}{{" src=", pimAddrUnicast}, {" grp=", pimAddrGroup}, {" forwarder=", pimAddrUnicast}} {
			b = append(b, s.text...)
			if b, adv = w.addr(b, off, left, s.kind); adv < 0 {
				return append(b, pimCut...)
			}
			off, left = off+adv, left-adv
		}
		if left < 2 || !w.avail(off, 2) {
			return append(b, pimCut...)
		}
		b = append(b, " TUNR "...)
		b = appendRelTime(b, uint32(be16(raw[off:])))
	default:
		b = append(b, " [type "...)
		b = appendUint(b, uint64(typ))
		b = append(b, ']')
	}
	return b
}

// pimBadOptLen appends tcpdump's complaint about a Hello option's length,
// after which it prints no more.
func pimBadOptLen(b []byte, got, want int) []byte {
	b = append(b, "[option length "...)
	b = appendUint(b, uint64(got))
	b = append(b, " != "...)
	b = appendUint(b, uint64(want))
	return append(b, "] (invalid)"...)
}

// checksum returns tcpdump's verdict on the first n bytes: 0 correct, 1
// incorrect, 2 unverified (not all captured).
func (w *pimLine) checksum(n int) int {
	if !w.avail(0, n) {
		return 2
	}
	src, dst, v6 := ipAddrs(w.d, w.i)
	var sum uint16
	if v6 {
		sum = transportChecksum(src, pseudoDst(w.d, w.i, dst), IPProtoPIM, w.raw[:n])
	} else {
		sum = ^checksumFold(checksumAdd(0, w.raw[:n]))
	}
	if sum != 0 {
		return 1
	}
	return 0
}

// addr appends pimv2_addr_print's text for the address at off, of which
// left bytes remain in the message; adv is its length, or -1 where tcpdump
// gives up.
func (w *pimLine) addr(b []byte, off, left, kind int) (_ []byte, adv int) {
	raw := w.raw
	n, hdr, v6 := w.addrLen, 0, false
	if n == 0 {
		if left < 2 || !w.avail(off, 1) {
			return b, -1
		}
		switch raw[off] {
		case 1:
			n = 4
		case 2:
			n, v6 = 16, true
		default:
			return b, -1
		}
		if !w.avail(off+1, 1) || raw[off+1] != 0 {
			return b, -1
		}
		hdr = 2
	} else {
		switch n {
		case 4:
		case 16:
			v6 = true
		default:
			return b, -1
		}
	}
	off += hdr
	left -= hdr
	if kind == pimAddrUnicast {
		if left < n || !w.avail(off, n) {
			return b, -1
		}
		return appendPIMAddr(b, raw[off:off+n]), hdr + n
	}
	if left < n+2 || !w.avail(off, n+2) {
		return b, -1
	}
	b = appendPIMAddr(b, raw[off+2:off+2+n])
	full := byte(32)
	if v6 {
		full = 128
	}
	if raw[off+1] != full {
		b = append(b, '/')
		b = appendUint(b, uint64(raw[off+1]))
	}
	if fl := raw[off]; fl != 0 {
		if kind == pimAddrGroup {
			b = append(b, "(0x"...)
			b = appendHex2(b, fl)
			b = append(b, ')')
		} else {
			b = append(b, '(')
			for _, f := range [...]struct {
				bit byte
				c   byte
			}{{4, 'S'}, {2, 'W'}, {1, 'R'}} {
				if fl&f.bit != 0 {
					b = append(b, f.c)
				}
			}
			if fl&0xf8 != 0 {
				b = append(b, "+0x"...)
				b = appendHex2(b, fl&0xf8)
			}
			b = append(b, ')')
		}
	}
	return b, hdr + 2 + n
}

func (w *pimLine) joinPrune(b []byte, typ uint8, off, left int) []byte {
	raw := w.raw
	var adv int
	if typ != PIMGraftAck {
		b = append(b, ", upstream-neighbor: "...)
		if b, adv = w.addr(b, off, left, pimAddrUnicast); adv < 0 {
			return append(b, pimCut...)
		}
		off, left = off+adv, left-adv
	}
	if left < 4 || !w.avail(off, 4) {
		return append(b, pimCut...)
	}
	ng, hold := int(raw[off+1]), be16(raw[off+2:])
	b = append(b, "\n\t  "...)
	b = appendUint(b, uint64(ng))
	b = append(b, " group(s)"...)
	if typ != PIMGraftAck {
		b = append(b, ", holdtime: "...)
		if hold == 0xffff {
			b = append(b, "infinite"...)
		} else {
			b = appendRelTime(b, uint32(hold))
		}
	}
	off, left = off+4, left-4
	for g := 0; g < ng; g++ {
		b = append(b, "\n\t    group #"...)
		b = appendUint(b, uint64(g+1))
		b = append(b, ": "...)
		if b, adv = w.addr(b, off, left, pimAddrGroup); adv < 0 {
			return append(b, pimCut...)
		}
		off, left = off+adv, left-adv
		if left < 4 || !w.avail(off, 4) {
			return append(b, pimCut...)
		}
		nj, np := int(be16(raw[off:])), int(be16(raw[off+2:]))
		b = append(b, ", joined sources: "...)
		b = appendUint(b, uint64(nj))
		b = append(b, ", pruned sources: "...)
		b = appendUint(b, uint64(np))
		off, left = off+4, left-4
		for j := 0; j < nj+np; j++ {
			if j < nj {
				b = append(b, "\n\t      joined source #"...)
				b = appendUint(b, uint64(j+1))
			} else {
				b = append(b, "\n\t      pruned source #"...)
				b = appendUint(b, uint64(j-nj+1))
			}
			b = append(b, ": "...)
			if b, adv = w.addr(b, off, left, pimAddrSource); adv < 0 {
				return append(b, pimCut...)
			}
			off, left = off+adv, left-adv
		}
	}
	return b
}

func (w *pimLine) bootstrap(b []byte, off, left int) []byte {
	raw := w.raw
	if left < 2 || !w.avail(off, 2) {
		return append(b, pimCut...)
	}
	b = append(b, " tag="...)
	b = strconv.AppendUint(b, uint64(be16(raw[off:])), 16)
	off, left = off+2, left-2
	if left < 1 || !w.avail(off, 1) {
		return append(b, pimCut...)
	}
	b = append(b, " hashmlen="...)
	b = appendUint(b, uint64(raw[off]))
	if left < 2 || !w.avail(off+2, 1) {
		return append(b, pimCut...)
	}
	b = append(b, " BSRprio="...)
	b = appendUint(b, uint64(raw[off+1]))
	off, left = off+2, left-2
	var adv int
	b = append(b, " BSR="...)
	if b, adv = w.addr(b, off, left, pimAddrUnicast); adv < 0 {
		return append(b, pimCut...)
	}
	off, left = off+adv, left-adv
	for g := 0; left > 0; g++ {
		b = append(b, " (group"...)
		b = appendUint(b, uint64(g))
		b = append(b, ": "...)
		if b, adv = w.addr(b, off, left, pimAddrGroup); adv < 0 {
			return append(b, pimCut...)
		}
		off, left = off+adv, left-adv
		if left < 1 || !w.avail(off, 1) {
			return append(b, pimCut...)
		}
		b = append(b, " RPcnt="...)
		b = appendUint(b, uint64(raw[off]))
		if left < 2 || !w.avail(off+1, 1) {
			return append(b, pimCut...)
		}
		frp := int(raw[off+1])
		b = append(b, " FRPcnt="...)
		b = appendUint(b, uint64(frp))
		if left < 4 {
			return append(b, pimCut...)
		}
		off, left = off+4, left-4
		for j := 0; j < frp && left > 0; j++ {
			b = append(b, " RP"...)
			b = appendUint(b, uint64(j))
			b = append(b, '=')
			if b, adv = w.addr(b, off, left, pimAddrUnicast); adv < 0 {
				return append(b, pimCut...)
			}
			off, left = off+adv, left-adv
			if left < 2 || !w.avail(off, 2) {
				return append(b, pimCut...)
			}
			b = append(b, ",holdtime="...)
			b = appendRelTime(b, uint32(be16(raw[off:])))
			if left < 3 || !w.avail(off+2, 1) {
				return append(b, pimCut...)
			}
			b = append(b, ",prio="...)
			b = appendUint(b, uint64(raw[off+2]))
			if left < 4 {
				return append(b, pimCut...)
			}
			off, left = off+4, left-4
		}
		b = append(b, ')')
	}
	return b
}
