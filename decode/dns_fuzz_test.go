package decode_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// appPayloads returns the application bytes (UDP or TCP payload) of the
// corpus packets that decode to layer t.
func appPayloads(t testing.TB, lt decode.LayerType) [][]byte {
	var out [][]byte
	d := decode.NewDecoder()
	for _, p := range corpusPackets(t, 0) {
		for _, l := range d.Decode(p.Data, p.LinkType) {
			if l.Type == lt {
				out = append(out, append([]byte(nil), p.Data[l.Start:l.End]...))
			}
		}
	}
	return out
}

// fuzzApp is the body of FuzzDNS, FuzzDHCPv4 and FuzzNTP: the fuzzed bytes
// are the payload of a UDP datagram (and, with tcp, a TCP segment) to port;
// decoding and every printer must neither panic nor produce bad layers or
// invalid JSON.
func fuzzApp(f *testing.F, lt decode.LayerType, port uint16, tcp bool, vectors []appVector) {
	for _, p := range appPayloads(f, lt) {
		f.Add(p)
	}
	for _, v := range vectors {
		f.Add(mustHex(f, v.hex))
	}
	d := decode.NewDecoder()
	lines := []*decode.LinePrinter{
		{Options: decode.LineOptions{Location: time.UTC}},
		{Options: decode.LineOptions{Location: time.UTC, Verbose: 1}},
		{Options: decode.LineOptions{Location: time.UTC, Quiet: true}},
	}
	jp := &decode.JSONPrinter{Location: time.UTC}
	tp := &decode.TreePrinter{Location: time.UTC}
	f.Fuzz(func(t *testing.T, payload []byte) {
		for _, overTCP := range []bool{false, tcp} {
			frame := appFrame(payload, 40000, port, overTCP)
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
			js := jp.Append(nil, d, &fr)
			if !json.Valid(js) {
				t.Fatalf("invalid JSON: %s", js)
			}
			tp.Append(nil, d, &fr)
			if !tcp {
				break
			}
		}
	})
}

// FuzzDNS feeds DNS messages, over UDP and TCP, to the decoder and printers.
func FuzzDNS(f *testing.F) {
	fuzzApp(f, decode.LayerDNS, 53, true, dnsVectors)
}

// FuzzDNSName walks names at every offset of a message: the walk must end
// (it is bounded by the bytes walked and 255 characters), and AppendName
// must agree with it.
func FuzzDNSName(f *testing.F) {
	for _, v := range dnsVectors {
		f.Add(mustHex(f, v.hex))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := decode.ParseDNS(b)
		if err != nil {
			return
		}
		for off := range len(m) {
			it := m.Name(off)
			n := 0
			for _, ok := it.Next(); ok; _, ok = it.Next() {
				if n++; n > 128 {
					t.Fatalf("name at %d has more than 128 labels", off)
				}
			}
			if _, ok := m.AppendName(nil, off); ok == it.Err() {
				t.Fatalf("AppendName and Name disagree at %d", off)
			}
		}
	})
}
