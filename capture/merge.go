package capture

import (
	"errors"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio/packet"
)

// Source is what a Merger reads: a Handle, or any reader with a Handle's
// contract. ReadPacket fills p with a view that stays valid until the next
// call and, once Close has been called, returns what is left and then
// io.EOF; Pending reports whether the next ReadPacket returns without
// waiting; Close may be called from any goroutine, more than once, and wakes
// a ReadPacket that waits.
type Source interface {
	ReadPacket(p *packet.Packet) error
	Pending() bool
	Close() error
}

// Defaults for MergeOptions' zero values.
const (
	// DefaultMergeWindow is twice DefaultBlockTimeout: the kernel hands
	// over a ring block at most one block timeout (plus a timer tick)
	// after its first packet, so a packet that waited this long in the
	// merge has seen every older packet of the other sources that was
	// going to come, with room for the reader's own scheduling.
	DefaultMergeWindow = 2 * DefaultBlockTimeout
	// DefaultMergeBufferMiB bounds the packets copied out of each source
	// and waiting in the merge.
	DefaultMergeBufferMiB = 32
)

// mergeBatchSize is the size of one batch's byte buffer: packets are copied
// from a source into batches, which go to the merging reader whole.
const mergeBatchSize = 1 << 20

// mergeBatchRecords caps a batch's packets (64-byte frames would otherwise
// need 16384 records a batch).
const mergeBatchRecords = 4096

// MergeOptions says how a Merger orders its sources' packets.
type MergeOptions struct {
	// Window is how long a packet waits in the merge, counted from when its
	// source handed it over, for older packets of the sources that have
	// none waiting (0 means DefaultMergeWindow; negative: no waiting, the
	// packets go out in the order they reach the merge, as dumpcap writes
	// several interfaces).
	Window time.Duration
	// BufferMiB bounds, per source, the copied packets waiting in the merge
	// (0 means DefaultMergeBufferMiB). When a source's share is full, the
	// oldest waiting packet goes out without waiting for the window, and
	// the source waits: its ring then holds what arrives.
	BufferMiB int
}

// A Merger reads several sources at once and returns their packets as one
// stream in timestamp order, each with Packet.Interface set to the index of
// its source. Each source is read by a goroutine of its own that copies its
// packets into batches (so a ring's blocks go back to the kernel at once);
// ReadPacket returns, at each call, the oldest packet waiting.
//
// The merge window bounds the wait: a source with nothing waiting may still
// deliver a packet older than those of the others, because the kernel hands
// over a ring block only when it is full or its block timeout has passed.
// So a packet goes out once every source has a packet waiting (the oldest of
// them goes first), or once it has waited for the window since its source
// handed it over. A packet that reaches the merge later than that (a source
// whose reader was held up for longer than the window) goes out when it
// arrives, after younger packets: Late counts them.
//
// ReadPacket is for one goroutine; Close and Late may be called from any.
type Merger struct {
	srcs   []*mergeSource
	window time.Duration
	ready  chan *mergeBatch // batches from the sources' goroutines
	done   chan struct{}    // closed by Close
	wg     sync.WaitGroup
	timer  *time.Timer

	closeOnce sync.Once
	draining  bool // Close was seen: the goroutines have ended; sources are read here
	last      int64
	// held is the batch of the packet returned last, whose view the
	// caller may still use: it goes back to its source only at the next
	// ReadPacket. heldDone says it was taken off its queue meanwhile
	// (by Pending).
	held     *mergeBatch
	heldDone bool
	late     atomic.Uint64
}

// mergeSource is one source with its batches.
type mergeSource struct {
	src      Source
	free     chan *mergeBatch // batches the reader gave back
	made     int              // batches allocated (by the source's goroutine)
	max      int              // batches allowed
	queue    []*mergeBatch    // batches waiting, oldest first (the reader's)
	finished bool             // the source's last batch has been read: err holds its end
	err      error            // io.EOF or the source's failure, once finished

	// While draining, after Close, the reader reads the source itself.
	direct   packet.Packet
	haveHead bool
}

// mergeBatch holds packets copied from one source, in its order.
type mergeBatch struct {
	src  int
	buf  []byte
	recs []mergeRec
	next int       // the reader's position in recs
	sent time.Time // when the source's goroutine handed the batch over
	end  error     // set on a source's last batch: io.EOF or its failure
}

// mergeRec is one packet of a batch: its bytes and options are in buf.
type mergeRec struct {
	off, n, optN int
	length       int
	ns           int64
	lt           linktype.Type
	hasTime      bool
	optBig       bool
}

// NewMerger starts reading srcs, each in a goroutine of its own. Close
// closes them.
func NewMerger(srcs []Source, opts MergeOptions) *Merger {
	w := opts.Window
	if w == 0 {
		w = DefaultMergeWindow
	}
	mib := opts.BufferMiB
	if mib <= 0 {
		mib = DefaultMergeBufferMiB
	}
	perSource := max(2, mib*(1<<20)/mergeBatchSize)
	m := &Merger{
		window: w, ready: make(chan *mergeBatch, (perSource+1)*len(srcs)),
		done:  make(chan struct{}),
		timer: time.NewTimer(time.Hour),
	}
	m.timer.Stop()
	for i, s := range srcs {
		ms := &mergeSource{src: s, max: perSource, free: make(chan *mergeBatch, perSource+1)}
		m.srcs = append(m.srcs, ms)
		m.wg.Add(1)
		go m.run(i, ms)
	}
	return m
}

// run is source i's goroutine: it copies packets into batches and hands
// each batch to the reader when the source has nothing more ready, when the
// batch is full, or when the Merger closes; the reader then reads the
// source itself.
func (m *Merger) run(i int, ms *mergeSource) {
	defer m.wg.Done()
	b := m.batch(i, ms)
	var p packet.Packet
	for {
		if err := ms.src.ReadPacket(&p); err != nil {
			b.end = err
			m.send(b)
			return
		}
		if !b.add(&p) {
			m.send(b)
			b = m.batch(i, ms)
			b.add(&p)
		}
		select {
		case <-m.done:
			m.send(b)
			return
		default:
		}
		if len(b.recs) == cap(b.recs) || !ms.src.Pending() {
			m.send(b)
			b = m.batch(i, ms)
		}
	}
}

// batch returns an empty batch for source i: one the reader gave back, a
// new one while the source is under its share, or else the next one given
// back. Once the Merger closes it makes one more instead of waiting, for
// the packets the goroutine holds: a source has at most max+1 batches.
func (m *Merger) batch(i int, ms *mergeSource) *mergeBatch {
	select {
	case b := <-ms.free:
		return b
	default:
	}
	if ms.made < ms.max {
		ms.made++
		return newMergeBatch(i)
	}
	select {
	case b := <-ms.free:
		return b
	case <-m.done:
		ms.made++
		return newMergeBatch(i)
	}
}

func newMergeBatch(src int) *mergeBatch {
	return &mergeBatch{src: src, buf: make([]byte, 0, mergeBatchSize), recs: make([]mergeRec, 0, mergeBatchRecords)}
}

func (m *Merger) send(b *mergeBatch) {
	b.sent = time.Now()
	m.ready <- b // never blocks: ready holds every batch there can be
}

// add copies p into b and reports whether it fitted. A packet larger than
// an empty batch's buffer gets a buffer of its size.
func (b *mergeBatch) add(p *packet.Packet) bool {
	raw, big := p.Options.Raw()
	need := len(p.Data) + len(raw)
	if len(b.recs) > 0 && (len(b.buf)+need > cap(b.buf) || len(b.recs) == cap(b.recs)) {
		return false
	}
	if len(b.buf)+need > cap(b.buf) {
		b.buf = make([]byte, 0, need)
	}
	off := len(b.buf)
	b.buf = append(append(b.buf, p.Data...), raw...)
	b.recs = append(b.recs, mergeRec{
		off: off, n: len(p.Data), optN: len(raw), length: p.Length,
		ns: p.Time.UnixNano(), lt: p.LinkType, hasTime: p.HasTime, optBig: big,
	})
	return true
}

func (b *mergeBatch) reset() {
	b.buf, b.recs, b.next, b.end = b.buf[:0], b.recs[:0], 0, nil
}

// Late returns the number of packets that reached the merge after younger
// packets of another source had gone out.
func (m *Merger) Late() uint64 { return m.late.Load() }

// Close closes every source and stops the goroutines; ReadPacket then
// returns what the sources had captured, in order, then io.EOF. It may be
// called from any goroutine, more than once. The error is the first of the
// sources' Close errors.
func (m *Merger) Close() error {
	var err error
	m.closeOnce.Do(func() {
		for _, s := range m.srcs {
			err = errors.Join(err, s.src.Close())
		}
		close(m.done)
	})
	return err
}

// Pending reports whether ReadPacket has a packet to return without
// waiting.
func (m *Merger) Pending() bool {
	if m.draining {
		return true
	}
	i, _ := m.oldest()
	return i >= 0 && (m.allWaiting() || m.window < 0 || m.full())
}

// ReadPacket fills p with the oldest packet waiting, once the merge window
// allows. p.Data is a view valid until the next call. After Close it returns
// the packets the sources still had, then io.EOF; a source's failure comes
// back as its error after that source's earlier packets. It does not
// allocate.
func (m *Merger) ReadPacket(p *packet.Packet) error {
	m.giveBack()
	if m.draining {
		return m.readDraining(p)
	}
	for {
		m.collect()
		if err := m.finishedError(); err != nil {
			return err
		}
		i, b := m.oldest()
		if i >= 0 && (m.allWaiting() || m.window < 0 || m.full()) {
			m.emit(p, i, b)
			return nil
		}
		var wait <-chan time.Time
		if i >= 0 {
			d := time.Until(b.sent.Add(m.window))
			if d <= 0 {
				m.emit(p, i, b)
				return nil
			}
			m.timer.Reset(d)
			wait = m.timer.C
		} else if m.allFinished() {
			return io.EOF
		} else if err := m.finishedError(); err != nil {
			// oldest found a source's failure after its last packet:
			// report it now, not after another source's next packet,
			// which may never come.
			return err
		}
		select {
		case nb := <-m.ready:
			m.enqueue(nb)
		case <-wait:
		case <-m.done:
			m.wg.Wait()
			m.draining = true
			m.timer.Stop()
			return m.readDraining(p)
		}
		if wait != nil {
			m.timer.Stop() // (Go 1.23 timers: no stale tick is left to drain)
		}
	}
}

// giveBack returns the batch of the packet returned last to its source once
// the reader is through it.
func (m *Merger) giveBack() {
	b := m.held
	if b == nil {
		return
	}
	m.held = nil
	ms := m.srcs[b.src]
	if m.heldDone {
		m.heldDone = false
		m.free(ms, b)
		return
	}
	if b.next < len(b.recs) {
		return
	}
	// Through, and still at the head of its queue.
	if b.end != nil {
		ms.finished, ms.err = true, b.end
	}
	ms.queue = ms.queue[1:]
	m.free(ms, b)
}

// release gives back a batch taken off its queue, unless the caller may
// still hold a view into it: giveBack gives that one back.
func (m *Merger) release(ms *mergeSource, b *mergeBatch) {
	if b == m.held {
		m.heldDone = true
		return
	}
	m.free(ms, b)
}

func (m *Merger) free(ms *mergeSource, b *mergeBatch) {
	b.reset()
	ms.free <- b // never blocks: free holds the source's every batch
}

// collect moves the batches that have arrived into their sources' queues.
func (m *Merger) collect() {
	for {
		select {
		case b := <-m.ready:
			m.enqueue(b)
		default:
			return
		}
	}
}

// enqueue queues b, or (for an empty last batch) records its source's end.
func (m *Merger) enqueue(b *mergeBatch) {
	ms := m.srcs[b.src]
	if len(b.recs) == 0 && len(ms.queue) == 0 {
		if b.end != nil {
			ms.finished, ms.err = true, b.end
		}
		m.free(ms, b)
		return
	}
	ms.queue = append(ms.queue, b)
}

// finishedError returns the failure of a source whose packets have all
// been read, leaving io.EOF as a plain end.
func (m *Merger) finishedError() error {
	for _, ms := range m.srcs {
		if ms.finished && ms.err != io.EOF && ms.err != nil {
			err := ms.err
			ms.err = io.EOF // reported once
			return err
		}
	}
	return nil
}

// head returns the next waiting packet of ms's queue, taking off the
// batches that are through (or hold only an end).
func (m *Merger) head(ms *mergeSource) (*mergeBatch, bool) {
	for len(ms.queue) > 0 {
		b := ms.queue[0]
		if b.next < len(b.recs) {
			return b, true
		}
		if b.end != nil {
			ms.finished, ms.err = true, b.end
		}
		ms.queue = ms.queue[1:]
		m.release(ms, b)
	}
	return nil, false
}

// oldest returns the source whose waiting packet is the oldest, and its
// batch; -1 when no packet waits.
func (m *Merger) oldest() (int, *mergeBatch) {
	best, bestBatch := -1, (*mergeBatch)(nil)
	var bestNS int64
	for i, ms := range m.srcs {
		b, ok := m.head(ms)
		if !ok {
			continue
		}
		if ns := b.recs[b.next].ns; best < 0 || ns < bestNS {
			best, bestBatch, bestNS = i, b, ns
		}
	}
	return best, bestBatch
}

// allWaiting reports whether every source that has not ended has a packet
// waiting: then the oldest of them is the oldest there will be.
func (m *Merger) allWaiting() bool {
	for _, ms := range m.srcs {
		if ms.finished {
			continue
		}
		if _, ok := m.head(ms); !ok {
			return false
		}
	}
	return true
}

// full reports whether a source has all its batches waiting here.
func (m *Merger) full() bool {
	for _, ms := range m.srcs {
		if len(ms.queue) >= ms.max {
			return true
		}
	}
	return false
}

func (m *Merger) allFinished() bool {
	for _, ms := range m.srcs {
		if !ms.finished {
			return false
		}
	}
	return true
}

// emit fills p with b's next packet (of source i).
func (m *Merger) emit(p *packet.Packet, i int, b *mergeBatch) {
	r := &b.recs[b.next]
	b.next++
	p.Data = b.buf[r.off : r.off+r.n : r.off+r.n]
	p.Length = r.length
	p.Time = time.Unix(0, r.ns)
	p.HasTime = r.hasTime
	p.Interface = i
	p.LinkType = r.lt
	if r.optN > 0 {
		p.Options = packet.MakeOptions(b.buf[r.off+r.n:r.off+r.n+r.optN:r.off+r.n+r.optN], r.optBig)
	} else {
		p.Options = packet.Options{}
	}
	m.note(r.ns)
	m.held = b
}

// note counts a packet older than the one returned before it.
func (m *Merger) note(ns int64) {
	if ns < m.last {
		m.late.Add(1)
	} else {
		m.last = ns
	}
}

// readDraining merges after Close: the goroutines have ended, and each
// source's queued batches come first, then what the reader reads from the
// source itself (a zero-copy view, valid until the next call).
func (m *Merger) readDraining(p *packet.Packet) error {
	m.collect()
	if err := m.finishedError(); err != nil {
		return err
	}
	best, bestNS := -1, int64(0)
	var bestBatch *mergeBatch
	for i, ms := range m.srcs {
		var ns int64
		if b, ok := m.head(ms); ok {
			ns = b.recs[b.next].ns
			if best < 0 || ns < bestNS {
				best, bestNS, bestBatch = i, ns, b
			}
			continue
		}
		if ms.finished {
			continue
		}
		if !ms.haveHead {
			if err := ms.src.ReadPacket(&ms.direct); err != nil {
				ms.finished, ms.err = true, err
				if err != io.EOF {
					ms.err = io.EOF
					return err
				}
				continue
			}
			ms.haveHead = true
		}
		ns = ms.direct.Time.UnixNano()
		if best < 0 || ns < bestNS {
			best, bestNS, bestBatch = i, ns, nil
		}
	}
	if best < 0 {
		return io.EOF
	}
	if bestBatch != nil {
		m.emit(p, best, bestBatch)
		return nil
	}
	ms := m.srcs[best]
	ms.haveHead = false
	*p = ms.direct
	p.Interface = best
	m.note(bestNS)
	return nil
}
