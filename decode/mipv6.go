package decode

import "strconv"

// MIPv6 is a Mobile IPv6 mobility header (RFC 6275), IPv6 next header 135:
//
//	| payload proto (8) | header len (8) | MH type (8) | reserved (8) |
//	| checksum (16)     | message data … mobility options …            |
//
// The header length counts 8-byte units after the first eight bytes. Each
// message type has a fixed part after the checksum; mobility options (type,
// length, data; Pad1 a single zero byte) fill the rest.
type MIPv6 []byte

const (
	IPProtoMobility = 135
	mipv6MinLen     = 8
)

// The message types rawcap lays out (tshark's names in its values).
const (
	mipv6BRR  = 0 // Binding Refresh Request
	mipv6HoTI = 1 // Home Test Init
	mipv6CoTI = 2 // Care-of Test Init
	mipv6HoT  = 3 // Home Test
	mipv6CoT  = 4 // Care-of Test
	mipv6BU   = 5 // Binding Update
	mipv6BA   = 6 // Binding Acknowledgement
	mipv6BE   = 7 // Binding Error
)

// mipv6FixedLen is the length of each laid-out message's header and fixed
// part, where its options begin.
var mipv6FixedLen = [...]int{mipv6BRR: 8, mipv6HoTI: 16, mipv6CoTI: 16, mipv6HoT: 24, mipv6CoT: 24, mipv6BU: 12, mipv6BA: 12, mipv6BE: 24}

// ParseMIPv6 returns the mobility header, options included, at the start of
// b. A header too short for its type's fixed part is returned too: tshark
// and tcpdump read it and mark it themselves (see fixed).
func ParseMIPv6(b []byte) (MIPv6, error) {
	if len(b) < mipv6MinLen {
		return nil, ReasonTruncated
	}
	n := (int(b[1]) + 1) * 8
	if n > len(b) {
		return nil, ReasonTruncated
	}
	return MIPv6(b[:n:n]), nil
}

// Type returns the mobility header type.
func (m MIPv6) Type() uint8 { return m[2] }

// fixed reports whether m holds the fixed part of a laid-out message type.
func (m MIPv6) fixed() bool {
	t := int(m[2])
	return t < len(mipv6FixedLen) && len(m) >= mipv6FixedLen[t]
}

// options returns the mobility options of a laid-out message type, or nil.
func (m MIPv6) options() []byte {
	if !m.fixed() {
		return nil
	}
	return m[mipv6FixedLen[m[2]]:]
}

func (d *Decoder) decodeMIPv6(l *Layer) LayerType {
	m, err := ParseMIPv6(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	if t := int(m[2]); t < len(mipv6FixedLen) && len(m) < mipv6FixedLen[t] {
		// Too short for its type's fixed part: tshark reads on past its
		// end and fails, as for a header cut short.
		l.Malformed = ReasonTruncated
		return LayerNone
	}
	l.Payload = l.Start + len(m)
	return LayerNone
}

const (
	mipv6Proto = iota
	mipv6Hlen
	mipv6MHType
	mipv6Reserved
	mipv6Csum
	mipv6BRRData
	mipv6HoTICookie
	mipv6CoTICookie
	mipv6HoTNindex
	mipv6HoTCookie
	mipv6HoTToken
	mipv6CoTNindex
	mipv6CoTCookie
	mipv6BUSeq
	mipv6BUA
	mipv6BUH
	mipv6BUL
	mipv6BUK
	mipv6BUM
	mipv6BUR
	mipv6BUP
	mipv6BUF
	mipv6BUT
	mipv6BUB
	mipv6BULifetime
	mipv6BAStatus
	mipv6BAK
	mipv6BAR
	mipv6BAP
	mipv6BAT
	mipv6BAB
	mipv6BASeq
	mipv6BALifetime
	mipv6BEStatus
	mipv6BEHaddr
	mipv6OptPad1
	mipv6OptPadN
	mipv6OptBRA
	mipv6OptACoA
	mipv6OptNI
	mipv6OptAuth
	mipv6OptLen
	mipv6PadN
	mipv6BRAInterval
	mipv6ACoA
	mipv6NIHome
	mipv6NICareOf
	mipv6Authenticator
	mipv6FieldCount
)

var mipv6Fields = [mipv6FieldCount]Field{
	mipv6Proto:         {Name: "mip6.proto", Label: "Payload protocol", Kind: KindUint, Width: 8},
	mipv6Hlen:          {Name: "mip6.hlen", Label: "Header length", Kind: KindUint, Width: 8},
	mipv6MHType:        {Name: "mip6.mhtype", Label: "Mobility Header Type", Kind: KindUint, Width: 8},
	mipv6Reserved:      {Name: "mip6.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex},
	mipv6Csum:          {Name: "mip6.csum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	mipv6BRRData:       {Name: "mip6.binding_refresh_request", Label: "Binding Refresh Request", Kind: KindBytes},
	mipv6HoTICookie:    {Name: "mip6.hoti.cookie", Label: "Home Init Cookie", Kind: KindUint, Width: 64, Base: BaseHex},
	mipv6CoTICookie:    {Name: "mip6.coti.cookie", Label: "Care-of Init Cookie", Kind: KindUint, Width: 64, Base: BaseHex},
	mipv6HoTNindex:     {Name: "mip6.hot.nindex", Label: "Home Nonce Index", Kind: KindUint, Width: 16},
	mipv6HoTCookie:     {Name: "mip6.hot.cookie", Label: "Home Init Cookie", Kind: KindUint, Width: 64, Base: BaseHex},
	mipv6HoTToken:      {Name: "mip6.hot.token", Label: "Home Keygen Token", Kind: KindUint, Width: 64, Base: BaseHex},
	mipv6CoTNindex:     {Name: "mip6.cot.nindex", Label: "Care-of Nonce Index", Kind: KindUint, Width: 16},
	mipv6CoTCookie:     {Name: "mip6.cot.cookie", Label: "Care-of Init Cookie", Kind: KindUint, Width: 64, Base: BaseHex},
	mipv6BUSeq:         {Name: "mip6.bu.seqnr", Label: "Sequence number", Kind: KindUint, Width: 16},
	mipv6BUA:           {Name: "mip6.bu.a_flag", Label: "Acknowledge (A) flag", Kind: KindBool, Width: 16, Mask: 0x8000},
	mipv6BUH:           {Name: "mip6.bu.h_flag", Label: "Home Registration (H) flag", Kind: KindBool, Width: 16, Mask: 0x4000},
	mipv6BUL:           {Name: "mip6.bu.l_flag", Label: "Link-Local Compatibility (L) flag", Kind: KindBool, Width: 16, Mask: 0x2000},
	mipv6BUK:           {Name: "mip6.bu.k_flag", Label: "Key Management Compatibility (K) flag", Kind: KindBool, Width: 16, Mask: 0x1000},
	mipv6BUM:           {Name: "mip6.bu.m_flag", Label: "MAP Registration Compatibility (M) flag", Kind: KindBool, Width: 16, Mask: 0x800},
	mipv6BUR:           {Name: "mip6.nemo.bu.r_flag", Label: "Mobile Router (R) flag", Kind: KindBool, Width: 16, Mask: 0x400},
	mipv6BUP:           {Name: "mip6.bu.p_flag", Label: "Proxy Registration (P) flag", Kind: KindBool, Width: 16, Mask: 0x200},
	mipv6BUF:           {Name: "mip6.bu.f_flag", Label: "Forcing UDP encapsulation (F) flag", Kind: KindBool, Width: 16, Mask: 0x100},
	mipv6BUT:           {Name: "mip6.bu.t_flag", Label: "TLV-header format (T) flag", Kind: KindBool, Width: 16, Mask: 0x80},
	mipv6BUB:           {Name: "mip6.bu.b_flag", Label: "Bulk-Binding-Update flag (B)", Kind: KindBool, Width: 16, Mask: 0x40},
	mipv6BULifetime:    {Name: "mip6.bu.lifetime", Label: "Lifetime", Kind: KindUint, Width: 16},
	mipv6BAStatus:      {Name: "mip6.ba.status", Label: "Status", Kind: KindUint, Width: 8},
	mipv6BAK:           {Name: "mip6.ba.k_flag", Label: "Key Management Compatibility (K) flag", Kind: KindBool, Width: 8, Mask: 0x80},
	mipv6BAR:           {Name: "mip6.nemo.ba.r_flag", Label: "Mobile Router (R) flag", Kind: KindBool, Width: 8, Mask: 0x40},
	mipv6BAP:           {Name: "mip6.ba.p_flag", Label: "Proxy Registration (P) flag", Kind: KindBool, Width: 8, Mask: 0x20},
	mipv6BAT:           {Name: "mip6.ba.t_flag", Label: "TLV-header format (T) flag", Kind: KindBool, Width: 8, Mask: 0x10},
	mipv6BAB:           {Name: "mip6.ba.b_flag", Label: "Bulk-Binding-Update flag (B)", Kind: KindBool, Width: 8, Mask: 0x8},
	mipv6BASeq:         {Name: "mip6.ba.seqnr", Label: "Sequence number", Kind: KindUint, Width: 16},
	mipv6BALifetime:    {Name: "mip6.ba.lifetime", Label: "Lifetime", Kind: KindUint, Width: 16},
	mipv6BEStatus:      {Name: "mip6.be.status", Label: "Status", Kind: KindUint, Width: 8},
	mipv6BEHaddr:       {Name: "mip6.be.haddr", Label: "Home Address", Kind: KindIPv6},
	mipv6OptPad1:       {Name: "mip6.options.pad1", Label: "MIPv6 Option - Pad1", Kind: KindProtocol},
	mipv6OptPadN:       {Name: "mip6.options.padn", Label: "MIPv6 Option - PadN", Kind: KindProtocol},
	mipv6OptBRA:        {Name: "mip6.options.bra", Label: "MIPv6 Option - Binding Refresh Advice", Kind: KindProtocol},
	mipv6OptACoA:       {Name: "mip6.options.acoa", Label: "MIPv6 Option - Alternate Care-of Address", Kind: KindProtocol},
	mipv6OptNI:         {Name: "mip6.options.ni", Label: "MIPv6 Option - Nonce Indices", Kind: KindProtocol},
	mipv6OptAuth:       {Name: "mip6.options.bad_auth", Label: "MIPv6 Option - Authorization Data", Kind: KindProtocol},
	mipv6OptLen:        {Name: "mip6.mobility_opt.len", Label: "Length", Kind: KindUint, Width: 8},
	mipv6PadN:          {Name: "mip6.padn", Label: "PadN", Kind: KindBytes},
	mipv6BRAInterval:   {Name: "mip6.bra.interval", Label: "Refresh interval", Kind: KindUint, Width: 16},
	mipv6ACoA:          {Name: "mip6.acoa.acoa", Label: "Alternate care-of address", Kind: KindIPv6},
	mipv6NIHome:        {Name: "mip6.ni.hni", Label: "Home nonce index", Kind: KindUint, Width: 16},
	mipv6NICareOf:      {Name: "mip6.ni.cni", Label: "Care-of nonce index", Kind: KindUint, Width: 16},
	mipv6Authenticator: {Name: "mip6.bad.auth", Label: "Authenticator", Kind: KindBytes},
}

var protoMIPv6 = protoField("mipv6", "Mobile IPv6")

// emitMIPv6 emits the mobility header's fields, inside IPv6's tree as
// tshark draws it: the common header, the message's fixed part under a line
// naming it, and its options under "Mobility Options". A header cut short
// or too short for its type shows the common fields captured.
func emitMIPv6(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoMIPv6)
	e.InsidePrevious()
	f := &mipv6Fields
	m := MIPv6(d.data[l.Start:l.Payload])
	if l.Malformed != "" {
		// What was captured of the header: its fixed part if the header
		// holds it, no options.
		m = MIPv6(d.data[l.Start:l.End])
		if len(m) >= 2 {
			m = m[:min(len(m), (int(m[1])+1)*8)]
		}
	}
	emitMIPv6Common(e, m)
	if len(m) < 3 || !m.fixed() {
		e.End() // a type rawcap does not lay out, or a header cut before its fixed part ends
		return
	}
	switch m.Type() {
	case mipv6BRR:
		e.Bytes(&f[mipv6BRRData], m[6:8])
	case mipv6HoTI, mipv6CoTI:
		cookie := &f[mipv6HoTICookie]
		if m.Type() == mipv6CoTI {
			cookie = &f[mipv6CoTICookie]
		}
		e.mipv6Message(m)
		e.Sub()
		e.Uint(cookie, be64(m[8:]))
		e.Up()
	case mipv6HoT, mipv6CoT:
		nindex, cookie := &f[mipv6HoTNindex], &f[mipv6HoTCookie]
		if m.Type() == mipv6CoT {
			nindex, cookie = &f[mipv6CoTNindex], &f[mipv6CoTCookie]
		}
		e.mipv6Message(m)
		e.Sub()
		e.Uint(nindex, uint64(be16(m[6:])))
		e.Uint(cookie, be64(m[8:]))
		e.Uint(&f[mipv6HoTToken], be64(m[16:])) // tshark's CoT token is the HoT's field
		e.Up()
	case mipv6BU:
		e.mipv6Message(m)
		e.Sub()
		e.Uint(&f[mipv6BUSeq], uint64(be16(m[6:])))
		flags := uint64(be16(m[8:]))
		for k := mipv6BUA; k <= mipv6BUB; k++ {
			e.BoolBits(&f[k], flags)
		}
		e.mipv6Lifetime(&f[mipv6BULifetime], be16(m[10:]))
		e.Up()
	case mipv6BA:
		e.mipv6Message(m)
		e.Sub()
		e.Uint(&f[mipv6BAStatus], uint64(m[6]))
		for k := mipv6BAK; k <= mipv6BAB; k++ {
			e.BoolBits(&f[k], uint64(m[7]))
		}
		e.Uint(&f[mipv6BASeq], uint64(be16(m[8:])))
		e.mipv6Lifetime(&f[mipv6BALifetime], be16(m[10:]))
		e.Up()
	case mipv6BE:
		e.mipv6Message(m)
		e.Sub()
		e.Uint(&f[mipv6BEStatus], uint64(m[6]))
		e.IPv6(&f[mipv6BEHaddr], m[8:24])
		e.Up()
	}
	if opts := m.options(); len(opts) > 0 && l.Malformed == "" {
		if e.Tree() {
			e.Line(append(e.Text(), "Mobility Options"...))
		}
		e.Sub()
		emitMIPv6Options(e, opts)
		e.Up()
	}
	e.End()
}

// emitMIPv6Common emits the fields of the header's first six bytes that
// h holds.
func emitMIPv6Common(e *emitter, h []byte) {
	f := &mipv6Fields
	if len(h) >= 1 {
		e.Uint(&f[mipv6Proto], uint64(h[0]))
	}
	if len(h) >= 2 {
		e.Uint(&f[mipv6Hlen], uint64(h[1]))
		if e.Tree() {
			b := append(e.Text(), "Header length: "...)
			b = strconv.AppendUint(b, uint64(h[1]), 10)
			b = append(b, " ("...)
			b = strconv.AppendInt(b, (int64(h[1])+1)*8, 10)
			e.SetRepr(append(b, " bytes)"...))
		}
	}
	if len(h) >= 3 {
		e.Uint(&f[mipv6MHType], uint64(h[2]))
	}
	if len(h) >= 4 {
		e.Uint(&f[mipv6Reserved], uint64(h[3]))
	}
	if len(h) >= 6 {
		e.Uint(&f[mipv6Csum], uint64(be16(h[4:])))
	}
}

// mipv6Message draws the line naming the message (its type's name), under
// which tshark draws its fixed part.
func (e *emitter) mipv6Message(m MIPv6) {
	if e.Tree() {
		e.Line(append(e.Text(), mipv6Fields[mipv6MHType].ValueNames().Name(uint64(m.Type()))...))
	}
}

// mipv6Lifetime emits a lifetime or refresh interval in units of four
// seconds: "Lifetime: 3600 (14400 seconds)".
func (e *emitter) mipv6Lifetime(f *Field, v uint16) {
	e.Uint(f, uint64(v))
	if e.Tree() {
		b := append(append(e.Text(), f.Label...), ": "...)
		b = strconv.AppendUint(b, uint64(v), 10)
		b = append(b, " ("...)
		b = strconv.AppendUint(b, uint64(v)*4, 10)
		e.SetRepr(append(b, " seconds)"...))
	}
}

// emitMIPv6Options emits the mobility options in opts, each an item of its
// own with its bytes as value, up to the first rawcap does not lay out or
// that runs past the header.
func emitMIPv6Options(e *emitter, opts []byte) {
	f := &mipv6Fields
	for off := 0; off < len(opts); {
		t := opts[off]
		if t == 0 { // Pad1
			e.mipv6Option(&f[mipv6OptPad1], opts[off:off+1])
			off++
			continue
		}
		if off+2 > len(opts) {
			return
		}
		n := int(opts[off+1])
		if off+2+n > len(opts) {
			return
		}
		o, data := opts[off:off+2+n], opts[off+2:off+2+n]
		var item *Field
		switch {
		case t == 1:
			item = &f[mipv6OptPadN]
		case t == 2 && n == 2:
			item = &f[mipv6OptBRA]
		case t == 3 && n == 16:
			item = &f[mipv6OptACoA]
		case t == 4 && n == 4:
			item = &f[mipv6OptNI]
		case t == 5:
			item = &f[mipv6OptAuth]
		default:
			return
		}
		e.mipv6Option(item, o)
		e.Sub()
		e.Uint(&f[mipv6OptLen], uint64(n))
		switch t {
		case 1:
			if n > 0 {
				e.Bytes(&f[mipv6PadN], data)
			}
		case 2:
			e.mipv6Lifetime(&f[mipv6BRAInterval], be16(data))
		case 3:
			e.IPv6(&f[mipv6ACoA], data)
		case 4:
			e.Uint(&f[mipv6NIHome], uint64(be16(data)))
			e.Uint(&f[mipv6NICareOf], uint64(be16(data[2:])))
		case 5:
			e.Bytes(&f[mipv6Authenticator], data)
		}
		e.Up()
		off += 2 + n
	}
}

// mipv6Option emits an option's item, its bytes the value, its title the
// tree's line.
func (e *emitter) mipv6Option(item *Field, o []byte) {
	e.Bytes(item, o)
	if e.Tree() {
		e.SetRepr(append(e.Text(), item.Label...))
	}
}

// infoMIPv6 appends tshark's Info column: the message type's name.
func infoMIPv6(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.End-l.Start < 3 {
		return b
	}
	return append(b, mipv6Fields[mipv6MHType].ValueNames().Name(uint64(d.data[l.Start+2]))...)
}

// mipv6TcpdumpNames are tcpdump's abbreviations of the message types.
var mipv6TcpdumpNames = [...]string{"BRR", "HoTI", "CoTI", "HoT", "CoT", "BU", "BA", "BE"}

// lineMIPv6 appends tcpdump's "mobility: BU seq#=… A lifetime=…" and, at
// -v, the cookies and options. tcpdump prints a field only when it was
// captured, and reads each option only when the byte after it was: an
// option that ends the packet ends the line with " [|mobility]" instead.
func (p *LinePrinter) lineMIPv6(b []byte, d *Decoder, i int) []byte {
	const trunc = " [|mobility]"
	l := &d.layers[i]
	raw := d.data[l.Start:l.End]
	if len(raw) < 3 {
		return append(b, trunc...)
	}
	v := p.Options.Verbose > 0
	t, mhlen := raw[2], (int(raw[1])+1)*8
	if int(t) < len(mipv6FixedLen) && mhlen < mipv6FixedLen[t] {
		b = append(b, "(header length "...)
		b = strconv.AppendInt(b, int64(mhlen), 10)
		b = append(b, " is too small for type "...)
		b = strconv.AppendUint(b, uint64(t), 10)
		return append(append(b, ')'), trunc...)
	}
	b = append(b, "mobility: "...)
	if int(t) >= len(mipv6TcpdumpNames) {
		b = append(b, "type-#"...)
		b = strconv.AppendUint(b, uint64(t), 10)
		b = append(b, " len="...)
		return strconv.AppendUint(b, uint64(raw[1]), 10)
	}
	b = append(b, mipv6TcpdumpNames[t]...)
	side := "Home"
	if t == mipv6CoTI || t == mipv6CoT {
		side = "Care-of"
	}
	switch t {
	case mipv6HoTI, mipv6CoTI:
		if v {
			if len(raw) < 16 {
				return append(b, trunc...)
			}
			b = appendMIPv6Pair(append(append(append(b, ' '), side...), " Init Cookie="...), raw[8:])
		}
	case mipv6HoT, mipv6CoT:
		if len(raw) < 8 {
			return append(b, trunc...)
		}
		b = append(b, " nonce id=0x"...)
		b = strconv.AppendUint(b, uint64(be16(raw[6:])), 16)
		if v {
			if len(raw) < 16 {
				return append(b, trunc...)
			}
			b = appendMIPv6Pair(append(append(append(b, ' '), side...), " Init Cookie="...), raw[8:])
			if len(raw) < 24 {
				return append(b, trunc...)
			}
			b = appendMIPv6Pair(append(append(append(b, ' '), side...), " Keygen Token="...), raw[16:])
		}
	case mipv6BU:
		if len(raw) < 8 {
			return append(b, trunc...)
		}
		b = append(b, " seq#="...)
		b = strconv.AppendUint(b, uint64(be16(raw[6:])), 10)
		if len(raw) < 10 {
			return append(b, trunc...)
		}
		if bits := raw[8] >> 4; bits != 0 {
			b = append(b, ' ')
			for k, c := range "AHLK" {
				if bits&(8>>k) != 0 {
					b = append(b, byte(c))
				}
			}
		}
		if len(raw) < 12 {
			return append(b, trunc...)
		}
		b = append(b, " lifetime="...)
		b = strconv.AppendUint(b, uint64(be16(raw[10:]))<<2, 10)
	case mipv6BA:
		if len(raw) < 8 {
			return append(b, trunc...)
		}
		b = append(b, " status="...)
		b = strconv.AppendUint(b, uint64(raw[6]), 10)
		if raw[7]&0x80 != 0 {
			b = append(b, " K"...)
		}
		if len(raw) < 10 {
			return append(b, trunc...)
		}
		b = append(b, " seq#="...)
		b = strconv.AppendUint(b, uint64(be16(raw[8:])), 10)
		if len(raw) < 12 {
			return append(b, trunc...)
		}
		b = append(b, " lifetime="...)
		b = strconv.AppendUint(b, uint64(be16(raw[10:]))<<2, 10)
	case mipv6BE:
		if len(raw) < 7 {
			return append(b, trunc...)
		}
		b = append(b, " status="...)
		b = strconv.AppendUint(b, uint64(raw[6]), 10)
		if len(raw) < 24 {
			return append(b, trunc...)
		}
		b = append(b, " homeaddr "...)
		b = addr16(raw[8:24]).AppendTo(b)
	}
	if !v {
		return b
	}
	hlen := mipv6FixedLen[t]
	opts := raw[min(hlen, len(raw)):min(mhlen, len(raw))]
	for k := 0; k < mhlen-hlen; {
		if k >= len(opts) {
			return append(b, trunc...) // not captured
		}
		n := 1
		if opts[k] != 0 {
			if k+1 >= mhlen-hlen || k+1 >= len(opts) {
				return append(b, trunc...)
			}
			n = int(opts[k+1]) + 2
		}
		if k+n > mhlen-hlen || hlen+k+n >= len(raw) {
			return append(b, trunc...)
		}
		rem := opts[k:] // tcpdump checks an option's minimum length against the bytes left
		switch t := rem[0]; {
		case t == 0:
			b = append(b, "(pad1)"...)
		case t == 1 && len(rem) >= 2:
			b = append(b, "(padn)"...)
		case t == 2 && len(rem) >= 4:
			b = append(b, "(refresh: "...)
			b = strconv.AppendUint(b, uint64(be16(rem[2:]))<<2, 10)
			b = append(b, ')')
		case t == 3 && len(rem) >= 18:
			b = append(b, "(alt-CoA: "...)
			b = addr16(rem[2:18]).AppendTo(b)
			b = append(b, ')')
		case t == 4 && len(rem) >= 6:
			b = append(b, "(ni: ho=0x"...)
			b = appendHex4(b, be16(rem[2:]))
			b = append(b, " co=0x"...)
			b = appendHex4(b, be16(rem[4:]))
			b = append(b, ')')
		case t == 5 && len(rem) >= 12:
			b = append(b, "(auth)"...)
		case t > 5 && len(rem) >= 2:
			b = append(b, "(type-0x"...)
			b = appendHex2(b, t)
			b = append(b, ": len="...)
			b = strconv.AppendUint(b, uint64(rem[1]), 10)
			b = append(b, ')')
		default:
			return append(appendMIPv6OptTrunc(b, t), trunc...)
		}
		k += n
	}
	return b
}

// appendMIPv6OptTrunc appends what tcpdump prints for an option of type t
// shorter than the option needs.
func appendMIPv6OptTrunc(b []byte, t uint8) []byte {
	switch t {
	case 1:
		return append(b, "(padn: trunc)"...)
	case 2:
		return append(b, "(refresh: trunc)"...)
	case 3:
		return append(b, "(altcoa: trunc)"...)
	case 4:
		return append(b, "(ni: trunc)"...)
	case 5:
		return append(b, "(auth: trunc)"...)
	}
	b = append(b, "(sopt_type "...)
	b = strconv.AppendUint(b, uint64(t), 10)
	return append(b, ": trunc)"...)
}

// appendMIPv6Pair appends the 8 bytes at the start of x as tcpdump's
// "%08x:%08x".
func appendMIPv6Pair(b, x []byte) []byte {
	b = appendHexN(b, uint64(be32(x)), 8)
	b = append(b, ':')
	return appendHexN(b, uint64(be32(x[4:])), 8)
}
