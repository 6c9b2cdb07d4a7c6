package pcapio

import (
	"encoding/binary"
	"io"
)

// Minimum total lengths of pcapng blocks (header, fixed fields, trailer).
const (
	minBlock = 12
	minSHB   = 28
	minIDB   = 20
	minEPB   = 32
	minPB    = 32
	minSPB   = 16
	minISB   = 24
	minDSB   = 20
	minCB    = 16

	prescanLimit = 1 << 20
)

func (r *Reader) u16(b []byte) uint16 {
	if r.be {
		return binary.BigEndian.Uint16(b)
	}
	return binary.LittleEndian.Uint16(b)
}

func (r *Reader) u32be(b []byte, be bool) uint32 {
	if be {
		return binary.BigEndian.Uint32(b)
	}
	return binary.LittleEndian.Uint32(b)
}

func (r *Reader) u64(b []byte) uint64 {
	if r.be {
		return binary.BigEndian.Uint64(b)
	}
	return binary.LittleEndian.Uint64(b)
}

// openPcapNG registers the first section and the interfaces that directly
// follow it, so that Interfaces is useful before the first packet. The
// blocks stay unread: NextBlock returns them.
func (r *Reader) openPcapNG() error {
	typ, n, be, err := r.peekBlock(0)
	if err != nil {
		if err == io.EOF {
			err = r.short(0, io.ErrUnexpectedEOF, "section header block", minSHB)
		}
		return err
	}
	if typ != BlockSHB {
		return r.fail(0, ErrBadMagic, "no section header block")
	}
	if err := r.addSection(r.buf[r.start:r.start+n], be, 0); err != nil {
		return err
	}
	// Look ahead for the section's interfaces, past blocks that do not
	// depend on them (NRB, DSB, custom, unknown), up to the first packet,
	// statistics or section header block.
	at := n
scan:
	for at < prescanLimit {
		typ, n, _, err := r.peekBlock(at)
		if err != nil {
			break
		}
		switch typ {
		case BlockSHB, BlockEPB, BlockSPB, BlockPB, BlockISB:
			break scan
		case BlockIDB:
			if err := r.addInterface(r.buf[r.start+at:r.start+at+n], r.off+int64(at)); err != nil {
				break scan
			}
		}
		at += n
	}
	r.scanned = r.off + int64(at)
	return nil
}

// peekBlock makes the block that starts at buf[start+at] available whole,
// validates its length and trailer, and returns its type, length and byte
// order. It returns io.EOF when the input ends cleanly before the block.
func (r *Reader) peekBlock(at int) (typ uint32, n int, be bool, err error) {
	off := r.off + int64(at)
	if r.end-r.start < at+8 {
		if err := r.fill(at + 8); err != nil {
			if r.end-r.start == at && err == io.EOF {
				return 0, 0, false, io.EOF
			}
			return 0, 0, false, r.short(off, err, "block header", 8)
		}
	}
	h := r.buf[r.start+at:]
	be = r.be
	min := minBlock
	if h[0] == 0x0a && h[1] == 0x0d && h[2] == 0x0d && h[3] == 0x0a {
		if err := r.fill(at + 12); err != nil {
			return 0, 0, false, r.short(off, err, "section header block", 12)
		}
		h = r.buf[r.start+at:]
		switch binary.BigEndian.Uint32(h[8:]) {
		case 0x1a2b3c4d:
			be = true
		case 0x4d3c2b1a:
			be = false
		default:
			return 0, 0, false, r.fail(off+8, ErrBadMagic, "section header byte-order magic % x", h[8:12])
		}
		min = minSHB
	}
	typ = r.u32be(h, be)
	length := r.u32be(h[4:], be)
	switch {
	case length%4 != 0:
		return 0, 0, false, r.fail(off, ErrBlockLength, "block type %#x length %d is not a multiple of 4", typ, length)
	case length < uint32(min):
		return 0, 0, false, r.fail(off, ErrBlockLength, "block type %#x length %d is below the minimum of %d", typ, length, min)
	case length > MaxBlockLength:
		return 0, 0, false, r.fail(off, ErrTooLarge, "block type %#x length %d is above the limit of %d", typ, length, MaxBlockLength)
	}
	n = int(length)
	if r.end-r.start < at+n {
		if err := r.fill(at + n); err != nil {
			return 0, 0, false, r.short(off, err, "block", n)
		}
	}
	b := r.buf[r.start+at : r.start+at+n]
	if t := r.u32be(b[n-4:], be); t != length {
		return 0, 0, false, r.fail(off, ErrBlockLength, "block type %#x length %d differs from its trailer %d", typ, length, t)
	}
	return typ, n, be, nil
}

// nextBlock reads one pcapng block; errors other than io.EOF stick.
func (r *Reader) nextBlock() (*Block, error) {
	if r.err != nil {
		return nil, r.err
	}
	b, err := r.readBlock()
	if err != nil && err != io.EOF {
		r.err = err
	}
	return b, err
}

func (r *Reader) readBlock() (*Block, error) {
	typ, n, be, err := r.peekBlock(0)
	if err != nil {
		return nil, err
	}
	off := r.off
	raw := r.buf[r.start : r.start+n : r.start+n]
	var pkt *Packet
	switch typ {
	case BlockSHB:
		if off >= r.scanned {
			err = r.addSection(raw, be, off)
		} else {
			r.be, r.cur, r.secBase = be, 0, 0
		}
	case BlockIDB:
		if off >= r.scanned {
			err = r.addInterface(raw, off)
		}
	case BlockEPB:
		pkt, err = r.epb(raw, off)
	case BlockSPB:
		pkt, err = r.spb(raw, off)
	case BlockPB:
		pkt, err = r.pb(raw, off)
	case BlockISB:
		err = r.isb(raw, off)
	case BlockNRB:
		err = r.nrb(raw, off)
	case BlockDSB:
		err = r.dsb(raw, off)
	case BlockCustom, BlockCustomNoCopy:
		if n < minCB {
			err = r.fail(off, ErrBlockLength, "custom block length %d is below the minimum of %d", n, minCB)
		}
	}
	if err != nil {
		return nil, err
	}
	r.blk = Block{Type: typ, Raw: raw, BigEndian: r.be, Section: r.cur, Offset: off, Packet: pkt}
	r.consume(n)
	return &r.blk, nil
}

// options checks the option list that starts at raw[from:] up to the
// trailer and returns it.
func (r *Reader) options(raw []byte, from int, off int64, what string) (Options, error) {
	o := raw[from : len(raw)-4]
	if bad := validOptions(o, r.be); bad >= 0 {
		return Options{}, r.fail(off+int64(from+bad), ErrBadOption, "%s option runs past the end of its block", what)
	}
	return MakeOptions(o, r.be), nil
}
