package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/export"
	"github.com/rawcap/rawcap/internal/testshared"
)

// duckdbq returns the path of the DuckDB query tool (internal/duckdbq,
// built by `make duckdbq` into bin/), or skips the test.
func duckdbq(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("RAWCAP_DUCKDBQ"); p != "" {
		return p
	}
	root, err := testshared.Root()
	if err != nil {
		t.Skip("skipping: ", err)
	}
	p := filepath.Join(root, "bin", "duckdbq")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("skipping: DuckDB's query tool is not built (%v): run make duckdbq (it needs cgo and gcc)", err)
	}
	return p
}

// duck runs SQL statements in DuckDB and returns each result's rows, split
// into tab-separated fields.
func duck(t *testing.T, tool string, stmts ...string) [][]string {
	t.Helper()
	out, err := exec.Command(tool, stmts...).CombinedOutput()
	if err != nil {
		t.Fatalf("duckdbq %q: %v\n%s", stmts, err, out)
	}
	var rows [][]string
	for _, l := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		if l != "" {
			rows = append(rows, strings.Split(l, "\t"))
		}
	}
	return rows
}

// tsharkExport runs `TZ=UTC tshark -n -r path args…`, cached under the
// user cache directory by the file's hash, tshark's version and the
// arguments.
func tsharkExport(t *testing.T, path string, args ...string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ver, _ := exec.Command("tshark", "--version").Output()
	h := sha256.New()
	h.Write(data)
	fmt.Fprintf(h, "%s\x00%q", strings.SplitN(string(ver), "\n", 2)[0], args)
	var cache string
	if dir, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(dir, "rawcap-export-difftest", hex.EncodeToString(h.Sum(nil)[:16])+".txt")
		if out, err := os.ReadFile(cache); err == nil {
			return string(out)
		}
	}
	cmd := exec.Command("tshark", append([]string{"-n", "-r", path}, args...)...)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark %q: %v", args, err)
	}
	if cache != "" && os.MkdirAll(filepath.Dir(cache), 0o755) == nil {
		tmp := cache + ".tmp" + strconv.Itoa(os.Getpid())
		if os.WriteFile(tmp, out, 0o644) == nil {
			os.Rename(tmp, cache)
		}
	}
	return string(out)
}

// TestExportDuckDBMatchesTshark exports generated traffic and queries it
// with DuckDB: packets per protocol, the TCP conversations, the fields of
// sample rows, and partition pruning must give what tshark gives.
func TestExportDuckDBMatchesTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	tool := duckdbq(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "gen.pcap")
	const n = 30000
	// Start just before 04:00, so the hour partitions are 03 and 04.
	writeSynthCapture(t, in, n, time.Date(2026, 1, 2, 3, 59, 59, 980_000_000, time.UTC))
	out := filepath.Join(dir, "lake")
	if code, _, stderr := rawcapRun(t, "", "export", "-o", out, "--partition", "hour", in); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	packets := fmt.Sprintf("read_parquet('%s/packets/**/*.parquet', hive_partitioning = true)", out)
	flows := fmt.Sprintf("read_parquet('%s/flows/**/*.parquet', hive_partitioning = true)", out)

	t.Run("protocols", func(t *testing.T) {
		// tshark's frame.protocols of every packet, counted per protocol.
		want := map[string]int{}
		for _, l := range strings.Split(strings.TrimSpace(tsharkExport(t, in, "-T", "fields", "-e", "frame.protocols")), "\n") {
			seen := map[string]bool{}
			for _, p := range strings.Split(l, ":") {
				if !seen[p] {
					seen[p] = true
					want[p]++
				}
			}
		}
		rows := duck(t, tool, "SELECT p, count(*) FROM (SELECT DISTINCT \"frame.number\", unnest(string_split(\"frame.protocols\", ':')) AS p FROM "+packets+") GROUP BY p ORDER BY p")
		got := map[string]int{}
		for _, r := range rows {
			got[r[0]], _ = strconv.Atoi(r[1])
		}
		// Not "data": tshark names payloads of protocols rawcap does not
		// dissect (ssh) where rawcap's frame.protocols stops at tcp, a
		// difference the decode tests know.
		for _, p := range []string{"eth", "ethertype", "vlan", "ip", "ipv6", "arp", "tcp", "udp", "icmp", "icmpv6", "dns", "http", "tls"} {
			if got[p] != want[p] {
				t.Errorf("%s: DuckDB counts %d packets, tshark %d", p, got[p], want[p])
			}
		}
		if got["tcp"] == 0 || got["dns"] == 0 || got["tls"] == 0 {
			t.Errorf("counts %v: want tcp, dns and tls packets", got)
		}
	})

	t.Run("conversations", func(t *testing.T) {
		want := tsharkConversations(t, tsharkExport(t, in, "-q", "-z", "conv,tcp"))
		if len(want) < 50 {
			t.Fatalf("tshark lists %d TCP conversations; want more to compare", len(want))
		}
		endpoint := func(side string) string {
			return fmt.Sprintf(`coalesce("ip.%s", "ipv6.%s") || ':' || "tcp.%sport"`, side, side, side)
		}
		a, b := endpoint("src"), endpoint("dst")
		// From the packets table: frames each way per endpoint pair.
		rows := duck(t, tool, fmt.Sprintf(`SELECT least(%[1]s, %[2]s) AS x, greatest(%[1]s, %[2]s) AS y,
			count(*) FILTER (WHERE %[1]s = least(%[1]s, %[2]s)), count(*) FILTER (WHERE %[1]s <> least(%[1]s, %[2]s)),
			sum("frame.len") FILTER (WHERE %[1]s = least(%[1]s, %[2]s)), sum("frame.len") FILTER (WHERE %[1]s <> least(%[1]s, %[2]s))
			FROM %[3]s WHERE "tcp.srcport" IS NOT NULL GROUP BY x, y ORDER BY count(*) DESC, x, y`, a, b, packets))
		checkConversations(t, "packets table", want, rows)
		// From the flows table: packets and frame bytes each way.
		rows = duck(t, tool, fmt.Sprintf(`SELECT least(o, r) AS x, greatest(o, r) AS y,
			sum(CASE WHEN o < r THEN orig_pkts ELSE resp_pkts END), sum(CASE WHEN o < r THEN resp_pkts ELSE orig_pkts END),
			sum(CASE WHEN o < r THEN orig_frame_bytes ELSE resp_frame_bytes END), sum(CASE WHEN o < r THEN resp_frame_bytes ELSE orig_frame_bytes END)
			FROM (SELECT *, "id.orig_h" || ':' || "id.orig_p" AS o, "id.resp_h" || ':' || "id.resp_p" AS r FROM %s WHERE proto = 'tcp')
			GROUP BY x, y ORDER BY x, y`, flows))
		checkConversations(t, "flows table", want, rows)
	})

	t.Run("fields", func(t *testing.T) {
		var scalars, lists []string
		cols, _ := export.PacketColumns(nil, false)
		for _, c := range cols {
			switch {
			case strings.HasPrefix(c.Name, "rawcap."), c.Name == "frame.protocols", c.Name == "frame.time",
				c.Name == "frame.number", c.Name == "frame.interface_id":
				// rawcap's own columns; frame.protocols is counted above;
				// frame.time and frame.number are compared below;
				// tshark has no interface_id in a pcap file, rawcap 0.
			case strings.HasPrefix(c.Type, "LIST"):
				lists = append(lists, c.Name)
			default:
				scalars = append(scalars, c.Name)
			}
		}
		args := func(names []string, occ string) []string {
			a := []string{"-T", "fields", "-E", "occurrence=" + occ, "-e", "frame.number", "-e", "frame.time_epoch"}
			for _, n := range names {
				a = append(a, "-e", n)
			}
			return a
		}
		wantScalar := strings.Split(tsharkExport(t, in, args(scalars, "f")...), "\n")
		wantList := strings.Split(tsharkExport(t, in, args(lists, "a")...), "\n")
		quote := func(names []string) string {
			q := make([]string, len(names))
			for i, n := range names {
				q[i] = `"` + n + `"`
			}
			return strings.Join(q, ", ")
		}
		// Every 97th packet, and the first 200.
		where := `WHERE "frame.number" % 97 = 0 OR "frame.number" <= 200 ORDER BY "frame.number"`
		epoch := `"frame.number", epoch_ns("frame.time")`
		gotScalar := duck(t, tool, "SELECT "+epoch+", "+quote(scalars)+" FROM "+packets+" "+where)
		gotList := duck(t, tool, "SELECT "+epoch+", "+quote(lists)+" FROM "+packets+" "+where)
		compared := 0
		for _, part := range []struct {
			names []string
			want  []string
			got   [][]string
		}{{scalars, wantScalar, gotScalar}, {lists, wantList, gotList}} {
			bad := 0
			for _, row := range part.got {
				num, _ := strconv.Atoi(row[0])
				w := strings.Split(part.want[num-1], "\t")
				if w[0] != row[0] || epochNanos(w[1]) != row[1] {
					t.Errorf("frame %s: tshark's frame %s at %s, DuckDB's at %s ns", row[0], w[0], w[1], row[1])
				}
				for k, name := range part.names {
					want, got := tsharkValue(name, w[k+2]), row[k+2]
					if got == `\N` {
						got = ""
					}
					if want != got && bad < 20 {
						bad++
						t.Errorf("frame %s %s: DuckDB %q, tshark %q", row[0], name, got, want)
					}
					compared++
				}
			}
		}
		t.Logf("%d values of %d columns compared", compared, len(scalars)+len(lists))
	})

	t.Run("partition pruning", func(t *testing.T) {
		all := duck(t, tool, "SELECT hour, count(*), min(hour(\"frame.time\")), max(hour(\"frame.time\")) FROM "+packets+" GROUP BY hour ORDER BY hour")
		if len(all) != 2 || all[0][0] != "3" && all[0][0] != "03" {
			t.Fatalf("partitions %v: want hours 03 and 04", all)
		}
		for _, r := range all {
			if h, _ := strconv.Atoi(r[0]); r[2] != strconv.Itoa(h) || r[3] != strconv.Itoa(h) {
				t.Errorf("partition hour=%s holds packets of hours %s to %s", r[0], r[2], r[3])
			}
		}
		// Spoil the hour=04 files: a query for hour 03 must not open them.
		// (DuckDB reads the schema from the first file, of hour 03.)
		files, _ := filepath.Glob(filepath.Join(out, "packets", "date=*", "hour=04", "*.parquet"))
		for _, f := range files {
			os.WriteFile(f, []byte("not parquet"), 0o644)
		}
		got := duck(t, tool, "SELECT count(*) FROM "+packets+" WHERE date = '2026-01-02' AND hour = 3")
		if got[0][0] != all[0][1] {
			t.Errorf("hour 03 with hour 04 spoilt: %s packets, want %s", got[0][0], all[0][1])
		}
		if out, err := exec.Command(tool, "SELECT count(*) FROM "+packets).CombinedOutput(); err == nil {
			t.Errorf("a query over every partition read the spoilt files: %s", out)
		}
	})
}

// epochNanos turns tshark's frame.time_epoch ("1767326399.980000000") into
// nanoseconds.
func epochNanos(s string) string {
	sec, frac, _ := strings.Cut(s, ".")
	frac = (frac + "000000000")[:9]
	v, _ := strconv.ParseInt(sec+frac, 10, 64)
	return strconv.FormatInt(v, 10)
}

// tsharkValue turns a -T fields value into the text duckdbq prints: hex
// integers in decimal; booleans and the rest as they are.
func tsharkValue(name, s string) string {
	f := decode.LookupField(name)
	if f == nil || s == "" {
		return s
	}
	parts := strings.Split(s, ",")
	for i, p := range parts {
		if h, ok := strings.CutPrefix(p, "0x"); ok && (f.Kind == decode.KindUint || f.Kind == decode.KindInt) {
			if v, err := strconv.ParseUint(h, 16, 64); err == nil {
				parts[i] = strconv.FormatUint(v, 10)
			}
		}
	}
	return strings.Join(parts, ",")
}

// conversation is one line of tshark's conversation table: frames and
// bytes from the first endpoint to the second and back (bytes -1 where
// tshark rounds them to kB).
type conversation struct {
	framesAB, framesBA int
	bytesAB, bytesBA   int
}

var convLine = regexp.MustCompile(`^(\S+)\s+<->\s+(\S+)\s+(\d+) (\d+ \w+)\s+(\d+) (\d+ \w+)\s+(\d+) (\d+ \w+)`)

// tsharkConversations parses `tshark -q -z conv,tcp`, keyed by
// "A|B" with the endpoints in string order.
func tsharkConversations(t *testing.T, out string) map[string]conversation {
	convs := map[string]conversation{}
	bytesOf := func(s string) int {
		if v, ok := strings.CutSuffix(s, " bytes"); ok {
			n, _ := strconv.Atoi(v)
			return n
		}
		return -1
	}
	for _, l := range strings.Split(out, "\n") {
		m := convLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		a, b := m[1], m[2]
		ba, _ := strconv.Atoi(m[3]) // "<-": frames from B to A
		ab, _ := strconv.Atoi(m[5])
		c := conversation{framesAB: ab, framesBA: ba, bytesAB: bytesOf(m[6]), bytesBA: bytesOf(m[4])}
		if a > b {
			a, b = b, a
			c = conversation{framesAB: c.framesBA, framesBA: c.framesAB, bytesAB: c.bytesBA, bytesBA: c.bytesAB}
		}
		k := a + "|" + b
		if old, ok := convs[k]; ok { // the same ports twice: add them up
			c.framesAB += old.framesAB
			c.framesBA += old.framesBA
			c.bytesAB, c.bytesBA = -1, -1
		}
		convs[k] = c
	}
	return convs
}

// checkConversations compares DuckDB's rows (x, y, frames x→y, frames y→x,
// bytes x→y, bytes y→x) with tshark's table.
func checkConversations(t *testing.T, what string, want map[string]conversation, rows [][]string) {
	t.Helper()
	got := map[string]bool{}
	bad := 0
	for _, r := range rows {
		k := r[0] + "|" + r[1]
		got[k] = true
		w, ok := want[k]
		atoi := func(s string) int { v, _ := strconv.Atoi(s); return v }
		switch {
		case !ok:
			t.Errorf("%s: conversation %s is not in tshark's table", what, k)
		case atoi(r[2]) != w.framesAB || atoi(r[3]) != w.framesBA:
			t.Errorf("%s: %s: frames %s and %s each way, tshark %d and %d", what, k, r[2], r[3], w.framesAB, w.framesBA)
		case w.bytesAB >= 0 && atoi(r[4]) != w.bytesAB, w.bytesBA >= 0 && atoi(r[5]) != w.bytesBA:
			t.Errorf("%s: %s: bytes %s and %s each way, tshark %d and %d", what, k, r[4], r[5], w.bytesAB, w.bytesBA)
		default:
			continue
		}
		if bad++; bad > 10 {
			break
		}
	}
	var missing []string
	for k := range want {
		if !got[k] {
			missing = append(missing, k)
		}
	}
	slices.Sort(missing)
	if len(missing) > 0 {
		t.Errorf("%s: %d of tshark's conversations missing, such as %v", what, len(missing), missing[:min(3, len(missing))])
	}
	t.Logf("%s: %d conversations compared", what, len(rows))
}
