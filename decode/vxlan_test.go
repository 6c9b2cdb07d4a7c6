package decode_test

import (
	"strings"

	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rawcap/rawcap/decode"
)

// vxlanVectors are UDP payloads to port 4789 (RFC 7348 headers before an
// Ethernet frame holding an ICMP echo request); want is tcpdump 4.99's
// output, the inner packet on a line of its own.
var vxlanVectors = []appVector{
	{name: "vni-100", tcp: false, sport: 40000, dport: 4789, hex: "08 00 00 00 00 00 64 00 02 00 00 00 00 12 02 00 00 00 00 11 08 00 45 00  " +
		"00 24 00 01 40 00 40 01 b9 84 c0 a8 00 01 c0 a8 00 02 08 00 66 68 00 01  " +
		"00 01 61 62 63 64 65 66 67 68",
		want: "VXLAN, flags [I] (0x08), vni 100\nIP 192.168.0.1 > 192.168.0.2: ICMP echo request, id 1, seq 1, length 16"},
	{name: "flags-0c-max-vni", tcp: false, sport: 40000, dport: 4789, hex: "0c 00 00 00 ff ff ff 00 02 00 00 00 00 12 02 00 00 00 00 11 08 00 45 00  " +
		"00 24 00 01 40 00 40 01 b9 84 c0 a8 00 01 c0 a8 00 02 08 00 66 68 00 01  " +
		"00 01 61 62 63 64 65 66 67 68",
		want: "VXLAN, flags [I] (0x0c), vni 16777215\nIP 192.168.0.1 > 192.168.0.2: ICMP echo request, id 1, seq 1, length 16"},
	{name: "no-i-flag", tcp: false, sport: 40000, dport: 4789, hex: "00 00 00 00 00 00 07 00 02 00 00 00 00 12 02 00 00 00 00 11 08 00 45 00  " +
		"00 24 00 01 40 00 40 01 b9 84 c0 a8 00 01 c0 a8 00 02 08 00 66 68 00 01  " +
		"00 01 61 62 63 64 65 66 67 68",
		want: "VXLAN, flags [invalid] (0x00), vni 7\nIP 192.168.0.1 > 192.168.0.2: ICMP echo request, id 1, seq 1, length 16"},
	{name: "short", tcp: false, sport: 40000, dport: 4789, hex: "08 00 00 00 00",
		want: "VXLAN (invalid)"},
	{name: "header-only", tcp: false, sport: 40000, dport: 4789, hex: "08 00 00 00 00 00 64 00",
		want: "VXLAN, flags [I] (0x08), vni 100\n [|ether]"},
}

// TestVXLANVectors checks each vector's text after the outer UDP ports
// against want, and the whole output by default, with -v, -q and -e
// against tcpdump's.
func TestVXLANVectors(t *testing.T) {
	var frames [][]byte
	d := decode.NewDecoder()
	for i, v := range vxlanVectors {
		frames = append(frames, appFrame(mustHex(t, v.hex), v.sport, v.dport, v.tcp))
		p := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
		_, got, _ := strings.Cut(lineFor(d, p, frames[i], i+1), ": ")
		if diff := cmp.Diff(v.want+"\n", got); diff != "" {
			t.Errorf("%s: line (-want +got):\n%s", v.name, diff)
		}
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-q"}, {"-e"}, {"-e", "-v"}})
}

func TestVXLANView(t *testing.T) {
	v, err := decode.ParseVXLAN(mustHex(t, "0c 00 12 34 ab cd ef 00"))
	if err != nil {
		t.Fatal(err)
	}
	if v.Flags() != 0x0c || v.GroupPolicyID() != 0x1234 || v.VNI() != 0xabcdef {
		t.Errorf("flags %#x gpid %#x vni %#x, want 0xc 0x1234 0xabcdef", v.Flags(), v.GroupPolicyID(), v.VNI())
	}
	if _, err := decode.ParseVXLAN(mustHex(t, "08 00 00 00 00 00 64")); err != decode.ReasonTruncated {
		t.Errorf("7 bytes: err %v, want %v", err, decode.ReasonTruncated)
	}
}

// FuzzVXLAN feeds UDP payloads on port 4789 to the decoder and printers.
func FuzzVXLAN(f *testing.F) { fuzzApp(f, decode.LayerVXLAN, 4789, false, vxlanVectors) }
