// Command livecap captures with rawcap's capture package and writes a pcap
// file, for bench/live.sh: it runs until SIGINT or SIGTERM, then prints, as
// tcpdump does, how many packets it captured, how many the kernel received
// and how many it dropped.
//
//	livecap -i vethA -w /tmp/out.pcap
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/rawcap/rawcap/capture"
	"github.com/rawcap/rawcap/pcapio"
)

func main() {
	cfg := capture.Config{}
	flag.StringVar(&cfg.Interface, "i", "vethA", "interface")
	flag.IntVar(&cfg.SnapLen, "s", 0, "snapshot length (0: 262144)")
	flag.IntVar(&cfg.RingSizeMiB, "B", 0, "ring size in MiB per socket (0: the default)")
	flag.IntVar(&cfg.Fanout, "fanout", 0, "sockets in a fanout group")
	flag.IntVar(&cfg.BlockSize, "blocksize", 0, "ring block size in bytes (0: the default)")
	out := flag.String("w", "/dev/null", "pcap file to write")
	prof := flag.String("cpuprofile", "", "write a CPU profile to this file")
	flag.Parse()
	if *prof != "" {
		f, err := os.Create(*prof)
		if err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	if err := run(cfg, *out); err != nil {
		fmt.Fprintln(os.Stderr, "livecap:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

func run(cfg capture.Config, out string) error {
	h, err := capture.Open(cfg)
	if err != nil {
		return err
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	go func() { <-sig; h.Close() }()
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	// The writer buffers by itself; its buffer stays in the CPU's cache.
	w, err := pcapio.NewPcapWriter(f, pcapio.PcapWriterOptions{LinkType: h.LinkType(), Nano: true})
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "livecap: listening on %s, link-type %v\n", cfg.Interface, h.LinkType())
	var p pcapio.Packet
	n := 0
	for {
		err := h.ReadPacket(&p)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if err := w.WritePacket(&p); err != nil {
			return err
		}
		n++
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	st, err := h.Stats()
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%d packets captured\n%d packets received by filter\n%d packets dropped by kernel\n", n, st.Received, st.Dropped)
	return nil
}
