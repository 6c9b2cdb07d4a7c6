// Command livesend sends Ethernet frames of a fixed size (or of sizes in
// turn) at a fixed rate out of one interface through an AF_PACKET socket,
// for bench/live.sh. Run it inside the sending network namespace; it prints
// how many frames it sent and the rate it reached. Frame i carries i as a
// big-endian uint64 after the EtherType (0x88b5), and with -sizes it is
// sizes[i % len(sizes)] bytes long, so that a capture can be checked frame
// by frame (bench/soakcheck).
//
//	livesend -i vethB -dst 02:00:00:00:00:01 -size 64 -rate 100000 -n 300000
//	livesend -i vethB -dst 02:00:00:00:00:01 -sizes 64,576,1500 -rate 200000 -n 120000000
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func main() {
	ifname := flag.String("i", "vethB", "interface to send on")
	dst := flag.String("dst", "ff:ff:ff:ff:ff:ff", "destination MAC address")
	size := flag.Int("size", 64, "frame size in bytes (Ethernet header included, FCS excluded)")
	rate := flag.Int("rate", 100000, "frames per second")
	n := flag.Int("n", 300000, "frames to send")
	list := flag.String("sizes", "", "comma-separated frame sizes, used in turn (instead of -size)")
	dur := flag.Duration("d", 0, "stop after this long, even if fewer than -n frames are sent (0: no limit)")
	workers := flag.Int("P", 1, "senders sharing the frames, each with its own socket and thread (for the highest rates)")
	flag.Parse()
	sizes := []int{*size}
	if *list != "" {
		sizes = sizes[:0]
		for _, w := range strings.Split(*list, ",") {
			v, err := strconv.Atoi(w)
			if err != nil {
				fmt.Fprintln(os.Stderr, "livesend: -sizes:", err)
				os.Exit(2)
			}
			sizes = append(sizes, v)
		}
	}
	if err := send(*ifname, *dst, sizes, *rate, *n, *dur, *workers); err != nil {
		fmt.Fprintln(os.Stderr, "livesend:", err)
		os.Exit(1)
	}
}
