package decode_test

import (
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// isakmpVectors are UDP payloads on port 500 or 4500: the corpus's
// tests_ikev2four (a COOKIE notify, an encrypted INFORMATIONAL) and
// tests_isakmp4500 (an IKEv1 SA with vendor IDs, an encrypted Quick Mode
// message behind the non-ESP marker, a NAT keepalive, ESP) messages, two
// bytes too short for the marker, an
// IKEv2 IKE_SA_INIT written from RFC 7296's layout (an SA with two
// transforms, one with a key length, a key exchange and a nonce; message
// ID 16), a length too large for tshark, IKEv1 identifications (a domain name on UDP port 500, an IPv4
// address, a user), and messages rawcap leaves as data.
var isakmpVectors = []struct {
	name    string
	port    uint16
	payload string
	last    decode.LayerType
	info    string
}{
	{name: "IKEv2 COOKIE", port: 500, last: decode.LayerISAKMP, info: "IKE_SA_INIT MID=00 Responder Response",
		payload: "a8 88 75 a8 19 89 92 a6 00 00 00 00 00 00 00 00 29 20 22 20 00 00 00 00 00 00 00 3c 00 00 00 20 00 00 40 06 00 00 00 01 c2 22 1e 50 c1 6e 12 3f 2b 0c 71 ae fc f0 cb 3b 79 87 82 c6"},
	{name: "IKEv2 encrypted", port: 500, last: decode.LayerISAKMP, info: "INFORMATIONAL MID=00 Initiator Request",
		payload: "1d 9b e9 45 1d 4f 97 a8 64 a2 a4 b5 d0 e1 7b 6a 2e 20 25 08 00 00 00 00 00 00 00 5c 2a 00 00 40 69 1b 48 82 9b 6c 5d 6d d9 3f a8 e3 3c 38 dd 4c 00 f5 43 4d c2 2b 42 51 c0 87 6f 0b db 5d bb a3 dd 06 28 39 07 55 9a 27 2f 07 ec 77 09 b9 d5 96 a2 4c d8 fe 69 b8 2a 1f 65 db f6 f2"},
	{name: "IKEv2 IKE_SA_INIT", port: 500, last: decode.LayerISAKMP, info: "IKE_SA_INIT MID=16 Initiator Request",
		payload: "01 02 03 04 05 06 07 08 00 00 00 00 00 00 00 00 21 20 22 08 00 00 00 10 00 00 00 58 " +
			"22 00 00 20 00 00 00 1c 01 01 00 02 03 00 00 0c 01 00 00 0c 80 0e 00 80 00 00 00 08 04 00 00 0e " +
			"28 00 00 10 00 0e 00 00 11 12 13 14 15 16 17 18 " +
			"00 00 00 0c 21 22 23 24 25 26 27 28"},
	{name: "IKEv1 SA and vendor IDs", port: 500, last: decode.LayerISAKMP, info: "Identity Protection (Main Mode)",
		payload: "9e 89 f2 38 8f 90 bc 1e 0a 74 35 7c e3 d1 a4 bf 01 10 02 00 00 00 00 00 00 00 00 88 0d 00 00 34 00 00 00 01 00 00 00 01 00 00 00 28 00 01 00 01 00 00 00 20 00 01 00 00 80 0b 00 01 80 0c 0e 10 80 01 00 05 80 02 00 01 80 03 00 03 80 04 00 05 0d 00 00 10 4f 45 6b 52 62 47 58 52 76 6d 50 45 0d 00 00 14 af ca d7 13 68 a1 f1 c9 6b 86 96 fc 77 57 01 00 00 00 00 14 4a 13 1c 81 07 03 58 45 5c 57 28 f2 0e 95 45 2f"},
	{name: "IKEv1 encrypted behind the non-ESP marker", port: 4500, last: decode.LayerISAKMP, info: "Quick Mode",
		payload: "00 00 00 00 9e 89 f2 38 8f 90 bc 1e 0a 74 35 7c e3 d1 a4 bf 08 10 20 01 8b 7e 89 47 00 00 00 34 25 3b 31 86 0e 68 ec 84 15 a4 73 5a b3 f8 72 5a 3d e7 aa 09 39 24 a4 02"},
	{name: "NAT keepalive", port: 4500, last: decode.LayerUDPEncap, info: "NAT-keepalive", payload: "ff"},
	{name: "ESP in UDP", port: 4500, last: decode.LayerESP, info: "ESP (SPI=0xf4dc0ae5)",
		payload: "f4 dc 0a e5 00 00 00 01 fc e4 09 c4 51 37 8f dd 9a 2e 17 a8 6f 47 3e 3e e2 79 b8 a1 49 3e 02 fa"},
	{name: "a length too large for tshark", port: 500, last: decode.LayerISAKMP, info: "IKE_AUTH MID=",
		payload: "3c 00 3d 80 9b 00 00 fd f2 f3 ff 7f 7f 01 10 ee 0b 2c 23 10 10 10 10 10 ff 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"},
	{name: "a length past the datagram, below tshark's limit", port: 500, last: decode.LayerPayload,
		payload: "3c 00 3d 80 9b 00 00 fd f2 f3 ff 7f 7f 01 10 ee 0b 2c 23 10 10 10 10 10 25 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"},
	{name: "too short for a marker", port: 4500, last: decode.LayerUDPEncap, info: "[Malformed Packet]", payload: "00 00"},
	{name: "IKEv1 identification, a domain name", port: 500, last: decode.LayerISAKMP, info: "Identity Protection (Main Mode)",
		payload: "01 02 03 04 05 06 07 08 11 12 13 14 15 16 17 18 05 10 02 00 00 00 00 00 00 00 00 33 00 00 00 17 02 11 01 f4 76 70 6e 2e 65 78 61 6d 70 6c 65 2e 63 6f 6d"},
	{name: "IKEv1 identification, an IPv4 address", port: 500, last: decode.LayerISAKMP, info: "Identity Protection (Main Mode)",
		payload: "01 02 03 04 05 06 07 08 11 12 13 14 15 16 17 18 05 10 02 00 00 00 00 00 00 00 00 28 00 00 00 0c 01 00 00 00 c0 00 02 05"},
	{name: "IKEv1 identification, a user", port: 500, last: decode.LayerISAKMP, info: "Identity Protection (Main Mode)",
		payload: "01 02 03 04 05 06 07 08 11 12 13 14 15 16 17 18 05 10 02 00 00 00 00 00 00 00 00 29 00 00 00 0d 03 06 00 00 61 40 62 2e 63"},
	{name: "an IPv6 identification", port: 500, last: decode.LayerPayload,
		payload: "01 02 03 04 05 06 07 08 00 00 00 00 00 00 00 00 05 10 02 00 00 00 00 00 00 00 00 30 00 00 00 14 05 00 00 00 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01"},
	{name: "an IKEv2 identification", port: 500, last: decode.LayerPayload,
		payload: "01 02 03 04 05 06 07 08 00 00 00 00 00 00 00 00 23 20 22 08 00 00 00 00 00 00 00 24 00 00 00 08 01 00 00 00"},
	{name: "version 3", port: 500, last: decode.LayerPayload,
		payload: "a8 88 75 a8 19 89 92 a6 00 00 00 00 00 00 00 00 29 30 22 20 00 00 00 00 00 00 00 1c"},
	{name: "a length one past the datagram", port: 500, last: decode.LayerPayload,
		payload: "a8 88 75 a8 19 89 92 a6 00 00 00 00 00 00 00 00 00 20 22 20 00 00 00 00 00 00 00 1d"},
	{name: "a vendor ID rawcap cannot name", port: 500, last: decode.LayerPayload,
		payload: "9e 89 f2 38 8f 90 bc 1e 0a 74 35 7c e3 d1 a4 bf 0d 10 02 00 00 00 00 00 00 00 00 24 00 00 00 08 01 02 03 04"},
}

func isakmpFrames(t testing.TB) [][]byte {
	var frames [][]byte
	for k, v := range isakmpVectors {
		frames = append(frames, appUDPFrame(t, uint16(40000+k), v.port, mustHex(t, v.payload)))
	}
	return frames
}

func TestISAKMP(t *testing.T) {
	frames := isakmpFrames(t)
	var taken [][]byte
	d := decode.NewDecoder()
	for k, v := range isakmpVectors {
		t.Run(v.name, func(t *testing.T) {
			frame := frames[k]
			layers := d.Decode(frame, linktype.Ethernet)
			if got := layers[len(layers)-1].Type; got != v.last {
				t.Fatalf("layers %v, want the last %v", layers, v.last)
			}
			if v.last == decode.LayerPayload {
				return
			}
			taken = append(taken, frame)
			f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
			cp := &decode.ColumnsPrinter{Precision: []int{6}}
			if got := string(cp.Append(nil, d, &f)); !strings.Contains(got, v.info) {
				t.Errorf("columns %q lack %q", got, v.info)
			}
			lp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
			tp := &decode.TreePrinter{Location: time.UTC}
			buf := make([]byte, 0, 1<<16)
			if n := testing.AllocsPerRun(20, func() {
				d.Decode(frame, linktype.Ethernet)
				buf = lp.Append(buf[:0], d, &f)
				buf = cp.Append(buf[:0], d, &f)
				buf = tp.Append(buf[:0], d, &f)
			}); n != 0 {
				t.Errorf("decode, one-liner, columns and tree allocate %v times", n)
			}
		})
	}
	if testing.Short() {
		return
	}
	path := writeTestPcap(t, taken)
	compareSubtreeWithTshark(t, taken, "Internet Security Association and Key Management Protocol", nil)
	compareSubtreeWithTshark(t, taken, "UDP Encapsulation of IPsec Packets", nil)
	checkTreeAllocsNothing(t, taken[:5], "Internet Security Association and Key Management Protocol")
	if n := compareColumnsWithTshark(t, path); n != len(taken) {
		t.Errorf("%d of %d rows are tshark's", n, len(taken))
	}
	compareFieldsWithTshark(t, path, taken, []string{"isakmp.ispi", "isakmp.nextpayload", "isakmp.version",
		"isakmp.exchangetype", "isakmp.flags", "isakmp.flag_r", "isakmp.messageid", "isakmp.typepayload",
		"isakmp.payloadlength", "isakmp.prop.protoid", "isakmp.tf.type", "isakmp.tf.id.encr", "isakmp.ike2.attr.key_length",
		"isakmp.ike.attr.type", "isakmp.ike.attr.life_duration", "isakmp.key_exchange.dh_group", "isakmp.nonce",
		"isakmp.notify.msgtype", "isakmp.notify.data", "isakmp.vid_string", "isakmp.enc.iv", "isakmp.enc.data",
		"isakmp.id.type", "isakmp.id.protoid", "isakmp.id.port", "isakmp.id.data", "isakmp.id.data.fqdn",
		"isakmp.id.data.ipv4_addr", "isakmp.id.data.user_fqdn", "udpencap.nat_keepalive", "udpencap.non_esp_marker"})
	// tcpdump's lines for an encrypted IKEv1 message behind the non-ESP
	// marker, UDP port 4500's keepalives, ESP and contents cut short.
	compareFramesWithTcpdump(t, frames[4:7], [][]string{{}, {"-v"}, {"-vv"}, {"-q"}})
	compareFramesWithTcpdump(t, frames[9:10], [][]string{{}, {"-v"}, {"-q"}})
}

func FuzzISAKMP(f *testing.F) {
	for _, v := range isakmpVectors {
		f.Add(mustHex(f, v.payload), v.port == 4500)
	}
	fuzzPayload(f, appUDPFrame, 500, 4500)
}
