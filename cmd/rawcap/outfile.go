package main

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/zstd"
	"github.com/rawcap/rawcap/pcapio"
)

// outputFormat reads the format of an output file for merge, dedupe and
// reorder: --format when given, else the name's extension (.pcap, .cap,
// .dmp, .pcapng, .ntar, .scap, each optionally followed by .gz or .zst),
// else fallback. It also returns the compression the name asks for.
func outputFormat(cmd, name, flag string, fallback pcapio.Format) (pcapio.Format, string, error) {
	compress, base := "", name
	switch {
	case strings.HasSuffix(base, ".gz"):
		compress, base = "gz", strings.TrimSuffix(base, ".gz")
	case strings.HasSuffix(base, ".zst"):
		compress, base = "zst", strings.TrimSuffix(base, ".zst")
	}
	switch flag {
	case "pcap":
		return pcapio.FormatPcap, compress, nil
	case "pcapng":
		return pcapio.FormatPcapNG, compress, nil
	case "":
	default:
		return 0, "", usagef("%s: --format %q: want pcap or pcapng", cmd, flag)
	}
	if name != "-" {
		switch strings.ToLower(filepath.Ext(base)) {
		case ".pcap", ".cap", ".dmp":
			return pcapio.FormatPcap, compress, nil
		case ".pcapng", ".ntar", ".scap":
			return pcapio.FormatPcapNG, compress, nil
		}
	}
	if fallback == 0 {
		return 0, "", usagef("%s: cannot tell the output format from %q: name it .pcap or .pcapng (optionally .gz or .zst), or use --format", cmd, name)
	}
	return fallback, compress, nil
}

// capOutput is an output capture file: the file (or standard output) and
// an optional compressor. A capture writer writes to Sink.
//
// For an uncompressed file, the bytes of the writes that went through
// whole are counted; the capture writers hand over whole records in each
// write, so when a write fails (a full disk) Close cuts the file back to
// the last whole record and the file stays valid.
type capOutput struct {
	Name string
	Sink io.Writer
	file *os.File
	comp io.WriteCloser
	rec  *recordSink
	// async writes an uncompressed file's buffers beside the work that
	// fills them
	async *asyncWriter
	// released waits for the release of the file Name held before, when
	// it was replaced rather than truncated (replaceOutput)
	released func()
}

// recordSink counts the bytes of the writes that went through whole.
type recordSink struct {
	f      *os.File
	good   int64
	failed bool
}

func (s *recordSink) Write(p []byte) (int, error) {
	n, err := s.f.Write(p)
	if err != nil {
		s.failed = true
		return n, err
	}
	s.good += int64(n)
	return n, nil
}

// createOutput creates name ("-" is stdout) with the given compression
// ("", "gz" or "zst").
func createOutput(name, compress string, stdout io.Writer) (*capOutput, error) {
	o := &capOutput{Name: name, Sink: stdout}
	if name != "-" {
		f, done := replaceOutput(name)
		o.released = done
		if f == nil {
			var err error
			if f, err = os.Create(name); err != nil {
				if done != nil {
					done()
				}
				return nil, exitError{1, err}
			}
		}
		o.file = f
		if compress == "" {
			o.rec = &recordSink{f: f}
			o.async = newAsyncWriter(o.rec)
			o.Sink = o.async
		} else {
			o.Sink = f
		}
	}
	switch compress {
	case "gz":
		o.comp = gzip.NewWriter(o.Sink)
	case "zst":
		zw, err := zstd.NewWriter(o.Sink)
		if err != nil {
			o.Close()
			return nil, exitError{1, err}
		}
		o.comp = zw
	}
	if o.comp != nil {
		o.Sink = o.comp
	}
	return o, nil
}

// Close finishes the compressor and closes the file; after a failed write
// it cuts an uncompressed file back to its last whole record, or removes
// it when not even its header was written. It returns the first error.
func (o *capOutput) Close() error {
	var err error
	if o.comp != nil {
		err = o.comp.Close()
	}
	if o.async != nil {
		err = o.async.Close()
	}
	if o.file != nil {
		if o.rec != nil && o.rec.failed {
			o.file.Truncate(o.rec.good) // best effort: not possible on a device such as /dev/full
		}
		err = errors.Join(err, o.file.Close())
		if o.rec != nil && o.rec.failed && o.rec.good == 0 {
			if fi, serr := os.Stat(o.Name); serr == nil && fi.Mode().IsRegular() {
				os.Remove(o.Name) // not even its header could be written
			}
		}
	}
	if o.released != nil {
		o.released()
	}
	return err
}

// writeErr wraps a failed write of output name for the user.
func writeErr(name string, err error) error {
	return exitError{1, fmt.Errorf("writing %s: %w", outName(name), err)}
}
