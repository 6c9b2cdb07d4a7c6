package decode

import "encoding/binary"

// tcpFlowKey identifies one direction of a TCP connection.
type tcpFlowKey struct {
	src, dst [16]byte
	sp, dp   uint16
}

type tcpBase struct {
	base uint32
	set  bool
}

// The JSON printer remembers the base sequence number of at most
// tcpFlowSets*tcpFlowWays flow directions, in a set-associative table
// allocated once (768 KiB): memory stays flat whatever the capture.
// Past that, the least recently used direction of a full set is forgotten;
// if it shows up again its base is learnt afresh as for a connection seen
// mid-stream (seq-1), so its relative numbers restart at 1, as tshark's
// would for a capture that starts there.
const (
	tcpFlowSets = 4096
	tcpFlowWays = 4
)

type tcpFlowEntry struct {
	key  tcpFlowKey
	base tcpBase
	used uint32 // clock value of the last use, for LRU eviction
}

type tcpFlowTable struct {
	sets  [tcpFlowSets][tcpFlowWays]tcpFlowEntry
	clock uint32
}

// hash returns k's set index: the key's 8-byte words multiplied by odd
// constants and folded (cheaper than a byte-wise hash over 36 bytes).
func (k *tcpFlowKey) hash() uint32 {
	h := binary.LittleEndian.Uint64(k.src[:8])*0x9e3779b97f4a7c15 ^
		binary.LittleEndian.Uint64(k.src[8:])*0xc2b2ae3d27d4eb4f ^
		binary.LittleEndian.Uint64(k.dst[:8])*0x165667b19e3779f9 ^
		binary.LittleEndian.Uint64(k.dst[8:])*0x27d4eb2f165667c5 ^
		(uint64(k.sp)<<16|uint64(k.dp))*0xff51afd7ed558ccd
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 32
	return uint32(h % tcpFlowSets)
}

// get returns the entry for k, making one (unset) by evicting the set's
// least recently used entry when k is absent.
func (ft *tcpFlowTable) get(k *tcpFlowKey) *tcpFlowEntry {
	ft.clock++
	set := &ft.sets[k.hash()]
	victim := &set[0]
	for w := range set {
		e := &set[w]
		if e.base.set && e.key == *k {
			e.used = ft.clock
			return e
		}
		if !e.base.set {
			if victim.base.set {
				victim = e
			}
		} else if victim.base.set && e.used < victim.used {
			victim = e
		}
	}
	*victim = tcpFlowEntry{key: *k, used: ft.clock}
	return victim
}

// relSeq returns tcp.seq and tcp.ack relative to each direction's base, as
// Wireshark computes them (base = ISN for a SYN, seq-1 for a connection
// seen mid-stream, reset by every SYN; an unseen peer's base is taken from
// the ack number).
func (ft *tcpFlowTable) relSeq(d *Decoder, i int, t TCP) (seq, ack uint32) {
	src, dst, _ := ipAddrs(d, i)
	fk := tcpFlowKey{src.As16(), dst.As16(), t.SrcPort(), t.DstPort()}
	rk := tcpFlowKey{fk.dst, fk.src, fk.dp, fk.sp}
	fwd := ft.get(&fk)
	if !fwd.base.set || t.Flags()&TCPSyn != 0 {
		fwd.base.base = t.Seq()
		if t.Flags()&TCPSyn == 0 {
			fwd.base.base--
		}
		fwd.base.set = true
	}
	seq = t.Seq() - fwd.base.base
	if t.Flags()&TCPAck == 0 {
		return seq, t.Ack() // Wireshark shows a stray ack number raw
	}
	rev := ft.get(&rk)
	if !rev.base.set {
		rev.base = tcpBase{base: t.Ack() - 1, set: true}
	}
	return seq, t.Ack() - rev.base.base
}
