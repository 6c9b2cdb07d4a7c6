package decode_test

import (
	"encoding/binary"
	"encoding/json"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// nhrpPacket builds an NHRP packet (RFC 2332) for IPv4 over IPv4 NBMA
// addresses: the fixed header, the mandatory part with flags and request
// ID, one CIE per cie address pair, then ext (the extensions) when given.
// The checksum is right unless badSum.
func nhrpPacket(t testing.TB, op byte, flags uint16, cies int, ext string, badSum bool) []byte {
	b := mustHex(t, "0001 0800 0000000000 ff 0000 0000 0000 01 00 04 00")
	b[17] = op
	b = append(b, 4, 4)
	b = binary.BigEndian.AppendUint16(b, flags)
	b = binary.BigEndian.AppendUint32(b, 7)
	b = append(b, mustHex(t, "c0000201 0a000001 0a000002")...)
	for k := range cies {
		b = append(b, mustHex(t, "00 20 0000 05dc 1c20 04 00 04 00")...)
		b = append(b, 192, 0, 2, byte(10+k), 10, 0, 0, byte(10+k))
	}
	if ext != "" {
		binary.BigEndian.PutUint16(b[14:], uint16(len(b)))
		b = append(b, mustHex(t, ext)...)
	}
	binary.BigEndian.PutUint16(b[10:], uint16(len(b)))
	var s uint32
	for i := 0; i+1 < len(b); i += 2 {
		s += uint32(binary.BigEndian.Uint16(b[i:]))
	}
	if len(b)%2 == 1 {
		s += uint32(b[len(b)-1]) << 8
	}
	for s > 0xffff {
		s = s&0xffff + s>>16
	}
	sum := ^uint16(s)
	if badSum {
		sum ^= 0x1111
	}
	binary.BigEndian.PutUint16(b[12:], sum)
	return b
}

// nhrpFrames returns NHRP packets in GRE (protocol type 0x2001) of the
// types and extensions the corpus lacks: a purge request (its N flag),
// a resolution reply with two CIEs, a responder address extension holding
// a CIE and an authentication extension with data, and one with a bad
// checksum.
func nhrpFrames(t testing.TB) [][]byte {
	gre := func(p []byte) []byte { return greInEthernet(append(mustHex(t, "0000 2001"), p...)) }
	return [][]byte{
		gre(nhrpPacket(t, 5, 0x8000, 1, "", false)),
		gre(nhrpPacket(t, 2, 0x5802, 2, "8003 0014 00200000 05dc 1c20 04000400 c0000263 0a000063 8007 000c 0000 0001 c0000201 41555448 8000 0000", false)),
		gre(nhrpPacket(t, 4, 0x8002, 1, "8000 0000", true)),
		gre(nhrpPacket(t, 1, 0xf802, 0, "8000 0000", false)),
	}
}

// TestNHRPTreeMatchesTshark holds NHRP's subtree, drawn from its fields, to
// tshark's line for line, its packet list row to tshark's, and draws it
// without allocating.
func TestNHRPTreeMatchesTshark(t *testing.T) {
	frames := nhrpFrames(t)
	t.Run("allocs", func(t *testing.T) {
		checkTreeAllocsNothing(t, frames, "Next Hop Resolution Protocol")
	})
	compareSubtreeWithTshark(t, frames, "Next Hop Resolution Protocol", nil)
}

// FuzzNHRP feeds NHRP packets in GRE to the decoder and every printer.
func FuzzNHRP(f *testing.F) {
	for _, fr := range nhrpFrames(f) {
		f.Add(fr[34+4:])
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	jp := &decode.JSONPrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Verbose: 1}}
	cp := &decode.ColumnsPrinter{}
	fp, _ := decode.NewFieldsPrinter(nil)
	f.Fuzz(func(t *testing.T, m []byte) {
		fr := greInEthernet(append([]byte{0, 0, 0x20, 0x01}, m...))
		d.Decode(fr, linktype.Ethernet)
		x := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(fr)}
		tp.Append(nil, d, &x)
		lp.Append(nil, d, &x)
		cp.Append(nil, d, &x)
		fp.Fields(d, &x)
		if js := jp.Append(nil, d, &x); !json.Valid(js) {
			t.Fatalf("invalid JSON: %s", js)
		}
	})
}

// TestNHRPOverIP holds NHRP directly over IPv4 and IPv6 (IP protocol 54):
// its layer, its subtree and packet list row against tshark's, and its
// one-liner, which tcpdump 4.99 prints as an unknown protocol's, against
// tcpdump's.
func TestNHRPOverIP(t *testing.T) {
	frames := [][]byte{
		ipFrame(nhrpPacket(t, 3, 0x8002, 1, "8003 0000 8004 0000 8005 0000 8000 0000", false), decode.IPProtoNHRP, false),
		ipFrame(nhrpPacket(t, 2, 0x5802, 2, "", false), decode.IPProtoNHRP, true),
	}
	d := decode.NewDecoder()
	for i, fr := range frames {
		layers := d.Decode(fr, linktype.Ethernet)
		if len(layers) != 3 || layers[2].Type != decode.LayerNHRP {
			t.Fatalf("frame %d: layers %v, want Ethernet, IP, NHRP", i+1, layers)
		}
	}
	compareSubtreeWithTshark(t, frames, "Next Hop Resolution Protocol", nil)
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}})
	testshared.Oracle(t, "tshark")
	compareFieldsWithTshark(t, writeTestPcap(t, frames), frames, []string{"frame.protocols", "ip.proto", "ipv6.nxt",
		"nhrp.hdr.op.type", "nhrp.hdr.chksum.status", "nhrp.flags", "nhrp.reqid", "nhrp.src.prot.addr", "nhrp.client.prot.addr",
		"nhrp.ext.type"})
}
