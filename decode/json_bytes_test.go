package decode

import (
	"math/rand"
	"testing"
	"unicode/utf8"
)

// appendJSONBytesRef is appendJSONBytes written rune by rune: the
// reference the copying version is held to.
func appendJSONBytesRef(b []byte, v []byte) []byte {
	b = append(b, '"')
	for i := 0; i < len(v); {
		c := v[i]
		if c == '/' && i > 0 && v[i-1] == '<' {
			b = append(b, '\\', '/')
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = appendJSONByte(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(v[i:])
		if r == utf8.RuneError && n == 1 {
			b = append(b, `\ufffd`...)
		} else {
			b = append(b, v[i:i+n]...)
		}
		i += n
	}
	return append(b, '"')
}

func TestAppendJSONBytesMatchesRuneByRune(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alphabet := []byte("a</\"\\\n\r\t\x00\x1f\x7f\xc2\xb7\xdf\xbf\xe2\x82\xac\xf0\x9f\x98\x80\x80\xc0\xc1\xff")
	inputs := [][]byte{nil, []byte("plain"), []byte("····A····"), []byte("\xc2"), []byte("\xc2a")}
	for range 20000 {
		v := make([]byte, rng.Intn(12))
		for k := range v {
			if rng.Intn(4) == 0 {
				v[k] = byte(rng.Intn(256))
			} else {
				v[k] = alphabet[rng.Intn(len(alphabet))]
			}
		}
		inputs = append(inputs, v)
	}
	for _, v := range inputs {
		if got, want := string(appendJSONBytes(nil, v)), string(appendJSONBytesRef(nil, v)); got != want {
			t.Fatalf("appendJSONBytes(%q) = %s, want %s", v, got, want)
		}
	}
}
