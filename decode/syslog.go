package decode

import (
	"strconv"
	"unicode/utf8"
)

// Syslog is a BSD syslog message (RFC 3164; RFC 5424 keeps its start) in a
// UDP datagram to port 514: "<PRI>" with PRI = facility*8 + level, then the
// message text.
type Syslog []byte

const syslogPort = 514

// ParseSyslog returns the message at the start of b. Any bytes are a
// message; PRI is optional.
func ParseSyslog(b []byte) (Syslog, error) { return Syslog(b[:len(b):len(b)]), nil }

// Pri returns the priority and the offset of the text after it, as
// Wireshark reads it: up to three digits after '<', the '>' skipped when it
// is there; ok is false when the message does not start with '<'.
func (s Syslog) Pri() (pri, text int, ok bool) {
	if len(s) == 0 || s[0] != '<' {
		return 0, 0, false
	}
	off := 1
	for off < len(s) && off <= 3 && s[off] >= '0' && s[off] <= '9' {
		pri = pri*10 + int(s[off]-'0')
		off++
	}
	if off < len(s) && s[off] == '>' {
		off++
	}
	return pri, min(off, len(s)), true
}

// priCut reports whether the message ends with its priority, where
// Wireshark looks past the end (for the '>' or the text) and gives up
// before drawing anything.
func (s Syslog) priCut() bool {
	_, off, ok := s.Pri()
	return ok && off == len(s)
}

var syslogShortFacility = [...]string{
	"KERN", "USER", "MAIL", "DAEMON", "AUTH", "SYSLOG", "LPR", "NEWS", "UUCP", "CRON",
	"AUTHPRIV", "FTP", "NTP", "LOGAUDIT", "LOGALERT", "CRON",
	"LOCAL0", "LOCAL1", "LOCAL2", "LOCAL3", "LOCAL4", "LOCAL5", "LOCAL6", "LOCAL7",
}

var syslogShortLevel = [...]string{"EMERG", "ALERT", "CRIT", "ERR", "WARNING", "NOTICE", "INFO", "DEBUG"}

// appendSyslogPri appends Wireshark's "KERN.NOTICE".
func appendSyslogPri(b []byte, pri int) []byte {
	fac := pri & 0x3f8 >> 3
	if fac < len(syslogShortFacility) {
		b = append(b, syslogShortFacility[fac]...)
	} else {
		b = append(b, "UNKNOWN"...)
	}
	b = append(b, '.')
	return append(b, syslogShortLevel[pri&7]...)
}

// syslogParts are the parts of the text Wireshark 4.0 picks out: an RFC
// 5424 version, or an RFC 3164 timestamp, hostname, process id and message
// id (offsets within the message text; -1 where absent).
type syslogParts struct {
	version          [2]int
	stamp            [2]int
	host             [2]int
	appname          [2]int
	procid           [2]int
	msgid            [2]int
	bom              bool // a UTF-8 BOM starts the RFC 5424 message
	cut              bool // Wireshark ran off the bytes looking for the process id
	rfc5424, rfc3164 bool
}

func syslogSplit(m []byte) syslogParts {
	p := syslogParts{version: [2]int{-1, -1}, stamp: [2]int{-1, -1}, host: [2]int{-1, -1}, appname: [2]int{-1, -1}, procid: [2]int{-1, -1}, msgid: [2]int{-1, -1}}
	space := func(from int) int {
		for k := from; k < len(m); k++ {
			if m[k] == ' ' {
				return k
			}
		}
		return -1
	}
	if len(m) > 2 && m[0] == '1' && m[1] == ' ' {
		// RFC 5424: VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID…,
		// each up to a space; the last runs to the end.
		p.rfc5424 = true
		p.version = [2]int{0, 1}
		off := 2
		sp := space(off)
		if sp < 0 {
			return p
		}
		off = sp + 1 // the timestamp, which rawcap does not show
		for _, r := range [...]*[2]int{&p.host, &p.appname, &p.procid} {
			sp := space(off)
			if sp < 0 {
				return p
			}
			*r = [2]int{off, sp}
			off = sp + 1
		}
		if off+3 > len(m) {
			p.cut = true // Wireshark reads three bytes for a BOM
			return p
		}
		if m[off] == 0xef && m[off+1] == 0xbb && m[off+2] == 0xbf {
			p.bom = true
			return p // the message after the BOM is UTF-8: not shown
		}
		p.msgid = [2]int{off, len(m)}
		return p
	}
	if len(m) <= 15 || m[3] != ' ' || m[6] != ' ' || m[9] != ':' || m[12] != ':' || m[15] != ' ' {
		return p
	}
	p.rfc3164 = true
	p.stamp = [2]int{0, 15}
	off := 16
	sp := space(off)
	if sp < 0 {
		return p
	}
	p.host = [2]int{off, sp}
	off = sp + 1
	for k := off; k < off+32; k++ {
		if k >= len(m) {
			p.cut = true
			return p
		}
		c := m[k]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			p.procid = [2]int{off, k}
			off = k
			break
		}
	}
	p.msgid = [2]int{off, len(m)}
	return p
}

// The fields, as Wireshark registers them.
const (
	syslogFacility = iota
	syslogLevel
	syslogMsg
	syslogVersion
	syslogTimestampRFC3164
	syslogHostname
	syslogAppname
	syslogProcid
	syslogMsgid
	syslogFieldCount
)

var syslogFields = [syslogFieldCount]Field{
	syslogFacility:         {Name: "syslog.facility", Label: "Facility", Kind: KindUint, Width: 8, Mask: 0x3f8},
	syslogLevel:            {Name: "syslog.level", Label: "Level", Kind: KindUint, Width: 8, Mask: 0x7},
	syslogMsg:              {Name: "syslog.msg", Label: "Message", Kind: KindString},
	syslogVersion:          {Name: "syslog.version", Label: "Syslog version", Kind: KindString},
	syslogTimestampRFC3164: {Name: "syslog.timestamp_rfc3164", Label: "Syslog timestamp (RFC3164)", Kind: KindString},
	syslogHostname:         {Name: "syslog.hostname", Label: "Syslog hostname", Kind: KindString},
	syslogAppname:          {Name: "syslog.appname", Label: "Syslog app name", Kind: KindString},
	syslogProcid:           {Name: "syslog.procid", Label: "Syslog process id", Kind: KindString},
	syslogMsgid:            {Name: "syslog.msgid", Label: "Syslog message id", Kind: KindString},
}

var protoSyslog = protoField("syslog", "Syslog message")

func (d *Decoder) decodeSyslog(l *Layer) LayerType {
	l.Payload = l.End
	s := Syslog(d.data[l.Start:l.End])
	_, off, _ := s.Pri()
	if s.priCut() || syslogSplit(s[off:]).cut {
		l.Malformed = ReasonTruncated
	}
	return LayerNone
}

// appendWSUTF8 appends a string as Wireshark 4.0 decodes UTF-8: up to its
// first NUL, each invalid byte as U+FFFD.
func appendWSUTF8(b, s []byte) []byte {
	for len(s) > 0 {
		if s[0] == 0 {
			return b
		}
		if s[0] < 0x80 {
			b = append(b, s[0])
			s = s[1:]
			continue
		}
		r, n := utf8.DecodeRune(s)
		if r == utf8.RuneError && n <= 1 {
			b = append(b, "\uFFFD"...)
			s = s[1:]
			continue
		}
		b = append(b, s[:n]...)
		s = s[n:]
	}
	return b
}

// appendWSFormatText appends bytes as Wireshark 4.0's format_text shows
// them in a label or a column: UTF-8 kept (an invalid byte as U+FFFD), NULs
// and control characters escaped, the whole length.
func appendWSFormatText(b, s []byte) []byte {
	for len(s) > 0 {
		k := 0
		for k < len(s) && s[k] != 0 {
			k++
		}
		b = appendWSLabelUTF8(b, s[:k])
		if k < len(s) {
			b = append(b, `\000`...)
			k++
		}
		s = s[k:]
	}
	return b
}

// emitSyslog emits the message's fields in the order and nesting of
// tshark's tree, which is drawn from them (treefields.go): the priority's
// facility and level, then the message with the header's parts beneath.
// Labels longer than tshark's 240-byte buffer are cut as tshark cuts them.
func emitSyslog(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	f := &syslogFields
	e.Proto(&protoSyslog)
	s := Syslog(d.data[l.Start:l.End])
	if s.priCut() {
		e.NoTree()
		e.End()
		return
	}
	pri, off, ok := s.Pri()
	m := s[off:]
	if e.Tree() {
		b := e.Text()
		at := len(b)
		b = append(b, "Syslog message: "...)
		if ok {
			b = appendSyslogPri(b, pri)
		} else {
			b = append(b, "(unknown)"...)
		}
		b = append(b, ": "...)
		e.SetRepr(truncLabelAt(appendWSFormatText(b, m), at, 0))
	}
	if ok {
		e.Uint(&f[syslogFacility], uint64(pri&0x3f8>>3))
		e.Uint(&f[syslogLevel], uint64(pri&7))
	}
	e.TextDone(&f[syslogMsg], appendWSUTF8(e.Text(), m))
	if e.Tree() {
		b := e.Text()
		at := len(b)
		b = appendWSLabelUTF8(append(b, "Message: "...), m)
		e.SetRepr(truncLabelAt(b, at, len("Message")))
	}
	p := syslogSplit(m)
	str := func(fl *Field, r [2]int) {
		if r[0] >= 0 {
			e.TextDone(fl, appendWSText(e.Text(), m[r[0]:r[1]]))
			if e.Tree() {
				b := e.Text()
				at := len(b)
				b = appendWSLabelText(append(append(b, fl.Label...), ": "...), m[r[0]:r[1]])
				e.SetRepr(truncLabelAt(b, at, len(fl.Label)))
			}
		}
	}
	e.Sub()
	str(&f[syslogVersion], p.version)
	str(&f[syslogTimestampRFC3164], p.stamp)
	str(&f[syslogHostname], p.host)
	str(&f[syslogAppname], p.appname)
	str(&f[syslogProcid], p.procid)
	str(&f[syslogMsgid], p.msgid)
	e.Up()
	e.End()
}

// appendWSLabelUTF8 appends a UTF-8 string as a tree label shows it:
// appendWSUTF8's string with control characters escaped.
func appendWSLabelUTF8(b, s []byte) []byte {
	for len(s) > 0 {
		k := 0
		for k < len(s) && s[k] != 0 && s[k] < 0x80 {
			k++
		}
		b = appendWSLabelText(b, s[:k])
		if k == len(s) || s[k] == 0 {
			return b
		}
		r, n := utf8.DecodeRune(s[k:])
		if r == utf8.RuneError && n <= 1 {
			b = append(b, "\uFFFD"...)
			n = 1
		} else {
			b = append(b, s[k:k+n]...)
		}
		s = s[k+n:]
	}
	return b
}

// infoSyslog appends tshark's Info column: "KERN.NOTICE: text".
func infoSyslog(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	s := Syslog(d.data[l.Start:l.End])
	if s.priCut() {
		return b
	}
	start := len(b)
	pri, off, ok := s.Pri()
	if ok {
		b = appendSyslogPri(b, pri)
		b = append(b, ": "...)
	}
	b = appendWSFormatText(b, s[off:])
	if len(b)-start > colInfoMax {
		// tshark's Info column holds 4095 bytes, whole characters.
		p := start + colInfoMax
		for p > start && b[p]&0xc0 == 0x80 {
			p--
		}
		b = b[:p]
	}
	return b
}

// colInfoMax is how many bytes of text tshark's Info column holds
// (COL_MAX_INFO_LEN with the NUL).
const colInfoMax = 4095

var tcpdumpSyslogFacility = [...]string{
	"kernel", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron",
	"authpriv", "ftp", "ntp", "security", "console", "cron",
	"local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
}

var tcpdumpSyslogSeverity = [...]string{"emergency", "alert", "critical", "error", "warning", "notice", "info", "debug"}

// lineSyslog appends tcpdump's "SYSLOG kernel.notice, length: 51"; with -v
// the facility and severity on a line of their own and the message, with
// -vv a hex dump of the datagram.
func (p *LinePrinter) lineSyslog(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	data := d.data[l.Start:l.End]
	length := len(data)
	if i > 0 && d.layers[i-1].Type == LayerUDP {
		u := d.data[d.layers[i-1].Start:d.layers[i-1].Payload]
		length = int(UDP(u).Length()) - udpLen
	}
	if p.Options.Quiet {
		return appendUDPLength(b, length)
	}
	if length < len(data) {
		data = data[:max(length, 0)]
	}
	if len(data) == 0 {
		return p.abandon(b, " [|syslog]")
	}
	if data[0] != '<' {
		return append(b, " (invalid)"...)
	}
	off, pri := 1, 0
	for off <= 3 {
		if off >= len(data) {
			return p.abandon(b, " [|syslog]")
		}
		if data[off] < '0' || data[off] > '9' {
			break
		}
		pri = pri*10 + int(data[off]-'0')
		off++
	}
	if off >= len(data) {
		return p.abandon(b, " [|syslog]")
	}
	if data[off] != '>' {
		return append(b, " (invalid)"...)
	}
	off++
	fac, sev := pri&0x3f8>>3, pri&7
	name := func(b []byte, names []string, v int) []byte {
		if v < len(names) {
			return append(b, names[v]...)
		}
		b = append(b, "unknown ("...)
		b = strconv.AppendInt(b, int64(v), 10)
		return append(b, ')')
	}
	if p.Options.Verbose < 1 {
		b = append(b, "SYSLOG "...)
		b = name(b, tcpdumpSyslogFacility[:], fac)
		b = append(b, '.')
		b = name(b, tcpdumpSyslogSeverity[:], sev)
		b = append(b, ", length: "...)
		return strconv.AppendInt(b, int64(length), 10)
	}
	b = append(b, "SYSLOG, length: "...)
	b = strconv.AppendInt(b, int64(length), 10)
	b = append(b, "\n\tFacility "...)
	b = name(b, tcpdumpSyslogFacility[:], fac)
	b = append(b, " ("...)
	b = strconv.AppendInt(b, int64(fac), 10)
	b = append(b, "), Severity "...)
	b = name(b, tcpdumpSyslogSeverity[:], sev)
	b = append(b, " ("...)
	b = strconv.AppendInt(b, int64(sev), 10)
	b = append(b, ")\n\tMsg: "...)
	if off < length {
		b = appendPrintable(b, data[off:min(length, len(data))])
		if length > len(data) {
			return p.abandon(b, " [|syslog]")
		}
	}
	if p.Options.Verbose > 1 {
		b = appendIndentedHex(b, data, "\n\t")
	}
	return b
}
