package filter

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/bpf"

	"github.com/rawcap/rawcap/linktype"
)

// vmFuzzExprs returns seed expressions: a few of the test's own, then
// ../shared/filters/exprs.txt when present.
func vmFuzzExprs() []string {
	exprs := []string{"tcp port 443", "ip and udp", "vlan 5 and ip6", "ip[2:2] - 20 > 5 * 3", "ether[len-4:4] = 7", "not"}
	shared, err := vmFindShared()
	if err != nil {
		return exprs
	}
	f, err := os.Open(filepath.Join(shared, "filters", "exprs.txt"))
	if err != nil {
		return exprs
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" && !strings.HasPrefix(s, "#") {
			exprs = append(exprs, s)
		}
	}
	return exprs
}

// vmFuzzLinkTypes are the link types FuzzCompileRun picks from.
var vmFuzzLinkTypes = []linktype.Type{
	linktype.Ethernet, linktype.Raw, linktype.IPv4, linktype.IPv6,
	linktype.LinuxSLL, linktype.LinuxSLL2, linktype.Null, linktype.Loop,
}

// FuzzCompileRun: every program Compile returns passes NewVM, x/net/bpf's
// NewVM (through RawInstruction.Disassemble) and the kernel's limits, prints
// and parses back, and runs on any packet without panicking.
func FuzzCompileRun(f *testing.F) {
	pkt := vmHex(f, vmPktTCP443)
	for i, e := range vmFuzzExprs() {
		f.Add(e, uint8(i), pkt)
	}
	f.Fuzz(func(t *testing.T, expr string, lt uint8, pkt []byte) {
		if vmTestrunCompile == nil {
			t.Skip("filter.Compile is not available yet")
		}
		prog, err := vmTestrunCompile(expr, vmFuzzLinkTypes[int(lt)%len(vmFuzzLinkTypes)], vmCompileOpts{})
		if err != nil {
			return
		}
		vmCheckProgram(t, expr, prog)
		vm, err := NewVM(prog)
		if err != nil {
			t.Fatalf("%q: NewVM: %v\n%s", expr, err, vmDisasm(prog))
		}
		vm.Run(pkt, 0)
		ltype := vmFuzzLinkTypes[int(lt)%len(vmFuzzLinkTypes)]
		unopt, err := Compile(expr, ltype, Options{NoOptimize: true})
		if err != nil {
			t.Fatalf("%q compiles optimised but not unoptimised: %v", expr, err)
		}
		vmCheckProgram(t, expr, unopt.Instructions())
		if msg := vmOptimiserDiffers(prog, unopt.Instructions(), pkt, uint32(len(pkt))); msg != "" {
			t.Fatalf("%q on %s: %s", expr, ltype.Name(), msg)
		}
	})
}

// vmOptimiserDiffers returns why the optimised and unoptimised programs of
// one expression disagree on a packet, or "". Packets on which the
// unoptimised program runs off the end are not compared: the optimiser may
// drop a load whose value cannot matter (libpcap's does), and so accept a
// packet too short for it.
func vmOptimiserDiffers(opt, unopt []bpf.RawInstruction, pkt []byte, wirelen uint32) string {
	u, oob := vmRefRun(unopt, pkt, wirelen)
	if oob {
		return ""
	}
	o, _ := vmRefRun(opt, pkt, wirelen)
	if (o == 0) == (u == 0) {
		return ""
	}
	return fmt.Sprintf("optimised program returns %d, unoptimised %d, on packet %s (wirelen %d)\noptimised:\n%s\nunoptimised:\n%s",
		o, u, vmHexHead(pkt), wirelen, vmDisasm(opt), vmDisasm(unopt))
}

// TestOptimiserKeepsVerdicts compiles every expression of
// ../shared/filters/exprs.txt for every supported link type, optimised and
// not, and requires both programs to give the same verdict on the corpus's
// packets of that link type and on packets built to satisfy their
// comparisons (except where the unoptimised program runs off the packet).
func TestOptimiserKeepsVerdicts(t *testing.T) {
	vmSharedDir(t)
	var exprs, pairs, runs, fails int
	for _, lt := range vmFuzzLinkTypes {
		base := vmCorpusPackets(t, lt, 400)
		for _, expr := range vmFuzzExprs() {
			p, err := Compile(expr, lt, Options{})
			if err != nil {
				continue
			}
			u, err := Compile(expr, lt, Options{NoOptimize: true})
			if err != nil {
				t.Errorf("%q on %s compiles optimised but not unoptimised: %v", expr, lt.Name(), err)
				continue
			}
			exprs++
			opt, unopt := p.Instructions(), u.Instructions()
			r := vmSeed(lt.Name() + expr)
			pkts := append(slices.Clip(base), vmGuided(r, lt, base, vmProbes(opt))...)
			pkts = append(pkts, vmGuided(r, lt, base, vmProbes(unopt))...)
			pairs++
			for _, pk := range pkts {
				runs++
				if msg := vmOptimiserDiffers(opt, unopt, pk.data, pk.wirelen); msg != "" {
					fails++
					t.Errorf("%q on %s: %s", expr, lt.Name(), msg)
					break
				}
			}
		}
	}
	t.Logf("%d (expression, link type) pairs compiled both ways; %d packet runs; %d disagree", pairs, runs, fails)
}

// vmCheckProgram applies the checks every compiled program must pass
// besides NewVM's.
func vmCheckProgram(t *testing.T, expr string, prog []bpf.RawInstruction) {
	t.Helper()
	if len(prog) == 0 || len(prog) > vmMaxInsns {
		t.Fatalf("%q: %d instructions, want 1..%d", expr, len(prog), vmMaxInsns)
	}
	insns := make([]bpf.Instruction, len(prog))
	for i, raw := range prog {
		insns[i] = raw.Disassemble()
		if _, ok := insns[i].(bpf.RawInstruction); ok {
			t.Fatalf("%q: x/net/bpf does not know instruction %d %+v\n%s", expr, i, raw, vmDisasm(prog))
		}
		if raw.Op == cbJMP|cbJA && uint64(raw.K) >= uint64(len(prog)-i-1) {
			t.Fatalf("%q: ja at %d jumps out of the program", expr, i)
		}
	}
	if _, err := bpf.NewVM(insns); err != nil {
		t.Fatalf("%q: x/net/bpf NewVM: %v\n%s", expr, err, vmDisasm(prog))
	}
	got, err := parseBPFText(vmDisasm(prog))
	if err != nil {
		t.Fatalf("%q: parseBPFText(Disassemble): %v", expr, err)
	}
	if diff := cmp.Diff(vmTextOnly(prog), got); diff != "" {
		t.Fatalf("%q: parseBPFText(Disassemble(p)) != p (-want +got):\n%s", expr, diff)
	}
}

// FuzzVMRun feeds arbitrary programs (8 bytes per instruction, as struct
// sock_filter) and packets to the VM: NewVM must refuse or accept without
// panicking, Run must not panic, and where x/net/bpf implements every
// instruction of an accepted program, both VMs must return the same value.
func FuzzVMRun(f *testing.F) {
	enc := func(prog []bpf.RawInstruction) []byte {
		var b []byte
		for _, in := range prog {
			b = binary.LittleEndian.AppendUint16(b, in.Op)
			b = append(b, in.Jt, in.Jf)
			b = binary.LittleEndian.AppendUint32(b, in.K)
		}
		return b
	}
	f.Add(enc(vmTCPPort443), vmHex(f, vmPktTCP443))
	f.Add(enc(vmTCPPort443), vmHex(f, vmPktTCP6))
	f.Add(enc([]bpf.RawInstruction{vmS(cbLD|cbIMM, 7), vmS(cbST, 3), vmS(cbLDX|cbMEM, 3), vmS(cbALU|cbDIV|cbX, 0), vmS(cbRET|cbA, 0)}), []byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, code, pkt []byte) {
		prog := make([]bpf.RawInstruction, len(code)/8)
		for i := range prog {
			b := code[8*i:]
			prog[i] = bpf.RawInstruction{Op: binary.LittleEndian.Uint16(b), Jt: b[2], Jf: b[3], K: binary.LittleEndian.Uint32(b[4:])}
		}
		vm, err := NewVM(prog)
		if err != nil {
			return
		}
		got := vm.Run(pkt, uint32(len(pkt)))
		insns := make([]bpf.Instruction, len(prog))
		for i, raw := range prog {
			insns[i] = raw.Disassemble()
			switch insns[i].(type) {
			case bpf.RawInstruction, bpf.NegateA:
				return // x/net/bpf's VM lacks it
			}
			if raw.Op == cbLDX|cbW|cbLEN {
				return // x/net/bpf loads it into A
			}
		}
		xvm, err := bpf.NewVM(insns)
		if err != nil {
			t.Fatalf("x/net/bpf refuses a program NewVM accepts: %v\n%s", err, vmDisasm(prog))
		}
		want, err := xvm.Run(pkt)
		if err != nil {
			t.Fatalf("x/net/bpf: %v", err)
		}
		if got != uint32(want) {
			t.Fatalf("Run = %#x, x/net/bpf = %#x\n%s", got, uint32(want), vmDisasm(prog))
		}
	})
}
