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

func TestTimePrecision(t *testing.T) {
	for _, tc := range []struct {
		tsresol uint8
		want    int
	}{{6, 6}, {9, 9}, {3, 3}, {0, 0}, {4, 6}, {7, 9}, {0x80 | 10, 6}, {0x80 | 30, 9}} {
		if got := decode.TimePrecision(tc.tsresol); got != tc.want {
			t.Errorf("TimePrecision(%#x) = %d, want %d", tc.tsresol, got, tc.want)
		}
	}
}
