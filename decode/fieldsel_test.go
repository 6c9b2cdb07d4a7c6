package decode

import "testing"

// TestWantsAnyMatchesWants holds wantsAny, which tests a run of field ids
// a word at a time, to wants over each field of the run, for every run of
// TCP's and IPv4's tables (they cross word boundaries) and selections of
// one field each.
func TestWantsAnyMatchesWants(t *testing.T) {
	tables := [][]Field{tcpFields[:], ipFields[:]}
	for _, fs := range tables {
		for pick := range fs {
			var l FieldList
			l.selectFields([]*Field{&fs[pick]})
			for i := range fs {
				for j := i + 1; j <= len(fs); j++ {
					want := false
					for k := i; k < j; k++ {
						want = want || l.wants(&fs[k])
					}
					if got := l.wantsAny(fs[i:j]); got != want {
						t.Fatalf("selecting %s: wantsAny(%s…%s) = %v, want %v", fs[pick].Name, fs[i].Name, fs[j-1].Name, got, want)
					}
				}
			}
		}
	}
	var l FieldList
	if !l.wantsAny(tcpFields[:3]) {
		t.Error("no selection: wantsAny must keep everything")
	}
}
