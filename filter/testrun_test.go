package filter

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/bpf"

	"github.com/rawcap/rawcap/linktype"
)

// The harness over libpcap's own filter tests (testprogs/TESTrun's data,
// exported to ../shared/filters/libpcap-testrun.json). libpcap's expected
// programs are compared with rawcap's by behaviour, never by bytes: both run
// in this package's VM over the corpus's packets of the link type plus
// packets built to satisfy the programs' comparisons.

// vmTestrunCompile is Compile as the harness (and the fuzz and kernel
// tests) call it; vmTestrunUnsupported says whether an error is the "link
// type not supported" error.
var (
	vmTestrunCompile = func(expr string, lt linktype.Type, o vmCompileOpts) ([]bpf.RawInstruction, error) {
		p, err := Compile(expr, lt, Options{SnapLen: o.snaplen, Netmask: o.netmask, Live: o.live})
		if err != nil {
			return nil, err
		}
		return p.Instructions(), nil
	}
	vmTestrunUnsupported = func(err error) bool { return errors.Is(err, ErrUnsupportedLinkType) }
)

type vmCompileOpts struct {
	snaplen uint32
	netmask netip.Addr
	live    bool
}

// vmTestrunAllow lists libpcap test cases rawcap is known to fail, by
// section and name ("accept/NAME", "apply/NAME", "reject/NAME"), with the
// reason; their differences are logged, not failed. Each
// "compiler gap" entry is work for the compiler: remove it when the case
// passes (the test logs allow-listed cases that pass).
var vmTestrunAllow = map[string]string{
	"reject/proto_256":           "compiler gap (H5): protocol numbers above 255 are not refused",
	"reject/ip_proto_256":        "compiler gap (H5): protocol numbers above 255 are not refused",
	"reject/ip6_proto_256":       "compiler gap (H5): protocol numbers above 255 are not refused",
	"reject/protochain_256":      "compiler gap (H5): protocol numbers above 255 are not refused",
	"reject/ip_protochain_256":   "compiler gap (H5): protocol numbers above 255 are not refused",
	"reject/ip6_protochain_256":  "compiler gap (H5): protocol numbers above 255 are not refused",
	"reject/proto_1_2_3_4":       "compiler gap (H5): an IPv4 address after 'proto' is not refused",
	"reject/protochain_disabled": "libpcap's suite expects a libpcap built without protochain; rawcap, like Debian's tcpdump, supports it",
}

// vmLibpcapRefused lists libpcap test programs that NewVM refuses, as
// the kernel would, with the reason.
var vmLibpcapRefused = map[string]string{
	"geneve_and_tcp_index_IEEE802_11_RADIO": "libpcap's program reads M[1] before any store",
	"vxlan_and_tcp_index_IEEE802_11_RADIO":  "libpcap's program reads M[1] before any store",
	"ip_protochain":                         "protochain loops with a backward jump, which the kernel refuses; libpcap runs it only in user space",
	"ip6_protochain":                        "protochain loops with a backward jump, which the kernel refuses; libpcap runs it only in user space",
	"protochain":                            "protochain loops with a backward jump, which the kernel refuses; libpcap runs it only in user space",
}

// vmOptDiffers lists cases whose libpcap programs (optimised and not)
// legitimately differ on some packets, with the reason.
var vmOptDiffers = map[string]string{
	"ldh_jset_0x00000000": "the optimiser folds `x & 0 == 0` to true and drops the load that rejects packets shorter than it",
	"ld_jset_0x00000000":  "the optimiser folds `x & 0 == 0` to true and drops the load that rejects packets shorter than it",
}

// vmSupportedDLT are the link types rawcap compiles filters for.
var vmSupportedDLT = map[string]linktype.Type{
	"EN10MB": linktype.Ethernet, "RAW": linktype.Raw, "IPV4": linktype.IPv4, "IPV6": linktype.IPv6,
	"LINUX_SLL": linktype.LinuxSLL, "LINUX_SLL2": linktype.LinuxSLL2, "NULL": linktype.Null, "LOOP": linktype.Loop,
}

type vmAcceptCase struct {
	DLT      string   `json:"DLT"`
	Aliases  []string `json:"aliases"`
	Name     string   `json:"name"`
	Opt      *string  `json:"opt"`
	Unopt    *string  `json:"unopt"`
	OptUnopt *string  `json:"optunopt"`
	Snaplen  uint32   `json:"snaplen"`
	Netmask  string   `json:"netmask"`
	LinuxExt int      `json:"linuxext"`
	// Skip is present (always empty here) where libpcap's suite skips the
	// case on some systems: AF_ values that differ between operating
	// systems, names from libpcap's own hosts and ethers files.
	Skip *string `json:"skip"`
}

type vmApplyCase struct {
	Expr     string   `json:"expr"`
	Name     string   `json:"name"`
	Results  []uint32 `json:"results"`
	Savefile string   `json:"savefile"`
	Netmask  string   `json:"netmask"`
	Skip     *string  `json:"skip"`
}

type vmRejectCase struct {
	DLT    string `json:"DLT"`
	Errstr string `json:"errstr"`
	Expr   string `json:"expr"`
	Name   string `json:"name"`
}

type vmTestrunData struct {
	Accept []vmAcceptCase `json:"filter_accept_blocks"`
	Apply  []vmApplyCase  `json:"filter_apply_blocks"`
	Reject []vmRejectCase `json:"filter_reject_tests"`
}

func vmLoadTestrun(t *testing.T) *vmTestrunData {
	t.Helper()
	name := filepath.Join(vmSharedDir(t), "filters", "libpcap-testrun.json")
	b, err := os.ReadFile(name)
	if err != nil {
		t.Skipf("libpcap's test data is absent: %v", err)
	}
	var d vmTestrunData
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &d
}

// vmLoadTestrunOptional returns libpcap's test data, or nil when ../shared
// is absent.
func vmLoadTestrunOptional(t *testing.T) *vmTestrunData {
	t.Helper()
	shared, err := vmFindShared()
	if err != nil {
		return nil
	}
	if _, err := os.Stat(filepath.Join(shared, "filters", "libpcap-testrun.json")); err != nil {
		return nil
	}
	return vmLoadTestrun(t)
}

// programs returns the case's optimised and unoptimised program texts
// ("" when absent).
func (c *vmAcceptCase) programs() (opt, unopt string) {
	if c.OptUnopt != nil {
		return *c.OptUnopt, *c.OptUnopt
	}
	if c.Opt != nil {
		opt = *c.Opt
	}
	if c.Unopt != nil {
		unopt = *c.Unopt
	}
	return opt, unopt
}

func (c *vmAcceptCase) snaplen() uint32 {
	if c.Snaplen != 0 {
		return c.Snaplen
	}
	return 262144
}

// vmExpected returns libpcap's expected program for c: opt, or unopt when
// opt is absent. ok is false when the case has no program.
func vmExpected(t *testing.T, c *vmAcceptCase) (prog []bpf.RawInstruction, text string, ok bool) {
	t.Helper()
	opt, unopt := c.programs()
	text = opt
	if strings.TrimSpace(text) == "" {
		text = unopt
	}
	if strings.TrimSpace(text) == "" {
		return nil, "", false
	}
	prog, err := parseBPFText(text)
	if err != nil {
		t.Fatalf("%s: parsing libpcap's program: %v", c.Name, err)
	}
	return prog, text, true
}

// vmSeed derives a deterministic random source from a case name.
func vmSeed(name string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(name))
	return rand.New(rand.NewPCG(h.Sum64(), 7))
}

// vmProbe is a comparison a program makes: the bytes at off (from the
// packet start, or from X = 4*(pkt[msh]&0xf) when msh >= 0) equal val.
type vmProbe struct {
	off, size int
	msh       int
	val       uint32
}

// vmProbes collects the constant comparisons that follow packet loads in
// prog, so that vmGuided can build packets that take the branches.
func vmProbes(prog []bpf.RawInstruction) []vmProbe {
	var out []vmProbe
	cur, msh := -1, -1 // index of the last load into A; MSH offset behind X
	for i, in := range prog {
		switch in.Op {
		case cbLDX | cbB | cbMSH:
			msh = int(in.K)
			continue
		case cbLD | cbW | cbABS, cbLD | cbH | cbABS, cbLD | cbB | cbABS,
			cbLD | cbW | cbIND, cbLD | cbH | cbIND, cbLD | cbB | cbIND:
			cur = i
			continue
		case cbALU | cbAND | cbK:
			continue
		case cbJMP | cbJEQ | cbK, cbJMP | cbJSET | cbK, cbJMP | cbJGT | cbK, cbJMP | cbJGE | cbK:
			if cur < 0 || in.K >= vmSKFLLOff {
				continue
			}
			ld := prog[cur]
			p := vmProbe{off: int(ld.K), size: map[uint16]int{cbW: 4, cbH: 2, cbB: 1}[ld.Op&0x18], msh: -1, val: in.K}
			if ld.Op&0xe0 == cbIND {
				if msh < 0 {
					continue
				}
				p.msh = msh
			}
			if in.Op&0xf0 == cbJGT {
				p.val++
			}
			if ld.K < 1<<16 {
				out = append(out, p)
			}
			continue
		}
		cur = -1
	}
	return out
}

// vmGuided returns variants of base packets (and of zeroed packets) in which
// random subsets of the probes' comparisons hold.
func vmGuided(r *rand.Rand, lt linktype.Type, base []vmPacket, probes []vmProbe) []vmPacket {
	if len(probes) == 0 {
		return nil
	}
	bases := []vmPacket{{data: make([]byte, 64), lt: lt}, {data: make([]byte, 300), lt: lt}}
	for i := 0; i < 12 && len(base) > 0; i++ {
		bases = append(bases, base[r.IntN(len(base))])
	}
	var out []vmPacket
	for _, b := range bases {
		for range 6 {
			d := slices.Clone(b.data)
			if len(d) < 64 {
				d = append(d, make([]byte, 64-len(d))...)
			}
			for _, j := range r.Perm(len(probes)) {
				p := probes[j]
				if r.IntN(3) == 0 {
					continue
				}
				off := p.off
				if p.msh >= 0 {
					if p.msh >= len(d) {
						continue
					}
					if r.IntN(4) == 0 {
						d[p.msh] = d[p.msh]&0xf0 | 5 // the usual IPv4 header length
					}
					off += int(d[p.msh]&0xf) << 2
				}
				if off+p.size > len(d) {
					continue
				}
				for k := range p.size {
					d[off+k] = byte(p.val >> (8 * (p.size - 1 - k)))
				}
			}
			out = append(out, vmPacket{data: d, wirelen: uint32(len(d)), lt: lt})
		}
	}
	return out
}

// vmCompare runs want and got over pkts and returns the index of the first
// packet on which their verdicts (accept or not) differ, or -1.
func vmCompare(want, got *VM, pkts []vmPacket) (int, uint32, uint32) {
	for i, p := range pkts {
		w, g := want.Run(p.data, p.wirelen), got.Run(p.data, p.wirelen)
		if (w == 0) != (g == 0) {
			return i, w, g
		}
	}
	return -1, 0, 0
}

func vmDisasm(prog []bpf.RawInstruction) string {
	var b strings.Builder
	Disassemble(&b, prog, StyleText)
	return b.String()
}

func vmHexHead(b []byte) string {
	if len(b) > 96 {
		return hex.EncodeToString(b[:96]) + "…"
	}
	return hex.EncodeToString(b)
}

// TestLibpcapProgramsRoundTrip needs no compiler: every program in
// libpcap's test data parses, prints back as libpcap printed it, passes
// NewVM (programs with Linux extensions must be refused offline), and a
// case's optimised and unoptimised programs agree on every packet.
func TestLibpcapProgramsRoundTrip(t *testing.T) {
	d := vmLoadTestrun(t)
	var programs, agreeCases, extCases, packets, xnetPrograms, xnetRuns int
	for i := range d.Accept {
		c := &d.Accept[i]
		opt, unopt := c.programs()
		var vms []*VM
		var progs [][]bpf.RawInstruction
		for _, text := range []string{opt, unopt} {
			if strings.TrimSpace(text) == "" {
				continue
			}
			prog, err := parseBPFText(text)
			if err != nil {
				t.Errorf("%s: %v", c.Name, err)
				continue
			}
			programs++
			var want []string
			for line := range strings.Lines(text) {
				if s := strings.TrimSpace(line); s != "" {
					want = append(want, s)
				}
			}
			var got []string
			for line := range strings.Lines(vmDisasm(prog)) {
				got = append(got, strings.TrimSpace(line))
			}
			if !slices.Equal(want, got) {
				t.Errorf("%s: Disassemble(parseBPFText(p)) != p:\nwant\n%s\ngot\n%s", c.Name, strings.Join(want, "\n"), strings.Join(got, "\n"))
			}
			vm, err := NewVM(prog)
			switch {
			case err == nil:
			case errors.Is(err, ErrExtension) && c.LinuxExt != 0:
				continue
			case vmLibpcapRefused[c.Name] != "":
				t.Logf("%s: refused as expected (%s): %v", c.Name, vmLibpcapRefused[c.Name], err)
				continue
			default:
				t.Errorf("%s: NewVM refuses libpcap's program: %v\n%s", c.Name, err, text)
				continue
			}
			vms, progs = append(vms, vm), append(progs, prog)
		}
		if c.LinuxExt != 0 {
			extCases++
		}
		if len(vms) != 2 {
			continue
		}
		var pkts []vmPacket
		lt, known := linktype.Parse(c.DLT)
		if known {
			pkts = vmCorpusPackets(t, lt, 500)
		}
		r := vmSeed(c.Name)
		pkts = append(pkts, vmGuided(r, lt, pkts, vmProbes(progs[0]))...)
		pkts = append(pkts, vmGuided(r, lt, pkts, vmProbes(progs[1]))...)
		packets += len(pkts)
		for k, prog := range progs {
			if n, ok := vmAgreeXNet(t, c.Name, prog, vms[k], pkts); ok {
				xnetPrograms++
				xnetRuns += n
			}
		}
		if j, w, g := vmCompare(vms[1], vms[0], pkts); j >= 0 {
			if why := vmOptDiffers[c.Name]; why != "" {
				t.Logf("%s: opt and unopt differ on packet %d as expected (%s)", c.Name, j, why)
				continue
			}
			t.Errorf("%s (%s %q): libpcap's optimised and unoptimised programs disagree on packet %d (%s): unopt %d, opt %d\nopt:\n%s\nunopt:\n%s",
				c.Name, c.DLT, c.Aliases, j, vmHexHead(pkts[j].data), w, g, opt, unopt)
			continue
		}
		agreeCases++
	}
	t.Logf("corpus: %d capture files; packets per link type: %v", vmCorpus.files, vmCorpusSizes())
	t.Logf("%d libpcap programs round-trip; %d cases' opt and unopt programs agree over %d packets; %d cases use Linux extensions (refused offline); %d programs agree with x/net/bpf's VM over %d runs",
		programs, agreeCases, packets, extCases, xnetPrograms, xnetRuns)
}

// vmAgreeXNet runs prog in x/net/bpf's VM and in vm over pkts (with the
// captured length as wire length, since x/net/bpf knows no other) and
// fails the test on a different return value. ok is false when x/net/bpf
// cannot run prog (NEG, LDX LEN).
func vmAgreeXNet(t *testing.T, name string, prog []bpf.RawInstruction, vm *VM, pkts []vmPacket) (runs int, ok bool) {
	t.Helper()
	insns := make([]bpf.Instruction, len(prog))
	for i, raw := range prog {
		insns[i] = raw.Disassemble()
		switch insns[i].(type) {
		case bpf.RawInstruction, bpf.NegateA:
			return 0, false
		}
		if raw.Op == cbLDX|cbW|cbLEN {
			return 0, false
		}
	}
	xvm, err := bpf.NewVM(insns)
	if err != nil {
		t.Errorf("%s: x/net/bpf refuses a program NewVM accepts: %v", name, err)
		return 0, false
	}
	for j, p := range pkts {
		want, err := xvm.Run(p.data)
		if err != nil {
			t.Errorf("%s: x/net/bpf: %v", name, err)
			return runs, false
		}
		if got := vm.Run(p.data, uint32(len(p.data))); got != uint32(want) {
			t.Errorf("%s: packet %d (%s): Run = %d, x/net/bpf = %d\n%s", name, j, vmHexHead(p.data), got, want, vmDisasm(prog))
			return runs, false
		}
		runs++
	}
	return runs, true
}

// vmNeedCompiler skips until filter.Compile is wired into the harness.
func vmNeedCompiler(t *testing.T) {
	t.Helper()
	if vmTestrunCompile == nil {
		t.Skip("filter.Compile is not available yet (testrun_compile_test.go wires it in)")
	}
}

// TestLibpcapAccept compiles each alias of libpcap's accept cases and
// requires rawcap's program to give libpcap's program's verdict (and return
// value) on every packet. Where libpcap's optimiser finds that an
// expression rejects everything (opt is null), Compile must fail with
// ErrRejectsAll and the unoptimised programs are compared. For link types
// rawcap does not support, Compile must fail saying so; should it succeed
// there, the programs are compared. Cases that libpcap's suite skips on
// some systems only log their differences.
func TestLibpcapAccept(t *testing.T) {
	vmNeedCompiler(t)
	d := vmLoadTestrun(t)
	var pass, fail, allowed, unsupported, unknownName, noProgram, linuxExt, extra, exprs, packets, envPass, envDiffer int
	var bothWays, compared int // expressions whose packets libpcap's program both accepts and rejects
	for i := range d.Accept {
		c := &d.Accept[i]
		lt, supported := vmSupportedDLT[c.DLT]
		if !supported {
			var known bool
			if lt, known = linktype.Parse(c.DLT); !known {
				unknownName++
				continue
			}
		}
		if c.LinuxExt != 0 {
			linuxExt++ // their programs load kernel metadata; the kernel test covers Live
			continue
		}
		want, text, ok := vmExpected(t, c)
		if !ok {
			noProgram++
			continue
		}
		wantVM, err := NewVM(want)
		if err != nil {
			if vmLibpcapRefused[c.Name] != "" {
				continue
			}
			t.Fatalf("%s: %v", c.Name, err)
		}
		key := "accept/" + c.Name
		rejectsAll := c.OptUnopt == nil && c.Opt == nil
		env := c.Skip != nil
		caseOK, caseUnsupported := true, false
		report := func(format string, args ...any) {
			caseOK = false
			if env {
				t.Logf("%s (environment-dependent in libpcap's suite): %s", c.Name, fmt.Sprintf(format, args...))
				return
			}
			vmReport(t, key, format, args...)
		}
		o := vmCompileOpts{snaplen: c.snaplen()}
		if c.Netmask != "" {
			o.netmask = netip.MustParseAddr(c.Netmask)
		}
		base := vmCorpusPackets(t, lt, 3000)
		for _, expr := range c.Aliases {
			exprs++
			got, err := vmTestrunCompile(expr, lt, o)
			if err != nil && !supported && vmTestrunUnsupported(err) {
				caseUnsupported = true
				continue
			}
			if rejectsAll {
				if !errors.Is(err, ErrRejectsAll) {
					report("Compile(%q, %s) = %v; libpcap's optimiser finds it rejects all packets (ErrRejectsAll)", expr, c.DLT, err)
				}
				p, err2 := Compile(expr, lt, Options{SnapLen: o.snaplen, Netmask: o.netmask, NoOptimize: true})
				if got, err = nil, err2; err == nil {
					got = p.Instructions()
				}
			}
			if err != nil {
				want := ""
				if !supported {
					want = " (want a \"not supported for this link type\" error)"
				}
				report("Compile(%q, %s): %v%s\nlibpcap's program:\n%s", expr, c.DLT, err, want, text)
				continue
			}
			if !supported {
				extra++
			}
			gotVM, err := NewVM(got)
			if err != nil {
				report("Compile(%q, %s) made a program NewVM refuses: %v\n%s", expr, c.DLT, err, vmDisasm(got))
				continue
			}
			r := vmSeed(c.Name + expr)
			pkts := append(slices.Clip(base), vmGuided(r, lt, base, vmProbes(want))...)
			pkts = append(pkts, vmGuided(r, lt, base, vmProbes(got))...)
			packets += len(pkts)
			if j, w, g := vmCompare(wantVM, gotVM, pkts); j >= 0 {
				report("expr %q DLT %s: verdicts differ on packet %d (wirelen %d, %s): libpcap %d, rawcap %d\nlibpcap's program:\n%s\nrawcap's program:\n%s",
					expr, c.DLT, j, pkts[j].wirelen, vmHexHead(pkts[j].data), w, g, text, vmDisasm(got))
				continue
			}
			compared++
			acc := 0
			for _, p := range pkts {
				if wantVM.Run(p.data, p.wirelen) != 0 {
					acc++
				}
			}
			if acc > 0 && acc < len(pkts) {
				bothWays++
			}
			// Accepted packets must get the snapshot length, as from libpcap.
			for j, p := range pkts {
				if w, g := wantVM.Run(p.data, p.wirelen), gotVM.Run(p.data, p.wirelen); w != g {
					report("expr %q DLT %s: packet %d: libpcap returns %d, rawcap %d", expr, c.DLT, j, w, g)
					break
				}
			}
		}
		switch {
		case caseOK && caseUnsupported:
			unsupported++
		case env && caseOK:
			envPass++
		case env:
			envDiffer++
		case caseOK:
			pass++
			vmStaleAllow(t, key)
		case vmTestrunAllow[key] != "":
			allowed++
		default:
			fail++
		}
	}
	t.Logf("libpcap accept cases: %d pass, %d fail, %d allowed failures; environment-dependent: %d agree, %d differ (logged); %d expressions over %d packets (%d of %d compared with packets libpcap both accepts and rejects; %d compiled for link types outside the supported list); skipped: %d unsupported link type (Compile says so), %d link-type name without a number, %d Linux-extension programs, %d without a program",
		pass, fail, allowed, envPass, envDiffer, exprs, packets, bothWays, compared, extra, unsupported, unknownName, linuxExt, noProgram)
}

// vmStaleAllow logs an allow-listed case that passes.
func vmStaleAllow(t *testing.T, name string) {
	if why := vmTestrunAllow[name]; why != "" {
		t.Logf("%s passes: remove it from vmTestrunAllow (%s)", name, why)
	}
}

// vmReport fails the test for case name unless it is allow-listed, in which
// case it only logs.
func vmReport(t *testing.T, name, format string, args ...any) {
	t.Helper()
	msg := name + ": " + fmt.Sprintf(format, args...)
	if why := vmTestrunAllow[name]; why != "" {
		t.Logf("allowed (%s): %s", why, msg)
		return
	}
	t.Error(msg)
}

// TestLibpcapApply runs rawcap's program for each of libpcap's apply cases
// over the named capture and compares the verdict on every packet with
// libpcap's recorded results (the return value: 0 rejects, otherwise the
// snapshot length of the file).
func TestLibpcapApply(t *testing.T) {
	vmNeedCompiler(t)
	d := vmLoadTestrun(t)
	dir := filepath.Join(vmSharedDir(t), "corpus", "libpcap")
	var pass, fail, allowed, missing, unsupported, packets, envPass, envDiffer int
	for _, c := range d.Apply {
		pkts, err := vmReadCapture(filepath.Join(dir, "tests_filter_"+c.Savefile))
		if errors.Is(err, os.ErrNotExist) {
			missing++
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.Savefile, err)
		}
		if len(pkts) != len(c.Results) {
			t.Errorf("%s: %s has %d packets, libpcap's results %d", c.Name, c.Savefile, len(pkts), len(c.Results))
			fail++
			continue
		}
		lt := pkts[0].lt
		o := vmCompileOpts{snaplen: 262144}
		if c.Netmask != "" {
			o.netmask = netip.MustParseAddr(c.Netmask)
		}
		key := "apply/" + c.Name
		env := c.Skip != nil
		report := func(format string, args ...any) {
			if env {
				t.Logf("%s (environment-dependent in libpcap's suite): %s", c.Name, fmt.Sprintf(format, args...))
				return
			}
			vmReport(t, key, format, args...)
		}
		prog, err := vmTestrunCompile(c.Expr, lt, o)
		if err != nil && !vmIsSupported(lt) && vmTestrunUnsupported(err) {
			unsupported++
			continue
		}
		ok := err == nil
		var vm *VM
		if ok {
			vm, err = NewVM(prog)
			ok = err == nil
		}
		if !ok {
			report("Compile(%q, %s): %v", c.Expr, lt.Name(), err)
		} else {
			for i, p := range pkts {
				packets++
				if got := vm.Run(p.data, p.wirelen); (got != 0) != (c.Results[i] != 0) {
					ok = false
					report("expr %q on %s packet %d (wirelen %d, %s): libpcap %d, rawcap %d\nrawcap's program:\n%s",
						c.Expr, c.Savefile, i, p.wirelen, vmHexHead(p.data), c.Results[i], got, vmDisasm(prog))
					break
				}
			}
		}
		switch {
		case env && ok:
			envPass++
		case env:
			envDiffer++
		case ok:
			pass++
			vmStaleAllow(t, key)
		case vmTestrunAllow[key] != "":
			allowed++
		default:
			fail++
		}
	}
	t.Logf("libpcap apply cases: %d pass, %d fail, %d allowed failures over %d packets; environment-dependent: %d agree, %d differ (logged); skipped: %d capture absent, %d unsupported link type",
		pass, fail, allowed, packets, envPass, envDiffer, missing, unsupported)
}

func vmIsSupported(lt linktype.Type) bool {
	for _, v := range vmSupportedDLT {
		if v == lt {
			return true
		}
	}
	return false
}

// TestLibpcapReject requires Compile to refuse every expression libpcap
// refuses. The error texts need not match; differences are logged.
func TestLibpcapReject(t *testing.T) {
	vmNeedCompiler(t)
	d := vmLoadTestrun(t)
	var pass, fail, allowed, unknownDLT, textDiffers int
	for _, c := range d.Reject {
		lt, ok := vmSupportedDLT[c.DLT]
		if !ok {
			if lt, ok = linktype.Parse(c.DLT); !ok {
				unknownDLT++
				continue
			}
		}
		_, err := vmTestrunCompile(c.Expr, lt, vmCompileOpts{})
		switch {
		case err != nil:
			pass++
			vmStaleAllow(t, "reject/"+c.Name)
			if !strings.Contains(err.Error(), c.Errstr) {
				textDiffers++
				t.Logf("%s: %q on %s: rawcap says %q, libpcap %q", c.Name, c.Expr, c.DLT, err, c.Errstr)
			}
		case vmTestrunAllow["reject/"+c.Name] != "":
			allowed++
		default:
			fail++
			t.Errorf("%s: Compile(%q, %s) succeeded; libpcap rejects it: %s", c.Name, c.Expr, c.DLT, c.Errstr)
		}
	}
	t.Logf("libpcap reject cases: %d pass (%d with a different message), %d fail, %d allowed; skipped: %d unknown link-type name",
		pass, textDiffers, fail, allowed, unknownDLT)
}

func vmCorpusSizes() map[string]int {
	m := map[string]int{}
	for lt, p := range vmCorpus.byLT {
		m[lt.Name()] = len(p)
	}
	return m
}
