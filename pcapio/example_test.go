package pcapio_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/rawcap/rawcap/pcapio"
)

// A pcap file of one 4-byte Ethernet record, then a record cut short.
var capture = []byte{
	0xd4, 0xc3, 0xb2, 0xa1, 0x02, 0x00, 0x04, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0x01, 0, 0, 0,
	0x00, 0xf1, 0x53, 0x65, 0x40, 0xe2, 0x01, 0x00, 0x04, 0, 0, 0, 0x3c, 0, 0, 0, 0xde, 0xad, 0xbe, 0xef,
	0x00, 0xf1, 0x53, 0x65, 0x40, 0xe2, 0x01, 0x00, 0x04, 0, 0, 0, 0x3c, 0, 0, 0, 0xde,
}

func Example() {
	r, err := pcapio.NewReader(bytes.NewReader(capture))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Close()
	fmt.Println(r.Format(), r.Interfaces()[0].LinkType)
	var kept []pcapio.Packet
	for {
		p, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println("error:", err, errors.Is(err, pcapio.ErrTruncated))
			break
		}
		fmt.Printf("%s %d/%d bytes % x\n", p.Time.UTC().Format("15:04:05.000000"), len(p.Data), p.Length, p.Data)
		kept = append(kept, p.Clone()) // p is only valid until the next call
	}
	fmt.Println(len(kept), "kept")
	// Output:
	// pcap EN10MB (Ethernet)
	// 22:13:20.123456 4/60 bytes de ad be ef
	// error: offset 44: record needs 20 bytes, only 17 remain: file cut short true
	// 1 kept
}
