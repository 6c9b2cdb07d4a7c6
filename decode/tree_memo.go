package decode

// treeMemoSize is how many keys a treeMemo remembers (a power of two):
// enough for both directions of a few dozen interleaved flows.
const treeMemoSize = 64

// treeMemo remembers the lines a tree function drew for recent keys, where
// a key is all the header bytes (at most 16) those lines depend on. Packets
// of one flow repeat most header bytes, so most blocks of lines are then
// one copy instead of dozens of small appends. It is direct-mapped: a key
// has one slot, chosen by its hash, and replaces what the slot held.
type treeMemo struct {
	slot [treeMemoSize]treeMemoSlot
}

type treeMemoSlot struct {
	key  [16]byte
	klen uint8 // 0: empty
	out  []byte
}

// The blocks of lines remembered, and the header bytes that key them.
const (
	memoEth       = iota // the whole Ethernet tree: its 14 header bytes
	memoIPv4Head         // IPv4 version to ECN: bytes 0 and 1
	memoIPv4Frag         // IPv4 flags to protocol: bytes 6 to 9
	memoIPv4Title        // ", Src: …, Dst: …" of the IPv4 title: bytes 12 to 19
	memoIPv4Addrs        // the IPv4 address lines: bytes 12 to 19
	memoTCPFlags         // TCP header length to flags: bytes 12 and 13
	memoCount
)

// treeMemos holds a TreePrinter's memos, one per block of lines.
type treeMemos [memoCount]treeMemo

// slotOf returns the slot of key, whose length is 1 to 16.
func (m *treeMemo) slotOf(key []byte) *treeMemoSlot {
	h := uint32(2166136261) // FNV-1a
	for _, c := range key {
		h = (h ^ uint32(c)) * 16777619
	}
	return &m.slot[(h^h>>16)&(treeMemoSize-1)]
}

// replay appends the lines block remembers for key and reports whether there
// were any. A nil memo remembers nothing.
func (t *treeWriter) replay(block int, key []byte) bool {
	if t.memo == nil || len(key) == 0 || len(key) > 16 {
		return false
	}
	s := t.memo[block].slotOf(key)
	if int(s.klen) != len(key) || string(s.key[:len(key)]) != string(key) {
		return false
	}
	t.b = append(t.b, s.out...)
	return true
}

// remember stores the lines appended since start as block's for key.
func (t *treeWriter) remember(block int, key []byte, start int) {
	if t.memo == nil || len(key) == 0 || len(key) > 16 {
		return
	}
	s := t.memo[block].slotOf(key)
	s.klen = uint8(copy(s.key[:], key))
	s.out = append(s.out[:0], t.b[start:]...)
}
