package decode

import (
	"encoding/binary"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// JSONPrinter prints packets as NDJSON, one object per packet: "frame" and
// one member per decoded protocol, with Wireshark's field names (the part
// after the protocol's dot is the key: ip.src is .ip.src, tcp.flags.syn is
// .tcp["flags.syn"]). Numbers are JSON numbers, addresses strings, flags
// booleans, a field without a value (an analysis flag) true, relative
// times strings of seconds with nine decimals ("0.000250000"); fields
// Wireshark shows in hex (checksums, ip.dsfield, tcp.flags, eth.type) are
// strings as tshark prints them ("0x0800"). Packet bytes are left to Raw:
// there is no tcp.payload or udp.payload. A malformed layer
// adds "malformed": {"layer": …, "reason": …}.
type JSONPrinter struct {
	Raw bool // add "raw": the captured bytes in hex
	// Location is the zone for frame.time (time.Local if nil).
	Location *time.Location

	fields FieldList // the packet's fields, reused
	em     emitter

	// frame.time's date and zone, formatted for the second stampSec in
	// stampLoc: they change at most once a second.
	date, zone []byte
	stampSec   int64
	stampLoc   *time.Location
	stamped    bool
}

// Append appends the JSON object for the packet d last decoded, described
// by f, and a newline.
func (p *JSONPrinter) Append(b []byte, d *Decoder, f *Frame) []byte {
	w := jsonWriter{b: b, keys: jsonKeys()}
	w.open("")
	w.open("frame")
	w.int("number", f.Number)
	loc := p.Location
	if loc == nil {
		loc = time.Local
	}
	w.key("time")
	if sec := f.Time.Unix(); !p.stamped || sec != p.stampSec || loc != p.stampLoc {
		lt := f.Time.In(loc)
		p.date = lt.AppendFormat(p.date[:0], `"2006-01-02T15:04:05.`)
		p.zone = lt.AppendFormat(p.zone[:0], `Z07:00"`)
		p.stamped, p.stampSec, p.stampLoc = true, sec, loc
	}
	w.b = append(w.b, p.date...)
	w.b = appendNanos(w.b, uint32(f.Time.Nanosecond()))
	w.b = append(w.b, p.zone...)
	w.key("time_epoch")
	w.b = append(w.b, '"')
	w.b = appendEpoch(w.b, f.Time)
	w.b = append(w.b, '"')
	w.int("len", f.Length)
	w.int("cap_len", len(d.data))
	w.int("interface_id", f.Interface)
	if f.InterfaceName != "" {
		w.str("interface_name", f.InterfaceName)
	}
	w.int("link_type", int(d.linkType))
	w.key("protocols")
	w.b = append(w.b, '"')
	w.b = appendProtocols(w.b, d, d.track(f))
	w.b = append(w.b, '"')
	if f.Comment != "" {
		w.str("comment", f.Comment)
	}
	w.close()
	if l, ok := d.Malformed(); ok {
		w.open("malformed")
		w.str("layer", l.Type.String())
		w.str("reason", string(l.Malformed))
		w.close()
	}
	e := &p.em
	*e = emitter{FieldList: &p.fields, d: d, wire: f.Length, conv: d.track(f), frame: f, loc: loc}
	e.Reset()
	var seen [layerCount]bool
	for i := range d.layers[:d.n] {
		t := d.layers[i].Type
		if seen[t] || d.layers[i].Quoted {
			continue // JSON keys are unique: the outermost wins
		}
		seen[t] = true
		emitLayer(e, i)
	}
	w.fields(&p.fields)
	if p.Raw {
		w.key("raw")
		w.b = append(w.b, '"')
		w.b = appendHexBytes(w.b, d.data)
		w.b = append(w.b, '"')
	}
	w.close()
	return append(w.b, '\n')
}

// appendEpoch appends t as "seconds.nanoseconds".
func appendEpoch(b []byte, t time.Time) []byte {
	b = appendInt(b, t.Unix())
	b = append(b, '.')
	return appendFrac(b, t.Nanosecond(), 9)
}

// appendProtocols appends frame.protocols ("eth:ethertype:ip:tcp").
func appendProtocols(b []byte, d *Decoder, conv *convResults) []byte {
	n := d.n
	for i := range d.layers[:d.n] {
		if d.layers[i].Type == LayerOpenFlow && !d.layers[i].Quoted {
			n = i + 1 // it names the frames its messages carry (appendOpenFlowProtocols)
			break
		}
	}
	for i := range d.layers[:n] {
		if d.layers[i].Type == LayerRTCP && i > 0 && d.layers[i-1].Type == LayerRTCP {
			continue // a compound datagram is one rtcp
		}
		if d.layers[i].Type == LayerRPC && i > 0 && d.layers[i-1].Type == LayerRPC {
			if i+1 == n {
				b = b[:len(b)-1] // the RPC records of one TCP segment are one rpc
			}
			continue
		}
		if d.layers[i].Type == LayerEAP {
			// 802.1X hands EAP its bytes without naming it there.
			if i+1 == n {
				b = b[:len(b)-1]
			}
			continue
		}
		switch d.layers[i].Type {
		case LayerRaw:
			b = append(b, "raw"...)
		case LayerPayload:
			b = appendPayloadProtocol(b, d, i)
		case LayerTCP:
			b = appendHTTPClosed(tcpProtocols(b, d, i), d, i, conv)
		case LayerHTTP2:
			b = append(b, "http:http2"...) // tshark reaches HTTP/2 through HTTP's port
		case LayerHTTP:
			if httpPending(conv, i) {
				b = b[:len(b)-1] // a segment of a message a later one completes
				continue
			}
			b = appendHTTPProtocols(b, d, i, conv)
		case LayerPPTP:
			if i > 0 && pptpRetransmitted(conv.tcp(i-1)) {
				b = b[:len(b)-1] // tshark hands a retransmission's bytes to no protocol
				continue
			}
			b = append(b, "pptp"...)
		case LayerSSH:
			if conv != nil && conv.ssh.ok && (conv.ssh.retx || conv.ssh.middle) {
				// tshark does not hand these bytes to SSH.
				b = b[:len(b)-1]
				continue
			}
			b = append(b, "ssh"...)
		case LayerSCTP:
			b = append(b, "sctp"...)
			if conv != nil && sctpOwnData(d, i, &conv.sctp) != nil {
				b = append(b, ":data"...)
			}
		case LayerRPC:
			b = appendRPCProtocols(b, d, i, conv)
		case LayerENIP:
			b = appendENIPProtocols(b, d, i, conv)
		case LayerRADIUS:
			b = appendRADIUSProtocols(b, d, i)
		case LayerQUIC:
			b = append(b, "quic"...)
			if conv != nil && conv.quic.tls {
				b = append(b, ":tls"...)
			}
		default:
			b = protocolsLayer(b, d, i)
		}
		if i+1 < n && !(d.layers[i].Type == LayerRTCP && d.layers[i+1].Type == LayerRTCP) {
			b = append(b, ':')
		}
	}
	return b
}

// appendColonHex appends data in hex, a colon between bytes
// ("e2:15:81").
func appendColonHex(b, data []byte) []byte {
	if len(data) == 0 {
		return b
	}
	// Grown once and written in place: -T ek writes every payload so.
	n := len(b)
	b = slices.Grow(b, 3*len(data))[:n+3*len(data)-1]
	out := b[n:]
	for i, c := range data {
		o := out[3*i : 3*i+2]
		o[0], o[1] = hexDigits[c>>4], hexDigits[c&15]
		if i > 0 {
			out[3*i-1] = ':'
		}
	}
	return b
}

func appendHexBytes(b, data []byte) []byte {
	n := len(b)
	b = slices.Grow(b, 2*len(data))[:n+2*len(data)]
	out := b[n:]
	// Four bytes' eight digits a store, from a table of every byte's two.
	i := 0
	for ; i+4 <= len(data); i += 4 {
		d := data[i : i+4 : i+4]
		w := uint64(hexPairs[d[0]]) | uint64(hexPairs[d[1]])<<16 | uint64(hexPairs[d[2]])<<32 | uint64(hexPairs[d[3]])<<48
		binary.LittleEndian.PutUint64(out[2*i:], w)
	}
	for ; i < len(data); i++ {
		binary.LittleEndian.PutUint16(out[2*i:], hexPairs[data[i]])
	}
	return b
}

// hexPairs holds every byte's two hex digits as a little-endian word.
var hexPairs = func() (t [256]uint16) {
	for c := range 256 {
		t[c] = uint16(hexDigits[c>>4]) | uint16(hexDigits[c&15])<<8
	}
	return t
}()

// jsonWriter appends a JSON object member by member, placing the commas.
type jsonWriter struct {
	b     []byte
	comma bool
	keys  []string // jsonKeys()
}

// fieldKey appends the separator and f's key, "src": for ip.src, in one
// append where the field is the table's (jsonKeys).
func (w *jsonWriter) fieldKey(f *Field) {
	if int(f.id) >= len(w.keys) || f.id == 0 {
		w.key(f.jsonKey())
		return
	}
	k := w.keys[f.id]
	if !w.comma {
		k = k[1:]
	}
	w.b = append(w.b, k...)
	w.comma = true
}

// jsonKeys returns, by field id, each numbered field's key with its
// separator and quotes (`,"src":` for ip.src), cut from one string made
// the first time: written in three appends from the name, the keys were a
// seventh of --json's instructions.
var jsonKeys = sync.OnceValue(func() []string {
	at := make([][2]int32, fieldCount) // where each id's key starts and ends
	var b strings.Builder
	eachTableField(func(f *Field) {
		if f.id != 0 && int(f.id) < len(at) && at[f.id][1] == 0 {
			at[f.id][0] = int32(b.Len())
			b.WriteString(`,"`)
			b.WriteString(f.jsonKey())
			b.WriteString(`":`)
			at[f.id][1] = int32(b.Len())
		}
	})
	all := b.String()
	keys := make([]string, fieldCount)
	for id, a := range at {
		keys[id] = all[a[0]:a[1]]
	}
	return keys
})

// key appends the separator and "k": (nothing but the separator when k is
// empty, for the top-level object).
func (w *jsonWriter) key(k string) {
	b := w.b
	switch {
	case k == "":
		if w.comma {
			b = append(b, ',')
		}
	case w.comma:
		b = append(b, ',', '"')
	default:
		b = append(b, '"')
	}
	w.comma = true
	if k != "" {
		// Keys are rawcap's own constants (Wireshark field names): plain
		// ASCII that needs no escaping.
		b = append(append(b, k...), '"', ':')
	}
	w.b = b
}

func (w *jsonWriter) open(k string) {
	w.key(k)
	w.b = append(w.b, '{')
	w.comma = false
}

func (w *jsonWriter) close() {
	w.b = append(w.b, '}')
	w.comma = true
}

func (w *jsonWriter) str(k, v string) {
	w.key(k)
	w.b = appendJSONString(w.b, v)
}

func (w *jsonWriter) int(k string, v int) {
	w.key(k)
	w.b = appendInt(w.b, int64(v))
}

// appendJSONString appends s quoted and escaped as JSON.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			b = appendJSONByte(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b = append(b, `\ufffd`...)
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return append(b, '"')
}

// appendJSONBytes appends v (arbitrary bytes from a packet) as a JSON
// string, "</" as `<\/` as tshark's JSON writer escapes it (an HTTP body's
// closing tags).
func appendJSONBytes(b []byte, v []byte) []byte {
	b = append(b, '"')
	start := 0 // v[start:i] is copied as it is
	for i := 0; i < len(v); {
		c := v[i]
		switch {
		case c < utf8.RuneSelf:
			if c >= 0x20 && c != '"' && c != '\\' && (c != '/' || i == 0 || v[i-1] != '<') {
				i++
				continue
			}
			if b = append(b, v[start:i]...); c == '/' {
				b = append(b, '\\', '/')
			} else {
				b = appendJSONByte(b, c)
			}
			i++
		case c >= 0xc2 && c <= 0xdf && i+1 < len(v) && v[i+1]&0xc0 == 0x80:
			i += 2 // a two-byte sequence (tcp.flags.str's middle dots)
			continue
		default:
			r, n := utf8.DecodeRune(v[i:])
			if r != utf8.RuneError || n != 1 {
				i += n
				continue
			}
			b = append(append(b, v[start:i]...), `\ufffd`...)
			i++
		}
		start = i
	}
	b = append(b, v[start:]...)
	return append(b, '"')
}

func appendJSONByte(b []byte, c byte) []byte {
	switch {
	case c == '"' || c == '\\':
		return append(b, '\\', c)
	case c == '\n':
		return append(b, '\\', 'n')
	case c == '\r':
		return append(b, '\\', 'r')
	case c == '\t':
		return append(b, '\\', 't')
	case c == '\b':
		return append(b, '\\', 'b')
	case c == '\f':
		return append(b, '\\', 'f')
	case c < 0x20:
		return append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
	}
	return append(b, c) // DEL too, as tshark's JSON writes it
}

// fields appends the records of l as JSON members: an object per protocol
// keyed by its name, each field keyed by its name without the protocol's
// ("ip.src" is "src" inside "ip"), groups as arrays.
func (w *jsonWriter) fields(l *FieldList) {
	type frame struct {
		values bool // inside a ShapeValues group: bare values
		array  bool // closes with ']'
	}
	var stack [16]frame
	n := 0
	top := frame{}
	for k := range l.recs {
		r := &l.recs[k]
		switch r.Op {
		case OpProto:
			if n < len(stack) {
				stack[n] = top
				n++
			}
			w.open(r.Field.Name)
			top = frame{}
		case OpGroup:
			if n < len(stack) {
				stack[n] = top
				n++
			}
			w.fieldKey(r.Field)
			w.b = append(w.b, '[')
			w.comma = false
			top = frame{values: r.Field.Shape == ShapeValues, array: true}
		case OpItem:
			if n < len(stack) {
				stack[n] = top
				n++
			}
			w.open("")
			top = frame{}
		case OpEnd:
			if top.array {
				w.b = append(w.b, ']')
				w.comma = true
			} else {
				w.close()
			}
			if n > 0 {
				n--
				top = stack[n]
			}
		case OpValue:
			if r.Hidden {
				continue
			}
			if top.values {
				if w.comma {
					w.b = append(w.b, ',')
				}
				w.comma = true
			} else {
				w.fieldKey(r.Field)
			}
			w.b = appendJSONValue(w.b, l, r)
		}
	}
}

// jsonKey returns a field's key inside its protocol's object: its name
// after the protocol's ("ip.src" is "src"; vlan.etype inside ieee8021ad
// is "etype").
func jsonKey(name string) string {
	return name[strings.IndexByte(name, '.')+1:]
}

// jsonKey is f's key inside its protocol's object (jsonKey), found when
// the table was numbered.
func (f *Field) jsonKey() string {
	if f.keyAt > 0 {
		return f.Name[f.keyAt:]
	}
	return jsonKey(f.Name)
}

// appendJSONValue appends r's value as the JSON printer shows it: numbers
// as numbers, hex fields as "0x…" strings as tshark prints them, flags as
// booleans, addresses, byte strings (in hex) and texts as strings.
func appendJSONValue(b []byte, l *FieldList, r *FieldRec) []byte {
	f := r.Field
	switch f.Kind {
	case KindUint:
		if f.Base == BaseHex || f.Base == BaseHexDec {
			b = append(b, '"')
			b = appendHexDigits(b, r.u, f.hexDigits())
			return append(b, '"')
		}
		return appendUint(b, r.u)
	case KindFrameNum:
		return appendUint(b, r.u)
	case KindInt:
		return appendInt(b, int64(r.u))
	case KindBool:
		return strconv.AppendBool(b, r.u != 0)
	case KindIPv4, KindIPv6:
		b = append(b, '"')
		b = l.AddrOf(r).AppendTo(b)
		return append(b, '"')
	case KindMAC:
		b = append(b, '"')
		b = r.MAC().AppendTo(b)
		return append(b, '"')
	case KindBytes:
		b = append(b, '"')
		if r.Field.ColonSep {
			b = appendColonHex(b, l.BytesOf(r))
		} else {
			b = appendHexBytes(b, l.BytesOf(r))
		}
		return append(b, '"')
	case KindRelTime: // digits, a point and perhaps a sign: nothing to escape
		b = append(b, '"')
		b = append(b, l.BytesOf(r)...)
		return append(b, '"')
	case KindString, KindTime, KindOID, KindSystemID:
		return appendJSONBytes(b, l.BytesOf(r))
	case KindFloat:
		return strconv.AppendFloat(b, r.Float(), 'g', 15, 64) // tshark's %.15g
	case KindNone, KindProtocol:
		return append(b, "true"...) // present
	}
	return append(b, "null"...)
}

// appendHexDigits appends v as "0x" and digits hex digits.
func appendHexDigits(b []byte, v uint64, digits int) []byte {
	return appendHexN(append(b, '0', 'x'), v, digits)
}
