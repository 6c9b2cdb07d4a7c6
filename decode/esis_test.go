package decode_test

import (
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// esisFrames are Frame Relay frames (link type 107) with a three-byte
// address (DLCI 1) and an I frame's control field before an ES-IS PDU:
// the 22 bytes tcpdump's tests esis_snpa_asan, esis_snpa_asan-3 and
// esis_snpa_asan-4 captured of each (an ES hello whose options tshark
// cannot read, redirects with and without a network entity title, a PDU
// of type 0), and a redirect whose length indicator ends at its title, so
// that tshark notes it has no options.
var esisFrames = []string{
	"00 0c 05 22 00 82 11 01 55 42 53 43 70 a1 02 00 04 ec ff 00 00 00",
	"00 0c 05 22 00 82 11 01 55 46 53 05 ff ff 05 00 04 ec 00 00 00 00",
	"00 0c 05 22 00 82 11 01 55 00 00 00 00 a1 02 00 04 ec ff 00 00 00",
	"00 0c 05 22 00 82 11 01 55 46 53 e8 03 00 04 ec ff 00 00 00 00 00",
	"00 0c 05 22 00 82 10 01 55 46 53 43 70 34 03 02 04 00 00 00 00 00",
	"00 0c 05 32 00 82 11 01 55 42 53 43 70 a1 02 00 04 ec ff 00 00 00",
	"00 0c 05 22 00 82 11 01 55 46 53 43 70 34 00 00 04 00 00 00 00 00",
	"00 0c 05 22 00 82 0f 01 55 46 53 43 70 34 03 02 04 00 00 00 00 00",
}

// esisRejected are PDUs rawcap leaves undecoded (and with them the Frame
// Relay header): a right checksum, a subnetwork address, an option with
// a value, an NSAP of 6 bytes, an IS hello, version 2.
var esisRejected = []string{
	"00 0c 05 22 00 82 0b 01 00 02 00 00 00 00 00 00",
	"00 0c 05 22 00 82 11 01 55 46 53 05 ff ff 03 00 04 ec 01 aa 00 00",
	"00 0c 05 22 00 82 10 01 55 46 53 43 70 34 03 02 04 00 00 00 05 01",
	"00 0c 05 22 00 82 11 01 55 46 53 05 ff ff 06 00 04 ec 00 00 00 00",
	"00 0c 05 22 00 82 11 01 55 44 53 05 ff ff 05 00 04 ec 00 00 00 00",
	"00 0c 05 22 00 82 11 02 55 46 53 05 ff ff 05 00 04 ec 00 00 00 00",
}

func TestESISParse(t *testing.T) {
	frameRelayParses(t, esisFrames, esisRejected, decode.LayerESIS)
	d := decode.NewDecoder()
	frames := make([][]byte, len(esisFrames))
	for i, h := range esisFrames {
		frames[i] = mustHex(t, h)
	}
	buf := make([]byte, 0, 1<<12)
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2, Link: true}}
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	tp := &decode.TreePrinter{Location: time.UTC}
	for i, f := range frames {
		fr := decode.Frame{Number: i + 1, Time: time.Unix(1, 0), Length: len(f)}
		if n := testing.AllocsPerRun(20, func() {
			d.Decode(f, linktype.Type(107))
			buf = lp.Append(buf[:0], d, &fr)
			buf = cp.Append(buf[:0], d, &fr)
			buf = tp.Append(buf[:0], d, &fr)
		}); n != 0 {
			t.Errorf("frame %d: decode, one-liner, columns and tree allocate %v times", i+1, n)
		}
	}
}

// TestESISMatchesOracles holds the frames' -V trees to tshark's and their
// one-liners to tcpdump's in every option set the corpus test uses.
func TestESISMatchesOracles(t *testing.T) { frameRelayMatchesOracles(t, esisFrames) }

// FuzzESIS decodes and prints Frame Relay frames carrying ES-IS, seeded
// from the vectors above: no panic, whatever the bytes.
func FuzzESIS(f *testing.F) {
	for _, h := range append(append([]string{}, esisFrames...), esisRejected...) {
		f.Add(mustHex(f, h))
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2, Link: true}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	f.Fuzz(func(t *testing.T, b []byte) {
		d.Decode(b, linktype.Type(107))
		fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(b)}
		_ = tp.Append(nil, d, &fr)
		_ = lp.Append(nil, d, &fr)
		_ = jp.Append(nil, d, &fr)
		_ = cp.Append(nil, d, &fr)
	})
}
