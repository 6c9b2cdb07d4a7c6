package capture

// Stats counts packets since Open, summed over the sockets of a fanout group.
// The kernel resets its counters each time they are read; the Handle keeps
// the running totals.
type Stats struct {
	// Received counts the packets that passed the filter (tp_packets),
	// including those dropped for lack of room in the ring.
	Received uint64
	// Dropped counts the packets the kernel dropped because the ring was
	// full (tp_drops): the reader was too slow.
	Dropped uint64
	// FreezeQueue counts the times the ring was full and froze
	// (tp_freeze_q_cnt).
	FreezeQueue uint64
	// Corrupt counts ring blocks whose layout did not add up, cut short
	// where they went wrong (never seen from a sound kernel).
	Corrupt uint64
}

func (s *Stats) add(o Stats) {
	s.Received += o.Received
	s.Dropped += o.Dropped
	s.FreezeQueue += o.FreezeQueue
}
