package decode

import (
	"math"
	"strconv"
	"testing"
)

// TestAppendUintMatchesStrconv holds appendUint and appendInt to strconv
// on the edges of every digit count, into buffers with and without room.
func TestAppendUintMatchesStrconv(t *testing.T) {
	var vs []uint64
	for _, p := range pow10 {
		vs = append(vs, p-1, p, p+1, p*9, p*9+99)
	}
	vs = append(vs, 0, 7, 42, 65535, 1<<32-1, math.MaxUint64, math.MaxUint64-1)
	for _, v := range vs {
		for _, room := range []int{0, 1, 32} {
			b := make([]byte, 1, 1+room)
			b[0] = 'x'
			if got, want := string(appendUint(b, v)), "x"+strconv.FormatUint(v, 10); got != want {
				t.Errorf("appendUint(%d) = %q, want %q", v, got, want)
			}
			for _, s := range []int64{int64(v), -int64(v)} {
				if got, want := string(appendInt(b, s)), "x"+strconv.FormatInt(s, 10); got != want {
					t.Errorf("appendInt(%d) = %q, want %q", s, got, want)
				}
			}
		}
	}
	if got := string(appendInt(nil, math.MinInt64)); got != strconv.FormatInt(math.MinInt64, 10) {
		t.Errorf("appendInt(MinInt64) = %q", got)
	}
}

func BenchmarkAppendUint(b *testing.B) {
	buf := make([]byte, 0, 64)
	for i := 0; b.Loop(); i++ {
		buf = appendUint(buf[:0], uint64(i)*2654435761)
	}
}

func BenchmarkStrconvAppendUint(b *testing.B) {
	buf := make([]byte, 0, 64)
	for i := 0; b.Loop(); i++ {
		buf = strconv.AppendUint(buf[:0], uint64(i)*2654435761, 10)
	}
}
