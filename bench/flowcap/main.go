// Command flowcap writes a pcap of many short UDP and TCP conversations,
// interleaved, for benchmarks of rawcap split --by: flowcap -flows 300000
// -o flows.pcap writes four packets per conversation, 500 conversations
// at a time.
package main

import (
	"bufio"
	"encoding/binary"
	"flag"
	"fmt"
	"os"
)

func main() {
	flows := flag.Int("flows", 300_000, "number of conversations")
	per := flag.Int("per", 4, "packets per conversation")
	active := flag.Int("active", 500, "conversations open at once")
	out := flag.String("o", "flows.pcap", "output file")
	flag.Parse()
	if err := write(*out, *flows, *per, *active); err != nil {
		fmt.Fprintln(os.Stderr, "flowcap:", err)
		os.Exit(1)
	}
}

func write(name string, flows, per, wave int) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	le := binary.LittleEndian
	hdr := le.AppendUint32(nil, 0xa1b2c3d4)
	hdr = le.AppendUint16(hdr, 2)
	hdr = le.AppendUint16(hdr, 4)
	hdr = le.AppendUint64(hdr, 0)
	hdr = le.AppendUint32(hdr, 262144)
	hdr = le.AppendUint32(hdr, 1)
	w.Write(hdr)
	// Conversations open in waves, so that many are open at once.
	frame := make([]byte, 14+20+8+32)
	rec := make([]byte, 16)
	t := uint64(1_767_225_600_000_000) // µs
	for base := 0; base < flows; base += wave {
		for k := 0; k < per; k++ {
			for i := base; i < min(base+wave, flows); i++ {
				build(frame, i, k)
				t += 3
				le.PutUint32(rec[0:], uint32(t/1e6))
				le.PutUint32(rec[4:], uint32(t%1e6))
				le.PutUint32(rec[8:], uint32(len(frame)))
				le.PutUint32(rec[12:], uint32(len(frame)))
				w.Write(rec)
				if _, err := w.Write(frame); err != nil {
					return err
				}
			}
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// build fills an Ethernet/IPv4/UDP frame of conversation i, packet k (odd
// packets answer).
func build(b []byte, i, k int) {
	be := binary.BigEndian
	copy(b, []byte{2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2, 0x08, 0x00})
	ip := b[14:]
	ip[0], ip[1] = 0x45, 0
	be.PutUint16(ip[2:], uint16(len(b)-14))
	be.PutUint16(ip[4:], uint16(k))
	ip[6], ip[7], ip[8], ip[9] = 0, 0, 64, 17
	ip[10], ip[11] = 0, 0
	cli := [4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)}
	srv := [4]byte{192, 0, 2, byte(1 + i%200)}
	sport, dport := uint16(1024+i%60000), uint16(53)
	if k%2 == 1 {
		cli, srv = srv, cli
		sport, dport = dport, sport
	}
	copy(ip[12:], cli[:])
	copy(ip[16:], srv[:])
	var s uint32
	for j := 0; j < 20; j += 2 {
		s += uint32(be.Uint16(ip[j:]))
	}
	for s > 0xffff {
		s = s&0xffff + s>>16
	}
	be.PutUint16(ip[10:], ^uint16(s))
	u := ip[20:]
	be.PutUint16(u[0:], sport)
	be.PutUint16(u[2:], dport)
	be.PutUint16(u[4:], uint16(len(u)))
	be.PutUint16(u[6:], 0)
	for j := 8; j < len(u); j++ {
		u[j] = byte(i + j)
	}
}
