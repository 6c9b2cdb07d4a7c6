package decode

import (
	"bytes"
	"math"
	"math/bits"
	"strconv"
	"time"
)

// NTP is an NTP message (RFC 5905 section 7.3; control messages, mode 6,
// RFC 1305 appendix B). The first byte holds the leap indicator (2 bits),
// version (3) and mode (3) in every mode.
//
//	 0                   1                   2                   3
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|LI | VN  |Mode |    Stratum    |     Poll      |   Precision   |
//	|                         Root Delay                            |
//	|                         Root Dispersion                       |
//	|                          Reference ID                         |
//	|                  Reference Timestamp (64)                     |
//	|                  Origin Timestamp (64)                        |
//	|                  Receive Timestamp (64)                       |
//	|                  Transmit Timestamp (64)                      |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
type NTP []byte

const (
	ntpTimeLen    = 48
	ntpControlLen = 12
)

// NTP modes.
const (
	NTPModeUnspec    = 0
	NTPModeSymActive = 1
	NTPModeSymPasive = 2
	NTPModeClient    = 3
	NTPModeServer    = 4
	NTPModeBroadcast = 5
	NTPModeControl   = 6
	NTPModePrivate   = 7
)

// ParseNTP returns the NTP message b. It requires the first byte; the time
// fields need 48 bytes (HasTime) and control fields 12 (HasControl).
func ParseNTP(b []byte) (NTP, error) {
	if len(b) < 1 {
		return nil, ReasonTruncated
	}
	return NTP(b[:len(b):len(b)]), nil
}

// Leap returns the leap indicator (0-3).
func (n NTP) Leap() uint8 { return n[0] >> 6 }

// Version returns the version number.
func (n NTP) Version() uint8 { return n[0] >> 3 & 7 }

// Mode returns the association mode.
func (n NTP) Mode() uint8 { return n[0] & 7 }

// HasTime reports whether the message is a time message (modes 0-5) with its
// 48-byte header present, so the time accessors may be used.
func (n NTP) HasTime() bool { return n.Mode() <= NTPModeBroadcast && len(n) >= ntpTimeLen }

// Stratum returns the stratum (time messages).
func (n NTP) Stratum() uint8 { return n[1] }

// Poll returns the log2 poll interval (time messages).
func (n NTP) Poll() int8 { return int8(n[2]) }

// Precision returns the log2 precision (time messages).
func (n NTP) Precision() int8 { return int8(n[3]) }

// RootDelay returns the root delay, 16.16 fixed point (time messages).
func (n NTP) RootDelay() uint32 { return be32(n[4:]) }

// RootDispersion returns the root dispersion, 16.16 fixed point.
func (n NTP) RootDispersion() uint32 { return be32(n[8:]) }

// RefID returns the reference ID bytes.
func (n NTP) RefID() []byte { return n[12:16] }

// Timestamp returns timestamp k (0 reference, 1 origin, 2 receive, 3
// transmit) as 32.32 fixed-point seconds since 1900.
func (n NTP) Timestamp(k int) uint64 {
	off := 16 + 8*k
	return uint64(be32(n[off:]))<<32 | uint64(be32(n[off+4:]))
}

// HasControl reports whether the message is a control message (mode 6) with
// its 12-byte header present.
func (n NTP) HasControl() bool { return n.Mode() == NTPModeControl && len(n) >= ntpControlLen }

func (d *Decoder) decodeNTP(l *Layer) LayerType {
	n, err := ParseNTP(d.bytes(l))
	l.Payload = l.End
	if err != nil {
		l.Malformed = err.(Reason)
		return LayerNone
	}
	switch {
	case n.Mode() <= NTPModeBroadcast && len(n) < ntpTimeLen,
		n.Mode() == NTPModeControl && len(n) < ntpControlLen,
		n.Mode() == NTPModeControl && ntpCtrlVarsCutShort(n),
		n.Mode() == NTPModeControl && ntpCtrlTextField(n[1]) != 0 && 12+int(be16(n[10:])) > len(n),
		n.Mode() == NTPModePrivate && ntpPrivCut(n):
		l.Malformed = ReasonTruncated
	}
	return LayerNone
}

// ntpCtrlVarsCutShort reports whether control message n holds a variable
// list (see emitNTPCtrlData) whose count runs past the captured bytes
// and whose reading runs into their end, where tshark's parser raises
// its exception.
func ntpCtrlVarsCutShort(n NTP) bool {
	if len(n) < ntpControlLen || 12+int(be16(n[10:])) <= len(n) || !ntpCtrlHasVars(n) {
		return false
	}
	data, end := n[12:], int(be16(n[10:]))
	for off := 0; off < end; {
		v := parseNTPCtrlVar(data, end, off)
		if v.cutShort || v.stopped {
			return v.cutShort
		}
		off = v.next
	}
	return false
}

// ntpStray reports whether b, a text's bytes from its NUL on, holds
// anything but NULs: tshark's "Trailing stray characters".
func ntpStray(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return true
		}
	}
	return false
}

// ntpCtrlTextField returns the field of the text the data of a control
// message whose second byte is flags2 holds (an asynchronous message's
// trap message, a configuration, an MRU list, an ordered list, a nonce),
// 0 for the other opcodes.
func ntpCtrlTextField(flags2 byte) int {
	switch flags2 & 0x1f {
	case 7:
		return ntpCtrlTrapmsg
	case 8, 9:
		return ntpCtrlConfiguration
	case 10:
		return ntpCtrlMRU
	case 11:
		return ntpCtrlOrdlist
	case 12:
		return ntpCtrlNonce
	}
	return 0
}

// ntpCtrlHasVars reports whether control message n's data is a list of
// variables: opcodes 1 to 5, except the association list a read status
// of association 0 answers.
func ntpCtrlHasVars(n NTP) bool {
	op := n[1] & 0x1f
	return op >= 1 && op <= 5 && !(n[1]&0xdf == 0x81 && be16(n[6:]) == 0)
}

// emitNTP emits the fields with Wireshark's field names (ntp.flags.li,
// ntp.flags.vn, ntp.flags.mode, ntp.stratum, ntp.ppoll, ntp.precision,
// ntp.rootdelay, ntp.rootdispersion, ntp.refid, ntp.reftime, ntp.org,
// ntp.rec, ntp.xmt, ntp.keyid, ntp.mac), with tshark's values: root delay
// and dispersion as raw 16.16 numbers, timestamps as UTC dates ("NULL" for
// zero). The -V tree is drawn from them (treefields.go), with tshark's
// wording of the title, the flags and the clock's fields, and a control
// message's header, status words and data; the fields of a time message
// cut short and of mode 7 (whose fields are implementation-specific) stay
// out of it.
func emitNTP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoNTP)
	n := NTP(d.data[l.Start:l.End])
	if len(n) < 1 {
		e.End()
		return
	}
	f := &ntpFields
	if e.Tree() {
		b := append(e.Text(), "Network Time Protocol (NTP Version "...)
		b = strconv.AppendUint(b, uint64(n.Version()), 10)
		b = append(b, ", "...)
		switch n.Mode() {
		case NTPModeControl:
			b = append(b, "control"...)
		case NTPModePrivate:
			b = append(b, "private"...)
		default:
			b = append(b, f[ntpFlagsMode].ValueNames().Name(uint64(n.Mode()))...)
		}
		e.SetRepr(append(b, ')'))
	}
	private := n.Mode() == NTPModePrivate
	e.Uint(&f[ntpFlags], uint64(n[0]))
	if e.Tree() {
		b := append(e.Text(), "Flags: 0x"...)
		b = appendHex2(b, n[0])
		if private { // Wireshark's mode 7 has its own flags
			b = append(b, ", Response bit: "...)
			b = append(b, f[ntpPrivFlagsR].ValueNames().Name(uint64(n[0]>>7))...)
		} else {
			b = append(b, ", Leap Indicator: "...)
			b = append(b, f[ntpFlagsLi].ValueNames().Name(uint64(n.Leap()))...)
		}
		b = append(b, ", Version number: "...)
		b = append(b, f[ntpFlagsVn].ValueNames().Name(uint64(n.Version()))...)
		b = append(b, ", Mode: "...)
		e.SetRepr(append(b, f[ntpFlagsMode].ValueNames().Name(uint64(n.Mode()))...))
	}
	e.Sub()
	if private {
		e.UintBits(&f[ntpPrivFlagsR], uint64(n[0]))
		e.UintBits(&f[ntpPrivFlagsMore], uint64(n[0]))
	} else {
		e.UintBits(&f[ntpFlagsLi], uint64(n[0]))
	}
	e.UintBits(&f[ntpFlagsVn], uint64(n[0]))
	e.UintBits(&f[ntpFlagsMode], uint64(n[0]))
	e.Up()
	// Wireshark shows ppoll and precision as unsigned bytes (236 for
	// 2^-20).
	if n.Mode() <= NTPModeBroadcast {
		emitNTPClock(e, n)
	}
	switch n.Mode() { // the fields a message cut short still has
	case NTPModeControl:
		emitNTPCtrl(e, n)
	case NTPModePrivate:
		emitNTPPriv(e, n)
	}
	e.End()
}

// emitNTPCtrl emits a control message's header (mode 6) after its first
// byte, its data, and then the status of each association a list holds,
// in the order of tshark's tree.
func emitNTPCtrl(e *emitter, n NTP) {
	f := &ntpFields
	if len(n) >= 2 {
		v := uint64(n[1])
		e.Uint(&f[ntpCtrlFlags2], v)
		if e.Tree() {
			b := appendHex2(append(e.Text(), "Flags 2: 0x"...), n[1])
			b = append(append(b, ", Response bit: "...), f[ntpCtrlFlags2R].ValueNames().Name(v>>7)...)
			op := f[ntpCtrlFlags2Opcode].ValueNames().Name(v & 0x1f)
			if op == "" {
				op = "Unknown"
			}
			e.SetRepr(append(append(b, ", Opcode: "...), op...))
		}
		e.Sub()
		e.UintBits(&f[ntpCtrlFlags2R], v)
		e.UintBits(&f[ntpCtrlFlags2Error], v)
		e.UintBits(&f[ntpCtrlFlags2More], v)
		e.UintBits(&f[ntpCtrlFlags2Opcode], v)
		e.Up()
	}
	if len(n) >= 4 {
		e.Uint(&f[ntpCtrlSequence], uint64(be16(n[2:])))
	}
	if len(n) >= 8 { // tshark reads the association first: without it, no status
		emitNTPCtrlStatus(e, n[1], be16(n[6:]), be16(n[4:]))
	}
	for k, key := range [...]*Field{&f[ntpCtrlAssocid], &f[ntpCtrlOffset], &f[ntpCtrlCount]} {
		if len(n) >= 8+2*k {
			e.Uint(key, uint64(be16(n[6+2*k:])))
		}
	}
	emitNTPCtrlData(e, n)
}

// emitNTPCtrlStatus emits a control message's status word v, read as
// tshark reads it: in a response with the error bit, the error status; in
// another response to reading or writing clock variables, the clock's; to
// reading status or variables, writing variables or an asynchronous
// message, the system's status (association 0) or the association's (peer
// status); otherwise, and in a request, it has no parts.
func emitNTPCtrlStatus(e *emitter, flags2 byte, assoc, v uint16) {
	f := &ntpFields
	e.Uint(&f[ntpCtrlStatus], uint64(v))
	response := flags2&0x80 != 0
	opcode := flags2 & 0x1f
	var parts []Field
	switch {
	case !response:
		return // "Status: 0x0000", tshark's line
	case flags2&0x40 != 0:
		parts = f[ntpCtrlErrStatus : ntpCtrlErrStatus+1]
	case opcode == 4 || opcode == 5:
		parts = f[ntpCtrlClockStatus : ntpCtrlClockCode+1]
	case opcode != 1 && opcode != 2 && opcode != 3 && opcode != 7:
		return // no parts
	case assoc != 0:
		parts = f[ntpCtrlPeerConfig : ntpCtrlPeerCode+1]
	default:
		parts = f[ntpCtrlSysLI : ntpCtrlSysCode+1]
	}
	emitNTPStatusParts(e, uint64(v), parts)
}

// emitNTPStatusParts gives the status word added last, v, tshark's line
// ("Status: 0x0618, Leap Indicator: no warning, …": each set flag's label
// and each named part's name) and its parts beneath it.
func emitNTPStatusParts(e *emitter, v uint64, parts []Field) {
	if e.Tree() {
		b := appendHex4(append(e.Text(), "Status: 0x"...), uint16(v))
		for k := range parts {
			p := &parts[k]
			if p.Kind == KindBool {
				if v&p.Mask != 0 {
					b = append(append(b, ", "...), p.Label...)
				}
				continue
			}
			if vn := p.ValueNames(); vn != nil && len(vn.Values) > 0 {
				b = append(append(append(b, ", "...), p.Label...), ": "...)
				if name := vn.Name(v & p.Mask >> bits.TrailingZeros64(p.Mask)); name != "" {
					b = append(b, name...)
				} else {
					b = append(b, "Unknown"...)
				}
			}
		}
		e.SetRepr(b)
	}
	e.Sub()
	for k := range parts {
		if parts[k].Kind == KindBool {
			e.BoolBits(&parts[k], v)
		} else {
			e.UintBits(&parts[k], v)
		}
	}
	e.Up()
}

// emitNTPCtrlData emits a control message's data (ntp.ctrl.data, when its
// count is not 0) and what tshark draws under it: in the response to a
// read status of association 0, the list of associations (an "Item" per
// association, with its ID); for the other opcodes that carry variables
// (1 to 5), the "name=value" list, which tshark shows as lines that are
// no fields (ntpCtrlVars).
func emitNTPCtrlData(e *emitter, n NTP) {
	f := &ntpFields
	if len(n) < ntpControlLen || be16(n[10:]) == 0 {
		return
	}
	data := n[12:min(len(n), 12+int(be16(n[10:])))]
	list := n[1]&0xdf == 0x81 && be16(n[6:]) == 0 // a response, no error, read status, association 0
	e.None(&f[ntpCtrlData])
	if !list {
		switch k := ntpCtrlTextField(n[1]); {
		case e.Tree() && ntpCtrlHasVars(n):
			e.Sub()
			emitNTPCtrlVars(e, data, int(be16(n[10:])))
			e.Up()
		case k != 0 && len(data) == int(be16(n[10:])):
			// A text read as ASCII, up to a NUL.
			e.Sub()
			e.TextDone(&f[k], appendWSText(e.Text(), data))
			if e.Tree() {
				b := e.Text()
				at := len(b)
				b = appendWSLabelText(append(append(b, f[k].Label...), ": "...), data)
				e.SetRepr(truncLabelAt(b, at, len(f[k].Label)))
				if z := bytes.IndexByte(data, 0); z >= 0 && ntpStray(data[z:]) {
					e.Sub()
					e.ExpertLine("Warning", "Undecoded", "Trailing stray characters", nil)
					e.Up()
				}
			}
			e.Up()
		}
		return
	}
	e.Sub()
	for k := 0; k+4 <= len(data); k += 4 {
		e.None(&f[ntpCtrlItem])
		e.Sub()
		e.Uint(&f[ntpCtrlAssocid], uint64(be16(data[k:])))
		e.Up()
		if !e.all && !e.Tree() {
			break // JSON: the first
		}
	}
	e.Up()
	// Each association's status, which tshark adds after the data, at the
	// level of the header's.
	if !e.all && !e.Tree() {
		return // JSON keeps the header's
	}
	for k := 0; k+4 <= len(data); k += 4 {
		e.Uint(&f[ntpCtrlStatus], uint64(be16(data[k+2:])))
		emitNTPStatusParts(e, uint64(be16(data[k+2:])), f[ntpCtrlPeerConfig:ntpCtrlPeerCode+1])
	}
}

// ntpCtrlVar is one "name=value" of a control message's variable list, as
// offsets into the data: the name, the value (plain, or quoted when
// quoted is set, quotes included) and the text after the value up to the
// next comma (rest).
type ntpCtrlVar struct {
	start, keyEnd     int
	eq                bool // the name is followed by '='
	eqEnd             int  // after the '='
	val, valEnd       int
	quoted            bool
	rest, restEnd     int
	comma             bool // rest ends at a comma
	next              int  // where the next variable is looked for
	end               int  // the end of the variable's text
	cutShort, stopped bool
}

// ntpCtrlSpace reports whether c is one of the characters skipped between
// the parts of a variable.
func ntpCtrlSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// ntpCtrlNameChar reports whether c may be part of a variable's name; a
// plain value may also hold spaces.
func ntpCtrlNameChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
}

// parseNTPCtrlVar reads the variable at off of data, a list of end bytes
// (its count; data may hold fewer), as tshark does. A variable is a name,
// then either '=' and a value (a quoted string, or the name's characters
// and spaces) or nothing, then whatever follows up to the next comma
// (rest: empty when no comma follows), the characters of ntpCtrlSpace
// skipped before each part. The search for the comma looks at the rest's
// first byte and then at most up to the list's last byte but one, as
// tshark's does. It sets stopped when no name starts at off, and cutShort
// when reading ran into the end of data before end (tshark's exception:
// the variable is lost, the packet malformed).
func parseNTPCtrlVar(data []byte, end, off int) (v ntpCtrlVar) {
	// at returns byte p, and false past the list's end or, setting
	// cutShort, past the bytes captured.
	at := func(p int) (byte, bool) {
		switch {
		case p >= end:
			return 0, false
		case p >= len(data):
			v.cutShort = true
			return 0, false
		}
		return data[p], true
	}
	skip := func(p int) int {
		for c, ok := at(p); ok && ntpCtrlSpace(c); c, ok = at(p) {
			p++
		}
		return p
	}
	p := skip(off)
	if c, ok := at(p); !ok || !ntpCtrlNameChar(c) {
		v.stopped = true
		return v
	}
	v.start = p
	for c, ok := at(p); ok && ntpCtrlNameChar(c); c, ok = at(p) {
		p++
	}
	v.keyEnd, v.end = p, p
	q := skip(p)
	if c, ok := at(q); ok && c == '=' {
		v.eq, v.eqEnd, v.end = true, q+1, q+1
		r := skip(q + 1)
		v.val, v.valEnd = r, r
		if c, ok := at(r); ok && c == '"' {
			// The closing quote is looked for in the captured bytes.
			for j := r + 1; j < min(end, len(data)); j++ {
				if data[j] == '"' {
					v.quoted, v.valEnd = true, j+1
					break
				}
			}
		}
		if !v.quoted {
			for c, ok := at(v.valEnd); ok && (ntpCtrlNameChar(c) || c == ' '); c, ok = at(v.valEnd) {
				v.valEnd++
			}
		}
		if v.valEnd > v.val {
			v.end = v.valEnd
		}
		q = skip(v.valEnd)
	}
	v.rest, v.restEnd, v.next = q, q, q
	for j := q; j < end; {
		c, ok := at(j)
		if !ok {
			break
		}
		if c == ',' {
			v.restEnd, v.comma = j, true
			v.next = skip(j + 1)
			if v.restEnd > v.rest {
				v.end = v.restEnd
			}
			break
		}
		if j++; j >= end-1 {
			break
		}
	}
	return v
}

// emitNTPCtrlVars adds the tree lines tshark draws for a control
// message's variable list: per variable, its text, then the parts its
// parser found, nested as tshark nests them (a plain value three times,
// a quoted one with its quotes and its text). A list whose count runs
// past the captured bytes ends with the variable being read (cut).
func emitNTPCtrlVars(e *emitter, data []byte, end int) {
	line := func(s []byte) {
		b := e.Text()
		start := len(b)
		e.Line(truncLabelAt(appendWSFormatText(b, s), start, 0))
	}
	for off := 0; off < end; {
		v := parseNTPCtrlVar(data, end, off)
		if v.stopped || v.cutShort {
			return
		}
		line(data[v.start:v.end])
		e.Sub()
		line(data[v.start:v.end])
		e.Sub()
		line(data[v.start:v.keyEnd])
		if v.eq {
			line(data[v.eqEnd-1 : v.eqEnd])
			val := data[v.val:v.valEnd]
			line(val)
			switch {
			case v.quoted:
				inner := val[1 : len(val)-1]
				e.Sub()
				line(val)
				e.Sub()
				line(inner)
				e.Sub()
				line(val)
				e.Sub()
				line(val[:1])
				k := 0
				for k < len(inner) && ntpCtrlSpace(inner[k]) {
					k++
				}
				if k < len(inner) {
					line(inner[k:])
					e.Sub()
					line(inner[k:])
					e.Sub()
					line(inner[k:])
					e.Up()
					e.Up()
				}
				line(val[:1])
				e.Up()
				e.Up()
				e.Up()
				e.Up()
			case len(val) > 0:
				e.Sub()
				line(val)
				e.Sub()
				line(val)
				e.Up()
				e.Up()
			}
		}
		line(data[v.rest:v.restEnd])
		if v.comma {
			e.Sub()
			line(data[v.rest:v.restEnd])
			e.Up()
		}
		e.Up()
		e.Up()
		off = v.next
	}
}

// emitNTPClock emits the fields of a message that carries the clock's
// time (modes 0 to 5), with tshark's tree wording: those n holds whole
// when it is cut short.
func emitNTPClock(e *emitter, n NTP) {
	f := &ntpFields
	if len(n) < 2 {
		return
	}
	st := n.Stratum()
	e.Uint(&f[ntpStratum], uint64(st))
	if e.Tree() {
		e.SetRepr(appendNTPStratum(e.Text(), st))
	}
	if len(n) < 3 {
		return
	}
	e.Uint(&f[ntpPpoll], uint64(n[2]))
	if e.Tree() {
		b := append(e.Text(), "Peer Polling Interval: "...)
		if p := n[2]; p >= 4 && p <= 17 {
			b = strconv.AppendUint(b, uint64(p), 10)
			b = append(b, " ("...)
			b = strconv.AppendUint(b, 1<<p, 10)
			b = append(b, " seconds)"...)
		} else {
			b = append(b, "invalid ("...)
			b = strconv.AppendUint(b, uint64(p), 10)
			b = append(b, ')')
		}
		e.SetRepr(b)
	}
	if len(n) < 4 {
		return
	}
	e.Uint(&f[ntpPrecision], uint64(n[3]))
	if e.Tree() {
		b := append(e.Text(), "Peer Clock Precision: "...)
		b = strconv.AppendFloat(b, math.Ldexp(1, int(n.Precision())), 'f', 6, 64)
		e.SetRepr(append(b, " seconds"...))
	}
	// tshark shows the raw 16.16 fixed-point values, and seconds in its
	// tree.
	for _, k := range [...]int{ntpRootdelay, ntpRootdispersion} {
		if len(n) < 8+4*(k-ntpRootdelay) {
			return
		}
		v := n.RootDelay()
		if k == ntpRootdispersion {
			v = n.RootDispersion()
		}
		e.Uint(&f[k], uint64(v))
		if e.Tree() {
			b := append(e.Text(), f[k].Label...)
			b = append(b, ": "...)
			b = strconv.AppendFloat(b, float64(v)/65536, 'f', 6, 64)
			e.SetRepr(append(b, " seconds"...))
		}
	}
	if len(n) < 16 {
		return
	}
	ref := n.RefID()
	e.Bytes(&f[ntpRefid], ref)
	// Wireshark names reference clocks from a table rawcap does not carry
	// ("Global Position System" for GPS): for stratum 1 the line is left out.
	if st == 1 && be32(ref) != 0 {
		e.NoTree()
	} else if e.Tree() {
		e.SetRepr(appendNTPRefID(append(e.Text(), "Reference ID: "...), st, ref))
	}
	for k := range 4 {
		if len(n) < 24+8*k {
			return
		}
		emitNTPTime(e, &f[ntpReftime+k], n[16+8*k:])
	}
	if len(n) >= ntpTimeLen+4 {
		e.Bytes(&f[ntpKeyid], n[ntpTimeLen:ntpTimeLen+4])
		if len(n) > ntpTimeLen+4 {
			e.Bytes(&f[ntpMAC], n[ntpTimeLen+4:])
		}
	}
}

// appendNTPStratum appends stratum st's line as tshark words it ("Peer
// Clock Stratum: secondary reference (2)").
func appendNTPStratum(b []byte, st uint8) []byte {
	b = append(b, "Peer Clock Stratum: "...)
	switch {
	case st == 0:
		b = append(b, "unspecified or invalid"...)
	case st == 1:
		b = append(b, "primary reference"...)
	case st <= 15:
		b = append(b, "secondary reference"...)
	case st == 16:
		b = append(b, "unsynchronized"...)
	default:
		b = append(b, "reserved"...)
	}
	b = append(b, " ("...)
	b = strconv.AppendUint(b, uint64(st), 10)
	return append(b, ')')
}

// appendNTPRefID appends the reference ID as Wireshark words it.
func appendNTPRefID(b []byte, st uint8, ref []byte) []byte {
	switch {
	case be32(ref) == 0:
		return append(b, "NULL"...)
	case st == 0 && string(ref) == "INIT":
		return append(b, "(Initialization)"...)
	case st <= 1:
		b = append(b, "Unidentified reference source '"...)
		for _, c := range ref {
			if c == 0 {
				break
			}
			b = appendPrintChar(b, c)
		}
		return append(b, '\'')
	}
	return appendIPv4(b, ref, 0)
}

const (
	ntpFlags = iota
	ntpFlagsLi
	ntpFlagsVn
	ntpFlagsMode
	ntpStratum
	ntpPpoll
	ntpPrecision
	ntpRootdelay
	ntpRootdispersion
	ntpRefid
	ntpReftime
	ntpOrg
	ntpRec
	ntpXmt
	ntpKeyid
	ntpMAC
	ntpCtrlFlags2
	ntpCtrlFlags2R
	ntpCtrlFlags2Error
	ntpCtrlFlags2More
	ntpCtrlFlags2Opcode
	ntpCtrlSequence
	ntpCtrlStatus
	ntpCtrlErrStatus
	ntpCtrlSysLI
	ntpCtrlSysClksrc
	ntpCtrlSysCount
	ntpCtrlSysCode
	ntpCtrlPeerConfig
	ntpCtrlPeerAuthenable
	ntpCtrlPeerAuthentic
	ntpCtrlPeerReach
	ntpCtrlPeerBcast
	ntpCtrlPeerSelection
	ntpCtrlPeerCount
	ntpCtrlPeerCode
	ntpCtrlClockStatus
	ntpCtrlClockCode
	ntpCtrlAssocid
	ntpCtrlOffset
	ntpCtrlCount
	ntpCtrlData
	ntpCtrlItem
	ntpCtrlTrapmsg
	ntpCtrlConfiguration
	ntpCtrlMRU
	ntpCtrlOrdlist
	ntpCtrlNonce
	ntpPrivFlagsR
	ntpPrivFlagsMore
	ntpPrivAuthSeq
	ntpPrivAuth
	ntpPrivSeq
	ntpPrivImpl
	ntpPrivReqcode
	ntpPrivErr
	ntpPrivNumitems
	ntpPrivReserved
	ntpPrivItemsize
	ntpPrivItem
	// AUTHINFO's item.
	ntpPrivTimereset
	ntpPrivNumkeys
	ntpPrivNumfreekeys
	ntpPrivKeylookups
	ntpPrivKeynotfound
	ntpPrivEncryptions
	ntpPrivDecryptions
	ntpPrivExpired
	ntpPrivKeyuncached
	// LOOP_INFO's.
	ntpPrivLastOffset
	ntpPrivDriftComp
	ntpPrivCompliance
	ntpPrivWatchdogTimer
	// GET_KERNEL's.
	ntpPrivKernelOffset
	ntpPrivFreq
	ntpPrivMaxerror
	ntpPrivEsterror
	ntpPrivStatus
	ntpPrivShift
	ntpPrivConstant
	ntpPrivPrecision
	ntpPrivTolerance
	ntpPrivPpsfreq
	ntpPrivJitter
	ntpPrivStabil
	ntpPrivJitcnt
	ntpPrivCalcnt
	ntpPrivErrcnt
	ntpPrivStbcnt
	// PEER_LIST_SUM's.
	ntpPrivDstaddress
	ntpPrivSrcaddress
	ntpPrivSrcport
	ntpPrivHpoll
	ntpPrivReach
	ntpPrivPeerFlags
	ntpPrivPeerFlagsConfig
	ntpPrivPeerFlagsSyspeer
	ntpPrivPeerFlagsBurst
	ntpPrivPeerFlagsRefclock
	ntpPrivPeerFlagsPrefer
	ntpPrivPeerFlagsAuthenable
	ntpPrivPeerFlagsSelCandidate
	ntpPrivPeerFlagsShortlist
	ntpPrivHmode
	ntpPrivDelay
	ntpPrivOffset
	ntpPrivDispersion
	ntpPrivIPv6Flag
	ntpPrivUnused
	ntpPrivDstaddress6
	ntpPrivSrcaddress6
	ntpPrivTstamp
	ntpFieldCount
)

var ntpFields = [ntpFieldCount]Field{
	ntpFlags:            {Name: "ntp.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	ntpFlagsLi:          {Name: "ntp.flags.li", Label: "Leap Indicator", Kind: KindUint, Width: 8, Mask: 0xc0},
	ntpFlagsVn:          {Name: "ntp.flags.vn", Label: "Version number", Kind: KindUint, Width: 8, Mask: 0x38},
	ntpFlagsMode:        {Name: "ntp.flags.mode", Label: "Mode", Kind: KindUint, Width: 8, Mask: 0x7},
	ntpStratum:          {Name: "ntp.stratum", Label: "Peer Clock Stratum", Kind: KindUint, Width: 8},
	ntpPpoll:            {Name: "ntp.ppoll", Label: "Peer Polling Interval", Kind: KindUint, Width: 8},
	ntpPrecision:        {Name: "ntp.precision", Label: "Peer Clock Precision", Kind: KindUint, Width: 8},
	ntpRootdelay:        {Name: "ntp.rootdelay", Label: "Root Delay", Kind: KindUint, Width: 32},
	ntpRootdispersion:   {Name: "ntp.rootdispersion", Label: "Root Dispersion", Kind: KindUint, Width: 32},
	ntpRefid:            {Name: "ntp.refid", Label: "Reference ID", Kind: KindBytes},
	ntpReftime:          {Name: "ntp.reftime", Label: "Reference Timestamp", Kind: KindTime},
	ntpOrg:              {Name: "ntp.org", Label: "Origin Timestamp", Kind: KindTime},
	ntpRec:              {Name: "ntp.rec", Label: "Receive Timestamp", Kind: KindTime},
	ntpXmt:              {Name: "ntp.xmt", Label: "Transmit Timestamp", Kind: KindTime},
	ntpKeyid:            {Name: "ntp.keyid", Label: "Key ID", Kind: KindBytes},
	ntpMAC:              {Name: "ntp.mac", Label: "Message Authentication Code", Kind: KindBytes},
	ntpCtrlFlags2:       {Name: "ntp.ctrl.flags2", Label: "Flags 2", Kind: KindUint, Width: 8, Base: BaseHex},
	ntpCtrlFlags2R:      {Name: "ntp.ctrl.flags2.r", Label: "Response bit", Kind: KindUint, Width: 8, Mask: 0x80},
	ntpCtrlFlags2Error:  {Name: "ntp.ctrl.flags2.error", Label: "Error bit", Kind: KindUint, Width: 8, Mask: 0x40},
	ntpCtrlFlags2More:   {Name: "ntp.ctrl.flags2.more", Label: "More bit", Kind: KindUint, Width: 8, Mask: 0x20},
	ntpCtrlFlags2Opcode: {Name: "ntp.ctrl.flags2.opcode", Label: "Opcode", Kind: KindUint, Width: 8, Mask: 0x1f},
	ntpCtrlSequence:     {Name: "ntp.ctrl.sequence", Label: "Sequence", Kind: KindUint, Width: 16},
	ntpCtrlStatus:       {Name: "ntp.ctrl.status", Label: "Status", Kind: KindUint, Width: 16, Base: BaseHex},
	// A response's status word: the system's (association 0) or an
	// association's.
	ntpCtrlErrStatus:      {Name: "ntp.ctrl.err_status", Label: "Error Status Word", Kind: KindUint, Width: 16, Mask: 0xff00},
	ntpCtrlSysLI:          {Name: "ntp.ctrl.sys_status.li", Label: "Leap Indicator", Kind: KindUint, Width: 16, Mask: 0xc000},
	ntpCtrlSysClksrc:      {Name: "ntp.ctrl.sys_status.clksrc", Label: "Clock Source", Kind: KindUint, Width: 16, Mask: 0x3f00},
	ntpCtrlSysCount:       {Name: "ntp.ctrl.sys_status.count", Label: "System Event Counter", Kind: KindUint, Width: 16, Mask: 0xf0},
	ntpCtrlSysCode:        {Name: "ntp.ctrl.sys_status.code", Label: "System Event Code", Kind: KindUint, Width: 16, Mask: 0xf},
	ntpCtrlPeerConfig:     {Name: "ntp.ctrl.peer_status.config", Label: "Peer Status", Kind: KindBool, Width: 16, Mask: 0x8000},
	ntpCtrlPeerAuthenable: {Name: "ntp.ctrl.peer_status.authenable", Label: "Peer Status", Kind: KindBool, Width: 16, Mask: 0x4000},
	ntpCtrlPeerAuthentic:  {Name: "ntp.ctrl.peer_status.authentic", Label: "Peer Status", Kind: KindBool, Width: 16, Mask: 0x2000},
	ntpCtrlPeerReach:      {Name: "ntp.ctrl.peer_status.reach", Label: "Peer Status", Kind: KindBool, Width: 16, Mask: 0x1000},
	ntpCtrlPeerBcast:      {Name: "ntp.ctrl.peer_status.bcast", Label: "Peer Status broadcast association", Kind: KindBool, Width: 16, Mask: 0x800},
	ntpCtrlPeerSelection:  {Name: "ntp.ctrl.peer_status.selection", Label: "Peer Selection", Kind: KindUint, Width: 16, Mask: 0x700},
	ntpCtrlPeerCount:      {Name: "ntp.ctrl.peer_status.count", Label: "Peer Event Counter", Kind: KindUint, Width: 16, Mask: 0xf0},
	ntpCtrlPeerCode:       {Name: "ntp.ctrl.peer_status.code", Label: "Peer Event Code", Kind: KindUint, Width: 16, Mask: 0xf},
	ntpCtrlClockStatus:    {Name: "ntp.ctrl.clock_status.status", Label: "Clock Status", Kind: KindUint, Width: 16, Mask: 0xff00},
	ntpCtrlClockCode:      {Name: "ntp.ctrl.clock_status.code", Label: "Clock Event Code", Kind: KindUint, Width: 16, Mask: 0xff},
	ntpCtrlAssocid:        {Name: "ntp.ctrl.associd", Label: "AssociationID", Kind: KindUint, Width: 16},
	ntpCtrlOffset:         {Name: "ntp.ctrl.offset", Label: "Offset", Kind: KindUint, Width: 16},
	ntpCtrlCount:          {Name: "ntp.ctrl.count", Label: "Count", Kind: KindUint, Width: 16},
	ntpCtrlData:           {Name: "ntp.ctrl.data", Label: "Data", Kind: KindNone},
	ntpCtrlItem:           {Name: "ntp.ctrl.item", Label: "Item", Kind: KindNone},
	ntpCtrlTrapmsg:        {Name: "ntp.ctrl.trapmsg", Label: "Trap message", Kind: KindString},
	ntpCtrlConfiguration:  {Name: "ntp.ctrl.configuration", Label: "Configuration", Kind: KindString},
	ntpCtrlMRU:            {Name: "ntp.ctrl.mru", Label: "MRU", Kind: KindString},
	ntpCtrlOrdlist:        {Name: "ntp.ctrl.ordlist", Label: "Ordered List", Kind: KindString},
	ntpCtrlNonce:          {Name: "ntp.ctrl.nonce", Label: "Nonce", Kind: KindString},
	// Mode 7 (private): its header, and the items of the requests rawcap
	// reads.
	ntpPrivFlagsR:                {Name: "ntp.priv.flags.r", Label: "Response bit", Kind: KindUint, Width: 8, Mask: 0x80},
	ntpPrivFlagsMore:             {Name: "ntp.priv.flags.more", Label: "More bit", Kind: KindUint, Width: 8, Mask: 0x40},
	ntpPrivAuthSeq:               {Name: "ntp.priv.auth_seq", Label: "Auth, sequence", Kind: KindUint, Width: 8},
	ntpPrivAuth:                  {Name: "ntp.priv.auth", Label: "Auth bit", Kind: KindUint, Width: 8, Mask: 0x80},
	ntpPrivSeq:                   {Name: "ntp.priv.seq", Label: "Sequence number", Kind: KindUint, Width: 8, Mask: 0x7f},
	ntpPrivImpl:                  {Name: "ntp.priv.impl", Label: "Implementation", Kind: KindUint, Width: 8},
	ntpPrivReqcode:               {Name: "ntp.priv.reqcode", Label: "Request code", Kind: KindUint, Width: 8},
	ntpPrivErr:                   {Name: "ntp.priv.err", Label: "Err", Kind: KindUint, Width: 8, Base: BaseHex},
	ntpPrivNumitems:              {Name: "ntp.priv.numitems", Label: "Number of data items", Kind: KindUint, Width: 16},
	ntpPrivReserved:              {Name: "ntp.priv.reserved", Label: "Reserved", Kind: KindUint, Width: 8, Base: BaseHex},
	ntpPrivItemsize:              {Name: "ntp.priv.itemsize", Label: "Size of data item", Kind: KindUint, Width: 16},
	ntpPrivItem:                  {Name: "ntp.priv.mode7.item", Label: "Mode7 item", Kind: KindString},
	ntpPrivTimereset:             {Name: "ntp.priv.mode7.timereset", Label: "Time reset", Kind: KindUint, Width: 32},
	ntpPrivNumkeys:               {Name: "ntp.priv.mode7.numkeys", Label: "Num keys", Kind: KindUint, Width: 32},
	ntpPrivNumfreekeys:           {Name: "ntp.priv.mode7.numfreekeys", Label: "Num free keys", Kind: KindUint, Width: 32},
	ntpPrivKeylookups:            {Name: "ntp.priv.mode7.keylookups", Label: "Keylookups", Kind: KindUint, Width: 32},
	ntpPrivKeynotfound:           {Name: "ntp.priv.mode7.keynotfound", Label: "Key not found", Kind: KindUint, Width: 32},
	ntpPrivEncryptions:           {Name: "ntp.priv.mode7.encryptions", Label: "Encryptions", Kind: KindUint, Width: 32},
	ntpPrivDecryptions:           {Name: "ntp.priv.mode7.decryptions", Label: "Decryptions", Kind: KindUint, Width: 32},
	ntpPrivExpired:               {Name: "ntp.priv.mode7.expired", Label: "Expired", Kind: KindUint, Width: 32},
	ntpPrivKeyuncached:           {Name: "ntp.priv.mode7.keyuncached", Label: "Key uncached", Kind: KindUint, Width: 32},
	ntpPrivLastOffset:            {Name: "ntp.priv.mode7.last_offset", Label: "Last offset", Kind: KindInt, Width: 64},
	ntpPrivDriftComp:             {Name: "ntp.priv.mode7.drift_comp", Label: "Drift comp", Kind: KindInt, Width: 64},
	ntpPrivCompliance:            {Name: "ntp.priv.mode7.compliance", Label: "Compliance", Kind: KindUint, Width: 32},
	ntpPrivWatchdogTimer:         {Name: "ntp.priv.mode7.watchdog_timer", Label: "Watchdog timer", Kind: KindUint, Width: 32},
	ntpPrivKernelOffset:          {Name: "ntp.priv.mode7.kernel_offset", Label: "Offset", Kind: KindInt, Width: 32},
	ntpPrivFreq:                  {Name: "ntp.priv.mode7.freq", Label: "Freq", Kind: KindInt, Width: 32},
	ntpPrivMaxerror:              {Name: "ntp.priv.mode7.maxerror", Label: "Max error", Kind: KindInt, Width: 32},
	ntpPrivEsterror:              {Name: "ntp.priv.mode7.esterror", Label: "Est error", Kind: KindInt, Width: 32},
	ntpPrivStatus:                {Name: "ntp.priv.mode7.status", Label: "Status", Kind: KindUint, Width: 16},
	ntpPrivShift:                 {Name: "ntp.priv.mode7.shift", Label: "Shift", Kind: KindUint, Width: 16},
	ntpPrivConstant:              {Name: "ntp.priv.mode7.constant", Label: "Constant", Kind: KindInt, Width: 32},
	ntpPrivPrecision:             {Name: "ntp.priv.mode7.precision", Label: "Precision", Kind: KindInt, Width: 32},
	ntpPrivTolerance:             {Name: "ntp.priv.mode7.tolerance", Label: "tolerance", Kind: KindInt, Width: 32},
	ntpPrivPpsfreq:               {Name: "ntp.priv.mode7.ppsfreq", Label: "ppsfreq", Kind: KindInt, Width: 32},
	ntpPrivJitter:                {Name: "ntp.priv.mode7.jitter", Label: "jitter", Kind: KindInt, Width: 32},
	ntpPrivStabil:                {Name: "ntp.priv.mode7.stabil", Label: "stabil", Kind: KindInt, Width: 32},
	ntpPrivJitcnt:                {Name: "ntp.priv.mode7.jitcnt", Label: "jitcnt", Kind: KindInt, Width: 32},
	ntpPrivCalcnt:                {Name: "ntp.priv.mode7.calcnt", Label: "calcnt", Kind: KindInt, Width: 32},
	ntpPrivErrcnt:                {Name: "ntp.priv.mode7.errcnt", Label: "errcnt", Kind: KindInt, Width: 32},
	ntpPrivStbcnt:                {Name: "ntp.priv.mode7.stbcnt", Label: "stbcnt", Kind: KindInt, Width: 32},
	ntpPrivDstaddress:            {Name: "ntp.priv.mode7.dstaddress", Label: "Destination address", Kind: KindIPv4},
	ntpPrivSrcaddress:            {Name: "ntp.priv.mode7.srcaddress", Label: "Source address", Kind: KindIPv4},
	ntpPrivSrcport:               {Name: "ntp.priv.mode7.srcport", Label: "Source port", Kind: KindUint, Width: 16},
	ntpPrivHpoll:                 {Name: "ntp.priv.mode7.hpoll", Label: "Host polling interval", Kind: KindInt, Width: 8},
	ntpPrivReach:                 {Name: "ntp.priv.mode7.reach", Label: "Reach", Kind: KindUint, Width: 8},
	ntpPrivPeerFlags:             {Name: "ntp.priv.mode7.peer.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xff},
	ntpPrivPeerFlagsConfig:       {Name: "ntp.priv.mode7.peer.flags.config", Label: "Config", Kind: KindBool, Width: 8, Mask: 0x1},
	ntpPrivPeerFlagsSyspeer:      {Name: "ntp.priv.mode7.peer.flags.syspeer", Label: "Syspeer", Kind: KindBool, Width: 8, Mask: 0x2},
	ntpPrivPeerFlagsBurst:        {Name: "ntp.priv.mode7.peer.flags.burst", Label: "Burst", Kind: KindBool, Width: 8, Mask: 0x4},
	ntpPrivPeerFlagsRefclock:     {Name: "ntp.priv.mode7.peer.flags.refclock", Label: "Refclock", Kind: KindBool, Width: 8, Mask: 0x8},
	ntpPrivPeerFlagsPrefer:       {Name: "ntp.priv.mode7.peer.flags.prefer", Label: "Prefer", Kind: KindBool, Width: 8, Mask: 0x10},
	ntpPrivPeerFlagsAuthenable:   {Name: "ntp.priv.mode7.peer.flags.authenable", Label: "Auth enable", Kind: KindBool, Width: 8, Mask: 0x20},
	ntpPrivPeerFlagsSelCandidate: {Name: "ntp.priv.mode7.peer.flags.sel_candidate", Label: "Sel Candidate", Kind: KindBool, Width: 8, Mask: 0x40},
	ntpPrivPeerFlagsShortlist:    {Name: "ntp.priv.mode7.peer.flags.shortlist", Label: "Shortlist", Kind: KindBool, Width: 8, Mask: 0x80},
	ntpPrivHmode:                 {Name: "ntp.priv.mode7.hmode", Label: "HMode", Kind: KindUint, Width: 8},
	ntpPrivDelay:                 {Name: "ntp.priv.mode7.delay", Label: "Delay", Kind: KindInt, Width: 32},
	ntpPrivOffset:                {Name: "ntp.priv.mode7.offset", Label: "Offset", Kind: KindUint, Width: 64},
	ntpPrivDispersion:            {Name: "ntp.priv.mode7.dispersion", Label: "Dispersion", Kind: KindUint, Width: 32},
	ntpPrivIPv6Flag:              {Name: "ntp.priv.mode7.ipv6_flag", Label: "IPv6 Flag", Kind: KindUint, Width: 32},
	ntpPrivUnused:                {Name: "ntp.priv.mode7.unused", Label: "Unused", Kind: KindBytes},
	ntpPrivDstaddress6:           {Name: "ntp.priv.mode7.dstaddress6", Label: "IPv6 destination addr", Kind: KindIPv6},
	ntpPrivSrcaddress6:           {Name: "ntp.priv.mode7.srcaddress6", Label: "IPv6 source addr", Kind: KindIPv6},
	ntpPrivTstamp:                {Name: "ntp.priv.tstamp", Label: "Authentication timestamp", Kind: KindTime},
}

var protoNTP = protoField("ntp", "Network Time Protocol")

// emitNTPTime emits the 32.32 timestamp in v as field f, with the text
// Wireshark shows for it.
func emitNTPTime(e *emitter, f *Field, v []byte) {
	b := appendWSNTPTime(e.Text(), v)
	e.TextDone(f, b)
}

// appendWSNTPTime appends a 32.32 timestamp as Wireshark shows it: "NULL"
// for zero, else the UTC date with nanoseconds, in NTP era 1 (2036 on)
// when the top bit is clear.
func appendWSNTPTime(b, v []byte) []byte {
	s, f := be32(v), be32(v[4:])
	if s == 0 && f == 0 {
		return append(b, "NULL"...)
	}
	sec := int64(s) - 2208988800
	if s&0x80000000 == 0 {
		sec += 1 << 32
	}
	ns := int64(uint32(float64(f) / 4294967296.0 * 1000000000.0))
	if sec == 0 && ns == 0 {
		return append(b, "NULL"...) // Wireshark's zero time
	}
	return time.Unix(sec, ns).UTC().AppendFormat(b, "Jan _2, 2006 15:04:05.000000000 UTC")
}
