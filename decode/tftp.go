package decode

// TFTP is a Trivial File Transfer Protocol message (RFC 1350) with the
// option extension of RFC 2347 (blksize, RFC 2348; timeout and tsize, RFC
// 2349; windowsize, RFC 7440):
//
//	RRQ/WRQ  | 01/02 | filename | 0 | mode | 0 | opt1 | 0 | value1 | 0 | …
//	DATA     | 03    | block    | data (up to blksize bytes)
//	ACK      | 04    | block    |
//	ERROR    | 05    | code     | message | 0 |
//	OACK     | 06    | opt1 | 0 | value1 | 0 | …
//
// Messages to or from port 69 are decoded, and, as tshark 4.0 does, the
// rest of a transfer on the ports its first reply picks: the connection
// tracker remembers the request (tracker_tftp.go). tcpdump follows no
// transfer, so the one-liners print those datagrams as UDP.
type TFTP []byte

const tftpPort = 69

// TFTP opcodes.
const (
	tftpRRQ   = 1
	tftpWRQ   = 2
	tftpDATA  = 3
	tftpACK   = 4
	tftpERROR = 5
	tftpOACK  = 6
)

// tftpStrz returns the NUL-terminated string at off in b and the offset
// after its NUL; ok is false when no NUL ends it.
func tftpStrz(b []byte, off int) (s []byte, next int, ok bool) {
	for k := off; k < len(b); k++ {
		if b[k] == 0 {
			return b[off:k], k + 1, true
		}
	}
	return nil, len(b), false
}

// tftpOptionsEnd returns the offset where the option list starting at off
// stops: len(b) when every name and value is terminated, else the start of
// the first pair cut short.
func tftpOptionsEnd(b []byte, off int) int {
	for off < len(b) {
		_, v, ok := tftpStrz(b, off)
		if !ok {
			return off
		}
		_, next, ok := tftpStrz(b, v)
		if !ok {
			return off
		}
		off = next
	}
	return off
}

// decodeTFTP checks the message's strings as tshark reads them: a string
// without its NUL is where tshark's dissector stops (Malformed Packet).
// A DATA message's data is handed on as data.
func (d *Decoder) decodeTFTP(l *Layer) LayerType {
	b := d.data[l.Start:l.End]
	l.Payload = l.End
	if len(b) < 2 {
		l.Malformed = ReasonTruncated
		return LayerNone
	}
	switch be16(b) {
	case tftpRRQ, tftpWRQ:
		_, off, ok := tftpStrz(b, 2)
		if ok {
			_, off, ok = tftpStrz(b, off)
		}
		if !ok || tftpOptionsEnd(b, off) != len(b) {
			l.Malformed = ReasonTruncated
		}
	case tftpOACK:
		if tftpOptionsEnd(b, 2) != len(b) {
			l.Malformed = ReasonTruncated
		}
	case tftpDATA:
		if len(b) < 4 {
			l.Malformed = ReasonTruncated
			return LayerNone
		}
		l.Payload = l.Start + 4
	case tftpACK:
		if len(b) < 4 {
			l.Malformed = ReasonTruncated
		}
	case tftpERROR:
		if len(b) < 4 {
			l.Malformed = ReasonTruncated
		} else if _, _, ok := tftpStrz(b, 4); !ok {
			l.Malformed = ReasonTruncated
		}
	}
	return LayerNone
}

// The fields, as Wireshark registers them (those that need no state from
// earlier packets).
const (
	tftpOpcode = iota
	tftpSourceFile
	tftpDestFile
	tftpType
	tftpBlock
	tftpErrorCode
	tftpErrorMessage
	tftpOptionName
	tftpOptionValue
	tftpData
	tftpRequestFrame
	tftpBlockFull
	tftpFieldCount
)

var tftpFields = [tftpFieldCount]Field{
	tftpOpcode:       {Name: "tftp.opcode", Label: "Opcode", Kind: KindUint, Width: 16},
	tftpSourceFile:   {Name: "tftp.source_file", Label: "Source File", Kind: KindString},
	tftpDestFile:     {Name: "tftp.destination_file", Label: "Destination File", Kind: KindString},
	tftpType:         {Name: "tftp.type", Label: "Type", Kind: KindString},
	tftpBlock:        {Name: "tftp.block", Label: "Block", Kind: KindUint, Width: 16},
	tftpErrorCode:    {Name: "tftp.error.code", Label: "Error code", Kind: KindUint, Width: 16},
	tftpErrorMessage: {Name: "tftp.error.message", Label: "Error message", Kind: KindString},
	tftpOptionName:   {Name: "tftp.option.name", Label: "Option name", Kind: KindString},
	tftpOptionValue:  {Name: "tftp.option.value", Label: "Option value", Kind: KindString},
	tftpData:         {Name: "tftp.data", Label: "Data", Kind: KindBytes},
	tftpRequestFrame: {Name: "tftp.request_frame", Label: "Request frame", Kind: KindFrameNum, Generated: true},
	tftpBlockFull:    {Name: "tftp.block.full", Label: "Full Block Number", Kind: KindUint, Width: 32, Generated: true},
}

var protoTFTP = protoField("tftp", "Trivial File Transfer Protocol")

func tftpName(f int, v uint64) string { return tftpFields[f].ValueNames().Name(v) }

// emitTFTP emits the message's fields in tshark's order, up to where
// tshark's dissector stops, with the lines tshark's tree draws from the
// transfer's earlier packets ([Destination File], [Read Request in frame
// N], [Full Block Number]) from the tracker.
func emitTFTP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	f := &tftpFields
	e.Proto(&protoTFTP)
	b := d.data[l.Start:l.End]
	if len(b) < 2 {
		e.End()
		return
	}
	op := be16(b)
	e.Uint(&f[tftpOpcode], uint64(op))
	str := func(fl *Field, s []byte) {
		e.TextDone(fl, appendWSText(e.Text(), s))
		if e.Tree() && !tftpPlain(s) {
			// tshark's label escapes what the generic line would not.
			t := append(append(e.Text(), fl.Label...), ": "...)
			e.SetRepr(appendTFTPText(t, s))
		}
	}
	note := e.conv.tftpNote(i)
	if note != nil && note.request != 0 {
		if note.named {
			name := note.name[:note.nameLen]
			e.TextDone(&f[tftpDestFile], appendWSText(e.Text(), name))
			if e.Tree() {
				// Drawn as generated here, the request's file name.
				t := append(e.Text(), "[Destination File: "...)
				e.SetRepr(append(appendTFTPText(t, name), ']'))
			}
		}
		e.Uint(&f[tftpRequestFrame], uint64(note.request))
		if e.Tree() {
			t := "Read Request in frame "
			if note.write {
				t = "Write Request in frame "
			}
			e.SetRepr(appendUint(append(e.Text(), t...), uint64(note.request)))
		}
	}
	options := func(off int) {
		for off < len(b) {
			name, v, ok := tftpStrz(b, off)
			if !ok {
				return
			}
			val, next, ok := tftpStrz(b, v)
			if !ok {
				return
			}
			if e.Tree() {
				t := append(e.Text(), "Option: "...)
				t = appendTFTPText(t, name)
				t = append(t, " = "...)
				e.Line(appendTFTPText(t, val))
			}
			e.Sub()
			str(&f[tftpOptionName], name)
			str(&f[tftpOptionValue], val)
			if e.Tree() {
				if msg := tftpOptionExpert(op, name, val); msg != "" {
					e.ExpertLine("Warning", "Response", msg, nil)
				}
			}
			e.Up()
			if !e.all && !e.Tree() {
				return // JSON's keys are unique: the first option
			}
			off = next
		}
	}
	switch op {
	case tftpRRQ, tftpWRQ:
		file, off, ok := tftpStrz(b, 2)
		if !ok {
			break
		}
		if op == tftpRRQ {
			str(&f[tftpSourceFile], file)
		} else {
			str(&f[tftpDestFile], file)
		}
		mode, off, ok := tftpStrz(b, off)
		if !ok {
			break
		}
		str(&f[tftpType], mode)
		options(off)
	case tftpOACK:
		options(2)
	case tftpDATA, tftpACK:
		if len(b) >= 4 {
			e.Uint(&f[tftpBlock], uint64(be16(b[2:])))
			if note != nil && note.wrap && op == tftpDATA {
				e.Sub()
				e.ExpertLine("Note", "Sequence", "TFTP block number is about to wrap", nil)
				e.Up()
			}
			e.Uint(&f[tftpBlockFull], uint64(note.fullBlock(b)))
		}
	case tftpERROR:
		if len(b) < 4 {
			break
		}
		e.Uint(&f[tftpErrorCode], uint64(be16(b[2:])))
		if msg, _, ok := tftpStrz(b, 4); ok {
			str(&f[tftpErrorMessage], msg)
			if note != nil && note.probe {
				e.ExpertLine("Chat", "Request", "Likely transfer size (tsize) probe", nil)
			} else {
				e.ExpertLine("Warning", "Response", "TFTP ERROR packet", nil)
			}
		}
	default:
		if len(b) > 2 {
			e.Bytes(&f[tftpData], b[2:])
		}
	}
	e.End()
}

// tftpPlain reports whether s is printable ASCII, drawn alike by tshark's
// label and the generic tree line.
func tftpPlain(s []byte) bool {
	for _, c := range s {
		if c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// appendTFTPText appends an ASCII string as tshark's labels and columns
// show it: control bytes escaped, each byte past 0x7f a replacement
// character (a file name "a\tb\xe9c" is "a\tb\uFFFDc").
func appendTFTPText(b, s []byte) []byte { return appendWSLabelText(b, s) }

// infoTFTP appends the Info column: "Read Request, File: boot.img,
// Transfer type: octet, blksize=1024", "Data Packet, Block: 2 (last)".
// A DATA block is the last when it is shorter than the block size the
// transfer negotiated (the tracker's; 512 without one), and the block
// number is the full one past 65535.
func infoTFTP(b []byte, d *Decoder, i int, r *convResults) []byte {
	l := &d.layers[i]
	raw := d.data[l.Start:l.End]
	if len(raw) < 2 {
		return b
	}
	op := be16(raw)
	if n := tftpName(tftpOpcode, uint64(op)); n != "" {
		b = append(b, n...)
	} else {
		b = append(b, "Unknown (0x"...)
		b = appendHex4(b, op)
		b = append(b, ')')
		return b
	}
	options := func(off int) {
		for off < len(raw) {
			name, v, ok := tftpStrz(raw, off)
			if !ok {
				return
			}
			val, next, ok := tftpStrz(raw, v)
			if !ok {
				return
			}
			b = append(b, ", "...)
			b = appendTFTPText(b, name)
			b = append(b, '=')
			b = appendTFTPText(b, val)
			off = next
		}
	}
	switch op {
	case tftpRRQ, tftpWRQ:
		file, off, ok := tftpStrz(raw, 2)
		if !ok {
			return b
		}
		b = append(b, ", File: "...)
		b = appendTFTPText(b, file)
		mode, off, ok := tftpStrz(raw, off)
		if !ok {
			return b
		}
		b = append(b, ", Transfer type: "...)
		b = appendTFTPText(b, mode)
		options(off)
	case tftpOACK:
		options(2)
	case tftpDATA, tftpACK:
		if len(raw) < 4 {
			return b
		}
		note := r.tftpNote(i)
		b = append(b, ", Block: "...)
		b = appendUint(b, uint64(note.fullBlock(raw)))
		if op == tftpDATA && (note == nil && udpPayloadLen(d, i)-4 < 512 || note != nil && note.last) {
			b = append(b, " (last)"...)
		}
	case tftpERROR:
		if len(raw) < 4 {
			return b
		}
		code := be16(raw[2:])
		b = append(b, ", Code: "...)
		if n := tftpName(tftpErrorCode, uint64(code)); n != "" {
			b = append(b, n...)
		} else {
			b = append(b, "Unknown ("...)
			b = appendUint(b, uint64(code))
			b = append(b, ')')
		}
		if msg, _, ok := tftpStrz(raw, 4); ok {
			b = append(b, ", Message: "...)
			// The Info column reads the message as UTF-8, the tree
			// as ASCII.
			b = appendWSLabelUTF8(b, msg)
		}
	}
	return b
}

// tftpTcpdumpErrors are tcpdump's names of the error codes.
var tftpTcpdumpErrors = [...]string{"EUNDEF", "ENOTFOUND", "EACCESS", "ENOSPACE", "EBADOP", "EBADID", "EEXISTS", "ENOUSER"}

// tftpPrintz appends the NUL-terminated string at off as tcpdump's
// nd_printztn prints it and returns the offset after the NUL, or 0 when
// the bytes ran out first.
func tftpPrintz(b, m []byte, off int) ([]byte, int) {
	for k := off; k < len(m); k++ {
		if m[k] == 0 {
			return b, k + 1
		}
		b = appendPrintChar(b, m[k])
	}
	return b, 0
}

// lineTFTP appends tcpdump's `TFTP, length 61, RRQ "boot.img" octet
// blksize 1024`; tcpdump prints the same at every verbosity. tcpdump reads
// up to the UDP length: a message that ends early gets " [|tftp]" and the
// packet is done; one the capture cut short unwinds as any other.
func (p *LinePrinter) lineTFTP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	n := udpPayloadLen(d, i)
	if p.Options.Quiet {
		return appendUDPLength(b, n)
	}
	raw := d.data[l.Start:l.End]
	capLen := len(raw) // captured
	if n < len(raw) {
		raw = raw[:n]
	}
	// trunc ends a message shorter than what tcpdump reads next: with its
	// mark where the UDP length ran out, unwinding where the capture did.
	trunc := func(b []byte, need int) []byte {
		if need > n || need <= capLen {
			return append(b, " [|tftp]"...)
		}
		return p.cut(b, " [|tftp]")
	}
	if u := &d.layers[i-1]; u.Type == LayerUDP && be16(d.data[u.Start:]) != tftpPort && be16(d.data[u.Start+2:]) != tftpPort {
		return p.lineNothing(b, d, i) // tcpdump's TFTP is port 69's: the rest of a transfer is UDP
	}
	b = append(b, "TFTP, length "...)
	b = appendUint(b, uint64(n))
	if len(raw) < 2 {
		return trunc(b, 2)
	}
	op := be16(raw)
	b = append(b, ", "...)
	switch op {
	case tftpRRQ:
		b = append(b, "RRQ"...)
	case tftpWRQ:
		b = append(b, "WRQ"...)
	case tftpDATA:
		b = append(b, "DATA"...)
	case tftpACK:
		b = append(b, "ACK"...)
	case tftpERROR:
		b = append(b, "ERROR"...)
	case tftpOACK:
		b = append(b, "OACK"...)
	default:
		b = append(b, "tftp-#"...)
		return appendUint(b, uint64(op))
	}
	options := func(off int) []byte {
		for off < n {
			if off >= len(raw) {
				return trunc(b, off+1)
			}
			if raw[off] != 0 {
				b = append(b, ' ')
			}
			if b, off = tftpPrintz(b, raw, off); off == 0 {
				return append(b, " [|tftp]"...)
			}
		}
		return b
	}
	var off int
	switch op {
	case tftpRRQ, tftpWRQ:
		if n == 2 {
			return append(b, " [|tftp]"...)
		}
		b = append(b, " \""...)
		b, off = tftpPrintz(b, raw, 2)
		b = append(b, '"')
		if off == 0 || off == n {
			return append(b, " [|tftp]"...)
		}
		b = append(b, ' ')
		if b, off = tftpPrintz(b, raw, off); off == 0 {
			return append(b, " [|tftp]"...)
		}
		return options(off)
	case tftpOACK:
		return options(2)
	case tftpDATA, tftpACK:
		if len(raw) < 4 {
			return trunc(b, 4)
		}
		b = append(b, " block "...)
		return appendUint(b, uint64(be16(raw[2:])))
	default: // tftpERROR
		if len(raw) < 4 {
			return trunc(b, 4)
		}
		code := be16(raw[2:])
		b = append(b, ' ')
		if int(code) < len(tftpTcpdumpErrors) {
			b = append(b, tftpTcpdumpErrors[code]...)
		} else {
			b = append(b, "tftp-err-#"...)
			b = appendUint(b, uint64(code))
			b = append(b, " \""...)
		}
		if n == 4 {
			return append(b, " [|tftp]"...)
		}
		b = append(b, " \""...)
		b, off = tftpPrintz(b, raw, 4)
		b = append(b, '"')
		if off == 0 {
			return append(b, " [|tftp]"...)
		}
		return b
	}
}

// fullBlock returns the full block number of DATA or ACK message b: the
// tracker's, or the block number itself.
func (n *tftpNote) fullBlock(b []byte) uint32 {
	if n == nil {
		return uint32(be16(b[2:]))
	}
	return n.full
}

// tftpOptionExpert returns the expert message tshark adds under an option
// ("" for none): a granted blksize or a windowsize out of range, an
// msftwindow value it does not know.
func tftpOptionExpert(op uint16, name, val []byte) string {
	switch {
	case op == tftpOACK && len(name) == 7 && asciiEqualFold(name, "blksize"):
		if !tftpBlksizeOK(val) {
			return "TFTP blocksize out of range"
		}
	case (op == tftpOACK || op == tftpRRQ || op == tftpWRQ) && len(name) == 10 && asciiEqualFold(name, "windowsize"):
		if !tftpWindowOK(val) {
			return "TFTP windowsize out of range"
		}
	case (op == tftpRRQ || op == tftpWRQ) && len(name) == 10 && asciiEqualFold(name, "msftwindow"):
		if string(val) != "31416" {
			return "Unrecognized msftwindow option"
		}
	case op == tftpOACK && len(name) == 10 && asciiEqualFold(name, "msftwindow"):
		if string(val) != "27182" {
			return "Unrecognized msftwindow option"
		}
	}
	return ""
}
