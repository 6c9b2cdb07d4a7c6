package decode

import (
	"testing"
	"time"
)

// TestParseWSTime checks the reading of Wireshark's absolute time texts
// that ek writes as ISO 8601 instants, and that it allocates nothing.
func TestParseWSTime(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Jul 25, 1987 21:08:33.007738396 UTC", "1987-07-25T21:08:33.007738396Z"},
		{"Jan  2, 2026 03:04:05.000000000 UTC", "2026-01-02T03:04:05.000000000Z"},
		{"Dec 31, 1999 23:59:59.5 UTC", "1999-12-31T23:59:59.500000000Z"},
		{"Feb 10, 2011 08:00:00 UTC", "2011-02-10T08:00:00.000000000Z"},
	} {
		at, ok := parseWSTime([]byte(c.in), time.UTC)
		if got := at.UTC().Format("2006-01-02T15:04:05.000000000Z"); !ok || got != c.want {
			t.Errorf("parseWSTime(%q) = %s, %v; want %s", c.in, got, ok, c.want)
		}
	}
	for _, bad := range []string{"NULL", "", "Jul 25 1987", "Foo 25, 1987 21:08:33 UTC", "Jul 25, 1987 21:08:33.1234567890 UTC", "Jul 25, 19x7 21:08:33 UTC"} {
		if _, ok := parseWSTime([]byte(bad), time.UTC); ok {
			t.Errorf("parseWSTime(%q) accepted", bad)
		}
	}
	in := []byte("Jul 25, 1987 21:08:33.007738396 UTC")
	if n := testing.AllocsPerRun(100, func() { parseWSTime(in, time.UTC) }); n != 0 {
		t.Errorf("parseWSTime allocates %v times", n)
	}
}
