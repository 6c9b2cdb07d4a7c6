package decode_test

import (
	"testing"

	"github.com/rawcap/rawcap/internal/testshared"
)

// radiusEAPFrames are RADIUS messages carrying EAP in EAP-Message (79)
// attributes (RFC 3579): an identity response, an MD5 challenge, a TLS
// start, a success, and one EAP packet split over two attributes.
func radiusEAPFrames(t testing.TB) [][]byte {
	auth := radiusAttr(80, make([]byte, 16)...)
	eap := func(h string) []byte { return radiusAttr(79, mustHex(t, h)...) }
	long := mustHex(t, "02 05 0016 04 10 00112233445566778899aabbccddeeff")
	return [][]byte{
		appFrame(radiusMsg(1, 1, radiusStr(1, "bob"), eap("02 01 0008 01 626f62"), auth), 40000, 1812, false),
		appFrame(radiusMsg(11, 1, eap("01 02 0016 04 10 0102030405060708090a0b0c0d0e0f10"), auth), 1812, 40000, false),
		appFrame(radiusMsg(11, 2, eap("01 03 0006 0d 20"), auth), 1812, 40000, false),
		appFrame(radiusMsg(2, 3, eap("03 04 0004"), auth), 1812, 40000, false),
		appFrame(radiusMsg(1, 4, radiusAttr(79, long[:10]...), radiusAttr(79, long[10:]...), auth), 40000, 1812, false),
	}
}

// TestRADIUSEAPMatchesTshark holds the EAP inside RADIUS's EAP-Message
// attributes to tshark's tree, -T fields and frame.protocols, and to
// tcpdump's line.
func TestRADIUSEAPMatchesTshark(t *testing.T) {
	frames := radiusEAPFrames(t)
	t.Run("allocs", func(t *testing.T) {
		checkTreeAllocsNothing(t, frames, "RADIUS Protocol")
	})
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-v"}})
	testshared.Oracle(t, "tshark")
	path := writeTestPcap(t, frames)
	mine, total := compareTreeWithTshark(t, path)
	t.Logf("%d of tshark's %d tree lines printed identically by rawcap", mine, total)
	// The EAP packet split over two attributes: tshark reassembles it,
	// rawcap shows the fragments only.
	whole := frames[:4]
	compareFieldsWithTshark(t, writeTestPcap(t, whole), whole, []string{"frame.protocols", "radius.avp.type", "radius.eap_fragment",
		"eap.code", "eap.id", "eap.len", "eap.type", "eap.identity", "eap.md5.value_size", "eap.md5.value",
		"eap.tls.flags", "eap.tls.flags.start"})
}
