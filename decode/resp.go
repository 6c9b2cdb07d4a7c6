package decode

import "strconv"

// RESP is the REdis Serialization Protocol carried by a TCP segment to or
// from port 6379: a run of values, each a type byte, its text and CR LF,
//
//	+OK\r\n                         a simple string
//	-ERR unknown command\r\n        an error
//	:42\r\n                         an integer
//	$3\r\nxxx\r\n                   a bulk string (length, then the bytes)
//	*2\r\n$4\r\nLLEN\r\n$1\r\nz\r\n an array of N values
//
// or inline commands: lines of text without a type byte ("PING\r\n"),
// which Wireshark shows as fragments.
//
// rawcap takes a segment as RESP when it holds only whole values of these
// forms (arrays of scalars, printable text, integers that fit 64 bits);
// anything else (a value cut at the segment's end, a malformed length, a
// nested array) is left as data.
type RESP []byte

const respPort = 6379

// respItem is one value of a segment: Kind is its type byte ('+', '-',
// ':', '$', '*'), or 'f' for an inline line. N is an integer's value, a
// bulk string's or array's length (-1: null); Text is a string's, an
// error's, a bulk string's or an inline line's bytes.
type respItem struct {
	Kind byte
	N    int64
	Text []byte
}

// respNext returns the value at off in b and the offset after it; ok is
// false when b holds no whole value there of the forms rawcap takes. An
// array's elements follow it as values of their own.
func respNext(b []byte, off int) (it respItem, next int, ok bool) {
	if off >= len(b) {
		return it, off, false
	}
	if c := b[off]; c == '\r' || c == '\n' {
		return it, off + 1, true // between inline lines: no value (Kind 0)
	}
	if !respType(b[off]) {
		// An inline line ends at its first CR or LF.
		for k := off; k < len(b); k++ {
			if b[k] == '\r' || b[k] == '\n' {
				it.Kind = 'f'
				it.Text = b[off:k]
				return it, k, printableASCII(it.Text)
			}
		}
		return it, off, false
	}
	eol := -1
	for k := off; k+1 < len(b); k++ {
		if b[k] == '\r' && b[k+1] == '\n' {
			eol = k
			break
		}
	}
	if eol <= off {
		return it, off, false // no line, or an empty one
	}
	it.Kind = b[off]
	line := b[off+1 : eol]
	next = eol + 2
	switch it.Kind {
	case '+', '-':
		it.Text = line
		return it, next, printableASCII(line)
	case ':':
		it.Text = line
		return it, next, respIntValue(line, &it.N)
	case '$', '*':
		if it.N, ok = respInt(line); !ok {
			return it, next, false
		}
		if it.Kind == '*' || it.N < 0 {
			// Below -1: tshark's "Malformed length specified"; what
			// follows is read as the next value.
			return it, next, it.N <= int64(len(b))
		}
		end := next + int(it.N)
		if it.N > int64(len(b)) || end+2 > len(b) || b[end] != '\r' || b[end+1] != '\n' {
			return it, next, false
		}
		it.Text = b[next:end]
		return it, end + 2, printableASCII(it.Text)
	}
	return it, next, false
}

// respType reports whether c starts a typed value.
func respType(c byte) bool { return c == '+' || c == '-' || c == ':' || c == '$' || c == '*' }

// respIntValue sets *v to an integer value's number as tshark shows it and
// reports whether rawcap takes it: digits, with an optional minus. An
// empty one is 0, one past int64's range int64's largest (tshark's Info
// leaves both out: respIntegerShown).
func respIntValue(b []byte, v *int64) bool {
	if len(b) == 0 {
		*v = 0
		return true
	}
	if b[0] == '-' {
		n, ok := respInt(b)
		*v = n
		return ok
	}
	*v = 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
		if *v > (1<<63-1-9)/10 {
			*v = 1<<63 - 1
			continue
		}
		*v = *v*10 + int64(c-'0')
	}
	return true
}

// respIntegerShown reports whether tshark's Info shows an integer value:
// not when it is empty or too long for int64.
func respIntegerShown(b []byte) bool {
	_, ok := respInt(b)
	return ok
}

// respInt parses a RESP integer: an optional minus and 1 to 18 digits.
func respInt(b []byte) (int64, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	var v int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	if neg {
		v = -v
	}
	return v, true
}

// respWalk calls fn for each value of r with its depth (1 for an array's
// elements); it reports whether r is wholly of the forms rawcap takes.
func respWalk(r []byte, fn func(it respItem, depth int)) bool {
	off, values := 0, 0
	for off < len(r) {
		it, next, ok := respNext(r, off)
		if !ok {
			return false
		}
		off = next
		if it.Kind == 0 {
			continue
		}
		values++
		if fn != nil {
			fn(it, 0)
		}
		if it.Kind != '*' {
			continue
		}
		for k := int64(0); k < it.N; k++ {
			el, next, ok := respNext(r, off)
			if !ok || el.Kind == 0 || el.Kind == '*' || el.Kind == 'f' {
				return false
			}
			off = next
			if fn != nil {
				fn(el, 1)
			}
		}
	}
	return values > 0
}

func (d *Decoder) decodeRESP(l *Layer) LayerType {
	cut := d.n > 0 && d.layers[d.n-1].Type == LayerTCP && l.Start+d.tcpWirePayload(d.n-1) > l.End
	if cut || !respWalk(d.bytes(l), nil) {
		// A segment cut short by the snapshot length is left as data
		// too: what its missing bytes held is unknown.
		return l.asData()
	}
	l.Payload = l.End
	return LayerNone
}

// The fields, as Wireshark registers them.
const (
	respString = iota
	respError
	respBulkString
	respBulkStringValue
	respBulkStringLength
	respInteger
	respArray
	respArrayLength
	respFragment
	respMalformedLength
	respFieldCount
)

var respFields = [respFieldCount]Field{
	respString:           {Name: "resp.string", Label: "String", Kind: KindString},
	respError:            {Name: "resp.error", Label: "Error", Kind: KindString},
	respBulkString:       {Name: "resp.bulk_string", Label: "Bulk String", Kind: KindNone},
	respBulkStringValue:  {Name: "resp.bulk_string.value", Label: "Value", Kind: KindBytes},
	respBulkStringLength: {Name: "resp.bulk_string.length", Label: "Length", Kind: KindInt, Width: 32},
	respInteger:          {Name: "resp.integer", Label: "Integer", Kind: KindInt, Width: 64},
	respArray:            {Name: "resp.array", Label: "Array", Kind: KindNone},
	respArrayLength:      {Name: "resp.array.length", Label: "Length", Kind: KindInt, Width: 64},
	respFragment:         {Name: "resp.fragment", Label: "Fragment", Kind: KindNone},
	respMalformedLength:  {Name: "resp.malformed_length", Label: "Malformed length specified", Kind: KindNone},
}

var protoRESP = protoField("resp", "REdis Serialization Protocol")

// emitRESP emits each value of the segment in the order and nesting of
// tshark's tree, which is drawn from them (treefields.go): a bulk string
// or an array is a group titled with its value or length, holding its
// length and bytes or elements.
func emitRESP(e *emitter, i int) {
	d := e.d
	l := &d.layers[i]
	e.Proto(&protoRESP)
	r := d.data[l.Start:l.End]
	f := &respFields
	open := int64(0) // elements of the open array still to come
	for off := 0; off < len(r); {
		it, next, ok := respNext(r, off)
		if !ok {
			break
		}
		off = next
		switch it.Kind {
		case 0:
			continue
		case '+':
			e.Bytes(&f[respString], it.Text)
		case '-':
			e.Bytes(&f[respError], it.Text)
		case ':':
			e.Int(&f[respInteger], it.N)
		case 'f':
			e.None(&f[respFragment])
		case '$':
			e.None(&f[respBulkString])
			if e.Tree() {
				b := append(e.Text(), "Bulk String"...)
				switch {
				case it.N == -1:
					b = append(b, ": [NULL]"...)
				case it.N >= 0:
					b = append(b, ": "...)
					b = append(b, it.Text...) // none when empty: "Bulk String: "
				}
				e.SetRepr(b)
			}
			e.Sub()
			e.Int(&f[respBulkStringLength], it.N)
			respMalformed(e, it.N)
			if it.N > 0 {
				e.Bytes(&f[respBulkStringValue], it.Text)
			}
			e.Up()
		case '*':
			e.None(&f[respArray])
			if e.Tree() {
				b := append(e.Text(), "Array"...)
				if it.N == -1 {
					b = append(b, ": NULL"...)
				} else if it.N >= 0 {
					b = append(b, ": Length "...)
					b = strconv.AppendInt(b, it.N, 10)
				}
				e.SetRepr(b)
			}
			e.Sub()
			e.Int(&f[respArrayLength], it.N)
			respMalformed(e, it.N)
			if it.N > 0 {
				open = it.N
				continue
			}
			e.Up()
			continue
		}
		if open > 0 {
			if open--; open == 0 {
				e.Up()
			}
		}
	}
	e.End()
}

// respMalformed adds, under a length below -1, tshark's expert item.
func respMalformed(e *emitter, n int64) {
	if n >= -1 {
		return
	}
	e.Expert(true)
	e.None(&respFields[respMalformedLength])
	e.Expert(false)
	e.NoTree()
	e.ExpertLine("Error", "Undecoded", "Malformed length specified", nil)
}

// respRequest reports whether layer i is sent to the server's port.
func respRequest(d *Decoder, i int) bool {
	if i == 0 || d.layers[i-1].Type != LayerTCP {
		return false
	}
	t := d.data[d.layers[i-1].Start:]
	return len(t) >= 4 && uint16(t[2])<<8|uint16(t[3]) == respPort
}

// infoRESP appends tshark's Info: "Request:" or "Response:" and each
// value: a string's or an integer's text, "Error: " and an error's, a
// bulk string's bytes ("BulkString(0)" when empty), "[fragment]" for an
// inline line, and an array's elements in a request or "Array(N)" in a
// response. Null values add nothing.
func infoRESP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	req := respRequest(d, i)
	if req {
		b = append(b, "Request:"...)
	} else {
		b = append(b, "Response:"...)
	}
	respWalk(d.data[l.Start:l.End], func(it respItem, depth int) {
		if depth > 0 && !req {
			return
		}
		switch it.Kind {
		case '+':
			if len(it.Text) > 0 {
				b = append(b, ' ')
				b = append(b, it.Text...)
			}
		case '-':
			b = append(b, " Error: "...)
			b = append(b, it.Text...)
		case ':':
			if respIntegerShown(it.Text) {
				b = append(b, ' ')
				b = strconv.AppendInt(b, it.N, 10)
			}
		case 'f':
			b = append(b, " [fragment]"...)
		case '$':
			if it.N == 0 {
				b = append(b, " BulkString(0)"...)
			} else if it.N > 0 {
				b = append(b, ' ')
				b = append(b, it.Text...)
			}
		case '*':
			if it.N >= 0 && !req {
				b = append(b, " Array("...)
				b = strconv.AppendInt(b, it.N, 10)
				b = append(b, ')')
			}
		}
	})
	return b
}

// lineRESP appends tcpdump's line: "RESP" and each value quoted (an
// array's elements in its place, an integer as its digits), "null" for a
// null value, "empty" for an empty bulk string.
func (p *LinePrinter) lineRESP(b []byte, d *Decoder, i int) []byte {
	l := &d.layers[i]
	b = append(b, "RESP"...)
	respWalk(d.data[l.Start:l.End], func(it respItem, depth int) {
		switch it.Kind {
		case '*':
			if it.N < 0 {
				b = respAppendNegative(b, it.N)
			}
			return
		case '$':
			if it.N < 0 {
				b = respAppendNegative(b, it.N)
				return
			}
			if it.N == 0 {
				b = append(b, " empty"...)
				return
			}
		}
		b = append(b, " \""...)
		b = append(b, it.Text...)
		b = append(b, '"')
	})
	return b
}

// respAppendNegative appends what tcpdump prints for a negative length:
// "null" for -1.
func respAppendNegative(b []byte, n int64) []byte {
	if n == -1 {
		return append(b, " null"...)
	}
	return append(b, " length negative and not -1"...)
}
