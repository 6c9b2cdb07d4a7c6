package decode

import "testing"

// TestMPTCPKeyHash checks the token and initial data sequence number of
// keys of the corpus's captures against tshark's ("Subflow token generated
// from key", "Subflow expected IDSN").
func TestMPTCPKeyHash(t *testing.T) {
	for _, c := range []struct {
		key   uint64
		v1    bool
		token uint32
		idsn  uint64
	}{
		{10843866842831127890, false, 3833528642, 16464867208451421327}, // tests_mptcp-v0.pcap
		{11285646634205721522, false, 2945910507, 10975753215851282121},
		{8339282239122616011, true, 1597986193, 12148165319181844525}, // tests_mptcp-aa-v1.pcap
		{10307750418878507713, true, 773504493, 17186763219675866564},
	} {
		token, idsn := mptcpKeyHash(c.key, c.v1)
		if token != c.token || idsn != c.idsn {
			t.Errorf("key %d: token %d, IDSN %d; want %d, %d", c.key, token, idsn, c.token, c.idsn)
		}
	}
}
