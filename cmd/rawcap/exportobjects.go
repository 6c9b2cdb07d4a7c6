package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/filter/display"
	"github.com/rawcap/rawcap/internal/follow"
)

// maxObjectStreams bounds the TCP streams export-objects parses at once.
const maxObjectStreams = follow.DefaultMaxStreams

func exportObjectsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "export-objects",
		Usage:     "write the files HTTP carried to a directory, as tshark --export-objects http,DIR",
		ArgsUsage: "http DIR FILE...",
		UsageText: `rawcap export-objects http [-Y FILTER] DIR FILE...

Examples:
   rawcap export-objects http objects/ capture.pcap       # tshark -q -r capture.pcap --export-objects http,objects/
   rawcap export-objects http -Y 'http.content_type contains "image"' images/ capture.pcapng`,
		Description: `Export-objects reads each FILE once (pcap or pcapng, possibly compressed; "-"
is standard input) and writes every HTTP/1 message body to a file in DIR (made
if missing), as tshark 4.0 writes them with --export-objects http,DIR: each
body once its message is complete, with the chunked coding removed and a gzip,
deflate or br content coding undone (a body whose coding does not decode is not
written, as in tshark), request bodies and responses' alike.

A file is named after the last component of the request URI: the request's
own for a request body, and for a response the last request seen on its TCP
stream (so pipelined responses all take the last request's name, as in
tshark). Without a request, the name is objectN.TYPE: N the frame that
completed the body, TYPE its media type. Characters Windows forbids in a name
(<>:"/\|?*) and control characters are written as %xx; a name longer than 255
bytes with DIR's name is cut, keeping its extension; a name already written in
this run gets (1), (2)... before its extension. Files already in DIR with those
names are replaced.

-Y keeps the objects whose last packet matches the display filter (tshark
ignores -Y for --export-objects and writes them all).

Memory is bounded: a body is held whole up to --max-message bytes; a larger
one is written to a temporary file in DIR as it arrives and renamed when
complete (its content coding is then not undone; reported on standard
error). At most 16384 TCP streams are parsed at once (the least recently seen
is forgotten, with its message in progress).

Nothing to export is not an error: the exit status is 0, as tshark's.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "Y", Aliases: []string{"display-filter"}, Usage: "write only the objects whose last packet matches the display filter `EXPR`"},
			&cli.IntFlag{Name: "max-message", Value: follow.DefaultMaxMessage, Usage: "hold at most `N` bytes of one body in memory (a larger one streams to its file)"},
			&cli.IntFlag{Name: "max-held", Value: follow.DefaultMaxHeld, Usage: "bound the bytes a TCP side holds out of order to `N`"},
		},
		Action: func(c *cli.Context) error { return runExportObjects(c, e) },
	}
}

// objectStream is one TCP stream's HTTP parser.
type objectStream struct {
	http follow.HTTP
	used uint64
}

func runExportObjects(c *cli.Context, e *env) error {
	args := c.Args().Slice()
	if len(args) == 0 {
		return usagef("export-objects: which protocol? rawcap exports http objects: rawcap export-objects http DIR FILE...")
	}
	if args[0] != "http" {
		return usagef("export-objects: %q: rawcap exports http objects only (tshark's other object protocols are not done)", args[0])
	}
	if len(args) < 3 {
		return usagef("export-objects http: give DIR, then one or more capture FILEs")
	}
	dir, files := args[1], args[2:]
	if c.Int("max-message") < 1 || c.Int("max-held") < 1 {
		return usagef("export-objects: --max-message and --max-held want at least 1")
	}
	df, err := compileDisplay(c.String("Y"))
	if err != nil {
		return err
	}
	if len(dir) >= follow.MaxObjectName {
		return usagef("export-objects: %s: %v", dir, follow.ErrDirTooLong)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return exitError{1, fmt.Errorf("export-objects: cannot make the directory: %w (give a directory you can write to)", err)}
	}
	probe, err := os.CreateTemp(dir, ".rawcap-probe-*")
	if err != nil {
		return exitError{1, fmt.Errorf("export-objects: cannot write in %s: %w (give a directory you can write to)", dir, unwrapPath(err))}
	}
	probe.Close()
	os.Remove(probe.Name())

	objs := &follow.Objects{Dir: dir}
	defer objs.Close()
	split := 0
	for _, file := range files {
		n, err := exportObjectsFile(c, e, objs, file, df)
		split += n
		if err != nil {
			return err
		}
	}
	if err := objs.Close(); err != nil {
		return exitError{1, fmt.Errorf("export-objects: %w", err)}
	}
	if split > 0 {
		fmt.Fprintf(e.stderr, "rawcap: export-objects http: %d bodies passed %d bytes (--max-message): written as they came, content coding not undone\n", split, c.Int("max-message"))
	}
	if objs.Written == 0 {
		fmt.Fprintf(e.stderr, "rawcap: export-objects http: no HTTP objects to export\n")
		return nil
	}
	fmt.Fprintf(e.stderr, "rawcap: export-objects http: %d objects written to %s\n", objs.Written, dir)
	return nil
}

// unwrapPath drops the temporary file's name from a *fs.PathError.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// exportObjectsFile writes the objects of one capture file; it returns how many
// bodies went in pieces.
func exportObjectsFile(c *cli.Context, e *env, objs *follow.Objects, file string, df *display.Filter) (int, error) {
	r, err := openCapture(e, file)
	if err != nil {
		return 0, err
	}
	defer r.Close()
	w := &streamWalker{r: r, d: decode.NewDecoder(), filter: df}
	streams := make(map[uint32]*objectStream)
	var clock uint64
	split := 0
	var match bool
	var cur uint32
	var writeErr error
	emit := func(ch follow.Chunk, m *follow.HTTPMessage) error {
		if m.Part != follow.HTTPBody {
			return nil
		}
		key := uint64(cur)
		if m.Piece {
			if m.Last && df != nil && !match {
				objs.Drop(key)
				return nil
			}
			_, err := objs.Piece(key, m, ch.Frame, ch.Data)
			return err
		}
		if df != nil && !match {
			return nil
		}
		_, err := objs.Add(m, ch.Frame, ch.Data)
		return err
	}
	readErr := w.walk(c.Context, func(m bool) (bool, error) {
		match = m
		for k := range w.streams {
			s := &w.streams[k]
			if !s.TCP || !tapped(s) {
				continue
			}
			st := streams[s.Index]
			if st == nil {
				if len(streams) >= maxObjectStreams {
					var old uint32
					var oldUsed uint64 = ^uint64(0)
					for i, o := range streams {
						if o.used < oldUsed {
							old, oldUsed = i, o.used
						}
					}
					objs.Drop(uint64(old))
					split += streams[old].http.Split
					delete(streams, old)
				}
				st = &objectStream{}
				st.http.MaxMessage = c.Int("max-message")
				st.http.TCP.MaxHeld = c.Int("max-held")
				streams[s.Index] = st
			}
			clock++
			st.used = clock
			cur = s.Index
			if writeErr = st.http.Segment(s, isHTTP(w.d, s), w.n, w.frame.Time, emit); writeErr != nil {
				return false, writeErr
			}
		}
		return true, nil
	})
	for _, st := range streams {
		split += st.http.Split
	}
	if writeErr != nil {
		return split, exitError{1, fmt.Errorf("export-objects http %s: %w", objs.Dir, writeErr)}
	}
	if readErr != nil && c.Context.Err() != nil {
		readErr = nil
	}
	if readErr != nil {
		return split, exitError{1, fmt.Errorf("%s: %w", file, readErr)}
	}
	return split, nil
}
