package pcapio

import (
	"bytes"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/linktype"
)

// wSpacedHex decodes hex written as spaced bytes; on each line, the first
// word that is not a two-digit hex byte starts a comment.
func wSpacedHex(t testing.TB, s string) []byte {
	t.Helper()
	var sb strings.Builder
	for _, line := range strings.Split(s, "\n") {
		for _, f := range strings.Fields(line) {
			if _, err := hex.DecodeString(f); err != nil || len(f) != 2 {
				break
			}
			sb.WriteString(f)
		}
	}
	b, err := hex.DecodeString(sb.String())
	if err != nil {
		t.Fatalf("bad test vector: %v", err)
	}
	return b
}

// wGoldenFrame is a 14-byte Ethernet header plus 2 bytes, the packet the
// golden files carry.
var wGoldenFrame = []byte{
	0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x08, 0x00, 0xde, 0xad,
}

var wGoldenTime = time.Unix(1700000000, 123456789).UTC()

func wGoldenPcap(t testing.TB, nano bool) []byte {
	var buf bytes.Buffer
	w, err := NewPcapWriter(&buf, PcapWriterOptions{LinkType: linktype.Ethernet, SnapLen: 65535, Nano: nano})
	if err != nil {
		t.Fatal(err)
	}
	p := Packet{Data: wGoldenFrame, Length: 60, Time: wGoldenTime, HasTime: true, LinkType: linktype.Ethernet}
	if err := w.WritePacket(&p); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// wGoldenOptions are an EPB's options: opt_comment "hi", epb_flags 1
// (inbound), little-endian.
var wGoldenOptions = []byte{
	0x01, 0x00, 0x02, 0x00, 'h', 'i', 0x00, 0x00,
	0x02, 0x00, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00,
}

func wGoldenPcapNG(t testing.TB, big bool) []byte {
	var buf bytes.Buffer
	w, err := NewPcapNGWriter(&buf, PcapNGWriterOptions{UserAppl: "rawcap test", OS: "Linux", BigEndian: big})
	if err != nil {
		t.Fatal(err)
	}
	ifc := Interface{LinkType: linktype.Ethernet, SnapLen: 65535, Name: "eth0", Filter: "tcp", FCSLen: -1}
	if _, err := w.AddInterface(ifc); err != nil {
		t.Fatal(err)
	}
	p := Packet{Data: wGoldenFrame, Length: 60, Time: wGoldenTime, HasTime: true, LinkType: linktype.Ethernet,
		Options: MakeOptions(wGoldenOptions, false)}
	if err := w.WritePacket(&p); err != nil {
		t.Fatal(err)
	}
	st := InterfaceStats{Received: 10, Dropped: 1, Has: HasReceived | HasDropped,
		StartTime: wGoldenTime, EndTime: wGoldenTime.Add(time.Second)}
	if err := w.WriteStats(0, st); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGoldenBytes(t *testing.T) {
	tests := []struct {
		name string
		got  func(testing.TB) []byte
		want string
	}{
		{"pcap micro", func(t testing.TB) []byte { return wGoldenPcap(t, false) }, `
			d4 c3 b2 a1 02 00 04 00 00 00 00 00 00 00 00 00  ff ff 00 00 01 00 00 00
			00 f1 53 65 40 e2 01 00 10 00 00 00 3c 00 00 00
			00 11 22 33 44 55 66 77 88 99 aa bb 08 00 de ad`},
		{"pcap nano", func(t testing.TB) []byte { return wGoldenPcap(t, true) }, `
			4d 3c b2 a1 02 00 04 00 00 00 00 00 00 00 00 00  ff ff 00 00 01 00 00 00
			00 f1 53 65 15 cd 5b 07 10 00 00 00 3c 00 00 00
			00 11 22 33 44 55 66 77 88 99 aa bb 08 00 de ad`},
		{"pcapng", func(t testing.TB) []byte { return wGoldenPcapNG(t, false) }, wGoldenPcapNGHex},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := wSpacedHex(t, tt.want)
			got := tt.got(t)
			if diff := cmp.Diff(hex.Dump(want), hex.Dump(got)); diff != "" {
				t.Errorf("written bytes differ (-want +got):\n%s", diff)
			}
		})
	}
}

// wGoldenPcapNGHex is wGoldenPcapNG(t, false), checked with tshark 4.0 and
// capinfos (which print the comment "hi", direction inbound, interface
// eth0 with filter "tcp", nanosecond precision and one statistics entry).
const wGoldenPcapNGHex = `
	0a 0d 0d 0a 3c 00 00 00 4d 3c 2b 1a 01 00 00 00  ff ff ff ff ff ff ff ff
	03 00 05 00 4c 69 6e 75 78 00 00 00              shb_os "Linux"
	04 00 0b 00 72 61 77 63 61 70 20 74 65 73 74 00  shb_userappl "rawcap test"
	00 00 00 00 3c 00 00 00
	01 00 00 00 30 00 00 00 01 00 00 00 ff ff 00 00  IDB: Ethernet, snaplen 65535
	02 00 04 00 65 74 68 30                          if_name "eth0"
	09 00 01 00 09 00 00 00                          if_tsresol 9
	0b 00 04 00 00 74 63 70                          if_filter "tcp"
	00 00 00 00 30 00 00 00
	06 00 00 00 44 00 00 00 00 00 00 00              EPB on interface 0
	fe 9c 97 17 15 cd 85 3d 10 00 00 00 3c 00 00 00  time, caplen 16, len 60
	00 11 22 33 44 55 66 77 88 99 aa bb 08 00 de ad
	01 00 02 00 68 69 00 00 02 00 04 00 01 00 00 00  comment "hi", flags inbound
	00 00 00 00 44 00 00 00
	05 00 00 00 4c 00 00 00 00 00 00 00              ISB on interface 0
	fe 9c 97 17 15 97 20 79                          time = end time
	02 00 08 00 fe 9c 97 17 15 cd 85 3d              isb_starttime
	03 00 08 00 fe 9c 97 17 15 97 20 79              isb_endtime
	04 00 08 00 0a 00 00 00 00 00 00 00              isb_ifrecv 10
	05 00 08 00 01 00 00 00 00 00 00 00              isb_ifdrop 1
	00 00 00 00 4c 00 00 00`
