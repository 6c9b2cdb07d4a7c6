package decode

import "strconv"

// MPLS is an MPLS label stack (RFC 3032), after the EtherTypes 0x8847
// (unicast) and 0x8848 (multicast): 4-byte entries up to the one with the
// bottom-of-stack bit:
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                Label                  | TC  |S|       TTL     |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// What follows the stack is not announced: IPv4 and IPv6 are recognized by
// their first nibble, as Wireshark and tcpdump do.
type MPLS []byte

// The MPLS EtherTypes.
const (
	EtherTypeMPLS      = 0x8847
	EtherTypeMPLSMulti = 0x8848
)

// ParseMPLS returns the label stack at the start of b, up to and including
// its bottom entry; ReasonTruncated when b ends first (the entries there
// are are returned).
func ParseMPLS(b []byte) (MPLS, error) {
	n := 0
	for n+4 <= len(b) {
		n += 4
		if b[n-2]&1 != 0 {
			return MPLS(b[:n:n]), nil
		}
	}
	return MPLS(b[:n:n]), ReasonTruncated
}

// Entries returns the number of entries in the stack.
func (m MPLS) Entries() int { return len(m) / 4 }

// Entry returns entry k: its label, traffic class, bottom bit and TTL.
func (m MPLS) Entry(k int) (label uint32, tc uint8, bottom bool, ttl uint8) {
	v := be32(m[4*k:])
	return v >> 12, uint8(v>>9) & 7, v&0x100 != 0, uint8(v)
}

func (d *Decoder) decodeMPLS(l *Layer) LayerType {
	m, err := ParseMPLS(d.bytes(l))
	l.Payload = l.Start + len(m)
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	if l.Payload == l.End {
		return LayerNone
	}
	switch d.data[l.Payload] >> 4 {
	case 4:
		return LayerIPv4
	case 6:
		return LayerIPv6
	case 0, 1:
		// A pseudowire (its control word, or an Ethernet frame found by
		// Wireshark's heuristics): not decoded, and not shown as data.
		l.Payload = l.End
		return LayerNone
	}
	return LayerPayload
}

// The fields, as Wireshark registers them.
const (
	mplsLabel = iota
	mplsExp
	mplsBottom
	mplsTTL
	mplsFieldCount
)

var mplsFields = [mplsFieldCount]Field{
	mplsLabel:  {Name: "mpls.label", Label: "MPLS Label", Kind: KindUint, Width: 32, Base: BaseDecHex, Mask: 0xfffff000, Digits: 5, Values: &ValueNames{}},
	mplsExp:    {Name: "mpls.exp", Label: "MPLS Experimental Bits", Kind: KindUint, Width: 32, Mask: 0xe00},
	mplsBottom: {Name: "mpls.bottom", Label: "MPLS Bottom Of Label Stack", Kind: KindUint, Width: 32, Mask: 0x100},
	mplsTTL:    {Name: "mpls.ttl", Label: "MPLS TTL", Kind: KindUint, Width: 32, Mask: 0xff},
}

var protoMPLS = protoField("mpls", "MultiProtocol Label Switching Header")

// mplsLabelSpecial is Wireshark's second mpls.label, of the reserved
// labels (0 to 15), named ("IPv4 Explicit-Null (0)", "Unknown (5)"): the
// tree draws a reserved label's line from it. (It is not in the table:
// the other outputs show the label as mplsLabel.)
var mplsLabelSpecial = Field{Name: "mpls.label", Label: "MPLS Label", Kind: KindUint, Width: 32, Mask: 0xfffff000}

// emitMPLS emits each entry's fields. tshark's tree, drawn from them
// (treefields.go), shows each entry as a protocol of its own, titled with
// its values: in a tree list each entry opens protocol mpls again.
func emitMPLS(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoMPLS)
	m := MPLS(d.data[l.Start : l.Start+(l.Payload-l.Start)/4*4])
	f := &mplsFields
	for k := range m.Entries() {
		label, tc, _, ttl := m.Entry(k)
		v := uint64(be32(m[4*k:]))
		if e.Tree() {
			if k > 0 {
				e.End()
				e.Proto(&protoMPLS)
			}
			b := append(e.Text(), "MultiProtocol Label Switching Header, Label: "...)
			b = strconv.AppendUint(b, uint64(label), 10)
			if name := mplsLabelName(label); name != "" {
				b = append(b, " ("...)
				b = append(b, name...)
				b = append(b, ')')
			} else if label <= 15 {
				b = append(b, " (Reserved - Unknown)"...)
			}
			b = append(b, ", Exp: "...)
			b = strconv.AppendUint(b, uint64(tc), 10)
			b = append(b, ", S: "...)
			b = strconv.AppendUint(b, v>>8&1, 10)
			b = append(b, ", TTL: "...)
			e.SetRepr(strconv.AppendUint(b, uint64(ttl), 10))
		}
		e.UintBits(&f[mplsLabel], v)
		if e.Tree() && label <= 15 {
			r := FieldRec{Field: &mplsLabelSpecial, u: uint64(label)}
			e.SetRepr(appendFieldLine(e.Text(), e.FieldList, &r))
		}
		e.UintBits(&f[mplsExp], v)
		e.UintBits(&f[mplsBottom], v)
		e.UintBits(&f[mplsTTL], v)
	}
	e.End()
}

// mplsLabelName returns Wireshark's name of a reserved label, or "".
func mplsLabelName(label uint32) string {
	switch label {
	case 0:
		return "IPv4 Explicit-Null"
	case 1:
		return "Router Alert"
	case 2:
		return "IPv6 Explicit-Null"
	case 3:
		return "Implicit-Null"
	case 7:
		return "Entropy Label Indicator (ELI)"
	case 13:
		return "Generic Associated Channel Label (GAL)"
	case 14:
		return "OAM Alert"
	}
	return ""
}

// mplsTcpdumpName returns tcpdump's name of a reserved label (0 to 15),
// which -v prints after the label.
func mplsTcpdumpName(label uint32) string {
	switch label {
	case 0:
		return "IPv4 explicit NULL"
	case 1:
		return "router alert"
	case 2:
		return "IPv6 explicit NULL"
	case 3:
		return "implicit NULL"
	}
	return "rsvd"
}

// lineMPLS appends tcpdump's "MPLS (label 16, tc 0, [S], ttl 64)" for each
// entry, then what follows the stack: the IP packet, or a hex dump.
func (p *LinePrinter) lineMPLS(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	m := MPLS(d.data[l.Start : l.Start+(l.Payload-l.Start)/4*4])
	sep := " "
	if p.Options.Verbose > 0 {
		sep = "\n\t"
	}
	b = append(b, "MPLS"...)
	length := l.End - l.Start
	if p.wire > l.Start {
		length = p.wire - l.Start
	}
	for k := range m.Entries() {
		label, tc, bottom, ttl := m.Entry(k)
		if k == 0 {
			b = append(b, " (label "...)
		} else {
			b = append(b, sep...)
			b = append(b, "(label "...)
		}
		b = strconv.AppendUint(b, uint64(label), 10)
		if p.Options.Verbose > 0 && label < 16 {
			b = append(b, " ("...)
			b = append(b, mplsTcpdumpName(label)...)
			b = append(b, ')')
		}
		b = append(b, ", tc "...)
		b = strconv.AppendUint(b, uint64(tc), 10)
		if bottom {
			b = append(b, ", [S]"...)
		}
		b = append(b, ", ttl "...)
		b = strconv.AppendUint(b, uint64(ttl), 10)
		b = append(b, ')')
	}
	if l.Malformed != "" {
		if len(d.data) < p.wire {
			return append(b, " [|mpls]"...)
		}
		return append(b, " (invalid)"...)
	}
	rest := d.data[l.Start+len(m) : l.End]
	if length-len(m) <= 0 {
		return b
	}
	if i+1 < d.n && (d.layers[i+1].Type == LayerIPv4 || d.layers[i+1].Type == LayerIPv6) {
		b = append(b, sep...)
		return p.lineLayer(b, d, i+1)
	}
	return p.defaultPrint(b, rest)
}
