package decode_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// l2Vector is an Ethernet frame of a link-layer protocol, as spaced hex,
// with what rawcap prints for it.
type l2Vector struct {
	name, hex string
	layer     decode.LayerType // the layer the frame must decode to
	line      string           // tcpdump's one-liner (no time stamp), or what precedes its hex lines
	info      string           // tshark's Info column
	tree      []string         // lines tshark -V prints, in order
	malformed bool
}

// The STP frames: the first BPDU of the corpus's 802.1D capture, one
// MSTP BPDU of its MSTP capture, and frames made from them.
var stpVectors = []l2Vector{{
	name: "802.1D configuration",
	hex: "01 80 c2 00 00 00 00 19 06 ea b8 85 00 26 42 42 03 00 00 00 00 00 80 01 00 19 06 ea b8 80 00 00 " +
		"00 00 80 01 00 19 06 ea b8 80 80 05 00 00 14 00 02 00 0f 00 00 00 00 00 00 00 00 00",
	layer: decode.LayerSTP,
	line:  "STP 802.1d, Config, Flags [none], bridge-id 8001.00:19:06:ea:b8:80.8005, length 35",
	info:  "Conf. Root = 32768/1/00:19:06:ea:b8:80  Cost = 0  Port = 0x8005",
	tree: []string{"Spanning Tree Protocol", "    BPDU flags: 0x00", "        0... .... = Topology Change Acknowledgment: No",
		"    Root Identifier: 32768 / 1 / 00:19:06:ea:b8:80", "        Root Bridge System ID Extension: 1",
		"    Port identifier: 0x8005", "    Max Age: 20", "    Forward Delay: 15"},
}, {
	name:  "topology change notification",
	hex:   "01 80 c2 00 00 00 00 19 06 ea b8 85 00 07 42 42 03 00 00 00 80 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00",
	layer: decode.LayerSTP,
	line:  "STP 802.1d, Topology Change",
	info:  "Topology Change Notification",
	tree:  []string{"Spanning Tree Protocol", "    BPDU Type: Topology Change Notification (0x80)"},
}, {
	name: "RSTP with TC",
	hex: "01 80 c2 00 00 00 00 19 06 ea b8 85 00 27 42 42 03 00 00 02 02 3d 80 01 00 19 06 ea b8 80 00 00 " +
		"00 04 80 01 00 19 06 ea b8 80 80 05 01 00 14 00 02 00 0f 00 00 00 00 00 00 00 00 00",
	layer: decode.LayerSTP,
	line:  "STP 802.1w, Rapid STP, Flags [Topology change, Learn, Forward], bridge-id 8001.00:19:06:ea:b8:80.8005, length 36",
	info:  "RST. TC + Root = 32768/1/00:19:06:ea:b8:80  Cost = 4  Port = 0x8005",
	tree: []string{"    BPDU flags: 0x3d, Forwarding, Learning, Port Role: Designated, Topology Change",
		"        .... 11.. = Port Role: Designated (3)", "    Message Age: 1", "    Version 1 Length: 0"},
}, {
	name: "MSTP with two MSTIs",
	hex: "01 80 c2 00 00 00 00 16 46 b5 8c 8f 00 89 42 42 03 00 00 03 02 7c 00 00 00 1f 27 b4 7d 80 00 03 " +
		"0d 40 80 00 00 16 46 b5 8c 80 80 0f 01 00 14 00 02 00 0f 00 00 00 60 00 42 72 65 77 65 72 79 00 " +
		"00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 93 57 eb b7 a8 d7 " +
		"4d d5 fe f4 f2 ba b5 05 31 aa 00 00 00 00 80 00 00 16 46 b5 8c 80 14 f8 60 01 00 1e f7 05 a8 80 " +
		"00 03 0d 40 80 80 14 fc 80 02 00 16 46 b5 8c 80 00 00 00 00 80 80 14",
	layer: decode.LayerSTP,
	line:  "STP 802.1s, Rapid STP, CIST Flags [Learn, Forward, Agreement], length 134",
	info:  "MST. Root = 0/0/00:1f:27:b4:7d:80  Cost = 200000  Port = 0x800f",
	tree: []string{"    Version 3 Length: 96", "    MST Extension", "        MST Config name: Brewery",
		"        MSTID 1, Regional Root Identifier 24576 / 00:1e:f7:05:a8:80",
		"            MSTI flags: 0xf8, Topology Change Acknowledgment, Agreement, Forwarding, Learning, Port Role: Root",
		"            0110 .... = Priority: 0x6", "            .... 0000 0000 0001 = MSTID: 1",
		"        MSTID 2, Regional Root Identifier 32768 / 00:16:46:b5:8c:80", "            Remaining hops: 20"},
}, {
	name:      "configuration cut short",
	hex:       "01 80 c2 00 00 00 00 19 06 ea b8 85 00 26 42 42 03 00 00 00 00 00 80 01 00 19 06 ea b8 80 00 00",
	layer:     decode.LayerSTP,
	line:      "STP 802.1d, Config (invalid)",
	info:      "STP",
	malformed: true,
}}

// TestSTP decodes the STP vectors and checks every output of rawcap, and
// (without -short) tcpdump's one-liners in five option sets.
func TestSTP(t *testing.T) { testL2Vectors(t, stpVectors) }

// TestSTPTreeMatchesTshark holds the STP vectors' subtree (drawn from
// their fields) to tshark's, line for line, and draws it with 0
// allocations per packet.
func TestSTPTreeMatchesTshark(t *testing.T) {
	frames := l2Frames(t, stpVectors)
	checkTreeAllocsNothing(t, frames[:len(frames)-1], "Spanning Tree Protocol")
	compareSubtreeWithTshark(t, frames, "Spanning Tree Protocol", nil)
}

func testL2Vectors(t *testing.T, vectors []l2Vector) {
	var frames [][]byte
	defer func() {
		compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-e"}, {"-q"}})
	}()
	for _, v := range vectors {
		t.Run(v.name, func(t *testing.T) {
			frame := mustHex(t, v.hex)
			frames = append(frames, frame)
			d := decode.NewDecoder()
			layers := d.Decode(frame, linktype.Ethernet)
			found := false
			for _, l := range layers {
				found = found || l.Type == v.layer
			}
			if !found {
				t.Fatalf("layers %v: no %v", layers, v.layer)
			}
			if _, bad := d.Malformed(); bad != v.malformed {
				t.Errorf("malformed %v, want %v", bad, v.malformed)
			}
			f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
			lp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
			// The line, or its beginning where a long hex dump follows
			// (tcpdump's comparison below checks the whole).
			if got := strings.TrimSuffix(string(lp.Append(nil, d, &f)), "\n"); got != v.line && !strings.HasPrefix(got, v.line+"\n") {
				t.Errorf("line:\n got %q\nwant %q", got, v.line)
			}
			cp := &decode.ColumnsPrinter{}
			if got := string(cp.Append(nil, d, &f)); !strings.Contains(got, v.info) {
				t.Errorf("columns %q lack the Info %q", got, v.info)
			}
			tree := string((&decode.TreePrinter{Location: time.UTC}).Append(nil, d, &f))
			at := 0
			for _, want := range v.tree {
				k := strings.Index(tree[at:], "\n"+want+"\n")
				if k < 0 {
					t.Errorf("-V lacks %q after byte %d:\n%s", want, at, tree)
					break
				}
				at += k + 1
			}
			js := (&decode.JSONPrinter{Location: time.UTC}).Append(nil, d, &f)
			if !json.Valid(js) {
				t.Errorf("invalid JSON: %s", js)
			}
			line := make([]byte, 0, 4096)
			jp := &decode.JSONPrinter{Location: time.UTC}
			tp := &decode.TreePrinter{Location: time.UTC}
			out := make([]byte, 0, 1<<16)
			for range 2 { // grow the printers' buffers first
				out = jp.Append(out[:0], d, &f)
				out = tp.Append(out[:0], d, &f)
			}
			if n := testing.AllocsPerRun(50, func() {
				d.Decode(frame, linktype.Ethernet)
				line = lp.Append(line[:0], d, &f)
				out = jp.Append(out[:0], d, &f)
				out = tp.Append(out[:0], d, &f)
			}); n != 0 {
				t.Errorf("decode, one-liner, JSON (the fields' emitter) and -V allocate %v times", n)
			}
		})
	}
}

// l2Layers are the link-layer protocols FuzzL2 seeds from the corpus.
var l2Layers = []decode.LayerType{decode.LayerSTP, decode.LayerLLDP, decode.LayerMPLS, decode.LayerUDLD, decode.LayerCDP, decode.LayerPPPoED, decode.LayerPPPoES, decode.LayerLACP}

// FuzzL2 feeds Ethernet frames of the link-layer protocols (seeded from
// the corpus frames holding them and the vectors) to the decoder and every
// printer: no panic, no bad layer, valid JSON.
func FuzzL2(f *testing.F) {
	fuzzL2(f, l2Layers, [][]l2Vector{stpVectors, lldpVectors, mplsVectors, udldVectors, cdpVectors, pppoeVectors, lacpVectors})
}

// fuzzL2 is the body of FuzzL2 and FuzzDTP: Ethernet frames seeded from
// the corpus frames holding one of layers and from the vectors.
func fuzzL2(f *testing.F, layers []decode.LayerType, vectors [][]l2Vector) {
	d := decode.NewDecoder()
	for _, p := range corpusPackets(f, 0) {
		if p.LinkType != linktype.Ethernet {
			continue
		}
		for _, l := range d.Decode(p.Data, p.LinkType) {
			for _, lt := range layers {
				if l.Type == lt {
					f.Add(append([]byte(nil), p.Data...))
				}
			}
		}
	}
	for _, vs := range vectors {
		for _, v := range vs {
			f.Add(mustHex(f, v.hex))
		}
	}
	lines := []*decode.LinePrinter{
		{Options: decode.LineOptions{Location: time.UTC}},
		{Options: decode.LineOptions{Location: time.UTC, Verbose: 2}},
		{Options: decode.LineOptions{Location: time.UTC, Quiet: true}},
		{Options: decode.LineOptions{Location: time.UTC, Link: true}},
	}
	jp := &decode.JSONPrinter{Location: time.UTC}
	tp := &decode.TreePrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	f.Fuzz(func(t *testing.T, frame []byte) {
		for _, l := range d.Decode(frame, linktype.Ethernet) {
			if l.Start < 0 || l.Start > l.Payload || l.Payload > l.End || l.End > len(frame) {
				t.Fatalf("bad layer %+v for %d bytes", l, len(frame))
			}
		}
		fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		for _, p := range lines {
			p.Append(nil, d, &fr)
		}
		if js := jp.Append(nil, d, &fr); !json.Valid(js) {
			t.Fatalf("invalid JSON: %s", js)
		}
		tp.Append(nil, d, &fr)
		cp.Append(nil, d, &fr)
	})
}

// The LLDP frames: one of the corpus's DCB captures (IEEE 802.1 TLVs, and
// a PFC TLV the one-liner prints in part), and frames made from it.
var lldpVectors = []l2Vector{{
	name: "802.1 TLVs",
	hex: "01 80 c2 00 00 0e 08 00 27 42 ba 59 88 cc 02 07 04 08 00 27 42 ba 59 04 07 03 08 00 27 42 ba 59 " +
		"06 02 00 78 fe 06 00 80 c2 01 00 01 fe 07 00 80 c2 02 02 00 00 fe 0e 00 80 c2 03 00 01 07 64 65 " +
		"66 61 75 6c 74 fe 0d 00 80 c2 04 08 00 00 42 42 03 00 00 00 00 00",
	layer: decode.LayerLLDP,
	line:  "LLDP, length 72",
	info:  "MA/08:00:27:42:ba:59 MA/08:00:27:42:ba:59 120 ",
	tree: []string{"Link Layer Discovery Protocol", "    Chassis Subtype = MAC address, Id: 08:00:27:42:ba:59",
		"        0000 001. .... .... = TLV Type: Chassis Id (1)", "        Port Id: 08:00:27:42:ba:59",
		"    Time To Live = 120 sec", "        Port VLAN Identifier: 1 (0x0001)",
		"            .... .0.. = Port and Protocol VLAN: Disabled", "        VLAN Name: default",
		"        Protocol Identity: 0000424203000000", "    End of LLDPDU"},
}, {
	name: "system name and capabilities",
	hex: "01 80 c2 00 00 0e 08 00 27 42 ba 59 88 cc 02 07 04 08 00 27 42 ba 59 04 06 07 46 61 30 2f 31 " +
		"06 02 00 78 0a 02 73 31 0e 04 00 14 00 04 00 00",
	layer: decode.LayerLLDP,
	line:  "LLDP, length 33: s1",
	info:  "MA/08:00:27:42:ba:59 LA/Fa0/1 120 SysN=s1 ",
	tree: []string{"    Port Subtype = Locally assigned, Id: Fa0/1", "    System Name = s1",
		"        Capabilities: 0x0014", "            .... .... ...1 .... = Router: Capable", "        Enabled Capabilities: 0x0004"},
}, {
	name:      "a TLV past the end",
	hex:       "01 80 c2 00 00 0e 08 00 27 42 ba 59 88 cc 02 07 04 08 00 27 42",
	layer:     decode.LayerLLDP,
	line:      "LLDP, length 7 [|lldp]",
	info:      "LLDP",
	malformed: true,
}}

// TestLLDP decodes the LLDP vectors and checks every output of rawcap, and
// (without -short) tcpdump's one-liners in five option sets.
func TestLLDP(t *testing.T) { testL2Vectors(t, lldpVectors) }

// TestLLDPTreeMatchesTshark holds the LLDP vectors' subtree (drawn from
// their fields) to tshark's, line for line, and draws it with 0
// allocations per packet.
func TestLLDPTreeMatchesTshark(t *testing.T) {
	frames := l2Frames(t, lldpVectors)
	// A frame with the TLVs the vectors lack: 802.1 Port and Protocol
	// VLAN ID and VLAN Name, 802.3 MAC/PHY and Maximum Frame Size, a
	// Management Address.
	frames = append(frames, mustHex(t, "01 80 c2 00 00 0e 02 00 00 00 00 01 88 cc "+
		"02 07 04 02 00 00 00 00 01 04 03 05 70 31 06 02 00 78 "+
		"fe 07 00 80 c2 02 06 00 0a fe 0b 00 80 c2 03 00 0a 04 76 6c 31 30 "+
		"fe 09 00 12 0f 01 03 6c 01 00 10 fe 06 00 12 0f 04 05 ee "+
		"10 0c 05 01 c0 00 02 01 02 00 00 00 01 00 00 00"))
	checkTreeAllocsNothing(t, frames, "Link Layer Discovery Protocol")
	compareSubtreeWithTshark(t, frames, "Link Layer Discovery Protocol",
		map[int]string{2: "cut short: tshark's malformed mark after the subtree is not drawn for LLDP (nor was it before)"})
}

// The MPLS frames: label stacks before IPv4, before bytes that are neither
// IPv4 nor IPv6, and one that never reaches its bottom.
var mplsVectors = []l2Vector{{
	name:  "one label, IPv4",
	hex:   "02 00 00 00 00 02 02 00 00 00 00 01 88 47 00 01 01 40 45 00 00 1c 00 01 00 00 40 01 66 de 0a 00 00 01 0a 00 00 02 08 00 f7 f7 00 07 00 01",
	layer: decode.LayerMPLS,
	line:  "MPLS (label 16, tc 0, [S], ttl 64) IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 7, seq 1, length 8",
	info:  "Echo (ping) request",
	tree: []string{"MultiProtocol Label Switching Header, Label: 16, Exp: 0, S: 1, TTL: 64",
		"    0000 0000 0000 0001 0000 .... .... .... = MPLS Label: 16 (0x00010)",
		"    .... .... .... .... .... ...1 .... .... = MPLS Bottom Of Label Stack: 1", "Internet Protocol Version 4, Src: 10.0.0.1, Dst: 10.0.0.2"},
}, {
	name:  "two labels, implicit null",
	hex:   "02 00 00 00 00 02 02 00 00 00 00 01 88 47 00 3e 8a ff 00 00 31 01 45 00 00 1c 00 01 00 00 40 01 66 de 0a 00 00 01 0a 00 00 02 08 00 f7 f7 00 07 00 01",
	layer: decode.LayerMPLS,
	line:  "MPLS (label 1000, tc 5, ttl 255) (label 3, tc 0, [S], ttl 1) IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 7, seq 1, length 8",
	info:  "Echo (ping) request",
	tree: []string{"MultiProtocol Label Switching Header, Label: 1000, Exp: 5, S: 0, TTL: 255",
		"MultiProtocol Label Switching Header, Label: 3 (Implicit-Null), Exp: 0, S: 1, TTL: 1",
		"    0000 0000 0000 0000 0011 .... .... .... = MPLS Label: Implicit-Null (3)"},
}, {
	name:  "unknown payload",
	hex:   "02 00 00 00 00 02 02 00 00 00 00 01 88 47 00 01 01 40 de ad be ef",
	layer: decode.LayerMPLS,
	line:  "MPLS (label 16, tc 0, [S], ttl 64)\n\t0x0000:  dead beef                                ....",
	info:  "MPLS Label Switched Packet",
	tree:  []string{"MultiProtocol Label Switching Header, Label: 16, Exp: 0, S: 1, TTL: 64", "Data (4 bytes)"},
}, {
	name:      "no bottom of stack",
	hex:       "02 00 00 00 00 02 02 00 00 00 00 01 88 47 00 01 00 40 00 01 10 3f",
	layer:     decode.LayerMPLS,
	line:      "MPLS (label 16, tc 0, ttl 64) (label 17, tc 0, ttl 63) (invalid)",
	info:      "MPLS Label Switched Packet",
	malformed: true,
}}

// TestMPLS decodes the MPLS vectors and checks every output of rawcap, and
// (without -short) tcpdump's one-liners in five option sets.
func TestMPLS(t *testing.T) { testL2Vectors(t, mplsVectors) }

// The UDLD frames: the first probe of the corpus's UDLD capture, and the
// same cut inside a TLV.
var udldVectors = []l2Vector{{
	name: "probe",
	hex: "01 00 0c cc cc cc 00 19 06 ea b8 81 00 44 aa aa 03 00 00 0c 01 11 21 03 6d 85 00 01 00 0f 46 4f " +
		"43 31 30 33 31 5a 37 4a 47 00 02 00 09 47 69 30 2f 31 00 03 00 08 00 00 00 00 00 04 00 05 07 00 " +
		"05 00 05 05 00 06 00 06 53 31 00 07 00 08 00 00 00 01",
	layer: decode.LayerUDLD,
	line:  "UDLDv1, Code Probe message (1), Flags [RT, RSY] (0x03), length 60",
	info:  "Device ID: FOC1031Z7JG  Port ID: Gi0/1  ",
	tree: []string{"Unidirectional Link Detection", "    001. .... = Version: 1", "    ...0 0001 = Opcode: Probe (1)",
		"    Flags: 3", "        .... ..1. = ReSynch: 0x1", "    Checksum: 0x6d85", "    Device ID: FOC1031Z7JG",
		"        Sent through Interface: Gi0/1", "    Type: Echo, length: 8", "        Data: 00000000",
		"    Type: Sequence number, length: 8"},
}, {
	name: "cut in a TLV",
	hex: "01 00 0c cc cc cc 00 19 06 ea b8 81 00 44 aa aa 03 00 00 0c 01 11 21 03 6d 85 00 01 00 0f 46 4f " +
		"43 31 30",
	layer:     decode.LayerUDLD,
	line:      "UDLDv1, Code Probe message (1), Flags [RT, RSY] (0x03), length 13",
	info:      "UDLD",
	malformed: true,
}}

// TestUDLD decodes the UDLD vectors and checks every output of rawcap, and
// (without -short) tcpdump's one-liners in five option sets.
func TestUDLD(t *testing.T) { testL2Vectors(t, udldVectors) }

// TestUDLDTreeMatchesTshark holds the UDLD vectors' subtree (drawn from
// their fields) to tshark's, line for line.
func TestUDLDTreeMatchesTshark(t *testing.T) {
	compareSubtreeWithTshark(t, l2Frames(t, udldVectors), "Unidirectional Link Detection",
		map[int]string{1: "a TLV cut short: tshark's malformed mark after the subtree is not drawn for UDLD (nor was it before)"})
}

// l2Frames returns the vectors' frames.
func l2Frames(t *testing.T, vectors []l2Vector) [][]byte {
	var frames [][]byte
	for _, v := range vectors {
		frames = append(frames, mustHex(t, v.hex))
	}
	return frames
}

// The CDP frames: the first of the corpus's LLDP and CDP capture, and the
// same cut inside its second TLV.
var cdpVectors = []l2Vector{{
	name: "switch announcement",
	hex: "01 00 0c cc cc cc 00 18 ba 98 68 8f 01 76 aa aa 03 00 00 0c 20 00 02 b4 0b ea 00 01 00 06 53 31 " +
		"00 05 00 c2 43 69 73 63 6f 20 49 4f 53 20 53 6f 66 74 77 61 72 65 2c 20 43 33 35 36 30 20 53 6f " +
		"66 74 77 61 72 65 20 28 43 33 35 36 30 2d 41 44 56 49 50 53 45 52 56 49 43 45 53 4b 39 2d 4d 29 " +
		"2c 20 56 65 72 73 69 6f 6e 20 31 32 2e 32 28 34 34 29 53 45 2c 20 52 45 4c 45 41 53 45 20 53 4f " +
		"46 54 57 41 52 45 20 28 66 63 31 29 0a 43 6f 70 79 72 69 67 68 74 20 28 63 29 20 31 39 38 36 2d " +
		"32 30 30 38 20 62 79 20 43 69 73 63 6f 20 53 79 73 74 65 6d 73 2c 20 49 6e 63 2e 0a 43 6f 6d 70 " +
		"69 6c 65 64 20 53 61 74 20 30 35 2d 4a 61 6e 2d 30 38 20 30 30 3a 31 35 20 62 79 20 77 65 69 6c " +
		"69 75 00 06 00 17 63 69 73 63 6f 20 57 53 2d 43 33 35 36 30 2d 32 34 54 53 00 02 00 11 00 00 00 " +
		"01 01 01 cc 00 04 00 00 00 00 00 03 00 14 46 61 73 74 45 74 68 65 72 6e 65 74 30 2f 31 33 00 04 " +
		"00 08 00 00 00 28 00 08 00 24 00 00 0c 01 12 00 00 00 00 ff ff ff ff 01 02 20 ff 00 00 00 00 00 " +
		"00 00 18 ba 98 68 80 ff 00 00 00 09 00 04 00 0a 00 06 00 01 00 0b 00 05 01 00 12 00 05 00 00 13 " +
		"00 05 00 00 16 00 11 00 00 00 01 01 01 cc 00 04 00 00 00 00 00 1a 00 10 00 00 00 01 00 00 00 00 " +
		"ff ff ff ff",
	layer: decode.LayerCDP,
	line:  "CDPv2, ttl: 180s, Device-ID 'S1'",
	info:  "Device ID: S1  Port ID: FastEthernet0/13  ",
	tree: []string{"Cisco Discovery Protocol", "    Version: 2", "    TTL: 180 seconds", "    Device ID: S1",
		"        Software version: Copyright (c) 1986-2008 by Cisco Systems, Inc.", "    Platform: cisco WS-C3560-24TS",
		"            IP Address: 0.0.0.0", "        Sent through Interface: FastEthernet0/13",
		"            .... .... .... .... .... .... ..1. .... = IGMP capable: Yes", "    Native VLAN: 1", "    Duplex: Full"},
}, {
	name:      "cut in a TLV",
	hex:       "01 00 0c cc cc cc 00 18 ba 98 68 8f 01 76 aa aa 03 00 00 0c 20 00 02 b4 0b ea 00 01 00 06 53 31 00 05 00 c2 43 69 73 63",
	layer:     decode.LayerCDP,
	line:      "CDPv2, ttl: 180s, Device-ID 'S1' (TLV length 194 > 8) (invalid)",
	info:      "CDP",
	malformed: true,
}}

// TestCDP decodes the CDP vectors and checks every output of rawcap, and
// (without -short) tcpdump's one-liners in five option sets.
func TestCDP(t *testing.T) { testL2Vectors(t, cdpVectors) }

// The PPPoE frames: the corpus's PADI, and a PADO and a session frame
// carrying IPv4 made for the test.
var pppoeVectors = []l2Vector{{
	name:  "PADI",
	hex:   "ff ff ff ff ff ff 00 0c 29 90 3a 8b 88 63 11 09 00 00 00 12 01 01 00 00 01 20 00 02 05 dc 01 03 00 04 16 37 2c 16",
	layer: decode.LayerPPPoED,
	line:  "PPPoE PADI [Service-Name] [PPP-Max-Payload 0x05DC] [Host-Uniq 0x16372C16]",
	info:  "Active Discovery Initiation (PADI)",
	tree: []string{"PPP-over-Ethernet Discovery", "    0001 .... = Version: 1", "    Code: Active Discovery Initiation (PADI) (0x09)",
		"    Payload Length: 18", "    PPPoE Tags", "        PPP-Max-Payload: 05dc", "        Host-Uniq: 16372c16"},
}, {
	name:  "PADO",
	hex:   "02 00 00 00 00 01 02 00 00 00 00 02 88 63 11 07 00 00 00 0f 01 02 00 03 61 63 31 01 03 00 04 16 37 2c 16",
	layer: decode.LayerPPPoED,
	line:  `PPPoE PADO [AC-Name "ac1"] [Host-Uniq 0x16372C16]`,
	info:  "Active Discovery Offer (PADO)",
	tree:  []string{"    Code: Active Discovery Offer (PADO) (0x07)", "        AC-Name: ac1"},
}, {
	name: "session",
	hex: "02 00 00 00 00 01 02 00 00 00 00 02 88 64 11 00 00 01 00 1e 00 21 " +
		"45 00 00 1c 00 01 00 00 40 01 66 de 0a 00 00 01 0a 00 00 02 08 00 f7 f7 00 07 00 01",
	layer: decode.LayerPPPoES,
	line:  "PPPoE  [ses 0x1] IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 7, seq 1, length 8",
	info:  "Echo (ping) request",
	tree:  []string{"PPP-over-Ethernet Session", "    Code: Session Data (0x00)", "    Session ID: 0x0001"},
}, {
	name:      "tag past the end",
	hex:       "ff ff ff ff ff ff 00 0c 29 90 3a 8b 88 63 11 09 00 00 00 12 01 01 00 00 01 20 00 08 05 dc",
	layer:     decode.LayerPPPoED,
	line:      "PPPoE PADI [len 18 > 10!] [Service-Name] [|pppoe]",
	info:      "PPPoED",
	malformed: true,
}}

// TestPPPoE decodes the PPPoE vectors and checks every output of rawcap,
// and (without -short) tcpdump's one-liners in five option sets.
func TestPPPoE(t *testing.T) { testL2Vectors(t, pppoeVectors) }

// The LACP frames, made for the test: an LACPDU, and one cut inside its
// Partner TLV.
var lacpVectors = []l2Vector{{
	name: "LACPDU",
	hex: "01 80 c2 00 00 02 02 00 00 00 00 01 88 09 01 01 01 14 80 00 02 00 00 00 00 01 00 01 80 00 00 01 " +
		"3d 00 00 00 02 14 80 00 02 00 00 00 00 02 00 01 80 00 00 02 3f 00 00 00 03 10 00 00 00 00 00 00 " +
		"00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 " +
		"00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00",
	layer: decode.LayerLACP,
	line:  "LACPv1, length 110",
	info:  "v1 ACTOR 02:00:00:00:00:01 P: 1 K: 1 **DCSG*A PARTNER 02:00:00:00:00:02 P: 2 K: 1 **DCSGSA",
	tree: []string{"Slow Protocols", "    Slow Protocols subtype: LACP (0x01)", "Link Aggregation Control Protocol",
		"    LACP Version: 0x01", "    Actor System ID: 02:00:00:00:00:01",
		"    Actor State: 0x3d, LACP Activity, Aggregation, Synchronization, Collecting, Distributing",
		"        .... ..0. = LACP Timeout: Long Timeout", "    [Actor State Flags: **DCSG*A]", "    Partner System: 02:00:00:00:00:02",
		"        .... ..1. = LACP Timeout: Short Timeout", "    TLV Type: Collector Information (0x03)", "    Collector Max Delay: 0"},
}, {
	name:      "cut in the Partner TLV",
	hex:       "01 80 c2 00 00 02 02 00 00 00 00 01 88 09 01 01 01 14 80 00 02 00 00 00 00 01 00 01 80 00 00 01 3d 00 00 00 02 14 80 00 02 00 00 00",
	layer:     decode.LayerLACP,
	line:      "LACPv1, length 30",
	info:      "v1 ACTOR 02:00:00:00:00:01 P: 1 K: 1 **DCSG*A",
	malformed: true,
}}

// TestLACP decodes the LACP vectors and checks every output of rawcap,
// and (without -short) tcpdump's one-liners in five option sets.
func TestLACP(t *testing.T) { testL2Vectors(t, lacpVectors) }

// TestLACPTreeMatchesTshark holds the LACP vectors' Slow Protocols and
// LACP subtrees (drawn from their fields) to tshark's, line for line.
func TestLACPTreeMatchesTshark(t *testing.T) {
	frames := l2Frames(t, lacpVectors)
	compareSubtreeWithTshark(t, frames, "Slow Protocols", nil)
	compareSubtreeWithTshark(t, frames, "Link Aggregation Control Protocol",
		map[int]string{1: "cut in the Partner TLV: tshark's malformed mark after the subtree is not drawn for LACP"})
}
