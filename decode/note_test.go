package decode_test

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/pcapio"
)

// notedPrinter is a printer whose packets can be drawn from notes.
type notedPrinter interface {
	Append(b []byte, d *decode.Decoder, f *decode.Frame) []byte
	Note(d *decode.Decoder, f *decode.Frame, n *decode.Note)
	Render(b []byte, d *decode.Decoder, f *decode.Frame, n *decode.Note) []byte
}

// TestNotedRenderMatchesAppend checks that every packet drawn by Render
// from its note and restored layers, after the whole capture has been
// noted (as rawcap's workers may), is what Append draws packet by packet:
// for -V, JSON, -T ek and -T fields, over the sample capture, the demo capture and
// generated HTTP/2 sessions (whose header blocks the tracker keeps in
// buffers the next packet reuses).
func TestNotedRenderMatchesAppend(t *testing.T) {
	files := []string{
		filepath.Join(repoRoot(t), "testdata", "read", "sample.pcap"),
		filepath.Join(repoRoot(t), "testdata", "demo.pcap"),
		writePcap(t, t.TempDir(), h2Sessions(t)),
		writePcap(t, t.TempDir(), enipExchangesFrames(t, "")), // responses drawn from their requests
		writePcap(t, t.TempDir(), httpContinuationFlows(t)),   // layers the tracker removes or marks (http_cont.go)
	}
	printers := []struct {
		name          string
		serial, noter notedPrinter
		worker        func() notedPrinter
	}{
		{"tree", &decode.TreePrinter{Location: time.UTC}, &decode.TreePrinter{Location: time.UTC},
			func() notedPrinter { return &decode.TreePrinter{Location: time.UTC} }},
		{"json", &decode.JSONPrinter{Location: time.UTC}, &decode.JSONPrinter{Location: time.UTC},
			func() notedPrinter { return (&decode.JSONPrinter{Location: time.UTC}).Clone() }},
		{"ek", &decode.EKPrinter{Location: time.UTC}, &decode.EKPrinter{Location: time.UTC},
			func() notedPrinter { return (&decode.EKPrinter{Location: time.UTC}).Clone() }},
		{"fields", fieldsPrinter(t, untracked...), fieldsPrinter(t, untracked...),
			func() notedPrinter { return fieldsPrinter(t, untracked...).Clone() }},
		{"fields tracked", fieldsPrinter(t, tracked...), fieldsPrinter(t, tracked...),
			func() notedPrinter { return fieldsPrinter(t, tracked...).Clone() }},
	}
	for _, file := range files {
		var pkts []pcapio.Packet
		r, err := pcapio.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		for {
			p, err := r.Next()
			if err != nil {
				break
			}
			pkts = append(pkts, p.Clone())
		}
		r.Close()
		for _, pr := range printers {
			d, nd, wd := decode.NewDecoder(), decode.NewDecoder(), decode.NewDecoder()
			notes := make([]decode.Note, len(pkts))
			snaps := make([]decode.Snapshot, len(pkts))
			frames := make([]decode.Frame, len(pkts))
			var want []string
			for i := range pkts {
				pk := &pkts[i]
				frames[i] = decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length}
				d.Decode(pk.Data, pk.LinkType)
				want = append(want, string(pr.serial.Append(nil, d, &frames[i])))
				nd.Decode(pk.Data, pk.LinkType)
				pr.noter.Note(nd, &frames[i], &notes[i])
				nd.Snapshot(&snaps[i])
			}
			w := pr.worker()
			for i := range pkts {
				wd.Restore(&snaps[i], append([]byte(nil), pkts[i].Data...))
				if got := string(w.Render(nil, wd, &frames[i], &notes[i])); got != want[i] {
					t.Errorf("%s, %s packet %d: drawn from its note\n%s\nwant\n%s", filepath.Base(file), pr.name, i+1, got, want[i])
					break
				}
			}
			// rawcap's pipeline reuses its notes without zeroing them:
			// nothing an earlier packet noted may show in a later one.
			d, nd, wd = decode.NewDecoder(), decode.NewDecoder(), decode.NewDecoder()
			serial, noter, w := pr.worker(), pr.worker(), pr.worker()
			var ring [3]decode.Note
			for i := range pkts {
				pk := &pkts[i]
				d.Decode(pk.Data, pk.LinkType)
				want := string(serial.Append(nil, d, &frames[i]))
				n := &ring[i%len(ring)]
				nd.Decode(pk.Data, pk.LinkType)
				noter.Note(nd, &frames[i], n)
				nd.Snapshot(&snaps[i])
				wd.Restore(&snaps[i], append([]byte(nil), pk.Data...))
				if got := string(w.Render(nil, wd, &frames[i], n)); got != want {
					t.Errorf("%s, %s packet %d: drawn from a reused note\n%s\nwant\n%s", filepath.Base(file), pr.name, i+1, got, want)
					break
				}
			}
		}
	}
}

// The fields of the -T fields printers TestNotedRenderMatchesAppend
// checks: some that the connection tracker computes, and some it does not
// (the printer then leaves the tracker out).
var (
	untracked = []string{"frame.number", "frame.time_delta_displayed", "ip.src", "tcp.dstport", "http2.header.name", "dns.qry.name"}
	tracked   = []string{"frame.time_relative", "tcp.stream", "tcp.seq", "tcp.analysis.ack_rtt", "http2.streamid", "udp.stream"}
)

func fieldsPrinter(t *testing.T, names ...string) *decode.FieldsPrinter {
	t.Helper()
	p, err := decode.NewFieldsPrinter(names)
	if err != nil {
		t.Fatal(err)
	}
	p.Location = time.UTC
	return p
}

// TestNoteKeepsEveryResult guards decode.Note's copy of the tracker's
// results (convResults.keep copies field by field): a field added to
// convResults must be added to keep, and then to this count.
func TestNoteKeepsEveryResult(t *testing.T) {
	conv, ok := reflect.TypeOf(decode.Note{}).FieldByName("conv")
	if !ok {
		t.Fatal("decode.Note has no conv")
	}
	if n := conv.Type.NumField(); n != 19 {
		t.Errorf("convResults has %d fields; keep (note.go) copies 19: copy the new one there and update this count", n)
	}
}
