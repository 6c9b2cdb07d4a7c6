package filter

import (
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/rawcap/rawcap/internal/testshared"

	"github.com/rawcap/rawcap/linktype"
)

// vmSharedDir returns ../shared next to the repository root (the directory
// holding go.mod), or skips the test when it is absent.
func vmSharedDir(t testing.TB) string {
	t.Helper()
	shared, err := vmFindShared()
	if err != nil {
		t.Skipf("test material is absent: %v", err)
	}
	return shared
}

// vmFindShared locates ../shared relative to the directory holding go.mod.
func vmFindShared() (string, error) {
	return testshared.Find()
}

// vmPacket is one packet of a capture file, as the harness needs it.
type vmPacket struct {
	data    []byte
	wirelen uint32
	lt      linktype.Type
}

var errVMCapture = errors.New("not a capture file this test reader understands")

// vmReadCapture reads every packet of a pcap or pcapng file. It is a small,
// forgiving reader for test material (filter must not depend on pcapio's
// progress): it stops at the first damaged record and keeps what it read.
func vmReadCapture(name string) ([]vmPacket, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	if len(b) < 24 {
		return nil, errVMCapture
	}
	switch magic := binary.LittleEndian.Uint32(b); magic {
	case 0xa1b2c3d4, 0xa1b23c4d:
		return vmReadPcap(b, binary.LittleEndian), nil
	case 0xd4c3b2a1, 0x4d3cb2a1:
		return vmReadPcap(b, binary.BigEndian), nil
	case 0x0a0d0d0a:
		return vmReadPcapNG(b), nil
	}
	return nil, errVMCapture
}

func vmReadPcap(b []byte, bo binary.ByteOrder) []vmPacket {
	lt := linktype.Type(bo.Uint32(b[20:]) & 0xffff)
	var pkts []vmPacket
	for off := 24; off+16 <= len(b); {
		incl, orig := int(bo.Uint32(b[off+8:])), bo.Uint32(b[off+12:])
		off += 16
		if incl < 0 || incl > len(b)-off {
			break
		}
		pkts = append(pkts, vmPacket{data: b[off : off+incl : off+incl], wirelen: orig, lt: lt})
		off += incl
	}
	return pkts
}

func vmReadPcapNG(b []byte) []vmPacket {
	var (
		pkts   []vmPacket
		ifaces []linktype.Type
		bo     binary.ByteOrder = binary.LittleEndian
	)
	for off := 0; off+12 <= len(b); {
		typ := bo.Uint32(b[off:])
		if typ == 0x0a0d0d0a { // a section header sets the byte order
			switch binary.LittleEndian.Uint32(b[off+8:]) {
			case 0x1a2b3c4d:
				bo = binary.LittleEndian
			case 0x4d3c2b1a:
				bo = binary.BigEndian
			default:
				return pkts
			}
			ifaces = ifaces[:0]
		}
		n := int(bo.Uint32(b[off+4:]))
		if n < 12 || n%4 != 0 || n > len(b)-off {
			return pkts
		}
		blk := b[off : off+n-4]
		add := func(iface uint32, at, caplen int, orig uint32) {
			if int(iface) < len(ifaces) && caplen >= 0 && at+caplen <= len(blk) {
				pkts = append(pkts, vmPacket{data: blk[at : at+caplen : at+caplen], wirelen: orig, lt: ifaces[iface]})
			}
		}
		switch {
		case typ == 1 && len(blk) >= 10: // interface description
			ifaces = append(ifaces, linktype.Type(bo.Uint16(blk[8:])))
		case typ == 6 && len(blk) >= 28: // enhanced packet
			add(bo.Uint32(blk[8:]), 28, int(bo.Uint32(blk[20:])), bo.Uint32(blk[24:]))
		case typ == 2 && len(blk) >= 28: // obsolete packet block
			add(uint32(bo.Uint16(blk[8:])), 28, int(bo.Uint32(blk[20:])), bo.Uint32(blk[24:]))
		case typ == 3 && len(blk) >= 12: // simple packet
			orig := bo.Uint32(blk[8:])
			add(0, 12, min(int(orig), len(blk)-12), orig)
		}
		off += n
	}
	return pkts
}

// vmCorpus holds the packets of every capture under ../shared (corpus and
// filters/pcaps), grouped by link type, read once per test binary.
var vmCorpus struct {
	once  sync.Once
	byLT  map[linktype.Type][]vmPacket
	files int
}

// vmCorpusPackets returns the corpus's packets of link type lt, at most
// limit of them, picked evenly across the corpus.
func vmCorpusPackets(t testing.TB, lt linktype.Type, limit int) []vmPacket {
	shared := vmSharedDir(t)
	vmCorpus.once.Do(func() {
		vmCorpus.byLT = map[linktype.Type][]vmPacket{}
		seen := map[string]bool{}
		for _, root := range []string{filepath.Join(shared, "filters", "pcaps"), filepath.Join(shared, "corpus")} {
			filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".pcap") || strings.HasSuffix(path, ".pcapng")) {
					return nil
				}
				pkts, err := vmReadCapture(path)
				if err != nil {
					return nil
				}
				vmCorpus.files++
				for _, p := range pkts {
					key := string(rune(p.lt)) + string(p.data)
					if seen[key] {
						continue
					}
					seen[key] = true
					vmCorpus.byLT[p.lt] = append(vmCorpus.byLT[p.lt], p)
				}
				return nil
			})
		}
	})
	all := vmCorpus.byLT[lt]
	if len(all) <= limit {
		return all
	}
	out := make([]vmPacket, 0, limit)
	for i := range limit {
		out = append(out, all[i*len(all)/limit])
	}
	return out
}
