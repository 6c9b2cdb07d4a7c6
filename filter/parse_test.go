package filter

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/linktype"
)

func TestLex(t *testing.T) {
	tests := []struct {
		expr string
		want string // kind:text tokens
	}{
		{"host 10.0.0.1", "kw:host hid:10.0.0.1"},
		{"net 10.0.0/24", "kw:net hid:10.0.0 op:/ num:24"},
		{"net 10", "kw:net num:10"},
		{"ip[8] == 0100", "kw:ip op:[ num:8 op:] op:= num:0100"},
		{"ip6[0:4] & 0x0ff00000 != 0", "kw:ip6 op:[ num:0 op:: num:4 op:] op:& num:0x0ff00000 op:!= num:0"},
		{"host fe80::1 && !tcp", "kw:host hid6:fe80::1 kw:and kw:not kw:tcp"},
		{"net 2001:db8::/32", "kw:net hid6:2001:db8:: op:/ num:32"},
		{"ether host 88-1d-fc-c9-dc-03", "kw:link kw:host eid:88-1d-fc-c9-dc-03"},
		{"ether host 881d.fcc9.dc03", "kw:link kw:host eid:881d.fcc9.dc03"},
		{"ether host 88:1d:fc:c9:dc:3", "kw:link kw:host eid:88:1d:fc:c9:dc:3"},
		{"portrange 1-1023", "kw:portrange id:1-1023"},
		{"ether proto \\arp", "kw:link kw:proto id:arp"},
		{"tcp[tcpflags] & tcp-syn", "kw:tcp op:[ num:tcpflags op:] op:& num:tcp-syn"},
		{"len-14", "id:len-14"},
		{"len - 14 >= 5", "kw:len op:- num:14 op:>= num:5"},
	}
	kinds := map[tokKind]string{tNum: "num", tHID: "hid", tHID6: "hid6", tEID: "eid", tID: "id", tKW: "kw", tOp: "op"}
	for _, tt := range tests {
		toks, err := lex(tt.expr)
		if err != nil {
			t.Errorf("lex(%q): %v", tt.expr, err)
			continue
		}
		var got []string
		for _, tk := range toks[:len(toks)-1] {
			got = append(got, kinds[tk.kind]+":"+tk.text)
		}
		if diff := cmp.Diff(tt.want, strings.Join(got, " ")); diff != "" {
			t.Errorf("lex(%q) (-want +got):\n%s", tt.expr, diff)
		}
	}
}

func TestParseNum(t *testing.T) {
	tests := []struct {
		in   string
		want uint32
		err  bool
	}{
		{"10", 10, false}, {"0x1f", 31, false}, {"0100", 64, false}, {"0", 0, false},
		{"4294967295", 0xffffffff, false}, {"4294967296", 0, true}, {"09", 0, true},
	}
	for _, tt := range tests {
		got, err := parseNum(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("parseNum(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

// TestPrecedence checks libpcap's equal precedence of and/or (left to
// right) and qualifier inheritance by comparing programs' behaviour with
// explicitly parenthesised forms.
func TestPrecedence(t *testing.T) {
	tests := []struct{ a, b string }{
		{"tcp or udp and port 53", "(tcp or udp) and port 53"},
		{"not tcp and udp", "(not tcp) and udp"},
		{"host 10.0.0.1 or 10.0.0.2", "host 10.0.0.1 or host 10.0.0.2"},
		{"tcp port 22 or 179", "tcp port 22 or tcp port 179"},
		{"src host 10.0.0.1 and not 10.0.0.2", "src host 10.0.0.1 and not src host 10.0.0.2"},
		{"host 10.0.0.1 and (10.0.0.2 or 10.0.0.3)", "host 10.0.0.1 and (host 10.0.0.2 or host 10.0.0.3)"},
	}
	pkts := [][]byte{
		eth(macB, macA, 0x0800, ipv4("10.0.0.1", "10.0.0.2", 6, 0, tcp(1234, 179, 0))),
		eth(macB, macA, 0x0800, ipv4("10.0.0.3", "10.0.0.1", 17, 0, udp(53, 1000, nil))),
		eth(macB, macA, 0x0800, ipv4("10.0.0.2", "10.0.0.9", 6, 0, tcp(22, 1000, 0))),
		eth(macB, macA, 0x0800, ipv4("10.0.0.1", "10.0.0.3", 17, 0, udp(1000, 1000, nil))),
	}
	for _, tt := range tests {
		p, err := Compile(tt.a, linktype.Ethernet, Options{})
		if err != nil {
			t.Fatalf("Compile(%q): %v", tt.a, err)
		}
		q, err := Compile(tt.b, linktype.Ethernet, Options{})
		if err != nil {
			t.Fatalf("Compile(%q): %v", tt.b, err)
		}
		for i, pk := range pkts {
			if a, b := p.Match(pk, len(pk)), q.Match(pk, len(pk)); a != b {
				t.Errorf("packet %d: %q = %v but %q = %v", i, tt.a, a, tt.b, b)
			}
		}
	}
}

// fuzzPackets are run through every program FuzzParse compiles.
var fuzzPackets = [][]byte{
	nil,
	{0x45},
	eth(macB, macA, 0x0800, ipv4("10.0.0.1", "10.0.0.2", 6, 0, tcp(1234, 22, 0x02))),
	eth(macB, macA, 0x86dd, ipv6("fe80::1", "ff02::1", 0, extHdr(60, extHdr(58, []byte{135, 0, 0, 0})))),
	eth(macB, macA, 0x8100, vlanTag(100, 0x0800, ipv4("10.0.0.1", "10.0.0.2", 17, 0, udp(1, 6081, geneveHdr(7, 0x6558, 1, nil))))),
}

// FuzzParse checks that Compile never panics, that errors carry a column
// inside the expression, and that accepted programs fit the kernel.
func FuzzParse(f *testing.F) {
	for _, e := range []string{"tcp port 22", "vlan 100 and ip6 protochain 6", "ip[2:2] - ((ip[0]&0xf)<<2) > 100",
		"ether host 88:1d:fc:c9:dc:03 or net fe80::/10", "mpls 5 and mpls and ip", "pppoes 3 and udp portrange 1-ssh"} {
		f.Add(e)
	}
	if shared := sharedDirOrEmpty(); shared != "" {
		for _, e := range readExprsOrNil(filepath.Join(shared, "filters", "exprs.txt")) {
			f.Add(e)
		}
	}
	f.Fuzz(func(t *testing.T, expr string) {
		for _, lt := range []linktype.Type{linktype.Ethernet, linktype.Raw, linktype.LinuxSLL} {
			p, err := Compile(expr, lt, Options{})
			if err != nil {
				var se *SyntaxError
				var ce *Error
				switch {
				case errors.As(err, &se):
					if se.Pos < 0 || se.Pos > len(expr) {
						t.Fatalf("Compile(%q): column %d outside the expression", expr, se.Pos)
					}
				case errors.As(err, &ce):
					if ce.Pos < 0 || ce.Pos > len(expr) {
						t.Fatalf("Compile(%q): column %d outside the expression", expr, ce.Pos)
					}
				default:
					t.Fatalf("Compile(%q): error %T without a column: %v", expr, err, err)
				}
				continue
			}
			if n := len(p.Instructions()); n < 1 || n > 4096 {
				t.Fatalf("Compile(%q): %d instructions", expr, n)
			}
			for _, pkt := range fuzzPackets {
				p.Match(pkt, len(pkt))
			}
		}
	})
}
