package decode

import "strconv"

// The Slow Protocols (IEEE 802.3 annex 57A, EtherType 0x8809) begin with
// a subtype byte; subtype 1 is LACP (802.1AX), whose PDU follows: a
// version, then the Actor, Partner and Collector TLVs and a terminator:
//
//	 0      1      2     3     4        6           12    14        16     18
//	+------+------+-----+-----+--------+-----------+-----+---------+------+-----+-----+
//	| sub  | ver  | 1   | 20  | sysprio| system    | key | portprio| port |state| rsv |
//	+------+------+-----+-----+--------+-----------+-----+---------+------+-----+-----+
//
// Other subtypes (the Marker protocol, OAM) are shown as the Slow
// Protocols header only.
const (
	EtherTypeSlow   = 0x8809
	slowSubtypeLACP = 1
	lacpLen         = 110 // version, the three TLVs and the terminator's
)

func (d *Decoder) decodeSlow(l *Layer) LayerType {
	b := d.bytes(l)
	if len(b) < 2 || b[0] != slowSubtypeLACP {
		// The Marker protocol, OAM, or too short to tell: not decoded.
		return l.asData()
	}
	l.Payload = l.Start + 1
	return LayerLACP
}

func (d *Decoder) decodeLACP(l *Layer) LayerType {
	l.Payload = l.End
	if l.End-l.Start < 1+2*(2+18)+2+16 {
		l.Malformed = ReasonTruncated // the Actor, Partner or Collector TLV is cut
	}
	return LayerNone
}

// The fields, as Wireshark registers them.
// The Actor's and the Partner's fields are each six fields (system
// priority, system, key, port priority, port, state) and the state's
// eight bits, from lacpActorSysPrio and lacpPartnerSysPrio on.
const (
	slowSubtype           = 0
	lacpVersion           = 1
	lacpTLVType           = 2
	lacpTLVLen            = 3
	lacpActorSysPrio      = 4
	lacpPartnerSysPrio    = lacpActorSysPrio + 14
	lacpCollectorMaxDelay = lacpPartnerSysPrio + 14
	// The Actor's state string and reserved bytes, then the Partner's.
	lacpStateStr     = lacpCollectorMaxDelay + 1
	lacpReserved     = lacpStateStr + 1
	lacpCollReserved = lacpStateStr + 4
	lacpPad          = lacpCollReserved + 1
	lacpFieldCount   = lacpPad + 1
)

var lacpStateBitNames = [8]string{"activity", "timeout", "aggregation", "synchronization", "collecting", "distributing", "defaulted", "expired"}
var lacpStateLabels = [8]string{"LACP Activity", "LACP Timeout", "Aggregation", "Synchronization", "Collecting", "Distributing", "Defaulted", "Expired"}

var lacpFields = func() (f [lacpFieldCount]Field) {
	f[slowSubtype] = Field{Name: "slow.subtype", Label: "Slow Protocols subtype", Kind: KindUint, Width: 8, Base: BaseHex}
	f[lacpVersion] = Field{Name: "lacp.version", Label: "LACP Version", Kind: KindUint, Width: 8, Base: BaseHex}
	f[lacpTLVType] = Field{Name: "lacp.tlv_type", Label: "TLV Type", Kind: KindUint, Width: 8, Base: BaseHex}
	f[lacpTLVLen] = Field{Name: "lacp.tlv_length", Label: "TLV Length", Kind: KindUint, Width: 8, Base: BaseHex}
	for k, who := range [2]string{"actor", "partner"} {
		base := lacpActorSysPrio
		title := "Actor"
		if k == 1 {
			base, title = lacpPartnerSysPrio, "Partner"
		}
		sysLabel := " System ID"
		if k == 1 {
			sysLabel = " System"
		}
		f[base] = Field{Name: "lacp." + who + ".sys_priority", Label: title + " System Priority", Kind: KindUint, Width: 16}
		f[base+1] = Field{Name: "lacp." + who + ".sysid", Label: title + sysLabel, Kind: KindMAC}
		f[base+2] = Field{Name: "lacp." + who + ".key", Label: title + " Key", Kind: KindUint, Width: 16}
		f[base+3] = Field{Name: "lacp." + who + ".port_priority", Label: title + " Port Priority", Kind: KindUint, Width: 16}
		f[base+4] = Field{Name: "lacp." + who + ".port", Label: title + " Port", Kind: KindUint, Width: 16}
		f[base+5] = Field{Name: "lacp." + who + ".state", Label: title + " State", Kind: KindUint, Width: 8, Base: BaseHex}
		for bit := range 8 {
			f[base+6+bit] = Field{Name: "lacp." + who + ".state." + lacpStateBitNames[bit], Label: lacpStateLabels[bit], Kind: KindBool, Width: 8, Mask: 1 << bit}
		}
		f[lacpStateStr+2*k] = Field{Name: "lacp." + who + ".state_str", Label: title + " State Flags", Kind: KindString, Generated: true}
		f[lacpReserved+2*k] = Field{Name: "lacp." + who + ".reserved", Label: "Reserved", Kind: KindBytes}
	}
	f[lacpCollReserved] = Field{Name: "lacp.coll_reserved", Label: "Reserved", Kind: KindBytes}
	f[lacpPad] = Field{Name: "lacp.pad", Label: "Pad", Kind: KindBytes}
	f[lacpCollectorMaxDelay] = Field{Name: "lacp.collector.max_delay", Label: "Collector Max Delay", Kind: KindUint, Width: 16}
	return f
}()

var (
	protoSlow = protoField("slow", "Slow Protocols")
	protoLACP = protoField("lacp", "Link Aggregation Control Protocol")
)

// emitSlow emits the Slow Protocols subtype. rawcap names the LACP
// subtype only: the others are data.
func emitSlow(e *emitter, i int) {
	l := &e.d.layers[i]
	e.Proto(&protoSlow)
	if l.End <= l.Start || e.d.data[l.Start] != slowSubtypeLACP {
		e.NoTree()
	}
	if l.End > l.Start {
		e.Uint(&lacpFields[slowSubtype], uint64(e.d.data[l.Start]))
	}
	e.End()
}

// emitLACP emits the LACPDU's fields, as far as its TLVs were captured, in
// the order and nesting of tshark's tree, which is drawn from them
// (treefields.go). The tree stops at the first TLV that is not the one
// expected there; of a TLV cut short it shows what was captured.
func emitLACP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoLACP)
	b := d.data[l.Start:l.End]
	f := &lacpFields
	if len(b) < 1 {
		e.NoTree()
		e.End()
		return
	}
	e.Uint(&f[lacpVersion], uint64(b[0]))
	drawn := true
	nt := func() {
		if !drawn {
			e.NoTree()
		}
	}
	// Each field as far as its bytes were captured, as tshark adds them
	// until it runs out.
	for k, base := range [2]int{lacpActorSysPrio, lacpPartnerSysPrio} {
		t := b[min(len(b), 1+20*k):]
		if len(t) < 2 {
			e.End()
			return
		}
		drawn = drawn && t[0] == uint8(k+1) && t[1] == 20
		e.Uint(&f[lacpTLVType], uint64(t[0]))
		nt()
		e.Uint(&f[lacpTLVLen], uint64(t[1]))
		nt()
		if len(t) >= 4 {
			e.Uint(&f[base], uint64(be16(t[2:])))
			nt()
		}
		if len(t) < 20 {
			e.End()
			return
		}
		e.MAC(&f[base+1], MAC(t[4:10]))
		nt()
		e.Uint(&f[base+2], uint64(be16(t[10:])))
		nt()
		e.Uint(&f[base+3], uint64(be16(t[12:])))
		nt()
		e.Uint(&f[base+4], uint64(be16(t[14:])))
		nt()
		s := t[16]
		e.Uint(&f[base+5], uint64(s))
		nt()
		if drawn && e.Tree() {
			b := append(append(e.Text(), f[base+5].Label...), ": 0x"...)
			b = appendHex2(b, s)
			for bit := range 8 {
				b = appendSetFlags(b, uint64(s), &f[base+6+bit])
			}
			e.SetRepr(b)
		}
		e.Sub()
		for bit := range 8 {
			e.Bool(&f[base+6+bit], s&(1<<bit) != 0)
			nt()
		}
		e.Up()
		e.TextDone(&f[lacpStateStr+2*k], lacpStateLetters(e.Text(), s))
		nt()
		e.Bytes(&f[lacpReserved+2*k], t[17:20])
		nt()
	}
	if c := b[min(len(b), 41):]; len(c) >= 2 {
		drawn = drawn && c[0] == 3 && c[1] == 16
		e.Uint(&f[lacpTLVType], uint64(c[0]))
		nt()
		e.Uint(&f[lacpTLVLen], uint64(c[1]))
		nt()
		if len(c) >= 4 {
			e.Uint(&f[lacpCollectorMaxDelay], uint64(be16(c[2:])))
			nt()
		}
		if len(c) >= 16 {
			e.Bytes(&f[lacpCollReserved], c[4:16])
			nt()
		}
		if t := c[min(len(c), 16):]; len(t) >= 2 {
			drawn = drawn && t[0] == 0 && t[1] == 0
			e.Uint(&f[lacpTLVType], uint64(t[0]))
			nt()
			e.Uint(&f[lacpTLVLen], uint64(t[1]))
			nt()
			if len(t) >= 2+50 {
				e.Bytes(&f[lacpPad], t[2:52])
				nt()
			}
		}
	}
	e.End()
}

// lacpStateLetters appends Wireshark's state flags summary ("**DCSG*A"):
// from the expired bit down, a letter for each set bit, "*" otherwise.
func lacpStateLetters(b []byte, s uint8) []byte {
	const letters = "EFDCSGSA"
	for k := 7; k >= 0; k-- {
		if s&(1<<k) != 0 {
			b = append(b, letters[7-k])
		} else {
			b = append(b, '*')
		}
	}
	return b
}

// infoLACP appends tshark's Info: "v1 ACTOR 02:00:00:00:00:01 P: 1 K: 1
// **DCSG*A PARTNER 02:00:00:00:00:02 P: 2 K: 1 **DCSGSA".
func infoLACP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	p := d.data[l.Start:l.End]
	if len(p) < 1 {
		return b
	}
	b = append(b, 'v')
	b = strconv.AppendUint(b, uint64(p[0]), 10)
	for k, who := range [2]string{" ACTOR ", " PARTNER "} {
		tl := p[min(len(p), 1+20*k):]
		if len(tl) < 20 {
			break
		}
		b = append(b, who...)
		b = MAC(tl[4:10]).AppendTo(b)
		b = append(b, " P: "...)
		b = strconv.AppendUint(b, uint64(be16(tl[14:])), 10)
		b = append(b, " K: "...)
		b = strconv.AppendUint(b, uint64(be16(tl[10:])), 10)
		b = append(b, ' ')
		b = lacpStateLetters(b, tl[16])
	}
	return b
}

// lineSlow appends tcpdump's "LACPv1, length 110" and, with -v, each TLV
// (with -vv its bytes in hex), for the LACP subtype.
func (p *LinePrinter) lineSlow(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	data := d.data[l.Start:]
	length := len(data)
	if p.wire > l.Start {
		length = p.wire - l.Start
	}
	if len(data) < 2 {
		return append(b, " [|slow]"...)
	}
	b = append(b, "LACPv"...)
	b = strconv.AppendUint(b, uint64(data[1]), 10)
	b = append(b, ", length "...)
	b = strconv.AppendInt(b, int64(length), 10)
	if p.Options.Verbose == 0 {
		return b
	}
	left := length - 2
	for off := 2; left > 0; {
		if off+2 > len(data) {
			return append(b, " [|slow]"...)
		}
		typ, n := data[off], int(data[off+1])
		b = append(b, "\n\t"...)
		switch typ {
		case 0:
			b = append(b, "Terminator"...)
		case 1:
			b = append(b, "Actor Information"...)
		case 2:
			b = append(b, "Partner Information"...)
		case 3:
			b = append(b, "Collector Information"...)
		default:
			b = append(b, "Unknown"...)
		}
		b = append(b, " TLV (0x"...)
		b = appendHex2(b, typ)
		b = append(b, "), length "...)
		b = strconv.AppendInt(b, int64(n), 10)
		if typ == 0 && n == 0 {
			return b
		}
		if n < 2 || left < n {
			return append(b, "\n\t\t packet is too short"...)
		}
		if off+n > len(data) {
			return append(b, " [|slow]"...)
		}
		v := data[off+2 : off+n]
		switch {
		case (typ == 1 || typ == 2) && len(v) >= 18:
			b = append(b, "\n\t  System "...)
			b = MAC(v[2:8]).AppendTo(b)
			b = append(b, ", System Priority "...)
			b = strconv.AppendUint(b, uint64(be16(v)), 10)
			b = append(b, ", Key "...)
			b = strconv.AppendUint(b, uint64(be16(v[8:])), 10)
			b = append(b, ", Port "...)
			b = strconv.AppendUint(b, uint64(be16(v[12:])), 10)
			b = append(b, ", Port Priority "...)
			b = strconv.AppendUint(b, uint64(be16(v[10:])), 10)
			b = append(b, "\n\t  State Flags ["...)
			b = appendTokBits(b, uint32(v[14]), lacpStateBits, lacpTcpdumpStates, "none")
			b = append(b, ']')
		case typ == 3 && len(v) >= 2:
			b = append(b, "\n\t  Max Delay "...)
			b = strconv.AppendUint(b, uint64(be16(v)), 10)
		}
		if p.Options.Verbose > 1 {
			b = appendHexDumpLines(b, v, "\n\t  ")
		}
		off += n
		left -= n
	}
	return b
}

var lacpStateBits = []uint32{1, 2, 4, 8, 16, 32, 64, 128}

// lacpTcpdumpStates are tcpdump's names of the state bits, from bit 0.
var lacpTcpdumpStates = []string{"Activity", "Timeout", "Aggregation", "Synchronization", "Collecting", "Distributing", "Default", "Expired"}
