package decode_test

import (
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// geneveFrame builds Ethernet / IPv4 / UDP 6081 / geneve (hex, spaced) /
// an inner Ethernet frame carrying an IPv4 ICMP echo request, with correct
// IP and ICMP checksums (UDP's is zero: none).
func geneveFrame(t *testing.T, geneve string) []byte {
	t.Helper()
	inner := mustHex(t, "02 00 00 00 00 02 02 00 00 00 00 01 08 00 "+
		"45 00 00 1c 00 01 00 00 40 01 00 00 0a 00 00 01 0a 00 00 02 "+
		"08 00 00 00 00 07 00 01")
	g := mustHex(t, geneve)
	udpLen := 8 + len(g) + len(inner)
	ipLen := 20 + udpLen
	outer := mustHex(t, "02 00 00 00 00 0b 02 00 00 00 00 0a 08 00 "+
		"45 00 00 00 00 01 40 00 40 11 00 00 c0 00 02 01 c0 00 02 02 "+
		"30 39 17 c1 00 00 00 00")
	outer[16], outer[17] = byte(ipLen>>8), byte(ipLen)
	outer[38], outer[39] = byte(udpLen>>8), byte(udpLen)
	putChecksum(outer[14:34], 10)
	putChecksum(inner[14:34], 10)
	putChecksum(inner[34:], 2)
	return append(append(outer, g...), inner...)
}

// putChecksum writes the Internet checksum of b at b[at:at+2].
func putChecksum(b []byte, at int) {
	b[at], b[at+1] = 0, 0
	var sum uint32
	for i := 0; i+1 < len(b); i += 2 {
		sum += uint32(b[i])<<8 | uint32(b[i+1])
	}
	if len(b)%2 == 1 {
		sum += uint32(b[len(b)-1]) << 8
	}
	for sum > 0xffff {
		sum = sum>>16 + sum&0xffff
	}
	b[at], b[at+1] = byte(^sum>>8), byte(^sum)
}

func TestGeneve(t *testing.T) {
	var frames [][]byte
	defer func() {
		// The same frames through tcpdump, in each verbosity.
		compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-e"}, {"-q"}})
	}()
	for _, tc := range []struct {
		name, geneve string
		line, vline  string
		fields       string // -T fields of the geneve.* fields below
		malformed    bool
	}{{
		name:   "no options",
		geneve: "00 00 65 58 00 00 0b 00",
		line:   "IP 192.0.2.1.12345 > 192.0.2.2.6081: Geneve, Flags [none], vni 0xb: IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 7, seq 1, length 8",
		vline:  "Geneve, Flags [none], vni 0xb\n\t",
		fields: "0\t0x00\t0\t0x6558\t0x00000b\t\t",
	}, {
		name:   "a critical option",
		geneve: "02 40 65 58 00 00 0a 00 00 00 80 01 00 00 00 0c",
		line:   "IP 192.0.2.1.12345 > 192.0.2.2.6081: Geneve, Flags [C], vni 0xa, options [8 bytes]: IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 7, seq 1, length 8",
		vline:  "Geneve, Flags [C], vni 0xa, options [class Standard (0x0) type 0x80(C) len 8]\n\t",
		fields: "0\t0x40\t1\t0x6558\t0x00000a\t0x0000\t0x80",
	}, {
		name:      "options past the end",
		geneve:    "3f 00 65 58 00 00 0a 00",
		line:      "IP 192.0.2.1.12345 > 192.0.2.2.6081: Geneve, Flags [none], vni 0xa truncated-geneve - 210 bytes missing",
		malformed: true,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			frame := geneveFrame(t, tc.geneve)
			frames = append(frames, frame)
			d := decode.NewDecoder()
			layers := d.Decode(frame, linktype.Ethernet)
			var types []decode.LayerType
			for _, l := range layers {
				types = append(types, l.Type)
			}
			if _, bad := d.Malformed(); bad != tc.malformed {
				t.Fatalf("layers %v: malformed %v, want %v", types, bad, tc.malformed)
			}
			if !tc.malformed && (len(layers) < 7 || layers[3].Type != decode.LayerGeneve || layers[4].Type != decode.LayerEthernet) {
				t.Fatalf("layers %v: want Geneve then the inner Ethernet frame", types)
			}
			f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
			lp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
			if got := strings.TrimSuffix(string(lp.Append(nil, d, &f)), "\n"); got != tc.line {
				t.Errorf("line:\n got %q\nwant %q", got, tc.line)
			}
			if tc.malformed {
				return
			}
			vp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone, Verbose: 1}}
			if got := string(vp.Append(nil, d, &f)); !strings.Contains(got, tc.vline) {
				t.Errorf("-v line %q lacks %q", got, tc.vline)
			}
			fp, err := decode.NewFieldsPrinter([]string{"geneve.version", "geneve.flags", "geneve.flags.critical",
				"geneve.proto_type", "geneve.vni", "geneve.option.class", "geneve.option.type"})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSuffix(string(fp.Append(nil, d, &f)), "\n"); got != tc.fields {
				t.Errorf("-T fields:\n got %q\nwant %q", got, tc.fields)
			}
			tree := string((&decode.TreePrinter{Location: time.UTC}).Append(nil, d, &f))
			if !strings.Contains(tree, "\nGeneric Network Virtualization Encapsulation, VNI: 0x") {
				t.Errorf("-V has no Geneve subtree:\n%s", tree)
			}
			if n := testing.AllocsPerRun(50, func() { d.Decode(frame, linktype.Ethernet) }); n != 0 {
				t.Errorf("decoding allocates %v times", n)
			}
		})
	}
}
