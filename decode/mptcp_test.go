package decode_test

import (
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// mptcpFrame returns an Ethernet frame holding an IPv4 TCP segment from
// port sport with TCP flags flags and options opts (padded with zeros to
// a multiple of four bytes), and no payload.
func mptcpFrame(t testing.TB, sport uint16, flags byte, opts []byte) []byte {
	t.Helper()
	for len(opts)%4 != 0 {
		opts = append(opts, 0)
	}
	h := mustHex(t, "00 01 02 03 04 05 00 01 02 03 04 06 08 00 "+
		"45 00 00 00 00 01 00 00 40 06 00 00 0a 00 00 01 0a 00 00 02 "+
		"00 00 07 d0 00 00 00 64 00 00 00 c8 50 00 03 e8 00 00 00 00")
	n := 40 + len(opts)
	h[16], h[17] = byte(n>>8), byte(n)
	putChecksum(h[14:34], 10)
	h[34], h[35] = byte(sport>>8), byte(sport)
	h[46] = byte((20+len(opts))/4) << 4
	h[47] = flags
	return append(h, opts...)
}

// mptcpVectors are MPTCP options (RFC 6824 and RFC 8684, every subtype,
// lengths right and wrong) after TCP flags, and the end of tcpdump 4.99's
// line for them: the options it prints, "[bad opt]" where it finds an
// option's length wrong for its subtype (and the segment's flags).
var mptcpVectors = []struct {
	flags byte
	opts  string
	want  string
}{
	{0x02, "1e 0c 00 81 01 02 03 04 05 06 07 08", "mptcp 12 capable v0 csum {0x102030405060708}]"},
	{0x02, "1e 04 01 81", "mptcp 4 capable v1 csum]"},
	{0x10, "1e 18 01 a1 01 02 03 04 05 06 07 08 11 12 13 14 15 16 17 18 00 10 ab cd", "mptcp 24 capable[bad opt]"},
	{0x10, "1e 16 01 e1 01 02 03 04 05 06 07 08 11 12 13 14 15 16 17 18 00 10", "mptcp 22 capable v1 csum {0x102030405060708,0x1112131415161718},eol]"},
	{0x02, "1e 0c 11 01 01 02 03 04 05 06 07 08", "mptcp 12 join backup id 1 token 0x1020304 nonce 0x5060708]"},
	{0x12, "1e 10 11 02 01 02 03 04 05 06 07 08 0a 0b 0c 0d", "mptcp 16 join backup id 2 hmac 0x102030405060708 nonce 0xa0b0c0d]"},
	{0x10, "1e 18 10 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 13 14", "mptcp 24 join hmac 0x0102030405060708090a0b0c0d0e0f1011121314]"},
	{0x10, "1e 1c 20 1f 01 02 03 04 05 06 07 08 11 12 13 14 15 16 17 18 00 00 00 09 00 20 ab cd", "mptcp 28 dss fin ack 72623859790382856 seq 1230066625199609624 subseq 9 len 32 csum 0xabcd]"},
	{0x10, "1e 08 20 11 01 02 03 04", "mptcp 8 dss fin ack 16909060]"},
	{0x10, "1e 0e 20 04 01 02 03 04 00 00 00 01 00 10", "mptcp 14 dss seq 16909060 subseq 1 len 16,eol]"},
	{0x10, "1e 08 34 01 0a 00 00 05", "mptcp 8 add-addr v0-ip4 id 1 10.0.0.5]"},
	{0x10, "1e 0a 34 01 0a 00 00 05 1f 90", "mptcp 10 add-addr v0-ip4 id 1 10.0.0.5:8080,eol]"},
	{0x10, "1e 14 36 02 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01", "mptcp 20 add-addr v0-ip6 id 2 2001:db8::1]"},
	{0x10, "1e 16 36 03 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01 00 50", "mptcp 22 add-addr v0-ip6 id 3 2001:db8::1:80,eol]"},
	{0x10, "1e 10 30 05 0a 00 00 06 01 02 03 04 05 06 07 08", "mptcp 16 add-addr v1 id 5 10.0.0.6 hmac 0x102030405060708]"},
	{0x10, "1e 12 30 05 0a 00 00 06 00 50 01 02 03 04 05 06 07 08", "mptcp 18 add-addr v1 id 5 10.0.0.6:80 hmac 0x102030405060708,eol]"},
	{0x10, "1e 08 31 05 0a 00 00 06", "mptcp 8 add-addr v1-echo id 5 10.0.0.6]"},
	{0x10, "1e 14 31 07 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01", "mptcp 20 add-addr v1-echo id 7 2001:db8::1]"},
	{0x10, "1e 1c 30 08 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01 01 02 03 04 05 06 07 08", "mptcp 28 add-addr v1 id 8 2001:db8::1 hmac 0x102030405060708]"},
	{0x10, "1e 06 40 01 02 03", "mptcp 6 rem-addr id 1 2 3,eol]"},
	{0x10, "1e 04 50 01", "mptcp 4 prio non-backup id 1]"},
	{0x10, "1e 04 51 01", "mptcp 4 prio backup id 1]"},
	{0x10, "1e 03 51", "mptcp 3 prio backup,eol]"},
	{0x10, "1e 0c 60 00 01 02 03 04 05 06 07 08", "mptcp 12 fail seq 72623859790382856]"},
	{0x10, "1e 0c 70 00 01 02 03 04 05 06 07 08", "mptcp 12 fast-close key 0x102030405060708]"},
	{0x04, "1e 05 80 0f 01", "mptcp 5 unknown,eol]"},
	{0x04, "1e 05 80 05 09", "mptcp 5 unknown,eol]"},
	{0x10, "1e 04 90 00", "mptcp 4 unknown]"},
	{0x10, "1e 03 20", "mptcp 3 dss[bad opt]"},
	{0x10, "1e 06 00 81 01 02", "mptcp 6 capable[bad opt]"},
	{0x10, "1e 08 20 05 01 02 03 04", "mptcp 8 dss ack 16909060 seq [bad opt]"},
	{0x10, "1e 0c 00 81 01 02 03 04 05 06 07 08 01 01", "mptcp 12 capable[bad opt]"},
	{0x10, "1e 04 01 81", "mptcp 4 capable[bad opt]"},
	{0x12, "1e 04 01 81", "mptcp 4 capable v1 csum]"},
	{0x12, "1e 0c 00 81 01 02 03 04 05 06 07 08", "mptcp 12 capable v0 csum {0x102030405060708}]"},
	{0x10, "1e 14 00 81 01 02 03 04 05 06 07 08 11 12 13 14 15 16 17 18", "mptcp 20 capable v0 csum {0x102030405060708,0x1112131415161718}]"},
	{0x02, "1e 14 00 81 01 02 03 04 05 06 07 08 11 12 13 14 15 16 17 18", "mptcp 20 capable[bad opt]"},
	{0x02, "1e 16 01 e1 01 02 03 04 05 06 07 08 11 12 13 14 15 16 17 18 00 10", "mptcp 22 capable[bad opt]"},
	{0x10, "1e 0c 00 00 01 02 03 04 05 06 07 08", "mptcp 12 capable[bad opt]"},
	{0x01, "01 1e 18 00 81 01 02 03 04 05 06 07 08 11 12 13 14 15 16 17 18 00 10 ab cd", "nop,mptcp 24 capable[bad opt]]"},
	{0x10, "01 1e 08 10 00 01 02 03 04", "nop,mptcp 8 join[bad opt]]"},
	{0x10, "01 1e 08 20 05 01 02 03 04", "nop,mptcp 8 dss ack 16909060 seq [bad opt]]"},
	{0x10, "1e 06 20 01 01 02", "mptcp 6 dss ack [bad opt]"},
	{0x10, "1e 0c 20 03 01 02 03 04 05 06 07 08", "mptcp 12 dss ack 72623859790382856]"},
	{0x10, "1e 12 20 04 01 02 03 04 05 06 07 08 00 00 00 01 00 10", "mptcp 18 dss seq 16909060 subseq 84281096 len 0 csum 0x1[bad opt]"},
	{0x10, "1e 12 20 08 01 02 03 04 05 06 07 08 00 00 00 01 00 10", "mptcp 18 dss[bad opt]"},
	{0x10, "1e 16 20 05 01 02 03 04 01 02 03 04 00 00 00 01 00 10 ab cd ff ff", "mptcp 22 dss ack 16909060 seq 16909060 subseq 1 len 16 csum 0xabcd[bad opt]"},
	{0x10, "1e 0b 34 01 0a 00 00 05 1f 90 aa", "mptcp 11 add-addr[bad opt]"},
	{0x10, "1e 03 40", "mptcp 3 rem-addr[bad opt]"},
	{0x10, "1e 05 50 01 02", "mptcp 5 prio[bad opt]"},
	{0x10, "1e 08 60 00 01 02 03 04", "mptcp 8 fail[bad opt]"},
	{0x10, "1e 0d 70 00 01 02 03 04 05 06 07 08 09", "mptcp 13 fast-close[bad opt]"},
	{0x10, "1e 02", "mptcp[bad opt]"},
	{0x10, "1e 03", "mptcp 3 capable[bad opt]"},
	{0x10, "1e 03 00", "mptcp 3 capable[bad opt]"},
	{0x10, "1e 0c 11 01 01 02 03 04 05 06 07 08", "mptcp 12 join[bad opt]"},
	{0x10, "1e 10 30 01 0a 00 00 06 01 02 03 04 05 06 07 08", "mptcp 16 add-addr v1 id 1 10.0.0.6 hmac 0x102030405060708]"},
	{0x10, "1e 08 30 02 0a 00 00 06", "mptcp 8 add-addr v1 id 2 10.0.0.6]"},
	{0x10, "1e 10 38 01 0a 00 00 06 01 02 03 04 05 06 07 08", "mptcp 16 add-addr [bad version/echo] id 1 10.0.0.6 hmac 0x102030405060708]"},
	{0x10, "1e 08 35 01 0a 00 00 06", "mptcp 8 add-addr [bad version/echo] id 1 10.0.0.6]"},
	{0x10, "01 1e 04 40 01", "nop,mptcp 4 rem-addr id 1,eol]"},
	{0x10, "1e 04 40", "mptcp 4 rem-addr id 0]"},
	{0x10, "1e 03 50", "mptcp 3 prio non-backup,eol]"},
	{0x12, "1e 0c 11 01 01 02 03 04 05 06 07 08", "mptcp 12 join backup id 1 token 0x1020304 nonce 0x5060708]"},
	{0x02, "1e 10 11 02 01 02 03 04 05 06 07 08 0a 0b 0c 0d", "mptcp 16 join[bad opt]"},
	{0x10, "1e 10 11 02 01 02 03 04 05 06 07 08 0a 0b 0c 0d", "mptcp 16 join[bad opt]"},
	{0x02, "1e 18 10 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 13 14", "mptcp 24 join[bad opt]"},
	{0x12, "1e 18 10 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 13 14", "mptcp 24 join hmac 0x0102030405060708090a0b0c0d0e0f1011121314]"},
	{0x00, "1e 0c 11 01 01 02 03 04 05 06 07 08", "mptcp 12 join[bad opt]"},
	{0x00, "1e 14 00 81 01 02 03 04 05 06 07 08 11 12 13 14 15 16 17 18", "mptcp 20 capable[bad opt]"},
	{0x03, "1e 0c 00 81 01 02 03 04 05 06 07 08", "mptcp 12 capable v0 csum {0x102030405060708}]"},
}

func mptcpVectorFrames(t testing.TB) [][]byte {
	var frames [][]byte
	for k, v := range mptcpVectors {
		frames = append(frames, mptcpFrame(t, uint16(1000+k), v.flags, mustHex(t, v.opts)))
	}
	return frames
}

// TestMPTCPLine holds the one-liner's MPTCP options to tcpdump's, and
// (without -short) whole lines to tcpdump itself.
func TestMPTCPLine(t *testing.T) {
	frames := mptcpVectorFrames(t)
	d := decode.NewDecoder()
	p := &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC}}
	for k, v := range mptcpVectors {
		d.Decode(frames[k], linktype.Ethernet)
		f := decode.Frame{Number: k + 1, Time: time.Unix(1, 0), Length: len(frames[k])}
		got := string(p.Append(nil, d, &f))
		if !strings.Contains(got, "options ["+v.want) {
			t.Errorf("options %s: got %q, want options [%s", v.opts, got, v.want)
		}
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}})
}

// TestMPTCPAllocatesNothing checks that decoding and printing segments with
// MPTCP options (tree, JSON, -T fields, one-liner) allocate nothing once
// their conversations exist.
func TestMPTCPAllocatesNothing(t *testing.T) {
	frames := mptcpVectorFrames(t)
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	jp := &decode.JSONPrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Location: time.UTC}}
	fp, err := decode.NewFieldsPrinter([]string{"mptcp.stream", "tcp.options.mptcp.subtype", "mptcp.ack"})
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 0, 1<<16)
	n := 0
	f := new(decode.Frame) // one Frame, as the reader reuses it
	pass := func() {
		for _, frame := range frames {
			n++
			d.Decode(frame, linktype.Ethernet)
			*f = decode.Frame{Number: n, Time: time.Unix(int64(n), 0), Length: len(frame)}
			buf = tp.Append(buf[:0], d, f)
			buf = jp.Append(buf[:0], d, f)
			buf = lp.Append(buf[:0], d, f)
			_ = fp.Fields(d, f)
		}
	}
	for range 300 { // fill the trackers' lists to their bounds
		pass()
	}
	if a := testing.AllocsPerRun(20, pass); a != 0 {
		t.Errorf("%v allocations per pass over %d frames, want 0", a, len(frames))
	}
}

func FuzzMPTCP(f *testing.F) {
	for _, v := range mptcpVectors {
		f.Add(v.flags, mustHex(f, v.opts))
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	ep := &decode.EKPrinter{}
	n := 0
	f.Fuzz(func(t *testing.T, flags byte, opts []byte) {
		if len(opts) > 40 {
			opts = opts[:40]
		}
		frame := mptcpFrame(t, 1000, flags, append([]byte(nil), opts...))
		d.Decode(frame, linktype.Ethernet)
		n++
		fr := decode.Frame{Number: n, Time: time.Unix(1, 0), Length: len(frame)}
		_ = tp.Append(nil, d, &fr)
		_ = lp.Append(nil, d, &fr)
		_ = jp.Append(nil, d, &fr)
		_ = ep.Append(nil, d, &fr)
	})
}

// TestMPTCPFieldsSelected checks that asking for one MPTCP field alone
// (-T fields -e, a display filter) gives the values it has among all of
// them and TCP's: the selection keeps TCP's layer and its MPTCP blocks.
func TestMPTCPFieldsSelected(t *testing.T) {
	frames := mptcpVectorFrames(t)
	var names []string
	for _, pf := range decode.Protocols() {
		for i := range pf.Fields {
			if n := pf.Fields[i].Name; strings.HasPrefix(n, "mptcp.") || strings.HasPrefix(n, "tcp.options.mptcp.") {
				names = append(names, n)
			}
		}
	}
	if len(names) < 40 {
		t.Fatalf("%d MPTCP fields found", len(names))
	}
	all, err := decode.NewFieldsPrinter(append(append([]string(nil), names...), "tcp.srcport"))
	if err != nil {
		t.Fatal(err)
	}
	d := decode.NewDecoder()
	var want [][]string
	for k, frame := range frames {
		d.Decode(frame, linktype.Ethernet)
		f := decode.Frame{Number: k + 1, Time: time.Unix(int64(k+1), 0), Length: len(frame)}
		want = append(want, strings.Split(strings.TrimSuffix(string(all.Append(nil, d, &f)), "\n"), "\t"))
	}
	for c, n := range names {
		one, err := decode.NewFieldsPrinter([]string{n})
		if err != nil {
			t.Fatal(err)
		}
		d := decode.NewDecoder()
		for k, frame := range frames {
			d.Decode(frame, linktype.Ethernet)
			f := decode.Frame{Number: k + 1, Time: time.Unix(int64(k+1), 0), Length: len(frame)}
			if got := strings.TrimSuffix(string(one.Append(nil, d, &f)), "\n"); got != want[k][c] {
				t.Errorf("-e %s, frame %d: %q alone, %q among the others", n, k+1, got, want[k][c])
				break
			}
		}
	}
}
