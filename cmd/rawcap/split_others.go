//go:build !unix

package main

// openFileBudget returns how many files split --by keeps open unless told.
func openFileBudget() int { return 256 }
