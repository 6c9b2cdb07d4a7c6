package capture

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"

	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio/packet"
)

// openIPSockets opens an AF_INET and an AF_INET6 SOCK_RAW socket for each
// protocol of cfg (IPv6's are left out where the system has no IPv6).
func openIPSockets(cfg *IPSocketConfig) ([]ipSocket, string, error) {
	var socks []ipSocket
	fail := func(err error) ([]ipSocket, string, error) {
		for _, s := range socks {
			s.Close()
		}
		return nil, "", err
	}
	dev := cfg.Interface
	if dev == "any" {
		dev = ""
	}
	if dev != "" {
		if _, _, err := lookupInterface(dev); err != nil {
			return fail(err)
		}
	}
	families := "IPv4 and IPv6"
	for _, v6 := range []bool{false, true} {
		for _, proto := range cfg.Protocols.numbers(v6) {
			s, err := openIPSocket(v6, proto, dev, cfg)
			if v6 && errors.Is(err, unix.EAFNOSUPPORT) {
				families = "IPv4 (no IPv6 here)"
				break
			}
			if err != nil {
				return fail(err)
			}
			socks = append(socks, s)
		}
	}
	where := "every interface"
	if dev != "" {
		where = dev
	}
	return socks, fmt.Sprintf("raw IP sockets: %s over %s, %s", cfg.Protocols, families, where), nil
}

// ipSock is one raw IP socket, read with recvmsg through the runtime's
// network poller, without allocating.
type ipSock struct {
	fd    int
	v6    bool
	proto uint8
	file  *os.File
	rc    syscall.RawConn
	read  func(uintptr) bool // the poller's callback, made once

	// buf holds a packet: an IPv6 one's payload lands after room for the
	// header that putIPv6Header rebuilds.
	buf   []byte
	oob   []byte
	msg   unix.Msghdr
	iov   unix.Iovec
	from  unix.RawSockaddrInet6 // large enough for an IPv4 address too
	n     int
	errno unix.Errno
	ctl   ipControl

	drops    atomic.Uint64
	closed   atomic.Bool
	drain    int  // packets ReadPacket may still take after Close
	finished bool // ReadPacket has drained and closed the socket
}

// ipControl is what a packet's ancillary data says.
type ipControl struct {
	sec, nsec int64
	hasTime   bool
	drops     uint32
	hasDrops  bool
	dst       [16]byte
	hasDst    bool
	hopLimit  uint8
	tclass    uint8
}

func openIPSocket(v6 bool, proto int, dev string, cfg *IPSocketConfig) (*ipSock, error) {
	family, famName := unix.AF_INET, "AF_INET"
	if v6 {
		family, famName = unix.AF_INET6, "AF_INET6"
	}
	fd, err := unix.Socket(family, unix.SOCK_RAW|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, proto)
	if err != nil {
		if errors.Is(err, unix.EPERM) || errors.Is(err, unix.EACCES) {
			return nil, fmt.Errorf("capture: %s: %w", permissionHint, os.NewSyscallError("socket "+famName+" SOCK_RAW", err))
		}
		if errors.Is(err, unix.EAFNOSUPPORT) {
			return nil, err
		}
		return nil, fmt.Errorf("capture: %w", os.NewSyscallError("socket "+famName+" SOCK_RAW", err))
	}
	s := &ipSock{fd: fd, v6: v6, proto: uint8(proto), buf: make([]byte, ipv6HeaderLen+65536), oob: make([]byte, 256), drain: 1 << 16}
	fail := func(what string, err error) (*ipSock, error) {
		unix.Close(fd)
		return nil, fmt.Errorf("capture: %w", os.NewSyscallError(what, err))
	}
	opts := []struct {
		level, opt int
		name       string
	}{
		{unix.SOL_SOCKET, unix.SO_TIMESTAMPNS, "SO_TIMESTAMPNS"},
		{unix.SOL_SOCKET, unix.SO_RXQ_OVFL, "SO_RXQ_OVFL"},
	}
	if v6 {
		opts = append(opts, []struct {
			level, opt int
			name       string
		}{
			{unix.IPPROTO_IPV6, unix.IPV6_RECVPKTINFO, "IPV6_RECVPKTINFO"},
			{unix.IPPROTO_IPV6, unix.IPV6_RECVHOPLIMIT, "IPV6_RECVHOPLIMIT"},
			{unix.IPPROTO_IPV6, unix.IPV6_RECVTCLASS, "IPV6_RECVTCLASS"},
		}...)
	}
	for _, o := range opts {
		if err := unix.SetsockoptInt(fd, o.level, o.opt, 1); err != nil {
			return fail("setsockopt "+o.name, err)
		}
	}
	if err := unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUFFORCE, cfg.BufferBytes); err != nil {
		// Without CAP_NET_ADMIN: as much as rmem_max allows.
		_ = unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUF, cfg.BufferBytes)
	}
	if dev != "" {
		if err := unix.SetsockoptString(fd, unix.SOL_SOCKET, unix.SO_BINDTODEVICE, dev); err != nil {
			return fail("setsockopt SO_BINDTODEVICE "+dev, err)
		}
	}
	s.file = os.NewFile(uintptr(fd), "raw IP socket")
	rc, err := s.file.SyscallConn()
	if err != nil {
		s.file.Close()
		return nil, fmt.Errorf("capture: raw IP socket in the network poller: %w", err)
	}
	s.rc = rc
	s.read = s.recv
	return s, nil
}

// recv is the poller's callback: one non-blocking recvmsg; false asks the
// poller to wait.
func (s *ipSock) recv(fd uintptr) bool {
	off := 0
	if s.v6 {
		off = ipv6HeaderLen
	}
	s.iov.Base = &s.buf[off]
	s.iov.SetLen(len(s.buf) - off)
	s.msg = unix.Msghdr{Name: (*byte)(unsafe.Pointer(&s.from)), Namelen: unix.SizeofSockaddrInet6, Iov: &s.iov, Iovlen: 1, Control: &s.oob[0]}
	s.msg.SetControllen(len(s.oob))
	n, _, errno := unix.Syscall(unix.SYS_RECVMSG, fd, uintptr(unsafe.Pointer(&s.msg)), unix.MSG_TRUNC|unix.MSG_DONTWAIT)
	if errno == unix.EAGAIN || errno == unix.EINTR {
		return false
	}
	s.n, s.errno = int(n), errno
	return true
}

// ReadPacket waits for the socket's next packet. p.Data is a view into the
// socket's buffer, valid until the next call. After Close it returns what
// the socket had queued, then io.EOF, and closes the socket.
func (s *ipSock) ReadPacket(p *packet.Packet) error {
	for {
		if s.closed.Load() {
			// Closing: what is queued, without waiting (at most a
			// bounded number, should packets keep coming).
			if s.finished {
				return io.EOF
			}
			if s.drain--; s.drain < 0 || !s.recv(uintptr(s.fd)) {
				s.file.Close()
				s.finished = true
				return io.EOF
			}
		} else if err := s.rc.Read(s.read); err != nil {
			if errors.Is(err, os.ErrDeadlineExceeded) && s.closed.Load() {
				continue
			}
			return fmt.Errorf("capture: raw IP socket: %w", err)
		}
		if s.errno != 0 {
			return fmt.Errorf("capture: %w", os.NewSyscallError("recvmsg", s.errno))
		}
		if s.fill(p) {
			return nil
		}
	}
}

// fill makes p of the packet just received; false skips it (no room for
// its header, or an address of the wrong family).
func (s *ipSock) fill(p *packet.Packet) bool {
	s.ctl = ipControl{}
	parseControl(s.oob[:s.msg.Controllen], &s.ctl)
	if s.ctl.hasDrops {
		s.drops.Store(uint64(s.ctl.drops))
	}
	wire := s.n // with MSG_TRUNC, the packet's whole length
	var data []byte
	if s.v6 {
		if !s.ctl.hasDst || s.from.Family != unix.AF_INET6 {
			return false
		}
		got := min(wire, len(s.buf)-ipv6HeaderLen)
		putIPv6Header(s.buf[:ipv6HeaderLen], s.ctl.tclass, wire, s.proto, s.ctl.hopLimit,
			netip.AddrFrom16(s.from.Addr), netip.AddrFrom16(s.ctl.dst))
		data = s.buf[:ipv6HeaderLen+got]
		wire += ipv6HeaderLen
	} else {
		data = s.buf[:min(wire, len(s.buf))]
	}
	p.Data = data
	p.Length = max(wire, len(data))
	if s.ctl.hasTime {
		p.Time = time.Unix(s.ctl.sec, s.ctl.nsec)
	} else {
		p.Time = time.Now()
	}
	p.HasTime = true
	p.Interface = 0
	p.LinkType = linktype.Raw
	p.Options = packet.Options{}
	return true
}

// Pending reports whether a packet waits in the socket's receive queue.
func (s *ipSock) Pending() bool {
	n, err := unix.IoctlGetInt(s.fd, unix.SIOCINQ)
	return err == nil && n > 0
}

// Close wakes a ReadPacket that waits; ReadPacket then returns what the
// socket had queued and closes it.
func (s *ipSock) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	return s.file.SetReadDeadline(time.Unix(1, 0))
}

func (s *ipSock) dropped() uint64 { return s.drops.Load() }

// parseControl reads the ancillary data of one recvmsg (in the host's byte
// order and alignment) into c: SO_TIMESTAMPNS, SO_RXQ_OVFL and, for IPv6,
// IPV6_PKTINFO, IPV6_HOPLIMIT and IPV6_TCLASS. Malformed data ends the walk.
func parseControl(b []byte, c *ipControl) {
	ne := binary.NativeEndian
	lenSize := unix.SizeofCmsghdr - 8 // the length field: 8 bytes on 64-bit systems, 4 on 32-bit
	for len(b) >= unix.SizeofCmsghdr {
		var l int
		if lenSize == 8 {
			l = int(ne.Uint64(b))
		} else {
			l = int(ne.Uint32(b))
		}
		level, typ := int32(ne.Uint32(b[lenSize:])), int32(ne.Uint32(b[lenSize+4:]))
		if l < unix.CmsgLen(0) || l > len(b) {
			return
		}
		data := b[unix.CmsgLen(0):l]
		switch {
		case level == unix.SOL_SOCKET && typ == unix.SCM_TIMESTAMPNS && len(data) >= 16 && lenSize == 8:
			c.sec, c.nsec, c.hasTime = int64(ne.Uint64(data)), int64(ne.Uint64(data[8:])), true
		case level == unix.SOL_SOCKET && typ == unix.SCM_TIMESTAMPNS && len(data) >= 8 && lenSize == 4:
			c.sec, c.nsec, c.hasTime = int64(int32(ne.Uint32(data))), int64(int32(ne.Uint32(data[4:]))), true
		case level == unix.SOL_SOCKET && typ == unix.SO_RXQ_OVFL && len(data) >= 4:
			c.drops, c.hasDrops = ne.Uint32(data), true
		case level == unix.IPPROTO_IPV6 && typ == unix.IPV6_PKTINFO && len(data) >= 20:
			copy(c.dst[:], data[:16])
			c.hasDst = true
		case level == unix.IPPROTO_IPV6 && typ == unix.IPV6_HOPLIMIT && len(data) >= 4:
			c.hopLimit = uint8(ne.Uint32(data))
		case level == unix.IPPROTO_IPV6 && typ == unix.IPV6_TCLASS && len(data) >= 4:
			c.tclass = uint8(ne.Uint32(data))
		}
		next := unix.CmsgSpace(l - unix.CmsgLen(0))
		if next > len(b) {
			return
		}
		b = b[next:]
	}
}
