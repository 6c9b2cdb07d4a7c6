package synth

import (
	"encoding/binary"
	"strconv"
	"time"
)

// The two ends of SIPCall: Alice (192.0.2.10) calls Bob (192.0.2.20).
var (
	sipAlice = [4]byte{192, 0, 2, 10}
	sipBob   = [4]byte{192, 0, 2, 20}
)

// SIP call media ports: what each end's SDP announces for RTP (RTCP on the
// port above).
const (
	SIPAliceRTPPort = 49170
	SIPBobRTPPort   = 51372
)

// SIPCall returns a capture of a SIP call over UDP and a SIP exchange over
// TCP, as a VoIP network carries them, packets 10 ms apart from start:
//
//   - Alice's INVITE with an SDP offer (PCMU, PCMA, G.729 and
//     telephone-event at 49170), Bob's 100 Trying, 180 Ringing and 200 OK
//     with his SDP answer (51372), Alice's ACK;
//   - RTP both ways on the announced ports (PCMU from Alice, PCMA and a
//     G.729 packet from Bob, the first of each with the marker bit);
//   - RTCP on the ports above: a sender report with a source description
//     (compound), a receiver report with a source description, an APP
//     packet, and at the end a receiver report with a BYE;
//   - Alice's BYE and Bob's 200 OK;
//   - then, over TCP to port 5060, a handshake, an OPTIONS request and its
//     200 OK, each framed by its Content-Length (the answer carries an SDP
//     body).
func SIPCall(start time.Time) []Packet {
	var out []Packet
	add := func(b []byte) {
		out = append(out, Packet{Data: b, Time: start.Add(time.Duration(len(out)) * 10 * time.Millisecond)})
	}
	a2b := func(sp, dp uint16, payload []byte) { add(udpFrame(sipAlice, sipBob, sp, dp, payload)) }
	b2a := func(sp, dp uint16, payload []byte) { add(udpFrame(sipBob, sipAlice, sp, dp, payload)) }

	const callID = "a84b4c76e66710@pc33.example.com"
	aliceSDP := "v=0\r\n" +
		"o=alice 2890844526 2890844526 IN IP4 192.0.2.10\r\n" +
		"s=-\r\n" +
		"c=IN IP4 192.0.2.10\r\n" +
		"t=0 0\r\n" +
		"m=audio 49170 RTP/AVP 0 8 18 101\r\n" +
		"a=rtpmap:0 PCMU/8000\r\n" +
		"a=rtpmap:8 PCMA/8000\r\n" +
		"a=rtpmap:18 G729/8000\r\n" +
		"a=rtpmap:101 telephone-event/8000\r\n" +
		"a=fmtp:101 0-15\r\n" +
		"a=ptime:20\r\n" +
		"a=sendrecv\r\n"
	bobSDP := "v=0\r\n" +
		"o=bob 2808844564 2808844564 IN IP4 192.0.2.20\r\n" +
		"s=Talk\r\n" +
		"c=IN IP4 192.0.2.20\r\n" +
		"t=0 0\r\n" +
		"m=audio 51372 RTP/AVP 8 0 18\r\n" +
		"a=rtpmap:8 PCMA/8000\r\n" +
		"a=rtpmap:0 PCMU/8000\r\n" +
		"a=rtpmap:18 G729/8000\r\n" +
		"a=sendrecv\r\n"
	via := "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds\r\n"
	from := "From: \"Alice\" <sip:alice@example.com>;tag=1928301774\r\n"
	toNoTag := "To: \"Bob\" <sip:bob@example.com>\r\n"
	to := "To: \"Bob\" <sip:bob@example.com>;tag=a6c85cf\r\n"
	cid := "Call-ID: " + callID + "\r\n"
	msg := func(first string, headers []string, ctype, body string) []byte {
		s := first + "\r\n"
		for _, h := range headers {
			s += h
		}
		if ctype != "" {
			s += "Content-Type: " + ctype + "\r\n"
		}
		s += "Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
		return []byte(s)
	}
	a2b(5060, 5060, msg("INVITE sip:bob@example.com SIP/2.0", []string{via, "Max-Forwards: 70\r\n", toNoTag, from, cid,
		"CSeq: 314159 INVITE\r\n", "Contact: <sip:alice@192.0.2.10:5060>\r\n", "User-Agent: rawcap-synth\r\n"}, "application/sdp", aliceSDP))
	b2a(5060, 5060, msg("SIP/2.0 100 Trying", []string{via, toNoTag, from, cid, "CSeq: 314159 INVITE\r\n"}, "", ""))
	b2a(5060, 5060, msg("SIP/2.0 180 Ringing", []string{via, to, from, cid, "CSeq: 314159 INVITE\r\n",
		"Contact: <sip:bob@192.0.2.20:5060>\r\n"}, "", ""))
	b2a(5060, 5060, msg("SIP/2.0 200 OK", []string{via, to, from, cid, "CSeq: 314159 INVITE\r\n",
		"Contact: <sip:bob@192.0.2.20:5060>\r\n"}, "application/sdp", bobSDP))
	a2b(5060, 5060, msg("ACK sip:bob@192.0.2.20:5060 SIP/2.0", []string{"Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhdt\r\n",
		"Max-Forwards: 70\r\n", to, from, cid, "CSeq: 314159 ACK\r\n"}, "", ""))

	// RTP: Alice sends PCMU, Bob PCMA and then G.729.
	const aliceSSRC, bobSSRC = 0x1a2b3c4d, 0x5e6f7081
	for k := range 4 {
		a2b(SIPAliceRTPPort, SIPBobRTPPort, rtpPacket(k == 0, 0, uint16(1000+k), uint32(160*k), aliceSSRC, 160, byte(0xff-k)))
		pt := byte(8)
		n := 160
		if k == 3 {
			pt, n = 18, 20
		}
		b2a(SIPBobRTPPort, SIPAliceRTPPort, rtpPacket(k == 0, pt, uint16(7000+k), uint32(8000+160*k), bobSSRC, n, byte(0xd5+k)))
	}
	// RTCP.
	a2b(SIPAliceRTPPort+1, SIPBobRTPPort+1, append(rtcpSR(aliceSSRC, bobSSRC), rtcpSDES(aliceSSRC, "alice@192.0.2.10")...))
	b2a(SIPBobRTPPort+1, SIPAliceRTPPort+1, append(rtcpRR(bobSSRC, aliceSSRC), rtcpSDES(bobSSRC, "bob@192.0.2.20")...))
	b2a(SIPBobRTPPort+1, SIPAliceRTPPort+1, rtcpAPP(bobSSRC))
	a2b(SIPAliceRTPPort+1, SIPBobRTPPort+1, append(rtcpRR(aliceSSRC, bobSSRC), rtcpBYE(aliceSSRC, "hangup")...))

	a2b(5060, 5060, msg("BYE sip:bob@192.0.2.20:5060 SIP/2.0", []string{"Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds10\r\n",
		"Max-Forwards: 70\r\n", from, to, cid, "CSeq: 314160 BYE\r\n"}, "", ""))
	b2a(5060, 5060, msg("SIP/2.0 200 OK", []string{"Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds10\r\n",
		from, to, cid, "CSeq: 314160 BYE\r\n"}, "", ""))

	// SIP over TCP: OPTIONS and its answer, each in one segment.
	const cp, cs, ss = 40500, 1000, 9000
	add(tcpFrame(sipAlice, sipBob, cp, 5060, cs, 0, tcpSYN, nil))
	add(tcpFrame(sipBob, sipAlice, 5060, cp, ss, cs+1, tcpSYN|tcpACK, nil))
	add(tcpFrame(sipAlice, sipBob, cp, 5060, cs+1, ss+1, tcpACK, nil))
	opt := msg("OPTIONS sip:bob@example.com SIP/2.0", []string{"Via: SIP/2.0/TCP 192.0.2.10:40500;branch=z9hG4bKhjhs8ass877\r\n",
		"Max-Forwards: 70\r\n", "To: <sip:bob@example.com>\r\n", "From: \"Alice\" <sip:alice@example.com>;tag=1928301774\r\n",
		"Call-ID: a84b4c76e66711@pc33.example.com\r\n", "CSeq: 63104 OPTIONS\r\n", "Contact: <sip:alice@192.0.2.10;transport=tcp>\r\n",
		"Accept: application/sdp\r\n"}, "", "")
	add(tcpFrame(sipAlice, sipBob, cp, 5060, cs+1, ss+1, tcpPSH|tcpACK, opt))
	ok := msg("SIP/2.0 200 OK", []string{"Via: SIP/2.0/TCP 192.0.2.10:40500;branch=z9hG4bKhjhs8ass877\r\n",
		"To: <sip:bob@example.com>;tag=93810874\r\n", "From: \"Alice\" <sip:alice@example.com>;tag=1928301774\r\n",
		"Call-ID: a84b4c76e66711@pc33.example.com\r\n", "CSeq: 63104 OPTIONS\r\n", "Allow: INVITE, ACK, CANCEL, OPTIONS, BYE\r\n",
		"Accept: application/sdp\r\n"}, "application/sdp", bobSDP)
	add(tcpFrame(sipBob, sipAlice, 5060, cp, ss+1, cs+1+uint32(len(opt)), tcpPSH|tcpACK, ok))
	add(tcpFrame(sipAlice, sipBob, cp, 5060, cs+1+uint32(len(opt)), ss+1+uint32(len(ok)), tcpACK, nil))
	return out
}

// rtpPacket returns an RTP packet (RFC 3550) with n payload bytes of fill.
func rtpPacket(marker bool, pt byte, seq uint16, ts, ssrc uint32, n int, fill byte) []byte {
	b := make([]byte, 12+n)
	b[0] = 0x80
	b[1] = pt
	if marker {
		b[1] |= 0x80
	}
	binary.BigEndian.PutUint16(b[2:], seq)
	binary.BigEndian.PutUint32(b[4:], ts)
	binary.BigEndian.PutUint32(b[8:], ssrc)
	for i := 12; i < len(b); i++ {
		b[i] = fill
	}
	return b
}

// rtcpHeader writes an RTCP header: version 2, count, type, length in
// words minus one.
func rtcpHeader(b []byte, count, typ byte) {
	b[0] = 0x80 | count
	b[1] = typ
	binary.BigEndian.PutUint16(b[2:], uint16(len(b)/4-1))
}

// rtcpBlock writes a report block about ssrc.
func rtcpBlock(b []byte, ssrc uint32) {
	be := binary.BigEndian
	be.PutUint32(b[0:], ssrc)
	b[4] = 0x0a                      // fraction lost
	b[5], b[6], b[7] = 0x00, 0x00, 2 // cumulative lost
	be.PutUint32(b[8:], 7003)        // extended highest sequence number
	be.PutUint32(b[12:], 12)         // jitter
	be.PutUint32(b[16:], 0xa1b2c3d4) // LSR
	be.PutUint32(b[20:], 0x00010000) // DLSR: one second
}

func rtcpSR(ssrc, about uint32) []byte {
	b := make([]byte, 28+24)
	rtcpHeader(b, 1, 200)
	be := binary.BigEndian
	be.PutUint32(b[4:], ssrc)
	be.PutUint32(b[8:], 0xe8d4a510) // NTP seconds
	be.PutUint32(b[12:], 0x80000000)
	be.PutUint32(b[16:], 640)
	be.PutUint32(b[20:], 4)
	be.PutUint32(b[24:], 4*160)
	rtcpBlock(b[28:], about)
	return b
}

func rtcpRR(ssrc, about uint32) []byte {
	b := make([]byte, 8+24)
	rtcpHeader(b, 1, 201)
	binary.BigEndian.PutUint32(b[4:], ssrc)
	rtcpBlock(b[8:], about)
	return b
}

// rtcpSDES returns a source description with a CNAME and a tool item.
func rtcpSDES(ssrc uint32, cname string) []byte {
	items := []byte{1, byte(len(cname))}
	items = append(items, cname...)
	items = append(items, 6, 11)
	items = append(items, "rawcap-test"...)
	items = append(items, 0)
	for len(items)%4 != 0 {
		items = append(items, 0)
	}
	b := make([]byte, 8, 8+len(items))
	binary.BigEndian.PutUint32(b[4:], ssrc)
	b = append(b, items...)
	rtcpHeader(b, 1, 202)
	return b
}

func rtcpBYE(ssrc uint32, reason string) []byte {
	b := make([]byte, 8, 12+len(reason))
	binary.BigEndian.PutUint32(b[4:], ssrc)
	b = append(b, byte(len(reason)))
	b = append(b, reason...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	rtcpHeader(b, 1, 203)
	return b
}

func rtcpAPP(ssrc uint32) []byte {
	b := make([]byte, 16)
	binary.BigEndian.PutUint32(b[4:], ssrc)
	copy(b[8:], "TEST")
	copy(b[12:], "data")
	rtcpHeader(b, 0, 204)
	return b
}

func sipMAC(ip [4]byte) [6]byte { return [6]byte{2, 0, 0, 0, 0, ip[3]} }

// udpFrame builds an Ethernet frame with an IPv4 UDP datagram.
func udpFrame(src, dst [4]byte, sp, dp uint16, payload []byte) []byte {
	b := make([]byte, 14+20+8+len(payload))
	l2(b, sipMAC(dst), sipMAC(src), 0, etherIPv4)
	ip := b[14:34]
	ip[0], ip[8], ip[9] = 0x45, 64, 17
	binary.BigEndian.PutUint16(ip[2:], uint16(28+len(payload)))
	copy(ip[12:], src[:])
	copy(ip[16:], dst[:])
	binary.BigEndian.PutUint16(ip[10:], fold(csum(0, ip)))
	copy(b[42:], payload)
	udp(b, 34, false, sp, dp)
	return b
}

// tcpFrame builds an Ethernet frame with an IPv4 TCP segment.
func tcpFrame(src, dst [4]byte, sp, dp uint16, seq, ack uint32, flags byte, payload []byte) []byte {
	b := make([]byte, 14+20+20+len(payload))
	l2(b, sipMAC(dst), sipMAC(src), 0, etherIPv4)
	ip := b[14:34]
	ip[0], ip[8], ip[9] = 0x45, 64, 6
	binary.BigEndian.PutUint16(ip[2:], uint16(40+len(payload)))
	copy(ip[12:], src[:])
	copy(ip[16:], dst[:])
	binary.BigEndian.PutUint16(ip[10:], fold(csum(0, ip)))
	t := b[34:]
	be := binary.BigEndian
	be.PutUint16(t[0:], sp)
	be.PutUint16(t[2:], dp)
	be.PutUint32(t[4:], seq)
	be.PutUint32(t[8:], ack)
	t[12] = 5 << 4
	t[13] = flags
	be.PutUint16(t[14:], 64240)
	copy(t[20:], payload)
	finishL4(b, 34, false, 6, 16)
	return b
}
