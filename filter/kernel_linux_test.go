package filter

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"slices"
	"testing"
	"time"

	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"

	"github.com/rawcap/rawcap/internal/netns"
	"github.com/rawcap/rawcap/linktype"
)

// vmKernelSocket is a packet socket on a namespace's loopback with a filter
// attached (before bind, so no packet is queued unfiltered).
type vmKernelSocket struct {
	fd      int
	ifindex int
}

func vmHtons(v uint16) uint16 { return v<<8 | v>>8 }

func vmKernelListen(prog []bpf.RawInstruction, ifindex int) (*vmKernelSocket, error) {
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("socket: %w", err)
	}
	filter := make([]unix.SockFilter, len(prog))
	for i, in := range prog {
		filter[i] = unix.SockFilter{Code: in.Op, Jt: in.Jt, Jf: in.Jf, K: in.K}
	}
	fprog := unix.SockFprog{Len: uint16(len(filter)), Filter: &filter[0]}
	if err := unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, &fprog); err != nil {
		unix.Close(fd)
		return nil, fmt.Errorf("SO_ATTACH_FILTER: %w", err)
	}
	sa := &unix.SockaddrLinklayer{Protocol: vmHtons(unix.ETH_P_ALL), Ifindex: ifindex}
	if err := unix.Bind(fd, sa); err != nil {
		unix.Close(fd)
		return nil, fmt.Errorf("bind: %w", err)
	}
	return &vmKernelSocket{fd: fd, ifindex: ifindex}, nil
}

// outgoing drains the socket and returns the frames it holds that the
// kernel saw leaving (PACKET_OUTGOING): on loopback, those are queued while
// sendto runs, so after sendto returns they are all there. The looped-back
// incoming copies arrive later and are ignored.
func (s *vmKernelSocket) outgoing(buf []byte) ([][]byte, error) {
	var out [][]byte
	for {
		n, from, err := unix.Recvfrom(s.fd, buf, unix.MSG_DONTWAIT)
		if errors.Is(err, unix.EAGAIN) {
			return out, nil
		}
		if err != nil {
			return out, fmt.Errorf("recvfrom: %w", err)
		}
		if ll, ok := from.(*unix.SockaddrLinklayer); ok && ll.Pkttype == unix.PACKET_OUTGOING {
			out = append(out, bytes.Clone(buf[:n]))
		}
	}
}

// drain empties the socket and counts the frames it held: outgoing copies
// and the looped-back incoming ones.
func (s *vmKernelSocket) drain(buf []byte) (out, in int, err error) {
	for {
		_, from, err := unix.Recvfrom(s.fd, buf, unix.MSG_DONTWAIT)
		if errors.Is(err, unix.EAGAIN) {
			return out, in, nil
		}
		if err != nil {
			return out, in, fmt.Errorf("recvfrom: %w", err)
		}
		if ll, ok := from.(*unix.SockaddrLinklayer); ok && ll.Pkttype == unix.PACKET_OUTGOING {
			out++
		} else {
			in++
		}
	}
}

// waitIncoming waits (up to two seconds) until the socket holds a looped-back
// incoming frame, and drains it.
func (s *vmKernelSocket) waitIncoming(buf []byte) error {
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		fds := []unix.PollFd{{Fd: int32(s.fd), Events: unix.POLLIN}}
		if _, err := unix.Poll(fds, 100); err != nil && !errors.Is(err, unix.EINTR) {
			return fmt.Errorf("poll: %w", err)
		}
		_, in, err := s.drain(buf)
		if err != nil || in > 0 {
			return err
		}
	}
	return errors.New("the looped-back frame did not arrive within 2s")
}

// TestKernelAgreesWithVM attaches classic BPF programs (libpcap's expected
// EN10MB programs, and rawcap's compiled ones when Compile is wired in) to a
// packet socket on the loopback of a network namespace the test creates,
// sends crafted frames there, and requires the kernel to accept exactly the
// frames the VM accepts. Nothing is sent outside that namespace.
func TestKernelAgreesWithVM(t *testing.T) {
	ns := netns.New(t) // skips unless root with the ip command
	progs := vmKernelPrograms(t)
	pkts := vmKernelPackets(t, progs)

	var ifindex, sender int
	err := ns.Do(func() error {
		lo, err := net.InterfaceByName("lo")
		if err != nil {
			return err
		}
		ifindex = lo.Index
		sender, err = unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, 0)
		return err
	})
	if err != nil {
		t.Fatalf("in namespace %s: %v", ns.Name, err)
	}
	defer unix.Close(sender)

	buf := make([]byte, 1<<16)
	var runs, accepted int
	for _, p := range progs {
		vm, err := NewVM(p.prog)
		if err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		var sock *vmKernelSocket
		if err := ns.Do(func() (err error) { sock, err = vmKernelListen(p.prog, ifindex); return err }); err != nil {
			t.Fatalf("%s: %v\n%s", p.name, err, vmDisasm(p.prog))
		}
		for i, pkt := range pkts {
			proto := vmHtons(uint16(pkt[12])<<8 | uint16(pkt[13]))
			if err := unix.Sendto(sender, pkt, 0, &unix.SockaddrLinklayer{Ifindex: ifindex, Protocol: proto}); err != nil {
				t.Fatalf("sendto on the namespace's lo: %v", err)
			}
			got, err := sock.outgoing(buf)
			if err != nil {
				t.Fatal(err)
			}
			vmSays := vm.Run(pkt, uint32(len(pkt))) != 0
			kernelSays := len(got) > 0
			runs++
			if kernelSays {
				accepted++
			}
			if len(got) > 1 || (kernelSays && !bytes.HasPrefix(pkt, got[0])) {
				t.Fatalf("%s packet %d: the socket received %d unexpected frames", p.name, i, len(got))
			}
			if vmSays != kernelSays {
				t.Errorf("%s: packet %d (%s): kernel accepts=%v, VM accepts=%v\n%s", p.name, i, vmHexHead(pkt), kernelSays, vmSays, vmDisasm(p.prog))
				break
			}
		}
		unix.Close(sock.fd)
	}
	t.Logf("%d programs × %d frames: %d verdicts agree (%d accepted)", len(progs), len(pkts), runs, accepted)
}

type vmKernelProgram struct {
	name string
	prog []bpf.RawInstruction
}

// vmKernelPrograms returns the programs to check: `tcp port 443`, libpcap's
// EN10MB programs (optimised ones) that the VM accepts, and rawcap's own
// programs for the same expressions when Compile is available.
func vmKernelPrograms(t *testing.T) []vmKernelProgram {
	progs := []vmKernelProgram{{"tcp port 443 (tcpdump -dd)", vmTCPPort443}}
	d := vmLoadTestrunOptional(t)
	if d == nil {
		return progs
	}
	for i := range d.Accept {
		c := &d.Accept[i]
		if c.DLT != "EN10MB" || c.LinuxExt != 0 {
			continue
		}
		prog, _, ok := vmExpected(t, c)
		if !ok {
			continue
		}
		if _, err := NewVM(prog); err != nil {
			continue
		}
		progs = append(progs, vmKernelProgram{"libpcap " + c.Name, prog})
		if vmTestrunCompile != nil && len(c.Aliases) > 0 {
			if got, err := vmTestrunCompile(c.Aliases[0], linktype.Ethernet, vmCompileOpts{snaplen: c.snaplen()}); err == nil {
				if _, err := NewVM(got); err == nil {
					progs = append(progs, vmKernelProgram{fmt.Sprintf("rawcap %q", c.Aliases[0]), got})
				}
			}
		}
	}
	return progs
}

// vmKernelPackets returns Ethernet frames (14 bytes at least, as the kernel
// requires for sending): the test's own, a sample of the corpus, and frames
// built to satisfy the programs' comparisons.
func vmKernelPackets(t *testing.T, progs []vmKernelProgram) [][]byte {
	base := []vmPacket{
		{data: vmHex(t, vmPktTCP443)}, {data: vmHex(t, vmPktTCP80)},
		{data: vmHex(t, vmPktTCP6)}, {data: vmHex(t, vmPktARP)},
	}
	if vmLoadTestrunOptional(t) != nil {
		base = append(base, vmCorpusPackets(t, linktype.Ethernet, 150)...)
	}
	r := vmSeed("kernel")
	all := slices.Clone(base)
	for _, p := range progs {
		g := vmGuided(r, linktype.Ethernet, base, vmProbes(p.prog))
		for range min(3, len(g)) {
			all = append(all, g[r.IntN(len(g))])
		}
	}
	var out [][]byte
	for _, p := range all {
		if len(p.data) >= 14 && len(p.data) <= 9000 {
			out = append(out, p.data)
		}
	}
	return out
}

// vmLiveExprs are the expressions whose Live programs are checked against
// tcpdump's programs for a live interface.
var vmLiveExprs = []string{
	"ip", "tcp port 443", "ip6 or arp", "vlan", "vlan 10", "vlan 10 and ip", "vlan and tcp port 443",
	"not vlan", "vlan 20 or vlan 10", "inbound", "outbound", "outbound and tcp",
}

// vmLiveAllow lists Live expressions known to disagree with tcpdump's live
// programs on loopback, with the reason.
var vmLiveAllow = map[string]string{}

// TestKernelLiveMatchesTcpdump compiles expressions with Options.Live and
// with tcpdump for a live interface (tcpdump -dd -i lo, which opens lo but
// captures nothing), attaches both to packet sockets on a namespace's
// loopback, and requires the kernel to give both the same verdict on every
// frame sent there, VLAN-tagged ones included.
func TestKernelLiveMatchesTcpdump(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root: tcpdump -i lo and a network namespace")
	}
	tcpdump, err := exec.LookPath("tcpdump")
	if err != nil {
		t.Skip("tcpdump not installed: cannot compare with it")
	}
	ns := netns.New(t)
	var ifindex, sender int
	if err := ns.Do(func() error {
		lo, err := net.InterfaceByName("lo")
		if err != nil {
			return err
		}
		ifindex = lo.Index
		sender, err = unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, 0)
		return err
	}); err != nil {
		t.Fatalf("in namespace %s: %v", ns.Name, err)
	}
	defer unix.Close(sender)

	tagged := func(outer, inner string, tags ...uint16) []byte {
		p := vmHex(t, inner)
		out := append([]byte(nil), p[:12]...)
		for _, tag := range tags {
			out = append(out, byte(outer[0]), byte(outer[1]), byte(tag>>8), byte(tag))
		}
		return append(out, p[12:]...)
	}
	frames := [][]byte{
		vmHex(t, vmPktTCP443), vmHex(t, vmPktTCP80), vmHex(t, vmPktTCP6), vmHex(t, vmPktARP),
		tagged("\x81\x00", vmPktTCP443, 10), tagged("\x81\x00", vmPktTCP443, 20),
		tagged("\x81\x00", vmPktTCP80, 10), tagged("\x81\x00", vmPktARP, 10),
		tagged("\x88\xa8", vmPktTCP443, 10), tagged("\x81\x00", vmPktTCP443, 20, 10),
	}
	// The control socket accepts everything. Bound before the others, it
	// is the last the kernel hands a received frame to, so once it holds
	// the looped-back copy of a frame, the others have judged it too.
	var control *vmKernelSocket
	if err := ns.Do(func() (err error) {
		control, err = vmKernelListen([]bpf.RawInstruction{vmS(cbRET|cbK, 262144)}, ifindex)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	defer unix.Close(control.fd)
	buf := make([]byte, 1<<16)
	for _, expr := range vmLiveExprs {
		t.Run(expr, func(t *testing.T) {
			dd, err := exec.Command(tcpdump, "-dd", "-i", "lo", expr).Output()
			if err != nil {
				t.Skipf("tcpdump -dd -i lo %q: %v", expr, err)
			}
			want := vmParseDD(t, string(dd))
			p, err := Compile(expr, linktype.Ethernet, Options{Live: true})
			if err != nil {
				t.Fatalf("Compile(%q, Live): %v", expr, err)
			}
			got := p.Instructions()
			var ws, gs *vmKernelSocket
			if err := ns.Do(func() (err error) {
				if ws, err = vmKernelListen(want, ifindex); err != nil {
					return err
				}
				gs, err = vmKernelListen(got, ifindex)
				return err
			}); err != nil {
				t.Fatalf("attaching: %v\ntcpdump's:\n%s\nrawcap's:\n%s", err, vmDisasm(want), vmDisasm(got))
			}
			defer unix.Close(ws.fd)
			defer unix.Close(gs.fd)
			if _, _, err := control.drain(buf); err != nil {
				t.Fatal(err)
			}
			allowedDiff := false
			for i, f := range frames {
				proto := vmHtons(uint16(f[12])<<8 | uint16(f[13]))
				if err := unix.Sendto(sender, f, 0, &unix.SockaddrLinklayer{Ifindex: ifindex, Protocol: proto}); err != nil {
					t.Fatalf("sendto on the namespace's lo: %v", err)
				}
				wOut, wIn, err1 := ws.drain(buf)
				gOut, gIn, err2 := gs.drain(buf)
				err3 := control.waitIncoming(buf)
				wOut2, wIn2, err4 := ws.drain(buf)
				gOut2, gIn2, err5 := gs.drain(buf)
				if err := errors.Join(err1, err2, err3, err4, err5); err != nil {
					t.Fatal(err)
				}
				if wOut2+gOut2 != 0 {
					t.Fatalf("frame %d: an outgoing copy arrived after sendto returned", i)
				}
				for _, c := range []struct {
					dir  string
					w, g bool
				}{{"outgoing", wOut > 0, gOut > 0}, {"incoming", wIn+wIn2 > 0, gIn+gIn2 > 0}} {
					if c.w == c.g {
						continue
					}
					msg := fmt.Sprintf("%s copy of frame %d (%s): tcpdump's live program accepts=%v, rawcap's=%v\ntcpdump's:\n%s\nrawcap's:\n%s",
						c.dir, i, vmHexHead(f), c.w, c.g, vmDisasm(want), vmDisasm(got))
					if why := vmLiveAllow[expr]; why != "" && c.dir == "outgoing" {
						t.Logf("allowed (%s): %s", why, msg)
						allowedDiff = true
						continue
					}
					t.Error(msg)
					return
				}
			}
			if why := vmLiveAllow[expr]; why != "" && !allowedDiff {
				t.Logf("%q agrees now: remove it from vmLiveAllow (%s)", expr, why)
			}
		})
	}
}

// TestNewVMMatchesKernelValidation attaches random programs, most of them
// mutated into something invalid, to a UDP socket (SO_ATTACH_FILTER runs the
// kernel's bpf_check_classic and needs no privilege; nothing is sent) and
// requires NewVM to accept exactly the programs the kernel accepts. Loads
// from the kernel's special negative offsets are left out: the kernel
// accepts them, NewVM refuses them by design.
func TestNewVMMatchesKernelValidation(t *testing.T) {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Skipf("no UDP socket to attach filters to: %v", err)
	}
	defer unix.Close(fd)
	r := vmSeed("kernel validation")
	codes := make([]uint16, 0, len(vmOpcodes))
	for op := range vmOpcodes {
		codes = append(codes, op)
	}
	slices.Sort(codes)
	var accepted, refused int
	for i := range 20000 {
		prog := vmRandProgram(r)
		for range r.IntN(3) {
			j := r.IntN(len(prog))
			switch r.IntN(8) {
			case 0:
				prog[j].Op = uint16(r.IntN(0x100)) // any opcode, mostly invalid
			case 1:
				prog[j].Op = codes[r.IntN(len(codes))]
			case 2:
				prog[j].Jt = uint8(r.IntN(256))
			case 3:
				prog[j].Jf = uint8(r.IntN(256))
			case 4:
				prog[j].K = uint32(r.IntN(40))
			case 5:
				prog[j].K = r.Uint32() >> uint(r.IntN(32))
			case 6:
				prog = prog[:j+1] // maybe no final RET any more
			case 7:
				prog = append(prog[:j], prog[j+1:]...) // maybe a jump now overshoots
			}
		}
		if len(prog) == 0 {
			continue
		}
		special := false
		for _, in := range prog {
			if (in.Op == cbLD|cbW|cbABS || in.Op == cbLD|cbH|cbABS || in.Op == cbLD|cbB|cbABS) && in.K >= vmSKFLLOff {
				special = true
			}
		}
		if special {
			continue
		}
		filter := make([]unix.SockFilter, len(prog))
		for j, in := range prog {
			filter[j] = unix.SockFilter{Code: in.Op, Jt: in.Jt, Jf: in.Jf, K: in.K}
		}
		kerr := unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER,
			&unix.SockFprog{Len: uint16(len(filter)), Filter: &filter[0]})
		if kerr != nil && !errors.Is(kerr, unix.EINVAL) {
			t.Fatalf("SO_ATTACH_FILTER: %v", kerr)
		}
		_, verr := NewVM(prog)
		if (kerr == nil) != (verr == nil) {
			t.Fatalf("program %d: kernel says %v, NewVM says %v\n%s", i, kerr, verr, vmDisasm(prog))
		}
		if kerr == nil {
			accepted++
		} else {
			refused++
		}
	}
	t.Logf("kernel and NewVM agree on %d accepted and %d refused programs", accepted, refused)
}
