package decode_test

import (
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// tcpFrame builds an Ethernet/IPv4/TCP frame from 10.0.0.x addresses.
func tcpFrame(src, dst byte, sp, dp uint16, seq, ack uint32, flags byte, payload []byte) []byte {
	b := []byte{2, 0, 0, 0, 0, 0xb, 2, 0, 0, 0, 0, 0xa, 8, 0}
	ip := make([]byte, 20)
	ip[0], ip[8], ip[9] = 0x45, 64, 6
	binary.BigEndian.PutUint16(ip[2:], uint16(40+len(payload)))
	binary.BigEndian.PutUint16(ip[6:], 0x4000)
	copy(ip[12:], []byte{10, 0, 0, src})
	copy(ip[16:], []byte{10, 0, 0, dst})
	tcp := make([]byte, 20)
	binary.BigEndian.PutUint16(tcp[0:], sp)
	binary.BigEndian.PutUint16(tcp[2:], dp)
	binary.BigEndian.PutUint32(tcp[4:], seq)
	binary.BigEndian.PutUint32(tcp[8:], ack)
	tcp[12], tcp[13] = 5<<4, flags
	binary.BigEndian.PutUint16(tcp[14:], 64240)
	b = append(append(append(b, ip...), tcp...), payload...)
	return b
}

// tcpExchange builds a handshake, then the server's bytes cut at cuts,
// each acknowledged by the client.
func tcpExchange(sp uint16, request, stream []byte, cuts []int) [][]byte {
	const cp = 40000
	cs, ss := uint32(1000), uint32(5000)
	var out [][]byte
	out = append(out, tcpFrame(1, 2, cp, sp, cs, 0, 0x02, nil))
	cs++
	out = append(out, tcpFrame(2, 1, sp, cp, ss, cs, 0x12, nil))
	ss++
	if request != nil {
		out = append(out, tcpFrame(1, 2, cp, sp, cs, ss, 0x18, request))
		cs += uint32(len(request))
	} else {
		out = append(out, tcpFrame(1, 2, cp, sp, cs, ss, 0x10, nil))
	}
	for _, c := range cuts {
		seg := stream[:c]
		stream = stream[c:]
		out = append(out, tcpFrame(2, 1, sp, cp, ss, cs, 0x18, seg))
		ss += uint32(len(seg))
		out = append(out, tcpFrame(1, 2, cp, sp, cs, ss, 0x10, nil))
	}
	return out
}

// ipFragments cuts an IPv4 payload of protocol proto from 10.0.0.src into
// fragments of at most size bytes (a multiple of 8).
func ipFragments(src, dst, proto byte, id uint16, payload []byte, size int) [][]byte {
	var out [][]byte
	for off := 0; off < len(payload); off += size {
		part := payload[off:min(off+size, len(payload))]
		b := []byte{2, 0, 0, 0, 0, 0xb, 2, 0, 0, 0, 0, 0xa, 8, 0}
		ip := make([]byte, 20)
		ip[0], ip[8], ip[9] = 0x45, 64, proto
		binary.BigEndian.PutUint16(ip[2:], uint16(20+len(part)))
		binary.BigEndian.PutUint16(ip[4:], id)
		fl := uint16(off / 8)
		if off+size < len(payload) {
			fl |= 0x2000
		}
		binary.BigEndian.PutUint16(ip[6:], fl)
		copy(ip[12:], []byte{10, 0, 0, src})
		copy(ip[16:], []byte{10, 0, 0, dst})
		out = append(out, append(append(b, ip...), part...))
	}
	return out
}

// ipv6Fragments cuts a payload of protocol nxt from fd00::src into IPv6
// fragments of at most size bytes (a multiple of 8).
func ipv6Fragments(src, dst, nxt byte, id uint32, payload []byte, size int) [][]byte {
	var out [][]byte
	for off := 0; off < len(payload); off += size {
		part := payload[off:min(off+size, len(payload))]
		b := []byte{2, 0, 0, 0, 0, 0xb, 2, 0, 0, 0, 0, 0xa, 0x86, 0xdd}
		ip := make([]byte, 48)
		ip[0], ip[6], ip[7] = 0x60, 44, 64
		binary.BigEndian.PutUint16(ip[4:], uint16(8+len(part)))
		ip[8], ip[23], ip[24], ip[39] = 0xfd, src, 0xfd, dst
		ip[40] = nxt
		fl := uint16(off)
		if off+size < len(payload) {
			fl |= 1
		}
		binary.BigEndian.PutUint16(ip[42:], fl)
		binary.BigEndian.PutUint32(ip[44:], id)
		out = append(out, append(append(b, ip...), part...))
	}
	return out
}

// icmpChecksum fills in the checksum of an ICMP message.
func icmpChecksum(m []byte) []byte {
	var sum uint32
	for i := 0; i+1 < len(m); i += 2 {
		sum += uint32(m[i])<<8 | uint32(m[i+1])
	}
	if len(m)%2 == 1 {
		sum += uint32(m[len(m)-1]) << 8
	}
	for sum > 0xffff {
		sum = sum>>16 + sum&0xffff
	}
	binary.BigEndian.PutUint16(m[2:], ^uint16(sum))
	return m
}

// icmpv6Checksum fills in the checksum of an ICMPv6 message from fd00::src
// to fd00::dst.
func icmpv6Checksum(src, dst byte, m []byte) []byte {
	pseudo := make([]byte, 40)
	pseudo[0], pseudo[15], pseudo[16], pseudo[31] = 0xfd, src, 0xfd, dst
	binary.BigEndian.PutUint32(pseudo[32:], uint32(len(m)))
	pseudo[39] = 58
	all := append(pseudo, m...)
	var sum uint32
	for i := 0; i+1 < len(all); i += 2 {
		sum += uint32(all[i])<<8 | uint32(all[i+1])
	}
	if len(all)%2 == 1 {
		sum += uint32(all[len(all)-1]) << 8
	}
	for sum > 0xffff {
		sum = sum>>16 + sum&0xffff
	}
	binary.BigEndian.PutUint16(m[2:], ^uint16(sum))
	return m
}

func tlsRecord(ct byte, n int) []byte {
	b := []byte{ct, 3, 3, byte(n >> 8), byte(n)}
	for i := range n {
		b = append(b, byte(i*7))
	}
	return b
}

// TestColumnsReassembly checks TLS records and HTTP bodies spread over TCP
// segments against the rows tshark 4.0 prints for the same frames (and
// against tshark itself when it is installed).
func TestColumnsReassembly(t *testing.T) {
	var tlsStream []byte
	for _, r := range [][]byte{tlsRecord(23, 100), tlsRecord(23, 3000), tlsRecord(23, 20), tlsRecord(23, 2000), tlsRecord(21, 26)} {
		tlsStream = append(tlsStream, r...)
	}
	httpResp := []byte("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 3000\r\n\r\n" + strings.Repeat("x", 3000))
	chunked := []byte("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n" +
		"7d0\r\n" + strings.Repeat("y", 2000) + "\r\n0\r\n\r\n")
	for _, tc := range []struct {
		name   string
		frames [][]byte
		want   string
	}{
		{"tls", tcpExchange(443, nil, tlsStream, []int{160, 1400, 1575, 15, 1990, 31}), `
    1   0.000000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 443 [SYN] Seq=0 Win=64240 Len=0
    2   1.000000     10.0.0.2 → 10.0.0.1     TCP 54 443 → 40000 [SYN, ACK] Seq=0 Ack=1 Win=64240 Len=0
    3   2.000000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 443 [ACK] Seq=1 Ack=1 Win=64240 Len=0
    4   3.000000     10.0.0.2 → 10.0.0.1     TLSv1.2 214 Application Data
    5   4.000000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 443 [ACK] Seq=1 Ack=161 Win=64240 Len=0
    6   5.000000     10.0.0.2 → 10.0.0.1     TCP 1454 443 → 40000 [PSH, ACK] Seq=161 Ack=1 Win=64240 Len=1400 [TCP segment of a reassembled PDU]
    7   6.000000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 443 [ACK] Seq=1 Ack=1561 Win=64240 Len=0
    8   7.000000     10.0.0.2 → 10.0.0.1     TLSv1.2 1629 Application Data, Application Data
    9   8.000000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 443 [ACK] Seq=1 Ack=3136 Win=64240 Len=0
   10   9.000000     10.0.0.2 → 10.0.0.1     TCP 69 [TCP segment of a reassembled PDU]
   11  10.000000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 443 [ACK] Seq=1 Ack=3151 Win=64240 Len=0
   12  11.000000     10.0.0.2 → 10.0.0.1     TLSv1.2 2044 Application Data
   13  12.000000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 443 [ACK] Seq=1 Ack=5141 Win=64240 Len=0
   14  13.000000     10.0.0.2 → 10.0.0.1     TLSv1.2 85 Encrypted Alert
   15  14.000000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 443 [ACK] Seq=1 Ack=5172 Win=64240 Len=0
`},
		{"http-length", tcpExchange(80, []byte("GET /a HTTP/1.1\r\nHost: x\r\n\r\n"), httpResp, []int{1000, 1000, len(httpResp) - 2000}), `
    1   0.000000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 80 [SYN] Seq=0 Win=64240 Len=0
    2   1.000000     10.0.0.2 → 10.0.0.1     TCP 54 80 → 40000 [SYN, ACK] Seq=0 Ack=1 Win=64240 Len=0
    3   2.000000     10.0.0.1 → 10.0.0.2     HTTP 82 GET /a HTTP/1.1 
    4   3.000000     10.0.0.2 → 10.0.0.1     TCP 1054 HTTP/1.1 200 OK  [TCP segment of a reassembled PDU]
    5   4.000000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 80 [ACK] Seq=29 Ack=1001 Win=64240 Len=0
    6   5.000000     10.0.0.2 → 10.0.0.1     TCP 1054 80 → 40000 [PSH, ACK] Seq=1001 Ack=29 Win=64240 Len=1000 [TCP segment of a reassembled PDU]
    7   6.000000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 80 [ACK] Seq=29 Ack=2001 Win=64240 Len=0
    8   7.000000     10.0.0.2 → 10.0.0.1     HTTP 1136 HTTP/1.1 200 OK  (text/plain)
    9   8.000000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 80 [ACK] Seq=29 Ack=3083 Win=64240 Len=0
`},
		{"ipv4-fragments", func() [][]byte {
			data := make([]byte, 3000)
			udp := append([]byte{0x87, 0x07, 0x87, 0x08, byte((len(data) + 8) >> 8), byte(len(data) + 8), 0, 0}, data...)
			ping := icmpChecksum(append([]byte{8, 0, 0, 0, 0, 7, 0, 1}, data...))
			pong := icmpChecksum(append([]byte{0, 0, 0, 0, 0, 7, 0, 1}, data...))
			var fr [][]byte
			fr = append(fr, ipFragments(1, 2, 17, 0x1234, udp, 1480)...)
			fr = append(fr, ipFragments(1, 2, 1, 0x1235, ping, 1480)...)
			fr = append(fr, ipFragments(2, 1, 1, 0x1236, pong, 1480)...)
			bad := append([]byte{0, 0, 0, 0, 0, 7, 0, 1}, data...) // a reply with a wrong checksum
			fr = append(fr, ipFragments(2, 1, 1, 0x1237, bad, 1480)...)
			return append(fr, ipFragments(1, 2, 17, 0x999, udp, 1480)[2])
		}(), ``},
		{"ipv6-fragments", func() [][]byte {
			data := make([]byte, 3000)
			udp := append([]byte{0x87, 0x07, 0x87, 0x08, byte((len(data) + 8) >> 8), byte(len(data) + 8), 0, 0}, data...)
			ping := icmpv6Checksum(1, 2, append([]byte{128, 0, 0, 0, 0, 9, 0, 2}, data...))
			pong := icmpv6Checksum(2, 1, append([]byte{129, 0, 0, 0, 0, 9, 0, 2}, data...))
			bad := append([]byte{129, 0, 0, 0, 0, 9, 0, 2}, data...) // a reply with a wrong checksum
			var fr [][]byte
			fr = append(fr, ipv6Fragments(1, 2, 17, 0xabc, udp, 1448)...)
			fr = append(fr, ipv6Fragments(1, 2, 58, 0xabd, ping, 1448)...)
			fr = append(fr, ipv6Fragments(2, 1, 58, 0xabe, pong, 1448)...)
			return append(fr, ipv6Fragments(2, 1, 58, 0xabf, bad, 1448)...)
		}(), ``},
		{"http-chunked", tcpExchange(80, []byte("GET /b HTTP/1.1\r\nHost: x\r\n\r\n"), chunked, []int{500, 1000, len(chunked) - 1500}), ``},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := decode.NewDecoder()
			cp := &decode.ColumnsPrinter{}
			var got []byte
			for i, fr := range tc.frames {
				d.Decode(fr, linktype.Ethernet)
				f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1000+i), 0), Length: len(fr)}
				got = cp.Append(got, d, &f)
			}
			buf := make([]byte, 0, 4096)
			if n := testing.AllocsPerRun(5, func() {
				for i, fr := range tc.frames {
					d.Decode(fr, linktype.Ethernet)
					f := decode.Frame{Number: i + 1, Time: time.Unix(int64(1000+i), 0), Length: len(fr)}
					buf = cp.Append(buf[:0], d, &f)
				}
			}); n != 0 {
				t.Errorf("printing the exchange allocates %v times", n)
			}
			want := strings.TrimPrefix(tc.want, "\n")
			if _, err := exec.LookPath("tshark"); err == nil && !testing.Short() {
				path := filepath.Join(t.TempDir(), tc.name+".pcap")
				writeFrames(t, path, tc.frames)
				cmd := exec.Command("tshark", "-n", "-r", path)
				cmd.Env = append(os.Environ(), "TZ=UTC")
				out, err := cmd.Output()
				if err != nil {
					t.Fatalf("tshark: %v", err)
				}
				if want != "" && string(out) != want {
					t.Errorf("tshark no longer prints the expected rows (-want +tshark):\n%s", cmp.Diff(want, string(out)))
				}
				want = string(out)
			}
			if want == "" {
				t.Skip("tshark not installed and no recorded rows")
			}
			if diff := cmp.Diff(want, string(got)); diff != "" {
				t.Errorf("rows differ (-want +got):\n%s", diff)
			}
		})
	}
}

func writeFrames(t *testing.T, path string, frames [][]byte) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w, err := pcapio.NewPcapWriter(f, pcapio.PcapWriterOptions{LinkType: linktype.Ethernet})
	if err != nil {
		t.Fatal(err)
	}
	for i, fr := range frames {
		p := pcapio.Packet{Data: fr, Length: len(fr), Time: time.Unix(int64(1000+i), 0), HasTime: true, LinkType: linktype.Ethernet}
		if err := w.WritePacket(&p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}
