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
