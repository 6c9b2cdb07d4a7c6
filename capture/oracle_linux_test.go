package capture

import (
	"bytes"
	"encoding/hex"
	"errors"
	"io"
	"net/netip"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/rawcap/rawcap/internal/netns"
	"github.com/rawcap/rawcap/pcapio"
)

// syncBuffer is a bytes.Buffer that a command's stderr writes to while the
// test reads it.
type syncBuffer struct {
	mu chan struct{}
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu <- struct{}{}
	defer func() { <-s.mu }()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu <- struct{}{}
	defer func() { <-s.mu }()
	return s.b.String()
}

// TestMatchesTcpdump captures the same traffic (UDP, ICMP, a TCP connection,
// and VLAN-tagged frames whose tags the kernel strips) with tcpdump -w and
// with capture, side by side, on a veth (Ethernet) and on any (LINUX_SLL2),
// and checks that both hold exactly the same frames, byte for byte.
func TestMatchesTcpdump(t *testing.T) {
	if _, err := exec.LookPath("tcpdump"); err != nil {
		t.Skip("skipping: tcpdump is not installed")
	}
	for _, dev := range []string{"vethA", "any"} {
		t.Run(dev, func(t *testing.T) {
			p := netns.NewPair(t)
			file := filepath.Join(t.TempDir(), "tcpdump.pcap")
			// A big buffer: in immediate mode, libpcap's default 2 MiB holds
			// only 8 frames of 256 KiB, and tcpdump itself drops packets.
			cmd := p.A.Command("tcpdump", "-i", dev, "-w", file, "-Z", "root", "--immediate-mode", "-B", "32768")
			stderr := &syncBuffer{mu: make(chan struct{}, 1)}
			cmd.Stderr = stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 100 && !strings.Contains(stderr.String(), "listening on"); i++ {
				time.Sleep(20 * time.Millisecond)
			}
			h := openIn(t, p.A, Config{Interface: dev})
			rec := record(h)
			sendTagged(t, p)
			tr := sendTraffic(t, p, "oracle", 10, netip.Addr{})
			ours := rec.stop(t, hasUDP(tr.udp[len(tr.udp)-1]))
			time.Sleep(time.Second) // tcpdump stops without reading what its ring holds
			cmd.Process.Signal(syscall.SIGINT)
			if err := cmd.Wait(); err != nil {
				t.Fatalf("tcpdump: %v\n%s", err, stderr.String())
			}
			r, err := pcapio.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			var theirs []string
			for {
				pk, err := r.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				if pk.LinkType != h.LinkType() || pk.Length != len(pk.Data) {
					t.Errorf("tcpdump wrote link type %v, %d of %d bytes", pk.LinkType, len(pk.Data), pk.Length)
				}
				theirs = append(theirs, hex.EncodeToString(pk.Data))
			}
			var mine []string
			for _, pk := range ours {
				mine = append(mine, hex.EncodeToString(pk.Data))
			}
			slices.Sort(theirs)
			slices.Sort(mine)
			if diff := cmp.Diff(theirs, mine); diff != "" {
				t.Errorf("frames (-tcpdump +capture):\n%s", diff)
			}
			if !strings.Contains(stderr.String(), "\n0 packets dropped by kernel") {
				t.Errorf("tcpdump dropped packets, the comparison is void:\n%s", stderr.String())
			}
			t.Logf("%d frames compared", len(mine))
		})
	}
}
