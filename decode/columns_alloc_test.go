package decode_test

import (
	"testing"

	"github.com/rawcap/rawcap/decode"
)

// TestColumnsNoAllocations checks that ColumnsPrinter.Append allocates
// nothing per packet once its fixed tables exist, for every packet of the
// sample capture.
func TestColumnsNoAllocations(t *testing.T) {
	pkts := samplePackets(t)
	d := decode.NewDecoder()
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	buf := make([]byte, 0, 64<<10)
	for i := range pkts { // a first pass creates the bounded tables
		pk := &pkts[i]
		d.Decode(pk.Data, pk.LinkType)
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length}
		buf = cp.Append(buf[:0], d, &f)
	}
	for i := range pkts {
		pk := &pkts[i]
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length}
		d.Decode(pk.Data, pk.LinkType)
		if n := testing.AllocsPerRun(100, func() { buf = cp.Append(buf[:0], d, &f) }); n != 0 {
			t.Errorf("ColumnsPrinter.Append(packet %d) allocates %v times", i+1, n)
		}
	}
}

// TestColumnsNoAllocationsCorpus checks the same for corpus packets of
// every layer type Info describes (DNS, DHCP, NTP, HTTP, TLS, LLC, ARP …),
// a few of each.
func TestColumnsNoAllocationsCorpus(t *testing.T) {
	pkts := corpusPackets(t, 0)
	d := decode.NewDecoder()
	cp := &decode.ColumnsPrinter{}
	buf := make([]byte, 0, 64<<10)
	seen := map[decode.LayerType]int{}
	checked := 0
	for i := range pkts {
		pk := &pkts[i]
		layers := d.Decode(pk.Data, pk.LinkType)
		if len(layers) == 0 {
			continue
		}
		top := layers[len(layers)-1].Type
		if top == decode.LayerPayload && len(layers) > 1 {
			top = layers[len(layers)-2].Type
		}
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length}
		buf = cp.Append(buf[:0], d, &f) // creates the bounded tables and this flow's state
		if seen[top] >= 3 {
			continue
		}
		seen[top]++
		checked++
		if n := testing.AllocsPerRun(20, func() { buf = cp.Append(buf[:0], d, &f) }); n != 0 {
			t.Errorf("ColumnsPrinter.Append(%v packet %x) allocates %v times", top, pk.Data, n)
		}
	}
	t.Logf("%d packets over %d top layer types checked", checked, len(seen))
}

func TestTimePrecision(t *testing.T) {
	for _, tc := range []struct {
		tsresol uint8
		want    int
	}{{6, 6}, {9, 9}, {3, 3}, {0, 0}, {4, 6}, {7, 9}, {0x80 | 7, 2}, {0x80 | 10, 3}, {0x80 | 20, 6}, {0x80 | 30, 9}} {
		if got := decode.TimePrecision(tc.tsresol); got != tc.want {
			t.Errorf("TimePrecision(%#x) = %d, want %d", tc.tsresol, got, tc.want)
		}
	}
}
