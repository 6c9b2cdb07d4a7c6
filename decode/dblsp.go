package decode

import (
	"encoding/hex"
	"unicode/utf8"
)

// Dropbox's LAN sync discovery (tshark's "db-lsp-disc", UDP 17500): a
// broadcast whose payload is a JSON object, which tshark hands to its JSON
// dissector ("json") and draws inside the discovery protocol's tree; a
// payload its JSON validator refuses is shown as text.
//
// tshark 4.0's JSON dissector validates leniently and parses with a
// grammar of its own; rawcap decodes the payloads both surely agree on: a
// JSON text that RFC 8259 accepts, an object or an array, ASCII only, with
// nothing but white space around it. A strict JSON text with other bytes is
// one tshark's validator refuses: its text is shown. Anything else is left
// as data rather than guessed at.

const dblspDiscPort = 17500

// jsonMaxDepth bounds the nesting rawcap reads: deeper texts are left as
// data (the walk is recursive).
const jsonMaxDepth = 32

// decodeDBLSPDisc decodes a discovery datagram: JSON (the layer holds it,
// l.Payload at its end), text, or data.
func (d *Decoder) decodeDBLSPDisc(l *Layer) LayerType {
	if dblspKind(d.bytes(l)) == dblspKindData {
		return l.asData()
	}
	l.Payload = l.End
	return LayerNone
}

// What a discovery payload holds.
const (
	dblspKindData = iota // neither: left as data
	dblspKindJSON        // a JSON object or array tshark's dissector reads
	dblspKindText        // strict JSON with non-ASCII bytes, which tshark's validator refuses
)

// dblspKind says what payload b holds.
func dblspKind(b []byte) int {
	i := skipJSONSpace(b, 0)
	if i == len(b) || b[i] != '{' && b[i] != '[' {
		return dblspKindData
	}
	end, ok := jsonSkipValue(b, i, 0)
	if !ok || skipJSONSpace(b, end) != len(b) {
		return dblspKindData
	}
	for _, c := range b {
		if c >= 0x80 {
			return dblspKindText
		}
	}
	return dblspKindJSON
}

// skipJSONSpace returns the offset of the first byte at or after i that is
// not JSON white space.
func skipJSONSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// jsonSkipValue checks the JSON value at b[i:] (after white space) at
// nesting depth and returns where it ends.
func jsonSkipValue(b []byte, i, depth int) (int, bool) {
	i = skipJSONSpace(b, i)
	if i >= len(b) {
		return i, false
	}
	switch c := b[i]; {
	case c == '{' || c == '[':
		if depth >= jsonMaxDepth {
			return i, false
		}
		closer := byte('}')
		if c == '[' {
			closer = ']'
		}
		i = skipJSONSpace(b, i+1)
		if i < len(b) && b[i] == closer {
			return i + 1, true
		}
		for {
			if c == '{' {
				var ok bool
				if i, ok = jsonSkipString(b, i); !ok {
					return i, false
				}
				i = skipJSONSpace(b, i)
				if i >= len(b) || b[i] != ':' {
					return i, false
				}
				i++
			}
			var ok bool
			if i, ok = jsonSkipValue(b, i, depth+1); !ok {
				return i, false
			}
			i = skipJSONSpace(b, i)
			if i >= len(b) {
				return i, false
			}
			if b[i] == closer {
				return i + 1, true
			}
			if b[i] != ',' {
				return i, false
			}
			i = skipJSONSpace(b, i+1)
		}
	case c == '"':
		return jsonSkipString(b, i)
	case c == '-' || c >= '0' && c <= '9':
		return jsonSkipNumber(b, i)
	default:
		for _, lit := range [...]string{"true", "false", "null"} {
			if len(b)-i >= len(lit) && string(b[i:i+len(lit)]) == lit {
				return i + len(lit), true
			}
		}
	}
	return i, false
}

// jsonSkipString checks the string at b[i:] and returns where it ends.
func jsonSkipString(b []byte, i int) (int, bool) {
	if i >= len(b) || b[i] != '"' {
		return i, false
	}
	for i++; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			return i + 1, true
		case c < 0x20:
			return i, false
		case c == '\\':
			if i+1 >= len(b) {
				return i, false
			}
			i++
			switch b[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				r, ok := jsonEscapeAt(b, i+1)
				if !ok || r >= 0xdc00 && r < 0xe000 {
					return i, false // a low surrogate alone: left as data
				}
				i += 4
				if r >= 0xd800 && r < 0xdc00 {
					// A high surrogate takes a low one after it.
					if i+2 >= len(b) || b[i+1] != '\\' || b[i+2] != 'u' {
						return i, false
					}
					if lo, ok := jsonEscapeAt(b, i+3); !ok || lo < 0xdc00 || lo >= 0xe000 {
						return i, false
					}
					i += 6
				}
			default:
				return i, false
			}
		}
	}
	return i, false
}

// jsonSkipNumber checks the number at b[i:] and returns where it ends.
func jsonSkipNumber(b []byte, i int) (int, bool) {
	digits := func(i int) (int, bool) {
		j := i
		for j < len(b) && b[j] >= '0' && b[j] <= '9' {
			j++
		}
		return j, j > i
	}
	if b[i] == '-' {
		i++
	}
	if i < len(b) && b[i] == '0' {
		i++
	} else {
		var ok bool
		if i, ok = digits(i); !ok {
			return i, false
		}
	}
	if i < len(b) && b[i] == '.' {
		var ok bool
		if i, ok = digits(i + 1); !ok {
			return i, false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		var ok bool
		if i, ok = digits(i); !ok {
			return i, false
		}
	}
	return i, true
}

// jsonEscapeAt returns the value of the four hex digits of a \u escape
// at b[i:].
func jsonEscapeAt(b []byte, i int) (rune, bool) {
	var v [2]byte
	if i+4 > len(b) {
		return 0, false
	}
	if _, err := hex.Decode(v[:], b[i:i+4]); err != nil {
		return 0, false
	}
	return rune(v[0])<<8 | rune(v[1]), true
}

// appendJSONUnescaped appends the characters of the JSON string s (its
// quotes included) as tshark's JSON dissector shows them: escapes
// replaced, except that tshark 4.0 drops a \u escape of a control
// character, and a \u escape that ends the string.
func appendJSONUnescaped(b, s []byte) []byte {
	s = s[1 : len(s)-1]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			b = append(b, c)
			continue
		}
		i++
		switch s[i] {
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, _ := jsonEscapeAt(s, i+1)
			i += 4
			if r >= 0xd800 && r < 0xdc00 { // a pair (jsonSkipString checked it)
				lo, _ := jsonEscapeAt(s, i+3)
				r = 0x10000 + (r-0xd800)<<10 + lo - 0xdc00
				i += 6
			}
			if r >= 0x20 && i+1 < len(s) {
				b = utf8.AppendRune(b, r)
			}
		default: // '"', '\\', '/'
			b = append(b, s[i])
		}
	}
	return b
}

// The fields, as Wireshark registers them.
const (
	dblspText = iota
	dblspFieldCount
)

var dblspFields = [dblspFieldCount]Field{
	dblspText: {Name: "db-lsp.text", Label: "Text", Kind: KindString},
}

const (
	jdObject = iota
	jdArray
	jdMember
	jdPathWithValue
	jdMemberWithValue
	jdValueString
	jdValueNumber
	jdValueTrue
	jdValueFalse
	jdValueNull
	jdKey
	jdPath
	jdFieldCount
)

var jsonFields = [jdFieldCount]Field{
	jdObject:          {Name: "json.object", Label: "Object", Kind: KindNone},
	jdArray:           {Name: "json.array", Label: "Array", Kind: KindNone},
	jdMember:          {Name: "json.member", Label: "Member", Kind: KindString},
	jdPathWithValue:   {Name: "json.path_with_value", Label: "Path with value", Kind: KindString, Generated: true},
	jdMemberWithValue: {Name: "json.member_with_value", Label: "Member with value", Kind: KindString, Generated: true},
	jdValueString:     {Name: "json.value.string", Label: "String value", Kind: KindString},
	jdValueNumber:     {Name: "json.value.number", Label: "Number value", Kind: KindString},
	jdValueTrue:       {Name: "json.value.true", Label: "True value", Kind: KindNone},
	jdValueFalse:      {Name: "json.value.false", Label: "False value", Kind: KindNone},
	jdValueNull:       {Name: "json.value.null", Label: "Null value", Kind: KindNone},
	jdKey:             {Name: "json.key", Label: "Key", Kind: KindString},
	jdPath:            {Name: "json.path", Label: "Path", Kind: KindString, Generated: true},
}

var (
	protoDBLSPDisc = protoField("db-lsp-disc", "Dropbox LAN sync Discovery Protocol")
	protoJSON      = Field{Name: "json", Label: "JavaScript Object Notation", Kind: KindProtocol, EKByTreeParent: true}
)

// emitDBLSPDisc emits the discovery datagram: its JSON, nested in it as
// tshark draws it, or its text.
func emitDBLSPDisc(e *emitter, i int) {
	l := &e.d.layers[i]
	b := e.d.data[l.Start:l.End]
	e.Proto(&protoDBLSPDisc)
	if dblspKind(b) == dblspKindText {
		e.TextDone(&dblspFields[dblspText], appendASCIIText(e.Text(), b))
		e.End()
		return
	}
	dep := e.NestedProto(&protoJSON)
	var path [jsonMaxDepth + 1]jsonStep
	emitJSONValue(e, b, skipJSONSpace(b, 0), path[:0])
	e.EndNested(dep)
	e.End()
}

// jsonStep is a step of a value's path: a member's key, or an array's
// element (key nil).
type jsonStep struct{ key []byte }

// emitJSONValue emits the value at b[i:] (checked by dblspKind) whose
// path is path, and returns where it ends. A scalar inside an object or an
// array is preceded by its path and member with value; a member's key and
// path come after its value, as tshark's tree has them.
func emitJSONValue(e *emitter, b []byte, i int, path []jsonStep) int {
	f := &jsonFields
	i = skipJSONSpace(b, i)
	c := b[i]
	if c == '{' || c == '[' {
		closer := byte('}')
		field := &f[jdObject]
		if c == '[' {
			closer, field = ']', &f[jdArray]
		}
		e.None(field)
		e.Sub()
		// JSON, whose keys are unique, takes the first member or element.
		once := !e.all && !e.Tree()
		start := i
		i = skipJSONSpace(b, i+1)
		for b[i] != closer {
			if once && i > skipJSONSpace(b, start+1) {
				i, _ = jsonSkipValue(b, start, 0)
				e.Up()
				return i
			}
			if c == '{' {
				end, _ := jsonSkipString(b, i)
				key := b[i:end]
				e.TextDone(&f[jdMember], appendJSONUnescaped(e.Text(), key))
				e.Sub()
				i = skipJSONSpace(b, end) + 1 // the colon
				i = emitJSONValue(e, b, i, append(path, jsonStep{key}))
				e.TextDone(&f[jdKey], appendJSONUnescaped(e.Text(), key))
				e.TextDone(&f[jdPath], appendJSONPath(e.Text(), append(path, jsonStep{key})))
				e.Up()
			} else {
				i = emitJSONValue(e, b, i, append(path, jsonStep{}))
			}
			i = skipJSONSpace(b, i)
			if b[i] == ',' {
				i = skipJSONSpace(b, i+1)
			}
		}
		e.Up()
		return i + 1
	}
	// A scalar: its text as tshark shows it, after its paths.
	var end int
	switch c {
	case '"':
		end, _ = jsonSkipString(b, i)
	case 't', 'n':
		end = i + 4
	case 'f':
		end = i + 5
	default:
		end, _ = jsonSkipNumber(b, i)
	}
	tok := b[i:end]
	appendValue := func(t []byte) []byte {
		if c == '"' {
			return appendJSONUnescaped(t, tok)
		}
		return append(t, tok...)
	}
	if len(path) > 0 {
		t := appendJSONPath(e.Text(), path)
		e.TextDone(&f[jdPathWithValue], appendValue(append(t, ':')))
		t = e.Text()
		if k := path[len(path)-1].key; k != nil {
			t = appendJSONUnescaped(t, k)
		} else {
			t = append(t, "[]"...)
		}
		e.TextDone(&f[jdMemberWithValue], appendValue(append(t, ':')))
	}
	switch c {
	case '"':
		e.TextDone(&f[jdValueString], appendValue(e.Text()))
	case 't':
		e.None(&f[jdValueTrue])
	case 'f':
		e.None(&f[jdValueFalse])
	case 'n':
		e.None(&f[jdValueNull])
	default:
		e.TextDone(&f[jdValueNumber], appendValue(e.Text()))
	}
	return end
}

// appendJSONPath appends path as tshark writes it: "/version/[]/k".
func appendJSONPath(b []byte, path []jsonStep) []byte {
	for _, s := range path {
		b = append(b, '/')
		if s.key == nil {
			b = append(b, "[]"...)
		} else {
			b = appendJSONUnescaped(b, s.key)
		}
	}
	return b
}

// appendASCIIText appends s with each byte outside ASCII shown as U+FFFD,
// as tshark shows a text it reads as ASCII.
func appendASCIIText(b, s []byte) []byte {
	for _, c := range s {
		if c >= 0x80 {
			b = append(b, "\uFFFD"...)
			continue
		}
		b = append(b, c)
	}
	return b
}
