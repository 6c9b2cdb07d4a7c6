package pcapio

import (
	"time"
)

// iface returns the file-wide index of the current section's interface id.
func (r *Reader) iface(id uint32, off int64) (int, error) {
	if id >= uint32(len(r.ifaces)-r.secBase) {
		return 0, r.fail(off, ErrBadRecord, "packet of interface %d, but its section describes %d", id, len(r.ifaces)-r.secBase)
	}
	return r.secBase + int(id), nil
}

// packet fills the reader's reusable Packet.
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

// epb reads an Enhanced Packet Block.
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

// pb reads an obsolete Packet Block.
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

// spb reads a Simple Packet Block: interface 0, no timestamp, and a
// captured length of the original length cut to the snapshot length.
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
