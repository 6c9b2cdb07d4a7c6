package capture

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"os"

	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"
)

// dropAll is the filter every socket starts with, so that nothing reaches
// the ring before the sockets are bound, joined to their fanout group and
// given the caller's filter.
var dropAll = []bpf.RawInstruction{{Op: unix.BPF_RET | unix.BPF_K, K: 0}}

func htons(v uint16) uint16 {
	var b [2]byte
	binary.BigEndian.PutUint16(b[:], v)
	return ne.Uint16(b[:])
}

// openRing opens one packet socket with a drop-all filter, its ring mapped,
// bound to ifindex (0: every interface), in promiscuous mode unless told
// otherwise, and joined to fanout group (fanout is the PACKET_FANOUT
// argument, 0 for none).
func openRing(ifindex int, cooked bool, g ringGeometry, cfg *Config, fanout int) (*ring, error) {
	typ := unix.SOCK_RAW
	if cooked {
		typ = unix.SOCK_DGRAM
	}
	// Protocol 0: the socket receives nothing until bind names a protocol.
	// Non-blocking, for the runtime's network poller (see ring.file).
	fd, err := unix.Socket(unix.AF_PACKET, typ|unix.SOCK_CLOEXEC|unix.SOCK_NONBLOCK, 0)
	if err != nil {
		if errors.Is(err, unix.EPERM) || errors.Is(err, unix.EACCES) {
			return nil, fmt.Errorf("capture: %s: %w", permissionHint, os.NewSyscallError("socket", err))
		}
		return nil, fmt.Errorf("capture: %w", os.NewSyscallError("socket", err))
	}
	r := &ring{fd: fd, blockSize: g.blockSize, numBlocks: g.numBlocks, released: make(chan struct{}, 1)}
	fail := func(what string, err error) (*ring, error) {
		r.unmap()
		r.closeSocket()
		return nil, fmt.Errorf("capture: %w", os.NewSyscallError(what, err))
	}
	if err := r.poll(); err != nil {
		r.closeSocket()
		return nil, fmt.Errorf("capture: packet socket in the network poller: %w", err)
	}
	if err := attachFilter(fd, dropAll); err != nil {
		return fail("setsockopt SO_ATTACH_FILTER", err)
	}
	if err := unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_VERSION, unix.TPACKET_V3); err != nil {
		return fail("setsockopt PACKET_VERSION", err)
	}
	if cfg.Direction == In {
		// Best effort (Linux 4.20+): spares the copy of outgoing packets;
		// ReadPacket drops them anyway.
		_ = unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_IGNORE_OUTGOING, 1)
	}
	req := unix.TpacketReq3{
		Block_size:     uint32(g.blockSize),
		Block_nr:       uint32(g.numBlocks),
		Frame_size:     uint32(g.frameSize),
		Frame_nr:       uint32(g.blockSize / g.frameSize * g.numBlocks),
		Retire_blk_tov: uint32(g.timeoutMS),
	}
	if err := unix.SetsockoptTpacketReq3(fd, unix.SOL_PACKET, unix.PACKET_RX_RING, &req); err != nil {
		return fail(fmt.Sprintf("setsockopt PACKET_RX_RING (%d blocks of %d bytes)", g.numBlocks, g.blockSize), err)
	}
	r.mem, err = unix.Mmap(fd, 0, g.blockSize*g.numBlocks, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
	if err != nil {
		return fail("mmap", err)
	}
	if err := unix.Bind(fd, &unix.SockaddrLinklayer{Protocol: htons(unix.ETH_P_ALL), Ifindex: ifindex}); err != nil {
		return fail("bind", err)
	}
	if !cfg.NoPromisc && ifindex != 0 {
		mreq := unix.PacketMreq{Ifindex: int32(ifindex), Type: unix.PACKET_MR_PROMISC}
		if err := unix.SetsockoptPacketMreq(fd, unix.SOL_PACKET, unix.PACKET_ADD_MEMBERSHIP, &mreq); err != nil {
			return fail("setsockopt PACKET_ADD_MEMBERSHIP", err)
		}
		r.promisc = ifindex
	}
	if fanout != 0 {
		if err := unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_FANOUT, fanout); err != nil {
			return fail("setsockopt PACKET_FANOUT", err)
		}
	}
	return r, nil
}

// fanoutArg returns the PACKET_FANOUT argument for group id: flow hash with
// IP defragmentation. With unique set (the first socket), the kernel picks
// an unused id; fanoutID reads it back.
func fanoutArg(id uint16, unique bool) int {
	flags := unix.PACKET_FANOUT_HASH | unix.PACKET_FANOUT_FLAG_DEFRAG
	if unique {
		flags |= unix.PACKET_FANOUT_FLAG_UNIQUEID
	}
	return int(id) | flags<<16
}

func fanoutID(fd int) (uint16, error) {
	v, err := unix.GetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_FANOUT)
	if err != nil {
		return 0, fmt.Errorf("capture: %w", os.NewSyscallError("getsockopt PACKET_FANOUT", err))
	}
	return uint16(v), nil
}

// attachFilter attaches prog to fd with SO_ATTACH_FILTER, replacing any
// filter already there atomically.
func attachFilter(fd int, prog []bpf.RawInstruction) error {
	if len(prog) == 0 || len(prog) > 0xffff {
		return fmt.Errorf("capture: filter of %d instructions", len(prog))
	}
	ins := make([]unix.SockFilter, len(prog))
	for i, p := range prog {
		ins[i] = unix.SockFilter{Code: p.Op, Jt: p.Jt, Jf: p.Jf, K: p.K}
	}
	fp := unix.SockFprog{Len: uint16(len(ins)), Filter: &ins[0]}
	return unix.SetsockoptSockFprog(fd, unix.SOL_SOCKET, unix.SO_ATTACH_FILTER, &fp)
}

// lookupInterface finds name in the calling thread's network namespace and
// checks that it is up. It returns the index and ARPHRD hardware type.
func lookupInterface(name string) (index int, hatype uint16, err error) {
	ni, err := net.InterfaceByName(name)
	if err != nil {
		have := []string{"any"}
		if ifs, err := net.Interfaces(); err == nil {
			have = have[:0]
			for _, i := range ifs {
				have = append(have, i.Name)
			}
			have = append(have, "any")
		}
		return 0, 0, noInterfaceError(name, have)
	}
	if ni.Flags&net.FlagUp == 0 {
		return 0, 0, interfaceDownError(name)
	}
	hatype = arphrdEther
	if x, ok := linkInfo()[ni.Index]; ok {
		hatype = x.hatype
	}
	return ni.Index, hatype, nil
}

// loopbackIndexes lists the indexes of the loopback interfaces.
func loopbackIndexes() []int32 {
	var out []int32
	ifs, _ := net.Interfaces()
	for _, i := range ifs {
		if i.Flags&net.FlagLoopback != 0 {
			out = append(out, int32(i.Index))
		}
	}
	return out
}
