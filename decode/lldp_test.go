package decode_test

import (
	"encoding/hex"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// lldpHead is an LLDP frame's Ethernet header and its Chassis ID, Port ID
// and Time To Live TLVs, as the corpus's tests_dcb_* captures send them.
const lldpHead = "0180c200000e0800270df13c88cc" + "0207040800270df13c" + "0407030800270df13c" + "06020078"

// lldpDCBVectors are LLDPDUs with the IEEE 802.1 data center bridging TLVs
// (Congestion Notification, Priority Flow Control Configuration,
// Application Protocol): the corpus's (tests_dcb_pfc frame 4, tests_dcb_qcn
// frame 6) and made-up ones, with the IEEE 802.3 Link Aggregation and
// IANA MUD URL TLVs of tests_lldp_mudurl; the last cut short inside a TLV
// (tshark's exception: "[Malformed Packet: LLDP]").
var lldpDCBVectors = []struct {
	name, tlvs string
	cut        bool
}{
	{"pfc", "fe060080c20b0434" + "0000", false},
	{"qcn and empty application", "fe060080c2082000" + "fe050080c20c00" + "0000", false},
	{"applications", "fe110080c20c00" + "e18906" + "228914" + "440cbc" + "030cbc" + "0000", false},
	{"link aggregation and mud url", "fe0900120f030100000007" + "fe0800005e0168747470" + "0000", false},
	{"application left over", "fe090080c20c00" + "e10cbc" + "41" + "0000", false},
	{"application without reserved", "fe040080c20c" + "0000", true},
	{"qcn cut", "fe050080c20821" + "0000", true},
	{"pfc cut", "fe050080c20b84" + "0000", true},
}

// lldpInvalidVectors are LLDPDUs whose first or second TLV is of another
// type than the Chassis ID or Port ID it must be (as in tests_lldp_asan
// and tests_lldp_8023_mtu-oobr): tshark draws "Invalid Chassis ID (0x7F),
// expected (0x01)" with its warning, and nothing after.
var lldpInvalidVectors = []string{
	"fe0400120f04" + "0000",
	"0207040800270df13c" + "06020078" + "0000",
}

func lldpDCBFrames(t testing.TB) [][]byte {
	var frames [][]byte
	for _, v := range lldpDCBVectors {
		b, err := hex.DecodeString(lldpHead + v.tlvs)
		if err != nil {
			t.Fatal(err)
		}
		frames = append(frames, b)
	}
	for _, v := range lldpInvalidVectors {
		b, err := hex.DecodeString(lldpHead[:28] + v)
		if err != nil {
			t.Fatal(err)
		}
		frames = append(frames, b)
	}
	return frames
}

func TestLLDPDCBMatchesTshark(t *testing.T) {
	frames := lldpDCBFrames(t)
	allow := map[int]string{}
	for k, v := range lldpDCBVectors {
		if v.cut {
			allow[k] = "malformed: tshark's Info column says so"
		}
	}
	checkTreeAllocsNothing(t, frames, "Link Layer Discovery Protocol")
	compareSubtreeWithTshark(t, frames, "Link Layer Discovery Protocol", allow)
	compareFieldsWithTshark(t, writeTestPcap(t, frames), frames, []string{"lldp.tlv.type", "lldp.ieee.802_1.subtype",
		"lldp.ieee.802_1qau.cnpv.prio5", "lldp.ieee.802_1qau.ready.prio1", "lldp.dcbx.ieee.willing", "lldp.dcbx.ieee.pfc.mbc",
		"lldp.dcbx.ieee.pfc.numtcs", "lldp.dcbx.feature.pfc.prio2", "lldp.dcbx.ieee.app.reserved", "lldp.dcbx.ieee.app.prio",
		"lldp.dcbx.iee.app.sf", "lldp.dcbx.feature.app.proto", "lldp.ieee.802_3.aggregation_status",
		"lldp.ieee.802_3.aggregation_status.enabled", "lldp.ieee.802_3.aggregated_port_id", "lldp.iana.subtype", "lldp.iana.mudurl"})
}

func FuzzLLDP(f *testing.F) {
	for _, b := range lldpDCBFrames(f) {
		f.Add(b[14:])
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	head, _ := hex.DecodeString(lldpHead[:28])
	f.Fuzz(func(t *testing.T, lldp []byte) {
		frame := append(append([]byte(nil), head...), lldp...)
		d.Decode(frame, linktype.Ethernet)
		fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		_ = tp.Append(nil, d, &fr)
		_ = lp.Append(nil, d, &fr)
		_ = jp.Append(nil, d, &fr)
		_ = cp.Append(nil, d, &fr)
	})
}
