package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/internal/export"
	"github.com/rawcap/rawcap/internal/progress"
	"github.com/rawcap/rawcap/linktype"
	"github.com/rawcap/rawcap/pcapio"
)

func exportCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "write captures as Parquet tables (packets, flows) for DuckDB, Spark, Trino and Athena",
		ArgsUsage: "FILE... [FILTER]",
		UsageText: `rawcap export [options] -o DIR FILE... [FILTER...]

Examples:
   rawcap export -o lake big.pcap                        # DIR/packets and DIR/flows
   rawcap export -o lake --table packets 'day1/*.pcapng' --partition hour
   rawcap export -o lake --fields default,tcp.options.mss_val --raw in.pcap 'tcp port 443'
   duckdb -c "SELECT \"ip.src\", count(*) FROM 'lake/packets/**/*.parquet' GROUP BY 1"`,
		Description: `Export reads each FILE (pcap or pcapng, possibly compressed; "-" is standard
input; a quoted glob such as 'logs/*.pcap' is expanded) and writes Apache Parquet
files under DIR: DIR/packets, one row per packet, and DIR/flows, one row per
conversation as Zeek's conn.log gives it, with its Community ID.

The packets table's columns are named as Wireshark names the fields (frame.time,
ip.src, tcp.dstport, dns.qry.name…) and typed: frame.time is a timestamp in
nanoseconds (UTC), numbers are integers, flags booleans, addresses strings, and a
field that repeats within a packet (DNS answers, TLS handshakes) a list. Without
--fields the columns are the default profile (README.md lists it); --fields names
them (rawcap fields lists the names; "default" stands for the profile).
A column of a field that is not repeated holds its first occurrence, as
tshark -E occurrence=f does.

--partition writes Hive-style directories (date=2026-01-02/hour=03/) that
engines prune by time. A file is finished (its footer written, its name without
the leading dot) at a row group's end once it passes --file-size, and at the end.
New part files never overwrite those already in DIR. Words after the files
form a capture filter (pcap-filter(7)), as rawcap read takes it; -Y takes a
display filter (Wireshark's language), which sees what the capture filter
passes. Both tables hold only the packets they keep.

A damaged FILE yields every packet before the damage, valid files, the error
with its byte offset, and exit status 1.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "o", Aliases: []string{"output"}, Usage: "write the tables under `DIR`"},
			&cli.StringFlag{Name: "table", Value: "both", Usage: "the tables to write (`TABLE`): packets, flows or both"},
			&cli.StringSliceFlag{Name: "fields", Usage: "the packets table's columns: comma-separated field `NAMES` (default: the default profile)"},
			&cli.BoolFlag{Name: "raw", Usage: "add the captured bytes (column rawcap.raw)"},
			&cli.StringFlag{Name: "compression", Value: "zstd", Usage: "`CODEC`: zstd, snappy, gzip or none"},
			&cli.IntFlag{Name: "row-group", Value: export.DefaultRowGroup, Usage: "rows per row group (`N`)"},
			&cli.IntFlag{Name: "file-size", Value: export.DefaultMaxFileSize / 1_000_000, Usage: "start a new file past `MB` megabytes (1,000,000 bytes)"},
			&cli.StringFlag{Name: "partition", Usage: "split the tables by `TIME`: date or hour"},
			&cli.StringSliceFlag{Name: "decode-as", Usage: "decode a port as a protocol: `udp.port=8053:dns`"},
			&cli.BoolFlag{Name: "schema", Usage: "print the tables' columns and Parquet types for these options, and exit"},
			displayFilterFlag(),
		},
		Action: func(c *cli.Context) error {
			if c.Bool("schema") {
				return printExportSchema(c, e)
			}
			o, files, filter, err := exportOptionsFrom(c)
			if err != nil {
				return err
			}
			return exportFiles(c.Context, e, o, files, filter)
		},
	}
}

// printExportSchema prints the columns of the tables --table, --fields and
// --raw choose, one "table<TAB>column<TAB>type" line each.
func printExportSchema(c *cli.Context, e *env) error {
	t := c.String("table")
	if t != "packets" && t != "flows" && t != "both" {
		return usagef("export: --table %q: want packets, flows or both", t)
	}
	fields := exportFields(c)
	w := e.stdout
	if t != "flows" {
		cols, err := export.PacketColumns(fields, c.Bool("raw"))
		if err != nil {
			return usagef("export: %v", err)
		}
		for _, col := range cols {
			fmt.Fprintf(w, "packets\t%s\t%s\n", col.Name, col.Type)
		}
	}
	if t != "packets" {
		for _, col := range export.FlowColumns() {
			fmt.Fprintf(w, "flows\t%s\t%s\n", col.Name, col.Type)
		}
	}
	return nil
}

// exportFields returns the names --fields gives, comma-separated or
// repeated.
func exportFields(c *cli.Context) []string {
	var fields []string
	for _, f := range c.StringSlice("fields") {
		for n := range strings.SplitSeq(f, ",") {
			if n = strings.TrimSpace(n); n != "" {
				fields = append(fields, n)
			}
		}
	}
	return fields
}

// exportOptionsFrom reads the command line.
func exportOptionsFrom(c *cli.Context) (export.Options, []string, string, error) {
	var o export.Options
	o.Dir = c.String("o")
	if o.Dir == "" {
		return o, nil, "", usagef("export: no output directory: give -o DIR")
	}
	switch t := c.String("table"); t {
	case "packets":
		o.Packets = true
	case "flows":
		o.Flows = true
	case "both":
		o.Packets, o.Flows = true, true
	default:
		return o, nil, "", usagef("export: --table %q: want packets, flows or both", t)
	}
	o.Fields = exportFields(c)
	if c.IsSet("fields") && len(o.Fields) == 0 {
		return o, nil, "", usagef("export: --fields names no field")
	}
	if len(o.Fields) > 0 && !o.Packets {
		return o, nil, "", usagef("export: --fields chooses the packets table's columns, and --table %s writes no packets table", c.String("table"))
	}
	o.Raw = c.Bool("raw")
	o.Compression = c.String("compression")
	if o.RowGroup = c.Int("row-group"); o.RowGroup <= 0 {
		return o, nil, "", usagef("export: --row-group %d: want at least 1 row", o.RowGroup)
	}
	if n := c.Int("file-size"); n <= 0 {
		return o, nil, "", usagef("export: --file-size %d: want at least 1 MB", n)
	} else {
		o.MaxFileSize = int64(n) * 1_000_000
	}
	switch p := c.String("partition"); p {
	case "":
	case "date":
		o.Partition = export.PartitionDate
	case "hour":
		o.Partition = export.PartitionHour
	default:
		return o, nil, "", usagef("export: --partition %q: want date or hour", p)
	}
	o.DecodeAs = c.StringSlice("decode-as")
	o.Version = rawcapVersion()
	df, err := compileDisplay(c.String("Y"))
	if err != nil {
		return o, nil, "", err
	}
	if df != nil {
		o.Keep = df.Match
	}
	files, filter, err := exportArgs(c.Args().Slice())
	if err != nil {
		return o, nil, "", err
	}
	if len(files) == 0 {
		return o, nil, "", usagef("export: no capture file given")
	}
	return o, files, filter, nil
}

// exportArgs splits the arguments into input files and the filter after
// them: "-", files that exist, and globs that match some (expanded, in
// order); the first word that is none of these starts the filter.
func exportArgs(args []string) (files []string, filter string, err error) {
	i := 0
	for ; i < len(args); i++ {
		a := args[i]
		if a == "-" {
			files = append(files, a)
			continue
		}
		if _, err := os.Stat(a); err == nil {
			files = append(files, a)
			continue
		}
		if strings.ContainsAny(a, "*?[") {
			m, err := filepath.Glob(a)
			if err != nil && i == 0 {
				return nil, "", usagef("export: %q: %v", a, err)
			}
			if len(m) > 0 {
				slices.Sort(m)
				files = append(files, m...)
				continue
			}
			if i == 0 {
				return nil, "", exitError{1, fmt.Errorf("%s: no file matches", a)}
			}
		}
		if i == 0 {
			return nil, "", exitError{1, fmt.Errorf("%s: %w", a, os.ErrNotExist)}
		}
		break
	}
	return files, strings.Join(args[i:], " "), nil
}

// exportFiles writes the packets of files into o.Dir.
func exportFiles(ctx context.Context, e *env, o export.Options, files []string, filter string) error {
	x, err := export.New(o)
	if err != nil {
		return usagef("export: %v", err)
	}
	var match map[linktype.Type]func([]byte, int) bool
	if filter != "" {
		if _, err := fileMatcher(filter, linktype.Ethernet); err != nil {
			x.Close()
			return usagef("export: %v", err)
		}
		match = map[linktype.Type]func([]byte, int) bool{}
	}
	var runErr error
	for _, name := range files {
		if runErr = exportFile(ctx, e, x, name, filter, match); runErr != nil {
			break
		}
	}
	switch cerr := x.Close(); {
	case cerr == nil, errors.Is(runErr, cerr):
		// nothing new: a failed write is reported once
	case runErr == nil:
		runErr = exitError{1, fmt.Errorf("export: %w", cerr)}
	default:
		runErr = exitError{1, fmt.Errorf("%w; then export: %v", runErr, cerr)}
	}
	if errors.Is(runErr, errStop) {
		return nil
	}
	return runErr
}

// exportFile exports one input file.
func exportFile(ctx context.Context, e *env, x *export.Exporter, name, filter string, match map[linktype.Type]func([]byte, int) bool) error {
	var r *pcapio.Reader
	var err error
	var total int64
	if name == "-" {
		r, err = pcapio.NewReader(e.stdin)
	} else {
		if err := notDirectory(name); err != nil {
			return exitError{1, err}
		}
		r, err = pcapio.OpenReadAhead(name)
		if fi, serr := os.Stat(name); serr == nil && fi.Mode().IsRegular() && !isCompressedFile(name) {
			total = fi.Size()
		}
	}
	if err != nil {
		return fileError(name, err)
	}
	defer r.Close()
	var bar *progress.Bar
	if total >= 8<<20 {
		bar = progress.New(e.stderr, "exporting "+filepath.Base(name), total)
	}
	defer bar.Done()
	if err := x.StartFile(name); err != nil {
		return usagef("export: %v", err)
	}
	var f decode.Frame
	comments, descriptions := x.Wants("frame.comment") || x.Keeps(), x.Wants("frame.interface_description") || x.Keeps()
	n := 0
	for {
		if n&1023 == 0 && ctx.Err() != nil {
			return errStop
		}
		p, err := r.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fileError(name, err)
		}
		n++
		bar.Update(r.Offset(), n)
		if match != nil {
			m, ok := match[p.LinkType]
			if !ok {
				if m, err = fileMatcher(filter, p.LinkType); err != nil {
					return usagef("export: %v", err)
				}
				match[p.LinkType] = m
			}
			if !m(p.Data, p.Length) {
				continue
			}
		}
		f.Number = n
		f.Time = p.Time
		f.Length = p.Length
		f.Interface = p.Interface
		f.InterfaceName, f.InterfaceDescription, f.Comment, f.Comments = "", "", "", nil
		if ifs := r.Interfaces(); p.Interface < len(ifs) {
			f.InterfaceName = ifs[p.Interface].Name
			if descriptions {
				f.InterfaceDescription = ifs[p.Interface].Description
			}
		}
		if comments {
			f.Comment, _ = p.Options.Comment()
			if f.Comment != "" {
				f.Comments = p.Options.Comments()
			}
		}
		if err := x.Add(&f, p.LinkType, p.Data); err != nil {
			return exitError{1, fmt.Errorf("export: %w", err)}
		}
	}
}
