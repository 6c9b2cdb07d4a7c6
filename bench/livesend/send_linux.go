package main

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"net"
	"slices"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// send sends n frames to dstMAC out of ifname at rate frames per second,
// frame i of sizes[i % len(sizes)] bytes. Each frame carries the local
// experimental EtherType 0x88b5, so the receiving stack drops it at once,
// its sequence number, and then bytes of a fixed random pool (from an
// offset that changes from frame to frame). With limit, it stops after that
// long.
func send(ifname, dstMAC string, sizes []int, rate, n int, limit time.Duration) error {
	ifi, err := net.InterfaceByName(ifname)
	if err != nil {
		return err
	}
	dst, err := net.ParseMAC(dstMAC)
	if err != nil {
		return err
	}
	for _, size := range sizes {
		if size < 14+8 {
			return fmt.Errorf("frame size %d is below 22 bytes", size)
		}
	}
	pool := make([]byte, 1<<16)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range pool {
		pool[i] = byte(rng.Uint32())
	}
	// Protocol 0: the socket only sends.
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return err
	}
	defer unix.Close(fd)
	to := &unix.SockaddrLinklayer{Ifindex: ifi.Index, Halen: 6}
	copy(to.Addr[:], dst)
	buf := make([]byte, slices.Max(sizes))
	frame := buf
	copy(frame, dst)
	copy(frame[6:], ifi.HardwareAddr)
	binary.BigEndian.PutUint16(frame[12:], 0x88b5) // local experimental: the stack drops it at once
	// Pace in 1 ms slots: each slot sends the frames due by its end.
	start := time.Now()
	sent := 0
	for sent < n {
		if limit > 0 && time.Since(start) >= limit {
			break
		}
		due := min(n, int(time.Since(start).Seconds()*float64(rate))+1)
		for ; sent < due; sent++ {
			frame = buf[:sizes[sent%len(sizes)]]
			binary.BigEndian.PutUint64(frame[14:], uint64(sent))
			off := sent * 61 % (len(pool) - len(buf))
			copy(frame[22:], pool[off:])
			for {
				err := unix.Sendto(fd, frame, 0, to)
				if err == unix.ENOBUFS || err == unix.EAGAIN {
					time.Sleep(10 * time.Microsecond)
					continue
				}
				if err != nil {
					return err
				}
				break
			}
		}
		if next := start.Add(time.Duration(float64(sent) / float64(rate) * float64(time.Second))); time.Until(next) > 0 {
			time.Sleep(min(time.Until(next), time.Millisecond))
		}
	}
	el := time.Since(start)
	names := make([]string, len(sizes))
	for i, v := range sizes {
		names[i] = fmt.Sprint(v)
	}
	fmt.Printf("sent %d frames of %s bytes in %.3fs (%.0f frames/s)\n", sent, strings.Join(names, ","), el.Seconds(), float64(sent)/el.Seconds())
	return nil
}
