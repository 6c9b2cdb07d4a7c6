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

const (
	linkARCNET      = linktype.Type(7)
	linkARCNETLinux = linktype.Type(129)
)

const (
	arcnetTestARP = "0007080001040001be0a50830100" + "0a5083fe"
	arcnetTestIP  = "4500002c0000400040011f320a5083010a5083fe" + "080022d88014000000681f6e2c000010e8" + "08090a0b0c0d0e0f"
)

// arcnetFrames are Linux ARCNET frames: RFC 1051's and RFC 1201's
// encapsulations of ARP and IPv4 (as in libpcap's
// tests_filter_arcnet-*.pcap), an RFC 1201 fragment, a Diagnose frame and
// a PowerLAN beacon (whose bytes are data), headers without a payload and
// headers cut short.
func arcnetFrames(t testing.TB) [][]byte {
	arp, ip := arcnetTestARP, arcnetTestIP
	return [][]byte{
		mustHex(t, "be00ed08f1"+arp),
		mustHex(t, "50be0000f1000708000104"+"0002"+"500a5083fe"+"be0a508301"),
		mustHex(t, "be50ab08f0"+ip),
		mustHex(t, "be00ea08d5000165"+arp),
		mustHex(t, "be50a8e7d4000166"+ip),
		mustHex(t, "be50f000d4030007"+ip),
		mustHex(t, "be50000080"+"61626364"),
		mustHex(t, "be50000008000001"+"61626364"),
		mustHex(t, "be500000f0"), mustHex(t, "be500000d4000001"), mustHex(t, "be500000f1"),
		mustHex(t, "be5000"),
		mustHex(t, "be500000d400"),
	}
}

// arcnetBSDFrames are BSD ARCNET frames (no offset bytes): RFC 1051's and
// RFC 1201's ARP and IPv4, RFC 1201's fragments (first and later ones) and
// exception packets, data, and headers short or cut short.
func arcnetBSDFrames(t testing.TB) [][]byte {
	arp, ip := arcnetTestARP, arcnetTestIP
	return [][]byte{
		mustHex(t, "be50f0"+ip), mustHex(t, "be00f1"+arp), mustHex(t, "be00d5000165"+arp),
		mustHex(t, "be50d4000166"+ip), mustHex(t, "be50d4010007"+ip), mustHex(t, "be50d4020007"+ip),
		mustHex(t, "be50d4030007"+ip), mustHex(t, "be50d4040007"+ip), mustHex(t, "be50d4ffffffd4000166"+ip),
		mustHex(t, "be50d4ffffffd4020166"+ip), mustHex(t, "be508061626364"), mustHex(t, "be500800000161626364"),
		mustHex(t, "be50"), mustHex(t, "be50d400"), mustHex(t, "be50d4ffffffd4"), mustHex(t, "be50f0"),
		mustHex(t, "be50d4000001"), mustHex(t, "be50d4ffffffd4000001"),
	}
}

// arcnetLinks are the link types and their frames.
func arcnetLinks(t testing.TB) []struct {
	lt     linktype.Type
	frames [][]byte
} {
	return []struct {
		lt     linktype.Type
		frames [][]byte
	}{{linkARCNETLinux, arcnetFrames(t)}, {linkARCNET, arcnetBSDFrames(t)}}
}

// TestARCNETMatchesTshark holds the whole -V tree, -T fields and packet
// list of the frames of both link types to tshark's.
func TestARCNETMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	for _, link := range arcnetLinks(t) {
		frames, lt := link.frames, link.lt
		path := writeTestPcapLink(t, lt, frames, nil)
		run := func(args ...string) string {
			cmd := exec.Command("tshark", append([]string{"-n", "-r", path}, args...)...)
			cmd.Env = append(os.Environ(), "TZ=UTC")
			out, _ := cmd.Output() // a frame cut short makes tshark exit 2 after printing it
			return string(out)
		}
		d := decode.NewDecoder()
		tp := &decode.TreePrinter{Location: time.UTC}
		names := []string{"arcnet.src", "arcnet.dst", "arcnet.offset", "arcnet.protID", "arcnet.split_flag",
			"arcnet.exception_flag", "arcnet.padding", "arcnet.sequence", "arp.src.hw", "arp.dst.hw", "ip.src", "frame.protocols"}
		fp, err := decode.NewFieldsPrinter(names)
		if err != nil {
			t.Fatal(err)
		}
		var mine, fields strings.Builder
		for i, f := range frames {
			d.Decode(f, lt)
			fr := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(f)}
			mine.Write(tp.Append(nil, d, &fr))
			fields.Write(fp.Append(nil, d, &fr))
		}
		if diff := cmp.Diff(run("-V"), mine.String()); diff != "" {
			t.Errorf("link type %d -V: tshark (-want) vs rawcap (+got):\n%s", lt, diff)
		}
		var args []string
		for _, n := range names {
			args = append(args, "-e", n)
		}
		if diff := cmp.Diff(run(append([]string{"-T", "fields"}, args...)...), fields.String()); diff != "" {
			t.Errorf("link type %d -T fields: tshark (-want) vs rawcap (+got):\n%s", lt, diff)
		}
		if n := compareColumnsWithTshark(t, path); n != len(frames) {
			t.Errorf("link type %d: %d of %d rows are tshark's", lt, n, len(frames))
		}
		checkTreeAllocsNothingOn(t, lt, frames[:8], "ARCNET")
	}
}

// TestARCNETMatchesTcpdump holds the one-liners of the frames of both link
// types to tcpdump's, with and without the link layer and hex.
func TestARCNETMatchesTcpdump(t *testing.T) {
	testshared.Oracle(t, "tcpdump")
	for _, link := range arcnetLinks(t) {
		frames, lt := link.frames, link.lt
		path := writeTestPcapLink(t, lt, frames, nil)
		d := decode.NewDecoder()
		for _, opts := range [][]string{{}, {"-e"}, {"-v"}, {"-e", "-x"}, {"-xx"}, {"-q"}, {"-e", "-q"}} {
			args := append(append([]string{"-n", "-tt"}, opts...), "-r", path)
			cmd := exec.Command("tcpdump", args...)
			cmd.Env = append(os.Environ(), "TZ=UTC")
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("tcpdump %v: %v", args, err)
			}
			lo := appLineOptions(opts)
			lo.Time = decode.TimeEpoch
			if len(opts) == 1 && opts[0] == "-xx" {
				lo.Hex = decode.HexLink
			}
			p := &decode.LinePrinter{Options: lo}
			var mine strings.Builder
			for i, f := range frames {
				d.Decode(f, lt)
				fr := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(f)}
				mine.Write(p.Append(nil, d, &fr))
			}
			if diff := cmp.Diff(string(out), mine.String()); diff != "" {
				t.Errorf("link type %d tcpdump %v (-want) vs rawcap (+got):\n%s", lt, opts, diff)
			}
		}
	}
}

func FuzzARCNET(f *testing.F) {
	for _, link := range arcnetLinks(f) {
		for _, fr := range link.frames {
			f.Add(link.lt == linkARCNETLinux, fr)
		}
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	lp := &decode.LinePrinter{Options: decode.LineOptions{Verbose: 2, Link: true}}
	jp := &decode.JSONPrinter{Location: time.UTC}
	ep := &decode.EKPrinter{}
	cp := &decode.ColumnsPrinter{Precision: []int{6}}
	f.Fuzz(func(t *testing.T, linux bool, frame []byte) {
		lt := linkARCNET
		if linux {
			lt = linkARCNETLinux
		}
		d.Decode(frame, lt)
		fr := decode.Frame{Number: 1, Time: time.Unix(1, 0), Length: len(frame)}
		_ = tp.Append(nil, d, &fr)
		_ = lp.Append(nil, d, &fr)
		_ = jp.Append(nil, d, &fr)
		_ = ep.Append(nil, d, &fr)
		_ = cp.Append(nil, d, &fr)
	})
}
