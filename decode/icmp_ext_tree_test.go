package decode_test

import (
	"encoding/binary"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// icmpErr describes a generated ICMP or ICMPv6 error quoting a UDP
// traceroute probe, with or without RFC 4884's length and an extension
// structure, for the comparisons with tshark's tree, fields and JSON.
type icmpErr struct {
	v6        bool
	typ, code byte
	probe     int    // the quoted probe's IP length (header and UDP)
	quote     int    // bytes of it quoted (zero-padded when longer than probe)
	length    int    // RFC 4884 length field (in 32- or 64-bit words); -1: quote's
	ext       []byte // extension header and objects; nil: none
	badSum    bool   // spoil the extension header's checksum
	cut       int    // bytes left out of the capture at the end
	word      uint32 // the rest of the ICMP header (MTU, pointer) besides the length
}

// frame returns the Ethernet frame and its length on the wire.
func (c icmpErr) frame() ([]byte, int) {
	var orig []byte
	if c.v6 {
		orig = make([]byte, 40)
		orig[0] = 0x60
		binary.BigEndian.PutUint16(orig[4:], uint16(c.probe-40))
		orig[6], orig[7] = 17, 1
		copy(orig[8:], []byte{0x20, 0x01, 0x0d, 0xb8, 15: 1})
		copy(orig[24:], []byte{0x20, 0x01, 0x0d, 0xb8, 0, 9, 15: 9})
	} else {
		orig = ipv4Hdr(17, 1, []byte{10, 0, 0, 1}, []byte{10, 9, 9, 9}, c.probe-20)
	}
	udp := make([]byte, 8)
	binary.BigEndian.PutUint16(udp[0:], 44444)
	binary.BigEndian.PutUint16(udp[2:], 33435)
	binary.BigEndian.PutUint16(udp[4:], uint16(c.probe-len(orig)))
	quote := make([]byte, c.quote)
	copy(quote, append(orig, udp...))
	for k := len(orig) + 8; k < min(c.probe, c.quote); k++ {
		quote[k] = byte(k)
	}
	var ext []byte
	if c.ext != nil {
		ext = append([]byte{0x20, 0, 0, 0}, c.ext...)
		binary.BigEndian.PutUint16(ext[2:], inetSum(ext))
		if c.badSum {
			ext[3] ^= 0x55
		}
	}
	icmp := []byte{c.typ, c.code, 0, 0}
	icmp = binary.BigEndian.AppendUint32(icmp, c.word)
	n := c.length
	if n < 0 {
		n = c.quote / 4
		if c.v6 {
			n = c.quote / 8
		}
	}
	if c.v6 {
		icmp[4] = byte(n)
	} else {
		icmp[5] = byte(n)
	}
	icmp = append(append(icmp, quote...), ext...)
	var fr []byte
	if c.v6 {
		fr = ipFrame(icmp, 58, true)
		copy(fr[14+8:], []byte{0x20, 0x01, 0x0d, 0xb8, 0, 0xfe, 15: 1})
		copy(fr[14+24:], []byte{0x20, 0x01, 0x0d, 0xb8, 15: 1})
		fr[14+7] = 64
		var ps []byte
		ps = append(ps, fr[14+8:14+40]...)
		ps = binary.BigEndian.AppendUint32(ps, uint32(len(icmp)))
		ps = append(ps, 0, 0, 0, 58)
		binary.BigEndian.PutUint16(fr[14+40+2:], inetSum(append(ps, icmp...)))
	} else {
		binary.BigEndian.PutUint16(icmp[2:], inetSum(icmp))
		ip := ipv4Hdr(1, 255, []byte{10, 0, 0, 254}, []byte{10, 0, 0, 1}, len(icmp))
		eth := []byte{0, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0x11, 0x22, 0x33, 0x44, 0x66, 8, 0}
		fr = append(append(eth, ip...), icmp...)
	}
	return fr[:len(fr)-c.cut], len(fr)
}

// extObject returns an extension object of class and C-Type holding data.
func extObject(class, ctype byte, data ...byte) []byte {
	o := binary.BigEndian.AppendUint16(nil, uint16(4+len(data)))
	return append(append(o, class, ctype), data...)
}

// ifInfo returns an RFC 5837 interface information object for role with
// the parts flags (ifIndex 8, address 4, name 2, MTU 1) selects.
func ifInfo(role, flags byte, afi uint16, addr []byte, name string) []byte {
	var d []byte
	if flags&8 != 0 {
		d = binary.BigEndian.AppendUint32(d, 12)
	}
	if flags&4 != 0 {
		d = binary.BigEndian.AppendUint16(d, afi)
		d = append(d, 0, 0)
		d = append(d, addr...)
	}
	if flags&2 != 0 {
		n := (1 + len(name) + 3) &^ 3
		nm := make([]byte, n)
		nm[0] = byte(n)
		copy(nm[1:], name)
		d = append(d, nm...)
	}
	if flags&1 != 0 {
		d = binary.BigEndian.AppendUint32(d, 1500)
	}
	return extObject(2, role<<6|flags, d...)
}

func mplsEntries(entries ...[3]uint32) []byte { return mplsObject(entries...) }

func icmpErrCases() []icmpErr {
	mpls := mplsEntries([3]uint32{16005, 0, 1})
	mpls2 := mplsEntries([3]uint32{24001, 5, 1}, [3]uint32{16005, 0, 1})
	in4 := ifInfo(0, 0xf, 1, []byte{10, 0, 0, 254}, "eth0/1")
	out6 := ifInfo(2, 0xc, 2, []byte{0x20, 0x01, 0x0d, 0xb8, 0, 0xfe, 15: 1}, "")
	name := ifInfo(3, 0x2, 0, nil, "ge-0/0/0.0")
	return []icmpErr{
		{typ: 11, probe: 60, quote: 128, length: -1},              // 4884 length, no extension
		{typ: 11, probe: 60, quote: 128, length: -1, ext: mpls},   // one label
		{typ: 11, probe: 60, quote: 128, length: -1, ext: mpls2},  // two labels
		{typ: 11, probe: 1500, quote: 128, length: -1, ext: mpls}, // a long probe cut at 128
		{typ: 3, code: 3, probe: 60, quote: 128, length: -1, ext: append(mpls, in4...)},
		{typ: 3, code: 4, probe: 1500, quote: 128, length: -1, word: 1400, ext: in4}, // fragmentation needed with MTU
		{typ: 12, probe: 60, quote: 128, length: -1, word: 0x14000000, ext: mpls},    // parameter problem
		{typ: 11, probe: 60, quote: 128, length: 0, ext: mpls},                       // legacy: no length
		{typ: 11, probe: 200, quote: 128, length: 0, ext: mpls},                      // legacy, probe longer than 128
		{typ: 11, probe: 60, quote: 128, length: -1, ext: mpls, badSum: true},
		{typ: 11, probe: 60, quote: 128, length: -1, ext: append(out6, name...)},
		{typ: 11, probe: 60, quote: 128, length: -1, ext: extObject(9, 1, 1, 2, 3, 4)},       // unknown class
		{typ: 11, probe: 60, quote: 128, length: -1, ext: extObject(1, 2, 1, 2, 3, 4)},       // unknown C-Type
		{typ: 11, probe: 60, quote: 128, length: -1, ext: extObject(1, 1, 1, 2, 3, 4, 5, 6)}, // junk after a label
		{typ: 11, probe: 60, quote: 128, length: -1, ext: []byte{0, 2, 1, 1}},                // object length below 4
		{typ: 11, probe: 60, quote: 128, length: -1, ext: mpls2, cut: 6},                     // capture cut in the labels
		{typ: 11, probe: 60, quote: 128, length: 40, ext: mpls},                              // length beyond the quote
		{typ: 11, probe: 60, quote: 64, length: -1},                                          // short quote with a length
		{typ: 11, probe: 60, quote: 132, length: -1, ext: mpls},                              // 4884 length over 128
		{v6: true, typ: 3, probe: 88, quote: 128, length: -1},
		{v6: true, typ: 3, probe: 88, quote: 128, length: -1, ext: mpls},
		{v6: true, typ: 1, code: 4, probe: 1280, quote: 128, length: -1, ext: append(mpls2, in4...)},
		{v6: true, typ: 3, probe: 88, quote: 128, length: 0, ext: mpls},
		{v6: true, typ: 3, probe: 88, quote: 128, length: -1, ext: mpls, badSum: true},
		{typ: 12, probe: 60, quote: 128, length: 0, word: 0x14000000},                                    // parameter problem, no length
		{typ: 4, probe: 60, quote: 128, length: -1, ext: mpls},                                           // source quench with a length byte
		{typ: 5, code: 1, probe: 60, quote: 128, length: 0, word: 0x0a000001},                            // redirect
		{typ: 3, code: 4, probe: 60, quote: 128, length: 0, word: 1400, ext: mpls},                       // fragmentation needed, legacy
		{typ: 11, probe: 60, quote: 128, length: -1, ext: []byte{}},                                      // header only
		{typ: 11, code: 1, probe: 60, quote: 128, length: -1, ext: ifInfo(1, 0xa, 0, nil, "ge-0/0/0.0")}, // name last
		{typ: 11, probe: 60, quote: 128, length: -1, ext: append(ifInfo(0, 0x6, 9, []byte{1, 2, 3, 4}, "xe0"), mpls...)},
		{typ: 11, probe: 60, quote: 128, length: -1, ext: extObject(3, 1, 'a', 'b', 'c', 'd')},
		{typ: 11, probe: 60, quote: 128, length: -1, ext: extObject(0, 0)},
		{typ: 11, probe: 60, quote: 128, length: -1, ext: append(extObject(5, 5, 1, 2, 3, 4, 5, 6, 7, 8), 0, 40, 1, 1)}, // last object overlong
		{v6: true, typ: 2, probe: 88, quote: 128, length: 0, word: 1280},
		{v6: true, typ: 4, probe: 88, quote: 128, length: 0, word: 6},
		{v6: true, typ: 1, probe: 88, quote: 64, length: -1},
		{v6: true, typ: 3, probe: 88, quote: 128, length: 10, ext: mpls},
		{typ: 11, probe: 60, quote: 128, length: -1, ext: mpls, cut: 14},
		{typ: 11, probe: 60, quote: 128, length: -1, ext: ifInfo(0, 0x2, 0, nil, "abcdefgh")},
		{typ: 11, probe: 60, quote: 128, length: -1, ext: ifInfo(0, 0x3, 0, nil, "abcdefg")},
		{typ: 11, probe: 60, quote: 128, length: -1, ext: append(ifInfo(0, 0x2, 0, nil, "abcdefgh"), mpls...)}, // name filling its object, then an object
		{typ: 11, probe: 60, quote: 128, length: -1, ext: []byte{0x20, 0}},                                     // two bytes
		{typ: 11, probe: 60, quote: 128, length: -1, ext: append(append(append(append(append(ifInfo(0, 2, 0, nil, "abc"), ifInfo(0, 2, 0, nil, "abcdefg")...), ifInfo(0, 2, 0, nil, "abcdefghijk")...), ifInfo(0, 2, 0, nil, "abcdefghijklmno")...), ifInfo(0, 2, 0, nil, "abcdefghijklmnopqrs")...), mpls...)},
		{typ: 11, probe: 60, quote: 128, length: -1, ext: append(ifInfo(0, 0x4, 2, []byte{0x20, 0x01, 0x0d, 0xb8, 15: 1}, ""), extObject(2, 0x2c, 0, 5, 0, 0, 1, 2, 3)...)},
	}
}

// icmpErrFrames returns the frames of icmpErrCases and their lengths on
// the wire.
func icmpErrFrames() ([][]byte, []int) {
	var frames [][]byte
	var wire []int
	for _, c := range icmpErrCases() {
		f, w := c.frame()
		frames = append(frames, f)
		wire = append(wire, w)
	}
	return frames, wire
}

// icmpOwnLines returns the lines of the ICMP or ICMPv6 subtree of a -V
// tree without the quoted packet's subtrees (IP and UDP, compared by
// their own tests).
func icmpOwnLines(tree string) []string {
	var out []string
	in, skip := false, false
	for _, line := range strings.Split(strings.TrimRight(tree, "\n"), "\n") {
		if line != "" && line[0] != ' ' {
			in = strings.HasPrefix(line, "Internet Control Message Protocol")
			skip = false
		}
		if !in {
			continue
		}
		if strings.HasPrefix(line, "    ") && !strings.HasPrefix(line, "     ") {
			s := strings.TrimSpace(line)
			skip = strings.HasPrefix(s, "Internet Protocol Version") || strings.HasPrefix(s, "User Datagram Protocol")
		}
		if !skip {
			out = append(out, line)
		}
	}
	return out
}

// icmpErrAllow names the generated errors (by index) whose ICMP lines may
// only miss some of tshark's, with the reason.
var icmpErrAllow = map[int]string{
	37: "an unsupported extension version: tshark dissects the rest as data inside the ICMPv6 tree",
}

// TestICMPErrorsMatchTshark holds the ICMP and ICMPv6 lines of the -V tree
// of generated errors (RFC 4884 lengths, extension structures with MPLS,
// interface and unknown objects, legacy ones without a length, bad
// checksums, truncated and malformed ones) to tshark -n -V's, line for
// line, and their packet-list columns to tshark's.
func TestICMPErrorsMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	frames, wire := icmpErrFrames()
	path := writeTestPcapWire(t, frames, wire)
	theirs, rows := tsharkTreesAndRows(t, path, len(frames))
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lines, ext := 0, 0
	for i, frame := range frames {
		d.Decode(frame, linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: wire[i]}
		mine := icmpOwnLines(string(tp.Append(nil, d, &f)))
		want := icmpOwnLines("Frame " + theirs[i])
		lines += len(want)
		for _, l := range want {
			if strings.Contains(l, "Multi-Part") {
				ext++
			}
		}
		if why, ok := icmpErrAllow[i]; ok {
			j := 0
			for _, l := range mine {
				for j < len(want) && want[j] != l {
					j++
				}
				if j == len(want) {
					t.Errorf("frame %d (%s): line %q is not in tshark's ICMP tree", i, why, l)
					break
				}
			}
		} else if diff := cmp.Diff(want, mine); diff != "" {
			t.Errorf("frame %d: ICMP lines, tshark (-want) vs rawcap (+got):\n%s", i, diff)
		}
		row := string((&decode.ColumnsPrinter{}).Append(nil, d, &f))
		if i < len(rows) {
			proto, info, _ := strings.Cut(rows[i], "\t")
			if !strings.Contains(row, " "+proto+" ") || !strings.HasSuffix(strings.TrimSuffix(row, "\n"), " "+info) {
				t.Errorf("frame %d: columns %q, tshark says %q / %q", i, row, proto, info)
			}
		}
	}
	t.Logf("%d frames, %d ICMP tree lines compared, %d extension structures", len(frames), lines, ext)
}

// icmpExtFieldNames are the fields of the error header and the extension
// structure.
var icmpExtFieldNames = []string{
	"icmp.unused", "icmp.length", "icmp.length.original_datagram", "icmp.mtu", "icmp.pointer",
	"icmp.ext", "icmp.ext.version", "icmp.ext.res", "icmp.ext.checksum", "icmp.ext.checksum.status",
	"icmp.ext.length", "icmp.ext.class", "icmp.ext.ctype", "icmp.ext.data",
	"icmp.mpls.label", "icmp.mpls.exp", "icmp.mpls.s", "icmp.mpls.ttl", "icmp.mpls.data",
	"icmp.int_info.role", "icmp.int_info.reserved", "icmp.int_info.ifindex", "icmp.int_info.ipaddr",
	"icmp.int_info.name_present", "icmp.int_info.mtu_present", "icmp.int_info.index", "icmp.int_info.afi",
	"icmp.reserved", "icmp.int_info.ipv4", "icmp.int_info.ipv6", "icmp.int_info.name_length",
	"icmp.int_info.name", "icmp.int_info.mtu", "icmp.int_ident.name", "icmpv6.length",
}

// TestICMPExtensionFieldsMatchTshark compares the error header's and the
// extension structure's fields of the generated errors with tshark's: -T
// fields (every occurrence) and the JSON object (the first, as tshark -E
// occurrence=f shows it).
func TestICMPExtensionFieldsMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	frames, wire := icmpErrFrames()
	path := writeTestPcapWire(t, frames, wire)
	for _, occ := range []string{"a", "f"} {
		args := []string{"-r", path, "-T", "fields", "-E", "occurrence=" + occ, "-E", "separator=/t"}
		for _, f := range icmpExtFieldNames {
			args = append(args, "-e", f)
		}
		out, err := exec.Command("tshark", args...).Output()
		if err != nil {
			t.Fatalf("tshark: %v", err)
		}
		want := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
		if len(want) != len(frames) {
			t.Fatalf("tshark printed %d rows for %d frames", len(want), len(frames))
		}
		fp, err := decode.NewFieldsPrinter(icmpExtFieldNames)
		if err != nil {
			t.Fatal(err)
		}
		jp := &decode.JSONPrinter{Location: time.UTC}
		d := decode.NewDecoder()
		values := 0
		for k, frame := range frames {
			d.Decode(frame, linktype.Ethernet)
			f := decode.Frame{Number: k + 1, Time: time.Unix(1, 0), Length: wire[k]}
			theirs := strings.Split(want[k], "\t")
			for _, v := range theirs {
				if v != "" {
					values++
				}
			}
			if occ == "a" {
				if got := strings.TrimSuffix(string(fp.Append(nil, d, &f)), "\n"); got != want[k] {
					t.Errorf("frame %d -T fields:\n got %q\nwant %q", k, got, want[k])
				}
				continue
			}
			mine, _ := flatJSON(t, jp.Append(nil, d, &f))
			for n, name := range icmpExtFieldNames {
				key := name
				if mine["icmpv6.type"] != "" && (strings.HasPrefix(name, "icmp.ext") || strings.HasPrefix(name, "icmp.mpls.") ||
					strings.HasPrefix(name, "icmp.int_") || name == "icmp.reserved") {
					key = "icmpv6" + strings.TrimPrefix(name, "icmp") // JSON keys drop the protocol's name
				}
				got := mine[key]
				if got == "1" && theirs[n] != "" && decode.LookupField(name).Kind == decode.KindNone {
					got = theirs[n]
				}
				if got != theirs[n] {
					t.Errorf("frame %d JSON %s: rawcap %q, tshark %q", k, name, got, theirs[n])
				}
			}
		}
		t.Logf("-E occurrence=%s: %d frames, %d values compared", occ, len(frames), values)
	}
}

// TestICMPExtensionsAllocateNothing decodes the generated errors and draws
// the tree, the fields, the columns and the one-liner of each without
// allocating.
func TestICMPExtensionsAllocateNothing(t *testing.T) {
	frames, wire := icmpErrFrames()
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	cp := &decode.ColumnsPrinter{}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC, Verbose: 2}}
	fp, err := decode.NewFieldsPrinter(icmpExtFieldNames)
	if err != nil {
		t.Fatal(err)
	}
	jp := &decode.JSONPrinter{Location: time.UTC}
	var buf []byte
	for k, frame := range frames {
		f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: wire[k]}
		run := func() {
			d.Decode(frame, linktype.Ethernet)
			buf = tp.Append(buf[:0], d, &f)
			buf = cp.Append(buf[:0], d, &f)
			buf = lp.Append(buf[:0], d, &f)
			buf = fp.Append(buf[:0], d, &f)
			buf = jp.Append(buf[:0], d, &f)
		}
		run()
		if n := testing.AllocsPerRun(20, run); n != 0 {
			t.Errorf("frame %d: %v allocations per packet", k, n)
		}
	}
}

// TestICMPErrorsMatchTcpdump compares the one-liners of the generated
// errors (ICMPv4 and ICMPv6, with and without RFC 4884 lengths and
// extensions) with tcpdump's, by default, -v and -vv.
func TestICMPErrorsMatchTcpdump(t *testing.T) {
	frames, _ := icmpErrFrames()
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}})
}
