package decode

// treeMemoSize is how many keys a treeMemo remembers: enough for both
// directions of about a hundred interleaved flows.
const (
	treeMemoBits = 8
	treeMemoSize = 1 << treeMemoBits
)

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
	// For the generic tree's blocks (FieldList.Memo): the depth the lines
	// were drawn at, and the key's length once they are drawn.
	depth, pending uint8
}

// The blocks of lines remembered, and the header bytes that key them.
const (
	memoFrameTitle   = iota // the lengths in the frame's title: wire and captured length
	memoFrameLengths        // the frame's length lines: wire and captured length
	memoEth                 // the whole Ethernet tree: its 14 header bytes
	memoIPv4Head            // IPv4 version to ECN: bytes 0 and 1
	memoIPv4Frag            // IPv4 flags to protocol: bytes 6 to 9
	memoIPv4Title           // ", Src: …, Dst: …" of the IPv4 title: bytes 12 to 19
	memoIPv4Addrs           // the IPv4 address lines: bytes 12 to 19
	memoIPv6Head            // IPv6 version to flow label: bytes 0 to 3
	memoIPv6Next            // IPv6 next header and hop limit: bytes 6 and 7
	memoIPv6Src             // the IPv6 source address line: bytes 8 to 23
	memoIPv6Dst             // the IPv6 destination address line: bytes 24 to 39
	memoTCPFlags            // TCP header length to flags: bytes 12 and 13 (with SYN, FIN or RST: the closing and the server port)
	memoTCPPorts            // the TCP port lines: bytes 0 to 3
	memoTCPOptNOP           // a TCP option's lines, by its bytes: NOP,
	memoTCPOptMSS           // MSS,
	memoTCPOptWS            // window scale,
	memoTCPOptSACKOK        // SACK permitted
	memoCount
)

// treeMemos holds a TreePrinter's memos, one per block of lines.
type treeMemos [memoCount]treeMemo

// slotOf returns the slot of key, whose length is 1 to 16.
func (m *treeMemo) slotOf(key []byte) *treeMemoSlot {
	return &m.slot[slotIndex(key)]
}

// slotIndex returns the index of key's slot.
func slotIndex(key []byte) int {
	var a, b uint64
	if len(key) >= 8 {
		a, b = le64(key), le64(key[len(key)-8:])
	} else {
		for _, c := range key {
			a = a<<8 | uint64(c)
		}
	}
	h := (a ^ b*0x9e3779b97f4a7c15) * 0xff51afd7ed558ccd
	return int(h >> (64 - treeMemoBits))
}

func le64(b []byte) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
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

// Memo opens, in a tree list, a block of lines that depend on nothing but
// key (1 to 16 header bytes) and where the block is drawn, as a flow's
// packets repeat most header bytes: when the memo holds the lines drawn for
// key at this depth, Memo adds them to the list and returns false, and the
// caller skips the block's fields; otherwise it returns true and the caller
// emits them, then calls MemoEnd, and the lines drawn are remembered. block
// names the block (the memo* constants); a layer uses each block once.
// Outside a tree list Memo returns true and MemoEnd does nothing, so the
// other outputs emit every field:
//
//	if e.Memo(memoIPv4Head, ip[:2]) {
//		e.UintBits(&f[ipVersion], uint64(ip[0]))
//		…
//		e.MemoEnd()
//	}
func (l *FieldList) Memo(block int, key []byte) bool {
	if l.memo == nil || !l.tree || len(key) == 0 || len(key) > 16 || l.memoOpen >= 0 {
		return true
	}
	idx := slotIndex(key)
	s := &l.memo[block].slot[idx]
	depth := l.treeBase + l.inside + l.depth
	u := uint64(block)<<32 | uint64(idx)
	if int(s.klen) == len(key) && s.depth == depth && string(s.key[:len(key)]) == string(key) {
		l.recs = append(l.recs, FieldRec{Op: OpMemo, u: u | memoHit})
		return false
	}
	s.klen, s.depth = 0, depth // until its lines are drawn
	s.pending = uint8(copy(s.key[:], key))
	l.memoOpen = len(l.recs)
	l.recs = append(l.recs, FieldRec{Op: OpMemo, u: u})
	return true
}

// MemoEnd closes the block Memo opened.
func (l *FieldList) MemoEnd() {
	if l.memoOpen >= 0 {
		l.recs = append(l.recs, FieldRec{Op: OpMemoEnd})
		l.memoOpen = -1
	}
}

// memoHit marks an OpMemo record whose lines the memo holds.
const memoHit = 1 << 63

// memoSlot returns the slot of OpMemo record r and whether its lines are
// held.
func (l *FieldList) memoSlot(r *FieldRec) (*treeMemoSlot, bool) {
	return &l.memo[r.u>>32&0xff].slot[uint32(r.u)], r.u&memoHit != 0
}
