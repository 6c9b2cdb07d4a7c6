package decode_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
)

// TestTreeMatchesTshark checks the -V tree against tshark -n -V on the
// project's sample capture: every line rawcap prints must be a line tshark
// prints, in the same order (rawcap leaves out tshark's analysis lines, such
// as stream indexes and TCP sequence analysis, but invents nothing).
func TestTreeMatchesTshark(t *testing.T) {
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Skip("tshark not installed")
	}
	path := filepath.Join(repoRoot(t), "testdata", "read", "sample.pcap")
	cmd := exec.Command("tshark", "-n", "-V", "-r", path)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	theirs := splitFrames(string(out))
	pkts := samplePackets(t)
	if len(theirs) != len(pkts) {
		t.Fatalf("tshark printed %d frames for %d packets", len(theirs), len(pkts))
	}
	d := decode.NewDecoder()
	p := &decode.TreePrinter{Location: time.UTC}
	var buf []byte
	mine, total := 0, 0
	for i := range pkts {
		pk := &pkts[i]
		d.Decode(pk.Data, pk.LinkType)
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length}
		buf = p.Append(buf[:0], d, &f)
		want := strings.Split(theirs[i], "\n")
		total += len(want)
		j := 0
		for _, line := range strings.Split(strings.TrimRight(string(buf), "\n"), "\n") {
			if strings.HasPrefix(line, "[Malformed Packet") {
				continue // tshark words truncation differently, per field
			}
			for j < len(want) && want[j] != line {
				j++
			}
			if j == len(want) {
				t.Errorf("frame %d: line %q is not in tshark's tree (in order):\n%s", i+1, line, theirs[i])
				break
			}
			mine++
			j++
		}
	}
	t.Logf("%d of tshark's %d tree lines printed identically by rawcap", mine, total)
}

// splitFrames splits tshark -V output into one string per frame.
func splitFrames(s string) []string {
	var frames []string
	for _, block := range strings.Split(s, "\nFrame ") {
		if block = strings.TrimSpace(block); block == "" {
			continue
		}
		if !strings.HasPrefix(block, "Frame ") {
			block = "Frame " + block
		}
		frames = append(frames, block)
	}
	return frames
}

var _ = bytes.Equal
