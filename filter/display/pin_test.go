package display

import "testing"

// TestStreamPinFound: which expressions pin a stream (streamPin): those
// where tcp.stream == N must hold for a packet to pass, and tcp.stream is
// named nowhere else.
func TestStreamPinFound(t *testing.T) {
	for expr, want := range map[string]uint32{
		"tcp.stream == 7":                          8,
		"tcp.stream eq 0":                          1,
		"7 == tcp.stream":                          8,
		"ip && tcp.stream === 7 && frame.len > 60": 8,
		"tcp.stream == 7 || udp":                   0,
		"!(tcp.stream == 7)":                       0,
		"tcp.stream != 7":                          0,
		"tcp.stream > 7":                           0,
		"tcp.stream in {7}":                        0,
		"tcp.stream == 7 && tcp.stream != 8":       0,
		"tcp.port == 80":                           0,
	} {
		f, err := Compile(expr)
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		if f.pin != want {
			t.Errorf("%s: pin %d, want %d", expr, f.pin, want)
		}
	}
}
