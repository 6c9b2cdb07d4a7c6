package stats

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/rawcap/rawcap/decode"
)

// DefaultMaxRows is the default bound of the I/O table: 16 bytes per
// interval and column, 16 MB per column at most.
const DefaultMaxRows = 1 << 20

// Interval is the length of the I/O table's intervals, in microseconds as
// tshark counts them, with the number of decimals its times are shown
// with. The zero Interval stands for the whole capture.
type Interval struct {
	Micros uint64
	Prec   int
}

// ErrInterval is returned by ParseInterval for an interval it cannot read
// or one shorter than a microsecond.
var ErrInterval = errors.New(`an interval is seconds ("1", "0.5") or a duration ("100ms", "1m"), at least 1µs, or 0 for the whole capture`)

// ParseInterval reads an interval as tshark's -z io,stat,INTERVAL takes it
// (seconds, "0.5"), or as a Go duration ("100ms", "1m"). The decimals shown
// are those the interval needs (0.25: two), or as many as written after
// the point when it needs none ("1.0": one), as tshark shows them.
func ParseInterval(s string) (Interval, error) {
	var us float64
	written := -1 // decimals written, for plain numbers
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		us = f * 1e6
		if i := strings.IndexByte(s, '.'); i >= 0 {
			written = len(s) - i - 1
		}
	} else {
		d, err := time.ParseDuration(s)
		if err != nil {
			return Interval{}, ErrInterval
		}
		us = float64(d) / 1e3
	}
	if us == 0 {
		return Interval{}, nil
	}
	if !(us > 0) || us > math.MaxInt64/2 {
		return Interval{}, ErrInterval
	}
	iv := Interval{Micros: uint64(us + 0.5)}
	if iv.Micros < 1 {
		return Interval{}, ErrInterval
	}
	iv.Prec = 6
	for i := uint64(10); i < 10_000_000; i *= 10 {
		if iv.Micros%i > 0 {
			break
		}
		iv.Prec--
	}
	if iv.Prec == 0 && written > 0 {
		iv.Prec = min(written, 6)
	}
	return iv, nil
}

// Cell is what one column of the I/O table counts in one interval.
type Cell struct {
	Frames uint64 `json:"frames"`
	Bytes  uint64 `json:"bytes"`
}

// IO is the I/O table (tshark's -z io,stat): for each interval of the
// capture and each column, the packets the column's filter matches and
// their bytes. Make it with NewIO.
type IO struct {
	Interval Interval
	Columns  []Filter
	// MaxRows bounds the intervals held; packets beyond it are counted in
	// Overflow.
	MaxRows  int
	Overflow Overflow

	clock   clock
	elapsed int64 // the latest relative time of any packet, ns
	lastRel uint64
	cols    []ioColumn
}

type ioColumn struct {
	cells     []Cell
	maxFrames uint64
	maxBytes  uint64
}

// NewIO returns an empty I/O table of intervals iv with one column per
// filter (one column of every packet when there are none).
func NewIO(iv Interval, columns ...Filter) *IO {
	if len(columns) == 0 {
		columns = []Filter{{}}
	}
	return &IO{Interval: iv, Columns: columns, MaxRows: DefaultMaxRows, cols: make([]ioColumn, len(columns))}
}

// interval returns the interval length in µs (the whole capture: the
// largest).
func (t *IO) interval() uint64 {
	if t.Interval.Micros == 0 {
		return math.MaxUint64
	}
	return t.Interval.Micros
}

// Add counts the packet d last decoded, described by f.
func (t *IO) Add(d *decode.Decoder, f *decode.Frame) {
	rel := t.clock.rel(f)
	if rel > t.elapsed {
		t.elapsed = rel
	}
	n := uint64(f.Length)
	for j := range t.Columns {
		if !t.Columns[j].matches(d, f) {
			continue
		}
		// A packet before the first counts at the time of the one before
		// it; one before the latest interval counts in that interval.
		us := t.lastRel
		if rel >= 0 {
			us = uint64(rel/1e9)*1e6 + uint64(rel%1e9+500)/1000
			t.lastRel = us
		}
		c := &t.cols[j]
		k := us / t.interval()
		if len(c.cells) > 0 && k < uint64(len(c.cells)-1) {
			k = uint64(len(c.cells) - 1)
		}
		if k >= uint64(t.MaxRows) {
			t.Overflow.Frames++
			t.Overflow.Bytes += n
			continue
		}
		for uint64(len(c.cells)) <= k {
			c.cells = append(c.cells, Cell{})
		}
		cell := &c.cells[k]
		cell.Frames++
		cell.Bytes += n
		c.maxFrames = max(c.maxFrames, cell.Frames)
		c.maxBytes = max(c.maxBytes, cell.Bytes)
	}
}

// Duration returns the capture's duration as tshark counts it: the latest
// packet's time since the first, in nanoseconds.
func (t *IO) Duration() int64 { return t.elapsed }

// Row is one interval of the I/O table: its start and end in microseconds
// since the first packet, and a cell per column.
type Row struct {
	Start, End uint64
	Cells      []Cell
}

// Rows returns the table's intervals as tshark shows them: from the first
// packet to the capture's duration, the last one cut at the duration
// (rounded to the decimals shown). An interval longer than the capture
// becomes the capture.
func (t *IO) Rows() []Row {
	l := t.layout()
	var rows []Row
	for s := uint64(0); s < l.duration; s += l.interval {
		end := s + l.interval
		if end >= l.duration || end < s {
			end = l.duration
		}
		r := Row{Start: s, End: end, Cells: make([]Cell, len(t.cols))}
		k := s / l.interval
		for j := range t.cols {
			if k < uint64(len(t.cols[j].cells)) {
				r.Cells[j] = t.cols[j].cells[k]
			}
		}
		rows = append(rows, r)
		if end == l.duration {
			break
		}
	}
	return rows
}
