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
