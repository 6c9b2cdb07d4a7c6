package capture

import (
	"errors"
	"os"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// errWoken means that wake was called: the Handle is closing.
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
	// file holds fd (non-blocking) in the runtime's network poller, so that
	// waiting for a block parks the goroutine instead of blocking a thread
	// in poll(2): a thread blocked in a system call keeps the runtime's
	// monitor thread waking every 20µs to 10ms to take its P back, which
	// cost more CPU than the packets themselves. rc is file's raw access,
	// check (made once: no allocation per wait) is the readiness test it
	// runs, and checkErr what check found wrong with the socket.
	file     *os.File
	rc       syscall.RawConn
	check    func(uintptr) bool
	checkErr error
	pfd      [1]unix.PollFd
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

// poll puts the socket (already non-blocking) into the runtime's network
// poller.
func (r *ring) poll() error {
	r.file = os.NewFile(uintptr(r.fd), "packet socket")
	rc, err := r.file.SyscallConn()
	if err != nil {
		return err
	}
	// A file the poller does not hold has no deadlines: wake would not work.
	if err := r.file.SetReadDeadline(time.Time{}); err != nil {
		return err
	}
	r.rc, r.check = rc, r.readyOrFailed
	return nil
}

// wait blocks until the current block belongs to user space, wake is called
// (errWoken), or the socket reports an error. It never spins: the goroutine
// parks in the network poller, which the kernel wakes when it hands over a
// block (a partly filled one after the ring's block timeout).
func (r *ring) wait() error {
	for !r.ready() {
		r.checkErr = nil
		err := r.rc.Read(r.check)
		if r.checkErr != nil {
			return r.checkErr
		}
		switch {
		case errors.Is(err, os.ErrDeadlineExceeded), errors.Is(err, os.ErrClosed):
			return errWoken
		case err != nil:
			// The poller saw only an error event: ask the socket.
			if err := r.socketError(); err != nil {
				return err
			}
			return errors.New("capture: packet socket failed")
		}
	}
	return nil
}

// readyOrFailed is the poller's test: the current block is the reader's, or
// the socket has failed (checkErr).
func (r *ring) readyOrFailed(uintptr) bool {
	if r.ready() {
		return true
	}
	r.checkErr = r.socketError()
	return r.checkErr != nil
}

// socketError polls the socket without waiting and returns its pending
// error, if it reports one (for example ENETDOWN when the interface went).
func (r *ring) socketError() error {
	r.pfd[0] = unix.PollFd{Fd: int32(r.fd), Events: unix.POLLIN | unix.POLLERR}
	n, err := unix.Poll(r.pfd[:], 0)
	if err == unix.EINTR || n == 0 {
		return nil
	}
	if err != nil {
		return os.NewSyscallError("poll", err)
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
	return nil
}

// wake makes a wait in progress, and every later one, return errWoken.
func (r *ring) wake() {
	if r.file != nil {
		_ = r.file.SetReadDeadline(time.Unix(1, 0))
	}
}

// ready reports whether the current block belongs to user space.
func (r *ring) ready() bool {
	return r.mem != nil && atomic.LoadUint32(r.statusWord(r.cur))&unix.TP_STATUS_USER != 0
}

// stop ends capturing (a drop-all filter) and waits, until deadline at
// most, for the kernel to hand over the block it was filling: packets the
// kernel has counted as received are then in a block the reader can walk,
// instead of lost in a block that never leaves the kernel. The kernel's
// block timer retires a partly filled block within two block timeouts.
func (r *ring) stop(deadline time.Time) {
	if r.fd < 0 || r.mem == nil {
		return
	}
	_ = attachFilter(r.fd, dropAll)
	for time.Now().Before(deadline) {
		i, ok := r.filling()
		if !ok || atomic.LoadUint32(r.statusWord(i))&unix.TP_STATUS_USER != 0 {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// filling returns the block the kernel fills, when it holds packets: the
// block the kernel opened last (the highest sequence number) while it is
// still the kernel's. Blocks given back by the reader keep their old
// sequence numbers and packet counts until the kernel opens them again.
func (r *ring) filling() (int, bool) {
	best, bestSeq := -1, uint64(0)
	for i := range r.numBlocks {
		b := r.mem[i*r.blockSize:]
		if seq := atomic.LoadUint64((*uint64)(unsafe.Pointer(&b[blockSeqOff]))); best < 0 || seq > bestSeq {
			best, bestSeq = i, seq
		}
	}
	b := r.mem[best*r.blockSize:]
	status := atomic.LoadUint32(r.statusWord(best))
	n := atomic.LoadUint32((*uint32)(unsafe.Pointer(&b[blockNumPktsOff])))
	return best, status&unix.TP_STATUS_USER == 0 && n > 0
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
	if r.file != nil {
		r.file.Close() // closes fd
	} else {
		unix.Close(r.fd)
	}
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
