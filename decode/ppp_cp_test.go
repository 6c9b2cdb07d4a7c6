package decode_test

import (
	"encoding/binary"
	"testing"

	"github.com/rawcap/rawcap/internal/testshared"
)

// pppCPFrames are PPP control and authentication messages in PPTP's
// enhanced GRE (RFC 1661 LCP, RFC 1332 IPCP with RFC 1877's DNS options,
// RFC 5072 IPV6CP, RFC 2509's IP header compression option, options
// of types tshark does not name and one running past the end, RFC 1994 CHAP, RFC 1334 PAP), hand-built from the RFCs.
func pppCPFrames(t testing.TB) [][]byte {
	gre := func(ppp string) []byte {
		p := mustHex(t, ppp)
		h := mustHex(t, "3001 880b 0000 0000 0000 0001")
		binary.BigEndian.PutUint16(h[4:], uint16(len(p)))
		return greInEthernet(append(h, p...))
	}
	return [][]byte{
		gre("ff03 c021 01 01 001c 0104 05dc 0206 00000000 0304 c023 0506 1234abcd 0702 0802"),
		gre("ff03 c021 02 01 0013 0104 05dc 0305 c223 05 0506 1234abcd"),
		gre("ff03 c021 04 02 0007 0d03 06"),
		gre("ff03 c021 09 03 000c 1234abcd 68656c6c"),
		gre("ff03 c021 0a 03 0008 5678ef01"),
		gre("ff03 c021 05 04 0007 627965"),
		gre("ff03 c021 06 04 0004"),
		gre("ff03 8021 01 05 0016 0306 0a000001 8106 08080808 8306 08080404"),
		gre("ff03 8021 03 05 000a 0306 c0a80101"),
		gre("ff03 8021 01 09 0012 020e 0061 000f 0010 0100 0005 0080"),
		gre("ff03 8021 04 0a 000e 7b04 aabb 0306 0a000001"),
		gre("ff03 8021 03 0b 000c 0306 0a000001 e608 0000"),
		gre("ff03 8021 01 0c 0014 0210 0061 000f 0010 0100 0005 0080 dc02"),
		gre("ff03 8021 01 0e 0014 0210 0061 000f 0010 0100 0005 0080 dc08"),
		gre("ff03 8057 01 06 000e 010a 0211 22ff fe33 4455"),
		gre("ff03 c223 01 07 0013 08 0102030405060708 73657276 6572"),
		gre("ff03 c223 02 07 0017 10 00112233445566778899aabbccddeeff 7573"),
		gre("ff03 c223 03 07 0006 6f6b"),
		gre("ff03 c223 04 07 0004"),
		gre("ff03 c023 01 08 000e 04 75736572 04 70617373"),
		gre("ff03 c023 03 08 0007 02 6e6f"),
		gre("ff03 c023 02 08 0008 03 6f6b21"),
	}
}

// TestPPPCPMatchesTshark holds the control and authentication messages'
// tree, -T fields and packet list to tshark's, and their one-liners to
// tcpdump's.
func TestPPPCPMatchesTshark(t *testing.T) {
	frames := pppCPFrames(t)
	t.Run("allocs", func(t *testing.T) {
		checkTreeAllocsNothing(t, frames, "PPP ")
	})
	compareFramesWithTcpdump(t, frames, [][]string{{}, {"-q"}})
	testshared.Oracle(t, "tshark")
	path := writeTestPcap(t, frames)
	mine, total := compareTreeWithTshark(t, path)
	t.Logf("%d of tshark's %d tree lines printed identically by rawcap", mine, total)
	if n := compareColumnsWithTshark(t, path); n != len(frames) {
		t.Errorf("%d of %d rows compared", n, len(frames))
	}
	compareFieldsWithTshark(t, path, frames, []string{"ppp.code", "ppp.identifier", "ppp.length",
		"lcp.opt.type", "lcp.opt.length", "lcp.opt.mru", "lcp.opt.asyncmap", "lcp.opt.auth_protocol",
		"lcp.opt.algorithm", "lcp.opt.magic_number", "lcp.opt.operation", "lcp.magic_number", "lcp.data", "ppp.data",
		"ipcp.opt.type", "ipcp.opt.length", "ipcp.opt.compress_proto", "ipcp.opt.tcp_space", "ipcp.opt.non_tcp_space",
		"ipcp.opt.f_max_period", "ipcp.opt.f_max_time", "ipcp.opt.max_header", "ppp.opt.len.invalid", "ipcp.opt.ip_address", "ipcp.opt.pri_dns_address", "ipcp.opt.sec_dns_address",
		"ipv6cp.opt.type", "ipv6cp.interface_identifier",
		"chap.code", "chap.identifier", "chap.value_size", "chap.value", "chap.name", "chap.message",
		"pap.code", "pap.peer_id", "pap.password", "pap.message.length", "pap.message"})
}
