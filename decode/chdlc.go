package decode

import (
	"strconv"

	"github.com/rawcap/rawcap/linktype"
)

// CHDLC is a Cisco HDLC header (link type 104, LINKTYPE_C_HDLC): an
// address byte (0x0f unicast, 0x8f multicast), a control byte and the
// protocol of what follows, an EtherType for most:
//
//	+--------+--------+--------+--------+
//	| address| control|     protocol    |
//	+--------+--------+--------+--------+
type CHDLC []byte

const linkCHDLC = linktype.Type(104)

const chdlcHeaderLen = 4

// chdlcOSI is the protocol of OSI packets, whose NLPID tcpdump looks for.
const chdlcOSI = 0xfefe

// decodeCHDLC hands the packet after the header to IPv4, IPv6 or MPLS; other
// protocols are left as data. A header cut short keeps what was captured.
func (d *Decoder) decodeCHDLC(l *Layer) LayerType {
	b := d.bytes(l)
	if len(b) < chdlcHeaderLen {
		l.Payload = l.End
		return LayerNone
	}
	l.Payload = l.Start + chdlcHeaderLen
	if l.Payload == l.End {
		return LayerNone
	}
	switch be16(b[2:]) {
	case EtherTypeIPv4:
		return LayerIPv4
	case EtherTypeIPv6:
		return LayerIPv6
	case EtherTypeMPLS, EtherTypeMPLSMulti:
		return LayerMPLS
	}
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	chdlcAddress = iota
	chdlcControl
	chdlcProtocol
	chdlcFieldCount
)

var chdlcFields = [chdlcFieldCount]Field{
	chdlcAddress:  {Name: "chdlc.address", Label: "Address", Kind: KindUint, Width: 8, Base: BaseHex},
	chdlcControl:  {Name: "chdlc.control", Label: "Control", Kind: KindUint, Width: 8, Base: BaseHex},
	chdlcProtocol: {Name: "chdlc.protocol", Label: "Protocol", Kind: KindUint, Width: 16, Base: BaseHex},
}

var protoCHDLC = protoField("chdlc", "Cisco HDLC")

// emitCHDLC emits the header's fields as far as they were captured, in
// the order of tshark's tree, which is drawn from them (treefields.go). A
// header cut short, or one the capture cut right after (nothing of what
// it carries was kept), ends with tshark's exception line.
func emitCHDLC(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	f := &chdlcFields
	h := d.data[l.Start:l.End]
	e.Proto(&protoCHDLC)
	if len(h) >= 1 {
		e.Uint(&f[chdlcAddress], uint64(h[0]))
	}
	if len(h) >= 2 {
		e.Uint(&f[chdlcControl], uint64(h[1]))
	}
	if len(h) >= chdlcHeaderLen {
		e.Uint(&f[chdlcProtocol], uint64(be16(h[2:])))
	}
	e.End()
	if chdlcRunsOff(d, l, e.wire) {
		e.TreeException("CHDLC")
	}
}

// chdlcRunsOff reports whether tshark runs off the end of the captured
// bytes in the header l or right after it: it was captured up to there
// only, and the frame was longer (wire).
func chdlcRunsOff(d *Decoder, l *Layer, wire int) bool {
	n := l.End - l.Start
	return (n < chdlcHeaderLen || l.End == len(d.data) && n == chdlcHeaderLen) && len(d.data) < wire
}

// infoCHDLC appends the Info column of a Cisco HDLC frame rawcap takes no
// further: nothing, or tshark's mark where it runs off the captured bytes.
func (p *ColumnsPrinter) infoCHDLC(b []byte, d *Decoder, i int) []byte {
	if chdlcRunsOff(d, &d.layers[i], p.wire) {
		b = p.appendException(b)
	}
	return b
}

// appendCHDLCProto appends the Protocol column of a Cisco HDLC frame
// rawcap takes no further: "CHDLC", or the protocol in hex ("0x3030") where
// tshark hands bytes of a protocol it has no name for to its data dissector.
func appendCHDLCProto(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	if l.Payload < l.End && l.Payload-l.Start == chdlcHeaderLen {
		if p := be16(d.data[l.Start+2:]); chdlcFields[chdlcProtocol].ValueNames().Name(uint64(p)) == "" {
			return appendUnknownEtherTypeProto(b, p)
		}
	}
	return append(b, "CHDLC"...)
}

// lineCHDLC appends tcpdump's line for a Cisco HDLC frame: with -e the
// address, protocol and length ("unicast, ethertype IPv4 (0x0800), length
// 84: "), then the packet inside, or "unknown CHDLC protocol (0x3030)".
func (p *LinePrinter) lineCHDLC(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	h := d.data[l.Start:l.End]
	if p.wire < chdlcHeaderLen {
		return append(b, " [|chdlc]"...)
	}
	if len(h) < chdlcHeaderLen {
		return p.cut(b, " [|chdlc]") // tcpdump's read of the protocol longjmps out
	}
	proto := be16(h[2:])
	if p.Options.Link {
		switch h[0] {
		case 0x0f:
			b = append(b, "unicast"...)
		case 0x8f:
			b = append(b, "bcast"...)
		default:
			b = appendHex2(append(b, "0x"...), h[0])
		}
		b = append(b, ", ethertype "...)
		if proto == chdlcOSI {
			b = append(b, "OSI"...)
		} else {
			b = append(b, etherTypeName(proto)...)
		}
		b = appendHex4(append(b, " (0x"...), proto)
		b = strconv.AppendInt(append(b, "), length "...), int64(p.wire), 10)
		b = append(b, ": "...)
	}
	switch proto {
	case EtherTypeIPv4, EtherTypeIPv6, EtherTypeMPLS, EtherTypeMPLSMulti:
		if i+1 < d.n {
			return p.lineInner(b, d, i+1)
		}
		// Nothing of the packet was captured: tcpdump's IPv4 printer
		// longjmps out at its first read, the others check first.
		switch proto {
		case EtherTypeIPv4:
			return p.cut(b, " [|ip]")
		case EtherTypeIPv6:
			return append(b, " [|ip6]"...)
		}
		return append(b, "MPLS (invalid)"...)
	case chdlcOSI:
		if len(h) < chdlcHeaderLen+2 {
			return p.cut(b, " [|chdlc]") // tcpdump looks at the second byte for an NLPID
		}
		return b // OSI inside Cisco HDLC: not printed yet
	}
	if !p.Options.Link {
		b = appendHex4(append(b, "unknown CHDLC protocol (0x"...), proto)
		b = append(b, ')')
	}
	return b
}
