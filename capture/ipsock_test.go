package capture

import (
	"net"
	"net/netip"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseIPProtocols(t *testing.T) {
	for in, want := range map[string]IPProtocols{
		"tcp": TCP, "udp": UDP, "icmp": ICMP, "all": AllIP, "tcp,udp": TCP | UDP, "UDP, icmp": UDP | ICMP,
	} {
		got, err := ParseIPProtocols(in)
		if err != nil || got != want {
			t.Errorf("ParseIPProtocols(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "sctp", "tcp,,udp", "ip"} {
		if _, err := ParseIPProtocols(in); err == nil {
			t.Errorf("ParseIPProtocols(%q) accepted", in)
		}
	}
	if s := AllIP.String(); s != "tcp,udp,icmp" {
		t.Errorf("AllIP.String() = %q", s)
	}
	if diff := cmp.Diff([]int{6, 17, 58}, AllIP.numbers(true)); diff != "" {
		t.Errorf("IPv6 protocol numbers (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{17, 1}, (UDP | ICMP).numbers(false)); diff != "" {
		t.Errorf("IPv4 protocol numbers (-want +got):\n%s", diff)
	}
}

// TestWantsProtocol is the choice Windows' SIO_RCVALL socket, which
// receives every protocol, makes in user space.
func TestWantsProtocol(t *testing.T) {
	// IPv4 headers (20 bytes) of tcpdump's test captures, protocol at 9.
	tcp := unhex(t, "45 00 00 3c 1c 46 40 00 40 06 b1 e6 ac 10 0a 63 ac 10 0a 0c")
	udp := unhex(t, "45 00 00 3c 1c 46 40 00 40 11 b1 e6 ac 10 0a 63 ac 10 0a 0c")
	icmp := unhex(t, "45 00 00 54 00 00 40 00 40 01 b1 e6 ac 10 0a 63 ac 10 0a 0c")
	gre := unhex(t, "45 00 00 54 00 00 40 00 40 2f b1 e6 ac 10 0a 63 ac 10 0a 0c")
	for _, tc := range []struct {
		set  IPProtocols
		pkt  []byte
		want bool
	}{
		{TCP, tcp, true}, {TCP, udp, false}, {UDP, udp, true}, {ICMP, icmp, true},
		{AllIP, gre, false}, {AllIP, tcp[:19], false}, {AllIP, append([]byte{0x60}, tcp[1:]...), false},
	} {
		if got := tc.set.wants(tc.pkt); got != tc.want {
			t.Errorf("%v.wants(% x) = %v, want %v", tc.set, tc.pkt[:10], got, tc.want)
		}
	}
}

func TestPutIPv6Header(t *testing.T) {
	h := make([]byte, 40)
	putIPv6Header(h, 0xb8, 16, 17, 64, netip.MustParseAddr("fd00:200::2"), netip.MustParseAddr("fd00:200::1"))
	// version 6, traffic class 0xb8 (EF), flow label 0; payload 16; UDP; hop limit 64.
	want := unhex(t, `6b 80 00 00  00 10 11 40
		fd 00 02 00 00 00 00 00 00 00 00 00 00 00 00 02
		fd 00 02 00 00 00 00 00 00 00 00 00 00 00 00 01`)
	if diff := cmp.Diff(want, h); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
}

// TestWindowsConstants: SIO_RCVALL is _WSAIOW(IOC_VENDOR, 1), as mstcpip.h
// defines it.
func TestWindowsConstants(t *testing.T) {
	if sioRcvall != 0x98000001 || rcvallOn != 1 {
		t.Errorf("SIO_RCVALL %#x RCVALL_ON %d, want 0x98000001 and 1", uint32(sioRcvall), rcvallOn)
	}
}

func TestWindowsBindAddress(t *testing.T) {
	ifs := []Interface{
		{Name: "Loopback Pseudo-Interface 1", Flags: net.FlagUp | net.FlagLoopback, Addrs: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/8")}},
		{Name: "Ethernet 2", Flags: 0, Addrs: []netip.Prefix{netip.MustParsePrefix("10.0.9.5/24")}},
		{Name: "Wi-Fi", Flags: net.FlagUp, Addrs: []netip.Prefix{netip.MustParsePrefix("fe80::1/64"), netip.MustParsePrefix("192.168.1.20/24")}},
		{Name: "v6only", Flags: net.FlagUp, Addrs: []netip.Prefix{netip.MustParsePrefix("fd00::5/64")}},
	}
	for _, tc := range []struct {
		want, addr, name, err string
	}{
		{"", "192.168.1.20", "Wi-Fi", ""},
		{"any", "192.168.1.20", "Wi-Fi", ""},
		{"Ethernet 2", "10.0.9.5", "Ethernet 2", ""},
		{"192.168.1.20", "192.168.1.20", "Wi-Fi", ""},
		{"fd00::5", "", "", "binds to an IPv4 address"},
		{"v6only", "", "", "no IPv4 address"},
		{"eth7", "", "", "no such interface"},
	} {
		a, name, err := windowsBindAddress(tc.want, ifs)
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("windowsBindAddress(%q): %v, want an error saying %q", tc.want, err, tc.err)
			}
		case err != nil || a.String() != tc.addr || name != tc.name:
			t.Errorf("windowsBindAddress(%q) = %v, %q, %v; want %s, %q", tc.want, a, name, err, tc.addr, tc.name)
		}
	}
	if _, _, err := windowsBindAddress("", ifs[:2]); err == nil {
		t.Error("no interface up with IPv4: accepted")
	}
}
