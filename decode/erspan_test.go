package decode_test

import (
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// erspanInner is the mirrored frame of the vectors: Ethernet, IPv4, an
// ICMP echo request (checksums filled in by erspanFrame).
const erspanInner = "02 00 00 00 00 02 02 00 00 00 00 01 08 00 " +
	"45 00 00 1c 00 01 00 00 40 01 00 00 0a 00 00 01 0a 00 00 02 " +
	"08 00 00 00 00 07 00 01"

// erspanVectors are GRE headers (hex) and what follows them: every version
// of ERSPAN, type III's frame types and platform sub-headers, and headers
// cut short.
var erspanVectors = []struct {
	name, gre, body string
	malformed       bool
}{
	{name: "type II", gre: "10 00 88 be 00 01 a1 ca", body: "10 01 10 65 00 00 ab c5 " + erspanInner},
	{name: "type II truncated flag, tag kept", gre: "10 00 88 be 00 00 00 01", body: "1f ff fc 02 ff ff ff ff " + erspanInner},
	{name: "type I", gre: "00 00 88 be", body: erspanInner},
	{name: "type III", gre: "10 00 22 eb 00 00 00 02", body: "20 14 00 00 a3 59 5b ff 00 00 00 06 " + erspanInner},
	{name: "type III egress, IEEE 1588", gre: "00 00 22 eb", body: "20 01 e4 65 00 00 00 01 12 34 83 2c " + erspanInner},
	{name: "type III frame type 7", gre: "10 00 22 eb 00 00 ba de", body: "20 01 18 65 34 76 0b 01 00 00 1e 00 " + erspanInner},
	{name: "type III platform 1", gre: "00 00 22 eb", body: "20 01 00 01 00 00 00 00 00 00 00 01 04 00 20 05 00 00 00 09 " + erspanInner},
	{name: "type III platform 3", gre: "00 00 22 eb", body: "20 01 00 01 00 00 00 00 00 00 00 01 0c 00 40 07 12 34 56 78 " + erspanInner},
	{name: "type III platform 4", gre: "00 00 22 eb", body: "20 01 00 01 00 00 00 00 00 00 00 01 10 00 40 07 12 34 56 78 " + erspanInner},
	{name: "type III platform 5", gre: "00 00 22 eb", body: "20 01 00 01 00 00 00 00 00 00 00 01 14 05 00 07 12 34 56 78 " + erspanInner},
	{name: "type III platform 7", gre: "00 00 22 eb", body: "20 01 00 01 00 00 00 00 00 00 00 01 1c 10 00 07 12 34 56 78 " + erspanInner},
	{name: "type III platform 0", gre: "00 00 22 eb", body: "20 01 00 01 00 00 00 00 00 00 00 01 00 10 00 07 12 34 56 78 " + erspanInner},
	{name: "type III reserved platform", gre: "00 00 22 eb", body: "20 01 00 01 00 00 00 00 00 00 00 01 20 00 00 07 12 34 56 78 " + erspanInner},
	{name: "type II cut", gre: "10 00 88 be 00 00 00 01", body: "10 01 10", malformed: true},
	{name: "type III sub-header cut", gre: "00 00 22 eb", body: "20 01 00 01 00 00 00 00 00 00 00 01 1c 10", malformed: true},
}

// erspanFrame wraps a GRE header and its payload in Ethernet and IPv4,
// with correct IP and inner ICMP checksums.
func erspanFrame(t testing.TB, gre, body string) []byte {
	t.Helper()
	g := append(mustHex(t, gre), mustHex(t, body)...)
	if n := len(g) - 42; n >= 0 && g[n+12] == 0x08 && g[n+13] == 0 && len(gre) > 0 {
		inner := g[n:]
		putChecksum(inner[14:34], 10)
		putChecksum(inner[34:], 2)
	}
	ip := mustHex(t, "00 10 18 b3 8f 10 88 1d fc c9 dc 03 08 00 "+
		"45 00 00 00 00 00 00 00 ff 2f 00 00 c0 a8 01 ac c0 a8 01 f9")
	n := 20 + len(g)
	ip[16], ip[17] = byte(n>>8), byte(n)
	putChecksum(ip[14:34], 10)
	return append(ip, g...)
}

func erspanFrames(t testing.TB) [][]byte {
	frames := make([][]byte, len(erspanVectors))
	for i, v := range erspanVectors {
		frames[i] = erspanFrame(t, v.gre, v.body)
	}
	return frames
}

func TestERSPANVectors(t *testing.T) {
	frames := erspanFrames(t)
	d := decode.NewDecoder()
	for i, v := range erspanVectors {
		layers := d.Decode(frames[i], linktype.Ethernet)
		if _, bad := d.Malformed(); bad != v.malformed {
			t.Errorf("%s: malformed %v, want %v", v.name, bad, v.malformed)
		}
		if len(layers) < 4 || layers[3].Type != decode.LayerERSPAN {
			t.Errorf("%s: layer 3 is not ERSPAN: %v", v.name, layers)
		}
	}
	// tcpdump 4.99 does not decode ERSPAN: "gre-proto-0x88be".
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-e"}, {"-q"}})
	checkIPVectorsAlloc(t, frames)
}

func TestERSPANTreeMatchesTshark(t *testing.T) {
	compareSubtreeWithTshark(t, erspanFrames(t), "Encapsulated Remote Switch Packet ANalysis", nil)
	// The fields of a header cut short are those captured, as the tree's.
	frames := erspanFrames(t)
	compareFieldsWithTshark(t, writeTestPcap(t, frames), frames,
		[]string{"erspan.version", "erspan.vlan", "erspan.spanid", "erspan.index", "erspan.platid", "erspan.pid7.source_index"})
}

func TestERSPANView(t *testing.T) {
	for _, v := range []struct {
		hex  string
		n    int
		ft   uint8
		sub  bool
		fail bool
	}{
		{hex: "10 01 10 65 00 00 ab c5", n: 8},
		{hex: "20 01 18 65 34 76 0b 01 00 00 1e 00", n: 12, ft: 7},
		{hex: "20 01 00 01 00 00 00 00 00 00 00 01 1c 10 00 07 12 34 56 78", n: 20, sub: true},
		{hex: "30 01", n: 2},
		{hex: "20 01 00 01 00 00 00 00 00 00 00 01 1c", fail: true},
		{hex: "10", fail: true},
	} {
		e, err := decode.ParseERSPAN(mustHex(t, v.hex))
		if (err != nil) != v.fail {
			t.Errorf("%s: err %v", v.hex, err)
			continue
		}
		if err != nil {
			continue
		}
		if len(e) != v.n || e.FrameType() != v.ft || (e.SubHeader() != nil) != v.sub {
			t.Errorf("%s: len %d, frame type %d, sub-header %x", v.hex, len(e), e.FrameType(), e.SubHeader())
		}
	}
}

// FuzzTunnels feeds GRE payloads (ERSPAN's among them) to the decoder and
// every printer, seeded with the corpus's ERSPAN headers and the vectors.
func FuzzTunnels(f *testing.F) {
	for _, v := range erspanVectors {
		f.Add(mustHex(f, v.gre), mustHex(f, v.body))
	}
	for _, p := range appPayloads(f, decode.LayerGRE) {
		n := 4
		if len(p) >= 4 && p[0]&0x10 != 0 {
			n = 8
		}
		if len(p) >= n {
			f.Add(p[:n], p[n:])
		}
	}
	d := decode.NewDecoder()
	ps := newPrinters()
	x := decode.Frame{Number: 1, Time: time.Unix(1, 0)}
	f.Fuzz(func(t *testing.T, gre, body []byte) {
		fr := erspanFrame(t, "", "")
		fr = append(append(fr, gre...), body...)
		n := len(fr) - 14
		fr[16], fr[17] = byte(n>>8), byte(n)
		x.Length = len(fr)
		for _, l := range d.Decode(fr, linktype.Ethernet) {
			if l.Start < 0 || l.Start > l.Payload || l.Payload > l.End || l.End > len(fr) {
				t.Fatalf("bad layer %+v for %d bytes", l, len(fr))
			}
		}
		printAll(t, d, &x, ps)
	})
}
