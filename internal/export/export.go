package export

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go/compress"
	"github.com/parquet-go/parquet-go/compress/gzip"
	"github.com/parquet-go/parquet-go/compress/snappy"
	"github.com/parquet-go/parquet-go/compress/uncompressed"
	"github.com/parquet-go/parquet-go/compress/zstd"

	"github.com/rawcap/rawcap/decode"
	"github.com/rawcap/rawcap/linktype"
)

// Options say what an Exporter writes and where.
type Options struct {
	// Dir is the output directory; the tables go to Dir/packets and
	// Dir/flows.
	Dir string
	// Packets and Flows choose the tables.
	Packets, Flows bool
	// Fields names the packets table's columns (nil: DefaultFields; the
	// name "default" stands for them).
	Fields []string
	// Raw adds the captured bytes (rawcap.raw).
	Raw bool
	// Compression is zstd (the default), snappy, gzip or none.
	Compression string
	// RowGroup is the number of rows of a row group (default
	// DefaultRowGroup).
	RowGroup int
	// MaxFileSize starts a new file once a file has passed this many bytes
	// (checked at row group ends; default DefaultMaxFileSize).
	MaxFileSize int64
	// Partition splits the tables into directories by time.
	Partition Partition
	// Version is rawcap's version, written as the files' created_by.
	Version string
	// DecodeAs are --decode-as rules for the decoder.
	DecodeAs []string
	// Interval, when set, finishes every open file when a packet's time
	// enters a new interval (times truncated to it since 1970), so that
	// a live capture hands over its files as it goes (rawcap -i IFACE
	// --export DIR -G SECONDS).
	Interval time.Duration
	// Keep, when set, decides after decoding whether a packet is
	// exported (rawcap export -Y: a display filter). It sees every packet
	// Add is given, in order.
	Keep func(d *decode.Decoder, f *decode.Frame) bool
}

// The defaults of Options.
const (
	DefaultRowGroup    = 256 << 10   // rows
	DefaultMaxFileSize = 512_000_000 // bytes
)

// Exporter writes packets into Parquet tables. Call StartFile before the
// packets of each input file, Add for each packet, and Close at the end.
type Exporter struct {
	o        Options
	interval int64 // the current Interval's number
	started  bool  // a packet has been added
	d        *decode.Decoder
	packets  *packetTable
	flows    *flowTable
	sinks    []*sink
	closed   bool
}

// New returns an Exporter writing as o says. It checks the field names and
// options; nothing is written until the first packet.
func New(o Options) (*Exporter, error) {
	if o.Dir == "" {
		return nil, errors.New("no output directory")
	}
	if !o.Packets && !o.Flows {
		return nil, errors.New("no table to write")
	}
	if o.Compression == "" {
		o.Compression = "zstd"
	}
	if codec(o.Compression) == nil {
		return nil, fmt.Errorf("%w %q: want zstd, snappy, gzip or none", ErrCompression, o.Compression)
	}
	if o.RowGroup <= 0 {
		o.RowGroup = DefaultRowGroup
	}
	if o.MaxFileSize <= 0 {
		o.MaxFileSize = DefaultMaxFileSize
	}
	x := &Exporter{o: o, d: decode.NewDecoder()}
	for _, r := range o.DecodeAs {
		if err := x.d.Ports.SetDecodeAs(r); err != nil {
			return nil, err
		}
	}
	if o.Packets {
		cols, err := packetColumns(o.Fields, o.Raw)
		if err != nil {
			return nil, err
		}
		var names []string
		for i := range cols {
			names = append(names, cols[i].name)
		}
		x.packets = newPacketTable(cols, &x.o)
		x.packets.sink = newSink("packets", cols, &x.o, [][2]string{{"rawcap.fields", strings.Join(names, ",")}})
		x.sinks = append(x.sinks, x.packets.sink)
	}
	if o.Flows {
		x.flows = newFlowTable(&x.o)
		x.sinks = append(x.sinks, x.flows.sink)
	}
	return x, nil
}

// StartFile begins the packets of the named input file ("-" for standard
// input): its name fills rawcap.file, and per-file state (frame times,
// relative sequence numbers) starts again. Conversations go on across
// files, as they do across the files of a rotated capture.
func (x *Exporter) StartFile(name string) error {
	if x.flows != nil {
		x.flows.startFile(name)
	}
	if x.packets != nil {
		return x.packets.startFile(name)
	}
	return nil
}

// Keeps reports whether a Keep predicate (a display filter) decides which
// packets are exported: it may read any frame field, so the caller fills
// them all.
func (x *Exporter) Keeps() bool { return x.o.Keep != nil }

// Wants reports whether the packets table has the named column, so that
// the caller fills what Frame only carries on demand (Comment,
// InterfaceDescription).
func (x *Exporter) Wants(name string) bool {
	if x.packets == nil {
		return false
	}
	for i := range x.packets.cols {
		if x.packets.cols[i].name == name {
			return true
		}
	}
	return false
}

// Add exports one packet: f describes it (its number in its file, time,
// length on the wire, interface), data holds the bytes captured, of link
// type lt. An error is a failed write; it stays, and Close returns it too.
func (x *Exporter) Add(f *decode.Frame, lt linktype.Type, data []byte) error {
	if x.o.Interval > 0 {
		if err := x.rotate(f.Time); err != nil {
			return err
		}
	}
	x.d.Decode(data, lt)
	if x.o.Keep != nil && !x.o.Keep(x.d, f) {
		return nil
	}
	if x.packets != nil {
		if err := x.packets.add(x.d, f, lt, data); err != nil {
			return err
		}
	}
	if x.flows != nil {
		if err := x.flows.add(x.d, f); err != nil {
			return err
		}
	}
	return nil
}

// rotate finishes every open file when t enters a new Interval.
func (x *Exporter) rotate(t time.Time) error {
	iv := floorDiv(t.UnixNano(), int64(x.o.Interval))
	if x.started && iv == x.interval {
		return nil
	}
	first := !x.started
	x.interval, x.started = iv, true
	if first {
		return nil
	}
	if x.packets != nil {
		x.packets.flush()
	}
	if x.flows != nil {
		x.flows.flush()
	}
	for _, s := range x.sinks {
		if err := s.rotate(); err != nil {
			return err
		}
	}
	return nil
}

// Close writes what is buffered, the flows still open, and every file's
// footer, and returns the first error. The files written so far stay valid
// whatever happened before.
func (x *Exporter) Close() error {
	if x.closed {
		return nil
	}
	x.closed = true
	var err error
	if x.packets != nil {
		x.packets.flush()
	}
	if x.flows != nil {
		err = x.flows.close()
	}
	for _, s := range x.sinks {
		if serr := s.close(); err == nil {
			err = serr
		}
	}
	return err
}

// Files returns the files written, finished ones only, packets first.
func (x *Exporter) Files() []string {
	var out []string
	for _, s := range x.sinks {
		s.mu.Lock()
		out = append(out, s.files...)
		s.mu.Unlock()
	}
	return slices.Clip(out)
}

// codec returns the Parquet compression codec named, or nil.
func codec(name string) compress.Codec {
	switch name {
	case "zstd":
		return &zstd.Codec{Level: zstd.SpeedFastest}
	case "snappy":
		return &snappy.Codec{}
	case "gzip":
		return &gzip.Codec{Level: gzip.DefaultCompression}
	case "none":
		return &uncompressed.Codec{}
	}
	return nil
}
