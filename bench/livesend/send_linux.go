package main

import (
	"encoding/binary"
	"fmt"
	"net"
	"time"

	"golang.org/x/sys/unix"
)

// send sends n frames of size bytes to dstMAC out of ifname at rate frames
// per second. Each frame carries the local experimental EtherType 0x88b5, so
// the receiving stack drops it at once, and its sequence number.
func send(ifname, dstMAC string, size, rate, n int) error {
	ifi, err := net.InterfaceByName(ifname)
	if err != nil {
		return err
	}
	dst, err := net.ParseMAC(dstMAC)
	if err != nil {
		return err
	}
	if size < 14+8 {
		return fmt.Errorf("frame size %d is below 22 bytes", size)
	}
	// Protocol 0: the socket only sends.
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return err
	}
	defer unix.Close(fd)
	to := &unix.SockaddrLinklayer{Ifindex: ifi.Index, Halen: 6}
	copy(to.Addr[:], dst)
	frame := make([]byte, size)
	copy(frame, dst)
	copy(frame[6:], ifi.HardwareAddr)
	binary.BigEndian.PutUint16(frame[12:], 0x88b5) // local experimental: the stack drops it at once
	// Pace in 1 ms slots: each slot sends the frames due by its end.
	start := time.Now()
	sent := 0
	for sent < n {
		due := min(n, int(time.Since(start).Seconds()*float64(rate))+1)
		for ; sent < due; sent++ {
			binary.BigEndian.PutUint64(frame[14:], uint64(sent))
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
	fmt.Printf("sent %d frames of %d bytes in %.3fs (%.0f frames/s)\n", sent, size, el.Seconds(), float64(sent)/el.Seconds())
	return nil
}
