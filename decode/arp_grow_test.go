package decode

import "testing"

// TestARPBindingsSurviveGrowth: the bindings table starts small and
// doubles as it fills; every address bound before a doubling is still
// found after it (a second MAC for it is a duplicate), and past arpMax a
// new address is not remembered.
func TestARPBindingsSurviveGrowth(t *testing.T) {
	var tr tracker
	macA, macB := []byte{2, 0, 0, 0, 0, 1}, []byte{2, 0, 0, 0, 0, 2}
	ipOf := func(i int) []byte { return []byte{10, byte(i >> 16), byte(i >> 8), byte(i)} }
	const n = 20000
	for i := range n {
		var r arpNote
		if tr.arpCheck(macA, ipOf(i), uint32(i+1), 0, &r) {
			t.Fatalf("address %d: a duplicate at its first sight", i)
		}
	}
	if len(tr.arp.table) < n*4/3 {
		t.Errorf("%d bindings in %d slots: the table did not grow", n, len(tr.arp.table))
	}
	for i := range n {
		var r arpNote
		if !tr.arpCheck(macB, ipOf(i), uint32(n+i+1), 1, &r) || r.n != 1 || r.dups[0].frame != uint32(i+1) {
			t.Fatalf("address %d: not found after the table grew (%+v)", i, r)
		}
	}
	for i := n; i < arpMax+10; i++ {
		var r arpNote
		tr.arpCheck(macA, ipOf(i), uint32(3*n+i), 2, &r)
	}
	if tr.arp.n != arpMax || len(tr.arp.table) != arpMaxSlots {
		t.Errorf("%d bindings in %d slots, want at most %d in %d", tr.arp.n, len(tr.arp.table), arpMax, arpMaxSlots)
	}
}
