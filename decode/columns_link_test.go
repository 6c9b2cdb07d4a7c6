package decode_test

import (
	"encoding/binary"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
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

// A VLAN tag cut short, and Ethernet headers with nothing after them: the
// -V text and frame.protocols equal tshark's. tshark draws a cut 802.1Q
// tag's title and TCI fields before its malformed mark (rawcap drew only the
// mark), a cut 802.1ad tag's bare title, and names ethertype in
// frame.protocols even when it hands on no bytes; an IPv4 or ARP header cut
// short shows its fields as far as they go. (A cut IPv4 header whose total
// length is under 20 is left: tshark stops at the bogus length without a
// malformed mark, and rawcap still draws the bare title and the mark.)
func TestCutTagsAndEmptyPayloadsMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	eth := func(et uint16, rest ...byte) []byte {
		return append([]byte{2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2, byte(et >> 8), byte(et)}, rest...)
	}
	frames := [][]byte{
		eth(0x8100, 0xa0, 5),
		eth(0x8100, 0xa0, 5, 8),
		eth(0x8100, 0xa0),
		eth(0x8100),
		eth(0x88a8, 0xa0, 5, 0x81),
		eth(0x88a8, 0xa0, 5),
		eth(0x88a8, 0xa0),
		eth(0x88a8),
		eth(0x0800),
		eth(0x86dd),
		eth(0x0806),
		eth(0x88b5),
		eth(0x8100, 0, 5, 8, 0),
		eth(0x0800, 0x45),
		eth(0x0800, 0x45, 0, 0),
		eth(0x0806, 0),
		eth(0x0806, 0, 1, 8, 0, 6),
		eth(0x0806, 0, 1, 8, 0, 6, 4, 0),
		eth(0x0800, 0x45, 0, 0, 40, 0, 1, 0x40, 0, 64, 6, 0xab, 0xcd, 10, 0, 0, 1, 10, 0),
	}
	path := writeTestPcap(t, frames)
	theirs := splitFrames(tsharkV(t, path))
	if len(theirs) != len(frames) {
		t.Fatalf("tshark printed %d frames, want %d", len(theirs), len(frames))
	}
	d := decode.NewDecoder()
	p := &decode.TreePrinter{Location: time.UTC}
	r, err := pcapio.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for i := range frames {
		pk, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		d.Decode(pk.Data, pk.LinkType)
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length}
		got := strings.TrimRight(string(p.Append(nil, d, &f)), "\n")
		if diff := cmp.Diff(strings.TrimRight(theirs[i], "\n"), got); diff != "" {
			t.Errorf("frame %d: tshark -V (-want) vs rawcap (+got):\n%s", i+1, diff)
		}
	}
}
