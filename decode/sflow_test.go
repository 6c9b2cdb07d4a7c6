package decode_test

import (
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// sflowCounters is an sFlow v5 datagram (agent 192.0.2.9, sub-agent 3,
// sequence 7, uptime 90061000 ms) with one counters sample (sequence 5,
// source 0:12) holding an Ethernet counters record, written from the sFlow
// v5 specification's layout.
const sflowCounters = "00 00 00 05 00 00 00 01 c0 00 02 09 00 00 00 03 00 00 00 07 05 5e 38 c8 00 00 00 01 " +
	"00 00 00 02 00 00 00 48 00 00 00 05 00 00 00 0c 00 00 00 01 " +
	"00 00 00 02 00 00 00 34 " +
	"00 00 00 01 00 00 00 02 00 00 00 03 00 00 00 04 00 00 00 05 00 00 00 06 00 00 00 07 " +
	"00 00 00 08 00 00 00 09 00 00 00 0a 00 00 00 0b 00 00 00 0c 00 00 00 0d"

func TestSFlow(t *testing.T) {
	var frames [][]byte
	defer func() {
		// The same frames through tcpdump, in each verbosity, and their
		// sFlow subtrees against tshark's.
		compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-q"}})
		compareSubtreeWithTshark(t, frames, "InMon sFlow", nil)
	}()
	for _, tc := range []struct {
		name, sflow string
		line, info  string
		tree        string // a line of the -V tree
		layer       decode.LayerType
	}{{
		name:  "counters sample",
		sflow: sflowCounters,
		line:  "IP 192.0.2.1.40000 > 192.0.2.2.6343: sFlowv5, IPv4 agent 192.0.2.9, agent-id 3, length 108",
		info:  "V5, agent 192.0.2.9, sub-agent ID 3, seq 7, 1 samples",
		tree:  "\n    SysUptime: 1 day, 1 hour, 1 minute, 1 second (90061000ms)\n",
		layer: decode.LayerSFlow,
	}, {
		name:  "another version",
		sflow: "00 05 00 01 00 00 00 01 c0 00 02 09",
		line:  "IP 192.0.2.1.40000 > 192.0.2.2.6343: sFlowv327681 [length 12 < 28] (invalid)",
		layer: decode.LayerPayload,
	}, {
		name:  "header cut short",
		sflow: "00 00 00 05 00 00 00 01",
		line:  "IP 192.0.2.1.40000 > 192.0.2.2.6343: sFlowv5 [length 8 < 28] (invalid)",
		tree:  "\n[Malformed Packet: sFlow]\n",
		layer: decode.LayerSFlow,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			frame := udpFrame("192.0.2.1", "192.0.2.2", 40000, 6343, mustHex(t, tc.sflow))
			frames = append(frames, frame)
			d := decode.NewDecoder()
			layers := d.Decode(frame, linktype.Ethernet)
			if got := layers[len(layers)-1].Type; got != tc.layer {
				t.Fatalf("last layer %v, want %v", got, tc.layer)
			}
			f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
			lp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
			if got := strings.TrimSuffix(string(lp.Append(nil, d, &f)), "\n"); got != tc.line {
				t.Errorf("line:\n got %q\nwant %q", got, tc.line)
			}
			tree := string((&decode.TreePrinter{Location: time.UTC}).Append(nil, d, &f))
			if tc.tree != "" && !strings.Contains(tree, tc.tree) {
				t.Errorf("-V lacks %q:\n%s", tc.tree, tree)
			}
			if tc.info != "" {
				if got := string((&decode.ColumnsPrinter{}).Append(nil, d, &f)); !strings.Contains(got, tc.info) {
					t.Errorf("columns %q lack %q", got, tc.info)
				}
			}
			buf := make([]byte, 0, 4096)
			tp := &decode.TreePrinter{Location: time.UTC}
			if n := testing.AllocsPerRun(50, func() {
				d.Decode(frame, linktype.Ethernet)
				buf = lp.Append(buf[:0], d, &f)
				buf = tp.Append(buf[:0], d, &f)
			}); n != 0 {
				t.Errorf("decoding and printing allocate %v times", n)
			}
		})
	}
}

// sflowFlowVectors are sFlow v5 datagrams (agent 192.0.2.9) of flow samples,
// written from the sFlow v5 specification's layout by a script: each
// record format rawcap reads, the output interface's formats, the URL's
// directions, records of other enterprises and formats, samples whose
// length is not their records' and a datagram cut in a record.
var sflowFlowVectors = []appVector{
	{name: "records", hex: "00 00 00 05 00 00 00 01 c0 00 02 09 00 00 00 03 00 00 00 07 05 5e 38 c8 00 00 00 01 00 00 00 01 " +
		"00 00 00 f4 00 00 00 09 00 00 00 0c 00 00 01 00 00 00 10 00 00 00 00 02 00 00 00 05 00 00 00 07 " +
		"00 00 00 05 00 00 03 e9 00 00 00 10 00 00 00 0a 00 00 00 01 00 00 00 14 00 00 00 02 00 00 03 ea " +
		"00 00 00 1c 00 00 00 02 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01 00 00 00 30 00 00 00 40 " +
		"00 00 03 ec 00 00 00 1c 00 00 00 6a 00 00 00 05 61 6c 69 63 65 00 00 00 00 00 00 6a 00 00 00 03 " +
		"62 6f 62 00 00 00 03 ed 00 00 00 24 00 00 00 01 00 00 00 0b 2f 69 6e 64 65 78 2e 68 74 6d 6c 00 " +
		"00 00 00 0b 65 78 61 6d 70 6c 65 2e 63 6f 6d 00 00 00 03 eb 00 00 00 40 00 00 00 02 20 01 0d b8 " +
		"00 00 00 00 00 00 00 00 00 00 00 02 00 00 fd e8 00 00 fd e9 00 00 fd ea 00 00 00 01 00 00 00 01 " +
		"00 00 00 02 00 00 00 64 00 00 00 65 00 00 00 01 00 01 00 02 00 00 00 0a"},
	{name: "records v4", hex: "00 00 00 05 00 00 00 01 c0 00 02 09 00 00 00 03 00 00 00 07 05 5e 38 c8 00 00 00 02 00 00 00 01 " +
		"00 00 00 7c 00 00 00 0a 01 00 00 0c 00 00 01 00 00 00 10 00 00 00 00 02 00 00 00 05 80 00 00 03 " +
		"00 00 00 02 00 00 03 ea 00 00 00 10 00 00 00 01 c6 33 64 01 00 00 00 18 00 00 00 10 00 00 03 eb " +
		"00 00 00 3c 00 00 00 01 c6 33 64 02 00 00 fd e8 00 00 fd e9 00 00 fd ea 00 00 00 02 00 00 00 02 " +
		"00 00 00 01 00 00 00 64 00 00 00 01 00 00 00 02 00 00 00 c8 00 00 01 2c 00 00 00 00 00 00 00 14 " +
		"00 00 00 03 00 00 00 44 00 00 00 0b 00 00 00 00 00 00 00 0c 00 00 02 00 00 00 20 00 00 00 00 00 " +
		"00 00 00 00 00 00 00 05 00 00 00 00 00 00 00 07 00 00 00 01 00 00 03 e9 00 00 00 10 00 00 00 0a " +
		"00 00 00 01 00 00 00 14 00 00 00 02"},
	{name: "discarded", hex: "00 00 00 05 00 00 00 01 c0 00 02 09 00 00 00 03 00 00 00 07 05 5e 38 c8 00 00 00 02 00 00 00 01 " +
		"00 00 00 38 00 00 00 0c 00 00 00 0c 00 00 01 00 00 00 10 00 00 00 00 02 00 00 00 05 40 00 01 01 " +
		"00 00 00 01 00 00 03 e9 00 00 00 10 00 00 00 0a 00 00 00 01 00 00 00 14 00 00 00 02 00 00 00 01 " +
		"00 00 00 20 00 00 00 0d 00 00 00 0c 00 00 01 00 00 00 10 00 00 00 00 02 00 00 00 05 80 00 00 00 " +
		"00 00 00 00"},
	{name: "raw header", hex: "00 00 00 05 00 00 00 01 c0 00 02 09 00 00 00 03 00 00 00 07 05 5e 38 c8 00 00 00 01 00 00 00 01 " +
		"00 00 00 7c 00 00 00 0e 00 00 00 0c 00 00 01 00 00 00 10 00 00 00 00 02 00 00 00 05 00 00 00 07 " +
		"00 00 00 02 00 00 00 01 00 00 00 3c 00 00 00 01 00 00 00 2e 00 00 00 04 00 00 00 2a 00 11 22 33 " +
		"44 55 00 66 77 88 99 aa 08 00 45 00 00 1c 00 01 00 00 40 11 f7 ca c0 00 02 01 c0 00 02 02 9c 40 " +
		"00 35 00 08 00 00 00 00 00 00 03 e9 00 00 00 10 00 00 00 0a 00 00 00 01 00 00 00 14 00 00 00 02"},
	{name: "ethernet frame data", hex: "00 00 00 05 00 00 00 01 c0 00 02 09 00 00 00 03 00 00 00 07 05 5e 38 c8 00 00 00 01 00 00 00 01 " +
		"00 00 00 70 00 00 00 0f 00 00 00 0c 00 00 01 00 00 00 10 00 00 00 00 02 00 00 00 05 00 00 00 07 " +
		"00 00 00 03 00 00 03 e9 00 00 00 10 00 00 00 0a 00 00 00 01 00 00 00 14 00 00 00 02 00 00 00 02 " +
		"00 00 00 18 00 00 00 40 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 08 00 00 00 03 e9 " +
		"00 00 00 10 00 00 00 0a 00 00 00 01 00 00 00 14 00 00 00 02"},
	{name: "url directions", hex: "00 00 00 05 00 00 00 01 c0 00 02 09 00 00 00 03 00 00 00 07 05 5e 38 c8 00 00 00 02 00 00 00 01 " +
		"00 00 00 78 00 00 00 14 00 00 00 0c 00 00 01 00 00 00 10 00 00 00 00 02 00 00 00 05 c0 00 00 05 " +
		"00 00 00 03 00 00 03 ed 00 00 00 14 00 00 00 02 00 00 00 02 2f 61 00 00 00 00 00 01 68 00 00 00 " +
		"00 00 03 ed 00 00 00 14 00 00 00 07 00 00 00 02 2f 61 00 00 00 00 00 01 68 00 00 00 00 00 00 02 " +
		"00 00 00 18 00 00 00 40 00 11 22 33 44 55 00 00 66 77 88 99 aa bb 00 00 00 00 86 dd 00 00 00 01 " +
		"00 00 00 20 00 00 00 15 00 00 00 0c 00 00 01 00 00 00 10 00 00 00 00 02 00 00 00 05 7f ff ff ff " +
		"00 00 00 00"},
	{name: "ip data", hex: "00 00 00 05 00 00 00 01 c0 00 02 09 00 00 00 03 00 00 00 07 05 5e 38 c8 00 00 00 01 00 00 00 01 " +
		"00 00 00 a0 00 00 00 1e 00 00 00 0c 00 00 01 00 00 00 10 00 00 00 00 02 00 00 00 05 00 00 00 07 " +
		"00 00 00 03 00 00 00 03 00 00 00 20 00 00 00 64 00 00 00 06 0a 00 00 01 0a 00 00 02 00 00 04 d2 " +
		"00 00 00 50 12 00 00 00 b8 00 00 00 00 00 00 04 00 00 00 38 00 00 00 64 00 00 00 11 20 01 0d b8 " +
		"00 00 00 00 00 00 00 00 00 00 00 01 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 02 00 00 00 35 " +
		"00 00 14 e9 3f 00 00 00 00 00 00 05 00 00 03 e9 00 00 00 10 00 00 00 0a 00 00 00 01 00 00 00 14 " +
		"00 00 00 02"},
	{name: "enterprise record", hex: "00 00 00 05 00 00 00 01 c0 00 02 09 00 00 00 03 00 00 00 07 05 5e 38 c8 00 00 00 01 00 00 00 01 " +
		"00 00 00 48 00 00 00 1f 00 00 00 0c 00 00 01 00 00 00 10 00 00 00 00 02 00 00 00 05 00 00 00 07 " +
		"00 00 00 02 00 00 90 05 00 00 00 08 00 01 02 03 04 05 06 07 00 00 03 e9 00 00 00 10 00 00 00 0a " +
		"00 00 00 01 00 00 00 14 00 00 00 02"},
	{name: "records rawcap does not read", hex: "00 00 00 05 00 00 00 01 c0 00 02 09 00 00 00 03 00 00 00 07 05 5e 38 c8 00 00 00 01 00 00 00 01 " +
		"00 00 00 b4 00 00 00 28 00 00 00 0c 00 00 01 00 00 00 10 00 00 00 00 02 00 00 00 05 00 00 00 07 " +
		"00 00 00 0c 00 00 03 ee 00 00 00 04 00 00 00 00 00 00 03 ef 00 00 00 04 00 00 00 00 00 00 03 f0 " +
		"00 00 00 04 00 00 00 00 00 00 03 f1 00 00 00 04 00 00 00 00 00 00 03 f2 00 00 00 04 00 00 00 00 " +
		"00 00 03 f3 00 00 00 04 00 00 00 00 00 00 03 f4 00 00 00 04 00 00 00 00 00 00 03 f5 00 00 00 04 " +
		"00 00 00 00 00 00 90 05 00 00 00 08 00 00 00 01 00 00 00 02 00 00 93 e9 00 00 00 04 00 00 00 01 " +
		"00 00 00 05 00 00 00 04 00 00 00 03 00 00 00 00 00 00 00 04 00 00 00 04"},
	{name: "padded samples", hex: "00 00 00 05 00 00 00 01 c0 00 02 09 00 00 00 03 00 00 00 07 05 5e 38 c8 00 00 00 02 00 00 00 01 " +
		"00 00 00 48 00 00 00 32 00 00 00 0c 00 00 01 00 00 00 10 00 00 00 00 02 00 00 00 05 00 00 00 07 " +
		"00 00 00 01 00 00 03 e9 00 00 00 10 00 00 00 0a 00 00 00 01 00 00 00 14 00 00 00 02 00 00 00 01 " +
		"00 00 00 18 00 00 00 00 00 00 00 00 00 00 00 01 00 00 00 38 00 00 00 33 00 00 00 0c 00 00 01 00 " +
		"00 00 10 00 00 00 00 02 00 00 00 05 00 00 00 07 00 00 00 01 00 00 03 e9 00 00 00 10 00 00 00 0a " +
		"00 00 00 01 00 00 00 14 00 00 00 02"},
	{name: "processor counters", hex: "00 00 00 05 00 00 00 01 c0 00 02 09 00 00 00 03 00 00 00 07 05 5e 38 c8 00 00 00 02 00 00 00 02 " +
		"00 00 00 40 00 00 00 34 00 00 00 0c 00 00 00 01 00 00 03 e9 00 00 00 1c 00 00 00 01 00 00 00 02 " +
		"00 00 00 03 00 00 00 00 00 00 10 00 00 00 00 01 00 00 08 00 00 00 00 01 00 00 00 18 00 00 00 00 " +
		"00 00 00 00 00 00 00 01 00 00 00 38 00 00 00 35 00 00 00 0c 00 00 01 00 00 00 10 00 00 00 00 02 " +
		"00 00 00 05 00 00 00 07 00 00 00 01 00 00 03 e9 00 00 00 10 00 00 00 0a 00 00 00 01 00 00 00 14 " +
		"00 00 00 02"},
	{name: "samples shorter than their records", hex: "00 00 00 05 00 00 00 01 c0 00 02 09 00 00 00 03 00 00 00 07 05 5e 38 c8 00 00 00 02 00 00 00 01 " +
		"00 00 00 30 00 00 00 3c 00 00 00 0c 00 00 01 00 00 00 10 00 00 00 00 02 00 00 00 05 00 00 00 07 " +
		"00 00 00 01 00 00 03 e9 00 00 00 10 00 00 00 0a 00 00 00 01 00 00 00 14 00 00 00 02 00 00 00 01 " +
		"00 00 00 38 00 00 00 3d 00 00 00 0c 00 00 01 00 00 00 10 00 00 00 00 02 00 00 00 05 00 00 00 07 " +
		"00 00 00 01 00 00 03 e9 00 00 00 10 00 00 00 0a 00 00 00 01 00 00 00 14 00 00 00 02"},
	{name: "cut", hex: "00 00 00 05 00 00 00 01 c0 00 02 09 00 00 00 03 00 00 00 07 05 5e 38 c8 00 00 00 01 00 00 00 01 " +
		"00 00 00 5c 00 00 00 10 00 00 00 0c 00 00 01 00 00 00 10 00 00 00 00 02 00 00 00 05 00 00 00 07 " +
		"00 00 00 02 00 00 03 e9 00 00 00 10 00 00 00 0a 00 00 00 01 00 00 00 14 00 00 00 02 00 00 03 ec " +
		"00 00 00 1c 00 00 00 6a 00 00 00 05 61 6c 69 63 65 00 00 00 00 00"},
}

// sflowFlowAllowed says which vectors tshark draws more of than rawcap.
var sflowFlowAllowed = map[int]string{
	3:  "tshark decodes the sampled frame inside the raw packet header; rawcap does not yet",
	8:  "rawcap stops at a record format tshark reads and rawcap does not (MPLS)",
	10: "rawcap stops at a counters format tshark reads and rawcap does not (processor)",
	12: "tshark draws the fields of the record cut short that were captured; rawcap leaves the record out",
}

// sflowFlowTcpdumpApart says which vectors tcpdump prints otherwise.
var sflowFlowTcpdumpApart = map[int]string{
	11: "tcpdump reads the records past the sample's length; rawcap marks the sample cut",
}

// TestSFlowFlowSamples holds the flow samples' -V subtree to tshark's and
// their -v lines to tcpdump's.
func TestSFlowFlowSamples(t *testing.T) {
	var frames, tcpdumps [][]byte
	for i, v := range sflowFlowVectors {
		frames = append(frames, udpFrame("192.0.2.1", "192.0.2.2", 40000, 6343, mustHex(t, v.hex)))
		if _, apart := sflowFlowTcpdumpApart[i]; !apart {
			tcpdumps = append(tcpdumps, frames[i])
		}
	}
	compareFramesWithTcpdump(t, tcpdumps, [][]string{{}, {"-v"}, {"-vv"}, {"-q"}})
	compareSubtreeWithTshark(t, frames, "InMon sFlow", sflowFlowAllowed)
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone, Verbose: 1}}
	buf := make([]byte, 0, 1<<14)
	for i, frame := range frames {
		f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		if n := testing.AllocsPerRun(20, func() {
			d.Decode(frame, linktype.Ethernet)
			buf = lp.Append(buf[:0], d, &f)
			buf = tp.Append(buf[:0], d, &f)
		}); n != 0 {
			t.Errorf("%s: decoding and printing allocate %v times", sflowFlowVectors[i].name, n)
		}
	}
}

// FuzzSFlow feeds sFlow datagrams (the corpus's and the vectors above) to
// the decoder and every printer.
func FuzzSFlow(f *testing.F) {
	fuzzApp(f, decode.LayerSFlow, 6343, false, sflowFlowVectors)
}

// TestSFlowCut cuts the flow sample vectors, and the counters one, after
// every third byte past the datagram's header: rawcap draws what was
// captured as tshark does (every line it draws is tshark's, in order;
// tshark draws more only where it decodes a sampled frame) and marks the
// rest, and its lines are tcpdump's.
func TestSFlowCut(t *testing.T) {
	var frames [][]byte
	allow := map[int]string{}
	vectors := append([]appVector{{name: "counters sample", hex: sflowCounters}}, sflowFlowVectors...)
	for i, v := range vectors {
		if _, apart := sflowFlowTcpdumpApart[i-1]; apart {
			continue
		}
		b := mustHex(t, v.hex)
		for cut := 28; cut < len(b); cut += 3 {
			allow[len(frames)] = v.name + " cut short"
			frames = append(frames, udpFrame("192.0.2.1", "192.0.2.2", 40000, 6343, b[:cut]))
		}
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}})
	compareSubtreeWithTshark(t, frames, "InMon sFlow", allow)
}
