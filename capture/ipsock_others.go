//go:build !linux && !windows

package capture

import (
	"errors"
	"fmt"
	"runtime"
)

// openIPSockets returns an error wrapping errors.ErrUnsupported: the raw IP
// socket mode is built for Linux and Windows.
func openIPSockets(cfg *IPSocketConfig) ([]ipSocket, string, error) {
	return nil, "", fmt.Errorf("capture: the raw IP socket mode is built for Linux and Windows, not %s: %w", runtime.GOOS, errors.ErrUnsupported)
}
