package pcapio

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/klauspost/compress/zstd"
)

// Limits that bound what a hostile file can make the reader allocate.
const (
	// MaxRecordLength is the largest captured length accepted for ordinary
	// link types (libpcap's MAXIMUM_SNAPLEN, Wireshark's
	// WTAP_MAX_PACKET_SIZE_STANDARD).
	MaxRecordLength = 262144
	// MaxBlockLength is the largest pcapng block accepted (Wireshark's limit).
	MaxBlockLength = 16 << 20

	bufSize = 256 << 10
	// maxBuffer bounds the buffer: a whole block, behind the interfaces
	// that Open looks ahead at.
	maxBuffer = MaxBlockLength + prescanLimit
)

// Reader reads packets and blocks from a pcap or pcapng stream. It is not
// safe for concurrent use.
type Reader struct {
	src    io.Reader
	closer io.Closer // the file Open opened, nil for stdin and NewReader
	dec    func()    // closes a decompressor

	buf        []byte
	start, end int        // buf[start:end] holds unread bytes
	off        int64      // stream offset of buf[start]
	rerr       error      // sticky error of src
	fixed      bool       // buf is the caller's memory (NewReaderBytes): never move or grow it
	ra         *readAhead // the source, read ahead (OpenReadAhead); nil: read src directly
	raOwned    bool       // buf is one of ra's chunks
	err        error      // sticky error of the reader

	format Format
	pkt    Packet
	blk    Block

	// pcap
	ph       PcapHeader
	recHdr   int // 16, or 24 for the modified format
	swap     int // lengths swapped: 0 never, 1 when caplen > len (2.3), 2 always (< 2.3)
	maxCap   uint32
	lt       uint16
	recBig   bool
	pcapUnit int64 // ns per timestamp fraction unit: 1000 or 1

	// pcapng
	be       bool // byte order of the current section
	sections []Section
	ifaces   []Interface
	cur      int   // index in sections of the current section
	secBase  int   // index in ifaces of the current section's first interface
	scanned  int64 // blocks before this offset have already been registered
	names    []NameRecord
	secrets  []Secrets
}

// Open opens the named file, or standard input for "-", and reads its
// header. The format and any gzip or zstd compression are recognized from the
// first bytes, never from the name.
func Open(name string) (*Reader, error) {
	if name == "-" {
		return NewReader(os.Stdin)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	r, err := NewReader(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	r.closer = f
	return r, nil
}

// OpenReadAhead is Open for a reader that goes through the whole file: the
// file is read, and a gzip or zstd one decompressed, on goroutines of
// their own, a few megabytes ahead of the caller, so that work runs on
// another core beside the caller's. It holds about 2 MB (4 MB compressed)
// until Close, which must be called.
func OpenReadAhead(name string) (*Reader, error) {
	if name == "-" {
		return NewReader(os.Stdin)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	ra := newReadAhead(f)
	r, err := NewReader(ra)
	if err != nil {
		ra.close()
		f.Close()
		return nil, err
	}
	r.closer = closeFunc(func() error {
		ra.close()
		return f.Close()
	})
	return r, nil
}

// closeFunc is an io.Closer.
type closeFunc func() error

func (c closeFunc) Close() error { return c() }

// NewReader reads the header of a pcap or pcapng stream, gzip- or
// zstd-compressed or not, and returns a Reader positioned at the first
// record. The caller keeps ownership of r; Close does not close it.
func NewReader(src io.Reader) (*Reader, error) {
	r := &Reader{buf: make([]byte, bufSize)}
	if err := r.Reset(src); err != nil {
		return nil, err
	}
	return r, nil
}

// NewReaderBytes reads a capture held in memory (a file read whole, or
// mapped). Uncompressed, it copies nothing: packets and blocks alias b and
// stay valid as long as b does; b must not change while r reads it. gzip
// and zstd data is decompressed through the reader's own buffer, as with
// NewReader.
func NewReaderBytes(b []byte) (*Reader, error) {
	if len(b) >= 4 && (b[0] == 0x1f && b[1] == 0x8b || bytes.Equal(b[:4], []byte{0x28, 0xb5, 0x2f, 0xfd})) {
		return NewReader(bytes.NewReader(b))
	}
	r := &Reader{buf: b[:len(b):len(b)], end: len(b), rerr: io.EOF, fixed: true}
	if len(b) < 4 {
		return nil, &FormatError{Offset: 0, Msg: fmt.Sprintf("%d bytes are too few for a capture file", len(b)), Err: ErrTruncated}
	}
	if err := r.open(); err != nil {
		return nil, err
	}
	return r, nil
}

// Reset makes r read a new stream from src, as NewReader would, reusing its
// buffer. It releases r's decompressor; a file Open opened stays open
// until Close.
func (r *Reader) Reset(src io.Reader) error {
	if r.dec != nil {
		r.dec()
	}
	buf := r.buf
	if len(buf) != bufSize || r.fixed {
		buf = make([]byte, bufSize) // drop a buffer grown for a huge block, or the caller's bytes
	}
	*r = Reader{src: src, buf: buf, closer: r.closer}
	r.ra, _ = src.(*readAhead)
	if err := r.fill(4); err != nil {
		if r.end-r.start < 4 {
			return &FormatError{Offset: 0, Msg: fmt.Sprintf("%d bytes are too few for a capture file", r.end-r.start), Err: ErrTruncated}
		}
		return err
	}
	head := r.buf[r.start : r.start+4]
	switch {
	case head[0] == 0x1f && head[1] == 0x8b:
		zr, err := gzip.NewReader(r.rewind())
		if err != nil {
			return &FormatError{Offset: 0, Msg: "gzip: " + err.Error(), Err: ErrCompressed}
		}
		r.src, r.dec = zr, func() { zr.Close() }
		r.decompressAhead()
	case bytes.Equal(head, []byte{0x28, 0xb5, 0x2f, 0xfd}):
		// The window a frame may ask for is bounded to 128 MiB, which
		// zstd --long=27 needs.
		zr, err := zstd.NewReader(r.rewind(), zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(128<<20))
		if err != nil {
			return &FormatError{Offset: 0, Msg: "zstd: " + err.Error(), Err: ErrCompressed}
		}
		r.src, r.dec = zr, zr.Close
		r.decompressAhead()
	}
	return r.open()
}

// decompressAhead runs the decompressor r.src on a goroutine of its own
// when the file is read ahead (OpenReadAhead); otherwise r reads it
// directly.
func (r *Reader) decompressAhead() {
	if r.ra == nil {
		return
	}
	zr, closeZ := r.src, r.dec
	a := newReadAhead(zr)
	r.src, r.ra = a, a
	r.dec = func() {
		// Close has stopped the file's read-ahead first, so the
		// decompressor's reads end and its goroutine with them.
		a.close()
		a.wg.Wait()
		closeZ()
	}
}

// rewind hands the bytes read so far back, in front of the source, for a
// decompressor to read.
func (r *Reader) rewind() io.Reader {
	head := append([]byte(nil), r.buf[r.start:r.end]...)
	src := io.MultiReader(bytes.NewReader(head), r.src)
	r.start, r.end, r.rerr = 0, 0, nil
	return src
}

// open recognizes the (uncompressed) format and reads its header.
func (r *Reader) open() error {
	if err := r.fill(4); err != nil {
		if r.end-r.start < 4 {
			return &FormatError{Offset: 0, Msg: fmt.Sprintf("%d bytes are too few for a capture file", r.end-r.start), Err: ErrTruncated}
		}
		return err
	}
	var err error
	switch m := r.buf[r.start : r.start+4]; {
	case bytes.Equal(m, []byte{0x0a, 0x0d, 0x0d, 0x0a}):
		r.format = FormatPcapNG
		err = r.openPcapNG()
	default:
		r.format = FormatPcap
		err = r.openPcap()
	}
	if err != nil && r.dec != nil {
		r.dec()
		r.dec = nil
	}
	return err
}

// fill makes at least n unread bytes available in buf[start:end], moving or
// growing the buffer as needed. It returns the source's error (io.EOF at the
// end) when fewer than n bytes remain; callers bound n by maxBuffer. The
// buffer grows only as data arrives, so a length that a short input merely
// claims costs no more than twice the input.
func (r *Reader) fill(n int) error {
	if r.end-r.start >= n {
		return nil
	}
	if r.start+n > len(r.buf) && r.start > 0 && !r.fixed {
		r.end = copy(r.buf, r.buf[r.start:r.end])
		r.start = 0
	}
	if r.ra != nil {
		return r.fillAhead(n)
	}
	for empty := 0; r.end-r.start < n; {
		if r.rerr != nil {
			return r.rerr
		}
		if r.end == len(r.buf) {
			nb := make([]byte, min(2*len(r.buf), maxBuffer))
			r.end = copy(nb, r.buf[r.start:r.end])
			r.start = 0
			r.buf = nb
		}
		m, err := r.src.Read(r.buf[r.end:])
		r.end += m
		if err != nil {
			r.rerr = err
		} else if m == 0 {
			if empty++; empty > 100 {
				r.rerr = io.ErrNoProgress
			}
		}
	}
	return nil
}

// consume marks n bytes as read.
func (r *Reader) consume(n int) {
	r.start += n
	r.off += int64(n)
}

// fail returns a *FormatError.
func (r *Reader) fail(off int64, sentinel error, format string, args ...any) error {
	return &FormatError{Offset: off, Msg: fmt.Sprintf(format, args...), Err: sentinel}
}

// short turns a source error met inside a record into the error Next
// returns: a *FormatError with ErrTruncated when the input just ended.
func (r *Reader) short(off int64, err error, what string, want int) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return r.fail(off, ErrTruncated, "%s needs %d bytes, only %d remain", what, want, r.end-r.start)
	}
	if r.dec != nil {
		return r.fail(off, ErrCompressed, "decompressing %s: %v", what, err)
	}
	return err
}

// Next returns the next packet. The Packet and the slices it holds alias the
// reader's buffer and are valid only until the next call to Next or
// NextBlock; use Packet.Clone to keep one. Next returns io.EOF at the clean
// end of the input, and a *FormatError (wrapping ErrTruncated, ...) on
// damage, after every packet before the damage.
func (r *Reader) Next() (*Packet, error) {
	if r.format == FormatPcap {
		return r.nextPcap()
	}
	for {
		b, err := r.nextBlock()
		if err != nil {
			return nil, err
		}
		if b.Packet != nil {
			return b.Packet, nil
		}
	}
}

// NextBlock returns the next record in file order: for pcapng every block,
// the section header blocks and packets included (Block.Packet is then set);
// for pcap, the packet records. The Block aliases the reader's buffer until
// the next call to Next or NextBlock.
func (r *Reader) NextBlock() (*Block, error) {
	if r.format == FormatPcap {
		off := r.off
		p, err := r.nextPcap()
		if err != nil {
			return nil, err
		}
		n := r.recHdr + len(p.Data)
		r.blk = Block{Type: BlockPcapRecord, Raw: r.buf[r.start-n : r.start : r.start], BigEndian: r.ph.BigEndian, Offset: off, Packet: p}
		return &r.blk, nil
	}
	return r.nextBlock()
}

// Format returns the file's format (of its first section).
func (r *Reader) Format() Format { return r.format }

// Interfaces returns every interface seen so far; Packet.Interface indexes
// it. The slice is the reader's: do not modify it.
func (r *Reader) Interfaces() []Interface { return r.ifaces }

// Sections returns every section seen so far (one for pcap files).
func (r *Reader) Sections() []Section { return r.sections }

// Names returns the Name Resolution Block records seen so far.
func (r *Reader) Names() []NameRecord { return r.names }

// Secrets returns the Decryption Secrets Blocks seen so far.
func (r *Reader) Secrets() []Secrets { return r.secrets }

// PcapHeader returns the pcap file header, and false for pcapng files.
func (r *Reader) PcapHeader() (PcapHeader, bool) { return r.ph, r.format == FormatPcap }

// Offset returns the byte offset, in the uncompressed stream, of the next
// record.
func (r *Reader) Offset() int64 { return r.off }

// Close releases the decompressor and closes the file Open opened. It does
// not close a reader given to NewReader, nor standard input.
func (r *Reader) Close() error {
	// The file first: its read-ahead stops and a decompressor reading it
	// ahead (dec) then finds its end.
	var err error
	if r.closer != nil {
		err = r.closer.Close()
		r.closer = nil
	}
	if r.dec != nil {
		r.dec()
		r.dec = nil
	}
	return err
}
