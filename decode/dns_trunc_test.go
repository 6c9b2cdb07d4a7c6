package decode_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// TestAppTruncatedMatchesTcpdump cuts every DNS, DHCPv4 and NTP vector at
// every length from the end of the UDP or TCP header on (as a short snap
// length would) and compares rawcap's lines, by default and with -v, with
// tcpdump's: a message cut short prints what it has and tcpdump's
// truncation mark.
func TestAppTruncatedMatchesTcpdump(t *testing.T) {
	testshared.Oracle(t, "tcpdump")
	type cut struct {
		name string
		data []byte
		wire int
	}
	var cuts []cut
	for _, vs := range [][]appVector{dnsVectors, dnsSectionVectors, dhcpVectors, ntpVectors} {
		for _, v := range vs {
			fr := appFrame(mustHex(t, v.hex), v.sport, v.dport, v.tcp)
			hdr := 14 + 20 + 8
			if v.tcp {
				hdr = 14 + 20 + 20
			}
			step := 1
			if len(fr) > 200 {
				step = 3
			}
			for n := hdr + 1; n < len(fr); n += step {
				cuts = append(cuts, cut{name: v.name, data: fr[:n], wire: len(fr)})
			}
		}
	}
	frames, wire := make([][]byte, len(cuts)), make([]int, len(cuts))
	for i, x := range cuts {
		frames[i], wire[i] = x.data, x.wire
	}
	path := writeTestPcapWire(t, frames, wire)
	d := decode.NewDecoder()
	for _, opts := range [][]string{{}, {"-v"}, {"-vv"}, {"-vvv"}} {
		chunks := tcpdumpPackets(t, path, opts, len(cuts))
		lo := appLineOptions(opts)
		lo.Time = decode.TimeEpoch
		p := &decode.LinePrinter{Options: lo}
		agree, shown := 0, 0
		for i, c := range cuts {
			d.Decode(c.data, linktype.Ethernet)
			f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: c.wire}
			got := string(p.Append(nil, d, &f))
			if got == chunks[i] {
				agree++
				continue
			}
			if shown++; shown <= 10 {
				t.Errorf("%s cut to %d of %d bytes %v: tcpdump (-want) vs rawcap (+got):\n%s", c.name, len(c.data), c.wire, opts, cmp.Diff(chunks[i], got))
			}
		}
		t.Logf("tcpdump %v: %d of %d cut messages agree", opts, agree, len(cuts))
	}
}
