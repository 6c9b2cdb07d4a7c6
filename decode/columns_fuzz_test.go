package decode_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// FuzzColumns prints fuzzed Ethernet frames as --columns rows, two at a
// time through one printer so that flow state is exercised: nothing may
// panic and every row is one line.
func FuzzColumns(f *testing.F) {
	for _, p := range samplePackets(f) {
		f.Add(p.Data, p.Data[:len(p.Data)/2])
	}
	d := decode.NewDecoder()
	cp := &decode.ColumnsPrinter{Precision: []int{9}}
	var buf []byte
	f.Fuzz(func(t *testing.T, a, b []byte) {
		for k, data := range [][]byte{a, b} {
			d.Decode(data, linktype.Ethernet)
			fr := decode.Frame{Number: k + 1, Time: time.Unix(1, int64(k)), Length: len(data) + k}
			buf = cp.Append(buf[:0], d, &fr)
			if bytes.Count(buf, []byte("\n")) != 1 || buf[len(buf)-1] != '\n' {
				t.Fatalf("row %q is not one line", buf)
			}
		}
	})
}
