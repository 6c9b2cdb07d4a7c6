// Package testshared finds the conformance material that tests read from
// ../shared beside the repository (the corpus of public captures with what
// tshark and tcpdump read from them, and the filter suite), and skips a
// test with a message saying where it looked when the material is absent.
// It is for tests only; the material is never copied into the repository.
package testshared

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Root returns the repository root: the nearest directory above the working
// directory (a test's package directory) that holds go.mod.
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the test directory")
		}
		dir = parent
	}
}

// Find returns ../shared beside the repository root, or an error saying
// where it was looked for.
func Find() (string, error) {
	root, err := Root()
	if err != nil {
		return "", err
	}
	shared := filepath.Join(root, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		return "", fmt.Errorf("the shared test material is not at %s (../shared beside the repository): %w", shared, err)
	}
	return shared, nil
}

// Dir returns ../shared, or skips tb when it is absent.
func Dir(tb testing.TB) string {
	tb.Helper()
	shared, err := Find()
	if err != nil {
		tb.Skip("skipping: ", err)
	}
	return shared
}

// Path returns the named file or directory under ../shared (for example
// Path(t, "corpus")), or skips tb when it is absent.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{Dir(tb)}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("skipping: %s is absent from the shared test material: %v", filepath.Join(elem...), err)
	}
	return p
}

// Oracle returns the path of the reference tool name (tshark, tcpdump,
// editcap …) for a differential test, or skips tb: under -short, where the
// quick loop leaves the oracle runs to CI, and where the tool is not
// installed.
func Oracle(tb testing.TB, name string) string {
	tb.Helper()
	if testing.Short() {
		tb.Skipf("skipping the comparison with %s in -short mode", name)
	}
	path, err := exec.LookPath(name)
	if err != nil {
		tb.Skipf("skipping: %s is not installed (%v)", name, err)
	}
	return path
}
