package decode

// HPACK state of the HTTP/2 connections: a dynamic table per connection
// and direction, applied by the tracker once per frame in capture order
// (tracker.go), and the header blocks of the packet it tracked last.

// http2HPACKSlots bounds the connections whose tables are kept (direct
// mapped by conversation key): at most 2*64*64 KiB of table bytes.
const http2HPACKSlots = 64

type http2HPACKConn struct {
	key uint64
	tab [2]hpackTable
	// pend holds, per direction, the start of a representation a HEADERS,
	// PUSH_PROMISE or CONTINUATION frame without END_HEADERS cut off: the
	// next CONTINUATION goes on from it (tshark's inflater keeps its state
	// across a block's frames, and shows each header in the frame where it
	// ends).
	pend [2][]byte
}

// http2MaxPending bounds a direction's pending bytes.
const http2MaxPending = 16 << 10

type http2HPACK struct {
	conns [http2HPACKSlots]http2HPACKConn
}

// http2Block is one frame's decoded header block in http2Note.
type http2Block struct {
	from, to int    // fields in http2Note.fs
	hlen     int    // tshark's Header Length: 8 + name + value per field
	ok       bool   // decoded whole, without a table size update
	sizeUpd  bool   // held a dynamic table size update
	frame    uint16 // the frame's index in the segment
}

// http2Note is what the tracker decoded of the packet's header blocks.
type http2Note struct {
	fs     []hpackField
	buf    []byte
	blocks []http2Block
}

// printable reports whether every name and value of blk is printable
// ASCII, which tshark shows unescaped (rawcap draws no other block).
func (b *http2Block) printable(n *http2Note) bool {
	for k := b.from; k < b.to; k++ {
		h := &n.fs[k]
		for _, c := range n.buf[h.nameOff : h.valOff+h.valLen] {
			if c < 0x20 || c > 0x7e {
				return false
			}
		}
	}
	return true
}

func (d *Decoder) http2Forget() {
	if d.hp != nil {
		for k := range d.hp.conns {
			d.hp.conns[k].key = 0
		}
	}
}

// clear says the packet holds no HTTP/2 header block.
func (n *http2Note) clear() { n.fs, n.buf, n.blocks = n.fs[:0], n.buf[:0], n.blocks[:0] }

// http2Frame decodes the header blocks of the packet's HTTP/2 layer.
func (d *Decoder) http2Frame(r *convResults) {
	n := &r.h2
	n.clear()
	i := -1
	for k := 2; k < d.n; k++ {
		if d.layers[k].Type == LayerHTTP2 && d.layers[k-1].Type == LayerTCP && !d.layers[k].Quoted {
			i = k
			break
		}
	}
	if i < 0 {
		return
	}
	ip := &d.layers[i-2]
	var src, dst []byte
	switch ip.Type {
	case LayerIPv4:
		v := IPv4(d.data[ip.Start:ip.Payload])
		src, dst = v[12:16], v[16:20]
	case LayerIPv6:
		v := IPv6(d.data[ip.Start:ip.Payload])
		src, dst = v[8:24], v[24:40]
	default:
		return
	}
	t := TCP(d.data[d.layers[i-1].Start:d.layers[i-1].Payload])
	a, b := http2Mix(src, t.SrcPort()), http2Mix(dst, t.DstPort())
	key, dir := (a+b)|1, 0
	if a < b {
		dir = 1
	}
	if d.hp == nil {
		d.hp = new(http2HPACK)
	}
	c := &d.hp.conns[key%http2HPACKSlots]
	if c.key != key {
		c.key = key
		c.tab[0].init(hpackDefaultSize)
		c.tab[1].init(hpackDefaultSize)
		c.pend[0], c.pend[1] = c.pend[0][:0], c.pend[1][:0]
	}
	seg, _ := http2Segment(d, i)
	for off, idx := 0, 0; ; idx++ {
		f, next, ok := nextHTTP2Frame(seg, off)
		if !ok {
			break
		}
		off = next
		if f.Type == http2Settings && f.Flags&1 == 0 {
			// the sender's limit on the table its peer encodes for it
			for s := 0; s+6 <= len(f.Body); s += 6 {
				if be16(f.Body[s:]) == 1 {
					v := int(be32(f.Body[s+2:]))
					if v > hpackMaxSize {
						v = hpackMaxSize
					}
					c.tab[1-dir].lim = v
				}
			}
			continue
		}
		if f.Type != http2Headers && f.Type != http2PushPromise && f.Type != http2Continuation {
			continue
		}
		_, rest, _, ok := http2Padded(&f)
		if !ok {
			continue
		}
		if f.Type == http2PushPromise {
			if len(rest) < 4 {
				continue
			}
			rest = rest[4:]
		} else if f.Type == http2Headers && f.Flags&0x20 != 0 {
			if len(rest) < 5 {
				continue
			}
			rest = rest[5:]
		}
		tab := &c.tab[dir]
		blk := http2Block{from: len(n.fs), frame: uint16(idx)}
		before := tab.max
		in, pend := rest, &c.pend[dir]
		if f.Type == http2Continuation && len(*pend) > 0 {
			*pend = append(*pend, rest...)
			in = *pend
		}
		var left []byte
		n.fs, n.buf, left, blk.ok = hpackDecodeRest(tab, in, n.fs, n.buf)
		if f.Flags&0x04 == 0 && len(left) > 0 && len(left) <= http2MaxPending {
			// the block goes on in a CONTINUATION: what it decoded
			// so far is this frame's
			*pend = append((*pend)[:0], left...) // left may alias *pend: copy moves forward
			blk.ok = true
		} else {
			*pend = (*pend)[:0]
		}
		blk.sizeUpd = tab.max != before || hpackHasSizeUpdate(in)
		blk.to = len(n.fs)
		for _, h := range n.fs[blk.from:blk.to] {
			blk.hlen += 8 + int(h.nameLen+h.valLen)
		}
		n.blocks = append(n.blocks, blk)
	}
}

// hpackHasSizeUpdate reports whether a block starts with a size update
// (which tshark draws as a line of its own that rawcap does not).
func hpackHasSizeUpdate(b []byte) bool { return len(b) > 0 && b[0]&0xe0 == 0x20 }

// http2BlockOf returns the decoded block of the segment's frame idx.
func http2BlockOf(conv *convResults, idx int) *http2Block {
	if conv == nil {
		return nil
	}
	for k := range conv.h2.blocks {
		b := &conv.h2.blocks[k]
		if int(b.frame) == idx {
			if !b.ok || b.sizeUpd {
				return nil
			}
			return b
		}
	}
	return nil
}

func (n *http2Note) name(h *hpackField) []byte { return n.buf[h.nameOff : h.nameOff+h.nameLen] }
func (n *http2Note) value(h *hpackField) []byte {
	return n.buf[h.valOff : h.valOff+h.valLen]
}

// http2Summary finds what tshark shows of a HEADERS or PUSH_PROMISE
// block in the title and Info: a request's method and path or a
// response's status; ok false when the block names neither.
func http2Summary(n *http2Note, blk *http2Block) (method, path, status []byte, ok bool) {
	for k := blk.from; k < blk.to; k++ {
		h := &n.fs[k]
		switch string(n.name(h)) {
		case ":method":
			method = n.value(h)
		case ":path":
			path = n.value(h)
		case ":status":
			status = n.value(h)
		}
	}
	switch {
	case method != nil && path != nil && status == nil:
		return method, path, nil, true
	case status != nil && method == nil && path == nil:
		_, ok = http2Status(status)
		return nil, nil, status, ok
	}
	return nil, nil, nil, false
}

// http2Plain reports whether tshark's title of a HEADERS or PUSH_PROMISE
// frame with the decoded block blk stays plain: no status, and not both a
// method and a path.
func http2Plain(n *http2Note, blk *http2Block) bool {
	method, path, status := http2Pseudo(n, blk)
	return status == nil && (method == nil || path == nil)
}

// http2Pseudo returns the block's :method, :path and :status values.
func http2Pseudo(n *http2Note, blk *http2Block) (method, path, status []byte) {
	for k := blk.from; k < blk.to; k++ {
		h := &n.fs[k]
		switch string(n.name(h)) {
		case ":method":
			method = n.value(h)
		case ":path":
			path = n.value(h)
		case ":status":
			status = n.value(h)
		}
	}
	return method, path, status
}

// appendHTTP2FullURI appends tshark's full request URI of a block that
// names an authority and a path ("scheme://authority/path", the scheme
// "(null)" when the block has none); ok false when it names neither.
func appendHTTP2FullURI(b []byte, n *http2Note, blk *http2Block) ([]byte, bool) {
	var scheme, auth, path []byte
	for k := blk.from; k < blk.to; k++ {
		h := &n.fs[k]
		switch string(n.name(h)) {
		case ":scheme":
			scheme = n.value(h)
		case ":authority":
			auth = n.value(h)
		case ":path":
			path = n.value(h)
		}
	}
	if auth == nil || path == nil {
		return b, false
	}
	if scheme == nil {
		b = append(b, "(null)"...)
	} else {
		b = append(b, scheme...)
	}
	b = append(b, "://"...)
	b = append(b, auth...)
	return append(b, path...), true
}

// appendHTTP2Summary appends "GET /path" or "200 OK" (http2Summary).
func appendHTTP2Summary(b []byte, n *http2Note, blk *http2Block) ([]byte, bool) {
	method, path, status, ok := http2Summary(n, blk)
	switch {
	case !ok:
	case status != nil:
		code, _ := http2Status(status)
		b = append(b, status...)
		b = append(b, ' ')
		b = append(b, httpStatusText(code)...)
	default:
		b = append(b, method...)
		b = append(b, ' ')
		b = append(b, path...)
	}
	return b, ok
}

var hpackRepNames = [...]string{
	hpackIndexed:     "Indexed Header Field",
	hpackIncremental: "Literal Header Field with Incremental Indexing",
	hpackWithout:     "Literal Header Field without Indexing",
	hpackNever:       "Literal Header Field never Indexed",
}

// http2Status parses a three-digit status that has a reason phrase.
func http2Status(v []byte) (int, bool) {
	if len(v) != 3 {
		return 0, false
	}
	code := 0
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		code = code*10 + int(c-'0')
	}
	return code, httpStatusText(code) != ""
}

// emitHTTP2Headers emits a decoded block's fields in the order of tshark's
// tree: its length and count, then a subtree per header ("Header: name:
// value"), then the full request URI.
func emitHTTP2Headers(e *emitter, n *http2Note, blk *http2Block) {
	fs := &http2Fields
	e.Uint(&fs[http2HeaderLength], uint64(blk.hlen))
	e.Uint(&fs[http2HeaderCount], uint64(blk.to-blk.from))
	if blk.to == blk.from {
		return
	}
	e.Group(&http2HeaderGroup)
	for k := blk.from; k < blk.to; k++ {
		h := &n.fs[k]
		name, value := n.name(h), n.value(h)
		e.Item()
		if e.Tree() {
			t := append(e.Text(), "Header: "...)
			t = append(t, name...)
			t = append(t, ": "...)
			t = append(t, value...)
			if string(name) == ":status" {
				if code, ok := http2Status(value); ok {
					t = append(t, ' ')
					t = append(t, httpStatusText(code)...)
				}
			}
			e.SetRepr(t)
		}
		e.Sub()
		if e.all {
			e.None(&fs[http2Header]) // JSON: the item itself
		}
		e.Uint(&fs[http2HeaderNameLength], uint64(len(name)))
		e.Bytes(&fs[http2HeaderName], name)
		e.Uint(&fs[http2HeaderValueLength], uint64(len(value)))
		e.Bytes(&fs[http2HeaderValue], value)
		if nf := http2NamedField(name); nf != nil {
			if v, ok := http2NamedValue(nf, value); ok {
				if nf.Kind == KindUint {
					e.Uint(nf, v)
				} else {
					e.Bytes(nf, value)
				}
			}
		}
		e.Bytes(&fs[http2HeaderUnescaped], value)
		t := e.Text()
		t = append(t, hpackRepNames[h.rep]...)
		if h.rep != hpackIndexed {
			if h.index != 0 {
				t = append(t, " - Indexed Name"...)
			} else {
				t = append(t, " - New Name"...)
			}
		}
		e.TextDone(&fs[http2HeaderRepr], t)
		if h.index != 0 {
			e.Uint(&fs[http2HeaderIndex], uint64(h.index))
		}
		e.Up()
		e.End()
	}
	e.End()
	t := e.Text()
	n0 := len(t)
	if t, ok := appendHTTP2FullURI(t, n, blk); ok && len(t) > n0 { // a generated field
		e.TextDone(&fs[http2FullURI], t)
	}
}
