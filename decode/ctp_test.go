package decode_test

import (
	"encoding/binary"
	"os"
	"testing"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// ctpHeader is the Ethernet header of the generated Configuration Testing
// frames: to 02:00:00:00:00:02 from 02:00:00:00:00:01, EtherType 0x9000.
var ctpHeader = []byte{2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x90, 0x00}

// ctpMsg returns little-endian 16-bit words followed by the bytes in rest.
func ctpMsg(words []uint16, rest ...[]byte) []byte {
	var b []byte
	for _, w := range words {
		b = binary.LittleEndian.AppendUint16(b, w)
	}
	for _, r := range rest {
		b = append(b, r...)
	}
	return b
}

// ctpFrames returns Ethernet frames of Configuration Testing messages and
// each one's length on the wire: Forward Data then Reply with skipCount
// pointing at either, further on or nowhere (odd, inside an address, past
// the messages); unknown functions first and after a Forward Data;
// messages and the skip count cut short in the frame and by the capture.
func ctpFrames() (frames [][]byte, wire []int) {
	fwd := []byte{0xaa, 0, 4, 0, 0x1d, 4}
	add := func(p []byte, wireLen int) {
		fr := cat(append([]byte(nil), ctpHeader...), p)
		frames, wire = append(frames, fr), append(wire, max(wireLen, len(fr)))
	}
	add(ctpMsg([]uint16{0, 2}, fwd, ctpMsg([]uint16{1, 7}), []byte("xxxxxxxxxxxxxxxxxxxx")), 0)
	add(ctpMsg([]uint16{8, 2}, fwd, ctpMsg([]uint16{1, 7}), []byte("xxxxxxxxxxxxxxxxxxxx")), 0)
	add(ctpMsg([]uint16{3, 2}, fwd, ctpMsg([]uint16{1, 7}), []byte("xxxxxxxxxxxxxxxxxxxx")), 0)
	add(ctpMsg([]uint16{0, 5}, []byte("abcdefgh")), 0)
	add(ctpMsg([]uint16{0, 2}, fwd, ctpMsg([]uint16{5}), []byte("zz")), 0)
	add(ctpMsg([]uint16{0, 2}, fwd, ctpMsg([]uint16{2}), fwd, ctpMsg([]uint16{1, 3})), 0)
	add(ctpMsg([]uint16{0, 1, 9, 2}, fwd), 0)
	add(ctpMsg([]uint16{0}), 0)
	add(ctpMsg([]uint16{0, 2}, []byte("abc")), 0)
	add(ctpMsg([]uint16{0, 1}, []byte("a")), 0)
	add([]byte{0, 0, 2}, 0)
	add([]byte{0}, 0)
	add(nil, 0)
	add(ctpMsg([]uint16{100, 2}, fwd), 0)
	add(ctpMsg([]uint16{16, 2}, fwd, ctpMsg([]uint16{2}), fwd, ctpMsg([]uint16{1, 3})), 0)
	add(ctpMsg([]uint16{2, 2}, fwd, ctpMsg([]uint16{1, 3})), 0)
	add(ctpMsg([]uint16{0, 0}, []byte("abc")), 0)
	add(ctpMsg([]uint16{8, 2}, fwd, ctpMsg([]uint16{1, 3}), make([]byte, 30)), 0)
	// Cut short by the capture.
	add(ctpMsg([]uint16{0, 2}, fwd[:3]), 60)
	add(ctpMsg([]uint16{0, 1}), 60)
	add(ctpMsg([]uint16{0, 2}, fwd, ctpMsg([]uint16{1, 4}), []byte("xxxxxxxxxx")), 100)
	add(ctpMsg([]uint16{0, 5}, []byte("ab")), 100)
	add(ctpMsg([]uint16{100, 2}), 100)
	add(ctpMsg([]uint16{200, 2}), 100)
	add(ctpMsg([]uint16{0}), 100)
	add([]byte{0}, 100)
	add(nil, 100)
	return frames, wire
}

// TestCTPMatchesTcpdump holds rawcap's lines for the Configuration Testing
// frames to tcpdump's (wiredFramesMatchTcpdump).
func TestCTPMatchesTcpdump(t *testing.T) {
	frames, wire := ctpFrames()
	wiredFramesMatchTcpdump(t, frames, wire)
}

// TestCTPMatchesTshark holds the Configuration Testing frames' -V subtree,
// packet list, -T fields and -T ek to tshark's.
func TestCTPMatchesTshark(t *testing.T) {
	frames, wire := ctpFrames()
	wiredFramesMatchTshark(t, frames, wire, "Configuration Test Protocol (loopback)", "loop")
}

// FuzzCTP feeds Configuration Testing messages, as the bytes after an
// Ethernet header, to the decoder and every printer.
func FuzzCTP(f *testing.F) {
	frames, _ := ctpFrames()
	for _, fr := range frames {
		f.Add(fr[14:])
	}
	if data, err := os.ReadFile("../../shared/corpus/tcpdump/tests_loopback.pcap"); err == nil && len(data) > 24+16+68 {
		f.Add(data[24+16+14 : 24+16+68]) // the first frame's messages and data
	}
	p := newFuzzPrinters(decode.LineOptions{}, decode.LineOptions{Verbose: 2, Link: true, Hex: decode.HexNet})
	f.Fuzz(func(t *testing.T, m []byte) {
		p.run(t, cat(append([]byte(nil), ctpHeader...), m), linktype.Ethernet, len(m)%7)
	})
}
