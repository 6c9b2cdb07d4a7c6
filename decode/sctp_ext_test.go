package decode_test

import "testing"

// sctpExtensions is an association between 10.0.0.1 port 5000 (A) and
// 10.0.0.2 port 6000 (B) that uses the chunks of SCTP's extensions: AUTH
// and its INIT parameters (RFC 4895), ASCONF and ASCONF-ACK (RFC 5061),
// RE-CONFIG (RFC 6525), I-DATA and I-FORWARD-TSN (RFC 8260), PAD (RFC
// 4820), NR-SACK, PKTDROP, ECNE and CWR, and DATA and I-DATA messages in
// fragments that tshark reassembles.
func sctpExtensions() [][]byte {
	const ta, tb = 0x0a0b0c0d, 0x01020304
	a2b := func(ch ...[]byte) []byte { return sctpFrame(1, 2, 5000, 6000, tb, ch...) }
	b2a := func(ch ...[]byte) []byte { return sctpFrame(2, 1, 6000, 5000, ta, ch...) }
	data := func(flags byte, tsn uint32, sid, ssn uint16, ppid uint32, payload string) []byte {
		return sctpChunk(0, flags, append(append(be32s(tsn), be16s(sid, ssn)...), append(be32s(ppid), payload...)...))
	}
	idata := func(flags byte, tsn uint32, sid uint16, mid, ppidFSN uint32, payload string) []byte {
		return sctpChunk(64, flags, append(append(be32s(tsn), be16s(sid, 0)...), append(be32s(mid, ppidFSN), payload...)...))
	}
	random := make([]byte, 32)
	for i := range random {
		random[i] = byte(i * 7)
	}
	init := append(be32s(ta, 65536), be16s(10, 10)...)
	init = append(init, be32s(100)...)
	init = append(init, sctpTLV(0x8002, random)...)
	init = append(init, sctpTLV(0x8003, []byte{0xc1, 0x80})...)
	init = append(init, sctpTLV(0x8004, be16s(1, 3))...)
	init = append(init, sctpTLV(0x8008, []byte{0x0f, 0xc1, 0x80, 0x82, 0x40, 0xc2, 0x84, 0x10, 0x81})...)
	init = append(init, sctpTLV(0xc006, be32s(0x01020304))...)
	init = append(init, sctpTLV(0xc000, nil)...)
	initAck := append(be32s(tb, 65536), be16s(10, 10)...)
	initAck = append(initAck, be32s(900)...)
	initAck = append(initAck, sctpTLV(7, []byte("cookie-cookie"))...)
	initAck = append(initAck, sctpTLV(0x8002, random)...)
	initAck = append(initAck, sctpTLV(0x8004, be16s(1))...)
	initAck = append(initAck, sctpTLV(0x8003, []byte{0xc1, 0x80, 0x00})...)
	hmac := make([]byte, 20)
	for i := range hmac {
		hmac[i] = byte(0xa0 + i)
	}
	auth := sctpChunk(15, 0, append(be16s(1, 1), hmac...))
	v4 := func(a ...byte) []byte { return sctpTLV(5, a) }
	asconf := append(be32s(0x1001), v4(10, 0, 0, 1)...)
	asconf = append(asconf, sctpTLV(0xc001, append(be32s(1), v4(10, 0, 0, 3)...))...)
	asconf = append(asconf, sctpTLV(0xc002, append(be32s(2), v4(10, 0, 0, 4)...))...)
	asconf = append(asconf, sctpTLV(0xc004, append(be32s(3), v4(10, 0, 0, 3)...))...)
	asconfAck := be32s(0x1001)
	asconfAck = append(asconfAck, sctpTLV(0xc005, be32s(1))...)
	asconfAck = append(asconfAck, sctpTLV(0xc003, append(be32s(2), sctpTLV(0xa1, v4(10, 0, 0, 4))...))...)
	asconfAck = append(asconfAck, sctpTLV(0xc005, be32s(3))...)
	reconfOut := sctpTLV(13, append(be32s(7, 6, 103), be16s(1, 2)...))
	reconfIn := sctpTLV(14, append(be32s(8), be16s(3)...))
	reconfTSN := sctpTLV(15, be32s(9))
	reconfResp := sctpTLV(16, be32s(7, 1))
	reconfRespTSN := sctpTLV(16, be32s(9, 1, 5000, 200))
	addOut := sctpTLV(17, append(be32s(10), be16s(5, 0)...))
	addIn := sctpTLV(18, append(be32s(11), be16s(4, 0)...))
	nrsack := append(be32s(99, 50000), be16s(1, 1, 1, 0)...)
	// Its blocks name TSNs A never sent: tshark lists the DATA chunks an
	// NR-SACK acknowledges (frame, RTT) whatever its preferences, rawcap
	// does not.
	nrsack = append(nrsack, be16s(10, 11)...)
	nrsack = append(nrsack, be16s(12, 13)...)
	nrsack = append(nrsack, be32s(900)...)
	dropped := sctpFrame(1, 2, 5000, 6000, tb, data(3, 104, 0, 4, 0, "lost"))[34:]
	pktdrop := append(be32s(100000, 2000), be16s(uint16(len(dropped)), 0)...)
	pktdrop = append(pktdrop, dropped...)
	return [][]byte{
		sctpFrame(1, 2, 5000, 6000, 0, sctpChunk(1, 0, init)),
		b2a(sctpChunk(2, 0, initAck)),
		a2b(sctpChunk(10, 0, []byte("cookie-cookie"))),
		b2a(sctpChunk(11, 0, nil)),
		a2b(auth, data(3, 100, 0, 0, 0, "authenticated")),
		// A message in three DATA fragments, then one in two I-DATA
		// fragments.
		a2b(data(2, 101, 1, 0, 0, "first part, ")),
		a2b(data(0, 102, 1, 0, 0, "middle part, ")),
		a2b(data(1, 103, 1, 0, 0, "last part")),
		b2a(sctpChunk(16, 0, nrsack)),
		a2b(idata(2, 104, 2, 0, 0, "i-data one, ")),
		a2b(idata(1, 105, 2, 0, 1, "i-data two")),
		a2b(idata(3, 106, 3, 1, 0, "whole")),
		a2b(sctpChunk(0xc1, 0, asconf)),
		b2a(sctpChunk(0x80, 0, asconfAck)),
		a2b(sctpChunk(130, 0, append(reconfOut, reconfIn...))),
		b2a(sctpChunk(130, 0, append(reconfResp, reconfTSN...))),
		a2b(sctpChunk(130, 0, reconfRespTSN)),
		a2b(sctpChunk(130, 0, append(addOut, addIn...))),
		a2b(sctpChunk(194, 0, append(be32s(110), append(be16s(2, 1), append(be32s(4), append(be16s(3, 0), be32s(5)...)...)...)...))),
		b2a(sctpChunk(132, 0, make([]byte, 16)), sctpChunk(11, 0, nil)),
		b2a(sctpChunk(129, 0x05, pktdrop)),
		b2a(sctpChunk(12, 0, be32s(103))),
		a2b(sctpChunk(13, 0, be32s(103))),
		// SCTP port 5060 carries SIP, a message in one DATA chunk.
		sctpFrame(1, 2, 5060, 5060, 9, data(3, 1, 0, 0, 0, sctpSIP)),
	}
}

// sctpSIP is a SIP request whose length is a multiple of 4 (a DATA chunk
// without padding).
const sctpSIP = "OPTIONS sip:b@10.0.0.2 SIP/2.0\r\nVia: SIP/2.0/SCTP 10.0.0.1:5060;branch=z9hG4bK1\r\n" +
	"Max-Forwards: 70\r\nTo: <sip:b@10.0.0.2>\r\nFrom: <sip:a@10.0.0.1>;tag=123\r\nCall-ID: 1@10.0.0.1\r\n" +
	"CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"

// TestSCTPExtensionsMatchTsharkAndTcpdump compares rawcap's trees and
// one-liners of the extension chunks with tshark's and tcpdump's.
func TestSCTPExtensionsMatchTsharkAndTcpdump(t *testing.T) {
	compareSCTP(t, "sctp-ext-V", sctpExtensions(), nil)
}

// sctpErrorCauses is ERROR and ABORT chunks with each error cause of RFC
// 9260 and RFC 4895, and an INIT-ACK reporting a parameter it did not
// recognise.
func sctpErrorCauses() [][]byte {
	const ta = 0x0a0b0c0d
	b2a := func(ch ...[]byte) []byte { return sctpFrame(2, 1, 6000, 5000, ta, ch...) }
	v4 := sctpTLV(5, []byte{10, 0, 0, 9})
	initAck := append(be32s(0x01020304, 65536), be16s(10, 10)...)
	initAck = append(initAck, be32s(900)...)
	initAck = append(initAck, sctpTLV(7, []byte("cookie-cookie!!!"))...)
	initAck = append(initAck, sctpTLV(8, sctpTLV(0x8005, []byte{1, 2, 3, 4}))...)
	initAck = append(initAck, sctpTLV(11, []byte("host.example\x00\x00\x00\x00"))...)
	return [][]byte{
		b2a(sctpChunk(9, 0, sctpTLV(2, append(be32s(2), be16s(7, 9)...)))),
		b2a(sctpChunk(9, 0, append(sctpTLV(4, nil), sctpTLV(5, v4)...))),
		b2a(sctpChunk(9, 0, sctpTLV(6, sctpChunk(0x4f, 0, []byte{1, 2, 3, 4})))),
		b2a(sctpChunk(9, 0, append(sctpTLV(7, nil), sctpTLV(8, sctpTLV(0x8005, []byte{1, 2, 3, 4}))...))),
		b2a(sctpChunk(9, 0, append(sctpTLV(9, be32s(1234)), sctpTLV(10, nil)...))),
		b2a(sctpChunk(9, 0, sctpTLV(11, v4))),
		b2a(sctpChunk(6, 0, sctpTLV(12, []byte("bye!")))),
		b2a(sctpChunk(6, 0, sctpTLV(13, []byte("Protocol violation!")))),
		b2a(sctpChunk(9, 0, sctpTLV(261, be16s(2)))),
		b2a(sctpChunk(2, 0, initAck)),
		b2a(sctpChunk(0x4f, 0x81, []byte{9, 8, 7, 6, 5}), sctpChunk(11, 0, nil)),
	}
}

// TestSCTPErrorCausesMatchTsharkAndTcpdump compares rawcap's trees and
// one-liners of every error cause with tshark's and tcpdump's.
func TestSCTPErrorCausesMatchTsharkAndTcpdump(t *testing.T) {
	compareSCTP(t, "sctp-causes-V", sctpErrorCauses(), nil)
}
