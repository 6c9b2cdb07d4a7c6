package decode_test

import (
	"encoding/binary"
	"testing"
)

// pppFrames returns PPP headers of each shape Wireshark reads, carrying an
// IPv4/UDP datagram (or MPLS, or LCP) so that the packet list says the
// same in both tools: in PPTP's enhanced GRE (HDLC-like framing: the
// address and control bytes when the first byte is 0xff, whatever the
// control byte; a one-byte protocol when odd) and in a PPPoE session (no
// address and control field).
func pppFrames(t testing.TB) [][]byte {
	ip := appFrame([]byte("ppp!"), 40000, 40001, false)[14:]
	gre := func(ppp []byte) []byte {
		h := mustHex(t, "3001 880b 0000 0000 0000 0001")
		binary.BigEndian.PutUint16(h[4:], uint16(len(ppp)))
		return greInEthernet(append(h, ppp...))
	}
	cat := func(a ...[]byte) []byte {
		var b []byte
		for _, x := range a {
			b = append(b, x...)
		}
		return b
	}
	pppoe := func(ppp []byte) []byte {
		f := appFrame(nil, 0, 0, false)[:14]
		f[12], f[13] = 0x88, 0x64
		h := mustHex(t, "1100 1234 0000")
		binary.BigEndian.PutUint16(h[4:], uint16(len(ppp)))
		return cat(f, h, ppp)
	}
	return [][]byte{
		gre(cat(mustHex(t, "ff03 0021"), ip)),                    // address, control, protocol
		gre(cat(mustHex(t, "0021"), ip)),                         // address and control compressed
		gre(cat(mustHex(t, "21"), ip)),                           // the protocol too
		gre(cat(mustHex(t, "ff03 0281 00010140"), ip)),           // MPLS in PPP
		pppoe(cat(mustHex(t, "0021"), ip)),                       // PPPoE session
		gre(cat(mustHex(t, "ff03 c021 09010008 01020304"), nil)), // LCP Echo-Request
		gre(mustHex(t, "ff5f 7e08 0102")),                        // a control byte not 0x03, an unknown protocol
	}
}

// TestPPPTreeMatchesTshark holds PPP's subtree (ppp.address, ppp.control,
// ppp.protocol, drawn from their definitions) to tshark's, and draws it
// without allocating.
func TestPPPTreeMatchesTshark(t *testing.T) {
	frames := pppFrames(t)
	t.Run("allocs", func(t *testing.T) {
		checkTreeAllocsNothing(t, frames, "Point-to-Point Protocol")
	})
	compareSubtreeWithTshark(t, frames, "Point-to-Point Protocol", map[int]string{
		6: "tshark decodes the payload of the unknown protocol as data inside GRE's Info",
	})
}
