package decode_test

import (
	"testing"

	"github.com/rawcap/rawcap/decode"
)

// TestTrackedFields holds Field.Tracked to the emitters: over the corpus,
// every field that is not Tracked has the same values, in the same order,
// whether the connection tracker runs or not (FieldsPrinter.SkipTracker),
// so an output that reads only such fields may leave the tracker out.
func TestTrackedFields(t *testing.T) {
	limit := 0
	if testing.Short() {
		limit = 30000
	}
	pkts := corpusPackets(t, limit)
	var names []string
	for _, pf := range decode.Protocols() {
		for i := range pf.Fields {
			if f := &pf.Fields[i]; !f.Tracked() {
				names = append(names, f.Name)
			}
		}
	}
	lone, err := decode.NewFieldsPrinter(names)
	if err != nil {
		t.Fatal(err)
	}
	lone.SkipTracker = true
	full, err := decode.NewFieldsPrinter(names)
	if err != nil {
		t.Fatal(err)
	}
	d1, d2 := decode.NewDecoder(), decode.NewDecoder()
	var a, b []byte
	bad := map[string]int{}
	for n, p := range pkts {
		f := decode.Frame{Number: n + 1, Time: p.Time, Length: p.Length}
		d1.Decode(p.Data, p.LinkType)
		d2.Decode(p.Data, p.LinkType)
		l1, l2 := lone.Fields(d1, &f), full.Fields(d2, &f)
		r1, r2 := values(l1), values(l2)
		for k := 0; k < max(len(r1), len(r2)); k++ {
			var x, y decode.FieldRec
			if k < len(r1) {
				x = r1[k]
			}
			if k < len(r2) {
				y = r2[k]
			}
			a, b = a[:0], b[:0]
			if x.Field != nil {
				a = decode.AppendFieldText(a, l1, &x)
			}
			if y.Field != nil {
				b = decode.AppendFieldText(b, l2, &y)
			}
			if x.Field != y.Field || string(a) != string(b) {
				name := "?"
				if y.Field != nil {
					name = y.Field.Name
				} else if x.Field != nil {
					name = x.Field.Name
				}
				if bad[name] == 0 {
					t.Errorf("packet %d: %s: %q without the tracker, %q with it", n+1, name, a, b)
				}
				bad[name]++
				break
			}
		}
	}
	t.Logf("%d packets, %d untracked fields compared", len(pkts), len(names))
}

// values returns the value records of l.
func values(l *decode.FieldList) []decode.FieldRec {
	var out []decode.FieldRec
	for _, r := range l.Records() {
		if r.Op == decode.OpValue {
			out = append(out, r)
		}
	}
	return out
}
