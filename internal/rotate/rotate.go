package rotate

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/rawcap/rawcap/internal/zpipe"
	"github.com/rawcap/rawcap/pcapio"
)

// ErrFileLimit is returned by WritePacket when -G rotation with a file count
// (-W) has made its last file: tcpdump then stops, successfully.
var ErrFileLimit = errors.New("rotate: file limit reached")

// Config says how to split a capture into files.
type Config struct {
	// Name is the -w argument: a file name, or with Interval a strftime
	// template ("trace-%Y%m%d-%H%M%S.pcap"). Directories that the template
	// names with conversions ("%Y%m%d/%H%M.pcap") are made as needed.
	Name string
	// FileSize starts a new file before a packet when the current one has
	// grown past this many bytes, tcpdump's rule for -C (which counts
	// millions of bytes); 0 never.
	FileSize int64
	// Interval starts a new file when a packet arrives this long after the
	// current file was opened (-G); 0 never.
	Interval time.Duration
	// MaxFiles (-W) makes size rotation a ring of this many files, named
	// with zero-padded numbers; with Interval alone it stops the capture
	// after that many files (ErrFileLimit).
	MaxFiles int
	// PostRotate (-z) is run as "PostRotate FILE" on each file closed by a
	// rotation, in the background, as tcpdump does.
	PostRotate string
	// Compress, when zpipe.Gzip or zpipe.Zstd, compresses each file while
	// it is written, in a goroutine of its own (package zpipe); each file
	// is complete when it closes. Name then ends in ".gz" or ".zst", and
	// -C's count goes before that suffix (out.pcap1.zst). FileSize counts
	// the bytes before compression.
	Compress string
	// Create makes the format writer on a newly opened file: it writes the
	// file header (and a pcapng file's interfaces).
	Create func(w io.Writer) (pcapio.Writer, error)
	// Finish, if set, runs on a writer before its file is closed: a pcapng
	// capture writes its statistics block there.
	Finish func(pcapio.Writer) error
	// RecordSize estimates the bytes a packet adds to a file, for FileSize.
	RecordSize func(p *pcapio.Packet) int64
	// Now is the clock for Interval and names (default time.Now): tcpdump
	// rotates by wall-clock time, not by packet timestamps.
	Now func() time.Time
	// Align (--align) makes Interval's files follow the local wall clock's
	// boundaries: each file holds the packets whose timestamps fall in one
	// interval [k·Interval, (k+1)·Interval) counted from local midnight of
	// 1970-01-01 (with Interval 60 s, each minute from :00), so files line
	// up with the clock whatever the capture's start. A packet's own
	// timestamp decides its file (not the clock when it is written, which
	// the kernel's buffering delays); a packet older than its file's start,
	// as a merge of several interfaces may pass late, stays in the file
	// being written. Files are created when their first packet comes and
	// named (strftime) from its timestamp: an interval without packets has
	// no file.
	Align bool
	// KeepFiles (--max-files), when positive, deletes the oldest of the
	// files this Writer made so that at most KeepFiles remain, the one
	// being written included: a ring buffer of files for days of capture.
	KeepFiles int
	// KeepBytes (--max-size), when positive, deletes the oldest of the
	// files this Writer made while the closed ones add up to more than
	// KeepBytes bytes on disk (the file being written comes on top).
	KeepBytes int64
	// Stderr receives post-rotate commands' output and errors.
	Stderr io.Writer
}

// Writer writes packets into a rotating series of files.
type Writer struct {
	cfg    Config
	f      *os.File
	out    fileSink      // f, counting the bytes written whole
	z      *zpipe.Writer // the compressor over out, with Config.Compress
	w      pcapio.Writer
	name   string
	size   int64
	opened time.Time
	count  int        // files made by size rotation within this interval
	files  int        // files opened in all
	end    time.Time  // with Align, the end of the current file's interval
	after  time.Time  // with Align, the end of the last file closed idle: later files start there
	closed bool       // Close has run
	kept   []keptFile // the closed files, oldest first, for KeepFiles and KeepBytes
}

// keptFile is a closed file that KeepFiles or KeepBytes may delete.
type keptFile struct {
	name string
	size int64
}

// Boundary returns the start of the interval of the local wall clock that
// holds t, for intervals of length d counted from local midnight of
// 1970-01-01: with d of a minute, t's minute at :00. A day's intervals
// line up with midnight when d divides a day.
func Boundary(t time.Time, d time.Duration) time.Time {
	if d <= 0 {
		return t
	}
	_, off := t.Zone()
	local := t.UnixNano() + int64(off)*int64(time.Second)
	start := local - ((local%int64(d))+int64(d))%int64(d)
	return time.Unix(0, start-int64(off)*int64(time.Second)).In(t.Location())
}

// New opens the first file. Its name is the template formatted for the
// current time (with Interval), numbered when MaxFiles asks for it. With
// Align, the first file waits for the first packet.
func New(cfg Config) (*Writer, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Stderr == nil {
		cfg.Stderr = io.Discard
	}
	if cfg.RecordSize == nil {
		cfg.RecordSize = func(p *pcapio.Packet) int64 { return 16 + int64(len(p.Data)) }
	}
	if cfg.Align && cfg.Interval <= 0 {
		return nil, errors.New("rotate: Align needs an Interval")
	}
	w := &Writer{cfg: cfg}
	if cfg.Align {
		return w, nil
	}
	if err := w.open(cfg.Now()); err != nil {
		return nil, err
	}
	return w, nil
}

// Name returns the name of the file being written.
func (w *Writer) Name() string { return w.name }

// fileName builds the name of the next file as tcpdump does: the strftime
// template for -G, then with -C a count, zero-padded to MaxFiles' width when
// -W is given ("out0", "out1"), or appended from the second file on ("out",
// "out1", "out2").
func (w *Writer) fileName(now time.Time) string {
	name, suffix := w.cfg.Name, ""
	if w.cfg.Compress != "" && strings.HasSuffix(name, "."+w.cfg.Compress) {
		name, suffix = strings.TrimSuffix(name, "."+w.cfg.Compress), "."+w.cfg.Compress
	}
	if w.cfg.Interval > 0 {
		name = Strftime(name, now)
	}
	if w.cfg.FileSize > 0 {
		switch {
		case w.cfg.MaxFiles > 0:
			width := len(strconv.Itoa(w.cfg.MaxFiles - 1))
			name += fmt.Sprintf("%0*d", width, w.count%w.cfg.MaxFiles)
		case w.count > 0:
			name += strconv.Itoa(w.count)
		}
	}
	return name + suffix
}

func (w *Writer) open(now time.Time) error {
	name := w.fileName(now)
	f, err := os.Create(name)
	if errors.Is(err, os.ErrNotExist) && w.cfg.Interval > 0 && filepath.Dir(name) != filepath.Dir(w.cfg.Name) {
		// A strftime directory ("lake/%Y%m%d/%H%M.pcap"): a new day's
		// directory is made as its first file is.
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		f, err = os.Create(name)
	}
	if err != nil {
		return err
	}
	w.out = fileSink{f: f}
	var dst io.Writer = &w.out
	w.z = nil
	if w.cfg.Compress != "" {
		z, err := zpipe.NewWriter(&w.out, zpipe.Options{Compression: w.cfg.Compress})
		if err != nil {
			f.Close()
			return fmt.Errorf("%s: %w", name, err)
		}
		w.z, dst = z, z
	}
	pw, err := w.cfg.Create(dst)
	if err != nil {
		if w.z != nil {
			w.z.Close()
		}
		f.Close()
		return fmt.Errorf("%s: %w", name, err)
	}
	w.f, w.w, w.name, w.opened, w.size = f, pw, name, now, 0
	if w.cfg.Align {
		w.end = Boundary(now, w.cfg.Interval).Add(w.cfg.Interval)
	}
	w.files++
	return nil
}

// closeFile finishes and closes the current file; rotated says whether the
// post-rotate command should run on it.
func (w *Writer) closeFile(rotated bool) error {
	if w.f == nil {
		return nil
	}
	var err error
	if w.cfg.Finish != nil {
		err = w.cfg.Finish(w.w)
	}
	err = errors.Join(err, w.w.Close())
	if w.z != nil {
		err = errors.Join(err, w.z.Close())
	} else if err != nil {
		// A failed write (a full disk) may have left part of a buffer in
		// the file; cut it back to the last whole write, which ends on a
		// record, so the file stays readable to its last packet. (A
		// compressed file is read up to its last whole block instead.)
		w.f.Truncate(w.out.good)
	}
	var size int64
	if fi, serr := w.f.Stat(); serr == nil {
		size = fi.Size()
	}
	err = errors.Join(err, w.f.Close())
	name := w.name
	w.f, w.w = nil, nil
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if w.cfg.KeepFiles > 0 || w.cfg.KeepBytes > 0 {
		w.kept = append(w.kept, keptFile{name, size})
	}
	if rotated && w.cfg.PostRotate != "" {
		w.postRotate(name)
	}
	return nil
}

// fileSink counts the bytes of the writes that went through whole. The
// capture writers flush whole records in each write (only a record larger
// than their 256 KiB buffer is split), so good ends on a record boundary.
type fileSink struct {
	f    *os.File
	good int64
}

func (s *fileSink) Write(p []byte) (int, error) {
	n, err := s.f.Write(p)
	if err == nil {
		s.good += int64(n)
	}
	return n, err
}

// postRotate starts "CMD FILE" and does not wait, as tcpdump forks it.
func (w *Writer) postRotate(name string) {
	args := strings.Fields(w.cfg.PostRotate)
	cmd := exec.Command(args[0], append(args[1:], name)...)
	cmd.Stdout, cmd.Stderr = w.cfg.Stderr, w.cfg.Stderr
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(w.cfg.Stderr, "rawcap: -z %s: %v\n", w.cfg.PostRotate, err)
		return
	}
	go cmd.Wait()
}

// prune deletes the oldest closed files while there are more than
// KeepFiles (with current more: the file open, or the last one) or they
// hold, with extra bytes more, more than KeepBytes.
func (w *Writer) prune(current int, extra int64) {
	for len(w.kept) > 0 {
		over := w.cfg.KeepFiles > 0 && len(w.kept)+current > w.cfg.KeepFiles
		if !over && w.cfg.KeepBytes > 0 {
			total := extra
			for _, k := range w.kept {
				total += k.size
			}
			over = total > w.cfg.KeepBytes
		}
		if !over {
			return
		}
		if err := os.Remove(w.kept[0].name); err != nil && !errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(w.cfg.Stderr, "rawcap: deleting the oldest file: %v\n", err)
		}
		w.kept = w.kept[1:]
	}
}

// WritePacket writes p, first rotating to a new file if the interval has
// passed or the file would pass its size.
func (w *Writer) WritePacket(p *pcapio.Packet) error {
	if w.closed {
		return pcapio.ErrWriterClosed
	}
	if w.f == nil {
		// Align: the first file is named from its first packet, and so is
		// the first after a file closed idle — but never from before that
		// file's end, whose name a late packet would otherwise reuse.
		t := p.Time
		if t.Before(w.after) {
			t = w.after
		}
		if w.cfg.MaxFiles > 0 && w.cfg.FileSize == 0 && w.files >= w.cfg.MaxFiles {
			return ErrFileLimit
		}
		if err := w.open(t); err != nil {
			return err
		}
		w.prune(1, 0)
	}
	if w.cfg.Interval == 0 && w.cfg.FileSize == 0 {
		// No rotation: neither the clock nor the record size matters.
		if err := w.w.WritePacket(p); err != nil {
			return fmt.Errorf("%s: %w", w.name, err)
		}
		return nil
	}
	var now time.Time
	switch {
	case w.cfg.Align:
		now = p.Time // the packet's own time chooses its file
	case w.cfg.Interval > 0 || w.cfg.FileSize > 0 && w.size > w.cfg.FileSize:
		now = w.cfg.Now() // the clock only when it can matter: no time.Now per packet
	}
	due := w.cfg.Interval > 0 && now.Sub(w.opened) >= w.cfg.Interval
	if w.cfg.Align {
		due = !now.Before(w.end)
	}
	switch {
	case due:
		if w.cfg.MaxFiles > 0 && w.cfg.FileSize == 0 && w.files >= w.cfg.MaxFiles {
			return ErrFileLimit
		}
		w.count = 0
		if err := w.rotate(now); err != nil {
			return err
		}
	case w.cfg.FileSize > 0 && w.size > w.cfg.FileSize:
		w.count++
		if err := w.rotate(now); err != nil {
			return err
		}
	}
	if err := w.w.WritePacket(p); err != nil {
		return fmt.Errorf("%s: %w", w.name, err)
	}
	if w.cfg.FileSize > 0 {
		w.size += w.cfg.RecordSize(p)
	}
	return nil
}

func (w *Writer) rotate(now time.Time) error {
	if err := w.closeFile(true); err != nil {
		return err
	}
	if err := w.open(now); err != nil {
		return err
	}
	w.prune(1, 0)
	return nil
}

// Idle returns when the file being written with Align is complete: the end
// of its interval. It is the zero time when no file is open or Align is
// off.
func (w *Writer) Idle() time.Time {
	if !w.cfg.Align || w.f == nil || w.closed {
		return time.Time{}
	}
	return w.end
}

// CloseIdle closes the file being written with Align if its interval ended
// at or before now, so that a quiet link's file is finished at its
// boundary instead of when the next packet comes (which may be hours
// later): a sensor's consumer sees each interval's file complete on time.
// The caller passes the wall clock less a grace that covers how late the
// kernel and the merge of several interfaces hand packets over. The next
// packet opens the next file; one from an interval already closed goes
// into it too (it is named from the closed interval's end, never reusing
// the closed file's name). It reports whether a file was closed.
func (w *Writer) CloseIdle(now time.Time) (bool, error) {
	if w.closed || !w.cfg.Align || w.f == nil || now.Before(w.end) {
		return false, nil
	}
	w.after = w.end
	return true, w.closeFile(true)
}

// Flush hands buffered packets to the current file (through the
// compressor, which then writes a block a reader can decompress).
func (w *Writer) Flush() error {
	if w.w == nil {
		return nil
	}
	if err := w.w.Flush(); err != nil {
		return err
	}
	if w.z != nil {
		return w.z.Flush()
	}
	return nil
}

// Close finishes and closes the current file. The post-rotate command does
// not run on the last file, as with tcpdump. The limits of KeepFiles and
// KeepBytes then hold for every file left, the last one never deleted.
func (w *Writer) Close() error {
	if w.closed {
		return nil
	}
	w.closed = true
	err := w.closeFile(false)
	if len(w.kept) > 0 {
		last := w.kept[len(w.kept)-1]
		w.kept = w.kept[:len(w.kept)-1]
		w.prune(1, last.size)
	}
	return err
}
