package decode_test

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// appTreeHeads start the DNS, DHCP and NTP subtrees.
var appTreeHeads = []string{"Domain Name System", "Dynamic Host Configuration Protocol", "Network Time Protocol"}

// tsharkTreesAndRows returns tshark -n -V's tree of each of the n frames of
// the capture at path, and each one's Protocol and Info columns (a tab
// between them).
func tsharkTreesAndRows(t *testing.T, path string, n int) (trees, rows []string) {
	t.Helper()
	cmd := exec.Command("tshark", "-n", "-V", "-r", path)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	trees = appTreeFrames(string(out))
	if len(trees) != n {
		t.Fatalf("tshark printed %d frames, want %d", len(trees), n)
	}
	cols, err := exec.Command("tshark", "-n", "-r", path, "-T", "fields", "-e", "_ws.col.Protocol", "-e", "_ws.col.Info").Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	return trees, strings.Split(strings.TrimSuffix(string(cols), "\n"), "\n")
}

// appTreeFrames splits tshark -V output into frames.
func appTreeFrames(out string) []string {
	var frames []string
	for _, part := range strings.Split(out, "\nFrame ") {
		if part != "" {
			frames = append(frames, part)
		}
	}
	return frames
}

// appSubtree returns the lines of the DNS, DHCP or NTP subtree of a
// rawcap tree (from its head line to the next top-level line).
func appSubtree(tree string) []string {
	var out []string
	in := false
	for _, line := range strings.Split(strings.TrimRight(tree, "\n"), "\n") {
		top := line != "" && line[0] != ' '
		if top {
			in = false
			for _, h := range appTreeHeads {
				in = in || strings.HasPrefix(line, h)
			}
		}
		if in {
			out = append(out, line)
		}
	}
	return out
}

// vendorMAC matches tshark's "Vendor_xx:xx:xx (mac)" resolution of an
// address's maker, which rawcap does not do.
var vendorMAC = regexp.MustCompile(`: [^ ]+_[0-9a-f:]+ \(([0-9a-f:]{17})\)$`)

// appTreeAllow lists subtrees known to differ from tshark's, with reasons.
var appTreeAllow = map[string]string{
	"dnsVectors#13":  "7-byte message: tshark shows the fields it has, rawcap marks it malformed",
	"dnsVectors#19":  "UPDATE with records past the message: tshark stops at an exception",
	"dnsVectors#25":  "an A record of 5 bytes: tshark stops at an exception, before its pairing lines",
	"dnsVectors#15":  "the byte 0xff in a label: tshark prints it raw, rawcap as \\255",
	"dnsVectors#28":  "TCP length prefix 5: tshark shows the header fields it has",
	"dhcpVectors#7":  "relay agent sub-option 9: tshark stops at an exception",
	"dhcpVectors#20": "two message type options: tshark names the message after the other one",
	"dhcpVectors#23": "malformed FQDN options: tshark stops at an exception",
	"dhcpVectors#27": "empty options that need data: tshark stops at an exception",
	"dhcpVectors#28": "a classless route cut short: tshark stops at an exception",
}

// TestAppTreeMatchesTshark checks the DNS, DHCP and NTP subtrees of -V
// against tshark -n -V, on the corpus captures carrying them and the
// crafted vectors: every line rawcap prints must be a line tshark prints,
// in the same order (tshark's maker names for MAC addresses aside).
func TestAppTreeMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	type capture struct {
		name, path string
		pkts       []pcapio.Packet
		mine       []bool
	}
	var caps []capture
	for _, c := range appCorpus(t, decode.LayerDNS, decode.LayerDHCPv4, decode.LayerNTP) {
		caps = append(caps, capture{c.name, c.path, c.packets, c.mine})
	}
	for _, set := range []struct {
		name string
		vs   []appVector
	}{{"dnsVectors", dnsVectors}, {"dhcpVectors", dhcpVectors}, {"ntpVectors", ntpVectors}} {
		c := capture{name: set.name}
		var frames [][]byte
		for i, v := range set.vs {
			fr := appFrame(mustHex(t, v.hex), v.sport, v.dport, v.tcp)
			frames = append(frames, fr)
			c.pkts = append(c.pkts, pcapio.Packet{Data: fr, Length: len(fr), Time: time.Unix(int64(1700000000+i), 0), LinkType: linktype.Ethernet})
			c.mine = append(c.mine, true)
		}
		c.path = writeTestPcap(t, frames)
		caps = append(caps, c)
	}
	lines, trees, skipped := 0, 0, 0
	for _, c := range caps {
		// A tracker of each capture's own, seeing every packet of it, as
		// tshark's does: the pairing of queries and responses shows.
		d := decode.NewDecoder()
		p := &decode.TreePrinter{Location: time.UTC}
		cmd := exec.Command("tshark", "-n", "-V", "-r", c.path)
		cmd.Env = append(os.Environ(), "TZ=UTC")
		out, _ := cmd.Output()
		theirs := appTreeFrames(string(out))
		if len(theirs) != len(c.pkts) {
			skipped++
			t.Logf("%s: tshark printed %d frames for %d packets (skipped)", c.name, len(theirs), len(c.pkts))
			continue
		}
		for i := range c.pkts {
			pk := &c.pkts[i]
			d.Decode(pk.Data, pk.LinkType)
			f := decode.Frame{Number: i + 1, Time: pk.Time, Length: pk.Length}
			tree := p.Append(nil, d, &f)
			if !c.mine[i] {
				continue
			}
			mine := appSubtree(string(tree))
			want := strings.Split(theirs[i], "\n")
			for k, w := range want {
				want[k] = vendorMAC.ReplaceAllString(w, ": $1")
			}
			if appTreeAllow[fmt.Sprintf("%s#%d", c.name, i+1)] != "" {
				continue
			}
			j := 0
			trees++
			for _, line := range mine {
				if strings.HasPrefix(line, "[Malformed Packet") {
					continue // tshark words truncation differently
				}
				for j < len(want) && want[j] != line {
					j++
				}
				if j == len(want) {
					t.Errorf("%s#%d: line %q is not in tshark's tree (in order)", c.name, i+1, line)
					break
				}
				lines++
				j++
			}
		}
	}
	t.Logf("%d subtrees, %d lines found in tshark's trees in order; %d captures skipped", trees, lines, skipped)
}

// TestDNSTreeMatchesTshark holds the DNS subtree, drawn from its fields,
// of each DNS vector to tshark's line for line.
// The vectors appTreeAllow lists (tshark stops at an exception, or prints
// a byte rawcap escapes) are left out; one more may lack the malformed
// marks of tshark's exception.
func TestDNSTreeMatchesTshark(t *testing.T) {
	all := vectorFrames(t, dnsVectors)
	var frames [][]byte
	allow := map[int]string{}
	for k, fr := range all {
		if appTreeAllow[fmt.Sprintf("dnsVectors#%d", k+1)] != "" {
			continue
		}
		if k == 21 {
			allow[len(frames)] = "tshark stops at an exception after the lines rawcap draws"
		}
		frames = append(frames, fr)
	}
	compareSubtreeWithTshark(t, frames, "Domain Name System", allow)
}

// TestDNSTreeAllocatesNothing: the generic tree draws DNS without
// allocating.
func TestDNSTreeAllocatesNothing(t *testing.T) {
	checkTreeAllocsNothing(t, vectorFrames(t, dnsVectors), "Domain Name System")
}

// TestDNSTypeNamesMatchTshark holds the names of every record type to
// tshark's, in a query's summary line, its Type line and Info (tshark's
// short names, "Unused" for 0, MAILA and MAILB as tshark swaps them), and
// in an NSEC record's bit map (the long names, "Unknown (N)" past them).
func TestDNSTypeNamesMatchTshark(t *testing.T) {
	var types []uint16
	for typ := range uint16(301) {
		types = append(types, typ)
	}
	types = append(types, 32768, 32769, 32770, 65281, 65282, 65422, 65535)
	var frames [][]byte
	for k, typ := range types {
		q := []byte{byte(k >> 8), byte(k), 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 3, 'w', 'w', 'w', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 0, byte(typ >> 8), byte(typ), 0, 1}
		frames = append(frames, appFrame(q, 40000+uint16(k), 53, false))
	}
	// An NSEC answer whose bit maps (windows 0, 1 and 128) name types
	// with long names, without, and tshark's short-named ones.
	win0 := make([]byte, 32)
	for _, typ := range []int{1, 2, 5, 46, 47, 49, 53, 56, 99, 104, 110, 250, 253, 254, 255} {
		win0[typ/8] |= 0x80 >> (typ % 8)
	}
	rdata := append([]byte{1, 'b', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 0, 0, 32}, win0...)
	rdata = append(rdata, 1, 1, 0xc0, 0x80, 1, 0x80)
	nsec := append([]byte{0x12, 0x34, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0, 3, 'w', 'w', 'w', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 0, 0, 47, 0, 1,
		0xc0, 12, 0, 47, 0, 1, 0, 0, 0, 60, 0, byte(len(rdata))}, rdata...)
	frames = append(frames, appFrame(nsec, 53, 39999, false))
	compareSubtreeWithTshark(t, frames, "Domain Name System", map[int]string{
		len(frames) - 1: "tshark's [Unsolicited: True] is not drawn",
	})
}

// TestDNSLinksMatchTshark holds what the tree says of a message's pairing
// to tshark's: a response alone and one before its query are unsolicited,
// a query and a response sent again name the first copy (with tshark's
// warning under the Transaction ID), and a response names its query.
func TestDNSLinksMatchTshark(t *testing.T) {
	msg := func(id uint16, resp bool) []byte {
		flags := []byte{1, 0}
		if resp {
			flags = []byte{0x81, 0x80}
		}
		b := []byte{byte(id >> 8), byte(id), flags[0], flags[1], 0, 1, 0, 0, 0, 0, 0, 0, 3, 'w', 'w', 'w', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 0, 0, 1, 0, 1}
		if !resp {
			return appFrame(b, 40000, 53, false)
		}
		f := appFrame(b, 53, 40000, false)
		var a [4]byte
		copy(a[:], f[26:30]) // the other way: swapping the addresses keeps the checksum
		copy(f[26:30], f[30:34])
		copy(f[30:34], a[:])
		return f
	}
	frames := [][]byte{
		msg(1, true),                // unsolicited
		msg(2, false), msg(2, true), // paired
		msg(2, true),                 // the response again
		msg(3, false), msg(3, false), // the query again
		msg(3, true),
		msg(4, true), msg(4, false), msg(4, true), // a response before its query
	}
	compareSubtreeWithTshark(t, frames, "Domain Name System", nil)
}

// TestDNSUnsolicitedAfterEviction: a response whose query the tracker's
// table forgot (another query took its slot) is not called unsolicited,
// since its query may have been seen; one whose slot never held a query
// is.
func TestDNSUnsolicitedAfterEviction(t *testing.T) {
	var a, b [16]byte
	a[10], a[11], b[10], b[11] = 0xff, 0xff, 0xff, 0xff
	copy(a[12:], []byte{192, 0, 2, 1})
	copy(b[12:], []byte{192, 0, 2, 2})
	slot := decode.DNSQuerySlot(a, b, 40000, 53, 1)
	other := uint16(0) // another ID in the same slot
	for id := uint16(2); id != 0; id++ {
		if decode.DNSQuerySlot(a, b, 40000, 53, id) == slot {
			other = id
			break
		}
	}
	fresh := uint16(0) // an ID whose slot no query takes
	for id := uint16(2); id != 0; id++ {
		if s := decode.DNSQuerySlot(a, b, 40000, 53, id); s != slot {
			fresh = id
			break
		}
	}
	if other == 0 || fresh == 0 {
		t.Fatal("no IDs for the test")
	}
	msg := func(id uint16, resp bool) []byte {
		flags := []byte{1, 0}
		if resp {
			flags = []byte{0x81, 0x80}
		}
		b := []byte{byte(id >> 8), byte(id), flags[0], flags[1], 0, 1, 0, 0, 0, 0, 0, 0, 1, 'x', 0, 0, 1, 0, 1}
		if !resp {
			return appFrame(b, 40000, 53, false)
		}
		f := appFrame(b, 53, 40000, false)
		var x [4]byte
		copy(x[:], f[26:30])
		copy(f[26:30], f[30:34])
		copy(f[30:34], x[:])
		return f
	}
	p, err := decode.NewFieldsPrinter([]string{"dns.unsolicited", "dns.response_to"})
	if err != nil {
		t.Fatal(err)
	}
	d := decode.NewDecoder()
	var out []string
	for n, fr := range [][]byte{msg(1, false), msg(other, false), msg(1, true), msg(other, true), msg(fresh, true)} {
		d.Decode(fr, linktype.Ethernet)
		out = append(out, strings.TrimSuffix(string(p.Append(nil, d, &decode.Frame{Number: n + 1, Time: time.Unix(int64(n), 0)})), "\n"))
	}
	want := []string{"\t", "\t", "\t", "\t2", "1\t"}
	if strings.Join(out, "|") != strings.Join(want, "|") {
		t.Errorf("unsolicited, response_to per frame: %q, want %q", out, want)
	}
}
