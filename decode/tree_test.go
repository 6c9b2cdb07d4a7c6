package decode_test

import (
	"bytes"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/pcapio"
)

// TestTreeMatchesTshark checks the -V tree against tshark -n -V on the
// project's sample capture: every frame's tree, analysis lines, request
// links, hex dumps and truncation marks included, is tshark's byte for byte.
func TestTreeMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	path := filepath.Join(repoRoot(t), "testdata", "read", "sample.pcap")
	theirs := splitFrames(tsharkV(t, path))
	pkts := samplePackets(t)
	if len(theirs) != len(pkts) {
		t.Fatalf("tshark printed %d frames for %d packets", len(theirs), len(pkts))
	}
	d := decode.NewDecoder()
	p := &decode.TreePrinter{Location: time.UTC}
	var buf []byte
	for i := range pkts {
		pk := &pkts[i]
		d.Decode(pk.Data, pk.LinkType)
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length}
		buf = p.Append(buf[:0], d, &f)
		if diff := cmp.Diff(theirs[i], strings.TrimSpace(string(buf))); diff != "" {
			t.Errorf("frame %d (-tshark +rawcap):\n%s", i+1, diff)
		}
	}
}

// TestTreeMatchesTsharkCorpus holds the extension headers of IPv6 and the
// LLC trees to the same rule on corpus captures that have them: no line
// tshark does not print, in order. The frame's protocol list is left out:
// it names the protocols rawcap does not dissect (stp, isis, udld …) as
// data.
func TestTreeMatchesTsharkCorpus(t *testing.T) {
	testshared.Oracle(t, "tshark")
	corpus := filepath.Join(readSharedDir(t), "corpus")
	for _, name := range []string{
		"tcpdump/tests_ipv6-routing-header.pcap", "tcpdump/tests_ipv6-srh-ext-header.pcap",
		"tcpdump/tests_ip6_frag_asan.pcap", "tcpdump/tests_ipv6-srh-tlv-hmac.pcap",
		"libpcap/tests_filter_llc.pcap", "tcpdump/tests_802.1D_spanning_tree.pcap",
		"tcpdump/tests_UDLD.pcap", "tcpdump/tests_ISIS_level1_adjacency.pcap",
	} {
		t.Run(filepath.Base(name), func(t *testing.T) {
			mine, total := compareTreeWithTshark(t, filepath.Join(corpus, name))
			t.Logf("%d of tshark's %d tree lines printed identically by rawcap", mine, total)
		})
	}
}

// TestTreeSLL2MatchesTshark checks the Linux cooked capture v2 tree, which
// no corpus capture has, on a packet built here: a UDP datagram sent on
// interface 3.
func TestTreeSLL2MatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	pkt := hexBytes(t, `
		08 00 00 00 00 00 00 03 00 01 04 06 a6 58 43 f2 48 06 00 00
		45 00 00 1c 00 01 40 00 40 11 00 00 7f 00 00 01 7f 00 00 01
		d4 31 00 35 00 08 c0 de`)
	path := filepath.Join(t.TempDir(), "sll2.pcap")
	file := hexBytes(t, "d4 c3 b2 a1 02 00 04 00 00 00 00 00 00 00 00 00 ff ff 00 00 14 01 00 00"+
		" 00 f1 53 65 05 00 00 00 30 00 00 00 30 00 00 00")
	if err := os.WriteFile(path, append(file, pkt...), 0o644); err != nil {
		t.Fatal(err)
	}
	mine, total := compareTreeWithTshark(t, path)
	t.Logf("%d of tshark's %d tree lines printed identically by rawcap", mine, total)
	if want := 46; mine < want { // all but the protocol list (not compared) and the UDP stream index
		t.Errorf("%d of tshark's %d lines printed identically, want at least %d", mine, total, want)
	}
}

func hexBytes(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.Join(strings.Fields(s), ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// compareTreeWithTshark prints the capture at path with the tree printer
// and fails the test for any line tshark -n -V does not print in the same
// order (leaving out the frame's protocol list, which names the protocols
// rawcap does not dissect as data). It returns the lines matched and
// tshark's line count.
func compareTreeWithTshark(t *testing.T, path string) (mine, total int) {
	t.Helper()
	theirs := splitFrames(tsharkV(t, path))
	r, err := pcapio.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	d := decode.NewDecoder()
	p := &decode.TreePrinter{Location: time.UTC}
	var buf []byte
	for i := 0; ; i++ {
		pk, err := r.Next()
		if err != nil {
			break
		}
		if i >= len(theirs) {
			t.Fatalf("tshark printed %d frames, the file has more", len(theirs))
		}
		d.Decode(pk.Data, pk.LinkType)
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length}
		buf = p.Append(buf[:0], d, &f)
		want := strings.Split(theirs[i], "\n")
		total += len(want)
		j := 0
		for _, line := range strings.Split(strings.TrimRight(string(buf), "\n"), "\n") {
			if strings.HasPrefix(line, "    [Protocols in frame: ") {
				continue
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
	return mine, total
}

// splitFrames splits tshark -V output into one string per frame.
// tsharkV returns what tshark -n -V prints of the capture at path, in UTC.
func tsharkV(t *testing.T, path string) string {
	t.Helper()
	cmd := exec.Command("tshark", "-n", "-V", "-r", path)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	return string(out)
}

func splitFrames(s string) []string {
	// A frame starts at a "Frame N: …" line after a blank line, or at the
	// "Packet comments" tree tshark draws before it.
	var frames []string
	lines := strings.Split(s, "\n")
	start := -1
	for i, line := range lines {
		if i > 0 && lines[i-1] != "" {
			continue
		}
		head := line == "Packet comments"
		if !head && strings.HasPrefix(line, "Frame ") {
			num, _, ok := strings.Cut(line[len("Frame "):], ":")
			_, err := strconv.Atoi(num)
			head = ok && err == nil
		}
		if !head || (start >= 0 && lines[start] == "Packet comments" && line != "Packet comments") {
			continue
		}
		if start >= 0 {
			frames = append(frames, strings.TrimSpace(strings.Join(lines[start:i], "\n")))
		}
		start = i
	}
	if start >= 0 {
		frames = append(frames, strings.TrimSpace(strings.Join(lines[start:], "\n")))
	}
	return frames
}

var _ = bytes.Equal
