package stats

import (
	"io"
	"math"
	"strconv"
	"strings"
)

// ioLayout is how tshark 4.0 lays the I/O table out: the duration and the
// interval as it shows them (µs, the duration rounded to the decimals
// shown), the decimals, the magnitudes of the duration's seconds, and the
// widths of the table.
type ioLayout struct {
	duration  uint64 // µs, rounded to prec decimals
	rawDur    uint64 // µs, before that rounding
	interval  uint64 // µs
	prec      int
	dm0       int // digits of the duration's seconds before rounding
	dm        int // after rounding
	dv        uint64
	border    int
	invlColW  int
	tabrowW   int
	colFr     []int
	colVal    []int
	wholeFile bool // the interval is the capture
}

// magnitude returns the number of decimal digits of v, at most maxW.
func magnitude(v uint64, maxW int) int {
	m := 0
	for i := 0; i < maxW; i++ {
		m++
		if v /= 10; v == 0 {
			break
		}
	}
	return m
}

func (t *IO) layout() ioLayout {
	var l ioLayout
	el := t.elapsed
	if el < 0 {
		el = 0
	}
	l.rawDur = uint64(el/1e9)*1e6 + uint64(el%1e9+500)/1000
	l.duration = l.rawDur
	iv := t.interval()
	if iv > l.duration || iv == math.MaxUint64 {
		l.interval = l.duration
		l.wholeFile = true
	} else {
		l.interval = iv
	}
	l.dm0 = magnitude(l.duration/1e6, 5)
	l.dm = l.dm0
	invlMag := magnitude(l.interval/1e6, 5)
	// An interval as long as the capture takes the decimals of the whole
	// capture's, however it was asked for.
	if l.interval == l.duration {
		switch {
		case l.dm >= 2:
			l.prec = 1
		case l.dm == 1:
			l.prec = 3
		default:
			l.prec = 6
		}
		l.border = 30 + l.dm + decimalsWidth(l.prec)
	} else {
		l.prec = t.Interval.Prec
		l.border = 25 + max(invlMag, l.dm) + decimalsWidth(l.prec)
	}
	l.dv = 1_000_000
	for i := 0; i < l.prec; i++ {
		l.dv /= 10
	}
	if l.duration%l.dv > 5*(l.dv/10) {
		l.duration += 5 * (l.dv / 10)
		l.duration = l.duration / l.dv * l.dv
		l.dm = magnitude(l.duration/1e6, 5)
	}
	if l.wholeFile {
		l.interval = l.duration
	}
	if l.prec == 0 {
		l.invlColW = 2*l.dm + 8
	} else {
		l.invlColW = 2*l.dm + 2*l.prec + 10
	}
	l.invlColW = max(l.invlColW, 12)
	l.tabrowW = l.invlColW
	for j := range t.cols {
		fr := max(6, magnitude(t.cols[j].maxFrames, 15))
		val := max(5, magnitude(t.cols[j].maxBytes, 15))
		l.colFr = append(l.colFr, fr)
		l.colVal = append(l.colVal, val)
		l.tabrowW += fr + 3 + val + 3
	}
	l.border = max(l.border, l.tabrowW)
	maxFilter := 0
	for _, c := range t.Columns {
		if c.Text != "" {
			maxFilter = max(maxFilter, len(c.Text)+11)
		} else {
			maxFilter = max(maxFilter, 26)
		}
	}
	if maxFilter > l.border && l.border < 102 {
		l.border = min(maxFilter, 102)
	}
	if l.border-l.tabrowW == 1 {
		l.border++
	}
	return l
}

func decimalsWidth(prec int) int {
	if prec == 0 {
		return 0
	}
	return prec + 1
}

// appendSpaces appends n spaces (none when n is not positive).
func appendSpaces(b []byte, n int) []byte {
	for ; n > 0; n-- {
		b = append(b, ' ')
	}
	return b
}

// appendTimeValue appends µs us as the table shows a time: the seconds
// right-aligned in width digits, then prec decimals (truncated to them).
func appendTimeValue(b []byte, us uint64, width, prec int, dv uint64) []byte {
	b = appendUint(b, us/1e6, width)
	if prec > 0 {
		b = append(b, '.')
		var tmp [20]byte
		frac := strconv.AppendUint(tmp[:0], us%1e6/dv, 10)
		for i := len(frac); i < prec; i++ {
			b = append(b, '0')
		}
		b = append(b, frac...)
	}
	return b
}

// WriteText writes the table as tshark 4.0 prints -z io,stat,INTERVAL
// (relative times).
func (t *IO) WriteText(w io.Writer) error {
	l := t.layout()
	b := make([]byte, 0, 4096)
	b = append(b, '\n')
	b = append(b, strings.Repeat("=", l.border)...)
	b = append(b, "\n| IO Statistics"...)
	b = appendSpaces(b, l.border-16)
	b = append(b, "|\n|"...)
	b = appendSpaces(b, l.border-2)
	b = append(b, "|\n"...)

	// The duration and the interval, with tshark's quirks: without
	// decimals the duration shows its microseconds space-padded, and the
	// padding counts the digits after rounding.
	if l.prec == 0 {
		b = append(b, "| Duration: "...)
		b = appendUint(b, l.rawDur/1e6, l.dm0)
		b = append(b, '.')
		b = appendUint(b, l.rawDur%1e6, 6)
		b = append(b, " secs"...)
		b = appendSpaces(b, l.border-25-l.dm)
		b = append(b, "|\n| Interval: "...)
		b = appendUint(b, l.interval/1e6, l.dm0)
		b = append(b, " secs"...)
		b = appendSpaces(b, l.border-18-l.dm)
		b = append(b, "|\n"...)
	} else {
		b = append(b, "| Duration: "...)
		b = appendTimeValue(b, l.duration, l.dm0, l.prec, l.dv)
		b = append(b, " secs"...)
		b = appendSpaces(b, l.border-19-l.dm-l.prec)
		b = append(b, "|\n| Interval: "...)
		b = appendTimeValue(b, l.interval, l.dm0, l.prec, l.dv)
		b = append(b, " secs"...)
		b = appendSpaces(b, l.border-19-l.dm-l.prec)
		b = append(b, "|\n"...)
	}
	b = append(b, '|')
	b = appendSpaces(b, l.border-2)
	b = append(b, "|\n"...)
	b = t.appendFilters(b, l.border)
	b = append(b, "|-"...)
	b = append(b, strings.Repeat("-", l.border-3)...)
	b = append(b, "|\n"...)

	// The column headers.
	filler := l.border - l.tabrowW
	b = append(b, '|')
	b = appendSpaces(b, l.invlColW-2)
	b = append(b, '|')
	for j := range t.cols {
		num := strconv.Itoa(j + 1)
		b = append(b, num...)
		b = appendSpaces(b, 2-len(num)+l.colFr[j]+l.colVal[j]+3)
		b = append(b, '|')
	}
	if filler > 0 {
		b = appendSpaces(b, filler-1)
		b = append(b, '|')
	}
	b = append(b, "\n| Interval"...)
	b = appendSpaces(b, l.invlColW-11)
	b = append(b, '|')
	for j := range t.cols {
		b = appendCentered(b, "Frames", l.colFr[j])
		b = appendCentered(b, "Bytes", l.colVal[j])
	}
	if filler > 0 {
		b = appendSpaces(b, filler-1)
		b = append(b, '|')
	}
	b = append(b, "\n|-"...)
	b = append(b, strings.Repeat("-", l.tabrowW-3)...)
	b = append(b, '|')
	if filler > 0 {
		b = appendSpaces(b, filler-1)
		b = append(b, '|')
	}
	b = append(b, '\n')

	// The rows.
	for _, r := range t.Rows() {
		last := r.End == l.duration
		switch {
		case l.prec == 0 && last:
			b = append(b, "| "...)
			if l.dm == 1 {
				b = append(b, ' ')
			}
			b = appendUint(b, r.Start/1e6, l.dm0)
			b = append(b, " <> "...)
			width := 3
			if l.dm >= 3 {
				width = l.dm + 1
			}
			b = appendPadded(b, []byte("Dur"), width)
			b = append(b, '|')
		case l.prec == 0:
			if l.dm == 1 {
				b = append(b, "|  "...)
			} else {
				b = append(b, "| "...)
			}
			b = appendUint(b, r.Start/1e6, l.dm0)
			b = append(b, " <> "...)
			b = appendUint(b, r.End/1e6, l.dm0)
			if l.dm == 1 {
				b = append(b, "  |"...)
			} else {
				b = append(b, " |"...)
			}
		default:
			b = append(b, "| "...)
			b = appendTimeValue(b, r.Start, l.dm0, l.prec, l.dv)
			b = append(b, " <> "...)
			b = appendTimeValue(b, r.End, l.dm0, l.prec, l.dv)
			b = append(b, " |"...)
		}
		for j, c := range r.Cells {
			b = append(b, ' ')
			b = appendUint(b, c.Frames, l.colFr[j])
			b = append(b, " | "...)
			b = appendUint(b, c.Bytes, l.colVal[j])
			b = append(b, " |"...)
		}
		if filler > 0 {
			b = appendSpaces(b, filler-1)
			b = append(b, '|')
		}
		b = append(b, '\n')
		if len(b) > 32<<10 {
			if _, err := w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	b = append(b, strings.Repeat("=", l.border)...)
	b = append(b, '\n')
	_, err := w.Write(b)
	return err
}

// appendCentered appends label centred in a column of width lenval with
// its border, as tshark's printcenter does (and nothing when the column is
// too wide for its arithmetic).
func appendCentered(b []byte, label string, lenval int) []byte {
	const numpad = 1
	n := 6 - ((lenval-len(label))/2 + numpad)
	switch {
	case n > 0 && n < 6:
		sp := 6 - n
		if (lenval-len(label))%2 == 0 {
			b = appendSpaces(b, sp)
		} else {
			b = appendSpaces(b, sp+1)
		}
		b = append(b, label...)
		b = appendSpaces(b, sp)
		b = append(b, '|')
	case n > 0 && n <= 15:
		b = append(b, label...)
		b = append(b, '|')
	}
	return b
}

// appendFilters appends the "Col N:" lines, wrapping filters wider than
// the table at their last space that fits.
func (t *IO) appendFilters(b []byte, border int) []byte {
	for j, c := range t.Columns {
		start := len(b)
		if j == 0 {
			b = append(b, "| Col"...)
		} else {
			b = append(b, "|    "...)
		}
		num := strconv.Itoa(j + 1)
		b = appendSpaces(b, 2-len(num))
		b = append(b, num...)
		b = append(b, ": "...)
		if c.Text == "" {
			b = append(b, "Frames and bytes"...)
		} else {
			f := c.Text
			maxW := border - 11
			for len(f) > maxW && maxW > 0 {
				n, next := maxW, maxW
				if i := strings.LastIndexByte(f[:maxW], ' '); i >= 0 {
					n, next = i, i+1
				}
				b = append(b, f[:n]...)
				b = appendSpaces(b, border-(len(b)-start)-1)
				b = append(b, "|\n"...)
				start = len(b)
				b = append(b, "|        "...)
				f = f[next:]
			}
			b = append(b, f...)
		}
		b = appendSpaces(b, border-(len(b)-start)-1)
		b = append(b, "|\n"...)
	}
	return b
}
