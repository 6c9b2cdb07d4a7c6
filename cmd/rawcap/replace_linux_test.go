package main

import (
	"bytes"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestMergeReplacesLargeOutput: an existing output of replaceMin bytes or
// more is replaced by a new file with its permissions (the merge's bytes
// are those of a merge into a new file); a hard-linked one, a symbolic
// link and a read-only one are truncated or refused as os.Create does.
func TestMergeReplacesLargeOutput(t *testing.T) {
	defer func(n int64) { replaceMin = n }(replaceMin)
	replaceMin = 1000
	dir := t.TempDir()
	a := filepath.Join(dir, "a.pcap")
	genPcap(t, a, 500, 1, tbT0)
	fresh := filepath.Join(dir, "fresh.pcap")
	if code, _, stderr := rawcapRun(t, "", "merge", "-w", fresh, a, a); code != 0 {
		t.Fatalf("merge into a new file: exit %d, %s", code, stderr)
	}
	want, _ := os.ReadFile(fresh)
	old := bytes.Repeat([]byte("old output "), 2000) // longer than the merge
	ino := func(name string) uint64 {
		fi, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Sys().(*syscall.Stat_t).Ino
	}
	check := func(name string) {
		t.Helper()
		if got, _ := os.ReadFile(name); !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes, want the %d of a merge into a new file", filepath.Base(name), len(got), len(want))
		}
	}

	out := filepath.Join(dir, "out.pcap")
	os.WriteFile(out, old, 0o640)
	os.Chmod(out, 0o640)
	// The old file held open: replaced, it is unlinked (no name left);
	// truncated, it keeps its name. Its inode number cannot serve, as the
	// file system may give it to the new file once the old one is freed.
	held, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if code, _, stderr := rawcapRun(t, "", "merge", "-w", out, a, a); code != 0 {
		t.Fatalf("exit %d, %s", code, stderr)
	}
	check(out)
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want the old file's -rw-r-----", fi.Mode())
	}
	if fi, err := held.Stat(); err != nil || fi.Sys().(*syscall.Stat_t).Nlink != 0 {
		t.Errorf("the old file was truncated, not replaced")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 3 {
		t.Errorf("directory holds %d files, want 3 (nothing left behind)", len(ents))
	}

	// A second name for the file: both must see the merge, as with truncation.
	link := filepath.Join(dir, "link.pcap")
	os.WriteFile(out, old, 0o640)
	if err := os.Link(out, link); err != nil {
		t.Fatal(err)
	}
	before := ino(out)
	if code, _, stderr := rawcapRun(t, "", "merge", "-w", out, a, a); code != 0 {
		t.Fatalf("exit %d, %s", code, stderr)
	}
	check(link)
	if ino(out) != before {
		t.Errorf("a hard-linked output was replaced")
	}

	// A symbolic link: the merge goes to its target.
	target := filepath.Join(dir, "target.pcap")
	sym := filepath.Join(dir, "sym.pcap")
	os.WriteFile(target, old, 0o644)
	os.Symlink(target, sym)
	if code, _, stderr := rawcapRun(t, "", "merge", "-w", sym, a, a); code != 0 {
		t.Fatalf("exit %d, %s", code, stderr)
	}
	check(target)
	if fi, err := os.Lstat(sym); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symbolic link was replaced")
	}

	// A file we may not write stays as it was, and the merge fails.
	if os.Geteuid() != 0 {
		ro := filepath.Join(dir, "ro.pcap")
		os.WriteFile(ro, old, 0o444)
		if code, _, _ := rawcapRun(t, "", "merge", "-w", ro, a, a); code == 0 {
			t.Errorf("merge over a read-only file succeeded")
		}
		if got, _ := os.ReadFile(ro); !bytes.Equal(got, old) {
			t.Errorf("read-only file changed")
		}
	}
}
