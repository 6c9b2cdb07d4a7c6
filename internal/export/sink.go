package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parquet-go/parquet-go"
)

// Partition says how a table is split into directories by time.
type Partition uint8

// The partitionings.
const (
	PartitionNone Partition = iota // one directory per table
	PartitionDate                  // date=YYYY-MM-DD/
	PartitionHour                  // date=YYYY-MM-DD/hour=HH/
)

// batchRows is how many rows the decoding goroutine hands the encoding one
// at a time: few enough that a batch (some 24 bytes a value) stays in the
// caches between the goroutine that fills it and the one that writes it;
// 4096 rows of the default profile spilt them and cost a tenth of the
// export's CPU time.
const batchRows = 256

// maxOpen is how many partitions a table keeps a file open for at once;
// past it the least recently used one is finished, and a packet for it
// later starts a new part file. Captures come in time order, so one or two
// are open.
const maxOpen = 8

// batch is rows bound for one partition: each column's values with the
// rows they belong to, and the bytes their strings point to. A row without
// a value in a column has none there: the writing goroutine fills in its
// null and makes the Parquet values, so the goroutine that decodes stores
// only what packets hold (a few of the default profile's fifty columns),
// in 16 bytes a value rather than 24.
type batch struct {
	part   int64 // partition key: the hour or day since 1970; 0 unpartitioned
	rows   int
	rotate bool // no rows: finish every open file (Options.Interval)
	cells  [][]cell
	arena  []byte
}

// cell is one value of a batch, as its column's type reads it: the
// integer, the float's bits or the boolean; for a byte array its offset in
// the arena (low 32 bits) and length (high 32).
type cell struct {
	u   uint64
	row int32
	rep bool // a list's second or later element
}

func newBatch(cols int) *batch {
	b := &batch{cells: make([][]cell, cols)}
	for i := range b.cells {
		b.cells[i] = make([]cell, 0, batchRows)
	}
	return b
}

func (b *batch) reset() {
	b.rows, b.rotate = 0, false
	for i := range b.cells {
		b.cells[i] = b.cells[i][:0]
	}
	b.arena = b.arena[:0]
}

// put adds the value u to column col of the row being filled.
func (b *batch) put(col int, u uint64, rep bool) {
	b.cells[col] = append(b.cells[col], cell{u: u, row: int32(b.rows), rep: rep})
}

// putBytes adds a copy of p to column col of the row being filled.
func (b *batch) putBytes(col int, p []byte, rep bool) {
	off := len(b.arena)
	b.arena = append(b.arena, p...)
	b.putSpan(col, off, rep)
}

// putSpan adds the bytes appended to the arena from off on.
func (b *batch) putSpan(col, off int, rep bool) {
	b.put(col, uint64(len(b.arena)-off)<<32|uint64(off), rep)
}

// sink writes one table's batches into Parquet files on a goroutine of its
// own, so that encoding and compression overlap decoding.
type sink struct {
	table  string // "packets" or "flows"
	dir    string // DIR/table
	cols   []column
	schema *parquet.Schema
	o      *Options
	meta   [][2]string

	work chan *batch
	free chan *batch
	done chan struct{}

	mu    sync.Mutex
	err   error    // the first error of the writing goroutine
	files []string // the files finished, in order

	// Owned by the writing goroutine.
	open    []*partFile // most recently used last
	parts   map[string]int
	rowVals []parquet.Value   // one column's values of the rows being written, nulls filled in
	nulls   [][]parquet.Value // per column: batchRows of its null, made when first needed
}

// partFile is one Parquet file being written.
type partFile struct {
	key        int64
	tmp, final string
	f          *os.File
	bw         *bufio.Writer
	n          int64 // bytes written
	w          *parquet.GenericWriter[any]
	rows       int // rows in the row group being filled
}

func (p *partFile) Write(b []byte) (int, error) {
	n, err := p.bw.Write(b)
	p.n += int64(n)
	return n, err
}

func newSink(table string, cols []column, o *Options, meta [][2]string) *sink {
	s := &sink{
		table:  table,
		dir:    filepath.Join(o.Dir, table),
		cols:   cols,
		schema: schemaOf(table, cols),
		o:      o,
		meta:   meta,
		work:   make(chan *batch, 2),
		free:   make(chan *batch, 4),
		done:   make(chan struct{}),
		parts:  map[string]int{},
		nulls:  make([][]parquet.Value, len(cols)),
	}
	for range cap(s.free) {
		s.free <- newBatch(len(cols))
	}
	go s.run()
	return s
}

// get returns an empty batch for partition key, waiting for one to be
// free, or the writing goroutine's error.
func (s *sink) get(key int64) (*batch, error) {
	if err := s.failed(); err != nil {
		return nil, err
	}
	b := <-s.free
	b.part = key
	return b, nil
}

// rotate has the writing goroutine finish every open file after the
// batches sent before.
func (s *sink) rotate() error {
	b, err := s.get(0)
	if err != nil {
		return err
	}
	b.rotate = true
	s.send(b)
	return nil
}

// send hands a filled batch to the writing goroutine.
func (s *sink) send(b *batch) { s.work <- b }

func (s *sink) failed() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

func (s *sink) fail(err error) {
	s.mu.Lock()
	if s.err == nil {
		s.err = err
	}
	s.mu.Unlock()
}

// close finishes every file and returns the first error.
func (s *sink) close() error {
	close(s.work)
	<-s.done
	return s.failed()
}

func (s *sink) run() {
	defer close(s.done)
	for b := range s.work {
		if s.failed() == nil {
			if err := s.write(b); err != nil {
				s.fail(err)
			}
		}
		b.reset()
		s.free <- b
	}
	for len(s.open) > 0 {
		if err := s.finish(s.open[0]); err != nil {
			s.fail(err)
		}
	}
}

// write adds a batch's rows to its partition's file, ending a row group
// (and, past the size limit, the file) every RowGroup rows.
func (s *sink) write(b *batch) error {
	if b.rotate {
		for len(s.open) > 0 {
			if err := s.finish(s.open[0]); err != nil {
				return err
			}
		}
		return nil
	}
	start := make([]int, len(b.cells)) // per column: the first value not written
	for done := 0; done < b.rows; {
		p, err := s.fileFor(b.part)
		if err != nil {
			return err
		}
		n := min(b.rows-done, s.o.RowGroup-p.rows)
		cws := p.w.ColumnWriters()
		for i := range b.cells {
			vals := s.columnRows(b, i, &start[i], done, done+n)
			if _, err := cws[i].WriteRowValues(vals); err != nil {
				return s.writeError(p, err)
			}
		}
		done += n
		if p.rows += n; p.rows < s.o.RowGroup {
			continue
		}
		if err := p.w.Flush(); err != nil {
			return s.writeError(p, err)
		}
		p.rows = 0
		if p.n >= s.o.MaxFileSize {
			if err := s.finish(p); err != nil {
				return err
			}
		}
	}
	return nil
}

// columnRows returns column col's values of rows [from, to) of b, with a
// null for each row that has none, taking them from the column's value
// *next on and leaving *next past the last one taken.
func (s *sink) columnRows(b *batch, col int, next *int, from, to int) []parquet.Value {
	c := &s.cols[col]
	cells := b.cells[col]
	nulls := s.nulls[col]
	if nulls == nil {
		nulls = make([]parquet.Value, batchRows)
		for i := range nulls {
			nulls[i] = parquet.NullValue().Level(0, 0, col)
		}
		s.nulls[col] = nulls
	}
	def := c.maxDef()
	out := s.rowVals[:0]
	k, r := *next, int32(from)
	for ; k < len(cells) && cells[k].row < int32(to); k++ {
		x := &cells[k]
		if x.row > r {
			out = append(out, nulls[:x.row-r]...)
		}
		r = x.row + 1
		var v parquet.Value
		switch c.typ {
		case typeInt32:
			v = parquet.Int32Value(int32(x.u))
		case typeInt64, typeTimestamp:
			v = parquet.Int64Value(int64(x.u))
		case typeBool:
			v = parquet.BooleanValue(x.u != 0)
		case typeDouble:
			v = parquet.DoubleValue(math.Float64frombits(x.u))
		default:
			off, n := uint32(x.u), uint32(x.u>>32)
			v = parquet.ByteArrayValue(b.arena[off : off+n : off+n])
		}
		rep := 0
		if x.rep {
			rep = 1
		}
		out = append(out, v)
		e := &out[len(out)-1]
		e.SetRepetitionLevel(rep)
		e.SetDefinitionLevel(def)
		e.SetColumnIndex(col)
	}
	if r < int32(to) {
		out = append(out, nulls[:int32(to)-r]...)
	}
	*next = k
	s.rowVals = out
	return out
}

func (s *sink) writeError(p *partFile, err error) error {
	return fmt.Errorf("writing %s: %w", p.tmp, err)
}

// fileFor returns the open file of partition key, opening one (and
// finishing the least recently used when too many are open).
func (s *sink) fileFor(key int64) (*partFile, error) {
	if n := len(s.open); n > 0 && s.open[n-1].key == key {
		return s.open[n-1], nil
	}
	for i, p := range s.open {
		if p.key == key {
			s.open = append(append(s.open[:i:i], s.open[i+1:]...), p)
			return p, nil
		}
	}
	if len(s.open) >= maxOpen {
		if err := s.finish(s.open[0]); err != nil {
			return nil, err
		}
	}
	dir := filepath.Join(s.dir, partitionPath(s.o.Partition, key))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	n, err := s.nextPart(dir)
	if err != nil {
		return nil, err
	}
	name := fmt.Sprintf("part-%05d.parquet", n)
	p := &partFile{key: key, final: filepath.Join(dir, name), tmp: filepath.Join(dir, "."+name+".inprogress")}
	if p.f, err = os.OpenFile(p.tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644); err != nil {
		return nil, err
	}
	p.bw = bufio.NewWriterSize(p.f, 1<<20)
	opts := []parquet.WriterOption{
		s.schema,
		parquet.Compression(codec(s.o.Compression)),
		parquet.CreatedBy("rawcap", s.o.Version, ""),
		parquet.PageBufferSize(256 << 10),
		parquet.DataPageStatistics(true),
		parquet.KeyValueMetadata("rawcap.table", s.table),
		parquet.KeyValueMetadata("rawcap.schema_version", SchemaVersion),
	}
	for _, kv := range s.meta {
		opts = append(opts, parquet.KeyValueMetadata(kv[0], kv[1]))
	}
	p.w = parquet.NewGenericWriter[any](p, opts...)
	s.open = append(s.open, p)
	return p, nil
}

// nextPart returns the number of the next part file in dir: one past the
// highest there, so that a second export into the same directory adds
// files rather than overwriting.
func (s *sink) nextPart(dir string) (int, error) {
	if n, ok := s.parts[dir]; ok {
		s.parts[dir] = n + 1
		return n, nil
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range ents {
		name := strings.TrimPrefix(e.Name(), ".")
		num, ok := strings.CutPrefix(name, "part-")
		if !ok {
			continue
		}
		num, _, _ = strings.Cut(num, ".")
		if k, err := strconv.Atoi(num); err == nil && k >= n {
			n = k + 1
		}
	}
	s.parts[dir] = n + 1
	return n, nil
}

// finish writes p's footer, closes it and gives it its final name.
func (s *sink) finish(p *partFile) error {
	s.open = slices.DeleteFunc(s.open, func(q *partFile) bool { return q == p })
	err := p.w.Close()
	if ferr := p.bw.Flush(); err == nil {
		err = ferr
	}
	if cerr := p.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(p.tmp)
		return s.writeError(p, err)
	}
	if err := os.Rename(p.tmp, p.final); err != nil {
		return err
	}
	s.mu.Lock()
	s.files = append(s.files, p.final)
	s.mu.Unlock()
	return nil
}

// partitionKey returns the partition of a row at t.
func partitionKey(p Partition, t time.Time) int64 {
	sec := t.Unix()
	if t.IsZero() {
		sec = 0
	}
	switch p {
	case PartitionDate:
		return floorDiv(sec, 86400)
	case PartitionHour:
		return floorDiv(sec, 3600)
	}
	return 0
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// partitionPath returns the Hive-style directory of partition key.
func partitionPath(p Partition, key int64) string {
	switch p {
	case PartitionDate:
		return "date=" + time.Unix(key*86400, 0).UTC().Format("2006-01-02")
	case PartitionHour:
		t := time.Unix(key*3600, 0).UTC()
		return filepath.Join("date="+t.Format("2006-01-02"), "hour="+t.Format("15"))
	}
	return ""
}

// ErrCompression is returned for a compression rawcap does not write.
var ErrCompression = errors.New("unknown compression")

var _ io.Writer = (*partFile)(nil)
