package decode_test

import "testing"

// udpTreeFrames are UDP datagrams over IPv4 that reach each line of UDP's
// -V subtree: a zero checksum (none, as IPv4 allows), a checksum tshark
// leaves unverified, no payload, and a payload no dissector claims.
func udpTreeFrames(t *testing.T) [][]byte {
	t.Helper()
	withSum := func(f []byte, sum uint16) []byte {
		f[40], f[41] = byte(sum>>8), byte(sum)
		return f
	}
	return [][]byte{
		appFrame(mustHex(t, "01 02 03 04"), 40000, 9999, false),
		withSum(appFrame(mustHex(t, "01 02 03 04 05"), 40000, 9999, false), 0x1234),
		appFrame(nil, 40001, 9998, false),
		withSum(appFrame(nil, 9998, 40001, false), 0xbeef),
	}
}

func TestUDPTreeMatchesTshark(t *testing.T) {
	compareSubtreeWithTshark(t, udpTreeFrames(t), "User Datagram Protocol", nil)
}

func TestUDPTreeAllocatesNothing(t *testing.T) {
	checkTreeAllocsNothing(t, udpTreeFrames(t), "User Datagram Protocol")
}
