package decode_test

import (
	"encoding/binary"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// ospfFrame builds Ethernet / IPv4 (protocol 89, to 224.0.0.5) around an
// OSPF packet and what follows it.
func ospfFrame(t testing.TB, ospf []byte) []byte {
	f := mustHex(t, "01 00 5e 00 00 05 02 00 00 00 00 01 08 00 "+
		"45 c0 00 00 00 01 00 00 01 59 00 00 c0 00 02 01 e0 00 00 05")
	binary.BigEndian.PutUint16(f[16:], uint16(20+len(ospf)))
	putChecksum(f[14:34], 10)
	return append(f, ospf...)
}

// ospfPacket builds a version 2 packet: the header (router 1.1.1.1, area
// area) with auth type at and its 8 bytes, the body, its length and, for
// auth types other than 2, its checksum; then the trailer.
func ospfPacket(typ byte, area uint32, at uint16, auth, body, trailer []byte) []byte {
	p := make([]byte, 24, 24+len(body)+len(trailer))
	p[0], p[1] = 2, typ
	binary.BigEndian.PutUint16(p[2:], uint16(24+len(body)))
	copy(p[4:], []byte{1, 1, 1, 1})
	binary.BigEndian.PutUint32(p[8:], area)
	binary.BigEndian.PutUint16(p[14:], at)
	copy(p[16:24], auth)
	p = append(p, body...)
	if at != 2 {
		var sum uint32
		for i := 0; i+1 < len(p); i += 2 {
			if i < 16 || i >= 24 {
				sum += uint32(p[i])<<8 | uint32(p[i+1])
			}
		}
		if len(p)%2 == 1 {
			sum += uint32(p[len(p)-1]) << 8
		}
		for sum > 0xffff {
			sum = sum>>16 + sum&0xffff
		}
		binary.BigEndian.PutUint16(p[12:], ^uint16(sum))
	}
	return append(p, trailer...)
}

// lsaHeader returns an LSA header of type typ, id, advertising router
// 2.2.2.2, for an LSA of n bytes in all.
func lsaHeader(t testing.TB, typ byte, opts byte, id string, n int) []byte {
	h := mustHex(t, "00 2a 00 00 "+id+" 02 02 02 02 80 00 00 07 ab cd 00 00")
	h[2], h[3] = opts, typ
	binary.BigEndian.PutUint16(h[18:], uint16(n))
	return h
}

func cat(bs ...[]byte) []byte {
	var out []byte
	for _, b := range bs {
		out = append(out, b...)
	}
	return out
}

func ospfVectors(t testing.TB) (names []string, frames [][]byte) {
	add := func(name string, p []byte) {
		names = append(names, name)
		frames = append(frames, ospfFrame(t, p))
	}
	add("hello", ospfPacket(1, 0, 0, nil, mustHex(t,
		"ff ff ff 00 00 0a 02 01 00 00 00 28 c0 00 02 01 00 00 00 00 0a 00 00 02 0a 00 00 03"), nil))
	add("hello md5 lls", ospfPacket(1, 1, 2, mustHex(t, "00 00 01 10 5a 83 41 12"), mustHex(t,
		"ff ff ff 00 00 0a 12 01 00 00 00 28 c0 00 02 01 c0 00 02 02"), cat(
		mustHex(t, "91 b0 1c 6b d6 c7 09 3c 11 86 1e 76 33 4b a8 58"),
		mustHex(t, "00 00 00 09 00 01 00 04 00 00 00 01 00 02 00 14 5a 83 41 12"),
		mustHex(t, "62 a8 49 db 46 49 60 4c 9f da 6c 0a 9f df 25 86"))))
	add("hello simple", ospfPacket(1, 0x0a000000, 1, []byte("secret\x00\x00"), mustHex(t,
		"ff ff ff 00 00 0a 02 01 00 00 00 28 00 00 00 00 00 00 00 00"), nil))
	add("db description", ospfPacket(2, 0, 0, nil, cat(mustHex(t, "05 dc 42 07 00 00 00 81"),
		lsaHeader(t, 1, 0x22, "02 02 02 02", 36), lsaHeader(t, 5, 0x20, "0a 01 00 00", 36)), nil))
	add("ls request", ospfPacket(3, 0, 0, nil, mustHex(t,
		"00 00 00 01 02 02 02 02 02 02 02 02 00 00 00 05 0a 01 00 00 02 02 02 02"), nil))
	router := cat(lsaHeader(t, 1, 0x22, "02 02 02 02", 20+4+36+4), mustHex(t,
		"02 00 00 03 "+
			"0a 00 00 00 ff ff ff 00 03 00 00 0a "+
			"c0 00 02 01 c0 00 02 02 02 00 00 01 "+
			"03 03 03 03 0a 00 00 01 01 01 00 05 01 00 00 07"))
	network := cat(lsaHeader(t, 2, 0x22, "c0 00 02 01", 32), mustHex(t, "ff ff ff 00 02 02 02 02 03 03 03 03"))
	summary := cat(lsaHeader(t, 3, 0x22, "0a 02 00 00", 28), mustHex(t, "ff ff 00 00 00 00 00 40"))
	asbr := cat(lsaHeader(t, 4, 0x22, "04 04 04 04", 28), mustHex(t, "00 00 00 00 00 00 00 14"))
	external := cat(lsaHeader(t, 5, 0x20, "0a 03 00 00", 36), mustHex(t, "ff ff ff 00 80 00 00 14 c0 00 02 09 00 00 00 04"))
	nssa := cat(lsaHeader(t, 7, 0x28, "0a 04 00 00", 36), mustHex(t, "ff ff ff 00 00 00 00 05 00 00 00 00 00 00 00 00"))
	grace := cat(lsaHeader(t, 9, 0x40, "03 00 00 00", 44), mustHex(t,
		"00 01 00 04 00 00 00 28 00 02 00 01 01 00 00 00 00 03 00 04 c0 00 02 01"))
	add("ls update", ospfPacket(4, 0, 0, nil, cat(mustHex(t, "00 00 00 03"), router, network, external), nil))
	add("ls update summary nssa grace", ospfPacket(4, 0, 0, nil, cat(mustHex(t, "00 00 00 04"), summary, asbr, nssa, grace), nil))
	// Opaque LSAs: router information (a hostname, SR algorithms, a SID/
	// label range and an SR local block, an SRMS preference) and extended
	// prefix (a prefix with a SID, a range with a label, flags set).
	ri := mustHex(t, "00 07 00 03 72 31 00 00 00 08 00 02 00 01 00 00 "+
		"00 09 00 0c 00 00 64 00 00 01 00 03 00 3e 80 00 "+
		"00 0e 00 0c 00 03 e8 00 00 01 00 04 00 00 27 10 "+
		"00 0f 00 04 80 00 00 00")
	extPfx := mustHex(t, "00 01 00 14 03 18 00 c0 0a 01 02 00 00 02 00 08 4c 00 00 00 00 00 00 05 "+
		"00 02 00 17 20 00 00 04 80 00 00 00 0a 09 00 01 00 02 00 07 60 00 00 00 00 3e 81 00")
	add("ls update opaque", ospfPacket(4, 0, 0, nil, cat(mustHex(t, "00 00 00 02"),
		lsaHeader(t, 10, 0x02, "04 00 00 00", 20+len(ri)), ri, lsaHeader(t, 10, 0x02, "07 00 00 01", 20+len(extPfx)), extPfx), nil))
	add("ls ack", ospfPacket(5, 0, 0, nil, cat(lsaHeader(t, 1, 0x22, "02 02 02 02", 36), lsaHeader(t, 2, 0x22, "c0 00 02 01", 32)), nil))
	add("ls update cut", ospfPacket(4, 0, 0, nil, cat(mustHex(t, "00 00 00 02"), network[:26]), nil))
	add("unknown type", ospfPacket(9, 0, 0, nil, mustHex(t, "00 00 00 00"), nil))
	// LSAs shorter than their type's least length: tshark's expert item,
	// and no body.
	add("ls update short lsa", ospfPacket(4, 0, 0, nil, cat(mustHex(t, "00 00 00 01"), lsaHeader(t, 1, 0x22, "02 02 02 02", 10)), nil))
	add("ls update short external", ospfPacket(4, 0, 0, nil, cat(mustHex(t, "00 00 00 01"), lsaHeader(t, 5, 0x22, "0a 00 00 00", 24),
		mustHex(t, "ff ff ff 00")), nil))
	add("ls update short unknown", ospfPacket(4, 0, 0, nil, cat(mustHex(t, "00 00 00 01"), lsaHeader(t, 12, 0x22, "02 02 02 02", 10)), nil))
	return names, frames
}

func TestOSPF(t *testing.T) {
	names, frames := ospfVectors(t)
	d := decode.NewDecoder()
	for i, frame := range frames {
		layers := d.Decode(frame, linktype.Ethernet)
		if len(layers) != 3 || layers[2].Type != decode.LayerOSPF {
			t.Fatalf("%s: layers %v, want Ethernet, IPv4, OSPF", names[i], layers)
		}
		f := decode.Frame{Number: i + 1, Time: time.Unix(1, 0), Length: len(frame)}
		tree := string((&decode.TreePrinter{Location: time.UTC}).Append(nil, d, &f))
		if !strings.Contains(tree, "\nOpen Shortest Path First\n    OSPF Header\n        Version: 2\n") {
			t.Errorf("%s: -V has no OSPF subtree:\n%s", names[i], tree)
		}
		cols := string((&decode.ColumnsPrinter{}).Append(nil, d, &f))
		if !strings.Contains(cols, " OSPF ") {
			t.Errorf("%s: columns %q name no OSPF", names[i], cols)
		}
	}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Time: decode.TimeNone}}
	d.Decode(frames[0], linktype.Ethernet)
	f := decode.Frame{Number: 1, Length: len(frames[0])}
	if got, want := string(lp.Append(nil, d, &f)), "IP 192.0.2.1 > 224.0.0.5: OSPFv2, Hello, length 52\n"; got != want {
		t.Errorf("line %q, want %q", got, want)
	}
	fp, err := decode.NewFieldsPrinter([]string{"ospf.msg", "ospf.srcrouter", "ospf.hello.active_neighbor", "ospf.v2.options.e"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(fp.Append(nil, d, &f)), "1\t1.1.1.1\t10.0.0.2,10.0.0.3\t1\n"; got != want {
		t.Errorf("-T fields %q, want %q", got, want)
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}, {"-q"}, {"-e"}})
	compareFramesTreeWithTshark(t, frames)
}

// TestOSPFDamaged decodes every prefix of every vector and a bad version:
// nothing panics, and a packet cut short is marked.
func TestOSPFDamaged(t *testing.T) {
	_, frames := ospfVectors(t)
	d := decode.NewDecoder()
	outs := allPrinters()
	for _, frame := range frames {
		for n := 34; n <= len(frame); n++ {
			d.Decode(frame[:n], linktype.Ethernet)
			f := decode.Frame{Number: 1, Length: len(frame)}
			for _, out := range outs {
				out(d, &f)
			}
		}
	}
	// Version 3: every prefix, and every byte of the OSPF packet set to
	// 0xff in turn (lengths, counts and prefix lengths out of range).
	for _, frame := range ospfV3Vectors(t) {
		for n := 54; n <= len(frame); n++ {
			d.Decode(frame[:n], linktype.Ethernet)
			f := decode.Frame{Number: 1, Length: len(frame)}
			for _, out := range outs {
				out(d, &f)
			}
		}
		for k := 54; k < len(frame); k++ {
			b := append([]byte(nil), frame...)
			b[k] = 0xff
			d.Decode(b, linktype.Ethernet)
			f := decode.Frame{Number: 1, Length: len(b)}
			for _, out := range outs {
				out(d, &f)
			}
		}
	}
	bad := append([]byte(nil), frames[0]...)
	bad[34] = 7
	d.Decode(bad, linktype.Ethernet)
	if m, ok := d.Malformed(); !ok || m.Type != decode.LayerOSPF {
		t.Errorf("version 7: malformed %v %v, want the OSPF layer", m, ok)
	}
}

// allPrinters returns a function per output that prints a decoded packet.
func allPrinters() []func(d *decode.Decoder, f *decode.Frame) {
	var buf []byte
	fp, _ := decode.NewFieldsPrinter([]string{"ospf.msg", "ospf.lsa", "ospf.metric", "ospf.lls.ext.options"})
	return []func(d *decode.Decoder, f *decode.Frame){
		func(d *decode.Decoder, f *decode.Frame) {
			for v := 0; v <= 3; v++ {
				buf = (&decode.LinePrinter{Options: decode.LineOptions{Verbose: v}}).Append(buf[:0], d, f)
			}
		},
		func(d *decode.Decoder, f *decode.Frame) {
			buf = (&decode.TreePrinter{Location: time.UTC}).Append(buf[:0], d, f)
		},
		func(d *decode.Decoder, f *decode.Frame) { buf = (&decode.ColumnsPrinter{}).Append(buf[:0], d, f) },
		func(d *decode.Decoder, f *decode.Frame) {
			buf = (&decode.JSONPrinter{Location: time.UTC}).Append(buf[:0], d, f)
		},
		func(d *decode.Decoder, f *decode.Frame) { buf = fp.Append(buf[:0], d, f) },
	}
}

// TestOSPFAllocs holds decode, JSON, -T fields, -V and the -vv one-liner
// of OSPF packets to no allocation per packet.
func TestOSPFAllocs(t *testing.T) {
	_, frames := ospfVectors(t)
	d := decode.NewDecoder()
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	tp := &decode.TreePrinter{Location: time.UTC}
	fp, err := decode.NewFieldsPrinter([]string{"ospf.msg", "ospf.lsa", "ospf.advrouter", "ospf.metric"})
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 0, 1<<16)
	f := decode.Frame{Number: 1}
	for _, frame := range frames {
		run := func() {
			d.Decode(frame, linktype.Ethernet)
			buf = lp.Append(buf[:0], d, &f)
			buf = jp.Append(buf[:0], d, &f)
			buf = fp.Append(buf[:0], d, &f)
			buf = tp.Append(buf[:0], d, &f)
		}
		run()
		if n := testing.AllocsPerRun(50, run); n != 0 {
			t.Errorf("%d bytes: %v allocations per packet", len(frame), n)
		}
	}
}

// compareFramesTreeWithTshark writes frames to a capture and checks that
// every line of rawcap's -V tree is one of tshark's, in order.
func compareFramesTreeWithTshark(t *testing.T, frames [][]byte) {
	t.Helper()
	compareFramesTreeWithTsharkFrom(t, frames, "\nOpen Shortest Path First\n")
}

// compareFramesTreeWithTsharkFrom compares the trees from the line title
// (with its newlines) on.
func compareFramesTreeWithTsharkFrom(t *testing.T, frames [][]byte, title string) {
	t.Helper()
	if _, err := exec.LookPath("tshark"); err != nil || testing.Short() {
		t.Log("tshark not installed or -short: vectors' trees not compared with it")
		return
	}
	path := writeTestPcap(t, frames)
	cmd := exec.Command("tshark", "-n", "-V", "-r", path)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	theirs := strings.Split(string(out), "\nFrame ")
	if len(theirs) != len(frames) {
		t.Fatalf("tshark printed %d frames, want %d", len(theirs), len(frames))
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	shown, total := 0, 0
	for i, frame := range frames {
		d.Decode(frame, linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(frame)}
		mine := string(tp.Append(nil, d, &f))
		k := strings.Index(mine, title)
		j := strings.Index(theirs[i], title)
		if k < 0 || j < 0 {
			t.Errorf("frame %d: no %q tree (rawcap %v, tshark %v)", i+1, title, k >= 0, j >= 0)
			continue
		}
		their := strings.Split(strings.TrimRight(theirs[i][j+1:], "\n"), "\n")
		at := 0
		for _, line := range strings.Split(strings.TrimRight(mine[k+1:], "\n"), "\n") {
			for at < len(their) && their[at] != line {
				at++
			}
			if at == len(their) {
				t.Errorf("frame %d: rawcap's line %q is not tshark's (in order):\n%s", i+1, line, strings.Join(their, "\n"))
				break
			}
			at++
			shown++
		}
		total += len(their)
	}
	t.Logf("rawcap prints %d of tshark's %d tree lines from %q on", shown, total, title)
}

// TestOSPFTreeMatchesTshark holds the generated frames' OSPF subtree, drawn
// from the fields emitOSPF emits, to tshark's line for line, and redrawing
// it to no allocation.
func TestOSPFTreeMatchesTshark(t *testing.T) {
	_, frames := ospfVectors(t)
	checkTreeAllocsNothing(t, frames, "Open Shortest Path First")
	// Frame 8's LSAs run past the packet: its tree ends in tshark's
	// exception and its Info column in "[Malformed Packet]".
	compareSubtreeWithTshark(t, frames, "Open Shortest Path First", nil)
}

// ospfV3Frame builds Ethernet / IPv6 (next header 89, fe80::1 to ff02::5)
// around a version 3 packet of type typ with body, its length and
// checksum (over the IPv6 pseudo-header) filled in.
func ospfV3Frame(t testing.TB, typ byte, body []byte) []byte {
	p := append(mustHex(t, "03 00 00 00 01 01 01 01 00 00 00 00 00 00 00 00"), body...)
	p[1] = typ
	binary.BigEndian.PutUint16(p[2:], uint16(len(p)))
	ip := mustHex(t, "33 33 00 00 00 05 02 00 00 00 00 01 86 dd 60 00 00 00 00 00 59 01 "+
		"fe 80 00 00 00 00 00 00 00 00 00 00 00 00 00 01 ff 02 00 00 00 00 00 00 00 00 00 00 00 00 00 05")
	binary.BigEndian.PutUint16(ip[18:], uint16(len(p)))
	sum := uint32(len(p)) + 89
	for _, b := range [][]byte{ip[22:54], p} {
		for i := 0; i < len(b); i += 2 {
			w := uint32(b[i]) << 8
			if i+1 < len(b) {
				w |= uint32(b[i+1])
			}
			sum += w
		}
	}
	for sum > 0xffff {
		sum = sum>>16 + sum&0xffff
	}
	binary.BigEndian.PutUint16(p[12:], ^uint16(sum))
	return append(ip, p...)
}

// lsaV3Header returns a version 3 LSA header of LS type typ and link
// state ID id, advertising router 1.1.1.1, for an LSA of n bytes in all.
func lsaV3Header(t testing.TB, typ uint16, id string, n int) []byte {
	h := mustHex(t, "00 28 00 00 "+id+" 01 01 01 01 80 00 00 02 d1 3a 00 00")
	binary.BigEndian.PutUint16(h[2:], typ)
	binary.BigEndian.PutUint16(h[18:], uint16(n))
	return h
}

// ospfV3Vectors are version 3 messages whose LSA headers and bodies are
// drawn from their fields: a DB Description, an LS Request, an LS Update
// with a router, network, inter-area prefix, link and intra-area prefix
// LSA (and a prefix whose length is not a multiple of 8), an LS Ack.
func ospfV3Vectors(t testing.TB) [][]byte {
	router := cat(lsaV3Header(t, 0x2001, "00 00 00 00", 40), mustHex(t,
		"01 00 00 33 02 00 00 40 00 00 00 06 00 00 00 06 03 03 03 03"))
	network := cat(lsaV3Header(t, 0x2002, "00 00 00 06", 32), mustHex(t, "00 00 00 33 03 03 03 03 02 02 02 02"))
	inter := cat(lsaV3Header(t, 0x2003, "00 00 00 01", 36), mustHex(t,
		"00 00 00 14 40 00 00 00 20 01 0d b8 00 00 00 04"))
	link := cat(lsaV3Header(t, 0x0008, "00 00 00 05", 68), mustHex(t,
		"64 00 00 33 fe 80 00 00 00 00 00 00 00 00 00 00 00 00 00 03 00 00 00 02 "+
			"40 00 00 00 20 01 0d b8 00 00 00 00 3d 02 00 00 20 01 0d b8 00 00 00 0f"))
	intra := cat(lsaV3Header(t, 0x2009, "00 00 00 00", 44), mustHex(t,
		"00 01 20 01 00 00 00 00 01 01 01 01 40 00 00 0a 20 01 0d b8 00 00 00 12"))
	return [][]byte{
		ospfV3Frame(t, 2, cat(mustHex(t, "00 00 00 13 05 dc 00 07 00 00 0d 56"), router[:20], link[:20])),
		ospfV3Frame(t, 3, mustHex(t, "00 00 20 09 00 00 00 00 02 02 02 02 00 00 00 08 00 00 00 05 01 01 01 01")),
		ospfV3Frame(t, 4, cat(mustHex(t, "00 00 00 05"), router, network, inter, link, intra)),
		ospfV3Frame(t, 5, cat(network[:20], intra[:20])),
		// An LSA shorter than its header, a router-LSA whose body is
		// not there: tshark's exception.
		ospfV3Frame(t, 4, cat(mustHex(t, "00 00 00 02"), lsaV3Header(t, 0x2001, "00 00 00 00", 0))),
		ospfV3Frame(t, 4, cat(mustHex(t, "00 00 00 01"), router[:20])),
	}
}

// TestOSPFv3TreeMatchesTshark holds the version 3 vectors' OSPF subtree,
// drawn from their fields, to tshark's line for line, and every printer
// to no allocation.
func TestOSPFv3TreeMatchesTshark(t *testing.T) {
	frames := ospfV3Vectors(t)
	checkTreeAllocsNothing(t, frames, "Open Shortest Path First")
	d := decode.NewDecoder()
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	fp, err := decode.NewFieldsPrinter([]string{"ospf.v3.lsa.fc", "ospf.prefix_length", "ospf.v3.address_prefix.ipv6",
		"ospf.metric", "ospf.reserved", "ospf.v3.lsa.neighbor_router_id"})
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 0, 1<<16)
	f := decode.Frame{Number: 1}
	for i, frame := range frames {
		run := func() {
			d.Decode(frame, linktype.Ethernet)
			buf = lp.Append(buf[:0], d, &f)
			buf = jp.Append(buf[:0], d, &f)
			buf = fp.Append(buf[:0], d, &f)
		}
		run()
		if n := testing.AllocsPerRun(50, run); n != 0 {
			t.Errorf("frame %d: %v allocations per packet", i+1, n)
		}
	}
	d.Decode(frames[2], linktype.Ethernet)
	want := "1,2,3,8,9\t64,64,61,64\t2001:db8:0:4::,2001:db8::,2001:db8:0:8::,2001:db8:0:12::\t64,20,10\t00,00,00,00,0000,0000,0000\t3.3.3.3\n"
	if got := string(fp.Append(nil, d, &f)); got != want {
		t.Errorf("-T fields %q, want %q", got, want)
	}
	compareSubtreeWithTshark(t, frames, "Open Shortest Path First", nil)
}

// TestOSPFVectorFieldsMatchTshark holds -T fields of the generated
// frames, both versions, to tshark's for the fields drawn from LSA
// bodies: every occurrence, in tshark's order.
func TestOSPFVectorFieldsMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	_, frames := ospfVectors(t)
	frames = append(frames, ospfV3Vectors(t)...)
	compareFieldsWithTshark(t, writeTestPcap(t, frames), frames, []string{
		"ospf.lsa.age", "ospf.v3.lsa", "ospf.v3.lsa.fc", "ospf.link_state_id", "ospf.advrouter", "ospf.reserved",
		"ospf.metric", "ospf.ls.metric", "ospf.lsa.tos", "ospf.lsa.asbr.netmask", "ospf.prefix_length",
		"ospf.v3.prefix.options", "ospf.v3.address_prefix.ipv6", "ospf.v3.lsa.interface_id",
		"ospf.v3.lsa.attached_router", "ospf.v3.lsa.num_prefixes", "ospf.tlv_type", "ospf.tlv_length",
		"ospf.v2.grace", "ospf.v2.grace.period", "ospf.v2.grace.reason", "ospf.v2.grace.ip", "ospf.pad_bytes",
		"ospf.header", "ospf.hello", "ospf.lsa.asext.netmask", "ospf.lsa.asext.type", "ospf.lsa.asext.fwdaddr",
		"ospf.lsa.asext.extrttag", "ospf.lsa.nssa", "ospf.v2.options.p", "ospf.v2.options.n",
		"ospf.tlv_type.opaque", "ospf.dynhostname", "ospf.lsa_sa", "ospf.tlv.range_size", "ospf.tlv.sidlabel_range.type",
		"ospf.tlv.sid_label", "ospf.tlv.preference", "ospf.tlv.extpfx.tlv_type", "ospf.tlv.extpfx.rotuetype",
		"ospf.tlv.extpfx.af", "ospf.tlv.extpfx.flags", "ospf.tlv.extpfx.flags.a", "ospf.tlv.extpfx.flags.n",
		"ospf.tlv.extpfx_range.flags", "ospf.tlv.extpfx_range.flags.ia", "ospf.v3.address_prefix.ipv4",
		"ospf.tlv.extpfx.subtlv_type", "ospf.tlv.pfxsid.flags", "ospf.tlv.pfxsid.flags.np", "ospf.tlv.pfxsid.flags.v",
		"ospf.tlv.extlink.mt_id"})
}

// ospfV3LSUpdates returns LS Updates built to reach each path of
// tcpdump's -vv LSA printer: every LSA type it lays out, in and out of its
// scope, each link type, prefix option and AS external flag, and LSAs,
// links and prefixes cut short or running past their length.
func ospfV3LSUpdates(t testing.TB) [][]byte {
	lsa := func(typ uint16, id uint32, body ...[]byte) []byte {
		b := make([]byte, 20)
		binary.BigEndian.PutUint16(b[0:], 1)
		binary.BigEndian.PutUint16(b[2:], typ)
		binary.BigEndian.PutUint32(b[4:], id)
		binary.BigEndian.PutUint32(b[8:], 0x02020202)
		binary.BigEndian.PutUint32(b[12:], 0x80000001)
		b = cat(append([][]byte{b}, body...)...)
		binary.BigEndian.PutUint16(b[18:], uint16(len(b)))
		return b
	}
	u32 := func(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }
	addr := mustHex(t, "20010db8000100020000000000000001")
	pfx := func(plen, opts byte, metric uint16) []byte {
		b := binary.BigEndian.AppendUint16([]byte{plen, opts}, metric)
		return append(b, addr[:(int(plen)+31)/32*4]...)
	}
	link := func(typ byte, metric uint16) []byte {
		b := binary.BigEndian.AppendUint16([]byte{typ, 0}, metric)
		return append(b, cat(u32(5), u32(6), u32(0x07070707))...)
	}
	update := func(count uint32, lsas ...[]byte) []byte {
		return ospfV3Frame(t, 4, cat(append([][]byte{u32(count)}, lsas...)...))
	}
	network0 := lsa(0x2002, 1, u32(0))
	rl := u32(0x1f000013)
	var out [][]byte
	out = append(out,
		update(1, lsa(0x2001, 0, rl, link(1, 11), link(2, 12), link(3, 13), link(4, 14))),
		update(2, lsa(0x2001, 0, rl, link(4, 1)), lsa(0x2001, 0, u32(0), link(3, 1), link(1, 1)), network0),
		update(3, lsa(0x0001, 0, rl), lsa(0x4001, 0, rl), lsa(0xa001, 0, rl)),
		update(1, lsa(0x2002, 6, u32(0x13), u32(0x01010101), u32(0x02020202))),
		update(1, lsa(0x2004, 1, u32(0x13), u32(0x14), u32(0x09090909))),
		update(1, lsa(0x2007, 1, u32(0x07000064), pfx(48, 0, 0), addr, u32(0xdeadbeef))),
		update(1, lsa(0x0008, 6, u32(0x05000013), addr, u32(2), pfx(64, 2, 0), pfx(128, 0, 0))),
		update(1, lsa(0x0008, 6, u32(0x01000000), addr, u32(0))),
		update(2, lsa(0x2008, 6, u32(0x01000013), addr, u32(0)), lsa(0x2009, 0, mustHex(t, "0000 0001 00000000 00000003"))),
		update(1, lsa(0x2009, 0, mustHex(t, "0002 2002 00000006 03030303"), pfx(0, 0, 5), pfx(96, 1, 6))),
		update(3, lsa(0x2006, 0, u32(0x01020304)), lsa(0x200b, 0, u32(1), u32(2)), lsa(0x000c, 0, u32(0x61626364))),
		// More LSAs counted than sent, fewer, none.
		update(2, network0),
		update(1, network0, lsa(0x2002, 2, u32(0))),
		update(0, network0),
		// An LSA shorter than its header, one longer than the packet.
		update(1, cat(lsa(0x2001, 0)[:18], []byte{0, 12}, make([]byte, 8))),
		update(1, cat(lsa(0x2002, 0)[:18], []byte{0, 60}, u32(0x13), u32(0x01010101))),
		// Bodies cut short: a link, a router, a prefix, a prefix length
		// past 128, a prefix count past the LSA.
		update(1, lsa(0x2001, 0, rl, link(1, 11)[:10])),
		update(2, lsa(0x2002, 1, u32(0x13), u32(0x01010101)), lsa(0x2001, 0, u32(0x13), []byte{0, 0})),
		update(2, lsa(0x2001, 0, u32(0x13), link(1, 1), u32(0)), network0),
		update(1, lsa(0x2002, 0, u32(0x13), mustHex(t, "01010101 0202"))),
		update(1, lsa(0x2003, 1, u32(0x0a0b), pfx(64, 0, 7)[:6])),
		update(1, lsa(0x2003, 1, u32(0x0a0b), mustHex(t, "81000000"), addr)),
		update(2, lsa(0x2003, 1, u32(5), pfx(64, 0, 0), u32(0x01020304)), network0),
		update(2, lsa(0x2003, 1, u32(5), pfx(64, 0, 0), pfx(0, 0, 9)), network0),
		update(2, lsa(0x0008, 6, u32(0x01000013), addr, u32(1), pfx(64, 0, 0), pfx(0, 0, 3)), network0),
		update(2, lsa(0x0008, 6, u32(0x01000013), addr, u32(2), pfx(64, 0, 0)), network0),
		update(2, lsa(0x2009, 0, mustHex(t, "0003 2001 00000000 00000003"), pfx(64, 0, 5)), network0),
		update(2, lsa(0x2009, 0, mustHex(t, "0002 2001 00000000 00000003"), pfx(64, 0, 5)),
			cat([]byte{0x40, 0}, network0[2:])),
		update(2, lsa(0x2009, 0, mustHex(t, "0001 2001 00000000 00000003"), pfx(64, 0, 5), pfx(0, 0, 1)), network0),
	)
	for e := range 6 {
		out = append(out, update(2, lsa(0x2009, 0, mustHex(t, "0003 2001 00000000 00000003"), pfx(64, 0, 5), pfx(0, 0, 1),
			make([]byte, e)), network0))
	}
	for _, o := range []byte{1, 2, 4, 8, 16, 32, 64, 128, 0xff} {
		out = append(out, update(1, lsa(0x2003, 1, u32(0x0a0b), pfx(64, o, 7))))
	}
	// AS external LSAs: each flag, a referenced LS type (tcpdump reads
	// its first byte), trailing bytes, another scope.
	for _, c := range []struct {
		flags byte
		ref   uint16
	}{{0, 0}, {1, 0}, {2, 0}, {4, 0}, {7, 0}, {3, 0x2001}, {0, 0x2001}, {1, 5}, {2, 5}, {0, 1}, {0, 0x8000}, {0, 0x0100}, {0, 0x10}} {
		b := cat(u32(uint32(c.flags)<<24|100), pfx(48, 2, c.ref))
		if c.flags&2 != 0 {
			b = append(b, addr...)
		}
		if c.flags&1 != 0 {
			b = append(b, u32(0xdeadbeef)...)
		}
		out = append(out, update(1, lsa(0x4005, 1, b, u32(0x0a0b0c0d))))
	}
	out = append(out,
		update(2, lsa(0x4005, 1, u32(100), pfx(48, 0, 0), u32(0x01020304)), network0),
		update(1, lsa(0x2005, 1, u32(100), pfx(48, 0, 0))),
	)
	return out
}

// TestOSPFv3LSAsMatchTcpdump holds the LS Updates' lines, -vv and -vvv
// (each LSA's contents) and the shorter ones, to tcpdump's.
func TestOSPFv3LSAsMatchTcpdump(t *testing.T) {
	ethernetLinesMatchTcpdump(t, ospfV3LSUpdates(t), [][]string{{}, {"-v"}, {"-vv"}, {"-vvv"}})
}

// ethernetLinesMatchTcpdump checks that the line printer allocates nothing
// for each Ethernet frame (at -vv), then holds its lines to tcpdump's at
// each option set.
func ethernetLinesMatchTcpdump(t *testing.T, frames [][]byte, optSets [][]string) {
	d := decode.NewDecoder()
	buf := make([]byte, 0, 1<<16)
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	f := decode.Frame{Number: 1}
	for i, frame := range frames {
		run := func() {
			d.Decode(frame, linktype.Ethernet)
			buf = lp.Append(buf[:0], d, &f)
		}
		if n := testing.AllocsPerRun(20, run); n != 0 {
			t.Errorf("frame %d: %v allocations per packet", i+1, n)
		}
	}
	testshared.Oracle(t, "tcpdump")
	path := writeTestPcap(t, frames)
	for _, opts := range optSets {
		want := tcpdumpPackets(t, path, opts, len(frames))
		p := &decode.LinePrinter{Options: lineOptionsFor(append([]string{"-tt"}, opts...))}
		for i, frame := range frames {
			if got := lineFor(d, p, frame, i+1); got != want[i] {
				t.Errorf("%v frame %d:\n got  %q\n want %q", opts, i+1, got, want[i])
			}
		}
	}
}
