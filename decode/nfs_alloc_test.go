package decode_test

import (
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/synth"
	"github.com/rawcap/rawcap/linktype"
)

// TestNFSNoAllocations checks that decoding the generated NFS session and
// printing it with every printer (one-liners at each verbosity, JSON,
// -T fields with every field, ek, the -V tree, the packet list) allocate
// nothing per packet once the buffers have grown (and the one-liner's XID
// ring exists): each printer reads the session once, then every packet
// again under AllocsPerRun, its call still remembered.
func TestNFSNoAllocations(t *testing.T) {
	pkts := synth.NFSSession(time.Unix(1700000000, 0))
	var names []string
	for _, p := range decode.Protocols() {
		for i := range p.Fields {
			names = append(names, p.Fields[i].Name)
		}
	}
	fp, err := decode.NewFieldsPrinter(names)
	if err != nil {
		t.Fatal(err)
	}
	printers := map[string]benchPrinter{
		"json":    &decode.JSONPrinter{Location: time.UTC},
		"fields":  fp,
		"ek":      &decode.EKPrinter{Location: time.UTC},
		"tree":    &decode.TreePrinter{Location: time.UTC},
		"columns": &decode.ColumnsPrinter{},
	}
	for k, o := range []decode.LineOptions{{}, {Verbose: 1}, {Verbose: 2}, {Hex: decode.HexNet}} {
		printers["line"+string(rune('0'+k))] = &decode.LinePrinter{Options: o}
	}
	buf := make([]byte, 0, 64<<10)
	for name, p := range printers {
		d := decode.NewDecoder()
		for k, pk := range pkts {
			f := decode.Frame{Number: k + 1, Time: pk.Time, Length: len(pk.Data)}
			d.Decode(pk.Data, linktype.Ethernet)
			buf = p.Append(buf[:0], d, &f)
		}
		for k, pk := range pkts {
			f := decode.Frame{Number: len(pkts) + k + 1, Time: pk.Time, Length: len(pk.Data)}
			run := func() {
				d.Decode(pk.Data, linktype.Ethernet)
				buf = p.Append(buf[:0], d, &f)
			}
			// Drawn again, a reply whose call it answered the first time
			// is no longer paired (packet 2 becomes Data, the first layer
			// of the session on the generic tree): let the buffers grow
			// for that drawing too before counting.
			run()
			if n := testing.AllocsPerRun(10, run); n != 0 {
				t.Errorf("%s: packet %d allocates %v times", name, k+1, n)
			}
		}
	}
}
