package testshared

import (
	"encoding/json"
	"fmt"
	"strings"
)

// EKResult is what CompareEK found.
type EKResult struct {
	Packets int      // documents compared
	Keys    int      // keys rawcap wrote (nested objects' keys each counted)
	Agree   int      // of those, the ones whose value equals tshark's
	Diffs   []EKDiff // the others, and the lines that differ as a whole
}

// EKDiff is one disagreement: the line (1-based) and key ("" for a whole
// line: an index line, the timestamp, a line that is no JSON), with both
// values.
type EKDiff struct {
	Line              int
	Key               string
	Rawcap, Tshark    string
	MissingFromTshark bool // tshark writes no such key
}

func (d EKDiff) String() string {
	if d.MissingFromTshark {
		return fmt.Sprintf("line %d: %s: tshark writes no such key (rawcap %s)", d.Line, d.Key, d.Rawcap)
	}
	return fmt.Sprintf("line %d: %s: rawcap %s, tshark %s", d.Line, d.Key, d.Rawcap, d.Tshark)
}

// CompareEK compares rawcap's -T ek output with tshark's for the same
// packets: the index lines, and in each document the timestamp and every
// key rawcap writes (tshark writes more: the fields rawcap does not decode).
// ok is false when the outputs do not have the same number of lines.
func CompareEK(mine, theirs []byte) (res EKResult, ok bool) {
	m := strings.Split(strings.TrimSpace(string(mine)), "\n")
	t := strings.Split(strings.TrimSpace(string(theirs)), "\n")
	if len(m) != len(t) {
		return res, false
	}
	for i := range m {
		line := i + 1
		if i%2 == 0 { // the index line
			if m[i] != t[i] {
				res.Diffs = append(res.Diffs, EKDiff{Line: line, Rawcap: m[i], Tshark: t[i]})
			}
			continue
		}
		res.Packets++
		var a, b ekDoc
		if err := a.parse(m[i]); err != nil {
			res.Diffs = append(res.Diffs, EKDiff{Line: line, Rawcap: err.Error()})
			continue
		}
		if err := b.parse(t[i]); err != nil {
			res.Diffs = append(res.Diffs, EKDiff{Line: line, Tshark: err.Error()})
			continue
		}
		if a.Timestamp != b.Timestamp {
			res.Diffs = append(res.Diffs, EKDiff{Line: line, Key: "timestamp", Rawcap: a.Timestamp, Tshark: b.Timestamp})
		}
		for proto, objs := range a.Layers {
			theirs := b.Layers[proto]
			if len(objs) != len(theirs) {
				res.Keys++
				res.Diffs = append(res.Diffs, EKDiff{Line: line, Key: proto + " (occurrences)",
					Rawcap: fmt.Sprint(len(objs)), Tshark: fmt.Sprint(len(theirs))})
				continue
			}
			for n, fields := range objs {
				for k, v := range fields {
					res.compare(line, proto+"."+k, v, theirs[n][k])
				}
			}
		}
	}
	return res, true
}

// ekDoc is an ek document: each protocol's objects by name, one per
// occurrence (tshark writes a protocol that occurs again as an array of
// objects). tshark also writes a few layers that are no object (an expert
// text such as ARP's duplicate address note): they are left out.
type ekDoc struct {
	Timestamp string
	Layers    map[string][]map[string]json.RawMessage
}

func (d *ekDoc) parse(line string) error {
	var doc struct {
		Timestamp string                     `json:"timestamp"`
		Layers    map[string]json.RawMessage `json:"layers"`
	}
	if err := json.Unmarshal([]byte(line), &doc); err != nil {
		return err
	}
	d.Timestamp, d.Layers = doc.Timestamp, map[string][]map[string]json.RawMessage{}
	for name, v := range doc.Layers {
		var objs []json.RawMessage
		switch {
		case len(v) > 0 && v[0] == '{':
			objs = []json.RawMessage{v}
		case len(v) > 0 && v[0] == '[':
			if err := json.Unmarshal(v, &objs); err != nil {
				return err
			}
		default:
			continue
		}
		for _, o := range objs {
			var obj map[string]json.RawMessage
			if err := json.Unmarshal(o, &obj); err != nil {
				continue // not an object
			}
			// tshark writes a field that occurs in two subtrees (eth.addr
			// under eth.dst and eth.src) as the same key twice: gather
			// them, as rawcap's array holds them.
			for k, v := range ekDuplicateKeys(o) {
				obj[k] = v
			}
			d.Layers[name] = append(d.Layers[name], obj)
		}
	}
	return nil
}

// compare compares the value rawcap wrote under key with tshark's (nil when
// tshark wrote none), descending into nested protocols' objects.
func (res *EKResult) compare(line int, key string, mine, theirs json.RawMessage) {
	if theirs == nil {
		res.Keys++
		res.Diffs = append(res.Diffs, EKDiff{Line: line, Key: key, Rawcap: string(mine), MissingFromTshark: true})
		return
	}
	if len(mine) > 0 && mine[0] == '{' {
		var a, b map[string]json.RawMessage
		if json.Unmarshal(mine, &a) != nil || json.Unmarshal(theirs, &b) != nil {
			res.Keys++
			res.Diffs = append(res.Diffs, EKDiff{Line: line, Key: key, Rawcap: string(mine), Tshark: string(theirs)})
			return
		}
		// A nested object's keys written twice gathered too, as a layer's
		// are (a relayed DHCPv6 message's options inside options).
		for k, v := range ekDuplicateKeys(theirs) {
			b[k] = v
		}
		for k, v := range a {
			res.compare(line, key+"."+k, v, b[k])
		}
		return
	}
	if len(mine) > 1 && mine[0] == '[' && strings.HasPrefix(strings.TrimLeft(string(mine[1:]), " \n\t"), "{") {
		// A nested protocol that occurs more than once (each service
		// of a CIP Multiple Service Packet): its objects, one by one.
		var a, b []json.RawMessage
		if json.Unmarshal(mine, &a) == nil && json.Unmarshal(theirs, &b) == nil && len(a) == len(b) {
			for n := range a {
				res.compare(line, key, a[n], b[n])
			}
			return
		}
	}
	res.Keys++
	if string(mine) != string(theirs) {
		res.Diffs = append(res.Diffs, EKDiff{Line: line, Key: key, Rawcap: string(mine), Tshark: string(theirs)})
		return
	}
	res.Agree++
}

// ekDuplicateKeys returns the keys of a JSON object that occur more than
// once, each with its values gathered into an array (nil: none).
func ekDuplicateKeys(obj json.RawMessage) map[string]json.RawMessage {
	dec := json.NewDecoder(strings.NewReader(string(obj)))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil
	}
	seen := map[string][]json.RawMessage{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		k, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil
		}
		if len(v) > 0 && v[0] == '[' {
			// A key written twice holding arrays (babel.message in two
			// messages' subtrees): its values, in order.
			var vs []json.RawMessage
			if json.Unmarshal(v, &vs) == nil {
				seen[k] = append(seen[k], vs...)
				continue
			}
		}
		seen[k] = append(seen[k], v)
	}
	var out map[string]json.RawMessage
	for k, vs := range seen {
		if len(vs) < 2 {
			continue
		}
		if out == nil {
			out = map[string]json.RawMessage{}
		}
		b, _ := json.Marshal(vs)
		out[k] = b
	}
	return out
}
