package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/plot"
	"github.com/rawcap/rawcap/internal/stats"
	"github.com/rawcap/rawcap/pcapio"
)

// statsKinds are the tables rawcap stats prints, by the word that names
// them.
var statsKinds = map[string]bool{"conv": true, "endpoints": true, "phs": true, "io": true}

func statsCommand(e *env) *cli.Command {
	types := strings.Join(stats.TypeNames(), "|")
	return &cli.Command{
		Name:      "stats",
		Usage:     "print conversations, endpoints, the protocol hierarchy or I/O per interval, as tshark -q -z",
		ArgsUsage: "conv|endpoints " + types + " FILE [FILTER] | phs FILE [FILTER] | io FILE [FILTER]",
		UsageText: `rawcap stats conv ` + types + ` [--json|--csv] [--plot top.svg] FILE [FILTER]
rawcap stats endpoints ` + types + ` [--json|--csv] FILE [FILTER]
rawcap stats phs [--json|--csv] FILE [FILTER]
rawcap stats io [--interval 1s] [--json|--csv] [--plot io.svg|io.png] FILE [FILTER]

Examples:
   rawcap stats conv tcp capture.pcapng            # tshark -q -z conv,tcp
   rawcap stats endpoints ip --csv capture.pcap    # one line per address, plain numbers
   rawcap stats phs capture.pcap                   # tshark -q -z io,phs
   rawcap stats io --interval 100ms capture.pcap   # tshark -q -z io,stat,0.1
   rawcap stats io --plot io.png capture.pcap      # the I/O graph, packets/s and bits/s
   rawcap stats conv tcp --plot top.svg --top 15 capture.pcap
   rawcap stats conv udp capture.pcap 'port 53'`,
		Description: `Stats reads FILE once (pcap or pcapng, possibly compressed; "-" is standard
input) and prints one of tshark's statistics tables, as tshark 4.0 prints it
with -q -z and without name resolution, for the protocols rawcap decodes:

  conv TYPE        conversations (tshark -z conv,TYPE): each pair of addresses
                   (and ports for tcp and udp), its frames and bytes each way
                   ("->" from the first packet's source), its start and duration
                   in seconds since the first packet; most frames first.
  endpoints TYPE   endpoints (tshark -z endpoints,TYPE): what each address (and
                   port) sent and received.
  phs              the protocol hierarchy (tshark -z io,phs): frames and bytes
                   per path of protocols.
  io               frames and bytes per --interval (tshark -z io,stat,INTERVAL;
                   0 for the whole capture).

TYPE is eth, ip, ipv6, tcp or udp. Each header counts as Wireshark's taps count
it: a tunnelled packet adds its inner conversation too; the headers quoted in an
ICMP error do not count. Byte counts are the frames' lengths on the wire.

--json prints the table as one JSON object and --csv as CSV with a header line:
plain numbers (frames, bytes, seconds) instead of tshark's units. --plot FILE
draws a chart, as SVG or PNG by FILE's extension: for io, Wireshark's I/O graph
(packets/s and bits/s per interval); for conv, the --top conversations by bytes.

Arguments after FILE form a capture filter (tcpdump's language, as rawcap read
takes it): only the packets it selects are counted, as if FILE held only those.

Memory is bounded: a conversation or endpoint table holds --max-entries entries
and the io table as many intervals; what falls beyond is counted and reported on
standard error (and in --json's "overflow"), never dropped silently. A damaged
file prints the tables of the packets before the damage, then the error with the
file name and byte offset; the exit status is then 1.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print the table as one JSON object with plain numbers"},
			&cli.BoolFlag{Name: "csv", Usage: "print the table as CSV with a header line and plain numbers"},
			&cli.StringFlag{Name: "interval", Value: "1", Usage: "io: the interval `I` in seconds (1, 0.5) or as a duration (100ms, 1m); 0 for the whole capture"},
			&cli.StringFlag{Name: "plot", Usage: "io, conv: draw a chart to `FILE` (.svg or .png)"},
			&cli.IntFlag{Name: "top", Value: 10, Usage: "conv --plot: draw the `N` conversations with the most bytes"},
			&cli.IntFlag{Name: "max-entries", Value: stats.DefaultMaxEntries, Usage: "bound conversations and endpoints held (and io's intervals) to `N`"},
			&cli.StringSliceFlag{Name: "Y", Aliases: []string{"display-filter"}, Usage: "count only the packets that match the display filter `EXPR`; io takes one per column, as tshark's -z io,stat,INTERVAL,FILTER,..."},
		},
		Action: func(c *cli.Context) error { return runStats(c, e) },
	}
}

// statsArgs is a parsed stats command line.
type statsArgs struct {
	kind   string
	typ    stats.Type
	file   string
	filter string // the capture filter, "" for none
	// selects are the display filters that pick the packets a table
	// counts: one for conv, endpoints and phs, one per column for io.
	selects []stats.Filter
}

func parseStatsArgs(args []string) (statsArgs, error) {
	var a statsArgs
	if len(args) == 0 {
		return a, usagef("stats: which table? conv, endpoints, phs or io (see rawcap stats --help)")
	}
	a.kind = args[0]
	if !statsKinds[a.kind] {
		return a, usagef("stats: %q is not a table: conv, endpoints, phs or io", a.kind)
	}
	rest := args[1:]
	if a.kind == "conv" || a.kind == "endpoints" {
		if len(rest) == 0 {
			return a, usagef("stats %s: which type? %s", a.kind, strings.Join(stats.TypeNames(), ", "))
		}
		t, ok := stats.ParseType(rest[0])
		if !ok {
			return a, usagef("stats %s: %q is not a type: %s", a.kind, rest[0], strings.Join(stats.TypeNames(), ", "))
		}
		a.typ, rest = t, rest[1:]
	}
	if len(rest) == 0 {
		return a, usagef("stats %s: no capture file given", a.kind)
	}
	a.file = rest[0]
	a.filter = strings.Join(rest[1:], " ")
	return a, nil
}

// statsTable is a table of any kind, with its outputs.
type statsTable interface {
	stats.Table
	WriteText(io.Writer) error
	WriteJSON(io.Writer) error
	WriteCSV(io.Writer) error
}

func runStats(c *cli.Context, e *env) error {
	a, err := parseStatsArgs(c.Args().Slice())
	if err != nil {
		return err
	}
	for _, expr := range c.StringSlice("Y") {
		df, err := compileDisplay(expr)
		if err != nil {
			return err
		}
		a.selects = append(a.selects, stats.Filter{Text: expr, Match: df.Match})
	}
	if c.Bool("json") && c.Bool("csv") {
		return usagef("stats: --json and --csv are different outputs: choose one")
	}
	plotFile := c.String("plot")
	var plotFormat plot.Format
	if plotFile != "" {
		if a.kind != "io" && a.kind != "conv" {
			return usagef("stats %s: --plot draws io's graph or conv's top conversations", a.kind)
		}
		if plotFormat, err = plot.FormatOf(plotFile); err != nil {
			return usagef("stats: --plot %v", err)
		}
	}
	if c.IsSet("interval") && a.kind != "io" {
		return usagef("stats %s: --interval is io's", a.kind)
	}
	if c.IsSet("top") && (a.kind != "conv" || plotFile == "") {
		return usagef("stats: --top is the number of conversations conv --plot draws")
	}
	if c.Int("top") < 1 {
		return usagef("stats: --top %d: want at least 1", c.Int("top"))
	}
	maxEntries := c.Int("max-entries")
	if maxEntries < 1 {
		return usagef("stats: --max-entries %d: want at least 1", maxEntries)
	}

	if len(a.selects) > 1 && a.kind != "io" {
		return usagef("stats %s: one display filter selects its packets; only io takes one per column", a.kind)
	}
	var sel stats.Filter
	if len(a.selects) == 1 {
		sel = a.selects[0]
	}
	var table statsTable
	var overflow *stats.Overflow
	var what string
	switch a.kind {
	case "conv":
		t := stats.NewConversations(a.typ)
		t.Max, t.Filter, overflow, what = maxEntries, sel, &t.Overflow, "conversations"
		table = t
	case "endpoints":
		t := stats.NewEndpoints(a.typ)
		t.Max, t.Filter, overflow, what = maxEntries, sel, &t.Overflow, "endpoints"
		table = t
	case "phs":
		t := stats.NewHierarchy()
		t.Filter, overflow, what = sel, &t.Overflow, "protocol paths"
		table = t
	case "io":
		iv, err := stats.ParseInterval(c.String("interval"))
		if err != nil {
			return usagef("stats io: --interval %s: %v", c.String("interval"), err)
		}
		t := stats.NewIO(iv, a.selects...)
		t.MaxRows, overflow, what = maxEntries, &t.Overflow, "intervals"
		table = t
	}

	var keep func(*pcapio.Packet) bool
	var keepFailed func() error
	if a.filter != "" {
		if keep, keepFailed, err = filterPredicate(a.filter); err != nil {
			return usagef("stats: %v", err)
		}
	}
	var r *pcapio.Reader
	if a.file == "-" {
		r, err = pcapio.NewReader(e.stdin)
	} else {
		if err := notDirectory(a.file); err != nil {
			return exitError{1, err}
		}
		r, err = pcapio.OpenReadAhead(a.file)
	}
	if err != nil {
		return exitError{1, fmt.Errorf("%s: %w", a.file, err)}
	}
	defer r.Close()
	_, readErr := stats.Run(c.Context, r, decode.NewDecoder(), keep, table)
	if readErr != nil && c.Context.Err() != nil {
		readErr = nil // interrupted: print what was counted, as tshark does
	}
	if keepFailed != nil {
		if ferr := keepFailed(); ferr != nil {
			return exitError{1, ferr}
		}
	}

	w := bufio.NewWriterSize(e.stdout, 64<<10)
	switch {
	case c.Bool("json"):
		err = table.WriteJSON(w)
	case c.Bool("csv"):
		err = table.WriteCSV(w)
	default:
		err = table.WriteText(w)
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	if plotFile != "" {
		if err := writePlot(plotFile, plotFormat, table, a, c.Int("top")); err != nil {
			return exitError{1, err}
		}
	}
	if overflow.Frames > 0 {
		fmt.Fprintf(e.stderr, "rawcap: stats %s: %d packets (%d bytes) fell beyond the bound of %d %s (--max-entries) and are not in the table\n",
			a.kind, overflow.Frames, overflow.Bytes, maxEntries, what)
	}
	if readErr != nil {
		return exitError{1, fmt.Errorf("%s: %w", a.file, readErr)}
	}
	return nil
}

// writePlot draws table's chart to name, in format f.
func writePlot(name string, f plot.Format, table statsTable, a statsArgs, top int) error {
	base := filepath.Base(a.file)
	var draw func(io.Writer, plot.Format) error
	switch t := table.(type) {
	case *stats.IO:
		draw = t.Chart("I/O graph: " + base).Draw
	case *stats.Conversations:
		draw = t.Chart(fmt.Sprintf("Top %d %s conversations by bytes: %s", top, a.typ.Title(), base), top).Draw
	default:
		return errors.New("stats: this table has no chart")
	}
	out, err := os.Create(name)
	if err != nil {
		return fmt.Errorf("--plot: %w", err)
	}
	bw := bufio.NewWriter(out)
	err = draw(bw, f)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("--plot %s: %w", name, err)
	}
	return nil
}
