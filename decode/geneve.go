package decode

import "strconv"

// Geneve is a Geneve header (RFC 8926), carried in UDP (port 6081) before
// the packet it tunnels, with its options:
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|Ver|  Opt Len  |O|C|    Rsvd.  |          Protocol Type        |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|        Virtual Network Identifier (VNI)       |    Reserved   |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                    Variable-Length Options                    |
//
// Each option is a class (16 bits), a type (8 bits, the top bit marking a
// critical option), three reserved bits, a length in 4-byte words (5 bits)
// and its data.
type Geneve []byte

const genevePort = 6081

const geneveFixedLen = 8

// ParseGeneve returns the Geneve header, options included, at the start of
// b.
func ParseGeneve(b []byte) (Geneve, error) {
	if len(b) < geneveFixedLen {
		return nil, ReasonTruncated
	}
	n := geneveFixedLen + int(b[0]&0x3f)*4
	if n > len(b) {
		return nil, ReasonTruncated
	}
	return Geneve(b[:n:n]), nil
}

// Version returns the version (0).
func (g Geneve) Version() uint8 { return g[0] >> 6 }

// OptionsLen returns the length of the options in bytes.
func (g Geneve) OptionsLen() int { return int(g[0]&0x3f) * 4 }

// Flags returns the flags byte: 0x80 OAM, 0x40 critical options present.
func (g Geneve) Flags() uint8 { return g[1] }

// Protocol returns the EtherType of the tunnelled packet (0x6558 for an
// Ethernet frame).
func (g Geneve) Protocol() uint16 { return be16(g[2:]) }

// VNI returns the 24-bit virtual network identifier.
func (g Geneve) VNI() uint32 { return be32(g[4:]) >> 8 }

// Reserved returns the byte after the VNI.
func (g Geneve) Reserved() uint8 { return g[7] }

// Options returns the options' bytes.
func (g Geneve) Options() []byte { return g[geneveFixedLen:] }

// GeneveOption is one option: its class, type, flags and data.
type GeneveOption struct {
	Class uint16
	Type  uint8
	Flags uint8 // the three reserved bits, in place (0xe0)
	Data  []byte
}

// NextOption returns the option at off within opts and the offset of the
// next; ok is false at the end or when the option's length runs past opts.
func NextGeneveOption(opts []byte, off int) (o GeneveOption, next int, ok bool) {
	if off+4 > len(opts) {
		return o, len(opts), false
	}
	n := 4 + int(opts[off+3]&0x1f)*4
	if off+n > len(opts) {
		return o, len(opts), false
	}
	return GeneveOption{Class: be16(opts[off:]), Type: opts[off+2], Flags: opts[off+3] & 0xe0, Data: opts[off+4 : off+n]}, off + n, true
}

func (d *Decoder) decodeGeneve(l *Layer) LayerType {
	g, err := ParseGeneve(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + len(g)
	if l.Payload == l.End {
		return LayerNone
	}
	if g.Protocol() == EtherTypeTEB {
		return LayerEthernet
	}
	return etherTypeLayer(g.Protocol())
}

// The fields, as Wireshark registers them.
const (
	geneveVersion = iota
	geneveOptions
	geneveFlags
	geneveFlagsOAM
	geneveFlagsCritical
	geneveFlagsReserved
	geneveProtoType
	geneveVNI
	geneveReserved
	geneveOption
	geneveOptionClass
	geneveOptionType
	geneveOptionTypeCritical
	geneveOptionFlags
	geneveOptionFlagsReserved
	geneveOptionLength
	geneveOptionUnknownData
	geneveFieldCount
)

var geneveFields = [geneveFieldCount]Field{
	geneveVersion:             {Name: "geneve.version", Label: "Version", Kind: KindUint, Width: 8},
	geneveOptions:             {Name: "geneve.options", Label: "Geneve Options", Kind: KindBytes},
	geneveFlags:               {Name: "geneve.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	geneveFlagsOAM:            {Name: "geneve.flags.oam", Label: "Operations, Administration and Management Frame", Kind: KindBool, Width: 8, Mask: 0x80},
	geneveFlagsCritical:       {Name: "geneve.flags.critical", Label: "Critical Options Present", Kind: KindBool, Width: 8, Mask: 0x40},
	geneveFlagsReserved:       {Name: "geneve.flags.reserved", Label: "Reserved", Kind: KindBool, Width: 8, Mask: 0x3f},
	geneveProtoType:           {Name: "geneve.proto_type", Label: "Protocol Type", Kind: KindUint, Width: 16, Base: BaseHex},
	geneveVNI:                 {Name: "geneve.vni", Label: "Virtual Network Identifier (VNI)", Kind: KindUint, Width: 24, Base: BaseHexDec},
	geneveReserved:            {Name: "geneve.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex},
	geneveOption:              {Name: "geneve.option", Label: "Option", Kind: KindBytes},
	geneveOptionClass:         {Name: "geneve.option.class", Label: "Class", Kind: KindUint, Width: 16, Base: BaseHex},
	geneveOptionType:          {Name: "geneve.option.type", Label: "Type", Kind: KindUint, Width: 8, Base: BaseHex},
	geneveOptionTypeCritical:  {Name: "geneve.option.type.critical", Label: "Critical Option", Kind: KindBool, Width: 8, Mask: 0x80},
	geneveOptionFlags:         {Name: "geneve.option.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	geneveOptionFlagsReserved: {Name: "geneve.option.flags.reserved", Label: "Reserved", Kind: KindBool, Width: 8, Mask: 0xe0},
	geneveOptionLength:        {Name: "geneve.option.length", Label: "Length", Kind: KindUint, Width: 8, Unit: " bytes"},
	geneveOptionUnknownData:   {Name: "geneve.option.unknown.data", Label: "Unknown Option Data", Kind: KindBytes},
}

var protoGeneve = protoField("geneve", "Generic Network Virtualization Encapsulation")

// emitGeneve emits the header's fields and each option's, in the order and
// nesting of tshark's tree, which is drawn from them (treefields.go).
// tshark shows the options' length as geneve.option.length, and keeps a
// zero reserved byte and an option's flags and critical bit out of its
// tree.
func emitGeneve(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoGeneve)
	if l.Malformed != "" {
		e.End()
		return
	}
	g := Geneve(d.data[l.Start:l.Payload])
	if e.Tree() {
		b := append(e.Text(), protoGeneve.Label...)
		b = append(b, ", VNI: 0x"...)
		b = appendHexN(b, uint64(g.VNI()), 6)
		if g.Flags()&0x80 != 0 {
			b = append(b, ", OAM"...)
		}
		e.SetRepr(b)
	}
	f := &geneveFields
	e.Uint(&f[geneveVersion], uint64(g.Version()))
	e.Uint(&f[geneveOptionLength], uint64(g.OptionsLen()))
	flags := uint64(g.Flags())
	e.Uint(&f[geneveFlags], flags)
	if e.Tree() {
		b := append(e.Text(), "Flags: 0x"...)
		b = appendHex2(b, g.Flags())
		e.SetRepr(appendSetFlags(b, flags, &f[geneveFlagsOAM], &f[geneveFlagsCritical], &f[geneveFlagsReserved]))
	}
	e.Sub()
	e.BoolBits(&f[geneveFlagsOAM], flags)
	e.BoolBits(&f[geneveFlagsCritical], flags)
	e.BoolBits(&f[geneveFlagsReserved], flags)
	e.Up()
	e.Uint(&f[geneveProtoType], uint64(g.Protocol()))
	e.Uint(&f[geneveVNI], uint64(g.VNI()))
	e.Uint(&f[geneveReserved], uint64(g.Reserved()))
	if g.Reserved() == 0 {
		e.NoTree()
	}
	if len(g.Options()) == 0 {
		e.End()
		return
	}
	e.Bytes(&f[geneveOptions], g.Options())
	if e.Tree() {
		b := append(e.Text(), "Options: ("...)
		b = strconv.AppendInt(b, int64(g.OptionsLen()), 10)
		b = append(b, " bytes)"...)
		e.SetRepr(b)
	}
	e.Sub()
	for off := 0; ; {
		o, next, ok := NextGeneveOption(g.Options(), off)
		if !ok {
			break
		}
		e.Bytes(&f[geneveOption], g.Options()[off:next])
		off = next
		if e.Tree() {
			b := append(e.Text(), "Unknown, Class: "...)
			b = appendGeneveClass(b, o.Class)
			b = append(b, " Type: "...)
			e.SetRepr(appendGeneveType(b, o.Type))
		}
		e.Sub()
		e.Uint(&f[geneveOptionClass], uint64(o.Class))
		if e.Tree() {
			e.SetRepr(appendGeneveClass(append(e.Text(), "Class: "...), o.Class))
		}
		e.Uint(&f[geneveOptionType], uint64(o.Type))
		if e.Tree() {
			e.SetRepr(appendGeneveType(append(e.Text(), "Type: "...), o.Type))
		}
		e.BoolBits(&f[geneveOptionTypeCritical], uint64(o.Type))
		e.NoTree()
		e.Uint(&f[geneveOptionFlags], uint64(o.Flags))
		e.NoTree()
		e.BoolBits(&f[geneveOptionFlagsReserved], uint64(o.Flags))
		e.NoTree()
		e.Uint(&f[geneveOptionLength], uint64(4+len(o.Data)))
		e.Bytes(&f[geneveOptionUnknownData], o.Data)
		e.Up()
	}
	e.Up()
	e.End()
}

// geneveClassName returns Wireshark's name of an option class.
func geneveClassName(c uint16) string {
	switch {
	case c <= 0xff:
		return "Standard"
	case c == 0x100:
		return "Linux"
	case c == 0x101:
		return "Open vSwitch"
	case c == 0x102:
		return "Open Virtual Networking (OVN)"
	case c == 0x103:
		return "In-band Network Telemetry (INT)"
	case c == 0x104:
		return "VMware"
	case c == 0x105 || c >= 0x108 && c <= 0x110:
		return "Amazon.com, Inc."
	case c == 0x106 || c == 0x130 || c == 0x131:
		return "Cisco Systems, Inc."
	case c == 0x107:
		return "Oracle Corporation"
	case c >= 0x111 && c <= 0x118:
		return "IBM"
	case c >= 0x119 && c <= 0x128:
		return "Ericsson"
	case c == 0x129:
		return "Oxide Computer Company"
	case c >= 0x132 && c <= 0x135:
		return "Google LLC"
	case c == 0x136:
		return "InfoQuick Global Connection Tech Ltd."
	case c >= 0xfff0:
		return "Experimental"
	}
	return "Unassigned"
}

// infoGeneve appends the Info column of a Geneve header that is the
// packet's last decoded layer: tshark's "Encapsulated 0x1234 (unknown)"
// when it carries a protocol Wireshark has no name for.
func infoGeneve(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" || l.Payload == l.End {
		return b
	}
	g := Geneve(d.data[l.Start:l.Payload])
	if geneveFields[geneveProtoType].ValueNames().Name(uint64(g.Protocol())) != "" {
		return b
	}
	b = append(b, "Encapsulated 0x"...)
	b = appendHex4(b, g.Protocol())
	return append(b, " (unknown)"...)
}

func appendGeneveClass(b []byte, c uint16) []byte {
	b = append(b, geneveClassName(c)...)
	b = append(b, " (0x"...)
	b = appendHex4(b, c)
	return append(b, ')')
}

func appendGeneveType(b []byte, typ uint8) []byte {
	b = append(b, "0x"...)
	b = appendHex2(b, typ)
	if typ&0x80 != 0 {
		return append(b, " (Critical)"...)
	}
	return append(b, " (Non-critical)"...)
}

// lineGeneve appends tcpdump's "Geneve, Flags [C], vni 0xa, options [8
// bytes]" and the tunnelled packet: after ": ", or on a new line with -v.
// With -q tcpdump prints only "UDP, length N".
func (p *LinePrinter) lineGeneve(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if p.Options.Quiet {
		return appendUDPLength(b, udpTunnelLen(d, i))
	}
	b = append(b, "Geneve"...)
	raw := d.data[l.Start:l.End]
	if len(raw) < geneveFixedLen {
		return append(b, " [|geneve]"...)
	}
	g := Geneve(raw[:geneveFixedLen])
	if l.Malformed == "" {
		g = Geneve(d.data[l.Start:l.Payload])
	}
	b = append(b, ", Flags ["...)
	switch {
	case g.Flags()&0xc0 == 0:
		b = append(b, "none"...)
	default:
		if g.Flags()&0x80 != 0 {
			b = append(b, 'O')
		}
		if g.Flags()&0x40 != 0 {
			b = append(b, 'C')
		}
	}
	b = append(b, "], vni 0x"...)
	b = strconv.AppendUint(b, uint64(g.VNI()), 16)
	if p.Options.Link || g.Protocol() != EtherTypeTEB {
		b = append(b, ", proto "...)
		if g.Protocol() == EtherTypeTEB {
			b = append(b, "TEB"...)
		} else {
			b = append(b, etherTypeName(g.Protocol())...)
		}
		b = append(b, " (0x"...)
		b = appendHex4(b, g.Protocol())
		b = append(b, ')')
	}
	if l.Malformed != "" {
		// The options run past the captured bytes.
		b = append(b, " truncated-geneve - "...)
		b = strconv.AppendInt(b, int64(geneveFixedLen+g.OptionsLen()-len(raw)), 10)
		return append(b, " bytes missing"...)
	}
	if n := g.OptionsLen(); n > 0 {
		b = append(b, ", options ["...)
		if p.Options.Verbose > 0 {
			b = p.appendGeneveOptions(b, g.Options())
		} else {
			b = strconv.AppendInt(b, int64(n), 10)
			b = append(b, " bytes"...)
		}
		b = append(b, ']')
	}
	if p.Options.Verbose > 0 {
		b = append(b, "\n\t"...)
	} else {
		b = append(b, ": "...)
	}
	if i+1 >= d.n {
		return b
	}
	return p.lineInner(b, d, i+1)
}

// appendGeneveOptions appends each option as tcpdump -v does ("class
// Standard (0x0) type 0x80(C) len 8"), with its data words from -vv.
func (p *LinePrinter) appendGeneveOptions(b []byte, opts []byte) []byte {
	for off, k := 0, 0; ; k++ {
		o, next, ok := NextGeneveOption(opts, off)
		if !ok {
			break
		}
		off = next
		if k > 0 {
			b = append(b, ", "...)
		}
		b = append(b, "class "...)
		if o.Class <= 0xff {
			b = append(b, "Standard"...)
		} else {
			b = append(b, "Unknown"...)
		}
		b = append(b, " (0x"...)
		b = strconv.AppendUint(b, uint64(o.Class), 16)
		b = append(b, ") type 0x"...)
		b = strconv.AppendUint(b, uint64(o.Type), 16)
		if o.Type&0x80 != 0 {
			b = append(b, "(C)"...)
		}
		b = append(b, " len "...)
		b = strconv.AppendInt(b, int64(4+len(o.Data)), 10)
		if p.Options.Verbose > 1 && len(o.Data) > 0 {
			b = append(b, " data"...)
			for w := 0; w+4 <= len(o.Data); w += 4 {
				b = append(b, ' ')
				b = appendHexN(b, uint64(be32(o.Data[w:])), 8)
			}
		}
	}
	return b
}
