package decode_test

import (
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// checkVectorPrinters checks that Ethernet frame, decoded by d, draws a
// -V tree holding the line title, and that decoding it and drawing its
// one-liner (-vv) and packet-list row allocate nothing.
func checkVectorPrinters(t *testing.T, d *decode.Decoder, frame []byte, title string) {
	t.Helper()
	f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone, Verbose: 2}}
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	tree := string((&decode.TreePrinter{Location: time.UTC}).Append(nil, d, &f))
	if !strings.Contains(tree, "\n"+title+"\n") {
		t.Errorf("-V:\n%s", tree)
	}
	buf := make([]byte, 0, 1<<16)
	if n := testing.AllocsPerRun(20, func() {
		d.Decode(frame, linktype.Ethernet)
		buf = lp.Append(buf[:0], d, &f)
		buf = cp.Append(buf[:0], d, &f)
	}); n != 0 {
		t.Errorf("decode, one-liner and columns allocate %v times", n)
	}
}

// compareVectorsWithOracles holds generated Ethernet frames to both
// tools: written's one-liners to tcpdump's (default, -v, -vv, -q), and
// taken's subtree from title, packet-list rows and the named fields to
// tshark's (the tree drawn without allocating). Skipped with -short.
func compareVectorsWithOracles(t *testing.T, written, taken [][]byte, title string, fields []string) {
	t.Helper()
	if testing.Short() {
		return
	}
	compareFramesWithTcpdump(t, written, [][]string{{}, {"-v"}, {"-vv"}, {"-q"}})
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Log("tshark not installed: vectors not compared with it")
		return
	}
	path := writeTestPcap(t, taken)
	compareSubtreeWithTshark(t, taken, title, nil)
	checkTreeAllocsNothing(t, taken, title)
	if n := compareColumnsWithTshark(t, path); n != len(taken) {
		t.Errorf("%d of %d rows are tshark's", n, len(taken))
	}
	compareFieldsWithTshark(t, path, taken, fields)
}
