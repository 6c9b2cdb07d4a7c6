package capture

import (
	"os"
	"os/exec"
	"testing"
)

// TestWindowsBuildCaptures builds rawcap for Windows, where the raw IP
// socket mode (SIO_RCVALL) is the native capture: it cannot run here, but it
// must build, and vet clean.
func TestWindowsBuildCaptures(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the Windows build under -short")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("skipping: no go command")
	}
	for _, args := range [][]string{
		{"build", "-o", os.DevNull, "github.com/rawcap/rawcap/cmd/rawcap"},
		{"vet", "github.com/rawcap/rawcap/capture"},
	} {
		cmd := exec.Command("go", args...)
		cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("GOOS=windows go %v: %v\n%s", args, err, out)
		}
	}
}
