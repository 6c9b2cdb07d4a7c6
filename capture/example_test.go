package capture_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/rawcap/rawcap/capture"
	"github.com/rawcap/rawcap/pcapio"
)

// Capture on eth0 until Ctrl-C, then print the kernel's counts. Close, called
// from the signal goroutine, makes ReadPacket return what is already
// captured, then io.EOF.
func Example() {
	h, err := capture.Open(capture.Config{Interface: "eth0", SnapLen: 96})
	if err != nil {
		fmt.Fprintln(os.Stderr, err) // for example: … needs root or CAP_NET_RAW: sudo setcap …
		return
	}
	defer h.Close()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	go func() { <-sig; h.Close() }()

	var p pcapio.Packet
	n := 0
	for {
		err := h.ReadPacket(&p)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return
		}
		n++ // p.Data is valid until the next ReadPacket: copy what you keep.
	}
	st, _ := h.Stats()
	fmt.Printf("%d packets captured, %d received by filter, %d dropped by kernel\n", n, st.Received, st.Dropped)
}
