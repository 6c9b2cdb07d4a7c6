package decode_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

const linkCHDLC = linktype.Type(104)

// chdlcFrames are Cisco HDLC frames written for these tests, with their
// lengths on the wire: IPv4 and IPv6 inside, a protocol rawcap leaves as
// data, and frames the capture cut in or right after the header (as in
// tcpdump's hoobr_chdlc_print.pcap).
func chdlcFrames(t testing.TB) (frames [][]byte, wire []int) {
	ip := mustHex(t, "45000020000100004011f9cb0a0000010a000002"+"04d2162e000c0000"+"61626364")
	ip6 := mustHex(t, "6000000000083a40"+strings.Repeat("00", 15)+"01"+strings.Repeat("00", 15)+"02"+"8000f7ff00000000")
	cat := func(h string, b []byte) []byte { return append(mustHex(t, h), b...) }
	frames = [][]byte{
		cat("0f000800", ip), cat("8f0086dd", ip6), cat("0f003030", []byte("abcd")),
		mustHex(t, "30303030"), mustHex(t, "0f00fefe"), mustHex(t, "0f00"), mustHex(t, "0f000800"),
		mustHex(t, "0f0086dd"), mustHex(t, "0f008847"),
	}
	for _, f := range frames {
		wire = append(wire, len(f))
	}
	wire[3], wire[4], wire[5] = 262144, 100, 40
	return frames, wire
}

// TestCHDLCMatchesOracles holds the Cisco HDLC subtree and packet list to
// tshark's, and the lines to tcpdump's.
func TestCHDLCMatchesOracles(t *testing.T) {
	frames, wire := chdlcFrames(t)
	t.Run("allocs", func(t *testing.T) {
		checkTreeAllocsNothingOn(t, linkCHDLC, frames, "Cisco HDLC")
	})
	testshared.Oracle(t, "tcpdump")
	path := writeTestPcapLink(t, linkCHDLC, frames, wire)
	d := decode.NewDecoder()
	for _, opts := range [][]string{{}, {"-v"}, {"-e"}, {"-x"}} {
		chunks := tcpdumpStamped(t, path, opts, len(frames))
		lo := appLineOptions(opts)
		lo.Link = slices.Contains(opts, "-e")
		lo.Time = decode.TimeEpoch
		if slices.Contains(opts, "-x") {
			lo.Hex = decode.HexNet
		}
		p := &decode.LinePrinter{Options: lo}
		for i, f := range frames {
			d.Decode(f, linkCHDLC)
			fr := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: wire[i]}
			if diff := cmp.Diff(chunks[i], string(p.Append(nil, d, &fr))); diff != "" {
				t.Errorf("frame %d %v: tcpdump (-want) vs rawcap (+got):\n%s", i, opts, diff)
			}
		}
	}
	compareSubtreeWithTsharkOn(t, linkCHDLC, frames[:3], "Cisco HDLC", nil)
}

// FuzzCHDLC feeds frames to the decoder and every printer as Cisco HDLC
// and as PPP link frames (IPCP's options among them), each with a length
// on the wire of at least what was captured.
func FuzzCHDLC(f *testing.F) {
	frames, wire := chdlcFrames(f)
	for i, fr := range frames {
		f.Add(fr, uint16(wire[i]-len(fr)))
	}
	for _, h := range []string{
		"8021 03 0b 000c 0306 0a000001 e608 0000",
		"8021 01 0c 0014 0210 0061 000f 0010 0100 0005 0080 dc02",
		"8021 03 80 00da 02da 0061 6161 6161 6361 6161 6179 dcdc dcdc 7b04 0000",
	} {
		f.Add(mustHex(f, strings.ReplaceAll(h, " ", "")), uint16(0))
	}
	d := decode.NewDecoder()
	lines := []*decode.LinePrinter{
		{Options: decode.LineOptions{Location: time.UTC}},
		{Options: decode.LineOptions{Location: time.UTC, Verbose: 1}},
		{Options: decode.LineOptions{Location: time.UTC, Link: true, Hex: decode.HexNet}},
	}
	jp := &decode.JSONPrinter{Location: time.UTC}
	tp := &decode.TreePrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	f.Fuzz(func(t *testing.T, frame []byte, extra uint16) {
		for _, lt := range []linktype.Type{linkCHDLC, linktype.PPP} {
			for _, l := range d.Decode(frame, lt) {
				if l.Start < 0 || l.Start > l.Payload || l.Payload > l.End || l.End > len(frame) {
					t.Fatalf("bad layer %+v for %d bytes", l, len(frame))
				}
			}
			fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame) + int(extra)}
			for _, p := range lines {
				p.Append(nil, d, &fr)
			}
			if js := jp.Append(nil, d, &fr); !json.Valid(js) {
				t.Fatalf("invalid JSON: %s", js)
			}
			tp.Append(nil, d, &fr)
			cp.Append(nil, d, &fr)
		}
	})
}
