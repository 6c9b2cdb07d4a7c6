package decode_test

import (
	"encoding/binary"
	"encoding/json"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// greVector is a GRE packet (header and payload) carried in IPv4 between
// 192.0.2.1 and 192.0.2.2; want is tcpdump -n's output after
// "IP 192.0.2.1 > 192.0.2.2: ".
type greVector struct {
	name string
	hex  string
	want string
}

// greVectors reach each branch of the GRE printer: RFC 2784/2890 optional
// fields, transparent Ethernet bridging, an empty or cut-off packet, an
// unknown protocol, and RFC 2637's enhanced GRE (version 1); want is
// tcpdump 4.99's output for them. The inner packets are ICMP echo requests
// from 192.168.0.1 to 192.168.0.2.
var greVectors = []greVector{
	{name: "plain-ipv4", hex: "00 00 08 00 45 00 00 24 00 01 40 00 40 01 b9 84 c0 a8 00 01 c0 a8 00 02  " +
		"08 00 66 68 00 01 00 01 61 62 63 64 65 66 67 68",
		want: "GREv0, length 40: IP 192.168.0.1 > 192.168.0.2: ICMP echo request, id 1, seq 1, length 16"},
	{name: "key", hex: "20 00 08 00 00 00 12 34 45 00 00 24 00 01 40 00 40 01 b9 84 c0 a8 00 01  " +
		"c0 a8 00 02 08 00 66 68 00 01 00 01 61 62 63 64 65 66 67 68",
		want: "GREv0, key=0x1234, length 44: IP 192.168.0.1 > 192.168.0.2: ICMP echo request, id 1, seq 1, length 16"},
	{name: "csum-key-seq", hex: "b0 00 08 00 ab cd 00 00 00 00 00 07 00 00 00 09 45 00 00 24 00 01 40 00  " +
		"40 01 b9 84 c0 a8 00 01 c0 a8 00 02 08 00 66 68 00 01 00 01 61 62 63 64  " +
		"65 66 67 68",
		want: "GREv0, off 0x0, key=0x7, seq 9, length 52: IP 192.168.0.1 > 192.168.0.2: ICMP echo request, id 1, seq 1, length 16"},
	{name: "teb-seq", hex: "10 00 65 58 00 00 00 05 02 00 00 00 00 12 02 00 00 00 00 11 08 00 45 00  " +
		"00 24 00 01 40 00 40 01 b9 84 c0 a8 00 01 c0 a8 00 02 08 00 66 68 00 01  " +
		"00 01 61 62 63 64 65 66 67 68",
		want: "GREv0, seq 5, length 58: IP 192.168.0.1 > 192.168.0.2: ICMP echo request, id 1, seq 1, length 16"},
	{name: "empty-ipv4", hex: "00 00 08 00",
		want: "GREv0, length 4:  [|ip]"},
	{name: "truncated-key", hex: "20 00 08",
		want: "GREv0 [|gre]"},
	{name: "unknown-proto", hex: "00 00 12 34 78 79 7a",
		want: "GREv0, length 7: gre-proto-0x1234"},
	{name: "v1-no-payload", hex: "00 01 08 00 45 00 00 24 00 01 40 00 40 01 b9 84 c0 a8 00 01 c0 a8 00 02  " +
		"08 00 66 68 00 01 00 01 61 62 63 64 65 66 67 68",
		want: "GREv1, no-payload, length 40"},
	{name: "v1-ack-only", hex: "20 81 88 0b 00 00 00 07 00 00 00 0c",
		want: "GREv1, call 7, ack 12, no-payload, length 12"},
}

// greInEthernet wraps a GRE packet in Ethernet and IPv4 (protocol 47).
func greInEthernet(gre []byte) []byte {
	f := appFrame(nil, 0, 0, false)[:34]
	f = append(f, gre...)
	ip := f[14:34]
	ip[9] = 47
	binary.BigEndian.PutUint16(ip[2:], uint16(20+len(gre)))
	ip[10], ip[11] = 0, 0
	var s uint32
	for i := 0; i < 20; i += 2 {
		s += uint32(binary.BigEndian.Uint16(ip[i:]))
	}
	for s > 0xffff {
		s = s&0xffff + s>>16
	}
	binary.BigEndian.PutUint16(ip[10:], ^uint16(s))
	return f
}

// TestGREVectors checks each vector's line against want and, when tcpdump
// is installed, the output by default, with -v, -q and -e against
// tcpdump's. Version 1 carrying PPP is not among them: rawcap does not
// decode PPP.
func TestGREVectors(t *testing.T) {
	frames := make([][]byte, len(greVectors))
	for i, v := range greVectors {
		frames[i] = greInEthernet(mustHex(t, v.hex))
	}
	d := decode.NewDecoder()
	for i, v := range greVectors {
		p := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
		got := lineFor(d, p, frames[i], i+1)
		if diff := cmp.Diff("IP 192.0.2.1 > 192.0.2.2: "+v.want+"\n", got); diff != "" {
			t.Errorf("%s: line (-want +got):\n%s", v.name, diff)
		}
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-q"}, {"-e"}})
}

// compareFramesWithTcpdump writes frames to a capture and compares
// rawcap's lines with tcpdump's for each option set.
func compareFramesWithTcpdump(t *testing.T, frames [][]byte, optSets [][]string) {
	t.Helper()
	if _, err := exec.LookPath("tcpdump"); err != nil || testing.Short() {
		t.Log("tcpdump not installed or -short: vectors not compared with it")
		return
	}
	path := writeTestPcap(t, frames)
	d := decode.NewDecoder()
	for _, opts := range optSets {
		chunks := tcpdumpStamped(t, path, opts, len(frames))
		lo := appLineOptions(opts)
		lo.Link = slices.Contains(opts, "-e")
		lo.Time = decode.TimeEpoch
		p := &decode.LinePrinter{Options: lo}
		agree := 0
		for i := range frames {
			got := lineFor(d, p, frames[i], i+1)
			if diff := cmp.Diff(chunks[i], got); diff != "" {
				t.Errorf("frame %d %v: tcpdump (-want) vs rawcap (+got):\n%s", i, opts, diff)
				continue
			}
			agree++
		}
		t.Logf("tcpdump %s: %d of %d frames agree", strings.Join(opts, " "), agree, len(frames))
	}
}

func TestGREView(t *testing.T) {
	type view struct {
		Version       uint8
		Proto         uint16
		Sum, Off      uint16
		HasSum        bool
		Key           uint32
		HasKey        bool
		Seq, Ack      uint32
		HasSeq, HasAk bool
		Len           int
	}
	for _, v := range []struct {
		name string
		hex  string
		want view
		err  error
	}{
		{"csum-key-seq", "b0 00 08 00 ab cd 00 01 00 00 00 07 00 00 00 09", view{Proto: 0x0800, Sum: 0xabcd, Off: 1, HasSum: true,
			Key: 7, HasKey: true, Seq: 9, HasSeq: true, Len: 16}, nil},
		{"v1-all", "30 81 88 0b 00 28 00 07 00 00 00 0b 00 00 00 0c", view{Version: 1, Proto: 0x880b, Key: 0x280007, HasKey: true,
			Seq: 11, HasSeq: true, Ack: 12, HasAk: true, Len: 16}, nil},
		{"routing", "40 00 08 00 00 00 00 00", view{}, decode.ReasonBadOption},
		{"version-2", "00 02 08 00", view{}, decode.ReasonBadVersion},
		{"cut-key", "20 00 08 00 00 00", view{}, decode.ReasonTruncated},
	} {
		t.Run(v.name, func(t *testing.T) {
			g, err := decode.ParseGRE(mustHex(t, v.hex))
			if err != v.err {
				t.Fatalf("err %v, want %v", err, v.err)
			}
			if err != nil {
				return
			}
			var got view
			got.Version, got.Proto, got.Len = g.Version(), g.Protocol(), len(g)
			got.Sum, got.Off, got.HasSum = g.Checksum()
			got.Key, got.HasKey = g.Key()
			got.Seq, got.HasSeq = g.Seq()
			got.Ack, got.HasAk = g.Ack()
			if diff := cmp.Diff(v.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// stampedLine matches the start of a packet in tcpdump -tt output.
var stampedLine = regexp.MustCompile(`^[0-9]+\.[0-9]{6} `)

// splitStamped splits tcpdump -tt output into one chunk per packet: a
// packet starts at a line with a timestamp (a tunnel's inner packet starts
// a line of its own, without one).
func splitStamped(out []byte) []string {
	var chunks []string
	for _, line := range strings.SplitAfter(string(out), "\n") {
		if line == "" {
			continue
		}
		if len(chunks) == 0 || stampedLine.MatchString(line) {
			chunks = append(chunks, line)
			continue
		}
		chunks[len(chunks)-1] += line
	}
	return chunks
}

// FuzzGRE feeds GRE packets inside IPv4 to the decoder and every printer.
func FuzzGRE(f *testing.F) {
	for _, v := range greVectors {
		f.Add(mustHex(f, v.hex))
	}
	for _, p := range appPayloads(f, decode.LayerGRE) {
		f.Add(p)
	}
	d := decode.NewDecoder()
	lines := []*decode.LinePrinter{
		{Options: decode.LineOptions{Location: time.UTC}},
		{Options: decode.LineOptions{Location: time.UTC, Verbose: 1}},
		{Options: decode.LineOptions{Location: time.UTC, Quiet: true}},
		{Options: decode.LineOptions{Location: time.UTC, Link: true}},
	}
	jp := &decode.JSONPrinter{Location: time.UTC}
	tp := &decode.TreePrinter{Location: time.UTC}
	f.Fuzz(func(t *testing.T, gre []byte) {
		frame := greInEthernet(gre)
		for _, l := range d.Decode(frame, linktype.Ethernet) {
			if l.Start < 0 || l.Start > l.Payload || l.Payload > l.End || l.End > len(frame) {
				t.Fatalf("bad layer %+v for %d bytes", l, len(frame))
			}
		}
		fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		for _, p := range lines {
			p.Append(nil, d, &fr)
		}
		if js := jp.Append(nil, d, &fr); !json.Valid(js) {
			t.Fatalf("invalid JSON: %s", js)
		}
		tp.Append(nil, d, &fr)
	})
}

// TestGRETreeMatchesTshark holds GRE's subtree, drawn from its fields, to
// tshark's on the vectors (a checksum, a key, sequence numbers, enhanced
// GRE, an unknown protocol), and draws it with no allocation. The vector
// cut inside the fixed header is left out: tshark marks the IPv4 packet
// malformed and draws no GRE.
func TestGRETreeMatchesTshark(t *testing.T) {
	var frames [][]byte
	var vs []greVector
	for _, v := range greVectors {
		if v.name != "truncated-key" {
			frames = append(frames, greInEthernet(mustHex(t, v.hex)))
			vs = append(vs, v)
		}
	}
	t.Run("allocs", func(t *testing.T) {
		checkTreeAllocsNothing(t, frames[:3], "Generic Routing Encapsulation")
	})
	allow := map[int]string{}
	for i, v := range vs {
		switch v.name {
		case "empty-ipv4", "v1-ack-only":
			allow[i] = "the Info column of GRE carrying nothing ('Encapsulated IP') is not written"
		case "unknown-proto":
			allow[i] = "tshark draws the data of an unknown protocol inside GRE"
		case "v1-no-payload":
			allow[i] = "tshark decodes the payload of enhanced GRE without a sequence number"
		}
	}
	compareSubtreeWithTshark(t, frames, "Generic Routing Encapsulation", allow)
}
