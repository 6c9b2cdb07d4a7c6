// Command soakcheck checks the capture files of a soak run (bench/live.sh
// -S) against what bench/livesend sent: every file reads to its end without
// an error, and the frames across the files are exactly frames 0 … n-1 of
// the sender, once each, each with the size and bytes the sender gave it.
//
//	soakcheck -n 120000000 -sizes 64,576,1500 FILE...
//
// It prints one line of counts and exits 1 if anything is off.
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/rawcap/rawcap/pcapio"
)

func main() {
	n := flag.Int("n", 0, "frames sent")
	list := flag.String("sizes", "64", "the sender's frame sizes, in turn")
	flag.Parse()
	var sizes []int
	for _, w := range strings.Split(*list, ",") {
		v, err := strconv.Atoi(w)
		if err != nil {
			fmt.Fprintln(os.Stderr, "soakcheck: -sizes:", err)
			os.Exit(2)
		}
		sizes = append(sizes, v)
	}
	// The sender's pool of payload bytes (bench/livesend).
	pool := make([]byte, 1<<16)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range pool {
		pool[i] = byte(rng.Uint32())
	}
	maxSize := slices.Max(sizes)

	seen := make([]uint64, (*n+63)/64)
	var frames, dups, bad, other, beyond int
	var badFiles []string
	for _, name := range flag.Args() {
		r, err := pcapio.Open(name)
		if err != nil {
			badFiles = append(badFiles, fmt.Sprintf("%s: %v", name, err))
			continue
		}
		for {
			p, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				badFiles = append(badFiles, fmt.Sprintf("%s: %v", name, err))
				break
			}
			d := p.Data
			if len(d) < 22 || binary.BigEndian.Uint16(d[12:]) != 0x88b5 {
				other++
				continue
			}
			frames++
			seq := binary.BigEndian.Uint64(d[14:])
			if seq >= uint64(*n) {
				beyond++
				continue
			}
			off := int(seq) * 61 % (len(pool) - maxSize)
			if len(d) != sizes[seq%uint64(len(sizes))] || p.Length != len(d) || !bytes.Equal(d[22:], pool[off:off+len(d)-22]) {
				bad++
			}
			if seen[seq/64]&(1<<(seq%64)) != 0 {
				dups++
			}
			seen[seq/64] |= 1 << (seq % 64)
		}
		r.Close()
	}
	missing, firstMissing := 0, -1
	for i := range *n {
		if seen[i/64]&(1<<(i%64)) == 0 {
			missing++
			if firstMissing < 0 {
				firstMissing = i
			}
		}
	}
	fmt.Printf("files %d (%d unreadable), frames %d of %d sent, missing %d, duplicated %d, wrong size or bytes %d, unknown sequence %d, other frames %d\n",
		len(flag.Args()), len(badFiles), frames, *n, missing, dups, bad, beyond, other)
	for _, b := range badFiles {
		fmt.Println("unreadable:", b)
	}
	if missing > 0 {
		fmt.Println("first missing frame:", firstMissing)
	}
	if len(badFiles) > 0 || missing > 0 || dups > 0 || bad > 0 || beyond > 0 || len(flag.Args()) == 0 {
		os.Exit(1)
	}
}
