package filter

import (
	"os"
	"testing"
	"unsafe"

	"github.com/rawcap/rawcap/linktype"
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
