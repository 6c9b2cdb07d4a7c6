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

const linkFR = linktype.Type(107)

// frFrames are Frame Relay frames with a two-byte address: Cisco's
// encapsulation of IPv4 and IPv6 with each flag, RFC 2427's UI and NLPID,
// and frames rawcap leaves undecoded (a three-byte address, ARP's
// EtherType, SNAP, a cut header).
func frFrames(t testing.TB) (decoded, undecoded [][]byte) {
	ip := mustHex(t, "45000020000100004011f9cb0a0000010a000002"+"04d2162e000c0000"+"61626364")
	ip6 := mustHex(t, "6000000000083a40"+strings.Repeat("00", 15)+"01"+strings.Repeat("00", 15)+"02"+"8000f7ff00000000")
	cat := func(h string, b []byte) []byte { return append(mustHex(t, h), b...) }
	decoded = [][]byte{
		cat("48e10800", ip), cat("4ae10800", ip), cat("48e90800", ip), cat("48e50800", ip),
		cat("48e30800", ip), cat("4aef0800", ip), cat("48e186dd", ip6), cat("48e103cc", ip),
		cat("48e1038e", ip6),
	}
	undecoded = [][]byte{
		cat("80ea9d0800", ip), cat("48e10806", make([]byte, 28)), cat("48e10380000000", ip),
		cat("48e10300cc", ip), mustHex(t, "48e108"), mustHex(t, "48"),
	}
	return decoded, undecoded
}

func TestFRView(t *testing.T) {
	decoded, undecoded := frFrames(t)
	for i, f := range decoded {
		h, err := decode.ParseFR(f)
		if err != nil {
			t.Fatalf("frame %d: %v", i, err)
		}
		if len(h) != 4 {
			t.Errorf("frame %d: header of %d bytes", i, len(h))
		}
	}
	if h, _ := decode.ParseFR(decoded[0]); h.DLCI() != 302 || !h.Cisco() || h.Protocol() != decode.EtherTypeIPv4 {
		t.Errorf("frame 0: DLCI %d cisco %v protocol %#x, want 302 true 0x0800", h.DLCI(), h.Cisco(), h.Protocol())
	}
	if h, _ := decode.ParseFR(decoded[8]); h.Cisco() || h.Protocol() != decode.EtherTypeIPv6 {
		t.Errorf("frame 8: cisco %v protocol %#x, want false 0x86dd", h.Cisco(), h.Protocol())
	}
	d := decode.NewDecoder()
	for i, f := range undecoded {
		if _, err := decode.ParseFR(f); err == nil {
			t.Errorf("undecoded frame %d parsed", i)
		}
		if ls := d.Decode(f, linkFR); len(ls) != 0 {
			t.Errorf("undecoded frame %d: %d layers, want none (as before rawcap read Frame Relay)", i, len(ls))
		}
	}
}

// TestFRMatchesTshark holds the whole -V tree and -T fields of the decoded
// frames to tshark's.
func TestFRMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	decoded, _ := frFrames(t)
	path := writeTestPcapLink(t, linkFR, decoded, nil)
	run := func(args ...string) string {
		cmd := exec.Command("tshark", append([]string{"-n", "-r", path}, args...)...)
		cmd.Env = append(os.Environ(), "TZ=UTC")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("tshark %v: %v", args, err)
		}
		return string(out)
	}
	d := decode.NewDecoder()
	tp := &decode.TreePrinter{Location: time.UTC}
	var mine strings.Builder
	names := []string{"fr.first_addr_octet", "fr.upper_dlci", "fr.cr", "fr.ea", "fr.second_addr_octet", "fr.second_dlci",
		"fr.fecn", "fr.becn", "fr.de", "fr.dlci", "fr.control", "fr.control.u_modifier_cmd", "fr.control.ftype", "fr.nlpid", "fr.chdlctype"}
	fp, err := decode.NewFieldsPrinter(names)
	if err != nil {
		t.Fatal(err)
	}
	var fields strings.Builder
	for i, f := range decoded {
		d.Decode(f, linkFR)
		fr := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(f)}
		mine.Write(tp.Append(nil, d, &fr))
		fields.Write(fp.Append(nil, d, &fr))
	}
	if diff := cmp.Diff(run("-V"), mine.String()); diff != "" {
		t.Errorf("-V: tshark (-want) vs rawcap (+got):\n%s", diff)
	}
	var args []string
	for _, n := range names {
		args = append(args, "-e", n)
	}
	if diff := cmp.Diff(run(append([]string{"-T", "fields"}, args...)...), fields.String()); diff != "" {
		t.Errorf("-T fields: tshark (-want) vs rawcap (+got):\n%s", diff)
	}
}

// TestFRMatchesTcpdump holds the one-liners of the decoded frames to
// tcpdump's, with and without the link layer and hex.
func TestFRMatchesTcpdump(t *testing.T) {
	testshared.Oracle(t, "tcpdump")
	decoded, _ := frFrames(t)
	path := writeTestPcapLink(t, linkFR, decoded, nil)
	d := decode.NewDecoder()
	for _, opts := range [][]string{{}, {"-e"}, {"-v"}, {"-e", "-x"}, {"-xx"}, {"-q"}} {
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
		for i, f := range decoded {
			d.Decode(f, linkFR)
			fr := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(f)}
			mine.Write(p.Append(nil, d, &fr))
		}
		if diff := cmp.Diff(string(out), mine.String()); diff != "" {
			t.Errorf("tcpdump %v (-want) vs rawcap (+got):\n%s", opts, diff)
		}
	}
}
