package decode

import "strconv"

// PPPoE is a PPP-over-Ethernet header (RFC 2516), after the EtherTypes
// 0x8863 (discovery: tags follow) and 0x8864 (session: a PPP frame
// follows, from its protocol field):
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|  VER  | TYPE  |      CODE     |          SESSION_ID           |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|            LENGTH             |           payload             ~
//
// A discovery packet's tags are a 16-bit type, a 16-bit length and the
// value.
type PPPoE []byte

// The PPPoE EtherTypes.
const (
	EtherTypePPPoED = 0x8863
	EtherTypePPPoES = 0x8864
)

const pppoeHdrLen = 6

// ParsePPPoE returns the PPPoE header at the start of b.
func ParsePPPoE(b []byte) (PPPoE, error) {
	if len(b) < pppoeHdrLen {
		return nil, ReasonTruncated
	}
	return PPPoE(b[:pppoeHdrLen:pppoeHdrLen]), nil
}

// Version returns the version (1).
func (p PPPoE) Version() uint8 { return p[0] >> 4 }

// Type returns the type (1).
func (p PPPoE) Type() uint8 { return p[0] & 0x0f }

// Code returns the code: 0 for session data, PADI 0x09, PADO 0x07, PADR
// 0x19, PADS 0x65, PADT 0xa7.
func (p PPPoE) Code() uint8 { return p[1] }

// SessionID returns the session identifier.
func (p PPPoE) SessionID() uint16 { return be16(p[2:]) }

// Length returns the payload length the header announces.
func (p PPPoE) Length() int { return int(be16(p[4:])) }

func (d *Decoder) decodePPPoE(l *Layer) LayerType {
	h, err := ParsePPPoE(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + pppoeHdrLen
	if end := l.Payload + h.Length(); end < l.End {
		l.End = end // what follows is the frame's padding
	}
	if l.Type == LayerPPPoED {
		// The tags are the layer's own.
		if !pppoeTagsEnd(d.data[l.Payload:l.End]) {
			l.Malformed = ReasonTruncated
		}
		l.Payload = l.End
		return LayerNone
	}
	if l.Payload == l.End {
		return LayerNone
	}
	return LayerPPP
}

// pppoeTagsEnd walks the tags of b and reports whether they end within it.
func pppoeTagsEnd(b []byte) bool {
	for off := 0; off < len(b); {
		if off+4 > len(b) || off+4+int(be16(b[off+2:])) > len(b) {
			return false
		}
		off += 4 + int(be16(b[off+2:]))
	}
	return true
}

// pppoeTags visits the tags whose header and value are there.
func pppoeTags(b []byte, fn func(typ uint16, v []byte)) {
	for off := 0; off+4 <= len(b); {
		n := int(be16(b[off+2:]))
		if off+4+n > len(b) {
			return
		}
		fn(be16(b[off:]), b[off+4:off+4+n])
		off += 4 + n
	}
}

// The PPPoE discovery tags rawcap names.
const (
	pppoeTagEOL        = 0x0000
	pppoeTagService    = 0x0101
	pppoeTagACName     = 0x0102
	pppoeTagHostUniq   = 0x0103
	pppoeTagACCookie   = 0x0104
	pppoeTagMaxPayload = 0x0120
)

// The fields, as Wireshark registers them.
const (
	pppoeVersion = iota
	pppoeType
	pppoeCode
	pppoeSessionID
	pppoePayloadLen
	pppoeServiceName
	pppoeACName
	pppoeHostUniq
	pppoeACCookie
	pppoeMaxPayload
	pppoeFieldCount
)

var pppoeFields = [pppoeFieldCount]Field{
	pppoeVersion:     {Name: "pppoe.version", Label: "Version", Kind: KindUint, Width: 8, Mask: 0xf0, Proto: &protoPPPoE},
	pppoeType:        {Name: "pppoe.type", Label: "Type", Kind: KindUint, Width: 8, Mask: 0x0f, Proto: &protoPPPoE},
	pppoeCode:        {Name: "pppoe.code", Label: "Code", Kind: KindUint, Width: 8, Base: BaseHex, Proto: &protoPPPoE},
	pppoeSessionID:   {Name: "pppoe.session_id", Label: "Session ID", Kind: KindUint, Width: 16, Base: BaseHex, Proto: &protoPPPoE},
	pppoePayloadLen:  {Name: "pppoe.payload_length", Label: "Payload Length", Kind: KindUint, Width: 16, Proto: &protoPPPoE},
	pppoeServiceName: {Name: "pppoed.tags.service_name", Label: "Service-Name", Kind: KindString},
	pppoeACName:      {Name: "pppoed.tags.ac_name", Label: "AC-Name", Kind: KindString},
	pppoeHostUniq:    {Name: "pppoed.tags.host_uniq", Label: "Host-Uniq", Kind: KindBytes},
	pppoeACCookie:    {Name: "pppoed.tags.ac_cookie", Label: "AC-Cookie", Kind: KindBytes},
	pppoeMaxPayload:  {Name: "pppoed.tags.max_payload", Label: "PPP-Max-Payload", Kind: KindBytes},
}

var (
	protoPPPoED = protoField("pppoed", "PPP-over-Ethernet Discovery")
	protoPPPoES = protoField("pppoes", "PPP-over-Ethernet Session")
	// protoPPPoE registers the header's fields both carry (pppoe.*): -T
	// ek keys them by it.
	protoPPPoE = protoField("pppoe", "PPP-over-Ethernet")
)

// emitPPPoE emits the header's fields and, for discovery, the tags', in
// the order and nesting of tshark's tree, which is drawn from them
// (treefields.go): the tags under a "PPPoE Tags" line. The tree leaves out
// an empty tag, as tshark does, and stops at the first tag rawcap does not
// name.
func emitPPPoE(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	disc := l.Type == LayerPPPoED
	if l.End-l.Start < pppoeHdrLen && e.Tree() {
		return // tshark's tree shows nothing of a header cut short
	}
	if disc {
		e.Proto(&protoPPPoED)
	} else {
		e.Proto(&protoPPPoES)
	}
	if l.End-l.Start >= pppoeHdrLen {
		h := PPPoE(d.data[l.Start : l.Start+pppoeHdrLen])
		f := &pppoeFields
		e.UintBits(&f[pppoeVersion], uint64(h[0]))
		e.UintBits(&f[pppoeType], uint64(h[0]))
		e.Uint(&f[pppoeCode], uint64(h.Code()))
		e.Uint(&f[pppoeSessionID], uint64(h.SessionID()))
		e.Uint(&f[pppoePayloadLen], uint64(h.Length()))
		if disc && l.Start+pppoeHdrLen < l.End {
			e.LineString("PPPoE Tags")
			e.Sub()
			stop := false
			pppoeTags(d.data[l.Start+pppoeHdrLen:l.End], func(typ uint16, v []byte) {
				switch typ {
				case pppoeTagService, pppoeTagHostUniq, pppoeTagACCookie, pppoeTagMaxPayload:
					if len(v) == 0 {
						return // tshark adds an item for an empty AC-Name only
					}
				}
				switch typ {
				case pppoeTagService:
					e.Bytes(&f[pppoeServiceName], v)
				case pppoeTagACName:
					e.Bytes(&f[pppoeACName], v)
				case pppoeTagHostUniq:
					e.Bytes(&f[pppoeHostUniq], v)
				case pppoeTagACCookie:
					e.Bytes(&f[pppoeACCookie], v)
				case pppoeTagMaxPayload:
					e.Bytes(&f[pppoeMaxPayload], v)
				default:
					stop = true // a tag rawcap does not name: the tree shows no more
					return
				}
				if stop {
					e.NoTree()
				}
			})
			e.Up()
		}
	}
	e.End()
}

// pppoeCodeName returns Wireshark's name of a code.
func pppoeCodeName(c uint8) string {
	switch c {
	case 0x00:
		return "Session Data"
	case 0x07:
		return "Active Discovery Offer (PADO)"
	case 0x09:
		return "Active Discovery Initiation (PADI)"
	case 0x19:
		return "Active Discovery Request (PADR)"
	case 0x65:
		return "Active Discovery Session-confirmation (PADS)"
	case 0xa7:
		return "Active Discovery Terminate (PADT)"
	}
	return ""
}

// infoPPPoE appends tshark's Info of a discovery packet: its code's name
// (of a header cut short too), then its AC-Names.
func infoPPPoE(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.End-l.Start < 2 {
		return b
	}
	name := pppoeCodeName(d.data[l.Start+1])
	if name == "" {
		name = "Unknown"
	}
	b = append(b, name...)
	if l.Type != LayerPPPoED || l.End-l.Start < pppoeHdrLen {
		return b
	}
	// Then each AC-Name, as tshark appends them.
	pppoeTags(d.data[l.Start+pppoeHdrLen:l.End], func(typ uint16, v []byte) {
		if typ == pppoeTagACName {
			b = append(b, " AC-Name='"...)
			b = appendTreeString(b, v)
			b = append(b, '\'')
		}
	})
	return b
}

// pppoeTagTcpdump returns tcpdump's name of a tag, or "".
func pppoeTagTcpdump(t uint16) string {
	switch t {
	case pppoeTagEOL:
		return "EOL"
	case pppoeTagService:
		return "Service-Name"
	case pppoeTagACName:
		return "AC-Name"
	case pppoeTagHostUniq:
		return "Host-Uniq"
	case pppoeTagACCookie:
		return "AC-Cookie"
	case 0x0105:
		return "Vendor-Specific"
	case 0x0110:
		return "Relay-Session-ID"
	case pppoeTagMaxPayload:
		return "PPP-Max-Payload"
	case 0x0201:
		return "Service-Name-Error"
	case 0x0202:
		return "AC-System-Error"
	case 0x0203:
		return "Generic-Error"
	}
	return ""
}

// linePPPoE appends tcpdump's "PPPoE PADI [Service-Name] [Host-Uniq
// 0x16372C16]", or for session data "PPPoE  [ses 0x1] " and the PPP frame.
func (p *LinePrinter) linePPPoE(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	data := d.data[l.Start:]
	length := len(data)
	if p.wire > l.Start {
		length = p.wire - l.Start
	}
	if length < pppoeHdrLen {
		return append(b, " (invalid)"...)
	}
	if len(data) < pppoeHdrLen {
		return append(b, " [|pppoe]"...)
	}
	h := PPPoE(data[:pppoeHdrLen])
	b = append(b, "PPPoE "...)
	switch c := h.Code(); c {
	case 0x09:
		b = append(b, "PADI"...)
	case 0x07:
		b = append(b, "PADO"...)
	case 0x19:
		b = append(b, "PADR"...)
	case 0x65:
		b = append(b, "PADS"...)
	case 0xa7:
		b = append(b, "PADT"...)
	case 0:
	default:
		b = append(b, "PAD-"...)
		b = strconv.AppendUint(b, uint64(c), 16)
	}
	plen := h.Length()
	length -= pppoeHdrLen
	if plen > length {
		b = append(b, " [len "...)
		b = strconv.AppendInt(b, int64(plen), 10)
		b = append(b, " > "...)
		b = strconv.AppendInt(b, int64(length), 10)
		b = append(b, "!]"...)
		plen = length
	}
	if h.Version() != 1 {
		b = append(b, " [ver "...)
		b = strconv.AppendUint(b, uint64(h.Version()), 10)
		b = append(b, ']')
	}
	if h.Type() != 1 {
		b = append(b, " [type "...)
		b = strconv.AppendUint(b, uint64(h.Type()), 10)
		b = append(b, ']')
	}
	if h.SessionID() != 0 {
		b = append(b, " [ses 0x"...)
		b = strconv.AppendUint(b, uint64(h.SessionID()), 16)
		b = append(b, ']')
	}
	if h.Code() == 0 {
		b = append(b, ' ')
		if i+1 < d.n && d.layers[i+1].Type == LayerPPP {
			return p.lineLayer(b, d, i+1)
		}
		return b
	}
	tags := data[pppoeHdrLen:]
	for off, typ := 0, uint16(0xffff); typ != 0 && off < plen; {
		if off+4 > len(tags) {
			return append(b, " [|pppoe]"...)
		}
		typ = be16(tags[off:])
		n := int(be16(tags[off+2:]))
		off += 4
		if n > 0 && off+n > len(tags) {
			return append(b, " [|pppoe]"...)
		}
		b = append(b, " ["...)
		if name := pppoeTagTcpdump(typ); name != "" {
			b = append(b, name...)
		} else {
			b = append(b, "TAG-0x"...)
			b = strconv.AppendUint(b, uint64(typ), 16)
		}
		if n > 0 {
			v := tags[off : off+n]
			printable := 0
			for _, c := range v[:min(len(v), 79)] {
				if c >= 0x20 && c < 0x7f {
					printable++
				}
			}
			if printable > min(len(v), 79)-printable {
				b = append(b, " \""...)
				for _, c := range v[:min(len(v), 79)] {
					if c >= 0x20 && c < 0x7f {
						b = append(b, c)
					} else {
						b = append(b, '.')
					}
				}
				b = append(b, '"')
			} else {
				b = append(b, " 0x"...)
				for _, c := range v {
					b = append(b, upperHex[c>>4], upperHex[c&15])
				}
			}
		}
		b = append(b, ']')
		off += n
	}
	return b
}

const upperHex = "0123456789ABCDEF"
