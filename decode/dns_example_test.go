package decode_test

import (
	"fmt"
	"net/netip"

	"github.com/rawcap/rawcap/decode"
)

// ExampleDNS walks a DNS response without copying it: the header, the
// question and the answer records, whose names are followed through
// compression pointers.
func ExampleDNS() {
	// A response for example.com A: 93.184.216.34, the answer's name a
	// pointer (c0 0c) back to the question's.
	msg := []byte{
		0x12, 0x34, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0,
		7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0, 0, 1, 0, 1,
		0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0x0e, 0x10, 0, 4, 93, 184, 216, 34,
	}
	m, err := decode.ParseDNS(msg)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("id %#04x response %v answers %d\n", m.ID(), m.Response(), m.ANCount())
	q, off, _ := m.Question(12)
	name, _ := m.AppendName(nil, q.Name)
	fmt.Printf("question %s type %d\n", name, q.Type)
	r, _, _ := m.Record(off)
	name, _ = m.AppendName(nil, r.Name)
	fmt.Printf("answer %s ttl %d A %v\n", name, r.TTL, netip.AddrFrom4([4]byte(m.RecordData(r))))
	// Output:
	// id 0x1234 response true answers 1
	// question example.com type 1
	// answer example.com ttl 3600 A 93.184.216.34
}
