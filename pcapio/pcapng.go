package pcapio

import (
	"encoding/binary"
	"io"
	"math/bits"
	"time"

	"github.com/rawcap/rawcap/linktype"
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
	at := n
	for at < prescanLimit {
		typ, n, _, err := r.peekBlock(at)
		if err != nil || typ != BlockIDB {
			break
		}
		if err := r.addInterface(r.buf[r.start+at:r.start+at+n], r.off+int64(at)); err != nil {
			break
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
	return Options{raw: o, bigEndian: r.be}, nil
}

func (r *Reader) addSection(raw []byte, be bool, off int64) error {
	r.be = be
	if len(raw) < minSHB {
		return r.fail(off, ErrBlockLength, "section header block length %d is below the minimum of %d", len(raw), minSHB)
	}
	s := Section{BigEndian: be, Major: r.u16(raw[12:]), Minor: r.u16(raw[14:]), Length: int64(r.u64(raw[16:]))}
	if s.Major != 1 {
		return r.fail(off+12, ErrVersion, "pcapng version %d.%d (only 1.x is read)", s.Major, s.Minor)
	}
	o, err := r.options(raw, 24, off, "section header")
	if err != nil {
		return err
	}
	s.Options = o.clone()
	s.Options.Each(func(code uint16, v []byte) bool {
		switch code {
		case OptComment:
			s.Comments = append(s.Comments, string(v))
		case 2:
			s.Hardware = string(v)
		case 3:
			s.OS = string(v)
		case 4:
			s.UserAppl = string(v)
		}
		return true
	})
	r.sections = append(r.sections, s)
	r.cur = len(r.sections) - 1
	r.secBase = len(r.ifaces)
	return nil
}

func (r *Reader) addInterface(raw []byte, off int64) error {
	if len(raw) < minIDB {
		return r.fail(off, ErrBlockLength, "interface description block length %d is below the minimum of %d", len(raw), minIDB)
	}
	in := Interface{
		Section:  r.cur,
		LinkType: linktype.Type(r.u16(raw[8:])),
		SnapLen:  r.u32be(raw[12:], r.be),
		FCSLen:   -1,
		TSResol:  6,
		units:    1e6,
	}
	o, err := r.options(raw, 16, off, "interface description")
	if err != nil {
		return err
	}
	in.Options = o.clone()
	in.Options.Each(func(code uint16, v []byte) bool {
		switch code {
		case 2:
			in.Name = string(v)
		case 3:
			in.Description = string(v)
		case 8:
			if len(v) >= 8 {
				in.Speed = r.u64(v)
			}
		case 9:
			if len(v) < 1 {
				break
			}
			in.TSResol = v[0]
			exp := uint(v[0] & 0x7f)
			if v[0]&0x80 != 0 {
				if exp > 63 {
					err = r.fail(off, ErrBadOption, "if_tsresol 2^-%d is finer than 64 bits can count", exp)
					return false
				}
				in.units = 1 << exp
				break
			}
			if exp > 19 {
				err = r.fail(off, ErrBadOption, "if_tsresol 10^-%d is finer than 64 bits can count", exp)
				return false
			}
			in.units = 1
			for range exp {
				in.units *= 10
			}
		case 11:
			if len(v) >= 1 {
				in.Filter = string(v[1:])
			}
		case 12:
			in.OS = string(v)
		case 13:
			if len(v) >= 1 {
				in.FCSLen = int(v[0])
			}
		case 14:
			if len(v) >= 8 {
				in.TSOffset = int64(r.u64(v))
			}
		case 15:
			in.Hardware = string(v)
		}
		return true
	})
	if err != nil {
		return err
	}
	r.ifaces = append(r.ifaces, in)
	return nil
}

// iface returns the file-wide index of the current section's interface id.
func (r *Reader) iface(id uint32, off int64) (int, error) {
	if id >= uint32(len(r.ifaces)-r.secBase) {
		return 0, r.fail(off, ErrBadRecord, "packet of interface %d, but its section describes %d", id, len(r.ifaces)-r.secBase)
	}
	return r.secBase + int(id), nil
}

// timeOf converts a timestamp in the interface's units to a time.
func (in *Interface) timeOf(ts uint64) time.Time {
	var sec, nsec uint64
	switch u := in.units; u {
	case 1e6:
		sec, nsec = ts/1e6, ts%1e6*1e3
	case 1e9:
		sec, nsec = ts/1e9, ts%1e9
	default:
		sec = ts / u
		hi, lo := bits.Mul64(ts%u, 1e9)
		nsec, _ = bits.Div64(hi, lo, u)
	}
	return time.Unix(int64(sec)+in.TSOffset, int64(nsec))
}

func (r *Reader) packet(idx int, data []byte, length uint32, ts uint64, hasTime bool, opts Options, off int64) (*Packet, error) {
	in := &r.ifaces[idx]
	if uint32(len(data)) > maxSnapLen(uint16(in.LinkType)) {
		return nil, r.fail(off, ErrTooLarge, "packet claims %d captured bytes, above the limit of %d", len(data), maxSnapLen(uint16(in.LinkType)))
	}
	p := &r.pkt
	p.Data = data
	p.Length = int(length)
	p.HasTime = hasTime
	if hasTime {
		p.Time = in.timeOf(ts)
	} else {
		p.Time = time.Time{}
	}
	p.Interface = idx
	p.LinkType = in.LinkType
	p.Options = opts
	return p, nil
}

func (r *Reader) epb(raw []byte, off int64) (*Packet, error) {
	if len(raw) < minEPB {
		return nil, r.fail(off, ErrBlockLength, "enhanced packet block length %d is below the minimum of %d", len(raw), minEPB)
	}
	id, caplen := r.u32be(raw[8:], r.be), r.u32be(raw[20:], r.be)
	if caplen > uint32(len(raw)-minEPB) {
		return nil, r.fail(off, ErrBadRecord, "enhanced packet block of %d bytes cannot hold %d captured bytes", len(raw), caplen)
	}
	idx, err := r.iface(id, off)
	if err != nil {
		return nil, err
	}
	end := 28 + int(caplen)
	o := raw[(end+3)&^3 : len(raw)-4]
	var opts Options
	if len(o) > 0 {
		if opts, err = r.options(raw, (end+3)&^3, off, "packet"); err != nil {
			return nil, err
		}
	}
	ts := uint64(r.u32be(raw[12:], r.be))<<32 | uint64(r.u32be(raw[16:], r.be))
	return r.packet(idx, raw[28:end:end], r.u32be(raw[24:], r.be), ts, true, opts, off)
}

func (r *Reader) pb(raw []byte, off int64) (*Packet, error) {
	if len(raw) < minPB {
		return nil, r.fail(off, ErrBlockLength, "packet block length %d is below the minimum of %d", len(raw), minPB)
	}
	id, caplen := uint32(r.u16(raw[8:])), r.u32be(raw[20:], r.be)
	if caplen > uint32(len(raw)-minPB) {
		return nil, r.fail(off, ErrBadRecord, "packet block of %d bytes cannot hold %d captured bytes", len(raw), caplen)
	}
	idx, err := r.iface(id, off)
	if err != nil {
		return nil, err
	}
	end := 28 + int(caplen)
	var opts Options
	if (end+3)&^3 < len(raw)-4 {
		if opts, err = r.options(raw, (end+3)&^3, off, "packet"); err != nil {
			return nil, err
		}
	}
	ts := uint64(r.u32be(raw[12:], r.be))<<32 | uint64(r.u32be(raw[16:], r.be))
	return r.packet(idx, raw[28:end:end], r.u32be(raw[24:], r.be), ts, true, opts, off)
}

func (r *Reader) spb(raw []byte, off int64) (*Packet, error) {
	if len(raw) < minSPB {
		return nil, r.fail(off, ErrBlockLength, "simple packet block length %d is below the minimum of %d", len(raw), minSPB)
	}
	idx, err := r.iface(0, off)
	if err != nil {
		return nil, err
	}
	length := r.u32be(raw[8:], r.be)
	caplen := length
	if s := r.ifaces[idx].SnapLen; s != 0 && caplen > s {
		caplen = s
	}
	if caplen > uint32(len(raw)-minSPB) {
		return nil, r.fail(off, ErrBadRecord, "simple packet block of %d bytes cannot hold %d captured bytes", len(raw), caplen)
	}
	end := 12 + int(caplen)
	return r.packet(idx, raw[12:end:end], length, 0, false, Options{}, off)
}

func (r *Reader) isb(raw []byte, off int64) error {
	if len(raw) < minISB {
		return r.fail(off, ErrBlockLength, "interface statistics block length %d is below the minimum of %d", len(raw), minISB)
	}
	o, err := r.options(raw, 20, off, "interface statistics")
	if err != nil {
		return err
	}
	id := r.u32be(raw[8:], r.be)
	if id >= uint32(len(r.ifaces)-r.secBase) {
		return nil // statistics of an undescribed interface: nothing to attach them to
	}
	in := &r.ifaces[r.secBase+int(id)]
	ts := func(b []byte) time.Time {
		return in.timeOf(uint64(r.u32be(b, r.be))<<32 | uint64(r.u32be(b[4:], r.be)))
	}
	st := &InterfaceStats{Time: ts(raw[12:])}
	o.Each(func(code uint16, v []byte) bool {
		if code == OptComment {
			st.Comment = string(v)
			return true
		}
		if len(v) < 8 {
			return true
		}
		switch code {
		case 2:
			st.StartTime, st.Has = ts(v), st.Has|HasStartTime
		case 3:
			st.EndTime, st.Has = ts(v), st.Has|HasEndTime
		case 4:
			st.Received, st.Has = r.u64(v), st.Has|HasReceived
		case 5:
			st.Dropped, st.Has = r.u64(v), st.Has|HasDropped
		case 6:
			st.FilterAccepted, st.Has = r.u64(v), st.Has|HasFilterAccepted
		case 7:
			st.OSDropped, st.Has = r.u64(v), st.Has|HasOSDropped
		case 8:
			st.Delivered, st.Has = r.u64(v), st.Has|HasDelivered
		}
		return true
	})
	in.Stats = st
	return nil
}

func (r *Reader) dsb(raw []byte, off int64) error {
	if len(raw) < minDSB {
		return r.fail(off, ErrBlockLength, "decryption secrets block length %d is below the minimum of %d", len(raw), minDSB)
	}
	n := r.u32be(raw[12:], r.be)
	if n > uint32(len(raw)-minDSB) {
		return r.fail(off, ErrBadRecord, "decryption secrets block of %d bytes cannot hold %d bytes of secrets", len(raw), n)
	}
	end := 16 + int(n)
	if _, err := r.options(raw, (end+3)&^3, off, "decryption secrets"); err != nil {
		return err
	}
	r.secrets = append(r.secrets, Secrets{Type: r.u32be(raw[8:], r.be), Data: append([]byte(nil), raw[16:end]...)})
	return nil
}
