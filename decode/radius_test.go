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
		{"enumerated", radiusMsg(4, 10, radiusAttr(6, 0, 0, 0, 2), radiusAttr(7, 0, 0, 0, 1), radiusAttr(40, 0, 0, 0, 3),
			radiusAttr(61, 0, 0, 0, 15), radiusAttr(49, 0, 0, 0, 4), radiusAttr(45, 0, 0, 0, 1), radiusAttr(6, 0, 0, 0, 99),
			radiusAttr(64, 1, 0, 0, 13), radiusAttr(65, 0, 0, 0, 6), radiusAttr(81, 1, '1', '0'), radiusAttr(83, 2, 0, 0, 5),
			radiusAttr(10, 0, 0, 0, 3), radiusAttr(29, 0, 0, 0, 1), radiusAttr(76, 0, 0, 0, 1)), 40008, 1813},
		{"times", radiusMsg(4, 11, radiusAttr(55, 0x5f, 0x5e, 0x10, 0), radiusAttr(46, 0, 0, 0x0e, 0x11),
			radiusAttr(27, 0, 0, 0, 75), radiusAttr(28, 0, 0, 0, 9), radiusAttr(85, 0, 0, 0, 0),
			radiusAttr(8, 255, 255, 255, 254), radiusAttr(14, 255, 255, 255, 255), radiusAttr(37, 0, 0, 0, 0)), 40009, 1813},
		{"vendor", radiusMsg(2, 12, radiusAttr(26, 0, 0, 0, 9, 1, 8, 'a', '=', 'b', 0, 1, 2), radiusAttr(26, 0, 0, 0x01, 0x37, 16, 6, 1, 2, 3, 4),
			radiusAttr(26, 0, 0, 0x30, 0x39, 1, 3, 'x'),
			radiusAttr(101, 0, 0, 1, 0x91), radiusAttr(101, 0, 0, 0, 1), radiusAttr(101, 0, 0, 1)), 1812, 40010},
		{"odd lengths", radiusMsg(1, 13, radiusAttr(4, 1, 2, 3), radiusAttr(95, 1, 2), radiusAttr(97, 0, 48, 0x20, 1, 0xd, 0xb8),
			radiusAttr(200, 1, 2, 3), radiusAttr(0, 1), radiusAttr(17, 9), radiusAttr(70, 1, 2),
			radiusAttr(84, 1, 2, 3, 4, 5, 6, 7, 8), radiusAttr(124, 0, 0, 0, 0), radiusAttr(126, 0x31),
			radiusAttr(58, 0x31, 'v', 'l'), radiusAttr(69, 1, 0, 5, 's'), radiusAttr(1, 'a', 0, 'b', 0x80),
			radiusStr(79, "eap"), []byte{5, 1}), 40011, 1645},
		{"attribute past the message", radiusMsg(1, 14, []byte{1, 30, 'x'}), 40012, 1646},
		{"coa", radiusMsg(43, 15, radiusStr(1, "bob")), 40013, 3799},
		{"eap", radiusMsg(1, 16, radiusAttr(79, 2, 1, 0, 10, 1, 'a', 'l', 'i', 'c', 'e'), radiusAttr(79, 1, 2, 0, 5, 1),
			radiusAttr(79, 1, 3, 0, 9, 2, 'h', 'i', 0x01), radiusAttr(79, 2, 4, 0, 8, 3, 4, 13, 99),
			radiusAttr(79, 1, 5, 0, 6, 13, 0x20), radiusAttr(79, 1, 6, 0, 22, 4, 16, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 'x'),
			radiusAttr(79, 3, 7, 0, 4), radiusAttr(79, 4, 8, 0, 4), radiusAttr(79, 9, 9, 0, 4), radiusAttr(79, 1, 10, 0, 3, 0),
			radiusAttr(79, 2, 11, 0, 5, 99), radiusAttr(79, 2, 12, 0, 4), radiusAttr(79, 1, 13, 0, 10, 13, 0xc0, 0, 0, 1, 0),
			radiusAttr(79, 2, 14, 0, 7, 21, 0x01, 9), radiusAttr(79, 2, 15, 0, 5, 13)), 40014, 1812},
		{"long state, special addresses", radiusMsg(11, 17, radiusAttr(24, append(auth16, append(auth16, auth16[:8]...)...)...),
			radiusAttr(8, 255, 255, 255, 255), radiusAttr(14, 0, 0, 0, 0), radiusAttr(25, auth16...)), 1812, 40015},
	}
}

func radiusFrames(t testing.TB) [][]byte {
	var frames [][]byte
	for _, v := range radiusVectors() {
		frames = append(frames, appFrame(v.msg, v.sport, v.dport, false))
	}
	return frames
}

// radiusTcpdumpFrames are messages compared with tcpdump only: vendor
// attributes whose lengths are wrong, which tshark marks malformed where
// rawcap does not yet.
func radiusTcpdumpFrames() [][]byte {
	return [][]byte{appFrame(radiusMsg(2, 20, radiusAttr(26, 0, 0, 0, 9, 1, 1), radiusAttr(26, 0, 0, 0, 9, 1, 9, 'z'),
		radiusAttr(26, 0, 0, 0, 9), radiusAttr(26, 0, 0)), 1812, 40020, false)}
}

// radiusTreeAllow are the vectors holding attributes tshark draws and
// rawcap leaves out (tagged tunnel attributes, Vendor-Specific,
// EAP-Message, Event-Timestamp, Egress-VLAN-Name): every line rawcap draws
// must still be tshark's, in its order.
var radiusTreeAllow = map[int]string{
	8:  "Tunnel-Type, Tunnel-Medium-Type, Tunnel-Private-Group-Id, Tunnel-Preference",
	9:  "Event-Timestamp",
	10: "Vendor-Specific",
	11: "EAP-Message, Egress-VLAN-Name, Tunnel-Password, strings with control characters",
	12: "an attribute longer than the message: tshark's expert note",
	14: "EAP-Message",
}

// TestRADIUSVectors compares tcpdump's lines, the header at default and
// every attribute with -v and -vv, and checks that decoding and printing
// allocate nothing.
func TestRADIUSVectors(t *testing.T) {
	frames := radiusFrames(t)
	compareFramesWithTcpdump(t, append(frames, radiusTcpdumpFrames()...), [][]string{{}, {"-e"}, {"-v"}, {"-vv"}, {"-q"}})
	checkIPVectorsAlloc(t, frames)
}

// TestRADIUSTreeMatchesTshark compares the -V subtree and the Protocol and
// Info columns of the generated exchange with tshark's.
func TestRADIUSTreeMatchesTshark(t *testing.T) {
	compareSubtreeWithTshark(t, radiusFrames(t), "RADIUS Protocol", radiusTreeAllow)
	checkTreeAllocsNothing(t, radiusFrames(t), "RADIUS Protocol")
}

func TestRADIUSLayers(t *testing.T) {
	d := decode.NewDecoder()
	vs := radiusVectors()
	for i, fr := range radiusFrames(t) {
		ls := d.Decode(fr, 1)
		top := ls[len(ls)-1]
		if top.Type != decode.LayerRADIUS {
			t.Errorf("vector %d: top layer %v, want radius", i, top.Type)
		}
		if want := vs[i].name == "length past the bytes"; (top.Malformed != "") != want {
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
