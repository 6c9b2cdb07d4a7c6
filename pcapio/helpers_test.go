package pcapio

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"testing"
)

// unhex decodes spaced hex ("0a 0d 0d 0a ...", newlines allowed).
func unhex(tb testing.TB, s string) []byte {
	tb.Helper()
	b, err := hex.DecodeString(strings.Join(strings.Fields(s), ""))
	if err != nil {
		tb.Fatalf("bad test vector: %v", err)
	}
	return b
}

// cat concatenates byte slices.
func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// summary is what a test compares of a packet.
type summary struct {
	Time      string // "sec.nsec", "" without a timestamp
	CapLen    int
	Length    int
	Interface int
	LinkType  uint16
	Data      string // hex of the first bytes
}

func summarize(p *Packet) summary {
	s := summary{CapLen: len(p.Data), Length: p.Length, Interface: p.Interface, LinkType: uint16(p.LinkType)}
	if p.HasTime {
		s.Time = fmt.Sprintf("%d.%09d", p.Time.Unix(), p.Time.Nanosecond())
	}
	s.Data = hex.EncodeToString(p.Data[:min(len(p.Data), 8)])
	return s
}

// readPackets reads every packet of b and the error that ended the reading
// (nil at a clean end).
func readPackets(tb testing.TB, b []byte) (*Reader, []summary, error) {
	tb.Helper()
	r, err := NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, nil, err
	}
	var got []summary
	for {
		p, err := r.Next()
		if err == io.EOF {
			return r, got, nil
		}
		if err != nil {
			return r, got, err
		}
		got = append(got, summarize(p))
	}
}

// ng builds pcapng blocks in one byte order, for tests that need many.
type ng struct{ be bool }

func (g ng) order() binary.AppendByteOrder {
	if g.be {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

func (g ng) u16(v uint16) []byte { return g.order().AppendUint16(nil, v) }
func (g ng) u32(v uint32) []byte { return g.order().AppendUint32(nil, v) }
func (g ng) u64(v uint64) []byte { return g.order().AppendUint64(nil, v) }

func (g ng) block(typ uint32, body ...[]byte) []byte {
	b := cat(body...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	n := uint32(12 + len(b))
	return cat(g.u32(typ), g.u32(n), b, g.u32(n))
}

func (g ng) opt(code uint16, val []byte) []byte {
	b := cat(g.u16(code), g.u16(uint16(len(val))), val)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

func (g ng) shb(minor uint16, opts ...[]byte) []byte {
	return g.block(BlockSHB, g.u32(0x1a2b3c4d), g.u16(1), g.u16(minor), g.u64(^uint64(0)), cat(opts...))
}

func (g ng) idb(lt uint16, snap uint32, opts ...[]byte) []byte {
	return g.block(BlockIDB, g.u16(lt), g.u16(0), g.u32(snap), cat(opts...))
}

func (g ng) epb(iface uint32, ts uint64, data []byte, length uint32, opts ...[]byte) []byte {
	pad := make([]byte, (4-len(data)%4)%4)
	return g.block(BlockEPB, g.u32(iface), g.u32(uint32(ts>>32)), g.u32(uint32(ts)), g.u32(uint32(len(data))), g.u32(length), data, pad, cat(opts...))
}
