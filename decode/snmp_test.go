package decode_test

import (
	"encoding/binary"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// BER builders for the SNMP messages of the tests (RFC 1157, RFC 3416).

func berLen(n int) []byte {
	if n < 128 {
		return []byte{byte(n)}
	}
	var b []byte
	for ; n > 0; n >>= 8 {
		b = append([]byte{byte(n)}, b...)
	}
	return append([]byte{0x80 | byte(len(b))}, b...)
}

func berTLV(tag byte, parts ...[]byte) []byte {
	var c []byte
	for _, p := range parts {
		c = append(c, p...)
	}
	return append(append([]byte{tag}, berLen(len(c))...), c...)
}

func berIntTag(tag byte, v int64) []byte {
	var b []byte
	for {
		b = append([]byte{byte(v)}, b...)
		if (v < 128 && v >= -128) || len(b) == 8 {
			break
		}
		v >>= 8
	}
	return berTLV(tag, b)
}

func berInt(v int64) []byte { return berIntTag(2, v) }

func berUns(tag byte, v uint64) []byte {
	b := []byte{byte(v)}
	for v >>= 8; v > 0; v >>= 8 {
		b = append([]byte{byte(v)}, b...)
	}
	if b[0]&0x80 != 0 {
		b = append([]byte{0}, b...)
	}
	return berTLV(tag, b)
}

func berStr(s string) []byte { return berTLV(4, []byte(s)) }

func berOID(s string) []byte {
	var arcs []uint64
	for _, a := range strings.Split(s, ".") {
		v, _ := strconv.ParseUint(a, 10, 32)
		arcs = append(arcs, v)
	}
	out := []byte{byte(arcs[0]*40 + arcs[1])}
	for _, a := range arcs[2:] {
		enc := []byte{byte(a & 0x7f)}
		for a >>= 7; a > 0; a >>= 7 {
			enc = append([]byte{0x80 | byte(a&0x7f)}, enc...)
		}
		out = append(out, enc...)
	}
	return berTLV(6, out)
}

var berNull = []byte{5, 0}

func varBind(oid string, v []byte) []byte { return berTLV(0x30, berOID(oid), v) }

func snmpPDU(tag byte, reqID, status, index int64, vbs ...[]byte) []byte {
	return berTLV(tag, berInt(reqID), berInt(status), berInt(index), berTLV(0x30, vbs...))
}

func snmpMessage(version int64, community string, pdu []byte) []byte {
	return berTLV(0x30, berInt(version), berStr(community), pdu)
}

// snmpFrame builds Ethernet / IPv4 / UDP around an SNMP message.
func snmpFrame(t testing.TB, sport, dport uint16, msg []byte) []byte {
	f := appUDPFrame(t, sport, dport, msg)
	if sport == 161 || sport == 162 {
		// The agent answers: swap the addresses.
		copy(f[26:30], []byte{192, 0, 2, 2})
		copy(f[30:34], []byte{192, 0, 2, 1})
		f[24], f[25] = 0, 0
		putChecksum(f[14:34], 10)
	}
	return f
}

// snmpWalk is an SNMP walk and notifications: get-next requests and their
// responses with every value type, get, set, getBulk, traps of both
// versions, an inform, a report, an SNMPv3 request, and damaged messages.
func snmpWalk(t testing.TB) (frames [][]byte, names []string) {
	add := func(name string, sport, dport uint16, msg []byte) {
		frames = append(frames, snmpFrame(t, sport, dport, msg))
		names = append(names, name)
	}
	const mgr, agent, trap = 40000, 161, 162
	add("get", mgr, agent, snmpMessage(0, "public", snmpPDU(0xa0, 28, 0, 0, varBind("1.3.6.1.2.1.1.1.0", berNull))))
	add("get response", agent, mgr, snmpMessage(0, "public", snmpPDU(0xa2, 28, 0, 0, varBind("1.3.6.1.2.1.1.1.0", berStr("Linux box 5.10 #1 SMP")))))
	add("get-next", mgr, agent, snmpMessage(1, "public", snmpPDU(0xa1, 29, 0, 0, varBind("1.3.6.1.2.1.1", berNull), varBind("1.3.6.1.2.1.2.2.1.10", berNull))))
	add("get-next response, every type", agent, mgr, snmpMessage(1, "public", snmpPDU(0xa2, 29, 0, 0,
		varBind("1.3.6.1.2.1.1.2.0", berOID("1.3.6.1.4.1.8072.3.2.10")),
		varBind("1.3.6.1.2.1.1.3.0", berUns(0x43, 123456)),
		varBind("1.3.6.1.2.1.1.7.0", berInt(72)),
		varBind("1.3.6.1.2.1.4.20.1.1.10.0.0.1", berTLV(0x40, []byte{10, 0, 0, 1})),
		varBind("1.3.6.1.2.1.2.2.1.10.1", berUns(0x41, 4294967295)),
		varBind("1.3.6.1.2.1.2.2.1.5.1", berUns(0x42, 1000000000)),
		varBind("1.3.6.1.2.1.31.1.1.1.6.1", berUns(0x46, 18446744073709551615)),
		varBind("1.3.6.1.2.1.31.1.1.1.10.1", berUns(0x46, 1234567890123)),
		varBind("1.3.6.1.4.1.2021.10.1.6.1", berTLV(0x44, []byte{0x9f, 0x78, 0x04, 0x42, 0xf6, 0, 0})),
		varBind("1.3.6.1.2.1.2.2.1.6.2", berTLV(4, []byte{0, 0x50, 0x56, 0x9a, 0x1b, 0x2c})),
		varBind("1.3.6.1.2.1.1.8.0", berInt(-5)),
		varBind("1.3.6.1.2.1.99.0", []byte{0x80, 0}),
		varBind("1.3.6.1.2.1.99.1", []byte{0x81, 0}),
		varBind("1.3.6.1.2.1.99.2", []byte{0x82, 0}),
	)))
	add("get-next response, walk's end", agent, mgr, snmpMessage(1, "public", snmpPDU(0xa2, 30, 0, 0,
		varBind("1.3.6.1.2.1.2.2.1.10.2", berUns(0x41, 77)), varBind("1.3.6.1.2.1.2.2.1.11.1", berUns(0x41, 12)))))
	add("getBulk", mgr, agent, snmpMessage(1, "private", berTLV(0xa5, berInt(31), berInt(1), berInt(10),
		berTLV(0x30, varBind("1.3.6.1.2.1.1.3", berNull), varBind("1.3.6.1.2.1.2.2.1.2", berNull)))))
	add("set", mgr, agent, snmpMessage(1, "private", snmpPDU(0xa3, 32, 0, 0, varBind("1.3.6.1.2.1.1.5.0", berStr("newname")), varBind("1.3.6.1.2.1.1.6.0", berInt(3)))))
	add("set refused", agent, mgr, snmpMessage(1, "private", snmpPDU(0xa2, 32, 17, 2, varBind("1.3.6.1.2.1.1.5.0", berStr("newname")), varBind("1.3.6.1.2.1.1.6.0", berInt(3)))))
	add("trap v1 enterprise", 40001, trap, snmpMessage(0, "trap", berTLV(0xa4, berOID("1.3.6.1.4.1.8072.3.2.10"), berTLV(0x40, []byte{192, 0, 2, 2}),
		berInt(6), berInt(52), berUns(0x43, 61498489), berTLV(0x30, varBind("1.3.6.1.4.1.3830.1.1.2.1.1.1", berInt(3)), varBind("1.3.6.1.4.1.3830.1.1.2.1.1.3", berStr("Polling failed"))))))
	add("trap v1 linkUp", 40001, trap, snmpMessage(0, "trap", berTLV(0xa4, berOID("1.3.6.1.4.1.8072.3.2.10"), berTLV(0x40, []byte{192, 0, 2, 2}),
		berInt(3), berInt(0), berUns(0x43, 100), berTLV(0x30, varBind("1.3.6.1.2.1.2.2.1.1.2", berInt(2))))))
	add("trap v2", 40001, trap, snmpMessage(1, "public", snmpPDU(0xa7, 1234, 0, 0, varBind("1.3.6.1.2.1.1.3.0", berUns(0x43, 8800)),
		varBind("1.3.6.1.6.3.1.1.4.1.0", berOID("1.3.6.1.6.3.1.1.5.3")), varBind("1.3.6.1.2.1.2.2.1.1.2", berInt(2)))))
	add("inform", 40001, trap, snmpMessage(1, "public", snmpPDU(0xa6, 1235, 0, 0, varBind("1.3.6.1.2.1.1.3.0", berUns(0x43, 8801)),
		varBind("1.3.6.1.6.3.1.1.4.1.0", berOID("1.3.6.1.6.3.1.1.5.1")))))
	add("report", mgr, agent, snmpMessage(1, "public", snmpPDU(0xa8, 1236, 0, 0, varBind("1.3.6.1.6.3.15.1.1.4.0", berUns(0x41, 5)))))
	engine := string([]byte{0x80, 0x00, 0x1f, 0x88, 0x80, 0x59, 0xdc, 0x48, 0x61, 0x45, 0xa2, 0x63, 0x14})
	usm := berTLV(0x30, berStr(engine), berInt(5), berInt(12345), berStr("user"), berStr(""), berStr(""))
	add("SNMPv3 get", mgr, agent, berTLV(0x30, berInt(3), berTLV(0x30, berInt(987), berInt(65507), berStr("\x04"), berInt(3)), berTLV(4, usm),
		berTLV(0x30, berStr(engine), berStr(""), snmpPDU(0xa0, 555, 0, 0, varBind("1.3.6.1.2.1.1.1.0", berNull)))))
	good := snmpMessage(1, "public", snmpPDU(0xa0, 7, 0, 0, varBind("1.3.6.1.2.1.1.1.0", berNull)))
	add("length beyond the datagram", mgr, agent, good[:len(good)-6])
	long := append([]byte{0x30, 0x82, 0, byte(len(good) - 2)}, good[2:]...)
	add("long-form length", mgr, agent, long)
	indef := append(append([]byte{0x30, 0x80}, good[2:]...), 0, 0)
	add("indefinite length", mgr, agent, indef)
	add("not BER", mgr, agent, []byte("hello"))
	add("v2 PDU in a v1 message", mgr, agent, snmpMessage(0, "public", berTLV(0xa5, berInt(8), berInt(0), berInt(5), berTLV(0x30, varBind("1.3.6.1.2.1.1", berNull)))))
	add("unknown version", mgr, agent, snmpMessage(7, "public", snmpPDU(0xa0, 9, 0, 0, varBind("1.3.6.1.2.1.1.1.0", berNull))))
	add("error status in a request", mgr, agent, snmpMessage(1, "public", snmpPDU(0xa0, 10, 5, 1, varBind("1.3.6.1.2.1.1.1.0", berNull))))
	add("value in a get", mgr, agent, snmpMessage(1, "public", snmpPDU(0xa0, 11, 0, 0, varBind("1.3.6.1.2.1.1.1.0", berInt(1)))))
	add("non-printable community", mgr, agent, snmpMessage(1, "pub\x01ic", snmpPDU(0xa0, 12, 0, 0, varBind("1.3.6.1.2.1.1.1.0", berNull))))
	add("empty varbind list", mgr, agent, snmpMessage(1, "public", snmpPDU(0xa0, 13, 0, 0)))
	add("trailing bytes", mgr, agent, append(snmpMessage(1, "public", snmpPDU(0xa0, 14, 0, 0, varBind("1.3.6.1.2.1.1.1.0", berNull))), 1, 2, 3))
	add("response to the trailing request", agent, mgr, snmpMessage(1, "public", snmpPDU(0xa2, 14, 0, 0, varBind("1.3.6.1.2.1.1.1.0", berStr("x")))))
	return frames, names
}

func TestSNMP(t *testing.T) {
	frames, names := snmpWalk(t)
	d := decode.NewDecoder()
	lp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
	want := map[string]string{
		"get":             "IP 192.0.2.1.40000 > 192.0.2.2.161:  GetRequest(25)  .1.3.6.1.2.1.1.1.0",
		"getBulk":         `IP 192.0.2.1.40000 > 192.0.2.2.161:  C="private" GetBulk(39)  N=1 M=10 .1.3.6.1.2.1.1.3 .1.3.6.1.2.1.2.2.1.2`,
		"set refused":     `IP 192.0.2.2.161 > 192.0.2.1.40000:  C="private" GetResponse(47)  notWritable@2 .1.3.6.1.2.1.1.5.0="newname" .1.3.6.1.2.1.1.6.0=3`,
		"trap v1 linkUp":  `IP 192.0.2.1.40001 > 192.0.2.2.162:  C="trap" Trap(46)  .1.3.6.1.4.1.8072.3.2.10 192.0.2.2 linkUp 100 .1.3.6.1.2.1.2.2.1.1.2=2`,
		"not BER":         "IP 192.0.2.1.40000 > 192.0.2.2.161:  [len3<asnlen101]",
		"unknown version": "IP 192.0.2.1.40000 > 192.0.2.2.161:  SNMP [version = 7]",
	}
	for k, frame := range frames {
		layers := d.Decode(frame, linktype.Ethernet)
		top := layers[len(layers)-1].Type
		wantTop := decode.LayerSNMP
		switch names[k] {
		case "length beyond the datagram", "not BER":
			wantTop = decode.LayerPayload
		case "trailing bytes":
			wantTop = decode.LayerSNMP // the trailing bytes stay in the SNMP layer
		}
		if top != wantTop {
			t.Errorf("%s: top layer %v, want %v", names[k], top, wantTop)
		}
		if w, ok := want[names[k]]; ok {
			f := decode.Frame{Number: k + 1, Time: time.Unix(1, 0), Length: len(frame)}
			if got := strings.TrimSuffix(string(lp.Append(nil, d, &f)), "\n"); got != w {
				t.Errorf("%s: line\n got %q\nwant %q", names[k], got, w)
			}
		}
	}
	// Decode, every printer and the one-liner allocate nothing.
	buf := make([]byte, 0, 1<<16)
	vp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 1}}
	tp := &decode.TreePrinter{Location: time.UTC}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	fp, err := decode.NewFieldsPrinter([]string{"snmp.name", "snmp.community", "snmp.value.int"})
	if err != nil {
		t.Fatal(err)
	}
	for k, frame := range frames {
		f := decode.Frame{Number: k + 1, Time: time.Unix(1, 0), Length: len(frame)}
		run := func() {
			d.Decode(frame, linktype.Ethernet)
			buf = vp.Append(buf[:0], d, &f)
			buf = tp.Append(buf[:0], d, &f)
			buf = jp.Append(buf[:0], d, &f)
			buf = cp.Append(buf[:0], d, &f)
			buf = fp.Append(buf[:0], d, &f)
		}
		run()
		if n := testing.AllocsPerRun(20, run); n != 0 {
			t.Errorf("%s: %v allocations per packet", names[k], n)
		}
	}
	// Cut at every length: no panic.
	for _, frame := range frames {
		for n := 42; n <= len(frame); n++ {
			d.Decode(frame[:n], linktype.Ethernet)
			for _, out := range allPrinters() {
				out(d, &decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)})
			}
		}
	}
}

// TestSNMPMatchesTsharkAndTcpdump writes the walk to a capture and holds
// rawcap's -V tree, packet list, fields and one-liners to tshark's and
// tcpdump's on it.
func TestSNMPMatchesTsharkAndTcpdump(t *testing.T) {
	testshared.Oracle(t, "tshark")
	frames, _ := snmpWalk(t)
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-q"}})
	path := writeTestPcap(t, frames)
	mine, total := compareTreeWithTshark(t, path)
	t.Logf("-V: rawcap prints %d of tshark's %d lines", mine, total)
	same := compareColumnsWithTshark(t, path)
	t.Logf("--columns: %d of %d rows equal tshark's", same, len(frames))
	compareFieldsWithTshark(t, path, frames, []string{"snmp.version", "snmp.community", "snmp.data", "snmp.request_id",
		"snmp.error_status", "snmp.error_index", "snmp.non_repeaters", "snmp.max_repetitions", "snmp.enterprise",
		"snmp.agent_addr", "snmp.generic_trap", "snmp.specific_trap", "snmp.time_stamp", "snmp.variable_bindings",
		"snmp.name", "snmp.value.int", "snmp.value.octets", "snmp.value.oid", "snmp.value.ipv4", "snmp.value.g32",
		"snmp.value.counter", "snmp.value.timeticks", "snmp.value.opaque", "snmp.var-bind_str", "snmp.response_to",
		"snmp.msgVersion", "snmp.msgID", "snmp.msgMaxSize", "snmp.msgFlags", "snmp.v3.flags.report", "snmp.msgSecurityModel",
		"snmp.msgAuthoritativeEngineID", "snmp.msgAuthoritativeEngineBoots", "snmp.msgUserName", "snmp.contextEngineID", "snmp.contextName"})
}

// compareColumnsWithTshark compares rawcap's --columns rows of the capture
// at path with tshark's and returns how many are equal.
func compareColumnsWithTshark(t *testing.T, path string) int {
	t.Helper()
	theirs, err := tsharkColumns(t, path, testshared.TsharkVersion(t))
	if err != nil {
		t.Fatal(err)
	}
	r, err := pcapio.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	d := decode.NewDecoder()
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	same := 0
	for i := 0; ; i++ {
		pk, err := r.Next()
		if err != nil {
			break
		}
		if i >= len(theirs) {
			t.Fatalf("tshark printed %d rows, the file has more", len(theirs))
		}
		d.Decode(pk.Data, pk.LinkType)
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length}
		got := strings.TrimSuffix(string(cp.Append(nil, d, &f)), "\n")
		if diff := cmp.Diff(theirs[i], got); diff != "" {
			t.Errorf("row %d: tshark (-want) vs rawcap (+got):\n%s", i+1, diff)
			continue
		}
		same++
	}
	return same
}

func FuzzSNMP(f *testing.F) {
	frames, _ := snmpWalk(f)
	for _, fr := range frames {
		f.Add(fr[42:], uint16(161))
	}
	for _, name := range []string{"tests_snmp-heapoverflow-1.pcap", "tests_snmp-heapoverflow-2.pcap"} {
		if data, err := os.ReadFile("../../shared/corpus/tcpdump/" + name); err == nil && len(data) > 24+16+42 {
			n := int(binary.LittleEndian.Uint32(data[24+8:]))
			if 24+16+n <= len(data) && n > 42 {
				f.Add(data[24+16+42:24+16+n], uint16(162))
			}
		}
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	f.Fuzz(func(t *testing.T, msg []byte, port uint16) {
		frame := snmpFrame(t, 40000, 161+port%2, msg)
		d.Decode(frame, linktype.Ethernet)
		fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame) + int(port%7)}
		_ = tp.Append(nil, d, &fr)
		_ = lp.Append(nil, d, &fr)
		_ = jp.Append(nil, d, &fr)
		_ = cp.Append(nil, d, &fr)
	})
}

// TestSNMPSubtreeMatchesTshark holds the walk's SNMP subtrees, drawn from
// the fields SNMP emits, to tshark's line for line.
func TestSNMPSubtreeMatchesTshark(t *testing.T) {
	frames, names := snmpWalk(t)
	allow := map[int]string{}
	for k, n := range names {
		switch n {
		case "SNMPv3 get":
			allow[k] = "tshark names the engine ID's enterprise and decodes its data (IANA's registry)"
		}
	}
	compareSubtreeWithTshark(t, frames, "Simple Network Management Protocol", allow)
}
