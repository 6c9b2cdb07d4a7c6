package decode

// QUIC frames (RFC 9000 section 19) in a decrypted payload.

const (
	quicFramePadding   = 0x00
	quicFramePing      = 0x01
	quicFrameAck       = 0x02
	quicFrameAckECN    = 0x03
	quicFrameCrypto    = 0x06
	quicFrameCloseQUIC = 0x1c
	quicFrameCloseApp  = 0x1d
)

// quicFrame is one frame: its type and the fields rawcap shows.
type quicFrame struct {
	Type   uint64
	PadLen int // PADDING: the run of zero bytes
	// CRYPTO
	Offset uint64
	Data   []byte
	// ACK
	Largest, Delay, RangeCount, FirstRange uint64
	Ranges                                 []byte // the (gap, range) pairs, as sent
	ECT0, ECT1, CE                         uint64
	// CONNECTION_CLOSE
	ErrorCode, FrameType uint64
	Reason               []byte
}

// nextQUICFrame parses the frame at off of the plaintext p; ok is false at
// the end, for a frame rawcap does not know, or when one runs past p.
func nextQUICFrame(p []byte, off int) (f quicFrame, next int, ok bool) {
	if off >= len(p) {
		return f, len(p), false
	}
	t, n := quicVarint(p[off:])
	if n == 0 {
		return f, len(p), false
	}
	f.Type = t
	at := off + n
	v := func() uint64 {
		if !ok {
			return 0
		}
		x, k := quicVarint(p[at:])
		if k == 0 {
			ok = false
		}
		at += k
		return x
	}
	ok = true
	switch t {
	case quicFramePadding:
		for at < len(p) && p[at] == 0 {
			at++
		}
		f.PadLen = at - off
	case quicFramePing:
	case quicFrameAck, quicFrameAckECN:
		f.Largest, f.Delay, f.RangeCount, f.FirstRange = v(), v(), v(), v()
		start := at
		for i := uint64(0); ok && i < f.RangeCount; i++ {
			v()
			v()
		}
		if ok {
			f.Ranges = p[start:at]
		}
		if t == quicFrameAckECN {
			f.ECT0, f.ECT1, f.CE = v(), v(), v()
		}
	case quicFrameCrypto:
		f.Offset = v()
		l := v()
		if ok && l <= uint64(len(p)-at) {
			f.Data = p[at : at+int(l)]
			at += int(l)
		} else {
			ok = false
		}
	case quicFrameCloseQUIC, quicFrameCloseApp:
		f.ErrorCode = v()
		if t == quicFrameCloseQUIC {
			f.FrameType = v()
		}
		l := v()
		if ok && l <= uint64(len(p)-at) {
			f.Reason = p[at : at+int(l)]
			at += int(l)
		} else {
			ok = false
		}
	default:
		ok = false
	}
	if !ok {
		return f, len(p), false
	}
	return f, at, true
}

// quicFrameName returns tshark's name of a frame type.
func quicFrameName(t uint64) string {
	switch t {
	case quicFramePadding:
		return "PADDING"
	case quicFramePing:
		return "PING"
	case quicFrameAck, quicFrameAckECN:
		return "ACK"
	case quicFrameCrypto:
		return "CRYPTO"
	case quicFrameCloseQUIC, quicFrameCloseApp:
		return "CONNECTION_CLOSE"
	}
	return ""
}
