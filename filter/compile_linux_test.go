package filter

import (
	"fmt"
	"net"
	"os"
	"testing"
	"unsafe"

	"github.com/rawcap/rawcap/internal/netns"
	"github.com/rawcap/rawcap/linktype"
	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"
)

// TestLiveProgramsAttach attaches Live programs (which read kernel
// metadata) to an AF_PACKET socket: the kernel's checker must accept them.
// It needs root (CAP_NET_RAW).
func TestLiveProgramsAttach(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to open an AF_PACKET socket")
	}
	tests := []struct {
		expr string
		lt   linktype.Type
	}{
		{"vlan 100 and tcp port 22", linktype.Ethernet},
		{"vlan and vlan 20 and ip", linktype.Ethernet},
		{"inbound and udp", linktype.Ethernet},
		{"outbound or ifindex 1", linktype.Ethernet},
		{"ip6 protochain 6", linktype.Ethernet},
		{"ip host 10.0.0.1 and tcp[13] & 2 != 0", linktype.LinuxSLL},
		{"inbound and ip6 and udp port 53", linktype.LinuxSLL2},
		{"stp or ipx or iso", linktype.LinuxSLL},
		{"geneve and tcp port 80 or vxlan 7 and host 10.0.0.1", linktype.Ethernet},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			p, err := Compile(tt.expr, tt.lt, Options{Live: true})
			if err != nil {
				t.Fatal(err)
			}
			typ := unix.SOCK_RAW
			if tt.lt != linktype.Ethernet {
				typ = unix.SOCK_DGRAM
			}
			fd, err := unix.Socket(unix.AF_PACKET, typ|unix.SOCK_CLOEXEC, 0)
			if err != nil {
				t.Skipf("AF_PACKET socket: %v", err)
			}
			defer unix.Close(fd)
			insns := p.Instructions()
			prog := unix.SockFprog{
				Len:    uint16(len(insns)),
				Filter: (*unix.SockFilter)(unsafe.Pointer(&insns[0])),
			}
			if err := unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, &prog); err != nil {
				t.Errorf("kernel refuses the live program for %q: %v", tt.expr, err)
			}
		})
	}
}

// TestLiveCookedMatchesFileProgram attaches Live programs for LINUX_SLL2
// and LINUX_SLL to
// a cooked (SOCK_DGRAM) packet socket on a namespace's loopback, sends
// frames there, and requires the kernel's verdict on each copy (outgoing
// and incoming) to equal the file program's verdict on the same packet
// saved as a LINUX_SLL2 frame, which is what tcpdump -i any would compare.
func TestLiveCookedMatchesFileProgram(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root for a network namespace and packet sockets")
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
	frames := [][]byte{
		eth(macB, macA, 0x0800, ipv4("10.0.0.1", "10.0.0.2", 17, 0, udp(1000, 53, []byte("query")))),
		eth(macB, macA, 0x0800, ipv4("10.0.0.3", "10.0.0.1", 6, 0, tcp(80, 4000, 0x12))),
		eth(macB, macA, 0x86dd, ipv6("fe80::1", "fe80::2", 17, udp(53, 53, make([]byte, 40)))),
		eth(bcst, macA, 0x0806, append(append(append([]byte{0, 1, 8, 0, 6, 4, 0, 1}, macA...), 10, 0, 0, 1, 0, 0, 0, 0, 0, 0), 10, 0, 0, 2)),
	}
	var control *vmKernelSocket
	if err := ns.Do(func() (err error) {
		control, err = vmKernelListen([]bpf.RawInstruction{vmS(cbRET|cbK, 262144)}, ifindex)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	defer unix.Close(control.fd)
	buf := make([]byte, 1<<16)
	for _, expr := range []string{
		"udp port 53", "tcp", "ip6", "arp", "not arp", "inbound and udp", "outbound", "greater 60",
		"less 60", "len > 80", fmt.Sprintf("ifindex %d", ifindex), "ip host 10.0.0.1", "ip6 and udp port 53",
		"ether proto 0x0806", "icmp or tcp[tcpflags] & tcp-syn != 0",
	} {
		for _, lt := range []linktype.Type{linktype.LinuxSLL2, linktype.LinuxSLL} {
			if lt == linktype.LinuxSLL && expr[:3] == "ifi" {
				continue // LINUX_SLL has no interface index
			}
			t.Run(lt.Name()+"/"+expr, func(t *testing.T) {
				live, err := Compile(expr, lt, Options{Live: true})
				if err != nil {
					t.Fatal(err)
				}
				file, err := Compile(expr, lt, Options{})
				if err != nil {
					t.Fatal(err)
				}
				var fd int
				if err := ns.Do(func() (err error) {
					fd, err = cookedListen(live.Instructions(), ifindex)
					return err
				}); err != nil {
					t.Fatal(err)
				}
				defer unix.Close(fd)
				cooked := &vmKernelSocket{fd: fd, ifindex: ifindex}
				if _, _, err := control.drain(buf); err != nil {
					t.Fatal(err)
				}
				for i, f := range frames {
					proto := vmHtons(uint16(f[12])<<8 | uint16(f[13]))
					if err := unix.Sendto(sender, f, 0, &unix.SockaddrLinklayer{Ifindex: ifindex, Protocol: proto}); err != nil {
						t.Fatalf("sendto: %v", err)
					}
					if err := control.waitIncoming(buf); err != nil {
						t.Fatal(err)
					}
					out, in, err := cooked.drain(buf)
					if err != nil {
						t.Fatal(err)
					}
					for _, c := range []struct {
						pkttype byte
						got     bool
					}{{4, out > 0}, {0, in > 0}} {
						saved := []byte{f[12], f[13], 0, 0, 0, 0, 0, byte(ifindex), 0x03, 0x04, c.pkttype, 6}
						saved = append(append(append(saved, f[6:12]...), 0, 0), f[14:]...)
						if lt == linktype.LinuxSLL {
							saved = append(append([]byte{0, c.pkttype, 0x03, 0x04, 0, 6}, f[6:12]...), 0, 0, f[12], f[13])
							saved = append(saved, f[14:]...)
						}
						if want := file.Match(saved, len(saved)); want != c.got {
							t.Errorf("frame %d, packet type %d: kernel with the live program says %v, the file program on the saved frame %v\n%v",
								i, c.pkttype, c.got, want, live.Instructions())
						}
					}
				}
			})
		}
	}
}

// cookedListen opens a cooked packet socket on ifindex with prog attached.
func cookedListen(prog []bpf.RawInstruction, ifindex int) (int, error) {
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return -1, err
	}
	f := make([]unix.SockFilter, len(prog))
	for i, in := range prog {
		f[i] = unix.SockFilter{Code: in.Op, Jt: in.Jt, Jf: in.Jf, K: in.K}
	}
	fp := unix.SockFprog{Len: uint16(len(f)), Filter: &f[0]}
	if err := unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, &fp); err != nil {
		unix.Close(fd)
		return -1, err
	}
	if err := unix.Bind(fd, &unix.SockaddrLinklayer{Protocol: vmHtons(unix.ETH_P_ALL), Ifindex: ifindex}); err != nil {
		unix.Close(fd)
		return -1, err
	}
	return fd, nil
}
