package main

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/rawcap/rawcap/internal/netns"
	"github.com/rawcap/rawcap/pcapio"
)

// These tests run the rawcap binary inside a network namespace that they
// create, capturing on one end of a veth pair while the test sends its own
// traffic from the other end. No packet leaves the two namespaces.

// liveRun is a rawcap process capturing inside namespace A.
type liveRun struct {
	cmd            *exec.Cmd
	stdout, stderr bytes.Buffer
	done           chan error
}

// startRawcap starts rawcap in ns with args and waits until it is listening.
func startRawcap(t *testing.T, ns *netns.NS, args ...string) *liveRun {
	t.Helper()
	r := &liveRun{cmd: ns.Command(rawcapBinary(t), args...), done: make(chan error, 1)}
	r.cmd.Stdout = &r.stdout
	pr, pw := io.Pipe()
	r.cmd.Stderr = pw
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	listening := make(chan struct{})
	copied := make(chan struct{}) // the stderr copy has ended: r.stderr is whole
	go func() {
		defer close(copied)
		buf := make([]byte, 4096)
		once := sync.Once{}
		for {
			n, err := pr.Read(buf)
			r.stderr.Write(buf[:n])
			if strings.Contains(r.stderr.String(), "listening on") {
				once.Do(func() { close(listening) })
			}
			if err != nil {
				return
			}
		}
	}()
	go func() { err := r.cmd.Wait(); pw.Close(); <-copied; r.done <- err }()
	select {
	case <-listening:
	case err := <-r.done:
		t.Fatalf("rawcap %v exited before listening: %v\n%s", args, err, r.stderr.String())
	case <-time.After(20 * time.Second):
		r.cmd.Process.Kill()
		t.Fatalf("rawcap %v is not listening after 20s:\n%s", args, r.stderr.String())
	}
	return r
}

// wait waits for rawcap to exit and returns its exit code.
func (r *liveRun) wait(t *testing.T) int {
	t.Helper()
	select {
	case err := <-r.done:
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(30 * time.Second):
		r.cmd.Process.Kill()
		t.Fatalf("rawcap did not exit within 30s:\n%s", r.stderr.String())
	}
	return -1
}

// sendUDP sends n datagrams with unique payloads "rawcap-live-<tag>-<i>"
// of at least size bytes from namespace B to A's address, port 9999.
func sendUDP(t *testing.T, p *netns.Pair, tag string, n, size int) [][]byte {
	t.Helper()
	return sendUDPTo(t, p.B, p.AddrA.Addr(), tag, n, size)
}

// sendUDPTo sends as sendUDP does, from namespace ns to dst.
func sendUDPTo(t *testing.T, ns *netns.NS, dst netip.Addr, tag string, n, size int) [][]byte {
	t.Helper()
	var payloads [][]byte
	err := ns.Do(func() error {
		// Unconnected, so that A's port-unreachable replies do not fail
		// the next write with ECONNREFUSED.
		c, err := net.ListenPacket("udp4", ":0")
		if err != nil {
			return err
		}
		to := &net.UDPAddr{IP: dst.AsSlice(), Port: 9999}
		defer c.Close()
		for i := range n {
			b := []byte(fmt.Sprintf("rawcap-live-%s-%06d-", tag, i))
			for len(b) < size {
				b = append(b, byte('a'+len(b)%26))
			}
			if _, err := c.WriteTo(b, to); err != nil {
				return err
			}
			payloads = append(payloads, b)
			if i%50 == 49 {
				time.Sleep(time.Millisecond) // let the veth queue breathe
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("sending from %s: %v", ns.Name, err)
	}
	return payloads
}

// readCapture returns the packets of the named files, in order.
func liveFiles(t *testing.T, names ...string) []pcapio.Packet {
	t.Helper()
	var pkts []pcapio.Packet
	for _, name := range names {
		r, err := pcapio.Open(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for {
			p, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			pkts = append(pkts, p.Clone())
		}
		r.Close()
	}
	return pkts
}

// checkPayloads requires every payload to be in exactly one packet.
func checkPayloads(t *testing.T, pkts []pcapio.Packet, payloads [][]byte) {
	t.Helper()
	for _, want := range payloads {
		n := 0
		for _, p := range pkts {
			if bytes.HasSuffix(p.Data, want) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("payload %q captured %d times, want once", want[:24], n)
		}
	}
}

// tsharkClean requires tshark and capinfos to read name without a warning.
func tsharkClean(t *testing.T, name string, wantPackets int) {
	t.Helper()
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Log("tshark is not installed: not checking the file with it")
		return
	}
	out, err := exec.Command("tshark", "-r", name, "-T", "fields", "-e", "frame.number").Output()
	if err != nil {
		t.Fatalf("tshark -r %s: %v", name, err)
	}
	if got := strings.Count(string(out), "\n"); got != wantPackets {
		t.Errorf("tshark reads %d packets from %s, want %d", got, name, wantPackets)
	}
	var stderr bytes.Buffer
	c := exec.Command("capinfos", name)
	c.Stderr = &stderr
	if err := c.Run(); err != nil || stderr.Len() > 0 {
		t.Errorf("capinfos %s: %v: %s", name, err, stderr.String())
	}
}

func liveStats(t *testing.T, stderr string, captured int) {
	t.Helper()
	want := fmt.Sprintf("%d packets captured\n", captured)
	if !strings.Contains(stderr, want) || !strings.Contains(stderr, "packets received by filter\n") ||
		!strings.Contains(stderr, "0 packets dropped by kernel\n") {
		t.Errorf("statistics on stderr do not say %q, received by filter, and 0 dropped:\n%s", want, stderr)
	}
}

func TestLiveWriteWithFilterAndCount(t *testing.T) {
	p := netns.NewPair(t)
	out := filepath.Join(t.TempDir(), "out.pcap")
	r := startRawcap(t, p.A, "-i", p.IfA, "-w", out, "-c", "40", "udp and dst port 9999")
	// Pings go through too, and the filter must leave them out.
	if err := p.B.Command("ping", "-c", "3", "-i", "0.2", p.AddrA.Addr().String()).Run(); err != nil {
		t.Logf("ping: %v (the check below still holds)", err)
	}
	payloads := sendUDP(t, p, "count", 40, 100)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, r.stderr.String())
	}
	pkts := liveFiles(t, out)
	if len(pkts) != 40 {
		t.Fatalf("file holds %d packets, want 40 (the UDP ones)", len(pkts))
	}
	checkPayloads(t, pkts, payloads)
	tsharkClean(t, out, 40)
	liveStats(t, r.stderr.String(), 40)
}

func TestLiveSIGINTLeavesPcapNGWithStatistics(t *testing.T) {
	p := netns.NewPair(t)
	out := filepath.Join(t.TempDir(), "out.pcapng")
	r := startRawcap(t, p.A, "-i", p.IfA, "-w", out, "udp")
	payloads := sendUDP(t, p, "sigint", 25, 200)
	time.Sleep(300 * time.Millisecond)
	r.cmd.Process.Signal(syscall.SIGINT)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d after SIGINT:\n%s", code, r.stderr.String())
	}
	pkts := liveFiles(t, out)
	if len(pkts) != 25 {
		t.Fatalf("file holds %d packets, want 25", len(pkts))
	}
	checkPayloads(t, pkts, payloads)
	for _, pk := range pkts {
		if f, ok := pk.Options.Flags(); !ok || f != 0b101 {
			t.Fatalf("packet epb_flags %#b (present %v), want inbound unicast 0b101", f, ok)
		}
	}
	rd, err := pcapio.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	for {
		if _, err := rd.NextBlock(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
	}
	ifs := rd.Interfaces()
	if len(ifs) != 1 || ifs[0].Name != p.IfA || ifs[0].Filter != "udp" || ifs[0].Stats == nil {
		t.Fatalf("interfaces %+v: want one named %s with filter \"udp\" and statistics", ifs, p.IfA)
	}
	if st := ifs[0].Stats; st.Delivered != 25 || st.Received < 25 || st.OSDropped != 0 {
		t.Errorf("statistics block: delivered %d received %d dropped %d, want 25, ≥25, 0", st.Delivered, st.Received, st.OSDropped)
	}
	tsharkClean(t, out, 25)
	liveStats(t, r.stderr.String(), 25)
}

func TestLiveRotationBySizeLosesNothing(t *testing.T) {
	p := netns.NewPair(t)
	dir := t.TempDir()
	r := startRawcap(t, p.A, "-i", p.IfA, "-w", filepath.Join(dir, "ring.pcap"), "-C", "1", "-c", "2000", "udp")
	payloads := sendUDP(t, p, "rotate", 2000, 1200)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, r.stderr.String())
	}
	names, _ := filepath.Glob(filepath.Join(dir, "ring.pcap*"))
	if len(names) < 2 {
		t.Fatalf("files %v: want the 2.5 MB capture split into files of 1 MB", names)
	}
	// ring.pcap, ring.pcap1, ring.pcap2 …: read them in rotation order.
	ordered := []string{filepath.Join(dir, "ring.pcap")}
	for i := 1; i < len(names); i++ {
		ordered = append(ordered, filepath.Join(dir, fmt.Sprintf("ring.pcap%d", i)))
	}
	checkPayloads(t, liveFiles(t, ordered...), payloads)
}

func TestLiveStdoutIntoTshark(t *testing.T) {
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Skip("skipping: tshark is not installed")
	}
	p := netns.NewPair(t)
	r := startRawcap(t, p.A, "-i", p.IfA, "-w", "-", "-U", "-c", "10", "udp")
	sendUDP(t, p, "pipe", 10, 64)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, r.stderr.String())
	}
	ts := exec.Command("tshark", "-r", "-", "-T", "fields", "-e", "udp.dstport")
	ts.Stdin = bytes.NewReader(r.stdout.Bytes())
	out, err := ts.Output()
	if err != nil {
		t.Fatalf("tshark -r -: %v", err)
	}
	if got := strings.Count(string(out), "9999\n"); got != 10 {
		t.Fatalf("tshark decoded %d datagrams to port 9999 from rawcap's standard output, want 10:\n%s", got, out)
	}
}

func TestLivePrintsLikeTcpdump(t *testing.T) {
	p := netns.NewPair(t)
	r := startRawcap(t, p.A, "-i", p.IfA, "-c", "3", "-t", "udp")
	sendUDP(t, p, "print", 3, 50)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, r.stderr.String())
	}
	a, b := p.AddrA.Addr(), p.AddrB.Addr()
	for _, line := range strings.Split(strings.TrimSpace(r.stdout.String()), "\n") {
		if !strings.HasPrefix(line, "IP "+b.String()+".") || !strings.HasSuffix(line, " > "+a.String()+".9999: UDP, length 50") {
			t.Errorf("line %q is not tcpdump's \"IP %s.PORT > %s.9999: UDP, length 50\"", line, b, a)
		}
	}
	if !strings.Contains(r.stderr.String(), "listening on "+p.IfA+", link-type EN10MB (Ethernet), snapshot length 262144 bytes") {
		t.Errorf("stderr lacks tcpdump's listening line:\n%s", r.stderr.String())
	}
}

func TestLiveDropsPrivileges(t *testing.T) {
	p := netns.NewPair(t)
	// nobody must be able to reach the directory to make the rotated files:
	// t.TempDir's parent is private to root.
	dir, err := os.MkdirTemp("", "rawcap-Z")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.Chmod(dir, 0o777)
	r := startRawcap(t, p.A, "-i", p.IfA, "-w", filepath.Join(dir, "z.pcap"), "-C", "1", "-Z", "nobody", "-c", "1500", "udp")
	sendUDP(t, p, "priv", 1500, 1200)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, r.stderr.String())
	}
	// The first file was made as root; the ones rotated after -Z as nobody.
	fi, err := os.Stat(filepath.Join(dir, "z.pcap1"))
	if err != nil {
		t.Fatal(err)
	}
	if uid := fi.Sys().(*syscall.Stat_t).Uid; uid == 0 {
		t.Fatalf("z.pcap1 is owned by root: -Z nobody did not drop privileges")
	}
}

func TestLiveErrors(t *testing.T) {
	p := netns.NewPair(t)
	r := p.A.Command(rawcapBinary(t), "-i", "nosuch0", "-c", "1")
	out, err := r.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("rawcap -i nosuch0: %v, want exit 1", err)
	}
	if !strings.Contains(string(out), `no such interface: "nosuch0"`) || !strings.Contains(string(out), p.IfA) {
		t.Errorf("error %q does not name the interface and list the ones there are", out)
	}
	r = p.A.Command(rawcapBinary(t), "-i", p.IfA, "tcp port")
	out, err = r.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 || !strings.Contains(string(out), "syntax error at column") {
		t.Errorf("bad filter: %v %q, want exit 2 and the column", err, out)
	}
}

func TestLiveRotationByTimeLosesNothing(t *testing.T) {
	p := netns.NewPair(t)
	dir := t.TempDir()
	r := startRawcap(t, p.A, "-i", p.IfA, "-w", filepath.Join(dir, "t-%s.pcap"), "-G", "1", "udp")
	var payloads [][]byte
	for i := range 5 {
		payloads = append(payloads, sendUDP(t, p, fmt.Sprintf("time%d", i), 40, 100)...)
		time.Sleep(600 * time.Millisecond)
	}
	r.cmd.Process.Signal(syscall.SIGTERM)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, r.stderr.String())
	}
	names, _ := filepath.Glob(filepath.Join(dir, "t-*.pcap"))
	if len(names) < 2 {
		t.Fatalf("files %v: want a new file every second over about 3 s", names)
	}
	// Epoch-second names sort in time order.
	checkPayloads(t, liveFiles(t, names...), payloads)
}

func TestLiveAnyWritesSLL2(t *testing.T) {
	p := netns.NewPair(t)
	out := filepath.Join(t.TempDir(), "any.pcap")
	r := startRawcap(t, p.A, "-i", "any", "-w", out, "-c", "5", "udp")
	payloads := sendUDP(t, p, "any", 5, 80)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, r.stderr.String())
	}
	pkts := liveFiles(t, out)
	checkPayloads(t, pkts, payloads)
	for _, pk := range pkts {
		if pk.LinkType != 276 {
			t.Fatalf("link type %v, want LINUX_SLL2 as tcpdump 4.99 writes for any", pk.LinkType)
		}
	}
	tsharkClean(t, out, 5)
}

func TestLiveSIGKILLLeavesReadableFile(t *testing.T) {
	for _, name := range []string{"k.pcap", "k.pcapng"} {
		t.Run(name, func(t *testing.T) {
			p := netns.NewPair(t)
			out := filepath.Join(t.TempDir(), name)
			r := startRawcap(t, p.A, "-i", p.IfA, "-w", out, "udp")
			sendUDP(t, p, "kill", 3000, 300) // about 1 MB: several buffer flushes
			time.Sleep(300 * time.Millisecond)
			r.cmd.Process.Kill()
			r.wait(t)
			rd, err := pcapio.Open(out)
			if err != nil {
				t.Fatalf("a file cut by SIGKILL does not open: %v", err)
			}
			defer rd.Close()
			n := 0
			for {
				_, err := rd.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					// Buffers are flushed between records, so the file
					// ends on a whole one.
					t.Fatalf("after %d packets: %v", n, err)
				}
				n++
			}
			if n == 0 {
				t.Fatalf("no packet readable from the killed capture")
			}
			t.Logf("%d of 3000 packets readable after SIGKILL", n)
		})
	}
}

func TestLiveDiskFullKeepsFileValid(t *testing.T) {
	p := netns.NewPair(t)
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=1m", "rawcap-test", dir).CombinedOutput(); err != nil {
		t.Skipf("skipping: cannot mount a small tmpfs to fill: %v: %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	out := filepath.Join(dir, "full.pcap")
	r := startRawcap(t, p.A, "-i", p.IfA, "-w", out, "udp")
	sendUDP(t, p, "full", 3000, 1200) // 3.6 MB into a 1 MB file system
	code := r.wait(t)
	if code != 1 || !strings.Contains(r.stderr.String(), "no space left on device") {
		t.Fatalf("exit %d, stderr:\n%s\nwant exit 1 naming the full disk", code, r.stderr.String())
	}
	pkts := liveFiles(t, out) // fails the test if the file does not read cleanly to its end
	if len(pkts) == 0 {
		t.Fatal("no packet kept before the disk filled")
	}
	t.Logf("%d packets kept, file ends on a whole record", len(pkts))
}

// TestLiveCaptureReadsBackAsTshark records a pcapng (interface name,
// epb_flags, statistics) and reads it back: -V and --columns print what
// tshark -n prints of the same file, byte for byte.
func TestLiveCaptureReadsBackAsTshark(t *testing.T) {
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Skip("tshark not installed")
	}
	p := netns.NewPair(t)
	out := filepath.Join(t.TempDir(), "out.pcapng")
	r := startRawcap(t, p.A, "-i", p.IfA, "-w", out, "-c", "12", "udp port 9999")
	sendUDP(t, p, "readback", 12, 40)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, r.stderr.String())
	}
	tree := readMatchesTshark(t, out, "-V")
	if !strings.Contains(tree, "Interface name: "+p.IfA) {
		t.Errorf("-V does not name the interface %s", p.IfA)
	}
	readMatchesTshark(t, out, "--columns")
}

// TestLiveDisplayFilter holds -Y live: the capture filter runs in the
// kernel, the display filter after it; only matching packets are printed
// or written, and -c counts them.
func TestLiveDisplayFilter(t *testing.T) {
	p := netns.NewPair(t)
	r := startRawcap(t, p.A, "-i", p.IfA, "-c", "3", "-t", "-Y", "udp.length > 100 && ip.dst == "+p.AddrA.Addr().String(), "udp")
	sendUDP(t, p, "small", 3, 50)
	sendUDP(t, p, "big", 3, 300)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, r.stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(r.stdout.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3:\n%s", len(lines), r.stdout.String())
	}
	for _, line := range lines {
		if !strings.HasSuffix(line, ".9999: UDP, length 300") {
			t.Errorf("line %q: -Y let through a packet it does not match", line)
		}
	}

	out := filepath.Join(t.TempDir(), "y.pcapng")
	w := startRawcap(t, p.A, "-i", p.IfA, "-c", "2", "-w", out, "-Y", `frame contains "rawcap-live-big"`, "udp")
	sendUDP(t, p, "small", 3, 50)
	sendUDP(t, p, "big", 3, 300)
	if code := w.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, w.stderr.String())
	}
	code, stdout, stderr := rawcapRun(t, "", "read", "-T", "fields", "-e", "udp.length", out)
	if code != 0 || strings.Fields(stdout)[0] != "308" || len(strings.Fields(stdout)) != 2 {
		t.Errorf("-w with -Y wrote %q (exit %d, %s), want two packets of UDP length 308", stdout, code, stderr)
	}
}

// TestLiveExportRotatesByTime captures into Parquet tables with -G 1: the
// files are finished as the seconds pass and at the end, and hold every
// packet sent.
func TestLiveExportRotatesByTime(t *testing.T) {
	p := netns.NewPair(t)
	dir := t.TempDir()
	r := startRawcap(t, p.A, "-i", p.IfA, "--export", dir, "-G", "1", "udp")
	var payloads [][]byte
	for i := range 4 {
		payloads = append(payloads, sendUDP(t, p, fmt.Sprintf("export%d", i), 40, 100)...)
		time.Sleep(700 * time.Millisecond)
	}
	r.cmd.Process.Signal(syscall.SIGTERM)
	if code := r.wait(t); code != 0 {
		t.Fatalf("exit %d:\n%s", code, r.stderr.String())
	}
	rows, files := parquetRows(t, filepath.Join(dir, "packets"))
	if rows != int64(len(payloads)) {
		t.Errorf("%d packets in the packets table, want the %d sent", rows, len(payloads))
	}
	if files < 2 {
		t.Errorf("%d packets files: -G 1 over about 3 s should finish several", files)
	}
	if rows, _ := parquetRows(t, filepath.Join(dir, "flows")); rows == 0 {
		t.Error("no flows written")
	}
}
