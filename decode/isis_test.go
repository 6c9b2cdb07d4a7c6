package decode_test

import (
	"encoding/hex"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// isisVectors are 802.3 frames carrying IS-IS PDUs, from the corpus's
// tests_ISIS_level1_adjacency and tests_ISIS_level2_adjacency (the hello
// with its padding cut to one TLV), with tcpdump's line after "IS-IS, "
// and tshark's Protocol and Info; isis false: rawcap leaves the PDU as
// data.
var isisVectors = []struct {
	name  string
	hex   string
	isis  bool
	vlan  bool // an 802.1Q tag before the LLC header
	line  string
	proto string
	info  string
}{
	{name: "L1 LAN hello", isis: true,
		hex: `01 80 c2 00 00 14 c2 01 29 98 00 00 00 3f fe fe 03 83 1b 01 00 0f 01 00 00 01 22 22 22 22 22 22
			00 1e 00 3c 40 33 33 33 33 33 33 02 81 01 cc 01 04 03 49 00 0a 84 04 0a 00 0a 02 d3 03 00 00 00
			06 06 c2 02 29 98 00 01 08 03 00 00 00`,
		line:  "L1 Lan IIH, src-id 2222.2222.2222, lan-id 3333.3333.3333.02, prio 64, length 60",
		proto: "ISIS HELLO", info: "L1 HELLO, System-ID: 2222.2222.2222"},
	{name: "L1 LSP", isis: true,
		hex: `01 80 c2 00 00 14 c2 01 29 98 00 00 00 59 fe fe 03 83 1b 01 00 12 01 00 00 00 56 04 af 22 22 22
			22 22 22 00 00 00 00 00 09 63 0b 01 01 04 03 49 00 0a 81 01 cc 89 02 52 32 84 04 c0 a8 0a 01 80
			18 0a 80 80 80 0a 00 0a 00 ff ff ff fc 0a 80 80 80 c0 a8 0a 00 ff ff ff 00 02 0c 00 0a 80 80 80
			33 33 33 33 33 33 02`,
		line:  "L1 LSP, lsp-id 2222.2222.2222.00-00, seq 0x00000009, lifetime  1199s, length 86",
		proto: "ISIS LSP", info: "L1 LSP, LSP-ID: 2222.2222.2222.00-00, Sequence: 0x00000009, Lifetime:  1199s"},
	{name: "L2 LSP of a pseudonode", isis: true,
		hex: `01 80 c2 00 00 15 c2 03 29 a9 00 00 00 37 fe fe 03 83 1b 01 00 14 01 00 00 00 34 04 af 44 44 44
			44 44 44 01 00 00 00 00 03 7e f7 03 02 17 00 00 80 80 80 44 44 44 44 44 44 00 00 80 80 80 33 33
			33 33 33 33 00`,
		line:  "L2 LSP, lsp-id 4444.4444.4444.01-00, seq 0x00000003, lifetime  1199s, length 52",
		proto: "ISIS LSP", info: "L2 LSP, LSP-ID: 4444.4444.4444.01-00, Sequence: 0x00000003, Lifetime:  1199s"},
	{name: "L2 CSNP", isis: true,
		hex: `01 80 c2 00 00 15 c2 03 29 a9 00 00 00 56 fe fe 03 83 21 01 00 19 01 00 00 00 53 44 44 44 44 44
			44 00 00 00 00 00 00 00 00 00 ff ff ff ff ff ff ff ff 09 30 04 a8 33 33 33 33 33 33 00 00 00 00
			00 09 24 b1 04 aa 44 44 44 44 44 44 00 00 00 00 00 0a f2 52 04 aa 44 44 44 44 44 44 01 00 00 00
			00 03 7e f7`,
		line:  "L2 CSNP, src-id 4444.4444.4444.00, length 83",
		proto: "ISIS CSNP", info: "L2 CSNP, Source-ID: 4444.4444.4444.00, Start LSP-ID: 0000.0000.0000.00-00, End LSP-ID: ffff.ffff.ffff.ff-ff"},
	// A hello of a level 1 and 2 circuit and an LSP, each with an IPv6
	// interface address, built from the vectors above.
	{name: "L1 and L2 LAN hello with IPv6", isis: true,
		hex: `01 80 c2 00 00 14 c2 01 29 98 00 00 00 40 fe fe 03 83 1b 01 00 0f 01 00 00 03 22 22 22 22 22 22
			00 1e 00 3d 40 22 22 22 22 22 22 01 81 02 cc 8e 01 04 03 49 00 0a 84 04 0a 00 0a 02 e8 10 fe 80
			00 00 00 00 00 00 00 00 00 00 00 00 00 01`,
		line:  "L1 Lan IIH, src-id 2222.2222.2222, lan-id 2222.2222.2222.01, prio 64, length 61",
		proto: "ISIS HELLO", info: "L1 HELLO, System-ID: 2222.2222.2222"},
	{name: "L1 LSP with IPv6", isis: true,
		hex: `01 80 c2 00 00 14 c2 01 29 98 00 00 00 6b fe fe 03 83 1b 01 00 12 01 00 00 00 68 04 af 22 22 22
			22 22 22 00 00 00 00 00 09 2d 60 01 01 04 03 49 00 0a 81 01 cc 89 02 52 32 84 04 c0 a8 0a 01 80
			18 0a 80 80 80 0a 00 0a 00 ff ff ff fc 0a 80 80 80 c0 a8 0a 00 ff ff ff 00 02 0c 00 0a 80 80 80
			33 33 33 33 33 33 02 e8 10 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01`,
		line:  "L1 LSP, lsp-id 2222.2222.2222.00-00, seq 0x00000009, lifetime  1199s, length 104",
		proto: "ISIS LSP", info: "L1 LSP, LSP-ID: 2222.2222.2222.00-00, Sequence: 0x00000009, Lifetime:  1199s"},
	// A point-to-point hello and a level 2 PSNP built from the LAN hello
	// and the CSNP above.
	{name: "P2P hello", isis: true,
		hex: `01 80 c2 00 00 14 c2 01 29 98 00 00 00 2b fe fe 03 83 14 01 00 11 01 00 00 01 22 22 22 22 22 22
			00 1e 00 28 03 81 01 cc 01 04 03 49 00 0a 84 04 0a 00 0a 02 08 03 00 00 00 00 00 00`,
		line:  "p2p IIH, src-id 2222.2222.2222, length 40",
		proto: "ISIS HELLO", info: "P2P HELLO, System-ID: 2222.2222.2222"},
	{name: "L2 PSNP", isis: true,
		hex: `01 80 c2 00 00 15 c2 01 29 98 00 00 00 26 fe fe 03 83 11 01 00 1b 01 00 00 00 23 44 44 44 44 44
			44 00 09 10 04 a8 33 33 33 33 33 33 00 00 00 00 00 09 24 b1 00 00 00 00 00 00 00 00`,
		line:  "L2 PSNP, src-id 4444.4444.4444.00, length 35",
		proto: "ISIS PSNP", info: "L2 PSNP, Source-ID: 4444.4444.4444.00"},
	// tests_isis_sid's LSP, after an 802.1Q tag: extended IS and IP
	// reachability with TE and segment routing sub-TLVs, a router
	// capability, and a checksum tshark and tcpdump find wrong.
	{name: "L2 LSP with extended reachability", isis: true, vlan: true,
		hex: `01 80 c2 00 00 15 02 06 0a 0e ff f1 81 00 c0 2e 01 f2 fe fe 03 83 1b 01 00 14 01 00 00 01 ef 04
			ac 01 92 01 68 00 01 00 00 00 00 00 0b c0 74 03 01 04 03 49 00 02 0e 02 05 d4 81 02 cc 8e 86 04
			c0 a8 00 01 84 04 c0 a8 00 01 89 09 76 6d 78 2d 31 38 2d 72 31 02 22 00 0a 80 80 80 01 92 01 68
			00 02 02 3f 80 80 80 01 92 01 68 00 03 02 3f 80 80 80 01 92 01 68 00 04 02 16 b8 01 92 01 68 00
			02 02 00 00 0a 51 06 04 0a 00 0c 01 04 08 00 00 01 80 00 00 00 00 0b 20 4c ee 6b 28 4c ee 6b 28
			4c ee 6b 28 4c ee 6b 28 4c ee 6b 28 4c ee 6b 28 4c ee 6b 28 4c ee 6b 28 0a 04 4c ee 6b 28 09 04
			4c ee 6b 28 03 04 00 00 00 00 20 0b 30 00 01 92 01 68 00 02 00 00 12 01 92 01 68 00 03 02 00 00
			3f 51 06 04 0a 00 0d 01 04 08 00 00 01 82 00 00 00 00 0b 20 4c ee 6b 28 4c ee 6b 28 4c ee 6b 28
			4c ee 6b 28 4c ee 6b 28 4c ee 6b 28 4c ee 6b 28 4c ee 6b 28 0a 04 4c ee 6b 28 09 04 4c ee 6b 28
			03 04 00 00 00 00 20 0b 30 00 01 92 01 68 00 03 00 00 10 16 5c 01 92 01 68 00 04 02 00 00 3f 51
			06 04 0a 00 0e 01 04 08 00 00 01 83 00 00 00 00 0b 20 4c ee 6b 28 4c ee 6b 28 4c ee 6b 28 4c ee
			6b 28 4c ee 6b 28 4c ee 6b 28 4c ee 6b 28 4c ee 6b 28 0a 04 4c ee 6b 28 09 04 4c ee 6b 28 03 04
			00 00 00 00 20 0b 30 00 01 92 01 68 00 04 00 00 11 80 3c 0a 80 80 80 0a 00 0c 00 ff ff ff 00 3f
			80 80 80 0a 00 0d 00 ff ff ff 00 3f 80 80 80 0a 00 0e 00 ff ff ff 00 3f 80 80 80 ac 10 0b 00 ff
			ff ff 00 3f 80 80 80 c0 a8 00 01 ff ff ff ff 87 29 00 00 00 0a 18 0a 00 0c 00 00 00 3f 18 0a 00
			0d 00 00 00 3f 18 0a 00 0e 00 00 00 3f 18 ac 10 0b 00 00 00 3f 20 c0 a8 00 01 f2 08 c0 a8 00 01
			03 13 01 00`,
		line:  "L2 LSP, lsp-id 0192.0168.0001.00-00, seq 0x0000000b, lifetime  1196s, length 495",
		proto: "ISIS LSP", info: "L2 LSP, LSP-ID: 0192.0168.0001.00-00, Sequence: 0x0000000b, Lifetime:  1196s [ISIS CHECKSUM INCORRECT]"},
	// The pseudonode LSP with its checksum's last byte changed: drawn
	// with the checksum it should have.
	{name: "LSP with a bad checksum", isis: true,
		line:  "L2 LSP, lsp-id 4444.4444.4444.01-00, seq 0x00000003, lifetime  1199s, length 52",
		proto: "ISIS LSP", info: "L2 LSP, LSP-ID: 4444.4444.4444.01-00, Sequence: 0x00000003, Lifetime:  1199s [ISIS CHECKSUM INCORRECT]",
		hex: `01 80 c2 00 00 15 c2 03 29 a9 00 00 00 37 fe fe 03 83 1b 01 00 14 01 00 00 00 34 04 af 44 44 44
			44 44 44 01 00 00 00 00 03 7e f8 03 02 17 00 00 80 80 80 44 44 44 44 44 44 00 00 80 80 80 33 33
			33 33 33 33 00`},
	// A point-to-point hello modelled on tcpdump's isis-extd-ipreach-oobr
	// test: a maximum area addresses of 1, the adjacency state TLV, SPB's
	// NLPID, an MT port capability whose second sub-TLV is longer than
	// what is left, a TLV neither tshark nor tcpdump decodes, an IPv6
	// reachability TLV (tshark's unknown in a hello) whose last prefix
	// runs into the next TLV, and an empty TLV ending the PDU, which tshark
	// does not show.
	{name: "P2P hello with MT port capability and unknown TLVs", isis: true,
		line:  "p2p IIH, src-id 8888.8888.8888, length 194",
		proto: "ISIS HELLO", info: "P2P HELLO, System-ID: 8888.8888.8888",
		hex: `09 00 2b 00 00 05 08 00 27 2c 25 1e 00 c5 fe fe 03 83 14 01 00 11 01 00 01 01 88 88 88 88 88 88
			00 1e 00 c2 03 f0 0f 00 00 00 00 05 22 22 22 22 22 22 00 00 00 04 81 01 c1 01 04 03 49 00 0a 8f
			6f 00 00 04 66 00 49 45 45 45 49 45 45 45 49 45 45 45 49 45 45 45 49 45 45 45 49 45 45 45 49 45
			45 45 49 45 45 45 49 45 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 45 45 49 45 45 45 49 45
			45 45 49 45 45 45 49 45 45 45 49 45 45 45 49 45 45 45 49 45 45 45 49 45 45 45 49 10 11 12 13 14
			15 16 17 18 19 1a 1b 1c 1d 1e 1f 45 45 01 02 03 49 05 45 45 49 45 45 ec 16 01 ae a1 49 1d 5b 2a
			a3 88 dd a0 90 08 ff 00 00 00 00 00 00 00 00 00 00 00 00`},
	// The CSNP cut inside its last LSP entry.
	{name: "CSNP cut short",
		hex: `01 80 c2 00 00 15 c2 03 29 a9 00 00 00 56 fe fe 03 83 21 01 00 19 01 00 00 00 53 44 44 44 44 44
			44 00 00 00 00 00 00 00 00 00 ff ff ff ff ff ff ff ff 09 30 04 a8 33 33 33 33 33 33 00 00 00 00
			00 09 24 b1 04 aa 44 44`},
}

func isisFrames(t testing.TB) [][]byte {
	var frames [][]byte
	for _, v := range isisVectors {
		frames = append(frames, hexBytesTB(t, v.hex))
	}
	return frames
}

func hexBytesTB(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.Join(strings.Fields(s), ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestISIS(t *testing.T) {
	frames := isisFrames(t)
	d := decode.NewDecoder()
	var taken [][]byte
	for k, v := range isisVectors {
		t.Run(v.name, func(t *testing.T) {
			frame := frames[k]
			layers := d.Decode(frame, linktype.Ethernet)
			n := 3
			if v.vlan {
				n = 4
			}
			if got := len(layers) == n && layers[n-1].Type == decode.LayerISIS; got != v.isis {
				t.Fatalf("layers %v: IS-IS %v, want %v", layers, got, v.isis)
			}
			if !v.isis {
				return
			}
			taken = append(taken, frame)
			f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
			lp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
			got := strings.TrimSuffix(string(lp.Append(nil, d, &f)), "\n")
			if want := "IS-IS, " + v.line; got != want {
				t.Errorf("line %q, want %q", got, want)
			}
			cp := &decode.ColumnsPrinter{Precision: []int{6}}
			row := strings.TrimSuffix(string(cp.Append(nil, d, &f)), "\n")
			if !strings.HasSuffix(row, " "+v.proto+" "+strconv.Itoa(len(frame))+" "+v.info) {
				t.Errorf("row %q, want %s and Info %q", row, v.proto, v.info)
			}
			buf := make([]byte, 0, 1<<16)
			vv := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2, Link: true}}
			if n := testing.AllocsPerRun(20, func() {
				d.Decode(frame, linktype.Ethernet)
				buf = lp.Append(buf[:0], d, &f)
				buf = vv.Append(buf[:0], d, &f)
				buf = cp.Append(buf[:0], d, &f)
			}); n != 0 {
				t.Errorf("decode, one-liners and columns allocate %v times", n)
			}
		})
	}
	checkTreeAllocsNothing(t, taken, "ISO 10589 ISIS InTRA Domain Routeing Information Exchange Protocol")
	if testing.Short() {
		return
	}
	compareFramesWithTcpdump(t, taken, [][]string{{}, {"-e"}, {"-v"}, {"-vv"}, {"-q"}, {"-e", "-vv"}})
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Log("tshark not installed: vectors not compared with it")
		return
	}
	path := writeTestPcap(t, taken)
	for _, head := range []string{"ISO 10589 ISIS InTRA Domain Routeing Information Exchange Protocol", "ISIS HELLO",
		"ISO 10589 ISIS Link State Protocol Data Unit", "ISO 10589 ISIS Complete Sequence Numbers Protocol Data Unit",
		"ISO 10589 ISIS Partial Sequence Numbers Protocol Data Unit"} {
		compareSubtreeWithTshark(t, taken, head, nil)
	}
	if n := compareColumnsWithTshark(t, path); n != len(taken) {
		t.Errorf("%d of %d rows are tshark's", n, len(taken))
	}
	compareFieldsWithTshark(t, path, taken, []string{"isis.type", "isis.hello.source_id", "isis.hello.lan_id",
		"isis.hello.area_address", "isis.hello.is_neighbor", "isis.lsp.lsp_id", "isis.lsp.checksum.status",
		"isis.lsp.hostname", "isis.lsp.ip_reachability.ipv4_prefix", "isis.lsp.eis_neighbors.is_neighbor",
		"isis.lsp.is_virtual", "isis.csnp.lsp_id", "isis.csnp.lsp_seq_num", "isis.csnp.source_circuit",
		"isis.hello.local_circuit_id", "isis.psnp.source_id", "isis.psnp.pdu_length",
		"isis.hello.circuit_type", "isis.hello.clv_ipv6_int_addr", "isis.lsp.clv_ipv6_int_addr",
		"isis.lsp.ext_is_reachability.metric", "isis.lsp.unrsv_bw.priority_level", "isis.lsp.sid.sli_label",
		"isis.lsp.ext_ip_reachability.prefix_length", "isis.lsp.rt_capable.router_id", "isis.lsp.sr_alg",
		"isis.hello.adjacency_state", "isis.hello.neighbor_systemid", "isis.hello.neighbor_extended_local_circuit_id",
		"isis.hello.mtid", "isis.hello.mcid", "isis.hello.aux_mcid", "isis.hello.clv.type"})
}

func FuzzISIS(f *testing.F) {
	for _, frame := range isisFrames(f) {
		f.Add(frame[17:]) // the PDU after the LLC header
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2, Link: true}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	f.Fuzz(func(t *testing.T, pdu []byte) {
		frame := append([]byte{0x01, 0x80, 0xc2, 0x00, 0x00, 0x14, 0xc2, 0x01, 0x29, 0x98, 0x00, 0x00,
			byte((len(pdu) + 3) >> 8), byte(len(pdu) + 3), 0xfe, 0xfe, 0x03}, pdu...)
		d.Decode(frame, linktype.Ethernet)
		fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		_ = tp.Append(nil, d, &fr)
		_ = lp.Append(nil, d, &fr)
		_ = jp.Append(nil, d, &fr)
		_ = cp.Append(nil, d, &fr)
	})
}
