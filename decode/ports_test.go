package decode

import "testing"

// TestPortsCopyOnSet checks the shared table of default ports: a Decoder's
// --decode-as rule changes its own table only, and lookups try the lower
// port first.
func TestPortsCopyOnSet(t *testing.T) {
	var zero Ports
	if got := zero.Lookup(TransportTCP, 80, 80); got != LayerNone {
		t.Errorf("zero Ports: port 80 decodes as %v", got)
	}
	a, b := NewDecoder(), NewDecoder()
	if err := a.Ports.SetDecodeAs("udp.port=8053:dns"); err != nil {
		t.Fatal(err)
	}
	if err := a.Ports.SetDecodeAs("tcp.port=80:data"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		d      *Decoder
		tr     Transport
		sp, dp uint16
		want   LayerType
	}{
		{a, TransportUDP, 40000, 8053, LayerDNS},
		{b, TransportUDP, 40000, 8053, LayerNone},
		{a, TransportTCP, 80, 50000, LayerPayload},
		{b, TransportTCP, 80, 50000, LayerHTTP},
		{NewDecoder(), TransportTCP, 50000, 80, LayerHTTP},
		{b, TransportUDP, 53, 53, LayerDNS},
		{b, TransportTCP, 53, 443, LayerDNS}, // the lower port wins
		{b, TransportTCP, 8080, 443, LayerTLS},
		{b, TransportUDP, 443, 40000, LayerQUIC},
		{b, TransportTCP, 40000, 40001, LayerNone},
	} {
		if got := c.d.Ports.Lookup(c.tr, c.sp, c.dp); got != c.want {
			t.Errorf("transport %d ports %d, %d: %v, want %v", c.tr, c.sp, c.dp, got, c.want)
		}
	}
}

// TestCarriesPorts checks the search for a port pair in a packet's bytes:
// either order, anywhere, the higher port found beside false starts.
func TestCarriesPorts(t *testing.T) {
	for _, c := range []struct {
		data []byte
		a, b uint16
		want bool
	}{
		{[]byte{0x01, 0xbb, 0xc3, 0x51}, 443, 50001, true},
		{[]byte{0xc3, 0x51, 0x01, 0xbb}, 443, 50001, true},
		{[]byte{0xc3, 0x51, 0x01, 0xbb}, 50001, 443, true},
		{[]byte{9, 9, 0xc3, 0x51, 0xc3, 0x51, 0x01, 0xbb, 9}, 443, 50001, true}, // a false start first
		{[]byte{0xc3, 0x51, 0x01, 0xbc, 0x01, 0xbb, 0xc3}, 443, 50001, false},   // no pair whole
		{[]byte{0x01, 0xbb, 0xc3}, 443, 50001, false},                           // cut
		{[]byte{0xc3, 0x51}, 443, 50001, false},
		{nil, 443, 50001, false},
		{[]byte{0, 80, 0, 80}, 80, 80, true},
		{[]byte{0, 80, 0, 81, 0, 80}, 80, 80, false},
		{[]byte{0x00, 0x35, 0x00, 0x35, 0x00}, 53, 53, true},
	} {
		if got := CarriesPorts(c.data, c.a, c.b); got != c.want {
			t.Errorf("% x, ports %d %d: %v, want %v", c.data, c.a, c.b, got, c.want)
		}
	}
}
