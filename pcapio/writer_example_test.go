package pcapio_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

// ExamplePcapNGWriter writes a pcapng file with one interface, one packet
// and the interface's statistics, then reads it back.
func ExamplePcapNGWriter() {
	var buf bytes.Buffer
	w, err := pcapio.NewPcapNGWriter(&buf, pcapio.PcapNGWriterOptions{UserAppl: "example 1.0"})
	if err != nil {
		panic(err)
	}
	eth0, err := w.AddInterface(pcapio.Interface{LinkType: linktype.Ethernet, SnapLen: 262144, Name: "eth0"})
	if err != nil {
		panic(err)
	}
	t0 := time.Unix(1700000000, 123456789)
	p := pcapio.Packet{Data: make([]byte, 60), Length: 60, Time: t0, HasTime: true, Interface: eth0}
	if err := w.WritePacket(&p); err != nil {
		panic(err)
	}
	if err := w.WriteStats(eth0, pcapio.InterfaceStats{Time: t0, Received: 1, Dropped: 0,
		Has: pcapio.HasReceived | pcapio.HasDropped}); err != nil {
		panic(err)
	}
	if err := w.Close(); err != nil { // flushes; every write error surfaces here or earlier
		panic(err)
	}

	r, err := pcapio.NewReader(&buf)
	if err != nil {
		panic(err)
	}
	got, err := r.Next()
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Format(), r.Sections()[0].UserAppl, r.Interfaces()[0].Name, len(got.Data), got.Time.UnixNano())
	// Output: pcapng example 1.0 eth0 60 1700000000123456789
}

// ExamplePcapWriter writes a nanosecond pcap file.
func ExamplePcapWriter() {
	var buf bytes.Buffer
	w, err := pcapio.NewPcapWriter(&buf, pcapio.PcapWriterOptions{LinkType: linktype.Raw, Nano: true})
	if err != nil {
		panic(err)
	}
	p := pcapio.Packet{Data: []byte{0x45, 0, 0, 20}, Length: 20, Time: time.Unix(1, 5), HasTime: true, LinkType: linktype.Raw}
	if err := w.WritePacket(&p); err != nil {
		panic(err)
	}
	if err := w.Close(); err != nil {
		panic(err)
	}
	fmt.Printf("% x\n", buf.Bytes()[:4])
	fmt.Println(buf.Len(), "bytes")
	// Output:
	// 4d 3c b2 a1
	// 44 bytes
}
