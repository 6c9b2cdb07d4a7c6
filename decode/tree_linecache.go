package decode

// lineCache remembers the standard tree lines of numeric fields ("Time to
// Live: 64", "0100 .... = Version: 4", "Type: IPv4 (0x0800)"), which
// depend on the field and its value alone: most of a packet's lines repeat
// those of packets before it, and a copy is cheaper than drawing the bits,
// the number and the value's name again. Direct-mapped; a line longer than
// a slot is drawn every time.
type lineCache struct {
	slots [lineCacheSlots]lineSlot
}

const (
	lineCacheBits  = 10
	lineCacheSlots = 1 << lineCacheBits
	lineSlotMax    = 110
)

type lineSlot struct {
	f    *Field
	v    uint64
	name uint8 // where the label ends, for cutting a long line
	n    uint8 // the line's length; 0: empty slot
	line [lineSlotMax]byte
}

// cacheable reports whether f's standard line depends only on its value.
func lineCacheable(f *Field) bool {
	return f.Kind == KindUint || f.Kind == KindInt || f.Kind == KindBool
}

// append appends r's standard line (as appendFieldLineName draws it) and
// returns where its label ends.
func (c *lineCache) append(b []byte, fl *FieldList, r *FieldRec) ([]byte, int) {
	f := r.Field
	h := (uint64(f.id)*0x9e3779b97f4a7c15 ^ r.u*0xff51afd7ed558ccd) >> (64 - lineCacheBits)
	s := &c.slots[h]
	if s.f == f && s.v == r.u && s.n != 0 {
		start := len(b)
		return append(b, s.line[:s.n]...), start + int(s.name)
	}
	start := len(b)
	b, name := appendFieldLineName(b, fl, r)
	if n := len(b) - start; n > 0 && n <= lineSlotMax {
		s.f, s.v = f, r.u
		s.n = uint8(n)
		s.name = uint8(name - start)
		copy(s.line[:], b[start:])
	}
	return b, name
}
