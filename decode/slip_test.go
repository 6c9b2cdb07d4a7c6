package decode_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

const slipLink = linktype.Type(8)

// slipTCP is an IPv4 TCP segment carrying "abcd" (checksums filled in by
// slipFrames).
const slipTCP = "45 00 00 2c 00 01 00 00 40 06 00 00 0a 00 00 01 0a 00 00 02 " +
	"04 d2 00 50 00 00 00 01 00 00 00 00 50 18 20 00 00 00 00 00 61 62 63 64"

// slipVectors are SLIP packets made for these tests: the 16-byte pseudo
// header (direction, compressed header) and the IP packet, for each kind
// of header tcpdump -e describes.
var slipVectors = []struct{ name, hdr, ip string }{
	{"in, IP", "00 45 00 00 2c 00 01 00 00 40 06 00 00 0a 00 00", slipTCP},
	{"out, uncompressed TCP conn 3", "01 75 00 00 2c 00 01 00 00 03 06 00 00 0a 00 00", slipTCP},
	{"out, compressed TCP, new conn, A S I", "01 ec 03 12 34 10 00 01 00 01 00 00 00 00 00 00", slipTCP},
	{"out, compressed TCP, special D", "01 8f 12 34 00 00 00 00 00 00 00 00 00 00 00 00", slipTCP},
	{"in, compressed TCP, U W negative", "00 83 00 01 05 00 ff 00 00 00 00 00 00 00 00 00", slipTCP},
	{"bad direction", "07 45 00 00 2c 00 01 00 00 40 06 00 00 0a 00 00", slipTCP},
	{"unknown type", "00 10 00 00 00 00 00 00 00 00 00 00 00 00 00 00", slipTCP},
	{"IPv6", "00 60 00 00 00 00 00 00 00 00 00 00 00 00 00 00",
		"60 00 00 00 00 08 11 40 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 02 " +
			"30 39 00 35 00 08 00 00"},
	{"version 5", "00 45 00 00 00 00 00 00 00 00 00 00 00 00 00 00", "50 00 00 14"},
	{"short", "00 45 00 00 00 00 00 00 00 00", ""},
}

func slipFrames(t testing.TB) [][]byte {
	frames := make([][]byte, len(slipVectors))
	for i, v := range slipVectors {
		ip := mustHex(t, v.ip)
		if len(ip) >= 20 && ip[0]>>4 == 4 {
			putChecksum(ip[:20], 10)
			if ip[9] == 6 {
				// The TCP checksum, over the pseudo header.
				sum := append(append([]byte(nil), ip[12:20]...), 0, 6, 0, byte(len(ip)-20))
				sum = append(sum, ip[20:]...)
				putChecksum(sum, 12+16)
				copy(ip[36:38], sum[28:30])
			}
		}
		frames[i] = append(mustHex(t, v.hdr), ip...)
	}
	return frames
}

// TestSLIPMatchesTcpdump holds the one-liners of generated SLIP packets
// to tcpdump's (tshark 4.0 cannot read the link type).
func TestSLIPMatchesTcpdump(t *testing.T) {
	frames := slipFrames(t)
	d := decode.NewDecoder()
	times := make([]time.Time, len(frames))
	for i := range times {
		times[i] = time.Unix(int64(1700000000+i), 0)
	}
	if _, err := exec.LookPath("tcpdump"); err == nil && !testing.Short() {
		path := writeTestPcapng(t, slipLink, frames, times)
		for _, opts := range [][]string{{}, {"-e"}, {"-v"}, {"-vv"}, {"-x"}, {"-e", "-x"}, {"-q"}} {
			chunks := tcpdumpStamped(t, path, opts, len(frames))
			lo := appLineOptions(opts)
			lo.Link = slices.Contains(opts, "-e")
			lo.Time = decode.TimeEpoch
			p := &decode.LinePrinter{Options: lo}
			agree := 0
			for i, fr := range frames {
				d.Decode(fr, slipLink)
				f := decode.Frame{Number: i + 1, Time: times[i], Length: len(fr)}
				got := string(p.Append(nil, d, &f))
				if diff := cmp.Diff(chunks[i], got); diff != "" {
					t.Errorf("frame %d (%s) %v: tcpdump (-want) vs rawcap (+got):\n%s", i, slipVectors[i].name, opts, diff)
					continue
				}
				agree++
			}
			t.Logf("tcpdump %s: %d of %d frames agree", strings.Join(opts, " "), agree, len(frames))
		}
	}
	p := &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Link: true, Verbose: 2}}
	var buf []byte
	for i, fr := range frames {
		f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(fr)}
		run := func() {
			d.Decode(fr, slipLink)
			buf = p.Append(buf[:0], d, &f)
		}
		run()
		if n := testing.AllocsPerRun(20, run); n != 0 {
			t.Errorf("frame %d: decoding and printing allocate %v times", i, n)
		}
	}
}

// FuzzSLIP feeds SLIP packets to the decoder and the line printer.
func FuzzSLIP(f *testing.F) {
	for _, fr := range slipFrames(f) {
		f.Add(fr)
	}
	d := decode.NewDecoder()
	lps := []*decode.LinePrinter{
		{Options: decode.LineOptions{Location: time.UTC}},
		{Options: decode.LineOptions{Location: time.UTC, Link: true, Verbose: 2, Hex: decode.HexNet}},
	}
	f.Fuzz(func(t *testing.T, fr []byte) {
		d.Decode(fr, slipLink)
		x := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(fr)}
		for _, lp := range lps {
			lp.Append(nil, d, &x)
		}
	})
}
