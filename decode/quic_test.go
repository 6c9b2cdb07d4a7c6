package decode_test

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"encoding/hex"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// Facts from RFC 9001 Appendix A: the client's Destination Connection ID,
// both sides' Initial keys, IVs and header protection keys (A.1), the
// client Initial's CRYPTO frame, a ClientHello for example.com (A.2), and
// the server Initial's ACK and CRYPTO frames, a ServerHello (A.3).
const (
	rfcClientKey = "1f369613dd76d5467730efcbe3b1a22d"
	rfcClientIV  = "fa044b2f42a3fd3b46fb255c"
	rfcClientHP  = "9f50449e04a0e810283a1e9933adedd2"
	rfcServerKey = "cf3a5331653c364c88f0f379b6067e37"
	rfcServerIV  = "0ac1493ca1905853b0bba03e"
	rfcServerHP  = "c206b8d9b9f0f37644430b490eeaa314"

	rfcClientCrypto = "060040f1010000ed0303ebf8fa56f12939b9584a3896472ec40bb863cfd3e86804fe3a47f06a2b69484c" +
		"00000413011302010000c000000010000e00000b6578616d706c652e636f6dff01000100000a00080006001d0017" +
		"001800100007000504616c706e000500050100000000003300260024001d00209370b2c9caa47fbabaf4559fedba75" +
		"3de171fa71f50f1ce15d43e994ec74d748002b0003020304000d0010000e0403050306030203080408050806002d00" +
		"020101001c00024001003900320408ffffffffffffffff05048000ffff07048000ffff0801100104800075300901100f" +
		"088394c8f03e51570806048000ffff"
	// The client Initial's header before protection: version 1, DCID
	// 8394c8f03e515708, no SCID, no token, Length 1182, packet number 2.
	rfcClientHeader = "c300000001088394c8f03e5157080000449e00000002"
	// The protected header and the header protection sample A.2 gives.
	rfcClientProtectedHeader = "c000000001088394c8f03e5157080000449e7b9aec34"
	rfcClientSample          = "d1b1c98dd7689fb8ec11d242b123dc9b"

	rfcServerPayload = "02000000000600405a020000560303eefce7f7b37ba1d1632e96677825ddf73988cfc79825df566dc5430b9a04" +
		"5a1200130100002e00330024001d00209d3c940d89690b84d08a60993c144eca684d1081287c834d5311bcf32bb9da1a" +
		"002b00020304"
	// The server Initial's header: no DCID, SCID f067a5502a4262b5, Length
	// 117, packet number 1 in two bytes.
	rfcServerHeader          = "c1000000010008f067a5502a4262b5004075" + "0001"
	rfcServerProtectedHeader = "cf000000010008f067a5502a4262b5004075c0d9"
)

func quicHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// protectInitial seals payload under the header hdr (whose last pnLen
// bytes are the packet number) with AES-128-GCM and applies header
// protection (RFC 9001 sections 5.3 and 5.4): what a QUIC endpoint sends.
func protectInitial(t testing.TB, hdr, payload []byte, pnLen int, key, iv, hp string) []byte {
	t.Helper()
	kb, err := aes.NewCipher(quicHex(t, key))
	if err != nil {
		t.Fatal(err)
	}
	aead, err := cipher.NewGCM(kb)
	if err != nil {
		t.Fatal(err)
	}
	nonce := quicHex(t, iv)
	pnOff := len(hdr) - pnLen
	for i := 0; i < pnLen; i++ {
		nonce[len(nonce)-pnLen+i] ^= hdr[pnOff+i]
	}
	pkt := aead.Seal(append([]byte(nil), hdr...), nonce, payload, hdr)
	hb, err := aes.NewCipher(quicHex(t, hp))
	if err != nil {
		t.Fatal(err)
	}
	var mask [16]byte
	hb.Encrypt(mask[:], pkt[pnOff+4:pnOff+20])
	pkt[0] ^= mask[0] & 0x0f
	for i := 0; i < pnLen; i++ {
		pkt[pnOff+i] ^= mask[1+i]
	}
	return pkt
}

// rfcClientInitial is the client Initial of RFC 9001 A.2: the CRYPTO
// frame padded to 1162 bytes, in a 1200-byte datagram.
func rfcClientInitial(t testing.TB) []byte {
	payload := make([]byte, 1162)
	copy(payload, quicHex(t, rfcClientCrypto))
	return protectInitial(t, quicHex(t, rfcClientHeader), payload, 4, rfcClientKey, rfcClientIV, rfcClientHP)
}

// rfcServerInitial is the server Initial of RFC 9001 A.3.
func rfcServerInitial(t testing.TB) []byte {
	return protectInitial(t, quicHex(t, rfcServerHeader), quicHex(t, rfcServerPayload), 2, rfcServerKey, rfcServerIV, rfcServerHP)
}

func TestQUICInitialProtection(t *testing.T) {
	c := rfcClientInitial(t)
	if len(c) != 1200 {
		t.Fatalf("client Initial: %d bytes, want 1200", len(c))
	}
	if got := hex.EncodeToString(c[:22]); got != rfcClientProtectedHeader {
		t.Errorf("client Initial header %s, want RFC 9001's %s", got, rfcClientProtectedHeader)
	}
	if got := hex.EncodeToString(c[22:38]); got != rfcClientSample {
		t.Errorf("client Initial sample %s, want RFC 9001's %s", got, rfcClientSample)
	}
	s := rfcServerInitial(t)
	if got := hex.EncodeToString(s[:20]); got != rfcServerProtectedHeader {
		t.Errorf("server Initial header %s, want RFC 9001's %s", got, rfcServerProtectedHeader)
	}
}

// quicFlow is a QUIC connection's packets as a client (192.0.2.1:50000)
// and a server (192.0.2.2:443) exchange them: the RFC 9001 Initials, a
// Handshake packet, 1-RTT packets each way, a Version Negotiation packet,
// and an Initial cut short.
func quicFlow(t testing.TB) (frames [][]byte, info []string) {
	server := quicHex(t, "f067a5502a4262b5")
	hs := append(quicHex(t, "e000000001"+"08f067a5502a4262b5"+"00"+"4016"), bytes.Repeat([]byte{0x5a}, 22)...)
	short := append(append([]byte{0x41}, server...), bytes.Repeat([]byte{0x33}, 24)...)
	shortBack := append([]byte{0x61}, bytes.Repeat([]byte{0x44}, 30)...)
	vn := quicHex(t, "80000000000008"+"8394c8f03e515708"+"00000001"+"1a2a3a4a")
	client := rfcClientInitial(t)
	for _, p := range []struct {
		payload    []byte
		fromServer bool
		info       string
	}{
		{client, false, "Initial, DCID=8394c8f03e515708, PKN: 2, CRYPTO, PADDING"},
		{rfcServerInitial(t), true, "Initial, SCID=f067a5502a4262b5, PKN: 1, ACK, CRYPTO"},
		{hs, false, "Handshake, DCID=f067a5502a4262b5"},
		{short, false, "Protected Payload (KP0), DCID=f067a5502a4262b5"},
		{shortBack, true, "Protected Payload (KP0)"},
		{vn, true, "Version Negotiation, SCID=8394c8f03e515708"},
	} {
		sport, dport := uint16(50000), uint16(443)
		if p.fromServer {
			sport, dport = dport, sport
		}
		fr := appFrame(p.payload, sport, dport, false)
		if p.fromServer { // the addresses the other way round
			copy(fr[26:30], []byte{192, 0, 2, 2})
			copy(fr[30:34], []byte{192, 0, 2, 1})
		} else {
			copy(fr[26:30], []byte{192, 0, 2, 1})
			copy(fr[30:34], []byte{192, 0, 2, 2})
		}
		putChecksum(fr[14:34], 10)
		frames = append(frames, fr)
		info = append(info, p.info)
	}
	return frames, info
}

// TestQUICFlow decodes the flow: each row's Info as tshark shows it, the
// ClientHello's server name in -V and JSON, and tcpdump's lines.
func TestQUICFlow(t *testing.T) {
	frames, info := quicFlow(t)
	defer func() { compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-q"}, {"-e"}}) }()
	d := decode.NewDecoder()
	cp := &decode.ColumnsPrinter{}
	tp := &decode.TreePrinter{Location: time.UTC}
	for i, fr := range frames {
		d.Decode(fr, linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: time.Unix(1700000000+int64(i), 0), Length: len(fr)}
		row := string(cp.Append(nil, d, &f))
		if !strings.Contains(row, "QUIC") || !strings.HasSuffix(strings.TrimSuffix(row, "\n"), info[i]) {
			t.Errorf("packet %d: row %q, want Info %q", i+1, row, info[i])
		}
		tree := string(tp.Append(nil, d, &f))
		switch i {
		case 0:
			for _, want := range []string{"\nQUIC IETF\n", "    Packet Number: 2\n", "                Server Name: example.com\n",
				"    [Protocols in frame: eth:ethertype:ip:udp:quic:tls]\n", "            Handshake Protocol: Client Hello\n"} {
				if !strings.Contains(tree, want) {
					t.Errorf("client Initial: -V lacks %q:\n%s", want, tree)
				}
			}
		case 1:
			if !strings.Contains(tree, "                Cipher Suite: TLS_AES_128_GCM_SHA256 (0x1301)\n") {
				t.Errorf("server Initial: -V lacks the ServerHello's cipher suite:\n%s", tree)
			}
		}
	}
}

// TestQUICMatchesTshark compares the flow's -V lines and columns with
// tshark's: every line rawcap prints is tshark's, in tshark's order.
func TestQUICMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	frames, _ := quicFlow(t)
	path := writeTestPcap(t, frames)
	cmd := exec.Command("tshark", "-n", "-V", "-r", path)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	theirs := appTreeFrames(string(out))
	if len(theirs) != len(frames) {
		t.Fatalf("tshark printed %d frames, want %d", len(theirs), len(frames))
	}
	cmd = exec.Command("tshark", "-n", "-r", path)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	rows, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	tsRows := strings.Split(strings.TrimRight(string(rows), "\n"), "\n")
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	matched, total := 0, 0
	for i, fr := range frames {
		d.Decode(fr, linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: time.Unix(1700000000+int64(i), 0), Length: len(fr)}
		row := strings.TrimSuffix(string(cp.Append(nil, d, &f)), "\n")
		if strings.Join(strings.Fields(row)[2:], " ") != strings.Join(strings.Fields(tsRows[i])[2:], " ") {
			t.Errorf("packet %d: columns\n tshark %s\n rawcap %s", i+1, tsRows[i], row)
		}
		mine := quicSubtree(string(tp.Append(nil, d, &f)))
		want := quicSubtree("Frame " + theirs[i])
		k := 0
		for _, line := range mine {
			for k < len(want) && want[k] != line {
				k++
			}
			if k == len(want) {
				t.Errorf("packet %d: rawcap line %q is not tshark's (in order):\n%s", i+1, line, strings.Join(want, "\n"))
				break
			}
			k++
		}
		matched += len(mine)
		total += len(want)
	}
	t.Logf("QUIC subtrees: rawcap prints %d of tshark's %d lines", matched, total)
}

// quicSubtree returns the lines of a tree from "QUIC IETF" on.
func quicSubtree(tree string) []string {
	lines := strings.Split(strings.TrimRight(tree, "\n"), "\n")
	for i, l := range lines {
		if l == "QUIC IETF" {
			return lines[i:]
		}
	}
	return nil
}

// TestQUICNoAllocations checks that, once a decoder has derived a
// connection's keys, decoding the flow's packets and printing them (-V,
// columns, JSON, -T fields, one-liner) allocates nothing, decryption
// included.
func TestQUICNoAllocations(t *testing.T) {
	frames, _ := quicFlow(t)
	d := decode.NewDecoder()
	fp, err := decode.NewFieldsPrinter([]string{"quic.dcid", "quic.packet_number", "quic.frame_type", "frame.protocols"})
	if err != nil {
		t.Fatal(err)
	}
	printers := []interface {
		Append([]byte, *decode.Decoder, *decode.Frame) []byte
	}{&decode.TreePrinter{Location: time.UTC}, &decode.ColumnsPrinter{}, &decode.JSONPrinter{Location: time.UTC}, fp,
		&decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC}}}
	buf := make([]byte, 0, 64<<10)
	for i, fr := range frames { // warm up: keys, buffers, tables
		d.Decode(fr, linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: time.Unix(1700000000, 0), Length: len(fr)}
		for _, p := range printers {
			buf = p.Append(buf[:0], d, &f)
		}
	}
	f := &decode.Frame{Number: len(frames), Time: time.Unix(1700000000, 0)}
	for i, fr := range frames {
		if a := testing.AllocsPerRun(20, func() {
			f.Number++
			f.Length = len(fr)
			d.Decode(fr, linktype.Ethernet)
			for _, p := range printers {
				buf = p.Append(buf[:0], d, f)
			}
		}); a != 0 {
			t.Errorf("packet %d: decode and print allocate %v times", i+1, a)
		}
	}
}

// quicVectors are QUIC payloads on UDP 443 for the fuzz target: the RFC
// Initials, a Handshake, Retry and Version Negotiation packet, short
// headers, and cut ones.
var quicVectors = []appVector{
	{name: "handshake", hex: "e0 00 00 00 01 08 f0 67 a5 50 2a 42 62 b5 00 40 16 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a"},
	{name: "retry", hex: "f0 00 00 00 01 00 08 e1 05 1e aa 7a df b2 30 45 60 cf e2 6e 2d 3d ed 33 fc 90 c0 79 b4 52 1a 8f 14 c1 6f e0 5c 7a ed fc dd 1f cc 59 7a 8e e8"},
	{name: "version negotiation", hex: "80 00 00 00 00 00 08 83 94 c8 f0 3e 51 57 08 00 00 00 01 1a 2a 3a 4a"},
	{name: "short", hex: "41 f0 67 a5 50 2a 42 62 b5 33 33 33 33"},
	{name: "cut long header", hex: "c0 00 00 00 01 14 83 94"},
	{name: "Length past the datagram", hex: "c0 00 00 00 01 00 00 00 7f ff 00"},
	{name: "one byte", hex: "c0"},
}

func FuzzQUIC(f *testing.F) {
	f.Add(rfcClientInitial(f))
	f.Add(rfcServerInitial(f))
	fuzzApp(f, decode.LayerQUIC, 443, false, quicVectors)
}

// TestQUICSubtreeMatchesTshark holds the flow's QUIC subtrees, drawn by the
// generic tree from the fields emitQUIC emits (the TLS hello of a CRYPTO
// frame inside it), to tshark's line for line.
func TestQUICSubtreeMatchesTshark(t *testing.T) {
	frames, _ := quicFlow(t)
	hello := "TLS extension bodies rawcap's TLS does not draw (supported groups, key share, status request, renegotiation info) and JA3"
	compareSubtreeWithTshark(t, frames, "QUIC IETF", map[int]string{
		0: hello,
		1: hello,
		3: "the first short header packet of a side: tshark's expert for the 1-RTT decryption context it fails to create once per side, which rawcap does not track",
	})
}

// TestQUICTreeAllocatesNothing draws the client Initial's QUIC subtree,
// its frames and TLS hello included, with 0 allocations per packet.
func TestQUICTreeAllocatesNothing(t *testing.T) {
	frames, _ := quicFlow(t)
	checkTreeAllocsNothing(t, frames[:1], "QUIC IETF")
}
