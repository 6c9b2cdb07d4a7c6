package decode

import "github.com/rawcap/rawcap/linktype"

// ARCNET (link types 7, LINKTYPE_ARCNET_BSD, and 129, LINKTYPE_ARCNET_LINUX)
// carries IP and ARP as RFC 1051 and RFC 1201 describe: a source and a
// destination station ID (a byte each), Linux's two offset bytes, the
// protocol ID, and for the protocol IDs of RFC 1201 the split flag and a
// sequence number:
//
//	| src | dst | [offset (2), Linux] | protocol ID | [split flag | sequence (2), RFC 1201] |
//
// A split flag of 0xff marks RFC 1201's exception packet: the exception
// flag, two padding bytes, then the real protocol ID, split flag and
// sequence number follow.
const (
	linkARCNET      = linktype.Type(7)
	linkARCNETLinux = linktype.Type(129)
)

// ARCNET is an ARCNET header as rawcap reads it: whether it holds Linux's
// offset bytes is the link type's to say.
type ARCNET []byte

// The ARCNET protocol IDs rawcap hands on.
const (
	arcnetIPOld    = 0xf0 // RFC 1051 IP
	arcnetARPOld   = 0xf1 // RFC 1051 ARP
	arcnetDiagnose = 0x80
	arcnetIP       = 0xd4 // RFC 1201 IP
	arcnetARP      = 0xd5 // RFC 1201 ARP
	arcnetRARP     = 0xd6 // RFC 1201 RARP
)

// arcnetRFC1201 reports whether protocol ID p is followed by RFC 1201's
// split flag and sequence number (every ID but RFC 1051's and Diagnose).
func arcnetRFC1201(p uint8) bool {
	return p != arcnetIPOld && p != arcnetARPOld && p != arcnetDiagnose
}

// ParseARCNET returns the header at the start of b (with Linux's offset
// bytes when linux is set). A BSD header whose split flag is 0xff is RFC
// 1201's exception packet, whose real header follows; Linux's is read as
// it is, as tshark and tcpdump read it.
func ParseARCNET(b []byte, linux bool) (ARCNET, error) {
	at := arcnetProtoAt(linux)
	if len(b) <= at {
		return nil, ReasonTruncated
	}
	n := at + 1
	if arcnetRFC1201(b[at]) {
		n += 3
		if !linux && len(b) > at+1 && b[at+1] == 0xff {
			n += 4 // an exception packet
		}
	}
	if len(b) < n {
		return nil, ReasonTruncated
	}
	return ARCNET(b[:n:n]), nil
}

// Src returns the source station ID.
func (h ARCNET) Src() uint8 { return h[0] }

// Dst returns the destination station ID.
func (h ARCNET) Dst() uint8 { return h[1] }

// arcnetProtoAt returns the offset of the protocol ID in a Linux header
// (linux) or a BSD one.
func arcnetProtoAt(linux bool) int {
	if linux {
		return 4
	}
	return 2
}

// Protocol returns the protocol ID of the payload: after an exception
// packet's header, the real one.
func (h ARCNET) Protocol(linux bool) uint8 {
	at := arcnetProtoAt(linux)
	if len(h) == at+8 {
		return h[at+4]
	}
	return h[at]
}

// decodeARCNET decodes an ARCNET header; one cut short is kept and marked
// (its fields are emitted as far as they go, as tshark shows them).
func (d *Decoder) decodeARCNET(l *Layer) LayerType {
	linux := d.LinkType() == linkARCNETLinux
	h, err := ParseARCNET(d.data[l.Start:l.End], linux)
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + len(h)
	switch h.Protocol(linux) {
	case arcnetIPOld, arcnetIP:
		return LayerIPv4
	case arcnetARPOld, arcnetARP, arcnetRARP:
		return LayerARP
	}
	return LayerPayload
}

const (
	arcnetSrc = iota
	arcnetDst
	arcnetOffset
	arcnetProtID
	arcnetSplitFlag
	arcnetExceptionFlag
	arcnetSequence
	arcnetPadding
	arcnetFieldCount
)

var arcnetFields = [arcnetFieldCount]Field{
	arcnetSrc:           {Name: "arcnet.src", Label: "Source", Kind: KindUint, Width: 8, Base: BaseHex},
	arcnetDst:           {Name: "arcnet.dst", Label: "Dest", Kind: KindUint, Width: 8, Base: BaseHex},
	arcnetOffset:        {Name: "arcnet.offset", Label: "Offset", Kind: KindBytes},
	arcnetProtID:        {Name: "arcnet.protID", Label: "Protocol ID", Kind: KindUint, Width: 8, Base: BaseHex},
	arcnetSplitFlag:     {Name: "arcnet.split_flag", Label: "Split Flag", Kind: KindUint, Width: 8},
	arcnetExceptionFlag: {Name: "arcnet.exception_flag", Label: "Exception Flag", Kind: KindUint, Width: 8, Base: BaseHex},
	arcnetSequence:      {Name: "arcnet.sequence", Label: "Sequence", Kind: KindUint, Width: 16},
	arcnetPadding:       {Name: "arcnet.padding", Label: "Padding", Kind: KindUint, Width: 16, Base: BaseHex},
}

var protoARCNET = protoField("arcnet", "ARCNET")

// emitARCNET emits the header's fields in tshark's order: of a header
// cut short, those the capture holds.
func emitARCNET(e *emitter, i int) {
	l := &e.d.layers[i]
	e.Proto(&protoARCNET)
	h := e.d.data[l.Start:l.End]
	if l.Payload > l.Start {
		h = e.d.data[l.Start:l.Payload]
	}
	f := &arcnetFields
	linux := e.d.LinkType() == linkARCNETLinux
	at := arcnetProtoAt(linux)
	if len(h) >= 1 {
		e.Uint(&f[arcnetSrc], uint64(h[0]))
	}
	if len(h) >= 2 {
		e.Uint(&f[arcnetDst], uint64(h[1]))
	}
	if linux && len(h) >= 4 {
		e.Bytes(&f[arcnetOffset], h[2:4])
	}
	if len(h) <= at {
		arcnetEnd(e, l)
		return
	}
	e.Uint(&f[arcnetProtID], uint64(h[at]))
	if !arcnetRFC1201(h[at]) {
		arcnetEnd(e, l)
		return
	}
	if !linux && len(h) > at+1 && h[at+1] == 0xff {
		// An exception packet: the flag, padding, then the real header.
		e.Uint(&f[arcnetExceptionFlag], uint64(h[at+1]))
		if len(h) < at+4 {
			arcnetEnd(e, l)
			return
		}
		e.Uint(&f[arcnetPadding], uint64(be16(h[at+2:])))
		if len(h) <= at+4 {
			arcnetEnd(e, l)
			return
		}
		e.Uint(&f[arcnetProtID], uint64(h[at+4]))
		at += 4
	}
	if len(h) > at+1 {
		e.Uint(&f[arcnetSplitFlag], uint64(h[at+1]))
	}
	if len(h) >= at+4 {
		e.Uint(&f[arcnetSequence], uint64(be16(h[at+2:])))
	}
	arcnetEnd(e, l)
}

// arcnetEnd closes ARCNET's fields, with tshark's exception item after a
// header cut short.
func arcnetEnd(e *emitter, l *Layer) {
	e.End()
	if l.Malformed != "" {
		e.TreeException("ARCNET")
	}
}

// appendARCNETColAddr appends the source (or destination) station ID as
// Wireshark's packet list shows it ("0xbe").
func appendARCNETColAddr(b []byte, h ARCNET, src bool) []byte {
	if src {
		return appendHex2(append(b, "0x"...), h.Src())
	}
	return appendHex2(append(b, "0x"...), h.Dst())
}

// appendARCNETProto appends the Protocol column of a row whose last layer
// is ARCNET layer i: a protocol ID rawcap hands nothing ("0x0080"), or
// "ARCNET" for a header cut short or IP without a byte.
func appendARCNETProto(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Malformed != "" || arcnetEmptyIP(d, i) {
		return append(b, "ARCNET"...)
	}
	h := ARCNET(d.data[l.Start:l.Payload])
	return appendHex4(append(b, "0x"...), uint16(h.Protocol(d.LinkType() == linkARCNETLinux)))
}

// arcnetEmptyIP reports whether layer i is ARCNET followed by an IPv4
// layer without a byte, whose dissector in tshark fails before naming the
// packet list's row: the row is ARCNET's.
func arcnetEmptyIP(d *Decoder, i int) bool {
	if d.layers[i].Type != LayerARCNET || i+1 >= d.n {
		return false
	}
	l := &d.layers[i+1]
	return l.Type == LayerIPv4 && l.End == l.Start
}

// appendARCNETLink appends tcpdump's -e text of header h: the stations, the protocol ID's name (but with -q), with
// phds a BSD header's RFC 1201 sequence number and fragment, the length.
func (p *LinePrinter) appendARCNETLink(b, h []byte, phds bool) []byte {
	b = appendHex2(b, h[0])
	b = appendHex2(append(b, ' '), h[1])
	if !p.Options.Quiet {
		b = append(b, ' ')
		name := ""
		for _, t := range arcnetTcpdumpTypes {
			if t.id == h[2] {
				name = t.name
			}
		}
		if name != "" {
			b = append(b, name...)
		} else {
			b = appendHex2(b, h[2])
		}
		if phds {
			flag := h[len(h)-3]
			b = appendHex4(append(b, " seqid "...), be16(h[len(h)-2:]))
			switch {
			case flag == 0:
			case flag&1 != 0:
				b = appendUint(append(b, " (first of "...), uint64(flag+3)/2)
				b = append(b, " fragments)"...)
			default:
				b = appendUint(append(b, " (fragment "...), uint64(flag)/2+1)
				b = append(b, ')')
			}
		}
	}
	b = appendUint(append(b, ' '), uint64(p.wire))
	return append(b, ": "...)
}

// arcnetTcpdumpTypes are tcpdump's names of ARCNET protocol IDs (-e).
var arcnetTcpdumpTypes = [...]struct {
	id   uint8
	name string
}{
	{arcnetIPOld, "oldip"}, {arcnetARPOld, "oldarp"}, {arcnetIP, "ip"}, {arcnetARP, "arp"},
	{arcnetRARP, "rarp"}, {0xdd, "atalk"}, {0xe8, "banyan"}, {0xfa, "ipx"}, {0xc4, "ipv6"},
	{arcnetDiagnose, "diag"},
}

// lineARCNET appends, with -e, tcpdump's ARCNET header ("be 50 ab 89: ":
// the stations, the protocol ID tcpdump reads (at the third byte, where a
// Linux header has its offset), RFC 1201's sequence number and fragment of
// a BSD header, and the frame's length; with -q the stations and length)
// before the payload's line or a hex dump of a payload rawcap does not
// decode. A header cut short ends the line with tcpdump's mark; a BSD
// header's fragment after the first shows no payload.
func (p *LinePrinter) lineARCNET(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	linux := d.LinkType() == linkARCNETLinux
	raw := d.data[l.Start:l.End]
	if l.Payload == l.Start {
		if linux || len(raw) < 3 {
			if linux {
				return append(b, " [|arcnet_linux]"...)
			}
			return append(b, " [|arcnet]"...)
		}
		// tcpdump names a BSD header's protocol before finding the
		// rest of RFC 1201's header missing, -e or not.
		b = p.appendARCNETLink(b, raw[:3], false)
		if len(raw) > 3 && raw[3] == 0xff {
			return append(b, " phds extended [|arcnet]"...)
		}
		return append(b, " phds [|arcnet]"...)
	}
	h := ARCNET(d.data[l.Start:l.Payload])
	if p.Options.Link {
		b = p.appendARCNETLink(b, h, !linux && arcnetRFC1201(h[2]))
	}
	if !linux && arcnetRFC1201(h[2]) && h[len(h)-3] != 0 && h[len(h)-3]&1 == 0 {
		return b // a fragment after the first: tcpdump leaves its bytes
	}
	if data := d.data[l.Payload:]; i+1 >= d.n || d.layers[i+1].Type == LayerPayload {
		// tcpdump dumps a payload it does not decode whatever -q, -x or
		// -X ask.
		if len(data) > 0 {
			b = appendHexDump(append(b, '\n'), data, true)
			b = b[:len(b)-1]
		}
		return b
	}
	return p.lineLayer(b, d, i+1)
}
