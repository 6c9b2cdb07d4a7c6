package decode_test

import (
	"encoding/binary"
	"testing"
)

// icmpTreeFrames are ICMP messages in Ethernet and IPv4 that reach each
// kind of line of ICMP's subtree, drawn from its fields: echoes with and
// without a timestamp in their data (payloadTreeFrames), one with a bad
// checksum, a timestamp request, a redirect, an extended echo request;
// errs is where the IPv4 errors of icmpErrCases captured whole begin
// (their quoted headers and extension structures are drawn inside ICMP's
// subtree; TestICMPErrorsMatchTshark also holds their ICMP lines to
// tshark's, and their columns). A type
// rawcap does not name is left out: rawcap draws only its type, without
// tshark's "(Unknown ICMP (obsolete or malformed?))".
func icmpTreeFrames(t *testing.T) (frames [][]byte, errs int) {
	t.Helper()
	frames = payloadTreeFrames(t)[3:]
	msg := func(body []byte, bad bool) []byte {
		icmp := append([]byte(nil), body...)
		binary.BigEndian.PutUint16(icmp[2:], inetSum(icmp))
		if bad {
			icmp[2] ^= 0x5a
		}
		ip := ipv4Hdr(1, 64, []byte{10, 0, 0, 1}, []byte{10, 0, 0, 2}, len(icmp))
		eth := []byte{0, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0x11, 0x22, 0x33, 0x44, 0x66, 8, 0}
		return append(append(eth, ip...), icmp...)
	}
	frames = append(frames,
		msg([]byte{8, 0, 0, 0, 0x01, 0x02, 0x03, 0x04, 'a', 'b', 'c', 'd'}, true),
		msg([]byte{13, 0, 0, 0, 0, 9, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}, false),
		msg([]byte{5, 1, 0, 0, 10, 0, 0, 99, 0x45, 0, 0, 20, 0, 0, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 9}, false),
		extEcho(msg, []byte{0x20, 0, 0, 0, 0, 8, 3, 1, 'e', 't', 'h', '0'}),
	)
	errs = len(frames)
	for _, c := range icmpErrCases() {
		if c.v6 || c.cut != 0 {
			continue
		}
		f, _ := c.frame()
		frames = append(frames, f)
	}
	return frames, errs
}

// extEcho returns the extended echo request (RFC 8335) probing eth0
// with the extension structure ext, its checksum set, made by msg.
func extEcho(msg func([]byte, bool) []byte, ext []byte) []byte {
	binary.BigEndian.PutUint16(ext[2:], inetSum(ext))
	return msg(append([]byte{42, 0, 0, 0, 0x12, 0x34, 5, 1}, ext...), false)
}

// TestICMPTreeMatchesTshark holds ICMP's subtree to tshark's on the
// messages of icmpTreeFrames, line for line, and draws them and the errors
// with no allocation.
func TestICMPTreeMatchesTshark(t *testing.T) {
	frames, errs := icmpTreeFrames(t)
	t.Run("allocs", func(t *testing.T) {
		checkTreeAllocsNothing(t, frames, "Internet Control Message Protocol")
	})
	allow := map[int]string{3: "the timestamps of a timestamp request are not drawn"}
	held := frames[:errs:errs]
	for i := errs; i < len(frames); i++ {
		// The rest of each error's subtree (its quoted headers, its
		// extension structure) is held to tshark's line for line. Left
		// out: the two whose quoted data rawcap takes longer than tshark
		// (an RFC 4884 length with an extension structure after it, a
		// redirect's: rawcap's decoder, not their trees).
		if i-errs == 5 || i-errs == 20 {
			continue
		}
		allow[len(held)] = "the expert items of IPv4 and UDP in a quoted probe (TTL 1, possible traceroute) are not drawn"
		held = append(held, frames[i])
	}
	compareSubtreeWithTshark(t, held, "Internet Control Message Protocol", allow)
}

// TestICMPv6TreeMatchesTshark holds ICMPv6's subtree, its own lines drawn
// from its fields, to tshark's on messages of each kind (echoes, one with a
// bad checksum, neighbour discovery and MLD, a type rawcap does not
// dissect), and draws them with no allocation. Errors are left out: their
// zero quote is drawn as an IPv6 header by the quoted packet's tree code,
// tshark draws it as Data.
func TestICMPv6TreeMatchesTshark(t *testing.T) {
	var frames [][]byte
	for _, tc := range [][2]uint8{{128, 0}, {129, 0}, {133, 0}, {135, 0}, {136, 0}, {130, 0}, {132, 0}, {200, 0}} {
		frames = append(frames, icmpv6Frame(tc[0], tc[1]))
	}
	bad := icmpv6Frame(128, 0)
	bad[len(bad)-48+2] ^= 0x33
	frames = append(frames, bad)
	t.Run("allocs", func(t *testing.T) {
		checkTreeAllocsNothing(t, frames, "Internet Control Message Protocol v6")
	})
	nd := "the zero option after the message (tshark's malformed option) is not drawn"
	allow := map[int]string{
		1: "the tracker does not pair this reply with its request, tshark does",
		2: nd, 3: nd, 4: nd,
		7: "rawcap draws only the type and code of a type it does not dissect",
	}
	compareSubtreeWithTshark(t, frames, "Internet Control Message Protocol v6", allow)
}
