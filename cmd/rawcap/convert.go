package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/filter/display"
	"github.com/rawcap/rawcap/internal/progress"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
	"github.com/urfave/cli/v2"
)

func convertCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "convert",
		Usage:     "convert a capture file between pcap and pcapng, cutting, counting or time-windowing it",
		ArgsUsage: "IN OUT [FILTER...]",
		UsageText: `rawcap convert [options] IN OUT [FILTER...]

Examples:
   rawcap convert in.pcap out.pcapng           # pcap to pcapng
   rawcap convert in.pcapng out.pcap --nano    # pcapng to nanosecond pcap
   rawcap convert big.pcap small.pcap.gz -c 1000 --snaplen 96
   rawcap convert in.pcapng out.pcapng.zst --after 2024-05-01T10:00:00Z --before 1714557900.5
   rawcap convert in.pcap.gz - --format pcapng | tshark -r -
   rawcap convert big.pcap https.pcap 'tcp port 443'   # keep what a capture filter accepts`,
		Description: `Convert reads IN (pcap or pcapng, possibly gzip- or zstd-compressed; "-" is
standard input) and writes OUT ("-" is standard output). OUT's format comes from
its name (.pcap, .cap, .pcapng, .ntar, optionally followed by .gz or .zst) or
from --format; writing to "-" without --format keeps IN's format.

pcapng to pcapng is lossless: every block (section headers in their byte order,
interfaces, comments, name resolution, decryption secrets, statistics, custom
and unknown blocks) is copied as it came; only packets that are dropped or cut
change. Writing pcap needs packets of a single link type.

--after keeps packets at or after a time, --before packets strictly before one
(editcap's -A and -B); a time is RFC 3339 (2024-05-01T10:00:00.5Z), editcap's
"2024-05-01 10:00:00.5" (local time unless a zone such as Z or +02:00 follows)
or epoch seconds (1714557600.5).
-c N writes the first N packets, as tcpdump's -c does; to split a file into
pieces of N packets, as editcap -c does, use rawcap split.
Words after OUT form a capture filter (pcap-filter(7), as tcpdump takes it):
only the packets it accepts are written, and -c counts those.
A damaged IN still yields every good packet and a valid OUT; the error names
the file and byte offset, and the exit status is 1.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Usage: "output format: pcap or pcapng (default: from OUT's name)"},
			&cli.BoolFlag{Name: "nano", Usage: "pcap output with nanosecond timestamps"},
			&cli.BoolFlag{Name: "micro", Usage: "pcap output with microsecond timestamps"},
			&cli.IntFlag{Name: "snaplen", Aliases: []string{"s"}, Usage: "cut packets to at most `N` bytes"},
			&cli.IntFlag{Name: "count", Aliases: []string{"c"}, Usage: "write the first `N` packets (that pass the filter) and stop, as tcpdump -c; not editcap -c, which splits (that is rawcap split)"},
			&cli.StringFlag{Name: "after", Usage: "keep packets at or after `TIME`"},
			&cli.StringFlag{Name: "before", Usage: "keep packets before `TIME`"},
			displayFilterFlag(),
		}, convertEditFlags()...),
		Action: func(c *cli.Context) error {
			o, err := convertOptionsFrom(c)
			if err != nil {
				return err
			}
			o.progress = e.stderr
			_, err = convert(o, e.stdin, e.stdout)
			return err
		},
	}
}

// convertOptions is a parsed `rawcap convert` command line.
type convertOptions struct {
	in, out  string
	format   pcapio.Format // 0: from OUT's name, or IN's format for "-"
	compress string        // "", "gz" or "zst"
	nano     bool
	micro    bool
	snaplen  uint32
	count    int
	// keep is the per-packet predicate chain: a packet is written only if
	// every predicate returns true. --after and --before are predicates
	// here; a capture filter slots in the same way (append a func that
	// calls (*filter.Program).Match on p.Data and p.Length). -c counts
	// the packets that pass them all.
	keep   []func(p *pcapio.Packet) bool
	filter string // capture filter expression ("" for none)
	// display is the -Y display filter (nil for none): it sees the packets
	// the other predicates keep, in order, and decides last.
	display *display.Filter
	// edit, when set, may change each kept packet (n counts from 1 in IN)
	// before it is written, and reports whether it did.
	edit     func(n int, p *pcapio.Packet) bool
	progress io.Writer // where a progress bar may go (only drawn on a terminal)
}

func convertOptionsFrom(c *cli.Context) (convertOptions, error) {
	var o convertOptions
	if c.NArg() < 2 {
		return o, usagef("convert: need IN and OUT, got %d argument(s); see rawcap convert --help", c.NArg())
	}
	o.in, o.out = c.Args().Get(0), c.Args().Get(1)
	o.filter = strings.Join(c.Args().Slice()[2:], " ")
	df, err := compileDisplay(c.String("Y"))
	if err != nil {
		return o, err
	}
	o.display = df
	switch f := c.String("format"); f {
	case "":
	case "pcap":
		o.format = pcapio.FormatPcap
	case "pcapng":
		o.format = pcapio.FormatPcapNG
	default:
		return o, usagef("convert: --format %q: want pcap or pcapng", f)
	}
	name := o.out
	switch {
	case strings.HasSuffix(name, ".gz"):
		o.compress, name = "gz", strings.TrimSuffix(name, ".gz")
	case strings.HasSuffix(name, ".zst"):
		o.compress, name = "zst", strings.TrimSuffix(name, ".zst")
	}
	if o.format == 0 && o.out != "-" {
		switch strings.ToLower(filepath.Ext(name)) {
		case ".pcap", ".cap", ".dmp":
			o.format = pcapio.FormatPcap
		case ".pcapng", ".ntar", ".scap":
			o.format = pcapio.FormatPcapNG
		default:
			return o, usagef("convert: cannot tell the output format from %q: name it .pcap or .pcapng (optionally .gz or .zst), or use --format", o.out)
		}
	}
	o.nano, o.micro = c.Bool("nano"), c.Bool("micro")
	if o.nano && o.micro {
		return o, usagef("convert: --nano and --micro exclude each other")
	}
	if o.micro && o.format == pcapio.FormatPcapNG {
		return o, usagef("convert: --micro applies to pcap output; pcapng keeps each interface's resolution")
	}
	if n := c.Int("snaplen"); n < 0 || n > pcapio.MaxBlockLength {
		return o, usagef("convert: --snaplen %d: want 1 to %d (0 keeps packets whole)", n, pcapio.MaxBlockLength)
	} else {
		o.snaplen = uint32(n)
	}
	if n := c.Int("count"); c.IsSet("count") && n <= 0 {
		return o, usagef("convert: invalid packet count %d", n)
	} else {
		o.count = n
	}
	for _, w := range []struct {
		flag   string
		before bool
	}{{"after", false}, {"before", true}} {
		s := c.String(w.flag)
		if s == "" {
			continue
		}
		t, err := parseTimeArg(s)
		if err != nil {
			return o, usagef("convert: --%s: %v", w.flag, err)
		}
		o.keep = append(o.keep, timeWindow(t, w.before))
	}
	return o, editOptionsFrom(c, &o)
}

// timeWindow keeps packets at or after t (before false) or strictly before
// t. Packets without a timestamp (Simple Packet Blocks) fall outside every
// window.
func timeWindow(t time.Time, before bool) func(*pcapio.Packet) bool {
	if before {
		return func(p *pcapio.Packet) bool { return p.HasTime && p.Time.Before(t) }
	}
	return func(p *pcapio.Packet) bool { return p.HasTime && !p.Time.Before(t) }
}

// parseTimeArg reads RFC 3339 (with optional fractional seconds), editcap's
// -A/-B form "YYYY-MM-DD hh:mm:ss[.fraction]" (or with a T; local time
// unless a zone follows: Z, +hh:mm, +hhmm or " UTC"), or epoch seconds with
// an optional fraction of up to 9 digits, exactly.
func parseTimeArg(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	if t, ok := parseDateTime(s); ok {
		return t, nil
	}
	sec, frac, hasFrac := strings.Cut(s, ".")
	n, err := strconv.ParseInt(sec, 10, 64)
	if err != nil || sec == "" || sec[0] == '+' || (hasFrac && (frac == "" || len(frac) > 9)) {
		return time.Time{}, fmt.Errorf("%q is not a time: want RFC 3339 (2024-05-01T10:00:00Z), a local date and time (\"2024-05-01 10:00:00.25\", as editcap -A takes it) or epoch seconds (1714557600.25)", s)
	}
	var ns int64
	if hasFrac {
		for _, c := range frac {
			if c < '0' || c > '9' {
				return time.Time{}, fmt.Errorf("%q: bad fraction of a second", s)
			}
		}
		ns, _ = strconv.ParseInt(frac+strings.Repeat("0", 9-len(frac)), 10, 64)
		if strings.HasPrefix(sec, "-") {
			ns = -ns
		}
	}
	return time.Unix(n, ns).UTC(), nil
}

// parseDateTime reads "YYYY-MM-DD hh:mm:ss[.fraction]" with a space or a
// T between date and time, in local time unless a zone follows (Z, +hh:mm,
// +hhmm, or " UTC").
func parseDateTime(s string) (time.Time, bool) {
	if len(s) < 19 || (s[10] != ' ' && s[10] != 'T') {
		return time.Time{}, false
	}
	s = s[:10] + "T" + s[11:]
	const layout = "2006-01-02T15:04:05.999999999"
	if rest, ok := strings.CutSuffix(s, " UTC"); ok {
		t, err := time.ParseInLocation(layout, rest, time.UTC)
		return t, err == nil
	}
	for _, zone := range []string{"Z07:00", "Z0700"} {
		if t, err := time.Parse(layout+zone, s); err == nil {
			return t, true
		}
	}
	t, err := time.ParseInLocation(layout, s, time.Local)
	return t, err == nil
}

// convertResult says what a conversion did.
type convertResult struct {
	read, written int
}

// convert runs one conversion. Errors in the input name the file and offset
// and come back as exitError{1} after the output has been completed.
func convert(o convertOptions, stdin io.Reader, stdout io.Writer) (convertResult, error) {
	var res convertResult
	if o.in != "-" && o.out != "-" {
		if a, err := os.Stat(o.in); err == nil {
			if b, err := os.Stat(o.out); err == nil && os.SameFile(a, b) {
				return res, usagef("convert: IN and OUT are the same file %q", o.in)
			}
		}
	}
	filterErr := func() error { return nil }
	if o.filter != "" {
		keep, ferr, err := filterPredicate(o.filter)
		if err != nil {
			return res, err
		}
		o.keep, filterErr = append(o.keep, keep), ferr
	}
	var r *pcapio.Reader
	var err error
	var inSize, barTotal int64 // file size; the bar's total (0 for compressed input, whose offsets exceed it)
	if o.in == "-" {
		r, err = pcapio.NewReader(stdin)
	} else {
		if err := notDirectory(o.in); err != nil {
			return res, exitError{1, err}
		}
		r, err = pcapio.OpenReadAhead(o.in)
		if fi, serr := os.Stat(o.in); serr == nil && fi.Mode().IsRegular() {
			inSize = fi.Size()
			if !isCompressedFile(o.in) {
				barTotal = inSize
			}
		}
	}
	if err != nil {
		return res, fileError(o.in, err)
	}
	defer r.Close()
	if o.format == 0 {
		o.format = r.Format()
	}
	if o.micro && o.format == pcapio.FormatPcapNG {
		return res, usagef("convert: --micro applies to pcap output; pcapng keeps each interface's resolution")
	}

	if err := checkOneLinkType(o, r.Format()); err != nil {
		return res, err
	}

	// The output: file or stdout, then an optional compressor, then the
	// capture writer.
	out, err := createOutput(o.out, o.compress, stdout)
	if err != nil {
		return res, err
	}
	sink := out.Sink

	c := &converter{o: o, r: r, sink: sink, bar: nil}
	if o.progress != nil && inSize >= 8<<20 {
		c.bar = progress.New(o.progress, "converting "+filepath.Base(o.in), barTotal)
	}
	readErr := c.run()
	c.bar.Done()
	res.read, res.written = c.read, c.written

	// Finish the output whatever happened, so that it stays valid.
	var closeErr error
	if c.w != nil {
		closeErr = c.w.Close()
	} else if readErr == nil || isInputError(readErr) {
		closeErr = c.emptyOutput()
	}
	if err := out.Close(); closeErr == nil {
		closeErr = err
	}
	if o.out != "-" && ((readErr != nil && !isInputError(readErr)) || (readErr == nil && closeErr != nil)) {
		// The conversion cannot be done as asked (a link type pcap cannot
		// hold, a failed write): a file with part of the packets would
		// pass for the whole, so it goes. A damaged input is different:
		// its good packets are all there is, and they stay.
		os.Remove(o.out)
		if readErr != nil {
			readErr = withRemoved(readErr, o.out)
		} else {
			closeErr = withRemoved(closeErr, o.out)
		}
	}
	switch {
	case readErr != nil:
		return res, readErr
	case filterErr() != nil:
		return res, exitError{1, filterErr()}
	case closeErr != nil:
		return res, fmt.Errorf("writing %s: %w", outName(o.out), closeErr)
	}
	return res, nil
}

// checkOneLinkType refuses, before OUT is created, a pcapng input whose
// packets have several link types when the output is pcap and nothing (-c,
// a time window, a filter) may leave only one of them, as editcap does. The
// interfaces defined before the first packet tell whether a look at every
// packet's link type is needed; most files have one and need none.
func checkOneLinkType(o convertOptions, inFormat pcapio.Format) error {
	if o.format != pcapio.FormatPcap || inFormat != pcapio.FormatPcapNG || o.in == "-" ||
		o.count > 0 || len(o.keep) > 0 {
		return nil
	}
	if linkTypes(o.in, false) < 2 {
		return nil
	}
	var types []string
	seen := map[linktype.Type]bool{}
	if linkTypes(o.in, true, func(lt linktype.Type) {
		if !seen[lt] {
			seen[lt] = true
			types = append(types, lt.String())
		}
	}) < 2 {
		return nil
	}
	return exitError{1, fmt.Errorf("%s holds packets of several link types (%s), and a pcap file holds one: write pcapng (an OUT named .pcapng, or --format pcapng), or keep one link type with a filter; nothing written",
		o.in, strings.Join(types, ", "))}
}

// linkTypes counts the distinct link types of the named file's interfaces
// defined before its first packet, or (packets true) of its packets, up to
// 2, calling each for every new one. A file it cannot read counts 0: the
// conversion itself reports the error.
func linkTypes(name string, packets bool, each ...func(linktype.Type)) int {
	r, err := pcapio.Open(name)
	if err != nil {
		return 0
	}
	defer r.Close()
	seen := map[linktype.Type]bool{}
	add := func(lt linktype.Type) {
		if !seen[lt] {
			seen[lt] = true
			for _, f := range each {
				f(lt)
			}
		}
	}
	if !packets {
		for {
			b, err := r.NextBlock()
			if err != nil || b.Packet != nil {
				break
			}
		}
		for _, ifc := range r.Interfaces() {
			add(ifc.LinkType)
		}
		return len(seen)
	}
	for len(seen) < 2 {
		p, err := r.Next()
		if err != nil {
			break
		}
		add(p.LinkType)
	}
	return len(seen)
}

// withRemoved adds to err that the output was removed, keeping its exit
// status.
func withRemoved(err error, out string) error {
	var ee exitError
	if errors.As(err, &ee) && ee.err != nil {
		return exitError{ee.code, fmt.Errorf("%w; %s removed", ee.err, out)}
	}
	return fmt.Errorf("%w; %s removed", err, out)
}

func outName(out string) string {
	if out == "-" {
		return "standard output"
	}
	return out
}

// inputError marks an error of the input file, so that the output is still
// completed.
type inputError struct{ err error }

func (e inputError) Error() string { return e.err.Error() }
func (e inputError) Unwrap() error { return e.err }

func isInputError(err error) bool {
	var ie inputError
	return errors.As(err, &ie)
}

// fileError prefixes an input error with the file's name, as
// "FILE: offset N: what", for exit status 1.
func fileError(name string, err error) error {
	if name == "-" {
		name = "standard input"
	}
	var fe *pcapio.FormatError
	if errors.As(err, &fe) {
		return exitError{1, inputError{fmt.Errorf("%s: %w", name, err)}}
	}
	if errors.Is(err, os.ErrNotExist) || errors.Is(err, os.ErrPermission) {
		return exitError{1, err}
	}
	return exitError{1, inputError{fmt.Errorf("%s: %w", name, err)}}
}

// isCompressedFile reports whether the file starts with a gzip or zstd
// magic (the progress bar then cannot relate offsets to the file size, and
// shows counts without a percentage).
func isCompressedFile(name string) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	var m [4]byte
	n, _ := io.ReadFull(f, m[:])
	return compressionOf(m[:n]) != ""
}

func compressionOf(m []byte) string {
	switch {
	case bytes.HasPrefix(m, []byte{0x1f, 0x8b}):
		return "gzip"
	case bytes.HasPrefix(m, []byte{0x28, 0xb5, 0x2f, 0xfd}):
		return "zstd"
	}
	return ""
}

// converter carries one conversion's state.
type converter struct {
	o    convertOptions
	r    *pcapio.Reader
	sink io.Writer
	bar  *progress.Bar

	w    pcapio.Writer // nil until the first packet (pcap) or block (pcapng)
	pcap *pcapio.PcapWriter
	ng   *pcapio.PcapNGWriter
	ngIf map[int]int // reader interface → writer interface (pcap → pcapng)
	read int
	// match runs o.display (nil until the first packet)
	match *frameMatcher
	// edited holds a packet changed by o.edit
	edited pcapio.Packet

	written int
}

func (c *converter) keep(p *pcapio.Packet) bool {
	if !c.keepPlain(p) {
		return false
	}
	if c.o.display != nil {
		if c.match == nil {
			c.match = newFrameMatcher(c.o.display)
		}
		return c.match.matchRead(c.r, p, c.read)
	}
	return true
}

// keepPlain runs the selections other than the display filter (the
// capture filter, time and packet ranges).
func (c *converter) keepPlain(p *pcapio.Packet) bool {
	for _, k := range c.o.keep {
		if !k(p) {
			return false
		}
	}
	return true
}

func (c *converter) done() bool { return c.o.count > 0 && c.written >= c.o.count }

func (c *converter) run() error {
	if c.o.format == pcapio.FormatPcapNG && c.r.Format() == pcapio.FormatPcapNG {
		return c.copyBlocks()
	}
	if c.o.display != nil {
		return c.runPiped()
	}
	for !c.done() {
		p, err := c.r.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fileError(c.o.in, err)
		}
		c.read++
		c.bar.Update(c.r.Offset(), c.read)
		if !c.keep(p) {
			continue
		}
		if err := c.writePacket(p); err != nil {
			return err
		}
	}
	return nil
}

// A pipeBatch is a run of packets read ahead, handed from the reading
// goroutine to the display filter's and back: the packets' bytes (and
// pcapng options) are copied into arena, so the reader may go on.
type pipeBatch struct {
	slots []pipeSlot
	arena []byte
	ready chan struct{} // the filter has judged every slot
}

type pipeSlot struct {
	p     pcapio.Packet // Data and Options alias the batch's arena
	frame decode.Frame
	n     int // the packet's number in the input
	keep  bool
}

const (
	pipeBatchPackets = 256
	pipeBatchBytes   = 1 << 20
	// pipeMaxWorkers bounds the goroutines an independent filter runs on
	// (display.Filter.Independent).
	pipeMaxWorkers = 4
)

// add copies p, the nth packet read, into b.
func (b *pipeBatch) add(p *pcapio.Packet, r *pcapio.Reader, n int) {
	b.slots = append(b.slots, pipeSlot{p: *p, n: n})
	s := &b.slots[len(b.slots)-1]
	at := len(b.arena)
	b.arena = append(b.arena, p.Data...)
	s.p.Data = b.arena[at:len(b.arena):len(b.arena)]
	if raw, big := p.Options.Raw(); len(raw) > 0 {
		at = len(b.arena)
		b.arena = append(b.arena, raw...)
		s.p.Options = pcapio.MakeOptions(b.arena[at:len(b.arena):len(b.arena)], big)
	}
	describeFrame(&s.frame, r, &s.p, n, true, true)
}

// pipeMatchers returns the display filter's matchers: one, which sees
// every packet in order (its fields depend on the ones before), or, for an
// expression whose verdict on a packet depends on that packet alone, one
// for each core, each with a Filter and a Decoder of its own.
func (c *converter) pipeMatchers() []*frameMatcher {
	ms := []*frameMatcher{newFrameMatcher(c.o.display)}
	if !c.o.display.Independent() {
		return ms
	}
	for len(ms) < min(runtime.GOMAXPROCS(0), pipeMaxWorkers) {
		f, err := display.Compile(c.o.display.String())
		if err != nil {
			break // compiled once already: cannot happen
		}
		ms = append(ms, newFrameMatcher(f))
	}
	return ms
}

// runPiped is run for a display filter: the filter (decoding every packet,
// the most of the work) runs in goroutines of its own, a batch of packets
// at a time, while this one reads the next batches and writes the packets
// the filter kept, in order. With one matcher, it sees every packet in
// order; an independent filter's matchers share the batches among them. A
// batch's arena grows to hold its largest packet once and is reused:
// nothing is allocated per packet.
func (c *converter) runPiped() error {
	ms := c.pipeMatchers()
	batches := 2*len(ms) + 2 // in flight: read ahead, matching, written back
	free := make(chan *pipeBatch, batches)
	for range batches {
		free <- &pipeBatch{slots: make([]pipeSlot, 0, pipeBatchPackets), arena: make([]byte, 0, pipeBatchBytes+64<<10), ready: make(chan struct{}, 1)}
	}
	toMatch := make(chan *pipeBatch, batches)
	// pinned holds 1<<32 | a<<16 | b once a filter pinned to a TCP stream
	// has seen its connection, between ports a and b, open
	// (display.Filter.PinnedPorts): from then on a packet whose bytes do
	// not carry the two ports cannot pass, and is dropped as it is read,
	// neither copied nor decoded.
	var pinned atomic.Uint64
	for _, m := range ms {
		go func() {
			for b := range toMatch {
				for i := range b.slots {
					s := &b.slots[i]
					s.keep = m.match(&s.frame, s.p.Data, s.p.LinkType)
				}
				if len(ms) == 1 && pinned.Load() == 0 {
					if a, p, ok := m.f.PinnedPorts(m.d); ok {
						pinned.Store(1<<32 | uint64(a)<<16 | uint64(p))
					}
				}
				b.ready <- struct{}{}
			}
		}()
	}
	// write writes a matched batch's kept packets and frees it.
	var werr error
	write := func(b *pipeBatch) {
		for i := range b.slots {
			s := &b.slots[i]
			if werr != nil || c.done() {
				break
			}
			if !s.keep {
				continue
			}
			c.read = s.n // the packet's number, for an edit
			werr = c.writePacket(&s.p)
		}
		b.slots, b.arena = b.slots[:0], b.arena[:0]
		free <- b
	}
	// pending holds the batches handed to the matchers, in reading order:
	// they are written in that order, each once it is judged.
	pending := make([]*pipeBatch, 0, batches)
	next := func() *pipeBatch {
		b := pending[0]
		copy(pending, pending[1:])
		pending = pending[:len(pending)-1]
		return b
	}
	var rerr error
	read := 0
	for rerr == nil && werr == nil && !c.done() {
		var head chan struct{}
		if len(pending) > 0 {
			head = pending[0].ready
		}
		var b *pipeBatch
		select {
		case b = <-free:
		case <-head:
			write(next())
			continue
		}
		for len(b.slots) < pipeBatchPackets && len(b.arena) < pipeBatchBytes {
			p, err := c.r.Next()
			if err != nil {
				if err != io.EOF {
					rerr = fileError(c.o.in, err)
				} else {
					rerr = io.EOF
				}
				break
			}
			read++
			c.bar.Update(c.r.Offset(), read)
			if !c.keepPlain(p) {
				continue
			}
			if pin := pinned.Load(); pin != 0 && !decode.CarriesPorts(p.Data, uint16(pin>>16), uint16(pin)) {
				continue
			}
			b.add(p, c.r, read)
		}
		toMatch <- b
		pending = append(pending, b)
	}
	close(toMatch)
	for len(pending) > 0 {
		b := next()
		<-b.ready
		write(b) // every packet read before the damage is written
	}
	if !c.done() {
		c.read = read
	}
	if werr != nil {
		return werr
	}
	if rerr == io.EOF {
		return nil
	}
	return rerr
}

// copyBlocks is the lossless pcapng → pcapng path.
func (c *converter) copyBlocks() error {
	ng, err := c.newPcapNG()
	if err != nil {
		return err
	}
	for !c.done() {
		b, err := c.r.NextBlock()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fileError(c.o.in, err)
		}
		if b.Packet != nil {
			c.read++
			c.bar.Update(c.r.Offset(), c.read)
			if !c.keep(b.Packet) {
				continue
			}
			c.written++
			if c.o.edit != nil {
				c.edited = *b.Packet
				if c.o.edit(c.read, &c.edited) {
					c.edited.Interface -= sectionBase(c.r, b.Section)
					if err := ng.WritePacket(&c.edited); err != nil {
						return c.writeError(err)
					}
					continue
				}
			}
		}
		if err := ng.WriteRawBlock(b); err != nil {
			return c.writeError(err)
		}
	}
	return nil
}

func (c *converter) writeError(err error) error {
	return exitError{1, fmt.Errorf("writing %s: %w", outName(c.o.out), err)}
}

func (c *converter) newPcapNG() (*pcapio.PcapNGWriter, error) {
	ng, err := pcapio.NewPcapNGWriter(c.sink, pcapio.PcapNGWriterOptions{
		UserAppl: "rawcap " + rawcapVersion(),
		OS:       hostOS(),
		Truncate: c.o.snaplen,
	})
	if err != nil {
		return nil, err
	}
	c.ng, c.w = ng, ng
	return ng, nil
}

// writePacket writes one kept packet from Next (any input to pcap, or pcap
// to pcapng).
func (c *converter) writePacket(p *pcapio.Packet) error {
	if c.o.edit != nil {
		c.edited = *p
		c.o.edit(c.read, &c.edited)
		p = &c.edited
	}
	if c.o.format == pcapio.FormatPcapNG {
		if c.ng == nil {
			if _, err := c.newPcapNG(); err != nil {
				return err
			}
			c.ngIf = make(map[int]int)
		}
		idx, ok := c.ngIf[p.Interface]
		if !ok {
			ifc := c.r.Interfaces()[p.Interface]
			ifc.Options = pcapio.Options{}
			var err error
			if idx, err = c.ng.AddInterface(ifc); err != nil {
				return c.writeError(err)
			}
			c.ngIf[p.Interface] = idx
		}
		q := *p
		q.Interface = idx
		if err := c.ng.WritePacket(&q); err != nil {
			return c.writeError(err)
		}
		c.written++
		return nil
	}
	if c.pcap == nil {
		if err := c.newPcap(p.LinkType); err != nil {
			return err
		}
	}
	if p.LinkType != c.pcap.LinkType() {
		return exitError{1, fmt.Errorf("%s: packet %d has link type %v, but earlier packets have %v: a pcap file holds one link type; write pcapng (--format pcapng) instead",
			c.o.in, c.read, p.LinkType, c.pcap.LinkType())}
	}
	q := *p
	if c.o.snaplen != 0 && len(q.Data) > int(c.o.snaplen) {
		q.Data = q.Data[:c.o.snaplen]
	}
	if err := c.pcap.WritePacket(&q); err != nil {
		return c.writeError(err)
	}
	c.written++
	return nil
}

// newPcap starts the pcap output for link type lt: the snapshot length is
// the largest of the input's interfaces of that type (or the input's pcap
// header), capped by --snaplen; the precision is --nano/--micro, or else
// the input's (nanoseconds when any interface is finer than microseconds).
func (c *converter) newPcap(lt linktype.Type) error {
	opts := pcapio.PcapWriterOptions{LinkType: lt, Nano: c.o.nano}
	fine := false
	for _, ifc := range c.r.Interfaces() {
		if ifc.LinkType != lt {
			continue
		}
		opts.SnapLen = max(opts.SnapLen, ifc.SnapLen)
		if ifc.FCSLen > 0 && opts.FCSLen == 0 {
			opts.FCSLen = ifc.FCSLen
		}
		if r := ifc.TSResol; (r&0x80 == 0 && r > 6) || (r&0x80 != 0 && r&0x7f > 19) {
			fine = true
		}
	}
	if h, ok := c.r.PcapHeader(); ok {
		fine = h.Nano
		opts.SnapLen = h.SnapLen
		opts.FCSLen = max(h.FCSLen, 0)
	}
	if !c.o.nano && !c.o.micro {
		opts.Nano = fine
	}
	if s := c.o.snaplen; s != 0 && (opts.SnapLen == 0 || opts.SnapLen > s) {
		opts.SnapLen = s
	}
	pw, err := pcapio.NewPcapWriter(c.sink, opts)
	if err != nil {
		return c.writeError(err)
	}
	c.pcap, c.w = pw, pw
	return nil
}

// emptyOutput writes a valid file holding no packet when nothing was kept.
func (c *converter) emptyOutput() error {
	if c.o.format == pcapio.FormatPcapNG {
		ng, err := c.newPcapNG()
		if err != nil {
			return err
		}
		for i, ifc := range c.r.Interfaces() {
			if i > 0 && ifc.Section != c.r.Interfaces()[0].Section {
				break
			}
			ifc.Options = pcapio.Options{}
			if _, err := ng.AddInterface(ifc); err != nil {
				return err
			}
		}
		return ng.Close()
	}
	lt := linktype.Ethernet
	if ifs := c.r.Interfaces(); len(ifs) > 0 {
		lt = ifs[0].LinkType
	}
	if err := c.newPcap(lt); err != nil {
		return err
	}
	return c.w.Close()
}

// hostOS describes this system for shb_os: "Linux 6.1.0-18-amd64" where the
// kernel release can be read, otherwise GOOS.
func hostOS() string {
	name := runtime.GOOS
	if name == "linux" {
		name = "Linux"
		if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
			if rel := strings.TrimSpace(string(b)); rel != "" {
				name += " " + rel
			}
		}
	}
	return name
}
