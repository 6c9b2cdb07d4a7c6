package decode

import (
	"cmp"
	"time"
)

// TreePrinter prints packets as the detail tree of tshark -V: one
// unindented line per protocol, then one indented line per field, four
// spaces per level, bit fields drawn as tshark draws them
// ("0100 .... = Version: 4").
type TreePrinter struct {
	// Location is the zone for the arrival time (time.Local if nil).
	Location *time.Location

	prev, first time.Time
	started     bool

	// The arrival time's date and zone, formatted for the second stampSec
	// in stampLoc.
	date, zone []byte
	stampSec   int64
	stampLoc   *time.Location
	stamped    bool

	memo treeMemos // blocks of lines drawn for recent header bytes
	note Note      // Append's
	fl   FieldList // the fields of a layer drawn by the generic tree
	em   emitter   // what fills fl (kept here: a local one escapes)
}

// Append appends the tree for the packet d last decoded, described by f,
// and a blank line.
func (p *TreePrinter) Append(b []byte, d *Decoder, f *Frame) []byte {
	p.Note(d, f, &p.note)
	return p.Render(b, d, f, &p.note)
}

// Note takes the packet d last decoded, described by f, into p's
// cross-packet state and d's connection tracker, and records in n what its
// tree needs from them. Packets are noted in capture order; their trees
// may then be drawn by Render in any order, on other goroutines, each with
// a TreePrinter and a Decoder of its own.
func (p *TreePrinter) Note(d *Decoder, f *Frame, n *Note) {
	if !p.started {
		p.first, p.prev, p.started = f.Time, f.Time, true
	}
	n.shown = p.prev
	p.prev = f.Time
	n.tracked = true
	n.conv.keep(d.track(f))
	// The captured frames before, which a display filter may not have
	// let through to be noted.
	n.prev, n.first = n.conv.prev, n.conv.first
}

// Render appends the tree of the packet d last decoded, described by f and
// noted in n (by this TreePrinter or another), and a blank line. It reads
// none of p's cross-packet state, only its Location and caches.
func (p *TreePrinter) Render(b []byte, d *Decoder, f *Frame, n *Note) []byte {
	d.useNote(n)
	loc := p.Location
	if loc == nil {
		loc = time.Local
	}
	t := treeWriter{b: b, wire: f.Length, memo: &p.memo, conv: &n.conv, f: f, loc: loc, fl: &p.fl, em: &p.em}
	p.frame(&t, d, f, n)
	for i := range d.layers[:d.n] {
		t.depth = 0
		if d.layers[i].Quoted {
			continue
		}
		treeLayer(&t, d, i)
		if d.layers[i].Malformed != "" {
			treeMalformed(&t, d, i)
		}
	}
	return append(t.b, '\n')
}

// appendFrameTitle appends the frame's title line: "Frame 1: 74 bytes on
// wire (592 bits), 74 bytes captured (592 bits)" and the interface it came
// in on, caplen bytes of it captured.
func appendFrameTitle(b []byte, f *Frame, caplen int) []byte {
	b = appendInt(append(b, "Frame "...), int64(f.Number))
	return appendFrameInterface(appendFrameLengths(b, f.Length, caplen), f)
}

// appendFrameLengths appends the title's lengths: ": 74 bytes on wire
// (592 bits), 74 bytes captured (592 bits)".
func appendFrameLengths(b []byte, length, caplen int) []byte {
	b = append(b, ": "...)
	b = appendBytesBits(b, length)
	b = append(b, " on wire ("...)
	b = appendInt(b, int64(length)*8)
	b = append(b, " bits), "...)
	b = appendBytesBits(b, caplen)
	b = append(b, " captured ("...)
	b = appendInt(b, int64(caplen)*8)
	return append(b, " bits)"...)
}

// frameIfaceName is the name tshark gives the frame's interface: a
// pcapng file's name or description, "unknown" for neither ("": none).
func frameIfaceName(f *Frame) string {
	if f.Section > 0 {
		return cmp.Or(f.InterfaceName, f.InterfaceDescription, "unknown")
	}
	return f.InterfaceName
}

// appendFrameInterface appends the title's interface, " on interface eth0,
// id 0" and the direction pcapng's flags give, when the file names one.
func appendFrameInterface(b []byte, f *Frame) []byte {
	ifName := frameIfaceName(f)
	if ifName == "" {
		return b
	}
	b = append(b, " on interface "...)
	b = append(b, ifName...)
	b = append(b, ", id "...)
	b = appendInt(b, int64(f.Interface))
	if f.HasFlags {
		switch f.Flags & 3 {
		case 1:
			b = append(b, " (inbound)"...)
		case 2:
			b = append(b, " (outbound)"...)
		}
	}
	return b
}

func (p *TreePrinter) frame(t *treeWriter, d *Decoder, f *Frame, note *Note) {
	caplen := len(d.data)
	if f.Section > 0 && len(f.Comments) > 0 {
		treePacketComments(t, f.Comments)
	}
	t.line()
	t.b = append(t.b, "Frame "...)
	t.b = appendInt(t.b, int64(f.Number))
	lens := [8]byte{byte(f.Length >> 24), byte(f.Length >> 16), byte(f.Length >> 8), byte(f.Length),
		byte(caplen >> 24), byte(caplen >> 16), byte(caplen >> 8), byte(caplen)}
	if start := len(t.b); uint(f.Length) > 1<<31 || uint(caplen) > 1<<31 || !t.replay(memoFrameTitle, lens[:]) {
		t.b = appendFrameLengths(t.b, f.Length, caplen)
		if uint(f.Length) <= 1<<31 && uint(caplen) <= 1<<31 {
			t.remember(memoFrameTitle, lens[:], start)
		}
	}
	t.b = appendFrameInterface(t.b, f)
	t.end()
	t.depth = 1
	ifName := frameIfaceName(f)
	if f.Section > 0 {
		t.int("Section number", f.Section)
	}
	if ifName != "" {
		t.line()
		t.b = append(t.b, "Interface id: "...)
		t.b = appendInt(t.b, int64(f.Interface))
		t.b = append(t.b, " ("...)
		t.b = append(t.b, ifName...)
		t.b = append(t.b, ')')
		t.end()
		t.depth = 2
		// The field's line escapes what the title and the line above
		// keep as it is (tshark's string field).
		t.line()
		t.b = appendTreeString(append(t.b, "Interface name: "...), []byte(ifName))
		t.end()
		if f.Section > 0 && f.InterfaceDescription != "" {
			t.str("Interface description", f.InterfaceDescription)
		}
		t.depth = 1
	}
	if f.Section > 0 && f.HasFlags {
		treePacketFlags(t, f.Flags)
	}
	t.line()
	t.b = append(t.b, "Encapsulation type: "...)
	if name, wtap, ok := treeEncap(d.linkType); ok {
		t.b = append(t.b, name...)
		t.b = append(t.b, " ("...)
		t.b = appendInt(t.b, int64(wtap))
	} else {
		t.b = append(t.b, d.linkType.Description()...)
		t.b = append(t.b, " ("...)
		t.b = appendInt(t.b, int64(d.linkType))
	}
	t.b = append(t.b, ')')
	t.end()
	loc := p.Location
	if loc == nil {
		loc = time.Local
	}
	if !f.Time.IsZero() { // a packet without a time (pcapng's simple packet block) has no time lines
		t.line()
		t.b = append(t.b, "Arrival Time: "...)
		if sec := f.Time.Unix(); !p.stamped || sec != p.stampSec || loc != p.stampLoc {
			// The date and the zone change at most once a second: format them
			// then, and only the nanoseconds for every packet.
			lt := f.Time.In(loc)
			p.date = lt.AppendFormat(p.date[:0], "Jan _2, 2006 15:04:05.")
			p.zone = lt.AppendFormat(p.zone[:0], " MST")
			p.stamped, p.stampSec, p.stampLoc = true, sec, loc
		}
		t.b = append(t.b, p.date...)
		nanos := appendNanos(t.b, uint32(f.Time.Nanosecond()))
		t.b = nanos
		nanos = nanos[len(nanos)-9:]
		t.b = append(t.b, p.zone...)
		t.b = append(t.b, "\n    [Time shift for this packet: 0.000000000 seconds]\n    Epoch Time: "...)
		t.b = appendInt(t.b, f.Time.Unix())
		t.b = append(t.b, '.')
		t.b = append(t.b, nanos...)
		t.b = append(t.b, " seconds\n    [Time delta from previous captured frame: "...)
		t.b = appendSeconds(t.b, f.Time, note.prev)
		t.b = append(t.b, " seconds]\n    [Time delta from previous displayed frame: "...)
		t.b = appendSeconds(t.b, f.Time, note.shown)
		t.b = append(t.b, " seconds]\n    [Time since reference or first frame: "...)
		t.b = appendSeconds(t.b, f.Time, note.first)
		t.b = append(t.b, " seconds]\n"...)
	}
	t.b = append(t.b, "    Frame Number: "...)
	t.b = appendInt(t.b, int64(f.Number))
	t.end()
	if start := len(t.b); uint(f.Length) > 1<<31 || uint(caplen) > 1<<31 || !t.replay(memoFrameLengths, lens[:]) {
		t.line()
		t.b = append(t.b, "Frame Length: "...)
		t.b = appendBytesBits(t.b, f.Length)
		t.b = append(t.b, " ("...)
		t.b = appendInt(t.b, int64(f.Length)*8)
		t.b = append(t.b, " bits)"...)
		t.end()
		t.line()
		t.b = append(t.b, "Capture Length: "...)
		t.b = appendBytesBits(t.b, caplen)
		t.b = append(t.b, " ("...)
		t.b = appendInt(t.b, int64(caplen)*8)
		t.b = append(t.b, " bits)"...)
		t.end()
		if uint(f.Length) <= 1<<31 && uint(caplen) <= 1<<31 {
			t.remember(memoFrameLengths, lens[:], start)
		}
	}
	// Constant lines at depth 1, indentation written out.
	t.b = append(t.b, "    [Frame is marked: False]\n    [Frame is ignored: False]\n"...)
	if f.Section > 0 && f.HasFlags {
		switch f.Flags & 3 {
		case 1:
			t.b = append(t.b, "    Point-to-Point Direction: Received (1)\n"...)
		case 2:
			t.b = append(t.b, "    Point-to-Point Direction: Sent (0)\n"...)
		}
	}
	t.b = append(t.b, "    ["...)
	start := len(t.b)
	t.b = append(t.b, "Protocols in frame: "...)
	t.b = truncLabelAt(appendProtocols(t.b, d, t.conv), start, len("Protocols in frame"))
	t.b = append(t.b, ']')
	t.end()
	if f.Section == 0 && f.Comment != "" {
		t.str("Comment", f.Comment)
	}
}

func appendBytesBits(b []byte, n int) []byte {
	b = appendInt(b, int64(n))
	if n == 1 {
		return append(b, " byte"...)
	}
	return append(b, " bytes"...)
}

// treeWriter appends tree lines at the current depth.
type treeWriter struct {
	b     []byte
	depth int
	wire  int          // wire length of the packet
	memo  *treeMemos   // nil: draw every line
	conv  *convResults // the frame's stream analysis; nil: no analysis lines
	f     *Frame       // the frame being drawn
	loc   *time.Location
	fl    *FieldList // for the layers drawn by the generic tree (treefields.go)
	em    *emitter   // fills fl

	// indent is added to depth: a subtree drawn inside another protocol
	// (QUIC's TLS handshake) keeps its own depths.
	indent int
}

// treeLabelMax is how many bytes of a line's text (after the indentation)
// tshark keeps: its item labels are cut there (ITEM_LABEL_LENGTH, 240 with
// the terminating NUL).
const treeLabelMax = 239

// treeIndent is the indentation of the deepest line a tree usually has;
// deeper lines append it repeatedly.
const treeIndent = "                                                                "

// line starts a line: the indentation of the current depth.
func (t *treeWriter) line() {
	n := 4 * (t.depth + t.indent)
	for n > len(treeIndent) {
		t.b = append(t.b, treeIndent...)
		n -= len(treeIndent)
	}
	t.b = append(t.b, treeIndent[:n]...)
}

// end ends a line.
func (t *treeWriter) end() { t.b = append(t.b, '\n') }

func (t *treeWriter) str(label, v string) {
	t.line()
	t.b = append(t.b, label...)
	t.b = append(t.b, ": "...)
	t.b = append(t.b, v...)
	t.end()
}

func (t *treeWriter) int(label string, v int) {
	t.line()
	t.b = append(t.b, label...)
	t.b = append(t.b, ": "...)
	t.b = appendInt(t.b, int64(v))
	t.end()
}

// bits starts a bit-field line: v's width bits drawn with the bits outside
// mask as dots, then " = label: ". The caller appends the value and ends the
// line.
func (t *treeWriter) bits(v uint64, width int, mask uint64, label string) {
	t.line()
	if width%4 != 0 || width > 64 {
		t.bitsSlow(v, width, mask)
	} else {
		// One table lookup per nibble, groups of four separated by a space.
		var buf [64 / 4 * 5]byte
		n := 0
		for i := width/4 - 1; i >= 0; i-- {
			sh := uint(4 * i)
			c := &bitNibbles[(mask>>sh&15)<<4|v>>sh&15]
			buf[n], buf[n+1], buf[n+2], buf[n+3], buf[n+4] = c[0], c[1], c[2], c[3], ' '
			n += 5
		}
		t.b = append(t.b, buf[:n-1]...)
	}
	t.b = append(t.b, " = "...)
	t.b = append(t.b, label...)
	t.b = append(t.b, ": "...)
}

// bitsSlow draws a bit field whose width is not a whole number of nibbles.
func (t *treeWriter) bitsSlow(v uint64, width int, mask uint64) {
	for i := width - 1; i >= 0; i-- {
		bit := uint64(1) << uint(i)
		switch {
		case mask&bit == 0:
			t.b = append(t.b, '.')
		case v&bit != 0:
			t.b = append(t.b, '1')
		default:
			t.b = append(t.b, '0')
		}
		if i > 0 && i%4 == 0 {
			t.b = append(t.b, ' ')
		}
	}
}

// bitNibbles holds, for a mask nibble m and a value nibble v at index
// m<<4|v, the four characters bits draws for them ("1.0.").
var bitNibbles = func() (tab [256][4]byte) {
	for i := range tab {
		m, v := i>>4, i&15
		for k := range 4 {
			bit := 8 >> k
			switch {
			case m&bit == 0:
				tab[i][k] = '.'
			case v&bit != 0:
				tab[i][k] = '1'
			default:
				tab[i][k] = '0'
			}
		}
	}
	return tab
}()

// appendSeconds appends t-u in seconds with nine decimals, exactly also
// when the difference is beyond a time.Duration (292 years).
func appendSeconds(b []byte, t, u time.Time) []byte {
	sec := t.Unix() - u.Unix()
	ns := int64(t.Nanosecond()) - int64(u.Nanosecond())
	switch {
	case sec > 0 && ns < 0:
		sec, ns = sec-1, ns+1e9
	case sec < 0 && ns > 0:
		sec, ns = sec+1, ns-1e9
	}
	if sec < 0 || ns < 0 {
		b = append(b, '-')
		sec, ns = -sec, -ns
	}
	b = appendUint(b, uint64(sec))
	b = append(b, '.')
	return appendNanos(b, uint32(ns))
}

// appendNanos appends ns, below 1e9, as nine digits.
func appendNanos(b []byte, ns uint32) []byte {
	var tmp [9]byte
	for i := 8; i > 0; i -= 2 {
		q := ns / 100
		r := ns - q*100
		tmp[i], tmp[i-1] = byte('0'+r%10), byte('0'+r/10)
		ns = q
	}
	tmp[0] = byte('0' + ns%10)
	return append(b, tmp[:]...)
}
