package decode

import (
	"testing"
	"time"
)

// TestEmptyBytesAsTshark holds every output to tshark's text for an empty
// byte string (tshark 4.0 on a PadN option with no padding, BASE_ALLOW_ZERO,
// and an unknown IPv6 option with no payload): "<none>" or "<MISSING>" in
// the tree and -T fields (and ek's chosen fields), "" in JSON and ek.
func TestEmptyBytesAsTshark(t *testing.T) {
	padn := &Field{Name: "ipv6.opt.padn", Label: "PadN", Kind: KindBytes, AllowZero: true}
	unknown := &Field{Name: "ipv6.opt.unknown", Label: "Unknown Option Payload", Kind: KindBytes}
	colon := &Field{Name: "test.colon", Label: "Colon", Kind: KindBytes, ColonSep: true}
	for _, c := range []struct {
		f                      *Field
		v                      []byte
		tree, fields, json, ek string
	}{
		{padn, nil, "PadN: <none>", "<none>", `""`, `""`},
		{unknown, nil, "Unknown Option Payload: <MISSING>", "<MISSING>", `""`, `""`},
		{colon, nil, "Colon: <MISSING>", "<MISSING>", `""`, `""`},
		{padn, []byte{1, 2, 0, 0}, "PadN: 01020000", "01020000", `"01020000"`, `"01:02:00:00"`},
		{unknown, []byte{0, 4}, "Unknown Option Payload: 0004", "0004", `"0004"`, `"00:04"`},
	} {
		var l FieldList
		l.Reset()
		l.Bytes(c.f, c.v)
		r := &l.recs[len(l.recs)-1]
		if got := string(appendFieldLine(nil, &l, r)); got != c.tree {
			t.Errorf("%s %x: tree %q, want %q", c.f.Name, c.v, got, c.tree)
		}
		if got := string(AppendFieldText(nil, &l, r)); got != c.fields {
			t.Errorf("%s %x: -T fields %q, want %q", c.f.Name, c.v, got, c.fields)
		}
		if got := string(appendJSONValue(nil, &l, r)); got != c.json {
			t.Errorf("%s %x: JSON %s, want %s", c.f.Name, c.v, got, c.json)
		}
		if got := string(appendEKValue(nil, &l, r, time.Time{}, time.UTC)); got != c.ek {
			t.Errorf("%s %x: ek %s, want %s", c.f.Name, c.v, got, c.ek)
		}
	}
}
