//go:build !linux

package netns

import (
	"net/netip"
	"os/exec"
	"testing"
)

// NS is a network namespace made for a test.
type NS struct{ Name string }

// Pair is two namespaces joined by a veth pair.
type Pair struct {
	A, B         *NS
	IfA, IfB     string
	AddrA, AddrB netip.Prefix
}

// New skips: network namespaces exist only on Linux.
func New(t testing.TB) *NS { t.Skip("network namespaces need Linux"); return nil }

// NewPair skips: network namespaces exist only on Linux.
func NewPair(t testing.TB) *Pair { t.Skip("network namespaces need Linux"); return nil }

// Do is not available outside Linux.
func (ns *NS) Do(fn func() error) error { return nil }

// Command is not available outside Linux.
func (ns *NS) Command(name string, args ...string) *exec.Cmd { return exec.Command(name, args...) }

// IP is not available outside Linux.
func (ns *NS) IP(t testing.TB, args ...string) string { return "" }

// Link is one more veth pair between a Pair's namespaces.
type Link struct {
	IfA, IfB     string
	AddrA, AddrB netip.Prefix
}

// AddLink skips: network namespaces exist only on Linux.
func (p *Pair) AddLink(t testing.TB, ifA, ifB string) *Link {
	t.Skip("network namespaces need Linux")
	return nil
}
