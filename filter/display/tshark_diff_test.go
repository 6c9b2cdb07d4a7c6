package display_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/filter/display"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/pcapio"
)

// readExprs returns the expressions of an exprs.txt: one a line, # starts
// a comment line.
func readExprs(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out
}

// diffFiles are the captures the differential test filters: the filter
// suite's captures (the tcpdump corpus merged by link type), pcapng files
// with several interfaces and comments, and the project's demo capture.
func diffFiles(t *testing.T) []string {
	pcaps := testshared.Path(t, "filters", "pcaps")
	files, _ := filepath.Glob(filepath.Join(pcaps, "*.pcap"))
	corpus := testshared.Path(t, "corpus")
	for _, n := range []string{
		"pcapng-tg/output_le_advanced_test100.pcapng",
		"pcapng-tg/output_le_advanced_test101.pcapng",
		"pcapng-tg/output_le_basic_test016.pcapng",
	} {
		files = append(files, filepath.Join(corpus, n))
	}
	root, err := testshared.Root()
	if err != nil {
		t.Fatal(err)
	}
	return append(files, filepath.Join(root, "testdata", "demo.pcap"))
}

// tsharkCache returns the cache directory for tshark's answers, or "".
func tsharkCache() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	dir = filepath.Join(dir, "rawcap-dfilter-difftest")
	if os.MkdirAll(dir, 0o755) != nil {
		return ""
	}
	return dir
}

var tsharkVersion = sync.OnceValue(func() string {
	out, _ := exec.Command("tshark", "--version").Output()
	first, _, _ := strings.Cut(string(out), "\n")
	return first
})

// tsharkTap is a Lua script for tshark that registers one tap listener
// per expression, each with the expression as its filter, so that one pass
// over a capture tells which frames every expression selects, as tshark's
// one-pass -Y would. The expressions come one a line from the file named
// by the environment variable RAWCAP_EXPRS.
const tsharkTap = `
local exprs = {}
for line in io.lines(os.getenv("RAWCAP_EXPRS")) do table.insert(exprs, line) end
local frames = {}
for i, e in ipairs(exprs) do
  local ok, l = pcall(Listener.new, nil, e)
  if not ok then
    print("REJECT\t" .. i .. "\t" .. string.gsub(tostring(l), "\n", " "))
  else
    frames[i] = {}
    function l.packet(pinfo) table.insert(frames[i], pinfo.number) end
  end
end
local protocols = Field.new("frame.protocols")
local done = Listener.new()
local stacks = {}
function done.packet(pinfo)
  table.insert(stacks, pinfo.number .. "\t" .. tostring(protocols()))
end
function done.draw()
  for i = 1, #exprs do
    if frames[i] then print("FRAMES\t" .. i .. "\t" .. table.concat(frames[i], " ")) end
  end
  for _, s in ipairs(stacks) do print("PROTOCOLS\t" .. s) end
end
`

// tsharkPass is what one tshark pass says of a capture: a verdict per
// expression and frame.protocols per frame.
type tsharkPass struct {
	verdicts  []tsharkVerdict
	protocols map[int]string
}

// tsharkVerdict is what tshark says of one expression on one capture.
type tsharkVerdict struct {
	frames []int
	reject string // tshark's error, "" when it accepts the expression
}

// tsharkSelectAll returns what tshark -Y says of each expression on file,
// from one pass (cached by the capture's hash, tshark's version and the
// expressions).
func tsharkSelectAll(t *testing.T, tshark, file string, exprs []string) tsharkPass {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	h.Write(data)
	fmt.Fprintf(h, "\x00%s\x00%s\x00%s", tsharkVersion(), tsharkTap, strings.Join(exprs, "\n"))
	key := hex.EncodeToString(h.Sum(nil)[:16])
	cache := tsharkCache()
	var out string
	if b, err := os.ReadFile(filepath.Join(cache, key)); cache != "" && err == nil {
		out = string(b)
	} else {
		dir := t.TempDir()
		script, list := filepath.Join(dir, "tap.lua"), filepath.Join(dir, "exprs.txt")
		if err := os.WriteFile(script, []byte(tsharkTap), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(list, []byte(strings.Join(exprs, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(tshark, "-q", "-n", "-r", file, "-X", "lua_script:"+script)
		cmd.Env = append(os.Environ(), "TZ=UTC", "LC_ALL=C", "RAWCAP_EXPRS="+list)
		b, err := cmd.Output()
		if err != nil {
			t.Fatalf("tshark on %s: %v", file, err)
		}
		out = string(b)
		if cache != "" {
			os.WriteFile(filepath.Join(cache, key), b, 0o644)
		}
	}
	vs := make([]tsharkVerdict, len(exprs))
	seen := make([]bool, len(exprs))
	protocols := map[int]string{}
	for _, l := range strings.Split(out, "\n") {
		kind, rest, _ := strings.Cut(l, "\t")
		num, rest, _ := strings.Cut(rest, "\t")
		i, err := strconv.Atoi(num)
		if kind == "PROTOCOLS" && err == nil {
			protocols[i] = rest
			continue
		}
		if err != nil || i < 1 || i > len(exprs) {
			continue
		}
		seen[i-1] = true
		switch kind {
		case "REJECT":
			vs[i-1].reject = rest
		case "FRAMES":
			for _, f := range strings.Fields(rest) {
				n, err := strconv.Atoi(f)
				if err != nil {
					t.Fatalf("tshark tap on %s: %q", file, l)
				}
				vs[i-1].frames = append(vs[i-1].frames, n)
			}
		}
	}
	for i, ok := range seen {
		if !ok {
			t.Fatalf("tshark tap on %s said nothing of %q", file, exprs[i])
		}
	}
	return tsharkPass{vs, protocols}
}

// tsharkFields returns tshark -T fields' line for each frame of file, with
// the named fields (cached by testshared.Tshark).
func tsharkFields(t *testing.T, file string, names []string) []string {
	args := []string{"-T", "fields"}
	for _, n := range names {
		args = append(args, "-e", n)
	}
	return strings.Split(string(testshared.Tshark(t, "dfilter", file, args...)), "\n")
}

// tsharkSelect returns the frame numbers tshark -Y expr selects in file,
// or tshark's error when it rejects expr: one run of tshark, for the
// expressions that depend on which frames are displayed.
func tsharkSelect(t *testing.T, tshark, file, expr string) (frames []int, reject string) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	h.Write(data)
	fmt.Fprintf(h, "\x00%s\x00%s", tsharkVersion(), expr)
	key := hex.EncodeToString(h.Sum(nil)[:16])
	cache := tsharkCache()
	var out string
	if b, err := os.ReadFile(filepath.Join(cache, key)); cache != "" && err == nil {
		out = string(b)
	} else {
		cmd := exec.Command(tshark, "-n", "-r", file, "-Y", expr, "-T", "fields", "-e", "frame.number")
		cmd.Env = append(os.Environ(), "TZ=UTC", "LC_ALL=C")
		var stderr strings.Builder
		cmd.Stderr = &stderr
		stdout, err := cmd.Output()
		if err != nil {
			msg := stderr.String()
			if i := strings.Index(msg, "tshark: "); i >= 0 {
				msg = msg[i:]
			}
			out = "REJECT " + strings.TrimSpace(msg)
		} else {
			out = string(stdout)
		}
		if cache != "" {
			os.WriteFile(filepath.Join(cache, key), []byte(out), 0o644)
		}
	}
	if strings.HasPrefix(out, "REJECT ") {
		return nil, strings.TrimPrefix(out, "REJECT ")
	}
	for _, l := range strings.Fields(out) {
		n, err := strconv.Atoi(l)
		if err != nil {
			t.Fatalf("tshark -Y %q on %s: %q", expr, file, l)
		}
		frames = append(frames, n)
	}
	return frames, ""
}

// rawcapSelect returns the frame numbers each filter selects in file, in
// one pass, and rawcap's frame.protocols of each frame.
func rawcapSelect(t *testing.T, file string, filters []*display.Filter, names []string) ([][]int, map[int]string, []string) {
	r, err := pcapio.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	d := decode.NewDecoder()
	out := make([][]int, len(filters))
	protocols := map[int]string{}
	fp, err := decode.NewFieldsPrinter([]string{"frame.protocols"})
	if err != nil {
		t.Fatal(err)
	}
	vp, err := decode.NewFieldsPrinter(names)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	var f decode.Frame
	for n := 1; ; n++ {
		p, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		frameOf(&f, r, p, n)
		d.Decode(p.Data, p.LinkType)
		protocols[n] = strings.TrimSpace(string(fp.Append(nil, d, &f)))
		lines = append(lines, strings.TrimSuffix(string(vp.Append(nil, d, &f)), "\n"))
		for k, flt := range filters {
			if flt != nil && flt.Match(d, &f) {
				out[k] = append(out[k], n)
			}
		}
	}
	return out, protocols, lines
}

// frameOf describes packet p, the nth of r, as rawcap read does.
func frameOf(f *decode.Frame, r *pcapio.Reader, p *pcapio.Packet, n int) {
	*f = decode.Frame{Number: n, Time: p.Time, Length: p.Length, Interface: p.Interface}
	ifs := r.Interfaces()
	if p.Interface < len(ifs) {
		f.InterfaceName = ifs[p.Interface].Name
	}
	f.Comment, _ = p.Options.Comment()
	if r.Format() == pcapio.FormatPcapNG && p.Interface < len(ifs) {
		f.Section = ifs[p.Interface].Section + 1
		f.InterfaceDescription = ifs[p.Interface].Description
		f.Flags, f.HasFlags = p.Options.Flags()
		if f.Comment != "" {
			f.Comments = p.Options.Comments()
		}
	}
}

// dfilterDiffAllow lists the frames where rawcap's selection may differ
// from tshark's, with the reason.
var dfilterDiffAllow = map[string]string{
	"eth_mix.pcap:861": "its timestamp is 0xffff0000 s (2106-02-06); tshark 4.0 shows that date in -T fields but orders it before the frames around it in filters (frame.time, time_relative, time_delta)",
	"eth_mix.pcap:862": "the frame after 861 (above): tshark's time_delta from a 2106 date",
}

// TestDisplayFiltersMatchTshark runs every expression of
// ../shared/dfilters/exprs.txt and testdata/exprs.txt over the captures of
// diffFiles, and holds rawcap read -Y to tshark -Y: the same frames where
// tshark accepts the expression, an error where tshark rejects it. An
// expression naming what rawcap does not decode must give ErrNotDecoded;
// those are counted apart.
func TestDisplayFiltersMatchTshark(t *testing.T) {
	tshark := testshared.Oracle(t, "tshark")
	exprs := readExprs(t, testshared.Path(t, "dfilters", "exprs.txt"))
	exprs = append(exprs, readExprs(t, filepath.Join("testdata", "exprs.txt"))...)
	files := diffFiles(t)

	// Which expressions tshark accepts, from the first capture.
	first := tsharkSelectAll(t, tshark, files[0], exprs).verdicts
	var bothReject, notDecoded, agree, differ int
	var run []*display.Filter
	var runIdx []int
	for i, e := range exprs {
		flt, err := display.Compile(e)
		reject := first[i].reject
		switch {
		case reject != "" && err != nil:
			bothReject++
		case reject != "":
			t.Errorf("%q: tshark rejects it (%s), rawcap accepts it", e, reject)
		case errors.Is(err, display.ErrNotDecoded):
			notDecoded++
			t.Logf("not decoded yet: %q: %v", e, err)
		case err != nil:
			t.Errorf("%q: tshark accepts it, rawcap rejects it: %v", e, err)
		default:
			run = append(run, flt)
			runIdx = append(runIdx, i)
		}
	}
	// The fields the expressions read (not protocols): a frame where
	// rawcap's value of one differs from tshark's is counted apart for the
	// expressions that read it. TestFieldsMatchTshark in package decode
	// holds the values themselves to tshark.
	var names []string
	for _, f := range run {
		for _, n := range f.Fields() {
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	slices.Sort(names)
	col := map[string]int{}
	for k, n := range names {
		col[n] = k
	}
	mismatch := map[int][]string{}
	frames, apart, fieldsApart := 0, 0, 0
	for _, file := range files {
		// Fresh filters for each capture: their state (streams, times)
		// starts again, as tshark's does.
		for k, i := range runIdx {
			run[k], _ = display.Compile(exprs[i])
		}
		got, ours, ourFields := rawcapSelect(t, file, run, names)
		pass := tsharkSelectAll(t, tshark, file, exprs)
		theirFields := tsharkFields(t, file, names)
		// differs[n] has a bit per column where frame n+1's values differ.
		differs := make([][]bool, len(ourFields))
		for n := range ourFields {
			var a, b []string
			a = strings.Split(ourFields[n], "\t")
			if n < len(theirFields) {
				b = strings.Split(theirFields[n], "\t")
			}
			differs[n] = make([]bool, len(names))
			for k, name := range names {
				if decode.LookupField(name).Kind == decode.KindProtocol {
					// tshark names a protocol whose header was cut short in
					// frame.protocols without adding it to the tree, where
					// rawcap shows it empty: such frames are counted apart.
					differs[n][k] = k < len(b) && b[k] == "" && slices.Contains(strings.Split(pass.protocols[n+1], ":"), name)
					continue
				}
				if k >= len(a) || k >= len(b) || a[k] != b[k] {
					differs[n][k] = true
				}
			}
		}
		// Frames whose protocols rawcap and tshark name differently (a
		// protocol rawcap does not decode yet, a reassembly) are counted
		// apart: the engine is held to tshark where the decoders agree.
		skip := map[int]bool{}
		for n, p := range pass.protocols {
			frames++
			if ours[n] != p {
				skip[n] = true
				apart++
			}
		}
		keep := func(x []int) []int {
			return slices.DeleteFunc(slices.Clone(x), func(n int) bool { return skip[n] })
		}
		for k, i := range runIdx {
			all := pass.verdicts
			want := all[i].frames
			if strings.Contains(exprs[i], "_displayed") {
				// Taps see every frame as displayed; -Y does not.
				want, _ = tsharkSelect(t, tshark, file, exprs[i])
			}
			if all[i].reject != "" {
				continue // a capture tshark cannot read with it
			}
			got, want := keep(got[k]), keep(want)
			// Frames where a field the expression reads has another value
			// in rawcap than in tshark.
			var cols []int
			for _, n := range run[k].Fields() {
				if c, ok := col[n]; ok {
					cols = append(cols, c)
				}
			}
			off := func(n int) bool {
				if n-1 >= len(differs) {
					return true
				}
				for _, c := range cols {
					if differs[n-1][c] {
						return true
					}
				}
				return false
			}
			before := len(got) + len(want)
			allowed := func(n int) bool {
				_, ok := dfilterDiffAllow[fmt.Sprintf("%s:%d", filepath.Base(file), n)]
				return ok && strings.Contains(exprs[i], "frame.time")
			}
			got = slices.DeleteFunc(got, func(n int) bool { return off(n) || allowed(n) })
			want = slices.DeleteFunc(want, func(n int) bool { return off(n) || allowed(n) })
			fieldsApart += before - len(got) - len(want)
			if !slices.Equal(got, want) {
				mismatch[i] = append(mismatch[i], fmt.Sprintf("%s: rawcap %d frames, tshark %d; only rawcap %v, only tshark %v",
					filepath.Base(file), len(got), len(want), head(minus(got, want)), head(minus(want, got))))
			}
		}
	}
	for _, i := range runIdx {
		if m, ok := mismatch[i]; ok {
			differ++
			t.Errorf("%q:\n\t%s", exprs[i], strings.Join(m, "\n\t"))
		} else {
			agree++
		}
	}
	t.Logf("%d expressions over %d captures (%d frames, %d of them counted apart where rawcap's frame.protocols differs from tshark's; %d selections counted apart where a field the expression reads has another value): %d select the same frames as tshark, %d differ, %d rejected by both, %d name what rawcap does not decode yet",
		len(exprs), len(files), frames, apart, fieldsApart, agree, differ, bothReject, notDecoded)
}

// minus returns the frames of a not in b (both sorted).
func minus(a, b []int) []int {
	var out []int
	for _, x := range a {
		if _, found := slices.BinarySearch(b, x); !found {
			out = append(out, x)
		}
	}
	return out
}

// head returns the first frames of a list, for messages.
func head(x []int) []int {
	if len(x) > 12 {
		return x[:12]
	}
	return x
}
