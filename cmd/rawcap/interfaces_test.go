package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"os/exec"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rawcap/rawcap/internal/netns"
)

// TestInterfacesMatchesTcpdump lists the interfaces of a fresh namespace
// (working, loopback, up without carrier, down) and checks the -D lines
// against tcpdump -D run in the same namespace: the same interfaces in the
// same order with the same flags. tcpdump also lists pseudo-devices rawcap
// cannot capture on (nflog, dbus…), which shift its numbers; they are left out
// of the comparison, and so are the numbers.
func TestInterfacesMatchesTcpdump(t *testing.T) {
	if _, err := exec.LookPath("tcpdump"); err != nil {
		t.Skip("skipping: tcpdump is not installed")
	}
	p := netns.NewPair(t)
	p.A.IP(t, "link", "add", "down0", "type", "veth", "peer", "name", "down1")
	p.A.IP(t, "link", "add", "nc0", "type", "veth", "peer", "name", "nc1")
	p.A.IP(t, "link", "set", "nc0", "up")
	tcpdump, err := p.A.Command("tcpdump", "-D").Output()
	if err != nil {
		t.Fatalf("tcpdump -D: %v", err)
	}
	var out bytes.Buffer
	if err := p.A.Do(func() error { return printInterfaceList(&out) }); err != nil {
		t.Fatal(err)
	}
	var got []string
	names := map[string]bool{}
	for i, l := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		num, rest, _ := strings.Cut(l, ".")
		if num != fmt.Sprint(i+1) {
			t.Errorf("line %d is numbered %q", i+1, num)
		}
		got = append(got, rest)
		names[strings.Fields(rest)[0]] = true
	}
	var want []string
	for _, l := range strings.Split(strings.TrimSpace(string(tcpdump)), "\n") {
		_, rest, _ := strings.Cut(l, ".")
		if names[strings.Fields(rest)[0]] {
			want = append(want, rest)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("interface list (-tcpdump -D +rawcap):\n%s", diff)
	}
	if len(got) != 7 {
		t.Errorf("rawcap lists %d interfaces, want 7 (vethA, any, lo, nc0, nc1, down0, down1):\n%s", len(got), out.String())
	}
}

// TestInterfacesCommand checks the detailed text and the JSON of
// `rawcap interfaces` in a namespace whose interfaces the test knows.
func TestInterfacesCommand(t *testing.T) {
	p := netns.NewPair(t)
	var veth *net.Interface
	var code int
	var out, js, errs string
	err := p.A.Do(func() (err error) {
		veth, err = net.InterfaceByName(p.IfA)
		return err
	})
	// The binary, run inside the namespace: in-process, a goroutine of
	// the command could run on a thread outside it.
	runIn := func(args ...string) (int, string, string) {
		cmd := p.A.Command(rawcapBinary(t), args...)
		var o, e strings.Builder
		cmd.Stdout, cmd.Stderr = &o, &e
		if err := cmd.Run(); err != nil {
			if ee, ok := err.(*exec.ExitError); ok {
				return ee.ExitCode(), o.String(), e.String()
			}
			t.Fatal(err)
		}
		return 0, o.String(), e.String()
	}
	if err == nil {
		code, out, errs = runIn("interfaces")
		if code == 0 {
			code, js, errs = runIn("interfaces", "--json")
		}
	}
	if err != nil || code != 0 {
		t.Fatalf("rawcap interfaces: %v, exit %d, %s", err, code, errs)
	}
	want := fmt.Sprintf(`1.vethA [Up, Running, Connected]
	index %d, link-type EN10MB (Ethernet), hardware address %s
	inet %s
2.any (Pseudo-device that captures on all interfaces) [Up, Running]
	index 0, link-type LINUX_SLL2 (Linux cooked v2)
3.lo [Up, Running, Loopback]
	index 1, link-type EN10MB (Ethernet)
	inet 127.0.0.1/8
`, veth.Index, veth.HardwareAddr, p.AddrA)
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("rawcap interfaces (-want +got):\n%s", diff)
	}
	var list []ifaceInfo
	if err := json.Unmarshal([]byte(js), &list); err != nil {
		t.Fatalf("--json output %q: %v", js, err)
	}
	wantJSON := []ifaceInfo{
		{Number: 1, Index: veth.Index, Name: "vethA", Up: true, Running: true, Connection: "connected",
			HardwareAddr: veth.HardwareAddr.String(), Addresses: []string{p.AddrA.String()}, LinkType: "EN10MB", LinkTypeNum: 1},
		{Number: 2, Name: "any", Description: "Pseudo-device that captures on all interfaces", Up: true, Running: true,
			Addresses: []string{}, LinkType: "LINUX_SLL2", LinkTypeNum: 276},
		{Number: 3, Index: 1, Name: "lo", Up: true, Running: true, Loopback: true,
			Addresses: []string{"127.0.0.1/8"}, LinkType: "EN10MB", LinkTypeNum: 1},
	}
	if diff := cmp.Diff(wantJSON, list); diff != "" {
		t.Errorf("rawcap interfaces --json (-want +got):\n%s", diff)
	}
}

func TestInterfacesUsage(t *testing.T) {
	if code, _, _ := rawcapRun(t, "", "interfaces", "eth0"); code != 2 {
		t.Errorf("rawcap interfaces eth0: exit %d, want 2", code)
	}
}
