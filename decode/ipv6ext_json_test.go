package decode_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// ipv6ExtFrames are IPv6 packets (Ethernet) whose extension headers the
// corpus lacks: hop-by-hop with a router alert, destination options, a
// first and a later fragment, a Mobile IPv6 type 2 routing header, a type
// 0 source route, a segment routing header, and hop-by-hop and destination
// options without a fragment after them.
var ipv6ExtFrames = []string{
	// HBH (router alert, PadN) > DstOpts (PadN) > Fragment (offset 0, M, id 0x12345678) > UDP
	"00005e005302 00005e005301 86dd 6000000000200040 20010db8000000000000000000000001 20010db8000000000000000000000002 " +
		"3c00 0502 0000 0100 " + "2c00 0104 00000000 " + "1100 0001 12345678 " + "04d2 162e 0008 0000",
	// Fragment (offset 185, last, id 0xcafe) with 8 bytes of data
	"00005e005302 00005e005301 86dd 6000000000102c40 20010db8000000000000000000000001 20010db8000000000000000000000002 " +
		"1100 05c8 0000cafe " + "0102030405060708",
	// Routing type 2 (home address) > UDP
	"00005e005302 00005e005301 86dd 6000000000202b40 20010db8000000000000000000000001 20010db8000000000000000000000002 " +
		"1102 0201 00000000 20010db8000000000000000000000099 " + "04d2 162e 0008 0000",
	// Routing type 0 (two addresses, one left) > UDP
	"00005e005302 00005e005301 86dd 6000000000302b40 20010db8000000000000000000000001 20010db8000000000000000000000002 " +
		"1104 0001 00000000 20010db80000000000000000000000aa 20010db80000000000000000000000bb " + "04d2 162e 0008 0000",
	// Segment routing (two segments, last entry 1, flags 0, tag 0x0102) > UDP
	"00005e005302 00005e005301 86dd 6000000000302b40 20010db8000000000000000000000001 20010db8000000000000000000000002 " +
		"1104 0401 0100 0102 20010db80000000000000000000000cc 20010db80000000000000000000000dd " + "04d2 162e 0008 0000",
	// HBH (router alert, PadN) > DstOpts (PadN of 4) > UDP, unfragmented
	"00005e005302 00005e005301 86dd 6000000000180040 20010db8000000000000000000000001 20010db8000000000000000000000002 " +
		"3c00 0502 0000 0100 " + "1100 0104 00000000 " + "04d2 162e 0008 0000",
	// HBH (path MTU 1500, return 1500 with the R flag) > UDP
	"00005e005302 00005e005301 86dd 6000000000100040 20010db8000000000000000000000001 20010db8000000000000000000000002 " +
		"1100 3004 05dc 05dd " + "04d2 162e 0008 0000",
	// HBH (tunnel encapsulation limit, out of place; Pad1; empty PadN) > UDP
	"00005e005302 00005e005301 86dd 6000000000100040 20010db8000000000000000000000001 20010db8000000000000000000000002 " +
		"1100 0401 05 00 0100 " + "04d2 162e 0008 0000",
	// DstOpts (unknown type 0x1f with two bytes, empty PadN) > UDP
	"00005e005302 00005e005301 86dd 6000000000103c40 20010db8000000000000000000000001 20010db8000000000000000000000002 " +
		"1100 1f02 aabb 0100 " + "04d2 162e 0008 0000",
	// HBH (jumbo payload below 65536 with a payload length) > UDP
	"00005e005302 00005e005301 86dd 6000000000100040 20010db8000000000000000000000001 20010db8000000000000000000000002 " +
		"1100 c204 00000100 " + "04d2 162e 0008 0000",
	// HBH (PadN of one byte, three Pad1) > UDP
	"00005e005302 00005e005301 86dd 6000000000100040 20010db8000000000000000000000001 20010db8000000000000000000000002 " +
		"1100 010100 000000 " + "04d2 162e 0008 0000",
}

// TestJSONIPv6ExtMatchesTshark compares the JSON of the IPv6 extension
// headers with tshark -T fields on crafted packets, for the fields the
// corpus has no packet for. An empty byte string, "" in JSON, is tshark's
// "<none>" or "<MISSING>".
func TestJSONIPv6ExtMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	var fields []string
	for _, f := range tsharkFields {
		switch f {
		case "ipv6.addr", "ipv6.src_host", "ipv6.dst_host", "ipv6.host":
			// Hidden copies of the addresses: -T fields shows them
			// (TestFieldsMatchTshark holds them to tshark's), JSON not.
			continue
		}
		if strings.HasPrefix(f, "ipv6.") {
			fields = append(fields, f)
		}
	}
	frames := make([][]byte, len(ipv6ExtFrames))
	for i, h := range ipv6ExtFrames {
		frames[i] = mustHex(t, h)
	}
	path := writeTestPcap(t, frames)
	args := []string{"-r", path, "-o", "ipv6.defragment:FALSE", "-T", "fields", "-E", "occurrence=f", "-E", "separator=\t"}
	for _, f := range fields {
		args = append(args, "-e", f)
	}
	cmd := exec.Command("tshark", args...)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	rows := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(rows) != len(frames) {
		t.Fatalf("tshark printed %d rows for %d packets", len(rows), len(frames))
	}
	d := decode.NewDecoder()
	jp := &decode.JSONPrinter{Location: time.UTC}
	compared := 0
	for i, f := range frames {
		d.Decode(f, linktype.Ethernet)
		buf := jp.Append(nil, d, &decode.Frame{Number: i + 1, Time: time.Unix(1700000000, 0), Length: len(f)})
		mine, _ := flatJSON(t, buf)
		theirs := strings.Split(rows[i], "\t")
		for k, name := range fields {
			if theirs[k] != "" {
				compared++
			}
			if got := mine[name]; got != theirs[k] && (got != "" || theirs[k] != "<none>" && theirs[k] != "<MISSING>") {
				t.Errorf("packet %d %s: tshark %q, rawcap %q", i+1, name, theirs[k], mine[name])
			}
		}
	}
	t.Logf("%d field values compared with tshark on %d packets", compared, len(frames))
	if compared < 60 {
		t.Errorf("only %d field values compared: tshark did not dissect the headers", compared)
	}
}

// TestIPv6TreeMatchesTshark holds the -V subtree of IPv6 and its extension
// headers on the crafted packets to tshark's, line for line.
func TestIPv6TreeMatchesTshark(t *testing.T) {
	compareSubtreeWithTshark(t, ipv6ExtTestFrames(t), "Internet Protocol Version 6", map[int]string{
		0: "tshark keeps a first fragment's UDP for reassembly",
		2: "a type 2 routing header's lines are not drawn",
		4: "a segment routing header's tag and segments are not drawn",
	})
}

// TestIPv6TreeAllocatesNothing draws the IPv6 subtree of the crafted
// packets without allocating.
func TestIPv6TreeAllocatesNothing(t *testing.T) {
	checkTreeAllocsNothing(t, ipv6ExtTestFrames(t), "Internet Protocol Version 6, Src: ")
}

// TestRawTreeAllocatesNothing draws the crafted IPv6 packets on the raw
// IP link type, whose "Raw packet data" line the generic tree draws,
// without allocating.
func TestRawTreeAllocatesNothing(t *testing.T) {
	frames := ipv6ExtTestFrames(t)
	for i := range frames {
		frames[i] = frames[i][14:] // no Ethernet header
	}
	checkTreeAllocsNothingOn(t, linktype.Raw, frames, "Raw packet data")
}

func ipv6ExtTestFrames(t *testing.T) [][]byte {
	frames := make([][]byte, len(ipv6ExtFrames))
	for i, h := range ipv6ExtFrames {
		frames[i] = mustHex(t, h)
	}
	return frames
}
