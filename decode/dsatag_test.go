package decode_test

import (
	"encoding/binary"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// The link types of frames captured with a switch's tag.
const (
	linkDSABrcm        = linktype.Type(281)
	linkDSABrcmPrepend = linktype.Type(282)
	linkDSAEDSA        = linktype.Type(285)
)

// dsaFrames returns, for link type lt, frames behind switch tags and each
// one's length on the wire: every Broadcom egress reason code and ingress
// tag-enforcement value, EDSA's four modes with their codes, sniffer
// directions, trunk, tagged and CFI bits; IPv4, an 802.1Q tag and 802.3
// LLC (STP) after the tag; and the frame cut short by the capture at
// every byte of its link header.
func dsaFrames(lt linktype.Type) (frames [][]byte, wire []int) {
	dst := []byte{0x01, 0x80, 0xc2, 0, 0, 0x01}
	src := []byte{0x02, 0, 0, 0, 0, 0x01}
	// A UDP datagram from port 53 to 53 with no payload, then STP, then a
	// VLAN tag whose IPv4 header the capture cut.
	ip := cat([]byte{0x08, 0x00, 0x45, 0, 0, 0x1c, 0, 1, 0, 0, 0x40, 0x11, 0xf9, 0x7b, 192, 168, 0, 1, 192, 168, 0, 2},
		[]byte{0, 0x35, 0, 0x35, 0, 8, 0, 0})
	stp := cat([]byte{0, 0x26, 0x42, 0x42, 0x03}, make([]byte, 35))
	vlan := []byte{0x81, 0x00, 0x00, 0x05, 0x08, 0x00, 0x45, 0x00}
	frame := func(tag, rest []byte) []byte {
		if lt == linkDSABrcmPrepend {
			return cat(tag, dst, src, rest)
		}
		return cat(dst, src, tag, rest)
	}
	add := func(fr []byte, w int) {
		frames, wire = append(frames, fr), append(wire, max(w, len(fr)))
	}
	var tags [][]byte
	if lt == linkDSAEDSA {
		for _, t := range []uint32{
			0x00000000, 0x00020000, 0x00040000, 0x00061000, 0x00001000, 0x20ab2fff, 0x1f000000, // to the CPU: codes, tagged, device
			0x40f80001, 0x40012000, // from the CPU: port 31, CFI
			0x80000000, 0x80040000, 0x9f880123, // to the sniffer: egress, ingress
			0xc0000005, 0xc0040000, 0xe00e8fff, // forward: port, trunk
		} {
			tags = append(tags, binary.BigEndian.AppendUint32([]byte{0xda, 0xda, 0x12, 0x34}, t))
		}
	} else {
		for rc := range 256 {
			if rc <= 0x40 || rc == 0xff {
				tags = append(tags, []byte{0, byte(rc >> 2), byte(rc), byte(rc)})
			}
		}
		for _, t := range []uint32{0x20000000, 0x20810123, 0x209e01ff, 0x2003fe00, 0x40000000, 0x01000000, 0xe0ffffff} {
			tags = append(tags, binary.BigEndian.AppendUint32(nil, t))
		}
	}
	for _, tag := range tags {
		add(frame(tag, ip), 0)
	}
	add(frame(tags[1], stp), 0)
	add(frame(tags[len(tags)-1], vlan), 60)
	whole := frame(tags[2], ip)
	for n := 1; n < len(whole)-len(ip)+2; n++ {
		add(whole[:n], len(whole))
	}
	return frames, wire
}

// TestDSATagsMatchTcpdump holds rawcap's lines for frames behind Broadcom
// and Marvell EDSA switch tags to tcpdump's at each option set of the
// corpus test, and -xx (tcpdump dumps the frame cut inside its tag with
// -xx only).
func TestDSATagsMatchTcpdump(t *testing.T) {
	d := decode.NewDecoder()
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2, Link: true}}
	buf := make([]byte, 0, 4096)
	for _, lt := range []linktype.Type{linkDSABrcm, linkDSABrcmPrepend, linkDSAEDSA} {
		frames, wire := dsaFrames(lt)
		for i, frame := range frames {
			f := decode.Frame{Number: i + 1, Length: wire[i]}
			run := func() {
				d.Decode(frame, lt)
				buf = lp.Append(buf[:0], d, &f)
			}
			if n := testing.AllocsPerRun(20, run); n != 0 {
				t.Errorf("link type %d frame %d: %v allocations per packet", lt, i+1, n)
			}
		}
	}
	testshared.Oracle(t, "tcpdump")
	for _, lt := range []linktype.Type{linkDSABrcm, linkDSABrcmPrepend, linkDSAEDSA} {
		frames, wire := dsaFrames(lt)
		path := writeTestPcapLink(t, lt, frames, wire)
		for _, opts := range [][]string{{}, {"-e"}, {"-v"}, {"-vv"}, {"-vvv"}, {"-e", "-vv"}, {"-q"}, {"-q", "-e"}, {"-x"}, {"-xx"}, {"-v", "-x"}} {
			want := tcpdumpPackets(t, path, opts, len(frames))
			o := lineOptionsFor(append([]string{"-tt"}, opts...))
			if len(opts) == 1 && opts[0] == "-xx" {
				o.Hex = decode.HexLink
			}
			p := &decode.LinePrinter{Options: o}
			for i, frame := range frames {
				d.Decode(frame, lt)
				f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: wire[i]}
				if got := string(p.Append(nil, d, &f)); got != want[i] {
					t.Errorf("link type %d %v frame %d:\n got  %q\n want %q", lt, opts, i+1, got, want[i])
				}
			}
		}
	}
}

// FuzzDSATags feeds frames of the three switch-tag link types to the
// decoder and every printer.
func FuzzDSATags(f *testing.F) {
	for k, lt := range []linktype.Type{linkDSABrcm, linkDSABrcmPrepend, linkDSAEDSA} {
		frames, _ := dsaFrames(lt)
		for _, fr := range frames {
			f.Add(fr, uint8(k))
		}
	}
	p := newFuzzPrinters(decode.LineOptions{}, decode.LineOptions{Verbose: 2, Link: true, Hex: decode.HexNet},
		decode.LineOptions{Quiet: true, Link: true, Hex: decode.HexLink})
	f.Fuzz(func(t *testing.T, fr []byte, k uint8) {
		lt := []linktype.Type{linkDSABrcm, linkDSABrcmPrepend, linkDSAEDSA}[k%3]
		p.run(t, fr, lt, int(k)%7)
	})
}
