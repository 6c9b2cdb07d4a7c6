package main

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/internal/netns"
	"github.com/rawcap/rawcap/internal/testshared"
)

// TestLiveAnyPrintsLikeTcpdump captures on -i any in a namespace while
// traffic crosses the veth (in and out) and the loopback (in: libpcap
// drops the outgoing copy of each loopback packet, and so does rawcap),
// printing the lines live (--print) and writing the Linux cooked v2 file.
// tcpdump -r of that file, run in the same namespace so that the
// interface indexes name the same interfaces, must print the same lines:
// "vethA In  IP …", "vethA Out IP …", "lo    In  IP …", and with -e the cooked header.
// rawcap -r of the file must print them too, with tcpdump's warning.
func TestLiveAnyPrintsLikeTcpdump(t *testing.T) {
	tcpdump := testshared.Oracle(t, "tcpdump")
	p := netns.NewPair(t)
	out := filepath.Join(t.TempDir(), "any.pcap")
	const n = 12
	r := startRawcap(t, p.A, "-i", "any", "-n", "--print", "-w", out, "-c", "12", "udp or icmp")
	// 4 datagrams B → A (vethA In), each answered by an ICMP port
	// unreachable (vethA Out); 2 datagrams to 127.0.0.1 in A, each also
	// answered by a port unreachable (lo In).
	sendUDP(t, p, "any", 4, 60)
	err := p.A.Do(func() error {
		c, err := net.ListenPacket("udp4", "127.0.0.1:0")
		if err != nil {
			return err
		}
		defer c.Close()
		for range 2 {
			if _, err := c.WriteTo([]byte("rawcap-live-any-loopback"), &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 9998}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, r.stderr.String())
	}
	live := r.stdout.String()
	for _, want := range []string{"vethA In  IP ", "vethA Out IP ", "lo    In  IP "} {
		if !strings.Contains(live, want) {
			t.Errorf("no line with %q in rawcap's live output:\n%s", want, live)
		}
	}
	if got := strings.Count(live, "\n"); got != n {
		t.Errorf("%d lines printed live, want %d:\n%s", got, n, live)
	}
	inNS := func(name string, args ...string) (stdout, stderr string) {
		t.Helper()
		cmd := p.A.Command(name, args...)
		cmd.Env = append(os.Environ(), "TZ=UTC")
		var e strings.Builder
		cmd.Stderr = &e
		o, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, e.String())
		}
		return string(o), e.String()
	}
	want, _ := inNS(tcpdump, "-n", "-r", out)
	// The live lines were printed in the test's time zone.
	got, _ := inNS(rawcapBinary(t), "-n", "-r", out)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rawcap -r of the -i any file (-tcpdump +rawcap):\n%s", diff)
	}
	if want, _ := inNS(tcpdump, "-n", "-t", "-r", out); stripTimes(live) != want {
		t.Errorf("rawcap's live lines differ from tcpdump's of the same packets (-tcpdump +rawcap):\n%s", cmp.Diff(want, stripTimes(live)))
	}
	for _, flags := range [][]string{{"-e"}, {"-q", "-e"}, {"-x"}, {"-v"}} {
		args := append(append([]string{"-n"}, flags...), "-r", out)
		want, werr := inNS(tcpdump, args...)
		got, gerr := inNS(rawcapBinary(t), args...)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("rawcap %v (-tcpdump +rawcap):\n%s", args, diff)
		}
		if diff := cmp.Diff(werr, gerr); diff != "" {
			t.Errorf("standard error of %v (-tcpdump +rawcap):\n%s", args, diff)
		}
	}
}

// stripTimes removes the leading timestamp ("15:04:05.000000 ") of each
// line.
func stripTimes(s string) string {
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		if k := strings.IndexByte(l, ' '); k > 0 && !strings.HasPrefix(l, "\t") {
			lines[i] = l[k+1:]
		}
	}
	return strings.Join(lines, "")
}
