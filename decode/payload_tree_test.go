package decode_test

import (
	"encoding/binary"
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

// payloadTreeFrames are frames ending in bytes no dissector claims: UDP
// payloads of 1, 16 and 40 bytes between unassigned ports, and ICMP
// echoes whose data starts with a timestamp near the frame's time (frame
// i is stamped 1700000000+i, as compareSubtreeWithTshark stamps them) or
// does not.
func payloadTreeFrames(t *testing.T) [][]byte {
	t.Helper()
	var frames [][]byte
	for _, n := range []int{1, 16, 40} {
		pl := make([]byte, n)
		for k := range pl {
			pl[k] = byte(0x30 + k)
		}
		frames = append(frames, appFrame(pl, 51234, 51235, false))
	}
	echo := func(data []byte) []byte {
		icmp := append([]byte{8, 0, 0, 0, 0x12, 0x34, 0, 7}, data...)
		binary.BigEndian.PutUint16(icmp[2:], inetSum(icmp))
		ip := ipv4Hdr(1, 64, []byte{10, 0, 0, 1}, []byte{10, 0, 0, 2}, len(icmp))
		eth := []byte{0, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0x11, 0x22, 0x33, 0x44, 0x66, 8, 0}
		return append(append(eth, ip...), icmp...)
	}
	ts := make([]byte, 8, 56)
	binary.BigEndian.PutUint32(ts, uint32(1700000000+len(frames)-2))
	binary.BigEndian.PutUint32(ts[4:], 123456)
	for k := 0; k < 48; k++ {
		ts = append(ts, byte(k))
	}
	frames = append(frames, echo(ts))
	frames = append(frames, echo([]byte("abcdefghijklmnopqrstuvwxyz")))
	return frames
}

// dataTail returns the lines of a frame's tree from its first Data block
// on.
func dataTail(tree string) []string {
	lines := strings.Split(strings.TrimRight(tree, "\n"), "\n")
	for k, l := range lines {
		if strings.HasPrefix(strings.TrimLeft(l, " "), "Data (") {
			return lines[k:]
		}
	}
	return nil
}

// TestPayloadTreeMatchesTshark holds the Data block, drawn from the data
// protocol's fields, to tshark's, hex dump included (at the top level and
// inside an ICMP echo, with and without the timestamp tshark takes from its
// first bytes), and draws it with no allocation.
func TestPayloadTreeMatchesTshark(t *testing.T) {
	frames := payloadTreeFrames(t)
	t.Run("allocs", func(t *testing.T) {
		checkTreeAllocsNothing(t, frames[:3], "Data (")
	})
	testshared.Oracle(t, "tshark")
	path := writeTestPcap(t, frames)
	cmd := exec.Command("tshark", "-n", "-V", "-r", path)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	theirs := appTreeFrames(string(out))
	if len(theirs) != len(frames) {
		t.Fatalf("tshark printed %d frames, want %d", len(theirs), len(frames))
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lines := 0
	for i, frame := range frames {
		d.Decode(frame, linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(frame)}
		mine := dataTail(string(tp.Append(nil, d, &f)))
		want := dataTail("Frame " + theirs[i])
		if len(want) == 0 {
			t.Fatalf("frame %d: tshark drew no Data block", i)
		}
		if i == 3 && !strings.HasSuffix(want[0], "Data (48 bytes)") {
			t.Errorf("frame 3: tshark's %q, want the 48 bytes after the timestamp", want[0])
		}
		lines += len(want)
		if diff := cmp.Diff(want, mine); diff != "" {
			t.Errorf("frame %d: Data block, tshark (-want) vs rawcap (+got):\n%s", i, diff)
		}
	}
	t.Logf("%d frames, %d Data lines compared", len(frames), lines)
}
