package netns

import (
	"bytes"
	"fmt"
	"net/netip"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/sys/unix"
)

// NS is a network namespace made for a test, named rawcap-test-<pid>-<n>.
type NS struct{ Name string }

// Pair is two namespaces, A and B, joined by a veth pair (IfA in A, IfB in B)
// with addresses AddrA and AddrB (10.200.N.1/24 and 10.200.N.2/24), all up.
type Pair struct {
	A, B         *NS
	IfA, IfB     string
	AddrA, AddrB netip.Prefix
}

var counter atomic.Int32

// skipUnlessAble skips t when namespaces cannot be made here.
func skipUnlessAble(t testing.TB) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("skipping: network namespaces need root (run the live tests with sudo, or in CI)")
	}
	if _, err := exec.LookPath("ip"); err != nil {
		t.Skip("skipping: the ip command (iproute2) is not installed")
	}
}

// New creates an empty namespace with its loopback up and IPv6 off (so that
// no router solicitation or DAD packet clutters a capture), deleted when t
// ends.
func New(t testing.TB) *NS {
	t.Helper()
	skipUnlessAble(t)
	ns := &NS{Name: fmt.Sprintf("rawcap-test-%d-%d", os.Getpid(), counter.Add(1))}
	run(t, "ip", "netns", "add", ns.Name)
	t.Cleanup(func() {
		if out, err := exec.Command("ip", "netns", "del", ns.Name).CombinedOutput(); err != nil {
			t.Errorf("deleting namespace %s: %v: %s", ns.Name, err, out)
		}
	})
	err := ns.Do(func() error {
		for _, f := range []string{"all", "default"} {
			if err := os.WriteFile("/proc/sys/net/ipv6/conf/"+f+"/disable_ipv6", []byte("1"), 0); err != nil && !os.IsNotExist(err) {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("turning IPv6 off in %s: %v", ns.Name, err)
	}
	ns.IP(t, "link", "set", "lo", "up")
	return ns
}

// NewPair creates namespaces A and B and a veth pair between them, addressed
// 10.200.N.1/24 (vethA, in A) and 10.200.N.2/24 (vethB, in B), up.
func NewPair(t testing.TB) *Pair {
	t.Helper()
	a, b := New(t), New(t)
	n := counter.Add(1) % 250
	p := &Pair{
		A: a, B: b, IfA: "vethA", IfB: "vethB",
		AddrA: netip.MustParsePrefix(fmt.Sprintf("10.200.%d.1/24", n)),
		AddrB: netip.MustParsePrefix(fmt.Sprintf("10.200.%d.2/24", n)),
	}
	run(t, "ip", "link", "add", "name", p.IfA, "netns", a.Name, "type", "veth", "peer", "name", p.IfB, "netns", b.Name)
	a.IP(t, "addr", "add", p.AddrA.String(), "dev", p.IfA)
	b.IP(t, "addr", "add", p.AddrB.String(), "dev", p.IfB)
	a.IP(t, "link", "set", p.IfA, "up")
	b.IP(t, "link", "set", p.IfB, "up")
	return p
}

// Link is one more veth pair between a Pair's namespaces: IfA in A, IfB in
// B, with addresses AddrA and AddrB in a subnet of its own, both up.
type Link struct {
	IfA, IfB     string
	AddrA, AddrB netip.Prefix
}

// AddLink joins p's namespaces with another veth pair, named ifA (in A) and
// ifB (in B), addressed 10.201.N.1/24 and 10.201.N.2/24, up; it goes when
// the namespaces do.
func (p *Pair) AddLink(t testing.TB, ifA, ifB string) *Link {
	t.Helper()
	n := counter.Add(1) % 250
	l := &Link{
		IfA: ifA, IfB: ifB,
		AddrA: netip.MustParsePrefix(fmt.Sprintf("10.201.%d.1/24", n)),
		AddrB: netip.MustParsePrefix(fmt.Sprintf("10.201.%d.2/24", n)),
	}
	run(t, "ip", "link", "add", "name", ifA, "netns", p.A.Name, "type", "veth", "peer", "name", ifB, "netns", p.B.Name)
	p.A.IP(t, "addr", "add", l.AddrA.String(), "dev", ifA)
	p.B.IP(t, "addr", "add", l.AddrB.String(), "dev", ifB)
	p.A.IP(t, "link", "set", ifA, "up")
	p.B.IP(t, "link", "set", ifB, "up")
	return l
}

// IP runs "ip -n NAME args…" and returns its output; it fails t on error.
func (ns *NS) IP(t testing.TB, args ...string) string {
	t.Helper()
	return run(t, "ip", append([]string{"-n", ns.Name}, args...)...)
}

// Command returns a command that runs name inside the namespace (through
// "ip netns exec").
func (ns *NS) Command(name string, args ...string) *exec.Cmd {
	return exec.Command("ip", append([]string{"netns", "exec", ns.Name, name}, args...)...)
}

// Do runs fn on a dedicated OS thread that has joined the namespace. Sockets
// that fn creates stay in the namespace and may be used from any goroutine
// afterwards. The thread goes back to its original namespace; if it cannot,
// it stays locked and the runtime discards it.
func (ns *NS) Do(fn func() error) error {
	errc := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		orig, err := unix.Open("/proc/thread-self/ns/net", unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err != nil {
			runtime.UnlockOSThread()
			errc <- fmt.Errorf("netns: opening this thread's namespace: %w", err)
			return
		}
		defer unix.Close(orig)
		target, err := unix.Open("/var/run/netns/"+ns.Name, unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err != nil {
			runtime.UnlockOSThread()
			errc <- fmt.Errorf("netns: opening namespace %s: %w", ns.Name, err)
			return
		}
		defer unix.Close(target)
		if err := unix.Setns(target, unix.CLONE_NEWNET); err != nil {
			runtime.UnlockOSThread()
			errc <- fmt.Errorf("netns: entering namespace %s: %w", ns.Name, err)
			return
		}
		ferr := fn()
		if err := unix.Setns(orig, unix.CLONE_NEWNET); err != nil {
			// Leave the thread locked: it dies with this goroutine.
			errc <- fmt.Errorf("netns: leaving namespace %s: %w", ns.Name, err)
			return
		}
		runtime.UnlockOSThread()
		errc <- ferr
	}()
	return <-errc
}

func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v: %s", name, strings.Join(args, " "), err, errb.String())
	}
	return out.String()
}
