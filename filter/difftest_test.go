package filter

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/rawcap/rawcap/internal/testshared"

	"github.com/rawcap/rawcap/linktype"
)

// sharedDir returns ../shared relative to the repository root, or skips.
func sharedDir(t testing.TB) string {
	t.Helper()
	testshared.Path(t, "filters", "exprs.txt")
	return testshared.Dir(t)
}

// sharedDirOrEmpty is sharedDir for fuzz seeding: "" when absent.
func sharedDirOrEmpty() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "filters", "exprs.txt")); err != nil {
		return ""
	}
	return shared
}

// readExprsOrNil reads an exprs.txt file, nil on error.
func readExprsOrNil(name string) []string {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	var exprs []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "#") {
			exprs = append(exprs, l)
		}
	}
	return exprs
}

// diffAllow lists the (expression, capture) pairs where rawcap and Debian's
// tcpdump 4.99.3 / libpcap 1.10.3 knowingly disagree; "*" is any capture.
var diffAllow = map[[2]string]string{
	{"ip multicast", "*"}: "libpcap 1.10.3 compiles ip[16] >= 224, which also matches 240.0.0.0/4; " +
		"rawcap follows libpcap 1.10.6, which tests 224.0.0.0/4",
	{"vxlan", "*"}: "the vxlan primitive exists only in libpcap after 1.10.3, which reports a syntax error",
}

// TestDifferential runs ../shared/filters/difftest.py with this package's
// compiler (through internal/fmatch) against tcpdump, for every expression
// of exprs.txt on every capture of pcaps/. tcpdump's results are cached in
// the user cache directory.
func TestDifferential(t *testing.T) {
	if testing.Short() {
		t.Skip("differential test against tcpdump skipped in -short mode")
	}
	shared := sharedDir(t)
	for _, tool := range []string{"tcpdump", "python3", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed: %v", tool, err)
		}
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "fmatch")
	if out, err := exec.Command("go", "build", "-o", bin, "./internal/fmatch").CombinedOutput(); err != nil {
		t.Fatalf("building fmatch: %v\n%s", err, out)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = tmp
	}
	cache = filepath.Join(cache, "rawcap-filter-difftest")
	fdir := filepath.Join(shared, "filters")
	pcaps, _ := filepath.Glob(filepath.Join(fdir, "pcaps", "*.pcap"))
	details := filepath.Join(tmp, "details.tsv")
	args := append([]string{filepath.Join(fdir, "difftest.py"), "--cache", cache, "--jobs", "2",
		"--details", details, "--show", "0", "--batch-cmd", bin + " -r {pcap} -exprs {exprs}"}, pcaps...)
	out, err := exec.Command("python3", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("difftest.py: %v\n%s", err, out)
	}
	t.Logf("difftest.py:\n%s", out)
	f, err := os.Open(details)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	agree, total, allowed := 0, 0, 0
	for sc.Scan() {
		col := strings.Split(sc.Text(), "\t")
		if len(col) < 5 {
			continue
		}
		pcap, expr, outcome, detail := col[0], col[2], col[3], col[4]
		total++
		if outcome == "agree" || outcome == "agree-reject" {
			agree++
			continue
		}
		if why, ok := diffAllow[[2]string{expr, pcap}]; ok {
			allowed++
			t.Logf("allowed: [%s] %s: %s (%s)", pcap, expr, outcome, why)
			continue
		}
		if why, ok := diffAllow[[2]string{expr, "*"}]; ok {
			allowed++
			_ = why
			continue
		}
		t.Errorf("[%s] %q: %s: %s", pcap, expr, outcome, detail)
	}
	t.Logf("agreement with tcpdump: %d of %d (expression, capture) pairs; %d more allow-listed", agree, total, allowed)
}

// TestProgramLength compares the length of rawcap's programs with
// libpcap's optimised ones (tcpdump -d) for exprs.txt on Ethernet and logs
// the median ratio; the goal is a median of at most 1.
func TestProgramLength(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: runs tcpdump once per expression")
	}
	shared := sharedDir(t)
	testshared.Oracle(t, "tcpdump")
	pcap := filepath.Join(shared, "filters", "pcaps", "eth_mix.pcap")
	exprs := readExprs(t, filepath.Join(shared, "filters", "exprs.txt"))
	var ratios []float64
	identical := 0
	for _, e := range exprs {
		out, err := exec.Command("tcpdump", "-d", "-r", pcap, "--", e).Output()
		if err != nil {
			continue
		}
		theirs := 0
		for _, l := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(l, "(") {
				theirs++
			}
		}
		p, err := Compile(e, 1, Options{Netmask: mustAddr("0.0.0.0")})
		if err != nil || theirs == 0 {
			continue
		}
		var mine strings.Builder
		if err := Disassemble(&mine, p.Instructions(), StyleText); err == nil && strings.TrimSpace(mine.String()) == strings.TrimSpace(string(out)) {
			identical++
		}
		r := float64(len(p.Instructions())) / float64(theirs)
		ratios = append(ratios, r)
		if r > 1.5 {
			t.Logf("longer than libpcap: %q: %d vs %d", e, len(p.Instructions()), theirs)
		}
	}
	sort.Float64s(ratios)
	if len(ratios) == 0 {
		t.Skip("no expression compiled by both")
	}
	med := ratios[len(ratios)/2]
	t.Logf("program length rawcap/libpcap over %d expressions: median %s; %d programs print exactly as tcpdump -d prints libpcap's",
		len(ratios), strconv.FormatFloat(med, 'f', 3, 64), identical)
	if med > 1 {
		t.Errorf("median length ratio %.3f, want <= 1", med)
	}
}

// readExprs reads the expressions of an exprs.txt file.
func readExprs(t testing.TB, name string) []string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var exprs []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		exprs = append(exprs, l)
	}
	return exprs
}

// testrunAllow lists, by regular expression over the expression, where
// rawcap follows libpcap after 1.10.3 (libpcap's own test suite, which the
// expressions come from) rather than Debian's tcpdump 4.99.3.
var testrunAllow = []struct{ re, why string }{
	{`^vxlan`, "vxlan exists only in libpcap after 1.10.3"},
	{`^ether proto (lldp|slow)$`, "the lldp and slow names exist only in libpcap after 1.10.3"},
	{`^byte \d+ [&|] `, "libpcap 1.10.3 forgets to load the byte for byte N & V and byte N | V"},
	{`^ip multicast$`, "libpcap 1.10.3 matches 240.0.0.0/4 too"},
	{`& 0xFFFFFFFF == 0$`, "libpcap 1.10.3's optimiser wrongly reports that link[0:N] & 0xFFFFFFFF == 0 rejects all packets"},
	{`^llc`, "libpcap 1.10.3 has no llc on Linux cooked captures; later versions test the 802.2 protocol value"},
	{`^decnet .*(1\.2\.3|64\.|\.1024|host 1$)`, "libpcap after 1.10.3 rejects malformed DECnet addresses that 1.10.3 accepted"},
}

// TestDifferentialLibpcapExprs runs the ~1700 expressions of libpcap's own
// filter tests (../shared/filters/libpcap-testrun.json) through difftest.py
// against tcpdump, on one capture per link type family.
func TestDifferentialLibpcapExprs(t *testing.T) {
	if testing.Short() {
		t.Skip("differential test against tcpdump skipped in -short mode")
	}
	shared := sharedDir(t)
	for _, tool := range []string{"tcpdump", "python3", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed: %v", tool, err)
		}
	}
	exprs := libpcapTestExprs(t, shared)
	tmp := t.TempDir()
	exprFile := filepath.Join(tmp, "exprs.txt")
	if err := os.WriteFile(exprFile, []byte("## libpcap testrun\n"+strings.Join(exprs, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(tmp, "fmatch")
	if out, err := exec.Command("go", "build", "-o", bin, "./internal/fmatch").CombinedOutput(); err != nil {
		t.Fatalf("building fmatch: %v\n%s", err, out)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = tmp
	}
	cache = filepath.Join(cache, "rawcap-filter-difftest")
	fdir := filepath.Join(shared, "filters")
	details := filepath.Join(tmp, "details.tsv")
	args := []string{filepath.Join(fdir, "difftest.py"), "--exprs", exprFile, "--cache", cache, "--jobs", "2",
		"--details", details, "--show", "0", "--batch-cmd", bin + " -r {pcap} -exprs {exprs}"}
	for _, p := range []string{"eth_mix", "eth_vlan", "sll_real", "raw_real", "null_real"} {
		args = append(args, filepath.Join(fdir, "pcaps", p+".pcap"))
	}
	out, err := exec.Command("python3", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("difftest.py: %v\n%s", err, out)
	}
	b, err := os.ReadFile(details)
	if err != nil {
		t.Fatal(err)
	}
	agree, total, allowed := 0, 0, 0
	lines := strings.Split(string(b), "\n")
rows:
	for _, l := range lines[1:] {
		col := strings.Split(l, "\t")
		if len(col) < 5 {
			continue
		}
		total++
		if col[3] == "agree" || col[3] == "agree-reject" {
			agree++
			continue
		}
		for _, a := range testrunAllow {
			if regexp.MustCompile(a.re).MatchString(col[2]) {
				allowed++
				continue rows
			}
		}
		t.Errorf("[%s] %q: %s: %s", col[0], col[2], col[3], col[4])
	}
	t.Logf("libpcap's test expressions: %d expressions; agreement with tcpdump on %d of %d (expression, capture) pairs; %d more allow-listed", len(exprs), agree, total, allowed)
}

// edgePackets builds frames that exercise libpcap's corner cases: IPv4
// options and fragments, IPv6 extension headers and fragments, ARP/RARP,
// VLAN and QinQ, MPLS stacks, PPPoE, 802.3 frames with LLC (STP, IPX,
// SNAP, OSI, NetBEUI), DECnet; each also cut short at several lengths, so
// out-of-range loads are compared too.
func edgePackets() (pkts [][]byte, wirelens []int) {
	ip4 := func(src, dst string, proto byte, frag uint16, ihl int, ttl byte, payload []byte) []byte {
		h := ipv4(src, dst, proto, frag, nil)
		h[0], h[8] = 0x40|byte(ihl), ttl
		h = append(h, make([]byte, 4*(ihl-5))...)
		for i := 20; i < len(h); i++ {
			h[i] = 1
		}
		binary.BigEndian.PutUint16(h[2:], uint16(len(h)+len(payload)))
		return append(h, payload...)
	}
	icmpMsg := func(typ, code byte) []byte { return []byte{typ, code, 0, 0, 0, 0, 0, 0} }
	frag6 := func(nh byte, off uint16, payload []byte) []byte {
		return append([]byte{nh, 0, byte(off >> 5), byte(off << 3), 0, 0, 0, 1}, payload...)
	}
	mplsLabel := func(label uint32, bos byte, payload []byte) []byte {
		v := label<<12 | uint32(bos)<<8 | 64
		return append([]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}, payload...)
	}
	llc := func(head string) []byte {
		b := make([]byte, 40)
		copy(b, head)
		return b
	}
	var base [][]byte
	for _, ihl := range []int{5, 6, 15} {
		base = append(base,
			eth(macB, macA, 0x0800, ip4("10.0.0.1", "10.0.0.2", 6, 0, ihl, 64, tcp(1234, 22, 0x02))),
			eth(macB, macA, 0x0800, ip4("10.0.0.2", "10.0.0.1", 17, 0, ihl, 64, udp(53, 1000, []byte("0123456789")))))
	}
	for _, frag := range []uint16{0x2000, 0x0010, 0x2010, 0x4000} {
		base = append(base,
			eth(macB, macA, 0x0800, ip4("10.0.0.1", "10.0.0.2", 6, frag, 5, 64, tcp(179, 22, 0x12))),
			eth(macB, macA, 0x0800, ip4("10.0.0.1", "10.0.0.2", 17, frag, 5, 64, udp(67, 68, nil))))
	}
	base = append(base,
		eth(bcst, macA, 0x0800, ip4("10.0.0.1", "255.255.255.255", 17, 0, 5, 64, udp(68, 67, nil))),
		eth(macB, macA, 0x0800, ip4("10.0.0.1", "224.0.0.5", 89, 0, 5, 64, make([]byte, 20))),
		eth(macB, macA, 0x0800, ip4("192.168.1.172", "240.0.0.1", 47, 0, 5, 64, make([]byte, 8))),
		eth(macB, macA, 0x0800, ip4("10.0.0.1", "10.0.0.2", 1, 0, 5, 200, icmpMsg(0, 0))),
		eth(macB, macA, 0x0800, ip4("10.0.0.1", "10.0.0.2", 1, 0, 5, 3, icmpMsg(3, 1))),
		eth(macB, macA, 0x0800, ip4("10.0.0.1", "10.0.0.2", 132, 0, 5, 64, []byte{0x0b, 0x59, 0x0b, 0x59, 0, 0, 0, 0})),
		eth(macB, macA, 0x0800, ip4("10.0.0.1", "10.0.0.2", 51, 0, 5, 64, append(append([]byte{6, 4}, make([]byte, 18)...), tcp(1, 2, 0)...))),
		eth(macB, macA, 0x0800, ip4("10.0.0.1", "10.0.0.2", 103, 0, 5, 64, make([]byte, 8))),
		eth(macB, macA, 0x86dd, ipv6("fe80::1", "fe80::2", 6, tcp(179, 1000, 0x10))),
		eth(macB, macA, 0x86dd, ipv6("fe80::1", "ff02::1", 0, extHdr(58, icmpMsg(135, 0)))),
		eth(macB, macA, 0x86dd, ipv6("fe80::1", "fe80::2", 44, frag6(17, 0, udp(53, 53, nil)))),
		eth(macB, macA, 0x86dd, ipv6("fe80::1", "fe80::2", 44, frag6(6, 10, tcp(22, 22, 0)))),
		eth(macB, macA, 0x86dd, ipv6("fe80::1", "fe80::2", 60, extHdr(43, extHdr(6, tcp(80, 80, 0))))),
		eth(macB, macA, 0x86dd, ipv6("fe80::1", "fe80::2", 58, icmpMsg(128, 0))),
		eth(macB, macA, 0x86dd, ipv6("::ffff:10.0.0.1", "fe80::2", 17, udp(4789, 4789, nil))),
		eth(bcst, macA, 0x0806, append(append(append([]byte{0, 1, 8, 0, 6, 4, 0, 1}, macA...), 10, 0, 0, 1, 0, 0, 0, 0, 0, 0), 10, 0, 0, 2)),
		eth(bcst, macA, 0x8035, append(append(append([]byte{0, 1, 8, 0, 6, 4, 0, 3}, macA...), 10, 0, 0, 1, 0, 0, 0, 0, 0, 0), 10, 0, 0, 2)),
		eth(macB, macA, 0x8100, vlanTag(100, 0x0800, ip4("10.0.0.1", "10.0.0.2", 6, 0, 5, 64, tcp(1, 22, 0)))),
		eth(macB, macA, 0x8100, vlanTag(0, 0x86dd, ipv6("fe80::1", "fe80::2", 17, udp(1, 53, nil)))),
		eth(macB, macA, 0x88a8, vlanTag(1213, 0x8100, vlanTag(100, 0x0800, ip4("10.0.0.1", "10.0.0.2", 17, 0, 5, 64, udp(1, 53, nil))))),
		eth(macB, macA, 0x8847, mplsLabel(5, 0, mplsLabel(7, 1, ip4("10.0.0.1", "10.0.0.2", 6, 0, 5, 64, tcp(1, 22, 0))))),
		eth(macB, macA, 0x8847, mplsLabel(5, 1, ipv6("fe80::1", "fe80::2", 6, tcp(1, 22, 0)))),
		eth(macB, macA, 0x8864, append([]byte{0x11, 0, 0, 3, 0, 30, 0, 0x21}, ip4("10.0.0.1", "10.0.0.2", 6, 0, 5, 64, tcp(1, 80, 0))...)),
		eth(macB, macA, 0x8863, []byte{0x11, 0x09, 0, 0, 0, 0}),
		eth([]byte{1, 0x80, 0xc2, 0, 0, 0}, macA, 38, llc("\x42\x42\x03")),
		eth(macB, macA, 40, llc("\xff\xff")),
		eth(macB, macA, 40, llc("\xe0\xe0\x03")),
		eth(macB, macA, 40, llc("\xaa\xaa\x03\x00\x00\x00\x81\x37")),
		eth(macB, macA, 40, llc("\xfe\xfe\x03\x83\x1b\x01\x00\x14")),
		eth(macB, macA, 40, llc("\xf0\xf0\x03")),
		eth(macB, macA, 0x809b, make([]byte, 40)),
		eth(macB, macA, 0x6003, append([]byte{0, 0, 0x02, 0x01, 0x04, 0xfc, 0xca, 0}, make([]byte, 30)...)))
	for _, p := range base {
		pkts, wirelens = append(pkts, p), append(wirelens, len(p))
		for _, cut := range []int{13, 14, 20, 26, 34, 38, 40, 54, 58} {
			if cut < len(p) {
				pkts, wirelens = append(pkts, p[:cut]), append(wirelens, len(p))
			}
		}
	}
	return pkts, wirelens
}

// TestDifferentialEdgeCases runs exprs.txt and libpcap's test expressions
// over edgePackets against tcpdump.
func TestDifferentialEdgeCases(t *testing.T) {
	if testing.Short() {
		t.Skip("differential test against tcpdump skipped in -short mode")
	}
	shared := sharedDir(t)
	for _, tool := range []string{"tcpdump", "python3", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed: %v", tool, err)
		}
	}
	tmp := t.TempDir()
	pkts, wirelens := edgePackets()
	var pcaps []string
	for _, lt := range []linktype.Type{linktype.Ethernet, linktype.LinuxSLL, linktype.LinuxSLL2, linktype.Raw,
		linktype.Null, linktype.Loop, linktype.IPv4, linktype.IPv6} {
		buf := []byte{0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, byte(lt), byte(lt >> 8), 0, 0}
		n := 0
		for i, p := range pkts {
			if lt != linktype.Ethernet {
				if p = relink(lt, p); p == nil {
					continue
				}
			}
			rec := make([]byte, 16)
			n++
			binary.LittleEndian.PutUint32(rec, uint32(n))
			binary.LittleEndian.PutUint32(rec[8:], uint32(len(p)))
			binary.LittleEndian.PutUint32(rec[12:], uint32(len(p)+wirelens[i]-len(pkts[i])))
			buf = append(append(buf, rec...), p...)
		}
		pcap := filepath.Join(tmp, "edge-"+lt.Name()+".pcap")
		if err := os.WriteFile(pcap, buf, 0o644); err != nil {
			t.Fatal(err)
		}
		pcaps = append(pcaps, pcap)
	}
	exprs := append(readExprs(t, filepath.Join(shared, "filters", "exprs.txt")), libpcapTestExprs(t, shared)...)
	exprFile := filepath.Join(tmp, "exprs.txt")
	if err := os.WriteFile(exprFile, []byte("## exprs.txt\n"+strings.Join(exprs, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(tmp, "fmatch")
	if out, err := exec.Command("go", "build", "-o", bin, "./internal/fmatch").CombinedOutput(); err != nil {
		t.Fatalf("building fmatch: %v\n%s", err, out)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = tmp
	}
	details := filepath.Join(tmp, "details.tsv")
	args := append([]string{filepath.Join(shared, "filters", "difftest.py"), "--exprs", exprFile,
		"--cache", filepath.Join(cache, "rawcap-filter-difftest"), "--jobs", "2", "--details", details, "--show", "0",
		"--batch-cmd", bin + " -r {pcap} -exprs {exprs}"}, pcaps...)
	out, err := exec.Command("python3", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("difftest.py: %v\n%s", err, out)
	}
	b, err := os.ReadFile(details)
	if err != nil {
		t.Fatal(err)
	}
	agree, total := 0, 0
	for _, l := range strings.Split(string(b), "\n")[1:] {
		col := strings.Split(l, "\t")
		if len(col) < 5 {
			continue
		}
		total++
		if col[3] == "agree" || col[3] == "agree-reject" {
			agree++
			continue
		}
		if allowed(col[2]) {
			continue
		}
		t.Errorf("%q: %s: %s", col[2], col[3], col[4])
	}
	cut := 0
	for i, p := range pkts {
		if len(p) < wirelens[i] {
			cut++
		}
	}
	t.Logf("edge cases: %d frames (%d cut short) on %d link types; %d of %d (expression, capture) pairs agree with tcpdump, the others allow-listed",
		len(pkts), cut, len(pcaps), agree, total)
}

// libpcapTestExprs returns the expressions of libpcap's own filter tests
// (../shared/filters/libpcap-testrun.json), without those naming libpcap's
// test hosts, which need its resolver configuration.
func libpcapTestExprs(t *testing.T, shared string) []string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(shared, "filters", "libpcap-testrun.json"))
	if err != nil {
		t.Skipf("libpcap-testrun.json: %v", err)
	}
	var doc struct {
		Accept []struct {
			Aliases []string `json:"aliases"`
		} `json:"filter_accept_blocks"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var exprs []string
	for _, c := range doc.Accept {
		for _, a := range c.Aliases {
			if seen[a] || strings.ContainsAny(a, "\n#") || strings.Contains(strings.ToLower(a), "libpcap.test") {
				continue
			}
			seen[a] = true
			exprs = append(exprs, a)
		}
	}
	sort.Strings(exprs)
	return exprs
}

// allowed reports whether a disagreement on expr is allow-listed.
func allowed(expr string) bool {
	if _, ok := diffAllow[[2]string{expr, "*"}]; ok {
		return true
	}
	for _, a := range testrunAllow {
		if regexp.MustCompile(a.re).MatchString(expr) {
			return true
		}
	}
	return false
}

// relink moves an Ethernet frame's payload under another link-layer
// header, or returns nil when that link type cannot carry it (or the frame
// is cut inside the Ethernet header).
func relink(lt linktype.Type, p []byte) []byte {
	if len(p) < 14 {
		return nil
	}
	et := binary.BigEndian.Uint16(p[12:])
	pl := p[14:]
	proto := et
	if et <= 1500 {
		proto = 4 // ETH_P_802_2
	}
	var hdr []byte
	switch lt {
	case linktype.LinuxSLL:
		hdr = append([]byte{0, 0, 0, 1, 0, 6}, macA...)
		hdr = append(hdr, 0, 0, byte(proto>>8), byte(proto))
	case linktype.LinuxSLL2:
		hdr = append([]byte{byte(proto >> 8), byte(proto), 0, 0, 0, 0, 0, 2, 0, 1, 0, 6}, macA...)
		hdr = append(hdr, 0, 0)
	case linktype.Raw:
		if et != 0x0800 && et != 0x86dd {
			return nil
		}
	case linktype.IPv4:
		if et != 0x0800 {
			return nil
		}
	case linktype.IPv6:
		if et != 0x86dd {
			return nil
		}
	case linktype.Null, linktype.Loop:
		fam := map[uint16]uint32{0x0800: 2, 0x86dd: 30}[et]
		if fam == 0 {
			return nil
		}
		hdr = binary.LittleEndian.AppendUint32(nil, fam)
		if lt == linktype.Loop {
			hdr = binary.BigEndian.AppendUint32(nil, map[uint32]uint32{2: 2, 30: 24}[fam])
		}
	}
	return append(hdr, pl...)
}
