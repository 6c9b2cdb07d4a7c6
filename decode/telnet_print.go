package decode

import "strconv"

// tcpdump's names of the Telnet commands (236 EOF … 255 IAC) and options.
var (
	telnetCmdWords = [...]string{
		"EOF", "SUSP", "ABORT", "EOR", "SE", "NOP", "DMARK", "BRK", "IP", "AO", "AYT", "EC",
		"EL", "GA", "SB", "WILL", "WONT", "DO", "DONT", "IAC",
	}
	telnetOptWords = [...]string{
		"BINARY", "ECHO", "RCP", "SUPPRESS GO AHEAD", "NAME",
		"STATUS", "TIMING MARK", "RCTE", "NAOL", "NAOP",
		"NAOCRD", "NAOHTS", "NAOHTD", "NAOFFD", "NAOVTS",
		"NAOVTD", "NAOLFD", "EXTEND ASCII", "LOGOUT", "BYTE MACRO",
		"DATA ENTRY TERMINAL", "SUPDUP", "SUPDUP OUTPUT",
		"SEND LOCATION", "TERMINAL TYPE", "END OF RECORD",
		"TACACS UID", "OUTPUT MARKING", "TTYLOC",
		"3270 REGIME", "X.3 PAD", "NAWS", "TSPEED", "LFLOW",
		"LINEMODE", "XDISPLOC", "OLD-ENVIRON", "AUTHENTICATION",
		"ENCRYPT", "NEW-ENVIRON",
	}
	telnetSubWords     = [...]string{"IS", "SEND", "INFO"}
	telnetAuthCmdWords = [...]string{"IS", "SEND", "REPLY", "NAME"}
	telnetAuthWords    = [...]string{
		"NULL", "KERBEROS_V4", "KERBEROS_V5", "SPX", "MINK",
		"SRP", "RSA", "SSL", "", "",
		"LOKI", "SSA", "KEA_SJ", "KEA_SJ_INTEG", "DSS",
		"NTLM",
	}
	telnetEncCmdWords = [...]string{
		"IS", "SUPPORT", "REPLY", "START", "END",
		"REQUEST-START", "REQUEST-END", "END_KEYID", "DEC_KEYID",
	}
	telnetEncWords = [...]string{
		"NULL", "DES_CFB64", "DES_OFB64", "DES3_CFB64", "DES3_OFB64",
		"", "CAST5_40_CFB64", "CAST5_40_OFB64", "CAST128_CFB64", "CAST128_OFB64",
	}
)

// appendCHex appends v as C's %#x: "0" for zero, else "0x…".
func appendCHex(b []byte, v uint8) []byte {
	if v == 0 {
		return append(b, '0')
	}
	return strconv.AppendUint(append(b, '0', 'x'), uint64(v), 16)
}

// appendTelnetWord appends words[v], or v as %#x where there is none.
func appendTelnetWord(b []byte, words []string, v uint8) []byte {
	if int(v) < len(words) && words[v] != "" {
		return append(b, words[v]...)
	}
	return appendCHex(b, v)
}

// telnetParse reads the command at b[sp:] as tcpdump's telnet_parse does,
// length bytes being left on the wire: it returns the command's length, or
// -1 where tcpdump gives up (not a command, or cut before its end), and
// trunc where tcpdump runs off the captured bytes. With print, it appends
// the command's text to out.
func telnetParse(out, b []byte, sp, length int, print bool) (_ []byte, n int, trunc bool) {
	pos := sp
	fetch := func() (uint8, int) { // 0 ok, 1 end of the length, 2 end of the capture
		if length < 1 {
			return 0, 1
		}
		if pos >= len(b) {
			return 0, 2
		}
		c := b[pos]
		pos++
		length--
		return c, 0
	}
	stop := func(r int) ([]byte, int, bool) {
		if r == 2 {
			return out, -1, true
		}
		return out, -1, false
	}
	c, r := fetch()
	if r != 0 {
		return stop(r)
	}
	if c != telnetIAC {
		return out, -1, false
	}
	if c, r = fetch(); r != 0 {
		return stop(r)
	}
	if c == telnetIAC {
		if print {
			out = append(out, "IAC IAC"...)
		}
		return out, pos - sp, false
	}
	if c < 236 {
		return out, -1, false
	}
	word := telnetCmdWords[c-236]
	switch c {
	case telnetDONT, telnetDO, telnetWONT, telnetWILL, telnetSB:
	default:
		if print {
			out = append(out, word...)
		}
		return out, pos - sp, false
	}
	x, r := fetch()
	if r != 0 {
		return stop(r)
	}
	if print {
		out = append(out, word...)
		out = append(out, ' ')
		if int(x) < len(telnetOptWords) {
			out = append(out, telnetOptWords[x]...)
		} else {
			out = appendCHex(out, x)
		}
	}
	if c != telnetSB {
		return out, pos - sp, false
	}
	// IAC SB … IAC SE
	p := pos
	for length > p+1-pos {
		if p+1 >= len(b) {
			return out, -1, true
		}
		if b[p] == telnetIAC && b[p+1] == telnetSE {
			break
		}
		p++
	}
	if p >= len(b) {
		return out, -1, true
	}
	if b[p] != telnetIAC {
		return out, -1, false
	}
	two := func(first, second []string) bool { // false: stop with r
		if p <= pos {
			return true
		}
		if c, r = fetch(); r != 0 {
			return false
		}
		if print {
			out = append(out, ' ')
			out = appendTelnetWord(out, first, c)
		}
		if second == nil || p <= pos {
			return true
		}
		if c, r = fetch(); r != 0 {
			return false
		}
		if print {
			out = append(out, ' ')
			out = appendTelnetWord(out, second, c)
		}
		return true
	}
	var ok bool
	switch x {
	case 37: // AUTHENTICATION
		ok = two(telnetAuthCmdWords[:], telnetAuthWords[:])
	case 38: // ENCRYPT
		ok = two(telnetEncCmdWords[:], telnetEncWords[:])
	default:
		ok = two(telnetSubWords[:], nil)
	}
	if !ok {
		return stop(r)
	}
	for p > pos {
		if x, r = fetch(); r != 0 {
			return stop(r)
		}
		if print {
			out = append(out, ' ')
			out = appendCHex(out, x)
		}
	}
	if print {
		out = append(out, " SE"...)
	}
	pos += 2
	return out, pos - sp, false
}

// lineTelnet appends what tcpdump prints after a Telnet segment's TCP
// header: " [telnet DONT OLD-ENVIRON, SB TERMINAL TYPE SEND SE]" for the
// commands it starts with, " [|telnet]" where they run off the capture.
func (p *LinePrinter) lineTelnet(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	data := d.data[l.Start:l.End]
	length := d.telnetWire(i, l)
	if length < len(data) {
		data = data[:length]
	}
	first := true
	for sp := 0; length > 0; {
		if sp >= len(data) {
			return p.abandon(b, " [|telnet]")
		}
		if data[sp] != telnetIAC {
			break
		}
		_, n, trunc := telnetParse(nil, data, sp, length, false)
		if trunc {
			return p.abandon(b, " [|telnet]")
		}
		if n < 0 {
			break
		}
		if first {
			b = append(b, " [telnet "...)
		} else {
			b = append(b, ", "...)
		}
		b, _, _ = telnetParse(b, data, sp, length, true)
		first = false
		sp += n
		length -= n
		if length < 0 {
			// tcpdump's unsigned length wraps: it reads on, past the
			// bytes, and stops there.
			length = 1 << 30
		}
	}
	if !first {
		b = append(b, ']')
	}
	return b
}

// abandon appends tcpdump's truncation mark for a printer that longjmps out
// of the packet, whose -x dump then starts at the link header.
func (p *LinePrinter) abandon(b []byte, mark string) []byte {
	p.abandoned = true
	return append(b, mark...)
}
