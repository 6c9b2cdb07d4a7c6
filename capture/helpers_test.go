package capture

import (
	"encoding/binary"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/rawcap/rawcap/internal/testshared"
)

// unhex decodes spaced hex ("01 02 0a").
func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.Join(strings.Fields(s), ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// littleEndianHost skips t on big-endian hosts: the hand-written blocks are
// in the byte order of the x86 and arm64 kernels that wrote them.
func littleEndianHost(t testing.TB) {
	t.Helper()
	var b [2]byte
	binary.NativeEndian.PutUint16(b[:], 1)
	if b[0] != 1 {
		t.Skip("the hand-written ring blocks are little-endian")
	}
}

// testFrame describes one packet for buildBlock.
type testFrame struct {
	data          []byte
	length        uint32
	sec, nsec     uint32
	status        uint32
	vlanTCI       uint16
	vlanTPID      uint16
	protocol      uint16
	ifindex       int32
	hatype        uint16
	pkttype, hlen uint8
	addr          [8]byte
}

// buildBlock lays frames out in a ring block of size bytes as the kernel
// does (tpacket3_hdr, sockaddr_ll, data at a 16-byte aligned offset), in the
// host's byte order.
func buildBlock(size int, frames []testFrame) []byte {
	b := make([]byte, size)
	off := blockHeaderLen
	ne.PutUint32(b[blockStatusOff:], statusUser)
	ne.PutUint32(b[blockNumPktsOff:], uint32(len(frames)))
	ne.PutUint32(b[blockFirstOff:], uint32(off))
	for i, f := range frames {
		const mac = 80
		end := off + mac + len(f.data)
		next := align16(end) - off
		if end > size {
			ne.PutUint32(b[blockNumPktsOff:], uint32(i))
			break
		}
		h := b[off:]
		if i < len(frames)-1 {
			ne.PutUint32(h[hdrNextOff:], uint32(next))
		}
		ne.PutUint32(h[hdrSecOff:], f.sec)
		ne.PutUint32(h[hdrNsecOff:], f.nsec)
		ne.PutUint32(h[hdrSnaplenOff:], uint32(len(f.data)))
		l := f.length
		if l == 0 {
			l = uint32(len(f.data))
		}
		ne.PutUint32(h[hdrLenOff:], l)
		ne.PutUint32(h[hdrStatusOff:], f.status|statusUser)
		ne.PutUint16(h[hdrMacOff:], mac)
		ne.PutUint32(h[hdrVlanTCIOff:], uint32(f.vlanTCI))
		ne.PutUint16(h[hdrVlanTPIDOff:], f.vlanTPID)
		ne.PutUint16(h[hdrLen:], 17) // AF_PACKET
		binary.BigEndian.PutUint16(h[sllProtocolOff:], f.protocol)
		ne.PutUint32(h[sllIfindexOff:], uint32(f.ifindex))
		ne.PutUint16(h[sllHatypeOff:], f.hatype)
		h[sllPkttypeOff] = f.pkttype
		h[sllHalenOff] = f.hlen
		copy(h[sllAddrOff:], f.addr[:])
		copy(h[mac:], f.data)
		ne.PutUint32(b[blockLenOff:], uint32(end))
		off += next
	}
	return b
}

// sharedDir returns ../shared beside the repository root, or "" when it is
// absent.
func sharedDir() string {
	shared, err := testshared.Find()
	if err != nil {
		return ""
	}
	return shared
}
