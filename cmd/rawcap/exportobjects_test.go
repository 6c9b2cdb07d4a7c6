package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/rawcap/rawcap/internal/testshared"
)

// dirFiles reads every file of dir, by name.
func dirFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := make(map[string][]byte)
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = b
	}
	return m
}

func names(m map[string][]byte) []string {
	var s []string
	for k := range m {
		s = append(s, k)
	}
	sort.Strings(s)
	return s
}

// exportObjectsDiff compares the files rawcap export-objects http writes
// for path with those tshark --export-objects http writes, with extra
// rawcap flags; it returns how many files tshark wrote.
func exportObjectsDiff(t *testing.T, tshark, path string, flags ...string) int {
	t.Helper()
	// The same directory name for both: its length limits the names.
	want := filepath.Join(t.TempDir(), "objects")
	cmd := exec.Command(tshark, "-q", "-r", path, "--export-objects", "http,"+want)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tshark --export-objects %s: %v: %s", path, err, out)
	}
	got := filepath.Join(t.TempDir(), "objects")
	args := append([]string{"export-objects", "http"}, flags...)
	code, _, errs := rawcapRun(t, "", append(args, got, path)...)
	if code != 0 {
		t.Fatalf("rawcap export-objects %s: exit %d: %s", path, code, errs)
	}
	w, g := dirFiles(t, want), dirFiles(t, got)
	if strings.Join(names(w), "\n") != strings.Join(names(g), "\n") {
		t.Errorf("%s: files differ:\ntshark: %q\nrawcap: %q", path, names(w), names(g))
		return len(w)
	}
	for name, b := range w {
		if !bytes.Equal(b, g[name]) {
			t.Errorf("%s: %s differs: tshark %d bytes %.40q, rawcap %d bytes %.40q", path, name, len(b), b, len(g[name]), g[name])
		}
	}
	return len(w)
}

// TestExportObjectsMatchesTshark holds export-objects http to tshark on
// the crafted HTTP capture (names from URIs with characters to escape,
// duplicates, pipelining, request bodies, chunked and gzip bodies,
// continuations), on testdata/demo.pcap and on every corpus capture in
// which rawcap finds HTTP.
func TestExportObjectsMatchesTshark(t *testing.T) {
	tshark := testshared.Oracle(t, "tshark")
	crafted := craftedHTTPCapture(t)
	if n := exportObjectsDiff(t, tshark, crafted); n != 20 {
		t.Errorf("tshark wrote %d objects for the crafted capture, want 20", n)
	}
	exportObjectsDiff(t, tshark, demoPcap)
	root := testshared.Path(t, "corpus")
	files, objects := 0, 0
	filepath.WalkDir(root, func(path string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() || strings.HasSuffix(path, ".json") || strings.HasSuffix(path, ".md") {
			return nil
		}
		if _, any := httpStreams(t, path); !any {
			return nil
		}
		files++
		objects += exportObjectsDiff(t, tshark, path)
		return nil
	})
	t.Logf("compared the objects of %d corpus captures with HTTP: %d files", files, objects)
}

// TestExportObjectsErrors checks what a person is told.
func TestExportObjectsErrors(t *testing.T) {
	path := craftedHTTPCapture(t)
	notDir := filepath.Join(t.TempDir(), "plain")
	os.WriteFile(notDir, nil, 0o644)
	empty := filepath.Join(t.TempDir(), "none")
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"export-objects", "smb", "d", path}, 2, "exports http objects only"},
		{[]string{"export-objects", "http", "d"}, 2, "give DIR, then one or more capture FILEs"},
		{[]string{"export-objects", "http", filepath.Join(notDir, "sub"), path}, 1, "give a directory you can write to"},
		{[]string{"export-objects", "http", "-Y", "tcp.port == 9", empty, path}, 0, "no HTTP objects to export"},
		{[]string{"export-objects", "http", strings.Repeat("d", 300), path}, 2, "directory name too long"},
	} {
		code, _, errs := rawcapRun(t, "", tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.msg) {
			t.Errorf("rawcap %q: exit %d, stderr %q; want exit %d and %q", tc.args, code, errs, tc.code, tc.msg)
		}
	}
	if ents, err := os.ReadDir(empty); err != nil || len(ents) != 0 {
		t.Errorf("nothing to export: the directory should exist and be empty: %v %v", ents, err)
	}
}

// TestExportObjectsSelect: -Y keeps the objects whose last packet matches.
func TestExportObjectsSelect(t *testing.T) {
	path := craftedHTTPCapture(t)
	dir := t.TempDir()
	code, _, errs := rawcapRun(t, "", "export-objects", "http", "-Y", "tcp.srcport == 80 && tcp.dstport == 41005", dir, path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	got := dirFiles(t, dir)
	if len(got) != 1 || string(got["form.cgi"]) != "ok" {
		t.Errorf("-Y wrote %q, want form.cgi holding the 201's body", names(got))
	}
}

// TestExportObjectsBound: past --max-message a body streams to its file
// and gets the same name and bytes (a gzip body then stays compressed),
// and no temporary file is left.
func TestExportObjectsBound(t *testing.T) {
	path := craftedHTTPCapture(t)
	whole, pieces := t.TempDir(), t.TempDir()
	if code, _, errs := rawcapRun(t, "", "export-objects", "http", whole, path); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	code, _, errs := rawcapRun(t, "", "export-objects", "http", "--max-message", "8", pieces, path)
	if code != 0 || !strings.Contains(errs, "bodies passed 8 bytes") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	w, g := dirFiles(t, whole), dirFiles(t, pieces)
	if strings.Join(names(w), " ") != strings.Join(names(g), " ") {
		t.Fatalf("names differ past the bound:\n%q\n%q", names(w), names(g))
	}
	for name, b := range w {
		if name == "data.json" {
			if !bytes.HasPrefix(g[name], []byte{0x1f, 0x8b}) {
				t.Errorf("data.json past the bound: %q, want the gzip bytes as sent", g[name])
			}
			continue
		}
		if !bytes.Equal(b, g[name]) {
			t.Errorf("%s past the bound: %q, want %q", name, g[name], b)
		}
	}
}
