package pcapio

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/klauspost/compress/zstd"
)

// packetOptions is what the Options accessors return for one packet.
type packetOptions struct {
	Comment   string
	Comments  []string
	Flags     uint32
	DropCount uint64
	PacketID  uint64
	Queue     uint32
	Hash      []byte
	Verdicts  [][]byte
	Empty     bool
}

func decodeOptions(o Options) packetOptions {
	var po packetOptions
	po.Comment, _ = o.Comment()
	po.Comments = o.Comments()
	po.Flags, _ = o.Flags()
	po.DropCount, _ = o.DropCount()
	po.PacketID, _ = o.PacketID()
	po.Queue, _ = o.Queue()
	po.Hash, _ = o.Hash()
	po.Verdicts = o.Verdicts()
	po.Empty = o.Empty()
	return po
}

// TestPcapNGPacketOptions reads an EPB carrying every packet option, in both
// byte orders: the accessors must agree.
func TestPcapNGPacketOptions(t *testing.T) {
	// SHB 1.0, IDB (Ethernet, snaplen 262144), EPB of 5 of 60 bytes at
	// 1700000000.123456 with opt_comment "hi", epb_flags 1 (inbound), epb_hash
	// (algorithm 2, de ad be ef), epb_dropcount 4, epb_packetid
	// 0x1122334455667788, epb_queue 3, epb_verdict (type 0, 01 02), opt_endofopt.
	tests := []struct{ name, in string }{{
		name: "little-endian",
		in: `0a 0d 0d 0a 1c 00 00 00 4d 3c 2b 1a 01 00 00 00 ff ff ff ff ff ff ff ff 1c 00 00 00
		     01 00 00 00 14 00 00 00 01 00 00 00 00 00 04 00 14 00 00 00
		     06 00 00 00 70 00 00 00 00 00 00 00 24 0a 06 00 40 22 20 18 05 00 00 00 3c 00 00 00
		     de ad be ef 01 00 00 00
		     01 00 02 00 68 69 00 00
		     02 00 04 00 01 00 00 00
		     03 00 05 00 02 de ad be ef 00 00 00
		     04 00 08 00 04 00 00 00 00 00 00 00
		     05 00 08 00 88 77 66 55 44 33 22 11
		     06 00 04 00 03 00 00 00
		     07 00 03 00 00 01 02 00
		     00 00 00 00 70 00 00 00`,
	}, {
		name: "big-endian",
		in: `0a 0d 0d 0a 00 00 00 1c 1a 2b 3c 4d 00 01 00 00 ff ff ff ff ff ff ff ff 00 00 00 1c
		     00 00 00 01 00 00 00 14 00 01 00 00 00 04 00 00 00 00 00 14
		     00 00 00 06 00 00 00 70 00 00 00 00 00 06 0a 24 18 20 22 40 00 00 00 05 00 00 00 3c
		     de ad be ef 01 00 00 00
		     00 01 00 02 68 69 00 00
		     00 02 00 04 00 00 00 01
		     00 03 00 05 02 de ad be ef 00 00 00
		     00 04 00 08 00 00 00 00 00 00 00 04
		     00 05 00 08 11 22 33 44 55 66 77 88
		     00 06 00 04 00 00 00 03
		     00 07 00 03 00 01 02 00
		     00 00 00 00 00 00 00 70`,
	}}
	wantPkt := []summary{{Time: "1700000000.123456000", CapLen: 5, Length: 60, LinkType: 1, Data: "deadbeef01"}}
	wantOpt := packetOptions{
		Comment: "hi", Comments: []string{"hi"}, Flags: DirectionInbound, DropCount: 4,
		PacketID: 0x1122334455667788, Queue: 3, Hash: []byte{2, 0xde, 0xad, 0xbe, 0xef},
		Verdicts: [][]byte{{0, 1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewReader(bytes.NewReader(unhex(t, tt.in)))
			if err != nil {
				t.Fatal(err)
			}
			p, err := r.Next()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(wantPkt, []summary{summarize(p)}); diff != "" {
				t.Errorf("packet (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(wantOpt, decodeOptions(p.Options)); diff != "" {
				t.Errorf("options (-want +got):\n%s", diff)
			}
			c := p.Clone()
			if diff := cmp.Diff(wantOpt, decodeOptions(c.Options)); diff != "" {
				t.Errorf("options of the clone (-want +got):\n%s", diff)
			}
			if r.Format() != FormatPcapNG {
				t.Errorf("Format() = %v, want pcapng", r.Format())
			}
		})
	}
}

// multiSection is a pcapng file of three sections (little-, big-, little-
// endian) with interfaces of different link types, resolutions and offsets.
func multiSection() []byte {
	le, be := ng{}, ng{be: true}
	return cat(
		le.shb(0, le.opt(OptComment, []byte("first")), le.opt(2, []byte("hw")), le.opt(3, []byte("Linux")), le.opt(4, []byte("rawcap test"))),
		le.idb(1, 65535, le.opt(2, []byte("eth0")), le.opt(3, []byte("uplink")), le.opt(11, []byte("\x00tcp")),
			le.opt(12, []byte("Linux 6")), le.opt(13, []byte{4}), le.opt(15, []byte("nic")), le.opt(8, le.u64(1e9))),
		le.idb(101, 0, le.opt(9, []byte{9})), // nanoseconds
		le.epb(0, 1_700_000_000_000_001, []byte{1, 2, 3}, 3),
		le.epb(1, 1_700_000_000_000_000_002, []byte{4, 5, 6, 7, 8}, 5),
		be.shb(2),
		be.idb(113, 0, be.opt(9, []byte{0x80 | 10}), be.opt(14, be.u64(100))), // 2^-10 s, +100 s
		be.epb(0, 1024*1700000000+512, []byte{9}, 64, be.opt(OptComment, []byte("be")), be.opt(OptFlags, be.u32(2))),
		le.shb(0),
		le.idb(276, 0),
		le.idb(228, 0),
		le.epb(1, 5_000_000, []byte{0x45}, 20),
	)
}

func TestPcapNGSections(t *testing.T) {
	r, got, err := readPackets(t, multiSection())
	if err != nil {
		t.Fatal(err)
	}
	want := []summary{
		{Time: "1700000000.000001000", CapLen: 3, Length: 3, Interface: 0, LinkType: 1, Data: "010203"},
		{Time: "1700000000.000000002", CapLen: 5, Length: 5, Interface: 1, LinkType: 101, Data: "0405060708"},
		{Time: "1700000100.500000000", CapLen: 1, Length: 64, Interface: 2, LinkType: 113, Data: "09"},
		{Time: "5.000000000", CapLen: 1, Length: 20, Interface: 4, LinkType: 228, Data: "45"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("packets (-want +got):\n%s", diff)
	}
	secs := r.Sections()
	if len(secs) != 3 || secs[0].BigEndian || !secs[1].BigEndian || secs[2].BigEndian || secs[1].Minor != 2 {
		t.Errorf("sections %+v, want LE 1.0, BE 1.2, LE 1.0", secs)
	}
	if s := secs[0]; s.Hardware != "hw" || s.OS != "Linux" || s.UserAppl != "rawcap test" || !cmp.Equal(s.Comments, []string{"first"}) || s.Length != -1 {
		t.Errorf("first section %+v", s)
	}
	ifs := r.Interfaces()
	type ifsum struct {
		Section                                 int
		LinkType                                uint16
		SnapLen                                 uint32
		FCSLen                                  int
		Name, Description, Filter, OS, Hardware string
		TSResol                                 uint8
		Units                                   uint64
		TSOffset                                int64
		Speed                                   uint64
	}
	var gotIfs []ifsum
	for i := range ifs {
		in := &ifs[i]
		gotIfs = append(gotIfs, ifsum{in.Section, uint16(in.LinkType), in.SnapLen, in.FCSLen, in.Name, in.Description,
			in.Filter, in.OS, in.Hardware, in.TSResol, in.UnitsPerSecond(), in.TSOffset, in.Speed})
	}
	wantIfs := []ifsum{
		{0, 1, 65535, 4, "eth0", "uplink", "tcp", "Linux 6", "nic", 6, 1e6, 0, 1e9},
		{0, 101, 0, -1, "", "", "", "", "", 9, 1e9, 0, 0},
		{1, 113, 0, -1, "", "", "", "", "", 0x8a, 1024, 100, 0},
		{2, 276, 0, -1, "", "", "", "", "", 6, 1e6, 0, 0},
		{2, 228, 0, -1, "", "", "", "", "", 6, 1e6, 0, 0},
	}
	if diff := cmp.Diff(wantIfs, gotIfs); diff != "" {
		t.Errorf("interfaces (-want +got):\n%s", diff)
	}
}

// TestPcapNGInterfacesBeforeFirstPacket checks that the interfaces following
// the first section header are known as soon as the reader is open.
func TestPcapNGInterfacesBeforeFirstPacket(t *testing.T) {
	r, err := NewReader(bytes.NewReader(multiSection()))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(r.Interfaces()); n != 2 {
		t.Fatalf("%d interfaces before the first Next, want 2", n)
	}
	// The prescanned blocks are still returned, and not registered twice.
	var types []uint32
	for {
		b, err := r.NextBlock()
		if err != nil {
			break
		}
		types = append(types, b.Type)
	}
	want := []uint32{BlockSHB, BlockIDB, BlockIDB, BlockEPB, BlockEPB, BlockSHB, BlockIDB, BlockEPB, BlockSHB, BlockIDB, BlockIDB, BlockEPB}
	if diff := cmp.Diff(want, types); diff != "" {
		t.Errorf("block types (-want +got):\n%s", diff)
	}
	if n := len(r.Interfaces()); n != 5 {
		t.Errorf("%d interfaces at the end, want 5", n)
	}
}

// TestPcapNGOtherBlocks covers SPB, the obsolete PB, NRB, ISB, DSB, custom
// and unknown blocks.
func TestPcapNGOtherBlocks(t *testing.T) {
	g := ng{be: true}
	isbOpts := cat(g.opt(OptComment, []byte("stats")), g.opt(2, cat(g.u32(0), g.u32(1_000_000))), g.opt(3, cat(g.u32(0), g.u32(2_000_000))),
		g.opt(4, g.u64(10)), g.opt(5, g.u64(1)), g.opt(6, g.u64(9)), g.opt(7, g.u64(2)), g.opt(8, g.u64(8)))
	custom := g.block(BlockCustom, g.u32(32473), []byte("custom data"))
	in := cat(
		g.shb(0),
		g.idb(1, 4),
		g.block(BlockSPB, g.u32(6), []byte{1, 2, 3, 4, 5, 6}), // 6-byte packet, snaplen 4
		g.block(BlockPB, g.u16(0), g.u16(3), g.u32(0), g.u32(2_000_000), g.u32(2), g.u32(2), []byte{7, 8, 0, 0}, g.opt(OptComment, []byte("old"))),
		g.block(BlockNRB, g.u16(1), g.u16(16), []byte{10, 0, 0, 1}, []byte("a\x00b.example\x00"),
			g.u16(2), g.u16(20), netip.MustParseAddr("2001:db8::1").AsSlice(), []byte("v6\x00\x00"), g.u16(0), g.u16(0)),
		g.block(BlockISB, g.u32(0), g.u32(0), g.u32(3_000_000), isbOpts),
		g.block(BlockDSB, g.u32(0x544c534b), g.u32(5), []byte("keys!")),
		custom,
		g.block(0x1234, []byte("unknown")),
	)
	r, got, err := readPackets(t, in)
	if err != nil {
		t.Fatal(err)
	}
	want := []summary{
		{CapLen: 4, Length: 6, LinkType: 1, Data: "01020304"},
		{Time: "2.000000000", CapLen: 2, Length: 2, LinkType: 1, Data: "0708"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("packets (-want +got):\n%s", diff)
	}
	wantNames := []NameRecord{
		{Addr: netip.MustParseAddr("10.0.0.1"), Names: []string{"a", "b.example"}},
		{Addr: netip.MustParseAddr("2001:db8::1"), Names: []string{"v6"}},
	}
	if diff := cmp.Diff(wantNames, r.Names(), cmp.Comparer(func(a, b netip.Addr) bool { return a == b })); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
	wantStats := &InterfaceStats{Time: time.Unix(3, 0), Received: 10, Dropped: 1, FilterAccepted: 9, OSDropped: 2, Delivered: 8,
		Has:       HasReceived | HasDropped | HasFilterAccepted | HasOSDropped | HasDelivered | HasStartTime | HasEndTime,
		StartTime: time.Unix(1, 0), EndTime: time.Unix(2, 0), Comment: "stats"}
	if diff := cmp.Diff(wantStats, r.Interfaces()[0].Stats); diff != "" {
		t.Errorf("statistics (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Secrets{{Type: 0x544c534b, Data: []byte("keys!")}}, r.Secrets()); diff != "" {
		t.Errorf("secrets (-want +got):\n%s", diff)
	}

	// NextBlock returns every block as stored.
	r, err = NewReader(bytes.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var raw []byte
	for {
		b, err := r.NextBlock()
		if err != nil {
			break
		}
		if !b.BigEndian {
			t.Errorf("block %#x not marked big-endian", b.Type)
		}
		raw = append(raw, b.Raw...)
	}
	if !bytes.Equal(raw, in) {
		t.Errorf("the blocks' Raw bytes do not add up to the file")
	}
}

// TestCompressed reads the same pcap and pcapng files plain, gzip- and
// zstd-compressed, from memory and from a file.
func TestCompressed(t *testing.T) {
	pcap := unhex(t, `d4 c3 b2 a1 02 00 04 00 00 00 00 00 00 00 00 00 ff ff 00 00 01 00 00 00
	                  00 f1 53 65 40 e2 01 00 04 00 00 00 3c 00 00 00 de ad be ef`)
	for _, plain := range [][]byte{pcap, multiSection()} {
		_, want, err := readPackets(t, plain)
		if err != nil {
			t.Fatal(err)
		}
		var gz bytes.Buffer
		zw := gzip.NewWriter(&gz)
		zw.Write(plain)
		zw.Close()
		enc, _ := zstd.NewWriter(nil)
		zs := enc.EncodeAll(plain, nil)
		for name, in := range map[string][]byte{"gzip": gz.Bytes(), "zstd": zs} {
			_, got, err := readPackets(t, in)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", name, diff)
			}
			file := filepath.Join(t.TempDir(), "capture.bin")
			if err := os.WriteFile(file, in, 0o644); err != nil {
				t.Fatal(err)
			}
			r, err := Open(file)
			if err != nil {
				t.Fatalf("Open %s: %v", name, err)
			}
			n := 0
			for {
				if _, err := r.Next(); err != nil {
					break
				}
				n++
			}
			if n != len(want) {
				t.Errorf("Open %s: %d packets, want %d", name, n, len(want))
			}
			if err := r.Close(); err != nil {
				t.Error(err)
			}
		}
	}
	// A truncated gzip stream: packets first, then ErrTruncated.
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(cat(pcap, pcap[24:], pcap[24:30]))
	zw.Close()
	_, got, err := readPackets(t, gz.Bytes()[:gz.Len()-8]) // cut the gzip trailer
	if len(got) != 2 || err == nil {
		t.Errorf("truncated gzip: %d packets, error %v; want 2 and an error", len(got), err)
	}
	// A wrong CRC in the gzip trailer: the packets, then ErrCompressed.
	bad := bytes.Clone(gz.Bytes())
	bad[len(bad)-8] ^= 0xff
	_, got, err = readPackets(t, bad)
	if len(got) != 2 || !errors.Is(err, ErrCompressed) {
		t.Errorf("gzip with a bad CRC: %d packets, error %v; want 2 and ErrCompressed", len(got), err)
	}
	// A gzip magic without a valid header.
	if _, _, err := readPackets(t, []byte{0x1f, 0x8b, 0, 0, 0, 0}); !errors.Is(err, ErrCompressed) {
		t.Errorf("bad gzip header: error %v, want ErrCompressed", err)
	}
}

// TestOpenStdin reads "-" from standard input, and Close leaves it open.
func TestOpenStdin(t *testing.T) {
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	go func() {
		pw.Write(multiSection())
		pw.Close()
	}()
	saved := os.Stdin
	os.Stdin = pr
	defer func() { os.Stdin = saved }()
	r, err := Open("-")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for {
		if _, err := r.Next(); err != nil {
			if err != io.EOF {
				t.Fatal(err)
			}
			break
		}
		n++
	}
	if n != 4 {
		t.Errorf("read %d packets from stdin, want 4", n)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := pr.Stat(); err != nil {
		t.Errorf("Close closed standard input: %v", err)
	}
}

// TestPrescanPastOtherBlocks: interfaces behind a name resolution block and
// a custom block are known at open, and those blocks still take effect once.
func TestPrescanPastOtherBlocks(t *testing.T) {
	g := ng{}
	in := cat(g.shb(0),
		g.block(BlockNRB, g.u16(1), g.u16(6), []byte{10, 0, 0, 1}, []byte("a\x00"), g.u16(0), g.u16(0)),
		g.block(BlockCustom, g.u32(32473), []byte("x")),
		g.idb(1, 0), g.idb(101, 0),
		g.epb(1, 0, []byte{0x45}, 1),
		g.idb(113, 0))
	r, err := NewReader(bytes.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(r.Interfaces()); n != 2 {
		t.Fatalf("%d interfaces at open, want 2", n)
	}
	p, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	if p.Interface != 1 || p.LinkType != 101 {
		t.Errorf("packet on interface %d (%v), want 1 (RAW)", p.Interface, p.LinkType)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Fatalf("got %v, want io.EOF", err)
	}
	if n, m := len(r.Interfaces()), len(r.Names()); n != 3 || m != 1 {
		t.Errorf("%d interfaces and %d names at the end, want 3 and 1", n, m)
	}
}

// TestResetAfterBytes: Reset on a NewReaderBytes reader must not write into
// the caller's bytes, even when they are exactly one buffer long.
func TestResetAfterBytes(t *testing.T) {
	frames := benchFrames(400)
	data := benchPcap(frames)
	data = data[:bufSize] // cut to exactly one buffer; the last record is truncated
	keep := bytes.Clone(data)
	r, err := NewReaderBytes(data)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Reset(bytes.NewReader(benchPcapNG(frames))); err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := r.Next(); err != nil {
			break
		}
	}
	if !bytes.Equal(data, keep) {
		t.Error("Reset wrote into the bytes given to NewReaderBytes")
	}
}
