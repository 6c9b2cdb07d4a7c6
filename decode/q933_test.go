package decode_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// q933Frames are Frame Relay frames (link type 107) whose address (DLCI
// 36) and I frame control field (N(S) 22) come from frame 17 of
// tcpdump's tests/q933-heapoverflow-2.pcap, followed by Q.933 messages:
// that frame's start, and elements rawcap draws (unknown ones, Call
// state, a non-locking shift), one cut before an element's length.
var q933Frames = []string{
	"08 41 2c 00 08 11 88 6b 98 30 00 14 a5 30 b0 af",
	"08 41 2c 00 08 11 88 6b 98 30 01 4a 14 01 80 09 00",
	"08 41 2c 00 08 11 88 6b 30 02 4a 4b 14 01 80 09 00",
	"08 41 2c 00 08 11 88 6b 30 00",
	"08 41 2c 00 08 11 88 6b 14 01 00 09",
	"08 41 2c 00 08 11 88 75",
}

// q933Rejected are messages rawcap leaves undecoded: tshark or tcpdump
// draws their elements in words rawcap does not (a PVC status element
// tcpdump names, a locking shift), a call reference of another length, a
// control field with N(R) set.
var q933Rejected = []string{
	"08 41 2c 00 08 11 88 6b 07 00",
	"08 41 2c 00 08 11 88 6b 95",
	"08 41 2c 00 08 00 75",
	"08 41 2c 02 08 11 88 6b",
}

func TestQ933Parse(t *testing.T) { frameRelayParses(t, q933Frames, q933Rejected, decode.LayerQ933) }

// frameRelayParses checks that each of frames (Frame Relay, link type
// 107, in hex) decodes to Frame Relay and a layer of type want, and each
// of rejected to no layers.
func frameRelayParses(t *testing.T, frames, rejected []string, want decode.LayerType) {
	d := decode.NewDecoder()
	for _, h := range frames {
		d.Decode(mustHex(t, h), linktype.Type(107))
		ls := d.Layers()
		if len(ls) != 2 || ls[1].Type != want {
			t.Errorf("%s: layers %v, want fr and %v", h, ls, want)
		}
	}
	for _, h := range rejected {
		d.Decode(mustHex(t, h), linktype.Type(107))
		if ls := d.Layers(); len(ls) != 0 {
			t.Errorf("%s: layers %v, want none", h, ls)
		}
	}
}

// TestQ933MatchesOracles holds the frames' -V trees to tshark's and their
// one-liners to tcpdump's in every option set the corpus test uses.
func TestQ933MatchesOracles(t *testing.T) { frameRelayMatchesOracles(t, q933Frames) }

// frameRelayMatchesOracles holds Frame Relay frames (link type 107,
// given in hex) to tshark's -V tree and to tcpdump's lines at each option
// set the corpus test runs.
func frameRelayMatchesOracles(t *testing.T, hexFrames []string) {
	testshared.Oracle(t, "tshark")
	testshared.Oracle(t, "tcpdump")
	frames := make([][]byte, len(hexFrames))
	for i, h := range hexFrames {
		frames[i] = mustHex(t, h)
	}
	path := writeTestPcapLink(t, linktype.Type(107), frames, nil)
	cmd := exec.Command("tshark", "-n", "-V", "-r", path)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	theirs := appTreeFrames(string(out))
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	var mine strings.Builder
	for i, f := range frames {
		d.Decode(f, linktype.Type(107))
		fr := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(f)}
		mine.Write(tp.Append(nil, d, &fr))
	}
	if diff := cmp.Diff(theirs, appTreeFrames(mine.String())); diff != "" {
		t.Errorf("-V: tshark (-want) vs rawcap (+got):\n%s", diff)
	}
	for _, opts := range [][]string{{}, {"-e"}, {"-v"}, {"-vv"}, {"-vvv"}, {"-q"}, {"-q", "-e"}, {"-e", "-vv"}, {"-x"}, {"-A"}} {
		chunks := tcpdumpStamped(t, path, opts, len(frames))
		lo := lineOptionsFor(opts)
		lo.Time = decode.TimeEpoch
		p := &decode.LinePrinter{Options: lo}
		for i, f := range frames {
			d.Decode(f, linktype.Type(107))
			fr := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(f)}
			if diff := cmp.Diff(chunks[i], string(p.Append(nil, d, &fr))); diff != "" {
				t.Errorf("frame %d %v: tcpdump (-want) vs rawcap (+got):\n%s", i+1, opts, diff)
			}
		}
	}
}

// FuzzQ933 decodes and prints Frame Relay frames seeded from the vectors
// above: no panic, whatever the bytes.
func FuzzQ933(f *testing.F) {
	for _, h := range append(append([]string{}, q933Frames...), q933Rejected...) {
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
