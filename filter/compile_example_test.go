package filter_test

import (
	"fmt"

	"github.com/rawcap/rawcap/filter"
	"github.com/rawcap/rawcap/linktype"
)

func ExampleCompile() {
	prog, err := filter.Compile("tcp port 22 and host 10.0.0.1", linktype.Ethernet, filter.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	// An Ethernet frame carrying IPv4 TCP from 10.0.0.1:1234 to 10.0.0.2:22.
	frame := []byte{
		0x02, 0, 0, 0, 0, 0x0b, 0x02, 0, 0, 0, 0, 0x0a, 0x08, 0x00, // Ethernet
		0x45, 0, 0, 40, 0, 0, 0, 0, 64, 6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2, // IPv4
		0x04, 0xd2, 0, 22, 0, 0, 0, 0, 0, 0, 0, 0, 0x50, 0x02, 0, 0, 0, 0, 0, 0, // TCP
	}
	fmt.Println(prog.Match(frame, len(frame)), len(prog.Instructions()) <= 4096)

	_, err = filter.Compile("tcp host 10.0.0.1", linktype.Ethernet, filter.Options{})
	fmt.Println(err)
	// Output:
	// true true
	// 'tcp' modifier applied to host
}
