package decode_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// dblspDocs are discovery payloads rawcap decodes: JSON objects and arrays
// of every kind of value, nesting, escapes tshark unescapes or drops, white
// space, and a text whose raw non-ASCII bytes tshark's validator refuses.
var dblspDocs = []string{
	`{"host_int": 4094514483, "version": [1, 8], "displayname": "", "port": 17500, "namespaces": [20524257, 639539072]}`,
	`{"a": true, "b": false, "c": null, "d": "x\"y\\z\/w\n\tq\u00e9\ud83d\ude00\u4e2d\u0000!", "e": -1.5e3, "f": {}, "g": [], "h": [{"k": 1}, [2, "s"]], "i": {"j": {"k": "deep"}}}`,
	`[1, "two", {"three": 3}, true, false, null, {}, []]`,
	`{ "a" : [ 1 , 2 ] , "k\"ey": 0, "k\u0041y": 1}` + "\r\n",
	`{"dup": 1, "dup": 2, "big": 123456789012345678901234567890, "f": 1.0, "z": -0}`,
	`{"raw": "é"}`,
	"\t {\"a\":1}",
}

// dblspData are payloads left as data: what tshark's lenient validator and
// stricter grammar may read either way (a top-level scalar, a missing
// comma, a trailing one, trailing bytes, single quotes, a broken text).
var dblspData = []string{
	`42`, `"s"`, `{"a":1 "b":2}`, `{"a":1,}`, `{"a":01}`, `{"a":1} x`, `{'a':1}`, `{"broken": [1, 2`,
	`{"a":"x"}` + "\x00",
}

func dblspFrames(docs []string) [][]byte {
	var out [][]byte
	for _, d := range docs {
		out = append(out, udpFrame("192.168.1.2", "255.255.255.255", 17500, 17500, []byte(d)))
	}
	return out
}

// TestDBLSPDiscLayers: a payload rawcap reads is one db-lsp-disc layer;
// the others are data.
func TestDBLSPDiscLayers(t *testing.T) {
	d := decode.NewDecoder()
	for i, f := range dblspFrames(dblspDocs) {
		ls := d.Decode(f, linktype.Ethernet)
		if last := ls[len(ls)-1]; last.Type != decode.LayerDBLSPDisc || last.Malformed != "" {
			t.Errorf("doc %d: last layer %v (%q)", i, last.Type, last.Malformed)
		}
	}
	for i, f := range dblspFrames(dblspData) {
		ls := d.Decode(f, linktype.Ethernet)
		if last := ls[len(ls)-1]; last.Type != decode.LayerPayload {
			t.Errorf("data %d: last layer %v, want data", i, last.Type)
		}
	}
}

// TestDBLSPDiscMatchesTshark holds the -V tree, the columns and -T fields
// of the payloads rawcap reads to tshark's.
func TestDBLSPDiscMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	frames := dblspFrames(dblspDocs)
	path := writeTestPcapLink(t, linktype.Ethernet, frames, nil)
	run := func(args ...string) string {
		cmd := exec.Command("tshark", append([]string{"-n", "-r", path}, args...)...)
		cmd.Env = append(os.Environ(), "TZ=UTC")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("tshark %v: %v", args, err)
		}
		return string(out)
	}
	names := []string{"json.member", "json.key", "json.path", "json.path_with_value", "json.member_with_value",
		"json.value.string", "json.value.number", "json.value.true", "json.value.false", "json.value.null",
		"json.object", "json.array", "db-lsp.text", "frame.protocols"}
	fp, err := decode.NewFieldsPrinter(names)
	if err != nil {
		t.Fatal(err)
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	var tree, fields, cols strings.Builder
	for i, f := range frames {
		d.Decode(f, linktype.Ethernet)
		fr := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(f)}
		tree.Write(tp.Append(nil, d, &fr))
		fields.Write(fp.Append(nil, d, &fr))
		cols.Write(cp.Append(nil, d, &fr))
	}
	if diff := cmp.Diff(run("-V"), tree.String()); diff != "" {
		t.Errorf("-V: tshark (-want) vs rawcap (+got):\n%s", diff)
	}
	var args []string
	for _, n := range names {
		args = append(args, "-e", n)
	}
	if diff := cmp.Diff(run(append([]string{"-T", "fields"}, args...)...), fields.String()); diff != "" {
		t.Errorf("-T fields: tshark (-want) vs rawcap (+got):\n%s", diff)
	}
	if diff := cmp.Diff(run(), cols.String()); diff != "" {
		t.Errorf("columns: tshark -n (-want) vs rawcap (+got):\n%s", diff)
	}
}

func FuzzDBLSPDisc(f *testing.F) {
	for _, s := range append(append([]string{}, dblspDocs...), dblspData...) {
		f.Add([]byte(s))
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	jp := &decode.JSONPrinter{Location: time.UTC}
	lp := &decode.LinePrinter{}
	f.Fuzz(func(t *testing.T, payload []byte) {
		if len(payload) > 1400 {
			return
		}
		frame := udpFrame("192.168.1.2", "255.255.255.255", 17500, 17500, payload)
		d.Decode(frame, linktype.Ethernet)
		fr := decode.Frame{Number: 1, Time: time.Unix(1700000000, 0), Length: len(frame)}
		tp.Append(nil, d, &fr)
		jp.Append(nil, d, &fr)
		lp.Append(nil, d, &fr)
	})
}
