// Command fmatch is the differential-test helper for package filter: it
// compiles each expression of a file for a classic pcap's link type, runs
// it over every packet and prints, per expression, the line difftest.py's
// --batch-cmd protocol expects:
//
//	IDX<TAB>OK<TAB>n1,n2,...   (1-based numbers of matching packets)
//	IDX<TAB>ERR<TAB>message
//
// Usage: fmatch -r FILE.pcap -exprs EXPRFILE
package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"net/netip"
	"os"
	"strconv"
	"strings"

	"github.com/rawcap/rawcap/filter"
	"github.com/rawcap/rawcap/linktype"
)

type packet struct {
	data    []byte
	wirelen int
}

// readPcap is a tiny classic-pcap reader (both byte orders, µs or ns).
func readPcap(name string) (linktype.Type, []packet, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return 0, nil, err
	}
	if len(b) < 24 {
		return 0, nil, errors.New("short pcap header")
	}
	var bo binary.ByteOrder
	switch binary.LittleEndian.Uint32(b) {
	case 0xa1b2c3d4, 0xa1b23c4d:
		bo = binary.LittleEndian
	case 0xd4c3b2a1, 0x4d3cb2a1:
		bo = binary.BigEndian
	default:
		return 0, nil, errors.New("not a classic pcap file")
	}
	lt := linktype.Type(bo.Uint32(b[20:]) & 0xffff)
	var pkts []packet
	for off := 24; off+16 <= len(b); {
		incl := int(bo.Uint32(b[off+8:]))
		orig := int(bo.Uint32(b[off+12:]))
		if off+16+incl > len(b) {
			break
		}
		pkts = append(pkts, packet{b[off+16 : off+16+incl], orig})
		off += 16 + incl
	}
	return lt, pkts, nil
}

func main() {
	file := flag.String("r", "", "classic pcap file")
	exprs := flag.String("exprs", "", "file with one expression per line")
	lens := flag.Bool("len", false, "print IDX<TAB>LEN<TAB>instructions instead of matches")
	flag.Parse()
	lt, pkts, err := readPcap(*file)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fmatch:", err)
		os.Exit(1)
	}
	f, err := os.Open(*exprs)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fmatch:", err)
		os.Exit(1)
	}
	defer f.Close()
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	opt := filter.Options{Netmask: netip.IPv4Unspecified()}
	for i := 0; sc.Scan(); i++ {
		prog, err := filter.Compile(sc.Text(), lt, opt)
		if err != nil {
			fmt.Fprintf(out, "%d\tERR\t%s\n", i, strings.ReplaceAll(err.Error(), "\n", " "))
			continue
		}
		if *lens {
			fmt.Fprintf(out, "%d\tLEN\t%d\n", i, len(prog.Instructions()))
			continue
		}
		var nums []string
		for j, p := range pkts {
			if prog.Match(p.data, p.wirelen) {
				nums = append(nums, strconv.Itoa(j+1))
			}
		}
		fmt.Fprintf(out, "%d\tOK\t%s\n", i, strings.Join(nums, ","))
	}
}
