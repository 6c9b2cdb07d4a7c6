//go:build !unix

package main

import (
	"errors"
	"fmt"
	"os"
)

func dropPrivileges(name string) error {
	return fmt.Errorf("running as %s: %w on this system", name, errors.ErrUnsupported)
}

// notifyStatsSignal does nothing where there is no SIGUSR1.
func notifyStatsSignal(chan<- os.Signal) {}
