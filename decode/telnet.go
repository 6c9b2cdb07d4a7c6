package decode

// Telnet (RFC 854) is the bytes of a TCP segment to or from port 23: text,
// and commands that start with IAC (255):
//
//	IAC cmd                      a command (NOP, Go Ahead, Suboption End …)
//	IAC WILL|WONT|DO|DONT opt    option negotiation
//	IAC SB opt parameters IAC SE option sub-negotiation
//
// A data byte 255 is sent twice (IAC IAC). There is no header and no
// length: the segment is walked item by item, as Wireshark and tcpdump walk
// it, by telnetWalker.
type Telnet []byte

const telnetPort = 23

// Telnet command bytes.
const (
	telnetSE   = 240
	telnetSB   = 250
	telnetWILL = 251
	telnetWONT = 252
	telnetDO   = 253
	telnetDONT = 254
	telnetIAC  = 255
)

// ParseTelnet returns the Telnet bytes of a TCP payload. Any bytes are
// Telnet; the walk finds where a command is cut short.
func ParseTelnet(b []byte) (Telnet, error) { return Telnet(b[:len(b):len(b)]), nil }

// telnetItemKind says what a telnetItem is.
type telnetItemKind uint8

const (
	telnetEnd     telnetItemKind = iota // the segment is done
	telnetLine                          // a line of data
	telnetCommand                       // a command
	telnetCut                           // Wireshark's dissector ran off the bytes here
)

// telnetItem is one item of a segment, as Wireshark's tree shows it: a line
// of data (From:To, ending included) or a command starting at From.
type telnetItem struct {
	Kind     telnetItemKind
	From, To int
	Cmd      uint8
	HasOpt   bool // WILL, WONT, DO, DONT and SB carry an option byte
	Opt      uint8
	NoOpt    bool   // the option byte is missing: the tree stops after the command
	Sub      []byte // SB: the parameters as sent (IAC IAC escapes kept)
	Esc      int    // SB: how many IAC IAC escapes Sub holds
	SubShort bool   // SB: the parameters run past the captured bytes
}

// telnetWalker walks a segment as Wireshark 4.0's Telnet dissector does:
// data up to the next unescaped IAC in lines (a lone CR does not end one),
// then the command. wire is the segment's length on the wire, which may
// exceed the captured bytes.
type telnetWalker struct {
	b       []byte
	wire    int
	off     int
	dataEnd int // the data lines run to here (exclusive); off == dataEnd: none pending
	cmdAt   int // a command follows the data lines (-1: none)
	done    bool
}

func newTelnetWalker(b []byte, wire int) telnetWalker {
	if wire < len(b) {
		wire = len(b)
	}
	return telnetWalker{b: b, wire: wire, cmdAt: -1}
}

// next returns the next item.
func (w *telnetWalker) next() telnetItem {
	if w.done {
		return telnetItem{Kind: telnetEnd}
	}
	if w.off < w.dataEnd {
		return w.line()
	}
	if w.cmdAt >= 0 {
		at := w.cmdAt
		w.cmdAt = -1
		it := w.command(at)
		if it.NoOpt || it.SubShort {
			w.done = true
		}
		return it
	}
	if w.off >= w.wire {
		w.done = true
		return telnetItem{Kind: telnetEnd}
	}
	// The next IAC that is not IAC IAC.
	iac := -1
	for k := w.off; k < len(w.b); k++ {
		if w.b[k] != telnetIAC {
			continue
		}
		if k+1 >= len(w.b) {
			// Wireshark reads the byte after it and throws.
			w.done = true
			return telnetItem{Kind: telnetCut, From: k}
		}
		if w.b[k+1] == telnetIAC {
			k++
			continue
		}
		iac = k
		break
	}
	if iac >= 0 {
		w.dataEnd = iac
		w.cmdAt = iac
	} else {
		w.dataEnd = w.wire
	}
	return w.next()
}

// line returns the data line at w.off, within w.off:w.dataEnd.
func (w *telnetWalker) line() telnetItem {
	off, n := w.off, w.dataEnd-w.off
	if off >= len(w.b) {
		// tshark stops at the end of the captured bytes.
		w.off = w.dataEnd
		if w.cmdAt < 0 {
			w.done = true
		}
		return w.next()
	}
	eob := off + n
	lim := min(eob, len(w.b))
	eol := -1
	for k := off; k < lim; k++ {
		if w.b[k] == '\r' || w.b[k] == '\n' {
			eol = k
			break
		}
	}
	var next int
	if eol < 0 {
		next = eob
	} else {
		e := eol
		if w.b[eol] == '\r' && eol+1 < eob {
			if eol+1 >= len(w.b) {
				w.done = true
				return telnetItem{Kind: telnetCut, From: off}
			}
			if w.b[eol+1] == '\n' {
				e++
			}
		}
		next = e + 1
		rest := n - (next - off)
		if next == eol+1 && rest >= 1 && w.b[eol] == '\r' {
			// A CR alone does not end a line: run to LF or CR NUL.
			lastCR := true
			for rest != 0 && next < len(w.b) {
				c := w.b[next]
				next++
				rest--
				if c == '\n' || c == 0 && lastCR {
					break
				}
				lastCR = c == '\r'
			}
		}
	}
	if next > len(w.b) {
		w.done = true
		return telnetItem{Kind: telnetCut, From: off}
	}
	w.off = next
	return telnetItem{Kind: telnetLine, From: off, To: next}
}

// command returns the command whose IAC is at at (the command byte is
// there).
func (w *telnetWalker) command(at int) telnetItem {
	it := telnetItem{Kind: telnetCommand, From: at, Cmd: w.b[at+1]}
	pos := at + 2
	switch it.Cmd {
	case telnetWILL, telnetWONT, telnetDO, telnetDONT, telnetSB:
	default:
		it.To = pos
		w.off = pos
		return it
	}
	it.HasOpt = true
	if pos >= len(w.b) {
		it.NoOpt = true
		it.To = pos
		return it
	}
	it.Opt = w.b[pos]
	pos++
	if it.Cmd != telnetSB {
		it.To = pos
		w.off = pos
		return it
	}
	// The parameters run to the next IAC that is not IAC IAC. Wireshark
	// 4.0 compares the escape's offset in the segment with the length
	// left after the option byte, so late in a long segment an IAC IAC
	// ends the parameters too.
	start := pos
	left := w.wire - start
	end := w.wire
	for cur := start; ; {
		k := -1
		for j := cur; j < len(w.b); j++ {
			if w.b[j] == telnetIAC {
				k = j
				break
			}
		}
		if k < 0 {
			break
		}
		if k+1 >= left {
			end = k
			break
		}
		if k+1 >= len(w.b) {
			it.SubShort = true
			it.Sub = w.b[start:]
			it.To = len(w.b)
			return it
		}
		if w.b[k+1] != telnetIAC {
			end = k
			break
		}
		cur = k + 2
		it.Esc++
	}
	if end > len(w.b) {
		it.SubShort = end > start
		it.Sub = w.b[start:]
		it.To = len(w.b)
		return it
	}
	it.Sub = w.b[start:end]
	it.To = end
	w.off = end
	return it
}

// telnetSubMax is the longest escaped parameter list rawcap unescapes for a
// dissected option (longer ones are left out of the tree and the fields).
const telnetSubMax = 256

// telnetUnescape appends sub with each IAC IAC as one IAC, as Wireshark
// unescapes the parameters it shows.
func telnetUnescape(b, sub []byte) []byte {
	for k := 0; k < len(sub); k++ {
		b = append(b, sub[k])
		if sub[k] == telnetIAC && k+1 < len(sub) && sub[k+1] == telnetIAC {
			k++
		}
	}
	return b
}

// telnetOption is what Wireshark 4.0 knows of an option: its name, whether
// it has a dissector for the parameters, and the length they must have.
type telnetOption struct {
	name    string
	dissect bool
	fixed   int // the parameters' length; negative: at least -fixed
}

var telnetOptions = [...]telnetOption{
	{"Binary Transmission", false, 0}, {"Echo", false, 0}, {"Reconnection", false, 0},
	{"Suppress Go Ahead", false, 0}, {"Approx Message Size Negotiation", false, 0},
	{"Status", false, -1}, {"Timing Mark", false, 0}, {"Remote Controlled Trans and Echo", false, -1},
	{"Output Line Width", false, 0}, {"Output Page Size", false, 0},
	{"Output Carriage-Return Disposition", false, 2}, {"Output Horizontal Tab Stops", true, -1},
	{"Output Horizontal Tab Disposition", false, 2}, {"Output Formfeed Disposition", false, 2},
	{"Output Vertical Tabstops", false, -1}, {"Output Vertical Tab Disposition", false, 2},
	{"Output Linefeed Disposition", false, 2}, {"Extended ASCII", false, 2}, {"Logout", false, 0},
	{"Byte Macro", false, -2}, {"Data Entry Terminal", false, -2}, {"SUPDUP", false, 0},
	{"SUPDUP Output", false, -1}, {"Send Location", false, 0}, {"Terminal Type", true, -1},
	{"End of Record", false, 0}, {"TACACS User Identification", false, 4},
	{"Output Marking", true, -1}, {"Terminal Location Number", false, -1},
	{"Telnet 3270 Regime", true, -1}, {"X.3 PAD", false, -1},
	{"Negotiate About Window Size", true, 4}, {"Terminal Speed", false, -1},
	{"Remote Flow Control", true, 1}, {"Linemode", false, -1}, {"X Display Location", true, -1},
	{"Environment Option", false, -1}, {"Authentication Option", true, -1},
	{"Encryption Option", true, -1}, {"New Environment Option", false, -1}, {"TN3270E", true, -1},
	{"XAUTH", false, -1}, {"CHARSET", false, -1}, {"Remote Serial Port", false, -1},
	{"COM Port Control", true, -1}, {"Suppress Local Echo", false, 0}, {"Start TLS", true, 1},
	{"KERMIT", false, -1}, {"SEND-URL", false, -1}, {"FORWARD_X", false, -1},
}

// telnetOptionOf returns Wireshark's entry for option o.
func telnetOptionOf(o uint8) telnetOption {
	if int(o) < len(telnetOptions) {
		return telnetOptions[o]
	}
	return telnetOption{name: "<unknown option>"}
}

// telnetCmdVerb returns the word Wireshark puts before an option's name.
func telnetCmdVerb(c uint8) string {
	switch c {
	case telnetWILL:
		return "Will"
	case telnetWONT:
		return "Won't"
	case telnetDO:
		return "Do"
	case telnetDONT:
		return "Don't"
	}
	return "Suboption"
}

// The fields, as Wireshark registers them.
const (
	telnetCmd = iota
	telnetSubcmd
	telnetData
	telnetOptionData
	telnetSubcommandData
	telnetStringSuboptValue
	telnetNAWSWidth
	telnetNAWSHeight
	telnetRFCSuboptCmd
	telnetFieldCount
)

var telnetCmdNames = ValueNames{Values: []ValueName{
	{236, "End of File"}, {237, "Suspend Current Process"}, {238, "Abort Process"},
	{239, "End of Record"}, {240, "Suboption End"}, {241, "No Operation"}, {242, "Data Mark"},
	{243, "Break"}, {244, "Interrupt Process"}, {245, "Abort Output"}, {246, "Are You There?"},
	{247, "Escape Character"}, {248, "Erase Line"}, {249, "Go Ahead"}, {250, "Suboption"},
	{251, "Will"}, {252, "Won't"}, {253, "Do"}, {254, "Don't"},
}}

var telnetRFCNames = ValueNames{Values: []ValueName{
	{0, "OFF"}, {1, "ON"}, {2, "RESTART-ANY"}, {3, "RESTART-XON"},
}}

var telnetFields = [telnetFieldCount]Field{
	telnetCmd:               {Name: "telnet.cmd", Label: "Command", Kind: KindUint, Width: 8, Values: &telnetCmdNames},
	telnetSubcmd:            {Name: "telnet.subcmd", Label: "Subcommand", Kind: KindUint, Width: 8},
	telnetData:              {Name: "telnet.data", Label: "Data", Kind: KindString},
	telnetOptionData:        {Name: "telnet.option_data", Label: "Option data", Kind: KindBytes},
	telnetSubcommandData:    {Name: "telnet.subcommand_data", Label: "Subcommand data", Kind: KindBytes},
	telnetStringSuboptValue: {Name: "telnet.string_subopt.value", Label: "Value", Kind: KindString},
	telnetNAWSWidth:         {Name: "telnet.naws_subopt.width", Label: "Width", Kind: KindUint, Width: 16},
	telnetNAWSHeight:        {Name: "telnet.naws_subopt.height", Label: "Height", Kind: KindUint, Width: 16},
	telnetRFCSuboptCmd:      {Name: "telnet.rfc_subopt.cmd", Label: "Command", Kind: KindUint, Width: 8, Values: &telnetRFCNames},
}

var protoTelnet = protoField("telnet", "Telnet")

func (d *Decoder) decodeTelnet(l *Layer) LayerType {
	l.Payload = l.End
	w := newTelnetWalker(d.data[l.Start:l.End], d.telnetWire(d.n, l))
	for {
		it := w.next()
		if it.Kind == telnetEnd {
			break
		}
		if it.Kind == telnetCut || it.NoOpt || it.SubShort {
			l.Malformed = ReasonTruncated
			break
		}
	}
	return LayerNone
}

// telnetWire returns the length on the wire of the TCP payload that layer
// l, at index i right after the TCP layer, holds: what the IP header
// announces, less the TCP header.
func (d *Decoder) telnetWire(i int, l *Layer) int {
	n := l.End - l.Start
	if i < 2 || d.layers[i-1].Type != LayerTCP {
		return n
	}
	if w := ipPayloadLen(d, i-1) - (d.layers[i-1].Payload - d.layers[i-1].Start); w > n {
		return w
	}
	return n
}

// appendWSText appends a string as Wireshark 4.0 decodes and shows an ASCII
// string: up to its first NUL, a byte above 0x7f as U+FFFD.
func appendWSText(b, s []byte) []byte {
	for _, c := range s {
		switch {
		case c == 0:
			return b
		case c >= 0x80:
			b = append(b, "\uFFFD"...)
		default:
			b = append(b, c)
		}
	}
	return b
}

// appendWSLabelText appends a string as a Wireshark 4.0 tree label shows
// it: appendWSText's string with control characters escaped (\r, \n, \t
// …; others in octal).
func appendWSLabelText(b, s []byte) []byte {
	for _, c := range s {
		switch {
		case c == 0:
			return b
		case c >= 0x80:
			b = append(b, "\uFFFD"...)
		case c >= 0x20 && c < 0x7f:
			b = append(b, c)
		default:
			b = appendCEscape(b, c)
		}
	}
	return b
}

// emitTelnet emits each line's and each command's fields, in the order and
// nesting of tshark's tree: a command under a title line naming it ("Will
// Echo", "Suboption End").
func emitTelnet(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	f := &telnetFields
	e.Proto(&protoTelnet)
	b := d.data[l.Start:l.End]
	w := newTelnetWalker(b, d.telnetWire(i, l))
	for {
		it := w.next()
		if it.Kind == telnetEnd || it.Kind == telnetCut {
			break
		}
		if it.Kind == telnetLine {
			emitWSLabelString(e, &f[telnetData], b[it.From:it.To])
			continue
		}
		o := telnetOptionOf(it.Opt)
		if e.Tree() {
			t := e.Text()
			switch {
			case it.NoOpt:
				t = append(t, "Command header"...)
			case it.HasOpt:
				t = append(append(append(t, telnetCmdVerb(it.Cmd)...), ' '), o.name...)
			default:
				if n := telnetCmdNames.Name(uint64(it.Cmd)); n != "" {
					t = append(t, n...)
				} else {
					t = append(t, "<unknown option>"...)
				}
			}
			e.Line(t)
		}
		e.Sub()
		e.Uint(&f[telnetCmd], uint64(it.Cmd))
		if it.HasOpt && !it.NoOpt {
			e.Uint(&f[telnetSubcmd], uint64(it.Opt))
			if e.Tree() {
				e.SetRepr(append(append(e.Text(), "Subcommand: "...), o.name...))
			}
			if it.Cmd == telnetSB && !it.SubShort && len(it.Sub) > 0 {
				e.Sub()
				emitTelnetSub(e, it)
				e.Up()
			}
		}
		e.Up()
	}
	e.End()
}

// emitWSLabelString adds the string field f with the value s, whose tree line
// tshark draws with control bytes escaped (octal but for \r, \n, \t …),
// bytes past 0x7f as replacement characters, and cut as Wireshark cuts a
// long label: the generic line where it draws the same.
func emitWSLabelString(e *emitter, f *Field, s []byte) {
	e.TextDone(f, appendWSText(e.Text(), s))
	if !e.Tree() {
		return
	}
	plain := len(f.Label)+2+len(s) <= treeLabelMax
	for _, c := range s {
		if c >= 0x7f || c < 0x20 && c != '\r' && c != '\n' && c != '\t' {
			plain = false
			break
		}
	}
	if !plain {
		t := e.Text()
		start := len(t)
		t = append(append(t, f.Label...), ": "...)
		t = appendWSLabelText(t, s)
		e.SetRepr(truncLabelAt(t, start, len(f.Label)))
	}
}

// emitTelnetSub emits the fields of a sub-negotiation's parameters.
func emitTelnetSub(e *emitter, it telnetItem) {
	f := &telnetFields
	o := telnetOptionOf(it.Opt)
	if !o.dissect {
		e.TextDone(&f[telnetOptionData], telnetUnescape(e.Text(), it.Sub))
		return
	}
	n := len(it.Sub) - it.Esc
	if o.fixed > 0 && n != o.fixed || o.fixed < 0 && n < -o.fixed {
		return // tshark adds an expert note rawcap does not draw
	}
	var buf [telnetSubMax]byte
	sub := it.Sub
	if it.Esc > 0 {
		if n > len(buf) {
			return // the tree leaves it out too
		}
		sub = telnetUnescape(buf[:0], it.Sub)
	}
	switch it.Opt {
	case 24, 35: // Terminal Type, X Display Location
		switch sub[0] {
		case 0:
			e.Uint(&f[telnetSubcmd], 0)
			if e.Tree() {
				e.SetRepr(append(append(e.Text(), "Here's my "...), o.name...))
			}
			if len(sub) > 1 {
				emitWSLabelString(e, &f[telnetStringSuboptValue], sub[1:])
			}
		case 1:
			e.Uint(&f[telnetSubcmd], 1)
			if e.Tree() {
				e.SetRepr(append(append(e.Text(), "Send your "...), o.name...))
			}
			if len(sub) > 1 {
				e.Bytes(&f[telnetSubcommandData], sub[1:])
				if e.Tree() {
					e.SetRepr(append(e.Text(), "Extra data"...))
				}
			}
		default:
			if len(sub) > 1 {
				e.Bytes(&f[telnetSubcommandData], sub[1:])
				e.NoTree()
			}
		}
	case 31: // NAWS
		e.Uint(&f[telnetNAWSWidth], uint64(be16(sub)))
		e.Uint(&f[telnetNAWSHeight], uint64(be16(sub[2:])))
	case 33: // Remote Flow Control
		e.Uint(&f[telnetRFCSuboptCmd], uint64(sub[0]))
	}
}
