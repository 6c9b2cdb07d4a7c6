package follow

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
)

// MaxObjectName is the longest file name tshark gives an exported object,
// the directory's name included.
const MaxObjectName = 255

// maxDuplicates is how many names tshark tries for one object ("name",
// "name(1)", … "name(999)") before it overwrites the last one
// (Wireshark's gui.max_export_objects).
const maxDuplicates = 1000

// Objects writes HTTP bodies to a directory as files, named as tshark
// 4.0's --export-objects http names them: the last component of the
// request URI (for a response, the last request's in its stream), or
// "objectN.TYPE" (N the frame, TYPE the media type) without one; a
// character Windows forbids in a name, or a control character, is written
// as %xx; a name too long for the directory is cut, keeping the
// extension; a name already written this run gets "(1)", "(2)"… before
// its extension. Objects are named in the order they complete, as tshark
// names them in capture order.
//
// A body given in pieces (HTTP's bound) goes to a temporary file in the
// directory as it comes and is renamed when complete, so memory stays
// bounded; one never completed is removed by Close.
type Objects struct {
	Dir string // as the user gave it: its length counts against MaxObjectName

	Written int // objects written
	used    map[string]bool
	next    map[string]int      // per base name, the first suffix not known to be used
	part    map[uint64]*os.File // bodies in pieces, by the caller's key
	parts   int
	ctype   []byte
}

// ErrDirTooLong is returned when the directory's name leaves no room for
// file names within MaxObjectName (tshark then writes nothing).
var ErrDirTooLong = errors.New("directory name too long: object names are limited to 255 bytes with it")

// Add writes one complete object (data is not kept).
func (o *Objects) Add(m *HTTPMessage, frame int, data []byte) (string, error) {
	name, err := o.name(m, frame)
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(o.Dir, name), data, 0o644); err != nil {
		return "", err
	}
	o.Written++
	return name, nil
}

// Piece writes one piece of a body that comes in pieces (m.Piece), under
// key (one per message in progress). The last piece names the file.
func (o *Objects) Piece(key uint64, m *HTTPMessage, frame int, data []byte) (string, error) {
	if o.part == nil {
		o.part = make(map[uint64]*os.File)
	}
	f := o.part[key]
	if f == nil {
		o.parts++
		var err error
		f, err = os.OpenFile(filepath.Join(o.Dir, ".rawcap-object-"+strconv.Itoa(os.Getpid())+"-"+strconv.Itoa(o.parts)+".part"), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		if err != nil {
			return "", err
		}
		o.part[key] = f
	}
	if len(data) > 0 {
		if _, err := f.Write(data); err != nil {
			o.drop(key)
			return "", err
		}
	}
	if !m.Last {
		return "", nil
	}
	delete(o.part, key)
	tmp := f.Name()
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return "", err
	}
	name, err := o.name(m, frame)
	if err != nil {
		os.Remove(tmp)
		return "", err
	}
	if err := os.Rename(tmp, filepath.Join(o.Dir, name)); err != nil {
		os.Remove(tmp)
		return "", err
	}
	o.Written++
	return name, nil
}

// Drop forgets the body in pieces under key (its stream was forgotten or
// it was not selected), removing its temporary file.
func (o *Objects) Drop(key uint64) { o.drop(key) }

func (o *Objects) drop(key uint64) {
	if f := o.part[key]; f != nil {
		f.Close()
		os.Remove(f.Name())
		delete(o.part, key)
	}
}

// Close removes the temporary files of bodies never completed.
func (o *Objects) Close() error {
	var errs []error
	for k, f := range o.part {
		f.Close()
		if err := os.Remove(f.Name()); err != nil {
			errs = append(errs, err)
		}
		delete(o.part, k)
	}
	return errors.Join(errs...)
}

// name picks the next object's file name and records it.
func (o *Objects) name(m *HTTPMessage, frame int) (string, error) {
	maxLen := MaxObjectName - len(o.Dir)
	if maxLen <= 0 {
		return "", fmt.Errorf("%s: %w", o.Dir, ErrDirTooLong)
	}
	if o.used == nil {
		o.used = make(map[string]bool)
	}
	var base string
	if uri := m.URI(); uri != nil {
		base = uriBase(asciiString(uri))
	} else {
		base = "object" + strconv.Itoa(frame)
		o.ctype = m.ContentType(o.ctype[:0])
		if o.ctype != nil {
			base += "." + asciiString(o.ctype)
		}
	}
	if o.next == nil {
		o.next = make(map[string]int)
	}
	// The names before next[base] were all used when last tried, and used
	// names stay used: start there (tshark starts at 0 each time, which
	// finds the same name).
	var name string
	n := o.next[base]
	for {
		name = objectName(base, maxLen, n)
		n++
		if !o.used[name] || n >= maxDuplicates {
			break
		}
	}
	o.next[base] = n - 1
	o.used[name] = true
	return name, nil
}

// asciiString returns b as Wireshark reads an ASCII string: up to a NUL,
// each byte past 0x7f as U+FFFD.
func asciiString(b []byte) string {
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if c == 0 {
			break
		}
		if c >= 0x80 {
			out = append(out, "\uFFFD"...)
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

// uriBase returns the last component of uri as GLib's g_path_get_basename
// does: "." for an empty string, "/" for slashes alone, trailing slashes
// ignored.
func uriBase(uri string) string {
	if uri == "" {
		return "."
	}
	end := len(uri)
	for end > 0 && uri[end-1] == '/' {
		end--
	}
	if end == 0 {
		return "/"
	}
	return path.Base(uri[:end])
}

// objectName applies tshark's escaping, length limit and duplicate
// suffix to base.
func objectName(base string, maxLen, dup int) string {
	const hex = "0123456789abcdef"
	b := make([]byte, 0, len(base)+8)
	for i := 0; i < len(base); i++ {
		c := base[i]
		switch {
		case c < 0x20, c == '<', c == '>', c == ':', c == '"', c == '/', c == '\\', c == '|', c == '?', c == '*':
			b = append(b, '%', hex[c>>4], hex[c&15])
		default:
			b = append(b, c)
		}
	}
	s := string(b)
	if len(s) > maxLen {
		if dot := lastDot(s); dot >= 0 {
			ext := s[dot:]
			s = s[:max(maxLen-len(ext), 0)] + ext
		} else {
			s = s[:maxLen]
		}
	}
	if dup == 0 {
		return s
	}
	suffix := "(" + strconv.Itoa(dup) + ")"
	if dot := lastDot(s); dot >= 0 {
		ext := s[dot:]
		stem := s[:dot]
		if room := MaxObjectName - (len(suffix) + len(ext)); len(stem) >= room {
			stem = stem[:max(room, 0)]
		}
		return stem + suffix + ext
	}
	if room := MaxObjectName - len(suffix); len(s) >= room {
		s = s[:max(room, 0)]
	}
	return s + suffix
}

func lastDot(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			return i
		}
	}
	return -1
}
