package decode_test

import (
	"encoding/binary"
	"hash/crc32"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// sctpPad pads b to a multiple of 4 bytes.
func sctpPad(b []byte) []byte {
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// sctpChunk builds a chunk: type, flags, length (4 plus the body) and the
// body, padded unless cut.
func sctpChunk(typ, flags byte, body []byte) []byte {
	c := []byte{typ, flags, 0, 0}
	binary.BigEndian.PutUint16(c[2:], uint16(4+len(body)))
	return sctpPad(append(c, body...))
}

// sctpTLV builds a parameter or error cause.
func sctpTLV(typ uint16, v []byte) []byte {
	c := binary.BigEndian.AppendUint16(nil, typ)
	c = binary.BigEndian.AppendUint16(c, uint16(4+len(v)))
	return sctpPad(append(c, v...))
}

func be32s(vs ...uint32) []byte {
	var b []byte
	for _, v := range vs {
		b = binary.BigEndian.AppendUint32(b, v)
	}
	return b
}

func be16s(vs ...uint16) []byte {
	var b []byte
	for _, v := range vs {
		b = binary.BigEndian.AppendUint16(b, v)
	}
	return b
}

// sctpFrame builds an Ethernet/IPv4 frame carrying an SCTP packet with a
// correct CRC32c.
func sctpFrame(src, dst byte, sp, dp uint16, tag uint32, chunks ...[]byte) []byte {
	s := append(be16s(sp, dp), be32s(tag, 0)...)
	for _, c := range chunks {
		s = append(s, c...)
	}
	binary.LittleEndian.PutUint32(s[8:], crc32.Checksum(s, crc32.MakeTable(crc32.Castagnoli)))
	ip := []byte{0x45, 0, 0, 0, 0, 1, 0x40, 0, 64, 132, 0, 0, 10, 0, 0, src, 10, 0, 0, dst}
	binary.BigEndian.PutUint16(ip[2:], uint16(20+len(s)))
	var sum uint32
	for i := 0; i < 20; i += 2 {
		sum += uint32(binary.BigEndian.Uint16(ip[i:]))
	}
	for sum > 0xffff {
		sum = sum&0xffff + sum>>16
	}
	binary.BigEndian.PutUint16(ip[10:], ^uint16(sum))
	eth := []byte{0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1, 8, 0}
	return append(append(eth, ip...), s...)
}

// sctpAssociation is an association from INIT to ABORT between 10.0.0.1
// port 5000 (A) and 10.0.0.2 port 6000 (B): every chunk type rawcap draws,
// parameters, SACK gap blocks and duplicates, error causes, a chunk cut
// short and bundled chunks.
func sctpAssociation() [][]byte {
	const ta, tb = 0x11223344, 0x55667788
	a2b := func(ch ...[]byte) []byte { return sctpFrame(1, 2, 5000, 6000, tb, ch...) }
	b2a := func(ch ...[]byte) []byte { return sctpFrame(2, 1, 6000, 5000, ta, ch...) }
	data := func(flags byte, tsn uint32, sid, ssn uint16, ppid uint32, payload string) []byte {
		return sctpChunk(0, flags, append(append(be32s(tsn), be16s(sid, ssn)...), append(be32s(ppid), payload...)...))
	}
	init := append(be32s(ta, 65536), be16s(10, 65535)...)
	init = append(init, be32s(1000)...)
	init = append(init, sctpTLV(5, []byte{10, 0, 0, 1})...)
	init = append(init, sctpTLV(12, be16s(5))...)
	init = append(init, sctpTLV(9, be32s(5000))...)
	init = append(init, sctpTLV(0x8000, nil)...)
	init = append(init, sctpTLV(0xc000, nil)...)
	cookie := []byte("0123456789abcdef")
	initAck := append(be32s(tb, 32768), be16s(5, 5)...)
	initAck = append(initAck, be32s(5000)...)
	initAck = append(initAck, sctpTLV(7, cookie)...)
	initAck = append(initAck, sctpTLV(6, []byte{0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1})...)
	initAck = append(initAck, sctpTLV(12, be16s(5, 6))...)
	initAck = append(initAck, sctpTLV(0xc000, nil)...)
	sack := append(be32s(1000, 60000), be16s(2, 1, 2, 3, 5, 5)...)
	sack = append(sack, be32s(999)...)
	hb := sctpTLV(1, []byte{1, 2, 3, 4, 5, 6, 7, 8})
	cut := data(3, 1005, 1, 3, 0, "cut data that is long")[:20]
	return [][]byte{
		sctpFrame(1, 2, 5000, 6000, 0, sctpChunk(1, 0, init)),
		b2a(sctpChunk(2, 0, initAck)),
		a2b(sctpChunk(10, 0, cookie)),
		b2a(sctpChunk(11, 0, nil)),
		a2b(data(3, 1000, 1, 0, 0, "hello")),
		a2b(data(3, 1001, 1, 1, 0, "abcdefgh")),
		b2a(data(7, 5000, 0, 0, 0, "world!!!")),
		b2a(sctpChunk(3, 0, sack)),
		a2b(sctpChunk(3, 0, append(be32s(5000, 60000), be16s(0, 0)...)), data(3, 1004, 1, 2, 0, "xyzw")),
		a2b(data(0x0b, 1006, 1, 3, 46, "diameter-ish payload")),
		a2b(sctpChunk(4, 0, hb)),
		b2a(sctpChunk(5, 0, hb)),
		a2b(sctpChunk(192, 0, append(be32s(1010), be16s(1, 3)...))),
		a2b(sctpChunk(7, 0, be32s(5000))),
		b2a(sctpChunk(8, 0, nil)),
		a2b(sctpChunk(14, 1, nil)),
		a2b(sctpChunk(6, 0, sctpTLV(1, be16s(7, 0)))),
		b2a(sctpChunk(9, 0, sctpTLV(3, be32s(1234)))),
		a2b(sctpChunk(6, 1, sctpTLV(12, nil))),
		a2b(cut),
	}
}

// sctpTrees returns, frame by frame, the lines of tree from the SCTP
// subtree on: it and what SCTP carries (Data).
func sctpTrees(tree string) []string {
	var out []string
	for _, fr := range strings.Split(tree, "\nFrame ") {
		fr = strings.TrimRight(fr, "\n")
		if k := strings.Index(fr, "\nStream Control Transmission Protocol"); k >= 0 {
			fr = fr[k+1:]
		} else {
			fr = ""
		}
		out = append(out, fr)
	}
	return out
}

// TestSCTPMatchesTsharkAndTcpdump compares rawcap's SCTP subtrees and
// one-liners with tshark's and tcpdump's over a generated association.
func TestSCTPMatchesTsharkAndTcpdump(t *testing.T) {
	frames := sctpAssociation()
	compareSCTP(t, "sctp-V", frames, map[int]string{
		9:               "a complete message with Diameter's PPID: tshark's Diameter dissector refuses it and shows Data, rawcap has no Diameter",
		len(frames) - 1: "the cut chunk: rawcap draws the common header, tshark the chunk's fields too",
	})
}

// compareSCTP compares rawcap's SCTP subtrees (with what follows them),
// columns and one-liners of frames with tshark's and tcpdump's; allow
// names the frames (by index) whose trees may miss lines, with the reason.
func compareSCTP(t *testing.T, key string, frames [][]byte, allow map[int]string) {
	testshared.Oracle(t, "tshark")
	testshared.Oracle(t, "tcpdump")
	path := writeTestPcap(t, frames)
	want := sctpTrees(string(testshared.Tshark(t, key, path, "-V")))
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	var all []byte
	for i, f := range frames {
		d.Decode(f, linktype.Ethernet)
		fr := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(f)}
		all = tp.Append(all, d, &fr)
	}
	got := sctpTrees(string(all))
	if len(got) != len(want) {
		t.Fatalf("rawcap drew %d frames, tshark %d", len(got), len(want))
	}
	same := 0
	for i := range want {
		if why, ok := allow[i]; ok {
			// Every rawcap line is tshark's, in order.
			w := strings.Split(want[i], "\n")
			k := 0
			for _, line := range strings.Split(got[i], "\n") {
				for k < len(w) && w[k] != line {
					k++
				}
				if k == len(w) {
					t.Errorf("frame %d (%s): rawcap's line %q is not tshark's", i+1, why, line)
					break
				}
				k++
			}
			continue
		}
		if !strings.Contains(got[i], "chunk") {
			t.Errorf("frame %d: no chunk drawn:\n%s", i+1, got[i])
		}
		if diff := cmp.Diff(want[i], got[i]); diff != "" {
			t.Errorf("frame %d: tshark (-want) vs rawcap (+got):\n%s", i+1, diff)
			continue
		}
		same++
	}
	t.Logf("-V: %d of %d SCTP subtrees identical to tshark's", same, len(want))
	t.Logf("--columns: %d of %d rows identical to tshark's", compareColumnsWithTshark(t, path), len(frames))
	for _, opts := range [][]string{{}, {"-v"}, {"-vv"}} {
		chunks := tcpdumpPackets(t, path, opts, len(frames))
		lo := appLineOptions(opts)
		lo.Time = decode.TimeEpoch
		p := &decode.LinePrinter{Options: lo}
		d := decode.NewDecoder()
		agree := 0
		for i := range frames {
			got := lineFor(d, p, frames[i], i+1)
			if diff := cmp.Diff(chunks[i], got); diff != "" {
				t.Errorf("frame %d %v: tcpdump (-want) vs rawcap (+got):\n%s", i+1, opts, diff)
				continue
			}
			agree++
		}
		t.Logf("tcpdump %v: %d of %d packets agree", opts, agree, len(frames))
	}
}

// TestSCTPAllocs decodes and prints every generated packet without
// allocating.
func TestSCTPAllocs(t *testing.T) {
	frames := append(append(append(sctpAssociation(), sctpExtensions()...), sctpErrorCauses()...), sctpNRSacks()...)
	// Warm the relative-TSN table: a new direction allocates once.
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	for i, f := range frames {
		d.Decode(f, linktype.Ethernet)
		fr := decode.Frame{Number: i + 1, Time: time.Unix(1, 0), Length: len(f)}
		tp.Append(nil, d, &fr)
	}
	checkIPVectorsAlloc(t, frames)
	// The generic tree: a DATA chunk with its Data, an INIT with
	// parameters, a SACK with gap blocks, and a PKTDROP holding a packet.
	assoc, nrsack := sctpAssociation(), sctpNRSacks()
	checkTreeAllocsNothing(t, [][]byte{assoc[4], assoc[0], assoc[7], nrsack[16]}, "Stream Control Transmission Protocol")
}

// TestSCTPTruncated cuts every generated packet at every length: decoding
// and printing must not panic, and a cut one-liner ends in [|sctp].
func TestSCTPTruncated(t *testing.T) {
	d := decode.NewDecoder()
	p := &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC}}
	tp := &decode.TreePrinter{Location: time.UTC}
	for _, f := range append(append(append(sctpAssociation(), sctpExtensions()...), sctpErrorCauses()...), sctpNRSacks()...) {
		for n := 34; n < len(f); n++ {
			d.Decode(f[:n], linktype.Ethernet)
			fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(f)}
			line := string(p.Append(nil, d, &fr))
			tp.Append(nil, d, &fr)
			if n < 34+12 && !strings.Contains(line, "[|sctp]") {
				t.Errorf("header cut at %d: %q", n, line)
			}
		}
	}
}

// FuzzSCTP decodes and prints arbitrary SCTP packets.
func FuzzSCTP(f *testing.F) {
	for _, fr := range append(append(append(sctpAssociation(), sctpExtensions()...), sctpErrorCauses()...), sctpNRSacks()...) {
		f.Add(fr[34:])
	}
	d := decode.NewDecoder()
	lp := &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Verbose: 2}}
	tp := &decode.TreePrinter{Location: time.UTC}
	jp := &decode.JSONPrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	f.Fuzz(func(t *testing.T, b []byte) {
		fr := sctpFrame(1, 2, 1, 2, 3)
		fr = append(fr[:34:34], b...)
		binary.BigEndian.PutUint16(fr[16:], uint16(20+len(b)))
		d.Decode(fr, linktype.Ethernet)
		f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(fr)}
		lp.Append(nil, d, &f)
		tp.Append(nil, d, &f)
		jp.Append(nil, d, &f)
		cp.Append(nil, d, &f)
	})
}

// sctpTcpdumpComparable reports whether tcpdump prints the SCTP packet as
// rawcap does: not on the ports tcpdump hands to ForCES, M3UA, BEEP or
// RESP printers, and with DATA chunks whose PPID tcpdump -vv does not name.
func sctpTcpdumpComparable(d *decode.Decoder, l decode.Layer) bool {
	data := d.Data()[l.Start:l.End]
	if len(data) < 12 {
		return true
	}
	for _, port := range []uint16{binary.BigEndian.Uint16(data), binary.BigEndian.Uint16(data[2:])} {
		switch {
		case port >= 6700 && port <= 6706, port == 2905, port == 10288, port == 6379:
			return false
		}
	}
	for off := 12; off+4 <= len(data); {
		n := int(binary.BigEndian.Uint16(data[off+2:]))
		if data[off] == 0 && off+16 <= len(data) && binary.BigEndian.Uint32(data[off+12:]) != 0 {
			return false
		}
		if n < 4 {
			break
		}
		off += (n + 3) &^ 3
	}
	return true
}

// TestSCTPDataFieldsMatchTshark holds -T fields of the association's
// first packets to tshark's for the user data SCTP hands to Data: a padded
// DATA chunk ending the packet (no layer of rawcap's) as much as one that
// is a payload layer.
func TestSCTPDataFieldsMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	frames := sctpAssociation()[:9]
	compareFieldsWithTshark(t, writeTestPcap(t, frames), frames, []string{"frame.protocols", "data.data", "data.len"})
}
