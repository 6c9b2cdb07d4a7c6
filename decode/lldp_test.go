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

// lldpTcpdumpVectors are organization TLVs tcpdump 4.99 prints at -v: the
// 802.1 DCB ones (ETS configuration and recommendation, PFC, application
// priority, congestion notification), EVB and CDCP, at their shortest,
// longer and cut lengths and with every bit set, and IANA's MUD URL with
// unprintable bytes; then subtypes tcpdump only names.
var lldpTcpdumpVectors = []struct{ name, tlvs string }{
	{"ets configuration", "fe190080c20985012345670a141e28000000000202020200000002" + "0000"},
	{"ets willing bits", "fe190080c209ff012345670a141e28000000000202020200000002fe190080c20940012345670a141e28000000000202020200000002" + "0000"},
	{"ets recommendation", "fe190080c20afffedcba9864ff000102030405ff01020304050607" + "0000"},
	{"ets short and long", "fe180080c20985012345670a141e280000000002020202000000fe1a0080c20985012345670a141e2800000000020202020000000200" + "0000"},
	{"pfc", "fe060080c20bc8a5fe070080c20b300099" + "0000"},
	{"applications", "fe0e0080c20c00618906a20cbc030050fe080080c20cffffffff" + "0000"},
	{"application left over", "fe090080c20c0061890601fe070080c20c006189" + "0000"},
	{"congestion notification", "fe060080c208ff0ffe050080c208fffe070080c208000001" + "0000"},
	{"evb", "fe090080c20d0503071102fe090080c20dfffffffffffe090080c20d0503075102fe090080c20d0503079102fe080080c20d05030711" + "0000"},
	{"cdcp", "fe080080c20e80000000fe0b0080c20e80000000001002fe0e0080c20e7fffffff001002abcdeffe0f0080c20e8000000001000001001002" + "0000"},
	{"mud urls", "fe1900005e0168747470733a2f2f782e6578616d706c652f6d7564fe0400005e01fe0b00005e016100620180ff7afe0700005e02616263" + "0000"},
	{"other 802.1 subtypes", "fe140080c20511111111111111111111111111111111fe060080c2060007fe050080c20f00" + "0000"},
}

func TestLLDPOrgMatchesTcpdump(t *testing.T) {
	var frames [][]byte
	for _, v := range lldpTcpdumpVectors {
		b, err := hex.DecodeString(lldpHead + v.tlvs)
		if err != nil {
			t.Fatal(v.name, err)
		}
		frames = append(frames, b)
	}
	for _, v := range lldpDCBVectors {
		if !v.cut {
			b, _ := hex.DecodeString(lldpHead + v.tlvs)
			frames = append(frames, b)
		}
	}
	ethernetLinesMatchTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-e", "-v"}})
}

func FuzzLLDP(f *testing.F) {
	for _, b := range lldpDCBFrames(f) {
		f.Add(b[14:])
	}
	for _, v := range lldpTcpdumpVectors {
		b, _ := hex.DecodeString(lldpHead[28:] + v.tlvs)
		f.Add(b)
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
