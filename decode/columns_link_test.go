package decode_test

import (
	"encoding/binary"
	"testing"
	"time"

	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// Rows whose innermost layer hands its payload to a protocol rawcap does
// not decode: tshark names them by the EtherType (Protocol "0x88b5", Info
// the type's name or the link layer's own text) and GRE's by "Encapsulated
// 0x88B5 (unknown)". rawcap printed ETHER or GRE and an empty Info.
func TestColumnsOfUndecodedPayloadsMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	eth := func(et uint16, rest ...byte) []byte {
		b := []byte{2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2, byte(et >> 8), byte(et)}
		return append(b, rest...)
	}
	pad := make([]byte, 46)
	ipGRE := func(proto uint16, payload []byte) []byte {
		gre := append([]byte{0, 0, byte(proto >> 8), byte(proto)}, payload...)
		ip := []byte{0x45, 0, 0, 0, 0, 1, 0, 0, 64, 47, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2}
		binary.BigEndian.PutUint16(ip[2:], uint16(20+len(gre)))
		return eth(0x0800, append(ip, gre...)...)
	}
	frames := [][]byte{
		eth(0x88b5, pad...), // a named EtherType
		eth(0x3030, pad...), // a number without a name
		eth(0x88b5),         // nothing after the header
		eth(0x8100, append([]byte{0xa0, 5, 0x30, 0x30}, pad...)...),
		eth(0x8100, append([]byte{0x30, 7, 0x88, 0xb5}, pad...)...),
		eth(0x88a8, append([]byte{0x50, 9, 0x30, 0x30}, pad...)...),
		ipGRE(0x88b5, make([]byte, 30)),
		ipGRE(0x3030, make([]byte, 30)),
		ipGRE(0x0800, nil),
		ipGRE(0x86dd, nil),
	}
	path := writeTestPcap(t, frames)
	if same := compareColumnsWithTshark(t, path); same != len(frames) {
		t.Errorf("%d of %d Ethernet rows equal tshark's", same, len(frames))
	}
	sll := func(pkttype, et uint16) []byte {
		b := make([]byte, 16, 36)
		binary.BigEndian.PutUint16(b, pkttype)
		binary.BigEndian.PutUint16(b[2:], 1)
		binary.BigEndian.PutUint16(b[4:], 6)
		binary.BigEndian.PutUint16(b[14:], et)
		return append(b, make([]byte, 20)...)
	}
	frames = [][]byte{sll(0, 0x88b5), sll(4, 0x3030), sll(9, 0x3030)}
	times := []time.Time{time.Unix(1, 0), time.Unix(2, 0), time.Unix(3, 0)}
	path = writeTestPcapng(t, linktype.LinuxSLL, frames, times)
	if same := compareColumnsWithTshark(t, path); same != len(frames) {
		t.Errorf("%d of %d Linux cooked rows equal tshark's", same, len(frames))
	}
}
