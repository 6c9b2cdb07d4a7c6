package testshared

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	tsharkVersionOnce sync.Once
	tsharkVersionLine string
)

// TsharkVersion returns tshark's version line, or skips tb as Oracle does.
func TsharkVersion(tb testing.TB) string {
	tb.Helper()
	Oracle(tb, "tshark")
	tsharkVersionOnce.Do(func() {
		out, err := exec.Command("tshark", "--version").Output()
		if err == nil {
			tsharkVersionLine = strings.SplitN(string(out), "\n", 2)[0]
		}
	})
	if tsharkVersionLine == "" {
		tb.Skip("skipping: tshark --version failed")
	}
	return tsharkVersionLine
}

// Tshark runs `tshark -n -r path args…` in the C locale and UTC and
// returns its standard output, cached under the user cache directory
// (rawcap-KIND-difftest) by the file's contents, tshark's version and the
// arguments, so a second run costs nothing. It skips tb as Oracle does. A
// file tshark reads only in part (exit status 2 after its good packets)
// gives what tshark printed.
func Tshark(tb testing.TB, kind, path string, args ...string) []byte {
	tb.Helper()
	version := TsharkVersion(tb)
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v", err)
	}
	h := sha256.New()
	h.Write(data)
	fmt.Fprintf(h, "%s\x00%q", version, args)
	var cache string
	if dir, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(dir, "rawcap-"+kind+"-difftest", hex.EncodeToString(h.Sum(nil)[:16])+".txt")
		if out, err := os.ReadFile(cache); err == nil {
			return out
		}
	}
	cmd := exec.Command("tshark", append([]string{"-n", "-r", path}, args...)...)
	cmd.Env = append(os.Environ(), "TZ=UTC", "LC_ALL=C")
	out, _ := cmd.Output()
	if cache != "" {
		if err := os.MkdirAll(filepath.Dir(cache), 0o755); err == nil {
			tmp := cache + ".tmp" + fmt.Sprint(os.Getpid())
			if os.WriteFile(tmp, out, 0o644) == nil {
				os.Rename(tmp, cache)
			}
		}
	}
	return out
}
