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

// linkFrames are requests and responses that test the pairing rules:
// ICMP and ICMPv6 echoes with a request sent twice, a reply sent twice,
// and a reply whose checksum does not fit its request; DNS queries with a
// query sent twice before its answer, a response sent twice, and a query
// asked again after its answer.
func linkFrames(t *testing.T) [][]byte {
	echo := func(typ byte, seq byte, bad bool) []byte {
		m := icmpChecksum([]byte{typ, 0, 0, 0, 0, 1, 0, seq, 'p', 'i', 'n', 'g'})
		if bad {
			m[2] ^= 0x12
		}
		src, dst := byte(1), byte(2)
		if typ == 0 {
			src, dst = 2, 1
		}
		return ipFragments(src, dst, 1, uint16(seq)<<8|uint16(typ), m, 1480)[0]
	}
	echo6 := func(typ byte, seq byte, bad bool) []byte {
		src, dst := "fd00::1", "fd00::2"
		if typ == 129 {
			src, dst = dst, src
		}
		f := icmp6Frame(src, dst, []byte{typ, 0, 0, 0, 0, 7, 0, seq, 'p', 'i', 'n', 'g'})
		if bad {
			f[14+40+2] ^= 0x12
		}
		return f
	}
	query := mustHex(t, `1234 0100 0001 0000 0000 0000 07 6578616d706c65 03 636f6d 00 0001 0001`)
	answer := mustHex(t, `1234 8180 0001 0001 0000 0000 07 6578616d706c65 03 636f6d 00 0001 0001
		c00c 0001 0001 0000003c 0004 01020304`)
	dns := func(m []byte, response bool) []byte {
		if !response {
			return appFrame(m, 5555, 53, false)
		}
		f := appFrame(m, 53, 5555, false)
		ip := f[14:34]
		for k := range 4 {
			ip[12+k], ip[16+k] = ip[16+k], ip[12+k]
		}
		return f
	}
	return [][]byte{
		echo(8, 1, false), echo(8, 1, false), echo(0, 1, false), echo(0, 1, false),
		echo(8, 2, false), echo(0, 2, true), echo(0, 2, false),
		echo6(128, 1, false), echo6(128, 1, false), echo6(129, 1, false), echo6(129, 1, false),
		echo6(128, 2, false), echo6(129, 2, true), echo6(129, 2, false),
		dns(query, false), dns(query, false), dns(answer, true), dns(answer, true),
		dns(query, false), dns(answer, true),
	}
}

// linkFields are the fields of the pairing.
var linkFields = []string{"frame.number", "icmp.resp_to", "icmp.resptime", "icmpv6.resp_to", "icmpv6.resptime",
	"dns.response_to", "dns.time", "dns.retransmit_request_in", "dns.retransmit_response_in", "dns.retransmission"}

// TestTrackerLinksMatchTshark checks that -T fields, --columns and -V pair
// responses with requests as tshark does, in the cases where the printers
// used to disagree with tshark and with each other.
func TestTrackerLinksMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	frames := linkFrames(t)
	path := writeTestPcap(t, frames)
	run := func(args ...string) string {
		cmd := exec.Command("tshark", append([]string{"-n", "-r", path}, args...)...)
		cmd.Env = append(os.Environ(), "TZ=UTC")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("tshark %q: %v", args, err)
		}
		return string(out)
	}
	fieldArgs := []string{"-T", "fields"}
	for _, f := range linkFields {
		fieldArgs = append(fieldArgs, "-e", f)
	}
	fp, err := decode.NewFieldsPrinter(linkFields)
	if err != nil {
		t.Fatal(err)
	}
	var fields, cols, tree []byte
	cp := &decode.ColumnsPrinter{}
	tp := &decode.TreePrinter{Location: time.UTC}
	for _, p := range []interface {
		Append([]byte, *decode.Decoder, *decode.Frame) []byte
	}{fp, cp, tp} {
		d := decode.NewDecoder()
		var out []byte
		for i, fr := range frames {
			d.Decode(fr, linktype.Ethernet)
			f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1700000000+i), 0), Length: len(fr)}
			out = p.Append(out, d, &f)
		}
		switch p {
		case fp:
			fields = out
		case cp:
			cols = out
		default:
			tree = out
		}
	}
	if diff := cmp.Diff(run(fieldArgs...), string(fields)); diff != "" {
		t.Errorf("-T fields %v (-tshark +rawcap):\n%s", linkFields, diff)
	}
	if diff := cmp.Diff(run(), string(cols)); diff != "" {
		t.Errorf("--columns (-tshark +rawcap):\n%s", diff)
	}
	// The link lines of -V, frame by frame.
	links := func(s string) []string {
		var out []string
		for _, fr := range splitFrames(s) {
			var ls []string
			for _, line := range strings.Split(fr, "\n") {
				for _, p := range []string{"[Request frame:", "[Response time:", "[Response To:", "[Response Time:", "[Request In:", "[Time:"} {
					if strings.HasPrefix(strings.TrimSpace(line), p) {
						ls = append(ls, strings.TrimSpace(line))
					}
				}
			}
			out = append(out, strings.Join(ls, " "))
		}
		return out
	}
	if diff := cmp.Diff(links(run("-V")), links(string(tree))); diff != "" {
		t.Errorf("-V link lines by frame (-tshark +rawcap):\n%s", diff)
	}
}
