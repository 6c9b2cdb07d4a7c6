package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rawcap/rawcap/filter"
	"github.com/rawcap/rawcap/linktype"
)

// filterWant is what `rawcap filter` must print: the compiled program in
// Disassemble's style.
func filterWant(t *testing.T, expr string, lt linktype.Type, opt filter.Options, style int) string {
	t.Helper()
	p, err := filter.Compile(expr, lt, opt)
	if err != nil {
		t.Fatalf("Compile(%q): %v", expr, err)
	}
	var b strings.Builder
	if err := filter.Disassemble(&b, p.Instructions(), style); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestFilterCommandPrints(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		expr  string
		lt    linktype.Type
		opt   filter.Options
		style int
	}{
		{"default is -d", []string{"tcp", "port", "443"}, "tcp port 443", linktype.Ethernet, filter.Options{}, filter.StyleText},
		{"-d", []string{"-d", "udp"}, "udp", linktype.Ethernet, filter.Options{}, filter.StyleText},
		{"-dd", []string{"-dd", "ip6 and tcp"}, "ip6 and tcp", linktype.Ethernet, filter.Options{}, filter.StyleC},
		{"-ddd", []string{"-ddd", "arp"}, "arp", linktype.Ethernet, filter.Options{}, filter.StyleDecim},
		{"-y LINUX_SLL2", []string{"-y", "LINUX_SLL2", "ip"}, "ip", linktype.LinuxSLL2, filter.Options{}, filter.StyleText},
		{"-y lower case with DLT_", []string{"-y", "dlt_raw", "ip6"}, "ip6", linktype.Raw, filter.Options{}, filter.StyleText},
		{"-O", []string{"-O", "tcp port 80"}, "tcp port 80", linktype.Ethernet, filter.Options{NoOptimize: true}, filter.StyleText},
		{"--live", []string{"--live", "vlan 10"}, "vlan 10", linktype.Ethernet, filter.Options{Live: true}, filter.StyleText},
		{"-s", []string{"-s", "96", "ip"}, "ip", linktype.Ethernet, filter.Options{SnapLen: 96}, filter.StyleText},
		{"empty expression accepts all", nil, "", linktype.Ethernet, filter.Options{}, filter.StyleText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := rawcapRun(t, "", append([]string{"filter"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			if diff := cmp.Diff(filterWant(t, tt.expr, tt.lt, tt.opt, tt.style), out); diff != "" {
				t.Errorf("output mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFilterCommandFormats checks the three styles' shapes as tcpdump
// prints them, independently of the program.
func TestFilterCommandFormats(t *testing.T) {
	_, d, _ := rawcapRun(t, "", "filter", "-d", "tcp port 443")
	_, dd, _ := rawcapRun(t, "", "filter", "-dd", "tcp port 443")
	_, ddd, _ := rawcapRun(t, "", "filter", "-ddd", "tcp port 443")
	dl := strings.Split(strings.TrimSuffix(d, "\n"), "\n")
	ddl := strings.Split(strings.TrimSuffix(dd, "\n"), "\n")
	dddl := strings.Split(strings.TrimSuffix(ddd, "\n"), "\n")
	if len(dl) < 2 || !strings.HasPrefix(dl[0], "(000) ") || !strings.HasPrefix(dl[len(dl)-1], fmt.Sprintf("(%03d) ret ", len(dl)-1)) {
		t.Errorf("-d output %q does not look like tcpdump -d", d)
	}
	if len(ddl) != len(dl) || !strings.HasPrefix(ddl[0], "{ 0x") || !strings.HasSuffix(ddl[0], " },") {
		t.Errorf("-dd output %q does not look like tcpdump -dd", dd)
	}
	if len(dddl) != len(dl)+1 || dddl[0] != strconv.Itoa(len(dl)) {
		t.Errorf("-ddd output %q does not look like tcpdump -ddd", ddd)
	}
}

func TestFilterCommandFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "f.txt")
	if err := os.WriteFile(name, []byte("# web traffic\ntcp port 443 # TLS\n  or tcp port 80\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := rawcapRun(t, "", "filter", "-F", name)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if diff := cmp.Diff(filterWant(t, "tcp port 443 or tcp port 80", linktype.Ethernet, filter.Options{}, filter.StyleText), out); diff != "" {
		t.Errorf("-F output mismatch (-want +got):\n%s", diff)
	}
	if code, _, errs := rawcapRun(t, "", "filter", "-F", filepath.Join(t.TempDir(), "missing")); code != 1 || !strings.Contains(errs, "missing") {
		t.Errorf("-F of a missing file: exit %d, stderr %q; want 1 naming the file", code, errs)
	}
}

func TestFilterCommandErrors(t *testing.T) {
	t.Run("syntax error points at the column", func(t *testing.T) {
		expr := "tcp port 80 and and udp"
		code, out, errs := rawcapRun(t, "", "filter", expr)
		if code != 2 || out != "" {
			t.Fatalf("exit %d, stdout %q; want 2 and nothing", code, out)
		}
		_, err := filter.Compile(expr, linktype.Ethernet, filter.Options{})
		se, ok := err.(*filter.SyntaxError)
		if !ok {
			t.Fatalf("Compile(%q) error %v is not a *filter.SyntaxError", expr, err)
		}
		lines := strings.Split(strings.TrimSuffix(errs, "\n"), "\n")
		wantFirst := "rawcap: filter: syntax error at column " + strconv.Itoa(se.Pos+1)
		if len(lines) != 3 || !strings.HasPrefix(lines[0], wantFirst) || lines[1] != "  "+expr || lines[2] != strings.Repeat(" ", 2+se.Pos)+"^" {
			t.Errorf("stderr:\n%s\nwant %q…, the expression, and a caret under column %d", errs, wantFirst, se.Pos+1)
		}
	})
	t.Run("unknown link type is a usage error", func(t *testing.T) {
		if code, _, errs := rawcapRun(t, "", "filter", "-y", "NO_SUCH_DLT", "ip"); code != 2 || !strings.Contains(errs, "NO_SUCH_DLT") {
			t.Errorf("exit %d, stderr %q; want 2 naming the link type", code, errs)
		}
	})
	t.Run("a semantic error exits 1", func(t *testing.T) {
		// libpcap: "illegal port number 70000 > 65535".
		if code, out, errs := rawcapRun(t, "", "filter", "port", "70000"); code != 1 || out != "" || !strings.HasPrefix(errs, "rawcap: filter: ") {
			t.Errorf("exit %d, stdout %q, stderr %q; want 1 and a \"rawcap: filter: \" message", code, out, errs)
		}
	})
}
