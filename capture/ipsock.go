package capture

import (
	"encoding/binary"
	"fmt"
	"net"
	"net/netip"
	"strings"
	"sync/atomic"
	"time"

	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio/packet"
)

// IPProtocols is a set of the transport protocols the raw IP socket mode
// captures.
type IPProtocols uint8

// The protocols of the raw IP socket mode. ICMP stands for ICMPv6 too.
const (
	TCP IPProtocols = 1 << iota
	UDP
	ICMP
	AllIP = TCP | UDP | ICMP
)

// ParseIPProtocols reads a comma-separated list of tcp, udp, icmp, or all.
func ParseIPProtocols(s string) (IPProtocols, error) {
	var set IPProtocols
	for _, w := range strings.Split(s, ",") {
		switch strings.ToLower(strings.TrimSpace(w)) {
		case "tcp":
			set |= TCP
		case "udp":
			set |= UDP
		case "icmp":
			set |= ICMP
		case "all":
			set |= AllIP
		default:
			return 0, fmt.Errorf("capture: unknown protocol %q for raw IP sockets (want tcp, udp, icmp or all, or a comma-separated list)", w)
		}
	}
	return set, nil
}

// String lists the set as ParseIPProtocols reads it.
func (s IPProtocols) String() string {
	var w []string
	for _, p := range []struct {
		bit  IPProtocols
		name string
	}{{TCP, "tcp"}, {UDP, "udp"}, {ICMP, "icmp"}} {
		if s&p.bit != 0 {
			w = append(w, p.name)
		}
	}
	return strings.Join(w, ",")
}

// IP protocol numbers.
const (
	protoICMP   = 1
	protoTCP    = 6
	protoUDP    = 17
	protoICMPv6 = 58
)

// numbers returns the IP protocol numbers of the set for IPv4 or IPv6.
func (s IPProtocols) numbers(v6 bool) []int {
	var out []int
	if s&TCP != 0 {
		out = append(out, protoTCP)
	}
	if s&UDP != 0 {
		out = append(out, protoUDP)
	}
	if s&ICMP != 0 {
		if v6 {
			out = append(out, protoICMPv6)
		} else {
			out = append(out, protoICMP)
		}
	}
	return out
}

// wants reports whether an IPv4 packet's protocol is in the set (for
// sockets that receive every protocol, as Windows' SIO_RCVALL does).
func (s IPProtocols) wants(pkt []byte) bool {
	if len(pkt) < 20 || pkt[0]>>4 != 4 {
		return false
	}
	switch pkt[9] {
	case protoTCP:
		return s&TCP != 0
	case protoUDP:
		return s&UDP != 0
	case protoICMP:
		return s&ICMP != 0
	}
	return false
}

// IPSocketConfig says what the raw IP socket mode captures.
type IPSocketConfig struct {
	// Protocols are the transport protocols to capture (0 means AllIP).
	Protocols IPProtocols
	// Interface, if set, limits the capture to one interface (Linux:
	// SO_BINDTODEVICE; Windows: the socket is bound to its IPv4 address,
	// which may also be given here). "" or "any" captures on every
	// interface on Linux and on the first that is up on Windows.
	Interface string
	// SnapLen caps the bytes kept of each packet (0 means DefaultSnapLen).
	SnapLen int
	// BufferBytes sets each socket's receive buffer (0: 4 MiB).
	BufferBytes int
	// Filter, if set, runs in user space on each packet as received (the
	// packets are raw IP, linktype.Raw): it returns the number of bytes
	// to keep, 0 to drop the packet, as a compiled pcap filter does. It
	// is called from the reading goroutine only.
	Filter func(data []byte, length int) uint32
}

// ipMergeWindow is the merge window between the sockets: a socket hands
// each packet over as it comes, without a ring's block timeout.
const ipMergeWindow = 20 * time.Millisecond

// IPHandle is an open capture through raw IP sockets: a socket per
// protocol and address family, merged in time order. Its packets are raw
// IP (linktype.Raw) with Interface 0. ReadPacket, Pending and Close follow
// Handle's contract.
type IPHandle struct {
	m      *Merger
	socks  []ipSocket
	filter func([]byte, int) uint32
	snap   int
	kept   atomic.Uint64
	desc   string
}

// ipSocket is what the platform's sockets give IPHandle besides packets.
type ipSocket interface {
	Source
	dropped() uint64
}

// OpenIPSockets opens the raw IP sockets cfg asks for.
func OpenIPSockets(cfg IPSocketConfig) (*IPHandle, error) {
	if cfg.Protocols == 0 {
		cfg.Protocols = AllIP
	}
	if cfg.SnapLen <= 0 {
		cfg.SnapLen = DefaultSnapLen
	}
	if cfg.BufferBytes <= 0 {
		cfg.BufferBytes = 4 << 20
	}
	socks, desc, err := openIPSockets(&cfg)
	if err != nil {
		return nil, err
	}
	srcs := make([]Source, len(socks))
	for i, s := range socks {
		srcs[i] = s
	}
	return &IPHandle{
		m: NewMerger(srcs, MergeOptions{Window: ipMergeWindow, BufferMiB: 4}), socks: socks,
		filter: cfg.Filter, snap: cfg.SnapLen, desc: desc,
	}, nil
}

// Description says what the sockets capture: protocols, families and
// interface ("raw IP sockets: tcp, udp, icmp over IPv4 and IPv6, any
// interface").
func (h *IPHandle) Description() string { return h.desc }

// LinkType returns linktype.Raw: the packets start with their IP header.
func (h *IPHandle) LinkType() linktype.Type { return linktype.Raw }

// ReadPacket fills p with the next packet that passes the filter, as
// Handle.ReadPacket does; p.Interface is 0.
func (h *IPHandle) ReadPacket(p *packet.Packet) error {
	for {
		if err := h.m.ReadPacket(p); err != nil {
			return err
		}
		p.Interface = 0
		if h.filter != nil {
			n := h.filter(p.Data, p.Length)
			if n == 0 {
				continue
			}
			if int(n) < len(p.Data) {
				p.Data = p.Data[:n]
			}
		}
		if len(p.Data) > h.snap {
			p.Data = p.Data[:h.snap]
		}
		h.kept.Add(1)
		return nil
	}
}

// Pending reports whether ReadPacket has a packet ready.
func (h *IPHandle) Pending() bool { return h.m.Pending() }

// Close closes the sockets; ReadPacket then returns what they held, then
// io.EOF.
func (h *IPHandle) Close() error { return h.m.Close() }

// Late returns the packets that reached the merge of the sockets late.
func (h *IPHandle) Late() uint64 { return h.m.Late() }

// Stats counts the packets that passed the filter (Received includes the
// dropped ones) and those the sockets' receive buffers had no room for
// (Dropped, from SO_RXQ_OVFL where the system reports it: packets dropped
// whether or not the filter would have kept them, and seen only with the
// next packet each socket receives).
func (h *IPHandle) Stats() (Stats, error) {
	var s Stats
	for _, k := range h.socks {
		s.Dropped += k.dropped()
	}
	s.Received = h.kept.Load() + s.Dropped
	return s, nil
}

// ipv6HeaderLen is the fixed IPv6 header's length.
const ipv6HeaderLen = 40

// putIPv6Header writes into h (40 bytes) the IPv6 header of a packet that
// an IPv6 raw socket returned without it (RFC 3542: the payload, from the
// transport header on), rebuilt from what the socket says: traffic class,
// payload length, next header (the socket's protocol), hop limit, source
// (the sender's address) and destination (IPV6_PKTINFO). The flow label
// and extension headers are not given: the label is written as 0.
func putIPv6Header(h []byte, tclass uint8, payloadLen int, proto uint8, hopLimit uint8, src, dst netip.Addr) {
	_ = h[ipv6HeaderLen-1]
	binary.BigEndian.PutUint32(h[0:], 6<<28|uint32(tclass)<<20)
	binary.BigEndian.PutUint16(h[4:], uint16(min(payloadLen, 0xffff)))
	h[6], h[7] = proto, hopLimit
	s, d := src.As16(), dst.As16()
	copy(h[8:24], s[:])
	copy(h[24:40], d[:])
}

// sioRcvall is Windows' SIO_RCVALL control code, _WSAIOW(IOC_VENDOR, 1):
// IOC_IN (0x80000000) | IOC_VENDOR (0x18000000) | 1.
const sioRcvall = 0x80000000 | 0x18000000 | 1

// rcvallOn is RCVALL_ON, SIO_RCVALL's argument that turns it on.
const rcvallOn = 1

// windowsBindAddress picks the IPv4 address a SIO_RCVALL socket binds to
// (it may not be the unspecified address): the one given, or the first
// IPv4 address of the named interface, or of the first interface that is
// up and not loopback when none is named.
func windowsBindAddress(want string, ifs []Interface) (netip.Addr, string, error) {
	if a, err := netip.ParseAddr(want); err == nil {
		if !a.Is4() {
			return netip.Addr{}, "", fmt.Errorf("capture: %s: the raw IP socket mode on Windows captures IPv4 and binds to an IPv4 address", want)
		}
		for _, it := range ifs {
			for _, p := range it.Addrs {
				if p.Addr() == a {
					return a, it.Name, nil
				}
			}
		}
		return a, want, nil
	}
	for _, it := range ifs {
		if want == "" || want == "any" {
			if it.Flags&net.FlagUp == 0 || it.Flags&net.FlagLoopback != 0 {
				continue
			}
		} else if it.Name != want {
			continue
		}
		for _, p := range it.Addrs {
			if p.Addr().Is4() {
				return p.Addr(), it.Name, nil
			}
		}
		if want != "" && want != "any" {
			return netip.Addr{}, "", fmt.Errorf("capture: %s has no IPv4 address for a raw socket to bind to", want)
		}
	}
	if want == "" || want == "any" {
		return netip.Addr{}, "", fmt.Errorf("capture: no interface is up with an IPv4 address; name one with -i")
	}
	names := make([]string, len(ifs))
	for i, it := range ifs {
		names[i] = it.Name
	}
	return netip.Addr{}, "", noInterfaceError(want, names)
}
