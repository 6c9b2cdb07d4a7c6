package decode_test

import (
	"encoding/binary"
	"encoding/json"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
)

// pgmVector is a PGM packet; sum says what goes in its checksum: 0 the
// bytes as given, 1 the right checksum, 2 a wrong one.
type pgmVector struct {
	name string
	hex  string
	sum  int
	v6   bool
}

// pgmVectors: the first four are packets of tcpdump's pgm_poll_polr and
// pgm_zmtp1 captures; the others cover the types those lack, a bad
// checksum, an IPv6 path address, a family tshark does not lay out and a
// packet cut short.
var pgmVectors = []pgmVector{
	{name: "POLL, no checksum", hex: "04d2 162e 01 00 0000 83f2d6491cb3 0000 00000000 0000 0000 0001 0000 0a00020f 00000000 00000000 00000000"},
	{name: "POLR, no checksum", hex: "162e 04d2 02 00 0000 83f2d6491cb3 0000 00000000 0000 0000"},
	{name: "SPM", hex: "3408 15bb 00 00 271a 3329041eba74 0000 0001681e 00005472 0000d6a6 0001 0000 0a00002d"},
	{name: "ODATA", hex: "3408 15bb 04 00 c465 3329041eba74 0069 0000d6a9 00005474 00427073206f76657220746865206c617a7920646f672e2054686520717569636b2062726f776e20666f78206a756d7073206f76657220746865206c617a7920646f672e2400546869732069732074686520747261696c696e67204153434949206d6573736167652e"},
	{name: "SPM, bad checksum", hex: "03e8 07d0 00 00 0000 0102030405a6 0000 00000005 00000001 00000004 0001 0000 0a000001", sum: 2},
	{name: "RDATA", hex: "03e8 07d0 05 00 0000 0102030405a6 0004 00000007 00000003 61626364", sum: 1},
	{name: "NAK", hex: "03e8 07d0 08 00 0000 0102030405a6 0000 00000009 0001 0000 0a000001 0001 0000 ef010203", sum: 1},
	{name: "NNAK", hex: "03e8 07d0 09 00 0000 0102030405a6 0000 00000009 0001 0000 0a000001 0001 0000 ef010203", sum: 1},
	{name: "NCF", hex: "03e8 07d0 0a 00 0000 0102030405a6 0000 00000009 0001 0000 0a000001 0001 0000 ef010203", sum: 1},
	{name: "ACK", hex: "03e8 07d0 0d 00 0000 0102030405a6 0000 0000000b 000000ff", sum: 1},
	{name: "POLL, DLR subtype", hex: "03e8 07d0 01 00 0000 0102030405a6 0000 00000003 0001 0001 0001 0000 0a000001 00000002 0000dead 0000beef"},
	{name: "SPM, IPv6 path", hex: "03e8 07d0 00 00 0000 0102030405a6 0000 00000005 00000001 00000004 0002 0000 fe800000000000000000000000000001", sum: 1, v6: true},
	{name: "SPM, NSAP path", hex: "03e8 07d0 00 00 0000 0102030405a6 0000 00000005 00000001 00000004 0003 0000 0a000001", sum: 1},
	{name: "SPM cut short", hex: "03e8 07d0 00 00 0000 0102030405a6 0000 00000005 00000001 00000004 0001", sum: 1},
	{name: "SPMR: data", hex: "15bb 3408 0c 00 b880 3329041eba74 0000"},
}

func pgmFrame(t testing.TB, v pgmVector) []byte {
	b := mustHex(t, v.hex)
	if v.sum != 0 {
		b[6], b[7] = 0, 0
		var s uint32
		for i := 0; i+1 < len(b); i += 2 {
			s += uint32(binary.BigEndian.Uint16(b[i:]))
		}
		if len(b)%2 == 1 {
			s += uint32(b[len(b)-1]) << 8
		}
		for s>>16 != 0 {
			s = s&0xffff + s>>16
		}
		sum := ^uint16(s)
		if v.sum == 2 {
			sum ^= 0x1111
		}
		binary.BigEndian.PutUint16(b[6:], sum)
	}
	return ipFrame(b, decode.IPProtoPGM, v.v6)
}

func pgmFrames(t testing.TB) [][]byte {
	frames := make([][]byte, len(pgmVectors))
	for i, v := range pgmVectors {
		frames[i] = pgmFrame(t, v)
	}
	return frames
}

func TestPGMVectors(t *testing.T) {
	d := decode.NewDecoder()
	for i, fr := range pgmFrames(t) {
		v := pgmVectors[i]
		ls := d.Decode(fr, 1)
		want := decode.LayerPGM
		if v.name == "SPMR: data" {
			want = decode.LayerPayload
		}
		if got := ls[len(ls)-1].Type; got != want && !(v.name == "ODATA" || v.name == "RDATA") {
			t.Errorf("%s: last layer %v, want %v", v.name, got, want)
		}
		if m, bad := d.Malformed(); bad != (v.name == "SPM cut short") {
			t.Errorf("%s: malformed %v (%q)", v.name, bad, m.Malformed)
		}
	}
}

func TestPGMTreeMatchesTshark(t *testing.T) {
	compareSubtreeWithTshark(t, pgmFrames(t), "Pragmatic General Multicast", nil)
}

func TestPGMLinesMatchTcpdump(t *testing.T) {
	var frames [][]byte
	for i, fr := range pgmFrames(t) {
		switch pgmVectors[i].name {
		case "POLL, no checksum", "POLR, no checksum", "SPM", "ODATA", "SPM, bad checksum", "RDATA", "POLL, DLR subtype", "SPM, IPv6 path":
			frames = append(frames, fr)
		}
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-e"}, {"-q"}, {"-x"}})
}

func TestPGMAllocatesNothing(t *testing.T) {
	checkIPVectorsAlloc(t, pgmFrames(t))
}

func FuzzPGM(f *testing.F) {
	for _, fr := range pgmFrames(f) {
		f.Add(fr[34:])
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	f.Fuzz(func(t *testing.T, pgm []byte) {
		for _, v6 := range []bool{false, true} {
			frame := ipFrame(pgm, decode.IPProtoPGM, v6)
			d.Decode(frame, 1)
			fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
			_ = tp.Append(nil, d, &fr)
			_ = lp.Append(nil, d, &fr)
			if js := jp.Append(nil, d, &fr); !json.Valid(js) {
				t.Fatalf("invalid JSON: %s", js)
			}
			_ = cp.Append(nil, d, &fr)
		}
	})
}
