package decode_test

import (
	"encoding/binary"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
)

// bgpMsg builds a BGP message of type typ around body.
func bgpMsg(typ byte, body []byte) []byte {
	m := make([]byte, 19, 19+len(body))
	for k := range 16 {
		m[k] = 0xff
	}
	binary.BigEndian.PutUint16(m[16:], uint16(19+len(body)))
	m[18] = typ
	return append(m, body...)
}

func bgpVectors(t testing.TB) [][]byte {
	open := bgpMsg(1, mustHex(t, "04 fd e9 00 b4 c0 a8 0a 44 1e "+
		"02 06 01 04 00 01 00 01 02 02 80 00 02 02 02 00 02 06 41 04 00 00 fd e9 02 04 40 02 00 78"))
	update := bgpMsg(2, mustHex(t, "00 03 10 0a 01 "+
		"00 22 40 01 01 00 40 02 06 02 02 00 64 00 c8 40 03 04 c0 00 02 01 80 04 04 00 00 00 00 40 05 04 00 00 00 64 "+
		"18 cb 00 71 20 c6 33 64 0a"))
	as4 := bgpMsg(2, mustHex(t, "00 00 00 0d 40 01 01 02 40 02 06 02 01 00 01 00 00 18 c0 00 02"))
	notification := bgpMsg(3, mustHex(t, "06 02"))
	refresh := bgpMsg(5, mustHex(t, "00 01 00 01"))
	keepalive := bgpMsg(4, nil)
	// Graceful restart (with a family), FQDN and additional paths.
	open2 := bgpMsg(1, mustHex(t, "04 fd e9 00 b4 c0 a8 0a 44 19 "+
		"02 17 40 06 81 2c 00 01 01 80 49 07 04 68 6f 73 74 01 78 45 04 00 01 01 03"))
	// Communities, AIGP and an ATTR_SET holding ORIGIN and LOCAL_PREF.
	aigp := bgpMsg(2, mustHex(t, "00 00 00 32 40 01 01 00 c0 08 04 fd e8 2b c1 "+
		"80 1a 0b 01 00 0b 00 00 00 00 00 00 07 d0 "+
		"c0 80 0f 00 00 fd e9 40 01 01 00 40 05 04 00 00 00 2c 40 03 04 c0 00 02 01 18 cb 00 71"))
	// Each segment on a connection of its own: tshark hands no
	// retransmitted bytes to BGP.
	port := uint16(40000)
	seg := func(msgs ...[]byte) []byte { port++; return appFrame(cat(msgs...), port, 179, true) }
	return [][]byte{
		seg(open),
		seg(keepalive),
		seg(update),
		seg(as4),
		seg(notification),
		seg(refresh),
		seg(keepalive, update, keepalive),
		seg(keepalive, update[:30]),
		seg(open2),
		seg(aigp),
	}
}

func TestBGP(t *testing.T) {
	frames := bgpVectors(t)
	d := decode.NewDecoder()
	for i, frame := range frames {
		layers := d.Decode(frame, linktype.Ethernet)
		if len(layers) != 4 || layers[3].Type != decode.LayerBGP {
			t.Fatalf("frame %d: layers %v, want Ethernet, IPv4, TCP, BGP", i, layers)
		}
	}
	d.Decode(frames[6], linktype.Ethernet)
	f := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frames[6])}
	cols := string((&decode.ColumnsPrinter{}).Append(nil, d, &f))
	if !strings.Contains(cols, " BGP ") || !strings.Contains(cols, "KEEPALIVE Message, UPDATE Message, KEEPALIVE Message") {
		t.Errorf("columns %q", cols)
	}
	fp, err := decode.NewFieldsPrinter([]string{"bgp.type", "bgp.update.path_attribute.as_path_segment.as2", "bgp.nlri_prefix"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(fp.Append(nil, d, &f)), "4,2,4\t100,200\t203.0.113.0,198.51.100.10\n"; got != want {
		t.Errorf("-T fields %q, want %q", got, want)
	}
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-q"}})
	compareFramesTreeWithTsharkFrom(t, frames, "\nBorder Gateway Protocol - ")
	buf := make([]byte, 0, 8192)
	vp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 1}}
	tp := &decode.TreePrinter{Location: time.UTC}
	jp := &decode.JSONPrinter{Location: time.UTC}
	for _, frame := range frames {
		run := func() {
			d.Decode(frame, linktype.Ethernet)
			buf = vp.Append(buf[:0], d, &f)
			buf = tp.Append(buf[:0], d, &f)
			buf = jp.Append(buf[:0], d, &f)
			buf = fp.Append(buf[:0], d, &f)
		}
		run()
		if n := testing.AllocsPerRun(20, run); n != 0 {
			t.Errorf("%v allocations per packet", n)
		}
		for n := 54; n <= len(frame); n++ {
			d.Decode(frame[:n], linktype.Ethernet)
			for _, out := range allPrinters() {
				out(d, &f)
			}
		}
	}
}

// FuzzBGP feeds BGP messages, as TCP port 179 payloads, to the decoder
// and the printers.
func FuzzBGP(f *testing.F) {
	for _, frame := range bgpVectors(f) {
		f.Add(frame[54:])
	}
	fuzzApp(f, decode.LayerBGP, 179, true, nil)
}

// TestBGPVectorFieldsMatchTshark holds -T fields of the generated frames
// to tshark's for the headings and prefixes: every occurrence, in
// tshark's order.
func TestBGPVectorFieldsMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	frames := bgpVectors(t)
	compareFieldsWithTshark(t, writeTestPcap(t, frames), frames, []string{
		"bgp.open.opt", "bgp.open.opt.param", "bgp.cap", "bgp.cap.type", "bgp.update.withdrawn_routes",
		"bgp.prefix_length", "bgp.withdrawn_prefix", "bgp.update.path_attributes", "bgp.update.path_attribute",
		"bgp.update.path_attribute.as_path_segment", "bgp.update.nlri", "bgp.nlri_prefix",
		"bgp.cap.gr.timers", "bgp.cap.gr.timers.restart_time", "bgp.cap.gr.afi", "bgp.cap.gr.flag.pfs",
		"bgp.cap.orf.fqdn.hostname", "bgp.cap.orf.fqdn.domain_name", "bgp.cap.ap.sendreceive",
		"bgp.update.path_attribute.aigp", "bgp.update.attribute.aigp.accu_igp_metric",
		"bgp.update.path_attribute.attr_set.origin_as", "bgp.update.path_attribute.local_pref",
		"bgp.update.path_attribute.type_code"})
}
