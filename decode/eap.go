package decode

import "strconv"

// EAP is an Extensible Authentication Protocol packet (RFC 3748), as
// 802.1X carries it (EAPOL type 0) and RADIUS's EAP-Message attribute
// does:
//
//	| code (1) | identifier (1) | length (2, the whole packet) | type (1) | type data |
//
// Requests (1) and responses (2) have a type; success (3), failure (4),
// initiate (5) and finish (6) have none. The view holds the packet cut to
// its length; the functions below take the bytes, so another protocol can
// hand an EAP packet to them (eapFromBytes, emitEAPBytes,
// appendEAPInfo, appendEAPVerbose).
type EAP []byte

// EAP codes and the types whose data rawcap reads.
const (
	eapRequest  = 1
	eapResponse = 2

	eapTypeIdentity     = 1
	eapTypeNotification = 2
	eapTypeNak          = 3
	eapTypeMD5          = 4
	eapTypeTLS          = 13
	eapTypeLEAP         = 17
	eapTypeSIM          = 18
	eapTypeTTLS         = 21
	eapTypeAKA          = 23
	eapTypePEAP         = 25
	eapTypeFAST         = 43
)

// EAP-TLS flags.
const (
	eapTLSLength = 0x80
	eapTLSMore   = 0x40
	eapTLSStart  = 0x20
)

// ParseEAP returns the EAP packet at the start of b, cut to the length its
// header gives. A packet longer than b comes back whole with
// ReasonTruncated.
func ParseEAP(b []byte) (EAP, error) {
	if len(b) < 4 {
		return nil, ReasonTruncated
	}
	n := int(be16(b[2:]))
	if n < 4 {
		return EAP(b[:4:4]), ReasonBadHdrLen
	}
	if n > len(b) {
		return EAP(b[:len(b):len(b)]), ReasonTruncated
	}
	return EAP(b[:n:n]), nil
}

// Code returns the packet's code (1 request … 4 failure).
func (e EAP) Code() uint8 { return e[0] }

// ID returns the identifier that pairs a response with its request.
func (e EAP) ID() uint8 { return e[1] }

// Length returns the length the header gives.
func (e EAP) Length() uint16 { return be16(e[2:]) }

// Type returns a request's or response's type and whether it has one.
func (e EAP) Type() (uint8, bool) {
	if (e[0] != eapRequest && e[0] != eapResponse) || len(e) < 5 {
		return 0, false
	}
	return e[4], true
}

// data returns the type data.
func (e EAP) data() []byte {
	if len(e) < 5 {
		return nil
	}
	return e[5:]
}

// eapTLSLike reports whether type t carries EAP-TLS flags.
func eapTLSLike(t uint8) bool {
	return t == eapTypeTLS || t == eapTypeTTLS || t == eapTypePEAP || t == eapTypeFAST
}

func (d *Decoder) decodeEAP(l *Layer) LayerType {
	if _, err := ParseEAP(d.bytes(l)); err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	// Bytes of the 802.1X body past the EAP packet are left undrawn, as
	// tshark leaves them.
	l.Payload = l.End
	return LayerNone
}

// eapOf returns layer i's EAP packet (nil when malformed).
func eapOf(d *Decoder, i int) EAP {
	l := &d.layers[i]
	if l.Malformed != "" {
		return nil
	}
	p, _ := ParseEAP(d.data[l.Start:l.End])
	return p
}

// The fields, as Wireshark registers them.
const (
	eapCode = iota
	eapID
	eapLen
	eapType
	eapDesiredType
	eapIdentity
	eapNotification
	eapMD5ValueSize
	eapMD5Value
	eapMD5ExtraData
	eapTLSFlags
	eapTLSFlagsLen
	eapTLSFlagsMore
	eapTLSFlagsStart
	eapTLSFlagsVersion
	eapTLSLen
	eapSIMSubtype
	eapSIMReserved
	eapAKASubtype
	eapAKAReserved
	eapLEAPVersion
	eapLEAPReserved
	eapLEAPCount
	eapFieldCount
)

var eapFields = [eapFieldCount]Field{
	eapCode:            {Name: "eap.code", Label: "Code", Kind: KindUint, Width: 8},
	eapID:              {Name: "eap.id", Label: "Id", Kind: KindUint, Width: 8},
	eapLen:             {Name: "eap.len", Label: "Length", Kind: KindUint, Width: 16},
	eapType:            {Name: "eap.type", Label: "Type", Kind: KindUint, Width: 8},
	eapDesiredType:     {Name: "eap.desired_type", Label: "Desired Auth Type", Kind: KindUint, Width: 8},
	eapIdentity:        {Name: "eap.identity", Label: "Identity", Kind: KindString},
	eapNotification:    {Name: "eap.notification", Label: "Notification", Kind: KindString},
	eapMD5ValueSize:    {Name: "eap.md5.value_size", Label: "EAP-MD5 Value-Size", Kind: KindUint, Width: 8},
	eapMD5Value:        {Name: "eap.md5.value", Label: "EAP-MD5 Value", Kind: KindBytes},
	eapMD5ExtraData:    {Name: "eap.md5.extra_data", Label: "EAP-MD5 Extra Data", Kind: KindBytes},
	eapTLSFlags:        {Name: "eap.tls.flags", Label: "EAP-TLS Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	eapTLSFlagsLen:     {Name: "eap.tls.flags.len_included", Label: "Length Included", Kind: KindBool, Width: 8, Mask: 0x80},
	eapTLSFlagsMore:    {Name: "eap.tls.flags.more_fragments", Label: "More Fragments", Kind: KindBool, Width: 8, Mask: 0x40},
	eapTLSFlagsStart:   {Name: "eap.tls.flags.start", Label: "Start", Kind: KindBool, Width: 8, Mask: 0x20},
	eapTLSFlagsVersion: {Name: "eap.tls.flags.version", Label: "Version", Kind: KindUint, Width: 8, Mask: 0x07},
	eapTLSLen:          {Name: "eap.tls.len", Label: "EAP-TLS Length", Kind: KindUint, Width: 32},
	eapSIMSubtype:      {Name: "eap.sim.subtype", Label: "EAP-SIM Subtype", Kind: KindUint, Width: 8},
	eapSIMReserved:     {Name: "eap.sim.reserved", Label: "EAP-SIM Reserved", Kind: KindUint, Width: 16, Base: BaseHex},
	eapAKASubtype:      {Name: "eap.aka.subtype", Label: "EAP-AKA Subtype", Kind: KindUint, Width: 8},
	eapAKAReserved:     {Name: "eap.aka.reserved", Label: "EAP-AKA Reserved", Kind: KindUint, Width: 16, Base: BaseHex},
	eapLEAPVersion:     {Name: "eap.leap.version", Label: "EAP-LEAP Version", Kind: KindUint, Width: 8},
	eapLEAPReserved:    {Name: "eap.leap.reserved", Label: "EAP-LEAP Reserved", Kind: KindUint, Width: 8, Base: BaseHex},
	eapLEAPCount:       {Name: "eap.leap.count", Label: "EAP-LEAP Count", Kind: KindUint, Width: 8},
}

var protoEAP = protoField("eap", "Extensible Authentication Protocol")

func eapName(f int, v uint64) string { return eapFields[f].ValueNames().Name(v) }

func emitEAP(e *emitter, i int) {
	e.Proto(&protoEAP)
	if p := eapOf(e.d, i); p != nil {
		emitEAPBytes(e, p)
	} else {
		e.NoTree() // tshark draws only the malformed mark
	}
	e.End()
}

// emitEAPBytes emits the fields of EAP packet p (whole, as ParseEAP
// returns it) inside the caller's protocol, in the order and nesting of
// tshark's subtree of EAP.
func emitEAPBytes(e *emitter, p EAP) {
	f := &eapFields
	e.Uint(&f[eapCode], uint64(p.Code()))
	e.Uint(&f[eapID], uint64(p.ID()))
	e.Uint(&f[eapLen], uint64(p.Length()))
	t, ok := p.Type()
	if !ok {
		return
	}
	e.Uint(&f[eapType], uint64(t))
	data := p.data()
	switch {
	case t == eapTypeIdentity && len(data) > 0:
		emitWSLabelString(e, &f[eapIdentity], data)
		for _, c := range data {
			if c >= 0x80 {
				e.Sub()
				e.ExpertLine("Warning", "Protocol", "Non-ASCII characters within identity", nil)
				e.Up()
				break
			}
		}
	case t == eapTypeNotification && len(data) > 0:
		emitWSLabelString(e, &f[eapNotification], data)
	case t == eapTypeNak && len(data) > 0:
		e.Uint(&f[eapDesiredType], uint64(data[0]))
	case t == eapTypeMD5 && len(data) > 0:
		e.Sub()
		e.ExpertLine("Warning", "Security", "Vulnerable to MITM attacks. If possible, change EAP type.", nil)
		e.Up()
		n := int(data[0])
		e.Uint(&f[eapMD5ValueSize], uint64(n))
		if 1+n > len(data) {
			// tshark shows the bytes there are.
			e.Sub()
			e.ExpertLine("Warning", "Protocol", "Overflow", nil)
			e.Up()
			if len(data) > 1 {
				e.Bytes(&f[eapMD5Value], data[1:])
			}
			return
		}
		e.Bytes(&f[eapMD5Value], data[1:1+n])
		if len(data) > 1+n {
			e.Bytes(&f[eapMD5ExtraData], data[1+n:])
		}
	case eapTLSLike(t) && len(data) > 0:
		fl := data[0]
		e.Uint(&f[eapTLSFlags], uint64(fl))
		e.Sub()
		e.Bool(&f[eapTLSFlagsLen], fl&eapTLSLength != 0)
		e.Bool(&f[eapTLSFlagsMore], fl&eapTLSMore != 0)
		e.Bool(&f[eapTLSFlagsStart], fl&eapTLSStart != 0)
		if t != eapTypeTLS {
			e.Uint(&f[eapTLSFlagsVersion], uint64(fl&7))
		}
		e.Up()
		if fl&eapTLSLength != 0 && len(data) >= 5 {
			e.Uint(&f[eapTLSLen], uint64(be32(data[1:])))
		}
	case (t == eapTypeSIM || t == eapTypeAKA) && len(data) >= 3:
		sub, res := eapSIMSubtype, eapSIMReserved
		if t == eapTypeAKA {
			sub, res = eapAKASubtype, eapAKAReserved
		}
		e.Uint(&f[sub], uint64(data[0]))
		e.Uint(&f[res], uint64(be16(data[1:])))
	case t == eapTypeLEAP:
		e.Sub()
		e.ExpertLine("Warning", "Security", "Vulnerable to dictionary attacks. If possible, change EAP type. See http://www.cisco.com/warp/public/cc/pd/witc/ao350ap/prodlit/2331_pp.pdf", nil)
		e.Up()
		// As far as the bytes go, as tshark reads them.
		for k, fk := range [...]int{eapLEAPVersion, eapLEAPReserved, eapLEAPCount} {
			if k < len(data) {
				e.Uint(&f[fk], uint64(data[k]))
			}
		}
	}
}

// infoEAP appends tshark's Info column for layer i.
func infoEAP(b []byte, d *Decoder, i int) []byte {
	if p := eapOf(d, i); p != nil {
		b = appendEAPInfo(b, p)
	}
	return b
}

// appendEAPInfo appends "Request, Identity": the code's name, and a
// request's or response's type.
func appendEAPInfo(b []byte, p EAP) []byte {
	name := eapName(eapCode, uint64(p.Code()))
	if name == "" {
		name = "Unknown"
	}
	b = append(b, name...)
	if t, ok := p.Type(); ok {
		b = append(b, ", "...)
		name = eapName(eapType, uint64(t))
		if name == "" {
			name = "Unknown"
		}
		b = append(b, name...)
	}
	return b
}

// tcpdump's names of EAP codes, types and EAP-SIM/AKA subtypes.
func eapTcpdumpCode(c uint8) string {
	switch c {
	case 1:
		return "Request"
	case 2:
		return "Response"
	case 3:
		return "Success"
	case 4:
		return "Failure"
	}
	return "unknown"
}

func eapTcpdumpType(t uint8) string {
	switch t {
	case 1:
		return "Identity"
	case 2:
		return "Notification"
	case 3:
		return "Nak"
	case 4:
		return "MD5-challenge"
	case 5:
		return "OTP"
	case 6:
		return "GTC"
	case 13:
		return "TLS"
	case 18:
		return "SIM"
	case 21:
		return "TTLS"
	case 23:
		return "AKA"
	case 43:
		return "FAST"
	case 254:
		return "Expanded types"
	case 255:
		return "Experimental"
	}
	return "unknown"
}

func eapTcpdumpSubtype(s uint8) string {
	switch s {
	case 1, 11:
		return "Challenge"
	case 2:
		return "Auth reject"
	case 4:
		return "Sync failure"
	case 5:
		return "Identity"
	case 10:
		return "Start"
	case 12:
		return "Notification"
	case 13:
		return "Reauth"
	case 14:
		return "Client error"
	}
	return "unknown"
}

// appendEAPTLSFlags appends tcpdump's " flags [L bit, More fragments bit] 0xc0".
func appendEAPTLSFlags(b []byte, fl uint8) []byte {
	b = append(b, " flags ["...)
	sep := ""
	for _, x := range [...]struct {
		bit  uint8
		name string
	}{{eapTLSLength, "L bit"}, {eapTLSMore, "More fragments bit"}, {eapTLSStart, "Start bit"}} {
		if fl&x.bit != 0 {
			b = append(b, sep...)
			b = append(b, x.name...)
			sep = ", "
		}
	}
	if sep == "" {
		b = append(b, "none"...)
	}
	b = append(b, "] 0x"...)
	return appendHex2(b, fl)
}

// appendEAPVerbose appends what tcpdump -v prints of EAP packet raw (the
// bytes after EAPOL's header, cut to what was captured) whose EAPOL body
// length is bodyLen: ", Request (1), id 1, len 5" and the type on a
// line of its own, with " [|eap]" where the capture ends early.
func appendEAPVerbose(b, raw []byte, bodyLen int) []byte {
	if len(raw) < 4 {
		return append(b, " [|eap]"...)
	}
	code, n := raw[0], int(be16(raw[2:]))
	if n != bodyLen {
		return append(b, ", EAP fragment?"...)
	}
	b = append(b, ", "...)
	b = append(b, eapTcpdumpCode(code)...)
	b = append(b, " ("...)
	b = strconv.AppendInt(b, int64(code), 10)
	b = append(b, "), id "...)
	b = strconv.AppendInt(b, int64(raw[1]), 10)
	b = append(b, ", len "...)
	b = strconv.AppendInt(b, int64(n), 10)
	if n > len(raw) {
		return append(b, " [|eap]"...)
	}
	if code != eapRequest && code != eapResponse {
		return b
	}
	if n < 5 {
		return append(b, " [|eap]"...)
	}
	p := raw[:n]
	t := p[4]
	b = append(b, "\n\t\t Type "...)
	b = append(b, eapTcpdumpType(t)...)
	b = append(b, " ("...)
	b = strconv.AppendInt(b, int64(t), 10)
	b = append(b, ')')
	data := p[5:]
	switch t {
	case eapTypeIdentity, eapTypeNotification:
		if len(data) > 0 {
			if t == eapTypeIdentity {
				b = append(b, ", Identity: "...)
			} else {
				b = append(b, ", Notification: "...)
			}
			b = appendPrintableZ(b, data)
		}
	case eapTypeNak:
		if len(data) == 0 {
			return append(b, " (too short for EAP Legacy NAK request/response)"...)
		}
		for k, c := range data {
			if k > 0 {
				b = append(b, ',')
			}
			b = append(b, ' ')
			b = append(b, eapTcpdumpType(c)...)
			b = append(b, " ("...)
			b = strconv.AppendInt(b, int64(c), 10)
			b = append(b, ')')
		}
	case eapTypeTLS, eapTypeTTLS, eapTypeFAST:
		if len(data) == 0 {
			if t == eapTypeFAST {
				return append(b, " (too short for EAP FAST request/response)"...)
			}
			return append(b, " (too short for EAP TLS/TTLS request/response)"...)
		}
		fl := data[0]
		switch t {
		case eapTypeTTLS:
			b = append(b, " TTLSv"...)
			b = strconv.AppendInt(b, int64(fl&7), 10)
		case eapTypeFAST:
			b = append(b, " FASTv"...)
			b = strconv.AppendInt(b, int64(fl&7), 10)
		}
		b = appendEAPTLSFlags(b, fl)
		if fl&eapTLSLength != 0 {
			if len(data) < 5 {
				if t == eapTypeFAST {
					return append(b, " (too short for EAP FAST request/response with length)"...)
				}
				return append(b, " (too short for EAP TLS/TTLS request/response with length)"...)
			}
			b = append(b, ", len "...)
			b = strconv.AppendUint(b, uint64(be32(data[1:])), 10)
		}
	case eapTypeSIM, eapTypeAKA:
		if len(data) == 0 {
			return append(b, " [|eap]"...)
		}
		b = append(b, " subtype ["...)
		b = append(b, eapTcpdumpSubtype(data[0])...)
		b = append(b, "] 0x"...)
		b = appendHex2(b, data[0])
	}
	return b
}
