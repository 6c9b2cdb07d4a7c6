package decode_test

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// corpusPackets returns up to max packets of ../shared/corpus (all when
// max is 0) with their link types, or skips when the corpus is absent.
func corpusPackets(t testing.TB, max int) []pcapio.Packet {
	t.Helper()
	dir := filepath.Join(readSharedDir(t), "corpus")
	files, _ := filepath.Glob(filepath.Join(dir, corpusGlob()))
	var out []pcapio.Packet
	for _, f := range files {
		if filepath.Ext(f) == ".json" || filepath.Ext(f) == ".md" {
			continue
		}
		r, err := pcapio.Open(f)
		if err != nil {
			continue
		}
		for {
			p, err := r.Next()
			if err != nil {
				break
			}
			out = append(out, p.Clone())
			if max > 0 && len(out) >= max {
				r.Close()
				return out
			}
		}
		r.Close()
	}
	return out
}

// printAll runs every printer, in several option sets, over the packet d
// last decoded, and checks that the JSON is valid.
func printAll(t testing.TB, d *decode.Decoder, f *decode.Frame, ps *printers) {
	for _, p := range ps.line {
		ps.buf = p.Append(ps.buf[:0], d, f)
	}
	ps.buf = ps.json.Append(ps.buf[:0], d, f)
	if !json.Valid(ps.buf) {
		t.Fatalf("invalid JSON for %x (link type %v):\n%s", d.Data(), d.LinkType(), ps.buf)
	}
	ps.buf = ps.tree.Append(ps.buf[:0], d, f)
	ps.buf = ps.cols.Append(ps.buf[:0], d, f)
}

type printers struct {
	line []*decode.LinePrinter
	json decode.JSONPrinter
	tree decode.TreePrinter
	cols decode.ColumnsPrinter
	buf  []byte
}

func newPrinters() *printers {
	ps := &printers{json: decode.JSONPrinter{Raw: true, Location: time.UTC}}
	for _, o := range []decode.LineOptions{
		{}, {Link: true}, {Verbose: 1}, {Verbose: 2}, {Quiet: true}, {AbsSeq: true, Time: decode.TimeDelta},
		{Hex: decode.HexASCIILink, Number: true}, {Hex: decode.ASCIIOnly, Time: decode.TimeDate, Nano: true},
	} {
		o.Location = time.UTC
		ps.line = append(ps.line, &decode.LinePrinter{Options: o})
	}
	return ps
}

// TestPrintersOnCorpus decodes and prints every corpus packet in every
// output format: nothing may panic and the JSON must be valid.
func TestPrintersOnCorpus(t *testing.T) {
	pkts := corpusPackets(t, 0)
	d := decode.NewDecoder()
	ps := newPrinters()
	for i := range pkts {
		p := &pkts[i]
		d.Decode(p.Data, p.LinkType)
		f := decode.Frame{Number: i + 1, Time: p.Time, Length: p.Length, InterfaceName: "eth0"}
		printAll(t, d, &f, ps)
	}
	t.Logf("%d corpus packets decoded and printed", len(pkts))
}

// fuzzDecode is the body of the per-link-type fuzz targets: decode and
// print every way, then check the layers are well-formed.
func fuzzDecode(f *testing.F, lt linktype.Type) {
	for _, p := range corpusPackets(f, 0) {
		if p.LinkType == lt {
			f.Add(p.Data)
		}
	}
	d := decode.NewDecoder()
	ps := newPrinters()
	f.Fuzz(func(t *testing.T, data []byte) {
		layers := d.Decode(data, lt)
		for _, l := range layers {
			if l.Start < 0 || l.Start > l.Payload || l.Payload > l.End || l.End > len(data) {
				t.Fatalf("bad layer %+v for %d bytes", l, len(data))
			}
		}
		fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(data) + 10}
		printAll(t, d, &fr, ps)
	})
}

func FuzzDecodeEthernet(f *testing.F)  { fuzzDecode(f, linktype.Ethernet) }
func FuzzDecodeLinuxSLL(f *testing.F)  { fuzzDecode(f, linktype.LinuxSLL) }
func FuzzDecodeLinuxSLL2(f *testing.F) { fuzzDecode(f, linktype.LinuxSLL2) }
func FuzzDecodeNull(f *testing.F)      { fuzzDecode(f, linktype.Null) }
func FuzzDecodeLoop(f *testing.F)      { fuzzDecode(f, linktype.Loop) }
func FuzzDecodeRaw(f *testing.F)       { fuzzDecode(f, linktype.Raw) }
func FuzzDecodeIPv4(f *testing.F)      { fuzzDecode(f, linktype.IPv4) }
func FuzzDecodeIPv6(f *testing.F)      { fuzzDecode(f, linktype.IPv6) }
