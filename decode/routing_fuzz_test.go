package decode_test

import (
	"encoding/binary"
	"encoding/json"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// FuzzBFD feeds BFD control packets (UDP 3784) to the decoder and
// printers, seeded from the corpus and the vectors.
func FuzzBFD(f *testing.F) {
	for _, frame := range bfdVectors(f) {
		f.Add(frame[42:])
	}
	fuzzApp(f, decode.LayerBFD, 3784, false, nil)
}

// FuzzOSPF feeds OSPF packets, as the payload of IPv4 and of IPv6, to the
// decoder and every printer: nothing may panic, layers must stay inside
// the frame and JSON must be valid.
func FuzzOSPF(f *testing.F) {
	for _, p := range appPayloads(f, decode.LayerOSPF) {
		f.Add(p)
	}
	_, frames := ospfVectors(f)
	for _, frame := range frames {
		f.Add(frame[34:])
	}
	for _, frame := range ospfV3LSUpdates(f) {
		f.Add(frame[54:])
	}
	d := decode.NewDecoder()
	var lines []*decode.LinePrinter
	for v := 0; v <= 3; v++ {
		lines = append(lines, &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Verbose: v}})
	}
	jp := &decode.JSONPrinter{Location: time.UTC}
	tp := &decode.TreePrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	fp, err := decode.NewFieldsPrinter([]string{"ospf.msg", "ospf.lsa", "ospf.advrouter", "ospf.metric", "ospf.lls.ext.options"})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, payload []byte) {
		for _, v6 := range []bool{false, true} {
			frame := ipFrame(payload, 89, v6)
			layers := d.Decode(frame, linktype.Ethernet)
			for _, l := range layers {
				if l.Start < 0 || l.Start > l.Payload || l.Payload > l.End || l.End > len(frame) {
					t.Fatalf("bad layer %+v for %d bytes", l, len(frame))
				}
			}
			fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
			for _, p := range lines {
				p.Append(nil, d, &fr)
			}
			if js := jp.Append(nil, d, &fr); !json.Valid(js) {
				t.Fatalf("invalid JSON: %s", js)
			}
			tp.Append(nil, d, &fr)
			cp.Append(nil, d, &fr)
			fp.Append(nil, d, &fr)
		}
	})
}

// ipFrame wraps payload in Ethernet and an IPv4 (or IPv6) header of
// protocol proto whose length covers it.
func ipFrame(payload []byte, proto byte, v6 bool) []byte {
	eth := []byte{1, 0, 0x5e, 0, 0, 5, 2, 0, 0, 0, 0, 1, 8, 0}
	var ip []byte
	if v6 {
		eth[12], eth[13] = 0x86, 0xdd
		ip = make([]byte, 40)
		ip[0] = 0x60
		binary.BigEndian.PutUint16(ip[4:], uint16(len(payload)))
		ip[6], ip[7] = proto, 1
		ip[8], ip[23] = 0xfe, 1
		ip[24], ip[25], ip[39] = 0xff, 2, 5
	} else {
		ip = []byte{0x45, 0xc0, 0, 0, 0, 1, 0, 0, 1, proto, 0, 0, 192, 0, 2, 1, 224, 0, 0, 5}
		binary.BigEndian.PutUint16(ip[2:], uint16(20+len(payload)))
	}
	return append(append(eth, ip...), payload...)
}
