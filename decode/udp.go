package decode

// UDP is a UDP header (RFC 768): source port, destination port, length and
// checksum, 2 bytes each.
type UDP []byte

const udpLen = 8

// ParseUDP returns the UDP header at the start of b.
func ParseUDP(b []byte) (UDP, error) {
	if len(b) < udpLen {
		return nil, ReasonTruncated
	}
	return UDP(b[:udpLen:udpLen]), nil
}

// SrcPort returns the source port.
func (u UDP) SrcPort() uint16 { return be16(u[0:]) }

// DstPort returns the destination port.
func (u UDP) DstPort() uint16 { return be16(u[2:]) }

// Length returns the length field (header and data).
func (u UDP) Length() uint16 { return be16(u[4:]) }

// Checksum returns the checksum field.
func (u UDP) Checksum() uint16 { return be16(u[6:]) }

func (d *Decoder) decodeUDP(l *Layer) LayerType {
	u, err := ParseUDP(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + udpLen
	n := int(u.Length())
	if n < udpLen && !l.Quoted {
		l.Malformed = ReasonBadLength
		return LayerNone
	}
	if l.Start+n < l.End {
		l.End = l.Start + n
	}
	if l.Quoted || l.Payload == l.End {
		return LayerNone
	}
	return d.Ports.Lookup(TransportUDP, u.SrcPort(), u.DstPort())
}

const (
	udpSrcport = iota
	udpDstport
	udpLength
	udpChecksum
	udpFieldCount
)

var udpFields = [udpFieldCount]Field{
	udpSrcport:  {Name: "udp.srcport", Label: "Source Port", Kind: KindUint, Width: 16},
	udpDstport:  {Name: "udp.dstport", Label: "Destination Port", Kind: KindUint, Width: 16},
	udpLength:   {Name: "udp.length", Label: "Length", Kind: KindUint, Width: 16},
	udpChecksum: {Name: "udp.checksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
}

var protoUDP = protoField("udp", "User Datagram Protocol")

const (
	dataData = iota
	dataLen
	dataFieldCount
)

var dataFields = [dataFieldCount]Field{
	dataData: {Name: "data.data", Label: "Data", Kind: KindBytes},
	dataLen:  {Name: "data.len", Label: "Length", Kind: KindInt, Width: 32},
}

var protoData = protoField("data", "Data")

// emitUDP emits a UDP header's fields.
func emitUDP(e *emitter, i int) {
	l := &e.d.layers[i]
	e.Proto(&protoUDP)
	if l.Payload > l.Start {
		u := UDP(e.d.data[l.Start:l.Payload])
		e.Uint(&udpFields[udpSrcport], uint64(u.SrcPort()))
		e.Uint(&udpFields[udpDstport], uint64(u.DstPort()))
		e.Uint(&udpFields[udpLength], uint64(u.Length()))
		e.Uint(&udpFields[udpChecksum], uint64(u.Checksum()))
	}
	e.End()
}

// emitPayload emits the length of bytes no dissector claimed (Wireshark's
// data protocol).
func emitPayload(e *emitter, i int) {
	l := &e.d.layers[i]
	e.Proto(&protoData)
	// JSON leaves the bytes out (--raw has them); -T fields and filters
	// see them.
	e.Hidden(true)
	e.Bytes(&dataFields[dataData], e.d.data[l.Start:l.End])
	e.Hidden(false)
	e.Int(&dataFields[dataLen], int64(l.End-l.Start))
	e.End()
}
