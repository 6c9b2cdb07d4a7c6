package main

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"net"
	"runtime"
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
// long. workers senders, each with its own socket, share the frames (frame
// i goes out through sender i % workers, each at rate/workers): on a veth
// pair the sender's core also carries the receiving side, so one sender
// cannot reach the highest rates.
func send(ifname, dstMAC string, sizes []int, rate, n int, limit time.Duration, workers int) error {
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
	workers = max(workers, 1)
	pool := make([]byte, 1<<16)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range pool {
		pool[i] = byte(rng.Uint32())
	}
	start := time.Now()
	counts := make([]int, workers)
	errs := make(chan error, workers)
	for w := range workers {
		go func() {
			runtime.LockOSThread()
			var err error
			counts[w], err = sendShare(ifi, dst, sizes, pool, float64(rate)/float64(workers), n, limit, start, w, workers)
			errs <- err
		}()
	}
	var all error
	for range workers {
		if err := <-errs; err != nil && all == nil {
			all = err
		}
	}
	if all != nil {
		return all
	}
	el := time.Since(start)
	sent := 0
	for _, c := range counts {
		sent += c
	}
	names := make([]string, len(sizes))
	for i, v := range sizes {
		names[i] = fmt.Sprint(v)
	}
	fmt.Printf("sent %d frames of %s bytes in %.3fs (%.0f frames/s)\n", sent, strings.Join(names, ","), el.Seconds(), float64(sent)/el.Seconds())
	return nil
}

// sendShare sends frames w, w+workers, w+2·workers … below n at rate
// frames per second, and returns how many it sent.
func sendShare(ifi *net.Interface, dst net.HardwareAddr, sizes []int, pool []byte, rate float64, n int, limit time.Duration, start time.Time, w, workers int) (int, error) {
	// Protocol 0: the socket only sends.
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return 0, err
	}
	defer unix.Close(fd)
	// Past the qdisc: the veth has nothing to queue, and the sender's
	// core carries the receive side too, so every cycle counts.
	if err := unix.SetsockoptInt(fd, unix.SOL_PACKET, unix.PACKET_QDISC_BYPASS, 1); err != nil {
		return 0, fmt.Errorf("PACKET_QDISC_BYPASS: %w", err)
	}
	to := &unix.SockaddrLinklayer{Ifindex: ifi.Index, Halen: 6}
	copy(to.Addr[:], dst)
	buf := make([]byte, slices.Max(sizes))
	frame := buf
	copy(frame, dst)
	copy(frame[6:], ifi.HardwareAddr)
	binary.BigEndian.PutUint16(frame[12:], 0x88b5) // local experimental: the stack drops it at once
	mine := (n - w + workers - 1) / workers        // frames w, w+workers, … below n
	// Pace in 1 ms slots: each slot sends the frames due by its end.
	sent := 0
	for sent < mine {
		if limit > 0 && time.Since(start) >= limit {
			break
		}
		due := min(mine, int(time.Since(start).Seconds()*rate)+1)
		for ; sent < due; sent++ {
			seq := w + sent*workers
			frame = buf[:sizes[seq%len(sizes)]]
			binary.BigEndian.PutUint64(frame[14:], uint64(seq))
			off := seq * 61 % (len(pool) - len(buf))
			copy(frame[22:], pool[off:])
			for {
				err := unix.Sendto(fd, frame, 0, to)
				if err == unix.ENOBUFS || err == unix.EAGAIN {
					time.Sleep(10 * time.Microsecond)
					continue
				}
				if err != nil {
					return sent, err
				}
				break
			}
		}
		if next := start.Add(time.Duration(float64(sent) / rate * float64(time.Second))); time.Until(next) > 0 {
			time.Sleep(min(time.Until(next), time.Millisecond))
		}
	}
	return sent, nil
}
