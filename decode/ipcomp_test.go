package decode_test

import (
	"testing"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// ipcompVectors are IPComp headers and their payloads (hex): DEFLATE with
// bytes that do not inflate, an index without a name, no payload, and a
// header cut short.
var ipcompVectors = []struct {
	name, hex string
	malformed bool
}{
	{name: "deflate", hex: "29 00 00 02 ff fe fd fc ff fe fd fc ff fe fd fc"},
	{name: "unknown cpi", hex: "06 00 12 34 01 02 03"},
	{name: "no payload", hex: "06 00 00 02"},
	{name: "cut", hex: "06 00", malformed: true},
}

// ipcompFrame wraps m in Ethernet and IPv6 (v6) or IPv4, protocol 108.
func ipcompFrame(t testing.TB, m []byte, v6 bool) []byte {
	t.Helper()
	fr := ahFrame(t, nil, m, v6)
	if v6 {
		fr[20] = decode.IPProtoIPComp
		return fr
	}
	fr[23] = decode.IPProtoIPComp
	fr[24], fr[25] = 0, 0
	putChecksum(fr[14:34], 10)
	return fr
}

func ipcompFrames(t testing.TB) [][]byte {
	var frames [][]byte
	for _, v6 := range []bool{true, false} {
		for _, v := range ipcompVectors {
			frames = append(frames, ipcompFrame(t, mustHex(t, v.hex), v6))
		}
	}
	return frames
}

func TestIPCompVectors(t *testing.T) {
	frames := ipcompFrames(t)
	d := decode.NewDecoder()
	for i, fr := range frames {
		v := ipcompVectors[i%len(ipcompVectors)]
		layers := d.Decode(fr, linktype.Ethernet)
		if _, bad := d.Malformed(); bad != v.malformed {
			t.Errorf("%s: malformed %v, want %v", v.name, bad, v.malformed)
		}
		if len(layers) < 3 || layers[2].Type != decode.LayerIPComp {
			t.Errorf("%s: layer 2 is not IPComp: %v", v.name, layers)
		}
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-e"}, {"-q"}})
	checkIPVectorsAlloc(t, frames)
}

func TestIPCompTreeMatchesTshark(t *testing.T) {
	frames := ipcompFrames(t)
	compareSubtreeWithTshark(t, frames, "IP Payload Compression", nil)
	compareFieldsWithTshark(t, writeTestPcap(t, frames), frames,
		[]string{"ipcomp.next_header", "ipcomp.flags", "ipcomp.cpi", "data.data", "data.len"})
}

// FuzzIPComp feeds IPComp headers and payloads, in IPv4 and IPv6, to the
// decoder and every printer.
func FuzzIPComp(f *testing.F) {
	for _, v := range ipcompVectors {
		f.Add(mustHex(f, v.hex), true)
	}
	for _, p := range appPayloads(f, decode.LayerIPComp) {
		f.Add(p, true)
	}
	fuzzIPProto(f, func(t testing.TB, m []byte, v6 bool) []byte {
		fr := ipcompFrame(t, nil, v6)
		if v6 {
			fr[18], fr[19] = byte(len(m)>>8), byte(len(m))
		} else {
			n := 20 + len(m)
			fr[16], fr[17] = byte(n>>8), byte(n)
		}
		return fr
	})
}
