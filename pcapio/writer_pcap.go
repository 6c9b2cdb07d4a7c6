package pcapio

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/rawcap/rawcap/linktype"
)

// PcapWriterOptions configures a PcapWriter.
type PcapWriterOptions struct {
	// LinkType is the file's single link type.
	LinkType linktype.Type
	// SnapLen is the header's snapshot length; 0 means 262144 (libpcap's
	// MAXIMUM_SNAPLEN). The writer does not truncate packets to it: a
	// caller that wants truncation cuts Packet.Data itself.
	SnapLen uint32
	// Nano selects the nanosecond magic (a1b23c4d); otherwise timestamps
	// are truncated to microseconds.
	Nano bool
	// FCSLen, when positive, records in the header that each packet ends
	// with an FCS of that many bytes (a multiple of 2, at most 30).
	FCSLen int
}

// PcapWriter writes a classic pcap file (version 2.4, little-endian). It is
// not safe for concurrent use.
//
// gopacket's pcapgo.Writer was not used: it writes straight to its io.Writer
// (one or two syscalls per packet unless wrapped), and has no sticky error,
// no link-type check and no FCS bits; this one buffers and never allocates
// per packet.
type PcapWriter struct {
	b        wbuf
	linkType linktype.Type
	nano     bool
}

// wPcapMaxSnap is libpcap's MAXIMUM_SNAPLEN, the default header snapshot length.
const wPcapMaxSnap = 262144

// NewPcapWriter returns a PcapWriter that writes to w, with the file header
// already buffered (nothing reaches w before the first Flush, or before the
// buffer fills).
func NewPcapWriter(w io.Writer, opts PcapWriterOptions) (*PcapWriter, error) {
	if opts.FCSLen < 0 || opts.FCSLen > 30 || opts.FCSLen%2 != 0 {
		return nil, fmt.Errorf("pcapio: pcap FCS length %d: want an even number of bytes from 0 to 30", opts.FCSLen)
	}
	pw := &PcapWriter{b: newWbuf(w), linkType: opts.LinkType, nano: opts.Nano}
	magic := uint32(0xa1b2c3d4)
	if opts.Nano {
		magic = 0xa1b23c4d
	}
	snap := opts.SnapLen
	if snap == 0 {
		snap = wPcapMaxSnap
	}
	lt := uint32(opts.LinkType)
	if opts.FCSLen > 0 {
		// Bits 28-31: FCS length in 16-bit words; bit 26: FCS length present.
		lt |= uint32(opts.FCSLen/2)<<28 | 1<<26
	}
	le := binary.LittleEndian
	h := pw.b.buf[:24]
	le.PutUint32(h[0:], magic)
	le.PutUint16(h[4:], 2)
	le.PutUint16(h[6:], 4)
	le.PutUint32(h[8:], 0)  // thiszone
	le.PutUint32(h[12:], 0) // sigfigs
	le.PutUint32(h[16:], snap)
	le.PutUint32(h[20:], lt)
	pw.b.buf = h
	return pw, nil
}

// LinkType returns the file's link type.
func (w *PcapWriter) LinkType() linktype.Type { return w.linkType }

// WritePacket buffers one record: p.Time (truncated to microseconds unless
// the writer is nano; a time before 1970 or after 2106-02-07, which pcap's
// unsigned 32-bit seconds cannot hold, fails with ErrTimeRange),
// len(p.Data) as the captured length and p.Length as the original length,
// as given (even when smaller: files hold such records). A packet whose
// LinkType is set and differs from the file's fails with
// ErrLinkTypeMismatch (a zero LinkType is taken as the file's).
// p.Interface and p.Options are ignored: pcap has no place for them.
func (w *PcapWriter) WritePacket(p *Packet) error {
	if p.LinkType != w.linkType && p.LinkType != 0 {
		return fmt.Errorf("pcapio: packet of link type %v in a pcap file of link type %v: %w", p.LinkType, w.linkType, ErrLinkTypeMismatch)
	}
	caplen := len(p.Data)
	if caplen > wMaxBlock {
		return fmt.Errorf("pcapio: packet of %d bytes: %w", caplen, ErrBlockTooLarge)
	}
	orig := max(p.Length, 0)
	var sec, frac uint32
	if p.HasTime || !p.Time.IsZero() {
		u := p.Time.Unix()
		if u < 0 || u > math.MaxUint32 {
			return fmt.Errorf("pcapio: packet time %s: %w", p.Time.UTC().Format(time.RFC3339Nano), ErrTimeRange)
		}
		sec = uint32(u)
		frac = uint32(p.Time.Nanosecond())
		if !w.nano {
			frac /= 1000
		}
	}
	b := &w.b
	n := len(b.buf)
	if b.err == nil && n+16+caplen <= cap(b.buf) {
		// The common case, inlined: the record fits in the buffer.
		b.buf = b.buf[:n+16+caplen]
		putPcapRecordHeader(b.buf[n:n+16], sec, frac, caplen, orig)
		copy(b.buf[n+16:], p.Data)
		return nil
	}
	direct := !b.reserve(16 + caplen)
	if b.err != nil {
		return b.err
	}
	n = len(b.buf)
	b.buf = b.buf[:n+16]
	putPcapRecordHeader(b.buf[n:], sec, frac, caplen, orig)
	if direct {
		return b.writeDirect(p.Data)
	}
	b.buf = append(b.buf, p.Data...)
	return nil
}

// putPcapRecordHeader encodes a record header into h (16 bytes).
func putPcapRecordHeader(h []byte, sec, frac uint32, caplen, orig int) {
	le := binary.LittleEndian
	_ = h[15]
	le.PutUint32(h[0:], sec)
	le.PutUint32(h[4:], frac)
	le.PutUint32(h[8:], uint32(caplen))
	le.PutUint32(h[12:], uint32(orig))
}

// Flush writes the buffered records to the underlying io.Writer.
func (w *PcapWriter) Flush() error { return w.b.flush() }

// Close flushes; later writes return ErrWriterClosed. It does not close the
// underlying io.Writer.
func (w *PcapWriter) Close() error { return w.b.close() }
