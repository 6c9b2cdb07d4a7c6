package pcapio

import (
	"bytes"
	"net/netip"
)

// NRB record types.
const (
	nrbEnd  = 0
	nrbIPv4 = 1
	nrbIPv6 = 2
)

// nrb records the names of a Name Resolution Block.
func (r *Reader) nrb(raw []byte, off int64) error {
	b := raw[8 : len(raw)-4]
	at := 8
	for {
		if len(b) < 4 {
			if len(b) == 0 {
				return nil // no end record: tolerated, as Wireshark does
			}
			return r.fail(off+int64(at), ErrBadRecord, "name resolution record header runs past its block")
		}
		typ, n := r.u16(b), int(r.u16(b[2:]))
		if n > len(b)-4 {
			return r.fail(off+int64(at), ErrBadRecord, "name resolution record of %d bytes runs past its block", n)
		}
		v := b[4 : 4+n]
		adv := min(4+(n+3)&^3, len(b))
		b, at = b[adv:], at+adv
		var addr netip.Addr
		switch typ {
		case nrbEnd:
			_, err := r.options(raw, at, off, "name resolution")
			return err
		case nrbIPv4:
			if len(v) < 4 {
				continue
			}
			addr = netip.AddrFrom4([4]byte(v[:4]))
			v = v[4:]
		case nrbIPv6:
			if len(v) < 16 {
				continue
			}
			addr = netip.AddrFrom16([16]byte(v[:16]))
			v = v[16:]
		default:
			continue
		}
		rec := NameRecord{Addr: addr}
		for name := range bytes.SplitSeq(v, []byte{0}) {
			if len(name) > 0 {
				rec.Names = append(rec.Names, string(name))
			}
		}
		r.names = append(r.names, rec)
	}
}
