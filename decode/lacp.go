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
		l.Type = LayerPayload
		l.Payload = l.Start
		return LayerNone
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
	lacpFieldCount        = lacpCollectorMaxDelay + 1
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
	}
	f[lacpCollectorMaxDelay] = Field{Name: "lacp.collector.max_delay", Label: "Collector Max Delay", Kind: KindUint, Width: 16}
	return f
}()

var (
	protoSlow = protoField("slow", "Slow Protocols")
	protoLACP = protoField("lacp", "Link Aggregation Control Protocol")
)

// emitSlow emits the Slow Protocols subtype.
func emitSlow(e *emitter, i int) {
	l := &e.d.layers[i]
	e.Proto(&protoSlow)
	if l.End > l.Start {
		e.Uint(&lacpFields[slowSubtype], uint64(e.d.data[l.Start]))
	}
	e.End()
}

// emitLACP emits the LACPDU's fields, as far as its TLVs were captured.
func emitLACP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoLACP)
	b := d.data[l.Start:l.End]
	f := &lacpFields
	if len(b) >= 1 {
		e.Uint(&f[lacpVersion], uint64(b[0]))
	}
	// Each field as far as its bytes were captured, as tshark adds them
	// until it runs out.
	for k, base := range [2]int{lacpActorSysPrio, lacpPartnerSysPrio} {
		t := b[min(len(b), 1+20*k):]
		if len(t) < 2 {
			e.End()
			return
		}
		e.Uint(&f[lacpTLVType], uint64(t[0]))
		e.Uint(&f[lacpTLVLen], uint64(t[1]))
		if len(t) >= 4 {
			e.Uint(&f[base], uint64(be16(t[2:])))
		}
		if len(t) < 20 {
			e.End()
			return
		}
		e.MAC(&f[base+1], MAC(t[4:10]))
		e.Uint(&f[base+2], uint64(be16(t[10:])))
		e.Uint(&f[base+3], uint64(be16(t[12:])))
		e.Uint(&f[base+4], uint64(be16(t[14:])))
		e.Uint(&f[base+5], uint64(t[16]))
		for bit := range 8 {
			e.Bool(&f[base+6+bit], t[16]&(1<<bit) != 0)
		}
	}
	if c := b[min(len(b), 41):]; len(c) >= 2 {
		e.Uint(&f[lacpTLVType], uint64(c[0]))
		e.Uint(&f[lacpTLVLen], uint64(c[1]))
		if len(c) >= 4 {
			e.Uint(&f[lacpCollectorMaxDelay], uint64(be16(c[2:])))
		}
		if t := c[min(len(c), 16):]; len(t) >= 2 {
			e.Uint(&f[lacpTLVType], uint64(t[0]))
			e.Uint(&f[lacpTLVLen], uint64(t[1]))
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

// lacpStateValues are Wireshark's words for each state bit clear and set.
var lacpStateValues = [8][2]string{{"Passive", "Active"}, {"Long Timeout", "Short Timeout"}, {"Individual", "Aggregatable"},
	{"Out of Sync", "In Sync"}, {"Disabled", "Enabled"}, {"Disabled", "Enabled"}, {"No", "Yes"}, {"No", "Yes"}}

// treeSlow appends the Slow Protocols subtree.
func treeSlow(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	if l.End <= l.Start || d.data[l.Start] != slowSubtypeLACP {
		return // rawcap names the LACP subtype only
	}
	t.head("Slow Protocols")
	t.end()
	t.depth = 1
	t.str("Slow Protocols subtype", "LACP (0x01)")
}

// treeLACP appends the Link Aggregation Control Protocol subtree as tshark
// -V shows it, up to the Collector TLV.
func treeLACP(t *treeWriter, d *Decoder, i int) {
	l := &d.layers[i]
	b := d.data[l.Start:l.End]
	if len(b) < 1 {
		return
	}
	t.head("Link Aggregation Control Protocol")
	t.end()
	t.depth = 1
	t.hex("LACP Version", uint64(b[0]), 2)
	for k, who := range [2]string{"Actor", "Partner"} {
		tl := b[min(len(b), 1+20*k):]
		if len(tl) < 20 || tl[0] != uint8(k+1) || tl[1] != 20 {
			return
		}
		t.depth = 1
		t.line()
		t.b = append(t.b, "TLV Type: "...)
		t.b = append(t.b, who...)
		t.b = append(t.b, " Information (0x0"...)
		t.b = append(t.b, byte('1'+k))
		t.b = append(t.b, ")\n"...)
		t.str("TLV Length", "0x14")
		t.int(who+" System Priority", int(be16(tl[2:])))
		t.line()
		t.b = append(t.b, who...)
		if k == 0 {
			t.b = append(t.b, " System ID: "...)
		} else {
			t.b = append(t.b, " System: "...)
		}
		t.b = MAC(tl[4:10]).AppendTo(t.b)
		t.end()
		t.int(who+" Key", int(be16(tl[10:])))
		t.int(who+" Port Priority", int(be16(tl[12:])))
		t.int(who+" Port", int(be16(tl[14:])))
		s := tl[16]
		t.line()
		t.b = append(t.b, who...)
		t.b = append(t.b, " State: 0x"...)
		t.b = appendHex2(t.b, s)
		for bit := range 8 {
			if s&(1<<bit) != 0 {
				t.b = append(t.b, ", "...)
				t.b = append(t.b, lacpStateLabels[bit]...)
			}
		}
		t.end()
		t.depth = 2
		for bit := range 8 {
			t.bits(uint64(s), 8, 1<<bit, lacpStateLabels[bit])
			t.b = append(t.b, lacpStateValues[bit][s>>bit&1]...)
			t.end()
		}
		t.depth = 1
		t.line()
		t.b = append(t.b, '[')
		t.b = append(t.b, who...)
		t.b = append(t.b, " State Flags: "...)
		t.b = lacpStateLetters(t.b, s)
		t.b = append(t.b, "]\n"...)
		t.line()
		t.b = append(t.b, "Reserved: "...)
		t.b = appendHexBytes(t.b, tl[17:20])
		t.end()
	}
	if c := b[min(len(b), 41):]; len(c) >= 16 && c[0] == 3 && c[1] == 16 {
		t.str("TLV Type", "Collector Information (0x03)")
		t.str("TLV Length", "0x10")
		t.int("Collector Max Delay", int(be16(c[2:])))
		t.line()
		t.b = append(t.b, "Reserved: "...)
		t.b = appendHexBytes(t.b, c[4:16])
		t.end()
		if e := c[16:]; len(e) >= 2+50 && e[0] == 0 && e[1] == 0 {
			t.str("TLV Type", "Terminator (0x00)")
			t.str("TLV Length", "0x00")
			t.line()
			t.b = append(t.b, "Pad: "...)
			t.b = appendWSBytes(t.b, e[2:52])
			t.end()
		}
	}
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
