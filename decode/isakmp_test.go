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
	// tcpdump's lines for these: TestISAKMPLineMatchesTcpdump.
}

// ikeLineVectors are ISAKMP messages on UDP port 500, generated to hold
// tcpdump's words for each kind of payload (IKEv2's SA with proposals of
// several protocols and transforms of every type, its other payloads with
// their data at every verbosity, IKEv1's SA with ISAKMP's, ESP's, AH's and
// IPComp's transforms and their attributes, identifications of each type,
// encrypted messages, flags) to rawcap's one-liner.
var ikeLineVectors = []struct {
	name, payload string
}{
	{name: "IKEv2 SA, ESP and AH proposals",
		payload: "a88875a8198992a600000000000000002120220800000000000000870000006b000000670103040adeadbeef03000008010000030300000c0100000c800e0100030000080100001403000008020000040300000803000005030000080400000e030000080400001e030000080500000103000008070000090000000f0100000c00050003616263"},
	{name: "IKEv2 SA, two proposals",
		payload: "a88875a8198992a6000000000000000021202420000000030000005000000034020000140103040101020304000000080100000c0000001c020204020506070803000008030000020000000805000000"},
	{name: "IKEv2 payloads",
		payload: "a88875a8198992a6000000000000000022202308000000010000015028000030000e00000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627282900000c61626364656667682900000c03044009112233442b0000100000400661626364656667682300000e7374726f6e675377616e2400001402000000686f73742e6578616d706c652700000c01000000c000020125000030020000000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627282600000d0461626364656667682c00000d0461626364656667682d00001801000000070000100000ffff0a0000000a0000ff2f00000c61626364656667683000000c61626364656667682a00000c61626364656667683200000c03040001010203042900000c61626364656667682900000800000018000000080000a001"},
	{name: "IKEv2 IDs and a short nonce",
		payload: "a88875a8198992a600000000000000002320232000000001000000562400000c0300000061406201230000100b0000006162636465666768280000180500000000000000000000000000000000000000000000060102"},
	{name: "IKEv2 encrypted, critical",
		payload: "a88875a8198992a600000000000000002e20252800000009000000482980002c0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728"},
	{name: "IKEv1 SA, ISAKMP transforms",
		payload: "9e89f2388f90bc1e00000000000000000110020000000000000000880d00006000000001000000010000005401010002030000340101000080010007800e0080800200048003fde98004000e80050001800b0001000c00040001518080100005800d00010000001802010000800100058002000280030001800400020000000c6162636465666768"},
	{name: "IKEv1 SA, ESP, AH and IPComp proposals",
		payload: "9e89f2388f90bc1e000000000000000001102000112233440000009a0000007e00000001000000010200003c01030402cafebabe03000024010c0000800100018002708080030002800400018005000280060100800a00010000000c0203000080050001020000240102040201020304030000100103000080040001800500020000000802070000000000120104020112340000000801020000"},
	{name: "IKEv1 payloads",
		payload: "9e89f2388f90bc1e00000000000000000410040000000000000001440a00002c0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627280500000c61626364656667680500000c011101f40a000001050000130200000076706e2e6578616d706c650500000d03000000614062008005000010040600500a000000ffffff00050000180500000020010db800000000000000000000000105000010070000000a0000010a000009080000100b00000061626364656667680900000c61626364656667680d00002c0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627281400002c0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627288200000c61626364656667680000000c6162636465666768"},
	{name: "IKEv1 encrypted informational",
		payload: "9e89f2388f90bc1e00000000000000000810050300000007000000480000002c0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728"},
	{name: "IKEv1 new group, no payloads",
		payload: "9e89f2388f90bc1e000000000000000000102104000000010000001c"},
	{name: "IKEv1 informational: certificates, notifications, deletions",
		payload: "9e89f2388f90bc1e00000000000000000610050000000055000000d407000011040102030401020304010203040b0000090b010203040b000010000000010304000e010203040b00000c00000001010060020b0000100000000101006001000000000b0000180000000101006000800b0001000c0004010203040b00000c00000000010060010c00001200000001020040016162636465660c000014000000010304000201020304050607080b00001c0000000001100001000000000000000000000000000000000000000c0000000101009c40"},
}

// TestISAKMPLineMatchesTcpdump holds rawcap's one-liner to tcpdump's for
// the vectors above, whole and cut every third byte (the message then
// claims more than the datagram holds: tcpdump marks the payload it cannot
// read and the length mismatch), for isakmpVectors, and for datagrams whose
// UDP header claims more than the IP packet holds.
func TestISAKMPLineMatchesTcpdump(t *testing.T) {
	var frames [][]byte
	for k, v := range ikeLineVectors {
		b := mustHex(t, v.payload)
		frames = append(frames, appUDPFrame(t, 500, 500, b))
		for cut := 20; cut < len(b); cut += 3 {
			frames = append(frames, appUDPFrame(t, uint16(501+k), 500, b[:cut]))
		}
	}
	for k, v := range isakmpVectors {
		frames = append(frames, appUDPFrame(t, uint16(40000+k), v.port, mustHex(t, v.payload)))
	}
	// A UDP header claiming 20 bytes more than the IP packet holds:
	// tcpdump hands ISAKMP's ports to their printer before it checks.
	for _, k := range []int{0, 5, 6, 8} {
		v := isakmpVectors[k]
		frame := appUDPFrame(t, 500, v.port, mustHex(t, v.payload))
		n := int(frame[38])<<8 | int(frame[39]) + 20
		frame[38], frame[39] = byte(n>>8), byte(n)
		frames = append(frames, frame)
	}
	// Messages quoted in an ICMP error: tcpdump prints them there too.
	for _, k := range []int{0, 3} {
		frames = append(frames, icmpQuoting(appUDPFrame(t, 500, 500, mustHex(t, ikeLineVectors[k].payload))))
	}
	d := decode.NewDecoder()
	buf := make([]byte, 0, 1<<16)
	for v := range 4 {
		lp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone, Verbose: v}}
		for _, frame := range frames {
			f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
			if n := testing.AllocsPerRun(5, func() {
				d.Decode(frame, linktype.Ethernet)
				buf = lp.Append(buf[:0], d, &f)
			}); n != 0 {
				t.Fatalf("the one-liner at verbosity %d allocates %v times: %q", v, n, buf)
			}
		}
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-vvv"}, {"-q"}})
}

func FuzzISAKMP(f *testing.F) {
	for _, v := range isakmpVectors {
		f.Add(mustHex(f, v.payload), v.port == 4500)
	}
	for _, v := range ikeLineVectors {
		f.Add(mustHex(f, v.payload), false)
	}
	fuzzPayload(f, appUDPFrame, 500, 4500)
}

// TestISAKMPLineMutated prints every vector with each byte set to a few
// values (lengths, counts and types gone wrong), at every verbosity: what
// tcpdump's printer reads past a payload is marked, never read.
func TestISAKMPLineMutated(t *testing.T) {
	d := decode.NewDecoder()
	var lps []*decode.LinePrinter
	for v := range 4 {
		lps = append(lps, &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone, Verbose: v}})
	}
	buf := make([]byte, 0, 1<<16)
	for _, v := range ikeLineVectors {
		b := mustHex(t, v.payload)
		for k := range b {
			for _, c := range []byte{0, 1, 4, 8, 0x80, 0xff} {
				m := append([]byte(nil), b...)
				m[k] = c
				frame := appUDPFrame(t, 500, 500, m)
				d.Decode(frame, linktype.Ethernet)
				f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
				for _, lp := range lps {
					buf = lp.Append(buf[:0], d, &f)
				}
			}
		}
	}
}

// icmpQuoting returns an Ethernet frame carrying an ICMP port unreachable
// from the receiver of frame's IPv4 packet, quoting that packet whole.
func icmpQuoting(frame []byte) []byte {
	inner := frame[14:]
	icmp := append([]byte{3, 3, 0, 0, 0, 0, 0, 0}, inner...)
	putChecksum(icmp, 2)
	ip := []byte{0x45, 0, 0, 0, 0, 1, 0, 0, 64, 1, 0, 0}
	ip = append(append(ip, inner[16:20]...), inner[12:16]...)
	n := len(ip) + len(icmp)
	ip[2], ip[3] = byte(n>>8), byte(n)
	putChecksum(ip, 10)
	out := append([]byte(nil), frame[:14]...)
	return append(append(out, ip...), icmp...)
}
