package decode_test

import (
	"testing"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// mipv6Vectors are mobility headers (hex, checksum zero) of each message
// type rawcap lays out, with options after them, a type it does not, and
// damaged ones.
var mipv6Vectors = []struct {
	name, hex string
	malformed bool
}{
	{name: "brr", hex: "3b 00 00 00 00 00 00 00"},
	{name: "hoti", hex: "3b 01 01 00 00 00 00 00 01 02 03 04 05 06 07 08"},
	{name: "cot", hex: "3b 02 04 00 00 00 09 0a 0b 0c 0d 0e 0f 10 16 2e 19 1a 1b 1c 1d 1e 1f 20"},
	{name: "bu flags", hex: "3b 01 05 00 00 00 03 e8 f0 00 0e 10 01 02 00 00"},
	{name: "bu options", hex: "3b 04 05 00 00 00 03 e8 80 00 0e 10 03 10 20 01 06 60 47 01 f0 04 02 0d 54 ff fe 98 bc 93 04 04 04 d2 16 2e 00 00 01 00"},
	{name: "ba options", hex: "3b 03 06 00 00 00 00 80 03 e8 0e 10 02 02 07 08 05 0c 81 01 73 8d 51 7d 51 69 40 ec 06 11 01 00"},
	{name: "be", hex: "3b 02 07 00 00 00 01 00 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01"},
	{name: "pad1 run", hex: "3b 01 05 00 00 00 03 e8 80 00 0e 10 00 00 00 00"},
	{name: "unknown option", hex: "3b 01 05 00 00 00 03 e8 80 00 0e 10 3c 02 00 00"},
	{name: "short option", hex: "3b 01 05 00 00 00 03 e8 80 00 0e 10 00 00 00 03"},
	{name: "other type", hex: "3b 00 08 00 00 00 00 00"},
	{name: "too short for type", hex: "3b 00 05 00 00 00 03 e8", malformed: true},
	{name: "cut", hex: "3b 01 05 00 00 00 03 e8", malformed: true},
	{name: "cut in its options", hex: "3b 02 06 00 00 00 00 00 03 e8 0e 10 05 0c 81 01", malformed: true},
	{name: "two bytes", hex: "3b 01", malformed: true},
}

// mipv6Frame wraps m in Ethernet and IPv6, next header 135.
func mipv6Frame(t testing.TB, m []byte) []byte {
	t.Helper()
	fr := ahFrame(t, nil, m, true)
	fr[20] = decode.IPProtoMobility
	return fr
}

func mipv6Frames(t testing.TB) [][]byte {
	var frames [][]byte
	for _, v := range mipv6Vectors {
		frames = append(frames, mipv6Frame(t, mustHex(t, v.hex)))
	}
	return frames
}

func TestMIPv6Vectors(t *testing.T) {
	frames := mipv6Frames(t)
	d := decode.NewDecoder()
	for i, v := range mipv6Vectors {
		layers := d.Decode(frames[i], linktype.Ethernet)
		if _, bad := d.Malformed(); bad != v.malformed {
			t.Errorf("%s: malformed %v, want %v", v.name, bad, v.malformed)
		}
		if len(layers) < 3 || layers[2].Type != decode.LayerMIPv6 {
			t.Errorf("%s: layer 2 is not MIPv6: %v", v.name, layers)
		}
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-e"}, {"-q"}})
	checkIPVectorsAlloc(t, frames)
}

func TestMIPv6TreeMatchesTshark(t *testing.T) {
	frames := mipv6Frames(t)
	var whole, fields [][]byte
	allow := map[int]string{}
	for i, v := range mipv6Vectors {
		switch v.name {
		case "unknown option":
			allow[len(whole)] = "an option type rawcap does not lay out: tshark draws it as Unknown, rawcap stops before it"
		case "short option":
			allow[len(whole)] = "an option whose length byte is past the header: tshark adds an expert item, rawcap stops before it"
		case "other type":
			allow[len(whole)] = "a message type rawcap does not lay out (8, Fast Binding Update): tshark reads its fixed part and fails, rawcap draws the common header"
		}
		if v.name != "short option" && v.name != "other type" && v.name != "unknown option" { // tshark gives the damaged part a length (1) of its own
			fields = append(fields, frames[i])
		}
		whole = append(whole, frames[i])
	}
	compareSubtreeWithTshark(t, whole, "Internet Protocol Version 6", allow)
	compareFieldsWithTshark(t, writeTestPcap(t, fields), fields,
		[]string{"mip6.mhtype", "mip6.hlen", "mip6.bu.seqnr", "mip6.bu.a_flag", "mip6.bu.lifetime", "mip6.ba.status",
			"mip6.options.padn", "mip6.options.pad1", "mip6.mobility_opt.len", "mip6.acoa.acoa", "mip6.ni.hni",
			"mip6.bra.interval", "mip6.bad.auth", "mip6.be.haddr", "mip6.cot.cookie", "mip6.hot.token"})
}

// FuzzMIPv6 feeds mobility headers to the decoder and every printer.
func FuzzMIPv6(f *testing.F) {
	for _, v := range mipv6Vectors {
		f.Add(mustHex(f, v.hex), true)
	}
	for _, p := range appPayloads(f, decode.LayerMIPv6) {
		f.Add(p, true)
	}
	fuzzIPProto(f, func(t testing.TB, m []byte, _ bool) []byte {
		fr := mipv6Frame(t, nil)
		fr[18], fr[19] = byte(len(m)>>8), byte(len(m))
		return fr
	})
}
