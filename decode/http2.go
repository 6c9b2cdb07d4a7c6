package decode

import "strconv"

// HTTP/2 (RFC 9113) in clear text, as tshark 4.0 decodes it without keys:
// on HTTP's TCP ports, from the segment that carries the client's
// connection preface on (its HTTP dissector hands "PRI * HTTP/2.0" to
// HTTP/2 and the whole conversation follows). tshark's own HTTP/2
// heuristic on other ports is off by default in 4.0, so rawcap does not
// look there either.
//
// A layer holds a segment's frames: each one is a "HyperText Transfer
// Protocol 2" subtree of its own. Only frames whose 9-byte header and
// body the segment holds whole are decoded; tshark reassembles a frame
// that spans segments, rawcap leaves those bytes undecoded (no lines).

// http2Preface is the client's connection preface (tshark's "Magic").
const http2Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"

// http2FrameHeaderLen is the length of a frame header.
const http2FrameHeaderLen = 9

// The frame types.
const (
	http2Data         = 0
	http2Headers      = 1
	http2Priority     = 2
	http2RstStream    = 3
	http2Settings     = 4
	http2PushPromise  = 5
	http2Ping         = 6
	http2Goaway       = 7
	http2WindowUpdate = 8
	http2Continuation = 9
)

// HTTP2Frame is one frame: its header fields and its body.
type HTTP2Frame struct {
	Length   int
	Type     uint8
	Flags    uint8
	R        bool
	StreamID uint32
	Body     []byte
}

// nextHTTP2Frame returns the frame at off in b, the offset after it, and
// whether b holds it whole.
func nextHTTP2Frame(b []byte, off int) (f HTTP2Frame, next int, ok bool) {
	if off+http2FrameHeaderLen > len(b) {
		return f, len(b), false
	}
	h := b[off:]
	n := int(h[0])<<16 | int(h[1])<<8 | int(h[2])
	if off+http2FrameHeaderLen+n > len(b) {
		return f, len(b), false
	}
	f = HTTP2Frame{Length: n, Type: h[3], Flags: h[4], R: h[5]&0x80 != 0, StreamID: be32(h[5:]) & 0x7fffffff}
	s := off + http2FrameHeaderLen
	f.Body = b[s : s+n : s+n]
	return f, s + n, true
}

// http2HasPreface reports whether b starts with the connection preface.
func http2HasPreface(b []byte) bool {
	return len(b) >= len(http2Preface) && string(b[:len(http2Preface)]) == http2Preface
}

// http2Conns remembers the TCP conversations that carried the preface, so
// the segments after it (both directions) are HTTP/2: a direct-mapped
// table of conversation keys, bounded, written only by the preface.
type http2Conns [256]uint64

// http2ConvKey returns a key for the conversation of the TCP header t
// (the same for both directions), from the IP layer before it; 0: none.
func (d *Decoder) http2ConvKey(t TCP) uint64 {
	if d.n == 0 {
		return 0
	}
	ip := &d.layers[d.n-1]
	var src, dst []byte
	switch ip.Type {
	case LayerIPv4:
		v := IPv4(d.data[ip.Start:ip.Payload])
		src, dst = v[12:16], v[16:20]
	case LayerIPv6:
		v := IPv6(d.data[ip.Start:ip.Payload])
		src, dst = v[8:24], v[24:40]
	default:
		return 0
	}
	a := http2Mix(src, t.SrcPort())
	b := http2Mix(dst, t.DstPort())
	return (a + b) | 1
}

func http2Mix(addr []byte, port uint16) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range addr {
		h = (h ^ uint64(c)) * 1099511628211
	}
	h = (h ^ uint64(port)) * 1099511628211
	h = (h ^ uint64(port>>8)) * 1099511628211
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	return h ^ h>>32
}

// http2Dispatch returns LayerHTTP2 where HTTP's port carries HTTP/2: the
// segment starts with the preface, or its conversation's did.
func (d *Decoder) http2Dispatch(t TCP, payload []byte) bool {
	if http2Upgrade(payload) {
		// "101 Switching Protocols" to h2c: the segments after it are
		// HTTP/2 (the 101 itself stays HTTP's).
		if k := d.http2ConvKey(t); k != 0 {
			if d.h2 == nil {
				d.h2 = new(http2Conns)
			}
			d.h2[k%uint64(len(d.h2))] = k
		}
		return false
	}
	if d.h2 == nil && !http2HasPreface(payload) {
		return false
	}
	k := d.http2ConvKey(t)
	if k == 0 {
		return false
	}
	if http2HasPreface(payload) {
		if d.h2 == nil {
			d.h2 = new(http2Conns)
		}
		d.h2[k%uint64(len(d.h2))] = k
		return true
	}
	return d.h2[k%uint64(len(d.h2))] == k
}

func (d *Decoder) decodeHTTP2(l *Layer) LayerType {
	l.Payload = l.End
	if l.Start == l.End {
		l.Malformed = ReasonTruncated
	}
	return LayerNone
}

const (
	http2Magic = iota
	http2Stream
	http2Length
	http2Type
	http2Flags
	http2R
	http2StreamID
	http2PadLength
	http2Padding
	http2Exclusive
	http2StreamDependency
	http2Weight
	http2WeightReal
	http2DataData
	http2DataPadding
	http2HeadersFrag
	http2HeadersPadding
	http2RstError
	http2SettingsField
	http2SettingsID
	http2SettingsHeaderTableSize
	http2SettingsEnablePush
	http2SettingsMaxConcurrent
	http2SettingsInitialWindow
	http2SettingsMaxFrameSize
	http2SettingsMaxHeaderList
	http2PushPromiseR
	http2PushPromiseID
	http2PushPromisePadding
	http2PushPromiseHeader
	http2PingField
	http2PongField
	http2GoawayR
	http2GoawayLastStream
	http2GoawayError
	http2GoawayAddata
	http2WindowUpdateR
	http2WindowUpdateIncrement
	http2Unknown
	http2HeaderLength
	http2HeaderCount
	http2Header
	http2HeaderNameLength
	http2HeaderName
	http2HeaderValueLength
	http2HeaderValue
	http2HeaderUnescaped
	http2HeaderRepr
	http2HeaderIndex
	http2ContinuationHeader
	http2FullURI
	http2FlagsUnused
	http2FlagsUnusedSettings
	http2FlagsUnusedPing
	http2FlagsUnusedContinuation
	http2FlagsUnusedPushPromise
	http2FlagsUnusedData
	http2FlagsUnusedHeaders
	http2FlagsPriority
	http2FlagsPadded
	http2FlagsEndHeaders
	http2FlagsEndStream
	http2FlagsAckSettings
	http2FlagsAckPing
	http2SettingsExtendedConnect
	http2SettingsUnknown
	http2ContinuationPadding
	http2NamedFirst // then the http2.headers.* fields (http2_headers.go)
	http2FieldCount = http2NamedFirst + len(http2NamedFields)
)

var http2BaseFields = [http2NamedFirst]Field{
	http2Magic:                   {Name: "http2.magic", Label: "Magic", Kind: KindString},
	http2Stream:                  {Name: "http2.stream", Label: "Stream", Kind: KindNone},
	http2Length:                  {Name: "http2.length", Label: "Length", Kind: KindUint, Width: 24},
	http2Type:                    {Name: "http2.type", Label: "Type", Kind: KindUint, Width: 8},
	http2Flags:                   {Name: "http2.flags", Label: "Flags", Kind: KindUint, Width: 8, Base: BaseHex},
	http2R:                       {Name: "http2.r", Label: "Reserved", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x80000000},
	http2StreamID:                {Name: "http2.streamid", Label: "Stream Identifier", Kind: KindUint, Width: 32, Mask: 0x7fffffff},
	http2PadLength:               {Name: "http2.pad_length", Label: "Pad Length", Kind: KindUint, Width: 16, Generated: true},
	http2Padding:                 {Name: "http2.padding", Label: "Pad Length", Kind: KindUint, Width: 8, Base: BaseHex},
	http2Exclusive:               {Name: "http2.exclusive", Label: "Exclusive", Kind: KindBool, Width: 32, Mask: 0x80000000},
	http2StreamDependency:        {Name: "http2.stream_dependency", Label: "Stream Dependency", Kind: KindUint, Width: 32, Mask: 0x7fffffff},
	http2Weight:                  {Name: "http2.headers.weight", Label: "Weight", Kind: KindUint, Width: 8},
	http2WeightReal:              {Name: "http2.headers.weight_real", Label: "Weight real", Kind: KindUint, Width: 8, Generated: true},
	http2DataData:                {Name: "http2.data.data", Label: "Data", Kind: KindBytes},
	http2DataPadding:             {Name: "http2.data.padding", Label: "Padding", Kind: KindBytes},
	http2HeadersFrag:             {Name: "http2.headers", Label: "Header Block Fragment", Kind: KindBytes},
	http2HeadersPadding:          {Name: "http2.headers.padding", Label: "Padding", Kind: KindBytes},
	http2RstError:                {Name: "http2.rst_stream.error", Label: "Error", Kind: KindUint, Width: 32},
	http2SettingsField:           {Name: "http2.settings", Label: "Settings", Kind: KindNone},
	http2SettingsID:              {Name: "http2.settings.id", Label: "Settings Identifier", Kind: KindUint, Width: 16},
	http2SettingsHeaderTableSize: {Name: "http2.settings.header_table_size", Label: "Header table size", Kind: KindUint, Width: 32},
	http2SettingsEnablePush:      {Name: "http2.settings.enable_push", Label: "Enable PUSH", Kind: KindUint, Width: 32},
	http2SettingsMaxConcurrent:   {Name: "http2.settings.max_concurrent_streams", Label: "Max concurrent streams", Kind: KindUint, Width: 32},
	http2SettingsInitialWindow:   {Name: "http2.settings.initial_window_size", Label: "Initial Windows Size", Kind: KindUint, Width: 32},
	http2SettingsMaxFrameSize:    {Name: "http2.settings.max_frame_size", Label: "Max frame size", Kind: KindUint, Width: 32},
	http2SettingsMaxHeaderList:   {Name: "http2.settings.max_header_list_size", Label: "Max header list size", Kind: KindUint, Width: 32},
	http2PushPromiseR:            {Name: "http2.push_promise.r", Label: "Reserved", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x80000000},
	http2PushPromiseID:           {Name: "http2.push_promise.promised_stream_id", Label: "Promised-Stream-ID", Kind: KindUint, Width: 32, Mask: 0x7fffffff},
	http2PushPromisePadding:      {Name: "http2.push_promise.padding", Label: "Padding", Kind: KindBytes},
	http2PushPromiseHeader:       {Name: "http2.push_promise.header", Label: "Header Block Fragment", Kind: KindBytes},
	http2PingField:               {Name: "http2.ping", Label: "Ping", Kind: KindBytes},
	http2PongField:               {Name: "http2.pong", Label: "Pong", Kind: KindBytes},
	http2GoawayR:                 {Name: "http2.goway.r", Label: "Reserved", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x80000000},
	http2GoawayLastStream:        {Name: "http2.goaway.last_stream_id", Label: "Last-Stream-ID", Kind: KindUint, Width: 32, Mask: 0x7fffffff},
	http2GoawayError:             {Name: "http2.goaway.error", Label: "Error", Kind: KindUint, Width: 32},
	http2GoawayAddata:            {Name: "http2.goaway.addata", Label: "Additional Debug Data", Kind: KindBytes},
	http2WindowUpdateR:           {Name: "http2.window_update.r", Label: "Reserved", Kind: KindUint, Width: 32, Base: BaseHex, Mask: 0x80000000},
	http2WindowUpdateIncrement:   {Name: "http2.window_update.window_size_increment", Label: "Window Size Increment", Kind: KindUint, Width: 32, Mask: 0x7fffffff},
	http2Unknown:                 {Name: "http2.unknown", Label: "Unknown", Kind: KindBytes},
	http2HeaderLength:            {Name: "http2.header.length", Label: "Header Length", Kind: KindUint, Width: 32, Generated: true},
	http2HeaderCount:             {Name: "http2.header.count", Label: "Header Count", Kind: KindUint, Width: 32, Generated: true},
	http2Header:                  {Name: "http2.header", Label: "Header", Kind: KindNone},
	http2HeaderNameLength:        {Name: "http2.header.name.length", Label: "Name Length", Kind: KindUint, Width: 32},
	http2HeaderName:              {Name: "http2.header.name", Label: "Name", Kind: KindString},
	http2HeaderValueLength:       {Name: "http2.header.value.length", Label: "Value Length", Kind: KindUint, Width: 32},
	http2HeaderValue:             {Name: "http2.header.value", Label: "Value", Kind: KindString},
	http2HeaderUnescaped:         {Name: "http2.header.unescaped", Label: "Unescaped", Kind: KindString, Generated: true},
	http2HeaderRepr:              {Name: "http2.header.repr", Label: "Representation", Kind: KindString},
	http2HeaderIndex:             {Name: "http2.header.index", Label: "Index", Kind: KindUint, Width: 32},
	http2ContinuationHeader:      {Name: "http2.continuation.header", Label: "Continuation Header", Kind: KindString},
	http2FullURI:                 {Name: "http2.request.full_uri", Label: "Full request URI", Kind: KindString, Generated: true},
	http2FlagsUnused:             {Name: "http2.flags.unused", Label: "Unused", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xff},
	http2FlagsUnusedSettings:     {Name: "http2.flags.unused_settings", Label: "Unused", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xfe},
	http2FlagsUnusedPing:         {Name: "http2.flags.unused_ping", Label: "Unused", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xfe},
	http2FlagsUnusedContinuation: {Name: "http2.flags.unused_continuation", Label: "Unused", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xfb},
	http2FlagsUnusedPushPromise:  {Name: "http2.flags.unused_push_promise", Label: "Unused", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xf3},
	http2FlagsUnusedData:         {Name: "http2.flags.unused_data", Label: "Unused", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xf6},
	http2FlagsUnusedHeaders:      {Name: "http2.flags.unused_headers", Label: "Unused", Kind: KindUint, Width: 8, Base: BaseHex, Mask: 0xd2},
	http2FlagsPriority:           {Name: "http2.flags.priority", Label: "Priority", Kind: KindBool, Width: 8, Mask: 0x20},
	http2FlagsPadded:             {Name: "http2.flags.padded", Label: "Padded", Kind: KindBool, Width: 8, Mask: 0x08},
	http2FlagsEndHeaders:         {Name: "http2.flags.eh", Label: "End Headers", Kind: KindBool, Width: 8, Mask: 0x04},
	http2FlagsEndStream:          {Name: "http2.flags.end_stream", Label: "End Stream", Kind: KindBool, Width: 8, Mask: 0x01},
	http2FlagsAckSettings:        {Name: "http2.flags.ack.settings", Label: "ACK", Kind: KindBool, Width: 8, Mask: 0x01},
	http2FlagsAckPing:            {Name: "http2.flags.ack.ping", Label: "ACK", Kind: KindBool, Width: 8, Mask: 0x01},
	http2SettingsExtendedConnect: {Name: "http2.settings.extended_connect", Label: "Extended CONNECT", Kind: KindUint, Width: 32},
	http2SettingsUnknown:         {Name: "http2.settings.unknown", Label: "Unknown Settings", Kind: KindUint, Width: 32},
	http2ContinuationPadding:     {Name: "http2.continuation.padding", Label: "Padding", Kind: KindBytes},
}

// http2HeaderGroup holds a block's decoded headers, one item each (JSON
// shows them as an array of objects, tshark as one subtree each).
var http2HeaderGroup = Field{Name: "http2.header", Label: "Header", Shape: ShapeObjects}

var protoHTTP2 = protoField("http2", "HyperText Transfer Protocol 2")

// http2SettingValue returns the field of a setting's value.
func http2SettingValue(id uint16) int {
	switch id {
	case 1:
		return http2SettingsHeaderTableSize
	case 2:
		return http2SettingsEnablePush
	case 3:
		return http2SettingsMaxConcurrent
	case 4:
		return http2SettingsInitialWindow
	case 5:
		return http2SettingsMaxFrameSize
	case 6:
		return http2SettingsMaxHeaderList
	case 8:
		return http2SettingsExtendedConnect
	}
	return http2SettingsUnknown
}

// http2Padded splits a DATA, HEADERS or PUSH_PROMISE body with the PADDED
// flag into its pad length, the rest and the padding; ok false when the
// pad length runs past the body.
func http2Padded(f *HTTP2Frame) (pad int, rest, padding []byte, ok bool) {
	if f.Flags&0x08 == 0 {
		return 0, f.Body, nil, true
	}
	if len(f.Body) < 1 {
		return 0, nil, nil, false
	}
	pad = int(f.Body[0])
	if 1+pad > len(f.Body) {
		return pad, nil, nil, false
	}
	return pad, f.Body[1 : len(f.Body)-pad], f.Body[len(f.Body)-pad:], true
}

// http2Segment returns the layer's bytes after the preface, if any.
func http2Segment(d *Decoder, i int) (b []byte, magic bool) {
	l := &d.layers[i]
	b = d.data[l.Start:l.End]
	if http2HasPreface(b) {
		return b[len(http2Preface):], true
	}
	return b, false
}

// emitHTTP2 emits the layer's frames, each a protocol of its own, in the
// order and nesting of tshark's tree: a "Stream" line titling the frame,
// and beneath it the frame header, its flags as a subtree, and the body.
func emitHTTP2(e *emitter, i int) {
	d := e.d
	b, magic := http2Segment(d, i)
	fs := &http2Fields
	if magic {
		e.Proto(&protoHTTP2)
		e.None(&fs[http2Stream])
		e.SetRepr(append(e.Text(), "Stream: Magic"...))
		e.Sub()
		e.String(&fs[http2Magic], http2Preface)
		e.Up()
		e.End()
	}
	for off, idx := 0, 0; ; idx++ {
		f, next, ok := nextHTTP2Frame(b, off)
		if !ok {
			break
		}
		off = next
		e.Proto(&protoHTTP2)
		emitHTTP2Frame(e, &f, http2BlockOf(e.conv, idx))
		e.End()
	}
}

// emitHTTP2Frame emits a frame; blk is its decoded header block, if any.
func emitHTTP2Frame(e *emitter, f *HTTP2Frame, blk *http2Block) {
	fs := &http2Fields
	e.None(&fs[http2Stream])
	if e.Tree() {
		hasSum, plain := false, false
		if blk != nil && e.conv != nil && (f.Type == http2Headers || f.Type == http2PushPromise) && blk.printable(&e.conv.h2) {
			_, _, _, hasSum = http2Summary(&e.conv.h2, blk)
			plain = !hasSum && http2Plain(&e.conv.h2, blk)
		}
		if f.Type != http2Headers && f.Type != http2PushPromise || hasSum || plain {
			t := append(e.Text(), "Stream: "...)
			t = appendHTTP2TypeShort(t, f.Type)
			t = append(t, ", Stream ID: "...)
			t = strconv.AppendUint(t, uint64(f.StreamID), 10)
			t = append(t, ", Length "...)
			t = strconv.AppendInt(t, int64(f.Length), 10)
			if hasSum {
				t = append(t, ", "...)
				t, _ = appendHTTP2Summary(t, &e.conv.h2, blk)
			}
			e.SetRepr(t)
		} else {
			// tshark appends the decoded request or status to a
			// HEADERS or PUSH_PROMISE title; without it rawcap leaves
			// that line out.
			e.NoTree()
		}
	}
	e.Sub()
	e.Uint(&fs[http2Length], uint64(f.Length))
	e.Uint(&fs[http2Type], uint64(f.Type))
	e.Uint(&fs[http2Flags], uint64(f.Flags))
	unused, flags := http2FlagFields(f.Type)
	if e.Tree() {
		t := appendHex2(append(e.Text(), "Flags: 0x"...), f.Flags)
		for _, k := range flags {
			t = appendSetFlags(t, uint64(f.Flags), &fs[k])
		}
		e.SetRepr(t)
	}
	e.Sub()
	e.UintBits(&fs[unused], uint64(f.Flags))
	for _, k := range flags {
		e.BoolBits(&fs[k], uint64(f.Flags))
	}
	e.Up()
	r := uint64(0)
	if f.R {
		r = 1
	}
	e.Uint(&fs[http2R], r)
	e.Uint(&fs[http2StreamID], uint64(f.StreamID))
	emitHTTP2Body(e, f, blk)
	e.Up()
}

func emitHTTP2Body(e *emitter, f *HTTP2Frame, blk *http2Block) {
	fs := &http2Fields
	body := f.Body
	switch f.Type {
	case http2Data:
		pad, rest, padding, ok := http2Padded(f)
		if !ok {
			return
		}
		if f.Flags&0x08 != 0 {
			e.Uint(&fs[http2Padding], uint64(pad))
			rest = body[1:] // tshark 4.0's Data runs on over the padding
		}
		e.Uint(&fs[http2PadLength], uint64(pad))
		if len(rest) > 0 {
			e.Bytes(&fs[http2DataData], rest)
		}
		if len(padding) > 0 {
			e.Bytes(&fs[http2DataPadding], padding)
		}
	case http2Headers, http2PushPromise:
		pad, rest, padding, ok := http2Padded(f)
		if !ok {
			return
		}
		if f.Flags&0x08 != 0 {
			e.Uint(&fs[http2Padding], uint64(pad))
		}
		padField := http2HeadersPadding
		e.Uint(&fs[http2PadLength], uint64(pad))
		if f.Type == http2PushPromise {
			if len(rest) < 4 {
				return
			}
			v := be32(rest)
			e.Uint(&fs[http2PushPromiseR], uint64(v>>31))
			e.Uint(&fs[http2PushPromiseID], uint64(v&0x7fffffff))
			if len(rest) > 4 {
				e.Bytes(&fs[http2PushPromiseHeader], rest[4:])
			}
			rest = nil
			padField = http2PushPromisePadding
		} else if f.Flags&0x20 != 0 {
			if len(rest) < 5 {
				return
			}
			emitHTTP2Priority(e, rest)
			rest = rest[5:]
		}
		if len(rest) > 0 {
			e.Bytes(&fs[http2HeadersFrag], rest)
		}
		if blk != nil && e.conv != nil && blk.printable(&e.conv.h2) {
			emitHTTP2Headers(e, &e.conv.h2, blk)
		}
		if len(padding) > 0 {
			e.Bytes(&fs[padField], padding) // after the decoded header lines
		}
	case http2Priority:
		if len(body) < 5 {
			return
		}
		emitHTTP2Priority(e, body)
	case http2RstStream:
		if len(body) < 4 {
			return
		}
		e.Uint(&fs[http2RstError], uint64(be32(body)))
	case http2Settings:
		for s := 0; s+6 <= len(body); s += 6 {
			id := be16(body[s:])
			v := be32(body[s+2:])
			e.None(&fs[http2SettingsField])
			if e.Tree() {
				t := append(e.Text(), "Settings - "...)
				if name := fs[http2SettingsID].ValueNames().Name(uint64(id)); name != "" {
					t = append(t, name...)
				} else {
					t = strconv.AppendUint(append(t, "Unknown ("...), uint64(id), 10)
					t = append(t, ')')
				}
				t = append(t, " : "...)
				e.SetRepr(strconv.AppendUint(t, uint64(v), 10))
			}
			e.Sub()
			e.Uint(&fs[http2SettingsID], uint64(id))
			e.Uint(&fs[http2SettingValue(id)], uint64(v))
			e.Up()
		}
	case http2Ping:
		if len(body) < 8 {
			return
		}
		if f.Flags&1 != 0 {
			e.Bytes(&fs[http2PongField], body[:8])
		} else {
			e.Bytes(&fs[http2PingField], body[:8])
		}
	case http2Goaway:
		if len(body) < 8 {
			return
		}
		v := be32(body)
		e.Uint(&fs[http2GoawayR], uint64(v>>31))
		e.Uint(&fs[http2GoawayLastStream], uint64(v&0x7fffffff))
		e.Uint(&fs[http2GoawayError], uint64(be32(body[4:])))
		if len(body) > 8 {
			e.Bytes(&fs[http2GoawayAddata], body[8:])
		}
	case http2WindowUpdate:
		if len(body) < 4 {
			return
		}
		v := be32(body)
		e.Uint(&fs[http2WindowUpdateR], uint64(v>>31))
		e.Uint(&fs[http2WindowUpdateIncrement], uint64(v&0x7fffffff))
	case http2Continuation:
		pad, rest, padding, ok := http2Padded(f)
		if !ok {
			return
		}
		if f.Flags&0x08 != 0 {
			e.Uint(&fs[http2Padding], uint64(pad))
		}
		e.Uint(&fs[http2PadLength], uint64(pad))
		if len(rest) > 0 {
			e.TextDone(&fs[http2ContinuationHeader], appendWSText(e.Text(), rest))
		}
		if blk != nil && e.conv != nil && blk.printable(&e.conv.h2) {
			emitHTTP2Headers(e, &e.conv.h2, blk)
		}
		if len(padding) > 0 {
			e.Bytes(&fs[http2ContinuationPadding], padding)
		}
	default:
		if len(body) > 0 {
			e.Bytes(&fs[http2Unknown], body)
		}
	}
}

// emitHTTP2Priority emits the exclusive flag, stream dependency and weight
// of a PRIORITY frame or a HEADERS frame with the PRIORITY flag.
func emitHTTP2Priority(e *emitter, p []byte) {
	fs := &http2Fields
	v := be32(p)
	e.Bool(&fs[http2Exclusive], v>>31 != 0)
	e.Uint(&fs[http2StreamDependency], uint64(v&0x7fffffff))
	e.Uint(&fs[http2Weight], uint64(p[4]))
	e.Uint(&fs[http2WeightReal], uint64(p[4])+1)
}

// http2FlagFields returns, per frame type, the field of the flags' unused
// bits and the flags tshark draws after it.
func http2FlagFields(t uint8) (unused int, flags []int) {
	switch t {
	case http2Data:
		return http2FlagsUnusedData, http2DataFlags[:]
	case http2Headers:
		return http2FlagsUnusedHeaders, http2HeadersFlags[:]
	case http2Settings:
		return http2FlagsUnusedSettings, http2SettingsFlags[:]
	case http2Ping:
		return http2FlagsUnusedPing, http2PingFlags[:]
	case http2PushPromise:
		return http2FlagsUnusedPushPromise, http2PushFlags[:]
	case http2Continuation:
		return http2FlagsUnusedContinuation, http2ContFlags[:]
	}
	return http2FlagsUnused, nil
}

var (
	http2DataFlags     = [...]int{http2FlagsPadded, http2FlagsEndStream}
	http2HeadersFlags  = [...]int{http2FlagsPriority, http2FlagsPadded, http2FlagsEndHeaders, http2FlagsEndStream}
	http2SettingsFlags = [...]int{http2FlagsAckSettings}
	http2PingFlags     = [...]int{http2FlagsAckPing}
	http2PushFlags     = [...]int{http2FlagsPadded, http2FlagsEndHeaders}
	http2ContFlags     = [...]int{http2FlagsPadded, http2FlagsEndHeaders}
)

// appendHTTP2TypeShort appends the type as the Stream line names it.
func appendHTTP2TypeShort(b []byte, typ uint8) []byte {
	if n := http2Fields[http2Type].ValueNames().Name(uint64(typ)); n != "" {
		return append(b, n...)
	}
	b = append(b, "Unknown type ("...)
	b = strconv.AppendUint(b, uint64(typ), 10)
	return append(b, ')')
}

// appendHTTP2Info appends Wireshark's Info column for the layer: the
// frames as "TYPE[stream]", after "Magic" for the preface. A HEADERS
// frame's decoded request or status (": GET /") follows, from the
// tracker's HPACK decoding (http2_hpack.go).
func appendHTTP2Info(b []byte, d *Decoder, i int, conv *convResults) []byte {
	seg, magic := http2Segment(d, i)
	sep := false
	if magic {
		b = append(b, "Magic"...)
		sep = true
	}
	for off, idx := 0, 0; ; idx++ {
		f, next, ok := nextHTTP2Frame(seg, off)
		if !ok {
			break
		}
		off = next
		if sep {
			b = append(b, ", "...)
		}
		sep = true
		b = appendHTTP2TypeShort(b, f.Type)
		b = append(b, '[')
		b = strconv.AppendUint(b, uint64(f.StreamID), 10)
		b = append(b, ']')
		if blk := http2BlockOf(conv, idx); blk != nil && (f.Type == http2Headers || f.Type == http2PushPromise) && blk.printable(&conv.h2) {
			n := len(b)
			b = append(b, ": "...)
			if b, ok = appendHTTP2Summary(b, &conv.h2, blk); !ok {
				b = b[:n]
			}
		}
	}
	return b
}

// emitHTTP2PDUSizes emits the sizes tshark's TCP adds (tcp.pdu.size,
// "[PDU Size: N]") for the HTTP/2 PDUs a segment holds whole: the
// preface's and each frame's.
func emitHTTP2PDUSizes(e *emitter, i int) {
	b, magic := http2Segment(e.d, i)
	f := &tcpFields[tcpPDUSize]
	if magic {
		e.Uint(f, uint64(len(http2Preface)))
	}
	for off := 0; ; {
		_, next, ok := nextHTTP2Frame(b, off)
		if !ok {
			break
		}
		e.Uint(f, uint64(next-off))
		off = next
	}
}

// http2Upgrade reports whether b is an HTTP/1.x "101" response with an
// "Upgrade: h2c" header line.
func http2Upgrade(b []byte) bool {
	if len(b) < 13 || string(b[:7]) != "HTTP/1." || string(b[8:13]) != " 101 " {
		return false
	}
	h := HTTP(b)
	_, off, ok := h.nextLine(0)
	for ok {
		var line []byte
		line, off, ok = h.nextLine(off)
		if len(line) == 0 {
			return false
		}
		name, value, found := bytesCut(line, ':')
		if found && asciiEqualFold(name, "upgrade") && asciiEqualFold(bytesTrimSpace(value), "h2c") {
			return true
		}
	}
	return false
}

func bytesCut(b []byte, c byte) (before, after []byte, found bool) {
	for k, x := range b {
		if x == c {
			return b[:k], b[k+1:], true
		}
	}
	return b, nil, false
}

func bytesTrimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

func asciiEqualFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for k := range b {
		c := b[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[k] {
			return false
		}
	}
	return true
}
