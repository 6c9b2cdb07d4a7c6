package decode_test

import (
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// rsvpVectors are RSVP messages: the corpus's (tests_rsvp_cap's Hello, its
// checksum wrong) and variations; layer false: rawcap leaves the message
// as data (an object it does not lay out yet); written false: tcpdump's
// text is not rawcap's (a Capability object's flags it does not name).
var rsvpVectors = []struct {
	name           string
	msg            string
	layer, written bool
}{
	{name: "hello", msg: "11 14 7d 4d 01 00 00 28 00 0c 16 01 4a 44 67 2b e8 6e b7 5b " +
		"00 0c 83 01 00 00 00 00 00 00 00 00 00 08 86 01 00 00 00 03", layer: true, written: true},
	{name: "hello, checksum right", msg: "10 14 c7 e1 40 00 00 1c 00 0c 16 01 00 00 00 01 00 00 00 00 " +
		"00 08 86 01 00 00 00 04", layer: true, written: true},
	{name: "hello, restart times", msg: "11 14 00 00 ff 00 00 14 00 0c 83 01 00 00 75 30 00 00 27 10", layer: true, written: true},
	{name: "hello, capability flags unnamed", msg: "11 14 00 00 01 00 00 10 00 08 86 01 00 00 00 10", layer: true},
	{name: "hello ack", msg: "11 14 00 00 01 00 00 14 00 0c 16 02 4a 44 67 2b e8 6e b7 5b"},
	{name: "path", msg: "11 01 00 00 01 00 00 08"},
}

func rsvpFrames(t testing.TB) [][]byte {
	var frames [][]byte
	for _, v := range rsvpVectors {
		frames = append(frames, ipFrame(mustHex(t, v.msg), 46, false))
	}
	return frames
}

func TestRSVP(t *testing.T) {
	frames := rsvpFrames(t)
	d := decode.NewDecoder()
	var taken, written [][]byte
	for k, v := range rsvpVectors {
		t.Run(v.name, func(t *testing.T) {
			frame := frames[k]
			layers := d.Decode(frame, linktype.Ethernet)
			if got := len(layers) == 3 && layers[2].Type == decode.LayerRSVP; got != v.layer {
				t.Fatalf("layers %v: rsvp %v, want %v", layers, got, v.layer)
			}
			if got := decode.RSVPLineWritten(frame[34:]); got != v.written {
				t.Errorf("RSVPLineWritten %v, want %v", got, v.written)
			}
			if v.written {
				written = append(written, frame)
			}
			if !v.layer {
				return
			}
			taken = append(taken, frame)
			checkVectorPrinters(t, d, frame, "Resource ReserVation Protocol (RSVP): HELLO Message. ")
		})
	}
	compareVectorsWithOracles(t, written, taken, "Resource ReserVation Protocol (RSVP): HELLO Message. ", []string{"rsvp.version", "rsvp.flags", "rsvp.msg", "rsvp.hello",
		"rsvp.message_checksum", "rsvp.sending_ttl", "rsvp.message_length", "rsvp.length", "rsvp.object", "rsvp.ctype",
		"rsvp.ctype.hello", "rsvp.hello.source_instance", "rsvp.hello.destination_instance", "rsvp.ctype.restart_cap",
		"rsvp.restart_cap.restart_time", "rsvp.restart_cap.recovery_time", "rsvp.ctype.unknown", "rsvp.unknown.data",
		"rsvp.hello_obj", "rsvp.restart", "rsvp.obj_unknown"})
}

func FuzzRSVP(f *testing.F) {
	for _, frame := range rsvpFrames(f) {
		f.Add(frame[34:])
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	f.Fuzz(func(t *testing.T, msg []byte) {
		frame := ipFrame(msg, 46, false)
		for _, n := range []int{len(frame), len(frame) - len(msg)/2} {
			d.Decode(frame[:n], linktype.Ethernet)
			fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
			_ = tp.Append(nil, d, &fr)
			_ = lp.Append(nil, d, &fr)
			_ = jp.Append(nil, d, &fr)
			_ = cp.Append(nil, d, &fr)
		}
	})
}
