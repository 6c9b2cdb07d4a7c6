package decode_test

import (
	"testing"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// dtpFrame is the first frame of the corpus's DTP capture (without its
// Ethernet padding): a domain, a trunk status, a trunk type and a sender.
const dtpFrame = "01 00 0c cc cc cc 00 19 06 ea b8 85 00 25 aa aa 03 00 00 0c 20 04 01 00 01 00 08 4c 61 62 00 " +
	"00 02 00 05 04 00 03 00 05 40 00 04 00 0a 00 19 06 ea b8 85"

// dtpHead is the Ethernet and SNAP header of the DTP frames made for the
// tests; the 802.3 length byte follows it, then SNAP and the PDU.
const dtpHead = "01 00 0c cc cc cc 00 19 06 ea b8 85 00 "

// The DTP frames: the corpus's first one, and frames made from it whose
// TLVs tshark's walk stops at (each in its own words) or that tcpdump
// prints in its own way.
var dtpVectors = []l2Vector{{
	name:  "domain, status, type and sender",
	hex:   dtpFrame,
	layer: decode.LayerDTP,
	line:  "DTPv1, length 29",
	info:  "Dynamic Trunk Protocol",
	tree: []string{"Dynamic Trunk Protocol: Lab (Operating/Administrative): Access/Auto (0x04) (Operating/Administrative): ISL/Negotiated (0x40): 00:19:06:ea:b8:85",
		"    Version: 1", "    Domain", "        Type: Domain (0x0001)", "        Length: 8", "        Domain: Lab",
		"        Value: Access/Auto (0x04)", "            0... .... = Trunk Operating Status: Access (0x0)",
		"            .... .100 = Trunk Administrative Status: Auto (0x4)",
		"            010. .... = Trunk Operating Type: ISL (0x2)", "        Sender ID: 00:19:06:ea:b8:85"},
}, {
	name:  "trunk, 802.1Q",
	hex:   dtpHead + "25 aa aa 03 00 00 0c 20 04 01 00 01 00 08 4c 61 62 00 00 02 00 05 81 00 03 00 05 a5 00 04 00 0a 00 19 06 ea b8 85",
	layer: decode.LayerDTP,
	line:  "DTPv1, length 29",
	info:  "Dynamic Trunk Protocol",
	tree:  []string{"        Value: Trunk/On (0x81)", "        Value: 802.1Q/802.1Q (0xa5)"},
}, {
	name:  "values without names",
	hex:   dtpHead + "13 aa aa 03 00 00 0c 20 04 01 00 02 00 05 7f 00 03 00 05 ff",
	layer: decode.LayerDTP,
	line:  "DTPv1, length 11",
	info:  "Dynamic Trunk Protocol",
	tree:  []string{"        Value: Access/Unknown administrative status (0x7f)", "        Value: Unknown operating type/Unknown administrative type (0xff)"},
}, {
	name:  "unknown types, the second not a MAC address",
	hex:   dtpHead + "19 aa aa 03 00 00 0c 20 04 01 00 09 00 0a 61 62 63 64 65 66 00 05 00 06 78 79",
	layer: decode.LayerDTP,
	line:  "DTPv1, length 17",
	info:  "Dynamic Trunk Protocol",
	tree:  []string{"    Unknown TLV type: 0x09", "        Data: 61:62:63:64:65:66", "[Malformed Packet: DTP]"},
}, {
	name:  "status of a wrong length",
	hex:   dtpHead + "0f aa aa 03 00 00 0c 20 04 01 00 02 00 06 04 05",
	layer: decode.LayerDTP,
	line:  "DTPv1, length 7",
	info:  "Dynamic Trunk Protocol",
	tree:  []string{"            [Expert Info (Error/Malformed): Indicated length does not correspond to this record type]"},
}, {
	name:  "sender of a wrong length",
	hex:   dtpHead + "10 aa aa 03 00 00 0c 20 04 01 00 04 00 07 00 01 02",
	layer: decode.LayerDTP,
	line:  "DTPv1, length 8",
	info:  "Dynamic Trunk Protocol",
}, {
	name:  "length below the header's",
	hex:   dtpHead + "0d aa aa 03 00 00 0c 20 04 01 00 01 00 02",
	layer: decode.LayerDTP,
	line:  "DTPv1, length 5",
	info:  "Dynamic Trunk Protocol",
	tree:  []string{"            [Expert Info (Error/Malformed): Indicated length is less than the minimum length]"},
}, {
	name:      "length past the end",
	hex:       dtpHead + "10 aa aa 03 00 00 0c 20 04 01 00 01 00 28 4c 61 62",
	layer:     decode.LayerDTP,
	line:      "DTPv1, length 8",
	info:      "Dynamic Trunk Protocol[Malformed Packet]",
	tree:      []string{"    Version: 1", "[Malformed Packet: DTP]"},
	malformed: true,
}, {
	name:  "a TLV header cut short",
	hex:   dtpHead + "13 aa aa 03 00 00 0c 20 04 01 00 01 00 08 4c 61 62 00 00 02",
	layer: decode.LayerDTP,
	line:  "DTPv1, length 11",
	info:  "Dynamic Trunk Protocol",
	tree:  []string{"Dynamic Trunk Protocol: Lab", "    [Expert Info (Error/Malformed): DTP message is truncated prematurely]"},
}, {
	name:  "version 2 alone",
	hex:   dtpHead + "09 aa aa 03 00 00 0c 20 04 02",
	layer: decode.LayerDTP,
	line:  "DTPv2, length 1",
	info:  "Dynamic Trunk Protocol",
}, {
	name:  "empty domain",
	hex:   dtpHead + "0d aa aa 03 00 00 0c 20 04 01 00 01 00 04",
	layer: decode.LayerDTP,
	line:  "DTPv1, length 5",
	info:  "Dynamic Trunk Protocol",
}, {
	name:  "type 0 first",
	hex:   dtpHead + "12 aa aa 03 00 00 0c 20 04 01 00 00 00 04 00 02 00 05 04",
	layer: decode.LayerDTP,
	line:  "DTPv1, length 10",
	info:  "Dynamic Trunk Protocol",
	tree:  []string{"    Unknown TLV type: 0x00"},
}, {
	name:  "domain with control bytes",
	hex:   dtpHead + "1c aa aa 03 00 00 0c 20 04 01 00 01 00 09 61 01 62 e9 63 01 05 00 0a 61 62 63 64 65 66",
	layer: decode.LayerDTP,
	line:  "DTPv1, length 20",
	info:  "Dynamic Trunk Protocol",
	tree:  []string{"        Domain: a\\001b\uFFFDc", "    Unknown TLV type: 0x105"},
}, {
	name:  "domain with bytes after its NUL",
	hex:   dtpHead + "12 aa aa 03 00 00 0c 20 04 01 00 01 00 09 61 62 00 63 64",
	layer: decode.LayerDTP,
	line:  "DTPv1, length 10",
	info:  "Dynamic Trunk Protocol",
	tree:  []string{"Dynamic Trunk Protocol: ab\\000c", "        Domain: ab", "            [Expert Info (Warning/Undecoded): Trailing stray characters]"},
}, {
	name:  "domain with a backslash, DEL and a control byte",
	hex:   dtpHead + "15 aa aa 03 00 00 0c 20 04 01 00 01 00 0c 61 5c 62 7f 63 1f 64 00",
	layer: decode.LayerDTP,
	line:  "DTPv1, length 13",
	info:  "Dynamic Trunk Protocol",
}, {
	name:  "domain padded with NULs, without a NUL",
	hex:   dtpHead + "1e aa aa 03 00 00 0c 20 04 01 00 01 00 09 4c 61 62 00 00 00 02 00 05 84 00 01 00 07 4c 61 62",
	layer: decode.LayerDTP,
	line:  "DTPv1, length 22",
	info:  "Dynamic Trunk Protocol",
	tree:  []string{"Dynamic Trunk Protocol: Lab\\000 (Operating/Administrative): Trunk/Auto (0x84): La"},
}}

// TestDTP decodes the DTP vectors and checks every output of rawcap, and
// (without -short) tcpdump's one-liners in five option sets.
func TestDTP(t *testing.T) { testL2Vectors(t, dtpVectors) }

// TestDTPTreeMatchesTshark holds the DTP vectors' subtree (drawn from
// their fields) to tshark's, line for line, and draws it with 0
// allocations per packet.
func TestDTPTreeMatchesTshark(t *testing.T) {
	frames := l2Frames(t, dtpVectors)
	checkTreeAllocsNothing(t, frames, "Dynamic Trunk Protocol")
	compareSubtreeWithTshark(t, frames, "Dynamic Trunk Protocol", map[int]string{
		3: "a MAC address of the wrong length: tshark throws only where it builds a tree, so its Info says [Malformed Packet] with -T fields and not in its packet list, which rawcap's columns follow",
	})
}

// TestDTPCut cuts the corpus frame after every byte of its PDU (the 802.3
// length still saying 29): rawcap draws what is there as tshark does and
// prints tcpdump's lines.
func TestDTPCut(t *testing.T) {
	b := mustHex(t, dtpFrame)
	var frames [][]byte
	for cut := 23; cut < len(b); cut++ {
		frames = append(frames, b[:cut])
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-e"}})
	compareSubtreeWithTshark(t, frames, "Dynamic Trunk Protocol", nil)
}

// islFrame is the second frame of the corpus's DTP capture: the first
// frame's DTP PDU inside Cisco ISL (VLAN 1, BPDU bit set), the inner
// frame with its trailer and frame check sequence.
const islFrame = "01 00 0c 00 00 00 00 19 06 ea b8 85 00 4c aa aa 03 00 00 0c 00 03 00 00 00 00 01 00 0c cc cc cc " +
	"00 19 06 ea b8 85 00 25 aa aa 03 00 00 0c 20 04 01 00 01 00 08 4c 61 62 00 00 02 00 05 04 00 03 " +
	"00 05 40 00 04 00 0a 00 19 06 ea b8 85 00 00 00 00 00 00 00 00 00 f7 a7 fe 42"

// TestISLTreeMatchesTshark holds the ISL frame's tree, from ISL's header
// (drawn where tshark's Ethernet would be) to the DTP PDU, to tshark's.
func TestISLTreeMatchesTshark(t *testing.T) {
	b := mustHex(t, islFrame)
	d := decode.NewDecoder()
	var found bool
	for _, l := range d.Decode(b, linktype.Ethernet) {
		found = found || l.Type == decode.LayerISL
	}
	if !found {
		t.Fatalf("layers %v: no ISL", d.Layers())
	}
	frames := [][]byte{b}
	checkTreeAllocsNothing(t, frames, "ISL")
	compareSubtreeWithTshark(t, frames, "ISL", nil)
}

// FuzzDTP feeds DTP frames (the corpus's, plain and inside ISL, and the
// vectors) to the decoder and every printer: no panic, no bad layer,
// valid JSON.
func FuzzDTP(f *testing.F) {
	f.Add(mustHex(f, islFrame))
	fuzzL2(f, []decode.LayerType{decode.LayerDTP, decode.LayerISL}, [][]l2Vector{dtpVectors})
}
