package decode_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// TestAppMutantsMatchTcpdump damages the DNS, DHCPv4 and NTP vectors with
// a fixed pseudo-random sequence of byte changes (a few bytes each, biased
// towards small values, lengths and pointers) and requires tcpdump's exact
// text for every mutant, by default and with -v, -vv and -vvv: hostile messages print as
// tcpdump prints them.
func TestAppMutantsMatchTcpdump(t *testing.T) {
	testshared.Oracle(t, "tcpdump")
	r := rand.New(rand.NewPCG(1, 2))
	type mutant struct {
		name string
		data []byte
	}
	var ms []mutant
	for _, vs := range [][]appVector{dnsVectors, dnsSectionVectors, dhcpVectors, ntpVectors} {
		for _, v := range vs {
			payload := mustHex(t, v.hex)
			for range 400 {
				p := append([]byte(nil), payload...)
				for range 1 + r.IntN(6) {
					if len(p) == 0 {
						break
					}
					i := r.IntN(len(p))
					switch r.IntN(4) {
					case 0:
						p[i] = byte(r.IntN(256))
					case 1:
						p[i] = byte(r.IntN(16))
					case 2:
						p[i] = 0xc0 | byte(r.IntN(4))
					default:
						p[i] ^= 1 << r.IntN(8)
					}
				}
				ms = append(ms, mutant{v.name, appFrame(p, v.sport, v.dport, v.tcp)})
			}
		}
	}
	frames, wire := make([][]byte, len(ms)), make([]int, len(ms))
	for i, x := range ms {
		frames[i], wire[i] = x.data, len(x.data)
	}
	path := writeTestPcapWire(t, frames, wire)
	d := decode.NewDecoder()
	for _, opts := range [][]string{{}, {"-v"}, {"-vv"}, {"-vvv"}} {
		chunks := tcpdumpPackets(t, path, opts, len(ms))
		lo := appLineOptions(opts)
		lo.Time = decode.TimeEpoch
		p := &decode.LinePrinter{Options: lo}
		agree, shown := 0, 0
		for i, m := range ms {
			d.Decode(m.data, linktype.Ethernet)
			f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(m.data)}
			got := string(p.Append(nil, d, &f))
			if got == chunks[i] {
				agree++
				continue
			}
			if shown++; shown <= 8 {
				t.Errorf("mutant %d of %s %v: tcpdump (-want) vs rawcap (+got):\n%s", i, m.name, opts, cmp.Diff(chunks[i], got))
			}
		}
		t.Logf("tcpdump %v: %d of %d mutants agree", opts, agree, len(ms))
	}
}
