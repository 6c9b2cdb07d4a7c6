package decode_test

import (
	"testing"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// ahVectors are AH headers (hex) and the next header's bytes, carried in
// IPv4 or IPv6: an ICMP echo, UDP, tunnel mode, a protocol rawcap does not
// decode, an ICV of no bytes, a header cut short and a length below the
// fixed part.
var ahVectors = []struct {
	name, ah, next string
	v6, malformed  bool
}{
	{name: "v4 icmp", ah: "01 04 00 00 00 00 10 01 00 00 00 07 01 02 03 04 05 06 07 08 09 0a 0b 0c", next: "08 00 00 00 00 07 00 01"},
	{name: "v4 udp", ah: "11 03 00 00 12 34 56 78 00 00 00 01 aa bb cc dd ee ff 00 11", next: "30 39 d4 31 00 0c 00 00 61 62 63 64"},
	{name: "v6 udp", ah: "11 03 00 00 12 34 56 78 00 00 00 02 01 01 01 01 01 01 01 01", next: "30 39 d4 31 00 0c 00 00 61 62 63 64", v6: true},
	{name: "v6 tunnel", ah: "29 04 00 00 c9 ec 89 68 00 00 00 01 d3 24 5b 1e c9 79 f8 17 6e 5c 38 d0",
		next: "60 00 00 00 00 0c 11 40 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 03 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 04 30 39 d4 31 00 0c 00 00 61 62 63 64", v6: true},
	{name: "v4 unknown next", ah: "fd 04 00 00 00 00 10 01 00 00 00 07 01 02 03 04 05 06 07 08 09 0a 0b 0c", next: "de ad be ef"},
	{name: "v4 no icv", ah: "11 01 00 00 12 34 56 78 00 00 00 03", next: "30 39 d4 31 00 0c 00 00 61 62 63 64"},
	{name: "v4 cut", ah: "01 04 00 00 00 00 10 01 00 00", malformed: true},
	{name: "v6 icv cut", ah: "11 06 00 00 12 34 56 78 00 00 00 02 01 01 01 01", v6: true, malformed: true},
}

// ahFrame wraps AH and its payload in Ethernet and IPv4 (or IPv6), with
// the IPv4 checksum and the inner ICMP and UDP checksums filled in.
func ahFrame(t testing.TB, ah, next []byte, v6 bool) []byte {
	t.Helper()
	if len(next) == 8 && next[0] == 8 {
		putChecksum(next, 2)
	}
	body := append(append([]byte(nil), ah...), next...)
	if v6 {
		ip := mustHex(t, "02 00 00 00 00 02 02 00 00 00 00 01 86 dd 60 00 00 00 00 00 33 40 "+
			"20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 02")
		ip[18], ip[19] = byte(len(body)>>8), byte(len(body))
		return append(ip, body...)
	}
	ip := mustHex(t, "02 00 00 00 00 02 02 00 00 00 00 01 08 00 45 00 00 00 00 01 00 00 40 33 00 00 c0 00 02 01 c0 00 02 02")
	n := 20 + len(body)
	ip[16], ip[17] = byte(n>>8), byte(n)
	putChecksum(ip[14:34], 10)
	return append(ip, body...)
}

func ahFrames(t testing.TB) [][]byte {
	var frames [][]byte
	for _, v := range ahVectors {
		frames = append(frames, ahFrame(t, mustHex(t, v.ah), mustHex(t, v.next), v.v6))
	}
	return frames
}

func TestAHVectors(t *testing.T) {
	frames := ahFrames(t)
	d := decode.NewDecoder()
	for i, v := range ahVectors {
		layers := d.Decode(frames[i], linktype.Ethernet)
		if _, bad := d.Malformed(); bad != v.malformed {
			t.Errorf("%s: malformed %v, want %v", v.name, bad, v.malformed)
		}
		if len(layers) < 3 || layers[2].Type != decode.LayerAH {
			t.Errorf("%s: layer 2 is not AH: %v", v.name, layers)
		}
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-e"}, {"-q"}})
	checkIPVectorsAlloc(t, frames)
}

func TestAHTreeMatchesTshark(t *testing.T) {
	frames := ahFrames(t)
	compareSubtreeWithTshark(t, frames, "Authentication Header", nil)
	compareSubtreeWithTshark(t, frames, "Internet Protocol Version 6", nil)
	// The fields of a header cut short are those captured, as the tree's.
	// (Not the frame whose ICV has no bytes: tshark's -T fields prints an
	// empty bytes field as "<MISSING>", rawcap's fields printer as "".)
	some := append(append([][]byte(nil), frames[:5]...), frames[6:]...)
	compareFieldsWithTshark(t, writeTestPcap(t, some), some,
		[]string{"ah.next_header", "ah.length", "ah.reserved", "ah.spi", "ah.sequence", "ah.icv"})
}

func TestAHView(t *testing.T) {
	for _, v := range []struct {
		hex string
		n   int
		err error
	}{
		{"01 04 00 00 00 00 10 01 00 00 00 07 01 02 03 04 05 06 07 08 09 0a 0b 0c", 24, nil},
		{"11 00 00 00 12 34 56 78 00 00 00 02", 0, decode.ReasonBadHdrLen},
		{"11 03 00 00 12 34 56 78 00 00 00 02", 0, decode.ReasonTruncated},
		{"11 03 00 00 12 34", 0, decode.ReasonTruncated},
	} {
		a, err := decode.ParseAH(mustHex(t, v.hex))
		if err != v.err || len(a) != v.n {
			t.Errorf("%s: len %d err %v, want %d %v", v.hex, len(a), err, v.n, v.err)
		}
	}
}

// FuzzAH feeds AH headers and what follows them, in IPv4 and IPv6, to the
// decoder and every printer.
func FuzzAH(f *testing.F) {
	for _, v := range ahVectors {
		f.Add(append(mustHex(f, v.ah), mustHex(f, v.next)...), v.v6)
	}
	for _, p := range appPayloads(f, decode.LayerAH) {
		f.Add(p, true)
	}
	fuzzIPProto(f, func(t testing.TB, m []byte, v6 bool) []byte {
		fr := ahFrame(t, nil, nil, v6)
		if v6 {
			fr[18], fr[19] = byte(len(m)>>8), byte(len(m))
		} else {
			n := 20 + len(m)
			fr[16], fr[17] = byte(n>>8), byte(n)
		}
		return fr
	})
}
