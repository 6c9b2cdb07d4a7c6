package pcapio

import (
	"fmt"

	"github.com/rawcap/rawcap/linktype"
)

// WriteRawBlock copies a block read from a pcapng file (Reader.NextBlock)
// into the output, for a lossless pcapng-to-pcapng copy: a section header
// starts a new section in its own byte order, and every other block
// (interfaces, packets, name resolution, statistics, decryption secrets,
// custom and unknown blocks) is written as it came, in the same order. Two
// changes are made, only where needed: a section header's section length
// becomes -1 (unknown), since the copy may differ in size; and when the
// writer truncates (PcapNGWriterOptions.Truncate), interface snapshot
// lengths are capped and packet blocks longer than the cut are re-encoded
// in their section's byte order, keeping their interface, timestamp,
// original length and options.
//
// Blocks must come from pcapng input: b.Raw is the whole block, in the byte
// order b.BigEndian. A block that is not the first of its section must be
// of the current section's byte order.
func (w *PcapNGWriter) WriteRawBlock(b *Block) error {
	raw := b.Raw
	if len(raw) < 12 || len(raw)%4 != 0 {
		return fmt.Errorf("pcapio: copying a block of %d bytes: %w", len(raw), ErrBlockLength)
	}
	if len(raw) > wMaxBlock {
		return fmt.Errorf("pcapio: copying a block of %d bytes: %w", len(raw), ErrBlockTooLarge)
	}
	big := b.BigEndian
	typ := wGet32(raw, big)
	if typ == wBlockSHB {
		if len(raw) < 28 {
			return fmt.Errorf("pcapio: copying a section header of %d bytes: %w", len(raw), ErrBlockLength)
		}
		if w.b.err != nil {
			return w.b.err
		}
		w.started, w.big = true, big
		w.ifaces = w.ifaces[:0]
		if !w.b.reserve(len(raw)) {
			if w.b.err != nil {
				return w.b.err
			}
			return w.b.writeDirect(raw) // cannot patch: rare, huge header
		}
		n := len(w.b.buf)
		w.b.buf = append(w.b.buf, raw...)
		copy(w.b.buf[n+16:n+24], []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
		return nil
	}
	if !w.started {
		// A block without its section header: give it one of its order.
		w.big = big
		if err := w.start(); err != nil {
			return err
		}
		w.big = big
	}
	if err := w.b.err; err != nil {
		return err
	}
	if big != w.big {
		return fmt.Errorf("pcapio: copying a block of a %s section into a %s one: %w", wOrderName(big), wOrderName(w.big), ErrBadRecord)
	}
	switch typ {
	case wBlockIDB:
		return w.copyIDB(raw)
	case wBlockEPB, wBlockPB:
		if t := w.opts.Truncate; t != 0 && len(raw) >= 32 && wGet32(raw[20:], big) > t {
			return w.truncPacketBlock(raw, t)
		}
	case wBlockSPB:
		if t := w.opts.Truncate; t != 0 && len(raw)-16 > wPad4(int(t)) {
			return w.truncSPB(raw, t)
		}
	}
	return w.emit(raw)
}

func wOrderName(big bool) string {
	if big {
		return "big-endian"
	}
	return "little-endian"
}

// copyIDB copies an interface description, capping its snapshot length at
// Truncate, and records the interface's timestamp resolution and offset so
// that WritePacket can encode times for it.
func (w *PcapNGWriter) copyIDB(raw []byte) error {
	big := w.big
	if len(raw) < 20 {
		return fmt.Errorf("pcapio: copying an interface description of %d bytes: %w", len(raw), ErrBlockLength)
	}
	f := wIface{linkType: linktype.Type(wGet16(raw[8:], big)), snapLen: wGet32(raw[12:], big), exp: 6}
	opts := raw[16 : len(raw)-4]
	for off := 0; len(opts)-off >= 4; {
		code, l := wGet16(opts[off:], big), int(wGet16(opts[off+2:], big))
		if code == 0 || 4+l > len(opts)-off {
			break
		}
		val := opts[off+4 : off+4+l]
		switch {
		case code == 9 && l >= 1:
			f.pow2, f.exp = val[0]&0x80 != 0, val[0]&0x7f
		case code == 14 && l >= 8:
			f.tsOffset = int64(wGet64(val, big))
		}
		off += 4 + wPad4(l)
	}
	if !w.b.reserve(len(raw)) {
		if w.b.err != nil {
			return w.b.err
		}
		return fmt.Errorf("pcapio: interface description of %d bytes: %w", len(raw), ErrBlockTooLarge)
	}
	n := len(w.b.buf)
	w.b.buf = append(w.b.buf, raw...)
	if t := w.opts.Truncate; t != 0 && (f.snapLen == 0 || f.snapLen > t) {
		f.snapLen = t
		wPut32(w.b.buf[n+12:], big, t)
	}
	w.ifaces = append(w.ifaces, f)
	return nil
}

// truncPacketBlock re-encodes an EPB or obsolete PB (whose fixed fields
// share one layout) with its captured data cut to t bytes.
func (w *PcapNGWriter) truncPacketBlock(raw []byte, t uint32) error {
	big := w.big
	caplen := int(wGet32(raw[20:], big))
	end := len(raw) - 4
	if 28+wPad4(caplen) > end {
		return fmt.Errorf("pcapio: copying a packet block whose data (%d bytes) overruns it: %w", caplen, ErrBadRecord)
	}
	opts := raw[28+wPad4(caplen) : end]
	n := 32 + wPad4(int(t)) + len(opts)
	b := &w.b
	if err := b.need(n); err != nil {
		return err
	}
	b.buf = wApp32(b.buf, big, wGet32(raw, big))
	b.buf = wApp32(b.buf, big, uint32(n))
	b.buf = append(b.buf, raw[8:20]...) // interface (and PB drops), timestamp
	b.buf = wApp32(b.buf, big, t)
	b.buf = append(b.buf, raw[24:28]...) // original length
	b.buf = append(b.buf, raw[28:28+int(t)]...)
	b.buf = append(b.buf, wZeros[:wPad4(int(t))-int(t)]...)
	b.buf = append(b.buf, opts...)
	b.buf = wApp32(b.buf, big, uint32(n))
	return nil
}

// truncSPB re-encodes a Simple Packet Block with at most t data bytes (its
// interface's snapshot length was capped at t when the IDB was copied, so
// readers take min(original length, t) bytes).
func (w *PcapNGWriter) truncSPB(raw []byte, t uint32) error {
	big := w.big
	if len(raw) < 16 {
		return fmt.Errorf("pcapio: copying a simple packet block of %d bytes: %w", len(raw), ErrBlockLength)
	}
	orig := wGet32(raw[8:], big)
	keep := min(uint32(len(raw)-16), orig, t)
	n := 16 + wPad4(int(keep))
	b := &w.b
	if err := b.need(n); err != nil {
		return err
	}
	b.buf = wApp32(b.buf, big, wBlockSPB)
	b.buf = wApp32(b.buf, big, uint32(n))
	b.buf = wApp32(b.buf, big, orig)
	b.buf = append(b.buf, raw[12:12+keep]...)
	b.buf = append(b.buf, wZeros[:wPad4(int(keep))-int(keep)]...)
	b.buf = wApp32(b.buf, big, uint32(n))
	return nil
}
