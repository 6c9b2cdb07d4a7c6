package filter

import (
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/bpf"

	"github.com/rawcap/rawcap/linktype"
)

// The goldens below were printed by tcpdump 4.99.3 (libpcap 1.10.3) and
// checked by hand against bpf_image's formats.
func TestDisassembleGolden(t *testing.T) {
	tests := []struct {
		name  string
		prog  []bpf.RawInstruction
		style int
		want  string
	}{
		{"tcp port 443 -d", vmTCPPort443[:6], StyleText, "" +
			"(000) ldh      [12]\n" +
			"(001) jeq      #0x86dd          jt 2\tjf 8\n" +
			"(002) ldb      [20]\n" +
			"(003) jeq      #0x6             jt 4\tjf 19\n" +
			"(004) ldh      [54]\n" +
			"(005) jeq      #0x1bb           jt 18\tjf 6\n"},
		{"tcp port 443 -dd", vmTCPPort443[12:14], StyleC, "" +
			"{ 0x45, 6, 0, 0x00001fff },\n" +
			"{ 0xb1, 0, 0, 0x0000000e },\n"},
		{"tcp port 443 -ddd", vmTCPPort443[:2], StyleDecim, "2\n40 0 0 12\n21 0 6 34525\n"},
		{"every other form -d", []bpf.RawInstruction{
			vmS(cbALU|cbNEG, 0),                   // "neg" then padding, as C's %-8s prints it
			vmS(cbLDX|cbB|cbMSH, 14),              // ldxb 4*([14]&0xf)
			vmS(cbLD|cbH|cbIND, 14),               // ldh [x + 14]
			vmS(cbLD|cbW|cbLEN, 0),                // ld #pktlen
			vmS(cbALU|cbMOD|cbK, 3),               // decimal
			vmS(cbALU|cbXOR|cbK, 5),               // hex
			vmS(cbJMP|cbJA, 2),                    // absolute target
			vmS(cbST, 3),                          // st M[3]
			vmS(cbLD|cbH|cbABS, vmSKFADOff+4),     // ldh [type]
			vmS(cbRET|cbK, 0xffffffff),            // C's %d of an unsigned
			vmJ(cbJMP|cbJGT|cbX, 0, 0, 1),         // jgt x
			vmS(cbRET|cbA, 0),                     // ret, padded
			vmS(0xff, 0),                          // unimp
			vmS(cbLD|cbB|cbABS, vmSKFADOff+0x100), // unnamed extension: signed decimal
		}, StyleText, "" +
			"(000) neg      \n" +
			"(001) ldxb     4*([14]&0xf)\n" +
			"(002) ldh      [x + 14]\n" +
			"(003) ld       #pktlen\n" +
			"(004) mod      #3\n" +
			"(005) xor      #0x5\n" +
			"(006) ja       9\n" +
			"(007) st       M[3]\n" +
			"(008) ldh      [type]\n" +
			"(009) ret      #-1\n" +
			"(010) jgt      x                jt 11\tjf 12\n" +
			"(011) ret      \n" +
			"(012) unimp    0xff\n" +
			"(013) ldb      [-3840]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := Disassemble(&b, tt.prog, tt.style); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, b.String()); diff != "" {
				t.Errorf("Disassemble mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDisassembleBadStyle(t *testing.T) {
	if err := Disassemble(&strings.Builder{}, vmTCPPort443, 4); err == nil {
		t.Error("Disassemble with style 4 succeeded, want an error")
	}
}

// vmEmptyPcap writes a pcap file with no packets and link type lt, so that
// tcpdump -r can compile filters for any link type.
func vmEmptyPcap(t *testing.T, lt linktype.Type) string {
	t.Helper()
	h := make([]byte, 24)
	binary.LittleEndian.PutUint32(h[0:], 0xa1b2c3d4)
	binary.LittleEndian.PutUint16(h[4:], 2)
	binary.LittleEndian.PutUint16(h[6:], 4)
	binary.LittleEndian.PutUint32(h[16:], 262144)
	binary.LittleEndian.PutUint32(h[20:], uint32(lt))
	name := filepath.Join(t.TempDir(), lt.Name()+".pcap")
	if err := os.WriteFile(name, h, 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// vmTcpdump runs `tcpdump flags -r pcap expr` and returns its standard
// output; it skips the test when tcpdump is not installed.
func vmTcpdump(t *testing.T, pcap string, expr string, flags ...string) (string, error) {
	t.Helper()
	path, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump not installed: cannot compare with it")
	}
	var out, errb bytes.Buffer
	cmd := exec.Command(path, append(flags, "-r", pcap, expr)...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return "", &exec.ExitError{ProcessState: cmd.ProcessState, Stderr: errb.Bytes()}
	}
	return out.String(), nil
}

// vmParseDD parses `tcpdump -dd` output.
func vmParseDD(t *testing.T, s string) []bpf.RawInstruction {
	t.Helper()
	var prog []bpf.RawInstruction
	for line := range strings.Lines(s) {
		f := strings.FieldsFunc(line, func(r rune) bool { return r == '{' || r == '}' || r == ',' || r == ' ' || r == '\n' })
		if len(f) != 4 {
			t.Fatalf("bad -dd line %q", line)
		}
		var v [4]uint64
		for i, s := range f {
			n, err := strconv.ParseUint(s, 0, 32)
			if err != nil {
				t.Fatalf("bad -dd line %q: %v", line, err)
			}
			v[i] = n
		}
		prog = append(prog, bpf.RawInstruction{Op: uint16(v[0]), Jt: uint8(v[1]), Jf: uint8(v[2]), K: uint32(v[3])})
	}
	return prog
}

// vmTcpdumpCases are expressions whose programs between them use every
// instruction form tcpdump prints, for several link types, optimised and not.
var vmTcpdumpCases = []struct {
	lt   linktype.Type
	expr string
}{
	{linktype.Ethernet, "tcp port 443"},
	{linktype.Ethernet, "vlan 5 and udp"},
	{linktype.Ethernet, "ip[2:2] - 20 > 5 * 3 or ip[0]&0xf0 = 64 or ip[6] % 3 = 1 or ip[1] ^ 5 = 2 or ip[2] << 1 = 4 or -ip[3] = 5"},
	{linktype.Ethernet, "ether[len - 4:4] = 7 or ip[2:2] / 2 > 3 or ip[3] >> 2 = 1 or ip[4] | 1 = 3"},
	{linktype.Ethernet, "tcp[tcpflags] & tcp-syn != 0 or ip6 and tcp"},
	{linktype.Ethernet, "net 10.0.0.0/8 and not ether host 01:02:03:04:05:06"},
	{linktype.Ethernet, "greater 100 and less 1000"},
	{linktype.Ethernet, "ip[ip[0] & 0xf] = 3 and ip[0] & 0xf > ip[1]"},
	{linktype.Ethernet, "arp or rarp or ip multicast or ip6 multicast"},
	{linktype.LinuxSLL, "ip host 10.0.0.1 and inbound"},
	{linktype.LinuxSLL2, "outbound and icmp6"},
	{linktype.Raw, "ip6 and udp port 53"},
	{linktype.Null, "ip and tcp[13] = 2"},
	{linktype.Loop, "ip6 or portrange 1000-2000"},
}

// TestDisassembleMatchesTcpdump compiles expressions with tcpdump -dd and
// checks that Disassemble prints the program exactly as tcpdump's -d, -dd
// and -ddd do, and that parseBPFText reads -d's text back.
func TestDisassembleMatchesTcpdump(t *testing.T) {
	for _, tc := range vmTcpdumpCases {
		for _, opt := range [][]string{nil, {"-O"}} {
			name := tc.lt.Name() + " " + tc.expr + " " + strings.Join(opt, "")
			t.Run(name, func(t *testing.T) {
				pcap := vmEmptyPcap(t, tc.lt)
				dd, err := vmTcpdump(t, pcap, tc.expr, append(opt, "-dd")...)
				if err != nil {
					t.Fatalf("tcpdump -dd: %v: %s", err, err.(*exec.ExitError).Stderr)
				}
				prog := vmParseDD(t, dd)
				for style, flag := range map[int]string{StyleText: "-d", StyleC: "-dd", StyleDecim: "-ddd"} {
					want, err := vmTcpdump(t, pcap, tc.expr, append(opt, flag)...)
					if err != nil {
						t.Fatalf("tcpdump %s: %v", flag, err)
					}
					var b strings.Builder
					if err := Disassemble(&b, prog, style); err != nil {
						t.Fatal(err)
					}
					if diff := cmp.Diff(want, b.String()); diff != "" {
						t.Errorf("Disassemble style %d differs from tcpdump %s (-want +got):\n%s", style, flag, diff)
					}
					if style == StyleText {
						got, err := parseBPFText(want)
						if err != nil {
							t.Fatalf("parseBPFText: %v", err)
						}
						if diff := cmp.Diff(vmTextOnly(prog), got); diff != "" {
							t.Errorf("parseBPFText(tcpdump -d) differs from tcpdump -dd (-want +got):\n%s", diff)
						}
					}
				}
			})
		}
	}
}

// vmTextOnly returns prog without what `tcpdump -d` does not print: the k
// of instructions without an operand (libpcap leaves stale values there)
// and the jt/jf of instructions other than conditional jumps.
func vmTextOnly(prog []bpf.RawInstruction) []bpf.RawInstruction {
	out := make([]bpf.RawInstruction, len(prog))
	for i, in := range prog {
		switch in.Op {
		case cbRET | cbA, cbALU | cbNEG, cbMISC | cbTAX, cbMISC | cbTXA, cbLD | cbW | cbLEN, cbLDX | cbW | cbLEN:
			in.K = 0
		}
		if in.Op&7 == cbALU && in.Op&cbX != 0 {
			in.K = 0
		}
		if in.Op&7 == cbJMP && in.Op&0xf0 != cbJA && in.Op&cbX != 0 {
			in.K = 0
		}
		if in.Op&7 != cbJMP || in.Op&0xf0 == cbJA {
			in.Jt, in.Jf = 0, 0
		}
		out[i] = in
	}
	return out
}

// TestDisassembleMatchesTcpdumpLive checks the names of the kernel's
// ancillary loads ("ldb [vlanp]"), which tcpdump prints only for programs
// compiled for a live Linux interface. tcpdump -d opens lo but captures
// nothing.
func TestDisassembleMatchesTcpdumpLive(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("tcpdump -i lo -d needs root")
	}
	for _, expr := range []string{"vlan 10 or inbound", "vlan and ip", "outbound and ifindex 1"} {
		t.Run(expr, func(t *testing.T) {
			dd, err := vmTcpdumpLive(t, expr, "-dd")
			if err != nil {
				t.Skipf("tcpdump -i lo -dd %q: %v", expr, err)
			}
			prog := vmParseDD(t, dd)
			want, err := vmTcpdumpLive(t, expr, "-d")
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			if err := Disassemble(&b, prog, StyleText); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, b.String()); diff != "" {
				t.Errorf("Disassemble differs from tcpdump -d (-want +got):\n%s", diff)
			}
			got, err := parseBPFText(want)
			if err != nil {
				t.Fatalf("parseBPFText: %v", err)
			}
			if diff := cmp.Diff(vmTextOnly(prog), got); diff != "" {
				t.Errorf("parseBPFText(tcpdump -d) differs from tcpdump -dd (-want +got):\n%s", diff)
			}
		})
	}
}

func vmTcpdumpLive(t *testing.T, expr, flag string) (string, error) {
	t.Helper()
	path, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump not installed: cannot compare with it")
	}
	out, err := exec.Command(path, flag, "-i", "lo", expr).Output()
	return string(out), err
}
