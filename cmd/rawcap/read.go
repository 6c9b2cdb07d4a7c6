package main

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/filter/display"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
	"github.com/urfave/cli/v2"
)

// readOutput selects what `rawcap read` prints.
type readOutput int

const (
	outLine    readOutput = iota // tcpdump one-liners (default)
	outTree                      // -V: tshark's detail tree
	outColumns                   // --columns: Wireshark's packet list
	outJSON                      // --json: NDJSON
	outFields                    // -T fields: tshark's fields
	outEK                        // -T ek: Elasticsearch bulk lines
)

// readOptions is a parsed `rawcap read` command line.
type readOptions struct {
	Line     decode.LineOptions
	Output   readOutput
	Raw      bool     // --raw: JSON carries the captured bytes
	Fields   []string // -T fields / -T ek: the -e fields
	FieldOpt []string // -T fields: the -E options
	Count    int      // -c: stop after this many packets (0: all)
	DecodeAs []string // --decode-as rules
	// Filter is the trailing filter expression ("" for none).
	Filter string
	// Display is the -Y display filter ("" for none).
	Display string
}

func readFlags() []cli.Flag {
	return append([]cli.Flag{
		&cli.BoolFlag{Name: "e", Usage: "print the link-level header"},
		&cli.BoolFlag{Name: "v", Usage: "more detail (-vv, -vvv for more)", Count: new(int)},
		&cli.BoolFlag{Name: "q", Usage: "less protocol detail"},
		&cli.BoolFlag{Name: "t", Usage: "-t no time, -tt epoch, -ttt delta, -tttt date, -ttttt since first", Count: new(int)},
		&cli.BoolFlag{Name: "nano", Usage: "print nanosecond timestamps"},
		&cli.BoolFlag{Name: "#", Aliases: []string{"number"}, Usage: "print the packet number first"},
		&cli.BoolFlag{Name: "S", Usage: "absolute TCP sequence numbers"},
		&cli.BoolFlag{Name: "x", Usage: "hex dump without (-xx: with) the link header", Count: new(int)},
		&cli.BoolFlag{Name: "X", Usage: "hex and ASCII dump without (-XX: with) the link header", Count: new(int)},
		&cli.BoolFlag{Name: "A", Usage: "print each packet in ASCII"},
		&cli.BoolFlag{Name: "n", Usage: "no name resolution (always the case)"},
		&cli.IntFlag{Name: "c", Usage: "stop after `N` packets"},
		&cli.BoolFlag{Name: "V", Usage: "print the detail tree, as tshark -V"},
		&cli.BoolFlag{Name: "columns", Usage: "print Wireshark's packet list columns"},
		&cli.BoolFlag{Name: "json", Usage: "print NDJSON, one object per packet, Wireshark field names"},
		&cli.BoolFlag{Name: "raw", Usage: "with --json, add the captured bytes in hex"},
		&cli.StringSliceFlag{Name: "decode-as", Usage: "decode a port as a protocol: `udp.port=8053:dns`"},
		displayFilterFlag(),
	}, fieldFlags()...)
}

func readCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:                   "read",
		Usage:                  "print the packets of capture files, as tcpdump -r, tshark -V or NDJSON",
		ArgsUsage:              "FILE... [FILTER]",
		UseShortOptionHandling: true,
		Description: `Read prints every packet of each FILE (pcap or pcapng, possibly compressed;
"-" is standard input), in order. The default output is tcpdump -n's, one line per
packet; -V prints tshark's detail tree, --columns Wireshark's packet list and
--json one JSON object per packet. Arguments after the files form a filter
expression. A damaged file prints every good packet, then the error, and exits 1.`,
		Flags: append(readFlags(), &cli.StringFlag{Name: "F", Usage: "read the filter expression from `FILE`"}),
		Action: func(c *cli.Context) error {
			files, filter := splitReadArgs(c.Args().Slice())
			if len(files) == 0 {
				return usagef("read: no capture file given")
			}
			if name := c.String("F"); name != "" {
				if filter != "" {
					return usagef("read: -F %s: a filter expression is also given (%q); use one or the other", name, filter)
				}
				b, err := os.ReadFile(name)
				if err != nil {
					return usagef("read: -F: %v", err)
				}
				filter = filterFileExpr(string(b))
			}
			opts, err := readOptionsFrom(c)
			if err != nil {
				return err
			}
			opts.Filter = filter
			return readFiles(c.Context, e, files, opts)
		},
	}
}

// splitReadArgs splits the arguments into files (those that exist, and
// "-") and the filter expression that follows them.
func splitReadArgs(args []string) (files []string, filter string) {
	i := 0
	for ; i < len(args); i++ {
		if args[i] == "-" {
			continue
		}
		if _, err := os.Stat(args[i]); err != nil && i > 0 {
			break
		}
	}
	files = args[:i]
	for j, a := range args[i:] {
		if j > 0 {
			filter += " "
		}
		filter += a
	}
	return files, filter
}

func readOptionsFrom(c *cli.Context) (readOptions, error) {
	var o readOptions
	l := &o.Line
	l.Link = c.Bool("e")
	l.Verbose = c.Count("v")
	l.Quiet = c.Bool("q")
	l.AbsSeq = c.Bool("S")
	l.Nano = c.Bool("nano")
	l.Number = c.Bool("#")
	switch n := c.Count("t"); {
	case n == 0:
		l.Time = decode.TimeDefault
	case n == 1:
		l.Time = decode.TimeNone
	case n == 2:
		l.Time = decode.TimeEpoch
	case n == 3:
		l.Time = decode.TimeDelta
	case n == 4:
		l.Time = decode.TimeDate
	default:
		l.Time = decode.TimeSinceFirst
	}
	switch {
	case c.Count("X") >= 2:
		l.Hex = decode.HexASCIILink
	case c.Count("X") == 1:
		l.Hex = decode.HexASCIINet
	case c.Count("x") >= 2:
		l.Hex = decode.HexLink
	case c.Count("x") == 1:
		l.Hex = decode.HexNet
	case c.Bool("A"):
		l.Hex = decode.ASCIIOnly
	}
	o.Display = c.String("Y")
	o.Count = c.Int("c")
	if c.IsSet("c") && o.Count <= 0 {
		return o, usagef("invalid packet count %d", o.Count)
	}
	var outputs []string
	for _, f := range []string{"V", "columns", "json", "T"} {
		if c.IsSet(f) {
			outputs = append(outputs, flagSpelling(f))
		}
	}
	if len(outputs) > 1 {
		return o, usagef("%s and %s are different outputs: choose one (-V the detail tree, --columns the packet list, --json NDJSON, -T fields|ek tshark's)", outputs[0], outputs[1])
	}
	switch {
	case c.Bool("V"):
		o.Output = outTree
	case c.Bool("columns"):
		o.Output = outColumns
	case c.Bool("json"):
		o.Output = outJSON
	}
	switch t := c.String("T"); t {
	case "":
	case "fields":
		o.Output = outFields
	case "ek":
		o.Output = outEK
	case "json":
		o.Output = outJSON
	default:
		return o, usagef("read: -T %s: rawcap prints -T fields, ek or json (and -V for text)", t)
	}
	o.Fields = c.StringSlice("field")
	o.FieldOpt = c.StringSlice("field-opt")
	if (len(o.Fields) > 0 || len(o.FieldOpt) > 0) && o.Output != outFields && o.Output != outEK {
		return o, usagef("read: fields (-e NAME) need -T fields or -T ek")
	}
	if o.Output != outLine {
		// These shape tcpdump's one-line output; the other outputs have
		// no place for them, and dropping one silently would surprise.
		for _, f := range lineOnlyFlags {
			if c.IsSet(f) {
				return o, usagef("%s shapes the one-line output; %s prints something else: drop one of them", flagSpelling(f), outputs[0])
			}
		}
	}
	o.Raw = c.Bool("raw")
	if o.Raw && o.Output != outJSON {
		return o, usagef("read: --raw needs --json")
	}
	o.DecodeAs = c.StringSlice("decode-as")
	return o, nil
}

// lineOnlyFlags are read's flags that only the one-line output uses.
var lineOnlyFlags = []string{"x", "X", "A", "e", "q", "t", "v", "S", "#"}

// flagSpelling is how a user types flag name: -x for a letter, --json for a
// word.
func flagSpelling(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// decodeAsProtocols lists the protocol names --decode-as takes, as decode
// names its layers.
func decodeAsProtocols() []string {
	var names []string
	seen := map[string]bool{}
	for t := decode.LayerType(1); t < 255; t++ {
		n := t.String()
		if n == "unknown" {
			break
		}
		if p, ok := decode.ParseLayerType(n); ok && p == t && !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	return names
}

// packetPrinter is one of decode's printers.
type packetPrinter interface {
	Append(b []byte, d *decode.Decoder, f *decode.Frame) []byte
}

// newPrinter returns a decoder with opts' --decode-as rules and the printer
// opts asks for; read and live capture print through the same pair.
func newPrinter(opts readOptions) (*decode.Decoder, packetPrinter, error) {
	d := decode.NewDecoder()
	for _, r := range opts.DecodeAs {
		if err := d.Ports.SetDecodeAs(r); err != nil {
			proto := r[strings.LastIndexAny(r, ":=")+1:]
			if _, known := decode.ParseLayerType(proto); !known {
				return nil, nil, fmt.Errorf("%w; the protocols known are %s", err, strings.Join(decodeAsProtocols(), ", "))
			}
			return nil, nil, err
		}
	}
	switch opts.Output {
	case outTree:
		return d, &decode.TreePrinter{}, nil
	case outColumns:
		return d, &decode.ColumnsPrinter{}, nil
	case outJSON:
		return d, &decode.JSONPrinter{Raw: opts.Raw}, nil
	case outFields:
		p, err := fieldsPrinterFrom(opts.Fields, opts.FieldOpt)
		return d, p, err
	case outEK:
		for _, n := range opts.Fields {
			if decode.LookupField(n) == nil {
				return nil, nil, fmt.Errorf("%w: %q (rawcap fields lists the fields rawcap decodes)", decode.ErrUnknownField, n)
			}
		}
		return d, &decode.EKPrinter{Fields: opts.Fields}, nil
	}
	return d, &decode.LinePrinter{Options: opts.Line}, nil
}

// readFiles prints the packets of files to e.stdout as opts says. A damaged
// file ends the run with exit status 1 after its good packets; a closed
// output pipe ends it quietly with status 0.
func readFiles(ctx context.Context, e *env, files []string, opts readOptions) error {
	if f := outputFile(e.stdout); f != nil && f == os.Stdout {
		// Let writes to a closed pipe fail with EPIPE instead of killing
		// the process, so `rawcap read big.pcap | head` ends quietly.
		signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
	}
	readGC()
	d, pr, err := newPrinter(opts)
	if err != nil {
		return usagef("read: %v", err)
	}
	df, err := compileDisplay(opts.Display)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	s := readState{e: e, w: w, d: d, pr: pr, opts: &opts, display: df}
	s.ownMatcher()
	if np, clone, ok := pipelined(pr); ok && runtime.GOMAXPROCS(0) > 1 {
		// A -T fields line that depends on its packet alone is decoded
		// where it is drawn, unless a display filter decodes here anyway.
		fp, _ := pr.(*decode.FieldsPrinter)
		decodes := fp != nil && fp.Independent() && df == nil
		s.tree = newTreePipeline(np, clone, w, decodes, d.Ports)
	}
	err = s.run(ctx, files)
	if s.tree != nil {
		if terr := s.tree.close(); err == nil || errors.Is(err, errStop) {
			err = cmp.Or(terr, err)
		}
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if errors.Is(err, syscall.EPIPE) || errors.Is(err, errStop) {
		return nil
	}
	return err
}

var errStop = errors.New("stop")

type readState struct {
	e      *env
	w      *bufio.Writer
	d      *decode.Decoder
	pr     packetPrinter
	opts   *readOptions
	buf    []byte
	number int // packets read
	shown  int // packets printed
	match  map[linktype.Type]func([]byte, int) bool
	tree   *treePipeline // -V, JSON, -T fields/ek drawn on every core; nil: print here
	// display is the -Y filter (nil: none); it sees every packet the
	// capture filter passes, in order.
	display *display.Filter
	// own runs display on a decoder of its own for the one-liners
	// (ownMatcher); nil: on d.
	own *frameMatcher
}

func (s *readState) run(ctx context.Context, files []string) error {
	for _, name := range files {
		if err := s.file(ctx, name); err != nil {
			return err
		}
	}
	return nil
}

func (s *readState) file(ctx context.Context, name string) error {
	var r *pcapio.Reader
	var err error
	if name == "-" {
		r, err = pcapio.NewReader(s.e.stdin)
	} else {
		if err := notDirectory(name); err != nil {
			return exitError{1, err}
		}
		r, err = pcapio.OpenReadAhead(name)
	}
	if err != nil {
		return exitError{1, fmt.Errorf("%s: %w", name, err)}
	}
	defer r.Close()
	if fp, ok := s.pr.(*decode.FieldsPrinter); ok {
		// The header line (-E header=y) comes once the file has opened,
		// whatever follows, even no packet, as tshark writes it. A printer
		// drawing on other goroutines never sees AppendHeader otherwise.
		if _, err := s.w.Write(fp.AppendHeader(s.buf[:0])); err != nil {
			return err
		}
	}
	announced := false
	cols, _ := s.pr.(*decode.ColumnsPrinter)
	if cols != nil {
		cols.Precision = cols.Precision[:0] // interface indexes start again
	}
	var f decode.Frame
	for {
		if s.number&1023 == 0 && ctx.Err() != nil {
			return errStop
		}
		p, err := r.Next()
		if !announced && s.opts.Output == outLine {
			s.announce(name, r)
			announced = true
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if s.tree != nil {
				if werr := s.tree.flush(); werr != nil {
					return werr
				}
			}
			if werr := s.w.Flush(); werr != nil {
				return werr
			}
			return exitError{1, fmt.Errorf("%s: %w", name, err)}
		}
		s.number++
		if s.opts.Filter != "" {
			m, err := s.matcher(p.LinkType)
			if err != nil {
				return err
			}
			if !m(p.Data, p.Length) {
				continue
			}
		}
		ifs := r.Interfaces()
		if cols != nil && len(cols.Precision) < len(ifs) {
			// The Time column shows each interface's timestamp precision,
			// as tshark does; pcapng may define interfaces mid-file.
			for _, in := range ifs[len(cols.Precision):] {
				cols.Precision = append(cols.Precision, decode.TimePrecision(in.TSResol))
			}
		}
		fielded := s.opts.Output == outFields || s.opts.Output == outEK
		describeFrame(&f, r, p, s.number,
			s.opts.Output == outJSON || s.opts.Output == outTree || fielded || s.display != nil,
			s.opts.Output == outTree || fielded || s.display != nil)
		switch {
		case s.own != nil:
			if !s.own.match(&f, p.Data, p.LinkType) {
				continue
			}
			s.d.Decode(p.Data, p.LinkType)
		default:
			if s.tree == nil || !s.tree.decodes {
				s.d.Decode(p.Data, p.LinkType)
			}
			if s.display != nil && !s.display.Match(s.d, &f) {
				continue
			}
		}
		s.shown++
		if s.opts.Output == outLine {
			f.Number = s.shown // tcpdump -# counts the packets it prints
		}
		if s.tree != nil {
			if err := s.tree.add(s.d, p, &f); err != nil {
				return err
			}
		} else {
			s.buf = s.pr.Append(s.buf[:0], s.d, &f)
			if _, err := s.w.Write(s.buf); err != nil {
				return err
			}
		}
		if s.opts.Count > 0 && s.shown >= s.opts.Count {
			return errStop
		}
	}
}

// ownMatcher gives the display filter a decoder of its own when the
// output is tcpdump's lines, which read nothing the connection tracker
// finds. The filter's tracker then makes the layers tshark's (an HTTP
// segment that starts no message is TCP's payload) on its own decoder, not
// on the one the lines are printed from; it may leave a packet its
// frame-only tests reject undecoded and follow a pinned stream alone
// (display.Filter.Skip, OwnDecoder); and only the packets it keeps are
// decoded for their lines.
func (s *readState) ownMatcher() {
	if s.display == nil || s.opts.Output != outLine {
		return
	}
	s.own = newFrameMatcher(s.display)
	s.own.d.Ports = s.d.Ports // --decode-as; the maps are only read
}

func (s *readState) matcher(lt linktype.Type) (func([]byte, int) bool, error) {
	if m, ok := s.match[lt]; ok {
		return m, nil
	}
	m, err := fileMatcher(s.opts.Filter, lt)
	if err != nil {
		return nil, usagef("read: %v", err)
	}
	if s.match == nil {
		s.match = map[linktype.Type]func([]byte, int) bool{}
	}
	s.match[lt] = m
	return m, nil
}

// announce prints tcpdump's "reading from file" line on stderr.
func (s *readState) announce(name string, r *pcapio.Reader) {
	ifs := r.Interfaces()
	if len(ifs) == 0 {
		return
	}
	snap := ifs[0].SnapLen
	if snap == 0 {
		snap = 262144
	}
	fmt.Fprintf(s.e.stderr, "reading from file %s, link-type %s, snapshot length %s\n",
		name, ifs[0].LinkType, strconv.FormatUint(uint64(snap), 10))
	if ifs[0].LinkType == linktype.LinuxSLL2 {
		// The one-liners name the interfaces of this host, as tcpdump's do.
		fmt.Fprintln(s.e.stderr, "Warning: interface names might be incorrect")
	}
}

var _ = time.Now

// readGC lets reading's heap grow to five times what is live before the
// garbage collector runs (GOGC=400), unless GOGC is set. Reading allocates
// nothing per packet: its heap is the tables and buffers it makes at the
// start, a few MB, and at Go's default the collector runs twice while
// they are made, a tenth of the CPU time of a short run's start.
func readGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}
