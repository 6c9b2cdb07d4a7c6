package display_test

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/filter/display"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/pcapio"
)

// packet is one packet of a capture, decoded again for each filter.
type packet struct {
	p     pcapio.Packet
	frame decode.Frame
}

// demoPackets reads the project's demo capture.
func demoPackets(tb testing.TB) []packet {
	tb.Helper()
	root, err := testshared.Root()
	if err != nil {
		tb.Fatal(err)
	}
	r, err := pcapio.Open(filepath.Join(root, "testdata", "demo.pcap"))
	if err != nil {
		tb.Fatal(err)
	}
	defer r.Close()
	var out []packet
	for n := 1; ; n++ {
		p, err := r.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			tb.Fatal(err)
		}
		q := *p
		q.Data = append([]byte(nil), p.Data...)
		var f decode.Frame
		frameOf(&f, r, p, n)
		out = append(out, packet{q, f})
	}
}

// count returns how many of pkts f matches.
func count(f *display.Filter, pkts []packet) int {
	d := decode.NewDecoder()
	n := 0
	for i := range pkts {
		d.Decode(pkts[i].p.Data, pkts[i].p.LinkType)
		if f.Match(d, &pkts[i].frame) {
			n++
		}
	}
	return n
}

// TestGrammar holds each form of the language to the number of frames of
// the demo capture tshark 4.0 selects with it (counted with tshark -Y once;
// the differential test checks them against tshark itself).
func TestGrammar(t *testing.T) {
	pkts := demoPackets(t)
	for _, c := range []struct {
		expr string
		want int
	}{
		// Precedence: ! above && above ||.
		{`ip`, 358},
		{`tcp`, 390},
		{`!tcp`, 10},
		{`ip && tcp || udp`, 360},
		{`ip || tcp && udp`, 358},
		{`!ip || tcp`, 396},
		{`not ip and tcp`, 36},
		{`((ip))`, 358},
		{`not not ip`, 358},
		// Integers in every base, and characters.
		{`ip.ttl == 64`, 358},
		{`ip.ttl eq 0x40`, 358},
		{`ip.ttl == 0100`, 358},
		{`ip.ttl == 0b1000000`, 358},
		{`ip.ttl == '@'`, 358},
		// Addresses, prefixes, and fields that occur twice.
		{`ip.src == 10.1.74.13`, 6},
		{`ip.src == 10.1.0.0/16`, 191},
		{`ip.addr != 10.1.74.13`, 347},
		{`ip.addr !== 10.1.74.13`, 358},
		{`ip.addr === 10.1.74.13`, 0},
		{`ip.addr ~= 10.1.74.13`, 358},
		{`ipv6`, 40},
		{`ipv6.addr == fe80::/10`, 0},
		// Sets and ranges.
		{`ip.dst in {10.1.74.10..10.1.74.20}`, 5},
		{`ip.ttl in {1, 64, 128}`, 358},
		{`ip.ttl not in {64}`, 42},
		{`frame.number in {1..10}`, 10},
		// MACs in three spellings, and slices.
		{`eth.src == 02:ec:fc:3c:7d:96`, 5},
		{`eth.src == 02-ec-fc-3c-7d-96`, 5},
		{`eth.src == 02ec.fc3c.7d96`, 5},
		{`eth.src[0:3] == 02:ec:fc`, 5},
		{`eth.src[-1] == 96`, 5},
		{`eth.src[1-2] == ec:fc`, 5},
		{`eth.src[:2] == 02:ec`, 5},
		{`eth.src[4:] == 7d:96`, 5},
		{`frame[0:2] == 02:16`, 5},
		// Strings: contains, matches, functions.
		{`frame contains "GET"`, 15},
		{`http.request.method == "GET"`, 15},
		{`http.request.method == "\x47ET"`, 15},
		{`http.request.method == GET`, 15},
		{`http.request.method matches "^g"`, 15},
		{`http.request.method matches "(?-i)^g"`, 0},
		{`upper(http.request.method) == "GET"`, 15},
		{`lower(http.request.method) == "get"`, 15},
		{`len(http.request.method) == 3`, 15},
		{`count(ip.addr) == 2`, 358},
		{`string(ip.ttl) == "64"`, 358},
		{`dns.qry.name contains "example"`, 6},
		// Arithmetic.
		{`ip.len - ip.hdr_len > 500`, 72},
		{`{ip.len * 2} > 2000`, 72},
		{`ip.len % 2 == 1`, 26},
		{`-ip.ttl < -100`, 0},
		{`max(ip.ttl) > 100`, 0},
		{`min(ip.len, frame.len) < 60`, 0},
		{`abs(ip.ttl) == 64`, 358},
		// Layers, booleans, times.
		{`ip.src#1 == 10.1.74.13`, 6},
		{`ip.flags.df == True`, 358},
		{`ip.flags.df`, 358},
		{`frame.len > 1000 && frame.len < 1500`, 0},
		{`frame.time_relative > 0.005`, 160},
		{`frame.time >= "2020-01-01"`, 400},
		{`tls.handshake.type == 1`, 29},
	} {
		f, err := display.Compile(c.expr)
		if err != nil {
			t.Errorf("%s: %v", c.expr, err)
			continue
		}
		if got := count(f, pkts); got != c.want {
			t.Errorf("%s: %d frames, want %d", c.expr, got, c.want)
		}
	}
}

// TestErrors holds the errors to what a person can act on: tshark's
// message, a caret under the part in error, and ErrNotDecoded for what
// rawcap does not decode yet.
func TestErrors(t *testing.T) {
	for _, c := range []struct {
		expr, msg, caret string
		notDecoded       bool
	}{
		{"tcp.port = 80", `"=" was unexpected in this context.`, "         ^", false},
		{"ip.addr == 10.0.0.1 xor tcp", `"xor" was unexpected in this context.`, "                    ^~~", false},
		{"ip.ttl ==", "Unexpected end of filter expression.", "", false},
		{"(ip", "Unexpected end of filter expression.", "", false},
		{"ip.dst in {1.2.3.4 5.6.7.8}", `"5.6.7.8" was unexpected in this context.`, "                   ^~~~~~~", false},
		{"foo.bar == 1", `Left side of "==" expression must be a field or function, not foo.bar.`, "^~~~~~~", false},
		{"foo.bar", "foo.bar is neither a field nor a protocol name.", "^~~~~~~", false},
		{`ip.src == "10.0.0.1"`, `IPv4 address cannot be converted from a string ("10.0.0.1").`, "          ^~~~~~~~~~", false},
		{"ip.ttl == 64.5", `"64.5" is not a valid number.`, "          ^~~~", false},
		{"ip.ttl contains 1", "ip.ttl (type=Unsigned integer) cannot participate in contains comparison.", "^~~~~~", false},
		{"ip.ttl[0] == 1", `"ip.ttl" is a Unsigned integer and cannot be sliced into a sequence of bytes.`, "^~~~~~", false},
		{"nosuch(ip.ttl) == 1", "The function 'nosuch' does not exist.", "^~~~~~", false},
		{`mgcp.req.verb == "CRCX"`, `"mgcp.req.verb" is a Wireshark name, but rawcap does not decode mgcp yet`, "^~~~~~~~~~~~~", true},
		{"smb", `"smb" is a Wireshark name, but rawcap does not decode smb yet`, "^~~", true},
		{"ip.nosuchfield == 1", `"ip.nosuchfield" is not a field rawcap decodes: rawcap decodes ip, but not that field`, "^~~~~~~~~~~~~~", true},
	} {
		_, err := display.Compile(c.expr)
		var se *display.SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%s: error %v, want a SyntaxError", c.expr, err)
			continue
		}
		if !strings.HasPrefix(se.Msg, c.msg) {
			t.Errorf("%s: %q, want %q", c.expr, se.Msg, c.msg)
		}
		if got := errors.Is(err, display.ErrNotDecoded); got != c.notDecoded {
			t.Errorf("%s: ErrNotDecoded %v, want %v", c.expr, got, c.notDecoded)
		}
		caret := se.Caret()
		if c.caret == "" {
			if caret != "" {
				t.Errorf("%s: caret %q, want none", c.expr, caret)
			}
			continue
		}
		if want := "    " + c.expr + "\n    " + c.caret; caret != want {
			t.Errorf("%s: caret\n%s\nwant\n%s", c.expr, caret, want)
		}
	}
}

// TestProgram shows the checked tree, as dftest shows a filter's.
func TestProgram(t *testing.T) {
	f, err := display.Compile(`ip.src == 10.0.0.0/8 && !(tcp.flags.syn == 1 || http.request.method in {"GET", "POST"})`)
	if err != nil {
		t.Fatal(err)
	}
	want := `TEST_AND:
  TEST_ANY_EQ:
    FIELD(ip.src <FT_IPv4>)
    FVALUE(10.0.0.0/8 <IPv4 address>)
  TEST_NOT:
    TEST_OR:
      TEST_ANY_EQ:
        FIELD(tcp.flags.syn <FT_BOOLEAN>)
        FVALUE(1 <Boolean>)
      TEST_IN:
        FIELD(http.request.method <FT_STRING>)
        SET(2):
          FVALUE(GET <Character string>)
          FVALUE(POST <Character string>)
`
	if got := f.Program(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestMatchAllocs holds Match to no allocation per packet once its
// buffers have grown.
func TestMatchAllocs(t *testing.T) {
	pkts := demoPackets(t)
	for _, expr := range []string{
		`tcp.port == 443 && frame.len > 1000`,
		`ip.addr == 10.0.0.0/8 && !(tcp.srcport in {80, 443})`,
		`http.request.method matches "^g" || dns.qry.name contains "example"`,
		`eth.src[0:3] == 02:ec:fc || lower(http.request.method) == "get"`,
		`frame.time_relative > 0.005 && ip.len - ip.hdr_len > 500`,
	} {
		f, err := display.Compile(expr)
		if errors.Is(err, display.ErrNotDecoded) {
			continue // until rawcap decodes the field
		}
		if err != nil {
			t.Fatal(err)
		}
		count(f, pkts) // grow the buffers
		if allocs := matchAllocs(f, pkts, false); allocs != 0 {
			t.Errorf("%s: %.2f allocations per packet", expr, allocs)
		}
	}
}

// matchAllocs returns the allocations per packet of judging pkts in turn
// with f and a Decoder of its own, asking Skip first when skip says so.
func matchAllocs(f *display.Filter, pkts []packet, skip bool) float64 {
	d := decode.NewDecoder()
	i := 0
	return testing.AllocsPerRun(2000, func() {
		p := &pkts[i%len(pkts)]
		i++
		if skip && f.Skip(d, &p.frame, p.p.Data, p.p.LinkType) {
			return
		}
		d.Decode(p.p.Data, p.p.LinkType)
		f.Match(d, &p.frame)
	})
}

// BenchmarkMatch measures decoding and filtering one packet.
func BenchmarkMatch(b *testing.B) {
	pkts := demoPackets(b)
	for _, expr := range []string{`tcp.port == 443 && frame.len > 1000`, `tcp.stream eq 7`, `ip.addr == 10.0.0.0/8 && http.request.method == "GET"`} {
		f, err := display.Compile(expr)
		if err != nil {
			b.Logf("%s: %v", expr, err)
			continue
		}
		b.Run(expr, func(b *testing.B) {
			d := decode.NewDecoder()
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				p := &pkts[i%len(pkts)]
				d.Decode(p.p.Data, p.p.LinkType)
				f.Match(d, &p.frame)
			}
		})
	}
}

// FuzzCompile holds the parser and checker to errors, never a panic.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{"tcp.port == 80", `ip.src == 10.0.0.0/8 && !(tcp.flags.syn == 1)`, `eth.src[0:3] == 00:11:22`, `http.request.method in {"GET", "POST"}`, `len(dns.qry.name) > 5`, `{ip.len - 20} * 2 > 100`, `ip.src#[1-2] == 1.2.3.4`, `'a'`, `"\x41\101\u0041"`, `frame[-1:] == ff`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		flt, err := display.Compile(s)
		if err == nil {
			_ = flt.Program()
		}
	})
}

// FuzzMatch compiles an expression and runs it over the demo capture's
// packets with their bytes changed: never a panic.
func FuzzMatch(f *testing.F) {
	pkts := demoPackets(f)
	f.Add(`tcp.port == 443 && frame.len > 1000`, 3, byte(0xff))
	f.Add(`eth.src[1-2] == ec:fc || ip.src[0:2] == 0a:01`, 10, byte(0))
	f.Add(`http.request.method matches "^g" && len(http.request.uri) > 3`, 8, byte(0x41))
	f.Add(`ip.len - ip.hdr_len > 500 || frame contains "GET"`, 20, byte(7))
	f.Add(`tcp.stream eq 3 && frame.len > 60`, 40, byte(0x12))
	f.Add(`frame.len < 100 && !(tcp.flags.syn == 1)`, 47, byte(0x02))
	f.Fuzz(func(t *testing.T, expr string, at int, b byte) {
		flt, err := display.Compile(expr)
		if err != nil {
			return
		}
		// The same filter owning its Decoder (frame-only tests before
		// decoding, a pinned stream) must judge every packet alike.
		own, _ := display.Compile(expr)
		own.OwnDecoder()
		d, d2 := decode.NewDecoder(), decode.NewDecoder()
		for i := range pkts {
			data := append([]byte(nil), pkts[i].p.Data...)
			if len(data) > 0 {
				k := (at%len(data) + len(data)) % len(data)
				data[k] = b
				data = data[:len(data)-k%3]
			}
			fr, lt := &pkts[i].frame, pkts[i].p.LinkType
			d.Decode(data, lt)
			a := flt.Match(d, fr)
			owned := false
			if !own.Skip(d2, fr, data, lt) {
				d2.Decode(data, lt)
				owned = own.Match(d2, fr)
			}
			if a != owned {
				t.Fatalf("%s: frame %d: %v with a shared Decoder, %v with its own", expr, fr.Number, a, owned)
			}
		}
	})
}

// TestOwnDecoder: a filter told that its Decoder is its own leaves the
// connection tracker out when the expression reads nothing it computes,
// and selects the same packets as one that runs it, for every expression
// of testdata/exprs.txt over the demo capture.
func TestOwnDecoder(t *testing.T) {
	pkts := demoPackets(t)
	for _, expr := range readExprs(t, filepath.Join("testdata", "exprs.txt")) {
		compareOwned(t, pkts, expr, "with OwnDecoder")
	}
}

// compareOwned runs expr over pkts as a filter sharing its Decoder and as
// one that owns it (OwnDecoder), and reports the first frame where their
// verdicts differ; false if expr does not compile.
func compareOwned(t *testing.T, pkts []packet, expr, mode string) bool {
	t.Helper()
	shared, err := display.Compile(expr)
	if err != nil {
		return false
	}
	own, _ := display.Compile(expr)
	own.OwnDecoder()
	d1, d2 := decode.NewDecoder(), decode.NewDecoder()
	for k := range pkts {
		p := &pkts[k]
		d1.Decode(p.p.Data, p.p.LinkType)
		d2.Decode(p.p.Data, p.p.LinkType)
		if a, b := shared.Match(d1, &p.frame), own.Match(d2, &p.frame); a != b {
			t.Errorf("%s: frame %d: %v with a shared Decoder, %v %s", expr, p.frame.Number, a, b, mode)
			break
		}
	}
	return true
}

// TestIndependent checks which expressions may run on packets out of
// order: those that read only the packet's own link, network and
// transport fields.
func TestIndependent(t *testing.T) {
	for expr, want := range map[string]bool{
		"tcp.port == 443 && frame.len > 1000":        true,
		"ip.addr == 10.0.0.0/8 && !(udp.port == 53)": true,
		"eth.src[0:3] == 00:11:22 || arp":            true,
		"frame.time >= \"2026-01-02 03:04:05\"":      true,
		"tcp.stream eq 7":                            false, // the tracker numbers streams
		"tcp.analysis.retransmission":                false,
		"frame.time_delta > 1":                       false, // the frame before
		"frame.time_relative < 5 && tcp":             false,
		"dns.qry.name contains \"example\"":          false, // an application protocol
		"tls.handshake.type == 1":                    false,
		"http2":                                      false,
		"tcp.seq == 1":                               false, // relative: the tracker's
	} {
		f, err := display.Compile(expr)
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		if got := f.Independent(); got != want {
			t.Errorf("%s: Independent() = %v, want %v", expr, got, want)
		}
	}
}

// TestSkip: a packet Skip leaves undecoded is one Match rejects, for every
// expression of testdata/exprs.txt and some with parts on the frame
// alone, over the demo capture; the frame's part does skip, with no
// allocation; and only an independent filter that owns its Decoder skips.
func TestSkip(t *testing.T) {
	pkts := demoPackets(t)
	mine := []string{
		`tcp.port == 443 && frame.len > 1000`,
		`tcp && frame.number <= 20 && frame.cap_len >= 60`,
		`frame.time >= "1970-01-01 00:00:00" && frame.time_epoch < 1 && ip`,
		`(udp || arp) && len(frame.interface_name) == 0 && frame.len < 100`,
		`!(frame.len in {60..100}) && ip.src == 10.0.0.0/8`,
	}
	skipped := 0
	for j, expr := range append(mine, readExprs(t, filepath.Join("testdata", "exprs.txt"))...) {
		f, err := display.Compile(expr)
		if err != nil && j < len(mine) {
			t.Fatal(err)
		}
		if err != nil {
			continue
		}
		f.OwnDecoder()
		ref, _ := display.Compile(expr)
		ref.OwnDecoder()
		d, dref := decode.NewDecoder(), decode.NewDecoder()
		for k := range pkts {
			p := &pkts[k]
			dref.Decode(p.p.Data, p.p.LinkType)
			want := ref.Match(dref, &p.frame)
			if !f.Skip(d, &p.frame, p.p.Data, p.p.LinkType) {
				d.Decode(p.p.Data, p.p.LinkType)
				if got := f.Match(d, &p.frame); got != want {
					t.Errorf("%s: frame %d: %v after Skip, %v without", expr, p.frame.Number, got, want)
				}
				continue
			}
			skipped++
			if !f.Independent() {
				t.Fatalf("%s: a dependent filter skipped frame %d", expr, p.frame.Number)
			}
			if want {
				t.Errorf("%s: frame %d skipped, but it passes", expr, p.frame.Number)
			}
		}
	}
	t.Logf("%d frames skipped", skipped)
	if skipped == 0 {
		t.Error("no frame was skipped")
	}
	f, _ := display.Compile(mine[0])
	d := decode.NewDecoder()
	for k := range pkts {
		if p := &pkts[k]; f.Skip(d, &p.frame, p.p.Data, p.p.LinkType) {
			t.Fatal("a filter whose Decoder is shared skipped a frame")
		}
	}
	f.OwnDecoder()
	if allocs := matchAllocs(f, pkts, true); allocs != 0 {
		t.Errorf("%.2f allocations per packet", allocs)
	}
}

// TestStreamPin: tcp.stream == N, alone or beside other tests, selects the
// same frames whether the filter's tracker follows every connection or,
// owning its Decoder, N's alone once it is open (decode's pinned stream),
// for every stream of the demo capture.
func TestStreamPin(t *testing.T) {
	pkts := demoPackets(t)
	for n := 0; n <= 52; n++ {
		for _, expr := range []string{
			fmt.Sprintf("tcp.stream == %d", n),
			fmt.Sprintf("tcp.stream eq %d && frame.len > 60", n),
			fmt.Sprintf("ip && %d === tcp.stream", n),
		} {
			if !compareOwned(t, pkts, expr, "pinned") {
				t.Fatalf("%s does not compile", expr)
			}
		}
	}
	f, _ := display.Compile("tcp.stream eq 7")
	f.OwnDecoder()
	if allocs := matchAllocs(f, pkts, false); allocs != 0 {
		t.Errorf("pinned: %.2f allocations per packet", allocs)
	}
}

// TestPinnedPortsDrop checks what -r -w -Y 'tcp.stream == N' drops
// unread (display.Filter.PinnedPorts, decode.CarriesPorts): once N's
// connection is open, a packet whose bytes do not carry its two ports
// fails the filter, and leaving it out changes no verdict on the packets
// after. The demo capture is given twice, so every connection's ports are
// reused by a new one.
func TestPinnedPortsDrop(t *testing.T) {
	demo := demoPackets(t)
	pkts := append(append([]packet(nil), demo...), demo...)
	for k := range pkts {
		pkts[k].frame.Number = k + 1
	}
	dropped := 0
	for n := 0; n <= 110; n++ {
		for _, expr := range []string{fmt.Sprintf("tcp.stream == %d", n), fmt.Sprintf("frame.len > 60 && tcp.stream eq %d", n)} {
			shared, _ := display.Compile(expr)
			own, _ := display.Compile(expr)
			own.OwnDecoder()
			d1, d2 := decode.NewDecoder(), decode.NewDecoder()
			for k := range pkts {
				p := &pkts[k]
				d1.Decode(p.p.Data, p.p.LinkType)
				want := shared.Match(d1, &p.frame)
				if a, b, ok := own.PinnedPorts(d2); ok && !decode.CarriesPorts(p.p.Data, a, b) {
					dropped++
					if want {
						t.Fatalf("%s: frame %d dropped (ports %d, %d not carried), but it passes", expr, p.frame.Number, a, b)
					}
					continue
				}
				d2.Decode(p.p.Data, p.p.LinkType)
				if got := own.Match(d2, &p.frame); got != want {
					t.Fatalf("%s: frame %d: %v with a shared Decoder, %v with the drops", expr, p.frame.Number, want, got)
				}
			}
		}
	}
	if dropped == 0 {
		t.Fatal("nothing dropped: the test tests nothing")
	}
	t.Logf("%d packets dropped unread over %d filters", dropped, 2*111)

	// A frame clock, a Decoder shared with the printers: nothing dropped.
	for _, c := range []struct {
		expr string
		own  bool
	}{{"tcp.stream == 3 && frame.time_delta < 1", true}, {"tcp.stream == 3", false}} {
		f, _ := display.Compile(c.expr)
		if c.own {
			f.OwnDecoder()
		}
		d := decode.NewDecoder()
		for k := range demo {
			d.Decode(demo[k].p.Data, demo[k].p.LinkType)
			f.Match(d, &demo[k].frame)
		}
		if _, _, ok := f.PinnedPorts(d); ok {
			t.Errorf("%s (owned %v): PinnedPorts ok", c.expr, c.own)
		}
	}
}
