package decode_test

import (
	"encoding/binary"
	"testing"
)

// tcpOptFrame is tcpFrame with the TCP options opts (a multiple of four
// bytes) before the payload.
func tcpOptFrame(src, dst byte, sp, dp uint16, seq, ack uint32, flags byte, opts, payload []byte) []byte {
	b := tcpFrame(src, dst, sp, dp, seq, ack, flags, nil)
	binary.BigEndian.PutUint16(b[16:], uint16(40+len(opts)+len(payload)))
	b[14+20+12] = byte(5+len(opts)/4) << 4
	return append(append(b, opts...), payload...)
}

// tcpTreeFrames are a TCP conversation that reaches most lines of TCP's -V
// subtree: a handshake whose options are MSS, SACK permitted, timestamps,
// NOPs and window scale; data, its acknowledgment, duplicate ACKs with SACK
// blocks (one a D-SACK), a retransmission, a window update, FIN and RST,
// and a header whose options end in EOL.
func tcpTreeFrames(t *testing.T) [][]byte {
	t.Helper()
	const cp, sp = 44444, 33333
	syn := mustHex(t, "02 04 05 b4 04 02 08 0a 00 00 00 01 00 00 00 00 01 03 03 07")
	synAck := mustHex(t, "02 04 05 b4 04 02 08 0a 00 00 00 09 00 00 00 01 01 03 03 07")
	ts := func(v, e byte) []byte { return []byte{1, 1, 8, 10, 0, 0, 0, v, 0, 0, 0, e} }
	sack := func(blocks ...uint32) []byte {
		o := []byte{1, 1, 5, byte(2 + 8*len(blocks)/2)}
		for _, v := range blocks {
			o = binary.BigEndian.AppendUint32(o, v)
		}
		return o
	}
	data := []byte("hello, world\n")
	return [][]byte{
		tcpOptFrame(1, 2, cp, sp, 1000, 0, 0x02, syn, nil),
		tcpOptFrame(2, 1, sp, cp, 5000, 1001, 0x12, synAck, nil),
		tcpOptFrame(1, 2, cp, sp, 1001, 5001, 0x10, ts(2, 9), nil),
		tcpOptFrame(1, 2, cp, sp, 1001, 5001, 0x18, ts(3, 9), data),
		tcpOptFrame(2, 1, sp, cp, 5001, 1001+uint32(len(data)), 0x10, ts(10, 3), nil),
		tcpOptFrame(1, 2, cp, sp, 1001+uint32(len(data))+100, 5001, 0x18, ts(4, 10), data),
		tcpOptFrame(2, 1, sp, cp, 5001, 1001+uint32(len(data)), 0x10, sack(1001+uint32(len(data))+100, 1001+uint32(2*len(data))+100), nil),
		tcpOptFrame(2, 1, sp, cp, 5001, 1001+uint32(len(data)), 0x10, sack(1001, 1001+uint32(len(data)), 1001+uint32(len(data))+100, 1001+uint32(2*len(data))+100), nil),
		tcpOptFrame(1, 2, cp, sp, 1001, 5001, 0x18, ts(5, 10), data),
		tcpOptFrame(2, 1, sp, cp, 5001, 1001+uint32(len(data)), 0x10, []byte{1, 1, 1, 0}, nil),
		tcpFrame(1, 2, cp, sp, 1001+uint32(2*len(data))+100, 5001, 0x11, nil),
		tcpFrame(2, 1, sp, cp, 5001, 1001+uint32(len(data)), 0x14, nil),
	}
}

func TestTCPTreeMatchesTshark(t *testing.T) {
	compareSubtreeWithTshark(t, tcpTreeFrames(t), "Transmission Control Protocol", nil)
}

func TestTCPTreeAllocatesNothing(t *testing.T) {
	checkTreeAllocsNothing(t, tcpTreeFrames(t), "Transmission Control Protocol")
}
