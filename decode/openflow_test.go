package decode_test

import (
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// openflowVectors are TCP payloads on OpenFlow's ports, from the corpus's
// tests_of10_* captures, with what tcpdump -v prints after the length
// (line) and tshark's Info column (info); of false: rawcap leaves the
// bytes as data.
var openflowVectors = []struct {
	name         string
	sport, dport uint16
	payload      string
	of           bool
	line         string
	info         string
}{
	{name: "hello", sport: 56068, dport: 6633, payload: "01 00 00 08 f1 c0 ec d6", of: true,
		line: ": OpenFlow\n\tversion 1.0, type HELLO, length 8, xid 0xf1c0ecd6", info: "Type: OFPT_HELLO"},
	{name: "set config and a flow mod without actions", sport: 6653, dport: 56068,
		payload: "0109000c000000030000ffff010e004800000004003fffff00000000000000000000000000000000000000000000" +
			"000000000000000000000000000000000000000000000003000000000000ffffffffffff0000",
		of: true,
		line: ": OpenFlow\n\tversion 1.0, type SET_CONFIG, length 12, xid 0x00000003\n\t flags FRAG_NORMAL, miss_send_len 65535" +
			"\n\tversion 1.0, type FLOW_MOD, length 72, xid 0x00000004\n\t cookie 0x0000000000000000, command DELETE, out_port NONE, flags 0x0000",
		info: "Type: OFPT_FLOW_MOD[Malformed Packet]"},
	{name: "flow removed", sport: 56068, dport: 6633,
		payload: "010b00580000001a003420e700000000000000000001e88ae0e400000000080000000000000000000a1500000000" +
			"00000000000000000012ffff020000000000000000000000000000000000000000000000000000000000",
		of: true,
		line: ": OpenFlow\n\tversion 1.0, type FLOW_REMOVED, length 88, xid 0x0000001a\n\t match dl_dst 00:01:e8:8a:e0:e4" +
			"\n\t match dl_type 0x0800\n\t match nw_dst 10.21.0.0/16\n\t cookie 0x0000000000000012, priority 65535, reason DELETE," +
			" duration_sec 0, duration_nsec 0, packet_count 0, byte_count 0",
		info: "Type: OFPT_FLOW_REMOVED"},
	{name: "big switch vendor and barrier", sport: 57145, dport: 6633,
		payload: "0104001400000019005c16c70000000500000000011300080000001a", of: true,
		line: ": OpenFlow\n\tversion 1.0, type VENDOR, length 20, xid 0x00000019, vendor 0x005c16c7 (Big Switch Networks)" +
			"\n\t subtype GET_MIRRORING_REPLY, report_mirror_ports OFF\n\tversion 1.0, type BARRIER_REPLY, length 8, xid 0x0000001a",
		info: "Type: OFPT_BARRIER_REPLY"},
	{name: "flow mod cut at the segment's end", sport: 40003, dport: 6653,
		payload: "0100000800000001 010e0050000000360038fffb00000011223300000c0011", of: true,
		line: ": OpenFlow\n\tversion 1.0, type HELLO, length 8, xid 0x00000001" +
			"\n\tversion 1.0, type FLOW_MOD, length 80, xid 0x00000036\n\t match dl_src 00:11:22:33:00:00 [|openflow]",
		info: "Type: OFPT_HELLO"},
	{name: "echo, hello with data, config flags", sport: 40004, dport: 6653,
		payload: "0102000a000000011122 0109000c0000000300020080 0108000c0000000500040080 0100000c00000006aabbccdd", of: true,
		line: ": OpenFlow\n\tversion 1.0, type ECHO_REQUEST, length 10, xid 0x00000001\n\t data (2 octets)" +
			"\n\tversion 1.0, type SET_CONFIG, length 12, xid 0x00000003\n\t flags FRAG_REASM, miss_send_len 128" +
			"\n\tversion 1.0, type GET_CONFIG_REPLY, length 12, xid 0x00000005\n\t flags invalid (0x0004), miss_send_len 128" +
			"\n\tversion 1.0, type HELLO, length 12, xid 0x00000006\n\t data (4 octets)",
		info: "Type: OFPT_HELLO"},
	{name: "errors", sport: 40005, dport: 6653,
		payload: "0101001400000001 00010002 0100000800000001 0101000c00000002 00060000", of: true,
		line: ": OpenFlow\n\tversion 1.0, type ERROR, length 20, xid 0x00000001\n\t type BAD_REQUEST, code BAD_STAT\n\t data (8 octets)" +
			"\n\tversion 1.0, type ERROR, length 12, xid 0x00000002\n\t type invalid (0x0006), code invalid (0x0000)",
		info: "Type: OFPT_ERROR"},
	{name: "packet outs of buffered packets", sport: 40006, dport: 6653,
		payload: "010d00180000000100000100fffd00080000000800020000" +
			"010d002000000002000000070001001000010008000300000002000800000000", of: true,
		line: ": OpenFlow\n\tversion 1.0, type PACKET_OUT, length 24, xid 0x00000001\n\t buffer_id 0x00000100, in_port CONTROLLER" +
			"\n\t action type OUTPUT, len 8, port 2\n\tversion 1.0, type PACKET_OUT, length 32, xid 0x00000002" +
			"\n\t buffer_id 0x00000007, in_port 1\n\t action type SET_VLAN_VID, len 8, vlan_vid 3\n\t action type SET_VLAN_PCP, len 8, vlan_pcp 0",
		info: "Type: OFPT_PACKET_OUT"},
	{name: "packet out carrying a frame", sport: 40007, dport: 6653,
		payload: "010d001800000001ffffffff fffd 0008 0000 0008 0002 0000"},
	{name: "flow mods with timeouts and every action", sport: 40008, dport: 6653,
		payload: "010e008800000001003fffff000000000000000000000000000000000000000000000000000000000000000000000000" +
			"00000000000000010000000a0014000000000005ffff00000003000800000000000600080a000001000700080a000002" +
			"00080008280000000009000800500000000a000801bb0000000b0010fffe00000000000000000005010e008800000002" +
			"003fffff0000000000000000000000000000000000000000000000000000000000000000000000000000000000000001" +
			"000300000014000700000005fffb00000003000800000000000600080a000001000700080a0000020008000828000000" +
			"0009000800500000000a000801bb0000000b0010fffe00000000000000000005",
		of: true,
		line: "\n\tversion 1.0, type FLOW_MOD, length 136, xid 0x00000002" +
			"\n\t cookie 0x0000000000000001, command DELETE, hard_timeout 20, priority 7, out_port FLOOD, flags 0x0000" +
			"\n\t action type STRIP_VLAN, len 8\n\t action type SET_NW_SRC, len 8, nw_addr 10.0.0.1" +
			"\n\t action type SET_NW_DST, len 8, nw_addr 10.0.0.2\n\t action type SET_NW_TOS, len 8, nw_tos 0x28" +
			"\n\t action type SET_TP_SRC, len 8, tp_port 80\n\t action type SET_TP_DST, len 8, tp_port 443" +
			"\n\t action type ENQUEUE, len 16, port LOCAL, queue_id 5",
		info: "Type: OFPT_FLOW_MOD"},
	{name: "port status", sport: 40009, dport: 6653,
		payload: "010c004000000001020000000000000000010001e88ae0e4546520302f30000000000000000000000000000000000001" +
			"00000340000003400000034000000000",
		of: true,
		line: ": OpenFlow\n\tversion 1.0, type PORT_STATUS, length 64, xid 0x00000001\n\t reason MODIFY" +
			"\n\t  port_no 1, hw_addr 00:01:e8:8a:e0:e4, name 'Te 0/0'",
		info: "Type: OFPT_PORT_STATUS"},
	{name: "flow removed by its idle timeout", sport: 40010, dport: 6653,
		payload: "010b005800000001003fffff000000000000000000000000000000000000000000000000000000000000000000000000" +
			"00000000000000010000000000000001000000020005000000000000000000030000000000000004",
		of: true,
		line: ": OpenFlow\n\tversion 1.0, type FLOW_REMOVED, length 88, xid 0x00000001" +
			"\n\t cookie 0x0000000000000001, reason IDLE_TIMEOUT, duration_sec 1, duration_nsec 2, idle_timeout 5, packet_count 3, byte_count 4",
		info: "Type: OFPT_FLOW_REMOVED"},
	{name: "port mods and a queue config request", sport: 40011, dport: 6653,
		payload: "010f00200000000100010001e88ae0e4000000010000000100000340000000000114000c00000002fffe0000010f0020" +
			"00000004fffd0001e88ae0e400000000000000410000000000000000",
		of: true,
		line: "\n\tversion 1.0, type QUEUE_GET_CONFIG_REQUEST, length 12, xid 0x00000002\n\t port LOCAL" +
			"\n\tversion 1.0, type PORT_MOD, length 32, xid 0x00000004\n\t port_no CONTROLLER, hw_addr 00:01:e8:8a:e0:e4" +
			"\n\t config 0x00000000\n\t mask 0x00000041 (PORT_DOWN, NO_PACKET_IN)\n\t advertise 0x00000000",
		info: "Type: OFPT_PORT_MOD"},
	// tshark's heuristic takes port 6633 from the first segment sent to
	// it: one from the port before that is data.
	{name: "from 6633 first", sport: 6633, dport: 41000, payload: "01 00 00 08 00 00 00 01"},
	{name: "message cut short", sport: 40001, dport: 6653, payload: "01 00 00 10 00 00 00 01"},
	{name: "other version", sport: 40002, dport: 6653, payload: "04 00 00 08 00 00 00 01"},
}

func TestOpenFlow(t *testing.T) {
	d := decode.NewDecoder()
	for _, v := range openflowVectors {
		t.Run(v.name, func(t *testing.T) {
			frame := appTCPFrame(t, v.sport, v.dport, mustHex(t, v.payload))
			layers := d.Decode(frame, linktype.Ethernet)
			if got := len(layers) == 4 && layers[3].Type == decode.LayerOpenFlow; got != v.of {
				t.Fatalf("layers %v: OpenFlow %v, want %v", layers, got, v.of)
			}
			if !v.of {
				return
			}
			f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
			lp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone, Verbose: 1}}
			got := strings.TrimSuffix(string(lp.Append(nil, d, &f)), "\n")
			if !strings.HasSuffix(got, v.line) {
				t.Errorf("line:\n%s\nwant suffix:\n%s", got, v.line)
			}
			cp := &decode.ColumnsPrinter{}
			if info := string(cp.Append(nil, d, &f)); !strings.Contains(info, "OpenFlow") || !strings.HasSuffix(strings.TrimSuffix(info, "\n"), v.info) {
				t.Errorf("columns %q, want Info %q", info, v.info)
			}
			tp := &decode.TreePrinter{Location: time.UTC}
			jp := &decode.JSONPrinter{Location: time.UTC}
			lp.Options.Verbose = 2
			buf := make([]byte, 0, 1<<16)
			for _, p := range []interface {
				Append([]byte, *decode.Decoder, *decode.Frame) []byte
			}{lp, cp, tp, jp} {
				buf = p.Append(buf[:0], d, &f)
				if n := testing.AllocsPerRun(20, func() {
					d.Decode(frame, linktype.Ethernet)
					buf = p.Append(buf[:0], d, &f)
				}); n != 0 {
					t.Errorf("decode and %T allocate %v times", p, n)
				}
			}
		})
	}
}

func FuzzOpenFlow(f *testing.F) {
	for _, v := range openflowVectors {
		f.Add(mustHex(f, v.payload), v.dport == 6633)
	}
	fuzzPayload(f, appTCPFrame, 6653, 6633)
}
