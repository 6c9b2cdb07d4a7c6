// Command livesend sends Ethernet frames of a fixed size at a fixed rate out
// of one interface through an AF_PACKET socket, for bench/live.sh. Run it
// inside the sending network namespace; it prints how many frames it sent and
// the rate it reached.
//
//	livesend -i vethB -dst 02:00:00:00:00:01 -size 64 -rate 100000 -n 300000
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	ifname := flag.String("i", "vethB", "interface to send on")
	dst := flag.String("dst", "ff:ff:ff:ff:ff:ff", "destination MAC address")
	size := flag.Int("size", 64, "frame size in bytes (Ethernet header included, FCS excluded)")
	rate := flag.Int("rate", 100000, "frames per second")
	n := flag.Int("n", 300000, "frames to send")
	flag.Parse()
	if err := send(*ifname, *dst, *size, *rate, *n); err != nil {
		fmt.Fprintln(os.Stderr, "livesend:", err)
		os.Exit(1)
	}
}
