package decode_test

import (
	"encoding/binary"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// Generated NetBIOS name service traffic (RFC 1002 section 4.2): the
// corpus has none, so the messages are built here as Windows and Samba
// send them, and held to tshark's -V, packet list and -T fields and to
// tcpdump's one-liners (Debian's tcpdump 4.99, built without its SMB
// printers, shows "UDP, length N").

// nbEncoded returns the first-level encoding of a NetBIOS name (padded
// with spaces to 15 bytes, then its type byte) and its scope, as a DNS
// name.
func nbEncoded(name string, typ byte, scope string) []byte {
	raw := []byte(name + strings.Repeat(" ", 15-len(name)))
	if name == "*" {
		raw = append([]byte("*"), make([]byte, 14)...)
	}
	raw = append(raw, typ)
	b := []byte{32}
	for _, c := range raw {
		b = append(b, 'A'+c>>4, 'A'+c&15)
	}
	if scope != "" {
		for _, l := range strings.Split(scope, ".") {
			b = append(append(b, byte(len(l))), l...)
		}
	}
	return append(b, 0)
}

func nbQ(name string, typ byte, qtype uint16) []byte {
	b := nbEncoded(name, typ, "")
	b = binary.BigEndian.AppendUint16(b, qtype)
	return binary.BigEndian.AppendUint16(b, 1)
}

func nbRR(owner []byte, rtype uint16, ttl uint32, data []byte) []byte {
	b := append([]byte(nil), owner...)
	b = binary.BigEndian.AppendUint16(b, rtype)
	b = binary.BigEndian.AppendUint16(b, 1)
	b = binary.BigEndian.AppendUint32(b, ttl)
	b = binary.BigEndian.AppendUint16(b, uint16(len(data)))
	return append(b, data...)
}

// nbEntry is an NB record's entry: NB_FLAGS and an address.
func nbEntry(flags uint16, a, b, c, d byte) []byte {
	return append(binary.BigEndian.AppendUint16(nil, flags), a, b, c, d)
}

// nbStatus is a node status response's data: its names (name, type,
// NAME_FLAGS) and statistics with the unit ID first.
func nbStatus(names ...struct {
	name  string
	typ   byte
	flags uint16
}) []byte {
	b := []byte{byte(len(names))}
	for _, n := range names {
		b = append(b, n.name+strings.Repeat(" ", 15-len(n.name))...)
		b = append(b, n.typ)
		b = binary.BigEndian.AppendUint16(b, n.flags)
	}
	stats := make([]byte, 46)
	copy(stats, []byte{0, 0x11, 0x22, 0x33, 0x44, 0x66, 0, 0, 1, 2})
	binary.BigEndian.PutUint32(stats[18:], 123456) // good sends
	binary.BigEndian.PutUint16(stats[44:], 1500)   // session data packet size
	return append(b, stats...)
}

func nbnsCases() []mdnsCase {
	const (
		host  = "192.168.1.10"
		peer  = "192.168.1.20"
		wins  = "192.168.1.1"
		bcast = "192.168.1.255"
	)
	ptr := []byte{0xc0, 12}
	star := nbEncoded("*", 0, "")
	type nm = struct {
		name  string
		typ   byte
		flags uint16
	}
	status := nbStatus(nm{"HOST20", 0x00, 0x0400}, nm{"WORKGROUP", 0x00, 0x8400}, nm{"HOST20", 0x20, 0x0400},
		nm{"WORKGROUP", 0x1e, 0x8400}, nm{"HOST20", 0x03, 0x1600}, nm{"\x01\x02__MSBROWSE__\x02", 0x01, 0x8c00})
	return []mdnsCase{
		{"broadcast name query", udpFrame(host, bcast, 137, 137,
			dnsMsg(0x8001, 0x0110, 1, 0, 0, 0, nbQ("WORKGROUP", 0x1d, 32))), "UDP, length 50"},
		{"positive name query response", udpFrame(peer, host, 137, 137,
			dnsMsg(0x8001, 0x8500, 0, 1, 0, 0, nbRR(nbEncoded("WORKGROUP", 0x1d, ""), 32, 300000, nbEntry(0, 192, 168, 1, 20)))), "UDP, length 62"},
		{"negative name query response", udpFrame(wins, host, 137, 137,
			dnsMsg(0x8009, 0x8583, 0, 1, 0, 0, nbRR(nbEncoded("NOHOST", 0x20, ""), 32, 0, nbEntry(0, 0, 0, 0, 0)))), "UDP, length 62"},
		{"group name response with two addresses", udpFrame(wins, host, 137, 137,
			dnsMsg(0x8008, 0x8580, 0, 1, 0, 0, nbRR(nbEncoded("GROUP", 0x1c, ""), 32, 300000,
				cat(nbEntry(0xe000, 10, 0, 0, 1), nbEntry(0xe000, 10, 0, 0, 2))))), "UDP, length 68"},
		{"registration", udpFrame(host, bcast, 137, 137,
			dnsMsg(0x8002, 0x2910, 1, 0, 0, 1, nbQ("MYHOST", 0x20, 32), nbRR(ptr, 32, 300000, nbEntry(0x6000, 192, 168, 1, 10)))), "UDP, length 68"},
		{"registration response, name owned by another node", udpFrame(wins, host, 137, 137,
			dnsMsg(0x8002, 0xad86, 0, 1, 0, 0, nbRR(nbEncoded("MYHOST", 0x20, ""), 32, 0, nbEntry(0x6000, 192, 168, 1, 10)))), "UDP, length 62"},
		{"wait for acknowledgement", udpFrame(wins, host, 137, 137,
			dnsMsg(0x8002, 0xbc00, 0, 1, 0, 0, nbRR(nbEncoded("MYHOST", 0x20, ""), 10, 30, []byte{0x29, 0x10}))), "UDP, length 58"},
		{"release of a group name", udpFrame(host, bcast, 137, 137,
			dnsMsg(0x8003, 0x3010, 1, 0, 0, 1, nbQ("WORKGROUP", 0x00, 32), nbRR(ptr, 32, 0, nbEntry(0x8000, 192, 168, 1, 10)))), "UDP, length 68"},
		{"refresh to the WINS server", udpFrame(host, wins, 137, 137,
			dnsMsg(0x8007, 0x4000, 1, 0, 0, 1, nbQ("MYHOST", 0x20, 32), nbRR(ptr, 32, 300000, nbEntry(0x2000, 192, 168, 1, 10)))), "UDP, length 68"},
		{"multi-homed registration", udpFrame(host, wins, 137, 137,
			dnsMsg(0x800a, 0x7900, 1, 0, 0, 1, nbQ("MYHOST", 0x20, 32), nbRR(ptr, 32, 300000, nbEntry(0x2000, 192, 168, 1, 10)))), "UDP, length 68"},
		{"node status request", udpFrame(host, peer, 137, 137,
			dnsMsg(0x8004, 0, 1, 0, 0, 0, star, []byte{0, 33, 0, 1})), "UDP, length 50"},
		{"node status response", udpFrame(peer, host, 137, 137,
			dnsMsg(0x8004, 0x8400, 0, 1, 0, 0, nbRR(star, 33, 0, status))), "UDP, length 211"},
		{"query with a scope and a control byte in the name", udpFrame(host, bcast, 137, 137,
			dnsMsg(0x800b, 0x0110, 1, 0, 0, 0, nbEncoded("foo\x01bar", 0x20, "corp.example"), []byte{0, 32, 0, 1})), "UDP, length 63"},
	}
}

// TestNBNSLines checks the one-liners and layers of the generated messages.
func TestNBNSLines(t *testing.T) {
	d := decode.NewDecoder()
	p := &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC}}
	for i, c := range nbnsCases() {
		got := lineFor(d, p, c.frame, i+1)
		if _, rest, _ := strings.Cut(got, ": "); strings.TrimSuffix(rest, "\n") != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, rest, c.want)
		}
		layers := d.Layers()
		if last := layers[len(layers)-1]; last.Type != decode.LayerNBNS || last.Malformed != "" {
			t.Errorf("%s: last layer %v %q", c.name, last.Type, last.Malformed)
		}
	}
}

// TestNBNSMatchesTshark holds the generated messages' -V subtrees, Protocol
// and Info columns and -T fields to tshark's, and their one-liners to
// tcpdump's.
func TestNBNSMatchesTshark(t *testing.T) {
	var frames [][]byte
	for _, c := range nbnsCases() {
		frames = append(frames, c.frame)
	}
	compareSubtreeWithTshark(t, frames, "NetBIOS Name Service", nil)
	compareFieldsWithTshark(t, writeTestPcap(t, frames), frames, []string{
		"frame.protocols", "nbns.id", "nbns.flags", "nbns.flags.response", "nbns.flags.opcode",
		"nbns.flags.authoritative", "nbns.flags.truncated", "nbns.flags.recdesired", "nbns.flags.recavail",
		"nbns.flags.broadcast", "nbns.flags.rcode", "nbns.count.queries", "nbns.count.answers",
		"nbns.count.auth_rr", "nbns.count.add_rr", "nbns.name", "nbns.type", "nbns.class", "nbns.ttl",
		"nbns.data_length", "nbns.nb_flags", "nbns.nb_flags.group", "nbns.nb_flags.ont", "nbns.addr",
		"nbns.number_of_names", "nbns.netbios_name", "nbns.name_flags", "nbns.name_flags.group",
		"nbns.name_flags.ont", "nbns.name_flags.drg", "nbns.name_flags.cnf", "nbns.name_flags.act",
		"nbns.name_flags.prm", "nbns.unit_id", "nbns.jumpers", "nbns.test_result", "nbns.version_number",
		"nbns.num_good_sends", "nbns.session_data_packet_size", "nbns.data",
	})
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-q"}})
}

// FuzzNBNS feeds NBNS messages to the decoder and every printer.
func FuzzNBNS(f *testing.F) {
	var vs []appVector
	for _, c := range nbnsCases() {
		vs = append(vs, appVector{hex: hexOf(udpPayload(c.frame))})
	}
	fuzzApp(f, decode.LayerNBNS, 137, false, vs)
}

// TestNBNSNoAllocations checks that decoding the generated messages and
// printing them (one-liners, -V, JSON, -T fields, columns) allocates
// nothing.
func TestNBNSNoAllocations(t *testing.T) {
	d := decode.NewDecoder()
	buf := make([]byte, 0, 64<<10)
	fp, err := decode.NewFieldsPrinter(nil)
	if err != nil {
		t.Fatal(err)
	}
	printers := []interface {
		Append([]byte, *decode.Decoder, *decode.Frame) []byte
	}{
		&decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Verbose: 2}},
		&decode.TreePrinter{Location: time.UTC},
		&decode.JSONPrinter{Location: time.UTC},
		&decode.ColumnsPrinter{},
		fp,
	}
	for i, c := range nbnsCases() {
		f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(c.frame)}
		for k, p := range printers {
			run := func() {
				d.Decode(c.frame, linktype.Ethernet)
				buf = p.Append(buf[:0], d, &f)
			}
			run()
			if n := testing.AllocsPerRun(50, run); n != 0 {
				t.Errorf("frame %d printer %d: %v allocations", i, k, n)
			}
		}
	}
}

// TestNBNSDamagedMatchesTshark holds damaged messages to tshark: every -V
// line rawcap draws must be tshark's, and the columns equal.
func TestNBNSDamagedMatchesTshark(t *testing.T) {
	cases := nbnsCases()
	status := cases[11].frame
	frames := [][]byte{
		udpFrame("192.168.1.10", "192.168.1.255", 137, 137, dnsMsg(0x8101, 0x0110, 1, 0, 0, 0, nbQ("CUT", 0x20, 32)[:20])),
		udpFrame("192.168.1.10", "192.168.1.255", 137, 137, dnsMsg(0x8102, 0x0110, 1, 0, 0, 0)[:8]),
		udpFrame("192.168.1.20", "192.168.1.10", 137, 137, udpPayload(status)[:120]),
		udpFrame("192.168.1.10", "192.168.1.255", 137, 137, dnsMsg(0x8103, 0x0110, 2, 0, 0, 0, nbQ("A", 0x20, 32))),
	}
	why := "damaged: rawcap draws what it can show and stops"
	compareSubtreeWithTshark(t, frames, "NetBIOS Name Service", map[int]string{0: why, 1: why, 2: why, 3: why})
}
