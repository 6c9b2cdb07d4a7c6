package decode_test

import (
	"encoding/binary"
	"os"
	"testing"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

var (
	aoeStationA = []byte{2, 0, 0, 0, 0, 1}
	aoeStationB = []byte{2, 0, 0, 0, 0, 2}
)

// aoeHeader returns AoE's common header: version, flags, error, major,
// minor, command and tag.
func aoeHeader(ver, flags, err byte, cmd byte, tag uint32) []byte {
	b := []byte{ver<<4 | flags, err, 0x00, 0x14, 0x00, cmd}
	return binary.BigEndian.AppendUint32(b, tag)
}

// aoeATA returns an ATA command's arguments: AFlags, error or feature,
// sector count, command or status, LBA bytes 1 to 6 and the reserved bytes.
func aoeATA(aflags, feature, cmd byte) []byte {
	return []byte{aflags, feature, 2, cmd, 1, 2, 3, 4, 5, 6, 0, 0}
}

// aoeFrames returns Ethernet frames of AoE messages and each one's length
// on the wire: ATA commands with every AFlags bit, errors named and not,
// known and unknown ATA commands, responses paired with their request
// either way round and unpaired (a second response, an unknown tag); Query
// Config with and without its string; MAC Mask Lists and Reserve/Releases
// whole, with unknown codes and with counts their bytes do not hold;
// unknown commands and versions; headers and arguments cut short in the
// packet and by the capture.
func aoeFrames() (frames [][]byte, wire []int) {
	add := func(p []byte, fromB bool, wireLen int) {
		src, dst := aoeStationA, aoeStationB
		if fromB {
			src, dst = dst, src
		}
		fr := cat(cat(cat(append([]byte(nil), dst...), src), []byte{0x88, 0xa2}), p)
		if wireLen < len(fr) {
			wireLen = len(fr)
		}
		frames, wire = append(frames, fr), append(wire, wireLen)
	}
	hdr, ata := aoeHeader, aoeATA
	config := func(ccmd byte, cslen uint16, s string) []byte {
		b := []byte{0, 16, 0x40, 0x10, 2, 0x10 | ccmd}
		return append(binary.BigEndian.AppendUint16(b, cslen), s...)
	}
	// ATA commands and their responses.
	add(cat(cat(hdr(1, 0, 0, 0, 5), ata(0x53, 3, 0x34)), make([]byte, 8)), false, 0)
	add(cat(hdr(1, 0xc, 2, 0, 5), ata(0x40, 0, 0x51)), true, 0)
	add(cat(hdr(1, 0x8, 0, 0, 5), ata(0, 0, 0x50)), true, 0)  // answered already
	add(cat(hdr(1, 0x8, 0, 0, 99), ata(0, 0, 0x50)), true, 0) // no such request
	add(cat(hdr(1, 0, 0, 0, 6), ata(0x00, 0, 0x77)), false, 0)
	add(cat(hdr(1, 0x8, 0, 0, 6), ata(0x02, 0, 0x50)), false, 0) // the same way round
	add(cat(hdr(1, 0x4, 7, 0, 7), ata(0x01, 9, 0xec)), false, 0)
	add(cat(hdr(1, 0xc, 6, 0, 8), ata(0x11, 0, 0x24)), true, 0)
	add(cat(hdr(1, 0x4, 5, 0, 9), ata(0x40, 0, 0xc8)), false, 0)
	add(cat(hdr(1, 0x4, 1, 0, 10), ata(0x13, 0, 0x25)), false, 0)
	add(cat(hdr(1, 0x8, 0, 0, 10), ata(0x00, 0, 0x25)), true, 0)
	add(cat(hdr(1, 0, 0, 0, 11), ata(0x40, 0, 0x24)), false, 100) // data beyond the capture
	// Behind a VLAN tag: still paired by the Ethernet addresses.
	for _, fromB := range []bool{false, true} {
		src, dst := aoeStationA, aoeStationB
		flags := byte(0)
		if fromB {
			src, dst, flags = dst, src, 0x8
		}
		fr := cat(dst, src, []byte{0x81, 0x00, 0x00, 0x05, 0x88, 0xa2}, hdr(1, flags, 0, 0, 45), ata(0x40, 0, 0x24))
		frames, wire = append(frames, fr), append(wire, len(fr))
	}
	// Query Config Information.
	add(cat(hdr(1, 0, 0, 1, 12), config(3, 5, "hello")), false, 0)
	add(cat(hdr(1, 0x8, 0, 1, 12), config(7, 6, "a\x00b\xe1\x7fc")), true, 0)
	add(cat(hdr(1, 0, 0, 1, 13), config(4, 0, "zz")), false, 0)
	add(cat(hdr(1, 0, 0, 1, 13), config(0, 50, "abc")), false, 0)
	add(cat(hdr(1, 0, 0, 1, 13), []byte{0, 0, 0}), false, 0)
	// MAC Mask Lists.
	add(cat(cat(cat(hdr(1, 0, 0, 2, 14), []byte{0, 1, 0, 2, 0, 1}), aoeStationA), cat([]byte{0, 2}, aoeStationB)), false, 0)
	add(cat(cat(hdr(1, 0x8, 0, 2, 14), []byte{0, 0, 3, 1, 0, 9}), aoeStationA), true, 0)
	add(cat(hdr(1, 0, 0, 2, 15), []byte{0, 7, 9, 0}), false, 0)
	add(cat(hdr(1, 0, 0, 2, 15), []byte{0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0}), false, 0)
	add(cat(hdr(1, 0, 0, 2, 15), []byte{0, 0, 0}), false, 0)
	// Reserve/Release.
	add(cat(cat(hdr(1, 0, 0, 3, 16), []byte{1, 2}), cat(aoeStationA, aoeStationB)), false, 0)
	add(cat(hdr(1, 0x8, 0, 3, 16), []byte{0, 0}), true, 0)
	add(cat(cat(hdr(1, 0, 0, 3, 17), []byte{5, 2}), aoeStationA), false, 0)
	add(cat(hdr(1, 0, 0, 3, 17), []byte{3, 0, '1', '2', '3', '4', '5', '6', '7'}), false, 0)
	add(cat(hdr(1, 0, 0, 3, 17), []byte{0}), false, 0)
	// Other commands, versions and flags.
	add(cat(hdr(1, 0, 0, 5, 18), []byte("xyz")), false, 0)
	add(hdr(1, 0, 0, 4, 18), false, 0)
	add(hdr(1, 0xf, 0, 0x80, 18), false, 0)
	add(cat(hdr(0, 0, 0, 0, 0), []byte("abc")), false, 100)
	add(cat(hdr(2, 0, 0, 0, 0), []byte("abc")), false, 0)
	// Cut short: the header, an ATA request's and a response's arguments.
	for n := range 10 {
		add(hdr(1, 0x4, 1, 0, 19)[:n], false, 0)
	}
	for n := range 12 {
		add(cat(hdr(1, 0, 0, 0, uint32(20+n)), ata(0x01, 0, 0x24)[:n]), false, 0)
	}
	for n := range 12 {
		add(cat(hdr(1, 0x8, 0, 0, uint32(20+n)), ata(0x40, 0, 0x50)[:n]), true, 0)
	}
	// Cut short by the capture.
	add(hdr(1, 0, 0, 0, 40)[:6], false, 60)
	add(cat(hdr(1, 0, 0, 0, 40), ata(0x40, 0, 0x24)[:6]), false, 60)
	add(cat(hdr(1, 0, 0, 1, 41), []byte{0, 0, 0}), false, 60)
	add(cat(hdr(1, 0, 0, 1, 41), config(4, 9, "ab")), false, 60)
	add(cat(hdr(1, 0, 0, 2, 42), []byte{0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0}), false, 60)
	add(cat(cat(hdr(1, 0, 0, 3, 43), []byte{0, 3}), cat(aoeStationA, aoeStationB)), false, 60)
	add(cat(cat(hdr(1, 0, 0, 3, 43), []byte{1, 1}), aoeStationA[:3]), false, 32)
	add(hdr(1, 0, 0, 5, 44), false, 60)
	add([]byte{0x10}, false, 60)
	add([]byte{0x14}, false, 60)
	add(nil, false, 60)
	add(nil, false, 0)
	return frames, wire
}

// TestAoEMatchesTcpdump holds rawcap's lines for the AoE frames to
// tcpdump's (wiredFramesMatchTcpdump).
func TestAoEMatchesTcpdump(t *testing.T) {
	frames, wire := aoeFrames()
	wiredFramesMatchTcpdump(t, frames, wire)
}

// TestAoEMatchesTshark holds the AoE frames' -V subtree, packet list,
// -T fields and -T ek to tshark's.
func TestAoEMatchesTshark(t *testing.T) {
	frames, wire := aoeFrames()
	wiredFramesMatchTshark(t, frames, wire, "ATAoverEthernet", "aoe")
}

// FuzzAoE feeds AoE messages, as the bytes after an Ethernet header, to the
// decoder and every printer.
func FuzzAoE(f *testing.F) {
	frames, _ := aoeFrames()
	for _, fr := range frames {
		f.Add(fr[14:], false)
	}
	if data, err := os.ReadFile("../../shared/corpus/tcpdump/tests_AoE_Linux.pcap"); err == nil && len(data) > 24+16+14+60 {
		f.Add(data[24+16+14:24+16+32], true) // the first frame's message
	}
	p := newFuzzPrinters(decode.LineOptions{}, decode.LineOptions{Verbose: 2, Hex: decode.HexNet})
	f.Fuzz(func(t *testing.T, m []byte, fromB bool) {
		src, dst := aoeStationA, aoeStationB
		if fromB {
			src, dst = dst, src
		}
		fr := cat(cat(cat(append([]byte(nil), dst...), src), []byte{0x88, 0xa2}), m)
		p.run(t, fr, linktype.Ethernet, len(m)%7)
	})
}
