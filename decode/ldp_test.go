package decode_test

import (
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// ldpVectors are LDP PDUs to UDP port 646: the corpus's
// (tests_ldp-infinite-loop: a message length of 0; tests_ldp_tlv_print-oobr's
// Hello, here whole) and variations; layer false: rawcap leaves the PDU as
// data (a TLV or message it does not lay out yet).
var ldpVectors = []struct {
	name, pdu string
	layer     bool
}{
	{name: "message length 0", pdu: "00 01 ff ff ff ff ff ff ff ff ff ff 00 00 ff ff ff ff", layer: true},
	{name: "message length 0 after a hello", pdu: "00 01 00 1a 0a 00 00 01 00 00 " +
		"01 00 00 0c 00 00 00 07 04 01 00 04 0a 00 00 01 01 00 00 00", layer: true},
	{name: "hello, unknown TLV and transport address", pdu: "00 01 00 1e 30 30 30 30 30 30 " +
		"01 00 00 14 30 30 30 30 30 30 00 04 30 30 30 30 04 01 00 04 30 30 30 30", layer: true},
	{name: "hello, U and F bits", pdu: "00 01 00 14 0a 00 00 01 00 00 " +
		"81 00 00 0a 00 00 00 09 f0 00 00 02 ab cd", layer: true},
	{name: "two hellos", pdu: "00 01 00 26 0a 00 00 01 00 00 " +
		"01 00 00 0c 00 00 00 01 04 01 00 04 0a 00 00 01 " +
		"01 00 00 0c 00 00 00 02 04 01 00 04 0a 00 00 02", layer: true},
	{name: "common hello parameters", pdu: "00 01 00 16 0a 00 00 01 00 00 " +
		"01 00 00 0c 00 00 00 01 04 00 00 04 00 0f 00 00"},
	{name: "initialization", pdu: "00 01 00 0e 0a 00 00 01 00 00 02 00 00 04 00 00 00 01"},
}

func ldpFrames(t testing.TB) [][]byte {
	var frames [][]byte
	for k, v := range ldpVectors {
		frames = append(frames, appUDPFrame(t, uint16(40000+k), 646, mustHex(t, v.pdu)))
	}
	return frames
}

func TestLDP(t *testing.T) {
	frames := ldpFrames(t)
	d := decode.NewDecoder()
	var taken [][]byte
	for k, v := range ldpVectors {
		t.Run(v.name, func(t *testing.T) {
			frame := frames[k]
			layers := d.Decode(frame, linktype.Ethernet)
			if got := len(layers) == 4 && layers[3].Type == decode.LayerLDP; got != v.layer {
				t.Fatalf("layers %v: ldp %v, want %v", layers, got, v.layer)
			}
			if got := decode.LDPLineWritten(frame[42:]); got != v.layer {
				t.Errorf("LDPLineWritten %v, want %v", got, v.layer)
			}
			if !v.layer {
				return
			}
			taken = append(taken, frame)
			checkVectorPrinters(t, d, frame, "Label Distribution Protocol")
		})
	}
	compareVectorsWithOracles(t, taken, taken, "Label Distribution Protocol", []string{"ldp.hdr.version", "ldp.hdr.pdu_len", "ldp.hdr.ldpid.lsr",
		"ldp.hdr.ldpid.lsid", "ldp.msg.ubit", "ldp.msg.type", "ldp.msg.len", "ldp.msg.id", "ldp.msg.tlv.unknown",
		"ldp.msg.tlv.type", "ldp.msg.tlv.len", "ldp.msg.tlv.value", "ldp.msg.tlv.ipv4.taddr"})
}

func FuzzLDP(f *testing.F) {
	for _, frame := range ldpFrames(f) {
		f.Add(frame[42:])
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	f.Fuzz(func(t *testing.T, payload []byte) {
		frame := appUDPFrame(t, 40000, 646, payload)
		for _, n := range []int{len(frame), len(frame) - len(payload)/2} {
			d.Decode(frame[:n], linktype.Ethernet)
			fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
			_ = tp.Append(nil, d, &fr)
			_ = lp.Append(nil, d, &fr)
			_ = jp.Append(nil, d, &fr)
			_ = cp.Append(nil, d, &fr)
		}
	})
}
