//go:build !linux

package main

import (
	"errors"
	"fmt"
	"runtime"
)

func send(ifname, dstMAC string, size, rate, n int) error {
	return fmt.Errorf("sending with AF_PACKET needs Linux, not %s: %w", runtime.GOOS, errors.ErrUnsupported)
}
