package capture

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"

	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio/packet"
)

// fionread is FIONREAD, _IOR('f', 127, u_long): the bytes waiting.
const fionread = 0x4004667f

// openIPSockets opens Windows' one native capture: an AF_INET SOCK_RAW
// socket bound to an interface's IPv4 address with SIO_RCVALL on, which
// receives every IPv4 packet of that interface, both directions, header
// included; the protocols are chosen in user space.
func openIPSockets(cfg *IPSocketConfig) ([]ipSocket, string, error) {
	ifs, err := Interfaces()
	if err != nil {
		return nil, "", fmt.Errorf("capture: listing interfaces: %w", err)
	}
	addr, name, err := windowsBindAddress(cfg.Interface, ifs)
	if err != nil {
		return nil, "", err
	}
	fd, err := windows.Socket(windows.AF_INET, windows.SOCK_RAW, windows.IPPROTO_IP)
	if err != nil {
		return nil, "", windowsError("socket AF_INET SOCK_RAW", err)
	}
	fail := func(what string, err error) ([]ipSocket, string, error) {
		windows.Closesocket(fd)
		return nil, "", windowsError(what, err)
	}
	if err := windows.Bind(fd, &windows.SockaddrInet4{Addr: addr.As4()}); err != nil {
		return fail("bind "+addr.String(), err)
	}
	_ = windows.SetsockoptInt(fd, windows.SOL_SOCKET, windows.SO_RCVBUF, cfg.BufferBytes)
	on := uint32(rcvallOn)
	var ret uint32
	if err := windows.WSAIoctl(fd, sioRcvall, (*byte)(unsafe.Pointer(&on)), 4, nil, 0, &ret, nil, 0); err != nil {
		return fail("WSAIoctl SIO_RCVALL", err)
	}
	s := &winSock{fd: fd, protos: cfg.Protocols, buf: make([]byte, 65536)}
	s.wsabuf = windows.WSABuf{Len: uint32(len(s.buf)), Buf: &s.buf[0]}
	return []ipSocket{s}, fmt.Sprintf("raw IP socket with SIO_RCVALL: %s over IPv4, %s (%s)", cfg.Protocols, name, addr), nil
}

func windowsError(what string, err error) error {
	if errors.Is(err, windows.WSAEACCES) || errors.Is(err, windows.ERROR_ACCESS_DENIED) {
		return fmt.Errorf("capture: %s: %w (the raw IP socket mode needs an Administrator)", what, os.ErrPermission)
	}
	return fmt.Errorf("capture: %w", os.NewSyscallError(what, err))
}

// winSock is the SIO_RCVALL socket, read with blocking WSARecv calls from
// its goroutine; Close closes it, which ends a WSARecv that waits.
type winSock struct {
	fd     windows.Handle
	protos IPProtocols
	buf    []byte
	wsabuf windows.WSABuf
	closed atomic.Bool
}

// ReadPacket waits for the next IPv4 packet of a wanted protocol. The
// system gives no timestamp: the time is taken when WSARecv returns.
func (s *winSock) ReadPacket(p *packet.Packet) error {
	for {
		var n, flags uint32
		b := s.wsabuf
		err := windows.WSARecv(s.fd, &b, 1, &n, &flags, nil, nil)
		now := time.Now()
		if s.closed.Load() {
			return io.EOF
		}
		if err != nil {
			if errors.Is(err, windows.WSAEMSGSIZE) {
				continue // larger than an IPv4 packet can be: not one
			}
			return windowsError("WSARecv", err)
		}
		pkt := s.buf[:n]
		if !s.protos.wants(pkt) {
			continue
		}
		p.Data = pkt
		p.Length = int(n)
		p.Time = now
		p.HasTime = true
		p.Interface = 0
		p.LinkType = linktype.Raw
		p.Options = packet.Options{}
		return nil
	}
}

// Pending reports whether a packet waits in the socket.
func (s *winSock) Pending() bool {
	var avail, ret uint32
	err := windows.WSAIoctl(s.fd, fionread, nil, 0, (*byte)(unsafe.Pointer(&avail)), 4, &ret, nil, 0)
	return err == nil && avail > 0
}

// Close closes the socket (which turns SIO_RCVALL off); a ReadPacket that
// waits returns io.EOF. What the socket held is not read.
func (s *winSock) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	return windows.Closesocket(s.fd)
}

// dropped reports 0: Windows does not count what a raw socket drops.
func (s *winSock) dropped() uint64 { return 0 }
