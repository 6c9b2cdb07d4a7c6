package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/rawcap/rawcap/internal/synth"
	"github.com/rawcap/rawcap/internal/testshared"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// writeSynthCapture writes n generated packets (TCP with HTTP and TLS,
// DNS, ICMP, ARP, IPv6, VLAN) starting at start, as a nanosecond pcap.
func writeSynthCapture(t *testing.T, name string, n int, start time.Time) {
	t.Helper()
	var buf bytes.Buffer
	w, err := pcapio.NewPcapWriter(&buf, pcapio.PcapWriterOptions{LinkType: linktype.Ethernet, SnapLen: 262144, Nano: true})
	if err != nil {
		t.Fatal(err)
	}
	g := synth.New(3, start)
	for range n {
		p := g.Next()
		if err := w.WritePacket(&pcapio.Packet{Time: p.Time, Length: len(p.Data), Data: p.Data, LinkType: linktype.Ethernet}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// parquetRows returns the number of rows in the Parquet files under dir
// (and fails on a file that is not valid Parquet).
func parquetRows(t *testing.T, dir string) (rows int64, files int) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") {
			t.Errorf("%s: a file left unfinished", p)
			return nil
		}
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		st, _ := f.Stat()
		pf, err := parquet.OpenFile(f, st.Size())
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		rows += pf.NumRows()
		files++
		return nil
	})
	return rows, files
}

var t0 = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// TestExportDamagedInput cuts a capture inside a packet: every packet
// before it is exported, the files are valid Parquet, and the error names
// the file and the offset, with exit status 1.
func TestExportDamagedInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pcap")
	writeSynthCapture(t, in, 1000, t0)
	b, _ := os.ReadFile(in)
	os.WriteFile(in, b[:len(b)-30], 0o644)
	out := filepath.Join(dir, "out")
	code, _, stderr := rawcapRun(t, "", "export", "-o", out, in)
	if code != 1 || !strings.HasPrefix(stderr, "rawcap: "+in+": offset ") {
		t.Errorf("exit %d, stderr %q; want 1 and \"rawcap: %s: offset N: …\"", code, stderr, in)
	}
	if rows, _ := parquetRows(t, filepath.Join(out, "packets")); rows != 999 {
		t.Errorf("%d packets exported, want the 999 before the damage", rows)
	}
	if rows, _ := parquetRows(t, filepath.Join(out, "flows")); rows == 0 {
		t.Error("no flows written after the damage")
	}
}

// TestExportInputs checks several inputs: a glob, standard input, and a
// capture filter after them.
func TestExportInputs(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.pcap", "b.pcap"} {
		writeSynthCapture(t, filepath.Join(dir, n), 500, t0)
	}
	out := filepath.Join(dir, "out")
	b, _ := os.ReadFile(filepath.Join(dir, "a.pcap"))
	code, _, stderr := rawcapRun(t, string(b), "export", "-o", out, "--table", "packets", filepath.Join(dir, "*.pcap"), "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if rows, files := parquetRows(t, out); rows != 1500 || files != 1 {
		t.Errorf("%d rows in %d files, want 1500 in 1", rows, files)
	}
	out2 := filepath.Join(dir, "out2")
	code, _, stderr = rawcapRun(t, "", "export", "-o", out2, "--table", "packets", "--fields", "frame.number,tcp.dstport", filepath.Join(dir, "a.pcap"), "tcp", "port", "443")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows, _ := parquetRows(t, out2)
	if rows == 0 || rows >= 500 {
		t.Errorf("%d rows with 'tcp port 443', want some of the 500", rows)
	}
}

// TestExportUsageErrors checks that a bad command line exits 2 and says
// what is wrong.
func TestExportUsageErrors(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pcap")
	writeSynthCapture(t, in, 10, t0)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{in}, "give -o DIR"},
		{[]string{"-o", dir, "--table", "conns", in}, "--table"},
		{[]string{"-o", dir, "--fields", "ip.nosuch", in}, "ip.nosuch"},
		{[]string{"-o", dir, "--partition", "week", in}, "date or hour"},
		{[]string{"-o", dir, "--compression", "lzma", in}, "lzma"},
		{[]string{"-o", dir, in, "tcp port"}, "filter"},
		{[]string{"-o", dir, "--table", "flows", "--fields", "ip.src", in}, "no packets table"},
	} {
		code, _, stderr := rawcapRun(t, "", append([]string{"export"}, tt.args...)...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("export %v: exit %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
}

// TestREADMEDocumentsExportSchema checks that README.md lists every column
// of the default profile and of the flows table with its type, as
// `rawcap export --schema` prints them.
func TestREADMEDocumentsExportSchema(t *testing.T) {
	root, err := testshared.Root()
	if err != nil {
		t.Skip(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	code, out, stderr := rawcapRun(t, "", "export", "--schema")
	if code != 0 {
		t.Fatalf("export --schema: exit %d: %s", code, stderr)
	}
	n := 0
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Split(l, "\t")
		if want := "`" + f[1] + "` " + f[2]; !bytes.Contains(readme, []byte(want)) {
			t.Errorf("README.md does not document %s column %s", f[0], want)
		}
		n++
	}
	if n < 60 {
		t.Errorf("export --schema printed %d columns; want the default profile and the flows table", n)
	}
}

// TestExportPcapNGFrameFields checks the frame fields a pcapng file
// records beside the packet (its comments, its interface's name).
func TestExportPcapNGFrameFields(t *testing.T) {
	in := testshared.Path(t, "corpus", "gopacket", "pcapgo_tests_epb.pcapng")
	out := t.TempDir()
	code, _, stderr := rawcapRun(t, "", "export", "-o", out, "--table", "packets", "--fields", "frame.comment,frame.interface_name", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(out, "packets", "*.parquet"))
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
	f, _ := os.Open(files[0])
	defer f.Close()
	st, _ := f.Stat()
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	rows := make([]parquet.Row, 1)
	r := pf.RowGroups()[0].Rows()
	defer r.Close()
	if n, _ := r.ReadRows(rows); n != 1 {
		t.Fatal("no row")
	}
	var comments []string
	var name string
	for _, v := range rows[0] {
		switch v.Column() {
		case 0:
			comments = append(comments, v.String())
		case 1:
			name = v.String()
		}
	}
	if want := []string{"this is a comment", "foobar"}; !slices.Equal(comments, want) || name != "ens33" {
		t.Errorf("frame.comment %q, frame.interface_name %q; want %q and ens33 (rawcap read -T fields shows them)", comments, name, want)
	}
}

// TestExportWriteError checks that an output directory that cannot be
// made ends the export with status 1 and says where.
func TestExportWriteError(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pcap")
	writeSynthCapture(t, in, 10, t0)
	blocker := filepath.Join(dir, "file")
	os.WriteFile(blocker, nil, 0o644)
	code, _, stderr := rawcapRun(t, "", "export", "-o", filepath.Join(blocker, "lake"), in)
	if code != 1 || !strings.Contains(stderr, blocker) {
		t.Errorf("exit %d, stderr %q; want 1 and the path", code, stderr)
	}
}

// TestExportDisplayFilter holds export -Y to the packets the filter keeps,
// in both tables.
func TestExportDisplayFilter(t *testing.T) {
	dir := t.TempDir()
	root, err := testshared.Root()
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	code, _, stderr := rawcapRun(t, "", "export", "-o", dir, "-Y", "dns", "testdata/demo.pcap")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if rows, _ := parquetRows(t, filepath.Join(dir, "packets")); rows != 6 {
		t.Errorf("%d packet rows, want the 6 DNS packets", rows)
	}
	if rows, _ := parquetRows(t, filepath.Join(dir, "flows")); rows != 3 {
		t.Errorf("%d flow rows, want the 3 DNS exchanges", rows)
	}
	if code, _, stderr := rawcapRun(t, "", "export", "-o", dir, "-Y", "dns.qry.name = 1", "testdata/demo.pcap"); code != 2 || !strings.Contains(stderr, "^") {
		t.Errorf("bad -Y: exit %d, %q", code, stderr)
	}
}
