package pcapio

import (
	"fmt"
	"io"
	"math/bits"
	"runtime"
	"time"

	"github.com/rawcap/rawcap/linktype"
)

// pcapng block types the writer produces or must recognise when copying.
const (
	wBlockSHB = 0x0A0D0D0A
	wBlockIDB = 1
	wBlockPB  = 2
	wBlockSPB = 3
	wBlockISB = 5
	wBlockEPB = 6
)

// PcapNGWriterOptions configures a PcapNGWriter's section header and its
// truncation.
type PcapNGWriterOptions struct {
	// UserAppl is the shb_userappl option; "" writes "rawcap".
	UserAppl string
	// OS is the shb_os option; "" writes runtime.GOOS.
	OS string
	// Hardware is the shb_hardware option, omitted when "".
	Hardware string
	// Comments are opt_comment options of the section header.
	Comments []string
	// BigEndian writes the writer's own sections big-endian (for tests and
	// for tools that want them); the default is little-endian.
	BigEndian bool
	// Truncate, when non-zero, cuts every packet written or copied to at
	// most Truncate bytes, and caps the snapshot length of every interface
	// added or copied at Truncate.
	Truncate uint32
}

// wIface is what the writer needs to know of an interface of the current
// section: its link type, and how to encode a timestamp for it.
type wIface struct {
	linkType linktype.Type
	snapLen  uint32
	// Timestamps are stored as units of 10^-decExp seconds (pow2 false) or
	// 2^-binExp seconds (pow2 true), minus tsOffset seconds.
	pow2     bool
	exp      uint8
	tsOffset int64
}

// PcapNGWriter writes a pcapng file. Its own sections are little-endian
// (unless PcapNGWriterOptions.BigEndian),
// with nanosecond timestamps (if_tsresol 9); sections copied from another
// file with WriteRawBlock keep their byte order and their interfaces'
// resolutions. It is not safe for concurrent use.
//
// gopacket's pcapgo.NgWriter was not used: it writes little-endian only (no
// lossless copy of big-endian sections), has no way to pass custom, NRB, DSB
// or ISB blocks through, does not byte-swap packet options, flushes through
// a bufio.Writer that hides which write failed, and allocates per packet for
// options; this one keeps a sticky error and never allocates per packet.
type PcapNGWriter struct {
	b       wbuf
	opts    PcapNGWriterOptions
	started bool // a section header has been written
	big     bool // byte order of the current section
	ifaces  []wIface
}

// NewPcapNGWriter returns a PcapNGWriter that writes to w. Nothing is
// written until the first block: the section header is written before the
// first interface, packet or statistics block, unless WriteRawBlock copies
// a section header first.
func NewPcapNGWriter(w io.Writer, opts PcapNGWriterOptions) (*PcapNGWriter, error) {
	if opts.UserAppl == "" {
		opts.UserAppl = "rawcap"
	}
	if opts.OS == "" {
		opts.OS = runtime.GOOS
	}
	for _, s := range append([]string{opts.UserAppl, opts.OS, opts.Hardware}, opts.Comments...) {
		if len(s) > 0xffff {
			return nil, fmt.Errorf("pcapio: section header option of %d bytes: %w", len(s), ErrBlockTooLarge)
		}
	}
	return &PcapNGWriter{b: newWbuf(w), opts: opts, big: opts.BigEndian, ifaces: make([]wIface, 0, 16)}, nil
}

// start writes the writer's own section header if no section is open.
func (w *PcapNGWriter) start() error {
	if w.started {
		return w.b.err
	}
	w.started = true
	o := &w.opts
	n := 28 + 4 // fixed SHB part + opt_endofopt
	for _, s := range append([]string{o.UserAppl, o.OS, o.Hardware}, o.Comments...) {
		if s != "" {
			n += 4 + wPad4(len(s))
		}
	}
	if !w.b.reserve(n) {
		if w.b.err != nil {
			return w.b.err
		}
		return fmt.Errorf("pcapio: section header of %d bytes: %w", n, ErrBlockTooLarge)
	}
	big := w.big
	b := w.b.buf
	b = wApp32(b, big, wBlockSHB)
	b = wApp32(b, big, uint32(n))
	b = wApp32(b, big, 0x1A2B3C4D)
	b = wApp16(b, big, 1)
	b = wApp16(b, big, 0)
	b = wApp64(b, big, ^uint64(0)) // section length unknown
	for _, c := range o.Comments {
		if c != "" {
			b = wAppOptString(b, big, 1, c)
		}
	}
	if o.Hardware != "" {
		b = wAppOptString(b, big, 2, o.Hardware)
	}
	b = wAppOptString(b, big, 3, o.OS)
	b = wAppOptString(b, big, 4, o.UserAppl)
	b = wApp32(b, big, 0) // opt_endofopt
	b = wApp32(b, big, uint32(n))
	w.b.buf = b
	w.ifaces = w.ifaces[:0]
	return nil
}

// AddInterface writes an Interface Description Block for ifc and returns
// its index, which packets select with Packet.Interface. It records the
// link type, the snapshot length (capped by Truncate), if_tsresol 9 and,
// when set, if_name, if_description, if_filter, if_os, if_hardware,
// if_fcslen and if_speed, plus ifc's opt_comment options.
func (w *PcapNGWriter) AddInterface(ifc Interface) (int, error) {
	if err := w.start(); err != nil {
		return 0, err
	}
	comments := ifc.Options.Comments()
	snap := ifc.SnapLen
	if t := w.opts.Truncate; t != 0 && (snap == 0 || snap > t) {
		snap = t
	}
	strs := []struct {
		code uint16
		s    string
	}{{2, ifc.Name}, {3, ifc.Description}, {12, ifc.OS}, {15, ifc.Hardware}}
	if len(ifc.Filter) >= 0xffff {
		return 0, fmt.Errorf("pcapio: interface filter of %d bytes: %w", len(ifc.Filter), ErrBlockTooLarge)
	}
	for _, c := range comments {
		if len(c) > 0xffff {
			return 0, fmt.Errorf("pcapio: interface comment of %d bytes: %w", len(c), ErrBlockTooLarge)
		}
	}
	n := 20 + 8 + 4 // fixed part, if_tsresol, opt_endofopt
	for _, s := range strs {
		if len(s.s) > 0xffff {
			return 0, fmt.Errorf("pcapio: interface option %d of %d bytes: %w", s.code, len(s.s), ErrBlockTooLarge)
		}
		if s.s != "" {
			n += 4 + wPad4(len(s.s))
		}
	}
	if ifc.Filter != "" {
		n += 4 + wPad4(1+len(ifc.Filter))
	}
	for _, c := range comments {
		n += 4 + wPad4(len(c))
	}
	if ifc.FCSLen > 0 {
		n += 8
	}
	if ifc.Speed != 0 {
		n += 12
	}
	if !w.b.reserve(n) {
		if w.b.err != nil {
			return 0, w.b.err
		}
		return 0, fmt.Errorf("pcapio: interface description of %d bytes: %w", n, ErrBlockTooLarge)
	}
	big := w.big
	b := w.b.buf
	b = wApp32(b, big, wBlockIDB)
	b = wApp32(b, big, uint32(n))
	b = wApp16(b, big, uint16(ifc.LinkType))
	b = wApp16(b, big, 0)
	b = wApp32(b, big, snap)
	for _, c := range comments {
		b = wAppOptString(b, big, 1, c)
	}
	for _, s := range strs {
		if s.s != "" {
			b = wAppOptString(b, big, s.code, s.s)
		}
	}
	if ifc.Speed != 0 {
		b = wAppOpt64(b, big, 8, ifc.Speed)
	}
	b = wAppOpt(b, big, 9, []byte{9}) // if_tsresol: nanoseconds
	if ifc.Filter != "" {
		b = wApp16(b, big, 11)
		b = wApp16(b, big, uint16(1+len(ifc.Filter)))
		b = append(b, 0) // libpcap filter string
		b = append(b, ifc.Filter...)
		b = append(b, wZeros[:wPad4(1+len(ifc.Filter))-1-len(ifc.Filter)]...)
	}
	if ifc.FCSLen > 0 {
		b = wAppOpt(b, big, 13, []byte{byte(ifc.FCSLen)})
	}
	b = wApp32(b, big, 0)
	b = wApp32(b, big, uint32(n))
	w.b.buf = b
	w.ifaces = append(w.ifaces, wIface{linkType: ifc.LinkType, snapLen: snap, exp: 9})
	return len(w.ifaces) - 1, nil
}

// Interfaces returns the number of interfaces of the current section.
func (w *PcapNGWriter) Interfaces() int { return len(w.ifaces) }

// wMaxNanoSec is the last second whose nanoseconds fit in 64 bits (2554).
const wMaxNanoSec = (1<<64-1)/1_000_000_000 - 1

// wPow10 holds 10^0..10^19.
var wPow10 = [20]uint64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19}

// ts converts t to the interface's timestamp units. A zero time (a packet
// without a timestamp) is 0: the writer never invents a time.
func (f *wIface) ts(t time.Time) uint64 {
	if t.IsZero() {
		return 0
	}
	sec := t.Unix() - f.tsOffset
	nsec := uint64(t.Nanosecond())
	switch {
	case f.pow2 && f.exp < 64:
		hi, lo := bits.Mul64(nsec, 1<<f.exp)
		q, _ := bits.Div64(hi, lo, 1e9)
		return uint64(sec)<<f.exp + q
	case !f.pow2 && f.exp <= 9:
		d := wPow10[9-f.exp]
		return uint64(sec)*wPow10[f.exp] + nsec/d
	case !f.pow2 && f.exp < 20:
		return uint64(sec)*wPow10[f.exp] + nsec*wPow10[f.exp-9]
	}
	return 0
}

// WritePacket writes an Enhanced Packet Block for p on interface
// p.Interface (an index returned by AddInterface, or of an interface copied
// into the current section), with p.Time in the interface's resolution,
// len(p.Data) captured bytes (cut to Truncate) and p.Length as the
// original length, as given (even when smaller: files hold such records).
// p.Options are copied; options of a section of the other
// byte order are byte-swapped (see Options). It does not allocate.
func (w *PcapNGWriter) WritePacket(p *Packet) error {
	if err := w.start(); err != nil {
		return err
	}
	if p.Interface < 0 || p.Interface >= len(w.ifaces) {
		return fmt.Errorf("pcapio: packet on interface %d of a section with %d: %w", p.Interface, len(w.ifaces), ErrNoInterface)
	}
	data := p.Data
	if t := w.opts.Truncate; t != 0 && len(data) > int(t) {
		data = data[:t]
	}
	orig := max(p.Length, 0)
	raw, optBig := p.Options.Raw()
	optLen := wOptsPrefix(raw, optBig)
	n := 32 + wPad4(len(data)) + optLen
	if optLen > 0 {
		n += 4
	}
	if n > wMaxBlock {
		return fmt.Errorf("pcapio: packet block of %d bytes: %w", n, ErrBlockTooLarge)
	}
	// A packet without a timestamp (zero Time, as from a Simple Packet
	// Block) gets 0; a set Time is written even if HasTime was forgotten.
	if !p.Time.IsZero() {
		if u := p.Time.Unix(); u < 0 || u > wMaxNanoSec {
			return fmt.Errorf("pcapio: packet time %s: %w", p.Time.UTC().Format(time.RFC3339Nano), ErrTimeRange)
		}
	}
	ts := w.ifaces[p.Interface].ts(p.Time)
	big := w.big
	b := &w.b
	// Reserve the whole block when it fits, so the buffer is flushed only
	// between records: a file cut by a killed capture then ends on a whole
	// block.
	if !b.reserve(min(n, cap(b.buf))) {
		return b.err
	}
	b.buf = wApp32(b.buf, big, wBlockEPB)
	b.buf = wApp32(b.buf, big, uint32(n))
	b.buf = wApp32(b.buf, big, uint32(p.Interface))
	b.buf = wApp32(b.buf, big, uint32(ts>>32))
	b.buf = wApp32(b.buf, big, uint32(ts))
	b.buf = wApp32(b.buf, big, uint32(len(data)))
	b.buf = wApp32(b.buf, big, uint32(orig))
	if err := w.emit(data); err != nil {
		return err
	}
	if err := w.emit(wZeros[:wPad4(len(data))-len(data)]); err != nil {
		return err
	}
	if optLen > 0 {
		if err := w.emitOptions(raw[:optLen], optBig); err != nil {
			return err
		}
		if !b.reserve(4) {
			return b.err
		}
		b.buf = wApp32(b.buf, big, 0)
	}
	if !b.reserve(4) {
		return b.err
	}
	b.buf = wApp32(b.buf, big, uint32(n))
	return nil
}

// emit appends p to the buffer, or writes it straight through when it is
// larger than the buffer.
func (w *PcapNGWriter) emit(p []byte) error {
	b := &w.b
	if b.reserve(len(p)) {
		b.buf = append(b.buf, p...)
		return nil
	}
	if b.err != nil {
		return b.err
	}
	return b.writeDirect(p)
}

// emitOptions appends well-formed packet options (in byte order optBig),
// converted to the section's byte order.
func (w *PcapNGWriter) emitOptions(opts []byte, optBig bool) error {
	if optBig == w.big {
		return w.emit(opts)
	}
	b := &w.b
	for len(opts) >= 4 {
		l := 4 + wPad4(int(wGet16(opts[2:], optBig)))
		if err := b.need(l); err != nil {
			return err
		}
		b.buf = wAppSwappedPacketOpt(b.buf, w.big, opts[:l])
		opts = opts[l:]
	}
	return nil
}

// WriteStats writes an Interface Statistics Block for interface iface (an
// index of the current section) now: its timestamp is s.Time, or s.EndTime
// when s.Time is zero (never the current time); it carries isb_starttime and
// isb_endtime when set, the counters s says it knows, and s.Comment. Call
// it before Close to end a capture with its statistics.
func (w *PcapNGWriter) WriteStats(iface int, s InterfaceStats) error {
	if err := w.start(); err != nil {
		return err
	}
	if iface < 0 || iface >= len(w.ifaces) {
		return fmt.Errorf("pcapio: statistics for interface %d of a section with %d: %w", iface, len(w.ifaces), ErrNoInterface)
	}
	if len(s.Comment) > 0xffff {
		return fmt.Errorf("pcapio: statistics comment of %d bytes: %w", len(s.Comment), ErrBlockTooLarge)
	}
	f := &w.ifaces[iface]
	counters := wStatsCounters(&s)
	n := 24 + 4
	if !s.StartTime.IsZero() {
		n += 12
	}
	if !s.EndTime.IsZero() {
		n += 12
	}
	for _, c := range counters {
		if c.ok {
			n += 12
		}
	}
	if s.Comment != "" {
		n += 4 + wPad4(len(s.Comment))
	}
	if !w.b.reserve(n) {
		if w.b.err != nil {
			return w.b.err
		}
		return fmt.Errorf("pcapio: statistics block of %d bytes: %w", n, ErrBlockTooLarge)
	}
	t := s.Time
	if t.IsZero() {
		t = s.EndTime
	}
	ts := f.ts(t)
	big := w.big
	b := w.b.buf
	b = wApp32(b, big, wBlockISB)
	b = wApp32(b, big, uint32(n))
	b = wApp32(b, big, uint32(iface))
	b = wApp32(b, big, uint32(ts>>32))
	b = wApp32(b, big, uint32(ts))
	if s.Comment != "" {
		b = wAppOptString(b, big, 1, s.Comment)
	}
	if !s.StartTime.IsZero() {
		b = wAppOptTime(b, big, 2, f.ts(s.StartTime))
	}
	if !s.EndTime.IsZero() {
		b = wAppOptTime(b, big, 3, f.ts(s.EndTime))
	}
	for i, c := range counters {
		if c.ok {
			b = wAppOpt64(b, big, uint16(4+i), c.v)
		}
	}
	b = wApp32(b, big, 0)
	b = wApp32(b, big, uint32(n))
	w.b.buf = b
	return nil
}

// Flush writes the buffered blocks to the underlying io.Writer, starting
// the file with the section header if nothing was written yet.
func (w *PcapNGWriter) Flush() error {
	if err := w.start(); err != nil {
		return err
	}
	return w.b.flush()
}

// Close flushes (a writer that wrote nothing leaves a file holding just the
// section header); later writes return ErrWriterClosed. It does not close
// the underlying io.Writer.
func (w *PcapNGWriter) Close() error {
	if w.b.closed {
		return nil
	}
	if err := w.start(); err != nil && err != ErrWriterClosed {
		w.b.close()
		return err
	}
	return w.b.close()
}

type wCounter struct {
	v  uint64
	ok bool
}

// wStatsCounters lists s's counters in isb option order (isb_ifrecv 4 to
// isb_usrdeliv 8), each known when its Has bit is set or it is non-zero.
func wStatsCounters(s *InterfaceStats) [5]wCounter {
	return [5]wCounter{
		{s.Received, s.Has&HasReceived != 0 || s.Received != 0},
		{s.Dropped, s.Has&HasDropped != 0 || s.Dropped != 0},
		{s.FilterAccepted, s.Has&HasFilterAccepted != 0 || s.FilterAccepted != 0},
		{s.OSDropped, s.Has&HasOSDropped != 0 || s.OSDropped != 0},
		{s.Delivered, s.Has&HasDelivered != 0 || s.Delivered != 0},
	}
}
