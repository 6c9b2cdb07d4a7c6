package decode_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// ipOptVectors are IPv4 option lists (padded to a multiple of four bytes
// with zeros) covering every option tshark 4.0 dissects, each time stamp
// flag, the pointer's positions, and damaged lengths. exact marks those
// whose IPv4 subtree rawcap draws line for line as tshark does; the others
// hold options rawcap leaves undrawn (tshark stops with an exception or
// follows a source route), whose lines it may only leave out.
var ipOptVectors = []struct {
	name  string
	hex   string
	exact bool
}{
	{"NOP NOP NOP EOL", "01 01 01 00", true},
	{"seven NOPs", "01 01 01 01 01 01 01 00", true},
	{"record route, next is second", "07 0b 08 01 02 03 04 05 06 07 08", true},
	{"record route, empty", "07 0b 04 00 00 00 00 00 00 00 00", true},
	{"record route, full", "07 0b 0c 01 02 03 04 05 06 07 08", true},
	{"record route, pointer past the end", "07 0b 10 01 02 03 04 05 06 07 08", true},
	{"record route, pointer in an address", "07 0b 06 01 02 03 04 05 06 07 08", true},
	{"record route, pointer before the addresses", "07 0b 02 01 02 03 04 05 06 07 08", true},
	{"record route, odd length", "07 0a 04 01 02 03 04 00 00 00", true},
	{"loose source route, hops left", "83 0b 04 01 02 03 04 05 06 07 08", true},
	{"strict source route, hops left", "89 0b 08 01 02 03 04 05 06 07 08", true},
	{"loose source route, three hops", "83 0f 04 01 02 03 04 05 06 07 08 09 0a 0b 0c", true},
	{"two loose source routes", "83 07 04 01 02 03 04 83 07 04 01 02 03 05", true},
	{"loose source route, done", "83 0b 0c 01 02 03 04 05 06 07 08", true},
	{"time stamps only", "44 0c 05 00 00 00 03 e8 00 00 07 d0", true},
	{"time stamps only, full, overflow", "44 0c 0d 10 00 00 03 e8 00 00 07 d0", true},
	{"time stamps and addresses", "44 14 0d 11 01 02 03 04 00 00 03 e8 05 06 07 08 00 00 07 d0", true},
	{"prespecified", "44 14 0d 03 01 02 03 04 00 00 03 e8 05 06 07 08 00 00 00 00", true},
	{"time stamp, unknown flag", "44 0c 05 02 00 00 03 e8 00 00 07 d0", true},
	{"time stamp, odd length", "44 0b 05 00 00 00 03 e8 61 62 63", true},
	{"time stamp, no room", "44 04 05 00", true},
	{"time stamp, pointer in a field", "44 0c 06 00 00 00 03 e8 00 00 07 d0", true},
	{"time stamp, pointer before", "44 0c 03 00 00 00 03 e8 00 00 07 d0", true},
	{"security, RFC 791", "82 0b f1 35 12 34 56 78 41 42 43", true},
	{"security, RFC 1108", "82 04 ab 80", true},
	{"security, two authority bytes", "82 05 3d 81 40", true},
	{"security, level only", "82 03 3d", true},
	{"security, extraneous data", "82 0b 00 01 12 34 56 78 41 42 43", true},
	{"extended security", "85 05 01 aa bb", true},
	{"CIPSO bitmap, no categories", "86 0a 00 00 00 03 01 04 00 05", true},
	{"CIPSO bitmap", "86 0e 00 00 00 03 01 08 00 05 f0 00 80 01", true},
	{"CIPSO enumerated", "86 0c 00 00 00 03 02 06 00 05 00 07", true},
	{"CIPSO ranged", "86 0e 00 00 00 03 05 08 00 05 00 07 00 02", true},
	{"CIPSO free form and unknown tag", "86 0e 00 00 00 03 07 04 00 05 80 04 00 00", true},
	{"CIPSO DOI only", "86 06 00 00 00 03", true},
	{"CIPSO malformed tag", "86 08 00 00 00 03 02 04 00 05", false},
	{"stream ID", "88 04 12 34", true},
	{"stream ID, long", "88 05 00 01 02", true},
	{"MTU probe", "0b 04 05 dc", true},
	{"MTU reply", "0c 04 05 dc", true},
	{"traceroute", "52 0c 00 07 00 02 00 03 09 08 07 06", true},
	{"traceroute, short", "52 0b 00 00 00 00 00 00 00 00 00", false},
	{"router alert", "94 04 00 00", true},
	{"router alert 5", "94 04 00 05", true},
	{"two router alerts", "94 04 00 01 94 04 00 01", true},
	{"router alert, short", "94 03 00 00", false},
	{"quick-start request", "19 08 03 40 12 34 56 78", true},
	{"quick-start report", "19 08 83 40 12 34 56 78", true},
	{"selective directed broadcast", "95 06 01 02 03 04", true},
	{"unknown option", "9e 04 00 00", true},
	{"unknown option, length 2", "9e 02 00 00", true},
	{"EOL then bytes", "00 01 02 03", true},
	{"record route, length 2", "07 02", false},
	{"record route, past the header", "07 28 04 00", true},
	{"record route, length 0", "07 00 00 00", true},
	{"length byte past the options", "01 01 01 07", true},
	{"NOP, router alert, record route", "01 94 04 00 00 07 07 04 00 00 00 00", true},
	{"stream ID, MTU reply, traceroute", "88 04 12 34 0c 04 05 dc 52 0c 00 07 00 02 00 03 09 08 07 06", true},
}

// ipOptFrame wraps an option list in Ethernet, IPv4 (TTL 64) and a UDP
// datagram of four bytes.
func ipOptFrame(t testing.TB, opts string) []byte {
	t.Helper()
	o := mustHex(t, opts)
	for len(o)%4 != 0 {
		o = append(o, 0)
	}
	fr := mustHex(t, "00 11 22 33 44 55 00 66 77 88 99 aa 08 00 45 00 00 00 12 34 00 00 40 11 00 00 0a 00 00 01 0a 00 00 02")
	hl := 20 + len(o)
	fr[14] = 0x40 | byte(hl/4)
	fr = append(fr, o...)
	fr = append(fr, mustHex(t, "04 d2 16 2e 00 0c 00 00 61 62 63 64")...)
	n := hl + 12
	fr[16], fr[17] = byte(n>>8), byte(n)
	putChecksum(fr[14:14+hl], 10)
	return fr
}

func ipOptFrames(t testing.TB) [][]byte {
	frames := make([][]byte, len(ipOptVectors))
	for i, v := range ipOptVectors {
		frames[i] = ipOptFrame(t, v.hex)
	}
	return frames
}

func TestIPv4OptionsMatchTcpdump(t *testing.T) {
	frames := ipOptFrames(t)
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}, {"-vv"}})
	checkIPVectorsAlloc(t, frames)
}

// TestIPv4OptionsTreeMatchesTshark holds each vector's IPv4 subtree to
// tshark's: equal for the exact ones, and never a line tshark does not
// print for the others.
func TestIPv4OptionsTreeMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	frames := ipOptFrames(t)
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
	const head = "Internet Protocol Version 4"
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	total, drawn := 0, 0
	for i, frame := range frames {
		v := ipOptVectors[i]
		d.Decode(frame, linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(frame)}
		mine := subtreeOf(string(tp.Append(nil, d, &f)), head)
		want := subtreeOf("Frame "+theirs[i], head)
		total += len(want)
		if v.exact {
			if diff := cmp.Diff(want, mine); diff != "" {
				t.Errorf("%s: -V subtree, tshark (-want) vs rawcap (+got):\n%s", v.name, diff)
			}
			drawn += len(mine)
			continue
		}
		j := 0
		for _, l := range mine {
			for j < len(want) && want[j] != l {
				j++
			}
			if j == len(want) {
				t.Errorf("%s: line %q is not in tshark's subtree", v.name, l)
				break
			}
			drawn++
		}
	}
	t.Logf("%d vectors: rawcap draws %d of tshark's %d IPv4 lines", len(frames), drawn, total)
}

// TestIPv4OptionsColumnsMatchTshark holds the packet list of the exact
// vectors (a source route's destination among them) to tshark's.
func TestIPv4OptionsColumnsMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	var frames [][]byte
	for _, v := range ipOptVectors {
		if v.exact {
			frames = append(frames, ipOptFrame(t, v.hex))
		}
	}
	path := writeTestPcap(t, frames)
	cmd := exec.Command("tshark", "-n", "-r", path)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	want := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(want) != len(frames) {
		t.Fatalf("tshark printed %d rows for %d frames", len(want), len(frames))
	}
	d := decode.NewDecoder()
	cp := &decode.ColumnsPrinter{}
	for i, frame := range frames {
		d.Decode(frame, linktype.Ethernet)
		f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(frame)}
		got := strings.TrimSuffix(string(cp.Append(nil, d, &f)), "\n")
		// The time column: tshark's is relative to the first frame.
		if g, w := strings.Fields(got), strings.Fields(want[i]); !cmp.Equal(g[2:], w[2:]) {
			t.Errorf("frame %d: columns\n got %q\nwant %q", i+1, got, want[i])
		}
	}
}

// TestIPv4OptionsFieldsMatchTshark compares the options' fields (and the
// destination a source route changes) with tshark -T fields.
func TestIPv4OptionsFieldsMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	var frames [][]byte // the exact vectors: rawcap leaves the others' options out
	for _, v := range ipOptVectors {
		if v.exact {
			frames = append(frames, ipOptFrame(t, v.hex))
		}
	}
	fields := []string{"ip.dst", "ip.addr", "ip.dst_host", "ip.host", "ip.cur_rt", "ip.cur_rt_host", "ip.options.eol", "ip.options.nop", "ip.options.security", "ip.options.route", "ip.options.timestamp", "ip.options.ext_security", "ip.options.cipso", "ip.options.record_route", "ip.options.sid", "ip.options.source_route", "ip.options.mtu_probe", "ip.options.mtu_reply", "ip.options.traceroute", "ip.options.routeralert", "ip.options.sdb", "ip.options.qs", "ip.opt.type", "ip.opt.type.copy", "ip.opt.type.class", "ip.opt.type.number", "ip.opt.len", "ip.opt.len.invalid", "ip.opt.ptr", "ip.opt.sid", "ip.opt.mtu", "ip.opt.id_number", "ip.opt.ohc", "ip.opt.rhc", "ip.opt.originator", "ip.opt.ra", "ip.opt.addr", "ip.opt.qs_func", "ip.opt.qs_rate", "ip.opt.qs_ttl", "ip.opt.qs_ttl_diff", "ip.opt.qs_unused", "ip.opt.qs_nonce", "ip.opt.qs_reserved", "ip.opt.sec_rfc791_sec", "ip.opt.sec_rfc791_comp", "ip.opt.sec_rfc791_hr", "ip.opt.sec_rfc791_tcc", "ip.opt.sec_cl", "ip.opt.sec_prot_auth_flags", "ip.opt.sec_prot_auth_genser", "ip.opt.sec_prot_auth_siop_esi", "ip.opt.sec_prot_auth_sci", "ip.opt.sec_prot_auth_nsa", "ip.opt.sec_prot_auth_doe", "ip.opt.sec_prot_auth_unassigned", "ip.opt.sec_prot_auth_fti", "ip.opt.ext_sec_add_sec_info_format_code", "ip.opt.ext_sec_add_sec_info", "ip.opt.overflow", "ip.opt.flag", "ip.opt.time_stamp", "ip.opt.time_stamp_addr", "ip.rec_rt", "ip.rec_rt_host", "ip.empty_rt", "ip.empty_rt_host", "ip.src_rt", "ip.src_rt_host", "ip.cipso.doi", "ip.cipso.tag_type", "ip.cipso.sensitivity_level", "ip.cipso.categories", "ip.cipso.tag_data"}
	compareFieldsWithTshark(t, writeTestPcap(t, frames), frames, fields)
}

// FuzzIPv4Options feeds option lists (cut to the 40 bytes a header holds)
// to the decoder and every printer, seeded from the vectors and from the
// corpus capture whose options are damaged.
func FuzzIPv4Options(f *testing.F) {
	for _, v := range ipOptVectors {
		f.Add(mustHex(f, v.hex))
	}
	if data, err := os.ReadFile("../../shared/corpus/tcpdump/tests_ip_ts_opts_asan.pcap"); err == nil && len(data) > 24+16+14+60 {
		f.Add(data[24+16+14+20 : 24+16+14+60])
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	fp, err := decode.NewFieldsPrinter([]string{"ip.opt.type", "ip.opt.len", "ip.opt.ptr", "ip.dst", "ip.cur_rt", "ip.cipso.categories"})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, opts []byte) {
		if len(opts) > 40 {
			opts = opts[:40]
		}
		frame := ipOptFrame(t, hexOf(opts))
		d.Decode(frame, linktype.Ethernet)
		fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		_ = tp.Append(nil, d, &fr)
		_ = lp.Append(nil, d, &fr)
		_ = jp.Append(nil, d, &fr)
		_ = fp.Append(nil, d, &fr)
	})
}

// TestIPv4OptionsFieldsAllocate holds -T fields of the options' fields
// (every occurrence, host copies included) to no allocation per packet.
func TestIPv4OptionsFieldsAllocate(t *testing.T) {
	fp, err := decode.NewFieldsPrinter([]string{"ip.opt.type", "ip.opt.ptr", "ip.rec_rt_host", "ip.src_rt_host", "ip.cur_rt_host", "ip.dst_host", "ip.cipso.categories", "ip.opt.sec_rfc791_hr", "ip.opt.len.invalid"})
	if err != nil {
		t.Fatal(err)
	}
	d := decode.NewDecoder()
	var buf []byte
	for _, v := range ipOptVectors {
		frame := ipOptFrame(t, v.hex)
		f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		run := func() {
			d.Decode(frame, linktype.Ethernet)
			buf = fp.Append(buf[:0], d, &f)
		}
		run()
		if n := testing.AllocsPerRun(20, run); n != 0 {
			t.Errorf("%s: -T fields allocates %v times", v.name, n)
		}
	}
}

// TestIPv4TreeAllocatesNothing holds the generic tree of IPv4 headers with
// every option vector (and so their remembered blocks: the same header
// drawn again) to no allocation per packet.
func TestIPv4TreeAllocatesNothing(t *testing.T) {
	checkTreeAllocsNothing(t, ipOptFrames(t), "Internet Protocol Version 4, Src: ")
}
