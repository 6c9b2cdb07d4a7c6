package decode_test

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// enipVectors are TCP payloads to or from port 44818: the first ones as
// gopacket's layers_testdata_ethernetIP capture sends them (frames 1, 29,
// 31 and 4), the others built after the encapsulation's layout; enip
// false: rawcap leaves the bytes as data (a message cut short). cip says
// how much of the CIP they carry rawcap shows: "whole" as tshark does
// (a response without its request as tshark shows one),
// "part" some of tshark's lines, "none" none.
var enipVectors = []struct {
	name    string
	hex     string
	request bool
	enip    bool
	msgs    int // EtherNet/IP protocols in the tree
	cip     string
}{
	{name: "send unit data, multiple service request", cip: "whole", request: true, enip: true, msgs: 1,
		hex: "70003a0000010210000000001a392f000000000000000000000000000a000200a100040009133500b1002600e46a" +
			"0a02200224010200060012004c022072240000ce040001004c02207224002c3d04000100"},
	{name: "send RR data, unconnected send", cip: "whole", request: true, enip: true, msgs: 1,
		hex: "6f00260000050213000000006ac0be000000000000000000000000001400020000000000b200160052022006240107e9" +
			"0800010220ac2401010001000100"},
	{name: "send RR data, reply", cip: "whole", enip: true, msgs: 1,
		hex: "6f00340000050213000000006ac0be000000000000000000000000001400020000000000b200240081000000e8000100" +
			"e302b2a4c1d1afa40000e803020000009453d33d01000100e2fc2030"},
	{name: "send unit data, reply", cip: "whole", enip: true, msgs: 1,
		hex: "7000300000050213000000000000000000000000000000000000000000000200a10004009dc60080b1001c0033358a00" +
			"0000020006000e00cc00000001000000cc00000005000000"},
	{name: "set attribute single, attribute segment", cip: "whole", request: true, enip: true, msgs: 1,
		hex: "7000200000010210000000000000000000000000000000000000000000000200a100040044332211b1000c00070010032072240130030100"},
	{name: "get attribute single, member segment", cip: "whole", request: true, enip: true, msgs: 1,
		hex: "7000200000010210000000000000000000000000000000000000000000000200a100040044332211b1000c0007000e042072240128023003"},
	{name: "symbol of odd length, padded", cip: "whole", request: true, enip: true, msgs: 1,
		hex: "7000200000010210000000000000000000000000000000000000000000000200a100040044332211b1000c0007004c039103616263000100"},
	{name: "multiple service reply, an error with additional status", cip: "whole", enip: true, msgs: 1,
		hex: "7000300000010210000000000000000000000000000000000000000000000200a100040044332211b1001c0007008a001e0002000600" +
			"0c00cc0005013412cc000000c40001000000"},
	{name: "error reply", cip: "whole", enip: true, msgs: 1,
		hex: "70001a0000010210000000000000000000000000000000000000000000000200a100040044332211b100060007008e000800"},
	{name: "multiple service request, symbol and attribute", cip: "whole", request: true, enip: true, msgs: 1,
		hex: "7000340000010210000000000000000000000000000000000000000000000200a100040044332211b100200007000a0220022401" +
			"0200060010004c0391046162636401000e03207224013001"},
	{name: "unconnected request to an unknown class", cip: "whole", request: true, enip: true, msgs: 1,
		hex: "6f0019000001021000000000000000000000000000000000000000000a00020000000000b20009004b02206b2401050607"},
	{name: "unconnected send of a class-specific service, port 2", cip: "whole", request: true, enip: true, msgs: 1,
		hex: "6f0028000001021000000000000000000000000000000000000000000a00020000000000b20018005202200624011a0509" +
			"004c02910261620100070001000203"},
	{name: "forward close", cip: "whole", request: true, enip: true, msgs: 1,
		hex: "6f0028000001021000000000000000000000000000000000000000000a00020000000000b20018004e02200624010a0e3412" +
			"0100efbeadde0300010020022401"},
	{name: "forward open", cip: "whole", request: true, enip: true, msgs: 1,
		hex: "6f0040000001021000000000000000000000000000000000000000000a00020000000000b20030005402200624010a0e0000" +
			"00000100008034120100efbeadde0100000080841e00f44380841e00f443a303010020022401"},
	{name: "register session", request: true, enip: true, msgs: 1,
		hex: "650004000000000000000000010203040506070800000000 01000000"},
	{name: "register session, error status", enip: true, msgs: 1,
		hex: "65000400ddccbbaa64000000010203040506070800000000 01000000"},
	{name: "list identity request", request: true, enip: true, msgs: 1,
		hex: "630000000000000000000000010203040506070800000000"},
	{name: "list identity reply", enip: true, msgs: 1,
		hex: "63002f000000000000000000010203040506070800000000 0100 0c002900 0100 0002af12c0a8010a0000000000000000" +
			"01000c003700140b3000785634120731373536 2d454e03"},
	{name: "list services reply", enip: true, msgs: 1,
		hex: "04001a000000000000000000010203040506070800000000 0100 00011400 01002001 436f6d6d756e69636174696f6e730000"},
	{name: "unregister session and nop", request: true, enip: true, msgs: 2,
		hex: "660000004433221100000000010203040506070800000000 000000000000000000000000010203040506070800000000"},
	{name: "message cut short", request: true,
		hex: "650008000000000000000000010203040506070800000000 01000000"},
}

func enipFrames(t testing.TB) [][]byte {
	frames := make([][]byte, len(enipVectors))
	for k, v := range enipVectors {
		// One connection each: tshark would take a second segment of
		// one connection with the same sequence number as a
		// retransmission.
		if v.request {
			frames[k] = appTCPFrame(t, uint16(41000+k), 44818, mustHex(t, v.hex))
		} else {
			frames[k] = appTCPFrame(t, 44818, uint16(41000+k), mustHex(t, v.hex))
		}
	}
	return frames
}

func TestENIP(t *testing.T) {
	frames := enipFrames(t)
	d := decode.NewDecoder()
	for k, v := range enipVectors {
		t.Run(v.name, func(t *testing.T) {
			frame := frames[k]
			layers := d.Decode(frame, linktype.Ethernet)
			if got := len(layers) == 4 && layers[3].Type == decode.LayerENIP; got != v.enip {
				t.Fatalf("layers %v: EtherNet/IP %v, want %v", layers, got, v.enip)
			}
			f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
			tree := string((&decode.TreePrinter{Location: time.UTC}).Append(nil, d, &f))
			if n := strings.Count(tree, "\nEtherNet/IP (Industrial Protocol), "); n != v.msgs {
				t.Errorf("%d EtherNet/IP messages in -V, want %d:\n%s", n, v.msgs, tree)
			}
			lp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
			if line := string(lp.Append(nil, d, &f)); !strings.HasSuffix(line, ", length "+strconv.Itoa(len(frame)-54)+"\n") {
				t.Errorf("line %q: want TCP's, as tcpdump has no EtherNet/IP printer", line)
			}
			cp := &decode.ColumnsPrinter{Precision: []int{6}}
			jp := &decode.JSONPrinter{Location: time.UTC}
			ep := &decode.EKPrinter{Location: time.UTC}
			buf := make([]byte, 0, 1<<16)
			f.Number = 0
			if n := testing.AllocsPerRun(20, func() {
				f.Number++ // frames count up: the tracker sees one capture
				d.Decode(frame, linktype.Ethernet)
				buf = lp.Append(buf[:0], d, &f)
				buf = cp.Append(buf[:0], d, &f)
				buf = jp.Append(buf[:0], d, &f)
				buf = ep.Append(buf[:0], d, &f)
			}); n != 0 {
				t.Errorf("decode, one-liner, columns, JSON and ek allocate %v times", n)
			}
		})
	}
	var taken, whole [][]byte
	var cip []string
	for k, v := range enipVectors {
		if v.enip {
			taken = append(taken, frames[k])
			cip = append(cip, v.cip)
		}
		if v.cip == "whole" {
			whole = append(whole, frames[k])
		}
	}
	checkTreeAllocsNothing(t, taken, "EtherNet/IP (Industrial Protocol)")
	if testing.Short() {
		return
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-q"}})
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Log("tshark not installed: vectors not compared with it")
		return
	}
	compareENIPSubtrees(t, taken, cip)
	compareFieldsWithTshark(t, writeTestPcap(t, taken), taken, []string{"enip.command", "enip.length", "enip.session",
		"enip.status", "enip.listid_delay", "enip.context", "enip.options", "enip.rs.version", "enip.rs.flags",
		"enip.srrd.iface", "enip.sud.iface", "enip.timeout", "enip.cpf.itemcount", "enip.cpf.typeid", "enip.cpf.length",
		"enip.cpf.cai.connid", "cip.connid", "cip.seq", "enip.encapver", "enip.sinfamily", "enip.sinport", "enip.sinaddr",
		"enip.sinzero", "enip.lir.vendor", "enip.lir.devtype", "enip.lir.prodcode", "enip.lir.revision", "enip.lir.status",
		"enip.lir.serial", "enip.lir.namelen", "enip.lir.name", "enip.lir.state", "enip.lsr.capaflags",
		"enip.lsr.capaflags.tcp", "enip.lsr.capaflags.udp", "enip.lsr.servicename"})
	compareFieldsWithTshark(t, writeTestPcap(t, whole), whole, []string{"frame.protocols", "cip.service", "cip.rr", "cip.sc", "cip.genstat",
		"cip.addstat_size", "cip.addstat", "cip.request_path_size", "cip.epath", "cip.path_segment", "cip.path_segment.type",
		"cip.logical_segment.type", "cip.logical_segment.format", "cip.class", "cip.instance", "cip.member", "cip.attribute",
		"cip.data_segment.type", "cip.data_segment.size", "cip.symbol", "cip.msp.num_services", "cip.msp.offset", "cip.data",
		"cip.reserved", "cip.pad", "cip.ex_linkaddress", "cip.port", "cip.linkaddress.byte", "cip.cm.sc", "cip.cm.priority",
		"cip.cm.tick_time", "cip.cm.timeout_tick", "cip.cm.timeout", "cip.cm.msg_req_size", "cip.cm.route_path_size",
		"cip.cm.conn_serial_num", "cip.cm.vendor", "cip.cm.orig_serial_num", "cip.cm.connpath_size",
		"cip.cm.ot_connid", "cip.cm.to_connid", "cip.connid", "cip.cm.timeout_multiplier", "cip.cm.otrpi",
		"cip.cm.ot_net_params", "cip.cm.torpi", "cip.cm.to_net_params", "cip.cm.fwo.owner", "cip.cm.fwo.type",
		"cip.cm.fwo.prio", "cip.cm.fwo.f_v", "cip.cm.fwo.consize", "cip.cm.transport_type_trigger", "cip.cm.fwo.dir",
		"cip.cm.fwo.trigger", "cip.cm.fwo.transport"})
}

// compareENIPSubtrees holds each frame's packet list row and EtherNet/IP
// subtrees to tshark's, line for line, and its CIP and CIP Class Generic ones as cip[i] says: line for line
// ("whole"), or each of rawcap's lines one of tshark's, in order ("part").
func compareENIPSubtrees(t *testing.T, frames [][]byte, cip []string) {
	t.Helper()
	testshared.Oracle(t, "tshark")
	path := writeTestPcap(t, frames)
	theirs, rows := tsharkTreesAndRows(t, path, len(frames))
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	for i, frame := range frames {
		d.Decode(frame, linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(frame)}
		tree := string(tp.Append(nil, d, &f))
		row := strings.TrimSuffix(string((&decode.ColumnsPrinter{}).Append(nil, d, &f)), "\n")
		if proto, info, _ := strings.Cut(rows[i], "\t"); !strings.Contains(row, " "+proto+" ") || !strings.HasSuffix(row, " "+info) {
			t.Errorf("frame %d: columns %q, tshark says %q / %q", i+1, row, proto, info)
		}
		for _, head := range []string{"EtherNet/IP (Industrial Protocol)", "Common Industrial Protocol", "CIP Class Generic", "CIP Connection Manager"} {
			mine := subtreeOf(tree, head)
			want := subtreeOf("Frame "+theirs[i], head)
			if head == "EtherNet/IP (Industrial Protocol)" && len(want) == 0 {
				t.Errorf("frame %d: tshark shows no EtherNet/IP", i+1)
			}
			if head != "EtherNet/IP (Industrial Protocol)" && cip[i] != "whole" {
				if cip[i] == "none" && len(mine) > 0 {
					t.Errorf("frame %d: rawcap shows %s", i+1, head)
				}
				j := 0
				for _, l := range mine {
					for j < len(want) && want[j] != l {
						j++
					}
					if j == len(want) {
						t.Errorf("frame %d: line %q is not in tshark's %s subtree (in order)", i+1, l, head)
						break
					}
				}
				continue
			}
			if diff := cmp.Diff(want, mine); diff != "" {
				t.Errorf("frame %d: -V %s subtree, tshark (-want) vs rawcap (+got):\n%s", i+1, head, diff)
			}
		}
	}
}

// FuzzENIP feeds EtherNet/IP segments, over UDP and TCP, to the decoder
// and every printer, seeded from the vectors and the corpus's EtherNet/IP
// layers.
func FuzzENIP(f *testing.F) {
	vectors := make([]appVector, len(enipVectors))
	for k, v := range enipVectors {
		vectors[k] = appVector{name: v.name, hex: v.hex}
	}
	fuzzApp(f, decode.LayerENIP, 44818, true, vectors)
}

// TestENIPOverUDP: List Identity over UDP port 44818, as a scanner
// broadcasts it and a device answers, is EtherNet/IP too; tcpdump prints
// UDP's line.
func TestENIPOverUDP(t *testing.T) {
	var frames [][]byte
	var cip []string
	for k, v := range enipVectors {
		if !strings.HasPrefix(v.name, "list identity") {
			continue
		}
		if v.request {
			frames = append(frames, appUDPFrame(t, uint16(43000+k), 44818, mustHex(t, v.hex)))
		} else {
			frames = append(frames, appUDPFrame(t, 44818, uint16(43000+k), mustHex(t, v.hex)))
		}
		cip = append(cip, v.cip)
	}
	d := decode.NewDecoder()
	for _, frame := range frames {
		if layers := d.Decode(frame, linktype.Ethernet); len(layers) != 4 || layers[3].Type != decode.LayerENIP {
			t.Fatalf("layers %v: want EtherNet/IP after UDP", layers)
		}
	}
	if testing.Short() {
		return
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}})
	compareENIPSubtrees(t, frames, cip)
}

// enipExchange is one capture of EtherNet/IP messages on one TCP
// connection: each a payload and whether the client sends it (to port
// 44818) or the server.
type enipExchange struct {
	name string
	msgs []enipMsg
}

type enipMsg struct {
	toServer bool
	hex      string
}

// The messages of gopacket's ethernetIP capture that enipExchanges pair:
// a connected Multiple Service Packet request (frame 1) and its response
// (frame 7), an Unconnected Send (29) and its response (31), a Multiple
// Service Packet of symbols (37) and its response (38).
const (
	enipMSPRequest  = "70003a0000010210000000001a392f000000000000000000000000000a000200a100040009133500b1002600e46a0a02200224010200060012004c022072240000ce040001004c02207224002c3d04000100"
	enipMSPResponse = "7000300000010210000000000000000000000000000000000000000000000200a1000400d7f10080b1001c00e46a8a000000020006000e00cc00000001000000cc00000005000000"
	enipUSRequest   = "6f00260000050213000000006ac0be000000000000000000000000001400020000000000b200160052022006240107e90800010220ac2401010001000100"
	enipUSResponse  = "6f00340000050213000000006ac0be000000000000000000000000001400020000000000b200240081000000e8000100e302b2a4c1d1afa40000e803020000009453d33d01000100e2fc2030"
	enipSymRequest  = "7000aa000001021000000000a3a893000000000000000000000000000a000200a100040001038b00b100960071ec0a022002240104000a00280046006a004e0c91164c4d535f44495341424c455f32445343414e4e455231010001ff4e0c91164c4d535f44495341424c455f32445343414e4e455232010001ff4e0f911b4c4d535f44495341424c455f424152434f44455f5343414e4e455200010000fe4e0f911b4c4d535f534554504f494e544348414e47455f524543454956454400010000fe"
	enipSymResponse = "7000340000010210000000000000000000000000000000000000000000000200a1000400b5c70080b100200071ec8a00000004000a000e0012001600ce000000ce000000ce000000ce000000"
)

// enipSUD returns a Send Unit Data message of session 0x10020100 carrying
// cip on connection id with sequence count seq, as hex.
func enipSUD(id uint32, seq uint16, cip string) string {
	c, _ := hex.DecodeString(strings.ReplaceAll(cip, " ", ""))
	b := binary.LittleEndian.AppendUint16(nil, 0x70)
	b = binary.LittleEndian.AppendUint16(b, uint16(22+len(c)))
	b = binary.LittleEndian.AppendUint32(b, 0x10020100)
	b = append(b, make([]byte, 16)...) // status, sender context, options
	b = append(b, 0, 0, 0, 0, 0, 0, 2, 0, 0xa1, 0, 4, 0)
	b = binary.LittleEndian.AppendUint32(b, id)
	b = append(b, 0xb1, 0)
	b = binary.LittleEndian.AppendUint16(b, uint16(2+len(c)))
	b = binary.LittleEndian.AppendUint16(b, seq)
	return hex.EncodeToString(append(b, c...))
}

// enipSRRD returns a Send RR Data message of session 0x13020500 with
// sender context ctx (hex) carrying cip, as hex.
func enipSRRD(ctx, cip string) string {
	c, _ := hex.DecodeString(strings.ReplaceAll(cip, " ", ""))
	x, _ := hex.DecodeString(ctx)
	b := binary.LittleEndian.AppendUint16(nil, 0x6f)
	b = binary.LittleEndian.AppendUint16(b, uint16(16+len(c)))
	b = binary.LittleEndian.AppendUint32(b, 0x13020500)
	b = append(append(append(b, 0, 0, 0, 0), x...), 0, 0, 0, 0)
	b = append(b, 0, 0, 0, 0, 20, 0, 2, 0, 0, 0, 0, 0, 0xb2, 0)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(c)))
	return hex.EncodeToString(append(b, c...))
}

// enipExchanges hold tshark's pairing of a CIP response with its request:
// by session and sequence count on a connection, by session and sender
// context otherwise; the last request sent under a key; every response
// to it; a Multiple Service Packet's services only when the counts agree.
var enipExchanges = []enipExchange{
	{name: "multiple service packet", msgs: []enipMsg{{true, enipMSPRequest}, {false, enipMSPResponse}}},
	{name: "unconnected send", msgs: []enipMsg{{true, enipUSRequest}, {false, enipUSResponse}}},
	{name: "symbols", msgs: []enipMsg{{true, enipSymRequest}, {false, enipSymResponse}}},
	{name: "request sent again: the last one is named", msgs: []enipMsg{{true, enipMSPRequest},
		{true, strings.Replace(enipMSPRequest, "4c022072", "4c022073", 1)}, {false, enipMSPResponse}}},
	{name: "two responses", msgs: []enipMsg{{true, enipMSPRequest}, {false, enipMSPResponse}, {false, enipMSPResponse}}},
	{name: "another session", msgs: []enipMsg{{true, enipUSRequest}, {false, strings.Replace(enipUSResponse, "00000502", "00000599", 1)}}},
	{name: "unconnected send, an error", msgs: []enipMsg{{true, enipUSRequest}, {false, enipSRRD("6ac0be0000000000", "81000101 0403")}}},
	{name: "unconnected send, no data", msgs: []enipMsg{{true, enipUSRequest}, {false, enipSRRD("6ac0be0000000000", "81000000")}}},
	{name: "unconnected send of a class-specific service", msgs: []enipMsg{
		{true, enipSRRD("7ac0be0000000000", "5202 2006 2401 07e9 0800 4c02 2072 2400 0102 0100 0100")},
		{false, enipSRRD("7ac0be0000000000", "cc000000 0a0b")}}},
	{name: "more services than asked", msgs: []enipMsg{{true, enipMSPRequest},
		{false, enipSUD(0x8000f1d7, 0x6ae4, "8a000000 0300 0800 1000 1800 cc00000001000000 cc00000005000000 cc00000006000000")}}},
	{name: "fewer services than asked", msgs: []enipMsg{{true, enipMSPRequest},
		{false, enipSUD(0x8000f1d7, 0x6ae4, "8a000000 0100 0400 cc00000001000000")}}},
	{name: "class-specific service", msgs: []enipMsg{{true, enipSUD(1, 8, "4c02 2072 2400 0102")}, {false, enipSUD(2, 8, "cc000000 01020304")},
		{true, enipSUD(1, 9, "4c02 2072 2400 0102")}, {false, enipSUD(2, 9, "cc000000")},
		{true, enipSUD(1, 12, "4c02 2072 2400 0102")}, {false, enipSUD(2, 12, "cc000501 3412 0102")}}},
	{name: "one of CIP's services", msgs: []enipMsg{{true, enipSUD(1, 10, "0e03 2072 2401 3003")}, {false, enipSUD(2, 10, "8e000000 01020304")},
		{true, enipSUD(1, 11, "0e03 2072 2401 3003")}, {false, enipSUD(2, 11, "8e000000")}}},
	{name: "no request", msgs: []enipMsg{{false, enipSUD(2, 13, "cc000000 01020304")}, {false, enipSUD(2, 14, "8e000000 01020304")}}},
	{name: "multiple service packet of one of CIP's services", msgs: []enipMsg{
		{true, enipSUD(1, 20, "0a02 2002 2401 0200 0600 0e00 0e03 2072 2401 3003 4c02 2072 2400 0102")},
		{false, enipSUD(2, 20, "8a000000 0200 0600 0e00 8e000000 01020304 cc000000 0506")},
		{false, enipSUD(2, 21, "8a000000 0200 0600 0e00 8e000000 01020304 cc000000 0506")},
		{true, enipSUD(1, 22, "0a02 2002 2401 0200 0600 0e00 0e03 2072 2401 3003 4c02 2072 2400 0102")},
		{false, enipSUD(2, 22, "8a000000 0200 0600 0a00 8e000800 cc000000 0506")}}},
	{name: "a request to a class with a dissector", msgs: []enipMsg{{true, enipSUD(1, 7, "0e03 2001 2401 3007")}, {false, enipSUD(2, 7, "8e000000 0100")}}},
}

// enipExchangeFrames returns the frames of x: one TCP connection from
// client port cport, each direction's sequence numbers counting its
// payloads.
func enipExchangeFrames(t testing.TB, x enipExchange, cport uint16) [][]byte {
	seq := map[bool]uint32{true: 1000, false: 5000}
	var frames [][]byte
	for _, m := range x.msgs {
		p := mustHex(t, m.hex)
		f := appTCPFrame(t, cport, 44818, p)
		if !m.toServer {
			f = appTCPFrame(t, 44818, cport, p)
			// The server's addresses: swapping them keeps both sums.
			for k := range 4 {
				f[26+k], f[30+k] = f[30+k], f[26+k]
			}
			for k := range 6 {
				f[k], f[6+k] = f[6+k], f[k]
			}
		}
		binary.BigEndian.PutUint32(f[38:], seq[m.toServer])
		binary.BigEndian.PutUint32(f[42:], seq[!m.toServer])
		seq[m.toServer] += uint32(len(p))
		seg := f[34:]
		ph := append(append([]byte{}, f[26:34]...), 0, 6, byte(len(seg)>>8), byte(len(seg)))
		sum := append(ph, seg...)
		putChecksum(sum, len(ph)+16)
		seg[16], seg[17] = sum[len(ph)+16], sum[len(ph)+17]
		frames = append(frames, f)
	}
	return frames
}

// enipExchangesFrames returns the frames of every exchange but skip's,
// one after the other, each on a connection of its own.
func enipExchangesFrames(t testing.TB, skip string) [][]byte {
	var frames [][]byte
	for k, x := range enipExchanges {
		if x.name != skip {
			frames = append(frames, enipExchangeFrames(t, x, uint16(41000+k))...)
		}
	}
	return frames
}

// TestENIPPairsMatchTshark holds the responses of enipExchanges, paired
// with their requests by the tracker, to tshark's -V subtrees and packet
// list, line for line (a request to a class with a dissector of its own,
// which rawcap does not read: each line one of tshark's), and decoding and
// printing them to no allocation.
func TestENIPPairsMatchTshark(t *testing.T) {
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	ep := &decode.EKPrinter{Location: time.UTC}
	buf := make([]byte, 0, 1<<16)
	for _, x := range enipExchanges {
		frames := enipExchangeFrames(t, x, 41000)
		// Each run is a capture of its own (frames count from 1 again):
		// pairing allocates nothing once the tracker's table exists.
		var f decode.Frame
		if n := testing.AllocsPerRun(3, func() {
			for i, frame := range frames {
				f = decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(frame)}
				d.Decode(frame, linktype.Ethernet)
				buf = tp.Append(buf[:0], d, &f)
				buf = cp.Append(buf[:0], d, &f)
				buf = jp.Append(buf[:0], d, &f)
				buf = ep.Append(buf[:0], d, &f)
			}
		}); n != 0 {
			t.Errorf("%s: decode, -V, columns, JSON and ek allocate %v times", x.name, n)
		}
	}
	if testing.Short() {
		return
	}
	for _, x := range enipExchanges {
		t.Run(x.name, func(t *testing.T) {
			frames := enipExchangeFrames(t, x, 41000)
			cip := make([]string, len(frames))
			for i := range cip {
				cip[i] = "whole"
				if x.name == "a request to a class with a dissector" {
					cip[i] = "part" // the request is not read, its response's data left out
				}
			}
			compareENIPSubtrees(t, frames, cip)
		})
	}
	frames := enipExchangesFrames(t, "a request to a class with a dissector")
	compareFieldsWithTshark(t, writeTestPcap(t, frames), frames, []string{"frame.protocols", "enip.response_to", "enip.time",
		"cip.service", "cip.genstat", "cip.request_path_size", "cip.epath", "cip.path_segment", "cip.path_segment.type",
		"cip.logical_segment.type", "cip.logical_segment.format", "cip.class", "cip.instance", "cip.attribute",
		"cip.data_segment.type", "cip.data_segment.size", "cip.symbol", "cip.msp.num_services", "cip.msp.offset", "cip.data",
		"cip.ex_linkaddress", "cip.port", "cip.linkaddress.byte", "cip.cm.sc", "cip.cm.route_path_size"})
}

// FuzzENIPPairs feeds a request and a response on one connection, so that
// the tracker pairs them, to the decoder and every printer: the response
// is drawn from whatever the request held. Seeded from enipExchanges and
// from the corpus's EtherNet/IP layers taken two by two.
func FuzzENIPPairs(f *testing.F) {
	for _, x := range enipExchanges {
		for k := 0; k+1 < len(x.msgs); k++ {
			if x.msgs[k].toServer && !x.msgs[k+1].toServer {
				f.Add(mustHex(f, x.msgs[k].hex), mustHex(f, x.msgs[k+1].hex))
			}
		}
	}
	ps := appPayloads(f, decode.LayerENIP)
	for k := 0; k+1 < len(ps) && k < 64; k++ {
		f.Add(ps[k], ps[k+1])
	}
	d := decode.NewDecoder()
	jp := &decode.JSONPrinter{Location: time.UTC}
	tp := &decode.TreePrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	ep := &decode.EKPrinter{Location: time.UTC}
	f.Fuzz(func(t *testing.T, req, resp []byte) {
		x := enipExchange{msgs: []enipMsg{{true, hex.EncodeToString(req)}, {false, hex.EncodeToString(resp)}}}
		for i, frame := range enipExchangeFrames(t, x, 41000) {
			d.Decode(frame, linktype.Ethernet)
			fr := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(frame)}
			tp.Append(nil, d, &fr)
			cp.Append(nil, d, &fr)
			ep.Append(nil, d, &fr)
			if js := jp.Append(nil, d, &fr); !json.Valid(js) {
				t.Fatalf("invalid JSON: %s", js)
			}
		}
	})
}
