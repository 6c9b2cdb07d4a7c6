package main

import (
	"fmt"
	"io"
	"os"
)

// checkedWriter remembers the first error of the writes through it, so a
// report made of many Fprintf calls checks them all at its end: a full disk
// or a closed pipe is a failure, not a silently short report.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(b []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(b)
	c.err = err
	return n, err
}

// file returns the *os.File under c, if there is one (for a terminal test
// or the SIGPIPE set-up).
func (c *checkedWriter) file() *os.File {
	f, _ := c.w.(*os.File)
	return f
}

// outputFile returns the *os.File that w writes to, seeing through a
// checkedWriter, or nil.
func outputFile(w io.Writer) *os.File {
	switch w := w.(type) {
	case *os.File:
		return w
	case *checkedWriter:
		return w.file()
	}
	return nil
}

// result returns the first write error, saying where the output went.
func (c *checkedWriter) result() error {
	if c.err != nil {
		return fmt.Errorf("writing to standard output: %w", c.err)
	}
	return nil
}

// notDirectory returns an error when the named input is a directory, which
// would otherwise read as an empty, cut-short capture file.
func notDirectory(name string) error {
	if fi, err := os.Stat(name); err == nil && fi.IsDir() {
		return fmt.Errorf("%s: is a directory, not a capture file", name)
	}
	return nil
}
