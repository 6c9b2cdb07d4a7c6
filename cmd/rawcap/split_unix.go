//go:build unix

package main

import "syscall"

// openFileBudget returns how many files split --by keeps open unless told:
// the soft descriptor limit less a margin, from 16 to 2048.
func openFileBudget() int {
	var l syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l); err != nil {
		return 256
	}
	return max(16, min(int(min(l.Cur, 1<<20))-64, 2048))
}
