package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
	"github.com/urfave/cli/v2"
)

func mergeCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "merge",
		Usage:     "merge capture files into one, in time order (as mergecap)",
		ArgsUsage: "-w OUT IN...",
		UsageText: `rawcap merge [options] -w OUT IN...

Examples:
   rawcap merge -w all.pcapng sensor1.pcapng sensor2.pcap.gz
   rawcap merge -a -w day.pcap hour*.pcap          # concatenate, in the order given
   rawcap merge -I none -s 128 -w out.pcapng a.pcapng b.pcapng`,
		Description: `Merge writes the packets of every IN into OUT in time order (a streaming k-way
merge: each input is read once, and memory does not grow with their size;
of packets of equal time, the later input's comes first, as with mergecap). -a concatenates instead.
Inputs may be pcap or pcapng, gzip- or zstd-compressed, mixed.

OUT's format comes from its name (.pcap or .pcapng, optionally .gz or .zst)
or --format; pcapng otherwise, as mergecap writes. pcapng output keeps every
block of every input: interfaces, comments, name resolution, decryption
secrets, interface statistics and custom blocks, with interfaces renumbered
(the input sections' own headers are replaced by one, which carries their
comments). -I chooses how interfaces merge, as mergecap's: all (the default)
merges them when every input has the same interfaces, any merges identical
ones, none keeps each input's apart. pcap output needs a single link type.
An existing OUT of 16 MB or more, a regular file of yours with one link,
is replaced by a new file with its permissions rather than truncated (on
ext4, much faster), when the disk has room for both.

A damaged input gives every packet before the damage and the merge goes on
with the others; the error names the file and byte offset, and the exit
status is 1. With more inputs than --max-open, groups of them are merged
into temporary files first, so hundreds of inputs work.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "w", Aliases: []string{"write"}, Usage: "write the merged capture to `OUT` (- for standard output)"},
			&cli.BoolFlag{Name: "a", Aliases: []string{"concat"}, Usage: "concatenate the inputs in the order given instead of merging by time"},
			&cli.StringFlag{Name: "I", Aliases: []string{"interfaces"}, Value: "all", Usage: "interface merge `MODE`: all, any or none (as mergecap -I)"},
			&cli.IntFlag{Name: "s", Aliases: []string{"snaplen"}, Usage: "cut packets to at most `N` bytes"},
			&cli.StringFlag{Name: "F", Aliases: []string{"format"}, Usage: "output format: pcap or pcapng (default: from OUT's name, else pcapng)"},
			&cli.IntFlag{Name: "max-open", Value: 64, Usage: "open at most `N` inputs at once"},
		},
		Action: func(c *cli.Context) error {
			o, err := mergeOptionsFrom(c)
			if err != nil {
				return err
			}
			o.stdin = e.stdin
			return merge(o, e.stdout)
		},
	}
}

// idbMode is how interfaces of several inputs become the output's.
type idbMode int

const (
	idbAll  idbMode = iota // merge when every input has the same interfaces, else none
	idbAny                 // merge identical interfaces
	idbNone                // keep every input's interfaces apart
	idbSame                // resolved "all": the inputs have the same interfaces
)

type mergeOptions struct {
	out      string
	format   pcapio.Format
	compress string
	inputs   []string
	concat   bool
	mode     idbMode
	snaplen  uint32
	maxOpen  int
	stdin    io.Reader // what "-" reads
}

func mergeOptionsFrom(c *cli.Context) (mergeOptions, error) {
	var o mergeOptions
	o.out = c.String("w")
	if o.out == "" {
		return o, usagef("merge: need -w OUT; see rawcap merge --help")
	}
	o.inputs = c.Args().Slice()
	if len(o.inputs) == 0 {
		return o, usagef("merge: need at least one input file after -w OUT")
	}
	var err error
	if o.format, o.compress, err = outputFormat("merge", o.out, c.String("F"), pcapio.FormatPcapNG); err != nil {
		return o, err
	}
	switch m := c.String("I"); m {
	case "all":
		o.mode = idbAll
	case "any":
		o.mode = idbAny
	case "none":
		o.mode = idbNone
	default:
		return o, usagef("merge: -I %q: want all, any or none", m)
	}
	if n := c.Int("s"); n < 0 || n > pcapio.MaxBlockLength {
		return o, usagef("merge: -s %d: want 1 to %d (0 keeps packets whole)", n, pcapio.MaxBlockLength)
	} else {
		o.snaplen = uint32(n)
	}
	o.concat = c.Bool("a")
	if o.maxOpen = c.Int("max-open"); o.maxOpen < 2 {
		return o, usagef("merge: --max-open %d: want at least 2", o.maxOpen)
	}
	stdin := 0
	for _, in := range o.inputs {
		if in == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return o, usagef("merge: standard input (-) can be read only once")
	}
	return o, nil
}

// mergeInput is what merge learns of an input before merging: its
// interfaces as known at its start, and its first section's comments.
type mergeInput struct {
	name     string
	ifaces   []pcapio.Interface
	keys     []string // canonical encodings of ifaces, for -I
	comments []string
	nano     bool // pcap timestamps finer than microseconds
}

// sameIface reports whether two interfaces (their ifaceKey encodings) are
// duplicates as mergecap tells them: the same link type, snapshot length,
// timestamp resolution and offset, and equal values of every option that
// both carry (an option only one of them has does not count).
func sameIface(a, b string) bool {
	if len(a) < 20 || len(b) < 20 || a[8:10] != b[8:10] || a[12:16] != b[12:16] {
		return false
	}
	oa, ob := ifaceOpts(a), ifaceOpts(b)
	for _, code := range []uint16{9, 14} { // if_tsresol (default 6), if_tsoffset (default 0)
		va, vb := oa[code], ob[code]
		if va == "" && code == 9 {
			va = "\x06"
		}
		if vb == "" && code == 9 {
			vb = "\x06"
		}
		if va != vb {
			return false
		}
	}
	for code, va := range oa {
		if vb, ok := ob[code]; ok && vb != va {
			return false
		}
	}
	return true
}

// ifaceOpts returns the first value of each option of a little-endian
// interface description.
func ifaceOpts(idb string) map[uint16]string {
	m := map[uint16]string{}
	o := idb[16 : len(idb)-4]
	for len(o) >= 4 {
		code, l := uint16(o[0])|uint16(o[1])<<8, int(o[2])|int(o[3])<<8
		if code == 0 || 4+l > len(o) {
			break
		}
		if _, ok := m[code]; !ok {
			m[code] = o[4 : 4+l]
		}
		o = o[min(4+(l+3)&^3, len(o)):]
	}
	return m
}

func ifaceKey(ifc *pcapio.Interface) string {
	b, err := pcapio.AppendIDB(nil, ifc, false)
	if err != nil {
		return "\x00invalid " + strconv.Itoa(int(ifc.LinkType))
	}
	return string(b)
}

// probeInputs opens each input in turn (never two at once) to learn its
// interfaces. A missing file fails the merge before anything is written; a
// damaged one is reported with the others and left out.
func probeInputs(names []string) ([]mergeInput, []error, error) {
	var ins []mergeInput
	var errs []error
	for _, name := range names {
		if name == "-" {
			ins = append(ins, mergeInput{name: name}) // learnt when read
			continue
		}
		r, err := pcapio.Open(name)
		if err != nil {
			var fe *pcapio.FormatError
			if errors.As(err, &fe) {
				errs = append(errs, fmt.Errorf("%s: %w", name, err))
				continue
			}
			return nil, nil, exitError{1, err}
		}
		in := mergeInput{name: name, ifaces: slices.Clone(r.Interfaces())}
		if s := r.Sections(); len(s) > 0 {
			in.comments = s[0].Comments
		}
		if h, ok := r.PcapHeader(); ok {
			in.nano = h.Nano
		}
		for i := range in.ifaces {
			in.keys = append(in.keys, ifaceKey(&in.ifaces[i]))
		}
		r.Close()
		ins = append(ins, in)
	}
	return ins, errs, nil
}

func merge(o mergeOptions, stdout io.Writer) error {
	ins, errs, err := probeInputs(o.inputs)
	if err != nil {
		return err
	}
	if o.mode == idbAll {
		o.mode = idbSame
		for _, in := range ins {
			if in.name == "-" || !slices.EqualFunc(in.keys, ins[0].keys, sameIface) {
				o.mode = idbNone
			}
		}
	}
	if o.format == pcapio.FormatPcap {
		var lts []linktype.Type
		for _, in := range ins {
			for _, ifc := range in.ifaces {
				if !slices.Contains(lts, ifc.LinkType) {
					lts = append(lts, ifc.LinkType)
				}
			}
		}
		if len(lts) > 1 {
			return exitError{1, fmt.Errorf("merge: the inputs hold link types %v and %v, but a pcap file holds one: write pcapng instead (name OUT .pcapng, or -F pcapng)", lts[0], lts[1])}
		}
	}
	// Hundreds of inputs: merge groups into temporary pcapng files first.
	if !o.concat && len(ins) > o.maxOpen {
		dir, err := os.MkdirTemp(filepath.Dir(absOr(o.out)), ".rawcap-merge-")
		if err != nil {
			if dir, err = os.MkdirTemp("", "rawcap-merge-"); err != nil {
				return exitError{1, err}
			}
		}
		defer os.RemoveAll(dir)
		var next []mergeInput
		for g := 0; len(ins) > o.maxOpen; g++ {
			next = next[:0]
			for i := 0; i < len(ins); i += o.maxOpen {
				group := ins[i:min(i+o.maxOpen, len(ins))]
				tmp := filepath.Join(dir, fmt.Sprintf("level%d-%05d.pcapng", g, i/o.maxOpen))
				to := o
				to.out, to.format, to.compress, to.snaplen = tmp, pcapio.FormatPcapNG, "", 0
				gerrs, err := mergeGroup(to, group, stdout)
				errs = append(errs, gerrs...)
				if err != nil {
					return err
				}
				probed, perrs, err := probeInputs([]string{tmp})
				if err != nil || len(perrs) > 0 {
					return exitError{1, errors.Join(append(perrs, err)...)}
				}
				next = append(next, probed...)
			}
			ins = append(ins[:0:0], next...)
		}
	}
	gerrs, err := mergeGroup(o, ins, stdout)
	errs = append(errs, gerrs...)
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		return exitError{1, inputError{errors.Join(errs...)}}
	}
	return nil
}

func absOr(name string) string {
	if a, err := filepath.Abs(name); err == nil && name != "-" {
		return a
	}
	return "."
}

// mergeSource is one open input of a merge.
type mergeSource struct {
	in      *mergeInput
	idx     int
	r       *pcapio.Reader
	ifmap   []int // reader interface → output interface
	idbSeen int   // interface description blocks met so far
	head    *pcapio.Block
	sec     int64 // head's time, for ordering
	nsec    int32
}

// mergeReadAhead is the most inputs a merge reads ahead (2 MB each,
// pcapio.OpenReadAhead); more are read as they are needed.
//
// The inputs are read, not mapped. Mapping them (MAP_SHARED) and writing
// the records from the mapping with writev, so that the kernel's copy
// into the output is the only one, was measured on the two 1 M-packet
// halves of bench/compare.sh (Linux 6.18 in a VM): 1.0 s user and 2.2 s
// system time against 0.2 s and 0.9 s for read and write, and even plain
// 1 MB writes from the mapping took 3 s of system time where cat takes
// 0.55 s; the kernel's copies from a user mapping of the page cache fault
// and miss the TLB page by page, where read copies through its own map.
const mergeReadAhead = 8

// merger writes one merge's output.

type merger struct {
	o       mergeOptions
	ins     []mergeInput
	out     *capOutput
	pcap    *pcapio.PcapWriter
	ng      *pcapio.PcapNGWriter
	outKeys []string // output interfaces' canonical encodings
	scratch []byte
	errs    []error
	dropped int // blocks that could not be converted to the output's byte order
}

// mergeGroup merges ins into o.out. It returns the input errors (the merge
// went on without the damaged rest) and a fatal error (the output).
func mergeGroup(o mergeOptions, ins []mergeInput, stdout io.Writer) ([]error, error) {
	m := &merger{o: o, ins: ins}
	out, err := createOutput(o.out, o.compress, stdout)
	if err != nil {
		return nil, err
	}
	m.out = out
	werr := m.run()
	cerr := m.close()
	if werr == nil && cerr != nil {
		werr = writeErr(o.out, cerr)
	}
	if m.dropped > 0 {
		m.errs = append(m.errs, fmt.Errorf("%d block(s) of unknown type could not be converted to the output's byte order and were left out", m.dropped))
	}
	return m.errs, werr
}

func (m *merger) close() error {
	var err error
	switch {
	case m.ng != nil:
		err = m.ng.Close()
	case m.pcap != nil:
		err = m.pcap.Close()
	}
	return errors.Join(err, m.out.Close())
}

func (m *merger) start() error {
	if m.o.format == pcapio.FormatPcap {
		opts := pcapio.PcapWriterOptions{LinkType: linktype.Ethernet}
		first := true
		for _, in := range m.ins {
			for _, ifc := range in.ifaces {
				if first {
					opts.LinkType, first = ifc.LinkType, false
				}
				opts.SnapLen = max(opts.SnapLen, ifc.SnapLen)
				if r := ifc.TSResol; (r&0x80 == 0 && r > 6) || (r&0x80 != 0 && r&0x7f > 19) {
					opts.Nano = true
				}
				if ifc.FCSLen > 0 {
					opts.FCSLen = ifc.FCSLen
				}
			}
			opts.Nano = opts.Nano || in.nano
		}
		if s := m.o.snaplen; s != 0 && (opts.SnapLen == 0 || opts.SnapLen > s) {
			opts.SnapLen = s
		}
		pw, err := pcapio.NewPcapWriter(m.out.Sink, opts)
		if err != nil {
			return writeErr(m.o.out, err)
		}
		m.pcap = pw
		if err := pw.Flush(); err != nil { // the header first: a file cut short still has one
			return writeErr(m.o.out, err)
		}
		return nil
	}
	var comments []string
	for _, in := range m.ins {
		for _, c := range in.comments {
			if !slices.Contains(comments, c) {
				comments = append(comments, c)
			}
		}
	}
	ng, err := pcapio.NewPcapNGWriter(m.out.Sink, pcapio.PcapNGWriterOptions{
		UserAppl: "rawcap " + rawcapVersion(), OS: hostOS(), Comments: comments, Truncate: m.o.snaplen,
	})
	if err != nil {
		return writeErr(m.o.out, err)
	}
	m.ng = ng
	return nil
}

// plan maps every input's interfaces known at its start to output
// interfaces, writing the output's interface descriptions.
func (m *merger) plan(srcs []*mergeSource) error {
	for _, s := range srcs {
		s.ifmap = s.ifmap[:0]
		for i := range s.in.ifaces {
			idx, err := m.addIface(&s.in.ifaces[i], s.in.keys[i], s.idx, i)
			if err != nil {
				return err
			}
			s.ifmap = append(s.ifmap, idx)
		}
	}
	return nil
}

// addIface returns the output interface for an input's interface i (-1
// for one described after the input's start), writing a new interface
// description when the mode says so.
func (m *merger) addIface(ifc *pcapio.Interface, key string, input, i int) (int, error) {
	switch m.o.mode {
	case idbSame:
		if input > 0 && i >= 0 && i < len(m.ins[0].keys) {
			return i, nil
		}
		if i < 0 {
			if j := slices.IndexFunc(m.outKeys, func(k string) bool { return k == key }); j >= 0 {
				return j, nil
			}
		}
	case idbAny:
		if j := slices.IndexFunc(m.outKeys, func(k string) bool { return sameIface(k, key) }); j >= 0 {
			return j, nil
		}
	}
	if m.pcap != nil {
		if ifc.LinkType != m.pcap.LinkType() {
			return 0, exitError{1, fmt.Errorf("merge: %s has an interface of link type %v, but the output is a pcap file of link type %v: write pcapng instead (name OUT .pcapng, or -F pcapng)",
				m.ins[input].name, ifc.LinkType, m.pcap.LinkType())}
		}
		m.outKeys = append(m.outKeys, key)
		return len(m.outKeys) - 1, nil
	}
	b, err := pcapio.AppendIDB(m.scratch[:0], ifc, false)
	if err != nil {
		return 0, exitError{1, fmt.Errorf("merge: %s: %w", m.ins[input].name, err)}
	}
	m.scratch = b
	if err := m.ng.WriteRawBlock(&pcapio.Block{Type: pcapio.BlockIDB, Raw: b}); err != nil {
		return 0, writeErr(m.o.out, err)
	}
	m.outKeys = append(m.outKeys, key)
	return len(m.outKeys) - 1, nil
}

func (m *merger) run() error {
	if err := m.start(); err != nil {
		return err
	}
	srcs := make([]*mergeSource, len(m.ins))
	for i := range m.ins {
		srcs[i] = &mergeSource{in: &m.ins[i], idx: i}
	}
	if err := m.plan(srcs); err != nil {
		return err
	}
	if m.ng != nil {
		if err := m.ng.Flush(); err != nil { // the header first: a file cut short still has one
			return writeErr(m.o.out, err)
		}
	}
	if m.o.concat {
		for _, s := range srcs {
			err := m.open(s)
			for err == nil && s.head != nil {
				err = m.writeHead(s)
			}
			if s.r != nil {
				s.r.Close()
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	h := make(mergeHeap, 0, len(srcs))
	for _, s := range srcs {
		if err := m.open(s); err != nil {
			if s.r != nil {
				s.r.Close()
			}
			h.closeAll()
			return err
		}
		if s.head != nil {
			h = append(h, s)
		} else if s.r != nil {
			s.r.Close()
		}
	}
	h.init()
	for len(h) > 0 {
		s := h[0]
		if err := m.writeHead(s); err != nil {
			h.closeAll()
			return err
		}
		if s.head == nil {
			s.r.Close()
			h.pop()
		} else {
			h.fix0()
		}
	}
	return nil
}

// open opens a source and reads up to its first packet.
func (m *merger) open(s *mergeSource) error {
	var err error
	if s.in.name == "-" {
		s.r, err = pcapio.NewReader(m.o.stdin)
	} else if m.o.concat || len(m.ins) <= mergeReadAhead {
		s.r, err = pcapio.OpenReadAhead(s.in.name) // the few inputs open at once read ahead
	} else {
		s.r, err = pcapio.Open(s.in.name)
	}
	if err != nil {
		s.r = nil
		var fe *pcapio.FormatError
		if errors.As(err, &fe) {
			if s.in.name == "-" {
				m.errs = append(m.errs, fmt.Errorf("%s: %w", inName(s.in.name), err))
			}
			return nil // a file's was reported by probeInputs
		}
		return exitError{1, err}
	}
	if s.in.name == "-" {
		// Standard input is learnt only now: its interfaces join the output.
		s.in.ifaces = slices.Clone(s.r.Interfaces())
		for i := range s.in.ifaces {
			k := ifaceKey(&s.in.ifaces[i])
			s.in.keys = append(s.in.keys, k)
			idx, err := m.addIface(&s.in.ifaces[i], k, s.idx, i)
			if err != nil {
				return err
			}
			s.ifmap = append(s.ifmap, idx)
		}
	}
	return m.advance(s)
}

// advance reads s up to its next packet, copying the blocks before it.
func (m *merger) advance(s *mergeSource) error {
	s.head = nil
	for {
		b, err := s.r.NextBlock()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			m.errs = append(m.errs, fmt.Errorf("%s: %w", inName(s.in.name), err))
			return nil
		}
		if p := b.Packet; p != nil {
			s.head = b
			s.sec, s.nsec = math.MinInt64, 0
			if p.HasTime {
				s.sec, s.nsec = p.Time.Unix(), int32(p.Time.Nanosecond())
			}
			return nil
		}
		if err := m.block(s, b); err != nil {
			return err
		}
	}
}

func inName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// block copies a block other than a packet to a pcapng output.
func (m *merger) block(s *mergeSource, b *pcapio.Block) error {
	switch b.Type {
	case pcapio.BlockSHB, pcapio.BlockCustomNoCopy:
		return nil
	case pcapio.BlockIDB:
		s.idbSeen++
		if s.idbSeen <= len(s.ifmap) {
			return nil // planned at the start
		}
		ifs := s.r.Interfaces()
		i := s.idbSeen - 1
		if i >= len(ifs) {
			return nil
		}
		// Described after the start: -I all matched only the interfaces
		// known then, so this one is matched as -I any would, or added.
		idx, err := m.addIface(&ifs[i], ifaceKey(&ifs[i]), s.idx, -1)
		if err != nil {
			return err
		}
		s.ifmap = append(s.ifmap, idx)
		return nil
	}
	if m.ng == nil {
		return nil
	}
	raw := b.Raw
	if b.Type == pcapio.BlockISB || b.BigEndian {
		var err error
		if raw, err = m.littleEndian(b); err != nil {
			m.dropped++
			return nil
		}
		if b.Type == pcapio.BlockISB {
			id := int(u32(b.Raw[8:], b.BigEndian))
			fw := sectionBase(s.r, b.Section) + id
			if fw < 0 || fw >= len(s.ifmap) {
				return nil // statistics of an interface that does not exist
			}
			if err := pcapio.SetBlockInterface(raw, false, s.ifmap[fw]); err != nil {
				return writeErr(m.o.out, err)
			}
		}
	}
	if err := m.ng.WriteRawBlock(&pcapio.Block{Type: b.Type, Raw: raw}); err != nil {
		return writeErr(m.o.out, err)
	}
	return nil
}

// littleEndian returns b's block in a little-endian copy (m.scratch).
func (m *merger) littleEndian(b *pcapio.Block) ([]byte, error) {
	var err error
	if b.BigEndian {
		m.scratch, err = pcapio.SwapBlock(m.scratch[:0], b.Raw, true)
	} else {
		m.scratch = append(m.scratch[:0], b.Raw...)
	}
	return m.scratch, err
}

// sectionBase returns the file-wide index of the first interface of a
// section.
func sectionBase(r *pcapio.Reader, section int) int {
	ifs := r.Interfaces()
	for i := range ifs {
		if ifs[i].Section >= section {
			return i
		}
	}
	return len(ifs)
}

// writeHead writes s's head packet and advances s.
func (m *merger) writeHead(s *mergeSource) error {
	b, p := s.head, s.head.Packet
	if p.Interface >= len(s.ifmap) {
		return exitError{1, fmt.Errorf("merge: %s: packet on interface %d, which it never described", s.in.name, p.Interface)}
	}
	outIf := s.ifmap[p.Interface]
	var err error
	switch {
	case m.pcap != nil:
		q := *p
		if m.o.snaplen != 0 && len(q.Data) > int(m.o.snaplen) {
			q.Data = q.Data[:m.o.snaplen]
		}
		if q.LinkType != m.pcap.LinkType() {
			return exitError{1, fmt.Errorf("merge: %s: a packet of link type %v cannot go into a pcap file of link type %v: write pcapng instead (name OUT .pcapng, or -F pcapng)", s.in.name, q.LinkType, m.pcap.LinkType())}
		}
		err = m.pcap.WritePacket(&q)
	case b.Type == pcapio.BlockEPB || b.Type == pcapio.BlockPB:
		raw := b.Raw
		id := int(b.Raw[8]) | int(b.Raw[9])<<8
		if b.Type == pcapio.BlockEPB {
			id |= int(b.Raw[10])<<16 | int(b.Raw[11])<<24
		}
		if b.BigEndian || id != outIf {
			if raw, err = m.littleEndian(b); err != nil {
				return exitError{1, fmt.Errorf("merge: %s: %w", s.in.name, err)}
			}
			if err = pcapio.SetBlockInterface(raw, false, outIf); err != nil {
				return writeErr(m.o.out, err)
			}
		}
		err = m.ng.WriteRawBlock(&pcapio.Block{Type: b.Type, Raw: raw})
	case b.Type == pcapio.BlockSPB && outIf == 0 && !b.BigEndian:
		err = m.ng.WriteRawBlock(b)
	default: // a pcap record, or a simple packet block that must name its interface
		q := *p
		q.Interface = outIf
		err = m.ng.WritePacket(&q)
	}
	if err != nil {
		return writeErr(m.o.out, err)
	}
	return m.advance(s)
}

// mergeHeap orders sources by their head's time; of equal times, the later
// input's packet comes first, as mergecap orders them.
type mergeHeap []*mergeSource

func (h mergeHeap) less(i, j int) bool {
	a, b := h[i], h[j]
	if a.sec != b.sec {
		return a.sec < b.sec
	}
	if a.nsec != b.nsec {
		return a.nsec < b.nsec
	}
	return a.idx > b.idx
}

func (h mergeHeap) init() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h mergeHeap) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		j := l
		if r := l + 1; r < len(h) && h.less(r, l) {
			j = r
		}
		if !h.less(j, i) {
			return
		}
		h[i], h[j] = h[j], h[i]
		i = j
	}
}

func (h mergeHeap) fix0() { h.down(0) }

func (h *mergeHeap) pop() {
	old := *h
	n := len(old) - 1
	old[0] = old[n]
	*h = old[:n]
	h.down(0)
}

func (h mergeHeap) closeAll() {
	for _, s := range h {
		if s.r != nil {
			s.r.Close()
		}
	}
}
