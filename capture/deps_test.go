package capture

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoFileFormatDependencies holds capture to what a capture needs: the
// packet record, not pcapio's readers with their gzip and zstd
// decompressors.
func TestNoFileFormatDependencies(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/rawcap/rawcap/capture").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "compress/") || strings.Contains(dep, "klauspost") || dep == "github.com/rawcap/rawcap/pcapio" {
			t.Errorf("capture depends on %s", dep)
		}
	}
}
