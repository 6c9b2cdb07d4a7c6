package capture

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"

	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio/packet"
)

// Handle is an open live capture: one packet socket whose ring the reader
// polls itself, or a fanout group of them, each with its ring and a goroutine
// that waits for the ring's next block and hands it to the reader.
type Handle struct {
	name      string
	lt        linktype.Type
	cooked    bool
	snap      int
	timeout   time.Duration // the ring blocks' retire timeout
	dir       Direction
	loopbacks []int32
	rings     []*ring

	ready    chan *ring    // blocks ready for the reader, one per ring at most
	done     chan struct{} // closed by Close
	failed   chan struct{} // closed when a ring's socket fails
	failErr  error
	failOnce sync.Once
	wg       sync.WaitGroup

	// mu is held by ReadPacket while it moves from one block to the next
	// (and polls); Close takes it before it closes the sockets. Within a
	// block the reader takes no lock: Close does not unmap the rings while
	// cur is set, and only the reader sets cur.
	mu       sync.Mutex
	stopping atomic.Bool // set by Close: drain what is ready, then io.EOF
	unmapped bool        // the rings' memory is gone
	cur      *ring       // the ring whose current block the reader walks, or nil
	it       blockIter
	f        frame
	buf      []byte        // rebuilt frames (SLL2 header, VLAN tag)
	flags    bool          // fill Packet.Options with epb_flags (Config.PacketFlags)
	opts     [12]byte      // the current packet's pcapng options (epb_flags)
	uvm      *bpf.VM       // the filter, when the kernel cannot run it (cooked sockets)
	corrupt  atomic.Uint64 // blocks that ended early because they were malformed

	closeOnce sync.Once
	statsMu   sync.Mutex
	statsDone bool // the sockets are closed: the totals are final
}

// Open starts capturing as cfg says. Errors wrap ErrNoInterface,
// ErrInterfaceDown or os.ErrPermission where those apply.
func Open(cfg Config) (*Handle, error) {
	g, err := cfg.geometry(unix.Getpagesize())
	if err != nil {
		return nil, err
	}
	if cfg.Interface == "" {
		return nil, errors.New("capture: no interface given (try \"rawcap interfaces\")")
	}
	h := &Handle{
		name: cfg.Interface, snap: g.snapLen, dir: cfg.Direction, flags: cfg.PacketFlags,
		ready: make(chan *ring), done: make(chan struct{}), failed: make(chan struct{}),
		loopbacks: loopbackIndexes(), timeout: time.Duration(g.timeoutMS) * time.Millisecond,
	}
	ifindex := 0
	if cfg.Interface == "any" {
		h.lt, h.cooked = linktype.LinuxSLL2, true
	} else {
		var hatype uint16
		ifindex, hatype, err = lookupInterface(cfg.Interface)
		if err != nil {
			return nil, err
		}
		h.lt, h.cooked = linkTypeFor(hatype)
	}
	h.buf = make([]byte, 0, h.snap+sll2HeaderLen+vlanTagLen)
	if err := h.openRings(ifindex, g, &cfg); err != nil {
		h.release()
		return nil, err
	}
	if len(h.rings) > 1 {
		for _, r := range h.rings {
			h.wg.Add(1)
			go h.run(r)
		}
	}
	return h, nil
}

// openRings opens the sockets, joins them to one fanout group, and only then
// swaps their drop-all filters for the caller's.
func (h *Handle) openRings(ifindex int, g ringGeometry, cfg *Config) error {
	n := max(1, cfg.Fanout)
	var id uint16
	for i := range n {
		arg := 0
		if n > 1 {
			arg = fanoutArg(id, i == 0)
		}
		r, err := openRing(ifindex, h.cooked, g, cfg, arg)
		if err != nil {
			return err
		}
		h.rings = append(h.rings, r)
		if n > 1 && i == 0 {
			if id, err = fanoutID(r.fd); err != nil {
				return err
			}
		}
	}
	prog := cfg.Filter
	if h.cooked && cfg.FilterFrames && len(prog) > 0 {
		// The kernel runs a cooked socket's filter without the SLL2 header.
		if kprog, ok := cookedKernelFilter(prog); ok {
			prog = kprog
		} else {
			vm, err := userFilter(prog)
			if err != nil {
				return err
			}
			h.uvm, prog = vm, nil
		}
	}
	if len(prog) == 0 {
		// Keep everything, cut at the snapshot length in the kernel.
		prog = []bpf.RawInstruction{{Op: unix.BPF_RET | unix.BPF_K, K: uint32(g.snapLen)}}
	}
	prog = clampReturns(prog, uint32(g.snapLen))
	for _, r := range h.rings {
		if err := attachFilter(r.fd, prog); err != nil {
			return fmt.Errorf("capture: attaching the filter: %w", os.NewSyscallError("setsockopt SO_ATTACH_FILTER", err))
		}
	}
	return nil
}

// run waits for r's blocks and passes them to the reader, one at a time:
// it waits for the reader to give a block back before it waits for the next,
// so that the ring's poll never reports a block the reader still holds.
func (h *Handle) run(r *ring) {
	defer h.wg.Done()
	for {
		if err := r.wait(); err != nil {
			if err != errWoken {
				h.fail(fmt.Errorf("capture on %s: %w", h.name, err))
			}
			return
		}
		select {
		case h.ready <- r:
		case <-h.done:
			return
		}
		select {
		case <-r.released:
		case <-h.done:
			return
		}
	}
}

func (h *Handle) fail(err error) {
	h.failOnce.Do(func() {
		h.failErr = err
		close(h.failed)
	})
}

// LinkType returns the link type of the packets ReadPacket returns.
func (h *Handle) LinkType() linktype.Type { return h.lt }

// ReadPacket waits for the next packet and fills p with it. p.Data is a view
// into the ring (or into the Handle's buffer, for rebuilt frames) that stays
// valid until the next call to ReadPacket. After Close, ReadPacket returns
// the packets already handed over by the kernel, then io.EOF. It returns the
// socket's error if capturing failed (for example when the interface went
// away). It does not allocate.
//
// ReadPacket is for one reader: calls must not overlap (Close may run beside
// it). Within a block it takes no lock: while the reader holds a block
// (h.cur is set) Close leaves the rings mapped, so only the move from one
// block to the next synchronises with Close.
func (h *Handle) ReadPacket(p *packet.Packet) error {
	if h.cur != nil && h.nextInBlock(p) {
		return nil
	}
	return h.readBlocks(p)
}

// Pending reports whether the block being read holds packets that ReadPacket
// has not returned yet, so that the next call returns without waiting
// (unless a -Q direction or a user-space filter skips them all). Like
// ReadPacket, it is for the reading goroutine.
func (h *Handle) Pending() bool { return h.cur != nil && h.it.left > 0 }

// readBlocks gives the walked block back and waits for the next one, under
// h.mu, which Close takes before it closes the sockets and unmaps the rings.
func (h *Handle) readBlocks(p *packet.Packet) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.unmapped {
		return io.EOF
	}
	for {
		if h.cur != nil {
			if h.it.corrupt {
				h.corrupt.Add(1)
			}
			r := h.cur
			h.cur = nil
			r.release()
			if len(h.rings) > 1 && !h.stopping.Load() {
				r.released <- struct{}{}
			}
		}
		if err := h.nextBlock(); err != nil {
			if err == io.EOF {
				// The caller has given its last view back: the ring
				// memory can go.
				h.unmap()
			}
			return err
		}
		if h.nextInBlock(p) {
			return nil
		}
	}
}

// nextInBlock fills p with the current block's next wanted packet and
// reports whether there was one.
func (h *Handle) nextInBlock(p *packet.Packet) bool {
	for h.it.next(&h.f) {
		if h.dir != InOut || h.f.pkttype == packetOutgoing {
			if !wanted(h.dir, h.f.pkttype, h.f.pkttype == packetOutgoing && h.isLoopback(h.f.ifindex)) {
				continue
			}
		}
		h.fill(p, &h.f)
		if h.uvm != nil {
			n, err := h.uvm.Run(p.Data)
			if err != nil || n <= 0 {
				continue
			}
			if n < len(p.Data) {
				p.Data = p.Data[:n]
			}
		}
		return true
	}
	return false
}

// nextBlock waits for the next block to walk. A single socket is polled
// right here, in the reader's goroutine; a fanout group's sockets are polled
// by their goroutines, which pass their blocks over h.ready. Once the Handle
// is stopping, nextBlock only takes blocks the kernel has already handed
// over, and then returns io.EOF.
func (h *Handle) nextBlock() error {
	if !h.stopping.Load() {
		var r *ring
		if len(h.rings) == 1 {
			r = h.rings[0]
			err := r.wait()
			if err != nil && err != errWoken {
				h.fail(fmt.Errorf("capture on %s: %w", h.name, err))
				return h.failErr
			}
			if err == errWoken {
				r = nil
			}
		} else {
			select {
			case r = <-h.ready:
			case <-h.done:
			case <-h.failed:
				return h.failErr
			}
		}
		if r != nil {
			h.cur = r
			h.it = newBlockIter(r.block(r.cur))
			return nil
		}
	}
	// Stopping: drain. The fanout goroutines have exited (or will at once:
	// they watch h.done), so every ring's current block is the reader's.
	h.wg.Wait()
	for _, r := range h.rings {
		if r.ready() {
			h.cur = r
			h.it = newBlockIter(r.block(r.cur))
			return nil
		}
	}
	return io.EOF
}

func (h *Handle) isLoopback(ifindex int32) bool {
	return slices.Contains(h.loopbacks, ifindex)
}

func (h *Handle) fill(p *packet.Packet, f *frame) {
	data, length := f.data, int(f.length)
	if h.cooked {
		h.buf = appendSLL2(h.buf[:0], f, data)
		data, length = h.buf, length+sll2HeaderLen
	} else if tpid, tci, ok := vlanTag(f); ok && h.lt == linktype.Ethernet && len(data) >= macAddressesSize {
		h.buf = appendWithVLAN(h.buf[:0], data, tpid, tci)
		data, length = h.buf, length+vlanTagLen
	}
	if len(data) > h.snap {
		data = data[:h.snap]
	}
	// Field by field: cheaper than building a whole Packet and copying it.
	p.Data = data
	p.Length = max(length, len(data))
	p.Time = time.Unix(int64(f.sec), int64(f.nsec))
	p.HasTime = true
	p.Interface = 0
	p.LinkType = h.lt
	if h.flags {
		putFlagsOption(&h.opts, epbFlags(f.pkttype))
		p.Options = packet.MakeOptions(h.opts[:], false)
	} else {
		p.Options = packet.Options{}
	}
}

// Stats returns the kernel's counts since Open, summed over the fanout
// group. After Close it returns the final counts.
func (h *Handle) Stats() (Stats, error) {
	h.statsMu.Lock()
	defer h.statsMu.Unlock()
	var sum Stats
	for _, r := range h.rings {
		if !h.statsDone {
			if err := r.updateStats(); err != nil {
				return sum, err
			}
		}
		sum.add(r.total)
	}
	sum.Corrupt = h.corrupt.Load()
	return sum, nil
}

// Close stops the capture: it stops the kernel adding packets, waits (two
// block timeouts at most) for the kernel to hand over the block it was
// filling, closes the sockets, which also ends promiscuous mode, and wakes a
// ReadPacket that waits for packets. ReadPacket then returns the packets
// already captured, then io.EOF, so that every packet Stats counts as
// received is returned or counted as dropped (unless a -Q direction or a
// user-space filter skips it). Close may be called from any goroutine while
// another reads, and more than once. The rings' memory goes at once, or,
// when the last ReadPacket returned a packet whose view may still be in
// use, at the next ReadPacket.
func (h *Handle) Close() error {
	h.closeOnce.Do(func() {
		deadline := time.Now().Add(2*h.timeout + 20*time.Millisecond)
		for _, r := range h.rings {
			r.stop(deadline)
		}
		h.stopping.Store(true)
		close(h.done)
		for _, r := range h.rings {
			r.wake()
		}
		h.mu.Lock()
		h.wg.Wait()
		h.Stats()
		h.closeSockets()
		if h.cur == nil {
			// No reader holds a block (nor a view into one): the
			// memory can go now; otherwise the reader unmaps it when it
			// reaches the end.
			h.unmap()
		}
		h.mu.Unlock()
	})
	return nil
}

// closeSockets closes the sockets; the rings stay mapped.
func (h *Handle) closeSockets() {
	h.statsMu.Lock()
	defer h.statsMu.Unlock()
	for _, r := range h.rings {
		r.closeSocket()
	}
	h.statsDone = true
}

// unmap gives the rings' memory back.
func (h *Handle) unmap() {
	for _, r := range h.rings {
		r.unmap()
	}
	h.unmapped = true
}

// userFilter prepares prog to run in user space, on the frames ReadPacket
// returns.
func userFilter(prog []bpf.RawInstruction) (*bpf.VM, error) {
	ins := make([]bpf.Instruction, len(prog))
	for i, r := range prog {
		ins[i] = r.Disassemble()
	}
	vm, err := bpf.NewVM(ins)
	if err != nil {
		return nil, fmt.Errorf("capture: the filter cannot run in the kernel on a cooked socket, nor in user space: %w", err)
	}
	return vm, nil
}

// release undoes a half-made Open.
func (h *Handle) release() {
	h.closeSockets()
	h.unmap()
}
