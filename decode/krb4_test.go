package decode_test

import (
	"testing"

	"github.com/rawcap/rawcap/decode"
)

// krb4Vectors are Kerberos version 4 messages (UDP payloads), written for
// these tests: KDC requests in both byte orders with control bytes in a
// name, a message type neither lays out, a KDC reply, an application
// request and an error reply (tcpdump's lines; tshark's tree of these
// rawcap does not draw yet), and version 5 and 2 first bytes on port 88.
var krb4Vectors = []appVector{
	{name: "KDC request, big endian", hex: "04 02 61 0c 7f 62 08 00 69 6e 73 74 00 52 45 41 4c 4d 00 00 0f 42 40 10 6b 72 62 74 67 74 00 52 45 41 4c 4d 00"},
	{name: "KDC request, little endian", hex: "04 03 75 73 65 72 00 00 52 00 40 42 0f 00 02 73 76 63 00 68 6f 73 74 00"},
	{name: "Appl request mutual", hex: "04 09 00 01 02 03"},
	{name: "KDC reply", hex: "04 04 75 73 65 72 00 69 6e 73 74 00 52 45 41 4c 4d 00 00 00 00 01 02 00 00 00 02 05 00 30 78 78 78 78"},
	{name: "Appl request", hex: "04 06 07 52 45 41 4c 4d 00 05 09 79 79 79 79 79 79 79 79 79 79 79 79 79 79"},
	{name: "error reply, little endian", hex: "04 0b 75 00 69 00 52 00 00 00 00 01 08 00 00 00 6f 6f 70 73 00"},
	{name: "version 5", hex: "05 00"},
	{name: "version 2", hex: "02 00"},
}

// TestKRB4MatchesOracles holds the vectors' Kerberos v4 subtree and packet
// list to tshark's and their lines to tcpdump's, on port 88 and port 750;
// cut short after every third byte, rawcap draws what was captured and
// marks the rest as both do.
func TestKRB4MatchesOracles(t *testing.T) {
	var frames [][]byte
	for _, port := range []uint16{88, 750} {
		for _, v := range krb4Vectors[:3] {
			frames = append(frames, udpFrame("192.0.2.1", "192.0.2.2", 1234, port, mustHex(t, v.hex)))
		}
	}
	compareSubtreeWithTshark(t, frames, "Kerberos v4", nil)
	for _, v := range krb4Vectors {
		b := mustHex(t, v.hex)
		frames = append(frames, udpFrame("192.0.2.1", "192.0.2.2", 1234, 88, b))
		for cut := 1; cut < len(b); cut += 3 {
			frames = append(frames, udpFrame("192.0.2.1", "192.0.2.2", 88, 1234, b[:cut]))
		}
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-q"}, {"-e"}})
}

// FuzzKRB4 feeds Kerberos messages to the decoder and printers.
func FuzzKRB4(f *testing.F) {
	fuzzApp(f, decode.LayerKRB4, 88, false, krb4Vectors)
}
