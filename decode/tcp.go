package decode

// TCP is a TCP header with its options (RFC 9293):
//
//	0      2      4             8             12   13    14     16     18     20
//	+------+------+-------------+-------------+----+-----+------+------+------+
//	|sport |dport | sequence    | ack number  |off |flags|window|cksum |urgent|
//	+------+------+-------------+-------------+----+-----+------+------+------+
type TCP []byte

const tcpMinLen = 20

// The TCP flag bits as TCP.Flags returns them.
const (
	TCPFin = 0x001
	TCPSyn = 0x002
	TCPRst = 0x004
	TCPPsh = 0x008
	TCPAck = 0x010
	TCPUrg = 0x020
	TCPEce = 0x040
	TCPCwr = 0x080
	TCPAE  = 0x100 // accurate ECN (formerly NS)
)

// ParseTCP returns the TCP header at the start of b, options included.
func ParseTCP(b []byte) (TCP, error) {
	if len(b) < tcpMinLen {
		return nil, ReasonTruncated
	}
	n := int(b[12]>>4) * 4
	if n < tcpMinLen {
		return nil, ReasonBadHdrLen
	}
	if len(b) < n {
		return nil, ReasonTruncated
	}
	return TCP(b[:n:n]), nil
}

// SrcPort returns the source port.
func (t TCP) SrcPort() uint16 { return be16(t[0:]) }

// DstPort returns the destination port.
func (t TCP) DstPort() uint16 { return be16(t[2:]) }

// Seq returns the sequence number.
func (t TCP) Seq() uint32 { return be32(t[4:]) }

// Ack returns the acknowledgment number.
func (t TCP) Ack() uint32 { return be32(t[8:]) }

// HeaderLen returns the header length in bytes.
func (t TCP) HeaderLen() int { return len(t) }

// Flags returns the 12 flag bits (TCPFin … TCPAE, 3 reserved bits above).
func (t TCP) Flags() uint16 { return be16(t[12:]) & 0x0fff }

// Window returns the window field (unscaled).
func (t TCP) Window() uint16 { return be16(t[14:]) }

// Checksum returns the checksum field.
func (t TCP) Checksum() uint16 { return be16(t[16:]) }

// Urgent returns the urgent pointer.
func (t TCP) Urgent() uint16 { return be16(t[18:]) }

// OptionBytes returns the raw option bytes.
func (t TCP) OptionBytes() []byte { return t[20:] }

// TCP option kinds.
const (
	TCPOptEOL       = 0
	TCPOptNOP       = 1
	TCPOptMSS       = 2
	TCPOptWScale    = 3
	TCPOptSACKOK    = 4
	TCPOptSACK      = 5
	TCPOptTimestamp = 8
	TCPOptMD5       = 19
	TCPOptUTO       = 28
	TCPOptAuth      = 29
	TCPOptMPTCP     = 30
	TCPOptTFO       = 34
	TCPOptExp1      = 253
	TCPOptExp2      = 254
)

// TCPOption is one option: its kind and the bytes after kind and length.
type TCPOption struct {
	Kind uint8
	Len  uint8 // the length byte (0 for EOL and NOP)
	Data []byte
}

// NextOption returns the option at offset off of the option bytes and the
// offset of the next one; ok is false at the end, and bad is set for an
// option whose length is impossible or runs past the header.
func (t TCP) NextOption(off int) (o TCPOption, next int, ok, bad bool) {
	b := t.OptionBytes()
	if off >= len(b) {
		return o, off, false, false
	}
	o.Kind = b[off]
	if o.Kind == TCPOptEOL || o.Kind == TCPOptNOP {
		return o, off + 1, true, false
	}
	if off+1 >= len(b) {
		return o, len(b), true, true
	}
	o.Len = b[off+1]
	if o.Len < 2 || off+int(o.Len) > len(b) {
		o.Data = b[off+2:]
		return o, len(b), true, true
	}
	o.Data = b[off+2 : off+int(o.Len)]
	return o, off + int(o.Len), true, false
}

func (d *Decoder) decodeTCP(l *Layer) LayerType {
	t, err := ParseTCP(d.bytes(l))
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	l.Payload = l.Start + t.HeaderLen()
	if l.Quoted || l.Payload == l.End {
		return LayerNone
	}
	return d.Ports.Lookup(TransportTCP, t.SrcPort(), t.DstPort())
}

const (
	tcpSrcport = iota
	tcpDstport
	tcpLen
	tcpSeq
	tcpSeqRaw
	tcpAck
	tcpAckRaw
	tcpHdrLen
	tcpFlags
	tcpFlagsAe
	tcpFlagsCwr
	tcpFlagsEce
	tcpFlagsUrg
	tcpFlagsAck
	tcpFlagsPush
	tcpFlagsReset
	tcpFlagsSyn
	tcpFlagsFin
	tcpWindowSizeValue
	tcpChecksum
	tcpUrgentPointer
	tcpOptionsMSSVal
	tcpOptionsWscaleShift
	tcpOptionsSackPerm
	tcpOptionsTimestampTSval
	tcpOptionsTimestampTSecr
	tcpFieldCount
)

var tcpFields = [tcpFieldCount]Field{
	tcpSrcport:               {Name: "tcp.srcport", Label: "Source Port", Kind: KindUint, Width: 16},
	tcpDstport:               {Name: "tcp.dstport", Label: "Destination Port", Kind: KindUint, Width: 16},
	tcpLen:                   {Name: "tcp.len", Label: "TCP Segment Len", Kind: KindUint, Width: 32},
	tcpSeq:                   {Name: "tcp.seq", Label: "Sequence Number", Kind: KindUint, Width: 32},
	tcpSeqRaw:                {Name: "tcp.seq_raw", Label: "Sequence Number (raw)", Kind: KindUint, Width: 32},
	tcpAck:                   {Name: "tcp.ack", Label: "Acknowledgment Number", Kind: KindUint, Width: 32},
	tcpAckRaw:                {Name: "tcp.ack_raw", Label: "Acknowledgment number (raw)", Kind: KindUint, Width: 32},
	tcpHdrLen:                {Name: "tcp.hdr_len", Label: "Header Length", Kind: KindUint, Width: 8},
	tcpFlags:                 {Name: "tcp.flags", Label: "Flags", Kind: KindUint, Width: 16, Base: BaseHex, Mask: 0xfff},
	tcpFlagsAe:               {Name: "tcp.flags.ae", Label: "Accurate ECN", Kind: KindBool, Width: 12, Mask: 0x100},
	tcpFlagsCwr:              {Name: "tcp.flags.cwr", Label: "Congestion Window Reduced", Kind: KindBool, Width: 12, Mask: 0x80},
	tcpFlagsEce:              {Name: "tcp.flags.ece", Label: "ECN-Echo", Kind: KindBool, Width: 12, Mask: 0x40},
	tcpFlagsUrg:              {Name: "tcp.flags.urg", Label: "Urgent", Kind: KindBool, Width: 12, Mask: 0x20},
	tcpFlagsAck:              {Name: "tcp.flags.ack", Label: "Acknowledgment", Kind: KindBool, Width: 12, Mask: 0x10},
	tcpFlagsPush:             {Name: "tcp.flags.push", Label: "Push", Kind: KindBool, Width: 12, Mask: 0x8},
	tcpFlagsReset:            {Name: "tcp.flags.reset", Label: "Reset", Kind: KindBool, Width: 12, Mask: 0x4},
	tcpFlagsSyn:              {Name: "tcp.flags.syn", Label: "Syn", Kind: KindBool, Width: 12, Mask: 0x2},
	tcpFlagsFin:              {Name: "tcp.flags.fin", Label: "Fin", Kind: KindBool, Width: 12, Mask: 0x1},
	tcpWindowSizeValue:       {Name: "tcp.window_size_value", Label: "Window", Kind: KindUint, Width: 16},
	tcpChecksum:              {Name: "tcp.checksum", Label: "Checksum", Kind: KindUint, Width: 16, Base: BaseHex},
	tcpUrgentPointer:         {Name: "tcp.urgent_pointer", Label: "Urgent Pointer", Kind: KindUint, Width: 16},
	tcpOptionsMSSVal:         {Name: "tcp.options.mss_val", Label: "MSS Value", Kind: KindUint, Width: 16},
	tcpOptionsWscaleShift:    {Name: "tcp.options.wscale.shift", Label: "Shift count", Kind: KindUint, Width: 8},
	tcpOptionsSackPerm:       {Name: "tcp.options.sack_perm", Label: "TCP Option - SACK permitted", Kind: KindProtocol},
	tcpOptionsTimestampTSval: {Name: "tcp.options.timestamp.tsval", Label: "Timestamp value", Kind: KindUint, Width: 32},
	tcpOptionsTimestampTSecr: {Name: "tcp.options.timestamp.tsecr", Label: "Timestamp echo reply", Kind: KindUint, Width: 32},
}

var protoTCP = protoField("tcp", "Transmission Control Protocol")

// emitTCP emits a TCP header's fields, with the sequence and
// acknowledgment numbers relative to each direction's first (tcp.seq,
// tcp.ack) when e has a flow table, raw otherwise.
func emitTCP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoTCP)
	raw := d.data[l.Start:l.Payload]
	// A header cut by the snap length shows the fields it holds, as
	// tshark's does: they are read from a zero-padded copy.
	var pad [tcpMinLen]byte
	have := len(raw)
	if l.Payload == l.Start && l.Malformed != "" && l.End-l.Start >= 4 && l.End-l.Start < tcpMinLen {
		have = copy(pad[:], d.data[l.Start:l.End])
		raw = pad[:]
	}
	if len(raw) == 0 {
		e.End()
		return
	}
	partial := have < len(raw)
	t := TCP(raw)
	f := &tcpFields
	e.Uint(&f[tcpSrcport], uint64(t.SrcPort()))
	e.Uint(&f[tcpDstport], uint64(t.DstPort()))
	if have >= 13 {
		// Like tshark, count only the bytes the frame had on the wire.
		length := min((&LinePrinter{}).ipPayloadLen(d, i), e.wire-l.Start) - t.HeaderLen()
		e.Int(&f[tcpLen], int64(length))
	}
	if have >= 14 {
		seq, ack := t.Seq(), t.Ack()
		if e.flows != nil {
			seq, ack = e.flows.relSeq(d, i, t)
		}
		e.Uint(&f[tcpSeq], uint64(seq))
		e.Uint(&f[tcpSeqRaw], uint64(t.Seq()))
		e.Uint(&f[tcpAck], uint64(ack))
		e.Uint(&f[tcpAckRaw], uint64(t.Ack()))
		e.Uint(&f[tcpHdrLen], uint64(t.HeaderLen()))
		fl := t.Flags()
		e.Uint(&f[tcpFlags], uint64(fl))
		e.Bool(&f[tcpFlagsAe], fl&TCPAE != 0)
		e.Bool(&f[tcpFlagsCwr], fl&TCPCwr != 0)
		e.Bool(&f[tcpFlagsEce], fl&TCPEce != 0)
		e.Bool(&f[tcpFlagsUrg], fl&TCPUrg != 0)
		e.Bool(&f[tcpFlagsAck], fl&TCPAck != 0)
		e.Bool(&f[tcpFlagsPush], fl&TCPPsh != 0)
		e.Bool(&f[tcpFlagsReset], fl&TCPRst != 0)
		e.Bool(&f[tcpFlagsSyn], fl&TCPSyn != 0)
		e.Bool(&f[tcpFlagsFin], fl&TCPFin != 0)
	}
	if have >= 16 {
		e.Uint(&f[tcpWindowSizeValue], uint64(t.Window()))
	}
	if have >= 18 {
		e.Uint(&f[tcpChecksum], uint64(t.Checksum()))
	}
	if have >= 20 {
		e.Uint(&f[tcpUrgentPointer], uint64(t.Urgent()))
	}
	for off := 0; !partial; {
		o, next, ok, bad := t.NextOption(off)
		if !ok || bad {
			break
		}
		off = next
		switch {
		case o.Kind == TCPOptMSS && len(o.Data) == 2:
			e.Uint(&f[tcpOptionsMSSVal], uint64(be16(o.Data)))
		case o.Kind == TCPOptWScale && len(o.Data) == 1:
			e.Uint(&f[tcpOptionsWscaleShift], uint64(o.Data[0]))
		case o.Kind == TCPOptSACKOK:
			e.Bytes(&f[tcpOptionsSackPerm], tcpSACKPermOption[:])
		case o.Kind == TCPOptTimestamp && len(o.Data) == 8:
			e.Uint(&f[tcpOptionsTimestampTSval], uint64(be32(o.Data)))
			e.Uint(&f[tcpOptionsTimestampTSecr], uint64(be32(o.Data[4:])))
		}
	}
	e.End()
}

// tcpSACKPermOption is the SACK-permitted option's bytes (kind 4, length
// 2): tshark shows the option's field as its bytes.
var tcpSACKPermOption = [2]byte{TCPOptSACKOK, 2}
