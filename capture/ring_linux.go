package capture

import (
	"errors"
	"os"
	"sync/atomic"
	"unsafe"

	"golang.org/x/sys/unix"
)

// errWoken means the Handle's wake-up eventfd fired: the Handle is closing.
var errWoken = errors.New("capture: woken to close")

// ring is one socket's memory-mapped TPACKET_V3 receive ring.
type ring struct {
	fd        int
	mem       []byte
	blockSize int
	numBlocks int
	// cur is the block the ring's goroutine waits for, and then the block
	// the reader walks; the released channel passes it from one to the other.
	cur      int
	released chan struct{}
	pfd      [2]unix.PollFd
	total    Stats // the kernel's counters summed since Open (under Handle.statsMu)
	promisc  int   // the ifindex put in promiscuous mode, or 0
}

func (r *ring) block(i int) []byte {
	o := i * r.blockSize
	return r.mem[o : o+r.blockSize : o+r.blockSize]
}

// statusWord points at block i's block_status, which the kernel and user
// space hand back and forth with atomic accesses.
func (r *ring) statusWord(i int) *uint32 {
	return (*uint32)(unsafe.Pointer(&r.mem[i*r.blockSize+blockStatusOff]))
}

// release gives the current block back to the kernel and moves on.
func (r *ring) release() {
	atomic.StoreUint32(r.statusWord(r.cur), unix.TP_STATUS_KERNEL)
	r.cur++
	if r.cur == r.numBlocks {
		r.cur = 0
	}
}

// wait blocks until the current block belongs to user space, the wake-up
// eventfd fires (errWoken), or the socket reports an error. It never spins:
// it polls the socket and the eventfd together, with no timeout, and the
// kernel hands over a partly filled block after the ring's block timeout.
func (r *ring) wait(wakefd int) error {
	r.pfd[0] = unix.PollFd{Fd: int32(r.fd), Events: unix.POLLIN | unix.POLLERR}
	r.pfd[1] = unix.PollFd{Fd: int32(wakefd), Events: unix.POLLIN}
	for {
		if r.ready() {
			return nil
		}
		_, err := unix.Poll(r.pfd[:], -1)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return os.NewSyscallError("poll", err)
		}
		if r.pfd[1].Revents != 0 {
			return errWoken
		}
		if ev := r.pfd[0].Revents; ev&(unix.POLLERR|unix.POLLHUP|unix.POLLNVAL) != 0 {
			soerr, err := unix.GetsockoptInt(r.fd, unix.SOL_SOCKET, unix.SO_ERROR)
			if err != nil {
				return os.NewSyscallError("getsockopt", err)
			}
			if soerr != 0 {
				return os.NewSyscallError("packet socket", unix.Errno(soerr))
			}
			return errors.New("capture: packet socket failed")
		}
	}
}

// ready reports whether the current block belongs to user space.
func (r *ring) ready() bool {
	return r.mem != nil && atomic.LoadUint32(r.statusWord(r.cur))&unix.TP_STATUS_USER != 0
}

// closeSocket closes the socket. While the ring stays mapped the kernel keeps
// the socket alive, so it first stops it: a drop-all filter ends capturing,
// and dropping the membership ends promiscuous mode.
func (r *ring) closeSocket() {
	if r.fd < 0 {
		return
	}
	if r.mem != nil {
		_ = attachFilter(r.fd, dropAll)
		if r.promisc != 0 {
			mreq := unix.PacketMreq{Ifindex: int32(r.promisc), Type: unix.PACKET_MR_PROMISC}
			_ = unix.SetsockoptPacketMreq(r.fd, unix.SOL_PACKET, unix.PACKET_DROP_MEMBERSHIP, &mreq)
		}
	}
	unix.Close(r.fd)
	r.fd = -1
}

// unmap gives the ring's memory back; the kernel frees it once the socket is
// closed too.
func (r *ring) unmap() {
	if r.mem != nil {
		unix.Munmap(r.mem)
		r.mem = nil
	}
}

// updateStats reads (and so resets) the socket's kernel counters and adds
// them to r.total.
func (r *ring) updateStats() error {
	st, err := unix.GetsockoptTpacketStatsV3(r.fd, unix.SOL_PACKET, unix.PACKET_STATISTICS)
	if err != nil {
		return os.NewSyscallError("getsockopt PACKET_STATISTICS", err)
	}
	r.total.add(Stats{Received: uint64(st.Packets), Dropped: uint64(st.Drops), FreezeQueue: uint64(st.Freeze_q_cnt)})
	return nil
}
