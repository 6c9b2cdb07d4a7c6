package decode_test

import (
	"os"
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
// how much of the CIP they carry rawcap shows: "whole" as tshark does,
// "part" some of tshark's lines (a response's data, whose class is its
// request's; a Multiple Service Packet response's titles, which name the
// request's classes), "none" none (the Connection Manager's request).
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
	{name: "send RR data, reply", cip: "part", enip: true, msgs: 1,
		hex: "6f00340000050213000000006ac0be000000000000000000000000001400020000000000b200240081000000e8000100" +
			"e302b2a4c1d1afa40000e803020000009453d33d01000100e2fc2030"},
	{name: "send unit data, reply", cip: "part", enip: true, msgs: 1,
		hex: "7000300000050213000000000000000000000000000000000000000000000200a10004009dc60080b1001c0033358a00" +
			"0000020006000e00cc00000001000000cc00000005000000"},
	{name: "set attribute single, attribute segment", cip: "whole", request: true, enip: true, msgs: 1,
		hex: "7000200000010210000000000000000000000000000000000000000000000200a100040044332211b1000c00070010032072240130030100"},
	{name: "get attribute single, member segment", cip: "whole", request: true, enip: true, msgs: 1,
		hex: "7000200000010210000000000000000000000000000000000000000000000200a100040044332211b1000c0007000e042072240128023003"},
	{name: "symbol of odd length, padded", cip: "whole", request: true, enip: true, msgs: 1,
		hex: "7000200000010210000000000000000000000000000000000000000000000200a100040044332211b1000c0007004c039103616263000100"},
	{name: "multiple service reply, an error with additional status", cip: "part", enip: true, msgs: 1,
		hex: "7000300000010210000000000000000000000000000000000000000000000200a100040044332211b1001c0007008a001e0002000600" +
			"0c00cc0005013412cc000000c40001000000"},
	{name: "error reply", cip: "part", enip: true, msgs: 1,
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
	cmd := exec.Command("tshark", "-n", "-V", "-r", path)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	theirs := appTreeFrames(string(out))
	if len(theirs) != len(frames) {
		t.Fatalf("tshark printed %d frames, want %d", len(theirs), len(frames))
	}
	cols, err := exec.Command("tshark", "-n", "-r", path, "-T", "fields", "-e", "_ws.col.Protocol", "-e", "_ws.col.Info").Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	rows := strings.Split(strings.TrimSuffix(string(cols), "\n"), "\n")
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
