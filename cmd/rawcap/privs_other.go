//go:build !unix

package main

import (
	"errors"
	"fmt"
)

func dropPrivileges(name string) error {
	return fmt.Errorf("running as %s: %w on this system", name, errors.ErrUnsupported)
}
