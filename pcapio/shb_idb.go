package pcapio

import (
	"math/bits"
	"time"

	"github.com/rawcap/rawcap/linktype"
)

// addSection registers a Section Header Block and makes its byte order and
// interface numbering current.
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
	s.Options = o.Clone()
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

// addInterface registers an Interface Description Block with its options.
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
	in.Options = o.Clone()
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
			units, ok := unitsFor(v[0])
			if !ok {
				err = r.fail(off, ErrBadOption, "if_tsresol %#02x is finer than 64 bits can count", v[0])
				return false
			}
			in.TSResol, in.units = v[0], units
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

// unitsFor returns the timestamp units per second of an if_tsresol value:
// 10^n, or 2^n when bit 7 is set; false when they do not fit 64 bits.
func unitsFor(tsresol uint8) (uint64, bool) {
	exp := uint(tsresol & 0x7f)
	if tsresol&0x80 != 0 {
		return 1 << exp, exp <= 63
	}
	if exp > 19 {
		return 0, false
	}
	units := uint64(1)
	for range exp {
		units *= 10
	}
	return units, true
}
