package synth

import (
	"encoding/binary"
	"time"
)

// Conversations returns a capture of nTCP TCP and nUDP UDP conversations,
// each between a client address of its own (10.x.y.z) and one server
// (192.0.2.1, TCP port 12345, UDP port 9): first a handshake for every TCP
// conversation and a datagram for every UDP one, then, in the reverse
// order, a 100-byte segment from each TCP client starting 100 bytes past
// its first (as if a segment had not been captured) with the server's ACK,
// and a reply to each UDP datagram. Packets are a millisecond apart from
// start. With more conversations than a connection tracker keeps, it
// shows what the tracker does past its bound: the last ones opened are
// still known in the second round, the first ones are not.
func Conversations(nTCP, nUDP int, start time.Time) []Packet {
	isn := func(c int) (uint32, uint32) { return uint32(1000 + 7*c), uint32(500000 + 13*c) }
	var out []Packet
	add := func(b []byte) {
		out = append(out, Packet{Data: b, Time: start.Add(time.Duration(len(out)) * time.Millisecond)})
	}
	n := max(nTCP, nUDP)
	for c := range n {
		if c < nTCP {
			cs, ss := isn(c)
			add(convFrame(6, c, true, cs, 0, tcpSYN, 0))
			add(convFrame(6, c, false, ss, cs+1, tcpSYN|tcpACK, 0))
			add(convFrame(6, c, true, cs+1, ss+1, tcpACK, 0))
		}
		if c < nUDP {
			add(convFrame(17, c, true, 0, 0, 0, 4))
		}
	}
	for c := n - 1; c >= 0; c-- {
		if c < nTCP {
			cs, ss := isn(c)
			add(convFrame(6, c, true, cs+101, ss+1, tcpPSH|tcpACK, 100))
			add(convFrame(6, c, false, ss+1, cs+201, tcpACK, 0))
		}
		if c < nUDP {
			add(convFrame(17, c, false, 0, 0, 0, 4))
		}
	}
	return out
}

// convFrame builds an Ethernet frame with an IPv4 TCP segment (proto 6) or
// UDP datagram (17) carrying n bytes, from client c to the server or back.
func convFrame(proto byte, c int, toServer bool, seq, ack uint32, flags byte, n int) []byte {
	cli := [4]byte{10, byte(c >> 16), byte(c >> 8), byte(c)}
	srv := [4]byte{192, 0, 2, 1}
	cp, sp := uint16(40000+c%1000), uint16(12345)
	if proto == 17 {
		sp = 9 // discard
	}
	src, dst, spt, dpt := cli, srv, cp, sp
	if !toServer {
		src, dst, spt, dpt = srv, cli, sp, cp
	}
	hl := 20
	if proto == 17 {
		hl = 8
	}
	b := make([]byte, 14+20+hl+n)
	l2(b, [6]byte{2, 0, 0, 0, 0, 2}, [6]byte{2, 0, 0, 0, 0, 1}, 0, etherIPv4)
	ip := b[14:34]
	ip[0], ip[8], ip[9] = 0x45, 64, proto
	binary.BigEndian.PutUint16(ip[2:], uint16(20+hl+n))
	copy(ip[12:], src[:])
	copy(ip[16:], dst[:])
	binary.BigEndian.PutUint16(ip[10:], fold(csum(0, ip)))
	t := b[34:]
	binary.BigEndian.PutUint16(t[0:], spt)
	binary.BigEndian.PutUint16(t[2:], dpt)
	for i := range n {
		t[hl+i] = byte(c + i)
	}
	if proto == 17 {
		binary.BigEndian.PutUint16(t[4:], uint16(8+n))
		finishL4(b, 34, false, 17, 6)
		return b
	}
	binary.BigEndian.PutUint32(t[4:], seq)
	binary.BigEndian.PutUint32(t[8:], ack)
	t[12], t[13] = 5<<4, flags
	binary.BigEndian.PutUint16(t[14:], 64240)
	finishL4(b, 34, false, 6, 16)
	return b
}
