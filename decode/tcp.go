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
