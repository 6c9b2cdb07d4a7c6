package main

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// replaceMin is the size from which createOutput replaces an existing
// output instead of truncating it (tests lower it).
var replaceMin int64 = 16 << 20

// replaceOutput creates name anew when it is a large regular file of ours,
// instead of truncating it. On ext4, truncating a file to zero and
// writing it again makes close start the writeback of the whole new file
// (auto_da_alloc, for programs that rewrite a file without fsync), and
// the truncation itself frees the old pages and blocks, after waiting for
// any still being written: together, most of the time of a merge over a
// previous output of a gigabyte or more. Here the old file is unlinked
// while held open, the new one created with its permissions, and the old
// one's blocks freed by the close of that last reference, on a goroutine
// of its own, while the merge writes. Nothing is left behind if the
// process dies: the kernel frees an unlinked file on its last close.
//
// Only a file that truncating would have kept the same in every other
// way is replaced: a regular file (not a symbolic link), with one link,
// of our user and group (a new file's, in a directory without the setgid
// bit), without extended attributes (ACLs), that we may write, on a file
// system with room for twice its size. Otherwise
// it returns nil and the caller truncates as before. done, when not nil,
// waits for the old file's release.
func replaceOutput(name string) (f *os.File, done func()) {
	var st, dst unix.Stat_t
	if unix.Lstat(name, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG || st.Size < replaceMin ||
		st.Nlink != 1 || st.Uid != uint32(os.Geteuid()) || st.Gid != uint32(os.Getegid()) ||
		unix.Stat(filepath.Dir(name), &dst) != nil || dst.Mode&unix.S_ISGID != 0 {
		return nil, nil
	}
	old, err := os.OpenFile(name, os.O_WRONLY, 0) // as os.Create would open it: we may write it
	if err != nil {
		return nil, nil
	}
	var ost unix.Stat_t
	if unix.Fstat(int(old.Fd()), &ost) != nil || ost.Ino != st.Ino || ost.Dev != st.Dev {
		old.Close()
		return nil, nil // replaced meanwhile
	}
	if n, err := unix.Flistxattr(int(old.Fd()), nil); err != nil || n > 0 {
		old.Close()
		return nil, nil
	}
	// The old file's blocks are freed while the new one is written: with
	// less room than twice its size, a new output of the same size could
	// run out of it where truncation would not.
	var fs unix.Statfs_t
	if unix.Fstatfs(int(old.Fd()), &fs) != nil || fs.Bavail*uint64(fs.Bsize) < 2*uint64(st.Size) {
		old.Close()
		return nil, nil
	}
	if err := os.Remove(name); err != nil {
		old.Close()
		return nil, nil
	}
	release := make(chan struct{})
	go func() {
		old.Close() // the last reference: the kernel frees the file now
		close(release)
	}()
	done = func() { <-release }
	f, err = os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, done // created by someone meanwhile: truncate it as before
	}
	if err := f.Chmod(os.FileMode(ost.Mode & 0o777)); err != nil {
		f.Close()
		return nil, done
	}
	return f, done
}
