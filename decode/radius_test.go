package decode_test

import (
	"encoding/binary"
	"testing"

	"github.com/rawcap/rawcap/decode"
)

// radiusAttr builds one attribute: type, length, value.
func radiusAttr(typ byte, v ...byte) []byte { return append([]byte{typ, byte(2 + len(v))}, v...) }

func radiusStr(typ byte, s string) []byte { return radiusAttr(typ, []byte(s)...) }

// radiusMsg builds a message with the given attributes and its Length set.
func radiusMsg(code, id byte, attrs ...[]byte) []byte {
	m := []byte{code, id, 0, 0}
	for k := range 16 {
		m = append(m, byte(0x10+k*7))
	}
	for _, a := range attrs {
		m = append(m, a...)
	}
	binary.BigEndian.PutUint16(m[2:], uint16(len(m)))
	return m
}

type radiusVector struct {
	name         string
	msg          []byte
	sport, dport uint16
}

// radiusVectors are an exchange of each kind a RADIUS server sees
// (Access-Request/Accept/Reject/Challenge, Accounting-Request/Response),
// each with its own identifier, and messages cut short.
func radiusVectors() []radiusVector {
	auth16 := []byte{0x45, 0xe8, 0xd5, 0xda, 0xea, 0xd8, 0x7e, 0x40, 0x15, 0xe0, 0xfc, 0xc0, 0xec, 0x0f, 0x08, 0xa1}
	short := radiusMsg(1, 9, radiusStr(1, "carol"), radiusStr(32, "nas1"))
	binary.BigEndian.PutUint16(short[2:], uint16(len(short)+10))
	return []radiusVector{
		{"access-request", radiusMsg(1, 1, radiusStr(1, "alice"), radiusAttr(2, auth16...),
			radiusAttr(4, 192, 0, 2, 1), radiusAttr(5, 0, 0, 0, 7), radiusStr(30, "00-11-22-33-44-55:ssid"),
			radiusStr(31, "66-77-88-99-aa-bb"), radiusStr(32, "nas1"), radiusAttr(80, auth16...)), 40000, 1812},
		{"access-accept", radiusMsg(2, 2, radiusStr(18, "Welcome"), radiusAttr(27, 0, 0, 0x0e, 0x10),
			radiusAttr(28, 0, 0, 1, 0x2c), radiusAttr(8, 10, 0, 0, 5), radiusAttr(9, 255, 255, 255, 0),
			radiusAttr(12, 0, 0, 5, 0xdc), radiusStr(11, "std.in"), radiusAttr(25, 1, 2, 3, 4)), 1812, 40001},
		{"access-reject", radiusMsg(3, 3, radiusStr(18, "Denied")), 1812, 40002},
		{"access-challenge", radiusMsg(11, 4, radiusAttr(24, 0xaa, 0xbb, 0xcc, 0xdd), radiusStr(18, "Enter PIN")), 1812, 40003},
		{"accounting-request", radiusMsg(4, 5, radiusStr(1, "bob"), radiusStr(44, "0000002a"),
			radiusAttr(46, 0, 0, 0, 60), radiusAttr(4, 192, 0, 2, 1)), 40004, 1813},
		{"accounting-response", radiusMsg(5, 6), 1813, 40005},
		{"old ports", radiusMsg(1, 7, radiusStr(1, "dave")), 40006, 1645},
		{"length past the bytes", short, 40007, 1812},
	}
}

func radiusFrames(t testing.TB) [][]byte {
	var frames [][]byte
	for _, v := range radiusVectors() {
		frames = append(frames, appFrame(v.msg, v.sport, v.dport, false))
	}
	return frames
}

// TestRADIUSVectors compares tcpdump's default line (the -v form prints
// every attribute, which rawcap does not yet) and checks that decoding
// and printing allocate nothing.
func TestRADIUSVectors(t *testing.T) {
	frames := radiusFrames(t)
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-e"}})
	checkIPVectorsAlloc(t, frames)
}

// TestRADIUSTreeMatchesTshark compares the -V subtree and the Protocol and
// Info columns of the generated exchange with tshark's.
func TestRADIUSTreeMatchesTshark(t *testing.T) {
	compareSubtreeWithTshark(t, radiusFrames(t), "RADIUS Protocol", nil)
}

func TestRADIUSLayers(t *testing.T) {
	d := decode.NewDecoder()
	for i, fr := range radiusFrames(t) {
		ls := d.Decode(fr, 1)
		top := ls[len(ls)-1]
		if top.Type != decode.LayerRADIUS {
			t.Errorf("vector %d: top layer %v, want radius", i, top.Type)
		}
		if want := i == len(radiusVectors())-1; (top.Malformed != "") != want {
			t.Errorf("vector %d: malformed %q", i, top.Malformed)
		}
	}
	// Too short for a header, and an unknown code: data, as tshark has it.
	for _, m := range [][]byte{{1, 2, 0, 20}, radiusMsg(58, 1)} {
		ls := d.Decode(appFrame(m, 40000, 1812, false), 1)
		if top := ls[len(ls)-1]; top.Type == decode.LayerRADIUS {
			t.Errorf("% x decoded as RADIUS", m)
		}
	}
}

// FuzzRADIUS feeds RADIUS messages to the decoder and every printer.
func FuzzRADIUS(f *testing.F) {
	for _, v := range radiusVectors() {
		f.Add(v.msg, false)
	}
	for _, p := range appPayloads(f, decode.LayerRADIUS) {
		f.Add(p, false)
	}
	fuzzIPProto(f, func(t testing.TB, m []byte, _ bool) []byte {
		fr := appFrame(nil, 40000, 1812, false)
		u := 8 + len(m)
		fr[16], fr[17] = byte((20+u)>>8), byte(20+u)
		fr[38], fr[39] = byte(u>>8), byte(u)
		return fr
	})
}
