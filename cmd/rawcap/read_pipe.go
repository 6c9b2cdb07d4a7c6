package main

import (
	"bufio"
	"runtime"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// notedPrinter is a printer whose output for a packet can be drawn on
// another goroutine: Note takes, in capture order, what the packet's output
// needs from the packets before it, and Render draws it from that note and
// a Decoder holding the packet's layers (decode.Note).
type notedPrinter interface {
	packetPrinter
	Note(d *decode.Decoder, f *decode.Frame, n *decode.Note)
	Render(b []byte, d *decode.Decoder, f *decode.Frame, n *decode.Note) []byte
}

// pipelined returns pr as a notedPrinter, with a function that makes a
// worker's copy of it, when its output is worth drawing on every core
// (-V, JSON, -T ek, -T fields); ok is false for the others. The reading
// goroutine still decodes and notes each packet: the one-liners and the
// columns cost little more than that.
func pipelined(pr packetPrinter) (np notedPrinter, clone func() notedPrinter, ok bool) {
	switch p := pr.(type) {
	case *decode.TreePrinter:
		return p, func() notedPrinter { return &decode.TreePrinter{Location: p.Location} }, true
	case *decode.JSONPrinter:
		return p, func() notedPrinter { return p.Clone() }, true
	case *decode.EKPrinter:
		return p, func() notedPrinter { return p.Clone() }, true
	case *decode.FieldsPrinter:
		return p, func() notedPrinter { return p.Clone() }, true
	}
	return nil, nil, false
}

// treePipeline draws -V trees, JSON objects and -T ek lines on
// every core. Drawing is most of the cost of those outputs and needs
// nothing from other packets except what the printer's Note records in
// order, so the reading goroutine decodes each packet and notes it, and
// workers draw batches of packets from those notes and the decoded layers.
// A writer goroutine writes the batches in the order they were read.
type treePipeline struct {
	p notedPrinter
	// decodes is set when the printer's lines depend on each packet
	// alone (decode.FieldsPrinter.Independent): the workers then decode
	// the packets too, each with a Decoder of its own, and the reading
	// goroutine only reads, copies and notes them.
	decodes bool
	w       *bufio.Writer
	cur     *treeBatch
	work    chan *treeBatch // batches to draw
	order   chan *treeBatch // every batch, in reading order, for the writer
	free    chan *treeBatch
	fail    chan error    // the writer's first error, as soon as it happens
	done    chan struct{} // closed when the writer has finished
	err     error         // the writer's error, once seen
}

// treeBatch is a run of packets: their bytes, frames and notes, and the text
// drawn for them.
type treeBatch struct {
	arena []byte
	pkts  []treePacket
	out   []byte
	ready chan struct{}
}

type treePacket struct {
	off, n int
	lt     linktype.Type // for a worker that decodes (treePipeline.decodes)
	f      decode.Frame
	note   decode.Note
	layers decode.Snapshot
}

const (
	treeBatchPackets = 64
	treeBatchBytes   = 256 << 10
	// A -T fields line costs a tenth of a JSON object, so its batches are
	// four times larger, with one more of them in flight: with 64 packets
	// a batch, the hand-offs between goroutines left a fifth of both cores
	// idle (`read -T fields`, 2 M packets: 1.00 s → 0.72 s). JSON, -V and
	// ek keep the smaller batches, whose drawn text is large.
	fieldsBatchPackets = 256
	fieldsBatchBytes   = 512 << 10
	// treeMaxWorkers bounds the drawing goroutines: the reading goroutine
	// (read, decode, note) takes about a quarter of the work, so more than
	// four drawers would wait on it, and each holds batches in memory.
	treeMaxWorkers = 4
)

// newTreePipeline starts the workers, each with a printer from clone, and
// the writer. A worker that decodes (decodes) does so with ports, the
// reading goroutine's port table (--decode-as).
func newTreePipeline(p notedPrinter, clone func() notedPrinter, w *bufio.Writer, decodes bool, ports decode.Ports) *treePipeline {
	workers := min(runtime.GOMAXPROCS(0), treeMaxWorkers)
	packets, bytes, batches := treeBatchPackets, treeBatchBytes, workers+2
	if _, ok := p.(*decode.FieldsPrinter); ok {
		packets, bytes, batches = fieldsBatchPackets, fieldsBatchBytes, workers+3
	}
	q := &treePipeline{
		p:       p,
		decodes: decodes,
		w:       w,
		work:    make(chan *treeBatch, workers+1),
		order:   make(chan *treeBatch, batches),
		free:    make(chan *treeBatch, batches),
		fail:    make(chan error, 1),
		done:    make(chan struct{}),
	}
	for range cap(q.free) {
		q.free <- &treeBatch{
			arena: make([]byte, 0, bytes),
			pkts:  make([]treePacket, 0, packets),
			ready: make(chan struct{}, 1),
		}
	}
	for range workers {
		wd := decode.Decoder{Ports: ports} // the maps are only read
		r := clone()
		go func() {
			for b := range q.work {
				b.out = b.out[:0]
				for i := range b.pkts {
					pk := &b.pkts[i]
					if decodes {
						wd.Decode(b.arena[pk.off:pk.off+pk.n], pk.lt)
					} else {
						wd.Restore(&pk.layers, b.arena[pk.off:pk.off+pk.n])
					}
					b.out = r.Render(b.out, &wd, &pk.f, &pk.note)
				}
				b.ready <- struct{}{}
			}
		}()
	}
	go func() {
		var err error
		for b := range q.order {
			<-b.ready
			if err == nil {
				if _, err = w.Write(b.out); err != nil {
					q.fail <- err
				}
			}
			b.arena, b.pkts = b.arena[:0], b.pkts[:0]
			q.free <- b
		}
		close(q.done)
	}()
	return q
}

// add notes the packet d has just decoded from pk (or, when the workers
// decode, the packet pk) and queues it for drawing.
// It returns the writer's error, if writing has failed.
func (q *treePipeline) add(d *decode.Decoder, pk *pcapio.Packet, f *decode.Frame) error {
	if q.cur != nil && (len(q.cur.pkts) == cap(q.cur.pkts) || len(q.cur.arena)+len(pk.Data) > cap(q.cur.arena)) {
		q.send()
	}
	if q.failed() {
		return q.err
	}
	if q.cur == nil {
		q.cur = <-q.free
	}
	b := q.cur
	off := len(b.arena)
	b.arena = append(b.arena, pk.Data...) // a packet larger than the arena grows it once
	// The slot is reused as it is, not zeroed: a note is 2 KB, and Note
	// sets all of it that Render reads, keeping its buffers for reuse.
	n := len(b.pkts)
	b.pkts = b.pkts[:n+1] // room: send leaves none full
	tp := &b.pkts[n]
	tp.off, tp.n, tp.lt, tp.f = off, len(pk.Data), pk.LinkType, *f
	q.p.Note(d, f, &tp.note)
	if !q.decodes {
		d.Snapshot(&tp.layers)
	}
	return nil
}

// failed reports whether the writer has failed, keeping its error in q.err.
func (q *treePipeline) failed() bool {
	if q.err == nil {
		select {
		case q.err = <-q.fail:
		default:
		}
	}
	return q.err != nil
}

func (q *treePipeline) send() {
	q.work <- q.cur
	q.order <- q.cur
	q.cur = nil
}

// flush waits until every packet added so far has been written to the
// bufio.Writer, and returns the writer's error.
func (q *treePipeline) flush() error {
	if q.cur != nil && len(q.cur.pkts) > 0 {
		q.send()
	}
	// Take every batch back: the writer returns each one once written
	// (or, after a failure, once skipped).
	held := make([]*treeBatch, 0, cap(q.free))
	if q.cur != nil {
		held, q.cur = append(held, q.cur), nil
	}
	for len(held) < cap(q.free) {
		held = append(held, <-q.free)
	}
	for _, b := range held {
		q.free <- b
	}
	q.failed()
	return q.err
}

// close flushes and stops the workers and the writer.
func (q *treePipeline) close() error {
	err := q.flush()
	close(q.work)
	close(q.order)
	<-q.done
	return err
}
