package decode

import "strconv"

// ESIS is an ES-IS PDU (ISO 9542), network layer protocol identifier
// 0x82. Its 9-byte header,
//
//	0  network layer protocol identifier (0x82)
//	1  length indicator: the PDU's length
//	2  version (1)
//	3  reserved
//	4  PDU type (5 bits)
//	5  holding time (2 bytes)
//	7  checksum (2 bytes, ISO 8473's)
//
// is followed by the body of its type (an ES hello's source addresses, a
// redirect's destination, subnetwork and network entity addresses) and
// options up to the length indicator.
//
// rawcap takes a PDU as ES-IS, after a Frame Relay I frame's control field
// (fr.go), when tshark 4.0 and tcpdump 4.99 have been seen to draw it as
// rawcap does: an ES hello, a redirect or a PDU of type 0, whose length
// indicator the captured bytes hold and whose checksum is wrong (the
// corpus has no other), with NSAP addresses of 0, 3, 4 or 5 bytes, no
// subnetwork address, and at most one byte of options (which tshark cannot
// read: an exception) or one empty option of code 0 as tcpdump reads them.
// Anything else is left undecoded.
type ESIS []byte

// esisNLPID is ES-IS's network layer protocol identifier.
const esisNLPID = 0x82

// esisHeaderLen is the length of the fixed header.
const esisHeaderLen = 9

// The PDU types rawcap draws.
const (
	esisTypeUnknown = 0
	esisTypeESH     = 2
	esisTypeRD      = 6
)

// Type returns the PDU type.
func (s ESIS) Type() uint8 { return s[4] & 0x1f }

// LI returns the length indicator.
func (s ESIS) LI() int { return int(s[1]) }

// ParseESIS returns the PDU at the start of b when rawcap draws it (see
// ESIS); the view holds what was captured.
func ParseESIS(b []byte) (ESIS, error) {
	if len(b) < esisHeaderLen || b[0] != esisNLPID || b[2] != 1 {
		return nil, ReasonUnsupported
	}
	s := ESIS(b[:len(b):len(b)])
	li := s.LI()
	if li < esisHeaderLen+2 || li > len(b) {
		return nil, ReasonUnsupported
	}
	if sum := be16(b[7:]); sum == 0 || isisChecksum(b[:li], 7) == sum {
		return nil, ReasonUnsupported
	}
	if _, ok := esisTsharkBody(s); !ok {
		return nil, ReasonUnsupported
	}
	if _, ok := esisTcpdumpBody(nil, s, 1); !ok {
		return nil, ReasonUnsupported
	}
	return s, nil
}

// esisNSAPTaken reports whether tshark's and tcpdump's texts of an NSAP
// address of n bytes are known (esisAppendNSAPTshark).
func esisNSAPTaken(n int) bool { return n == 0 || n >= 3 && n <= 5 }

// esisTsharkBody walks the body as tshark draws it and returns how many
// bytes of options are left before the length indicator; ok is false for
// a body rawcap does not draw.
func esisTsharkBody(s ESIS) (opts int, ok bool) {
	li := s.LI()
	p := esisHeaderLen
	switch s.Type() {
	case esisTypeUnknown:
		return 0, true
	case esisTypeESH:
		if p >= li {
			return 0, false
		}
		n := int(s[p])
		p++
		for ; n > 0; n-- {
			if p >= li || !esisNSAPTaken(int(s[p])) || p+1+int(s[p]) > li {
				return 0, false
			}
			p += 1 + int(s[p])
		}
	case esisTypeRD:
		if p >= li || !esisNSAPTaken(int(s[p])) || p+1+int(s[p]) > li {
			return 0, false
		}
		p += 1 + int(s[p])
		if p >= li || s[p] != 0 {
			return 0, false // a subnetwork address
		}
		p++
		if p >= li {
			return 0, false
		}
		if n := int(s[p]); n > 0 {
			if !esisNSAPTaken(n) || p+1+n > li {
				return 0, false
			}
			p += n
		}
		p++
	default:
		return 0, false
	}
	if li-p > 1 {
		return 0, false
	}
	return li - p, true
}

// esisAppendNSAPTshark appends an NSAP address as tshark shows it: 3 bytes
// as "49.0001", 4 as "ecff0000", 5 as "0004ec00.00"; none as invalid.
func esisAppendNSAPTshark(b, a []byte) []byte {
	switch len(a) {
	case 0:
		return append(b, "<Invalid length of NSAP>"...)
	case 3:
		return appendHex2(appendHex2(append(appendHex2(b, a[0]), '.'), a[1]), a[2])
	}
	for k, c := range a {
		if k == 4 {
			b = append(b, '.')
		}
		b = appendHex2(b, c)
	}
	return b
}

// The fields, as Wireshark registers them.
const (
	esisNLPI = iota
	esisLength
	esisVer
	esisRes
	esisType
	esisHTime
	esisChksum
	esisChksumStatus
	esisNumberOfSA
	esisSAL
	esisSA
	esisNETL
	esisDAL
	esisBSNPAL
	esisNET
	esisDA
	esisBSNPA
	esisFieldCount
)

var esisFields = [esisFieldCount]Field{
	esisNLPI:         {Name: "esis.nlpi", Label: "Network Layer Protocol Identifier", Kind: KindUint, Width: 8, Base: BaseHex},
	esisLength:       {Name: "esis.length", Label: "PDU Length", Kind: KindUint, Width: 8},
	esisVer:          {Name: "esis.ver", Label: "Version", Kind: KindUint, Width: 8},
	esisRes:          {Name: "esis.res", Label: "Reserved(==0)", Kind: KindUint, Width: 8},
	esisType:         {Name: "esis.type", Label: "PDU Type", Kind: KindUint, Width: 8, Mask: 0x1f},
	esisHTime:        {Name: "esis.htime", Label: "Holding Time", Kind: KindUint, Width: 16, Unit: " seconds"},
	esisChksum:       {Name: "esis.chksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	esisChksumStatus: {Name: "esis.chksum.status", Label: "Checksum Status", Kind: KindUint, Width: 8, Generated: true},
	esisNumberOfSA:   {Name: "esis.number_of_source_addresses", Label: "Number of Source Addresses (SA, Format: NSAP)", Kind: KindUint, Width: 8},
	esisSAL:          {Name: "esis.sal", Label: "SAL", Kind: KindUint, Width: 8},
	esisSA:           {Name: "esis.sa", Label: "SA", Kind: KindString},
	esisNETL:         {Name: "esis.netl", Label: "NETL", Kind: KindUint, Width: 8},
	esisDAL:          {Name: "esis.dal", Label: "DAL", Kind: KindUint, Width: 8},
	esisBSNPAL:       {Name: "esis.bsnpal", Label: "BSNPAL", Kind: KindUint, Width: 8},
	esisNET:          {Name: "esis.net", Label: "NET", Kind: KindString},
	esisDA:           {Name: "esis.da", Label: "DA", Kind: KindString},
	esisBSNPA:        {Name: "esis.bsnpa", Label: "BSNPA", Kind: KindSystemID},
}

var protoESIS = protoField("esis", "ISO 9542 ESIS Routeing Information Exchange Protocol")

func (d *Decoder) decodeESIS(l *Layer) LayerType {
	s, err := ParseESIS(d.data[l.Start:l.End])
	if err != nil {
		return l.asData()
	}
	if opts, _ := esisTsharkBody(s); opts == 1 {
		// tshark reads an option's code and length past the PDU's
		// end and stops.
		l.Malformed = ReasonTruncated
	}
	l.Payload = l.End
	return LayerNone
}

// esisOctets emits a length field drawn "SAL: 4 octets".
func esisOctets(e *emitter, f *Field, n uint8) {
	e.Uint(f, uint64(n))
	if e.Tree() {
		b := append(append(e.Text(), f.Label...), ": "...)
		e.SetRepr(append(strconv.AppendUint(b, uint64(n), 10), " octets"...))
	}
}

// esisNSAP emits an address field with tshark's text of a.
func esisNSAP(e *emitter, f *Field, a []byte) {
	e.TextDone(f, esisAppendNSAPTshark(e.Text(), a))
}

// emitESIS emits the header and the body in the order and nesting of
// tshark's tree, with its exception where it cannot read the options.
func emitESIS(e *emitter, i int) {
	l := &e.d.layers[i]
	s := ESIS(e.d.data[l.Start:l.End])
	f := &esisFields
	e.Proto(&protoESIS)
	e.Uint(&f[esisNLPI], uint64(s[0]))
	e.Uint(&f[esisLength], uint64(s[1]))
	e.Uint(&f[esisVer], uint64(s[2]))
	e.Uint(&f[esisRes], uint64(s[3]))
	t := s.Type()
	e.UintBits(&f[esisType], uint64(s[4]))
	if t == esisTypeUnknown {
		if e.Tree() {
			b := appendBitDrawing(e.Text(), uint64(s[4]), 8, 0x1f)
			e.SetRepr(append(b, " = PDU Type: Unknown (0)"...))
			e.Sub()
			e.ExpertLine("Warning", "Protocol", "Unknown ESIS packet type", nil)
			e.Up()
		}
	}
	e.Uint(&f[esisHTime], uint64(be16(s[5:])))
	sum := be16(s[7:])
	e.Uint(&f[esisChksum], uint64(sum))
	if e.Tree() {
		e.SetRepr(append(appendHex4(append(e.Text(), "Checksum: 0x"...), sum), " [incorrect]"...))
		e.Sub()
		e.ExpertLine("Error", "Checksum", "Bad checksum", nil)
		e.Up()
	}
	e.Uint(&f[esisChksumStatus], 0)
	if e.Tree() {
		e.SetRepr(append(e.Text(), "Checksum Status: Bad"...))
	}
	opts, _ := esisTsharkBody(s)
	p := esisHeaderLen
	switch t {
	case esisTypeESH:
		n := s[p]
		p++
		e.Uint(&f[esisNumberOfSA], uint64(n))
		e.Sub()
		for ; n > 0; n-- {
			al := s[p]
			esisOctets(e, &f[esisSAL], al)
			esisNSAP(e, &f[esisSA], s[p+1:p+1+int(al)])
			p += 1 + int(al)
		}
		e.Up()
		e.LineString("### Option Section ###")
		esisNoOptions(e, opts)
	case esisTypeRD:
		e.LineString("### Destination Address Section ###")
		e.Sub()
		al := s[p]
		esisOctets(e, &f[esisDAL], al)
		esisNSAP(e, &f[esisDA], s[p+1:p+1+int(al)])
		p += 1 + int(al)
		e.Up()
		e.LineString("###  Subnetwork Address Section ###")
		e.Sub()
		esisOctets(e, &f[esisBSNPAL], s[p])
		e.TextDone(&f[esisBSNPA], append(e.Text(), "<Invalid length of SYSTEM ID>"...))
		p++
		e.Up()
		nl := s[p]
		if nl == 0 {
			e.LineString("### No Network Entity Title Section ###")
			e.Sub()
		} else {
			e.LineString("### Network Entity Title Section ###")
			e.Sub()
			esisOctets(e, &f[esisNETL], nl)
			esisNSAP(e, &f[esisNET], s[p+1:p+1+int(nl)])
		}
		e.LineString("### Option Section ###")
		esisNoOptions(e, opts)
		e.Up()
	}
	e.End()
	if l.Malformed != "" {
		e.TreeException("ESIS")
	}
}

// esisNoOptions adds, under the option section's line, tshark's note that
// a PDU has none.
func esisNoOptions(e *emitter, opts int) {
	if opts == 0 && e.Tree() {
		e.Sub()
		e.ExpertLine("Note", "Protocol", "No Options for this PDU", nil)
		e.Up()
	}
}

// infoESIS appends the packet list's Info: the PDU type.
func infoESIS(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	switch ESIS(d.data[l.Start:l.End]).Type() {
	case esisTypeESH:
		return append(b, "ES HELLO"...)
	case esisTypeRD:
		return append(b, "RD REQUEST"...)
	}
	return append(b, "Unknown (0x0)"...)
}

// esisTypeTcpdump returns tcpdump's name of a PDU type.
func esisTypeTcpdump(t uint8) string {
	switch t {
	case esisTypeESH:
		return "ESH"
	case esisTypeRD:
		return "redirect"
	}
	return ""
}

// lineESIS appends tcpdump's ES-IS line: "ES-IS, ESH, length 65565" (with
// -e, after Frame Relay's "OSI NLPID ES-IS (0x82): "), with -v the
// header's fields and the body on lines of their own, with -vv the
// header's bytes in hex.
func (p *LinePrinter) lineESIS(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	s := ESIS(d.data[l.Start:l.End])
	t := s.Type()
	length := uint64(p.wire - l.Start)
	sep := ", "
	if p.Options.Link {
		b = append(b, "OSI NLPID ES-IS (0x82): "...)
		sep = ""
	} else {
		b = append(b, "ES-IS"...)
	}
	b = append(b, sep...)
	if p.Options.Verbose < 1 {
		if name := esisTypeTcpdump(t); name != "" {
			b = append(b, name...)
		} else {
			b = strconv.AppendUint(append(b, "unknown type ("...), uint64(t), 10)
			b = append(b, ')')
		}
		return strconv.AppendUint(append(b, ", length "...), length, 10)
	}
	b = strconv.AppendUint(append(b, "length "...), length, 10)
	b = append(b, "\n\t"...)
	if name := esisTypeTcpdump(t); name != "" {
		b = append(b, name...)
	} else {
		b = strconv.AppendUint(append(b, "unknown type: "...), uint64(t), 10)
	}
	b = strconv.AppendUint(append(b, " ("...), uint64(t), 10)
	b = appendHex4(append(b, "), v: 1, checksum: 0x"...), be16(s[7:]))
	b = appendHex4(append(b, " (incorrect should be 0x"...), isisChecksum(s[:s.LI()], 7))
	b = strconv.AppendUint(append(b, "), holding time: "...), uint64(be16(s[5:])), 10)
	b = strconv.AppendUint(append(b, "s, length indicator: "...), uint64(s.LI()), 10)
	if p.Options.Verbose > 1 {
		b = appendHexDumpLines(b, s[:esisHeaderLen], "\n\t")
	}
	b, _ = esisTcpdumpBody(b, s, p.Options.Verbose)
	return b
}

// esisTcpdumpBody appends what tcpdump -v prints of the body and options
// at verbosity v; ok is false where rawcap does not know what tcpdump
// prints (ParseESIS leaves such PDUs undecoded). It appends nothing when b
// is nil.
func esisTcpdumpBody(b []byte, s ESIS, v int) (_ []byte, ok bool) {
	const in = "\n\t  "
	out := b != nil
	li := s.LI() - esisHeaderLen
	p := esisHeaderLen
	trunc := func() ([]byte, bool) {
		if out {
			b = append(b, " [|esis]"...)
		}
		return b, true
	}
	nsap := func(a []byte) {
		if !out {
			return
		}
		if len(a) == 0 || len(a) > 20 {
			b = append(b, "isonsap_string: illegal length"...)
			return
		}
		b = appendAreaAddress(b, a)
	}
	switch s.Type() {
	case esisTypeRD:
		if p >= len(s) {
			return trunc()
		}
		if li < 1 {
			return b, false
		}
		n := int(s[p])
		p++
		li--
		if p+n > len(s) {
			return trunc()
		}
		if li < n {
			return b, false
		}
		if out {
			b = append(b, in...)
		}
		nsap(s[p : p+n])
		p += n
		li -= n
		if p >= len(s) {
			return trunc()
		}
		if li < 1 || s[p] != 0 {
			return b, false
		}
		p++
		li--
		if out {
			b = append(b, in+"SNPA (length: 0): <empty>"...)
		}
		if p >= len(s) {
			return trunc()
		}
		if li < 1 {
			return b, false
		}
		// tcpdump does not count the network entity title's length byte.
		n = int(s[p])
		p++
		if p+n > len(s) {
			return trunc()
		}
		if li < n {
			return b, false
		}
		if n != 0 {
			if out {
				b = strconv.AppendInt(append(b, in+"NET (length: "...), int64(n), 10)
				b = append(b, ") "...)
			}
			nsap(s[p : p+n])
		}
		p += n
		li -= n
	case esisTypeESH:
		if p >= len(s) {
			return trunc()
		}
		if li < 1 {
			return b, false
		}
		n := int(s[p])
		p++
		li--
		if out {
			b = strconv.AppendInt(append(b, in+"Number of Source Addresses: "...), int64(n), 10)
		}
		for ; n > 0; n-- {
			if p >= len(s) {
				return trunc()
			}
			if li < 1 {
				return b, false
			}
			al := int(s[p])
			p++
			li--
			if p+al > len(s) {
				return trunc()
			}
			if li < al {
				return b, false
			}
			if out {
				b = strconv.AppendInt(append(b, in+"NET (length: "...), int64(al), 10)
				b = append(b, "): "...)
			}
			nsap(s[p : p+al])
			p += al
			li -= al
		}
	default:
		if v <= 1 && p < len(s) && out {
			b = appendHexDumpLines(b, s[p:], in)
		}
		return b, true
	}
	for li != 0 {
		if li < 2 {
			if out {
				b = append(b, ", bad opts/li"...)
			}
			return b, true
		}
		if p+2 > len(s) {
			return trunc()
		}
		if s[p] != 0 || s[p+1] != 0 {
			return b, false // an option rawcap has not seen tcpdump print
		}
		p += 2
		li -= 2
		if out {
			b = append(b, in+"Unknown Option #0, length 0, value: "...)
		}
	}
	return b, true
}
