package decode_test

import (
	"encoding/binary"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/synth"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// The corpus holds one TFTP packet, so generated transfers are the
// evidence for following a transfer onto the server's ephemeral port:
// written into a temporary capture and read by rawcap, tshark and tcpdump.

// tftpUDP builds an Ethernet/IPv4/UDP frame from src:sp to dst:dp with
// correct checksums.
func tftpUDP(src, dst [4]byte, sp, dp uint16, payload []byte) []byte {
	f := make([]byte, 14+20+8+len(payload))
	copy(f, []byte{2, 0, 0, 0, 0, dst[3], 2, 0, 0, 0, 0, src[3], 8, 0})
	ip := f[14:34]
	ip[0], ip[8], ip[9] = 0x45, 64, 17
	binary.BigEndian.PutUint16(ip[2:], uint16(28+len(payload)))
	copy(ip[12:], src[:])
	copy(ip[16:], dst[:])
	binary.BigEndian.PutUint16(ip[10:], ^sum16(0, ip))
	u := f[34:]
	binary.BigEndian.PutUint16(u[0:], sp)
	binary.BigEndian.PutUint16(u[2:], dp)
	binary.BigEndian.PutUint16(u[4:], uint16(8+len(payload)))
	copy(u[8:], payload)
	s := sum16(0, src[:])
	s = sum16(uint32(s), dst[:])
	s = sum16(uint32(s)+17+uint32(len(u)), u)
	if c := ^s; c != 0 {
		binary.BigEndian.PutUint16(u[6:], c)
	} else {
		binary.BigEndian.PutUint16(u[6:], 0xffff)
	}
	return f
}

// sum16 adds b to the one's-complement sum s and folds it.
func sum16(s uint32, b []byte) uint16 {
	for i := 0; i+1 < len(b); i += 2 {
		s += uint32(b[i])<<8 | uint32(b[i+1])
	}
	if len(b)%2 == 1 {
		s += uint32(b[len(b)-1]) << 8
	}
	for s > 0xffff {
		s = s&0xffff + s>>16
	}
	return uint16(s)
}

func tftpReq(op byte, file, mode string, opts ...string) []byte {
	b := []byte{0, op}
	for _, s := range append([]string{file, mode}, opts...) {
		b = append(append(b, s...), 0)
	}
	return b
}

func tftpOACK(opts ...string) []byte {
	b := []byte{0, 6}
	for _, s := range opts {
		b = append(append(b, s...), 0)
	}
	return b
}

func tftpData(block uint16, n int) []byte {
	b := []byte{0, 3, byte(block >> 8), byte(block)}
	for k := range n {
		b = append(b, byte(int(block)+k))
	}
	return b
}

func tftpAck(block uint16) []byte { return []byte{0, 4, byte(block >> 8), byte(block)} }

func tftpErr(code uint16, msg string) []byte {
	return append(append([]byte{0, 5, byte(code >> 8), byte(code)}, msg...), 0)
}

// tftpTransfers builds the generated capture: a read with blksize 1024 and
// tsize answered by an OACK from an ephemeral port (its last block 512
// bytes, "(last)" only because of the OACK); a write without options (the
// server's ACK 0 from its port); a read of a missing file (ERROR from the
// server's port); a tsize probe closed by the client's ERROR 8; a read with
// blksize 8 whose server answers from a second port too, then the same
// client port reused for a new read (the old server port joins the new
// transfer); a blksize out of range followed by blocks 65535 and 65536 and
// an unknown opcode; a request with a bad mode (no transfer: its answer is
// UDP); a DATA from port 69 outside any transfer; a request with a
// windowsize out of range and an msftwindow; packets to and from port 69
// inside a transfer.
func tftpTransfers(start time.Time) []synth.Packet {
	c, s, x := [4]byte{10, 0, 0, 1}, [4]byte{10, 0, 0, 2}, [4]byte{10, 0, 0, 3}
	var pk []synth.Packet
	add := func(src, dst [4]byte, sp, dp uint16, b []byte) {
		pk = append(pk, synth.Packet{Data: tftpUDP(src, dst, sp, dp, b), Time: start.Add(time.Duration(len(pk)) * 10 * time.Millisecond)})
	}
	add(c, s, 40000, 69, tftpReq(1, "boot.img", "octet", "blksize", "1024", "tsize", "0"))
	add(s, c, 50000, 40000, tftpOACK("blksize", "1024", "tsize", "2560"))
	add(c, s, 40000, 50000, tftpAck(0))
	for n, size := range []int{1024, 1024, 512} {
		add(s, c, 50000, 40000, tftpData(uint16(n+1), size))
		add(c, s, 40000, 50000, tftpAck(uint16(n+1)))
	}
	add(c, s, 40001, 69, tftpReq(2, "up.txt", "netascii"))
	add(s, c, 50001, 40001, tftpAck(0))
	for n, size := range []int{512, 100} {
		add(c, s, 40001, 50001, tftpData(uint16(n+1), size))
		add(s, c, 50001, 40001, tftpAck(uint16(n+1)))
	}
	add(c, s, 40002, 69, tftpReq(1, "missing", "octet"))
	add(s, c, 50002, 40002, tftpErr(1, "File not found"))
	add(c, s, 40003, 69, tftpReq(1, "boot.img", "OCTET", "tsize", "0"))
	add(s, c, 50003, 40003, tftpOACK("tsize", "2560"))
	add(c, s, 40003, 50003, tftpErr(8, "probe only"))
	add(c, s, 40013, 69, tftpReq(1, "a", "octet", "blksize", "8"))
	add(s, c, 50013, 40013, tftpOACK("blksize", "8"))
	add(c, s, 40013, 50013, tftpAck(0))
	add(s, c, 50013, 40013, tftpData(1, 8))
	add(s, c, 50013, 40013, tftpData(2, 4))
	add(s, c, 50099, 40013, tftpData(3, 4))
	add(x, c, 50013, 40013, tftpData(4, 4)) // another server: UDP
	add(c, s, 40013, 69, tftpReq(1, "b", "mail"))
	add(s, c, 50014, 40013, tftpData(1, 600))
	add(s, c, 50013, 40013, tftpData(5, 6))
	add(s, c, 69, 40013, tftpData(6, 6))
	add(c, s, 40013, 69, tftpAck(6))
	add(c, s, 40015, 69, tftpReq(1, "c", "octet", "blksize", "99999"))
	add(s, c, 50015, 40015, tftpOACK("blksize", "99999"))
	add(s, c, 50015, 40015, tftpData(65535, 512))
	add(s, c, 50015, 40015, tftpData(0, 512))
	add(s, c, 50015, 40015, append([]byte{0, 7}, "qqqqq"...))
	add(c, s, 40012, 69, tftpReq(1, "bad", "foo"))
	add(s, c, 50012, 40012, tftpData(1, 20)) // no transfer: UDP
	add(c, s, 40012, 69, tftpAck(1))
	add(s, c, 69, 40010, tftpData(1, 10))
	add(c, s, 40016, 69, tftpReq(1, "d", "octet", "windowsize", "0", "msftwindow", "1"))
	add(s, c, 50016, 40016, tftpOACK("windowsize", "70000", "msftwindow", "2"))
	add(s, c, 50016, 40016, tftpErr(0, "bye"))
	return pk
}

var tftpStart = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

func TestTFTPTransfersMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	pkts := tftpTransfers(tftpStart)
	path := writeVoIPCapture(t, "tftp.pcap", pkts)

	theirs, matched := voipTree(t, path, pkts, nil)
	t.Logf("-V: tshark printed %d lines, rawcap %d of them (%.1f%%), 0 other", theirs, matched, 100*float64(matched)/float64(theirs))
	if matched != theirs {
		t.Errorf("-V: rawcap printed %d of tshark's %d lines, want all", matched, theirs)
	}
	voipColumns(t, path, pkts, nil)

	// -T fields: TFTP's fields and the UDP stream, one run each side.
	var names []string
	for _, p := range decode.Protocols() {
		if p.Protocol.Name == "tftp" {
			for i := range p.Fields {
				names = append(names, p.Fields[i].Name)
			}
		}
	}
	names = append(names, "udp.stream", "frame.protocols")
	trackedFields(t, "tftp-fields", path, pkts, names)

	// tcpdump follows no transfer: only port 69's datagrams are TFTP.
	testshared.Oracle(t, "tcpdump")
	for _, opts := range [][]string{{}, {"-v"}, {"-vv"}, {"-q"}} {
		cmd := exec.Command("tcpdump", append(append([]string{"-n"}, opts...), "-r", path)...)
		cmd.Env = append(os.Environ(), "TZ=UTC")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("tcpdump %v: %v", opts, err)
		}
		chunks := splitTcpdump(out)
		if len(chunks) != len(pkts) {
			t.Fatalf("tcpdump %v printed %d packets for %d", opts, len(chunks), len(pkts))
		}
		lp := &decode.LinePrinter{Options: lineOptionsFor(opts)}
		// The one-liners of a decoder that also tracks (as with a
		// display filter): still tcpdump's.
		d := decode.NewDecoder()
		tp := &decode.TreePrinter{Location: time.UTC}
		for i, pk := range pkts {
			d.Decode(pk.Data, linktype.Ethernet)
			f := decode.Frame{Number: i + 1, Time: pk.Time, Length: len(pk.Data)}
			tp.Append(nil, d, &f)
			if got := string(lp.Append(nil, d, &f)); got != chunks[i] {
				t.Errorf("tcpdump -n %v, packet %d:\n tcpdump: %q\n rawcap:  %q", opts, i+1, chunks[i], got)
			}
		}
	}
}

// TestTFTPTrackerAllocs holds the tracker's TFTP step, the tree and the
// one-liner of a transfer's packets to no allocation per packet.
func TestTFTPTrackerAllocs(t *testing.T) {
	pkts := tftpTransfers(tftpStart)
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	lp := &decode.LinePrinter{}
	buf := make([]byte, 0, 1<<16)
	n := 0
	f := new(decode.Frame)
	run := func() {
		pk := pkts[n%len(pkts)]
		n++
		d.Decode(pk.Data, linktype.Ethernet)
		*f = decode.Frame{Number: n, Time: pk.Time, Length: len(pk.Data)}
		buf = tp.Append(buf[:0], d, f)
		buf = cp.Append(buf[:0], d, f)
		buf = lp.Append(buf[:0], d, f)
	}
	for range 3 * len(pkts) {
		run() // tables allocated
	}
	if a := testing.AllocsPerRun(200, run); a != 0 {
		t.Errorf("%v allocations per packet", a)
	}
}

// trackedFields compares rawcap's -T fields with tshark's for the
// generated packets pkts (written at path), read in order by one decoder.
func trackedFields(t *testing.T, kind, path string, pkts []synth.Packet, names []string) {
	args := []string{"-T", "fields"}
	for _, n := range names {
		args = append(args, "-e", n)
	}
	rows := splitRows(testshared.Tshark(t, kind, path, args...))
	if len(rows) != len(pkts) {
		t.Fatalf("tshark -T fields printed %d rows for %d packets", len(rows), len(pkts))
	}
	fp, err := decode.NewFieldsPrinter(names)
	if err != nil {
		t.Fatal(err)
	}
	d := decode.NewDecoder()
	same, values := 0, 0
	var buf []byte
	for i, pk := range pkts {
		d.Decode(pk.Data, linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: pk.Time, Length: len(pk.Data)}
		buf = fp.Append(buf[:0], d, &f)
		got := strings.Split(strings.TrimSuffix(string(buf), "\n"), "\t")
		want := strings.Split(rows[i], "\t")
		if len(got) != len(want) {
			t.Fatalf("frame %d: %d columns, tshark %d", i+1, len(got), len(want))
		}
		for k := range names {
			if want[k] != "" {
				values++
			}
			if got[k] == want[k] {
				if want[k] != "" {
					same++
				}
				continue
			}
			t.Errorf("frame %d %s: tshark %q, rawcap %q", i+1, names[k], want[k], got[k])
		}
	}
	t.Logf("-T fields: %d fields × %d frames, %d of tshark's %d values identical", len(names), len(pkts), same, values)
}
