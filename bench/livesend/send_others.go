//go:build !linux

package main

import (
	"errors"
	"fmt"
	"runtime"
	"time"
)

func send(ifname, dstMAC string, sizes []int, rate, n int, limit time.Duration, workers int) error {
	return fmt.Errorf("sending with AF_PACKET needs Linux, not %s: %w", runtime.GOOS, errors.ErrUnsupported)
}
