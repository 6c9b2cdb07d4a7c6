package pcapio

import (
	"time"
)

// isb attaches an Interface Statistics Block to its interface.
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

// dsb records a Decryption Secrets Block.
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
