package decode

// QUIC is one QUIC packet (RFC 9000 section 17), the first of a UDP
// datagram on port 443. A long header:
//
//	+-+-+-+-+-+-+-+-+
//	|1|1|T T|X X X X|  Header Form, Fixed Bit, Long Packet Type, type-specific
//	+-+-+-+-+-+-+-+-+
//	|                         Version (32)                          |
//	| DCID Len (8)  |   Destination Connection ID (0..160)    ...
//	| SCID Len (8)  |   Source Connection ID (0..160)         ...
//	Initial:   Token Length (i), Token, Length (i), Packet Number (8..32), Payload
//	0-RTT, Handshake: Length (i), Packet Number, Payload
//	Retry:     Retry Token, Retry Integrity Tag (128)
//	Version 0 (Version Negotiation): Supported Version (32) ...
//
// A short header is the first byte (0 1 S R R K P P), the Destination
// Connection ID, whose length only the connection knows, and the protected
// rest.
//
// Initial packets are protected with keys every observer can derive from
// the client's first Destination Connection ID and the version's published
// salt (RFC 9001 section 5.2); rawcap removes that protection as tshark does
// and shows the frames and the TLS handshake they carry.
type QUIC []byte

const quicPort = 443

// The long packet types of version 1 (version 2 numbers them differently,
// quicV2Type maps them).
const (
	QUICInitial   = 0
	QUIC0RTT      = 1
	QUICHandshake = 2
	QUICRetry     = 3
)

const quicMaxCIDLen = 20

// quicVarint reads a variable-length integer (RFC 9000 section 16); n is 0
// when b is too short.
func quicVarint(b []byte) (v uint64, n int) {
	if len(b) == 0 {
		return 0, 0
	}
	n = 1 << (b[0] >> 6)
	if len(b) < n {
		return 0, 0
	}
	v = uint64(b[0] & 0x3f)
	for i := 1; i < n; i++ {
		v = v<<8 | uint64(b[i])
	}
	return v, n
}

// QUICLong holds a long header's fields as offsets into the packet.
type QUICLong struct {
	Version   uint32
	DCID      []byte
	SCID      []byte
	Token     []byte // Initial: the token; Retry: the retry token
	TokenLen  uint64
	Length    uint64 // Initial, 0-RTT, Handshake: the Length field
	PNOff     int    // offset of the packet number
	End       int    // end of this packet within the datagram
	Type      uint8  // the long packet type, as version 1 numbers it
	Supported []byte // Version Negotiation: the versions, 4 bytes each
	RetryTag  []byte // Retry: the integrity tag
}

// ParseQUICLong parses the long header at the start of b; ok is false when
// b is not a whole long header.
func ParseQUICLong(b []byte) (h QUICLong, ok bool) {
	if len(b) < 7 || b[0]&0x80 == 0 {
		return h, false
	}
	h.Version = be32(b[1:])
	off := 5
	n := int(b[off])
	if n > quicMaxCIDLen && h.Version != 0 || off+1+n+1 > len(b) {
		return h, false
	}
	h.DCID = b[off+1 : off+1+n]
	off += 1 + n
	n = int(b[off])
	if n > quicMaxCIDLen && h.Version != 0 || off+1+n > len(b) {
		return h, false
	}
	h.SCID = b[off+1 : off+1+n]
	off += 1 + n
	if h.Version == 0 {
		h.Supported = b[off : off+(len(b)-off)/4*4]
		h.End = len(b)
		return h, true
	}
	h.Type = quicType(h.Version, b[0]>>4&3)
	switch h.Type {
	case QUICRetry:
		if len(b)-off < 16 {
			return h, false
		}
		h.Token = b[off : len(b)-16]
		h.RetryTag = b[len(b)-16:]
		h.End = len(b)
		return h, true
	case QUICInitial:
		v, k := quicVarint(b[off:])
		if k == 0 || v > uint64(len(b)-off-k) {
			return h, false
		}
		h.TokenLen = v
		h.Token = b[off+k : off+k+int(v)]
		off += k + int(v)
	}
	v, k := quicVarint(b[off:])
	if k == 0 {
		return h, false
	}
	h.Length = v
	h.PNOff = off + k
	if v > uint64(len(b)-h.PNOff) {
		return h, false
	}
	h.End = h.PNOff + int(v)
	return h, true
}

// quicIsV2 reports whether version v is QUIC version 2 (RFC 9369) or one
// of its drafts, which number the long packet types differently.
func quicIsV2(v uint32) bool { return v == 0x6b3343cf || v == 0x709a50c4 || v == 0xff020000 }

// quicType returns the long packet type bits t as version 1 numbers them.
func quicType(v uint32, t uint8) uint8 {
	if quicIsV2(v) {
		return [4]uint8{QUICRetry, QUICInitial, QUIC0RTT, QUICHandshake}[t]
	}
	return t
}

// quicTypeName returns tshark's name of a long packet type.
func quicTypeName(t uint8) string {
	return [4]string{"Initial", "0-RTT", "Handshake", "Retry"}[t&3]
}

func (d *Decoder) decodeQUIC(l *Layer) LayerType {
	b := d.bytes(l)
	if len(b) < 1 || (b[0]&0x80 != 0 && len(b) < 7) {
		return l.asData()
	}
	l.Payload = l.End
	if b[0]&0x80 != 0 {
		if _, ok := ParseQUICLong(b); !ok {
			l.Malformed = ReasonTruncated
		}
	}
	return LayerNone
}

// A quicNote is what the connection tracker learnt of a QUIC packet from
// the packets before it and from removing its protection; it travels in
// convResults, so a tree drawn on another goroutine draws the packet the
// same.
type quicNote struct {
	conn       uint32 // connection number, from 1 (0: none)
	fromServer bool
	dcil       int8 // short header: the DCID length the connection uses; -1 unknown
	// Initial packets: the DCID whose keys protect the packet.
	keyLen     uint8
	key        [quicMaxCIDLen]byte
	keyVersion uint32 // the version whose salt derived the keys
	first      uint8  // the first byte without header protection
	pn         uint64 // the packet number
	pnLen      uint8  // 0: header protection not removed
	opened     bool   // the payload decrypted and authenticated
	retrans    bool   // its CRYPTO data was seen before (Initial after a Retry)
	tls        bool   // a CRYPTO frame holds a whole TLS hello tshark dissects
}
