package follow

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/rawcap/rawcap/decode"
)

// Defaults of a Dir's bounds.
const (
	DefaultMaxOpen    = 64    // files open at once
	DefaultMaxStreams = 16384 // streams followed at once
)

// Dir writes every stream of one protocol to its own file in a directory,
// in one pass: tcp-0007-10.0.0.1.51514-192.0.2.7.443.txt holds what Printer
// prints for stream 7 (node 0 first in the name; an IPv6 address's colons
// are written as '_'), or, with Bin, TCP-…-0.bin and -1.bin hold the bytes
// each node sent, in order, gaps marked as in the text.
//
// Memory and descriptors are bounded: at most MaxOpen files are open (the
// least recently written is closed and reopened in append mode when its
// stream speaks again) and at most MaxStreams streams are followed at once
// (a stream silent while MaxStreams others spoke is finished: its closing
// line is written; should it speak again, its file goes on with a new
// banner and a new reassembler, and Restarted counts it).
//
// With Select set, only the streams with at least one selected packet are
// kept: the others' files are removed by Close.
type Dir struct {
	Path       string
	Proto      string // "tcp", "udp" or "http"
	Mode       Mode
	Bin        bool // raw bytes per node instead of Mode's text
	Select     bool // Add's match picks the streams kept
	MaxOpen    int  // 0: DefaultMaxOpen
	MaxStreams int  // 0: DefaultMaxStreams
	MaxHeld    int  // per TCP side; 0: DefaultMaxHeld

	MaxMessage int // per HTTP message; 0: DefaultMaxMessage

	GaveUp    int // gaps marked missing at the MaxHeld bound
	Split     int // HTTP bodies past MaxMessage, written in pieces
	Dropped   int // HTTP header sections past MaxMessage, skipped
	Restarted int // streams finished at the MaxStreams bound that spoke again

	streams map[uint32]*dirStream
	open    []*dirFile // the open files, least recently used first
	clock   uint64
	seen    bitset // streams with a file this run
	matched bitset // streams with a selected packet
	done    bitset // streams finished at the bound
	err     error

	// Scratch space every stream's printer borrows while it writes, and
	// the buffered writers of closed files, for the next file opened: a
	// stream holds neither between packets.
	scratch []byte
	spareW  []*bufio.Writer
}

// dirFile is one output file, open or closed.
type dirFile struct {
	name    string
	f       *os.File
	w       *bufio.Writer
	created bool
	used    uint64
}

type dirStream struct {
	d      *Dir
	index  uint32
	tcp    TCP
	udp    UDP
	http   *HTTP
	p      Printer
	files  [2]*dirFile // [0] only for text
	headed bool
	used   uint64
}

type bitset []uint64

func (b *bitset) set(i uint32) {
	for int(i/64) >= len(*b) {
		*b = append(*b, 0)
	}
	(*b)[i/64] |= 1 << (i % 64)
}

func (b bitset) has(i uint32) bool { return int(i/64) < len(b) && b[i/64]&(1<<(i%64)) != 0 }

// fileWriter is a stream's text file as an io.Writer.
type fileWriter struct {
	d *Dir
	f *dirFile
}

func (w fileWriter) Write(p []byte) (int, error) { return w.d.write(w.f, p) }

// write appends p to f, opening it first (and closing the least recently
// used file if MaxOpen are open).
func (d *Dir) write(f *dirFile, p []byte) (int, error) {
	if d.err != nil {
		return 0, d.err
	}
	d.clock++
	f.used = d.clock
	if f.f == nil {
		max := d.MaxOpen
		if max <= 0 {
			max = DefaultMaxOpen
		}
		for len(d.open) >= max {
			lru := 0
			for k, o := range d.open {
				if o.used < d.open[lru].used {
					lru = k
				}
			}
			if err := d.closeFile(d.open[lru]); err != nil {
				return 0, err
			}
		}
		flag := os.O_WRONLY | os.O_APPEND
		if !f.created {
			flag = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		}
		h, err := os.OpenFile(filepath.Join(d.Path, f.name), flag, 0o644)
		if err != nil {
			d.err = err
			return 0, err
		}
		f.f, f.created = h, true
		if n := len(d.spareW); n > 0 {
			f.w = d.spareW[n-1]
			d.spareW = d.spareW[:n-1]
			f.w.Reset(h)
		} else {
			f.w = bufio.NewWriterSize(h, 32<<10)
		}
		d.open = append(d.open, f)
	}
	n, err := f.w.Write(p)
	if err != nil {
		d.err = fmt.Errorf("%s: %w", f.name, err)
	}
	return n, err
}

// closeFile flushes and closes an open file.
func (d *Dir) closeFile(f *dirFile) error {
	for k, o := range d.open {
		if o == f {
			d.open = append(d.open[:k], d.open[k+1:]...)
			break
		}
	}
	err := f.w.Flush()
	if cerr := f.f.Close(); err == nil {
		err = cerr
	}
	f.f = nil
	f.w.Reset(nil)
	d.spareW = append(d.spareW, f.w)
	f.w = nil
	if err != nil && d.err == nil {
		d.err = fmt.Errorf("%s: %w", f.name, err)
	}
	return d.err
}

// fileBase names stream s's files: PROTO-NNNN-ADDR.PORT-ADDR.PORT.
func (d *Dir) fileBase(index uint32, nodes [2]Node) string {
	var b strings.Builder
	b.WriteString(d.Proto)
	fmt.Fprintf(&b, "-%04d", index)
	for _, n := range nodes {
		b.WriteByte('-')
		b.WriteString(strings.ReplaceAll(n.Addr.String(), ":", "_"))
		b.WriteByte('.')
		b.WriteString(strconv.Itoa(int(n.Port)))
	}
	return b.String()
}

// Add feeds stream index one TCP or UDP header of a packet that belongs
// to it (s.HaveLen set for TCP; s.Index may differ from index in a
// tunnelled packet), with whether the packet is selected.
func (d *Dir) Add(index uint32, s *decode.Stream, frame int, at time.Time, selected bool) error {
	return d.add(index, s, false, frame, at, selected)
}

// AddHTTP feeds stream index one TCP header as Add does, for Proto
// "http", with whether the packet's payload goes to HTTP (HTTP.Segment).
// A stream's files are made when its first message comes out: a stream
// without one has none.
func (d *Dir) AddHTTP(index uint32, s *decode.Stream, isHTTP bool, frame int, at time.Time, selected bool) error {
	return d.add(index, s, isHTTP, frame, at, selected)
}

func (d *Dir) add(index uint32, s *decode.Stream, isHTTP bool, frame int, at time.Time, selected bool) error {
	if d.err != nil {
		return d.err
	}
	if d.streams == nil {
		d.streams = make(map[uint32]*dirStream)
	}
	if selected {
		d.matched.set(index)
	}
	st := d.streams[index]
	if st == nil {
		max := d.MaxStreams
		if max <= 0 {
			max = DefaultMaxStreams
		}
		if len(d.streams) >= max {
			if err := d.finishOldest(); err != nil {
				return err
			}
		}
		st = &dirStream{d: d, index: index}
		st.tcp.MaxHeld = d.MaxHeld
		if d.Proto == "http" {
			st.http = &HTTP{MaxMessage: d.MaxMessage}
			st.http.TCP.MaxHeld = d.MaxHeld
		}
		if d.done.has(index) {
			d.Restarted++
		}
		d.streams[index] = st
	}
	d.clock++
	st.used = d.clock
	st.p.buf, d.scratch = d.scratch, nil
	defer func() { d.scratch, st.p.buf = st.p.buf, nil }()
	if st.http != nil {
		g, sp, dr := st.http.TCP.GaveUp, st.http.Split, st.http.Dropped
		err := st.http.Segment(s, isHTTP, frame, at, st.httpChunk)
		d.GaveUp += st.http.TCP.GaveUp - g
		d.Split += st.http.Split - sp
		d.Dropped += st.http.Dropped - dr
		return err
	}
	if err := st.head([2]Node{{s.Src, s.SrcPort}, {s.Dst, s.DstPort}}); err != nil {
		return err
	}
	emit := st.p.Chunk
	if d.Bin {
		emit = st.binChunk
	}
	var err error
	if s.TCP {
		g := st.tcp.GaveUp
		err = st.tcp.Segment(s, frame, at, emit)
		d.GaveUp += st.tcp.GaveUp - g
	} else {
		err = st.udp.Datagram(s, frame, at, emit)
	}
	return err
}

// httpChunk writes an HTTP chunk, making the stream's files first.
func (st *dirStream) httpChunk(c Chunk, m *HTTPMessage) error {
	if m.Piece && len(c.Data) == 0 {
		return nil // the end of a body written in pieces
	}
	if err := st.head(st.http.Nodes()); err != nil {
		return err
	}
	if st.d.Bin {
		return st.binChunk(c)
	}
	return st.p.Chunk(c)
}

// head names and starts the stream's files, once.
func (st *dirStream) head(nodes [2]Node) error {
	d, index := st.d, st.index
	if !st.headed {
		st.headed = true
		base := d.fileBase(index, nodes)
		restart := d.done.has(index) // the files exist: go on appending
		if d.Bin {
			for k := range st.files {
				st.files[k] = &dirFile{name: base + "-" + strconv.Itoa(k) + ".bin", created: restart}
			}
		} else {
			st.files[0] = &dirFile{name: base + ".txt", created: restart}
			stream := d.Proto
			if stream == "http" {
				stream = "tcp"
			}
			st.p = Printer{W: fileWriter{d, st.files[0]}, Mode: d.Mode, Proto: d.Proto,
				Filter: stream + ".stream eq " + strconv.FormatUint(uint64(index), 10)}
			if err := st.p.Header(nodes); err != nil {
				return err
			}
		}
		if d.Bin {
			// Create both files, so a stream whose one side said nothing
			// still has its two files.
			for _, f := range st.files {
				if _, err := d.write(f, nil); err != nil {
					return err
				}
			}
		}
		d.seen.set(index)
	}
	return nil
}

// binChunk appends a chunk's bytes to its node's file.
func (st *dirStream) binChunk(c Chunk) error {
	side := 0
	if c.Server {
		side = 1
	}
	_, err := st.d.write(st.files[side], c.Data)
	return err
}

// finishOldest finishes the least recently seen stream.
func (d *Dir) finishOldest() error {
	var old *dirStream
	for _, st := range d.streams {
		if old == nil || st.used < old.used {
			old = st
		}
	}
	d.done.set(old.index)
	return d.finish(old)
}

// finish writes a stream's closing line and closes its files.
func (d *Dir) finish(st *dirStream) error {
	delete(d.streams, st.index)
	if !d.Bin && st.headed {
		st.p.buf, d.scratch = d.scratch, nil
		err := st.p.Footer()
		d.scratch, st.p.buf = st.p.buf, nil
		if err != nil {
			return err
		}
	}
	for _, f := range st.files {
		if f != nil && f.f != nil {
			if err := d.closeFile(f); err != nil {
				return err
			}
		}
	}
	return d.err
}

// Close finishes every stream and, with Select, removes the files of the
// streams without a selected packet. It returns the number of streams
// kept.
func (d *Dir) Close() (int, error) {
	for _, st := range d.streams {
		if err := d.finish(st); err != nil {
			return 0, err
		}
	}
	ents, err := os.ReadDir(d.Path)
	if err != nil {
		return 0, err
	}
	kept := 0
	prefix := d.Proto + "-"
	var errs []error
	for _, e := range ents {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok {
			continue
		}
		num, _, ok := strings.Cut(rest, "-")
		n, perr := strconv.ParseUint(num, 10, 32)
		if !ok || perr != nil || !d.seen.has(uint32(n)) {
			continue // not a file of this run
		}
		if d.Select && !d.matched.has(uint32(n)) {
			if err := os.Remove(filepath.Join(d.Path, name)); err != nil {
				errs = append(errs, err)
			}
			continue
		}
		if d.Bin && strings.HasSuffix(name, "-1.bin") {
			continue // count a stream once
		}
		kept++
	}
	return kept, errors.Join(errs...)
}
