package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"time"

	"github.com/rawcap/rawcap/pcapio"
	"github.com/urfave/cli/v2"
)

func reorderCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "reorder",
		Usage:     "sort a capture's packets by time (as reordercap)",
		ArgsUsage: "IN OUT",
		UsageText: `rawcap reorder [options] IN OUT

Examples:
   rawcap reorder merged-badly.pcapng sorted.pcapng
   rawcap reorder -n in.pcap.gz out.pcap      # write nothing if IN is in order already`,
		Description: `Reorder writes IN's packets to OUT sorted by time; packets of equal time keep
their order (a stable sort, as reordercap's). OUT has IN's format (pcap or
pcapng; .gz or .zst compress it). pcapng keeps every block: the section header,
interfaces, name resolution, decryption secrets and custom blocks come first,
then the packets, then the interface statistics.

Memory holds 24 bytes per packet (its time and where it is), not the
packets: they are read back from IN, or, when IN is compressed or standard
input, from a temporary copy, through a cache of 64 MiB. A damaged IN gives the packets before the
damage, sorted, and exit status 1. An existing OUT of 16 MB or more is
replaced by a new file rather than truncated, as merge does.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "n", Usage: "do not write OUT when IN is in order already"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 2 {
				return usagef("reorder: need IN and OUT, got %d argument(s); see rawcap reorder --help", c.NArg())
			}
			return reorder(c.Args().Get(0), c.Args().Get(1), c.Bool("n"), e)
		},
	}
}

// reorderEntry is where a packet is and when it was captured.
type reorderEntry struct {
	ns  int64  // capture time, ns since 1970 (math.MinInt64 without one)
	off int64  // record or block offset in the store
	n   uint32 // record or block length
	aux uint32 // pcap: original length; pcapng: file-wide interface | bigEndian<<31
}

const reorderBig = 1 << 31

// heldBlock is a non-packet block, kept in memory.
type heldBlock struct {
	raw     []byte
	big     bool
	section int
}

func reorder(in, out string, onlyIfNeeded bool, e *env) error {
	var r *pcapio.Reader
	var err error
	var store *os.File // where records are read back from
	direct := false    // store is IN itself
	if in == "-" {
		r, err = pcapio.NewReader(e.stdin)
	} else {
		r, err = pcapio.OpenReadAhead(in)
		direct = !isCompressedFile(in)
	}
	if err != nil {
		return fileError(in, err)
	}
	defer r.Close()
	var spill *bufio.Writer
	if direct {
		if store, err = os.Open(in); err != nil {
			return exitError{1, err}
		}
	} else {
		if store, err = os.CreateTemp("", "rawcap-reorder-*"); err != nil {
			return exitError{1, fmt.Errorf("reorder: a temporary copy of %s: %w", inName(in), err)}
		}
		defer os.Remove(store.Name())
		spill = bufio.NewWriterSize(store, 1<<20)
	}
	defer store.Close()

	fmtIn := r.Format()
	var format pcapio.Format
	var compress string
	if out != "-" {
		if format, compress, err = outputFormat("reorder", out, "", fmtIn); err != nil {
			return err
		}
		if format != fmtIn {
			return usagef("reorder: OUT %q names %v, but reorder keeps IN's format (%v): name it .%v, or convert afterwards", out, format, fmtIn, fmtIn)
		}
	}

	// Pass 1: the index.
	var ents []reorderEntry
	var pre, post []heldBlock
	var shb *heldBlock
	sorted := true
	last := int64(math.MinInt64)
	var spilled int64
	var readErr error
	hdr := 0 // pcap record header length
	for {
		b, err := r.NextBlock()
		if err == io.EOF {
			break
		}
		if err != nil {
			readErr = fileError(in, err)
			break
		}
		off := b.Offset
		if spill != nil {
			if _, err := spill.Write(b.Raw); err != nil {
				return exitError{1, fmt.Errorf("reorder: writing a temporary copy of %s: %w", inName(in), err)}
			}
			off = spilled
			spilled += int64(len(b.Raw))
		}
		if p := b.Packet; p != nil {
			ent := reorderEntry{ns: math.MinInt64, off: off, n: uint32(len(b.Raw))}
			if p.HasTime {
				ent.ns = p.Time.UnixNano()
			}
			if fmtIn == pcapio.FormatPcap {
				hdr = len(b.Raw) - len(p.Data)
				ent.aux = uint32(p.Length)
			} else {
				ent.aux = uint32(p.Interface)
				if b.BigEndian {
					ent.aux |= reorderBig
				}
			}
			if ent.ns < last {
				sorted = false
			}
			last = max(last, ent.ns)
			ents = append(ents, ent)
			continue
		}
		h := heldBlock{raw: slices.Clone(b.Raw), big: b.BigEndian, section: b.Section}
		switch b.Type {
		case pcapio.BlockSHB:
			if shb == nil {
				shb = &h
			}
		case pcapio.BlockISB:
			post = append(post, h)
		case pcapio.BlockCustomNoCopy:
		default:
			pre = append(pre, h)
		}
	}
	if spill != nil {
		if err := spill.Flush(); err != nil {
			return exitError{1, fmt.Errorf("reorder: writing a temporary copy of %s: %w", inName(in), err)}
		}
	}
	if sorted && onlyIfNeeded {
		fmt.Fprintf(e.stderr, "rawcap: %s is in time order already; %s not written\n", inName(in), out)
		return readErr
	}
	slices.SortStableFunc(ents, func(a, b reorderEntry) int {
		switch {
		case a.ns < b.ns:
			return -1
		case a.ns > b.ns:
			return 1
		}
		return 0
	})

	// Pass 2: the output.
	o, err := createOutput(out, compress, e.stdout)
	if err != nil {
		return err
	}
	w := &reorderWriter{r: r, store: store, hdr: hdr}
	werr := w.write(o, shb, pre, ents, post)
	cerr := o.Close()
	switch {
	case werr != nil:
		return werr
	case cerr != nil:
		return writeErr(out, cerr)
	}
	return readErr
}

type reorderWriter struct {
	r       *pcapio.Reader
	store   *os.File
	hdr     int
	pw      *pcapio.PcapWriter
	ng      *pcapio.PcapNGWriter
	big     bool
	scratch []byte
	pkt     pcapio.Packet
}

// chunkCache reads records back from a file through up to chunkMax chunks
// of chunkSize bytes, dropping the oldest first: packets that a sort
// interleaves from a few regions of the file (several sensors' files, one
// after the other) then cost a read per chunk, not per packet.
type chunkCache struct {
	f       *os.File
	chunks  map[int64][]byte
	fifo    []int64
	spare   [][]byte
	scratch []byte
}

const (
	chunkSize = 1 << 20
	chunkMax  = 64
)

// get returns n bytes at off, valid until the next call.
func (c *chunkCache) get(off int64, n int) ([]byte, error) {
	first, last := off/chunkSize, (off+int64(n)-1)/chunkSize
	if first == last {
		ch, err := c.chunk(first)
		if err != nil {
			return nil, err
		}
		lo := int(off - first*chunkSize)
		if lo+n > len(ch) {
			return nil, io.ErrUnexpectedEOF
		}
		return ch[lo : lo+n], nil
	}
	c.scratch = c.scratch[:0]
	for ci := first; ci <= last; ci++ {
		ch, err := c.chunk(ci)
		if err != nil {
			return nil, err
		}
		lo, hi := 0, len(ch)
		if ci == first {
			lo = int(off - first*chunkSize)
		}
		if ci == last {
			hi = int(off + int64(n) - last*chunkSize)
		}
		if lo > len(ch) || hi > len(ch) {
			return nil, io.ErrUnexpectedEOF
		}
		c.scratch = append(c.scratch, ch[lo:hi]...)
	}
	return c.scratch, nil
}

func (c *chunkCache) chunk(ci int64) ([]byte, error) {
	if ch, ok := c.chunks[ci]; ok {
		return ch, nil
	}
	var buf []byte
	if len(c.fifo) >= chunkMax {
		old := c.fifo[0]
		c.fifo = c.fifo[1:]
		buf = c.chunks[old]
		delete(c.chunks, old)
	} else if n := len(c.spare); n > 0 {
		buf, c.spare = c.spare[n-1], c.spare[:n-1]
	} else {
		buf = make([]byte, chunkSize)
	}
	m, err := c.f.ReadAt(buf[:chunkSize], ci*chunkSize)
	if err != nil && !(err == io.EOF && m > 0) {
		c.spare = append(c.spare, buf)
		return nil, err
	}
	c.chunks[ci] = buf[:m]
	c.fifo = append(c.fifo, ci)
	return buf[:m], nil
}

func (w *reorderWriter) write(o *capOutput, shb *heldBlock, pre []heldBlock, ents []reorderEntry, post []heldBlock) (err error) {
	fail := func(err error) error { return writeErr(o.Name, err) }
	var pw pcapio.Writer
	if h, ok := w.r.PcapHeader(); ok {
		w.pw, err = pcapio.NewPcapWriter(o.Sink, pcapio.PcapWriterOptions{LinkType: h.LinkType, SnapLen: h.SnapLen, Nano: h.Nano, FCSLen: max(h.FCSLen, 0)})
		if err != nil {
			return fail(err)
		}
		pw = w.pw
		w.pkt.LinkType = h.LinkType
	} else {
		if w.ng, err = pcapio.NewPcapNGWriter(o.Sink, pcapio.PcapNGWriterOptions{UserAppl: "rawcap " + rawcapVersion(), OS: hostOS()}); err != nil {
			return fail(err)
		}
		pw = w.ng
		if shb != nil {
			w.big = shb.big
			if err := w.ng.WriteRawBlock(&pcapio.Block{Type: pcapio.BlockSHB, Raw: shb.raw, BigEndian: shb.big}); err != nil {
				return fail(err)
			}
		}
		for _, h := range pre {
			if err := w.held(h); err != nil {
				return fail(err)
			}
		}
	}
	defer func() {
		if cerr := pw.Close(); err == nil && cerr != nil {
			err = fail(cerr)
		}
	}()
	cache := &chunkCache{f: w.store, chunks: map[int64][]byte{}}
	for i := range ents {
		rec, err := cache.get(ents[i].off, int(ents[i].n))
		if err != nil {
			return exitError{1, fmt.Errorf("reorder: reading back %d bytes at offset %d: %w", ents[i].n, ents[i].off, err)}
		}
		if err := w.packet(&ents[i], rec); err != nil {
			return fail(err)
		}
	}
	for _, h := range post {
		if err := w.held(h); err != nil {
			return fail(err)
		}
	}
	return nil
}

// held writes a kept block in the output's byte order, its interface
// renumbered to the file-wide index.
func (w *reorderWriter) held(h heldBlock) error {
	raw := h.raw
	if h.big != w.big {
		var err error
		if w.scratch, err = pcapio.SwapBlock(w.scratch[:0], raw, h.big); err != nil {
			return nil // an unknown block of the other byte order: left out
		}
		raw = w.scratch
	}
	if len(raw) >= 12 && h.section > 0 && len(w.r.Sections()) > 1 {
		if blockType(raw, w.big) == pcapio.BlockISB {
			if &raw[0] == &h.raw[0] {
				raw = append(w.scratch[:0], raw...)
				w.scratch = raw
			}
			id := int(u32(raw[8:], w.big))
			if err := pcapio.SetBlockInterface(raw, w.big, sectionBase(w.r, h.section)+id); err != nil {
				return err
			}
		}
	}
	return w.ng.WriteRawBlock(&pcapio.Block{Raw: raw, BigEndian: w.big})
}

func (w *reorderWriter) packet(e *reorderEntry, rec []byte) error {
	if w.pw != nil {
		p := &w.pkt
		p.Data = rec[w.hdr:]
		p.Length = int(e.aux)
		p.Time = time.Unix(0, e.ns)
		p.HasTime = true
		return w.pw.WritePacket(p)
	}
	big := e.aux&reorderBig != 0
	iface := int(e.aux &^ reorderBig)
	raw := rec
	if big != w.big {
		var err error
		if w.scratch, err = pcapio.SwapBlock(w.scratch[:0], raw, big); err != nil {
			return err
		}
		raw = w.scratch
	}
	if len(w.r.Sections()) > 1 {
		if &raw[0] == &rec[0] {
			w.scratch = append(w.scratch[:0], raw...)
			raw = w.scratch
		}
		if err := pcapio.SetBlockInterface(raw, w.big, iface); err != nil {
			return err
		}
		if iface != 0 && blockType(raw, w.big) == pcapio.BlockSPB { // a simple packet block names no interface
			return errors.New("reorder: a simple packet block of a later section cannot be moved into the first")
		}
	}
	return w.ng.WriteRawBlock(&pcapio.Block{Raw: raw, BigEndian: w.big})
}

func u32(b []byte, big bool) uint32 {
	if big {
		return binary.BigEndian.Uint32(b)
	}
	return binary.LittleEndian.Uint32(b)
}

func blockType(raw []byte, big bool) uint32 {
	if len(raw) < 4 {
		return 0
	}
	return u32(raw, big)
}
