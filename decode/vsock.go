package decode

import "github.com/rawcap/rawcap/linktype"

// VSock is a Linux vsockmon frame (link type 271, LINKTYPE_VSOCK): the
// monitor's header, in the host's byte order (little-endian), then the
// transport's header and the payload:
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                      Source CID (64 bits)                     |
//	|                   Destination CID (64 bits)                   |
//	|                          Source port                          |
//	|                       Destination port                        |
//	|           Operation           |           Transport           |
//	|    Transport header length    |           Reserved            |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The virtio transport's header (44 bytes) repeats the addresses and adds
// the payload's length, the socket type, its own operation, flags, the
// buffer allocated and the bytes forwarded.
type VSock []byte

const (
	linkVSock          = linktype.Type(271)
	vsockHeaderLen     = 32
	vsockVirtioLen     = 44
	vsockTransVirtio   = 2
	vsockVirtioSockStr = 1
)

// ParseVSock returns the vsockmon frame at the start of b.
func ParseVSock(b []byte) (VSock, error) {
	if len(b) < vsockHeaderLen {
		return nil, ReasonTruncated
	}
	return VSock(b[:len(b):len(b)]), nil
}

// Op returns the monitor's operation (1 connect, 2 disconnect, 3
// control, 4 payload).
func (v VSock) Op() uint16 { return le16(v[24:]) }

// Transport returns the transport (2: virtio).
func (v VSock) Transport() uint16 { return le16(v[26:]) }

// TransportLen returns the length of the transport's header.
func (v VSock) TransportLen() int { return int(le16(v[28:])) }

// vsockVirtio reports whether v carries a whole virtio header, which
// tshark lays out.
func vsockVirtio(v VSock) bool {
	return v.Transport() == vsockTransVirtio && v.TransportLen() == vsockVirtioLen && len(v) >= vsockHeaderLen+vsockVirtioLen
}

func (d *Decoder) decodeVSock(l *Layer) LayerType {
	v, err := ParseVSock(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	if v.Transport() == vsockTransVirtio && v.TransportLen() == vsockVirtioLen && !vsockVirtio(v) {
		l.Malformed = ReasonTruncated
		return LayerNone
	}
	// The payload is vsock's own field: the layer ends the packet.
	l.Payload = l.End
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	vsockSrcCID = iota
	vsockDstCID
	vsockSrcPort
	vsockDstPort
	vsockOp
	vsockTrans
	vsockTransLen
	vsockReserved
	vsockPayload
	vsockVSrcCID
	vsockVDstCID
	vsockVSrcPort
	vsockVDstPort
	vsockVLen
	vsockVType
	vsockVOp
	vsockVFlags
	vsockVBufAlloc
	vsockVFwdCnt
	vsockFieldCount
)

var vsockFields = [vsockFieldCount]Field{
	vsockSrcCID:    {Name: "vsock.src_cid", Label: "Source cid", Kind: KindUint, Width: 64},
	vsockDstCID:    {Name: "vsock.dst_cid", Label: "Destination cid", Kind: KindUint, Width: 64},
	vsockSrcPort:   {Name: "vsock.src_port", Label: "Source port", Kind: KindUint, Width: 32},
	vsockDstPort:   {Name: "vsock.dst_port", Label: "Destination port", Kind: KindUint, Width: 32},
	vsockOp:        {Name: "vsock.op", Label: "Operation", Kind: KindUint, Width: 16},
	vsockTrans:     {Name: "vsock.trans", Label: "Transport", Kind: KindUint, Width: 16},
	vsockTransLen:  {Name: "vsock.trans_len", Label: "Transport length", Kind: KindUint, Width: 16},
	vsockReserved:  {Name: "vsock.reserved", Label: "Reserved", Kind: KindBytes},
	vsockPayload:   {Name: "vsock.payload", Label: "Payload", Kind: KindBytes},
	vsockVSrcCID:   {Name: "vsock.virtio.src_cid", Label: "Source cid", Kind: KindUint, Width: 64},
	vsockVDstCID:   {Name: "vsock.virtio.dst_cid", Label: "Destination cid", Kind: KindUint, Width: 64},
	vsockVSrcPort:  {Name: "vsock.virtio.src_prot", Label: "Source port", Kind: KindUint, Width: 32},
	vsockVDstPort:  {Name: "vsock.virtio.dst_prot", Label: "Destination port", Kind: KindUint, Width: 32},
	vsockVLen:      {Name: "vsock.virtio.len", Label: "Length", Kind: KindUint, Width: 32},
	vsockVType:     {Name: "vsock.virtio.type", Label: "Type", Kind: KindUint, Width: 16},
	vsockVOp:       {Name: "vsock.virtio.op", Label: "Operation", Kind: KindUint, Width: 16},
	vsockVFlags:    {Name: "vsock.virtio.flags", Label: "Flags", Kind: KindUint, Width: 32, Base: BaseHex},
	vsockVBufAlloc: {Name: "vsock.virtio.buf_alloc", Label: "Buf alloc", Kind: KindUint, Width: 32},
	vsockVFwdCnt:   {Name: "vsock.virtio.fwd_cnt", Label: "Fwd cnt", Kind: KindUint, Width: 32},
}

var protoVSock = protoField("vsock", "vSocket")

// vsockName returns the name field f's value names give v, or "Unknown".
func vsockName(f int, v uint64) string {
	if n := vsockFields[f].ValueNames().Name(v); n != "" {
		return n
	}
	return "Unknown"
}

// emitVSock emits the frame's fields in the order and nesting of tshark's
// tree, which is drawn from them (treefields.go): the monitor's header,
// the virtio header under a text line, and the payload.
func emitVSock(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	f := &vsockFields
	v := VSock(d.data[l.Start:l.End])
	e.Proto(&protoVSock)
	if len(v) < vsockHeaderLen {
		e.End()
		return
	}
	if e.Tree() {
		b := append(e.Text(), "vSocket, Op: "...)
		b = append(b, vsockName(vsockOp, uint64(v.Op()))...)
		b = append(b, ", Transport: "...)
		e.SetRepr(append(b, vsockName(vsockTrans, uint64(v.Transport()))...))
	}
	e.Uint(&f[vsockSrcCID], le64(v))
	e.Uint(&f[vsockDstCID], le64(v[8:]))
	e.Uint(&f[vsockSrcPort], uint64(le32(v[16:])))
	e.Uint(&f[vsockDstPort], uint64(le32(v[20:])))
	e.Uint(&f[vsockOp], uint64(v.Op()))
	e.Uint(&f[vsockTrans], uint64(v.Transport()))
	e.Uint(&f[vsockTransLen], uint64(v.TransportLen()))
	e.Bytes(&f[vsockReserved], v[30:32])
	off := vsockHeaderLen
	if vsockVirtio(v) {
		h := v[off : off+vsockVirtioLen]
		e.LineString("Virtio transport header")
		e.Sub()
		e.Uint(&f[vsockVSrcCID], le64(h))
		e.Uint(&f[vsockVDstCID], le64(h[8:]))
		e.Uint(&f[vsockVSrcPort], uint64(le32(h[16:])))
		e.Uint(&f[vsockVDstPort], uint64(le32(h[20:])))
		e.Uint(&f[vsockVLen], uint64(le32(h[24:])))
		e.Uint(&f[vsockVType], uint64(le16(h[28:])))
		e.Uint(&f[vsockVOp], uint64(le16(h[30:])))
		e.Uint(&f[vsockVFlags], uint64(le32(h[32:])))
		e.Uint(&f[vsockVBufAlloc], uint64(le32(h[36:])))
		e.Uint(&f[vsockVFwdCnt], uint64(le32(h[40:])))
		e.Up()
		off += vsockVirtioLen
	}
	if off < len(v) && vsockVirtio(v) {
		e.Bytes(&f[vsockPayload], v[off:])
		if e.Tree() {
			b := append(e.Text(), "Payload ("...)
			b = appendUint(b, uint64(len(v)-off))
			e.SetRepr(append(b, "B)"...))
		}
	}
	e.End()
}

// vsockLineOps are tcpdump's names of the monitor's operations; the
// virtio ones follow.
var (
	vsockLineOps       = [...]string{"UNKNOWN", "CONNECT", "DISCONNECT", "CONTROL", "PAYLOAD"}
	vsockLineVirtioOps = [...]string{"INVALID", "REQUEST", "RESPONSE", "RST", "SHUTDOWN", "RW", "CREDIT UPDATE", "CREDIT REQUEST"}
)

// lineVSock appends tcpdump's "VIRTIO 3.1024 > 2.1234 CONNECT, length 76",
// with -v the virtio header's fields in parentheses before the addresses
// on a line of their own, with -vv the payload in hex.
func (p *LinePrinter) lineVSock(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	v := VSock(d.data[l.Start:l.End])
	if len(v) < vsockHeaderLen {
		return p.cut(b, " [|vsock]")
	}
	switch v.Transport() {
	case 0:
		b = append(b, "UNKNOWN"...)
	case 1:
		b = append(b, "NO_INFO"...)
	case vsockTransVirtio:
		b = append(b, "VIRTIO"...)
	}
	cut := false
	switch {
	case p.Options.Verbose == 0:
		b = append(b, ' ')
	case vsockVirtio(v):
		h := v[vsockHeaderLen:]
		b = append(b, " (len "...)
		b = appendUint(b, uint64(le32(h[24:])))
		b = append(b, ", type "...)
		if t := le16(h[28:]); t == vsockVirtioSockStr {
			b = append(b, "STREAM"...)
		} else {
			b = append(b, "Invalid type ("...)
			b = appendUint(b, uint64(t))
			b = append(b, ')')
		}
		b = append(b, ", op "...)
		if op := le16(h[30:]); int(op) < len(vsockLineVirtioOps) {
			b = append(b, vsockLineVirtioOps[op]...)
		} else {
			b = append(b, "Invalid op ("...)
			b = appendUint(b, uint64(op))
			b = append(b, ')')
		}
		b = append(b, ", flags "...)
		b = appendHexMin(b, uint64(le32(h[32:])))
		b = append(b, ", buf_alloc "...)
		b = appendUint(b, uint64(le32(h[36:])))
		b = append(b, ", fwd_cnt "...)
		b = appendUint(b, uint64(le32(h[40:])))
		b = append(b, ")\n\t"...)
	case v.Transport() == vsockTransVirtio:
		cut = true // tcpdump prints the addresses on, then its mark
	default:
		b = append(b, "\n\t"...)
	}
	b = appendUint(b, le64(v))
	b = append(b, '.')
	b = appendUint(b, uint64(le32(v[16:])))
	b = append(b, " > "...)
	b = appendUint(b, le64(v[8:]))
	b = append(b, '.')
	b = appendUint(b, uint64(le32(v[20:])))
	b = append(b, ' ')
	if op := v.Op(); int(op) < len(vsockLineOps) {
		b = append(b, vsockLineOps[op]...)
	}
	b = append(b, ", length "...)
	b = appendUint(b, uint64(len(d.data))) // tcpdump's is what was captured
	if cut {
		return p.cut(b, " [|vsock]")
	}
	if off := vsockHeaderLen + vsockVirtioLen; p.Options.Verbose > 1 && vsockVirtio(v) && off < len(v) {
		// -vv adds the payload's bytes in hex.
		b = appendHexDump(append(b, '\n'), v[off:], false)
		b = b[:len(b)-1]
	}
	return b
}

// appendVSockColAddr appends the Source or Destination column: the cid,
// the host's (2) by name.
func appendVSockColAddr(b []byte, v VSock, src bool) []byte {
	cid := le64(v[8:])
	if src {
		cid = le64(v)
	}
	if cid == 2 {
		return append(b, "host"...)
	}
	return appendUint(b, cid)
}

// vsockValue appends the name field f's value names give v, or
// "Unknown (v)", as tshark's packet list writes them.
func vsockValue(b []byte, f int, v uint64) []byte {
	if n := vsockFields[f].ValueNames().Name(v); n != "" {
		return append(b, n...)
	}
	b = append(b, "Unknown ("...)
	b = appendUint(b, v)
	return append(b, ')')
}

// infoVSock appends the Info column: "[Connect] Virtio: Stream, Op:
// Request, Buf alloc: 262144, Fwd cnt: 0".
func infoVSock(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	v := VSock(d.data[l.Start:l.End])
	if len(v) < vsockHeaderLen {
		return b
	}
	b = append(b, '[')
	b = append(b, vsockName(vsockOp, uint64(v.Op()))...)
	b = append(b, "] "...)
	b = vsockValue(b, vsockTrans, uint64(v.Transport()))
	if !vsockVirtio(v) {
		return b
	}
	h := v[vsockHeaderLen:]
	b = append(b, ": "...)
	b = vsockValue(b, vsockVType, uint64(le16(h[28:])))
	b = append(b, ", Op: "...)
	b = vsockValue(b, vsockVOp, uint64(le16(h[30:])))
	b = append(b, ", Buf alloc: "...)
	b = appendUint(b, uint64(le32(h[36:])))
	b = append(b, ", Fwd cnt: "...)
	return appendUint(b, uint64(le32(h[40:])))
}
