package decode

// IPComp is an IP Payload Compression header (RFC 3173), IP protocol 108,
// before the compressed payload:
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|  Next Header  |     Flags     | Compression Parameter Index |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// rawcap leaves the compressed payload as data. tshark inflates a DEFLATE
// payload and dissects the packet inside; tcpdump stops at the header.
type IPComp []byte

const (
	IPProtoIPComp = 108
	ipcompLen     = 4
)

// ParseIPComp returns the IPComp header at the start of b.
func ParseIPComp(b []byte) (IPComp, error) {
	if len(b) < ipcompLen {
		return nil, ReasonTruncated
	}
	return IPComp(b[:ipcompLen:ipcompLen]), nil
}

// NextHeader returns the IP protocol of the compressed packet.
func (c IPComp) NextHeader() uint8 { return c[0] }

// Flags returns the flags byte (reserved, 0).
func (c IPComp) Flags() uint8 { return c[1] }

// CPI returns the Compression Parameter Index (2 for DEFLATE).
func (c IPComp) CPI() uint16 { return be16(c[2:]) }

func (d *Decoder) decodeIPComp(l *Layer) LayerType {
	c, err := ParseIPComp(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + len(c)
	return LayerNone // the compressed payload is data
}

const (
	ipcompNextHeader = iota
	ipcompFlags
	ipcompCPI
	ipcompFieldCount
)

var ipcompFields = [ipcompFieldCount]Field{
	ipcompNextHeader: {Name: "ipcomp.next_header", Label: "Next Header", Kind: KindUint, Width: 8, Base: BaseHex},
	ipcompFlags:      {Name: "ipcomp.flags", Label: "IPComp Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	ipcompCPI:        {Name: "ipcomp.cpi", Label: "IPComp CPI", Kind: KindUint, Width: 16, Base: BaseHex},
}

var protoIPComp = protoField("ipcomp", "IP Payload Compression")

// emitIPComp emits the header's fields that were captured; the payload
// after it is a Data block inside IPComp's tree (emitPayloadTree).
func emitIPComp(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoIPComp)
	c := d.data[l.Start:min(l.End, l.Start+ipcompLen)]
	f := &ipcompFields
	if len(c) >= 1 {
		e.Uint(&f[ipcompNextHeader], uint64(c[0]))
		if e.Tree() {
			// Named as IP protocols are (AH's next header has
			// tshark's list of them).
			b := append(e.Text(), "Next Header: "...)
			if name := ahFields[ahNextHeader].ValueNames().Name(uint64(c[0])); name != "" {
				b = append(b, name...)
			} else {
				b = append(b, "Unknown"...)
			}
			b = append(b, " (0x"...)
			e.SetRepr(append(appendHex2(b, c[0]), ')'))
		}
	}
	if len(c) >= 2 {
		e.Uint(&f[ipcompFlags], uint64(c[1]))
	}
	if len(c) >= 4 {
		e.Uint(&f[ipcompCPI], uint64(be16(c[2:])))
	}
	e.End()
}

// infoIPComp appends tshark's Info column: "IPComp (CPI=DEFLATE)", the
// index in hex where it has no name.
func infoIPComp(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Payload-l.Start < ipcompLen {
		return b
	}
	cpi := IPComp(d.data[l.Start:l.Payload]).CPI()
	b = append(b, "IPComp (CPI="...)
	if name := ipcompFields[ipcompCPI].ValueNames().Name(uint64(cpi)); name != "" {
		b = append(b, name...)
	} else {
		b = append(b, "0x"...)
		b = appendHex4(b, cpi)
	}
	return append(b, ')')
}

// lineIPComp appends tcpdump's "IPComp(cpi=0x…)", after which tcpdump
// prints nothing of the compressed payload; " [|ipcomp]" for a header cut
// short.
func (p *LinePrinter) lineIPComp(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" {
		return append(b, " [|ipcomp]"...)
	}
	b = append(b, "IPComp(cpi=0x"...)
	b = appendHex4(b, IPComp(d.data[l.Start:l.Payload]).CPI())
	return append(b, ')')
}
