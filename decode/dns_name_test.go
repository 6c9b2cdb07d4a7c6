package decode

import "testing"

// TestDNSNamePastTooLong checks that a name past 255 characters is walked
// to its end, as Wireshark walks it: a bad label, a cut or a loop after the
// 255th character still counts.
func TestDNSNamePastTooLong(t *testing.T) {
	header := []byte{0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}
	long := func(tail ...byte) DNS {
		m := append([]byte(nil), header...)
		for range 5 { // 5 × 64 characters
			m = append(m, 63)
			for range 63 {
				m = append(m, 'a')
			}
		}
		return append(m, tail...)
	}
	for _, c := range []struct {
		name    string
		m       DNS
		want    string
		damaged bool
	}{
		{"ends", long(0), "<Name too long>", false},
		{"bad label after", long(1, 'b', 0x80, 0), "", true},
		{"cut after", long(9, 'b'), "", true},
		{"pointer to a bad label", long(0xc0, byte(len(header)+5*64+2), 0x41, 0), "", true},
		{"pointer loop", long(0xc0, byte(len(header))), "<Name contains a pointer that loops>", false},
	} {
		got, _ := c.m.AppendName(nil, len(header))
		if d := c.m.nameDamaged(len(header)); d != c.damaged {
			t.Errorf("%s: damaged %v, want %v", c.name, d, c.damaged)
		}
		if c.want != "" && string(got) != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
