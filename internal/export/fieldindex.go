package export

import (
	"unsafe"

	"github.com/rawcap/rawcap/decode"
)

// fieldIndex maps a field's definition to its column: an open-addressed
// table keyed by the definition's address. A packet's field list holds
// every field of the layers asked for, most of them not columns, so the
// lookup runs some 70 times a packet and most lookups miss: a Go map spent
// a seventh of the export's time there, this table a fraction of that.
// Field definitions are package-level variables of decode, so their
// addresses are fixed for the life of the process.
type fieldIndex struct {
	keys  []uintptr // 0: empty
	cols  []int32
	shift uint
}

func newFieldIndex(fields map[*decode.Field]int32) *fieldIndex {
	size, shift := 64, uint(64-6)
	for size < 4*len(fields) {
		size, shift = size*2, shift-1
	}
	x := &fieldIndex{keys: make([]uintptr, size), cols: make([]int32, size), shift: shift}
	for f, c := range fields {
		i := x.slot(fieldKey(f))
		for x.keys[i] != 0 {
			i = (i + 1) & (len(x.keys) - 1)
		}
		x.keys[i], x.cols[i] = fieldKey(f), c
	}
	return x
}

func fieldKey(f *decode.Field) uintptr { return uintptr(unsafe.Pointer(f)) }

func (x *fieldIndex) slot(k uintptr) int {
	return int((uint64(k) * 0x9e3779b97f4a7c15) >> x.shift)
}

// lookup returns f's column, or false.
func (x *fieldIndex) lookup(f *decode.Field) (int32, bool) {
	k := fieldKey(f)
	mask := len(x.keys) - 1
	for i := x.slot(k); ; i = (i + 1) & mask {
		switch x.keys[i] {
		case k:
			return x.cols[i], true
		case 0:
			return 0, false
		}
	}
}
