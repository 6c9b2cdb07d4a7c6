package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// IsTerminal reports whether w is an *os.File open on a character device
// (a terminal): pipes, regular files and buffers are not. It is portable
// (no ioctl), which is enough to keep bars out of pipes and logs.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || f == nil {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// Bar is a progress bar over a known total (bytes), or a plain counter when
// the total is unknown (0).
type Bar struct {
	w       io.Writer
	label   string
	total   int64
	width   int
	start   time.Time
	last    time.Time
	every   time.Duration
	calls   uint32
	drawn   bool
	now     func() time.Time
	lineBuf []byte
}

// New returns a bar that draws on w, labelled label, for total bytes (0 if
// unknown). It returns nil, which draws nothing, unless w is a terminal.
func New(w io.Writer, label string, total int64) *Bar {
	if !IsTerminal(w) {
		return nil
	}
	return newBar(w, label, total, time.Now)
}

func newBar(w io.Writer, label string, total int64, now func() time.Time) *Bar {
	t := now()
	return &Bar{w: w, label: label, total: total, width: 30, start: t, last: t,
		every: 200 * time.Millisecond, now: now, lineBuf: make([]byte, 0, 128)}
}

// Update records that done bytes and packets have been processed. It reads
// the clock once every 256 calls and redraws when 200ms have passed.
func (b *Bar) Update(done int64, packets int) {
	if b == nil {
		return
	}
	b.calls++
	if b.calls%256 != 0 {
		return
	}
	t := b.now()
	if t.Sub(b.last) < b.every {
		return
	}
	b.last = t
	b.draw(done, packets, t)
}

func (b *Bar) draw(done int64, packets int, t time.Time) {
	line := b.lineBuf[:0]
	line = append(line, '\r')
	line = append(line, b.label...)
	line = append(line, ' ')
	if b.total > 0 {
		frac := float64(done) / float64(b.total)
		frac = min(max(frac, 0), 1)
		n := int(frac * float64(b.width))
		line = append(line, '[')
		line = append(line, strings.Repeat("=", n)...)
		if n < b.width {
			line = append(line, '>')
			line = append(line, strings.Repeat(" ", b.width-n-1)...)
		}
		line = append(line, ']')
		line = fmt.Appendf(line, " %3.0f%%", frac*100)
	}
	line = fmt.Appendf(line, " %s", humanBytes(done))
	line = fmt.Appendf(line, " %d packets", packets)
	if el := t.Sub(b.start).Seconds(); el > 0 {
		line = fmt.Appendf(line, " %s/s", humanBytes(int64(float64(done)/el)))
	}
	line = append(line, "\x1b[K"...) // clear the rest of the line
	b.lineBuf = line
	b.w.Write(line)
	b.drawn = true
}

// Done erases the bar, leaving the cursor at the start of a clean line.
func (b *Bar) Done() {
	if b == nil || !b.drawn {
		return
	}
	io.WriteString(b.w, "\r\x1b[K")
	b.drawn = false
}

func humanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
