package decode_test

import (
	"testing"

	"github.com/rawcap/rawcap/internal/testshared"
)

// sctpNRSacks is an association whose NR-SACK chunks acknowledge DATA
// chunks tshark 4.0 has seen: a cumulative TSN ACK that acknowledges TSNs
// (its gap blocks then list none), one that acknowledges nothing new (its
// gap block does), one past earlier gap blocks, one each way, one with a
// window of 0 and bundled DATA chunks; then PKTDROP chunks holding whole
// packets.
func sctpNRSacks() [][]byte {
	const ta, tb = 0x0a0b0c0d, 0x01020304
	a2b := func(ch ...[]byte) []byte { return sctpFrame(1, 2, 5000, 6000, tb, ch...) }
	b2a := func(ch ...[]byte) []byte { return sctpFrame(2, 1, 6000, 5000, ta, ch...) }
	data := func(tsn uint32, ssn uint16, payload string) []byte {
		return sctpChunk(0, 3, append(append(be32s(tsn), be16s(0, ssn)...), append(be32s(0), payload...)...))
	}
	nrsack := func(cum, rwnd uint32, gaps, nrgaps [][2]uint16, dups ...uint32) []byte {
		v := append(be32s(cum, rwnd), be16s(uint16(len(gaps)), uint16(len(nrgaps)), uint16(len(dups)), 0)...)
		for _, g := range append(gaps, nrgaps...) {
			v = append(v, be16s(g[0], g[1])...)
		}
		return sctpChunk(16, 0, append(v, be32s(dups...)...))
	}
	pktdrop := func(frame []byte, trunc uint16) []byte {
		return append(append(be32s(100000, 2000), be16s(trunc, 0)...), frame[34:]...)
	}
	init := append(be32s(ta, 65536), be16s(10, 10)...)
	init = append(init, be32s(100)...)
	initAck := append(be32s(tb, 65536), be16s(10, 10)...)
	initAck = append(initAck, be32s(5000)...)
	initAck = append(initAck, sctpTLV(7, []byte("cookie-cookie"))...)
	return [][]byte{
		sctpFrame(1, 2, 5000, 6000, 0, sctpChunk(1, 0, init)),
		b2a(sctpChunk(2, 0, initAck)),
		a2b(sctpChunk(10, 0, []byte("cookie-cookie"))),
		b2a(sctpChunk(11, 0, nil)),
		a2b(data(100, 0, "one")),
		a2b(data(101, 1, "two")),
		a2b(data(103, 3, "four")),
		a2b(data(104, 4, "five")),
		a2b(data(105, 5, "six")),
		b2a(nrsack(101, 50000, [][2]uint16{{2, 3}}, [][2]uint16{{4, 4}}, 100)),
		b2a(nrsack(101, 50000, [][2]uint16{{2, 3}}, nil)),
		b2a(nrsack(105, 40000, nil, nil)),
		b2a(data(5000, 0, "back")),
		a2b(nrsack(5000, 60000, nil, nil)),
		a2b(data(106, 6, "seven"), data(107, 7, "eight")),
		b2a(nrsack(107, 0, nil, nil)),
		// PKTDROP chunks whose dropped packets are not truncated: tshark
		// dissects them as SCTP inside the chunk.
		b2a(sctpChunk(129, 0x01, pktdrop(a2b(data(108, 8, "lost")), 0))),
		b2a(sctpChunk(129, 0x00, pktdrop(a2b(sctpChunk(11, 0, nil), nrsack(5000, 100, [][2]uint16{{2, 2}}, nil)), 0))),
		b2a(sctpChunk(129, 0x02, pktdrop(a2b(sctpChunk(4, 0, sctpTLV(1, []byte{1, 2, 3, 4}))), 0))),
		// Retransmissions: of a TSN not acknowledged yet, and of one
		// acknowledged before (a reneged ack?).
		a2b(data(109, 9, "nine")),
		a2b(data(109, 9, "nine")),
		a2b(data(101, 1, "two")),
	}
}

// TestSCTPNRSackAcksMatchTshark compares rawcap's NR-SACK trees, with the
// TSNs each acknowledges, and its PKTDROP trees with the dropped packets,
// its columns and tcpdump lines with tshark's and tcpdump's.
func TestSCTPNRSackAcksMatchTshark(t *testing.T) {
	compareSCTP(t, "sctp-nrsack-pktdrop-V", sctpNRSacks(), nil)
}

// TestSCTPAnalysisFieldsMatchTshark holds -T fields of the generated
// associations to tshark's for the analysis fields (retransmissions,
// acknowledgements and their times, reassembled fragments, relative TSNs):
// every occurrence, in tshark's order.
func TestSCTPAnalysisFieldsMatchTshark(t *testing.T) {
	testshared.Oracle(t, "tshark")
	frames := append(append(sctpAssociation(), sctpExtensions()...), sctpNRSacks()...)
	compareFieldsWithTshark(t, writeTestPcap(t, frames), frames, []string{
		"sctp.retransmission", "sctp.retransmission_time", "sctp.retransmitted_after_ack", "sctp.acked",
		"sctp.data_rtt", "sctp.ack", "sctp.ack_frame", "sctp.sack_rtt", "sctp.fragments", "sctp.fragment",
		// The second association (on the same ports) counts its relative
		// TSNs from its own first TSN.
		"sctp.data_tsn", "sctp.sack_cumulative_tsn_ack", "sctp.sack_gap_block_start_tsn", "sctp.sack_gap_block_end_tsn"})
}
