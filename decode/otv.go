package decode

import "github.com/rawcap/rawcap/linktype"

// OTV is Cisco's Overlay Transport Virtualization (draft-hasmit-otv-04),
// an Ethernet frame behind an 8-byte header in UDP port 8472:
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|R|R|R|R|I|R|R|R|           Overlay ID                          |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|          Instance ID                          | Reserved      |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Wireshark has no OTV dissector: its tree, fields and packet list show
// the UDP payload as data, and so do rawcap's. Only tcpdump's one-liner
// decodes it, so OTV is no layer of its own: the line printer reads the
// header and prints the frame after it through a decoder of its own.
const (
	otvPort   = 8472
	otvHdrLen = 8
)

// lineOTV appends tcpdump's "OTV, flags [I] (0x08), overlay 0, instance
// 42", a newline and the tunnelled frame, for the UDP payload after layer
// u (length is the payload's length as the UDP header announces it).
func (p *LinePrinter) lineOTV(b []byte, d *Decoder, u int, length int) []byte {
	l := &d.layers[u]
	c := d.data[l.Payload:l.End:l.End]
	b = append(b, "OTV, "...)
	if length < otvHdrLen {
		b = append(b, "[length "...)
		b = appendUint(b, uint64(max(length, 0)))
		b = append(b, " < 8] (invalid)"...)
		return b
	}
	if len(c) < 1 {
		return append(b, " [|otv]"...)
	}
	b = append(b, "flags ["...)
	if c[0]&0x08 != 0 {
		b = append(b, 'I')
	} else {
		b = append(b, '.')
	}
	b = append(b, "] (0x"...)
	b = appendHex2(b, c[0])
	b = append(b, "), "...)
	if len(c) < 4 {
		return append(b, " [|otv]"...)
	}
	b = append(b, "overlay "...)
	b = appendUint(b, uint64(c[1])<<16|uint64(c[2])<<8|uint64(c[3]))
	b = append(b, ", "...)
	if len(c) < 7 {
		return append(b, " [|otv]"...)
	}
	b = append(b, "instance "...)
	b = appendUint(b, uint64(c[4])<<16|uint64(c[5])<<8|uint64(c[6]))
	b = append(b, '\n')
	if len(c) < otvHdrLen {
		return append(b, " [|otv]"...)
	}
	in := p.decodeInner(d, c[otvHdrLen:], linktype.Ethernet)
	if in == nil {
		// OTV inside OTV: tcpdump would go on, rawcap stops here.
		return b
	}
	if in.n == 0 {
		return append(b, " [|ether]"...)
	}
	// The inner frame's length on the wire, for -e's "length N".
	wire := p.wire
	p.wire = length - otvHdrLen
	b = p.lineInner(b, in, 0)
	p.wire = wire
	return b
}
